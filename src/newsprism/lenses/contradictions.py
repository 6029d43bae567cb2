"""Contradictions lens: where outlets disagree on numbers, dates, names and polarity.

Which sentences are compared is this module's business: the sentences of one claim group, sentences of
two groups that are still very close (alignment keeps sentences apart precisely when their numbers
differ), and two outlets' tolls of one outcome however differently the sentences read. How one pair is
compared, value by value, is :mod:`newsprism.lenses._compare`'s. The findings of all pairs are merged
into one disagreement per disputed value, with every outlet that gives each value. No model beyond the
parse the segmenter already made (the NLI judge is optional): every finding can be explained by the
values it shows.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from newsprism.lenses._compare import _whole, compare_views
from newsprism.lenses._figures import _YEARS, _agreeing_figures, one_reading
from newsprism.lenses._views import _STOP as _STOPS
from newsprism.lenses._views import Finding, SentenceView, view_of
from newsprism.lenses.nli import ContradictionJudge
from newsprism.lenses.quantities import (
    Quantity,
    compatible,
    degrees_as_temperature,
    extract_quantities,
    outcome,
    same_unit,
)
from newsprism.model import Claim, Contradiction, Passage, Source, Story, at
from newsprism.settings import ContradictionSettings

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "ContradictionLens",
    "Finding",
    "SentenceView",
    "compare_views",
    "contradictions_json",
    "format_contradictions",
    "view_of",
]

_TOLL_COSINE = 0.3  # two sentences giving a toll of one outcome are compared from this (same-story) cosine
# two sentences each giving one sum of one currency and size (or one area, or one quake's magnitude) are
# compared from this cosine: alignment splits "customers lost $2.1 billion when it collapsed" from "...
# lost about $1.2 billion when it froze withdrawals", the story's one loss told two ways; "had burned 8,400
# acres by Wednesday morning" from "By Wednesday the fire had burned 4,800 acres, the Herald was told"
_SUM_COSINE = 0.5
_SUM_RATIO = 10.0
# what a pair brought together by one figure compares
_LONE_KINDS = {
    "tally": "score", "sum": "money", "area": "area", "magnitude": "magnitude", "temperature": "temperature",
    "share": "percent",
}  # fmt: skip


# --------------------------------------------------------------------------- the lens


class ContradictionLens:
    """Finds disagreements inside claim groups and between near-identical claims of different groups.

    ``cross_threshold`` is the cosine above which two sentences from different claim groups are still
    compared (alignment splits same-fact sentences whose numbers differ, which is exactly this lens's
    business); ``cross_overlap`` is the content-word overlap used when sentences carry no vectors.
    """

    def __init__(
        self, settings: ContradictionSettings | None = None, judge: ContradictionJudge | None = None
    ) -> None:
        self.settings = settings or ContradictionSettings()
        self.cross_threshold = self.settings.cross_threshold
        self.cross_overlap = self.settings.cross_overlap
        if judge is None and self.settings.nli_model:
            from newsprism.lenses.nli import CrossEncoderNLI

            judge = CrossEncoderNLI(self.settings.nli_model)
        self.judge = judge

    def __call__(self, story: Story) -> tuple[Contradiction, ...]:
        views = _claim_views(story)
        found: list[tuple[Finding, tuple[str, ...]]] = []
        seen: set[tuple[str, tuple[Passage, ...]]] = set()
        quiet: list[tuple[SentenceView, SentenceView]] = []
        agree: dict[Passage, set[Passage]] = {}
        for va, vb, why in self._pairs(story, views):
            if why == "share" and (pair := _one_share(va, vb)) is not None:  # that share alone
                va, vb = replace(va, quantities=pair[:1]), replace(vb, quantities=pair[1:])
            findings = compare_views(va, vb)
            if why == "toll":  # paired for their tolls alone: their dates may be two moments of the story
                findings = [f for f in findings if f.kind == "number"]
            kind = _LONE_KINDS.get(why)
            tallies = _lone_passages(va, vb, kind) if kind else None
            if tallies is not None:  # ... or for a vote tally or a sum alone: only those are compared
                findings = [f for f in findings if f.kind == "number" and set(f.values) <= tallies]
            if va.claim == vb.claim or tallies is not None:
                for x, y in _agreeing_figures(va, vb):
                    if tallies is not None and not {x, y} <= tallies:
                        continue
                    agree.setdefault(x, set()).add(y)
                    agree.setdefault(y, set()).add(x)
            if self.judge is not None and not findings and va.claim == vb.claim:
                quiet.append((va, vb))
            for f in findings:
                key = (f.kind, tuple(sorted(f.values, key=_order)))
                if key not in seen:
                    seen.add(key)
                    found.append((f, tuple(c for c in (va.claim, vb.claim) if c)))
        if quiet:
            found += self._judged(quiet)
        outlets = {s.id: s.outlet for s in story.sources}
        flat = [v for claim_views in views.values() for v, _ in claim_views]
        merged = _merged(found, outlets)
        return tuple(_with_told_elsewhere(_with_agreeing(c, agree), flat, outlets) for c in merged)

    def _judged(
        self, pairs: list[tuple[SentenceView, SentenceView]]
    ) -> list[tuple[Finding, tuple[str, ...]]]:
        """Pairs of one claim group the rules found nothing in, as the NLI judge reads them: a statement
        and its denial with no value to compare ("the talks collapsed" / "the talks made progress")."""
        assert self.judge is not None
        scores = self.judge.contradiction([(a.text, b.text) for a, b in pairs])
        out: list[tuple[Finding, tuple[str, ...]]] = []
        for (a, b), p in zip(pairs, scores, strict=True):
            if p >= self.settings.nli_threshold:
                values = (_whole(a), _whole(b))
                why = f"{a.outlet} and {b.outlet} state it in ways that cannot both be true (NLI {p:.2f})"
                out.append((Finding("negation", values, why), (a.claim,)))
        return out

    def _pairs(
        self, story: Story, views: dict[str, list[tuple[SentenceView, int]]]
    ) -> list[tuple[SentenceView, SentenceView, str]]:
        """Sentence pairs to compare, each with why it is compared: "group" (one claim group), "close",
        or "toll" / "tally" / "sum" when only their tolls, vote tallies or sums brought them together."""
        pairs: list[tuple[SentenceView, SentenceView, str]] = []
        flat: list[tuple[SentenceView, int]] = []
        for claim_views in views.values():
            for i, (va, _) in enumerate(claim_views):
                for vb, _ in claim_views[i + 1 :]:
                    if va.source != vb.source:
                        pairs.append((va, vb, "group"))
            flat.extend(claim_views)
        vectors = {s.id: s.vectors for s in story.sources}
        for i, (va, ia) in enumerate(flat):
            for vb, ib in flat[i + 1 :]:
                if va.source == vb.source or va.claim == vb.claim:
                    continue
                close = self._close(va, ia, vb, ib, vectors)
                if close is not None:
                    pairs.append((va, vb, close))
        return pairs

    def _close(
        self,
        va: SentenceView,
        ia: int,
        vb: SentenceView,
        ib: int,
        vectors: dict[str, np.ndarray | None],
    ) -> str | None:
        """ "close" when two sentences of different claim groups read alike, "toll" when they read apart
        but count people by one outcome ("12 people were killed" / "leaving 16 dead"), "tally" when they
        give vote tallies with a side or the total in common ("by 212 votes to 198" / "voted 212 to 189":
        one vote, told two ways; a committee's 12-9 and the chamber's 212-198 share neither), "sum" when
        each gives one sum of one currency and size and they read somewhat alike, "area" and "magnitude"
        the same for one area or one quake's magnitude, else None."""
        xa, xb = vectors.get(va.source), vectors.get(vb.source)
        overlap = len(va.words & vb.words) / max(1, min(len(va.words), len(vb.words)))
        if xa is not None and xb is not None and ia < len(xa) and ib < len(xb):
            cosine = float(xa[ia] @ xb[ib])
            if cosine >= self.cross_threshold and overlap >= 0.3:
                return "close"
            if cosine < _TOLL_COSINE:
                return None
            if _tolls(va) & _tolls(vb):
                return "toll"
            if _same_vote(va, vb):
                return "tally"
            if _one_share(va, vb) is not None:
                return "share"
            if cosine < _SUM_COSINE:
                return None
            alone = ("sum", "area", "magnitude", "temperature")
            return next((why for why in alone if _same_sum(va, vb, _LONE_KINDS[why])), None)
        return "close" if overlap >= self.cross_overlap else None


