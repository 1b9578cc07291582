"""The extraction cache: one file per document, keyed by its content and the pipeline's fingerprint.

A document whose text, metadata, model, gazetteer and patterns are unchanged is never parsed
again, so adding one article to a large corpus re-extracts only that article.  Changing the
gazetteer or the patterns changes the fingerprint and invalidates every entry; so does a change
to the extraction code itself (its source files are part of the fingerprint), so that a rerun
after an upgrade equals a clean build.  Entries are written atomically: a killed build leaves
whole entries, and the next run resumes from them.
"""
from __future__ import annotations

import functools
import hashlib
import importlib.util
import pickle
from pathlib import Path

from newsgraph.graph.files import atomic_path
from newsgraph.records import DocExtraction, Document


# Modules whose code decides what an extraction holds (read: masking and language).
CODE_MODULES = ("newsgraph.extract.read", "newsgraph.extract.normalize", "newsgraph.extract.gazetteer",
                "newsgraph.extract.mentions", "newsgraph.extract.relations", "newsgraph.extract.pipeline",
                "newsgraph.records")


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the extraction code, so that editing it invalidates the cache."""
    h = hashlib.sha256()
    for name in CODE_MODULES:
        spec = importlib.util.find_spec(name)
        try:
            h.update(Path(spec.origin).read_bytes())  # type: ignore[union-attr, arg-type]
        except (AttributeError, TypeError, OSError):
            h.update(name.encode())  # no source at hand (zipped install): the version decides
    return h.hexdigest()[:16]


class ExtractionCache:
    def __init__(self, folder: Path, fingerprint: str) -> None:
        fingerprint = hashlib.sha256(f"{fingerprint}|{code_fingerprint()}".encode()).hexdigest()[:16]
        self.folder = Path(folder) / fingerprint
        self.fingerprint = fingerprint
        self.used: set[str] = set()

    def key(self, document: Document) -> str:
        raw = "\x1f".join([self.fingerprint, document.id, document.sha256, document.path, document.format,
                           document.title or "", document.outlet or "", document.author or "",
                           document.date or "", document.url or "", document.encoding,
                           document.language or ""])
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()

    def get(self, document: Document) -> DocExtraction | None:
        k = self.key(document)
        path = self.folder / f"{k}.pkl"
        try:
            with open(path, "rb") as f:
                ext = pickle.load(f)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError):
            return None
        if not isinstance(ext, DocExtraction) or ext.document.sha256 != document.sha256:
            return None
        self.used.add(k)
        ext.document = document  # the cached record shares the current text object
        return ext

    def put(self, ext: DocExtraction) -> None:
        k = self.key(ext.document)
        self.used.add(k)
        self.folder.mkdir(parents=True, exist_ok=True)
        text = ext.document.text
        try:
            ext.document.text = ""  # the text lives in the input file; keep the cache small
            with atomic_path(self.folder / f"{k}.pkl") as tmp:
                with open(tmp, "wb") as f:
                    pickle.dump(ext, f, protocol=pickle.HIGHEST_PROTOCOL)
        finally:
            ext.document.text = text

    def prune(self, keep: set[str] | None = None) -> None:
        """Drop entries of other fingerprints and of documents no longer in the corpus."""
        parent = self.folder.parent
        if parent.is_dir():
            for other in parent.iterdir():
                if other.is_dir() and other.name != self.fingerprint:
                    for f in other.glob("*.pkl"):
                        f.unlink(missing_ok=True)
                    try:
                        other.rmdir()
                    except OSError:
                        pass
        if self.folder.is_dir():
            for f in self.folder.glob("*.pkl"):
                if f.stem not in self.used:
                    f.unlink(missing_ok=True)
