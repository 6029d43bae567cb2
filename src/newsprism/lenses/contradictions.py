"""Contradictions lens: where outlets disagree on numbers, dates, names and polarity."""

from __future__ import annotations

from newsprism.model import Contradiction, Story


class ContradictionLens:
    """Placeholder until the contradictions issue lands: finds nothing."""

    def __call__(self, story: Story) -> tuple[Contradiction, ...]:
        return ()
