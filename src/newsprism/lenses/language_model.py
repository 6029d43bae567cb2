"""Sentence-level bias probability: logistic regression on MiniLM sentence vectors plus word-score features.

The weights were trained on BABE (Spinde et al. 2021) by ``benchmarks/language_train.py``; only the learned
coefficients ship (``data/language/sentence_bias.npz``). The same feature function serves training and run
time, so the two cannot drift apart.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cached_property
from importlib import resources
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from newsprism.embed import Embedder

WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")
N_LEXICAL = 5
# Lexical features are scaled so that they weigh about as much as the unit-length embedding.
LEXICAL_SCALE = 3.0
EMBED_DIM = 384


def words(text: str) -> list[str]:
    """Lower-cased words as the word scores were learned on them (no spaCy: works on plain lines)."""
    return [w.lower() for w in WORD.findall(text)]


def lexical_features(text: str, scores: Mapping[str, float]) -> list[float]:
    """Top three word scores, how many words score above 0.3, and their sum."""
    found = [*sorted((scores.get(w, 0.0) for w in words(text)), reverse=True), 0.0, 0.0, 0.0]
    return [found[0], found[1], found[2], float(sum(x > 0.3 for x in found)), float(sum(found))]


def feature_matrix(vectors: np.ndarray, texts: Sequence[str], scores: Mapping[str, float]) -> np.ndarray:
    lex = np.array([lexical_features(t, scores) for t in texts], dtype=np.float64).reshape(
        len(texts), N_LEXICAL
    )
    return np.hstack([np.asarray(vectors, dtype=np.float64).reshape(len(texts), -1), lex * LEXICAL_SCALE])


class SentenceBias:
    """Bias probability per sentence; weights are read on first use, the embedder is made only if needed."""

    def __init__(
        self,
        scores: Mapping[str, float] | None = None,
        *,
        embedder: Embedder | None = None,
        weights: tuple[np.ndarray, float] | None = None,
    ) -> None:
        self._scores = scores
        self._embedder = embedder
        self._weights = weights

    @cached_property
    def scores(self) -> Mapping[str, float]:
        if self._scores is not None:
            return self._scores
        from newsprism.lenses.language_lexicon import load_word_scores

        return load_word_scores()

    @cached_property
    def weights(self) -> tuple[np.ndarray, float]:
        if self._weights is not None:
            return self._weights
        return load_weights()

    @cached_property
    def embedder(self) -> Embedder:
        if self._embedder is not None:
            return self._embedder
        from newsprism.embed import OnnxEmbedder

        return OnnxEmbedder()

    def vectors(self, texts: Sequence[str], given: np.ndarray | None = None) -> np.ndarray:
        """``given`` (the pipeline's vectors) when they are MiniLM-sized, otherwise our own encoding."""
        if given is not None and given.ndim == 2 and given.shape == (len(texts), EMBED_DIM):
            return given
        if not texts:
            return np.zeros((0, EMBED_DIM), dtype=np.float32)
        return self.embedder.encode(list(texts))

    def __call__(self, texts: Sequence[str], vectors: np.ndarray | None = None) -> np.ndarray:
        if not texts:
            return np.zeros(0, dtype=np.float64)
        coef, intercept = self.weights
        x = feature_matrix(self.vectors(texts, vectors), texts, self.scores)
        z = x @ coef + intercept
        return np.asarray(1.0 / (1.0 + np.exp(-z)), dtype=np.float64)


def load_weights() -> tuple[np.ndarray, float]:
    """The shipped classifier coefficients; a clear error if the package data is missing."""
    from newsprism.errors import ModelMissingError

    path = resources.files("newsprism.lenses").joinpath("data/language/sentence_bias.npz")
    try:
        with path.open("rb") as fh, np.load(fh) as data:
            coef = np.asarray(data["coef"], dtype=np.float64)
            intercept = float(data["intercept"])
    except (FileNotFoundError, KeyError) as exc:
        raise ModelMissingError(
            "the language lens sentence-bias weights (newsprism/lenses/data/language/sentence_bias.npz) "
            "are missing or damaged",
            "reinstall newsprism, or retrain them with benchmarks/language_train.py",
        ) from exc
    if coef.shape != (EMBED_DIM + N_LEXICAL,):
        raise ModelMissingError(
            f"sentence_bias.npz has {coef.shape[0]} weights, expected {EMBED_DIM + N_LEXICAL}",
            "retrain them with benchmarks/language_train.py",
        )
    return coef, intercept
