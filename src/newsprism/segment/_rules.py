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
    Pres Amb Atty Dep Sec Secy Asst Supt Insp Det Rev Fr Msgr Hon St Mt Ft No Nos Art
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec vs v e.g i.e approx est cf al"""
TITLES = frozenset(word + "." for word in _TITLE_WORDS.split())
OPENING = frozenset("\"“‘'([{«")
CLOSING = frozenset("\"”’')]}»")
#: Punctuation that cannot end a sentence, so a split right after it is a mistake.
CONTINUING = frozenset({",", ";", ":", "-", "–", "—", "--", "(", "/"})
#: A dateline on its own: "KYIV (Wire) -", "LONDON, March 3 (Newswire) —", "WASHINGTON —".
#: Capital letters a dateline's place may be written in ("GRIMSØY", "ÅLESUND"); the summary and the aligner
#: read datelines with it too.
CAPITALS = "A-ZÀ-ÖØ-Þ"
DATELINE = re.compile(
    rf"^[{CAPITALS}][{CAPITALS}.'\- ]{{1,40}}(?:,\s*[A-Z][A-Za-z.]*(?:\s+\d{{1,2}})?){{0,2}}"
    r"\s*(?:\([^()\n]{1,40}\))?\s*[-–—―]{1,2}$"
)
#: A dateline opening a line: "LONDON (Wire) — Heavy rain ..." right under an unpunctuated headline.
DATELINE_START = re.compile(DATELINE.pattern.removeprefix("^").removesuffix("$") + r"\s")
INITIAL = re.compile(r"^[A-Z]\.$")
DASHES = frozenset({"-", "--", "–", "—", "―", "−"})
BULLETS = frozenset({"-", "–", "—", "*", "•", "·", "▪", "►"})
TERMINAL = frozenset({".", "!", "?", "...", "…", "?!", "!?", "!!", "??"})
#: Verbs of saying that attribute a quotation ("…?" Holder recalled).
_SPEECH_WORDS = """say tell ask add recall reply respond answer note write tweet post continue explain insist
    argue claim declare warn shout yell announce state conclude counter quip joke muse testify"""
SPEECH_VERBS = frozenset(_SPEECH_WORDS.split())


def sentence_starts(doc: Doc) -> list[int]:
    """Token indexes where sentences start; the first is always 0 (leading whitespace goes with it)."""
    words = [int(t.i) for t in doc if not t.is_space]
    if not words:
        return []
    paragraphs = set(paragraph_starts(doc))
    text = doc.text  # Doc.text joins every token on each access: read it once per document
    raw = {int(s.start) for s in doc.sents} | paragraphs | set(_new_lines(doc, text))
    candidates = sorted({_next_word(doc, i) for i in raw} - {len(doc)})
    kept = [candidates[0]]
    for k, start in enumerate(candidates[1:], start=1):
        if start in paragraphs:
            if start > kept[-1]:
                kept.append(start)
            continue
        start = _skip_closers(doc, start)
        if start >= len(doc) or start <= kept[-1]:
            continue
        end = candidates[k + 1] if k + 1 < len(candidates) else len(doc)
        if not _mistaken_split(doc, text, kept[-1], start, max(end, start + 1)):
            kept.append(start)
    kept = _keep_attributed_quotes_whole(doc, kept, paragraphs)
    kept[0] = 0
    return kept


def _new_lines(doc: Doc, text: str) -> list[int]:
    """Lines that open a sentence even when the line above has no full stop: list items ("- item",
    "• item") and datelines under a headline."""
    out = []
    for t in doc:
        if t.i == 0 or "\n" not in doc[t.i - 1].text + doc[t.i - 1].whitespace_:
            continue
        if t.text in BULLETS or DATELINE_START.match(text, t.idx):
            out.append(int(t.i))
    return out


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
        if tok.whitespace_ or i + 1 >= len(doc) or doc[i + 1].is_space:
            return True
        return doc[i + 1].text in CLOSING or doc[i + 1].text in {".", ",", ";", ":", "!", "?"}
    return text in CLOSING and text not in OPENING


def _last_word(doc: Doc, start: int, end: int) -> Token | None:
    for i in range(end - 1, start - 1, -1):
        if not doc[i].is_space:
            return doc[i]
    return None


def _mistaken_split(doc: Doc, text: str, prev_start: int, start: int, end: int) -> bool:
    """True when the split before token ``start`` (next sentence ``[start, end)``) should not be there;
    ``text`` is ``doc.text``."""
    last = _last_word(doc, prev_start, start)
    if last is None:
        return True
    first = doc[start]
    gap = text[last.idx + len(last.text) : first.idx]
    if "\n" in gap and first.text in BULLETS:
        return False
    if last.text in CONTINUING or first.text in DASHES:
        return True
    if _abbreviation(doc, last) in TITLES or (INITIAL.match(last.text) and _is_name_part(doc, last.i - 1)):
        return True
    if _starts_lowercase(first):
        return True
    prev_text = text[doc[prev_start].idx : last.idx + len(last.text)]
    if DATELINE.match(prev_text):
        return True
    if "\n" in gap:
        return False  # a line break after an unpunctuated line is a headline or a list item
    tail = [t for t in doc[start:end] if not t.is_space]
    if len(tail) <= 2 and not _ends_sentence(doc, tail[-1]):
        return True  # a stray fragment such as "ET" after "10:32 a.m." is no sentence
    if not _ends_sentence(doc, last):
        return True
    return _is_attribution_tail(doc, last, start, end)


def _abbreviation(doc: Doc, last: Token) -> str:
    """The word a full stop belongs to: spaCy keeps "Gen." whole but splits rarer ones ("Dep", ".")."""
    if last.text == "." and last.i > 0 and not doc[last.i - 1].whitespace_:
        return str(doc[last.i - 1].text) + "."
    return str(last.text)


def _ends_sentence(doc: Doc, last: Token) -> bool:
    """Whether a sentence may end at ``last``: terminal punctuation, possibly inside quotes or brackets."""
    i = int(last.i)
    while i > 0 and doc[i].text in CLOSING:
        i -= 1
    text = doc[i].text
    return text in TERMINAL or text.endswith(".") or text[-1:] in TERMINAL


def _is_attribution_tail(doc: Doc, last: Token, start: int, end: int) -> bool:
    """A quote closed by "?" or "!" and then "Holder recalled." is one sentence, not two; so is a
    quote closed by "." and then a bare "Trump said." line."""
    if last.text not in CLOSING or last.i == 0:
        return False
    mark = doc[last.i - 1].text
    words = [t for t in doc[start:end] if not t.is_punct and not t.is_space]
    for n, tok in enumerate(words[:5]):
        if tok.lemma_.lower() in SPEECH_VERBS and tok.pos_ in {"VERB", "AUX"}:
            head_words = words[:n]
            if not head_words or any(t.pos_ in {"VERB", "AUX"} for t in head_words):
                return False
            if any(t.lower_ in {"no", "nobody", "none", "neither", "nothing"} for t in head_words):
                return False
            return mark in {"?", "!"} or len(words) <= n + 3
    return False


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
