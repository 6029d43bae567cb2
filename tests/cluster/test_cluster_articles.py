"""cluster_articles follows story merges, including chains of them, back to the surviving story."""

from __future__ import annotations

from typing import ClassVar

import numpy as np
import pytest

import newsprism.cluster as cluster
from newsprism.cluster import Placement, cluster_articles
from newsprism.model import Article


class _ScriptedClusterer:
    """Stands in for OnlineClusterer: each article's placement is scripted, merges included."""

    script: ClassVar[dict[str, Placement]] = {}

    def __init__(self, *_args: object, **_kwargs: object) -> None:
        pass

    def add(self, article: Article, _vector: np.ndarray) -> Placement:
        return self.script[article.id]

    def split_due(self, _story: str) -> bool:
        return False


def test_merge_chains_resolve_to_the_surviving_story(monkeypatch: pytest.MonkeyPatch) -> None:
    arts = [
        Article(id=f"a{i}", text="x", outlet="o", title="t", published=f"2031-01-0{i}") for i in range(1, 7)
    ]
    _ScriptedClusterer.script = {
        "a1": Placement("a1", "s1", True, 1.0),
        "a2": Placement("a2", "s2", True, 1.0),
        "a3": Placement("a3", "s3", True, 1.0, merged=("s1",)),  # s1 folded into s3
        "a4": Placement("a4", "s4", True, 1.0, merged=("s3",)),  # ... and s3 into s4
        "a5": Placement("a5", "s2", False, 1.0),
        "a6": Placement("a6", "s6", True, 1.0, merged=("s4", "s2")),  # everything into s6
    }
    monkeypatch.setattr(cluster, "OnlineClusterer", _ScriptedClusterer)
    vectors = np.zeros((len(arts), 4), dtype=np.float32)
    assert cluster_articles(arts, vectors) == ["s6"] * 6
    _ScriptedClusterer.script["a6"] = Placement("a6", "s6", True, 1.0)
    assert cluster_articles(arts, vectors) == ["s4", "s2", "s4", "s4", "s2", "s6"]
