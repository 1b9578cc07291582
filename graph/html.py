r"""Interactive HTML export: one self-contained ``graph.html`` to explore a build in a browser.

``write_html(corpus, path)`` draws the entities and their typed relations with vis-network (the
copy bundled with pyvis, inlined) and explains every node and edge on demand in a side panel:
names, aliases, Wikidata ids, documents, and each evidence sentence with who asserts it.

Guarantees:

* Self-contained: vis-network's JS and CSS are inlined, the page links nothing and fetches nothing
  (a Content-Security-Policy forbids it too), so it works offline and leaks no reading activity.
* Safe with hostile articles: all article-derived text travels as escaped JSON inside a
  ``type="application/json"`` block and reaches the DOM only through ``textContent``; vis-network's
  HTML tooltips are not used.  The CSP allows only the page's own two scripts (by hash).
* Deterministic: the same corpus gives a byte-identical file (sorted ids, seeded layout, no dates).

Encoding (also shown in the page's legend):

* node colour and shape = entity type, node size = number of typed relations (degree);
* edge colour and label = relation type, with arrows (both ends for symmetric relations);
* solid edge = stated, not hedged, in at least two documents; dashed and faded = *weak*: every
  positive statement is hedged, or all come from a single document;
* negated-only relations (every statement denies it) are never drawn as positive: they are hidden
  by default and, when the "denied" box is ticked, drawn dotted dark red and labelled ``NOT <TYPE>``;
* ``CO_MENTIONED`` edges (same sentence, no stated relation) are hidden by default (a checkbox);
* document nodes are hidden by default (a checkbox); their titles show in the entity/edge panels.

Scale: node positions are always computed here (networkx ``spring_layout`` for small graphs, a
seeded sampled Fruchterman-Reingold in numpy for large ones, since networkx needs scipy there).
Up to ``PHYSICS_MAX_NODES`` entities the browser then settles them briefly with physics; above it,
physics is off and the page draws at once (a 5,000-node graph opens in a few seconds).

>>> from newsgraph.records import Corpus, Entity
>>> import tempfile, pathlib
>>> p = write_html(Corpus([], [Entity("a", "A <b>", "State")], []), pathlib.Path(tempfile.mkdtemp()) / "g.html")
>>> text = p.read_text()
>>> "A <b>" in text, "A \\u003cb\\u003e" in text
(False, True)
"""
from __future__ import annotations

import base64
import hashlib
import html as _html
import json
import math
import os
import re
from pathlib import Path
from typing import Any

import networkx as nx

from newsgraph.errors import NewsgraphError
from newsgraph.graph.assemble import EVENT_CODES, to_networkx
from newsgraph.graph.files import atomic_write
from newsgraph.records import ENTITY_TYPES, RELATION_TYPES, SYMMETRIC_RELATIONS, Corpus

# Above this many entity nodes the browser does no physics at all (positions come from Python).
PHYSICS_MAX_NODES = 300
# networkx's spring_layout needs scipy from 500 nodes on; we use our own sampled layout there.
SPRING_MAX_NODES = 500
SEED = 42

ENTITY_STYLE = {
    "Group": {"color": "#e15759", "shape": "dot"},
    "State": {"color": "#4e79a7", "shape": "square"},
    "MediaOutlet": {"color": "#b07aa1", "shape": "triangle"},
    "Place": {"color": "#59a14f", "shape": "diamond"},
    "Organization": {"color": "#f28e2b", "shape": "hexagon"},
    "Person": {"color": "#76b7b2", "shape": "star"},
    "Other": {"color": "#9c9c9c", "shape": "dot"},
    "Document": {"color": "#bab0ac", "shape": "triangleDown"},
}
RELATION_COLORS = {
    "SUPPORTS": "#2ca02c",
    "FIGHTS": "#d62728",
    "COOPERATES_WITH": "#17becf",
    "PART_OF": "#1f77b4",
    "FORMERLY_KNOWN_AS": "#7f7f7f",
    "CONTROLS": "#ff7f0e",
    "LOCATED_IN": "#8c564b",
    "OPERATES_IN": "#bcbd22",
    "ACCUSES": "#9467bd",
    "THREATENS": "#e377c2",
    "REPORTS_ON": "#5d8aa8",
    "CO_MENTIONED": "#b8b8b8",
    "MENTIONS": "#d0d0d0",
    "NEGATED": "#8b0000",
    "Other": "#555555",
}

_VIS_DIRS = ("templates/lib/vis-9.1.2", "lib/vis-9.1.2")


def write_html(corpus: Corpus, path: str | os.PathLike[str], *, focus: str | None = None, depth: int = 2,
               title: str = "newsgraph", graph: nx.MultiDiGraph | None = None) -> Path:
    """Write the interactive graph page; with ``focus``, only that entity's ``depth``-hop neighbourhood.

    ``graph`` is ``to_networkx(corpus)`` when the caller has it already (not modified here).
    """
    graph = to_networkx(corpus) if graph is None else graph
    focus_id = None
    if focus is not None:
        focus_id = find_entity(graph, focus)
        graph = ego_subgraph(graph, focus_id, depth)
    payload = _payload(graph, corpus, title=title, focus=focus_id, depth=depth if focus_id else None)
    page = _render(payload, title)
    with atomic_write(path) as f:
        f.write(page)
    return Path(path)


# -- selection --------------------------------------------------------------------------------------

def _is_entity(data: dict[str, Any]) -> bool:
    return data.get("kind", "Entity") != "Document"


