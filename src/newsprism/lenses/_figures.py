"""One pair of sentences: do their figures disagree?

A figure only counts as contradicted when it has no compatible partner on the other side *and* the other
side has an incompatible figure in the same slot: same unit and whole, same period, same part of the
group, same moment. Most of this module says when two figures are *not* in the same slot.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsprism.lenses._numbers import _MONTHS, _PREFIXES, _SCALES, _TENS_WORDS, _UNITS_WORDS, _VAGUE
from newsprism.lenses._views import _STOP, Finding, SentenceView, _words
from newsprism.lenses.dates import DateMention
from newsprism.lenses.quantities import (
    Quantity,
    comparable,
    compatible,
    extract_quantities,
    far_apart,
    outcome,
    same_unit,
    singular,
)
from newsprism.model import Passage

_SOURCE_COUNT = re.compile(
    r"\S*[^\s,;:](?:\s+[\w.\-]+){0,3}?\s+(?:officials?|sources?|people|persons|aides?|diplomats?|lawmakers|insiders)"
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
    r"|half-year|full[- ]year|(?:over|for) the (?:full |whole )?year|annual|a year earlier|a year ago"
    r"|previous quarter|last quarter|monthly|weekly)\b",
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
    **{f"{p} the {w}year": "full-year" for p in ("over", "for") for w in ("", "full ", "whole ")},
    "full year": "full-year",
    **{f"{n}{sep}quarter": f"{n} quarter" for n in ("first", "second", "third", "fourth") for sep in "- "},
}
_SNAPSHOT = re.compile(
    r"\b(?:as of|so far|at one point|at last count|intraday|latest (?:available )?data"
    r"|latest (?:official )?(?:toll|figures?|count|tally)"
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
_CLOSE = re.compile(r"\b(?:closed|closing|close|settled|finished)\b", re.I)
# "By Tuesday, 37.3% of adults were fully vaccinated": a running count; with "will", a deadline
_BY_DAY = re.compile(
    r"(?:^|[,;]\s+)by (?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|tonight|noon|midnight)\b", re.I
)
_EARLIER = re.compile(
    r"\b(?:initially|originally|at first) (?:said|reported|estimated|predicted|forecast|put|gave|announced"
    r"|expected|projected|counted)\b",
    re.I,
)
_FUTURE = re.compile(r"\b(?:will|would|is to|are to)\b")
_PART_BEFORE = {"other", "another", "remaining", "additional", "further", "extra"}
_PART_AFTER = {"other", "more", "additional", "extra"}
_NOT_SAID = {"were", "was", "are", "is", "had", "have", "has", "been", "in", "a", "the", "on", "at", "of"}
# a part of a group named by a word, not a number ("Eleven of the injured", not "Seven of the nine")
_OF_THEM = re.compile(
    r"\s+of\s+(?:the|those|them|these|its|their)\b(?!\s+(?:\d|(?:[a-z]+(?:teen|ty)|one|two|three|four|five"
    r"|six|seven|eight|nine|ten|eleven|twelve)\b))",
    re.I,
)
_EACH = re.compile(r"\b(?:each|apiece|per (?:person|head|capita))\b")
_ALL = re.compile(r"\b(?:combined|total|altogether|in all|together)\b")
_PERIODS_OF = {**{w: w for w in ("year", "quarter", "month", "week", "decade", "day")},
               **dict.fromkeys(("annual", "annually", "yearly"), "year"), "monthly": "month",
               "weekly": "week", "daily": "day",
               **dict.fromkeys(("administration", "presidency", "tenure", "term"), "office")}  # fmt: skip
# "17 students and staff members": a second kind of thing counted; not "and then", "and tests a ..."
_AND_NOUN = re.compile(
    r"\s+(?:and|or|&)\s+(?:other\s+)?([a-z]{3,}(?<!ed)(?<!ing))\b"
    r"(?!\s+(?:\d|one|two|three|a|an|the|his|her|its|their|to|that|this)\b)"
)
_GROUPS = {"staff", "crew", "police", "personnel", "faculty", "family", "clergy", "livestock", "cattle"}
_NUMBER_WORDS = {*_UNITS_WORDS, *_TENS_WORDS, "dozen", "hundred", "thousand", "several", "many", "few"}
# a number's own words, and the hedges before it: never what a count counts
_NOT_COUNTED = {*_NUMBER_WORDS, *(w for words, _ in _PREFIXES for w in words), "not"}
_TOLLS = {"dead", "hurt", "missing"}  # outcomes of a toll (quantities.outcome)
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


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
    contradiction is a figure that differs where the rest agrees or is absent. Nor are two figures one
    slot when their words say they are of two periods, an average against one value, a mixed group
    against one kind, a part against its whole, a figure per head against a sum, or a first figure
    against a revised one.
    """
    if _other_moments(a, b) or _other_slots(a.text, b.text):
        return []
    settled = a.published is None or b.published is None or a.published == b.published
    qa = [q for q in a.quantities if _checkable(a, q) and (settled or _fixed(q))]
    qb = [q for q in b.quantities if _checkable(b, q) and (settled or _fixed(q))]
    free_a = [q for q in qa if not any(_agrees(q, o) for o in qb) and not _written_in(q, b)]
    free_b = [q for q in qb if not any(_agrees(q, o) for o in qa) and not _written_in(q, a)]
    out: list[Finding] = []
    compared: list[tuple[Quantity, Quantity]] = []
    used: set[int] = set()
    # the one unexplained count on each side fills the same slot whatever it counts, when the words of
    # what they count meet ("14 reports of overheating" / "16 overheating incidents") or both say the
    # same thing happened to them ("injured 12 people" / "left 15 workers injured")
    lone = [q for q in free_a if q.kind == "count"], [q for q in free_b if q.kind == "count"]
    lone_pair = (
        len(lone[0]) == len(lone[1]) == 1
        and all(q.noun for q in (*lone[0], *lone[1]))
        and bool(
            _counted(a.text, lone[0][0]) & _counted(b.text, lone[1][0])
            or outcome(a.text, lone[0][0]) & outcome(b.text, lone[1][0])
        )
    )
    for x in free_a:
        cands = [
            (i, y)
            for i, y in enumerate(free_b)
            if i not in used
            and (
                comparable(x, y)
                or (lone_pair and x is lone[0][0] and y is lone[1][0])
                or (
                    x.kind == y.kind == "count"
                    and not x.change
                    and not y.change
                    and _one_toll(a.text, x, b.text, y)
                )
            )
            and not _outcomes_differ(a.text, x, b.text, y)
            and not far_apart(x, y)
        ]
        if not cands:
            continue
        scored = sorted(((_context(a, x, b, y), i, y) for i, y in cands), key=lambda c: (-c[0], c[1]))
        score, i, y = scored[0]
        # the only unexplained value of its kind on each side fills the same slot
        one_toll = sum(_one_toll(a.text, q, b.text, y) for q in free_a) == 1 and _one_toll(
            a.text, x, b.text, y
        )
        unique = (sum(comparable(q, y) for q in free_a) == 1 or lone_pair or one_toll) and len(cands) == 1
        if (
            x.kind == "count"
            and not (x.noun and y.noun)
            and not _same_neighbour(a.text, x, b.text, y)
            and not _one_toll(a.text, x, b.text, y)
        ):
            continue  # a bare number needs the same word beside it ("killed 12" / "killed 15"), or one toll
        if x.kind == "score" and bool(_INTERIM.search(a.text)) != bool(_INTERIM.search(b.text)):
            continue
        if x.kind == "temperature" and not one_reading(a, b):
            continue
        if not unique and score < 2:
            continue
        if _periods_differ(_scope(a, x), _scope(b, y)):
            continue  # "5.4% over the past year" / "the 0.6% increase in May": figures of two periods
        if _averaged(a.text, x) != _averaged(b.text, y):
            continue  # "1.3 million people vaccinated on Thursday" / "1.5 million a day on average"
        if _mixed(a.text, x) != _mixed(b.text, y):
            continue  # "17 students and staff members were killed" / "20 students staged a walk-out"
        if _part_count(a.text, x) != _part_count(b.text, y):
            return []  # "meet the three unions" / "meet the other two unions": the whole and a part
        if _other_parts(a.text, x, b.text, y):
            continue  # "Eleven of the injured were in a serious condition" / "Two of the injured died"
        if {_share(a.text, x), _share(b.text, y)} == {"each", "all"}:
            return []  # "136 pounds combined" / "each boy weighed less than 50 pounds"
        if compatible(x, y):
            continue
        used.add(i)
        compared.append((x, y))
        out.append(Finding("number", (a.passage(x.start, x.end), b.passage(y.start, y.end)),
                           f"{a.outlet} says {x.text!r} where {b.outlet} says {y.text!r}; "
                           f"{_slack(x, y)}"))  # fmt: skip
    # a tabloid's toll of the dead and of the hurt may both differ from the wire's ("at least 30 killed
    # ... more than 200 injured" / "killing 23 people and injuring 140"): two tolls of one event
    tolls = all(outcome(a.text, x) & _TOLLS and outcome(b.text, y) & _TOLLS for x, y in compared)
    return out if len(out) < 2 or tolls else []


