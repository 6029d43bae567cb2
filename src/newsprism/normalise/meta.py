"""Outlet names from URLs, publication dates in ISO form and tidy author names, so sources compare and
sort consistently."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit


def outlet_from_url(url: str | None) -> str:
    """The outlet a URL belongs to: its lower-cased host without ``www.`` ("" when there is none)."""
    if not url:
        return ""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    host = host.rstrip(".").lower()
    for prefix in ("www.", "www1.", "www2.", "m.", "amp."):
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix) :]
            break
    return host


# "By Jane Doe", "by: AP", "Written by Jo Lund", with emphasis marks around it ("*By Valley Radio*")
_BY = re.compile(r"^(?:written\s+)?by(?::\s*|\s+)", re.I)
_AUTHOR_TRIM = " \t*_|;,:-\u2013\u2014"


def normalise_author(value: str | None) -> str:
    """An author or byline as one line without its leading ``By`` and the emphasis or separators around
    it (``"*By Mara Quill*"`` -> ``"Mara Quill"``, ``"By AP"`` -> ``"AP"``); "" for none."""
    if not value:
        return ""
    text = " ".join(str(value).split()).strip(_AUTHOR_TRIM)
    return "" if text.lower() == "by" else _BY.sub("", text).strip(_AUTHOR_TRIM)


_MONTHS = {
    name: i
    for i, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_WEEKDAY = re.compile(r"^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+", re.I)
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})$", re.I)
_MONTH_DAY_YEAR = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$", re.I)
_NUMERIC = re.compile(r"^(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})$")


# Time zone abbreviations as feeds and pages write them, in minutes east of UTC. Ambiguous ones that are
# not the usual meaning in news feeds (IST: India, Ireland or Israel) are left out: such a time is read as
# its day only. CST, like RFC 2822, is North American Central time.
_ZONES = {
    **dict.fromkeys(("UT", "UTC", "GMT", "Z", "WET"), 0),
    **dict.fromkeys(("BST", "WEST", "CET", "MET", "WAT", "IRISH"), 60),
    **dict.fromkeys(("CEST", "MEST", "EET", "SAST", "CAT"), 120),
    **dict.fromkeys(("EEST", "MSK", "EAT"), 180),
    "GST": 240,
    "PKT": 300,
    **dict.fromkeys(("ICT", "WIB"), 420),
    **dict.fromkeys(("HKT", "SGT", "AWST", "PHT"), 480),
    **dict.fromkeys(("JST", "KST"), 540),
    "ACST": 570,
    "AEST": 600,
    "ACDT": 630,
    "AEDT": 660,
    "NZST": 720,
    "NZDT": 780,
    "NDT": -150,
    "NST": -210,
    "ADT": -180,
    **dict.fromkeys(("AST", "EDT"), -240),
    **dict.fromkeys(("EST", "CDT"), -300),
    **dict.fromkeys(("CST", "MDT"), -360),
    **dict.fromkeys(("MST", "PDT"), -420),
    **dict.fromkeys(("PST", "AKDT"), -480),
    "AKST": -540,
    "HST": -600,
}
_ZONES.pop("IRISH")
# A clock time followed by a zone abbreviation ("17:05:00 CET", "9:40 (EST)").
_TIME_ZONE = re.compile(r"(\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*\(?([A-Za-z]{1,5})\)?$")
# A 12-hour clock time ("5:05 PM", "9:40 a.m."), written as 24-hour time before parsing.
_AM_PM = re.compile(r"\b(\d{1,2}):(\d{2})(:\d{2})?\s*([ap])\.?\s?m\b\.?", re.I)
# A numeric offset with the zone's name in a comment after it ("+0100 (CET)").
_OFFSET_COMMENT = re.compile(r"([+-]\d{2}:?\d{2})\s*\([A-Za-z ]{1,30}\)$")


def normalise_date(value: str | None) -> str | None:
    """An ISO date (``YYYY-MM-DD``) or datetime for the date forms news sites use; None if unreadable.

    A time keeps the offset its source gave (``-05:00`` for ``EST``, ``+01:00`` for ``CET``); a time
    with a zone abbreviation not known here gives its day only. Ambiguous numeric forms such as
    ``03/04/2025`` are refused rather than guessed.
    """
    if value is None:
        return None
    raw = " ".join(str(value).split())
    if not raw:
        return None
    raw = _OFFSET_COMMENT.sub(r"\1", raw)
    if "m" in raw.lower():
        raw = _AM_PM.sub(_24_hour, raw)
    if (m := _TIME_ZONE.search(raw)) and m[2].upper() != "Z":
        minutes = _ZONES.get(m[2].upper())
        head = raw[: m.end(1)]
        if minutes is None:  # an unknown zone: the day, which does not depend on it much
            day = normalise_date(head)
            return day[:10] if day else None
        sign, minutes = ("-" if minutes < 0 else "+"), abs(minutes)
        iso_form = re.match(r"\d{4}-\d{2}-\d{2}", head) is not None
        raw = (
            f"{head}{sign}{minutes // 60:02d}:{minutes % 60:02d}"
            if iso_form
            else (f"{head} {sign}{minutes // 60:02d}{minutes % 60:02d}")
        )
    elif raw.endswith(" -0000"):  # RFC 2822's "no zone information", UTC in practice
        raw = raw[:-5] + "+0000"
    iso = _iso(raw)
    if iso is not None:
        return iso
    if raw.isdigit() and len(raw) in (10, 13):  # Unix time in seconds or milliseconds, as APIs send it
        seconds = int(raw) / (1000 if len(raw) == 13 else 1)
        return datetime.fromtimestamp(seconds, UTC).isoformat()
    try:
        return parsedate_to_datetime(raw).isoformat()  # RFC 2822, as in RSS and HTTP headers
    except (TypeError, ValueError, IndexError):
        pass
    text = _WEEKDAY.sub("", raw)
    if m := _DAY_MONTH_YEAR.match(text):
        return _ymd(int(m[3]), _MONTHS.get(m[2].lower(), 0), int(m[1]))
    if m := _MONTH_DAY_YEAR.match(text):
        return _ymd(int(m[3]), _MONTHS.get(m[1].lower(), 0), int(m[2]))
    if m := _NUMERIC.match(text):
        a, b, c = (int(g) for g in m.groups())
        if len(m[1]) == 4:
            return _ymd(a, b, c)
        if len(m[3]) == 4:
            if a > 12 >= b:
                return _ymd(c, b, a)
            if b > 12 >= a:
                return _ymd(c, a, b)
    return None


def _24_hour(m: re.Match[str]) -> str:
    hour = int(m[1])
    if not 1 <= hour <= 12:
        return m[0]
    hour = hour % 12 + (12 if m[4].lower() == "p" else 0)
    return f"{hour:02d}:{m[2]}{m[3] or ''}"


def _iso(raw: str) -> str | None:
    text = raw.replace(" ", "T", 1) if re.match(r"^\d{4}-\d{2}-\d{2} \d", raw) else raw
    text = re.sub(r"Z$", "+00:00", text)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return _ymd(int(text[:4]), int(text[5:7]), int(text[8:10]))
    if not re.match(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", text):
        return None
    try:
        return datetime.fromisoformat(text).isoformat()
    except ValueError:
        return None


def _ymd(year: int, month: int, day: int) -> str | None:
    try:
        return datetime(year, month, day).date().isoformat()
    except ValueError:
        return None
