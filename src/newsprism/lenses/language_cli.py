"""What ``newsprism language FILE...`` needs: per-source spans of whole files, and a terminal rendering.

The CLI groups a story's findings with :func:`spans_by_source` and prints them with :func:`print_language`
(the table) or :func:`language_json` (``--format json``); :func:`language_of_files` does the same from paths
for library use; the per-line mode is :func:`newsprism.lenses.language.score_lines`. Given the quotes lens's
findings, each attributed span names who is quoted (speaker and quote id); given the lens, each title is
analysed too (its spans point into the title, which is not part of the source's normalised text, see
:meth:`LanguageLens.title_spans`), with the speaker a title quotes by name.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsprism.model import (
    LanguageFindings,
    LanguageSpan,
    Quote,
    QuoteFindings,
    Skipped,
    SourceLanguage,
    Story,
)

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from newsprism.lenses.language import LanguageLens
    from newsprism.pipeline import Pipeline

AUTHORIAL_STYLE = "bold red"
ATTRIBUTED_STYLE = "italic yellow"


@dataclass(frozen=True, slots=True)
class QuotedBy:
    """Who an attributed span quotes: the quote and speaker ids of the story's quotes (as ``newsprism quotes``
    numbers them on the same inputs) and the speaker's name; a title's quote has a name only."""

    quote: str | None = None
    speaker: str | None = None
    name: str | None = None

    @property
    def label(self) -> str:
        """ "Hanna Velcourt, q12", "q12" without a speaker, "" when nobody is known."""
        return ", ".join(x for x in (self.name, self.quote) if x)


@dataclass(frozen=True, slots=True)
class SourceSpans:
    """One input's loaded-language spans (offsets into ``text``) and figures."""

    source: str
    outlet: str
    origin: str
    text: str
    spans: tuple[LanguageSpan, ...]
    figures: SourceLanguage
    quoted: tuple[str, ...] = ()  # per span: who is quoted ("Hanna Velcourt, q12"), "" when unknown
    title: str = ""
    title_spans: tuple[LanguageSpan, ...] = ()  # offsets into ``title``
    quoted_by: tuple[QuotedBy, ...] = ()  # per span, the ids and name behind ``quoted``
    title_quoted_by: tuple[QuotedBy, ...] = ()  # per title span: the speaker the title quotes, by name


def language_of_files(
    inputs: Sequence[str], pipeline: Pipeline | None = None, *, stdin: str | None = None
) -> tuple[list[SourceSpans], list[Skipped]]:
    """Read, segment and embed the inputs, find quotes, then loaded language: one entry per readable input.

    Claims are not aligned (the language lens does not need them), so this is cheaper than ``compare``.
    """
    from newsprism.lenses.language import LanguageLens
    from newsprism.pipeline import Pipeline

    pipe = pipeline or Pipeline()
    articles, skipped = pipe.read(inputs, stdin=stdin)
    sources = pipe.sources(articles)
    story = Story(sources=tuple(sources))
    quotes = pipe.quotes(story)
    found = pipe.language(story, quotes)
    lens = pipe.language if isinstance(pipe.language, LanguageLens) else None  # a null lens has no titles
    return spans_by_source(story, found, quotes=quotes, lens=lens, quote_lens=pipe.quotes), skipped


def spans_by_source(
    story: Story,
    findings: LanguageFindings,
    *,
    quotes: QuoteFindings | None = None,
    lens: LanguageLens | None = None,
    quote_lens: Callable[[Story], QuoteFindings] | None = None,
) -> list[SourceSpans]:
    """Group a story's language findings per source, for printing. With the story's ``quotes`` each
    attributed span names who is quoted; with the ``lens`` (and the ``quote_lens`` for speakers a title
    quotes) each title is analysed as well."""
    out = []
    for src in story.sources:
        spans = tuple(s for s in findings.spans if s.source == src.id)
        who = tuple(_quoted_by(s, quotes) for s in spans)
        title_spans, title_quotes = lens.title_findings(src, quote_lens) if lens is not None else ([], None)
        title_who = tuple(_quoted_by(s, title_quotes, ids=False) for s in title_spans)
        out.append(
            SourceSpans(
                source=src.id,
                outlet=src.outlet,
                origin=src.article.origin,
                text=src.text,
                spans=spans,
                figures=findings.per_source.get(src.id, SourceLanguage()),
                quoted=tuple(w.label for w in who),
                title=src.article.title,
                title_spans=tuple(title_spans),
                quoted_by=who,
                title_quoted_by=title_who,
            )
        )
    return out