def _tolls(v: SentenceView) -> set[str]:
    """The outcomes a sentence counts people by ("dead", "hurt", "missing", "rescued"): two outlets'
    tolls of one story are worth comparing however differently the sentences around them read. A count
    just after a year ("since 2011, when 14 people died") is another event's."""
    now = [q for q in v.quantities if not _YEARS.search(v.text, max(0, q.start - 40), q.start)]
    return {o for q in now for o in outcome(v.text, q)} - {"total"}


def _lone_passages(a: SentenceView, b: SentenceView, kind: str) -> set[Passage]:
    return {v.passage(q.start, q.end) for v in (a, b) if (q := _lone(v, kind)) is not None}


# the words before a share that name which of several it is: "the earlier offer of 3%" is not "the offer"
_WHICH = {"previous", "earlier", "new", "revised", "improved", "final", "initial", "first", "latest",
          "original", "counter", "last", "current", "second", "third", "old", "better", "higher",
          "lower"}  # fmt: skip
_GENERIC = {"percent", "point", "points", "year", "years", "month", "months", "cent", "total", "share"}
_SHARE_BEFORE = re.compile(
    r"([A-Za-z][\w'-]*) (?:of|at|was|is|were|are|stood at|stands at) (?:a |an |the |just |about )?$"
)


