"""A re-run over a shard that grew: only its new lines are processed when that is safe (the earlier bytes
are unchanged and ended with a line break), and the output equals a fresh run over the grown archive.
Also undated articles in a real run: one that covers a dated story's event joins that story."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

pq = pytest.importorskip("pyarrow.parquet", reason="the batch pipeline needs pyarrow (the 'ray' extra)")

from batch_corpus import EVENTS, OUTLETS, _article, snapshot  # noqa: E402

from newsprism.batch import run_batch  # noqa: E402
from newsprism.batch.io import ShardStamp, read_records, stamp_and_growth  # noqa: E402


def _lines(*items: object) -> str:
    return "".join((x if isinstance(x, str) else json.dumps(x)) + "\n" for x in items)


# --------------------------------------------------------------------------- no models


def test_appended_lines_are_found_and_read_alone(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"text": "one"}\r\n\r\n{"text": "two"}\r{broken\n')
    old, growth = stamp_and_growth(path, None)
    assert growth is None and old == ShardStamp.of(path)
    with path.open("ab") as fh:
        fh.write(b'{"text": "three"}\n[1]\n\n{also broken\n')
    now, growth = stamp_and_growth(path, old)
    assert now == ShardStamp.of(path)
    assert growth is not None and (growth.start, growth.end, growth.lines) == (old.size, now.size, 4)
    whole, tail = read_records(path), read_records(path, growth)
    assert tail == whole[3:] and len(tail) == 3  # error records carry the line numbers of the whole file
    assert "line 6 " in tail[1]["__error__"] and "line 8 " in tail[2]["__error__"]


@pytest.mark.parametrize(
    ("before", "after", "name"),
    [
        (b'{"text": "one"}\n', b'{"text": "One"}\n{"text": "two"}\n', "a.jsonl"),  # an earlier line edited
        (b'{"text": "one"}', b'{"text": "one"}\n{"text": "two"}\n', "a.jsonl"),  # last line had no break
        (b'{"text": "one"}\n', b'{"text": "one"}\n', "a.jsonl"),  # not grown
        (b'{"text": "one"}\n', b'{"text": "one"}\n{"text": "two"}\n', "a.parquet"),  # not JSON lines
    ],
)
def test_anything_but_an_append_is_read_whole(tmp_path: Path, before: bytes, after: bytes, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(before)
    old = ShardStamp.of(path)
    path.write_bytes(after)
    now, growth = stamp_and_growth(path, old)
    assert growth is None and now == ShardStamp.of(path)


# --------------------------------------------------------------------------- real runs


def _dated(n: int, event: int = 0) -> list[dict[str, str]]:
    return [_article(EVENTS[event], outlet, style, 0) for outlet, style in OUTLETS[:n]]


@pytest.mark.batch
@pytest.mark.slow
def test_grown_shard_reads_only_its_new_lines_and_equals_a_fresh_run(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    shard = archive / "news.jsonl"
    shard.write_text(_lines(*_dated(3), "{not json"), encoding="utf-8")
    (archive / "other.jsonl").write_text(_lines(*_dated(2, event=1)), encoding="utf-8")
    out = tmp_path / "out"
    run_batch(archive, out, "local", progress=lambda _m: None)

    # Appended: two more outlets on the same event, a broken line, and an undated report of the event.
    undated = {**_article(EVENTS[0], "Harbour Echo", "wire", 2), "published": None}
    with shard.open("a", encoding="utf-8") as fh:
        fh.write(_lines(*[_article(EVENTS[0], o, s, 0) for o, s in OUTLETS[3:]], "[1, 2]", undated))
    said: list[str] = []
    grown = run_batch(archive, out, "local", progress=said.append)
    assert (grown.shards_done, grown.shards_changed, grown.shards_grown) == (1, 1, 1)
    assert grown.article_stats.items["read"] == 4  # only the appended records
    assert any("only its new lines read" in m for m in said)

    fresh_archive = tmp_path / "fresh" / "archive"
    shutil.copytree(archive, fresh_archive)
    fresh = tmp_path / "fresh" / "out"
    full = run_batch(fresh_archive, fresh, "local", progress=lambda _m: None)
    assert full.shards_grown == 0 and full.article_stats.items["read"] == 4 + 4 + 2
    assert snapshot(out) == snapshot(fresh)

    # The undated report joined the dated story of its event; the other event stayed its own story.
    stories = [r for p in sorted((out / "stories").glob("*.parquet")) for r in pq.read_table(p).to_pylist()]
    event = next(s for s in stories if "Harbour Echo" in s["outlets"])
    assert sorted(event["outlets"]) == sorted([o for o, _s in OUTLETS] + ["Harbour Echo"])
    assert len(stories) == 2 and grown.undated_joined == 1

    # An edit before the end, then an append: read whole again, and still what a fresh run gives.
    text = shard.read_text(encoding="utf-8").replace("{not json", "{still not json")
    shard.write_text(text + _lines(_article(EVENTS[1], "Harbour Echo", "local", 0)), encoding="utf-8")
    again = run_batch(archive, out, "local", progress=lambda _m: None)
    assert (again.shards_done, again.shards_grown) == (1, 0)
    shutil.copy(shard, fresh_archive / shard.name)
    run_batch(fresh_archive, tmp_path / "fresh" / "out2", "local", progress=lambda _m: None)
    assert snapshot(out) == snapshot(tmp_path / "fresh" / "out2")
