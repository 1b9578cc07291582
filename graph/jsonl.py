"""The JSONL contract: ``documents.jsonl``, ``entities.jsonl``, ``relations.jsonl`` (+ resolution log).

Other tools read these files, so their keys and order are fixed: rows sorted by id, keys in a
fixed order, UTF-8, one JSON object per line, ``\\n`` line ends.  ``read_corpus`` reads a build
folder back into the same records, which is how ``load``/``export``/``query`` work on a build.

>>> from newsgraph.records import Corpus
>>> import tempfile
>>> d = tempfile.mkdtemp()
>>> _ = write_corpus(Corpus([], [], []), d)
>>> read_corpus(d).entities
[]
"""
from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Iterator

from newsgraph.graph.files import atomic_write
from newsgraph.records import Corpus, Document, Entity, Evidence, Mention, Relation

DOCUMENTS = "documents.jsonl"
ENTITIES = "entities.jsonl"
RELATIONS = "relations.jsonl"
RESOLUTION = "resolution.jsonl"
CO_MENTIONS = "co_mentions.jsonl"


class BuildFolderError(FileNotFoundError):
    """A folder that is not a newsgraph build (one line: which file is missing)."""


def dumps(row: dict[str, Any]) -> str:
    return json.dumps(row, ensure_ascii=False, separators=(", ", ": "))


def write_jsonl(path: str | os.PathLike[str], rows: Iterable[dict[str, Any]]) -> Path:
    with atomic_write(path) as f:
        for row in rows:
            f.write(dumps(row))
            f.write("\n")
    return Path(path)


def read_jsonl(path: str | os.PathLike[str]) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def write_corpus(corpus: Corpus, out_dir: str | os.PathLike[str]) -> dict[str, Path]:
    out = Path(out_dir)
    return {
        "documents": write_jsonl(out / DOCUMENTS, (d.to_dict() for d in sorted(corpus.documents, key=lambda d: d.id))),
        "entities": write_jsonl(out / ENTITIES, (e.to_dict() for e in sorted(corpus.entities, key=lambda e: e.id))),
        "relations": write_jsonl(out / RELATIONS, (r.to_dict() for r in sorted(corpus.relations, key=lambda r: r.id))),
        "resolution": write_jsonl(out / RESOLUTION, corpus.resolution_log),
        "co_mentions": write_jsonl(out / CO_MENTIONS, ({"source": a, "target": b, "count": n}
                                                       for (a, b), n in sorted(corpus.co_mentions.items()))),
    }


def read_corpus(out_dir: str | os.PathLike[str]) -> Corpus:
    """The records of a build folder (document texts are not stored there, so ``text`` is empty)."""
    out = Path(out_dir)
    for name in (DOCUMENTS, ENTITIES, RELATIONS):
        if not (out / name).is_file():
            raise BuildFolderError(f"{out} is not a newsgraph build: {name} is missing (run `newsgraph build` first)")
    documents = []
    for row in read_jsonl(out / DOCUMENTS):
        documents.append(Document(
            id=row["id"], path=row.get("path") or "", text="", sha256=row.get("sha256") or "",
            title=row.get("title"), outlet=row.get("outlet"), author=row.get("author"), date=row.get("date"),
            url=row.get("url"), format=row.get("format") or "txt", encoding=row.get("encoding") or "utf-8",
            language=row.get("language"), words=int(row.get("words") or 0)))
    entities = []
    counts: Counter[tuple[str, str]] = Counter()
    for row in read_jsonl(out / ENTITIES):
        mentions = [Mention(m["doc"], m["start"], m["end"], m["text"]) for m in row.get("mentions", [])]
        for m in mentions:
            counts[(m.doc, row["id"])] += 1
        entities.append(Entity(row["id"], row["name"], row["type"], list(row.get("aliases") or []),
                               row.get("wikidata"), mentions, row.get("country"), row.get("role")))
    relations = []
    for row in read_jsonl(out / RELATIONS):
        evs = [Evidence(**{k: e.get(k) for k in Evidence.__dataclass_fields__ if k in e}) for e in row["evidence"]]
        relations.append(Relation(row["id"], row["source"], row["target"], row["type"], evs))
    log = list(read_jsonl(out / RESOLUTION)) if (out / RESOLUTION).is_file() else []
    co = {(r["source"], r["target"]): int(r["count"]) for r in read_jsonl(out / CO_MENTIONS)} \
        if (out / CO_MENTIONS).is_file() else {}
    return Corpus(documents, entities, relations, dict(sorted(counts.items())), co, log)
