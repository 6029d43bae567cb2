"""URLs through httpx.MockTransport: no network, every refusal and failure becomes a clear Skipped."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable, Iterator

import httpx
import pytest

from newsprism.ingest import read_articles
from newsprism.model import Article, Skipped
from newsprism.settings import Settings

BODY = (
    "Dock workers at the Port of Kessla returned to work on Thursday after their union accepted a pay "
    "offer, the port authority said. The deal raises wages by 6.5% over two years."
)
PAGE = (
    "<!doctype html><html><head><title>Kessla strike ends | Island Times</title>"
    "<meta property='og:title' content='Kessla strike ends'></head>"
    f"<body><nav>Home | News</nav><article><h1>Kessla strike ends</h1><p>{BODY}</p>"
    "<p>Ships began unloading on Friday morning, port staff said.</p></article></body></html>"
)
HOSTS = {
    "www.islandtimes.example": "93.184.216.34",
    "short.example": "93.184.216.35",
    "intranet.example": "10.1.2.3",
    "sneaky.example": "2001:db8::5",  # documentation range: not global
}

Handler = Callable[[httpx.Request], httpx.Response]


@pytest.fixture(autouse=True)
def fake_dns(monkeypatch: pytest.MonkeyPatch) -> None:
    """Resolve the test hostnames without a network; every other name fails like an unknown host."""

    def getaddrinfo(host: str, port: int, *args: object, **kwargs: object) -> list[tuple[object, ...]]:
        if host == "localhost":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]
        if host in HOSTS:
            ip = HOSTS[host]
            family = socket.AF_INET6 if ":" in ip else socket.AF_INET
            return [(family, socket.SOCK_STREAM, 6, "", (ip, port))]
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


class Server:
    """A MockTransport that records every URL it was asked for."""

    def __init__(self, handler: Handler) -> None:
        self.requested: list[str] = []
        self._handler = handler
        self.transport = httpx.MockTransport(self._handle)

    def _handle(self, request: httpx.Request) -> httpx.Response:
        self.requested.append(str(request.url))
        return self._handler(request)


def html(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, text=PAGE, headers={"content-type": "text/html; charset=utf-8"})


def fetch(
    url: str, handler: Handler = html, settings: Settings | None = None
) -> tuple[list[Article], list[Skipped], Server]:
    server = Server(handler)
    articles, skipped = read_articles([url], settings or Settings(), transport=server.transport)
    return articles, skipped, server


def only_skip(url: str, handler: Handler = html, settings: Settings | None = None) -> tuple[str, Server]:
    articles, skipped, server = fetch(url, handler, settings)
    assert articles == []
    assert len(skipped) == 1 and skipped[0].origin == url
    return skipped[0].reason, server


def test_html_article_from_url() -> None:
    articles, skipped, server = fetch("https://www.islandtimes.example/news/kessla")
    assert skipped == []
    (a,) = articles
    assert a.outlet == "islandtimes.example"
    assert a.url == "https://www.islandtimes.example/news/kessla"
    assert a.origin == "https://www.islandtimes.example/news/kessla"
    assert a.title == "Kessla strike ends"
    assert a.text == BODY + "\n\nShips began unloading on Friday morning, port staff said."
    assert server.requested == ["https://www.islandtimes.example/news/kessla"]


def test_user_agent_is_sent() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["user-agent"])
        return html(request)

    fetch("https://www.islandtimes.example/a", handler)
    assert seen == [Settings().fetch.user_agent]


@pytest.mark.parametrize(
    ("status", "phrase"), [(404, "HTTP 404 Not Found"), (500, "HTTP 500 Internal Server Error")]
)
def test_http_errors(status: int, phrase: str) -> None:
    reason, _ = only_skip("https://www.islandtimes.example/gone", lambda r: httpx.Response(status, text="no"))
    assert reason.startswith(phrase) and "check the URL" in reason


def test_timeout_and_connection_error() -> None:
    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("read timed out", request=request)

    def refused(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    reason, _ = only_skip("https://www.islandtimes.example/slow", slow)
    assert reason.startswith("timed out after 15 s") and "fetch.timeout" in reason
    reason, _ = only_skip("https://www.islandtimes.example/down", refused)
    assert "could not fetch" in reason and "ConnectError" in reason


def test_unknown_host() -> None:
    reason, server = only_skip("https://no-such-host.example/x")
    assert "cannot resolve host no-such-host.example" in reason
    assert server.requested == []


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("http://127.0.0.1/admin", "loopback"),
        ("http://localhost:8080/", "loopback"),
        ("http://[::1]/", "loopback"),
        ("http://[::ffff:127.0.0.1]/", "loopback"),
        ("http://10.0.0.8/article", "private"),
        ("http://192.168.1.20/article", "private"),
        ("https://intranet.example/memo", "private"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://[fe80::1]/", "link-local"),
        ("http://224.0.0.251/", "multicast"),
        ("http://0.0.0.0/", "unspecified"),
        ("http://240.0.0.1/", "reserved"),
        ("http://100.64.0.1/", "non-public"),
        ("https://sneaky.example/", "private"),
    ],
)
def test_private_addresses_are_refused(url: str, kind: str) -> None:
    reason, server = only_skip(url)
    assert reason.startswith("refused:") and f"is a {kind} address" in reason
    assert "fetch.allow_private" in reason and "--allow-private" in reason  # the flag, for the CLI user
    assert server.requested == []


def test_private_address_allowed_when_the_user_opts_in() -> None:
    settings = Settings.load(fetch__allow_private=True)
    articles, skipped, server = fetch("http://127.0.0.1:8000/story", settings=settings)
    assert skipped == [] and len(articles) == 1
    assert articles[0].outlet == "127.0.0.1"
    assert server.requested == ["http://127.0.0.1:8000/story"]


def redirect_to(location: str, then: Handler = html) -> Handler:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.host == "short.example":
            return httpx.Response(302, headers={"location": location})
        return then(request)

    return handler


def test_redirect_is_followed_and_final_url_kept() -> None:
    articles, skipped, server = fetch(
        "https://short.example/k", redirect_to("https://www.islandtimes.example/news/kessla")
    )
    assert skipped == []
    (a,) = articles
    assert a.url == "https://www.islandtimes.example/news/kessla"
    assert a.outlet == "islandtimes.example"
    assert a.origin == "https://short.example/k"
    assert "redirected to https://www.islandtimes.example/news/kessla" in a.warnings
    assert len(server.requested) == 2


@pytest.mark.parametrize("target", ["http://127.0.0.1/admin", "http://169.254.169.254/latest/"])
def test_redirect_to_a_private_address_is_refused(target: str) -> None:
    reason, server = only_skip("https://short.example/k", redirect_to(target))
    assert reason.startswith("refused:") and f"redirected to {target}" in reason
    assert server.requested == ["https://short.example/k"]  # the private target was never contacted


def test_relative_redirect_stays_on_the_host() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/k":
            return httpx.Response(302, headers={"location": "/news/kessla"})
        return html(request)

    articles, skipped, server = fetch("https://short.example/k", handler)
    assert skipped == [] and articles[0].url == "https://short.example/news/kessla"
    assert server.requested == ["https://short.example/k", "https://short.example/news/kessla"]


def test_redirect_to_another_scheme_is_refused() -> None:
    reason, _ = only_skip("https://short.example/k", redirect_to("file:///etc/passwd"))
    assert "refused a file URL" in reason


def test_too_many_redirects() -> None:
    def loop(request: httpx.Request) -> httpx.Response:
        return httpx.Response(301, headers={"location": f"/hop{len(server_hops)}"})

    server_hops: list[int] = []
    settings = Settings.load(fetch__max_redirects=3)
    reason, server = only_skip("https://short.example/start", loop, settings)
    assert "more than 3 redirects" in reason
    assert len(server.requested) == 4


def test_size_cap_declared_and_streamed() -> None:
    settings = Settings.load(fetch__max_bytes=10_000)
    big = PAGE + "<!--" + "x" * 20_000 + "-->"

    def declared(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=big.encode(), headers={"content-type": "text/html"})

    def streamed(request: httpx.Request) -> httpx.Response:
        chunks = (big[i : i + 1000].encode() for i in range(0, len(big), 1000))
        return httpx.Response(200, content=chunks, headers={"content-type": "text/html"})

    for handler in (declared, streamed):
        reason, _ = only_skip("https://www.islandtimes.example/big", handler, settings)
        assert "above fetch.max_bytes (10,000)" in reason


def test_content_types() -> None:
    def pdf(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b"%PDF-1.7", headers={"content-type": "application/pdf"})

    reason, _ = only_skip("https://www.islandtimes.example/a.pdf", pdf)
    assert "content type application/pdf is not supported" in reason

    def plain(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, text=f"Title: Plain\n\n{BODY}", headers={"content-type": "text/plain"})

    articles, skipped, _ = fetch("https://www.islandtimes.example/a.txt", plain)
    assert not skipped and articles[0].title == "Plain" and articles[0].outlet == "islandtimes.example"

    def api(request: httpx.Request) -> httpx.Response:
        payload = [{"title": "One", "text": BODY}, {"title": "Two", "text": BODY + " Also more."}]
        return httpx.Response(200, text=json.dumps(payload), headers={"content-type": "application/json"})

    articles, skipped, _ = fetch("https://www.islandtimes.example/api", api)
    assert not skipped and [a.title for a in articles] == ["One", "Two"]
    assert articles[1].origin == "https://www.islandtimes.example/api#2"
    assert articles[1].url == "https://www.islandtimes.example/api"


def test_empty_page_and_binary_body() -> None:
    reason, _ = only_skip(
        "https://www.islandtimes.example/empty",
        lambda r: httpx.Response(200, headers={"content-type": "text/html"}),
    )
    assert "empty page" in reason

    def binary(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, content=b"\x00\x01\x02" * 100, headers={"content-type": "application/octet-stream"}
        )

    reason, _ = only_skip("https://www.islandtimes.example/blob", binary)
    assert "binary" in reason


def test_charset_from_header_and_meta() -> None:
    page = PAGE.replace("Ships began", "Caf\u00e9 owners said ships began")

    def latin1_header(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, content=page.encode("latin-1"), headers={"content-type": "text/html; charset=iso-8859-1"}
        )

    def latin1_meta(request: httpx.Request) -> httpx.Response:
        body = page.replace("<head>", "<head><meta charset='iso-8859-1'>").encode("latin-1")
        return httpx.Response(200, content=body, headers={"content-type": "text/html"})

    def misdeclared(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, content=page.encode(), headers={"content-type": "text/html; charset=latin-1"}
        )

    for handler in (latin1_header, latin1_meta, misdeclared):
        articles, skipped, _ = fetch("https://www.islandtimes.example/cafe", handler)
        assert not skipped and "Caf\u00e9 owners said" in articles[0].text
        assert articles[0].warnings == ()


def test_one_client_for_many_urls_and_order_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/gone":
            return httpx.Response(404)
        n = request.url.path.strip("/")
        return httpx.Response(
            200, text=f"Title: Story {n}\n\n{BODY} Number {n}.", headers={"content-type": "text/plain"}
        )

    server = Server(handler)
    urls = [f"https://www.islandtimes.example/{n}" for n in ("1", "gone", "2")]
    articles, skipped = read_articles(urls, Settings(), transport=server.transport)
    assert [a.title for a in articles] == ["Story 1", "Story 2"]
    assert [s.origin for s in skipped] == ["https://www.islandtimes.example/gone"]


@pytest.fixture
def no_sockets(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    def boom(*args: object, **kwargs: object) -> None:
        raise AssertionError("a test tried to open a real socket")

    monkeypatch.setattr(socket, "create_connection", boom)
    yield


def test_mock_transport_means_no_real_network(no_sockets: None) -> None:
    articles, skipped, _ = fetch("https://www.islandtimes.example/news/kessla")
    assert len(articles) == 1 and not skipped
