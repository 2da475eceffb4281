"""KnowledgeGraph's query methods on small graphs made by hand (no spaCy).

The people, places and facts here are invented; the answers on the example
articles are checked in test_queries.py and docs/api.md.
"""

from __future__ import annotations

import datetime as dt

import pytest

from kg.graph import KnowledgeGraph, UnknownEntity
from kg.types import Actor, Commitment, Document, Evidence, Place, Role, Statement

B = "https://kg.example/"


def ev(doc: str, sentence: int, text: str = "...") -> Evidence:
    return Evidence(doc, sentence, sentence * 100, sentence * 100 + len(text), text)


@pytest.fixture
def g() -> KnowledgeGraph:
    a = lambda name: f"{B}actor/{name}"  # noqa: E731
    actors = [
        Actor(a("Alia_Noor"), "Alia Noor", "Person", aliases=["Noor", "Alia Noor"],
              roles=[Role("prime minister", "prime minister", a("Freedonia"), ev("d1", 0))],
              affiliations=[a("Freedonia")]),
        Actor(a("Bram_Okafor"), "Bram Okafor", "Person", aliases=["Okafor"],
              roles=[Role("special envoy for trade", "special envoy for trade", a("Sylvania"))]),
        Actor(a("Cato_Okafor"), "Cato Okafor", "Person", aliases=["Okafor"]),
        Actor(a("Freedonia"), "Freedonia", "Country", aliases=["Freedonian"]),
        Actor(a("Sylvania"), "Sylvania", "Country", aliases=["Sylvanian", "the Sylvanians"]),
    ]
    places = [Place(f"{B}place/Port_Lune", "Port Lune", country=a("Sylvania")),
              Place(a("Sylvania"), "Sylvania", "Country", aliases=["Sylvania"])]
    commitments = [
        Commitment(f"{B}commitment/1", a("Alia_Noor"), "demand", "sign the water treaty", target=a("Sylvania"),
                   evidence=[ev("d1", 1, "Noor urged Sylvania to sign the water treaty.")]),
        Commitment(f"{B}commitment/2", a("Freedonia"), "agreement", "hold talks in Port Lune",
                   target=None, partners=[a("Sylvania")], place=f"{B}place/Port_Lune", date="2025-W11",
                   evidence=[ev("d1", 2), ev("d2", 0)]),
        Commitment(f"{B}commitment/3", a("Cato_Okafor"), "promise", "release the report", date="2025-04",
                   reported_by=a("Bram_Okafor"), evidence=[ev("d2", 3)]),
        Commitment(f"{B}commitment/4", a("Sylvania"), "refusal", "pay the levy", target=a("Freedonia"),
                   evidence=[ev("d2", 4)]),
    ]
    statements = [
        Statement(f"{B}statement/1", a("Alia_Noor"), "We will not wait forever", True, cue="said",
                  date="2025-03-05", evidence=[ev("d1", 3)]),
        Statement(f"{B}statement/2", a("Alia_Noor"), "that talks were close", False, cue="said",
                  evidence=[ev("d2", 1)]),
        Statement(f"{B}statement/3", a("Bram_Okafor"), "It is a good day", True, cue="said",
                  evidence=[ev("d2", 2)]),
    ]
    documents = [Document("d1", "...", title="Water talks", date="2025-03-05"),
                 Document("d2", "...", date="2025-03-07")]
    return KnowledgeGraph(actors, places, commitments, statements, documents)


# --- the records, as before ---------------------------------------------------


def test_existing_calls_keep_their_behaviour(g):
    assert [c.kind for c in g.commitments()] == ["demand", "agreement", "promise", "refusal"]
    assert [c.iri for c in g.commitments("demand")] == [f"{B}commitment/1"]  # kind stays the first positional
    assert g.commitments(kind="wish") == []
    assert [s.iri[-1] for s in g.statements()] == ["1", "2", "3"]
    assert g.find("NOOR").name == "Alia Noor"
    assert g.find("Okafor") is None  # two actors share the surname: none rather than a wrong one
    assert g.document("d1").title == "Water talks" and g.document("nope") is None


# --- naming things ------------------------------------------------------------


@pytest.mark.parametrize("ref, name", [
    ("alia noor", "Alia Noor"),
    ("the prime minister", "Alia Noor"),
    ("the envoy", "Bram Okafor"),
    ("the Sylvanian envoy", "Bram Okafor"),  # role words plus the affiliation's words
    (f"{B}actor/Cato_Okafor", "Cato Okafor"),
    ("Port Lune", "Port Lune"),
])
def test_entity_takes_names_roles_and_iris(g, ref, name):
    assert g.entity(ref).name == name


def test_entity_accepts_its_own_records_only(g):
    noor = g.find("Noor")
    assert g.entity(noor) is noor
    with pytest.raises(UnknownEntity, match="not in this graph"):
        g.entity(Actor("urn:x", "Stranger", "Person"))


def test_entity_says_why_it_cannot_answer(g):
    with pytest.raises(UnknownEntity, match=r"^'Okafor' is ambiguous: Bram Okafor \(Person\), "
                                            r"Cato Okafor \(Person\)$"):
        g.entity("Okafor")
    with pytest.raises(UnknownEntity, match="did you mean: Alia Noor"):
        g.entity("Alia Nor")
    with pytest.raises(LookupError, match="no actor or place named 'Quux'$"):
        g.entity("Quux")


