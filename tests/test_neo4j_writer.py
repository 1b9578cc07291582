"""The Neo4j writer end to end through the official ``neo4j`` driver over Bolt.

Without a Neo4j server here, the target is FalkorDB's Bolt endpoint (it reports itself as Neo4j
5.13 and serves the graph named ``falkordb``), started on a free localhost port per test.  With
``NEO4J_URI`` (and NEO4J_USERNAME / NEO4J_PASSWORD / NEO4J_DATABASE) set, the same tests run against
that Neo4j instead — they delete every Entity, Document and Evidence node in that database first,
so point them at a scratch database.
"""
from __future__ import annotations

import dataclasses
import hashlib
import os
from pathlib import Path

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.graph import cypher
from newsgraph.graph.falkor import BOLT_GRAPH, EmbeddedStore, free_port
from newsgraph.graph.neo4j_store import Neo4jConfig, load_neo4j, run_read
from newsgraph.records import Corpus, Document, Entity, Evidence, Relation

from test_falkor import manual_seed_corpus

REAL = bool(os.environ.get("NEO4J_URI"))
SECRET = "s3cr3t-Pa55word!"
# FalkorDB's Bolt endpoint (4.16) crashes on a message over ~4 KB, so against it rows go one per
# batch (every seed row is well under that); a real Neo4j gets the default batch size.
BATCH = 5000 if REAL else 1


class Target:
    """A Bolt server to load into, and a way to count what it holds (outside the driver under test)."""

    def __init__(self, cfg: Neo4jConfig, store: EmbeddedStore | None):
        self.cfg = cfg
        self.store = store

    def counts(self) -> dict[str, int]:
        out = {}
        for kind, text in cypher.count_statements().items():
            if self.store is not None:
                self.store.unstick()
                out[kind] = self.store.query(text)[0][0]["n"]
            else:
                out[kind] = run_read(self.cfg, text)[0][0]["n"]
        return out

    def query(self, text: str, **params):
        if self.store is not None:
            self.store.unstick()
            return self.store.query(text, params)[0]
        return run_read(self.cfg, text, params)[0]

    def before_connect(self) -> None:
        # FalkorDB's Bolt endpoint serves no new connection right after a client leaves (see
        # EmbeddedStore.unstick); a real Neo4j needs nothing.
        if self.store is not None:
            self.store.unstick()


@pytest.fixture
def target(tmp_path):
    if REAL:
        cfg = Neo4jConfig.from_env()
        import neo4j
        with neo4j.GraphDatabase.driver(cfg.uri, auth=cfg.auth) as d:
            d.execute_query("MATCH (n) WHERE n:Entity OR n:Document OR n:Evidence DETACH DELETE n",
                            database_=cfg.database)
        yield Target(cfg, None)
        return
    port = free_port()
    with EmbeddedStore(tmp_path, graph=BOLT_GRAPH, bolt_port=port) as store:
        yield Target(Neo4jConfig(uri=f"bolt://127.0.0.1:{port}"), store)


