"""Reuse speed: pairwise passage finding on stories of 10, 50 and 200 real articles.

A "mixed" story is built at run time from ../shared/data/polnear with a recorded seed: one fifth wire
articles (PolNeAR wire labels), two fifths reprints (a non-wire article with 2-4 paragraphs of one wire
article planted, 10% of their words edited), two fifths independent non-wire articles. The "reprints"
story is the worst case for pairs: one wire article (500-1,500 words) and 49 full reprints of it, 10% of
words edited in each. Timed: ``shared_passages`` (index + align, the pairwise reuse) and the whole
``ReuseLens`` call without claims (adds diffs, credits, shares), median of ``--repeat`` runs. Baseline,
same run: every sentence pair scored with ``rapidfuzz.process.cdist`` (C++, one core like ours), the
quadratic approach the issue rules out.

    python benchmarks/reuse_speed.py [--sizes 10,50,200] [--seed 20261123] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

from newsprism.lenses.reuse import ReuseLens, shared_passages
from newsprism.model import Article, Source, Story

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reuse_planted import DATA, edit, load, sentences


def build_story(donors: list[str], hosts: list[str], n: int, rng: random.Random) -> list[str]:
    n_wire = max(1, n // 5)
    n_reprint = (2 * n) // 5
    wires = rng.sample(donors, min(n_wire, len(donors)))
    texts = list(wires)
    for _ in range(n_reprint):
        wire = rng.choice(wires)
        paras = [p for p in wire.split("\n\n") if len(p.split()) >= 15]
        host = rng.choice(hosts).split("\n\n")
        for para in rng.sample(paras, min(len(paras), rng.randint(2, 4))):
            new, _ = edit(para, 0.1, [w for w in " ".join(host).split() if w.isalpha()] or ["x"], rng)
            host.insert(rng.randrange(len(host) + 1), new)
        texts.append("\n\n".join(host))
    texts.extend(rng.sample(hosts, n - len(texts)))
    return texts


def all_reprints(donors: list[str], hosts: list[str], n: int, rng: random.Random) -> list[str]:
    """Worst case for pairs: a wire story of 500-1,500 words and n - 1 full reprints, 10% of words edited."""
    wire = rng.choice([d for d in donors if 500 <= len(d.split()) <= 1500])
    words = [w for w in rng.choice(hosts).split() if w.isalpha()] or ["x"]
    paras = wire.split("\n\n")
    return [wire] + ["\n\n".join(edit(p, 0.1, words, rng)[0] for p in paras) for _ in range(n - 1)]


def cdist_baseline(texts: list[str]) -> float:
    from rapidfuzz import fuzz, process

    sents = [t[a:b] for t in texts for a, b in sentences(t)]
    t0 = time.perf_counter()
    process.cdist(sents, sents, scorer=fuzz.ratio, score_cutoff=70, workers=1, dtype="uint8")
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--sizes", default="10,50,200")
    ap.add_argument("--seed", type=int, default=20261123)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--baseline-max", type=int, default=200, help="largest story for the quadratic baseline")
    args = ap.parse_args(argv)
    donors, hosts = load(args.data)
    if not donors:
        print(f"no PolNeAR articles under {args.data}", file=sys.stderr)
        return 1
    lens = ReuseLens()
    shared_passages([donors[0], donors[1], hosts[0]])  # imports (datasketch, rapidfuzz) are not timed
    print(f"seed={args.seed}, median of {args.repeat} runs")
    cases = [(n, "mixed", build_story) for n in (int(x) for x in args.sizes.split(","))]
    cases.append((50, "reprints", all_reprints))
    print(
        f"{'articles':>8} {'story':>8} {'words':>7} {'sentences':>9} {'passages':>8} {'pairwise s':>10} "
        f"{'lens s':>7} {'cdist all-pairs s':>17}"
    )
    for n, kind, build in cases:
        texts = build(donors, hosts, n, random.Random(f"{args.seed}:{kind}:{n}"))
        words = sum(len(t.split()) for t in texts)
        n_sent = sum(len(sentences(t)) for t in texts)
        runs, lens_runs = [], []
        found = 0
        story = Story(tuple(Source(f"s{i}", Article(f"a{i}", t), ()) for i, t in enumerate(texts, 1)))
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            found = len(shared_passages(texts))
            runs.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            lens(story)
            lens_runs.append(time.perf_counter() - t0)
        base = f"{cdist_baseline(texts):17.2f}" if n <= args.baseline_max else f"{'-':>17}"
        print(
            f"{n:8d} {kind:>8} {words:7d} {n_sent:9d} {found:8d} {statistics.median(runs):10.3f} "
            f"{statistics.median(lens_runs):7.3f} {base}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
