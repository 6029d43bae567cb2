"""Feeds against a local server: good feeds are stored, and 500s, malformed XML, a 50 MB body or a feed
that never answers each fail alone without stopping the watcher or losing the other feeds' articles."""

from __future__ import annotations

import contextlib
import http.server
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from local_http import serve
from newsprism.cluster import StorySettings
from newsprism.ingest.feeds import FeedPoller, feed_articles, looks_like_feed, parse_opml, poll_all
from newsprism.settings import Settings
from newsprism.store import open_store
from newsprism.stories import StoryService, watch
from store_cli import store_app

pytestmark = pytest.mark.network

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Brell Evening Post</title>
<item><title>Brell tram line reopens after flood repairs</title><link>https://brell.example/tram</link>
<pubDate>Tue, 01 Apr 2031 09:00:00 GMT</pubDate>
<description><![CDATA[<p>The Brell tram line reopened on Tuesday after three weeks of flood repairs,
the city transport office said.</p>
<p>Engineers replaced 400 metres of track near the Osk river.</p>]]></description></item>
<item><title>Osk river levels fall below warning mark</title><link>https://brell.example/river</link>
<pubDate>Tue, 01 Apr 2031 11:00:00 GMT</pubDate>
<description>River gauges on the Osk fell below the flood warning mark for the first time this month,
the regional water board said on Tuesday.</description></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Kessla Ledger</title>
<entry><title>Kessla harbour dredging finishes early</title><link href="https://kessla.example/dredge"/>
<updated>2031-04-02T08:00:00Z</updated><id>urn:k:1</id>
<content type="html">&lt;p&gt;Dredging of Kessla harbour finished two weeks ahead of schedule, the port
authority said on Wednesday, allowing larger cargo ships to dock.&lt;/p&gt;</content></entry></feed>"""


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/rss":
            if self.headers.get("If-None-Match") == '"v1"':
                self.send_response(304)
                self.end_headers()
                return
            self._send(RSS, "application/rss+xml", etag='"v1"')
        elif self.path == "/atom":
            self._send(ATOM, "application/atom+xml")
        elif self.path == "/error":
            self._send(b"oops", "text/plain", status=500)
        elif self.path == "/gone.rss":
            self._send(b"not here", "text/plain", status=404)
        elif self.path == "/malformed":
            self._send(b"<rss><channel><title>Broken<item><title>no end", "application/rss+xml")
        elif self.path == "/huge":
            self.send_response(200)
            self.send_header("content-type", "application/rss+xml")
            self.send_header("content-length", str(50_000_000))
            self.end_headers()
            chunk = b"<rss>" + b" " * 65_536
            try:
                for _ in range(50_000_000 // len(chunk)):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif self.path == "/silent":
            time.sleep(3)
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self._send(RSS, "application/rss+xml")

    def _send(self, body: bytes, ctype: str, *, status: int = 200, etag: str | None = None) -> None:
        self.send_response(status)
        self.send_header("content-type", ctype)
        self.send_header("content-length", str(len(body)))
        if etag:
            self.send_header("ETag", etag)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def base_url() -> Iterator[str]:
    with serve(_Handler) as port:
        yield f"http://127.0.0.1:{port}"


class _Embedder:
    dim = 8

    def encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), 8), dtype=np.float32)
        for i, t in enumerate(texts):
            out[i, len(t) % 8] = 1.0
        return out


SETTINGS = Settings.load(fetch__allow_private=True, fetch__timeout=1.0, fetch__max_bytes=1_000_000)


def test_bad_feeds_fail_alone_and_good_ones_are_stored(base_url: str, tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.sqlite")
    slept: list[float] = []
    poller = FeedPoller(store, SETTINGS, every=600, host_interval=0.0, sleep=slept.append)
    service = StoryService(store, _Embedder(), StorySettings(index="exact"))
    urls = [f"{base_url}/{p}" for p in ("error", "rss", "malformed", "huge", "silent", "atom")]
    started = time.monotonic()
    added = watch(service, poller, urls, rounds=1)
    assert time.monotonic() - started < 20
    assert added == 3 and store.count_articles() == 3
    states = {u.rsplit("/", 1)[1]: store.feed_state(u) for u in urls}
    for bad in ("error", "malformed", "huge", "silent"):
        assert states[bad].failures == 1 and states[bad].last_error, bad
        assert states[bad].next_poll >= time.time() + 600  # backed off beyond the normal interval
    assert "500" in states["error"].last_error
    assert "max_bytes" in states["huge"].last_error
    assert "1 s" in states["silent"].last_error
    assert states["rss"].etag == '"v1"' and states["rss"].failures == 0

    # Second round, forced: the RSS feed answers 304 to the stored ETag, nothing is duplicated.
    results = {r.url.rsplit("/", 1)[1]: r for r in poll_all(poller, urls, force=True)}
    assert results["rss"].status == "unchanged"
    assert results["atom"].status == "new" and service.ingest(results["atom"].articles).added == 0
    assert store.feed_state(f"{base_url}/error").failures == 2
    poller.close()
    store.close()


def test_not_due_feeds_are_not_fetched_and_hosts_are_rate_limited(base_url: str, tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.sqlite")
    now = [1000.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    poller = FeedPoller(store, SETTINGS, every=600, host_interval=5.0, clock=lambda: now[0], sleep=sleep)
    first = poll_all(poller, [f"{base_url}/rss", f"{base_url}/atom"])
    assert [r.status for r in first] == ["new", "new"]
    assert slept == [5.0]  # same host: the second request waited
    assert poller.poll(f"{base_url}/rss").status == "not-due"
    poller.close()
    store.close()


def test_entries_become_articles_and_opml_lists_feeds() -> None:
    articles, skipped = feed_articles(RSS, "rss", Settings())
    assert not skipped and next(a.title for a in articles) == "Brell tram line reopens after flood repairs"
    assert articles[0].outlet == "Brell Evening Post" and articles[0].published == "2031-04-01T09:00:00+00:00"
    assert "\n\n" in articles[0].text and articles[0].url == "https://brell.example/tram"
    assert (
        looks_like_feed(RSS) == "feed"
        and looks_like_feed(ATOM) == "feed"
        and looks_like_feed(b"<html>") is None
    )
    opml = b"""<?xml version="1.0"?><opml version="2.0"><body><outline text="news">
      <outline type="rss" xmlUrl="https://a.example/rss"/><outline type="rss" xmlUrl="https://b.example/atom"/>
      <outline type="rss" xmlUrl="https://a.example/rss"/></outline></body></opml>"""
    assert looks_like_feed(opml) == "opml"
    assert parse_opml(opml) == ["https://a.example/rss", "https://b.example/atom"]


def test_a_redirect_to_a_private_address_is_refused_at_every_hop(tmp_path: Path) -> None:
    import httpx

    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        if request.url.host == "93.184.216.34":  # a public IP literal: no DNS needed
            return httpx.Response(302, headers={"Location": "http://127.0.0.1:9/admin/feed.xml"})
        return httpx.Response(200, content=RSS, headers={"Content-Type": "application/rss+xml"})

    store = open_store(tmp_path / "s.sqlite")
    poller = FeedPoller(store, Settings(), transport=httpx.MockTransport(handler), host_interval=0.0)
    result = poller.poll("http://93.184.216.34/feed.xml", force=True)
    assert result.status == "error" and "refused" in result.error and "127.0.0.1" in result.error
    assert seen == ["http://93.184.216.34/feed.xml"]  # the private hop was never requested
    poller.close()
    store.close()


def test_watch_says_when_a_feed_not_due_is_due_and_exits_0(
    base_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA: a second `watch --rounds 1` made no request (the feed was not due) and then said 'no feed
    answered ...; check the addresses above' with nothing above, and exited 1."""
    runner, app = store_app(monkeypatch, _Embedder())
    args = [
        "watch",
        f"{base_url}/rss",
        "--rounds",
        "1",
        "--store",
        str(tmp_path / "s.sqlite"),
        "--allow-private",
    ]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    second = runner.invoke(app, args)
    said = " ".join(second.stderr.split())
    assert second.exit_code == 0, said
    assert f"{base_url}/rss: polled recently, so not fetched now; next poll at " in said
    assert said.endswith("(in 10 min)") and "no feed answered" not in said


