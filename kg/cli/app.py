"""The typer application and the one place where user errors become messages.

Each command lives in its own module as a plain function named ``command`` and
is registered here; heavy imports (spaCy, rdflib, pyvis) happen inside the
commands so that ``kg --help`` stays instant.
"""

from __future__ import annotations

import sys

import typer

from kg.cli import build, view
from kg.cli import push, query, validate

app = typer.Typer(
    name="kg",
    help="Build a knowledge graph of who promised, demanded, proposed and said what, from news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

app.command("build")(build.command)
app.command("validate")(validate.command)
app.command("query")(query.command)
app.command("push")(push.command)
app.command("view")(view.command)
# Further commands register here, one line each: app.command("name")(module.command)


def main() -> None:
    """Entry point of the ``kg`` script: user errors become one line and exit 2."""
    from kg.errors import KgError

    try:
        app(standalone_mode=True)
    except KgError as err:  # raised outside typer's own handling
        typer.secho(f"error: {err}", err=True, fg="red")
        sys.exit(err.exit_code)
