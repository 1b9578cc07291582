"""Browser tests of the interactive HTML export (graph/html.py) in real Chromium via Playwright.

Every page is opened from a file:// URL with all requests routed, recorded and blocked except the
file itself, so "self-contained" is checked by what the browser actually tries to fetch.
Needs Debian's chromium at /usr/bin/chromium (never a Playwright-downloaded browser).
"""
from __future__ import annotations

import random
import re
import struct
import time
import zlib
from pathlib import Path

import networkx as nx
import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.graph.assemble import to_networkx
from newsgraph.graph.html import write_html
from newsgraph.records import (ENTITY_TYPES, RELATION_TYPES, SYMMETRIC_RELATIONS, Corpus, Document, Entity,
                               Evidence, Mention, Relation)

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run"]
IMG = '<img src=x onerror="window.__pwned=1">'
SCRIPT = "</script><script>window.__pwned=2</script>"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium not found at /usr/bin/chromium "
                                                     "(apt-get install chromium)"),
]


# -- corpora ------------------------------------------------------------------------------------------

def _ev(doc, sentence, conf=0.8, **kw):
    return Evidence(doc, sentence, 0, len(sentence), kw.pop("trigger", "t"), kw.pop("rule", "test"), conf, **kw)


def small_corpus(hostile: bool = False) -> Corpus:
    """Six entities of all types, firm / hedged / single-source / negated-only relations, a co-mention."""
    bad = f" {IMG}{SCRIPT}" if hostile else ""
    docs = [Document("d1", "d1.txt", "", "a", title="Rebels take Idlib" + bad, outlet="BBC", date="2024-12-01",
                     url="javascript:window.__pwned=3" if hostile else "https://example.org/d1"),
            Document("d2", "d2.txt", "", "b", title="Second report", outlet="Reuters", url="https://example.org/d2")]
    ents = [
        Entity("hts", "Hayat Tahrir al-Sham" + bad, "Group", ["HTS"] + ([IMG] if hostile else []), "Q1186048",
               [Mention("d1", 0, 3, "HTS"), Mention("d2", 0, 3, "HTS")]),
        Entity("syria", "Syria", "State", [], "Q858", [Mention("d1", 5, 10, "Syria")]),
        Entity("idlib", "Idlib", "Place", [], None, [Mention("d1", 5, 10, "Idlib"), Mention("d2", 1, 6, "Idlib")]),
        Entity("bbc", "BBC", "MediaOutlet", [], None, [Mention("d1", 0, 3, "BBC")]),
        Entity("jolani", "Abu Mohammad al-Jolani", "Person", ["Jolani"],
               "javascript:alert(1)" if hostile else None, [Mention("d1", 5, 10, "Jolani")]),
        Entity("un", "United Nations", "Organization", ["UN"], "Q1065", [Mention("d2", 5, 7, "UN")]),
    ]
    rels = [
        Relation("bbc--REPORTS_ON--idlib", "bbc", "idlib", "REPORTS_ON",
                 [_ev("d1", "The BBC reports from Idlib."), _ev("d2", "BBC crews filmed in Idlib.")]),
        Relation("hts--CONTROLS--idlib", "hts", "idlib", "CONTROLS",
                 [_ev("d1", "HTS controls Idlib city." + bad, 0.9, asserted_by="bbc"),
                  _ev("d2", "HTS has held Idlib since 2017.", 0.85)]),
        Relation("hts--FIGHTS--syria", "hts", "syria", "FIGHTS",
                 [_ev("d1", "HTS may be fighting the Syrian army.", 0.6, hedged=True)]),
        Relation("jolani--PART_OF--hts", "jolani", "hts", "PART_OF", [_ev("d1", "Jolani leads HTS.", 0.9)]),
        Relation("un--ACCUSES--syria", "un", "syria", "ACCUSES",
                 [_ev("d2", "The UN did not accuse Syria.", 0.7, negated=True)]),
    ]
    mentions = {(m.doc, e.id): 1 for e in ents for m in e.mentions}
    return Corpus(docs, ents, rels, dict(sorted(mentions.items())), {("idlib", "un"): 1})