def find_entity(graph: nx.MultiDiGraph, name: str) -> str:
    """The id of the entity named ``name``: exact id, else name, else alias (case-insensitive).

    Ties go to the entity with the most mentions, then the smallest id, so the choice is stable.
    """
    want = name.strip().casefold()
    ranked = []
    for n, d in graph.nodes(data=True):
        if not _is_entity(d):
            continue
        if str(n).casefold() == want:
            rank = 0
        elif str(d.get("label") or "").casefold() == want:
            rank = 1
        elif any(str(a).casefold() == want for a in d.get("aliases") or ()):
            rank = 2
        else:
            continue
        ranked.append((rank, -int(d.get("mention_count") or 0), str(n)))
    if not ranked:
        raise NewsgraphError(f"no entity named {name!r} (match is on id, name or alias, case-insensitive)")
    return min(ranked)[2]


def ego_subgraph(graph: nx.MultiDiGraph, center: str, depth: int) -> nx.MultiDiGraph:
    """Entities within ``depth`` typed-relation hops of ``center`` (directions ignored), with the
    relations and co-mentions among them and the documents that mention them."""
    rel = nx.Graph()
    rel.add_nodes_from(n for n, d in graph.nodes(data=True) if _is_entity(d))
    rel.add_edges_from((u, v) for u, v, d in graph.edges(data=True) if d.get("kind") == "Relation")
    keep = set(nx.ego_graph(rel, center, radius=max(0, int(depth))))
    for u, v, d in graph.edges(data=True):
        if d.get("kind") == "MENTIONS" and v in keep:
            keep.add(u)
    sub = nx.MultiDiGraph(name=graph.graph.get("name", "newsgraph"))
    sub.add_nodes_from((n, graph.nodes[n]) for n in sorted(keep))
    sub.add_edges_from((u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True) if u in keep and v in keep)
    return sub


# -- layout -------------------------------------------------------------------------------------------

def _layout(nodes: list[str], edges: list[tuple[str, str, float]]) -> dict[str, tuple[int, int]]:
    """Seeded positions in vis-network pixel units for ``nodes`` (sorted ids)."""
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0, 0)}
    if n < SPRING_MAX_NODES:
        g = nx.Graph()
        g.add_nodes_from(nodes)
        for u, v, w in edges:
            if u != v:
                g.add_edge(u, v, weight=g.get_edge_data(u, v, {"weight": 0.0})["weight"] + w)
        pos = nx.spring_layout(g, seed=SEED, iterations=80, weight="weight")
        xy = {k: (float(p[0]), float(p[1])) for k, p in pos.items()}
    else:
        xy = _sampled_layout(nodes, edges)
    # Spread so that nodes sit roughly 80 px apart, whatever their number.
    radius = 60.0 * math.sqrt(n) + 60.0
    xs = [p[0] for p in xy.values()]
    ys = [p[1] for p in xy.values()]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    half = max(max(xs) - min(xs), max(ys) - min(ys)) / 2 or 1.0
    return {k: (int(round((x - cx) / half * radius)), int(round((y - cy) / half * radius))) for k, (x, y) in xy.items()}


def _sampled_layout(nodes: list[str], edges: list[tuple[str, str, float]], iterations: int = 100,
                    samples: int = 24, near: int = 12) -> dict[str, tuple[float, float]]:
    """Fruchterman-Reingold in O(n) per step, numpy only, seeded: about a second for 5,000 nodes.

    Repulsion has two parts: near field, exact between nodes sharing a cell of a grid that is
    shifted at random each step (up to ``near`` cell-mates each); far field, from a random sample
    of ``samples`` other nodes, scaled up to stand for all of them.
    """
    import numpy as np

    n = len(nodes)
    index = {k: i for i, k in enumerate(nodes)}
    pairs = [(index[u], index[v], w) for u, v, w in edges if u != v and u in index and v in index]
    ei = np.array([p[0] for p in pairs], dtype=np.int64)
    ej = np.array([p[1] for p in pairs], dtype=np.int64)
    ew = np.array([p[2] for p in pairs], dtype=np.float64)
    rng = np.random.RandomState(SEED)
    side = math.sqrt(n)  # ideal distance 1, so the drawing covers about n unit squares
    start = rng.rand(n, 2) * side
    # x and y as separate vectors, sums by bincount: several times faster than (n, 2) arrays
    # with axis sums and np.add.at, which made this the slowest step of a rebuild
    x, y = start[:, 0].copy(), start[:, 1].copy()
    m = min(samples, n - 1)
    temp = side / 10.0
    cool = (0.02 / 10.0) ** (1.0 / iterations)

    def spread(a, b, fx, fy, dx, dy) -> None:  # force (fx, fy) onto a, its opposite onto b
        dx += np.bincount(a, fx, n) - np.bincount(b, fx, n)
        dy += np.bincount(a, fy, n) - np.bincount(b, fy, n)

    for _ in range(iterations):
        idx = rng.randint(0, n, size=(n, m))
        ddx = x[:, None] - x[idx]
        ddy = y[:, None] - y[idx]
        inv = 1.0 / np.maximum(ddx * ddx + ddy * ddy, 1e-2)
        scale = (n - 1) / m
        dx = (ddx * inv).sum(axis=1) * scale
        dy = (ddy * inv).sum(axis=1) * scale
        shift = rng.rand(2) * 2.0
        key = np.floor((x + shift[0]) / 2.0).astype(np.int64) * 1_000_003 + np.floor((y + shift[1]) / 2.0).astype(np.int64)
        order = np.argsort(key, kind="stable")
        sk = key[order]
        for j in range(1, min(near, n - 1) + 1):
            same = sk[:-j] == sk[j:]
            a, b = order[:-j][same], order[j:][same]
            cx, cy = x[a] - x[b], y[a] - y[b]
            inv2 = 1.0 / np.maximum(cx * cx + cy * cy, 1e-4)
            spread(a, b, cx * inv2, cy * inv2, dx, dy)
        if len(pairs):
            cx, cy = x[ei] - x[ej], y[ei] - y[ej]
            w = np.sqrt(cx * cx + cy * cy) * ew
            spread(ej, ei, cx * w, cy * w, dx, dy)  # attraction: ei pulled toward ej
        dx -= (x - side / 2) * 0.05  # weak gravity keeps small components near the middle
        dy -= (y - side / 2) * 0.05
        length = np.sqrt(dx * dx + dy * dy) + 1e-9
        step = np.minimum(length, temp) / length
        x += dx * step
        y += dy * step
        temp *= cool
    return {k: (float(x[i]), float(y[i])) for i, k in enumerate(nodes)}


