"""The ``kg`` command line: a typer app, one module a command."""

from kg.cli.app import app, main

__all__ = ["app", "main"]
