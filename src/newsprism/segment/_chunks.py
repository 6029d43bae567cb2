"""Paragraph breaks and the cutting of long texts into parse-sized pieces at paragraph boundaries."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: A blank line (the normaliser writes "\n\n"; tolerate stray spaces or tabs on the blank line).
PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n\s*")


@dataclass(frozen=True, slots=True)
class Chunk:
    """A piece of an article's text and where it starts in the article."""

    offset: int
    text: str


def paragraph_breaks(text: str) -> list[tuple[int, int]]:
    """Character spans of the separators between paragraphs."""
    return [m.span() for m in PARAGRAPH_BREAK.finditer(text)]


def chunks(text: str, limit: int) -> list[Chunk]:
    """Cut ``text`` into pieces of at most ``limit`` characters, preferring paragraph, then line, then
    sentence-like, then word boundaries; every text (even an empty one) gives at least one chunk."""
    out: list[Chunk] = []
    at = 0
    while len(text) - at > limit:
        cut = _cut(text, at, at + limit)
        out.append(Chunk(at, text[at:cut]))
        at = cut
    out.append(Chunk(at, text[at:]))
    return out


def _cut(text: str, lo: int, hi: int) -> int:
    window = text[lo:hi]
    floor = len(window) // 2  # never cut so early that chunks become tiny
    for pattern in (r"\n[ \t]*\n", r"\n", r"[.!?][\"”’)]?\s", r"\s"):
        found = [m.end() for m in re.finditer(pattern, window) if m.end() > floor]
        if found:
            return lo + found[-1]
    return hi


def paragraph_starts(doc: Doc) -> list[int]:
    """Token indexes that open a paragraph: the first word after a blank line."""
    at_char = {int(tok.idx): int(tok.i) for tok in doc}
    return [at_char[end] for _start, end in paragraph_breaks(doc.text) if end in at_char and at_char[end] > 0]
