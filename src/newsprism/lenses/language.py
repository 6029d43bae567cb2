"""Language lens: each outlet's own loaded language, kept apart from loaded words it quotes.

Spans come from hand lexicons (insults, mocking adjectives, judging attribution verbs, intensifiers,
framing phrases), learned word scores (BABE, PTC, BASIL) and scare quotes. The voice of a span is decided by
the attribution detection the quotes lens also uses (its quote content spans), plus
:func:`attributed_claim_spans` for claims the quotes lens does not expose yet ("dismissed by Kyiv as a
bare-faced land grab"). A small classifier gives every sentence a bias probability.
"""

from __future__ import annotations

import dataclasses
import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from functools import cached_property
from typing import TYPE_CHECKING

from newsprism.lenses.language_lexicon import (
    ADJECTIVE,
    ADVERB,
    ATTRIBUTION,
    FACTUAL,
    LABEL,
    LOADED,
    MONEY,
    SCARE_QUOTES,
    SPEECH,
    VERB,
    Entry,
    Lexicon,
    neutral_form,
)
from newsprism.model import (
    ArticleFindings,
    LanguageFindings,
    LanguageSpan,
    Quote,
    QuoteFindings,
    Source,
    SourceLanguage,
    Story,
    Token,
    Voice,
    at,
)
from newsprism.settings import IndirectPolicy, LanguageSettings

if TYPE_CHECKING:
    from newsprism.embed import Embedder
    from newsprism.lenses.language_model import SentenceBias
    from newsprism.segment import Segmenter

__all__ = [
    "LanguageLens",
    "LanguageSettings",
    "attributed_claim_spans",
    "rank_outlets",
    "scare_quote_spans",
    "score_lines",
    "span_voice",
]


# Entity types whose words are names, not word choices ("Chinese" in a name, "Wuhan", dates).
_NAME_ENTS = frozenset(
    [
        "PERSON",
        "ORG",
        "GPE",
        "LOC",
        "FAC",
        "DATE",
        "TIME",
        "CARDINAL",
        "MONEY",
        "PERCENT",
        "QUANTITY",
        "ORDINAL",
        "EVENT",
        "WORK_OF_ART",
        "LAW",
    ]
)
_CONTENT_POS = frozenset({"ADJ", "ADV", "NOUN", "VERB"})
# Verbs that put a description in someone's mouth: "X dismissed the vote as a sham", "was branded a traitor".
CLAIM_CUES = frozenset(
    {"describe", "dismiss", "denounce", "brand", "label", "call", "dub", "deride", "portray", "characterize"}
    | {"characterise", "depict", "cast"}
)


