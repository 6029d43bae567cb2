"""Shared passages between texts: word keys, a shingle index, seed-and-extend alignment and word diffs.

Passages are found with seed-and-extend, as plagiarism detectors do: every text becomes a list of
normalised word keys (case, curly quotes, hyphenation and British spelling folded away), every run of
``shingle`` keys is put in one inverted index, and only source pairs that share index entries are
compared. Shared seeds are grouped into boxes that tolerate edits and reordered clauses, grown to their
exact ends and kept when the two sides are similar enough. Cost grows with the amount of shared text,
not with the number of sentence pairs. The reuse lens (``reuse.py``) reads these passages as copy.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from newsprism.settings import ReuseSettings

__all__ = [
    "Edit",
    "SharedSpan",
    "TextIndex",
    "align_all",
    "changes",
    "diff",
    "key_words",
    "shared_passages",
    "word_key",
]


# --------------------------------------------------------------------------- text keys

_WORD = re.compile(r"\w+(?:(?:['’]|-\s*\n\s*|-|\u00ad)\w+)*")
_JOINERS = re.compile(r"['’\-\s\u00ad]")
_QUOTES = re.compile(r"[\"“”«»„]")
_STOP_MARK = re.compile(r"[.!?;:]")


def _in_number(text: str, end: int, start: int) -> bool:
    """The mark between two words is a number's decimal point or separator ("0.25", "12:30"), not a
    sentence end."""
    return start - end == 1 and text[end - 1 : end].isdigit() and text[start : start + 1].isdigit()


_STOP = frozenset({
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "from", "by", "with", "as",
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "it", "its", "this", "that", "these",
    "those", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "not", "no", "said",
    "says", "which", "who",
})  # fmt: skip
_UK_WORDS = {
    "programme": "program", "programmes": "programs", "defence": "defense", "offence": "offense",
    "licence": "license", "pretence": "pretense", "grey": "gray", "tyre": "tire", "tyres": "tires",
    "cheque": "check", "cheques": "checks", "aluminium": "aluminum", "manoeuvre": "maneuver",
    "sceptical": "skeptical", "sceptic": "skeptic", "jewellery": "jewelry", "plough": "plow",
    "mum": "mom", "storey": "story", "storeys": "stories", "kerb": "curb", "whilst": "while",
    "amongst": "among", "enrol": "enroll", "fulfil": "fulfill", "instalment": "installment",
}  # fmt: skip
_OUR_KEEP = frozenset({
    "four", "hour", "your", "pour", "tour", "flour", "sour", "scour", "devour", "detour", "contour", "amour",
})  # fmt: skip
_UK_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(\w{3,})our(s|ed|ing|ite|ites|able|er|ers|less)?$"), r"\1or\2"),
    (re.compile(r"^(\w{3,})is(e|es|ed|ing|ation|ations|er|ers)$"), r"\1iz\2"),
    (re.compile(r"^(\w{2,})ys(e|es|ed|ing)$"), r"\1yz\2"),
    (re.compile(r"^(\w{2,}[^aeiou])tre(s|d)?$"), r"\1ter\2"),
    (re.compile(r"^(\w{3,}[aeiou])ll(ed|ing|er|ers)$"), r"\1l\2"),
    (re.compile(r"^(\w{4,})ogue(s)?$"), r"\1og\2"),
)


def word_key(word: str) -> str:
    """The matching key of one word: case, apostrophes, hyphens and UK spelling folded."""
    key = _JOINERS.sub("", word.lower())
    if key in _UK_WORDS:
        return _UK_WORDS[key]
    if key in _OUR_KEEP:
        return key
    for pattern, repl in _UK_RULES:
        new = pattern.sub(repl, key)
        if new != key:
            return new
    return key


_cached_key = lru_cache(maxsize=1 << 16)(word_key)


def key_words(text: str) -> list[str]:
    """The word keys of a text in order; unlike :class:`TextIndex` ids they compare across runs."""
    return [_cached_key(m.group()) for m in _WORD.finditer(text)]


@dataclass(slots=True)
class _Doc:
    """One text as word keys (ints from the shared vocabulary) with character offsets."""

    text: str
    keys: list[int]
    starts: list[int]
    ends: list[int]
    quoted: list[bool]
    opens: list[bool]  # a sentence or paragraph starts at this word

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Character span of words ``[first, last)``."""
        return self.starts[first], self.ends[last - 1]


