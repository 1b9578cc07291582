"""Run extraction over many documents: in this process, or in worker processes.

Workers are forked after the pipeline is loaded, so each starts with the model in memory
and no pickling of spaCy objects is needed; only the DocExtraction records travel back.
Order is preserved, so the output does not depend on the number of processes.
"""
from __future__ import annotations

import multiprocessing as mp
from typing import Iterable, Iterator

from newsgraph.records import DocExtraction, Document

_WORKER_EXTRACTOR = None
CHUNK = 8


def _work(chunk: list[tuple[Document, str]]) -> list[DocExtraction]:
    return list(_WORKER_EXTRACTOR.extract_many(chunk))


def extract_parallel(items: list[tuple[Document, str]], extractor, processes: int = 1) -> Iterator[DocExtraction]:
    if processes <= 1 or len(items) <= CHUNK:
        yield from extractor.extract_many(items)
        return
    global _WORKER_EXTRACTOR
    _WORKER_EXTRACTOR = extractor
    chunks = [items[i:i + CHUNK] for i in range(0, len(items), CHUNK)]
    ctx = mp.get_context("fork")
    with ctx.Pool(processes) as pool:
        for result in pool.imap(_work, chunks):
            yield from result
    _WORKER_EXTRACTOR = None
