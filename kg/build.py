"""Building a graph: documents -> (map) facts per document -> (reduce) graph.

The map (:func:`extract_all`) parses and extracts each document on its own,
in this process or in ``processes`` worker processes that each load the spaCy
pipeline once; the reduce (:class:`kg.resolve.corpus.Merger`) merges their
small per-document records.  Results come back in input order, so the graph
is the same whatever the number of processes.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path

from kg.config import DEFAULT_MODEL, Settings
from kg.errors import InputError
from kg.graph import KnowledgeGraph
from kg.io import check_date, check_paths, iter_documents
from kg.resolve.corpus import Merger
from kg.types import Document, DocumentFacts

__all__ = ["build", "build_files", "extract_all"]

Progress = Callable[[DocumentFacts], None]


def _chunks(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(docs)
    while chunk := list(islice(it, size)):
        yield chunk


def _extract_chunk(nlp, chunk: list[Document], batch_size: int) -> list[DocumentFacts]:
    from kg.extract import extract_document  # here, not at import: `kg --help` needs no spaCy

    return [extract_document(doc, d) for doc, d in _parsed(nlp, chunk, batch_size)]


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


# --- worker processes: the pipeline is loaded once per worker -----------------
_WORKER_NLP = None


def _worker_init(model: str) -> None:
    global _WORKER_NLP
    from kg.nlp import load_pipeline

    _WORKER_NLP = load_pipeline(model)


def _worker_run(args: tuple[list[Document], int]) -> list[DocumentFacts]:
    chunk, batch_size = args
    return _extract_chunk(_WORKER_NLP, chunk, batch_size)


def extract_all(documents: Iterable[Document], settings: Settings, nlp=None) -> Iterator[DocumentFacts]:
    """The map: yield one :class:`DocumentFacts` per document, in input order.

    With ``settings.processes > 1`` the documents go in chunks to worker
    processes, at most four chunks per worker in flight, so that a corpus is
    streamed rather than read whole.
    """
    size = settings.batch_size
    if settings.processes <= 1:
        if nlp is None:
            from kg.nlp import load_pipeline

            nlp = load_pipeline(settings.model)
        for chunk in _chunks(documents, size):
            yield from _extract_chunk(nlp, chunk, size)
        return
    import multiprocessing as mp
    from collections import deque

    from kg.nlp import load_pipeline

    global _WORKER_NLP
    # Load once here: a missing model fails before any work starts, and forked
    # workers inherit the loaded pipeline instead of loading their own.
    _WORKER_NLP = nlp if nlp is not None else load_pipeline(settings.model)
    if "fork" in mp.get_all_start_methods():
        ctx, init, args = mp.get_context("fork"), None, ()
    else:  # pragma: no cover - macOS/Windows: each worker loads the pipeline
        ctx, init, args = mp.get_context("spawn"), _worker_init, (settings.model,)
    with ctx.Pool(settings.processes, initializer=init, initargs=args) as pool:
        pending: deque = deque()
        for chunk in _chunks(documents, size):
            pending.append(pool.apply_async(_worker_run, ((chunk, size),)))
            # Results are taken in input order; a few chunks per worker in flight
            # keep workers busy behind a slow chunk while memory stays bounded.
            while len(pending) >= 4 * settings.processes:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def build(
    texts: Iterable[str],
    *,
    date: str | None = None,
    model: str = DEFAULT_MODEL,
    base_iri: str | None = None,
    processes: int = 1,
    nlp=None,
    into: KnowledgeGraph | None = None,
) -> KnowledgeGraph:
    """Build a graph from article texts (strings); documents are named ``doc1``, ``doc2``...

    ``date`` (YYYY-MM-DD) is the articles' date, used to resolve "next week".
    ``into``: add the articles to this graph (numbered after its documents)
    and return it, as :meth:`KnowledgeGraph.merge` does.
    """
    check_date(date)
    docs = []
    first = len(into.documents()) + 1 if into is not None else 1
    for i, t in enumerate(texts, start=first):
        if not isinstance(t, str):
            raise InputError(f"document {i} is not a string but {type(t).__name__}")
        if t.strip():
            docs.append(Document(id=f"doc{i}", text=t, date=date))
    settings = Settings(model=model, base_iri=base_iri or _base(into), date=date, processes=processes)
    return _reduce(docs, settings, nlp, into=into)


def build_files(
    paths: Iterable[str | Path],
    *,
    date: str | None = None,
    model: str = DEFAULT_MODEL,
    base_iri: str | None = None,
    processes: int = 1,
    nlp=None,
    on_skip: Callable[[str, str], None] | None = None,
    progress: Progress | None = None,
    into: KnowledgeGraph | None = None,
) -> KnowledgeGraph:
    """Build a graph from text files, folders of them and JSON Lines corpora.

    A bad document inside a corpus is reported to ``on_skip(where, why)`` and
    skipped; a bad path named directly raises :class:`kg.errors.InputError`.
    ``into``: add the articles to this graph and return it (the same graph as
    building everything at once, see :meth:`KnowledgeGraph.merge`).
    """
    paths = check_paths(paths)
    check_date(date)
    settings = Settings(model=model, base_iri=base_iri or _base(into), date=date, processes=processes)
    docs = iter_documents(paths, date=date, on_skip=on_skip or (lambda where, why: None))
    return _reduce(docs, settings, nlp, progress, into)


def _base(into: KnowledgeGraph | None) -> str:
    return into.base_iri if into is not None else Settings.base_iri


def _reduce(docs: Iterable[Document], settings: Settings, nlp=None, progress: Progress | None = None,
            into: KnowledgeGraph | None = None) -> KnowledgeGraph:
    started = time.perf_counter()
    merger = Merger(settings.base_iri)
    parts: list[DocumentFacts] = []  # kept on the graph so that merge() can re-run this reduce
    for facts in extract_all(docs, settings, nlp):
        merger.add(facts)
        parts.append(facts)
        if progress is not None:
            progress(facts)
    if not merger.documents:
        raise InputError("no documents to build from")
    graph = merger.graph()
    graph._parts = parts
    graph.stats["seconds"] = time.perf_counter() - started
    return graph if into is None else into.merge(graph)
