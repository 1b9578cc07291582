"""Score a build against the development gold set in tests/gold/ (entities and relations).

An entity counts when one of its names matches a gold entity's name or alias (after
normalisation) and its type is right; matching is one-to-one per document.  A relation counts
when both ends match gold entities and (source, type, target) is in the gold — in either
direction for the symmetric FIGHTS and COOPERATES_WITH.  Negated gold relations are not scored.

    python tests/scoring.py                 # build the gold documents and print the tables
    python tests/scoring.py --json          # machine-readable
    python tests/scoring.py --gold DIR      # another gold set in the same format
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold"
SHARED = HERE.parent.parent / "shared" / "corpus"
SYMMETRIC = {"FIGHTS", "COOPERATES_WITH"}


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 3),
                "recall": round(self.recall, 3), "f1": round(self.f1, 3)}


@dataclass
class Scores:
    entities: dict[str, PRF] = field(default_factory=lambda: defaultdict(PRF))
    relations: dict[str, PRF] = field(default_factory=lambda: defaultdict(PRF))
    errors: list[str] = field(default_factory=list)
    # every system relation scored in a document: (doc, relation id, right?), for tests/calibrate.py
    judged: list[tuple[str, str, bool]] = field(default_factory=list)

    def total(self, table: dict[str, PRF]) -> PRF:
        t = PRF()
        for v in table.values():
            t.tp += v.tp
            t.fp += v.fp
            t.fn += v.fn
        return t


def gold_docs(folder: Path = GOLD) -> list[dict]:
    return [json.loads(p.read_text("utf-8")) for p in sorted(Path(folder).glob("*.json"))]


def gold_paths(docs: list[dict]) -> list[Path]:
    out = []
    for d in docs:
        folder = "seeds" if d["source"] == "seeds" else "ptc-all"
        out.append(SHARED / folder / f"{d['doc']}.txt")
    return out


def _keys(names) -> set[str]:
    from newsgraph.extract.normalize import name_key
    return {k for k in (name_key(n) for n in names) if k}


def match_entities(ents: list[dict], gd: dict):
    """One-to-one matching of the system entities mentioned in gold document ``gd`` to its gold
    entities, with the right type: same canonical name first, then any shared name.  Returns the
    system entities with their name keys, the gold entities with theirs, system id -> gold name,
    and the indexes of the gold entities matched."""
    doc = gd["doc"]
    system = []
    for e in ents:
        ms = [m for m in e["mentions"] if m["doc"] == doc]
        if ms:
            system.append((e, _keys([e["name"], *e["aliases"], *(m["text"] for m in ms)])))
    gold = [(g, _keys([g["name"], *g["aliases"]])) for g in gd["entities"]]
    sys_to_gold: dict[str, str] = {}
    used_gold: set[int] = set()
    for exact in (True, False):
        for e, ek in system:
            if e["id"] in sys_to_gold:
                continue
            for gi, (g, gk) in enumerate(gold):
                if gi in used_gold or g["type"] != e["type"]:
                    continue
                hit = _keys([e["name"]]) & _keys([g["name"]]) if exact else ek & gk
                if hit:
                    sys_to_gold[e["id"]] = g["name"]
                    used_gold.add(gi)
                    break
    return system, gold, sys_to_gold, used_gold


def score(build_dir: Path, docs: list[dict]) -> Scores:
    ents = [json.loads(l) for l in (build_dir / "entities.jsonl").read_text("utf-8").splitlines()]
    rels = [json.loads(l) for l in (build_dir / "relations.jsonl").read_text("utf-8").splitlines()]
    s = Scores()
    for gd in docs:
        doc = gd["doc"]
        system, gold, sys_to_gold, used_gold = match_entities(ents, gd)
        for e, ek in system:
            if e["id"] in sys_to_gold:
                s.entities[e["type"]].tp += 1
            else:
                s.entities[e["type"]].fp += 1
                s.errors.append(f"{doc}\tentity FP\t{e['type']}\t{e['name']}")
        for gi, (g, _gk) in enumerate(gold):
            if gi not in used_gold:
                s.entities[g["type"]].fn += 1
                s.errors.append(f"{doc}\tentity FN\t{g['type']}\t{g['name']}")
        # relations
        gold_rel = set()
        for r in gd["relations"]:
            if r.get("negated"):
                continue
            gold_rel.add((r["source"], r["type"], r["target"]))
        found = set()
        for r in rels:
            if not any(ev["doc"] == doc and not ev["negated"] for ev in r["evidence"]):
                continue
            a, b = sys_to_gold.get(r["source"]), sys_to_gold.get(r["target"])
            triple = (a, r["type"], b)
            if a and b and (triple in gold_rel or (r["type"] in SYMMETRIC and (b, r["type"], a) in gold_rel)):
                key = triple if triple in gold_rel else (b, r["type"], a)
                s.judged.append((doc, r["id"], True))
                if key not in found:
                    found.add(key)
                    s.relations[r["type"]].tp += 1
            else:
                s.relations[r["type"]].fp += 1
                s.judged.append((doc, r["id"], False))
                s.errors.append(f"{doc}\trelation FP\t{r['source']} {r['type']} {r['target']}")
        for g in sorted(gold_rel - found):
            s.relations[g[1]].fn += 1
            s.errors.append(f"{doc}\trelation FN\t{g[0]} {g[1]} {g[2]}")
    return s


def build_gold(out_dir: Path, extractor=None, folder: Path = GOLD) -> Path:
    from newsgraph.api import build
    docs = gold_docs(folder)
    build(gold_paths(docs), out_dir, extractor=extractor, store=False, html=False, progress=False)
    return out_dir


def table(title: str, t: dict[str, PRF], total: PRF) -> str:
    lines = [f"{title:<18} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for k in sorted(t):
        v = t[k]
        lines.append(f"{k:<18} {v.precision:6.3f} {v.recall:6.3f} {v.f1:6.3f} {v.tp:5d} {v.fp:5d} {v.fn:5d}")
    lines.append(f"{'ALL':<18} {total.precision:6.3f} {total.recall:6.3f} {total.f1:6.3f} {total.tp:5d} {total.fp:5d} {total.fn:5d}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=None, help="build folder (default: a temporary one)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--errors", action="store_true", help="list false positives and negatives")
    ap.add_argument("--gold", type=Path, default=GOLD,
                    help="folder of gold files in the format of tests/gold/README.md (default: tests/gold)")
    args = ap.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="newsgraph-gold-"))
    docs = gold_docs(args.gold)
    if not docs:
        print(f"no gold files (*.json) in {args.gold}", file=sys.stderr)
        return 2
    build_gold(out, folder=args.gold)
    s = score(out, docs)
    if args.json:
        print(json.dumps({"entities": {k: v.row() for k, v in sorted(s.entities.items())} | {"ALL": s.total(s.entities).row()},
                          "relations": {k: v.row() for k, v in sorted(s.relations.items())} | {"ALL": s.total(s.relations).row()}},
                         indent=2))
    else:
        print(f"gold documents: {len(docs)} ({args.gold})")
        print(table("entities", s.entities, s.total(s.entities)))
        print()
        print(table("relations", s.relations, s.total(s.relations)))
    if args.errors:
        print("\n".join(s.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
