"""The typer application and the one place where user errors become messages.

Each command lives in its own module as a plain function named ``command`` and
is registered here; heavy imports (spaCy, rdflib, pyvis) happen inside the
commands so that ``kg --help`` stays instant.
"""

from __future__ import annotations

import sys

import typer

from kg.cli import build, view
from kg.cli import push, query, show, validate

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
app.command("show")(show.command)
# Further commands register here, one line each: app.command("name")(module.command)


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``kg`` script.

    Every user error (a bad flag, a missing file, an unknown format, a model
    that is not installed) becomes one line on stderr and exit status 2;
    anything else is a bug and keeps its traceback.
    """
    import click

    try:  # typer >= 0.20 vendors its own copy of click
        from typer._click import exceptions as cx
    except ImportError:  # pragma: no cover - older typer uses click itself
        from click import exceptions as cx

    from kg.errors import KgError

    try:
        code = app(args=argv, prog_name="kg", standalone_mode=False)
    except cx.NoArgsIsHelpError:
        sys.exit(0)  # typer has printed the help already
    except cx.UsageError as err:
        hint = f" (see '{err.ctx.command_path} --help')" if err.ctx else ""
        click.echo(f"error: {err.format_message()}{hint}", err=True)
        sys.exit(2)
    except cx.ClickException as err:
        click.echo(f"error: {err.format_message()}", err=True)
        sys.exit(err.exit_code)
    except (KeyboardInterrupt, typer.Abort):
        click.echo("interrupted", err=True)
        sys.exit(130)
    except KgError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(err.exit_code)
    sys.exit(code if isinstance(code, int) else 0)
