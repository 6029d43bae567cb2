"""Report schema v1 as JSON: the one wire format the CLI, web app and store share.

Field order follows DESIGN.md so diffs of two reports line up; model fields the schema does not name
(headline, skipped inputs, claim origins, quote spans ...) are added beside the schema ones, never renamed.
Floats are rounded to 4 places so the same report always serialises to the same bytes.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from newsprism.errors import NewsprismError
from newsprism.model import (
    Claim,
    Contradiction,
    LanguageSpan,
    Passage,
    Quote,
    Reuse,
    Skipped,
    Source,
    SourceReport,
    Speaker,
    StoryReport,
    SummarySentence,
)

SCHEMA = "newsprism.report/1"

_SUPPORTS = ("consensus", "partial", "single")
_VOICES = ("authorial", "attributed")
_QUOTE_KINDS = ("direct", "indirect", "mixed")
_CONTRADICTION_KINDS = ("number", "date", "entity", "negation")
_SPEAKER_KINDS = ("person", "organisation", "anonymous", "unknown")

T = TypeVar("T")


# --------------------------------------------------------------------------- dump


def _num(x: float) -> float | None:
    """Round to 4 places; NaN/inf have no JSON spelling, so they become null rather than invalid JSON."""
    x = float(x)
    return round(x, 4) if math.isfinite(x) else None


def _passage(p: Passage) -> dict[str, Any]:
    return {"source": p.source, "start": p.start, "end": p.end, "text": p.text}


def _source(s: SourceReport) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": s.id,
        "outlet": s.outlet,
        "title": s.title,
        "url": s.url,
        "published": s.published,
        "language": s.language,
        "words": s.words,
        "text": s.text,
        "loadedness": _num(s.loadedness),
        "wire": list(s.wire),
        "reused_share": _num(s.reused_share),
        "warnings": list(s.warnings),
        "biased_sentences": _num(s.biased_sentences),
    }
    if s.author:  # added in v1: who the input says wrote the article (its byline, author field or header)
        out["author"] = s.author
    if s.title_language:  # added in v1: loaded words of the title, offsets into "title" (not "text")
        out["title_language"] = [_title_span(ls) for ls in s.title_language]
    return out


def _title_span(s: LanguageSpan) -> dict[str, Any]:
    out = language_to_dict(s)
    del out["source"]  # the source it sits in
    return out


def _claim(c: Claim) -> dict[str, Any]:
    return {
        "id": c.id,
        "support": c.support,
        "sources": list(c.sources),
        "sentences": [_passage(p) for p in c.sentences],
        "origins": c.origins,
        "contested": c.contested,
    }


def lens_sections(sources: Sequence[Source], **sections: object) -> dict[str, object]:
    """Sections of report schema v1 that one lens fills, with each source's normalised text (what the
    lens commands print with --format json)."""
    listed = [{"id": s.id, "outlet": s.outlet, "title": s.article.title, "text": s.text} for s in sources]
    return {"schema": SCHEMA, "sources": listed, **sections}


def skipped_list(skipped: Sequence[Skipped]) -> list[dict[str, str]]:
    return [{"origin": s.origin, "reason": s.reason} for s in skipped]


def contradiction_to_dict(c: Contradiction) -> dict[str, Any]:
    return {
        "claims": list(c.claims),
        "kind": c.kind,
        "values": [_passage(p) for p in c.values],
        "explanation": c.explanation,
    }


def speaker_to_dict(s: Speaker) -> dict[str, Any]:
    return {
        "id": s.id,
        "name": s.name,
        "aliases": list(s.aliases),
        "sources": list(s.sources),
        "kind": s.kind,
    }


def quote_to_dict(q: Quote) -> dict[str, Any]:
    return {
        "id": q.id,
        "source": q.source,
        "speaker": q.speaker,
        "kind": q.kind,
        "start": q.start,
        "end": q.end,
        "text": q.text,
        "cue": q.cue,
        "shared_with": list(q.shared_with),
        "speaker_span": list(q.speaker_span) if q.speaker_span is not None else None,
        "cue_span": list(q.cue_span) if q.cue_span is not None else None,
        "match": q.match,
        "links": [{"quote": qid, "match": kind} for qid, kind in q.links],
    }


def language_to_dict(s: LanguageSpan) -> dict[str, Any]:
    return {
        "source": s.source,
        "start": s.start,
        "end": s.end,
        "text": s.text,
        "voice": s.voice,
        "category": s.category,
        "score": _num(s.score),
        "neutral": s.neutral,
    }


def _reuse(r: Reuse) -> dict[str, Any]:
    out: dict[str, Any] = {
        "sources": list(r.sources),
        "similarity": _num(r.similarity),
        "passages": [_passage(p) for p in r.passages],
        "changes": list(r.changes),
    }
    if r.origin is not None:  # added in v1: the source the other copied from, when known
        out["origin"] = r.origin
    return out


def _summary(s: SummarySentence) -> dict[str, Any]:
    return {"text": s.text, "sources": list(s.sources), "claims": list(s.claims)}


def to_dict(report: StoryReport) -> dict[str, Any]:
    """Schema v1 as plain dicts and lists (JSON-ready); key order is fixed, so output is deterministic."""
    return {
        "schema": SCHEMA,
        "generated_at": report.generated_at,
        "headline": report.headline,
        "sources": [_source(s) for s in report.sources],
        "claims": [_claim(c) for c in report.claims],
        "contradictions": [contradiction_to_dict(c) for c in report.contradictions],
        "speakers": [speaker_to_dict(s) for s in report.speakers],
        "quotes": [quote_to_dict(q) for q in report.quotes],
        "language": [language_to_dict(s) for s in report.language],
        "reuse": [_reuse(r) for r in report.reuse],
        "summary": [_summary(s) for s in report.summary],
        "skipped": skipped_list(report.skipped),
    }


def to_json(report: StoryReport, *, indent: int | None = 2) -> str:
    """Byte-identical for equal reports: fixed key order, rounded floats, UTF-8 text kept as is."""
    return json.dumps(to_dict(report), indent=indent, ensure_ascii=False, allow_nan=False)


# --------------------------------------------------------------------------- load


class _Reader:
    """Typed access to one JSON object; every complaint names the path, so a broken file is fixable."""

    def __init__(self, data: Any, path: str) -> None:
        if not isinstance(data, Mapping):
            raise _bad(path, "an object", data)
        self.data = data
        self.path = path

    def _get(self, key: str, default: Any, required: bool) -> Any:
        if key in self.data:
            return self.data[key]
        if required:
            raise NewsprismError(
                f"report JSON is missing '{self.path}.{key}'; "
                "was it written by newsprism (schema newsprism.report/1)?"
            )
        return default

    def text(self, key: str, default: str = "", *, required: bool = False) -> str:
        v = self._get(key, default, required)
        if not isinstance(v, str):
            raise _bad(f"{self.path}.{key}", "a string", v)
        return v

    def opt_text(self, key: str) -> str | None:
        v = self._get(key, None, False)
        if v is not None and not isinstance(v, str):
            raise _bad(f"{self.path}.{key}", "a string or null", v)
        return v

    def integer(self, key: str, *, required: bool = True) -> int:
        v = self._get(key, 0, required)
        if not isinstance(v, int) or isinstance(v, bool):
            raise _bad(f"{self.path}.{key}", "an integer", v)
        return v

    def opt_integer(self, key: str) -> int | None:
        v = self._get(key, None, False)
        if v is None:
            return None
        if not isinstance(v, int) or isinstance(v, bool):
            raise _bad(f"{self.path}.{key}", "an integer or null", v)
        return v

    def number(self, key: str, default: float = 0.0) -> float:
        v = self._get(key, default, False)
        if v is None:  # written for NaN/inf
            return math.nan
        if not isinstance(v, int | float) or isinstance(v, bool):
            raise _bad(f"{self.path}.{key}", "a number", v)
        return float(v)

    def flag(self, key: str, default: bool = False) -> bool:
        v = self._get(key, default, False)
        if not isinstance(v, bool):
            raise _bad(f"{self.path}.{key}", "true or false", v)
        return v

    def strs(self, key: str) -> tuple[str, ...]:
        v = self._get(key, [], False)
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            raise _bad(f"{self.path}.{key}", "a list of strings", v)
        return tuple(v)

    def choice(self, key: str, allowed: Sequence[str], default: str | None = None) -> Any:
        v = self._get(key, default, default is None)
        if v not in allowed:
            raise _bad(f"{self.path}.{key}", "one of " + ", ".join(allowed), v)
        return v

    def span(self, key: str) -> tuple[int, int] | None:
        v = self._get(key, None, False)
        if v is None:
            return None
        if (
            not isinstance(v, list)
            or len(v) != 2
            or not all(isinstance(x, int) and not isinstance(x, bool) for x in v)
        ):
            raise _bad(f"{self.path}.{key}", "[start, end] or null", v)
        return (v[0], v[1])

    def items(self, key: str, build: Callable[[_Reader], T]) -> tuple[T, ...]:
        v = self._get(key, [], False)
        if not isinstance(v, list):
            raise _bad(f"{self.path}.{key}", "a list", v)
        return tuple(build(_Reader(x, f"{self.path}.{key}[{i}]")) for i, x in enumerate(v))


def _bad(path: str, expected: str, got: Any) -> NewsprismError:
    shown = repr(got)
    if len(shown) > 60:
        shown = shown[:57] + "..."
    return NewsprismError(
        f"report JSON has {shown} at '{path}' where {expected} is expected; fix or regenerate the report"
    )


def _load_passage(r: _Reader) -> Passage:
    return Passage(r.text("source", required=True), r.integer("start"), r.integer("end"), r.text("text"))


def _load_source(r: _Reader) -> SourceReport:
    return SourceReport(
        id=r.text("id", required=True),
        outlet=r.text("outlet"),
        title=r.text("title"),
        url=r.opt_text("url"),
        published=r.opt_text("published"),
        language=r.text("language", "en"),
        words=r.integer("words", required=False),
        text=r.text("text", required=True),
        loadedness=r.number("loadedness"),
        wire=r.strs("wire"),
        reused_share=r.number("reused_share"),
        warnings=r.strs("warnings"),
        biased_sentences=r.number("biased_sentences"),
        author=r.text("author"),
        title_language=r.items("title_language", lambda x: _load_span(x, r.text("id"))),
    )


def _load_span(r: _Reader, source: str) -> LanguageSpan:
    """A language span of ``source``: a ``language`` item names it, a ``sources[].title_language`` item
    is its source's."""
    return LanguageSpan(
        source=source,
        start=r.integer("start"),
        end=r.integer("end"),
        text=r.text("text"),
        voice=r.choice("voice", _VOICES),
        category=r.text("category"),
        score=r.number("score"),
        neutral=r.opt_text("neutral"),
    )


