"""Feed entries as articles: teasers read from the page they link to, dates with the source's own
offset, channel titles without their section, and feed boilerplate left out."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from newsprism.ingest import read_articles
from newsprism.ingest.feeds import FeedPoller, feed_articles
from newsprism.model import Article
from newsprism.settings import Settings
from newsprism.store import open_store

HOST = "http://93.184.216.34"  # a public IP literal: the address checks need no DNS

PAGE_BODY = (
    "The Osterby cable car reopened on Saturday after a four-month overhaul of its hauling rope, the "
    "Osterby transport board said. Engineers replaced 2.4 kilometres of steel rope and fitted new brakes "
    "to all eleven cabins.\n\n"
    "The board said the line would run every six minutes at weekends and every ten minutes on weekdays. "
    '"Riders will notice a quieter, smoother trip," said board engineer Ilse Varga.\n\n'
    "Tickets stay at 3.20 crowns. The line carried 1.1 million passengers last year, mostly commuters "
    "from the hillside districts of Nordvik and Lamm."
)
PAGE = f"""<!DOCTYPE html><html><head><title>Osterby cable car reopens | Osterby Tidende</title>
<meta property="og:site_name" content="Osterby Tidende">
<meta property="og:title" content="Osterby cable car reopens after overhaul"></head>
<body><article><h1>Osterby cable car reopens after overhaul</h1>
{"".join(f"<p>{p}</p>" for p in PAGE_BODY.split(chr(10) * 2))}
</article></body></html>"""


def _rss(link: str, description: str = "The Osterby cable car is running again.") -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Osterby Tidende</title>
<item><title>Cable car back in service</title><link>{link}</link>
<pubDate>Sat, 14 Jun 2031 10:30:00 +0200</pubDate>
<description>{description}</description></item>
</channel></rss>""".encode()


class _Site:
    """A mock web site that records each request; pages by path."""

    def __init__(self, pages: dict[str, tuple[int, bytes, str]]) -> None:
        self.pages = pages
        self.seen: list[str] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(request.url.path)
        status, body, ctype = self.pages.get(request.url.path, (404, b"not here", "text/plain"))
        return httpx.Response(status, content=body, headers={"Content-Type": ctype})


def _poll(tmp_path: Path, site: _Site, settings: Settings | None = None) -> tuple[FeedPoller, object]:
    store = open_store(tmp_path / "s.sqlite")
    poller = FeedPoller(store, settings or Settings(), transport=httpx.MockTransport(site), host_interval=0.0)
    return poller, store


def test_a_teaser_entry_is_read_from_the_page_it_links_to(tmp_path: Path) -> None:
    site = _Site(
        {
            "/feed.xml": (200, _rss(f"{HOST}/cable-car"), "application/rss+xml"),
            "/cable-car": (200, PAGE.encode(), "text/html; charset=utf-8"),
        }
    )
    poller, store = _poll(tmp_path, site)
    result = poller.poll(f"{HOST}/feed.xml", force=True)
    assert result.status == "new" and not result.skipped
    (article,) = result.articles
    assert article.text == PAGE_BODY
    assert article.title == "Cable car back in service"  # the feed's headline
    assert article.outlet == "Osterby Tidende"
    assert article.url == f"{HOST}/cable-car"
    assert article.published == "2031-06-14T10:30:00+02:00"
    assert not article.warnings
    assert site.seen == ["/feed.xml", "/cable-car"]
    poller.close()
    store.close()  # type: ignore[attr-defined]


def test_a_page_already_stored_in_full_is_not_fetched_again(tmp_path: Path) -> None:
    import numpy as np

    from newsprism.cluster import StorySettings
    from newsprism.stories import StoryService

    class _Embedder:
        dim = 8

        def encode(self, texts: list[str]) -> np.ndarray:
            return np.eye(8, dtype=np.float32)[[len(t) % 8 for t in texts]]

    site = _Site(
        {
            "/feed.xml": (200, _rss(f"{HOST}/cable-car"), "application/rss+xml"),
            "/cable-car": (200, PAGE.encode(), "text/html"),
        }
    )
    poller, store = _poll(tmp_path, site)
    service = StoryService(store, _Embedder(), StorySettings(index="exact"))  # type: ignore[arg-type]
    assert service.ingest(poller.poll(f"{HOST}/feed.xml", force=True).articles).added == 1
    again = poller.poll(f"{HOST}/feed.xml", force=True)
    assert site.seen == ["/feed.xml", "/cable-car", "/feed.xml"]
    assert service.ingest(again.articles).added == 0  # the teaser gives way to the stored page
    poller.close()
    store.close()  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("link", "pages", "why"),
    [
        ("http://127.0.0.1:8080/cable-car", {}, "refused: 127.0.0.1 is a loopback address"),
        (f"{HOST}/gone", {}, "HTTP 404"),
        (
            f"{HOST}/stub",
            {"/stub": (200, b"<html><body><p>Soon.</p></body></html>", "text/html")},
            "no longer",
        ),
    ],
)
def test_a_teaser_whose_page_cannot_be_used_is_kept_with_a_warning(
    tmp_path: Path, link: str, pages: dict[str, tuple[int, bytes, str]], why: str
) -> None:
    site = _Site({"/feed.xml": (200, _rss(link), "application/rss+xml"), **pages})
    poller, store = _poll(tmp_path, site)
    result = poller.poll(f"{HOST}/feed.xml", force=True)
    (article,) = result.articles
    assert article.text == "The Osterby cable car is running again."
    (warning,) = article.warnings
    assert warning.startswith("only the feed's 7-word summary was analysed, not the article")
    assert why in warning
    assert "/cable-car" not in site.seen  # a private address is never requested
    poller.close()
    store.close()  # type: ignore[attr-defined]


