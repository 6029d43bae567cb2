"""One standalone HTML file per report: no external assets, printable, every piece of article text escaped.

The template only lays out what this module prepares; any article text that reaches it is either a plain
string (autoescaped by Jinja) or ``Markup`` built by :mod:`newsprism.report._highlight`, which escapes every
piece between our own tags.
"""

from __future__ import annotations

import hashlib
import threading
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from markupsafe import Markup

from newsprism.model import LanguageSpan, Passage, Quote, SourceReport, StoryReport
from newsprism.report._common import (
    claim_groups,
    group_labels,
    headline,
    link_label,
    outlet_names,
    pct,
    quote_groups,
    speaker_table,
)
from newsprism.report._highlight import Mark, excerpt, highlight, word_diff
from newsprism.report.json import SCHEMA

if TYPE_CHECKING:
    from jinja2 import Environment

TEMPLATES = Path(__file__).resolve().parent / "templates"
PALETTE = 12  # outlet colours defined in the template's CSS (.o0 ... .o11)
# Up to this many sources a claim card keeps an empty "no matching sentence" column for each outlet that
# lacks the claim (the side-by-side view of a few outlets); with more, only the reporting outlets get a
# column and the others are named on one line, so a card never hides reporting outlets behind a sideways
# scroll.
ABSENT_COLUMNS = 4
# A claim group longer than this starts collapsed (a long feature article can bring hundreds of claims
# that only it reports); a link to one of its claims still opens it.
OPEN_GROUP_MAX = 40


@dataclass(frozen=True, slots=True)
class Src:
    """What the template needs to name a source anywhere in the report."""

    id: str
    name: str
    colour: int


@dataclass(slots=True)
class Cell:
    """One outlet's column in a side-by-side row; ``items`` empty means the outlet does not have it."""

    src: Src
    items: list[dict[str, Any]] = field(default_factory=list)


