"""The actor gazetteer: known groups, states, outlets, places, organisations and people, as data.

Entries live in JSONL files (``extract/data/gazetteer.jsonl`` plus any ``--gazetteer FILE``);
a later file extends the earlier ones and overrides an entry with the same ``id``.  One line:

    {"id": "hayat-tahrir-al-sham", "name": "Hayat Tahrir al-Sham", "type": "Group",
     "aliases": ["HTS", "Tahrir al-Sham"], "former_names": [], "wikidata": "Q28837040",
     "country": "SY", "role": "REB", "seat_of": null, "demonyms": [], "actor_aliases": []}

>>> g = Gazetteer.from_rows([{"id": "bbc", "name": "BBC", "type": "MediaOutlet"}])
>>> g["bbc"].name, g.lookup_name("the BBC's")
('BBC', 'bbc')
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

from newsgraph.extract.normalize import name_key
from newsgraph.records import ENTITY_TYPES


def data_text(name: str) -> str:
    """The text of a packaged data file (``extract/data/NAME``): the gazetteer, patterns and word lists."""
    return resources.files("newsgraph.extract").joinpath("data", name).read_text("utf-8")


def data_rows(name: str) -> Iterable[dict]:
    """The rows of a packaged JSONL data file (blank lines skipped)."""
    return (json.loads(line) for line in data_text(name).splitlines() if line.strip())

DEFAULT_GAZETTEER = "gazetteer.jsonl"


class GazetteerError(ValueError):
    """A gazetteer file that cannot be used (one line saying which file, line and why)."""


@dataclass
class GazEntry:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    former_names: list[dict[str, Any]] = field(default_factory=list)
    wikidata: str | None = None
    country: str | None = None
    role: str | None = None
    seat_of: str | None = None
    demonyms: list[str] = field(default_factory=list)
    actor_aliases: list[str] = field(default_factory=list)

    @classmethod
    def from_row(cls, row: dict[str, Any], where: str = "") -> "GazEntry":
        try:
            entry = cls(
                id=str(row["id"]), name=str(row["name"]), type=str(row["type"]),
                aliases=[str(a) for a in row.get("aliases") or []],
                former_names=list(row.get("former_names") or []),
                wikidata=row.get("wikidata") or None,
                country=row.get("country") or None,
                role=row.get("role") or None,
                seat_of=row.get("seat_of") or None,
                demonyms=[str(a) for a in row.get("demonyms") or []],
                actor_aliases=[str(a) for a in row.get("actor_aliases") or []],
            )
        except KeyError as exc:
            raise GazetteerError(f"{where}: missing field {exc.args[0]!r}") from None
        if entry.type not in ENTITY_TYPES:
            raise GazetteerError(f"{where}: type {entry.type!r} is not one of {', '.join(ENTITY_TYPES)}")
        if entry.wikidata and not re.fullmatch(r"Q[1-9][0-9]*", entry.wikidata):
            raise GazetteerError(f"{where}: wikidata {entry.wikidata!r} is not a QID like Q123")
        return entry

    def surface_forms(self) -> list[str]:
        """Every form that names this entry (canonical name first)."""
        forms = [self.name, *self.aliases, *self.actor_aliases]
        for f in self.former_names:
            if isinstance(f, dict) and f.get("name") and not f.get("entity"):
                forms.append(str(f["name"]))
        return forms


class Gazetteer:
    """Entries by id, plus the normalised-name index the matcher and resolver use."""

    def __init__(self, entries: Iterable[GazEntry] = ()) -> None:
        self.entries: dict[str, GazEntry] = {}
        for e in entries:
            self.entries[e.id] = e
        self._index()

    # -- loading -----------------------------------------------------------------------
    @classmethod
    def from_rows(cls, rows: Iterable[dict[str, Any]]) -> "Gazetteer":
        return cls(GazEntry.from_row(r, f"row {i}") for i, r in enumerate(rows, 1))

    @classmethod
    def load(cls, extra_files: Iterable[str | Path] = (), *, include_default: bool = True) -> "Gazetteer":
        """The packaged gazetteer, extended/overridden by ``extra_files`` in order."""
        entries: dict[str, GazEntry] = {}
        sources: list[tuple[str, str]] = []
        if include_default:
            sources.append((DEFAULT_GAZETTEER, data_text(DEFAULT_GAZETTEER)))
        for f in extra_files:
            try:
                sources.append((str(f), Path(f).read_text("utf-8")))
            except (OSError, UnicodeDecodeError) as exc:
                raise GazetteerError(f"cannot read gazetteer {f}: {getattr(exc, 'strerror', None) or exc}") from None
        for name, text in sources:
            for lineno, line in enumerate(text.splitlines(), 1):
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise GazetteerError(f"{name}:{lineno}: malformed JSON ({exc.msg})") from None
                entry = GazEntry.from_row(row, f"{name}:{lineno}")
                entries[entry.id] = entry
        return cls(entries.values())

    # -- index ---------------------------------------------------------------------------
    def _index(self) -> None:
        # normalised name -> entry id; the first claim wins so that no form names two entries
        self.by_key: dict[str, str] = {}
        self.demonyms: dict[str, str] = {}
        # "Spectator" -> the-spectator: outlets named "The" + one word, for where an outlet is sure
        self.the_outlets: dict[str, str] = {}
        for e in sorted(self.entries.values(), key=lambda e: e.id):
            for form in e.surface_forms():
                k = name_key(form)
                if k and the_word_outlet(e, form):
                    self.the_outlets.setdefault(k, e.id)
                elif k and k not in self.by_key:
                    self.by_key[k] = e.id
            for d in e.demonyms:
                self.demonyms.setdefault(d.lower(), e.id)
        # a canonical name always names its own entry
        for e in self.entries.values():
            if not the_word_outlet(e, e.name):
                self.by_key[name_key(e.name)] = e.id

    def __getitem__(self, key: str) -> GazEntry:
        return self.entries[key]

    def __contains__(self, key: object) -> bool:
        return key in self.entries

    def __len__(self) -> int:
        return len(self.entries)

    def lookup_name(self, text: str) -> str | None:
        """The entry id a name denotes, or None."""
        return self.by_key.get(name_key(text))

    def fingerprint(self) -> str:
        """Changes whenever any entry changes (part of the extraction cache key)."""
        h = hashlib.sha256()
        for e in sorted(self.entries.values(), key=lambda e: e.id):
            h.update(json.dumps(e.__dict__, sort_keys=True, ensure_ascii=False).encode())
        return h.hexdigest()[:16]

    def match_forms(self) -> Iterable[tuple[str, str, bool]]:
        """(surface form, entry id, is_actor_form) for the matcher, in a stable order.  An outlet
        is named by its web address too ("Prison Planet.com", "Breitbart.com")."""
        for e in sorted(self.entries.values(), key=lambda e: e.id):
            forms = e.surface_forms()
            for form in forms:
                yield form, e.id, form in e.actor_aliases
            if e.type == "MediaOutlet":
                for form in dict.fromkeys(f + ".com" for f in forms if f[-1:].isalpha() and not f.startswith("The ")):
                    if form not in forms:
                        yield form, e.id, False


def the_word_outlet(entry: GazEntry, form: str) -> bool:
    """An outlet named "The" + one common word ("The Hill", "The Sun") is that outlet only when
    written so, which the matcher checks; a bare "Hill" or "the Sun" must not be looked up as it."""
    words = form.split()
    return entry.type == "MediaOutlet" and len(words) == 2 and words[0] == "The"
