"""Quotes lens: who is quoted, by which outlet, with which cue, and which quotes outlets share.

Detection is :mod:`newsprism.lenses.attribution` (shared with the language lens), speakers come from
:mod:`newsprism.lenses.speakers`; this module turns both into report records and compares quotes across
the sources of a story: the same words quoted by several outlets, one speech quoted through different
sentences, a quote paraphrased, and the same words given to different speakers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from newsprism.lenses.attribution import find_attributions
from newsprism.lenses.attribution_base import wordset
from newsprism.lenses.attribution_cues import CueModel
from newsprism.lenses.attribution_quotes import quote_spans
from newsprism.lenses.speakers import ArticleSpeakers
from newsprism.lenses.speakers_merge import merge_speakers
from newsprism.model import ArticleFindings, Attributed, Quote, QuoteFindings, Source, Story, at
from newsprism.settings import QuoteSettings

# How two quotes in different sources relate, strongest first (`match` keeps a quote's strongest word link).
MATCH_ORDER = ("other-speaker", "same-words", "paraphrase", "same-speech")


class QuoteLens:
    """The quotes lens the pipeline calls. It reads the segmenter's parse; the small cue model (feature
    weights) loads on first use and stays with the lens.

    Its work splits in two: :meth:`article` finds one article's attributions and names their speakers
    (the batch pipeline runs it on the article workers), :meth:`__call__` merges speakers and links quotes
    across the story, reusing what :meth:`article` left on each source.
    """

    def __init__(self, settings: QuoteSettings | None = None) -> None:
        self.settings = settings or QuoteSettings()
        self._model: CueModel | None = None

    @property
    def model(self) -> CueModel:
        if self._model is None:
            self._model = CueModel.load()
        return self._model

    def article(self, source: Source, found: ArticleFindings) -> ArticleFindings:
        return replace(found, attributions=article_quotes(source, self.settings, model=self.model))

    def __call__(self, story: Story) -> QuoteFindings:
        return find_quotes(story.sources, self.settings, model=self.model)


def article_quotes(
    source: Source, settings: QuoteSettings | None = None, *, model: CueModel | None = None
) -> tuple[Attributed, ...]:
    """One article's attributed statements with the speaker it names, before the story links them."""
    settings = settings or QuoteSettings()
    atts = find_attributions(source, beliefs=True, model=model or CueModel.load())
    mentions = ArticleSpeakers(source).resolve(atts)
    out = []
    for a, m in zip(atts, mentions, strict=True):
        # words in quotation marks are a quote whatever the cue; stance cues only when asked for
        if not (a.speech or a.kind != "indirect" or settings.beliefs):
            continue
        if a.negated and a.kind == "indirect":
            continue  # "She did not explain how ...": nobody said what follows
        if a.kind == "indirect" and _SAME.match(source.text, a.start):
            continue  # "They said the same about every case": no statement of its own to show or compare
        pieces = tuple(
            Quote(
                id="",
                source=source.id,
                speaker=None,
                kind=a.kind,
                start=start,
                end=end,
                text=source.text[start:end],
                cue=a.cue,
                speaker_span=a.speaker_span,
                cue_span=a.cue_span,
            )
            for start, end in a.pieces
        )
        out.append(Attributed(quotes=pieces, speaker=m))
    return tuple(a for a in out if not _restated(a, out, source.text))


def _restated(a: Attributed, found: list[Attributed], text: str) -> bool:
    """An indirect statement whose cue sits inside what the same speaker is already quoted as saying
    ("Hallin added that he would call for an inquiry": "call for an inquiry" is not a second quote; a
    pronoun there is the outer speaker, whatever the article's last named speaker was, and "it" in "the
    union said it had warned" is the union, though a pronoun "it" resolves to no one on its own)."""
    first = a.quotes[0]
    if first.kind != "indirect" or first.cue_span is None:
        return False
    phrase = text[first.speaker_span[0] : first.speaker_span[1]] if first.speaker_span else ""
    pronoun = phrase.lower() in _PRONOUNS
    if a.speaker is None and not pronoun:
        return False
    cue_start, cue_end = first.cue_span
    return any(
        b is not a and b.speaker is not None
        and (pronoun or (a.speaker is not None and b.speaker.name == a.speaker.name))
        and any(q.start <= cue_start and cue_end <= q.end for q in b.quotes)
        for b in found
    )  # fmt: skip


_PRONOUNS = {"he", "she", "it", "they", "we", "i"}
_SAME = re.compile(r"(?:much |just |exactly |very )?the same\b", re.IGNORECASE)


