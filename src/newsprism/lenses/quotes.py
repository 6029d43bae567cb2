"""Quotes lens: who is quoted, by which outlet, with which cue, and which quotes outlets share."""

from __future__ import annotations

from newsprism.model import QuoteFindings, Story


class QuoteLens:
    """Placeholder until the quotes issue lands: finds nothing."""

    def __call__(self, story: Story) -> QuoteFindings:
        return QuoteFindings()
