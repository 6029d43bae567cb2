"""Unicode, quote, dash and whitespace clean-up: the one place text changes before offsets are taken.

Every later stage points character offsets into the text this module returns, so it must run exactly
once per article and be deterministic. Outlets type the same words with different quote marks, dashes
and invisible characters; unifying them here lets matching downstream compare like with like.
"""

from __future__ import annotations

import re
import unicodedata

# Invisible characters that split words for matching but show nothing: zero-width space/joiners,
# word joiner, BOM, soft hyphen, and the bidi marks that pasted text often carries.
_INVISIBLE = dict.fromkeys(
    map(
        ord,
        "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
    ),
    None,
)

_CHAR_MAP = {
    # double quotes (curly, low, guillemets, reversed, full-width) -> "
    **dict.fromkeys(map(ord, "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u301d\u301e\uff02"), '"'),
    # single quotes and apostrophes -> '
    **dict.fromkeys(map(ord, "\u2018\u2019\u201a\u201b\u2039\u203a\u2032\u02bc\uff07"), "'"),
    # hyphen-like characters inside words and numbers -> -
    **dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2212\ufe63\uff0d"), "-"),
    # punctuation dashes -> em dash (en dash is decided by context below)
    **dict.fromkeys(map(ord, "\u2014\u2015\ufe58"), "\u2014"),
    ord("\u2026"): "...",
    # typographic ligatures (text copied from PDFs) -> letters, so words match
    ord("\ufb00"): "ff",
    ord("\ufb01"): "fi",
    ord("\ufb02"): "fl",
    ord("\ufb03"): "ffi",
    ord("\ufb04"): "ffl",
    ord("\t"): " ",
    # exotic spaces (no-break, thin, ideographic, ...) -> plain space
    **dict.fromkeys(
        map(ord, "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"), " "
    ),
    **dict.fromkeys(map(ord, "\u200a\u202f\u205f\u3000\x0b\x0c"), " "),
    ord("\u2028"): "\n",
    ord("\u2029"): "\n\n",
}

_TABLE: dict[str, str] = {chr(k): v or "" for k, v in {**_INVISIBLE, **_CHAR_MAP}.items()}
# One regex finds the few characters that change; str.translate would look up every character.
_MAPPED = re.compile("[" + re.escape("".join(_TABLE)) + "]")


def _map_char(m: re.Match[str]) -> str:
    return _TABLE[m.group()]


# An en dash between digits is a range ("2019–2020" -> "2019-2020"); anywhere else it is punctuation.
_EN_DASH_RANGE = re.compile(r"(?<=\d) *\u2013 *(?=\d)")
# Two or three hyphens between words are a typed dash.
_DOUBLE_HYPHEN = re.compile(r"(?<=\w) *-{2,3} *(?=\w)")
# A hyphen with a space on both sides is a typed dash ("the deal - signed late - holds"), except in
# arithmetic between numbers.
_SPACED_HYPHEN = re.compile(r"(?<=[^\d\s]) +- +(?=[^\d\s])")
# Lone surrogates (from JSON "\ud800" escapes or surrogateescape decoding) cannot be encoded as UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_SPACES = re.compile(r" {2,}")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def normalise_text(text: str, *, lines_are_paragraphs: bool | None = None) -> str:
    """Return the canonical form of an article body that every offset in the report points into.

    Paragraphs come out separated by exactly one blank line, each on one line. ``lines_are_paragraphs``
    says how single line breaks are read: True (HTML extraction: one line per paragraph), False (hard
    wrapped text: a line break inside a paragraph is a space) or None (decide: a text that has blank
    lines uses them as paragraph breaks, one without any has one paragraph per line).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    text = _MAPPED.sub(_map_char, _SURROGATE.sub("\ufffd", text))
    text = _CONTROL.sub("", text)
    text = _EN_DASH_RANGE.sub("-", text).replace("\u2013", "\u2014")
    if lines_are_paragraphs is None:
        lines_are_paragraphs = _BLANK_LINE.search(text.strip()) is None
    blocks = text.split("\n") if lines_are_paragraphs else _BLANK_LINE.split(text)
    paragraphs = []
    for block in blocks:
        # Dashes and spaces are settled per paragraph, after lines are joined, so a second pass over
        # the output finds nothing left to change (offsets must not move).
        # Composing again first: removing characters above can bring a letter and an accent together.
        joined = unicodedata.normalize("NFC", " ".join(line.strip() for line in block.split("\n")))
        para = _SPACES.sub(" ", _typed_dashes(joined)).strip()
        if para:
            paragraphs.append(para)
    return "\n\n".join(paragraphs)


def normalise_line(text: str) -> str:
    """Normalise a one-line field (title, outlet) the same way as body text, on a single line."""
    flat = " ".join(text.replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n").split("\n"))
    return normalise_text(flat, lines_are_paragraphs=True)


def _typed_dashes(text: str) -> str:
    """Hyphens typed as dashes -> em dash, repeated until stable so that the result is idempotent."""
    while True:
        out = _SPACED_HYPHEN.sub(" \u2014 ", _DOUBLE_HYPHEN.sub(" \u2014 ", text))
        if out == text:
            return out
        text = out
