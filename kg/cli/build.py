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


def command(
    paths: Annotated[list[Path], typer.Argument(help="Text files, folders of .txt files, or .jsonl corpora "
                                                     "(one article a line: text, and optional id, title, date, url).",
                                                show_default=False, metavar="PATH...")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write graph.<format> files to.")] = Path("exports"),
    model: Annotated[str, typer.Option(help="Installed spaCy pipeline to parse with.")] = DEFAULT_MODEL,
    date: Annotated[str | None, typer.Option(help="Article date (YYYY-MM-DD) for documents that carry none; "
                                                  "resolves 'next week' and the like.")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help=f"Comma-separated formats: {', '.join(FORMATS)}.")] = "ttl,html",
    processes: Annotated[int, typer.Option(min=1, max=64, help="Worker processes for parsing (each loads the model).")] = 1,
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

    check_iri(base_iri, base=True, name="--base-iri")
    formats = parse_formats(format)
    checked = check_paths(paths)
    check_folder(out)  # a bad --out is said before an hour of parsing, not after
    check_date(date)
    err = Console(stderr=True)
    started = time.perf_counter()
    nlp = load_pipeline(model)  # a missing model is reported before any work starts
    skipped: list[str] = []

    def on_skip(where: str, why: str) -> None:
        skipped.append(where)
        err.print(f"[yellow]skipped[/] {where}: {why}", highlight=False)

    total = _count_documents(checked)
    progress = Progress(TextColumn("[bold]parsing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        TimeRemainingColumn(), console=err, disable=quiet, transient=False)
    with progress:
        task = progress.add_task("documents", total=total or None)
        graph = kg.build_files(checked, date=date, model=model, base_iri=base_iri, processes=processes, nlp=nlp,
                               on_skip=on_skip, progress=lambda facts: progress.advance(task))
    written = write_all(graph, out, formats)  # all formats or none, moved into place together
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
