"""Bad inputs to ``newsprism batch``: a corrupt shard is skipped with a reason, the rest is processed, and
the command exits with the partial-failure code like ``compare`` and ``ingest``."""

from __future__ import annotations

import json
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
