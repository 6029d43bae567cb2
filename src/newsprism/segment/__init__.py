"""Sentences, paragraphs, tokens and entities with character offsets into the normalised text.

spaCy's small English pipeline does the parse; a few news-specific rules (``_rules``) then repair the
sentence splits it gets wrong on news copy (datelines, quotes followed by "he said", titles like "Gen.").
Every record carries offsets into ``Article.text`` so the report can prove each finding.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from newsprism.model import Article, Entity, Sentence, Source, Token
from newsprism.segment._chunks import Chunk, chunks, paragraph_starts
from newsprism.segment._long import NOTE_PREFIX, cap_sentences, long_run_note
from newsprism.segment._model import DEFAULT_MODEL, load_pipeline
from newsprism.segment._rules import sentence_starts

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["DEFAULT_MODEL", "Segmenter"]

#: Texts are parsed in pieces of at most this many characters, cut at paragraph breaks (else at
#: sentence ends, else between words), so spaCy's ``max_length`` is never hit.
CHUNK_CHARS = 20_000
#: spaCy's memory grows with the characters parsed in one batch (about 1.3 GB for 400,000), so a batch
#: holds at most this many characters as well as at most ``batch_size`` pieces: memory stays flat
#: however long the article.
BATCH_CHARS = 50_000


class Segmenter:
    """Splits articles into sentences and parses them; the spaCy pipeline loads on first use, once."""

    def __init__(self, model: str = DEFAULT_MODEL, *, batch_size: int = 32) -> None:
        self.model = model
        self.batch_size = batch_size
        self._nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline, loaded (after the hash check) the first time it is needed."""
        if self._nlp is None:
            nlp = load_pipeline(self.model)
            nlp.max_length = max(nlp.max_length, CHUNK_CHARS + 1)
            self._nlp = nlp
        return self._nlp

    def __getstate__(self) -> dict[str, Any]:
        # Ship the settings, not the loaded model: each Ray worker or process loads its own copy once.
        return {"model": self.model, "batch_size": self.batch_size}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["model"], batch_size=state["batch_size"])  # type: ignore[misc]

    def __call__(self, article: Article, source_id: str) -> Source:
        return self.pipe([(article, source_id)])[0]

    def pipe(self, items: Sequence[tuple[Article, str]]) -> list[Source]:
        """Segment many articles at once: batching through ``nlp.pipe`` is about 1.3x faster."""
        nlp = self.nlp
        plan: list[list[Chunk]] = [chunks(article.text, CHUNK_CHARS) for article, _ in items]
        parsed = _parsed(nlp, [chunk for article_chunks in plan for chunk in article_chunks], self.batch_size)
        out = []
        for (article, source_id), article_chunks in zip(items, plan, strict=True):
            pieces = [(chunk, next(parsed)) for chunk in article_chunks]
            out.append(_source(article, source_id, pieces))
        return out


def _parsed(nlp: Language, pieces: list[Chunk], batch_size: int) -> Iterator[Doc]:
    """Parse ``pieces`` in order, in batches of at most ``batch_size`` pieces and ``BATCH_CHARS``
    characters (a piece longer than that is a batch of its own)."""
    batch: list[Chunk] = []
    size = 0
    for piece in [*pieces, None]:
        if batch and (piece is None or len(batch) >= batch_size or size + len(piece.text) > BATCH_CHARS):
            yield from nlp.pipe((_prepared(nlp, c) for c in batch), batch_size=len(batch))
            batch, size = [], 0
        if piece is not None:
            batch.append(piece)
            size += len(piece.text)


def _prepared(nlp: Language, chunk: Chunk) -> Doc:
    """Tokenise and mark paragraph starts so the parser never joins two paragraphs into one sentence."""
    doc = nlp.make_doc(chunk.text)
    for i in paragraph_starts(doc):
        doc[i].is_sent_start = True
    return doc


