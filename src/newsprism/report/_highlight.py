"""Offset-based highlighting that can never break out of the markup.

Article text is untrusted, so highlighted HTML is built here from (start, end) segments and every text
piece goes through ``markupsafe.escape``; only our own tags are emitted unescaped. Overlapping and nested
spans are handled by closing and reopening tags at each boundary, so the output is always well formed.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

_WORD = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlight: ``text[start:end]`` wrapped in ``<tag class=cls ...>``."""

    start: int
    end: int
    cls: str
    tag: str = "mark"
    title: str | None = None
    anchor: str | None = None  # id attribute, emitted once even if the mark is split
    describedby: str | None = None  # id of an element that describes it to screen readers (each piece)


def _open(m: Mark, first: bool) -> str:
    attrs = f' class="{escape(m.cls)}"'
    if m.title:
        attrs += f' title="{escape(m.title)}" data-tip="{escape(m.title)}"'
    if m.describedby:
        attrs += f' aria-describedby="{escape(m.describedby)}"'
    if m.anchor and first:
        attrs += f' id="{escape(m.anchor)}"'
    return f"<{m.tag}{attrs}>"


def highlight(text: str, marks: Iterable[Mark], start: int = 0, end: int | None = None) -> Markup:
    """``text[start:end]`` escaped, with ``marks`` (clipped to the window) wrapped around their spans."""
    end = len(text) if end is None else min(end, len(text))
    start = max(0, min(start, end))
    live = [m for m in marks if m.start < end and m.end > start and m.start < m.end]
    # Outer marks first: earlier start, then longer span; the order of the input breaks ties.
    live = sorted(live, key=lambda m: (m.start, -m.end))
    bounds = sorted({start, end} | {max(start, m.start) for m in live} | {min(end, m.end) for m in live})
    out: list[str] = []
    stack: list[Mark] = []
    opened: set[int] = set()
    active: list[Mark] = []
    nxt = 0
    for lo, hi in itertools.pairwise(bounds):
        # Sweep: every start and end is a boundary, so the marks covering [lo, hi) are exactly those begun
        # at or before lo and not yet ended; appending in sorted order keeps outer marks first.
        active = [m for m in active if m.end > lo]
        while nxt < len(live) and max(start, live[nxt].start) <= lo:
            active.append(live[nxt])
            nxt += 1
        want = active
        keep = 0
        while keep < len(stack) and keep < len(want) and stack[keep] is want[keep]:
            keep += 1
        for m in reversed(stack[keep:]):
            out.append(f"</{m.tag}>")
        for m in want[keep:]:
            out.append(_open(m, id(m) not in opened))
            opened.add(id(m))
        stack = want
        out.append(str(escape(text[lo:hi])))
    for m in reversed(stack):
        out.append(f"</{m.tag}>")
    return Markup("".join(out))


def window(
    text: str, start: int, end: int, *, context: int = 320, paragraph: bool = False
) -> tuple[int, int]:
    """About ``context`` characters each side of ``[start, end)``.

    Whole paragraphs when they fit, else cut at a space; with ``paragraph`` it stays in the span's paragraph.
    """
    n = len(text)
    start, end = max(0, min(start, n)), max(0, min(end, n))
    lo_cand, hi_cand = max(0, start - context), min(n, end + context)
    if paragraph:
        lo_cand = max(lo_cand, text.rfind("\n", 0, start) + 1)
        nl = text.find("\n", end)
        hi_cand = min(hi_cand, n if nl < 0 else nl)
    lo = lo_cand
    if lo_cand > 0 and text[lo_cand - 1] != "\n":
        nl = text.find("\n", lo_cand, start)
        sp = text.find(" ", lo_cand, start)
        lo = nl + 1 if nl >= 0 else sp + 1 if sp >= 0 else lo_cand
    hi = hi_cand
    if hi_cand < n and text[hi_cand] != "\n":
        nl = text.rfind("\n", end, hi_cand)
        sp = text.rfind(" ", end, hi_cand)
        hi = nl if nl >= 0 else sp if sp >= 0 else hi_cand
    while lo < start and text[lo].isspace():
        lo += 1
    while hi > end and text[hi - 1].isspace():
        hi -= 1
    return lo, hi


def excerpt(
    text: str, start: int, end: int, marks: Sequence[Mark], *, context: int = 320, paragraph: bool = False
) -> Markup:
    """The highlighted window around a span, with ellipses where the text was cut mid-paragraph."""
    lo, hi = window(text, start, end, context=context, paragraph=paragraph)
    body = highlight(text, marks, lo, hi)
    before = Markup("… ") if lo > 0 and not text[:lo].endswith("\n") else Markup("")
    after = Markup(" …") if hi < len(text) and not text[hi:].lstrip(" \t").startswith("\n") else Markup("")
    return before + body + after


def word_diff(
    a: str, b: str, *, max_words: int = 2500
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Character spans of the words that differ: (removed from ``a``, added in ``b``)."""
    wa, wb = list(_WORD.finditer(a)), list(_WORD.finditer(b))
    if len(wa) > max_words or len(wb) > max_words:
        return [], []
    sm = difflib.SequenceMatcher(None, [m.group() for m in wa], [m.group() for m in wb], autojunk=False)
    removed: list[tuple[int, int]] = []
    added: list[tuple[int, int]] = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            continue
        if i2 > i1:
            removed.append((wa[i1].start(), wa[i2 - 1].end()))
        if j2 > j1:
            added.append((wb[j1].start(), wb[j2 - 1].end()))
    return removed, added
