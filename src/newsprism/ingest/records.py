"""Parse the input formats (text with header lines, HTML, JSON, JSON lines) into drafts.

A draft is an article before normalisation: raw text or raw HTML plus whatever metadata the input gave.
Parsers never raise for bad content; each problem becomes a ``Skipped`` so the rest of the input is read.
"""

from __future__ import annotations

import codecs
import dataclasses
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from newsprism.errors import InputError
from newsprism.model import Skipped
from newsprism.normalise.html import fragment_text, html_charset, looks_like_fragment, looks_like_html
from newsprism.segment._rules import DATELINE_START


@dataclass(frozen=True, slots=True)
class Draft:
    """One article as read, before normalisation; exactly one of ``text`` and ``html`` is used."""

    origin: str
    text: str = ""
    html: str = ""
    title: str = ""
    outlet: str = ""
    url: str | None = None
    published: str | None = None
    warnings: tuple[str, ...] = ()
    lines_are_paragraphs: bool | None = None
    # An outlet name to use when neither ``outlet`` nor the page's declared site name gives one, before
    # the URL's host: a feed's channel title for the page an entry links to, the outlet a text's byline
    # ("By Ines Holm, Lamm Press") or outlet line under its headline names.
    fallback_outlet: str = ""
    # The name of the file it came from, the outlet's name when nothing else gives one (not its host).
    file_outlet: str = ""
    # Who wrote it, as the input gives it apart from the text (an author field or header line, a feed
    # entry's author, a byline line taken out of the body); an HTML page's own byline is read later.
    author: str = ""


Parsed = list[Draft | Skipped]

# ---------------------------------------------------------------------------- bytes -> str


