"""Near-duplicate articles (one text under two URLs, a changed footer or sentence), found incrementally.

MinHash/LSH over word 5-gram shingles proposes candidates and the exact Jaccard of the shingle sets
confirms them, so a new article is checked against a whole collection without comparing all pairs. The
same index serves a one-off collection (:func:`find_duplicates`) and the story service, which keeps it
open while articles arrive.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Hashable, Sequence
from typing import TYPE_CHECKING, Generic, TypeVar

from newsprism.lenses._passages import key_words
from newsprism.model import Article

if TYPE_CHECKING:
    from datasketch import MinHash, MinHashLSH

__all__ = ["NearDuplicateIndex", "find_duplicates", "find_root", "jaccard", "same_text", "shingles"]

SHINGLE = 5
_PERM = 64


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    """Distinct runs of ``k`` word keys, so spelling, case and hyphen variants of a copy still match."""
    return _grams(key_words(text), k)


def _grams(keys: Sequence[str], k: int = SHINGLE) -> set[bytes]:
    return {" ".join(keys[p : p + k]).encode() for p in range(len(keys) - k + 1)}


def jaccard(a: set[bytes], b: set[bytes]) -> float:
    """Shared shingles over all shingles of the two texts (0 when both are empty)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def same_text(a: set[bytes], b: set[bytes], threshold: float) -> bool:
    """Two shingle sets are one article: Jaccard >= ``threshold``, or one nearly inside the other.

    A footer, byline block or "read more" line adds shingles to one copy only, which costs a short wire
    brief more Jaccard than an edited sentence does; so a copy also counts when the smaller set lies
    ``threshold + 0.1`` inside the larger and the Jaccard is at most 0.1 short (at most ~30% added).
    """
    if not a or not b:
        return False
    inter = len(a & b)
    union = len(a) + len(b) - inter
    if inter >= threshold * union:
        return True
    return inter >= min(1.0, threshold + 0.1) * min(len(a), len(b)) and inter >= (threshold - 0.1) * union


Key = TypeVar("Key", bound=Hashable)


class NearDuplicateIndex(Generic[Key]):
    """MinHash signatures of texts in an LSH table; proposes texts likely to pass ``threshold``.

    The table is generous (its threshold 0.2 lower), so callers confirm each candidate with
    :func:`same_text` on the real shingle sets; only signatures are held, not the shingles or texts.
    """

    def __init__(self, threshold: float = 0.8) -> None:
        from datasketch import MinHashLSH

        self.threshold = threshold
        self._lsh: MinHashLSH = MinHashLSH(threshold=max(0.5, threshold - 0.2), num_perm=_PERM)
        self._day: dict[Key, float] = {}  # what drop_before compares

    def __len__(self) -> int:
        return len(self._day)

    @staticmethod
    def signature(grams: set[bytes]) -> MinHash | None:
        """A text's MinHash (None without shingles); CRC-32 hashes are half the cost of SHA-1 and stable."""
        if not grams:
            return None
        from datasketch import MinHash

        mh = MinHash(num_perm=_PERM, seed=1, hashfunc=zlib.crc32)
        mh.update_batch(list(grams))
        return mh

    def __contains__(self, key: object) -> bool:
        return bool(self._lsh.__contains__(key))

    def add(self, key: Key, signature: MinHash | None, day: float = 0.0) -> None:
        """Index one text's :meth:`signature` under ``key`` (a text without one is near nothing).

        ``day`` (any increasing number, e.g. a day ordinal) lets :meth:`drop_before` forget old texts.
        """
        if signature is not None and key not in self:
            self._lsh.insert(key, signature)
            self._day[key] = day

    def remove(self, key: Key) -> None:
        if key in self:
            self._lsh.remove(key)
            del self._day[key]

    def drop_before(self, day: float) -> int:
        """Forget texts added with a ``day`` before this one, so a long-running index stays bounded."""
        old = [k for k, d in self._day.items() if d < day]
        for k in old:
            self.remove(k)
        return len(old)

    def candidates(self, signature: MinHash | None) -> list[Key]:
        """Keys of indexed texts that may share ``threshold`` of their shingles with this text."""
        return [] if signature is None else list(self._lsh.query(signature))


K = TypeVar("K")


def find_root(parent: dict[K, K], x: K) -> K:
    """Union-find root with path halving."""
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def find_duplicates(articles: Sequence[Article], *, threshold: float = 0.8) -> list[tuple[int, ...]]:
    """Groups (indexes, ascending) of articles that are the same text, exactly or nearly.

    Texts with the same word keys are one; others join when their 5-gram shingle sets pass
    :func:`same_text`, so two URLs of one article are kept once without comparing all pairs.
    """
    index: NearDuplicateIndex[int] = NearDuplicateIndex(threshold)
    parent = {n: n for n in range(len(articles))}
    exact: dict[tuple[str, ...], int] = {}
    grams: list[set[bytes]] = []
    for n, a in enumerate(articles):
        keys = tuple(key_words(a.text))
        mine = _grams(keys)
        grams.append(mine)
        if keys in exact:
            parent[n] = find_root(parent, exact[keys])
            continue
        exact[keys] = n
        sig = index.signature(mine)
        for m in index.candidates(sig):
            if find_root(parent, m) != find_root(parent, n) and same_text(mine, grams[m], threshold):
                parent[find_root(parent, n)] = find_root(parent, m)
        index.add(n, sig)
    groups: dict[int, list[int]] = defaultdict(list)
    for n in range(len(articles)):
        groups[find_root(parent, n)].append(n)
    return sorted(tuple(g) for g in groups.values() if len(g) > 1)
