"""Reuse lens: copied wire text, what each outlet changed, and the independent origins of each claim.

Shared passages come from :mod:`newsprism.lenses._passages` (shingle index, seed-and-extend alignment,
word diff); this module reads them as copy: who likely wrote first, which wire credit a reprint
inherits, and how many independent origins each claim has. Collection-wide duplicate detection lives
in :mod:`newsprism.lenses._duplicates`; both are re-exported here, the lens's public face.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from newsprism.lenses._duplicates import (
    NearDuplicateIndex,
    find_duplicates,
    find_root,
    jaccard,
    same_text,
    shingles,
)
from newsprism.lenses._passages import (
    Edit,
    SharedSpan,
    TextIndex,
    _Doc,
    align_all,
    changes,
    diff,
    shared_passages,
    word_key,
)
from newsprism.lenses.wire import agency_of_outlet, wire_agencies
from newsprism.model import Claim, Passage, Reuse, ReuseFindings, Source, Story
from newsprism.settings import ReuseSettings

__all__ = [
    "Edit",
    "NearDuplicateIndex",
    "ReuseLens",
    "ReuseSettings",
    "SharedSpan",
    "TextIndex",
    "changes",
    "diff",
    "find_duplicates",
    "jaccard",
    "same_text",
    "shared_passages",
    "shingles",
    "word_key",
]


# --------------------------------------------------------------------------- the lens


class ReuseLens:
    """Finds shared passages between the sources of a story, wire credits, reused shares and origins."""

    def __init__(self, settings: ReuseSettings | None = None) -> None:
        self.settings = settings or ReuseSettings()

    def __call__(self, story: Story) -> ReuseFindings:
        sources = story.sources
        index = TextIndex(self.settings)
        for src in sources:
            index.add(src.text)
        outlets = tuple(dict.fromkeys(s.article.outlet.strip() for s in sources if s.article.outlet.strip()))
        own = {  # credits in the text, of the outlet itself, and in the article's author ("By AP")
            s.id: wire_agencies(
                s.text, outlet=s.article.outlet, url=s.article.url, outlets=outlets, author=s.article.author
            )
            for s in sources
        }
        agency = _agencies(sources, own)
        rank = _originality(sources, own, agency)
        aligned = align_all(index, sorted(range(len(sources)), key=rank.__getitem__))
        spans = [t for sp in aligned if (t := _without_edge_quotes(index, sp)) is not None]
        origin = {(sp.a, sp.b): _origin(sources, own, agency, sp.a, sp.b) for sp in spans}
        shares = _reused_shares(index, sources, spans, origin)
        wire = _inherit_wire(index, sources, spans, own, self.settings.wire_share, origin)
        origins = {c.id: _origins(c, spans, sources) for c in story.claims}
        kept = _without_relayed(index, spans, rank)
        reuse = tuple(_reuse(sources, rank, span, index, origin[(span.a, span.b)]) for span in kept)
        return ReuseFindings(reuse=reuse, wire=wire, reused_share=shares, origins=origins)


def _reuse(
    sources: Sequence[Source], rank: list[Rank], span: SharedSpan, index: TextIndex, origin: int | None
) -> Reuse:
    """One Reuse with the likely origin first, so its changes read as what the other outlet did.

    ``origin`` (the text the other copied from, when :func:`_origin` can tell) is named in the Reuse;
    without it the order is only the more likely one and the pair is shown without a direction.
    """
    first, second = sources[span.a], sources[span.b]
    ca, cb = span.chars_a, span.chars_b
    if origin == span.b or (origin is None and rank[span.b] < rank[span.a]):
        first, second, ca, cb = second, first, cb, ca
    pa = Passage(first.id, ca[0], ca[1], first.text[ca[0] : ca[1]])
    pb = Passage(second.id, cb[0], cb[1], second.text[cb[0] : cb[1]])
    edits = diff(first.text, ca, second.text, cb, index)
    known = first.id if origin is not None else None
    return Reuse((first.id, second.id), span.similarity, (pa, pb), changes(edits), origin=known)


def _quote_sentence(doc: _Doc, lo: int, hi: int) -> bool:
    """Most of the words ``[lo, hi)`` are inside quotation marks: a quote and its attribution."""
    return hi > lo and 2 * sum(doc.quoted[lo:hi]) > hi - lo


def _edge_sentences(doc: _Doc, lo: int, hi: int) -> tuple[int, int]:
    """Where the first sentence of words ``[lo, hi)`` ends and the last one starts."""
    first = next((x for x in range(lo + 1, hi) if doc.opens[x]), hi)
    last = next((x for x in range(hi - 1, lo, -1) if doc.opens[x]), lo)
    return first, last


# a short stretch of narration left beside a shared quote counts as copy only when this alike
QUOTE_SIDE_SIMILARITY = 0.8


def _without_edge_quotes(index: TextIndex, sp: SharedSpan) -> SharedSpan | None:
    """None when the passage is a quotation both sides print plus a sentence or two told alike.

    Every outlet prints a speaker's words and name verbatim, so a quote at a passage's edge shows only
    that both heard (or read) the same statement, and next to it the same statement is often retold in
    reported speech ('Droun said the government had released / set aside 40 million crowns ...'). So
    when the narration left after the edge quotes is short (under ``short_words`` on a side), its whole
    sentences must be near-verbatim (:data:`QUOTE_SIDE_SIMILARITY`) for the passage to stay. A passage
    that stays is kept whole: a quote inside or beside copied narration was copied with it.
    """
    from rapidfuzz.distance import Indel

    s = index.settings
    da, db = index.docs[sp.a], index.docs[sp.b]
    (a0, a1), (b0, b1) = sp.words_a, sp.words_b
    trimmed = False
    while a0 < a1 and b0 < b1:
        (fa, la), (fb, lb) = _edge_sentences(da, a0, a1), _edge_sentences(db, b0, b1)
        if _quote_sentence(da, a0, fa) and _quote_sentence(db, b0, fb):
            a0, b0, trimmed = fa, fb, True
        elif _quote_sentence(da, la, a1) and _quote_sentence(db, lb, b1):
            a1, b1, trimmed = la, lb, True
        else:
            break
    if not trimmed or not s.min_words <= min(a1 - a0, b1 - b0) < s.short_words:
        return sp  # a quote with a few words of narration is _passages' call (quoted words count half)
    a0, a1 = _whole_sentences(da, a0, a1)
    b0, b1 = _whole_sentences(db, b0, b1)
    sim = Indel.normalized_similarity(da.keys[a0:a1], db.keys[b0:b1])
    return sp if sim >= QUOTE_SIDE_SIMILARITY else None


def _whole_sentences(doc: _Doc, lo: int, hi: int) -> tuple[int, int]:
    """Words ``[lo, hi)`` widened to the sentences they touch."""
    while lo > 0 and not doc.opens[lo]:
        lo -= 1
    while hi < len(doc.keys) and not doc.opens[hi]:
        hi += 1
    return lo, hi


def _names(src: Source) -> set[str]:
    """How a credit names this source's outlet: as written, or the known agency it is."""
    out = {src.article.outlet.strip()} - {""}
    agency = agency_of_outlet(src.article.outlet, src.article.url)
    return out | {agency} if agency else out


