"""Turn raw article text or HTML into the one normalised text every offset in the report points into."""

from newsprism.normalise.html import (
    Extracted,
    extract_html,
    fragment_text,
    looks_like_fragment,
    looks_like_html,
    strip_heavy_markup,
)
from newsprism.normalise.language import LanguageGuess, guess_language
from newsprism.normalise.meta import normalise_date, outlet_from_url
from newsprism.normalise.text import normalise_line, normalise_text

__all__ = [
    "Extracted",
    "LanguageGuess",
    "extract_html",
    "fragment_text",
    "guess_language",
    "looks_like_fragment",
    "looks_like_html",
    "normalise_date",
    "normalise_line",
    "normalise_text",
    "outlet_from_url",
    "strip_heavy_markup",
]
