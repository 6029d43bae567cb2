"""Bad inputs to ``newsprism batch``: a corrupt shard is skipped with a reason, the rest is processed, and
the command exits with the partial-failure code like ``compare`` and ``ingest``."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

pq = pytest.importorskip("pyarrow.parquet", reason="the batch pipeline needs pyarrow (the 'ray' extra)")

from batch_corpus import EVENTS, OUTLETS, _article  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from newsprism.batch import run_batch  # noqa: E402
from newsprism.cli import app  # noqa: E402

pytestmark = [pytest.mark.batch, pytest.mark.slow]


def _small_archive(folder: Path) -> Path:
    """One event from every outlet in one JSON lines shard: enough for one story, quick to process."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(_article(EVENTS[0], outlet, style, 0)) for outlet, style in OUTLETS]
    (folder / "good.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _rows(out: Path, table: str) -> list[dict[str, object]]:
    return [r for part in sorted((out / table).glob("*.parquet")) for r in pq.read_table(part).to_pylist()]


def test_corrupt_parquet_shard_is_skipped_and_the_rest_processed(tmp_path: Path) -> None:
    archive = _small_archive(tmp_path / "archive")
    (archive / "corrupt.parquet").write_bytes(b"PAR1 junk")
    out = tmp_path / "out"

    result = CliRunner().invoke(app, ["batch", str(archive), "--out", str(out), "--engine", "local"])

    assert result.exit_code == 1, result.output  # partial: an input was skipped
    assert "unexpected error" not in result.output
    assert "corrupt.parquet" in result.stderr and "cannot be read as Parquet" in result.stderr
    skipped = _rows(out, "skipped")
    assert [(s["origin"], s["row"]) for s in skipped] == [("corrupt.parquet", None)]
    assert "re-export the shard" in str(skipped[0]["reason"])
    assert len(_rows(out, "articles")) == len(OUTLETS)
    assert len(list((out / "reports").glob("*.json"))) == len(_rows(out, "stories")) >= 1

    again = run_batch(archive, out, "local", progress=lambda _m: None)  # a re-run does not trip over it
    assert again.shards_done == 0 and again.skipped_inputs == 1


def _story_outlets(out: Path) -> list[list[str]]:
    return sorted(sorted(s["outlets"]) for s in _rows(out, "stories"))  # type: ignore[arg-type]


def test_changed_shard_is_processed_again_and_its_stories_updated(tmp_path: Path) -> None:
    archive = _small_archive(tmp_path / "archive")
    shard = archive / "good.jsonl"
    out = tmp_path / "out"
    run_batch(archive, out, "local", progress=lambda _m: None)
    assert len(_rows(out, "articles")) == len(OUTLETS)

    # A line appended: the shard is read again and the new article joins its story.
    extra = _article(EVENTS[0], "Harbour Echo", "local", 1)
    with shard.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(extra) + "\n")
    said: list[str] = []
    grown = run_batch(archive, out, "local", progress=said.append)
    assert grown.shards_done == 1 and grown.shards_changed == 1
    assert any("changed since they were processed" in m and "good.jsonl" in m for m in said)
    assert len(_rows(out, "articles")) == len(OUTLETS) + 1
    assert any("Harbour Echo" in outlets for outlets in _story_outlets(out))

    # An edit that keeps the text (so the article id) and the file size still updates the story rows.
    shard.write_text(
        shard.read_text(encoding="utf-8").replace("Harbour Echo", "Harbour Ecko"), encoding="utf-8"
    )
    edited = run_batch(archive, out, "local", progress=lambda _m: None)
    assert edited.shards_done == 1 and edited.groups_done >= 1
    assert any("Harbour Ecko" in outlets for outlets in _story_outlets(out))
    assert not any("Harbour Echo" in outlets for outlets in _story_outlets(out))

    # Same bytes under a new time (a copy, a touch): nothing to do.
    os.utime(shard, ns=(time.time_ns(), time.time_ns() + 10**9))
    touched = run_batch(archive, out, "local", progress=lambda _m: None)
    assert touched.shards_done == 0 and touched.groups_done == 0


def test_removed_shard_is_warned_about(tmp_path: Path) -> None:
    archive = _small_archive(tmp_path / "archive")
    (archive / "other.jsonl").write_text(
        json.dumps(_article(EVENTS[1], "Northern Wire", "wire", 0)) + "\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    run_batch(archive, out, "local", progress=lambda _m: None)
    (archive / "other.jsonl").unlink()
    said: list[str] = []
    run_batch(archive, out, "local", progress=said.append)
    warning = next(m for m in said if "not in this input" in m)
    assert "other.jsonl" in warning and "delete" in warning and "stay in the stories" in warning


def test_unreadable_date_is_warned_about_and_a_short_title_names_the_story(tmp_path: Path) -> None:
    archive = _small_archive(tmp_path / "archive")
    odd = {
        "title": "Weird date",
        "outlet": "W",
        "published": "not a date",
        "text": "The Tolland river burst its banks in Merrowby on Wednesday, killing three people and "
        "forcing about 1,200 residents from their homes, officials said.",
    }
    with (archive / "good.jsonl").open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(odd) + "\n")
    out = tmp_path / "out"
    said: list[str] = []
    run_batch(archive, out, "local", progress=said.append)

    warning = next(m for m in said if "not understood" in m)
    assert "good.jsonl" in warning and "'not a date'" in warning and "undated" in warning
    article = next(a for a in _rows(out, "articles") if a["title"] == "Weird date")
    assert any("not understood" in w for w in article["warnings"])  # type: ignore[union-attr]
    story = next(s for s in _rows(out, "stories") if article["id"] in s["articles"])  # type: ignore[operator]
    assert story["headline"]
    assert all(s["headline"] for s in _rows(out, "stories"))
