"""What a browser or API client submits for a comparison, turned into articles through newsprism's own ingest.

Pasted text, pasted HTML, uploaded files and URLs all go through the same parsers and normalisation the
command line uses, so a report made in the browser is the report ``newsprism compare`` would make.
"""

from __future__ import annotations

import dataclasses
import ipaddress
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlsplit

from newsprism.errors import InputError
from newsprism.ingest import Draft, address_problem, build_article, parse_content, read_articles
from newsprism.ingest.reader import distinct
from newsprism.ingest.records import charset_for_html, decode
from newsprism.model import Article, Skipped
from newsprism.normalise.meta import normalise_author
from newsprism.settings import Settings

if TYPE_CHECKING:
    import httpx

Kind = Literal["text", "html", "url", "file"]


@dataclass(frozen=True, slots=True)
class Limits:
    """Caps on what one request may ask of the server; the error messages quote them."""

    max_request_bytes: int = 8_000_000
    max_upload_bytes: int = 2_000_000
    max_articles: int = 20


@dataclass(frozen=True, slots=True)
class Submitted:
    """One article as submitted: ``content`` is text, HTML, a URL, or a file's bytes."""

    origin: str
    kind: Kind
    content: str | bytes
    title: str = ""
    outlet: str = ""
    published: str | None = None
    author: str = ""  # who wrote it, as the form or API gives it; wins over the byline the input has


class RequestError(Exception):
    """The request itself cannot be served; ``status`` is the HTTP code and the message is shown as is."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def mb(n: int) -> str:
    """A byte count as people read it (limits below a megabyte stay readable)."""
    return f"{n / 1e6:,.1f} MB" if n >= 1_000_000 else f"{n / 1e3:,.0f} kB"


def check_upload(name: str, size: int, limits: Limits) -> None:
    if size > limits.max_upload_bytes:
        raise RequestError(
            413,
            f"the file {name!r} is {mb(size)}, above the upload limit of {mb(limits.max_upload_bytes)}; "
            "upload a smaller file or paste the article text instead",
        )


def url_problem(url: str, *, allow_private: bool) -> str:
    """Why ``url`` is refused before any network work ("" when it may be fetched).

    Only literal addresses and ``localhost`` are judged here; host names are resolved and checked again,
    hop by hop, by the fetcher itself.
    """
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname or ""
    except ValueError:
        return f"{url} is not a valid URL; check it"
    if parts.scheme not in ("http", "https"):
        return f"{url} is not an http(s) URL; only web pages can be fetched"
    if not host:
        return f"{url} has no host; check it"
    if allow_private:
        return ""
    if host == "localhost" or host.endswith(".localhost"):
        problem = "loopback"
    else:
        try:
            problem = address_problem(ipaddress.ip_address(host))
        except ValueError:
            return ""
    if not problem:
        return ""
    return (
        f"refused {url}: {host} is a {problem} address. This server does not fetch private, loopback or "
        "link-local addresses; its administrator can allow them with --allow-private"
    )


def check_submitted(items: Sequence[Submitted], limits: Limits, *, allow_private: bool) -> None:
    """Refuse the whole request early (count, empty, private URL) with a message the user can act on."""
    if not items:
        raise RequestError(400, "no articles were submitted; paste at least two texts, URLs or files")
    if len(items) > limits.max_articles:
        raise RequestError(
            413, f"{len(items)} articles were submitted; this server compares at most {limits.max_articles}"
        )
    for item in items:
        if item.kind == "url":
            problem = url_problem(str(item.content), allow_private=allow_private)
            if problem:
                raise RequestError(400, problem)


def read_submitted(
    items: Sequence[Submitted], settings: Settings, *, transport: httpx.BaseTransport | None = None
) -> tuple[list[Article], list[Skipped]]:
    """Articles in submission order; inputs that cannot be read become ``Skipped`` with the reason."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    seen: set[tuple[str, str]] = set()
    texts: set[str] = set()
    for item in items:
        if item.kind == "url":
            got, lost = read_articles([str(item.content)], settings, transport=transport)
            got = [_override(a, item) for a in got]
            skipped.extend(lost)
        else:
            got = []
            for built in _parse(item, settings):
                if isinstance(built, Skipped):
                    skipped.append(built)
                else:
                    got.append(built)
        for a in got:
            if (a.text, a.outlet) in seen:
                skipped.append(Skipped(a.origin, "exactly the same text as an earlier article; read once"))
                continue
            seen.add((a.text, a.outlet))
            articles.append(distinct(a, texts))  # the same text from another outlet is a reprint
            texts.add(a.text)
    return articles, skipped


def _parse(item: Submitted, settings: Settings) -> list[Article | Skipped]:
    try:
        if isinstance(item.content, bytes):
            suffix = "." + item.origin.rsplit(".", 1)[-1].lower() if "." in item.origin else ""
            declared = charset_for_html(item.content) if suffix in (".html", ".htm", ".xhtml") else None
            text, notes = decode(item.content, item.origin, declared=declared)
            hint = suffix
        else:
            text, notes = item.content, ()
            hint = "html" if item.kind == "html" else ""
        if not text.strip():
            return [Skipped(item.origin, "it is empty; paste or upload the article text")]
        drafts = parse_content(text, item.origin, hint=hint, warnings=notes)
    except InputError as exc:
        return [Skipped(item.origin, exc.reason)]
    out: list[Article | Skipped] = []
    for d in drafts:
        if isinstance(d, Skipped):
            out.append(d)
            continue
        built = build_article(_draft_override(d, item), settings.ingest)
        out.append(built)
    return out


def _draft_override(d: Draft, item: Submitted) -> Draft:
    return dataclasses.replace(
        d,
        title=item.title or d.title,
        outlet=item.outlet or d.outlet,
        published=item.published or d.published,
        author=item.author or d.author,
    )


def _override(a: Article, item: Submitted) -> Article:
    return dataclasses.replace(
        a,
        title=item.title or a.title,
        outlet=item.outlet or a.outlet,
        published=item.published or a.published,
        author=normalise_author(item.author) or a.author,
    )


async def uploads(files: Sequence[object], limits: Limits) -> list[Submitted]:
    """Uploaded files as submissions, each checked against the upload limit before and after reading."""
    from starlette.datastructures import UploadFile

    out = []
    for f in files:
        if not isinstance(f, UploadFile) or not f.filename:
            continue
        size = f.size if f.size is not None else 0
        check_upload(f.filename, size, limits)
        data = await f.read()
        check_upload(f.filename, len(data), limits)
        if data:
            out.append(
                Submitted(origin=f.filename.replace("\\", "/").rsplit("/", 1)[-1], kind="file", content=data)
            )
    return out
