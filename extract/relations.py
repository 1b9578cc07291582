"""Typed relations between the mentions of one sentence, from the dependency parse.

Triggers and surface patterns are data (``data/relation_patterns.jsonl``); this module only
knows how to find the two ends of a trigger:

* verbs, active and passive ("X funds Y", "Y is funded by X", "groups backed by X"),
  with controlled and coordinated subjects ("X continued to arm Y", "X, Y and Z fund W");
* nominalisations ("Turkey's support for militants", "US support to Y", "a warning against Damascus");
* role nouns ("Turkey, a NATO member", "strongholds of Al Qaeda", "Al Qaeda affiliates including Y");
* hyphen compounds ("US-armed", "Idlib-based", "HTS-held");
* surface patterns between two mentions ("Tahrir al-Sham - formerly Jabhat Al Nusra", "Raqqa, Syria").

Each relation carries its evidence: sentence span, trigger, rule id, confidence, negation,
hedging, and the entity that asserts it when the sentence reports someone's speech.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from importlib import resources
from typing import Iterable

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.gazetteer import data_rows
from newsgraph.extract.mentions import (JOINT_NOUNS, PAIR_JOINERS, PLACE_DEMONYM, RIVAL_NOUNS, SETTLEMENT_NOUNS,
                                        inserted_home, place_list_start)
from newsgraph.extract.normalize import CLOSING_QUOTES, OPENING_QUOTES, POSSESSIVES
from newsgraph.extract.read import typographic_quotes
from newsgraph.records import SYMMETRIC_RELATIONS, EntityMention, Evidence, RawRelation

# Which entity types each relation accepts at each end (None: any).
NON_PLACE = ("Group", "State", "MediaOutlet", "Organization", "Person")
TYPE_CONSTRAINTS: dict[str, tuple[tuple[str, ...] | None, tuple[str, ...] | None]] = {
    "SUPPORTS": (NON_PLACE, NON_PLACE),
    "FIGHTS": (("Group", "State", "Organization", "Person"), ("Group", "State", "Organization", "Person")),
    "COOPERATES_WITH": (NON_PLACE, NON_PLACE),
    "PART_OF": (NON_PLACE, ("Group", "State", "Organization", "MediaOutlet")),
    "FORMERLY_KNOWN_AS": (NON_PLACE, NON_PLACE),
    "CONTROLS": (("Group", "State", "Organization"), ("Place",)),
    "LOCATED_IN": (("Place",), ("Place", "State")),
    "OPERATES_IN": (("Group", "State", "Organization", "MediaOutlet"), ("Place", "State")),
    "ACCUSES": (NON_PLACE, NON_PLACE),
    "THREATENS": (NON_PLACE, None),  # "Erdogan has threatened Manbij"
    "REPORTS_ON": (("MediaOutlet", "Person"), NON_PLACE),  # a Person only when a journalist (see _finish)
}
# Type pairs a relation never joins although each end is allowed: an office holder is not PART_OF
# a state ("US President Donald Trump"), whose people are not its members in this vocabulary.
EXCLUDED_TYPE_PAIRS: dict[str, frozenset[tuple[str, str]]] = {"PART_OF": frozenset({("Person", "State")})}

# "reported for Intellihub", "wrote in the Atlantic": verbs of those who write for an outlet, not guests on it
WRITING_VERBS = frozenset("write report publish post".split())
MAX_LIST = 40  # items of a list of conjuncts that relations reach ("Juanita Broaddrick, ..., and Bobbie Ann William")

# nouns for a body someone has ("his Fidesz party", "Orbán's political organization"): not the person
# ("Assad's coalition" is his, though)
BODY_NOUNS = frozenset("party group organization organisation foundation company firm movement charity "
                       "institute network campaign".split())
MEDIA_ROLES = frozenset("broadcaster newspaper channel outlet mouthpiece organ".split())
STATE_MEDIA_WORDS = frozenset("state state-run state-owned state-controlled official government regime".split())


def types_allowed(typ: str, source_type: str, target_type: str, rule: str) -> bool:
    """May a relation of type ``typ`` (found by ``rule``) join these entity types?  Checked on the
    mentions, and again on the entities once the corpus has settled each one's type."""
    allowed_s, allowed_t = TYPE_CONSTRAINTS[typ]
    if typ == "REPORTS_ON" and target_type == "Place" and rule.startswith("noun:"):
        allowed_t = None  # "the Guardian’s coverage of Latin America": a place can be a story's subject
    if allowed_s and source_type not in allowed_s or allowed_t and target_type not in allowed_t:
        return False
    return (source_type, target_type) not in EXCLUDED_TYPE_PAIRS.get(typ, ())


PARTITIVES = frozenset("most much part parts half staff board boards ranks swathes swaths swath portions portion "
                       "rest majority chunk chunks areas large".split())
ALLY_ROLES = frozenset("ally allies partner partners".split())
APPOINTING_VERBS = frozenset("appoint name hire install promote recruit".split())
ALLIANCE_NOUNS = frozenset("coalition alliance axis camp bloc".split())  # joined with their leaders, not in them
# the forces an actor moves, which it operates through where they go
TROOP_NOUNS = frozenset("troop troops force forces fighter fighters soldier soldiers militant militants unit units "
                        "personnel adviser advisers advisor advisors mercenary mercenaries commando commandos "
                        "warship warships jet jets warplane warplanes".split())
# passive raising verbs that pass on hearsay ("is believed to", "is said to")
HEARSAY_VERBS = frozenset("believe say think allege report suspect rumor rumour claim understand".split())
# verbs whose "that" clause their subject says is untrue
DENIAL_VERBS = frozenset("deny dismiss refute rebut disavow disprove".split())
# events whose organiser holds their stance ("organized a pro-Hamas rally")
RALLY_NOUNS = frozenset("rally rallies demonstration demonstrations protest protests march marches event events "
                        "conference campaign campaigns vigil".split())
# rules whose Person subject reports whoever he is: a citation's author, one who "wrote about" someone
WRITER_RULES = frozenset({"cite:headline", "verb:write"})
FIELD_TITLES = frozenset("expert experts specialist specialists".split())  # their "on" and "of" name a subject
FINDING_NOUNS = frozenset("report investigation inquiry probe study paper indictment complaint affidavit review "
                          "findings audit memo analysis lawsuit suit letter warrant".split())
CONTENT_VERBS = frozenset("claim allege assert say suggest show reveal detail describe report state argue".split())
LIST_PREPS = frozenset({"including", "like", "as", "among"})
ACTOR_HEADS = frozenset(
    "forces troops soldiers militias militia fighters presence bases base army military units advisers "
    "advisors operations personnel proxies navy jets aircraft warplanes coalition warships ships agents officers "
    "investigators operatives marines raids strikes airstrikes patrols volunteers workers staff".split())
LIST_SEP = re.compile(r"^\s*(?:,\s*(?:and|or)?|and|or|&)\s*(?:the\s+)?$", re.I)
# place words that carry a name's preposition ("Idlib province in Syria"): the settlement nouns that
# make a name a place (mentions.py) and the words too loose for that ("area", "field", "port")
PLACE_NOUNS = SETTLEMENT_NOUNS | frozenset("governorate area enclave field port suburb suburbs neighborhood "
                                           "neighbourhood airport island islands".split())
ROLE_BEARERS = frozenset("state states regime regimes government governments force forces group groups "
                         "militia militias organization organisation army".split())
# a threat to withhold something from someone threatens them ("threatened to cut off aid to Honduras")
WITHHOLD_VERBS = frozenset("cut stop halt end suspend withhold cancel freeze withdraw deny block".split())
OUSTING_NOUNS = frozenset("change assassination overthrow destruction elimination removal liquidation ouster "
                          "annihilation".split())  # (the "change" of "regime change")
DANGER_NOUNS = frozenset("danger risk peril threat plot problem hazard".split())
INSTRUMENT_VERBS = frozenset("send deploy dispatch use mobilize mobilise call bring move station".split())
SEND_VERBS = frozenset("send deploy dispatch".split())  # "threatened to send troops to Syria": at Syria
VOW_VERBS = frozenset("vow pledge promise swear threaten".split())
COPULAS = frozenset("be remain stay become fall come".split())
TITLE_COPULAS = frozenset("be become remain".split())  # verbs that give their subject a title
# relations whose verb may take the deed for the doer ("condemned Trump's decision")
OWNED_ACT_TYPES = frozenset({"ACCUSES", "SUPPORTS"})
# acts done on someone's behalf that take their side in a dispute ("a lawsuit on behalf of Cody Wilson")
ADVOCACY_ACTS = frozenset("lawsuit suit brief petition complaint appeal campaign file sue lobby "
                          "intervene".split())
# what a speaker gives an outlet ("said in a statement to Fox News"): the outlet reports on the speaker
GIVEN_NOUNS = frozenset({"statement", "comment"})
# what an outlet publishes, whose words are the outlet's ("A Fox News report said that ...",
# "according to the Tagespost report")
PUBLISHED_NOUNS = frozenset("report article story analysis piece editorial investigation column documentary "
                            "broadcast segment exposé expose survey poll".split())
# verbs whose subject undergoes their noun object ("received support from", "faces threats from")
RECIPIENT_VERBS = frozenset("receive get face suffer endure offset counter fear deter confront".split())


@dataclass(frozen=True)
class Trigger:
    pos: str
    lemma: str
    type: str
    obj_preps: tuple[str, ...]
    subj_preps: tuple[str, ...]
    confidence: float
    inverse: bool = False
    inverse_subject: bool = False
    light: bool = False
    role: str = ""
    role_preps: tuple[str, ...] = ("of",)
    done_type: str = ""  # the type when the act is reported done ("overthrew": FIGHTS, not a threat)
    person_type: str = ""  # the type when a person acts ("Ilhan Omar attacked Israel": words, not arms)
    stative: bool = False  # the passive tells its subject's state: "based in Idlib", "affiliated with Y"
    reciprocal: bool = False  # with no object, coordinated subjects do it to each other: "X and Y clashed"
    source_types: tuple[str, ...] = ()  # when set, the only types its source may have
    target_types: tuple[str, ...] = ()  # when set, the only types its target may have


@dataclass(frozen=True)
class SurfacePattern:
    type: str
    rule: str
    regex: re.Pattern[str]
    confidence: float
    inverse: bool = False
    source_types: tuple[str, ...] | None = None
    target_types: tuple[str, ...] | None = None
    same_country: bool = False
    lists: bool = False  # a list of names before the first one shares the relation
    before: re.Pattern[str] | None = None  # what the text before the first name must end with
    place_roles: tuple[str, ...] | None = None  # a Place target must have one of these gazetteer roles
    lists_after: bool = False  # a list of names after the second one shares the relation
    skip_roles: tuple[str, ...] = ()  # sources of these gazetteer roles are skipped


@dataclass(frozen=True)
class VerbForm:
    type: str
    lemma: str
    pattern: str
    confidence: float
    passive: bool = False
    person_type: str = ""
    words: frozenset[str] = frozenset()  # the inflected forms the pattern can match

    @cached_property
    def regex(self) -> re.Pattern[str]:
        # compiled on first use: two hundred patterns compiled up front were a twentieth of an
        # incremental rebuild, and most never meet their verb
        return re.compile(self.pattern, re.I)


IRREGULAR = {"fight": ["fights", "fought", "fighting"], "strike": ["strikes", "struck", "striking"],
             "hold": ["holds", "held", "holding"], "seize": ["seizes", "seized", "seizing"],
             "take": ["takes", "took", "taken", "taking"], "run": ["runs", "ran", "running"],
             "equip": ["equips", "equipped", "equipping"], "ally": ["allies", "allied", "allying"],
             "occupy": ["occupies", "occupied", "occupying"], "supply": ["supplies", "supplied", "supplying"],
             "bankroll": ["bankrolls", "bankrolled", "bankrolling"]}
AUX_WORDS = (r"(?:(?:has|have|had|is|are|was|were|will|would|could|may|might|also|still|reportedly|allegedly|"
             r"openly|secretly|long|directly|actively|continues\s+to|continued\s+to|continue\s+to|does|do|did|"
             r"not|n't|never|been|being|now|once|repeatedly|quietly)\s+)*")


