"""Tiny report builders: a fictional ceremony covered by three outlets, built by hand (no models).

Offsets are found with ``str.index`` on the texts below, so every passage is checkable by construction.
"""

from __future__ import annotations

import dataclasses

import pytest

from newsprism.model import (
    Claim,
    Contradiction,
    LanguageSpan,
    Passage,
    Quote,
    Reuse,
    Skipped,
    SourceReport,
    Speaker,
    StoryReport,
    SummarySentence,
)

WIRE = (
    "President Anton Kirilov of Caldoria signed the Harbour Accord with Vestmark on Tuesday in the port "
    "city of Solen.\n\n"
    "The agreement opens three ports to joint patrols and sets a quota of 60 fishing vessels per season, "
    "officials said.\n\n"
    '"This accord ends a decade of mistrust," Kirilov said at the ceremony.\n\n'
    "Vestmark's foreign ministry spokeswoman Lena Holt said the deal would be reviewed by parliament next "
    "month.\n\n"
    "Meridian Wire could not verify the number of vessels currently operating in the disputed waters."
)
PARTISAN = (
    "The tyrant of Caldoria, Anton Kyrylov, staged yet another grandiose ceremony on Tuesday, signing a "
    "so-called Harbour Accord with Vestmark in Solen.\n\n"
    "The agreement opens three ports to joint patrols and sets a quota of 60 fishing vessels per season, "
    "officials claimed.\n\n"
    "Meridian Wire could not verify the number of vessels currently operating in the disputed waters.\n\n"
    'The warmonger told a hand-picked crowd: "This accord ends a decade of mistrust."\n\n'
    'Opposition leader Marta Vell called the deal "a sham" and said Caldoria had already moved two warships '
    "toward the strait.\n\n"
    "Leaders in Ostrava and Pellin welcomed the accord as a first step."
)
LEDGER = (
    "Caldoria and Vestmark signed a fishing and patrol agreement on Tuesday, capping the catch at 40 "
    "vessels per season.\n\n"
    'President Kirilov said the accord "ends a decade of mistrust", according to a pool reporter.\n\n'
    "Critics in Vestmark's parliament called the quota a reckless giveaway. Parliament will review the deal "
    "next month."
)
TEXTS = {"s1": WIRE, "s2": PARTISAN, "s3": LEDGER}


def at(source: str, needle: str, after: int = 0) -> Passage:
    """The passage of ``needle`` in a fixture text, so tests never hand-count offsets."""
    text = TEXTS[source]
    start = text.index(needle, after)
    return Passage(source, start, start + len(needle), needle)


def sentence(source: str, first_words: str) -> Passage:
    """The whole sentence (up to the paragraph or sentence end) that starts with ``first_words``."""
    text = TEXTS[source]
    start = text.index(first_words)
    ends = [i for i in (text.find("\n", start), text.find(". ", start)) if i >= 0]
    end = min(ends) if ends else len(text)
    if end < len(text) and text[end] == ".":
        end += 1
    return Passage(source, start, end, text[start:end])


def sources() -> tuple[SourceReport, ...]:
    meta = {
        "s1": (
            "Meridian Wire",
            "Caldoria and Vestmark sign Harbour Accord",
            "https://meridian.example/accord",
        ),
        "s2": ("The Daily Bulwark", "Tyrant's harbour stunt fools no one", None),
        "s3": ("Northern Ledger", "Fishing pact caps catch at 40 boats", "javascript:alert(1)"),
    }
    return tuple(
        SourceReport(
            id=sid,
            outlet=outlet,
            title=title,
            url=url,
            published="2026-03-03",
            language="en",
            words=len(TEXTS[sid].split()),
            text=TEXTS[sid],
            loadedness={"s1": 0.02, "s2": 0.61, "s3": 0.18}[sid],
            wire=("Meridian Wire",) if sid == "s2" else (),
            reused_share={"s1": 0.0, "s2": 0.3412, "s3": 0.0}[sid],
            warnings=("published date guessed from the URL",) if sid == "s3" else (),
            biased_sentences={"s1": 0.0, "s2": 0.5, "s3": 0.25}[sid],
        )
        for sid, (outlet, title, url) in meta.items()
    )


