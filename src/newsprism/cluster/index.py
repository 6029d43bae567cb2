"""Nearest story centroids: faiss HNSW when installed, an exact scan otherwise.

HNSW cannot update or delete a vector, and a story's centroid moves with every article it gains, so
each update adds a fresh vector and marks the old label stale; the index is rebuilt from the live
stories once stale labels outnumber live ones. Evicted stories (outside the time window) leave the same
way, which keeps memory proportional to the stories inside the window, not to the whole store.
"""

from __future__ import annotations

from typing import Any, Protocol

import numpy as np


class CentroidIndex(Protocol):
    def upsert(self, key: str, vector: np.ndarray) -> None: ...

    def remove(self, key: str) -> None: ...

    def search(self, vector: np.ndarray, k: int) -> list[str]: ...

    def __len__(self) -> int: ...


class ExactIndex:
    """Brute-force inner product; exact, fine up to a few thousand live stories."""

    def __init__(self, dim: int) -> None:
        self.dim = dim
        self._keys: list[str] = []
        self._rows: dict[str, int] = {}
        self._matrix = np.zeros((0, dim), dtype=np.float32)

    def __len__(self) -> int:
        return len(self._rows)

    def upsert(self, key: str, vector: np.ndarray) -> None:
        row = self._rows.get(key)
        if row is None:
            if len(self._keys) == len(self._matrix):
                grown = np.zeros((max(64, 2 * len(self._matrix)), self.dim), dtype=np.float32)
                grown[: len(self._matrix)] = self._matrix
                self._matrix = grown
            row = len(self._keys)
            self._keys.append(key)
            self._rows[key] = row
        self._matrix[row] = vector

    def remove(self, key: str) -> None:
        row = self._rows.pop(key, None)
        if row is None:
            return
        last = len(self._keys) - 1
        if row != last:
            moved = self._keys[last]
            self._keys[row] = moved
            self._matrix[row] = self._matrix[last]
            self._rows[moved] = row
        self._keys.pop()

    def search(self, vector: np.ndarray, k: int) -> list[str]:
        n = len(self._keys)
        if n == 0:
            return []
        scores = self._matrix[:n] @ vector
        if n > k:
            top = np.argpartition(-scores, k - 1)[:k]
            top = top[np.argsort(-scores[top], kind="stable")]
        else:
            top = np.argsort(-scores, kind="stable")
        return [self._keys[int(i)] for i in top]


class FaissIndex:
    """faiss ``IndexHNSWFlat`` (inner product) with stale labels filtered out and periodic rebuilds."""

    def __init__(self, dim: int, *, m: int = 32, ef_search: int = 64, min_rebuild: int = 2048) -> None:
        import faiss

        faiss.omp_set_num_threads(1)  # deterministic graph, and no spinning threads on a shared box
        self._faiss: Any = faiss
        self.dim, self.m, self.ef_search, self.min_rebuild = dim, m, ef_search, min_rebuild
        self._labels: list[str | None] = []  # faiss label -> story key (None once stale)
        self._label_of: dict[str, int] = {}
        self._vectors: dict[str, np.ndarray] = {}
        self._index = self._new()

    def _new(self) -> Any:
        index = self._faiss.IndexHNSWFlat(self.dim, self.m, self._faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efSearch = self.ef_search
        index.hnsw.efConstruction = 40
        return index

    def __len__(self) -> int:
        return len(self._label_of)

    def upsert(self, key: str, vector: np.ndarray) -> None:
        old = self._label_of.get(key)
        if old is not None:
            self._labels[old] = None
        self._label_of[key] = len(self._labels)
        self._labels.append(key)
        v = np.ascontiguousarray(vector, dtype=np.float32).reshape(1, -1)
        self._vectors[key] = v[0]
        self._index.add(v)
        self._maybe_rebuild()

    def remove(self, key: str) -> None:
        old = self._label_of.pop(key, None)
        if old is not None:
            self._labels[old] = None
            self._vectors.pop(key, None)
            self._maybe_rebuild()

    def _maybe_rebuild(self) -> None:
        total = len(self._labels)
        if total < self.min_rebuild or total < 2 * len(self._label_of):
            return
        keys = list(self._label_of)
        self._index = self._new()
        self._labels = list(keys)
        self._label_of = {k: i for i, k in enumerate(keys)}
        if keys:
            self._index.add(np.stack([self._vectors[k] for k in keys]))

    def search(self, vector: np.ndarray, k: int) -> list[str]:
        if not self._label_of:
            return []
        stale = len(self._labels) - len(self._label_of)
        want = min(len(self._labels), k + stale if stale < 4 * k else 4 * k)
        _scores, labels = self._index.search(
            np.ascontiguousarray(vector, dtype=np.float32).reshape(1, -1), want
        )
        out: list[str] = []
        for label in labels[0]:
            key = self._labels[int(label)] if label >= 0 else None
            if key is not None:
                out.append(key)
                if len(out) == k:
                    break
        return out


def make_index(dim: int, kind: str = "auto") -> CentroidIndex:
    """``"faiss"``, ``"exact"``, or ``"auto"`` (faiss when installed)."""
    if kind in ("auto", "faiss"):
        try:
            return FaissIndex(dim)
        except ImportError:
            if kind == "faiss":
                from newsprism.errors import ExtraMissingError

                raise ExtraMissingError("the faiss story index", "scale") from None
    return ExactIndex(dim)
