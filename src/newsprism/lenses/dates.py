"""Dates in news text, resolved against the article's own date when it is known.

"On Friday" in a Saturday paper and "on June 10" in another outlet can only be compared once both are
calendar dates, so each mention becomes an interval ``[low, high]`` of days (a day, a week, a month, a
year). Without an article date a relative mention keeps what it says (a weekday name, a month and day)
and is compared on that alone. Regular expressions over the string: predictable and fast.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

__all__ = ["DateMention", "extract_dates", "parse_published", "same_time"]

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
_NUM_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
              "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}  # fmt: skip
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}

# a full name takes no period: "on 18 September." ends the sentence, the mention is "18 September"
_MONTH_RE = (
    r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
)
_DAY_RE = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR_RE = r"(?P<year>(?:18|19|20)\d\d)"
_NUM = r"(?P<n>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"

# fmt: off
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>(?:18|19|20)\d\d)-(?P<m>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("mdy", re.compile(rf"\b{_MONTH_RE}\s+{_DAY_RE}\b(?:,?\s+{_YEAR_RE}\b)?")),
    ("dmy", re.compile(rf"\b{_DAY_RE}\s+(?:of\s+)?{_MONTH_RE}(?:,?\s+{_YEAR_RE}\b)?", re.I)),
    ("my", re.compile(rf"\b(?:in|since|until|by|during|early|late|mid-?|last|next|this)\s+{_MONTH_RE}"
                      rf"(?:,?\s+{_YEAR_RE}\b)?", re.I)),
    ("month_year", re.compile(rf"\b{_MONTH_RE}\s+{_YEAR_RE}\b")),
    ("weekday", re.compile(r"\b(?:(?P<rel>(?i:last|next|this|on|previous|coming))\s+)?"
                           r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")),
    ("ago", re.compile(rf"\b{_NUM}\s+(?P<unit>day|week|month|year)s?\s+"
                       r"(?P<dir>ago|earlier|later|before|after)\b", re.I)),
    ("relword", re.compile(r"\b(?P<w>today|yesterday|tomorrow|tonight|this morning|this afternoon"
                           r"|this evening|last night)\b", re.I)),
    ("relperiod", re.compile(r"\b(?P<rel>last|this|next|earlier this|later this|past)\s+"
                             r"(?P<unit>week|month|year|weekend)\b", re.I)),
    ("year", re.compile(r"\b(?:in|since|until|by|during|of|from|before|after|early|late|mid-?)\s+"
                        r"(?P<year>(?:18|19|20)\d\d)\b", re.I)),
]
# fmt: on


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date expression; ``low``/``high`` are set when it could be placed on the calendar."""

    start: int
    end: int
    text: str
    granularity: str  # day, week, month, year
    low: date | None = None
    high: date | None = None
    weekday: int | None = None  # 0 = Monday, when the text names one
    month: int | None = None
    day: int | None = None
    year: int | None = None
    offset: bool = False  # "three days after": relative to another event, not to the article
    reporting: bool = False  # "officials said Monday": when a source spoke, compared only with its like
    # "bound" for a date something must happen by ("by Friday", "before Friday", "a Tuesday deadline"),
    # "effective" for the day a decision takes effect ("resign effective Friday"), else ""
    role: str = ""

    @property
    def resolved(self) -> bool:
        return self.low is not None and self.high is not None


def parse_published(published: str | None) -> date | None:
    """The article date from ``Article.published`` (ISO date or datetime); None when absent or unreadable."""
    if not published:
        return None
    text = published.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    return None


