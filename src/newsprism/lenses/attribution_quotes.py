"""Quotation marks in a text, and quotes joined to the cues the detector found: a quote beside its cue
(`"A," she said, "B."`), a cue-less quote that continues the last speaker, and a statement's kind (direct,
indirect or mixed) by how much of it is quoted."""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsprism.lenses.attribution_base import Attribution
from newsprism.lenses.attribution_cues import Parse
from newsprism.model import QuoteKind, Token, sentence_of

# --------------------------------------------------------------------------- quotation marks


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted text, marks included: “curly”, "straight", ''doubled'' and ‘single’ or 'single' quotes.

    A quote left open at the end of a paragraph continues when the next paragraph opens with a quotation
    mark (the newspaper convention for multi-paragraph quotes); otherwise it is closed at the paragraph end
    so that one stray mark cannot swallow the rest of the article. Single quotes (British style; the
    normaliser makes them all straight) count only outside double ones, only where they cannot be
    apostrophes ("don't", "workers' pay", "'90s", "rock 'n' roll"), and one left open at a paragraph end
    continues only into a paragraph that opens with a single mark; otherwise it was an apostrophe and is
    dropped. A quote inside another is part of it.
    """
    spans: list[tuple[int, int]] = []
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    open_at: int | None = None
    single_at: int | None = None
    for n, (p_start, p_end) in enumerate(paragraphs):
        marks = [m for m in _MARK.finditer(text, p_start, p_end) if not _in_markup(text, m.start(), p_start)]
        lead = _role(text, marks[0]) if marks and marks[0].start() == p_start else None
        if open_at is not None and lead is not None and lead != "close":
            marks = marks[1:]  # continuation paragraph: its opening mark does not close the quote
        elif single_at is not None and lead == "open1":
            marks = marks[1:]
        else:
            single_at = None
        for m in marks:
            role = _role(text, m)
            i, j = m.start(), m.end()
            if role == "open" or (role == "toggle" and open_at is None):
                if open_at is not None and _words(text[open_at:i]) > 0:
                    spans.append((open_at, _rstrip(text, open_at, i)))
                open_at = i
            elif role in ("close", "toggle") and open_at is not None:
                spans.append((open_at, j))
                open_at = None
            elif role == "open1" and open_at is None and single_at is None:
                single_at = i
            elif role == "close1" and open_at is None and single_at is not None:
                spans.append((single_at, j))
                single_at = None
        if open_at is not None:
            nxt = paragraphs[n + 1][0] if n + 1 < len(paragraphs) else None
            reopen = _MARK.match(text, nxt) if nxt is not None else None
            if reopen is None or _role(text, reopen) == "close":
                spans.append((open_at, _rstrip(text, open_at, p_end)))
                open_at = None
        if single_at is not None:
            nxt = paragraphs[n + 1][0] if n + 1 < len(paragraphs) else None
            reopen = _MARK.match(text, nxt) if nxt is not None else None
            if reopen is None or _role(text, reopen) != "open1":
                single_at = None
    kept = sorted((s, e) for s, e in spans if _words(text[s:e]) >= 1)
    return [q for q in kept if not any(o != q and o[0] <= q[0] and q[1] <= o[1] for o in kept)]


def _in_markup(text: str, i: int, floor: int) -> bool:
    """Inside an HTML/XML tag left in the text (embedded tweets): attribute values are not quotes."""
    lt = text.rfind("<", floor, i)
    return lt != -1 and text.find(">", lt, i) == -1 and i - lt < 500


_MARK = re.compile(r"''|``|[“”„«»\"‘’']")
# what follows an apostrophe that opens a word, not a quote: "'90s", "class of '98", "rock 'n' roll", "'em"
_ELISION = re.compile(r"\d\ds?\b|(?:n|em|til|tis|twas|cause)\b", re.IGNORECASE)


def _role(text: str, m: re.Match[str]) -> str:
    """What a mark does: "open", "close" or "toggle" (double marks); "open1" or "close1" (single marks
    that can only be quotation marks there); "" for apostrophes."""
    c = m.group()
    if c in ("“", "„", "«", "``"):
        return "open"
    if c in ("”", "»"):
        return "close"
    if c in ('"', "''"):
        return "toggle"
    before = text[m.start() - 1] if m.start() > 0 else " "
    after = text[m.end()] if m.end() < len(text) else " "
    if c in "‘'" and (before.isspace() or before in "([—–-:") and after.isalnum():
        return "" if _ELISION.match(text, m.end()) else "open1"
    if c in "’'" and not before.isspace() and not after.isalnum():
        if before in "sS" and re.match(r"\s+\w", text[m.end() : m.end() + 2]):
            return ""  # "the workers' union": a plural's possessive, not the end of a quote
        return "close1"
    return ""


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


# --------------------------------------------------------------------------- quotes and cues


def _adjacent_quotes(parse: Parse, verb: Token, quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Quotes touching the cue's clause: `"A," she said.`, `She said: "A."`, `"A," she said, "B."`."""
    sent_tokens = [t for t in sentence_of(parse.tokens, verb.i) if not t.is_space]
    s_start, s_end = sent_tokens[0].start, sent_tokens[-1].end
    colon = parse.text[verb.end : s_end].strip().startswith(":")
    # '"Stop lying!" Mr. Fox wrote.': the segmenter ends a sentence with the quote's own "!" or "?"
    text = parse.text
    before = [
        q for q in quotes
        if (s_start < q[1] or (_ASKED.search(text, q[0], q[1]) and not text[q[1] : s_start].strip()))
        and q[1] <= verb.start
    ]  # fmt: skip
    after = [q for q in quotes if verb.end <= q[0] and (q[0] < s_end or colon)]
    pieces: list[tuple[int, int]] = []
    if before and _gap_is_small(parse.text, before[-1][1], verb.start):
        pieces.append(before[-1])
    if after and _gap_is_small(parse.text, verb.end, after[0][0]):
        pieces.append(after[0])
    return pieces