def inflect(lemma: str) -> list[str]:
    """Present, past and -ing forms of a regular English verb (irregulars from a table)."""
    if lemma in IRREGULAR:
        return [lemma, *IRREGULAR[lemma]]
    if lemma.endswith("e"):
        return [lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return [lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    if lemma.endswith(("sh", "ch", "s", "x")):
        return [lemma, lemma + "es", lemma + "ed", lemma + "ing"]
    return [lemma, lemma + "s", lemma + "ed", lemma + "ing"]


def _verb_forms(triggers: dict[tuple[str, str], list["Trigger"]]) -> list[VerbForm]:
    out = []
    for (pos, lemma), ts in sorted(triggers.items()):
        for t in ts:
            if pos != "VERB" or t.light or t.inverse_subject or t.obj_preps == ("clause",) or "" not in t.obj_preps \
                    or " " in lemma:  # (a phrasal verb, "take over", is found through the parse only)
                continue
            if t.type not in ("SUPPORTS", "FIGHTS", "ACCUSES", "THREATENS", "CONTROLS"):
                continue
            forms = inflect(lemma)
            active = "|".join(sorted(set(forms), key=len, reverse=True))
            out.append(VerbForm(t.type, lemma, rf"^\s*{AUX_WORDS}(?P<verb>{active})\s+(?:the\s+)?$",
                                round(t.confidence - 0.1, 3), person_type=t.person_type, words=frozenset(forms)))
            past = forms[2] if len(forms) > 2 else forms[-1]
            out.append(VerbForm(t.type, lemma,
                                rf"^\s*,?\s*(?:which\s+|who\s+|that\s+)?(?:is|are|was|were|has\s+been|have\s+been|had\s+been|being)?\s*"
                                rf"{AUX_WORDS}(?P<verb>{past})\s+by\s+(?:the\s+)?$", round(t.confidence - 0.1, 3),
                                passive=True, person_type=t.person_type, words=frozenset([past])))
    return out


@dataclass
class Lexicon:
    triggers: dict[tuple[str, str], list[Trigger]] = field(default_factory=dict)
    patterns: list[SurfacePattern] = field(default_factory=list)
    hedges: frozenset[str] = frozenset()
    negations: frozenset[str] = frozenset()
    speech: frozenset[str] = frozenset()
    negative_verbs: frozenset[str] = frozenset()
    intention_nouns: frozenset[str] = frozenset()
    intention_verbs: frozenset[str] = frozenset()
    intention_adjectives: frozenset[str] = frozenset()
    label_verbs: frozenset[str] = frozenset()
    wish_words: frozenset[str] = frozenset()
    damning_labels: frozenset[str] = frozenset()
    inquiry_words: frozenset[str] = frozenset()
    charge_verbs: frozenset[str] = frozenset()
    alleging_verbs: frozenset[str] = frozenset()
    damning_acts: frozenset[str] = frozenset()
    harm_nouns: frozenset[str] = frozenset()
    supply_nouns: frozenset[str] = frozenset()
    permit_verbs: frozenset[str] = frozenset()
    platforms: frozenset[str] = frozenset()
    hearsay_nouns: frozenset[str] = frozenset()
    hostile_acts: frozenset[str] = frozenset()
    member_nouns: frozenset[str] = frozenset()
    handover_nouns: frozenset[str] = frozenset()
    no_support_things: frozenset[str] = frozenset()
    holder_nouns: frozenset[str] = frozenset()
    body_holders: frozenset[str] = frozenset()
    light_verbs: frozenset[str] = frozenset()
    mention_links: list[dict] = field(default_factory=list)
    acts_in: list[dict] = field(default_factory=list)  # an actor doing anything in a place
    verb_forms: list["VerbForm"] = field(default_factory=list)
    verb_form_words: frozenset[str] = frozenset()
    # rule id, or "family:" for all rules of a family ("verb:"), -> (right, wrong) on the gold
    rule_counts: dict[str, tuple[int, int]] = field(default_factory=dict)

    def get(self, pos: str, lemma: str) -> list[Trigger]:
        return self.triggers.get((pos, lemma), [])

    def calibrated(self, rule: str, prior: float) -> float:
        """The precision of ``rule`` measured on the development gold (rule_precision.jsonl),
        its family's first and then its own, each smoothed toward what came before, starting
        from the rule's hand-set confidence, so that a rule seldom seen keeps close to it.

        >>> lex = Lexicon(rule_counts={"verb:": (8, 2), "verb:fund": (3, 0)})
        >>> round(lex.calibrated("verb:fund", 0.8), 3), round(lex.calibrated("noun:aid", 0.8), 3)
        (0.875, 0.8)
        """
        for key in (rule_family(rule), rule):
            right, wrong = self.rule_counts.get(key, (0, 0))
            prior = (right + PRIOR_WEIGHT * prior) / (right + wrong + PRIOR_WEIGHT)
        return prior


def rule_family(rule: str) -> str:
    """The key of a rule's family in ``Lexicon.rule_counts``: "verb:" for "verb:fund"."""
    return rule.split(":")[0] + ":"


# a rule's hand-set confidence weighs as much as this many relations judged on the gold
PRIOR_WEIGHT = 5
HEDGE_FACTOR = 0.6  # "reportedly", "may": a hedged statement is asserted less firmly

MODALITY_FIELDS = {"hedge": "hedges", "negation": "negations", "speech": "speech", "negative_verb": "negative_verbs",
                   "intention_noun": "intention_nouns", "intention_verb": "intention_verbs", "wish_word": "wish_words",
                   "label_verb": "label_verbs", "damning_label": "damning_labels", "inquiry_word": "inquiry_words",
                   "charge_verb": "charge_verbs", "alleging_verb": "alleging_verbs", "damning_act": "damning_acts",
                   "harm_noun": "harm_nouns",
                   "supply_noun": "supply_nouns", "permit_verb": "permit_verbs", "platform": "platforms",
                   "hearsay_noun": "hearsay_nouns", "hostile_act": "hostile_acts",
                   "member_noun": "member_nouns", "handover_noun": "handover_nouns",
                   "no_support_thing": "no_support_things", "holder_noun": "holder_nouns",
                   "body_holder": "body_holders", "light_verb": "light_verbs",
                   "intention_adjective": "intention_adjectives"}


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    lex = Lexicon()
    for row in data_rows("relation_patterns.jsonl"):
        if row["kind"] == "trigger":
            t = Trigger(row["pos"], row["lemma"], row["type"], tuple(row.get("obj_preps", ())),
                        tuple(row.get("subj_preps", ())), float(row["confidence"]), bool(row.get("inverse")),
                        bool(row.get("inverse_subject")), bool(row.get("light")), row.get("role", ""),
                        tuple(row.get("role_preps", ("of",))), row.get("done_type", ""), row.get("person_type", ""),
                        bool(row.get("stative")), bool(row.get("reciprocal")), tuple(row.get("source_types", ())),
                        tuple(row.get("target_types", ())))
            lex.triggers.setdefault((t.pos, t.lemma), []).append(t)
        elif row["kind"] == "mention_link":
            lex.mention_links.append(row)
        elif row["kind"] == "act_in":
            lex.acts_in.append(row)
        elif row["kind"] == "between":
            lex.patterns.append(SurfacePattern(
                row["type"], row["rule"], re.compile(row["regex"], re.I), float(row["confidence"]),
                bool(row.get("inverse")), tuple(row["source_types"]) if row.get("source_types") else None,
                tuple(row["target_types"]) if row.get("target_types") else None, bool(row.get("same_country")),
                bool(row.get("lists")), re.compile(row["before"], re.I) if row.get("before") else None,
                tuple(row["place_roles"]) if row.get("place_roles") else None, bool(row.get("lists_after")),
                tuple(row.get("skip_roles", ()))))
    lex.verb_forms = _verb_forms(lex.triggers)
    lex.verb_form_words = frozenset(f for (pos, lemma), ts in lex.triggers.items() if pos == "VERB"
                                    for f in inflect(lemma))
    for row in data_rows("modality.jsonl"):
        # each word list of modality.jsonl fills the Lexicon field of that name ("hedge" -> hedges)
        setattr(lex, MODALITY_FIELDS[row["kind"]], frozenset(row["words"]))
    families: dict[str, tuple[int, int]] = {}
    for row in data_rows("rule_precision.jsonl"):
        lex.rule_counts[row["rule"]] = (row["right"], row["wrong"])
        family = rule_family(row["rule"])
        right, wrong = families.get(family, (0, 0))
        families[family] = (right + row["right"], wrong + row["wrong"])
    lex.rule_counts.update(families)
    return lex


def extraction_data_files() -> list[str]:
    """Every packaged data file (``extract/data/*.jsonl``), sorted: all of them can change what is
    extracted (the town list retypes names), so the cache key covers all, not a hand-kept list."""
    return sorted(p.name for p in resources.files("newsgraph.extract").joinpath("data").iterdir()
                  if p.name.endswith(".jsonl"))


def patterns_fingerprint() -> str:
    """Identifies the extraction rules: the data files and the code of the extract package (so a
    cached extraction is never reused after either changes)."""
    import hashlib
    h = hashlib.sha256()
    package = resources.files("newsgraph.extract")
    for name in extraction_data_files():
        h.update(name.encode() + b"\0" + package.joinpath("data", name).read_bytes())
    for source in sorted((p for p in package.iterdir() if p.name.endswith(".py")), key=lambda p: p.name):
        h.update(source.name.encode() + b"\0" + source.read_bytes())
    return h.hexdigest()[:16]


# ---------------------------------------------------------------------------------- helpers

class SentenceView:
    """Mentions of one sentence indexed by token, and the ways to reach them from a token."""

    def __init__(self, sent: Span, mentions: list[tuple[int, EntityMention, Span]], lex: Lexicon) -> None:
        self.sent = sent
        # nouns that stand for the entity attached to them ("the militants of HTS"), from modality.jsonl
        self.holders, self.body_holders = lex.holder_nouns, lex.body_holders
        self.mentions = mentions
        self.by_token: dict[int, int] = {}
        for idx, _m, span in mentions:
            for t in span:
                self.by_token[t.i] = idx
        self.mentions_by_idx: dict[int, EntityMention] = {idx: m for idx, m, _span in mentions}
        self.mentions_by_idx_span: dict[int, Span] = {idx: span for idx, _m, span in mentions}

    def mention_of(self, tok: Token) -> int | None:
        return self.by_token.get(tok.i)

    def ents(self, tok: Token, depth: int = 0, chain: int = 0) -> list[int]:
        """Mentions a noun phrase headed by ``tok`` denotes, with its conjuncts (``chain``: how
        far down a list of conjuncts this one is)."""
        if depth > 4 or chain > MAX_LIST:
            return []
        found: list[int] = []
        m = self.mention_of(tok)
        if m is not None:
            found.append(m)
            if self.mentions_by_idx[m].type == "Person":
                # "Paul Manafort, his first national security adviser, Michael Flynn, and ...": a person
                # in apposition to another's title is the next item of a list
                for c in tok.children:
                    if c.dep_ == "appos" and c.pos_ == "NOUN" and self.mention_of(c) is None:
                        found.extend(i for a in c.children if a.dep_ == "appos" and self.mention_of(a) is not None
                                     and self.mentions_by_idx[self.mention_of(a)].type == "Person"
                                     for i in self.ents(a, depth + 1))
        elif tok.pos_ in ("NOUN", "PROPN", "PRON", "ADJ", "NUM", "X") or tok.lower_ in self.holders:
            # "former US officials" no longer act for the US
            holder = tok.lower_ in self.holders and not any(c.lower_ in ("former", "ex") for c in tok.children)
            # "NATO members Turkey and Greece clashed": the names in apposition are who acts
            holder = holder and not any(c.dep_ == "appos" and self.mention_of(c) is not None for c in tok.children)
            for c in tok.children:
                if c.dep_ in ("appos", "compound", "nmod", "amod", "poss") and self.mention_of(c) is not None and (
                        c.dep_ == "appos" or holder and not (
                        # "Orbán's political organization" is a body of its own, not Orbán
                        tok.lower_ in BODY_NOUNS and self.mentions_by_idx[self.mention_of(c)].type == "Person")):
                    # (an apposition brings its conjuncts: "members Turkey and Greece")
                    found.extend(self.ents(c, depth + 1) if c.dep_ == "appos" else [self.mention_of(c)])
                elif c.dep_ == "prep" and ((tok.lower_ in self.holders or tok.lower_ in PARTITIVES) and c.lower_ == "of"
                                           or holder and tok.lower_ in self.body_holders and c.lower_ in ("at", "for", "with", "from")):
                    # "HTS controls most of Idlib": a part of a place or a group stands for it
                    for p in c.children:
                        if p.dep_ == "pobj":
                            found.extend(self.ents(p, depth + 1))
                elif c.dep_ == "prep" and (tok.lower_ in self.holders and c.lower_ in LIST_PREPS | {"such"} or (
                        tok.pos_ == "NOUN" and (c.lower_ in ("including", "such")
                                                or c.lower_ == "as" and any(g.lower_ == "such" for g in c.children)))):
                    # "Mueller charged 34 people, including Paul Manafort": an example list names them
                    found.extend(self.list_members(c, depth))
                elif c.dep_ == "acl" and c.lemma_ in ("name", "call") and c.tag_ == "VBN":
                    # "a female radio anchor named LeeAnn Tweeden revealed ...": the name given is who
                    found.extend(i for g in c.children if g.dep_ in ("oprd", "attr") for i in self.ents(g, depth + 1))
                elif tok.lower_ in self.holders and c.dep_ == "acl" and c.lemma_ == "lead" and c.tag_ == "VBN":
                    # "the coalition, led by the United States, carried out strikes": its leader acts
                    found.extend(prep_objects(self, c, ("by",)))
                elif tok.lower_ in self.holders and c.dep_ == "amod" and c.lemma_ == "lead" and c.i >= 2 \
                        and c.doc[c.i - 1].text in ("-", "‐", "‑"):
                    # "the US-led coalition bombed ...": the leader acts through it
                    lead = self.mention_of(c.doc[c.i - 2])
                    if lead is not None:
                        found.append(lead)
            if not found and tok.pos_ == "PROPN":
                # "told The Sun Online": the model's outlet name stops short of the phrase's last word
                found.extend(i for c in tok.children if c.dep_ == "compound" and c.i == tok.i - 1
                             for i in [self.mention_of(c)] if i is not None
                             and self.mentions_by_idx[i].type == "MediaOutlet")
            if not found and tok.pos_ in ("NOUN", "PROPN"):
                # "Trump's ambassador to the U.N., Nikki Haley, gave ...": the parser hangs the
                # name on the organisation rather than on the title it names; "US Ambassador to
                # the UN Nikki Haley told NBC": or runs the organisation into the name
                for c in tok.children:
                    if c.dep_ == "prep" and c.lower_ in ("to", "of", "at", "for"):
                        for p in c.children:
                            if p.dep_ != "pobj" or self.mention_of(p) is None:
                                continue
                            found.extend(self.mention_of(a) for a in p.children if a.dep_ == "appos"
                                         and self.mention_of(a) is not None
                                         and self.mentions_by_idx[self.mention_of(a)].type == "Person")
                            m = self.mention_of(p)
                            if self.mentions_by_idx[m].type == "Person" and any(
                                    self.mention_of(a) not in (None, m) for a in p.children if a.dep_ == "compound"):
                                found.append(m)
            if not found and tok.dep_ == "appos" and tok.lower_ in self.holders:
                h = self.mention_of(tok.head)
                if h is not None:
                    found.append(h)
            if not found and (tok.lower_ in self.holders | {"one"} or tok.tag_ == "NNS" and any(
                    c.dep_ == "relcl" for c in tok.children)):
                # ("X and Y are among the women who have made allegations": the women are X and Y)
                found.extend(self._predicate_subject(tok, depth))
        # "The Army of Islam and Faylaq al-Rahman clashed": a conjunct may hang on a word inside the name
        heads = self.mentions_by_idx_span[m] if m is not None else [tok]
        for h in heads:
            for c in h.children:
                if c.dep_ == "conj" and not _starts_clause(c) and (h is tok or c.i >= heads[-1].i):
                    # (a list is a chain of conjuncts, each on the one before: its length is no depth)
                    found.extend(self.ents(c, depth, chain + 1))
        return _unique(found)

    def antecedent(self, pron: Token) -> list[int]:
        """"Iran ... its allies": the nearest actor named before a possessive "its" in the sentence."""
        first = pron.head
        while first.dep_ == "conj":  # "the US and its allies": the first conjunct
            first = first.head
        if first.i != pron.head.i:
            m = self.mention_of(first)
            return [m] if m is not None else []
        best = None
        for idx, m, span in self.mentions:
            root = span.root
            possessor = span.end < len(span.doc) and span.doc[span.end].text in ("'s", "’s")
            if not possessor and root.dep_ == "pobj" and root.head.lower_ in (
                    "in", "from", "into", "across", "inside", "to", "with"):
                continue  # "ISIS's re-emergence in Iraq from its bases": a place phrase is not the owner
            if span.end <= pron.i and m.type not in ("Place", "Person") and (best is None or span.end > best[1]):
                best = (idx, span.end)
        return [best[0]] if best else []

    def _predicate_subject(self, tok: Token, depth: int) -> list[int]:
        """"Britain was one of six countries supporting ...": the countries are Britain."""
        t = tok
        if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ in ("one", "some", "many", "among"):
            t = t.head.head
        if t.dep_ == "pobj" and t.head.lower_ == "among" and t.head.dep_ == "prep":
            t = t.head  # "Paula Jones and Gennifer Flowers are among the women who ..."
        if t.dep_ in ("attr", "prep") and t.head.lemma_ in ("be", "remain", "become"):
            for c in t.head.children:
                if c.dep_ == "nsubj":
                    return self.ents(c, depth + 1)
        return []

    def list_members(self, prep: Token, depth: int) -> list[int]:
        out: list[int] = []
        for p in prep.subtree:
            if p.dep_ == "pobj" and p.head.i in (prep.i,) or (p.dep_ == "pobj" and p.head.dep_ in ("prep", "amod") and p.head.head.i == prep.i):
                out.extend(self.ents(p, depth + 1))
        return out


def _according(tok: Token) -> Token | None:
    """The "according" that ``tok`` is the source of: "according to X", and through a few
    nouns and participles, "according to a translation published by X", "according to a report by X"."""
    t = _conj_root(tok)  # "according to NBC News and the AP": both
    if t.dep_ in ("compound", "poss") and t.head.lemma_.lower() in PUBLISHED_NOUNS:
        t = t.head  # "according to the Tagespost report"
    for _ in range(4):
        if t.dep_ != "pobj":
            return None
        prep = t.head
        if prep.lower_ == "to" and prep.head.lower_ == "according":
            return prep.head
        if prep.lower_ not in ("by", "of", "from", "in"):
            return None
        t = prep.head
        if t.dep_ in ("acl", "amod") and t.pos_ == "VERB":  # "a translation published by"
            t = t.head
    return None


def _according_source(view: SentenceView, according: Token, ends: set[int]) -> int | None:
    """The X of "according to X" (not one of the relation's own ends)."""
    for p in according.subtree:
        if p.dep_ == "pobj":
            ms = [m for m in view.ents(p) if m not in ends]
            if ms:
                return ms[0]
    return None


def _unique(xs: Iterable[int]) -> list[int]:
    seen: set[int] = set()
    out = []
    for x in xs:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


def _unique_pairs(pairs):
    seen = set()
    return [p for p in pairs if not (p in seen or seen.add(p))]


REPORT_DEPTH = 3  # what a report is about sits near its verb; deeper lies a run-on sentence's tail
ACCORDING_DEPTH = 5  # "according to X" qualifies the whole sentence, so its actors may sit deeper


def _main_clause_mentions(view: SentenceView, phrase: Token, depth: int | None) -> list[int]:
    """Mentions of the clause a reporting phrase hangs on ("As Politico pointed out, MEK have
    killed Americans"), outside the phrase, within ``depth`` arcs of the clause's head if given."""
    own = {t.i for t in phrase.subtree}
    return [m for t in phrase.head.subtree if t.i not in own
            and (depth is None or _depth_below(t, phrase.head) <= depth)
            for m in [view.mention_of(t)] if m is not None]


def _denies(tok: Token) -> bool:
    """A negation ("did not fund"), but not "not only ... but also", which asserts more."""
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.dep_ == "neg" and not (after is not None and after.lower_ in ("only", "just", "merely", "simply"))


def _depth_below(tok: Token, top: Token) -> int:
    """Arcs from ``top`` down to ``tok`` (a descendant)."""
    n = 0
    while tok.i != top.i and tok.head is not tok and n < 50:
        tok = tok.head
        n += 1
    return n


def _starts_clause(conj: Token) -> bool:
    """"attack Afrin and President Erdogan has threatened Manbij": a conjunct followed by its own
    verb is the subject of a new clause the parser joined to the list, not a list member."""
    if _conj_root(conj).dep_ not in ("dobj", "obj", "pobj", "attr"):
        return False  # "Iran and Hezbollah have fought": subjects share the verb
    nxt = conj.i + 1
    doc = conj.doc
    if not (nxt < len(doc) and doc[nxt].pos_ in ("AUX", "VERB") and doc[nxt].dep_ in ("aux", "auxpass", "conj", "ROOT")
            and doc[nxt].head.i != conj.i):
        return False
    # "Clashes between the SDF and ISIS continued": the verb's own subject holds the list
    verb = doc[nxt] if doc[nxt].dep_ in ("conj", "ROOT") else doc[nxt].head
    return not any(c.dep_ in ("nsubj", "nsubjpass") and c.left_edge.i <= conj.i <= c.right_edge.i for c in verb.children)


def _modifies(span: Span, others: set[int]) -> bool:
    """Is ``span`` a modifier inside the name phrase of another mention (tokens ``others``)?"""
    t = span.root
    for _ in range(4):
        if t.dep_ == "appos" and t.pos_ == "NOUN" and t is not span.root and t.head.i in others:
            return True  # "Brett Kavanaugh, President Donald Trump's Supreme Court nominee": his title's names
        if t.dep_ not in ("compound", "amod", "nmod", "poss") or t.head is t:
            return False
        t = t.head
        if t.i in others and not (span.start <= t.i < span.end):
            return True
    return False


def _modified_from(view: SentenceView, root: Token, span: Span, skip) -> int:
    """Where the modifiers of a name start: its own first token, or, for a bare name in a list,
    that of the list's first name ("Republican Senators Hatch, Roth, and Hayakawa"), or the
    title noun a "like" list hangs on ("Democratic senators like Robert Menendez and Ben Cardin")."""
    start, anchor = span.start, root
    before = span.start - 1
    while before > 0 and span.doc[before].lower_ in skip:
        before -= 1  # "Senior Tories Sir Bill Cash and Sir John Redwood": a title of the name's own
    if before >= 0 and span.doc[before].dep_ in ("cc", "punct"):
        anchor = _conj_root(root)
        head = view.mention_of(anchor.head) if anchor.dep_ == "appos" else None
        if head is not None and view.mentions_by_idx[head].type == view.mentions_by_idx[view.mention_of(root)].type:
            anchor = anchor.head  # "Hatch, Roth, and Hayakawa": the parser hangs "Roth" as an apposition
        first = view.mention_of(anchor)
        if first is None:
            return start
        start = view.mentions_by_idx_span[first].start
    if anchor.dep_ == "pobj" and anchor.head.lower_ in ("like", "including") and anchor.head.head.lower_ in skip:
        start = anchor.head.head.i + 1
    return start


def _same_form_conjuncts(verb: Token) -> list[Token]:
    """The verbs coordinated with ``verb`` in the same form: "threatened to stop aid to Guatemala
    and blamed Democrats" (the parser hangs "blamed" on "stop") coordinates no second threat."""
    return [c for c in verb.conjuncts if c.tag_ == verb.tag_]


def _finding_authors(view: SentenceView, verb: Token) -> list[int]:
    """"A new Senate report reveals that ...", "Horowitz's report slams Comey", "a Georgia arrest
    warrant accused ...": when a written finding is the subject, its author speaks."""
    return [i for c in verb.children if c.dep_ == "nsubj" and c.lemma_.lower() in FINDING_NOUNS
            for i in [*(i for g in c.children if g.dep_ in ("compound", "poss", "amod", "nmod") for i in view.ents(g)),
                      *prep_objects(view, c, ("by", "of", "from"))]]


def _conj_root(tok: Token) -> Token:
    t = tok
    for _ in range(8):
        if t.dep_ == "conj" and t.head.pos_ == t.pos_:
            t = t.head
        else:
            break
    return t


def _blamed(be: Token, harms: frozenset[str]) -> bool:
    """Does a copula lay blame on its subject: "was behind the attack", "is responsible for the
    killings" (one of ``harms``), "was to blame"?"""
    for c in be.children:
        if c.dep_ == "prep" and c.lower_ == "behind":
            return True
        if c.dep_ == "acomp" and c.lower_ in ("responsible", "culpable"):
            return any(g.dep_ == "prep" and g.lower_ == "for" and p.lemma_.lower() in harms
                       for g in c.children for p in g.children if p.dep_ == "pobj")
        if c.dep_ == "xcomp" and c.lemma_ == "blame" and not any(g.dep_ in ("dobj", "obj") for g in c.children):
            return True
    return False


def subjects_of(view: SentenceView, verb: Token, depth: int = 0) -> list[int]:
    """Grammatical subjects of a verb, inherited through xcomp/conj/relative clauses."""
    if depth > 4:
        return []
    found: list[int] = []
    for c in verb.children:
        if c.dep_ in ("nsubj", "csubj"):
            if c.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
                # "Loomer, a far-right personality who worked for X": the pronoun reaches through the apposition
                # ("James Goddard, the self-styled British Yellow Vest who branded ...": the person, not the label)
                described = view.ents(verb.head.head) if verb.head.dep_ == "appos" else []
                # ("Wilfredo Ruiz, the adviser of AMANA, a group that promotes David Duke": a body noun
                # describes the body named before it, wherever the parser hangs it)
                wanted = ("Group", "Organization", "MediaOutlet") if verb.head.lower_ in BODY_NOUNS else ("Person",)
                fitting = [i for i in described if view.mentions_by_idx[i].type in wanted]
                if not fitting and verb.head.lower_ in BODY_NOUNS and described:
                    k = verb.head.left_edge.i
                    while k > view.sent.start and view.sent.doc[k - 1].text in (",", ")"):
                        k -= 1  # "..., the American Muslim Association of North America (AMANA), a group"
                    before = _mention_before(view, k)
                    fitting = [before] if before is not None and view.mentions_by_idx[before].type in wanted else []
                found.extend(fitting or view.ents(verb.head) or described)
                if not found and c.lower_ == "who":
                    # "Obama's relationship with Reverend Jeremiah Wright who blamed the US": the parser
                    # hung the clause on a noun further back; "who" is the person named right before it
                    before = _mention_before(view, c.i)
                    if before is not None and view.mentions_by_idx[before].type == "Person":
                        found.append(before)
            else:
                found.extend(view.ents(c))
    if found:
        return found
    if any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in verb.children):
        return []  # "the Trump admin has reacted by attacking Syria": a subject that names no entity
    if verb.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in verb.head.children):
        # object control: "empowering Congress to prohibit ...", "urged Turkey to attack ..."
        return [i for c in verb.head.children if c.dep_ == "dobj" for i in view.ents(c)]
    gov = verb.head.head if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" else None
    if gov is not None and gov.pos_ == "NOUN" and gov.lower_ in load_lexicon().intention_nouns:
        return []  # "a policy for confronting Iran", "an approach to defeating ISIS": intended, not done
    if gov is not None and gov.pos_ == "NOUN" and gov.dep_ in ("dobj", "attr") and gov.head.pos_ in ("VERB", "AUX"):
        # "Iran's role in helping X"; "Iran placed importance on helping X"
        found = [i for c in gov.children if c.dep_ == "poss" for i in view.ents(c)]
        if found:
            return found
        gov = gov.head
    if gov is not None and gov.pos_ in ("VERB", "AUX"):
        # a gerund after a preposition takes the governing verb's object if it names one
        # ("blamed the MEK for killing", "accused Turkey of aiding"), its passive subject
        # ("was convicted of joining"), else its subject ("admitted to aiding")
        # ("influenced Clinton by helping X": after "by", the doer is the governing verb's subject)
        found = [i for c in gov.children if c.dep_ == "dobj" for i in view.ents(c)] if verb.head.lower_ != "by" else []
        if not found and verb.head.lower_ in ("for", "of"):
            # "lashed out at Russia for invading Ukraine", "turned on Iran for arming ..."
            found = prep_objects(view, gov, ("at", "against", "on"))
        if not found and _is_passive(gov):
            found = [i for c in gov.children if c.dep_ == "nsubjpass" for i in view.ents(c)]
            if not found and gov.dep_ in ("acl", "amod", "relcl"):
                found = view.ents(gov.head)
            return found
        return found or subjects_of(view, gov, depth + 1)
    if verb.dep_ == "xcomp" and _is_passive(verb.head):
        # "Qatar is believed to have financed al-Nusra": a raising verb's passive subject does it
        return [i for c in verb.head.children if c.dep_ == "nsubjpass" for i in view.ents(c)]
    if verb.dep_ == "ccomp" and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        # "Stafford said that ... the disarray will help Corbyn": a clause whose subject the parser
        # lost is not the speaker's act
        return []
    if verb.dep_ in ("xcomp", "conj", "advcl", "ccomp") and verb.head.pos_ in ("VERB", "AUX"):
        return subjects_of(view, verb.head, depth + 1)
    if verb.dep_ == "xcomp" and verb.head.dep_ == "acomp" and verb.head.head.pos_ in ("VERB", "AUX"):
        return subjects_of(view, verb.head.head, depth + 1)  # "the Guardian was prepared to publish"
    if verb.dep_ in ("relcl", "acl") and not _is_passive(verb):
        found = view.ents(verb.head)
        # "Haley gave a speech demonizing Iran": the speech's giver speaks
        if not found and any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in verb.head.children):
            # "Khweis said his decision to join ISIS ...": the person named before the pronoun
            people = [idx for idx, m, sp in view.mentions if m.type == "Person" and sp.end <= verb.head.i]
            found = people[-1:]
        if not found and verb.head.dep_ in ("dobj", "obj") and verb.head.head.pos_ == "VERB":
            found = subjects_of(view, verb.head.head, depth + 1)
        return found
    return []


