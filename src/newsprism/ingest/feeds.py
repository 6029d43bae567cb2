"""Feeds: RSS/Atom entries as articles, OPML subscription lists, and a polite, failure-proof poller.

Politeness: conditional GETs (ETag / Last-Modified, so an unchanged feed costs a 304), at most one
request per host every ``host_interval`` seconds, and exponential backoff for a feed that keeps failing.
Robustness: every poll is capped in bytes and time and fails alone. A feed that answers 500, sends
malformed XML or 50 MB, or never answers is recorded with its error and retried later; the other feeds
and everything already stored are untouched. The same address checks as article URLs apply.

Teasers: many feeds give only a line or two per entry. An entry under ``TEASER_WORDS`` words with an
http(s) link is read from the page it links to (fetched as an article URL is, with the same address
checks) when that page gives a longer article; otherwise the teaser is kept with a warning saying so.
Feed files read from disk never fetch: their teasers are kept with that warning.
"""

from __future__ import annotations

import html
import re
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from newsprism.errors import FetchError, InputError
from newsprism.ingest.build import build_article
from newsprism.ingest.fetch import Fetched, Fetcher, check_target, new_client
from newsprism.ingest.records import Draft, charset_for_html, decode, parse_content
from newsprism.model import Article, Skipped
from newsprism.normalise.html import fragment_text
from newsprism.settings import Settings

if TYPE_CHECKING:
    import httpx

    from newsprism.store import FeedState, Store