def _load_claim(r: _Reader) -> Claim:
    return Claim(
        id=r.text("id", required=True),
        support=r.choice("support", _SUPPORTS),
        sources=r.strs("sources"),
        sentences=r.items("sentences", _load_passage),
        origins=r.opt_integer("origins"),
        contested=r.flag("contested"),
    )


def _load_contradiction(r: _Reader) -> Contradiction:
    return Contradiction(
        claims=r.strs("claims"),
        kind=r.choice("kind", _CONTRADICTION_KINDS),
        values=r.items("values", _load_passage),
        explanation=r.text("explanation"),
    )


def _load_speaker(r: _Reader) -> Speaker:
    return Speaker(
        id=r.text("id", required=True),
        name=r.text("name"),
        aliases=r.strs("aliases"),
        sources=r.strs("sources"),
        kind=r.choice("kind", _SPEAKER_KINDS, "person"),
    )


def _load_quote(r: _Reader) -> Quote:
    return Quote(
        id=r.text("id", required=True),
        source=r.text("source", required=True),
        speaker=r.opt_text("speaker"),
        kind=r.choice("kind", _QUOTE_KINDS),
        start=r.integer("start"),
        end=r.integer("end"),
        text=r.text("text"),
        cue=r.text("cue"),
        speaker_span=r.span("speaker_span"),
        cue_span=r.span("cue_span"),
        shared_with=r.strs("shared_with"),
        match=r.text("match"),
        links=_load_links(r),
    )


