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
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cached_property
from typing import TYPE_CHECKING

from newsprism.lenses.language_lexicon import (
    ADJECTIVE,
    ADVERB,
    AMOUNT,
    ASIDE,
    ATTRIBUTION,
    CAST_OFF,
    CHARGE,
    DISMISSAL,
    DONE_TO_PERSON,
    DRAINED,
    EPITHET,
    FACTUAL,
    FIGURATIVE,
    FORCES,
    INSTITUTIONAL,
    LABEL,
    LOADED,
    MEASURE,
    METAPHOR,
    MODIFIER,
    MONEY,
    MOOD,
    NOT_DECIDED,
    NOT_STATISTICAL,
    NOT_VERB,
    NOUN,
    PERSON,
    POSSESSED,
    SAYING,
    SCARE_QUOTES,
    SEIZURE,
    SPEECH,
    SPOKEN,
    SQUANDERED,
    TREATED,
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
    sentence_of,
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
    "headline_case",
    "quote_of_span",
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
# Entity types of figures and dates: their words are facts even in lower case ("last week", "two").
_FIGURE_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})
_CONTENT_POS = frozenset({"ADJ", "ADV", "NOUN", "VERB"})


def _is_name(tok: Token) -> bool:
    """A word of a name, a date or a figure: never the outlet's word choice. A lower-case word the tagger
    puts inside a name ("greedy" in a lower-cased headline "greedy mayor varro caged") is a word."""
    if tok.pos == "PROPN":
        return True
    if tok.ent_type not in _NAME_ENTS:
        return False
    return tok.ent_type in _FIGURE_ENTS or not tok.text[:1].islower()


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

    def title_spans(
        self, source: Source, quotes: Callable[[Story], QuoteFindings] | None = None
    ) -> list[LanguageSpan]:
        """Loaded spans of the source's title, with offsets into ``source.article.title``.

        The title is not part of the normalised text that the report's offsets point into (the JSON report
        keeps it apart, in ``sources[].title``), so these spans are not among the story's findings and do
        not count in its figures; ``newsprism language`` shows them above each text. An all-capitals word
        is parsed in lower case ("CROOKED MALVIK CAGED"), and words in quotation marks are someone's
        words, as the headline convention has it ("'Sham trial', wails lawyer"), not scare quotes.
        ``quotes`` is the quotes lens (a default one if not given), for the speakers a title names.
        """
        return self.title_findings(source, quotes)[0]

    def title_findings(
        self, source: Source, quotes: Callable[[Story], QuoteFindings] | None = None
    ) -> tuple[list[LanguageSpan], QuoteFindings]:
        """:meth:`title_spans` and the quotes the quotes lens finds in the title (offsets into the title;
        their ids and speaker ids are the title's own, not the story's), so that a reader can see who a
        title quotes ("'Witch hunt', wails lawyer")."""
        title = source.article.title.strip()
        if not title:
            return [], QuoteFindings()
        from newsprism.model import Article

        article = Article(id=source.id, text=headline_case(source.article.title), outlet=source.outlet)
        (head,) = self.segmenter.pipe([(article, source.id)])
        if quotes is None:
            from newsprism.lenses.quotes import QuoteLens

            quotes = QuoteLens()
        found = quotes(Story(sources=(head,)))
        probs = [float(p) for p in self.bias([s.text for s in head.sentences])] if head.sentences else []
        spans = self.find_spans(head, found, probs, headline=True)
        original = source.article.title
        return [dataclasses.replace(s, text=original[s.start : s.end]) for s in spans], found

    def find_spans(
        self,
        source: Source,
        quotes: QuoteFindings,
        sentence_bias: Sequence[float] = (),
        *,
        headline: bool = False,
    ) -> list[LanguageSpan]:
        """Loaded spans of one source with voice, category, score and neutral alternative, in text order.
        A ``headline`` has no scare quotes: every quoted word in it is someone's."""
        regions = attributed_regions(source, quotes, self.settings.indirect)
        candidates = self._lexical_candidates(source, quotes, sentence_bias)
        if headline:
            from newsprism.lenses.attribution import quote_spans

            regions += quote_spans(source.text)
        else:
            candidates += self._scare_quotes(source, quotes)
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
                if phrase is not None and self._phrase_counts(toks, i, i + phrase[0] - 1, phrase[1], parse):
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
                if _is_name(tok):
                    found = self.lexicon.entry(tok.text, tok.text.lower(), "NOUN")
                    if (
                        tok.pos != "PROPN"
                        and tok.ent_type in _FIGURE_ENTS
                        and self.lexicon.entry(tok.text, tok.lemma, tok.pos) is not None
                    ):
                        # a listed word the tagger puts inside a date or a figure ("after four wasted
                        # years", "a whopping 9 million"): the word in its use, from the hand lists only
                        found = self._entry(tok, 0.0, parse)
                    elif found is not None and _capital_by_place(toks, i - 1):
                        # a listed word capitalised by its place and tagged as a name ("Rubbish.", a
                        # quoted "'Sham trial'" in a headline): the word itself, in its use
                        found = self._entry(tok, 0.0, parse)
                    elif (
                        found is None
                        or found.category != LABEL
                        or (found.use is not None and not parse.in_use(tok, found.use))
                        or _official_name(toks, i - 1, i - 1)
                    ):
                        # a name is never loaded, but a listed insult tagged as part of one counts
                        # ("Warmonger Dorin Valcesku", a title-case "Angry Democrat Thugs"); in the name
                        # of an institution, a law or an office it is the name ("the Criminal Division")
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
        if entry is not None and entry.category == VERB and parse.participle_modifier(tok):
            # a participle before a noun is the adjective when one is listed ("eight wasted years")
            entry = self.lexicon.words.get(tok.text.lower(), entry)
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
            if tok.pos == "VERB" and parse.physical(tok):
                return None  # "an explosion ripped through the depot": a force's damage, told plainly
            if tok.pos == "VERB" and any(
                k.dep == "prt" and (tok.lemma.lower(), k.text.lower()) in _PLAIN_PHRASAL
                for k in parse.children[tok.i]
            ):
                return None  # "the cuts kick in next year": a phrasal verb of its own, plain
            category = ADJECTIVE if parse.participle_modifier(tok) else _POS_CATEGORY.get(tok.pos, LOADED)
            return Entry(category, min(1.0, learned / self.settings.learned_min * 0.5))
        return None

    def _phrase_counts(
        self, toks: Sequence[Token], first: int, last: int, entry: Entry, parse: _Parse
    ) -> bool:
        """A listed phrase in its use (an aside between commas; a comparison), not inside the name of an
        institution or a law ("the Witch Hunt Inquiry")."""
        if _official_name(toks, first, last):
            return False
        if entry.use == ASIDE:
            return parse.aside(toks[first], toks[last])
        return entry.use is None or parse.in_use(toks[last], entry.use)

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


