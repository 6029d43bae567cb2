"""Shared fixtures: the real models load once per test session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from newsprism.embed import Embedder
    from newsprism.pipeline import Pipeline
    from newsprism.segment import Segmenter

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def segmenter() -> Segmenter:
    from newsprism.segment import Segmenter

    return Segmenter()


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    from newsprism.embed import default_embedder
    from newsprism.settings import EmbedSettings

    return default_embedder(EmbedSettings())


@pytest.fixture(scope="session")
def pipeline(segmenter: Segmenter, embedder: Embedder) -> Iterator[Pipeline]:
    from newsprism.pipeline import Pipeline

    yield Pipeline(segmenter=segmenter, embedder=embedder)