def big_corpus(n: int = 5000, n_docs: int = 200, n_rels: int = 6000, seed: int = 0) -> Corpus:
    rnd = random.Random(seed)
    docs = [Document(f"d{i:04d}", f"d{i}.txt", "", "0", title=f"Article {i}", outlet="Wire") for i in range(n_docs)]
    ents, mentions = [], {}
    for i in range(n):
        ds = sorted({rnd.randrange(n_docs) for _ in range(rnd.randint(1, 3))})
        for d in ds:
            mentions[(docs[d].id, f"e{i:05d}")] = 1
        ents.append(Entity(f"e{i:05d}", f"Entity {i}", ENTITY_TYPES[i % len(ENTITY_TYPES)], [], None,
                           [Mention(docs[d].id, 0, 4, f"E{i}") for d in ds]))
    rels: dict[str, Relation] = {}
    for _ in range(n_rels):
        a, b = rnd.randrange(n), rnd.randrange(60) if rnd.random() < 0.3 else rnd.randrange(n)
        t = rnd.choice(RELATION_TYPES)
        s, o = (min(a, b), max(a, b)) if t in SYMMETRIC_RELATIONS else (a, b)
        rid = f"e{s:05d}--{t}--e{o:05d}"
        if s != o and rid not in rels:
            rels[rid] = Relation(rid, f"e{s:05d}", f"e{o:05d}", t, [
                _ev(docs[rnd.randrange(n_docs)].id, f"Entity {s} {t} entity {o}.", hedged=rnd.random() < 0.2)])
    return Corpus(docs, ents, sorted(rels.values(), key=lambda r: r.id), dict(sorted(mentions.items())), {})


# -- browser ------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (Python package) is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


class Opened:
    def __init__(self, page, url, requests, errors):
        self.page, self.url, self.requests, self.errors = page, url, requests, errors

    def ids(self, what: str) -> set[str]:
        return set(self.page.evaluate(f"window.newsgraph.{what}.getIds()"))


@pytest.fixture
def open_page(browser):
    contexts = []

    def _open(path: Path, timeout: float = 60_000) -> Opened:
        ctx = browser.new_context(viewport={"width": 1280, "height": 800})
        contexts.append(ctx)
        page = ctx.new_page()
        url = path.resolve().as_uri()
        requests: list[str] = []
        errors: list[str] = []

        def route(r):
            requests.append(r.request.url)
            r.continue_() if r.request.url == url else r.abort()

        page.route("**/*", route)
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(url)
        page.wait_for_function("window.newsgraph && window.newsgraph.ready === true", timeout=timeout)
        return Opened(page, url, requests, errors)

    yield _open
    for ctx in contexts:
        ctx.close()


def _graph_sets(corpus: Corpus):
    g = to_networkx(corpus)
    nodes = {str(n) for n in g.nodes}
    edges = {(str(u), str(v), str(k)) for u, v, k in g.edges(keys=True)}
    shown_nodes = {str(n) for n, d in g.nodes(data=True) if d.get("kind") != "Document"}
    shown_edges = {(str(u), str(v), str(k)) for u, v, k, d in g.edges(keys=True, data=True)
                   if d.get("kind") == "Relation" and d.get("evidence_count")}
    return nodes, edges, shown_nodes, shown_edges


def _page_edges(op: Opened, which: str) -> set[tuple[str, str, str]]:
    rows = op.page.evaluate(f"""() => {{
        const byId = new Map(window.newsgraph.data.edges.map(e => [e.id, e]));
        return window.newsgraph.{which}.getIds().map(id => {{ const e = byId.get(id); return [e.from, e.to, e.key]; }});
    }}""")
    return {tuple(r) for r in rows}