def quote_of_span(span: LanguageSpan, quotes: QuoteFindings) -> Quote | None:
    """The quote whose words hold an attributed span (the narrowest one, a quote with a speaker first), so
    that a reader can see who said "sham"; None for the outlet's own words or when the quotes lens found no
    quote there (a description handed to a source by "described ... as" may have none)."""
    if span.voice != "attributed":
        return None
    holding = [
        q for q in quotes.quotes if q.source == span.source and q.start <= span.start and span.end <= q.end
    ]
    if not holding:
        return None
    return min(holding, key=lambda q: (q.speaker is None, q.end - q.start, q.start))


def headline_case(title: str) -> str:
    """``title`` with its shouted words in lower case, the same length, so that a tabloid headline parses as
    words ("CROOKED MALVIK CAGED: ..." -> "crooked malvik caged: ..."), and offsets into it are offsets into
    the title. Only a title with two or more all-capitals words of three letters or more shouts; a lone
    acronym ("NATO chief ...") keeps its capitals."""
    words = [m for m in _WORDS.finditer(title) if m.group().isupper() and len(m.group()) >= 3]
    if len(words) < 2:
        return title
    out = list(title)
    for m in words:
        low = m.group().lower()
        if len(low) == len(m.group()):
            out[m.start() : m.end()] = low
    return "".join(out)