RELATIVE_PRONOUNS = frozenset({"which", "that", "whom", "who"})


def _relative_antecedent(view: SentenceView, pronoun: int, verb: Token) -> tuple[Token, list[int]]:
    """What the relative pronoun at token ``pronoun`` of ``verb``'s clause stands for, and the
    token it hangs on.  The parser often hangs the clause on a noun further back: the name just
    before the pronoun is what it stands for ("collaborators of the PKK, which ...")."""
    adjacent = _mention_before(view, pronoun)
    if adjacent is not None:
        return view.mentions_by_idx_span[adjacent].root, [adjacent]
    return verb.head, view.ents(verb.head)


def relative_object(view: SentenceView, verb: Token) -> list[int]:
    """What a relative clause's pronoun object stands for: "the rebels, whom Turkey funds"."""
    pronouns = [c for c in verb.children if c.lower_ in RELATIVE_PRONOUNS]
    # "which even the U.S. designates a terrorist organization": with a subject of its own
    # after it, a pronoun the parser took for a subject is the object
    if verb.dep_ != "relcl" or not any(c.dep_ in ("dobj", "obj") or c.dep_ == "nsubj" and any(
            o.dep_ == "nsubj" and o.i > c.i for o in verb.children) for c in pronouns):
        return []
    head, found = _relative_antecedent(view, min(c.i for c in pronouns), verb)
    if found and head.dep_ == "pobj" and head.head.lower_ in ("in", "inside") and all(
            view.mentions_by_idx[i].type in ("Place", "State") for i in found):
        # "the PKK in Turkey, which the US designates a terrorist organization": the clause
        # describes the actor, not its location (however high the parser hangs "in")
        actor = view.ents(head.head.head) or [m for m in [_mention_before(view, head.head.i)] if m is not None]
        if actor and all(view.mentions_by_idx[i].type not in ("Place", "State") for i in actor):
            return actor
    return found


def _plural(noun: Token) -> bool:
    return noun.lower_ != noun.lemma_.lower()  # "allies", "enemies" (the tagger's NNS is less sure)


def _list_run(items, k: int, step: int, text: str) -> tuple[list[int], int, bool]:
    """The mentions listed with ``items[k]`` going back (``step`` -1) or on (+1): their indexes, the
    position of the last, and whether an "and"/"or" joins them (else only commas do)."""
    got: list[int] = []
    coordinated = False
    while 0 <= k + step < len(items):
        a, b = sorted((k, k + step))
        sep = text[items[a][2].end_char:items[b][2].start_char]
        if not LIST_SEP.match(sep):
            break
        coordinated = coordinated or bool(re.search(r"\b(?:and|or)\b|&", sep, re.I))
        got.append(items[k + step][0])
        k += step
    return got, k, coordinated


def _first_content(sent: Span) -> int:
    """The first token of a sentence that is no quote, bullet or article."""
    return next((t.i for t in sent if not (t.is_punct or t.is_space or t.lower_ in ("the", "a", "an"))), sent.start)


def _ends_sentence(span: Span) -> bool:
    """Is nothing but punctuation after ``span`` in its sentence?"""
    rest = span.doc[span.end:span.sent.end]
    return all(t.is_punct or t.is_space for t in rest)


def _signed_off(view: SentenceView) -> list[Candidate]:
    """"— Noah Bierman and Chris Megerian / Los Angeles Times": a wire story's sign-off names its
    writers after a dash, then (on the same line or the next) their outlet."""
    doc = view.sent.doc
    dash = next((t for t in view.sent if not t.is_space), None)
    if dash is None or dash.text not in ("—", "–"):
        return []
    spans = sorted((sp.start, sp.end, idx) for idx, m, sp in view.mentions if sp.start > dash.i)
    writers: list[int] = []
    prev_end = dash.i + 1
    for start, end, idx in spans:
        gap = doc[prev_end:start].text
        if not SIGN_OFF_GAP.match(gap) or gap.count("\n") > 1:
            return []
        ends_line = "\n" in doc[end - 1].whitespace_ + doc[end:end + 1].text
        if view.mentions_by_idx[idx].type == "MediaOutlet" and writers and ends_line:
            return [Candidate(w, idx, "PART_OF", dash, "pattern:sign-off", 0.7) for w in writers]
        if view.mentions_by_idx[idx].type != "Person":
            return []
        writers.append(idx)
        prev_end = end
    return []


SIGN_OFF_GAP = re.compile(r"^\s*(?:,|and|&)?\s*$")


def _taken_from(view: SentenceView, cands: list[Candidate]) -> list[Candidate]:
    """"ISIS seized Mosul from the Iraqi army", "regained control of Mosul from ISIS": who takes a
    place from someone fights him (the "from" of the verb of a CONTROLS candidate)."""
    out = []
    for c in cands:
        if c.type != "CONTROLS" or not c.rule.startswith(("verb:", "noun:")) or not isinstance(c.trigger, Token):
            continue
        verb = c.trigger if c.rule.startswith("verb:") else c.trigger.head
        if c.rule.startswith("noun:") and c.trigger.dep_ not in ("dobj", "obj"):
            continue
        place = view.mentions_by_idx_span[c.target].root  # "seized Saraqib from ...": or on the place
        for foe in _unique(prep_objects(view, verb, ("from",)) + prep_objects(view, c.trigger, ("from",))
                           + prep_objects(view, place, ("from",))):
            if foe != c.source and view.mentions_by_idx[foe].type != "Place":
                out.append(Candidate(c.source, foe, "FIGHTS", verb, f"taken-from:{verb.lemma_.lower()}", c.confidence - 0.1))
    return out


def _pairs_within(xs: list[int]) -> list[tuple[int, int]]:
    """Every pair of a coordination, once: a symmetric relation among its members."""
    return [(a, b) for k, a in enumerate(xs) for b in xs[k + 1:]]


# programmes and interviews one appears on or in, not bodies one belongs to
APPEARANCE_NOUNS = frozenset("show program programme broadcast interview podcast segment appearance".split())
JOURNALIST_TITLES = frozenset("journalist journalists reporter reporters correspondent columnist interviewer anchor "
                              "anchorman anchorwoman host presenter editor commentator pundit blogger broadcaster "
                              "newsman newswoman".split())


def _titled_journalists(mentions: list[tuple[EntityMention, Span]]) -> frozenset[str]:
    """Names (and surnames) of the people a text calls journalists: "interviewer Nick Robinson",
    "Fox News host Tucker Carlson", "Sarah Ferguson, a journalist", "EWTN's Raymond Arroyo": they
    may report on others."""
    out = set()
    outlet_tokens = {t.i for m, span in mentions if m.type == "MediaOutlet" for t in span}
    for m, span in mentions:
        if m.type != "Person":
            continue
        before = span.doc[span.start - 1] if span.start else None
        if before is not None and before.lower_ in JOURNALIST_TITLES or any(
                c.dep_ == "appos" and c.lower_ in JOURNALIST_TITLES for c in span.root.children) or any(
                c.dep_ == "poss" and c.i < span.start and c.i in outlet_tokens for c in span.root.children):
            # ("EWTN's Raymond Arroyo": a person an outlet owns is its journalist)
            out.update((m.name.lower(), m.name.split()[-1].lower()))
    return frozenset(out)


def _own_body(view: SentenceView) -> list[Candidate]:
    """"Viktor Orban called for an alliance as his right-wing populist Fidesz party began
    campaigning": "his" or "her" before a party or group stands for the person named last before."""
    out = []
    people = [(span.end, idx) for idx, m, span in view.mentions if m.type == "Person"]
    for idx, m, span in view.mentions:
        if m.type not in ("Group", "Organization", "MediaOutlet"):
            continue
        root = span.root
        noun = root.head if root.dep_ == "compound" else root
        poss = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ in ("his", "her")), None)
        # ("his 17 Angry Democrats", "his FBI handlers" are not his bodies)
        if poss is None or poss.i >= span.start or noun.lemma_.lower() not in BODY_NOUNS:
            continue
        before = [p for end, p in people if end <= poss.i]
        if before:
            out.append(Candidate(before[-1], idx, "PART_OF", poss, "link:his-own-body", 0.55))
    return out


def _office_holders(view: SentenceView, titles: frozenset[str]) -> list[Candidate]:
    """"Director of National Intelligence Daniel Coats": an office named by its title (the
    gazetteer's alias of the Office of the DNI) right before a person is the person's."""
    offices = {span.end: idx for idx, m, span in view.mentions if m.type == "Organization" and m.key is not None
               and span[0].lower_ in titles and span[0].text[:1].isupper()}
    return [Candidate(idx, offices[span.start], "PART_OF", span.doc[span.start - 1], "link:person-title-of-org", 0.65)
            for idx, m, span in view.mentions if m.type == "Person" and span.start in offices]


def _comma_party_tags(view: SentenceView) -> list[Candidate]:
    """"Mark Meadows, R-N.C., who ...": a party tag between commas after a name is the person's
    party (in brackets, "Jerry Nadler (D-NY)", the person-party-in-brackets pattern reads it)."""
    people = {span.end: idx for idx, m, span in view.mentions if m.type == "Person"}
    return [Candidate(people[span.start - 1], idx, "PART_OF", span.doc[span.start - 1], "link:party-tag", 0.8)
            for idx, m, span in view.mentions if m.basis == "party-tag" and span.start - 1 in people
            and span.doc[span.start - 1].text == ","]


def _on_behalf(view: SentenceView) -> list[Candidate]:
    """"Fox News filed an amicus brief on behalf of CNN", "SAF filed a lawsuit on behalf of Cody
    Wilson": who sues, petitions or lobbies for someone takes his side (ADVOCACY_ACTS)."""
    out = []
    for tok in view.sent:
        if tok.lower_ != "behalf" or tok.head.lower_ != "on" or tok.head.dep_ != "prep":
            continue
        for_whom = [i for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                    for q in p.children if q.dep_ == "pobj" for i in view.ents(q)]
        act = tok.head.head
        if act.lemma_.lower() not in ADVOCACY_ACTS:
            continue  # "Pompeo spoke on behalf of the administration": its spokesman, no supporter
        if act.pos_ in ("VERB", "AUX"):
            actors = subjects_of(view, act)
        else:
            actors = [i for c in act.children if c.dep_ == "poss" for i in view.ents(c)] \
                or prep_objects(view, act, ("by",)) or prep_objects(view, tok, ("by",))
            if not actors and act.dep_ in ("dobj", "obj") and act.head.pos_ == "VERB":
                actors = subjects_of(view, act.head)  # "filed a lawsuit on behalf of X"
        out += [Candidate(a, b, "SUPPORTS", tok, "link:on-behalf-of", 0.6) for a in actors for b in for_whom if a != b]
    return out


# verbs that only meet with "together" ("came together for a debate", "sat together on a panel")
MEETING_VERBS = frozenset("come get sit meet gather stand appear".split())


def _together(view: SentenceView) -> list[Candidate]:
    """"For 10 years the DUP and Sinn Fein worked together in a coalition", "Russia and Iran fought
    together": whatever the verb, subjects that act together cooperate."""
    out = []
    for tok in view.sent:
        verb = tok.head
        if tok.lower_ != "together" or tok.dep_ != "advmod" or verb.pos_ != "VERB" or any(
                c.dep_ in ("dobj", "obj") for c in verb.children) or verb.lemma_.lower() in MEETING_VERBS:
            continue  # ("brought the factions together": the verb's object is who was joined)
        actors = _typed(view, subjects_of(view, verb), ("Group", "Organization", "State", "Person", "MediaOutlet"))
        out += [Candidate(a, b, "COOPERATES_WITH", tok, "verb-together", 0.7) for a, b in _pairs_within(actors)]
    return out


def _listed_members(view: SentenceView, member_nouns: frozenset[str]) -> list[Candidate]:
    """"The seven Labour MPs quitting the party are Chuka Umunna, Luciana Berger and Chris Leslie":
    the people a copula lists as a body's members (the body named on the plural noun) belong to it."""
    out = []
    for verb in view.sent:
        if verb.lemma_ != "be" or verb.pos_ not in ("AUX", "VERB"):
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in member_nouns), None)
        if subj is None:
            continue
        bodies = _typed(view, [i for c in subj.children if c.dep_ in ("compound", "amod", "poss", "nmod")
                               for i in view.ents(c)], ("Group", "Organization", "MediaOutlet"))
        # (the parser may take the list after the verb for a second subject)
        people = _typed(view, [i for a in verb.children if a.dep_ == "attr" or a.dep_ == "nsubj" and a.i > verb.i
                               for x in (a, *a.conjuncts) for i in view.ents(x)], ("Person",))
        out += [Candidate(p, b, "PART_OF", subj, "copula:members", 0.6) for p in people for b in bodies]
    return out


def _listed_places(view: SentenceView) -> list[Candidate]:
    """"the following Texas cities and towns: Austin (45), Waco (5)": each town the list names lies
    in the place or state that qualifies the plural noun."""
    out = []
    for tok in view.sent:
        colon = place_list_start(tok)
        if colon is None:
            continue
        owners = _typed(view, [i for c in tok.children if c.dep_ in ("compound", "amod", "nmod")
                               for i in view.ents(c)], ("Place", "State"))
        out += [Candidate(t, o, "LOCATED_IN", tok, "list:following-places", 0.8)
                for t in _places_after(view, colon) for o in owners if t != o]
    return out


def _places_after(view: SentenceView, colon: int) -> list[int]:
    """The places a list after token ``colon`` names."""
    return [i for i, m, sp in view.mentions if sp.start > colon and m.type == "Place"]


def _typed(view: SentenceView, idxs: Iterable[int], types) -> list[int]:
    """The mentions among ``idxs`` of one of ``types``."""
    return [i for i in idxs if view.mentions_by_idx[i].type in types]


STATE_BODIES = frozenset({"government", "administration", "regime", "authorities", "authority", "military", "forces",
                          "officials", "troops", "leaders", "officers"})


def _acting_state(span: Span) -> bool:
    """Is the state the clause's subject ("the Mexican government has sent police"), not a word
    that only modifies another ("U.S. diplomats", "the Honduran Foreign Ministry")?"""
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass"):
        return True
    head = root.head
    return root.dep_ in ("amod", "compound", "poss") and head.lower_ in STATE_BODIES and head.dep_ in ("nsubj", "nsubjpass")


def _mention_before(view: SentenceView, i: int) -> int | None:
    """The mention that ends right before token ``i`` of the sentence (a comma between is skipped)."""
    k = i - 1
    if k >= view.sent.start and view.sent.doc[k].is_punct:
        k -= 1
    return view.mention_of(view.sent.doc[k]) if k >= view.sent.start else None


def act_type(view: SentenceView, source: int, typ: str, person_type: str) -> str:
    """The relation type of an act by ``source``: a person's "attack" is words ("Ilhan Omar
    attacked Israel"), so triggers may name another type for people."""
    return person_type if person_type and view.mentions_by_idx[source].type == "Person" else typ


def _is_passive(verb: Token) -> bool:
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    return verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod", "relcl") and not any(c.dep_ == "aux" for c in verb.children)


def _particle_adverb(tok: Token) -> bool:
    """"lashes back at Trump": the parser may take a verb's particle for an adverb."""
    return tok.dep_ == "advmod" and tok.lower_ in ("back", "out")


def prep_objects(view: SentenceView, head: Token, preps: Iterable[str]) -> list[int]:
    preps = set(preps)
    out: list[int] = []
    # (a preposition may hang on the particle the parser took for an adverb: "lashes back at Trump")
    for c in [*head.children, *(g for k in head.children if _particle_adverb(k) for g in k.children)]:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj" and p.lower_ in RELATIVE_PRONOUNS and p.i < head.i and head.dep_ == "relcl":
                    # "Hillary Clinton, whom Obama campaigned for": a stranded preposition's
                    # pronoun stands for what the clause describes
                    out.extend(_relative_antecedent(view, p.i, head)[1])
                elif p.dep_ == "pobj":
                    out.extend(view.ents(p) or _including_in(view, p, c.lower_))
                elif p.dep_ == "prep" and p.lower_ == "of":  # "inside of Syria"
                    out.extend(i for q in p.children if q.dep_ == "pobj" for i in view.ents(q))
        elif c.dep_ == "advmod" and c.lower_ in preps:  # "inside of Syria" parsed as an adverb
            for p in c.children:
                if p.dep_ == "prep" and p.lower_ == "of":
                    out.extend(i for q in p.children if q.dep_ == "pobj" for i in view.ents(q))
    return out


def _end_typed(view: SentenceView, cands: list["Candidate"], trig: "Trigger") -> list["Candidate"]:
    """The candidates whose ends have the trigger's ``source_types`` and ``target_types`` (any when it names none)."""
    return [c for c in cands if (not trig.source_types or view.mentions_by_idx[c.source].type in trig.source_types)
            and (not trig.target_types or view.mentions_by_idx[c.target].type in trig.target_types)]


def _including_in(view: SentenceView, pobj: Token, prep: str) -> list[int]:
    """"stationed throughout the region, including in Iraq, Yemen and Syria": the examples after
    a general place (which the parser hangs elsewhere) are where the act happens."""
    colon = place_list_start(pobj)
    if colon is not None:  # "arrests in the following Texas cities and towns: Austin (45), Waco (5)"
        return _places_after(view, colon)
    k = pobj.right_edge.i + 1
    doc = pobj.doc
    if k + 2 >= view.sent.end or doc[k].text != "," or doc[k + 1].lower_ != "including" \
            or doc[k + 2].lower_ not in (prep, "in"):
        return []
    return [i for c in doc[k + 2].children if c.dep_ == "pobj" for i in view.ents(c)]


# ---------------------------------------------------------------------------------- extractor

@dataclass
class Candidate:
    source: int
    target: int
    type: str
    trigger: Token | Span
    rule: str
    confidence: float