def decode(data: bytes, origin: str, *, declared: str | None = None) -> tuple[str, tuple[str, ...]]:
    """Text of a file or response; raises :class:`InputError` for binary data or undecodable bytes.

    Valid UTF-8 is taken as UTF-8 even when a page declares another charset: real Latin-1 or
    Windows-1252 text with accents is almost never valid UTF-8, while misdeclared UTF-8 pages are common.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _check_printable(data.decode("utf-16"), origin), ()
        except UnicodeDecodeError as exc:
            raise InputError(origin, "starts like UTF-16 but does not decode; save it as UTF-8") from exc
    if b"\x00" in data[:65536]:
        raise InputError(origin, "looks like a binary file (it contains NUL bytes); pass text, HTML or JSON")
    candidates = [c for c in ("utf-8", declared) if c]
    for name in candidates:
        try:
            return _check_printable(
                data.decode("utf-8-sig" if name.lower() in ("utf-8", "utf8") else name), origin
            ), ()
        except (UnicodeDecodeError, LookupError):
            continue
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise InputError(
            origin, "is not valid UTF-8 or Windows-1252 text (binary data?); save it as UTF-8"
        ) from exc
    return _check_printable(text, origin), ("not UTF-8; read as Windows-1252, check accented letters",)


def check_text(text: str, origin: str) -> str:
    """The same binary checks as :func:`decode`, for text that arrives already decoded (stdin)."""
    if "\x00" in text[:65536]:
        raise InputError(origin, "looks like binary data (it contains NUL bytes); pass text, HTML or JSON")
    return _check_printable(text, origin)


def _check_printable(text: str, origin: str) -> str:
    """Refuse text that is mostly control, private-use or replacement characters (binary read as text).

    Only those count: ``str.isprintable`` also rejects no-break and thin spaces, which some sites put
    between every word.
    """
    sample = text[:100_000]
    if sample:
        bad = len(_BINARY.findall(sample))
        if bad / len(sample) > 0.05:
            raise InputError(
                origin,
                f"looks like binary data ({bad / len(sample):.0%} unprintable characters); "
                "pass text, HTML or JSON",
            )
    return text


# Control characters (not tab or line breaks), private use, surrogates and the replacement character.
_BINARY = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\ufffd]")


# ---------------------------------------------------------------------------- text with header lines

_HEADER = re.compile(
    r"^\s*(title|headline|outlet|source|publisher|date|published|url|link|author|byline|by)\s*:\s*(.*?)\s*$",
    re.I,
)
_HEADER_FIELD = {
    "title": "title",
    "headline": "title",
    "outlet": "outlet",
    "source": "outlet",
    "publisher": "outlet",
    "date": "published",
    "published": "published",
    "url": "url",
    "link": "url",
    "author": "author",
    "byline": "author",
    "by": "author",
}


def parse_text(text: str, origin: str, *, markdown: bool = False, warnings: tuple[str, ...] = ()) -> Draft:
    """Plain text: optional ``Title:``, ``Outlet:``, ``Date:``, ``URL:``, ``Author:`` lines, a blank line,
    the body."""
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    fields, at = _headers(lines, start)
    headline = ""
    if not fields and start + 1 < len(lines):
        # the headline on the first line, the header lines under it ("Outlet: ...", "Date: ...")
        fields, at = _headers(lines, start + 1)
        if fields and "title" not in fields and _headline_shape(lines[start].strip()):
            headline = lines[start].strip()
        else:
            fields, at = {}, start
    body_lines = lines[at:] if fields else lines[start:]
    body = "\n".join(body_lines)
    title = fields.get("title", "") or headline
    if markdown:
        body, title = _strip_markdown(body, title)
    body, byline, byline_outlet = _drop_byline(body)
    line_outlet = ""
    if not title:
        body, title, line_outlet = _first_line_title(body)
        if title and not byline:  # a byline right under the headline stands alone once that is out
            body, byline, byline_outlet = _drop_byline(body, within=1)
    author = byline
    if byline_outlet and "," in byline and not fields.get("outlet"):
        # "By Ines Holm, Lamm Press": the outlet is the article's; with an Outlet: line naming another the
        # byline stays whole, so a wire credit in it ("By Jo Lund, Associated Press") is not lost
        author = byline.rpartition(",")[0].strip()
    return Draft(
        origin=origin,
        text=body,
        title=title,
        outlet=fields.get("outlet", ""),
        url=fields.get("url") or None,
        published=fields.get("published") or None,
        warnings=warnings,
        fallback_outlet=byline_outlet or line_outlet or _dateline_agency(body),
        author=fields.get("author") or author,
    )


# "OSKVIK, Lurevia, March 10 (Kestrel Press) — ": an agency's own copy, saved to a file with no outlet line
_DATELINE_AGENCY = re.compile(
    r"^[^\n(]{2,80}\(((?:[A-Z][\w&.'’-]*\s+){0,4}(?:Press(?:\s+Agency)?|Agency|Wire|Newswire|News\s+Service)"
    r"|Reuters|AP|AFP|UPI|Xinhua|DPA|dpa)\)\s*[-–—]"
)


def _dateline_agency(body: str) -> str:
    """The agency a text's opening dateline credits, the outlet's name when nothing else gives one: a file
    named "kestrel_press.txt" reads better as "Kestrel Press" (a reprint names its own paper otherwise)."""
    m = _DATELINE_AGENCY.match(body.lstrip())
    return m.group(1).strip() if m and DATELINE_START.match(body.lstrip()) else ""


def _headers(lines: list[str], at: int) -> tuple[dict[str, str], int]:
    """The header lines from ``at`` on and where the body starts; none unless a blank line ends them or
    there are two or more (a single "Date: ..." line running into prose may be the prose itself)."""
    start = at
    fields: dict[str, str] = {}
    while at < len(lines) and (m := _HEADER.match(lines[at])):
        key = _HEADER_FIELD[m[1].lower()]
        if key in fields:
            break
        fields[key] = m[2]
        at += 1
    if fields and (at == len(lines) or not lines[at].strip() or len(fields) >= 2):
        return fields, at
    return {}, start


# A byline line at the top of the body ("By Mara Quill", "*By Valley Radio newsroom*"): not article text.
_BYLINE = re.compile(r"^\s*[*_]{0,2}\s*by\s+([^.!?:;*_]{2,80}?)\s*[*_]{0,2}\s*$", re.I)
# A byline naming a newsroom rather than a person gives the outlet: "By Valley Radio newsroom".
_NEWSROOM = re.compile(
    r"^(?:the\s+)?(.+?)\s+(?:newsroom|news\s?desk|desk|staff|staff reporters?|reporters|news team|"
    r"editorial team|correspondents?)$",
    re.I,
)


# What follows the comma of "By Ines Holm, Staff Writer": a role, not an outlet.
_ROLE = re.compile(
    r"\b(?:writer|reporter|correspondent|editor|columnist|contributor|chief|producer|journalist|analyst|"
    r"photographer|critic|commentator|presenter|intern|staff|freelancer?)s?$",
    re.I,
)


def _byline_name(line: str) -> str:
    """The name of a byline line ("By Ines Holm" -> "Ines Holm"), "" when the line is none."""
    m = _BYLINE.match(line)
    if m is None or len(m[1].split()) > 10 or not re.sub(r"^the\s+", "", m[1], flags=re.I)[:1].isupper():
        return ""
    return m[1].strip()


def _byline_outlet(name: str) -> str:
    """The outlet a byline's name gives: a newsroom's ("Valley Radio newsroom" -> "Valley Radio") or the
    capitalised words after a person's comma ("Ines Holm, Lamm Press" -> "Lamm Press", not a role such as
    "Staff Writer"); "" for a person alone."""
    person, comma, after = name.rpartition(",")
    after = after.strip()
    if not comma:
        newsroom = _NEWSROOM.match(name)
        return newsroom[1] if newsroom else ""
    return after if person.strip() and _outlet_words(after, most=8) and not _ROLE.search(after) else ""


def _outlet_words(line: str, *, most: int) -> bool:
    """Up to ``most`` capitalised words without digits or sentence punctuation ("Lamm FM News"), not a
    day or month ("Saturday", "June")."""
    words = line.split()
    return (
        0 < len(words) <= most
        and all(w[:1].isupper() or w == "&" for w in words)
        and not any(c.isdigit() or c in '.,;:!?"()\u201c\u201d' for c in line)
        and not any(_CALENDAR.match(w) for w in words)
    )


_CALENDAR = re.compile(
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|august|"
    r"september|october|november|december|today|yesterday|tonight)$",
    re.I,
)


def _drop_byline(body: str, *, within: int = 3) -> tuple[str, str, str]:
    """The body without a byline (a line of its own among its first ``within``), the byline's name (the
    article's author: "By AP" -> "AP"), and the outlet the byline names (see :func:`_byline_outlet`)."""
    lines = body.split("\n")
    seen = 0
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        if seen > within:
            break
        alone = (i == 0 or not lines[i - 1].strip()) and (i + 1 == len(lines) or not lines[i + 1].strip())
        name = _byline_name(line) if alone else ""  # a line of its own, not a wrapped sentence's start
        if name:
            return "\n".join(lines[:i] + lines[i + 1 :]), name, _byline_outlet(name)
    return body, "", ""


