"""RDF export: ontology, IRIs, formats, determinism, round trips, SHACL.

Most tests use :func:`make_graph`, a small graph built directly from the
dataclasses (no spaCy) with hostile names; the last ones use the example
articles through the session fixtures of conftest.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from kg.config import DEFAULT_BASE_IRI, ONTOLOGY_IRI
from kg.graph import KnowledgeGraph
from kg.rdf import (
    actor_iri,
    document_iri,
    encode_name,
    evidence_iri,
    fact_iri,
    place_iri,
    quads,
    role_iri,
    to_rdf,
    validate,
    write_rdf,
)
from kg.rdf.formats import jsonld_context
from kg.rdf.vocab import KG, ontology_file
from kg.types import Actor, Commitment, Document, Evidence, Mention, Place, Role, Statement

ROOT = Path(__file__).resolve().parent.parent
B = DEFAULT_BASE_IRI
# rdflib 7.6 warns about its own internals (ConjunctiveGraph in its TriG and
# JSON-LD parsers, Dataset.default_context in Dataset.quads).
RDFLIB_NOISE = [
    pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning"),
]
pytestmark = RDFLIB_NOISE
HOSTILE = 'Zoë "Q" O\'Brien <script>alert(1)</script>\tof\nthe & Co. \\ {x} 🕊'
FORMATS = {"turtle": "ttl", "nt": "nt", "trig": "trig", "json-ld": "jsonld"}
OX_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "trig": ox.RdfFormat.TRIG,
              "jsonld": ox.RdfFormat.JSON_LD}
RDFLIB_FORMATS = {"ttl": "turtle", "nt": "nt", "trig": "trig", "jsonld": "json-ld"}


def make_graph(documents: tuple[str, ...] = ("a.txt", "b.txt"), base: str = B) -> KnowledgeGraph:
    """A small graph with every kind of record, hostile names and a fact read
    from two articles; ``documents`` limits it to the facts of those documents
    (to simulate runs over overlapping articles)."""
    us, ua, trump = actor_iri(base, "United States"), actor_iri(base, "Ukraine"), actor_iri(base, "Donald Trump")
    waltz, hostile = actor_iri(base, "Mike Waltz"), actor_iri(base, HOSTILE)
    kremlin, group = actor_iri(base, "Кремль"), actor_iri(base, "European leaders")
    riyadh, tokyo = place_iri(base, "Saudi Arabia"), place_iri(base, "東京")

    def ev(doc: str, start: int, text: str, sentence: int = 0) -> Evidence:
        return Evidence(doc, sentence, start, start + len(text), text)

    a1 = ev("a.txt", 0, "The United States and Ukraine will hold a meeting in Saudi Arabia next week.")
    a2 = ev("a.txt", 80, "Trump has urged Ukraine to accept a cease-fire.", 1)
    a3 = ev("a.txt", 130, f'"We will not give up," said {HOSTILE}.', 2)
    b1 = ev("b.txt", 0, "The US and Ukraine are arranging a meeting in Saudi Arabia.")
    b2 = ev("b.txt", 60, "Waltz, the national security adviser, leads the talks.", 1)
    docs = [
        Document("a.txt", "...", title='Talks "in" <Riyadh>', date="2025-03-06",
                 url="https://news.example/a b?x=<1>", source="corpus/a.txt"),
        Document("b.txt", "...", title="Ceasefire", date="2025-03", url="not a url"),
    ]
    keep = set(documents)

    def only(evidence: list[Evidence]) -> list[Evidence]:
        return [e for e in evidence if e.document in keep]

    commitments = [
        Commitment(fact_iri(base, "commitment", us, "agreement", "hold a meeting"), us, "agreement",
                   "hold a meeting in Saudi Arabia", target=ua, partners=[ua], modality="will", time="next week",
                   date="2025-W11", place=riyadh, cue="will", evidence=only([a1, b1])),
        Commitment(fact_iri(base, "commitment", trump, "demand", "accept a cease-fire"), trump, "demand",
                   "accept a cease-fire", target=ua, cue="urged", date="2025-03-06", evidence=only([a2])),
        Commitment(fact_iri(base, "commitment", hostile, "refusal", "give up"), hostile, "refusal",
                   "give up", negated=True, modality="will", reported_by=trump, evidence=only([a3])),
        Commitment(fact_iri(base, "commitment", group, "proposal", "spend"), group, "proposal",
                   "increase defence spending", amount="over $800 billion", evidence=only([a2])),
        Commitment(fact_iri(base, "commitment", waltz, "expectation", "talks"), waltz, "expectation",
                   "the talks will succeed", evidence=only([b2])),
        Commitment(fact_iri(base, "commitment", ua, "promise", "talk"), ua, "promise", "talk to Кремль",
                   target=kremlin, evidence=only([b1])),
    ]
    statements = [
        Statement(fact_iri(base, "statement", hostile, "we will not give up"), hostile, "We will not give up",
                  quote=True, cue="said", audience="reporters <at> the \"White House\"", date="2025-03-06",
                  evidence=only([a3])),
        Statement(fact_iri(base, "statement", waltz, "talks"), waltz, "the talks are going well", quote=False,
                  cue="said", evidence=only([b2])),
    ]
    actors = [
        Actor(us, "United States", "Country", aliases=["US", "U.S.", "United States"], wikidata="Q30",
              mentions=[Mention("a.txt", 0, 4, 17, "United States"), Mention("b.txt", 0, 4, 6, "US")]),
        Actor(ua, "Ukraine", "Country", aliases=["Ukrainian"], wikidata="Q212",
              mentions=[Mention("a.txt", 0, 22, 29, "Ukraine")]),
        Actor(trump, "Donald Trump", "Person", aliases=["Trump"],
              roles=[Role("president", "President", us, a2)], affiliations=[us],
              mentions=[Mention("a.txt", 1, 80, 85, "Trump")]),
        Actor(waltz, "Mike Waltz", "Person", aliases=["Waltz"],
              roles=[Role("national security adviser", "national security adviser", us, b2)],
              mentions=[Mention("b.txt", 1, 60, 65, "Waltz")]),
        Actor(hostile, HOSTILE, "Person", aliases=["Zoë", "<b>Zoë</b>\x00\x1f\x7f"], wikidata="not-a-qid",
              mentions=[Mention("a.txt", 2, 160, 170, "Zoë \"Q\"")]),
        Actor(kremlin, "Кремль", "Organization", affiliations=[actor_iri(base, "Russia")]),
        Actor(actor_iri(base, "Russia"), "Russia", "Country", wikidata="http://www.wikidata.org/entity/Q159"),
        Actor(group, "European leaders", "Group"),
    ]
    places = [
        Place(ua, "Ukraine", "Country", aliases=["Ukraina"], mentions=[Mention("a.txt", 0, 22, 29, "Ukraine")]),
        Place(riyadh, "Saudi Arabia", "Country", wikidata="Q851",
              mentions=[Mention("a.txt", 0, 55, 67, "Saudi Arabia")]),
        Place(tokyo, "東京", country=None, aliases=["Tokyo"]),
        Place(place_iri(base, "Kyiv"), "Kyiv", country=ua),
    ]
    return KnowledgeGraph(actors=actors, places=places,
                          commitments=[c for c in commitments if c.evidence],
                          statements=[s for s in statements if s.evidence],
                          documents=[d for d in docs if d.id in keep], base_iri=base)


def _key(term) -> str:
    """One spelling for a term from rdflib or pyoxigraph (plain literal == xsd:string)."""
    if isinstance(term, (ox.NamedNode, rdflib.URIRef)):
        return f"<{term.value if isinstance(term, ox.NamedNode) else term}>"
    if isinstance(term, ox.Literal):
        return f"{term.value!r}^^{term.datatype.value}"
    if isinstance(term, rdflib.Literal):
        dt = str(term.datatype or "http://www.w3.org/2001/XMLSchema#string")
        return f"{str(term)!r}^^{dt}"
    if isinstance(term, (ox.DefaultGraph,)) or term == rdflib.graph.DATASET_DEFAULT_GRAPH_ID:
        return ""
    raise AssertionError(f"unexpected term {term!r}")


def _expected(graph: KnowledgeGraph, with_graphs: bool = False) -> set[tuple[str, ...]]:
    out = set()
    for s, p, o, g in quads(graph):
        obj = f"{o.value!r}^^{o.datatype or 'http://www.w3.org/2001/XMLSchema#string'}" if hasattr(o, "value") \
            else f"<{o}>"
        row = (f"<{s}>", f"<{p}>", obj)
        out.add(row + ((f"<{g}>" if g else ""),) if with_graphs else row)
    return out


@pytest.fixture(scope="module")
def graph() -> KnowledgeGraph:
    return make_graph()


@pytest.fixture(scope="module")
def exports(graph, tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("exports")
    return {ext: write_rdf(graph, out / f"graph.{ext}", fmt) for fmt, ext in FORMATS.items()}


# --- ontology and vocabulary ------------------------------------------------


def _ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(ontology_file("kg.ttl"))


def test_vocab_matches_ontology_both_ways():
    onto = _ontology()
    declared = {str(s)[len(ONTOLOGY_IRI):] for s in onto.subjects() if str(s).startswith(ONTOLOGY_IRI)}
    assert declared == set(KG.__annotations__)
    with pytest.raises(AttributeError):
        KG.Comitment  # noqa: B018 - a typo must raise, not mint an IRI


def test_every_term_has_type_label_and_comment():
    onto = _ontology()
    owl = rdflib.OWL
    for name in KG.__annotations__:
        term = KG[name]
        kinds = set(onto.objects(term, rdflib.RDF.type))
        assert kinds & {owl.Class, owl.ObjectProperty, owl.DatatypeProperty}, name
        assert onto.value(term, rdflib.RDFS.label) is not None, name
        assert len(str(onto.value(term, rdflib.RDFS.comment) or "")) > 10, name


def test_ontology_classes_and_alignments():
    onto = _ontology()
    sub = rdflib.RDFS.subClassOf
    for kind in ("Promise", "Demand", "Proposal", "Expectation", "Agreement", "Refusal"):
        assert (KG[kind], sub, KG.Commitment) in onto
    for actor in ("Person", "Organization", "Country", "Group"):
        assert (KG[actor], sub, KG.Actor) in onto
    assert (KG.Person, sub, rdflib.URIRef("https://schema.org/Person")) in onto
    assert (KG.Actor, sub, rdflib.PROV.Agent) in onto
    assert (KG.evidence, rdflib.RDFS.subPropertyOf, rdflib.PROV.wasDerivedFrom) in onto
    nif = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
    assert (KG.Evidence, sub, rdflib.URIRef(nif + "OffsetBasedString")) in onto


def test_shapes_target_every_class():
    shapes = rdflib.Graph().parse(ontology_file("shapes.ttl"))
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    targeted = set(shapes.objects(None, sh.targetClass))
    classes = set(_ontology().subjects(rdflib.RDF.type, rdflib.OWL.Class)) - {rdflib.BNode()}
    classes = {c for c in classes if isinstance(c, rdflib.URIRef)}
    assert len(classes) == 18
    assert classes <= targeted, classes - targeted


def test_context_file_is_the_export_context():
    shipped = json.loads(ontology_file("context.jsonld").read_text())
    assert shipped == {"@context": jsonld_context(DEFAULT_BASE_IRI)}


def test_ontology_ships_inside_the_package():
    link = ROOT / "kg" / "ontology"
    assert link.is_symlink() and os.readlink(link) == "../ontology"
    assert ontology_file("shapes.ttl").is_file()


# --- IRIs -------------------------------------------------------------------


@pytest.mark.parametrize("name", [HOSTILE, "São Paulo", "a/b#c?d", "U.S.", ".hidden-", "x\x00y", "a\ud800b",
                                  "Procter & Gamble", "100%", "東京", "Ελλάδα", "\u200b", "  spaced   out "])
def test_iris_from_any_name_are_valid(name):
    iri = actor_iri(B, name)
    ox.NamedNode(iri)  # the strict parser raises on an invalid IRI
    local = iri[len(B + "actor/"):]
    assert local and not any(c in local for c in ' <>"{}|\\^`/#?')
    assert actor_iri(B, name) == iri  # deterministic
    # parses back from Turtle as the same prefixed name
    ttl = f"@prefix actor: <{B}actor/> .\n<{iri}> <urn:p> <{iri}> .\n"
    assert next(iter(ox.parse(ttl.encode(), format=ox.RdfFormat.TURTLE))).subject.value == iri


def test_iris_are_stable_distinct_and_normalised():
    assert actor_iri(B, "Zoë") == actor_iri(B, unicodedata.normalize("NFD", "Zoë"))
    assert actor_iri(B, "Donald  Trump") == actor_iri(B, "Donald Trump") == B + "actor/Donald_Trump"
    names = ["A & B", "A%26B", "a & b", "A&B", "A-B", "A.B", "A/B"]
    assert len({actor_iri(B, n) for n in names}) == len(names)
    assert actor_iri(B, "A_B") == actor_iri(B, "A B")  # as in Wikipedia addresses, by design
    assert fact_iri(B, "commitment", "x", "y") != fact_iri(B, "commitment", "xy", "")
    assert role_iri(B, "a", "president") != role_iri(B, "a", "president", "us")
    assert evidence_iri(B, "a b.txt", 1, 2) == B + "evidence/a_b.txt-1-2"
    assert document_iri("http://other.example/kg/", "d") == "http://other.example/kg/document/d"
    with pytest.raises(ValueError):
        encode_name("   ")
    with pytest.raises(ValueError):
        fact_iri(B, "../x", "a")


# --- formats ----------------------------------------------------------------


@pytest.mark.parametrize("ext", ["ttl", "nt", "trig", "jsonld"])
def test_each_format_parses_back_to_the_same_triples(graph, exports, ext):
    expected = _expected(graph)
    path = exports[ext]
    by_ox = {(_key(q.subject), _key(q.predicate), _key(q.object))
             for q in ox.parse(path=str(path), format=OX_FORMATS[ext])}
    assert by_ox == expected
    if ext == "trig":
        ds = rdflib.Dataset()
        ds.parse(path, format="trig")
        by_rdflib = {(_key(s), _key(p), _key(o)) for s, p, o, _ in ds.quads()}
    else:
        by_rdflib = {tuple(map(_key, t)) for t in rdflib.Graph().parse(path, format=RDFLIB_FORMATS[ext])}
    assert by_rdflib == expected


def test_trig_keeps_each_documents_evidence_in_its_graph(graph, exports):
    expected = _expected(graph, with_graphs=True)
    got = {(_key(q.subject), _key(q.predicate), _key(q.object), _key(q.graph_name))
           for q in ox.parse(path=str(exports["trig"]), format=ox.RdfFormat.TRIG)}
    assert got == expected
    ds = rdflib.Dataset()
    ds.parse(exports["trig"], format="trig")
    graphs = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert {document_iri(B, "a.txt"), document_iri(B, "b.txt")} <= graphs
    for ev in ds.subjects(rdflib.RDF.type, KG.Evidence):
        doc = ds.value(ev, rdflib.PROV.wasDerivedFrom)
        assert (ev, rdflib.RDF.type, KG.Evidence, rdflib.URIRef(doc)) in ds
        assert (ev, rdflib.RDF.type, KG.Evidence, rdflib.graph.DATASET_DEFAULT_GRAPH_ID) not in ds


def test_to_rdf_is_a_dataset_with_entities_in_the_default_graph(graph):
    ds = to_rdf(graph)
    assert isinstance(ds, rdflib.Dataset)
    us = rdflib.URIRef(actor_iri(B, "United States"))
    assert (us, rdflib.SKOS.prefLabel, rdflib.Literal("United States")) in ds.default_graph
    assert len(list(ds.default_graph.subjects(rdflib.RDF.type, KG.Evidence))) == 0
    named = [g for g in ds.graphs() if g.identifier != rdflib.graph.DATASET_DEFAULT_GRAPH_ID and len(g)]
    assert len(named) == 2
    assert ds.namespace_manager.store.namespace("actor") == rdflib.URIRef(B + "actor/")


def test_turtle_is_readable(exports):
    text = exports["ttl"].read_text()
    assert "@prefix actor: <https://kg.example/actor/> ." in text
    assert "@prefix kg: <https://kg.example/ontology#> ." in text
    assert "actor:Donald_Trump a kg:Person ;" in text
    assert '\tskos:prefLabel "Donald Trump" ;' in text
    assert "owl:sameAs wd:Q30" in text
    body = text[text.index("\n\n"):]
    assert "<https://kg.example/" not in body  # every instance IRI shortened, even hostile ones
    assert "\n\nactor:Mike_Waltz a kg:Person ;\n" in text  # one paragraph a subject


def _write_in_subprocess(tmp: Path, seed: str) -> dict[str, bytes]:
    code = (
        "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]);"
        "from test_rdf import make_graph, FORMATS; from kg.rdf import write_rdf;"
        "g = make_graph(); out = Path(sys.argv[2]);"
        "[write_rdf(g, out / ('g.' + e), f) for f, e in FORMATS.items()]"
    )
    out = tmp / seed
    out.mkdir()
    env = {**os.environ, "PYTHONHASHSEED": seed}
    subprocess.run([sys.executable, "-c", code, str(ROOT / "tests"), str(out)], check=True, env=env, cwd=ROOT)
    return {e: (out / f"g.{e}").read_bytes() for e in FORMATS.values()}


def test_same_input_gives_byte_identical_files(graph, exports, tmp_path):
    """Two processes with different hash seeds write the very same bytes."""
    first = {ext: path.read_bytes() for ext, path in exports.items()}
    again = _write_in_subprocess(tmp_path, "12345")
    for ext in FORMATS.values():
        assert first[ext] == again[ext], ext
    rebuilt = tmp_path / "rebuilt.ttl"
    write_rdf(make_graph(), rebuilt, "turtle")
    assert rebuilt.read_bytes() == first["ttl"]


def test_country_used_as_place_is_one_node(graph, exports):
    ua = actor_iri(B, "Ukraine")
    assert ua in {a.iri for a in graph.actors()} and ua in {p.iri for p in graph.places()}
    g = rdflib.Graph().parse(exports["ttl"])
    node = rdflib.URIRef(ua)
    assert set(g.objects(node, rdflib.RDF.type)) == {KG.Country, KG.Place}
    assert list(g.objects(node, rdflib.SKOS.prefLabel)) == [rdflib.Literal("Ukraine")]
    assert rdflib.Literal("Ukraina") in set(g.objects(node, rdflib.SKOS.altLabel))
    assert len(list(g.objects(node, KG.mention))) == 1  # listed by actor and place, written once
    riyadh = rdflib.URIRef(place_iri(B, "Saudi Arabia"))  # a country only used as a place
    assert set(g.objects(riyadh, rdflib.RDF.type)) == {KG.Country, KG.Place}


def test_hostile_text_survives_every_format(exports):
    hostile = actor_iri(B, HOSTILE)
    for ext, path in exports.items():
        labels = {q.object.value for q in ox.parse(path=str(path), format=OX_FORMATS[ext])
                  if q.subject.value == hostile and q.predicate.value.endswith("#prefLabel")}
        assert labels == {HOSTILE}, ext
        aliases = {q.object.value for q in ox.parse(path=str(path), format=OX_FORMATS[ext])
                   if q.subject.value == hostile and q.predicate.value.endswith("#altLabel")}
        assert aliases == {"Zoë", "<b>Zoë</b>\x00\x1f\x7f"}, ext  # control characters too
    assert "<script>" not in exports["ttl"].read_text().split('"')[0]  # only inside literals


def test_documents_wikidata_and_urls(exports):
    g = rdflib.Graph().parse(exports["ttl"])
    doc = rdflib.URIRef(document_iri(B, "a.txt"))
    assert g.value(doc, rdflib.DCTERMS.title) == rdflib.Literal('Talks "in" <Riyadh>')
    assert g.value(doc, rdflib.DCTERMS.date) == rdflib.Literal("2025-03-06", datatype=rdflib.XSD.date)
    assert g.value(doc, rdflib.DCTERMS.source) == rdflib.URIRef("https://news.example/a%20b?x=%3C1%3E")
    other = rdflib.URIRef(document_iri(B, "b.txt"))
    assert g.value(other, rdflib.DCTERMS.source) == rdflib.Literal("not a url")
    assert g.value(other, rdflib.DCTERMS.date).datatype == rdflib.XSD.gYearMonth
    sames = {str(o) for o in g.objects(None, rdflib.OWL.sameAs)}
    assert sames == {"http://www.wikidata.org/entity/" + q for q in ("Q30", "Q212", "Q159", "Q851")}


def test_fact_read_from_two_articles_points_at_both(exports):
    g = rdflib.Graph().parse(exports["ttl"])
    multi = [c for c in g.subjects(rdflib.RDF.type, KG.Commitment)
             if len(set(g.objects(c, rdflib.PROV.wasDerivedFrom))) == 2]
    assert len(multi) == 1
    assert len(set(g.objects(multi[0], KG.evidence))) == 2
    assert (multi[0], rdflib.RDF.type, KG.Agreement) in g


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_invalid_record_iri_is_an_error_not_a_broken_file(tmp_path, fmt):
    g = KnowledgeGraph(actors=[Actor("https://kg.example/actor/a b>", "A", "Person")])
    with pytest.raises(ValueError, match="invalid IRI"):
        write_rdf(g, tmp_path / f"g.{FORMATS[fmt]}", fmt)


def test_base_iri_is_configurable(tmp_path):
    base = "http://other.example/kg/"
    path = write_rdf(make_graph(base=base), tmp_path / "g.ttl", "turtle")
    text = path.read_text()
    assert f"@prefix evidence: <{base}evidence/> ." in text
    assert "kg.example/actor" not in text and "document:a.txt a kg:Document" in text


def test_two_runs_over_overlapping_articles_merge_without_duplicates(tmp_path):
    first = write_rdf(make_graph(("a.txt",)), tmp_path / "run1.ttl", "turtle")
    second = write_rdf(make_graph(("a.txt", "b.txt")), tmp_path / "run2.nt", "nt")
    store = ox.Store()
    for path in (first, second):
        store.bulk_load(path=str(path), format=OX_FORMATS[path.suffix[1:]])
    dupes = list(store.query(
        "SELECT ?name (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x skos:prefLabel ?name } GROUP BY ?name HAVING (?n > 1)",
        prefixes={"skos": "http://www.w3.org/2004/02/skos/core#"}))
    assert dupes == []
    one = {(q.subject, q.predicate, q.object) for q in ox.parse(path=str(second), format=ox.RdfFormat.N_TRIPLES)}
    assert len(store) == len(one | {(q.subject, q.predicate, q.object)
                                    for q in ox.parse(path=str(first), format=ox.RdfFormat.TURTLE)})


# --- SHACL ------------------------------------------------------------------


def test_fixture_conforms_in_every_format(graph, exports):
    ok, report = validate(graph)
    assert ok, report
    for path in exports.values():
        ok, report = validate(path)
        assert ok, report
        assert report.startswith("Conforms: 0 violations")


def test_violations_are_reported_clearly(tmp_path):
    bad = make_graph()
    c = bad.commitments()[0]
    c.evidence = []
    c.actor = actor_iri(B, "Nobody")
    bad._actors[actor_iri(B, "Mike Waltz")].wikidata = None
    ok, report = validate(bad)
    assert not ok
    first, *lines = report.splitlines()
    assert first.startswith("Does not conform: 3 violations")
    assert any("kg:evidence" in line and c.iri.rsplit("/", 1)[1] in line for line in lines)
    assert any("kg:actor" in line for line in lines)


def test_validate_catches_hand_made_errors(tmp_path):
    path = tmp_path / "bad.ttl"
    path.write_text(
        "@prefix kg: <https://kg.example/ontology#> .\n"
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        "<https://kg.example/actor/A> a kg:Person , kg:Country ; owl:sameAs <https://example.org/Q1> .\n"
    )
    ok, report = validate(path)
    assert not ok
    assert "prefLabel" in report and "owl:sameAs" in report and "one actor class" in report


# --- the example articles (spaCy, built once per session) -------------------


def test_example_export_validates(example_graph, tmp_path):
    assert example_graph.commitments() and example_graph.statements()
    for fmt, ext in FORMATS.items():
        path = write_rdf(example_graph, tmp_path / f"graph.{ext}", fmt)
        ok, report = validate(path)
        assert ok, report


def test_example_countries_used_as_places_share_the_actor_iri(example_graph):
    actors = {a.iri: a for a in example_graph.actors()}
    shared = [p for p in example_graph.places() if p.iri in actors]
    assert shared, "the example has countries used as places"
    ds = to_rdf(example_graph)
    for p in shared:
        assert actors[p.iri].type == "Country"
        types = set(ds.objects(rdflib.URIRef(p.iri), rdflib.RDF.type))
        assert {KG.Country, KG.Place} <= types


def test_example_two_runs_give_no_duplicate_entities(nlp, tmp_path):
    import kg

    examples = ROOT / "examples"
    run1 = kg.build_files([examples / "ceasefire_talks_a.txt"], nlp=nlp)
    run2 = kg.build_files([examples], nlp=nlp)
    store = ox.Store()
    for i, g in enumerate((run1, run2)):
        path = write_rdf(g, tmp_path / f"run{i}.ttl", "turtle")
        store.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE)
    dupes = [(s["name"].value, s["n"].value) for s in store.query(
        "SELECT ?name (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x skos:prefLabel ?name } GROUP BY ?name HAVING (?n > 1)",
        prefixes={"skos": "http://www.w3.org/2004/02/skos/core#"})]
    assert dupes == []
    docs = list(store.query("SELECT DISTINCT ?d WHERE { ?d a kg:Document }", prefixes={"kg": ONTOLOGY_IRI}))
    assert len(docs) == 2


def test_package_data_ships_the_ontology():
    import tomllib

    data = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["kg"]
    assert "ontology/*.ttl" in data  # kg validate needs shapes.ttl and kg.ttl once installed


def test_rdf_speed_benchmark_smoke(tmp_path):
    out = tmp_path / "rdf_speed.json"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "rdf_speed.py"), "--triples", "1000",
                    "--output", str(out)], check=True, capture_output=True, cwd=ROOT)
    report = json.loads(out.read_text())
    assert 500 < report["triples"] < 2000
    methods = {r["method"]: r for r in report["results"]}
    assert set(methods) == {"rdflib-turtle", "pyoxigraph-turtle", "store-turtle", "rdflib-nt", "pyoxigraph-nt"}
    assert methods["store-turtle"]["triples"] == report["triples"] and report["kg_turtle_over_store_dump"] > 0
    assert all(r["total_seconds"] > 0 and r["peak_rss_mib"] > 0 and r["bytes"] > 0 for r in methods.values())
    assert methods["rdflib-nt"]["triples"] == report["triples"]
