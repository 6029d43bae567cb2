"""The frozen records that cross stage boundaries.

Every stage takes and returns these; none of them does I/O or imports anything heavy, so they can be
built in tests, pickled to Ray workers and compared for determinism. Offsets are always character
offsets into ``Article.text`` (the normalised text the report carries).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol, TypeVar

import numpy as np

Support = Literal["consensus", "partial", "single"]
Voice = Literal["authorial", "attributed"]
QuoteKind = Literal["direct", "indirect", "mixed"]
SpeakerKind = Literal["person", "organisation", "anonymous"]  # anonymous: a source the text will not name
ContradictionKind = Literal["number", "date", "entity", "negation"]


# --------------------------------------------------------------------------- input side


@dataclass(frozen=True, slots=True)
class RawInput:
    """One thing the user named (path, URL, ``-``) with the bytes or text read from it."""

    origin: str
    content: str | bytes
    kind: Literal["text", "html", "json", "url"]
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """One news article after normalisation: ``text`` is what every offset points into."""

    id: str
    text: str
    title: str = ""
    outlet: str = ""
    url: str | None = None
    published: str | None = None  # ISO date or datetime, as given
    language: str = "en"
    origin: str = ""  # the path, URL or "-" the article came from
    warnings: tuple[str, ...] = ()
    # Who the input says wrote it, apart from the text: an author field or header, a page's byline, or a
    # byline line taken out of the body, without its "By " ("Jane Doe", "AP", "Ana Reyes, Meridian
    # Wire"); several authors joined with ", ". "" when none was given. The reuse lens reads a wire
    # credit in it as it reads one in the text (an author "AP" credits AP).
    author: str = ""

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that could not be analysed, and why; the run goes on without it."""

    origin: str
    reason: str


@dataclass(frozen=True, slots=True)
class Token:
    """A parsed token, decoupled from spaCy so lenses and tests need no Doc objects."""

    i: int  # index within the source
    start: int
    end: int
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int  # index of the head token within the source
    sent: int  # index of the sentence within the source
    ent_type: str = ""
    ent_iob: str = "O"
    is_space: bool = False


class _Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=_Span)


def within(items: Sequence[S], start: int, end: int) -> list[S]:
    """The items (tokens, entities, sentences: sorted by start) inside ``[start, end)``, by binary
    search: the lenses ask once per sentence or quote, and a scan each time is quadratic on long texts."""
    lo = bisect_left(items, start, key=lambda t: t.start)
    hi = bisect_left(items, end, key=lambda t: t.start)
    return [t for t in items[lo:hi] if t.end <= end]


def at(items: Sequence[S], offset: int) -> S | None:
    """The item (of non-overlapping ones sorted by start) that holds character ``offset``."""
    k = bisect_right(items, offset, key=lambda t: t.start) - 1
    return items[k] if k >= 0 and offset < items[k].end else None


def sentence_of(tokens: Sequence[Token], i: int) -> Sequence[Token]:
    """The tokens of token ``i``'s sentence (sentences are contiguous runs of the token list)."""
    sent, a, b = tokens[i].sent, i, i + 1
    while a > 0 and tokens[a - 1].sent == sent:
        a -= 1
    while b < len(tokens) and tokens[b].sent == sent:
        b += 1
    return tokens[a:b]


@dataclass(frozen=True, slots=True)
class Entity:
    start: int
    end: int
    text: str
    label: str


@dataclass(frozen=True, slots=True)
class Sentence:
    source: str
    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0
    tokens: tuple[int, int] = (0, 0)  # [first, last) token indexes in Source.tokens


@dataclass(frozen=True, slots=True, eq=False)
class Source:
    """An article with its segmentation and parse: the unit every lens works on."""

    id: str
    article: Article
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...] = ()
    entities: tuple[Entity, ...] = ()
    vectors: np.ndarray | None = field(default=None, repr=False)  # one row per sentence, L2-normalised
    findings: ArticleFindings | None = None  # the per-article lens work, once the pipeline has annotated it

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def outlet(self) -> str:
        return self.article.outlet or self.id

    def sentence_tokens(self, sentence: Sentence) -> tuple[Token, ...]:
        first, last = sentence.tokens
        return self.tokens[first:last]


# --------------------------------------------------------------------------- report side


@dataclass(frozen=True, slots=True)
class Passage:
    """A checkable piece of a source: ``sources[source].text[start:end] == text``."""

    source: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    support: Support
    sources: tuple[str, ...]
    sentences: tuple[Passage, ...]
    origins: int | None = None  # independent origins, filled by the reuse lens
    contested: bool = False


@dataclass(frozen=True, slots=True)
class Contradiction:
    claims: tuple[str, ...]
    kind: ContradictionKind
    values: tuple[Passage, ...]
    explanation: str


@dataclass(frozen=True, slots=True)
class Speaker:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    kind: Literal["person", "organisation", "anonymous", "unknown"] = "person"


@dataclass(frozen=True, slots=True)
class Quote:
    id: str
    source: str
    speaker: str | None  # speaker id, None when the text does not say who
    kind: QuoteKind
    start: int
    end: int
    text: str
    cue: str = ""
    speaker_span: tuple[int, int] | None = None
    cue_span: tuple[int, int] | None = None
    shared_with: tuple[str, ...] = ()  # quotes of other sources with its words or its meaning
    match: str = ""  # the strongest of those links: "other-speaker", "same-words" or "paraphrase"
    # every link to a quote of another source with how it relates, one label per link: the shared_with
    # quotes, and "same-speech" for another sentence of a speech both sources quote
    links: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class LanguageSpan:
    source: str
    start: int
    end: int
    text: str
    voice: Voice
    category: str
    score: float
    neutral: str | None = None


