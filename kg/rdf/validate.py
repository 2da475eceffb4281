"""Checking an export against ``ontology/shapes.ttl`` with pyshacl.

The ontology is mixed into the data (so that ``sh:class kg:Actor`` accepts a
``kg:Person``) and all graphs of a TriG file are merged first: evidence lives in
named graphs, but the shapes speak about the whole.

Examples
--------
>>> from kg.graph import KnowledgeGraph
>>> from kg.types import Actor
>>> ok, report = validate(KnowledgeGraph(actors=[Actor("https://kg.example/actor/X", "X", "Person")]))
>>> ok, report.splitlines()[0]
(True, 'Conforms: 0 violations, 0 warnings (2 triples checked against the kg shapes).')
>>> ok, report = validate(KnowledgeGraph(actors=[Actor("https://kg.example/actor/X", "", "Person")]))
>>> ok, report.splitlines()[0]
(False, 'Does not conform: 1 violation, 0 warnings (2 triples checked against the kg shapes).')
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Union

import rdflib

from kg.errors import InputError
from kg.rdf.read import OX_FORMATS, rdflib_parser, syntax_error
from kg.rdf.vocab import SH, ontology_file

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = ["validate", "load_rdflib", "RDFLIB_FORMATS"]

#: rdflib parser names by file suffix.
RDFLIB_FORMATS: dict[str, str] = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nt": "nt",
    ".ntriples": "nt",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".trig": "trig",
    ".nq": "nquads",
    ".rdf": "xml",
    ".owl": "xml",
    ".xml": "xml",
}

Source = Union[str, Path, "KnowledgeGraph", rdflib.Graph]


def load_rdflib(path: str | Path) -> rdflib.Graph:
    """Parse an RDF file (format from its suffix) into one rdflib Graph,
    merging named graphs.  Raises :class:`~kg.errors.InputError` with a
    one-line reason when the file is missing or not valid RDF."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"no such file: {path}")
    fmt = RDFLIB_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"cannot tell the RDF format of {path}; use one of: {', '.join(sorted(RDFLIB_FORMATS))}")
    if fmt == "json-ld":
        refuse_remote_contexts(path)
    # pyoxigraph says where a file breaks ("line 505 column 13: Unexpected end");
    # rdflib, on a truncated Turtle file, only "string index out of range".
    reason = syntax_error(path, OX_FORMATS[fmt]) if fmt in OX_FORMATS else None
    if reason:
        raise InputError(f"{path} is not valid {fmt}: {reason}")
    parser = rdflib_parser(fmt)  # the syntax was checked strictly above
    try:
        if parser == "trig":
            ds = rdflib.Dataset()
            ds.parse(path, format=parser)
            return _union(ds)
        return rdflib.Graph().parse(path, format=parser)
    except Exception as err:  # rdflib raises many kinds; all mean "not valid RDF"
        reason = " ".join(str(err).split())[:300]
        raise InputError(f"{path} is not valid {fmt}: {reason}") from err


def refuse_remote_contexts(path: Path) -> None:
    """A JSON-LD file whose ``@context`` (or ``@import``) names a URL would make
    the parser fetch it: kg reads files and never goes to the network."""
    import json

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, RecursionError, OSError) as err:
        raise InputError(f"{path} is not valid json-ld: {' '.join(str(err).split())[:200]}") from None
    stack = [data]
    while stack:  # a loop, not recursion: a file may nest deeper than Python's stack
        node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                refs = [value] if isinstance(value, str) else value if isinstance(value, list) else []
                if key in ("@context", "@import"):
                    remote = next((r for r in refs if isinstance(r, str)), None)
                    if remote is not None:
                        raise InputError(f"{path} refers to a remote JSON-LD context ({remote[:100]}); kg does "
                                         "not fetch anything while reading a file: embed the context instead")
                stack.append(value)
        elif isinstance(node, list):
            stack.extend(node)


def _union(ds: rdflib.Graph) -> rdflib.Graph:
    g = rdflib.Graph()
    for prefix, ns in ds.namespaces():
        g.bind(prefix, ns, replace=True)
    for s, p, o, *_ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def _data_graph(source: Source) -> rdflib.Graph:
    from kg.graph import KnowledgeGraph

    if isinstance(source, KnowledgeGraph):
        return _union(source.to_rdf())
    if isinstance(source, rdflib.Dataset):  # also a ConjunctiveGraph
        return _union(source)
    if isinstance(source, rdflib.Graph):
        return source
    return load_rdflib(source)


def validate(source: Source, shapes: str | Path | None = None, limit: int = 50) -> tuple[bool, str]:
    """Validate an export (path), a KnowledgeGraph or an rdflib graph.

    Parameters
    ----------
    source
        The data: a file path, a :class:`~kg.graph.KnowledgeGraph` or an rdflib graph.
    shapes
        A SHACL file; default: the shipped ``ontology/shapes.ttl``.
    limit
        At most this many results are listed in the report.

    Returns
    -------
    tuple[bool, str]
        Whether the data conforms (no violations; warnings are allowed) and a
        report: a summary line, then one line per result.
    """
    import pyshacl

    data = _data_graph(source)
    shapes_graph = rdflib.Graph().parse(shapes or ontology_file("shapes.ttl"), format="turtle")
    ontology = rdflib.Graph().parse(ontology_file("kg.ttl"), format="turtle")
    _, results, _ = pyshacl.validate(
        data, shacl_graph=shapes_graph, ont_graph=ontology, inference="none", allow_warnings=True,
    )
    return _report(data, results, limit)


def _report(data: rdflib.Graph, results: rdflib.Graph, limit: int) -> tuple[bool, str]:
    from kg.rdf.sparql import display_names, shorten

    # kg's prefixes even for N-Triples, which binds none; then the file's own.
    names = display_names()
    for prefix, ns in data.namespaces():
        if prefix and str(ns) not in names.values():
            names[prefix] = str(ns)

    def show(term) -> str:
        if term is None:
            return "-"
        if isinstance(term, rdflib.URIRef):
            return shorten(str(term), names)
        if isinstance(term, rdflib.BNode):
            return _path_text(results, term, show)
        text = str(term)
        return repr(text if len(text) <= 60 else text[:57] + "...")

    rows = []
    for r in results.subjects(rdflib.RDF.type, SH.ValidationResult):
        severity = str(results.value(r, SH.resultSeverity) or SH.Violation).rsplit("#", 1)[-1]
        message = " ".join(str(results.value(r, SH.resultMessage) or "").split())
        value = results.value(r, SH.value)
        rows.append((
            severity,
            show(results.value(r, SH.focusNode)),
            show(results.value(r, SH.resultPath)),
            message + (f" (value: {show(value)})" if value is not None else ""),
        ))
    rows.sort()
    counts = Counter(row[0] for row in rows)
    violations, warnings = counts["Violation"], counts["Warning"]
    summary = (
        f"{'Conforms' if not violations else 'Does not conform'}: "
        f"{violations} violation{'s' * (violations != 1)}, {warnings} warning{'s' * (warnings != 1)} "
        f"({len(data)} triple{'s' * (len(data) != 1)} checked against the kg shapes)."
    )
    lines = [summary] + [f"  {sev}: {focus} {path}: {msg}" for sev, focus, path, msg in rows[:limit]]
    if len(rows) > limit:
        lines.append(f"  ... and {len(rows) - limit} more")
    return violations == 0, "\n".join(lines)


def _path_text(results: rdflib.Graph, node, show) -> str:
    inverse = results.value(node, SH.inversePath)
    return f"^{show(inverse)}" if inverse is not None else "[path]"