def _one_share(a: SentenceView, b: SentenceView) -> tuple[Quantity, Quantity] | None:
    """The one percentage each sentence gives of the same named thing ("the government's offer of a 4% pay
    rise" / "the government's offer of 3.5%"; "turnout was 61%" / "a turnout of 64%"): alignment splits
    such sentences when the rest of them differ, and a story's other rates are of other things."""
    pairs = [
        (x, y)
        for x in a.quantities
        if x.kind == "percent" and not x.change
        for y in b.quantities
        if y.kind == "percent" and not y.change and _share_of(a.text, x) & _share_of(b.text, y)
    ]
    if len(pairs) != 1:
        return None
    x, y = pairs[0]
    which = _near_words(a.text, x) & _WHICH, _near_words(b.text, y) & _WHICH
    of = _complement(a.text, x), _complement(b.text, y)
    if which[0] != which[1] or (all(of) and of[0] != of[1]):
        return None  # "the earlier offer of 2%"; "a 25% tariff on steel" / "a 10% tariff on aluminium"
    return pairs[0]


def _complement(text: str, q: Quantity) -> str:
    """What the share is of or on, when the words after it say: "tariff on steel" -> "steel"."""
    m = re.match(r"(?:\s+[A-Za-z-]+){0,2}?\s+(?:on|for|of|in)\s+(?:the\s+)?([A-Za-z][\w-]*)", text[q.end :])
    return m.group(1).lower() if m else ""


def _share_of(text: str, q: Quantity) -> set[str]:
    """What a percentage is of: the words just after it ("4% pay rise") and the noun it is given as
    ("offer of 3.5%", "turnout was 61%")."""
    after = []
    for word in re.findall(r"[A-Za-z][\w'-]*|\S", text[q.end : q.end + 40]):
        if not word[0].isalpha() or word.lower() in _STOPS:
            break
        after.append(word.lower())
        if len(after) == 2:
            break
    before = _SHARE_BEFORE.search(text[max(0, q.start - 40) : q.start])
    named = {*after, *([before.group(1).lower()] if before else [])}
    return {w for w in named if w not in _GENERIC and w not in _STOPS}


def _near_words(text: str, q: Quantity) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z]+", text[max(0, q.start - 30) : q.end + 30])}


def _lone(v: SentenceView, kind: str) -> Quantity | None:
    """The sentence's one figure of ``kind`` (a vote tally or score, a sum of money), if it gives one."""
    found = [q for q in v.quantities if q.kind == kind]
    return found[0] if len(found) == 1 else None


def _same_vote(a: SentenceView, b: SentenceView) -> bool:
    """Two tallies with a side in common, or of one body's members ("7-2" / "6-3" of nine): one vote,
    told alike or two ways."""
    x, y = _lone(a, "score"), _lone(b, "score")
    if x is None or y is None:
        return False
    return x.value == y.value or x.against == y.against or x.value + x.against == y.value + y.against


