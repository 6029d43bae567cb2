"""Summary sentences from chosen wordings: attribution for one-outlet facts, both sides of a dispute.

Each sentence keeps the cited sentence's own words; what is added is only attribution ("According to
<outlet>, ...") and, for a disputed value, the other outlets' values with their names, so the summary
never states one side of a dispute as fact.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from newsprism.lenses.speakers_merge import defined_acronyms
from newsprism.model import Contradiction, Passage, Story, SummarySentence, at
from newsprism.summarise._lexicon import LOADED, NEUTRAL, STOP
from newsprism.summarise._select import (
    MONTHS,
    QUOTED,
    Candidate,
    Fact,
    commentary,
    content_words,
    figures,
    is_toll,
    sentence_index,
)
from newsprism.summarise._wording import Neutrality, Wording, literal_use

_SITE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{2,40}$")
_END = re.compile(r"[.!?][”\"’']?$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_FIGURES = re.compile(
    r"\d+(?:[.,]\d+)*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty)\b"
)
_SCALE_WORDS = {"hundred", "thousand", "million", "billion", "trillion", "percent"}
_SAME_WORDING = 0.8  # word-set Jaccard from which two outlets' sentences say the same thing (reprints)
_SOURCE_TAIL = re.compile(r"^\s*(\w+\s+){0,4}(say|says|said|report|reports|claim|claims)\W*$", re.I)
_TITLE_PARTS = re.compile(r"\s*[,;:]\s+|\s+[–—-]\s+")
_CLAUSES = re.compile(r"\s*[,;]\s+|\s+[–—-]\s+")  # a title's clauses (a colon ends a label instead)
# a title's toll clause before the event it counts: "Seven killed as ...", "12 dead after ..."
_TOLL_LEAD = re.compile(
    r"^(?:at least |more than |up to )?[\w,.-]+\s+(?:people\s+)?(?:killed|dead|die|died|hurt|injured|missing)"
    r"\s+(?:as|after|when|in)\s+(?=\S+\s+\S+\s+\S)",
    re.I,
)
# a word for the whole of what is counted: "all counts", "all eight counts"
_WHOLE = re.compile(r"\b(?:all|every|both|each|entire)\s+(?:\w+\s+)?(\w+)")
_DAY_AFTER = re.compile(rf",?\s+(?:(?:{MONTHS})\s+\d{{1,2}}|\d{{1,2}}\s+(?:{MONTHS}))\b", re.I)  # ", March 9"
_AND_GROUP = re.compile(r"\s+and\s+[a-z]+s\b(?=\s+(?:were|are|was|had|have|who|in|on)\b)")
_DURATION = re.compile(r"^(?:\S+\s+){0,2}\S+\s+(?:years?|months?|weeks?|days?)$", re.I)
_QUOTING = re.compile(r"[“”\"]|(^|\s)[‘']\w")  # an opening single quote, not "workers' union"
_OWN_VERBS = (
    r"(?:said|says|say|reported|reports|announced|announces|confirmed|confirms|stated|states|told|wrote"
    r"|advises|advised|warns|warned|urges|urged|recommends|recommended)"
)
_NAMES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}


def _one_outlet(story: Story, ids: Sequence[str]) -> bool:
    """One outlet behind these sources (two articles of one paper read "Northgate Herald gives")."""
    return len({story.source(i).outlet for i in ids}) == 1


def outlet_names(story: Story, ids: Sequence[str]) -> str:
    """ "Reuters", "Reuters and the Ledger", "A, B and C" in the order given; "the Ostrevian Nurses'
    Federation" where its own text writes it so."""
    names = list(dict.fromkeys(_with_article(story, story.source(i).outlet) for i in ids))
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _with_article(story: Story, outlet: str) -> str:
    if outlet[:4].lower() == "the " or not outlet:
        return outlet
    own = [src.text for src in story.sources if src.outlet == outlet]
    return f"the {outlet}" if any(re.search(rf"\bthe {re.escape(outlet)}\b", t) for t in own) else outlet