def _gram_hash(gram: tuple[int, ...]) -> int:
    """A 32-bit hash of a shingle; hashes of int tuples are not salted, so runs stay reproducible."""
    return hash(gram) & 0xFFFFFFFF


class TextIndex:
    """An inverted index of word shingles over many texts, plus MinHash/LSH to spot whole reprints.

    Exact shingle postings give the seed positions the aligner needs, which LSH buckets do not; LSH
    groups near-copies of one text so that 50 reprints of a wire story cost 49 alignments, not 1,225.
    """

    def __init__(self, settings: ReuseSettings | None = None) -> None:
        self.settings = settings or ReuseSettings()
        self.docs: list[_Doc] = []
        self._vocab: dict[str, int] = {}  # word key -> id
        self._words: dict[str, int] = {}  # word as written -> id of its key
        self._stop: set[int] = set()
        self._postings: dict[tuple[int, ...], list[tuple[int, list[int]]]] = defaultdict(list)
        self._grams: list[list[tuple[int, ...]]] = []  # distinct shingles per text, for MinHash

    def add(self, text: str) -> int:
        """Index one text; returns its number."""
        doc = self._tokenise(text)
        n = len(self.docs)
        self.docs.append(doc)
        keys, stop, most = doc.keys, self._stop, self.settings.max_postings
        local: dict[tuple[int, ...], list[int]] = {}
        grams = zip(*(keys[i:] for i in range(self.settings.shingle)), strict=False)
        for pos, gram in enumerate(grams):
            if gram[0] in stop and gram[-1] in stop and all(g in stop for g in gram):
                continue
            positions = local.get(gram)
            if positions is None:
                local[gram] = [pos]
            elif len(positions) < most:
                positions.append(pos)
        postings = self._postings
        for gram, positions in local.items():
            postings[gram].append((n, positions))
        self._grams.append(list(local))
        return n

    def _tokenise(self, text: str) -> _Doc:
        keys: list[int] = []
        starts: list[int] = []
        ends: list[int] = []
        quoted: list[bool] = []
        opens: list[bool] = []
        inside = False
        segment = 0  # first word after the last quotation mark or paragraph break
        last = 0
        words = self._words
        for m in _WORD.finditer(text):
            between = text[last : m.start()]
            if between == " ":
                opens.append(not keys)
            else:
                if "\n" in between:
                    inside, segment = False, len(keys)
                for mark in _QUOTES.findall(between):
                    if mark in "”»" and not inside:  # a quote that opened before the paragraph (or text)
                        quoted[segment:] = [True] * (len(keys) - segment)
                    inside = mark in "“«„" or (mark == '"' and not inside)
                    segment = len(keys)
                stop = bool(_STOP_MARK.search(between)) and not _in_number(text, last, m.start())
                opens.append(not keys or "\n" in between or stop)
            last = m.end()
            word = m.group()
            ident = words.get(word)
            if ident is None:
                key = word_key(word)
                ident = self._vocab.get(key)
                if ident is None:
                    ident = self._vocab[key] = len(self._vocab)
                    if key in _STOP:
                        self._stop.add(ident)
                words[word] = ident
            keys.append(ident)
            starts.append(m.start())
            ends.append(m.end())
            quoted.append(inside)
        return _Doc(text, keys, starts, ends, quoted, opens)

    def reprint_groups(self, order: Sequence[int] | None = None) -> list[int]:
        """For every text, the text that stands for its group of near-copies (itself when it has none).

        Texts are taken in ``order``; each joins the first earlier representative that MinHash/LSH
        proposes and whose shingle set it matches with exact Jaccard >= ``reprint_jaccard``, or becomes
        a representative itself. Checks grow with texts x groups, not with pairs of texts.
        """
        from datasketch import MinHash, MinHashLSH

        n_docs = len(self.docs)
        rep = list(range(n_docs))
        if n_docs < 3:
            return rep
        cut = self.settings.reprint_jaccard
        lsh = MinHashLSH(threshold=max(0.2, cut - 0.2), num_perm=64)  # generous: the exact check follows
        sets: dict[int, set[tuple[int, ...]]] = {}
        for n in order or range(n_docs):
            grams = self._grams[n]
            if len(grams) < 50:
                continue
            mh = MinHash(num_perm=64, seed=1, hashfunc=_gram_hash)
            mh.update_batch(grams)
            mine = set(grams)
            for m in sorted(lsh.query(mh)):
                if len(mine & sets[m]) >= cut * len(mine | sets[m]):
                    rep[n] = m
                    break
            else:
                sets[n] = mine
                lsh.insert(n, mh)  # only representatives are indexed
        return rep

    def seeds(self, rep: Sequence[int] | None = None) -> dict[tuple[int, int], list[tuple[int, int]]]:
        """Shared shingle positions per text pair ``(i, j)``, i < j.

        With ``rep`` (from :meth:`reprint_groups`), two members of one group are not paired: each is
        compared with the group's representative and with everything outside the group.
        """
        out: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
        for items in self._postings.values():
            if len(items) < 2:
                continue
            for x, (i, pos_i) in enumerate(items):
                ri = rep[i] if rep else i
                for j, pos_j in items[x + 1 :]:
                    if rep and rep[j] == ri and i != ri and j != ri:
                        continue
                    bucket = out[(i, j)]
                    for a in pos_i:
                        for b in pos_j:
                            bucket.append((a, b))
        return out


