"""The "same fact?" probability of a sentence pair: logistic regression over the features in features.py.

Provenance: the coefficients below were learned by ``python benchmarks/align_msrp.py --fit`` on the
4,076 sentence pairs of the MSRP training file (Microsoft Research Paraphrase Corpus, Dolan & Brockett
2005; sentence pairs from different news outlets labelled paraphrase / not). Only the learned numbers ship
here, none of the data. The default decision threshold (``AlignSettings.threshold``) is the F1-optimal
cut on the same pairs (a missed match wrongly reports a shared fact as one outlet's own, so recall
matters); docs/benchmarks.md has the cross-validated accuracy and F1 and the baseline.

Two weight sets ship: the full one uses the MiniLM cosine; the lexical one is the fallback when sources
carry no vectors (an embedder that returned nothing), so alignment degrades instead of failing.
"""

from __future__ import annotations

import numpy as np

from newsprism.align.features import FEATURES, LEXICAL_FEATURES, FeatureIndex

# Fitted 2026-11-23 on all 4,076 MSRP training pairs (features from the real segmenter and MiniLM).
FULL_WEIGHTS = (
    4.4888,  # cosine
    2.5380,  # lemma_dice
    0.7163,  # lemma_cover
    -0.4816,  # entity_dice (collinear with lemma_dice; the pair's net effect of shared names is positive)
    0.2053,  # entity_clash
    0.0331,  # number_match
    -0.7822,  # number_clash
    3.8977,  # length_ratio
)
FULL_INTERCEPT = -7.8468
FULL_THRESHOLD = 0.420  # F1-optimal cut on the same pairs; AlignSettings.threshold defaults to it

LEXICAL_WEIGHTS = (
    4.2509,  # lemma_dice
    1.1744,  # lemma_cover
    -0.3513,  # entity_dice
    0.0476,  # entity_clash
    0.0995,  # number_match
    -0.5748,  # number_clash
    4.1230,  # length_ratio
)
LEXICAL_INTERCEPT = -6.1033
# The lexical model is calibrated differently; its cut keeps this offset from the full model's, so a user
# who moves ``AlignSettings.threshold`` moves both. It is the lexical model's accuracy-optimal cut: its
# F1-optimal one (0.288) merges too eagerly (cross-validated accuracy 0.707 against 0.718).
LEXICAL_THRESHOLD = 0.613


def probability(features: np.ndarray, *, lexical_only: bool = False) -> np.ndarray:
    """P(same fact) for features of shape (..., n_features) in FEATURES (or LEXICAL_FEATURES) order."""
    weights, intercept, names = (
        (LEXICAL_WEIGHTS, LEXICAL_INTERCEPT, LEXICAL_FEATURES)
        if lexical_only
        else (FULL_WEIGHTS, FULL_INTERCEPT, FEATURES)
    )
    if features.shape[-1] != len(names):
        raise ValueError(f"expected {len(names)} features, got {features.shape[-1]}")
    z = features @ np.asarray(weights, dtype=np.float64) + intercept
    return np.asarray(1.0 / (1.0 + np.exp(-z)), dtype=np.float64)


def probability_block(
    index: FeatureIndex, rows: np.ndarray, cols: np.ndarray, *, lexical_only: bool = False
) -> np.ndarray:
    """P(same fact) for every (row, col) pair of a feature index, without materialising the features."""
    weights, intercept = (
        (LEXICAL_WEIGHTS, LEXICAL_INTERCEPT) if lexical_only else (FULL_WEIGHTS, FULL_INTERCEPT)
    )
    z = index.block(rows, cols, lexical_only=lexical_only, weights=np.asarray(weights)) + intercept
    return np.asarray(1.0 / (1.0 + np.exp(-z)), dtype=np.float64)


def cut(threshold: float, *, lexical_only: bool = False) -> float:
    """The decision cut for either model given the user's threshold (which is on the full model's scale)."""
    if not lexical_only:
        return threshold
    return min(max(threshold + (LEXICAL_THRESHOLD - FULL_THRESHOLD), 0.0), 1.0)
