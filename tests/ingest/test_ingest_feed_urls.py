"""A feed's URL named to ``compare`` (or read by ``read_articles``) is read as a feed, whatever feed content
type its server sends: each entry is an article, as in a feed file or ``newsprism ingest``. Real sockets
against a local server started here; nothing leaves the machine."""

from __future__ import annotations

import http.server
import json
import subprocess
import sys
from collections.abc import Iterator

import pytest

from local_http import serve
from newsprism.ingest import read_articles
from newsprism.settings import Settings

pytestmark = pytest.mark.network

FERRY = (
    "The Tolvik harbour ferry resumed its crossings to Brannholm on Monday after a storm kept it in port "
    "for three days, the Tolvik harbour office said. The first boat left at 06:40 with 112 passengers and "
    "nine lorries on board.\n\n"
    "Harbour master Edda Lunn said the breakwater lights had been repaired overnight and that the timetable "
    "would be back to normal by Wednesday."
)
BRIDGE = (
    "Work on the new footbridge over the Tolvik canal will start in April, the town council decided on "
    "Monday by 19 votes to 6. The bridge will cost 4.8 million crowns and is due to open next summer.\n\n"
    "Councillor Ivar Sande said the crossing would spare pupils a detour of almost a kilometre."
)
PAGE_BODY = (
    "Fishing boats left Tolvik harbour again on Tuesday morning, a day after the ferry crossings resumed, "
    "the fishermen's cooperative said. Thirty-one boats sailed before dawn.\n\n"
    "The cooperative said the storm had cost its members about 600,000 crowns in lost catches, and that "
    "two boats would stay in dock for repairs to their masts until the end of the month."
)
TEASER = "Tolvik's fishing fleet is back at sea after the storm."

FEED_TYPES = ["application/x-rss+xml", "application/rss+xml", "text/xml", "application/xml"]


def _rss(port: int) -> bytes:
    items = "".join(
        f"<item><title>{title}</title><link>http://127.0.0.1:{port}/{path}</link>"
        f"<description>{body}</description></item>"
        for title, path, body in (
            ("Ferry crossings resume", "ferry", FERRY),
            ("Footbridge approved", "bridge", BRIDGE),
        )
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Tolvik Herald - News</title>{items}</channel></rss>"
    ).encode()


def _atom(port: int) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Brannholm Post</title><entry><title>Ferry crossings resume</title>"
        f'<link href="http://127.0.0.1:{port}/ferry"/><author><name>Kari Holt</name></author>'
        f'<content type="text">{FERRY}</content></entry></feed>'
    ).encode()


def _teaser_feed(port: int) -> bytes:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Tolvik Herald</title>'
        f"<item><title>Fleet back at sea</title><link>http://127.0.0.1:{port}/fleet</link>"
        f"<description>{TEASER}</description></item></channel></rss>"
    ).encode()


_PAGE = (
    "<!DOCTYPE html><html><head><title>Fleet back at sea</title>"
    '<meta property="og:site_name" content="Tolvik Herald"></head><body><article><h1>Fleet back at sea</h1>'
    + "".join(f"<p>{p}</p>" for p in PAGE_BODY.split("\n\n"))
    + "</article></body></html>"
)
_OPML = (
    '<?xml version="1.0"?><opml version="2.0"><body>'
    '<outline text="Herald" xmlUrl="https://herald.example/rss"/></body></opml>'
)


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        port = self.server.server_address[1]
        path, _, query = self.path.partition("?")
        if path == "/rss":
            body, ctype = _rss(port), query.replace("type=", "").replace("%2B", "+")
        elif path == "/atom":
            body, ctype = _atom(port), "application/atom+xml; charset=utf-8"
        elif path == "/teasers":
            body, ctype = _teaser_feed(port), "application/rss+xml"
        elif path == "/fleet":
            body, ctype = _PAGE.encode(), "text/html; charset=utf-8"
        elif path == "/mislabelled":  # a feed some servers send as plain text
            body, ctype = _rss(port), "text/plain"
        elif path == "/sitemap":
            body, ctype = b'<?xml version="1.0"?><urlset><url><loc>x</loc></url></urlset>', "text/xml"
        elif path == "/opml":
            body, ctype = _OPML.encode(), "text/x-opml"
        elif path == "/opml-xml":
            body, ctype = _OPML.encode(), "application/xml"
        elif path == "/xhtml":  # a page some servers send as XML
            body, ctype = b'<?xml version="1.0" encoding="utf-8"?>\n' + _PAGE.encode(), "application/xml"
        elif path == "/report.pdf":
            body, ctype = b"%PDF-1.7 not really", "application/pdf"
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("content-type", ctype)
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def port() -> Iterator[int]:
    with serve(_Handler) as p:
        yield p


