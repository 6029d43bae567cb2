"""Batch pipeline throughput: ``--engine ray`` against ``--engine local`` on the same archive, same run.

Real articles (BASIL and ECB+ from ../shared/data, read here at run time only) are written as JSON lines
shards into a temporary folder, then processed by both engines into separate output folders. Only 751
distinct articles exist in those sets, so larger archives replay them: copy ``r`` of an article is
published ``r`` x 11 years later (so copies never share a clustering window) and its text ends with a
one-line "(archive copy r)" paragraph, which gives it its own content id (identical texts would be
dropped as duplicates). ECB+ documents carry no date; each gets the date of its gold sub-topic (one
week per sub-topic), so the whole archive is dated. Reported: articles per second of each engine over
the whole run (Ray start-up included), the ratio, per-stage busy core-seconds and articles per
core-second, the largest worker's peak RSS, and whether the two engines wrote the same tables and reports.

    nice -n 10 python benchmarks/batch_throughput.py --articles 2000 --shards 16 --keep /tmp/b --json r.json
    nice -n 10 python benchmarks/batch_throughput.py --cluster-only /tmp/b --cluster-rows 10000

    nice -n 10 python benchmarks/batch_throughput.py --cpu-sample /tmp/b --articles 200

    nice -n 10 python benchmarks/batch_throughput.py --grow /tmp/b --articles 10

The second form times the clustering stage alone (one block vs language x time blocks, local and Ray)
on the first run's articles tables replayed to 10k articles (:func:`cluster_stage`); the third measures
process CPU seconds per stage on a sample of them (:func:`cpu_sample`); the fourth times a local re-run
after ``--articles`` new lines were appended to one shard, reading only the new lines against reading
the grown shard whole, and checks that both give the same output (:func:`grow_rerun`).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cluster_data import load_basil, load_ecbplus
from newsprism.batch import run_batch
from newsprism.batch.blocks import BLOCK_DAYS
from newsprism.model import Article

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


REPLAY_YEARS = 11  # BASIL spans under ten years: replayed copies never fall into one window


def corpus(n: int) -> list[Article]:
    """BASIL and ECB+ articles interleaved (every shard mixes long and short texts), replayed up to ``n``."""
    return labelled_corpus(n)[0]


def labelled_corpus(n: int) -> tuple[list[Article], list[str]]:
    """:func:`corpus` with each article's gold story (BASIL triplet, ECB+ sub-topic; per replayed copy)."""
    basil, basil_gold = load_basil(DATA / "basil")
    ecb, gold = load_ecbplus(DATA / "ecbplus")
    subtopics = {g: k for k, g in enumerate(sorted(set(gold)))}
    start = date(2012, 1, 2).toordinal()
    ecb = [
        dataclasses.replace(a, published=date.fromordinal(start + 7 * subtopics[g]).isoformat())
        for a, g in zip(ecb, gold, strict=True)
    ]
    mixed: list[tuple[Article, str]] = []
    for k in range(max(len(basil), len(ecb))):
        if k < len(ecb):
            mixed.append((ecb[k], f"ecb:{gold[k]}"))
        if k < len(basil):
            mixed.append((basil[k], f"basil:{basil_gold[k]}"))
    out = list(mixed[:n])
    copy = 0
    while len(out) < n:
        copy += 1
        for a, g in mixed[: n - len(out)]:
            out.append((_replayed(a, copy), f"{g}#{copy}"))
    return [a for a, _g in out], [g for _a, g in out]


def _replayed(a: Article, copy: int) -> Article:
    """Copy ``copy`` of an article: published ``copy`` x 11 years later (day of month capped at 28, so
    every shifted date exists), with its own content id."""
    published = a.published
    if published:
        day = date.fromisoformat(published[:10])
        published = day.replace(year=day.year + REPLAY_YEARS * copy, day=min(day.day, 28)).isoformat()
    return dataclasses.replace(a, text=f"{a.text}\n\n(archive copy {copy})", published=published)


