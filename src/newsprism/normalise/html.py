"""HTML page -> article text and metadata with trafilatura, with bounded work on huge pages.

trafilatura's cost grows with the size of the parsed tree; pages stuffed with inline scripts, styles,
SVG or endless comment threads can reach tens of megabytes. Scripts and styles are cut out with a
linear scan first (they never hold article text), and what is left is capped before parsing, so a
20 MB page finishes in seconds and the user is told the page was cut.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from newsprism.normalise.meta import normalise_author, normalise_date
from newsprism.normalise.text import normalise_line, normalise_text

# Markup kept for parsing after scripts and styles are removed. Real article pages are well below
# this (typically 50-500 KB); trafilatura takes one to four seconds per megabyte on a busy 2-core machine.
MAX_PARSE_CHARS = 1_000_000
# Above this, trafilatura's fallback extractors (readability, jusText) are skipped: they double the time
# on huge pages, while on ordinary pages they rescue articles the main extractor misses.
FAST_ABOVE_CHARS = 400_000
META_CHARS = 150_000
# Dates come from the page's markup (meta tags, JSON-LD, <time>, the URL); htmldate's extensive search
# also guesses from free text, which on real pages returns copyright years and archive dates.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_META_TAG = re.compile(r"<meta\b[^>]*>", re.I)
_ATTR = re.compile(r"([\w:-]+)\s*=\s*[\"']([^\"']*)[\"']")
_TIME_KEYS = {"article:published_time", "og:article:published_time", "datepublished", "pubdate"}
_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')

_DROP_TAGS = ("script", "style", "noscript", "svg", "template", "iframe", "object")
_DROP_OPEN = re.compile(r"<(?:!--|(" + "|".join(_DROP_TAGS) + r")(?=[\s/>]))", re.I)
_DROP_CLOSE = {tag: re.compile(rf"</{tag}\s*>", re.I) for tag in _DROP_TAGS}
_JSON_LD = re.compile(r"ld\+json", re.I)
_MAX_JSON_LD = 200_000
_HTML_SNIFF = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<article[\s>]", re.I)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_.:-]+)""", re.I)


@dataclass(frozen=True, slots=True)
class Extracted:
    text: str  # normalised, paragraphs separated by blank lines; "" when no article text was found
    title: str = ""
    published: str | None = None
    site_name: str = ""
    url: str | None = None  # canonical URL the page declares, if any
    warnings: tuple[str, ...] = ()
    author: str = ""  # the page's byline or author metadata, without "By" ("Ana Reyes, Meridian Wire")


def looks_like_html(text: str) -> bool:
    """True when the start of ``text`` is an HTML document rather than prose that mentions a tag."""
    return _HTML_SNIFF.search(text[:4096]) is not None


# Tags that mark a string as an HTML fragment ("<p>Striker <b>Wendell</b> ...</p>"), as JSON exports
# and feeds carry article bodies.
_FRAGMENT_TAG = re.compile(
    r"</?(?:p|div|br|span|a|b|i|em|strong|u|ul|ol|li|h[1-6]|figure|figcaption|blockquote|section|"
    r"article|aside|img|table|tr|td|th|hr|iframe|script|style)(?:\s[^<>]*)?/?>",
    re.I,
)


def looks_like_fragment(text: str) -> bool:
    """True when ``text`` is HTML markup without a document around it (two or more known tags)."""
    if "<" not in text:
        return False
    found = _FRAGMENT_TAG.search(text)
    return found is not None and _FRAGMENT_TAG.search(text, found.end()) is not None