def sentence_of(c: Candidate, story: Story) -> SummarySentence:
    """The claim in its chosen wording, attributed when one origin stands behind it: one outlet, or a
    wire story and the reprints the reuse lens found ("According to Kestrel Press and The Varno Courier,
    ...")."""
    text = _terminated(c.wording.text)
    if (len(c.claim.sources) == 1 or c.claim.origins == 1) and not _self_told(
        c.wording.text, story, c.claim.sources
    ):
        text = f"According to {outlet_names(story, c.claim.sources)}, {_lower_first(c.wording)}"
        text = _terminated(text)
    return SummarySentence(text=text, sources=c.claim.sources, claims=(c.claim.id,))


def _self_told(text: str, story: Story, ids: Sequence[str]) -> bool:
    """The one outlet tells this in its own name ("Kestrel Telecom said ..." in Kestrel Telecom's own
    statement) or as said to it ("... told Valmora Herald that ..."), so "According to Kestrel Telecom,
    Kestrel Telecom said" would say it twice."""
    if not _one_outlet(story, ids):
        return False
    name = re.escape(re.sub(r"^the\s+", "", story.source(ids[0]).outlet.strip(), flags=re.I))
    own = re.match(rf"(?:the\s+)?{name}\s+(?:has\s+|had\s+)?{_OWN_VERBS}\b", text, re.I)
    # "..., the Ostrevian Nurses' Federation said." closing its own statement; "her lawyer told Valmora
    # Herald that ...": the sentence says where the words were given
    tail = re.search(rf",\s+(?:the\s+)?{name}\s+{_OWN_VERBS}\W*$", text, re.I)
    return bool(own or tail or re.search(rf"\b(?:told|tells|said to)\s+(?:the\s+)?{name}\b", text, re.I))


def corroborated(
    c: Candidate, story: Story, unsettled: frozenset[Fact], neutrality: Neutrality
) -> tuple[SummarySentence, tuple[str, ...]] | None:
    """A one-outlet wording of a figure other outlets give in sentences of their own, told with them
    named ("According to The Daily Blaze, around 1,200 people were forced to flee ...; Riverton FM News
    also gives some 1,200 people") and their claims cited, or None when no other outlet gives it. Only
    settled figures: one some outlet gives otherwise is a dispute, told by :func:`disputed`."""
    if len(c.claim.sources) != 1:
        return None
    sent = c.wording.sentence
    keys = {f for _, _, f in figures(sent.text)} - unsettled
    found = (
        _same_figure_elsewhere(story, keys, set(c.claim.sources), neutrality, c.wording.text) if keys else []
    )
    if not found:
        return None
    also: dict[str, list[str]] = {}
    for _, src, text in found:
        also.setdefault(text, []).append(src)
    base = sentence_of(c, story)
    claims = (c.claim.id, *dict.fromkeys(cid for cid, _, _ in found))
    text = base.text[:-1] if base.text[-1] in ".!?" else base.text
    parts = _also(story, [also], set(c.claim.sources))
    told = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + ", and " + parts[-1]
    text = _terminated(f"{text}; {told}")
    return SummarySentence(text=text, sources=_sources_of(story, claims), claims=claims), claims


