"""The local engine: tables and reports, exact row round trips, resumability and crash safety."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest

pq = pytest.importorskip("pyarrow.parquet", reason="the batch pipeline needs pyarrow (the 'ray' extra)")

from batch_corpus import snapshot  # noqa: E402

from newsprism.batch import run_batch  # noqa: E402
from newsprism.batch.io import list_shards, write_table_atomic  # noqa: E402
from newsprism.batch.rows import article_schema, source_from_row, source_row  # noqa: E402
from newsprism.model import Article  # noqa: E402

pytestmark = [pytest.mark.batch, pytest.mark.slow]


def test_source_rows_round_trip_exactly(pipeline) -> None:  # type: ignore[no-untyped-def]
    import dataclasses

    import pyarrow as pa

    article = Article(
        id="a1",
        text=(
            "Harbour master Oskar Trelane said the hull was intact.\n\n"
            '"The owners are reckless crooks," fumed Trelane. The bungling crew ran the ship aground.'
        ),
        title="Ship aground",
        outlet="Northern Wire",
        published="2031-03-05",
        warnings=("a warning",),
        author="Ilse Marten, Northern Wire",
    )
    src = pipeline.annotate(pipeline.sources([article]))[0]
    found = src.findings
    assert found.attributions and found.language_spans and found.language.sentence_bias
    row = source_row(src, src.vectors[0], shard="x", row=3)
    back_row = pa.Table.from_pylist([row], schema=article_schema()).to_pylist()[0]
    back = source_from_row(back_row, "s7")
    assert back.article == article
    assert back.tokens == src.tokens
    assert back.entities == src.entities
    assert [dataclasses.replace(s, source=src.id) for s in back.sentences] == list(src.sentences)
    assert all(s.source == "s7" for s in back.sentences)
    assert back.vectors is not None and np.array_equal(back.vectors, src.vectors)
    # the per-article lens findings come back under the story's source id, otherwise unchanged
    got = back.findings
    assert got.language == found.language
    assert [dataclasses.replace(s, source=src.id) for s in got.language_spans] == list(found.language_spans)
    assert all(s.source == "s7" for a in got.attributions for s in a.quotes)
    assert [
        (a.speaker, [dataclasses.replace(q, source=src.id) for q in a.quotes]) for a in got.attributions
    ] == [(a.speaker, list(a.quotes)) for a in found.attributions]
    # a part written before the findings column existed still reads (the story stage then computes them)
    del back_row["findings"]
    assert source_from_row(back_row, "s7").findings is None
    del back_row["author"]  # and one written before the author column, with no author
    assert source_from_row(back_row, "s7").article == dataclasses.replace(article, author="")


def test_articles_carry_their_quotes_and_language(local_out: Path) -> None:
    rows = [
        r
        for part in sorted((local_out / "articles").glob("*.parquet"))
        for r in pq.read_table(part).to_pylist()
    ]
    found = [json.loads(r["findings"]) for r in rows]
    assert found and all(f["attributions"] is not None and f["language"] is not None for f in found)
    assert any(f["attributions"] for f in found) and any(f["language_spans"] for f in found)


def test_tables_and_reports(local_out: Path) -> None:
    snap = snapshot(local_out)
    tables = snap["tables"]
    assert set(tables) == {"articles", "skipped", "stories", "claims", "quotes", "findings"}
    stories = [json.loads(r) for r in tables["stories"]]
    # Four fictional events, each covered by several outlets: four multi-source stories.
    assert len(stories) == 4
    assert all(s["size"] >= 4 for s in stories)
    assert sum(s["size"] for s in stories) == len(tables["articles"])
    skipped = [json.loads(r) for r in tables["skipped"]]
    assert len(skipped) == 2 and any("not valid JSON" in s["reason"] for s in skipped)
    # Every story has its report, and each report's offsets point into its own source texts.
    assert len(snap["reports"]) == 4
    for report in snap["reports"].values():
        texts = {s["id"]: s["text"] for s in report["sources"]}
        for q in report["quotes"]:
            assert texts[q["source"]][q["start"] : q["end"]] == q["text"]
    # Claim rows name articles, and their sentences are checkable against the articles table.
    articles = {json.loads(r)["id"]: json.loads(r)["text"] for r in tables["articles"]}
    for raw in tables["claims"]:
        claim = json.loads(raw)
        for aid, start, end, text in zip(
            claim["sentence_articles"], claim["starts"], claim["ends"], claim["texts"], strict=True
        ):
            assert articles[aid][start:end] == text


def test_quote_rows_carry_the_reports_links(local_out: Path) -> None:
    """The quotes table had ``shared_with`` but not the labelled ``links`` the JSON report gives."""
    from newsprism.batch.rows import quote_schema

    rows = [
        r
        for part in sorted((local_out / "quotes").glob("*.parquet"))
        for r in pq.read_table(part).to_pylist()
    ]
    assert all(
        pq.read_schema(p).remove_metadata() == quote_schema()
        for p in (local_out / "quotes").glob("*.parquet")
    )
    reports = {
        p.stem: json.loads(p.read_text(encoding="utf-8")) for p in (local_out / "reports").glob("*.json")
    }
    expected = {(story, q["id"]): q["links"] for story, r in reports.items() for q in r["quotes"]}
    assert {(r["story"], r["quote"]): r["links"] for r in rows} == expected
    assert any(expected.values())  # the team's archive has quotes that other outlets share


def test_rerun_skips_written_shards_and_groups(archive: Path, local_out: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(local_out, out)
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")}
    summary = run_batch(archive, out, "local", progress=lambda _m: None)
    assert summary.shards_done == 0 and summary.shards_skipped == 3
    assert summary.groups_done == 0 and summary.groups_skipped >= 1
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")} == before


def test_rerun_redoes_only_a_missing_shard(archive: Path, local_out: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(local_out, out)
    victim = sorted((out / "articles").glob("*.parquet"))[1]
    victim.unlink()
    (out / "articles" / f".tmp-{victim.name}.abc").write_bytes(b"PAR1 half a file")  # a killed write
    summary = run_batch(archive, out, "local", progress=lambda _m: None)
    assert summary.shards_done == 1 and summary.shards_skipped == 2
    assert snapshot(out) == snapshot(local_out)


def test_rerun_with_another_block_size_equals_a_fresh_run(
    archive: Path, local_out: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    shutil.copytree(local_out, out)
    again = run_batch(archive, out, "local", block_days=1.0, progress=lambda _m: None)
    assert again.shards_done == 0 and again.blocks > 1  # the articles are reused, the stories re-planned
    fresh = tmp_path / "fresh"
    run_batch(archive, fresh, "local", block_days=1.0, progress=lambda _m: None)
    assert snapshot(out) == snapshot(fresh)
    assert json.loads((out / "run.json").read_text(encoding="utf-8"))["block_days"] == 1.0


def test_failed_write_leaves_no_part(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A write that dies half-way leaves neither the part nor its temporary file behind."""
    import pyarrow.parquet as pq_module

    target = tmp_path / "articles" / "p.parquet"

    def half_then_fail(table: object, where: object, **_kw: object) -> None:
        Path(str(where)).write_bytes(b"PAR1 half")
        raise OSError("disk full")

    monkeypatch.setattr(pq_module, "write_table", half_then_fail)
    with pytest.raises(OSError, match="disk full"):
        write_table_atomic(target, [], article_schema())
    assert list(target.parent.iterdir()) == []


