"""The one orchestrator: inputs -> articles -> sources -> claims -> lenses -> summary -> StoryReport.

Every stage is injectable (a protocol with a working default); the models behind them load lazily, once,
inside the objects this pipeline owns, so a second ``compare`` in the same process reuses them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from newsprism.model import (
    Article,
    ArticleFindings,
    Claim,
    Contradiction,
    LanguageFindings,
    LanguageSpan,
    QuoteFindings,
    ReuseFindings,
    Skipped,
    Source,
    SourceReport,
    Story,
    StoryReport,
    Summary,
)
from newsprism.settings import Settings

if TYPE_CHECKING:
    import httpx

    from newsprism.embed import Embedder
    from newsprism.segment import Segmenter

Progress = Callable[[str], None]


@runtime_checkable
class ArticleStage(Protocol):
    """The per-article half of a lens: work on one article alone, before it meets its story.

    A lens that has one (the default quotes and language lenses) adds its part to the article's findings;
    the batch pipeline runs these on its article workers, and the lens's story half reuses the result.
    """

    def article(self, source: Source, found: ArticleFindings) -> ArticleFindings: ...


@runtime_checkable
class TitleStage(Protocol):
    """A language lens that can also read titles: the loaded words of each source's title, by source id,
    with offsets into the title (the default lens's :meth:`~newsprism.lenses.language.LanguageLens.titles`).
    The report shows them beside each title; they do not count toward a source's loadedness."""

    def titles(
        self, sources: Sequence[Source], quotes: Callable[[Story], QuoteFindings] | None = None
    ) -> dict[str, tuple[LanguageSpan, ...]]: ...


class QuoteLens(Protocol):
    def __call__(self, story: Story) -> QuoteFindings: ...


class LanguageLens(Protocol):
    def __call__(self, story: Story, quotes: QuoteFindings) -> LanguageFindings: ...


class ReuseLens(Protocol):
    def __call__(self, story: Story) -> ReuseFindings: ...


class ContradictionLens(Protocol):
    def __call__(self, story: Story) -> tuple[Contradiction, ...]: ...


@dataclass(frozen=True, slots=True, eq=False)
class Findings:
    """What the lenses found in one story; the summariser reads all of it."""

    quotes: QuoteFindings = field(default_factory=QuoteFindings)
    language: LanguageFindings = field(default_factory=LanguageFindings)
    reuse: ReuseFindings = field(default_factory=ReuseFindings)
    contradictions: tuple[Contradiction, ...] = ()


class Summariser(Protocol):
    def __call__(self, story: Story, findings: Findings) -> Summary: ...


class Pipeline:
    """Owns the models and runs the stages; build one and call :meth:`compare` as often as you like."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        segmenter: Segmenter | None = None,
        embedder: Embedder | None = None,
        transport: httpx.BaseTransport | None = None,
        quotes: QuoteLens | None = None,
        language: LanguageLens | None = None,
        reuse: ReuseLens | None = None,
        contradictions: ContradictionLens | None = None,
        summariser: Summariser | None = None,
    ) -> None:
        from newsprism.embed import default_embedder
        from newsprism.lenses import contradictions as contradictions_lens
        from newsprism.lenses import language as language_lens
        from newsprism.lenses import quotes as quotes_lens
        from newsprism.lenses import reuse as reuse_lens
        from newsprism.segment import Segmenter as SpacySegmenter
        from newsprism.summarise import Summariser as DefaultSummariser

        self.settings = settings or Settings()
        self.segmenter = segmenter or SpacySegmenter()
        self.embedder = embedder or default_embedder(self.settings.embed)
        self.transport = transport
        s = self.settings
        self.quotes: QuoteLens = quotes or quotes_lens.QuoteLens(s.quotes)
        self.language: LanguageLens = language or language_lens.LanguageLens(
            s.language, segmenter=self.segmenter, embedder=self.embedder
        )
        self.reuse: ReuseLens = reuse or reuse_lens.ReuseLens(s.reuse)
        self.contradictions: ContradictionLens = contradictions or contradictions_lens.ContradictionLens(
            s.contradictions
        )
        self.summariser: Summariser = summariser or DefaultSummariser(self.settings.summary)

    # ------------------------------------------------------------------ stages

    def read(self, inputs: Sequence[str], *, stdin: str | None = None) -> tuple[list[Article], list[Skipped]]:
        """Read and normalise every input; bad ones become ``Skipped`` entries, never exceptions."""
        from newsprism.ingest import read_articles

        return read_articles(inputs, self.settings, transport=self.transport, stdin=stdin)

    def sources(self, articles: Sequence[Article]) -> list[Source]:
        sources = self.segmenter.pipe([(article, f"s{i}") for i, article in enumerate(articles, start=1)])
        return self._embed(sources)

    def _embed(self, sources: list[Source]) -> list[Source]:
        texts = [s.text for src in sources for s in src.sentences]
        vectors = self.embedder.encode(texts)
        out, at = [], 0
        for src in sources:
            n = len(src.sentences)
            out.append(replace(src, vectors=vectors[at : at + n]))
            at += n
        return out

    def annotate(
        self, sources: Sequence[Source], *, lap: Callable[[str], None] | None = None
    ) -> list[Source]:
        """The per-article lens stages (quotes, then loaded language), kept on each source as its
        ``findings``; sources already annotated pass through. ``lap(stage)`` is called after each stage."""
        todo = [n for n, src in enumerate(sources) if src.findings is None]
        found = {n: ArticleFindings() for n in todo}
        for name, lens in (("quotes", self.quotes), ("language", self.language)):
            if isinstance(lens, ArticleStage):
                for n in todo:
                    found[n] = lens.article(sources[n], found[n])
            if lap is not None:
                lap(name)
        return [replace(src, findings=found[n]) if n in found else src for n, src in enumerate(sources)]

    def story_groups(self, articles: Sequence[Article]) -> list[list[int]]:
        """The articles' positions grouped by the story each belongs to (the store's clustering), largest
        group first: a comparison is meant for one event, and a feed or folder may hold several."""
        import numpy as np

        from newsprism.cluster import cluster_articles, lead_text

        if len(articles) < 2:
            return [list(range(len(articles)))]
        words = self.settings.stories.lead_words
        vectors = np.asarray(self.embedder.encode([lead_text(a, words) for a in articles]))
        groups: dict[str, list[int]] = {}
        for n, story in enumerate(cluster_articles(articles, vectors, self.settings.stories)):
            groups.setdefault(story, []).append(n)
        return sorted(groups.values(), key=lambda g: (-len(g), g[0]))

    def claims(self, sources: Sequence[Source]) -> tuple[Claim, ...]:
        from newsprism.align import align

        return align(sources, self.settings.align)

    # ------------------------------------------------------------------ whole runs

    def analyse(
        self,
        articles: Sequence[Article],
        skipped: Iterable[Skipped] = (),
        *,
        progress: Progress | None = None,
    ) -> StoryReport:
        """The full cross-source analysis of articles already read (one story)."""
        say = progress or (lambda _msg: None)
        say("segmenting and embedding")
        sources = self.sources(articles)
        return self.analyse_sources(sources, skipped, progress=progress)

    def analyse_sources(
        self,
        sources: Sequence[Source],
        skipped: Iterable[Skipped] = (),
        *,
        progress: Progress | None = None,
    ) -> StoryReport:
        """The story stages (per-article lens work where not done yet, align, lenses, summary) over sources
        already segmented and embedded."""
        say = progress or (lambda _msg: None)
        say("quotes and loaded language")
        sources = self.annotate(sources)
        say("aligning claims")
        story = Story(sources=tuple(sources), claims=self.claims(sources))
        quotes = self.quotes(story)  # the story halves: speakers merged, quotes linked across outlets
        language = self.language(story, quotes)
        if isinstance(self.language, TitleStage) and not language.titles:
            language = replace(language, titles=self.language.titles(story.sources, self.quotes))
        say("reused text")
        reuse = self.reuse(story)
        if reuse.origins:
            story = _with_origins(story, reuse.origins)
        say("contradictions")
        contradictions = self.contradictions(story)
        story = _mark_contested(story, contradictions)
        findings = Findings(quotes, language, reuse, contradictions)
        say("summary")
        summary = self.summariser(story, findings)
        return assemble_report(story, findings, summary, tuple(skipped))

    def compare(
        self,
        inputs: Sequence[str],
        *,
        stdin: str | None = None,
        progress: Progress | None = None,
    ) -> StoryReport:
        """Read ``inputs`` (paths, URLs, ``-``) and analyse them as one story."""
        articles, skipped = self.read(inputs, stdin=stdin)
        for s in skipped:
            print(f"newsprism: skipped {s.origin}: {s.reason}", file=sys.stderr)
        return self.analyse(articles, skipped, progress=progress)


def compare(
    inputs: Sequence[str],
    settings: Settings | None = None,
    *,
    pipeline: Pipeline | None = None,
) -> StoryReport:
    """Compare how several articles about one event cover it. Pass ``pipeline`` to reuse loaded models."""
    return (pipeline or Pipeline(settings)).compare(list(inputs))


def analyse_story(
    articles: Sequence[Article],
    settings: Settings | None = None,
    *,
    pipeline: Pipeline | None = None,
) -> StoryReport:
    """Analyse articles you already hold (built with ``newsprism.Article``) as one story."""
    return (pipeline or Pipeline(settings)).analyse(list(articles))


def _with_origins(story: Story, origins: dict[str, int]) -> Story:
    claims = tuple(replace(c, origins=origins.get(c.id, c.origins)) for c in story.claims)
    return replace(story, claims=claims)


def _mark_contested(story: Story, contradictions: Sequence[Contradiction]) -> Story:
    contested = {cid for c in contradictions for cid in c.claims}
    if not contested:
        return story
    claims = tuple(replace(c, contested=c.id in contested) for c in story.claims)
    return replace(story, claims=claims)


def assemble_report(
    story: Story, findings: Findings, summary: Summary, skipped: tuple[Skipped, ...]
) -> StoryReport:
    """Put a story's sources, claims, findings and summary together as the report the renderers read."""
    reports = []
    for src in story.sources:
        lang = findings.language.per_source.get(src.id)
        a = src.article
        reports.append(
            SourceReport(
                id=src.id,
                outlet=src.outlet,
                title=a.title,
                url=a.url,
                published=a.published,
                language=a.language,
                words=a.words,
                text=a.text,
                loadedness=lang.loadedness if lang else 0.0,
                biased_sentences=lang.biased_share if lang else 0.0,
                wire=findings.reuse.wire.get(src.id, ()),
                reused_share=findings.reuse.reused_share.get(src.id, 0.0),
                warnings=a.warnings,
                author=a.author,
                title_language=findings.language.titles.get(src.id, ()),
            )
        )
    return StoryReport(
        sources=tuple(reports),
        claims=story.claims,
        contradictions=findings.contradictions,
        speakers=findings.quotes.speakers,
        quotes=findings.quotes.quotes,
        language=findings.language.spans,
        reuse=findings.reuse.reuse,
        summary=summary.sentences,
        headline=summary.headline,
        skipped=skipped,
        generated_at=datetime.now(UTC).replace(microsecond=0).isoformat(),
    )
