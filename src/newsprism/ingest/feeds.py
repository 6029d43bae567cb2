"""Feeds: RSS/Atom entries as articles, OPML subscription lists, and a polite, failure-proof poller.

Politeness: conditional GETs (ETag / Last-Modified, so an unchanged feed costs a 304), at most one
request per host every ``host_interval`` seconds, and exponential backoff for a feed that keeps failing.
Robustness: every poll is capped in bytes and time and fails alone. A feed that answers 500, sends
malformed XML or 50 MB, or never answers is recorded with its error and retried later; the other feeds
and everything already stored are untouched. The same address checks as article URLs apply.
"""

from __future__ import annotations

import html
import re
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from newsprism.errors import FetchError, InputError
from newsprism.ingest.build import build_article
from newsprism.ingest.fetch import check_target, new_client
from newsprism.ingest.records import Draft
from newsprism.model import Article, Skipped
from newsprism.settings import Settings

if TYPE_CHECKING:
    import httpx

    from newsprism.store import FeedState, Store

__all__ = [
    "FeedPoller",
    "PollResult",
    "feed_articles",
    "feed_drafts",
    "looks_like_feed",
    "parse_opml",
]

_FEED_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(rss|feed|rdf:RDF|opml)\b", re.S | re.I
)


def looks_like_feed(data: bytes) -> str | None:
    """``"feed"`` for RSS/Atom/RDF, ``"opml"`` for a subscription list, None otherwise."""
    m = _FEED_START.match(data[:4096])
    if not m:
        return None
    return "opml" if m.group(1).lower() == b"opml" else "feed"


