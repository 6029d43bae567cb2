"""Quantities in news text: numbers with their unit, scale and how exact the writer meant them to be.

The contradictions lens needs to know that "about 15%" and "14.6%" agree while "43 servicemen" and "30
servicemen" do not, so every quantity is normalised to an interval ``[low, high]`` that already includes
the slack its wording allows (approximators, ranges, bounds, rounding of the last digit). Two quantities
disagree when their intervals do not overlap. Plain regular expressions over the string, no model: this
runs on every sentence of every source and must be fast and predictable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import takewhile

from newsprism.lenses._numbers import (
    _BIG_SCALES,
    _CURRENCY_PREFIXES,
    _CURRENCY_SYMBOLS,
    _CURRENCY_WORDS,
    _HALF,
    _MEASURES,
    _MONTHS,
    _MULT,
    _PERCENT_WORDS,
    _PREFIXES,
    _SCALES,
    _STOP,
    _VAGUE,
    INF,
    _digits,
    _fraction,
    _spelled,
    _Tok,
    _tokens,
    singular,
)

__all__ = ["Quantity", "comparable", "compatible", "extract_quantities", "outcome", "same_unit", "singular"]

# words of movement before a figure: what follows "to" is where it ended ("rose 48 cents to $30")
_MOVES = {"rose", "rise", "rises", "fell", "fall", "falls", "up", "down", "gained", "gains", "lost", "added",
          "shed", "dropped", "drops", "climbed", "declined", "increased", "decreased", "jumped", "slipped",
          "slid", "grew", "cut", "raised", "lowered", "plunged", "surged", "soared", "tumbled", "advanced",
          "off", "higher", "lower", "increasing", "decreasing", "rising", "falling", "gaining", "losing",
          "adding", "dropping", "climbing", "declining", "edged", "eased", "dipped", "sank"}  # fmt: skip
# "went up to 15%": where it got to, not a ceiling ("up to 15%" alone is one)
_REACH = {"go", "goes", "going", "went", "gone", "move", "moves", "moved", "moving", "climb", "climbs",
          "climbed", "jump", "jumps", "jumped", "rise", "rises", "rose", "risen", "rising", "shot", "shoot",
          "shoots", "ramp", "ramped", "push", "pushed", "creep", "crept", "tick", "ticked", "inch", "inched",
          "edge", "edged", "step", "stepped", "bump", "bumped", "hike", "hiked"}  # fmt: skip
# a descending pair is a score or a tally ("won 31-20", "a 5-4 ruling", "by 31 votes to 20"); "to" needs
# a word of voting or winning around it, since "31 to 20" is otherwise rare and may be anything
_TALLY_BEFORE = {"voted", "vote", "votes", "passed", "approved", "rejected", "won", "win", "wins", "beat",
                 "beats", "lost", "loses", "defeated", "leads", "led", "trail", "trailed",
                 "margin"}  # fmt: skip
_TALLY_AFTER = {"vote", "votes", "win", "victory", "defeat", "loss", "margin", "decision", "ruling",
                "majority", "verdict", "split", "score", "scoreline", "draw", "tie"}  # fmt: skip
_NOT_HEADS = {"percent", "pct", "times", "time", "o'clock", "am", "pm", "gmt", "utc", "edt", "est", "bst"}
# capitalised only because they open the sentence: "All 12 were rescued", not a name like "Voyager 2"
_OPENERS = {"the", "all", "another", "only", "just", "these", "those", "its", "his", "her", "their", "our",
            "each", "both", "of", "at", "by", "in", "on", "to", "for", "with", "and", "but", "or", "then",
            "now", "still", "some", "any", "no", "top", "first", "last", "next", "every", "my",
            "your"}  # fmt: skip
_MEASURE_KINDS = {"length", "mass", "area", "duration"}  # "eight months of fighting" / "talks of 11 hours"
_COUNT_APART = 20.0  # counts this far apart count two groups (a crowd at one site, a nationwide total)
_SCALE_APART = 10.0  # two measures this far apart are of two things, not two readings of one
_APPROX_REL = 0.1  # "about 15%" covers 13.5-16.5
_COARSE_DURATIONS = {"decade", "decades"}
_EXACT_REL = 0.02  # an exact figure may still be rounded: 296 and 300 deaths are not a contradiction


@dataclass(frozen=True, slots=True)
class Quantity:
    """One quantity: ``text[start:end]`` is its wording, ``[low, high]`` what it can mean."""

    start: int
    end: int
    text: str
    value: float  # the central value, in the unit's base (km, kg, km2, days, %, currency units)
    low: float
    high: float
    unit: str  # "%", "USD", "km2", "day", "count:<noun>", "count" ...
    kind: str  # percent, money, area, length, mass, duration, age, count, score
    approx: bool  # the wording itself is vague (about, some, thousands of, up to, a range)
    whole: str = ""  # "ukraine" for "15% of Ukraine": two shares of different wholes are not comparable
    noun: str = ""  # the counted noun, singular ("serviceman")
    change: bool = False  # "rose 48 cents", "fell by 75,000": a movement, never compared with a level
    against: float = 0.0  # a score or tally's other side: "won 31-20" is value 31 against 20


# --------------------------------------------------------------------------- the scanner


_Prefix = tuple[tuple[str, ...], str]


def _by_first_word(prefixes: list[_Prefix]) -> dict[str, list[_Prefix]]:
    """Prefixes by first word, longest first within each: every token is tried as a prefix start (twice),
    so trying every prefix there was the lens's largest cost in batch profiles."""
    out: dict[str, list[_Prefix]] = {}
    for words, kind in prefixes:
        out.setdefault(words[0], []).append((words, kind))
    return out


