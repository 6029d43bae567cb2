"""Re-clustering the whole store: story ids stay, undated articles keep to their event, all or nothing."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest
from story_fixtures import EVENTS, HashEmbedder, make_article

from newsprism.cluster import StorySettings
from newsprism.model import Article
from newsprism.store import SqliteStore, StoryUpdate, open_store
from newsprism.stories import StoryService, inherited_ids, recluster_order


def _service(store: SqliteStore) -> StoryService:
    return StoryService(store, HashEmbedder(), StorySettings(index="exact"))


def _arrange(store: SqliteStore, stories: dict[str, list[Article]], merged: dict[str, str]) -> None:
    """Give the stored articles the story ids a long-lived store might hold (and merged-away ids)."""
    store.reset_stories()
    heads = [StoryUpdate(sid, sid, None, None) for sid in [*stories, *merged]]
    assignments = {a.id: sid for sid, members in stories.items() for a in members}
    store.commit_batch([], np.zeros((0, 0), np.float32), assignments, heads, merged)


def test_recluster_keeps_story_ids_and_old_ids_open_their_articles_story(tmp_path: Path) -> None:
    """QA: after `recluster`, `newsprism story <old id>` failed although the articles were unchanged:
    each story was renamed after its first member in publication order. Now a new story takes the id
    of the old story it shares the most articles with; an old id no story took (a story absorbed by
    another, or a story merged away before) opens the story that holds most of its articles."""
    ferry = [make_article(*item) for item in EVENTS["ferry"]]
    vote = [make_article(*item) for item in EVENTS["vote"]]
    store = open_store(tmp_path / "s.sqlite")
    service = _service(store)
    service.ingest([*ferry, *vote])
    # One ferry report had been filed on its own, one vote report with the ferry, and an old story
    # "gone" had been merged into the vote story.
    _arrange(
        store,
        {"ferry-story": [*ferry[:2], vote[0]], "vote-story": vote[1:], "lonely": [ferry[2]]},
        {"gone": "vote-story"},
    )
    result = service.recluster()
    after = {s.id: sorted(s.article_ids) for s in store.stories()}
    assert after == {
        "ferry-story": sorted(a.id for a in ferry),
        "vote-story": sorted(a.id for a in vote),
    }
    assert result.kept_ids == 2
    for old, now in (("lonely", "ferry-story"), ("gone", "vote-story")):
        row = store.story(old)
        assert row is not None and row.id == now
    again = service.recluster()  # nothing changes now
    assert {s.id: sorted(s.article_ids) for s in store.stories()} == after and again.kept_ids == 2
    store.close()


def test_a_story_whose_first_member_changes_keeps_its_id(tmp_path: Path) -> None:
    """The story is named after the article that opened it; after a recluster in publication order
    another article comes first, and the story still goes by its old id (with its cached pages)."""
    ferry = [make_article(*item) for item in EVENTS["ferry"]]
    store = open_store(tmp_path / "s.sqlite")
    service = _service(store)
    service.ingest([ferry[2]])  # the latest report arrives first and names the story
    service.ingest(ferry[:2])
    (before,) = store.stories()
    assert before.id == f"st{ferry[2].id}"
    store.put_page(before.id, "layout", "<html>page</html>")
    service.recluster()
    (after,) = store.stories()
    assert after.id == before.id and after.article_ids == before.article_ids
    assert store.get_page(after.id, "layout") == "<html>page</html>"
    store.close()


def test_inherited_ids_each_old_id_once_and_only_for_mostly_the_same_story() -> None:
    before = {"A": ("1", "2", "3"), "B": ("4",), "C": ("5", "6"), "D": ("7", "8", "9", "10")}
    after = {
        "stx": ("1", "2", "3", "4"),
        "st5": ("5",),
        "st6": ("6",),
        "stA": ("7",),
        "st8": ("8", "9", "10", "11"),
    }
    renames, opens = inherited_ids(before, after, {"M": "B"})
    assert renames["stx"] == "A" and renames["st8"] == "D"
    assert renames["st5"] == "C" and renames["st6"] == "st6"  # a tie: one of the halves, the same each time
    assert renames["stA"] == "stA"  # shares 1 of D's 4 articles, and D went to a closer story
    assert opens == {"B": "A", "M": "A"}
    clash = inherited_ids({"st1": ("1", "2"), "st3": ("3",)}, {"st2": ("1", "2"), "st1": ("9",)})[0]
    assert clash == {"st2": "st1", "st1": "st9"}  # an old id in use is not taken by another story


def test_undated_articles_are_placed_with_their_event_not_first() -> None:
    """QA: an undated article that arrived with a batch of older news was placed at the date of the
    article before it in arrival order, days before its own event, so it opened that story when
    re-clustered. It now goes just after the latest dated article of the story it was in."""

    def art(aid: str, published: str | None) -> Article:
        return Article(id=aid, text=aid, title=aid, outlet="o", published=published)

    arrived = [
        art("transfer-1", "2026-03-06T17:05:00+00:00"),
        art("fire-1", "2026-03-03"),
        art("transfer-undated", None),
        art("fire-undated", None),
        art("fire-2", "2026-03-04"),
        art("transfer-2", "2026-03-06"),
    ]
    stories = {
        "T": ("transfer-1", "transfer-undated", "transfer-2"),
        "F": ("fire-1", "fire-undated", "fire-2"),
    }
    order = [arrived[i].id for i in recluster_order(arrived, stories)]
    assert order == ["fire-1", "fire-2", "fire-undated", "transfer-2", "transfer-1", "transfer-undated"]
    # Of no story with a date: after the dated article that arrived before it, as at ingest.
    assert [arrived[i].id for i in recluster_order(arrived, {})][:3] == [
        "fire-1",
        "transfer-undated",
        "fire-undated",
    ]


def test_a_recluster_that_fails_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ferry = [make_article(*item) for item in EVENTS["ferry"]]
    store = open_store(tmp_path / "s.sqlite")
    service = _service(store)
    service.ingest([ferry[2]])
    service.ingest(ferry[:2])
    store.put_report(store.stories()[0].id, "k", "{}")
    before = store.stories()

    def broken(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(store, "rename_stories", broken)
    with pytest.raises(OSError):
        service.recluster()
    assert store.stories() == before and store.get_report(before[0].id, "k") == "{}"
    assert store.get_state("cluster.newest") == "2031-04-03"
    monkeypatch.undo()
    service.recluster()
    assert store.stories() == before
    assert store.get_state("cluster.newest") == "2031-04-03"  # kept for the next ingest's window
    late = dataclasses.replace(
        ferry[0], id="late", text=ferry[0].text + " Update.", url="https://x.example/l"
    )
    assert service.ingest([late]).new_stories == 0  # and the service goes on with the stories it made
    store.close()
