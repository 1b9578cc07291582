"""Name normalisation shared by the gazetteer matcher and entity resolution.

Two surface forms that differ only in case, diacritics, hyphens, Arabic articles (al-/el-/Al ),
a leading "the" or a possessive normalise to the same key:

>>> name_key("Jabhat Al Nusra") == name_key("jabhat al-Nusra") == name_key("Jabhat an-Nusra")
True
>>> name_key("the U.S.'s"), name_key("Erdoğan")
('us', 'erdogan')
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Articles dropped anywhere: al/el are never meaningful alone inside a name.
ALWAYS_ARTICLES = frozenset({"al", "el"})
# Assimilated Arabic articles, dropped only when hyphenated to the next word (an-Nusra, ash-Sham).
HYPHEN_ARTICLES = frozenset({"an", "as", "ash", "ad", "ar", "at", "az", "ath", "adh", "ud", "ul", "ez", "es", "ed"})
SKIP_PUNCT = frozenset({"-", "‐", "‑", "'", "’", "`", "´", "&"})  # ("&": "Fox & Friends" keys as "fox friends", as name_key has it)
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
# quotation marks as the tokenizer leaves them: a headline or a title stands between a pair
OPENING_QUOTES = frozenset('“"‘')
CLOSING_QUOTES = frozenset('”"’')

_APOS = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "‐": "-", "‑": "-", "–": "-", "—": "-"})


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower case without diacritics, typographic apostrophes and dashes unified, dots dropped.

    >>> fold("Hay’at Taḥrīr U.S.")
    "hay'at tahrir us"
    """
    text = unicodedata.normalize("NFKD", text.translate(_APOS))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace(".", "").lower()


def token_keys(tokens: list[str]) -> list[str | None]:
    """Per token: its folded key, ``""`` for a token to skip inside names, None for a barrier.

    Barriers (commas, brackets, sentence punctuation) stop a name; hyphens, apostrophes and
    Arabic articles are skipped so that spelling variants line up.
    """
    out: list[str | None] = []
    n = len(tokens)
    for i, tok in enumerate(tokens):
        t = tok.strip()
        raw = fold(t)
        f = raw.strip("'")
        if not t:
            out.append(None)
        elif t in SKIP_PUNCT or raw == "'s":
            out.append("")
        elif f in ALWAYS_ARTICLES and i + 1 < n:
            out.append("")
        elif f in HYPHEN_ARTICLES and i + 1 < n and tokens[i + 1] in ("-", "‐", "‑"):
            out.append("")
        elif not any(ch.isalnum() for ch in f):
            out.append(None)
        else:
            out.append(f.strip("'"))
    return out


_TOKEN_RE = re.compile(r"[\w.'’]+|[^\w\s]", re.U)


def simple_tokens(text: str) -> list[str]:
    """A tokenizer close enough to spaCy's for names (splits hyphens and possessives)."""
    toks: list[str] = []
    for t in _TOKEN_RE.findall(text):
        low = t.lower()
        if low.endswith(("'s", "’s")) and len(t) > 2:
            toks.extend([t[:-2], t[-2:]])
        elif t.endswith((".",)) and t.count(".") == 1 and len(t) > 1:
            toks.extend([t[:-1], "."]) if not re.fullmatch(r"(?:[A-Za-z]\.)+", t) else toks.append(t)
        else:
            toks.append(t)
    return toks


def key_tuple(text: str) -> tuple[str, ...]:
    """The normalised token tuple of a name (leading "the" and trailing possessive removed)."""
    keys = [k for k in token_keys(simple_tokens(text)) if k]
    while len(keys) > 1 and keys[0] == "the":
        keys = keys[1:]
    return tuple(keys)


@lru_cache(maxsize=200_000)
def name_key(text: str) -> str:
    """One string key per name; equal keys mean "the same name"."""
    return " ".join(key_tuple(text))


_SLUG_RE = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """ASCII id fragment from a name.

    >>> slugify("Nour al-Din al-Zenki")
    'nour-al-din-al-zenki'
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return _SLUG_RE.sub("-", text.replace("'", "").replace("’", "")).strip("-") or "x"


def clean_surface(text: str) -> str:
    """A mention's display name: whitespace collapsed, leading "the", quotes and possessive removed."""
    s = " ".join(text.split())
    s = s.strip(" \t\"'“”‘’*_[]()#:;,.")
    s = re.sub(r"(?:'s|’s|'|’)$", "", s)
    s = re.sub(r"^(?:the|The|THE)\s+", "", s)
    return s.strip(" \"'“”‘’*_[]()#:;,.-")