class LanguageLens:
    """The lens the pipeline calls. Models (word scores, classifier, embedder if needed) load on first use."""

    def __init__(
        self,
        settings: LanguageSettings | None = None,
        *,
        lexicon: Lexicon | None = None,
        bias: SentenceBias | None = None,
        embedder: Embedder | None = None,
        segmenter: Segmenter | None = None,
    ) -> None:
        self.settings = settings or LanguageSettings()
        self.lexicon = lexicon or Lexicon()
        self._bias = bias
        self._embedder = embedder
        self._segmenter = segmenter

    @cached_property
    def bias(self) -> SentenceBias:
        if self._bias is not None:
            return self._bias
        from newsprism.lenses.language_model import SentenceBias

        return SentenceBias(self.lexicon.learned, embedder=self._embedder)

    @cached_property
    def segmenter(self) -> Segmenter:
        """Only the per-line mode needs one; the pipeline hands over sources it already segmented."""
        if self._segmenter is not None:
            return self._segmenter
        from newsprism.segment import Segmenter

        return Segmenter()

    def article(self, source: Source, found: ArticleFindings) -> ArticleFindings:
        """Spans and figures of one article, once the quotes lens has left its attributions (the voice
        of a span depends only on the article's own quotes)."""
        if found.attributions is None:
            return found
        quotes = QuoteFindings(quotes=tuple(q for a in found.attributions for q in a.quotes))
        spans, figures = self.analyse_source(source, quotes)
        return dataclasses.replace(found, language_spans=tuple(spans), language=figures)

    def __call__(self, story: Story, quotes: QuoteFindings) -> LanguageFindings:
        spans: list[LanguageSpan] = []
        per_source: dict[str, SourceLanguage] = {}
        for src in story.sources:
            known = src.findings
            if known is not None and known.language is not None and known.language_spans is not None:
                found = [dataclasses.replace(s, source=src.id) for s in known.language_spans]
                figures = known.language
            else:
                found, figures = self.analyse_source(src, quotes)
            spans.extend(found)
            per_source[src.id] = figures
        return LanguageFindings(spans=tuple(spans), per_source=per_source)

    def analyse_source(
        self, source: Source, quotes: QuoteFindings
    ) -> tuple[list[LanguageSpan], SourceLanguage]:
        """Spans and per-source figures of one segmented source."""
        texts = [s.text for s in source.sentences]
        probs = [float(p) for p in self.bias(texts, source.vectors)] if texts else []
        found = self.find_spans(source, quotes, probs)
        return found, self.figures(source, found, probs)

    def find_spans(
        self, source: Source, quotes: QuoteFindings, sentence_bias: Sequence[float] = ()
    ) -> list[LanguageSpan]:
        """Loaded spans of one source with voice, category, score and neutral alternative, in text order."""
        regions = attributed_regions(source, quotes, self.settings.indirect)
        candidates = self._lexical_candidates(source, quotes) + self._scare_quotes(source, quotes)
        out: list[LanguageSpan] = []
        taken: list[tuple[int, int]] = []
        for start, end, entry, sent in sorted(candidates, key=lambda c: (c[0], -c[1])):
            if any(a < end and start < b for a, b in taken):
                continue
            taken.append((start, end))
            context = sentence_bias[sent] if 0 <= sent < len(sentence_bias) else entry.score
            w = self.settings.context_weight
            score = round(min(1.0, max(0.0, (1 - w) * entry.score + w * context)), 3)
            text = source.text[start:end]
            voice = _voice(start, end, regions)
            out.append(
                LanguageSpan(
                    source=source.id,
                    start=start,
                    end=end,
                    text=text,
                    voice=voice,
                    category=entry.category,
                    score=score,
                    neutral=neutral_form(entry, text),
                )
            )
        return out

    def figures(
        self, source: Source, spans: Sequence[LanguageSpan], probs: Sequence[float]
    ) -> SourceLanguage:
        authorial = [s for s in spans if s.voice == "authorial"]
        words = max(1, source.article.words)
        per_100 = 100.0 * len(authorial) / words
        weight: dict[str, float] = defaultdict(float)
        for s in authorial:
            weight[s.text.lower()] += s.score
        top = sorted(weight, key=lambda t: (-weight[t], t))[: self.settings.top_terms]
        biased = sum(p >= self.settings.biased_threshold for p in probs)
        return SourceLanguage(
            loadedness=round(1.0 - math.exp(-per_100 / self.settings.loadedness_scale), 4),
            per_100_words=round(per_100, 3),
            biased_share=round(biased / len(probs), 4) if probs else 0.0,
            sentence_bias=tuple(round(p, 4) for p in probs),
            top_terms=tuple(top),
        )

    # ------------------------------------------------------------------ candidates

    def _lexical_candidates(self, source: Source, quotes: QuoteFindings) -> list[tuple[int, int, Entry, int]]:
        out: list[tuple[int, int, Entry, int]] = []
        learned = self.lexicon.learned
        parse = _Parse(source, quotes)
        for sentence in source.sentences:
            toks = [t for t in source.sentence_tokens(sentence) if not t.is_space]
            lowers = [t.text.lower() for t in toks]
            lemmas = [t.lemma.lower() for t in toks]
            i = 0
            while i < len(toks):
                phrase = self.lexicon.phrase_at(lowers, lemmas, i)
                if phrase is not None:
                    n, entry = phrase
                    out.append((toks[i].start, toks[i + n - 1].end, entry, sentence.index))
                    i += n
                    continue
                tok = toks[i]
                i += 1
                if not any(c.isalpha() for c in tok.text):
                    continue
                if tok.ent_type in _NAME_ENTS or tok.pos == "PROPN":
                    # a name is never loaded, but a listed insult prefixed to one is tagged as part of it
                    # ("Warmonger Dorin Valcesku")
                    found = self.lexicon.entry(tok.text, tok.text.lower(), "NOUN")
                    if found is None or found.category != LABEL:
                        continue
                else:
                    plain = lowers[i - 1] in FACTUAL or tok.lemma.lower() in FACTUAL
                    found = self._entry(tok, 0.0 if plain else learned.get(lowers[i - 1], 0.0), parse)
                if found is not None:
                    out.append((tok.start, tok.end, found, sentence.index))
        return out

    def _entry(self, tok: Token, learned: float, parse: _Parse) -> Entry | None:
        entry = self.lexicon.entry(tok.text, tok.lemma, tok.pos)
        if entry is not None:
            if entry.category == ATTRIBUTION and not _reports_speech(tok):
                return None
            if tok.lemma.lower() == "admit" and parse.admitted_somewhere(tok):
                return None  # "was admitted to hospital": let in, not owned up
            if (entry.use == SPEECH and not parse.speech(tok)) or (
                entry.use == MONEY and not parse.money(tok)
            ):
                # a use the word is not loaded in ("the rockslide claimed two lives", "storms lashed the
                # coast"): its learned score comes from the loaded use, so it does not flag it either
                return None
            return Entry(entry.category, max(entry.score, learned), entry.neutral)
        if learned >= self.settings.learned_min and tok.pos in _CONTENT_POS:
            return Entry(
                _POS_CATEGORY.get(tok.pos, LOADED), min(1.0, learned / self.settings.learned_min * 0.5)
            )
        return None

    def _scare_quotes(self, source: Source, quotes: QuoteFindings) -> list[tuple[int, int, Entry, int]]:
        """Scare quotes: the writer's distancing ("the “referendum”"), always in the writer's voice."""
        return [
            (start, end, Entry(SCARE_QUOTES, 0.6), _sentence_index(source, start))
            for start, end in scare_quote_spans(source, quotes)
        ]

    # ------------------------------------------------------------------ per-line mode

    def score_lines(self, lines: Iterable[str], *, batch: int = 64) -> Iterator[dict[str, object]]:
        """One JSON-ready object per input line: text, bias probability, spans (offsets into the line)."""
        from newsprism.lenses.quotes import QuoteLens

        quote_lens = QuoteLens()
        chunk: list[str] = []
        for line in lines:
            chunk.append(line.rstrip("\r\n"))
            if len(chunk) >= batch:
                yield from self._score_chunk(chunk, quote_lens)
                chunk = []
        if chunk:
            yield from self._score_chunk(chunk, quote_lens)

    def _score_chunk(self, lines: list[str], quote_lens: object) -> Iterator[dict[str, object]]:
        from newsprism.model import Article

        live = [(n, text) for n, text in enumerate(lines) if text.strip()]
        sources = self.segmenter.pipe([(Article(id=f"l{n}", text=t), f"l{n}") for n, t in live])
        probs: list[float] = [float(p) for p in self.bias([t for _, t in live])] if live else []
        by_line = {n: (src, float(p)) for (n, _), src, p in zip(live, sources, probs, strict=True)}
        for n, text in enumerate(lines):
            if n not in by_line:
                yield {"text": text, "bias": 0.0, "spans": []}
                continue
            src, prob = by_line[n]
            quotes = quote_lens(Story(sources=(src,))) if callable(quote_lens) else QuoteFindings()
            spans = self.find_spans(src, quotes, [prob] * len(src.sentences))
            yield {
                "text": text,
                "bias": round(prob, 4),
                "spans": [_without_source(s) for s in spans],
            }


