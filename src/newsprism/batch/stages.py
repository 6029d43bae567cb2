"""The batch stages as plain functions and model-holding workers; both engines call exactly these.

- :class:`ArticleWorker` turns one input shard into one articles part (normalise, segment, embed, and the
  per-article halves of the quotes and language lenses, :meth:`~newsprism.pipeline.Pipeline.annotate`).
- :func:`cluster_block` places one block's articles into stories with the story clusterer; it reads their
  texts and title+lead vectors from the articles parts itself, so the driver plans with ids and dates.
- :class:`StoryWorker` analyses a group of stories with the same :class:`~newsprism.pipeline.Pipeline`
  story stages ``compare`` uses, and writes the story tables and one JSON report per story.

Each unit of work writes its own files atomically and is skipped when its part file already exists.
A shard's sentences and title+lead texts are embedded in one ``encode`` call: the embedder sorts by
length across the whole call, which cuts padding (measured 1.7x faster than one call per article). The
MiniLM vectors do not depend on their batch mates (checked here: identical to the bit), and both engines
hand the same shard to the same worker code anyway, so local and Ray runs match byte for byte.
"""

from __future__ import annotations

import resource
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from newsprism.batch.io import (
    STAMP_KEY,
    ShardStamp,
    part_path,
    read_records,
    read_stamp,
    stamp_and_growth,
    write_table_atomic,
    write_text_atomic,
)
from newsprism.batch.rows import (
    article_schema,
    quote_schema,
    skipped_row,
    skipped_schema,
    source_from_row,
    source_row,
    story_rows,
)
from newsprism.errors import InputError
from newsprism.model import Article, Skipped, Source
from newsprism.settings import Settings, StorySettings

if TYPE_CHECKING:
    import pyarrow as pa

    from newsprism.embed import Embedder
    from newsprism.pipeline import Pipeline
    from newsprism.segment import Segmenter

#: Stage names in the order they run; the throughput summary reports each.
ARTICLE_STAGES = ("models", "read", "normalise", "segment", "embed", "quotes", "language", "write")
STORY_STAGES = ("load", "analyse", "write")
#: Articles-table columns the story clusterer reads (not the parse, sentence vectors or findings).
CLUSTER_COLUMNS = (
    "id",
    "title",
    "outlet",
    "url",
    "published",
    "language",
    "origin",
    "warnings",
    "text",
    "lead_vector",
)
#: Rows per Parquet row group of an articles part. A clustering task reads whole row groups, so small
#: ones let a block read about its own articles, not every part that holds one of them.
ARTICLE_ROW_GROUP = 64


@dataclass
class StageStats:
    """Seconds spent per stage and items through it, summed over every unit of work.

    ``seconds`` is wall time inside the worker; ``cpu`` is the worker process's CPU time over the same
    spans, which does not grow when other jobs compete for the cores (wall time does).
    """

    seconds: dict[str, float] = field(default_factory=dict)
    items: dict[str, int] = field(default_factory=dict)
    cpu: dict[str, float] = field(default_factory=dict)
    max_rss_mb: float = 0.0

    def add(self, stage: str, seconds: float, items: int, cpu: float = 0.0) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds
        self.items[stage] = self.items.get(stage, 0) + items
        self.cpu[stage] = self.cpu.get(stage, 0.0) + cpu

    def lap(self, stage: str, clock: Clock, items: int) -> None:
        """Charge the time since the clock's last lap to ``stage``."""
        wall, cpu = clock.lap()
        self.add(stage, wall, items, cpu)

    def merge(self, other: Mapping[str, Any]) -> None:
        cpu = other.get("cpu", {})
        for stage, secs in other["seconds"].items():
            self.add(stage, float(secs), int(other["items"][stage]), float(cpu.get(stage, 0.0)))
        self.max_rss_mb = max(self.max_rss_mb, float(other["max_rss_mb"]))

    def as_dict(self) -> dict[str, Any]:
        return {
            "seconds": dict(self.seconds),
            "items": dict(self.items),
            "cpu": dict(self.cpu),
            "max_rss_mb": self.max_rss_mb,
        }