def bolt_safe(value):
    """FalkorDB's Bolt endpoint (4.16) mangles string parameters holding ' (query error) or \\ (read as an
    escape); Neo4j does not.  Against FalkorDB those two characters are swapped for look-alikes."""
    if isinstance(value, str):
        return value.replace("'", "\u2019").replace("\\", "\u29f5")
    if isinstance(value, list):
        return [bolt_safe(v) for v in value]
    if isinstance(value, tuple):
        return tuple(bolt_safe(v) for v in value)
    if isinstance(value, dict):
        return {bolt_safe(k): bolt_safe(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{f.name: bolt_safe(getattr(value, f.name))
                                             for f in dataclasses.fields(value) if f.init})
    return value


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return manual_seed_corpus() if REAL else bolt_safe(manual_seed_corpus())


def expected_counts(corpus: Corpus) -> dict[str, int]:
    plan = {k: 0 for k in cypher.KINDS}
    for step in cypher.load_plan(corpus):
        plan[step.kind] += len(step.rows)
    rels = (plan["mentions"] + plan["relations"] + 3 * plan["evidence"] + plan["asserted_by"] + plan["co_mentions"]
            + plan["published_by"] + plan["written_by"])
    return {"nodes": plan["documents"] + plan["entities"] + plan["evidence"], "relationships": rels,
            "entities": plan["entities"], "documents": plan["documents"], "evidence": plan["evidence"]}


def test_load_counts_match_and_second_load_changes_nothing(target, corpus):
    stats = load_neo4j(corpus, target.cfg, batch_size=min(BATCH, 7), progress=False)
    assert stats["entities"] == len(corpus.entities) and stats["documents"] == 2
    assert stats["rows"] == sum(stats[k] for k in cypher.KINDS) and stats["seconds"] >= 0
    first = target.counts()
    assert first == expected_counts(corpus)
    target.before_connect()
    load_neo4j(corpus, target.cfg, batch_size=BATCH, progress=False)
    assert target.counts() == first


def test_loaded_graph_answers_like_the_embedded_store(target, corpus):
    load_neo4j(corpus, target.cfg, batch_size=BATCH, progress=False)
    rows = target.query("MATCH (s:Entity)-[r:SUPPORTS]->(g:Entity {id: $id}) RETURN s.name AS s, r.confidence AS c, "
                        "r.plover AS plover ORDER BY s", id="nour-al-din-al-zenki")
    assert [r["s"] for r in rows] == ["Free Police", "United States"]
    assert {r["plover"] for r in rows} == {"AID"}
    rows = target.query("MATCH (ev:Evidence {relation_id: $id})-[:FROM_DOCUMENT]->(d:Document) "
                        "RETURN ev.sentence AS s, d.id AS d", id="united-states--SUPPORTS--nour-al-din-al-zenki")
    assert len(rows) == 1 and "US-armed" in rows[0]["s"]
    rows = target.query("MATCH (e:Entity:Group {id: $id}) RETURN e.aliases AS a, e.mention_count AS m",
                        id="nour-al-din-al-zenki")
    assert rows[0]["a"] == ["Nour al-Din al-Zinki"] and rows[0]["m"] == 4  # 3 × Zenki, 1 × Zinki
    rows = target.query("MATCH (d:Document)-[:PUBLISHED_BY]->(o:MediaOutlet) RETURN o.name AS o")
    assert rows == [{"o": "New Eastern Outlook"}]


def test_larger_build_adds_only_what_is_new(target, corpus):
    small = Corpus(corpus.documents, corpus.entities[:10], [], {}, {})
    load_neo4j(small, target.cfg, batch_size=BATCH, progress=False)
    assert target.counts()["entities"] == 10
    target.before_connect()
    load_neo4j(corpus, target.cfg, batch_size=BATCH, progress=False)
    assert target.counts() == expected_counts(corpus)


def test_progress_bar(target, capsys):
    c = Corpus([Document("d", "p", "", "s")], [Entity("a", "A", "State"), Entity("b", "B", "Group")],
               [Relation("a--SUPPORTS--b", "a", "b", "SUPPORTS", [Evidence("d", "A backs B.", 0, 10, "backs", "r",
                                                                           0.9)])])
    load_neo4j(c, target.cfg, batch_size=BATCH, progress=True)
    assert "neo4j" in capsys.readouterr().err


# ------------------------------------------------------------------------------------------- errors

def _one_line(exc: BaseException) -> str:
    text = str(exc)
    assert "\n" not in text and text
    assert SECRET not in text
    return text


def test_unreachable_server_is_one_line_without_password():
    port = free_port()  # nothing listens there
    cfg = Neo4jConfig(uri=f"bolt://127.0.0.1:{port}", username="neo4j", password=SECRET)
    with pytest.raises(NewsgraphError) as info:
        load_neo4j(Corpus([], [], []), cfg, progress=False)
    text = _one_line(info.value)
    assert f"127.0.0.1:{port}" in text and "cannot reach" in text


def test_bad_uri_is_one_line():
    cfg = Neo4jConfig(uri="http://127.0.0.1:1", password=SECRET)
    with pytest.raises(NewsgraphError) as info:
        load_neo4j(Corpus([], [], []), cfg, progress=False)
    assert "http://127.0.0.1:1" in _one_line(info.value)


def test_refused_credentials_are_one_line_without_password(target):
    cfg = Neo4jConfig(uri=target.cfg.uri, username="neo4j", password=SECRET, database=target.cfg.database)
    with pytest.raises(NewsgraphError) as info:
        load_neo4j(Corpus([], [], []), cfg, progress=False)
    text = _one_line(info.value)
    assert target.cfg.uri in text
    if REAL:
        assert "credentials" in text


@pytest.mark.skipif(not REAL, reason="FalkorDB's Bolt endpoint has no named databases; needs NEO4J_URI")
def test_missing_database_is_one_line():
    base = Neo4jConfig.from_env()
    cfg = Neo4jConfig(uri=base.uri, username=base.username, password=base.password, database="no-such-db-newsgraph")
    with pytest.raises(NewsgraphError) as info:
        load_neo4j(Corpus([], [], []), cfg, progress=False)
    assert "no-such-db-newsgraph" in _one_line(info.value)


def test_config_never_shows_password(monkeypatch):
    monkeypatch.setenv("NEO4J_PASSWORD", SECRET)
    monkeypatch.setenv("NEO4J_URI", "bolt://example.invalid:7687")
    cfg = Neo4jConfig.from_env()
    assert cfg.password == SECRET
    assert SECRET not in repr(cfg) and SECRET not in str(cfg) and SECRET not in f"{cfg!r} {[cfg]}"
    assert Neo4jConfig.from_env(uri="bolt://x:1").uri == "bolt://x:1"


def test_cli_load_error_leaves_build_untouched(tmp_path, monkeypatch, corpus):
    from click.testing import CliRunner
    from newsgraph.cli import main
    from newsgraph.graph.jsonl import write_corpus

    write_corpus(corpus, tmp_path)
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in tmp_path.iterdir() if p.is_file()}
    monkeypatch.setenv("NEO4J_URI", f"bolt://127.0.0.1:{free_port()}")
    monkeypatch.setenv("NEO4J_PASSWORD", SECRET)
    result = CliRunner().invoke(main, ["load", str(tmp_path), "--no-progress"])
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1 and SECRET not in result.output
    assert "Traceback" not in result.output
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in tmp_path.iterdir() if p.is_file()}
    assert after == before


def test_cli_load(target, tmp_path, corpus):
    from click.testing import CliRunner
    from newsgraph.cli import main
    from newsgraph.graph.jsonl import write_corpus
    import json

    build = tmp_path / "build"
    write_corpus(corpus, build)
    args = ["load", str(build), "--uri", target.cfg.uri, "--no-progress", "--batch-size", str(BATCH)]
    if target.cfg.password:
        args += ["--username", target.cfg.username, "--password", target.cfg.password]
    if target.cfg.database:
        args += ["--database", target.cfg.database]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    stats = json.loads(result.output)
    assert stats["entities"] == len(corpus.entities)
    assert target.counts()["evidence"] == len(cypher.evidence_rows(corpus))