class RelationExtractor:
    def __init__(self, lexicon: Lexicon | None = None, country_of=None, is_journalist=None, role_of=None) -> None:
        self.lex = lexicon or load_lexicon()
        # every word that can start a candidate (the last word of "regime change" stands for it)
        self._trigger_words = frozenset(w for _pos, lemma in self.lex.triggers for w in (lemma.split()[0], lemma.split()[-1])) \
            | self.lex.label_verbs | self.lex.charge_verbs
        # title words of people ("leader", "spokesman"), from the person-title-of-org link
        self._titles = frozenset(t for link in self.lex.mention_links if link.get("rule") == "person-title-of-org"
                                 for t in link.get("titles", ()))
        # a Person may REPORT_ON only when known as a journalist (gazetteer role JRN or a byline)
        self.is_journalist = is_journalist or (lambda mention: False)
        # entity key -> ISO country (from the gazetteer), for LOCATED_IN checks
        self.country_of = country_of or (lambda key: None)
        # entity key -> gazetteer role ("REG": a state of a federation), for patterns' place_roles
        self.role_of = role_of or (lambda key: None)

    def __call__(self, doc: Doc, mentions: list[tuple[EntityMention, Span]],
                 journalists: frozenset[str] = frozenset(), doc_text: str | None = None,
                 original: str | None = None) -> list[RawRelation]:
        """Relations of one document; ``journalists``: names from its byline, who may REPORT_ON;
        ``doc_text``: ``doc.text`` when the caller has it (spaCy rebuilds it on every access);
        ``original``: the file's text at the same offsets, whose quotes the evidence quotes."""
        self._journalists = journalists | _titled_journalists(mentions)
        self._text = doc.text if doc_text is None else doc_text
        self._original = self._text if original is None else original
        relations: list[RawRelation] = []
        by_sent: dict[int, list[tuple[int, EntityMention, Span]]] = {}
        for idx, (m, span) in enumerate(mentions):
            by_sent.setdefault(span.sent.start, []).append((idx, m, span))
        quote_speaker = self._quoted_speakers(doc, mentions)
        for sent in doc.sents:
            items = by_sent.get(sent.start)
            if not items or len(items) < 2 and not any(items):
                continue
            view = SentenceView(sent, items, self.lex)
            cands = _outlets_report_too(self._candidates(view))
            seen: dict[tuple[int, int, str], tuple[int, float]] = {}
            for c in cands:
                rel = self._finish(view, c, mentions, quote_speaker.get(sent.start))
                if rel is None:
                    continue
                # the hand-set confidence picks a sentence's evidence, so that the rule counts
                # behind the calibrated one (tests/calibrate.py) do not depend on themselves
                strength = round(c.confidence * (HEDGE_FACTOR if rel.evidence.hedged else 1.0), 3)
                k = (rel.source, rel.target, rel.type)
                if k in seen:
                    at, prev = seen[k]
                    if strength > prev:
                        relations[at] = rel
                        seen[k] = (at, strength)
                    continue
                seen[k] = (len(relations), strength)
                relations.append(rel)
        return relations

    # -- candidate generation ------------------------------------------------------------
    def _candidates(self, view: SentenceView) -> list[Candidate]:
        out: list[Candidate] = []
        out.extend(self._mention_links(view))
        words = self._trigger_words
        for tok in view.sent:
            lemma = tok.lemma_.lower()
            low = tok.lower_
            if lemma not in words and low not in words:
                continue  # most tokens trigger nothing: skip the lookups
            verbs = self.lex.get("VERB", lemma)
            particle = next((c.lower_ for c in tok.children if c.dep_ == "prt" or _particle_adverb(c)), None)
            if particle:
                verbs = self.lex.get("VERB", f"{lemma} {particle}") + verbs  # "the Taliban took over Kabul"
            # the small model tags some verbs as nouns or adverbs ("Russia and Iran back X"):
            # a token with a subject or an object is a predicate whatever its tag
            if verbs and (tok.pos_ in ("VERB", "AUX") or (tok.tag_ in ("VBN", "VBG") and tok.dep_ in ("amod", "acl"))
                          or any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in tok.children)):
                for trig in verbs:
                    out.extend(_end_typed(view, self._verb(view, tok, trig), trig))
            if tok.pos_ in ("NOUN", "PROPN") or (tok.tag_ == "VBG" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")
                                                 and not any(c.dep_ in ("dobj", "nsubj") for c in tok.children)):
                # (a gerund without its own object or subject is a noun: "Fighting between X and Y continued")
                compound = " ".join(c.lower_ for c in tok.children if c.dep_ == "compound" and c.i == tok.i - 1)
                nouns = self.lex.get("NOUN", low) + (self.lex.get("NOUN", lemma) if lemma != low else [])
                if compound:
                    nouns = self.lex.get("NOUN", f"{compound} {low}") + nouns  # "regime change"
                for trig in nouns:
                    out.extend(self._noun(view, tok, trig))
                for trig in self.lex.get("ROLE", low):
                    out.extend(self._role(view, tok, trig))
            for trig in self.lex.get("HYPHEN", low):
                out.extend(_end_typed(view, self._hyphen(view, tok, trig), trig))
            if tok.pos_ == "ADJ":
                for trig in self.lex.get("ADJ", low):
                    out.extend(self._adjective(view, tok, trig))
            if tok.dep_ == "prep" and tok.head.pos_ in ("VERB", "AUX"):
                for trig in self.lex.get("PREP", low):
                    out.extend(self._alongside(view, tok, trig))
            if tok.pos_ in ("VERB", "AUX") and lemma in self.lex.label_verbs:
                out.extend(self._label(view, tok))
            if tok.pos_ == "VERB" and lemma in self.lex.charge_verbs:
                out.extend(self._charged(view, tok))
            for trig in self.lex.get("PREFIX", low):
                out.extend(self._prefix(view, tok, trig))
        out.extend(self._surface(view))
        out.extend(_own_body(view))
        out.extend(_office_holders(view, self._titles))
        out.extend(_comma_party_tags(view))
        out.extend(_on_behalf(view))
        out.extend(_together(view))
        out.extend(_listed_members(view, self.lex.member_nouns))
        out.extend(_listed_places(view))
        out.extend(self._state_pairs(view))
        out.extend(self._cited_headline(view))
        out.extend(_signed_off(view))
        out.extend(self._dateline(view))
        out.extend(self._acts_in(view))
        out.extend(_taken_from(view, out))
        return out

    def _state_pairs(self, view: SentenceView) -> list[Candidate]:
        """"US-South Korean plans" (COOPERATES_WITH), "the Saudi-Iranian rivalry" (FIGHTS): two
        states joined by a hyphen or a slash before a noun they share."""
        out = []
        items = sorted(view.mentions, key=lambda x: x[2].start)
        for (ia, ma, sa), (ib, mb, sb) in zip(items, items[1:]):
            if ma.type != "State" or mb.type != "State" or sb.start != sa.end + 1 \
                    or sa.doc[sa.end].text not in PAIR_JOINERS or "\n" in sa.doc[sa.end - 1].whitespace_:
                continue
            # (the shared noun is the phrase's head: "US/South Korean war games" are no war)
            tok = next((t for t in sa.doc[sb.end:min(sb.end + 2, view.sent.end)]
                        if t.lower_ in JOINT_NOUNS | RIVAL_NOUNS and t.dep_ != "compound"), None)
            noun = tok.lower_ if tok is not None else None
            if noun is not None:
                typ = "FIGHTS" if noun in RIVAL_NOUNS else "COOPERATES_WITH"
                out.append(Candidate(ia, ib, typ, sa.doc[sa.end], f"pattern:state-pair-{noun}", 0.65))
        return out

    def _dateline(self, view: SentenceView) -> list[Candidate]:
        """"By Marton Dunai / BUDAPEST, Feb 18 (Reuters) - Hungarian leader Viktor Orban called ...":
        a wire dateline's agency reports on the subject of the lead, and the byline's writer works for it."""
        toks = view.sent
        starts = {sp.start: (idx, m) for idx, m, sp in view.mentions}
        for t in toks[:24]:
            if t.text != "(" or t.i + 3 >= toks.end or toks.doc[t.i + 2].text != ")" \
                    or toks.doc[t.i + 3].text not in ("-", "—", "–", "--"):
                continue
            outlet = starts.get(t.i + 1)
            if outlet is None or outlet[1].type != "MediaOutlet":
                return []
            dash, agency = toks.doc[t.i + 3], outlet[0]
            out = [Candidate(agency, s, "REPORTS_ON", dash, "pattern:dateline", 0.65)
                   for s in subjects_of(view, toks.root) if toks.root.i > dash.i and s != agency
                   and view.mentions_by_idx[s].type in ("Person", "Organization", "Group", "State")]
            by = next((b for b in toks[:t.i - toks.start] if b.lower_ == "by"), None)
            writer = starts.get(by.i + 1) if by is not None else None
            if writer is not None and writer[1].type == "Person":
                out.append(Candidate(writer[0], agency, "PART_OF", by, "pattern:dateline-byline", 0.7))
            return out
        return []

    def _acts_in(self, view: SentenceView) -> list[Candidate]:
        """"the road map the US has followed in Iraq", "ISIS's re-emergence in Iraq": an actor
        that does something in a place operates there, whatever the verb (but "Russia invested in
        Syria" or "the US won in Iraq" say nothing about presence: the data row lists such verbs)."""
        out: list[Candidate] = []
        for rule in self.lex.acts_in:
            for verb in view.sent:
                if verb.pos_ != "VERB":
                    continue
                lemma = verb.lemma_.lower()
                if lemma in rule["object_verbs"]:
                    out.extend(self._moved_in(view, verb, rule, rule["object_verbs"][lemma]))
                if lemma in rule.get("place_verbs", {}) and not _is_passive(verb):
                    # "Turkish forces entered Afrin", "Russian jets bombed Douma": where the act is done
                    targets = _typed(view, [i for c in verb.children if c.dep_ in ("dobj", "obj")
                                            for i in view.ents(c)], rule["place_verbs"][lemma])
                    actors = _typed(view, subjects_of(view, verb), rule["source_types"])
                    out.extend(Candidate(a, p, rule["type"], verb, f"verb-obj:{lemma}", rule["confidence"])
                               for a in actors for p in targets if a != p)
                if lemma in self.lex.light_verbs and "include" in rule:
                    # "ICE officers made arrests in Chicago": a light verb does what its object names
                    lemma = next((c.lemma_.lower() for c in verb.children
                                  if c.dep_ == "dobj" and c.lemma_.lower() in rule["include"]), lemma)
                if lemma in rule["exclude"] or _is_passive(verb) or "include" in rule and lemma not in rule["include"]:
                    continue
                # "established five bases in Kirkuk": the place may hang on the plain object
                things = [t for c in verb.children if c.dep_ in ("dobj", "obj")
                          for t in (c, *c.conjuncts) if view.mention_of(t) is None]
                places = _typed(view, [i for h in (verb, *things) for i in prep_objects(view, h, rule["preps"])],
                                rule["target_types"])
                if places:
                    actors = _typed(view, subjects_of(view, verb), rule["source_types"])
                    out.extend(Candidate(a, p, rule["type"], verb, f"verb-in:{lemma}", rule["confidence"])
                               for a in actors for p in places if a != p)
        return out

    @staticmethod
    def _moved_in(view: SentenceView, verb: Token, rule: dict, preps: list[str]) -> list[Candidate]:
        """"we moved NATO into Eastern Europe", "withdraw US forces from South Korea": the object is
        put in, or taken out of, a place where it operates."""
        # "Russian military police were deployed in Manbij": a passive's subject is what is moved
        objects = [c for c in verb.children if c.dep_ in (("nsubjpass",) if _is_passive(verb) else ("dobj", "obj"))]
        movers = _typed(view, [i for c in objects for i in view.ents(c)], rule["source_types"])
        if not movers and any(c.lemma_.lower() in TROOP_NOUNS for c in objects) and not _is_passive(verb):
            # "Hezbollah sent fighters to Syria": the troops are the sender's own
            movers = _typed(view, subjects_of(view, verb), rule["source_types"])
        # the place may hang on the verb or on its object ("withdraw US forces from South Korea")
        places = _typed(view, prep_objects(view, verb, preps), rule["target_types"]) or _typed(
            view, [i for c in objects for i in prep_objects(view, c, preps)], rule["target_types"])
        # (a withdrawal, even a wished one, presupposes the presence: no modality test)
        kind = "presence" if "from" in preps else "verb-obj-in"
        return [Candidate(m, p, rule["type"], verb, f"{kind}:{verb.lemma_.lower()}", rule["confidence"])
                for m in movers for p in places if m != p]

    def _adjective(self, view: SentenceView, adj: Token, trig: Trigger) -> list[Candidate]:
        """"Hezbollah is active in Mexico", "Obama was more cooperative with Russia", "a militia
        active in Syria": a predicate adjective and its preposition."""
        if adj.dep_ in ("acomp", "oprd") and adj.head.pos_ in ("AUX", "VERB"):
            holders = subjects_of(view, adj.head)
        elif adj.dep_ in ("amod", "appos") and trig.type == "OPERATES_IN":
            # "a militia active in Syria"; a stance ("columns for the Post critical of X") is
            # too often hung on the wrong noun
            holders = view.ents(adj.head)
        else:
            return []
        objects = prep_objects(view, adj, trig.obj_preps)
        if not objects and adj.dep_ == "acomp":
            # "Hizballah is quite active in Mexico": the parser may hang the phrase on the copula
            objects = [i for c in adj.head.children if c.i > adj.i and c.dep_ == "prep" and c.lower_ in trig.obj_preps
                       for p in c.children if p.dep_ == "pobj" for i in view.ents(p)]
        pairs = [(o, h) for h in holders for o in objects] if trig.inverse else \
            [(h, o) for h in holders for o in objects]
        return [Candidate(a, b, trig.type, adj, f"adj:{trig.lemma}", trig.confidence) for a, b in pairs]

    def _alongside(self, view: SentenceView, prep: Token, trig: Trigger) -> list[Candidate]:
        """"The peshmerga fought ISIS alongside the Americans": the verb's subject works with the
        preposition's object, and a partner in a fight fights the same enemy."""
        verb = prep.head
        partners = [i for c in prep.children if c.dep_ == "pobj" for i in view.ents(c)]
        actors = subjects_of(view, verb)
        out = [Candidate(a, p, trig.type, prep, f"prep:{trig.lemma}", trig.confidence) for a in actors for p in partners]
        if any(t.type == "FIGHTS" for t in self.lex.get("VERB", verb.lemma_.lower())):
            enemies = [i for c in verb.children if c.dep_ in ("dobj", "obj") for i in view.ents(c)]
            out += [Candidate(p, e, "FIGHTS", verb, f"prep:{trig.lemma}", trig.confidence - 0.05)
                    for p in partners for e in enemies]
        return out

    def _prefix(self, view: SentenceView, pro: Token, trig: Trigger) -> list[Candidate]:
        """"pro-Israel", "Trump's anti-Iran strategy", "the pro-Kremlin outlet RT": the holder of
        the stance (the noun it qualifies, its owner, or the subject it is said of) acts."""
        doc = pro.doc
        i = pro.i
        if i + 2 >= view.sent.end or doc[i + 1].text not in ("-", "‐", "‑") or pro.whitespace_ or doc[i + 1].whitespace_:
            return []
        target = view.mention_of(doc[i + 2])
        if target is None:
            return []
        span = view.mentions_by_idx_span[target]
        inside = set(range(i, span.end))
        h = span.root
        for _ in range(6):  # climb out of the "pro-Israel" phrase
            if h.i not in inside or h.head is h:
                break
            h = h.head
        if h.i in inside or view.mention_of(h) is not None:
            return []  # "anti-Hezbollah/IRGC": the phrase runs on into another name
        if h.pos_ in ("NOUN", "PROPN"):
            holders = view.ents(h) or [i for c in h.children if c.dep_ == "poss" for i in view.ents(c)]
            if not holders and h.dep_ in ("attr", "appos"):
                holders = subjects_of(view, h.head) if h.dep_ == "attr" else view.ents(h.head)
            if not holders and h.dep_ in ("dobj", "obj") and h.lemma_.lower() in RALLY_NOUNS and not _is_passive(h.head):
                holders = subjects_of(view, h.head)  # "Zakkout organized a pro-Hamas rally": its organiser
        elif h.pos_ in ("AUX", "VERB"):
            holders = subjects_of(view, h)  # "Bolton was fanatically pro-Israel"
        else:
            holders = []
        # "an anti-Hezbollah/IRGC initiative": names inside the modifier are not its holder
        holders = [a for a in holders if not (i <= view.mentions_by_idx_span[a].start < h.i)]
        if trig.type == "ACCUSES" and h.lemma_.lower() not in self.lex.hostile_acts:
            return []  # "Trump's anti-Iran strategy" acts against Iran; "an anti-Israel activist" only holds a view
        return [Candidate(a, target, trig.type, pro, f"prefix:{trig.lemma}", trig.confidence)
                for a in holders if a != target]

    def _charged(self, view: SentenceView, verb: Token) -> list[Candidate]:
        """"Portman said that the Obama administration misled the American people", "Damascus
        claims that Israel's allies fired the shells": to report a damning act of someone is to
        accuse them of it."""
        speakers = subjects_of(view, verb) or _finding_authors(view, verb)
        if not speakers:
            return []
        acts = [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
        acts += [a for c in acts for a in c.conjuncts if a.pos_ == "VERB"]
        out = []
        for act in acts:
            if act.lemma_.lower() == "involve" and _is_passive(act):
                # "evidence that ISIS was involved in the shooting": implicated
                out.extend(Candidate(s, d, "ACCUSES", verb, f"charge:{verb.lemma_.lower()}", 0.55) for s in speakers
                           for c in act.children if c.dep_ == "nsubjpass" for d in view.ents(c) if d != s)
                continue
            if act.lemma_ == "be" and _blamed(act, self.lex.harm_nouns) and not any(c.dep_ == "neg" for c in act.children):
                # "the US said Iran was behind the attack", "... Russia was responsible for the poisoning"
                out.extend(Candidate(s, d, "ACCUSES", verb, f"charge:{verb.lemma_.lower()}", 0.6) for s in speakers
                           for c in act.children if c.dep_ == "nsubj" for d in view.ents(c)
                           if d != s and not self._own_state(view, s, d))
                continue
            # "revealed that Franken had kissed and groped her": a later conjunct shares the first's
            # subject, mark and auxiliaries
            first = act if any(c.dep_ == "nsubj" for c in act.children) else _conj_root(act)
            alleged = verb.lemma_.lower() in self.lex.alleging_verbs and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in first.children)
            if not (alleged or act.lemma_.lower() in self.lex.damning_acts) or _is_passive(act) or any(
                    c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "may", "will")
                    for c in (*act.children, *(first.children if first is not act else ()))):
                continue  # "suggested the White House would not interfere" charges nobody
            # (but to allege or charge that someone did a thing is to accuse them, whatever the thing)
            for doer in [i for c in first.children if c.dep_ == "nsubj" for i in view.ents(c)]:
                out.extend(Candidate(s, doer, "ACCUSES", verb, f"charge:{verb.lemma_.lower()}", 0.6)
                           for s in speakers if s != doer and not self._own_state(view, s, doer))
        return out

    def _own_state(self, view: SentenceView, speaker: int, doer: int) -> bool:
        """"The Pentagon said US forces killed a commander": a state's own agency reports its
        acts, it does not charge it."""
        ms, md = view.mentions_by_idx[speaker], view.mentions_by_idx[doer]
        return md.type == "State" and ms.type != "State" and md.key is not None \
            and self.country_of(ms.key) == self.country_of(md.key)

    def _label(self, view: SentenceView, verb: Token) -> list[Candidate]:
        """"Turkey calls the PKK a terrorist organization", "Assad has called BSF members
        traitors", "branded X as terrorists": a damning label is an accusation."""
        objects = [i for c in verb.children if c.dep_ in ("dobj", "obj", "nsubj") and c.i > verb.i for i in view.ents(c)]
        labellers = subjects_of(view, verb)
        if _is_passive(verb):  # "MEK was classified as a terrorist organization by the United States"
            objects = [i for c in verb.children if c.dep_ == "nsubjpass" for i in view.ents(c)]
            labellers = prep_objects(view, verb, ("by",))
        elif not objects:
            objects = relative_object(view, verb)  # "the PKK, which the Turks have designated as terrorists"
        labels = [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "attr", "ccomp", "dobj") and c.i > verb.i]
        labels += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children if p.dep_ == "pobj"]
        # "called BSF members traitors": the parser may hang the label on the object
        labels += [g for c in verb.children if c.dep_ in ("dobj", "obj") for g in c.children if g.dep_ in ("appos", "oprd")]
        if not objects:
            # "had declared WikiLeaks illegal": the parser makes the labelled its label's subject
            objects = [i for lab in labels for c in lab.children if c.dep_ == "nsubj" for i in view.ents(c)]
        if _is_passive(verb) and not labellers:
            # "classified as a terrorist organization by the US": the agent hangs on the label
            labellers = [i for lab in labels for i in prep_objects(view, lab, ("by",))]
        damning = any(t.lemma_.lower() in self.lex.damning_labels or t.lower_ in self.lex.damning_labels
                      for lab in labels for t in lab.subtree)
        if not objects and damning:
            # "Assad has called BSF members traitors": the parser folds the object into the label
            objects = [i for lab in labels for c in lab.children if c.dep_ in ("compound", "nmod") for i in view.ents(c)]
        if not objects and damning:
            # "has characterized CNN's coverage as fake news": the owner of what is labelled
            objects = [i for c in verb.children if c.dep_ in ("dobj", "obj")
                       for g in c.children if g.dep_ == "poss" for i in view.ents(g)]
        if not objects or not damning:
            return []
        return [Candidate(s, o, "ACCUSES", verb, f"label:{verb.lemma_.lower()}", 0.7)
                for s in labellers for o in objects]

    def _mention_links(self, view: SentenceView) -> list[Candidate]:
        """Relations carried by a name's own modifiers: "Al Qaeda in Syria" (OPERATES_IN),
        "Idlib province in Syria" (LOCATED_IN), "the United Kingdom's Department for ..." (PART_OF)."""
        out: list[Candidate] = []
        for idx, m, span in view.mentions:
            root = span.root
            head_noun = root
            # "Idlib province": the place word carries the preposition
            if root.dep_ == "compound" and root.head.lower_ in PLACE_NOUNS:
                head_noun = root.head
            # "Iranian forces in Syria", "US troops in Iraq": the actor noun carries it
            elif root.dep_ in ("amod", "compound", "poss", "nmod") and root.head.lower_ in ACTOR_HEADS:
                head_noun = root.head
            for link in self.lex.mention_links:
                if m.type not in link["source_types"]:
                    continue
                if self.role_of(m.key) in link.get("skip_roles", ()):
                    continue  # "few Republicans in Washington": a party's people are somewhere, the party is not
                if link.get("known_organizations") and m.type == "Organization" and m.key is None \
                        and head_noun.i == root.i:
                    continue  # "Northwestern University in Evanston" is an address ("ERO officers in X" is no address)
                if link.get("actor_only") and head_noun.i == root.i:
                    continue  # "US troops in Syria", but not "the US in Syria"
                if "source_heads" in link and (root.lower_ not in link["source_heads"] or root.dep_ == "poss"):
                    continue  # "the Quds Force of the IRGC": only a body's head word says it is a part
                if link["via"] == "prep":
                    # "the YPG, the major US ally in Syria": the apposition describes the name
                    heads = [head_noun, *(a for a in root.children if a.dep_ == "appos" and a.pos_ == "NOUN"
                                          and view.mention_of(a) is None)] if link.get("appos") else [head_noun]
                    # "Iranian militias that are in Iraq": a copular relative clause says where
                    heads += [r for r in head_noun.children if r.dep_ == "relcl" and r.lemma_ in COPULAS]
                    shared = []
                    if root.dep_ == "conj" and head_noun.i == root.i:
                        # "Tony Badran and Jonathan Schanzer, both from the FDD": a phrase after the
                        # last conjunct, hung on the first, describes them all
                        first = _conj_root(root)
                        shared = [c for c in first.children if c.i > root.i]
                        shared += [g for c in first.children if c.dep_ == "appos" and c.i > root.i
                                   and c.lower_ in ("both", "all") for g in c.children]
                    for c in [*(c for h in heads for c in h.children), *shared]:
                        if c.dep_ == "prep" and c.lower_ in link["preps"]:
                            for p in c.children:
                                if p.dep_ != "pobj":
                                    continue
                                targets, own = view.ents(p), view.mention_of(p)
                                if not targets and link.get("units") and p.lemma_.lower() in link["units"]:
                                    # "Derek Gatherer, from Lancaster University's biomedical department"
                                    targets = [i for g in p.children if g.dep_ in ("poss", "compound")
                                               for i in view.ents(g)]
                                if "source_heads" in link and any(g.dep_ == "case" for g in p.children):
                                    # "the Quds Force of Iran's militant IRGC": the parser may make the
                                    # possessor the object; the name after the possessive is meant
                                    k = max(g.i for g in p.children if g.dep_ == "case") + 1
                                    while k < view.sent.end and span.doc[k].pos_ == "ADJ":
                                        k += 1
                                    nxt = view.mention_of(span.doc[k]) if k < view.sent.end else None
                                    targets, own = ([nxt] if nxt is not None else []), nxt
                                for t in targets:
                                    mt = view.mentions_by_idx[t]
                                    if "source_heads" in link and (c.i != span.end or t != own):
                                        continue  # "of" right after the name, and its own object ("of Iran's IRGC": the IRGC)
                                    if mt.type in link["target_types"]:
                                        # an inverse link ("the Republican Party of Bob Dole") points
                                        # from the prepositional object to the name
                                        a, b = (t, idx) if link.get("inverse") else (idx, t)
                                        out.append(Candidate(a, b, link["type"], c, f"link:{link['rule']}",
                                                             link["confidence"]))
                elif link["via"] == "title":
                    for title, t in self._titled(view, idx, root, link):
                        out.append(Candidate(idx, t, link["type"], title, f"link:{link['rule']}", link["confidence"]))
                elif link["via"] == "according":
                    # "..., according to Al Arabiya": the outlet reports on the sentence's actors
                    according = _according(root)
                    if according is not None:
                        # "according to Bill Gertz in the Washington Times": the writer is the source
                        phrase = {t.i for t in according.subtree}
                        # what the report is about sits near the clause it introduces ("According to
                        # Fox News, Saucier's lawsuit alleges ... Hillary Clinton ...": Saucier)
                        clause = according.head
                        if clause.dep_ == "conj" and according.i > clause.i:
                            clause = clause.head  # "A was married and B was married, according to the Times": both
                        about = [(j, sp) for j, mj, sp in view.mentions
                                 if j != idx and mj.type in link["target_types"] and sp.start not in phrase
                                 and _depth_below(sp.root, clause) <= ACCORDING_DEPTH
                                 and (mj.type != "State" or _acting_state(sp))]
                        # "Brett Kavanaugh, President Donald Trump's Supreme Court nominee": the report is
                        # on the nominee, not on the names in his title
                        heads = {t for _j, sp in about for t in range(sp.start, sp.end)}
                        about = [j for j, sp in about if not _modifies(sp, heads)]
                        out += [Candidate(idx, j, link["type"], according, f"link:{link['rule']}", link["confidence"])
                                for j in about]
                        # "according to Big League Politics' Cassandra Fairbanks": her outlet's report too
                        out += [Candidate(w, j, link["type"], according, f"link:{link['rule']}-owner",
                                          link["confidence"] - 0.05)
                                for w in _owning_outlets(view, idx) for j in about if j != w]
                elif link["via"] == "modifier":
                    # "Iranian Quds Force", "US Army": a state's adjective right before its agency
                    skip = link.get("skip", ())
                    prev = _modified_from(view, root, span, skip) - 1
                    while prev > view.sent.start:
                        if span.doc[prev].lower_ in skip:
                            prev -= 1  # "Republican Senator Bob Corker"
                            continue
                        home = view.mention_of(span.doc[prev]) if link.get("skip_places") else None
                        if home is None or view.mentions_by_idx[home].type != "Place":
                            break
                        prev = view.mentions_by_idx_span[home].start - 1  # "Democratic Illinois Rep. Danny Davis"
                    if prev >= view.sent.start:
                        t = view.mention_of(span.doc[prev])
                        if t is not None and t != idx and view.mentions_by_idx[t].type in link["target_types"]:
                            out.append(Candidate(idx, t, link["type"], span.doc[prev], f"link:{link['rule']}",
                                                 link["confidence"]))
                elif link["via"] == "appos":
                    # "Rob Portman, the Ohio Republican": a name in apposition to a person's
                    described = list(root.children)
                    if link.get("copula") and root.dep_ == "nsubj" and root.head.lemma_ == "be":
                        # "Harris is a Democrat": the copula's complement describes its subject
                        described += [c for c in root.head.children if c.dep_ == "attr"]
                    for c in described:
                        appos = c.dep_ in ("appos", "attr")  # (only a copula's complement is an attr here)
                        t = view.mention_of(c) if appos or inserted_home(c) else None
                        if t is None and appos and c.lower_ in link.get("titles", ()):
                            t = next((view.mention_of(g) for g in c.children if g.dep_ in ("compound", "amod", "nmod")
                                      and view.mention_of(g) is not None), None)
                        if t is not None and t != idx and view.mentions_by_idx[t].type in link["target_types"]:
                            # (a copula's own rule, so that "is not a Democrat" is kept as negated)
                            rule = f"copula:{link['rule']}" if c.dep_ == "attr" else f"link:{link['rule']}"
                            out.append(Candidate(idx, t, link["type"], c, rule, link["confidence"]))
                elif link["via"] == "poss":
                    owner = root
                    if link.get("through_head") and (root.dep_ == "appos" or root.dep_ == "pobj" and root.head.lower_ == "of"):
                        # "Syria's largest oil field, al-Omar"; "Syria's border enclave of Afrin"
                        noun = root.head if root.dep_ == "appos" else root.head.head
                        if noun.lower_ in PLACE_NOUNS:
                            owner = noun
                    possessives = [c for c in owner.children if c.dep_ == "poss"]
                    k = span.start - 1
                    while k > view.sent.start and span.doc[k].dep_ == "amod" and span.doc[k].head.i == root.i:
                        k -= 1  # "Iran's militant Islamic Revolutionary Guard Corps"
                    if not possessives and owner is root and k > view.sent.start and span.doc[k].text in POSSESSIVES \
                            and root.dep_ not in ("compound", "amod", "nmod", "poss"):
                        # "Breitbart News’ Joel Pollak contributed": a possessive right before the name
                        # the parser did not attach (not "the CIA’s Bush-era regime": a modifier)
                        possessives = [span.doc[k - 1]]
                    for c in possessives:
                        for t in _possessors(view, c):
                            mt = view.mentions_by_idx[t]
                            if mt.type in link["target_types"]:
                                a, b = (t, idx) if link.get("inverse") else (idx, t)
                                out.append(Candidate(a, b, link["type"], c, f"link:{link['rule']}",
                                                     link["confidence"]))
        return out

    @staticmethod
    def _titled(view: SentenceView, idx: int, root: Token, link: dict) -> list[tuple[Token, int]]:
        """(title word, organisation) pairs of a person's titles: "Andrew Tabler, a fellow at the
        Washington Institute", "CIA directors James Woolsey and Porter Goss", "IAEA Director General
        Yukiya Amano", "Mohammad Bagheri, the IRGC military commander"."""
        titles = link["titles"]
        span = view.mentions_by_idx_span[idx]

        def is_title(tok: Token) -> bool:
            return tok.lower_ in titles or tok.lemma_.lower() in titles

        def near(tok: Token) -> bool:  # a misattached title across a ";" belongs to another name
            a, b = sorted((tok.i, span.start))
            return not any(t.text in (";", ":") for t in span.doc[a:b + 1])

        def unnamed_objects(title: Token, preps: Iterable[str]) -> list[Token]:
            """The common nouns (no mention of their own) after the title's prepositions ``preps``."""
            return [q for p in title.children if p.dep_ == "prep" and p.lower_ in preps
                    for q in p.children if q.dep_ == "pobj" and view.mention_of(q) is None and q.pos_ == "NOUN"]

        def orgs_of(title: Token) -> list[int]:
            # ("an expert on Hezbollah" knows of it; "an expert at the Hudson Institute" works there)
            preps = [p for p in link["preps"] if p not in ("on", "of")] if title.lower_ in FIELD_TITLES else link["preps"]
            found = list(prep_objects(view, title, preps))
            # "the chairman of the Senate panel, Lindsey Graham": the body named on the noun (but
            # "advocate Elizabeth Yore on an EWTN show" appears on a programme, not on its staff)
            nouns = [q for q in unnamed_objects(title, link["preps"])
                     if q.lemma_.lower() not in APPEARANCE_NOUNS or title.lower_ in JOURNALIST_TITLES]
            found += [t for q in nouns for g in q.children if g.dep_ == "compound"
                      for t in [view.mention_of(g)] if t is not None]
            # "head of emergency response at the World Health Organization", "an expert in British
            # politics at the University of Nottingham": the body after the title's field
            found += [t for q in unnamed_objects(title, ("of", "in")) for t in prep_objects(view, q, ("at",))]
            # the title's own modifiers, through a chain of compounds ("IAEA Director General")
            stack = [c for c in title.children if c.dep_ in ("compound", "amod", "nmod", "poss")]
            while stack:
                g = stack.pop()
                t = view.mention_of(g)
                if t is not None and t != idx:
                    found.append(t)
                elif is_title(g) or g.dep_ == "compound":
                    stack.extend(c for c in g.children if c.dep_ in ("compound", "amod", "nmod", "poss"))
                    found.extend(prep_objects(view, g, link["preps"]))
            if title.dep_ == "compound" and title.i > 0:
                # "Las Vegas Metro Police Undersheriff Kevin McMahill": the parser hangs the body and
                # the title side by side on the name
                prev = view.mention_of(title.doc[title.i - 1])
                if prev is not None and prev != idx and view.mentions_by_idx_span[prev].root.head.i == title.head.i:
                    found.append(prev)
            return [t for t in _unique(found) if view.mentions_by_idx[t].type in link["target_types"]]

        def as_titles(verb: Token) -> list[Token]:
            """The titles after "as" that a verb, or the verb it leads to, gives: "served as a
            spokesman for", "was elected to take over as Chair of the Florida Democratic Party"."""
            verbs = [verb, *(c for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB"
                             and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))]
            return [p for v in verbs for a in v.children if a.dep_ == "prep" and a.lower_ == "as"
                    for p in a.children if p.dep_ == "pobj" and is_title(p)]

        holder = root
        if root.dep_ == "conj" and not any(c.dep_ in ("compound", "nmod") and not (span.start <= c.i < span.end)
                                           for c in root.children):
            # "CIA directors James Woolsey and Porter Goss" (but "Fox News host Tucker Carlson and
            # Colonel Douglas Macgregor", "former Breitbart London editor-in-chief Raheem Kassam": a
            # conjunct with a title of its own keeps it)
            holder = _conj_root(root)
        conjuncts = sorted([holder.i, *(c.i for c in holder.conjuncts)])

        def own(c: Token) -> bool:
            # "between Randy Credico and Adam Schiff, the ranking member on the committee": a title
            # after a list belongs to the conjunct right before it; one before it, to them all
            if c.dep_ != "appos" or c.i < root.i:
                return c.dep_ == "compound" or c.i > root.i
            return max(i for i in conjuncts if i < c.i) == root.i

        # ("Bernie Sanders and Tom Perez, chairman of the DNC": the parser may hang it on the conjunct itself)
        bearers = [holder] if holder.i == root.i else [holder, root]
        candidates = [c for h in bearers for c in h.children if c.dep_ in ("appos", "compound") and is_title(c) and own(c)]
        # "Tracy Barnes, one of the CIA officials responsible": the title of a partitive
        candidates += [q for c in holder.children if c.dep_ == "appos" and c.lower_ == "one" and own(c)
                       for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                       for q in p.children if q.dep_ == "pobj" and is_title(q)]
        if holder.dep_ == "appos" and is_title(holder.head):
            candidates.append(holder.head)
        elif holder.dep_ == "appos":
            # "My friend William Binney, the greatest expert, former Technical Director of the NSA":
            # the title is the person's sister apposition
            candidates += [c for c in holder.head.children if c.dep_ == "appos" and c.i > holder.i and is_title(c)]
        copulas = [holder.head] if holder.dep_ == "nsubj" and holder.head.lemma_ in TITLE_COPULAS else []
        # "John Brennan, who became Obama's CIA director"
        copulas += [c for c in holder.children if c.dep_ == "relcl" and c.lemma_ in TITLE_COPULAS
                    and any(g.dep_ == "nsubj" and g.lower_ in ("who", "that") for g in c.children)]
        for cop in copulas:
            # "James Comey was head of the FBI", "she is a writer and a member of the council"
            attrs = [c for c in cop.children if c.dep_ == "attr"]
            attrs += [c for a in attrs for c in a.conjuncts]
            candidates += [a for a in attrs if is_title(a)]
        if holder.dep_ in ("nsubj", "nsubjpass", "dobj") and holder.head.pos_ == "VERB" and (
                holder.dep_ == "dobj" or not any(c.dep_ in ("dobj", "obj") for c in holder.head.children)):
            # "Grenell served as a spokesman for the US Mission", "Trump removed James Comey as FBI
            # director": the role the verb gives its subject, or its object when it has one
            candidates += as_titles(holder.head)
        # "Edgardo Cortes, who works as an election security adviser at New York University"
        candidates += [p for c in root.children if c.dep_ == "relcl"
                       and any(g.dep_ in ("nsubj", "nsubjpass") and g.lower_ in ("who", "that") for g in c.children)
                       for p in as_titles(c)]
        # "a Mar-a-Lago member and founder of the Trumpettes USA": coordinated titles
        # "Jeff Sessions and other Justice Department officials": the others' title is his too
        candidates += [c for c in holder.conjuncts if c.i > holder.i and is_title(c)
                       and any(g.lower_ == "other" for g in c.children)]
        # (or after another word: "the white supremacist icon and former Grand Wizard of the KKK")
        bases = list(candidates) + [c for c in holder.children if c.dep_ == "appos" and own(c)]
        candidates += [c for t in bases for c in t.conjuncts if is_title(c) and c not in candidates]
        out: list[tuple[Token, int]] = []
        for title in candidates:
            if near(title):
                orgs = orgs_of(title)
                if not orgs and holder.dep_ == "dobj" and holder.head.lemma_ in APPOINTING_VERBS \
                        and title.head.lower_ == "as" and title.head.head == holder.head:
                    # "the Guardian appointed Katherine Viner as editor in chief": the appointer's
                    orgs = [t for t in subjects_of(view, holder.head)
                            if view.mentions_by_idx[t].type in link["target_types"]]
                out.extend((title, t) for t in orgs)
        return out

    def _verb(self, view: SentenceView, verb: Token, trig: Trigger) -> list[Candidate]:
        if trig.type == "THREATENS" and any(c.dep_ == "prep" and c.lower_ in ("of", "about") and any(
                p.lemma_.lower() in DANGER_NOUNS for p in c.children)
                for h in (verb, *(o for o in verb.children if o.dep_ == "dobj")) for c in h.children):
            return []  # "to warn Francis of the dangers": a warning given to someone, not a threat to him
        if trig.light:
            return self._supplied(view, verb, trig) if trig.type == "SUPPORTS" else []
        passive = _is_passive(verb) and verb.lemma_ != "rid"  # "get rid of X" is no passive in meaning
        if trig.obj_preps == ("clause",):
            return self._reports(view, verb, trig)
        if trig.inverse_subject:
            # "Idlib fell to terrorists": the prepositional object controls the subject
            subj = [i for c in verb.children if c.dep_ == "nsubj" for i in view.ents(c)]
            holders = prep_objects(view, verb, trig.subj_preps)
            return [Candidate(h, s, trig.type, verb, f"verb-inverse:{trig.lemma}", trig.confidence)
                    for h in holders for s in subj]
        if passive and trig.stative:
            # "US troops stationed in Syria", "the militia is based in Idlib": the patient is there;
            # "a spokesman who is affiliated with Hizb ut-Tahrir": the patient is a member
            subjects = [i for c in verb.children if c.dep_ == "nsubjpass" for i in view.ents(c)]
            if not subjects and verb.dep_ in ("acl", "amod", "relcl"):
                subjects = view.ents(verb.head)
            objects = prep_objects(view, verb, [p for p in trig.obj_preps if p])
            return [Candidate(s, o, trig.type, verb, f"verb-passive:{trig.lemma}", trig.confidence - 0.05)
                    for s in subjects for o in objects]
        if passive:
            subjects = prep_objects(view, verb, ("by",))
            if not subjects:
                # "was trained and armed by the US": coordinated participles share the agent
                for other in [*[c for c in verb.children if c.dep_ == "conj"], verb.head if verb.dep_ == "conj" else verb]:
                    if other is not verb:
                        subjects = prep_objects(view, other, ("by",))
                        if subjects:
                            break
            objects = [i for c in verb.children if c.dep_ == "nsubjpass" for i in view.ents(c)]
            if not objects and verb.dep_ == "conj":
                objects = [i for c in verb.head.children if c.dep_ == "nsubjpass" for i in view.ents(c)]
            if not objects and verb.dep_ in ("acl", "amod", "relcl"):
                objects = view.ents(verb.head)
            if not objects and trig.type in OWNED_ACT_TYPES:
                objects = [i for c in verb.children if c.dep_ == "nsubjpass" for i in _act_owners(view, c)]
            if not objects and verb.dep_ == "advcl":
                objects = subjects_of(view, verb.head)  # "Rodman wept while being interviewed by CNN"
            rule = f"verb-passive:{trig.lemma}"
            conf = trig.confidence - 0.05
        else:
            subjects = subjects_of(view, verb)
            if not subjects and trig.type in ("ACCUSES", "THREATENS"):
                subjects = _finding_authors(view, verb)
            objects = []
            for c in verb.children:
                if c.dep_ in ("dobj", "obj", "dative", "attr") and "" in trig.obj_preps:
                    objects.extend(view.ents(c))
            objects.extend(prep_objects(view, verb, [p for p in trig.obj_preps if p]))
            if not objects and "" in trig.obj_preps and any(c.dep_ in ("dobj", "obj") and c.pos_ == "NOUN"
                                                            for c in verb.children):
                # "Mueller charged 34 people, including Paul Manafort": the list hangs on the verb
                objects = [i for c in verb.children if c.dep_ == "prep" and c.lower_ == "including"
                           for i in view.list_members(c, 0)]
            if not objects and "" in trig.obj_preps:
                objects = relative_object(view, verb)  # "the rebels, whom Turkey funds"
            if not objects and "" in trig.obj_preps:
                # "invading and occupying Ukraine", "armed and trained the rebels": the object
                # after the last of coordinated verbs belongs to each
                # ("hails from McAllen and attended Columbia University": a verb with its own
                # complement shares no object)
                for c in verb.children:
                    if c.dep_ == "conj" and c.pos_ == "VERB" and not any(
                            g.dep_ in ("nsubj", "nsubjpass") for g in c.children) and not any(
                            g.dep_ == "prep" and g.i < c.i for g in verb.children):
                        objects.extend(i for g in c.children if g.dep_ in ("dobj", "obj") for i in view.ents(g))
            if not objects and trig.type == "THREATENS" and "" in trig.obj_preps:
                # "Clinton threatened to obliterate Iran": the object of what is threatened
                objects = [i for c in verb.children if c.dep_ == "xcomp" for v in (c, *_same_form_conjuncts(c))
                           if v.lemma_ not in INSTRUMENT_VERBS  # "threatened to send the military": not at it
                           for g in v.children if g.dep_ in ("dobj", "obj") for i in view.ents(g)]
                if not objects:
                    # "threatened to stop all federal payments to Guatemala, Honduras, and El
                    # Salvador", "to cut off aid to Honduras": whom the act's object was for
                    objects = [i for c in verb.children if c.dep_ == "xcomp" for v in (c, *_same_form_conjuncts(c))
                               for g in (v, *(g for g in v.children if g.dep_ in ("dobj", "obj")))
                               for i in prep_objects(view, g, ("against",) if g is v and v.lemma_ not in
                                                     WITHHOLD_VERBS | SEND_VERBS else ("to", "for", "against", "from"))]
            if not objects and trig.type in OWNED_ACT_TYPES and "" in trig.obj_preps:
                # "condemned Trump's decision", "backed the Saudi-led coalition's war"
                objects = [i for c in verb.children if c.dep_ in ("dobj", "obj") for i in _act_owners(view, c)]
            if not objects and trig.type == "ACCUSES" and "" in trig.obj_preps:
                # "criticized how the FBI handled the probe", "condemned the way Israel treats them":
                # the doer of what is criticised
                clauses = [c for c in verb.children if c.dep_ == "ccomp" and any(
                    g.dep_ == "advmod" and g.lower_ == "how" for g in c.children)]
                clauses += [r for c in verb.children if c.dep_ in ("dobj", "obj", "npadvmod") and c.lower_ == "way"
                            for r in c.children if r.dep_ == "relcl"]
                objects = [i for c in clauses for s in c.children if s.dep_ == "nsubj" for i in view.ents(s)]
            if not objects and trig.type == "SUPPORTS" and "" in trig.obj_preps:
                # "helping the Syrian regime establish control": the helped one is the
                # subject of the complement clause
                objects = [i for c in verb.children if c.dep_ in ("ccomp", "xcomp")
                           for s in c.children if s.dep_ == "nsubj" for i in view.ents(s)]
            # "provided support to X": the noun object's own prepositions are handled by _noun
            rule = f"verb:{trig.lemma}"
            conf = trig.confidence
        if trig.inverse:
            subjects, objects = objects, subjects
        if not objects and trig.reciprocal and len(subjects) >= 2 and not passive and not any(
                c.dep_ in ("dobj", "obj", "dative") for c in verb.children):
            # "the U.K. and Ecuador conspire to ...", "Hamas and Fatah clashed": with each other
            return [Candidate(a, b, trig.type, verb, f"verb-mutual:{trig.lemma}", conf - 0.05)
                    for a, b in _pairs_within(subjects)]
        typ = trig.type
        if trig.done_type and verb.tag_ in ("VBD", "VBN") and not self._intended(verb):
            typ = trig.done_type  # "the US, France and Britain overthrew Kadaffi": done, not threatened
        if typ in ("FIGHTS", "ACCUSES") and any(c.dep_ == "prep" and c.lower_ == "for" and any(
                p.lemma_.lower() in OUSTING_NOUNS for p in c.children) for c in verb.children):
            typ = "THREATENS"  # "the CIA targeted Guatemala for regime change", "... Arbenz for assassination"
        objects = [self._titled_person_after(view, o) for o in objects]
        return [Candidate(s, o, act_type(view, s, typ, trig.person_type), verb, rule, conf)
                for s in subjects for o in objects]

    def _titled_person_after(self, view: SentenceView, idx: int) -> int:
        """"defended Nation of Islam leader Louis Farrakhan": an organisation named before a title and
        a person is the person's title, and the person is the verb's object (the parser often takes
        the organisation)."""
        m, span = view.mentions_by_idx[idx], view.mentions_by_idx_span[idx]
        if m.type not in ("Organization", "Group", "MediaOutlet", "State"):
            return idx
        k = span.end
        while k < view.sent.end and k - span.end < 3 and span.doc[k].lower_ in self._titles:
            k += 1
        person = view.mention_of(span.doc[k]) if span.end < k < view.sent.end else None
        return person if person is not None and view.mentions_by_idx[person].type == "Person" else idx

    def _supplied(self, view: SentenceView, verb: Token, trig: Trigger) -> list[Candidate]:
        """"Tenex supplies Iran with fuel", "Iran will supply weaponry to Syria": a light verb of
        giving supports whoever receives.  ("provided support to X" is left to the noun.)"""
        if _is_passive(verb):
            return []
        things = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
        if trig.inverse:
            # a light verb of receiving (an inverse row): "Harakat Hazm received TOW missiles from the
            # CIA": the giver, named after "from", supports the receiver
            if not (things and all(self._supplies(c) for c in things)):
                return []
            return [Candidate(g, r, "SUPPORTS", verb, f"verb:{verb.lemma_.lower()}", 0.7)
                    for g in prep_objects(view, verb, ("from",)) + [i for c in things for i in prep_objects(view, c, ("from",))]
                    for r in subjects_of(view, verb) if g != r]
        recipients: list[int] = []
        if any(c.dep_ == "prep" and c.lower_ == "with" and self._supplies(c) for c in verb.children):
            recipients = [i for c in things for i in view.ents(c)]
        elif things and all(self._supplies(c) for c in things):
            recipients = prep_objects(view, verb, ("to",))
        return [Candidate(s, o, "SUPPORTS", verb, f"verb:{verb.lemma_.lower()}", 0.7)
                for s in subjects_of(view, verb) for o in recipients if s != o]

    def _supplies(self, tok: Token) -> bool:
        """Names (or, for "with", governs) what is given as support: arms, fuel, money, troops;
        not evidence, documents or a list of names."""
        things = [p for p in tok.children if p.dep_ == "pobj"] if tok.dep_ == "prep" else [tok]
        things += [c for t in things for c in t.conjuncts]
        return any(t.lemma_.lower() in self.lex.supply_nouns or t.lower_ in self.lex.supply_nouns for t in things)

    def _reports(self, view: SentenceView, verb: Token, trig: Trigger) -> list[Candidate]:
        subjects = [i for c in verb.children if c.dep_ == "nsubj" for i in view.ents(c)]
        if not subjects:
            # "A Fox News report said that ...", "a Sky News analysis suggested ...": the outlet's words
            subjects = [i for c in verb.children if c.dep_ == "nsubj" and c.lemma_.lower() in PUBLISHED_NOUNS
                        for g in c.children if g.dep_ in ("compound", "poss") for i in view.ents(g)
                        if view.mentions_by_idx[i].type == "MediaOutlet"]
        as_phrase = verb.head.head if verb.dep_ == "acl" and verb.head.dep_ == "pobj" else None
        if not subjects and as_phrase is not None and as_phrase.lower_ == "as" and as_phrase.dep_ == "prep":
            # "As LifeSiteNews reported in January, the Diocese of Limburg is discussing ...": the
            # parser made the outlet the object of "as"; the main clause is the report
            outlets = [i for i in view.ents(verb.head) if view.mentions_by_idx[i].type == "MediaOutlet"]
            about = _unique(_main_clause_mentions(view, as_phrase, REPORT_DEPTH))
            return [Candidate(o, a, "REPORTS_ON", verb, f"report:{trig.lemma}", trig.confidence)
                    for o in outlets for a in about if a != o]
        if not subjects and verb.dep_ == "acl" and _is_passive(verb):
            # "Emails obtained by The Hill show that ...": the outlet reports on what they show
            return self._reported_thing(view, verb, trig)
        if not subjects and _is_passive(verb):
            # "the photo of Farrakhan and Obama had been published by the Trice Edney News Wire"
            thing = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            return self._reported_thing(view, verb, trig, thing) if thing is not None else []
        if not subjects and trig.lemma == "tell":
            return self._told_outlet(view, verb, trig)
        as_passive = not subjects and verb.dep_ == "advcl" and verb.tag_ == "VBN" \
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
        if as_passive:
            # "As reported by CNN, Clinton defended his decision", "As reported in the Independent,
            # the quota has given ...": the agent (or the paper it appeared in) reports the main clause
            subjects = [i for i in prep_objects(view, verb, ("by", "in")) if view.mentions_by_idx[i].type == "MediaOutlet"]
        if not subjects:
            return []
        subj_tokens = {t.i for c in verb.children if c.dep_ == "nsubj" or as_passive and (
            c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "in") for t in c.subtree}
        objects: list[int] = []
        for c in verb.children:
            if c.dep_ in ("ccomp", "xcomp", "dobj", "advcl", "prep", "acomp", "oprd", "parataxis"):
                for t in c.subtree:
                    if t.i in subj_tokens or _depth_below(t, verb) > REPORT_DEPTH:
                        continue
                    m = view.mention_of(t)
                    if m is not None:
                        objects.append(m)
        # the clause is the verb and its subject, either way round ("…, reports the Jewish Virtual Library.")
        first, last = min(subj_tokens | {verb.i}), max(subj_tokens | {verb.i})
        tail = verb.dep_ == "conj" and first > 0 and verb.doc[first - 1].text == "," and \
            all(t.is_punct or t.is_space for t in verb.doc[last + 1:view.sent.end])
        if tail or verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
            # "As Politico pointed out, MEK have killed Americans"; "Khweis made it to Syria, The
            # Washington Post reports" (parsed as a conjunct): the main clause is the report
            # (a closing "..., The Washington Post reports" covers what sits near the main verb)
            objects += _main_clause_mentions(view, verb, REPORT_DEPTH if tail else None)
        # "wrote Jonathan Spyer in an article for Foreign Policy", "said on CNN": an outlet the
        # words appeared in is where they were published, and it carries the report too
        # ("wrote opinion columns for the Washington Post": the phrase may hang on the object)
        venues = [i for h in (verb, *(c for c in verb.children if c.dep_ == "dobj"))
                  for c in h.children if c.dep_ == "prep" and c.lower_ in ("in", "for", "on", "at")
                  for t in c.subtree if _depth_below(t, verb) <= 4
                  for i in [view.mention_of(t)] if i is not None and view.mentions_by_idx[i].type == "MediaOutlet"]
        objects = [o for o in _unique(objects) if o not in venues]
        # "Reuters quoted German Foreign Minister Sigmar Gabriel": the report is on the minister,
        # not on the state named in his title
        heads = {t.i for o in objects for t in view.mentions_by_idx_span[o]}
        objects = [o for o in objects if not _modifies(view.mentions_by_idx_span[o], heads)]
        # "wrote Jonathan Spyer in an article for Foreign Policy": one who writes for an outlet is a writer
        rule = "verb:write" if trig.lemma == "write" and venues else f"report:{trig.lemma}"
        out = [Candidate(s, o, "REPORTS_ON", verb, rule, trig.confidence) for s in subjects for o in objects]
        # "the Washington Post's Greg Miller reported that ...": his outlet reports it too
        out += [Candidate(w, o, "REPORTS_ON", verb, f"report-owner:{trig.lemma}", trig.confidence - 0.05)
                for s in subjects for w in _owning_outlets(view, s) for o in objects if o != w]
        # the venue reports on who speaks in it too ("Lindsey Graham said on CNN"; one who writes in
        # it is its contributor), not on the one told there ("told Chuck Todd on Meet the Press": its host)
        told = {i for c in verb.children if c.dep_ in ("dobj", "dative") for i in view.ents(c)}
        speakers = [] if trig.lemma in WRITING_VERBS else [s for s in subjects
                                                          if view.mentions_by_idx[s].type != "MediaOutlet"]
        covered = [o for o in _unique([*speakers, *objects]) if o not in told]
        return out + [Candidate(v, o, "REPORTS_ON", verb, f"report-venue:{trig.lemma}", trig.confidence - 0.1)
                      for v in _unique(venues) if v not in subjects for o in covered if o != v]

    def _told_outlet(self, view: SentenceView, verb: Token, trig: Trigger) -> list[Candidate]:
        """"Two White House officials told the Associated Press that Tillerson found out he was fired",
        "a woman told the Jezebel website that Franken tried ...": when those who told are no one
        named, the outlet reports on whom the clause is about (its subject)."""
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PROPN" for c in verb.children):
            return []  # a named teller the model did not type: not an anonymous source
        outlets = [i for c in verb.children if c.dep_ in ("dobj", "dative") for i in view.ents(c)
                   if view.mentions_by_idx[i].type == "MediaOutlet"]
        about = [i for c in verb.children if c.dep_ == "ccomp" for s in c.children
                 if s.dep_ in ("nsubj", "nsubjpass") for i in view.ents(s)]
        return [Candidate(o, a, "REPORTS_ON", verb, f"report:{trig.lemma}", trig.confidence)
                for o in outlets for a in about if a != o]

    def _reported_thing(self, view: SentenceView, verb: Token, trig: Trigger, thing: Token | None = None) -> list[Candidate]:
        """"Emails obtained by The Hill show that the Justice Department ...", "numbers obtained
        by NBC News": the outlet named as agent reports on what the thing names or shows; and on
        what a passive verb's subject names ("the photo of Farrakhan was published by the News Wire")."""
        # ("The endorsement, first reported in the Forward, calls Davis ...": "in" names the outlet too)
        agents = [i for i in prep_objects(view, verb, ("by", "in")) if view.mentions_by_idx[i].type == "MediaOutlet"]
        if not agents:
            return []
        if thing is not None:
            tokens = list(thing.subtree)
        else:
            own = {t.i for t in verb.subtree}
            thing = verb.head
            tokens = [t for t in thing.subtree if t.i not in own]
            if thing.dep_ in ("nsubj", "nsubjpass"):  # (the model tags some such verbs as nouns: "show")
                tokens += [t for c in thing.head.children if c.dep_ in ("ccomp", "dobj", "attr")
                           for t in c.subtree if _depth_below(t, thing.head) <= REPORT_DEPTH]
        objects = _unique(i for t in tokens for i in [view.mention_of(t)] if i is not None and i not in agents)
        return [Candidate(a, o, "REPORTS_ON", verb, f"report:{trig.lemma}", trig.confidence) for a in agents for o in objects]

    def _interview(self, view: SentenceView, noun: Token, trig: Trigger) -> list[Candidate]:
        """"Omar defended herself in a July interview with ABC News", "during an ABC News
        interview", "a spokesperson said in a statement to Fox News": the outlet of an interview,
        or given a statement or comments, reports on whoever the clause is about (the subject of
        the verb the noun hangs on)."""
        given = trig.lemma in GIVEN_NOUNS  # a statement or comments given to an outlet
        # ("a Fox News statement" is the outlet's own: only an interview is named with its outlet)
        outlets = [] if given else [i for c in noun.children if c.dep_ in ("compound", "poss") for i in view.ents(c)]
        outlets += prep_objects(view, noun, ("to",) if given else ("with", "on"))
        # "said in the statement obtained by The Hill": the outlet that got it published it
        outlets += [i for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in ("obtain", "see", "publish")
                    for i in prep_objects(view, c, ("by",))]
        outlets = [i for i in outlets if view.mentions_by_idx[i].type == "MediaOutlet"]
        verb, steps = noun, 0
        while verb.pos_ not in ("VERB", "AUX") and verb.dep_ in ("pobj", "prep", "compound") and steps < 6:
            verb, steps = verb.head, steps + 1
        if not outlets or verb.pos_ not in ("VERB", "AUX"):
            return []
        return [Candidate(o, s, "REPORTS_ON", noun, f"noun-interview:{trig.lemma}", trig.confidence - 0.05)
                for o in _unique(outlets) for s in subjects_of(view, verb) if s not in outlets]

    def _noun(self, view: SentenceView, noun: Token, trig: Trigger) -> list[Candidate]:
        if trig.type == "REPORTS_ON" and trig.lemma in GIVEN_NOUNS:
            return self._interview(view, noun, trig)  # who gave it is the clause's subject, not the noun's
        out = self._noun_plain(view, noun, trig)
        if trig.lemma == "interview":
            seen = {(c.source, c.target) for c in out}
            out += [c for c in self._interview(view, noun, trig) if (c.source, c.target) not in seen]
        return out

    def _noun_plain(self, view: SentenceView, noun: Token, trig: Trigger) -> list[Candidate]:
        written = False
        if trig.type == "SUPPORTS" and trig.lemma in self.lex.handover_nouns and any(
                p.lemma_.lower() in self.lex.no_support_things for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children if p.dep_ == "pobj"):
            return []  # "the delivery of a report from Mueller to Barr", "the transfer of power": no support
        if trig.type == "REPORTS_ON":
            subjects = [i for c in noun.children if c.dep_ in ("poss", "compound") for i in view.ents(c)]
        else:
            subjects = [i for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod")
                        for i in view.ents(c)]
        where: list[int] = []
        if trig.type == "OPERATES_IN":
            # "the CIA's Mexico City operations", "Iran's Syria adventure": a place named before the
            # noun is where the owner acts, not another actor
            where = [i for i in subjects if view.mentions_by_idx[i].type == "Place"
                     and view.mentions_by_idx_span[i].root.dep_ in ("compound", "nmod")]
            if len(where) == len(subjects):
                where = []
            subjects = [i for i in subjects if i not in where]
        by_prep = prep_objects(view, noun, trig.subj_preps)
        # "took control of Palmyra": "of" names the agent or the object, and a place is no agent
        # of control (the types the relation allows decide)
        allowed_s, allowed_t = TYPE_CONSTRAINTS[trig.type]
        placed = [i for i in prep_objects(view, noun, [p for p in trig.subj_preps if p in trig.obj_preps])
                  if allowed_s and view.mentions_by_idx[i].type not in allowed_s
                  and (not allowed_t or view.mentions_by_idx[i].type in allowed_t)]
        subjects.extend(i for i in by_prep if i not in placed)
        carried: list[int] = []  # "the threat posed by North Korea to Japan": the participle carries both ends
        for acl in (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"):
            subjects.extend(i for i in prep_objects(view, acl, ("by",)) if i not in subjects)
            carried.extend(prep_objects(view, acl, [p for p in trig.obj_preps if p not in ("of", "")]))
        if not subjects:
            subjects = [i for c in noun.children if c.dep_ == "poss" and c.lower_ == "its" for i in view.antecedent(c)]
        objects = prep_objects(view, noun, [p for p in trig.obj_preps if p not in trig.subj_preps or not subjects])
        objects += [i for i in _unique(placed + carried + where) if i not in objects]
        if trig.type == "REPORTS_ON":
            # "a report by The Hill that an FBI mole had gathered evidence": the content clause
            # "Harding's latest article, claiming that Manafort ...", "a story which asserted that"
            objects += [m for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl")
                        and (any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
                             or c.dep_ != "ccomp" and c.lemma_.lower() in CONTENT_VERBS)
                        for t in c.subtree if _depth_below(t, c) < REPORT_DEPTH
                        for m in [view.mention_of(t)] if m is not None]
        if trig.type == "ACCUSES" and not objects:
            # "accusations from Iran that Israel killed its scientists": the accused is the subject
            # of the content clause
            objects = [i for c in noun.children if c.dep_ in ("acl", "ccomp")
                       and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
                       for g in c.children if g.dep_ == "nsubj" for i in view.ents(g)]
        if trig.type == "THREATENS":
            # "threats to blow up the White House and conquer Rome and Spain": what it would strike
            for c in noun.children:
                if c.dep_ == "acl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
                    objects += [i for v in (c, *c.conjuncts) for g in v.children if g.dep_ in ("dobj", "obj")
                                for i in view.ents(g) if i not in objects]
        if not objects and subjects:
            # "operations by our Israeli allies against Quds Force leaders": the object's
            # preposition is often attached to the agent's noun
            for c in noun.children:
                if c.dep_ == "prep" and c.lower_ in trig.subj_preps:
                    for p in c.children:
                        if p.dep_ == "pobj":
                            objects.extend(prep_objects(view, p, [q for q in trig.obj_preps if q not in ("of", "in")]))
        head = noun.head
        if trig.type == "CONTROLS" and noun.dep_ == "pobj" and head.lower_ == "under" and head.head.pos_ in ("VERB", "AUX"):
            # "Mosul remains under the control of the Iraqi government"
            return [Candidate(s_, o, "CONTROLS", noun, f"noun-under:{trig.lemma}", trig.confidence)
                    for s_ in prep_objects(view, noun, ("of", "by")) for o in subjects_of(view, head.head)]
        if noun.dep_ == "conj" and _conj_root(noun).dep_ in ("dobj", "obj"):
            # "Pompeo favors more involvement in Syria and regime change in North Korea": a
            # conjunct of the object has the same verb
            noun, head = _conj_root(noun), _conj_root(noun).head
        if noun.dep_ in ("dobj", "obj") and head.pos_ in ("VERB", "NOUN"):  # the model tags "face" a noun
            # light verb: "Turkey has provided support to militants", "the US issued a warning against Damascus"
            if head.lemma_ in RECIPIENT_VERBS:
                # "the US will face threats from Iranian forces": the verb's subject undergoes it
                objects = subjects_of(view, head)
                subjects = subjects or prep_objects(view, head, ("from", "by"))
            elif not subjects:
                subjects = subjects_of(view, head)
                if trig.type == "REPORTS_ON" and head.lemma_ == "write":
                    written = True  # "Harding wrote a book about Edward Snowden": its writer reports
            if not objects:
                objects = prep_objects(view, head, [p for p in trig.obj_preps if p not in ("of",)])
        elif trig.type == "REPORTS_ON" and noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB" \
                and not subjects and objects and all(view.mentions_by_idx[o].type == "MediaOutlet" for o in objects):
            # "Khweis said in an interview with Kurdistan24": the outlet reports on the speaker
            subjects, objects = objects, subjects_of(view, head.head)
        elif noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB" and not subjects:
            # "Bolton has been calling for regime change in Iran", "forces fighting in support of
            # Assad": the caller, the fighter is the actor
            if head.lower_ in ("for", "to", "of", "in") and head.head.lemma_ not in ("receive", "get", "ask"):
                subjects = subjects_of(view, head.head)
        elif noun.dep_ == "pobj" and head.lower_ == "at" and head.head.lemma_ == "be" and not subjects:
            # "Iran, which was at war with Iraq": the state that is at war wages it
            subjects = subjects_of(view, head.head)
            objects = objects or prep_objects(view, head.head, [p for p in trig.obj_preps if p not in ("of",)])
        if not subjects and objects:
            # "officials paid to speak in support of MEK, including James Woolsey and Porter Goss":
            # the parser hangs the list of people on the trigger noun; they are its agents
            subjects = [i for c in noun.children if c.dep_ == "prep" and c.lower_ in LIST_PREPS
                        for i in view.list_members(c, 0) if view.mentions_by_idx[i].type == "Person"]
        subjects = [s for s in subjects if s not in objects]
        pairs = [(s, o) for s in subjects for o in objects]
        if "between" in trig.obj_preps:
            # "friction between the IRGC and the US Navy": every pair of the coordination
            members = prep_objects(view, noun, ("between",))
            pairs += _pairs_within(members)
        rule = "verb:write" if written else f"noun:{trig.lemma}"
        # "Trump renewed his attacks on McCain": a person's attacks are words
        return [Candidate(s, o, act_type(view, s, trig.type, trig.person_type), noun, rule, trig.confidence)
                for s, o in _unique_pairs(pairs)]

    def _role(self, view: SentenceView, noun: Token, trig: Trigger) -> list[Candidate]:
        """Role nouns link the entity that holds the role (host) to the entity it is relative to."""
        if noun.dep_ == "compound" and noun.head.lower_ in ROLE_BEARERS:
            noun = noun.head  # "Syria, a client state of Putin": the role word modifies "state"
        # "Republican opponent Doug Wardlow": a party's adjective says whose member the holder is
        others = [i for c in noun.children if c.dep_ in ("compound", "poss", "nmod", "amod") for i in view.ents(c)
                  if not (view.mentions_by_idx[i].type == "Group" and view.mentions_by_idx[i].basis == "demonym")
                  # "U.S. financier George Soros": a state before a backer's role is his nationality;
                  # "UK newspaper the Mail on Sunday" is British, not the state's ("Iran's state broadcaster" is)
                  and not (c.dep_ in ("compound", "amod") and view.mentions_by_idx[i].type == "State" and (
                      trig.type == "SUPPORTS" and trig.role == "host->other" or trig.lemma in MEDIA_ROLES
                      and not any(w.lower_ in STATE_MEDIA_WORDS for w in noun.children)))
                  # "Washington Post book critic Carlos Lozada" works for the paper
                  and not (c.dep_ == "compound" and trig.type == "ACCUSES"
                           and view.mentions_by_idx[i].type == "MediaOutlet")]
        others.extend(prep_objects(view, noun, trig.role_preps))
        if not others and noun.dep_ == "conj":
            # "Al Qaeda affiliates, partners, and allies": the modifier of the first conjunct
            first = _conj_root(noun)
            others = [i for c in first.children if c.dep_ in ("compound", "poss", "nmod") for i in view.ents(c)]
            # "a close friend and supporter of Julian Assange": the parser hangs the phrase after the
            # last conjunct on the first; it qualifies both
            others += [i for i in prep_objects(view, first, trig.role_preps)
                       if view.mentions_by_idx_span[i].start > noun.i and i not in others]
        if not others:
            # "Iran ... connecting with its allies, including Iraq": "its" stands for the actor before
            others = [i for c in noun.children if c.dep_ == "poss" and c.lower_ == "its" for i in view.antecedent(c)]
        hosts = self._hosts(view, noun, member=trig.type == "PART_OF")
        n = _conj_root(noun)
        if not others and n.dep_ == "pobj" and n.head.lower_ == "as" and n.head.head.pos_ == "VERB" \
                and not _is_passive(n.head.head):
            # "the administration has embraced the Saudi rulers as a crucial ally": the ally of
            # the one who embraces
            others = subjects_of(view, n.head.head)
        hosts = [h for h in hosts if h not in others]
        if not others and trig.type in SYMMETRIC_RELATIONS and len(hosts) >= 2 and _plural(noun):
            # "Russia and Iran are allies", "the U.S. and Turkey, allies for six decades": a plural
            # role of a coordination holds between its members
            return [Candidate(a, b, trig.type, noun, f"role-mutual:{trig.lemma}", trig.confidence - 0.05)
                    for a, b in _pairs_within(hosts)]
        if not hosts or not others:
            return []
        pairs = [(h, o) for h in hosts for o in others]
        typ = trig.type
        if typ == "PART_OF" and any(p.dep_ == "pobj" and p.lower_ in ALLIANCE_NOUNS and view.mention_of(p) is None
                                    for c in noun.children if c.dep_ == "prep" and c.lower_ in trig.role_preps
                                    for p in c.children):
            typ = "COOPERATES_WITH"  # "part of Assad's coalition", "of the Russian-led alliance": its allies
        if typ == "COOPERATES_WITH" and trig.lemma in ALLY_ROLES \
                and all(view.mentions_by_idx[o].type == "Organization" for o in others):
            typ = "PART_OF"  # "a NATO ally" is a member of the alliance (an FBI informant is not)
        if trig.role == "other->host":
            pairs = [(o, h) for h, o in pairs]
        out = []
        for a, b in pairs:
            if typ == "CONTROLS" and trig.lemma.startswith("capital") and view.mentions_by_idx[a].type in ("State", "Place"):
                # "South Korea's capital Seoul" lies in the state; "Raqqa, the capital of ISIS's
                # caliphate" is held by the group
                out.append(Candidate(b, a, "LOCATED_IN", noun, f"role:{trig.lemma}", trig.confidence))
            else:
                # "Tlaib is a vociferous foe of Israel": a person's enmity is words, not war
                out.append(Candidate(a, b, act_type(view, a, typ, trig.person_type), noun, f"role:{trig.lemma}",
                                     trig.confidence))
        return out

    def _hosts(self, view: SentenceView, noun: Token, member: bool = False) -> list[int]:
        hosts: list[int] = []
        n = _conj_root(noun)
        # "one of the strongholds of X": climb from the role noun to "one"
        if n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.lower_ in ("one", "some", "many", "most", "each", "part"):
            n = n.head.head
        if n.dep_ == "pobj" and n.head.lower_ == "as" and n.head.head.pos_ in ("VERB", "AUX"):
            # "Khweis spent months as a member of ISIS"; "the US designated X as a branch of Y"
            verb = n.head.head
            hosts.extend(i for c in verb.children if c.dep_ == "dobj" for i in view.ents(c))
            # (but "regards the Kurds as collaborators"; a member is the subject: "Meadows, who has
            # investigated Russian interference as a member of the House Oversight Committee")
            if not hosts and not _is_passive(verb) and (member or not any(c.dep_ == "dobj" for c in verb.children)):
                hosts.extend(subjects_of(view, verb))
        elif n.dep_ == "nsubj" and n.head.lemma_ == "include":
            # "Other AJHS Academic Council members who signed include Ari Kelman, Riv-Ellen Prell, ..."
            hosts.extend(i for c in n.head.children if c.dep_ in ("dobj", "attr") for i in view.ents(c))
        elif n.dep_ == "dobj" and n.head.lemma_ == "swear" and _is_passive(n.head):
            # "the Houthi rebels are sworn enemies of al-Qaeda" (parsed as a passive "sworn")
            hosts.extend(i for c in n.head.children if c.dep_ == "nsubjpass" for i in view.ents(c))
        elif n.dep_ in ("attr", "acomp", "oprd") and n.head.pos_ in ("AUX", "VERB"):
            for c in n.head.children:
                if c.dep_ in ("nsubj", "nsubjpass"):
                    if c.lower_ in RELATIVE_PRONOUNS and n.head.dep_ == "relcl":
                        # "Northern Ireland (which is part of the UK)": the pronoun's antecedent
                        hosts.extend(view.ents(n.head.head))
                    else:
                        hosts.extend(view.ents(c))
            # "Turkey being a NATO member": the absolute construction has no subject arc
            if not hosts and n.head.lower_ == "being" and n.head.i > 0:
                m = view.mention_of(n.doc[n.head.i - 1])
                if m is not None:
                    hosts.append(m)
        elif n.dep_ in ("appos", "compound"):
            # "Turkey, a NATO member"; "NATO ally Turkey"; "the U.S. and Turkey, allies for decades"
            head = n.head
            # "TVEL and TENEX, both a part of the Rosatom group": a role of the whole coordination
            every = _plural(n) or any(c.lower_ in ("both", "all", "each") for c in n.children)
            if n.dep_ == "appos" and not every:
                # "between Randy Credico and Adam Schiff, the ranking member on ...": the last conjunct's
                head = max((c for c in (head, *head.conjuncts) if c.i < n.i), key=lambda c: c.i, default=head)
            m = view.mention_of(head)
            if m is not None:
                hosts.extend(view.ents(head) if n.dep_ == "appos" and every else [m])
        if not member and noun.dep_ == "conj" and any(c.lower_ == "other" for c in noun.children):
            # "Scalise and other Trump allies": the first conjunct holds the role too
            m = view.mention_of(noun.head)
            if m is not None:
                hosts.append(m)
        for c in noun.children:
            if c.dep_ == "appos":
                hosts.extend(view.ents(c))
            if c.dep_ in ("nsubj", "nsubjpass"):  # small clause: "considers the YPG a branch of the PKK"
                hosts.extend(view.ents(c))
            if c.dep_ == "prep" and c.lower_ in LIST_PREPS:
                hosts.extend(view.list_members(c, 0))
        # "X, Y and Z affiliates including A": the list may hang on a conjunct
        for c in noun.children:
            if c.dep_ == "conj":
                for cc in c.children:
                    if cc.dep_ == "prep" and cc.lower_ in LIST_PREPS:
                        hosts.extend(view.list_members(cc, 0))
        if not hosts and noun.dep_ == "conj" and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children):
            # "Syrian forces and their Russian and Iranian allies": "their" is the first conjunct
            first = noun.head
            hosts.extend(view.ents(first))
            hosts.extend(i for c in first.children if c.dep_ in ("amod", "compound") for i in view.ents(c))
        return _unique(hosts)

    def _hyphen(self, view: SentenceView, tok: Token, trig: Trigger) -> list[Candidate]:
        """"US-armed front", "Idlib-based group": the name before the hyphen acts on the noun."""
        i = tok.i
        doc = tok.doc
        actor = None
        if i >= 2 and doc[i - 1].text in ("-", "‐", "‑") and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
            actor = view.mention_of(doc[i - 2])
        if actor is None:
            # "US-armed and backed front": the second participle shares the first one's actor
            root = _conj_root(tok)
            if root is not tok and root.i >= 2 and doc[root.i - 1].text in ("-", "‐", "‑"):
                actor = view.mention_of(doc[root.i - 2])
        if actor is None:
            return []
        h = _conj_root(tok).head
        targets = view.ents(h)
        if not targets and h.dep_ in ("appos", "attr"):
            m = view.mention_of(h.head)
            if m is not None:
                targets = [m]
        if not targets:
            for c in h.children:
                m = view.mention_of(c) if c.dep_ in ("appos", "compound") else None
                if m is not None and m != actor:
                    targets.append(m)
        if not targets and h.i + 1 < view.sent.end:
            # "Idlib-based terrorist front Nour al-Din al-Zenki": the parser often leaves the
            # name that follows its descriptor unattached
            m = view.mention_of(h.doc[h.i + 1])
            if m is not None and m != actor:
                targets.append(m)
        pairs = [(actor, t) for t in targets if t != actor]
        if trig.inverse:
            pairs = [(t, a) for a, t in pairs]
        return [Candidate(a, b, trig.type, tok, f"hyphen:{trig.lemma}", trig.confidence) for a, b in pairs]

    def _surface(self, view: SentenceView) -> list[Candidate]:
        out: list[Candidate] = []
        doc = view.sent.doc
        items = sorted(view.mentions, key=lambda x: x[2].start)
        out.extend(self._surface_verbs(view, items))
        for k, ((ia, ma, sa), (ib, mb, sb)) in enumerate(zip(items, items[1:])):
            between = self._text[sa.end_char:sb.start_char]
            if len(between) > 60:
                continue
            for p in self.lex.patterns:
                if not p.regex.search(between):
                    continue
                if p.before is not None and not p.before.search(
                        self._text[max(view.sent.start_char, sa.start_char - 60):sa.start_char]):
                    continue
                msrc, mtgt = (mb, ma) if p.inverse else (ma, mb)
                if p.source_types and msrc.type not in p.source_types:
                    continue
                if p.target_types and mtgt.type not in p.target_types:
                    continue
                if self.role_of(msrc.key) in p.skip_roles:
                    continue  # "few Republicans in Washington": a party's people are there, not the party
                if p.place_roles and mtgt.type == "Place" and (self.role_of(mtgt.key) not in p.place_roles
                                                                 or self.role_of(msrc.key) in p.place_roles):
                    continue  # "Tempe, Arizona" but not "Aleppo, Idlib" or "Texas, Arizona" (lists)
                # "Giuliani and Bolton have been on the payroll of the MEK": the list shares it
                firsts = [ia] + (self._list_before(items, k, self._text) if p.lists else [])
                # "Democrats such as Keith Ellison and Ilhan Omar": so does one after the second
                seconds = [ib] + (self._list_after(items, k + 1, self._text) if p.lists_after else [])
                if p.same_country:
                    cs, ct = self.country_of(msrc.key), self.country_of(mtgt.key)
                    region = bool(p.place_roles) and self.role_of(mtgt.key) in p.place_roles
                    if (not cs or region) and ct and (mtgt.type == "State" or region) and _address_like(doc, sa, sb):
                        # "from Calais, France, to Dover", "Tempe, Arizona": a town the gazetteer does not
                        # know; "Alexandria, Va.": a namesake of a town it knows elsewhere
                        pass
                    elif not cs or not ct or cs != ct:
                        continue
                    if p.type == "LOCATED_IN" and doc[sb.end:sb.end + 2].text.strip()[:1] == "," and \
                            mtgt.type == "Place" and not (region and _address_like(doc, sa, sb)):
                        continue
                    if p.type == "LOCATED_IN" and k + 2 < len(items) and items[k + 2][2].start == sb.end + 1 \
                            and doc[sb.end].text == "," and items[k + 2][1].type in ("Place", "State"):
                        continue  # "to go to Korea, Laos, Vietnam, Europe": a list, not an address
                trig = doc[sa.end:sb.start] if sb.start > sa.end else sb
                for first in firsts:
                    for second in seconds:
                        src, tgt = (second, first) if p.inverse else (first, second)
                        out.append(Candidate(src, tgt, p.type, trig, f"pattern:{p.rule}", p.confidence))
        return out

    def _cited_headline(self, view: SentenceView) -> list[Candidate]:
        """A cited article: '"Iran Admits To Facilitating 9/11 Terror Attacks," by Adam Kredo,
        Washington Free Beacon, June 8, 2018:', or in brackets, '[May’s Brexit deal: the legal
        verdict, by Martin Howe QC, Spectator, November 24, 2018]'.  The writers and the outlet
        report on the subject of the headline, and each writer works for the outlet."""
        toks = view.sent
        if len(toks) < 6 or toks[0].text not in OPENING_QUOTES and toks[0].text != "[":
            return []
        ends = CLOSING_QUOTES if toks[0].text in OPENING_QUOTES else (",",)
        by = next((t for t in toks[2:] if t.lower_ == "by" and any(
            x.text in ends for x in toks.doc[max(t.i - 2, toks.start):t.i])), None)
        if by is None:
            return []
        starts = {sp.start: (idx, m, sp) for idx, m, sp in view.mentions}
        authors = [starts.get(by.i + 1)]
        # "by Malcolm Coles and Ashley Kirk, Telegraph": joint writers
        if authors[0] is not None and toks.doc[authors[0][2].end].lower_ == "and":
            authors.append(starts.get(authors[0][2].end + 1))
        if any(a is None or a[1].type != "Person" or a[2].end >= toks.end for a in authors) \
                or toks.doc[authors[-1][2].end].text != ",":
            return []
        outlet = starts.get(authors[-1][2].end + 1)
        reporters = [a[0] for a in authors]
        out: list[Candidate] = []
        if outlet is not None and outlet[1].type == "MediaOutlet":
            out.extend(Candidate(a[0], outlet[0], "PART_OF", by, "cite:writer-of-outlet", 0.75) for a in authors)
            reporters.append(outlet[0])
        # the headline's subject is the first actor it names ("Virginia man Mohamad Jamal Khweis
        # sentenced to 20 years for joining ISIS" is about Khweis, not ISIS), past a body that only
        # qualifies a noun ("Dem Candidate Ilhan Omar Defending Tweet", "EU deal: What David Cameron
        # asked for"; a person who does is the subject: "concerns over Trump retweet")
        subject = next((idx for idx, m, sp in sorted(view.mentions, key=lambda x: x[2].start)
                        if sp.end <= by.i and m.type in NON_PLACE
                        and not (m.type != "Person" and sp.root.dep_ in ("compound", "amod", "nmod")
                                 and sp.root.head.i >= sp.end)), None)
        if subject is not None:
            out.extend(Candidate(r, subject, "REPORTS_ON", by, "cite:headline", 0.7) for r in reporters)
        return out

    def _surface_verbs(self, view: SentenceView, items) -> list[Candidate]:
        """"Qatar funds Jabhat al-Nusra" when the parser took "funds" for a noun: verb forms between
        two names, with lists on either side ("the US, UK and EU fund X")."""
        out: list[Candidate] = []
        n = len(items)
        for k in range(n - 1):
            ia, ma, sa = items[k]
            ib, mb, sb = items[k + 1]
            between = self._text[sa.end_char:sb.start_char]
            if len(between) > 50 or "\n" in between:
                continue
            words = self.lex.verb_form_words.intersection(between.lower().split())
            if not words:
                continue  # no trigger verb form between the two names: skip the regexes
            for vp in self.lex.verb_forms:
                if vp.words.isdisjoint(words):
                    continue  # its verb is not there: the pattern cannot match
                m = vp.regex.match(between)
                if not m:
                    continue
                sources = [ia] + self._list_before(items, k, self._text)
                if not vp.passive and m.group("verb").lower() == vp.lemma and len(sources) == 1 \
                        and m.start("verb") == len(between) - len(between.lstrip()):
                    continue  # "UK brand LK Bennett": a bare base form after one name is a noun
                targets = [self._titled_person_after(view, t) for t in [ib] + self._list_after(items, k + 1, self._text)]
                if vp.passive:
                    sources, targets = targets, sources
                start = sa.end_char + m.start("verb")
                tok = next((t for t in view.sent if t.idx == start), None)
                if tok is not None and tok.pos_ in ("VERB", "AUX") and not vp.passive:
                    subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
                    named = [i for c in subj for i in view.ents(c)]
                    if named and ia not in named:
                        break  # the parser found the verb and its subject, another name: "A Muslima in the U.S. promoted"
                    # "the former apostolic nuncio to the United States has accused Francis": the name
                    # before the verb sits inside the subject, which is no name
                    # (but a conjunct there is often the next clause's subject the parser ran in: "shipping
                    # in the Red Sea and Iran reportedly arms the Houthis")
                    if not named and sa.root.dep_ != "conj" and any(
                            c.left_edge.i <= sa.start and sa.end - 1 <= c.right_edge.i for c in subj):
                        break
                    if not subj and sa.root.dep_ == "pobj":
                        break  # "the disarray within the Conservative Party will help Corbyn": a phrase's object
                    # "accused Supreme Court nominee Brett Kavanaugh": the parser found the object, another name
                    objs = [i for c in tok.children if c.dep_ in ("dobj", "obj") for i in view.ents(c)]
                    if ia in named and ib in objs:
                        break  # the parse has them both: the verb's own rule read it (and its type)
                    if objs and ib not in objs or not objs and any(
                            c.dep_ in ("dobj", "obj") and c.left_edge.i <= sb.start and sb.end - 1 <= c.right_edge.i
                            and view.mention_of(c) != ib for c in tok.children):
                        break  # ("funded Viktor Orbán's political organization": the organisation, not Orbán)
                trig = tok if tok is not None else sb
                conf = vp.confidence
                for a in sources:
                    typ = act_type(view, a, vp.type, vp.person_type)
                    for b in targets:
                        out.append(Candidate(a, b, typ, trig, f"surface:{vp.lemma}", conf))
                break
        return out

    @staticmethod
    def _list_before(items, k: int, text: str) -> list[int]:
        # commas alone make a list only at the start of a sentence ("Iran, Russia back Assad"), not
        # after a source ("According to the SOHR, HTS controls Saraqib")
        got, last, coordinated = _list_run(items, k, -1, text)
        return got if coordinated or items[last][2].start == _first_content(items[last][2].sent) else []

    @staticmethod
    def _list_after(items, k: int, text: str) -> list[int]:
        # "Iran funds the Houthis, Saudi officials claim": commas alone make a list only at the end
        got, last, coordinated = _list_run(items, k, 1, text)
        return got if coordinated or _ends_sentence(items[last][2]) else []

    # -- evidence ------------------------------------------------------------------------
    def _finish(self, view: SentenceView, c: Candidate, mentions: list[tuple[EntityMention, Span]],
                speaker: int | None) -> RawRelation | None:
        if c.source == c.target:
            return None
        ms, mt = mentions[c.source][0], mentions[c.target][0]
        if ms.key is not None and ms.key == mt.key or ms.name == mt.name and ms.key is None:
            return None
        root = mentions[c.target][1].root
        if root.lower_ in self.lex.platforms and root.dep_ == "pobj" and root.head.lower_ in ("on", "to", "via", "onto"):
            return None  # "said on Twitter", "posted the warning to Twitter": the platform carried the words
        if PLACE_DEMONYM in (ms.basis, mt.basis) and c.type != "LOCATED_IN":
            return None  # "Russian jets bombed the Syrian town of Douma": the town is bombed, not Syria
        if c.rule == "role:part" and ms.type == "Place" and mt.type in ("Place", "State"):
            # "Northern Ireland (which is part of the UK)": a place is part of another by lying in it
            c = replace(c, type="LOCATED_IN")
        if not types_allowed(c.type, ms.type, mt.type, c.rule):
            return None
        if c.rule == "verb:reach out" and ms.type == "MediaOutlet":
            return None  # "CBS News reached out to the FBI": for comment
        if c.type == "THREATENS" and mt.type == "Place" and not c.rule.endswith(":threaten"):
            return None  # a town is threatened ("Erdogan has threatened Manbij"); "warned against Kurdistan" is policy
        if c.type == "REPORTS_ON" and ms.type == "Person" and c.rule not in WRITER_RULES and not (
                self.is_journalist(ms) or ms.name.lower() in getattr(self, "_journalists", ())
                or _outlet_possessed(view, c.source)):
            return None  # politicians' statements are speech, not reporting
        trig_tok = c.trigger if isinstance(c.trigger, Token) else c.trigger.root
        # a name's own modifiers and surface patterns are presupposed: "if Senator Bob Corker,
        # chairman of the committee, had not agreed" still makes him its chairman
        negated = not c.rule.startswith(("link:", "pattern:")) and self._negated(trig_tok)
        if c.rule.startswith(("verb", "noun", "surface", "report", "label", "prep", "copula")):
            # roles, names and links ("if Syria and its Russian allies ...") are presupposed
            if self._hypothetical(trig_tok) or self._inquired(trig_tok) or self._rumoured(trig_tok):
                return None  # a condition asserts nothing (rhetorical questions do, in opinion pieces)
            if not negated and (self._intended(trig_tok) or c.type == "FIGHTS" and self._wished(trig_tok)):
                if c.type not in ("FIGHTS", "THREATENS"):
                    return None
                # a war wanted, planned or in prospect ("itching for conflict with Russia") is a threat
                c = replace(c, type="THREATENS")
        hedged = self._hedged(trig_tok)
        asserted = self._reported_by(view, trig_tok, {c.source, c.target})
        if asserted is None and speaker is not None and speaker not in (c.source, c.target):
            asserted = speaker
        confidence = self.lex.calibrated(c.rule, c.confidence) * (HEDGE_FACTOR if hedged else 1.0)
        sent = view.sent
        doc_id = ms.mention.doc
        trigger_text = c.trigger.text if isinstance(c.trigger, Token) else " ".join(c.trigger.text.split())
        sentence = typographic_quotes(sent.text, self._original[sent.start_char:sent.end_char])
        ev = Evidence(
            doc=doc_id, sentence=" ".join(sentence.split()), start=sent.start_char, end=_sent_end(sent),
            trigger=trigger_text[:80], rule=c.rule, confidence=round(confidence, 3), negated=negated,
            hedged=hedged, asserted_by=None)
        return RawRelation(c.source, c.target, c.type, ev, asserted)

    def _negated(self, tok: Token) -> bool:
        heads = [tok]
        if tok.dep_ in ("dobj", "pobj", "attr", "amod", "acomp", "xcomp") or tok.pos_ == "NOUN":
            h = tok.head
            for _ in range(3):
                # "chose not to do anything about Hezbollah's presence": a negated verb whose
                # prepositional phrase holds the trigger does not deny it (only a copula does:
                # "is not under the control of")
                if h.dep_ == "prep" and h.head.pos_ in ("VERB", "AUX") and h.head.lemma_ not in COPULAS:
                    break
                heads.append(h)
                if h.pos_ in ("VERB", "AUX"):
                    break
                h = h.head
        for h in heads:
            if h.dep_ == "pcomp" and h.head.lower_ == "without":
                return True  # "concluded his investigation without ever bringing charges against Corsi"
            for c in h.children:
                # "did not fund", "no support for": the negation words are data (modality.jsonl)
                if _denies(c) or (c.dep_ == "det" and c.lower_ in self.lex.negations and h is tok):
                    return True
                if c.dep_ == "advmod" and c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children):
                    return True  # "the EU no longer considers Hamas a terrorist group"
                if h.pos_ in ("VERB", "AUX") and c.dep_ in ("nsubj", "nsubjpass") and (
                        c.lower_ in ("nobody", "neither", "none") or any(
                        g.dep_ in ("preconj", "det") and g.lower_ in ("neither", "no") for g in c.children)):
                    return True  # "Neither Arbenz nor any other Guatemalan official had ever attacked"
        if (tok.dep_ in ("ccomp", "xcomp") or tok.dep_ in ("dobj", "obj") and tok.tag_ == "VBG") \
                and tok.head.lemma_.lower() in DENIAL_VERBS and not any(
                c.dep_ == "neg" or c.dep_ == "nsubj" and c.lower_ in ("nobody", "none", "one") for c in tok.head.children):
            return True  # "the Kremlin denied that Russian troops were operating", "Qatar denied funding Hamas"
        if tok.dep_ in ("acl", "relcl") and any(c.dep_ in ("det", "nummod", "neg") and c.lower_ in self.lex.negations
                                                for c in tok.head.children):
            return True  # "no motive to kill Kennedy", "no reason to attack Iran"
        # "avoid war with Iran", "prohibit cooperation with Iran", "refrain from attacking"
        gov = tok.head
        if tok.dep_ == "pcomp" and gov.dep_ == "prep":
            gov = gov.head
        if tok.dep_ in ("dobj", "xcomp", "pcomp") and gov.lemma_.lower() in self.lex.negative_verbs:
            return True
        # "did not allow Iran to send funds": what is not permitted is not done
        if tok.dep_ in ("ccomp", "xcomp") and gov.lemma_.lower() in self.lex.permit_verbs \
                and any(c.dep_ == "neg" for c in gov.children):
            return True
        # "refused to provide weapons to Ukraine": the light verb's own governor says no
        if tok.dep_ == "dobj" and gov.dep_ == "xcomp" and gov.head.lemma_.lower() in self.lex.negative_verbs:
            return True
        return False

    @staticmethod
    def _hypothetical(tok: Token) -> bool:
        """In a condition ("Even if Iran were arming the Houthis", "if the US were to designate
        the IRGC"): the text does not assert it, so it is not a relation at all."""
        h = tok
        for _ in range(4):
            if any(c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless") for c in h.children):
                return True
            # "If Putin listens to these fools, Putin will destroy Russia": a consequence told in
            # the future rests on its condition
            if any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll") for c in h.children) and any(
                    c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children)
                    for c in h.children):
                return True
            if h.dep_ == "ROOT" or h.head is h:
                return False
            h = h.head
        return False

    def _intended(self, tok: Token) -> bool:
        """Wanted, planned or owed, not done: "does not want to engage in intervention in Iran",
        "Russia would support Assad".  (A plan to overthrow or to make war is a threat: kept.)"""
        h = tok
        for _ in range(4):
            if h.dep_ in ("acl", "relcl") and h.head.lower_ in self.lex.intention_nouns:
                return True  # "no motive to kill Kennedy", "a plan to fund the rebels", "a strategy forming to destroy X"
            if any(c.dep_ == "aux" and c.lower_ in self.lex.intention_verbs for c in h.children):
                return True
            if h.dep_ == "ccomp" and h.head.lemma_.lower() in VOW_VERBS and any(
                    c.dep_ == "aux" and c.lower_ in ("will", "would", "shall", "'ll") for c in h.children):
                return True  # "they vow that they will destroy Israel": promised, not done
            if h.dep_ not in ("xcomp", "pcomp", "pobj", "prep", "dobj") or h.head is h:
                return False
            h = h.head
            if h.pos_ in ("VERB", "AUX") and h.lemma_.lower() in self.lex.intention_verbs:
                return True
            if h.dep_ == "acomp" and h.lower_ in self.lex.intention_adjectives:
                return True  # "Russia was ready to attack Ukraine"
        return False

    def _inquired(self, tok: Token) -> bool:
        """What is investigated is not asserted: "tasked with investigating any links between the
        Russian government and the campaign", "an inquiry into Saudi funding of ISIS"."""
        h = tok
        for _ in range(3):
            if h.dep_ not in ("dobj", "pobj", "prep", "nsubjpass") or h.head is h:
                return False
            h = h.head
            if h.lemma_.lower() in self.lex.inquiry_words or h.lower_ in self.lex.inquiry_words:
                return True
        return False

    def _rumoured(self, tok: Token) -> bool:
        """The content of a claim the text only names: "Mueller's investigation into claims that the
        Trump campaign colluded with Russia", "the narrative that ...", "the idea that Assange, aided
        by Russia, ...".  (A verb of saying has a sayer: "Damascus claims that ..." is handled as speech.)"""
        h = tok
        for _ in range(4):
            if h.dep_ in ("acl", "ccomp") and h.head.pos_ == "NOUN" and h.head.lemma_.lower() in self.lex.hearsay_nouns \
                    and any(c.dep_ == "mark" and c.lower_ == "that" for c in h.children):
                return True
            if h.head is h:
                return False
            h = h.head
        return False

    def _wished(self, tok: Token) -> bool:
        """A fight that is longed for or looming: "itching for conflict with Russia", "the
        prospect of war with Iran", "calls for strikes on Syria"."""
        h = tok
        for _ in range(3):
            if h.dep_ == "pobj" and h.head.dep_ == "prep" and h.head.lower_ in ("for", "of", "to", "toward", "towards"):
                gov = h.head.head
                if gov.lower_ in self.lex.wish_words or gov.lemma_.lower() in self.lex.wish_words:
                    return True
                h = gov
                continue
            return False
        return False

    def _hedged(self, tok: Token) -> bool:
        hedges = self.lex.hedges
        h = tok
        for _ in range(3):
            for c in h.children:
                if c.lower_ in hedges and c.dep_ in ("advmod", "aux", "amod", "det", "npadvmod"):
                    return True
            if h.dep_ == "xcomp" and _is_passive(h.head) and h.head.lemma_.lower() in HEARSAY_VERBS:
                return True  # "Qatar is believed to have financed al-Nusra"
            if h.dep_ in ("ROOT",) or h.head is h:
                break
            h = h.head
        return False

    def _reported_by(self, view: SentenceView, tok: Token, ends: set[int]) -> int | None:
        """The entity whose speech the clause reports ("the BBC claimed that ...", "..., according to X")."""
        for h in [tok, *tok.ancestors]:
            for c in h.children:
                if c.lower_ == "according":
                    found = _according_source(view, c, ends)
                    if found is not None:
                        return found
        t = tok
        for _ in range(8):
            if t.head is t:
                return None
            if t.dep_ in ("ccomp", "xcomp", "advcl", "dobj", "parataxis", "oprd") or (t.dep_ == "pobj" and t.head.lower_ == "according"):
                h = t.head
                if h.lemma_.lower() in self.lex.speech:
                    for c in h.children:
                        if c.dep_ in ("nsubj",):
                            ms = view.ents(c)
                            ms = [m for m in ms if m not in ends]
                            if ms:
                                return ms[0]
            if t.lower_ == "according":
                found = _according_source(view, t, ends)
                if found is not None:
                    return found
            t = t.head
        return None

    def _quoted_speakers(self, doc: Doc, mentions: list[tuple[EntityMention, Span]]) -> dict[int, int]:
        """The paragraph after "X would admit:" is X's words: its sentences are asserted by X."""
        by_tok: dict[int, int] = {}
        for idx, (_m, span) in enumerate(mentions):
            for t in span:
                by_tok[t.i] = idx
        speakers: dict[int, int] = {}
        sents = list(doc.sents)
        for k, sent in enumerate(sents):
            if not self._text[sent.start_char:sent.end_char].rstrip().endswith(":"):  # no Span.text rebuild
                continue
            speaker = self._speaker(sent, by_tok)
            if speaker is None:
                continue
            for j in range(k + 1, len(sents)):
                if j > k + 1 and self._text[_sent_end(sents[j - 1]):_sent_start(sents[j])].count("\n") >= 2:
                    break  # the quoted paragraph ended
                speakers[sents[j].start] = speaker
        return speakers

    def _speaker(self, sent: Span, by_tok: dict[int, int]) -> int | None:
        for tok in sent:
            if tok.lemma_.lower() in self.lex.speech and tok.pos_ == "VERB":
                for c in tok.children:
                    if c.dep_ == "nsubj":
                        # the subject's own head word, not a name inside a title it carries
                        for t in [c, *[x for x in c.children if x.dep_ in ("compound", "appos")]]:
                            if t.i in by_tok:
                                return by_tok[t.i]
        return None