@dataclass(frozen=True, slots=True)
class SharedSpan:
    """A passage shared by texts ``a`` and ``b``: word ranges, character ranges and similarity."""

    a: int
    b: int
    words_a: tuple[int, int]
    words_b: tuple[int, int]
    chars_a: tuple[int, int]
    chars_b: tuple[int, int]
    similarity: float


def shared_passages(texts: Sequence[str], settings: ReuseSettings | None = None) -> list[SharedSpan]:
    """Passages shared between two of ``texts``, on plain strings (no models needed).

    Near-copies of one text (shingle Jaccard >= ``reprint_jaccard``) are compared with the first of them
    only, so their passages with each other are not listed.
    """
    index = TextIndex(settings)
    for text in texts:
        index.add(text)
    return align_all(index)


def align_all(index: TextIndex, order: Sequence[int] | None = None) -> list[SharedSpan]:
    """Passages of every compared pair; near-copies are compared with their group's first member only."""
    out = []
    for (i, j), seeds in sorted(index.seeds(index.reprint_groups(order)).items()):
        out.extend(_align_pair(index, i, j, seeds))
    return out


def _align_pair(index: TextIndex, i: int, j: int, seeds: list[tuple[int, int]]) -> list[SharedSpan]:
    """Group the pair's seeds into boxes, grow each to its exact ends, keep the similar ones."""
    from rapidfuzz.distance import Indel

    s = index.settings
    if len(seeds) < s.min_seeds:
        return []
    da, db = index.docs[i], index.docs[j]
    gap, k = s.max_gap, s.shingle
    boxes: list[list[int]] = []  # [min_a, max_a, min_b, max_b, seeds]
    for a, b in sorted(seeds):
        for box in reversed(boxes):
            if a - box[1] > gap:
                boxes.append([a, a, b, b, 1])
                break
            if box[2] - gap <= b <= box[3] + gap:
                box[1] = max(box[1], a)
                box[2] = min(box[2], b)
                box[3] = max(box[3], b)
                box[4] += 1
                break
        else:
            boxes.append([a, a, b, b, 1])
    grown = []
    for a0, a1, b0, b1, n in _merge_boxes(boxes, k):
        if n >= s.min_seeds:
            a0, b0, a1, b1 = _grow(da.keys, db.keys, a0, b0, a1 + k, b1 + k)
            grown.append([a0, a1, b0, b1, n])
    spans = []
    for a0, a1, b0, b1 in _bridge(da.keys, db.keys, _merge_boxes(grown, 1), s):
        a0, b0, a1, b1 = _snap(da, db, a0, b0, a1, b1, s.snap)
        if min(a1 - a0, b1 - b0) < s.min_words:
            continue
        sim = Indel.normalized_similarity(da.keys[a0:a1], db.keys[b0:b1])
        same_words = sim * (a1 - a0 + b1 - b0) / 2  # longest common subsequence
        if sim < s.min_similarity or same_words < s.min_words:
            continue
        if min(a1 - a0, b1 - b0) < s.short_words and sim < s.short_similarity:
            continue
        if _quoted_match(da, db, (a0, a1), (b0, b1), s):
            continue
        spans.append(SharedSpan(i, j, (a0, a1), (b0, b1), da.span(a0, a1), db.span(b0, b1), round(sim, 4)))
    return _join(da, db, _one_copy(spans), s)


