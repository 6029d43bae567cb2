"""News-specific repairs of spaCy's sentence splits.

The small English parser splits well on plain prose but news copy has habits it trips on: datelines
("KYIV (Wire) - ..."), multi-sentence quotes closed by an attribution ("..., he said"), titles and
initials ("Gen.", "Ana K. Moreno") and stray closing quotes. Each rule below fixes one of those; the
paragraph rule (a sentence never crosses a blank line) wins over all of them.
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from newsprism.segment._chunks import paragraph_breaks, paragraph_starts

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Abbreviations that (almost) never end a sentence in news copy: titles, months, "No.". Words such as
#: "Inc.", "Jr." or "U.S." often do end one, so they are left to the parser.
_TITLE_WORDS = """Mr Mrs Ms Mx Dr Prof Gen Lt Col Maj Capt Cmdr Sgt Cpl Pvt Adm Brig Gov Sen Rep Reps Sens
    Pres Amb Atty Supt Insp Det Rev Fr Msgr Hon St Mt Ft No Nos Art Jan Feb Mar Apr Jun Jul Aug Sep Sept
    Oct Nov Dec vs v e.g i.e approx est cf al"""
TITLES = frozenset(word + "." for word in _TITLE_WORDS.split())
OPENING = frozenset("\"“‘'([{«")
CLOSING = frozenset("\"”’')]}»")
#: Punctuation that cannot end a sentence, so a split right after it is a mistake.
CONTINUING = frozenset({",", ";", ":", "-", "–", "—", "--", "(", "/"})
#: A dateline on its own: "KYIV (Wire) -", "LONDON, March 3 (Newswire) —", "WASHINGTON —".
DATELINE = re.compile(
    r"^[A-Z][A-Z.'\- ]{1,40}(?:,\s*[A-Z][A-Za-z.]*(?:\s+\d{1,2})?){0,2}"
    r"\s*(?:\([^()\n]{1,40}\))?\s*[-–—]{1,2}$"
)
INITIAL = re.compile(r"^[A-Z]\.$")


def sentence_starts(doc: Doc) -> list[int]:
    """Token indexes where sentences start; the first is always 0 (leading whitespace goes with it)."""
    words = [int(t.i) for t in doc if not t.is_space]
    if not words:
        return []
    paragraphs = set(paragraph_starts(doc))
    raw = {int(s.start) for s in doc.sents} | paragraphs
    candidates = sorted({_next_word(doc, i) for i in raw} - {len(doc)})
    kept = [candidates[0]]
    for start in candidates[1:]:
        if start in paragraphs:
            kept.append(start)
            continue
        start = _skip_closers(doc, start)
        if start >= len(doc) or start <= kept[-1]:
            continue
        if not _mistaken_split(doc, kept[-1], start):
            kept.append(start)
    kept = _keep_attributed_quotes_whole(doc, kept, paragraphs)
    kept[0] = 0
    return kept


def _next_word(doc: Doc, i: int) -> int:
    while i < len(doc) and doc[i].is_space:
        i += 1
    return i


def _skip_closers(doc: Doc, i: int) -> int:
    """A sentence cannot open with a closing quote or comma: those tokens belong to the one before."""
    while i < len(doc) and (doc[i].is_space or _is_closer(doc, i)):
        i += 1
    return i


def _is_closer(doc: Doc, i: int) -> bool:
    tok = doc[i]
    text = tok.text
    if text in CONTINUING - {"(", "-", "–", "—", "--"} or text in {".", "!", "?", "..."}:
        return True
    if text in {'"', "'"}:
        # A straight quote followed by a space (or the end) closes; one glued to the next word opens.
        return bool(tok.whitespace_) or i + 1 >= len(doc) or doc[i + 1].is_space or doc[i + 1].is_punct
    return text in CLOSING and text not in OPENING


def _last_word(doc: Doc, start: int, end: int) -> Token | None:
    for i in range(end - 1, start - 1, -1):
        if not doc[i].is_space:
            return doc[i]
    return None


def _mistaken_split(doc: Doc, prev_start: int, start: int) -> bool:
    """True when the split before token ``start`` should not be there."""
    last = _last_word(doc, prev_start, start)
    if last is None:
        return True
    first = doc[start]
    if last.text in CONTINUING:
        return True
    if last.text in TITLES or (INITIAL.match(last.text) and _is_name_part(doc, last.i - 1)):
        return True
    if _starts_lowercase(first):
        return True
    prev_text = doc.text[doc[prev_start].idx : last.idx + len(last.text)]
    return bool(DATELINE.match(prev_text))


def _is_name_part(doc: Doc, i: int) -> bool:
    return i >= 0 and doc[i].text[:1].isupper() and doc[i].is_alpha


def _starts_lowercase(tok: Token) -> bool:
    """A plain lower-case word ("he", "said", "on") continues a sentence; "iPhone" or "eBay" need not."""
    text = tok.text
    return text.isalpha() and text.islower()


def _keep_attributed_quotes_whole(doc: Doc, kept: list[int], paragraphs: set[int]) -> list[int]:
    """Drop splits inside a quotation that the same sentence goes on to attribute ("…," he said)."""
    text = doc.text
    inside: list[tuple[int, int]] = []
    bounds = [0, *(end for _s, end in paragraph_breaks(text)), len(text)]
    for lo, hi in itertools.pairwise(bounds):
        for q_start, q_end in _quotations(text, lo, hi):
            if _continues(text, q_end, hi):
                inside.append((q_start, q_end))
    if not inside:
        return kept
    out = [kept[0]]
    for start in kept[1:]:
        at = int(doc[start].idx)
        if start in paragraphs or not any(q_start < at <= q_end for q_start, q_end in inside):
            out.append(start)
    return out


def _quotations(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """(open, close) character positions of double-quoted passages in ``text[lo:hi]``."""
    out: list[tuple[int, int]] = []
    opened: int | None = None
    for k in range(lo, hi):
        ch = text[k]
        if ch == "“" or (ch == '"' and opened is None):
            opened = k
        elif (ch == "”" or ch == '"') and opened is not None:
            out.append((opened, k))
            opened = None
    return out


def _continues(text: str, close: int, hi: int) -> bool:
    """Whether the sentence goes on after the closing quote at ``close``: "…," he said / "…" said Ms. X."""
    before = text[close - 1] if close > 0 else ""
    after = text[close + 1 : hi].lstrip()
    if before == ",":
        return True
    word = re.match(r"[A-Za-z]+", after)
    return bool(word and word.group(0).islower())
