"""The default store: one SQLite file in WAL mode, schema migrations recorded in a version table.

WAL keeps readers (``newsprism stories``) working while ``watch`` writes, and makes each committed
batch durable: a process killed mid-batch leaves the file at the last commit. Article ids are content
hashes, so inserting an article twice is a no-op that only records the extra URL.

Each write method is one transaction; inside :meth:`SqliteStore.atomic` they become savepoints of one
outer transaction, so the story service commits a whole ingest batch (or a whole re-clustering) at once
or not at all.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from newsprism.errors import UsageError
from newsprism.model import Article
from newsprism.store._types import CachedReport, FeedState, StoryRow, StoryUpdate

if TYPE_CHECKING:
    from collections.abc import Callable

SCHEMA_VERSION = 5
_PAGE = "page:"  # key prefix of rendered pages in the reports table

_MIGRATIONS: dict[int, str] = {
    1: """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY, seq INTEGER NOT NULL, text TEXT NOT NULL, title TEXT NOT NULL,
        outlet TEXT NOT NULL, url TEXT, published TEXT, language TEXT NOT NULL, origin TEXT NOT NULL,
        warnings TEXT NOT NULL, added_at REAL NOT NULL, vector BLOB);
    CREATE INDEX articles_seq ON articles(seq);
    CREATE TABLE article_urls (article_id TEXT NOT NULL REFERENCES articles(id), url TEXT NOT NULL,
        PRIMARY KEY (article_id, url));
    CREATE TABLE stories (id TEXT PRIMARY KEY, title TEXT NOT NULL, first_seen TEXT, last_seen TEXT,
        merged_into TEXT, updated_at REAL NOT NULL);
    CREATE INDEX stories_last_seen ON stories(last_seen);
    CREATE TABLE story_articles (article_id TEXT PRIMARY KEY REFERENCES articles(id),
        story_id TEXT NOT NULL REFERENCES stories(id), seq INTEGER NOT NULL);
    CREATE INDEX story_articles_story ON story_articles(story_id, seq);
    CREATE TABLE reports (story_id TEXT NOT NULL, key TEXT NOT NULL, report TEXT NOT NULL,
        created_at REAL NOT NULL, PRIMARY KEY (story_id, key));
    CREATE TABLE feeds (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, failures INTEGER NOT NULL,
        next_poll REAL NOT NULL, last_error TEXT NOT NULL);
    CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
    # Each batch reads MAX(seq) of the assignments; without this index that was a scan of the whole table.
    2: "CREATE INDEX IF NOT EXISTS story_articles_seq ON story_articles(seq)",
    # A late article is checked against the stored articles of its own dates (near copies), which is a
    # range over publication dates; without this index that was a scan of the whole table per batch.
    3: "CREATE INDEX IF NOT EXISTS articles_published ON articles(published)",
    # An incoming article is matched by URL first (a feed's summary of a stored page is that page).
    4: "CREATE INDEX IF NOT EXISTS article_urls_url ON article_urls(url)",
    # Article.author; articles stored before it have none ("").
    5: "ALTER TABLE articles ADD COLUMN author TEXT NOT NULL DEFAULT ''",
}


_INSERT_ARTICLE = (
    "INSERT OR IGNORE INTO articles (id, seq, text, title, outlet, url, published, language, origin, "
    "warnings, added_at, vector, author) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
)


def _article_row(a: Article, seq: int, now: float, vector: np.ndarray | None) -> tuple[object, ...]:
    vec = vector.astype(np.float32).tobytes() if vector is not None else None
    warnings = json.dumps(list(a.warnings))
    return (
        a.id,
        seq,
        a.text,
        a.title,
        a.outlet,
        a.url,
        a.published,
        a.language,
        a.origin,
        warnings,
        now,
        vec,
        a.author,
    )