def test_private_pages_are_fetched_with_the_opt_in(tmp_path: Path) -> None:
    site = _Site(
        {
            "/feed.xml": (200, _rss("http://127.0.0.1:8080/cable-car"), "application/rss+xml"),
            "/cable-car": (200, PAGE.encode(), "text/html"),
        }
    )
    poller, store = _poll(tmp_path, site, Settings.load(fetch__allow_private=True))
    (article,) = poller.poll(f"{HOST}/feed.xml", force=True).articles
    assert article.text.startswith("The Osterby cable car reopened on Saturday") and not article.warnings
    poller.close()
    store.close()  # type: ignore[attr-defined]


def test_an_entry_without_any_text_is_read_from_its_page(tmp_path: Path) -> None:
    site = _Site(
        {
            "/feed.xml": (200, _rss(f"{HOST}/cable-car", description=""), "application/rss+xml"),
            "/cable-car": (200, PAGE.encode(), "text/html"),
        }
    )
    poller, store = _poll(tmp_path, site)
    result = poller.poll(f"{HOST}/feed.xml", force=True)
    assert not result.skipped and result.articles[0].outlet == "Osterby Tidende"
    poller.close()
    store.close()  # type: ignore[attr-defined]


def test_a_full_entry_is_not_fetched(tmp_path: Path) -> None:
    full = " ".join(PAGE_BODY.split())
    site = _Site({"/feed.xml": (200, _rss(f"{HOST}/cable-car", full), "application/rss+xml")})
    poller, store = _poll(tmp_path, site)
    (article,) = poller.poll(f"{HOST}/feed.xml", force=True).articles
    assert site.seen == ["/feed.xml"] and not article.warnings
    poller.close()
    store.close()  # type: ignore[attr-defined]


def test_a_feed_file_stays_offline_and_says_its_teasers_are_only_summaries(tmp_path: Path) -> None:
    site = _Site({"/cable-car": (200, PAGE.encode(), "text/html")})
    feed = tmp_path / "osterby.rss"
    feed.write_bytes(_rss(f"{HOST}/cable-car"))
    articles, skipped = read_articles([str(feed)], Settings(), transport=httpx.MockTransport(site))
    assert skipped == [] and site.seen == []
    (article,) = articles
    assert article.text == "The Osterby cable car is running again."
    assert "not fetched" in article.warnings[0] and "summary" in article.warnings[0]
    # the same holds for feed_articles without a page fetcher
    (entry,), _ = feed_articles(_rss(f"{HOST}/cable-car"), "feed", Settings())
    assert isinstance(entry, Article) and entry.warnings == article.warnings


DATED_BODY = (
    "The Osterby harbour ferry will stop calling at Lamm pier from Monday while the pier is repaired, "
    "the harbour office said."
)


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("Mon, 16 Jun 2031 21:40:00 EST", "2031-06-16T21:40:00-05:00"),  # not moved to the next day in UTC
        ("Mon, 16 Jun 2031 17:05:00 CET", "2031-06-16T17:05:00+01:00"),  # not read as UTC
        ("Mon, 16 Jun 2031 17:05 CEST", "2031-06-16T17:05:00+02:00"),
        ("Mon, 16 Jun 2031 23:30:00 PDT", "2031-06-16T23:30:00-07:00"),
        ("Tue, 17 Jun 2031 01:30:00 +1300", "2031-06-17T01:30:00+13:00"),  # not the day before
        ("Mon, 16 Jun 2031 17:05:00 +0100 (CET)", "2031-06-16T17:05:00+01:00"),
        ("Mon, 16 Jun 2031 17:05:00 GMT", "2031-06-16T17:05:00+00:00"),
        ("Mon, 16 Jun 2031 17:05:00 -0000", "2031-06-16T17:05:00+00:00"),
        ("June 16, 2031 5:05 PM EST", "2031-06-16T17:05:00-05:00"),
        ("Mon, 16 Jun 2031", "2031-06-16"),  # a day stays a day: no invented midnight
        ("Mon, 16 Jun 2031 17:05:00 QQT", "2031-06-16"),  # an unknown zone: the day only
        ("2031-06-16T17:05:00+02:00", "2031-06-16T17:05:00+02:00"),
    ],
)
def test_feed_dates_keep_the_offset_the_source_gave(given: str, kept: str, tmp_path: Path) -> None:
    rss = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Osterby Tidende</title>