_TITLE_MAX_WORDS = 16


def _first_line_title(body: str) -> tuple[str, str, str]:
    """The body without its headline, the headline, and the outlet an outlet line under it names.

    A short first line with no sentence end is the headline ("Mill fire in Varnholt") when a blank line
    follows it, or when the next line is a byline standing alone, opens with a wire dateline ("VARNHOLT
    (Lamm Press) - ...") or is an unwrapped paragraph (over 100 characters); or when one short outlet line
    ("Varnholt FM News") and a blank line follow it, which leaves the body too. A first line above a
    shorter line of prose is a hard-wrapped paragraph's: no title.
    """
    lines = body.split("\n")
    at = next((i for i, line in enumerate(lines) if line.strip()), None)
    if at is None or at + 1 >= len(lines) or not _headline_shape(lines[at].strip()):
        return body, "", ""
    line, after = lines[at].strip(), lines[at + 1].strip()
    blank_after = at + 2 >= len(lines) or not lines[at + 2].strip()
    outlet = ""
    if not after:
        rest = lines[at + 2 :]
    elif _outlet_words(after, most=5) and blank_after and not _byline_name(after):
        rest, outlet = lines[at + 3 :], after
    elif (
        (_byline_name(after) and blank_after)
        or DATELINE_START.match(after)
        or (len(after) > 100 and (after[0].isupper() or after[0].isdigit() or after[0] in "\"'\u2018\u201c"))
    ):
        rest = lines[at + 1 :]
    else:
        return body, "", ""
    if not "\n".join(rest).strip():
        return body, "", ""
    return "\n".join(rest), line, outlet


