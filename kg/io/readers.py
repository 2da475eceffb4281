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

_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")  # ASCII digits: "\d" also takes Arabic-Indic ones
_SURROGATE = re.compile("[\ud800-\udfff]")
#: Longer ids are refused: an id becomes part of every IRI of the document.
MAX_ID_LENGTH = 255

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
        if not p.is_dir() and not p.is_file():
            raise InputError(f"not a regular file or folder: {p}")  # a FIFO or a device would block or never end
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
    if not _is_date(date):
        raise InputError(f"not a date (YYYY-MM-DD): {date}")
    return date


def _is_date(value: object) -> bool:
    """A real calendar date written YYYY-MM-DD in ASCII digits ("2025-02-30" is none)."""
    import datetime as dt

    if not isinstance(value, str) or not _DATE.match(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _clean(text: str) -> str:
    """``text`` with lone surrogates (from "\\ud800" in JSON, or an undecodable
    file name) replaced by U+FFFD: one character for one, so offsets hold."""
    return _SURROGATE.sub("\ufffd", text)


def read_text_file(path: Path) -> str:
    """The text of ``path``; InputError if it is unreadable, empty, binary or not UTF-8."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read {_clean(str(path))}: {err.strerror or err}") from None
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
    used: set[str] = set()

    def unique(doc_id: str) -> str:
        # the first free of "a", "a#2", "a#3"...: a later record may itself be called "a#2"
        out, n = doc_id, 1
        while out in used:
            n += 1
            out = f"{doc_id}#{n}"
        used.add(out)
        return out

    for path in map(Path, paths):
        if path.is_dir():
            for f in _folder_files(path):
                yield from _read_one(f, date, on_skip, unique, in_corpus=True, root=path)
        else:
            yield from _read_one(path, date, on_skip, unique, in_corpus=False, root=path.parent)


def _read_one(path, date, on_skip, unique, *, in_corpus: bool, root: Path) -> Iterator[Document]:
    if path.suffix.lower() == ".jsonl":
        try:
            yield from _read_jsonl(path, date, on_skip, unique)
        except InputError as err:
            if not in_corpus:
                raise
            on_skip(_clean(str(path)), str(err))  # an empty or unreadable corpus file in a folder: the rest is built
        return
    try:
        text = read_text_file(path)
    except InputError as err:
        if not in_corpus:
            raise
        on_skip(_clean(str(path)), str(err))
        return
    doc_id = _clean(str(path.relative_to(root)) if in_corpus else path.name)
    yield Document(id=unique(doc_id), text=text, date=date, source=_clean(str(path)))


def _read_jsonl(path: Path, date, on_skip: Skip, unique) -> Iterator[Document]:
    try:
        handle = path.open("rb")
    except OSError as err:
        raise InputError(f"cannot read {_clean(str(path))}: {err.strerror or err}") from None
    any_line = False
    with handle:
        for n, raw in enumerate(handle, start=1):
            where = f"{_clean(str(path))}:{n}"
            if not raw.strip():
                continue
            any_line = True
            rec, why = _record(raw, first=n == 1)
            if why:
                on_skip(where, why)
                continue
            doc_date = rec.get("date") or date
            if doc_date is not None and not _is_date(doc_date[:10] if isinstance(doc_date, str) else doc_date):
                on_skip(where, f"bad date {str(doc_date)[:40]!r}")
                continue
            doc_id, why = _record_id(rec.get("id"), f"{_clean(path.stem)}-{n}")
            if why:
                on_skip(where, why)
                continue
            yield Document(
                id=unique(doc_id),
                text=_clean(rec["text"]),
                title=_optional_text(rec.get("title")),
                date=doc_date[:10] if doc_date else None,
                url=_optional_text(rec.get("url")),
                source=where,
            )
    if not any_line:
        raise InputError(f"empty file: {_clean(str(path))}")


def _record(raw: bytes, first: bool) -> tuple[dict, str | None]:
    """One JSON Lines record, or why it is none."""
    try:
        # a byte-order mark may open the file: it is not part of the first record
        rec = json.loads(raw.decode("utf-8-sig" if first else "utf-8"))
    except UnicodeDecodeError:
        return {}, "not UTF-8"
    except json.JSONDecodeError as err:
        return {}, f"not JSON ({err.msg})"
    except (ValueError, RecursionError) as err:  # a number of 5,000 digits, nesting 100,000 deep
        return {}, f"not JSON kg can read ({type(err).__name__})"
    if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
        return {}, 'no "text" string'
    if not rec["text"].strip():
        return {}, "empty text"
    return rec, None


def _record_id(value: object, fallback: str) -> tuple[str, str | None]:
    """The record's id (a string or a whole number), else ``fallback``; or why it cannot be one."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return fallback, None
    doc_id = _clean(str(value)).strip()
    if not doc_id:
        return fallback, None
    if len(doc_id) > MAX_ID_LENGTH:
        return "", f"id longer than {MAX_ID_LENGTH} characters"
    return doc_id, None


def _optional_text(value: object) -> str | None:
    """A title or URL: a string (or a number, as written), else nothing."""
    if isinstance(value, str):
        return _clean(value) or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None
