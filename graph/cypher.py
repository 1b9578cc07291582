"""All Cypher that newsgraph sends to a graph database, and the parameter rows built from a Corpus.

The Neo4j writer (``neo4j_store``) and the embedded FalkorDB store (``falkor``) run the same
statements from here, so both databases hold the same graph.  Rules kept by every function:

* values travel only as parameters (``$rows``); the text holds nothing but names from the fixed
  vocabularies of ``newsgraph.records`` (labels and relationship types cannot be parameters);
* every writer is ``UNWIND $rows AS row MERGE ... SET ...`` keyed on ids, so loading twice
  changes nothing and a larger build later adds only what is new;
* rows come out in a deterministic order (sorted by id).

The graph model::

    (:Entity:<Type> {id, name, type, aliases, wikidata, country, role, mention_count})
    (:Document {id, title, outlet, author, date, url, sha256})
    (:Document)-[:MENTIONS {count}]->(:Entity)
    (:Entity)-[:<RELATION_TYPE> {id, evidence_count, negated_count, confidence, asserted_by,
                                 hedged, cameo, plover, documents}]->(:Entity)
    (:Evidence {id, relation_id, relation_type, sentence, doc, start, end, trigger, rule,
                confidence, negated, hedged, asserted_by})
    (:Evidence)-[:FROM_DOCUMENT]->(:Document), -[:SUBJECT]->(:Entity), -[:OBJECT]->(:Entity),
    (:Evidence)-[:ASSERTED_BY]->(:Entity)
    (:Entity)-[:CO_MENTIONED {count}]->(:Entity)
    (:Document)-[:PUBLISHED_BY]->(:Entity:MediaOutlet), (:Document)-[:WRITTEN_BY]->(:Entity:Person)

>>> entity_statement("Group").splitlines()[1]
'MERGE (e:Entity {id: row.id})'
>>> entity_statement("Robert'); DROP")
Traceback (most recent call last):
...
ValueError: not an entity type: "Robert'); DROP"
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Iterator

from newsgraph.graph.assemble import EVENT_CODES
from newsgraph.records import ENTITY_TYPES, RELATION_TYPES, Corpus, Evidence, Relation

Row = dict[str, Any]


@dataclass(frozen=True)
class Dialect:
    """What differs between Neo4j 5 and FalkorDB for the statements newsgraph sends.

    Only schema statements differ; every writer and every query in ``queries/`` is common Cypher.
    """

    name: str
    # Neo4j: CREATE CONSTRAINT/INDEX ... IF NOT EXISTS.  FalkorDB has neither IF NOT EXISTS nor
    # CREATE CONSTRAINT in Cypher (its constraints are the GRAPH.CONSTRAINT command).
    schema_if_not_exists: bool
    cypher_constraints: bool
    # Neo4j: CREATE FULLTEXT INDEX ... ON EACH [...]; FalkorDB: CALL db.idx.fulltext.createNodeIndex.
    fulltext_procedure: bool


NEO4J = Dialect("neo4j", schema_if_not_exists=True, cypher_constraints=True, fulltext_procedure=False)
FALKORDB = Dialect("falkordb", schema_if_not_exists=False, cypher_constraints=False, fulltext_procedure=True)

# (label, property) pairs that identify a node: uniqueness constraints (Neo4j) / GRAPH.CONSTRAINT (FalkorDB).
UNIQUE_KEYS = (("Entity", "id"), ("Document", "id"), ("Evidence", "id"))
# Extra range indexes for lookups the queries make.
LOOKUP_INDEXES = (("Entity", "name"), ("Entity", "type"), ("Document", "outlet"), ("Evidence", "relation_id"))
FULLTEXT_INDEX = "entity_names"
FULLTEXT_PROPERTIES = ("name", "aliases")

# The kinds of rows a load writes, in load order (documents and entities before the edges between them).
KINDS = ("documents", "entities", "mentions", "relations", "evidence", "asserted_by", "co_mentions",
         "published_by", "written_by")


def _check(name: str, vocabulary: tuple[str, ...], what: str) -> str:
    # Labels and types are pasted into the text, so they must come from the fixed vocabulary.
    if name not in vocabulary:
        raise ValueError(f'not an {what}: "{name}"')
    return name


# --------------------------------------------------------------------------------------------- schema

def schema_statements(dialect: Dialect = NEO4J) -> list[str]:
    """Constraints and indexes, in the order to run them (each one is a separate statement)."""
    out: list[str] = []
    ine = " IF NOT EXISTS" if dialect.schema_if_not_exists else ""
    if dialect.cypher_constraints:
        for label, prop in UNIQUE_KEYS:
            out.append(f"CREATE CONSTRAINT {label.lower()}_{prop}{ine} FOR (n:{label}) REQUIRE n.{prop} IS UNIQUE")
    else:
        # FalkorDB needs a range index under a unique constraint anyway, and it speeds up MERGE.
        for label, prop in UNIQUE_KEYS:
            out.append(f"CREATE INDEX FOR (n:{label}) ON (n.{prop})")
    for label, prop in LOOKUP_INDEXES:
        if dialect.schema_if_not_exists:
            out.append(f"CREATE INDEX {label.lower()}_{prop}{ine} FOR (n:{label}) ON (n.{prop})")
        else:
            out.append(f"CREATE INDEX FOR (n:{label}) ON (n.{prop})")
    # Relationship ids: an analyst starts from a relationship id to reach its Evidence.
    for rtype in RELATION_TYPES:
        if dialect.schema_if_not_exists:
            out.append(f"CREATE INDEX rel_{rtype.lower()}_id{ine} FOR ()-[r:{rtype}]-() ON (r.id)")
        else:
            out.append(f"CREATE INDEX FOR ()-[r:{rtype}]-() ON (r.id)")
    if dialect.fulltext_procedure:
        props = ", ".join(f"'{p}'" for p in FULLTEXT_PROPERTIES)
        out.append(f"CALL db.idx.fulltext.createNodeIndex('Entity', {props})")
    else:
        props = ", ".join(f"n.{p}" for p in FULLTEXT_PROPERTIES)
        out.append(f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX}{ine} FOR (n:Entity) ON EACH [{props}]")
    return out


def falkordb_constraints() -> list[tuple[str, str]]:
    """(label, property) pairs for ``GRAPH.CONSTRAINT CREATE <graph> UNIQUE NODE <label> PROPERTIES 1 <prop>``."""
    return list(UNIQUE_KEYS)


# -------------------------------------------------------------------------------------------- writers

def entity_statement(entity_type: str, fresh: bool = False) -> str:
    """Entities of one type: the type label is text (labels can't be parameters), so one statement per type.

    The other type labels are removed so that an entity re-typed by a later build keeps one type label.
    ``fresh``: the graph was emptied before the load, so no entity has a type label to remove and
    the label goes into the MERGE pattern (FalkorDB sets a label per row three times slower).
    """
    label = _check(entity_type, ENTITY_TYPES, "entity type")
    others = ":".join(t for t in ENTITY_TYPES if t != label)
    labels = f"MERGE (e:Entity:{label} {{id: row.id}})\n" if fresh else \
        f"MERGE (e:Entity {{id: row.id}})\nREMOVE e:{others}\nSET e:{label}\n"
    return (
        "UNWIND $rows AS row\n"
        + labels +
        "SET e.name = row.name, e.type = row.type, e.aliases = row.aliases, e.wikidata = row.wikidata,\n"
        "    e.country = row.country, e.role = row.role, e.mention_count = row.mention_count"
    )


def document_statement() -> str:
    return (
        "UNWIND $rows AS row\n"
        "MERGE (d:Document {id: row.id})\n"
        "SET d.title = row.title, d.outlet = row.outlet, d.author = row.author, d.date = row.date,\n"
        "    d.url = row.url, d.sha256 = row.sha256"
    )


def mentions_statement() -> str:
    return (
        "UNWIND $rows AS row\n"
        "MATCH (d:Document {id: row.doc})\n"
        "MATCH (e:Entity {id: row.entity})\n"
        "MERGE (d)-[m:MENTIONS]->(e)\n"
        "SET m.count = row.count"
    )


def relation_statement(relation_type: str) -> str:
    """Typed relationships of one type (types can't be parameters either), keyed on the relation id."""
    rtype = _check(relation_type, RELATION_TYPES, "relation type")
    return (
        "UNWIND $rows AS row\n"
        "MATCH (a:Entity {id: row.source})\n"
        "MATCH (b:Entity {id: row.target})\n"
        f"MERGE (a)-[r:{rtype} {{id: row.id}}]->(b)\n"
        "SET r.evidence_count = row.evidence_count, r.negated_count = row.negated_count,\n"
        "    r.confidence = row.confidence, r.asserted_by = row.asserted_by, r.hedged = row.hedged,\n"
        "    r.cameo = row.cameo, r.plover = row.plover, r.documents = row.documents"
    )


def evidence_statement() -> str:
    """Evidence nodes with their document and both ends, so a relationship id reaches its sentences in one hop."""
    return (
        "UNWIND $rows AS row\n"
        "MATCH (d:Document {id: row.doc})\n"
        "MATCH (a:Entity {id: row.source})\n"
        "MATCH (b:Entity {id: row.target})\n"
        "MERGE (ev:Evidence {id: row.id})\n"
        "SET ev.relation_id = row.relation_id, ev.relation_type = row.relation_type, ev.sentence = row.sentence,\n"
        "    ev.doc = row.doc, ev.start = row.start, ev.end = row.end, ev.trigger = row.trigger,\n"
        "    ev.rule = row.rule, ev.confidence = row.confidence, ev.negated = row.negated,\n"
        "    ev.hedged = row.hedged, ev.asserted_by = row.asserted_by\n"
        "MERGE (ev)-[:FROM_DOCUMENT]->(d)\n"
        "MERGE (ev)-[:SUBJECT]->(a)\n"
        "MERGE (ev)-[:OBJECT]->(b)"
    )


def asserted_by_statement() -> str:
    return (
        "UNWIND $rows AS row\n"
        "MATCH (ev:Evidence {id: row.evidence})\n"
        "MATCH (s:Entity {id: row.entity})\n"
        "MERGE (ev)-[:ASSERTED_BY]->(s)"
    )


def co_mention_statement() -> str:
    return (
        "UNWIND $rows AS row\n"
        "MATCH (a:Entity {id: row.source})\n"
        "MATCH (b:Entity {id: row.target})\n"
        "MERGE (a)-[c:CO_MENTIONED]->(b)\n"
        "SET c.count = row.count"
    )


def _document_link_statement(rel: str, label: str) -> str:
    return (
        "UNWIND $rows AS row\n"
        "MATCH (d:Document {id: row.doc})\n"
        f"MATCH (x:Entity:{label} {{id: row.entity}})\n"
        f"MERGE (d)-[:{rel}]->(x)"
    )


def published_by_statement() -> str:
    return _document_link_statement("PUBLISHED_BY", "MediaOutlet")


def written_by_statement() -> str:
    return _document_link_statement("WRITTEN_BY", "Person")


def writer_statements() -> list[str]:
    """Every writer statement, once each (for linting and for documentation)."""
    return ([document_statement()] + [entity_statement(t, fresh) for fresh in (False, True) for t in ENTITY_TYPES]
            + [mentions_statement()]
            + [relation_statement(t) for t in RELATION_TYPES]
            + [evidence_statement(), asserted_by_statement(), co_mention_statement(),
               published_by_statement(), written_by_statement()])


def delete_all_statement() -> str:
    """Used only by tests against a scratch database (never by ``load``)."""
    return "MATCH (n) DETACH DELETE n"


def count_statements() -> dict[str, str]:
    """Statements returning one ``n``: node and relationship counts to compare two stores."""
    return {
        "nodes": "MATCH (n) RETURN count(n) AS n",
        "relationships": "MATCH ()-[r]->() RETURN count(r) AS n",
        "entities": "MATCH (n:Entity) RETURN count(n) AS n",
        "documents": "MATCH (n:Document) RETURN count(n) AS n",
        "evidence": "MATCH (n:Evidence) RETURN count(n) AS n",
    }


# ----------------------------------------------------------------------------------------------- rows

def evidence_id(relation: Relation, ev: Evidence) -> str:
    """A content-derived id, stable when a larger build adds evidence before this one."""
    key = "\x1f".join(str(x) for x in (relation.id, ev.doc, ev.start, ev.end, ev.rule, ev.trigger, ev.negated,
                                         ev.asserted_by))
    return "ev:" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


def document_rows(corpus: Corpus) -> list[Row]:
    return [{"id": d.id, "title": d.title, "outlet": d.outlet, "author": d.author, "date": d.date,
             "url": d.url, "sha256": d.sha256 or None} for d in sorted(corpus.documents, key=lambda d: d.id)]


def entity_rows(corpus: Corpus) -> dict[str, list[Row]]:
    """Rows per entity type (types outside the vocabulary are skipped: they could not get a label)."""
    out: dict[str, list[Row]] = {t: [] for t in ENTITY_TYPES}
    for e in sorted(corpus.entities, key=lambda e: e.id):
        if e.type in out:
            out[e.type].append({"id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases),
                                "wikidata": e.wikidata, "country": e.country, "role": e.role,
                                "mention_count": len(e.mentions)})
    return out


def _entity_ids(corpus: Corpus) -> set[str]:
    return {e.id for e in corpus.entities if e.type in ENTITY_TYPES}


def mention_rows(corpus: Corpus) -> list[Row]:
    return [{"doc": d, "entity": e, "count": int(n)} for (d, e), n in sorted(corpus.mentions.items())]


def relation_rows(corpus: Corpus) -> dict[str, list[Row]]:
    out: dict[str, list[Row]] = {t: [] for t in RELATION_TYPES}
    for r in sorted(corpus.relations, key=lambda r: r.id):
        if r.type not in out:
            continue
        pos = r.positive_evidence
        cameo, plover = EVENT_CODES.get(r.type, ("", ""))
        out[r.type].append({
            "id": r.id, "source": r.source, "target": r.target,
            "evidence_count": len(pos), "negated_count": len(r.evidence) - len(pos),
            "confidence": float(r.confidence), "asserted_by": r.asserted_by,
            "hedged": bool(pos) and all(e.hedged for e in pos),
            "cameo": cameo, "plover": plover,
            "documents": sorted({e.doc for e in r.evidence}),
        })
    return out


def evidence_rows(corpus: Corpus) -> list[Row]:
    rows: dict[str, Row] = {}
    for r in sorted(corpus.relations, key=lambda r: r.id):
        if r.type not in RELATION_TYPES:
            continue
        for ev in r.evidence:
            eid = evidence_id(r, ev)
            rows[eid] = {"id": eid, "relation_id": r.id, "relation_type": r.type, "source": r.source,
                         "target": r.target, "sentence": ev.sentence, "doc": ev.doc, "start": int(ev.start),
                         "end": int(ev.end), "trigger": ev.trigger, "rule": ev.rule,
                         "confidence": float(ev.confidence), "negated": bool(ev.negated),
                         "hedged": bool(ev.hedged), "asserted_by": ev.asserted_by}
    return [rows[k] for k in sorted(rows)]


def asserted_by_rows(corpus: Corpus, evidence: list[Row] | None = None) -> list[Row]:
    ids = _entity_ids(corpus)
    return [{"evidence": r["id"], "entity": r["asserted_by"]} for r in (evidence or evidence_rows(corpus))
            if r["asserted_by"] and r["asserted_by"] in ids]


def co_mention_rows(corpus: Corpus) -> list[Row]:
    return [{"source": a, "target": b, "count": int(n)} for (a, b), n in sorted(corpus.co_mentions.items())]


def _document_link_rows(corpus: Corpus, attribute: str, entity_type: str) -> list[Row]:
    # A document's outlet/author string matches an entity by name or alias, case-insensitively.
    names: dict[str, str] = {}
    for e in sorted(corpus.entities, key=lambda e: e.id):
        if e.type != entity_type:
            continue
        for n in [e.name, *e.aliases]:
            names.setdefault(n.strip().casefold(), e.id)
    rows = []
    for d in sorted(corpus.documents, key=lambda d: d.id):
        value = getattr(d, attribute)
        if value and value.strip().casefold() in names:
            rows.append({"doc": d.id, "entity": names[value.strip().casefold()]})
    return rows


def published_by_rows(corpus: Corpus) -> list[Row]:
    return _document_link_rows(corpus, "outlet", "MediaOutlet")


def written_by_rows(corpus: Corpus) -> list[Row]:
    return _document_link_rows(corpus, "author", "Person")


@dataclass(frozen=True)
class Step:
    """One writer statement with its rows; ``kind`` is one of ``KINDS`` (for stats and progress)."""

    kind: str
    statement: str
    rows: list[Row]


def load_plan(corpus: Corpus, *, co_mentions: bool = True, fresh: bool = False) -> list[Step]:
    """The writer statements and rows of a whole corpus, in load order; empty steps left out.
    ``fresh``: into a graph emptied just before (see ``entity_statement``)."""
    steps = [Step("documents", document_statement(), document_rows(corpus))]
    steps += [Step("entities", entity_statement(t, fresh), rows) for t, rows in entity_rows(corpus).items()]
    steps.append(Step("mentions", mentions_statement(), mention_rows(corpus)))
    steps += [Step("relations", relation_statement(t), rows) for t, rows in relation_rows(corpus).items()]
    evidence = evidence_rows(corpus)
    steps.append(Step("evidence", evidence_statement(), evidence))
    steps.append(Step("asserted_by", asserted_by_statement(), asserted_by_rows(corpus, evidence)))
    if co_mentions:
        steps.append(Step("co_mentions", co_mention_statement(), co_mention_rows(corpus)))
    steps.append(Step("published_by", published_by_statement(), published_by_rows(corpus)))
    steps.append(Step("written_by", written_by_statement(), written_by_rows(corpus)))
    return [s for s in steps if s.rows]


def batches(rows: list[Row], size: int) -> Iterator[list[Row]]:
    if size < 1:
        raise ValueError("batch size must be at least 1")
    for i in range(0, len(rows), size):
        yield rows[i:i + size]
