"""Articles keep who wrote them: header lines, byline lines, JSON author fields, feed entry authors and
a page's byline all become ``Article.author`` (without the "By"), so a wire credit there is not lost."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from newsprism.ingest import read_articles
from newsprism.ingest.feeds import FeedPoller, feed_articles
from newsprism.model import Article
from newsprism.normalise.html import extract_html, page_author
from newsprism.normalise.meta import normalise_author
from newsprism.settings import Settings
from newsprism.store import open_store

BODY = (
    "The Osterby cable car reopened on Saturday after a four-month overhaul of its hauling rope, the "
    "transport board said.\n\n"
    "Engineers replaced 2.4 kilometres of steel rope and fitted new brakes to all eleven cabins."
)


def _read(path: Path) -> list[Article]:
    articles, skipped = read_articles([str(path)], Settings())
    assert skipped == []
    return articles


def _one(path: Path) -> Article:
    (article,) = _read(path)
    return article


@pytest.mark.parametrize(
    ("given", "author"),
    [
        ("By AP", "AP"),
        ("by: Ella Brandt", "Ella Brandt"),
        ("*By Lamm Radio newsroom*", "Lamm Radio newsroom"),
        ("  Ella Brandt,   Lindqvist Press ", "Ella Brandt, Lindqvist Press"),
        ("Written by Tomas Ek", "Tomas Ek"),
        ("Byron Holm", "Byron Holm"),  # a name starting with "By" keeps it
        ("By", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_normalise_author(given: str | None, author: str) -> None:
    assert normalise_author(given) == author


@pytest.mark.parametrize("key", ["Author", "By", "Byline"])
def test_an_author_header_line_is_the_author_and_not_the_body(tmp_path: Path, key: str) -> None:
    path = tmp_path / "cable.txt"
    path.write_text(f"Title: Cable car back\n{key}: Ella Brandt\nOutlet: Osterby Tidende\n\n{BODY}\n")
    a = _one(path)
    assert (a.title, a.outlet, a.author, a.text) == ("Cable car back", "Osterby Tidende", "Ella Brandt", BODY)


def test_a_lone_author_header_line_before_a_blank_line_counts(tmp_path: Path) -> None:
    path = tmp_path / "cable.txt"
    path.write_text(f"Author: By AP\n\n{BODY}\n")
    assert _one(path).author == "AP"


def test_the_byline_line_left_out_of_the_body_is_kept_as_the_author(tmp_path: Path) -> None:
    text = tmp_path / "cable.txt"
    text.write_text(f"Title: Cable car back\nOutlet: Osterby Tidende\n\nBy Mara Quill\n\n{BODY}\n")
    a = _one(text)
    assert (a.author, a.text) == ("Mara Quill", BODY)
    markdown = tmp_path / "cable.md"
    markdown.write_text(f"# Cable car back\n\n*By Lamm Radio newsroom*\n\n{BODY}\n")
    a = _one(markdown)
    assert (a.author, a.outlet, a.text) == ("Lamm Radio newsroom", "Lamm Radio", BODY)


def test_an_author_header_line_wins_over_a_byline_line(tmp_path: Path) -> None:
    path = tmp_path / "cable.txt"
    path.write_text(f"Title: Cable car back\nAuthor: Ella Brandt\n\nBy Mara Quill\n\n{BODY}\n")
    a = _one(path)
    assert (a.author, a.text) == ("Ella Brandt", BODY)  # the byline still leaves the body


def test_a_text_without_an_author_has_none(tmp_path: Path) -> None:
    path = tmp_path / "cable.txt"
    path.write_text(f"Title: Cable car back\n\n{BODY}\n")
    assert _one(path).author == ""


@pytest.mark.parametrize(
    ("fields", "author"),
    [
        ({"author": "By AP"}, "AP"),
        ({"Byline": "Ella Brandt"}, "Ella Brandt"),
        ({"creator": "Tomas Ek"}, "Tomas Ek"),
        ({"authors": ["Ella Brandt", "Lindqvist Press"]}, "Ella Brandt, Lindqvist Press"),
        (
            {"authors": [{"name": "Ella Brandt", "url": "https://x.example/eb"}, {"name": "AP"}]},
            "Ella Brandt, AP",
        ),
        ({"author": {"name": "Mara Quill"}}, "Mara Quill"),
        ({"author": "", "byline": "By Tomas Ek"}, "Tomas Ek"),  # an empty field gives way to the next
        ({"author": None, "authors": []}, ""),
        ({"author": 42}, ""),  # not a name
        ({}, ""),
    ],
)
def test_json_author_fields(tmp_path: Path, fields: dict[str, object], author: str) -> None:
    path = tmp_path / "story.json"
    path.write_text(
        json.dumps({"title": "Cable car back", "outlet": "Osterby Tidende", "text": BODY, **fields})
    )
    assert _one(path).author == author


def test_json_lines_and_news_api_exports_keep_the_author(tmp_path: Path) -> None:
    lines = tmp_path / "export.jsonl"
    records = [
        {"title": "Cable car back", "text": BODY, "source": "Osterby Tidende", "author": "Ella Brandt"},
        {"title": "Cable car back", "text": BODY + " More.", "source": "Lamm Post"},
    ]
    lines.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    assert [a.author for a in _read(lines)] == ["Ella Brandt", ""]
    api = tmp_path / "api.json"
    api.write_text(
        json.dumps(
            {
                "status": "ok",
                "articles": [
                    {
                        "source": {"id": None, "name": "Lamm Post"},
                        "author": "By AP",
                        "title": "Cable car back",
                        "content": BODY,
                        "publishedAt": "2031-06-14T10:30:00Z",
                    }
                ],
            }
        )
    )
    (a,) = _read(api)
    assert (a.outlet, a.author) == ("Lamm Post", "AP")


PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Cable car back | Lamm Post</title>
<meta property="og:site_name" content="Lamm Post">{meta}</head><body><article>
<h1>Cable car back in service</h1>
<div class="byline">{byline}</div>
<p>The Osterby cable car reopened on Saturday after a four-month overhaul of its hauling rope, the transport
board said.</p>
<p>Engineers replaced 2.4 kilometres of steel rope and fitted new brakes to all eleven cabins.</p>
<p>The board said the line would run every six minutes at weekends and every ten on weekdays.</p>
</article></body></html>"""