_POS_CATEGORY = {"ADJ": ADJECTIVE, "ADV": ADVERB, "VERB": VERB, "NOUN": LOADED}


def score_lines(lines: Iterable[str], lens: LanguageLens | None = None) -> Iterator[dict[str, object]]:
    """``newsprism language --per-line``: one object per line with ``text``, ``bias`` and ``spans``."""
    return (lens or LanguageLens()).score_lines(lines)


def rank_outlets(findings: LanguageFindings, story: Story) -> list[tuple[str, float]]:
    """Outlets of a story from most to least loaded (authorial loadedness 0-1), ties by outlet name."""
    rows = [
        (src.outlet, findings.per_source[src.id].loadedness)
        for src in story.sources
        if src.id in findings.per_source
    ]
    return sorted(rows, key=lambda r: (-r[1], r[0]))


# --------------------------------------------------------------------------- voice


def attributed_regions(
    source: Source, quotes: QuoteFindings, indirect: IndirectPolicy = "describe"
) -> list[tuple[int, int]]:
    """Character spans whose words belong to someone other than the writer.

    Words in quotation marks are the speaker's (direct quotes, the quoted fragments of mixed quotes, and
    longer quoted passages the quotes lens left unattributed); short unattributed quoted words are the
    writer's scare quotes. Paraphrased (indirect) content is the writer's wording, except a description
    a verb like "described ... as" or "dismissed ... as" hands to its source (``indirect="describe"``).
    BASIL's annotators judge it the same way (docs/benchmarks.md); ``"all"`` treats every paraphrase as
    attributed, ``"none"`` none.
    """
    from newsprism.lenses.attribution import quote_spans

    marks = quote_spans(source.text)
    scare = set(scare_quote_spans(source, quotes))
    regions = [m for m in marks if m not in scare]
    for q in quotes.quotes:
        if q.source != source.id:
            continue
        if (
            (q.kind == "direct" and (q.start, q.end) not in scare)
            or indirect == "all"
            or (indirect == "describe" and _describes(source, q))
        ):
            regions.append((q.start, q.end))
    if indirect != "none":
        regions.extend(attributed_claim_spans(source))
    return regions


