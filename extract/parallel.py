"""Run extraction over many documents: in this process, or in worker processes forked from it.

Workers are forked after the pipeline is loaded and after the work list is set, so each starts
with the model and the texts in memory: no spaCy object and no input text is pickled.  Only the
extraction results travel back, without their Document (the parent already holds it), and the
parent re-attaches the original Document.  Order is preserved, so the output does not depend on
the number of processes.
"""
from __future__ import annotations

import gc
import multiprocessing as mp
from typing import Iterator

from newsgraph.records import DocExtraction, Document

# Set in the parent just before the fork; the children inherit them.
_WORKER_EXTRACTOR = None
_WORKER_ITEMS: list[tuple[Document, str]] = []
# Characters of text per task: small enough that two workers stay busy to the end (texts vary
# from 1 to 60 kB), large enough that spaCy batches several documents per call.
CHUNK_CHARS = 40_000


def chunks_by_size(items: list[tuple[Document, str]], chunk_chars: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """(start, end) index ranges of consecutive documents holding about ``chunk_chars`` characters each."""
    spans: list[tuple[int, int]] = []
    start, size = 0, 0
    for i, (_doc, masked) in enumerate(items):
        size += len(masked)
        if size >= chunk_chars:
            spans.append((start, i + 1))
            start, size = i + 1, 0
    if start < len(items):
        spans.append((start, len(items)))
    return spans


def _work(span: tuple[int, int]) -> list[DocExtraction]:
    out = []
    for ext in _WORKER_EXTRACTOR.extract_many(_WORKER_ITEMS[span[0]:span[1]]):
        ext.document = None  # the parent holds it; do not send the text back
        out.append(ext)
    return out


def extract_parallel(items: list[tuple[Document, str]], extractor, processes: int = 1, *,
                     scheduler=None, model: str | None = None) -> Iterator[DocExtraction]:
    """DocExtraction records in input order, extracted by ``processes`` forked workers, or on the
    dask.distributed cluster at ``scheduler`` (an address or a Client; ``model`` is the model name the
    workers load, None for the default — their pipeline fingerprint must match ``extractor``'s)."""
    if scheduler is not None:
        from newsgraph.extract.distributed import extract_dask, extractor_args_of
        yield from extract_dask(items, extractor_args_of(extractor, model), scheduler)
        return
    spans = chunks_by_size(items)
    if processes <= 1 or len(spans) < 2:
        yield from extractor.extract_many(items)
        return
    global _WORKER_EXTRACTOR, _WORKER_ITEMS
    _WORKER_EXTRACTOR, _WORKER_ITEMS = extractor, items
    # Objects that exist now are never collected in the children, so the copy-on-write pages of
    # the model are not touched by the garbage collector (less memory per worker).
    gc.freeze()
    try:
        ctx = mp.get_context("fork")
        with ctx.Pool(min(processes, len(spans))) as pool:
            for (start, _end), result in zip(spans, pool.imap(_work, spans)):
                for offset, ext in enumerate(result):
                    ext.document = items[start + offset][0]
                    yield ext
    finally:
        gc.unfreeze()
        _WORKER_EXTRACTOR, _WORKER_ITEMS = None, []