def cluster_stage(kept: Path, n_rows: int, block_days: float) -> dict[str, Any]:
    """The story-clustering stage alone at ``n_rows`` articles, from a kept run's articles tables.

    The articles tables of ``kept/out-local`` (text and title+lead vectors of real articles) are
    replayed 40 years apart (new ids) up to ``n_rows``; then one block per language (the clustering
    before blocks), language x time blocks in a local loop, and the same blocks as Ray tasks (2 CPUs)
    are timed, and each partition is scored against the gold stories (B-cubed F1). The replayed rows are
    written as articles parts first: the timings include each task reading its articles back.
    """
    from newsprism.batch.blocks import cluster_in_blocks
    from newsprism.batch.engines import LocalEngine, RayEngine
    from newsprism.batch.io import list_shards, part_path, read_parts, shard_key, write_table_atomic
    from newsprism.batch.stages import ARTICLE_ROW_GROUP
    from newsprism.cluster import bcubed
    from newsprism.settings import Settings

    archive = kept / "archive"
    offsets, at = {}, 0
    for path in list_shards(archive):
        offsets[shard_key(path, archive)] = at
        at += sum(1 for line in path.open(encoding="utf-8") if line.strip())
    _articles, gold = labelled_corpus(at)
    columns = ["id", "shard", "row", "title", "outlet", "url", "published", "language", "origin"]
    table = read_parts(kept / "out-local", "articles", [*columns, "warnings", "text", "lead_vector"])
    base, seen = [], set()
    for r in sorted(table.to_pylist(), key=lambda r: (r["shard"], r["row"])):
        if r["id"] not in seen:
            seen.add(r["id"])
            base.append({**r, "gold": gold[offsets[r["shard"]] + r["row"]]})
    rows = list(base[:n_rows])
    copy = 0
    while len(rows) < n_rows:
        copy += 1
        for r in base[: n_rows - len(rows)]:
            shifted = r["published"]
            if shifted:
                day = date.fromisoformat(shifted[:10])
                shifted = day.replace(year=day.year + 40 * copy, day=min(day.day, 28)).isoformat()
            rows.append({**r, "id": f"{r['id']}x{copy}", "published": shifted, "gold": f"{r['gold']}x{copy}"})
    labels = [r["gold"] for r in rows]
    result: dict[str, Any] = {"rows": len(rows), "block_days": block_days, "gold_stories": len(set(labels))}
    # The replayed rows become articles parts of 250 rows, as the article stage would leave them; the
    # block tasks read their articles back from these, the driver plans with ids and dates only.
    scratch = Path(tempfile.mkdtemp(prefix="newsprism-cluster-bench-"))
    refs: list[dict[str, Any]] = []
    for at in range(0, len(rows), 250):
        key = f"replay-{at // 250:04d}"
        chunk = [{k: v for k, v in r.items() if k != "gold"} | {"shard": key} for r in rows[at : at + 250]]
        write_table_atomic(part_path(scratch, "articles", key), chunk, None, row_group_size=ARTICLE_ROW_GROUP)
        refs.extend(
            {"id": r["id"], "shard": key, "pos": n, "published": r["published"], "language": r["language"]}
            for n, r in enumerate(chunk)
        )
    rows = refs
    with LocalEngine(scratch, Settings()) as local:
        for name, days in (("one_block", 1e9), ("blocks_local", block_days)):
            t = time.perf_counter()
            done = cluster_in_blocks(rows, local.cluster, days)
            result[name] = {
                "wall_seconds": round(time.perf_counter() - t, 3),
                "blocks": len(done.blocks),
                "edge_articles": done.edge_articles,
                "merged_at_edges": done.merged,
                "stories": len(set(done.stories)),
                "bcubed_f1": round(bcubed(labels, done.stories)[2], 4),
            }
            result[name]["articles_per_second"] = round(len(rows) / result[name]["wall_seconds"], 1)
            stories = done.stories if name == "blocks_local" else None
    t = time.perf_counter()
    with RayEngine(scratch, Settings(), num_cpus=2) as remote:
        started = time.perf_counter()
        done = cluster_in_blocks(rows, remote.cluster, block_days)
        wall = time.perf_counter() - started
    result["blocks_ray"] = {
        "ray_start_seconds": round(started - t, 2),
        "wall_seconds": round(wall, 3),
        "articles_per_second": round(len(rows) / wall, 1),
        "same_stories_as_local": done.stories == stories,
    }
    shutil.rmtree(scratch)
    return result


