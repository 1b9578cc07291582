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


def write_graphml(graph: nx.MultiDiGraph, path: str | os.PathLike[str]) -> Path:
    """GraphML with list-valued attributes stored as JSON strings (GraphML has no lists)."""
    h = nx.MultiDiGraph(name=graph.graph.get("name", "newsgraph"))
    for n, data in graph.nodes(data=True):
        h.add_node(n, **{k: _graphml_safe(v) for k, v in data.items()})
    for u, v, k, data in graph.edges(keys=True, data=True):
        h.add_edge(u, v, key=k, **{kk: _graphml_safe(vv) for kk, vv in data.items()})
    with atomic_path(path) as tmp:
        nx.write_graphml(h, tmp, encoding="utf-8", prettyprint=True, named_key_ids=True)
    return Path(path)
