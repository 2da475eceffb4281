"""Writing a graph to disk: one entry point, the format chosen by suffix or name.

RDF formats go through :mod:`kg.rdf`, the HTML view through :mod:`kg.html`,
and the property-graph formats (GraphML, GEXF, CSV) through networkx.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from kg.config import FORMATS
from kg.errors import FormatError, OutputError

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = ["write", "write_all", "check_folder", "format_for"]

#: The lock file a build holds in its output folder while it writes there.
LOCK_NAME = ".kg-build.lock"


def format_for(path: Path, format: str | None = None) -> str:
    """The format key (a key of :data:`kg.config.FORMATS`) for ``path``."""
    key = (format or path.suffix.lstrip(".")).lower()
    aliases = {"turtle": "ttl", "ntriples": "nt", "n-triples": "nt", "json-ld": "jsonld", "htm": "html"}
    key = aliases.get(key, key)
    if key not in FORMATS:
        raise FormatError(key or str(path), sorted(FORMATS))
    return key


def write(graph: KnowledgeGraph, path: Path, format: str | None = None) -> Path:
    """Write ``graph`` to ``path`` in ``format`` (default: from the suffix)."""
    key = format_for(path, format)
    path.parent.mkdir(parents=True, exist_ok=True)
    if key == "html":
        from kg.html import write_html

        write_html(graph, path)
    elif key in ("graphml", "gexf", "csv"):
        from kg.propgraph import write_property_graph

        write_property_graph(graph, path, key)
    else:
        from kg.rdf import write_rdf

        write_rdf(graph, path, FORMATS[key])
    return path


def write_all(graph: KnowledgeGraph, out: Path, keys: Iterable[str], stem: str = "graph",
              on_written: Callable[[str], None] | None = None) -> list[Path]:
    """Write ``graph`` to ``out/<stem>.<format>`` for each format key, all or nothing.

    ``on_written(key)`` is called as each format is written (to a temporary
    file: the exports are moved into place together at the end).

    Every file is first written into a temporary folder inside ``out`` and
    moved into place only once all are written, so a build that fails (a full
    disk) or is killed while writing leaves the previous exports as they were.
    A lock on ``out`` keeps a second build from writing there at the same time.
    Problems with ``out`` itself raise :class:`kg.errors.OutputError`.
    """
    keys = [format_for(Path(stem), k) for k in keys]
    check_folder(out)
    with _locked(out):
        for stale in out.glob(".kg-writing-*"):  # left by a build that was killed: we hold the lock, it is no one's
            shutil.rmtree(stale, ignore_errors=True)
        tmp = Path(tempfile.mkdtemp(prefix=".kg-writing-", dir=out))
        try:
            for key in keys:
                write(graph, tmp / f"{stem}.{key}", key)
                if on_written is not None:
                    on_written(key)
            done = sorted(p for p in tmp.iterdir() if p.is_file())
            for p in done:
                target = out / p.name
                if target.is_dir():
                    raise OutputError(f"cannot write {target}: a folder of that name is in the way")
            with _signals_held():
                for p in done:
                    os.replace(p, out / p.name)  # each an atomic rename within one folder
            return [out / p.name for p in done]
        except OSError as err:
            raise OutputError(f"cannot write the exports to {out}: {err.strerror or err}"
                              " (the previous exports are unchanged)") from None
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


def check_folder(out: Path) -> None:
    """``out`` must be a folder kg can create and write in."""
    try:
        if out.exists() and not out.is_dir():
            raise OutputError(f"--out must be a folder, and {out} is a file")
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:  # also a name too long for the file system
        raise OutputError(f"cannot create the output folder {out}: {err.strerror or err}") from None
    if not os.access(out, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write in the output folder {out}: permission denied")


@contextmanager
def _signals_held():
    """Hold Ctrl-C and SIGTERM back for the renames (microseconds), so that an
    interrupted build never leaves some exports new and the others old."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held = {signal.SIGINT, signal.SIGTERM}
    old = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


@contextmanager
def _locked(out: Path):
    """Hold an exclusive lock on ``out`` (released by the system if the build dies)."""
    import fcntl

    try:
        handle = open(out / LOCK_NAME, "a")
    except OSError as err:
        raise OutputError(f"cannot write in the output folder {out}: {err.strerror or err}") from None
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise OutputError(f"another kg build is writing to {out}; wait for it or choose another --out") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