def _join(da: _Doc, db: _Doc, spans: list[SharedSpan], s: ReuseSettings) -> list[SharedSpan]:
    """Join kept passages that follow each other on both sides (repeated phrases kept them apart)."""
    from rapidfuzz.distance import Indel

    out: list[SharedSpan] = []
    for sp in spans:  # sorted by their start in text a
        if out:
            last = out[-1]
            gap_a, gap_b = sp.words_a[0] - last.words_a[1], sp.words_b[0] - last.words_b[1]
            if -s.snap <= gap_a <= 2 * s.max_gap and -s.snap <= gap_b <= 2 * s.max_gap:
                wa = (last.words_a[0], max(last.words_a[1], sp.words_a[1]))
                wb = (last.words_b[0], max(last.words_b[1], sp.words_b[1]))
                sim = Indel.normalized_similarity(da.keys[wa[0] : wa[1]], db.keys[wb[0] : wb[1]])
                if sim >= s.min_similarity:
                    ca, cb = da.span(*wa), db.span(*wb)
                    out[-1] = SharedSpan(sp.a, sp.b, wa, wb, ca, cb, round(sim, 4))
                    continue
        out.append(sp)
    return out


def _bridge(
    ka: list[int], kb: list[int], boxes: list[list[int]], s: ReuseSettings
) -> list[tuple[int, int, int, int]]:
    """Join consecutive pieces of one passage that a dense run of edits split apart.

    Two pieces in the same order on both sides, at most twice ``max_gap`` words apart, become one passage
    when the whole is still similar enough; the words between them then show up in the diff.
    """
    from rapidfuzz.distance import Indel

    out: list[tuple[int, int, int, int]] = []
    reach = 2 * s.max_gap
    for a0, a1, b0, b1, _n in sorted(boxes):
        joined = False
        for k in range(len(out) - 1, max(-1, len(out) - 6), -1):  # stray boxes may sit in between
            p0, p1, q0, q1 = out[k]
            if -s.shingle <= a0 - p1 <= reach and -s.shingle <= b0 - q1 <= reach:
                m0, m1, n0, n1 = p0, max(p1, a1), min(q0, b0), max(q1, b1)
                if Indel.normalized_similarity(ka[m0:m1], kb[n0:n1]) >= s.min_similarity:
                    out[k] = (m0, m1, n0, n1)
                    joined = True
                    break
        if not joined:
            out.append((a0, a1, b0, b1))
    return out


def _one_copy(spans: list[SharedSpan]) -> list[SharedSpan]:
    """A text that repeats a paragraph (live blogs do) matches the other side twice: keep the best copy."""
    best = sorted(spans, key=lambda sp: (-sp.similarity * (sp.words_a[1] - sp.words_a[0]), sp.words_a))
    kept: list[SharedSpan] = []
    for sp in best:
        if not any(_overlaps(sp.words_a, k.words_a) or _overlaps(sp.words_b, k.words_b) for k in kept):
            kept.append(sp)
    return sorted(kept, key=lambda sp: sp.words_a)


