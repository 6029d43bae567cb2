"""Clustering an archive in parallel: language x time blocks, then merging stories across block edges.

The story clusterer is an online one (publication order, stories forget articles older than
``window_days``), so an archive can be cut into blocks of consecutive days and each block clustered on
its own, in parallel. What that loses is a story running across a block edge: it comes out as two
stories, one per side. :func:`edge_sets` picks, at each edge, the stories whose time span comes within
``window_days`` of it (on either side) and :func:`merge_at_edges` re-clusters each such set with the
same clusterer: stories from the two sides that land in one cluster become one story. Stories far from
every edge are never touched, so the edge work is small next to the blocks.

Blocks are aligned to the calendar (day number // ``block_days``), not to the data, so adding shards to
an archive does not move block edges and earlier stories keep their ids; undated articles form one
block per language. An undated article that clearly covers a dated story's event (it scores above the
clusterer's join threshold with it, as it would when ``ingest`` places it) then joins that story
(:func:`join_undated`); it is scored against the finished stories without changing them, so it never
joins two stories into one and, having no date, never moves a story's time span. Every function here
is plain and deterministic; both engines call them and run the block and edge clustering with the same
:func:`~newsprism.batch.stages.cluster_block` (the undated scoring with
:func:`~newsprism.batch.stages.attach_undated`), which is why local and Ray runs agree.
"""

from __future__ import annotations

import math
import time
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from newsprism.settings import StorySettings

Row = Mapping[str, Any]
#: Clusters many blocks of rows (in parallel or not) into story ids per row: ``Engine.cluster``.
ClusterMany = Callable[[Sequence[Sequence[Any]]], list[list[str]]]
#: One undated-attachment task: dated stories (id, member rows) and the undated rows to score with them.
AttachTask = tuple[list[tuple[str, list[Any]]], list[Any]]
#: Runs many such tasks (in parallel or not): for each undated row, its best story and score
#: (``Engine.attach``, :func:`~newsprism.batch.stages.attach_rows` per task).
AttachMany = Callable[[Sequence[AttachTask]], list[list[tuple[str | None, float]]]]

#: Default block length: about a month, i.e. several clustering windows, so edge sets stay a small
#: share of each block while a block of a busy archive still has tens of thousands of articles.
BLOCK_DAYS = 28.0
#: Dated articles per undated-attachment task: every task also holds all undated articles of its
#: language, so they are read once per this many dated ones.
ATTACH_ROWS = 20_000


@dataclass(frozen=True, slots=True)
class Block:
    """Rows (indexes into the archive's row list, in input order) of one language and time block."""

    language: str
    number: int | None  # day // block_days; None for the language's undated rows
    rows: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class StorySpan:
    """Where a block-level story sits: its block, first and last publication day, and its rows."""

    story: str
    block: int  # position in the block list
    first: float | None
    last: float | None
    rows: tuple[int, ...]


def row_days(rows: Sequence[Row]) -> list[float | None]:
    """Each row's publication day number (None when undated), as the story clusterer reads dates."""
    from newsprism.cluster.features import day_number

    return [day_number(r.get("published")) for r in rows]


def time_blocks(rows: Sequence[Row], block_days: float = BLOCK_DAYS) -> list[Block]:
    """Cut rows into language x time blocks, in (language, block number) order.

    Undated rows of a language form one block of their own, clustered among themselves without time
    (an archive without dates is clustered as before blocks): there is no day to place them by, and
    putting them beside whatever dated rows precede them in the input would scatter one story's
    undated articles over many blocks.
    """
    if block_days <= 0:
        from newsprism.errors import UsageError

        raise UsageError(f"block_days must be positive, got {block_days}")
    days = row_days(rows)
    groups: dict[tuple[str, int | None], list[int]] = defaultdict(list)
    for i, (r, day) in enumerate(zip(rows, days, strict=True)):
        number = None if day is None else math.floor(day / block_days)
        groups[(r.get("language") or "und", number)].append(i)
    keys = sorted(groups, key=lambda k: (k[0], k[1] is not None, k[1] or 0))
    return [Block(lang, number, tuple(groups[(lang, number)])) for lang, number in keys]


def story_spans(
    blocks: Sequence[Block], assigned: Sequence[Sequence[str]], days: Sequence[float | None]
) -> list[StorySpan]:
    """The stories each block's clustering produced, with their time spans."""
    spans: list[StorySpan] = []
    for b, (block, ids) in enumerate(zip(blocks, assigned, strict=True)):
        members: dict[str, list[int]] = defaultdict(list)
        for i, sid in zip(block.rows, ids, strict=True):
            members[sid].append(i)
        for sid, rows in members.items():
            dated = [d for d in (days[i] for i in rows) if d is not None]
            first, last = (min(dated), max(dated)) if dated else (None, None)
            spans.append(StorySpan(sid, b, first, last, tuple(rows)))
    return spans


def edge_sets(
    blocks: Sequence[Block], spans: Sequence[StorySpan], block_days: float, window_days: float
) -> list[tuple[int, ...]]:
    """At each edge between consecutive dated blocks of one language, the rows of the stories that come
    within ``window_days`` of the edge on either side (only edges with such stories on both sides)."""
    by_block: dict[int, list[StorySpan]] = defaultdict(list)
    for s in spans:
        by_block[s.block].append(s)
    out: list[tuple[int, ...]] = []
    for left in range(len(blocks) - 1):
        a, b = blocks[left], blocks[left + 1]
        if a.language != b.language or a.number is None or b.number is None:
            continue
        edge = b.number * block_days
        near_left = [s for s in by_block[left] if s.last is not None and s.last >= edge - window_days]
        near_right = [s for s in by_block[left + 1] if s.first is not None and s.first < edge + window_days]
        if near_left and near_right:
            out.append(tuple(sorted(i for s in (*near_left, *near_right) for i in s.rows)))
    return out