# -- data ---------------------------------------------------------------------------------------------

def _safe_url(url: Any) -> str | None:
    """Only http(s) URLs become links (no ``javascript:`` or ``data:`` from an article's metadata)."""
    if isinstance(url, str) and re.match(r"^https?://[^\s]+$", url.strip(), re.I):
        return url.strip()
    return None


def _payload(graph: nx.MultiDiGraph, corpus: Corpus, *, title: str, focus: str | None,
             depth: int | None) -> dict[str, Any]:
    entity_ids = sorted(str(n) for n, d in graph.nodes(data=True) if _is_entity(d))
    doc_ids = sorted(str(n) for n, d in graph.nodes(data=True) if not _is_entity(d))
    edges = sorted(graph.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2])))

    degree = {n: 0 for n in entity_ids}
    layout_edges: list[tuple[str, str, float]] = []
    for u, v, _k, d in edges:
        kind = d.get("kind")
        if kind == "Relation":
            if d.get("evidence_count", 1):
                degree[u] = degree.get(u, 0) + 1
                degree[v] = degree.get(v, 0) + 1
            layout_edges.append((u, v, 1.0))
        elif kind == "CO_MENTIONED":
            # weak pull so entities without stated relations sit near what they are named with
            layout_edges.append((u, v, 0.15))
    pos = _layout(entity_ids, layout_edges)

    docs_of_entity: dict[str, list[str]] = {}
    ents_of_doc: dict[str, list[str]] = {}
    for u, v, _k, d in edges:
        if d.get("kind") == "MENTIONS":
            docs_of_entity.setdefault(v, []).append(u)
            ents_of_doc.setdefault(u, []).append(v)

    nodes: list[dict[str, Any]] = []
    for n in entity_ids:
        d = graph.nodes[n]
        etype = d.get("type") if d.get("type") in ENTITY_STYLE else "Other"
        wikidata = d.get("wikidata")
        nodes.append({
            "id": n, "kind": "Entity", "type": etype, "label": str(d.get("label") or n),
            "x": pos[n][0], "y": pos[n][1], "deg": degree.get(n, 0),
            "aliases": [str(a) for a in d.get("aliases") or []],
            "wikidata": wikidata if isinstance(wikidata, str) and re.fullmatch(r"Q[0-9]+", wikidata) else None,
            "wikidata_text": str(wikidata) if wikidata else None,
            "country": d.get("country"), "role": d.get("role"), "mentions": int(d.get("mention_count") or 0),
            "docs": sorted(set(docs_of_entity.get(n, [])) | {f"doc:{x}" for x in d.get("documents") or []}),
        })
    for i, n in enumerate(doc_ids):
        d = graph.nodes[n]
        ents = sorted(set(ents_of_doc.get(n, [])))
        # documents sit at the centre of the entities they mention, fanned out a little
        pts = [pos[e] for e in ents if e in pos] or [(0, 0)]
        angle = (i * 2.399963) % (2 * math.pi)  # golden angle: distinct, stable offsets
        x = sum(p[0] for p in pts) / len(pts) + 60 * math.cos(angle)
        y = sum(p[1] for p in pts) / len(pts) + 60 * math.sin(angle)
        nodes.append({
            "id": n, "kind": "Document", "type": "Document", "label": str(d.get("title") or d.get("doc_id") or n),
            "x": int(round(x)), "y": int(round(y)), "deg": 0,
            "doc": d.get("doc_id"), "outlet": d.get("outlet"), "author": d.get("author"), "date": d.get("date"),
            "url": _safe_url(d.get("url")), "url_text": d.get("url"), "path": d.get("path"), "entities": ents,
        })

    out_edges: list[dict[str, Any]] = []
    for i, (u, v, k, d) in enumerate(edges):
        kind = d.get("kind") or "Relation"
        e: dict[str, Any] = {"id": f"e{i}", "from": str(u), "to": str(v), "key": str(k), "kind": kind,
                             "type": str(d.get("type") or k)}
        if kind == "Relation":
            evidence = d.get("evidence") or []
            positive = [x for x in evidence if not x.get("negated")]
            pos_docs = sorted({x.get("doc") for x in positive if x.get("doc") is not None}, key=str)
            hedged = bool(positive) and all(x.get("hedged") for x in positive)
            single = len(pos_docs) <= 1
            e.update({
                "status": "negated" if not positive else ("weak" if hedged or single else "firm"),
                "hedged": hedged, "single": single and bool(positive), "docs": len(pos_docs),
                "confidence": round(float(d.get("confidence") or 0.0), 3),
                "symmetric": e["type"] in SYMMETRIC_RELATIONS,
                "cameo": EVENT_CODES.get(e["type"], ("", ""))[0], "plover": EVENT_CODES.get(e["type"], ("", ""))[1],
                "evidence": [{
                    "doc": x.get("doc"), "sentence": x.get("sentence"), "trigger": x.get("trigger"),
                    "rule": x.get("rule"), "confidence": x.get("confidence"), "negated": bool(x.get("negated")),
                    "hedged": bool(x.get("hedged")), "asserted_by": x.get("asserted_by"),
                } for x in evidence],
            })
        else:
            e["count"] = int(d.get("count") or 0)
        out_edges.append(e)

    return {
        "meta": {"title": title, "focus": focus, "depth": depth, "physics": len(entity_ids) <= PHYSICS_MAX_NODES,
                 "entities": len(entity_ids), "documents": len(doc_ids),
                 "relations": sum(1 for e in out_edges if e["kind"] == "Relation")},
        "style": {"entity": ENTITY_STYLE, "relation": RELATION_COLORS,
                  "entity_types": [*ENTITY_TYPES, "Other"], "relation_types": list(RELATION_TYPES)},
        "nodes": nodes,
        "edges": out_edges,
    }