def _quoted_by(span: LanguageSpan, quotes: QuoteFindings | None, *, ids: bool = True) -> QuotedBy:
    """Who the quote holding an attributed span belongs to (see :func:`quote_of_span`); ``ids`` False for
    a title's quotes, whose ids are not the story's."""
    from newsprism.lenses.language import quote_of_span

    q: Quote | None = quote_of_span(span, quotes) if quotes is not None else None
    if q is None or quotes is None:
        return QuotedBy()
    name = next((p.name for p in quotes.speakers if p.id == q.speaker), None)
    if not ids:
        return QuotedBy(name=name)
    return QuotedBy(quote=q.id, speaker=q.speaker, name=name)


def language_json(
    items: Sequence[SourceSpans], sources: Sequence[dict[str, object]], skipped: Sequence[Skipped] = ()
) -> dict[str, object]:
    """What ``newsprism language --format json`` prints: the ``schema``, ``sources`` and ``language``
    sections of report schema v1 (``sources`` as the report gives them, with the figures), each language
    span with ``quote``, ``speaker`` (the ids ``newsprism quotes`` gives on the same inputs) and
    ``speaker_name`` when it lies in someone's quote, ``title_language`` (the title's spans in the same
    shape, offsets into ``sources[].title``, a quoted speaker by name only) and ``skipped``."""
    from newsprism.report.json import SCHEMA, language_to_dict, skipped_list

    def row(span: LanguageSpan, who: QuotedBy) -> dict[str, object]:
        who_is = {"quote": who.quote, "speaker": who.speaker, "speaker_name": who.name}
        return {**language_to_dict(span), **who_is}

    def pairs(spans: Sequence[LanguageSpan], who: Sequence[QuotedBy]) -> list[tuple[LanguageSpan, QuotedBy]]:
        return list(zip(spans, who or (QuotedBy(),) * len(spans), strict=True))

    return {
        "schema": SCHEMA,
        "sources": list(sources),
        "language": [row(s, w) for i in items for s, w in pairs(i.spans, i.quoted_by)],
        "title_language": [row(s, w) for i in items for s, w in pairs(i.title_spans, i.title_quoted_by)],
        "skipped": skipped_list(skipped),
    }


def highlighted(item: SourceSpans, *, title: bool = False) -> Text:
    """The source text (or its title) with authorial spans in bold red and attributed ones in italic
    yellow."""
    from rich.text import Text

    text = Text(item.title if title else item.text)
    for span in item.title_spans if title else item.spans:
        text.stylize(AUTHORIAL_STYLE if span.voice == "authorial" else ATTRIBUTED_STYLE, span.start, span.end)
    return text


def print_language(items: Sequence[SourceSpans], console: Console | None = None) -> None:
    """Each source: a heading with its figures, the highlighted text, then a table of its spans."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    out = console or Console()
    ranked = sorted(items, key=lambda i: (-i.figures.loadedness, i.outlet))
    for item in ranked:
        f = item.figures
        out.rule(f"{item.outlet} ({item.origin or item.source})")
        out.print(
            f"loadedness {f.loadedness:.2f} ({f.per_100_words:.1f} authorial loaded spans per 100 words), "
            f"biased sentences (own voice) {f.biased_share:.0%}"
            + (f", top terms: {', '.join(f.top_terms)}" if f.top_terms else "")
        )
        if item.title_spans:
            out.print(Text("title: ", style="bold").append_text(highlighted(item, title=True)))
        out.print(highlighted(item))
        if not item.spans and not item.title_spans:
            out.print("no loaded language found")
            continue
        table = Table("text", "voice", "category", "score", "neutral alternative")
        quoted = item.quoted or ("",) * len(item.spans)
        title_quoted = [w.label for w in item.title_quoted_by] or [""] * len(item.title_spans)
        rows = [(s, who, "title: ") for s, who in zip(item.title_spans, title_quoted, strict=True)]
        rows += [(s, who, "") for s, who in zip(item.spans, quoted, strict=True)]
        for s, who, where in rows:
            style = AUTHORIAL_STYLE if s.voice == "authorial" else ATTRIBUTED_STYLE
            voice = f"{s.voice} ({who})" if who else s.voice
            table.add_row(where + s.text, voice, s.category, f"{s.score:.2f}", s.neutral or "", style=style)
        out.print(table)
    out.print(
        f"[{AUTHORIAL_STYLE}]authorial[/] = the outlet's own words; "
        f"[{ATTRIBUTED_STYLE}]attributed[/] = quoted or attributed to a source"
    )
