"""What ``newsprism language FILE...`` needs: per-source spans of whole files, and a terminal rendering.

The CLI groups a story's findings with :func:`spans_by_source` and prints them with :func:`print_language`;
:func:`language_of_files` does the same from paths for library use; the per-line mode is
:func:`newsprism.lenses.language.score_lines`. Given the quotes lens's findings, each attributed span names
who is quoted (speaker and quote id); given the lens, each title is analysed too (its spans point into the
title, which is not part of the source's normalised text, see :meth:`LanguageLens.title_spans`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsprism.model import LanguageFindings, LanguageSpan, QuoteFindings, Skipped, SourceLanguage, Story

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from newsprism.lenses.language import LanguageLens
    from newsprism.pipeline import Pipeline

AUTHORIAL_STYLE = "bold red"
ATTRIBUTED_STYLE = "italic yellow"


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
    from newsprism.lenses.language import quote_of_span

    names = {p.id: p.name for p in quotes.speakers} if quotes is not None else {}

    def who(span: LanguageSpan) -> str:
        q = quote_of_span(span, quotes) if quotes is not None else None
        if q is None:
            return ""
        return f"{names[q.speaker]}, {q.id}" if q.speaker in names else q.id

    out = []
    for src in story.sources:
        spans = tuple(s for s in findings.spans if s.source == src.id)
        out.append(
            SourceSpans(
                source=src.id,
                outlet=src.outlet,
                origin=src.article.origin,
                text=src.text,
                spans=spans,
                figures=findings.per_source.get(src.id, SourceLanguage()),
                quoted=tuple(who(s) for s in spans),
                title=src.article.title,
                title_spans=tuple(lens.title_spans(src, quote_lens)) if lens is not None else (),
            )
        )
    return out


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
        rows = [(s, "", "title: ") for s in item.title_spans]
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