_PREFIXES_BY_FIRST = _by_first_word(_PREFIXES)


def _prefix_at(toks: list[_Tok], i: int) -> tuple[str, int]:
    if i >= len(toks):
        return "", i
    for words, kind in _PREFIXES_BY_FIRST.get(toks[i].low, ()):
        n = len(words)
        if tuple(t.low for t in toks[i : i + n]) == words:
            return kind, i + n
    return "", i


def _is_year(value: float, tok: _Tok) -> bool:
    return len(tok.text) == 4 and tok.text.isdigit() and 1800 <= value <= 2100


def _number_at(toks: list[_Tok], i: int) -> tuple[float, float, float, int, bool] | None:
    """Value, half-step, scale, next index and vagueness of the number starting at ``i``."""
    t = toks[i]
    d = _digits(t.text)
    if d is not None:
        value, half = d
        j = i + 1
        scale = 1.0
        # glued suffixes: 2.5bn, 10k, 5m
        glued = j < len(toks) and toks[j].start == t.end and toks[j].low in ("bn", "m", "k", "mln", "tn")
        if glued or (j < len(toks) and toks[j].low in ("hundred", *_BIG_SCALES)):
            scale = _SCALES[toks[j].low]
            j += 1
        elif j < len(toks) and toks[j].low in _MULT:  # "1.1 millions youths": a scale, misspelt
            scale = _MULT[toks[j].low]
            j += 1
        elif (j + 1 < len(toks) and toks[j].text == "-" and toks[j].start == t.end
              and toks[j + 1].low in _BIG_SCALES):  # fmt: skip
            scale = _SCALES[toks[j + 1].low]  # "$3-million bail"
            j += 2
        if scale == 1.0 and value >= 1000 and half >= 0.5:
            # "90,000" is a rounded figure: trust it to its last non-zero digit
            s = str(int(value))
            zeros = len(s) - len(s.rstrip("0"))
            half = 10.0**zeros * _HALF if zeros else _HALF
        return value * scale, half * scale, scale, j, False
    if t.low in _VAGUE:
        lo, hi = _VAGUE[t.low]
        j = i + 1
        # "hundreds of thousands", "tens of millions"
        if t.low in ("hundreds",) and j + 1 < len(toks) and toks[j].low == "of" and toks[j + 1].low in _MULT:
            m = _MULT[toks[j + 1].low]
            return (lo + hi) * m / 2, (hi - lo) * m / 2, 1.0, j + 2, True
        return (lo + hi) / 2, (hi - lo) / 2, 1.0, j, True
    if t.low == "tens" and i + 2 < len(toks) and toks[i + 1].low == "of" and toks[i + 2].low in _MULT:
        m = _MULT[toks[i + 2].low]
        lo, hi = 10 * m, 99.9 * m
        return (lo + hi) / 2, (hi - lo) / 2, 1.0, i + 3, True
    sp = _spelled(toks, i)
    if sp is not None:
        value, j = sp
        if toks[i].low == "one" and j == i + 1:
            return None  # "one of", "no one", "one day": too ambiguous alone
        return value, 0.0, 1.0, j, False
    return None


