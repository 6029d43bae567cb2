"""Clustering in language x time blocks and merging at block edges (synthetic rows, no models)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from blocks_corpus import BLOCK_DAYS, EDGE_DAY, archive_rows, event_rows, write_articles_part

from newsprism.batch.blocks import cluster_in_blocks, time_blocks
from newsprism.batch.stages import cluster_block, cluster_rows, read_articles
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


def test_undated_rows_are_a_block_of_their_own() -> None:
    rows = archive_rows()
    undated = [{**r, "id": f"u{r['id']}", "published": None} for r in rows if r["id"].startswith("vote")]
    blocks = time_blocks([*rows, *undated], BLOCK_DAYS)
    assert (blocks[0].language, blocks[0].number) == ("en", None)
    assert blocks[0].rows == tuple(range(len(rows), len(rows) + len(undated)))
    result = cluster_in_blocks([*rows, *undated], serial, BLOCK_DAYS)
    assert len(set(result.stories[len(rows) :])) == 1  # clustered together, never near an edge
    assert result.merged == 1


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
