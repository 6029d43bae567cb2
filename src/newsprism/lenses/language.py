"""Language lens: each outlet's own loaded language, kept apart from loaded words it quotes."""

from __future__ import annotations

from newsprism.model import LanguageFindings, QuoteFindings, Story


class LanguageLens:
    """Placeholder until the language issue lands: finds nothing."""

    def __call__(self, story: Story, quotes: QuoteFindings) -> LanguageFindings:
        return LanguageFindings()
