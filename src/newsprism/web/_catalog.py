"""Read-only views over the story store for the list and outlet pages.

Pages only ever read reports that are already cached in the store (``Store.get_report``); analysing a
story is the job runner's business. Figures taken from a cached report are remembered per (story, cache
key), and an article's outlet and date per article id, so listing a large store does not re-parse every
report or re-read every article text on each request.
"""

from __future__ import annotations

import json
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from newsprism.settings import Settings
from newsprism.store import Store, StoryRow, report_key

StoreFactory = Callable[[], Store]
Sort = Literal["recent", "sources", "loadedness"]


@dataclass(frozen=True, slots=True)
class SourceFigures:
    """One source of an analysed story, as the outlet page needs it."""

    outlet: str
    published: str | None
    loadedness: float
    reused_share: float
    wire: tuple[str, ...]
    speakers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ReportFigures:
    sources: tuple[SourceFigures, ...]

    @property
    def spread(self) -> float:
        values = [s.loadedness for s in self.sources]
        return max(values) - min(values) if values else 0.0

    @property
    def most_loaded(self) -> float:
        return max((s.loadedness for s in self.sources), default=0.0)


@dataclass(frozen=True, slots=True)
class StoryItem:
    """A story as the list shows it; the figures are None until the story has been analysed."""

    id: str
    title: str
    first_seen: str | None
    last_seen: str | None
    sources: int
    outlets: tuple[str, ...]
    figures: ReportFigures | None = None

    @property
    def analysed(self) -> bool:
        return self.figures is not None


@dataclass(frozen=True, slots=True)
class OutletStory:
    story: str
    title: str
    date: str | None
    figures: SourceFigures


@dataclass(frozen=True, slots=True)
class OutletView:
    name: str
    stories: int  # stories the outlet has articles in
    analysed: tuple[OutletStory, ...]  # those with a cached report, oldest first
    speakers: tuple[tuple[str, int], ...]
    wire: tuple[tuple[str, int], ...]

    @property
    def mean_loadedness(self) -> float | None:
        rows = self.analysed
        return sum(r.figures.loadedness for r in rows) / len(rows) if rows else None

    @property
    def mean_reused(self) -> float | None:
        rows = self.analysed
        return sum(r.figures.reused_share for r in rows) / len(rows) if rows else None

    @property
    def wire_share(self) -> float | None:
        rows = self.analysed
        return sum(1 for r in rows if r.figures.wire) / len(rows) if rows else None


def figures_of(report_json: str) -> ReportFigures:
    data = json.loads(report_json)
    names = {p.get("id"): str(p.get("name", "")) for p in data.get("speakers", [])}
    quoted: dict[str, list[str]] = {}
    for q in data.get("quotes", []):
        who = names.get(q.get("speaker")) if q.get("speaker") else None
        if who:
            quoted.setdefault(str(q.get("source")), []).append(who)
    return ReportFigures(
        tuple(
            SourceFigures(
                outlet=str(s.get("outlet") or s.get("id", "")),
                published=s.get("published"),
                loadedness=float(s.get("loadedness", 0.0)),
                reused_share=float(s.get("reused_share", 0.0)),
                wire=tuple(s.get("wire", [])),
                speakers=tuple(quoted.get(str(s.get("id")), [])),
            )
            for s in data.get("sources", [])
        )
    )


@dataclass
class Catalog:
    """Lists and filters stories; one per app, safe to call from the server's request threads."""

    settings: Callable[[], Settings]
    _members: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # article -> (outlet, date)
    _figures: dict[tuple[str, str], ReportFigures] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def cached_report(self, store: Store, row: StoryRow) -> str | None:
        return store.get_report(row.id, report_key(row.article_ids, self.settings()))

    def figures(self, store: Store, row: StoryRow) -> ReportFigures | None:
        key = report_key(row.article_ids, self.settings())
        with self._lock:
            known = self._figures.get((row.id, key))
        if known is not None:
            return known
        text = store.get_report(row.id, key)
        if text is None:
            return None
        found = figures_of(text)
        with self._lock:
            if len(self._figures) > 20_000:
                self._figures.clear()
            self._figures[(row.id, key)] = found
        return found

    def _outlets(self, store: Store, ids: Sequence[str]) -> list[tuple[str, str | None]]:
        with self._lock:
            missing = [i for i in ids if i not in self._members]
        if missing:
            fresh = {a.id: (a.outlet or "(unknown outlet)", a.published) for a in store.articles(missing)}
            with self._lock:
                self._members.update(fresh)
        with self._lock:
            return [self._members[i] for i in ids if i in self._members]

    def item(self, store: Store, row: StoryRow) -> StoryItem:
        outlets = tuple(dict.fromkeys(o for o, _ in self._outlets(store, row.article_ids)))
        return StoryItem(
            id=row.id,
            title=row.title or "(untitled story)",
            first_seen=row.first_seen,
            last_seen=row.last_seen,
            sources=len(row.article_ids),
            outlets=outlets,
            figures=self.figures(store, row),
        )

    def stories(
        self,
        store: Store,
        *,
        query: str = "",
        outlet: str = "",
        since: str = "",
        until: str = "",
        sort: Sort = "recent",
    ) -> list[StoryItem]:
        """Stories matching every given filter; dates compare as ISO text, so ``2026-03`` works too."""
        rows = store.stories(since=since or None)
        items = [self.item(store, r) for r in rows]
        q, want = query.strip().lower(), outlet.strip().lower()
        if q:
            items = [i for i in items if q in i.title.lower() or any(q in o.lower() for o in i.outlets)]
        if want:
            items = [i for i in items if any(o.lower() == want for o in i.outlets)]
        if until:
            items = [i for i in items if (i.first_seen or "\uffff") <= until + "\uffff"]
        if sort == "sources":
            items.sort(key=lambda i: -i.sources)
        elif sort == "loadedness":
            items.sort(key=lambda i: (i.figures is None, -(i.figures.spread if i.figures else 0.0)))
        return items

    def outlets(self, store: Store) -> list[tuple[str, int]]:
        """Every outlet with the number of stories it appears in, most stories first."""
        counts: Counter[str] = Counter()
        for row in store.stories():
            counts.update({o for o, _ in self._outlets(store, row.article_ids)})
        return sorted(counts.items(), key=lambda x: (-x[1], x[0].lower()))

    def outlet(self, store: Store, name: str) -> OutletView | None:
        """One outlet across every story it covers; figures only from stories already analysed."""
        want = name.strip().lower()
        stories = 0
        rows: list[OutletStory] = []
        speakers: Counter[str] = Counter()
        wire: Counter[str] = Counter()
        label = ""
        for row in store.stories():
            members = self._outlets(store, row.article_ids)
            mine = [(o, d) for o, d in members if o.lower() == want]
            if not mine:
                continue
            stories += 1
            label = label or mine[0][0]
            figs = self.figures(store, row)
            for s in figs.sources if figs else ():
                if s.outlet.lower() != want:
                    continue
                rows.append(OutletStory(row.id, row.title, s.published or row.last_seen, s))
                speakers.update(s.speakers)
                wire.update(s.wire)
        if not stories:
            return None
        rows.sort(key=lambda r: (r.date or "", r.story))
        return OutletView(
            name=label,
            stories=stories,
            analysed=tuple(rows),
            speakers=tuple(speakers.most_common(25)),
            wire=tuple(wire.most_common()),
        )
