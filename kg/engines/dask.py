"""The Dask engine: the map on a Dask cluster (``pip install 'kg[dask]'``).

Without a scheduler address a ``LocalCluster`` of ``settings.workers``
processes (one thread each: spaCy holds the GIL) is started on loopback and
closed at the end.  Each worker loads the pipeline once, through a worker
plugin that the scheduler also gives to workers that join later (a worker
restarted after a crash).  Documents go to the workers in chunks, at most
four per worker in flight; results are taken in input order.

Failures: a worker that dies takes its tasks with it, and the scheduler runs
them again elsewhere (``distributed.scheduler.allowed-failures`` times).  A
chunk that still cannot be done is split, each document sent on its own, and
a document that kills every worker it is sent to comes back as a
:class:`~kg.types.Skipped`, as does one whose extraction raises
(:mod:`kg.engines.chunks`).
"""

from __future__ import annotations

import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from kg.config import Settings
from kg.engines.chunks import chunks, extract_chunk
from kg.errors import KgError
from kg.types import Document, DocumentFacts, Skipped

try:
    from distributed import WorkerPlugin as _PluginBase
except ImportError:  # without Dask this module is only read for its error message
    _PluginBase = object

__all__ = ["extract_dask", "PipelinePlugin", "dask_client"]


def _distributed():
    try:
        import distributed
    except ImportError:
        raise KgError("the dask engine needs Dask: pip install 'kg[dask]' (or dask[distributed])") from None
    return distributed


def _plugin_name(model: str) -> str:
    return f"kg-pipeline-{model}"


class PipelinePlugin(_PluginBase):
    """A worker plugin that loads the spaCy pipeline once per worker."""

    def __init__(self, model: str) -> None:
        self.model = model
        self.name = _plugin_name(model)
        self.nlp = None

    def setup(self, worker) -> None:
        from kg.nlp import load_pipeline

        self.nlp = load_pipeline(self.model)

    def teardown(self, worker) -> None:
        self.nlp = None


def _run(chunk: list[Document], batch_size: int, model: str) -> list[DocumentFacts | Skipped]:
    """The task: extract ``chunk`` with this worker's pipeline."""
    from distributed import get_worker

    plugin = get_worker().plugins.get(_plugin_name(model))
    if plugin is None or plugin.nlp is None:  # a worker that joined before the plugin reached it
        from kg.nlp import load_pipeline

        return extract_chunk(load_pipeline(model), chunk, batch_size)
    return extract_chunk(plugin.nlp, chunk, batch_size)


@contextmanager
def dask_client(settings: Settings, client=None):
    """``client``, or a client of the scheduler at ``settings.scheduler``, or of
    a new ``LocalCluster`` with ``settings.workers`` workers (closed on exit)."""
    distributed = _distributed()
    if client is not None:
        yield client
        return
    if settings.scheduler:
        try:
            c = distributed.Client(settings.scheduler)  # waits distributed.comm.timeouts.connect (30 s)
        except (OSError, TimeoutError) as err:
            raise KgError(f"cannot reach the Dask scheduler at {settings.scheduler}: {err}") from None
        with c:
            yield c
        return
    import logging

    workers = settings.workers or 1
    with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=":0", silence_logs=logging.ERROR) as cluster, \
            distributed.Client(cluster) as c:
        yield c


def _workers(client) -> int:
    return max(1, len(client.scheduler_info(n_workers=-1).get("workers", {})))


def extract_dask(documents: Iterable[Document], settings: Settings, client=None) -> Iterator[DocumentFacts | Skipped]:
    """Facts per document, in input order, from the workers of a Dask cluster."""
    distributed = _distributed()
    size = settings.batch_size
    run = uuid.uuid4().hex[:12]  # task keys unique to this build on a shared cluster
    with dask_client(settings, client) as c:
        plugin = PipelinePlugin(settings.model)
        c.register_plugin(plugin, name=plugin.name)
        in_flight = 4 * _workers(c)
        pending: deque = deque()

        def take() -> list[DocumentFacts | Skipped]:
            i, future, chunk = pending.popleft()
            try:
                return future.result()
            except distributed.KilledWorker:
                return _one_by_one(c, chunk, size, settings.model, f"{run}-{i}")
            finally:
                future.release()

        for i, chunk in enumerate(chunks(documents, size)):
            pending.append((i, c.submit(_run, chunk, size, settings.model, key=f"kg-{run}-{i}", pure=False), chunk))
            while len(pending) >= in_flight:
                yield from take()
        while pending:
            yield from take()


def _one_by_one(client, chunk: list[Document], size: int, model: str, prefix: str) -> list[DocumentFacts | Skipped]:
    """A chunk that killed its workers, done a document a task: only the culprit is lost."""
    distributed = _distributed()
    futures = [client.submit(_run, [d], size, model, key=f"kg-{prefix}-{j}", pure=False) for j, d in enumerate(chunk)]
    out: list[DocumentFacts | Skipped] = []
    for d, f in zip(chunk, futures):
        try:
            out.extend(f.result())
        except distributed.KilledWorker:
            out.append(Skipped(d.id, "it killed every Dask worker it was sent to"))
        finally:
            f.release()
    return out
