"""Reuse lens: copied wire text and the independent origins of each claim."""

from __future__ import annotations

from newsprism.model import ReuseFindings, Story


class ReuseLens:
    """Placeholder until the reuse issue lands: finds nothing."""

    def __call__(self, story: Story) -> ReuseFindings:
        return ReuseFindings()
