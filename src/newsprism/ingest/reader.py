"""Dispatch each input the user named (file, directory, URL, ``-``) to its reader, in order."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from newsprism.errors import InputError
from newsprism.model import Article, Skipped
from newsprism.normalise.html import looks_like_html
from newsprism.normalise.text import normalise_line
from newsprism.settings import Settings

from .build import build_article, reprint_id
from .fetch import Fetched, Fetcher
from .records import Draft, Parsed, charset_for_html, check_text, decode, parse_content

if TYPE_CHECKING:
    import httpx

SUPPORTED = (".txt", ".md", ".markdown", ".html", ".htm", ".xhtml", ".json", ".jsonl", ".ndjson")
# Read by content: an RSS/Atom feed gives its entries, an OPML list is named only (it means fetching).
FEED_SUFFIXES = (".xml", ".rss", ".atom", ".opml")
OPML_NAMED_ONLY = (
    "an OPML list of feeds, read only when named: `newsprism ingest FILE` fetches the feeds it lists "
    "(`compare` reads articles and feed files, not OPML)"
)


def read_articles(
    inputs: Sequence[str],
    settings: Settings,
    *,
    transport: httpx.BaseTransport | None = None,
    stdin: str | None = None,
    keep_copies: bool = False,
) -> tuple[list[Article], list[Skipped]]:
    """Read and normalise every input, in order; bad inputs become ``Skipped`` entries, never exceptions.

    ``transport`` replaces the network for URLs (tests pass ``httpx.MockTransport``); ``stdin`` is the
    text for the ``-`` input (``sys.stdin`` is read when it is None). An input with exactly the text of
    an earlier one, when both name the same outlet or neither names one (a file known only by its file
    name), is read once, with a warning on the first naming the copy; ``keep_copies`` returns it as well
    instead, under the first one's outlet when it names none (the story service counts copies itself and
    keeps each copy's URL). The same text from another named outlet is a verbatim reprint and is kept (see
    :func:`distinct`), and so is a copy naming no outlet beside one that names its outlet.
    """
    articles: list[Article] = []
    skipped: list[Skipped] = []
    first_by_text: dict[tuple[str, str | None], int] = {}
    texts: set[str] = set()
    with Fetcher(settings.fetch, transport) as fetcher:
        for name in inputs:
            for item in _guarded(str(name), partial(_parse_input, str(name), settings, fetcher, stdin)):
                if isinstance(item, Skipped):
                    skipped.append(item)
                    continue
                built = (
                    item
                    if isinstance(item, Article)  # a feed URL's entry, read from its page when a teaser
                    else _guarded(item.origin, partial(_build_one, item, settings))[0]
                )
                if isinstance(built, Skipped):
                    skipped.append(built)
                    continue
                named = bool(built.outlet)
                if not named and isinstance(item, Draft) and item.file_outlet:
                    built = replace(built, outlet=normalise_line(item.file_outlet))
                key = (built.text, built.outlet if named else None)
                seen = first_by_text.get(key)
                if seen is not None and keep_copies:
                    built = replace(built, outlet=articles[seen].outlet)  # one outlet's copy, not a reprint
                elif seen is not None:
                    kept = articles[seen]
                    note = (
                        f"{built.origin} appears twice (named twice, or repeated in its input); read once"
                        if _input_of(built.origin) == _input_of(kept.origin)
                        else f"{built.origin} has exactly the same text; it was read once, as this article"
                    )
                    articles[seen] = _with_warning(kept, note)
                    continue
                else:
                    first_by_text[key] = len(articles)
                articles.append(built if keep_copies else distinct(built, texts))
                texts.add(built.text)
    return articles, skipped


def _input_of(origin: str) -> str:
    """The file, URL or feed an item came from: "feed.jsonl:2" and "list.json#3" are items of one input."""
    return re.sub(r"(:\d+|#\d+)$", "", origin)


def distinct(article: Article, texts: set[str]) -> Article:
    """A verbatim reprint by another outlet (``texts`` holds the texts read so far) as an article of its
    own: its id, a hash of the text alone, would be the first copy's, so the outlet joins the hash."""
    import dataclasses

    if article.text not in texts:
        return article
    return dataclasses.replace(article, id=reprint_id(article))


T = TypeVar("T")


def _guarded(origin: str, work: Callable[[], list[T]]) -> list[T | Skipped]:
    """Run one input's work; an unexpected error skips that input instead of ending the whole run."""
    try:
        return list(work())
    except Exception as exc:  # bad input must never lose the good input (DESIGN: invariants)
        return [
            Skipped(origin, f"unexpected {type(exc).__name__} while reading it ({exc}); please report this")
        ]


