"""`kg validate`, `kg query` and `kg push` from the command line (no server needed)."""

from __future__ import annotations

import csv
import io
import json
import socket
import sys
from pathlib import Path

import pytest

from kg.cli.app import main
from kg.rdf import write_rdf
from tests.test_rdf import HOSTILE, make_graph


def run(monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    """Run the ``kg`` entry point in-process: (exit code, stdout, stderr)."""
    monkeypatch.setattr(sys, "argv", ["kg", *args])
    with pytest.raises(SystemExit) as stop:
        main()
    out, err = capsys.readouterr()
    code = stop.value.code
    return (code if isinstance(code, int) else (0 if code is None else 1)), out, err


@pytest.fixture(scope="module")
def export(tmp_path_factory) -> Path:
    return write_rdf(make_graph(), tmp_path_factory.mktemp("cli") / "graph.ttl", "turtle")


@pytest.mark.parametrize("command", ["validate", "query", "push"])
def test_help(monkeypatch, capsys, command):
    code, out, _ = run(monkeypatch, capsys, command, "--help")
    assert code == 0 and "Usage" in out and command in out


# --- validate ---------------------------------------------------------------


def test_validate_ok(monkeypatch, capsys, export):
    code, out, _ = run(monkeypatch, capsys, "validate", str(export))
    assert code == 0
    assert out.startswith("Conforms: 0 violations")


def test_validate_violations_exit_1(monkeypatch, capsys, tmp_path):
    bad = tmp_path / "bad.nt"
    bad.write_text("<https://kg.example/actor/A> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
                   "<https://kg.example/ontology#Person> .\n")
    code, out, _ = run(monkeypatch, capsys, "validate", str(bad))
    assert code == 1
    assert out.startswith("Does not conform: 1 violation")
    assert "actor:A skos:prefLabel" in out


@pytest.mark.parametrize("args, message", [
    (["validate", "nowhere.ttl"], "no such file: nowhere.ttl"),
    (["validate", "{bad}"], "not valid turtle"),
    (["validate", "{export}", "--shapes", "missing-shapes.ttl"], "no such shapes file"),
    (["query", "SELECT * WHERE { ?s ?p ?o }", "nowhere.ttl"], "no such file: nowhere.ttl"),
    (["query", "SELEKT nothing", "{export}"], "the query does not parse"),
    (["query", "SELECT * WHERE { ?s ?p ?o }", "{export}", "--output", "xml"], "xml"),
    (["push", "{export}", "--endpoint", "http://127.0.0.1:{port}/store"], "cannot reach http://127.0.0.1:"),
    (["push", "{export}", "--endpoint", "ftp://x/store"], "--endpoint must be an http(s) URL"),
    (["push", "{export}", "--endpoint", "http://127.0.0.1:{port}/store", "--graph", "not an iri"],
     "--graph must be an absolute IRI"),
    (["push", "nowhere.ttl", "--endpoint", "http://127.0.0.1:{port}/store"], "no such file"),
])
def test_user_errors_are_one_line_without_traceback(monkeypatch, capsys, tmp_path, export, args, message):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle <<<")
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    args = [a.replace("{bad}", str(bad)).replace("{export}", str(export)).replace("{port}", str(port))
            for a in args]
    monkeypatch.chdir(tmp_path)
    code, out, err = run(monkeypatch, capsys, *args)
    assert code == 2
    assert message in err
    assert "Traceback" not in err + out
    if "--output" not in args:  # typer's own usage errors take a few lines
        assert len(err.strip().splitlines()) == 1, err


# --- query ------------------------------------------------------------------

QUERY = """SELECT ?name ?kind WHERE {
  ?c a kg:Commitment ; kg:actor ?a ; a ?cls . ?a skos:prefLabel ?name .
  FILTER(?cls != kg:Commitment) BIND(STRAFTER(STR(?cls), "#") AS ?kind)
} ORDER BY ?name ?kind"""


def test_query_csv(monkeypatch, capsys, export):
    code, out, _ = run(monkeypatch, capsys, "query", QUERY, str(export), "--output", "csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["name", "kind"]
    assert ["Donald Trump", "Demand"] in rows and [HOSTILE, "Refusal"] in rows
    assert len(rows) == 1 + 6


def test_query_json(monkeypatch, capsys, export):
    q = "SELECT ?e ?start WHERE { ?e a kg:Evidence ; nif:beginIndex ?start } ORDER BY ?start ?e LIMIT 1"
    code, out, _ = run(monkeypatch, capsys, "query", q, str(export), "-o", "json")
    assert code == 0
    assert json.loads(out) == [{"e": "https://kg.example/evidence/a.txt-0-76", "start": 0}]


def test_query_table_shortens_iris_and_escapes_markup(monkeypatch, capsys, export):
    q = 'SELECT ?a ?name ?m WHERE { ?a skos:prefLabel ?name FILTER(CONTAINS(?name, "script")) BIND("[b]x[/b]" AS ?m) }'
    code, out, _ = run(monkeypatch, capsys, "query", q, str(export))
    assert code == 0
    assert "actor:Zoë" in out  # shortened with the instance prefix
    assert "<script>alert(1)</script>" in out  # printed as text, not swallowed as rich markup
    assert "[b]x[/b]" in out
    assert "1 row" in out


def test_query_ask_and_file_and_default_path(monkeypatch, capsys, export, tmp_path):
    (tmp_path / "exports").mkdir()
    (tmp_path / "exports" / "graph.ttl").write_bytes(export.read_bytes())
    (tmp_path / "q.rq").write_text("ASK { ?x a kg:Demand }")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(monkeypatch, capsys, "query", "q.rq")
    assert code == 0 and out.strip() == "true"


def test_query_over_several_files_and_formats(monkeypatch, capsys, tmp_path):
    a = write_rdf(make_graph(("a.txt",)), tmp_path / "a.trig", "trig")
    b = write_rdf(make_graph(("b.txt",)), tmp_path / "b.jsonld", "json-ld")
    q = "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?e a kg:Evidence ; prov:wasDerivedFrom ?d }"
    code, out, _ = run(monkeypatch, capsys, "query", q, str(a), str(b), "-o", "csv")
    assert code == 0 and out.splitlines() == ["n", "2"]  # named graphs are queried too
