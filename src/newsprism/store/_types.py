"""Records the store hands out; plain frozen dataclasses so any backend can build them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class StoryRow:
    """A story as listed: its members in arrival order; ``merged_into`` is set once it joined another."""

    id: str
    title: str
    first_seen: str | None
    last_seen: str | None
    article_ids: tuple[str, ...] = ()
    merged_into: str | None = None


@dataclass(frozen=True, slots=True)
class StoryUpdate:
    """A story's new header after a batch; membership travels separately as article -> story."""

    id: str
    title: str
    first_seen: str | None
    last_seen: str | None


@dataclass(frozen=True, slots=True)
class FeedState:
    """What the watcher remembers about a feed, so polls are conditional and backoff survives restarts."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0
    next_poll: float = 0.0  # unix time
    last_error: str = ""


@dataclass(frozen=True, slots=True)
class CachedReport:
    """One cached report (or rendered page, key ``page:...``) of a story, kept across a re-clustering."""

    key: str
    report: str
    created_at: float  # unix time; the newest report is the one the story list shows figures from