class Clock:
    """Wall and process-CPU seconds between laps."""

    def __init__(self) -> None:
        self._wall = time.perf_counter()
        self._cpu = time.process_time()

    def lap(self) -> tuple[float, float]:
        wall, cpu = time.perf_counter(), time.process_time()
        out = (wall - self._wall, cpu - self._cpu)
        self._wall, self._cpu = wall, cpu
        return out


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


# --------------------------------------------------------------------------- article stage


def normalise_records(
    records: Sequence[Mapping[str, Any]], origin: str, settings: Settings, *, first: int = 1
) -> list[Article | Skipped]:
    """Raw article objects -> normalised articles (or why not), in input order: the ingest functions.
    ``first`` is the first record's number in the shard (``origin:first``)."""
    from newsprism.ingest.build import build_article
    from newsprism.ingest.records import record

    out: list[Article | Skipped] = []
    for n, item in enumerate(records, start=first):
        where = f"{origin}:{n}"
        if "__error__" in item:
            out.append(Skipped(where, str(item["__error__"])))
            continue
        draft = record(item, where)
        out.append(draft if isinstance(draft, Skipped) else build_article(draft, settings.ingest))
    return out


def embed_sources(
    embedder: Embedder, sources: Sequence[Source], leads: Sequence[str]
) -> tuple[list[Source], np.ndarray]:
    """Sentence vectors for every source and the clusterer's title+lead vectors, in one encode call."""
    import dataclasses

    texts = [s.text for src in sources for s in src.sentences]
    vectors = embedder.encode([*leads, *texts])
    out, at = [], len(leads)
    for src in sources:
        n = len(src.sentences)
        out.append(dataclasses.replace(src, vectors=vectors[at : at + n]))
        at += n
    return out, vectors[: len(leads)]


