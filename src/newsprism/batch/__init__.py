"""The batch pipeline: archives of JSON lines or Parquet shards -> Parquet tables and per-story reports.

``run_batch(input, out, engine="local"|"ray", address=None)`` runs the per-article stages (normalise,
segment, embed, quotes, language) shard by shard with model-holding workers, clusters the articles into
stories per language and time block, analyses every story with the same story stages ``compare`` uses,
and writes the ``articles``, ``skipped``, ``stories``, ``claims``, ``quotes`` and ``findings`` tables
plus one JSON report per story. The Ray engine needs the ``ray`` extra (``ray[data]`` and ``pyarrow``);
the local engine needs only ``pyarrow``. See docs/scale.md for measured costs and what a large backfill needs.
"""

from newsprism.batch.engines import LocalEngine, RayEngine, make_engine
from newsprism.batch.run import BatchSummary, run_batch
from newsprism.batch.stages import ArticleWorker, StageStats, StoryWorker, cluster_block, normalise_records

__all__ = [
    "ArticleWorker",
    "BatchSummary",
    "LocalEngine",
    "RayEngine",
    "StageStats",
    "StoryWorker",
    "cluster_block",
    "make_engine",
    "normalise_records",
    "run_batch",
]
