r"""Offline exports for Neo4j: CSV files for ``neo4j-admin database import full`` and a ``cypher-shell -f`` script.

``write_neo4j_csv`` writes one CSV per node kind and per relationship kind with neo4j-admin
headers (``id:ID(Entity)``, ``:LABEL``, ``:START_ID(Entity)``, ``:TYPE``, ``aliases:string[]`` with
``;`` as array delimiter) plus ``import.sh`` and ``IMPORT.txt`` giving the exact command.

``write_cypher_script`` writes the schema statements and the same MERGE writers that ``load_neo4j``
sends, with the rows inlined as Cypher literals (a script has no parameters).  Strings are escaped
for Cypher string literals (``cypher_string``), so no value can end a literal or a statement.

>>> print(cypher_string("it's\n;"))
'it\'s\n\u003B'
"""
from __future__ import annotations

import csv
import math
import os
import re
import stat
from pathlib import Path
from typing import Any, Iterable

from newsgraph.graph import cypher
from newsgraph.graph.files import atomic_path, atomic_write
from newsgraph.records import Corpus

ARRAY_DELIMITER = ";"
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
SCRIPT_BATCH = 500

# name, header, row-key per column (None = a constant given by the writer)
NODE_FILES = {
    "entities.csv": ["id:ID(Entity)", ":LABEL", "name", "type", "aliases:string[]", "wikidata", "country", "role",
                     "mention_count:int"],
    "documents.csv": ["id:ID(Document)", ":LABEL", "title", "outlet", "author", "date", "url", "sha256"],
    "evidence.csv": ["id:ID(Evidence)", ":LABEL", "relation_id", "relation_type", "sentence", "doc", "start:int",
                     "end:int", "trigger", "rule", "confidence:float", "negated:boolean", "hedged:boolean",
                     "asserted_by"],
}
RELATIONSHIP_FILES = {
    "relations.csv": [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE", "id", "evidence_count:int",
                      "negated_count:int", "confidence:float", "asserted_by:string[]", "hedged:boolean", "cameo",
                      "plover", "documents:string[]"],
    "mentions.csv": [":START_ID(Document)", ":END_ID(Entity)", ":TYPE", "count:int"],
    "document_links.csv": [":START_ID(Document)", ":END_ID(Entity)", ":TYPE"],
    "evidence_documents.csv": [":START_ID(Evidence)", ":END_ID(Document)", ":TYPE"],
    "evidence_entities.csv": [":START_ID(Evidence)", ":END_ID(Entity)", ":TYPE"],
    "co_mentions.csv": [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE", "count:int"],
}


def _array(values: Iterable[str]) -> str:
    # neo4j-admin has no escape for the array delimiter inside an element.
    return ARRAY_DELIMITER.join(str(v).replace(ARRAY_DELIMITER, ",") for v in values)


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)  # not encodable in UTF-8
    return value


def import_command(database: str = "neo4j") -> list[str]:
    """The neo4j-admin arguments (paths relative to the export folder)."""
    args = ["neo4j-admin", "database", "import", "full"]
    args += [f"--nodes={name}" for name in NODE_FILES]
    args += [f"--relationships={name}" for name in RELATIONSHIP_FILES]
    args += [f"--array-delimiter={ARRAY_DELIMITER}", "--multiline-fields=true", "--overwrite-destination=true",
             database]
    return args


