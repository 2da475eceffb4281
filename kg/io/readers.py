"""Reading articles: text files, folders of them, and JSON Lines corpora.

Paths named by the user must be readable (a missing, empty or binary file is
an error); inside a corpus (a folder or a JSONL file) a bad document is
reported through ``on_skip`` and skipped, so that the others are still built.
Documents are yielded one at a time: a corpus is never held whole in memory.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("Officials met in Oslo.", encoding="utf-8")
>>> [doc.id for doc in iter_documents([d])]
['a.txt']
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kg.errors import InputError
from kg.types import Document

__all__ = ["iter_documents", "check_paths", "read_text_file", "Skip"]

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

#: Called with (where, why) for each document skipped inside a corpus.
Skip = Callable[[str, str], None]


def _ignore(where: str, why: str) -> None:
    pass


def check_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Fail early, with the path named, for paths that do not exist or are
    neither a .txt-style file, a folder nor a .jsonl file."""
    out = []
    for p in map(Path, paths):
        if not p.exists():
            raise InputError(f"no such file or folder: {p}")
        if p.is_dir():
            if not any(_folder_files(p)):
                raise InputError(f"no .txt or .jsonl files in folder: {p}")
        elif p.suffix.lower() != ".jsonl":
            read_text_file(p)  # a file named by the user must be readable text
        out.append(p)
    if not out:
        raise InputError("no input given")
    return out


def check_date(date: str | None) -> str | None:
    """Validate an ISO date (YYYY-MM-DD) given by the user."""
    if date is None:
        return None
    import datetime as dt

    try:
        if not _DATE.match(date):
            raise ValueError
        dt.date.fromisoformat(date)
    except ValueError:
        raise InputError(f"not a date (YYYY-MM-DD): {date}") from None
    return date


def read_text_file(path: Path) -> str:
    """The text of ``path``; InputError if it is empty, binary or not UTF-8."""
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise InputError(f"binary file, not text: {path}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(f"not UTF-8 text: {path} (byte {err.start})") from None
    if not text.strip():
        raise InputError(f"empty file: {path}")
    return text


def _folder_files(folder: Path) -> Iterator[Path]:
    for p in sorted(folder.rglob("*")):
        if p.is_file() and p.suffix.lower() in (".txt", ".jsonl") and not p.name.startswith("."):
            yield p


def iter_documents(
    paths: Iterable[str | Path], date: str | None = None, on_skip: Skip = _ignore
) -> Iterator[Document]:
    """Yield the documents under ``paths`` in a stable order.

    ``date`` is the default article date for documents that carry none.
    Document ids are unique: a repeated id gets a ``#2`` suffix.
    """
    seen: dict[str, int] = {}

    def unique(doc_id: str) -> str:
        n = seen.get(doc_id, 0) + 1
        seen[doc_id] = n
        return doc_id if n == 1 else f"{doc_id}#{n}"

    for path in map(Path, paths):
        if path.is_dir():
            for f in _folder_files(path):
                yield from _read_one(f, date, on_skip, unique, in_corpus=True, root=path)
        else:
            yield from _read_one(path, date, on_skip, unique, in_corpus=False, root=path.parent)


def _read_one(path, date, on_skip, unique, *, in_corpus: bool, root: Path) -> Iterator[Document]:
    if path.suffix.lower() == ".jsonl":
        yield from _read_jsonl(path, date, on_skip, unique)
        return
    try:
        text = read_text_file(path)
    except InputError as err:
        if not in_corpus:
            raise
        on_skip(str(path), str(err))
        return
    doc_id = str(path.relative_to(root)) if in_corpus else path.name
    yield Document(id=unique(doc_id), text=text, date=date, source=str(path))


def _read_jsonl(path: Path, date, on_skip: Skip, unique) -> Iterator[Document]:
    try:
        handle = path.open("rb")
    except OSError as err:
        raise InputError(f"cannot read {path}: {err.strerror}") from None
    any_line = False
    with handle:
        for n, raw in enumerate(handle, start=1):
            where = f"{path}:{n}"
            if not raw.strip():
                continue
            any_line = True
            try:
                rec = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError:
                on_skip(where, "not UTF-8")
                continue
            except json.JSONDecodeError as err:
                on_skip(where, f"not JSON ({err.msg})")
                continue
            if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
                on_skip(where, 'no "text" string')
                continue
            if not rec["text"].strip():
                on_skip(where, "empty text")
                continue
            doc_date = rec.get("date") or date
            if doc_date is not None and not (isinstance(doc_date, str) and _DATE.match(doc_date[:10])):
                on_skip(where, f"bad date {doc_date!r}")
                continue
            doc_id = str(rec.get("id") or f"{path.stem}-{n}")
            yield Document(
                id=unique(doc_id),
                text=rec["text"],
                title=rec.get("title"),
                date=doc_date[:10] if doc_date else None,
                url=rec.get("url"),
                source=where,
            )
    if not any_line:
        raise InputError(f"empty file: {path}")