def _outlets_report_too(cands: list[Candidate]) -> list[Candidate]:
    """"the Washington Post's Greg Miller reported that ...", "interviewed by CNN's Chris Cuomo": what
    a journalist reports, the outlet the sentence ties them to reports too; and what a programme
    reports, its outlet ("told CNN's “State of the Union”"), and the other way round ("told BBC
    Radio 4's Today programme": the parser may make the outlet the one told)."""
    outlets = {(c.source, c.target) for c in cands if c.type == "PART_OF" and c.rule.startswith(
        ("link:person-of-org", "link:person-title-of-org", "pattern:byline", "pattern:according-to-person",
         "pattern:person-writes", "cite:writer-of-outlet", "pattern:outlet-programme"))}
    outlets |= {(c.target, c.source) for c in cands if c.type == "PART_OF" and c.rule == "pattern:outlet-programme"}
    extra = [Candidate(o, c.target, "REPORTS_ON", c.trigger, f"{c.rule}+outlet", c.confidence - 0.05)
             for c in cands if c.type == "REPORTS_ON" for p, o in outlets if p == c.source and o != c.target]
    return cands + extra


def _act_owners(view: SentenceView, noun: Token) -> list[int]:
    """Who a deed belongs to, when a verb's object is the deed rather than its doer: "condemned
    Trump's decision", "denounced the actions of Russia".  Only nouns that are no name themselves."""
    if view.mention_of(noun) is not None or noun.pos_ != "NOUN" or noun.lower_ in view.holders:
        return []
    out = [i for c in noun.children if c.dep_ == "poss" for i in view.ents(c)]
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children):
        return out  # "defended his characterisation of Ms Soubry": the deed is his; "of" names its object
    out += [i for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children if p.dep_ == "pobj" for i in view.ents(p)]
    return _unique(out)


