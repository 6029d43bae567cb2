"""Where articles, stories and cached reports live between runs.

``Store`` is the protocol the story service talks to; :class:`SqliteStore` (one file, WAL mode, schema
version table) is the default, so a server database can be added later without touching the clusterer.
Every write that matters goes through :meth:`Store.commit_batch`, one transaction per batch, so an
interrupted ingest loses nothing it had committed and re-running it is idempotent. The story service
wraps each ingest batch (its articles, URLs, fuller texts, merges and cuts) and each re-clustering in
:meth:`Store.atomic`, so a batch that fails part-way leaves the store as it was before that batch.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np

from newsprism.model import Article
from newsprism.store._types import CachedReport, FeedState, StoryRow, StoryUpdate
from newsprism.store.sqlite import SCHEMA_VERSION, SqliteStore

if TYPE_CHECKING:
    from newsprism.settings import Settings

__all__ = [
    "SCHEMA_VERSION",
    "CachedReport",
    "FeedState",
    "SqliteStore",
    "Store",
    "StoryRow",
    "StoryUpdate",
    "default_store_path",
    "open_store",
    "report_key",
]


def report_key(article_ids: Sequence[str], settings: Settings) -> str:
    """The key a story's cached report is filed under: stale once its members or settings change."""
    text = json.dumps([list(article_ids), repr(settings)])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


class Store(Protocol):
    """What the story service needs from a database; implement it to back newsprism with a server."""

    def atomic(self) -> AbstractContextManager[None]:
        """A block whose writes are kept together or not at all (nestable)."""
        ...

    def known(self, ids: Iterable[str]) -> set[str]: ...

    def add_urls(self, article_id: str, urls: Iterable[str]) -> None: ...

    def commit_batch(
        self,
        articles: Sequence[Article],
        vectors: np.ndarray,
        assignments: Mapping[str, str],
        stories: Sequence[StoryUpdate],
        merges: Mapping[str, str],
        state: Mapping[str, str] | None = None,
    ) -> None: ...

    def ids_by_url(self, urls: Iterable[str]) -> dict[str, str]: ...

    def replace_article(self, old_id: str, article: Article, vector: np.ndarray) -> str | None: ...

    def articles(self, ids: Sequence[str]) -> list[Article]: ...

    def all_article_ids(self) -> list[str]: ...

    def article_urls(self, article_id: str) -> list[str]: ...

    def vectors(self, ids: Sequence[str]) -> np.ndarray: ...

    def article_ids_published(self, since: str, before: str) -> list[str]: ...

    def count_articles(self) -> int: ...

    def stories(self, *, since: str | None = None, limit: int | None = None) -> list[StoryRow]: ...

    def story_ids_between(self, since: str, before: str) -> list[str]: ...

    def story(self, story_id: str) -> StoryRow | None: ...

    def reset_stories(self) -> None: ...

    def story_aliases(self) -> dict[str, str]: ...

    def rename_stories(self, renames: Mapping[str, str], aliases: Mapping[str, str]) -> None: ...

    def get_state(self, key: str) -> str | None: ...

    def get_report(self, story_id: str, key: str) -> str | None: ...

    def latest_report(self, story_id: str) -> str | None: ...

    def put_report(self, story_id: str, key: str, report_json: str) -> None: ...

    def cached_reports(self, story_id: str) -> list[CachedReport]: ...

    def restore_reports(
        self, story_id: str, reports: Sequence[CachedReport], *, pages: bool = True
    ) -> None: ...

    def get_page(self, story_id: str, key: str) -> str | None: ...

    def put_page(self, story_id: str, key: str, page: str) -> None: ...

    def feed_state(self, url: str) -> FeedState: ...

    def put_feed_state(self, state: FeedState) -> None: ...

    def close(self) -> None: ...


def default_store_path() -> Path:
    """``$XDG_DATA_HOME/newsprism/store.sqlite``, else ``~/.local/share/newsprism/store.sqlite``."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "newsprism" / "store.sqlite"


def open_store(path: str | Path | None = None, *, create: bool = True) -> SqliteStore:
    """The SQLite store at ``path`` (default: :func:`default_store_path`), created on first use unless
    ``create`` is False (commands that only read it: a mistyped path must not become an empty store)."""
    return SqliteStore(Path(path) if path is not None else default_store_path(), create=create)
