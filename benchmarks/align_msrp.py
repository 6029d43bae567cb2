"""Same-claim alignment on MSRP: newsprism's pair scorer vs a TF-IDF cosine baseline, in one run.

The question each MSRP pair asks -- do these two outlets' sentences state the same fact? -- is the decision
``newsprism.align`` makes for every cross-source sentence pair. Both methods are scored with stratified
k-fold cross-validation: the logistic-regression weights and every decision threshold are fitted on the
training folds only and applied to the held-out fold, so no number below is tuned on its own test data.
Thresholds are tuned for F1 (the acceptance metric; the shipped ``align.threshold`` is the F1-optimal cut)
and, in the same run, for accuracy. MSRP is 67% positive, so F1 alone flatters "always yes" (its F1 is
printed for reference) and accuracy is always reported next to it.

    python benchmarks/align_msrp.py                         # the full benchmark (about 2-3 minutes)
    python benchmarks/align_msrp.py --limit 1000            # a quicker subset
    python benchmarks/align_msrp.py --fit                   # also print weights to ship in scorer.py
    python benchmarks/align_msrp.py --speed                 # align() on 50 sources x 40 sentences

Data: ../shared/data/msrp/msr_paraphrase_train.txt (or --data / NEWSPRISM_SHARED_DATA).
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import hashlib
import itertools
import os
import pickle
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from newsprism.model import Claim, Source, Token

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = Path(os.environ.get("NEWSPRISM_SHARED_DATA", ROOT.parent / "shared" / "data"))


@dataclass(frozen=True)
class Pairs:
    labels: np.ndarray  # 1 = same claim (paraphrase)
    left: list[str]
    right: list[str]


def load_pairs(path: Path, limit: int | None = None) -> Pairs:
    """MSRP's tab-separated file; its sentences contain bare quote characters, hence QUOTE_NONE."""
    labels: list[int] = []
    left: list[str] = []
    right: list[str] = []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        for row in reader:
            if len(row) < 5:
                continue
            labels.append(int(row[0]))
            left.append(row[3].strip())
            right.append(row[4].strip())
    pairs = Pairs(np.array(labels, dtype=np.int64), left, right)
    if limit is not None and limit < len(labels):
        rng = np.random.default_rng(0)
        keep = np.sort(rng.choice(len(labels), size=limit, replace=False))
        pairs = Pairs(pairs.labels[keep], [left[i] for i in keep], [right[i] for i in keep])
    return pairs


def parse_and_embed(texts: list[str], cache: Path | None) -> tuple[list[tuple[Token, ...]], np.ndarray]:
    """Tokens and vectors of every text from the real segmenter and embedder (optionally cached, since the
    embedding is the slow part and the features can be reworked without it)."""
    from newsprism.embed import default_embedder
    from newsprism.model import Article
    from newsprism.segment import Segmenter
    from newsprism.settings import EmbedSettings

    key = hashlib.sha256("\n".join(texts).encode()).hexdigest()
    if cache is not None and cache.is_file():
        with cache.open("rb") as fh:
            stored = pickle.load(fh)
        if stored.get("key") == key:
            print(f"tokens and vectors from cache {cache}", file=sys.stderr)
            return stored["tokens"], stored["vectors"]
    t0 = time.perf_counter()
    sources = Segmenter().pipe([(Article(id=f"m{i}", text=t), f"m{i}") for i, t in enumerate(texts)])
    tokens = [src.tokens for src in sources]
    t1 = time.perf_counter()
    vectors = np.asarray(default_embedder(EmbedSettings()).encode(texts))
    t2 = time.perf_counter()
    print(f"parsed {len(texts)} sentences in {t1 - t0:.1f}s, embedded in {t2 - t1:.1f}s", file=sys.stderr)
    if cache is not None:
        with cache.open("wb") as fh:
            pickle.dump({"key": key, "tokens": tokens, "vectors": vectors}, fh)
    return tokens, vectors


def pair_features(pairs: Pairs, cache: Path | None = None) -> np.ndarray:
    """All features of every pair, in FEATURES order."""
    from newsprism.align.features import FeatureIndex, signature_from_tokens

    texts = pairs.left + pairs.right
    tokens, vectors = parse_and_embed(texts, cache)
    # An MSRP "sentence" is occasionally split in two by the segmenter; the whole text is the unit here.
    signatures = [signature_from_tokens(t) for t in tokens]
    n = len(pairs.left)
    index = FeatureIndex(signatures, np.asarray(vectors))
    return index.pairs(np.arange(n), np.arange(n, 2 * n))


