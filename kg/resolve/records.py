"""Per-document records on disk: what the reduce reads twice and a merge replays.

A build streams each :class:`~kg.types.DocumentFacts` into a
:class:`RecordFile` (pickles appended to one temporary file) instead of
holding them: the reduce keeps only the entity table in memory and reads the
facts back from here, and :meth:`KnowledgeGraph.merge` replays the records of
both graphs, so that merging two builds is one build of both.  The file is
deleted when the last graph holding it is collected, or when the process ends.

>>> from kg.types import Document, DocumentFacts
>>> rf = RecordFile()
>>> rf.append(DocumentFacts(Document("a", "Hi."), 1, [], [], []))
>>> [r.document.id for r in rf], len(rf)
(['a'], 1)
"""

from __future__ import annotations

import os
import pickle
import tempfile
import weakref
from collections.abc import Iterator

from kg.types import DocumentFacts

__all__ = ["RecordFile"]


def _remove(path: str, handle) -> None:
    handle.close()
    try:
        os.unlink(path)
    except OSError:
        pass


class RecordFile:
    """An append-only file of :class:`DocumentFacts`, read back in order."""

    def __init__(self, folder: str | None = None) -> None:
        fd, self.path = tempfile.mkstemp(prefix="kg-records-", suffix=".pickle", dir=folder)
        self._out = os.fdopen(fd, "wb")
        self._count = 0
        self._finalizer = weakref.finalize(self, _remove, self.path, self._out)

    def append(self, facts: DocumentFacts) -> None:
        pickle.dump(facts, self._out, protocol=pickle.HIGHEST_PROTOCOL)
        self._count += 1

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[DocumentFacts]:
        self._out.flush()
        with open(self.path, "rb") as f:
            for _ in range(self._count):
                yield pickle.load(f)

    def close(self) -> None:
        """Delete the file now (it is deleted with the object otherwise)."""
        self._finalizer()
