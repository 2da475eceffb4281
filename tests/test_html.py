"""The HTML view without a browser: data, escaping, self-containment, layout, CLI."""

from __future__ import annotations

import base64
import hashlib
import json
import re

import pytest
from tests.html_samples import CLOSE, IMG, SCRIPT, SVG, hostile_graph, sample_graph

from kg.graph import KnowledgeGraph
from kg.html import build_view, render_html, write_html
from kg.html.layout import positions
from kg.html.options import PHYSICS_LIMIT

SCRIPT_BLOCK = re.compile(r"<script([^>]*)>(.*?)</script>", re.S)


def _json_blocks(html: str) -> dict[str, object]:
    return {re.search(r'id="([^"]+)"', attrs).group(1): json.loads(body)
            for attrs, body in SCRIPT_BLOCK.findall(html) if "application/json" in attrs}


@pytest.fixture(scope="module")
def sample():
    return sample_graph()


@pytest.fixture(scope="module")
def hostile_html():
    return render_html(hostile_graph())


# --- the data ----------------------------------------------------------------


def test_one_view_node_per_graph_node(sample):
    view = build_view(sample)
    nxg = sample.to_networkx()
    assert [n["id"] for n in view.nodes] == list(nxg.nodes)
    assert len(view.edges) == nxg.number_of_edges()
    assert {n["group"] for n in view.nodes} == {
        "Person", "Country", "Organization", "Place",
        "promise", "demand", "proposal", "agreement", "refusal", "Statement"}


def test_edges_are_labelled_by_relation(sample):
    labels = {e["label"] for e in build_view(sample).edges}
    assert {"committer", "addressee", "speaker", "located in", "partner",
            "role: prime minister"} <= labels


def test_actors_are_sized_by_mentions(sample):
    size = {n["id"]: n.get("size") for n in build_view(sample).nodes}
    assert size["https://kg.example/actor/marco-vell"] > size["https://kg.example/actor/sylvania"]


def test_panel_has_roles_aliases_and_evidence_with_sources(sample):
    view = build_view(sample)
    noor = view.details["https://kg.example/actor/alia-noor"]
    assert noor["title"] == "Alia Noor" and noor["kind"] == "Person"
    assert ["Role", "prime minister, Freedonia", "https://kg.example/actor/freedonia"] in noor["rows"]
    assert noor["aliases"] == ["Noor"]
    texts = [t for _, t in noor["evidence"]]
    assert texts[0].startswith("Freedonia's prime minister Alia Noor vowed")
    assert "Noor and Vell agreed to meet again in March." in texts
    doc = view.documents[noor["evidence"][0][0]]
    assert doc == {"id": "ceasefire_a.txt", "title": "Ceasefire talks stall", "date": "2025-03-02",
                   "url": "https://news.example/ceasefire"}


def test_a_place_mentioned_only_shows_its_sentence(sample):
    geneva = build_view(sample).details["https://kg.example/place/geneva"]
    assert [t for _, t in geneva["evidence"]] == ["The United Nations proposed talks in Geneva."]


def test_an_empty_graph_still_renders():
    html = render_html(KnowledgeGraph())
    assert _json_blocks(html)["kg-nodes"] == []


# --- safety ------------------------------------------------------------------


def test_article_text_never_appears_as_markup(hostile_html):
    markup = SCRIPT_BLOCK.sub("", hostile_html)
    for payload in (SCRIPT, IMG, SVG, CLOSE, "onerror", "onload", "__pwned", "Brien"):
        assert payload not in markup
    # Exactly kg's five script elements: three data blocks and two scripts...
    blocks = SCRIPT_BLOCK.findall(hostile_html)
    assert len(blocks) == 5
    # ...and the data blocks give the HTML parser nothing to act on.
    for attrs, body in blocks:
        if "application/json" in attrs:
            assert not set("<>&") & set(body)


def test_json_blocks_round_trip_exactly(hostile_html):
    blocks = _json_blocks(hostile_html)
    labels = {n["label"] for n in blocks["kg-nodes"]}
    assert {IMG, SCRIPT, SVG} <= labels
    titles = [d.get("title") for d in blocks["kg-view"]["documents"]]
    assert titles == [f"Breaking {IMG}"]


def test_javascript_urls_are_dropped(hostile_html):
    doc = _json_blocks(hostile_html)["kg-view"]["documents"][0]
    assert "url" not in doc  # javascript:window.__pwned=... never becomes a link


def test_policy_allows_exactly_the_inline_scripts(hostile_html):
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', hostile_html).group(1)
    csp = csp.replace("&#39;", "'")
    assert "default-src 'none'" in csp and "unsafe-eval" not in csp
    scripts = [body for attrs, body in SCRIPT_BLOCK.findall(hostile_html) if "type=" not in attrs]
    for body in scripts:
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert csp.count("sha256-") == len(scripts) == 2


def test_page_loads_nothing_from_elsewhere(sample):
    html = render_html(sample)
    markup = SCRIPT_BLOCK.sub("", html)
    assert not re.search(r"\b(src|href)\s*=", markup)
    assert "<link" not in markup and "@import" not in markup and "bootstrap" not in html.lower()


# --- layout and physics ------------------------------------------------------


def test_positions_cover_every_node_and_are_stable():
    import networkx as nx

    g = nx.disjoint_union_all([nx.star_graph(30), nx.path_graph(4), nx.empty_graph(3)])
    first, second = positions(g), positions(g)
    assert first == second and set(first) == set(g)
    assert len({(round(x), round(y)) for x, y in first.values()}) == len(g)  # no two on one spot


def test_big_graphs_get_no_physics():
    from kg.types import Actor, Statement

    people = [Actor(f"urn:a{i}", f"Person {i}", "Person") for i in range(PHYSICS_LIMIT // 2)]
    said = [Statement(f"urn:s{i}", f"urn:a{i % 50}", f"words {i}", True) for i in range(PHYSICS_LIMIT // 2 + 1)]
    blocks = _json_blocks(render_html(KnowledgeGraph(actors=people, statements=said)))
    assert blocks["kg-view"]["options"]["physics"]["enabled"] is False
    assert all("x" in n and "y" in n for n in blocks["kg-nodes"])
    small = _json_blocks(render_html(sample_graph()))
    assert small["kg-view"]["options"]["physics"]["enabled"] is True


# --- writing and the CLI -----------------------------------------------------


def test_graph_write_html_goes_through_export(sample, tmp_path):
    out = sample.write(tmp_path / "nested" / "graph.html")
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert write_html(sample, tmp_path / "g.html").stat().st_size > 100_000  # vis-network inlined


def test_kg_view_opens_the_file(sample, tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from kg.cli.app import app

    page = write_html(sample, tmp_path / "graph.html")
    opened = []
    monkeypatch.setattr("webbrowser.open", lambda uri: opened.append(uri) or True)
    result = CliRunner().invoke(app, ["view", str(page)])
    assert result.exit_code == 0, result.output
    assert opened == [page.resolve().as_uri()]


def test_kg_view_missing_file_is_one_clear_line(tmp_path):
    from typer.testing import CliRunner

    from kg.cli.app import app
    from kg.errors import InputError

    result = CliRunner().invoke(app, ["view", str(tmp_path / "nope.html")])
    assert isinstance(result.exception, InputError)
    assert "no such file" in str(result.exception) and "\n" not in str(result.exception)
