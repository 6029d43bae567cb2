"""cluster_articles follows story merges, including chains of them, back to the surviving story."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from story_fixtures import ScriptedClusterer

import newsprism.cluster as cluster
from newsprism.cluster import Placement, cluster_articles
from newsprism.model import Article


def test_merge_chains_resolve_to_the_surviving_story(monkeypatch: pytest.MonkeyPatch) -> None:
    arts = [
        Article(id=f"a{i}", text="x", outlet="o", title="t", published=f"2031-01-0{i}") for i in range(1, 7)
    ]
    script = {
        "a1": Placement("a1", "s1", True, 1.0),
        "a2": Placement("a2", "s2", True, 1.0),
        "a3": Placement("a3", "s3", True, 1.0, merged=("s1",)),  # s1 folded into s3
        "a4": Placement("a4", "s4", True, 1.0, merged=("s3",)),  # ... and s3 into s4
        "a5": Placement("a5", "s2", False, 1.0),
        "a6": Placement("a6", "s6", True, 1.0, merged=("s4", "s2")),  # everything into s6
    }
    monkeypatch.setattr(cluster, "OnlineClusterer", lambda *_a, **_k: ScriptedClusterer(script))
    vectors = np.zeros((len(arts), 4), dtype=np.float32)
    assert cluster_articles(arts, vectors) == ["s6"] * 6
    script["a6"] = Placement("a6", "s6", True, 1.0)
    assert cluster_articles(arts, vectors) == ["s4", "s2", "s4", "s4", "s2", "s6"]


def test_a_story_of_one_article_rejoins_at_the_join_threshold() -> None:
    """An article that came before the story it belongs to grew: once the story's centroid scores above
    the join threshold with it, it is folded in, though the centroids are below the merge threshold."""
    day = "2031-01-01"
    arts = [Article(id=n, text=n, outlet="o", title=n, published=day) for n in ("x", "a1", "a2")]
    x, a1, a2 = [0.6, 0.8, 0.0], [1.0, 0.0, 0.0], [0.8, 0.6, 0.0]
    vectors = np.array([x, a1, a2], dtype=np.float32)  # a1 is 0.6 from x, below the join threshold
    config = cluster.StorySettings(
        threshold=0.7, merge_threshold=0.9, w_terms=0.0, w_entities=0.0, w_dense=1.0
    )
    assert cluster_articles(arts, vectors, replace(config, rejoin_size=0)) == ["stx", "sta1", "stx"]
    assert cluster_articles(arts, vectors, config) == ["stx", "stx", "stx"]  # a2 brought x's story to a1
