"""Planted-passage reuse benchmark: real wire passages planted, with controlled edits, into real articles.

Built at run time from ../shared/data/polnear (nothing from the data is stored): donors are articles
that PolNeAR labels as wire copy (AP, AFP, UPI, Reuters), hosts are articles labelled not wire. For each
trial, 1-3 runs of 1-3 consecutive donor sentences are edited (a given share of their words swapped for
a word of the host, deleted, or preceded by an inserted adjective; quotes made curly or straight) and
inserted at paragraph breaks of the host, in shuffled order. Scoring is passage-level: a found passage
matches a planted one when their host-side character spans overlap with IoU >= 0.5 (one-to-one);
boundary error is the mean distance, in words, of matched passages' host-side ends from the truth.
Anything found that was not planted counts as a false positive, even real shared text. Missed plants
that are mostly quotation (>= 80% of words) are counted apart: the lens leaves shared quotes to the
quotes lens on purpose, since two outlets quoting one speech are not copying each other.

Baseline, same run: exact shared word runs of >= 8 words (difflib matching blocks on the same keys).

    python benchmarks/reuse_planted.py [--trials 150] [--seed 20261123] [--rates 0,0.05,0.1,0.2,0.3]
"""

from __future__ import annotations

import argparse
import csv
import difflib
import random
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from newsprism.lenses.reuse import ReuseSettings, TextIndex, shared_passages

ADJECTIVES = ["bitter", "so-called", "shocking", "radical", "disgraced", "embattled", "controversial",
              "failed", "corrupt", "fearless", "beleaguered", "hapless", "dangerous", "brave"]  # fmt: skip
