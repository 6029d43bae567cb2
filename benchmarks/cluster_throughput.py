"""Ingest + cluster throughput as the store grows to 1k, 10k and 100k articles, with peak memory.

Real articles (ECB+ and BASIL texts) are replayed with a copy marker after every sentence, which makes
each copy a new article (new content hash, and a quarter or more of its word 5-grams new, so the
near-duplicate check does not fold a copy into the one before; the two-letter marker is too short to be
a clustering term and sits between sentences, so it splits no name) and a synthetic timeline of
``--per-day`` articles a day, so the time window holds a realistic number of live stories. Each checkpoint
reports the rate over the last 1,000 articles read before it (articles offered, duplicates included).

Embedding is the one per-article cost that does not depend on store size; replays reuse the vector of
the original lead (computed once with MiniLM) so the run measures what grows with the store: clustering,
the ANN index and SQLite. MiniLM's own rate is measured in the same run and reported beside it.

    python benchmarks/cluster_throughput.py                # 1k, 10k, 100k (about 10 minutes)
    python benchmarks/cluster_throughput.py --sizes 1000 10000
"""

from __future__ import annotations

import argparse
import itertools
import re
import resource
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cluster_data import load_basil, load_ecbplus
from cluster_quality import data_dir, embed
from newsprism.cluster import StorySettings, lead_text
from newsprism.ingest import article_id
from newsprism.model import Article
from newsprism.store import open_store
from newsprism.stories import StoryService

_MARK = re.compile(r"\s§[a-z]{2}§")
_KEY_WORDS = 40


def _key(lead: str) -> str:
    """The first words of a lead without replay markers: what a replayed lead is looked up by."""
    return " ".join(_MARK.sub("", lead).split()[:_KEY_WORDS])


def _marked(text: str, copy: int) -> str:
    mark = f" §{chr(97 + copy // 26 % 26)}{chr(97 + copy % 26)}§"
    return re.sub(r"(?<=[.!?])(?=\s)|$", mark, text)


class ReplayEmbedder:
    """Looks up the original's vector by the start of its lead (replay markers removed)."""

    def __init__(self, by_key: dict[str, np.ndarray], dim: int) -> None:
        self.by_key, self.dim = by_key, dim

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return np.stack([self.by_key[_key(t)] for t in texts])


def replay(base: list[Article], total: int, per_day: int, gap_days: int) -> Iterator[Article]:
    """Copy k of the base set starts ``gap_days`` after copy k-1 (beyond the window, so a replayed
    story is a new story, as a news day's worth of new events would be)."""
    start = date(2030, 1, 1)
    span = -(-len(base) // per_day)
    for i in range(total):
        copy, at = divmod(i, len(base))
        a = base[at]
        text = _marked(a.text, copy)
        day = (start + timedelta(days=copy * (span + gap_days) + at // per_day)).isoformat()
        yield replace(a, id=article_id(text), text=text, published=day, url=f"https://replay.example/{i}")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data")
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    ap.add_argument("--per-day", type=int, default=300)
    ap.add_argument("--batch", type=int, default=64)
    args = ap.parse_args()
    config = StorySettings()
    root = data_dir(args.data)
    basil, ecb = load_basil(root / "basil")[0], load_ecbplus(root / "ecbplus")[0]
    base = basil + ecb
    vectors = np.vstack([embed(basil, config.lead_words), embed(ecb, config.lead_words)])
    by_key = {_key(lead_text(a, config.lead_words)): v for a, v in zip(base, vectors, strict=True)}

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.sqlite")
        embedder = ReplayEmbedder(by_key, vectors.shape[1])
        service = StoryService(store, embedder, config, batch_size=args.batch)
        marks: list[tuple[int, float]] = [(0, time.perf_counter())]

        read = [0]  # articles pulled from the stream so far; a batch is pulled whole before its commit

        def on_commit(_added: int) -> None:
            marks.append((read[0], time.perf_counter()))

        def counted(items: Iterator[Article]) -> Iterator[Article]:
            for a in items:
                read[0] += 1
                yield a

        service.on_commit = on_commit
        total = max(args.sizes)
        rows = []
        stream = replay(base, total, args.per_day, int(config.window_days) + 1)
        done = 0
        for size in sorted(args.sizes):
            service.ingest(counted(itertools.islice(stream, size - done)))  # streamed: memory is the store's
            done = size
            window = [m for m in marks if m[0] >= size - 1000]
            before = [m for m in marks if m[0] < size - 1000] or [marks[0]]
            n0, t_start = before[-1]
            n1, t_end = window[-1]
            rate = (n1 - n0) / (t_end - t_start)
            live = len(service.clusterer)
            rows.append((size, rate, 1000 / rate, peak_rss_mb(), live, store.count_articles()))
            print(
                f"store {size:>7,}: {rate:7.1f} articles/s ({1000 / rate:.2f} ms/article over the last "
                f"{n1 - n0} articles), peak RSS {peak_rss_mb():.0f} MB, live stories {live}, "
                f"stored {store.count_articles():,}, evicted {service.clusterer.evicted:,}",
                flush=True,
            )
        store.close()
    from newsprism.embed import default_embedder
    from newsprism.settings import EmbedSettings

    minilm = default_embedder(EmbedSettings())
    sample = [lead_text(a, config.lead_words) for a in base[:200]]
    minilm.encode(sample[:8])
    t0 = time.perf_counter()
    minilm.encode(sample)
    minilm_rate = len(sample) / (time.perf_counter() - t0)
    print(f"\nMiniLM title+lead embedding alone: {minilm_rate:.0f} articles/s (200 articles)", flush=True)

    first, last = rows[0], rows[-1]
    print(f"\ntime per article at {last[0]:,} / at {first[0]:,}: {last[2] / first[2]:.2f}x (target <= 2x)")


if __name__ == "__main__":
    main()