_ASKED = re.compile(r"[!?][\"'”’»]+$")


def _gap_is_small(text: str, a: int, b: int) -> bool:
    """Only the speaker phrase and punctuation sit between a quote and its cue ("Mr." ends no sentence)."""
    return _words(text[a:b]) <= 8 and not _BREAK.search(text[a:b])


_BREAK = re.compile(r"\n|(?<!\b[A-Z])(?<!\bM[rs])(?<!\bMrs)(?<!\bDr)(?<!\bSt)(?<!\bJr)(?<!\bSr)[.!?]\s")


def _overlaps(span: tuple[int, int], pieces: Iterable[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in pieces)


def _attach_quotes(
    parse: Parse, found: list[Attribution], quotes: list[tuple[int, int]]
) -> list[Attribution]:
    """Grow contents to whole quotes, set kinds, and add cue-less quotes that continue a speaker."""
    text = parse.text
    out: list[Attribution] = []
    used: set[tuple[int, int]] = set()
    for att in found:
        if att.cue_span is not None and any(q0 < att.cue_span[0] < q1 for q0, q1 in quotes):
            continue  # a cue inside a quote: the quoted speaker's own reported speech, not the outlet's
        pieces: list[tuple[int, int]] = []
        for piece in att.pieces:
            inside = [q for q in quotes if q[0] < piece[1] and piece[0] < q[1]]
            if inside:
                start = min(piece[0], inside[0][0])
                end = max(piece[1], inside[-1][1])
                if att.cue_span is not None and start < att.cue_span[0] < end:
                    # the cue sits inside: split around the cue phrase, keeping only quoted pieces
                    pieces.extend(inside)
                else:
                    pieces.append((start, end))
                used.update(inside)
            else:
                pieces.append(piece)
        pieces = sorted(set(pieces))
        kind = _kind(text, pieces, quotes)
        lead = _leading_quote(text, att, quotes, used) if kind == "direct" else None
        if lead is not None:
            pieces.insert(0, lead)
            used.add(lead)
        if att.speaker_span is not None and _overlaps(att.speaker_span, pieces):
            att = _replace(att, speaker_span=None, speaker_head=None)
        out.append(_replace(att, pieces=tuple(pieces), kind=kind))
    # quotes no cue claimed: continuation of the previous speaker, or an unattributed quote
    for q in quotes:
        if q in used or any(_overlaps(q, a.pieces) for a in out):
            continue
        prev = _previous(out, q[0])
        sent = _sentence_of(parse, q[0])
        bare = not _own_clause(parse, out, q, quotes)
        if bare and prev is not None and prev.kind == "direct" and _same_paragraph_run(text, prev.end, q[0]):
            merged = _replace(prev, pieces=(*prev.pieces, q))
            out[out.index(prev)] = merged
        elif _words(text[q[0] : q[1]]) >= 4 and not _is_title(text[q[0] : q[1]]):
            # shorter ones are scare quotes, and title-case ones are names of shows and books
            out.append(Attribution(kind="direct", pieces=(q,), sentence=sent))
    out = [a for a in out if a.speech or not _nested(a, out)]
    out.sort(key=lambda a: (a.start, a.end))
    return [_inherit(parse, out, n, quotes) for n in range(len(out))]


def _own_clause(
    parse: Parse, found: list[Attribution], quote: tuple[int, int], quotes: list[tuple[int, int]]
) -> bool:
    """The quote sits in a clause of the outlet's own: its sentence has a verb outside quotation marks and
    outside every cue found (`Malvik had whined to the court: "..."`, `Crowds chanted "..."`). Its cue, if
    it has one, is a verb no list knows, so the quote is nobody's continuation: only a bare quote (`"B."`
    after `"A," she said.`, or `"A," she said, "B."`) continues a speaker. The sentence is read from the
    text (the parser's sentences often run across a quotation mark): from the last sentence end, quote or
    paragraph start before the quote to the next one after it."""
    text = parse.text
    q0, q1 = quote
    lo = max([text.rfind("\n", 0, q0) + 1, *(e for _, e in quotes if e <= q0)])
    ends = list(_SENTENCE_END.finditer(text, lo, q0))
    lo = ends[-1].end() if ends else lo
    hi = q1
    if not _ENDS_SENTENCE.search(text, q0, q1):
        para_end = text.find("\n", q1)
        hi = min([para_end if para_end != -1 else len(text), *(s for s, _ in quotes if s >= q1)])
        end = _SENTENCE_END.search(text, q1, hi)
        hi = end.start() if end else hi
    cues = [a.cue_span for a in found if a.cue_span is not None]
    return any(
        (lo <= t.start < q0 or q1 <= t.start < hi)
        and t.pos in ("VERB", "AUX")
        and not any(c0 <= t.start < c1 for c0, c1 in cues)
        for t in parse.tokens
    )


_SENTENCE_END = re.compile(r"[.!?][\"'”’»)]*(?:\s|$)")
_ENDS_SENTENCE = re.compile(r"[.!?][\"'”’»]*$")


def _nested(att: Attribution, found: list[Attribution]) -> bool:
    """A stance cue inside another attribution's content ("said he refused to drop the gun")."""
    if att.cue_span is None:
        return False
    cue = att.cue_span[0]
    return any(o is not att and any(s <= cue < e for s, e in o.pieces) for o in found)


def _leading_quote(
    text: str, att: Attribution, quotes: list[tuple[int, int]], used: set[tuple[int, int]]
) -> tuple[int, int] | None:
    """The first half of `"A," Mr. Obama said, "B."` when the parse tied the cue to the second half."""
    if att.cue_span is None:
        return None
    left = min(att.cue_span[0], att.speaker_span[0] if att.speaker_span else att.cue_span[0])
    if left < att.pieces[0][0]:
        before = [q for q in quotes if q[1] <= left and q not in used]
        if before and _gap_is_small(text, before[-1][1], left):
            return before[-1]
    return None


def _inherit(parse: Parse, found: list[Attribution], n: int, quotes: list[tuple[int, int]]) -> Attribution:
    """A bare cue-less quote takes the speaker of the nearest cued attribution up to three sentences back
    (one in a clause of its own continues no one: see ``_own_clause``)."""
    att = found[n]
    if att.cue_span is not None or _own_clause(parse, found, (att.start, att.end), quotes):
        return att
    for m in range(n - 1, -1, -1):
        prev = found[m]
        if att.sentence - prev.sentence > 3:
            break
        if prev.cue_span is not None and prev.speaker_span is not None:
            if _someone_else(parse, prev, att.start, quotes):
                return att
            return _replace(att, inherits=m)
    return att


def _someone_else(parse: Parse, prev: Attribution, before: int, quotes: list[tuple[int, int]]) -> bool:
    """A name is the subject of a sentence between a speaker's statement and a bare quote ("Trump noted
    so in a tweet." before the tweet's words): the quote may be theirs, so it continues no one."""
    start = max(prev.end, prev.cue_span[1] if prev.cue_span else 0)
    speaker = parse.text[prev.speaker_span[0] : prev.speaker_span[1]].lower() if prev.speaker_span else ""
    return any(
        start <= t.start < before
        and t.dep in ("nsubj", "nsubjpass")
        and t.pos == "PROPN"
        and t.text.lower() not in speaker
        and not any(q0 <= t.start < q1 for q0, q1 in quotes)
        for t in parse.tokens
    )


def _is_title(text: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) > 3]
    return bool(words) and all(w[0].isupper() for w in words)


