"""Read input files into Documents, and mask markup so the NLP text keeps the file's offsets.

Supported: ``.txt``, ``.md``/``.markdown``, ``.html``/``.htm``, ``.jsonl`` (one article a line).
Markup is never deleted but *masked* (replaced by spaces of the same length), so that every
offset found in the NLP text is also an offset into the original decoded text:

>>> t = "**Tony** on [New Eastern Outlook](#)"
>>> m = mask_markdown(t)
>>> len(m) == len(t), m[m.index("New"):m.index("New") + 19]
(True, 'New Eastern Outlook')

Bad input is reported as a ``Skip`` (one line: path and reason) and reading goes on.  The
masking regexes are bounded so that hostile input (10 MB on one line, thousands of unclosed
tags) costs linear time.  ``detect_language`` flags non-English texts (no model download).
"""
from __future__ import annotations

import functools
import hashlib
from collections import Counter
import html
import importlib.util
import json
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from newsgraph.records import Document

TEXT_SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
                 ".html": "html", ".htm": "html", ".jsonl": "jsonl"}


@dataclass(frozen=True)
class Skip:
    """An input that was not read, and why (printed as one line, never a traceback)."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"skipped {self.path}: {self.reason}"


# ---------------------------------------------------------------------------- decoding

def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode file bytes to text; returns (text, encoding).  Raises ValueError for binary data.

    UTF-8 (with or without BOM) first, UTF-16 when it carries a BOM, then a detected legacy
    encoding (cp1252, latin-1 ...) via charset-normalizer.

    >>> decode_bytes("Idlib".encode("utf-16"))
    ('Idlib', 'utf-16')
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):  # before UTF-16: same first bytes
        return data.decode("utf-32"), "utf-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data[:8192]:
        raise ValueError("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    # Mostly-English text with a few accented letters: cp1252 (a superset of latin-1's printables)
    try:
        text = data.decode("cp1252")
        letters = [c for c in text if c.isalpha()]
        if letters and sum(c.isascii() for c in letters) / len(letters) > 0.75 and not _looks_binary(text):
            return text, "cp1252"
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - declared dependency
        raise ValueError(f"invalid UTF-8 at byte {utf8_error.start}") from None
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise ValueError(f"invalid UTF-8 at byte {utf8_error.start} and no other encoding fits")
    text = str(best)
    if _looks_binary(text):
        raise ValueError("binary file (not text in any known encoding)")
    return text, best.encoding


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    control = sum(1 for c in sample if (ord(c) < 32 and c not in "\n\r\t\f") or 0x7f <= ord(c) < 0xa0)
    return control / len(sample) > 0.02


# ---------------------------------------------------------------------------- masking

def _blank(match: re.Match[str]) -> str:
    """Replace a match by spaces, keeping newlines so line structure survives."""
    return re.sub(r"[^\n]", " ", match.group(0))


# No class below can run past the next "[" or "<" (and lengths are bounded): a bracket that is
# never closed must not make every later one rescan a 10 MB line (quadratic time).
_MD_IMAGE = re.compile(r"!\[([^\[\]\n]{0,500})\]\([^)\[\n]{0,2000}\)")
_MD_LINK = re.compile(r"\[([^\[\]\n]{0,500})\]\(([^)\[\n]{0,2000})\)")
_MD_REF_LINK = re.compile(r"\[([^\[\]\n]{1,500})\]\[[^\[\]\n]{0,200}\]")
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]", re.M)
_MD_QUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?", re.M)
_MD_EMPHASIS = re.compile(r"\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)|`+|~~")
_MD_HTML_TAG = re.compile(r"</?[A-Za-z][^<>\n]{0,2000}>")
_MD_RULE = re.compile(r"^[ \t]*([-*_][ \t]*){3,}$", re.M)
_SENT_END = set(".!?:;\"'”’)")


def mask_markdown(text: str, join: bool = True) -> str:
    """Markdown/markup characters become spaces; link texts stay in place.

    >>> " ".join(mask_markdown("## **Idlib** [Al Qaeda](http://x)").split())
    'Idlib Al Qaeda'
    """
    def link(m: re.Match[str]) -> str:
        s, label = m.group(0), m.group(1)
        # keep the label where it stands, blank the brackets and the URL
        return " " + label + " " * (len(s) - len(label) - 1)

    out = _MD_IMAGE.sub(_blank, text)
    out = _MD_LINK.sub(link, out)
    out = _MD_REF_LINK.sub(lambda m: " " + m.group(1) + " " * (len(m.group(0)) - len(m.group(1)) - 1), out)
    out = _MD_RULE.sub(_blank, out)
    out = _MD_HEADING.sub(_blank, out)
    out = _MD_QUOTE.sub(_blank, out)
    out = _MD_HTML_TAG.sub(_blank, out)
    out = _MD_EMPHASIS.sub(_blank, out)
    return join_broken_paragraphs(out) if join else out


def join_broken_paragraphs(text: str) -> str:
    """Blank lines inside a sentence (from converted PDFs/HTML) become spaces.

    A run of newlines is removed when the text before it does not end a sentence and the text
    after it starts in lower case, so the parser sees one sentence.  Same length, same offsets.
    CRLF line ends count as newlines (the ``\r`` is blanked with them).
    """
    def fix(m: re.Match[str]) -> str:
        # look a bounded distance around the break: slicing the whole prefix is quadratic
        before = text[max(0, m.start() - 100):m.start()].rstrip()
        after = text[m.end():m.end() + 100].lstrip()
        if before and after and before[-1] not in _SENT_END and after[0].islower():
            return " " * len(m.group(0))
        return m.group(0)

    return _PARAGRAPH_GAP.sub(fix, text)


# The lookbehind starts a match only at the start of a blank run: without it a long run of
# spaces with no newline is rescanned from each of its positions (quadratic).
_PARAGRAPH_GAP = re.compile(r"(?<![ \t\r])[ \t\r]*\n(?:[ \t\r]*\n)+[ \t]*")


_HTML_DROP_OPEN = re.compile(r"<(script|style|noscript|template|head|svg)\b[^<>]*>", re.I)
_HTML_BLOCK = re.compile(r"</?(p|div|br|h[1-6]|li|ul|ol|tr|td|th|table|section|article|header|footer|"
                         r"blockquote|title|pre|hr|nav|aside|main|figure|figcaption)\b[^<>]*>", re.I)
# A tag starts with a letter, "/", "!" or "?" and ends before the next "<" (a stray "<" is text).
_HTML_TAG = re.compile(r"<[A-Za-z/!?][^<>]*>")
_HTML_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]{1,31});")


def mask_html(text: str, join: bool = True) -> str:
    """Tags, scripts and styles become spaces (block tags a newline); entities are decoded in place.

    >>> m = mask_html("<p>A&amp;B</p><script>x()</script>")
    >>> len(m), m.split()
    (34, ['A&', 'B'])
    """
    out = _blank_comments_and_scripts(text)
    out = _HTML_BLOCK.sub(lambda m: "\n" + " " * (len(m.group(0)) - 1), out)
    out = _HTML_TAG.sub(_blank, out)

    def entity(m: re.Match[str]) -> str:
        s = m.group(0)
        ch = html.unescape(s)
        if ch == s or len(ch) > len(s):
            return s
        return ch + " " * (len(s) - len(ch))

    out = _HTML_ENTITY.sub(entity, out)
    return join_broken_paragraphs(out) if join else out


def _blank_span(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def _blank_comments_and_scripts(text: str) -> str:
    """Comments and script/style/head/... elements become spaces, in one left-to-right pass.

    Like a browser, an unclosed comment or script runs to the end of the text; searching with
    ``str.find`` (not a lazy regex per opening tag) keeps hostile input linear.
    """
    low = text.lower()
    spans: list[tuple[int, int]] = []
    c = low.find("<!--")
    m = _HTML_DROP_OPEN.search(text)
    while c >= 0 or m is not None:
        if c >= 0 and (m is None or c < m.start()):
            end = low.find("-->", c + 4)
            end = len(text) if end < 0 else end + 3
            spans.append((c, end))
        else:
            close = low.find("</" + m.group(1).lower(), m.end())
            if close < 0:
                end = len(text)
            else:
                gt = low.find(">", close)
                end = len(text) if gt < 0 else gt + 1
            spans.append((m.start(), end))
        pos = spans[-1][1]
        # search again only past the element just blanked, so every character is scanned once
        if 0 <= c < pos:
            c = low.find("<!--", pos)
        if m is not None and m.start() < pos:
            m = _HTML_DROP_OPEN.search(text, pos)
    if not spans:
        return text
    chars = list(text)
    for a, b in spans:
        _blank_span(chars, a, b)
    return "".join(chars)


def mask(text: str, fmt: str, join: bool = True) -> str:
    """The NLP view of a document's text, of identical length.

    Plain ``.txt`` gets the Markdown masking too: scraped articles often are Markdown saved
    as text, and ``**``/``[..](..)`` would otherwise leak into names.
    """
    out = mask_html(text, join) if fmt == "html" else mask_markdown(text, join)
    # "The Guardian‘s Luke Harding": an opening quote typed for the apostrophe of a possessive
    return _MISTYPED_POSSESSIVE.sub("’s", out)


_MISTYPED_POSSESSIVE = re.compile(r"(?<=[A-Za-z])‘s(?![A-Za-z])")

# The English model reads typographic quotes worse than plain ones ("NASA’s Jet Propulsion
# Laboratory" loses the laboratory, "Sky News’s Sophy Ridge" the journalist), so the NLP view
# has plain ones, one character for one; evidence sentences get the file's back.
TYPOGRAPHIC_QUOTES = "‘’“”"
_PLAIN_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})


def plain_quotes(text: str) -> str:
    """The NLP view's quotes: plain ones in place of typographic ones.

    >>> print(plain_quotes("NASA’s “Jet Propulsion Laboratory”"))
    NASA's "Jet Propulsion Laboratory"
    """
    return text.translate(_PLAIN_QUOTES)


def typographic_quotes(parsed: str, original: str) -> str:
    """``parsed``, a piece of the NLP view, with the typographic quotes of ``original`` (the same
    piece of the file) put back.

    >>> typographic_quotes(plain_quotes("NASA’s lab"), "NASA’s lab")
    'NASA’s lab'
    """
    if not any(q in original for q in TYPOGRAPHIC_QUOTES):
        return parsed
    return "".join(o if p != o and o in TYPOGRAPHIC_QUOTES else p for p, o in zip(parsed, original))


# ---------------------------------------------------------------------------- language

# Languages told apart by their stop words (spaCy's lists, read without loading any pipeline).
STOPWORD_LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "pl", "tr", "id",
                      "ru", "uk", "ar", "fa")
_SCRIPT_LANGUAGE = {"arabic": "ar", "cyrillic": "ru", "cjk": "zh", "hebrew": "he", "greek": "el",
                    "devanagari": "hi", "hangul": "ko", "thai": "th"}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# letters outside the Latin blocks (_script's "latin"): few in English text, so findall is cheap
_NON_LATIN_LETTER = re.compile("[^\\W\\d_A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")
MIN_LANGUAGE_WORDS = 15  # below this, a Latin-script text is taken as English (too short to tell)


@functools.lru_cache(maxsize=None)
def _stop_words(lang: str) -> frozenset[str]:
    import spacy  # only to find its folder; the stop-word modules are plain word lists

    path = Path(spacy.__file__).parent / "lang" / lang / "stop_words.py"
    spec = importlib.util.spec_from_file_location(f"_newsgraph_stop_words_{lang}", path)
    if spec is None or spec.loader is None or not path.is_file():
        return frozenset()
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return frozenset(w.lower() for w in getattr(module, "STOP_WORDS", ()))


def _script(ch: str) -> str:
    o = ord(ch)
    if o < 0x250 or 0x1E00 <= o < 0x1F00:
        return "latin"
    for lo, hi, name in ((0x370, 0x400, "greek"), (0x400, 0x530, "cyrillic"), (0x590, 0x600, "hebrew"),
                         (0x600, 0x780, "arabic"), (0x900, 0x980, "devanagari"), (0xE00, 0xE80, "thai"),
                         (0x3040, 0x3100, "cjk"), (0x4E00, 0xA000, "cjk"), (0xAC00, 0xD7B0, "hangul"),
                         (0xFB50, 0xFF00, "arabic")):
        if lo <= o < hi:
            return name
    return "other"


def detect_language(text: str, sample: int = 5_000) -> str:
    """ISO 639-1 code of the text's language ("en" when unsure), from stop words and script.

    English news has 40-50 % stop words; a text is flagged only when another language's stop
    words clearly win, or when most letters are not Latin.  ``und`` means "not English, not known".

    >>> detect_language("The rebels said that they would not leave the city before the talks.")
    'en'
    >>> detect_language("Les rebelles ont dit qu'ils ne quitteraient pas la ville avant la fin des "
    ...                 "négociations avec le gouvernement de Damas.")
    'fr'
    """
    head = text[:sample]
    n_letters = sum(map(str.isalpha, head))
    if not n_letters:
        return "en"
    # Arabic articles in names ("al-Nusra") are not Spanish or French stop words here
    words = [w for w in map(str.lower, _WORD.findall(head)) if w not in ("al", "el")]
    counts = Counter(words)  # score distinct words once, not every occurrence

    def share(lang: str) -> float:
        stop = _stop_words(lang)
        return sum(counts[w] for w in counts.keys() & stop) / max(1, len(words))

    # a strict Latin majority is the main script; only other texts need the per-script count
    if 2 * len(_NON_LATIN_LETTER.findall(head)) < n_letters:
        if len(words) < MIN_LANGUAGE_WORDS:
            return "en"
        en = share("en")
        if en >= 0.25:  # decided whatever the other languages score (the rule below)
            return "en"
        scores = {lang: share(lang) for lang in STOPWORD_LANGUAGES}
        best = max(scores, key=scores.__getitem__)
        # unsure (no list fits: names, tables, noise) counts as English, like too short a text
        if best == "en" or en >= 0.75 * scores[best] or scores[best] < 0.12:
            return "en"
        return best
    scripts: dict[str, int] = {}
    for c in head:
        if c.isalpha():
            k = _script(c)
            scripts[k] = scripts.get(k, 0) + 1
    main_script = max(scripts, key=scripts.__getitem__)
    # mostly another script: stop words where spaCy has them, else the script's main language
    scores = {lang: share(lang) for lang in ("ru", "uk", "ar", "fa")}
    best = max(scores, key=scores.__getitem__)
    if scores[best] >= 0.1:
        return best
    return _SCRIPT_LANGUAGE.get(main_script, "und")


# ---------------------------------------------------------------------------- metadata

_BYLINE = re.compile(
    r"^\s*(?i:by)\s+(?P<author>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})"
    r"(?:\s+(?:on|for|at|in)\s+(?P<outlet>[A-Z][^\n]{1,80}?))?\s*$",
    re.S,
)


def find_title(masked: str) -> str | None:
    for line in masked.splitlines():
        line = " ".join(line.split())
        if line:
            return line[:300]
    return None


def find_byline(masked: str) -> tuple[str | None, str | None]:
    """Author and outlet from a "by NAME on OUTLET" byline near the top (blank lines allowed).

    >>> find_byline("Title\\n\\nby\\n\\nTony Cartalucci\\n\\non\\n\\nNew Eastern Outlook\\n\\nText.")
    ('Tony Cartalucci', 'New Eastern Outlook')
    """
    lines = [" ".join(l.split()) for l in masked[:2000].splitlines()]
    lines = [l for l in lines if l][:12]
    for i, line in enumerate(lines):
        if not re.match(r"(?i)^by\b", line):
            continue
        for j in range(i + 1, min(len(lines), i + 5) + 1):
            m = _BYLINE.match(" ".join(lines[i:j]))
            if m and m.group("outlet"):
                return m.group("author"), m.group("outlet").strip(" .")
        m = _BYLINE.match(line) or _BYLINE.match(" ".join(lines[i:i + 2]))
        return (m.group("author"), None) if m else (None, None)
    return None, None


_DATELINE = re.compile(
    r"^(?:(?:[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*|[A-Z][a-z]+(?: [A-Z][a-z]+)?)"  # BUDAPEST, Santa Fe
    r"(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?(?:,? [A-Z][a-z]{2,8}\.? \d{1,2})?"  # , N.M.  Feb 18
    r"|[A-Z][a-z]{2,8}\.? \d{1,2})"  # or a date alone
    r" ?\((?P<outlet>[A-Z][A-Za-z&. ]{0,30}[A-Za-z.])\)\s*[-—–]")


def find_dateline_outlet(masked: str) -> str | None:
    """The agency of a wire story's dateline near the top ("BUDAPEST, Feb 18 (Reuters) - ...").

    >>> find_dateline_outlet("Title\\n\\nBy Marton Dunai\\nBUDAPEST, Feb 18 (Reuters) - Viktor Orban called ...")
    'Reuters'
    """
    lines = [" ".join(l.split()) for l in masked[:3000].splitlines()]
    for line in [l for l in lines if l][1:12]:
        m = _DATELINE.match(line)
        if m:
            return m.group("outlet")
    return None


def count_words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _language_code(value: str | None) -> str | None:
    """"EN", "en-US", "en_GB" → "en" (a language given by a .jsonl record)."""
    code = re.split(r"[-_]", (value or "").strip().lower())[0]
    return code or None


def make_document(doc_id: str, path: str, text: str, fmt: str, encoding: str,
                  **meta: str | None) -> tuple[Document, str]:
    """A Document and its masked NLP text."""
    unjoined = mask(text, fmt, join=False)
    masked = plain_quotes(join_broken_paragraphs(unjoined))
    head = unjoined[:3000]  # line structure intact for title and byline
    title = meta.pop("title", None) or find_title(head)
    author, outlet = find_byline(head)
    doc = Document(
        id=doc_id,
        path=path,
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        title=title,
        outlet=meta.pop("outlet", None) or outlet or find_dateline_outlet(head),
        author=meta.pop("author", None) or author,
        date=meta.pop("date", None),
        url=meta.pop("url", None),
        format=fmt,
        encoding=encoding,
        language=_language_code(meta.pop("language", None)) or detect_language(masked),
        words=count_words(masked),
    )
    return doc, masked


# ---------------------------------------------------------------------------- walking

def _not_readable(path: Path) -> str:
    """Why a path that is neither a folder nor a regular file cannot be read (one short phrase)."""
    try:
        st = os.stat(path)
    except OSError as exc:
        if path.is_symlink():
            return "symlink loop" if exc.errno == 40 else "broken symlink"
        return f"cannot read ({exc.strerror or exc})"
    if stat.S_ISFIFO(st.st_mode):
        return "not a regular file (named pipe)"
    if stat.S_ISSOCK(st.st_mode):
        return "not a regular file (socket)"
    return "not a regular file (device or special file)"


def iter_paths(inputs: Iterable[str | os.PathLike[str]],
               exclude: Iterable[str | os.PathLike[str]] = ()) -> Iterator[Path | Skip]:
    """Files under the inputs in a stable order (folders recursively, sorted); Skips for bad paths.

    Folders in ``exclude`` (the build's output folder, when it lies inside an input) are not entered.
    """
    excluded: set[tuple[int, int]] = set()
    for e in exclude:
        try:
            st = os.stat(e)
            excluded.add((st.st_dev, st.st_ino))
        except OSError:
            pass
    for raw in inputs:
        p = Path(raw)
        if not p.exists() and not p.is_symlink():
            yield Skip(str(raw), "no such file or folder")
            continue
        if p.is_dir():
            seen: set[tuple[int, int]] = set(excluded)
            yield from _walk(p, seen)
        elif p.is_file():
            yield p
        else:
            yield Skip(str(raw), _not_readable(p))


def _walk(folder: Path, seen: set[tuple[int, int]]) -> Iterator[Path | Skip]:
    try:
        st = folder.stat()
    except OSError as exc:
        yield Skip(str(folder), f"cannot read folder ({exc.strerror or exc})")
        return
    if (st.st_dev, st.st_ino) in seen:
        if folder.is_symlink():
            yield Skip(str(folder), "symlink loop (folder already visited)")
        return  # else: the output folder, excluded on purpose
    seen.add((st.st_dev, st.st_ino))
    try:
        children = sorted(folder.iterdir(), key=lambda c: c.name)
    except OSError as exc:
        yield Skip(str(folder), f"cannot list folder ({exc.strerror or exc})")
        return
    for child in children:
        if child.name.startswith("."):
            continue
        try:
            if child.is_dir():
                yield from _walk(child, seen)
            elif child.is_file():
                if child.suffix.lower() in TEXT_SUFFIXES:
                    yield child
            elif child.is_symlink() or child.suffix.lower() in TEXT_SUFFIXES:
                # a dangling or looping link, or a pipe/device named like an article: say why
                yield Skip(str(child), _not_readable(child))
        except OSError as exc:
            yield Skip(str(child), f"cannot read ({exc.strerror or exc})")


def read_path(path: Path) -> Iterator[tuple[Document, str] | Skip]:
    """Documents (with masked text) from one file; a .jsonl file gives one per valid line."""
    fmt = TEXT_SUFFIXES.get(path.suffix.lower(), "txt")
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Skip(str(path), f"cannot read file ({exc.strerror or exc})")
        return
    if not data.strip():
        yield Skip(str(path), "empty file")
        return
    try:
        text, encoding = decode_bytes(data)
    except (ValueError, UnicodeDecodeError) as exc:
        if fmt == "jsonl" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            # one bad line (a NUL, invalid UTF-8) must not cost the file's other records
            yield from _read_jsonl_lines(path, data)
            return
        yield Skip(str(path), str(exc))
        return
    if not text.strip():
        yield Skip(str(path), "empty file (whitespace only)")
        return
    if fmt == "jsonl":
        yield from _read_jsonl(path, text)
        return
    yield make_document(path.stem, str(path), text, fmt, encoding)


def _read_jsonl_lines(path: Path, data: bytes) -> Iterator[tuple[Document, str] | Skip]:
    """A .jsonl file that is not valid text as a whole: decode (JSON's UTF-8) and read line by line."""
    for lineno, raw in enumerate(data.split(b"\n"), start=1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield Skip(f"{path}:{lineno}", f"invalid UTF-8 at byte {exc.start} of the line")
            continue
        yield from _read_jsonl(path, line, first_line=lineno)


def _read_jsonl(path: Path, text: str, first_line: int = 1) -> Iterator[tuple[Document, str] | Skip]:
    # split on "\n" only: str.splitlines() also splits on U+2028, \x1c ... which JSON strings may hold
    for lineno, line in enumerate(text.split("\n"), start=first_line):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Skip(where, f"malformed JSON ({exc.msg})")
            continue
        if not isinstance(row, dict):
            yield Skip(where, "a line must be a JSON object")
            continue
        doc_id, body = row.get("id"), row.get("text")
        if not isinstance(doc_id, (str, int)) or str(doc_id).strip() == "":
            yield Skip(where, 'missing "id"')
            continue
        if not isinstance(body, str) or not body.strip():
            yield Skip(where, 'missing or empty "text"')
            continue
        meta = {k: (str(row[k]) if row.get(k) is not None else None)
                for k in ("title", "outlet", "author", "date", "url", "language")}
        fmt = "html" if str(row.get("format", "")).lower() == "html" else "txt"
        yield make_document(str(doc_id), where, body, fmt, "utf-8", **meta)


def read_documents(inputs: Iterable[str | os.PathLike[str]],
                   exclude: Iterable[str | os.PathLike[str]] = ()) -> Iterator[tuple[Document, str] | Skip]:
    """All documents under ``inputs``, in a stable order, with Skips for what could not be read.

    Duplicate document ids keep the first occurrence; later ones are skipped with a reason.
    Ids are only ever data (JSON values, IRIs quoted by the writers), never parts of a path.
    """
    seen: dict[str, str] = {}
    for item in iter_paths(inputs, exclude):
        if isinstance(item, Skip):
            yield item
            continue
        for got in read_path(item):
            if isinstance(got, Skip):
                yield got
                continue
            doc, masked = got
            if doc.id in seen:
                yield Skip(doc.path, f"duplicate document id {doc.id!r} (first read from {seen[doc.id]})")
                continue
            seen[doc.id] = doc.path
            yield doc, masked
