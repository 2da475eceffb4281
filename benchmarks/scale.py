"""How kg build scales: engines side by side, and memory as the corpus grows.

    python benchmarks/scale.py                       # the full run: the whole BBC corpus
    python benchmarks/scale.py --words 200000 --memory-base 100000 --name scale-short

Two parts, in one run, each tool a subprocess timed from spawn to exit with the
summed memory of its process tree (:class:`speed.TreeSampler`):

* **engines**, on one slice of the BBC corpus (``--words``, default all of it):
  bare spaCy with 1 process (the yardstick), ``kg build`` with 1 and 2 local
  processes, and ``kg build --engine dask`` with a ``LocalCluster`` of 1 and 2
  workers.  Words per second, peak memory and CPU seconds per article (user +
  system time of the process and the workers it reaped, from ``wait4``).
* **memory**, ``kg build`` with 1 process at 1x, 2x and 4x of ``--memory-base``
  words.  Past the end of the corpus the articles repeat under new ids, so the
  entity table (the distinct actors and places) stops growing while the
  documents and facts keep growing: a reduce that streams shows a flat peak.

Cells are repeated ``--repeat`` times (default 1) and reported as medians.
Results go to ``benchmarks/results/<name>.json``; ``--update-readme`` puts the
tables into ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import corpus  # noqa: E402
import speed  # noqa: E402  (TreeSampler, run_measured, the bare spaCy mode)

README = HERE / "README.md"
TABLE_BEGIN = "<!-- scale-table:begin -->"
TABLE_END = "<!-- scale-table:end -->"
#: Dask with 2 workers against 1 (issue 15).
GOAL_DASK_SPEEDUP = 1.7
#: kg build with 1 process against bare spaCy (issue 15).
GOAL_KG_RATIO = 0.90
#: Peak memory at 4x against 1x, apart from the entity table (issue 15).
GOAL_MEMORY_GROWTH = 1.2


@dataclass(frozen=True)
class Engine:
    """One way of running: a tool and how many processes or workers."""

    key: str  # for --engines
    label: str
    tool: str  # "spacy" or "kg"
    engine: str  # "local" or "dask" (kg only)
    workers: int

    def command(self, jsonl: Path, out: Path, model: str, batch_size: int, quiet: bool = True) -> list[str]:
        """The command line for one run on ``jsonl``."""
        if self.tool == "spacy":
            return speed.tool_command("spacy", jsonl, out, self.workers, model, batch_size)
        cmd = [*speed.kg_command(), "build", str(jsonl), "--out", str(out), "--format", "ttl", "--engine", self.engine]
        cmd += ["--processes", str(self.workers)] if self.engine == "local" else ["--workers", str(self.workers)]
        return cmd + (["-q"] if quiet else [])


ENGINES = (
    Engine("spacy", "bare spaCy, 1 process", "spacy", "local", 1),
    Engine("kg-1", "kg, 1 process", "kg", "local", 1),
    Engine("kg-2", "kg, 2 processes", "kg", "local", 2),
    Engine("dask-1", "kg, Dask 1 worker", "kg", "dask", 1),
    Engine("dask-2", "kg, Dask 2 workers", "kg", "dask", 2),
)


def measure(cmd: list[str], words: int, work: Path, interval: float) -> dict[str, Any]:
    """One run of ``cmd``: :func:`speed.run_measured` plus the CPU time the tree used."""
    before = os.times()
    run = speed.run_measured(cmd, words, work / "log", interval)
    after = os.times()
    # The child and every descendant it reaped; Dask's worker processes are reaped by kg itself.
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    out = asdict(run)
    out["cpu_s"] = cpu
    out["stdout"] = (work / "log" / "stdout").read_text(errors="replace")
    return out


def summary_counts(stdout: str) -> dict[str, int]:
    """The counts of ``kg build``'s summary table (actors, places, ...)."""
    counts = {}
    for name, value in re.findall(r"│\s*(\w+)\s*│\s*([\d,]+(?:\.\d+)?)\s*│", stdout):
        counts[name] = int(float(value.replace(",", "")))
    return counts


