"""Claim alignment: sentences of different sources that report the same fact become one claim group.

For every pair of sources, every pair of their meaningful sentences gets a probability of stating the
same fact (scorer.py: MiniLM cosine plus lemma, entity and number overlap, weights learned on MSRP). The
pairs above the threshold are matched one-to-one per source pair, merged into groups that never hold two
sentences of one source, and every remaining meaningful sentence becomes a single-source claim.

Claim ids are ``c1, c2, ...`` in a stable order: claims backed by more sources first, then by first
appearance (the position of the group's sentence in the earliest source that has one), so the shared
facts lead the report and the same input always gives the same ids.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsprism.align.features import FEATURES, FeatureIndex, SentenceSignature, signature
from newsprism.align.grouping import Match, is_trivial, merge, one_to_one
from newsprism.align.scorer import cut as decision_cut
from newsprism.align.scorer import probability, probability_block
from newsprism.model import Claim, Passage, Sentence, Source, Support
from newsprism.settings import AlignSettings

__all__ = ["FEATURES", "align", "pair_probabilities"]


def align(sources: Sequence[Source], settings: AlignSettings | None = None) -> tuple[Claim, ...]:
    """Claim groups of a story's sources (segmented and, ideally, embedded).

    Support counts the sources that have at least one meaningful sentence: ``consensus`` is all of them
    (and at least two), ``partial`` several, ``single`` one. If any source lacks sentence vectors, the
    whole story is scored with the lexical model, so every pair is judged on the same scale.
    """
    settings = settings or AlignSettings()
    units: list[tuple[int, Sentence]] = []  # (source position, sentence) of every meaningful sentence
    signatures: list[SentenceSignature] = []
    rows: list[np.ndarray] = []
    for k, src in enumerate(sources):
        vectors_of = np.asarray(src.vectors) if _has_vectors(src) else None
        for j, sent in enumerate(src.sentences):
            sig = signature(src, sent)
            if not is_trivial(sent.text, sig.words, settings.min_words):
                units.append((k, sent))
                signatures.append(sig)
                if vectors_of is not None:
                    rows.append(vectors_of[j])
    if not units:
        return ()
    lexical_only = len(rows) != len(units)
    vectors = None if lexical_only else np.vstack(rows)
    index = FeatureIndex(signatures, vectors)
    cut = decision_cut(settings.threshold, lexical_only=lexical_only)
    source_of = [k for k, _ in units]
    by_source = _positions(source_of, len(sources))
    matches = _matches(index, by_source, cut, lexical_only)

    def coherent(a: list[int], b: list[int]) -> bool:
        left = np.repeat(np.array(a), len(b))
        right = np.tile(np.array(b), len(a))
        probs = probability(index.pairs(left, right, lexical_only=lexical_only), lexical_only=lexical_only)
        return bool(probs.mean() >= cut)

    groups = merge(matches, source_of, range(len(units)), coherent)
    contributing = len({k for k, _ in units})
    groups.sort(key=lambda g: (-len(g), min((units[i][0], units[i][1].index) for i in g)))
    return tuple(
        _claim(f"c{n}", [units[i] for i in group], sources, contributing)
        for n, group in enumerate(groups, start=1)
    )


def pair_probabilities(sources: Sequence[Source], left: int, right: int) -> np.ndarray:
    """P(same fact) for every sentence of ``sources[left]`` x ``sources[right]``, to inspect a decision."""
    a, b = sources[left], sources[right]
    sigs = [signature(a, s) for s in a.sentences] + [signature(b, s) for s in b.sentences]
    lexical_only = not (_has_vectors(a) and _has_vectors(b))
    vectors = None if lexical_only else np.vstack([np.asarray(a.vectors), np.asarray(b.vectors)])
    index = FeatureIndex(sigs, vectors)
    n = len(a.sentences)
    rows, cols = np.arange(n), np.arange(n, len(sigs))
    return probability_block(index, rows, cols, lexical_only=lexical_only)


def _has_vectors(src: Source) -> bool:
    v = src.vectors
    return v is not None and v.ndim == 2 and v.shape[0] == len(src.sentences) and v.shape[1] > 0


def _positions(source_of: Sequence[int], n_sources: int) -> list[np.ndarray]:
    arr = np.asarray(source_of)
    return [np.flatnonzero(arr == k) for k in range(n_sources)]


def _matches(index: FeatureIndex, by_source: list[np.ndarray], cut: float, lexical_only: bool) -> list[Match]:
    """One-to-one matches for every source pair; each source's rows are scored against all later sources
    in one block, so the work is a few large array operations rather than one per source pair.

    BLAS runs single-threaded here: these products are small, and on a busy machine a multi-threaded
    BLAS spends more time waiting for its threads than multiplying (ten times slower measured on 2 cores).
    """
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1, user_api="blas"):
        return _matches_in(index, by_source, cut, lexical_only)


def _matches_in(
    index: FeatureIndex, by_source: list[np.ndarray], cut: float, lexical_only: bool
) -> list[Match]:
    out: list[Match] = []
    for a, rows in enumerate(by_source):
        later = [(b, cols) for b, cols in enumerate(by_source) if b > a and len(cols)]
        if not len(rows) or not later:
            continue
        all_cols = np.concatenate([cols for _, cols in later])
        prob = probability_block(index, rows, all_cols, lexical_only=lexical_only)
        at = 0
        for _, cols in later:
            block = prob[:, at : at + len(cols)]
            at += len(cols)
            for i, j, score in one_to_one(block, cut):
                out.append(Match(score, int(rows[i]), int(cols[j])))
    return out


def _claim(
    claim_id: str, members: list[tuple[int, Sentence]], sources: Sequence[Source], total: int
) -> Claim:
    members = sorted(members, key=lambda m: (m[0], m[1].index))
    ids = tuple(sources[k].id for k, _ in members)
    support: Support = "single" if len(ids) == 1 else ("consensus" if len(ids) == total else "partial")
    passages = tuple(
        Passage(sources[k].id, s.start, s.end, sources[k].text[s.start : s.end]) for k, s in members
    )
    return Claim(id=claim_id, support=support, sources=ids, sentences=passages)
