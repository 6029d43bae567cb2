"""One pair of sentences: do they disagree on a number, a date, a name or polarity?

The contradictions lens decides which sentences to compare (one claim group, or close sentences of two);
this module compares one pair, value by value (figures in ``_figures``), and says why in a Finding. A
value only counts as contradicted when it has no compatible partner on the other side *and* the other
side has an incompatible value in the same slot (same unit and whole, same role of a name, same verb).
That second condition is what keeps "60% of Donetsk" from clashing with "15% of Ukraine", and a sentence
that simply leaves a detail out from clashing with one that gives it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from newsprism.lenses._figures import _around, _numbers, _other_slots
from newsprism.lenses._numbers import _MONTHS
from newsprism.lenses._views import (
    _PLACE,
    _SPEECH,
    SAY,
    Finding,
    NameMention,
    SentenceView,
)
from newsprism.lenses.dates import DateMention, same_time
from newsprism.lenses.speakers_words import TITLES
from newsprism.model import Passage
from newsprism.segment._rules import DATELINE_START

__all__ = ["compare_views"]

_NEGATION = re.compile(r"\b(?:not|never|no|neither|nor|cannot)\b|n[’']t\b", re.I)
_SUBORDINATE = re.compile(r"\b(?:after|before|since|until)\b", re.I)  # a clause dating another event
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


def _dates(a: SentenceView, b: SentenceView) -> list[Finding]:
    """Dates of one event that cannot be the same time.

    A reporting date ("officials said Monday") is kept apart from event dates ("the fire broke out on
    Friday") when a sentence holds both; when each sentence gives just one date, both date the one fact
    the two outlets share ("announced on Monday" / "on Thursday vetoed the bill") and are compared. A
    deadline ("by Friday") or effective date ("resign effective Friday") is compared with its like; an act
    dated after another outlet's deadline is a disagreement too.
    """
    da = [
        d for d in a.dates if not d.offset and not _spoken_relative(a.text, d) and not _in_dateline(a.text, d)
    ]
    db = [
        d for d in b.dates if not d.offset and not _spoken_relative(b.text, d) and not _in_dateline(b.text, d)
    ]
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
            if i in used or same_time(x, y) is not False or not _same_role(x, y):
                continue
            if _apart(a.text, x, b.text, y):
                continue  # "on Tuesday banned her ... after a sample she gave on 3 March": two events
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


def _in_dateline(text: str, d: DateMention) -> bool:
    """ "OSKVIK, Lurevia, March 10 (Kestrel Press) — ": the day the copy was filed, not the event's."""
    m = DATELINE_START.match(text)
    return m is not None and d.end <= m.end()


def _apart(ta: str, x: DateMention, tb: str, y: DateMention) -> bool:
    """Both sentences tell an earlier or later event in an "after", "before", "since" or "until" clause,
    and one dates that event while the other dates what it reports ("on Tuesday banned her for four years
    after she tested positive" / "banned her ... after a sample she gave on 3 March")."""
    wa, wb = _clause_word(ta, x.start), _clause_word(tb, y.start)
    if (wa is None) == (wb is None):
        return False
    word = wa or wb
    other, d = (ta, x) if wa is None else (tb, y)
    return re.search(rf"\b{word}\b", other[d.end :], re.I) is not None


def _clause_word(text: str, at: int) -> str | None:
    """The subordinating word of the clause ``at`` is in ("after"), if any ("after U.S. review, on Friday"
    dates the main clause)."""
    found = _SUBORDINATE.findall(re.split(r"[,;:()—–]", text[:at])[-1])
    return found[-1].lower() if found else None


def _adjacent(d: DateMention, p: Passage, offset: int) -> bool:
    """``d`` touches passage ``p`` of the sentence starting at ``offset`` ("Monday" in "Monday, March 9")."""
    return p.start - offset - 2 <= d.end and d.start <= p.end - offset + 2


def _same_role(x: DateMention, y: DateMention) -> bool:
    """Dates of one role are compared; an act dated after another outlet's deadline contradicts it (when
    both are on the calendar); an effective date is another day than the decision's."""
    if x.role == y.role:
        return True
    if {x.role, y.role} != {"bound", ""} or not (x.resolved and y.resolved):
        return False
    bound, act = (x, y) if x.role == "bound" else (y, x)
    return bool(act.low and bound.high and act.low > bound.high)


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
