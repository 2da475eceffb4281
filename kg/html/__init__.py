"""The interactive HTML view of a graph: one self-contained page, safe to open offline.

>>> from kg.graph import KnowledgeGraph
>>> import tempfile, pathlib
>>> out = write_html(KnowledgeGraph(), pathlib.Path(tempfile.mkdtemp()) / "g.html")
>>> out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
True

:mod:`kg.html.view` turns the graph into nodes, edges and panel details,
:mod:`kg.html.layout` places big graphs, :mod:`kg.html.page` renders the
page through pyvis with the template in ``kg/html/templates/``.
"""

from kg.html.page import render_html, write_html
from kg.html.view import ViewData, build_view

__all__ = ["write_html", "render_html", "build_view", "ViewData"]
