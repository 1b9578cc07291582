"""Read input files into Documents, and mask markup so the NLP text keeps the file's offsets.

Supported: ``.txt``, ``.md``/``.markdown``, ``.html``/``.htm``, ``.jsonl`` (one article a line).
Markup is never deleted but *masked* (replaced by spaces of the same length), so that every
offset found in the NLP text is also an offset into the original decoded text:

>>> t = "**Tony** on [New Eastern Outlook](#)"
>>> m = mask_markdown(t)
>>> len(m) == len(t), m[m.index("New"):m.index("New") + 19]
(True, 'New Eastern Outlook')

Bad input is reported as a ``Skip`` (one line: path and reason) and reading goes on.
"""
from __future__ import annotations

import hashlib
import html
import json
import os
import re
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


_MD_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_MD_LINK = re.compile(r"\[([^\]\n]*)\]\(([^)\n]*)\)")
_MD_REF_LINK = re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]")
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]", re.M)
_MD_QUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?", re.M)
_MD_EMPHASIS = re.compile(r"\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)|`+|~~")
_MD_HTML_TAG = re.compile(r"</?[A-Za-z][^>\n]*>")
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
    """
    def fix(m: re.Match[str]) -> str:
        before = text[: m.start()].rstrip()
        after = text[m.end():].lstrip()
        if before and after and before[-1] not in _SENT_END and after[0].islower():
            return " " * len(m.group(0))
        return m.group(0)

    return re.sub(r"[ \t]*\n(?:[ \t]*\n)+[ \t]*", fix, text)


_HTML_DROP = re.compile(r"<(script|style|noscript|template|head|svg)\b[^>]*>.*?</\1\s*>", re.S | re.I)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_HTML_BLOCK = re.compile(r"</?(p|div|br|h[1-6]|li|ul|ol|tr|td|th|table|section|article|header|footer|"
                         r"blockquote|title|pre|hr|nav|aside|main|figure|figcaption)\b[^>]*>", re.I)
_HTML_TAG = re.compile(r"<[^>]*>", re.S)
_HTML_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]{1,31});")


def mask_html(text: str, join: bool = True) -> str:
    """Tags, scripts and styles become spaces (block tags a newline); entities are decoded in place.

    >>> m = mask_html("<p>A&amp;B</p><script>x()</script>")
    >>> len(m), m.split()
    (34, ['A&', 'B'])
    """
    out = _HTML_COMMENT.sub(_blank, text)
    out = _HTML_DROP.sub(_blank, out)
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


def mask(text: str, fmt: str, join: bool = True) -> str:
    """The NLP view of a document's text, of identical length.

    Plain ``.txt`` gets the Markdown masking too: scraped articles often are Markdown saved
    as text, and ``**``/``[..](..)`` would otherwise leak into names.
    """
    if fmt == "html":
        return mask_html(text, join)
    return mask_markdown(text, join)


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


def count_words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def make_document(doc_id: str, path: str, text: str, fmt: str, encoding: str,
                  **meta: str | None) -> tuple[Document, str]:
    """A Document and its masked NLP text."""
    masked = mask(text, fmt)
    title = meta.pop("title", None) or find_title(masked)
    author, outlet = find_byline(mask(text[:3000], fmt, join=False))  # line structure intact
    doc = Document(
        id=doc_id,
        path=path,
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        title=title,
        outlet=meta.pop("outlet", None) or outlet,
        author=meta.pop("author", None) or author,
        date=meta.pop("date", None),
        url=meta.pop("url", None),
        format=fmt,
        encoding=encoding,
        words=count_words(masked),
    )
    return doc, masked


# ---------------------------------------------------------------------------- walking

def iter_paths(inputs: Iterable[str | os.PathLike[str]]) -> Iterator[Path | Skip]:
    """Files under the inputs in a stable order (folders recursively, sorted); Skips for bad paths."""
    for raw in inputs:
        p = Path(raw)
        if not p.exists() and not p.is_symlink():
            yield Skip(str(raw), "no such file or folder")
            continue
        if p.is_dir():
            seen: set[tuple[int, int]] = set()
            yield from _walk(p, seen)
        elif p.is_file():
            yield p
        else:
            yield Skip(str(raw), "not a regular file (broken symlink or special file)")


def _walk(folder: Path, seen: set[tuple[int, int]]) -> Iterator[Path | Skip]:
    try:
        st = folder.stat()
    except OSError as exc:
        yield Skip(str(folder), f"cannot read folder ({exc.strerror or exc})")
        return
    if (st.st_dev, st.st_ino) in seen:
        yield Skip(str(folder), "symlink loop (folder already visited)")
        return
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
            elif child.is_symlink():
                yield Skip(str(child), "broken symlink")
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
        yield Skip(str(path), str(exc))
        return
    if not text.strip():
        yield Skip(str(path), "empty file (whitespace only)")
        return
    if fmt == "jsonl":
        yield from _read_jsonl(path, text)
        return
    yield make_document(path.stem, str(path), text, fmt, encoding)


def _read_jsonl(path: Path, text: str) -> Iterator[tuple[Document, str] | Skip]:
    for lineno, line in enumerate(text.splitlines(), start=1):
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
                for k in ("title", "outlet", "author", "date", "url")}
        fmt = "html" if str(row.get("format", "")).lower() == "html" else "txt"
        yield make_document(str(doc_id), where, body, fmt, "utf-8", **meta)


def read_documents(inputs: Iterable[str | os.PathLike[str]]) -> Iterator[tuple[Document, str] | Skip]:
    """All documents under ``inputs``, in a stable order, with Skips for what could not be read.

    Duplicate document ids keep the first occurrence; later ones are skipped with a reason.
    """
    seen: dict[str, str] = {}
    for item in iter_paths(inputs):
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
