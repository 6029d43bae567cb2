"""Optional NLI judge for the contradictions lens: a cross-encoder reads two outlets' sentences of one fact.

The lens's rules explain every finding by the values they show, but miss what has no value to compare
("the talks collapsed" / "the talks made progress"). A user who has an NLI cross-encoder (any
sentence-transformers model with a "contradiction" label, e.g. a local copy of an NLI DeBERTa) can name it
in ``contradictions.nli_model``; it then judges the pairs the rules left quiet. Off by default, since no
such model ships with the package: nothing is downloaded, the model is read from the path or cache the
user names (``local_files_only``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np

from newsprism.errors import ExtraMissingError, UsageError

__all__ = ["ContradictionJudge", "CrossEncoderNLI"]


class ContradictionJudge(Protocol):
    """How likely two statements of one fact cannot both be true (0-1), for each pair."""

    name: str

    def contradiction(self, pairs: Sequence[tuple[str, str]]) -> list[float]: ...


class CrossEncoderNLI:
    """An NLI cross-encoder through sentence-transformers (the ``st`` extra), loaded on first use.

    NLI is directional (premise, hypothesis); a disagreement between outlets is not, so each pair is read
    both ways and the two contradiction probabilities are averaged.
    """

    def __init__(self, model: str, *, batch_size: int = 16) -> None:
        if not model:
            raise UsageError("the NLI judge needs a model path or cached name: set contradictions.nli_model")
        try:
            import sentence_transformers  # noqa: F401
        except ImportError as exc:
            raise ExtraMissingError("the NLI cross-encoder (contradictions.nli_model)", "st") from exc
        self.name = model
        self.batch_size = batch_size
        self._model: Any = None
        self._label = -1

    def _load(self) -> Any:
        if self._model is None:
            from sentence_transformers import CrossEncoder

            try:
                model = CrossEncoder(self.name, device="cpu", local_files_only=True)
            except OSError as exc:
                raise UsageError(
                    f"cannot load the NLI model '{self.name}' from disk ({exc}); newsprism never downloads "
                    "models: give contradictions.nli_model the path of a local copy"
                ) from exc
            self._label = _contradiction_label(model, self.name)
            self._model = model
        return self._model

    def contradiction(self, pairs: Sequence[tuple[str, str]]) -> list[float]:
        if not pairs:
            return []
        model = self._load()
        both = [*pairs, *((b, a) for a, b in pairs)]
        raw = np.asarray(model.predict(both, batch_size=self.batch_size, show_progress_bar=False), float)
        p = _softmax(raw.reshape(len(both), -1))[:, self._label]
        n = len(pairs)
        return [float((p[i] + p[n + i]) / 2) for i in range(n)]


def _contradiction_label(model: Any, name: str) -> int:
    config = getattr(model, "config", None) or getattr(getattr(model, "model", None), "config", None)
    labels = {int(k): str(v) for k, v in (getattr(config, "id2label", None) or {}).items()}
    found = [i for i, label in labels.items() if label.lower().startswith("contradict")]
    if not found:
        shown = ", ".join(labels.values()) or "none"
        raise UsageError(
            f"the model '{name}' has no 'contradiction' label (its labels: {shown}); "
            "contradictions.nli_model must name an NLI cross-encoder"
        )
    return found[0]


def _softmax(x: np.ndarray) -> np.ndarray:
    """Rows that are not probabilities already (models differ in whether predict applies one)."""
    if np.all(x >= 0) and np.allclose(x.sum(axis=1), 1.0, atol=1e-3):
        return x
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return np.asarray(e / e.sum(axis=1, keepdims=True))