_FORECAST = re.compile(
    r"\b(?:[Ff]orecasts?|[Ee]xpected|[Pp]redicted|[Cc]ould|[Ww]ill|may|might|would)\b"
)  # not "May"


def one_reading(a: SentenceView, b: SentenceView) -> bool:
    """Two temperatures are one reading only at one named place, on one day when both name a day, and
    both measured or both forecast: a heatwave story gives many ("44C in Dravna on Tuesday", "46C
    expected on Thursday")."""
    if not {n.text for n in a.names} & {n.text for n in b.names}:
        return False
    if bool(_FORECAST.search(a.text)) != bool(_FORECAST.search(b.text)):
        return False
    days_a = {(d.low, d.high) for d in a.dates if d.low is not None and not d.offset}
    days_b = {(d.low, d.high) for d in b.dates if d.low is not None and not d.offset}
    return not (days_a and days_b and not days_a & days_b)


# a clock time in a clause of its own times another happening ("lost power when the grid failed at 2:40
# p.m."), not the reading of the figure
_TIMES_AN_EVENT = re.compile(r"\b(?:when|after|before|since|until|as soon as)\b[^,;]*$", re.I)


# a relative clause that gives no figure: "the offer of 5%, which the union has so far rejected"
_RELATIVE = re.compile(r",\s+(?:which|who|whom)\b[^,;]*$", re.I)