def _median(runs: list[dict[str, Any]], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def _repeated(cmd: list[str], words: int, work: Path, args: argparse.Namespace) -> list[dict[str, Any]]:
    """``args.repeat`` measured runs of ``cmd``, the output folder cleared after each."""
    runs = []
    for _ in range(args.repeat):
        runs.append(measure(cmd, words, work, args.interval))
        shutil.rmtree(work / "out", ignore_errors=True)  # Turtle of a big corpus is large
    return runs


def _kept(runs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The runs as the results file keeps them: without the tool's output."""
    return [{k: v for k, v in r.items() if k != "stdout"} for r in runs]


def _engine(key: str) -> Engine:
    return next(e for e in ENGINES if e.key == key)


def benchmark(args: argparse.Namespace) -> dict[str, Any]:
    """Run both parts and return the results document."""
    model, batch_size = speed.kg_defaults()
    started = time.time()
    work = Path(tempfile.mkdtemp(prefix="kg-scale-"))
    result: dict[str, Any] = {
        "name": args.name,
        "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "command": ["python", "benchmarks/scale.py", *sys.argv[1:]],
        "machine": speed.machine_info(),
        "settings": {"words": args.words, "memory_base": args.memory_base, "repeat": args.repeat,
                     "model": model, "batch_size": batch_size},
        "engines": [],
        "memory": [],
    }  # fmt: skip
    try:
        jsonl = work / "slice.jsonl"
        info = corpus.write_jsonl(jsonl, args.words or corpus.total_words())
        if args.warmup:
            warm = work / "warm.jsonl"
            corpus.write_jsonl(warm, 300)
            for eng in (e for e in ENGINES if e.key in args.engines):
                speed.run_measured(eng.command(warm, work / "out", model, batch_size), 1, work / "log", args.interval)
                shutil.rmtree(work / "out", ignore_errors=True)
        for eng in ENGINES:
            if eng.key not in args.engines:
                continue
            runs = _repeated(eng.command(jsonl, work / "out", model, batch_size), info.words, work, args)
            for r, run in enumerate(runs):
                print(f"{eng.label:22} run {r + 1}/{args.repeat}: {info.words:,} words in {run['seconds']:.1f} s = "
                      f"{run['words_per_s']:,.0f} words/s, peak PSS {run['peak_tree_pss_mb']:,.0f} MB, "
                      f"CPU {run['cpu_s']:.0f} s, load {run['loadavg_before']:.2f}", flush=True)  # fmt: skip
            result["engines"].append({
                **asdict(eng), "words": info.words, "articles": info.articles,
                "seconds": _median(runs, "seconds"), "words_per_s": _median(runs, "words_per_s"),
                "peak_tree_pss_mb": _median(runs, "peak_tree_pss_mb"),
                "peak_tree_rss_mb": _median(runs, "peak_tree_rss_mb"),
                "cpu_ms_per_article": 1000 * _median(runs, "cpu_s") / info.articles,
                "runs": _kept(runs),
            })  # fmt: skip
        jsonl.unlink()
        kg1 = _engine("kg-1")
        memory_base = args.memory_base or corpus.total_words()
        for mult in args.multiples:
            sl = work / f"mem-{mult}.jsonl"
            sinfo = corpus.write_jsonl(sl, memory_base * mult)
            # Not quiet: the summary table gives the size of the entity table.
            runs = _repeated(kg1.command(sl, work / "out", model, batch_size, quiet=False), sinfo.words, work, args)
            counts = summary_counts(runs[0]["stdout"])
            cell = {"multiple": mult, "words": sinfo.words, "articles": sinfo.articles, "passes": sinfo.passes,
                    "peak_tree_pss_mb": _median(runs, "peak_tree_pss_mb"), "seconds": _median(runs, "seconds"),
                    "actors": counts.get("actors"), "places": counts.get("places"),
                    "commitments": counts.get("commitments"), "statements": counts.get("statements"),
                    "runs": _kept(runs)}  # fmt: skip
            result["memory"].append(cell)
            print(f"memory {mult}x: {sinfo.words:,} words ({sinfo.passes} passes), peak PSS "
                  f"{cell['peak_tree_pss_mb']:,.0f} MB, {cell['actors']} actors, {cell['places']} places", flush=True)
            sl.unlink()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result["machine"]["loadavg_end"] = list(os.getloadavg())
    result["duration_s"] = round(time.time() - started, 1)
    result["goals"] = goals(result)
    return result


def goals(result: dict[str, Any]) -> dict[str, Any]:
    """The issue's three ratios, where the cells they need ran."""
    rate = {e["key"]: e["words_per_s"] for e in result["engines"]}
    out: dict[str, Any] = {}
    if "dask-1" in rate and "dask-2" in rate:
        out["dask_2_over_1"] = rate["dask-2"] / rate["dask-1"]
    if "kg-1" in rate and "spacy" in rate:
        out["kg_over_spacy"] = rate["kg-1"] / rate["spacy"]
    mem = {m["multiple"]: m for m in result["memory"]}
    if 1 in mem and max(mem) > 1:
        out["memory_growth"] = mem[max(mem)]["peak_tree_pss_mb"] / mem[1]["peak_tree_pss_mb"]
    return out


def markdown(result: dict[str, Any]) -> str:
    """Both tables and the goals, for benchmarks/README.md."""
    lines = ["| engine | words | words/s | peak MB (PSS, tree) | CPU ms / article |", "| --- | ---: | ---: | ---: | ---: |"]
    for e in result["engines"]:
        lines.append(f"| {e['label']} | {e['words']:,} | {e['words_per_s']:,.0f} | {e['peak_tree_pss_mb']:,.0f} "
                     f"| {e['cpu_ms_per_article']:,.0f} |")  # fmt: skip
    if result["memory"]:
        lines += ["", "| corpus | words | passes | actors | places | commitments + statements | peak MB (PSS) |",
                  "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]  # fmt: skip
        for m in result["memory"]:
            facts = (m["commitments"] or 0) + (m["statements"] or 0)
            lines.append(f"| {m['multiple']}x | {m['words']:,} | {m['passes']} | {m['actors']:,} | {m['places']:,} "
                         f"| {facts:,} | {m['peak_tree_pss_mb']:,.0f} |")  # fmt: skip
    g = result["goals"]
    parts = []
    if "dask_2_over_1" in g:
        parts.append(f"Dask 2 workers / 1 worker: {g['dask_2_over_1']:.2f}x (goal {GOAL_DASK_SPEEDUP})")
    if "kg_over_spacy" in g:
        parts.append(f"kg 1 process / bare spaCy: {g['kg_over_spacy']:.2f} (goal {GOAL_KG_RATIO})")
    if "memory_growth" in g:
        parts.append(f"peak memory at {max(m['multiple'] for m in result['memory'])}x / 1x: "
                     f"{g['memory_growth']:.2f} (goal {GOAL_MEMORY_GROWTH})")  # fmt: skip
    m = result["machine"]
    lines += ["", "; ".join(parts) + ".", "",
              f"`{result['name']}.json`, {result['created'][:10]}: {m['cpu_count']} × {m['cpu_model']}, "
              f"batch size {result['settings']['batch_size']}, {result['settings']['repeat']} run(s) a cell, "
              f"load average {m['loadavg_start'][0]:.2f} at start, {m['loadavg_end'][0]:.2f} at end; "
              f"{result['duration_s'] / 60:.0f} min in all."]  # fmt: skip
    return "\n".join(lines)


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """The benchmark's options."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--words", type=int, default=0, help="words for the engine part (default 0: the whole corpus)")
    p.add_argument("--memory-base", type=int, default=0,
                   help="the 1x of the memory part in words (default 0: the whole corpus)")
    p.add_argument("--multiples", type=speed._int_list, default=[1, 2, 4], help="memory multiples (default 1,2,4)")
    p.add_argument("--engines", default=",".join(e.key for e in ENGINES),
                   help=f"which engines, of {','.join(e.key for e in ENGINES)} (default all)")
    p.add_argument("--repeat", type=int, default=1, help="runs per cell; medians are reported (default 1)")
    p.add_argument("--interval", type=float, default=0.1, help="memory sampling interval, seconds")
    p.add_argument("--name", default="scale", help="results file stem (default scale)")
    p.add_argument("--out", type=Path, default=speed.DEFAULT_OUT)
    p.add_argument("--no-warmup", dest="warmup", action="store_false")
    p.add_argument("--update-readme", action="store_true", help="put the tables into benchmarks/README.md")
    p.add_argument("--report", type=Path, default=None, metavar="JSON", help="measure nothing: table an earlier run")
    args = p.parse_args(argv)
    args.engines = [s.strip() for s in args.engines.split(",") if s.strip()]
    unknown = set(args.engines) - {e.key for e in ENGINES}
    if unknown:
        p.error(f"unknown engine(s) {', '.join(sorted(unknown))}; choose from {', '.join(e.key for e in ENGINES)}")
    if args.repeat <= 0 or args.words < 0 or args.memory_base < 0:
        p.error("--repeat must be positive, --words and --memory-base not negative")
    return args  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: ``python benchmarks/scale.py [options]``."""
    args = parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.report:
        result = json.loads(args.report.read_text(encoding="utf-8"))
    else:
        result = benchmark(args)
        args.out.mkdir(parents=True, exist_ok=True)
        path = args.out / f"{args.name}.json"
        path.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {path}")
    table = markdown(result)
    print()
    print(table)
    if args.update_readme:
        print("README updated" if speed.update_readme(table, README, TABLE_BEGIN, TABLE_END) else "README has no scale-table markers", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
