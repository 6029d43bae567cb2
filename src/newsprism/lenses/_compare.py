"""One pair of sentences: do they disagree on a number, a date, a name or polarity?

The contradictions lens decides which sentences to compare (one claim group, or close sentences of two);
this module compares one pair, value by value, and says why in a Finding. A value only counts as
contradicted when it has no compatible partner on the other side *and* the other side has an
incompatible value in the same slot (same unit and whole, same role of a name, same verb). That second
condition is what keeps "60% of Donetsk" from clashing with "15% of Ukraine", and a sentence that simply
leaves a detail out from clashing with one that gives it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from newsprism.lenses._numbers import _MONTHS, _SCALES, _TENS_WORDS, _UNITS_WORDS, _VAGUE
from newsprism.lenses._views import (
    _PLACE,
    _SPEECH,
    _STOP,
    SAY,
    Finding,
    NameMention,
    SentenceView,
    _words,
)
from newsprism.lenses.dates import DateMention, same_time
from newsprism.lenses.quantities import (
    Quantity,
    comparable,
    compatible,
    outcome,
    same_unit,
    singular,
)
from newsprism.lenses.speakers import TITLES
from newsprism.model import Passage

__all__ = ["compare_views"]

_SOURCE_COUNT = re.compile(
    r"\S+(?:\s+[\w.\-]+){0,3}?\s+(?:officials?|sources?|people|persons|aides?|diplomats?|lawmakers|insiders)"
    r"\s+(?:said|say|says|told|familiar|briefed|with\s+knowledge|close\s+to|speaking|who\s+spoke|"
    r"who\s+asked|who\s+requested|who\s+declined)\b",
    re.I,
)  # fmt: skip
# a score on the way to the result: "led 14-10 at half-time" is not a second final score
_INTERIM = re.compile(r"\b(?:half-?time|at the break|(?:first|second) half|quarter|period|inning|innings"
                      r"|led|leading|trailed|trailing|lead)\b", re.I)  # fmt: skip
_YEARS = re.compile(r"\b(?:19|20)\d\d\b")
_PERIODS = re.compile(
    r"\b(?:(?:first|second|third|fourth)[- ]quarter|quarter-on-quarter|year-on-year|nine-month"
    r"|half-year|full-year|annual|a year earlier|a year ago|previous quarter|last quarter|monthly|weekly)\b",
    re.I,
)  # fmt: skip
_MEASURES = re.compile(
    r"\b(?:revenue|sales|turnover|(?:net |operating |pre-tax )?(?:profit|loss)|earnings|ebitda|income|"
    r"dividend|savings|costs?|debt|deficit|surplus|budget|spending|market value|valuation)\b",
    re.I,
)  # fmt: skip
_MEASURE_OF = {  # one measure, several words: "sales of $4.7 billion" / "revenue of $4.62 billion"
    **dict.fromkeys(("sales", "turnover"), "revenue"),
    **dict.fromkeys(("earnings", "income", "net profit", "operating profit", "pre-tax profit"), "profit"),
    **dict.fromkeys(("net loss", "operating loss", "pre-tax loss"), "loss"),
    **dict.fromkeys(("costs",), "cost"),
    **dict.fromkeys(("valuation",), "market value"),
    **dict.fromkeys(("a year ago", "a year earlier"), "year-on-year"),
    **dict.fromkeys(("last quarter",), "previous quarter"),
    **{f"{n}{sep}quarter": f"{n} quarter" for n in ("first", "second", "third", "fourth") for sep in "- "},
}
_SNAPSHOT = re.compile(
    r"\b(?:as of|so far|at one point|at last count|intraday|latest (?:available )?data"
    r"|(?:early|late|morning|midday|afternoon|mid-?morning|mid-?afternoon|late-morning|early-afternoon"
    r"|late-afternoon|overnight|after-hours|pre-market|premarket)(?: [a-z]+)? trading"
    r"|in (?:early|late) (?:morning|afternoon)"
    r"|(?:by|at|as at) (?:\d{1,2}:\d{2}|\d{3,4} ?(?:GMT|BST|UTC|CET|EST|EDT|ET)))\b",  # "by 1018 GMT"
    re.I,
)  # fmt: skip
_MARKET = re.compile(
    r"\b(?:shares?|stocks?|index|dow|nasdaq|s&p|ftse|nikkei|dax|yen|euro|dollar|sterling|currency|points?"
    r"|traded|trading|closed|barrel|ounce|yield)\b",
    re.I,
)  # fmt: skip
# "By Tuesday, 37.3% of adults were fully vaccinated": a running count; with "will", a deadline
_BY_DAY = re.compile(
    r"(?:^|[,;]\s+)by (?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|tonight|noon|midnight)\b", re.I
)
_FUTURE = re.compile(r"\b(?:will|would|is to|are to)\b")
_PART_BEFORE = {"other", "another", "remaining", "additional", "further", "extra"}
_PART_AFTER = {"other", "more", "additional", "extra"}
_EACH = re.compile(r"\b(?:each|apiece|per (?:person|head|capita))\b")
_ALL = re.compile(r"\b(?:combined|total|altogether|in all|together)\b")
_PERIODS_OF = {**{w: w for w in ("year", "quarter", "month", "week", "decade", "day")},
               **dict.fromkeys(("annual", "annually", "yearly"), "year"), "monthly": "month",
               "weekly": "week", "daily": "day"}  # fmt: skip
# "17 students and staff members": a second kind of thing counted; not "and then", "and tests a ..."
_AND_NOUN = re.compile(
    r"\s+(?:and|or|&)\s+(?:other\s+)?([a-z]{3,}(?<!ed)(?<!ing))\b"
    r"(?!\s+(?:\d|one|two|three|a|an|the|his|her|its|their|to|that|this)\b)"
)
_GROUPS = {"staff", "crew", "police", "personnel", "faculty", "family", "clergy", "livestock", "cattle"}
_NUMBER_WORDS = {*_UNITS_WORDS, *_TENS_WORDS, "dozen", "hundred", "thousand", "several", "many", "few"}
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
_NEGATION = re.compile(r"\b(?:not|never|no|neither|nor|cannot)\b|n[’']t\b", re.I)
_LOCATIVE = {"in", "near", "at", "outside", "from", "into", "inside"}
_ALIASES = [{"us", "u.s.", "usa", "united states", "america", "united states of america", "washington"},
            {"uk", "u.k.", "britain", "great britain", "united kingdom", "england", "london"},
            {"russia", "moscow", "kremlin"}, {"china", "beijing"}, {"france", "paris"}, {"germany", "berlin"},
            {"japan", "tokyo"}, {"ukraine", "kyiv", "kiev"}, {"iran", "tehran"}, {"israel", "jerusalem"},
            {"iraq", "baghdad"}, {"syria", "damascus"}, {"afghanistan", "kabul"},
            {"north korea", "pyongyang"},
            {"south korea", "seoul"}, {"canada", "ottawa"}, {"australia", "canberra"}, {"india", "new delhi"},
            {"pakistan", "islamabad"}, {"turkey", "ankara"}, {"italy", "rome"}, {"spain", "madrid"},
            {"un", "u.n.", "united nations"}, {"eu", "e.u.", "european union"},
            {"uae", "united arab emirates"}, {"ussr", "soviet union"}]  # fmt: skip
# parts named where their whole would do ("the US Senate" for Congress): not a swap
_PARTS = {"senate": "congress", "house": "congress", "house of representatives": "congress",
          "scotland": "uk", "wales": "uk", "northern ireland": "uk", "england": "uk"}  # fmt: skip
# countries (and the unions alias groups name): a country and a place inside it are not a swap
_COUNTRY_WORDS = """afghanistan albania algeria angola argentina armenia australia austria azerbaijan bahrain
bangladesh belarus belgium bolivia bosnia brazil bulgaria cambodia cameroon canada chad chile china colombia
congo croatia cuba cyprus czechia denmark ecuador egypt eritrea estonia ethiopia finland france georgia
germany ghana greece guatemala haiti honduras hungary iceland india indonesia iran iraq ireland israel italy
jamaica japan jordan kazakhstan kenya kosovo kuwait laos latvia lebanon liberia libya lithuania luxembourg
madagascar malaysia mali malta mexico moldova mongolia montenegro morocco mozambique myanmar namibia nepal
netherlands nicaragua niger nigeria norway oman pakistan panama paraguay peru philippines poland portugal
qatar romania russia rwanda serbia singapore slovakia slovenia somalia spain sudan sweden switzerland syria
taiwan tajikistan tanzania thailand tunisia turkey turkmenistan uganda ukraine uruguay uzbekistan venezuela
vietnam yemen zambia zimbabwe"""
_COUNTRIES = set(_COUNTRY_WORDS.split()) | {"north korea", "south korea", "saudi arabia", "south africa",
    "new zealand", "sri lanka", "south sudan", "ivory coast", "el salvador", "costa rica", "czech republic",
    "dominican republic", "united arab emirates", "uae", "soviet union", "ussr", "palestine", "gaza",
    "west bank", "hong kong", "european union", "eu", "us", "u.s.", "usa", "united states", "america",
    "united states of america", "uk", "u.k.", "britain", "great britain", "united kingdom", "england",
    "scotland", "wales"}  # fmt: skip
_NICKNAMES: dict[str, set[str]] = {}
for _full, _short in [
    ("william", "bill billy will"), ("robert", "bob bobby rob"), ("richard", "dick"), ("edward", "ted ned"),
    ("elizabeth", "betty beth liz betsy"), ("margaret", "peggy meg"), ("mary", "polly molly"),
    ("anthony", "tony"), ("alexander", "sasha sandy"), ("christopher", "kit"), ("martha", "patty"),
    ("patricia", "trish"), ("theodore", "ted"),
]:  # fmt: skip
    for _n in _short.split():
        _NICKNAMES.setdefault(_n, set()).add(_full)
        _NICKNAMES.setdefault(_full, set()).add(_n)
_ANTONYMS = [
    ("rise", "fall"), ("increase", "decrease"), ("increase", "cut"), ("raise", "lower"), ("raise", "cut"),
    ("win", "lose"), ("accept", "reject"), ("approve", "reject"), ("confirm", "deny"), ("admit", "deny"),
    ("open", "close"), ("gain", "lose"), ("support", "oppose"), ("pass", "fail"), ("grow", "shrink"),
    ("allow", "ban"), ("allow", "forbid"), ("acquit", "convict"), ("expand", "reduce"), ("climb", "fall"),
    ("climb", "drop"), ("rise", "drop"), ("gain", "drop"), ("strengthen", "weaken"), ("agree", "refuse"),
    ("resume", "suspend"), ("lift", "impose"), ("advance", "retreat"), ("survive", "die"),
]  # fmt: skip

# --------------------------------------------------------------------------- comparing two views


def compare_views(a: SentenceView, b: SentenceView) -> list[Finding]:
    """Every disagreement between two views of the same fact: numbers, dates, names, polarity."""
    return [*_numbers(a, b), *_dates(a, b), *_entities(a, b), *_negations(a, b)]


def _in_offset_date(q: Quantity, dates: Iterable[DateMention]) -> bool:
    return any(d.offset and q.start < d.end and d.start < q.end for d in dates)


def _counts_sources(text: str, q: Quantity) -> bool:
    """'four U.S. officials familiar with the matter said': how many told the outlet, not a story fact."""
    if q.kind != "count":
        return False
    return _SOURCE_COUNT.match(text, q.start) is not None or text[: q.start].rstrip().endswith("according to")


def _numbers(a: SentenceView, b: SentenceView) -> list[Finding]:
    """Figures of one slot that cannot be the same value.

    A sentence that says its figures are a reading at one moment ("in afternoon trading", "as of noon",
    "so far") is not compared, nor are counts and estimates of articles of different days: another
    outlet's reading at another moment differs without contradicting it. When two or more figures
    disagree at once, the sentences describe different moments or scopes (a share price at 10 a.m. and at
    the close, last year's rent rise and this year's), not one disputed fact, and nothing is flagged: a
    contradiction is a figure that differs where the rest agrees or is absent.
    """
    if any(_SNAPSHOT.search(t) or (_BY_DAY.search(t) and not _FUTURE.search(t)) for t in (a.text, b.text)):
        return []  # "in morning trading", "as of 9:33 a.m.", "so far", "By Tuesday, ...": a moment's value
    if _other_slots(a.text, b.text):
        return []  # "2027 revenue" / "2026 revenue", "revenue" / "net profit": figures of two things
    if _market_moments(a, b):
        return []  # "closed at 9,266.51" / "edged down to 9,256.49": two readings of a moving market
    settled = a.published is None or b.published is None or a.published == b.published
    qa = [q for q in a.quantities if _checkable(a, q) and (settled or _fixed(q))]
    qb = [q for q in b.quantities if _checkable(b, q) and (settled or _fixed(q))]
    free_a = [q for q in qa if not any(_agrees(q, o) for o in qb) and not _written_in(q, b)]
    free_b = [q for q in qb if not any(_agrees(q, o) for o in qa) and not _written_in(q, a)]
    out: list[Finding] = []
    used: set[int] = set()
    # the one unexplained count on each side fills the same slot whatever it counts ("14 reports of
    # overheating" / "16 overheating incidents")
    lone = [q for q in free_a if q.kind == "count"], [q for q in free_b if q.kind == "count"]
    lone_pair = (
        len(lone[0]) == len(lone[1]) == 1
        and all(q.noun for q in (*lone[0], *lone[1]))
        and bool(_counted(a.text, lone[0][0]) & _counted(b.text, lone[1][0]))
    )
    for x in free_a:
        cands = [
            (i, y)
            for i, y in enumerate(free_b)
            if i not in used
            and (comparable(x, y) or (lone_pair and x is lone[0][0] and y is lone[1][0]))
            and not _outcomes_differ(a.text, x, b.text, y)
        ]
        if not cands:
            continue
        scored = sorted(((_context(a, x, b, y), i, y) for i, y in cands), key=lambda c: (-c[0], c[1]))
        score, i, y = scored[0]
        # the only unexplained value of its kind on each side fills the same slot
        unique = (sum(comparable(q, y) for q in free_a) == 1 or lone_pair) and len(cands) == 1
        if x.kind == "count" and not (x.noun and y.noun) and not _same_neighbour(a.text, x, b.text, y):
            continue  # a bare number needs the same word beside it ("killed 12" / "killed 15")
        if x.kind == "score" and bool(_INTERIM.search(a.text)) != bool(_INTERIM.search(b.text)):
            continue
        if not unique and score < 2:
            continue
        sx, sy = _scope(a, x), _scope(b, y)
        if sx and sy and not sx & sy:
            continue  # "5.4% over the past year" / "the 0.6% increase in May": figures of two periods
        if _mixed(a.text, x) != _mixed(b.text, y):
            continue  # "17 students and staff members were killed" / "20 students staged a walk-out"
        if _part_count(a.text, x) != _part_count(b.text, y):
            return []  # "meet the three unions" / "meet the other two unions": the whole and a part
        if {_share(a.text, x), _share(b.text, y)} == {"each", "all"}:
            return []  # "136 pounds combined" / "each boy weighed less than 50 pounds"
        if compatible(x, y):
            continue
        used.add(i)
        out.append(Finding("number", (a.passage(x.start, x.end), b.passage(y.start, y.end)),
                           f"{a.outlet} says {x.text!r} where {b.outlet} says {y.text!r}; "
                           f"{_slack(x, y)}"))  # fmt: skip
    return out if len(out) < 2 else []


def _market_moments(a: SentenceView, b: SentenceView) -> bool:
    """Two market reports whose precise readings (an index level, a share price, an exchange rate) are
    close but not equal: prices move all day, so the outlets wrote at different moments, and the moves
    they give ("down 0.3%" / "down 0.2%") belong to those moments too. Equal readings, or readings far
    apart, say nothing about the moment and leave the figures to be compared."""
    if not (_MARKET.search(a.text) and _MARKET.search(b.text)):
        return False
    ra = [q for q in a.quantities if _reading(q)]
    rb = [q for q in b.quantities if _reading(q)]
    pairs = [(x.value, y.value) for x in ra for y in rb if same_unit(x, y)]
    return not any(x == y for x, y in pairs) and any(abs(x - y) <= 0.03 * max(x, y) for x, y in pairs)


def _reading(q: Quantity) -> bool:
    """A figure written to the cent or to four significant digits, with no scale word: "9,256.49",
    "$38.28", "136.94 yen", "1,121" (not "$4.7 billion", not "2,000")."""
    m = _DIGITS.search(q.text)
    if m is None or q.change or q.approx or q.kind == "percent":
        return False
    if any(w.lower() in _SCALES for w in _words(q.text[m.end() :])):
        return False
    whole, _, decimals = m.group().replace(",", "").partition(".")
    return len(decimals) == 2 or (not decimals and len(whole) >= 4 and not whole.endswith("00"))


def _written_in(q: Quantity, other: SentenceView) -> bool:
    """The other sentence gives the same digits as an ordinal ("58 days into his presidency" / "the 58th
    day of his term"), without the unit ("to 100,000 tonnes" / "to 100,000") or without the scale word
    ("$54.9-million" / "$54.9")."""
    m = _DIGITS.search(q.text)
    if m is None:
        return False
    text = other.text
    if len(m.group().replace(",", "")) >= 3 and any(
        o.unit == "count" and o.text == m.group() for o in other.quantities
    ):
        return True
    digits = re.escape(m.group())
    if re.search(rf"(?<![\d.,]){digits}(?:st|nd|rd|th)\b", text):
        return True
    symbol = q.text[: m.start()].strip()
    if not symbol or "." not in digits or not any(w.lower() in _SCALES for w in _words(q.text[m.end() :])):
        return False
    scale = "|".join(_SCALES)
    return re.search(rf"{re.escape(symbol)}{digits}(?![\d.,]*\d)(?!\s*-?\s*(?:{scale})\b)", text) is not None


def _share(text: str, q: Quantity) -> str:
    """ "each" for a figure per person or thing ("each boy weighed 50 pounds", "$5 apiece"), "all" for
    a sum ("136 pounds combined", "a total of 40"), else ""."""
    near = " ".join(_words(text[max(0, q.start - 40) : q.start])[-4:] + _words(text[q.end :])[:3]).lower()
    if _EACH.search(near):
        return "each"
    return "all" if _ALL.search(near) else ""


def _scope(v: SentenceView, q: Quantity) -> set[str]:
    """The period a figure is of, from the words after it up to the next figure of its unit or a clause
    break: "5.4% over the past year" -> {"year"}, "the 0.6% increase in May" -> {"may", "month"}."""
    nxt = min((o.start for o in v.quantities if o.start >= q.end and same_unit(o, q)), default=len(v.text))
    tail = re.split(r"[;:—–(]|\.(?!\d)", v.text[q.end : min(nxt, q.end + 60)], maxsplit=1)[0]
    words = _words(tail)
    # a month is also a month ("last month" may be June); not "may", "march"
    months = {w.lower() for w in words if w[0].isupper() and w.lower() in _MONTHS}
    periods = (_PERIODS_OF.get(singular(t)) for t in words[:4])  # lower case: not "Independence Day"
    return (months | {"month"} if months else set()) | {p for p in periods if p}


def _mixed(text: str, q: Quantity) -> bool:
    """A count of two kinds of things at once: "17 students and staff members" is not "20 students"."""
    m = _AND_NOUN.match(text, q.end)  # "four sections and tests a student's knowledge": a verb
    word = m.group(1).lower() if m else ""
    plural = (word.endswith("s") and not word.endswith(("ss", "us", "is"))) or word in _GROUPS
    return q.kind == "count" and bool(q.noun) and plural and word not in _STOP and word not in _NUMBER_WORDS


def _counted(text: str, q: Quantity) -> set[str]:
    """The words of what a count counts, with the two words after it: "reports of overheating"."""
    words = _words(q.text + " " + q.whole) + _words(text[q.end :])[:2]
    return {
        singular(w.lower())
        for w in words
        if w.lower() not in _STOP
        and w.lower() not in _SCALES
        and w.lower() not in _VAGUE
        and len(w) > 2
        and w.isalpha()
    }


def _other_slots(ta: str, tb: str) -> bool:
    """Two sentences whose figures belong to different years, periods or measures: each names some, and
    none of one's are the other's ("expects 2027 revenue" / "2026 revenue", "fell 6% from a year
    earlier" / "rose 2% from the previous quarter", "quarterly revenue" / "quarterly net profit")."""
    for pattern in (_YEARS, _PERIODS, _MEASURES):
        x = {_MEASURE_OF.get(m.group().lower(), m.group().lower()) for m in pattern.finditer(ta)}
        y = {_MEASURE_OF.get(m.group().lower(), m.group().lower()) for m in pattern.finditer(tb)}
        if x and y and not x & y:
            return True
    return False


def _fixed(q: Quantity) -> bool:
    """A figure that does not move as a story develops: an exact fine, sentence, share or score, unlike
    a toll, a count of evacuees or an estimate, which a day later may be an update, not a dispute."""
    return q.kind != "count" and not q.approx and not q.change


def _agreeing_figures(a: SentenceView, b: SentenceView) -> list[tuple[Passage, Passage]]:
    """Figures of two sentences of one claim group that give the same value ("12 people" / "Twelve")."""
    return [
        (a.passage(x.start, x.end), b.passage(y.start, y.end))
        for x in a.quantities if _checkable(a, x)
        for y in b.quantities if _checkable(b, y) and comparable(x, y) and _agrees(x, y)
    ]  # fmt: skip


def _checkable(v: SentenceView, q: Quantity) -> bool:
    if q.kind == "duration" and _in_offset_date(q, v.dates):
        return False  # "three days after the vote" is the date check's business
    return not _counts_sources(v.text, q)


def _part_count(text: str, q: Quantity) -> bool:
    """A count of some of them: "the other two unions", "another 40 troops", "12 more people"."""
    if q.kind != "count":
        return False
    before = _words(text[max(0, q.start - 30) : q.start])[-1:]
    inside = [w.lower() for w in _words(q.text)[1:2] + _words(text[q.end :])[:1]]
    return (bool(before) and before[0].lower() in _PART_BEFORE) or bool(set(inside) & _PART_AFTER)


def _agrees(x: Quantity, y: Quantity) -> bool:
    """An explanation for a value: the other side has one it can be (any whole: '32% of the market')."""
    if same_unit(x, y) and compatible(x, y):
        return True
    # "four regions" and "the four territories": same count of differently named things
    return x.kind == y.kind == "count" and x.value == y.value and not x.approx and not y.approx


def _outcomes_differ(ta: str, x: Quantity, tb: str, y: Quantity) -> bool:
    """Two counts of one noun that say different things happened ("Fourteen passengers were injured" /
    "carrying 212 passengers", "killed 3" / "injured 14"): two facts, not one disputed figure. A count
    with no such word beside it may be either, and is still compared."""
    ox, oy = outcome(ta, x), outcome(tb, y)
    return bool(ox and oy and not ox & oy)


def _same_neighbour(ta: str, x: Quantity, tb: str, y: Quantity) -> bool:
    """The nearest content word before or after both numbers is the same ("killed 12" / "killed 15")."""

    def near(words: list[str]) -> str:
        return next((w.lower() for w in words[:3] if w.lower() not in _STOP), "")

    before = near(_words(ta[: x.start])[::-1]), near(_words(tb[: y.start])[::-1])
    after = near(_words(ta[x.end :])), near(_words(tb[y.end :]))
    return (before[0] != "" and before[0] == before[1]) or (after[0] != "" and after[0] == after[1])


def _slack(x: Quantity, y: Quantity) -> str:
    if x.approx or y.approx:
        return "the figures differ by more than their approximation allows"
    return "the figures differ"


def _context(a: SentenceView, x: Quantity, b: SentenceView, y: Quantity) -> int:
    """Content words shared by the neighbourhoods of two values: do they fill the same slot?"""
    return len(_around(a.text, x.start, x.end) & _around(b.text, y.start, y.end))


def _around(text: str, start: int, end: int, width: int = 4) -> set[str]:
    before = [w.lower() for w in _words(text[:start])][-width:]
    after = [w.lower() for w in _words(text[end:])][:width]
    return {w for w in before + after if w not in _STOP and len(w) > 2}


def _dates(a: SentenceView, b: SentenceView) -> list[Finding]:
    """Dates of one event that cannot be the same time.

    A reporting date ("officials said Monday") is kept apart from event dates ("the fire broke out on
    Friday") when a sentence holds both; when each sentence gives just one date, both date the one fact
    the two outlets share ("announced on Monday" / "on Thursday vetoed the bill") and are compared.
    """
    da = [d for d in a.dates if not d.offset and not _spoken_relative(a.text, d)]
    db = [d for d in b.dates if not d.offset and not _spoken_relative(b.text, d)]
    if len(da) == 1 and len(db) == 1 and da[0].reporting != db[0].reporting:
        da, db = [replace(da[0], reporting=False)], [replace(db[0], reporting=False)]
    free_a = [d for d in da if not any(same_time(d, o) for o in db)]
    free_b = [d for d in db if not any(same_time(d, o) for o in da)]
    out: list[Finding] = []
    used: set[int] = set()
    for x in free_a:
        if any(_adjacent(x, f.values[0], a.start) for f in out):
            continue  # "on Monday, March 9": one date, written twice
        for i, y in enumerate(free_b):
            if i in used or same_time(x, y) is not False:
                continue
            unique = (
                sum(same_time(q, y) is not None for q in free_a) == 1
                and sum(same_time(x, q) is not None for q in free_b) == 1
            )
            if not unique and not (_around(a.text, x.start, x.end) & _around(b.text, y.start, y.end)):
                continue
            used.add(i)
            out.append(Finding("date", (a.passage(x.start, x.end), b.passage(y.start, y.end)),
                               f"{a.outlet} dates it {_when(x)} where {b.outlet} says {_when(y)}",
                               (_when(x), _when(y))))  # fmt: skip
            break
    return out


def _adjacent(d: DateMention, p: Passage, offset: int) -> bool:
    """``d`` touches passage ``p`` of the sentence starting at ``offset`` ("Monday" in "Monday, March 9")."""
    return p.start - offset - 2 <= d.end and d.start <= p.end - offset + 2


def _spoken_relative(text: str, d: DateMention) -> bool:
    """'"Today the people got back their dignity," said Kellin': a relative date inside a quotation is
    relative to when the words were spoken, which a reprint a day later does not change."""
    named = any(c.isdigit() for c in d.text) or any(w in _MONTHS for w in d.text.lower().split())
    return not named and text.count('"', 0, d.start) % 2 == 1


def _when(d: DateMention) -> str:
    if d.resolved and d.low == d.high and d.low is not None and d.text.lower() != d.low.isoformat():
        return f"{d.text!r} ({d.low.isoformat()})"
    return repr(d.text)


def _same_name(x: str, y: str) -> bool:
    """Same referent under spelling variants, a shorter form, an acronym or a common alias."""
    from rapidfuzz import fuzz

    xs, ys = _norm_name(x), _norm_name(y)
    if not xs or not ys or xs in ys or ys in xs:
        return True
    if any(xs in group and ys in group for group in _ALIASES):
        return True
    wx, wy = set(xs.split()), set(ys.split())
    if wx & wy or _acronym(xs) == ys.replace(" ", "") or _acronym(ys) == xs.replace(" ", ""):
        return True
    return fuzz.ratio(xs, ys) >= 80 or any(fuzz.ratio(p, q) >= 80 for p in wx for q in wy if len(p) > 3)


def _two_people(x: NameMention, y: NameMention) -> bool:
    """Two full names of people, one family name, two given names: "Tomas Reyk" and "Anders Reyk"."""
    if not ({x.label, y.label} <= {"PERSON", "NAME"} and "PERSON" in {x.label, y.label}):
        return False
    wx = [w for w in _norm_name(x.text).split() if w not in TITLES]
    wy = [w for w in _norm_name(y.text).split() if w not in TITLES]
    if len(wx) < 2 or len(wy) < 2 or wx[-1] != wy[-1]:
        return False
    gx, gy = wx[0], wy[0]
    # "Tom" / "Thomas", "Jon" / "John", "Bill" / "William" may be one person
    return gx[0] != gy[0] and gy not in _NICKNAMES.get(gx, ())


def _part_of(part: str, whole: str) -> bool:
    p = _norm_name(part)
    return any((p == k or p.endswith(" " + k)) and _same_name(w, whole) for k, w in _PARTS.items())


def _is_country(name: str) -> bool:
    n = _norm_name(name)
    return n in _COUNTRIES


def _norm_name(name: str) -> str:
    import re

    text = name.lower().removesuffix("'s").removesuffix("’s")
    text = re.sub(r"^(?:the|mr|mrs|ms|dr|sir|gen|president|prime minister)\.?\s+", "", text)
    return " ".join(re.sub(r"[-‐'’.,]", " ", text).split()) if text not in {"u.s.", "u.k.", "u.n."} else text


def _acronym(name: str) -> str:
    return "".join(w[0] for w in name.split() if w not in ("of", "the", "and", "for"))


def _entities(a: SentenceView, b: SentenceView) -> list[Finding]:
    def missing(n: NameMention, other: SentenceView) -> bool:
        if n.text.lower() in other.text.lower():
            return False
        return not any(_same_name(n.text, m.text) and not _two_people(n, m) for m in other.names)

    free_a = [n for n in a.names if missing(n, b)]
    free_b = [n for n in b.names if missing(n, a)]
    out: list[Finding] = []
    used: set[int] = set()
    for x in free_a:
        for i, y in enumerate(free_b):
            if i in used or not _swapped(x, y, free_a, free_b, a, b):
                continue
            used.add(i)
            what = _role_word(x, y)
            explanation = f"{a.outlet} names {x.text!r} as {what} where {b.outlet} names {y.text!r}"
            out.append(Finding("entity", (a.passage(x.start, x.end), b.passage(y.start, y.end)), explanation))
            break
    return out


def _swapped(
    x: NameMention, y: NameMention, free_a: list[NameMention], free_b: list[NameMention],
    a: SentenceView, b: SentenceView,
) -> bool:  # fmt: skip
    """Two unexplained names in the same slot; who said something only counts between two people."""
    speech = x.role[-1] in _SPEECH or y.role[-1] in _SPEECH
    if speech and not x.label == y.label == "PERSON":
        return False
    if _is_country(x.text) != _is_country(y.text):
        return False  # "Blaine, Wash." and "the United States": a place and the country it lies in
    if _part_of(x.text, y.text) or _part_of(y.text, x.text):
        return False  # "the Senate" and "Congress", "Scotland" and "Britain": a part and its whole
    if _same_slot(x, y, a, b) and (_labels_match(x.label, y.label, x.role) or _two_people(x, y)):
        return True  # (the small NER may tag only one of two full names that share a family name)
    # different parse, same fact: the only unexplained person (place) on each side; a name after a verb
    # of speaking ("said on Twitter", "told reporters in Ohio") is where it was said, not who took part
    medium = x.role[0] == "prep" and (x.role[-1] in _SPEECH or y.role[-1] in _SPEECH)
    strict = x.label == y.label and x.label in ("PERSON", "GPE") and x.role[0] == y.role[0] and not medium
    return strict and sum(n.label == x.label for n in free_a) == 1 == sum(n.label == y.label for n in free_b)


def _same_slot(x: NameMention, y: NameMention, a: SentenceView, b: SentenceView) -> bool:
    """Same dependency and governor; for a preposition the governor may differ when the slot is unique."""
    if x.role == y.role:
        return True
    if x.role[:2] != y.role[:2] or x.role[0] != "prep":
        return False
    in_a = sum(n.role[:2] == x.role[:2] for n in a.names)
    return in_a == 1 == sum(n.role[:2] == y.role[:2] for n in b.names)


def _labels_match(x: str, y: str, role: tuple[str, ...]) -> bool:
    if x in _PLACE and y in _PLACE:
        return True
    if x == y and x != "NAME":
        return True
    # the small NER often calls an unfamiliar town a person: in a place slot, trust the slot
    loose = _PLACE | {"PERSON", "NAME"}
    return role[:1] == ("prep",) and role[1] in _LOCATIVE and x in loose and y in loose


def _role_word(x: NameMention, y: NameMention) -> str:
    if x.label in _PLACE or y.label in _PLACE or (x.role[0] == "prep" and x.role[1] in _LOCATIVE):
        return "the place"
    if x.label == "PERSON" or y.label == "PERSON":
        return "the person"
    if x.label == "ORG" or y.label == "ORG":
        return "the organisation"
    return f"the name after {x.role[-1]!r}" if x.role[0] == "prep" else "the name"


# one act in other words: "rose" and "did not gain" disagree, and so do "told" and "did not say"
_UP = {"rise", "gain", "climb", "increase", "jump", "rocket", "soar", "surge", "advance", "rally"}
_DOWN = {"fall", "drop", "decline", "decrease", "slip", "slide", "tumble", "plunge", "sink", "dip"}
_SYNONYMS = [
    SAY, _UP, _DOWN, {"cut", "reduce", "lower", "slash", "trim"}, {"halt", "stop", "suspend"},
    {"kill", "slay"}, {"arrest", "detain"}, {"find", "discover"}, {"buy", "acquire", "purchase"},
    {"approve", "pass", "adopt"},
]  # fmt: skip
_SAME_AS: dict[str, set[str]] = {w: set(group) for group in _SYNONYMS for w in group}
_ANTONYM_OF: dict[str, set[str]] = {}
for _x, _y in [*_ANTONYMS, *((u, d) for u in _UP for d in _DOWN)]:
    _ANTONYM_OF.setdefault(_x, set()).add(_y)
    _ANTONYM_OF.setdefault(_y, set()).add(_x)


def _negations(a: SentenceView, b: SentenceView) -> list[Finding]:
    """At most one finding: a polarity flip concerns the whole sentence, however many verbs show it."""
    for lemma, pa in a.polarity.items():
        if len(pa) != 1:
            continue
        same = _SAME_AS.get(lemma, {lemma})
        seen = sorted(same & b.polarity.keys())
        if seen and all(b.polarity[w] not in (pa, frozenset({True, False})) for w in seen):
            if _NEGATION.search(a.text if True in pa else b.text):
                continue  # the affirming side negates too ("neither ... nor", "not because"): a parse miss
            return [_polarity_finding(a, b, lemma, seen[0], "states the opposite")]
        for other in sorted(_ANTONYM_OF.get(lemma, ())):
            if b.polarity.get(other) != pa or seen or _SAME_AS.get(other, {other}) & a.polarity.keys():
                continue
            if _other_slots(a.text, b.text):
                continue  # "fell 6% from a year earlier" / "rose 2% from the previous quarter"
            doers = (
                [n.text for n in a.names if n.role == ("nsubj", lemma)],
                [n.text for n in b.names if n.role == ("nsubj", other)],
            )
            if all(doers) and not any(_same_name(x, y) for x in doers[0] for y in doers[1]):
                continue  # "the Harriers won" / "the Rovers lost to the Harriers": two sides, one result
            return [_polarity_finding(a, b, lemma, other, "uses the opposite verb")]
    return []


def _polarity_finding(a: SentenceView, b: SentenceView, la: str, lb: str, how: str) -> Finding:
    pa, pb = _whole(a), _whole(b)
    sa = "not " if False in a.polarity[la] else ""
    sb = "not " if False in b.polarity[lb] else ""
    va, vb = la.split(":")[0], lb.split(":")[0]
    return Finding("negation", (pa, pb), f"{a.outlet} says {sa}{va!r}, {b.outlet} {how}: {sb}{vb!r}")


def _whole(v: SentenceView) -> Passage:
    """The sentence itself: a polarity flip is a property of the whole statement."""
    return v.passage(0, len(v.text.rstrip()))
