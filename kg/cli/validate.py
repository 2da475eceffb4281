"""``kg validate FILE``: check an RDF export against the kg SHACL shapes."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.errors import InputError


def command(
    file: Annotated[Path, typer.Argument(help="The export to check: .ttl, .nt, .jsonld, .trig or .nq.")],
    shapes: Annotated[
        Optional[Path],
        typer.Option("--shapes", help="A SHACL shapes file to use instead of the shipped ontology/shapes.ttl."),
    ] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="List at most this many results.")] = 50,
) -> None:
    """Validate an export with pyshacl: a summary, one line per problem, exit 1 on violations."""
    from kg.rdf.validate import validate

    if shapes is not None and not shapes.is_file():
        raise InputError(f"no such shapes file: {shapes}")
    ok, report = validate(file, shapes, limit)
    typer.echo(report)
    if not ok:
        raise typer.Exit(1)
