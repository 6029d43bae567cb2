"""Reuse found between outlets that report one event independently (BASIL: Fox, NYT, HuffPost).

There is no reuse gold here: BASIL's three outlets usually write their own stories, but HuffPost and Fox
also run wire copy and all three quote the same statements, so every passage found is either real
shared text or a false positive. The number is an upper bound on false positives per event, next to the
exact-runs baseline (shared runs of >= 8 words) measured in the same run. ``--show N`` prints N passages
(seeded sample) to read.

    python benchmarks/reuse_basil.py [--show 0] [--seed 20261123]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

from newsprism.lenses.reuse import ReuseLens
from newsprism.model import Article, Reuse, Source, Story

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reuse_planted import DATA, exact_runs


def load(data: Path) -> dict[str, list[tuple[str, str]]]:
    events: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for path in sorted((data / "basil" / "articles").glob("*/*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        paras = []
        for para in doc["body-paragraphs"]:
            paras.append(" ".join(s if isinstance(s, str) else " ".join(s) for s in para))
        events[doc["triplet-uuid"]].append((doc["source"].lower(), "\n\n".join(paras)))
    return events


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--seed", type=int, default=20261123)
    args = ap.parse_args(argv)
    events = load(args.data)
    if not events:
        print(f"no BASIL articles under {args.data}", file=sys.stderr)
        return 1
    lens = ReuseLens()
    found: list[Reuse] = []
    shares: list[float] = []
    baseline = with_reuse = 0
    for _uuid, arts in sorted(events.items()):
        sources = (Source(f"{o}{i}", Article(f"{o}{i}", t, outlet=o), ()) for i, (o, t) in enumerate(arts))
        result = lens(Story(tuple(sources)))
        found.extend(result.reuse)
        with_reuse += bool(result.reuse)
        shares.extend(result.reused_share.values())
        texts = [t for _, t in arts]
        pairs = [(i, j) for i in range(len(texts)) for j in range(i + 1, len(texts))]
        baseline += sum(len(exact_runs(texts[i], texts[j])) for i, j in pairs)
    print(f"BASIL: {len(events)} events, {sum(len(a) for a in events.values())} articles")
    print(
        f"newsprism: {len(found)} passages, events with any: {with_reuse}, "
        f"mean reused share {sum(shares) / max(1, len(shares)):.3f}"
    )
    print(f"baseline exact runs >= 8 words: {baseline} passages")
    for r in random.Random(args.seed).sample(found, min(args.show, len(found))):
        a, b = r.passages
        print(f"\n{r.sources} {r.similarity}\n  {a.text[:200]!r}\n  {b.text[:200]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