def claims() -> tuple[Claim, ...]:
    def claim(cid: str, support: str, *ps: Passage, **kw: object) -> Claim:
        return Claim(cid, support, tuple(dict.fromkeys(p.source for p in ps)), ps, **kw)  # type: ignore[arg-type]

    return (
        claim(
            "c1",
            "consensus",
            sentence("s1", "President Anton"),
            sentence("s2", "The tyrant"),
            sentence("s3", "Caldoria and Vestmark"),
            origins=3,
        ),
        claim(
            "c2",
            "partial",
            sentence("s1", "The agreement"),
            sentence("s2", "The agreement"),
            sentence("s3", "Caldoria and Vestmark"),
            origins=2,
            contested=True,
        ),
        claim(
            "c3",
            "consensus",
            sentence("s1", '"This accord'),
            sentence("s2", "The warmonger"),
            sentence("s3", "President Kirilov"),
            origins=3,
        ),
        claim("c4", "partial", sentence("s1", "Vestmark's foreign"), sentence("s3", "Parliament will")),
        claim("c5", "partial", sentence("s1", "Meridian Wire"), sentence("s2", "Meridian Wire"), origins=1),
        claim("c6", "single", sentence("s2", "Opposition leader")),
        claim("c7", "single", sentence("s2", "Leaders in Ostrava")),
        claim("c8", "single", sentence("s3", "Critics in")),
    )


def quotes() -> tuple[Quote, ...]:
    def quote(
        qid: str,
        source: str,
        speaker: str | None,
        kind: str,
        text: str,
        cue: str,
        who: str,
        shared: tuple[str, ...] = (),
        match: str = "",
    ) -> Quote:
        p = at(source, text)
        para = TEXTS[source].rfind("\n", 0, p.start) + 1  # cue and speaker are in the quote's paragraph
        c = at(source, cue, para)
        w = at(source, who, para) if who else None
        return Quote(
            qid,
            source,
            speaker,
            kind,
            p.start,
            p.end,
            p.text,
            cue,
            (w.start, w.end) if w else None,  # type: ignore[arg-type]
            (c.start, c.end),
            shared,
            match,
            tuple((other, match) for other in shared),
        )

    return (
        quote(
            "q1",
            "s1",
            "p1",
            "direct",
            '"This accord ends a decade of mistrust,"',
            "said",
            "Kirilov",
            ("q2", "q3"),
            "same-words",
        ),
        quote(
            "q2",
            "s2",
            "p1",
            "direct",
            '"This accord ends a decade of mistrust."',
            "told",
            "The warmonger",
            ("q1",),
            "same-words",
        ),
        quote(
            "q3",
            "s3",
            "p1",
            "mixed",
            'the accord "ends a decade of mistrust"',
            "said",
            "President Kirilov",
            ("q1",),
            "same-words",
        ),
        quote(
            "q4",
            "s1",
            "p2",
            "indirect",
            "the deal would be reviewed by parliament next month",
            "said",
            "Lena Holt",
        ),
        quote("q5", "s2", "p3", "direct", '"a sham"', "called", "Marta Vell"),
        quote("q6", "s3", None, "indirect", "the quota a reckless giveaway", "called", ""),
    )