def _safe_url(url: str | None) -> str | None:
    """Only http(s) links are clickable: a ``javascript:`` URL from a feed must never reach an href."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def _lang_title(ls: LanguageSpan) -> str:
    voice = "the outlet's own words" if ls.voice == "authorial" else "attributed to a speaker"
    parts = [f"{ls.category or 'loaded'} · {voice} · score {ls.score:.2f}"]
    if ls.neutral:
        parts.append(f"neutral: {ls.neutral}")
    return " · ".join(parts)


def _lang_speech(ls: LanguageSpan) -> str:
    """The tooltip as a screen reader says it (words, not the "·" separators of the visible tip)."""
    voice = "the outlet's own words" if ls.voice == "authorial" else "attributed to a speaker"
    text = f"loaded language: {ls.category or 'loaded'}, {voice}, score {ls.score:.2f}"
    return text + (f"; neutral alternative: {ls.neutral}" if ls.neutral else "")


def _lang_marks(spans: list[LanguageSpan], tips: dict[str, str]) -> list[Mark]:
    """Loaded-language marks; each points (aria-describedby) at the one hidden copy of its description."""
    return [
        Mark(s.start, s.end, f"ll {s.voice}", title=_lang_title(s), describedby=tips[_lang_speech(s)])
        for s in spans
    ]


def _tip_ids(spans: tuple[LanguageSpan, ...]) -> dict[str, str]:
    """One id per distinct description, in report order: hundreds of spans share a few of them."""
    tips: dict[str, str] = {}
    for s in spans:
        tips.setdefault(_lang_speech(s), f"tip-{len(tips) + 1}")
    return tips


def _sentence_anchor(p: Passage) -> str:
    return f"t-{p.source}-{p.start}"


class _View:
    """Turns a StoryReport into plain structures for the template (all lookups done once, here)."""

    def __init__(self, report: StoryReport) -> None:
        self.r = report
        names = outlet_names(report)
        self.srcs = [Src(s.id, names[s.id], i % PALETTE) for i, s in enumerate(report.sources)]
        self.by_id = {s.id: s for s in self.srcs}
        self.texts = {s.id: s.text for s in report.sources}
        self.lang: dict[str, list[LanguageSpan]] = {s.id: [] for s in report.sources}
        for ls in report.language:
            self.lang.setdefault(ls.source, []).append(ls)
        self.speakers = {s.id: s.name for s in report.speakers}
        titles = tuple(ls for s in report.sources for ls in s.title_language)
        self.tips = _tip_ids(report.language + titles)  # title ones after, so body tip ids do not move
        self.lang_marks = {sid: _lang_marks(spans, self.tips) for sid, spans in self.lang.items()}

    def src(self, sid: str) -> Src:
        return self.by_id.get(sid) or Src(sid, sid, 0)

    def text(self, sid: str) -> str:
        return self.texts.get(sid, "")

    def in_context(self, p: Passage, cls: str) -> Markup:
        """The passage highlighted inside its surrounding paragraphs, loaded language marked too."""
        marks = [Mark(p.start, p.end, cls), *self.lang_marks.get(p.source, [])]
        return excerpt(self.text(p.source), p.start, p.end, marks)

    def cells(self) -> list[Cell]:
        return [Cell(s) for s in self.srcs]

    # ------------------------------------------------------------------ sections

    def sources(self) -> list[dict[str, Any]]:
        out = []
        for s, rep in zip(self.srcs, self.r.sources, strict=True):
            out.append(self._source(s, rep))
        return out

    def title_html(self, rep: SourceReport) -> Markup | str:
        """The title with its loaded words marked like the body's (escaped); the plain title if none."""
        if not rep.title_language:
            return rep.title
        return highlight(rep.title, _lang_marks(list(rep.title_language), self.tips))

    def _source(self, s: Src, rep: SourceReport) -> dict[str, Any]:
        return {
            "src": s,
            "title": self.title_html(rep),
            "author": rep.author,
            "url": _safe_url(rep.url),
            "published": rep.published or "",
            "language": rep.language,
            "words": rep.words,
            "loadedness": pct(rep.loadedness),
            "loaded_w": _width(rep.loadedness),
            "biased": pct(rep.biased_sentences),
            "wire": list(rep.wire),
            "reused": pct(rep.reused_share),
            "reused_w": _width(rep.reused_share),
            "warnings": list(rep.warnings),
        }

    def summary(self) -> list[dict[str, Any]]:
        """Each summary sentence with its citations; an outlet's chip opens that outlet's own sentence of
        the cited claims in its full text (the evidence), not the top of the article."""
        claims = {c.id: c for c in self.r.claims}
        out = []
        for s in self.r.summary:
            held = [p for cid in s.claims if cid in claims for p in claims[cid].sentences]
            cites = []
            for sid in s.sources:
                own = next((p for p in held if p.source == sid), None)
                cites.append((self.src(sid), _sentence_anchor(own) if own else f"text-{sid}"))
            out.append({"text": s.text, "cites": cites, "claims": list(s.claims)})
        return out

    def sentence(self, p: Passage, marks: list[Mark]) -> Markup:
        """A claim sentence with the disputed values marked; its own text if the offsets do not hold."""
        text = self.text(p.source)
        if text[p.start : p.end] != p.text:
            return highlight(p.text, [])
        return highlight(text, marks, p.start, p.end)

    def claim_groups(self) -> list[dict[str, Any]]:
        disputes: dict[str, list[int]] = {}
        values: dict[tuple[str, str], list[Mark]] = {}  # (claim id, source id) -> disputed values
        for i, k in enumerate(self.r.contradictions):
            for cid in k.claims:
                disputes.setdefault(cid, []).append(i)
                for v in k.values:
                    mark = Mark(v.start, v.end, "value", title=k.explanation)
                    values.setdefault((cid, v.source), []).append(mark)
        groups = []
        for key, title, claims in claim_groups(self.r):
            rows = []
            for c in claims:
                cells = self.cells()
                for p in c.sentences:
                    for cell in cells:
                        if cell.src.id == p.source:
                            marks = values.get((c.id, p.source), [])
                            cell.items.append(
                                {
                                    "html": self.sentence(p, marks),
                                    "context": self.in_context(p, "claim"),
                                    "anchor": _sentence_anchor(p),
                                }
                            )
                absent: list[Src] = []
                if len(cells) > ABSENT_COLUMNS:
                    absent = [cell.src for cell in cells if not cell.items]
                    cells = [cell for cell in cells if cell.items]
                rows.append(
                    {
                        "id": c.id,
                        "support": c.support,
                        "contested": c.contested,
                        "origins": c.origins,
                        "n": len(set(c.sources)),
                        "cells": cells,
                        # a single-source claim's badge already says the others lack it
                        "absent": absent if c.support != "single" or c.contested else [],
                        "disputes": disputes.get(c.id, []),
                    }
                )
            groups.append({"key": key, "title": title, "claims": rows, "open": len(rows) <= OPEN_GROUP_MAX})
        return groups

    def who(self) -> list[dict[str, Any]]:
        rows = []
        for label, cells in speaker_table(self.r):
            row = [cells.get(s.id, (0, [])) for s in self.srcs]
            rows.append({"label": label, "cells": row, "total": sum(n for n, _ in row)})
        return rows

    def _quote_marks(self, q: Quote) -> list[Mark]:
        marks = [Mark(q.start, q.end, f"quote {q.kind}")]
        if q.speaker_span:
            marks.append(Mark(*q.speaker_span, "speaker", tag="span", title="speaker"))
        if q.cue_span:
            marks.append(Mark(*q.cue_span, "cue", tag="span", title="speech verb"))
        return marks

    def quote_rows(self) -> list[dict[str, Any]]:
        rows = []
        for group in quote_groups(self.r.quotes):
            cells = self.cells()
            speakers: list[str] = []
            for q in group:
                who = self.speakers.get(q.speaker, q.speaker) if q.speaker else "unattributed"
                if who and who not in speakers:
                    speakers.append(who)
                text = self.text(q.source)
                lo, hi = q.start, q.end
                for extra in (q.speaker_span, q.cue_span):
                    if extra and abs(extra[0] - q.start) < 400 and abs(extra[1] - q.end) < 400:
                        lo, hi = min(lo, extra[0]), max(hi, extra[1])  # speaker and verb nearby: show them
                marks = [*self._quote_marks(q), *self.lang_marks.get(q.source, [])]
                context = excerpt(text, lo, hi, marks, context=200, paragraph=True)
                for cell in cells:
                    if cell.src.id == q.source:
                        cell.items.append(
                            {
                                "id": q.id,
                                "kind": q.kind,
                                "cue": q.cue,
                                "match": link_label(q, group[: group.index(q)]),
                                "context": context,
                            }
                        )
            matches = group_labels(group)
            shown = [c for c in cells if c.items]
            rows.append({"speakers": speakers, "cells": shown, "matches": matches, "n": len(group)})
        return rows

    def texts_view(self) -> list[dict[str, Any]]:
        """Each source's full text: loaded language highlighted, claim sentences anchored for links."""
        out = []
        claim_of: dict[tuple[str, int], str] = {}
        for c in self.r.claims:
            for p in c.sentences:
                claim_of.setdefault((p.source, p.start), c.id)
        for s, rep in zip(self.srcs, self.r.sources, strict=True):
            spans = self.lang.get(s.id, [])
            marks = list(self.lang_marks.get(s.id, []))
            seen: set[tuple[int, int]] = set()
            for c in self.r.claims:
                for p in c.sentences:
                    if p.source == s.id and (p.start, p.end) not in seen:
                        seen.add((p.start, p.end))
                        marks.append(
                            Mark(p.start, p.end, "sent", tag="span", anchor=_sentence_anchor(p), title=None)
                        )
            marks += [Mark(q.start, q.end, "qt", tag="span") for q in self.r.quotes if q.source == s.id]
            voices = Counter(ls.voice for ls in spans)
            terms = Counter((ls.text.lower(), ls.voice, ls.category, ls.neutral or "") for ls in spans)
            out.append(
                {
                    "src": s,
                    "title": self.title_html(rep),
                    "html": highlight(rep.text, marks),
                    "authorial": voices.get("authorial", 0),
                    "attributed": voices.get("attributed", 0),
                    "terms": [
                        {"text": t, "voice": v, "category": c, "neutral": n, "count": k}
                        for (t, v, c, n), k in sorted(
                            terms.items(), key=lambda x: (x[0][1] != "authorial", -x[1], x[0][0])
                        )
                    ],
                    "loadedness": pct(rep.loadedness),
                }
            )
        return out

    def reuse(self) -> list[dict[str, Any]]:
        out = []
        for r in self.r.reuse:
            a, b = r.passages
            removed, added = word_diff(a.text, b.text)
            sides = []
            for p, diffs, cls in ((a, removed, "del"), (b, added, "ins")):
                marks = [Mark(p.start + lo, p.start + hi, cls) for lo, hi in diffs]
                sides.append(
                    {"src": self.src(p.source), "html": highlight(self.text(p.source), marks, p.start, p.end)}
                )
            out.append(
                {
                    "similarity": pct(r.similarity),
                    "sides": sides,
                    "changes": list(r.changes),
                    "directed": r.origin is not None,  # then the first side is the origin
                }
            )
        return out

    def contradictions(self) -> list[dict[str, Any]]:
        out = []
        claims = {c.id: c for c in self.r.claims}
        for k in self.r.contradictions:
            cells = self.cells()
            for v in k.values:
                host = _host_sentence(
                    v, [p for cid in k.claims if cid in claims for p in claims[cid].sentences]
                )
                marks = [Mark(v.start, v.end, "value")]
                if host is not None:
                    marks.append(Mark(host.start, host.end, "claim"))
                context = excerpt(self.text(v.source), v.start, v.end, marks, context=200)
                for cell in cells:
                    if cell.src.id == v.source:
                        cell.items.append({"value": v.text, "context": context})
            shown = [c for c in cells if c.items]
            out.append(
                {"kind": k.kind, "explanation": k.explanation, "claims": list(k.claims), "cells": shown}
            )
        return out