def disputed(
    c: Candidate,
    contradictions: Sequence[Contradiction],
    story: Story,
    neutrality: Neutrality,
    *,
    compact: bool = False,
) -> tuple[SummarySentence, tuple[str, ...]] | None:
    """A disputed claim stated with every value and its outlets, or None when that cannot be said well.

    Up to two disputes (a toll and a date) are told in one sentence; a polarity flip is not. The claim is
    told in the words of the outlet whose values most others share (the most neutral such wording), and
    the rest are named with theirs. Returns the sentence and the claim ids it covers (a dispute can join
    two claim groups). ``compact`` leaves out who else gives the shown values ("X also gives ..."; they
    are still cited), for a word budget the full sentence does not fit: the story's main fact with both
    values beats leaving it out.
    """
    found = [k for k in contradictions if c.claim.id in k.claims]
    if not 1 <= len(found) <= 2 or any(k.kind not in ("number", "date", "entity") for k in found):
        return None  # a polarity flip, or more disputes than one sentence can state fairly
    best: tuple[tuple[int, int], Wording, list[_Told]] | None = None
    for w in (c.wording, *c.others):
        told = [_other_values(w, k, story, neutrality) for k in found]
        if any(t is None for t in told):
            continue
        values = [t for t in told if t is not None]
        backed = set.intersection(*(t.agreeing for t in values))  # outlets sharing every value
        key = (len(backed), sum(len(t.agreeing) for t in values))  # then each value's outlets
        if best is None or key > best[0]:
            best = (key, w, values)
    if best is None:
        return None
    _, w, values = best
    said = set.intersection(*(t.same for t in values))
    named = [src.id for src in story.sources if src.id in _saying(c, w, said)]
    body = _lower_first(w).rstrip()
    body = body[:-1] if _END.search(body) and body[-1] in ".!?" else body
    also = (
        "" if compact else ", ".join(_also(story, [t.also for t in values if t.kind != "entity"], set(named)))
    )
    parts = [p for p in (also, *_joined([t.tail(story) for t in values])) if p]
    tails = (", and " if len(parts) <= 2 else "; ").join(parts)  # two disputes: no "and ... and ..."
    if _self_told(w.text, story, named):
        body = w.text[:1] + body[1:]
    else:
        body = f"According to {outlet_names(story, named)}, {body}"
    text = _terminated(f"{body}; {tails}")
    # every outlet the sentence names is cited: the lens also lists outlets agreeing with a compared
    # value ("The Daily Torch also gives 8,400 acres") whose claim groups it did not compare
    holding = {(p.source, p.start): cl.id for cl in story.claims for p in cl.sentences}
    index = {src.id: src for src in story.sources}
    valued = [
        holding.get((v.source, sent.start))
        for k in found
        for v in k.values
        if (sent := at(index[v.source].sentences, v.start)) is not None
    ]
    claims = tuple(
        dict.fromkeys(
            [cid for k in found for cid in k.claims if any(cl.id == cid for cl in story.claims)]
            + [cid for cid in valued if cid is not None]
            + [cid for t in values for cid in t.claims]
        )
    )
    return SummarySentence(text=text, sources=_sources_of(story, claims), claims=claims), claims


def _saying(c: Candidate, w: Wording, said: set[str]) -> set[str]:
    """Of the outlets giving the shown values in the same words, those whose sentence says what the shown
    one says (reprints, light edits): the rest gave the values in sentences of their own, so naming them
    before this wording would put its other words in their mouth (they are named after it, "X also
    gives ...")."""
    shown = content_words(w.text)
    near = {
        p.source
        for p in c.claim.sentences
        if p.source in said and _overlap(content_words(p.text), shown) >= _SAME_WORDING
    }
    return near | {w.source.id}


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


@dataclass(frozen=True)
class _Told:
    """One disputed value as a wording gives it: who gives the same value, and who gives another."""

    kind: str
    same: set[str]  # outlets giving the shown value in the same words
    agreeing: set[str]  # ... or in other words ("twelve people", "about 13" beside "12 people")
    also: dict[str, list[str]]  # the shown value as each agreeing outlet words it -> those outlets
    others: dict[str, list[str]]  # each other value -> the outlets giving it
    claims: tuple[str, ...]  # claim groups beyond the dispute's that give the shown value
    toll: bool = False  # the disputed figure is a toll of the dead, hurt or missing

    def tail(self, story: Story) -> str:
        """ "the Clarion gives the figure as at least 30 people", for every other value ("the toll as 38"
        when a toll's value is a bare number)."""
        figure = "the toll as " if self.toll else "the figure as "
        lead_in = {"number": figure, "date": "the date as ", "entity": ""}[self.kind]
        first = next(iter(self.others.values()))
        verb = ("name" if self.kind == "entity" else "give") + ("s" if _one_outlet(story, first) else "")
        parts = [
            f"{outlet_names(story, srcs)} {'as ' if lead_in else ''}{v}" for v, srcs in self.others.items()
        ]
        parts[0] = f"{outlet_names(story, first)} {verb} {lead_in}{next(iter(self.others))}"
        tail = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
        return tail + (" instead" if self.kind == "entity" else "")


