"""Every SPARQL query of docs/queries.md runs, and answers on a graph made to have answers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.rdf import write_rdf
from kg.rdf.sparql import QueryResult, open_store, run_query
from tests.test_rdf import HOSTILE, make_graph

DOC = Path(__file__).resolve().parent.parent / "docs" / "queries.md"
BLOCK = re.compile(r"^## (?P<title>.+?)\n(?P<body>.*?)^```sparql\n(?P<query>.*?)^```", re.M | re.S)


def doc_queries() -> list[tuple[str, str]]:
    return [(m["title"], m["query"]) for m in BLOCK.finditer(DOC.read_text(encoding="utf-8"))]


QUERIES = doc_queries()


def test_the_doc_has_at_least_six_explained_queries():
    assert len(QUERIES) >= 6
    titles = " ".join(t.lower() for t, _ in QUERIES)
    for topic in ("committed", "demands", "statements", "role", "two or more articles", "meetings"):
        assert topic in titles, topic
    for m in BLOCK.finditer(DOC.read_text(encoding="utf-8")):
        assert len(m["body"].strip()) > 40, m["title"]  # each says what it answers


@pytest.fixture(scope="module")
def fixture_store(tmp_path_factory):
    path = write_rdf(make_graph(), tmp_path_factory.mktemp("q") / "graph.ttl", "turtle")
    return open_store([path])


def _rows(result: QueryResult) -> list[dict[str, str]]:
    return [{v: (t.value if t is not None else None) for v, t in zip(result.variables, row)} for row in result.rows]


@pytest.mark.parametrize("title, query", QUERIES, ids=[t.split(".")[0] for t, _ in QUERIES])
def test_doc_query_answers_on_the_fixture(fixture_store, title, query):
    result = run_query(fixture_store, query)
    assert result.kind == "select"
    assert result.rows, f"no answer to: {title}"


def _query(number: str) -> str:
    return next(q for t, q in QUERIES if t.startswith(number + "."))


def test_doc_answers_are_the_right_ones(fixture_store):
    demands = _rows(run_query(fixture_store, _query("2")))
    assert demands == [{"by": "Donald Trump", "demand": "accept a cease-fire", "cue": "urged"}]
    backed = _rows(run_query(fixture_store, _query("5")))
    assert [(r["content"], r["articles"]) for r in backed] == [("hold a meeting in Saudi Arabia", "2")]
    meetings = _rows(run_query(fixture_store, _query("6")))
    assert [(r["place"], r["when"]) for r in meetings] == [("Saudi Arabia", "2025-W11")]
    speakers = {r["speaker"] for r in _rows(run_query(fixture_store, _query("3")))}
    assert speakers == {HOSTILE, "Mike Waltz"}
    roles = {(r["role"], r["actor"], r["in"]) for r in _rows(run_query(fixture_store, _query("4")))}
    assert roles == {("president", "Donald Trump", "United States"),
                     ("national security adviser", "Mike Waltz", "United States")}


def test_us_commitments_match_the_python_api(fixture_store):
    graph = make_graph()
    us = graph.find("United States").iri
    expected = {(c.iri, e.text, e.document) for c in graph.commitments()
                if us in (c.actor, *c.partners) for e in c.evidence}
    got = {(r["c"], r["sentence"], r["article"]) for r in _rows(run_query(fixture_store, _query("7")))}
    assert got == expected and len(got) == 2


@pytest.mark.parametrize("fmt", ["turtle", "trig"])
def test_doc_queries_run_on_the_example_export(example_graph, tmp_path, fmt):
    path = write_rdf(example_graph, tmp_path / f"graph.{'ttl' if fmt == 'turtle' else fmt}", fmt)
    store = open_store([path])
    for _, query in QUERIES:
        assert run_query(store, query).kind == "select"
    who = _rows(run_query(store, _query("1")))  # one row per commitment and passage
    assert len(who) == sum(len({(e.document, e.start, e.end) for e in c.evidence})
                           for c in example_graph.commitments())
    assert {r["actor"] for r in who} == {example_graph.name_of(c.actor) for c in example_graph.commitments()}
