"""One self-contained HTML page per graph, rendered through pyvis with kg's own template.

pyvis's stock template loads Bootstrap from a CDN even "in line", and its
menus lose nodes, so the page uses ``templates/view.html``: vis-network's
script (shipped inside pyvis) and kg's script and style are inlined, the data
sits in ``application/json`` blocks encoded by :func:`kg.html.encode.html_json`,
and a Content-Security-Policy allows exactly those two scripts (by hash) and
no request of any kind, so the page works from ``file://`` with the network
off and an injected handler could not run even if text slipped through.

Examples
--------
>>> from kg.graph import KnowledgeGraph
>>> from kg.types import Actor
>>> html = render_html(KnowledgeGraph(actors=[Actor("urn:a", "<b>Bad</b>", "Person")]))
>>> "<b>Bad</b>" in html, "\\\\u003cb\\\\u003eBad" in html
(False, True)
>>> "https://" in html.split("<script>")[0]
False
"""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from kg.html.encode import html_json
from kg.html.layout import positions
from kg.html.options import network_options
from kg.html.style import legend, vis_groups
from kg.html.view import build_view

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = ["render_html", "write_html", "TEMPLATES"]

#: kg's page template, script and style.
TEMPLATES = Path(__file__).resolve().parent / "templates"


def write_html(graph: KnowledgeGraph, path: Path, *, title: str | None = None) -> Path:
    """Write the interactive view of ``graph`` to ``path`` (UTF-8) and return the path."""
    path = Path(path)
    path.write_text(render_html(graph, title=title), encoding="utf-8")
    return path


def render_html(graph: KnowledgeGraph, *, title: str | None = None) -> str:
    """The interactive view of ``graph`` as one HTML document."""
    from pyvis.network import Network  # pulls in IPython: import only when drawing

    view = build_view(graph)
    _place(view)
    heading = title or _heading(graph)
    net = Network(height="100%", width="100%", directed=True, heading=heading)
    # Bulk assignment: add_node/add_edge scan the lists on every call (quadratic).
    net.nodes, net.edges = view.nodes, view.edges
    net.options = network_options(len(view.nodes), vis_groups(view.counts))
    net.set_template_dir(str(TEMPLATES) + "/", "view.html")
    net.templateEnv = _environment()
    assets = _assets()
    net.templateEnv.globals.update(
        heading=heading,
        view={"details": view.details, "documents": view.documents,
              "legend": legend(view.counts), "options": net.options},
        css=assets["css"], vis_js=assets["vis_js"], app_js=assets["app_js"], csp=assets["csp"],
    )
    return net.generate_html()


def _place(view) -> None:
    """Give every node its starting position (see :mod:`kg.html.layout`)."""
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(n["id"] for n in view.nodes)
    g.add_edges_from((e["from"], e["to"]) for e in view.edges)
    pos = positions(g)
    for node in view.nodes:
        x, y = pos[node["id"]]
        node["x"], node["y"] = round(x, 1), round(y, 1)


def _heading(graph) -> str:
    """ "Knowledge graph: 5 actors, 2 places, ... from 1 document"."""
    counts = [(len(graph.actors()), "actor"), (len(graph.places()), "place"),
              (len(graph.commitments()), "commitment"), (len(graph.statements()), "statement")]
    parts = ", ".join(_count(n, word) for n, word in counts)
    return f"Knowledge graph: {parts} from {_count(len(graph.documents()), 'document')}"


def _count(n: int, word: str) -> str:
    """``n`` and ``word``, plural unless one.

    >>> _count(1, "place"), _count(2, "place")
    ('1 place', '2 places')
    """
    return f"{n:,} {word}{'s' * (n != 1)}"


def _environment():
    """An autoescaping Jinja environment: only values marked safe go in raw."""
    from jinja2 import Environment, FileSystemLoader
    from markupsafe import Markup

    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True)
    env.filters["kg_json"] = lambda value: Markup(html_json(value))
    return env


def _assets() -> dict:
    """The inlined scripts and style, and the policy that allows just those scripts."""
    import pyvis
    from markupsafe import Markup

    vis_js = (Path(pyvis.__file__).parent / "templates/lib/vis-9.1.2/vis-network.min.js").read_text("utf-8")
    app_js = (TEMPLATES / "view.js").read_text("utf-8")
    css = (TEMPLATES / "view.css").read_text("utf-8")
    for name, text in (("vis-network.min.js", vis_js), ("view.js", app_js), ("view.css", css)):
        # Inlined verbatim: a closing tag inside would end the element early.
        if "</script" in text.lower() or "</style" in text.lower():
            raise ValueError(f"{name} contains a closing tag and cannot be inlined")
    hashes = " ".join(f"'sha256-{_sha256(s)}'" for s in (vis_js, app_js))
    csp = (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; "
           "img-src data:; base-uri 'none'; form-action 'none'")
    return {"vis_js": Markup(vis_js), "app_js": Markup(app_js), "css": Markup(css), "csp": csp}


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
