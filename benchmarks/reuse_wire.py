"""Wire-credit detection on PolNeAR (metadata.tsv ``wire``): per-agency and overall P/R/F1.

Baseline, measured in the same run: "the agency's name appears anywhere in the text".
Articles whose label is NA or empty (unlabelled) are left out. Usage:

    python benchmarks/reuse_wire.py [--data ../shared/data] [--split all|train|dev+test]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from newsprism.lenses.wire import wire_agencies

LABELS = {"ap": "AP", "afp": "AFP", "upi": "UPI", "reuters": "Reuters", "none": ""}
EVALUATED = ("AP", "AFP", "UPI", "Reuters")
NAME_ANYWHERE = {
    "AP": re.compile(r"\bAP\b|Associated Press"),
    "AFP": re.compile(r"\bAFP\b|Agence France[- ]Presse"),
    "UPI": re.compile(r"\bUPI\b|United Press International"),
    "Reuters": re.compile(r"Reuters"),
}

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def load(data: Path, split: str) -> list[tuple[str, str, str]]:
    """(name, gold agency or "", text) for every labelled article of the split."""
    root = data / "polnear"
    out = []
    with (root / "metadata.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            label = row["wire"].strip().lower()
            if label not in LABELS:
                continue
            comp = row["compartment"]
            if split == "train" and comp != "train":
                continue
            if split == "dev+test" and comp not in ("dev", "test"):
                continue
            path = root / comp / "text" / f"{row['filename']}.txt"
            if path.exists():
                out.append((row["filename"], LABELS[label], path.read_text(encoding="utf-8")))
    return out


def baseline(text: str) -> tuple[str, ...]:
    return tuple(a for a, p in NAME_ANYWHERE.items() if p.search(text))


Counts = dict[str, tuple[int, int, int]]


def score(items: list[tuple[str, str, str]], predict: Callable[[str], tuple[str, ...]]) -> Counts:
    """Per agency (tp, fp, fn) over articles; a prediction of an agency outside EVALUATED is ignored."""
    counts = {a: [0, 0, 0] for a in EVALUATED}
    for _name, gold, text in items:
        pred = {a for a in predict(text) if a in EVALUATED}
        for a in EVALUATED:
            if a in pred and a == gold:
                counts[a][0] += 1
            elif a in pred:
                counts[a][1] += 1
            elif a == gold:
                counts[a][2] += 1
    return {a: (c[0], c[1], c[2]) for a, c in counts.items()}


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def table(title: str, counts: Counts) -> dict[str, float]:
    print(f"\n{title}")
    print(f"{'agency':8} {'P':>6} {'R':>6} {'F1':>6}   tp  fp  fn")
    tot = [0, 0, 0]
    for a, (tp, fp, fn) in counts.items():
        p, r, f = prf(tp, fp, fn)
        tot = [tot[0] + tp, tot[1] + fp, tot[2] + fn]
        print(f"{a:8} {p:6.3f} {r:6.3f} {f:6.3f}  {tp:3d} {fp:3d} {fn:3d}")
    p, r, f = prf(*tot)
    print(f"{'overall':8} {p:6.3f} {r:6.3f} {f:6.3f}  {tot[0]:3d} {tot[1]:3d} {tot[2]:3d}  (micro)")
    return {"precision": p, "recall": r, "f1": f}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--split", default="all", choices=["all", "train", "dev+test"])
    ap.add_argument("--errors", action="store_true", help="print the articles the detector gets wrong")
    args = ap.parse_args(argv)
    items = load(args.data, args.split)
    if not items:
        print(f"no PolNeAR articles under {args.data}", file=sys.stderr)
        return 1
    n_wire = sum(1 for _, g, _ in items if g)
    print(f"PolNeAR split={args.split}: {len(items)} labelled articles, {n_wire} wire")
    t0 = time.perf_counter()
    ours = score(items, wire_agencies)
    dt = time.perf_counter() - t0
    table("newsprism wire_agencies", ours)
    table("baseline: agency name anywhere", score(items, baseline))
    print(f"\ndetector time: {dt:.2f} s for {len(items)} articles")
    if args.errors:
        for name, gold, text in items:
            pred = tuple(a for a in wire_agencies(text) if a in EVALUATED)
            if set(pred) != ({gold} if gold else set()):
                print(f"  {name}: gold={gold or '-'} pred={pred}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
