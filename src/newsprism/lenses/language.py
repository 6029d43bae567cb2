"""Language lens: each outlet's own loaded language, kept apart from loaded words it quotes.

Spans come from hand lexicons (insults, mocking adjectives, judging attribution verbs, intensifiers,
framing phrases), learned word scores (BABE, PTC, BASIL) and scare quotes. Whether a listed word is used in
its loaded sense is decided in :mod:`newsprism.lenses.language_use`, which words are names or figures in
:mod:`newsprism.lenses.language_names`; the voice of a span (the writer's or someone's it quotes) in
:mod:`newsprism.lenses.language_voice`. This module finds and scores the spans, gives every sentence a bias
probability with a small classifier, and sums them up per source.
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
    ASIDE,
    ATTRIBUTION,
    FACTUAL,
    LABEL,
    LOADED,
    SCARE_QUOTES,
    VERB,
    Entry,
    Lexicon,
    neutral_form,
)
from newsprism.lenses.language_names import (
    _FIGURE_ENTS,
    _NAME_ENTS,
    _capital_by_place,
    _compound_end,
    _is_name,
    _official_name,
)
from newsprism.lenses.language_use import _Parse, _reports_speech
from newsprism.lenses.language_voice import (
    _voice,
    attributed_claim_spans,
    attributed_regions,
    quote_of_span,
    scare_quote_spans,
    span_voice,
)
from newsprism.lenses.language_words import _PLAIN_PHRASAL
from newsprism.model import (
    ArticleFindings,
    LanguageFindings,
    LanguageSpan,
    QuoteFindings,
    Sentence,
    Source,
    SourceLanguage,
    Story,
    Token,
    at,
)
from newsprism.settings import LanguageSettings

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


_CONTENT_POS = frozenset({"ADJ", "ADV", "NOUN", "VERB"})


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
        not count in its figures; the report lists them per source (``sources[].title_language``) and
        ``newsprism language`` shows them above each text. An all-capitals word
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
        return self._titles([source], quotes).get(source.id, ([], QuoteFindings()))

    def titles(
        self, sources: Sequence[Source], quotes: Callable[[Story], QuoteFindings] | None = None
    ) -> dict[str, tuple[LanguageSpan, ...]]:
        """:meth:`title_spans` of several sources at once (one parse and one classifier call for all
        titles, which are short), by source id; sources whose titles have no loaded words are left out."""
        return {sid: tuple(spans) for sid, (spans, _) in self._titles(sources, quotes).items() if spans}

    def _titles(
        self, sources: Sequence[Source], quotes: Callable[[Story], QuoteFindings] | None
    ) -> dict[str, tuple[list[LanguageSpan], QuoteFindings]]:
        from newsprism.model import Article

        titled = [src for src in sources if src.article.title.strip()]
        if not titled:
            return {}
        articles = [
            (Article(id=src.id, text=headline_case(src.article.title), outlet=src.outlet), src.id)
            for src in titled
        ]
        heads = self.segmenter.pipe(articles)
        if quotes is None:
            from newsprism.lenses.quotes import QuoteLens

            quotes = QuoteLens()
        texts = [s.text for head in heads for s in head.sentences]
        probs = [float(p) for p in self.bias(texts)] if texts else []
        out: dict[str, tuple[list[LanguageSpan], QuoteFindings]] = {}
        at = 0
        for src, head in zip(titled, heads, strict=True):
            found = quotes(Story(sources=(head,)))
            n = len(head.sentences)
            spans = self.find_spans(head, found, probs[at : at + n], headline=True)
            at += n
            original = src.article.title
            out[src.id] = ([dataclasses.replace(s, text=original[s.start : s.end]) for s in spans], found)
        return out

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
            from newsprism.lenses.attribution_quotes import quote_spans

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


def _sentence_index(source: Source, offset: int) -> int:
    s = at(source.sentences, offset)
    return s.index if s is not None else -1


def _without_source(span: LanguageSpan) -> dict[str, object]:
    """The report shape of one span without its source id: a per-line row has no sources."""
    from newsprism.report.json import language_to_dict

    row = language_to_dict(span)
    del row["source"]
    return row
