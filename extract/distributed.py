"""Extraction on a dask.distributed cluster, for corpora that one machine cannot parse in time.

Extraction is a pure function of the document and the pipeline (model, gazetteer, patterns), so
documents can be parsed anywhere: batches of (Document, masked text) go to the workers, each
worker loads the pipeline once and keeps it (keyed by model and gazetteer fingerprint), and the
records come back in input order, byte-for-byte what a local build extracts.

>>> exts = extract_dask(items, {"model": None, "gazetteer_files": ["mine.jsonl"]},
...                     "tcp://scheduler:8786")                                   # doctest: +SKIP

Workers need newsgraph and the same spaCy model installed; a worker whose pipeline fingerprint
differs from the client's (another model or spaCy version) fails the batch instead of silently
extracting something else.  Gazetteer files are read on the client and shipped as data, so the
workers need no shared file system.
"""
from __future__ import annotations

import threading
from collections import deque
from typing import Any, Iterable, Iterator

from newsgraph.records import DocExtraction, Document

# Characters of text per task: a few seconds of spaCy, so task overhead (~ms) is negligible and a
# lost worker costs little to redo.
BATCH_CHARS = 100_000

# Worker side: one Extractor per pipeline spec, loaded on first use and kept for the worker's life.
_EXTRACTORS: dict[str, Any] = {}
# Loading, and parsing with one spaCy pipeline, happen one at a time per worker process even when
# the worker runs several threads (threads_per_worker=1 is the recommended set-up anyway).
_LOAD_LOCK = threading.Lock()
_RUN_LOCKS: dict[str, threading.Lock] = {}


def pipeline_spec(extractor_args: dict[str, Any]) -> dict[str, Any]:
    """The data a worker needs to rebuild the client's pipeline: model name, gazetteer, fingerprint.

    ``extractor_args`` has ``model`` (None: the default model) and either ``gazetteer_files``
    (paths, read here on the client) or ``gazetteer`` (a Gazetteer object); ``fingerprint`` is the
    client's ``Extractor.fingerprint`` that every worker must reproduce (optional but recommended).
    """
    from newsgraph.extract.gazetteer import Gazetteer
    gazetteer = extractor_args.get("gazetteer")
    if gazetteer is None:
        gazetteer = Gazetteer.load(extractor_args.get("gazetteer_files") or ())
    model = extractor_args.get("model")
    return {"key": f"{model or ''}|{gazetteer.fingerprint()}", "model": model, "gazetteer": gazetteer,
            "fingerprint": extractor_args.get("fingerprint")}


def extractor_args_of(extractor, model: str | None = None) -> dict[str, Any]:
    """``extractor_args`` that rebuild ``extractor`` on the workers (its gazetteer is shipped as is)."""
    return {"model": model, "gazetteer": extractor.gazetteer, "fingerprint": extractor.fingerprint}


def _worker_extractor(spec: dict[str, Any]):
    key = spec["key"]
    with _LOAD_LOCK:
        ex = _EXTRACTORS.get(key)
        if ex is None:
            from newsgraph.extract.pipeline import Extractor, load_nlp
            ex = _EXTRACTORS[key] = Extractor(load_nlp(spec["model"]), spec["gazetteer"])
            _RUN_LOCKS[key] = threading.Lock()
    if spec.get("fingerprint") and ex.fingerprint != spec["fingerprint"]:
        raise RuntimeError(
            f"this worker's pipeline ({ex.nlp.meta.get('name')} {ex.nlp.meta.get('version')}, "
            f"fingerprint {ex.fingerprint}) differs from the client's ({spec['fingerprint']}): "
            f"install the same newsgraph, spaCy and model versions on every worker")
    return ex, _RUN_LOCKS[key]


def _extract_batch(spec: dict[str, Any], batch: list[tuple[Document, str]]) -> list[DocExtraction]:
    """Runs on a worker: the records of one batch, without their Document (the client has it)."""
    ex, lock = _worker_extractor(spec)
    out = []
    with lock:
        for ext in ex.extract_many(batch):
            ext.document = None
            out.append(ext)
    return out


def _batches(items: Iterable[tuple[Document, str]], batch_chars: int) -> Iterator[list[tuple[Document, str]]]:
    batch: list[tuple[Document, str]] = []
    size = 0
    for item in items:
        batch.append(item)
        size += len(item[1])
        if size >= batch_chars:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def extract_dask(items: Iterable[tuple[Document, str]], extractor_args: dict[str, Any], scheduler_address,
                 *, batch_chars: int = BATCH_CHARS, window: int | None = None) -> Iterator[DocExtraction]:
    """DocExtraction records of ``items`` in input order, extracted on the cluster at ``scheduler_address``.

    ``scheduler_address`` is an address (``tcp://host:8786``) or a ``distributed.Client``.  Items are
    read lazily and at most ``window`` batches are in flight (default: twice the cluster's threads),
    so memory stays flat however many documents stream through.
    """
    from distributed import Client

    it = iter(items)
    first = next(it, None)
    if first is None:
        return
    own = not isinstance(scheduler_address, Client)
    client = Client(scheduler_address) if own else scheduler_address
    try:
        spec = pipeline_spec(extractor_args)
        # The gazetteer travels once to every worker, not with every task.
        spec_future = client.scatter(spec, broadcast=True, hash=False)
        if window is None:
            window = max(4, 2 * sum(client.nthreads().values()))
        pending: deque = deque()

        def collect(batch, future) -> Iterator[DocExtraction]:
            for (document, _masked), ext in zip(batch, future.result()):
                ext.document = document  # the client's object: same text, same identity
                yield ext
            future.release()

        def all_items():
            yield first
            yield from it

        for batch in _batches(all_items(), batch_chars):
            pending.append((batch, client.submit(_extract_batch, spec_future, batch, pure=False, retries=1)))
            while len(pending) >= window:
                yield from collect(*pending.popleft())
        while pending:
            yield from collect(*pending.popleft())
    finally:
        if own:
            client.close()