def _headline_shape(line: str) -> bool:
    """Short, no sentence end, a capital, digit or quotation mark first, not a date, byline or header line
    ("Date: the union set it for Friday" running into prose)."""
    if (
        len(line.split()) > _TITLE_MAX_WORDS
        or len(line) > 150
        or line[-1] in ".,;:!?\u2014-"
        or (line[-1] in "\"'\u201d\u2019" and line[-2:-1] in (".", ",", "!", "?"))
        or not (line[0].isupper() or line[0].isdigit() or line[0] in "\"'\u2018\u201c")
        or _byline_name(line)
        or _HEADER.match(line)
    ):
        return False
    from newsprism.normalise.meta import normalise_date

    return not normalise_date(line)  # a date line above the story is no headline


_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_MD_INLINE = (
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their text
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"), r"\1"),  # italics
)


def _strip_markdown(body: str, title: str) -> tuple[str, str]:
    """Drop heading markers; a leading heading becomes the title when no ``Title:`` line gave one."""
    lines = body.split("\n")
    out: list[str] = []
    for line in lines:
        m = _MD_HEADING.match(line)
        if m and not title and not any(x.strip() for x in out):
            title = m[1]
            continue
        out.append(m[1] if m else line)
    body = "\n".join(out)
    for pattern, repl in _MD_INLINE:
        body = pattern.sub(repl, body)
    return body, title


# ---------------------------------------------------------------------------- JSON

_ALIASES: dict[str, tuple[str, ...]] = {
    "text": (
        "text",
        "content",
        "body",
        "article",
        "maintext",
        "full_text",
        "fulltext",
        "story",
        "description",
    ),
    "html": ("html", "raw_html", "content_html", "body_html"),
    "title": ("title", "headline", "name"),
    "outlet": (
        "outlet",
        "source",
        "publisher",
        "site_name",
        "sitename",
        "site",
        "domain",
        "media",
        "source_domain",
    ),
    "url": ("url", "link", "uri", "href", "canonical_url"),
    "published": (
        "published",
        "date",
        "published_at",
        "publishedat",
        "pubdate",
        "date_publish",
        "publish_date",
        "datetime",
        "time",
        "timestamp",
        "created_at",
    ),
}
# Who wrote it: a name, a list of names (``["Jane Doe", "AP"]`` is "Jane Doe, AP"), or objects with a
# ``name`` (JSON Feed's ``authors``, schema.org's ``author``).
_AUTHOR_KEYS = ("author", "authors", "byline", "creator", "creators", "dc:creator")
_LIST_KEYS = ("articles", "items", "documents", "docs", "data", "results", "entries")