def _json_for_script(data: Any) -> str:
    """JSON that cannot end or alter the <script> block holding it (and stays valid JSON)."""
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# -- page ---------------------------------------------------------------------------------------------

def _vis_assets() -> tuple[str, str]:
    """vis-network 9.1.2 (standalone build, Apache-2.0/MIT, licence header kept) as shipped by pyvis."""
    import pyvis

    base = Path(pyvis.__file__).resolve().parent
    for sub in _VIS_DIRS:
        js, css = base / sub / "vis-network.min.js", base / sub / "vis-network.css"
        if js.is_file() and css.is_file():
            return js.read_text(encoding="utf-8"), css.read_text(encoding="utf-8")
    raise NewsgraphError(f"vis-network is missing from the pyvis package at {base} (reinstall pyvis==0.3.2)")


def _inline_safe(text: str, tag: str) -> str:
    # A literal "</script" (or "</style") inside the inlined library would end the element early.
    return re.sub(rf"</({tag})", r"<\\/\1", text, flags=re.I)


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def _render(payload: dict[str, Any], title: str) -> str:
    js, css = _vis_assets()
    vis_js = _inline_safe(js, "script")
    app_js = _APP_JS
    csp = ("default-src 'none'; script-src " + _csp_hash(vis_js) + " " + _csp_hash(app_js)
           + "; style-src 'unsafe-inline'; img-src data:; font-src data:; connect-src 'none'; base-uri 'none'; "
           "form-action 'none'")
    safe_title = _html.escape(title, quote=True)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"referrer\" content=\"no-referrer\">\n"
        f"<title>{safe_title}</title>\n"
        f"<style>\n{_inline_safe(css, 'style')}\n</style>\n<style>\n{_APP_CSS}</style>\n</head>\n<body>\n"
        + _BODY.replace("@TITLE@", safe_title)
        + f"<script id=\"ng-data\" type=\"application/json\">{_json_for_script(payload)}</script>\n"
        f"<script>{vis_js}</script>\n<script>{app_js}</script>\n</body>\n</html>\n"
    )


_APP_CSS = """\
html, body { margin: 0; height: 100%; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #222; }
#ng-app { display: grid; grid-template-columns: 230px 1fr 360px; grid-template-rows: auto 1fr; height: 100vh; }
#ng-header { grid-column: 1 / 4; display: flex; align-items: center; gap: 12px; padding: 6px 12px;
  border-bottom: 1px solid #ddd; background: #fafafa; }
#ng-header h1 { font-size: 17px; margin: 0 12px 0 0; white-space: nowrap; }
#ng-search { width: 280px; padding: 4px 6px; }
#ng-status { color: #666; font-size: 12px; }
#ng-counts { margin-left: auto; color: #666; font-size: 12px; }
#ng-side { overflow-y: auto; padding: 8px 10px; border-right: 1px solid #ddd; font-size: 13px; }
#ng-side h2, #ng-panel h2 { font-size: 13px; text-transform: uppercase; color: #555; margin: 12px 0 4px; }
#ng-side label { display: flex; align-items: center; gap: 5px; padding: 1px 0; cursor: pointer; }
#ng-side svg { flex: none; }
#ng-network { position: relative; min-width: 0; min-height: 0; }
#ng-canvas { position: absolute; inset: 0; }
#ng-panel { overflow-y: auto; padding: 8px 12px; border-left: 1px solid #ddd; background: #fcfcfc; font-size: 13px; }
#ng-panel h3 { font-size: 16px; margin: 4px 0; word-break: break-word; }
#ng-panel .ng-meta { color: #555; margin: 2px 0; word-break: break-word; }
#ng-panel blockquote { margin: 8px 0 2px; padding: 4px 8px; border-left: 3px solid #999; background: #fff;
  white-space: pre-wrap; word-break: break-word; }
#ng-panel .ng-ev { margin-bottom: 10px; }
#ng-panel .ng-src { color: #444; font-size: 12px; }
#ng-panel .ng-flag { display: inline-block; font-size: 11px; padding: 0 4px; margin-right: 4px; border-radius: 3px;
  background: #eee; }
#ng-panel .ng-flag.neg { background: #8b0000; color: #fff; }
#ng-panel .ng-flag.hedge { background: #f0c36d; }
#ng-panel ul { margin: 4px 0; padding-left: 18px; }
#ng-panel .ng-link { color: #1a5fb4; cursor: pointer; text-decoration: underline; }
#ng-tip { position: fixed; z-index: 20; max-width: 380px; pointer-events: none; display: none; background: #fffff0;
  border: 1px solid #999; border-radius: 3px; padding: 4px 6px; font-size: 12px; box-shadow: 2px 2px 6px rgba(0,0,0,.2);
  white-space: pre-wrap; word-break: break-word; }
.ng-hint { color: #777; font-size: 12px; }
"""