@pytest.mark.parametrize(
    ("meta", "byline", "author"),
    [
        ("", "By AP", "AP"),
        ("", "By Ella Brandt, Lindqvist Press", "Ella Brandt, Lindqvist Press"),
        ("", "By Staff Reporter | Updated 07:45 GMT, 14 June 2031", "Staff Reporter"),
        ('<meta name="author" content="Tomas Ek">', "", "Tomas Ek"),
        ("", "", ""),
    ],
)
def test_a_pages_byline_is_its_author_and_stays_out_of_the_text(
    tmp_path: Path, meta: str, byline: str, author: str
) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE.format(meta=meta, byline=byline))
    a = _one(path)
    assert a.author == author
    assert "By " not in a.text and "Updated" not in a.text


def test_a_json_author_wins_over_the_byline_of_its_html(tmp_path: Path) -> None:
    page = PAGE.format(meta="", byline="By Lamm Post staff")
    assert extract_html(page).author == "Lamm Post staff"
    path = tmp_path / "story.json"
    path.write_text(json.dumps([{"html": page, "author": "AP"}, {"html": page.replace("four", "4")}]))
    assert [a.author for a in _read(path)] == ["AP", "Lamm Post staff"]


def test_page_author_keeps_names_and_leaves_out_time_stamps() -> None:
    assert page_author("Ana Reyes; Lindqvist Press") == "Ana Reyes, Lindqvist Press"
    assert page_author("Staff Reporter; Updated") == "Staff Reporter"
    assert page_author("Published 14 June 2031") == ""
    assert page_author("") == ""


FEED_BODY = " ".join(["The Osterby cable car reopened on Saturday after a four-month overhaul."] * 8)


def test_feed_entries_keep_their_authors() -> None:
    rss = f"""<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Osterby Tidende</title>
<item><title>One</title><link>https://osterby.example/1</link>
<author>desk@osterby.example (Ella Brandt)</author>
<description>{FEED_BODY}</description></item>
<item><title>Two</title><link>https://osterby.example/2</link><dc:creator>Tomas Ek</dc:creator>
<dc:creator>AP</dc:creator><description>{FEED_BODY} Two.</description></item>
<item><title>Three</title><link>https://osterby.example/3</link><author>desk@osterby.example</author>
<description>{FEED_BODY} Three.</description></item>
<item><title>Four</title><link>https://osterby.example/4</link>
<description>{FEED_BODY} Four.</description></item>
</channel></rss>"""
    entries, skipped = feed_articles(rss.encode(), "feed", Settings())
    assert not skipped
    assert [e.author for e in entries] == ["Ella Brandt", "Tomas Ek, AP", "", ""]  # an address names nobody
    atom = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Osterby Tidende</title><entry><title>Ferry</title><link href="https://osterby.example/f"/>
<id>urn:o:1</id><author><name>Mara Quill</name><email>mq@osterby.example</email></author>
<author><name>Lindqvist Press</name></author><content type="html">{FEED_BODY}</content></entry></feed>"""
    (entry,), _ = feed_articles(atom.encode(), "feed", Settings())
    assert entry.author == "Mara Quill, Lindqvist Press"


def test_a_teaser_read_from_its_page_keeps_the_entrys_author_else_takes_the_pages(tmp_path: Path) -> None:
    host = "http://93.184.216.34"  # a public IP literal: the address checks need no DNS
    page = PAGE.format(meta="", byline="By Lamm Post staff").encode()
    rss = f"""<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Lamm Post</title>
<item><title>Cable car</title><link>{host}/a</link><dc:creator>AP</dc:creator>
<description>Running again.</description></item>
<item><title>Cable car</title><link>{host}/b</link><description>Back again.</description></item>
</channel></rss>""".encode()
    pages = {"/feed.xml": (rss, "application/rss+xml"), "/a": (page, "text/html"), "/b": (page, "text/html")}

    def site(request: httpx.Request) -> httpx.Response:
        body, ctype = pages[request.url.path]
        return httpx.Response(200, content=body, headers={"Content-Type": ctype})

    store = open_store(tmp_path / "s.sqlite")
    poller = FeedPoller(store, Settings(), transport=httpx.MockTransport(site), host_interval=0.0)
    first, second = poller.poll(f"{host}/feed.xml", force=True).articles
    assert (first.author, second.author) == ("AP", "Lamm Post staff")
    assert "Engineers replaced" in first.text  # read from the page
    poller.close()
    store.close()