def grow_rerun(kept: Path, n: int) -> dict[str, Any]:
    """A local re-run after ``n`` articles were appended to the first shard of a kept run, twice from
    copies of its local output: reading only the appended lines (what a re-run does), and reading the
    grown shard whole (the re-run before that, forced here by hiding the growth), same machine, same
    run. The appended articles are replayed copies not in the archive (new ids)."""
    from unittest import mock

    from newsprism.batch import stages
    from newsprism.batch.io import list_shards, stamp_and_growth

    scratch = Path(tempfile.mkdtemp(prefix="newsprism-grow-bench-"))
    archive = scratch / "archive"
    shutil.copytree(kept / "archive", archive)
    first = list_shards(archive)[0]
    lines = sum(1 for line in first.open(encoding="utf-8") if line.strip())
    extra = [_replayed(a, 97) for a in corpus(n)]
    write_shards(extra, scratch / "extra", 1)
    with first.open("a", encoding="utf-8") as fh:
        fh.write((scratch / "extra" / "shard-000.jsonl").read_text(encoding="utf-8"))
    result: dict[str, Any] = {"shard_lines_before": lines, "appended": n}
    whole = stamp_and_growth
    for name, hide in (("new_lines_only", False), ("whole_shard", True)):
        out = scratch / f"out-{name}"
        shutil.copytree(kept / "out-local", out)
        patch = (lambda path, old: (whole(path, old)[0], None)) if hide else whole
        with mock.patch.object(stages, "stamp_and_growth", patch):
            done = run("local", archive, out)
        cpu = sum(done["stages"][s]["cpu_seconds"] for s in stages.ARTICLE_STAGES if s != "models")
        result[name] = {
            "records_read": done["stages"]["read"]["items"],
            "article_stage_cpu_seconds": round(cpu, 2),
            "article_stage_wall_seconds": done["wall_seconds"]["articles"],
            "total_wall_seconds": done["total_wall_seconds"],
            "shards_grown": done["shards_grown"],
        }
    result["same_output"] = same_output(scratch / "out-new_lines_only", scratch / "out-whole_shard")
    shutil.rmtree(scratch)
    return result


def cpu_sample(kept: Path, n: int) -> dict[str, Any]:
    """Process CPU seconds per stage (``time.process_time``, one thread) on the first ``n`` articles of a
    kept run: unlike the run's busy wall seconds, these do not grow with other jobs' load. The story
    stage reads the kept run's articles parts, so it reuses their quotes and language when that run
    computed them per article."""
    import pyarrow.parquet as pq

    from newsprism.batch.io import list_shards, read_records
    from newsprism.batch.rows import source_from_row
    from newsprism.batch.stages import ArticleWorker, StoryWorker, embed_sources, normalise_records
    from newsprism.cluster import StorySettings, lead_text

    records = [r for p in list_shards(kept / "archive") for r in read_records(p)][:n]
    worker = ArticleWorker(str(kept / "cpu-sample"), embed_threads=1)
    _ = worker.segmenter.nlp
    worker.embedder.encode(["warm up"])
    cpu: dict[str, float] = {}
    c = time.process_time()
    built = normalise_records(records, "sample", worker.settings)
    cpu["normalise"] = time.process_time() - c
    articles = [a for a in built if isinstance(a, Article)]
    c = time.process_time()
    sources = worker.segmenter.pipe([(a, a.id) for a in articles])
    cpu["segment"] = time.process_time() - c
    c = time.process_time()
    embedded, _ = embed_sources(
        worker.embedder, sources, [lead_text(a, StorySettings().lead_words) for a in articles]
    )
    cpu["embed"] = time.process_time() - c

    def lap(stage: str) -> None:  # the per-article lens stages (quotes, language), as the worker runs them
        nonlocal c
        now = time.process_time()
        cpu[stage] = now - c
        c = now

    c = time.process_time()
    worker.pipeline.annotate(embedded, lap=lap)
    ids = {a.id for a in articles}
    stories = [
        s for s in pq.read_table(kept / "out-local" / "stories").to_pylist() if set(s["articles"]) <= ids
    ]
    table = pq.read_table(kept / "out-local" / "articles")
    rows = {r["id"]: r for r in table.filter(pc_is_in(table["id"], sorted(ids))).to_pylist()}
    story_worker = StoryWorker(str(kept / "cpu-sample"))
    analysed = 0
    c = time.process_time()
    for story in stories:
        members = [source_from_row(rows[a], f"s{i}") for i, a in enumerate(story["articles"], start=1)]
        story_worker.pipeline.analyse_sources(members)
        analysed += len(members)
    cpu["story-analyse"] = time.process_time() - c
    per = {k: v / len(articles) for k, v in cpu.items() if k != "story-analyse"}
    per["story-analyse"] = cpu["story-analyse"] / max(1, analysed)
    return {
        "articles": len(articles),
        "words": sum(a.words for a in articles),
        "sentences": sum(len(s.sentences) for s in sources),
        "stories_analysed": len(stories),
        "articles_in_them": analysed,
        "cpu_seconds": {k: round(v, 2) for k, v in cpu.items()},
        "core_seconds_per_article": {k: round(v, 4) for k, v in per.items()},
        "total_core_seconds_per_article": round(sum(per.values()), 3),
    }


def pc_is_in(column: Any, values: list[str]) -> Any:
    import pyarrow as pa
    import pyarrow.compute as pc

    return pc.is_in(column, value_set=pa.array(values, type=pa.string()))