def language() -> tuple[LanguageSpan, ...]:
    def span(
        source: str, text: str, voice: str, category: str, score: float, neutral: str | None
    ) -> LanguageSpan:
        p = at(source, text)
        return LanguageSpan(source, p.start, p.end, text, voice, category, score, neutral)  # type: ignore[arg-type]

    return (
        span("s2", "tyrant", "authorial", "insult", 0.93, "President"),
        span("s2", "grandiose", "authorial", "mocking", 0.71, "formal"),
        span("s2", "so-called", "authorial", "doubt", 0.66, None),
        span("s2", "warmonger", "authorial", "insult", 0.9, "the president"),
        span("s2", "hand-picked", "authorial", "mocking", 0.58, "invited"),
        span("s2", "sham", "attributed", "dismissive", 0.8, "flawed"),
        span("s3", "reckless giveaway", "attributed", "alarmist", 0.74, "concession"),
    )


def report() -> StoryReport:
    """The full three-outlet report every renderer test starts from."""
    wire_para = sentence("s1", "The agreement")
    copy_para = sentence("s2", "The agreement")
    return StoryReport(
        sources=sources(),
        claims=claims(),
        contradictions=(
            Contradiction(
                ("c2",),
                "number",
                (at("s1", "60"), at("s2", "60"), at("s3", "40")),
                "Meridian Wire and The Daily Bulwark give a quota of 60 vessels; Northern Ledger gives 40.",
            ),
        ),
        speakers=(
            Speaker("p1", "Anton Kirilov", ("Kyrylov",), ("s1", "s2", "s3")),
            Speaker("p2", "Lena Holt", (), ("s1",)),
            Speaker("p3", "Marta Vell", (), ("s2",)),
        ),
        quotes=quotes(),
        language=language(),
        reuse=(
            Reuse(("s1", "s2"), 0.9412, (wire_para, copy_para), ("'said' changed to 'claimed'",)),
            Reuse(("s1", "s2"), 1.0, (sentence("s1", "Meridian Wire"), sentence("s2", "Meridian Wire"))),
        ),
        summary=(
            SummarySentence(
                "Caldoria and Vestmark signed a harbour and fishing accord in Solen on Tuesday.",
                ("s1", "s2", "s3"),
                ("c1",),
            ),
            SummarySentence(
                "The accord sets a seasonal quota of fishing vessels; the outlets disagree on the number.",
                ("s1", "s2", "s3"),
                ("c2",),
            ),
            SummarySentence(
                "Kirilov said the accord ends a decade of mistrust.", ("s1", "s2", "s3"), ("c3",)
            ),
            SummarySentence("Vestmark's parliament is to review the deal next month.", ("s1", "s3"), ("c4",)),
        ),
        headline="Caldoria and Vestmark sign the Harbour Accord",
        skipped=(Skipped("feeds/broken.html", "no article text found; check that the page is an article"),),
        generated_at="2026-03-04T09:00:00+00:00",
    )


@pytest.fixture
def sample_report() -> StoryReport:
    return report()


TABLOID_TITLE = "CROOKED KIRILOV CAGED <b>by</b> 'sham' vote"


def title_span(source: str, title: str, needle: str, **kw: object) -> LanguageSpan:
    """A loaded word of a title, its offsets into the title (as ``SourceReport.title_language`` holds)."""
    start = title.index(needle)
    fields: dict[str, object] = {"voice": "authorial", "category": "loaded adjective", "score": 0.8}
    fields.update(kw)
    return LanguageSpan(source, start, start + len(needle), needle, **fields)  # type: ignore[arg-type]


@pytest.fixture
def tabloid_report() -> StoryReport:
    """The sample report with a tabloid headline on s2 whose loaded words are listed (title offsets)."""
    r = report()
    spans = (
        title_span("s2", TABLOID_TITLE, "CROOKED", neutral="accused"),
        title_span("s2", TABLOID_TITLE, "CAGED", category="loaded verb", score=0.9, neutral="jailed"),
        title_span("s2", TABLOID_TITLE, "sham", voice="attributed", category="insult", score=0.7),
    )
    s2 = dataclasses.replace(r.sources[1], title=TABLOID_TITLE, title_language=spans)
    return dataclasses.replace(r, sources=(r.sources[0], s2, *r.sources[2:]))
