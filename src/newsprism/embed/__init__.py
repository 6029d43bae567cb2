"""Sentence embeddings: the ``Embedder`` protocol, the offline ONNX MiniLM default and an optional
sentence-transformers backend.

Every backend returns float32 rows of unit length, so a dot product is a cosine similarity and the
aligner, clusterer and reuse lens never need to know which model made the vectors.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from newsprism.embed._onnx import OnnxEmbedder
from newsprism.errors import ExtraMissingError, UsageError

if TYPE_CHECKING:
    from newsprism.settings import EmbedSettings

__all__ = ["BACKENDS", "Embedder", "OnnxEmbedder", "SentenceTransformerEmbedder", "default_embedder"]

BACKENDS = ("onnx", "sentence-transformers")


class Embedder(Protocol):
    """Turns sentences into L2-normalised float32 vectors, one row per text, shape ``(n, dim)``."""

    @property
    def dim(self) -> int: ...

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


class SentenceTransformerEmbedder:
    """Any sentence-transformers model (name or local path) for users who want a bigger model.

    Needs the ``st`` extra; the model is loaded on first use, and only from what the user named.
    """

    def __init__(self, model: str, *, batch_size: int = 64, max_tokens: int | None = None) -> None:
        if not model:
            raise UsageError(
                "the sentence-transformers backend needs a model name or path: set embed.model "
                "(for example embed.model = 'all-mpnet-base-v2')"
            )
        try:
            import sentence_transformers  # noqa: F401
        except ImportError as exc:
            raise ExtraMissingError("sentence-transformers backend", "st") from exc
        self.model = model
        self.batch_size = batch_size
        self.max_tokens = max_tokens
        self._st: Any = None

    @property
    def _model(self) -> Any:
        if self._st is None:
            from sentence_transformers import SentenceTransformer

            st = SentenceTransformer(self.model, device="cpu")
            if self.max_tokens:
                st.max_seq_length = self.max_tokens
            self._st = st
        return self._st

    @property
    def dim(self) -> int:
        return int(self._model.get_sentence_embedding_dimension())

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self._model.encode(
            list(texts), batch_size=self.batch_size, normalize_embeddings=True, show_progress_bar=False
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)


def default_embedder(settings: EmbedSettings) -> Embedder:
    """The embedder ``settings.backend`` names; nothing is loaded until the first ``encode``."""
    backend = settings.backend.strip().lower()
    if backend == "onnx":
        return OnnxEmbedder(batch_size=settings.batch_size, max_tokens=settings.max_tokens)
    if backend in {"sentence-transformers", "sentence_transformers", "st"}:
        return SentenceTransformerEmbedder(
            settings.model, batch_size=settings.batch_size, max_tokens=settings.max_tokens
        )
    raise UsageError(
        f"unknown embedding backend '{settings.backend}' (setting embed.backend): "
        f"use one of {', '.join(BACKENDS)}"
    )
