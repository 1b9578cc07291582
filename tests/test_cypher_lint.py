"""Every statement newsgraph can send to Neo4j passes Neo4j's own parser and semantic analysis.

The linter is ``lintCypherQuery`` from the npm package ``@neo4j-cypher/language-support``
(``tests/cypher-lint/``; ``npm ci`` there installs it).  It is given newsgraph's labels,
relationship types and property keys plus Neo4j 5's functions and procedures, so a typo in any of
them is a diagnostic too.  Checked: schema statements, every writer statement, every
``queries/*.cypher`` file, and the ``cypher-shell`` script (with hostile strings in it).
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from newsgraph.graph import cypher
from newsgraph.graph.neo4j_export import cypher_script_statements, cypher_string, write_cypher_script, write_neo4j_csv
from newsgraph.graph.querying import available_queries
from newsgraph.records import ENTITY_TYPES, RELATION_TYPES, Corpus, Document, Entity, Evidence, Mention, Relation

from test_falkor import manual_seed_corpus

LINT_DIR = Path(__file__).resolve().parent / "cypher-lint"
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed (needed for Neo4j's Cypher linter)")

HOSTILE = [
    "it's", 'say "hi"', "back\\slash", "\\'", "'; MATCH (n) DETACH DELETE n //", "line\nbreak\r\n",
    "tab\tand\x00nul\x1b", "ünïcödé ☃ 😀 עברית", "\u2028sep\u2029", "$rows", "{x: 1}", "`tick`", "/* c */ -- //",
    "\\u0041", "", "\ud800lone",
]


def _lint_schema() -> dict:
    # Property keys: every row key (the writers SET properties of the same names) and count's n.
    props = {"n"}
    for step in cypher.load_plan(_hostile_corpus()):
        for row in step.rows:
            props |= set(row)
    return {
        "labels": ["Entity", "Document", "Evidence", *ENTITY_TYPES],
        "relationshipTypes": [*RELATION_TYPES, "MENTIONS", "FROM_DOCUMENT", "SUBJECT", "OBJECT", "ASSERTED_BY",
                              "CO_MENTIONED", "PUBLISHED_BY", "WRITTEN_BY"],
        "propertyKeys": sorted(props),
    }


def _hostile_corpus() -> Corpus:
    ents = [Entity(f"e{i}", v or "x", ENTITY_TYPES[i % len(ENTITY_TYPES)], [v, v + "'"], wikidata=v or None,
                   country=v, role=v, mentions=[Mention("d'1", 0, 1, v)]) for i, v in enumerate(HOSTILE)]
    evs = [Evidence("d'1", v, 0, 1, v, v, 0.5, negated=i % 2 == 0, hedged=i % 3 == 0, asserted_by="e1")
           for i, v in enumerate(HOSTILE)]
    rels = [Relation(f"e{i}--{t}--e{i + 1}", f"e{i}", f"e{i + 1}", t, evs[i:i + 2])
            for i, t in enumerate(RELATION_TYPES)]
    docs = [Document("d'1", "p", "", "sha", title=HOSTILE[4], outlet=HOSTILE[1], author=HOSTILE[0], date="2018-08-01",
                     url="https://example.org/?q='x'")]
    return Corpus(docs, ents, rels, {("d'1", "e0"): 2}, {("e0", "e1"): 3})


def lint(statements: dict[str, str]) -> dict[str, list[dict]]:
    if not (LINT_DIR / "node_modules" / "@neo4j-cypher" / "language-support").is_dir():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=LINT_DIR, check=True, capture_output=True,
                       timeout=300)
    schema = _lint_schema()
    # Parameters are supplied at run time; declare the ones used so they are not "undefined".
    schema["parameters"] = {p: "" for text in statements.values() for p in re.findall(r"\$(\w+)", text)}
    payload = {"schema": schema, "statements": [{"name": k, "text": v} for k, v in statements.items()]}
    out = subprocess.run([NODE, "lint.mjs"], cwd=LINT_DIR, input=json.dumps(payload), capture_output=True,
                         text=True, timeout=300, check=True)
    return {r["name"]: r["diagnostics"] for r in json.loads(out.stdout)}


_CACHE: dict[str, list[dict]] = {}


def _all_statements(tmp: Path) -> dict[str, str]:
    out = {f"schema{i}": s for i, s in enumerate(cypher.schema_statements(cypher.NEO4J))}
    writers = cypher.writer_statements() + list(cypher.count_statements().values()) + [cypher.delete_all_statement()]
    out |= {f"writer{i}": s for i, s in enumerate(writers)}
    out |= {f"queries/{k}.cypher": v for k, v in available_queries().items()}
    out |= {f"script{i}": s for i, s in enumerate(cypher_script_statements(_hostile_corpus(), batch_size=3))}
    out |= {f"seed{i}": s for i, s in enumerate(cypher_script_statements(manual_seed_corpus()))}
    out |= {f"lit{i}": f"RETURN {cypher_string(v)} AS v" for i, v in enumerate(HOSTILE)}
    folder = write_neo4j_csv(_hostile_corpus(), tmp / "csv")
    schema = [x for x in (folder / "schema.cypher").read_text().split(";\n") if x.strip()]
    out |= {f"csvschema{i}": x for i, x in enumerate(schema)}
    return out


@pytest.fixture(scope="module", autouse=True)
def _lint_everything_once(tmp_path_factory):
    """Starting node and the linter costs seconds, so every statement is linted in one run."""
    _CACHE.update(lint(_all_statements(tmp_path_factory.mktemp("lint"))))
    yield
    _CACHE.clear()


def assert_clean(statements: dict[str, str]) -> None:
    assert statements
    missing = {k: v for k, v in statements.items() if k not in _CACHE}
    results = {k: _CACHE[k] for k in statements if k in _CACHE} | (lint(missing) if missing else {})
    dirty = {name: diags for name, diags in results.items() if diags}
    assert not dirty, json.dumps(dirty, indent=1, ensure_ascii=False)[:4000]


def test_linter_catches_mistakes():
    """The linter is live: a syntax error, an unknown function and a misspelt label are reported."""
    results = lint({"syntax": "MATCH (n:Entity RETURN n", "function": "RETURN toLowerr('a') AS x",
                    "label": "MATCH (n:Entiti) RETURN n.name AS name", "ok": "MATCH (n:Entity) RETURN n.name AS name"})
    assert results["syntax"] and results["function"] and results["label"] and not results["ok"]


def test_schema_statements():
    assert_clean({f"schema{i}": s for i, s in enumerate(cypher.schema_statements(cypher.NEO4J))})


def test_writer_statements():
    statements = cypher.writer_statements() + list(cypher.count_statements().values()) + [cypher.delete_all_statement()]
    assert len(statements) == len(set(statements))
    assert_clean({f"writer{i}": s for i, s in enumerate(statements)})


def test_writers_hold_no_values():
    """Values only as parameters: the text of every writer is the same whatever the corpus."""
    steps = cypher.load_plan(_hostile_corpus())
    assert {s.kind for s in steps} >= {"documents", "entities", "relations", "evidence", "mentions"}
    for step in steps:
        assert step.statement in cypher.writer_statements()
        assert step.statement.startswith("UNWIND $rows AS row\n")


def test_shipped_queries():
    queries = available_queries()
    assert len(queries) >= 15
    assert_clean({f"queries/{k}.cypher": v for k, v in queries.items()})


def test_cypher_shell_script_with_hostile_strings(tmp_path):
    statements = cypher_script_statements(_hostile_corpus(), batch_size=3)
    assert_clean({f"script{i}": s for i, s in enumerate(statements)})
    path = write_cypher_script(_hostile_corpus(), tmp_path / "load.cypher", batch_size=3)
    text = path.read_text(encoding="utf-8")
    body = "".join(line + "\n" for line in text.splitlines() if not line.startswith("//"))
    assert body == "".join(s + ";\n" for s in statements)
    # No value can end a statement early: a ';' only ever ends a statement.
    assert all(";" not in s for s in statements)
    assert text.count(";\n") == len(statements)


def test_cypher_shell_script_of_seed_corpus():
    statements = cypher_script_statements(manual_seed_corpus())
    assert_clean({f"seed{i}": s for i, s in enumerate(statements)})


def test_string_literals_round_trip():
    """Each literal is exactly one Cypher string token whose value is the original (checked with
    the linter's parser by returning it; an unterminated literal would be a syntax error)."""
    statements = {f"lit{i}": f"RETURN {cypher_string(v)} AS v" for i, v in enumerate(HOSTILE)}
    assert_clean(statements)
    for v in HOSTILE:
        lit = cypher_string(v)
        assert lit.startswith("'") and lit.endswith("'")
        assert "\n" not in lit and "\r" not in lit and ";" not in lit
        decoded = _decode_cypher_string(lit)
        assert decoded == v.replace("\ud800", "\ufffd")


def _decode_cypher_string(lit: str) -> str:
    """Cypher string-literal decoding (escapes per the Neo4j Cypher manual)."""
    body, out, i = lit[1:-1], [], 0
    simple = {"\\": "\\", "'": "'", '"': '"', "n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f"}
    while i < len(body):
        ch = body[i]
        if ch == "'":
            raise AssertionError(f"unescaped quote in {lit!r}")
        if ch != "\\":
            out.append(ch)
            i += 1
            continue
        nxt = body[i + 1]
        if nxt in simple:
            out.append(simple[nxt])
            i += 2
        elif nxt == "u":
            out.append(chr(int(body[i + 2:i + 6], 16)))
            i += 6
        else:
            raise AssertionError(f"unknown escape \\{nxt} in {lit!r}")
    return "".join(out)


def test_neo4j_csv_export(tmp_path):
    import csv

    folder = write_neo4j_csv(_hostile_corpus(), tmp_path / "import")
    names = {p.name for p in folder.iterdir()}
    assert {"entities.csv", "documents.csv", "evidence.csv", "relations.csv", "mentions.csv", "import.sh",
            "IMPORT.txt", "schema.cypher"} <= names
    with open(folder / "entities.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0][:5] == ["id:ID(Entity)", ":LABEL", "name", "type", "aliases:string[]"]
    assert len(rows) == len(HOSTILE) + 1
    assert rows[1][1] == "Entity;" + ENTITY_TYPES[0]
    with open(folder / "relations.csv", newline="", encoding="utf-8") as f:
        rel = list(csv.reader(f))
    assert rel[0][:3] == [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE"] and len(rel) == len(RELATION_TYPES) + 1
    with open(folder / "evidence.csv", newline="", encoding="utf-8") as f:
        ev = list(csv.DictReader(f))
    assert {r["sentence"] for r in ev} >= {HOSTILE[5], HOSTILE[7]}  # newlines and unicode survive quoting
    command = (folder / "IMPORT.txt").read_text()
    assert "neo4j-admin database import full" in command and "--array-delimiter=;" in command
    assert "--nodes=entities.csv" in (folder / "import.sh").read_text()
    schema = [x for x in (folder / "schema.cypher").read_text().split(";\n") if x.strip()]
    assert_clean({f"csvschema{i}": x for i, x in enumerate(schema)})
