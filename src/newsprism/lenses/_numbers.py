"""Words and numerals for the quantity scanner: number words, scales, units, currencies, and number parsing.

The tables say what a word means to a quantity ("dozens" is 24-199, "bn" a billion, "£" GBP, "sq mi"
an area); the parsers read one number (digits with thousands separators, spelled-out numbers,
fractions) from the token stream. ``quantities.py`` scans sentences with them and compares the results.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

INF = math.inf

_TOKEN = re.compile(
    r"(?<![\w.])\.\d+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.])|\d+(?:[.,]\d+)*"
    r"|[A-Za-z]+(?:'[A-Za-z]+)?|[^\sA-Za-z\d]"
)

_UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}  # fmt: skip
_SCALES = {
    "hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "bn": 1e9, "mln": 1e6, "m": 1e6, "k": 1e3, "tn": 1e12,
}  # fmt: skip
_BIG_SCALES = {"thousand", "million", "billion", "trillion", "bn", "mln", "tn"}
# vague plural scales: "thousands of men", "tens of thousands", "dozens of"
_VAGUE = {"dozens": (24.0, 199.0), "scores": (40.0, 199.0), "hundreds": (200.0, 999.0),
          "thousands": (2e3, 9.99e5), "millions": (2e6, 9.99e8), "billions": (2e9, 9.99e11)}  # fmt: skip
_MULT = {"thousands": 1e3, "millions": 1e6, "billions": 1e9}
_FRACTIONS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5,
    "sixth": 6, "sixths": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "tenths": 10,
}  # fmt: skip
_CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB", "₴": "UAH", "₹": "INR"}
_CURRENCY_PREFIXES = {"a": "AUD", "us": "USD", "c": "CAD", "nz": "NZD", "hk": "HKD", "s": "SGD"}
_CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "usd": "USD", "euro": "EUR", "euros": "EUR", "eur": "EUR",
    "pound": "GBP", "pounds": "GBP", "sterling": "GBP", "gbp": "GBP", "yen": "JPY", "yuan": "CNY",
    "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "hryvnia": "UAH", "hryvnias": "UAH",
    "rupee": "INR", "rupees": "INR", "cents": "USD-cent", "cent": "USD-cent", "pence": "GBP-penny",
    "koruna": "CZK", "korun": "CZK", "koruny": "CZK", "krona": "SEK", "kronor": "SEK", "krone": "NOK/DKK",
    "kroner": "NOK/DKK", "zloty": "PLN", "zlotys": "PLN", "forint": "HUF", "forints": "HUF",
    "leu": "RON", "lei": "RON", "lev": "BGN", "leva": "BGN", "franc": "franc", "francs": "franc",
    "peso": "peso", "pesos": "peso", "reais": "BRL", "rand": "ZAR", "naira": "NGN", "shilling": "shilling",
    "shillings": "shilling", "dinar": "dinar", "dinars": "dinar", "dirham": "dirham", "dirhams": "dirham",
    "riyal": "riyal", "riyals": "riyal", "rial": "riyal", "rials": "riyal", "shekel": "ILS", "shekels": "ILS",
    "baht": "THB", "ringgit": "MYR", "rupiah": "IDR", "lira": "lira", "liras": "lira", "lire": "lira",
    "tenge": "KZT", "lari": "GEL", "renminbi": "CNY", "bitcoin": "BTC", "bitcoins": "BTC",
}  # fmt: skip
# unit word -> (dimension, factor to the dimension's base unit)
_MEASURES: dict[str, tuple[str, float]] = {
    "km": ("length", 1.0), "kilometre": ("length", 1.0), "kilometres": ("length", 1.0),
    "kilometer": ("length", 1.0), "kilometers": ("length", 1.0), "mile": ("length", 1.609344),
    "miles": ("length", 1.609344), "metre": ("length", 1e-3), "metres": ("length", 1e-3),
    "meter": ("length", 1e-3), "meters": ("length", 1e-3), "m": ("length", 1e-3),
    "foot": ("length", 3.048e-4), "feet": ("length", 3.048e-4), "ft": ("length", 3.048e-4),
    "inch": ("length", 2.54e-5), "inches": ("length", 2.54e-5), "yard": ("length", 9.144e-4),
    "yards": ("length", 9.144e-4),
    "kg": ("mass", 1.0), "kilogram": ("mass", 1.0), "kilograms": ("mass", 1.0), "kilos": ("mass", 1.0),
    "tonne": ("mass", 1e3), "tonnes": ("mass", 1e3), "ton": ("mass", 907.0), "tons": ("mass", 907.0),
    "pound": ("mass", 0.4536), "pounds": ("mass", 0.4536), "lb": ("mass", 0.4536), "lbs": ("mass", 0.4536),
    "hectare": ("area", 0.01), "hectares": ("area", 0.01), "acre": ("area", 0.004047),
    "acres": ("area", 0.004047), "km2": ("area", 1.0),
    "second": ("duration", 1 / 86400), "seconds": ("duration", 1 / 86400),
    "minute": ("duration", 1 / 1440), "minutes": ("duration", 1 / 1440), "hour": ("duration", 1 / 24),
    "hours": ("duration", 1 / 24), "day": ("duration", 1.0), "days": ("duration", 1.0),
    "week": ("duration", 7.0), "weeks": ("duration", 7.0), "month": ("duration", 30.44),
    "months": ("duration", 30.44), "year": ("duration", 365.25), "years": ("duration", 365.25),
    "decade": ("duration", 3652.5), "decades": ("duration", 3652.5),
}  # fmt: skip
_PERCENT_WORDS = {"percent", "pct"}
_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec",
}  # fmt: skip
# approximators and bounds before a number: words -> how they widen the interval
_PREFIXES: list[tuple[tuple[str, ...], str]] = sorted(
    [
        (("about",), "about"), (("around",), "about"), (("approximately",), "about"),
        (("roughly",), "about"), (("some",), "about"), (("an", "estimated"), "about"),
        (("estimated",), "about"), (("approx",), "about"), (("circa",), "about"), (("c",), "about"),
        (("close", "to"), "nearly"), (("nearly",), "nearly"), (("almost",), "nearly"),
        (("just", "under"), "nearly"), (("up", "to"), "upto"), (("as", "many", "as"), "upto"),
        (("as", "much", "as"), "upto"), (("at", "most"), "upto"), (("no", "more", "than"), "upto"),
        (("fewer", "than"), "below"), (("less", "than"), "below"), (("under",), "below"),
        (("below",), "below"), (("more", "than"), "above"), (("over",), "above"), (("above",), "above"),
        (("just", "over"), "above"), (("at", "least"), "atleast"), (("upwards", "of"), "above"),
        (("in", "excess", "of"), "above"), (("between",), "between"), (("from",), "from"),
    ],
    key=lambda p: -len(p[0]),
)  # fmt: skip
_STOP = {
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "but", "as",
    "than", "that", "which", "who", "were", "was", "are", "is", "be", "been", "have", "has", "had", "will",
    "would", "could", "should", "may", "might", "said", "says", "say", "this", "these", "those", "it",
    "its", "their", "his", "her", "they", "he", "she", "we", "last", "next", "ago", "after",
    "before", "since", "during", "into", "per", "each", "over", "under", "about", "around", "up", "down",
    "out", "off", "while", "when", "where", "if", "not", "no", "also", "did", "do", "does", "so",
    "more", "less", "fewer", "most", "then", "there", "here", "all", "both", "some", "such",
}  # fmt: skip
_HALF = 0.495  # half a step of the last digit, a hair less so that 43 and 44 do not touch


@dataclass(frozen=True, slots=True)
class _Tok:
    text: str
    low: str
    start: int
    end: int


def _tokens(text: str) -> list[_Tok]:
    return [_Tok(m.group(), m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def singular(word: str) -> str:
    """Crude English singular, enough to match 'servicemen' with 'serviceman' and 'regions' with 'region'."""
    w = word.lower()
    irregular = {"people": "person", "men": "man", "women": "woman", "children": "child", "feet": "foot",
                 "mice": "mouse", "teeth": "tooth", "geese": "goose", "persons": "person"}  # fmt: skip
    if w in irregular:
        return irregular[w]
    if w.endswith("men") and len(w) > 4:
        return w[:-3] + "man"
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        return w[:-1]
    return w


# --------------------------------------------------------------------------- number parsing


def _digits(tok: str) -> tuple[float, float] | None:
    """Value and half the step of the last written digit ('2.5' -> 2.5, 0.05)."""
    t = re.sub(r"[ \u00a0\u202f]", "", tok)
    if t.startswith("."):
        t = "0" + t
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", t):
        t = t.replace(",", "")
    elif "," in t:
        return None
    if not re.fullmatch(r"\d+(?:\.\d+)?", t):
        return None
    step = 10.0 ** -len(t.split(".")[1]) if "." in t else 1.0
    return float(t), step * _HALF


def _spelled(toks: list[_Tok], i: int) -> tuple[float, int] | None:
    """'twenty-five', 'seven', 'a hundred', 'two hundred and forty': value and next index."""
    total, current, j, seen = 0.0, 0.0, i, False
    while j < len(toks):
        w = toks[j].low
        if w in _UNITS_WORDS:
            if seen and current % 100 not in (0,) and current % 10 != 0:
                break
            current += _UNITS_WORDS[w]
        elif w in _TENS_WORDS:
            if seen and current % 100 != 0:
                break
            current += _TENS_WORDS[w]
            if (
                j + 2 < len(toks)
                and toks[j + 1].text == "-"
                and toks[j + 2].low in _UNITS_WORDS
                and toks[j + 1].start == toks[j].end
                and toks[j + 2].start == toks[j + 1].end
            ):
                current += _UNITS_WORDS[toks[j + 2].low]  # "twenty-five"
                j += 2
        elif w == "hundred" and seen:
            current = max(current, 1.0) * 100
        elif w in ("thousand", "million", "billion", "trillion") and seen:
            total += max(current, 1.0) * _SCALES[w]
            current = 0.0
        elif (
            w == "and"
            and seen
            and j + 1 < len(toks)
            and (toks[j + 1].low in _UNITS_WORDS or toks[j + 1].low in _TENS_WORDS)
            and (total or current >= 100)
        ):
            pass
        elif (
            w == "a"
            and not seen
            and j + 1 < len(toks)
            and toks[j + 1].low in ("hundred", "thousand", "million", "billion", "dozen")
        ):
            current = 1.0
        elif w == "dozen" and seen:
            current = max(current, 1.0) * 12
        else:
            break
        seen = True
        j += 1
    if not seen or j == i:
        return None
    if toks[j - 1].low in ("and", "a"):
        j -= 1
    return total + current, j


def _fraction(toks: list[_Tok], i: int) -> tuple[float, int] | None:
    """'a fifth', 'two-thirds', 'half', 'one in five', 'three quarters' as a percentage."""
    w = toks[i].low
    num = 1.0
    j = i
    if w in ("a", "one") or w in _UNITS_WORDS:
        num = 1.0 if w == "a" else float(_UNITS_WORDS[w])
        j = i + 1
        if j < len(toks) and toks[j].text == "-":
            j += 1
        if w != "a" and j + 1 < len(toks) and toks[j].low in ("in", "out"):
            k = j + 1 if toks[j].low == "in" else j + 2
            if toks[j].low == "out" and (j + 1 >= len(toks) or toks[j + 1].low != "of"):
                return None
            if k < len(toks) and toks[k].low == "every":
                k += 1
            if k < len(toks) and toks[k].low in _UNITS_WORDS and _UNITS_WORDS[toks[k].low] > num:
                return 100.0 * num / _UNITS_WORDS[toks[k].low], k + 1
            return None
    if j >= len(toks) or toks[j].low not in _FRACTIONS:
        return None
    if (
        toks[j].low in ("half", "halves")
        and j == i
        and (i + 1 < len(toks) and toks[i + 1].low in ("of", "the"))
    ):
        return 50.0, j + 1
    if j == i and toks[j].low not in ("half",):
        return None
    den = _FRACTIONS[toks[j].low]
    # "second"/"third"/"fourth" as ordinals ("the third day") need an article or count before them
    return 100.0 * num / den, j + 1
