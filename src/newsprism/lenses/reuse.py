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
        spans = align_all(index, sorted(range(len(sources)), key=rank.__getitem__))
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
            if agencies and total and _covered(index, n, shared) / total >= min_share:
                mine = wire[sources[n].id]
                wire[sources[n].id] = mine + tuple(x for x in agencies if x not in mine)
    return wire


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