def parse_opml(data: bytes | str, origin: str = "opml") -> list[str]:
    """The feed URLs an OPML file subscribes to, in document order, without repeats."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise InputError(origin, f"is not valid OPML ({exc}); check the file") from exc
    urls = [o.get("xmlUrl") or o.get("xmlurl") or "" for o in root.iter("outline")]
    return list(dict.fromkeys(u.strip() for u in urls if u and u.strip()))


class _Text(HTMLParser):
    """Entry HTML to plain paragraphs: block tags break paragraphs, scripts and styles are dropped."""

    _BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "blockquote", "section", "article"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _html_text(markup: str) -> str:
    if "<" not in markup:
        return html.unescape(markup)
    parser = _Text()
    parser.feed(markup)
    parser.close()
    paragraphs = (" ".join(p.split()) for p in "".join(parser.parts).split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


def feed_drafts(data: bytes, origin: str) -> list[Draft]:
    """The entries of an RSS/Atom document as drafts (each named by its link, else ``origin#entryN``);
    a malformed feed raises :class:`InputError`."""
    import feedparser

    parsed: Any = feedparser.parse(data)
    entries = list(parsed.get("entries", []))
    if parsed.get("bozo") and not entries:
        raise InputError(
            origin, f"is not a readable RSS/Atom feed ({parsed.get('bozo_exception')}); check it"
        )
    outlet = str(parsed.get("feed", {}).get("title", "") or "")
    drafts: list[Draft] = []
    for n, entry in enumerate(entries, start=1):
        link = str(entry.get("link") or "") or None
        contents = entry.get("content") or []
        markup = str(contents[0].get("value", "")) if contents else str(entry.get("summary", "") or "")
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        published = time.strftime("%Y-%m-%dT%H:%M:%SZ", when) if when else entry.get("published")
        drafts.append(
            Draft(
                origin=link or f"{origin}#entry{n}",
                text=_html_text(markup),
                title=_html_text(str(entry.get("title", "") or "")),
                outlet=outlet,
                url=link,
                published=published,
                lines_are_paragraphs=False,
            )
        )
    return drafts


def feed_articles(data: bytes, origin: str, settings: Settings) -> tuple[list[Article], list[Skipped]]:
    """The entries of an RSS/Atom document as articles; a malformed feed raises :class:`InputError`."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for draft in feed_drafts(data, origin):
        where = draft.origin
        try:
            built = build_article(draft, settings.ingest)
        except Exception as exc:  # one bad entry never loses the rest of the feed
            built = Skipped(
                where, f"unexpected {type(exc).__name__} while reading it ({exc}); please report this"
            )
        (skipped if isinstance(built, Skipped) else articles).append(built)  # type: ignore[arg-type]
    return articles, skipped


@dataclass(frozen=True, slots=True)
class PollResult:
    url: str
    status: str  # "new", "unchanged", "error", "not-due"
    articles: tuple[Article, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    error: str = ""


@dataclass
class FeedPoller:
    """Polls feeds into a store; ``clock`` and ``sleep`` are injectable so tests need no real waiting."""

    store: Store
    settings: Settings = field(default_factory=Settings)
    every: float = 600.0  # seconds between polls of one feed
    host_interval: float = 2.0  # seconds between two requests to the same host
    max_backoff: float = 6 * 3600.0
    transport: httpx.BaseTransport | None = None
    clock: Callable[[], float] = time.time
    sleep: Callable[[float], None] = time.sleep
    _last_hit: dict[str, float] = field(default_factory=dict)
    _client: httpx.Client | None = None

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = new_client(
                self.settings.fetch,
                self.transport,
                "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5",
            )
        return self._client

    def poll(self, url: str, *, force: bool = False) -> PollResult:
        """Poll one feed if it is due; never raises for anything the feed or network does."""
        state = self.store.feed_state(url)
        now = self.clock()
        if not force and state.next_poll > now:
            return PollResult(url, "not-due")
        self._wait_for_host(url)
        try:
            status, body, headers = self._get(url, state)
            if status == 304:
                self.store.put_feed_state(
                    replace(state, failures=0, next_poll=now + self.every, last_error="")
                )
                return PollResult(url, "unchanged")
            articles, skipped = feed_articles(body, url, self.settings)
        except InputError as exc:
            return self._failed(state, now, exc.reason)
        except Exception as exc:  # the watcher must outlive any single feed
            return self._failed(state, now, f"unexpected {type(exc).__name__}: {exc}")
        self.store.put_feed_state(
            replace(
                state,
                etag=headers.get("etag") or state.etag,
                last_modified=headers.get("last-modified") or state.last_modified,
                failures=0,
                next_poll=now + self.every,
                last_error="",
            )
        )
        return PollResult(url, "new", tuple(articles), tuple(skipped))

    def _failed(self, state: FeedState, now: float, reason: str) -> PollResult:
        failures = state.failures + 1
        delay = min(self.every * 2 ** min(failures, 16), self.max_backoff)
        self.store.put_feed_state(replace(state, failures=failures, next_poll=now + delay, last_error=reason))
        return PollResult(state.url, "error", error=reason)

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).hostname or ""
        last = self._last_hit.get(host)
        if last is not None:
            wait = last + self.host_interval - self.clock()
            if wait > 0:
                self.sleep(wait)
        self._last_hit[host] = self.clock()

    def _get(self, url: str, state: FeedState) -> tuple[int, bytes, dict[str, str]]:
        import httpx

        fetch = self.settings.fetch
        headers = {}
        if state.etag:
            headers["If-None-Match"] = state.etag
        if state.last_modified:
            headers["If-Modified-Since"] = state.last_modified
        deadline = time.monotonic() + fetch.timeout
        target = httpx.URL(url)
        try:
            for _hop in range(fetch.max_redirects + 1):
                check_target(url, target, self.settings.fetch)  # every hop, redirects included
                with self.client.stream("GET", target, headers=headers) as resp:
                    if resp.is_redirect and "location" in resp.headers:
                        target = target.join(resp.headers["location"])
                        continue
                    return self._read(url, resp, deadline)
            raise FetchError(url, f"more than {fetch.max_redirects} redirects; skipped")
        except httpx.TimeoutException as exc:
            raise FetchError(url, f"no answer within {fetch.timeout:g} s; will retry later") from exc
        except httpx.HTTPError as exc:
            raise FetchError(
                url, f"could not fetch it ({type(exc).__name__}: {exc}); will retry later"
            ) from exc

    def _read(self, url: str, resp: httpx.Response, deadline: float) -> tuple[int, bytes, dict[str, str]]:
        fetch = self.settings.fetch
        if resp.status_code == 304:
            return 304, b"", dict(resp.headers)
        if resp.status_code >= 400:
            raise FetchError(url, f"HTTP {resp.status_code}; will retry later with backoff")
        chunks, size = [], 0
        for chunk in resp.iter_bytes():
            size += len(chunk)
            if size > fetch.max_bytes:
                raise FetchError(url, f"feed is over fetch.max_bytes ({fetch.max_bytes:,} bytes); skipped")
            if time.monotonic() > deadline:
                raise FetchError(url, f"feed took over {fetch.timeout:g} s to download; skipped")
            chunks.append(chunk)
        return resp.status_code, b"".join(chunks), dict(resp.headers)


def poll_all(poller: FeedPoller, urls: Sequence[str], *, force: bool = False) -> list[PollResult]:
    """One round over ``urls``: each feed fails alone."""
    return [poller.poll(u, force=force) for u in urls]
