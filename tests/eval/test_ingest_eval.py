"""Quality gate for ingest: real English news must pass the English check and come out non-empty.

The full benchmark (all corpora, with the baseline) is benchmarks/ingest_english.py; this gate reads the
PolNeAR dev articles and the PTC articles from disk through ``read_articles`` and checks the share that
comes out as English articles.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsprism.ingest import read_articles
from newsprism.settings import Settings


def test_english_news_is_accepted(shared_data: Path, floors: dict[str, Any]) -> None:
    files = sorted((shared_data / "polnear" / "dev" / "text").glob("*.txt"))
    files += sorted((shared_data / "ptc" / "train-articles").glob("*.txt"))[:150]
    if not files:
        pytest.skip(f"PolNeAR dev / PTC articles not found under {shared_data}")
    articles, skipped = read_articles([str(f) for f in files], Settings())
    not_english = [s for s in skipped if s.reason.startswith("not English")]
    judged = len(articles) + len(not_english)
    accept_rate = len(articles) / judged
    assert judged >= 0.95 * len(files), f"too many files skipped before the language check: {skipped[:3]}"
    assert accept_rate >= floors["ingest"]["english_accept_rate"], not_english[:3]
    assert all(a.language == "en" and a.words >= 5 for a in articles)