class ArticleWorker:
    """Holds the models of the per-article stages (loaded once per worker) and processes whole shards."""

    def __init__(
        self, out: str, settings: Settings | None = None, *, embed_threads: int | None = None
    ) -> None:
        self.out = Path(out)
        self.settings = settings or Settings()
        self.embed_threads = embed_threads
        self._segmenter: Segmenter | None = None
        self._embedder: Embedder | None = None
        self._pipeline: Pipeline | None = None

    @property
    def pipeline(self) -> Pipeline:
        """The pipeline whose per-article lens stages run here; it shares this worker's models."""
        if self._pipeline is None:
            from newsprism.pipeline import Pipeline

            self._pipeline = Pipeline(self.settings, segmenter=self.segmenter, embedder=self.embedder)
        return self._pipeline

    @property
    def segmenter(self) -> Segmenter:
        if self._segmenter is None:
            from newsprism.segment import Segmenter

            self._segmenter = Segmenter()
        return self._segmenter

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            from newsprism.embed import OnnxEmbedder, default_embedder

            cfg = self.settings.embed
            if cfg.backend == "onnx" and self.embed_threads:
                self._embedder = OnnxEmbedder(
                    batch_size=cfg.batch_size, max_tokens=cfg.max_tokens, threads=self.embed_threads
                )
            else:
                self._embedder = default_embedder(cfg)
        return self._embedder

    def __call__(self, batch: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
        """Ray Data entry point: one row per shard (``path``, ``key``); returns per-shard statistics."""
        import json

        stats = [
            self.process_shard(Path(str(p)), str(k)) for p, k in zip(batch["path"], batch["key"], strict=True)
        ]
        return {"key": np.asarray(batch["key"]), "stats": np.asarray([json.dumps(s) for s in stats])}

    def process_shard(self, path: Path, key: str) -> dict[str, Any]:
        """Normalise, segment, embed and annotate one shard and write its articles and skipped parts."""
        from newsprism.cluster import lead_text

        stats = StageStats()
        clock = Clock()
        if self._segmenter is None or self._embedder is None:
            _ = self.segmenter.nlp
            self.embedder.encode(["warm up"])  # loads and hash-checks the model once per worker
            stats.lap("models", clock, 0)
        done = part_path(self.out, "articles", key)
        try:
            # Stamped before reading: a change made while the shard is read shows up next run.
            stamp, growth = stamp_and_growth(path, read_stamp(done) if done.exists() else None)
        except OSError as exc:
            error = InputError(str(path), f"cannot be read ({exc.strerror or exc}); check the file")
            return self._unreadable(path, key, error, stats, None)
        kept = None if growth is None else _kept_rows(self.out, key)
        try:
            records = read_records(path, growth if kept is not None else None)
        except InputError as exc:
            return self._unreadable(path, key, exc, stats, stamp)
        stats.lap("read", clock, len(records))

        first = 0 if kept is None else kept.records  # row number of the first record read
        built = normalise_records(records, path.name, self.settings, first=first + 1)
        stats.lap("normalise", clock, len(records))
        articles = [(first + n, a) for n, a in enumerate(built) if isinstance(a, Article)]
        skipped = [
            skipped_row(s, shard=key, row=first + n) for n, s in enumerate(built) if isinstance(s, Skipped)
        ]

        clock.lap()  # splitting the results into lists is not charged to a stage
        sources = self.segmenter.pipe([(a, a.id) for _n, a in articles])
        stats.lap("segment", clock, len(articles))

        lead_words = self.settings.stories.lead_words
        embedded, leads = embed_sources(
            self.embedder, sources, [lead_text(a, lead_words) for _n, a in articles]
        )
        stats.lap("embed", clock, len(articles))

        annotated = self.pipeline.annotate(embedded, lap=lambda stage: stats.lap(stage, clock, len(articles)))
        rows = [
            source_row(src, lead, shard=key, row=n)
            for (n, _a), src, lead in zip(articles, annotated, leads, strict=True)
        ]

        earlier = (None, None) if kept is None else (kept.skipped, kept.articles)
        skipped_table = _table(skipped, skipped_schema(), earlier[0])
        articles_table = _table(rows, _stamped(article_schema(), stamp), earlier[1])
        write_table_atomic(part_path(self.out, "skipped", key), skipped_table, None)
        # Written last: its existence marks the shard as done, its stamp says which version of the shard.
        write_table_atomic(done, articles_table, None, row_group_size=ARTICLE_ROW_GROUP)
        stats.lap("write", clock, len(rows))
        stats.max_rss_mb = _rss_mb()
        result = stats.as_dict()
        result.update(
            articles=articles_table.num_rows,
            skipped=skipped_table.num_rows,
            undated=_unreadable_dates(built),
            grown=kept is not None,
        )
        return result

    def _unreadable(
        self, path: Path, key: str, error: InputError, stats: StageStats, stamp: ShardStamp | None
    ) -> dict[str, Any]:
        """A shard that cannot be read at all: one skipped row (row null: the whole shard) and an empty
        articles part, so the run goes on and a re-run does not trip over it again until it changes.
        Without a stamp (the file could not even be opened) no articles part is written: the next run
        tries again, which is what a fixed permission needs."""
        skipped = [skipped_row(Skipped(path.name, error.reason), shard=key, row=None)]
        write_table_atomic(part_path(self.out, "skipped", key), skipped, skipped_schema())
        if stamp is not None:
            write_table_atomic(part_path(self.out, "articles", key), [], _stamped(article_schema(), stamp))
        stats.max_rss_mb = _rss_mb()
        result = stats.as_dict()
        result.update(articles=0, skipped=1, unreadable=error.reason)
        return result


def _unreadable_dates(built: Sequence[Article | Skipped]) -> list[str]:
    """Where an article gives a publication date that is not understood, and the date: such articles are
    kept (the date as given, with a warning) and clustered as undated, which the user should hear of."""
    from newsprism.cluster.features import day_number

    return [
        f"{a.origin}: {a.published!r}"
        for a in built
        if isinstance(a, Article) and a.published and day_number(a.published) is None
    ]


def _stamped(schema: pa.Schema, stamp: ShardStamp) -> pa.Schema:
    return schema.with_metadata({STAMP_KEY: stamp.to_json().encode()})


@dataclass(frozen=True, slots=True)
class _Kept:
    """The articles and skipped rows an earlier run wrote for a shard that has only grown since."""

    articles: pa.Table
    skipped: pa.Table
    records: int  # records they account for: row numbers 0 .. records - 1


def _kept_rows(out: Path, key: str) -> _Kept | None:
    """A grown shard's earlier rows, when they have today's columns and account for each of its earlier
    records exactly once (None otherwise, e.g. the shard was unreadable then: it is read again whole)."""
    import pyarrow.parquet as pq

    paths = part_path(out, "articles", key), part_path(out, "skipped", key)
    if not all(p.exists() for p in paths):
        return None
    articles, skipped = (pq.read_table(p) for p in paths)
    for table, schema in ((articles, article_schema()), (skipped, skipped_schema())):
        if not table.schema.remove_metadata().equals(schema):
            return None  # written by a newsprism with other columns: the shard is read again whole
    numbers = [*articles.column("row").to_pylist(), *skipped.column("row").to_pylist()]
    if None in numbers or sorted(numbers) != list(range(len(numbers))):
        return None
    return _Kept(articles, skipped, len(numbers))


def _table(rows: Sequence[Mapping[str, Any]], schema: pa.Schema, kept: pa.Table | None) -> pa.Table:
    """New rows as a table of ``schema``, after the rows kept from an earlier run of the shard (the
    table a run over the whole shard makes: earlier records first, in the same order)."""
    import pyarrow as pa

    new = pa.Table.from_pylist(list(rows), schema=schema)
    if kept is None:
        return new
    earlier = kept.replace_schema_metadata(None).cast(schema.remove_metadata())
    return pa.concat_tables([earlier.replace_schema_metadata(schema.metadata), new]).combine_chunks()


# --------------------------------------------------------------------------- stories


def cluster_rows(rows: Sequence[Mapping[str, Any]], config: StorySettings | None = None) -> list[str]:
    """Story ids for articles given as rows (article fields and ``lead_vector``), in row order."""
    from newsprism.batch.rows import article_from_row
    from newsprism.cluster import cluster_articles

    if not rows:
        return []
    articles = [article_from_row(r) for r in rows]
    vectors = np.stack([np.asarray(r["lead_vector"], dtype=np.float32) for r in rows])
    return cluster_articles(articles, vectors, config)


def cluster_block(
    out: str, refs: Sequence[Mapping[str, Any]], config: StorySettings | None = None
) -> list[str]:
    """Story ids for one block (or edge set) of articles, in order. Each ref names an article by ``id``,
    ``shard`` (its articles part) and ``pos`` (its row in that part)."""
    return cluster_rows(read_articles(Path(out), refs, CLUSTER_COLUMNS), config)


def attach_rows(
    stories: Sequence[tuple[str, Sequence[Mapping[str, Any]]]],
    undated: Sequence[Mapping[str, Any]],
    config: StorySettings | None = None,
) -> list[tuple[str | None, float]]:
    """For each undated row, the dated story (``stories``: id and member rows) it scores best with, and
    the score, by the clusterer's own article-to-story score (``None`` when no story is a candidate).

    The stories stay fixed: an undated article is scored, never added, so undated articles cannot
    pull two dated stories together (the online clusterer would grow a story by each and merge around
    it) and every answer is independent of the others and of their order.
    """
    import math

    from newsprism.batch.rows import article_from_row
    from newsprism.cluster import OnlineClusterer

    if not stories or not undated:
        return [(None, -math.inf)] * len(undated)
    first = next(rows for _sid, rows in stories if rows)[0]
    clusterer = OnlineClusterer(config, dim=len(first["lead_vector"]))
    clusterer.restore(
        ((sid, [(article_from_row(r), _lead_vector(r)) for r in rows]) for sid, rows in stories), evict=False
    )
    return [clusterer.best(article_from_row(row), _lead_vector(row)) for row in undated]


def attach_undated(
    out: str,
    stories: Sequence[tuple[str, Sequence[Mapping[str, Any]]]],
    undated: Sequence[Mapping[str, Any]],
    config: StorySettings | None = None,
) -> list[tuple[str | None, float]]:
    """:func:`attach_rows` on refs (``id``, ``shard``, ``pos``), reading the rows from the articles parts."""
    refs = [ref for _sid, members in stories for ref in members]
    rows = read_articles(Path(out), [*refs, *undated], CLUSTER_COLUMNS)
    at, held = 0, []
    for sid, members in stories:
        held.append((sid, rows[at : at + len(members)]))
        at += len(members)
    return attach_rows(held, rows[at:], config)


def _lead_vector(row: Mapping[str, Any]) -> np.ndarray:
    return np.asarray(row["lead_vector"], dtype=np.float32)


def read_articles(
    out: Path, refs: Sequence[Mapping[str, Any]], columns: Sequence[str] | None
) -> list[dict[str, Any]]:
    """``columns`` (None: all) of the referenced articles rows, in ref order, reading only the row groups
    that hold them."""
    import bisect
    from itertools import accumulate

    import pyarrow.parquet as pq

    wanted: dict[str, set[int]] = {}
    for ref in refs:
        wanted.setdefault(str(ref["shard"]), set()).add(int(ref["pos"]))
    found: dict[tuple[str, int], dict[str, Any]] = {}
    for part, positions in sorted(wanted.items()):
        fh = pq.ParquetFile(part_path(out, "articles", part))
        starts = list(accumulate(fh.metadata.row_group(g).num_rows for g in range(fh.num_row_groups)))
        starts.insert(0, 0)
        for g in sorted({bisect.bisect_right(starts, p) - 1 for p in positions}):
            rows = fh.read_row_group(g, columns=None if columns is None else list(columns)).to_pylist()
            found.update(((part, starts[g] + k), row) for k, row in enumerate(rows))
    out_rows = []
    for ref in refs:
        row = found[(str(ref["shard"]), int(ref["pos"]))]
        if row["id"] != ref["id"]:
            raise RuntimeError(
                f"articles part {ref['shard']} changed while its stories were planned; run the batch again"
            )
        out_rows.append(row)
    return out_rows


class StoryWorker:
    """Holds one pipeline's lenses and analyses groups of stories (one group = one set of part files)."""

    def __init__(self, out: str, settings: Settings | None = None) -> None:
        self.out = Path(out)
        self.settings = settings or Settings()
        self._pipeline: Pipeline | None = None

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            from newsprism.pipeline import Pipeline

            self._pipeline = Pipeline(self.settings)
        return self._pipeline

    def __call__(self, batch: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
        """Ray Data entry point: one row per story group (``key``, ``group`` as JSON)."""
        import json

        stats = [
            self.process_group(str(k), json.loads(str(g)))
            for k, g in zip(batch["key"], batch["group"], strict=True)
        ]
        return {"key": np.asarray(batch["key"]), "stats": np.asarray([json.dumps(s) for s in stats])}

    def process_group(self, key: str, group: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
        """Analyse each story of a group: ``[{"story": id, "articles": [ref, ...]}]``, each ref naming an
        article by ``id``, ``shard`` (its articles part) and ``pos`` (its row there), in story order."""
        stats = StageStats()
        clock = Clock()
        refs = [ref for story in group for ref in story["articles"]]
        rows = {row["id"]: row for row in read_articles(self.out, refs, None)}
        stats.lap("load", clock, len(rows))

        tables: dict[str, list[dict[str, Any]]] = {"stories": [], "claims": [], "quotes": [], "findings": []}
        n_articles = sum(len(s["articles"]) for s in group)
        analyse, write = StageStats(), StageStats()
        for story in group:
            ids = [ref["id"] for ref in story["articles"]]
            sources = [source_from_row(rows[aid], f"s{i}") for i, aid in enumerate(ids, start=1)]
            report = self.pipeline.analyse_sources(sources)
            analyse.lap("analyse", clock, 0)
            rel = f"reports/{story['story']}.json"
            write_text_atomic(self.out / rel, report.to_json() + "\n")
            for table, new in story_rows(story["story"], report, ids, rel).items():
                tables[table].extend(new)
            write.lap("write", clock, 0)
        schemas = {"quotes": quote_schema()}
        for table in ("claims", "quotes", "findings", "stories"):  # stories last: the done marker
            write_table_atomic(part_path(self.out, table, key), tables[table], schemas.get(table))
        write.lap("write", clock, 0)
        for stage, part in (("analyse", analyse), ("write", write)):
            stats.add(stage, part.seconds.get(stage, 0.0), n_articles, part.cpu.get(stage, 0.0))
        stats.max_rss_mb = _rss_mb()
        result = stats.as_dict()
        result.update(stories=len(group))
        return result


Progress = Callable[[str], None]