<item><title>Ferry skips Lamm pier</title><link>https://osterby.example/ferry</link>
<pubDate>{given}</pubDate><description>{DATED_BODY}</description></item></channel></rss>"""
    (entry,), _ = feed_articles(rss.encode(), "feed", Settings())
    assert entry.published == kept
    # the plain-text reader gives the same date for the same words
    story = tmp_path / "ferry.txt"
    story.write_text(f"Title: Ferry skips Lamm pier\nDate: {given}\n\n{DATED_BODY}\n", encoding="utf-8")
    (text_article,), _ = read_articles([str(story)], Settings())
    assert text_article.published == kept


def test_an_atom_entry_keeps_its_offset_and_dc_date_is_read() -> None:
    rss = f"""<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Osterby Tidende</title><item><title>Ferry skips Lamm pier</title>
<link>https://osterby.example/ferry</link><dc:date>2031-06-16T22:10:00-05:00</dc:date>
<description>{DATED_BODY}</description></item></channel></rss>"""
    (entry,), _ = feed_articles(rss.encode(), "feed", Settings())
    assert entry.published == "2031-06-16T22:10:00-05:00"
    atom = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Osterby Tidende</title><entry><title>Ferry skips Lamm pier</title>
<link href="https://osterby.example/ferry"/><id>urn:o:1</id>
<published>2031-06-16T09:05:00+02:00</published><updated>2031-06-16T11:20:00+02:00</updated>
<content type="html">&lt;p&gt;{DATED_BODY}&lt;/p&gt;</content></entry></feed>"""
    (entry,), _ = feed_articles(atom.encode(), "feed", Settings())
    assert entry.published == "2031-06-16T09:05:00+02:00"


@pytest.mark.parametrize(
    ("channel", "outlet"),
    [
        ("Osterby Tidende &#8211; News", "Osterby Tidende"),
        ("Osterby Tidende - Top stories", "Osterby Tidende"),
        ("Osterby Tidende | World", "Osterby Tidende"),
        ("Osterby Tidende: Sport and Culture", "Osterby Tidende"),
        ("Osterby Tidende", "Osterby Tidende"),
        ("Top stories", "Top stories"),  # nothing before the section: kept
        ("Lamm Harbour Radio - Osterby", "Lamm Harbour Radio \u2014 Osterby"),  # not a section name
    ],
)
def test_the_channel_title_gives_the_outlet_without_its_section(channel: str, outlet: str) -> None:
    rss = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>{channel}</title>
<item><title>Ferry skips Lamm pier</title><link>https://osterby.example/ferry</link>
<description>{DATED_BODY}</description></item></channel></rss>"""
    (entry,), _ = feed_articles(rss.encode(), "feed", Settings())
    assert entry.outlet == outlet


def test_a_fetched_page_names_its_outlet_before_the_channel_title(tmp_path: Path) -> None:
    declared = PAGE.replace('content="Osterby Tidende"', 'content="The Osterby Tidende"')
    no_name = PAGE.replace('<meta property="og:site_name" content="Osterby Tidende">', "")
    rss = _rss(f"{HOST}/declared").replace(b"<title>Osterby Tidende<", b"<title>Osterby Tidende - News<")
    rss = rss.replace(
        b"</item>",
        f"</item><item><title>Cable car</title><link>{HOST}/plain</link>"
        "<description>Running again.</description></item>".encode(),
    )
    site = _Site(
        {
            "/feed.xml": (200, rss, "application/rss+xml"),
            "/declared": (200, declared.encode(), "text/html"),
            "/plain": (200, no_name.encode(), "text/html"),
        }
    )
    poller, store = _poll(tmp_path, site)
    first, second = poller.poll(f"{HOST}/feed.xml", force=True).articles
    assert first.outlet == "The Osterby Tidende"  # the page's own og:site_name
    assert second.outlet == "Osterby Tidende"  # no name on the page: the channel's, not the host
    poller.close()
    store.close()  # type: ignore[attr-defined]
