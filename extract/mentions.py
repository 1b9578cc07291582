"""Find typed entity mentions in a parsed spaCy Doc: gazetteer first, then the model's NER, typed.

Order of evidence, strongest first:
1. the gazetteer (``GazetteerMatcher``): known names and their spelling variants, whatever
   label the model gave them (it tags Arabic group names as PERSON);
2. metonymy: a capital that acts ("Damascus warned") becomes its State; a demonym in front of
   an actor noun ("Russian aerospace forces") becomes its State;
3. the model's NER label mapped to the six types, corrected by words of the name
   ("... Brigade" → Group, "... News" → MediaOutlet) from ``data/type_rules.jsonl``.
Acronyms defined in the text ("Islamic State of Iraq and Syria (ISIS)") are tied to their long form.
"""
from __future__ import annotations

from bisect import bisect_right
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable, Iterable

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.gazetteer import Gazetteer, data_rows, the_word_outlet
from newsgraph.extract.normalize import CLOSING_QUOTES, OPENING_QUOTES, POSSESSIVES, clean_surface, fold, name_key, token_keys
from newsgraph.records import EntityMention, Mention


@lru_cache(maxsize=1)
def type_rules() -> dict[str, dict[str, frozenset[str]]]:
    """``data/type_rules.jsonl`` as {rule: {type or "*": words}}."""
    rules: dict[str, dict[str, frozenset[str]]] = {}
    for row in data_rows("type_rules.jsonl"):
        rules.setdefault(row["rule"], {})[row.get("type", "*")] = frozenset(w.lower() for w in row["words"])
    return rules


def words(rule: str, typ: str = "*") -> frozenset[str]:
    return type_rules().get(rule, {}).get(typ, frozenset())


def name_words(name: str) -> list[str]:
    """The folded words of a name, hyphens as spaces: ``name_words("Winston-Salem") == ["winston", "salem"]``."""
    return [fold(w).strip("'") for w in name.replace("-", " ").split()]


@lru_cache(maxsize=1)
def known_cities() -> frozenset[str]:
    """Folded names of the towns in ``data/cities.jsonl`` (GeoNames, 80,000 people or more)."""
    return frozenset(" ".join(name_words(row["name"])) for row in data_rows("cities.jsonl"))


# ------------------------------------------------------------------------ gazetteer matcher

@dataclass(frozen=True)
class GazMatch:
    start: int  # token index
    end: int    # token index, exclusive
    entry: str
    actor_form: bool
    state_prefix: bool = False  # the state's name that starts one of its bodies' names ("US Treasury")


# Gazetteer roles of an organisation that is a body of its state (government, armed forces,
# intelligence, legislature, police).
STATE_BODY_ROLES = frozenset({"GOV", "MIL", "SPY", "LEG", "COP"})


class GazetteerMatcher:
    """Longest-match lookup of gazetteer names over normalised tokens.

    Short or all-capital forms ("US", "HTS", "BBC") and outlets named "The" + one word ("The
    Hill") match only with their exact case, so the pronoun "us" is never the United States;
    longer forms match in any case but must start with a capital letter, as names do in news text.
    """

    def __init__(self, gazetteer: Gazetteer, tokenizer) -> None:
        self.gazetteer = gazetteer
        self.index: dict[tuple[str, ...], tuple[str, bool, frozenset[tuple[str, ...]] | None]] = {}
        exact: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
        loose: set[tuple[str, ...]] = set()
        owner: dict[tuple[str, ...], tuple[str, bool]] = {}
        for form, entry_id, actor in gazetteer.match_forms():
            toks = [t.text for t in tokenizer(form)]
            keys = token_keys(toks)
            pairs = [(k, t) for k, t in zip(keys, toks) if k]
            # "The Hill", "The Sun": an outlet whose name is "The" and one common word is that
            # outlet only when written so ("the Hill" is Congress, "the Sun" a star)
            the_name = len(pairs) == 2 and the_word_outlet(gazetteer[entry_id], form)
            if pairs and pairs[0][0] == "the" and len(pairs) > 1 and not the_name:
                pairs = pairs[1:]
            if not pairs or any(k is None for k, _ in pairs):
                continue
            key = tuple(k for k, _ in pairs)
            if key in owner and owner[key][0] != entry_id:
                continue  # the first entry (by id) keeps a form that two entries claim
            owner[key] = (entry_id, actor)
            letters = "".join(ch for ch in form if ch.isalpha())
            if the_name or len(letters) <= 4 or (letters.isupper() and len(letters) <= 6):
                exact.setdefault(key, set()).add(tuple(t for _, t in pairs))
            else:
                loose.add(key)
        for key, (entry_id, actor) in owner.items():
            forms = None if key in loose else frozenset(exact.get(key, ()))
            self.index[key] = (entry_id, actor, forms)
        self.max_len = max((len(k) for k in self.index), default=1)
        self.prefixes = {k[:n] for k in self.index for n in range(1, len(k) + 1)}

    def __call__(self, doc: Doc, toks: list[str] | None = None) -> list[GazMatch]:
        """Gazetteer names in ``doc``; ``toks``: its token texts when the caller has them."""
        toks = [t.text for t in doc] if toks is None else toks
        keys = token_keys(toks)
        starts = {sent.start for sent in doc.sents}
        # positions of content tokens; a barrier (None) breaks a run
        matches: list[GazMatch] = []
        i = 0
        n = len(doc)
        while i < n:
            if not keys[i]:
                i += 1
                continue
            found = None
            seq: list[int] = []
            cur: tuple[str, ...] = ()
            j = i
            while j < n and len(seq) < self.max_len:
                k = keys[j]
                if k is None:
                    if toks[j] == "," and seq and j + 1 < n and keys[j + 1] and cur + (keys[j + 1],) in self.prefixes:
                        j += 1  # "Bureau of Alcohol, Tobacco, Firearms and Explosives": a comma inside a name
                        continue
                    break
                if k:
                    if seq and j in starts:
                        break
                    cur = cur + (k,)
                    if cur not in self.prefixes:
                        break  # no gazetteer name goes on like this
                    seq.append(j)
                    hit = self.index.get(cur)
                    if hit and self._case_ok(doc, seq, hit[2]):
                        found = (list(seq), hit)
                elif toks[j] in POSSESSIVES:
                    # a possessive ends a name unless a gazetteer form goes on through it
                    # ("Assad's forces", an actor alias of Syria)
                    if not (seq and j + 1 < n and keys[j + 1] and cur + (keys[j + 1],) in self.prefixes):
                        break
                j += 1
            if found:
                seq, (entry_id, actor, _) = found
                start = self._extend_left(doc, keys, seq[0])
                prefix = self._state_prefix(doc, keys, seq, entry_id)
                if prefix:
                    # "the US State Department": the state is named too, and its agency is PART_OF it
                    size, state_id, state_actor = prefix
                    matches.append(GazMatch(start, seq[size], state_id, state_actor, state_prefix=True))
                    start = seq[size]
                matches.append(GazMatch(start, seq[-1] + 1, entry_id, actor))
                i = seq[-1] + 1
            else:
                i += 1
        return matches

    def _state_prefix(self, doc: Doc, keys: list[str | None], seq: list[int], entry_id: str) -> tuple[int, str, bool] | None:
        """(tokens, state id, actor form) of a state's name that starts the name of one of its own
        state bodies ("US Treasury", "United States Department of State"), else None."""
        entry = self.gazetteer[entry_id]
        if entry.type != "Organization" or entry.role not in STATE_BODY_ROLES or not entry.country:
            return None
        for n in range(1, len(seq)):
            hit = self.index.get(tuple(keys[p] for p in seq[:n]))
            if hit is None:
                continue
            state = self.gazetteer[hit[0]]
            # ("the UK parliament": a body's word in lower case after the state's name is the body still)
            if state.type == "State" and state.country == entry.country and self._case_ok(doc, seq[:n], hit[2]):
                return n, hit[0], hit[1]
        # "the Iranian Revolutionary Guard Corps", "the Israeli Air Force": its state's demonym
        state_id = self.gazetteer.demonyms.get(doc[seq[0]].text.lower()) if len(seq) > 1 else None
        if state_id and state_id in self.gazetteer and self.gazetteer[state_id].type == "State" \
                and self.gazetteer[state_id].country == entry.country and doc[seq[1]].text[:1].isupper():
            return 1, state_id, True
        return None

    @staticmethod
    def _case_ok(doc: Doc, seq: list[int], forms: frozenset[tuple[str, ...]] | None) -> bool:
        if forms is not None:
            return tuple(doc[p].text for p in seq) in forms
        first = doc[seq[0]].text
        return first[:1].isupper() or first[:1].isdigit()

    @staticmethod
    def _extend_left(doc: Doc, keys: list[str | None], start: int) -> int:
        # take in "al-" / "Al " directly before the name ("al-Qaeda", "Al Qaeda")
        while start > 0 and keys[start - 1] == "" and doc[start - 1].text not in POSSESSIVES:
            prev = doc[start - 1]
            if prev.text in ("-", "‐", "‑") and (prev.whitespace_ or start - 2 < 0 or keys[start - 2] != ""):
                break
            start -= 1
        return start


# ------------------------------------------------------------------------ typing rules

SPACY_LABELS = {"ORG", "GPE", "NORP", "LOC", "FAC", "PERSON"}
# Head words of a body inside an organisation: "the JVP Artists Council" is not JVP itself.
SUBBODY_HEADS = frozenset({"council", "committee", "board", "caucus", "chapter", "wing", "branch", "office",
                           "bureau", "division", "directorate", "commission", "panel", "secretariat",
                           "department", "ministry", "unit", "brigade", "brigades", "battalion", "force"})


# place words no surname ends with: a PERSON the model found that ends with one is a place
PLACE_NOT_SURNAME = frozenset("base afb airbase airport airfield harbour harbor beach square bridge strait canal "
                              "peninsula plateau mountains islands desert ocean avenue boulevard".split())


def type_from_name(name: str, label: str) -> tuple[str, str] | None:
    """The six-way type of a name the gazetteer does not know, and the basis; None to drop it.

    >>> type_from_name("Jaysh al-Izza", "PERSON")
    ('Group', 'ner:PERSON+name_word')
    >>> type_from_name("Enab Baladi News", "ORG")
    ('MediaOutlet', 'ner:ORG+name_word')
    """
    low = name_words(name)
    if not low or " ".join(low) in words("generic"):
        return None
    last = low[-1]
    link = next((k for k, w in enumerate(low) if w in ("of", "for")), None)
    if link and low[link - 1] in words("name_word", "Organization"):
        last = low[link - 1]  # "Executive Office for Immigration Review": the head is before "for"
    if label in ("ORG", "PERSON") and all(w in words("state_force") for w in low):
        return "Organization", f"ner:{label}+state_force"  # "Iran's Army": a service, not a militia
    if len(low) > 1 and last in words("group_plural") and label in ("ORG", "PERSON", "NORP"):
        return None  # "Remainer MPs", "Leave MPs": a kind of members, no one body or person
    if last in words("title_word") and (label == "ORG" or label == "PERSON" and low[0] not in words("first_name")):
        return None  # "National Security Advisor", "Grand Wizard": a job, not an organisation or a person
    if label in ("ORG", "FAC") and not (name.isupper() and len(name) <= 4) and " ".join(low) in known_cities() \
            and low[0] not in words("first_name"):
        return "Place", f"ner:{label}+city"  # the model tags "Tijuana" and "Malmö" as organisations
    if len(low) > 1 and (last in words("name_word", "Place") or low[0] in words("place_first_word")) and (
            label in ("ORG", "FAC") or label == "PERSON" and last in PLACE_NOT_SURNAME):
        return "Place", f"ner:{label}+place_word"  # "Travis Air Force Base", "Ardennes Forest"
    if label in ("ORG", "PERSON", "FAC", "WORK_OF_ART"):
        # the head word (last) is the strongest signal; any Arabic group word anywhere counts
        if last in words("name_word", "MediaOutlet"):
            return "MediaOutlet", f"ner:{label}+name_word"
        if any(w in words("name_word", "Group") for w in low) and not (last in words("name_word", "Organization")):
            return "Group", f"ner:{label}+name_word"
        if label == "PERSON":
            if any(w in words("name_word", "Organization") for w in low[1:]):
                return "Organization", f"ner:{label}+name_word"
            return "Person", "ner:PERSON"
        if label == "ORG" and 2 <= len(low) <= 3 and low[0] in words("first_name") and not any(
                w in words("name_word", "Organization") for w in low):
            return "Person", "ner:ORG+first_name"  # "Ashok Chopra" mis-tagged as an organisation
        if label == "FAC":
            if last in words("name_word", "Organization"):
                return "Organization", "ner:FAC+name_word"  # "the Israeli Consulate" is an office
            return "Place", "ner:FAC"
        if label == "WORK_OF_ART":
            return None
        return "Organization", "ner:ORG"
    if label in ("GPE", "LOC") and len(low) > 1 and last in words("name_word", "Organization") \
            and last not in words("name_word", "Place") and last not in words("union_head"):
        return "Organization", f"ner:{label}+name_word"  # "Walton County Public Schools" is no place
    if label in ("GPE", "LOC") and 2 <= len(low) <= 3 and low[0] in words("first_name") \
            and low[-1] not in words("first_name") and not is_country(name):
        return "Person", f"ner:{label}+first_name"  # "Mohamed Elibiary" mis-tagged as a place
    if label == "GPE":
        return "Place", "ner:GPE"
    if label in ("LOC",):
        return "Place", f"ner:{label}"
    return None