def tfidf_cosine(train: Pairs, test: Pairs) -> tuple[np.ndarray, np.ndarray]:
    """The baseline: cosine of TF-IDF vectors (IDF fitted on the training folds' sentences)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(lowercase=True, sublinear_tf=True)
    vec.fit(train.left + train.right)

    def cos(p: Pairs) -> np.ndarray:
        a, b = vec.transform(p.left), vec.transform(p.right)  # rows are L2-normalised
        return np.asarray(a.multiply(b).sum(axis=1)).ravel()

    return cos(train), cos(test)


def best_threshold(scores: np.ndarray, labels: np.ndarray, criterion: str = "accuracy") -> float:
    """The cut (midpoint between adjacent scores) that maximises the criterion on these scores."""
    order = np.argsort(scores, kind="stable")
    s, y = scores[order], labels[order]
    pos = int(y.sum())
    n = len(y)
    # Cut after position k (k = 0..n): predictions are positive for s[k:].
    fn = np.concatenate([[0], np.cumsum(y)])  # positives below the cut
    tn = np.concatenate([[0], np.cumsum(1 - y)])
    tp = pos - fn
    fp = (n - pos) - tn
    if criterion == "f1":
        value = np.divide(2 * tp, 2 * tp + fp + fn, out=np.zeros(n + 1), where=(2 * tp + fp + fn) > 0)
    else:
        value = (tp + tn) / n
    # A cut is only real between distinct scores.
    valid = np.ones(n + 1, dtype=bool)
    valid[1:n] = s[1:] > s[:-1]
    k = int(np.argmax(np.where(valid, value, -1.0)))
    if k == 0:
        return float(s[0]) - 1e-6
    if k == n:
        return float(s[-1]) + 1e-6
    return float((s[k - 1] + s[k]) / 2)


def metrics(pred: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    tp = int(((pred == 1) & (labels == 1)).sum())
    fp = int(((pred == 1) & (labels == 0)).sum())
    fn = int(((pred == 0) & (labels == 1)).sum())
    acc = float((pred == labels).mean())
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return acc, f1


def fit_logistic(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=1.0, max_iter=2000)
    model.fit(x, y)
    return model.coef_.ravel().astype(np.float64), float(model.intercept_[0])


def logistic(x: np.ndarray, coef: np.ndarray, intercept: float) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-(x @ coef + intercept))), dtype=np.float64)


CRITERIA = ("f1", "accuracy")
OURS = "newsprism LR (MiniLM + lexical)"
BASELINE = "TF-IDF cosine"
Method = Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]


@dataclass
class Result:
    name: str
    pred: np.ndarray
    thresholds: list[float]
    fold_acc: list[float]
    fold_f1: list[float]


def cross_validate(
    pairs: Pairs, features: np.ndarray, folds: int, criterion: str, seed: int = 0
) -> dict[str, Result]:
    """Every method sees the same folds; weights and thresholds come from the training folds only."""
    from sklearn.model_selection import StratifiedKFold

    from newsprism.align.features import FEATURES

    y = pairs.labels
    lexical = [FEATURES.index(f) for f in FEATURES if f != "cosine"]
    names = [OURS, "lexical LR (no embeddings)", "MiniLM cosine", BASELINE]
    results = {n: Result(n, np.zeros_like(y), [], [], []) for n in names}
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    for train, test in splitter.split(features, y):
        scores: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        coef, b = fit_logistic(features[train], y[train])
        scores[names[0]] = (logistic(features[train], coef, b), logistic(features[test], coef, b))
        x_lex = features[:, lexical]
        coef, b = fit_logistic(x_lex[train], y[train])
        scores[names[1]] = (logistic(x_lex[train], coef, b), logistic(x_lex[test], coef, b))
        scores[names[2]] = (features[train, 0], features[test, 0])
        scores[names[3]] = tfidf_cosine(_subset(pairs, train), _subset(pairs, test))
        for name, (s_train, s_test) in scores.items():
            cut = best_threshold(s_train, y[train], criterion)
            pred = (s_test >= cut).astype(np.int64)
            r = results[name]
            r.pred[test] = pred
            r.thresholds.append(cut)
            acc, f1 = metrics(pred, y[test])
            r.fold_acc.append(acc)
            r.fold_f1.append(f1)
    return results


def _subset(pairs: Pairs, idx: np.ndarray) -> Pairs:
    return Pairs(pairs.labels[idx], [pairs.left[i] for i in idx], [pairs.right[i] for i in idx])


def final_fit(features: np.ndarray, labels: np.ndarray, criterion: str) -> None:
    """Weights and threshold fitted on every pair, printed in the form scorer.py ships them."""
    from newsprism.align.features import FEATURES

    lexical = [FEATURES.index(f) for f in FEATURES if f != "cosine"]
    for name, cols in (("FULL", list(range(len(FEATURES)))), ("LEXICAL", lexical)):
        coef, b = fit_logistic(features[:, cols], labels)
        cut = best_threshold(logistic(features[:, cols], coef, b), labels, criterion)
        print(f"{name}_WEIGHTS = (")
        for k, c in zip(cols, coef, strict=True):
            print(f"    {c:.4f},  # {FEATURES[k]}")
        print(")")
        print(f"{name}_INTERCEPT = {b:.4f}")
        print(f"{name}_THRESHOLD = {cut:.3f}")


def story_of(
    texts: list[str], tokens: list[tuple[Token, ...]], vectors: np.ndarray, n_sources: int
) -> list[Source]:
    """A synthetic story: MSRP sentences dealt round-robin into ``n_sources`` sources, so that the two
    sides of each pair land in different sources (a realistic mix of shared and unshared facts)."""
    from newsprism.model import Article, Sentence
    from newsprism.model import Source as SourceRecord

    out: list[Source] = []
    for s in range(n_sources):
        idx = list(range(s, len(texts), n_sources))
        text = " ".join(texts[i] for i in idx)
        sentences: list[Sentence] = []
        toks: list[Token] = []
        at = 0
        for j, i in enumerate(idx):
            first = len(toks)
            shift = first - (tokens[i][0].i if tokens[i] else 0)
            toks += [
                dataclasses.replace(
                    t, i=t.i + shift, head=t.head + shift, start=t.start + at, end=t.end + at, sent=j
                )
                for t in tokens[i]
            ]
            end = at + len(texts[i])
            sentences.append(Sentence(f"s{s + 1}", j, at, end, texts[i], tokens=(first, len(toks))))
            at += len(texts[i]) + 1
        article = Article(id=f"a{s + 1}", text=text)
        out.append(
            SourceRecord(f"s{s + 1}", article, tuple(sentences), tuple(toks), vectors=vectors[np.array(idx)])
        )
    return out


def naive_pair_seconds(sources: list[Source], sample: int = 20_000) -> float:
    """The baseline: the same features and scorer, one pair at a time in Python (seconds per pair)."""
    from newsprism.align.features import signature
    from newsprism.align.scorer import probability

    sigs = [(src, k, signature(src, sent)) for src in sources for k, sent in enumerate(src.sentences)]
    rng = np.random.default_rng(0)
    t0 = time.perf_counter()
    done = 0
    while done < sample:
        (sa, ka, a), (sb, kb, b) = (sigs[int(i)] for i in rng.integers(len(sigs), size=2))
        assert sa.vectors is not None and sb.vectors is not None
        cos = float(sa.vectors[ka] @ sb.vectors[kb])
        inter = len(a.lemmas & b.lemmas)
        ent = len(a.entities & b.entities)
        num = len(a.numbers & b.numbers)
        union = len(a.numbers | b.numbers)
        both = bool(a.numbers and b.numbers)
        match = num / union if both else 0.0
        f = np.array(
            [
                cos,
                2 * inter / max(1, len(a.lemmas) + len(b.lemmas)),
                inter / max(1, min(len(a.lemmas), len(b.lemmas))),
                2 * ent / max(1, len(a.entities) + len(b.entities)),
                float(bool(a.entities and b.entities) and ent == 0),
                match,
                (1.0 - match) if both else 0.0,
                min(a.words, b.words) / max(1, a.words, b.words),
            ]
        )
        probability(f)
        done += 1
    return (time.perf_counter() - t0) / sample


def speed(pairs: Pairs, cache: Path | None, n_sources: int = 50, per_source: int = 40) -> None:
    """align() on a 50-source x 40-sentence story vs scoring the same pairs one at a time."""
    from newsprism.align import align
    from newsprism.settings import AlignSettings

    n = n_sources * per_source
    half = n // 2
    texts = [t for k in range(half) for t in (pairs.left[k], pairs.right[k])]
    tokens, vectors = parse_and_embed(texts, cache)
    sources = story_of(texts, tokens, vectors, n_sources)
    runs = []
    for _ in range(3):
        t0 = time.perf_counter()
        claims = align(sources, AlignSettings())
        runs.append(time.perf_counter() - t0)
    cross = sum(len(a.sentences) * len(b.sentences) for i, a in enumerate(sources) for b in sources[i + 1 :])
    per_pair = naive_pair_seconds(sources)
    best = min(runs)
    print(f"\nalign() on {n_sources} sources x {per_source} sentences ({cross:,} cross-source pairs)")
    print(f"{'method':40s} {'seconds':>9s}")
    print(f"{'newsprism align() (best of 3)':40s} {best:9.2f}")
    print(f"{'one pair at a time (extrapolated)':40s} {per_pair * cross:9.2f}")
    groups = sum(1 for c in claims if len(c.sources) > 1)
    print(f"{len(claims)} claims, {groups} backed by more than one source")
    recall, precision = story_agreement(sources, claims, pairs.labels[:half], n_sources)
    print(
        f"story level: {recall:.3f} of the MSRP same-claim pairs end up in one claim; "
        f"{precision:.3f} of the sentence pairs sharing a claim are an MSRP same-claim pair (a lower bound: "
        f"MSRP holds several pairs per news event, so some other co-groupings are right too)"
    )
    date = datetime.now(UTC).date().isoformat()
    print(
        f"\n| align() speed, {n_sources} sources x {per_source} sentences | {best:.2f} s | "
        f"{per_pair * cross:.1f} s (pair-at-a-time, extrapolated) | "
        f"`python benchmarks/align_msrp.py --speed` | {date} |"
    )


def story_agreement(
    sources: list[Source], claims: Sequence[Claim], labels: np.ndarray, n_sources: int
) -> tuple[float, float]:
    """Whole-story check of matching + grouping against the MSRP labels of the pairs dealt into it."""
    where = {
        (src.id, sent.start): s + n_sources * j
        for s, src in enumerate(sources)
        for j, sent in enumerate(src.sentences)
    }
    together = 0
    right = 0
    for claim in claims:
        members = sorted(where[(p.source, p.start)] for p in claim.sentences)
        for a, b in itertools.combinations(members, 2):
            together += 1
            right += int(a // 2 == b // 2 and labels[a // 2] == 1)
    positives = int(labels.sum())
    return right / max(positives, 1), right / max(together, 1)


def report(
    results: dict[str, Result], y: np.ndarray, folds: int, criterion: str
) -> tuple[tuple[float, float], tuple[float, float]]:
    """Print one criterion's table; return (accuracy, F1) of the chosen method and of the baseline."""
    all_yes = metrics(np.ones_like(y), y)
    print(
        f"\nMSRP train, {len(y)} pairs ({int(y.sum())} same-claim), {folds}-fold CV, "
        f"thresholds tuned for {criterion} on the training folds"
    )
    print(f"{'method':34s} {'accuracy':>9s} {'F1':>7s} {'fold F1 sd':>10s} {'threshold (mean)':>17s}")
    rows = {}
    for r in results.values():
        acc, f1 = metrics(r.pred, y)
        rows[r.name] = (acc, f1)
        print(f"{r.name:34s} {acc:9.4f} {f1:7.4f} {np.std(r.fold_f1):10.4f} {np.mean(r.thresholds):17.3f}")
    print(f"{'(always yes)':34s} {all_yes[0]:9.4f} {all_yes[1]:7.4f}")
    ours, base = rows[OURS], rows[BASELINE]
    verdict = "beats" if ours[1] > base[1] else "does NOT beat"
    print(f"newsprism {verdict} the TF-IDF baseline on F1 ({ours[1]:.4f} vs {base[1]:.4f})")
    return ours, base


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA / "msrp" / "msr_paraphrase_train.txt")
    parser.add_argument("--limit", type=int, default=None, help="score a random subset of this many pairs")
    parser.add_argument("--folds", type=int, default=10)
    parser.add_argument("--criterion", choices=CRITERIA, default="f1", help="what thresholds are tuned for")
    parser.add_argument("--fit", action="store_true", help="print weights fitted on all pairs")
    parser.add_argument("--cache", type=Path, default=None, help="pickle of tokens + vectors to reuse")
    parser.add_argument("--speed", action="store_true", help="time align() on 50 sources x 40 sentences")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"MSRP not found at {args.data}; pass --data or set NEWSPRISM_SHARED_DATA", file=sys.stderr)
        return 2
    pairs = load_pairs(args.data, args.limit)
    if args.speed:
        speed(pairs, args.cache)
        return 0
    t0 = time.perf_counter()
    features = pair_features(pairs, args.cache)
    elapsed = time.perf_counter() - t0
    y = pairs.labels
    date = datetime.now(UTC).date().isoformat()
    cmd = "python benchmarks/align_msrp.py" + (f" --limit {args.limit}" if args.limit else "")
    rows = []
    # The chosen criterion first; the other one in the same run, for comparison.
    for criterion in (args.criterion, *(c for c in CRITERIA if c != args.criterion)):
        results = cross_validate(pairs, features, args.folds, criterion)
        ours, base = report(results, y, args.folds, criterion)
        rows.append(
            f"| same-claim accuracy / F1, MSRP train ({len(y)} pairs, {args.folds}-fold CV, thresholds "
            f"tuned for {criterion}) | {ours[0]:.3f} / {ours[1]:.3f} | {base[0]:.3f} / {base[1]:.3f} | "
            f"`{cmd}` | {date} |"
        )
    print(f"\nfeatures of {len(y)} pairs (parse + embed + score) in {elapsed:.1f}s")
    print("\n| metric | newsprism | TF-IDF cosine baseline | command | date |")
    print("|---|---|---|---|---|")
    print("\n".join(rows))
    if args.fit:
        print()
        final_fit(features, y, args.criterion)
    return 0


if __name__ == "__main__":
    sys.exit(main())