def extract_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text``, normalised; years, clock times and calendar days are left to dates."""
    toks = _tokens(text)
    out: list[Quantity] = []
    i = 0
    while i < len(toks):
        q, nxt = _quantity_at(text, toks, i)
        if q is not None:
            out.append(q)
            i = nxt
        else:
            i += 1
    return out


def _quantity_at(text: str, toks: list[_Tok], i: int) -> tuple[Quantity | None, int]:
    start_i = i
    prefix, i = _prefix_at(toks, i)
    if prefix and i == start_i + 1 and _glued_currency(toks, start_i):
        prefix, i = "", start_i  # "C$16.90" is Canadian dollars, not "c." (circa) and US dollars
    if prefix == "upto" and start_i > 0 and toks[start_i - 1].low in _REACH and toks[start_i].low == "up":
        prefix, start_i = "", i  # "the rate will go up to 15%": the level it reaches
    second, k = _prefix_at(toks, i)  # "as much as about 16%": the bound wins over the approximation
    if prefix and second in ("about", "nearly", "upto", "below", "above", "atleast"):
        prefix = prefix if prefix in ("upto", "below", "above", "atleast") else second
        i = k
    if i >= len(toks):
        return None, start_i + 1
    currency = ""
    # currency symbol, possibly after a country prefix: $5, US$5, A$4.56, €3m
    if toks[i].text in _CURRENCY_SYMBOLS:
        currency = _CURRENCY_SYMBOLS[toks[i].text]
        i += 1
    elif _glued_currency(toks, i):
        currency = _CURRENCY_PREFIXES[toks[i].low]
        i += 2
    if i >= len(toks):
        return None, start_i + 1
    frac = None if currency else _fraction(toks, i)
    if frac is not None:
        value, j = frac
        end = j
        nxt = [t.low for t in toks[j : j + 2]]
        if nxt[:1] in (["a"], ["an"]) or nxt in (["of", "a"], ["of", "an"]):
            return None, j  # "a third of a centime", "half an hour": part of a unit, not a share
        whole, end2 = _whole(toks, j)
        low, high = _bounds(prefix, value, 0.0, False)
        q = Quantity(
            toks[start_i if prefix else i].start,
            toks[end - 1].end,
            "",
            value,
            low,
            high,
            "%",
            "percent",
            prefix != "",
            whole,
        )
        return _with_text(text, q), end2 if whole else end
    num = _number_at(toks, i)
    if num is None:
        return None, start_i + 1
    value, half, scale, j, vague = num
    first = toks[i]
    # things that look like numbers but are dates, times or ordinals
    if _is_date_or_time(toks, i, j, value, scale, currency):
        return None, j
    tally = None if prefix or currency or vague or scale != 1.0 else _tally(toks, start_i, i, j, value)
    if tally is not None:
        against, end = tally
        q = Quantity(first.start, toks[end - 1].end, "", value, value, value, "score", "score", False,
                     against=against)  # fmt: skip
        return _with_text(text, q), end
    # ranges: 10-20, 10 to 20, between 10 and 20, from 10 to 20
    high_value: float | None = None
    # "fell by 75,000 to 712,000", "rose 5 to 931": a change and where it ended, not a range
    moved = start_i > 0 and (toks[start_i - 1].low == "by" or toks[start_i - 1].low in _MOVES)
    # "lost 6 points, or 0.71 percent": the restatement of a movement is a movement too
    moved = moved or (start_i > 2 and toks[start_i - 1].low == "or" and toks[start_i - 2].text == ","
                      and _after_movement(toks, start_i - 2))  # fmt: skip
    if j + 1 < len(toks) and (
        (toks[j].text in ("-", "–") and toks[j].start == toks[j - 1].end)
        or (toks[j].low == "to" and not moved)
        or (toks[j].low == "and" and prefix == "between")
    ):
        k = j + 1
        if k < len(toks) and toks[k].text in _CURRENCY_SYMBOLS:
            k += 1
        other = _number_at(toks, k)
        if other is not None and _is_year(value, first) and not _is_year(other[0], toks[k]):
            other = None  # "from 6,121 in 2016 to 7,314 in 2019": a year, then the figure it reached
        if other is not None and not (toks[j].text in ("-", "–") and toks[j + 1].start != toks[j].end):
            v2, _, scale2, k2, _ = other
            if scale == 1.0 and scale2 > 1.0:  # "2 to 3 million"
                value *= scale2
                half *= scale2
            if v2 > value:
                high_value = v2  # the wording states both ends: no rounding slack
                half = 0.0
                j = k2
    after_number = j
    unit, kind, noun, j = _unit(toks, j, currency, vague)
    reading = _magnitude_end(toks, i, after_number)
    if kind == "count" and not prefix and not currency and reading is not None:
        unit, kind, noun, j = "magnitude", "magnitude", "", reading
    if kind == "":
        return None, j if j > i else start_i + 1
    if prefix in ("from", "between") and high_value is None:
        high_value, j = _far_range_end(toks, j, unit, value)  # "from 16 cents a share to 27 cents"
        prefix, half = ("", half) if high_value is None else (prefix, 0.0)
    if kind == "count" and not prefix and scale == 1.0 and i > 0 and toks[i - 1].text[:1].isupper() \
            and toks[i - 1].text.isalpha() and toks[i - 1].low not in _MONTHS \
            and (i > 1 or (not noun and toks[0].low not in _OPENERS)):  # fmt: skip
        return None, j  # "Voyager 2", "FTSE 100", "Service Pack 3": part of a name
    if i > 1 and toks[i - 1].text == "." and len(toks[i - 2].text) == 1 and toks[i - 2].text.isupper():
        return None, j  # "H.R. 8": a bill number
    if not prefix and not currency and i > 0 and (toks[i - 1].text == "#" or _is_number_sign(toks, i)):
        return None, j  # "No. 4 seed", "#3": a rank or an identifier
    if kind == "count" and _is_year(value, first) and not prefix and high_value is None:
        return None, j  # "the 2002 results": a year; counts that large are written "2,002"
    coarse = False
    if kind == "duration" and not vague and high_value is None:
        if unit in _COARSE_DURATIONS:  # counted in decades: "nearly two decades" for 17 years
            half, coarse = max(half, 0.5), True
        value, j = _compound_duration(toks, j, value, _MEASURES[unit][1])  # "three years and four months"
    whole, end = _whole(toks, j) if kind in ("percent", "count") else ("", j)
    if unit == "count" and not whole:
        part = _part_of(text, toks, j)  # "31 of the 51 seats": 31 seats, out of 51 (read next, a count too)
        if part is not None:
            unit, noun, whole = part.unit, part.noun, part.text.lower()
    factor = 1.0
    if kind in ("length", "mass", "area", "duration", "age"):
        factor = _MEASURES.get(unit, ("", 1.0))[1] if kind != "area" else _area_factor(unit)
        unit = {"length": "km", "mass": "kg", "area": "km2", "duration": "day", "age": "year"}[kind]
    if kind == "age":
        factor = 1.0
    if prefix == "" and start_i != i:
        start_i = i - (1 if currency else 0)  # "from 2001": no range, the quantity starts at the number
    approx = vague or prefix != "" or high_value is not None
    if high_value is not None:
        low, high = value - half, high_value
    else:
        # a figure may be rounded to its trailing zeros ("300" for 296); "842 million" is nearly as written
        # (1%: "$247 billion" for 247.7 is a cut, not another figure); "31 seats" exactly
        digits = first.text.replace(",", "")
        exact = "." in digits or (kind == "count" and value < 100)
        rel = _EXACT_REL if digits.endswith("0") else _EXACT_REL / 2
        low, high = _bounds(prefix, value, half, vague, precise=exact, rel=rel)
        if coarse:
            low = max(low, value - half)  # the unit's own rounding is the approximation
    q = Quantity(
        toks[start_i].start if prefix else toks[i if not currency else i - 1].start,
        toks[j - 1].end,
        "",
        value * factor,
        low * factor,
        high * factor,
        unit,
        kind,
        approx,
        whole,
        noun,
    )
    if currency and not prefix:
        sym_start = _currency_start(toks, i)
        q = replace(q, start=sym_start)
    if kind == "temperature" and i > 0 and (toks[i - 1].low == "minus" or _glued_minus(toks, i)):
        q = replace(q, start=toks[i - 1].start, value=-q.value, low=-q.high, high=-q.low)
    return _with_text(text, replace(q, change=moved)), end if whole else j


def _tally(toks: list[_Tok], start_i: int, i: int, j: int, value: float) -> tuple[float, int] | None:
    """The other side and the end of a score or tally starting with the number at ``i`` (ending before
    ``j``): "31-20", "31–20", "31 votes to 20", "voted 31 to 20". A pair that rises is a range; a season
    ("2020-21") and "24-7" are neither."""
    n = len(toks)
    if j + 1 >= n or not toks[i].text.isdigit() or value >= 1000:
        return None
    k = j + 1
    if toks[j].text in ("-", "–") and toks[j].start == toks[i].end and toks[k].start == toks[j].end:
        pass  # "31-20"
    elif toks[j].low in ("votes", "vote") and toks[k].low == "to" and k + 1 < n:
        k += 1  # "31 votes to 20"
    elif toks[j].low == "to" and ((start_i > 0 and toks[start_i - 1].low in _TALLY_BEFORE)
                                  or (k + 1 < n and toks[k + 1].low in _TALLY_AFTER)):  # fmt: skip
        pass  # "voted 31 to 20", "a 31 to 20 vote"
    else:
        return None
    if not toks[k].text.isdigit() or (
        k + 1 < n and toks[k + 1].start == toks[k].end and toks[k + 1].text.isalpha()
    ):
        return None  # "737-700s", "A320-200neo": a model name
    other = float(toks[k].text)
    if other > value or (len(toks[i].text) == 4 and len(toks[k].text) == 2) or (value, other) == (24, 7):
        return None
    end = k + 1
    if end < n and toks[end].low in ("votes", "vote") and toks[j].low != "-":
        end += 1
    return other, end


def _part_of(text: str, toks: list[_Tok], j: int) -> Quantity | None:
    """The counted whole after a bare count: "of the 51 seats" in "won 31 of the 51 seats"."""
    if j + 1 >= len(toks) or toks[j].low != "of":
        return None
    k = j + 1 + (toks[j + 1].low in ("the", "its", "their", "his", "her"))
    inner = _quantity_at(text, toks, k)[0] if k < len(toks) else None
    return inner if inner is not None and inner.kind == "count" and inner.noun else None


def _index_after(toks: list[_Tok], offset: int) -> int:
    return next((k for k, t in enumerate(toks) if t.start >= offset), len(toks))


def _is_number_sign(toks: list[_Tok], i: int) -> bool:
    """'No. 4', 'no. 2', 'number 10': a rank or label, not an amount."""
    if toks[i - 1].low == "number":
        return True
    return i > 1 and toks[i - 1].text == "." and toks[i - 2].text in ("No", "no", "Nos", "nos")


def _after_movement(toks: list[_Tok], k: int) -> bool:
    """A movement word shortly before token ``k`` with a number between ("rose 6 points, or ...")."""
    for t in reversed(toks[max(0, k - 5) : k]):
        if t.low in _MOVES or t.low == "by":
            return True
        if t.low in (",", "and", "or", ";"):
            return False
    return False


def _compound_duration(toks: list[_Tok], j: int, value: float, factor: float) -> tuple[float, int]:
    """Adds a smaller unit that follows ("three years, four months" is 40 months, not two figures)."""
    if j + 2 >= len(toks) or toks[j].low not in ("and", ","):
        return value, j
    k = j + 1
    num = _number_at(toks, k)
    if num is None or num[4]:
        return value, j
    unit = toks[num[3]].low if num[3] < len(toks) else ""
    if unit not in _MEASURES or _MEASURES[unit][0] != "duration" or _MEASURES[unit][1] >= factor:
        return value, j
    return value + num[0] * _MEASURES[unit][1] / factor, num[3] + 1


def _far_range_end(toks: list[_Tok], j: int, unit: str, value: float) -> tuple[float | None, int]:
    """The upper end of a range whose unit is repeated: 'from 16 cents a share to 27 cents a share'."""
    for k in range(j, min(j + 4, len(toks) - 1)):
        if toks[k].low in ("to", "and"):
            at = k + 1 + (toks[k + 1].text in _CURRENCY_SYMBOLS)
            other = _number_at(toks, at) if at < len(toks) else None
            if other is None or other[0] <= value:
                return None, j
            unit2, _, _, end = _unit(toks, other[3], unit if unit.isupper() else "", other[4])
            return (other[0], end) if unit2 == unit else (None, j)
        if not toks[k].text[0].isalpha():
            break
    return None, j


def _currency_start(toks: list[_Tok], i: int) -> int:
    k = i - 1
    while (
        k > 0
        and toks[k - 1].end == toks[k].start
        and (toks[k - 1].low in _CURRENCY_PREFIXES or toks[k - 1].text in _CURRENCY_SYMBOLS)
    ):
        k -= 1
    return toks[k].start


def _with_text(text: str, q: Quantity) -> Quantity:
    return replace(q, text=text[q.start : q.end])


def _bounds(
    prefix: str, value: float, half: float, vague: bool, precise: bool = False, rel: float = _EXACT_REL
) -> tuple[float, float]:
    """The interval a wording allows; ``precise``: written with decimals ("$43.67"), so no rounding slack;
    ``rel``: the rounding slack of an exact figure otherwise."""
    if vague:
        return value - half, value + half
    if prefix == "about":
        return value * (1 - _APPROX_REL) - half, value * (1 + _APPROX_REL) + half
    if prefix == "nearly":
        return value * (1 - _APPROX_REL) - half, value + half
    if prefix == "upto":
        return 0.0, value + half
    if prefix == "below":
        return 0.0, value
    if prefix == "above":
        return value, INF
    if prefix == "atleast":
        return value - half, INF
    slack = half if precise else max(half, value * rel)
    return value - slack, value + slack


def _area_factor(unit: str) -> float:
    if unit.startswith("sqmi"):
        return 2.589988
    if unit in _MEASURES and _MEASURES[unit][0] == "area":
        return _MEASURES[unit][1]
    return 1.0


def _is_date_or_time(toks: list[_Tok], i: int, j: int, value: float, scale: float, currency: str) -> bool:
    if currency:
        return False
    first = toks[i]
    prev = toks[i - 1].low if i > 0 else ""
    if prev == "." and i > 1:
        prev = toks[i - 2].low  # "Aug. 8"
    nxt = toks[j].low if j < len(toks) else ""
    if prev in _MONTHS or (nxt in _MONTHS and first.text.isdigit() and value <= 31):
        return True
    glued_prev = i > 0 and toks[i - 1].end == first.start and toks[i - 1].text in ("/", ":")
    glued_next = j < len(toks) and toks[j].start == toks[j - 1].end and toks[j].text in ("/", ":")
    if glued_prev or glued_next:
        return True  # 9/11, 3/4, 9:33, scores and clock times
    if i > 0 and toks[i - 1].end == first.start and toks[i - 1].text[0].isalpha():
        return True  # DB2, N2H2: part of a name
    if i > 1 and toks[i - 1].text == "-" and toks[i - 1].start == toks[i - 2].end == first.start - 1 \
            and toks[i - 2].text[0].isupper():  # fmt: skip
        return True  # F-16, Covid-19
    if nxt in ("st", "nd", "rd", "th") and j < len(toks) and toks[j].start == first.end:
        return True  # ordinal
    if nxt in (":", "am", "pm", "a", "p", "gmt", "utc", "bst", "edt", "est", "cet", "o'clock", "hrs"):
        return nxt != "a" or (j + 1 < len(toks) and toks[j + 1].text == ".")  # "9 a.m." but "9 a day"
    return first.text.isdigit() and len(first.text) == 4 and first.text.startswith("0")  # 0335 GMT


def _unit(toks: list[_Tok], j: int, currency: str, vague: bool) -> tuple[str, str, str, int]:
    """The unit after the number: returns unit, kind, counted noun and the next index."""
    n = len(toks)
    nxt = toks[j].low if j < n else ""
    if currency:
        return currency, "money", "", j
    if nxt == "%" or nxt in _PERCENT_WORDS:
        return "%", "percent", "", j + 1
    if (scale := _temperature_scale(toks, j)) is not None:
        unit, k = scale
        return unit, "temperature", "", _conversion_end(toks, k)
    if nxt == "per" and j + 1 < n and toks[j + 1].low == "cent":
        return "%", "percent", "", j + 2
    if nxt in ("percentage",) and j + 1 < n and toks[j + 1].low == "points":
        return "pp", "percent-points", "", j + 2
    if nxt in _CURRENCY_WORDS and not (nxt in ("pound", "pounds") and _next_is_mass(toks, j)):
        return _CURRENCY_WORDS[nxt], "money", "", j + 1
    # N-year-old, N-month, N-day (hyphenated) and plain durations
    if nxt == "-" and j + 1 < n and toks[j + 1].low in _MEASURES and toks[j + 1].start == toks[j].end:
        unit = toks[j + 1].low
        if unit in ("year", "years") and j + 3 < n and toks[j + 2].text == "-" and toks[j + 3].low == "old":
            return "year", "age", "", j + 4
        return unit, _MEASURES[unit][0], "", j + 2
    if nxt in ("square", "sq") and j + 1 < n:
        u = toks[j + 1].low.rstrip(".")
        k = j + 2
        if u in ("km", "kilometres", "kilometers", "kilometre", "kilometer"):
            return "km2", "area", "", k
        if u in ("miles", "mile", "mi"):
            return "sqmi", "area", "", k
        if u in ("metres", "meters", "m"):
            return "m2", "area", "", k
    if nxt in ("km", "kilometres", "kilometers") and j + 1 < n and toks[j + 1].text in ("²", "2"):
        return "km2", "area", "", j + 2
    if nxt in _MEASURES and nxt not in ("m", "pound", "pounds", "second"):
        unit, k = nxt, j + 1
        if unit in ("years", "year") and k + 1 < n and toks[k].low == "old":
            return "year", "age", "", k + 1
        return unit, _MEASURES[unit][0], "", k
    if nxt in ("m",) and j < n and toks[j].start == toks[j - 1].end:
        return "m", "length", "", j + 1
    if nxt in ("pound", "pounds") and _next_is_mass(toks, j):
        return "pounds", "mass", "", j + 1
    # a count: the head noun of what follows ("43 servicemen", "two nuclear warheads", "thousands of men")
    k = j
    if vague and k < n and toks[k].low == "of":
        k += 1
    noun, end = _head_noun(toks, k)
    if noun in _NOT_HEADS:
        return "", "", "", j
    return (f"count:{noun}" if noun else "count"), "count", noun, end


def _glued_minus(toks: list[_Tok], i: int) -> bool:
    """ "-5C": a sign, not a range's dash ("3-5C") or a hyphen."""
    sign = toks[i - 1]
    return sign.text in ("-", "−") and sign.end == toks[i].start and (i < 2 or toks[i - 2].end < sign.start)


