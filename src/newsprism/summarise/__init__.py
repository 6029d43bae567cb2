"""Neutral cited summary of a story: consensus first, one claim once, the least loaded wording.

Extractive by design, so every sentence is checkable: its text is a sentence of a cited source (with a
wire dateline cut, loaded words swapped for a neutral word where that is safe, and "According to
<outlet>, ..." when only one outlet reports it), and it cites that claim's id and every source holding a
sentence of the claim. A value outlets disagree on is given with each outlet's figure, or left out.
An OpenAI-compatible endpoint may polish the wording afterwards (off by default; see ``_rewrite``).
"""

from __future__ import annotations

import dataclasses
from functools import cached_property
from typing import TYPE_CHECKING

from newsprism.errors import UsageError
from newsprism.model import Contradiction, Story, Summary, SummarySentence
from newsprism.settings import SummarySettings
from newsprism.summarise._compose import (
    acronyms,
    corroborated,
    disputed,
    headline,
    introduce,
    neutral_title,
    sentence_of,
)
from newsprism.summarise._disputes import DisputeCheck
from newsprism.summarise._rewrite import faithful, rewrite
from newsprism.summarise._select import (
    _SHORTEST,
    Candidate,
    Fact,
    candidates,
    day_names,
    disputed_facts,
    fact_support,
    figure_facts,
    is_toll,
    rank,
    redundant,
    term_weights,
)
from newsprism.summarise._wording import Neutrality, subjectivity_lexicon

if TYPE_CHECKING:
    import httpx

    from newsprism.pipeline import Findings

__all__ = ["Summariser", "faithful", "length_settings", "neutral_title", "rewrite", "summarise"]