def _joined(tails: list[str]) -> list[str]:
    """Two tails of the same outlets as one: "The Daily Blaze gives the figure as at least 20 people and
    the date as Wednesday"."""
    split = [re.split(r" (gives?|names?) ", t, maxsplit=1) for t in tails]
    if len(split) == 2 and all(len(p) == 3 for p in split):
        (a, verb, x), (b, _, y) = split
        if a == b and " and " not in x:
            return [f"{a} {verb} {x} and {y}"]
    return tails


def _also(story: Story, values: Sequence[dict[str, list[str]]], named: set[str]) -> list[str]:
    """ "Valley Courier also gives twelve people and Tuesday": the outlets behind the shown values (each
    a map of a value as an outlet words it -> those outlets) that the sentence does not open with (they
    word it otherwise), each value in their words, so the reader sees how many stand behind each."""
    said: dict[str, list[str]] = {}
    for also in values:
        for text, srcs in also.items():
            for sid in srcs:
                if sid not in named:
                    said.setdefault(sid, []).append(text)
    by_values: dict[tuple[str, ...], list[str]] = {}
    for src in story.sources:
        if src.id in said:
            by_values.setdefault(tuple(said[src.id]), []).append(src.id)
    verb = {True: "gives", False: "give"}
    return [
        f"{outlet_names(story, srcs)} also {verb[_one_outlet(story, srcs)]} {' and '.join(texts)}"
        for texts, srcs in by_values.items()
    ]


def _other_values(w: Wording, k: Contradiction, story: Story, neutrality: Neutrality) -> _Told | None:
    """Who gives this wording's disputed value (in its words or others) and who gives another; None when
    the wording does not give one of the dispute's values, or every outlet agrees with it."""
    base = w.source.id
    s = w.sentence
    own = [v for v in k.values if v.source == base and s.start <= v.start and v.end <= s.end]
    if not own or own[0].text not in w.text:
        return None
    mine = _norm(own[0].text)
    same = {v.source for v in k.values if _norm(v.text) == mine} | {base}
    tolls = _tolls_at(story, own[0]) if k.kind == "number" else set()
    agreeing = same | {
        v.source
        for v in k.values
        if (
            k.kind == "number"
            and (_same_figure(own[0].text, v.text) or _one_toll(tolls, _tolls_at(story, v)))
        )
        or (k.kind == "date" and _same_day(story, own[0], v))
    }
    starts = {(src.id, x.start) for src in story.sources for x in src.sentences}
    others: dict[str, list[str]] = {}
    also: dict[str, list[str]] = {}
    for v in k.values:
        text = v.text
        if k.kind == "number":  # "OSKVIK — Nine people", "Seven innocent passengers": "nine people", ...
            text = _plain(_inside(text) if text[:1].isalpha() else text)
            text += _rest_of_group(story.source(v.source).text, v.end)
        elif k.kind == "date":
            text = _inside(text) if (v.source, v.start) in starts else text
            if m := _DAY_AFTER.match(story.source(v.source).text, v.end):
                text += m.group()  # "Monday, March 9", not the bare weekday
        if v.source not in agreeing:
            others.setdefault(text, []).append(v.source)
        elif v.source != base:
            also.setdefault(text, []).append(v.source)
    if not others:
        return None
    claims: list[str] = []
    if k.kind == "number":  # outlets the lens did not compare that give the toll too, in other sentences
        known = agreeing | {x for srcs in others.values() for x in srcs}
        for cid, src, text in _same_toll_elsewhere(story, own[0], known, neutrality, w.text):
            also.setdefault(text, []).append(src)
            agreeing.add(src)
            claims.append(cid)
    bare = any(not re.search(r"[A-Za-z]", v) for v in others)
    toll = k.kind == "number" and bare and bool(_tolls_at(story, own[0]))
    return _Told(k.kind, same, agreeing, also, others, tuple(dict.fromkeys(claims)), toll)


