"""A literal longer than pyoxigraph's 16 MB token buffer is written, read,
queried and shown; a truncated file is named with the line where it breaks."""

from __future__ import annotations

import dataclasses

import pyoxigraph as ox
import pytest

import kg
from kg.rdf import write_rdf
from kg.rdf.read import parse_file
from kg.rdf.sparql import open_store, run_query
from tests.test_cli_rdf import run
from tests.test_rdf import make_graph

BIG = 17 * 1024 * 1024  # over the 16,777,216 bytes pyoxigraph's parser holds at once


@pytest.fixture(scope="module")
def big_graph():
    g = make_graph()
    doc = dataclasses.replace(g.documents()[0], title="T" * BIG)
    return type(g)(documents=[doc, *g.documents()[1:]], actors=g.actors(), places=g.places(),
                   commitments=g.commitments(), statements=g.statements(), base_iri=g.base_iri)


@pytest.mark.parametrize("suffix, fmt", [("ttl", "turtle"), ("nt", "nt"), ("trig", "trig"), ("jsonld", "json-ld")])
def test_a_huge_literal_is_written_and_read_back(tmp_path, big_graph, suffix, fmt):
    path = write_rdf(big_graph, tmp_path / f"graph.{suffix}", fmt)
    with pytest.raises(MemoryError):  # what pyoxigraph alone does
        list(ox.parse(path=str(path), format=ox.RdfFormat.from_extension(suffix)))
    longest = max(len(q.object.value) for q in parse_file(path, ox.RdfFormat.from_extension(suffix))
                  if isinstance(q.object, ox.Literal))
    assert longest == BIG
    assert max(len(d.title or "") for d in kg.load(path).documents()) == BIG
    result = run_query(open_store([path]), "SELECT (MAX(STRLEN(?t)) AS ?n) { ?d dcterms:title ?t }")
    assert result.rows[0][0].value == str(BIG)


def test_show_and_query_on_a_huge_literal_from_the_command_line(monkeypatch, capsys, tmp_path, big_graph):
    path = write_rdf(big_graph, tmp_path / "graph.ttl", "turtle")
    code, out, err = run(monkeypatch, capsys, "show", str(path))
    assert code == 0 and "Traceback" not in err, err
    code, out, err = run(monkeypatch, capsys, "query", "ASK { ?d dcterms:title ?t }", str(path))
    assert code == 0 and "true" in out.lower(), err


def test_a_truncated_file_says_where_it_breaks(monkeypatch, capsys, tmp_path):
    whole = write_rdf(make_graph(), tmp_path / "whole.ttl", "turtle").read_text()
    cut = tmp_path / "cut.ttl"
    cut.write_text(whole[: len(whole) // 2])
    for command in (["validate", str(cut)], ["show", str(cut)], ["query", "ASK {}", str(cut)]):
        code, out, err = run(monkeypatch, capsys, *command)
        assert code == 2 and err.count("\n") == 1 and "line " in err and "string index" not in err, (command, err)
