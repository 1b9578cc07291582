"""Records → one networkx MultiDiGraph, the in-memory graph every export starts from.

Nodes: entities (``kind="Entity"``, keyed by entity id) and documents (``kind="Document"``,
keyed ``doc:<id>``).  Edges: one typed edge per relation (key = relation type) carrying its
evidence summary, ``MENTIONS`` from document to entity with a count, and optionally
``CO_MENTIONED`` (same sentence, weak, kept apart from the typed relations).

>>> from newsgraph.records import Corpus, Entity, Relation, Evidence
>>> ev = Evidence("d", "A backs B.", 0, 10, "backs", "verb:back", 0.9)
>>> c = Corpus([], [Entity("a", "A", "State"), Entity("b", "B", "Group")], [Relation("a--SUPPORTS--b", "a", "b", "SUPPORTS", [ev])])
>>> g = to_networkx(c)
>>> g.edges["a", "b", "SUPPORTS"]["evidence_count"]
1
"""
from __future__ import annotations

import json
import os
import re
from xml.sax.saxutils import escape
from pathlib import Path

import networkx as nx

from newsgraph.graph.files import atomic_path
from newsgraph.records import Corpus

# CAMEO / PLOVER counterparts of each relation type, for event-data users to join on.
EVENT_CODES = {
    "SUPPORTS": ("07", "AID"),
    "FIGHTS": ("19", "FIGHT"),
    "COOPERATES_WITH": ("06", "COOPERATE"),
    "PART_OF": ("", "ALLIANCE"),
    "FORMERLY_KNOWN_AS": ("", ""),
    "CONTROLS": ("", "SEIZE"),
    "LOCATED_IN": ("", ""),
    "OPERATES_IN": ("", "MOBILIZE"),
    "ACCUSES": ("112", "ACCUSE"),
    "THREATENS": ("13", "THREATEN"),
    "REPORTS_ON": ("", ""),
}


def doc_node(doc_id: str) -> str:
    return f"doc:{doc_id}"


def to_networkx(corpus: Corpus, *, co_mentions: bool = True) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph(name="newsgraph")
    docs_of: dict[str, set[str]] = {}
    for e in corpus.entities:
        docs = sorted({m.doc for m in e.mentions})
        docs_of[e.id] = set(docs)
        g.add_node(e.id, kind="Entity", label=e.name, type=e.type, aliases=list(e.aliases),
                   wikidata=e.wikidata, country=e.country, role=e.role,
                   mention_count=len(e.mentions), documents=docs)
    for d in corpus.documents:
        g.add_node(doc_node(d.id), kind="Document", label=d.title or d.id, doc_id=d.id, title=d.title,
                   outlet=d.outlet, author=d.author, date=d.date, url=d.url, path=d.path, sha256=d.sha256)
    for r in corpus.relations:
        pos = r.positive_evidence
        cameo, plover = EVENT_CODES.get(r.type, ("", ""))
        g.add_edge(r.source, r.target, key=r.type, kind="Relation", type=r.type, id=r.id,
                   evidence_count=len(pos), negated_count=len(r.evidence) - len(pos),
                   confidence=r.confidence, asserted_by=r.asserted_by,
                   hedged=bool(pos) and all(e.hedged for e in pos),
                   documents=sorted({e.doc for e in r.evidence}),
                   cameo=cameo, plover=plover,
                   evidence=[e.to_dict() for e in r.evidence])
    for (doc_id, ent_id), count in sorted(corpus.mentions.items()):
        if g.has_node(ent_id) and g.has_node(doc_node(doc_id)):
            g.add_edge(doc_node(doc_id), ent_id, key="MENTIONS", kind="MENTIONS", type="MENTIONS", count=count)
    if co_mentions:
        for (a, b), count in sorted(corpus.co_mentions.items()):
            g.add_edge(a, b, key="CO_MENTIONED", kind="CO_MENTIONED", type="CO_MENTIONED", count=count)
    return g