def _tolls_at(story: Story, value: Passage) -> set[Fact]:
    """The tolls (of the dead, hurt or missing) a disputed value gives, as figure keys."""
    sent = at(story.source(value.source).sentences, value.start)
    if sent is None:
        return set()
    a, b = value.start - sent.start, value.end - sent.start
    return {f for x, y, f in figures(sent.text) if x < b and a < y and is_toll(f)}


def _one_toll(xs: set[Fact], ys: set[Fact]) -> bool:
    """A toll of the same value and outcome ("killing seven people and injuring 42" / "Seven passengers
    were killed")."""
    return any(x[2] == y[2] and set(str(x[1]).split("|")) & set(str(y[1]).split("|")) for x in xs for y in ys)


def _same_toll_elsewhere(
    story: Story, value: Passage, known: set[str], neutrality: Neutrality, shown: str
) -> list[tuple[str, str, str]]:
    """Other outlets' sentences giving the same toll as ``value`` ("left 12 people injured" beside the
    wire's disputed "injured 12 people"): the same count of the same outcome in one story is the same
    figure."""
    keys = _tolls_at(story, value)
    return _same_figure_elsewhere(story, keys, known, neutrality, shown) if keys else []


def _same_figure_elsewhere(
    story: Story, keys: set[Fact], known: set[str], neutrality: Neutrality, shown: str
) -> list[tuple[str, str, str]]:
    """(claim id, source, the figure as it is worded) for a sentence of each outlet not in ``known`` that
    gives one of the figures ``keys``. A sentence with a word the outlet used loaded, in the figure's
    words ("more than 8,000 fraudulent applications") or in the ``shown`` sentence's, is not cited: the
    summary would carry that outlet's loaded word."""
    index = sentence_index(story)
    shown_words = {w.lower() for w in _WORD.findall(shown)}
    out: list[tuple[str, str, str]] = []
    for claim in story.claims:
        for p in claim.sentences:
            if (
                p.source in known
                or any(p.source == o for _, o, _ in out)
                or (p.source, p.start, p.end) not in index
            ):
                continue
            for x, y, f in figures(p.text):
                if f not in keys:
                    continue
                src, sent = index[p.source, p.start, p.end]
                loaded = neutrality.loaded_spans(src, sent)
                at_figure = any(s.start < p.start + y and p.start + x < s.end for s in loaded)
                if not at_figure and not any(
                    w.lower() in shown_words for s in loaded for w in _WORD.findall(s.text)
                ):
                    told = (_inside(p.text[x:y]) if x == 0 else p.text[x:y]) + _rest_of_group(p.text, y)
                    out.append((claim.id, p.source, told))
                break
    return out


def introduce(
    sentence: SummarySentence, met: set[str], names: dict[str, str]
) -> tuple[SummarySentence, set[str]]:
    """The first time the summary names a person by surname alone, the full name the outlets give
    ("Brennick told lawmakers" -> "Halvard Brennick told lawmakers"): the reader has not met them yet.
    Returns the sentence and the surnames it introduces (``met``: those the summary already has); words
    inside a quotation stay as spoken."""
    text = sentence.text
    new: set[str] = set()
    for surname, full in names.items():
        if surname in met:
            continue
        quoted = [m.span() for m in QUOTED.finditer(text)]
        said = [
            m
            for m in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text)
            if not any(a <= m.start() < b for a, b in quoted)
        ]
        if said:
            new.add(surname)
            if full not in text:
                text = text[: said[0].start()] + full + text[said[0].end() :]
    return (sentence if text == sentence.text else replace(sentence, text=text)), new