def find_quotes(
    sources: Sequence[Source], settings: QuoteSettings | None = None, *, model: CueModel | None = None
) -> QuoteFindings:
    """Quotes and speakers of segmented sources (the function behind ``newsprism quotes``).

    A source the pipeline has annotated brings its attributions; the others are read here. Pass ``model``
    (e.g. ``QuoteLens().model``) to skip reloading the cue weights on every call.
    """
    settings = settings or QuoteSettings()
    found: list[tuple[Source, Attributed]] = []
    for src in sources:
        known = src.findings.attributions if src.findings is not None else None
        if known is None:
            model = model or CueModel.load()
            known = article_quotes(src, settings, model=model)
        found.extend((src, a) for a in known)
    speakers, ids = merge_speakers([(src.id, a.speaker) for src, a in found if a.speaker is not None])
    it = iter(ids)
    quotes: list[Quote] = []
    vectors: list[np.ndarray | None] = []
    for src, att in found:
        speaker = next(it) if att.speaker is not None else None
        for piece in att.quotes:
            vectors.append(_sentence_vector(src, piece.start, piece.end))
            quotes.append(replace(piece, id=f"q{len(quotes) + 1}", source=src.id, speaker=speaker))
    return QuoteFindings(speakers=tuple(speakers), quotes=tuple(link_quotes(quotes, settings, vectors)))


def _sentence_vector(src: Source, start: int, end: int) -> np.ndarray | None:
    """The embedding of the sentence a quote starts in, when the pipeline embedded the source and the
    quote is most of that sentence. A clause of it means something else than the whole: "About 30,000
    nurses walked out, according to the union, which ... is demanding 9%" holds two statements, and in a
    reprint each would look like a paraphrase of the other's copy."""
    if src.vectors is None:
        return None
    sent = at(src.sentences, start)
    if sent is None or sent.index >= len(src.vectors):
        return None
    quoted = len(_words(src.text[start : min(end, sent.end)]))
    if quoted < _STANDS_FOR * len(_words(sent.text)):
        return None
    row: np.ndarray = src.vectors[sent.index]
    return row


# share of its sentence's words a quote must hold for the sentence's vector to stand for the quote
_STANDS_FOR = 0.5


def _cosine(a: np.ndarray | None, b: np.ndarray | None) -> float:
    return float(np.dot(a, b)) if a is not None and b is not None else 0.0  # rows are L2-normalised


# --------------------------------------------------------------------------- across sources


def link_quotes(
    quotes: Sequence[Quote],
    settings: QuoteSettings | None = None,
    vectors: Sequence[np.ndarray | None] | None = None,
) -> list[Quote]:
    """Fill ``links``, ``shared_with`` and ``match`` for quotes that relate to quotes of other sources.

    Each link has its own label: "same-words" (the same words, one quote maybe trimmed), "other-speaker"
    (the same words given to a different speaker), "paraphrase" (an indirect quote of the same speaker with
    the same content words, the same words when it has none ("9%"), or the same meaning by ``vectors``;
    :func:`find_quotes` gives a quote its sentence's vector only when the quote is most of the sentence,
    so two clauses of one sentence are never alike by it) and "same-speech" (another
    sentence of one speaker, when the two sources demonstrably quote the same speech: they share other
    words of that speaker). ``shared_with`` lists the quotes the first three link to and ``match`` is the
    strongest of them (schema v1's summary of the links). Quotes of one source are never linked.
    """
    settings = settings or QuoteSettings()
    words = [_words(q.text) for q in quotes]
    quoted = [_quoted_words(q) for q in quotes]
    vecs = list(vectors) if vectors is not None else [None] * len(quotes)
    links: dict[int, dict[int, str]] = {i: {} for i in range(len(quotes))}
    speeches: list[tuple[int, int]] = []  # same speaker, both direct, no shared words: decided below
    for i, a in enumerate(quotes):
        for j in range(i + 1, len(quotes)):
            b = quotes[j]
            if a.source == b.source:
                continue
            kind = _relation(a, b, (words[i], quoted[i]), (words[j], quoted[j]), settings)
            same = a.speaker is not None and a.speaker == b.speaker and "indirect" in (a.kind, b.kind)
            if not kind and same and _cosine(vecs[i], vecs[j]) >= settings.paraphrase_cosine:
                kind = "paraphrase"
            if kind == "same-speech":
                speeches.append((i, j))
            elif kind:
                links[i][j] = links[j][i] = kind
    # one speech: the two sources share words of this speaker elsewhere (a judge's verdict quoted through
    # different sentences), not merely two things one person said somewhere
    shared = {
        (quotes[i].speaker, quotes[i].source, quotes[j].source)
        for i in links
        for j, kind in links[i].items()
        if kind == "same-words" and quotes[i].speaker == quotes[j].speaker
    }
    for i, j in speeches:
        if (quotes[i].speaker, quotes[i].source, quotes[j].source) in shared:
            links[i][j] = links[j][i] = "same-speech"
    out = []
    for i, q in enumerate(quotes):
        if not links[i]:
            out.append(q)
            continue
        linked = tuple((quotes[j].id, links[i][j]) for j in sorted(links[i]))
        words_shared = [(qid, kind) for qid, kind in linked if kind != "same-speech"]
        best = min((kind for _, kind in words_shared), key=MATCH_ORDER.index, default="")
        out.append(replace(q, links=linked, shared_with=tuple(qid for qid, _ in words_shared), match=best))
    return out