LOCAL = Settings.load(fetch__allow_private=True, fetch__timeout=10.0)


@pytest.mark.parametrize("ctype", FEED_TYPES)
def test_a_feed_url_gives_its_entries_whatever_feed_type_the_server_names(port: int, ctype: str) -> None:
    articles, skipped = read_articles([f"http://127.0.0.1:{port}/rss?type={ctype}"], LOCAL)
    assert skipped == []
    assert [(a.title, a.outlet, a.text) for a in articles] == [
        ("Ferry crossings resume", "Tolvik Herald", FERRY),
        ("Footbridge approved", "Tolvik Herald", BRIDGE),
    ]
    assert [a.url for a in articles] == [f"http://127.0.0.1:{port}/ferry", f"http://127.0.0.1:{port}/bridge"]


def test_an_atom_feed_url_and_a_feed_sent_as_plain_text(port: int) -> None:
    articles, skipped = read_articles([f"http://127.0.0.1:{port}/atom"], LOCAL)
    assert skipped == [] and [(a.outlet, a.author, a.text) for a in articles] == [
        ("Brannholm Post", "Kari Holt", FERRY)
    ]
    articles, skipped = read_articles([f"http://127.0.0.1:{port}/mislabelled"], LOCAL)
    assert skipped == [] and [a.title for a in articles] == ["Ferry crossings resume", "Footbridge approved"]


def test_a_feed_urls_summary_entry_is_read_from_the_page_it_links_to(port: int) -> None:
    """As `newsprism ingest` of a feed does: the user asked for the network, so the page is fetched."""
    articles, skipped = read_articles([f"http://127.0.0.1:{port}/teasers"], LOCAL)
    assert skipped == []
    assert [(a.title, a.outlet, a.text) for a in articles] == [
        ("Fleet back at sea", "Tolvik Herald", PAGE_BODY)
    ]
    assert articles[0].origin == articles[0].url == f"http://127.0.0.1:{port}/fleet"


def test_an_xhtml_page_sent_as_xml_is_read_as_the_page(port: int) -> None:
    articles, skipped = read_articles([f"http://127.0.0.1:{port}/xhtml"], LOCAL)
    assert skipped == [] and [(a.title, a.outlet, a.text) for a in articles] == [
        ("Fleet back at sea", "Tolvik Herald", PAGE_BODY)
    ]


def test_what_is_no_feed_is_refused_with_what_to_do(port: int) -> None:
    names = ["sitemap", "opml", "opml-xml", "report.pdf"]
    articles, skipped = read_articles([f"http://127.0.0.1:{port}/{n}" for n in names], LOCAL)
    assert articles == []
    reasons = dict(zip(names, (s.reason for s in skipped), strict=True))
    assert "XML but not an RSS/Atom feed" in reasons["sitemap"]
    for opml in ("opml", "opml-xml"):
        assert "OPML list of feeds" in reasons[opml] and "newsprism ingest" in reasons[opml]
    pdf = reasons["report.pdf"]
    assert "content type application/pdf is not supported" in pdf
    assert "RSS/Atom feeds" in pdf and "save the article text as a .txt file" in pdf


@pytest.mark.slow
def test_compare_reads_a_feed_url(port: int) -> None:
    """The reported defect: `newsprism compare <feed URL>` was refused for application/x-rss+xml."""
    url = f"http://127.0.0.1:{port}/rss?type=application/x-rss%2Bxml"
    result = subprocess.run(
        [sys.executable, "-m", "newsprism", "compare", url, "--allow-private", "--format", "json", "--quiet"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    sources = json.loads(result.stdout)["sources"]
    assert [(s["title"], s["outlet"]) for s in sources] == [
        ("Ferry crossings resume", "Tolvik Herald"),
        ("Footbridge approved", "Tolvik Herald"),
    ]
