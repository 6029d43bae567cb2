"""Train the language lens's shipped numbers: word scores and the sentence-bias classifier.

    /work/venv/bin/python benchmarks/language_train.py [--out src/newsprism/lenses/data/language]

Word scores: BABE biased_words (share of sentences holding a word where it was marked biased), PTC
Loaded_Language + Name_Calling spans and BASIL lexical spans (share of a word's occurrences inside a span);
the maximum of the three, smoothed, function words dropped. Classifier: logistic regression on MiniLM
sentence vectors plus five word-score features; the BABE part of those features is cross-fitted (each
sentence scored with word scores learned without it) so the classifier learns how much to trust them on
unseen text. Only learned numbers are written; no sentence of the data sets is.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from language_data import BabeRow, babe_word_scores, combine, external_word_scores, read_babe
from newsprism.lenses.language_model import feature_matrix

C = 1.0
SEED = 0
MIN_SHIPPED = 0.1


def embed_babe(rows: Sequence[BabeRow]) -> np.ndarray:
    """MiniLM vectors of BABE; NEWSPRISM_LANGUAGE_CACHE (a folder outside the repo) caches them."""
    import hashlib
    import os

    from newsprism.embed import OnnxEmbedder

    cache_dir = os.environ.get("NEWSPRISM_LANGUAGE_CACHE")
    key = hashlib.sha256("\n".join(r.text for r in rows).encode()).hexdigest()[:16]
    path = Path(cache_dir) / f"babe-{key}.npy" if cache_dir else None
    if path is not None and path.exists():
        cached: np.ndarray = np.load(path)
        return cached
    vectors = OnnxEmbedder().encode([r.text for r in rows])
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.save(path, vectors)
    return vectors


def cross_fitted_features(
    vectors: np.ndarray, rows: Sequence[BabeRow], external: dict[str, float], seed: int = SEED
) -> np.ndarray:
    """Features of ``rows`` where each row's BABE word scores were learned on the other folds only."""
    from sklearn.model_selection import StratifiedKFold

    y = np.array([r.biased for r in rows], dtype=int)
    out = np.zeros((len(rows), vectors.shape[1] + 5))
    for tr, te in StratifiedKFold(5, shuffle=True, random_state=seed + 1).split(vectors, y):
        scores = combine(babe_word_scores(rows[i] for i in tr), external)
        out[te] = feature_matrix(vectors[te], [rows[i].text for i in te], scores)
    return out


def fit(vectors: np.ndarray, rows: Sequence[BabeRow], external: dict[str, float]) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    x = cross_fitted_features(vectors, rows, external)
    y = np.array([r.biased for r in rows], dtype=int)
    clf = LogisticRegression(C=C, max_iter=5000).fit(x, y)
    return clf.coef_[0].astype(np.float64), float(clf.intercept_[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_out = Path(__file__).resolve().parents[1] / "src" / "newsprism" / "lenses" / "data" / "language"
    parser.add_argument("--out", type=Path, default=default_out)
    args = parser.parse_args()
    t0 = time.perf_counter()
    rows = read_babe()
    external = external_word_scores()
    scores = combine(babe_word_scores(rows), external)
    vectors = embed_babe(rows)
    coef, intercept = fit(vectors, rows, external)
    args.out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out / "sentence_bias.npz", coef=coef, intercept=np.float64(intercept))
    shipped = {w: round(s, 3) for w, s in sorted(scores.items()) if s >= MIN_SHIPPED}
    meta = {
        "about": "learned word scores of the newsprism language lens; see README.md in this folder",
        "scores": shipped,
    }
    (args.out / "word_scores.json").write_text(json.dumps(meta, indent=0, sort_keys=False) + "\n", "utf-8")
    print(f"{len(rows)} BABE sentences, {len(shipped)} word scores shipped, {time.perf_counter() - t0:.0f}s")


if __name__ == "__main__":
    main()
