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