def _snapshot(text: str) -> bool:
    """A phrase saying the sentence's figures are one moment's ("as of 9:33 a.m.", "so far"), unless it
    times another happening or sits in a relative clause that gives no figure of its own."""
    for m in _SNAPSHOT.finditer(text):
        if m.group().lower().startswith("at ") and _TIMES_AN_EVENT.search(text, 0, m.start()):
            continue
        rel = _RELATIVE.search(text, 0, m.start())
        if rel is not None and not extract_quantities(text[rel.start() :]):
            continue
        return True
    return False


def _other_moments(a: SentenceView, b: SentenceView) -> bool:
    """The sentences give figures of different moments, so none of them are compared."""
    if any(_snapshot(t) for t in (a.text, b.text)):
        return True  # "in morning trading", "as of 9:33 a.m.", "so far": a moment's value
    # "By Tuesday, ...": a moment's value, unless the other sentence gives its value on that day too
    # ("By Wednesday the fire had burned 4,800 acres" / "... 8,400 acres by Wednesday morning")
    days = {
        m.group().split()[-1].lower()
        for t in (a.text, b.text)
        if (m := _BY_DAY.search(t)) and not _FUTURE.search(t)
    }
    if any(not re.search(rf"\b{day}\b", t, re.I) for day in days for t in (a.text, b.text)):
        return True
    if bool(_EARLIER.search(a.text)) != bool(_EARLIER.search(b.text)):
        return True  # "officials initially said 12 died" / "15 died": an earlier figure, since revised
    return _market_moments(a, b)  # "closed at 9,266.51" / "edged down to 9,256.49"