def _relation(
    a: Quote,
    b: Quote,
    words_a: tuple[list[str], list[str]],
    words_b: tuple[list[str], list[str]],
    settings: QuoteSettings,
) -> str:
    """How quote ``a`` relates to quote ``b`` of another source; ``words_*`` are (all words, the words
    inside quotation marks)."""
    (wa, qa), (wb, qb) = words_a, words_b
    same_speaker = a.speaker is not None and a.speaker == b.speaker
    other_speaker = a.speaker is not None and b.speaker is not None and a.speaker != b.speaker
    if a.kind != "indirect" and b.kind != "indirect" and _same_words(qa, qb, settings):
        return "other-speaker" if other_speaker else "same-words"
    if (
        same_speaker
        and "mixed" in (a.kind, b.kind)
        and "indirect" not in (a.kind, b.kind)
        and _fragment(qa, qb)
    ):
        return "same-words"  # 'had the gall to call the cuts "painful decisions"': the words of her statement
    if other_speaker:
        return ""
    ca, cb = _content(wa), _content(wb)
    if ca and cb and (a.kind == "indirect" or b.kind == "indirect"):
        jaccard = len(ca & cb) / len(ca | cb)
        if jaccard >= settings.paraphrase and (same_speaker or a.speaker is None or b.speaker is None):
            return "paraphrase"
    if same_speaker and wa and wa == wb and not (ca or cb) and "indirect" in (a.kind, b.kind):
        return "paraphrase"  # "is demanding 9%" in both: no content word to compare, the same words
    if same_speaker and a.kind != "indirect" and b.kind != "indirect":
        return "same-speech"
    return ""


def _same_words(wa: list[str], wb: list[str], settings: QuoteSettings) -> bool:
    """The shorter quote's words appear, in order, in the longer one (exact or trimmed quotes)."""
    short, long = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if len(short) < settings.min_shared_words:
        return False
    from rapidfuzz.distance import Indel

    # longest common subsequence of words, via the Indel distance on word-id sequences
    vocab: dict[str, int] = {}
    sa = [vocab.setdefault(w, len(vocab)) for w in short]
    sb = [vocab.setdefault(w, len(vocab)) for w in long]
    lcs = (len(sa) + len(sb) - Indel.distance(sa, sb)) / 2
    return lcs / len(short) >= settings.same_words


def _fragment(wa: list[str], wb: list[str]) -> bool:
    """The shorter run of quoted words stands, word for word and unbroken, in the longer one, and holds
    two content words at least: a mixed quote's short fragment of the speaker's full sentence."""
    short, long = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if len(_content(short)) < 2:
        return False
    n = len(short)
    return any(long[k : k + n] == short for k in range(len(long) - n + 1))


_STOP = wordset(
    """the a an and or but of to in on at for with by from that this these those is are was were be been
    will would could should can may might has have had do does did not no it its he she they we i you
    his her their our my your them us him me as if than then so there here said says"""
)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _quoted_words(q: Quote) -> list[str]:
    """The words a quote puts in quotation marks: all of a direct quote, the quoted fragments of a mixed
    one (`he had "never taken a single coin" that was not his`)."""
    if q.kind != "mixed":
        return _words(q.text)
    return [w for s, e in quote_spans(q.text) for w in _words(q.text[s:e])]


def _content(words: list[str]) -> set[str]:
    return {w for w in words if w not in _STOP and len(w) > 2}


# --------------------------------------------------------------------------- report helpers


@dataclass(frozen=True, slots=True)
class QuotedRow:
    """One cell of the "Who is quoted" table: a speaker in one outlet, how often and with which cues."""

    speaker: str  # speaker id, or "" for quotes whose speaker the text does not settle
    name: str
    source: str
    outlet: str
    count: int
    cues: tuple[str, ...]  # distinct cue words, most used first