# "degrees" alone is a temperature only beside a word of weather or a level reached just before it: a
# screen "swivels 180 degrees", a road "turns 90 degrees"
_WEATHER = {"temperature", "temperatures", "thermometer", "thermometers", "mercury", "heat", "heatwave",
            "hot", "hotter", "hottest", "cold", "colder", "coldest", "warm", "warmer", "warmest", "freezing",
            "frost", "weather", "forecasters", "climate", "chill", "sweltering", "high", "highs", "low",
            "lows"}  # fmt: skip
_REACHED = {"hit", "hits", "reached", "reach", "reaches", "peaked", "topped", "tops", "soared", "climbed",
            "plunged", "plummeted", "touched", "exceeded"}  # fmt: skip


def _weather(toks: list[_Tok], j: int) -> bool:
    before = toks[j - 2].low if j >= 2 else ""
    return before in _REACHED or any(t.low in _WEATHER for t in toks)


_TEMPERATURE_SCALES = {"c": "°C", "celsius": "°C", "centigrade": "°C", "f": "°F", "fahrenheit": "°F"}


def _temperature_scale(toks: list[_Tok], j: int) -> tuple[str, int] | None:
    """The scale and the next index of a temperature written "44C", "44°C", "104 °F" or "44 degrees
    Celsius"; "44 degrees" alone may be an angle, and "44 C" apart a grade or a clause."""
    n = len(toks)
    if j >= n:
        return None
    k = j + int(toks[j].text == "°")
    glued = toks[k - 1].end == toks[k].start if k < n else False
    if k < n and toks[k].low in ("c", "f") and (glued or k > j) and toks[k].text.isupper():
        return _TEMPERATURE_SCALES[toks[k].low], k + 1
    if toks[j].low in ("degree", "degrees") and j + 1 < n and toks[j + 1].low in _TEMPERATURE_SCALES:
        return _TEMPERATURE_SCALES[toks[j + 1].low], j + 2
    if toks[j].low == "degrees" and _weather(toks, j):
        return "°", j + 1  # "It hit 44 degrees in Dravna": a scale the story's other figures give
    return None


