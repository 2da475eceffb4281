"""No command of kg opens a network connection, except `kg push` to the endpoint
it is given: every command, fed input that names a listening loopback socket
everywhere a URL can be (article text, a JSON Lines url, a JSON-LD context, a
SPARQL SERVICE, a base IRI), and the socket must receive nothing.  (The fuzz
set, tests/fuzz, also watches every case with an audit hook.)"""

from __future__ import annotations

import json

from tests.test_cli_rdf import run
from tests.test_query_network import listener  # noqa: F401  (the fixture)


def test_no_command_reaches_a_listening_socket(listener, monkeypatch, capsys, tmp_path):  # noqa: F811
    url = f"http://127.0.0.1:{listener.port}"
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "a", "url": f"{url}/article", "title": f"See {url}/t",
                                  "text": f"Mayor Ana Ruiz promised to fix the roads, she wrote on {url}/blog. "
                                          f'<img src="{url}/x.png"> <a href="{url}/">more</a>'}) + "\n")
    out = tmp_path / "out"
    code, _, err = run(monkeypatch, capsys, "build", str(corpus), "--out", str(out), "--format",
                       "ttl,nt,jsonld,trig,html,graphml,gexf,csv", "--base-iri", f"{url}/kg/", "-q")
    assert code == 0, err
    ctx = tmp_path / "remote.jsonld"
    ctx.write_text(json.dumps({"@context": f"{url}/context.jsonld", "@id": "urn:x"}))
    commands = [
        ["show", str(out / "graph.ttl")],
        ["show", str(out / "graph.jsonld")],
        ["validate", str(out / "graph.ttl")],
        ["validate", str(out / "graph.jsonld")],
        ["validate", str(ctx)],
        ["query", f"SELECT * {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}", str(out / "graph.ttl")],
        ["query", f"LOAD <{url}/data.ttl>", str(out / "graph.ttl")],
        ["query", "SELECT * { ?s ?p ?o } LIMIT 1", str(out / "graph.trig"), str(out / "graph.nt")],
        ["query", "ASK { ?s ?p ?o }", str(ctx)],
    ]
    for args in commands:
        run(monkeypatch, capsys, *args)
    assert listener.connections == 0
    # The same socket does hear kg push, the one command that sends: the check can fail.
    run(monkeypatch, capsys, "push", str(out / "graph.ttl"), "-e", f"{url}/store", "--timeout", "2")
    assert listener.connections >= 1
