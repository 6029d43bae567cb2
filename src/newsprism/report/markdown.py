"""A plain Markdown report: readable in a terminal, a pull request or a wiki, with every citation kept."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsprism.model import StoryReport
from newsprism.report._common import (
    claim_groups,
    counted,
    headline,
    link_label,
    outlet_names,
    pct,
    quote_groups,
    speaker_table,
)

# Characters that would turn article text into markup (links, emphasis, raw HTML, table cells).
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def md(text: str) -> str:
    """Article text as inert Markdown on one line; untrusted text must never become links or HTML."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


class _Writer:
    """Collects lines; one method per report section keeps each section's names local."""

    def __init__(self, report: StoryReport) -> None:
        self.r = report
        self.names = outlet_names(report)
        self.lines: list[str] = []

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def name(self, sid: str) -> str:
        return md(self.names.get(sid, sid))

    def cite(self, ids: Sequence[str]) -> str:
        return ", ".join(self.name(i) for i in ids)

    def header(self) -> None:
        r = self.r
        meta = [counted(len(r.sources), "source"), counted(len(r.claims), "claim")]
        if r.generated_at:
            meta.insert(0, f"generated {md(r.generated_at)}")
        self.add(f"# {md(headline(r))}", "", "_" + " · ".join(meta) + "_", "")

    def summary(self) -> None:
        self.add("## Summary", "")
        for s in self.r.summary:
            claims = ", ".join(md(c) for c in s.claims)
            self.add(f"- {md(s.text)} [{self.cite(s.sources)}; {claims}]")
        if not self.r.summary:
            self.add("No summary.")
        self.add("")

    def sources(self) -> None:
        self.add(
            "## Sources",
            "",
            "| id | outlet | title | words | loadedness | wire | reused | warnings |",
            "|---|---|---|---:|---:|---|---:|---|",
        )
        for src in self.r.sources:
            cells = [
                md(src.id),
                md(src.outlet) or "-",
                (md(src.title) or "(untitled)") + (f" (by {md(src.author)})" if src.author else ""),
                str(src.words),
                pct(src.loadedness),
                md(", ".join(src.wire)) or "-",
                pct(src.reused_share),
                md("; ".join(src.warnings)) or "-",
            ]
            self.add("| " + " | ".join(cells) + " |")
        self.add("")
        titled = [src for src in self.r.sources if src.title_language]
        if titled:
            self.add("Loaded words in titles (not counted in loadedness):", "")
        for src in titled:
            terms = [
                f"**{md(ls.text)}** ({ls.voice}, {md(ls.category)}, {ls.score:.2f}"
                + (f", neutral: {md(ls.neutral)})" if ls.neutral else ")")
                for ls in src.title_language
            ]
            self.add(f"- _{self.name(src.id)}_: " + "; ".join(terms))
        if titled:
            self.add("")

    def claims(self) -> None:
        self.add("## Claims", "")
        if not self.r.claims:
            self.add("No claims found.", "")
        for key, title, group in claim_groups(self.r):
            if not group:
                continue
            self.add(f"### {title} ({len(group)})", "")
            for c in group:
                extra = [f"{len(c.sources)} of {counted(len(self.r.sources), 'source')}"]
                if key == "contested":
                    extra.append(f"support: {c.support}")
                if c.origins is not None:
                    extra.append(f"{c.origins} independent origin{'s' if c.origins != 1 else ''}")
                self.add(f"- **{md(c.id)}** ({', '.join(extra)})")
                for p in c.sentences:
                    self.add(f"  - _{self.name(p.source)}_: {md(p.text)}")
            self.add("")

    def quotes(self) -> None:
        if not self.r.quotes:
            return
        ids = [s.id for s in self.r.sources]
        self.add(
            "## Quotes",
            "",
            "### Who is quoted",
            "",
            "| speaker | " + " | ".join(self.name(i) for i in ids) + " |",
            "|---|" + "---:|" * len(ids),
        )
        for label, counts in speaker_table(self.r):
            row = []
            for i in ids:
                n, cues = counts.get(i, (0, []))
                row.append(f"{n} ({md(', '.join(cues))})" if n and cues else str(n) if n else "-")
            self.add(f"| {md(label)} | " + " | ".join(row) + " |")
        self.add("", "### Quotes by source", "")
        speakers = {s.id: s.name for s in self.r.speakers}
        for group in quote_groups(self.r.quotes):
            for k, q in enumerate(group):
                who = speakers.get(q.speaker, q.speaker) if q.speaker else "unattributed"
                bullet = "-" if k == 0 else "  -"
                how = f"{q.kind}, {md(q.cue)}" if q.cue else q.kind
                label = link_label(q, group[:k]) if k else ""
                also = f" ({md(label)})" if label else ""
                self.add(f"{bullet} _{self.name(q.source)}_, {md(who or '')} ({how}){also}: {md(q.text)}")
        self.add("")

    def language(self) -> None:
        if not self.r.language:
            return
        self.add(
            "## Loaded language",
            "",
            "| source | term | voice | category | score | neutral alternative |",
            "|---|---|---|---|---:|---|",
        )
        for ls in self.r.language:
            self.add(
                f"| {self.name(ls.source)} | {md(ls.text)} | {ls.voice} | {md(ls.category)} "
                f"| {ls.score:.2f} | {md(ls.neutral or '') or '-'} |"
            )
        self.add(
            "", "_authorial: the outlet's own words; attributed: inside a quote or attributed statement._", ""
        )

    def reuse(self) -> None:
        if not self.r.reuse:
            return
        self.add("## Reused text", "")
        for r in self.r.reuse:
            a, b = r.passages
            pair = self.cite(r.sources) if r.origin is None else " → ".join(self.name(i) for i in r.sources)
            self.add(
                f"- **{pair}**, similarity {pct(r.similarity)}",
                f"  - _{self.name(a.source)}_: {md(a.text)}",
                f"  - _{self.name(b.source)}_: {md(b.text)}",
            )
            self.add(*(f"  - change: {md(ch)}" for ch in r.changes))
        self.add("")

    def contradictions(self) -> None:
        if not self.r.contradictions:
            return
        self.add("## Contradictions", "")
        claims = {c.id: c for c in self.r.claims}
        for con in self.r.contradictions:
            self.add(f"- **{con.kind}** ({', '.join(md(c) for c in con.claims)}): {md(con.explanation)}")
            for v in con.values:
                hosts = [
                    p
                    for cid in con.claims
                    if cid in claims
                    for p in claims[cid].sentences
                    if p.source == v.source and p.start <= v.start and v.end <= p.end
                ]
                where = f" in: {md(hosts[0].text)}" if hosts else ""
                self.add(f"  - _{self.name(v.source)}_: **{md(v.text)}**{where}")
        self.add("")

    def skipped(self) -> None:
        if not self.r.skipped:
            return
        self.add("## Skipped inputs", "")
        for skip in self.r.skipped:
            origin = skip.origin.replace("`", "'")
            self.add(f"- `{origin}`: {md(skip.reason)}")
        self.add("")


def to_markdown(report: StoryReport) -> str:
    """The whole report as Markdown: summary, sources, claims, quotes, language, reuse, contradictions."""
    w = _Writer(report)
    for section in (
        w.header,
        w.summary,
        w.sources,
        w.claims,
        w.quotes,
        w.language,
        w.reuse,
        w.contradictions,
        w.skipped,
    ):
        section()
    return "\n".join(w.lines).rstrip() + "\n"