def _conversion_end(toks: list[_Tok], k: int) -> int:
    """Past a temperature's conversion in brackets ("41C (106F)"): one reading, told in two scales."""
    if k < len(toks) and toks[k].text == "(":
        end = next((m for m in range(k + 1, min(k + 6, len(toks))) if toks[m].text == ")"), None)
        if end is not None and _number_at(toks, k + 1) is not None:
            after = _number_at(toks, k + 1)
            if after is not None and _temperature_scale(toks, after[3]) is not None:
                return end + 1
    return k


def _next_is_mass(toks: list[_Tok], j: int) -> bool:
    return j + 1 < len(toks) and toks[j + 1].low == "of"


def _head_noun(toks: list[_Tok], k: int) -> tuple[str, int]:
    """Last word of the run of content words after a number: 'nuclear warheads' -> 'warhead'."""
    words: list[_Tok] = []
    n = len(toks)
    while k < n and len(words) < 4:
        t = toks[k]
        if not t.text[0].isalpha() or t.low in _STOP or t.low in _MONTHS:
            break
        if words and (t.low.endswith(("ed", "ing", "ly")) and t.low not in ("hundred",)):
            break
        words.append(t)
        k += 1
        # "2,500 U.S. troops", "U.K. nationals": an initialism is a modifier, the noun comes after it
        while (
            k < n and toks[k].text == "." and toks[k].start == toks[k - 1].end and len(toks[k - 1].text) <= 2
        ):
            k += 1  # the dot; then the initialism's next letter, if any ("S" of "U.S.")
            if (
                k < n
                and toks[k].start == toks[k - 1].end
                and toks[k].text[:1].isalpha()
                and len(toks[k].text) <= 2
            ):
                k += 1
        if k < n and toks[k].text == "-" and k + 1 < n and toks[k + 1].start == toks[k].end:
            k += 1  # hyphenated compound continues
            continue
        if _plural(t.low):
            break  # "212 protesters outside": the plural noun closes the phrase
    if not words:
        return "", k
    # "12 wounded" keeps the participle; "12 killed" is not a noun
    head = words[-1].low
    if len(words) == 1 and head.endswith(("ly",)):
        return "", k - 1
    return _COUNTED_ALIKE.get(singular(head), singular(head)), k


