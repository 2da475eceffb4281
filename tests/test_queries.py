"""The algorithms of kg.queries: dates, paths, centrality, timeline, frames, merge.

Rules are tested on invented graphs; the answers on the example articles
(built as `make demo` does, dated 2025-03-07) are checked at the end.
"""

from __future__ import annotations

import datetime as dt
import sys

import pytest

import kg
from kg.errors import InputError
from kg.graph import KnowledgeGraph
from kg.queries import MissingExtra, Path
from kg.queries.dates import bound, date_range
from kg.types import Actor, Commitment, Document, Evidence, Place, Role, Statement
from tests.conftest import EXAMPLES

A, B_, C, D = "urn:a", "urn:b", "urn:c", "urn:d"
D1 = Document("d1", "...", date="2025-03-07")


def ev(sentence: int) -> Evidence:
    return Evidence("d1", sentence, sentence * 10, sentence * 10 + 9, f"sentence {sentence}")


@pytest.fixture
def chain() -> KnowledgeGraph:
    """Ann demands of Bo; Bo's promise is reported by Cy; Di is alone; Ann holds a role in Bo's country."""
    return KnowledgeGraph(
        actors=[Actor(A, "Ann", "Person", roles=[Role("minister", "minister", "urn:land", ev(0))]),
                Actor(B_, "Bo", "Person"), Actor(C, "Cy", "Person"), Actor(D, "Di", "Person"),
                Actor("urn:land", "Land", "Country")],
        places=[Place("urn:town", "Town", country="urn:land")],
        commitments=[Commitment("urn:c1", A, "demand", "pay", target=B_, evidence=[ev(1)]),
                     Commitment("urn:c2", B_, "promise", "pay soon", reported_by=C, place="urn:town",
                                date="2025-W11", evidence=[ev(2)])],
        statements=[Statement("urn:s1", D, "hello", True, evidence=[ev(3)])],
        documents=[D1])


# --- dates --------------------------------------------------------------------


@pytest.mark.parametrize("value, first, last", [
    ("2025-03-07", "2025-03-07", "2025-03-07"),
    ("2024-02", "2024-02-01", "2024-02-29"),
    ("2025", "2025-01-01", "2025-12-31"),
    ("2025-W01", "2024-12-30", "2025-01-05"),
    ("2025-02/2025-03-03", "2025-02-01", "2025-03-03"),
    ("2025-03-07T10:00:00", "2025-03-07", "2025-03-07"),
])
def test_date_ranges(value, first, last):
    assert date_range(value) == (dt.date.fromisoformat(first), dt.date.fromisoformat(last))


@pytest.mark.parametrize("value", ["soon", "2025-13", "2025-02-30", "2025-W60", "2025-03/2025-01", "", None])
def test_not_dates(value):
    assert date_range(value) is None


def test_bounds_cover_whole_periods():
    assert bound("2025-W11") == dt.date(2025, 3, 10)
    assert bound("2025-W11", end=True) == dt.date(2025, 3, 16)
    assert bound(None) is None


# --- paths and neighbours -------------------------------------------------------


def test_path_is_a_chain_of_facts_with_evidence(chain):
    p = chain.path("Ann", "Cy")
    assert isinstance(p, Path) and len(p) == 2
    assert p.entities == [A, B_, C]
    assert [(h.relation, h.parts) for h in p] == [("demand", ("committer", "addressee")),
                                                  ("promise", ("committer", "reported"))]
    assert [f.iri for f in p.facts] == ["urn:c1", "urn:c2"]
    assert p.evidence == [ev(1), ev(2)]
    assert str(p).splitlines()[0] == "Ann (committer) -> demand: pay -> (addressee) Bo"


def test_path_through_a_direct_link_carries_the_roles_evidence(chain):
    p = chain.path("Ann", "Land")
    assert [(h.relation, h.fact) for h in p] == [("role", None)]
    assert p.evidence == [ev(0)]
    assert str(p) == "Ann -> role -> Land"


def test_path_edge_cases(chain):
    assert chain.path("Ann", "Di") is None  # nothing connects them
    same = chain.path("Ann", "Ann")
    assert len(same) == 0 and same.entities == [] and same.facts == []


