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
