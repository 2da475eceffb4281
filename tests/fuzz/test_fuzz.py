"""Run every fuzz case through the ``kg`` entry point, in this process (the
spaCy pipeline is loaded once), each under a time limit.

What must hold, whatever the input: no traceback (only ``SystemExit`` leaves
``kg.cli.app.main``), an answer within :data:`LIMIT` seconds, no attempt to
reach the network (but ``kg push`` to its endpoint), at most one ``error:`` line, and for a build that succeeds: every document of the input
built or reported skipped, and every export parsing in its own format.
"""

from __future__ import annotations

import csv
import signal
import sys
from contextlib import contextmanager
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest

from kg.cli.app import main
from tests.fuzz.cases import BUILD_CASES, READ_CASES, Case

#: Seconds a case may take.  The issue's bar is 60 s; a case here takes well under 5.
LIMIT = 60


class Hang(Exception):
    pass


# Every attempt to reach the network, while a case runs: kg opens no connection
# except `kg push` to the endpoint it is given.  An audit hook sees them all
# (sockets, name lookups, urllib), whichever library makes them.
_NETWORK: list[tuple] | None = None


def _audit(event: str, args: tuple) -> None:
    if _NETWORK is not None and event in ("socket.connect", "socket.getaddrinfo", "urllib.Request"):
        _NETWORK.append((event, args[1] if event == "socket.connect" else args[:2]))


sys.addaudithook(_audit)


@contextmanager
def network_watched():
    global _NETWORK
    _NETWORK = seen = []
    try:
        yield seen
    finally:
        _NETWORK = None


def _allowed(args: list[str], event: tuple) -> bool:
    """`kg push -e URL`: only that endpoint's host and port."""
    if args[0] != "push" or "-e" not in args:
        return False
    from urllib.parse import urlsplit
    endpoint = args[args.index("-e") + 1]
    try:
        url = urlsplit(endpoint)
        host, port = url.hostname, url.port if url.port is not None else 80
    except ValueError:
        return False
    where = event[1]
    if event[0] == "urllib.Request":
        return str(where[0]).startswith(endpoint)
    return where[0] == host and where[1] in (port, None)


@contextmanager
def time_limit(seconds: int):
    def stop(signum, frame):
        raise Hang(f"no answer within {seconds} s")
    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def run_kg(monkeypatch, capsys, args: list[str]) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of ``kg ARGS``; any exception but SystemExit fails the case."""
    monkeypatch.setattr(sys, "argv", ["kg", *args])
    with network_watched() as seen, time_limit(LIMIT), pytest.raises(SystemExit) as stop:
        main()
    out, err = capsys.readouterr()
    reached = [e for e in seen if not _allowed(args, e)]
    assert not reached, f"kg {args[0]} reached the network: {reached[:3]}"
    code = stop.value.code
    return (code if isinstance(code, int) else (0 if code is None else 1)), out, err


def check_exports(out: Path) -> int:
    """Parse every export in ``out``; return the number of documents the Turtle holds."""
    written = {p.name for p in out.iterdir() if not p.name.startswith(".")}
    assert not [n for n in written if n.startswith(".kg-writing")], written
    for name, fmt in (("graph.ttl", ox.RdfFormat.TURTLE), ("graph.nt", ox.RdfFormat.N_TRIPLES),
                      ("graph.trig", ox.RdfFormat.TRIG), ("graph.jsonld", ox.RdfFormat.JSON_LD)):
        if name in written:
            try:
                sum(1 for _ in ox.parse(path=str(out / name), format=fmt))
            except MemoryError:  # a literal over pyoxigraph's 16 MB buffer: read as kg reads it
                from kg.rdf.read import parse_file
                parse_file(out / name, fmt)
    if "graph.graphml" in written:
        nx.read_graphml(out / "graph.graphml")
    if "graph.gexf" in written:
        nx.read_gexf(out / "graph.gexf")
    for name in ("graph.nodes.csv", "graph.edges.csv"):
        if name in written:
            with open(out / name, newline="", encoding="utf-8") as f:
                rows = list(csv.reader(f))
            assert rows and all(len(r) == len(rows[0]) for r in rows), name
    if "graph.html" in written:
        html = (out / "graph.html").read_text(encoding="utf-8")
        assert html.rstrip().endswith("</html>") and "<script" in html
    if "graph.ttl" not in written:
        return -1
    import kg
    return len(kg.load(out / "graph.ttl").documents())


@pytest.mark.parametrize("case", BUILD_CASES, ids=str)
def test_build_case(case: Case, tmp_path, monkeypatch, capsys):
    args = case.make(tmp_path)
    code, out, err = run_kg(monkeypatch, capsys, args)
    assert "Traceback" not in err and "Traceback" not in out
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(errors) <= 1, err
    if case.builds is True:
        assert code == 0, err
    if case.builds is False:
        assert code != 0 and len(errors) == 1, err
    if code != 0:
        assert errors, f"exit {code} without an error line: {err!r}"
        return
    out_dir = Path(args[args.index("--out") + 1])
    docs = check_exports(out_dir)
    skipped = sum(1 for line in err.splitlines() if line.startswith("skipped "))
    if case.total is not None and docs >= 0:
        assert docs + skipped == case.total, f"{docs} built + {skipped} skipped != {case.total}: {err}"


@pytest.mark.parametrize("case", READ_CASES, ids=str)
def test_read_case(case: Case, tmp_path, monkeypatch, capsys):
    code, out, err = run_kg(monkeypatch, capsys, case.make(tmp_path))
    assert "Traceback" not in err and "Traceback" not in out
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(errors) <= 1, err
    if case.builds is False:
        assert code != 0
    if code not in (0, 1):  # 1: kg validate found violations, which it lists
        assert len(errors) == 1 and err.count("\n") == 1, f"exit {code}: {err!r}"