def test_neighbors_and_relations(chain):
    names = lambda recs: [r.name for r in recs]  # noqa: E731
    assert names(chain.neighbors("Ann")) == ["Bo", "Land"]
    assert names(chain.neighbors("Bo")) == ["Ann", "Cy", "Town"]
    assert names(chain.neighbors("Bo", "promise")) == ["Cy"]  # the place of the promise is not whom it was made to
    assert names(chain.neighbors("Bo", "place")) == ["Town"]
    assert names(chain.neighbors("Cy", "reported")) == ["Bo"]
    assert names(chain.neighbors("Ann", "role")) == ["Land"]
    assert names(chain.neighbors("Town", "located_in")) == ["Land"]
    assert chain.neighbors("Di") == []  # statements link nobody
    with pytest.raises(ValueError, match="unknown relation 'likes'; choose from: promise, demand"):
        chain.neighbors("Ann", "likes")


# --- centrality -----------------------------------------------------------------


def test_central_actors_measures(chain):
    # Ann (a demand, a role), Bo (a demand, a promise) and Land (a role, a town) tie: by name.
    assert [(a.name, round(s, 3)) for a, s in chain.central_actors(4)] == [
        ("Ann", 0.25), ("Bo", 0.25), ("Land", 0.25), ("Cy", 0.125)]
    between = chain.central_actors(None, "betweenness")
    assert between[0][0].name == "Bo" and len(between) == 5
    assert all(score == 0 for a, score in between if a.name in ("Di", "Cy"))
    with pytest.raises(ValueError, match="unknown measure"):
        chain.central_actors(measure="fame")


def test_pagerank_needs_scipy_and_says_so(chain, monkeypatch):
    monkeypatch.setitem(sys.modules, "scipy", None)
    with pytest.raises(ImportError, match=r"needs scipy \(pip install scipy\); 'degree' and 'betweenness' do not"):
        chain.central_actors(measure="pagerank")


def test_pagerank_with_scipy(chain):
    pytest.importorskip("scipy")
    ranked = chain.central_actors(None, "pagerank")
    assert len(ranked) == 5 and all(score > 0 for _, score in ranked)


# --- timeline -------------------------------------------------------------------


def test_timeline_orders_by_date_and_says_where_dates_come_from(chain):
    line = chain.timeline()
    assert [(d.when, d.fact.iri, d.from_document) for d in line] == [
        ("2025-03-07", "urn:c1", True), ("2025-03-07", "urn:s1", True), ("2025-W11", "urn:c2", False)]
    assert str(line[-1]) == "2025-W11  promise: pay soon"
    assert [d.fact.iri for d in chain.timeline(documents=False)] == ["urn:c2"]
    assert [d.fact.iri for d in chain.timeline(since="2025-03-08")] == ["urn:c2"]
    assert [d.fact.iri for d in chain.timeline(by="Di")] == ["urn:s1"]


def test_undated_facts_are_left_out_of_a_timeline():
    undated = Evidence("nodate", 0, 0, 1, "x")  # a document the graph does not hold
    g = KnowledgeGraph(commitments=[Commitment("urn:x", A, "promise", "x", evidence=[undated])])
    assert g.timeline() == [] and g.commitments(since="2000") == []
    assert len(g.commitments()) == 1


# --- frames ---------------------------------------------------------------------


def test_to_frames_without_pandas_says_how_to_install_it(chain, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtra, match=r"pip install kg\[pandas\]"):
        chain.to_frames()


def test_to_frames(chain):
    pytest.importorskip("pandas")
    frames = chain.to_frames()
    entities, facts, evidence = frames
    assert frames.facts is facts
    assert list(entities.name) == ["Ann", "Bo", "Cy", "Di", "Land", "Town"]
    assert list(facts.kind) == ["demand", "promise", "quote"]
    assert facts.set_index("iri").loc["urn:c1", "target_name"] == "Bo"
    assert list(evidence.sentence) == [1, 2, 3] and set(evidence.document_date) == {"2025-03-07"}


# --- merge ------------------------------------------------------------------------

A_TXT, B_TXT = EXAMPLES / "ceasefire_talks_a.txt", EXAMPLES / "ceasefire_talks_b.txt"


def by_content(g: KnowledgeGraph) -> dict:
    """Actors, commitments and statements by name, kind, content and evidence (not IRIs)."""
    name = g.name_of
    return {
        "actors": sorted((a.name, a.type, tuple(sorted(set(a.aliases))), tuple(a.mentions)) for a in g.actors()),
        "commitments": sorted((name(c.actor), c.kind, name(c.target) or "", c.content, tuple(sorted(c.evidence)))
                              for c in g.commitments()),
        "statements": sorted((name(s.speaker), s.quote, s.content, tuple(sorted(s.evidence)))
                             for s in g.statements()),
    }


