"""Exports are written all or nothing: a failure or a kill while writing leaves the previous ones."""

from __future__ import annotations

import errno
import hashlib
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

import kg.export
from kg.errors import OutputError
from kg.export import LOCK_NAME, write_all

TEXT = "Ghana pledged to cut tariffs on cocoa, Trade Minister Ama Mensah said on Monday."


def _digest(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file() and p.name != LOCK_NAME}


@pytest.fixture
def old_exports(tmp_path, build_texts):
    out = tmp_path / "out"
    write_all(build_texts([TEXT]), out, ["ttl", "nt", "jsonld"])
    return out


def test_a_full_disk_while_writing_leaves_the_previous_exports(old_exports, build_texts, monkeypatch):
    before = _digest(old_exports)
    real = kg.export.write
    calls = []

    def failing(graph, path, format=None):
        calls.append(path.name)
        if len(calls) == 2:
            path.write_text("half a file")
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(graph, path, format)

    monkeypatch.setattr(kg.export, "write", failing)
    newer = build_texts([TEXT + " Togo agreed to open its border."])
    with pytest.raises(OutputError, match="No space left on device.*unchanged"):
        write_all(newer, old_exports, ["ttl", "nt", "jsonld"])
    assert _digest(old_exports) == before
    assert [p.name for p in old_exports.iterdir() if p.name.startswith(".kg-writing")] == []


def test_the_output_folder_must_be_a_writable_folder_free_of_other_builds(tmp_path, build_texts):
    g = build_texts([TEXT])
    a_file = tmp_path / "a_file"
    a_file.write_text("x")
    with pytest.raises(OutputError, match="is a file"):
        write_all(g, a_file, ["ttl"])
    with pytest.raises(OutputError, match="cannot create"):
        write_all(g, a_file / "sub", ["ttl"])
    blocked = tmp_path / "blocked"
    (blocked / "graph.ttl").mkdir(parents=True)
    with pytest.raises(OutputError, match="in the way"):
        write_all(g, blocked, ["ttl"])
    busy = tmp_path / "busy"
    busy.mkdir()
    import fcntl
    with open(busy / LOCK_NAME, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        with pytest.raises(OutputError, match="another kg build"):
            write_all(g, busy, ["ttl"])


_SLOW_BUILD = textwrap.dedent("""
    import sys, time
    import kg, kg.export
    real = kg.export.write
    def slow(graph, path, format=None):
        out = real(graph, path, format)
        print("wrote", path.name, flush=True)
        time.sleep(0.4)
        return out
    kg.export.write = slow
    g = kg.build([sys.argv[2]])
    print("ready", flush=True)
    kg.export.write_all(g, __import__("pathlib").Path(sys.argv[1]), ["ttl", "nt", "jsonld", "html"])
    print("done", flush=True)
""")


@pytest.mark.parametrize("sig, after", [(signal.SIGKILL, 0.1), (signal.SIGKILL, 0.7), (signal.SIGINT, 0.5),
                                        (signal.SIGTERM, 1.1)])
def test_a_build_killed_while_writing_leaves_the_previous_exports_whole(old_exports, sig, after):
    before = _digest(old_exports)
    proc = subprocess.Popen([sys.executable, "-c", _SLOW_BUILD, str(old_exports), TEXT + " Togo agreed."],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout.readline().strip() == "ready"
    time.sleep(after)
    os.kill(proc.pid, sig)
    proc.wait(timeout=60)
    rest = proc.stdout.read()
    assert "done" not in rest  # it was killed while writing
    assert _digest(old_exports) == before


def test_the_next_build_clears_what_a_killed_one_left_and_replaces_every_file(old_exports, build_texts):
    (old_exports / ".kg-writing-dead").mkdir()
    (old_exports / ".kg-writing-dead" / "graph.ttl").write_text("half")
    before = _digest(old_exports)
    written = write_all(build_texts([TEXT + " Togo agreed to open its border."]), old_exports, ["ttl", "nt", "jsonld"])
    assert sorted(p.name for p in written) == ["graph.jsonld", "graph.nt", "graph.ttl"]
    after = _digest(old_exports)
    assert set(after) == set(before) and all(after[k] != before[k] for k in before)
    assert not list(old_exports.glob(".kg-writing-*"))


# --- the whole build, as a user runs it ------------------------------------------------

_CORPUS = "".join(f'{{"id": "n{i}", "text": "{TEXT} Togo agreed to open border post {i}."}}\n' for i in range(6))
_FORMATS = "ttl,nt,jsonld,trig,html,graphml,csv"


def _kg_build(jsonl, out, **kw):
    return subprocess.Popen([sys.executable, "-m", "kg", "build", str(jsonl), "--out", str(out), "--format", _FORMATS,
                             "-q"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, **kw)


@pytest.fixture(scope="module")
def corpus_builds(tmp_path_factory):
    """A corpus, the exports of an older build and those of a complete new build of it."""
    d = tmp_path_factory.mktemp("whole")
    jsonl = d / "corpus.jsonl"
    jsonl.write_text(_CORPUS, encoding="utf-8")
    (d / "old.jsonl").write_text(_CORPUS.splitlines()[0] + "\n", encoding="utf-8")
    took = {}
    for name, src in (("old", d / "old.jsonl"), ("new", jsonl)):
        started = time.perf_counter()
        proc = _kg_build(src, d / name)
        assert proc.wait(timeout=300) == 0, proc.stderr.read()
        took[name] = time.perf_counter() - started
    return jsonl, _digest(d / "old"), _digest(d / "new"), d / "old", took["new"]


# Moments as shares of a whole build's time: starting up, reading, parsing, writing, done.
@pytest.mark.parametrize("share", [0.05, 0.3, 0.6, 0.8, 0.9, 0.95, 1.0, 1.1])
def test_a_build_killed_at_any_moment_leaves_the_old_exports_or_the_complete_new_ones(tmp_path, corpus_builds, share):
    import shutil

    jsonl, old, new, old_dir, took = corpus_builds
    out = tmp_path / "out"
    shutil.copytree(old_dir, out)
    proc = _kg_build(jsonl, out)
    try:
        proc.wait(timeout=share * took)
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
    assert _digest(out) in (old, new)  # never a mix, never half a file
    assert old != new


def test_a_file_size_limit_is_one_line_and_leaves_the_old_exports(corpus_builds, tmp_path):
    import resource
    import shutil

    jsonl, old, new, old_dir, _ = corpus_builds
    out = tmp_path / "out"
    shutil.copytree(old_dir, out)

    def limit():  # a disk that fills up after 100 KB of any one file (the view is larger)
        resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))
    proc = _kg_build(jsonl, out, preexec_fn=limit)
    err = proc.stderr.read()
    assert proc.wait(timeout=300) != 0
    assert "Traceback" not in err and err.count("\n") == 1 and err.startswith("error:"), err
    assert "File too large" in err and "unchanged" in err
    assert _digest(out) == old
