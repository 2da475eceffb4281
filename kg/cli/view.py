"""``kg view FILE``: open a graph's HTML view in the user's browser.

>>> command(Path("no/such/graph.html"))
Traceback (most recent call last):
...
kg.errors.InputError: no such file: no/such/graph.html (kg build ARTICLES writes one to exports/graph.html)
"""

from __future__ import annotations

import webbrowser
from pathlib import Path
from typing import Annotated

import typer

from kg.errors import InputError

__all__ = ["command"]


def command(
    file: Annotated[Path, typer.Argument(help="An HTML view, such as exports/graph.html from `kg build`.",
                                         show_default=False)],
) -> None:
    """Open the interactive HTML view FILE in your web browser (it works offline)."""
    if not file.is_file():
        raise InputError(f"no such file: {file} (kg build ARTICLES writes one to exports/graph.html)")
    if file.suffix.lower() not in (".html", ".htm"):
        raise InputError(f"not an HTML view: {file} (kg build ARTICLES writes one to exports/graph.html)")
    uri = file.resolve().as_uri()
    # Without a browser (a server, CI) webbrowser.open returns False: say where the page is.
    if not webbrowser.open(uri):
        typer.echo(f"open this in a browser: {uri}")