def _agencies(sources: Sequence[Source], own: dict[str, tuple[str, ...]]) -> list[bool]:
    """Per source: its outlet is an agency (known, crediting itself, or credited by another source)."""
    out = []
    for src in sources:
        names = _names(src)
        credited = any(names & set(own[o.id]) for o in sources if o.id != src.id)
        out.append(
            agency_of_outlet(src.article.outlet, src.article.url) is not None
            or credited
            or bool(names & set(own[src.id]))
        )
    return out


def _origin(
    sources: Sequence[Source], own: dict[str, tuple[str, ...]], agency: list[bool], a: int, b: int
) -> int | None:
    """Which of texts ``a`` and ``b`` the other copied from, when the evidence says so, else None.

    In this order: the source that the other credits by name; the one published earlier (a later text
    cannot be copied by an earlier one: a company's 06:00 press release is the origin of the agency's
    07:35 report); the agency (known, crediting itself, or credited by another source of the story)
    against an outlet that is none.
    """
    a_credits_b = bool(_names(sources[b]) & set(own[sources[a].id]))
    b_credits_a = bool(_names(sources[a]) & set(own[sources[b].id]))
    if a_credits_b != b_credits_a:
        return b if a_credits_b else a
    order = _earlier(sources[a].article.published, sources[b].article.published)
    if order is not None:
        return a if order else b
    if agency[a] != agency[b]:
        return a if agency[a] else b
    return None


