"""Building a graph: documents -> (map) facts per document -> (reduce) graph.

The map (:func:`kg.engines.extract_all`) parses and extracts each document on
its own, on an engine: this process, ``processes`` local worker processes, or
a Dask cluster, each worker loading the spaCy pipeline once.  The reduce
(:class:`kg.resolve.corpus.Merger`) resolves the entity table and streams the
per-document records back from disk.  Results come back in input order, so
the graph is the same on every engine and at every number of workers.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path

from kg.config import DEFAULT_MODEL, Settings
from kg.engines import extract_all
from kg.errors import InputError
from kg.graph import KnowledgeGraph
from kg.io import check_date, check_paths, iter_documents
from kg.resolve.corpus import Merger
from kg.types import Document, DocumentFacts, Skipped

__all__ = ["build", "build_files", "extract_all"]

Progress = Callable[[DocumentFacts], None]
Stage = Callable[[str], None]


def build(
    texts: Iterable[str],
    *,
    date: str | None = None,
    model: str = DEFAULT_MODEL,
    base_iri: str | None = None,
    processes: int = 1,
    nlp=None,
    into: KnowledgeGraph | None = None,
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    client=None,
    batch_size: int = Settings.batch_size,
) -> KnowledgeGraph:
    """Build a graph from article texts (strings); documents are named ``doc1``, ``doc2``...

    ``date`` (YYYY-MM-DD) is the articles' date, used to resolve "next week".
    ``into``: add the articles to this graph (numbered after its documents)
    and return it, as :meth:`KnowledgeGraph.merge` does.  ``engine``,
    ``workers``, ``scheduler`` and ``client``: where the parsing runs, as in
    :func:`build_files`.
    """
    check_date(date)
    docs = []
    first = len(into.documents()) + 1 if into is not None else 1
    for i, t in enumerate(texts, start=first):
        if not isinstance(t, str):
            raise InputError(f"document {i} is not a string but {type(t).__name__}")
        if t.strip():
            docs.append(Document(id=f"doc{i}", text=t, date=date))
    settings = Settings(model=model, base_iri=base_iri or _base(into), date=date, processes=processes,
                        engine=engine, workers=workers, scheduler=scheduler, batch_size=_batch(batch_size))
    return _reduce(docs, settings, nlp, into=into, client=client)


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
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    client=None,
    on_stage: Stage | None = None,
    batch_size: int = Settings.batch_size,
) -> KnowledgeGraph:
    """Build a graph from text files, folders of them and JSON Lines corpora.

    A bad document inside a corpus (or one whose extraction fails) is
    reported to ``on_skip(where, why)`` and skipped; a bad path named directly
    raises :class:`kg.errors.InputError`.  ``progress(facts)`` is called after
    each document, ``on_stage(name)`` when the build moves on to "merging".
    ``into``: add the articles to this graph and return it (the same graph as
    building everything at once, see :meth:`KnowledgeGraph.merge`).

    ``engine="local"`` parses in this process, or in ``processes`` worker
    processes; ``engine="dask"`` on a Dask cluster: ``client`` (a
    ``distributed.Client``), else the scheduler at ``scheduler``, else a new
    ``LocalCluster`` of ``workers`` processes (``pip install 'kg[dask]'``).
    Every engine gives the same graph.  ``batch_size``: documents parsed in
    one batch, and sent to a worker in one task.
    """
    paths = check_paths(paths)
    check_date(date)
    settings = Settings(model=model, base_iri=base_iri or _base(into), date=date, processes=processes,
                        engine=engine, workers=workers, scheduler=scheduler, batch_size=_batch(batch_size))
    skip = on_skip or (lambda where, why: None)
    docs = iter_documents(paths, date=date, on_skip=skip)
    return _reduce(docs, settings, nlp, progress, into, client=client, on_skip=skip, on_stage=on_stage)


def _batch(size: int) -> int:
    if not isinstance(size, int) or isinstance(size, bool) or size < 1:
        raise InputError(f"batch_size must be a whole number of documents, 1 or more, not {size!r}")
    return size


def _base(into: KnowledgeGraph | None) -> str:
    return into.base_iri if into is not None else Settings.base_iri


def _reduce(docs: Iterable[Document], settings: Settings, nlp=None, progress: Progress | None = None,
            into: KnowledgeGraph | None = None, *, client=None, on_skip: Callable[[str, str], None] | None = None,
            on_stage: Stage | None = None) -> KnowledgeGraph:
    started = time.perf_counter()
    merger = Merger(settings.base_iri)
    for facts in extract_all(docs, settings, nlp, client):
        if isinstance(facts, Skipped):
            if on_skip is not None:
                on_skip(facts.document, facts.reason)
        else:
            merger.add(facts)  # the record goes to disk, its entities to the table
        if progress is not None:
            progress(facts)
    if not merger.documents:
        raise InputError("no documents to build from")
    if on_stage is not None:
        on_stage("merging")
    graph = merger.graph()
    graph._records = merger.records  # on disk: merge() replays this reduce from them
    graph.stats["seconds"] = time.perf_counter() - started
    return graph if into is None else into.merge(graph)