@pytest.fixture(scope="module")
def at_once(nlp):
    return kg.build_files([A_TXT, B_TXT], date="2025-03-07", nlp=nlp)


def test_build_into_equals_building_at_once(nlp, at_once):
    first = kg.build_files([A_TXT], date="2025-03-07", nlp=nlp)
    grown = kg.build_files([B_TXT], date="2025-03-07", nlp=nlp, into=first)
    assert grown is first
    assert by_content(grown) == by_content(at_once)
    # ...and the IRIs too: the reduce ran over the same records in the same order.
    assert [c.iri for c in grown.commitments()] == [c.iri for c in at_once.commitments()]
    assert grown.stats["documents"] == 2


def test_merge_equals_building_at_once(nlp, at_once):
    a = kg.build_files([A_TXT], date="2025-03-07", nlp=nlp)
    b = kg.build_files([B_TXT], date="2025-03-07", nlp=nlp)
    assert by_content(a.merge(b)) == by_content(at_once)
    assert by_content(a.merge(b)) == by_content(at_once)  # the same articles again change nothing
    assert a.merge(a) is a


def test_merge_of_a_loaded_graph_is_record_by_record(nlp, at_once, tmp_path):
    a = kg.load(kg.build_files([A_TXT], date="2025-03-07", nlp=nlp).write(tmp_path / "a.ttl"))
    a.merge(kg.build_files([B_TXT], date="2025-03-07", nlp=nlp))
    got, want = by_content(a), by_content(at_once)
    assert got["commitments"] == want["commitments"] and got["statements"] == want["statements"]
    assert [x[:2] for x in got["actors"]] == [x[:2] for x in want["actors"]]


def test_build_texts_into_numbers_documents_on(build_texts):
    texts = ["Freedonia's prime minister Alia Noor urged Sylvania to sign the treaty.",
             "Sylvania's foreign minister Bram Okafor promised to reply next week."]
    grown = build_texts(texts[1:], date="2025-03-07", into=build_texts(texts[:1], date="2025-03-07"))
    assert [d.id for d in grown.documents()] == ["doc1", "doc2"]
    assert by_content(grown) == by_content(build_texts(texts, date="2025-03-07"))


def test_merge_refuses_what_it_cannot_merge(build_texts):
    one = build_texts(["Alia Noor urged Sylvania to sign the treaty."])
    other = build_texts(["Bram Okafor promised to reply."])  # also "doc1", another text
    with pytest.raises(InputError, match="document 'doc1' is in both graphs with different texts"):
        one.merge(other)
    elsewhere = KnowledgeGraph(base_iri="https://elsewhere.example/")
    with pytest.raises(ValueError, match="different base IRIs"):
        one.merge(elsewhere)


# --- the example articles -------------------------------------------------------


@pytest.fixture(scope="module")
def example(nlp):
    return kg.build_files([EXAMPLES], date="2025-03-07", nlp=nlp)


def test_example_demands_addressed_to_ukraine(example):
    demands = example.commitments(kind="demand", to="Ukraine")
    assert {example.name_of(c.actor) for c in demands} == {"Donald Trump"}
    assert any("cease-fire" in c.content for c in demands)
    assert all(s.document.id.startswith("ceasefire_talks_") for c in demands for s in example.sources(c))


def test_example_statements_of_the_envoy(example):
    envoy = example.entity("the envoy")
    assert envoy.name == "Steve Witkoff"
    said = example.statements(by="the envoy")
    assert len(said) >= 6 and {s.speaker for s in said} == {envoy.iri}
    assert example.quotes(by=envoy) and all(q.quote for q in example.quotes(by=envoy))
    assert any("apology" in s.content for s in said)


def test_example_path_from_the_envoy_to_the_national_security_adviser(example):
    p = example.path("the envoy", "the national security adviser")
    assert [example.name_of(x) for x in p.entities] == ["Steve Witkoff", "Mike Waltz"]
    assert p.hops[0].parts == ("reported", "committer")
    assert any("national security adviser" in e.text for e in p.evidence)


def test_example_timeline_and_centrality(example):
    line = example.timeline()
    assert [d.start for d in line] == sorted(d.start for d in line)
    assert any(d.when == "2025-03-07/2035-03-07" for d in line)  # "over the next decade"
    assert example.central_actors(1)[0][0].name == "Steve Witkoff"
