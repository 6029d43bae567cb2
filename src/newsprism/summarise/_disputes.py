"""A last check before a figure goes into the summary: does another outlet give a different one?

The contradictions lens compares sentences inside a claim group and very close sentences across groups.
Alignment keeps apart sentences whose figures differ, and two outlets often tell the same toll in rather
different words ("12 people were killed" / "at least 20 people died in the blaze"), so a disputed figure
can sit in a claim the lens never flagged. Before the summary states a number or a date, its sentence is
compared (with the lens's own value comparison) against every sentence of the other outlets that talks
about the same thing; a disagreement makes the claim disputed. The test of "the same thing" is loose on
purpose, so only a count of one named thing ("214 passengers" / "240 passengers") or a date both outlets
schedule ahead ("the next rate decision is due on 18 September" / "... 25 September, when the rate committee
next decides") is then told with every value and its outlets; a duration, a sum or a share may be two
facts ("reached the ferry within eleven minutes" / "smoke was seen about 20 minutes after it left port"),
and such a claim is left out rather than told with a dispute that may not exist. Past dates are not
compared here: two outlets often date different moments of one story.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from newsprism.lenses.dates import parse_published
from newsprism.lenses.quantities import Quantity, comparable, compatible, extract_quantities
from newsprism.model import Contradiction, Passage, Sentence, Source, Story, at
from newsprism.summarise._select import _OTHER_FACT, Candidate, content_words

if TYPE_CHECKING:
    from newsprism.lenses._views import SentenceView

_FIGURE = re.compile(
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
    r"hundred|thousand|million|billion|dozens?|january|february|march|april|may|june|july|august|"
    r"september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE,
)
_TOPICAL_COSINE = (
    0.5  # looser than the lens's cross-group gate on purpose: a miss here states a dispute as fact
)
_TOPICAL_OVERLAP = 0.4


def _flipped(story: Story, contradictions: Sequence[Contradiction]) -> list[tuple[str, set[str]]]:
    """Each predicate a polarity dispute is about, with the name words of its sentences."""
    from newsprism.lenses.contradictions import view_of

    out: list[tuple[str, set[str]]] = []
    for k in contradictions:
        if k.kind != "negation":
            continue
        said: dict[str, set[bool]] = {}
        names: set[str] = set()
        for v in k.values:
            src = story.source(v.source)
            if (sent := at(src.sentences, v.start)) is None:
                continue
            view = view_of(src, sent.start, sent.end)
            for lemma, signs in view.polarity.items():
                said.setdefault(lemma, set()).update(signs)
            names |= _names(src, sent, view)
        out += [(lemma, names) for lemma, signs in said.items() if len(signs) == 2]
    return out


def _names(src: Source, sent: Sentence, view: SentenceView) -> set[str]:
    """The words of the names a sentence gives (the lens's, and proper nouns its tagger missed)."""
    return {w for n in view.names for w in n.text.split()} | {
        t.text for t in src.sentence_tokens(sent) if t.pos == "PROPN"
    }


def _ahead(view: SentenceView, value: Passage, story_day: date | None) -> bool:
    """The date at ``value`` lies after its article's day (the story's latest, for an undated article): a
    schedule ("the next decision is due on 18 September" / "meets again on 25 September"), which two
    outlets give for one event, where past dates often mark two moments of the story."""
    day = view.published or story_day
    if day is None:
        return False
    for d in view.dates:
        if view.start + d.start != value.start:
            continue
        if d.low is not None:
            return d.low > day
        if d.month and d.day:
            return date(day.year, d.month, d.day) > day
    return False


_NOT_HAPPENINGS = {"say", "be", "have", "do", "tell", "report", "add"}


def _verbs(src: Source, sent: Sentence) -> set[str]:
    return {t.lemma.lower() for t in src.sentence_tokens(sent) if t.pos == "VERB"}


def _verb_in_common(src: Source, sent: Sentence, other: Source, t: Sentence) -> bool:
    """A verb in common, or no parse on one side to tell (then the loose test stands)."""
    if not src.sentence_tokens(sent) or not other.sentence_tokens(t):
        return True
    return bool((_verbs(src, sent) & _verbs(other, t)) - _NOT_HAPPENINGS)


def _same_happening(
    mine: SentenceView, own: Passage, theirs: SentenceView, value: Passage, verbs: bool
) -> bool:
    """Two counts say the same thing happened: a verb in common ("recalling" / "would recall"; ``verbs``),
    the same outcome ("12 people were killed" / "at least 20 people died"), or the same counted thing
    within a factor of three. The topical test is loose, so a count of what a company sold last year must
    not meet the count it recalls."""
    from newsprism.lenses.quantities import outcome

    a, b = _count_at(mine, own), _count_at(theirs, value)
    if a is None or b is None:
        return True  # no count to tell: the loose test stands
    # the same counted thing and not far apart ("30,000 nurses began a strike" / "13,000 nurses joined")
    close = a.unit == b.unit and max(a.value, b.value) < _OTHER_FACT * min(a.value, b.value)
    return close or verbs or bool(outcome(mine.text, a) & outcome(theirs.text, b))


def _count_at(view: SentenceView, p: Passage) -> Quantity | None:
    return next((q for q in view.quantities if view.start + q.start == p.start), None)


def _same_value(p: Passage, own: Passage) -> Passage | None:
    """Where passage ``p`` gives ``own``'s figure, in its words or others of the same value."""
    if m := re.search(re.escape(own.text), p.text):
        return Passage(p.source, p.start + m.start(), p.start + m.end(), own.text)
    mine = extract_quantities(own.text)
    if len(mine) != 1:
        return None
    for q in extract_quantities(p.text):
        if q.kind == mine[0].kind and q.value == mine[0].value and not q.approx and not mine[0].approx:
            return Passage(p.source, p.start + q.start, p.start + q.end, q.text)
    return None


class Hidden(NamedTuple):
    dispute: Contradiction
    statable: bool  # a count of one named thing on both sides: safe to tell with both figures


class DisputeCheck:
    """Per story: which claim each sentence belongs to, so a disagreement can be cited."""

    def __init__(self, story: Story, contradictions: Sequence[Contradiction] = ()) -> None:
        self.story = story
        self._flipped = _flipped(story, contradictions)
        self.claim_of = {(p.source, p.start, p.end): c.id for c in story.claims for p in c.sentences}
        self._figures: dict[str, list[Quantity]] = {}
        days = [d for src in story.sources if (d := parse_published(src.article.published)) is not None]
        self.day = max(days, default=None)

    def __call__(self, c: Candidate) -> Hidden | None:
        """A dispute over a figure of ``c``'s chosen sentence that the lens did not report, if any."""
        from newsprism.lenses.contradictions import compare_views, view_of

        src, sent = c.wording.source, c.wording.sentence
        if not _FIGURE.search(sent.text):
            return None
        mine = view_of(src, sent.start, sent.end, c.claim.id)
        if not mine.quantities and not mine.dates:
            return None
        by_value: dict[tuple[int, int], list[Passage]] = {}
        claims: dict[tuple[int, int], list[str]] = {}
        kinds: dict[tuple[int, int], str] = {}
        for other in self.story.sources:
            if other.id == src.id:
                continue
            for t in other.sentences:
                key = (other.id, t.start, t.end)
                claim = self.claim_of.get(key)
                if (
                    claim is None
                    or not _FIGURE.search(t.text)
                    or not self._topical(c, other, t.index, t.text)
                ):
                    continue
                theirs_view = view_of(other, t.start, t.end, claim)
                for f in compare_views(mine, theirs_view):
                    if f.kind == "date" and not (
                        _ahead(mine, f.values[0], self.day) and _ahead(theirs_view, f.values[1], self.day)
                    ):
                        continue  # past dates: two outlets often date different moments of one story
                    if f.kind not in ("number", "date"):
                        continue
                    own, theirs = f.values
                    if self._also_gives(other, own.text):
                        continue  # an outlet that gives this figure too gives its other one for another fact
                    if f.kind == "number" and not _same_happening(
                        mine, own, theirs_view, theirs, _verb_in_common(src, sent, other, t)
                    ):
                        continue  # "recalling 48,000 vehicles" / "sold 410,000 vehicles last year"
                    slot = (own.start, own.end)
                    by_value.setdefault(slot, [own]).append(theirs)
                    claims.setdefault(slot, [c.claim.id]).append(claim)
                    kinds[slot] = f.kind
        if not by_value:
            return None
        slot = min(by_value)  # the first disputed figure of the sentence
        own = by_value[slot][0]
        # the claim's other outlets giving the figure, in the same words (the wire behind a reprint) or in
        # others ("48,000 Arlo sport utility vehicles" beside "48,000 Arlo SUVs"), so each is named
        same = [x for p in c.claim.sentences if p.source != src.id and (x := _same_value(p, own)) is not None]
        dispute = Contradiction(
            claims=tuple(dict.fromkeys(claims[slot])),
            kind="date" if kinds[slot] == "date" else "number",
            values=tuple(dict.fromkeys([own, *same, *by_value[slot][1:]])),
            explanation="",
        )
        mine_q = [q for q in mine.quantities if q.text == dispute.values[0].text]
        # a count of one named thing, or a date both outlets schedule ahead, is safe to tell with both values
        statable = dispute.kind == "date" or (bool(mine_q) and mine_q[0].unit.startswith("count:"))
        return Hidden(dispute, statable=statable)

    def denied(self, c: Candidate) -> bool:
        """``c`` states, of someone the outlets name there, what the lens found one outlet affirms and
        another denies ("Brannic conceded shortly before 23:00" beside "has not conceded" / "concedes" in
        other claim groups): a polarity dispute cannot be told with both sides, so neither is stated."""
        if not self._flipped:
            return False
        from newsprism.lenses.contradictions import view_of

        src, sent = c.wording.source, c.wording.sentence
        view = view_of(src, sent.start, sent.end, c.claim.id)
        names = _names(src, sent, view)
        verbs = _verbs(src, sent) | set(view.polarity)
        return any(lemma in verbs and names & who for lemma, who in self._flipped)

    def _also_gives(self, other: Source, figure: str) -> bool:
        """The wire's "31 of the 51 seats" and its "the League won the remaining 20 seats": one outlet
        giving both figures is not disputing itself."""
        if other.id not in self._figures:
            self._figures[other.id] = extract_quantities(other.text)
        return any(
            comparable(q, o) and compatible(q, o)
            for q in extract_quantities(figure)
            for o in self._figures[other.id]
        )

    def _topical(self, c: Candidate, other: Source, index: int, text: str) -> bool:
        v = other.vectors
        has = c.vector is not None and v is not None and v.ndim == 2 and index < v.shape[0]
        if has and float(np.dot(c.vector, v[index])) >= _TOPICAL_COSINE:  # type: ignore[arg-type,index]
            return True
        words = content_words(text)
        shared = len(words & c.words)
        return shared >= 2 and shared >= _TOPICAL_OVERLAP * min(len(words), len(c.words))
