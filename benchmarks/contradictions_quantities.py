"""Quantity extraction: precision and recall on the team-written annotated sentences in tests/.

A predicted quantity matches a gold one when their spans overlap, the normalised unit is the same and
the value (or, for vague and range wordings, the annotated bounds) agree within 1%. Also reported: exact
span agreement and the approximate/exact flag on matched pairs. Baseline in the same run: every run of
digits with the word after it as the unit (what a plain regular expression finds). Usage:

    python benchmarks/contradictions_quantities.py [--data tests/lenses/data/quantities.jsonl] [--errors]
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from pathlib import Path
from typing import Any

from newsprism.lenses.quantities import Quantity, extract_quantities, singular

DEFAULT = Path(__file__).resolve().parents[1] / "tests" / "lenses" / "data" / "quantities.jsonl"


def load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _close(x: float, y: float, slack: float = 0.0) -> bool:
    """Within 1%, plus ``slack`` for bounds (an annotator writes 'nearly 40' as 36-40; the extractor
    also allows the half unit that rounding to a whole number hides)."""
    if math.isinf(x) or math.isinf(y):
        return x == y
    return abs(x - y) <= 0.01 * max(abs(x), abs(y), 1e-9) + slack


def matches(pred: Quantity, gold: dict[str, Any]) -> bool:
    if not (pred.start < gold["end"] and gold["start"] < pred.end) or pred.unit != gold["unit"]:
        return False
    if gold["value"] is not None and not _close(pred.value, float(gold["value"])):
        return False
    slack = 0.5 if gold["value"] is not None and float(gold["value"]) == int(float(gold["value"])) else 0.0
    if "low" in gold and gold["low"] is not None and not _close(pred.low, float(gold["low"]), slack):
        return False
    high = gold.get("high")
    return high is None or _close(pred.high, float(high), slack)


def baseline(text: str) -> list[Quantity]:
    """Digits plus the following word: no spelled numbers, scales, approximators or unit normalising."""
    out = []
    for m in re.finditer(r"(\d[\d,]*(?:\.\d+)?)\s*(%|[A-Za-z]+)?", text):
        digits = m.group(1).replace(",", "")
        value = float(digits) if digits.replace(".", "").isdigit() else 0.0
        word = (m.group(2) or "").lower()
        unit = "%" if word in ("%", "percent") else f"count:{singular(word)}" if word else "count"
        out.append(Quantity(m.start(), m.end(), m.group(), value, value, value, unit, "count", False))
    return out


def evaluate(rows: list[dict[str, Any]], extract: Any, errors: bool = False) -> dict[str, float]:
    tp = n_pred = n_gold = exact = approx_ok = 0
    for row in rows:
        preds = list(extract(row["text"]))
        gold = row["quantities"]
        n_pred += len(preds)
        n_gold += len(gold)
        used: set[int] = set()
        for g in gold:
            hit = next((i for i, p in enumerate(preds) if i not in used and matches(p, g)), None)
            if hit is None:
                if errors:
                    print(f"  MISS {g['text']!r} ({g['unit']}) in: {row['text']}")
                continue
            used.add(hit)
            tp += 1
            p = preds[hit]
            exact += (p.start, p.end) == (g["start"], g["end"])
            approx_ok += p.approx == g["approx"]
        if errors:
            for i, p in enumerate(preds):
                if i not in used:
                    print(f"  EXTRA {p.text!r} {p.unit} {p.value:g} in: {row['text']}")
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision, "recall": recall, "f1": f1, "gold": n_gold, "predicted": n_pred,
        "exact_span": exact / tp if tp else 0.0, "approx_flag": approx_ok / tp if tp else 0.0,
    }  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--errors", action="store_true")
    args = ap.parse_args(argv)
    rows = load(args.data)
    print(f"{len(rows)} sentences, {sum(len(r['quantities']) for r in rows)} annotated quantities")
    for name, fn in (("extractor", extract_quantities), ("baseline", baseline)):
        r = evaluate(rows, fn, errors=args.errors and name == "extractor")
        print(f"  {name:9s} P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f} "
              f"(predicted {r['predicted']:.0f}); exact span {r['exact_span']:.3f}; "
              f"approx flag {r['approx_flag']:.3f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