def acronyms(story: Story) -> dict[str, str]:
    """Each acronym an outlet defines ("the Valdorian Grid Authority (VGA) said") -> its full name, for
    :func:`introduce` to spell out where the summary would use it first ("the VGA said")."""
    out: dict[str, str] = {}
    for src in story.sources:  # the first outlet to define an acronym names it
        for short, name in defined_acronyms(src.text).items():
            out.setdefault(short, name)
    return out


def _inside(value: str) -> str:
    """A value that opened its sentence, as it reads inside ours: "Twelve people" -> "twelve people",
    a tabloid's "SIX people" -> "six people"."""
    first, _, rest = value.partition(" ")
    first = first.lower() if first.isupper() else first[:1].lower() + first[1:]
    return f"{first} {rest}" if rest else first


def _rest_of_group(text: str, end: int) -> str:
    """ "and passengers" after "Six drivers" in "Six drivers and passengers were hurt": the whole group."""
    m = _AND_GROUP.match(text, end)
    return m.group() if m else ""


def _plain(value: str) -> str:
    """A count without the words between its number and what it counts ("seven innocent passengers" ->
    "seven passengers"): how another outlet words a value is told, not its adjectives."""
    words = value.split()
    at = next((i for i, w in enumerate(words) if _FIGURES.fullmatch(w.lower().strip(",."))), None)
    if at is None or len(words) - at < 3 or {w.lower() for w in words[at + 1 :]} & {"a", "an", "per"}:
        return value  # "seven people a day" is a rate, worded as it is
    keep = [w for w in words[at + 1 : -1] if w.lower() in _SCALE_WORDS or not w.islower()]
    return " ".join([*words[: at + 1], *keep, words[-1]])


def _same_day(story: Story, x: Passage, y: Passage) -> bool:
    """ "today" in a Tuesday paper and "on Tuesday" in another: one date in other words."""
    from newsprism.lenses.dates import extract_dates, parse_published

    def day(p: Passage) -> tuple[object, object] | None:
        found = extract_dates(p.text, parse_published(story.source(p.source).article.published))
        return (found[0].low, found[0].high) if len(found) == 1 and found[0].low is not None else None

    dx = day(x)
    return dx is not None and dx == day(y)


def _same_figure(x: str, y: str) -> bool:
    """ "12 people" and "Twelve people", "23 people" and "about 25 people", "140" and "140 others", "6.4"
    and "6.4-magnitude", "44 degrees" (its sentence said a temperature) and "44C": one value in other words (a
    bare number meets any figure of its value, and a count meets one of its value in words naming the same
    thing)."""
    from newsprism.lenses.quantities import compatible, degrees_as_temperature, extract_quantities, same_unit

    qx, qy = extract_quantities(x), extract_quantities(y)
    if not len(qx) == len(qy) == 1:
        return False
    a, b = qx[0], qy[0]
    if "temperature" in (a.kind, b.kind):
        a, b = degrees_as_temperature(a), degrees_as_temperature(b)
    # a bare number, as a value passage often is ("140", "6.4"), or one count in other words that name the
    # same thing ("48,000 Arlo SUVs" / "48,000 Arlo sport utility vehicles"; not "12 people" / "12 boats")
    named = a.kind == b.kind == "count" and bool(_value_words(x) & _value_words(y))
    if a.unit == "count" or b.unit == "count" or named:
        return compatible(replace(a, unit="count", kind="count"), replace(b, unit="count", kind="count"))
    return same_unit(a, b) and compatible(a, b)


def _value_words(value: str) -> set[str]:
    return (
        {w.lower() for w in _WORD.findall(value)}
        - STOP
        - _SCALE_WORDS
        - {"about", "around", "some", "nearly"}
    )


