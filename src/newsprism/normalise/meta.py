"""Outlet names from URLs and publication dates in ISO form, so sources compare and sort consistently."""

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


def normalise_date(value: str | None) -> str | None:
    """An ISO date (``YYYY-MM-DD``) or datetime for the date forms news sites use; None if unreadable.

    Ambiguous numeric forms such as ``03/04/2025`` are refused rather than guessed.
    """
    if value is None:
        return None
    raw = " ".join(str(value).split())
    if not raw:
        return None
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
