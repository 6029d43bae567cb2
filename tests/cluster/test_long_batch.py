"""One ingest batch that spans more than the time window: early stories are evicted but still stored."""

from __future__ import annotations

from pathlib import Path

from story_fixtures import EVENTS, HashEmbedder, make_article

from newsprism.cluster import StorySettings
from newsprism.store import open_store
from newsprism.stories import StoryService


def test_stories_evicted_within_a_batch_keep_their_rows(tmp_path: Path) -> None:
    months = ("2031-01-05", "2031-03-05", "2031-05-05")
    arts = [
        make_article(outlet, month, title, text)
        for month, items in zip(months, EVENTS.values(), strict=True)
        for outlet, _date, title, text in items
    ]
    store = open_store(tmp_path / "s.sqlite")
    service = StoryService(store, HashEmbedder(), StorySettings(index="exact", window_days=5.0))
    got = service.ingest(arts)  # one batch; each event is months after the one before
    assert got.added == 9
    stories = store.stories()
    assert sorted(len(s.article_ids) for s in stories) == [3, 3, 3]
    assert all(s.title for s in stories)
    assert service.clusterer.evicted >= 1
    store.close()