def headline(
    story: Story,
    summary: Sequence[SummarySentence],
    neutrality: Neutrality,
    disputed: Sequence[str] = (),
    unsettled: frozenset[Fact] = frozenset(),
) -> str:
    """The article title closest to the summary's lead, in words other outlets share, least loaded; else
    the lead if it is short.

    Titles are where outlets editorialise most, so an opinion piece's title, or a title with a
    fallback-list word that has no neutral swap, is never used, and subjective titles and titles of
    loaded outlets lose points. A figure in a title must be one at least two outlets' texts give and no
    dispute involves, nor name what a disputed figure counts ("guilty on all counts" beside seven counts
    and eight): a headline is read as fact, without the summary's attribution.
    """
    lead = content_words(" ".join(s.text for s in summary[:2]))
    sided = {f for v in disputed for f in _FIGURES.findall(v.lower())}
    unsettled_values = {f[2] for f in unsettled}
    # ... and all of what a disputed figure counts ("seven counts": a title's "guilty on all counts" takes
    # a side; "recalls Arlo SUVs" beside 48,000 and 84,000 of them states no number)
    counted = {v.split()[-1].lower() for v in disputed if _FIGURES.search(v.lower())} - STOP
    seen: dict[str, int] = {}
    for src in story.sources:
        for f in set(_FIGURES.findall(src.text.lower())):
            seen[f] = seen.get(f, 0) + 1
    # words of a neutral headline are words several outlets use; one outlet's framing ("welcomes ... home")
    # is not
    vocab: dict[str, int] = {}
    for src in story.sources:
        for w in content_words(src.text + " " + src.article.title):
            vocab[w] = vocab.get(w, 0) + 1
    shared_by = min(2, len(story.sources))
    best: tuple[float, str] | None = None

    def unsure(part: str) -> bool:  # a headline states no disputed figure, and only figures two outlets give
        stated = set(_FIGURES.findall(part.lower()))
        named = {m.group(1) for m in _WHOLE.finditer(part.lower())}
        if bool(stated & sided or named & counted) or any(seen.get(f, 0) < 2 for f in stated):
            return True
        # a figure some outlet gives otherwise, whatever the words around it ("4.2 million customer
        # records" in a title, "2.4 million customers" in another outlet's text)
        return any(f[2] in unsettled_values for _, _, f in figures(part))

    # a disputed length ("four years" / "two years") can go from a title and leave it whole
    spans = [v for v in disputed if _DURATION.search(v)]
    for src in story.sources:
        raw = _SITE_SUFFIX.sub("", src.article.title.strip()).strip()
        title = neutral_title(raw) if len(raw.split()) >= 3 and not commentary(src.article) else None
        if title is None or neutrality.flagged(title):
            continue  # the language lens flagged one of its words where the outlet used it
        toll_lead = _TOLL_LEAD.match(title)
        if unsure(title) and toll_lead and not unsure(rest := title[toll_lead.end() :]):
            title = rest[:1].upper() + rest[1:]  # "Seven killed as train derails near Oskvik": the event
        for length in spans:  # "Marquand banned for four years after failed test": "banned after ..."
            cut = re.sub(rf"\s+(?:for\s+)?{re.escape(length)}\b", "", title, flags=re.I)
            if cut != title and unsure(title) and not unsure(cut):
                title = cut
        if unsure(title):
            # "Rockslide shuts Vestby rail tunnel, 14 hurt" with the toll disputed: keep the sure clause
            parts = [p for p in _TITLE_PARTS.split(title) if not unsure(p) and not _SOURCE_TAIL.match(p)]
            if len(parts) != 1 or len(parts[0].split()) < 3:
                continue  # "port officials say" is left when "Fire kills 12" goes: no headline
            title = parts[0].strip()
        # "Earthquake hits Tarsk Highlands; village school collapses in Ostrel": a clause in words no other
        # outlet uses is one outlet's news, not the story's (before a colon stands a label, not a clause:
        # "Lower Tessel election night: live updates")
        parts = [p for p in _CLAUSES.split(title) if _shared(p, vocab, shared_by) >= 0.5]
        if len(parts) == 1 and parts[0] != title and len(parts[0].split()) >= 3:
            title = parts[0].strip()
        words = content_words(title)
        overlap = len(words & lead) / len(words) if words else 0.0
        shared = _shared(title, vocab, shared_by)
        score = (
            overlap + shared - 0.5 * neutrality.subjectivity(title) - neutrality.loadedness.get(src.id, 0.0)
        )
        if best is None or score > best[0]:
            best = (score, title)
    if best is not None:
        return best[1].rstrip(".")
    # else the first short summary sentence that states rather than quotes (a speaker's words name no event)
    stated = (x.text for x in summary if len(x.text.split()) <= 25 and not _QUOTING.search(x.text))
    if (lead_in := next(stated, None)) is not None:
        return lead_in.rstrip(".")
    # a short title ("Weird date") still names the story better than nothing
    short = (neutral_title(_SITE_SUFFIX.sub("", s.article.title.strip()).strip()) for s in story.sources)
    return next((t.rstrip(".") for t in short if t and not unsure(t) and not neutrality.flagged(t)), "")


