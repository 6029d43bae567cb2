"""Pairwise "same fact?" features between sentences, computed block-wise with sparse set algebra.

Each sentence is reduced once to three small sets (content lemmas, named-entity words, normalised numbers)
and a word count; a block of sentence pairs then costs a few sparse matrix products instead of a Python
loop per pair. That keeps a 50-source x 40-sentence story (about two million cross-source pairs) fast.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from newsprism.model import Sentence, Source, Token
from newsprism.segment._rules import CAPITALS

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

# Feature order is part of the scorer's contract (weights in scorer.py are learned in this order).
FEATURES: tuple[str, ...] = (
    "cosine",  # embedding cosine (MiniLM, L2-normalised rows)
    "lemma_dice",  # 2|A∩B| / (|A|+|B|) over content lemmas
    "lemma_cover",  # |A∩B| / min(|A|, |B|): one sentence contained in the other
    "entity_dice",  # dice over words inside named entities
    "entity_clash",  # both name entities but share none of them
    "number_match",  # |A∩B| / |A∪B| over normalised numbers, 0 when either side has none
    "number_clash",  # both give numbers and they differ (1 - match), else 0
    "length_ratio",  # min(words) / max(words)
)
LEXICAL_FEATURES: tuple[str, ...] = FEATURES[1:]

_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM", "X"})
_NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)
# Function words plus news boilerplate verbs ("say"): they occur in almost every attributed sentence and
# would make unrelated sentences look alike.
_STOP_WORDS = """
    a about above after again against all also am an and any are as at be been before being below between
    both but by can could did do does doing down during each few for from further had has have having he her
    here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not
    now of off on once only or other our ours out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself 's 've 're 'll 'd n't
    say tell said says told mr mrs ms dr -pron- would may might must shall"""
_STOP = frozenset(_STOP_WORDS.split())
_SMALL_NUMBERS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty"
)
_TENS = {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_WORD_NUMBERS = {w: i for i, w in enumerate(_SMALL_NUMBERS.split())} | _TENS
_SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bln": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
}
_NUMERIC = re.compile(r"^[$€£¥]?([0-9][0-9,]*(?:\.[0-9]+)?)(%|[a-z]{1,2})?$")
_DASHES = frozenset({"-", "--", "–", "—"})
_DATELINE_RE = re.compile(
    rf"^[{CAPITALS}][{CAPITALS}'. ]+(,[^-–—(]{{0,30}})?\s*(\([^)]{{1,30}}\))?\s*(-|--|–|—)\s"
)
_WORD_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.,%$-]*")


@dataclass(frozen=True, slots=True)
class SentenceSignature:
    """What pair scoring needs to know about one sentence, computed once per sentence."""

    lemmas: frozenset[str]
    entities: frozenset[str]
    numbers: frozenset[str]
    words: int


def _number_value(text: str) -> float | None:
    low = text.lower()
    if low in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[low])
    m = _NUMERIC.match(low)
    if not m:
        return None
    try:
        value = float(m.group(1).replace(",", ""))
    except ValueError:
        return None
    suffix = m.group(2) or ""
    return value * _SCALES[suffix] if suffix in _SCALES else value


def _format_number(value: float) -> str:
    if value.is_integer():
        return str(int(value))
    return f"{value:.6g}"


def _numbers(words: Sequence[str]) -> frozenset[str]:
    """Numbers with their scale words folded in, so "2.5 billion" and "2,500 million" agree."""
    out: set[str] = set()
    for k, word in enumerate(words):
        value = _number_value(word)
        if value is None or (word.lower() in _WORD_NUMBERS and value == 0):
            continue
        if k + 1 < len(words):
            scale = _SCALES.get(words[k + 1].lower().rstrip("."))
            if scale is not None and scale >= 1e3:
                value *= scale
        out.add(_format_number(value))
    return frozenset(out)


def _dateline_length(words: Sequence[str]) -> int:
    """How many leading words form a wire dateline ("DREL, Nov 13 (Reuters) -", "PORT ASTER —"), else 0.

    A dateline is place, date and agency, not part of the fact: left in, it makes every lead sentence of
    a wire story share (or clash on) words no other outlet's version of the fact has.
    """
    k = 0
    while k < len(words) and len(words[k]) > 1 and words[k].isalpha() and words[k].isupper():
        k += 1
    if k == 0:
        return 0
    if k < len(words) and words[k] == ",":
        k += 1
        while k < len(words) and k <= 6 and words[k] not in _DASHES and words[k] != "(":
            k += 1
    if k < len(words) and words[k] == "(":
        close = k + 1
        while close < len(words) and close < k + 6 and words[close] != ")":
            close += 1
        k = close + 1 if close < len(words) and words[close] == ")" else k
    return k + 1 if k < len(words) and words[k] in _DASHES else 0


def signature_from_tokens(tokens: Sequence[Token]) -> SentenceSignature:
    """Reduce parsed tokens (lemma, POS, entity type) to the sets the scorer compares."""
    lemmas: set[str] = set()
    entities: set[str] = set()
    words: list[str] = []
    tokens = [t for t in tokens if not t.is_space]
    tokens = tokens[_dateline_length([t.text for t in tokens]) :]
    for tok in tokens:
        if tok.is_space or tok.pos in ("PUNCT", "SPACE", "SYM"):
            continue
        words.append(tok.text)
        lemma = (tok.lemma or tok.text).lower()
        if tok.pos in _CONTENT_POS and lemma not in _STOP and any(c.isalnum() for c in lemma):
            lemmas.add(lemma)
        if tok.ent_type in _NAME_LABELS and tok.text.lower() not in _STOP:
            entities.add(tok.text.lower())
    return SentenceSignature(frozenset(lemmas), frozenset(entities), _numbers(words), len(words))


def signature_from_text(text: str) -> SentenceSignature:
    """Fallback when a source carries no parse: lowercase words as lemmas, capitalised words as names."""
    dateline = _DATELINE_RE.match(text)
    if dateline:
        text = text[dateline.end() :]
    words = [w.rstrip(".,") for w in _WORD_RE.findall(text)]
    words = [w for w in words if w]
    lemmas = {w.lower() for w in words if w.lower() not in _STOP}
    entities = {w.lower() for k, w in enumerate(words) if k > 0 and w[0].isupper() and w.lower() not in _STOP}
    return SentenceSignature(frozenset(lemmas), frozenset(entities), _numbers(words), len(words))


def signature(source: Source, sentence: Sentence) -> SentenceSignature:
    tokens = source.sentence_tokens(sentence) if source.tokens else ()
    if tokens:
        return signature_from_tokens(tokens)
    return signature_from_text(sentence.text)


class FeatureIndex:
    """Sparse indicator matrices of every sentence's sets; pair features for any block of rows x columns."""

    def __init__(self, signatures: Sequence[SentenceSignature], vectors: np.ndarray | None) -> None:
        self.vectors = None if vectors is None else np.ascontiguousarray(vectors, dtype=np.float32)
        # (indicator matrix, set sizes) for lemmas, entities, numbers, in that order.
        self._sets = [
            (_indicator(sets), np.array([len(x) for x in sets], dtype=np.float64))
            for sets in (
                [s.lemmas for s in signatures],
                [s.entities for s in signatures],
                [s.numbers for s in signatures],
            )
        ]
        self._words = np.array([max(s.words, 1) for s in signatures], dtype=np.float64)

    def block(
        self,
        rows: np.ndarray,
        cols: np.ndarray,
        *,
        lexical_only: bool = False,
        weights: np.ndarray | None = None,
    ) -> np.ndarray:
        """Features of every (row, col) pair: shape (len(rows), len(cols), n_features), in FEATURES order.

        With ``weights`` the result is the weighted feature sum, shape (len(rows), len(cols)): the scorer's
        linear term without the memory of the full feature stack.
        """
        n_feat = len(LEXICAL_FEATURES if lexical_only else FEATURES)
        if len(rows) == 0 or len(cols) == 0:
            shape = (len(rows), len(cols)) if weights is not None else (len(rows), len(cols), n_feat)
            return np.zeros(shape, dtype=np.float64)
        cosine = None
        if not lexical_only:
            cosine = (self._vectors(rows) @ self._vectors(cols).T).astype(np.float64)
        r, c = rows[:, None], cols[None, :]
        counts = [(_block_intersections(m, rows, cols), n[r], n[c]) for m, n in self._sets]
        return _assemble(cosine, counts, (self._words[r], self._words[c]), weights)

    def pairs(self, left: np.ndarray, right: np.ndarray, *, lexical_only: bool = False) -> np.ndarray:
        """Features of the aligned pairs (left[k], right[k]): shape (len(left), n_features)."""
        cosine = None
        if not lexical_only:
            cosine = np.einsum("ij,ij->i", self._vectors(left), self._vectors(right)).astype(np.float64)
        counts = [(_pair_intersections(m, left, right), n[left], n[right]) for m, n in self._sets]
        return _assemble(cosine, counts, (self._words[left], self._words[right]))

    def _vectors(self, idx: np.ndarray) -> np.ndarray:
        if self.vectors is None:
            raise ValueError("embedding features asked for but the sentences carry no vectors")
        return np.asarray(self.vectors[idx])