def _build_one(draft: Draft, settings: Settings) -> list[Article | Skipped]:
    """The article without the file name as its outlet: an empty outlet tells the caller the input named
    none, so that two copies of one unnamed article are not taken for two outlets' reprints."""
    return [build_article(replace(draft, file_outlet=""), settings.ingest)]


def _with_warning(article: Article, note: str) -> Article:
    import dataclasses

    return dataclasses.replace(article, warnings=(*article.warnings, note))


# What one input gives: drafts to build, or articles already built (a feed URL's entries), or why not.
Read = list[Draft | Article | Skipped]


def _parse_input(name: str, settings: Settings, fetcher: Fetcher, stdin: str | None) -> Read:
    try:
        if name == "-":
            notes: tuple[str, ...] = ()
            if stdin is None:
                data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
                text, notes = decode(data, "-") if data else ("", ())
            else:
                text = check_text(stdin, "-")  # callers may pass undecodable bytes as surrogates
            if not text.strip():
                return [Skipped("-", "standard input is empty; pipe an article into it")]
            return [*parse_content(text, "-", warnings=notes)]
        if name.lower().startswith(("http://", "https://")):
            return _read_url(name, fetcher, settings)
        path = local_path(name)
        return [*_read_path(path, settings, origin=name if path != name else None)]
    except InputError as exc:
        return [Skipped(name, exc.reason)]
    except OSError as exc:  # e.g. standard input closed or not readable
        return [Skipped(name, f"cannot read it ({exc}); check the input")]


def _read_url(url: str, fetcher: Fetcher, settings: Settings) -> Read:
    fetched = fetcher.fetch(url)
    sniffed = None if fetched.kind == "json" else _feed_kind(fetched.data)
    if sniffed == "opml":
        return [Skipped(url, OPML_URL)]
    if sniffed == "feed" or fetched.kind == "feed":
        return _read_feed_url(url, fetched, fetcher, settings)
    declared = fetched.charset
    if fetched.kind in ("html", "xml", "unknown") and declared is None:
        declared = charset_for_html(fetched.data)
    text, notes = decode(fetched.data, url, declared=declared)
    if not text.strip():
        return [Skipped(url, "the server sent an empty page; check the URL")]
    hint: str = fetched.kind
    if fetched.kind == "xml":  # an XHTML page some servers send as XML is read as the page it is
        if not looks_like_html(text):
            return [Skipped(url, NOT_A_FEED)]
        hint = "html"
    final = fetched.url
    notes = notes if final == url else (*notes, f"redirected to {final}")
    return [*parse_content(text, url, hint=hint, default_url=final, warnings=notes)]


def _feed_kind(data: bytes) -> str | None:
    from .feeds import looks_like_feed

    return looks_like_feed(data)


def _read_feed_url(url: str, fetched: Fetched, fetcher: Fetcher, settings: Settings) -> Read:
    """A feed's entries, read as ``newsprism ingest`` reads a feed URL: a teaser entry from the page it
    links to (the user asked for the network), pages of one host fetched no faster than one per
    :data:`~newsprism.ingest.feeds.HOST_INTERVAL` seconds."""
    from .feeds import Paced, feed_entries

    paced = Paced(fetcher.fetch)
    paced.hit(fetched.url)
    entries: Read = [*feed_entries(fetched.data, url, settings, fetch_page=paced)]
    return entries or [Skipped(url, "the feed holds no entries; nothing to read")]


OPML_URL = (
    "an OPML list of feeds, not an article or a feed: save it as a file and pass it to "
    "`newsprism ingest FILE`, which fetches the feeds it lists, or pass the feeds' URLs"
)
NOT_A_FEED = (
    "XML but not an RSS/Atom feed; newsprism reads web pages, plain text, JSON and RSS/Atom feeds: "
    "pass the URL of the article's page or of the feed, or save the article text as a .txt file"
)


def _read_path(name: str, settings: Settings, *, origin: str | None = None) -> Parsed:
    path = Path(name).expanduser()
    if path.is_dir():
        files, unreadable = folder_files(path)
        out: Parsed = [
            Skipped(str(d), f"cannot read this folder ({why}); check its permissions")
            for d, why in unreadable
        ]
        if not files:
            kinds = ", ".join(SUPPORTED)
            reason = (
                f"folder and its subfolders hold no readable files ({kinds}, or RSS/Atom feeds); "
                "check the path"
            )
            return [*out, Skipped(origin or name, reason)]
        for file in files:
            out.extend(_read_file(file, str(file), settings, in_folder=True))
        return out
    return _read_file(path, origin or name, settings)


