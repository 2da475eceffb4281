"""The streamed Turtle writer (kg.rdf.turtle) writes the bytes of the general one:
every triple sorted and serialised by pyoxigraph (kg.rdf.formats.sorted_turtle)."""

from __future__ import annotations

import random

import pytest

from kg.graph import KnowledgeGraph
from kg.rdf.formats import sorted_turtle
from kg.ids import actor_iri, fact_iri, place_iri, role_iri
from kg.rdf.turtle import write_turtle
from kg.types import Actor, Commitment, Document, Evidence, Mention, Place, Role, Statement

B = "https://kg.example/"
ODD = ['say "no"', "back\\slash", "line\nbreak\r\ttab", "\x00\x01\x0b\x7f", "\ufffe\uffff", "é ü ß 😀",
       "\u2028\u0085", "a\ud800b", "", "5", "true", "Dr. Ana-Lu", "-lead", "end.", "100%", "a&b (c)", "Ωμέγα",
       "ª µ ²", "x/y#z", "  spaced  out  "]


def _graph(seed: int, base: str = B) -> KnowledgeGraph:
    rng = random.Random(seed)
    pick = lambda: rng.choice(ODD) or "n"  # noqa: E731
    docs = [Document(f"d{i} {pick()}", "", title=pick(), date=rng.choice(["2031-02-03", "2031-02", "2031", None]),
                     url=rng.choice(["https://n.example/a b", "not a url", None]), source=pick()) for i in range(3)]
    actors, places, commitments, statements = [], [], [], []
    for i in range(8):
        doc = rng.choice(docs).id
        name = f"{pick()} {i}"
        ev = Evidence(doc, i, 10 * i, 10 * i + 5, pick())
        iri = actor_iri(base, name)
        other = actor_iri(base, f"{pick()} {i + 1}")
        actors.append(Actor(iri, name, rng.choice(["Person", "Organization", "Country", "Group"]),
                            aliases=[pick(), pick(), name], roles=[Role(f"r {pick().lower()}", pick(), other, ev)],
                            mentions=[Mention(doc, i, 10 * i, 10 * i + 3, pick()), Mention(doc, 0, 1, 2, pick())],
                            affiliations=[other], wikidata=rng.choice(["Q30", None])))
        if i % 3 == 0:  # a country that is also a place: one node
            places.append(Place(iri, name, "Country", aliases=[pick()], mentions=actors[-1].mentions,
                                wikidata="Q31"))
        places.append(Place(place_iri(base, f"{pick()} p{i}"), f"p{i}", mentions=[Mention(doc, 2, 40, 44, pick())],
                            country=iri))
        commitments.append(Commitment(fact_iri(base, "commitment", str(i)), iri, rng.choice(["promise", "demand"]),
                                      pick(), target=other, partners=[other], modality=rng.choice(["will", None]),
                                      negated=bool(i % 2), time=pick(), date=rng.choice(["2031-W07", "2031-02-09"]),
                                      amount=pick(), cue=pick(), evidence=[ev, Evidence(doc, 0, 0, 5, pick())]))
        statements.append(Statement(fact_iri(base, "statement", str(i)), iri, pick(), quote=bool(i % 2), cue=pick(),
                                    audience=pick(), date="2031-02-03", evidence=[ev]))
    return KnowledgeGraph(actors, places, commitments, statements, docs, base_iri=base)


@pytest.mark.parametrize("seed", range(12))
def test_the_streamed_writer_writes_the_sorted_bytes(seed, tmp_path):
    g = _graph(seed)
    assert write_turtle(g, tmp_path / "g.ttl").read_bytes() == sorted_turtle(g)


@pytest.mark.parametrize("base", ["https://schema.org/", "urn:kg:", "https://ex.org/data#", "https://ex.org/ü/"])
def test_other_bases_and_namespaces_inside_others(base, tmp_path):
    g = _graph(3, base)
    assert write_turtle(g, tmp_path / "g.ttl").read_bytes() == sorted_turtle(g)


def test_the_example_articles(example_graph, tmp_path):
    assert write_turtle(example_graph, tmp_path / "g.ttl").read_bytes() == sorted_turtle(example_graph)


def test_an_empty_graph_and_a_bad_iri(tmp_path):
    assert write_turtle(KnowledgeGraph(), tmp_path / "e.ttl").read_bytes() == sorted_turtle(KnowledgeGraph())
    bad = KnowledgeGraph(actors=[Actor("not an iri", "X", "Person")])
    with pytest.raises(ValueError, match="invalid IRI"):
        write_turtle(bad, tmp_path / "b.ttl")


def test_role_iris_that_collide_are_one_subject(tmp_path):
    a = actor_iri(B, "Ana")
    g = KnowledgeGraph(actors=[Actor(a, "Ana", "Person", roles=[Role("mayor", "Mayor"), Role("mayor", "mayor")])])
    assert role_iri(B, a, "mayor") in write_turtle(g, tmp_path / "g.ttl").read_text().replace("role:", B + "role/")
    assert write_turtle(g, tmp_path / "g.ttl").read_bytes() == sorted_turtle(g)
