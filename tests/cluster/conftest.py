"""Fixtures for the cluster tests; the data and helpers live in story_fixtures.py."""

from __future__ import annotations

import pytest
from story_fixtures import EVENTS, HashEmbedder, make_article

from newsprism.model import Article


@pytest.fixture
def event_articles() -> list[tuple[str, Article]]:
    """(event name, article) pairs, interleaved the way a feed reader sees them."""
    out = []
    for i in range(3):
        for name, items in EVENTS.items():
            out.append((name, make_article(*items[i])))
    return out


@pytest.fixture
def hash_embedder() -> HashEmbedder:
    return HashEmbedder()