# nouns outlets use for one counted thing: "40,000 homes" and "40,000 households" lost power
_COUNTED_ALIKE = {"household": "home", "dwelling": "home"}


def _plural(word: str) -> bool:
    return singular(word) != word and len(word) > 3


def _whole(toks: list[_Tok], j: int) -> tuple[str, int]:
    """'of Ukraine', 'of the country's territory': what a share is a share of."""
    if j >= len(toks) or toks[j].low != "of":
        return "", j
    k = j + 1
    words: list[str] = []
    while k < len(toks) and toks[k].low in ("the", "its", "their", "his", "her", "all"):
        k += 1
    while k < len(toks) and len(words) < 4:
        t = toks[k]
        if not t.text[0].isalpha() or (t.low in _STOP and t.low != "of"):
            break
        if t.low == "of":
            break
        words.append(t.low.removesuffix("'s"))
        k += 1
    if not words:
        return "", j
    return " ".join(words), k


# --------------------------------------------------------------------------- comparison


_SUBUNITS = {"USD-cent": ("USD", 0.01), "GBP-penny": ("GBP", 0.01)}  # "87 cents" is $0.87


def degrees_as_temperature(q: Quantity) -> Quantity:
    """A value cut out of its sentence ("44 degrees") has lost the weather words that made it a
    temperature; beside a temperature it is one again, in whatever scale that gives."""
    return replace(q, kind="temperature", unit="°") if q.unit == "count:degree" else q


