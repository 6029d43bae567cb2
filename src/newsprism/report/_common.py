"""Groupings both human-readable renderers need, so Markdown and HTML tell the same story."""

from __future__ import annotations

from collections.abc import Sequence

from newsprism.model import Claim, Quote, StoryReport

# Reading order of the claim groups: what everyone agrees on first, what is disputed last.
CLAIM_GROUPS: tuple[tuple[str, str, str], ...] = (
    ("consensus", "Reported by all sources", "consensus"),
    ("partial", "Reported by some sources", "partial"),
    ("single", "Reported by one source only", "single"),
    ("contested", "Contested: sources disagree", "contested"),
)


def claim_groups(report: StoryReport) -> list[tuple[str, str, list[Claim]]]:
    """Claims split into consensus / partial / single / contested; a contested claim is shown only there."""
    groups: dict[str, list[Claim]] = {key: [] for key, _, _ in CLAIM_GROUPS}
    for c in report.claims:
        groups["contested" if c.contested else c.support].append(c)
    return [(key, title, groups[key]) for key, title, _ in CLAIM_GROUPS]


def outlet_names(report: StoryReport) -> dict[str, str]:
    """Source id -> outlet label, made unique so two articles of one outlet stay distinguishable."""
    names: dict[str, str] = {}
    base = [s.outlet.strip() or s.id for s in report.sources]
    for s, name in zip(report.sources, base, strict=True):
        names[s.id] = f"{name} ({s.id})" if base.count(name) > 1 else name
    return names


def quote_groups(quotes: Sequence[Quote]) -> list[list[Quote]]:
    """Quotes linked by ``shared_with`` (in either direction) as connected groups, in report order."""
    index = {q.id: i for i, q in enumerate(quotes)}
    parent = list(range(len(quotes)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, q in enumerate(quotes):
        for other in q.shared_with:
            j = index.get(other)
            if j is not None:
                a, b = find(i), find(j)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    groups: dict[int, list[Quote]] = {}
    for i, q in enumerate(quotes):
        groups.setdefault(find(i), []).append(q)
    return [groups[k] for k in sorted(groups)]


# link labels, strongest first (as the quotes lens ranks them)
_LINK_ORDER = ("other-speaker", "same-words", "paraphrase", "same-speech")


def link_label(q: Quote, others: Sequence[Quote]) -> str:
    """How ``q`` relates to the quotes ``others`` (those shown before it in its group): the strongest
    label of its links to them, each link carrying its own label."""
    ids = {o.id for o in others}
    kinds = [kind for qid, kind in q.links if qid in ids]
    return min(
        kinds, key=lambda k: _LINK_ORDER.index(k) if k in _LINK_ORDER else len(_LINK_ORDER), default=""
    )


def group_labels(group: Sequence[Quote]) -> list[str]:
    """Every label of the links inside one group of quotes, sorted."""
    ids = {q.id for q in group}
    return sorted({kind for q in group for qid, kind in q.links if qid in ids})


def speaker_table(report: StoryReport) -> list[tuple[str, dict[str, tuple[int, list[str]]]]]:
    """Who is quoted by whom: rows (speaker label, {source id: (count, cue verbs)}), most quoted first."""
    names = {s.id: s.name for s in report.speakers}
    rows: dict[str, dict[str, tuple[int, list[str]]]] = {}
    order: list[str] = []
    for q in report.quotes:
        label = names.get(q.speaker, q.speaker) if q.speaker else "(unattributed)"
        if label not in rows:
            rows[label] = {}
            order.append(label)
        count, cues = rows[label].get(q.source, (0, []))
        cue = q.cue.strip().lower()
        rows[label][q.source] = (count + 1, [*cues, cue] if cue and cue not in cues else cues)
    total = {label: sum(n for n, _ in cells.values()) for label, cells in rows.items()}
    order.sort(key=lambda label: (label == "(unattributed)", -total[label]))  # stable: ties keep report order
    return [(label, rows[label]) for label in order]


def headline(report: StoryReport) -> str:
    """The report's headline, or a plain description when the summariser gave none."""
    n = len(report.sources)
    return report.headline.strip() or f"Coverage of one story by {counted(n, 'source')}"


def counted(n: int, thing: str, things: str | None = None) -> str:
    """ "1 source", "4 sources", "2 new stories" (``things`` when adding an s is wrong)."""
    return f"1 {thing}" if n == 1 else f"{n} {things or thing + 's'}"


def pct(x: float) -> str:
    return f"{round(x * 100)}%" if x == x else "n/a"  # NaN check without importing math