def _host_sentence(v: Passage, sentences: list[Passage]) -> Passage | None:
    for p in sentences:
        if p.source == v.source and p.start <= v.start and v.end <= p.end:
            return p
    return None


def _width(x: float) -> int:
    return max(0, min(100, round(x * 100))) if x == x else 0


def _n(n: int, word: str) -> str:
    return word if n == 1 else word + "s"


def render_context(report: StoryReport) -> dict[str, Any]:
    """What ``report.html.j2`` is rendered with; public so an app can render it through its own loader."""
    v = _View(report)
    groups = v.claim_groups()
    shared = sum(len(g["claims"]) for g in groups if g["key"] == "consensus")
    counts = [
        (_n(len(report.sources), "source"), len(report.sources), "sources"),
        (_n(len(report.claims), "claim"), len(report.claims), "claims"),
        ("shared by all", shared, "claims"),
        (_n(len(report.quotes), "quote"), len(report.quotes), "quotes"),
        (_n(len(report.language), "loaded term"), len(report.language), "language"),
        (_n(len(report.reuse), "reused passage"), len(report.reuse), "reuse"),
        (_n(len(report.contradictions), "contradiction"), len(report.contradictions), "contradictions"),
    ]
    if report.skipped:
        counts.append((_n(len(report.skipped), "skipped input"), len(report.skipped), "skipped"))
    return {
        "schema": SCHEMA,
        "headline": headline(report),
        "generated_at": report.generated_at,
        "counts": counts,
        "srcs": v.srcs,
        "ncols": max(1, len(v.srcs)),
        "sources": v.sources(),
        "summary": v.summary(),
        "groups": groups,
        "who": v.who(),
        "quote_rows": v.quote_rows(),
        "texts": v.texts_view(),
        "has_language": bool(report.language),
        "tips": [{"id": i, "text": t} for t, i in v.tips.items()],
        # claim cards: a column per outlet up to ABSENT_COLUMNS sources, else per reporting outlet only
        "all_columns": len(v.srcs) <= ABSENT_COLUMNS,
        "reuse": v.reuse(),
        "contradictions": v.contradictions(),
        "skipped": [{"origin": s.origin, "reason": s.reason} for s in report.skipped],
    }


