"""What ``newsprism language FILE...`` needs: per-source spans of whole files, and a terminal rendering.

The CLI groups a story's findings with :func:`spans_by_source` and prints them with :func:`print_language`;
:func:`language_of_files` does the same from paths for library use; the per-line mode is
:func:`newsprism.lenses.language.score_lines`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsprism.model import LanguageFindings, LanguageSpan, Skipped, SourceLanguage, Story

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

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


def language_of_files(
    inputs: Sequence[str], pipeline: Pipeline | None = None, *, stdin: str | None = None
) -> tuple[list[SourceSpans], list[Skipped]]:
    """Read, segment and embed the inputs, find quotes, then loaded language: one entry per readable input.

    Claims are not aligned (the language lens does not need them), so this is cheaper than ``compare``.
    """
    from newsprism.pipeline import Pipeline

    pipe = pipeline or Pipeline()
    articles, skipped = pipe.read(inputs, stdin=stdin)
    sources = pipe.sources(articles)
    story = Story(sources=tuple(sources))
    return spans_by_source(story, pipe.language(story, pipe.quotes(story))), skipped


def spans_by_source(story: Story, findings: LanguageFindings) -> list[SourceSpans]:
    """Group a story's language findings per source, for printing."""
    return [
        SourceSpans(
            source=src.id,
            outlet=src.outlet,
            origin=src.article.origin,
            text=src.text,
            spans=tuple(s for s in findings.spans if s.source == src.id),
            figures=findings.per_source.get(src.id, SourceLanguage()),
        )
        for src in story.sources
    ]


def highlighted(item: SourceSpans) -> Text:
    """The source text with authorial spans in bold red and attributed ones in italic yellow."""
    from rich.text import Text

    text = Text(item.text)
    for span in item.spans:
        text.stylize(AUTHORIAL_STYLE if span.voice == "authorial" else ATTRIBUTED_STYLE, span.start, span.end)
    return text


def print_language(items: Sequence[SourceSpans], console: Console | None = None) -> None:
    """Each source: a heading with its figures, the highlighted text, then a table of its spans."""
    from rich.console import Console
    from rich.table import Table

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
        out.print(highlighted(item))
        if not item.spans:
            out.print("no loaded language found")
            continue
        table = Table("text", "voice", "category", "score", "neutral alternative")
        for s in item.spans:
            style = AUTHORIAL_STYLE if s.voice == "authorial" else ATTRIBUTED_STYLE
            table.add_row(s.text, s.voice, s.category, f"{s.score:.2f}", s.neutral or "", style=style)
        out.print(table)
    out.print(
        f"[{AUTHORIAL_STYLE}]authorial[/] = the outlet's own words; "
        f"[{ATTRIBUTED_STYLE}]attributed[/] = quoted or attributed to a source"
    )
