"""The SQLite store on its own: schema versions, WAL, dedup by content hash, merges, cache, feed state."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest

from newsprism.errors import UsageError
from newsprism.model import Article
from newsprism.store import SCHEMA_VERSION, FeedState, StoryUpdate, default_store_path, open_store


def _article(n: int, url: str | None = None) -> Article:
    text = f"The fictional town of Brell opened its {n}th public library on a rainy morning, officials said."
    return Article(
        id=f"a{n:04d}",
        text=text,
        title=f"Library {n}",
        outlet="Brell Post",
        url=url,
        published=f"2031-05-{n % 28 + 1:02d}",
    )


def test_new_store_is_versioned_and_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "s.sqlite"
    with open_store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.integrity() == "ok"
    mode = sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    with open_store(path) as store:  # reopening does not migrate twice
        assert store.schema_version() == SCHEMA_VERSION


def test_newer_schema_is_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    open_store(path).close()
    db = sqlite3.connect(path)
    db.execute("INSERT INTO schema_version VALUES (?)", (SCHEMA_VERSION + 1,))
    db.commit()
    db.close()
    with pytest.raises(UsageError, match="upgrade newsprism"):
        open_store(path)


def test_not_a_store_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "junk.sqlite"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(UsageError, match="not a newsprism store"):
        open_store(path)


def test_a_reader_never_creates_a_store(tmp_path: Path) -> None:
    """QA: ``stories --store missing.sqlite`` and ``recluster --store nodir/x.sqlite`` made an empty store
    (and its folder); only the commands that add articles create one."""
    for path in (tmp_path / "missing.sqlite", tmp_path / "nodir" / "x.sqlite"):
        with pytest.raises(UsageError, match=r"does not exist.*newsprism ingest"):
            open_store(path, create=False)
        assert not path.exists() and not path.parent.joinpath("x.sqlite").exists()
    assert not (tmp_path / "nodir").exists()
    with pytest.raises(UsageError, match="is a folder"):
        open_store(tmp_path, create=False)
    other = tmp_path / "other.db"
    db = sqlite3.connect(other)
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()
    with pytest.raises(UsageError, match="not a newsprism store"):
        open_store(other, create=False)
    names = {r[0] for r in sqlite3.connect(other).execute("SELECT name FROM sqlite_master")}
    assert names == {"t"}  # another application's database is left as it was
    open_store(tmp_path / "s.sqlite").close()
    with open_store(tmp_path / "s.sqlite", create=False) as store:
        assert store.count_articles() == 0


def test_batch_round_trip_dedup_and_urls(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.sqlite")
    a, b = _article(1, "https://brell.example/1"), _article(2)
    vecs = np.eye(2, 4, dtype=np.float32)
    store.commit_batch(
        [a, b],
        vecs,
        {a.id: "st1", b.id: "st1"},
        [StoryUpdate("st1", "Library", "2031-05-02", "2031-05-03")],
        {},
    )
    store.commit_batch([a], vecs[:1], {}, [], {})  # same id again: ignored
    store.add_urls(a.id, ["https://mirror.example/1"])
    assert store.count_articles() == 2
    assert store.articles([b.id, a.id]) == [b, a]
    assert store.article_urls(a.id) == ["https://brell.example/1", "https://mirror.example/1"]
    assert np.array_equal(store.vectors([b.id]), vecs[1:2])
    [row] = store.stories()
    assert row.article_ids == (a.id, b.id) and row.title == "Library"
    assert store.known([a.id, "nope"]) == {a.id}
    store.close()


def test_merge_redirects_the_old_story_and_drops_cached_reports(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.sqlite")
    a, b = _article(1), _article(2)
    vecs = np.zeros((2, 4), np.float32)
    store.commit_batch(
        [a, b],
        vecs,
        {a.id: "st1", b.id: "st2"},
        [StoryUpdate("st1", "one", None, None), StoryUpdate("st2", "two", None, None)],
        {},
    )
    store.put_report("st1", "k", "{}")
    assert store.get_report("st1", "k") == "{}"
    store.commit_batch([], vecs[:0], {}, [StoryUpdate("st1", "one", None, None)], {"st2": "st1"})
    assert store.get_report("st1", "k") is None
    assert [s.id for s in store.stories()] == ["st1"]
    merged = store.story("st2")
    assert merged is not None and merged.id == "st1" and set(merged.article_ids) == {a.id, b.id}
    assert store.story("st") is None  # ambiguous prefix
    unique = store.story("st1"[:3])
    assert unique is not None and unique.id == "st1"
    assert store.story("zz") is None
    store.close()


def test_feed_state_round_trip(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.sqlite") as store:
        assert store.feed_state("https://f.example/rss") == FeedState("https://f.example/rss")
        state = FeedState(
            "https://f.example/rss", '"abc"', "Tue, 01 Apr 2031 10:00:00 GMT", 2, 123.5, "HTTP 500"
        )
        store.put_feed_state(state)
        assert store.feed_state(state.url) == state


def test_default_path_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_store_path() == tmp_path / "newsprism" / "store.sqlite"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert default_store_path() == Path.home() / ".local" / "share" / "newsprism" / "store.sqlite"


def test_a_version_1_store_is_migrated_in_place(tmp_path: Path) -> None:
    from newsprism.store.sqlite import _MIGRATIONS

    path = tmp_path / "old.sqlite"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    db.executescript(_MIGRATIONS[1])
    db.execute("INSERT INTO schema_version VALUES (1)")
    db.commit()
    db.close()
    with open_store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION >= 2
    indexes = {
        r[0] for r in sqlite3.connect(path).execute("SELECT name FROM sqlite_master WHERE type='index'")
    }
    assert {"story_articles_seq", "articles_published", "article_urls_url"} <= indexes


def test_atomic_blocks_keep_their_writes_together_and_nest(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.sqlite")
    a, b, c = _article(1), _article(2), _article(3)
    vecs = np.ones((1, 4), dtype=np.float32)
    with pytest.raises(OSError), store.atomic():
        store.commit_batch([a], vecs, {}, [], {})
        raise OSError("disk full")
    assert store.count_articles() == 0
    with store.atomic():
        store.commit_batch([a], vecs, {}, [], {})
        with pytest.raises(OSError), store.atomic():  # an inner block that fails undoes only itself
            store.commit_batch([b], vecs, {}, [], {})
            raise OSError("disk full")
        store.commit_batch([c], vecs, {}, [], {})
    assert store.all_article_ids() == [a.id, c.id]
    store.commit_batch([b], vecs, {}, [], {})  # and the store takes writes on its own again
    assert store.count_articles() == 3
    store.close()


def test_an_article_is_not_put_in_place_of_another_under_a_stored_id(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.sqlite")
    a, b = _article(1, "https://brell.example/1"), _article(2)
    vecs = np.ones((2, 4), dtype=np.float32)
    store.commit_batch(
        [a, b],
        vecs,
        {a.id: "st1", b.id: "st2"},
        [StoryUpdate("st1", "", None, None), StoryUpdate("st2", "", None, None)],
        {},
    )
    with pytest.raises(ValueError, match="stored already"):
        store.replace_article(a.id, b, vecs[0])
    assert store.all_article_ids() == [a.id, b.id] and store.article_urls(a.id) == [a.url]
    store.close()


def test_stories_can_swap_ids_and_old_ids_open_a_live_story(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.sqlite")
    a, b, c = _article(1), _article(2), _article(3)
    heads = [StoryUpdate(s, s.upper(), "2031-05-01", "2031-05-02") for s in ("x", "y", "z", "m")]
    store.commit_batch(
        [a, b, c], np.ones((3, 4), np.float32), {a.id: "x", b.id: "y", c.id: "z"}, heads, {"m": "x"}
    )
    store.put_report("x", "k", "report of x")
    store.rename_stories({"x": "y", "y": "x", "z": "z"}, {"old": "x", "gone": "nowhere"})
    assert {s.id: s.article_ids for s in store.stories()} == {"y": (a.id,), "x": (b.id,), "z": (c.id,)}
    assert store.get_report("y", "k") == "report of x" and store.get_report("x", "k") is None
    assert store.story_aliases() == {"old": "x"}  # "m" (merged before) is forgotten; "nowhere" is no story
    row = store.story("old")
    assert row is not None and row.id == "x" and row.article_ids == (b.id,)
    with pytest.raises(sqlite3.IntegrityError):
        store.rename_stories({"x": "z"}, {})
    assert store.story("x") is not None and store.integrity() == "ok"
    store.close()


def test_the_author_is_stored_and_a_version_4_store_reads_with_no_author(tmp_path: Path) -> None:
    import dataclasses

    from newsprism.store.sqlite import _MIGRATIONS

    path = tmp_path / "v4.sqlite"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    for version in range(1, 5):
        db.executescript(_MIGRATIONS[version])
        db.execute("INSERT INTO schema_version VALUES (?)", (version,))
    old = _article(1, "https://brell.example/1")
    db.execute(  # an article as a store of schema version 4 held it: twelve columns, no author
        "INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (old.id, 1, old.text, old.title, old.outlet, old.url, old.published, "en", "", "[]", 0.0, None),
    )
    db.commit()
    db.close()
    with open_store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION == 5
        assert store.articles([old.id]) == [old] and old.author == ""
        new = dataclasses.replace(_article(2), author="Ilse Marten, Brell Press")
        store.commit_batch([new], np.ones((1, 4), dtype=np.float32), {}, [], {})
        fuller = dataclasses.replace(_article(3), author="AP")
        store.replace_article(new.id, fuller, np.ones(4, dtype=np.float32))
    with open_store(path) as store:  # read again from the file
        assert store.articles([old.id, fuller.id]) == [old, fuller]
        assert store.articles([fuller.id])[0].author == "AP"