def write_neo4j_csv(corpus: Corpus, folder: str | os.PathLike[str]) -> Path:
    """Node and relationship CSVs for ``neo4j-admin database import full``, plus import.sh / IMPORT.txt."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    ents = [r for rows in cypher.entity_rows(corpus).values() for r in rows]
    ents.sort(key=lambda r: r["id"])
    rels = [r | {"type": t} for t, rows in cypher.relation_rows(corpus).items() for r in rows]
    rels.sort(key=lambda r: r["id"])
    evidence = cypher.evidence_rows(corpus)
    rows: dict[str, list[list[Any]]] = {
        "entities.csv": [[e["id"], f"Entity;{e['type']}", e["name"], e["type"], _array(e["aliases"]), e["wikidata"],
                          e["country"], e["role"], e["mention_count"]] for e in ents],
        "documents.csv": [[d["id"], "Document", d["title"], d["outlet"], d["author"], d["date"], d["url"],
                           d["sha256"]] for d in cypher.document_rows(corpus)],
        "evidence.csv": [[v["id"], "Evidence", v["relation_id"], v["relation_type"], v["sentence"], v["doc"],
                          v["start"], v["end"], v["trigger"], v["rule"], v["confidence"], v["negated"], v["hedged"],
                          v["asserted_by"]] for v in evidence],
        "relations.csv": [[r["source"], r["target"], r["type"], r["id"], r["evidence_count"], r["negated_count"],
                           r["confidence"], _array(r["asserted_by"]), r["hedged"], r["cameo"], r["plover"],
                           _array(r["documents"])] for r in rels],
        "mentions.csv": [[m["doc"], m["entity"], "MENTIONS", m["count"]] for m in cypher.mention_rows(corpus)],
        "document_links.csv": ([[p["doc"], p["entity"], "PUBLISHED_BY"] for p in cypher.published_by_rows(corpus)]
                               + [[p["doc"], p["entity"], "WRITTEN_BY"] for p in cypher.written_by_rows(corpus)]),
        "evidence_documents.csv": [[v["id"], v["doc"], "FROM_DOCUMENT"] for v in evidence],
        "evidence_entities.csv": ([[v["id"], v["source"], "SUBJECT"] for v in evidence]
                                  + [[v["id"], v["target"], "OBJECT"] for v in evidence]
                                  + [[a["evidence"], a["entity"], "ASSERTED_BY"]
                                     for a in cypher.asserted_by_rows(corpus)]),
        "co_mentions.csv": [[c["source"], c["target"], "CO_MENTIONED", c["count"]]
                            for c in cypher.co_mention_rows(corpus)],
    }
    headers = NODE_FILES | RELATIONSHIP_FILES
    for name, header in headers.items():
        with atomic_write(out / name) as f:
            w = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
            w.writerow(header)
            for row in rows[name]:
                w.writerow([_cell(v) for v in row])
    command = import_command()
    script = ("#!/bin/sh\n"
              "# Import this folder into an EMPTY, STOPPED Neo4j 5 database (default name: neo4j).\n"
              "# Usage: sh import.sh [database]    (run where neo4j-admin is on PATH, as the neo4j user)\n"
              "set -eu\n"
              'cd "$(dirname "$0")"\n'
              + " ".join(command[:-1]) + ' "${1:-neo4j}"\n')
    with atomic_path(out / "import.sh") as tmp:
        tmp.write_text(script, encoding="utf-8")
    os.chmod(out / "import.sh", 0o755 | stat.S_IRUSR)
    with atomic_write(out / "IMPORT.txt") as f:
        f.write("newsgraph export for neo4j-admin (Neo4j 5).\n\n"
                "Stop the database, then run from this folder:\n\n    " + " ".join(command) + "\n\n"
                "(or: sh import.sh [database]).  Then start it and create the indexes:\n"
                "    cypher-shell -f schema.cypher\n\n"
                "Lists use ';' between elements.  Sentences may span lines (--multiline-fields=true).\n")
    with atomic_write(out / "schema.cypher") as f:
        for statement in cypher.schema_statements(cypher.NEO4J):
            f.write(statement + ";\n")
    return out


# --------------------------------------------------------------------------------- cypher-shell script

def cypher_string(value: str) -> str:
    """A Cypher string literal for any Python string: the result cannot end the literal or the statement.

    Backslash, quotes, control characters, line and paragraph separators are escaped; ``;`` too,
    so that no statement splitter can ever cut inside a value.  Lone surrogates become U+FFFD.
    """
    out = ["'"]
    for ch in value:
        o = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == "'":
            out.append("\\'")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif ch == ";" or o < 0x20 or o == 0x7F or 0x80 <= o < 0xA0 or o in (0x2028, 0x2029, 0xFEFF):
            out.append(f"\\u{o:04X}")
        elif 0xD800 <= o <= 0xDFFF:
            out.append("\\uFFFD")
        else:
            out.append(ch)
    out.append("'")
    return "".join(out)


def cypher_literal(value: Any) -> str:
    """A Cypher literal for a JSON-like value (None, bool, int, float, str, list, dict with identifier keys)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return "null"
        return repr(value)
    if isinstance(value, str):
        return cypher_string(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        parts = []
        for k, v in value.items():
            key = str(k)
            if not key.isidentifier() or not key.isascii():
                key = "`" + key.replace("`", "``") + "`"
            parts.append(f"{key}: {cypher_literal(v)}")
        return "{" + ", ".join(parts) + "}"
    raise TypeError(f"no Cypher literal for {type(value).__name__}")


def cypher_script_statements(corpus: Corpus, batch_size: int = SCRIPT_BATCH) -> list[str]:
    """Schema statements, then each writer statement with ``$rows`` replaced by a literal list of rows."""
    statements = list(cypher.schema_statements(cypher.NEO4J))
    for step in cypher.load_plan(corpus):
        head, sep, rest = step.statement.partition("UNWIND $rows AS row")
        assert sep and not head, "every writer starts with UNWIND $rows AS row"
        for batch in cypher.batches(step.rows, batch_size):
            statements.append("UNWIND " + cypher_literal(batch) + " AS row" + rest)
    return statements


def write_cypher_script(corpus: Corpus, path: str | os.PathLike[str], batch_size: int = SCRIPT_BATCH) -> Path:
    """A ``cypher-shell -f`` script that loads the corpus (idempotent, like ``newsgraph load``)."""
    with atomic_write(path) as f:
        f.write("// newsgraph graph for Neo4j 5: cypher-shell -a bolt://HOST:7687 -u neo4j -f THIS_FILE\n"
                "// Idempotent: statements MERGE on ids, so running it twice changes nothing.\n")
        for statement in cypher_script_statements(corpus, batch_size):
            f.write(statement + ";\n")
    return Path(path)