def _load_links(r: _Reader) -> tuple[tuple[str, str], ...]:
    """A quote's labelled links; a report written before they existed has only ``shared_with`` and one
    ``match`` for all of them, which each link then takes."""
    if "links" not in r.data:
        match = r.text("match")
        return tuple((qid, match) for qid in r.strs("shared_with"))
    return r.items("links", lambda x: (x.text("quote", required=True), x.text("match", required=True)))


def _load_language(r: _Reader) -> LanguageSpan:
    return _load_span(r, r.text("source", required=True))


def _load_reuse(r: _Reader) -> Reuse:
    sources = r.strs("sources")
    passages = r.items("passages", _load_passage)
    if len(sources) != 2 or len(passages) != 2:
        raise NewsprismError(f"report JSON '{r.path}' must name exactly two sources and two passages")
    return Reuse(
        sources=(sources[0], sources[1]),
        similarity=r.number("similarity"),
        passages=(passages[0], passages[1]),
        changes=r.strs("changes"),
        origin=r.opt_text("origin"),
    )


def _load_summary(r: _Reader) -> SummarySentence:
    return SummarySentence(
        text=r.text("text", required=True), sources=r.strs("sources"), claims=r.strs("claims")
    )


def _load_skipped(r: _Reader) -> Skipped:
    return Skipped(origin=r.text("origin", required=True), reason=r.text("reason"))