def scare_quote_spans(source: Source, quotes: QuoteFindings) -> list[tuple[int, int]]:
    """Short quoted words (one to three, lower case) that no quote with a speaker covers: the writer's."""
    from newsprism.lenses.attribution import quote_spans

    spoken = [(q.start, q.end) for q in quotes.quotes if q.source == source.id and q.speaker_span]
    out = []
    for start, end in quote_spans(source.text):
        inner = source.text[start + 1 : end - 1].strip(" ,.!?'\"“”‘’")
        words = inner.split()
        if not 1 <= len(words) <= 3 or any(w[:1].isupper() for w in words):
            continue
        if not any(a <= start and end <= b for a, b in spoken):
            out.append((start, end))
    return out


def _describes(source: Source, quote: Quote) -> bool:
    """The quote's cue is a verb of description ("described", "dismissed as", "branded")."""
    if quote.cue_span is None:
        return False
    t = at(source.tokens, quote.cue_span[0])
    if t is not None and t.start == quote.cue_span[0]:
        return t.lemma.lower() in CLAIM_CUES
    return quote.cue.lower() in CLAIM_CUES


def span_voice(
    source: Source, quotes: QuoteFindings, start: int, end: int, indirect: IndirectPolicy = "describe"
) -> Voice:
    """The voice of any span of ``source`` (what the lens would decide for a loaded word found there)."""
    return _voice(start, end, attributed_regions(source, quotes, indirect))


def _voice(start: int, end: int, regions: Sequence[tuple[int, int]]) -> Voice:
    """Attributed when the span lies inside someone's quoted or reported words; the writer's otherwise."""
    return "attributed" if any(a <= start and end <= b for a, b in regions) else "authorial"


def attributed_claim_spans(source: Source) -> list[tuple[int, int]]:
    """Descriptions a sentence puts in a named or described source's mouth, beyond what the quotes lens finds.

    "Kyiv dismissed the vote as a bare-faced land grab", "the vote, dismissed by Kyiv as a land grab",
    "Western governments described those votes as bogus", "she was branded a traitor by her rivals": the
    description after "as" (or the object complement) is the source's, not the writer's. Only verbs with
    a speaker (a subject, or a "by" agent in the passive) count. Kept here until the quotes lens exposes
    such claims; it works on the segmenter's parse and loads nothing.
    """
    toks = source.tokens
    children: dict[int, list[int]] = defaultdict(list)
    for t in toks:
        if t.head != t.i:
            children[t.head].append(t.i)

    def subtree(i: int) -> list[int]:
        out, stack = [], [i]
        while stack:
            j = stack.pop()
            out.append(j)
            stack.extend(children[j])
        return out

    out: list[tuple[int, int]] = []
    for t in toks:
        if t.pos != "VERB" or t.lemma.lower() not in CLAIM_CUES:
            continue
        kids = [toks[c] for c in children[t.i]]
        speaker = any(k.dep == "nsubj" for k in kids) or any(k.dep == "agent" and children[k.i] for k in kids)
        if not speaker and t.dep in ("acl", "relcl", "advcl"):
            speaker = any(k.dep == "agent" for k in kids)
        if not speaker:
            continue
        for k in kids:
            if k.dep == "prep" and k.text.lower() == "as":
                idx = [j for j in subtree(k.i) if j != k.i]
            elif k.dep in ("oprd", "xcomp") or (
                k.dep == "ccomp" and t.lemma.lower() in ("call", "brand", "dub")
            ):
                idx = subtree(k.i)
            else:
                continue
            if idx:
                out.append((toks[min(idx)].start, toks[max(idx)].end))
    return out


_INSTITUTIONS = frozenset(
    {"hospital", "clinic", "ward", "care", "icu", "unit", "school", "university", "college", "bar", "hospice"}
)
# Objects that make a sound verb a speech verb ("barked orders", "mumbled an apology", "snapped a reply").
_SPEECH_OBJECTS = frozenset(
    {"answer", "apology", "command", "comment", "denial", "excuse", "greeting", "insult", "instruction"}
    | {"order", "question", "remark", "reply", "response", "retort", "statement", "threat", "warning"}
    | {"abuse", "obscenity", "slogan", "thanks", "word"}
)
# Nouns of money, for words loaded only about money ("pocketed a bonus", "a fat salary").
_MONEY_NOUNS = frozenset(
    {"salary", "pay", "payout", "payoff", "pay-off", "bonus", "pension", "fee", "cash", "money", "profit"}
    | {"windfall", "cheque", "paycheck", "paycheque", "handout", "income", "wage", "dividend", "fortune"}
    | {"sum", "perk", "expense", "compensation", "severance", "payment", "reward", "allowance", "subsidy"}
    | {"million", "billion", "m", "bn", "pound", "dollar", "euro", "krone", "kroner"}
)
_QUOTE_MARKS = frozenset("\"“”‘’'«»„")
_PERSONAL_PRONOUNS = frozenset({"i", "you", "he", "she", "we", "they"})


