"""Shared fixtures: the real models load once per test session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

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


@pytest.fixture(scope="session")
def browser_type_launch_args(
    browser_type_launch_args: dict[str, Any], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Any]:
    """Debian's chromium for every browser test (browsers cannot be downloaded here), its config and
    cache in a temp folder."""
    import os

    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        pytest.skip("Debian chromium is missing at /usr/bin/chromium; run .ci/install-browser")
    home = tmp_path_factory.mktemp("chromium-home")
    env = {**os.environ, "XDG_CONFIG_HOME": str(home / "config"), "XDG_CACHE_HOME": str(home / "cache")}
    return {
        **browser_type_launch_args,
        "executable_path": str(chromium),
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
        ],
        "env": env,
        "timeout": 60_000,
    }
