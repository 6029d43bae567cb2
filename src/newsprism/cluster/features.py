"""What the story clusterer compares: TF-IDF terms of the title and lead, named entities, one dense
vector, the publication day, and the year an article reports from (stated in its text when undated).

Sparse terms and entities carry most of the signal for "same event?" (two earthquakes read alike to a
sentence embedding but differ in places, dates and numbers), so they are first-class here. Entities are
capitalised name sequences and numbers, found by a regex: it costs microseconds per article where a
parser costs milliseconds, which is what keeps ingest at hundreds of articles per second.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

import numpy as np

from newsprism.model import Article

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|\d[\d,.]*\d|\d")
_NAME = re.compile(
    r"(?<![\w'’])(?:[A-Z][a-zA-Z'’\-]+|[A-Z]{2,})"
    r"(?:\s+(?:(?:of|de|la|van|von|al|bin|del|the)\s+)?(?:[A-Z][a-zA-Z'’\-]+|[A-Z]{2,}))*"
)
_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?![\w])")
_QUOTES = "\"“‘'"
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_Y = r"((?:19|20)\d\d)"
# A full calendar date: "May 2, 2013", "2 May 2013", "05/03/2013", "2013-05-03".
_FULL_DATE = re.compile(
    rf"\b(?:{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_Y}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\.?,?\s+{_Y}"
    rf"|\d{{1,2}}\s*[/.]\s*\d{{1,2}}\s*[/.]\s*{_Y}|{_Y}\s*-\s*[01]\d\s*-\s*[0-3]\d)\b",
    re.IGNORECASE,
)
# A bare year, not part of a longer number, an amount or a decimal.
_YEAR = re.compile(r"(?<![\d,.$£€])\b((?:19|20)\d\d)\b(?![.,]?\d)")

# Function words and newsroom boilerplate that say nothing about the event (one string: reads as prose).
STOP = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not now of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those through
    to too under until up very was we were what when where which while who whom why will with would you
    your yours yourself yourselves said says say saying told according news report reported reports
    reuters ap afp associated press new one two three year years day days week weeks time people also
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow mr mrs ms dr
    would could may might must can't don't it's he's she's that's there's we're they're i'm""".split()  # noqa: SIM905
)
_NAME_STOP = STOP | frozenset({"but", "and", "the", "a", "an", "in", "on", "at", "it", "this", "that"})


@dataclass(frozen=True, slots=True)
class ArticleFeatures:
    """An article as the clusterer sees it; vectors are unit length so a dot product is a cosine."""

    id: str
    title: str
    published: str | None
    day: float | None
    terms: Counter[str]
    entities: dict[str, float]
    dense: np.ndarray


def lead_text(article: Article, words: int) -> str:
    """The title and the first ``words`` words of the body: where news writing states the event."""
    body = article.text.split()
    return f"{article.title}\n{' '.join(body[:words])}" if article.title else " ".join(body[:words])


def terms(text: str) -> Counter[str]:
    """Lower-cased content words with a crude plural fold (quakes/quake), minus stop words."""
    out: Counter[str] = Counter()
    for m in _WORD.finditer(text):
        w = m.group().lower().replace("’", "'")
        if len(w) < 3 or w in STOP:
            continue
        if w.endswith("s") and not w.endswith("ss") and len(w) > 4:
            w = w[:-1]
        out[w] += 1
    return out


def entities(text: str) -> Counter[str]:
    """Capitalised name sequences and numbers; a capitalised stop word opening a sentence is no name."""
    out: Counter[str] = Counter()
    for m in _NAME.finditer(text):
        name = m.group()
        words = name.split()
        while words and words[0].lower() in _NAME_STOP:
            words = words[1:]
        if not words:
            continue
        if len(words) == 1 and _opens_sentence(text, m.start()) and words[0].lower() in STOP:
            continue
        out[" ".join(words).lower()] += 1
    for m in _NUMBER.finditer(text):
        num = m.group().replace(",", "")
        if len(num) >= 2 and not (len(num) == 4 and num[:2] in ("19", "20")):  # years say little
            out["#" + num] += 1
    return out


def _opens_sentence(text: str, start: int) -> bool:
    """Whether ``start`` begins a sentence: after a quote mark, spaces, and ``.!?`` or a line break.

    Looks back a few characters only; a regex over the whole prefix made entity finding quadratic.
    """
    i = start - 1
    if i >= 0 and text[i] in _QUOTES:
        i -= 1
    end = i
    while i >= 0 and text[i].isspace():
        if text[i] == "\n":
            return True
        i -= 1
    return i < 0 or (text[i] in ".!?" and i < end)


def article_year(article: Article, words: int, dateline_words: int = 40) -> int | None:
    """The year an article reports from: its publication year, else a full date near the top (a
    dateline), else the latest year its lead mentions; None when the text names no year.

    Why: an undated archive has no time window, but two recurring events of one kind (two earthquakes,
    two jewel heists) are usually years apart, and news text states its year.
    """
    day = day_number(article.published)
    if day is not None:
        return date.fromordinal(int(day)).year
    m = _FULL_DATE.search(lead_text(article, dateline_words))
    if m:
        return int(next(g for g in m.groups() if g))
    found = [int(y) for y in _YEAR.findall(lead_text(article, words))]
    return max(found) if found else None


def day_number(published: str | None) -> float | None:
    """Days since 0001-01-01 for an ISO date or datetime; None when there is no usable date."""
    if not published:
        return None
    try:
        return float(date.fromisoformat(published[:10]).toordinal())
    except ValueError:
        return None


def unit(weights: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in weights.values()))
    return {k: v / norm for k, v in weights.items()} if norm else {}


def sparse_dot(small: dict[str, float], big: dict[str, float]) -> float:
    if len(small) > len(big):
        small, big = big, small
    return sum(v * big.get(k, 0.0) for k, v in small.items())


class DocumentFrequencies:
    """Running document frequencies, so IDF needs no fitting pass and follows the stream."""

    def __init__(self, counts: dict[str, int] | None = None, docs: int = 0) -> None:
        self.counts: dict[str, int] = dict(counts or {})
        self.docs = docs

    def add(self, words: Counter[str]) -> None:
        self.docs += 1
        for w in words:
            self.counts[w] = self.counts.get(w, 0) + 1

    def idf(self, word: str) -> float:
        return math.log((1 + self.docs) / (1 + self.counts.get(word, 0))) + 1.0

    def tfidf(self, words: Counter[str]) -> dict[str, float]:
        """Unit-length sublinear TF-IDF weights."""
        return unit({w: (1.0 + math.log(c)) * self.idf(w) for w, c in words.items()})