class SqliteStore:
    """The embedded default :class:`~newsprism.store.Store`; one instance per process and thread."""

    def __init__(self, path: Path, *, timeout: float = 30.0, create: bool = True) -> None:
        self.path = path
        if not create and path.is_dir():
            raise UsageError(f"{path} is a folder, not a store; pass --store with the store's file")
        if not create and not path.exists():
            raise UsageError(
                f"the store {path} does not exist; add articles to it with `newsprism ingest ... --store "
                f"{path}` first, or pass --store with an existing store"
            )
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(path), timeout=timeout, isolation_level=None)
            self._depth = 0  # open atomic() blocks; inner ones are savepoints
        except (OSError, sqlite3.Error) as exc:
            raise UsageError(
                f"cannot open the store at {path} ({exc}); pass --store with a writable path"
            ) from exc
        try:
            if not create and not self._has_schema():  # before any write: it may be another app's
                self._db.close()
                raise UsageError(f"{path} is not a newsprism store; pass --store with another path")
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise UsageError(
                f"{path} is not a newsprism store ({exc}); pass --store with another path"
            ) from exc

    # ------------------------------------------------------------------ lifecycle

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> SqliteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _has_schema(self) -> bool:
        sql = "SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_version'"
        return self._db.execute(sql).fetchone() is not None

    def _migrate(self) -> None:
        self._db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        row = self._db.execute("SELECT MAX(version) FROM schema_version").fetchone()
        current = int(row[0] or 0)
        if current > SCHEMA_VERSION:
            raise UsageError(
                f"the store at {self.path} has schema version {current}, newer than this newsprism "
                f"({SCHEMA_VERSION}); upgrade newsprism"
            )
        for version in range(current + 1, SCHEMA_VERSION + 1):
            self._transaction(partial(self._apply_migration, version))

    def _apply_migration(self, version: int) -> None:
        for statement in _MIGRATIONS[version].split(";"):
            if statement.strip():
                self._db.execute(statement)
        self._db.execute("INSERT INTO schema_version (version) VALUES (?)", (version,))

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """Everything written inside is kept together or not at all: one transaction, committed when the
        block ends and rolled back when it raises. Blocks nest (an inner one is a savepoint: its failure
        undoes only its own writes if the caller catches it). The outer block holds the write lock, so
        keep it to one batch of work; readers in other processes are not blocked (WAL)."""
        savepoint = f"s{self._depth}"
        self._db.execute("BEGIN IMMEDIATE" if self._depth == 0 else f"SAVEPOINT {savepoint}")
        self._depth += 1
        try:
            yield
        except BaseException:
            self._depth -= 1
            if self._depth == 0:
                self._db.execute("ROLLBACK")
            else:
                self._db.execute(f"ROLLBACK TO {savepoint}")
                self._db.execute(f"RELEASE {savepoint}")
            raise
        self._depth -= 1
        if self._depth:
            self._db.execute(f"RELEASE {savepoint}")
            return
        try:
            self._db.execute("COMMIT")
        except BaseException:
            if self._db.in_transaction:  # e.g. the disk is full: leave nothing half-open
                self._db.execute("ROLLBACK")
            raise

    def _transaction(self, work: Callable[[], object]) -> None:
        with self.atomic():
            work()

    def schema_version(self) -> int:
        return int(self._db.execute("SELECT MAX(version) FROM schema_version").fetchone()[0])

    # ------------------------------------------------------------------ articles

    def known(self, ids: Iterable[str]) -> set[str]:
        wanted = list(dict.fromkeys(ids))
        found: set[str] = set()
        for at in range(0, len(wanted), 500):
            chunk = wanted[at : at + 500]
            marks = ",".join("?" * len(chunk))
            found.update(
                r[0] for r in self._db.execute(f"SELECT id FROM articles WHERE id IN ({marks})", chunk)
            )
        return found

    def add_urls(self, article_id: str, urls: Iterable[str]) -> None:
        rows = [(article_id, u) for u in urls if u]
        if rows:
            self._transaction(
                lambda: self._db.executemany("INSERT OR IGNORE INTO article_urls VALUES (?, ?)", rows)
            )

    def commit_batch(
        self,
        articles: Sequence[Article],
        vectors: np.ndarray,
        assignments: Mapping[str, str],
        stories: Sequence[StoryUpdate],
        merges: Mapping[str, str],
        state: Mapping[str, str] | None = None,
    ) -> None:
        """New articles, their story assignments, story headers and merges, in one transaction."""

        def work() -> None:
            db = self._db
            seq = int(db.execute("SELECT COALESCE(MAX(seq), 0) FROM articles").fetchone()[0])
            now = time.time()
            for i, a in enumerate(articles):
                vec = vectors[i] if len(vectors) else None
                cur = db.execute(_INSERT_ARTICLE, _article_row(a, seq + i + 1, now, vec))
                if cur.rowcount and a.url:
                    db.execute("INSERT OR IGNORE INTO article_urls VALUES (?, ?)", (a.id, a.url))
            db.executemany(
                "INSERT INTO stories VALUES (?,?,?,?,NULL,?) ON CONFLICT(id) DO UPDATE SET "
                "title=excluded.title, first_seen=excluded.first_seen, last_seen=excluded.last_seen, "
                "merged_into=NULL, updated_at=excluded.updated_at",
                [(s.id, s.title, s.first_seen, s.last_seen, now) for s in stories],
            )
            for old, new in merges.items():
                db.execute("UPDATE story_articles SET story_id=? WHERE story_id=?", (new, old))
                db.execute("UPDATE stories SET merged_into=?, updated_at=? WHERE id=?", (new, now, old))
                db.execute("UPDATE stories SET merged_into=? WHERE merged_into=?", (new, old))
                db.execute("DELETE FROM reports WHERE story_id IN (?, ?)", (old, new))
            base = int(db.execute("SELECT COALESCE(MAX(seq), 0) FROM story_articles").fetchone()[0])
            db.executemany(
                "INSERT INTO story_articles VALUES (?,?,?) ON CONFLICT(article_id) DO UPDATE SET "
                "story_id=excluded.story_id",
                [(aid, sid, base + i + 1) for i, (aid, sid) in enumerate(assignments.items())],
            )
            touched = set(assignments.values())
            if touched:
                marks = ",".join("?" * len(touched))
                db.execute(f"DELETE FROM reports WHERE story_id IN ({marks})", list(touched))
            for key, value in (state or {}).items():
                db.execute("INSERT OR REPLACE INTO state VALUES (?, ?)", (key, value))

        self._transaction(work)

    def ids_by_url(self, urls: Iterable[str]) -> dict[str, str]:
        """The stored article each of ``urls`` belongs to (URLs not stored are left out)."""
        wanted = list(dict.fromkeys(u for u in urls if u))
        found: dict[str, str] = {}
        for at in range(0, len(wanted), 500):
            chunk = wanted[at : at + 500]
            marks = ",".join("?" * len(chunk))
            for url, aid in self._db.execute(
                f"SELECT url, MIN(article_id) FROM article_urls WHERE url IN ({marks}) GROUP BY url", chunk
            ):
                found[url] = aid
        return found

    def replace_article(self, old_id: str, article: Article, vector: np.ndarray) -> str | None:
        """Put ``article`` in place of stored ``old_id`` (a fuller text of one URL: a feed's summary, then
        the page), keeping its arrival place, URLs and story; returns that story's id. The story's cached
        reports go, as when it gains a member. ``article`` must not be stored already (two stored
        articles cannot become one here): that raises ValueError and changes nothing."""
        story: list[str | None] = [None]

        def work() -> None:
            db = self._db
            row = db.execute("SELECT seq FROM articles WHERE id=?", (old_id,)).fetchone()
            if row is None or article.id == old_id:
                return
            if self.known([article.id]):
                raise ValueError(
                    f"cannot put article {article.id} in place of {old_id}: it is stored already"
                )
            db.execute(_INSERT_ARTICLE, _article_row(article, int(row[0]), time.time(), vector))
            db.execute(
                "UPDATE OR IGNORE article_urls SET article_id=? WHERE article_id=?", (article.id, old_id)
            )
            db.execute("DELETE FROM article_urls WHERE article_id=?", (old_id,))
            if article.url:
                db.execute("INSERT OR IGNORE INTO article_urls VALUES (?, ?)", (article.id, article.url))
            db.execute("UPDATE story_articles SET article_id=? WHERE article_id=?", (article.id, old_id))
            db.execute("DELETE FROM articles WHERE id=?", (old_id,))
            found = db.execute(
                "SELECT story_id FROM story_articles WHERE article_id=?", (article.id,)
            ).fetchone()
            if found is not None:
                story[0] = str(found[0])
                db.execute("DELETE FROM reports WHERE story_id=?", (story[0],))

        self._transaction(work)
        return story[0]

    def articles(self, ids: Sequence[str]) -> list[Article]:
        by_id: dict[str, Article] = {}
        for at in range(0, len(ids), 500):
            chunk = list(ids[at : at + 500])
            marks = ",".join("?" * len(chunk))
            for r in self._db.execute(
                "SELECT id, text, title, outlet, url, published, language, origin, warnings, author "
                f"FROM articles WHERE id IN ({marks})",
                chunk,
            ):
                by_id[r[0]] = Article(
                    id=r[0],
                    text=r[1],
                    title=r[2],
                    outlet=r[3],
                    url=r[4],
                    published=r[5],
                    language=r[6],
                    origin=r[7],
                    warnings=tuple(json.loads(r[8])),
                    author=r[9],
                )
        return [by_id[i] for i in ids if i in by_id]

    def all_article_ids(self) -> list[str]:
        """Every article in arrival order."""
        return [r[0] for r in self._db.execute("SELECT id FROM articles ORDER BY seq")]

    def article_urls(self, article_id: str) -> list[str]:
        rows = self._db.execute("SELECT url FROM article_urls WHERE article_id=? ORDER BY url", (article_id,))
        return [r[0] for r in rows]

    def vectors(self, ids: Sequence[str]) -> np.ndarray:
        """Stored article vectors in ``ids`` order (rows of zeros where none was stored)."""
        found: dict[str, bytes] = {}
        for at in range(0, len(ids), 500):
            chunk = list(ids[at : at + 500])
            marks = ",".join("?" * len(chunk))
            for r in self._db.execute(f"SELECT id, vector FROM articles WHERE id IN ({marks})", chunk):
                if r[1] is not None:
                    found[r[0]] = r[1]
        dim = len(next(iter(found.values()))) // 4 if found else 0
        out = np.zeros((len(ids), dim), dtype=np.float32)
        for i, aid in enumerate(ids):
            if aid in found:
                out[i] = np.frombuffer(found[aid], dtype=np.float32)
        return out

    def article_ids_published(self, since: str, before: str) -> list[str]:
        """Articles published on or after ``since`` and before ``before`` (ISO dates), in arrival order."""
        rows = self._db.execute(
            "SELECT id FROM articles WHERE published >= ? AND published < ? ORDER BY seq", (since, before)
        )
        return [r[0] for r in rows]

    def count_articles(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    # ------------------------------------------------------------------ stories

    def stories(self, *, since: str | None = None, limit: int | None = None) -> list[StoryRow]:
        """Live stories (not merged away), most recently seen first; ``since`` filters on last_seen."""
        sql = "SELECT id, title, first_seen, last_seen FROM stories WHERE merged_into IS NULL"
        args: list[object] = []
        if since is not None:
            sql += " AND last_seen >= ?"
            args.append(since)
        sql += " ORDER BY last_seen IS NULL, last_seen DESC, id"
        if limit is not None:
            sql += " LIMIT ?"
            args.append(limit)
        heads = self._db.execute(sql, args).fetchall()
        return [StoryRow(h[0], h[1], h[2], h[3], self._members(h[0])) for h in heads]

    def story_ids_between(self, since: str, before: str) -> list[str]:
        """Live stories whose span meets the days from ``since`` up to (not including) ``before``."""
        rows = self._db.execute(
            "SELECT id FROM stories WHERE merged_into IS NULL AND last_seen >= ? AND first_seen < ? "
            "ORDER BY last_seen, id",
            (since, before),
        )
        return [r[0] for r in rows]

    def _members(self, story_id: str) -> tuple[str, ...]:
        rows = self._db.execute(
            "SELECT article_id FROM story_articles WHERE story_id=? ORDER BY seq", (story_id,)
        )
        return tuple(r[0] for r in rows)

    def story(self, story_id: str) -> StoryRow | None:
        """A story by id (or a unique id prefix); a merged story resolves to the one it joined."""
        row = self._db.execute(
            "SELECT id, title, first_seen, last_seen, merged_into FROM stories WHERE id=?", (story_id,)
        ).fetchone()
        if row is None:
            rows = self._db.execute(
                "SELECT id, title, first_seen, last_seen, merged_into FROM stories "
                "WHERE substr(id, 1, ?) = ? LIMIT 2",
                (len(story_id), story_id),
            ).fetchall()
            if len(rows) != 1:
                return None
            row = rows[0]
        if row[4] is not None:
            target = self.story(row[4])
            return (
                None
                if target is None
                else StoryRow(
                    target.id, target.title, target.first_seen, target.last_seen, target.article_ids, None
                )
            )
        return StoryRow(row[0], row[1], row[2], row[3], self._members(row[0]))

    def story_ids_starting(self, prefix: str, *, limit: int = 10) -> list[str]:
        """Live story ids that start with ``prefix`` (to say which ones an ambiguous prefix names)."""
        rows = self._db.execute(
            "SELECT id FROM stories WHERE merged_into IS NULL AND substr(id, 1, ?) = ? ORDER BY id LIMIT ?",
            (len(prefix), prefix, limit),
        )
        return [r[0] for r in rows]

    def reset_stories(self) -> None:
        """Forget every story and its cached reports (articles stay) before a batch re-clustering; keep
        what is worth keeping with :meth:`cached_reports` first and put it back with
        :meth:`restore_reports`."""

        def work() -> None:
            for table in ("story_articles", "stories", "reports"):
                self._db.execute(f"DELETE FROM {table}")
            self._db.execute("DELETE FROM state WHERE key LIKE 'cluster.%'")

        self._transaction(work)

    def story_aliases(self) -> dict[str, str]:
        """Every story id that is no story of its own any more -> the live story it opens."""
        rows = self._db.execute("SELECT id, merged_into FROM stories WHERE merged_into IS NOT NULL")
        return {str(r[0]): str(r[1]) for r in rows}

    def rename_stories(self, renames: Mapping[str, str], aliases: Mapping[str, str]) -> None:
        """Give live stories other ids (``renames``: id -> new id, with their members and reports) and
        make the ids in ``aliases`` (id -> a live story's id after the renames) open that story, as a
        merged story does; any other merged story row is forgotten. One transaction; a new id already
        taken raises ``sqlite3.IntegrityError`` and changes nothing."""

        def move(db: sqlite3.Connection, src: str, dst: str) -> None:
            db.execute(
                "INSERT INTO stories SELECT ?, title, first_seen, last_seen, NULL, updated_at FROM stories "
                "WHERE id=?",
                (dst, src),
            )
            db.execute("UPDATE story_articles SET story_id=? WHERE story_id=?", (dst, src))
            db.execute("UPDATE reports SET story_id=? WHERE story_id=?", (dst, src))
            db.execute("DELETE FROM stories WHERE id=?", (src,))

        def work() -> None:
            db = self._db
            db.execute("DELETE FROM stories WHERE merged_into IS NOT NULL")
            moves = [(src, dst) for src, dst in renames.items() if src != dst]
            for src, dst in moves:  # through a temporary id: one story may take another's old id
                move(db, src, "~" + dst)
            for _src, dst in moves:
                move(db, "~" + dst, dst)
            now = time.time()
            db.executemany(
                "INSERT INTO stories SELECT ?, title, first_seen, last_seen, id, ? FROM stories "
                "WHERE id=? AND merged_into IS NULL",
                [(alias, now, target) for alias, target in aliases.items()],
            )

        self._transaction(work)

    # ------------------------------------------------------------------ state, reports, feeds

    def get_state(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM state WHERE key=?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def get_report(self, story_id: str, key: str) -> str | None:
        row = self._db.execute(
            "SELECT report FROM reports WHERE story_id=? AND key=?", (story_id, key)
        ).fetchone()
        return None if row is None else str(row[0])

    def latest_report(self, story_id: str) -> str | None:
        """The most recently cached report of a story, whatever settings made it."""
        row = self._db.execute(
            "SELECT report FROM reports WHERE story_id=? AND key NOT LIKE 'page:%' "
            "ORDER BY created_at DESC LIMIT 1",
            (story_id,),
        ).fetchone()
        return None if row is None else str(row[0])

    # Rendered pages share the reports table (key prefixed "page:"), so every change that drops a story's
    # cached reports (new members, a merge, a recluster) drops its pages in the same statement.

    def get_page(self, story_id: str, key: str) -> str | None:
        """A rendered page of a story's cached report (the web app's story page), if kept."""
        return self.get_report(story_id, _PAGE + key)

    def put_page(self, story_id: str, key: str, page: str) -> None:
        """Keep a rendered page until the story's cached reports are invalidated."""
        self.put_report(story_id, _PAGE + key, page)

    def cached_reports(self, story_id: str) -> list[CachedReport]:
        """Everything cached for a story: its reports and rendered pages, as :meth:`restore_reports`
        takes them back."""
        rows = self._db.execute(
            "SELECT key, report, created_at FROM reports WHERE story_id=? ORDER BY key", (story_id,)
        )
        return [CachedReport(str(r[0]), str(r[1]), float(r[2])) for r in rows]

    def restore_reports(self, story_id: str, reports: Sequence[CachedReport], *, pages: bool = True) -> None:
        """File ``reports`` (from :meth:`cached_reports`) under ``story_id`` again, with their times;
        ``pages=False`` leaves out the rendered pages (they name the story they were made for)."""
        rows = [
            (story_id, r.key, r.report, r.created_at) for r in reports if pages or not r.key.startswith(_PAGE)
        ]
        if rows:
            self._transaction(
                lambda: self._db.executemany("INSERT OR REPLACE INTO reports VALUES (?, ?, ?, ?)", rows)
            )

    def put_report(self, story_id: str, key: str, report_json: str) -> None:
        self._transaction(
            lambda: self._db.execute(
                "INSERT OR REPLACE INTO reports VALUES (?, ?, ?, ?)",
                (story_id, key, report_json, time.time()),
            )
        )

    def feed_state(self, url: str) -> FeedState:
        row = self._db.execute(
            "SELECT etag, last_modified, failures, next_poll, last_error FROM feeds WHERE url=?", (url,)
        ).fetchone()
        if row is None:
            return FeedState(url)
        return FeedState(url, row[0], row[1], int(row[2]), float(row[3]), str(row[4]))

    def put_feed_state(self, state: FeedState) -> None:
        self._transaction(
            lambda: self._db.execute(
                "INSERT OR REPLACE INTO feeds VALUES (?, ?, ?, ?, ?, ?)",
                (
                    state.url,
                    state.etag,
                    state.last_modified,
                    state.failures,
                    state.next_poll,
                    state.last_error,
                ),
            )
        )

    def integrity(self) -> str:
        """SQLite's own check ("ok" when the file is sound)."""
        return str(self._db.execute("PRAGMA integrity_check").fetchone()[0])