def _earlier(p: str | None, q: str | None) -> bool | None:
    """True when ``p`` is before ``q``, False when after, None when unknown or the same (to what both say)."""
    from datetime import datetime

    if not p or not q:
        return None
    try:
        dp, dq = datetime.fromisoformat(p.strip()), datetime.fromisoformat(q.strip())
    except ValueError:
        return None
    timed = "T" in p or " " in p.strip(), "T" in q or " " in q.strip()
    if all(timed) and (dp.tzinfo is None) == (dq.tzinfo is None) and dp != dq:
        return dp < dq
    if dp.date() != dq.date() and (dp.tzinfo is None) == (dq.tzinfo is None):
        return dp.date() < dq.date()
    return None


def _covered(index: TextIndex, n: int, spans: Iterable[SharedSpan]) -> int:
    """Words of text ``n`` inside any of ``spans``."""
    marks = bytearray(len(index.docs[n].keys))
    for sp in spans:
        if sp.a == n:
            marks[sp.words_a[0] : sp.words_a[1]] = b"\x01" * (sp.words_a[1] - sp.words_a[0])
        elif sp.b == n:
            marks[sp.words_b[0] : sp.words_b[1]] = b"\x01" * (sp.words_b[1] - sp.words_b[0])
    return sum(marks)


def _reused_shares(
    index: TextIndex,
    sources: Sequence[Source],
    spans: list[SharedSpan],
    origin: dict[tuple[int, int], int | None],
) -> dict[str, float]:
    """Share of each source's words that it shares with another source and did not write first.

    A passage counts against the copy, not the origin, when the pair has a known origin (the wire's
    own text is not reused text); when it has none it counts for both.
    """
    out = {}
    for n, src in enumerate(sources):
        total = len(index.docs[n].keys)
        mine = [sp for sp in spans if origin.get((sp.a, sp.b)) != n]
        out[src.id] = round(_covered(index, n, mine) / total, 4) if total else 0.0
    return out


def _inherit_wire(
    index: TextIndex,
    sources: Sequence[Source],
    spans: list[SharedSpan],
    own: dict[str, tuple[str, ...]],
    min_share: float,
    origin: dict[tuple[int, int], int | None],
) -> dict[str, tuple[str, ...]]:
    """Credits found in the text, plus the agencies of wire sources a source copied enough words from.

    Only the copy inherits when the pair has a known origin; an agency does not take its reprint's credits.
    Being an agency's customer needs more than passages alike: verbatim narration (:func:`_verbatim`),
    since outlets that paraphrase one minister and one market close share a third of their words too.
    """
    wire = dict(own)
    by_pair: dict[tuple[int, int], list[SharedSpan]] = defaultdict(list)
    for sp in spans:
        by_pair[(sp.a, sp.b)].append(sp)
    for (a, b), shared in sorted(by_pair.items()):
        for n, m in ((a, b), (b, a)):
            if origin.get((a, b)) == n:
                continue
            agencies = own[sources[m].id]
            total = len(index.docs[n].keys)
            if (
                agencies
                and total
                and _covered(index, n, shared) / total >= min_share
                and _verbatim(index, shared) >= index.settings.short_words
            ):
                mine = wire[sources[n].id]
                wire[sources[n].id] = mine + tuple(x for x in agencies if x not in mine)
    return wire


# words alike in a row, outside quotation marks, that count as verbatim copy (a clause, not a name)
VERBATIM_RUN = 8


def _verbatim(index: TextIndex, spans: Iterable[SharedSpan]) -> int:
    """Words of ``spans`` in runs of at least :data:`VERBATIM_RUN` equal words quoted on neither side."""
    from rapidfuzz.distance import Indel

    total = 0
    for sp in spans:
        da, db = index.docs[sp.a], index.docs[sp.b]
        (a0, a1), (b0, b1) = sp.words_a, sp.words_b
        for op in Indel.opcodes(da.keys[a0:a1], db.keys[b0:b1]):
            if op.tag != "equal":
                continue
            runs, run = [], 0
            for k in range(op.src_end - op.src_start):
                if da.quoted[a0 + op.src_start + k] or db.quoted[b0 + op.dest_start + k]:
                    runs.append(run)
                    run = 0
                else:
                    run += 1
            total += sum(r for r in [*runs, run] if r >= VERBATIM_RUN)
    return total