@dataclass(frozen=True, slots=True)
class Reuse:
    sources: tuple[str, str]
    similarity: float
    passages: tuple[Passage, Passage]
    changes: tuple[str, ...] = ()  # human-readable edits of the second side against the first
    origin: str | None = None  # the source the other copied from (then sources[0]); None: direction unknown


@dataclass(frozen=True, slots=True)
class SummarySentence:
    text: str
    sources: tuple[str, ...]
    claims: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SourceReport:
    """Per-source figures the report shows next to the source text."""

    id: str
    outlet: str
    title: str
    url: str | None
    published: str | None
    language: str
    words: int
    text: str
    loadedness: float = 0.0
    wire: tuple[str, ...] = ()
    reused_share: float = 0.0
    warnings: tuple[str, ...] = ()
    biased_sentences: float = 0.0
    author: str = ""  # Article.author; "" when the input named none
    # Loaded words of the title: offsets (and ``text``) point into ``title``, not ``text``. They do not
    # count toward ``loadedness``; empty when the title has none or the language lens did not run.
    title_language: tuple[LanguageSpan, ...] = ()


@dataclass(frozen=True, slots=True)
class StoryReport:
    """The whole cross-source analysis of one story; serialise with ``newsprism.report``."""

    sources: tuple[SourceReport, ...]
    claims: tuple[Claim, ...] = ()
    contradictions: tuple[Contradiction, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    quotes: tuple[Quote, ...] = ()
    language: tuple[LanguageSpan, ...] = ()
    reuse: tuple[Reuse, ...] = ()
    summary: tuple[SummarySentence, ...] = ()
    headline: str = ""
    skipped: tuple[Skipped, ...] = ()
    generated_at: str = ""

    def to_dict(self) -> dict[str, object]:
        from newsprism.report.json import to_dict

        return to_dict(self)

    def to_json(self, *, indent: int | None = 2) -> str:
        from newsprism.report.json import to_json

        return to_json(self, indent=indent)

    def to_markdown(self) -> str:
        from newsprism.report.markdown import to_markdown

        return to_markdown(self)

    def to_html(self) -> str:
        from newsprism.report.html import to_html

        return to_html(self)

    def source(self, source_id: str) -> SourceReport:
        for s in self.sources:
            if s.id == source_id:
                return s
        raise KeyError(source_id)


# --------------------------------------------------------------------------- between stages


@dataclass(frozen=True, slots=True, eq=False)
class Story:
    """The sources of one story with their claim groups: what every lens reads."""

    sources: tuple[Source, ...]
    claims: tuple[Claim, ...] = ()

    def source(self, source_id: str) -> Source:
        for s in self.sources:
            if s.id == source_id:
                return s
        raise KeyError(source_id)


@dataclass(frozen=True, slots=True)
class QuoteFindings:
    speakers: tuple[Speaker, ...] = ()
    quotes: tuple[Quote, ...] = ()


@dataclass(frozen=True, slots=True)
class Mention:
    """A speaker phrase resolved to a name within its article, with the surface form used (an alias)."""

    name: str
    kind: SpeakerKind
    alias: str = ""


@dataclass(frozen=True, slots=True)
class Attributed:
    """One attributed statement of an article: its quote pieces (``id`` empty, ``speaker`` None until
    the story stage merges speakers across outlets) and the speaker the article names, if it does."""

    quotes: tuple[Quote, ...]
    speaker: Mention | None = None


@dataclass(frozen=True, slots=True)
class SourceLanguage:
    """Per-source language figures: ``sentence_bias`` has one probability per sentence."""

    loadedness: float = 0.0  # 0-1
    per_100_words: float = 0.0
    biased_share: float = 0.0
    sentence_bias: tuple[float, ...] = ()
    top_terms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, eq=False)
class LanguageFindings:
    spans: tuple[LanguageSpan, ...] = ()
    per_source: dict[str, SourceLanguage] = field(default_factory=dict)
    # source id -> loaded spans of its title (offsets into the title; not counted in ``per_source``)
    titles: dict[str, tuple[LanguageSpan, ...]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ArticleFindings:
    """What the lenses find in one article alone, before it meets the other outlets of its story.

    The batch pipeline computes it on the article workers and the story stage reuses it; ``None`` means
    "not computed" (a lens that has no per-article half leaves its part empty and works on the story).
    Offsets point into the article's text; ``source`` fields hold the id the source had when annotated.
    """

    attributions: tuple[Attributed, ...] | None = None
    language_spans: tuple[LanguageSpan, ...] | None = None
    language: SourceLanguage | None = None


@dataclass(frozen=True, slots=True, eq=False)
class ReuseFindings:
    reuse: tuple[Reuse, ...] = ()
    wire: dict[str, tuple[str, ...]] = field(default_factory=dict)
    reused_share: dict[str, float] = field(default_factory=dict)
    origins: dict[str, int] = field(default_factory=dict)  # claim id -> independent origins


@dataclass(frozen=True, slots=True)
class Summary:
    sentences: tuple[SummarySentence, ...] = ()
    headline: str = ""
