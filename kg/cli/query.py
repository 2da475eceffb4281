"""``kg query "SELECT ..." [FILE...]``: SPARQL over exports, in an embedded store."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

DEFAULT_FILE = Path("exports/graph.ttl")


class Output(str, Enum):
    """How results are printed."""

    table = "table"
    csv = "csv"
    json = "json"


def _query_text(query: str) -> str:
    # A query may be given as the path of a .rq / .sparql file.
    path = Path(query)
    if path.suffix.lower() in (".rq", ".sparql") and path.is_file():
        return path.read_text(encoding="utf-8")
    return query


def command(
    query: Annotated[
        str,
        typer.Argument(help="A SPARQL query, or the path of a .rq/.sparql file. kg, skos, prov, dcterms, "
                            "nif, schema, owl, rdf, rdfs, xsd and wd prefixes are predeclared."),
    ],
    files: Annotated[
        Optional[list[Path]],
        typer.Argument(help="Exports to load (.ttl, .nt, .trig, .jsonld, .nq); default: exports/graph.ttl."),
    ] = None,
    output: Annotated[
        Output, typer.Option("--output", "-o", help="table (readable), csv or json (for programs).")
    ] = Output.table,
    allow_service: Annotated[
        bool, typer.Option("--allow-service", help="Let SERVICE clauses query remote endpoints over the network.")
    ] = False,
) -> None:
    """Run a SPARQL query over exports with an embedded Oxigraph store."""
    from kg.rdf.sparql import check_query, open_store, run_query, to_csv, to_json

    text = _query_text(query)
    check_query(text, allow_service)  # before any file is loaded
    store = open_store(files or [DEFAULT_FILE])
    result = run_query(store, text, allow_service)
    if output is Output.csv:
        typer.echo(to_csv(result), nl=False)
    elif output is Output.json:
        typer.echo(to_json(result), nl=False)
    else:
        _print_table(result)


def _print_table(result) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from kg.rdf.sparql import display_names, term_text, to_csv

    console = Console()
    if result.kind != "select":
        typer.echo(to_csv(result), nl=False)
        return
    names = display_names()
    table = Table(*result.variables, caption=f"{len(result.rows)} row{'s' * (len(result.rows) != 1)}")
    for row in result.rows:
        # Text, not str: values are data and must never be read as rich markup.
        table.add_row(*(Text(term_text(t, names)) for t in row))
    console.print(table)
