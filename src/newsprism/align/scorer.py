"""The "same fact?" probability of a sentence pair: logistic regression over the features in features.py.

Provenance: the coefficients below were learned by ``python benchmarks/align_msrp.py --fit`` on the
4,076 sentence pairs of the MSRP training file (Microsoft Research Paraphrase Corpus, Dolan & Brockett
2005; sentence pairs from different news outlets labelled paraphrase / not). Only the learned numbers ship
here, none of the data. The default decision threshold (``AlignSettings.threshold``) was tuned for accuracy
on the same pairs; docs/benchmarks.md has the cross-validated accuracy and F1 and the baseline.

Two weight sets ship: the full one uses the MiniLM cosine; the lexical one is the fallback when sources
carry no vectors (an embedder that returned nothing), so alignment degrades instead of failing.
"""

from __future__ import annotations

import numpy as np

from newsprism.align.features import FEATURES, LEXICAL_FEATURES

# Fitted 2026-11-23 on all 4,076 MSRP training pairs (features from the real segmenter and MiniLM).
FULL_WEIGHTS = (
    4.4782,  # cosine
    2.5409,  # lemma_dice
    0.7130,  # lemma_cover
    -0.4814,  # entity_dice (collinear with lemma_dice; the pair's net effect of shared names is positive)
    0.2143,  # entity_clash
    0.0318,  # number_match
    -0.7796,  # number_clash
    3.9097,  # length_ratio
)
FULL_INTERCEPT = -7.8496
FULL_THRESHOLD = 0.456  # accuracy-optimal cut on the same pairs; AlignSettings.threshold defaults to it

LEXICAL_WEIGHTS = (
    4.2556,  # lemma_dice
    1.1716,  # lemma_cover
    -0.3527,  # entity_dice
    0.0536,  # entity_clash
    0.0975,  # number_match
    -0.5760,  # number_clash
    4.1254,  # length_ratio
)
LEXICAL_INTERCEPT = -6.1057
# The lexical model is calibrated differently; its cut is this offset from the full model's, so a user
# who moves ``AlignSettings.threshold`` moves both.
LEXICAL_THRESHOLD = 0.617


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


def cut(threshold: float, *, lexical_only: bool = False) -> float:
    """The decision cut for either model given the user's threshold (which is on the full model's scale)."""
    if not lexical_only:
        return threshold
    return min(max(threshold + (LEXICAL_THRESHOLD - FULL_THRESHOLD), 0.0), 1.0)