def _graphml_safe(value):
    if isinstance(value, (list, dict, tuple)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if value is None:
        return ""
    return value


# GraphML attribute types by Python type (exact type: bool is not a long here).
_GRAPHML_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}
# Characters XML 1.0 cannot carry at all (article text may hold control characters).
_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

_XML_REFS = {'"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#9;"}


# anything _xml changes: most values have none of it, and one search is cheaper than the rewrites
_XML_SPECIAL = re.compile("[&<>\"\t\n\r]|" + _XML_INVALID.pattern)


def _xml(value: str) -> str:
    # character references: XML parsers would turn a raw CR into LF, and tabs and newlines in
    # attributes into spaces
    if _XML_SPECIAL.search(value) is None:
        return value
    return escape(_XML_INVALID.sub("\ufffd", value), _XML_REFS)


def _graphml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return _xml(str(value))


def write_graphml(graph: nx.MultiDiGraph, path: str | os.PathLike[str]) -> Path:
    """GraphML 1.0 with list-valued attributes stored as JSON strings (GraphML has no lists).

    Written as text in one pass: networkx's ElementTree writer was the slowest part of an
    incremental rebuild.  ``networkx.read_graphml`` reads it back (edge ids are the keys), and
    key ids are unique per domain (``node.label``, ``edge.type``), as the schema requires.

    >>> import tempfile, pathlib
    >>> g = nx.MultiDiGraph(name="t"); g.add_node("a", label="A & B"); _ = g.add_edge("a", "a", key="X", n=1)
    >>> p = write_graphml(g, pathlib.Path(tempfile.mkdtemp()) / "g.graphml")
    >>> h = nx.read_graphml(p, force_multigraph=True); (h.nodes["a"]["label"], h.edges["a", "a", "X"]["n"])
    ('A & B', 1)
    """
    nodes = [(n, {k: _graphml_safe(v) for k, v in data.items()}) for n, data in graph.nodes(data=True)]
    edges = [(u, v, k, {kk: _graphml_safe(vv) for kk, vv in data.items()})
             for u, v, k, data in graph.edges(keys=True, data=True)]
    graph_data = {k: _graphml_safe(v) for k, v in graph.graph.items()}
    types: dict[tuple[str, str], str] = {}
    for domain, rows in (("graph", [graph_data]), ("node", [d for _, d in nodes]), ("edge", [e[3] for e in edges])):
        for data in rows:
            for k, v in data.items():
                t = _GRAPHML_TYPES.get(type(v), "string")
                if types.setdefault((domain, k), t) != t:
                    types[(domain, k)] = "string"  # mixed types: text is the common ground
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as f:
        w = f.write
        w("<?xml version='1.0' encoding='utf-8'?>\n"
          '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
          'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
          'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
          'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
        key_ids = {dk: _xml(dk[0] + "." + dk[1]) for dk in types}
        for (domain, k), t in sorted(types.items()):
            w(f'  <key id="{key_ids[domain, k]}" for="{domain}" attr.name="{_xml(k)}" attr.type="{t}" />\n')
        w('  <graph edgedefault="directed">\n')

        def data_lines(domain: str, data: dict, indent: str) -> None:
            for k, v in data.items():
                w(f'{indent}<data key="{key_ids[domain, k]}">{_graphml_value(v)}</data>\n')

        data_lines("graph", graph_data, "    ")
        for n, data in nodes:
            w(f'    <node id="{_xml(str(n))}">\n')
            data_lines("node", data, "      ")
            w("    </node>\n")
        for u, v, k, data in edges:
            w(f'    <edge source="{_xml(str(u))}" target="{_xml(str(v))}" id="{_xml(str(k))}">\n')
            data_lines("edge", data, "      ")
            w("    </edge>\n")
        w("  </graph>\n</graphml>\n")
    return Path(path)