@lru_cache(maxsize=4096)
def is_country(name: str) -> bool:
    """A sovereign state's name the gazetteer lacks, from the ISO 3166 list (pycountry, offline).

    >>> is_country("Burkina Faso"), is_country("Saraqib")
    (True, False)
    """
    import pycountry
    if fold(name) in words("territory"):
        return False
    try:
        pycountry.countries.lookup(name)
    except LookupError:
        return False
    return True


def country_meant(entry_id: str, sent: Span) -> bool:
    """"the governor of Georgia" is the US state the gazetteer names; "Ukraine and Georgia into NATO"
    the country of that name (told by the sentence's words of its region)."""
    return entry_id in words("us_state_country") and any(w.lower_ in words("caucasus_word") for w in sent)


def is_actor_noun(tok: Token) -> bool:
    return tok.lower_ in words("actor_noun")


# "the Honduran city of San Pedro Sula": the demonym names the state the place lies in
PLACE_DEMONYM = "demonym+place-of"  # such a mention ends nothing but LOCATED_IN
PLACE_OF_NOUNS = frozenset("city town village province region port capital district governorate enclave".split())


PAIR_EXCLUDED = frozenset({"palestine"})  # "the Israeli-Palestinian conflict": a people, not annotated
PAIR_JOINERS = frozenset("- ‐ ‑ – /".split())
# nouns a pair of states can share ("US-South Korean plans", "the Saudi-Iranian rivalry")
# (not "relations", "deal" or "border": "US-Russia relations", "the US-Mexico border" say neither)
JOINT_NOUNS = frozenset("alliance alliances axis cooperation collaboration coordination partnership partnerships "
                        "plan plans exercise exercises drills operation operations coalition forces strikes ties "
                        "pact friendship collusion".split())
RIVAL_NOUNS = frozenset("war wars conflict conflicts tensions tension rivalry rivalries clashes clash standoff "
                        "confrontation hostilities".split())


def _is_state_word(gaz: Gazetteer, word: str) -> bool:
    key = gaz.demonyms.get(word.lower()) or gaz.lookup_name(word)
    return bool(key) and key in gaz and gaz[key].type == "State" and key not in PAIR_EXCLUDED


def state_pair_noun(words_: list[str], i: int, end: int, gaz: Gazetteer) -> str | None:
    """"US-South Korean plans", "the Russian-Iranian alliance": a demonym joined to another state by
    a hyphen or a slash, before a noun the two share (returned, lower-cased), names its state."""
    before = i >= 2 and words_[i - 1] in PAIR_JOINERS and _is_state_word(gaz, words_[i - 2])
    after = end + 1 < len(words_) and words_[end] in PAIR_JOINERS and (
        _is_state_word(gaz, words_[end + 1]) or end + 2 < len(words_)
        and _is_state_word(gaz, f"{words_[end + 1]} {words_[end + 2]}"))
    if not (before or after):
        return None
    k = end
    while k < len(words_) and (words_[k] in PAIR_JOINERS or words_[k][:1].isupper()):
        k += 1
    for noun in words_[k:k + 2]:  # one modifier may come between ("US-Israeli military cooperation")
        if noun.lower() in JOINT_NOUNS | RIVAL_NOUNS:
            return noun.lower()
    return None


def names_place_state(tok: Token) -> bool:
    """"the Syrian city of Aleppo": the demonym names the state the place lies in (and nothing more)."""
    nxt = tok.doc[tok.i + 1:tok.i + 4]
    return len(nxt) == 3 and nxt[0].lower_ in PLACE_OF_NOUNS and nxt[1].lower_ == "of" and nxt[2].text[:1].isupper()


def demonym_is_actor(tok: Token) -> bool:
    """A demonym denotes its state when it modifies an actor noun, directly or through 'and'."""
    t = tok
    between = tok.doc[tok.i + 1:tok.head.i] if tok.head.i > tok.i else []
    if any(w.lower_ in words("non_state_modifier") for w in between):
        return False  # "their Syrian rebel allies" are no part of Syria
    for _ in range(4):
        if t.dep_ in ("amod", "compound", "nmod") and (is_actor_noun(t.head) or _compound_head_actor(t.head)):
            return True
        if t.dep_ == "conj":
            t = t.head
            continue
        return False
    return False


def inserted_home(tok: Token) -> bool:
    """"Marco Rubio, Florida Republican, and Sen. Ted Cruz": the parser takes the inserted home
    state and party for the next item of a list."""
    return tok.dep_ == "conj" and tok.head.ent_type_ == "PERSON" and tok.i >= 2 \
        and tok.doc[tok.i - 1].ent_type_ == "GPE" and tok.doc[tok.i - 2].text == ","


def party_is_meant(tok: Token) -> bool:
    """A party's adjective names the party when it qualifies a person ("Democrat Ilhan Omar",
    "Republican senators") or stands in apposition to one ("Ilhan Omar, a Democrat"), not an
    idea ("democratic values", "the Democratic Republic")."""
    head = tok.head
    # (a bare surname the model took for an ORG is a person too: "Schaaf, a Democrat, posted ...")
    person = head.ent_type_ == "PERSON" or head.ent_type_ == "ORG" and head.pos_ == "PROPN" and tok.dep_ == "appos" \
        and tok.i == head.i + 3 and tok.doc[head.i + 1].text == "," and tok.doc[head.i + 2].lower_ == "a"
    if (tok.dep_ == "appos" or inserted_home(tok)) and person and tok.pos_ in ("PROPN", "NOUN"):
        return True  # "Rob Portman, the Ohio Republican"
    if tok.pos_ in ("PROPN", "NOUN") and tok.dep_ in ("attr", "nsubj", "dobj", "pobj") \
            and any(c.dep_ == "det" and c.lower_ in ("a", "an", "another", "every")
                    or c.dep_ == "amod" and c.lower_ in ("only", "first", "last", "lone", "sole") for c in tok.children):
        return True  # "the special counsel is a Republican", "the only Republican to": a member named by the party's noun
    return tok.dep_ in ("amod", "compound", "nmod") and head.i > tok.i and (
        head.lower_ in words("partisan_noun") or (head.pos_ == "PROPN" and head.ent_type_ == "PERSON"))


def _compound_head_actor(t: Token) -> bool:
    # "Russian aerospace forces": aerospace is a compound of forces
    return t.dep_ in ("compound", "amod") and is_actor_noun(t.head)


def opens_dateline(span: Span) -> bool:
    """"BUDAPEST, Hungary, February 19, 2018 (LifeSiteNews) –": a capitalised town opening a line
    before a comma is a wire story's dateline, a place."""
    doc = span.doc
    return _opens_line(doc, span.start) and span.text.isupper() and span.end < len(doc) and doc[span.end].text == ","


# plural place nouns that a "following" list after a colon names one by one
LISTED_PLACE_NOUNS = frozenset("cities towns counties communities areas locations states countries provinces "
                               "regions villages municipalities".split())


def place_list_start(tok: Token) -> int | None:
    """"arrests in the following Texas cities and towns: Austin (45), Waco (5) and Dallas (2)": the
    index of the colon after a plural place noun that "following" announces (its list names places)."""
    if tok.lower_ not in LISTED_PLACE_NOUNS or not any(c.lower_ == "following" for c in tok.children):
        return None
    k = tok.right_edge.i + 1
    return k if k < tok.sent.end and tok.doc[k].text == ":" else None


def listed_places(doc: Doc, found: list[tuple[EntityMention, Span]],
                  texts: list[str]) -> list[tuple[EntityMention, Span]]:
    """The unknown one-word "people" of a "following cities:" list are its towns ("Waco (5)"), and
    so are the unknown names the model typed otherwise before a count ("Hoffman Estates (1)", "Palatine (4)")."""
    colons = [(k, doc[k].sent.end) for k in (place_list_start(doc[i]) for i, w in enumerate(texts)
                                              if w.lower() in LISTED_PLACE_NOUNS) if k is not None]
    if not colons:
        return found

    def town(m: EntityMention, span: Span) -> bool:
        counted = len(span) <= 3 and span.end < len(texts) and texts[span.end] == "("
        return m.key is None and (m.type == "Person" and (len(span) == 1 or counted)
                                  or m.type == "Organization" and counted)

    return [(replace(m, type="Place", basis=f"listed-place+{m.basis}")
             if town(m, span) and any(k < span.start < end for k, end in colons) else m, span) for m, span in found]


def capital_is_actor(span: Span) -> bool:
    """Metonymy test: does this capital/seat act (Damascus warned) or is it a location?"""
    if opens_dateline(span):
        return False
    root = span.root
    seen = 0
    while root.dep_ == "conj" and seen < 6:  # "Washington, London, and Brussels" share a role
        root = root.head
        seen += 1
    dep, head = root.dep_, root.head
    if dep == "nsubj" and head.pos_ in ("VERB", "AUX") and head.lemma_ not in ("be", "lie", "sit", "locate", "remain", "become", "fall", "stand", "host"):
        return True
    if dep == "nsubjpass" and head.lemma_ in words("capital_actor_verb"):
        return True
    if dep == "poss" and head.lower_ not in words("location_noun") and not any(
            fold(t.text) in words("name_word", "Place") | words("place_first_word") for t in (head, *head.lefts)):
        return True  # ("London's River Thames": a place of the city, not an act of the state)
    if dep == "pobj" and head.dep_ == "agent":
        return True
    if dep in ("dobj", "obj") and head.pos_ == "VERB" and head.lemma_ not in words("capital_place_verb"):
        return True  # "accused Damascus", "tipped off Tehran" — but "bombed Damascus" is a place
    if dep == "pobj" and head.lower_ in ("against", "with", "to", "by") and head.head.lower_ in words("capital_actor_noun"):
        return True
    if dep == "pobj" and head.lower_ == "in" and (head.head.lower_ in words("government_noun") or (
            head.i > 0 and head.doc[head.i - 1].lower_ in words("government_noun"))):
        return True  # "Obama backed the regime in Tehran" (however "in" is attached): the state itself
    return False


# ------------------------------------------------------------------------ mentions

HONORIFICS = frozenset("mr mrs ms miss dr mr. mrs. ms. dr. sir dame".split())
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
LEADING_CONJUNCTIONS = frozenset("neither either nor both and but or".split())


# the model ends an organisation's name at its "and" and starts another after it (the name links,
# NAME_LINKS below, at which it does so)
SPLIT_JOINERS = frozenset("and & of for".split())


GENERATIONS = frozenset({"Jr.", "Jr", "Sr.", "Sr"})
OFFICE_HOLDERS = frozenset("Attorney Sheriff Prosecutor Coroner Marshal Comptroller Inspector".split())
HOLDER_WORDS = OFFICE_HOLDERS | {"General", "District", "County", "State"}


def holder_office(words_: list[str], start: int, taken: list[bool]) -> int:
    """Where an office named after its holder starts: "the U.S. | Attorney’s | Office for the District
    of Columbia", "the District Attorney’s Office" (the model's name starts after the possessive)."""
    if start < 2 or words_[start] not in ("Office", "Offices", "Department") or words_[start - 1] not in POSSESSIVES:
        return start
    j = start - 1
    while j > 0 and words_[j - 1] in HOLDER_WORDS and not taken[j - 1]:
        j -= 1
    return j if any(w in OFFICE_HOLDERS for w in words_[j:start - 1]) else start


LINKED_TAIL_MAX = 4  # capitalised words a name cut after its joining word may take back


def linked_tail(doc: Doc, words_: list[str], start: int, end: int, taken: list[bool],
                found: list[tuple[EntityMention, Span]]) -> int:
    """Where a body's name the model cut after a joining word ends: "the State University of New
    York at | Cortland", "the U.S. Attorney's Office for the Southern District of | New York".
    The capitalised words after it (and a place named there) belong to the name; ``end`` when none."""
    if end >= len(words_) or words_[end - 1].lower() not in ("of", "at", "for", "in") or "\n" in doc[end - 1].whitespace_ \
            or not any(fold(w) in words("name_word", "Organization") for w in words_[start:end - 1]):
        return end  # ("the Emeritus Archbishop of | Riga", "the King and Queen of | Jordan": titles, no body)
    places = {span.start: span.end for m, span in found if m.type == "Place"}
    first = k = end + (words_[end] == "the")
    while k < len(words_) and k - end < LINKED_TAIL_MAX and words_[k][:1].isupper() and words_[k].isalpha():
        if taken[k]:
            if k not in places:
                break
            k = places[k]
        else:
            k += 1
        if "\n" in doc[k - 1].whitespace_:
            break
    return k if k > first else end


def generation_suffix(texts: list[str], end: int) -> int | None:
    """The end of a "Jr."/"Sr." after a name ending at ``end`` (", Jr." too), or None."""
    k = end + 1 if end < len(texts) and texts[end] == "," else end
    return k + 1 if k < len(texts) and texts[k] in GENERATIONS else None


def other_first_name(texts: list[str], k: int, name: str) -> bool:
    """Is the word before a surname at ``k`` a first name other than the known person's own?"""
    if k == 0 or not texts[k - 1][:1].isupper():
        return False
    first = fold(texts[k - 1])
    return first in words("first_name") and first not in name_words(name)