def same_unit(a: Quantity, b: Quantity) -> bool:
    """Same unit once cents and pence are read as fractions of their currency; "44 degrees" is in the
    scale of whatever temperature it meets."""
    if a.kind == b.kind == "temperature" and "°" in (a.unit, b.unit):
        return True
    return _SUBUNITS.get(a.unit, (a.unit,))[0] == _SUBUNITS.get(b.unit, (b.unit,))[0]


def _glued_currency(toks: list[_Tok], i: int) -> bool:
    """A country prefix written against a dollar sign: "C$", "A$", "HK$"."""
    return (
        i + 1 < len(toks)
        and toks[i].low in _CURRENCY_PREFIXES
        and toks[i + 1].text == "$"
        and toks[i + 1].start == toks[i].end
    )


def _in_base(q: Quantity) -> tuple[float, float]:
    factor = _SUBUNITS.get(q.unit, ("", 1.0))[1]
    return q.low * factor, q.high * factor


def comparable(a: Quantity, b: Quantity) -> bool:
    """Same kind of thing: same unit, and for shares and counts the same whole when both name one."""
    if not same_unit(a, b) or a.change != b.change:
        return False
    if a.kind in _MEASURE_KINDS and min(a.value, b.value) * _SCALE_APART < max(a.value, b.value):
        return False  # "a 9-foot surge" and "a 150-mile stretch": a unit is chosen to fit what it measures
    if far_apart(a, b):
        return False  # "around 200 nurses gathered at the gate" / "30,000 nurses began a strike": a part
    return not (a.whole and b.whole and not _same_whole(a.whole, b.whole))


