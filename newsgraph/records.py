"""Typed records passed from extract/ to graph/ — the only contract between the two halves.

extract/ returns these and nothing else; graph/ consumes these and nothing else.  Every record
converts to a plain dict (``to_dict``) whose keys are exactly the fields of the JSONL outputs.

>>> Mention(doc="a", start=0, end=3, text="BBC").to_dict()
{'doc': 'a', 'start': 0, 'end': 3, 'text': 'BBC'}
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ENTITY_TYPES = ("Group", "State", "MediaOutlet", "Place", "Organization", "Person")

RELATION_TYPES = (
    "SUPPORTS",
    "FIGHTS",
    "COOPERATES_WITH",
    "PART_OF",
    "FORMERLY_KNOWN_AS",
    "CONTROLS",
    "LOCATED_IN",
    "OPERATES_IN",
    "ACCUSES",
    "THREATENS",
    "REPORTS_ON",
)

# Relations that read the same in both directions; they are stored once, ends in id order.
SYMMETRIC_RELATIONS = frozenset({"FIGHTS", "COOPERATES_WITH"})


@dataclass(frozen=True, order=True)
class Mention:
    """One occurrence of a name: ``document_text[start:end] == text`` always holds."""

    doc: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        # flat fields: a plain dict is several times faster than dataclasses.asdict's deep copy
        return {"doc": self.doc, "start": self.start, "end": self.end, "text": self.text}


@dataclass
class Document:
    """An input article. ``text`` is the decoded file text that all offsets index into."""

    id: str
    path: str
    text: str
    sha256: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None
    format: str = "txt"
    encoding: str = "utf-8"
    language: str | None = "en"
    words: int = 0

    def to_dict(self) -> dict[str, Any]:
        """The ``documents.jsonl`` row (the text itself stays in the source file)."""
        return {
            "id": self.id,
            "path": self.path,
            "title": self.title,
            "sha256": self.sha256,
            "outlet": self.outlet,
            "author": self.author,
            "date": self.date,
            "url": self.url,
            "format": self.format,
            "encoding": self.encoding,
            "language": self.language,
            "chars": len(self.text),
            "words": self.words,
        }


@dataclass(frozen=True)
class EntityMention:
    """A typed mention inside one document, before resolution across documents.

    ``key`` is the gazetteer id when the gazetteer recognised the name, else None.
    ``name`` is the cleaned surface form used for resolution (no markup, no possessive).
    ``basis`` says why the type was chosen (e.g. ``gazetteer``, ``ner:ORG+keyword``).
    """

    mention: Mention
    name: str
    type: str
    key: str | None = None
    basis: str = ""
    long_form: str | None = None  # an acronym's expansion defined in the same text


@dataclass(frozen=True)
class Evidence:
    """Where and how a relation is stated.  ``start``/``end`` locate the sentence."""

    doc: str
    sentence: str
    start: int
    end: int
    trigger: str
    rule: str
    confidence: float
    negated: bool = False
    hedged: bool = False
    asserted_by: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {f: getattr(self, f) for f in _EVIDENCE_FIELDS}  # flat: no asdict deep copy needed


_EVIDENCE_FIELDS = tuple(Evidence.__dataclass_fields__)


@dataclass(frozen=True)
class RawRelation:
    """A relation between two mentions of one document (indexes into ``DocExtraction.mentions``)."""

    source: int
    target: int
    type: str
    evidence: Evidence
    asserted_by_mention: int | None = None


@dataclass
class DocExtraction:
    """Everything extracted from one document: a pure function of the document and the pipeline."""

    document: Document
    mentions: list[EntityMention] = field(default_factory=list)
    relations: list[RawRelation] = field(default_factory=list)
    # pairs of mention indexes named in one sentence (weak CO_MENTIONED edges)
    co_mentions: list[tuple[int, int]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class Entity:
    """A resolved entity across documents (one ``entities.jsonl`` row)."""

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    wikidata: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    country: str | None = None
    role: str | None = None
    gazetteer: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "wikidata": self.wikidata,
            "country": self.country,
            "role": self.role,
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass
class Relation:
    """One relation per (source, type, target), with all its evidence (one ``relations.jsonl`` row)."""

    id: str
    source: str
    target: str
    type: str
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def positive_evidence(self) -> list[Evidence]:
        return [e for e in self.evidence if not e.negated]

    @property
    def confidence(self) -> float:
        pos = self.positive_evidence
        return max((e.confidence for e in pos), default=0.0)

    @property
    def asserted_by(self) -> list[str]:
        return sorted({e.asserted_by for e in self.evidence if e.asserted_by})

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "target": self.target,
            "type": self.type,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass
class Corpus:
    """The resolved result of a build: what graph/ turns into stores and exports."""

    documents: list[Document]
    entities: list[Entity]
    relations: list[Relation]
    # (doc id, entity id) -> mention count, for MENTIONS edges.
    mentions: dict[tuple[str, str], int] = field(default_factory=dict)
    # (entity id, entity id) with a < b -> number of sentences naming both.
    co_mentions: dict[tuple[str, str], int] = field(default_factory=dict)
    resolution_log: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)
