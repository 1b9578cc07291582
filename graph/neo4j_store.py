"""Load a build into Neo4j through the official driver (``newsgraph load`` and ``build --neo4j``).

Schema first (constraints and indexes; a server that rejects a schema statement, such as FalkorDB's
Bolt endpoint, gets a logged note and the load goes on), then every writer statement of
``newsgraph.graph.cypher`` in batches, each batch in a managed write transaction
(``session.execute_write``, which retries transient failures).  MERGE on ids makes the load
idempotent.  Nothing in the build folder is written.

Connection problems become one-line ``Neo4jError``s naming the URI and the cause, never the password.
"""
from __future__ import annotations

import logging
import os
import sys
import time
from dataclasses import dataclass, field
from typing import Any, Callable

from newsgraph.errors import NewsgraphError
from newsgraph.graph import cypher
from newsgraph.records import Corpus

log = logging.getLogger("newsgraph")

DEFAULT_URI = "bolt://localhost:7687"
SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


class Neo4jError(NewsgraphError):
    """Neo4j could not be reached or refused the load."""


@dataclass(frozen=True)
class Neo4jConfig:
    uri: str = DEFAULT_URI
    username: str = "neo4j"
    password: str | None = field(default=None, repr=False)
    database: str | None = None

    def __repr__(self) -> str:  # the password is never shown, not even masked by length
        shown = "'***'" if self.password else "None"
        return (f"Neo4jConfig(uri={self.uri!r}, username={self.username!r}, password={shown}, "
                f"database={self.database!r})")

    __str__ = __repr__

    @classmethod
    def from_env(cls, uri: str | None = None, username: str | None = None, password: str | None = None,
                 database: str | None = None) -> "Neo4jConfig":
        """Arguments win over NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE."""
        env = os.environ
        return cls(uri=uri or env.get("NEO4J_URI") or DEFAULT_URI,
                   username=username or env.get("NEO4J_USERNAME") or "neo4j",
                   password=password if password is not None else (env.get("NEO4J_PASSWORD") or None),
                   database=database or env.get("NEO4J_DATABASE") or None)

    @property
    def auth(self):
        # No password: a server with authentication disabled (or FalkorDB's Bolt endpoint).
        return (self.username, self.password) if self.password else None


def _scrub(text: str, cfg: Neo4jConfig) -> str:
    line = " ".join(str(text).split())
    if cfg.password:
        line = line.replace(cfg.password, "***")
    return line[:300]


def _explain(exc: BaseException, cfg: Neo4jConfig) -> Neo4jError:
    """A one-line error naming the URI and the cause."""
    from neo4j import exceptions as ne

    where = f"Neo4j at {cfg.uri}" + (f" (database {cfg.database!r})" if cfg.database else "")
    code = getattr(exc, "code", None) or ""
    msg = _scrub(getattr(exc, "message", None) or str(exc) or type(exc).__name__, cfg)
    if isinstance(exc, ne.AuthError) or "Security.Unauthorized" in code:
        return Neo4jError(f"{where} rejected the credentials of user {cfg.username!r} "
                          f"(check NEO4J_USERNAME / NEO4J_PASSWORD)")
    if "DatabaseNotFound" in code:
        return Neo4jError(f"{where}: database {cfg.database!r} does not exist")
    if isinstance(exc, ne.ConfigurationError) or isinstance(exc, ValueError):
        return Neo4jError(f"bad Neo4j settings for {cfg.uri}: {msg}")
    if isinstance(exc, (ne.ServiceUnavailable, ne.SessionExpired, OSError)):
        return Neo4jError(f"cannot reach {where}: {msg}")
    return Neo4jError(f"{where} failed: {msg}")


def _check_uri(cfg: Neo4jConfig) -> None:
    # Driver 6 would also take http:// (its preview Query API, with other dependencies): only Bolt here.
    scheme = cfg.uri.split("://", 1)[0].lower() if "://" in cfg.uri else ""
    if scheme not in SCHEMES:
        raise Neo4jError(f"bad Neo4j URI {cfg.uri!r}: expected bolt://HOST:7687 or neo4j://HOST:7687 "
                         f"(schemes: {', '.join(SCHEMES)})")