def _edge_point(op: Opened, relation_key: tuple[str, str, str]) -> dict:
    """Viewport coordinates of the middle of a drawn (straight) edge."""
    return op.page.evaluate("""([from, to, key]) => {
        const ng = window.newsgraph, e = ng.data.edges.find(e => e.from === from && e.to === to && e.key === key);
        const p = ng.network.getPositions([from, to]);
        const d = ng.network.canvasToDOM({x: (p[from].x + p[to].x) / 2, y: (p[from].y + p[to].y) / 2});
        const r = document.getElementById('ng-canvas').getBoundingClientRect();
        return {x: r.left + d.x, y: r.top + d.y, id: e.id};
    }""", list(relation_key))


def _node_point(op: Opened, node_id: str) -> dict:
    return op.page.evaluate("""(id) => {
        const ng = window.newsgraph, p = ng.network.getPositions([id])[id];
        const d = ng.network.canvasToDOM(p), r = document.getElementById('ng-canvas').getBoundingClientRect();
        return {x: r.left + d.x, y: r.top + d.y};
    }""", node_id)


# -- PNG ----------------------------------------------------------------------------------------------

def png_grey(data: bytes) -> tuple[int, int, list[int]]:
    """Width, height and grey values of an 8-bit, non-interlaced RGB/RGBA PNG (what Chromium writes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, header
    bpp = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(idat), width * bpp
    prev, grey = bytearray(stride), []
    for y in range(height):
        ftype, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if ftype == 2:
            line = bytearray((a + b) & 255 for a, b in zip(line, prev))
        elif ftype in (1, 3, 4):
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                up = prev[i]
                if ftype == 1:
                    line[i] = (line[i] + left) & 255
                elif ftype == 3:
                    line[i] = (line[i] + (left + up) // 2) & 255
                else:
                    ul = prev[i - bpp] if i >= bpp else 0
                    p = left + up - ul
                    pa, pb, pc = abs(p - left), abs(p - up), abs(p - ul)
                    line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else ul)) & 255
        grey.extend((line[i] + line[i + 1] + line[i + 2]) // 3 for i in range(0, stride, bpp))
        prev = line
    return width, height, grey


# -- tests --------------------------------------------------------------------------------------------

@pytest.fixture
def small_html(tmp_path) -> tuple[Corpus, Path]:
    corpus = small_corpus()
    return corpus, write_html(corpus, tmp_path / "graph.html", title="Test graph")


def test_self_contained_no_requests_no_errors(small_html, open_page):
    _, path = small_html
    op = open_page(path)
    assert op.requests == [op.url], f"requests beyond the file: {op.requests}"
    assert op.errors == []
    text = path.read_text(encoding="utf-8")
    assert "<link" not in text and "@import" not in text
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//|url\(\s*["']?(https?:)?//""", text, re.I)


def test_drawn_network_is_the_graph(small_html, open_page):
    corpus, path = small_html
    op = open_page(path)
    nodes, edges, shown_nodes, shown_edges = _graph_sets(corpus)
    assert op.ids("nodes") == nodes                        # every node of the graph is in the data
    assert _page_edges(op, "edges") == edges               # ... and every edge
    assert op.ids("nodeView") == shown_nodes               # drawn: entities, not documents
    assert _page_edges(op, "edgeView") == shown_edges      # drawn: positive typed relations only
    drawn = set(op.page.evaluate("window.newsgraph.network.body.nodeIndices"))
    assert drawn == shown_nodes
    # CO_MENTIONED, documents and the negated-only relation come back with their toggles
    for value in ("co", "docs", "negated"):
        op.page.check(f"input[data-filter=extra][data-value={value}]")
    assert op.ids("nodeView") == nodes
    assert _page_edges(op, "edgeView") == edges
    assert op.errors == []


