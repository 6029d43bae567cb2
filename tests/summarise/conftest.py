"""A fictional ferry fire told by a wire agency, a tabloid reprint, a plain reprint, a partisan outlet
and a local paper; loaded once per session through the real pipeline."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from newsprism.model import Article

if TYPE_CHECKING:
    from newsprism.model import StoryReport
    from newsprism.pipeline import Pipeline

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "summarise"
ORDER = ("wire", "tabloid", "reprint", "partisan", "local")


def read_article(name: str) -> Article:
    """A fixture file: ``Key: value`` header lines, a blank line, then the text."""
    head, _, body = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8").partition("\n\n")
    meta = dict(line.split(": ", 1) for line in head.splitlines())
    return Article(id=name, text=body.strip(), title=meta["Title"], outlet=meta["Outlet"], published=meta["Date"])


@pytest.fixture(scope="session")
def ferry_articles() -> list[Article]:
    return [read_article(n) for n in ORDER]


@pytest.fixture(scope="session")
def ferry_report(pipeline: Pipeline, ferry_articles: list[Article]) -> StoryReport:
    return pipeline.analyse(ferry_articles)
