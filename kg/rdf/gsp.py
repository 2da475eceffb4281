"""Loading an export into a triple store over the SPARQL 1.1 Graph Store Protocol.

A triples file (Turtle, N-Triples, JSON-LD) goes to the default graph or to
the graph ``graph``; a TriG or N-Quads file carries its own graphs and is
posted to the store as a dataset (Oxigraph's ``/store``, Fuseki's ``/ds/data``
and most stores accept that).  Only the standard library is used.

Examples
--------
>>> target_url("http://127.0.0.1:7878/store", "https://kg.example/graph/run1")
'http://127.0.0.1:7878/store?graph=https%3A%2F%2Fkg.example%2Fgraph%2Frun1'
>>> target_url("http://127.0.0.1:7878/store", None)
'http://127.0.0.1:7878/store?default'
>>> push("missing.ttl", "http://127.0.0.1:9/store")
Traceback (most recent call last):
...
kg.errors.InputError: no such file: missing.ttl
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError, KgError

__all__ = ["PushError", "Pushed", "MEDIA_TYPES", "target_url", "push"]

#: Media types by file suffix; the second item says whether it holds graphs.
MEDIA_TYPES: dict[str, tuple[str, bool]] = {
    ".ttl": ("text/turtle", False),
    ".nt": ("application/n-triples", False),
    ".jsonld": ("application/ld+json", False),
    ".rdf": ("application/rdf+xml", False),
    ".trig": ("application/trig", True),
    ".nq": ("application/n-quads", True),
}


class PushError(KgError):
    """The store could not be reached or refused the data."""


@dataclass(frozen=True)
class Pushed:
    """The outcome of a push: where, how much, and the server's answer."""

    url: str
    status: int
    size: int
    media_type: str


def target_url(endpoint: str, graph: str | None) -> str:
    """The Graph Store Protocol URL for ``graph`` (None: the default graph)."""
    sep = "&" if "?" in endpoint else "?"
    if graph is None:
        return f"{endpoint}{sep}default"
    return f"{endpoint}{sep}{urllib.parse.urlencode({'graph': graph})}"


def _check_graph_iri(graph: str) -> None:
    try:
        ox.NamedNode(graph)
    except ValueError as err:
        raise InputError(f"--graph must be an absolute IRI, not {graph!r}") from err


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Never follow a redirect: a 302 would turn the upload into a body-less GET
    that then "succeeds", and a redirect may point at another host."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None  # urllib then raises the 3xx as an HTTPError


_OPENER = urllib.request.build_opener(_NoRedirect)


def push(
    path: str | Path,
    endpoint: str,
    graph: str | None = None,
    replace: bool = False,
    timeout: float = 60.0,
) -> Pushed:
    """Upload the export ``path`` to the Graph Store Protocol ``endpoint``.

    Parameters
    ----------
    path
        An export: .ttl, .nt, .jsonld, .rdf (triples) or .trig, .nq (a dataset).
    endpoint
        The store's graph store URL, e.g. ``http://localhost:7878/store``.
    graph
        The graph to load triples into; default: the default graph.  Not
        allowed with a dataset file, whose graphs are named inside it.
    replace
        Replace the graph (HTTP PUT) instead of adding to it (POST).
    timeout
        Seconds to wait for the server.

    Raises
    ------
    InputError
        The file is missing, of an unknown format, or ``graph`` is not an IRI.
    PushError
        The server is unreachable or answered with an error; the message is one line.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"no such file: {path}")
    kind = MEDIA_TYPES.get(path.suffix.lower())
    if kind is None:
        raise InputError(f"cannot tell the RDF format of {path}; use one of: {', '.join(MEDIA_TYPES)}")
    media_type, is_dataset = kind
    if is_dataset and (graph is not None or replace):
        # PUT on a dataset endpoint would replace the whole store.
        raise InputError(f"{path.name} names its own graphs; --graph and --replace only apply to "
                         ".ttl, .nt, .jsonld or .rdf files")
    if graph is not None:
        _check_graph_iri(graph)
    if urllib.parse.urlsplit(endpoint).scheme not in ("http", "https"):
        raise InputError(f"--endpoint must be an http(s) URL, not {endpoint!r}")
    url = endpoint if is_dataset else target_url(endpoint, graph)
    size = path.stat().st_size
    method = "PUT" if replace else "POST"
    with path.open("rb") as body:
        request = urllib.request.Request(
            url, data=body, method=method,
            headers={"Content-Type": media_type, "Content-Length": str(size)},
        )
        try:
            with _OPENER.open(request, timeout=timeout) as response:
                return Pushed(url, response.status, size, media_type)
        except urllib.error.HTTPError as err:
            if 300 <= err.code < 400:
                where = err.headers.get("Location", "elsewhere")
                raise PushError(f"{endpoint} answered HTTP {err.code}, a redirect to {where}: nothing was stored "
                                "(kg never re-sends the data elsewhere; give the endpoint's own URL)") from err
            detail = " ".join(err.read(500).decode("utf-8", "replace").split())
            raise PushError(f"{endpoint} refused the upload: HTTP {err.code} {err.reason}"
                            + (f": {detail}" if detail else "")) from err
        except urllib.error.URLError as err:
            raise PushError(f"cannot reach {endpoint}: {err.reason}") from err
        except (TimeoutError, ConnectionError) as err:
            raise PushError(f"cannot reach {endpoint}: {err}") from err