def who_is_quoted(sources: Sequence[Source], findings: QuoteFindings) -> list[QuotedRow]:
    """Speaker x outlet counts and cue verbs for the report's "Who is quoted" table.

    Pieces of one quote broken by "she said" count once (they share a cue span).
    """
    outlets = {s.id: s.outlet for s in sources}
    names = {s.id: s.name for s in findings.speakers}
    cells: dict[tuple[str, str], list[Quote]] = {}
    for q in findings.quotes:
        cells.setdefault((q.speaker or "", q.source), []).append(q)
    order = {s.id: n for n, s in enumerate(findings.speakers)}
    rows = []
    for (speaker, source), qs in sorted(
        cells.items(), key=lambda kv: (order.get(kv[0][0], len(order)), kv[0][1])
    ):
        statements = {(q.cue_span or (q.start, q.end)) for q in qs}
        cues: dict[str, int] = {}
        for q in qs:
            if q.cue:
                cues[q.cue.lower()] = cues.get(q.cue.lower(), 0) + 1
        rows.append(
            QuotedRow(
                speaker=speaker,
                name=names.get(speaker, "(not stated or not resolved)"),
                source=source,
                outlet=outlets.get(source, source),
                count=len(statements),
                cues=tuple(sorted(cues, key=lambda c: (-cues[c], c))),
            )
        )
    return rows


# --------------------------------------------------------------------------- CLI helpers


def quotes_json(sources: Sequence[Source], findings: QuoteFindings) -> dict[str, object]:
    """The ``speakers`` and ``quotes`` sections of report schema v1, with each source's normalised text."""
    from newsprism.report.json import lens_sections, quote_to_dict, speaker_to_dict

    return lens_sections(
        sources,
        speakers=[speaker_to_dict(s) for s in findings.speakers],
        quotes=[quote_to_dict(q) for q in findings.quotes],
    )


def link_summary(q: Quote) -> str:
    """A quote's links by label, strongest first: "same-words: q15, q25; same-speech: q16"."""
    by_kind: dict[str, list[str]] = {}
    for qid, kind in q.links:
        by_kind.setdefault(kind, []).append(qid)
    return "; ".join(
        f"{k}: {', '.join(sorted(by_kind[k], key=_id_order))}" for k in sorted(by_kind, key=_rank)
    )


def _rank(kind: str) -> int:
    return MATCH_ORDER.index(kind) if kind in MATCH_ORDER else len(MATCH_ORDER)


def _id_order(qid: str) -> tuple[int, str]:
    return (int(qid[1:]), qid) if qid[1:].isdigit() else (0, qid)


def format_quotes(sources: Sequence[Source], findings: QuoteFindings) -> str:
    """A plain-text listing for the terminal: each speaker, then their quotes by outlet.

    An unresolved quote shows the speaker phrase its article uses ("the district", "bond analysts"): the
    text names a group or a body no one name stands for, which says more than "not stated".
    """
    outlets = {s.id: s.outlet for s in sources}
    texts = {s.id: s.text for s in sources}
    names = {s.id: s.name for s in findings.speakers}
    lines: list[str] = []
    order = [s.id for s in findings.speakers] + [None]
    for sid in order:
        qs = [q for q in findings.quotes if q.speaker == sid]
        if not qs:
            continue
        lines.append(names[sid] if sid is not None else "(speaker not stated or not resolved)")
        for pieces in _statements(qs):
            q = pieces[0]
            linked: dict[str, str] = {}  # each linked quote under the strongest label any piece gives it
            for qid, kind in sorted((x for p in pieces for x in p.links), key=lambda x: _rank(x[1])):
                linked.setdefault(qid, kind)
            link = f"  [{link_summary(replace(q, links=tuple(linked.items())))}]" if linked else ""
            cue = f" ({q.cue})" if q.cue else ""
            if sid is None and q.speaker_span is not None and q.source in texts:
                cue += f', by "{texts[q.source][q.speaker_span[0] : q.speaker_span[1]]}"'
            ids = "+".join(p.id for p in pieces)
            said = " … ".join(p.text for p in pieces)
            lines.append(f"  {ids} {outlets.get(q.source, q.source)}, {q.kind}{cue}: {said}{link}")
    return "\n".join(lines)


def _statements(quotes: Sequence[Quote]) -> list[list[Quote]]:
    """Pieces of one statement side by side: `"A," she said, "B."` and "X, insiders say, Y" are one
    statement in two quote records (they share the cue)."""
    out: list[list[Quote]] = []
    for q in quotes:
        last = out[-1][-1] if out else None
        if (
            last is not None
            and q.cue_span is not None
            and (last.source, last.cue_span) == (q.source, q.cue_span)
        ):
            out[-1].append(q)
        else:
            out.append([q])
    return out