def test_edge_click_and_hover_show_evidence(small_html, open_page):
    _, path = small_html
    op = open_page(path)
    pt = _edge_point(op, ("hts", "idlib", "CONTROLS"))
    op.page.mouse.move(pt["x"], pt["y"])
    op.page.wait_for_selector("#ng-tip", state="visible", timeout=5000)
    assert "HTS controls Idlib city." in op.page.inner_text("#ng-tip")
    op.page.mouse.click(pt["x"], pt["y"])
    panel = op.page.inner_text("#ng-panel")
    assert "HTS controls Idlib city." in panel and "HTS has held Idlib since 2017." in panel
    assert "Rebels take Idlib" in panel and "Second report" in panel      # document titles
    assert "asserted by: BBC" in panel                                      # asserted_by id -> name
    assert "confidence 0.9" in panel


def test_node_click_shows_explanation(small_html, open_page):
    _, path = small_html
    op = open_page(path)
    pt = _node_point(op, "hts")
    op.page.mouse.click(pt["x"], pt["y"])
    panel = op.page.inner_text("#ng-panel")
    for text in ("Hayat Tahrir al-Sham", "Group", "HTS", "Q1186048", "Rebels take Idlib", "Second report"):
        assert text in panel
    href = op.page.get_attribute("#ng-panel a[href*=wikidata]", "href")
    assert href == "https://www.wikidata.org/wiki/Q1186048"


def test_search_selects_node(small_html, open_page):
    _, path = small_html
    op = open_page(path)
    op.page.fill("#ng-search", "jolani")
    op.page.press("#ng-search", "Enter")
    assert op.page.evaluate("window.newsgraph.network.getSelectedNodes()") == ["jolani"]
    assert "Abu Mohammad al-Jolani" in op.page.inner_text("#ng-panel")


def test_filter_by_type_hides_other_types(small_html, open_page):
    corpus, path = small_html
    op = open_page(path)
    op.page.uncheck("input[data-filter=entity][data-value=State]")
    assert op.ids("nodeView") == {e.id for e in corpus.entities if e.type != "State"}
    assert all("syria" not in e for e in _page_edges(op, "edgeView"))
    op.page.uncheck("input[data-filter=relation][data-value=CONTROLS]")
    kinds = {k for _, _, k in _page_edges(op, "edgeView")}
    assert "CONTROLS" not in kinds and "REPORTS_ON" in kinds
    # only one type left on
    for t in ("Group", "Place", "MediaOutlet", "Organization"):
        op.page.uncheck(f"input[data-filter=entity][data-value={t}]")
    assert op.ids("nodeView") == {"jolani"}
    assert op.errors == []


def test_screenshot_is_not_blank(small_html, open_page):
    _, path = small_html
    op = open_page(path)
    width, height, grey = png_grey(op.page.locator("#ng-canvas").screenshot())
    assert width > 100 and height > 100
    mean = sum(grey) / len(grey)
    variance = sum((g - mean) ** 2 for g in grey) / len(grey)
    dark = sum(1 for g in grey if g < 200) / len(grey)
    assert variance > 20 and dark > 0.002, (variance, dark)


def test_hostile_text_is_inert_and_literal(tmp_path, open_page):
    corpus = small_corpus(hostile=True)
    path = write_html(corpus, tmp_path / "hostile.html", title=f"t {IMG}{SCRIPT}")
    raw = path.read_text(encoding="utf-8")
    assert "<img" not in raw and raw.count("</script>") == 3   # data, vis-network, page script
    op = open_page(path)
    assert op.page.evaluate("typeof window.__pwned") == "undefined"
    assert op.page.evaluate("document.querySelectorAll('img, script:not([id=ng-data])').length") == 2
    assert op.page.title() == f"t {IMG}{SCRIPT}"
    pt = _node_point(op, "hts")
    op.page.mouse.click(pt["x"], pt["y"])
    panel = op.page.inner_text("#ng-panel")
    assert f"Hayat Tahrir al-Sham {IMG}{SCRIPT}" in panel and f"Rebels take Idlib {IMG}{SCRIPT}" in panel
    pt = _edge_point(op, ("hts", "idlib", "CONTROLS"))
    op.page.mouse.click(pt["x"], pt["y"])
    assert f"HTS controls Idlib city. {IMG}{SCRIPT}" in op.page.inner_text("#ng-panel")
    # no javascript: link from the wikidata field or the document URL
    pt = _node_point(op, "jolani")
    op.page.mouse.click(pt["x"], pt["y"])
    hrefs = op.page.evaluate("[...document.querySelectorAll('a')].map(a => a.href)")
    assert not [h for h in hrefs if not h.startswith("https://")], hrefs
    assert op.page.evaluate("typeof window.__pwned") == "undefined"
    assert op.requests == [op.url] and op.errors == []