class Summariser:
    """Builds the summary the orchestrator puts in every report; ``transport`` is for tests of the rewrite."""

    def __init__(
        self, settings: SummarySettings | None = None, *, transport: httpx.BaseTransport | None = None
    ) -> None:
        self.settings = settings or SummarySettings()
        self.transport = transport

    @cached_property
    def _lexicon(self) -> dict[str, float]:
        return subjectivity_lexicon()

    def __call__(self, story: Story, findings: Findings | None = None) -> Summary:
        neutrality = Neutrality(findings, self._lexicon)
        contradictions = findings.contradictions if findings is not None else ()
        sentences, disputed_values, unsettled = self._select(story, neutrality, contradictions)
        if self.settings.rewrite_url:
            sentences = list(rewrite(sentences, story, self.settings, transport=self.transport))
        return Summary(
            sentences=tuple(sentences),
            headline=headline(story, sentences, neutrality, disputed_values, unsettled),
        )

    def _select(
        self, story: Story, neutrality: Neutrality, contradictions: tuple[Contradiction, ...]
    ) -> tuple[list[SummarySentence], list[str], frozenset[Fact]]:
        """The chosen sentences, the texts of every disputed value met and the figures some outlet gives
        otherwise (the headline avoids both)."""
        s = self.settings
        days = frozenset(
            d for k in contradictions if k.kind == "date" for v in k.values for d in day_names(v.text)
        )
        pool = candidates(story, neutrality, s.max_sentence_words, days)
        contested = {c.id for c in story.claims if c.contested} | {
            cid for k in contradictions for cid in k.claims
        }
        values = [(v.source, v.start, v.end) for k in contradictions for v in k.values]
        contested_facts = disputed_facts(story, contradictions)
        # a toll outlets dispute is told with every value or not at all, so a third value ("about 13"
        # beside a disputed 12 and 15) is never stated alone either
        tolls = {f[:2] for f in contested_facts if is_toll(f)}
        disputed_values = [v.text for k in contradictions for v in k.values]
        check = DisputeCheck(story, contradictions)
        chosen: list[Candidate] = []
        out: list[SummarySentence] = []
        covered: set[str] = set()
        names = {**acronyms(story), **neutrality.full_names(story.sources)}
        met: set[str] = set()  # surnames the summary has introduced by full name
        words = 0
        first_fit: SummarySentence | None = None
        support = fact_support(story)
        # a figure another outlet gives otherwise, which the summary's own check finds: the claim is told
        # with every value, so it ranks as the lens's disputes do
        checked = {id(c): check(c) for c in pool if c.facts & support[1]}  # read again below, not redone
        hidden_disputes = {c.claim.id for c in pool if (h := checked.get(id(c))) is not None and h.statable}
        for c in rank(
            pool, term_weights(story), support, frozenset(contested | hidden_disputes), taken=chosen
        ):
            if c.claim.id in covered or redundant(c, chosen, s.redundancy) or check.denied(c):
                continue
            if s.words is not None and (out or first_fit is not None):
                room = s.words - words
                if out and room < _SHORTEST:
                    break  # no usable sentence is that short
                if len(sentence_of(c, story).text.split()) > room:
                    continue  # cheap bound: a disputed version would only be longer
            lens_found = (
                c.claim.id in contested
                or _holds_disputed_value(c, values)
                or bool(c.facts & contested_facts)
                or any(f[:2] in tolls for f in c.facts)
            )
            found = None if lens_found else (checked[id(c)] if id(c) in checked else check(c))
            if found is not None:
                disputed_values += [v.text for v in found.dispute.values]
                if not found.statable:
                    continue  # a figure another outlet may dispute, or may give for another fact
            hidden = found.dispute if found is not None else None
            if lens_found or hidden is not None:
                at_issue = c.facts & (contested_facts | support[1])
                if at_issue and at_issue <= {f for x in out for f in figure_facts(x.text)}:
                    continue  # the dispute is told already: once is enough, and one side alone is not fair
                against = contradictions if hidden is None else (hidden,)
                made = disputed(c, against, story, neutrality)
                if made is None:
                    continue  # never state one side of a dispute as fact
                if s.words is not None and words + len(made[0].text.split()) > s.words:
                    made = disputed(c, against, story, neutrality, compact=True) or made
                sentence, ids = made
            else:
                told = corroborated(c, story, support[1], neutrality)
                if told is not None and figure_facts(c.wording.text) <= {
                    f for x in out for f in figure_facts(x.text)
                }:
                    continue  # its figures are told already, in the words of another outlet
                sentence, ids = told or (sentence_of(c, story), (c.claim.id,))
            sentence, introduced = introduce(sentence, met, names)
            n = len(sentence.text.split())
            if s.words is not None and words + n > s.words:
                first_fit = first_fit or sentence
                continue
            out.append(sentence)
            met |= introduced
            chosen.append(c)
            covered.update(ids)
            words += n
            if s.words is None and len(out) >= s.sentences:
                break
        if not out and first_fit is not None:
            out.append(first_fit)  # a word budget below the shortest sentence still gets one sentence
        return out, disputed_values, support[1]


def summarise(
    story: Story, findings: Findings | None = None, settings: SummarySettings | None = None
) -> Summary:
    """One-off summary of a story (builds a :class:`Summariser`)."""
    return Summariser(settings)(story, findings)


def length_settings(
    base: SummarySettings | None = None, *, sentences: int | None = None, words: int | None = None
) -> SummarySettings:
    """Settings for ``--sentences N`` or ``--words N`` (not both), for the CLI to call with its flags."""
    base = base or SummarySettings()
    if sentences is not None and words is not None:
        raise UsageError("give either --sentences or --words for the summary length, not both")
    for name, value in (("sentences", sentences), ("words", words)):
        if value is not None and value < 1:
            raise UsageError(f"--{name} must be a positive number, got {value}")
    if sentences is not None:
        return dataclasses.replace(base, sentences=sentences, words=None)
    if words is not None:
        return dataclasses.replace(base, words=words)
    return base


def _holds_disputed_value(c: Candidate, values: list[tuple[str, int, int]]) -> bool:
    s = c.wording.sentence
    sid = c.wording.source.id
    return any(src == sid and s.start <= a and b <= s.end for src, a, b in values)
