"""Checking the IRIs a user gives kg (``--base-iri``, ``--endpoint``).

An IRI that an RDF parser would refuse must be refused here, with the reason,
before any work starts: a space, a character IRIs forbid (``<>"{}|\\^```), a
control character, a bad percent-escape, a missing scheme or host, or a
broken bracketed address.

>>> check_iri("https://kg.example/", base=True)
'https://kg.example/'
>>> check_iri("http://a b/")
Traceback (most recent call last):
...
kg.errors.InputError: not an IRI: 'http://a b/' (a space or control character)
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pyoxigraph as ox

from kg.errors import InputError

__all__ = ["check_iri"]

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*$")
_FORBIDDEN = re.compile(r'[<>"{}|\\^`]')
_SPACE_OR_CONTROL = re.compile(r"[\x00-\x20\x7f-\x9f]")
_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")


def check_iri(value: str, *, base: bool = False, web: bool = False, name: str | None = None) -> str:
    """``value`` if it is an absolute IRI (ending in '/' or '#' for a ``base``;
    http or https with a host for a ``web`` address); else InputError saying
    why (after ``name``, the option it was given as, if any)."""
    def refuse(why: str):
        raise InputError(f"{name + ': ' if name else ''}not an IRI: {value!r} ({why})")

    if _SPACE_OR_CONTROL.search(value):
        refuse("a space or control character")
    if _FORBIDDEN.search(value):
        refuse('a character IRIs do not allow: < > " { } | \\ ^ `')
    if _BAD_ESCAPE.search(value):
        refuse("a '%' not followed by two hex digits")
    scheme, sep, _ = value.partition(":")
    if not sep or not _SCHEME.match(scheme):
        refuse("no scheme, such as https:")
    try:
        parts = urlsplit(value)
        parts.port  # a bad port or bracketed address raises here
    except ValueError as err:
        refuse(str(err))
    if parts.scheme.lower() in ("http", "https") and not parts.hostname:
        refuse("no host")
    if web and parts.scheme.lower() not in ("http", "https"):
        refuse("not an http or https address")
    if base and not value.endswith(("/", "#")):
        refuse("a base IRI ends with '/' or '#'")
    if value.count("#") > 1:
        refuse("more than one '#'")
    try:  # what the RDF writer will check of every IRI minted under it
        ox.NamedNode(value + ("x" if base else ""))
    except ValueError as err:
        refuse(" ".join(str(err).split())[:200])
    return value