_BODY = """\
<div id="ng-app">
<div id="ng-header">
  <h1>@TITLE@</h1>
  <input id="ng-search" type="search" list="ng-names" placeholder="Find an entity (name or alias)" autocomplete="off">
  <datalist id="ng-names"></datalist>
  <button id="ng-go" type="button">Find</button>
  <button id="ng-fit" type="button">Fit</button>
  <span id="ng-status"></span>
  <span id="ng-counts"></span>
</div>
<div id="ng-side">
  <h2>Entity types</h2><div id="ng-entity-filters"></div>
  <h2>Relation types</h2><div id="ng-relation-filters"></div>
  <h2>Also show</h2><div id="ng-extra-filters"></div>
  <h2>Edge style</h2><div id="ng-style-legend"></div>
  <p class="ng-hint">Size = number of relations. Click a node or edge for its explanation; hover for a preview.</p>
</div>
<div id="ng-network"><div id="ng-canvas"></div></div>
<div id="ng-panel"><p class="ng-hint">Click a node or an edge to see who it is and the sentences behind it.</p></div>
</div>
<div id="ng-tip"></div>
"""

# The page script.  Data reaches the DOM only via textContent / DOM properties (never innerHTML);
# vis-network draws labels on a canvas, and its HTML "title" tooltips are not used.
_APP_JS = r"""
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("ng-data").textContent);
  var STYLE = DATA.style, META = DATA.meta;
  var byId = new Map(), edgeById = new Map();
  DATA.nodes.forEach(function (n) { byId.set(n.id, n); });
  DATA.edges.forEach(function (e) { edgeById.set(e.id, e); });

  function el(tag, props) {
    var node = document.createElement(tag);
    if (props) Object.keys(props).forEach(function (k) {
      if (k === "text") node.textContent = props[k]; else if (k === "cls") node.className = props[k];
      else node[k] = props[k];
    });
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined || c === false) continue;
      node.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
    }
    return node;
  }
  function nameOf(id) { var n = byId.get(id); return n ? n.label : String(id); }
  function truncate(s, n) { s = String(s || ""); return s.length > n ? s.slice(0, n - 1) + "\u2026" : s; }
  function entityStyle(t) { return STYLE.entity[t] || STYLE.entity.Other; }
  function relColor(t) { return STYLE.relation[t] || STYLE.relation.Other; }
  function hexA(hex, a) {
    var v = parseInt(hex.slice(1), 16);
    return "rgba(" + (v >> 16 & 255) + "," + (v >> 8 & 255) + "," + (v & 255) + "," + a + ")";
  }

  // ---- filters state ----
  var entityOn = {}, relationOn = {}, extra = { docs: false, co: false, negated: false };
  STYLE.entity_types.forEach(function (t) { entityOn[t] = true; });
  STYLE.relation_types.forEach(function (t) { relationOn[t] = true; });

  // ---- vis items ----
  function nodeItem(n) {
    var st = entityStyle(n.type), doc = n.kind === "Document";
    var size = doc ? 8 : Math.min(45, 9 + 5 * Math.sqrt(n.deg || 0));
    var focus = META.focus === n.id;
    return { id: n.id, label: truncate(n.label, doc ? 40 : 60), x: n.x, y: n.y, shape: st.shape, size: size,
      color: { background: st.color, border: focus ? "#000000" : st.color,
               highlight: { background: st.color, border: "#000000" }, hover: { background: st.color, border: "#333333" } },
      borderWidth: focus ? 4 : 1, font: { size: doc ? 12 : 16, color: doc ? "#666666" : "#222222" } };
  }
  var pairCount = {};
  function edgeItem(e) {
    var item = { id: e.id, from: e.from, to: e.to };
    var pair = e.from < e.to ? e.from + "\u0000" + e.to : e.to + "\u0000" + e.from;
    var nth = pairCount[pair] = (pairCount[pair] || 0) + 1;
    if (nth > 1) item.smooth = { enabled: true, type: nth % 2 ? "curvedCW" : "curvedCCW", roundness: 0.15 * Math.ceil((nth - 1) / 2) + 0.1 };
    if (e.kind === "Relation") {
      var c = relColor(e.type);
      item.arrows = { to: { enabled: true, scaleFactor: 0.6 }, from: { enabled: !!e.symmetric, scaleFactor: 0.6 } };
      if (e.status === "negated") {
        c = STYLE.relation.NEGATED;
        item.label = "NOT " + e.type; item.dashes = [2, 5]; item.width = 1.5;
        item.color = { color: c, highlight: c, hover: c };
      } else if (e.status === "weak") {
        item.label = e.type; item.dashes = [7, 6]; item.width = 1.2;
        item.color = { color: hexA(c, 0.45), highlight: c, hover: c };
      } else {
        item.label = e.type; item.width = Math.min(6, 1.5 + (e.docs - 1));
        item.color = { color: c, highlight: c, hover: c };
      }
      item.font = { size: 11, color: c, strokeWidth: 3, strokeColor: "#ffffff", align: "middle" };
    } else if (e.kind === "CO_MENTIONED") {
      item.dashes = [1, 4]; item.width = 1; item.color = { color: relColor("CO_MENTIONED") };
      item.arrows = { to: { enabled: false } };
    } else {
      item.width = 0.5; item.color = { color: relColor("MENTIONS") }; item.arrows = { to: { enabled: true, scaleFactor: 0.4 } };
    }
    return item;
  }
  var nodes = new vis.DataSet(DATA.nodes.map(nodeItem));
  // typed relations claim the straight slot between two nodes; co-mentions/mentions curve around them
  var edgeItems = {};
  DATA.edges.filter(function (e) { return e.kind === "Relation"; })
    .concat(DATA.edges.filter(function (e) { return e.kind !== "Relation"; }))
    .forEach(function (e) { edgeItems[e.id] = edgeItem(e); });
  var edges = new vis.DataSet(DATA.edges.map(function (e) { return edgeItems[e.id]; }));

  function nodeVisible(n) { return n.kind === "Document" ? extra.docs : !!entityOn[n.type]; }
  function edgeVisible(e) {
    var a = byId.get(e.from), b = byId.get(e.to);
    if (!a || !b || !nodeVisible(a) || !nodeVisible(b)) return false;
    if (e.kind === "Relation") return relationOn[e.type] !== false && (e.status !== "negated" || extra.negated);
    if (e.kind === "CO_MENTIONED") return extra.co;
    return extra.docs;
  }
  var nodeView = new vis.DataView(nodes, { filter: function (it) { return nodeVisible(byId.get(it.id)); } });
  var edgeView = new vis.DataView(edges, { filter: function (it) { return edgeVisible(edgeById.get(it.id)); } });

  var big = !META.physics;
  var options = {
    autoResize: true,
    layout: { improvedLayout: false, randomSeed: 1 },
    physics: big ? { enabled: false } : {
      enabled: true, solver: "barnesHut",
      barnesHut: { gravitationalConstant: -2500, centralGravity: 0.4, springLength: 120, springConstant: 0.04,
                   avoidOverlap: 0.3 },
      stabilization: { enabled: true, iterations: 150, updateInterval: 50, fit: true } },
    interaction: { hover: true, tooltipDelay: 120, hideEdgesOnDrag: big, hideEdgesOnZoom: big, multiselect: false,
                   navigationButtons: false, keyboard: false },
    nodes: { borderWidth: 1, font: { face: "system-ui, sans-serif" } },
    edges: { smooth: { enabled: false }, selectionWidth: 2, hoverWidth: 1.5 },
  };
  var container = document.getElementById("ng-canvas");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, options);
  window.newsgraph = { network: network, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView, data: DATA };

  function settle() {
    // Physics only tidies the start; afterwards nodes stay where they are (also across filtering).
    network.setOptions({ physics: { enabled: false } });
    var p = network.getPositions();
    nodes.update(Object.keys(p).map(function (id) { return { id: id, x: Math.round(p[id].x), y: Math.round(p[id].y) }; }));
    window.newsgraph.ready = true;
    document.body.setAttribute("data-ready", "1");
  }
  if (big || nodeView.length === 0) {  // nothing to stabilise
    network.once("afterDrawing", function () { window.newsgraph.ready = true; document.body.setAttribute("data-ready", "1"); });
  } else {
    network.once("stabilizationIterationsDone", settle);
  }

  function refresh() {
    if (extra.docs) placeDocuments();
    nodeView.refresh(); edgeView.refresh(); updateCounts();
  }
  function placeDocuments() {
    // put each document next to its entities where they are now (they may have moved)
    var pos = network.getPositions(), upd = [];
    DATA.nodes.forEach(function (n, i) {
      if (n.kind !== "Document") return;
      var xs = 0, ys = 0, k = 0;
      n.entities.forEach(function (id) { var p = pos[id]; if (p) { xs += p.x; ys += p.y; k++; } });
      if (!k) return;
      var a = i * 2.399963;
      upd.push({ id: n.id, x: xs / k + 60 * Math.cos(a), y: ys / k + 60 * Math.sin(a) });
    });
    nodes.update(upd);
  }
  function updateCounts() {
    document.getElementById("ng-counts").textContent = nodeView.length + " nodes, " + edgeView.length + " edges shown \u00b7 "
      + META.entities + " entities, " + META.relations + " relations, " + META.documents + " documents"
      + (META.focus ? " \u00b7 around " + nameOf(META.focus) + " (depth " + META.depth + ")" : "");
  }

  // ---- legend + filters ----
  var SVGNS = "http://www.w3.org/2000/svg";
  function shapeIcon(shape, color) {
    var s = document.createElementNS(SVGNS, "svg"); s.setAttribute("width", "16"); s.setAttribute("height", "16");
    var pts = { square: "2,2 14,2 14,14 2,14", triangle: "8,1 15,14 1,14", triangleDown: "1,2 15,2 8,15",
      diamond: "8,1 15,8 8,15 1,8", hexagon: "4,1.5 12,1.5 15.5,8 12,14.5 4,14.5 0.5,8",
      star: "8,0.5 10,6 15.5,6 11,9.5 12.8,15 8,11.6 3.2,15 5,9.5 0.5,6 6,6" }[shape];
    var p;
    if (pts) { p = document.createElementNS(SVGNS, "polygon"); p.setAttribute("points", pts); }
    else { p = document.createElementNS(SVGNS, "circle"); p.setAttribute("cx", "8"); p.setAttribute("cy", "8"); p.setAttribute("r", "6.5"); }
    p.setAttribute("fill", color); s.appendChild(p); return s;
  }
  function lineIcon(color, dash, opacity) {
    var s = document.createElementNS(SVGNS, "svg"); s.setAttribute("width", "28"); s.setAttribute("height", "10");
    var l = document.createElementNS(SVGNS, "line");
    l.setAttribute("x1", "1"); l.setAttribute("y1", "5"); l.setAttribute("x2", "27"); l.setAttribute("y2", "5");
    l.setAttribute("stroke", color); l.setAttribute("stroke-width", "2.5");
    if (dash) l.setAttribute("stroke-dasharray", dash);
    if (opacity) l.setAttribute("stroke-opacity", opacity);
    s.appendChild(l); return s;
  }
  function checkbox(group, value, checked, icon, text, onchange) {
    var box = el("input", { type: "checkbox", checked: checked });
    box.setAttribute("data-filter", group); box.setAttribute("data-value", value);
    box.addEventListener("change", function () { onchange(box.checked); refresh(); });
    return el("label", null, box, icon, text);
  }
  var typeCount = {}, relCount = {};
  DATA.nodes.forEach(function (n) { typeCount[n.type] = (typeCount[n.type] || 0) + 1; });
  DATA.edges.forEach(function (e) { if (e.kind === "Relation") relCount[e.type] = (relCount[e.type] || 0) + 1; });
  var ef = document.getElementById("ng-entity-filters");
  STYLE.entity_types.forEach(function (t) {
    if (t === "Other" && !typeCount.Other) return;
    var st = entityStyle(t);
    ef.appendChild(checkbox("entity", t, true, shapeIcon(st.shape, st.color), t + " (" + (typeCount[t] || 0) + ")",
      function (v) { entityOn[t] = v; }));
  });
  var rf = document.getElementById("ng-relation-filters");
  STYLE.relation_types.forEach(function (t) {
    rf.appendChild(checkbox("relation", t, true, lineIcon(relColor(t)), t + " (" + (relCount[t] || 0) + ")",
      function (v) { relationOn[t] = v; }));
  });
  var xf = document.getElementById("ng-extra-filters");
  xf.appendChild(checkbox("extra", "docs", false, shapeIcon("triangleDown", entityStyle("Document").color),
    "Documents (" + META.documents + ")", function (v) { extra.docs = v; }));
  xf.appendChild(checkbox("extra", "co", false, lineIcon(relColor("CO_MENTIONED"), "1,4"),
    "Co-mentions (same sentence)", function (v) { extra.co = v; }));
  xf.appendChild(checkbox("extra", "negated", false, lineIcon(STYLE.relation.NEGATED, "2,5"),
    "Denied (negated-only) claims", function (v) { extra.negated = v; }));
  var sl = document.getElementById("ng-style-legend");
  sl.appendChild(el("div", null, lineIcon("#444444"), " stated in \u2265 2 documents"));
  sl.appendChild(el("div", null, lineIcon("#444444", "7,6", "0.45"), " weak: hedged or one document"));
  sl.appendChild(el("div", null, lineIcon(STYLE.relation.NEGATED, "2,5"), " NOT: only denied"));

  // ---- explanation panel ----
  var panel = document.getElementById("ng-panel");
  function meta(label, value) {
    if (value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length)) return null;
    return el("div", { cls: "ng-meta" }, el("b", { text: label + ": " }), Array.isArray(value) ? value.join(", ") : String(value));
  }
  function nodeLink(id) {
    var a = el("span", { cls: "ng-link", text: nameOf(id) });
    a.addEventListener("click", function () { select(id); });
    return a;
  }
  function extLink(href, text) {
    var a = el("a", { href: href, text: text, target: "_blank" }); a.rel = "noopener noreferrer"; return a;
  }
  function docLine(docNodeId) {
    var d = byId.get(docNodeId);
    if (!d) return el("span", { text: String(docNodeId).replace(/^doc:/, "") });
    var bits = [d.outlet, d.author, d.date].filter(Boolean).join(", ");
    var span = el("span", null, nodeLink(docNodeId), bits ? " (" + bits + ")" : "");
    if (d.url) { span.appendChild(document.createTextNode(" ")); span.appendChild(extLink(d.url, "\u2197")); }
    return span;
  }
  function showNode(id) {
    var n = byId.get(id); if (!n) return;
    var parts = [el("h3", { text: n.label }), meta("Type", n.type), meta("Id", n.id)];
    if (n.kind === "Document") {
      parts.push(meta("Outlet", n.outlet), meta("Author", n.author), meta("Date", n.date), meta("File", n.path));
      if (n.url) parts.push(el("div", { cls: "ng-meta" }, el("b", { text: "URL: " }), extLink(n.url, n.url)));
      else parts.push(meta("URL", n.url_text));
      parts.push(el("h2", { text: "Entities mentioned (" + n.entities.length + ")" }),
        el.apply(null, ["ul", null].concat(n.entities.map(function (x) { return el("li", null, nodeLink(x)); }))));
    } else {
      parts.push(meta("Aliases", n.aliases), meta("Country", n.country), meta("Role", n.role),
        meta("Mentions", n.mentions));
      if (n.wikidata) parts.push(el("div", { cls: "ng-meta" }, el("b", { text: "Wikidata: " }),
        extLink("https://www.wikidata.org/wiki/" + n.wikidata, n.wikidata)));
      else parts.push(meta("Wikidata", n.wikidata_text));
      parts.push(el("h2", { text: "Documents (" + n.docs.length + ")" }),
        el.apply(null, ["ul", null].concat(n.docs.map(function (d) { return el("li", null, docLine(d)); }))));
      var rels = DATA.edges.filter(function (e) { return e.kind === "Relation" && (e.from === id || e.to === id); });
      parts.push(el("h2", { text: "Relations (" + rels.length + ")" }),
        el.apply(null, ["ul", null].concat(rels.map(function (e) {
          var a = el("span", { cls: "ng-link", text: (e.status === "negated" ? "NOT " : "") + e.type });
          a.addEventListener("click", function () { selectEdge(e.id); });
          return el("li", null, nameOf(e.from), " \u2192 ", a, " \u2192 ", nameOf(e.to));
        }))));
    }
    panel.replaceChildren.apply(panel, parts.filter(Boolean));
  }
  function showEdge(id) {
    var e = edgeById.get(id); if (!e) return;
    var head = el("h3", null, nodeLink(e.from), " " + (e.status === "negated" ? "NOT " : "") + e.type + " ", nodeLink(e.to));
    var parts = [head];
    if (e.kind !== "Relation") {
      parts.push(meta("Kind", e.kind), meta(e.kind === "MENTIONS" ? "Mentions" : "Sentences naming both", e.count));
      panel.replaceChildren.apply(panel, parts.filter(Boolean)); return;
    }
    var strength = e.status === "negated" ? "denied in every statement (not drawn as a relation)"
      : e.status === "weak" ? (e.hedged ? "weak: every statement is hedged" : "weak: stated in one document only")
      : "stated in " + e.docs + " documents";
    parts.push(meta("Status", strength), meta("Confidence", e.confidence),
      meta("Event codes", [e.cameo ? "CAMEO " + e.cameo : "", e.plover ? "PLOVER " + e.plover : ""].filter(Boolean)),
      el("h2", { text: "Evidence (" + e.evidence.length + ")" }));
    e.evidence.forEach(function (x) {
      var d = byId.get("doc:" + x.doc);
      var flags = el("div", null,
        x.negated ? el("span", { cls: "ng-flag neg", text: "negated" }) : null,
        x.hedged ? el("span", { cls: "ng-flag hedge", text: "hedged" }) : null,
        el("span", { cls: "ng-flag", text: "confidence " + x.confidence }));
      parts.push(el("div", { cls: "ng-ev" },
        el("blockquote", { cls: "ng-sentence", text: x.sentence || "" }),
        el("div", { cls: "ng-src" }, "\u2014 ", d ? docLine(d.id) : String(x.doc)),
        x.asserted_by ? el("div", { cls: "ng-src" }, "asserted by: ", byId.has(x.asserted_by) ? nodeLink(x.asserted_by) : String(x.asserted_by)) : null,
        el("div", { cls: "ng-src" }, "trigger \u201c" + (x.trigger || "") + "\u201d \u00b7 rule " + (x.rule || "")),
        flags));
    });
    panel.replaceChildren.apply(panel, parts.filter(Boolean));
  }
  function select(id) {
    var n = byId.get(id); if (!n) return;
    if (!nodeVisible(n)) {
      if (n.kind === "Document") extra.docs = true; else entityOn[n.type] = true;
      document.querySelectorAll("input[data-filter]").forEach(function (b) {
        var g = b.getAttribute("data-filter"), v = b.getAttribute("data-value");
        if (g === "entity") b.checked = !!entityOn[v]; if (g === "extra") b.checked = !!extra[v];
      });
      refresh();
    }
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: { duration: 300 } });
    showNode(id);
  }
  function selectEdge(id) {
    if (edgeView.get(id)) network.selectEdges([id]);
    showEdge(id);
  }
  network.on("click", function (p) {
    if (p.nodes.length) showNode(p.nodes[0]);
    else if (p.edges.length) showEdge(p.edges[0]);
  });

  // ---- hover preview ----
  var tip = document.getElementById("ng-tip");
  function showTip(text, ev) {
    tip.textContent = text; tip.style.display = "block";
    var x = ev && ev.clientX !== undefined ? ev.clientX : 0, y = ev && ev.clientY !== undefined ? ev.clientY : 0;
    tip.style.left = (x + 14) + "px"; tip.style.top = (y + 14) + "px";
  }
  function hideTip() { tip.style.display = "none"; }
  network.on("hoverNode", function (p) {
    var n = byId.get(p.node); if (!n) return;
    var lines = [n.label + " \u2014 " + n.type];
    if (n.aliases && n.aliases.length) lines.push("also: " + truncate(n.aliases.join(", "), 160));
    if (n.kind === "Document") lines.push([n.outlet, n.date].filter(Boolean).join(", "));
    else lines.push(n.docs.length + " document(s), " + n.deg + " relation(s)");
    showTip(lines.join("\n"), p.event && p.event.srcEvent);
  });
  network.on("hoverEdge", function (p) {
    var e = edgeById.get(p.edge); if (!e) return;
    var lines = [nameOf(e.from) + " " + (e.status === "negated" ? "NOT " : "") + e.type + " " + nameOf(e.to)];
    if (e.kind === "Relation") {
      lines.push(e.evidence.length + " statement(s); click for all");
      if (e.evidence.length) lines.push("\u201c" + truncate(e.evidence[0].sentence, 200) + "\u201d");
    }
    showTip(lines.join("\n"), p.event && p.event.srcEvent);
  });
  network.on("blurNode", hideTip); network.on("blurEdge", hideTip); network.on("dragStart", hideTip);
  container.addEventListener("mouseleave", hideTip);

  // ---- search ----
  var names = document.getElementById("ng-names"), seen = new Set();
  DATA.nodes.forEach(function (n) {
    if (n.kind === "Document") return;
    [n.label].concat(n.aliases || []).forEach(function (s) {
      if (seen.has(s)) return; seen.add(s); names.appendChild(el("option", { value: s }));
    });
  });
  var status = document.getElementById("ng-status");
  function find(q) {
    q = q.trim().toLowerCase(); if (!q) return [];
    var hits = [];
    DATA.nodes.forEach(function (n) {
      if (n.kind === "Document") return;
      var ns = [n.label].concat(n.aliases || []).map(function (s) { return s.toLowerCase(); });
      var rank = n.id.toLowerCase() === q || ns.indexOf(q) >= 0 ? 0
        : ns.some(function (s) { return s.indexOf(q) === 0; }) ? 1
        : ns.some(function (s) { return s.indexOf(q) >= 0; }) ? 2 : -1;
      if (rank >= 0) hits.push([rank, -n.deg, n.id]);
    });
    hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0); });
    return hits.map(function (h) { return h[2]; });
  }
  function doSearch() {
    var hits = find(document.getElementById("ng-search").value);
    if (!hits.length) { status.textContent = "no match"; return; }
    status.textContent = hits.length === 1 ? "1 match" : hits.length + " matches (showing the best)";
    select(hits[0]);
  }
  document.getElementById("ng-go").addEventListener("click", doSearch);
  document.getElementById("ng-search").addEventListener("keydown", function (ev) { if (ev.key === "Enter") doSearch(); });
  document.getElementById("ng-fit").addEventListener("click", function () { network.fit({ animation: { duration: 300 } }); });

  updateCounts();
  if (META.focus) { network.selectNodes([META.focus]); showNode(META.focus); }
})();
"""
