"""kg.load: an export read back is the graph that was written, in every RDF format."""

from __future__ import annotations

import pytest

import kg
from kg.errors import InputError
from tests.conftest import EXAMPLES

FORMATS = ["ttl", "nt", "jsonld", "trig"]


@pytest.fixture(scope="module")
def built(nlp):
    return kg.build_files([EXAMPLES], date="2025-03-07", nlp=nlp)


@pytest.fixture(scope="module")
def exports(built, tmp_path_factory):
    folder = tmp_path_factory.mktemp("exports")
    return {fmt: built.write(folder / f"graph.{fmt}") for fmt in FORMATS}


def snapshot(g: kg.KnowledgeGraph) -> dict:
    """Everything an export keeps, in a form that ignores list order (RDF has
    none) and the alias equal to the name (the writer leaves it out)."""
    def names(rec):
        return frozenset(rec.aliases) | {rec.name}

    return {
        "actors": [(a.iri, a.name, a.type, names(a), tuple(sorted(a.mentions)), frozenset(a.affiliations),
                    a.wikidata, tuple(sorted(map(repr, a.roles)))) for a in g.actors()],
        "places": [(p.iri, p.name, p.type, names(p), tuple(sorted(p.mentions)), p.country, p.wikidata)
                   for p in g.places()],
        "commitments": [{**vars(c), "partners": sorted(c.partners), "evidence": sorted(c.evidence)}
                        for c in g.commitments()],
        "statements": [{**vars(s), "evidence": sorted(s.evidence)} for s in g.statements()],
        "documents": [(d.id, d.title, d.date, d.url, d.source) for d in g.documents()],
    }


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_export_loads_back_to_the_same_graph(built, exports, fmt):
    loaded = kg.load(exports[fmt])
    assert loaded.base_iri == built.base_iri
    want, got = snapshot(built), snapshot(loaded)
    for table in want:
        assert got[table] == want[table], table
    # The article texts are not in an export; every evidence passage is.
    assert all(d.text == "" for d in loaded.documents())


@pytest.mark.parametrize("fmt", FORMATS)
def test_loaded_and_built_graphs_give_the_same_answers(built, exports, fmt):
    loaded = kg.load(exports[fmt])
    for g in (built, loaded):
        g.answers = {
            "demands to Ukraine": [(c.actor, c.content) for c in g.commitments(kind="demand", to="Ukraine")],
            "envoy said": [s.content for s in g.statements(by="the envoy")],
            "quotes": [s.iri for s in g.quotes()],
            "path": str(g.path("the envoy", "the national security adviser")),
            "neighbors": [a.iri for a in g.neighbors("Ukraine")],
            "central": [(a.iri, round(s, 9)) for a, s in g.central_actors(None)],
            "timeline": [(d.when, d.fact.iri) for d in g.timeline()],
            "sources": [(s.document.id, s.evidence) for c in g.commitments() for s in g.sources(c)],
            "search": [r.iri for r in g.search("zelensky")],
            "since": [c.iri for c in g.commitments(since="2025-03-08")],
            "sparql": g.sparql("SELECT ?c ?t WHERE { ?c kg:content ?t } ORDER BY ?c").rows,
            "networkx": sorted(map(str, g.to_networkx().edges(data="relation"))),
        }
    for key, answer in built.answers.items():
        assert loaded.answers[key] == answer, key
    assert built.answers["demands to Ukraine"] and built.answers["envoy said"]


def test_a_loaded_graph_writes_the_same_export(exports, tmp_path):
    loaded = kg.load(exports["nt"])
    again = loaded.write(tmp_path / "again.ttl")
    assert again.read_text(encoding="utf-8") == exports["ttl"].read_text(encoding="utf-8")


def test_a_custom_base_iri_is_found_again(nlp, tmp_path):
    g = kg.build(["Freedonia's prime minister Alia Noor urged Sylvania to sign the treaty."], nlp=nlp,
                 base_iri="https://news.example/graph/", date="2025-03-07")
    loaded = kg.load(g.write(tmp_path / "g.nt"))
    assert loaded.base_iri == "https://news.example/graph/"
    assert [a.iri for a in loaded.actors()] == [a.iri for a in g.actors()]


def test_kg_load_is_exported():
    assert "load" in kg.__all__ and callable(kg.load) and kg.load.__module__ == "kg.load"


def test_format_can_be_named(exports, tmp_path):
    odd = tmp_path / "graph.rdf"
    odd.write_bytes(exports["ttl"].read_bytes())
    assert len(kg.load(odd, format="turtle").commitments()) == len(kg.load(exports["ttl"]).commitments())


@pytest.mark.parametrize("name, content, message", [
    ("missing.ttl", None, "no such file: .*missing.ttl"),
    ("folder", "dir", "a folder, not an export file"),
    ("articles.txt", "Officials met.", "not an RDF export"),
    ("broken.ttl", "<a> <b> .", "cannot load .*broken.ttl"),
    ("other.ttl", "<https://x.example/a> <https://x.example/b> <https://x.example/c> .", "holds no kg data"),
])
def test_bad_files_are_one_clear_error(tmp_path, name, content, message):
    path = tmp_path / name
    if content == "dir":
        path.mkdir()
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        kg.load(path)