def _shared(text: str, vocab: dict[str, int], by: int) -> float:
    """The share of the text's content words that at least ``by`` outlets use."""
    words = content_words(text)
    return sum(vocab.get(w, 0) >= by for w in words) / len(words) if words else 0.0


def neutral_title(title: str) -> str | None:
    """The title with fallback-list words swapped for their neutral word; None if one has none, or if it
    shouts ("DEATH TRAP!") or quotes someone (a speaker's words are not a neutral headline)."""
    if "!" in title or _QUOTING.search(title):
        return None
    out = title
    forced = literal_use(title)
    for m in reversed(list(_WORD.finditer(title))):
        word = m.group().lower().replace("’", "'")
        if word in LOADED and word not in forced:
            neutral = NEUTRAL.get(word)
            if not neutral:
                return None
            out = (
                out[: m.start()]
                + (neutral.capitalize() if m.group()[:1].isupper() else neutral)
                + out[m.end() :]
            )
    return out


def _sources_of(story: Story, claims: Sequence[str]) -> tuple[str, ...]:
    """Sources holding a sentence of one of ``claims``, in story order: exactly what may be cited."""
    holding = {p.source for cl in story.claims if cl.id in claims for p in cl.sentences}
    return tuple(src.id for src in story.sources if src.id in holding)


def _norm(value: str) -> str:
    return re.sub(r"\s+", " ", value.strip().lower())


def _terminated(text: str) -> str:
    text = text.strip()
    return text if _END.search(text) else text + "."


def _lower_first(w: Wording) -> str:
    """Lower-case the first word unless it is a name, an acronym or "I" (the parse knows which)."""
    text = w.text
    m = _WORD.match(text)
    if not m:
        return text
    word = m.group()
    head = re.split(r"['’]", word)[0]  # "It's", "I'm"
    if head == "I" or (word.isupper() and len(word) > 1):
        return text
    if head.lower() in STOP:
        return text[:1].lower() + text[1:]
    second = _WORD.match(text[m.end() :].lstrip())
    if second and second.group()[:1].isupper():
        return text  # "Roll Call", "White House": a capitalised pair is a name
    tokens = [t for t in w.source.sentence_tokens(w.sentence) if t.text == word]
    # a plural the small tagger calls proper at a sentence's start ("Records seen by ...") is a name only
    # if the NER agrees ("Democrats")
    plural = bool(tokens) and tokens[0].tag == "NNPS" and not tokens[0].ent_type
    # "County officials said", where the article also writes "county officials"
    lowered = re.search(rf"[a-z,;] {re.escape(word.lower())}\b", w.source.text)
    if tokens and not tokens[0].ent_type and lowered:
        return text[:1].lower() + text[1:]
    if (
        tokens
        and not plural
        and (tokens[0].pos == "PROPN" or tokens[0].tag in ("NNP", "NNPS") or tokens[0].ent_type in _NAMES)
    ):
        return text
    if re.search(rf"(?:\b[a-z][a-z'’-]*[,;]?|[,;]) {re.escape(word)}\b", w.source.text):
        return text  # capitalised after a lower-case word too (not only in "Tessel Power"): a name
    if not tokens:
        return text  # no parse to tell a name from a common word: leave it as written
    return text[:1].lower() + text[1:]
