"""``kg view FILE``: open a graph's HTML view in the user's browser.

>>> command(Path("no/such/graph.html"))
Traceback (most recent call last):
...
kg.errors.InputError: no such file: no/such/graph.html (write one with: kg build ARTICLES -o graph.html)
"""

from __future__ import annotations

import webbrowser
from pathlib import Path
from typing import Annotated

import typer

from kg.errors import InputError

__all__ = ["command"]


def command(
    file: Annotated[Path, typer.Argument(help="An HTML view written by `kg build ... -o graph.html`.",
                                         show_default=False)],
) -> None:
    """Open the interactive HTML view FILE in your web browser (it works offline)."""
    if not file.is_file():
        raise InputError(f"no such file: {file} (write one with: kg build ARTICLES -o graph.html)")
    if file.suffix.lower() not in (".html", ".htm"):
        raise InputError(f"not an HTML view: {file} (write one with: kg build ARTICLES -o graph.html)")
    uri = file.resolve().as_uri()
    # Without a browser (a server, CI) webbrowser.open returns False: say where the page is.
    if not webbrowser.open(uri):
        typer.echo(f"open this in a browser: {uri}")