def _overlaps(x: tuple[int, int], y: tuple[int, int]) -> bool:
    """More than half of the shorter range lies in the other."""
    inter = min(x[1], y[1]) - max(x[0], y[0])
    return inter > 0.5 * min(x[1] - x[0], y[1] - y[0])


def _merge_boxes(boxes: list[list[int]], slack: int) -> list[list[int]]:
    """Boxes overlapping on both sides are one passage (a reordered clause inside a copied paragraph)."""
    merged: list[list[int]] = []
    active: list[list[int]] = []  # merged boxes that later boxes (sorted by start) can still reach
    for box in sorted(boxes):
        active = [m for m in active if box[0] <= m[1] + slack]
        for m in active:
            if box[2] <= m[3] + slack and m[2] <= box[3] + slack:
                m[1], m[2], m[3] = max(m[1], box[1]), min(m[2], box[2]), max(m[3], box[3])
                m[4] += box[4]
                break
        else:
            new = list(box)
            merged.append(new)
            active.append(new)
    return merged


def _grow(ka: list[int], kb: list[int], a0: int, b0: int, a1: int, b1: int) -> tuple[int, int, int, int]:
    """Extend a box over words that still match on both sides, skipping one edited word at a time."""
    a1, b1 = min(a1, len(ka)), min(b1, len(kb))
    while True:
        if a0 > 0 and b0 > 0 and ka[a0 - 1] == kb[b0 - 1]:
            a0, b0 = a0 - 1, b0 - 1
        elif a0 > 2 and b0 > 2 and ka[a0 - 2] == kb[b0 - 2] and ka[a0 - 3] == kb[b0 - 3]:
            a0, b0 = a0 - 3, b0 - 3  # one swapped word, then two matches
        else:
            break
    while True:
        if a1 < len(ka) and b1 < len(kb) and ka[a1] == kb[b1]:
            a1, b1 = a1 + 1, b1 + 1
        elif a1 + 2 < len(ka) and b1 + 2 < len(kb) and ka[a1 + 1] == kb[b1 + 1] and ka[a1 + 2] == kb[b1 + 2]:
            a1, b1 = a1 + 3, b1 + 3
        else:
            break
    return a0, b0, a1, b1


def _snap(da: _Doc, db: _Doc, a0: int, b0: int, a1: int, b1: int, most: int) -> tuple[int, int, int, int]:
    """Move both ends to the sentence ends when both sides have one within ``most`` words.

    Copy is taken sentence by sentence, so an edit in a sentence's first or last words (an insult
    swapped in for a title, "said" -> "claimed") belongs to the passage and shows in its diff.
    """

    def back(doc: _Doc, at: int) -> int | None:
        return next((i for i in range(at, max(-1, at - most - 1), -1) if doc.opens[i]), None)

    def forward(doc: _Doc, at: int) -> int | None:
        n = len(doc.keys)
        return next((i for i in range(at, min(n, at + most) + 1) if i == n or doc.opens[i]), None)

    sa, sb = back(da, a0), back(db, b0)
    if sa is not None and sb is not None:
        a0, b0 = sa, sb
    ea, eb = forward(da, a1), forward(db, b1)
    if ea is not None and eb is not None:
        a1, b1 = ea, eb
    return a0, b0, a1, b1


# A word matched inside quotation marks on both sides counts this much toward a passage's shared words:
# outlets that print one public statement word for word are not copying each other.
QUOTE_WEIGHT = 0.5


