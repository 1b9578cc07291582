"""Does the build slow spaCy down?  One process, the same texts, two ways:

  one      bare ``nlp.pipe`` over every text (what ``bench.py`` compares the build with)
  batches  ``nlp.pipe`` called batch by batch as the build calls it, with the extraction of each
           batch after it; spaCy's seconds and the extraction's are reported apart

    python benchmarks/spacy_in_build.py one
    python benchmarks/spacy_in_build.py batches --limit 100

Run the two one after the other on a quiet machine: the time of a shared machine drifts.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from newsgraph.extract.pipeline import BATCH_SIZE, Extractor
from newsgraph.extract.read import Skip, read_documents

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "ptc-all"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=["one", "batches"])
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="folder of articles (default: %(default)s)")
    ap.add_argument("--limit", type=int, default=None, help="use only the first N files (sorted by name)")
    args = ap.parse_args()
    files = sorted(str(p) for p in Path(args.corpus).glob("*.txt"))[: args.limit]
    items = [got for got in read_documents(files) if not isinstance(got, Skip)]
    ex = Extractor.load()
    spacy_seconds = extract_seconds = 0.0
    if args.mode == "one":
        t0 = time.perf_counter()
        for doc in ex.nlp.pipe([m for _, m in items], batch_size=BATCH_SIZE):
            len(doc)
        spacy_seconds = time.perf_counter() - t0
    else:
        kept = []  # the records stay, as in a build
        for i in range(0, len(items), BATCH_SIZE):
            batch = items[i:i + BATCH_SIZE]
            t0 = time.perf_counter()
            docs = list(ex.nlp.pipe((m for _, m in batch), batch_size=BATCH_SIZE))
            t1 = time.perf_counter()
            kept.extend(ex.finish(d, doc, masked=m) for (d, m), doc in zip(batch, docs))
            spacy_seconds += t1 - t0
            extract_seconds += time.perf_counter() - t1
    print(f"{args.mode}: {len(items)} texts, spaCy {spacy_seconds:.1f} s, extraction after the parse {extract_seconds:.1f} s")


if __name__ == "__main__":
    main()
