"""Split a story that turns out to be two events of one kind.

The online pass joins each article to the story it scores best with, so two events of one kind that
share places, names and vocabulary (two heists at one Paris jeweller, two title fights of one boxer) can
end up as one story. Inside a story the words every member shares say nothing about that; the words only
some members share do. So the members are compared again with terms and entities weighted by their
rarity *within the story* (IDF over the members) and with their dense vectors centred on the story's
mean; the members' similarity graph is cut in two (spectral bisection), and the cut is kept when the two
halves share far less with each other than each shares within itself.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Sequence

import numpy as np

from newsprism.cluster.features import entities, lead_text, terms
from newsprism.model import Article
from newsprism.settings import StorySettings

__all__ = ["bisect_story", "halves"]


def halves(story: str, members: Sequence[str], leaving: Collection[int]) -> dict[str, list[int]]:
    """Story id -> member positions once ``leaving`` is cut away: the story keeps its id and its first
    member; the other half is named after its own first member, as a story started by it would be."""
    return {
        story: [k for k in range(len(members)) if k not in leaving],
        f"st{members[min(leaving)]}": sorted(leaving),
    }


def bisect_story(articles: Sequence[Article], vectors: np.ndarray, config: StorySettings) -> list[int]:
    """Positions of the members that form a second event (never member 0), or [] to keep the story whole.

    Each half must be reported by ``config.split_outlets`` different outlets: one or two outlets' house
    style (a tabloid's template, an article and its updated versions) is not a second event. Stories
    under ``config.split_min`` members are kept, and so are those over ``config.split_max`` (the
    eigen-decomposition is cubic; such a story is a long-running one, not two events that look alike).
    """
    n = len(articles)
    if config.split_ratio <= 0 or n < config.split_min or n > config.split_max:
        return []
    sim = _local_similarity(articles, vectors, config)
    side = _fiedler_side(sim)
    a = [i for i in range(n) if side[i] == side[0]]
    b = [i for i in range(n) if side[i] != side[0]]
    if min(len({articles[i].outlet for i in half}) for half in (a, b)) < config.split_outlets:
        return []
    pairs_within = len(a) * (len(a) - 1) + len(b) * (len(b) - 1)
    within = (sim[np.ix_(a, a)].sum() + sim[np.ix_(b, b)].sum()) / pairs_within
    between = float(sim[np.ix_(a, b)].mean())
    return b if within > 0 and between < config.split_ratio * within else []


def _local_similarity(articles: Sequence[Article], vectors: np.ndarray, config: StorySettings) -> np.ndarray:
    """Member-by-member similarity with the clusterer's weights, IDF taken over the members only."""
    n = len(articles)
    sim = np.zeros((n, n))
    for counts, weight in (
        ([terms(lead_text(a, config.lead_words)) for a in articles], config.w_terms),
        ([entities(lead_text(a, config.entity_words)) for a in articles], config.w_entities),
    ):
        matrix = _within_idf(counts)
        sim += weight * (matrix @ matrix.T)
    centred = np.asarray(vectors, dtype=np.float64) - np.mean(vectors, axis=0)
    centred /= np.linalg.norm(centred, axis=1, keepdims=True) + 1e-9
    sim += config.w_split_dense * (centred @ centred.T)
    np.fill_diagonal(sim, 0.0)
    return sim


def _within_idf(counts: Sequence[Counter[str]]) -> np.ndarray:
    """Unit rows of sublinear TF x log(n / df) over features that some but not all members have."""
    n = len(counts)
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    vocab = {w: j for j, w in enumerate(w for w, d in df.items() if 2 <= d < n)}
    matrix = np.zeros((n, max(len(vocab), 1)))
    for i, c in enumerate(counts):
        for w, tf in c.items():
            j = vocab.get(w)
            if j is not None:
                matrix[i, j] = (1.0 + math.log(tf)) * math.log(n / df[w])
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms > 0, norms, 1.0)


def _fiedler_side(sim: np.ndarray) -> np.ndarray:
    """Sign of the second eigenvector of the normalised Laplacian of the graph of positive similarities."""
    weights = np.clip(sim, 0.0, None)
    degree = weights.sum(axis=1) + 1e-9
    scale = 1.0 / np.sqrt(degree)
    laplacian = np.eye(len(sim)) - scale[:, None] * weights * scale[None, :]
    _values, vecs = np.linalg.eigh(laplacian)
    return np.asarray(vecs[:, 1] * scale > 0)