def test_search_is_fuzzy_and_ranked(g):
    assert [r.name for r in g.search("sylvana")][0] == "Sylvania"
    assert [r.name for r in g.search("okafor")] == ["Bram Okafor", "Cato Okafor"]
    assert g.search("envoy")[0].name == "Bram Okafor"  # roles are searched too
    assert [r.name for r in g.search("Sylvania")].count("Sylvania") == 1  # country and place: listed once
    assert g.search("zzzz") == []
    assert len(g.search("a", limit=2)) <= 2


# --- filters ------------------------------------------------------------------


def test_commitments_by_and_to(g):
    assert [c.content for c in g.commitments(by="Noor")] == ["sign the water treaty"]
    # a partner in an agreement commits too
    assert [c.kind for c in g.commitments(by="Sylvania")] == ["agreement", "refusal"]
    assert [c.kind for c in g.commitments(to="the Sylvanians")] == ["demand"]
    assert [c.kind for c in g.commitments("refusal", by="Sylvania", to="Freedonia")] == ["refusal"]
    assert g.commitments(kind="DEMAND", by="the prime minister") == g.commitments(by="Noor")
    with pytest.raises(UnknownEntity):
        g.commitments(by="Nobody Atall")


@pytest.mark.parametrize("since, until, kinds", [
    ("2025-03-06", None, ["agreement", "promise", "refusal"]),  # the demand's article is of 03-05
    (None, "2025-03-09", ["demand", "refusal"]),  # week 11 starts on 03-10
    ("2025-03-10", "2025-03-10", ["agreement"]),
    ("2025-04", "2025-04", ["promise"]),
    (dt.date(2025, 3, 7), "2025-03", ["agreement", "refusal"]),  # a date object works too
    ("2025", None, ["demand", "agreement", "promise", "refusal"]),
])
def test_commitments_since_until(g, since, until, kinds):
    assert [c.kind for c in g.commitments(since=since, until=until)] == kinds


def test_bad_dates_are_refused(g):
    with pytest.raises(ValueError, match="not a date: 'next week'"):
        g.commitments(since="next week")


def test_statements_and_quotes(g):
    assert [s.content for s in g.statements(by="the prime minister")] == ["We will not wait forever",
                                                                          "that talks were close"]
    assert [s.content for s in g.quotes()] == ["We will not wait forever", "It is a good day"]
    assert [s.content for s in g.quotes(by="Bram Okafor")] == ["It is a good day"]
    assert [s.content for s in g.statements(quote=False)] == ["that talks were close"]
    assert [s.content for s in g.statements(since="2025-03-06")] == ["that talks were close", "It is a good day"]


def test_sources_give_documents_and_sentences(g):
    demand = g.commitments("demand")[0]
    [src] = g.sources(demand)
    assert (src.document.title, src.sentence) == ("Water talks", 1)
    assert src.text == "Noor urged Sylvania to sign the water treaty."
    assert str(src).startswith("d1, sentence 2: ") and repr(src).startswith("Source(document='d1', sentence=1")
    assert [s.document.id for s in g.sources(f"{B}commitment/2")] == ["d1", "d2"]
    with pytest.raises(ValueError):
        g.sources(f"{B}actor/Alia_Noor")


def test_unknown_documents_are_named_by_id():
    g = KnowledgeGraph(statements=[Statement("urn:s", "urn:a", "x", True, evidence=[ev("gone", 0)])])
    assert [(s.document.id, s.document.text) for s in g.sources("urn:s")] == [("gone", "")]


def test_sparql_sees_the_graph(g):
    result = g.sparql("SELECT ?name WHERE { ?c a kg:Demand ; kg:actor/skos:prefLabel ?name }")
    assert [row[0].value for row in result.rows] == ["Alia Noor"]
    assert g.sparql("ASK { ?s kg:quote true }").boolean is True
    from kg.rdf.sparql import QueryError

    with pytest.raises(QueryError):
        g.sparql("SELECT nonsense")


def test_merge_drops_caches(g):
    g.sparql("ASK { ?s ?p ?o }")
    g.find("Noor")
    g.to_networkx()
    other = KnowledgeGraph([Actor(f"{B}actor/Dana_Vey", "Dana Vey", "Person")],
                           statements=[Statement(f"{B}statement/9", f"{B}actor/Dana_Vey", "Hello there", True,
                                                 evidence=[ev("d3", 0)])],
                           documents=[Document("d3", "...", date="2025-03-08")])
    assert g.merge(other) is g
    assert g.find("dana vey").name == "Dana Vey"
    assert g.sparql("ASK { ?s skos:prefLabel 'Dana Vey' }").boolean is True
    assert [d.id for d in g.documents()] == ["d1", "d2", "d3"]
    assert g.path("Dana Vey", "Noor") is None


def test_a_queried_graph_still_pickles(g):
    import copy
    import pickle

    g.sparql("ASK { ?s ?p ?o }")
    g.path("Noor", "Sylvania")
    again = pickle.loads(pickle.dumps(g))
    assert again.sparql("ASK { ?s kg:quote true }").boolean is True
    assert copy.deepcopy(g).find("noor").name == "Alia Noor"
