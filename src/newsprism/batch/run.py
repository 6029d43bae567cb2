"""``run_batch``: shards -> articles parts -> stories (per language block) -> story tables and reports.

Output folder layout (every table is a folder of Parquet part files; read it with ``pyarrow.dataset``)::

    OUT/articles/<shard>.parquet   normalised text, parse and vectors of each article
    OUT/skipped/<shard>.parquet    inputs that could not be analysed, and why (row null: the whole shard)
    OUT/stories|claims|quotes|findings/<group>.parquet
    OUT/reports/<story>.json       the report-schema-v1 JSON of each story
    OUT/run.json                   counts and throughput per stage of the last run

A re-run skips shards whose articles part exists and whose bytes have not changed since (each part
records its shard's size, time and content hash), and story groups whose stories part exists; it
re-clusters (cheap next to the article stage) and removes story parts and reports that the new
clustering no longer produces, so adding shards to an archive, or lines to a shard, updates only what
changed. A JSON lines shard that only grew (its earlier bytes hash as before and ended with a line
break) has only its new lines processed, after the rows kept from its part; any other changed shard is
processed again whole. Either way every story group that reads it is analysed again, and the output is
the output of a run over the whole shard. Parts of shards that are no longer in the input are kept
(with a warning): their articles stay in the stories until their parts are deleted.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsprism.batch.blocks import BLOCK_DAYS, AttachMany, ClusterMany
from newsprism.batch.engines import GroupTask, make_engine
from newsprism.batch.io import TABLES, list_shards, part_path, read_parts, read_stamp, shard_key, stamp_in
from newsprism.batch.stages import ARTICLE_STAGES, STORY_STAGES, StageStats
from newsprism.errors import UsageError
from newsprism.settings import Settings, StorySettings

Progress = Callable[[str], None]

#: What the driver reads of each article to plan blocks and stories: ids and dates, not text or vectors
#: (the block tasks read those themselves), so the driver's memory stays small for large archives.
_PLAN_COLUMNS = ("id", "shard", "row", "published", "language")


@dataclass
class BatchSummary:
    """What a run did and how fast each stage went (``articles_per_core_second`` per stage)."""

    engine: str
    workers: int
    shards: int = 0
    shards_done: int = 0
    shards_skipped: int = 0
    shards_unreadable: int = 0
    shards_changed: int = 0
    shards_grown: int = 0
    articles: int = 0
    skipped_inputs: int = 0
    duplicates: int = 0
    stories: int = 0
    groups_done: int = 0
    groups_skipped: int = 0
    block_days: float = BLOCK_DAYS
    blocks: int = 0
    edge_articles: int = 0
    edge_merges: int = 0
    undated_joined: int = 0
    wall: dict[str, float] = field(default_factory=dict)
    article_stats: StageStats = field(default_factory=StageStats)
    story_stats: StageStats = field(default_factory=StageStats)

    def throughput(self) -> dict[str, dict[str, float]]:
        """Per stage: items, busy seconds inside the workers (``core_seconds``: wall time of one worker
        core, which grows when other jobs compete), process CPU seconds, and items per CPU second
        (over this run's new work)."""
        out: dict[str, dict[str, float]] = {}
        for stats, stages in ((self.article_stats, ARTICLE_STAGES), (self.story_stats, STORY_STAGES)):
            for stage in stages:
                secs = stats.seconds.get(stage, 0.0)
                cpu = stats.cpu.get(stage, 0.0)
                items = stats.items.get(stage, 0)
                name = stage if stats is self.article_stats else f"story-{stage}"
                out[name] = {
                    "items": items,
                    "core_seconds": round(secs, 3),
                    "per_core_second": round(items / secs, 2) if secs > 0 else 0.0,
                    "cpu_seconds": round(cpu, 3),
                    "per_cpu_second": round(items / cpu, 2) if cpu > 0 else 0.0,
                }
        return out

    def as_dict(self) -> dict[str, Any]:
        return {
            "engine": self.engine,
            "workers": self.workers,
            "shards": self.shards,
            "shards_done": self.shards_done,
            "shards_skipped": self.shards_skipped,
            "shards_unreadable": self.shards_unreadable,
            "shards_changed": self.shards_changed,
            "shards_grown": self.shards_grown,
            "articles": self.articles,
            "skipped_inputs": self.skipped_inputs,
            "duplicates": self.duplicates,
            "stories": self.stories,
            "groups_done": self.groups_done,
            "groups_skipped": self.groups_skipped,
            "block_days": self.block_days,
            "blocks": self.blocks,
            "edge_articles": self.edge_articles,
            "edge_merges": self.edge_merges,
            "undated_joined": self.undated_joined,
            "wall_seconds": {k: round(v, 3) for k, v in self.wall.items()},
            "stages": self.throughput(),
            "max_worker_rss_mb": round(max(self.article_stats.max_rss_mb, self.story_stats.max_rss_mb), 1),
        }

    def lines(self) -> list[str]:
        """A human summary: counts, then one line per stage."""
        total = sum(self.wall.get(k, 0.0) for k in ("articles", "cluster", "stories"))
        rate = self.articles / total if total else 0.0
        out = [
            f"{self.engine} engine, {self.workers} worker(s): {self.shards_done} shard(s) processed, "
            f"{self.shards_skipped} already done; {self.articles} articles, "
            f"{self.skipped_inputs} skipped inputs, "
            f"{self.stories} stories ({self.groups_skipped} story groups already done); "
            f"{total:.1f} s wall, {rate:.1f} articles/s",
        ]
        for name, t in self.throughput().items():
            if t["items"] or t["core_seconds"]:
                out.append(
                    f"  {name:<14} {int(t['items']):>8} items  {t['core_seconds']:>9.1f} busy s  "
                    f"{t['cpu_seconds']:>9.1f} cpu s  {t['per_cpu_second']:>8.1f} /cpu-s"
                )
        return out


def run_batch(
    input: str | Path,
    out: str | Path,
    engine: str = "local",
    address: str | None = None,
    *,
    settings: Settings | None = None,
    num_cpus: int = 2,
    story_group: int = 8,
    block_days: float = BLOCK_DAYS,
    progress: Progress | None = None,
) -> BatchSummary:
    """Process an archive of JSON lines / Parquet shards into Parquet tables and per-story JSON reports.

    ``engine`` is ``"local"`` (this process) or ``"ray"`` (a local Ray instance with ``num_cpus`` CPUs, or
    the cluster at ``address``). Both give identical output files (``run.json`` aside, which has timings).
    Stories are clustered per language and per ``block_days`` of publication dates, blocks in parallel,
    then merged where they meet at block edges (:mod:`newsprism.batch.blocks`).
    """
    say = progress or (lambda msg: print(f"newsprism batch: {msg}", file=sys.stderr))
    if not block_days > 0:
        raise UsageError(f"block_days must be a positive number of days, got {block_days}")
    settings = settings or Settings()
    source = Path(input)
    out_dir = Path(out)
    shards = list_shards(source)
    _prepare_out(out_dir, source)
    root = source if source.is_dir() else source.parent
    keyed = [(p, shard_key(p, root)) for p in shards]
    pending, changed, unstamped = _pending_shards(out_dir, keyed)
    _warn_about_parts(out_dir, {k for _p, k in keyed}, unstamped, say)

    with make_engine(engine, out_dir, settings, address=address, num_cpus=num_cpus) as runner:
        summary = BatchSummary(
            engine=runner.name, workers=runner.workers, shards=len(shards), block_days=block_days
        )
        summary.shards_skipped = len(shards) - len(pending)
        summary.shards_changed = len(changed)
        if summary.shards_skipped:
            say(f"{summary.shards_skipped} of {len(shards)} shard(s) already processed; skipping them")
        if changed:
            say(
                f"{len(changed)} shard(s) changed since they were processed ({_some(changed)}); "
                "processing their new lines where they only grew, otherwise the whole shard, and updating "
                "their stories"
            )

        t0 = time.perf_counter()
        names = {k: p for p, k in pending}
        for n, stats in enumerate(runner.articles(pending), start=1):
            summary.article_stats.merge(stats)
            summary.shards_done += 1
            summary.shards_grown += bool(stats.get("grown"))
            if "unreadable" in stats:
                summary.shards_unreadable += 1
                say(f"warning: skipped shard {names[stats['key']]}: {stats['unreadable']}")
            elapsed = time.perf_counter() - t0
            done = summary.article_stats.items.get("write", 0)
            say(
                f"articles: shard {n}/{len(pending)} ({stats['articles']} articles, "
                f"{stats['skipped']} skipped{'; only its new lines read' if stats.get('grown') else ''}); "
                f"{done / elapsed:.1f} articles/s so far"
            )
            if undated := stats.get("undated"):
                say(
                    f"warning: {names[stats['key']]}: {len(undated)} article(s) give a publication date "
                    f"that is not understood ({_some(undated)}); they are clustered as undated. Give dates "
                    "as ISO 8601 (2031-03-02) and run again to place them in time"
                )
        summary.wall["articles"] = time.perf_counter() - t0

        t0 = time.perf_counter()
        groups = _plan_stories(
            out_dir, runner.cluster, runner.attach, summary, story_group, block_days, settings.stories
        )
        summary.wall["cluster"] = time.perf_counter() - t0
        say(
            f"clustered {summary.articles} articles into {summary.stories} stories "
            f"({summary.blocks} language x time blocks; {summary.edge_merges} stories merged at block edges; "
            f"{summary.undated_joined} undated articles joined dated stories)"
        )

        t0 = time.perf_counter()
        todo = [(k, g) for k, g in groups if not part_path(out_dir, "stories", k).exists()]
        summary.groups_skipped = len(groups) - len(todo)
        for n, stats in enumerate(runner.stories(todo), start=1):
            summary.story_stats.merge(stats)
            summary.groups_done += 1
            say(f"stories: group {n}/{len(todo)} ({stats['stories']} stories)")
        summary.wall["stories"] = time.perf_counter() - t0

    skipped = read_parts(out_dir, "skipped", ["origin"])
    summary.skipped_inputs = skipped.num_rows
    (out_dir / "run.json").write_text(json.dumps(summary.as_dict(), indent=2) + "\n", encoding="utf-8")
    for line in summary.lines():
        say(line)
    return summary


def _prepare_out(out: Path, source: Path) -> None:
    """Create the output folder, or check that the existing one can take this run's output: a usage
    error that says what to give instead, rather than a failure half-way through the run."""
    if out.exists() and not out.is_dir():
        raise UsageError(
            f"--out {out} is a file, not a folder; give a new folder, or the output folder of an earlier "
            "batch run to add to it"
        )
    if source.is_dir() and out.resolve().is_relative_to(source.resolve()):
        raise UsageError(
            f"--out {out} is inside the input folder {source}: its Parquet parts would be read as input "
            "shards on the next run; give an output folder outside the input"
        )
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(
            f"cannot create the output folder {out} ({exc.strerror or exc}); give a folder in a place "
            "you can write to"
        ) from exc
    if not os.access(out, os.W_OK | os.X_OK):
        raise UsageError(f"cannot write to the output folder {out}; give a folder you can write to")
    names = {p.name for p in out.iterdir()}
    if names and not names & {"run.json", "articles", "skipped"}:
        # A re-run deletes story parts and reports it did not produce: never do that in someone's folder.
        raise UsageError(
            f"--out {out} is not empty and holds no earlier batch output (no run.json or articles folder); "
            "give a new or empty folder"
        )


def _pending_shards(
    out: Path, keyed: Sequence[tuple[Path, str]]
) -> tuple[list[tuple[Path, str]], list[Path], list[Path]]:
    """Shards to process: those without an articles part, and those whose bytes changed since their part
    was written (size and time first, the content hash when they moved). Also returns the changed ones
    and the done ones whose part has no stamp (written before stamps existed; kept as done)."""
    pending, changed, unstamped = [], [], []
    for path, key in keyed:
        part = part_path(out, "articles", key)
        if not part.exists():
            pending.append((path, key))
            continue
        stamp = read_stamp(part)
        if stamp is None:
            unstamped.append(path)
        elif not stamp.matches(path):
            pending.append((path, key))
            changed.append(path)
    return pending, changed, unstamped


def _warn_about_parts(out: Path, keys: set[str], unstamped: Sequence[Path], say: Progress) -> None:
    """Say which output no longer follows the input: parts of shards that are gone from it (their
    articles stay in the stories) and parts too old to tell whether their shard changed."""
    gone = sorted(p for p in (out / "articles").glob("*.parquet") if p.stem not in keys)
    if gone:
        names = [(s.path if (s := read_stamp(p)) else p.name) for p in gone]
        say(
            f"warning: {len(gone)} articles part(s) in {out / 'articles'} come from shards that are not in "
            f"this input ({_some(names)}); their articles stay in the stories. If those shards were "
            f"removed on purpose, delete their parts ({_some([p.name for p in gone])}) from "
            f"{out / 'articles'} and {out / 'skipped'} and run again"
        )
    if unstamped:
        say(
            f"warning: {len(unstamped)} shard(s) were processed by an older newsprism that did not record "
            f"their size and hash ({_some(unstamped)}), so changes to them are not seen; to process one "
            f"again, delete its part in {out / 'articles'}"
        )


def _some(items: Sequence[object], shown: int = 3) -> str:
    """The first few of a list for a message, with how many more."""
    head = ", ".join(str(x) for x in items[:shown])
    return head if len(items) <= shown else f"{head} and {len(items) - shown} more"


def _plan_stories(
    out: Path,
    cluster: ClusterMany,
    attach: AttachMany,
    summary: BatchSummary,
    story_group: int,
    block_days: float,
    config: StorySettings,
) -> list[GroupTask]:
    """Cluster (language x time blocks, merged at edges), then cut the stories into groups with
    content-derived keys."""
    import pyarrow.parquet as pq

    from newsprism.cluster import date_order

    rows: list[dict[str, Any]] = []
    versions: dict[str, str] = {}  # articles part -> content hash of the shard it was made from
    for part in sorted((out / "articles").glob("*.parquet")):
        fh = pq.ParquetFile(part)
        if (stamp := stamp_in(fh.schema_arrow.metadata)) is not None:
            versions[part.stem] = stamp.sha256
        for pos, row in enumerate(fh.read(columns=list(_PLAN_COLUMNS)).to_pylist()):
            row["pos"] = pos
            rows.append(row)
    rows.sort(key=lambda r: (r["shard"], r["row"]))
    seen: set[str] = set()
    unique = []
    for r in rows:
        if r["id"] in seen:
            summary.duplicates += 1
            continue
        seen.add(r["id"])
        unique.append(r)
    summary.articles = len(unique)

    from newsprism.batch.blocks import cluster_in_blocks

    clustering = cluster_in_blocks(unique, cluster, block_days, attach=attach, config=config)
    summary.blocks = len(clustering.blocks)
    summary.edge_articles = clustering.edge_articles
    summary.edge_merges = clustering.merged
    summary.undated_joined = clustering.attached
    summary.wall.update(clustering.seconds)
    owner = clustering.stories
    members: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r, sid in zip(unique, owner, strict=True):
        members[sid].append(r)
    stories: list[dict[str, Any]] = []
    for sid, rs in members.items():
        # a date that is not understood orders like no date, as the clusterer reads it
        ordered = [rs[i] for i in date_order([_readable(r["published"]) for r in rs])]
        refs = [{"id": r["id"], "shard": r["shard"], "pos": r["pos"]} for r in ordered]
        stories.append({"story": sid, "articles": refs})
    # Stories whose members sit in the same shards go together, so a group reads few article parts.
    stories.sort(key=lambda s: (min(ref["shard"] for ref in s["articles"]), s["story"]))
    summary.stories = len(stories)

    groups: list[GroupTask] = []
    for at in range(0, len(stories), story_group):
        chunk = stories[at : at + story_group]
        # The versions of the shards it reads are part of a group's key: an edited title or date keeps an
        # article's id (a hash of its text), and the group's stories must still be analysed again.
        touched = sorted({ref["shard"] for story in chunk for ref in story["articles"]})
        seen_versions = {k: versions[k] for k in touched if k in versions}
        text = json.dumps(chunk, sort_keys=True) + (json.dumps(seen_versions) if seen_versions else "")
        digest = hashlib.sha256(text.encode()).hexdigest()[:16]
        groups.append((f"g{digest}", chunk))
    _remove_stale(out, {k for k, _g in groups}, {s["story"] for s in stories})
    return groups


def _readable(published: str | None) -> str | None:
    from newsprism.cluster.features import day_number

    return published if day_number(published) is not None else None


def _remove_stale(out: Path, keys: set[str], story_ids: set[str]) -> None:
    """Drop story-table parts and reports that the current clustering no longer produces."""
    for table in TABLES[2:]:
        for part in (out / table).glob("*.parquet"):
            if part.stem not in keys:
                part.unlink()
    for report in (out / "reports").glob("*.json"):
        if report.stem not in story_ids:
            report.unlink()
