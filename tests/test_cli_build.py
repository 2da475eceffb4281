"""`kg build` end to end as a user runs it: a subprocess, real files, real exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES


def kg(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("exports")
    # As `make demo` runs it: from the repository root, with a relative path.
    run = kg("build", "examples/", "--out", out, "--date", "2025-03-07", "--format", "ttl,nt,jsonld,trig,html",
             cwd=EXAMPLES.parent)
    return run, out


def test_build_writes_every_format_and_a_summary(built):
    run, out = built
    assert run.returncode == 0, run.stderr
    for name in ("graph.ttl", "graph.nt", "graph.jsonld", "graph.trig", "graph.html"):
        assert (out / name).stat().st_size > 1000, name
    for row in ("documents", "sentences", "actors", "places", "commitments", "statements", "triples", "seconds"):
        assert row in run.stdout
    assert "2/2" in run.stderr  # the progress bar counted both documents


def test_help_explains_every_option():
    run = kg("build", "--help")
    assert run.returncode == 0
    for opt in ("--out", "--model", "--date", "--format", "--processes", "--base-iri"):
        assert opt in run.stdout
    top = kg("--help")
    assert top.returncode == 0 and "build" in top.stdout


@pytest.mark.parametrize("setup, args, needle", [
    (None, ["build", "missing.txt"], "no such file or folder: missing.txt"),
    ("empty", ["build", "a.txt"], "empty file: a.txt"),
    ("binary", ["build", "a.txt"], "binary file, not text: a.txt"),
    ("latin1", ["build", "a.txt"], "not UTF-8 text: a.txt"),
    ("ok", ["build", "a.txt", "--format", "ttl,docx"], "unknown format 'docx'"),
    ("ok", ["build", "a.txt", "--model", "xx_no_such_model"], "spaCy model 'xx_no_such_model' is not installed"),
    ("ok", ["build", "a.txt", "--date", "March 7"], "not a date"),
    ("ok", ["build", "a.txt", "--bogus"], "No such option: --bogus"),
    ("ok", ["build", "a.txt", "--processes", "0"], "--processes"),
])
def test_bad_input_is_one_line_and_nonzero(tmp_path, setup, args, needle):
    f = tmp_path / "a.txt"
    data = {"empty": b"", "binary": b"\x00\x01\x02abc", "latin1": "caf\xe9".encode("latin-1"),
            "ok": b"Officials met in Oslo."}
    if setup:
        f.write_bytes(data[setup])
    run = kg(*args, cwd=tmp_path)
    assert run.returncode == 2
    assert needle in run.stderr
    assert "Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_bad_document_in_corpus_is_reported_and_others_built(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "ok", "text": "Canada urged Mexico to lower tariffs."}) + "\n{broken\n",
                      encoding="utf-8")
    run = kg("build", corpus, "--out", tmp_path / "o", "--format", "ttl")
    assert run.returncode == 0, run.stderr
    assert "skipped" in run.stderr and "c.jsonl:2" in run.stderr
    assert (tmp_path / "o" / "graph.ttl").exists()


def test_processes_give_the_same_graph(tmp_path):
    one = kg("build", EXAMPLES, "--out", tmp_path / "p1", "--format", "ttl", "--date", "2025-03-07", "-q")
    two = kg("build", EXAMPLES, "--out", tmp_path / "p2", "--format", "ttl", "--date", "2025-03-07", "-q",
             "--processes", "2")
    assert one.returncode == 0 and two.returncode == 0, two.stderr
    assert (tmp_path / "p1" / "graph.ttl").read_bytes() == (tmp_path / "p2" / "graph.ttl").read_bytes()


def test_committed_exports_are_what_the_code_produces(built):
    """exports/ in the repository must be regenerated (make demo) when the code changes."""
    _, out = built
    repo = Path(__file__).resolve().parent.parent / "exports"
    assert (repo / "graph.ttl").read_bytes() == (out / "graph.ttl").read_bytes()