def _quoted_match(da: _Doc, db: _Doc, wa: tuple[int, int], wb: tuple[int, int], s: ReuseSettings) -> bool:
    """The match is mostly a quotation both sides print: outlets quoting one statement, not copy.

    Copy keeps the narration around a quote too; two reporters who heard the same words share the
    quotation and word their attributions differently. So a passage goes when ``quote_share`` of its
    matching words are quoted on both sides, and when its matching words outside quotes (quoted ones
    count :data:`QUOTE_WEIGHT`) fall short of ``min_words`` or their similarity outside quotes falls
    short of ``min_similarity``: a shared quote plus "the mayor said" and a time is no reprint.
    """
    from rapidfuzz.distance import Indel

    matched = quoted = 0
    for op in Indel.opcodes(da.keys[wa[0] : wa[1]], db.keys[wb[0] : wb[1]]):
        if op.tag == "equal":
            x0, y0 = wa[0] + op.src_start, wb[0] + op.dest_start
            for k in range(op.src_end - op.src_start):
                matched += 1
                quoted += da.quoted[x0 + k] and db.quoted[y0 + k]
    if matched == 0 or quoted >= s.quote_share * matched:
        return True
    if not quoted:
        return False
    own = matched - quoted + QUOTE_WEIGHT * quoted
    if own < s.min_words:
        return True
    # outside the quotes, the narration must still be similar enough to read as one text
    outside = wa[1] - wa[0] + wb[1] - wb[0] - 2 * quoted
    return 2 * (matched - quoted) < s.min_similarity * outside


# --------------------------------------------------------------------------- what each outlet changed


@dataclass(frozen=True, slots=True)
class Edit:
    """One difference between two copies of a passage, with offsets into both texts (for an HTML diff)."""

    op: Literal["equal", "insert", "delete", "replace"]
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    a_text: str
    b_text: str


def diff(
    text_a: str,
    span_a: tuple[int, int],
    text_b: str,
    span_b: tuple[int, int],
    index: TextIndex | None = None,
) -> list[Edit]:
    """Word-level diff of ``text_b[span_b]`` against ``text_a[span_a]``; equal runs included, in order.

    Words that differ only by case, curly quotes, hyphenation or UK/US spelling count as equal. Pass the
    ``index`` that found the passages to reuse its word keys.
    """
    from rapidfuzz.distance import Levenshtein

    index = index or TextIndex()
    da = index._tokenise(text_a[span_a[0] : span_a[1]])
    db = index._tokenise(text_b[span_b[0] : span_b[1]])
    oa, ob = span_a[0], span_b[0]
    runs: list[tuple[bool, int, int, int, int]] = []  # (equal?, a range, b range)
    for op in Levenshtein.opcodes(da.keys, db.keys):
        same = op.tag == "equal"
        if runs and not same and not runs[-1][0]:
            runs[-1] = (False, runs[-1][1], op.src_end, runs[-1][3], op.dest_end)
        else:
            runs.append((same, op.src_start, op.src_end, op.dest_start, op.dest_end))
    edits = []
    for same, i1, i2, j1, j2 in runs:
        pieces = [(i1, i2, j1, j2)] if same else _by_sentence(da, db, i1, i2, j1, j2)
        for x1, x2, y1, y2 in pieces:
            tag = "equal" if same else "replace" if x1 < x2 and y1 < y2 else "delete" if x1 < x2 else "insert"
            a_s, a_e = _char_range(da, x1, x2, oa)
            b_s, b_e = _char_range(db, y1, y2, ob)
            if not same:
                a_s, a_e = _balanced(text_a, a_s, a_e, span_a)
                b_s, b_e = _balanced(text_b, b_s, b_e, span_b)
            edits.append(Edit(tag, a_s, a_e, b_s, b_e, text_a[a_s:a_e], text_b[b_s:b_e]))  # type: ignore[arg-type]
    return edits