def _same_sum(a: SentenceView, b: SentenceView, kind: str) -> bool:
    """One figure of ``kind`` of the same unit and order of size in each: a sum ("lost $1.2 billion" /
    "lost $2.1 billion"), an area ("4,800 acres" / "8,400 acres"), a quake's magnitude."""
    x, y = _lone(a, kind), _lone(b, kind)
    if x is None or y is None or not same_unit(x, y) or min(x.value, y.value) <= 0:
        return False
    if kind == "temperature" and not one_reading(a, b):
        return False
    return max(x.value, y.value) < _SUM_RATIO * min(x.value, y.value)


def _with_agreeing(c: Contradiction, agree: dict[Passage, set[Passage]]) -> Contradiction:
    """A disputed figure shown with every outlet that gives it: the wire's "12 people" beside the paper's
    "Twelve people" when only the paper's was compared with the tabloid's "at least 15"."""
    if c.kind != "number":
        return c
    have = {p.source for p in c.values}
    extra = {q for p in c.values for q in agree.get(p, ()) if q.source not in have}
    kept = {q.source: q for q in sorted(extra, key=_order)}  # one figure per outlet
    return replace(c, values=tuple(sorted((*c.values, *kept.values()), key=_order))) if kept else c


def _with_told_elsewhere(
    c: Contradiction, views: Sequence[SentenceView], outlets: dict[str, str]
) -> Contradiction:
    """A disputed count of a named thing shown with the outlets that give one side of it in sentences
    alignment kept apart from those compared: the wire's "cut electricity to about 1.2 million
    households" beside the radio's "About 1.2 million households lost electricity", against the paper's
    2.1 million. Only a count of the same thing, agreeing with one side and not the other."""
    if c.kind != "number":
        return c
    counted = [(p, q) for p in c.values if len(qs := extract_quantities(p.text)) == 1 and (q := qs[0]).noun]
    if len(counted) != len(c.values) or len({q.unit for _, q in counted}) != 1:
        return c
    have = {p.source for p in c.values}
    extra: dict[str, tuple[Passage, str]] = {}
    for v in views:
        if v.source in have or v.source in extra:
            continue
        for q in v.quantities:
            if q.change or _YEARS.search(v.text, max(0, q.start - 40), q.start):
                continue  # a movement, or another year's count
            sides = {_value_key(p, None) for p, x in counted if same_unit(q, x) and compatible(q, x)}
            if len(sides) == 1:
                extra[v.source] = (v.passage(q.start, q.end), v.claim)
                break
    if not extra:
        return c
    values = tuple(sorted((*c.values, *(p for p, _ in extra.values())), key=_order))
    claims = tuple(sorted({*c.claims, *(cid for _, cid in extra.values() if cid)}))
    keys = {p: _value_key(p, None) for p in values}
    pairs = [
        Finding("number", (x, y), "")
        for i, x in enumerate(values)
        for y in values[i + 1 :]
        if keys[x] != keys[y]
    ]
    return replace(c, values=values, claims=claims, explanation=_group_explanation(pairs, outlets))


def contradictions_json(sources: Sequence[Source], found: Sequence[Contradiction]) -> dict[str, object]:
    """The ``contradictions`` section of report schema v1, with each source's normalised text."""
    from newsprism.report.json import contradiction_to_dict, lens_sections

    return lens_sections(sources, contradictions=[contradiction_to_dict(c) for c in found])


def format_contradictions(sources: Sequence[Source], found: Sequence[Contradiction]) -> str:
    """A plain-text listing for the terminal: each disagreement, then every outlet's sentence holding it."""
    by_id = {s.id: s for s in sources}
    lines: list[str] = []
    for c in found:
        kind = f"{c.kind}:"
        lines.append(c.explanation if c.explanation.startswith(kind) else f"{kind} {c.explanation}")
        for p in c.values:
            src = by_id.get(p.source)
            if src is None:
                continue
            sentence = next((s for s in src.sentences if s.start <= p.start < s.end), None)
            text = sentence.text if sentence is not None else p.text
            lines.append(f"  {src.outlet or src.id}: {' '.join(text.split())}")
    return "\n".join(lines)


def _order(p: Passage) -> tuple[str, int, int]:
    return (p.source, p.start, p.end)


