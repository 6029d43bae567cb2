"""The Markdown report: claims with each outlet's sentence, citations, escaped article text."""

from __future__ import annotations

import dataclasses

from newsprism.model import SourceReport, StoryReport
from newsprism.report import to_markdown
from newsprism.report.markdown import md


def test_sections_claims_and_citations(sample_report: StoryReport) -> None:
    out = to_markdown(sample_report)
    assert out.startswith("# Caldoria and Vestmark sign the Harbour Accord\n")
    order = ["## Summary", "## Sources", "## Claims", "## Quotes", "## Loaded language", "## Reused text",
             "## Contradictions", "## Skipped inputs"]  # fmt: skip
    positions = [out.index(h) for h in order]
    assert positions == sorted(positions)
    assert (
        "Kirilov said the accord ends a decade of mistrust. "
        "[Meridian Wire, The Daily Bulwark, Northern Ledger; c3]" in out
    )
    assert "### Reported by all sources (2)" in out and "### Contested: sources disagree (1)" in out
    assert "- **c6** (1 of 3 sources)\n  - _The Daily Bulwark_: Opposition leader Marta Vell" in out
    assert (
        "| s2 | The Daily Bulwark | Tyrant's harbour stunt fools no one | 102 | 61% "
        "| Meridian Wire | 34% | - |" in out
    )
    assert "| Anton Kirilov | 1 (said) | 1 (told) | 1 (said) |" in out
    assert "| The Daily Bulwark | sham | attributed | dismissive | 0.80 | flawed |" in out
    assert "**60** in: The agreement opens three ports" in out
    assert "- `feeds/broken.html`: no article text found" in out


def test_table_cells_and_markup_are_escaped(sample_report: StoryReport) -> None:
    src = dataclasses.replace(
        sample_report.sources[0],
        outlet="A|B",
        title="Click [here](javascript:x) <script>",
        warnings=("a\nb",),
    )
    out = to_markdown(dataclasses.replace(sample_report, sources=(src, *sample_report.sources[1:])))
    row = next(line for line in out.splitlines() if line.startswith("| s1 "))
    assert row.count(" | ") == 7  # the outlet's pipe did not add a column
    assert "A\\|B" in row and "\\[here\\]" in row and "\\<script\\>" in row and "a b" in row
    assert md("*x* _y_ `z` # \\") == "\\*x\\* \\_y\\_ \\`z\\` \\# \\\\"


def test_empty_report_is_fine() -> None:
    out = to_markdown(StoryReport(sources=(SourceReport("s1", "", "", None, None, "en", 0, ""),)))
    assert "No summary." in out and "No claims found." in out
    assert "## Quotes" not in out and "## Contradictions" not in out


def test_each_quote_in_a_shared_group_shows_its_own_link_to_the_quotes_above_it(
    sample_report: StoryReport,
) -> None:
    q1, q2, q3, *rest = sample_report.quotes
    links = {
        "q1": (("q2", "same-words"), ("q3", "other-speaker")),
        "q2": (("q1", "same-words"), ("q3", "other-speaker")),
        "q3": (("q1", "other-speaker"), ("q2", "other-speaker")),
    }
    quotes = [
        dataclasses.replace(
            q, links=links[q.id], shared_with=tuple(i for i, _ in links[q.id]), match="other-speaker"
        )
        for q in (q1, q2, q3)
    ]
    out = to_markdown(dataclasses.replace(sample_report, quotes=(*quotes, *rest)))
    quoted = out[out.index("### Quotes by source") :]
    lines = [line for line in quoted.splitlines() if "decade of mistrust" in line and line.startswith("  - ")]
    assert [line.split(") (")[1].split(")")[0] for line in lines] == ["same-words", "other-speaker"]


def test_a_sources_author_follows_its_title(sample_report: StoryReport) -> None:
    src = dataclasses.replace(sample_report.sources[0], author="Mara *Quill*")
    out = to_markdown(dataclasses.replace(sample_report, sources=(src, *sample_report.sources[1:])))
    row = next(line for line in out.splitlines() if line.startswith("| s1 "))
    assert f"| {md(src.title)} (by Mara \\*Quill\\*) |" in row and row.count(" | ") == 7
    other = next(line for line in out.splitlines() if line.startswith("| s2 "))
    assert "(by " not in other


def test_loaded_title_words_get_one_line_per_source(
    sample_report: StoryReport, tabloid_report: StoryReport
) -> None:
    assert "Loaded words in titles" not in to_markdown(sample_report)
    out = to_markdown(tabloid_report)
    assert "| CROOKED KIRILOV CAGED <b>" not in out and md(tabloid_report.sources[1].title) in out
    lines = [line for line in out.splitlines() if line.startswith("- _") and "CROOKED" in line]
    assert lines == [
        "- _The Daily Bulwark_: **CROOKED** (authorial, loaded adjective, 0.80, neutral: accused); "
        "**CAGED** (authorial, loaded verb, 0.90, neutral: jailed); **sham** (attributed, insult, 0.70)"
    ]
    sources = out[out.index("## Sources") : out.index("## Claims")]
    assert "Loaded words in titles (not counted in loadedness):" in sources and lines[0] in sources