def _previous(found: list[Attribution], before: int) -> Attribution | None:
    earlier = [a for a in found if a.end <= before]
    return max(earlier, key=lambda a: a.end) if earlier else None


def _same_paragraph_run(text: str, a: int, b: int) -> bool:
    return "\n" not in text[a:b]


def _sentence_of(parse: Parse, offset: int) -> int:
    for t in parse.tokens:
        if t.end > offset:
            return t.sent
    return parse.tokens[-1].sent if parse.tokens else 0


def _kind(text: str, pieces: list[tuple[int, int]], quotes: list[tuple[int, int]]) -> QuoteKind:
    quoted = 0
    total = 0
    for s, e in pieces:
        total += _words(text[s:e])
        quoted += sum(_words(text[max(s, q0) : min(e, q1)]) for q0, q1 in quotes if q0 < e and s < q1)
    if total == 0 or quoted == 0:
        return "indirect"
    return "direct" if quoted >= total - 1 else "mixed"


def _replace(att: Attribution, **changes: object) -> Attribution:
    import dataclasses

    return dataclasses.replace(att, **changes)  # type: ignore[arg-type]


def _dedupe(found: list[Attribution]) -> list[Attribution]:
    seen: set[tuple[tuple[int, int], ...]] = set()
    out = []
    for att in found:
        if att.pieces not in seen:
            seen.add(att.pieces)
            out.append(att)
    return out
