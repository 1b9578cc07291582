"""Count how often each relation rule is right on the development gold, for measured confidences.

A relation's confidence is the precision of the rule that found it, as measured here, smoothed
toward the rule's own hand-set confidence (``extract/relations.py``, ``Lexicon.calibrated``).  This
script builds the gold documents, scores them (``scoring.py``) and writes, for every rule id, how
many of the relations it stated in a gold document were right or wrong:

    python tests/calibrate.py            # rewrite extract/data/rule_precision.jsonl
    python tests/calibrate.py --check    # exit 1 when the table no longer matches the rules

Re-run it after changing the rules or the gold; ``tests/test_quality.py`` fails while the table is
stale.  The counts are made with the hand-set confidences only, so they do not depend on the table.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import scoring

TABLE = scoring.HERE.parent / "extract" / "data" / "rule_precision.jsonl"


def rule_counts(build_dir: Path, scores: scoring.Scores) -> dict[str, tuple[int, int]]:
    """Rule id -> (right, wrong): each relation judged in a document counts once for every rule
    that stated it there (a relation found by two rules tells about both)."""
    rels = {}
    for line in (build_dir / "relations.jsonl").read_text("utf-8").splitlines():
        r = json.loads(line)
        rels[r["id"]] = r
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for doc, rid, right in scores.judged:
        for rule in sorted({ev["rule"] for ev in rels[rid]["evidence"] if ev["doc"] == doc and not ev["negated"]}):
            counts[rule][0 if right else 1] += 1
    return {rule: (c[0], c[1]) for rule, c in sorted(counts.items())}


def table_text(counts: dict[str, tuple[int, int]]) -> str:
    return "".join(json.dumps({"rule": rule, "right": right, "wrong": wrong}) + "\n"
                   for rule, (right, wrong) in sorted(counts.items()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="only compare with the committed table")
    args = ap.parse_args(argv)
    docs = scoring.gold_docs()
    out = scoring.build_gold(Path(tempfile.mkdtemp(prefix="newsgraph-calibrate-")))
    text = table_text(rule_counts(out, scoring.score(out, docs)))
    if args.check:
        stale = TABLE.read_text("utf-8") != text
        print(f"{TABLE} is {'stale: run python tests/calibrate.py' if stale else 'current'}")
        return 1 if stale else 0
    TABLE.write_text(text, "utf-8")
    print(f"wrote {TABLE}: {text.count(chr(10))} rules from {len(docs)} gold documents")
    return 0


if __name__ == "__main__":
    sys.exit(main())