def folder_files(folder: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The article files in ``folder`` and all its subfolders, sorted by path, and the subfolders that
    could not be listed (with why). Hidden files and folders are skipped, and so are symbolic links to
    folders (they can loop); see :func:`_supported` for which files count as articles."""
    import os

    files: list[Path] = []
    unreadable: list[tuple[Path, str]] = []

    def note(exc: OSError) -> None:
        unreadable.append((Path(exc.filename or folder), exc.strerror or str(exc)))

    for root, dirs, names in os.walk(folder, onerror=note):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        files.extend(p for p in (Path(root, n) for n in names) if _supported(p) and p.is_file())
    return sorted(files), sorted(unreadable)


_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]+)://", re.I)


def local_path(name: str) -> str:
    """The path a name or a ``file://`` URL gives; an InputError for another scheme (``ftp://``)."""
    scheme = _SCHEME.match(name)
    if scheme is None or Path(name).exists():
        return name
    if scheme.group(1).lower() != "file":
        raise InputError(name, _unsupported_scheme(scheme.group(1)))
    return _file_url_path(name)


def _unsupported_scheme(scheme: str) -> str:
    return (
        f"{scheme.lower()}:// addresses are not read; newsprism reads http:// and https:// URLs, files "
        "(also as file:// URLs), folders, and - for standard input: download it and pass the file"
    )


def _file_url_path(url: str) -> str:
    """The local path of a ``file://`` URL (``file:///home/x/a.txt``, ``file://localhost/...``)."""
    from urllib.parse import urlsplit
    from urllib.request import url2pathname

    parts = urlsplit(url)
    if parts.netloc not in ("", "localhost"):
        raise InputError(
            url,
            f"this file:// URL names another computer ({parts.netloc}); copy the file here and pass its path",
        )
    return url2pathname(parts.path)  # also decodes %20 and the like


_LOOKS_LIKE_URL = re.compile(r"^(www\.|[\w-]+(\.[\w-]+)*\.[a-z]{2,}/)", re.I)
_NOT_ARTICLES = ("readme", "license", "licence", "notice", "changelog", "contributing")


def _supported(path: Path) -> bool:
    """Article files in a directory: supported types and XML that may be a feed (read if it sniffs as
    one), not hidden, not the folder's own README or LICENSE."""
    if path.name.startswith(".") or path.stem.lower() in _NOT_ARTICLES:
        return False
    return path.suffix.lower() in SUPPORTED + FEED_SUFFIXES


def _read_feed(data: bytes, origin: str, suffix: str, *, in_folder: bool) -> Parsed | None:
    """The entries of an RSS/Atom file, a note for an OPML list, or None when it is no feed (an XML
    file in a folder that is not a feed is left out, as other file types are)."""
    from .feeds import feed_drafts, local_teaser, looks_like_feed

    kind = looks_like_feed(data)
    if kind == "feed":
        try:
            entries: Parsed = [local_teaser(d) for d in feed_drafts(data, origin)]
        except InputError as exc:  # this file alone: the rest of its folder is still read
            return [Skipped(origin, exc.reason)]
        return entries or [Skipped(origin, "the feed holds no entries; nothing to read")]
    if kind == "opml":
        return [Skipped(origin, OPML_NAMED_ONLY)]
    if in_folder and suffix in FEED_SUFFIXES:
        return []
    return None


def _read_file(path: Path, origin: str, settings: Settings, *, in_folder: bool = False) -> Parsed:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        if _LOOKS_LIKE_URL.match(origin):
            return [Skipped(origin, "no such file; if you meant a web page, write the URL with https://")]
        return [Skipped(origin, "no such file; check the path")]
    except OSError as exc:
        return [Skipped(origin, f"cannot read it ({exc.strerror}); check the path and permissions")]
    limit = settings.ingest.max_html_bytes
    if size > limit:
        return [
            Skipped(
                origin,
                f"file is {size / 1e6:,.1f} MB, above ingest.max_html_bytes ({limit / 1e6:,.1f} MB); "
                "raise the limit if you really mean to read it",
            )
        ]
    if size == 0:
        return [Skipped(origin, "file is empty; nothing to read")]
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [Skipped(origin, f"cannot read it ({exc.strerror}); check the path and permissions")]
    suffix = path.suffix.lower()
    if (
        suffix not in SUPPORTED
        and (feed := _read_feed(data, origin, suffix, in_folder=in_folder)) is not None
    ):
        return feed
    declared = charset_for_html(data) if suffix in (".html", ".htm", ".xhtml") else None
    try:
        text, notes = decode(data, origin, declared=declared)
    except InputError as exc:
        return [Skipped(origin, exc.reason)]
    if not text.strip():
        return [Skipped(origin, "file holds only whitespace; nothing to read")]
    parsed = parse_content(text, origin, hint=suffix, warnings=notes)
    # A file that names no outlet (no header, no site name, no URL) is known by its file name.
    return [replace(d, file_outlet=path.stem) if isinstance(d, Draft) else d for d in parsed]
