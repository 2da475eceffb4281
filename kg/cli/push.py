"""``kg push FILE --endpoint URL``: load an export into a SPARQL 1.1 Graph Store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer


def command(
    file: Annotated[
        Path, typer.Argument(help="The export to load: .ttl, .nt, .jsonld, .rdf, or .trig/.nq with named graphs.")
    ],
    endpoint: Annotated[
        str,
        typer.Option("--endpoint", "-e",
                     help="The Graph Store Protocol URL, e.g. http://localhost:7878/store (Oxigraph)."),
    ],
    graph: Annotated[
        Optional[str],
        typer.Option("--graph", "-g", help="The graph IRI to load into; default: the default graph."),
    ] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="Replace the graph's content (HTTP PUT) instead of adding to it.")
    ] = False,
    timeout: Annotated[float, typer.Option("--timeout", min=1, help="Seconds to wait for the server.")] = 60.0,
) -> None:
    """Push an export to a triple store over the SPARQL 1.1 Graph Store Protocol."""
    from kg.iri import check_iri
    from kg.rdf.gsp import push

    check_iri(endpoint, name="--endpoint")  # its scheme and the --graph are checked by push, with their own words
    done = push(file, endpoint, graph=graph, replace=replace, timeout=timeout)
    typer.echo(f"pushed {file} ({done.size:,} bytes, {done.media_type}) to {done.url}: HTTP {done.status}")
