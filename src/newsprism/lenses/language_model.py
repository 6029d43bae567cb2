"""Sentence-level bias probability: a fine-tuned MiniLM blended with a logistic regression on MiniLM
sentence vectors plus word-score features.

Both were trained on BABE (Spinde et al. 2021): the regression by ``benchmarks/language_train.py`` (only its
coefficients ship, ``data/language/sentence_bias.npz``; the same feature function serves training and run
time, so the two cannot drift apart), the fine-tuned model by ``benchmarks/language_finetune.py`` (int8
ONNX, ``data/language/sentence_bias.onnx``, checked against a pinned sha256 before it loads). Blending the
two beat either alone in cross-validation (docs/benchmarks.md, "Language lens").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cached_property
from importlib import resources
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from newsprism.embed import Embedder

WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")
N_LEXICAL = 5
# Lexical features are scaled so that they weigh about as much as the unit-length embedding.
LEXICAL_SCALE = 3.0
EMBED_DIM = 384
FINETUNED_FILE = "data/language/sentence_bias.onnx"
FINETUNED_SHA256 = "2b8210f5e84f580bf2eccd2c109d6073f10260d9eb317c72f14b2fb2b4d7da53"
# Weight of the fine-tuned model's probability in the blend (the rest is the regression's); the mean of
# the weights chosen on each CV fold's inner split by benchmarks/language_babe.py --finetuned.
FINETUNED_WEIGHT = 0.3
FINETUNED_FIX = "reinstall newsprism, or retrain it with benchmarks/language_finetune.py (see its docstring)"


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
        finetuned: FineTunedBias | None = None,
        finetuned_weight: float = FINETUNED_WEIGHT,
    ) -> None:
        if not 0.0 <= finetuned_weight <= 1.0:
            from newsprism.errors import UsageError

            raise UsageError(f"finetuned_weight must lie in [0, 1], got {finetuned_weight}")
        self._scores = scores
        self._embedder = embedder
        self._weights = weights
        self._finetuned = finetuned
        self.finetuned_weight = finetuned_weight

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

    @cached_property
    def finetuned(self) -> FineTunedBias:
        if self._finetuned is not None:
            return self._finetuned
        return FineTunedBias()

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
        prob = np.asarray(1.0 / (1.0 + np.exp(-z)), dtype=np.float64)
        w = self.finetuned_weight
        if w > 0.0:
            prob = w * self.finetuned(texts) + (1.0 - w) * prob
        return prob


class FineTunedBias:
    """The fine-tuned MiniLM (int8 ONNX, shipped with newsprism); its session loads on first call, once.

    It reads words with the embedder's WordPiece tokenizer (the same vocabulary it was trained with). Each
    sentence runs alone: dynamic int8 quantisation scales activations per call, so in a padded batch a
    sentence's score would depend on the other sentences (measured: up to 0.06 apart).
    """

    def __init__(self, *, threads: int = 1, max_tokens: int = 128) -> None:
        # One sentence per call is too small to split across threads (measured: 1 thread 4.4 ms/sentence,
        # 2 threads 5.0 ms on the shared 2-core machine).
        self.threads = threads
        self.max_tokens = max_tokens
        self._session: Any = None
        self._tokenizer: Any = None

    def _load(self) -> tuple[Any, Any]:
        if self._session is None:
            from newsprism.embed._onnx import cpu_session

            self._session, self._tokenizer = cpu_session(
                finetuned_model_bytes(), self.threads, self.max_tokens
            )
        return self._session, self._tokenizer

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros(len(texts), dtype=np.float64)
        if not texts:
            return out
        session, tokenizer = self._load()
        for i, enc in enumerate(tokenizer.encode_batch(list(texts))):
            ids = np.asarray([enc.ids], dtype=np.int64)
            feeds = {
                "input_ids": ids,
                "attention_mask": np.ones_like(ids),
                "token_type_ids": np.zeros_like(ids),
            }
            logit = float(np.asarray(session.run(None, feeds)[0]).reshape(-1)[0])
            out[i] = 1.0 / (1.0 + np.exp(-logit))
        return out


def finetuned_model_bytes() -> bytes:
    """The shipped fine-tuned ONNX model, checked against the pinned sha256 (a changed file would silently
    move every probability the thresholds were set on)."""
    import hashlib

    from newsprism.errors import ModelMissingError

    path = resources.files("newsprism.lenses").joinpath(FINETUNED_FILE)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ModelMissingError(
            f"the fine-tuned sentence-bias model newsprism/lenses/{FINETUNED_FILE} is missing", FINETUNED_FIX
        ) from exc
    actual = hashlib.sha256(data).hexdigest()
    if actual != FINETUNED_SHA256:
        raise ModelMissingError(
            f"newsprism/lenses/{FINETUNED_FILE} has sha256 {actual}, expected {FINETUNED_SHA256}",
            FINETUNED_FIX,
        )
    return data


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
