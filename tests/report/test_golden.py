"""Golden files: the fixture report must serialise to exactly these bytes.

A change here is a change users see (schema v1 consumers, diffs of saved reports). If it is intended,
regenerate with ``NEWSPRISM_UPDATE_GOLDEN=1 pytest tests/report/test_golden.py`` and review the diff.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from newsprism.model import StoryReport

GOLDEN = Path(__file__).with_name("golden")


@pytest.mark.parametrize(
    ("name", "render"),
    [("sample_report.json", StoryReport.to_json), ("sample_report.md", StoryReport.to_markdown)],
)
def test_matches_golden(sample_report: StoryReport, name: str, render: Callable[[StoryReport], str]) -> None:
    out = render(sample_report)
    path = GOLDEN / name
    if os.environ.get("NEWSPRISM_UPDATE_GOLDEN") == "1":
        path.write_text(out, encoding="utf-8")
    assert out == path.read_text(encoding="utf-8"), f"{name} changed; see this module's docstring"
