"""``kg build``: articles in, graph exports out, with a progress bar and a summary."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

from kg.config import DEFAULT_BASE_IRI, DEFAULT_MODEL, FORMATS

__all__ = ["command", "parse_formats"]


def parse_formats(value: str) -> list[str]:
    """``"ttl,html"`` -> ``["ttl", "html"]``; unknown names raise FormatError."""
    from kg.export import format_for

    keys = [v.strip().lower() for v in value.split(",") if v.strip()]
    if not keys:
        from kg.errors import FormatError

        raise FormatError(value, sorted(FORMATS))
    return list(dict.fromkeys(format_for(Path("graph"), k) for k in keys))


def _count_documents(paths: list[Path]) -> int:
    """How many documents the paths hold (for the progress bar), streaming."""
    n = 0
    for p in paths:
        files = sorted(p.rglob("*")) if p.is_dir() else [p]
        for f in files:
            try:
                if not f.is_file():
                    continue  # a folder named x.jsonl, a FIFO: the reader reports them
                if f.suffix.lower() == ".jsonl":
                    with f.open("rb") as fh:
                        n += sum(1 for line in fh if line.strip())
                elif f.suffix.lower() == ".txt" or f == p:
                    n += 1
            except OSError:
                continue  # unreadable: the reader says so; this is only the progress bar's total
    return n


def _check_engine(engine: str, processes: int, workers: int | None, scheduler: str | None) -> str:
    from kg.engines import ENGINES
    from kg.errors import KgError

    engine = engine.strip().lower()
    if engine not in ENGINES:
        raise KgError(f"--engine: unknown engine '{engine}'; choose from: {', '.join(ENGINES)}")
    if engine == "local" and (workers is not None or scheduler):
        raise KgError("--workers and --scheduler are for --engine dask; the local engine takes --processes")
    if scheduler and workers is not None:
        raise KgError("--workers starts a local Dask cluster; a --scheduler has its own workers: give one of them")
    if scheduler:
        if "://" not in scheduler:
            raise KgError(f"--scheduler: not an address: {scheduler!r} (such as tcp://10.0.0.5:8786)")
    return engine


def command(
    paths: Annotated[list[Path], typer.Argument(help="Text files, folders of .txt files, or .jsonl corpora "
                                                     "(one article a line: text, and optional id, title, date, url).",
                                                show_default=False, metavar="PATH...")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write graph.<format> files to.")] = Path("exports"),
    model: Annotated[str, typer.Option(help="Installed spaCy pipeline to parse with.")] = DEFAULT_MODEL,
    date: Annotated[str | None, typer.Option(help="Article date (YYYY-MM-DD) for documents that carry none; "
                                                  "resolves 'next week' and the like.")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help=f"Comma-separated formats: {', '.join(FORMATS)}.")] = "ttl,html",
    processes: Annotated[int, typer.Option(min=1, max=64, help="Worker processes for parsing with the local engine "
                                                               "(each loads the model).")] = 1,
    engine: Annotated[str, typer.Option(help="Where parsing runs: 'local' (this machine, --processes) or 'dask' "
                                             "(a Dask cluster: --scheduler, or a local one of --workers; "
                                             "pip install 'kg[dask]').")] = "local",
    workers: Annotated[int | None, typer.Option(min=1, max=1024, help="Dask: workers of the local cluster started "
                                                                      "when no --scheduler is given.",
                                                show_default="the --processes count")] = None,
    scheduler: Annotated[str | None, typer.Option(help="Dask: address of a running scheduler "
                                                       "(tcp://host:8786).", show_default=False)] = None,
    base_iri: Annotated[str, typer.Option(help="Base of the IRIs minted for entities and facts.")] = DEFAULT_BASE_IRI,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary table.")] = False,
) -> None:
    """Build a knowledge graph from news articles and write it to OUT."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    import kg
    from kg.export import check_folder, write_all
    from kg.io import check_date, check_paths
    from kg.iri import check_iri
    from kg.nlp import load_pipeline
    from kg.nlp.pipeline import check_model

    check_iri(base_iri, base=True, name="--base-iri")
    formats = parse_formats(format)
    checked = check_paths(paths)
    check_folder(out)  # a bad --out is said before an hour of parsing, not after
    check_date(date)
    engine = _check_engine(engine, processes, workers, scheduler)
    err = Console(stderr=True)
    started = time.perf_counter()
    # A missing model is reported before any work starts; on Dask the workers load it.
    nlp = load_pipeline(model) if engine == "local" else check_model(model)
    skipped: list[str] = []

    def on_skip(where: str, why: str) -> None:
        skipped.append(where)
        err.print(f"[yellow]skipped[/] {where}: {why}", highlight=False)

    total = _count_documents(checked)
    progress = Progress(TextColumn("[bold]{task.description:<8}"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), TimeRemainingColumn(), console=err, disable=quiet, transient=False)
    with progress:
        task = progress.add_task("parsing", total=total or None)
        stages: dict[str, int] = {}

        def on_stage(name: str) -> None:
            progress.update(task, total=progress.tasks[task].completed)  # the count as read, not as guessed
            stages[name] = progress.add_task(name, total=1)

        graph = kg.build_files(checked, date=date, model=model, base_iri=base_iri, processes=processes, nlp=nlp,
                               on_skip=on_skip, progress=lambda facts: progress.advance(task), engine=engine,
                               workers=workers or (processes if engine == "dask" else None), scheduler=scheduler,
                               on_stage=on_stage)
        if "merging" in stages:
            progress.advance(stages["merging"])
        writing = progress.add_task("writing", total=len(formats))
        # All formats or none, moved into place together.
        written = write_all(graph, out, formats, on_written=lambda key: progress.advance(writing))
    seconds = time.perf_counter() - started
    if quiet:
        return
    from kg.rdf import quads

    graph.stats["triples"] = sum(1 for _ in quads(graph))
    from rich.table import Table

    table = Table(title="kg build", show_header=True, header_style="bold")
    table.add_column("", no_wrap=True)
    table.add_column("count", justify="right", no_wrap=True)
    rows = {
        "documents": int(graph.stats.get("documents", 0)), "sentences": int(graph.stats.get("sentences", 0)),
        "actors": len(graph.actors()), "places": len(graph.places()), "commitments": len(graph.commitments()),
        "statements": len(graph.statements()), "triples": int(graph.stats["triples"]),
    }
    for name, value in rows.items():
        table.add_row(name, f"{value:,}")
    table.add_row("seconds", f"{seconds:.1f}")
    con = Console()
    con.print(table)
    if skipped:
        con.print(f"[yellow]{len(skipped)} document(s) skipped[/]")
    for p in written:
        con.print(f"wrote {p}", highlight=False)