def _by_sentence(da: _Doc, db: _Doc, i1: int, i2: int, j1: int, j2: int) -> list[tuple[int, int, int, int]]:
    """Split one run of edits at sentence starts so each edit reads on its own.

    A dropped sentence next to a swapped title stays two edits (dropped "..."; "Talvian President" ->
    "Tyrant"): the first pieces pair when both continue the previous sentence, the last pieces pair from
    the end, and what is left over was dropped or added.
    """

    def cut(doc: _Doc, lo: int, hi: int) -> list[tuple[int, int]]:
        marks = [x for x in range(lo + 1, hi) if doc.opens[x]]
        bounds = [lo, *marks, hi]
        return [(bounds[k], bounds[k + 1]) for k in range(len(bounds) - 1) if bounds[k] < bounds[k + 1]]

    pa, pb = cut(da, i1, i2), cut(db, j1, j2)
    head: list[tuple[int, int, int, int]] = []
    tail: list[tuple[int, int, int, int]] = []
    if pa and pb and not da.opens[pa[0][0]] and not db.opens[pb[0][0]]:
        (x1, x2), (y1, y2) = pa.pop(0), pb.pop(0)
        head.append((x1, x2, y1, y2))
    while pa and pb:
        (x1, x2), (y1, y2) = pa.pop(), pb.pop()
        tail.insert(0, (x1, x2, y1, y2))
    at_a = tail[0][0] if tail else i2
    at_b = tail[0][2] if tail else j2
    rest = [(x1, x2, at_b, at_b) for x1, x2 in pa] + [(at_a, at_a, y1, y2) for y1, y2 in pb]
    return head + rest + tail


_PAIRS = (("(", ")"), ("[", "]"), ("“", "”"), ("‘", "’"), ("«", "»"))


def _balanced(text: str, start: int, end: int, limit: tuple[int, int]) -> tuple[int, int]:
    """Widen an edit's words over the brackets and quotation marks they open or close.

    Edits are made of words, so ``PORTVALE, Estria (MP) —`` lost ``PORTVALE, Estria (MP``; a bracket
    or quotation mark opened inside the edit is closed right after it (past spaces and punctuation,
    never past a word), and one closed inside is opened right before it. Stays inside ``limit``.
    """
    if start >= end:
        return start, end
    piece = text[start:end]
    for left, right in _PAIRS:
        opened = piece.count(left) > piece.count(right)
        closed = piece.count(right) > piece.count(left)
        if left == "‘" and closed:  # an apostrophe, not a closing quotation mark
            closed = False
        if opened:
            end = _reach(text, end, limit[1], right, forward=True, default=end)
        if closed:
            start = _reach(text, start, limit[0], left, forward=False, default=start)
    for left, right in _PAIRS[:2]:  # the whole of a bracketed aside: "(a former engineer)"
        if (
            text[start - 1 : start] == left
            and text[end : end + 1] == right
            and limit[0] < start < end < limit[1]
        ):
            return start - 1, end + 1
    if piece.count('"') % 2:  # a straight mark opens when a word follows it, else it closes
        last = piece.rindex('"')
        if last + 1 < len(piece) and not piece[last + 1].isspace():
            end = _reach(text, end, limit[1], '"', forward=True, default=end)
        else:
            start = _reach(text, start, limit[0], '"', forward=False, default=start)
    return start, end


def _reach(text: str, at: int, stop: int, mark: str, *, forward: bool, default: int) -> int:
    """Just past (or at) ``mark`` when only spaces and punctuation lie between, else ``default``."""
    step = 1 if forward else -1
    i = at if forward else at - 1
    while (i < stop) if forward else (i >= stop):
        ch = text[i]
        if ch == mark:
            return i + 1 if forward else i
        if ch.isalnum() or ch == "\n":
            return default
        i += step
    return default


def _char_range(doc: _Doc, first: int, last: int, offset: int) -> tuple[int, int]:
    if first < last:
        return doc.starts[first] + offset, doc.ends[last - 1] + offset
    at = doc.starts[first] if first < len(doc.starts) else (doc.ends[-1] if doc.ends else 0)
    return at + offset, at + offset


def changes(edits: Iterable[Edit]) -> tuple[str, ...]:
    """Human-readable edits (``added "tyrant"``, ``dropped "reportedly"``, ``"said" -> "claimed"``)."""
    out = []
    for e in edits:
        a, b = " ".join(e.a_text.split()), " ".join(e.b_text.split())
        if e.op == "insert":
            out.append(f'added "{b}"')
        elif e.op == "delete":
            out.append(f'dropped "{a}"')
        elif e.op == "replace":
            out.append(f'"{a}" -> "{b}"')
    return tuple(out)
