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
    AMOUNT,
    ASIDE,
    ATTRIBUTION,
    CHARGE,
    FACTUAL,
    FIGURATIVE,
    FORCES,
    LABEL,
    LOADED,
    MEASURE,
    MONEY,
    NOUN,
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
    Sentence,
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
_HYPHENS = frozenset({"-", "\u2010", "\u2011"})


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
        regions = attributed_regions(source, quotes, self.settings.indirect)
        return found, self.figures(source, found, probs, regions)

    def find_spans(
        self, source: Source, quotes: QuoteFindings, sentence_bias: Sequence[float] = ()
    ) -> list[LanguageSpan]:
        """Loaded spans of one source with voice, category, score and neutral alternative, in text order."""
        regions = attributed_regions(source, quotes, self.settings.indirect)
        candidates = self._lexical_candidates(source, quotes, sentence_bias) + self._scare_quotes(
            source, quotes
        )
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
        self,
        source: Source,
        spans: Sequence[LanguageSpan],
        probs: Sequence[float],
        regions: Sequence[tuple[int, int]] = (),
    ) -> SourceLanguage:
        """Per-source figures. ``biased_share`` is the share of sentences the classifier judges biased in the
        outlet's own voice: a sentence whose loaded words all lie in attributed quotes, or that is mostly
        someone's quoted words and holds no loaded word of the writer's, is not counted (a wire quoting a
        critic's "reckless" is not biased for it). ``sentence_bias`` keeps every sentence's probability."""
        authorial = [s for s in spans if s.voice == "authorial"]
        words = max(1, source.article.words)
        per_100 = 100.0 * len(authorial) / words
        weight: dict[str, float] = defaultdict(float)
        for s in authorial:
            weight[s.text.lower()] += s.score
        top = sorted(weight, key=lambda t: (-weight[t], t))[: self.settings.top_terms]
        biased = sum(
            p >= self.settings.biased_threshold and not _quoted_bias(sentence, spans, regions)
            for sentence, p in zip(source.sentences, probs, strict=False)
        )
        return SourceLanguage(
            loadedness=round(1.0 - math.exp(-per_100 / self.settings.loadedness_scale), 4),
            per_100_words=round(per_100, 3),
            biased_share=round(biased / len(probs), 4) if probs else 0.0,
            sentence_bias=tuple(round(p, 4) for p in probs),
            top_terms=tuple(top),
        )

    # ------------------------------------------------------------------ candidates

    def _lexical_candidates(
        self, source: Source, quotes: QuoteFindings, sentence_bias: Sequence[float] = ()
    ) -> list[tuple[int, int, Entry, int]]:
        out: list[tuple[int, int, Entry, int]] = []
        learned = self.lexicon.learned
        parse = _Parse(source, quotes)
        for sentence in source.sentences:
            toks = [t for t in source.sentence_tokens(sentence) if not t.is_space]
            lowers = [t.text.lower() for t in toks]
            lemmas = [t.lemma.lower() for t in toks]
            # words known only from the learned scores need the classifier's agreement, when it has run
            learned_ok = not (
                0 <= sentence.index < len(sentence_bias)
                and sentence_bias[sentence.index] < self.settings.learned_context_min
            )
            i = 0
            while i < len(toks):
                last = _compound_end(toks, i)
                phrase = self.lexicon.phrase_at(lowers, lemmas, i)
                if phrase is not None and (
                    phrase[1].use != ASIDE or parse.aside(toks[i], toks[i + phrase[0] - 1])
                ):
                    n, entry = phrase
                    out.append((toks[i].start, toks[i + n - 1].end, entry, sentence.index))
                    i = max(i + n, last + 1)
                    continue
                if last > i:
                    # a hyphenated word: only an entry for the whole compound counts ("low-lying" is not
                    # "lying", "late-night" not "night")
                    found = self._compound(source, toks[i : last + 1], learned_ok)
                    if found is not None:
                        out.append((toks[i].start, toks[last].end, found, sentence.index))
                    i = last + 1
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
                    score = 0.0 if plain else learned.get(lowers[i - 1], 0.0)
                    found = self._entry(tok, score, parse, learned_ok=learned_ok)
                if found is not None:
                    out.append((tok.start, tok.end, found, sentence.index))
        return out

    def _compound(self, source: Source, parts: Sequence[Token], learned_ok: bool) -> Entry | None:
        """The entry of a whole hyphenated word (tokens ``word - word ...``): a hand-list word spelled with
        hyphens ("self-styled"), else its learned score ("tone-deaf"); names only take a listed label."""
        text = source.text[parts[0].start : parts[-1].end].lower()
        words = parts[::2]
        hand = self.lexicon.words.get(text)
        if hand is not None and hand.use is None:
            return hand
        if all(w.ent_type in _NAME_ENTS or w.pos == "PROPN" for w in words) or text in FACTUAL:
            return None
        score = self.lexicon.learned.get(text, 0.0)
        if not learned_ok or score < self.settings.learned_min:
            return None
        first, last = parts[0].i, parts[-1].i
        head = next((w for w in reversed(words) if not first <= w.head <= last), words[-1])
        if head.pos == "ADJ" or (
            head.dep in ("amod", "compound", "nmod", "npadvmod") and head.head != head.i
        ):
            category = ADJECTIVE
        elif head.pos in _CONTENT_POS:
            category = _POS_CATEGORY.get(head.pos, LOADED)
        else:
            return None
        return Entry(category, min(1.0, score / self.settings.learned_min * 0.5))

    def _entry(self, tok: Token, learned: float, parse: _Parse, *, learned_ok: bool = True) -> Entry | None:
        entry = self.lexicon.entry(tok.text, tok.lemma, tok.pos)
        if entry is not None:
            if entry.category == ATTRIBUTION and (not _reports_speech(tok) or parse.physical(tok)):
                return None  # "slammed by Hurricane Michael", "a storm blasted the coast": no one spoke
            if tok.lemma.lower() == "admit" and parse.admitted_somewhere(tok):
                return None  # "was admitted to hospital": let in, not owned up
            if entry.use is not None and not parse.in_use(tok, entry.use):
                # a use the word is not loaded in ("the rockslide claimed two lives", "storms lashed the
                # coast", "a van rammed the gate"): its learned score comes from the loaded use, so it
                # does not flag it either
                return None
            return Entry(entry.category, max(entry.score, learned), entry.neutral)
        if learned_ok and learned >= self.settings.learned_min and tok.pos in _CONTENT_POS:
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
# Things a fire, storm or blast damages: "destroyed" and "wrecked" of them are plain reporting.
_STRUCTURES = frozenset(
    {
        "home",
        "house",
        "building",
        "warehouse",
        "factory",
        "plant",
        "bridge",
        "road",
        "car",
        "vehicle",
        "truck",
    }
    | {"bus", "boat", "ship", "vessel", "tank", "aircraft", "plane", "helicopter", "crop", "farm", "barn"}
    | {"shop", "store", "school", "hospital", "church", "mosque", "temple", "apartment", "flat", "block"}
    | {
        "tower",
        "dam",
        "wall",
        "roof",
        "village",
        "hut",
        "shelter",
        "depot",
        "office",
        "property",
        "structure",
    }
    | {"dwelling", "cabin", "hangar", "garage", "market", "station", "pier", "jetty", "harbour", "port"}
)
# What a measure pushed through is ("rammed the budget through"), and where it is pushed through.
_MEASURES = frozenset(
    {"bill", "budget", "law", "legislation", "measure", "plan", "reform", "policy", "package", "motion"}
    | {"amendment", "proposal", "deal", "decree", "ordinance", "rule", "change", "tax", "cut", "scheme"}
    | {"treaty", "agreement", "resolution", "vote", "project", "merger", "regulation", "act"}
)
_BODIES = frozenset(
    {"council", "parliament", "congress", "senate", "house", "assembly", "committee", "legislature"}
    | {"chamber", "board", "cabinet", "commons", "lords", "bundestag", "diet"}
)
# Charges one is "slapped with" ("slaps homeowners with a tax hike", "slapped a tariff on imports").
_CHARGES = frozenset(
    {"tax", "levy", "fine", "fee", "tariff", "charge", "surcharge", "penalty", "ban", "duty", "sanction"}
    | {"hike", "rise", "increase", "lawsuit", "suit", "restriction", "toll", "bill", "injunction", "curfew"}
    | {"cap", "rate", "embargo", "sanctions", "order"}
)
# Amounts that "balloon" ("costs ballooned", "the plan balloons spending", "ballooning debt").
_AMOUNTS = _MONEY_NOUNS | frozenset(
    {"cost", "costs", "spending", "spend", "debt", "deficit", "budget", "price", "bill", "payroll"}
    | {"borrowing", "tax", "rent", "fare", "overrun", "number", "figure", "total", "size", "backlog"}
    | {"overtime", "estimate", "loss", "losses", "liability", "premium", "interest"}
)
_ASIDE_OPEN = frozenset({",", "—", "–", "("})
_ASIDE_CLOSE = frozenset({",", "—", "–", ")", ".", "!", "?", ";"})
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
        places = self.objects_of(tok, ("to", "into"))
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
        aimed = self.objects_of(tok, ("at", "about", "against", "of"))
        if aimed:
            subjects = [k for k in kids if k.dep == "nsubj"]
            return any(_personal(t) for t in subjects + aimed)
        return False

    def objects_of(
        self, tok: Token, preps: tuple[str, ...], *, agent: bool = False, particle: bool = False
    ) -> list[Token]:
        """The objects of ``tok``'s prepositions among ``preps`` ("snapped at reporters" -> reporters); with
        ``agent`` also of a passive's "by", with ``particle`` also of a particle tagged as one."""
        deps = {"prep"} | ({"prt"} if particle else set())
        return [
            g
            for k in self.children[tok.i]
            if (k.dep in deps and k.text.lower() in preps) or (agent and k.dep == "agent")
            for g in self.children[k.i]
            if g.dep == "pobj"
        ]

    def in_use(self, tok: Token, use: str) -> bool:
        """The token is used in the sense that makes its lexicon entry loaded (see language_lexicon)."""
        if use == SPEECH:
            return self.speech(tok)
        if use == MONEY:
            return self.money(tok)
        if use == MEASURE:
            return self.measure(tok)
        if use == CHARGE:
            return self.charge(tok)
        if use == AMOUNT:
            return self.amount(tok)
        if use == FIGURATIVE:
            return not self.physical(tok)
        if use == NOUN:
            return tok.pos == "NOUN" and tok.dep != "compound"
        if use == ASIDE:
            return self.aside(tok, tok)
        return True

    def _neighbour(self, tok: Token, step: int) -> Token | None:
        j = tok.i + step
        while 0 <= j < len(self.tokens) and self.tokens[j].is_space:
            j += step
        return self.tokens[j] if 0 <= j < len(self.tokens) else None

    def aside(self, first: Token, last: Token) -> bool:
        """Words set off as a comment ("Marchetti, as usual, claimed", "Most of them, naturally, are")."""
        before, after = self._neighbour(first, -1), self._neighbour(last, 1)
        return (
            before is not None
            and after is not None
            and before.text in _ASIDE_OPEN
            and after.text in _ASIDE_CLOSE
        )

    def physical(self, tok: Token) -> bool:
        """The verb reports physical damage: done by a fire, storm or blast, or to a building or vehicle."""
        kids = self.children[tok.i]
        doers = [k for k in kids if k.dep == "nsubj"] + self.objects_of(tok, ("in", "by"), agent=True)
        things = [k for k in kids if k.dep in ("dobj", "nsubjpass")]
        if tok.dep in ("acl", "amod") and tok.head != tok.i:
            things.append(self.tokens[tok.head])  # "homes destroyed in the flood"
        named = [c for d in doers for c in self.children[d.i] if c.dep == "compound"]  # "Hurricane Michael"
        return any(d.lemma.lower() in FORCES for d in doers + named) or any(
            t.lemma.lower() in _STRUCTURES for t in things
        )

    def measure(self, tok: Token) -> bool:
        """A law, budget or plan pushed through ("rammed the budget through a rubber-stamp council", "the
        bill was railroaded through parliament"), not "a van rammed the gate"."""
        if tok.pos != "VERB":
            return False
        kids = self.children[tok.i]
        if any(k.dep in ("dobj", "nsubjpass") and k.lemma.lower() in _MEASURES for k in kids):
            return True
        return any(g.lemma.lower() in _BODIES for g in self.objects_of(tok, ("through",), particle=True))

    def charge(self, tok: Token) -> bool:
        """A tax, fine or ban imposed ("slaps homeowners with a tax hike", "slapped a tariff on steel")."""
        if tok.pos != "VERB":
            return False
        kids = self.children[tok.i]
        objects = [k for k in kids if k.dep in ("dobj", "nsubjpass")] + self.objects_of(tok, ("with", "on"))
        return any(o.lemma.lower() in _CHARGES or o.text.lower() in _CHARGES for o in objects)

    def amount(self, tok: Token) -> bool:
        """Growth of an amount: a subject, object or clause about money or costs ("costs ballooned", "the
        plan balloons spending" even when tagged a noun), or the amount a modifier describes ("ballooning
        debt"); "weather balloons" have none."""
        related = list(self.children[tok.i])
        related += [g for k in related if k.dep == "prep" for g in self.children[k.i] if g.dep == "pobj"]
        if tok.dep in ("amod", "compound") and tok.head != tok.i:
            related.append(self.tokens[tok.head])
        return any(
            r.ent_type in ("MONEY", "PERCENT") or r.lemma.lower() in _AMOUNTS or r.text.lower() in _AMOUNTS
            for r in related
        )

    def money(self, tok: Token) -> bool:
        """The adjective modifies, or the verb takes as its object, a sum of money."""
        if tok.pos == "ADJ":
            if tok.dep != "amod" or tok.head == tok.i:
                return False
            return _is_money(self.tokens[tok.head])
        return any(k.dep == "dobj" and _is_money(k) for k in self.children[tok.i])


