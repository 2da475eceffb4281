"""``kg query`` never reaches the network unless told to, and says why it refuses an update."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from kg.rdf.sparql import QueryError, check_query

ROOT = Path(__file__).resolve().parent.parent


class Listener:
    """A loopback socket that records whether anyone connected."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(1)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = False
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self):
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self):
        self._stop = True
        self._thread.join(timeout=2)
        self.sock.close()


@pytest.fixture
def listener():
    lst = Listener()
    yield lst
    lst.close()


def _kg(*args):
    return subprocess.run([sys.executable, "-m", "kg", *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_a_service_call_is_refused_and_nothing_is_sent(listener):
    query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/sparql> {{ ?s ?p ?o }} }}"
    run = _kg("query", query, "exports/graph.ttl")
    assert run.returncode == 2 and "--allow-service" in run.stderr and "Traceback" not in run.stderr
    assert listener.connections == 0


def test_with_allow_service_the_same_query_does_go_out(listener):
    query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/sparql> {{ ?s ?p ?o }} }}"
    _kg("query", query, "exports/graph.ttl", "--allow-service")
    assert listener.connections >= 1  # the guard is what kept the first test quiet


@pytest.mark.parametrize("query", ["INSERT DATA { <urn:a> <urn:b> <urn:c> }", "LOAD <http://127.0.0.1:9/x>",
                                   "PREFIX kg: <https://kg.example/ontology#> DELETE WHERE { ?s ?p ?o }"])
def test_an_update_is_refused_saying_it_is_an_update(query):
    with pytest.raises(QueryError, match="SPARQL update and is refused"):
        check_query(query)


@pytest.mark.parametrize("query", ['SELECT ?service WHERE { ?service ?p "SERVICE" } # SERVICE',
                                   "PREFIX insert: <urn:x:> SELECT * WHERE { ?s insert:p ?o }"])
def test_words_in_names_strings_and_comments_are_no_keywords(query):
    check_query(query)  # no error


def test_push_never_follows_a_redirect_and_says_nothing_was_stored(listener, tmp_path):
    import http.server

    class Redirect(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            self.send_response(302)
            self.send_header("Location", f"http://127.0.0.1:{listener.port}/elsewhere")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Redirect)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        run = _kg("push", "exports/graph.ttl", "-e", f"http://127.0.0.1:{server.server_port}/store")
    finally:
        server.shutdown()
    assert run.returncode != 0 and "HTTP 302" in run.stderr and "nothing was stored" in run.stderr
    assert "pushed" not in run.stdout
    assert listener.connections == 0  # the redirect's target never hears from kg


def test_validate_never_fetches_a_remote_json_ld_context(listener, tmp_path):
    doc = tmp_path / "remote.jsonld"
    doc.write_text('{"@context": "http://127.0.0.1:%d/context.jsonld", "@id": "urn:x", "name": "X"}' % listener.port)
    run = _kg("validate", str(doc))
    assert run.returncode == 2 and "remote JSON-LD context" in run.stderr and "Traceback" not in run.stderr
    assert listener.connections == 0
    own = ROOT / "exports" / "graph.jsonld"  # kg's own JSON-LD embeds its context: it validates as before
    assert _kg("validate", str(own)).returncode == 0
