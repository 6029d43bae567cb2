"""Input checks and shard naming: no models loaded, fast."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pyarrow", reason="the batch pipeline needs pyarrow (the 'ray' extra)")

from newsprism.batch import run_batch
from newsprism.batch.io import list_shards, read_records, shard_key
from newsprism.errors import UsageError


def test_missing_input_says_what_to_give(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="does not exist"):
        run_batch(tmp_path / "nope", tmp_path / "out")


def test_folder_without_shards(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    with pytest.raises(UsageError, match=r"no \.jsonl"):
        list_shards(tmp_path)


def test_hidden_shards_are_left_out(tmp_path: Path) -> None:
    for rel in ("2031/jan.jsonl", "2031/.jan.part.jsonl", ".ipynb_checkpoints/jan.jsonl"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("{}\n", encoding="utf-8")
    assert list_shards(tmp_path) == [tmp_path / "2031" / "jan.jsonl"]


def test_unknown_engine_and_misplaced_address(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"text": "x"}\n', encoding="utf-8")
    with pytest.raises(UsageError, match="unknown engine"):
        run_batch(tmp_path / "a.jsonl", tmp_path / "out", "spark")
    with pytest.raises(UsageError, match="only applies to --engine ray"):
        run_batch(tmp_path / "a.jsonl", tmp_path / "out", "local", "ray://head:10001")


def test_shard_keys_are_stable_and_distinct(tmp_path: Path) -> None:
    for rel in ("2031/jan.jsonl", "2032/jan.jsonl"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("{}\n", encoding="utf-8")
    shards = list_shards(tmp_path)
    keys = [shard_key(p, tmp_path) for p in shards]
    assert len(set(keys)) == 2 and all(k.startswith("jan-") for k in keys)
    assert keys == [shard_key(p, tmp_path) for p in list_shards(tmp_path)]


def test_bad_lines_become_error_records(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "fine"}\n\n[1, 2]\n{broken\n', encoding="utf-8")
    records = read_records(path)
    assert records[0] == {"text": "fine"}
    assert "not a JSON object" in records[1]["__error__"]
    assert "not valid JSON" in records[2]["__error__"]


def _shard(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.jsonl").write_text('{"text": "x"}\n', encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("out", "message"),
    [
        ("gen.py", r"is a file, not a folder; give a new folder"),
        ("gen.py/sub", r"cannot create the output folder .*; give a folder in a place you can write to"),
        ("archive/out", r"inside the input folder .*; give an output folder outside the input"),
        ("project", r"not empty and holds no earlier batch output .*; give a new or empty folder"),
    ],
)
def test_unusable_out_folder_is_a_usage_error(tmp_path: Path, out: str, message: str) -> None:
    archive = _shard(tmp_path / "archive")
    (tmp_path / "gen.py").write_text("print('mine')\n", encoding="utf-8")
    (tmp_path / "project" / "reports").mkdir(parents=True)
    (tmp_path / "project" / "reports" / "q3.json").write_text("{}", encoding="utf-8")
    with pytest.raises(UsageError, match=message):
        run_batch(archive, tmp_path / out)
    assert (tmp_path / "gen.py").read_text(encoding="utf-8") == "print('mine')\n"
    assert (tmp_path / "project" / "reports" / "q3.json").exists()


def test_unusable_out_folder_exits_2_without_a_traceback(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from newsprism.cli import app

    archive = _shard(tmp_path / "archive")
    (tmp_path / "gen.py").write_text("", encoding="utf-8")
    for out in [tmp_path / "gen.py", *([Path("/proc/forbidden")] if Path("/proc").is_dir() else [])]:
        result = CliRunner().invoke(app, ["batch", str(archive), "--out", str(out)])
        assert result.exit_code == 2, result.output
        assert "unexpected error" not in result.output and "give a" in result.stderr


def test_parquet_date_columns_are_read_as_dates(tmp_path: Path) -> None:
    import datetime

    import pyarrow as pa
    import pyarrow.parquet as pq

    from newsprism.cluster.features import day_number
    from newsprism.ingest.records import Draft, record

    path = tmp_path / "typed.parquet"
    stamp = datetime.datetime(2031, 3, 2, 10, 30, tzinfo=datetime.UTC)
    table = pa.table(
        {
            "text": ["one", "two"],
            "published": pa.array([stamp, None], pa.timestamp("s", tz="UTC")),
            "day": pa.array([datetime.date(2031, 3, 2), None], pa.date32()),
        }
    )
    pq.write_table(table, path)
    first, second = read_records(path)
    assert first["published"] == "2031-03-02T10:30:00+00:00" and first["day"] == "2031-03-02"
    assert second["published"] is None
    draft = record(first, "typed.parquet:1")
    assert isinstance(draft, Draft) and draft.published == first["published"]
    assert day_number(draft.published) is not None  # the clusterer places it in time


def test_shard_authors_reach_the_articles_and_their_rows(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from newsprism.batch.rows import article_from_row, article_schema
    from newsprism.batch.stages import normalise_records
    from newsprism.settings import Settings

    body = "The Osterby cable car reopened on Saturday after a four-month overhaul, the transport board said."
    path = tmp_path / "typed.parquet"
    pq.write_table(pa.table({"text": [body, body + " Again."], "authors": [["Ella Brandt", "AP"], []]}), path)
    built = normalise_records(read_records(path), path.name, Settings())
    assert [getattr(a, "author", None) for a in built] == ["Ella Brandt, AP", ""]
    assert "author" in article_schema().names
    # an articles part written before the author column reads with no author
    old = {name: None for name in article_schema().names if name != "author"}
    old.update(id="a1", text=body, warnings=[])
    assert article_from_row(old).author == ""