def titled_person(texts: list[str], start: int, end: int) -> bool:
    """Do the words after a title look like a person's name (one or two capitalised words)?
    (Not a body named after a title: "Judge Advocate General's Corps", "Bishop Museum of Art".)"""
    name = texts[start:end]
    return 1 <= len(name) <= 2 and all(w[:1].isupper() and w.isalpha() for w in name)


def is_post_nominal(word: str) -> bool:
    """"MP", "QC": letters written after a person's name."""
    return word.isupper() and word.lower() in words("post_nominal")


def is_person_title(word: str) -> bool:
    """"Councillor", "Sen.", "Shaykh": a title the model may keep at the front of a person's name."""
    return word[:1].isupper() and fold(word).rstrip(".") in words("person_title")


def join_split_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """"the Foundation for Accountability and | Civic Trust": two organisations the model made of
    one name, the first ending with its joining word, are one."""
    out: list[Span] = []
    for ent in ents:
        prev = out[-1] if out else None
        if prev is not None and prev.label_ == ent.label_ == "ORG" and prev.end == ent.start \
                and len(prev) >= 3 and doc[prev.end - 1].lower_ in SPLIT_JOINERS:
            out[-1] = Span(doc, prev.start, ent.end, label=prev.label_)
        else:
            out.append(ent)
    return out


