"""Against a real Oxigraph server on loopback: push exports, ask SPARQL over HTTP.

The server is the ``oxigraph`` binary installed next to the Python running the
tests (PyPI ``oxigraph``); it is started once for this module on a free port
and stopped by its PID afterwards.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from kg.rdf import document_iri, write_rdf
from kg.rdf.gsp import PushError, push
from tests.test_queries_doc import QUERIES
from tests.test_rdf import make_graph

pytestmark = pytest.mark.server

B = "https://kg.example/"


def _oxigraph() -> str | None:
    local = Path(sys.executable).parent / "oxigraph"
    return str(local) if local.exists() else shutil.which("oxigraph")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    binary = _oxigraph()
    if binary is None:
        pytest.skip("the oxigraph server binary is not installed (pip install oxigraph)")
    port = _free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    proc = subprocess.Popen([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 15
        while True:
            try:
                _sparql(url, "ASK { ?s ?p ?o }")
                break
            except (urllib.error.URLError, ConnectionError):
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"oxigraph did not start: {proc.stderr.read().decode()[:500]}")
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()  # this process's own child, by its PID
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _sparql(url: str, query: str, union: bool = False) -> list[dict[str, str]]:
    """SELECT over HTTP; rows as {variable: value} (CSV results, like a user would)."""
    target = f"{url}/query" + ("?union-default-graph" if union else "")
    request = urllib.request.Request(target, data=query.encode(), method="POST", headers={
        "Content-Type": "application/sparql-query", "Accept": "text/csv"})
    with urllib.request.urlopen(request, timeout=30) as response:
        text = response.read().decode("utf-8")
    if not text.strip() or text.strip() in ("true", "false"):
        return [{"ask": text.strip()}]
    return list(csv.DictReader(io.StringIO(text)))


def _clear(url: str) -> None:
    request = urllib.request.Request(f"{url}/update", data=b"DROP ALL", method="POST",
                                     headers={"Content-Type": "application/sparql-update"})
    urllib.request.urlopen(request, timeout=30).close()


US_QUERY = next(q for t, q in QUERIES if t.startswith("7."))


def _expected_us(graph) -> set[tuple[str, str, str]]:
    us = graph.find("United States")
    assert us is not None
    return {(c.iri, e.text, e.document) for c in graph.commitments()
            if us.iri in (c.actor, *c.partners) for e in c.evidence}


def test_push_turtle_and_ask_for_us_commitments(server, tmp_path):
    _clear(server)
    graph = make_graph()
    path = write_rdf(graph, tmp_path / "graph.ttl", "turtle")
    done = push(path, f"{server}/store")
    assert done.status in (200, 201, 204)
    rows = _sparql(server, US_QUERY)
    assert {(r["c"], r["sentence"], r["article"]) for r in rows} == _expected_us(graph)
    count = _sparql(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert int(count[0]["n"]) == sum(1 for _ in open(write_rdf(graph, tmp_path / "g.nt", "nt"), encoding="utf-8"))


def test_push_twice_and_overlapping_runs_add_no_duplicates(server, tmp_path):
    _clear(server)
    run1 = write_rdf(make_graph(("a.txt",)), tmp_path / "run1.ttl", "turtle")
    run2 = write_rdf(make_graph(("a.txt", "b.txt")), tmp_path / "run2.jsonld", "json-ld")
    for path in (run1, run2, run2):
        push(path, f"{server}/store")
    dupes = _sparql(server, "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
                            "SELECT ?name (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x skos:prefLabel ?name } "
                            "GROUP BY ?name HAVING (?n > 1)")
    assert dupes == []
    docs = _sparql(server, "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a <https://kg.example/ontology#Document> }")
    assert docs[0]["n"] == "2"


def test_push_trig_keeps_document_graphs(server, tmp_path):
    _clear(server)
    graph = make_graph()
    push(write_rdf(graph, tmp_path / "graph.trig", "trig"), f"{server}/store")
    graphs = {r["g"] for r in _sparql(server, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}
    assert graphs == {document_iri(B, "a.txt"), document_iri(B, "b.txt")}
    # evidence is in named graphs: the union default graph answers the same as Turtle
    rows = _sparql(server, US_QUERY, union=True)
    assert {(r["c"], r["sentence"], r["article"]) for r in rows} == _expected_us(graph)
    assert _sparql(server, US_QUERY) == []  # without the union, the default graph has no evidence


def test_cli_push_into_a_named_graph_and_replace(server, tmp_path, monkeypatch, capsys):
    from tests.test_cli_rdf import run

    _clear(server)
    name = "https://kg.example/graph/run-1"
    a = write_rdf(make_graph(("a.txt",)), tmp_path / "a.nt", "nt")
    b = write_rdf(make_graph(("b.txt",)), tmp_path / "b.ttl", "turtle")
    code, out, _ = run(monkeypatch, capsys, "push", str(a), "--endpoint", f"{server}/store", "--graph", name)
    assert code == 0 and out.startswith(f"pushed {a}") and "HTTP 20" in out
    count = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}"
    n_a = int(_sparql(server, count)[0]["n"])
    assert n_a == sum(1 for _ in a.open(encoding="utf-8"))
    code, _, _ = run(monkeypatch, capsys, "push", str(b), "-e", f"{server}/store", "-g", name, "--replace")
    assert code == 0
    titles = _sparql(server, f"SELECT ?t WHERE {{ GRAPH <{name}> {{ ?d <http://purl.org/dc/terms/title> ?t }} }}")
    assert titles == [{"t": "Ceasefire"}]  # document a is gone: replaced, not added


def test_server_refusing_data_is_one_clear_error(server, tmp_path, monkeypatch, capsys):
    from tests.test_cli_rdf import run

    bad = tmp_path / "bad.ttl"
    bad.write_text("<not a turtle file")
    with pytest.raises(PushError, match=r"refused the upload: HTTP 400"):
        push(bad, f"{server}/store")
    code, _, err = run(monkeypatch, capsys, "push", str(bad), "--endpoint", f"{server}/store")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "HTTP 400" in err
    with pytest.raises(PushError, match="refused"):
        push(write_rdf(make_graph(), tmp_path / "g.ttl", "turtle"), f"{server}/nowhere")


def test_example_export_over_http(server, example_graph, tmp_path):
    _clear(server)
    path = write_rdf(example_graph, tmp_path / "graph.ttl", "turtle")
    push(path, f"{server}/store")
    rows = _sparql(server, US_QUERY)
    expected = _expected_us(example_graph)
    assert expected, "the example articles have commitments of the United States"
    assert {(r["c"], r["sentence"], r["article"]) for r in rows} == expected
    for title, query in QUERIES:  # every documented query runs on a real store too
        _sparql(server, query)
    body = json.dumps(_sparql(server, "SELECT ?n WHERE { ?a <http://www.w3.org/2004/02/skos/core#prefLabel> ?n }"))
    assert "United States" in body and "Volodymyr Zelenskyy" in body