def _market_moments(a: SentenceView, b: SentenceView) -> bool:
    """Two market reports whose precise readings (an index level, a share price, an exchange rate) are
    close but not equal, and not both the close: prices move all day, so the outlets wrote at different
    moments, and the moves they give ("down 0.3%" / "down 0.2%") belong to those moments too. Equal
    readings, or readings far apart, say nothing about the moment and leave the figures to be compared."""
    if not (_MARKET.search(a.text) and _MARKET.search(b.text)):
        return False
    if _CLOSE.search(a.text) and _CLOSE.search(b.text):
        return False  # both give the close: one moment, so "closed at 412.85" / "closed at 421.85" disagree
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


def _near(text: str, q: Quantity, before: int, after: int) -> list[str]:
    """The words (lower case) just before and after a figure, within 40 characters before it."""
    ahead = _words(text[max(0, q.start - 40) : q.start])[-before:] if before else []
    return [w.lower() for w in ahead + _words(text[q.end :])[:after]]


def _share(text: str, q: Quantity) -> str:
    """ "each" for a figure per person or thing ("each boy weighed 50 pounds", "$5 apiece"), "all" for
    a sum ("136 pounds combined", "a total of 40"), else ""."""
    near = " ".join(_near(text, q, 4, 3))
    if _EACH.search(near):
        return "each"
    return "all" if _ALL.search(near) else ""


def _scope(v: SentenceView, q: Quantity) -> set[str]:
    """The period a figure is of, from the words after it up to the next figure of its unit or a clause
    break: "5.4% over the past year" -> {"year"}, "the 0.6% increase in May" -> {"may"}."""
    nxt = min((o.start for o in v.quantities if o.start >= q.end and same_unit(o, q)), default=len(v.text))
    tail = re.split(r"[;:—–(]|\.(?!\d)", v.text[q.end : min(nxt, q.end + 60)], maxsplit=1)[0]
    words = _words(tail)
    months = {w.lower() for w in words if w[0].isupper() and w.lower() in _MONTHS}  # not "may", "march"
    periods = (_PERIODS_OF.get(singular(t)) for t in words[:4])  # lower case: not "Independence Day"
    return months | {p for p in periods if p}


def _periods_differ(sx: set[str], sy: set[str]) -> bool:
    """Both figures name their period and none is shared. A month is also "month": "last month" may be
    June, and "0.9% from May" is the change in June."""
    if not sx or not sy:
        return False
    return not {"month" if p in _MONTHS else p for p in sx} & {"month" if p in _MONTHS else p for p in sy}


def _averaged(text: str, q: Quantity) -> bool:
    """An average ("averaged $19,710", "1.5 million a day on average") is another measure than one value."""
    return any(w.startswith("averag") for w in _near(text, q, 3, 5))


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
        and w.lower() not in _NOT_COUNTED  # the number itself ("two hospitals" / "around two million")
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
    after = {w.lower() for w in _words(q.text)[1:2]} | set(_near(text, q, 0, 1))
    if not q.noun and _OF_THEM.match(text, q.end):
        return True  # "Eleven of the injured were in a serious condition"
    return bool(set(_near(text, q, 1, 0)) & _PART_BEFORE) or bool(after & _PART_AFTER)


def _other_parts(ta: str, x: Quantity, tb: str, y: Quantity) -> bool:
    """Two parts of one group of which different things are said: different people, not one figure."""
    ma, mb = _OF_THEM.match(ta, x.end), _OF_THEM.match(tb, y.end)
    if x.kind != "count" or x.noun or y.noun or ma is None or mb is None:
        return False
    said = [{w.lower() for w in _words(t[m.end() :])[1:5]} - _NOT_SAID for t, m in ((ta, ma), (tb, mb))]
    return not said[0] & said[1]


def _agrees(x: Quantity, y: Quantity) -> bool:
    """An explanation for a value: the other side has one it can be (any whole: '32% of the market')."""
    if same_unit(x, y) and compatible(x, y):
        return True
    # "four regions" and "the four territories": same count of differently named things
    return x.kind == y.kind == "count" and x.value == y.value and not x.approx and not y.approx


def _one_toll(ta: str, x: Quantity, tb: str, y: Quantity) -> bool:
    """Both count one and the same toll ("injuring 140" / "with more than 200 injured")."""
    ox, oy = outcome(ta, x) & _TOLLS, outcome(tb, y) & _TOLLS
    return len(ox) == 1 and ox == oy


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
