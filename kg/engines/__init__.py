"""The map of a build, on an engine: each document parsed and extracted on its own.

- ``local`` (:mod:`kg.engines.local`): in this process, or in ``processes``
  worker processes of this machine (``multiprocessing``), each with the
  pipeline loaded once.
- ``dask`` (:mod:`kg.engines.dask`): on a Dask cluster, a ``LocalCluster`` of
  ``workers`` processes or the scheduler at ``scheduler``; each worker loads
  the pipeline once (a worker plugin).

Every engine yields one :class:`~kg.types.DocumentFacts` per document, or a
:class:`~kg.types.Skipped` for a document that could not be extracted, in
input order, so that the graph is the same on any engine.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from kg.config import Settings
from kg.errors import KgError
from kg.types import Document, DocumentFacts, Skipped

__all__ = ["ENGINES", "extract_all"]

#: The engines a build can run its map on.
ENGINES = ("local", "dask")


def extract_all(documents: Iterable[Document], settings: Settings, nlp=None,
                client=None) -> Iterator[DocumentFacts | Skipped]:
    """The map on ``settings.engine``: facts per document, in input order.

    ``nlp``: a loaded pipeline for the local engine (else loaded here);
    ``client``: a ``distributed.Client`` for the Dask engine (else one is made).
    """
    if settings.engine == "local":
        from kg.engines.local import extract_local

        return extract_local(documents, settings, nlp)
    if settings.engine == "dask":
        from kg.engines.dask import extract_dask

        return extract_dask(documents, settings, client)
    raise KgError(f"unknown engine '{settings.engine}'; choose from: {', '.join(ENGINES)}")
