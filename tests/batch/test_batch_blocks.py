"""Clustering in language x time blocks and merging at block edges (synthetic rows, no models)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from blocks_corpus import BLOCK_DAYS, EDGE_DAY, archive_rows, event_rows, write_articles_part

from newsprism.batch.blocks import AttachTask, cluster_in_blocks, join_undated, time_blocks, undated_tasks
from newsprism.batch.stages import attach_rows, attach_undated, cluster_block, cluster_rows, read_articles
from newsprism.errors import UsageError


def serial(blocks: Sequence[Sequence[Any]]) -> list[list[str]]:
    """One block after another in this process, on rows held in memory."""
    return [cluster_rows(b) for b in blocks]


def partition(rows: Sequence[dict[str, Any]], stories: Sequence[str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for r, sid in zip(rows, stories, strict=True):
        groups.setdefault(sid, set()).add(r["id"])
    return {frozenset(g) for g in groups.values()}


def test_blocks_follow_the_calendar_and_the_language() -> None:
    rows = [*archive_rows(), *event_rows("strike", [0, 1], language="de")]
    blocks = time_blocks(rows, BLOCK_DAYS)
    assert [(b.language, b.number) for b in blocks] == [
        ("de", EDGE_DAY // 10),
        ("en", EDGE_DAY // 10 - 1),
        ("en", EDGE_DAY // 10),
        ("en", EDGE_DAY // 10 + 1),
    ]
    assert sorted(i for b in blocks for i in b.rows) == list(range(len(rows)))
    with pytest.raises(UsageError, match="positive"):
        time_blocks(rows, 0)


def attach_serial(tasks: Sequence[AttachTask]) -> list[list[tuple[str | None, float]]]:
    return [attach_rows(stories, undated) for stories, undated in tasks]


def _undated(rows: Sequence[dict[str, Any]], event: str) -> list[dict[str, Any]]:
    return [{**r, "id": f"u{r['id']}", "published": None} for r in rows if r["id"].startswith(event)]


def test_undated_rows_are_a_block_of_their_own() -> None:
    rows = archive_rows()
    undated = _undated(rows, "vote")
    blocks = time_blocks([*rows, *undated], BLOCK_DAYS)
    assert (blocks[0].language, blocks[0].number) == ("en", None)
    assert blocks[0].rows == tuple(range(len(rows), len(rows) + len(undated)))
    result = cluster_in_blocks([*rows, *undated], serial, BLOCK_DAYS)
    assert len(set(result.stories[len(rows) :])) == 1  # clustered together, never near an edge
    assert result.merged == 1 and result.attached == 0


def test_undated_rows_join_the_dated_story_of_their_event() -> None:
    rows = archive_rows()
    undated = _undated(rows, "vote")
    result = cluster_in_blocks([*rows, *undated], serial, BLOCK_DAYS, attach=attach_serial)
    vote = {
        sid for r, sid in zip(rows, result.stories[: len(rows)], strict=True) if r["id"].startswith("vote")
    }
    assert set(result.stories[len(rows) :]) == vote and len(vote) == 1
    assert result.attached == len(undated)
    # the dated stories, their edges and merges are what they were without the undated rows
    alone = cluster_in_blocks(rows, serial, BLOCK_DAYS, attach=attach_serial)
    assert result.stories[: len(rows)] == alone.stories
    assert (result.edge_articles, result.merged) == (alone.edge_articles, alone.merged)


def test_an_undated_row_of_another_event_stays_on_its_own() -> None:
    rows = archive_rows()
    other = event_rows("vote", [0, 1], language="de")  # the same event in another language: no story
    german = [{**r, "published": None} for r in other]
    result = cluster_in_blocks([*rows, *german], serial, BLOCK_DAYS, attach=attach_serial)
    assert result.attached == 0
    assert not set(result.stories[len(rows) :]) & set(result.stories[: len(rows)])


def test_an_undated_row_covering_two_stories_does_not_chain_them() -> None:
    """An undated article that reads like both the strike and the flood joins one of them at most; the
    two dated stories stay apart (the online clusterer would grow one by it and might merge the two)."""
    rows = archive_rows()
    strike = [r for r in rows if r["id"].startswith("strike")]
    flood = [r for r in rows if r["id"].startswith("flood")]
    bridges = []
    for k, (s, f) in enumerate(zip(strike, flood, strict=False)):
        v = np.asarray(s["lead_vector"]) + np.asarray(f["lead_vector"])
        bridges.append(
            {
                **s,
                "id": f"bridge{k}",
                "published": None,
                "title": f"{s['title']} as {f['title']}",
                "text": f"{s['text']} {f['text']}",
                "lead_vector": (v / np.linalg.norm(v)).tolist(),
            }
        )
    result = cluster_in_blocks([*rows, *bridges], serial, BLOCK_DAYS, attach=attach_serial)
    story = dict(zip((r["id"] for r in [*rows, *bridges]), result.stories, strict=True))
    assert len({story[r["id"]] for r in strike}) == 1 and len({story[r["id"]] for r in flood}) == 1
    assert story[strike[0]["id"]] != story[flood[0]["id"]]
    assert partition(rows, result.stories[: len(rows)]) == partition(
        rows, cluster_in_blocks(rows, serial, BLOCK_DAYS).stories
    )


def test_undated_attachment_reads_its_rows_from_the_parts(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow", reason="the batch pipeline needs pyarrow (the 'ray' extra)")
    rows = archive_rows()
    allrows = [*rows, *_undated(rows, "vote"), *_undated(rows, "flood")]
    refs = write_articles_part(allrows, tmp_path)
    planned = cluster_in_blocks(
        refs,
        lambda bs: [cluster_block(str(tmp_path), b) for b in bs],
        BLOCK_DAYS,
        attach=lambda ts: [attach_undated(str(tmp_path), s, u) for s, u in ts],
    )
    held = cluster_in_blocks(allrows, serial, BLOCK_DAYS, attach=attach_serial)
    assert (planned.stories, planned.attached) == (held.stories, held.attached) and held.attached == 6


def test_undated_tasks_cut_a_language_s_stories_whole() -> None:
    rows = archive_rows()
    allrows = [*rows, *_undated(rows, "vote")]
    blocks = time_blocks(allrows, BLOCK_DAYS)
    owner = cluster_in_blocks(allrows, serial, BLOCK_DAYS).stories
    tasks, undated = undated_tasks(allrows, blocks, owner, chunk_rows=4)
    assert [sorted(len(m) for _sid, m in stories) for stories, _u in tasks] == [[3, 6], [3]]
    assert all(len(u) == 3 for _s, u in tasks) and undated == [tuple(range(len(rows), len(allrows)))] * 2
    # the best score over the tasks decides, and only above the threshold
    assert join_undated([(0, 1), (0, 1)], [[("a", 0.5), (None, -1.0)], [("b", 0.6), ("c", 0.2)]], 0.33) == {
        0: "b"
    }


def test_a_story_across_a_block_edge_is_one_story() -> None:
    rows = archive_rows()
    result = cluster_in_blocks(rows, serial, BLOCK_DAYS)
    stories = partition(rows, result.stories)
    strike = frozenset(r["id"] for r in rows if r["id"].startswith("strike"))
    assert strike in stories  # whole, although its days fall in two blocks
    assert len(stories) == 3
    assert result.merged == 1 and result.edge_articles >= len(strike)
    # The strike story keeps the id its first block gave it (its earliest article's story).
    first = min((r for r in rows if r["id"] in strike), key=lambda r: r["published"])
    assert {sid for r, sid in zip(rows, result.stories, strict=True) if r["id"] in strike} == {
        f"st{first['id']}"
    }


def test_without_the_edge_merge_the_blocks_split_the_story() -> None:
    """The block-level clustering really does split it: the merge is what makes it whole."""
    rows = archive_rows()
    blocks = time_blocks(rows, BLOCK_DAYS)
    per_block = serial([[rows[i] for i in b.rows] for b in blocks])
    strike_ids = {
        sid
        for b, ids in zip(blocks, per_block, strict=True)
        for i, sid in zip(b.rows, ids, strict=True)
        if rows[i]["id"].startswith("strike")
    }
    assert len(strike_ids) == 2


def test_blocks_agree_with_one_block_when_nothing_straddles_badly() -> None:
    rows = archive_rows()
    blocked = cluster_in_blocks(rows, serial, BLOCK_DAYS)
    whole = cluster_in_blocks(rows, serial, 10_000.0)
    assert len(whole.blocks) == 1 and whole.merged == 0
    assert partition(rows, blocked.stories) == partition(rows, whole.stories)


def test_stories_far_from_edges_are_not_reclustered() -> None:
    rows = [r for r in archive_rows() if not r["id"].startswith("strike")]
    result = cluster_in_blocks(rows, serial, BLOCK_DAYS)
    assert result.edge_articles == 0 and result.merged == 0
    assert len(partition(rows, result.stories)) == 2


def test_block_tasks_read_their_articles_from_the_parts(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow", reason="the batch pipeline needs pyarrow (the 'ray' extra)")
    rows = archive_rows()
    refs = write_articles_part(rows, tmp_path)
    assert cluster_block(str(tmp_path), refs) == cluster_rows(rows)
    backwards = refs[::-1]  # across row groups, in any order
    got = read_articles(tmp_path, backwards, ["id", "text"])
    assert [r["id"] for r in got] == [r["id"] for r in backwards]
    with pytest.raises(RuntimeError, match="changed"):
        read_articles(tmp_path, [{**refs[0], "pos": 1}], ["id"])
    # planned on refs (ids and dates only), the blocks give the stories they give on full rows
    planned = cluster_in_blocks(refs, lambda bs: [cluster_block(str(tmp_path), b) for b in bs], BLOCK_DAYS)
    held = cluster_in_blocks(rows, serial, BLOCK_DAYS)
    assert (planned.stories, planned.blocks, planned.merged) == (held.stories, held.blocks, held.merged)


def test_the_story_settings_reach_block_clustering_and_undated_scoring() -> None:
    from dataclasses import replace

    from newsprism.settings import StorySettings

    rows = archive_rows()
    undated = _undated(rows, "vote")
    strict = StorySettings(threshold=0.99, merge_threshold=1.0)  # nothing is close enough to join

    def cluster(blocks: Sequence[Sequence[Any]]) -> list[list[str]]:
        return [cluster_rows(b, strict) for b in blocks]

    def attach(tasks: Sequence[AttachTask]) -> list[list[tuple[str | None, float]]]:
        return [attach_rows(stories, undated, strict) for stories, undated in tasks]

    result = cluster_in_blocks([*rows, *undated], cluster, BLOCK_DAYS, attach=attach, config=strict)
    assert len(set(result.stories[: len(rows)])) == len(rows)  # each dated report a story of its own
    assert len(set(cluster_in_blocks(rows, serial, BLOCK_DAYS).stories)) < len(rows)
    # an undated copy still scores with its dated original above even this threshold, and joins it
    assert set(result.stories[len(rows) :]) <= set(result.stories[: len(rows)]) and result.attached == 3
    beyond = replace(strict, threshold=1.5)  # beyond any score: the join threshold comes from config too
    none = cluster_in_blocks([*rows, *undated], cluster, BLOCK_DAYS, attach=attach, config=beyond)
    assert none.attached == 0