def _possessors(view: SentenceView, poss: Token) -> list[int]:
    """The mentions a possessive names.  "the Quds Force of Iran’s Revolutionary Guard Corps": the
    parser hangs "’s" on "Force"; the name right before the "’s" is the possessor."""
    for c in poss.children:
        if c.dep_ == "case" and c.i > 0 and c.i - 1 != poss.i:
            m = view.mention_of(poss.doc[c.i - 1])
            if m is not None and m != view.mention_of(poss):
                return [m]
    return view.ents(poss)


def _address_like(doc: Doc, place: Span, state: Span) -> bool:
    """"Calais, France," as an address: the pair closes with punctuation and is not part of a
    comma-separated list ("Iraq, Syria, Lebanon")."""
    # a line break or a new sentence closes it too ("Alexandria, Va." ends with the abbreviation's period)
    nxt = doc[state.end] if state.end < len(doc) else None
    after = "." if nxt is None or nxt.is_space or nxt.is_sent_start else nxt.text
    before = doc[place.start - 1].text if place.start > 0 else ""
    # ("SANTA FE, N.M. (AP) -": a dateline's agency in brackets closes it as well)
    closes = after in (",", ".", ")", "(", ";", ":", "–", "—") or (after.islower() and after not in ("and", "or"))
    return closes and before not in (",", "and", "or")  # "in Charleston, South Carolina on Saturday"


def _outlet_possessed(view: SentenceView, idx: int) -> bool:
    """A person named with an outlet's possessive works for it ("CNN's Chris Cuomo")."""
    return bool(_owning_outlets(view, idx))


def _owning_outlets(view: SentenceView, idx: int) -> list[int]:
    """The outlets whose possessive names a person ("the Washington Post's Greg Miller")."""
    root = view.mentions_by_idx_span[idx].root
    return [t for c in root.children if c.dep_ == "poss" for t in view.ents(c)
            if view.mentions_by_idx[t].type == "MediaOutlet"]


def _sent_start(sent: Span) -> int:
    for t in sent:
        if not t.is_space:
            return t.idx
    return sent.start_char


def _sent_end(sent: Span) -> int:
    # the evidence span ends at the last non-space token of the sentence
    toks = [t for t in sent if not t.is_space]
    last = toks[-1] if toks else sent[-1]
    return last.idx + len(last.text)