__all__ = [
    "FeedPoller",
    "Paced",
    "PollResult",
    "feed_articles",
    "feed_drafts",
    "feed_entries",
    "full_entry",
    "is_teaser",
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


def _html_text(markup: str) -> str:
    """An entry's HTML as paragraphs of text; captions, related links and sign-up boxes are left out."""
    if "<" not in markup:
        return html.unescape(markup)
    return fragment_text(markup)


# The section a channel title names after the outlet ("Varnholt Courier - News", "Meridian Wire | Top
# stories", "The Ledger: World"): the outlet is the part before it, as the outlet's pages name it.
_SECTION_WORDS = (
    r"news|latest|top|stories|story|headlines?|breaking|world|national|international|local|regional|uk|us|"
    r"europe|politics|business|economy|money|markets|finance|sports?|football|opinion|comment|analysis|"
    r"features?|culture|arts|entertainment|lifestyle|life|style|travel|health|science|tech|technology|"
    r"environment|climate|education|home|front|page|homepage|all|articles|posts|updates|rss|atom|feed|"
    r"the|and|&|in|from|today|daily|main|most|recent|read|popular|city|region|live|blog|video|videos"
)
_SECTION = re.compile(rf"\s*(?:\s[-\u2013\u2014|\u00b7:]|:)\s+(?:(?:{_SECTION_WORDS})\b[\s,]*){{1,4}}$", re.I)


def channel_outlet(title: str) -> str:
    """The outlet a feed's channel title names, without a section after it ("Varnholt Courier - News"
    is "Varnholt Courier"); a title that is all section words is kept as it is."""
    title = " ".join(html.unescape(title).split())
    while (m := _SECTION.search(title)) and m.start() > 0:
        title = title[: m.start()].rstrip()
    return title


def _entry_date(entry: Any) -> str | None:
    """An entry's date as the feed gave it, with its own offset (``EST`` stays ``-05:00``) and a day
    without a time kept as a day; feedparser's reading (in UTC) only for forms not understood here."""
    from newsprism.normalise.meta import normalise_date

    for name in ("published", "updated"):
        raw = entry.get(name)
        if isinstance(raw, str) and raw.strip():
            if iso := normalise_date(raw):
                return iso
            when = entry.get(f"{name}_parsed")
            return time.strftime("%Y-%m-%dT%H:%M:%SZ", when) if when else raw
    return None


# RSS's <author> is an e-mail address, with the name in brackets after it ("desk@x.example (Jo Lund)").
_EMAIL_NAME = re.compile(r"^\S+@\S+(?:\s*\(([^()]+)\))?$")


def _entry_author(entry: Any) -> str:
    """An entry's author: RSS ``<author>`` or ``<dc:creator>`` (each of several), Atom ``<author><name>``;
    several joined with ", ". An RSS author that is only an e-mail address names nobody."""
    raw = " ".join(str(entry.get("author") or "").split())
    if m := _EMAIL_NAME.match(raw):  # feedparser's split of this form garbles the name: read it here
        return (m[1] or "").strip()
    authors = entry.get("authors") or ()
    names = [" ".join(str(a.get("name") or "").split()) for a in authors if isinstance(a, dict)]
    return ", ".join(dict.fromkeys(n for n in names if n and "@" not in n)) or ("" if "@" in raw else raw)


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
    outlet = channel_outlet(str(parsed.get("feed", {}).get("title", "") or ""))
    drafts: list[Draft] = []
    for n, entry in enumerate(entries, start=1):
        link = str(entry.get("link") or "") or None
        contents = entry.get("content") or []
        markup = str(contents[0].get("value", "")) if contents else str(entry.get("summary", "") or "")
        published = _entry_date(entry)
        drafts.append(
            Draft(
                origin=link or f"{origin}#entry{n}",
                text=_html_text(markup),
                title=_html_text(str(entry.get("title", "") or "")),
                outlet=outlet,
                url=link,
                published=published,
                lines_are_paragraphs=False,
                author=_entry_author(entry),
            )
        )
    return drafts


# An entry with fewer words than this (and an http(s) link) is a summary of the article, not the article.
TEASER_WORDS = 60


def is_teaser(draft: Draft) -> bool:
    """Whether a feed entry gives only a summary and links to a page that may hold the article."""
    url = (draft.url or "").strip().lower()
    return url.startswith(("http://", "https://")) and len(draft.text.split()) < TEASER_WORDS


def _teaser_note(draft: Draft, why: str) -> str:
    words = len(draft.text.split())
    return f"only the feed's {words}-word summary was analysed, not the article: {why}"


def local_teaser(draft: Draft) -> Draft:
    """A feed file's entry: a teaser gets a warning (pages linked from a file are not fetched)."""
    if not is_teaser(draft):
        return draft
    why = (
        "pages a feed file links to are not fetched (reading files stays offline); pass the article's "
        "URL, or the feed's URL to `newsprism ingest`, to read it in full"
    )
    return replace(draft, warnings=(*draft.warnings, _teaser_note(draft, why)))


def full_entry(draft: Draft, fetch_page: Callable[[str], Fetched], settings: Settings) -> Article | Skipped:
    """A teaser entry read from the page it links to when that page gives a longer article; else the
    teaser itself, with a warning saying why the page was not used."""
    teaser = build_article(draft, settings.ingest)
    teaser_words = len(teaser.text.split()) if isinstance(teaser, Article) else 0
    url = draft.url or ""
    try:
        fetched = fetch_page(url)
        declared = fetched.charset
        if fetched.kind in ("html", "unknown") and declared is None:
            declared = charset_for_html(fetched.data)
        text, notes = decode(fetched.data, url, declared=declared)
        parsed = parse_content(text, url, hint=fetched.kind, default_url=url, warnings=notes)
    except (FetchError, InputError) as exc:
        why = f"the linked page could not be read ({exc.reason})"
    else:
        page = next((p for p in parsed if isinstance(p, Draft)), None)
        built = (
            build_article(
                replace(
                    page,
                    origin=draft.origin,
                    title=draft.title or page.title,
                    # The page's own name for its outlet (og:site_name) is preferred to the channel title.
                    outlet=page.outlet,
                    fallback_outlet=draft.outlet,
                    url=draft.url,
                    published=draft.published or page.published,
                    author=draft.author or page.author,
                ),
                settings.ingest,
            )
            if page is not None
            else None
        )
        if isinstance(built, Article) and len(built.text.split()) > teaser_words:
            return built
        why = (
            f"the linked page gave no longer article ({built.reason})"
            if isinstance(built, Skipped)
            else "the linked page gave no longer article"
        )
    if isinstance(teaser, Skipped):
        return replace(teaser, reason=f"{teaser.reason}; {why}")
    return replace(teaser, warnings=(*teaser.warnings, _teaser_note(draft, why)))


def feed_articles(
    data: bytes,
    origin: str,
    settings: Settings,
    *,
    fetch_page: Callable[[str], Fetched] | None = None,
    have_full: Callable[[Sequence[str]], set[str]] | None = None,
) -> tuple[list[Article], list[Skipped]]:
    """The entries of an RSS/Atom document as articles, and those that cannot be read; see
    :func:`feed_entries`."""
    entries = feed_entries(data, origin, settings, fetch_page=fetch_page, have_full=have_full)
    return [e for e in entries if isinstance(e, Article)], [e for e in entries if isinstance(e, Skipped)]


def feed_entries(
    data: bytes,
    origin: str,
    settings: Settings,
    *,
    fetch_page: Callable[[str], Fetched] | None = None,
    have_full: Callable[[Sequence[str]], set[str]] | None = None,
) -> list[Article | Skipped]:
    """The entries of an RSS/Atom document in feed order, each an article or why it cannot be read; a
    malformed feed raises :class:`InputError`.

    With ``fetch_page``, a teaser entry is read from the page it links to (see :func:`full_entry`),
    except for the links ``have_full`` says are already held in full; without it, teasers are kept
    with a warning.
    """
    out: list[Article | Skipped] = []
    drafts = feed_drafts(data, origin)
    teasers = [d.url for d in drafts if d.url and is_teaser(d)]
    held = have_full(teasers) if have_full is not None and teasers else set()
    for draft in drafts:
        try:
            if fetch_page is None:
                out.append(build_article(local_teaser(draft), settings.ingest))
            elif is_teaser(draft) and draft.url not in held:
                out.append(full_entry(draft, fetch_page, settings))
            else:
                out.append(build_article(draft, settings.ingest))
        except Exception as exc:  # one bad entry never loses the rest of the feed
            out.append(
                Skipped(
                    draft.origin,
                    f"unexpected {type(exc).__name__} while reading it ({exc}); please report this",
                )
            )
    return out


#: Seconds between two requests to one host when a feed's teasers are read from their pages.
HOST_INTERVAL = 2.0


@dataclass
class Paced:
    """``fetch`` no sooner than ``interval`` seconds after the last request to the same host: a feed
    read once (named to ``compare``) may link dozens of pages on one site, which must not be hammered."""

    fetch: Callable[[str], Fetched]
    interval: float = HOST_INTERVAL
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    _last_hit: dict[str, float] = field(default_factory=dict)

    def hit(self, url: str) -> None:
        """Note a request made elsewhere (the feed itself) to ``url``'s host."""
        self._last_hit[urlsplit(url).hostname or ""] = self.clock()

    def __call__(self, url: str) -> Fetched:
        last = self._last_hit.get(urlsplit(url).hostname or "")
        if last is not None and (wait := last + self.interval - self.clock()) > 0:
            self.sleep(wait)
        self.hit(url)
        return self.fetch(url)


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
    _pages: Fetcher | None = None

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._pages is not None:
            self._pages.close()
            self._pages = None

    def fetch_page(self, url: str) -> Fetched:
        """The page a teaser entry links to, fetched as article URLs are (address checks on every hop,
        size and time caps), no sooner than ``host_interval`` after the last request to its host."""
        if self._pages is None:
            self._pages = Fetcher(self.settings.fetch, self.transport)
        self._wait_for_host(url)
        return self._pages.fetch(url)

    def _have_full(self, urls: Sequence[str]) -> set[str]:
        """The links already stored with more than a teaser's text: their pages are not fetched again."""
        at = self.store.ids_by_url(urls)
        if not at:
            return set()
        full = {
            a.id for a in self.store.articles(sorted(set(at.values()))) if len(a.text.split()) >= TEASER_WORDS
        }
        return {url for url, aid in at.items() if aid in full}

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
            articles, skipped = feed_articles(
                body, url, self.settings, fetch_page=self.fetch_page, have_full=self._have_full
            )
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