def parse_json(text: str, origin: str, *, default_url: str | None = None) -> Parsed:
    """A JSON object or a list of objects (also ``{"articles": [...]}``); list items get ``#n`` origins."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return [
            Skipped(
                origin,
                f"not valid JSON ({exc.msg.removesuffix(' at')} at line {exc.lineno}, column {exc.colno}); "
                "fix the file",
            )
        ]
    if isinstance(data, Mapping) and not _has_body(data):
        for key in _LIST_KEYS:
            if isinstance(data.get(key), list):
                data = data[key]
                break
    if isinstance(data, Mapping):
        return [record(data, origin, default_url=default_url)]
    if isinstance(data, list):
        if not data:
            return [Skipped(origin, "JSON list is empty; nothing to read")]
        return [
            record(item, f"{origin}#{i}", default_url=default_url)
            if isinstance(item, Mapping)
            else Skipped(
                f"{origin}#{i}",
                f"item {i} is a JSON {type(item).__name__}, not an object with a 'text' field",
            )
            for i, item in enumerate(data, start=1)
        ]
    return [Skipped(origin, "JSON must be an object or a list of objects with 'title' and 'text' fields")]


def parse_jsonl(text: str, origin: str, *, default_url: str | None = None) -> Parsed:
    """One JSON object per line; a bad line skips only itself, named by file and line number."""
    out: Parsed = []
    for lineno, line in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{lineno}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            out.append(
                Skipped(where, f"line {lineno} of {origin} is not valid JSON ({exc.msg}); fix or remove it")
            )
            continue
        if not isinstance(item, Mapping):
            out.append(
                Skipped(where, f"line {lineno} of {origin} is not a JSON object; each line needs one article")
            )
            continue
        out.append(record(item, where, default_url=default_url))
    if not out:
        out.append(Skipped(origin, "no JSON lines in the file; nothing to read"))
    return out


def record(item: Mapping[str, object], origin: str, *, default_url: str | None = None) -> Draft | Skipped:
    """One article object, with field aliases resolved case-insensitively."""
    fields = {str(k).lower(): v for k, v in item.items()}
    values = {name: _first(fields, aliases) for name, aliases in _ALIASES.items()}
    text, html = values["text"], values["html"]
    if not text and not html:
        return Skipped(origin, "has no 'text' (or 'content'/'body') or 'html' field with article text")
    if text and looks_like_html(text) and not html:
        text, html = "", text
    elif text and looks_like_fragment(text):  # "<p>Striker <b>Wendell</b> ...</p>": markup, not prose
        text = fragment_text(text)
    elif html and not text and not looks_like_html(html):  # a fragment, not a page for trafilatura
        text, html = fragment_text(html), ""
    return Draft(
        origin=origin,
        text=text,
        html=html if not text else "",
        title=values["title"],
        outlet=values["outlet"],
        url=values["url"] or default_url,
        published=values["published"] or None,
        author=_author(fields),
    )


def _author(fields: Mapping[str, object]) -> str:
    """The first author field that names someone, several names joined with ", "."""
    for key in _AUTHOR_KEYS:
        value = fields.get(key)
        items = value if isinstance(value, list) else [value]
        names = [_author_name(v) for v in items]
        joined = ", ".join(n for n in names if n)
        if joined:
            return joined
    return ""


def _author_name(value: object) -> str:
    if isinstance(value, Mapping):  # {"name": "Jane Doe", "url": ...}
        value = value.get("name") or value.get("title")
    return " ".join(value.split()) if isinstance(value, str) else ""


def _has_body(data: Mapping[str, object]) -> bool:
    keys = {str(k).lower() for k in data}
    return any(a in keys for a in _ALIASES["text"] + _ALIASES["html"])


def _first(fields: Mapping[str, object], aliases: Iterable[str]) -> str:
    for alias in aliases:
        value = fields.get(alias)
        if isinstance(value, Mapping):  # e.g. NewsAPI's "source": {"id": ..., "name": ...}
            value = value.get("name") or value.get("title")
        if isinstance(value, list):  # e.g. paragraphs as a list of strings
            value = "\n\n".join(v for v in value if isinstance(v, str)) or None
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, int | float):
            value = str(value)
        if isinstance(value, str) and value.strip():
            return value
    return ""


# ---------------------------------------------------------------------------- dispatch on content


def parse_content(
    text: str,
    origin: str,
    *,
    hint: str = "",
    default_url: str | None = None,
    warnings: tuple[str, ...] = (),
) -> Parsed:
    """Parse decoded content by ``hint`` (a file extension or fetched kind), sniffing when it is unclear."""
    if hint in (".json", "json"):
        return parse_json(text, origin, default_url=default_url)
    if hint in (".jsonl", ".ndjson", "jsonl"):
        return parse_jsonl(text, origin, default_url=default_url)
    if hint in (".html", ".htm", ".xhtml", "html") or looks_like_html(text):
        return [Draft(origin=origin, html=text, url=default_url, warnings=warnings)]
    if hint not in (".txt", ".md", ".markdown", "text"):
        head = text.lstrip("\ufeff \t\r\n")[:1]
        if head in ("{", "["):
            parsed = parse_json(text, origin, default_url=default_url)
            if not (
                len(parsed) == 1 and isinstance(parsed[0], Skipped) and "not valid JSON" in parsed[0].reason
            ):
                return parsed
            # JSON lines, perhaps with a broken line (the lines reader skips just that one)
            lines = [ln.lstrip() for ln in text.splitlines() if ln.strip()]
            objects = sum(ln.startswith("{") for ln in lines)
            if len(lines) > 1 and lines[0].startswith("{") and objects * 2 > len(lines):
                return parse_jsonl(text, origin, default_url=default_url)
            return parsed
    draft = parse_text(text, origin, markdown=hint in (".md", ".markdown"), warnings=warnings)
    if default_url and not draft.url:
        draft = dataclasses.replace(draft, url=default_url)
    return [draft]


def charset_for_html(data: bytes) -> str | None:
    """Charset to try first for an HTML file: the one its ``<meta>`` tag declares."""
    return html_charset(data)