def _fill_reuse_text(reuse: tuple[Reuse, ...], sources: tuple[SourceReport, ...]) -> tuple[Reuse, ...]:
    """Schema v1 lets reuse passages omit their text; take it from the source so every passage is whole."""
    texts = {s.id: s.text for s in sources}

    def fill(p: Passage) -> Passage:
        if p.text or p.start >= p.end or p.source not in texts:
            return p
        return Passage(p.source, p.start, p.end, texts[p.source][p.start : p.end])

    return tuple(
        Reuse(r.sources, r.similarity, (fill(r.passages[0]), fill(r.passages[1])), r.changes, r.origin)
        for r in reuse
    )


def from_dict(data: Mapping[str, Any]) -> StoryReport:
    """Load a schema-v1 report; fields added later in v1 are ignored, a different schema is refused."""
    if not isinstance(data, Mapping):
        raise NewsprismError("a newsprism report must be a JSON object; this file holds something else")
    schema = data.get("schema")
    if schema != SCHEMA:
        raise NewsprismError(
            f"this report uses schema {schema!r}, but this newsprism reads {SCHEMA!r}; "
            "regenerate the report with this version or upgrade newsprism"
        )
    r = _Reader(data, "report")
    sources = r.items("sources", _load_source)
    return StoryReport(
        sources=sources,
        claims=r.items("claims", _load_claim),
        contradictions=r.items("contradictions", _load_contradiction),
        speakers=r.items("speakers", _load_speaker),
        quotes=r.items("quotes", _load_quote),
        language=r.items("language", _load_language),
        reuse=_fill_reuse_text(r.items("reuse", _load_reuse), sources),
        summary=r.items("summary", _load_summary),
        headline=r.text("headline"),
        skipped=r.items("skipped", _load_skipped),
        generated_at=r.text("generated_at"),
    )


def from_json(text: str | bytes) -> StoryReport:
    """Parse a report written by :func:`to_json`."""
    try:
        data = json.loads(text)
    except ValueError as e:
        raise NewsprismError(f"not a JSON report ({e}); pass a file written by 'newsprism ... --json'") from e
    return from_dict(data)


# --------------------------------------------------------------------------- provenance


