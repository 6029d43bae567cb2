"""Neutral cited summary of a story."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsprism.model import Story, Summary
from newsprism.settings import SummarySettings

if TYPE_CHECKING:
    from newsprism.pipeline import Findings


class Summariser:
    """Placeholder until the summary issue lands: writes no summary."""

    def __init__(self, settings: SummarySettings | None = None) -> None:
        self.settings = settings or SummarySettings()

    def __call__(self, story: Story, findings: Findings) -> Summary:
        return Summary()
