"""``merge(build(A), build(B))`` is ``build(A + B)``, byte for byte in every export,
and no per-document record stays in memory: the records are on disk.

Made-up articles in which the corpus-wide resolution matters: a bare surname
in B whose full name is in A, a title in A and the name alone in B, and the
same promise reported in both halves.
"""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest

import kg
from kg.export import write_all
from kg.types import DocumentFacts

FORMATS = ["ttl", "nt", "jsonld", "trig", "graphml", "gexf", "csv", "html"]

A = [
    "Finance minister Oda Lindqvist promised on Monday to cut fuel duty by April. "
    '"Families need relief now," Lindqvist told parliament in Varnholm.',
    "The Varnholm Farmers Union demanded that the government scrap the fertiliser levy. "
    "Its president, Tomas Brek, said farmers would protest next week.",
    "Opposition leader Sanne Holt urged the finance minister to publish the costings.",
]
B = [
    "Lindqvist refused to publish the costings before the budget. Sanne Holt said the refusal was a scandal.",
    "Brek said the union would meet Lindqvist on Friday. The minister promised to cut fuel duty by April.",
    "Mr Brek told reporters the protest would go ahead unless the levy was scrapped.",
]


def _jsonl(path: Path, texts: list[str], first: int) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for i, text in enumerate(texts, start=first):
            f.write(json.dumps({"id": f"n{i}", "text": text, "date": "2033-02-07"}) + "\n")
    return path


def _exports(graph, out: Path) -> dict[str, bytes]:
    return {p.suffix: p.read_bytes() for p in write_all(graph, out, FORMATS)}


@pytest.fixture(scope="module")
def halves(tmp_path_factory):
    # Both halves and the whole read from the same files, so that every
    # document's source path is the same in each build.
    tmp = tmp_path_factory.mktemp("corpus")
    return _jsonl(tmp / "a.jsonl", A, 1), _jsonl(tmp / "b.jsonl", B, len(A) + 1)


def test_merging_two_builds_is_one_build_of_both_in_every_export(nlp, halves, tmp_path):
    a_path, b_path = halves
    at_once = _exports(kg.build_files([a_path, b_path], nlp=nlp), tmp_path / "once")
    a = kg.build_files([a_path], nlp=nlp)
    merged = a.merge(kg.build_files([b_path], nlp=nlp))
    assert merged is a
    got = _exports(merged, tmp_path / "merged")
    assert got.keys() == at_once.keys() == {f".{f}" for f in FORMATS}
    for suffix in got:
        assert got[suffix] == at_once[suffix], suffix
    # The resolution ran over both halves: Sanne Holt of B is the opposition leader of A.
    assert {m.document for m in merged.find("Sanne Holt").mentions} == {"n3", "n4"}
    # into= is the same merge.
    grown = kg.build_files([b_path], nlp=nlp, into=kg.build_files([a_path], nlp=nlp))
    assert _exports(grown, tmp_path / "grown") == at_once


def test_a_build_and_a_merge_hold_no_per_document_record_in_memory(nlp, halves):
    a_path, b_path = halves
    a = kg.build_files([a_path], nlp=nlp)
    a.merge(kg.build_files([b_path], nlp=nlp))
    gc.collect()
    ours = {f"n{i}" for i in range(1, len(A) + len(B) + 1)}
    alive = [o for o in gc.get_objects() if isinstance(o, DocumentFacts) and o.document.id in ours]
    assert alive == []
    # They are on disk, where the next merge reads them.
    assert Path(a._records.path).stat().st_size > 0 and len(a._records) == len(A) + len(B)


def test_the_records_file_goes_with_the_graph(nlp, halves):
    graph = kg.build_files([halves[0]], nlp=nlp)
    path = Path(graph._records.path)
    assert path.exists()
    del graph
    gc.collect()
    assert not path.exists()