def check_offsets(report: StoryReport) -> list[str]:
    """Every broken offset ("text[start:end] is checkable") or citation; empty when the report is sound."""
    texts = {s.id: s.text for s in report.sources}
    problems: list[str] = []

    def span(where: str, source: str, start: int, end: int, text: str | None) -> None:
        if source not in texts:
            problems.append(f"{where}: unknown source {source!r}")
            return
        full = texts[source]
        if not 0 <= start <= end <= len(full):
            problems.append(f"{where}: [{start}:{end}] is outside {source} (text length {len(full)})")
        elif text is not None and full[start:end] != text:
            problems.append(f"{where}: {text!r} != {source}.text[{start}:{end}] {full[start:end]!r}")

    def unique(kind: str, ids: Sequence[str]) -> None:
        seen: set[str] = set()
        for i in ids:
            if i in seen:
                problems.append(f"{kind}: duplicate id {i!r}")
            seen.add(i)

    unique("sources", [s.id for s in report.sources])
    unique("claims", [c.id for c in report.claims])
    unique("speakers", [s.id for s in report.speakers])
    unique("quotes", [q.id for q in report.quotes])
    claims = {c.id: c for c in report.claims}
    speakers = {s.id for s in report.speakers}
    quotes = {q.id for q in report.quotes}

    for i, c in enumerate(report.claims):
        where = f"claims[{i}] ({c.id})"
        for j, p in enumerate(c.sentences):
            span(f"{where}.sentences[{j}]", p.source, p.start, p.end, p.text)
        if set(c.sources) != {p.source for p in c.sentences}:
            problems.append(f"{where}: sources {list(c.sources)} differ from the sources of its sentences")
    for i, k in enumerate(report.contradictions):
        where = f"contradictions[{i}]"
        for cid in k.claims:
            if cid not in claims:
                problems.append(f"{where}: unknown claim {cid!r}")
        for j, p in enumerate(k.values):
            span(f"{where}.values[{j}]", p.source, p.start, p.end, p.text)
    for i, sp in enumerate(report.speakers):
        for sid in sp.sources:
            if sid not in texts:
                problems.append(f"speakers[{i}] ({sp.id}): unknown source {sid!r}")
    for i, q in enumerate(report.quotes):
        where = f"quotes[{i}] ({q.id})"
        span(where, q.source, q.start, q.end, q.text)
        if q.speaker_span is not None:
            span(f"{where}.speaker_span", q.source, *q.speaker_span, None)
        if q.cue_span is not None:
            span(f"{where}.cue_span", q.source, *q.cue_span, None)
        if q.speaker is not None and q.speaker not in speakers:
            problems.append(f"{where}: unknown speaker {q.speaker!r}")
        for other in q.shared_with:
            if other not in quotes:
                problems.append(f"{where}: shared_with names unknown quote {other!r}")
        for other, _ in q.links:
            if other not in quotes:
                problems.append(f"{where}: links names unknown quote {other!r}")
    for i, ls in enumerate(report.language):
        span(f"language[{i}]", ls.source, ls.start, ls.end, ls.text)
    for i, src in enumerate(report.sources):
        for j, ls in enumerate(src.title_language):  # these point into the title, not the text
            where = f"sources[{i}].title_language[{j}]"
            if ls.source != src.id:
                problems.append(f"{where}: names source {ls.source!r}, not its own {src.id!r}")
            if not 0 <= ls.start <= ls.end <= len(src.title):
                problems.append(
                    f"{where}: [{ls.start}:{ls.end}] is outside {src.id}'s title (length {len(src.title)})"
                )
            elif (got := src.title[ls.start : ls.end]) != ls.text:
                problems.append(f"{where}: {ls.text!r} != {src.id}.title[{ls.start}:{ls.end}] {got!r}")
    for i, ru in enumerate(report.reuse):
        for j, p in enumerate(ru.passages):
            span(f"reuse[{i}].passages[{j}]", p.source, p.start, p.end, p.text)
        if tuple(p.source for p in ru.passages) != tuple(ru.sources):
            problems.append(f"reuse[{i}]: passage sources do not match {list(ru.sources)}")
        if ru.origin is not None and ru.origin != ru.sources[0]:
            problems.append(f"reuse[{i}]: origin {ru.origin!r} is not the first of {list(ru.sources)}")
    for i, s in enumerate(report.summary):
        where = f"summary[{i}]"
        if not s.sources or not s.claims:
            problems.append(f"{where}: every summary sentence must cite sources and claim ids")
        for sid in s.sources:
            if sid not in texts:
                problems.append(f"{where}: cites unknown source {sid!r}")
        backed: set[str] = set()
        for cid in s.claims:
            if cid not in claims:
                problems.append(f"{where}: cites unknown claim {cid!r}")
            else:
                backed.update(claims[cid].sources)
        unbacked = [sid for sid in s.sources if sid in texts and backed and sid not in backed]
        if unbacked:
            problems.append(f"{where}: cites {unbacked} but none of its claims comes from them")
    return problems