def extract_dates(text: str, published: date | None = None) -> list[DateMention]:
    """Every date mention in ``text``, longest first where they overlap, resolved when possible."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            mention = _mention(kind, m, published)
            if mention is not None:
                found.append(mention)
                taken.append((mention.start, mention.end))
    found.sort(key=lambda d: d.start)
    return [_anchored(d, found, text) if d.offset else replace(d, role=_role(text, d)) for d in found]


def _role(text: str, d: DateMention) -> str:
    before = text[max(0, d.start - 20) : d.start].lower().split()[-1:]
    if before == ["effective"]:
        return "effective"
    deadline = text[d.end : d.end + 10].lower().lstrip().startswith("deadline")
    return "bound" if deadline or set(before) & {"before", "until", "till", "by"} else ""


_POSSESSIVE = re.compile(r"['’]s\b")
# a future act: a bare weekday after these in its clause is the coming one, not the last
_FUTURE = re.compile(
    r"\b(?:will|won't|shall|is|are)\s+(?:\w+\s+)?(?:to|due|expected|set|scheduled|planned)\b"
    r"|\b(?:will|won't|shall|'ll|plans? to|intends? to|scheduled|upcoming|must|has to|have to|needs? to)\b"
    r"|\b(?:takes|take) effect\b|\bcomes? into (?:force|effect)\b"  # "the ceasefire takes effect on Friday"
    r"|\b(?:by|before)\s*$",  # "file by Friday": a deadline is ahead
    re.I,
)
_BRIDGE = re.compile(r"\s*(?:the\s+)?")  # "two days before [the] March 3 vote"
_CLAUSE_BREAK = re.compile(r"[.;!?]\s")


def _anchored(offset: DateMention, found: list[DateMention], text: str) -> DateMention:
    """An offset from a date the sentence gives ("three days after March 3", "on Sunday, and two days
    later") is that date moved; an offset from an event ("three days after the vote") stays unplaced."""
    words = offset.text.lower().split()
    n, unit, direction = _number(words[0]), words[1].rstrip("s"), words[-1]
    if direction in ("after", "before"):
        anchor = next((d for d in found if d.start >= offset.end), None)
        near = anchor is not None and _BRIDGE.fullmatch(text[offset.end : anchor.start]) is not None
    else:  # "later", "earlier": counted from the last date before it in the same sentence
        anchor = next((d for d in reversed(found) if d.end <= offset.start and not d.offset), None)
        near = anchor is not None and not _CLAUSE_BREAK.search(text[anchor.end : offset.start])
    if not near or anchor is None or not anchor.resolved or n is None or unit not in _UNIT_DAYS:
        return offset
    assert anchor.low is not None and anchor.high is not None
    sign = 1 if direction in ("after", "later") else -1
    shift = timedelta(days=sign * n * _UNIT_DAYS[unit])
    slack = timedelta(days=0 if unit in ("day", "week") else _UNIT_DAYS[unit] // 2)
    low, high = anchor.low + shift - slack, anchor.high + shift + slack
    if low == high:
        return DateMention(offset.start, offset.end, offset.text, "day", low, high, low.weekday(), low.month,
                           low.day, low.year)  # fmt: skip
    return DateMention(offset.start, offset.end, offset.text, anchor.granularity, low, high)


def _mention(kind: str, m: re.Match[str], pub: date | None) -> DateMention | None:
    start, end, text = m.start(), m.end(), m.group()
    g = m.groupdict()
    if kind == "iso":
        d = _safe_date(int(g["year"]), int(g["m"]), int(g["day"]))
        if d is None:
            return None
        return DateMention(start, end, text, "day", d, d, d.weekday(), d.month, d.day, d.year)
    if kind in ("mdy", "dmy"):
        month = _MONTHS[g["mon"].lower().rstrip(".")]
        day = int(g["day"])
        if not 1 <= day <= 31:
            return None
        if kind == "dmy" and g["mon"].lower() in ("may", "mar") and g["mon"][0].islower():
            return None  # "5 may be" is not a date
        year = int(g["year"]) if g.get("year") else _infer_year(month, day, pub)
        d = _safe_date(year, month, day) if year else None
        return DateMention(start, end, text, "day", d, d, d.weekday() if d else None, month, day,
                           int(g["year"]) if g.get("year") else None)  # fmt: skip
    if kind in ("my", "month_year"):
        word = g["mon"]
        if word.lower() == "may" and kind == "my" and not g.get("year") and word[0].islower():
            return None  # "in may" the verb
        if word[0].islower() and kind == "my":
            return None
        month = _MONTHS[word.lower().rstrip(".")]
        year = int(g["year"]) if g.get("year") else _infer_year(month, 15, pub)
        lo = date(year, month, 1) if year else None
        hi = _month_end(year, month) if year else None
        return DateMention(start, end, text, "month", lo, hi, None, month, None,
                           int(g["year"]) if g.get("year") else None)  # fmt: skip
    if kind == "weekday":
        wd = _WEEKDAYS[g["wd"].lower()]
        rel = (g.get("rel") or "").lower()
        if rel == "on":
            start = m.start("wd")
            text = g["wd"]
        if not rel or rel == "on":
            clause = _CLAUSE_BREAK.split(m.string[max(0, m.start() - 80) : m.start()])[-1]
            # "will vote on Wednesday", "must file by Friday": the one ahead
            rel = "ahead" if _FUTURE.search(clause) else rel
        d = _resolve_weekday(wd, rel, pub) if pub else None
        return DateMention(start, end, text, "day", d, d, wd, d.month if d else None, d.day if d else None)
    if kind == "ago":
        n = _number(g["n"])
        if n is None:
            return None
        unit = g["unit"].lower()
        direction = g["dir"].lower()
        if re.search(r"\bfor\s+$", m.string[max(0, m.start() - 8) : m.start()], re.I):
            return None  # "banned for four years after she tested positive": a length, not a date
        if direction in ("before", "after", "later", "earlier") and direction != "ago":
            # "three days after the vote": an offset from another event, kept for the number check
            return DateMention(start, end, text, unit, offset=True)
        if pub is None:
            return DateMention(start, end, text, unit)
        d = pub - timedelta(days=n * _UNIT_DAYS[unit])
        slack = timedelta(days=0 if unit == "day" else _UNIT_DAYS[unit] // 2)
        return DateMention(start, end, text, "day" if unit == "day" else unit, d - slack, d + slack)
    if kind == "relword":
        w = g["w"].lower()
        if pub is None:
            return DateMention(start, end, text, "day")
        shift = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(w, 0)
        d = pub + timedelta(days=shift)
        if w == "last night":
            return DateMention(start, end, text, "day", d, pub)  # overnight: either calendar day
        return DateMention(start, end, text, "day", d, d, d.weekday(), d.month, d.day, d.year)
    if kind == "relperiod":
        rel, unit = g["rel"].lower(), g["unit"].lower()
        if rel in ("next", "this") and _POSSESSIVE.match(m.string, end):
            return None  # "approved next year's budget on Tuesday": the period of a thing, not a date
        if pub is None:
            return DateMention(start, end, text, unit)
        lo, hi = _period(rel, unit, pub)
        return DateMention(start, end, text, unit, lo, hi)
    if kind == "year":
        year = int(g["year"])
        return DateMention(m.start("year"), end, g["year"], "year", date(year, 1, 1), date(year, 12, 31),
                           year=year)  # fmt: skip
    return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_end(year: int, month: int) -> date:
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def _infer_year(month: int, day: int, pub: date | None) -> int | None:
    """A day-and-month without a year is the one nearest the article date (news rarely looks ahead far)."""
    if pub is None:
        return None
    best = None
    for y in (pub.year - 1, pub.year, pub.year + 1):
        d = _safe_date(y, month, min(day, 28))
        if d is None:
            continue
        gap = (d - pub).days
        score = abs(gap) if gap <= 0 else gap * 2  # prefer the past
        if best is None or score < best[0]:
            best = (score, y)
    return best[1] if best else None


def _resolve_weekday(wd: int, rel: str, pub: date) -> date:
    back = (pub.weekday() - wd) % 7
    if rel in ("next", "coming"):
        ahead = (wd - pub.weekday()) % 7 or 7
        return pub + timedelta(days=ahead)
    if rel == "ahead":  # a bare weekday of a future act: the first such day from the article's own
        return pub + timedelta(days=(wd - pub.weekday()) % 7)
    if rel in ("last", "previous"):
        return pub - timedelta(days=back or 7)
    # a bare or "on" weekday in news is the most recent one (the article reports what happened)
    return pub - timedelta(days=back)


def _period(rel: str, unit: str, pub: date) -> tuple[date, date]:
    if unit in ("week", "weekend"):
        monday = pub - timedelta(days=pub.weekday())
        if rel in ("last", "past"):
            monday -= timedelta(days=7)
        elif rel == "next":
            monday += timedelta(days=7)
        if unit == "weekend":
            return monday + timedelta(days=5), monday + timedelta(days=6)
        return monday, monday + timedelta(days=6)
    if unit == "month":
        y, mth = pub.year, pub.month
        if rel in ("last", "past"):
            y, mth = (y - 1, 12) if mth == 1 else (y, mth - 1)
        elif rel == "next":
            y, mth = (y + 1, 1) if mth == 12 else (y, mth + 1)
        return date(y, mth, 1), _month_end(y, mth)
    y = pub.year + (-1 if rel in ("last", "past") else 1 if rel == "next" else 0)
    return date(y, 1, 1), date(y, 12, 31)


def _number(word: str) -> int | None:
    w = word.lower()
    if w.isdigit():
        return int(w)
    return _NUM_WORDS.get(w)


def same_time(a: DateMention, b: DateMention) -> bool | None:
    """True when both can be the same time, False when they cannot, None when they cannot be compared."""
    if a.offset or b.offset or a.reporting != b.reporting:
        return None
    if a.resolved and b.resolved:
        assert a.low and a.high and b.low and b.high
        return a.low <= b.high and b.low <= a.high
    if a.granularity != "day" or b.granularity != "day":
        if a.year is not None and b.year is not None and a.granularity == b.granularity == "year":
            return a.year == b.year
        same_year = a.year == b.year and a.month is not None and b.month is not None
        if same_year and "month" in (a.granularity, b.granularity):
            return a.month == b.month
        return None
    if a.weekday is not None and b.weekday is not None and (a.month is None or b.month is None):
        return a.weekday == b.weekday
    if a.month is not None and b.month is not None and a.day is not None and b.day is not None:
        if a.year is not None and b.year is not None and a.year != b.year:
            return False
        return (a.month, a.day) == (b.month, b.day)
    return None


def is_calendar_word(word: str) -> bool:
    """A month or weekday name, full or abbreviated ("Jan.", "Fri")."""
    w = word.lower().rstrip(".")
    return w in _MONTHS or w in _WEEKDAYS or (len(w) >= 3 and any(k.startswith(w) for k in _WEEKDAYS))