def test_a_feed_backing_off_is_said_with_its_last_error(base_url: str, tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.sqlite")
    now = [1000.0]
    poller = FeedPoller(
        store, SETTINGS, every=600, host_interval=0.0, clock=lambda: now[0], sleep=lambda _s: None
    )
    service = StoryService(store, _Embedder(), StorySettings(index="exact"))
    said: list[str] = []
    answered: set[str] = set()
    url = f"{base_url}/error"
    watch(service, poller, [url], rounds=1, say=said.append, answered=answered)
    now[0] += 60
    watch(service, poller, [url], rounds=2, say=said.append, answered=answered)  # said once, not each round
    assert not answered
    assert said[1:] == [
        f"{url}: backing off after 1 failed poll (HTTP 500; will retry later with backoff); next try at "
        + said[1].split("next try at ")[1]
    ]
    assert "(in 19 min)" in said[1]
    poller.close()
    store.close()


def test_entries_that_could_not_be_stored_are_read_again_at_the_next_poll(
    base_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The feed answered with an ETag, then storing its entries failed: the next poll must not be told
    'unchanged' (304) about entries that were never stored."""
    store = open_store(tmp_path / "s.sqlite")
    now = [1000.0]
    poller = FeedPoller(
        store, SETTINGS, every=600, host_interval=0.0, clock=lambda: now[0], sleep=lambda _s: None
    )
    service = StoryService(store, _Embedder(), StorySettings(index="exact"))
    said: list[str] = []

    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(service, "ingest", broken)
    assert watch(service, poller, [f"{base_url}/rss"], rounds=1, say=said.append) == 0
    assert "could not store its entries (OSError: disk full)" in said[0]
    monkeypatch.undo()
    now[0] += 601
    assert watch(service, poller, [f"{base_url}/rss"], rounds=1) == 2
    assert store.count_articles() == 2
    poller.close()
    store.close()


def test_one_shot_ingest_does_not_promise_to_retry_a_failed_feed(
    base_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA: `ingest` said a 404 feed 'will retry later with backoff', which a one-shot run does not do."""
    runner, app = store_app(monkeypatch, _Embedder())
    store = str(tmp_path / "s.sqlite")
    done = runner.invoke(
        app, ["ingest", f"{base_url}/gone.rss", f"{base_url}/rss", "--store", store, "--allow-private"]
    )
    said = " ".join(done.stderr.split())
    assert done.exit_code == 1, said
    gone = f"skipped {base_url}/gone.rss: HTTP 404; not retried"
    assert f"{gone} (run ingest again later, or `newsprism watch` it)" in said
    assert "will retry" not in said and "2 new articles" in said
    from newsprism.cli_store import _once

    broken = "is not a readable RSS/Atom feed (<unknown>:7:2: mismatched tag); check it"
    assert _once(broken) == broken  # no retry was promised: nothing to take back


def test_a_failed_ingest_of_a_feed_is_not_answered_unchanged_next_time(
    base_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner, app = store_app(monkeypatch, _Embedder())
    args = ["ingest", f"{base_url}/rss", "--store", str(tmp_path / "s.sqlite"), "--allow-private"]
    monkeypatch.setattr(StoryService, "ingest", lambda *_a, **_k: (_ for _ in ()).throw(OSError("disk full")))
    failed = runner.invoke(app, args)
    assert failed.exit_code != 0 and "disk full" in failed.output
    monkeypatch.undo()
    runner, app = store_app(monkeypatch, _Embedder())
    again = runner.invoke(app, args)  # the feed's ETag was forgotten: it is read whole, not "304"
    assert again.exit_code == 0, again.output
    assert "2 new articles" in " ".join(again.stderr.split())
