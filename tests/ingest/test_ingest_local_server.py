"""Real sockets against a local server: the connected address is checked, not only the DNS answer."""

from __future__ import annotations

import http.server
import socket
from collections.abc import Iterator

import pytest

from local_http import serve
from newsprism.ingest import read_articles
from newsprism.settings import Settings

pytestmark = pytest.mark.network

BODY = (
    "Dock workers at the Port of Kessla returned to work on Thursday after their union accepted a pay "
    "offer, the port authority said. The deal raises wages by 6.5% over two years."
)


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        payload = f"Title: Local story\n\n{BODY}".encode()
        self.send_response(200)
        self.send_header("content-type", "text/plain; charset=utf-8")
        self.send_header("content-length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def local_port() -> Iterator[int]:
    with serve(_Handler) as port:
        yield port


def test_local_server_needs_the_opt_in(local_port: int) -> None:
    url = f"http://127.0.0.1:{local_port}/story"
    articles, skipped = read_articles([url], Settings())
    assert articles == [] and skipped[0].reason.startswith("refused:")
    articles, skipped = read_articles([url], Settings.load(fetch__allow_private=True, fetch__timeout=5.0))
    assert skipped == [] and articles[0].title == "Local story" and articles[0].text == BODY


def test_dns_answer_that_changes_after_the_check_is_caught(
    local_port: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = socket.getaddrinfo
    answers = iter(["93.184.216.34"])  # first answer public (the check), then loopback (the connect)

    def rebinding(host: str, port: int, *args: object, **kwargs: object) -> list[tuple[object, ...]]:
        if host != "rebind.example":
            return real(host, port, *args, **kwargs)  # type: ignore[arg-type]
        ip = next(answers, "127.0.0.1")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    url = f"http://rebind.example:{local_port}/story"
    articles, skipped = read_articles([url], Settings.load(fetch__timeout=5.0))
    assert articles == []
    assert skipped[0].reason.startswith("refused: rebind.example answered from a loopback address")