def _source(article: Article, source_id: str, pieces: list[tuple[Chunk, Doc]]) -> Source:
    text = article.text
    tokens: list[Token] = []
    entities: list[Entity] = []
    sentences: list[Sentence] = []
    breaks = _paragraph_offsets(text)
    longest_cut = 0
    for chunk, doc in pieces:
        base_tok = len(tokens)
        found = sentence_starts(doc)
        starts, cut = cap_sentences(doc, found)
        if cut:
            longest_cut = max(longest_cut, _longest_sentence(doc, found))
        sent_of = _sentence_of_tokens(len(doc), starts, len(sentences))
        for tok in doc:
            tokens.append(_token(tok, chunk.offset, base_tok, sent_of[tok.i]))
        for ent in doc.ents:
            start = chunk.offset + ent.start_char
            end = chunk.offset + ent.end_char
            entities.append(Entity(start=start, end=end, text=text[start:end], label=ent.label_))
        bounds = [*starts, len(doc)]
        for first, last in itertools.pairwise(bounds):
            sentences.append(
                _sentence(text, doc, chunk, source_id, len(sentences), (first, last), base_tok, breaks)
            )
    if longest_cut and not any(w.startswith(NOTE_PREFIX) for w in article.warnings):
        # The reader warns about text without sentence ends; this catches what its check cannot see.
        article = dataclasses.replace(article, warnings=(*article.warnings, long_run_note(longest_cut)))
    return Source(
        id=source_id,
        article=article,
        sentences=tuple(sentences),
        tokens=tuple(tokens),
        entities=tuple(entities),
    )


def _longest_sentence(doc: Doc, starts: list[int]) -> int:
    ends = [int(doc[i].idx) for i in starts[1:]] + [len(doc.text)]
    return max(end - int(doc[i].idx) for i, end in zip(starts, ends, strict=True))


def _sentence_of_tokens(n_tokens: int, starts: list[int], first_index: int) -> list[int]:
    """Sentence index of every token; leading whitespace belongs to the first sentence."""
    out = [first_index] * n_tokens
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else n_tokens
        for i in range(start, end):
            out[i] = first_index + k
    return out


def _token(tok: Any, offset: int, base: int, sent: int) -> Token:
    start = offset + tok.idx
    return Token(
        i=base + tok.i,
        start=start,
        end=start + len(tok.text),
        text=tok.text,
        lemma=tok.lemma_,
        pos=tok.pos_,
        tag=tok.tag_,
        dep=tok.dep_,
        head=base + tok.head.i,
        sent=sent,
        ent_type=tok.ent_type_,
        ent_iob=tok.ent_iob_ or "O",
        is_space=tok.is_space,
    )


def _sentence(
    text: str,
    doc: Doc,
    chunk: Chunk,
    source_id: str,
    index: int,
    span: tuple[int, int],
    base_tok: int,
    breaks: list[int],
) -> Sentence:
    first, last = span
    words = [t for t in doc[first:last] if not t.is_space]
    start = chunk.offset + words[0].idx
    end = chunk.offset + words[-1].idx + len(words[-1].text)
    raw = text[start:end]
    # spaCy and str.strip disagree on a few exotic spaces; the invariant is the Python one.
    start += len(raw) - len(raw.lstrip())
    end -= len(raw) - len(raw.rstrip())
    return Sentence(
        source=source_id,
        index=index,
        start=start,
        end=end,
        text=text[start:end],
        paragraph=_paragraph_of(start, breaks),
        tokens=(base_tok + first, base_tok + last),
    )


def _paragraph_offsets(text: str) -> list[int]:
    from newsprism.segment._chunks import paragraph_breaks

    # Blank lines before the first word do not open a new paragraph.
    return [end for start, end in paragraph_breaks(text) if text[:start].strip()]


def _paragraph_of(position: int, breaks: list[int]) -> int:
    import bisect

    return bisect.bisect_right(breaks, position)
