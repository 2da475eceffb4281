"""The local engine: the map in this process, or in worker processes of this machine.

With ``settings.processes > 1`` the documents go in chunks to a
``multiprocessing`` pool whose workers each hold the pipeline (inherited when
forked, loaded once when spawned); at most four chunks per worker are in
flight, so that a corpus is streamed rather than read whole.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

from kg.config import Settings
from kg.engines.chunks import chunks, extract_chunk
from kg.types import Document, DocumentFacts, Skipped

__all__ = ["extract_local"]

# The pipeline of a worker process, loaded once (the only global state of kg).
_WORKER_NLP = None


def _worker_init(model: str) -> None:
    global _WORKER_NLP
    from kg.nlp import load_pipeline

    _WORKER_NLP = load_pipeline(model)


def _worker_run(args: tuple[list[Document], int]) -> list[DocumentFacts | Skipped]:
    chunk, batch_size = args
    return extract_chunk(_WORKER_NLP, chunk, batch_size)


def extract_local(documents: Iterable[Document], settings: Settings, nlp=None) -> Iterator[DocumentFacts | Skipped]:
    """Facts per document, in input order, from this process or a pool."""
    from kg.nlp import load_pipeline

    size = settings.batch_size
    if settings.processes <= 1:
        nlp = nlp if nlp is not None else load_pipeline(settings.model)
        for chunk in chunks(documents, size):
            yield from extract_chunk(nlp, chunk, size)
        return
    import multiprocessing as mp

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
        for chunk in chunks(documents, size):
            pending.append(pool.apply_async(_worker_run, ((chunk, size),)))
            # Results are taken in input order; a few chunks per worker in flight
            # keep workers busy behind a slow chunk while memory stays bounded.
            while len(pending) >= 4 * settings.processes:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
