"""Resolve mentions across documents into entities, and raw relations into graph relations.

Deterministic and explainable: every merge is written to the resolution log with its reason.
Rules, in order:
1. a gazetteer mention belongs to its gazetteer entry (two entries are never merged);
2. an acronym defined in a text ("Islamic State of Iraq and Syria (ISIS)") joins its long form, and a
   name given as another's alias ("Hakim Muhammad, aka Keith Ellison") joins that name;
3. other mentions join by normalised name (case, diacritics, hyphens, "the", al-/el-, possessive),
   and a company's name with its legal form joins the name without it ("Goldman Sachs Group Inc"),
   a town's police its police department ("Westerville Police");
4. a name close to a known name of the same type (rapidfuzz) joins it;
5. a one-word person name joins the only person of the same document whose name ends with it, and
   a one-word organisation name the only organisation of the document whose name ends with it;
6. a one-word name that only the model's ORG tag supports, and that joined no person, is dropped
   (logged with the reason): "Uranium", "Russiagate" are fragments, not organisations.
An entity's type is the type most of its mentions support.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Iterable

from rapidfuzz import fuzz, process

from newsgraph.extract.gazetteer import Gazetteer, data_rows
from newsgraph.extract.mentions import SUBBODY_HEADS, words
from newsgraph.extract.normalize import name_key, slugify
from newsgraph.extract.relations import types_allowed
from newsgraph.records import SYMMETRIC_RELATIONS, Corpus, DocExtraction, Entity, Evidence, Relation

FUZZY_THRESHOLD = 92.0
FUZZY_MIN_LENGTH = 8
# the legal form at the end of a company's name (in name_key form: lower case, no dots)
CORPORATE_FORM = re.compile(r"(?:\s+(?:group|holdings))?\s+(?:inc|incorporated|ltd|llc|plc|corp|corporation|co|ag|sa|gmbh)$")
SURNAME_DOMINANCE = 3  # a bare surname joins the one of several namesakes named this many times more
NAMESAKE_REACH = 200  # characters after a namesake's full name within which a shared surname is that namesake


def resolve(extractions: Iterable[DocExtraction], gazetteer: Gazetteer,
            skipped: Iterable[dict[str, str]] = ()) -> Corpus:
    exts = sorted(extractions, key=lambda x: x.document.id)
    log: list[dict] = []

    # -- 1-3: group mentions by a cluster key --------------------------------------------
    cluster_of: dict[tuple[int, int], str] = {}
    members: dict[str, list[tuple[str, str, str]]] = defaultdict(list)  # key -> (surface, type, basis)
    long_forms: dict[str, str] = {}
    for di, ext in enumerate(exts):
        for mi, m in enumerate(ext.mentions):
            if m.key is not None:
                ck = "gaz:" + m.key
            else:
                ck = "name:" + name_key(m.name)
                if m.long_form:
                    gk = gazetteer.lookup_name(m.long_form)
                    target = "gaz:" + gk if gk else "name:" + name_key(m.long_form)
                    long_forms[ck] = target
            cluster_of[(di, mi)] = ck
            members[ck].append((m.name, m.type, m.basis))

    # acronyms (and "aka" names) defined in a text join their long form everywhere
    alias_of: dict[str, str] = {}
    for ck, target in sorted(long_forms.items()):
        if target != ck and target in members:
            alias_of[ck] = target
            log.append({"surface": ck.split(":", 1)[1], "entity_key": target, "reason": "acronym or alias defined in text"})

    # "Goldman Sachs Group Inc" is "Goldman Sachs": a company's legal form is no part of its name
    for ck in sorted(k for k in members if k.startswith("name:") and k not in alias_of):
        short = CORPORATE_FORM.sub("", ck[5:])
        if short != ck[5:] and short:
            gk = gazetteer.by_key.get(short)
            target = "gaz:" + gk if gk else "name:" + short
            if target in members:
                alias_of[ck] = target
                log.append({"surface": ck[5:], "entity_key": target, "reason": "company name without its legal form"})

    # "Westerville Police" is the "Westerville Police Department" when a text names both
    for ck in sorted(k for k in members if k.startswith("name:") and k.endswith(" police department")):
        short = ck[:-len(" department")]
        if short in members and short not in alias_of:
            alias_of[short] = ck
            log.append({"surface": short[5:], "entity_key": ck, "reason": "police named without its department"})

    # -- 4: fuzzy matching within one type, never between two gazetteer entries --------
    def majority_type(ck: str) -> str:
        counts = Counter(t for _s, t, _b in members[ck])
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]

    name_keys = sorted(k for k in members if k.startswith("name:") and k not in alias_of)
    gaz_keys = sorted(k for k in members if k.startswith("gaz:"))
    # per type: the names fuzzy matching may join, and which cluster owns each (in a stable order)
    choices: dict[str, list[str]] = defaultdict(list)
    owners: dict[str, list[str]] = defaultdict(list)

    def admit(key: str, typ: str) -> None:
        forms = gaz_forms(gazetteer, key[4:]) if key.startswith("gaz:") else (key[5:],)
        for f in forms:
            if len(f) >= FUZZY_MIN_LENGTH:
                choices[typ].append(f)
                owners[typ].append(key)

    for k in gaz_keys:
        admit(k, gazetteer[k[4:]].type)
    for k in name_keys:
        nk = k[5:]
        t = majority_type(k)
        best = None
        if len(nk) >= FUZZY_MIN_LENGTH and choices[t]:
            # rapidfuzz's C loop; the first of equally good names wins, as the order is stable
            best = process.extractOne(nk, choices[t], scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD)
        if best is not None:
            _form, score, pos = best
            alias_of[k] = owners[t][pos]
            log.append({"surface": nk, "entity_key": owners[t][pos], "reason": f"fuzzy match {score:.0f} within type {t}"})
        else:
            admit(k, t)

    def final(ck: str) -> str:
        seen = set()
        while ck in alias_of and ck not in seen:
            seen.add(ck)
            ck = alias_of[ck]
        return ck

    # -- 5: "Cartalucci" joins "Tony Cartalucci" of the same document --------------------
    # (the model often types a bare surname as ORG, so any non-gazetteer one-word name qualifies)
    named_people: set[str] = set()  # clusters a surname joined: people, whatever the surname's votes
    for di, ext in enumerate(exts):
        keys = {cluster_of[(di, mi)]: m for mi, m in enumerate(ext.mentions)}
        full: dict[str, str] = {}
        for ck, m in keys.items():
            if m.type != "Person":
                continue
            words = _words_of(ck, gazetteer)
            if len(words) > 1:
                full[ck] = name_key(words[-1])
        def join(ck: str, target: str, reason: str) -> None:
            # this document's mentions of the name are the person it names in full
            _join_in_text(di, [mi for mi in range(len(ext.mentions)) if cluster_of[(di, mi)] == ck], ck, target,
                          cluster_of, alias_of)
            log.append({"surface": ck[5:], "entity_key": target, "reason": f"{reason} {ext.document.id}"})

        for ck in sorted(k for k in keys if k.startswith("name:") and k in full):
            # "Dina Powell" and "Habib Powell" for "Dina Habib Powell": a shorter name of the same
            # person, when only one longer name of the document fits it
            mine = ck[5:].split()
            longer = sorted(f for f in full if f != ck and _shortens(mine, _words_of(f, gazetteer)))
            if len(longer) == 1:
                join(ck, longer[0], "shorter name of a person named in")
        for ck, m in sorted(keys.items()):
            # (an unknown one-word "Place" may be a surname the model took for a town; states are never)
            if not ck.startswith("name:") or len(ck[5:].split()) != 1 or m.type == "State":
                continue
            word = ck[5:]
            hits = sorted(f for f, last in full.items() if last == word and f != ck)
            if not hits:
                # "John" for "John Bolton" (first names), "Kweis" for "Khweis" (a misspelt surname)
                hits = sorted(f for f, last in full.items() if f != ck and (
                    _first_word(f, gazetteer) == word or (len(word) >= 5 and fuzz.ratio(word, last) >= 85)))
            hits = sorted({final(h) for h in hits})  # "Powell": "Dina Powell" is "Dina Habib Powell"
            if len(hits) > 1:
                # "Haig" in a text that names "Douglas Haig" and "Doug Haig": one man, named formally
                hits = [h for h in hits if not _familiar_form(h, hits, gazetteer)]
            if len(hits) > 1 and sum(h.startswith("gaz:") for h in hits) == 1:
                # "Kim" after "Kim Jong-un" and the pun "Kim Jong Won": the known person is meant
                hits = [h for h in hits if h.startswith("gaz:")]
            if len(hits) > 1:
                # "Powell" in a text about "Dina Habib Powell" that once misspells her "Habia Powell":
                # the person the document names far more often is meant
                named = Counter(final(cluster_of[(di, mi)]) for mi in range(len(ext.mentions)))
                ranked = sorted(hits, key=lambda h: (-named[h], h))
                if named[ranked[0]] >= SURNAME_DOMINANCE * max(1, named[ranked[1]]):
                    hits = ranked[:1]
            if len(hits) == 1:
                join(ck, hits[0], "surname of a person named in")
                named_people.add(hits[0])
            elif len(hits) > 1:
                # "Bill Clinton ... Hillary Clinton ... Clinton said": each bare surname is the namesake
                # named just before it, or the text's first (one before both stays unread; none sets
                # a corpus reading)
                _nearest_namesake(ext, di, ck, hits, cluster_of, final, log)
        _short_bodies(ext, di, cluster_of, alias_of, final, gazetteer, log)

    # "Bob Mueller" is "Robert Mueller": a familiar first name joins the formal one the corpus knows
    person_names = {k[5:]: k for k in members if k.startswith("name:") and majority_type(k) == "Person"}
    for ck in sorted(person_names.values()):
        first, *rest = ck[5:].split()
        if ck in alias_of or not rest:
            continue
        for formal in nicknames().get(first, ()):
            full = " ".join([formal, *rest])
            gk = gazetteer.by_key.get(full)
            target = "gaz:" + gk if gk and "gaz:" + gk in members else person_names.get(full)
            if target is not None:
                alias_of[ck] = target
                log.append({"surface": ck[5:], "entity_key": target, "reason": "familiar first name of"})
                break

    # "Mohamad Khweis" in one text, "Mohamad Jamal Khweis" in another: a shorter name of the one
    # person of the corpus it fits
    people_keys = sorted({final(k) for k in members if majority_type(k) == "Person"})
    fulls = {k: _words_of(k, gazetteer) for k in people_keys}
    for ck in people_keys:
        if ck.startswith("name:") and ck not in alias_of and len(fulls[ck]) >= 2:
            longer = [f for f in people_keys if f != ck and _shortens(fulls[ck], fulls[f])]
            if len(longer) == 1:
                alias_of[ck] = longer[0]
                log.append({"surface": ck[5:], "entity_key": longer[0],
                            "reason": "shorter name of a person named in another text"})

    # -- build entities ---------------------------------------------------------------------
    grouped: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for (di, mi), ck in cluster_of.items():
        grouped[final(ck)].append((di, mi))

    people = {final(ck) for ck in named_people}
    ids: dict[str, str] = {}
    entities: dict[str, Entity] = {}
    taken_ids = set(gazetteer.entries)
    for ck in sorted(grouped):
        refs = sorted(grouped[ck])
        ms = [exts[di].mentions[mi] for di, mi in refs]
        surfaces = Counter(m.name for m in ms)
        if ck.startswith("gaz:"):
            entry = gazetteer[ck[4:]]
            eid, name, typ = entry.id, entry.name, entry.type
            aliases = sorted(set(entry.aliases) | set(entry.actor_aliases) | set(surfaces) - {name})
            ent = Entity(eid, name, typ, aliases, entry.wikidata, [], entry.country, entry.role, gazetteer=True)
        else:
            types = Counter(m.type for m in ms)
            typ = sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            if ck in people:
                typ = "Person"  # "Jack Lew" and three "Lew" the model took for an organisation
            # a person is named in full ("Jeff Sessions"), however often the text says "Sessions"
            name = sorted(surfaces.items(), key=lambda kv: (-(typ == "Person" and len(kv[0].split()) > 1),
                                                            -kv[1], -len(kv[0]), kv[0]))[0][0]
            if _stray_fragment(name, typ, ms) and ck not in people:
                # "Uranium", "Russiagate", "Podesta": a lone capitalised word the model took for an
                # organisation and nothing else confirms; logged, not made an entity
                log.append({"surface": name, "entity": None, "reason": "dropped: one-word name only the model called an organisation"})
                continue
            eid = slugify(name)
            if eid in taken_ids:
                eid = f"{eid}-{typ.lower()}"
            n = 2
            base = eid
            while eid in taken_ids:
                eid = f"{base}-{n}"
                n += 1
            aliases = sorted(set(surfaces) - {name})
            ent = Entity(eid, name, typ, aliases, None, [])
            if len(types) > 1:
                log.append({"surface": name, "entity": eid, "reason": "type by majority of mentions",
                            "votes": dict(sorted(types.items()))})
        taken_ids.add(ent.id)
        ent.mentions = sorted({m.mention for m in ms}, key=lambda x: (x.doc, x.start, x.end))
        entities[ent.id] = ent
        ids[ck] = ent.id
        for surface in sorted(surfaces):
            basis = sorted({m.basis for m in ms if m.name == surface})
            log.append({"surface": surface, "entity": ent.id, "reason": ", ".join(basis)})

    entity_of: dict[tuple[int, int], str] = {ref: ids[final(ck)] for ref, ck in cluster_of.items() if final(ck) in ids}

    # -- relations ---------------------------------------------------------------------------
    rels: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
    for di, ext in enumerate(exts):
        for r in ext.relations:
            s, t = entity_of.get((di, r.source)), entity_of.get((di, r.target))
            if s == t or s is None or t is None:
                continue
            if not types_allowed(r.type, entities[s].type, entities[t].type, r.evidence.rule):
                continue  # "Oakland Mayor Libby Schaaf": the corpus reads Oakland as a place, not a body
            if r.type in SYMMETRIC_RELATIONS and t < s:
                s, t = t, s
            ev = r.evidence
            if r.asserted_by_mention is not None:
                ev = Evidence(**{**ev.__dict__, "asserted_by": entity_of.get((di, r.asserted_by_mention))})
            rels[(s, r.type, t)].append(ev)
    relations = []
    for (s, typ, t) in sorted(rels):
        evs = sorted(set(rels[(s, typ, t)]), key=lambda e: (e.doc, e.start, e.end, e.rule, e.trigger))
        relations.append(Relation(relation_id(s, typ, t), s, t, typ, evs))

    counts: Counter[tuple[str, str]] = Counter()
    for (di, mi), eid in entity_of.items():
        counts[(exts[di].document.id, eid)] += 1

    co: Counter[tuple[str, str]] = Counter()
    for di, ext in enumerate(exts):
        pairs = set()
        for a, b in ext.co_mentions:
            ea, eb = entity_of.get((di, a)), entity_of.get((di, b))
            if ea != eb and ea is not None and eb is not None:
                pairs.add((min(ea, eb), max(ea, eb), a, b))
        for ea, eb, _a, _b in pairs:
            co[(ea, eb)] += 1

    log.sort(key=lambda r: (r.get("entity") or r.get("entity_key") or "", r["surface"], r["reason"]))
    return Corpus(
        documents=[x.document for x in exts],
        entities=[entities[k] for k in sorted(entities)],
        relations=relations,
        mentions=dict(sorted(counts.items())),
        co_mentions=dict(sorted(co.items())),
        resolution_log=log,
        skipped=list(skipped),
    )


def _nearest_namesake(ext: DocExtraction, di: int, ck: str, hits: list[str], cluster_of, final, log: list[dict]) -> None:
    """Mentions of the bare surname ``ck`` in document ``di``, shared by the people ``hits``: each is
    the one named in full just before it (within ``NAMESAKE_REACH`` characters), else the one the
    text named in full first, its subject ("Bill Clinton ... Hillary Clinton's book ... Clinton said")."""
    first: str | None = None
    last: tuple[str, int] | None = None
    for mi, m in enumerate(ext.mentions):  # (in text order)
        own = cluster_of[(di, mi)]
        if final(own) in hits and own != ck:
            first = first or final(own)
            last = (final(own), m.mention.end)
        elif own == ck and last is not None:
            near = last[0] if m.mention.start - last[1] <= NAMESAKE_REACH else first
            cluster_of[(di, mi)] = near
            log.append({"surface": ck[5:], "entity_key": near, "reason": f"surname after its full name in {ext.document.id}"})


def _join_in_text(di: int, mis: list[int], ck: str, target: str, cluster_of, alias_of: dict[str, str] | None) -> None:
    """Mentions ``mis`` of document ``di``, of cluster ``ck``, are ``target``; texts that name no one
    of the kind keep the first such reading (a shorter name is read per text, not corpus-wide),
    unless ``alias_of`` is None."""
    for mi in mis:
        cluster_of[(di, mi)] = target
    if alias_of is not None:
        alias_of.setdefault(ck, target)


# last words of a body's name that name a part of a larger body ("the Judiciary Committee"): the
# mention finder's heads of a body inside an organisation, and these
SUB_BODY_HEADS = SUBBODY_HEADS | {"subcommittee", "association"}


def _short_bodies(ext: DocExtraction, di: int, cluster_of, alias_of: dict[str, str], final, gazetteer: Gazetteer,
                  log: list[dict]) -> None:
    """"the Army" after "the U.S. Army", "the Foundation" after "the Clinton Foundation", "the
    Judiciary Committee" after "the House Judiciary Committee": an organisation name joins the only
    longer organisation name of the same document that ends with it; and
    "Westerville police" the only police body of the document named after the town ("the Westerville
    Division of Police")."""
    orgs: dict[str, list[str]] = {}  # the document's longer organisation names -> their words
    for mi, m in enumerate(ext.mentions):
        # (a one-word name another text joined to its organisation names none here)
        own, ck = cluster_of[(di, mi)], final(cluster_of[(di, mi)])
        if m.type == "Organization" and len(_words_of(own, gazetteer)) > 1 and len(_words_of(ck, gazetteer)) > 1:
            orgs[ck] = _words_of(ck, gazetteer)
    joined: set[str] = set()
    for mi, m in enumerate(ext.mentions):
        ck = cluster_of[(di, mi)]
        if m.type == "Organization" and m.basis.startswith("police+") and ck.startswith("name:"):
            # "Westerville police" in a text naming the "Westerville Division of Police": that body
            town = name_key(m.mention.text).split()[:-1]  # the words before "police"
            hits = sorted(o for o, ws in orgs.items() if o != ck and "police" in ws and ws[:len(town)] == town)
        elif m.type != "Organization" or not ck.startswith("name:"):
            continue
        else:
            # ("the Judiciary Committee" after "the House Judiciary Committee": its last words, when they
            # name a sub-body; "McGill University" is not "the Student Society of McGill University")
            short = ck[5:].split()
            hits = sorted(o for o, ws in orgs.items() if len(ws) > len(short) and ws[-len(short):] == short and (
                len(short) == 1 or short[-1] in SUB_BODY_HEADS and "of" not in ws[:-len(short)]))
        if len(hits) == 1:
            # this text's "Army" is its own army (its organisation mentions only); a name of several
            # words ("the Judiciary Committee") is read so in this text only, not corpus-wide
            per_text = not m.basis.startswith("police+") and len(ck[5:].split()) > 1
            _join_in_text(di, [mi], ck, hits[0], cluster_of, None if per_text else alias_of)
            if ck not in joined:
                joined.add(ck)
                log.append({"surface": ck[5:], "entity_key": hits[0],
                            "reason": f"short name of an organisation named in {ext.document.id}"})


def _stray_fragment(name: str, typ: str, mentions) -> bool:
    """A one-word name that only the model's ORG tag supports (no gazetteer entry, no rule, not an
    acronym, not an institution such as "the Senate")."""
    return (typ == "Organization" and len(name.split()) == 1 and not name.isupper()
            and name_key(name) not in words("institution_word")
            and all(m.basis == "ner:ORG" for m in mentions))


def gaz_forms(gazetteer: Gazetteer, entry_id: str) -> tuple[str, ...]:
    """Normalised names of a gazetteer entry, computed once per gazetteer (resolution hot spot)."""
    cache = gazetteer.__dict__.setdefault("_form_keys", {})
    if entry_id not in cache:
        cache[entry_id] = tuple(k for k in (name_key(f) for f in gazetteer[entry_id].surface_forms())
                                if len(k) >= FUZZY_MIN_LENGTH)
    return cache[entry_id]


def _words_of(cluster_key: str, gazetteer: Gazetteer) -> list[str]:
    """The words of a cluster's name (a gazetteer entry's canonical name, normalised)."""
    return (name_key(gazetteer[cluster_key[4:]].name) if cluster_key.startswith("gaz:") else cluster_key[5:]).split()


def _shortens(short: list[str], full: list[str]) -> bool:
    """Is ``short`` (two words or more) ``full`` with middle words left out, or its last words?

    >>> _shortens("dina powell".split(), "dina habib powell".split())
    True
    >>> _shortens("habib powell".split(), "dina habib powell".split())
    True
    >>> _shortens("george bush".split(), "george w bush jr".split())
    False
    """
    if len(short) < 2 or len(short) >= len(full) or short[-1] != full[-1]:
        return False
    if short == full[len(full) - len(short):]:
        return True
    it = iter(full[1:-1])
    return short[0] == full[0] and all(w in it for w in short[1:-1])


@lru_cache(maxsize=1)
def nicknames() -> dict[str, tuple[str, ...]]:
    """Familiar first names and the formal ones they stand for ("bob": ("robert",)), from
    ``data/nicknames.jsonl`` (name keys: lower case)."""
    return {row["familiar"]: tuple(row["formal"]) for row in data_rows("nicknames.jsonl")}


def _familiar_form(key: str, keys: list[str], gazetteer: Gazetteer) -> bool:
    """Is ``key`` a familiar form of another of ``keys`` ("Doug Haig" beside "Douglas Haig")?"""
    first, *rest = _words_of(key, gazetteer)
    formal = nicknames().get(first, ())
    return any(_words_of(k, gazetteer) == [f, *rest] for k in keys for f in formal)


def _first_word(cluster_key: str, gazetteer: Gazetteer) -> str:
    name = gazetteer[cluster_key[4:]].name if cluster_key.startswith("gaz:") else cluster_key[5:]
    return name_key(name.split()[0]) if name.split() else ""


def relation_id(source: str, typ: str, target: str) -> str:
    """Readable and stable: the same triple always has the same id.

    >>> relation_id("united-states", "SUPPORTS", "free-police")
    'united-states--SUPPORTS--free-police'
    """
    return f"{source}--{typ}--{target}"
