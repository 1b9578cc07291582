"""Robustness run: the whole PTC corpus plus mutated copies through ``newsgraph build``.

Every article of ``../shared/corpus/ptc-all`` is used as is, and a sample is mutated into a
temporary folder (never into the repository): truncated at a random byte, bytes flipped,
re-encoded as cp1252 or UTF-16, wrapped in random Markdown/HTML noise, duplicated as .jsonl
records (some malformed), plus empty, binary and one 10 MB file.  The build must finish without
a crash, every input must be either read or skipped with a reason (documents + skipped ==
inputs), and every mention offset must be exact.  Prints a summary table.

    python benchmarks/robustness.py [--sample 120] [--seed 7] [-j 2] [--keep]
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PTC = Path(os.environ.get("NEWSGRAPH_SHARED", ROOT.parent / "shared")) / "corpus" / "ptc-all"

MD_NOISE = ["**", "_", "`", "# ", "> ", "[link](http://example.test/x)", "![img](x.png)", "\n\n---\n\n", "~~",
            "[ref][1]", "<b>", "</i>", "* ", "\n\n"]
HTML_NOISE = ["<p>", "</p>", "<div class='x'>", "</div>", "<br>", "<script>var Russia = 1;</script>",
              "<style>.Iran{}</style>", "<!-- Hezbollah -->", "&amp;", "&nbsp;", "&#8217;", "<b>", "</b>",
              "<a href='x'>", "</a>", "<"]


def mutate(rng: random.Random, src: Path, folder: Path, i: int) -> list[tuple[Path, str]]:
    """Mutated copies of one article: (path, kind)."""
    data = src.read_bytes()
    text = data.decode("utf-8", errors="replace")
    stem = f"m{i:03d}-{src.stem}"
    out: list[tuple[Path, str]] = []

    def put(name: str, payload: bytes, kind: str) -> None:
        p = folder / name
        p.write_bytes(payload)
        out.append((p, kind))

    put(f"{stem}-trunc.txt", data[:rng.randrange(0, len(data) + 1)], "truncated")
    flipped = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        k = rng.randrange(len(flipped))
        flipped[k] ^= 1 << rng.randrange(8)
    put(f"{stem}-flip.txt", bytes(flipped), "byte-flipped")
    put(f"{stem}-cp1252.txt", text.encode("cp1252", errors="replace"), "cp1252")
    put(f"{stem}-utf16.txt", text.encode("utf-16"), "utf-16")
    words = text.split(" ")
    md = " ".join(w + (rng.choice(MD_NOISE) if rng.random() < 0.08 else "") for w in words)
    put(f"{stem}-mdnoise.md", md.encode(), "markdown noise")
    html = " ".join((rng.choice(HTML_NOISE) if rng.random() < 0.08 else "") + w for w in words)
    put(f"{stem}-htmlnoise.html", f"<html><head><title>x</title></head><body>{html}".encode(), "html noise")
    return out


def make_inputs(folder: Path, sample: int, seed: int) -> tuple[list[Path], dict[str, str], int]:
    """All inputs; their kind by path; and how many documents/records they hold in all."""
    rng = random.Random(seed)
    articles = sorted(PTC.glob("*.txt"))
    kinds: dict[str, str] = {str(p): "original" for p in articles}
    for i, src in enumerate(rng.sample(articles, min(sample, len(articles)))):
        for p, kind in mutate(rng, src, folder, i):
            kinds[str(p)] = kind
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.md").write_bytes(b" \r\n \t\n")
    (folder / "binary.txt").write_bytes(bytes(rng.randrange(256) for _ in range(5000)))
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    for name, kind in (("empty.txt", "empty"), ("blank.md", "empty"), ("binary.txt", "binary"),
                       ("dangling.txt", "broken symlink")):
        kinds[str(folder / name)] = kind
    # a .jsonl of records: valid ones, malformed lines, a duplicate id, a path-like id
    lines = []
    for k, src in enumerate(rng.sample(articles, 10)):
        lines.append(json.dumps({"id": f"rec{k}", "text": src.read_text(errors="replace")}))
    lines += ["{broken", json.dumps({"id": "rec0", "text": "A duplicate."}), json.dumps({"id": "../../escape",
              "text": "Turkey backs the rebels in Afrin."}), json.dumps({"no": "id"})]
    (folder / "records.jsonl").write_text("\n".join(lines) + "\n")
    kinds[str(folder / "records.jsonl")] = "jsonl"
    # one 10 MB document: prose paragraphs between large scripts (masked to blanks)
    unit = "<script>" + "var a = 'Russia';\n" * 600 + "</script>\n<p>Turkey backs the Free Syrian Army in Afrin.</p>\n"
    (folder / "huge.html").write_text("<html><body>" + unit * (10_000_000 // len(unit) + 1))
    kinds[str(folder / "huge.html")] = "10 MB"
    n_units = len(kinds) - 1 + len(lines)  # the .jsonl file counts once per line
    return [Path(p) for p in kinds], kinds, n_units


def check_offsets(out: Path, texts: dict[str, str]) -> list[str]:
    failures = []
    for line in (out / "entities.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        for m in row["mentions"]:
            t = texts.get(m["doc"])
            if t is None or t[m["start"]:m["end"]] != m["text"]:
                failures.append(f"offset mismatch: {m}")
    return failures


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=120, help="articles to mutate (6 copies each)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("-j", "--processes", type=int, default=2)
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = ap.parse_args()
    if not PTC.is_dir():
        print(f"corpus not found: {PTC}", file=sys.stderr)
        return 2
    tmp = Path(tempfile.mkdtemp(prefix="newsgraph-robustness-"))
    try:
        mutated = tmp / "in"
        mutated.mkdir()
        paths, kinds, n_inputs = make_inputs(mutated, args.sample, args.seed)
        out = tmp / "out"
        t0 = time.time()
        proc = subprocess.run([sys.executable, "-m", "newsgraph.cli", "build", *map(str, paths), "--out", str(out),
                               "-j", str(args.processes), "--no-store", "--no-progress"],
                              capture_output=True, text=True)
        elapsed = time.time() - t0
        failures: list[str] = []
        if proc.returncode not in (0, 3):
            failures.append(f"build exit code {proc.returncode}")
        if "Traceback" in proc.stderr:
            failures.append("traceback on stderr:\n" + proc.stderr[-3000:])
        docs = [json.loads(line) for line in (out / "documents.jsonl").open()] if (out / "documents.jsonl").exists() else []
        skipped = [json.loads(line) for line in (out / "skipped.jsonl").open()] if (out / "skipped.jsonl").exists() else []
        if len(docs) + len(skipped) != n_inputs:
            failures.append(f"lost inputs: {n_inputs} tried, {len(docs)} read + {len(skipped)} skipped")
        if any(not s.get("reason") for s in skipped):
            failures.append("a skip without a reason")
        # texts as the reader decoded them, to check every offset against
        from newsgraph.extract.read import Skip, read_documents
        texts = {d.id: d.text for d, _m in (g for g in read_documents(paths) if not isinstance(g, Skip))}
        failures += check_offsets(out, texts) if docs else ["no documents.jsonl"]
        outside = [p for p in tmp.parent.glob("escape*")]
        if outside:
            failures.append(f"files written outside the build folder: {outside}")

        read_kinds = collections.Counter()
        for d in docs:
            p = d["path"].rsplit(":", 1)[0] if d["path"].endswith(tuple(f":{i}" for i in range(1, 100))) else d["path"]
            read_kinds[kinds.get(p, "jsonl")] += 1
        skip_reasons = collections.Counter(re.sub(r" \(.*|'[^']*'| at byte \d+.*", "", s["reason"]).strip()
                                           for s in skipped)
        langs = collections.Counter(d.get("language") for d in docs)
        print(f"\nrobustness run: {len(paths)} input paths, {n_inputs} inputs (files + .jsonl lines), "
              f"build {elapsed:.0f}s, exit code {proc.returncode}")
        print(f"{'inputs tried':<40}{n_inputs:>8}")
        print(f"{'read (documents.jsonl)':<40}{len(docs):>8}")
        print(f"{'skipped (skipped.jsonl)':<40}{len(skipped):>8}")
        for reason, n in skip_reasons.most_common():
            print(f"{'  skipped: ' + reason:<40}{n:>8}")
        for kind, n in sorted(read_kinds.items()):
            print(f"{'  read: ' + kind:<40}{n:>8}")
        for lang, n in sorted(langs.items(), key=lambda kv: str(kv[0])):
            print(f"{'  language ' + str(lang):<40}{n:>8}")
        mentions = sum(1 for _ in (out / "entities.jsonl").open()) if docs else 0
        print(f"{'entities':<40}{mentions:>8}")
        print(f"{'failures':<40}{len(failures):>8}")
        for f in failures[:20]:
            print("  FAIL", f)
        return 1 if failures else 0
    finally:
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