def _merged(found: list[tuple[Finding, tuple[str, ...]]], outlets: dict[str, str]) -> list[Contradiction]:
    """One contradiction per disputed value: pairwise findings that share a value are joined."""
    parent = list(range(len(found)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple[str, Passage], int] = {}
    for i, (f, _) in enumerate(found):
        for p in f.values:
            j = owner.setdefault((f.kind, p), i)
            parent[root(i)] = root(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(found)):
        groups.setdefault(root(i), []).append(i)
    out = []
    for members in sorted(groups.values()):
        findings = [found[i][0] for i in members]
        claims = tuple(sorted({c for i in members for c in found[i][1]}))
        values = tuple(sorted({p for f in findings for p in f.values}, key=_order))
        explanation = findings[0].explanation if len(findings) == 1 else _group_explanation(findings, outlets)
        out.append(Contradiction(claims, findings[0].kind, values, explanation))
    return out


def _group_explanation(findings: list[Finding], outlets: dict[str, str]) -> str:
    """Outlets that give the same value told together; with two values the fewer outlets' one first
    ("The Blare ('yesterday') and Fjord Times ('Monday') disagree with ..."), with more, every value."""
    label: dict[Passage, str] = {}
    values: set[Passage] = set()
    for f in findings:
        label.update({p: lab for p, lab in zip(f.values, f.labels, strict=True) if lab})
        values.update(f.values)

    def show(p: Passage) -> str:
        return f"{outlets.get(p.source, p.source)} ({label.get(p, repr(p.text))})"

    groups: dict[object, list[Passage]] = {}
    if findings[0].kind == "negation":  # whole sentences: the side is in the parse, not the words
        partners: dict[Passage, set[Passage]] = {}
        for f in findings:
            partners.setdefault(f.values[0], set()).add(f.values[1])
            partners.setdefault(f.values[1], set()).add(f.values[0])
        lone = max(partners, key=lambda p: (len(partners[p]), -_order(p)[1], p.source))
        groups = {0: [lone], 1: sorted(values - {lone}, key=_order)}
    else:
        for p in sorted(values, key=_order):
            groups.setdefault(_value_key(p, label.get(p)), []).append(p)
    told = sorted(groups.values(), key=lambda g: (len(g), _order(g[0])))
    if len(told) > 2:  # "14" from five outlets, "15" from a reprint, "16" from a tabloid: no odd one out
        return "the outlets give " + "; ".join(
            f"{label.get(g[0], repr(g[0].text))} ({', '.join(outlets.get(p.source, p.source) for p in g)})"
            for g in sorted(told, key=lambda g: (-len(g), _order(g[0])))
        )
    odd, rest = told[0], [p for g in told[1:] for p in g]
    verb = "disagrees" if len(odd) == 1 else "disagree"
    return f"{_and(show(p) for p in odd)} {verb} with {', '.join(show(p) for p in rest)}"


def _and(items: Iterable[str]) -> str:
    names = list(items)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _value_key(p: Passage, label: str | None) -> object:
    """What one value says, so outlets giving the same figure or date in other words count together."""
    if label:
        return label.split("(")[-1]  # "'Friday' (2026-03-13)": the resolved date
    found = extract_quantities(p.text)
    if len(found) != 1:
        return p.text.lower()
    q = degrees_as_temperature(found[0])
    unit = "°" if q.kind == "temperature" else q.unit  # "44 degrees" beside "44C"
    return (unit, round(q.value, 3))


def _claim_views(story: Story) -> dict[str, list[tuple[SentenceView, int]]]:
    """Views of every claim sentence, with the sentence's index in its source (for its vector)."""
    out: dict[str, list[tuple[SentenceView, int]]] = {}
    by_id = {s.id: s for s in story.sources}
    claims: Sequence[Claim] = story.claims
    for claim in claims:
        for p in claim.sentences:
            src = by_id.get(p.source)
            if src is None:
                continue
            index = _sentence_index(src, p.start, p.end)
            out.setdefault(claim.id, []).append((view_of(src, p.start, p.end, claim.id), index))
    return out


def _sentence_index(source: Source, start: int, end: int) -> int:
    """The sentence holding the passage's start, else the first one starting inside it; -1: none."""
    if (s := at(source.sentences, start)) is not None:
        return s.index
    k = bisect_left(source.sentences, start, key=lambda s: s.start)
    return source.sentences[k].index if k < len(source.sentences) and source.sentences[k].start < end else -1