def test_killed_worker_leaves_no_corrupt_output(archive: Path, tmp_path: Path) -> None:
    """SIGKILL a run mid-way: every part under its real name must read cleanly, and a re-run completes."""
    out = tmp_path / "out"
    script = textwrap.dedent(
        f"""
        from newsprism.batch import run_batch  # noqa: E402
        run_batch({str(archive)!r}, {str(out)!r}, "local", progress=lambda m: print(m, flush=True))
        """
    )
    with subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            if "shard 1/" in line:  # the first shard is written, the second is in progress
                break
        time.sleep(0.5)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    for part in out.rglob("*.parquet"):
        pq.read_table(part)  # raises on a truncated file
    done = len(list((out / "articles").glob("*.parquet")))
    assert 1 <= done < len(list_shards(archive))
    summary = run_batch(archive, out, "local", progress=lambda _m: None)
    assert summary.shards_skipped == done
    assert len(list((out / "reports").glob("*.json"))) == 4


def test_run_json_reports_wall_and_cpu_per_stage(local_out: Path) -> None:
    run = json.loads((local_out / "run.json").read_text(encoding="utf-8"))
    stages = run["stages"]
    for name in ("segment", "embed", "quotes", "language", "story-analyse"):
        assert stages[name]["items"] > 0
        assert stages[name]["cpu_seconds"] > 0 and stages[name]["per_cpu_second"] > 0
        assert stages[name]["core_seconds"] > 0
    assert run["blocks"] == 1 and run["edge_merges"] == 0  # four days of news: one time block
    assert run["block_days"] == 28.0