def merge_at_edges(
    spans: Sequence[StorySpan],
    edges: Sequence[Sequence[int]],
    reclustered: Sequence[Sequence[str]],
) -> dict[str, str]:
    """Story id -> the id it keeps after merging: stories whose rows share a cluster in an edge's
    re-clustering become one, named after the member from the earliest block (then the smallest id)."""
    story_of_row = {i: s for s in spans for i in s.rows}
    rank = {s.story: (s.block, s.story) for s in spans}
    parent = {s.story: s.story for s in spans}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for rows, ids in zip(edges, reclustered, strict=True):
        together: dict[str, list[str]] = defaultdict(list)
        for i, cid in zip(rows, ids, strict=True):
            together[cid].append(story_of_row[i].story)
        for stories in together.values():
            roots = sorted({find(s) for s in stories}, key=rank.__getitem__)
            for other in roots[1:]:
                parent[other] = roots[0]
    return {s: find(s) for s in parent}


@dataclass(frozen=True, slots=True)
class BlockClustering:
    """Story id of every row (input order), and what the blocks and edges cost."""

    stories: tuple[str, ...]
    blocks: tuple[Block, ...]
    edge_articles: int  # rows re-clustered at block edges (a row near two edges counts twice)
    merged: int  # block-level stories folded into another one at an edge
    attached: int  # undated rows that joined a dated story
    seconds: Mapping[str, float]  # wall seconds of the block and the edge clustering


def cluster_in_blocks(
    rows: Sequence[Row],
    cluster: ClusterMany,
    block_days: float = BLOCK_DAYS,
    window_days: float | None = None,
    attach: AttachMany | None = None,
    config: StorySettings | None = None,
) -> BlockClustering:
    """Cluster rows (article fields and ``lead_vector``) per language x time block with ``cluster``,
    then merge the stories that meet at block edges; ``window_days`` defaults to ``config``'s (the
    settings' ``[stories]``, which ``cluster`` and ``attach`` must use too).
    With ``attach``, each undated row that scores above the join threshold with a dated story of its
    language joins it (:func:`undated_tasks`, :func:`join_undated`)."""
    config = config or StorySettings()
    window = config.window_days if window_days is None else window_days
    blocks = time_blocks(rows, block_days)
    days = row_days(rows)
    t = time.perf_counter()
    assigned = cluster([[rows[i] for i in b.rows] for b in blocks])
    block_seconds = time.perf_counter() - t
    spans = story_spans(blocks, assigned, days)
    edges = edge_sets(blocks, spans, block_days, window)
    t = time.perf_counter()
    reclustered = cluster([[rows[i] for i in e] for e in edges]) if edges else []
    edge_seconds = time.perf_counter() - t
    final = merge_at_edges(spans, edges, reclustered)
    owner = [""] * len(rows)
    for span in spans:
        for i in span.rows:
            owner[i] = final[span.story]
    attached = 0
    t = time.perf_counter()
    if attach is not None:
        tasks, undated = undated_tasks(rows, blocks, owner)
        joined = join_undated(undated, attach(tasks) if tasks else [], config.threshold)
        for i, sid in joined.items():
            owner[i] = sid
        attached = len(joined)
    return BlockClustering(
        stories=tuple(owner),
        blocks=tuple(blocks),
        edge_articles=sum(len(e) for e in edges),
        merged=sum(1 for s, keep in final.items() if s != keep),
        attached=attached,
        seconds={
            "cluster-blocks": block_seconds,
            "cluster-edges": edge_seconds,
            "cluster-undated": time.perf_counter() - t,
        },
    )


def undated_tasks(
    rows: Sequence[Row], blocks: Sequence[Block], owner: Sequence[str], chunk_rows: int = ATTACH_ROWS
) -> tuple[list[AttachTask], list[tuple[int, ...]]]:
    """Tasks that score each language's undated rows against its dated stories, and the undated rows
    (indexes) of each task. A language's stories (in block order, whole) are cut into tasks of about
    ``chunk_rows`` articles, each with all of the language's undated rows."""
    stories: dict[str, dict[str, list[int]]] = defaultdict(dict)  # language -> story -> rows
    undated: dict[str, tuple[int, ...]] = {}
    for b in blocks:
        if b.number is None:
            undated[b.language] = b.rows
            continue
        for i in b.rows:
            stories[b.language].setdefault(owner[i], []).append(i)
    tasks: list[AttachTask] = []
    which: list[tuple[int, ...]] = []
    for language, loose in undated.items():
        chunk: list[tuple[str, list[Row]]] = []
        size = 0
        for sid, members in stories.get(language, {}).items():
            chunk.append((sid, [rows[i] for i in members]))
            size += len(members)
            if size >= chunk_rows:
                tasks.append((chunk, [rows[i] for i in loose]))
                which.append(loose)
                chunk, size = [], 0
        if chunk:
            tasks.append((chunk, [rows[i] for i in loose]))
            which.append(loose)
    return tasks, which


def join_undated(
    undated: Sequence[Sequence[int]], scored: Sequence[Sequence[tuple[str | None, float]]], threshold: float
) -> dict[int, str]:
    """Undated row -> the dated story it joins: its best score over all tasks, if that reaches the
    clusterer's join threshold (ties go to the earlier task). Rows that join none keep the story the
    undated block's clustering gave them."""
    best: dict[int, tuple[float, str]] = {}
    for loose, answers in zip(undated, scored, strict=True):
        for i, (sid, score) in zip(loose, answers, strict=True):
            if sid is not None and score >= threshold and (i not in best or score > best[i][0]):
                best[i] = (score, sid)
    return {i: sid for i, (_score, sid) in sorted(best.items())}
