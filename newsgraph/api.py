"""The library API behind the command line and the notebooks: one call per job.

>>> from newsgraph.api import build                                   # doctest: +SKIP
>>> result = build(["examples/"], "newsgraph-out")                    # doctest: +SKIP
>>> result.outputs["entities"]                                        # doctest: +SKIP
PosixPath('newsgraph-out/entities.jsonl')

Data flows one way: read → extract → resolve → assemble → store/export.

A build is safe to kill and to repeat: one build per output folder at a time (``build_lock``),
extractions are cached one file per document as they finish (the next run resumes from them),
and the output files are written to temporary files and renamed together at the end
(``graph.files.staged``), so an interrupted build leaves the previous outputs as they were.
The texts are read by a forked child while the model loads.  While this process writes the
JSONL files and GraphML, a forked child writes RDF and HTML and the embedded store loads in a
thread; the files are committed only once all of them succeeded.
"""
from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from newsgraph.extract.pipeline import Extractor
from newsgraph.extract.read import Skip, read_documents
from newsgraph.extract.resolve import resolve
from newsgraph.graph.assemble import to_networkx, write_graphml
from newsgraph.beside import ReadAhead, SideWriter, StoreLoad
from newsgraph.graph.files import remove_stale_temporaries, staged
from newsgraph.graph.jsonl import read_corpus, write_corpus, write_jsonl
from newsgraph.errors import NewsgraphError
from newsgraph.records import Corpus, DocExtraction, Document

log = logging.getLogger("newsgraph")

RDF_EXTENSIONS = {"turtle": "ttl", "nt": "nt", "ntriples": "nt", "json-ld": "jsonld", "xml": "rdf",
                  "trig": "trig", "nquads": "nq"}


class BuildLockedError(RuntimeError):
    """Another build is writing into the same folder."""


@dataclass
class BuildResult:
    corpus: Corpus
    out_dir: Path
    outputs: dict[str, Path] = field(default_factory=dict)
    skipped: list[Skip] = field(default_factory=list)
    cached: int = 0
    extracted: int = 0

    @property
    def not_english(self) -> list[Document]:
        """Documents read but not extracted because they are not in English (``language`` says which)."""
        return [d for d in self.corpus.documents if d.language not in (None, "en")]