def _asks(tok: Token) -> bool:
    """Does the sentence of ``tok`` end with a question mark?"""
    last = tok.sent[-1]
    while last.is_space and last.i > tok.i:
        last = tok.doc[last.i - 1]
    return last.text == "?"


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop leading determiners/punctuation and trailing possessives/punctuation from a token span
    (and what the model runs into a name: "posted to Twitter Saturday", "the president's Sunday
    attacks", where the possessive's "s" lost its apostrophe)."""
    while start < end and (doc[start].lower_ in ("the", "a", "an", "s") or doc[start].is_punct or doc[start].is_space
                           # "Mrs May", "Ms Fransen": a British honorific has no full stop; "Hopefully Mexico";
                           # "Neither Patel nor AAA could be reached": a sentence's first word runs into a name
                           or end - start > 1 and (doc[start].lower_ in HONORIFICS or doc[start].lower_ in LEADING_CONJUNCTIONS
                                                   or doc[start].pos_ == "ADV" and doc[start].lower_.endswith("ly")
                                                   # "Will Brett Kavanaugh be confirmed?": a question's modal
                                                   or doc[start].tag_ == "MD" and _asks(doc[start]))):
        start += 1
    while end > start and (doc[end - 1].text in POSSESSIVES or doc[end - 1].is_punct or doc[end - 1].is_space
                           or doc[end - 1].lower_ in WEEKDAYS and end - 1 > start
                           # "Guyger and Jean's apartment", "the State University of New York at": the
                           # model's name stops on a joining word, which ends no name
                           or doc[end - 1].lower_ in NAME_LINKS and end - 1 > start and doc[end - 2].whitespace_):
        end -= 1
    if end == start + 1 and doc[start].lower_ in WEEKDAYS:
        return start, start
    return start, end


def _cut_at_verb(doc: Doc, start: int, end: int) -> int:
    """"Vatican International Theological Commission Sacked", "Most Wanted Domestic Terrorists Are
    These People": a headline's Title Case runs a name into its verb; the name ends before it."""
    for k in range(start + 1, end):
        t = doc[k]
        if t.tag_ in ("VBD", "VBZ", "VBP", "MD") and t.pos_ in ("VERB", "AUX") and not t.text.isupper():
            return k
    return end


def char_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


# add(start, end, name, type, gazetteer key, basis): a mention over tokens start:end (find_mentions)
AddMention = Callable[[int, int, str, str, "str | None", str], None]


def demonym_mentions(doc: Doc, words: list[str], gaz: Gazetteer, taken: list[bool], add: AddMention) -> None:
    """Demonyms that denote a state (or a party) as an actor: "Russian aerospace forces", "Iranian
    allies", "a Saudi-backed rebel group"; "the Syrian city of Aleppo" (a place's state); "the
    Israeli-Palestinian conflict" (a pair of states)."""
    for i, word in enumerate(words):
        # look at the Token only for a capitalised demonym (building Tokens is the costly part)
        if not word[:1].isupper() or taken[i]:
            continue
        end = i + 1
        state = gaz.demonyms.get(word.lower())
        if i + 1 < len(words) and words[i + 1][:1].isupper() and not taken[i + 1]:
            pair = gaz.demonyms.get(f"{word} {words[i + 1]}".lower())  # "North Korean missiles"
            if pair:
                state, end = pair, i + 2
        # "a Saudi-backed rebel group": the state acts through the participle
        acts = end + 1 < len(words) and words[end] in ("-", "‐", "‑") and words[end + 1].lower() in DEMONYM_PARTICIPLES
        if state and state in gaz and (party_is_meant(doc[end - 1]) if gaz[state].type == "Group"
                                       else acts or demonym_is_actor(doc[end - 1])):
            add(i, end, doc[i:end].text, gaz[state].type, state, "demonym")
        elif state and state in gaz and gaz[state].type == "State" and names_place_state(doc[end - 1]):
            add(i, end, doc[i:end].text, "State", state, PLACE_DEMONYM)
        elif state and state in gaz and gaz[state].type == "State" and state not in PAIR_EXCLUDED \
                and state_pair_noun(words, i, end, gaz):
            add(i, end, doc[i:end].text, "State", state, "demonym+pair")


def parties_after_names(doc: Doc, words: list[str], gaz: Gazetteer, taken: list[bool], add: AddMention) -> None:
    """"Anna Soubry (Conservative), and Caroline Lucas (Green)": a party in brackets after a person;
    "Jerry Nadler (D-NY)", "Mark Meadows, R-N.C.,": a US politician's party tag, whose state code
    names no body."""
    for i, word in enumerate(words):
        # a full "(D-CA)" may follow a name the model swallowed: "Speaker of the House Nancy Pelosi (D-CA)"
        full_tag = word == "(" and words[i + 2:i + 3] in (["-"], ["–"]) and words[i + 4:i + 5] == [")"] \
            and words[i + 3] in us_state_codes()
        if word not in ("(", ",") or i == 0 or doc[i - 1].ent_type_ != "PERSON" and not (
                full_tag and doc[i - 1].pos_ == "PROPN"):
            continue
        # "(D-NY)", "(R -Calif.)", and between commas: "Mark Meadows, R-N.C., who ..."
        dash = i + 2 < len(words) and (words[i + 2] in ("-", "–") or words[i + 2][:1] in ("-", "–")
                                       and words[i + 2][1:2].isupper())
        tag = party_codes().get(words[i + 1]) if dash else None
        closers = (")",) if word == "(" else (",", ")", ".", ";")
        if tag in gaz and (any(w in closers for w in words[i + 3:i + 6]) or word == "," and i + 4 >= len(words)):
            # "Jerry Nadler (D-NY)": the letter of a US politician's tag is the party; the state's
            # code after the dash names no body (the model took "MN" for an organisation)
            add(i + 1, i + 2, gaz[tag].name, gaz[tag].type, tag, "party-tag")
            if i + 3 < len(words):
                taken[i + 3] = words[i + 3] in us_state_codes()
            continue
        if i + 2 < len(words) and words[i + 1] in us_state_codes() and words[i + 2] == ")":
            taken[i + 1] = True  # "Nancy Pelosi (CA)": the model took the state's code for an organisation
            continue
        end = next((e for e in (i + 2, i + 3) if e < len(words) and words[e] == ")"), None)
        if end is None or any(taken[i + 1:end]):
            continue
        inner = " ".join(words[i + 1:end])
        key = gaz.lookup_name(inner) or gaz.lookup_name(inner + " Party") or gaz.demonyms.get(inner.lower())
        if key in gaz and gaz[key].role == "PTY":
            add(i + 1, end, doc[i + 1:end].text, gaz[key].type, key, "party-in-brackets")


def find_mentions(doc: Doc, doc_id: str, text: str, matcher: GazetteerMatcher,
                  doc_text: str | None = None) -> list[tuple[EntityMention, Span]]:
    """Typed mentions of one document (and their token spans), sorted by position.

    ``text`` is the original document text: mention texts are cut from it, so
    ``text[start:end] == mention.text`` holds whatever markup surrounded the name.
    ``doc_text`` is ``doc.text`` when the caller has it (spaCy rebuilds it on every access).
    """
    gaz = matcher.gazetteer
    out: list[tuple[EntityMention, Span]] = []
    taken = [False] * len(doc)

    def add(start: int, end: int, name: str, typ: str, key: str | None, basis: str) -> None:
        start, end = _trim(doc, start, end)
        if start >= end:
            return
        name = clean_surface(name)
        if typ == "Person":
            # "Paul Masterton MP told ...": the letters stay in the phrase (it heads the clause) but
            # are no part of the name
            if end - start >= 2 and is_post_nominal(words[end - 1]):
                name = clean_surface(name.removesuffix(words[end - 1]))
            elif end < len(doc) and not taken[end] and is_post_nominal(words[end]) and doc[end - 1].whitespace_:
                end += 1
        s, e = char_span(doc, start, end)
        surface = text[s:e]
        if not name or not any(c.isalpha() for c in name):
            return
        for p in range(start, end):
            taken[p] = True
        out.append((EntityMention(Mention(doc_id, s, e, surface), name, typ, key, basis), doc[start:end]))

    # one pass over the tokens for their texts: building spaCy Token objects is the costly part
    words = [t.text for t in doc]
    gmatches = matcher(doc, words)
    ner_ents = join_split_names(doc, [e for e in doc.ents if e.label_ in SPACY_LABELS])

    # A longer model entity that swallows a gazetteer place ("Aleppo Media Center") keeps its name.
    ent_at = {t: ent for ent in ner_ents for t in range(ent.start, ent.end)}

    def regional_party(ent: Span, place_end: int) -> bool:
        """"the Florida Democratic Party": a model name that is a place's name and a party's is
        the party's branch there, a group of its own (neither the state nor the national party)."""
        key = gaz.lookup_name(doc[place_end:ent.end].text)
        start = _trim(doc, ent.start, ent.end)[0]
        place = gaz.lookup_name(doc[start:place_end].text)
        # ("the Broward County Democratic Party": a county need not be in the gazetteer)
        county = place_end - start >= 2 and words[place_end - 1] in ("County", "Parish") and words[start].istitle()
        return ent.label_ == "ORG" and key in gaz and gaz[key].role == "PTY" and (
            county or place in gaz and gaz[place].type in ("Place", "State"))

    def swallowed(m: GazMatch) -> bool:
        if m.actor_form or m.state_prefix:
            return False
        if gaz[m.entry].type not in ("Place", "State"):
            return sub_body(m)
        if m.start in ent_at and regional_party(ent_at[m.start], m.end):
            return True
        for ent in ([ent_at[m.start]] if m.start in ent_at else []):
            if any(t.text in POSSESSIVES or t.text.endswith(("’s", "'s")) for t in ent):
                continue  # "Iran's Army" is Iran's, not a name of its own
            inside = ent.start <= m.start and m.end <= ent.end and (ent.end - ent.start) > (m.end - m.start)
            # (type_rules() directly: find_mentions' token list shadows words())
            if ent.label_ in ("GPE", "LOC") and inside and fold(words[ent.end - 1]) in type_rules()["name_word"]["Place"]:
                return True  # "the Las Vegas Strip", "Las Vegas Boulevard": a place of its own in the gazetteer's
            if ent.label_ in ("ORG", "FAC") and inside:
                if fold(words[ent.end - 1]) in type_rules()["event_head"]["*"]:
                    return False  # "the Las Vegas Massacre" happened in the place: it is no name of a body
                extra = [t for t in ent if (t.i < m.start or t.i >= m.end) and t.text[:1].isupper() and t.lower_ != "the"]
                if gaz[m.entry].type == "State" and m.start == _trim(doc, ent.start, ent.end)[0] \
                        and (state_office(words, m.end, ent.end) or state_body(words, m.end, ent.end, [False] * len(doc))
                             and fold(words[ent.end - 1]) in SERVICE_HEADS):  # ("Iran Air" is an airline)
                    return False  # "the U.S. Court of Appeals", "the U.S. Military": the state and its office
                if extra and not any(gaz.lookup_name(t.text) for t in extra):
                    return True
        return False

    def sub_body(m: GazMatch) -> bool:
        ent = ent_at.get(m.start)
        if ent is not None and is_sub_body(ent, m):
            sub_bodies[ent.start] = gaz[m.entry].type  # a group's council is a group
            return True
        if ent is not None and m.end == ent.end and m.start > ent.start and regional_party(ent, m.start):
            sub_bodies[ent.start] = "Group"
            return True
        return False

    sub_bodies: dict[int, str] = {}

    for m in gmatches:
        if swallowed(m):
            continue
        entry = gaz[m.entry]
        span = doc[m.start:m.end]
        if all(a.startswith("El ") for a in entry.aliases) and not span.text.startswith(("El ", "el ")):
            continue  # the key drops Arabic "al"/"el", but "Salvador Allende" is not El Salvador
        key, typ, basis = entry.id, entry.type, "gazetteer"
        if typ == "Person" and m.end - m.start == 1 and other_first_name(words, m.start, entry.name):
            continue  # "Greg Pence" is not Mike Pence: the model's name stands
        if typ == "MediaOutlet" and m.end - m.start == 1 and m.start in ent_at and ent_at[m.start].label_ == "PERSON" \
                and ent_at[m.start].end == m.end and m.start and given_name_or_initial(words[m.start - 1]):
            continue  # "Michael J. Fox", "Megan Fox": a person's surname, not Fox News
        suffix = generation_suffix(words, m.end) if typ == "Person" else None
        if suffix:
            # "Donald Trump Jr." (or "Donald Trump, Jr.") is not Donald Trump
            add(m.start, suffix, f"{span.text} {words[suffix - 1]}", "Person", None, "gazetteer+suffix")
            continue
        if country_meant(entry.id, span.sent):
            # the country's own entry where the gazetteer names it "Republic of ..."
            key, typ, basis = gaz.lookup_name("Republic of " + span.text), "State", "gazetteer+country-namesake"
        elif entry.seat_of and entry.seat_of in gaz and capital_is_actor(span):
            key, typ, basis = entry.seat_of, gaz[entry.seat_of].type, f"metonymy:{entry.id}"
        add(m.start, m.end, span.text, typ, key, basis)

    demonym_mentions(doc, words, gaz, taken, add)
    parties_after_names(doc, words, gaz, taken, add)

    def add_named(ent: Span, start: int, end: int) -> None:
        """Type and add one name the model found (all of its entity or a piece of it)."""
        if ent.label_ in ("GPE", "LOC", "FAC") and end - start > 1 and words[end - 1] in OFFICE_HOLDERS:
            end -= 1  # "Taos County Sheriff Jerry Hogrefe": the place, then the office holder's title
        name = doc[start:end].text
        key = gaz.lookup_name(name)
        if key:
            add(start, end, name, gaz[key].type, key, "gazetteer:name")
            return
        state = government_of(gaz, clean_surface(name))
        if state:  # "the Government of Ecuador" is the state acting
            add(start, end, gaz[state[0]].name if state[0] else state[1], "State", state[0], "ner:government-of")
            return
        if not any(t.pos_ == "PROPN" or t.text.isupper() for t in doc[start:end]):
            return  # "Groups" at the start of a sentence is a common noun, not a name
        if re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?\.?", name.strip()):
            return  # bare initials ("H.R.") are a fragment of a name, not a name
        if LINK.search(name):
            return  # "https://t.co/sqz8eoTjLD", "pic.twitter.com/aV4wEV4ozR": a link, not a name
        if _quoted_whole(doc, start, end) and len(name.split()) > 1:
            return  # “Arch Deceiver”, “Witch Hunt”: a phrase quoted whole is a title or a slogan
        typed = type_from_name(clean_surface(name), ent.label_)
        if ent.start in sub_bodies:
            typed = sub_bodies[ent.start], "ner:ORG+sub-body"
        elif typed is not None and is_outlet_named(doc, start):
            typed = "MediaOutlet", f"ner:{ent.label_}+outlet-noun"  # "the state news agency Mehr"
        elif typed is not None and typed[0] == "Organization" and is_group_named(doc, start, end):
            typed = "Group", f"ner:{ent.label_}+group-noun"  # "the activist group Local to Global Justice"
        elif typed is not None and typed[0] == "Person" and is_place_named(doc, start, end):
            typed = "Place", f"ner:{ent.label_}+town-noun"
        if typed is None:
            return
        typ, basis = typed
        if typ == "Place" and ent.label_ == "GPE" and is_country(clean_surface(name)):
            typ, basis = "State", "ner:GPE+country"
        add(start, end, name, typ, None, basis)

    for a, b in name_list(words, doc, taken):
        add(a, b, doc[a:b].text, "Person", None, "name-list+first_name")

    def add_service(owner: int, start: int, end: int) -> None:
        """"Iran’s Army", "the Israeli Ministry of Intelligence": a state's service is named with its
        state (one "Army" entity for the armies of all states would be wrong); its span is its own."""
        add(start, end, doc[owner:end].text, "Organization", None, "ner:ORG+state-body")

    states_at = {span.start: span.end for m, span in out if m.type == "State"}
    named_states = {span.start for m, span in out if m.type == "State" and m.basis == "gazetteer"}  # no demonyms
    states_end = {span.end: span.start for m, span in out if m.type == "State"}
    for ent in ner_ents:
        first = _trim(doc, ent.start, ent.end)[0]
        if ent.label_ in ("ORG", "FAC") and first < ent.end and first not in states_at and not taken[first]:
            # "the Israeli Consulate": the demonym is the state the body belongs to
            state = gaz.demonyms.get(words[first].lower())
            if state and state in gaz and gaz[state].type == "State" and state_body(words, first + 1, ent.end, taken):
                add(first, first + 1, words[first], "State", state, "demonym+state-body")
                states_at[first], states_end[first + 1] = first + 1, first
        if any(taken[p] for p in range(ent.start, ent.end)):
            tail = person_tail(ent, words, taken) if ent.label_ in ("ORG", "PERSON") else None
            if tail is None and ent.label_ == "PERSON":
                tail = person_head(ent, words, taken)
            body = None
            if first in states_at and ent.label_ in ("ORG", "FAC"):
                body = state_body(words, states_at[first], ent.end, taken) or (
                    state_office(words, states_at[first], ent.end)
                    if first in named_states and not any(taken[states_at[first]:ent.end]) else None)
            if tail:
                add(*tail, doc[tail[0]:tail[1]].text, "Person", None, f"ner:{ent.label_}+tail+first_name")
            elif body:
                add_service(first, *body)
            continue
        if ent.label_ == "NORP":
            continue  # demonyms were handled above; religions and ethnicities are not actors
        end = ent.end
        if ent.label_ in ("ORG", "FAC"):
            end = linked_tail(doc, words, ent.start, end, taken, out)
            if end > ent.end:
                # the places named in the name are part of it, not mentions of their own
                out[:] = [(m, sp) for m, sp in out if not (ent.end <= sp.start and sp.end <= end)]
                for p in range(ent.end, end):
                    taken[p] = False
        start, end = _trim(doc, ent.start, end)
        if start >= end:
            continue
        # the model sometimes runs a heading into the next line: keep the first line only
        for p in range(start, end):
            if "\n" in doc[p].text or ("\n" in doc[p].whitespace_ and p < end - 1):
                end = p + 1 if not doc[p].is_space else p
                break
        if ent.label_ in ("ORG", "PERSON", "FAC"):
            end = _cut_at_verb(doc, start, end)
        start, end = _trim(doc, start, end)
        if start >= end:
            continue
        if ent.label_ == "PERSON" and end - start >= 2 and is_person_title(words[start]) \
                and words[start + 1][:1].isupper():
            start += 1  # "Councillor Ohid Ahmed": the title is no part of the name
        elif ent.label_ == "ORG" and is_person_title(words[start]) and titled_person(words, start + 1, end):
            # "Archbishop Jeanbart", "Bishop Marian Eleganti": a title and a name the model took for a body
            add(start + 1, end, doc[start + 1:end].text, "Person", None, "ner:ORG+title")
            continue
        if words[start] in QUESTION_AUX and end < len(doc) and _line_or_sentence_start(doc[start]) \
                and doc[start].sent.text.rstrip().endswith("?"):
            # "Will Brett Kavanaugh be confirmed?": the model took the question's verb for a first name
            start += 1
            while end < len(doc) and words[end][:1].isupper() and words[end].isalpha() and not taken[end]:
                end += 1
        if ent.label_ == "PERSON" and end - start == 1 and start and given_name_before(doc, words, start, taken):
            start -= 1  # "London mayor Sadiq Khan": the model left the given name out of the person
        if ent.label_ == "ORG":
            start = holder_office(words, start, taken)
        owner = states_end.get(start - 1 if start and words[start - 1] in POSSESSIVES else start)
        if ent.label_ in ("ORG", "FAC") and owner is not None and (state_body(words, start, end, taken) or (
                owner in named_states and words[start - 1] not in POSSESSIVES and state_office(words, start, end))):
            # "Iran's Army", "U.S. | District Court": the model's entity after the state's
            add_service(owner, start, end)
            continue
        if ent.label_ in ("ORG", "GPE", "FAC", "LOC") and start > 0 and words[start - 1].lower() in HONORIFICS \
                and end - start <= 3 and all(w[:1].isupper() for w in words[start:end]):
            # "Ms Geller, of the Atlas Shrugs blog": after an honorific, a name is a person's
            add(start, end, doc[start:end].text, "Person", None, f"ner:{ent.label_}+honorific")
            continue
        pieces = _name_pieces(doc, gaz, start, end, split_commas=ent.label_ in ("PERSON", "ORG"))
        for start, end in pieces:
            if start < end:
                add_named(ent, start, end)

    doc_text = doc.text if doc_text is None else doc_text
    out = drop_heading_noise(doc_text, out)
    out = cited_writers(doc_text, out)
    out.sort(key=lambda pair: (pair[0].mention.start, pair[0].mention.end))
    out = initials_acronyms(link_acronyms(doc, out, text))
    out.extend(definite_references(doc, text, out, [w.lower() for w in words]))
    out = office_names(out, words)
    out = compass_regions(doc, doc_id, text, out, _heading_lines(doc_text))
    out = city_names(doc, doc_id, text, out, gaz)
    out = church_sees(doc, doc_id, text, out, words)
    out = dateline_towns(doc, doc_id, text, out, words)
    out = postal_states(doc, doc_id, text, out, words, gaz)
    out = listed_places(doc, out, words)
    out = credited_outlets(out, words, gaz)
    out = possessed_people(doc, doc_id, text, out, words)
    out = credited_photographers(doc, doc_id, text, out, words)
    out = outlet_programmes(doc, doc_id, text, out, words, gaz)
    # names the model missed in one place and found in another: found again
    out = known_heads(doc, doc_id, text, out)
    out = repeated_surnames(doc, doc_id, text, repeated_names(doc, doc_id, text, out, words), words, gaz)
    out = the_house(doc, doc_id, text, out, words)
    out.sort(key=lambda pair: (pair[0].mention.start, pair[0].mention.end))
    return link_aliases(doc, short_outlet_names(out))


# '"Iran Admits To ...," by Adam Kredo, Washington Free Beacon, June 8, 2018:' cites an article: its
# headline is Title Case, but the line is no heading and its names are real
CITATION_LINE = re.compile(r"^\s*[“\"‘].+[”\"’],?\s+by\s+[A-Z]")
# "— Noah Bierman and Chris Megerian Los Angeles Times": a wire story's sign-off, no heading
SIGN_OFF = re.compile(r"^\s*[—–]+\s*[A-Z][a-z]+ [A-Z]")
LINK = re.compile(r"https?://|www\.|\bpic\.twitter\.com/|\bt\.co/")
TRAILING_LINK = re.compile(r"\s*(?:(?:https?://|pic\.twitter\.com/)\S*\s*)+$")
# an embedded tweet's signature: "https://t.co/Q2JC… — Cory Booker (@CoryBooker) March 22, 2019"
TWEET_SIGNATURE = re.compile(r"[—–]\s*[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,4} \(@\w+\)")
SMALL_WORDS = frozenset("a an and as at by for from in of on or the to with".split())
# words that join the parts of a name ("University of Texas at Austin") and never end one
NAME_LINKS = (SMALL_WORDS - {"a", "an", "as"}) | {"&"}
# "• Cardinal Janis Pujats, Emeritus Archbishop Metropolitan of Riga, Latvia": a list's item, not a heading
LIST_BULLETS = ("•", "·", "▪", "◦")


def _step_heading(words_: list[str], line: str) -> bool:
    """A listicle's step, which ends with a period: "Label the Enemy and Make a Threat Assessment."
    (every word but the small ones capitalised; a comma marks a sentence or a credit line)."""
    content = [w for w in words_ if w.lower() not in SMALL_WORDS]
    return len(words_) <= 10 and "," not in line and bool(content) and all(w[:1].isupper() for w in content)


def _heading_lines(doc_text: str) -> list[tuple[int, int]]:
    """Character ranges of title-cased lines (headings), where the model invents organisations."""
    ranges = []
    pos = 0
    first = True
    for whole in doc_text.split("\n"):
        # an embedded tweet: only what it says (a headline, often) may be a heading, not who signed it
        sig = TWEET_SIGNATURE.search(whole)
        line = TRAILING_LINK.sub("", whole[:sig.start()]) if sig else whole
        words_ = [w for w in line.split() if any(c.isalpha() for c in w)]
        end = line.rstrip()[-1:]
        cited = CITATION_LINE.match(line)
        longest = 30 if first else 14  # a title may run long; a body line that long is a sentence
        first = first and not words_
        # "As Joe Wolverton of The New American writes:" introduces a quote; a heading's last word
        # is capitalised ("What You Need To Know:")
        quote_intro = end == ":" and words_ and words_[-1][:1].islower()
        if 1 < len(words_) <= longest and end not in ("?", "!", '"', "”") and not cited and not quote_intro \
                and not SIGN_OFF.match(line) and not line.lstrip().startswith(LIST_BULLETS):
            caps = sum(1 for w in words_ if w[:1].isupper()) / len(words_)
            if (caps >= 0.6 and end != ".") or (end == "." and _step_heading(words_, line)):
                ranges.append((pos, pos + len(line)))
        pos += len(whole) + 1
    return ranges


def _citation_lines(doc_text: str) -> Iterable[tuple[int, str]]:
    """(offset, line) of each citation line ('"Iran Admits To ...," by Adam Kredo, ...')."""
    pos = 0
    for line in doc_text.split("\n"):
        if CITATION_LINE.match(line):
            yield pos, line
        pos += len(line) + 1


def _cited_headlines(doc_text: str) -> list[tuple[int, int]]:
    """Character ranges of the quoted headlines of citation lines ('"Trump Faces Vote Over Fax,
    Email," by Randy DeSoto, ...'): Title Case like a heading, though the names after them are real."""
    ranges = []
    for pos, line in _citation_lines(doc_text):
        close = max(line.rfind(q, 0, line.find(" by ")) for q in CLOSING_QUOTES)
        if close > 0:
            ranges.append((pos, pos + close))
    return ranges


def cited_writers(doc_text: str, found: list[tuple[EntityMention, Span]]) -> list[tuple[EntityMention, Span]]:
    """'"UK ambassador conveys concerns ...," by Rowena Mason, Guardian, November 30, 2017:': the
    name after a cited headline's "by" is its writer, whatever the model took it for."""
    starts = {pos + line.find(" by ") + 4 for pos, line in _citation_lines(doc_text)}
    return [(replace(m, type="Person", basis=f"{m.basis}+cited-writer"), s)
            if m.mention.start in starts and m.type == "Organization" and m.key is None else (m, s)
            for m, s in found]


def drop_heading_noise(doc_text: str, found: list[tuple[EntityMention, Span]]) -> list[tuple[EntityMention, Span]]:
    """In headings keep model-only names only if the body names them too (titles are Title Case);
    in a cited headline, where a person's full name is real, that holds for one-word names."""
    heads, cited = _heading_lines(doc_text), _cited_headlines(doc_text)
    if not heads and not cited:
        return found

    def in_heading(m: EntityMention) -> bool:
        return any(a <= m.mention.start < b for a, b in heads) or (
            " " not in m.name and any(a <= m.mention.start < b for a, b in cited))

    body_names = {m.name.lower() for m, _ in found if not in_heading(m)}
    return [(m, s) for m, s in found  # (a run of names checked against given names is no heading's noise)
            if m.key is not None or not in_heading(m) or m.name.lower() in body_names or m.basis.startswith("name-list")]


def is_sub_body(ent: Span, m: GazMatch) -> bool:
    """"the JVP Artists Council", "the AJHS Academic Council": a model name that runs on from a
    known organisation's name (``m``) to a council or committee names a body of its own."""
    if ent.label_ != "ORG" or not (ent.start <= m.start and m.end < ent.end):
        return False
    last = ent[-1]
    return (last.text[:1].isupper() and last.lower_ in SUBBODY_HEADS
            and all(t.text[:1].isupper() for t in ent.doc[m.end:ent.end]))


def person_tail(ent: Span, texts: list[str], taken: list[bool]) -> tuple[int, int] | None:
    """"the Federal Bureau of Investigation Louis Freeh", "CIA Director John Brennan": the model
    ran a known name (its tokens ``taken``) into the person after it; the untaken tail, past any
    title, is the person.  ``texts``: the document's token texts."""
    # ("Tory MP Charles Walker": a party's man is titled like one)
    title_words, first_names = words("title_word") | words("partisan_noun"), words("first_name")
    k = max(p for p in range(ent.start, ent.end) if taken[p]) + 1
    while k < ent.end and fold(texts[k]) in title_words:
        k += 1
    tail = texts[k:ent.end]
    if 2 <= len(tail) <= 3 and all(w[:1].isupper() and w.isalpha() for w in tail) \
            and fold(tail[0]) in first_names and not any(taken[p] for p in range(k, ent.end)):
        return k, ent.end
    return None


def is_given_name(word: str) -> bool:
    """"Megan", "Sadiq": one of the given names of type_rules.jsonl."""
    return fold(word) in words("first_name")


def given_name_or_initial(word: str) -> bool:
    """"Megan", "J.": a word that may start a person's name."""
    return bool(re.fullmatch(r"[A-Z]\.", word)) or is_given_name(word)


def given_name_before(doc: Doc, texts: list[str], start: int, taken: list[bool]) -> bool:
    """Is the word before token ``start`` a given name that qualifies it ("Sadiq" in "Sadiq Khan"),
    on the same line and named by nothing else?"""
    k = start - 1
    return not taken[k] and texts[k][:1].isupper() and texts[k].isalpha() and is_given_name(texts[k]) \
        and "\n" not in doc[k].whitespace_ and doc[k].dep_ == "compound" and doc[k].head.i == start


def _line_or_sentence_start(tok: Token) -> bool:
    """Does ``tok`` begin a sentence or a line (a poll's question after "take our poll")?"""
    prev = tok.doc[tok.i - 1] if tok.i else None
    return prev is None or tok.is_sent_start or "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text)


STATE_BODY_HEADS = frozenset("consulate embassy mission department".split())  # besides the service words
STATE_BODY_LINKS = frozenset("of for and the".split())


SERVICE_HEADS = frozenset("army corps force forces guard marines military ministry navy".split())


def state_body(texts: list[str], start: int, end: int, taken: list[bool]) -> tuple[int, int] | None:
    """The token span of a state's service or office named after the state's name or demonym
    ("Army", "’s Army", "Ministry of Intelligence", "Consulate"), or None: every word a service
    word (``state_force`` in type_rules.jsonl), none of them already taken."""
    if start < end and texts[start] in POSSESSIVES:
        start += 1
    body = [fold(w) for w in texts[start:end]]
    if not body or any(taken[start:end]) or not texts[start][:1].isupper():
        return None
    if end < len(texts) and fold(texts[end]) in words("title_word"):
        return None  # "Russian Defense Minister Sergei Shoigu": a title, not a body
    service = words("state_force") | STATE_BODY_HEADS
    if all(w in service or w in STATE_BODY_LINKS for w in body) and any(w in service for w in body):
        return start, end
    return None


def state_office(texts: list[str], start: int, end: int) -> tuple[int, int] | None:
    """The span of an office named after its state's name ("U.S. | Court of Appeals", "US |
    Mission to the UN"): a capitalised name with an organisation word (not after a demonym:
    "American Muslim Association" is no office of the United States)."""
    body = [fold(w) for w in texts[start:end]]
    if body and texts[start][:1].isupper() and any(w in words("name_word", "Organization") for w in body):
        return start, end
    return None


QUESTION_AUX = frozenset("Will Would Can Could Should Shall Did Does Do Is Was Are Were Has Have Had".split())
DEMONYM_PARTICIPLES = frozenset("backed led funded armed sponsored supported trained allied aligned controlled held "
                                "occupied run financed".split())
NAME_LIST_MIN = 3  # people in a run of names before it is read as a list


def name_list(texts: list[str], doc: Doc, taken: list[bool]) -> list[tuple[int, int]]:
    """The people of a list of names with no commas ("* Dianne Feinstein Maxine Waters Adam Schiff
    Chuck Schumer", a poll's choices run onto one line), as token spans: each name starts at a given
    name.  The model runs such lists into names like "Dianne Feinstein Maxine".  A run counts as a
    list when at least ``NAME_LIST_MIN`` of its words start a name and it splits into names of two
    or three words; a run that does not split cleanly is left to the model."""
    first_names = words("first_name")
    out: list[tuple[int, int]] = []
    i, n = 0, len(texts)
    while i < n:
        j = i
        while j < n and texts[j][:1].isupper() and texts[j].isalpha():
            j += 1
        if j - i >= 2 * NAME_LIST_MIN:
            # the run ends at the first line break (Token objects only for long runs: they are costly)
            j = next((k + 1 for k in range(i, j - 1) if doc[k].whitespace_ != " "), j)
            starts = [k for k in range(i, j) if fold(texts[k]) in first_names]
            bounds = list(zip(starts, starts[1:] + [j]))
            # names the gazetteer knows ("Adam Schiff") are already taken, and must be whole names of the list
            whole = [len({taken[k] for k in range(a, b)}) == 1 for a, b in bounds]
            if len(starts) >= NAME_LIST_MIN and starts[0] == i and all(2 <= b - a <= 3 for a, b in bounds) \
                    and all(whole):
                out.extend((a, b) for a, b in bounds if not taken[a])
        i = max(j, i + 1)
    return out


def person_head(ent: Span, texts: list[str], taken: list[bool]) -> tuple[int, int] | None:
    """"— Noah Bierman and Chris Megerian Los Angeles Times": the model ran a person into the known
    name after it; the untaken head, two or three capitalised words, is the person."""
    k = min(p for p in range(ent.start, ent.end) if taken[p])
    head = texts[ent.start:k]
    if 2 <= len(head) <= 3 and all(w[:1].isupper() and w.isalpha() for w in head) and all(taken[k:ent.end]):
        return ent.start, k
    return None


GOVERNMENT_OF = re.compile(r"(?:the\s+)?(?:government|regime|administration)\s+of\s+(?:the\s+)?(.+)", re.I)
GOVERNMENT = re.compile(r"(?:the\s+)?(.+?)\s+(?:government|regime)", re.I)


def government_of(gaz: Gazetteer, name: str) -> tuple[str | None, str] | None:
    """(gazetteer key or None, state name) of the state a "Government of Ecuador" or a "Turkish
    Government" stands for; None if the name is not a government's."""
    m = GOVERNMENT_OF.fullmatch(name) or GOVERNMENT.fullmatch(name)
    if not m:
        return None
    state = m.group(1)
    key = gaz.lookup_name(state) or gaz.demonyms.get(state.lower())
    if key and gaz[key].type == "State":
        return key, gaz[key].name
    return (None, state) if key is None and is_country(state) else None


OUTLET_NOUNS = frozenset("newspaper daily weekly broadcaster tabloid magazine".split())
NEWS_NOUNS = frozenset("agency outlet site website channel network station".split())


def is_outlet_named(doc: Doc, start: int) -> bool:
    """Whether the name at token ``start`` follows the noun of a news outlet ("the Israeli daily
    Haaretz", "the state news agency Mehr"), so names the outlet."""
    prev = doc[start - 1].lower_ if start >= 1 else ""
    return prev in OUTLET_NOUNS or (prev in NEWS_NOUNS and start >= 2
                                    and doc[start - 2].lower_ in ("news", "media", "tv", "television", "propaganda"))


GROUP_NOUNS = frozenset("group club movement".split())


def is_group_named(doc: Doc, start: int, end: int) -> bool:
    """Whether the name at tokens ``start:end`` is called a group, club or movement, before it
    ("the activist group Local to Global Justice") or in apposition after it ("Trumpettes USA, a
    Trump fan club"): a political group, not an institution."""
    if start >= 2 and doc[start - 1].lower_ in GROUP_NOUNS and doc[start - 2].pos_ in ("ADJ", "NOUN", "PROPN"):
        return True
    return any(t.lower_ in GROUP_NOUNS and t.dep_ == "appos" and start <= t.head.i < end
               for t in doc[end:min(end + 6, len(doc))])


SETTLEMENT_NOUNS = frozenset("city town village capital province district region".split())


def is_place_named(doc: Doc, start: int, end: int) -> bool:
    """"the city of Mbandaka", "the provincial capital of Equateur, Mbandaka", "the remote Bikoro
    region": a name a town or region noun introduces, stands beside or ends on is a place's (the
    model takes unknown African and Asian town names for people)."""
    root = doc[start:end].root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in SETTLEMENT_NOUNS:
        return True
    if root.dep_ == "appos" and (head.lower_ in SETTLEMENT_NOUNS or head.dep_ == "pobj" and head.head.lower_ == "of"
                                 and head.head.head.lower_ in SETTLEMENT_NOUNS):
        return True  # (the parser may hang the town on the region it is the capital of)
    if any(c.dep_ == "appos" and c.lower_ in SETTLEMENT_NOUNS for c in root.children):
        return True  # "Goma, a city in North Kivu"
    return end < len(doc) and doc[end].lower_ in SETTLEMENT_NOUNS and root.dep_ == "compound" and root.head.i == end


COREF_TYPES = ("Organization", "Group", "MediaOutlet")
COREF_WINDOW = 12  # sentences


OFFICE_HEADS = frozenset("Mission Embassy Consulate Delegation".split())


def office_names(found: list[tuple[EntityMention, Span]], texts: list[str]) -> list[tuple[EntityMention, Span]]:
    """"The US Mission in China", "the US Mission to the UN": a state's office is named with the
    place or body it serves (one "US Mission" for all of them would be wrong).  The name grows; the
    mention's span and the place's own mention stay as they are."""
    starts = {span.start: (m, span) for m, span in found}
    out = []
    for m, span in found:
        k = span.end
        if m.type == "Organization" and texts[span.end - 1] in OFFICE_HEADS and k + 1 < len(texts) \
                and texts[k] in ("in", "to"):
            j = k + 2 if texts[k + 1] == "the" else k + 1
            place = starts.get(j)
            if place is not None and place[0].type in ("State", "Place", "Organization"):
                m = replace(m, name=f"{m.name} {span.doc[k:place[1].end].text}")
        out.append((m, span))
    return out


COMPASS_WORDS = frozenset("Northern Southern Eastern Western Central Northeastern Northwestern Southeastern "
                          "Southwestern North South East West".split())
COMPASS_PLACE_ONLY = frozenset("North South East West".split())  # "South Sudan" is a state of its own


def _grown(doc: Doc, doc_id: str, text: str, m: EntityMention, span: Span, start: int, end: int,
           name: str, basis: str, typ: str = "Place") -> tuple[EntityMention, Span]:
    """Mention ``m`` grown to tokens ``start:end`` as a name of its own, ``name``, of type ``typ``
    ("Kansas City", "Northern California" are places; "Westerville police" is an organisation)."""
    s, e = char_span(doc, start, end)
    return replace(m, mention=Mention(doc_id, s, e, text[s:e]), name=name, type=typ, key=None,
                   basis=f"{basis}+{m.basis}"), doc[start:end]


def compass_regions(doc: Doc, doc_id: str, text: str, found: list[tuple[EntityMention, Span]],
                    headings: list[tuple[int, int]]) -> list[tuple[EntityMention, Span]]:
    """"Travis Air Force Base in Northern California", "Western Europe": a capitalised compass word
    before a place or state names a region, which is a place of its own (a heading's "Northern Syria"
    is Title Case, not a name)."""
    ends = {span.end for _, span in found}
    out = []
    for m, span in found:
        i = span.start - 1
        word = doc[i].text if i >= 0 else ""
        if word in COMPASS_WORDS and i not in ends and m.basis != "demonym" and (
                m.type == "Place" or (m.type == "State" and word not in COMPASS_PLACE_ONLY
                                      and not any(a <= m.mention.start < b for a, b in headings))):
            m, span = _grown(doc, doc_id, text, m, span, i, span.end, f"{word} {m.name}", "compass")
        out.append((m, span))
    return out


SEE_WORDS = frozenset("Diocese Archdiocese Eparchy Archeparchy".split())


def church_sees(doc: Doc, doc_id: str, text: str, found: list[tuple[EntityMention, Span]],
                texts: list[str]) -> list[tuple[EntityMention, Span]]:
    """"the Diocese of Linz", "Father Christoph Simonsen (Diocese of Aachen)": a see is a church
    body named after its town, an organisation (the model found the town, or nothing)."""
    sees = []
    for k, w in enumerate(texts[:-2]):
        if w in SEE_WORDS and texts[k + 1] == "of" and texts[k + 2][:1].isupper() and texts[k + 2].isalpha():
            end = k + 3
            while end < len(texts) and end - k < 5 and texts[end][:1].isupper() and texts[end].isalpha() \
                    and "\n" not in doc[end - 1].whitespace_:
                end += 1
            sees.append((k, end))
    if not sees:
        return found
    out = [(m, span) for m, span in found if not any(a < span.end and span.start < b for a, b in sees)]
    for a, b in sees:
        s, e = char_span(doc, a, b)
        out.append((EntityMention(Mention(doc_id, s, e, text[s:e]), doc[a:b].text, "Organization", None, "see"),
                    doc[a:b]))
    return out


def city_names(doc: Doc, doc_id: str, text: str, found: list[tuple[EntityMention, Span]],
               gaz: Gazetteer) -> list[tuple[EntityMention, Span]]:
    """"Kansas City", "Mexico City", "Panama City": a place or state named before "City" names a
    city of its own (the gazetteer matched the first word only); "Westerville police", "Dallas police"
    name the town's police department, an organisation ("Ohio police" are no one body: a region's are not)."""
    starts = {span.start for _, span in found}
    out = []
    for m, span in found:
        k = span.end
        if m.type in ("Place", "State") and m.basis != "demonym" and k < len(doc) and k not in starts \
                and (doc[k].text == "City" or doc[k].text == "CITY" and span.text.isupper()):  # a dateline's
            m, span = _grown(doc, doc_id, text, m, span, span.start, k + 1, f"{m.name} {doc[k].text}", "city")
        elif m.type == "Place" and m.basis != "demonym" and k < len(doc) and doc[k].text == "police" \
                and k not in starts and (m.key is None or gaz[m.key].role != "REG") \
                and not (span.start and doc[span.start - 1].text in POSSESSIVES):
            m, span = _grown(doc, doc_id, text, m, span, span.start, k + 1, f"{m.name} Police Department",
                              "police", "Organization")
        out.append((m, span))
    return out


def dateline_towns(doc: Doc, doc_id: str, text: str, found: list[tuple[EntityMention, Span]],
                   texts: list[str]) -> list[tuple[EntityMention, Span]]:
    """"BRATISLAVA, Slovakia, February 13, 2018 (LifeSiteNews) –": a town in capitals opening a
    line before a comma is a dateline's place when ``cities.jsonl`` knows it (the gazetteer
    matches only the names it holds)."""
    taken = {t.i for _m, span in found for t in span}
    for k in range(len(texts)):
        if k in taken or not texts[k].isalpha() or not texts[k].isupper():
            continue
        j = k
        while j < len(texts) and j - k < 3 and texts[j].isalpha() and texts[j].isupper() and j not in taken:
            j += 1
        if opens_dateline(doc[k:j]) and " ".join(name_words(doc[k:j].text)) in known_cities():
            s, e = char_span(doc, k, j)
            name = _unshouted(texts[k:j])
            found.append((EntityMention(Mention(doc_id, s, e, text[s:e]), name, "Place", None, "dateline"), doc[k:j]))
    return found


@lru_cache(maxsize=1)
def postal_codes() -> dict[str, str]:
    """US postal codes ("TX", and AP's "Mass.") -> the gazetteer ids of their states
    (``data/postal_codes.jsonl``; the codes of states the gazetteer has no entry for are left out)."""
    return {row["code"]: row["entry"] for row in data_rows("postal_codes.jsonl") if row["entry"]}


@lru_cache(maxsize=1)
def us_state_codes() -> frozenset[str]:
    """The two-letter codes of all US states and DC, whether or not the gazetteer has the state."""
    return frozenset(row["code"] for row in data_rows("postal_codes.jsonl") if "style" not in row)


def postal_states(doc: Doc, doc_id: str, text: str, found: list[tuple[EntityMention, Span]],
                  texts: list[str], gaz: Gazetteer) -> list[tuple[EntityMention, Span]]:
    """"Austin, TX", "WESTERVILLE, OH (WCMH/AP) —": a US postal code right after a town and a comma
    names the town's state (alone, "OH", "IN" or "ME" name nothing), and a dateline's town in capitals
    before it ("6:02 pm WESTERVILLE, OH") is a place, whatever the model took it for or if it found
    nothing there."""
    codes = postal_codes()
    by_end = {span.end: n for n, (_m, span) in enumerate(found)}
    named = {t for _m, span in found for t in range(span.start, span.end)}
    kept, added = list(found), []
    for k in range(1, len(texts)):
        entry = codes.get(texts[k])
        if entry is None or entry not in gaz or texts[k - 1] != "," or k + 1 < len(texts) and _shouted(texts[k + 1]):
            continue  # (a run of capitals is a shouted headline, where "IN" and "OR" are words)
        n = by_end.get(k - 1)
        if n is None:
            j = k - 1
            while j > 0 and k - j <= 4 and _shouted(texts[j - 1]) and j - 1 not in named:
                j -= 1  # ("... JIHAD: FBI TAOS, NM (REUTERS)": a headline's last name is not the town's)
            if j == k - 1 or j > 0 and _shouted(texts[j - 1]):
                continue
            s, e = char_span(doc, j, k - 1)
            name = _unshouted(texts[j:k - 1])
            added.append((EntityMention(Mention(doc_id, s, e, text[s:e]), name, "Place", None, "dateline"), doc[j:k - 1]))
        else:
            m, span = kept[n]
            if m.type != "Place":
                if not span.text.replace(" ", "").isupper() or span.start > 0 and _shouted(texts[span.start - 1]):
                    continue
                name = _unshouted(span.text.split())
                kept[n] = (replace(m, name=name, type="Place", key=None, basis=f"dateline+{m.basis}"), span)
        kept = [(m, span) for m, span in kept if not span.start <= k < span.end]
        by_end = {span.end: n for n, (_m, span) in enumerate(kept)}
        s, e = char_span(doc, k, k + 1)
        added.append((EntityMention(Mention(doc_id, s, e, text[s:e]), gaz[entry].name, "Place", entry, "postal"),
                      doc[k:k + 1]))
    return kept + added


# every US state's postal code ("NY" and "WA" too, which name no one gazetteer entry)
@lru_cache(maxsize=1)
def party_codes() -> dict[str, str]:
    """Party letters of a US politician's tag ("D") -> the gazetteer ids of the parties (``data/party_tags.jsonl``)."""
    return {row["tag"]: row["entry"] for row in data_rows("party_tags.jsonl")}


def _unshouted(words_: Iterable[str]) -> str:
    """"KANSAS CITY" -> "Kansas City": a dateline's town written as a name."""
    return " ".join(w.capitalize() for w in words_)


def _shouted(word: str) -> bool:
    """A word in capitals ("WESTERVILLE"), not an initial or a number."""
    return len(word) > 1 and word.isalpha() and word.isupper()


def _opens_line(doc: Doc, k: int) -> bool:
    """Does token ``k`` open a line?"""
    if k == 0:
        return True
    prev = doc[k - 1]
    return "\n" in prev.whitespace_ or prev.is_space and "\n" in prev.text


def possessed_people(doc: Doc, doc_id: str, text: str, found: list[tuple[EntityMention, Span]],
                     texts: list[str]) -> list[tuple[EntityMention, Span]]:
    """"The Hill's John Solomon", "Breitbart News’ Joel Pollak", "— Tracy Wilkinson" (a wire
    story's sign-off), "Officer Amber Guyger": after an outlet's or an organisation's possessive, a
    dash opening a line or a person's title, two or three capitalised words that start with a given
    name are a person, though the model often misses them there.  Returns ``found`` with those mentions added."""
    taken = {t.i for _m, span in found for t in span}
    first_names = words("first_name")
    openers = [span.end for m, span in found if m.type in ("MediaOutlet", "Organization")
               and span.end < len(texts) and texts[span.end] in POSSESSIVES]
    openers += [k for k, w in enumerate(texts) if w and set(w) <= set("—–") and _opens_line(doc, k)]
    # "fired Officer Amber Guyger": a capitalised person's title before a given name
    titles = words("person_title")
    openers += [k for k, w in enumerate(texts) if w[:1].isupper() and w.rstrip(".").lower() in titles]
    # "AP Photo / Alex Brandon Democrat Leaders Demand ...": a photo credit runs into the caption, so
    # the name is two words (three when the second is a given name too: "Jose Luis Magana")
    # ("© AP Photo / Pablo Martinez Monsivais": a caption's credit, which credited_photographers reads)
    credits = {span.end + (texts[span.end] in ("Photo", "Photos", "Images")) for m, span in found
               if m.type == "MediaOutlet" and span.end + 1 < len(texts)
               and not (span.start and texts[span.start - 1] == "©")}
    credits = {k for k in credits if k < len(texts) and texts[k] == "/"}
    # "By Marton Dunai" alone on a line is a byline, whatever the given name; so is "[Headline, by
    # Nate Raymond, Reuters, January 17, 2018]", a cited article's credit (when an outlet follows)
    bylines = {k for k, w in enumerate(texts) if w in ("By", "by", "BY") and _opens_line(doc, k)}
    cited = {k for k, w in enumerate(texts) if w in ("By", "by") and k and texts[k - 1] == ","}
    outlet_starts = {span.start for m, span in found if m.type == "MediaOutlet"}
    for k in sorted(openers + sorted(credits) + sorted(bylines | cited)):
        j = k + 1
        longest = 3 if k not in credits or (k + 2 < len(texts) and fold(texts[k + 2]) in first_names) else 2
        while j < len(texts) and j - k <= longest and texts[j][:1].isupper() and texts[j].isalpha() \
                and j not in taken and "\n" not in doc[j - 1].whitespace_:
            j += 1
        ends_line = j < len(texts) and ("\n" in doc[j - 1].whitespace_ or doc[j].is_space and "\n" in texts[j])
        # "By Karista Baldwin, Conservative Tribune November 15, 2018:": the outlet after the comma
        to_outlet = j + 1 < len(texts) and texts[j] == "," and j + 1 in outlet_starts
        if k in cited and k not in bylines and not to_outlet:
            continue
        if 2 <= j - k - 1 <= 3 and (fold(texts[k + 1]) in first_names or (k in bylines | cited and (ends_line or to_outlet))) \
                and not texts[j - 1].isupper():
            s, e = char_span(doc, k + 1, j)
            found.append((EntityMention(Mention(doc_id, s, e, text[s:e]), doc[k + 1:j].text, "Person", None,
                                        "after-mark+first_name"), doc[k + 1:j]))
            taken.update(range(k + 1, j))
    return found


def credited_outlets(found: list[tuple[EntityMention, Span]], texts: list[str],
                     gaz: Gazetteer) -> list[tuple[EntityMention, Span]]:
    """'[Headline, by Martin Howe QC, Spectator, November 24, 2018]': the name after a cited
    article's writers is its outlet, so a bare "Spectator" there is The Spectator (elsewhere an
    outlet named "The" and one word is only that outlet when written so)."""
    at = {span.start: n for n, (_m, span) in enumerate(found)}
    for k, w in enumerate(texts):
        if w not in ("by", "By") or not k or texts[k - 1] != ",":
            continue
        j = k + 1
        while j < len(texts) and j - k <= 7 and (texts[j][:1].isupper() or texts[j] == "and"):
            j += 1  # the writers: "Malcolm Coles and Ashley Kirk"
        if j == k + 1 or j + 1 >= len(texts) or texts[j] != "," or j + 1 not in at:
            continue
        m, span = found[at[j + 1]]
        entry = gaz.the_outlets.get(name_key(m.name)) if m.type != "MediaOutlet" and m.key is None else None
        if entry:
            found[at[j + 1]] = (replace(m, type="MediaOutlet", key=entry, basis=f"{m.basis}+cited-outlet"), span)
    return found


def _credit_line_ends(doc: Doc, texts: list[str], k: int) -> bool:
    """Does the line end at token ``k``, or after a few more agencies ("/Getty Images", "via AP")?"""
    for j in range(k, min(k + 6, len(texts)) + 1):
        if j == len(texts) or "\n" in doc[j - 1].whitespace_ or texts[j].isspace() and "\n" in texts[j]:
            return True
        if texts[j] not in ("/", "via") and not texts[j][:1].isupper():
            return False
    return False


def credited_photographers(doc: Doc, doc_id: str, text: str, found: list[tuple[EntityMention, Span]],
                           texts: list[str]) -> list[tuple[EntityMention, Span]]:
    """"[Leah Millis/ Reuters]", "(Evan Vucci/AP)": two or three capitalised words before "/" and an
    agency are its photographer (in brackets, or starting with a given name).  The tokenizer may
    keep the slash on the surname ("Millis/").  A caption's "© AP Photo / Pablo Martinez Monsivais"
    names the photographer after the slash.  Returns ``found`` with those mentions added."""
    taken = {t.i for _m, span in found for t in span}
    first_names = words("first_name")
    bare = [w.rstrip("/") for w in texts]
    for m, span in list(found):
        k = span.start - 1
        k -= k > 0 and texts[k] == "The"  # "Tom Dodge/The Columbus Dispatch via AP"
        if m.type != "MediaOutlet" or k < 2 or not texts[k].endswith("/"):
            continue
        last = k - 1 if texts[k] == "/" else k
        i, n = last + 1, 0
        while i > 0 and n < 3 and "\n" not in doc[i - 1].whitespace_:
            if texts[i - 1] == "-" and i > 1 and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_:
                i -= 1  # "Andrew Welsh-Huggins/AP": a hyphenated surname is one word
            elif bare[i - 1][:1].isupper() and bare[i - 1].isalpha() and i - 1 not in taken:
                i, n = i - 1, n + 1
            else:
                break
        bracketed = i > 0 and (texts[i - 1] in ("(", "[") and span.end < len(texts) and texts[span.end] in (")", "]")
                               or texts[i - 1] == "©")  # "© Claudio Reyes/AFP/Getty Images"
        # "Dibyangshu Sarkar/AFP/Getty Images" alone on its line: a caption's credit, whatever the given name
        bracketed = bracketed or _opens_line(doc, i) and _credit_line_ends(doc, texts, span.end)
        if 2 <= n and texts[i] != "-" and (bracketed or fold(texts[i]) in first_names) and not bare[last].isupper():
            s, e = doc[i].idx, doc[last].idx + len(bare[last])
            found.append((EntityMention(Mention(doc_id, s, e, text[s:e]), text[s:e], "Person", None,
                                        "before-credit"), doc[i:last + 1]))
            taken.update(range(i, last + 1))
    starts = {span.start for _m, span in found}
    for m, span in list(found):
        # "© AP Photo / Pablo Martinez Monsivais UK 'In Need of Leadership' ...": a caption's credit,
        # the name after the slash up to the headline that follows (its first name, "UK", "Trump")
        k = span.end + (span.end < len(texts) and texts[span.end] == "Photo")
        if m.type != "MediaOutlet" or span.start == 0 or texts[span.start - 1] != "©" \
                or k + 1 >= len(texts) or texts[k] != "/":
            continue
        i = j = k + 1
        while j < len(texts) and j - i < 3 and j not in taken and (j == i or j not in starts) \
                and texts[j].isalpha() and texts[j][:1].isupper() and not texts[j].isupper():
            j += 1
        if j - i >= 2:
            s, e = char_span(doc, i, j)
            found.append((EntityMention(Mention(doc_id, s, e, text[s:e]), text[s:e], "Person", None, "after-credit"),
                          doc[i:j]))
            taken.update(range(i, j))
    return found


# "the BBC's Sky at Night show", "BBC Radio 4's Today programme": the noun after a programme's title
PROGRAMME_NOUNS = frozenset("show programme program".split())
# the small words a programme's title may hold ("Sky at Night", "State of the Union")
TITLE_SMALL_WORDS = SMALL_WORDS - {"as", "by", "from", "or"}


def _programme_title(texts: list[str], i: int) -> tuple[int, int] | None:
    """The tokens of a programme's title from token ``i`` (after an outlet's possessive): a quoted
    title ("“State of the Union”") or capitalised words before "show" or "programme", after at most a
    few lower-case words ("long-running")."""
    if texts[i] in OPENING_QUOTES:
        j = i + 1
        while j < len(texts) and j - i <= 8 and texts[j] not in CLOSING_QUOTES and texts[j] != "," \
                and (texts[j][:1].isupper() or texts[j][:1].isdigit() or texts[j] in TITLE_SMALL_WORDS):
            j += 1
        closed = j < len(texts) and (texts[j] in CLOSING_QUOTES or texts[j] == "," and j + 1 < len(texts)
                                     and texts[j + 1] in CLOSING_QUOTES)
        return (i + 1, j) if closed and j > i + 1 and texts[i + 1][:1].isupper() else None
    while i < len(texts) and (texts[i].islower() and texts[i] not in PROGRAMME_NOUNS or texts[i] == "-"):
        i += 1  # "the BBC's long-running Sky at Night show"
    j = i
    while j < len(texts) and j - i < 6 and (texts[j][:1].isupper() or texts[j][:1].isdigit()
                                             or j > i and texts[j] in TITLE_SMALL_WORDS):
        j += 1
    return (i, j) if j > i and j < len(texts) and texts[j] in PROGRAMME_NOUNS and texts[j - 1][:1].isupper() else None


def outlet_programmes(doc: Doc, doc_id: str, text: str, found: list[tuple[EntityMention, Span]],
                      texts: list[str], gaz: Gazetteer) -> list[tuple[EntityMention, Span]]:
    """"CNN's “State of the Union”", "the BBC's long-running Sky at Night show": a title after an
    outlet's possessive, quoted or before "show" or "programme", names one of its programmes, an
    outlet too; the model's "BBC Radio 4's Today programme" is the two of them.  A programme the
    gazetteer knows by its network's possessive ("NBC's Meet the Press") is the two of them as well."""
    out = []
    for m, span in found:
        p = next((t.i for t in span if t.text in POSSESSIVES and t.i > span.start), None)
        owner = gaz.lookup_name(doc[span.start:p].text) if p is not None and m.key is not None else None
        if m.type == "MediaOutlet" and p is not None and _programme_title(texts, p + 1) == (p + 1, span.end - 1):
            s, e = char_span(doc, span.start, p)
            out.append((replace(m, mention=Mention(doc_id, s, e, text[s:e]), name=text[s:e], key=None),
                        doc[span.start:p]))
            out.append((_programme(doc, doc_id, text, p + 1, span.end - 1), doc[p + 1:span.end - 1]))
        elif m.type == "MediaOutlet" and owner in gaz and owner != m.key and gaz[owner].type == "MediaOutlet" \
                and p + 1 < span.end:
            s, e = char_span(doc, span.start, p)
            out.append((EntityMention(Mention(doc_id, s, e, text[s:e]), gaz[owner].name, "MediaOutlet", owner,
                                      "gazetteer+network"), doc[span.start:p]))
            s, e = char_span(doc, p + 1, span.end)
            out.append((replace(m, mention=Mention(doc_id, s, e, text[s:e])), doc[p + 1:span.end]))
        else:
            out.append((m, span))
    taken = {t.i for _m, span in out for t in span}
    for m, span in list(out):
        k = span.end
        if m.type != "MediaOutlet" or k + 1 >= len(texts) or texts[k] not in POSSESSIVES:
            continue
        title = _programme_title(texts, k + 1)
        if title is not None and not any(t in taken for t in range(*title)):
            out.append((_programme(doc, doc_id, text, *title), doc[title[0]:title[1]]))
            taken.update(range(*title))
    return out


def _programme(doc: Doc, doc_id: str, text: str, start: int, end: int) -> EntityMention:
    """The mention of a programme's title, tokens ``start:end``."""
    s, e = char_span(doc, start, end)
    return EntityMention(Mention(doc_id, s, e, text[s:e]), text[s:e], "MediaOutlet", None, "programme")


def _stands_alone(doc: Doc, texts: list[str], i: int, j: int, lower: set[str]) -> bool:
    """Is tokens ``i:j`` a whole name, not part of a longer capitalised one?  A title before it
    ("Senator"), or a word opening the sentence that is no name ("Other"), does not extend it."""
    prev = texts[i - 1] if i else ""
    nxt = texts[j] if j < len(texts) else ""
    if nxt[:1].isupper() and nxt.isalpha():
        return False
    return not (prev[:1].isupper() and prev.isalpha()) or fold(prev) in words("title_word") or (
        doc[i - 1].is_sent_start and (prev.lower() in lower or doc[i - 1].pos_ != "PROPN"))


def known_heads(doc: Doc, doc_id: str, text: str,
                found: list[tuple[EntityMention, Span]]) -> list[tuple[EntityMention, Span]]:
    """"“Dem Candidate Ilhan Omar Defending Tweet On ...”": a headline's person the model ran into
    the words after the name is the person the text names elsewhere; the mention is cut back to
    that name.  Returns ``found`` with those mentions cut."""
    people = {tuple(t.text for t in span) for m, span in found if m.type == "Person" and len(span) >= 2}
    out = []
    for m, span in found:
        if m.type == "Person" and len(span) >= 3 and m.key is None:
            head = next((k for k in range(len(span) - 1, 1, -1) if tuple(t.text for t in span[:k]) in people), None)
            if head is not None:
                s, e = char_span(doc, span.start, span.start + head)
                m, span = replace(m, mention=Mention(doc_id, s, e, text[s:e]), name=span[:head].text,
                                  basis=m.basis + "+known-head"), span[:head]
        out.append((m, span))
    return out


def repeated_names(doc: Doc, doc_id: str, text: str, found: list[tuple[EntityMention, Span]],
                   texts: list[str]) -> list[tuple[EntityMention, Span]]:
    """"Other AJHS Academic Council members" after "The AJHS Academic Council is packed": the model
    finds a name in one context and misses it in another, so a name of two words or more the
    document gives once is that entity wherever else it is written whole.  Returns ``found`` with
    those mentions added."""
    seqs: dict[tuple[str, ...], EntityMention] = {}
    for m, span in found:
        if len(span) >= 2 and "coref" not in m.basis:
            seqs.setdefault(tuple(t.text for t in span), m)
    if not seqs:
        return found
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for seq in sorted(seqs, key=lambda q: (-len(q), q)):  # the longest name first
        by_first.setdefault(seq[0], []).append(seq)
    lower = {w for w in texts if w.islower()}
    taken = {t.i for _m, span in found for t in span}
    for i, w in enumerate(texts):
        for seq in by_first.get(w, ()):
            j = i + len(seq)
            if tuple(texts[i:j]) != seq or any(k in taken for k in range(i, j)) \
                    or not _stands_alone(doc, texts, i, j, lower):
                continue
            s, e = char_span(doc, i, j)
            m = seqs[seq]
            found.append((replace(m, mention=Mention(doc_id, s, e, text[s:e]), basis=m.basis + "+repeated"), doc[i:j]))
            taken.update(range(i, j))
            break
    return found


def repeated_surnames(doc: Doc, doc_id: str, text: str, found: list[tuple[EntityMention, Span]],
                      texts: list[str], gaz: Gazetteer) -> list[tuple[EntityMention, Span]]:
    """"Fishback is a BDS supporter" after "a play by Dan Fishback": the model misses many a bare
    surname, so the surname of a person the document names in full is that person wherever it
    stands alone, and a bare surname the model typed otherwise ("Republican Senators Hatch, Roth,
    and Hayakawa" as an organisation) is the person too.  Not when two people of the text share
    it, when the word is also written in lower case (a common word: "Price", "Rice"), or when it
    is part of a longer capitalised name.  Returns ``found`` with those mentions added or retyped."""
    # "Dr. Ganesh", "Mr. Farrakhan": a word after an honorific is a person's name, and so are the
    # other mentions of it the model typed otherwise ("Bharath Ganesh" as an organisation)
    titled = {m.name for m, span in found if m.key is None and " " not in m.name and m.type == "Person"
              and span.start and texts[span.start - 1].lower() in HONORIFICS}
    found = [(replace(m, type="Person", basis=m.basis + "+titled-surname"), span)
             if m.type in ("Organization", "Place") and m.key is None and _names_titled(m.name, titled) else (m, span)
             for m, span in found]
    people: dict[str, set[str]] = {}
    keys: dict[str, str | None] = {}
    for m, _span in found:
        parts = m.name.split()
        if m.type == "Person" and 2 <= len(parts) <= 4 and len(parts[-1]) >= 3 and parts[-1].isalpha() \
                and parts[-1][:1].isupper() and not parts[-1].isupper():
            people.setdefault(parts[-1], set()).add(m.key or m.name)
            keys[parts[-1]] = m.key
    surnames = {w for w, who in people.items() if len(who) == 1}
    if not surnames:
        return found
    lower = {w for w in texts if w.islower()}
    found = [(replace(m, type="Person", basis=m.basis + "+surname"), span)
             if m.name in surnames and m.type in ("Organization", "Place") and m.key is None
             and m.name.lower() not in lower else (m, span) for m, span in found]
    taken = {t.i for _m, span in found for t in span}
    for i, w in enumerate(texts):
        if w not in surnames or i in taken or w.lower() in lower:
            continue
        key = gaz.lookup_name(w)
        if key is not None and gaz[key].type != "Person":
            continue  # "Jordan", "Washington": the gazetteer's sense
        if not _stands_alone(doc, texts, i, i + 1, lower):
            continue  # "Fishback Foundation", "Hunter Biden": another name
        s, e = char_span(doc, i, i + 1)
        found.append((EntityMention(Mention(doc_id, s, e, text[s:e]), w, "Person", keys[w], "surname-of-person"),
                      doc[i:i + 1]))
    return found


def _names_titled(name: str, titled: set[str]) -> bool:
    """Is ``name`` a titled surname, alone or after one or two capitalised words ("Bharath Ganesh")?"""
    parts = name.split()
    return parts[-1] in titled and len(parts) <= 3 and all(p[:1].isupper() and p.isalpha() for p in parts)


def definite_references(doc: Doc, text: str, found: list[tuple[EntityMention, Span]],
                        lowers: list[str] | None = None) -> list[tuple[EntityMention, Span]]:
    """'the community-led police force' after 'the Idlib Free Police': a definite description whose
    head noun is the last word of a recently named organisation refers to it (one candidate only).
    The mention keeps its own text but takes the antecedent's name, so aliases stay clean."""
    # the head words antecedents could be named by ("police" for "Free Police"); none: nothing to do
    heads = {m.name.split()[-1].lower() for m, _s in found
             if m.type in COREF_TYPES and "coref" not in m.basis and len(m.name.split()) >= 2
             and m.name.split()[-1][:1].isupper()}
    if not heads:
        return []
    taken = {t.i for _m, span in found for t in span}
    sent_starts = [sent.start for sent in doc.sents]

    def sent_of(i: int) -> int:
        return bisect_right(sent_starts, i) - 1

    by_sentence: dict[int, list[tuple[EntityMention, Span]]] = {}
    for m, span in found:
        if m.type in COREF_TYPES and "coref" not in m.basis and len(m.name.split()) >= 2:
            by_sentence.setdefault(sent_of(span.start), []).append((m, span))
    roots: set[int] = set()
    for i, word in enumerate(lowers if lowers is not None else (t.lower_ for t in doc)):
        if word in heads and i not in taken:
            tok = doc[i]
            roots.add(tok.head.i if tok.dep_ == "compound" else i)  # "police force": force is the head
    sent_index = {i: sent_of(i) for i in roots}
    out = []
    for root in (doc[i] for i in sorted(roots)):
        # only nouns that could name an antecedent, as the head of "the ... NOUN" (no noun_chunks: slow)
        if root.pos_ != "NOUN" or root.i in taken:
            continue
        chunk = doc[root.left_edge.i:root.i + 1]
        if chunk[0].lower_ not in ("the", "this", "that") or any(t.i in taken for t in chunk):
            continue
        nouns = {root.lower_} | {c.lower_ for c in root.children if c.dep_ == "compound"}
        k = sent_index.get(root.i, 0)
        cands = {}
        window = [pair for j in range(max(0, k - COREF_WINDOW), k + 1) for pair in by_sentence.get(j, ())]
        for m, span in window:
            if span.start >= chunk.start:
                continue
            parts = m.name.split()
            if len(parts) >= 2 and parts[-1].lower() in nouns and parts[-1][:1].isupper():
                cands[m.key or m.name.lower()] = m
        if len(cands) != 1:
            continue
        ante = next(iter(cands.values()))
        start, end = _trim(doc, chunk.start, chunk.end)
        if start >= end:
            continue
        s, e = char_span(doc, start, end)
        out.append((EntityMention(Mention(ante.mention.doc, s, e, text[s:e]), ante.name, ante.type, ante.key,
                                  f"coref:{ante.name}"), doc[start:end]))
    return out


def short_outlet_names(found: list[tuple[EntityMention, Span]]) -> list[tuple[EntityMention, Span]]:
    """'the Times' after 'the Los Angeles Times', 'the Beacon' after 'the Washington Free Beacon': an
    unknown one-word name that ends the name of the last outlet named before it is that outlet.
    The mention keeps its own text and takes the outlet's name, key and type."""
    out = []
    last: dict[str, EntityMention] = {}  # last word of an outlet's name -> that outlet's latest mention
    for m, span in found:
        word = m.name.lower()
        ante = last.get(word) if m.key is None and len(m.name.split()) == 1 else None
        if ante is not None and ante.name.lower() != word:
            m = EntityMention(m.mention, ante.name, "MediaOutlet", ante.key, f"coref:{ante.name}")
        elif m.type == "MediaOutlet" and len(m.name.split()) >= 2:
            last[m.name.split()[-1].lower()] = m
        out.append((m, span))
    return out


def _quoted_whole(doc: Doc, start: int, end: int) -> bool:
    """Is the span all that stands between a pair of quotation marks?"""
    before = doc[start - 1].text if start > 0 else ""
    after = doc[end].text if end < len(doc) else ""
    if after in (",", ".", "!", "?") and end + 1 < len(doc):
        after = doc[end + 1].text  # “Arch Deceiver,” — American punctuation inside the quotes
    return before in OPENING_QUOTES and after in CLOSING_QUOTES


def _name_pieces(doc: Doc, gaz, start: int, end: int, split_commas: bool) -> list[tuple[int, int]]:
    """The names in one span the model found, trimmed: "Treasury's Office of Foreign Assets Control"
    is an owner and its body (when the gazetteer knows the owner, and not the whole: "People's
    Mojahedin Organization" is one name); "Above the picture of Eizenkot, Zakkout wrote": the model
    ran two names together across a comma."""
    # "the National Bureau for Risk and Disaster Management (BNGRC": the model ran the name into its acronym
    end = next((k for k in range(start + 1, end) if doc[k].text == "("), end)
    cut = next((k for k in range(start + 1, end - 1) if doc[k].text in POSSESSIVES), None)
    if cut is not None and (gaz.lookup_name(doc[start:end].text) or not gaz.lookup_name(doc[start:cut].text)):
        cut = None
    bounds = [(start, end)] if cut is None else [(start, cut), (cut + 1, end)]
    out = []
    for a, b in bounds:
        for k in range(a, b):
            if split_commas and doc[k].text == ",":
                out.append(_trim(doc, a, k))
                a = k + 1
        out.append(_trim(doc, a, b))
    return out


def _initials(words_: Iterable[str]) -> str:
    return "".join(w[0] for w in words_ if w and w[0].isupper())


HOUSE_KEY = "united-states-house-of-representatives"
# what shows a text is about the US Congress, whose "the House" is then the House of Representatives
# (case matters: a "speaker" at a rally is no Speaker), and what shows another parliament's
CONGRESS_SIGNS = frozenset({"united-states-congress", "united-states-senate", HOUSE_KEY, "Senate", "Congress"})
CONGRESS_WORDS = frozenset({"Rep.", "Congressman", "Congresswoman", "congressman", "congresswoman", "Speaker"})
PARLIAMENT_WORDS = frozenset({"Commons", "Lords", "MP", "MPs", "Parliament", "parliament", "Knesset", "Duma"})


def the_house(doc: Doc, doc_id: str, text: str, found: list[tuple[EntityMention, Span]],
              texts: list[str]) -> list[tuple[EntityMention, Span]]:
    """"the House" in a text on the US Congress is the House of Representatives ("passed the House
    and the Senate", "Speaker of the House Nancy Pelosi"); not "the House of Commons", nor "the House
    Intelligence Committee", which is a name of its own."""
    congress = any(m.key in CONGRESS_SIGNS or m.name in CONGRESS_SIGNS for m, _s in found) \
        or bool(CONGRESS_WORDS.intersection(texts))
    if not congress and PARLIAMENT_WORDS.intersection(texts):
        return found
    taken = {t.i for _m, span in found for t in span}
    # the model's own "House" (an ORG) is a chamber; in a text on no parliament, the US one
    alone = {span.start: n for n, (m, span) in enumerate(found) if len(span) == 1 and m.key is None}
    out = list(found)
    for k, w in enumerate(texts):
        if w != "House" or (k in taken or not congress) and k not in alone:
            continue
        after = texts[k + 1] if k + 1 < len(texts) else ""
        speaker = k >= 3 and texts[k - 2] == "of" and texts[k - 3] == "Speaker"
        if k not in alone and (k == 0 or texts[k - 1] not in ("the", "The") or after in ("of", "magazine")
                               or after[:1].isupper() and not speaker):
            continue  # ("House Speaker Nancy Pelosi", "House Democrats": only where the model saw a name)
        s, e = char_span(doc, k, k + 1)
        house = (EntityMention(Mention(doc_id, s, e, text[s:e]), "House", "Organization", HOUSE_KEY,
                               "gazetteer+congress"), doc[k:k + 1])
        if k in alone:
            out[alone[k]] = house
        else:
            out.append(house)
    return out


# "Keith Ellison, aka Hakim Muhammad", "Jose Ines Garcia Zarate, also known as Juan Francisco Lopez Sanchez"
ALIAS_MARKERS = (("aka",), ("a.k.a",), ("a.k.a.",), ("AKA",), ("also", "known", "as"))


def link_aliases(doc: Doc, found: list[tuple[EntityMention, Span]]) -> list[tuple[EntityMention, Span]]:
    """"A, aka B": two names of one actor.  The name without a gazetteer entry points to the other
    (the later one when neither has an entry), as an acronym points to its long form."""
    by_start = {span.start: i for i, (_m, span) in enumerate(found)}
    out = list(found)
    for i, (m, span) in enumerate(found):
        j = span.end + (span.end < len(doc) and doc[span.end].text in (",", "("))
        marker = next((mk for mk in ALIAS_MARKERS if [t.text for t in doc[j:j + len(mk)]] == list(mk)), None)
        k = by_start.get(j + len(marker)) if marker else None
        if k is None or out[k][0].type != m.type or m.key is not None and out[k][0].key is not None:
            continue
        a, b = (i, k) if m.key is None else (k, i)
        am, target = out[a][0], out[b][0]
        out[a] = (replace(am, type=target.type, key=target.key, basis=am.basis + "+aka",
                           long_form=target.name), out[a][1])
    return out


ACRONYM_SMALL_WORDS = frozenset(("of", "and", "the", "for", "in", "al"))


def initials_acronyms(found: list[tuple[EntityMention, Span]]) -> list[tuple[EntityMention, Span]]:
    """"As TFTP previously reported" in a text that names The Free Thought Project: an unknown
    acronym the text never defines stands for the one name of the text it is the initials of
    (with or without its small words).  Returns ``found`` with those acronyms relabelled."""
    long_forms: dict[str, set[tuple[str, str | None, str]]] = {}
    for m, span in found:
        words_ = m.mention.text.replace("-", " ").split()
        if span.start and span.doc[span.start - 1].text == "The":
            words_.insert(0, "The")  # "The Free Thought Project" (TFTP)
        if len(words_) < 3 or "acronym" in m.basis or m.type == "Person":
            continue
        for letters in (words_, [w for w in words_ if w.lower() not in ACRONYM_SMALL_WORDS]):
            if len(letters) >= 3 and all(w[:1].isupper() for w in letters):
                long_forms.setdefault(_initials(letters), set()).add((m.name, m.key, m.type))
    out = []
    for m, span in found:
        forms = long_forms.get(m.mention.text) if m.key is None and len(span) == 1 and m.mention.text.isupper() \
            and m.long_form is None and m.type != "Person" else None
        if forms and len(forms) == 1:
            name, key, typ = next(iter(forms))
            m = EntityMention(m.mention, m.name, typ, key, m.basis + "+initials", long_form=name)
        out.append((m, span))
    return out


def link_acronyms(doc: Doc, found: list[tuple[EntityMention, Span]], text: str) -> list[tuple[EntityMention, Span]]:
    """"Long Form (LF)": the acronym is a mention of the long form's entity, here and later in the text."""
    by_start = {span.start: i for i, (_m, span) in enumerate(found)}
    taken = {t.i for _m, span in found for t in span}
    out = list(found)
    defined: dict[str, EntityMention] = {}
    for m, span in found:
        j = span.end
        if not (j + 2 < len(doc) and doc[j].text == "(" and doc[j + 2].text == ")"):
            continue
        acro = doc[j + 1].text
        letters = [w for w in span.text.replace("-", " ").split() if w.lower() not in ACRONYM_SMALL_WORDS]
        if not (acro.isupper() and 2 <= len(acro) <= 8 and _initials(letters).startswith(acro[:2])):
            continue
        defined.setdefault(acro, m)
        k = by_start.get(doc[j + 1].i)
        if k is not None and out[k][0].key is None:
            am = out[k][0]
            out[k] = (EntityMention(am.mention, am.name, m.type, m.key, am.basis + "+acronym", long_form=m.name), out[k][1])
    if defined:
        for tok in doc:
            lf = defined.get(tok.text)
            if lf is None or tok.i in taken:
                continue
            s, e = tok.idx, tok.idx + len(tok.text)
            out.append((EntityMention(Mention(lf.mention.doc, s, e, text[s:e]), tok.text, lf.type, lf.key,
                                      "acronym", long_form=lf.name), doc[tok.i:tok.i + 1]))
    return out