def _progress_bar(total: int, enabled: bool | None):
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled or total == 0:
        return None
    from tqdm import tqdm
    return tqdm(total=total, unit="row", desc="neo4j", file=sys.stderr)


def _write_batch(tx, statement: str, rows: list[dict[str, Any]]) -> None:
    tx.run(statement, rows=rows).consume()


def load_neo4j(corpus: Corpus, cfg: Neo4jConfig, batch_size: int = 5000, progress: bool | None = None,
               *, on_batch: Callable[[str, int], None] | None = None) -> dict[str, Any]:
    """Write ``corpus`` into Neo4j (MERGE on ids: loading twice changes nothing); returns row counts and seconds."""
    import neo4j
    from neo4j import exceptions as ne

    if batch_size < 1:
        raise Neo4jError("batch size must be at least 1")
    _check_uri(cfg)
    t0 = time.perf_counter()
    plan = cypher.load_plan(corpus)
    stats: dict[str, Any] = {k: 0 for k in cypher.KINDS}
    try:
        driver = neo4j.GraphDatabase.driver(cfg.uri, auth=cfg.auth, connection_timeout=10,
                                            max_transaction_retry_time=30)
    except (ne.Neo4jError, ne.DriverError, ValueError) as exc:
        raise _explain(exc, cfg) from None
    bar = None
    try:
        try:
            driver.verify_connectivity()
        except (ne.Neo4jError, ne.DriverError, OSError) as exc:
            raise _explain(exc, cfg) from None
        skipped = 0
        with driver.session(database=cfg.database) as session:
            for statement in cypher.schema_statements(cypher.NEO4J):
                try:
                    session.run(statement).consume()
                except (ne.ClientError, ne.DatabaseError) as exc:
                    if "DatabaseNotFound" in (getattr(exc, "code", None) or ""):
                        raise _explain(exc, cfg) from None
                    skipped += 1
                    log.info("schema statement not accepted by %s, continuing without it: %s", cfg.uri,
                             _scrub(getattr(exc, "message", None) or exc, cfg))
            if skipped:
                log.warning("note: %s rejected %d schema statement(s) (constraints/indexes); loading without them",
                            cfg.uri, skipped)
            bar = _progress_bar(sum(len(s.rows) for s in plan), progress)
            for step in plan:
                for batch in cypher.batches(step.rows, batch_size):
                    try:
                        session.execute_write(_write_batch, step.statement, batch)
                    except (ne.Neo4jError, ne.DriverError, OSError) as exc:
                        raise _explain(exc, cfg) from None
                    stats[step.kind] += len(batch)
                    if bar:
                        bar.update(len(batch))
                    if on_batch:
                        on_batch(step.kind, len(batch))
        stats["schema_skipped"] = skipped
    finally:
        if bar:
            bar.close()
        driver.close()
    stats["rows"] = sum(stats[k] for k in cypher.KINDS)
    stats["seconds"] = round(time.perf_counter() - t0, 3)
    stats["uri"] = cfg.uri
    stats["database"] = cfg.database
    return stats


def run_read(cfg: Neo4jConfig, text: str, params: dict[str, Any] | None = None
             ) -> tuple[list[dict[str, Any]], list[str]]:
    """One read query (``newsgraph query --neo4j``): rows as dicts and the column names."""
    import neo4j
    from neo4j import exceptions as ne

    _check_uri(cfg)
    try:
        with neo4j.GraphDatabase.driver(cfg.uri, auth=cfg.auth, connection_timeout=10) as driver:
            driver.verify_connectivity()
            records, summary, keys = driver.execute_query(text, params or {}, database_=cfg.database,
                                                          routing_=neo4j.RoutingControl.READ)
    except ne.CypherSyntaxError as exc:
        raise Neo4jError(f"query rejected by {cfg.uri}: {_scrub(exc.message or exc, cfg)}") from None
    except (ne.Neo4jError, ne.DriverError, OSError, ValueError) as exc:
        raise _explain(exc, cfg) from None
    columns = list(keys)
    return [{k: _plain(r[k]) for k in columns} for r in records], columns


def _plain(value: Any) -> Any:
    from neo4j.graph import Node, Path, Relationship
    if isinstance(value, Node):
        return {"_labels": sorted(value.labels), **{k: _plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"_type": value.type, **{k: _plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return [_plain(n) for n in value.nodes]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value