@contextlib.contextmanager
def build_lock(out_dir: Path, wait: bool = False) -> Iterator[None]:
    """One build per output folder at a time; a second one fails clearly (or waits)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    lock_path = out_dir / ".newsgraph.lock"
    with open(lock_path, "a+") as f:
        try:
            fcntl.flock(f.fileno(), fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            raise BuildLockedError(f"another newsgraph build is writing into {out_dir} (lock {lock_path})") from None
        try:
            yield
        finally:
            fcntl.flock(f.fileno(), fcntl.LOCK_UN)


def extract_documents(items: Iterable[tuple[Document, str]], extractor: Extractor, *, processes: int = 1,
                      cache_dir: Path | None = None, on_done: Callable[[DocExtraction], None] | None = None,
                      stats: dict | None = None, scheduler=None, model: str | None = None) -> list[DocExtraction]:
    """Extraction records for every document, from the cache when the document and pipeline are unchanged."""
    from newsgraph.extract.cache import ExtractionCache
    from newsgraph.extract.parallel import extract_parallel

    cache = ExtractionCache(cache_dir, extractor.fingerprint) if cache_dir else None
    results: dict[str, DocExtraction] = {}
    todo: list[tuple[Document, str]] = []
    order: list[str] = []
    for document, masked in items:
        order.append(document.id)
        hit = cache.get(document) if cache else None
        if hit is not None:
            results[document.id] = hit
            if on_done:
                on_done(hit)
        else:
            todo.append((document, masked))
    if stats is not None:
        stats["cached"] = len(results)
        stats["extracted"] = len(todo)
    for ext in extract_parallel(todo, extractor, processes=processes, scheduler=scheduler, model=model):
        results[ext.document.id] = ext
        if cache:
            cache.put(ext)
        if on_done:
            on_done(ext)
    if cache:
        cache.prune(keep=set(order))
    return [results[i] for i in order]


def build(inputs: Iterable[str | os.PathLike[str]], out_dir: str | os.PathLike[str] = "newsgraph-out", *,
          model: str | None = None, gazetteer_files: Iterable[str] = (), processes: int = 1,
          rdf_format: str = "turtle", html: bool = True, store: bool = True, cache: bool = True,
          progress: bool | None = None, extractor: Extractor | None = None,
          on_skip: Callable[[Skip], None] | None = None, engine: str = "local",
          scheduler: str | None = None) -> BuildResult:
    """Build the graph of ``inputs`` into ``out_dir`` and return the resolved records and output paths.

    ``engine="dask"`` sends extraction to the dask.distributed scheduler at ``scheduler``
    (resolution and assembly stay here); the output is identical to a local build.
    """
    if engine not in ("local", "dask"):
        raise NewsgraphError(f"unknown engine {engine!r} (local or dask)")
    if engine == "dask" and not scheduler:
        raise NewsgraphError("--engine dask needs --scheduler ADDRESS (e.g. tcp://127.0.0.1:8786)")
    out = Path(out_dir)
    with build_lock(out):
        # what a killed (kill -9) earlier build left half-written; safe: we hold the lock
        remove_stale_temporaries(out)
        for folder in (out / ".cache").glob("*") if (out / ".cache").is_dir() else ():
            remove_stale_temporaries(folder)
        # the texts are read in a forked child while this process loads the model (two pure-Python
        # jobs of about a second each: in two threads they would take turns on the GIL)
        inputs = list(inputs)
        reading = ReadAhead(lambda: list(read_documents(inputs, exclude=[out]))) if extractor is None else None
        try:
            ex = extractor or Extractor.load(model, gazetteer_files)
        except BaseException:
            if reading:
                reading.stop()
            raise
        skipped: list[Skip] = []
        items: list[tuple[Document, str]] = []
        for got in reading.result() if reading else read_documents(inputs, exclude=[out]):
            if isinstance(got, Skip):
                skipped.append(got)
                if on_skip:
                    on_skip(got)
            else:
                items.append(got)
        bar = _progress(len(items), progress)
        stats: dict = {}
        exts = extract_documents(items, ex, processes=processes,
                                 cache_dir=(out / ".cache") if cache else None,
                                 on_done=(lambda _e: bar.update(1)) if bar else None, stats=stats,
                                 scheduler=scheduler if engine == "dask" else None, model=model)
        del items  # the texts are no longer needed: memory grows with the graph, not the corpus
        if bar:
            bar.close()
        corpus = resolve(exts, ex.gazetteer, [{"path": s.path, "reason": s.reason} for s in skipped])
        with staged():  # all files or none: the renames happen together at the end
            outputs = write_outputs(corpus, out, rdf_format=rdf_format, html=html, store=store)
        return BuildResult(corpus, out, outputs, skipped, stats.get("cached", 0), stats.get("extracted", 0))


def write_outputs(corpus: Corpus, out: Path, *, rdf_format: str = "turtle", html: bool = True,
                  store: bool = False) -> dict[str, Path]:
    """Every output of a build: the JSONL contract files, GraphML, RDF, HTML, skipped.jsonl and
    (``store``) the embedded store.  Inside ``staged()`` no file is committed unless all succeed,
    the store load included.

    RDF and HTML are written by a forked child process and the store loads in a thread while this
    process writes the JSONL files and GraphML: the writers are pure Python, and in one process
    they would take turns on the GIL.
    """
    from newsgraph.graph.html import write_html
    from newsgraph.graph.rdf import write_rdf

    graph = to_networkx(corpus)
    rdf_path = out / f"graph.{RDF_EXTENSIONS.get(rdf_format, 'ttl')}"
    side_jobs = [("rdf", lambda: write_rdf(corpus, rdf_path, fmt=rdf_format))]
    if html:
        side_jobs.append(("html", lambda: write_html(corpus, out / "graph.html", graph=graph)))
    side = SideWriter(side_jobs, out)  # forks before the store's thread exists
    loading = StoreLoad(corpus, out) if store else None
    try:
        outputs = write_corpus(corpus, out)
        outputs["graphml"] = write_graphml(graph, out / "graph.graphml")
        outputs.update(side.result())
        outputs["skipped"] = write_jsonl(out / "skipped.jsonl", corpus.skipped)
        if loading:
            outputs["store"] = loading.result()
    finally:
        side.stop()
        if loading:
            loading.stop()
    return outputs


def load_build(out_dir: str | os.PathLike[str] = "newsgraph-out") -> Corpus:
    """The records of an earlier build (for load, export, query and notebooks)."""
    return read_corpus(out_dir)


def _progress(total: int, enabled: bool | None):
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled or total == 0:
        return None
    from tqdm import tqdm
    tqdm.monitor_interval = 0  # no monitor thread: the output writers fork only a single-threaded process
    return tqdm(total=total, unit="doc", desc="extract", file=sys.stderr)
