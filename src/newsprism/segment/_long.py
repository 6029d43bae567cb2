"""A ceiling on sentence length, for run-on text that has no sentence punctuation.

Text pasted without full stops (a transcript, a scraped caption dump, one 400,000-character line) would
otherwise be one "sentence" per parse chunk: useless as a claim, and the per-sentence work downstream
grows with the square of a sentence's length. Real news sentences stay far below the ceiling (the
longest in BASIL's 216 articles is 647 characters), so normal articles are never touched.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Longest sentence, in characters, before it is cut into pieces.
MAX_SENTENCE_CHARS = 2_000
#: Where a text-only check sees a sentence end: terminal punctuation (closing quotes allowed) then
#: whitespace, or a line break.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s|\n")
#: Tokens after which a cut reads least badly when there is no sentence end.
_SOFT_BREAKS = frozenset({",", ";", ":", "—", "–", "-", "--", ")"})
#: Every warning about split run-on text starts so, so the segmenter does not repeat the reader's.
NOTE_PREFIX = "no sentence end in"


def long_run(text: str, limit: int = MAX_SENTENCE_CHARS) -> int:
    """Length of the longest stretch of ``text`` without a sentence end, when above ``limit``; else 0."""
    longest, at = 0, 0
    for m in _SENTENCE_END.finditer(text):
        longest = max(longest, m.start() - at)
        at = m.end()
    longest = max(longest, len(text) - at)
    return longest if longest > limit else 0


def long_run_note(chars: int) -> str:
    return (
        f"{NOTE_PREFIX} {chars:,} characters (no . ! ? or line break): read as sentences of at most "
        f"{MAX_SENTENCE_CHARS:,} characters, so claims and quotes there are approximate"
    )


def cap_sentences(doc: Doc, starts: list[int]) -> tuple[list[int], int]:
    """``starts`` with every sentence longer than ``MAX_SENTENCE_CHARS`` cut into pieces, and the number
    of sentences cut. A cut goes where the parser saw a sentence start, else after a comma, semicolon,
    colon or dash, else before any word, in the second half of the allowed length."""
    if not starts:
        return starts, 0
    text_len = len(doc.text)
    ends = [int(doc[i].idx) for i in starts[1:]] + [text_len]
    if all(end - int(doc[s].idx) <= MAX_SENTENCE_CHARS for s, end in zip(starts, ends, strict=True)):
        return starts, 0
    parser = {int(s.start) for s in doc.sents}
    out: list[int] = []
    cut_count = 0
    for k, first in enumerate(starts):
        out.append(first)
        end_tok = starts[k + 1] if k + 1 < len(starts) else len(doc)
        at = first
        cut_here = False
        while ends[k] - int(doc[at].idx) > MAX_SENTENCE_CHARS:
            cut = _cut(doc, at, end_tok, parser)
            if cut is None:
                break
            out.append(cut)
            at = cut
            cut_here = True
        cut_count += cut_here
    return out, cut_count


def _cut(doc: Doc, at: int, end_tok: int, parser: set[int]) -> int | None:
    """The best token to start a new piece at, within ``MAX_SENTENCE_CHARS`` of token ``at``."""
    lo = int(doc[at].idx) + MAX_SENTENCE_CHARS // 2
    hi = int(doc[at].idx) + MAX_SENTENCE_CHARS
    best: dict[int, int] = {}
    i = at + 1
    while i < end_tok and int(doc[i].idx) <= hi:
        tok = doc[i]
        if not tok.is_space and int(tok.idx) >= lo:
            prev = doc[i - 1]
            rank = 0 if i in parser else 1 if prev.text in _SOFT_BREAKS else 2
            best[rank] = i  # the latest of each rank
        i += 1
    for rank in (0, 1, 2):
        if rank in best:
            return best[rank]
    # No word starts in the second half (one giant token): cut before the next word, if any.
    while i < end_tok and doc[i].is_space:
        i += 1
    return i if i < end_tok and i > at else None
