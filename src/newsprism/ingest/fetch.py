"""Fetch one article URL safely: address checks on every hop, a streamed size cap, and a time limit.

The fetcher runs on machines inside newsrooms, so a URL pointing at 127.0.0.1, 10.x or a cloud metadata
address (169.254.169.254) must not be fetched unless the user opts in. Redirects are followed by hand so
each hop is checked again. The host is resolved here and every address is checked; httpx resolves again
when it connects, so a DNS server that answers differently within seconds could still slip through.
Set ``fetch.allow_private`` only for hosts you trust.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from newsprism.errors import FetchError
from newsprism.settings import FetchSettings

if TYPE_CHECKING:
    import httpx

# "feed" is a declared RSS/Atom type; "xml" is XML that is read as a feed only if it sniffs as one.
Kind = Literal["html", "text", "json", "jsonl", "feed", "xml", "unknown"]

_KINDS: dict[str, Kind] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "text/markdown": "text",
    "application/json": "json",
    "text/json": "json",
    "application/x-ndjson": "jsonl",
    "application/ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/x-jsonlines": "jsonl",
    "application/rss+xml": "feed",
    "application/x-rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/rdf+xml": "feed",
    "text/rss+xml": "feed",
    "text/xml": "xml",
    "application/xml": "xml",
    "text/x-opml": "xml",
    "application/octet-stream": "unknown",
    "binary/octet-stream": "unknown",
    "": "unknown",
}
# Structured-syntax suffixes (RFC 6839): "application/vnd.x+json" is JSON, "application/x-opml+xml" XML.
_SUFFIX_KINDS: dict[str, Kind] = {"json": "json", "xml": "xml"}
_REDIRECTS = {301, 302, 303, 307, 308}


def unsupported_type(mime: str) -> str:
    """Why a response of content type ``mime`` is not read, and what to do instead."""
    return (
        f"content type {mime} is not supported (newsprism reads web pages, plain text, JSON and RSS/Atom "
        "feeds); if it holds an article, save the article text as a .txt file and pass that instead"
    )


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    kind: Kind
    data: bytes
    charset: str | None = None


class Fetcher:
    """One HTTP client for a whole read; pass ``transport`` (e.g. ``httpx.MockTransport``) in tests."""

    def __init__(self, settings: FetchSettings, transport: httpx.BaseTransport | None = None) -> None:
        self.settings = settings
        self._transport = transport
        self._client: httpx.Client | None = None

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = new_client(
                self.settings,
                self._transport,
                "text/html,text/plain,application/json,application/rss+xml,application/atom+xml,*/*;q=0.5",
            )
        return self._client

    def fetch(self, url: str) -> Fetched:
        """The body of ``url``; raises :class:`FetchError` with a reason the user can act on."""
        import httpx

        try:
            current = httpx.URL(url)
        except (httpx.InvalidURL, TypeError) as exc:
            raise FetchError(url, f"not a valid URL ({exc}); check it") from exc
        deadline = time.monotonic() + self.settings.timeout
        try:
            for _hop in range(self.settings.max_redirects + 1):
                self._check_target(url, current)
                with self.client.stream("GET", current) as resp:
                    self._check_peer(url, current, resp)
                    if resp.status_code in _REDIRECTS and "location" in resp.headers:
                        current = current.join(resp.headers["location"])
                        continue
                    return self._read(url, current, resp, deadline)
        except httpx.TimeoutException as exc:
            raise FetchError(
                url, f"timed out after {self.settings.timeout:g} s; try again later or raise fetch.timeout"
            ) from exc
        except httpx.InvalidURL as exc:
            raise FetchError(url, f"not a valid URL ({exc}); check it") from exc
        except httpx.HTTPError as exc:
            raise FetchError(
                url, f"could not fetch it ({type(exc).__name__}: {exc}); check the URL and network"
            ) from exc
        raise FetchError(
            url,
            f"more than {self.settings.max_redirects} redirects; open it in a browser and pass the final URL",
        )

    def _read(self, origin: str, url: httpx.URL, resp: httpx.Response, deadline: float) -> Fetched:
        if resp.status_code >= 400:
            phrase = f" {resp.reason_phrase}" if resp.reason_phrase else ""
            raise FetchError(origin, f"HTTP {resp.status_code}{phrase}; check the URL or try again later")
        if resp.status_code >= 300:
            raise FetchError(origin, f"HTTP {resp.status_code} without a usable redirect; pass the final URL")
        mime = resp.headers.get("content-type", "").split(";")[0].strip().lower()
        kind = _KINDS.get(mime) or _SUFFIX_KINDS.get(mime.rpartition("+")[2] if "+" in mime else "")
        if kind is None:
            raise FetchError(origin, unsupported_type(mime))
        limit = self.settings.max_bytes
        declared = resp.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(origin, _too_large(int(declared), limit))
        chunks: list[bytes] = []
        size = 0
        for chunk in resp.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise FetchError(origin, _too_large(size, limit, at_least=True))
            if time.monotonic() > deadline:
                raise FetchError(
                    origin,
                    f"download took over {self.settings.timeout:g} s; try again later or raise fetch.timeout",
                )
            chunks.append(chunk)
        return Fetched(url=str(url), kind=kind, data=b"".join(chunks), charset=resp.charset_encoding)

    def _check_target(self, origin: str, url: httpx.URL) -> None:
        check_target(origin, url, self.settings)

    def _check_peer(self, origin: str, url: httpx.URL, resp: httpx.Response) -> None:
        """Check the address actually connected to, which defeats DNS answers that change after the check.

        Skipped behind a proxy (the peer is then the proxy) and for transports without a socket (tests).
        """
        if self.settings.allow_private:
            return
        stream = resp.extensions.get("network_stream")
        peer = stream.get_extra_info("server_addr") if stream is not None else None
        if not peer or _proxies_configured():
            return
        try:
            address = ipaddress.ip_address(str(peer[0]).split("%")[0])
        except ValueError:
            return
        problem = address_problem(address)
        if problem:
            raise FetchError(
                origin,
                f"refused: {url.host} answered from a {problem} address ({address}) after resolving to a "
                "public one; pass --allow-private (or set fetch.allow_private = true) only if you trust "
                "this host",
            )


def new_client(settings: FetchSettings, transport: httpx.BaseTransport | None, accept: str) -> httpx.Client:
    """A client that never follows redirects itself: callers check every hop with :func:`check_target`."""
    import httpx

    return httpx.Client(
        transport=transport,
        timeout=httpx.Timeout(settings.timeout),
        follow_redirects=False,
        headers={"User-Agent": settings.user_agent, "Accept": accept},
    )


def check_target(origin: str, url: httpx.URL, settings: FetchSettings) -> None:
    """Refuse non-http(s) URLs and, unless allowed, hosts on private, loopback or link-local addresses."""
    if url.scheme not in ("http", "https"):
        raise FetchError(
            origin, f"refused a {url.scheme or 'schemeless'} URL ({url}); only http and https are fetched"
        )
    if not url.host:
        raise FetchError(origin, f"URL {url} has no host; check it")
    if settings.allow_private:
        return
    for address in resolve(url.host, url.port or (443 if url.scheme == "https" else 80)):
        problem = address_problem(address)
        if problem:
            via = "" if str(url) == origin else f" (redirected to {url})"
            raise FetchError(
                origin,
                f"refused: {url.host}{via} is a {problem} address ({address}); "
                "pass --allow-private (or set fetch.allow_private = true) only if you trust this host",
            )


def _proxies_configured() -> bool:
    import urllib.request

    return bool(urllib.request.getproxies())


def resolve(host: str, port: int) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    """Every address ``host`` resolves to (an IP literal resolves to itself)."""
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise FetchError(host, f"cannot resolve host {host} ({exc}); check the URL and your network") from exc
    addresses = []
    for info in infos:
        try:
            addresses.append(ipaddress.ip_address(str(info[4][0]).split("%")[0]))
        except ValueError:
            continue
    if not addresses:
        raise FetchError(host, f"host {host} has no IP address; check the URL")
    return addresses


def address_problem(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str:
    """Why an address must not be fetched by default ("" when it is a public unicast address)."""
    if isinstance(address, ipaddress.IPv6Address):
        inner = address.ipv4_mapped or address.sixtofour
        if inner is not None:
            return address_problem(inner)
    if address.is_loopback:
        return "loopback"
    if address.is_link_local:
        return "link-local"
    if address.is_multicast:
        return "multicast"
    if address.is_unspecified:
        return "unspecified"
    if address.is_reserved:
        return "reserved"
    if address.is_private:
        return "private"
    if not address.is_global:
        return "non-public"
    return ""


def _too_large(size: int, limit: int, *, at_least: bool = False) -> str:
    size_text = f"over {limit:,} bytes" if at_least else f"{size:,} bytes"
    return (
        f"response is {size_text}, above fetch.max_bytes ({limit:,}); raise it if you really need this page"
    )