def far_apart(a: Quantity, b: Quantity) -> bool:
    """Two counts so far apart that they count two groups, not one disputed figure."""
    return a.kind == b.kind == "count" and min(a.value, b.value) * _COUNT_APART < max(a.value, b.value)


def _same_whole(a: str, b: str) -> bool:
    wa, wb = set(a.split()), set(b.split())
    return bool(wa & wb) or bool({singular(w) for w in wa} & {singular(w) for w in wb})


def compatible(a: Quantity, b: Quantity) -> bool:
    """Both wordings can describe the same true value (their intervals overlap); but two floors ("at
    least 9 days" / "at least 10 days") are two outlets' different figures, so they must agree as
    figures (an overlap of open intervals says nothing), and two scores must be the same score."""
    if a.kind == "score" or b.kind == "score":
        return (a.kind, a.value, a.against) == (b.kind, b.value, b.against)
    (alow, ahigh), (blow, bhigh) = _in_base(a), _in_base(b)
    if ahigh == bhigh == INF:
        va, vb = a.value * _SUBUNITS.get(a.unit, ("", 1.0))[1], b.value * _SUBUNITS.get(b.unit, ("", 1.0))[1]
        return abs(va - vb) <= _EXACT_REL * max(va, vb)
    return alow <= bhigh * (1 + 1e-9) and blow <= ahigh * (1 + 1e-9)


_MAGNITUDE = {"magnitude", "richter"}  # a quake's reading, not a count of what follows


def _magnitude_end(toks: list[_Tok], i: int, after: int) -> int | None:
    """Where a quake's magnitude ends when the number at ``i`` is one ("a magnitude 6.4 quake", "put the
    magnitude at 6.1", "the 6.4-magnitude quake"), else None."""
    k = after + int(after < len(toks) and toks[after].text in ("-", "–"))
    if k < len(toks) and toks[k].low in _MAGNITUDE:
        return k + 1
    one = toks[i - 1].low if i > 0 else ""
    two = toks[i - 2].low if i > 1 else ""
    return after if one in _MAGNITUDE or (one in ("at", "of") and two in _MAGNITUDE) else None


# what a count of people says happened to them: a toll of the dead, of the hurt, ... or everyone there
_OUTCOMES = {
    "dead": ("kill", "dead", "die", "died", "death", "fatal"),
    "hurt": ("injur", "wound", "hurt", "burn", "suffer", "hospitalis", "hospitaliz", "treated", "condition"),
    "missing": ("missing",),
    "rescued": ("rescu", "evacuat"),
    "total": ("carry", "carri", "aboard", "onboard", "board"),
    "deployed": ("deploy", "sent", "dispatch", "fought", "fighting", "battl", "scene", "respond"),
}
_LETTERS = re.compile(r"[A-Za-z]+")
_IN_HOSPITAL = re.compile(r"\b(?:to|in|into)\s+(?:a\s+|the\s+)?hospital\b", re.I)
_OF_GROUP = re.compile(r"\s+of\s+(?:the|those|these|its|their)\s+[A-Za-z]+")
# a clause whose subject is the toll, up to the bare number it gives ("rose to", "stands at")
_TOLL_SUBJECT = re.compile(r"\b(?:death|casualty|fatality) tolls?\b[^,;:.!?]{0,60}$", re.I)
_NEGATIONS = {"not", "no", "never", "t"}  # "t": the end of "hadn't" split from its verb


def outcome(text: str, q: Quantity) -> set[str]:
    """What a count says happened to what it counts, from the words just around it: "dead", "hurt",
    "missing", "rescued", "total" (everyone there: "carrying 212 passengers") or "deployed" (those sent:
    "45 firefighters fought the blaze"); empty when it does not say. Two counts with different outcomes
    are two facts, not one figure."""
    if q.kind != "count":
        return set()
    # the words after it up to a negation: "its two hospitals had not yet treated any patients" says
    # nothing happened to the hospitals
    rest = text[q.end :]
    group = None if q.noun else _OF_GROUP.match(rest)
    if group:  # "Two of the injured died overnight": what happened to the two, not to the group
        rest = rest[group.end() :]
    after = list(takewhile(lambda w: w not in _NEGATIONS, (w.lower() for w in _LETTERS.findall(rest)[:4])))
    near = [w.lower() for w in _LETTERS.findall(text[: q.start])[-3:]] + after
    if q.noun.endswith("ed") or q.noun in ("dead", "hurt", "missing"):
        near.append(q.noun)  # "more than 200 injured": the counted word says it (not "two hospitals")
    if not q.noun and _TOLL_SUBJECT.search(text[: q.start]):
        near.append("dead")  # "The death toll from the floods rose to 43": the bare number is the toll
    found = {kind for kind, stems in _OUTCOMES.items() if any(w.startswith(stems) for w in near)}
    # taken to or treated in hospital, not nurses "at public hospitals" or a hospital's operations
    window = " ".join(_LETTERS.findall(text[max(0, q.start - 30) : q.start])[-3:] + after)
    return found | ({"hurt"} if _IN_HOSPITAL.search(window) else set())
