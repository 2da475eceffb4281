"""The HTML view in a real browser: Debian's chromium, headless, driven by Playwright.

One browser for the module; every page is opened from ``file://`` in an
offline context that records each request and console message.  The
browser is never downloaded: ``apt-get install -y chromium`` provides it.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from tests.html_samples import IMG, QUOTES, SCRIPT, hostile_graph

from kg.html import write_html

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("Playwright is not installed: pip install playwright (no browser download needed)")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Debian's chromium is not installed ({CHROMIUM} missing): apt-get install -y chromium")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@dataclass
class Opened:
    page: object
    requests: list = field(default_factory=list)
    errors: list = field(default_factory=list)


@pytest.fixture
def open_page(browser):
    """open_page(path) -> Opened, loaded and ready; closed after the test."""
    contexts = []

    def _open(path: Path) -> Opened:
        ctx = browser.new_context(viewport={"width": 1400, "height": 860}, offline=True)
        contexts.append(ctx)
        opened = Opened(ctx.new_page())
        ctx.on("request", lambda r: opened.requests.append(r.url))
        opened.page.on("console", lambda m: m.type in ("error", "warning") and opened.errors.append(m.text))
        opened.page.on("pageerror", lambda e: opened.errors.append(str(e)))
        opened.page.goto(path.resolve().as_uri())
        opened.page.wait_for_function("() => window.kgReady === true", timeout=30_000)
        return opened

    yield _open
    for ctx in contexts:
        ctx.close()


@pytest.fixture(scope="module")
def example_page_path(example_graph, tmp_path_factory) -> Path:
    return write_html(example_graph, tmp_path_factory.mktemp("html") / "graph.html")


@pytest.fixture(scope="module")
def hostile_page_path(tmp_path_factory) -> Path:
    return write_html(hostile_graph(), tmp_path_factory.mktemp("hostile") / "hostile.html")


def _main_actor(graph):
    """The most mentioned actor, preferring a person: what a user would look for."""
    return max(graph.actors(), key=lambda a: (a.type == "Person", len(a.mentions), a.name))


def _search(page, text: str) -> None:
    page.fill("#kg-search", text)
    page.wait_for_selector("#kg-results li[data-id]")
    page.press("#kg-search", "Enter")


def _panel(page) -> str:
    return page.text_content("#kg-panel")


# --- the example page --------------------------------------------------------


def test_example_page_loads_offline_without_errors(open_page, example_page_path):
    opened = open_page(example_page_path)
    assert opened.errors == []
    assert {u.split(":", 1)[0] for u in opened.requests} <= {"file", "data"}
    assert opened.requests[0] == example_page_path.resolve().as_uri()
    # Physics settled and stopped: nothing keeps moving.
    assert opened.page.evaluate("network.physics.physicsEnabled") is False


def test_page_holds_every_node_and_edge(open_page, example_page_path, example_graph):
    page = open_page(example_page_path).page
    nxg = example_graph.to_networkx()
    assert page.evaluate("nodes.length") == nxg.number_of_nodes()
    assert page.evaluate("edges.length") == nxg.number_of_edges()
    assert page.evaluate("network.body.nodeIndices.length") == nxg.number_of_nodes()


def test_search_finds_an_actor(open_page, example_page_path, example_graph):
    page = open_page(example_page_path).page
    actor = _main_actor(example_graph)
    query = actor.name.split()[-1].lower()  # a surname, in lower case
    _search(page, query)
    assert page.evaluate("network.getSelectedNodes()") == [actor.iri]
    assert page.text_content("#kg-panel h2") == actor.name


def test_filters_hide_and_show_a_class(open_page, example_page_path, example_graph):
    page = open_page(example_page_path).page
    nxg = example_graph.to_networkx()
    people = {a.iri for a in example_graph.actors("Person")}
    assert people, "the example graph should have people"
    page.click("label.kg-filter:has(input[data-group='Person'])")
    shown = set(page.evaluate("network.body.nodeIndices"))
    assert not shown & people and len(shown) == nxg.number_of_nodes() - len(people)
    assert page.evaluate("edgeView.length") < nxg.number_of_edges()
    page.click("label.kg-filter:has(input[data-group='Person'])")
    assert page.evaluate("network.body.nodeIndices.length") == nxg.number_of_nodes()
    assert page.evaluate("edgeView.length") == nxg.number_of_edges()


def test_filters_by_commitment_kind(open_page, example_page_path, example_graph):
    page = open_page(example_page_path).page
    kinds = sorted({c.kind for c in example_graph.commitments()})
    assert kinds, "the example graph should have commitments"
    page.click("#kg-legend button:text('None')")
    page.click(f"label.kg-filter:has(input[data-group='{kinds[0]}'])")
    shown = set(page.evaluate("network.body.nodeIndices"))
    assert shown == {c.iri for c in example_graph.commitments(kinds[0])}
    page.click("#kg-legend button:text('All')")
    assert page.evaluate("network.body.nodeIndices.length") == page.evaluate("nodes.length")


def test_hovering_then_clicking_a_node_shows_its_evidence(open_page, example_page_path, example_graph):
    page = open_page(example_page_path).page
    fact = example_graph.commitments()[0]
    # Centre the node, then click the canvas where it is drawn: a real click.
    x, y = page.evaluate("""(id) => {
        const at = network.getPositions([id])[id];
        network.moveTo({position: at, scale: 1.5, animation: false});
        network.redraw();
        const dom = network.canvasToDOM(at);
        const box = document.getElementById("mynetwork").getBoundingClientRect();
        return [box.left + dom.x, box.top + dom.y];
    }""", fact.iri)
    page.mouse.move(x, y)
    page.wait_for_function("(text) => document.querySelector('#kg-panel h2').textContent === text",
                           arg=fact.content, timeout=5_000)
    page.mouse.click(x, y)
    assert page.evaluate("network.getSelectedNodes()") == [fact.iri]
    panel = _panel(page)
    assert min(fact.evidence).text in panel
    doc = example_graph._documents.get(min(fact.evidence).document)
    assert (doc.title or doc.id) in panel


def test_screenshot_of_the_example(open_page, example_page_path, example_graph, tmp_path_factory):
    page = open_page(example_page_path).page
    _search(page, _main_actor(example_graph).name)
    page.wait_for_timeout(600)  # the focus animation
    shot = tmp_path_factory.mktemp("shots") / "graph.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 20_000
    print(f"screenshot: {shot}")


# --- a hostile article -------------------------------------------------------


def test_hostile_article_runs_nothing(open_page, hostile_page_path):
    opened = open_page(hostile_page_path)
    page = opened.page
    # Open every node's panel and search for every payload: still nothing runs.
    for node_id in page.evaluate("nodes.getIds()"):
        page.evaluate("(id) => network.emit('click', {nodes: [id], edges: [], event: null})", node_id)
        page.evaluate("(id) => network.emit('hoverNode', {node: id})", node_id)
    for text in ("img", "script", "brien", "svg"):
        page.fill("#kg-search", text)
    page.wait_for_timeout(300)  # time for an onerror to fire, were there an img
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert page.evaluate("document.querySelectorAll('script').length") == 5
    assert page.evaluate("document.querySelector('[onerror], [onload], [onclick]')") is None
    assert opened.requests == [hostile_page_path.resolve().as_uri()]
    assert opened.errors == []


def test_hostile_text_shows_as_text(open_page, hostile_page_path):
    page = open_page(hostile_page_path).page
    _search(page, "o'brien")
    assert page.text_content("#kg-panel h2") == QUOTES
    page.fill("#kg-search", "onerror")
    page.wait_for_selector("#kg-results li[data-id]")
    assert IMG in page.text_content("#kg-results")
    page.press("#kg-search", "Enter")
    panel = _panel(page)
    assert page.text_content("#kg-panel h2") == IMG
    assert SCRIPT in panel  # an alias, shown as written
    assert page.evaluate("window.__pwned") is None


# --- the speed benchmark, small ---------------------------------------------


def test_view_speed_benchmark_runs(browser, tmp_path):
    spec = importlib.util.spec_from_file_location("view_speed", ROOT / "benchmarks/view_speed.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    results = bench.run([50], tmp_path / "view_speed.json", browser=browser)
    (row,) = results["views"]
    assert row["nodes"] == row["page_nodes"] == 50
    assert 0 < row["interactive_s"] < 30 and (tmp_path / "view_speed.json").exists()