def _origins(claim: Claim, spans: Sequence[SharedSpan], sources: Sequence[Source]) -> int:
    """Independent origins of a claim: its sources, joined where the claim's sentences are shared text.

    Two sentences share an origin when one passage holds both, or when each is in a passage with the
    same stretch of a third source (two reprints of a wire report, even when the report's own sentence
    was not put in this claim).
    """
    ids = list(dict.fromkeys(claim.sources or tuple(p.source for p in claim.sentences)))
    parent = {s: s for s in ids}
    number = {src.id: n for n, src in enumerate(sources)}
    sides: dict[int, list[tuple[tuple[int, int], int, tuple[int, int]]]] = defaultdict(list)
    for sp in spans:  # per text: (its chars, the other text, the other's chars)
        sides[sp.a].append((sp.chars_a, sp.b, sp.chars_b))
        sides[sp.b].append((sp.chars_b, sp.a, sp.chars_a))

    def links(p: Passage) -> dict[int, list[tuple[int, int]]]:
        """Other texts and their stretches that share at least half of sentence ``p``."""
        out: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for mine, other, theirs in sides.get(number.get(p.source, -1), []):
            if min(mine[1], p.end) - max(mine[0], p.start) >= 0.5 * max(1, p.end - p.start):
                out[other].append(theirs)
        return out

    sents = [p for p in claim.sentences if p.source in parent and p.source in number]
    linked = [links(p) for p in sents]
    for x, p in enumerate(sents):
        for y in range(x + 1, len(sents)):
            q = sents[y]
            if p.source == q.source or find_root(parent, p.source) == find_root(parent, q.source):
                continue
            q_side = (q.start, q.end)
            direct = any(_meets(r, q_side, half=True) for r in linked[x].get(number[q.source], []))
            via = any(_meets(r, t) for w, rs in linked[x].items() for r in rs for t in linked[y].get(w, []))
            if direct or via:
                parent[find_root(parent, p.source)] = find_root(parent, q.source)
    return len({find_root(parent, s) for s in ids})


def _meets(r: tuple[int, int], t: tuple[int, int], *, half: bool = False) -> bool:
    """Ranges overlap (``half``: by at least half of ``t``)."""
    inter = min(r[1], t[1]) - max(r[0], t[0])
    return inter >= 0.5 * max(1, t[1] - t[0]) if half else inter > 0


Rank = tuple[int, int, str, int]


def _originality(
    sources: Sequence[Source], own: dict[str, tuple[str, ...]], agency: list[bool]
) -> list[Rank]:
    """A rank per source, most likely original first: the agency itself, credited copy, earlier, first."""
    ranks = []
    for n, src in enumerate(sources):
        credited = agency[n] or bool(own[src.id])
        ranks.append((0 if agency[n] else 1, 0 if credited else 1, src.article.published or "~", n))
    return ranks


def _without_relayed(index: TextIndex, spans: list[SharedSpan], rank: list[Rank]) -> list[SharedSpan]:
    """Drop passages two reprints share only because both copied them from a wire source in the story.

    Five reprints of one wire story would otherwise show ten reprint-to-reprint pairs next to the five
    wire-to-reprint ones. A passage between X and Y goes when a credited source ranked before both holds
    at least 80% of it on both sides; it stays when some of it is not in that source (X and Y then
    copied each other, or a source the story lacks).
    """
    wire = [n for n, r in enumerate(rank) if r[1] == 0]
    if not wire:
        return spans
    marks: dict[tuple[int, int], bytearray] = {}

    def covered(n: int, words: tuple[int, int], w: int) -> bool:
        key = (n, w)
        if key not in marks:
            m = bytearray(len(index.docs[n].keys))
            for sp in spans:
                if {sp.a, sp.b} == {n, w}:
                    lo, hi = sp.words_a if sp.a == n else sp.words_b
                    m[lo:hi] = b"\x01" * (hi - lo)
            marks[key] = m
        return sum(marks[key][words[0] : words[1]]) >= 0.8 * (words[1] - words[0])

    kept = []
    for sp in spans:
        before = [w for w in wire if rank[w] < rank[sp.a] and rank[w] < rank[sp.b]]
        if not any(covered(sp.a, sp.words_a, w) and covered(sp.b, sp.words_b, w) for w in before):
            kept.append(sp)
    return kept
