"""What ``newsgraph query`` runs: find a query (a name from queries/, a .cypher file, or text),
parse ``--param k=v`` values, run it on the build's embedded store or on Neo4j, format the rows.

>>> parse_params(("name=Nour al-Din al-Zenki", "limit=5", 'ids=["a","b"]'))
{'name': 'Nour al-Din al-Zenki', 'limit': 5, 'ids': ['a', 'b']}
>>> print(format_rows([{"a": 1, "b": ["x", "y"]}], ["a", "b"], "csv"), end="")
a,b
1,"[""x"", ""y""]"
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

from newsgraph.errors import NewsgraphError

QUERY_PACKAGE = "newsgraph.queries"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


class QueryError(NewsgraphError):
    """A query that cannot be found, parsed or run."""


def available_queries() -> dict[str, str]:
    """Name → text of every query shipped in ``newsgraph.queries``."""
    out = {}
    for item in sorted(resources.files(QUERY_PACKAGE).iterdir(), key=lambda p: p.name):
        if item.name.endswith(".cypher"):
            out[item.name[:-len(".cypher")]] = item.read_text(encoding="utf-8")
    return out


def describe(text: str) -> str:
    """The leading ``//`` comment lines of a query, without the slashes."""
    lines = []
    for line in text.splitlines():
        if not line.startswith("//"):
            break
        lines.append(line[2:].strip())
    return "\n".join(lines)


def resolve_query(query: str) -> str:
    """A shipped query name (``who-supports``), an existing ``.cypher`` file, or else the Cypher text itself."""
    q = query.strip()
    if _NAME.match(q):
        ref = resources.files(QUERY_PACKAGE) / f"{q}.cypher"
        if ref.is_file():
            return ref.read_text(encoding="utf-8")
    if q.endswith(".cypher") and "\n" not in q:
        path = Path(os.path.expanduser(q))
        if path.is_file():
            return path.read_text(encoding="utf-8")
        raise QueryError(f"query file not found: {q}")
    if _NAME.match(q) and not q.upper().startswith(("MATCH", "RETURN", "CALL", "WITH", "UNWIND")):
        names = ", ".join(available_queries())
        raise QueryError(f"no query named {q!r}; shipped queries: {names}")
    return query


def parse_params(pairs: Iterable[str]) -> dict[str, Any]:
    """``k=v`` pairs; ``v`` is JSON when it parses as JSON, else the plain string."""
    out: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not sep or not key:
            raise QueryError(f"bad --param {pair!r}: expected name=value")
        if not re.match(r"^[A-Za-z_][A-Za-z0-9_]*$", key):
            raise QueryError(f"bad --param name {key!r}: letters, digits and _ only")
        try:
            out[key] = json.loads(value)
        except ValueError:
            out[key] = value
    return out


def run_query(text: str, params: dict[str, Any] | None = None, *, out_dir: str | os.PathLike[str] = "newsgraph-out",
              neo4j: bool = False) -> tuple[list[dict[str, Any]], list[str]]:
    """Rows (dicts keyed by the RETURN names) and the column names, from the embedded store or Neo4j."""
    if neo4j:
        from newsgraph.graph.neo4j_store import Neo4jConfig, run_read
        return run_read(Neo4jConfig.from_env(), text, params or {})
    from newsgraph.graph.falkor import query_embedded
    return query_embedded(out_dir, text, params or {})


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _table_cell(value: Any) -> str:
    # Lists of names read better as "a, b" on a terminal; csv/json keep the exact JSON.
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in value):
        return ", ".join(_cell(v) for v in value).replace("\n", " ")
    return _cell(value).replace("\n", " ")


def format_rows(rows: list[dict[str, Any]], columns: list[str], fmt: str = "table") -> str:
    """``table`` (aligned text), ``csv`` (with header) or ``json`` (array of row objects)."""
    if fmt == "json":
        return json.dumps([{c: r.get(c) for c in columns} for r in rows], ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(columns)
        for r in rows:
            w.writerow([_cell(r.get(c)) for c in columns])
        return buf.getvalue()
    if fmt != "table":
        raise QueryError(f"unknown format {fmt!r}: table, csv or json")
    cells = [[_table_cell(r.get(c)) for c in columns] for r in rows]
    widths = [min(60, max([len(c)] + [len(row[i]) for row in cells])) for i, c in enumerate(columns)]

    def line(values: list[str]) -> str:
        return "  ".join((v if len(v) <= w else v[:w - 1] + "…").ljust(w) for v, w in zip(values, widths)).rstrip()

    out = [line(columns), line(["-" * w for w in widths])] + [line(r) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"