SENT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’]))\s+(?=[\"“‘A-Z0-9])")

Span = tuple[int, int]
LABELS = ("ap", "afp", "upi", "reuters", "none")


@dataclass(frozen=True)
class Trial:
    donor: str
    host: str
    gold: list[tuple[Span, Span]]  # (donor chars, host chars)
    edited_words: int
    planted_words: int


DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def load(data: Path) -> tuple[list[str], list[str]]:
    root = data / "polnear"
    donors: list[str] = []
    hosts: list[str] = []
    with (root / "metadata.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            label = row["wire"].strip().lower()
            if row["compartment"] not in ("train", "dev") or label not in LABELS:
                continue
            path = root / row["compartment"] / "text" / f"{row['filename']}.txt"
            if not path.exists():
                continue
            text = path.read_text(encoding="utf-8")
            body = text.split("\n", 1)[1].strip() if "\n" in text else text
            (hosts if label == "none" else donors).append(body)
    return donors, hosts


def sentences(text: str) -> list[Span]:
    out, at = [], 0
    for para in re.finditer(r"[^\n]+", text):
        at = para.start()
        for piece in SENT.split(para.group()):
            start = text.index(piece, at)
            out.append((start, start + len(piece)))
            at = start + len(piece)
    return out


def edit(passage: str, rate: float, host_words: list[str], rng: random.Random) -> tuple[str, int]:
    """Edit ``round(rate * words)`` distinct words: swap (50%), delete (30%) or insert before (20%)."""
    words = passage.split(" ")
    n_edit = round(rate * len(words))
    picks = set(rng.sample(range(len(words)), n_edit)) if n_edit else set()
    out = []
    for i, w in enumerate(words):
        if i in picks:
            roll = rng.random()
            if roll < 0.5:
                out.append(rng.choice(host_words))
            elif roll < 0.8:
                continue
            else:
                out.extend([rng.choice(ADJECTIVES), w])
        else:
            out.append(w)
    text = " ".join(out)
    if rng.random() < 0.5:
        text = text.replace("“", '"').replace("”", '"').replace("’", "'")
    return text, n_edit


def make_trial(donor: str, host: str, rate: float, rng: random.Random) -> Trial | None:
    sents = sentences(donor)
    paras = [m.start() for m in re.finditer(r"\n\n", host)]
    host_words = [w for w in host.split() if w.isalpha() and len(w) > 3] or ["report"]
    if len(sents) < 4 or not paras:
        return None
    want = rng.randint(1, 3)
    runs: list[Span] = []
    taken: set[int] = set()
    for _ in range(want * 6):
        if len(runs) == want:
            break
        first = rng.randrange(len(sents))
        last = min(len(sents), first + rng.randint(1, 3))
        if any(i in taken for i in range(first - 2, last + 2)):
            continue
        span = (sents[first][0], sents[last - 1][1])
        if not 20 <= len(donor[span[0] : span[1]].split()) <= 120:
            continue
        runs.append(span)
        taken.update(range(first, last))
    if not runs:
        return None
    slots = sorted(rng.sample(paras, min(len(runs), len(paras))))
    rng.shuffle(runs)
    pieces, gold, at = [], [], 0
    edited = planted = 0
    for slot, run in zip(slots, runs, strict=False):
        new, n_edit = edit(donor[run[0] : run[1]], rate, host_words, rng)
        edited += n_edit
        planted += len(donor[run[0] : run[1]].split(" "))
        pieces.append(host[at:slot] + "\n\n")
        start = sum(len(p) for p in pieces)
        pieces.append(new)
        gold.append((run, (start, start + len(new))))
        at = slot
    pieces.append(host[at:])
    return Trial(donor, "".join(pieces), gold, edited, planted)


def ours(donor: str, host: str) -> list[tuple[Span, Span]]:
    return [(sp.chars_a, sp.chars_b) for sp in shared_passages([donor, host]) if sp.a == 0 and sp.b == 1]


def exact_runs(donor: str, host: str, min_words: int = 8) -> list[tuple[Span, Span]]:
    index = TextIndex(ReuseSettings())
    da, db = index.docs[index.add(donor)], index.docs[index.add(host)]
    sm = difflib.SequenceMatcher(None, da.keys, db.keys, autojunk=False)
    return [
        (da.span(m.a, m.a + m.size), db.span(m.b, m.b + m.size))
        for m in sm.get_matching_blocks()
        if m.size >= min_words
    ]


def iou(x: Span, y: Span) -> float:
    inter = max(0, min(x[1], y[1]) - max(x[0], y[0]))
    union = max(x[1], y[1]) - min(x[0], y[0])
    return inter / union if union else 0.0


def words_between(text: str, x: int, y: int) -> int:
    lo, hi = min(x, y), max(x, y)
    return len(text[lo:hi].split())


def quote_only(text: str) -> bool:
    """A planted passage that is mostly quotation (>= 80% of its words), which the lens leaves alone."""
    doc = TextIndex()._tokenise(text)
    return sum(doc.quoted) >= 0.8 * max(1, len(doc.quoted))


def evaluate(trials: list[Trial], find: Callable[[str, str], list[tuple[Span, Span]]]) -> dict[str, float]:
    tp = fp = fn = fn_quote = 0
    boundary: list[int] = []
    t0 = time.perf_counter()
    for t in trials:
        pred = find(t.donor, t.host)
        used: set[int] = set()
        for _g_donor, g_host in t.gold:
            best, best_iou = None, 0.5
            for k, (_p_donor, p_host) in enumerate(pred):
                if k not in used and iou(p_host, g_host) >= best_iou:
                    best, best_iou = k, iou(p_host, g_host)
            if best is None:
                fn += 1
                fn_quote += quote_only(t.host[g_host[0] : g_host[1]])
                continue
            used.add(best)
            tp += 1
            p_host = pred[best][1]
            boundary.append(words_between(t.host, p_host[0], g_host[0]))
            boundary.append(words_between(t.host, p_host[1], g_host[1]))
        fp += len(pred) - len(used)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": p, "R": r, "F1": f, "boundary": sum(boundary) / max(1, len(boundary)), "tp": tp, "fp": fp,
            "fn": fn, "fn_quote": fn_quote, "seconds": time.perf_counter() - t0}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--trials", type=int, default=150)
    ap.add_argument("--seed", type=int, default=20261123)
    ap.add_argument("--rates", default="0,0.05,0.1,0.2,0.3")
    args = ap.parse_args(argv)
    donors, hosts = load(args.data)
    if not donors or not hosts:
        print(f"no PolNeAR articles under {args.data}", file=sys.stderr)
        return 1
    print(
        f"PolNeAR train+dev: {len(donors)} wire donors, {len(hosts)} hosts; seed={args.seed}, "
        f"trials per rate={args.trials}; edited words: swap 50% / delete 30% / insert adjective 20%"
    )
    print(
        f"{'rate':>5} {'method':12} {'P':>6} {'R':>6} {'F1':>6} {'bound.':>7}  tp/fp/fn (quote-only fn)"
        f"  planted  edited  seconds"
    )
    for rate in (float(x) for x in args.rates.split(",")):
        rng = random.Random(f"{args.seed}:{rate}")
        trials: list[Trial] = []
        while len(trials) < args.trials:
            t = make_trial(rng.choice(donors), rng.choice(hosts), rate, rng)
            if t:
                trials.append(t)
        planted = sum(len(t.gold) for t in trials)
        share = sum(t.edited_words for t in trials) / max(1, sum(t.planted_words for t in trials))
        for name, find in (("newsprism", ours), ("exact-runs", exact_runs)):
            m = evaluate(trials, find)
            counts = f"{m['tp']}/{m['fp']}/{m['fn']} ({m['fn_quote']})"
            print(f"{rate:5.2f} {name:12} {m['P']:6.3f} {m['R']:6.3f} {m['F1']:6.3f} {m['boundary']:7.2f}  "
                  f"{counts:22} {planted:7d}  {share:6.3f}  {m['seconds']:7.1f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