class _Parse:
    """Questions about a token's use that need the whole parse (its children) or the quotes lens's cues."""

    def __init__(self, source: Source, quotes: QuoteFindings) -> None:
        self.tokens = source.tokens
        self.children: dict[int, list[Token]] = defaultdict(list)
        for t in source.tokens:
            if t.head != t.i:
                self.children[t.head].append(t)
        # cues of quotes in quotation marks; a paraphrase's cue needs the parse's evidence ("the rockslide
        # claimed two lives" can come back as an indirect quote of "two lives")
        self.cues = {
            q.cue_span[0]
            for q in quotes.quotes
            if q.source == source.id and q.cue_span and q.kind in ("direct", "mixed")
        }

    def admitted_somewhere(self, tok: Token) -> bool:
        """ "Admit" in its let-in sense: passive without a reported clause, or admitted to an institution
        ("was admitted to hospital", "admitted him to the ward"), where "admitted to lying" owns up."""
        kids = self.children[tok.i]
        if any(k.dep in ("ccomp", "xcomp") for k in kids):
            return False
        places = [
            g
            for k in kids
            if k.dep == "prep" and k.text.lower() in ("to", "into")
            for g in self.children[k.i]
            if g.dep == "pobj"
        ]
        return any(k.dep == "auxpass" for k in kids) or any(g.lemma.lower() in _INSTITUTIONS for g in places)

    def speech(self, tok: Token) -> bool:
        """The verb reports speech: it is a quote's cue, heads a quoted or reported clause, has a spoken
        object, or is aimed "at" / "about" / "against" someone ("Varga snapped at reporters")."""
        if tok.pos != "VERB" or tok.dep in ("amod", "compound"):
            return False
        if tok.start in self.cues or tok.dep == "parataxis":
            return True
        kids = self.children[tok.i]
        for k in kids:
            if k.dep in ("ccomp", "parataxis", "xcomp") or (k.dep == "punct" and k.text in _QUOTE_MARKS):
                return True
            if k.dep == "dobj" and k.lemma.lower() in _SPEECH_OBJECTS:
                return True
            if k.dep == "prt" and k.text.lower() == "out":
                return True  # "lashed out at", "hit out"
        aimed = [
            g
            for k in kids
            if k.dep == "prep" and k.text.lower() in ("at", "about", "against", "of")
            for g in self.children[k.i]
            if g.dep == "pobj"
        ]
        if aimed:
            subjects = [k for k in kids if k.dep == "nsubj"]
            return any(_personal(t) for t in subjects + aimed)
        return False

    def money(self, tok: Token) -> bool:
        """The adjective modifies, or the verb takes as its object, a sum of money."""
        if tok.pos == "ADJ":
            if tok.dep != "amod" or tok.head == tok.i:
                return False
            return _is_money(self.tokens[tok.head])
        return any(k.dep == "dobj" and _is_money(k) for k in self.children[tok.i])


def _is_money(tok: Token) -> bool:
    return tok.ent_type == "MONEY" or tok.lemma.lower() in _MONEY_NOUNS


def _personal(tok: Token) -> bool:
    """A named person, group or organisation, or a personal pronoun (not "the cable", "storms")."""
    return (
        tok.ent_type in ("PERSON", "ORG", "NORP")
        or tok.pos == "PROPN"
        or (tok.pos == "PRON" and tok.text.lower() in _PERSONAL_PRONOUNS)
    )


def _reports_speech(tok: Token) -> bool:
    """An attribution verb in use ("claimed that", "insisted", "ranted about"), not "claimed the title"."""
    return tok.pos == "VERB" and tok.dep not in ("amod", "compound")


def _sentence_index(source: Source, offset: int) -> int:
    for s in source.sentences:
        if s.start <= offset < s.end:
            return s.index
    return -1


def _without_source(span: LanguageSpan) -> dict[str, object]:
    """The report shape of one span without its source id: a per-line row has no sources."""
    from newsprism.report.json import language_to_dict

    row = language_to_dict(span)
    del row["source"]
    return row