Counts = tuple[np.ndarray, np.ndarray, np.ndarray]


def _assemble(
    cosine: np.ndarray | None,
    counts: Sequence[Counts],
    words: tuple[np.ndarray, np.ndarray],
    weights: np.ndarray | None = None,
) -> np.ndarray:
    """Stack the features in FEATURES order (or sum them with ``weights``); ``counts`` is
    (intersection, |A|, |B|) for lemmas, entities, numbers, and every array broadcasts to the output."""
    lemmas, entities, numbers = counts
    inter, la, lb = lemmas
    shape = np.broadcast_shapes(inter.shape, la.shape, lb.shape)
    cols: list[np.ndarray] = [] if cosine is None else [cosine]
    cols += [_safe_div(2 * inter, la + lb), _safe_div(inter, np.minimum(la, lb))]
    inter, ea, eb = entities
    cols += [_safe_div(2 * inter, ea + eb), ((ea > 0) & (eb > 0) & (inter == 0)).astype(np.float64)]
    inter, na, nb = numbers
    both = (na > 0) & (nb > 0)
    match = np.where(both, _safe_div(inter, na + nb - inter), 0.0)
    cols += [match, np.where(both, 1.0 - match, 0.0)]
    wa, wb = words
    cols.append(np.minimum(wa, wb) / np.maximum(wa, wb))
    if weights is not None:
        if len(weights) != len(cols):
            raise ValueError(f"expected {len(cols)} weights, got {len(weights)}")
        total = np.zeros(shape, dtype=np.float64)
        for w, col in zip(weights, cols, strict=True):
            total += w * col
        return total
    return np.stack([np.broadcast_to(c, shape) for c in cols], axis=-1)


def _indicator(sets: Sequence[frozenset[str]]) -> csr_matrix:
    from scipy.sparse import csr_matrix

    vocab: dict[str, int] = {}
    indptr = [0]
    indices: list[int] = []
    for items in sets:
        indices.extend(vocab.setdefault(item, len(vocab)) for item in sorted(items))
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float64)
    shape = (len(sets), len(vocab))
    return csr_matrix((data, np.array(indices, dtype=np.int64), np.array(indptr)), shape=shape)


def _block_intersections(matrix: csr_matrix, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    product = matrix[rows] @ matrix[cols].T
    return np.asarray(product.toarray(), dtype=np.float64)


def _pair_intersections(matrix: csr_matrix, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    product = matrix[left].multiply(matrix[right]).sum(axis=1)
    return np.asarray(product, dtype=np.float64).ravel()


def _safe_div(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    num, den = np.broadcast_arrays(np.asarray(num, dtype=np.float64), np.asarray(den, dtype=np.float64))
    out = np.zeros(num.shape, dtype=np.float64)
    np.divide(num, den, out=out, where=den > 0)
    return out
