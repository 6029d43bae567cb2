"""A fictional ferry fire told by a wire agency, a tabloid reprint, a plain reprint, a partisan outlet
and a local paper; analysed once per session through the real pipeline, with and without the lenses."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from newsprism.model import Article, LanguageFindings, QuoteFindings, ReuseFindings

if TYPE_CHECKING:
    from newsprism.embed import Embedder
    from newsprism.model import StoryReport
    from newsprism.pipeline import Pipeline
    from newsprism.segment import Segmenter

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "summarise"
ORDER = ("wire", "tabloid", "reprint", "partisan", "local")


def read_article(name: str) -> Article:
    """A fixture file: ``Key: value`` header lines, a blank line, then the text."""
    head, _, body = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8").partition("\n\n")
    meta = dict(line.split(": ", 1) for line in head.splitlines())
    return Article(
        id=name, text=body.strip(), title=meta["Title"], outlet=meta["Outlet"], published=meta["Date"]
    )


@pytest.fixture(scope="session")
def ferry_articles() -> list[Article]:
    return [read_article(n) for n in ORDER]


@pytest.fixture(scope="session", params=["lenses", "no-lenses"])
def ferry_pipeline(request: pytest.FixtureRequest, segmenter: Segmenter, embedder: Embedder) -> Pipeline:
    """The shipped lenses, and null lenses: the summary must work without them."""
    from newsprism.pipeline import Pipeline

    if request.param == "lenses":
        return Pipeline(segmenter=segmenter, embedder=embedder)
    return Pipeline(
        segmenter=segmenter,
        embedder=embedder,
        quotes=lambda story: QuoteFindings(),
        language=lambda story, quotes: LanguageFindings(),
        reuse=lambda story: ReuseFindings(),
        contradictions=lambda story: (),
    )


@pytest.fixture(scope="session")
def ferry_report(ferry_pipeline: Pipeline, ferry_articles: list[Article]) -> StoryReport:
    from summary_builders import analyse

    return analyse(ferry_pipeline, ferry_articles)
