"""Extracting a chunk of documents with a loaded pipeline: what every engine runs.

A chunk is parsed in one ``nlp.pipe`` batch.  Should a document make the
parse or the extraction fail, the chunk is done again document by document,
so that only that document is lost: it comes back as a :class:`Skipped`
with the reason, and the build reports it and goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from kg.types import Document, DocumentFacts, Skipped

__all__ = ["chunks", "extract_chunk"]


def chunks(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """``docs`` in lists of ``size``, streamed."""
    it = iter(docs)
    while chunk := list(islice(it, size)):
        yield chunk


def extract_chunk(nlp, chunk: list[Document], batch_size: int) -> list[DocumentFacts | Skipped]:
    """Facts (or a skip) per document of ``chunk``, in order."""
    from kg.extract import extract_document  # here, not at import: `kg --help` needs no spaCy

    try:
        return [extract_document(doc, d) for doc, d in _parsed(nlp, chunk, batch_size)]
    except Exception as err:  # noqa: BLE001 - one bad document must not take its chunk with it
        if len(chunk) > 1:
            return [r for d in chunk for r in extract_chunk(nlp, [d], batch_size)]
        why = " ".join(str(err).split())[:200]
        return [Skipped(chunk[0].id, f"extraction failed ({type(err).__name__}: {why})")]


def _parsed(nlp, chunk: list[Document], batch_size: int):
    """(Doc, document) pairs in input order: ordinary articles batched through
    ``nlp.pipe``, a long one parsed in pieces (:mod:`kg.nlp.pieces`), never refused
    for its length; overlong sentences cut (:mod:`kg.nlp.sentence_cap`)."""
    from kg.nlp import pieces
    from kg.nlp.sentence_cap import cap_sentences

    size = min(pieces.PIECE_SIZE, nlp.max_length)
    short = iter(nlp.pipe((d.text for d in chunk if len(d.text) <= size), batch_size=batch_size))
    for d in chunk:
        # No sentence longer than news has: extraction stays linear in the text.
        yield (cap_sentences(nlp, next(short)) if len(d.text) <= size else pieces.parse(nlp, d.text, size)), d