def _compound_end(toks: Sequence[Token], i: int) -> int:
    """Index of the last part of the hyphenated word starting at ``toks[i]`` (``i`` itself if none)."""
    j = i
    while (
        j + 2 < len(toks)
        and toks[j + 1].text in _HYPHENS
        and toks[j].end == toks[j + 1].start
        and toks[j + 1].end == toks[j + 2].start
        and toks[j].text[-1:].isalnum()
        and toks[j + 2].text[:1].isalnum()
    ):
        j += 2
    return j


def _quoted_bias(
    sentence: Sentence, spans: Sequence[LanguageSpan], regions: Sequence[tuple[int, int]]
) -> bool:
    """The sentence's bias is someone else's: it holds no loaded word of the writer's, and either loaded
    words inside quotes or mostly quoted words ("'It is a reckless spree,' Stahl said")."""
    inside = [s for s in spans if sentence.start <= s.start < sentence.end]
    if any(s.voice == "authorial" for s in inside):
        return False
    if inside:
        return True
    length = sentence.end - sentence.start
    quoted = sum(max(0, min(b, sentence.end) - max(a, sentence.start)) for a, b in _merged(regions))
    return length > 0 and quoted * 2 >= length


def _merged(regions: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(regions):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


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
    s = at(source.sentences, offset)
    return s.index if s is not None else -1


def _without_source(span: LanguageSpan) -> dict[str, object]:
    """The report shape of one span without its source id: a per-line row has no sources."""
    from newsprism.report.json import language_to_dict

    row = language_to_dict(span)
    del row["source"]
    return row