class HtmlRenderer:
    """Renders reports to standalone HTML, compiling the template once per renderer.

    Compiling ``report.html.j2`` costs about as much as rendering a mid-size report, so a caller that
    renders many reports (the web app, a batch export) keeps one renderer; nothing is cached per process.
    """

    def __init__(self) -> None:
        self._env: Environment | None = None
        self._fingerprint: str | None = None
        self._lock = threading.Lock()

    @property
    def env(self) -> Environment:
        """The Jinja environment (built on first use; jinja2 is imported only then)."""
        with self._lock:
            if self._env is None:
                from jinja2 import Environment, FileSystemLoader, StrictUndefined

                self._env = Environment(
                    loader=FileSystemLoader(TEMPLATES),
                    autoescape=True,
                    undefined=StrictUndefined,
                    trim_blocks=True,
                    lstrip_blocks=True,
                )
            return self._env

    @property
    def fingerprint(self) -> str:
        """Changes whenever the page for the same report could change (templates or newsprism version).

        Callers that persist rendered pages put it in their cache key, so an upgrade never serves an
        old layout.
        """
        with self._lock:
            if self._fingerprint is None:
                from newsprism import __version__

                digest = hashlib.sha256(__version__.encode())
                for path in sorted(TEMPLATES.glob("*.j2")):
                    digest.update(path.name.encode() + b"\0" + path.read_bytes())
                self._fingerprint = digest.hexdigest()[:16]
            return self._fingerprint

    def render(self, report: StoryReport) -> str:
        """The report as one self-contained HTML page (inline CSS and JS, nothing fetched)."""
        return str(self.env.get_template("report.html.j2").render(**render_context(report)))


def to_html(report: StoryReport) -> str:
    """The report as one self-contained HTML page; keep an :class:`HtmlRenderer` to render many."""
    return HtmlRenderer().render(report)