def write_shards(articles: list[Article], folder: Path, shards: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    per = -(-len(articles) // shards)
    for s in range(shards):
        chunk = articles[s * per : (s + 1) * per]
        lines = [
            json.dumps(
                {"title": a.title, "text": a.text, "outlet": a.outlet, "url": a.url, "published": a.published}
            )
            for a in chunk
        ]
        (folder / f"shard-{s:03d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def run(engine: str, archive: Path, out: Path) -> dict[str, Any]:
    t = time.perf_counter()
    summary = run_batch(archive, out, engine, progress=lambda m: print(f"  [{engine}] {m}", file=sys.stderr))
    wall = time.perf_counter() - t
    result = summary.as_dict()
    result["total_wall_seconds"] = round(wall, 2)
    result["articles_per_second"] = round(summary.articles / wall, 3)
    return result


def same_output(a: Path, b: Path) -> dict[str, bool]:
    """Per table (and for the reports, ``generated_at`` left out): do the two outputs hold the same rows?

    Rows are compared as a sorted list of digests, so part boundaries and row order may differ."""
    import hashlib

    import pyarrow.parquet as pq

    def digests(folder: Path) -> list[str]:
        out = []
        for part in sorted(folder.glob("*.parquet")):
            for batch in pq.ParquetFile(part).iter_batches(batch_size=256):
                for row in batch.to_pylist():
                    text = json.dumps(row, sort_keys=True, ensure_ascii=False)
                    out.append(hashlib.sha256(text.encode()).hexdigest())
        return sorted(out)

    def reports(folder: Path) -> dict[str, str]:
        out = {}
        for path in sorted(folder.glob("*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            data.pop("generated_at", None)
            out[path.name] = hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()
        return out

    found = {}
    for folder in sorted(p.name for p in a.iterdir() if p.is_dir()):
        if folder == "reports":
            found[folder] = reports(a / folder) == reports(b / folder)
        else:
            found[folder] = digests(a / folder) == digests(b / folder)
    found["all"] = all(found.values())
    return found


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--shards", type=int, default=8)
    parser.add_argument("--engines", default="local,ray")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument(
        "--keep", type=Path, help="write the archive and both outputs under this (new) folder and keep them"
    )
    parser.add_argument(
        "--cluster-only",
        type=Path,
        metavar="KEPT",
        help="time only the story clustering, from the articles tables of a run kept with --keep KEPT",
    )
    parser.add_argument("--cluster-rows", type=int, default=10_000, help="articles for --cluster-only")
    parser.add_argument("--block-days", type=float, default=BLOCK_DAYS)
    parser.add_argument(
        "--grow",
        type=Path,
        metavar="KEPT",
        help="time a re-run after --articles lines were appended to a shard of a run kept with --keep",
    )
    parser.add_argument(
        "--cpu-sample",
        type=Path,
        metavar="KEPT",
        help="process CPU seconds per stage on the first --articles articles of a run kept with --keep",
    )
    args = parser.parse_args()
    if not DATA.is_dir():
        raise SystemExit(f"{DATA} is missing: this benchmark replays real articles from ../shared/data")
    os.environ.setdefault("RAY_AUTH_MODE", "disabled")
    if args.cluster_only or args.cpu_sample or args.grow:
        if args.grow:
            found = grow_rerun(args.grow, args.articles)
        elif args.cpu_sample:
            found = cpu_sample(args.cpu_sample, args.articles)
        else:
            found = cluster_stage(args.cluster_only, args.cluster_rows, args.block_days)
        print(json.dumps(found, indent=2))
        if args.json:
            args.json.write_text(json.dumps(found, indent=2) + "\n", encoding="utf-8")
        return
    articles = corpus(args.articles)
    words = sum(a.words for a in articles)
    results: dict[str, Any] = {
        "articles": len(articles),
        "words": words,
        "shards": args.shards,
        "engines": {},
    }
    with tempfile.TemporaryDirectory(prefix="newsprism-batch-bench-") as scratch:
        tmp = args.keep or Path(scratch)
        if args.keep and args.keep.exists() and any(args.keep.iterdir()):
            raise SystemExit(f"{args.keep} is not empty: give a new folder (a re-run would skip the work)")
        archive = Path(tmp) / "archive"
        write_shards(articles, archive, args.shards)
        for engine in args.engines.split(","):
            results["engines"][engine] = run(engine, archive, Path(tmp) / f"out-{engine}")
        engines = results["engines"]
        if "local" in engines and "ray" in engines:
            results["ray_over_local"] = round(
                engines["ray"]["articles_per_second"] / engines["local"]["articles_per_second"], 3
            )
            results["same_output"] = same_output(Path(tmp) / "out-local", Path(tmp) / "out-ray")
    print(json.dumps(results, indent=2))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
