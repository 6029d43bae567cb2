"""Stories from a stream of articles: online clustering over terms, entities, embeddings and time.

``OnlineClusterer.add`` places one article at a time (join the best live story or start one, merging
stories that turn out to be one); :func:`cluster_articles` runs the same thing over a whole list, which is
also how the store is re-clustered in batch.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsprism.cluster.features import lead_text
from newsprism.cluster.metrics import ari, bcubed
from newsprism.cluster.online import OnlineClusterer, Placement
from newsprism.model import Article
from newsprism.settings import StorySettings

__all__ = [
    "OnlineClusterer",
    "Placement",
    "StorySettings",
    "ari",
    "bcubed",
    "cluster_articles",
    "date_order",
    "lead_text",
    "publication_order",
]


def publication_order(articles: Sequence[Article]) -> list[int]:
    """Indexes in publication order (undated articles keep their place after the dated ones before them)."""
    return date_order([a.published for a in articles])


def date_order(published: Sequence[str | None]) -> list[int]:
    """:func:`publication_order` of bare publication dates."""
    last = ""
    keys = []
    for i, day in enumerate(published):
        last = day or last
        keys.append((last, i))
    return [i for _k, i in sorted(keys)]


def cluster_articles(
    articles: Sequence[Article], vectors: np.ndarray, config: StorySettings | None = None
) -> list[str]:
    """A story id for each article (input order), streaming them in publication order; a story that
    turns out to be two events of one kind is cut in two as it grows (:mod:`newsprism.cluster.split`)."""
    from newsprism.cluster.split import bisect_story, halves

    config = config or StorySettings()
    clusterer = OnlineClusterer(config, dim=int(vectors.shape[1]) if vectors.ndim == 2 else 384)
    position = {a.id: i for i, a in enumerate(articles)}
    owner: dict[str, str] = {}
    # A merged story points at the story that absorbed it; resolved once at the end, so a merge costs
    # O(1) rather than a pass over every article placed so far.
    absorbed_by: dict[str, str] = {}
    for i in publication_order(articles):
        placed = clusterer.add(articles[i], vectors[i])
        owner[articles[i].id] = placed.story
        for gone in placed.merged:
            absorbed_by[gone] = placed.story
        if not clusterer.split_due(placed.story):
            continue
        story = clusterer.story(placed.story)
        assert story is not None  # split_due found it live
        idx = [position[m] for m in story.members]
        leaving = set(bisect_story([articles[k] for k in idx], vectors[idx], config))
        if not leaving:
            continue
        parts = {sid: [idx[k] for k in ks] for sid, ks in halves(story.id, story.members, leaving).items()}
        for sid, ks in parts.items():
            absorbed_by.pop(sid, None)  # a story merged away earlier may come back as a half
            owner.update((articles[k].id, sid) for k in ks)
        clusterer.replace(
            story.id, [(sid, [(articles[k], vectors[k]) for k in ks]) for sid, ks in parts.items()]
        )
    return [_final_story(owner[a.id], absorbed_by) for a in articles]


def _final_story(story: str, absorbed_by: dict[str, str]) -> str:
    """Follow merges to the live story, compressing the chain on the way for later lookups."""
    chain = []
    while story in absorbed_by:
        chain.append(story)
        story = absorbed_by[story]
    for gone in chain:
        absorbed_by[gone] = story
    return story
