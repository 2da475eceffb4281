"""Reading an RDF file into pyoxigraph quads, whatever the size of its literals.

pyoxigraph's parsers are fast but hold at most 16 MB in one token: a literal
longer than that (a 50 MB string; the title of a document that is all title)
raises ``MemoryError: Reached the buffer maximal size``.  Such a file is read
again with rdflib, which has no such limit, and its terms are converted.
JSON-LD that names a remote ``@context`` is refused before rdflib would fetch
it (:func:`kg.rdf.validate.refuse_remote_contexts`): kg never goes to the network to read a file.

>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as tmp:
...     path = pathlib.Path(tmp) / "g.nt"
...     _ = path.write_text('<urn:s> <urn:p> "x" .\\n')
...     [str(q) for q in parse_file(path, ox.RdfFormat.N_TRIPLES)]
['<urn:s> <urn:p> "x"']
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

__all__ = ["parse_file", "syntax_error", "rdflib_parser", "OX_FORMATS"]

#: pyoxigraph's format for each rdflib format name.
OX_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG, "json-ld": ox.RdfFormat.JSON_LD, "xml": ox.RdfFormat.RDF_XML, "n3": ox.RdfFormat.N3,
}
_NAMES = {fmt: name for name, fmt in OX_FORMATS.items()}


def rdflib_parser(name: str) -> str:
    """The rdflib parser to read format ``name`` with: N-Triples as the Turtle
    it is, N-Quads as TriG, since rdflib's own N-Triples parser takes minutes
    over one long line (check the stricter syntax with :func:`syntax_error`)."""
    return {"nt": "turtle", "nquads": "trig"}.get(name, name)


def parse_file(path: str | Path, fmt: ox.RdfFormat) -> list[ox.Quad]:
    """Every quad of the file at ``path``.  Raises ``SyntaxError`` (or
    ``ValueError``, ``OSError``) as pyoxigraph does for a file that is not ``fmt``."""
    try:
        return list(ox.parse(path=str(path), format=fmt))
    except MemoryError:  # a token over pyoxigraph's 16 MB buffer
        return _parse_with_rdflib(Path(path), fmt)


def syntax_error(path: str | Path, fmt: ox.RdfFormat) -> str | None:
    """pyoxigraph's one-line reason why ``path`` is not ``fmt`` ("Parser error at
    line 505 column 13: Unexpected end"), or None if it parses."""
    try:
        for _ in ox.parse(path=str(path), format=fmt):
            pass
    except MemoryError:
        return None  # too big a token for pyoxigraph, not a syntax error
    except (SyntaxError, ValueError) as err:
        return " ".join(str(err).split())[:300]
    return None


def _parse_with_rdflib(path: Path, fmt: ox.RdfFormat) -> list[ox.Quad]:
    import rdflib

    from kg.rdf.validate import refuse_remote_contexts

    name = _NAMES.get(fmt)
    if name is None:  # pragma: no cover - every format kg reads is in the table
        raise ValueError(f"{path}: a token over 16 MB in a format kg cannot read otherwise")
    if name == "json-ld":
        refuse_remote_contexts(path)
    ds = rdflib.Dataset()
    try:
        ds.parse(path, format=rdflib_parser(name))
    except Exception as err:  # rdflib raises many kinds; all mean "not valid RDF"
        raise SyntaxError(" ".join(str(err).split())[:300]) from err
    default = str((ds.default_graph if hasattr(type(ds), "default_graph") else ds.default_context).identifier)
    out = []
    for s, p, o, g in ds.quads((None, None, None, None)):
        gname = g.identifier if isinstance(g, rdflib.Graph) else g
        graph = ox.DefaultGraph() if gname is None or str(gname) == default else _term(gname)
        out.append(ox.Quad(_term(s), _term(p), _term(o), graph))
    return out


def _term(t):
    import rdflib

    if isinstance(t, rdflib.Literal):
        if t.language:
            return ox.Literal(str(t), language=t.language)
        return ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype))) if t.datatype else ox.Literal(str(t))
    if isinstance(t, rdflib.BNode):
        return ox.BlankNode(str(t))
    return ox.NamedNode(str(t))
