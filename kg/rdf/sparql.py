"""SPARQL over exports with an embedded Oxigraph store.

Files of any RDF format kg writes are loaded into one in-memory
:class:`pyoxigraph.Store`; queries see the union of all graphs (a TriG export
keeps evidence in named graphs) and may use the vocabulary prefixes without
declaring them.

Examples
--------
>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> store.add(ox.Quad(ox.NamedNode("https://kg.example/actor/X"),
...                   ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"), ox.Literal("X")))
>>> result = run_query(store, "SELECT ?a ?name WHERE { ?a skos:prefLabel ?name }")
>>> result.variables, result.rows[0][1].value
(['a', 'name'], 'X')
>>> print(to_csv(result), end="")
a,name
https://kg.example/actor/X,X
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.config import DEFAULT_BASE_IRI
from kg.errors import InputError, KgError
from kg.rdf.formats import prefixes
from kg.rdf.read import parse_file
from kg.rdf.vocab import PREFIXES

__all__ = ["QueryError", "QueryResult", "open_store", "run_query", "to_csv", "to_json", "term_text", "shorten"]

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


class QueryError(KgError):
    """A SPARQL query that does not parse or cannot run."""


@dataclass
class QueryResult:
    """What a query returned: rows of terms (SELECT), a boolean (ASK) or triples
    (CONSTRUCT, DESCRIBE); ``kind`` says which."""

    kind: str  # "select", "ask" or "graph"
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Term | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)


def _format(path: Path) -> ox.RdfFormat:
    suffix = path.suffix.lower().lstrip(".")
    fmt = {"json": ox.RdfFormat.JSON_LD}.get(suffix) or ox.RdfFormat.from_extension(suffix)
    if fmt is None:
        raise InputError(f"cannot tell the RDF format of {path} from its suffix (.ttl, .nt, .trig, .jsonld, .nq)")
    return fmt


def open_store(paths: Iterable[str | Path]) -> ox.Store:
    """An in-memory store holding every file of ``paths`` (format from the suffix).

    Raises :class:`~kg.errors.InputError` for a missing or unparsable file.
    """
    store = ox.Store()
    for path in map(Path, paths):
        if not path.is_file():
            raise InputError(f"no such file: {path} (kg build ARTICLES --out DIR writes DIR/graph.ttl)")
        fmt = _format(path)
        try:
            try:
                store.bulk_load(path=str(path), format=fmt)
            except MemoryError:  # a literal over pyoxigraph's 16 MB buffer: read otherwise
                store.bulk_extend(parse_file(path, fmt))
        except (SyntaxError, ValueError, OSError) as err:
            raise InputError(f"cannot load {path}: {' '.join(str(err).split())[:300]}") from err
    return store


# What the query's words are, once strings, IRIs and comments are out of the way
# (a "SERVICE" inside a literal or an IRI is no keyword).
_LEXEME = re.compile(
    r"'''.*?'''"
    r'|""".*?"""'
    r"|'(?:[^'\\\n]|\\.)*'"
    r'|"(?:[^"\\\n]|\\.)*"'
    r'|<[^<>"{}|^`\\\s]*>'
    r"|#[^\n]*"
    r"|[?$][A-Za-z0-9_]+"  # a variable ("?service")
    r"|[A-Za-z_]?[A-Za-z0-9_.-]*:[A-Za-z0-9_.%-]*"  # a prefixed name ("ex:service", "insert:")
    r"|([A-Za-z_][A-Za-z0-9_-]*)", re.S)
_UPDATES = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"})
_PROLOGUE = frozenset({"PREFIX", "BASE"})


def _keywords(query: str) -> list[str]:
    """The bare words of ``query`` (upper-cased), in order.

    >>> _keywords('SELECT ?service { ?s ex:service "SERVICE" } # SERVICE')
    ['SELECT']
    """
    return [m.group(1).upper() for m in _LEXEME.finditer(query) if m.group(1)]


def check_query(query: str, allow_service: bool = False) -> None:
    """Refuse, saying why, what kg will not run: an update (exports are files:
    build again to change them), and a federated SERVICE call unless
    ``allow_service`` (it would make this machine send a request elsewhere)."""
    words = _keywords(query)
    first = next((w for w in words if w not in _PROLOGUE), "")
    if first in _UPDATES:
        raise QueryError(f"kg query runs read-only queries (SELECT, ASK, CONSTRUCT, DESCRIBE); {first} is a "
                         "SPARQL update and is refused: an export is a file, build it again to change it")
    if "SERVICE" in words and not allow_service:
        raise QueryError("the query calls a remote endpoint (SERVICE), which would make this machine send a "
                         "request over the network; add --allow-service if that is what you want")


def run_query(store: ox.Store, query: str, allow_service: bool = False) -> QueryResult:
    """Run ``query`` over the union of the store's graphs.

    The vocabulary prefixes (kg, skos, prov, dcterms, nif, schema, owl, rdf,
    rdfs, xsd, wd) are predeclared; a query's own PREFIX lines take precedence.
    Updates are refused, and SERVICE calls unless ``allow_service`` (:func:`check_query`).
    """
    check_query(query, allow_service)
    try:
        answer = store.query(query, prefixes=dict(PREFIXES), use_default_graph_as_union=True)
        if isinstance(answer, ox.QueryBoolean):
            return QueryResult("ask", boolean=bool(answer))
        if isinstance(answer, ox.QuerySolutions):
            names = [v.value for v in answer.variables]
            rows = [tuple(solution[i] for i in range(len(names))) for solution in answer]
            return QueryResult("select", variables=names, rows=rows)
        return QueryResult("graph", triples=list(answer))
    except SyntaxError as err:
        raise QueryError(f"the query does not parse: {' '.join(str(err).split())}") from err
    except OSError as err:
        raise QueryError(f"the query failed: {err}") from err


def shorten(iri: str, names: dict[str, str]) -> str:
    """``iri`` as a prefixed name when a namespace of ``names`` fits.

    >>> shorten("https://kg.example/actor/X", prefixes("https://kg.example/"))
    'actor:X'
    """
    for name, ns in names.items():
        if iri.startswith(ns) and len(iri) > len(ns) and "/" not in iri[len(ns):]:
            return f"{name}:{iri[len(ns):]}"
    return f"<{iri}>"


def term_text(term: Term | None, names: dict[str, str] | None = None) -> str:
    """A term as plain text: IRIs in full (or shortened with ``names``), literals
    by their value, unbound as ""."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return shorten(term.value, names) if names else term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def display_names(base: str = DEFAULT_BASE_IRI) -> dict[str, str]:
    """The prefixes used to shorten IRIs in tables, longest namespace first."""
    return dict(sorted(prefixes(base).items(), key=lambda kv: -len(kv[1])))


def to_csv(result: QueryResult) -> str:
    """SELECT rows as CSV (full IRIs, plain values), ASK as "true"/"false",
    CONSTRUCT as N-Triples."""
    if result.kind == "ask":
        return f"{str(result.boolean).lower()}\n"
    if result.kind == "graph":
        return _ntriples(result.triples)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow([term_text(t) for t in row])
    return out.getvalue()


def _json_term(term: Term | None):
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        if dt.endswith("#integer"):
            return int(term.value)
        if dt.endswith("#boolean"):
            return term.value == "true"
    return term_text(term)


def to_json(result: QueryResult) -> str:
    """SELECT rows as a JSON list of objects (integers and booleans typed,
    unbound variables null); ASK as true/false; CONSTRUCT as N-Triples lines."""
    if result.kind == "ask":
        return json.dumps(result.boolean) + "\n"
    if result.kind == "graph":
        return json.dumps(_ntriples(result.triples).splitlines(), ensure_ascii=False, indent=1) + "\n"
    rows = [{v: _json_term(t) for v, t in zip(result.variables, row)} for row in result.rows]
    return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"


def _ntriples(triples: list[ox.Triple]) -> str:
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