def test_focus_exports_only_the_ego_graph(tmp_path, open_page):
    corpus = small_corpus()
    path = write_html(corpus, tmp_path / "ego.html", focus="jolani", depth=1)
    op = open_page(path)
    assert op.ids("nodeView") == {"jolani", "hts"}
    assert _page_edges(op, "edgeView") == {("jolani", "hts", "PART_OF")}
    assert op.page.evaluate("window.newsgraph.network.getSelectedNodes()") == ["jolani"]
    # depth 2 by name (case-insensitive), alias works too
    g = to_networkx(corpus)
    und = nx.Graph([(u, v) for u, v, d in g.edges(data=True) if d["kind"] == "Relation"])
    path = write_html(corpus, tmp_path / "ego2.html", focus="ABU MOHAMMAD AL-JOLANI", depth=2)
    op = open_page(path)
    assert op.ids("nodeView") == set(nx.ego_graph(und, "jolani", radius=2))
    write_html(corpus, tmp_path / "ego3.html", focus="hts")
    with pytest.raises(NewsgraphError, match="no entity named"):
        write_html(corpus, tmp_path / "none.html", focus="Nobody")
    assert not (tmp_path / "none.html").exists()


def test_deterministic(tmp_path):
    corpus = small_corpus(hostile=True)
    a = write_html(corpus, tmp_path / "a.html").read_bytes()
    b = write_html(small_corpus(hostile=True), tmp_path / "b.html").read_bytes()
    assert a == b
    big = big_corpus(n=800, n_rels=1200)
    assert write_html(big, tmp_path / "c.html").read_bytes() == write_html(big, tmp_path / "d.html").read_bytes()


def test_five_thousand_nodes_open_and_draw(tmp_path, open_page):
    corpus = big_corpus()
    t0 = time.perf_counter()
    path = write_html(corpus, tmp_path / "big.html")
    t1 = time.perf_counter()
    op = open_page(path, timeout=120_000)
    t2 = time.perf_counter()
    drawn = op.page.evaluate("window.newsgraph.network.body.nodeIndices.length")
    print(f"\n5,000-node graph: write_html {t1 - t0:.1f} s, page ready {t2 - t1:.1f} s, "
          f"{path.stat().st_size / 1e6:.1f} MB, {drawn} nodes drawn")
    assert drawn == len(corpus.entities)
    assert op.requests == [op.url] and op.errors == []
    pt = _node_point(op, "e00000")
    assert 0 <= pt["x"] <= 1280 and 0 <= pt["y"] <= 800


# -- the real seed build ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_dir(request):
    try:
        return request.getfixturevalue("seed_build")
    except FileNotFoundError as exc:  # the extractor's data files are still being written
        pytest.skip(f"seed build not possible yet: {exc}")


def test_seed_build_page(seed_dir, open_page, tmp_path):
    from newsgraph.graph.jsonl import read_corpus

    corpus = read_corpus(seed_dir)
    path = seed_dir / "graph.html"
    if not path.exists():  # a build run with html=False
        path = write_html(corpus, tmp_path / "graph.html")
    op = open_page(path)
    nodes, edges, shown_nodes, shown_edges = _graph_sets(corpus)
    assert op.ids("nodes") == nodes and _page_edges(op, "edges") == edges
    assert op.ids("nodeView") == shown_nodes and _page_edges(op, "edgeView") == shown_edges
    assert op.requests == [op.url] and op.errors == []
    again = write_html(corpus, tmp_path / "again.html").read_bytes()
    assert write_html(read_corpus(seed_dir), tmp_path / "again2.html").read_bytes() == again