class _FragmentText(HTMLParser):
    """HTML fragment -> paragraphs: block tags break paragraphs, entities are decoded, and elements that
    never hold article text (scripts, captions, asides, related-story and newsletter boxes) are left out."""

    _BLOCKS = frozenset(
        {
            "p",
            "div",
            "br",
            "li",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "blockquote",
            "section",
            "article",
            "ul",
            "ol",
            "table",
            "tr",
            "hr",
            "main",
            "header",
            "pre",
            "dd",
            "dt",
        }
    )
    _DROP = frozenset(
        {
            "script",
            "style",
            "noscript",
            "template",
            "svg",
            "iframe",
            "object",
            "figure",
            "figcaption",
            "aside",
            "nav",
            "footer",
            "form",
            "button",
            "select",
            "textarea",
        }
    )
    _VOID = frozenset({"br", "img", "hr", "input", "meta", "link", "source", "wbr", "area", "col", "embed"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip: str | None = None  # the tag of the element being left out
        self._depth = 0  # its nesting among tags of the same name

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip is not None:
            self._depth += tag == self._skip
            return
        if tag not in self._VOID and (tag in self._DROP or _boilerplate_box(attrs)):
            self._skip, self._depth = tag, 1
        elif tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip is None and tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if self._skip is not None:
            if tag == self._skip:
                self._depth -= 1
                if self._depth <= 0:
                    self._skip = None
            return
        if tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._skip is None:
            self.parts.append(data)


# class or id names of boxes beside the article text ("related", "newsletter-signup", "share-tools", "ad")
_BOX = re.compile(
    r"(?:^|[\s_-])(?:related|newsletter|share|sharing|social|promo|advert|advertisement|ad|ads|paywall|"
    r"subscribe|subscription|recommended|more-stories|read-more|readmore|caption|credit|comments?|"
    r"signup|sign-up|byline|tags)(?:$|[\s_-])",
    re.I,
)


def _boilerplate_box(attrs: list[tuple[str, str | None]]) -> bool:
    return any(name in ("class", "id") and value and _BOX.search(value) for name, value in attrs)


def fragment_text(markup: str) -> str:
    """The text of an HTML fragment, one paragraph per block, paragraphs separated by blank lines."""
    parser = _FragmentText()
    parser.feed(markup)
    parser.close()
    paragraphs = (" ".join(p.split()) for p in "".join(parser.parts).split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


def html_charset(data: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag within its first 4 KB, if any."""
    m = _CHARSET.search(data[:4096])
    return m[1].decode("ascii", "replace").lower() if m else None


def strip_heavy_markup(markup: str) -> str:
    """Remove script-like elements and comments in one linear pass (JSON-LD metadata is kept).

    A single regex over whole elements backtracks badly on unclosed tags, so the openings are found by
    regex and each end with a plain forward search; an element that never closes runs to the end.
    """
    out: list[str] = []
    pos, n = 0, len(markup)
    while pos < n:
        m = _DROP_OPEN.search(markup, pos)
        if m is None:
            out.append(markup[pos:])
            break
        out.append(markup[pos : m.start()])
        if m[1] is None:  # comment
            end = markup.find("-->", m.end())
            pos = n if end < 0 else end + 3
            continue
        gt = markup.find(">", m.end())
        if gt > 0 and markup[gt - 1] == "/":  # self-closing, e.g. <svg .../>: drop only the tag
            pos = gt + 1
            continue
        close = _DROP_CLOSE[m[1].lower()].search(markup, m.end())
        end = n if close is None else close.end()
        if gt > 0 and _JSON_LD.search(markup, m.end(), gt) and end - m.start() <= _MAX_JSON_LD:
            out.append(markup[m.start() : end])  # structured metadata: publication date, publisher
        pos = end
    return "".join(out)


def extract_html(markup: str, *, url: str | None = None, max_parse_chars: int = MAX_PARSE_CHARS) -> Extracted:
    """Main text and metadata of an article page, paragraph breaks kept."""
    import trafilatura

    warnings: list[str] = []
    cleaned = strip_heavy_markup(markup)
    if len(cleaned) > max_parse_chars:
        warnings.append(
            f"page has {len(cleaned) / 1e6:.1f} MB of markup after removing scripts and styles; "
            f"only the first {max_parse_chars / 1e6:.1f} MB were parsed; the article end may be missing"
        )
        cleaned = cleaned[:max_parse_chars]
    cleaned = _live_times(cleaned)
    big = len(cleaned) > FAST_ABOVE_CHARS
    doc = trafilatura.bare_extraction(
        cleaned,
        url=url,
        fast=big,
        with_metadata=not big,
        date_extraction_params=_DATE_PARAMS,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        deduplicate=False,
    )
    if doc is None:
        return Extracted(text="", warnings=tuple(warnings))
    meta: object = doc
    if big:
        # Metadata search scans the whole tree and dominates on huge pages; the head and the article
        # header are at the top, so it reads only the first part.
        meta = trafilatura.extract_metadata(cleaned[:META_CHARS], default_url=url, date_config=_DATE_PARAMS)
    title = normalise_line(_field(meta, "title"))
    text = normalise_text(_field(doc, "text"), lines_are_paragraphs=True)
    # trafilatura keeps the page's <h1> as the first line; the title is carried separately.
    first, _, rest = text.partition("\n\n")
    if title and rest and first.casefold() == title.casefold():
        text = rest
    return Extracted(
        text=text,
        title=title,
        published=_published(cleaned[:META_CHARS], normalise_date(_field(meta, "date"))),
        site_name=normalise_line(_field(meta, "sitename")),
        url=_field(meta, "url") or None,
        warnings=tuple(warnings),
        author=page_author(_field(meta, "author")),
    )


# What trafilatura keeps of a byline line beside the names: "By Staff Reporter | Updated 07:45 GMT" gives
# "Staff Reporter; Updated".
_NOT_AUTHOR = re.compile(r"^(?:(?:last\s+)?updated|published|posted|modified|edited)\b|\d", re.I)


def page_author(raw: str) -> str:
    """trafilatura's author metadata as an author: its parts (it joins them with "; ") joined with ", "
    as the byline wrote them ("By Ana Reyes, Meridian Wire" gives "Ana Reyes; Meridian Wire"), leaving
    out the time stamps a byline line carries ("Updated", "Published ...", anything with a digit)."""
    parts = (normalise_author(p) for p in raw.split(";"))
    return ", ".join(p for p in parts if p and not _NOT_AUTHOR.search(p))


# A live blog's update time ("<time>07:42 GMT</time>"): trafilatura drops <time> elements, and with them
# when each update was posted, so two or more clock times become paragraphs of their own.
_CLOCK_TIME = re.compile(
    r"<time\b[^>]*>\s*(\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,5})?)\s*</time>", re.I
)


def _live_times(markup: str) -> str:
    if markup.count("<time") < 2 and markup.count("<TIME") < 2:
        return markup
    found = _CLOCK_TIME.findall(markup)
    return _CLOCK_TIME.sub(r"<p>\1</p>", markup) if len(found) >= 2 else markup


def _published(head: str, day: str | None) -> str | None:
    """The page's publication time when its meta tags or JSON-LD give one for the day found (trafilatura
    gives the day only): "2026-06-14T23:55:00+02:00" from ``article:published_time``, so an HTML page's
    time sorts with the times a feed or JSON input gives."""
    stamps = [
        attrs.get("content")
        for attrs in ({k.lower(): v for k, v in _ATTR.findall(tag)} for tag in _META_TAG.findall(head))
        if (attrs.get("property") or attrs.get("name") or attrs.get("itemprop", "")).lower() in _TIME_KEYS
    ] + _LD_PUBLISHED.findall(head)
    for raw in stamps:
        stamp = normalise_date(raw)
        if stamp and len(stamp) > 10 and (day is None or stamp.startswith(day)):
            return stamp
    return day


def _field(doc: object, name: str) -> str:
    value = doc.get(name) if isinstance(doc, dict) else getattr(doc, name, None)
    return value if isinstance(value, str) else ""