_WORDS = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")


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
_LARGE_NUMBERS = frozenset({"million", "billion", "trillion", "thousand", "m", "bn", "mn"})
# Nouns for people, for words loaded only of a person ("the bent governor", "caged the mayor").
_PEOPLE = frozenset(
    """
    man men woman women person people official officials politician politicians governor governors
    minister ministers mayor mayors judge judges cop cops copper coppers officer officers policeman
    policemen lawyer lawyers banker bankers councillor councillors councilor president senator senators
    boss bosses businessman businessmen tycoon tycoons executive executives leader leaders chief chiefs
    mp mps deputy deputies director directors chairman chairwoman owner owners landlord landlords
    governor-general ex-governor ex-minister candidate candidates general generals colonel ruler rulers
    king queen prince dictator defendant defendants suspect suspects prisoner prisoners crook crooks
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
# What words loaded only of speech describe ("empty promises", "hollow words").
_SPOKEN_NOUNS = frozenset(
    """
    promise promises pledge pledges word words rhetoric talk gesture gestures threat threats slogan
    slogans claim claims boast boasts apology apologies assurance assurances vow vows statement
    statements speech speeches phrase phrases platitude platitudes victory triumph gesture symbolism
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
_TALK_VERBS = frozenset({"talk", "speak", "spout", "write", "peddle", "utter", "print", "publish"})
_CLAIM_NOUNS = frozenset(
    {"claim", "allegation", "story", "report", "idea", "argument", "theory", "suggestion", "excuse"}
    | {"defence", "defense", "statement", "charge", "accusation", "notion"}
)
# Spans of time that can be told as wasted ("eight wasted years", "a wasted decade", "wasted his chance").
_TIME_SPANS = frozenset(
    """
    year decade month week day hour minute time term era generation lifetime life career summer winter
    season opportunity chance
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
# Gatherings whose mood an outlet may assign ("a gloomy party wake", "a glum rally").
_GATHERINGS = frozenset(
    """
    wake gathering meeting rally party celebration event conference congress convention reception
    vigil headquarters camp crowd audience supporters members delegates faithful
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
# What "biased" describes in statistics: a technical property, not a judgement.
# What "painful" of a decision taken describes ("painful decisions", "the cuts are painful").
_DECISIONS = frozenset(
    """
    decision step measure cut cutback solution reform restructuring
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
# People at work, counted or named as a group ("1,200 staff", "the workforce"): people for "cast off".
_WORKFORCE = frozenset(
    """
    staff worker employee workforce family families job jobs colleague colleagues miner miners
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
# Phrasal verbs whose learned word is loaded alone ("kick the can", "kick and scream") but which are plain
# ("the cuts kick in next year", "the season kicks off"): PTC marks 5 of 7 "kick", BABE 0 of 2 "kick off".
_PLAIN_PHRASAL = frozenset({("kick", "in"), ("kick", "off")})
_STATISTICAL = frozenset(
    """
    sample estimate estimator coin die dice measurement selection model algorithm data dataset test
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
# Kinds of rot that are decay of a material ("dry rot", "root rot").
_DECAY_KINDS = frozenset({"dry", "wet", "root", "brown", "white", "soft", "black", "stem", "crown", "foot"})
# Groups and institutions whose "rot" is figurative.
_GROUPS = _BODIES | frozenset(
    """
    government governments party parties police force system administration establishment institution
    institutions ministry department top heart core club team company politics leadership service
    judiciary court courts regime elite elites class union league federation bank state country nation
    society council councils authority authorities army military office offices province region regions
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
# Who seizes lawfully, and what they seize: plain reporting ("police seized the villa").
_AUTHORITIES = frozenset(
    """
    police policeman policemen officer officers customs court courts authority authorities prosecutor
    prosecutors investigator investigators agent agents bailiff bailiffs inspector inspectors detective
    detectives guard guards coastguard regulator regulators taxman marshal marshals sheriff troopers
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
_GOODS = _STRUCTURES | frozenset(
    """
    drug drugs cocaine heroin cannabis weapon weapons gun guns firearm rifle ammunition explosive asset
    property villa mansion yacht car cars document computer phone laptop passport goods shipment cargo
    contraband evidence account accounts fund funds jewellery jewelry painting artwork stock land estate
    """.split()  # noqa: SIM905 (a word list reads better as text)
)


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

    def saying(self, tok: Token) -> bool:
        """The verb introduces what someone said: a quote's cue, or a that-clause or quotation it heads,
        with no object of its own ("“I was wrong,” she conceded", "conceded that the plan failed"), not
        "conceded defeat", "conceded a late goal", "admitted the charges", "confessed to the theft",
        "admits what it cannot afford"."""
        if tok.pos != "VERB" or tok.dep in ("amod", "compound"):
            return False
        kids = self.children[tok.i]
        if any(k.dep == "dobj" and k.lemma.lower() not in _SPEECH_OBJECTS for k in kids):
            return False
        if self.objects_of(tok, ("to",)):
            return False
        if tok.start in self.cues or tok.dep == "parataxis":
            return True
        return any(
            (k.dep == "ccomp" and not self._wh_clause(k)) or (k.dep == "punct" and k.text in _QUOTE_MARKS)
            for k in kids
        )

    def finite_verb(self, tok: Token) -> bool:
        """A verb with a subject, a particle or a clause of its own ("the town woke up to", "residents
        woke to sirens"), not a participle or adjective the tagger calls a verb ("has gone woke")."""
        if tok.pos != "VERB":
            return False
        return tok.dep == "ROOT" or any(k.dep in ("nsubj", "prt") for k in self.children[tok.i])

    def _wh_clause(self, head: Token) -> bool:
        """The clause opens on a wh-word ("what it cannot afford", "how little he knew"): something owned
        up to, not something said."""
        first = min([head, *self._subtree(head)], key=lambda t: t.i)
        return first.tag in ("WP", "WRB", "WDT", "WP$") or first.text.lower() in ("whether", "if")

    def _subtree(self, tok: Token) -> list[Token]:
        out, stack = [], list(self.children[tok.i])
        while stack:
            t = stack.pop()
            out.append(t)
            stack.extend(self.children[t.i])
        return out

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
        if use == PERSON:
            return self.of_person(tok)
        if use == DONE_TO_PERSON:
            return self.done_to_person(tok)
        if use == MODIFIER:
            return tok.pos == "ADJ" or tok.dep == "amod"
        if use == SPOKEN:
            return self.of_words(tok)
        if use == POSSESSED:
            return tok.pos == "NOUN" and any(k.dep == "poss" for k in self.children[tok.i])
        if use == DISMISSAL:
            return self.dismissal(tok)
        if use == EPITHET:
            return self.epithet(tok)
        if use == INSTITUTIONAL:
            return self.institutional(tok)
        if use == METAPHOR:
            return self.comparison(tok)
        if use == SEIZURE:
            return not self.lawful_seizure(tok)
        if use == SAYING:
            return self.saying(tok)
        if use == NOT_VERB:
            return not self.finite_verb(tok)
        if use == MOOD:
            return self.of_person(tok) or any(t.lemma.lower() in _GATHERINGS for t in self._described(tok))
        if use == SQUANDERED:
            return self.squandered(tok)
        if use == NOT_STATISTICAL:
            return not any(t.lemma.lower() in _STATISTICAL for t in self._described(tok))
        if use == NOT_DECIDED:
            return not any(t.lemma.lower() in _DECISIONS for t in self._described(tok))
        if use == CAST_OFF:
            return self.cast_off(tok)
        if use == DRAINED:
            # the parser may take the result for an object ("bled Brannock dry": "dry" a noun)
            return tok.pos == "VERB" and any(k.text.lower() == "dry" for k in self.children[tok.i])
        if use == TREATED:
            return self.treated(tok)
        return True

    def cast_off(self, tok: Token) -> bool:
        """A heap people are put on: the noun ends a preposition ("on the scrapheap") hung on people ("workers
        on the scrapheap") or on a verb done to people ("throw 1,200 staff on the scrapheap", "families are
        thrown on the scrapheap"), not "the old boiler was thrown on the scrapheap"."""
        if tok.dep != "pobj" or tok.head == tok.i:
            return False
        prep = self.tokens[tok.head]
        if prep.head == prep.i:
            return False
        holder = self.tokens[prep.head]
        if holder.pos != "VERB":
            return self._person(holder) or holder.lemma.lower() in _WORKFORCE
        objects = [k for k in self.children[holder.i] if k.dep in ("dobj", "nsubjpass")]
        return any(self._person(k) or k.lemma.lower() in _WORKFORCE for k in objects)

    def treated(self, tok: Token) -> bool:
        """The phrase ending at ``tok`` ("like dirt") says how people are treated: its "like" hangs on
        "treat" or "handle" ("they treat us like dirt", "we were treated like animals"), not "looks like
        dirt"."""
        if tok.dep != "pobj" or tok.head == tok.i:
            return False
        like = self.tokens[tok.head]
        return like.head != like.i and self.tokens[like.head].lemma.lower() in ("treat", "handle")

    def _person(self, tok: Token) -> bool:
        if tok.ent_type in _FIGURE_ENTS:
            return False  # "a lazy Sunday": a date, though the tagger calls it a name
        return _personal(tok) or tok.lemma.lower() in _PEOPLE or tok.text.lower() in _PEOPLE

    def of_person(self, tok: Token) -> bool:
        """An adjective said of a person ("the bent governor", "the judge was bent"), not "he bent down"."""
        if tok.pos != "ADJ" and tok.dep != "amod":
            return False
        if tok.dep == "amod" and tok.head != tok.i:
            return self._person(self._word_end(self.tokens[tok.head]))
        if tok.dep in ("acomp", "attr") and tok.head != tok.i:
            subjects = [k for k in self.children[tok.head] if k.dep in ("nsubj", "nsubjpass")]
            return any(self._person(k) for k in subjects)
        return False

    def _word_end(self, tok: Token) -> Token:
        """The last part of the hyphenated word ``tok`` begins ("ex" of "ex-mayor" -> "mayor"), which the
        parser may split; ``tok`` itself otherwise."""
        return self.tokens[_compound_end(self.tokens, tok.i)]

    def done_to_person(self, tok: Token) -> bool:
        """A verb done to a person: its object or passive subject is one ("caged the governor", "Malvik was
        caged"), or the person it describes ("Malvik, caged for eight years"), or with neither a person as
        its subject (a headline's "Malvik caged"); "kept the birds caged" is not."""
        if tok.pos != "VERB":
            return False
        kids = self.children[tok.i]
        objects = [k for k in kids if k.dep in ("dobj", "nsubjpass")]
        if objects:
            # the object's own name parts count too: the parser can make a leading participle the
            # subject and hang the name under it ("Disgraced ex-mayor Ansel Varro was caged")
            named = [
                c for k in objects for c in self.children[k.i] if c.dep in ("compound", "appos", "nsubj")
            ]
            return any(self._person(k) for k in objects + named)
        if tok.dep in ("acl", "amod") and tok.head != tok.i:
            return self._person(self.tokens[tok.head])
        return any(self._person(k) for k in kids if k.dep == "nsubj")

    def _described(self, tok: Token) -> list[Token]:
        """What an adjective describes: the noun it modifies ("a gloomy wake"), or the subject it is said
        of ("the sample was biased", "its candidates grew lazy")."""
        if tok.pos == "VERB" and tok.dep not in ("amod", "acl"):
            # the tagger's passive ("the estimate is biased")
            return [k for k in self.children[tok.i] if k.dep in ("nsubj", "nsubjpass")]
        if tok.head == tok.i:
            return []
        if tok.dep in ("amod", "acl"):
            return [self.tokens[tok.head]]
        if tok.dep in ("acomp", "attr", "oprd"):
            return [k for k in self.children[tok.head] if k.dep in ("nsubj", "nsubjpass")]
        return []

    def squandered(self, tok: Token) -> bool:
        """Time or money told as wasted: the word describes a span of time or a sum ("eight wasted years",
        "a wasted decade"), or the verb's object is one ("wasted millions on", "two years were wasted"),
        not "wasted votes" or "food wasted"."""
        things = self._described(tok)
        if tok.pos == "VERB":
            things += [k for k in self.children[tok.i] if k.dep in ("dobj", "nsubjpass")]
            if tok.dep == "acl" and tok.head != tok.i:
                things.append(self.tokens[tok.head])
        return any(t.lemma.lower() in _TIME_SPANS or self._sum(t) for t in things)

    def of_words(self, tok: Token) -> bool:
        """An adjective of words, promises or gestures ("empty promises", "the words sounded hollow")."""
        if tok.pos != "ADJ" and tok.dep != "amod":
            return False
        if tok.dep == "amod" and tok.head != tok.i:
            return self.tokens[tok.head].lemma.lower() in _SPOKEN_NOUNS
        if tok.dep in ("acomp", "attr") and tok.head != tok.i:
            subjects = [k for k in self.children[tok.head] if k.dep in ("nsubj", "nsubjpass")]
            return any(k.lemma.lower() in _SPOKEN_NOUNS for k in subjects)
        return False

    def dismissal(self, tok: Token) -> bool:
        """A dismissal: a sentence of its own ("Rubbish."), what someone talks or writes ("talking
        rubbish"), or a predicate of a claim ("the claims are nonsense")."""
        sentence = [t for t in sentence_of(self.tokens, tok.i) if any(c.isalpha() for c in t.text)]
        if len(sentence) <= 2:
            return True
        if tok.head == tok.i:
            return False
        head = self.tokens[tok.head]
        if tok.dep == "dobj" and head.lemma.lower() in _TALK_VERBS:
            return True
        if tok.dep in ("attr", "acomp"):
            subjects = [k for k in self.children[head.i] if k.dep == "nsubj"]
            return any(
                k.lemma.lower() in _CLAIM_NOUNS or k.text.lower() in ("this", "that", "it") for k in subjects
            )
        return False

    def epithet(self, tok: Token) -> bool:
        """A noun said of someone: a predicate ("he is a thief"), an apposition ("Malvik, a thief"), what
        someone is called ("branded Malvik a thief", "called him a thief in a suit"), or a quoted phrase
        standing alone ("'Thief!'")."""
        if tok.pos not in ("NOUN", "PROPN"):
            return False
        if tok.dep in ("attr", "appos", "oprd", "ROOT") or tok.head == tok.i:
            return True
        head = self.tokens[tok.head]
        return tok.dep in ("dobj", "ccomp", "xcomp", "conj") and head.lemma.lower() in CLAIM_CUES

    def institutional(self, tok: Token) -> bool:
        """A noun about a group or an institution ("the rot in our regional governments", "the rot set in",
        "rot at the top"), not decay of wood or teeth ("dry rot in the beams")."""
        if tok.pos != "NOUN" or tok.dep == "compound":
            return False
        kids = self.children[tok.i]
        if any(k.dep in ("amod", "compound") and k.lemma.lower() in _DECAY_KINDS for k in kids):
            return False
        where = self.objects_of(tok, ("in", "at", "within", "inside", "of", "among"))
        if any(_personal(g) or g.lemma.lower() in _GROUPS for g in where):
            return True
        if tok.dep == "nsubj" and tok.head != tok.i:
            verb = self.tokens[tok.head]
            return verb.lemma.lower() == "set" and any(
                k.dep in ("prt", "prep") and k.text.lower() == "in" for k in self.children[verb.i]
            )
        return False

    def comparison(self, tok: Token) -> bool:
        """The phrase (ending at ``tok``) is a comparison: "like his private piggy bank", "treated it as a
        piggy bank", or someone's "private" or "personal" one."""
        if any(
            k.dep == "amod" and k.lemma.lower() in ("private", "personal", "own")
            for k in self.children[tok.i]
        ):
            return True
        if tok.dep == "pobj" and tok.head != tok.i:
            return self.tokens[tok.head].text.lower() in ("like", "as")
        return False

    def lawful_seizure(self, tok: Token) -> bool:
        """Police, customs or a court took goods or property ("police seized the villa", "drugs were
        seized", "assets seized by prosecutors"): plain reporting."""
        kids = self.children[tok.i]
        doers = [k for k in kids if k.dep == "nsubj"] + self.objects_of(tok, ("by",), agent=True)
        named = [c for d in doers for c in self.children[d.i] if c.dep == "compound"]  # "customs officers"
        if any(d.lemma.lower() in _AUTHORITIES or d.text.lower() in _AUTHORITIES for d in doers + named):
            return True
        things = [k for k in kids if k.dep in ("dobj", "nsubjpass")]
        if tok.dep in ("acl", "amod") and tok.head != tok.i:
            things.append(self.tokens[tok.head])
        return any(t.lemma.lower() in _GOODS or _is_money(t) for t in things)

    def participle_modifier(self, tok: Token) -> bool:
        """A participle used as an adjective ("Disgraced former governor ...", "the disgraced minister"):
        no auxiliary, and a past participle standing before a noun, or no subject or object and modifying
        a noun."""
        if tok.pos != "VERB" or tok.tag not in ("VBN", "VBG"):
            return False
        kids = self.children[tok.i]
        if any(k.dep in ("aux", "auxpass") for k in kids):
            return False
        if tok.tag == "VBN":
            # a past participle right before a noun phrase ("Disgraced ex-mayor Ansel Varro", which the
            # parser may make the subject)
            nxt = self._neighbour(tok, 1)
            if nxt is not None and nxt.pos in ("ADJ", "NOUN", "PROPN") and nxt.sent == tok.sent:
                return True
        if any(k.dep in ("nsubj", "nsubjpass", "dobj", "agent") for k in kids):
            return False
        return tok.dep in ("amod", "compound", "nmod", "advmod")

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
        """The verb reports physical damage: done by a fire, storm or blast, or to a building or vehicle. A
        participle clause or a second verb without a subject of its own has the subject of the clause it
        hangs on ("A fire tore through the mill, destroying the weaving hall")."""
        kids = self.children[tok.i]
        doers = self._subjects(tok) + self.objects_of(tok, ("in", "by"), agent=True)
        things = [k for k in kids if k.dep in ("dobj", "nsubjpass")]
        if tok.dep in ("acl", "amod") and tok.head != tok.i:
            things.append(self.tokens[tok.head])  # "homes destroyed in the flood"
        named = [c for d in doers for c in self.children[d.i] if c.dep == "compound"]  # "Hurricane Michael"
        return any(d.lemma.lower() in FORCES for d in doers + named) or any(
            t.lemma.lower() in _STRUCTURES for t in things
        )

    def _subjects(self, tok: Token) -> list[Token]:
        """The verb's subjects, else (for a participle clause, an open complement or a coordinated verb
        with none of its own) those of the verb it hangs on, up to three clauses up."""
        for _ in range(4):
            own = [k for k in self.children[tok.i] if k.dep == "nsubj"]
            if own or tok.dep not in ("advcl", "conj", "xcomp") or tok.head == tok.i:
                return own
            if any(k.dep in ("mark", "nsubjpass") for k in self.children[tok.i]):
                return own  # "as the fire destroyed ...", "after homes were destroyed": a clause of its own
            tok = self.tokens[tok.head]
            if tok.pos not in ("VERB", "AUX"):
                return []
        return []

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
        """The adjective modifies, or the verb takes as its object, a sum of money (also in a currency the
        lexicon does not know: "pocketing 14 million korun")."""
        if tok.pos == "ADJ":
            if tok.dep != "amod" or tok.head == tok.i:
                return False
            return self._sum(self.tokens[tok.head])
        return any(k.dep == "dobj" and self._sum(k) for k in self.children[tok.i])

    def _sum(self, tok: Token) -> bool:
        return _is_money(tok) or any(
            k.dep in ("nummod", "compound") and k.lemma.lower() in _LARGE_NUMBERS
            for k in self.children[tok.i]
        )


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


_OPENERS = frozenset("\"“‘'«„:—–(")
# Head words of the names of institutions, laws and offices ("the Criminal Division", "the Criminal Code").
_NAME_HEADS = frozenset(
    """
    division court courts code procedure act law laws bill statute article section chapter clause unit
    panel department ministry office agency bureau service services commission committee council party
    front movement brigade squad police force forces tribunal chamber branch board authority institute
    institution association union league society foundation centre center group justice crimes crime
    affairs investigation investigations intelligence appeals appeal inquiry prosecution prosecutor
    prosecutors directorate university college school hospital prison museum library bank company
    corporation trust fund network alliance coalition federation assembly parliament senate congress house
    cabinet government administration prize award team club register reform regulation regulations rules
    convention treaty protocol charter records registry review watch taskforce task
    """.split()  # noqa: SIM905 (a word list reads better as text)
)


def _capital_by_place(toks: Sequence[Token], k: int) -> bool:
    """``toks[k]`` is capitalised by its place, not as a name: first in its sentence or after an opening
    quote mark, colon or dash, and followed by a lower-case word or punctuation ("Rubbish.", "'Sham
    trial'")."""
    tok = toks[k]
    if not tok.text[:1].isupper() or (tok.text.isupper() and len(tok.text) > 1):
        return False
    if k > 0 and toks[k - 1].text not in _OPENERS:
        return False
    after = toks[k + 1].text if k + 1 < len(toks) else ""
    return not after[:1].isupper()


def _official_name(toks: Sequence[Token], first: int, last: int) -> bool:
    """Tokens ``first..last`` are capitalised words of the name of an institution, a law or an office: a
    word such as Division, Code or Unit follows within two capitalised words ("the Criminal Division",
    "Extremist Crimes Unit", "the Witch Hunt Inquiry"), or one comes before it across "of" or "for" ("Code of
    Criminal Procedure"), or the parser tags the words as a law. A title-case headline or slogan ("Stop the
    Rigged Witch Hunt", "Angry Democrat Thugs") is no such name."""
    words = toks[first : last + 1]
    if not all(t.text[:1].isupper() and (t.pos == "PROPN" or t.ent_type in _NAME_ENTS) for t in words):
        return False
    if any(t.ent_type == "LAW" for t in words) or toks[last].text.lower() in _NAME_HEADS:
        return True
    for k in range(last + 1, min(last + 3, len(toks))):
        if not (toks[k].text[:1].isupper() and toks[k].pos == "PROPN"):
            break
        if toks[k].text.lower() in _NAME_HEADS:
            return True
    j = first - 1
    if j >= 0 and toks[j].text.lower() == "the":
        j -= 1
    return (
        j >= 1
        and toks[j].text.lower() in ("of", "for")
        and toks[j - 1].text[:1].isupper()
        and toks[j - 1].text.lower() in _NAME_HEADS
    )


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
