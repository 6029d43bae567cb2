"""The story service: articles in, stories out, everything kept in a :class:`~newsprism.store.Store`.

One batch = drop duplicates, embed the new articles, place them with the online clusterer, and write
articles, story assignments and merges in one transaction. A process killed mid-batch therefore leaves
the store at the previous commit, and running the same ingest again skips what is already there.

Duplicates are caught before clustering: an exact copy has the same content-hash id, and a near copy
(another URL's footer, headline or an edited sentence) is found by MinHash/LSH over the stored articles
published within the time window of the copy's own date (those of the stories still in the window are
held; older ones are read in when a late article needs them). Either way the stored article gains the
new URL and nothing else. A copy is a duplicate only within one outlet (the same outlet, or an outlet
unknown for either): another outlet's copy is a reprint and is stored as that outlet's own article, in
the same story (an exact reprint under an id that joins its outlet to the hash, as ``compare`` does).
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from newsprism.cluster import OnlineClusterer, StorySettings, lead_text, publication_order
from newsprism.cluster.features import day_number
from newsprism.ingest.feeds import FeedPoller, poll_all
from newsprism.model import Article
from newsprism.report._common import counted
from newsprism.store import Store, StoryRow, StoryUpdate, report_key

if TYPE_CHECKING:
    from datasketch import MinHash

    from newsprism.embed import Embedder
    from newsprism.lenses.reuse import NearDuplicateIndex
    from newsprism.pipeline import Pipeline

__all__ = [
    "IngestResult",
    "StoryService",
    "counted",
    "day_of",
    "loadedness_spread",
    "same_outlet",
    "watch",
]

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}T")


@dataclass
class IngestResult:
    """What one ingest did. Every article given lands in exactly one count: ``added``, ``fuller`` (a
    longer text at a stored article's URL, which replaced it), or ``duplicates`` split by kind (exact or
    near copy; another text at a known URL counts as near) and by what it copies (an article stored
    before this run, or one added earlier in this run)."""

    added: int = 0
    duplicates: int = 0
    new_stories: int = 0
    merged: int = 0
    split: int = 0  # stories cut in two because they turned out to be two events
    story_of: dict[str, str] = field(default_factory=dict)  # article id -> story id, this run
    near_duplicates: int = 0  # of ``duplicates``, those that were near (not exact) copies
    same_as: dict[str, str] = field(default_factory=dict)  # near copy's id -> the stored article's id
    stored_before: int = 0  # of ``duplicates``, copies (exact or near) of articles stored before this run
    stored_ids: set[str] = field(default_factory=set, repr=False)  # articles this run added
    fuller: int = 0  # stored articles that got a longer text of their URL (a feed summary's page)
    # each copy (exact, near or at a known URL): its id, where it was read, where the kept article was
    copies: list[tuple[str, str, str]] = field(default_factory=list, repr=False)

    def describe(self) -> str:
        """The counts in words, e.g. '4 new articles, 2 near copies of articles in this run'."""
        parts = [counted(self.added, "new article")]
        earlier = self.stored_before
        near_earlier = sum(1 for same in self.same_as.values() if same not in self.stored_ids)
        here = self.duplicates - earlier
        near_here = self.near_duplicates - near_earlier
        if earlier:
            parts.append(_copies(earlier, near_earlier, "stored before"))
        if here:
            parts.append(_copies(here, near_here, "in this run"))
        if self.fuller:
            parts.append(f"{counted(self.fuller, 'stored article')} given the full text of their URL")
        return ", ".join(parts)

    def named_copies(self, limit: int = 3) -> str:
        """Which inputs were read as copies of which, briefly: 'b.txt (copy of a.txt)', at most ``limit``
        of them and how many more; an input read again (the same file or URL) is left out."""
        pairs = list(dict.fromkeys((_short(c), _short(k)) for _aid, c, k in self.copies))
        pairs = [(c, k) for c, k in pairs if c != k]
        shown = [f"{c} (copy of {k})" for c, k in pairs[:limit]]
        if len(pairs) > limit:
            shown.append(f"{len(pairs) - limit} more")
        return ", ".join(shown)


def _short(origin: str) -> str:
    """An input as a message names it: a file by its name, a URL whole."""
    if "://" in origin or origin == "-":
        return origin
    from pathlib import PurePath

    return PurePath(origin).name or origin


def _outlet_key(outlet: str) -> str:
    return " ".join(outlet.casefold().split())


def same_outlet(a: Article, b: Article) -> bool:
    """Whether two articles are one outlet's, as far as can be told: the same outlet name, the same web
    site, or an outlet unknown for either. A copy is a duplicate only within one outlet; another outlet's
    copy is a reprint, its own article (the reuse lens measures exactly that)."""
    from newsprism.normalise.meta import outlet_from_url

    first, second = _outlet_key(a.outlet), _outlet_key(b.outlet)
    if not first or not second or first == second:
        return True
    host = outlet_from_url(a.url)
    return bool(host) and host == outlet_from_url(b.url)


def _copies(total: int, near: int, where: str) -> str:
    exact = total - near
    kinds = [f"{exact} exact" if exact else "", f"{near} near" if near else ""]
    return f"{' and '.join(k for k in kinds if k)} {'copy' if total == 1 else 'copies'} of articles {where}"


class StoryService:
    """Owns the clusterer state for one store; build one per process (``watch`` keeps it for hours).

    ``near_duplicate`` is the word 5-gram Jaccard from which an incoming article counts as a copy of a
    stored one (0.8, with some slack for an added footer: see ``same_text``; it tolerates a footer or
    an edited sentence, not a rewrite); ``None`` turns it off.
    """

    def __init__(
        self,
        store: Store,
        embedder: Embedder,
        config: StorySettings | None = None,
        *,
        batch_size: int = 64,
        on_commit: Callable[[int], None] | None = None,
        near_duplicate: float | None = 0.8,
    ) -> None:
        self.store = store
        self.embedder = embedder
        self.config = config or StorySettings()
        self.batch_size = batch_size
        self.on_commit = on_commit
        self.near_duplicate = near_duplicate
        self._clusterer: OnlineClusterer | None = None
        self._near: NearDuplicateIndex[str] | None = None

    # ------------------------------------------------------------------ ingest

    @property
    def clusterer(self) -> OnlineClusterer:
        """The clusterer, rebuilt on first use from the stories still inside the time window."""
        if self._clusterer is None:
            self._clusterer = OnlineClusterer(self.config, dim=self.embedder.dim)
            self._restore(self._clusterer)
        return self._clusterer

    def _window(self) -> list[StoryRow]:
        """Stories still inside the time window (the last 2000 when no date is known), newest first."""
        horizon = day_number(self.store.get_state("cluster.newest"))
        if horizon is None:
            return self.store.stories(limit=2000)
        from datetime import date

        since = date.fromordinal(int(horizon - self.config.window_days)).isoformat()
        return self.store.stories(since=since)

    def _restore(self, clusterer: OnlineClusterer) -> None:
        clusterer.restore(self._groups(reversed(self._window()), clusterer.dim))  # oldest first

    def _groups(
        self, rows: Iterable[StoryRow], dim: int
    ) -> list[tuple[str, list[tuple[Article, np.ndarray]]]]:
        """Stored stories as the clusterer rebuilds them: each with its articles and their vectors."""
        groups = []
        for row in rows:
            articles = self.store.articles(list(row.article_ids))
            vectors = self.store.vectors([a.id for a in articles])
            if articles and vectors.shape[1] == dim:
                groups.append((row.id, list(zip(articles, vectors, strict=True))))
        return groups

    def _restore_around(self, days: Sequence[float]) -> None:
        """Bring back into the clusterer the stored stories within the window of ``days`` that left it,
        so a late article joins its story whatever the store's newest date is. (A story that left in
        this process counts again in the document frequencies: a small skew, not worth a ledger.)"""
        clusterer = self.clusterer
        wanted: dict[str, None] = {}
        for since, before in self._spans(days):
            wanted.update(
                (sid, None)
                for sid in self.store.story_ids_between(since, before)
                if clusterer.story(sid) is None
            )
        rows = [row for sid in wanted if (row := self.store.story(sid)) is not None and row.id == sid]
        if rows:
            clusterer.restore(self._groups(rows, clusterer.dim), evict=False)

    @property
    def near(self) -> NearDuplicateIndex[str] | None:
        """MinHash signatures of the stored articles in the time window, built on first use.

        Articles are forgotten as the window moves on (undated ones by their arrival), so ``watch``
        holds a bounded index; a copy of an article older than the window is stored as new.
        """
        if self.near_duplicate is None:
            return None
        if self._near is None:
            from newsprism.lenses.reuse import NearDuplicateIndex, shingles

            index: NearDuplicateIndex[str] = NearDuplicateIndex(self.near_duplicate)
            for row in self._window():
                day = day_number(row.last_seen) or 0.0
                for a in self.store.articles(list(row.article_ids)):
                    index.add(a.id, index.signature(shingles(a.text)), day_number(a.published) or day)
            self._near = index
        return self._near

    def _near_copy(
        self,
        near: NearDuplicateIndex[str],
        grams: set[bytes],
        sig: MinHash | None,
        pending: dict[str, set[bytes]],
        article: Article,
        fresh: dict[str, Article],
    ) -> str | None:
        """The stored (or earlier in this batch) article of ``article``'s outlet whose shingles ``grams``
        match best, if any (another outlet's near copy is a reprint: an article of its own)."""
        from newsprism.lenses.reuse import jaccard, same_text, shingles

        found = near.candidates(sig)
        sets = {k: pending[k] for k in found if k in pending and same_outlet(article, fresh[k])}
        for a in self.store.articles(sorted(k for k in found if k not in pending)):
            if same_outlet(article, a):
                sets[a.id] = shingles(a.text)
        same = [(jaccard(grams, g), k) for k, g in sets.items() if same_text(grams, g, near.threshold)]
        return max(same)[1] if same else None

    def ingest(
        self, articles: Iterable[Article], progress: Callable[[int], None] | None = None
    ) -> IngestResult:
        """Add articles (any order) and cluster them. Each batch is placed in publication order, and a
        list is sorted whole first, so a folder of old articles sweeps forward through its dates (each
        stored story and article near them is read in about once) instead of jumping back and forth.
        ``progress`` is told how many articles each finished batch held."""
        result = IngestResult()
        if isinstance(articles, Sequence):
            articles = [articles[i] for i in publication_order(articles)]
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= self.batch_size:
                self._ingest_batch(batch, result)
                if progress is not None:
                    progress(len(batch))
                batch = []
        if batch:
            self._ingest_batch(batch, result)
            if progress is not None:
                progress(len(batch))
        return result

    def _late_days(self, articles: Iterable[Article]) -> list[float]:
        """Days of articles older than the newest stored one: what the window held may not reach them."""
        newest = self._newest_day()
        days = {day_number(a.published) for a in articles}
        return sorted(d for d in days if d is not None and d < newest)

    def _spans(self, days: Sequence[float], *, until: float | None = None) -> list[tuple[str, str]]:
        """ISO (since, before) ranges covering the time window around each of ``days`` (sorted), with
        overlapping ranges joined; ``until`` caps each range (the window already held is not re-read)."""
        from datetime import date

        reach = self.config.window_days
        spans: list[list[float]] = []
        for d in days:
            lo, hi = d - reach, d + reach + 1  # +1: a datetime on the last day sorts after its date
            if until is not None:
                hi = min(hi, until)
            if lo >= hi:
                continue
            if spans and lo <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], hi)
            else:
                spans.append([lo, hi])
        iso = [
            (date.fromordinal(int(lo)).isoformat(), date.fromordinal(int(hi)).isoformat()) for lo, hi in spans
        ]
        return iso

    def _index_around(self, near: NearDuplicateIndex[str], days: Sequence[float]) -> None:
        """Add to the near-copy index the stored articles published within the window of ``days``, so
        a late reprint is matched however old its original is (the index holds the newest window)."""
        from newsprism.lenses.reuse import shingles

        horizon = self._newest_day() - self.config.window_days + 1
        for since, before in self._spans(days, until=horizon):
            ids = [aid for aid in self.store.article_ids_published(since, before) if aid not in near]
            for a in self.store.articles(ids):
                near.add(a.id, near.signature(shingles(a.text)), day_number(a.published) or 0.0)

    def _own_ids(self, batch: Sequence[Article], known: set[str]) -> list[Article]:
        """The batch with another outlet's exact copy of a stored article under an id of its own (a
        reprint is that outlet's article, see :func:`same_outlet`); ``known`` gains the stored ones."""
        from newsprism.ingest.build import reprint_id

        held = {a.id: a for a in self.store.articles(sorted({a.id for a in batch} & known))}
        out = [
            a if a.id not in held or same_outlet(a, held[a.id]) else dataclasses.replace(a, id=reprint_id(a))
            for a in batch
        ]
        known.update(self.store.known(a.id for a in out if a.id not in known))
        return out

    def _ingest_batch(self, batch: Sequence[Article], result: IngestResult) -> None:
        from newsprism.ingest.build import reprint_id
        from newsprism.lenses.reuse import shingles

        known = self.store.known(a.id for a in batch)
        batch = self._own_ids(batch, known)
        fresh: dict[str, Article] = {}
        urls: dict[str, list[str]] = defaultdict(list)  # kept article -> URLs of its copies
        pending: dict[str, set[bytes]] = {}  # shingles of this batch's new articles
        stored_at = self.store.ids_by_url(a.url for a in batch if a.url and a.id not in known)
        at_url: dict[str, str] = {}  # URL -> this batch's new article there
        fuller: dict[str, Article] = {}  # stored article -> a longer text of its URL
        named: list[tuple[str, str, str]] = []  # each copy's id and origin, and the kept article's id
        near = self.near
        late = self._late_days(a for a in batch if a.id not in known)
        if near is not None:
            self._index_around(near, late)
        for a in batch:
            if a.id in fresh and not same_outlet(a, fresh[a.id]):  # another outlet's reprint, this batch
                a = dataclasses.replace(a, id=reprint_id(a))
                if a.id not in fresh and a.id not in known:
                    known.update(self.store.known([a.id]))
            same = a.id if a.id in known or a.id in fresh else None
            grams: set[bytes] = set()
            sig = None
            if same is None and near is not None:
                grams = shingles(a.text)
                sig = near.signature(grams)
                same = self._near_copy(near, grams, sig, pending, a, fresh)
                if same is not None:
                    result.near_duplicates += 1
                    result.same_as[a.id] = same
            owner = None if same is not None or not a.url else at_url.get(a.url) or stored_at.get(a.url)
            if owner is not None:
                # One URL is one article (a feed's summary, then the page): the longer text is kept.
                result.duplicates += 1
                result.near_duplicates += 1
                named.append((a.id, a.origin, owner))
                if owner not in fresh:
                    result.stored_before += 1
                    result.same_as[a.id] = owner
                    kept = fuller.get(owner) or next(iter(self.store.articles([owner])), None)
                    if kept is not None and len(a.text) > len(kept.text):
                        fuller[owner] = a
                    continue
                if len(a.text) <= len(fresh[owner].text):
                    continue
                del fresh[owner]  # the shorter text of this batch gives way
                pending.pop(owner, None)
                if near is not None:
                    near.remove(owner)
                if owner in urls:
                    urls[a.id] = urls.pop(owner)
            if same is not None:
                result.duplicates += 1
                named.append((a.id, a.origin, same))
                if same not in fresh and same not in result.stored_ids:
                    result.stored_before += 1
                if a.url:
                    urls[same].append(a.url)
                continue
            if near is not None:
                near.add(a.id, sig, day_number(a.published) or self._newest_day())
                pending[a.id] = grams
            fresh[a.id] = a
            if a.url:
                at_url[a.url] = a.id
        try:
            if fresh:
                self._commit_new(list(fresh.values()), result)
        except BaseException:
            if near is not None:
                for aid in pending:  # not stored: later copies must not point at them
                    near.remove(aid)
            raise
        result.stored_ids.update(fresh)
        origin_of = {a.id: a.origin for a in fresh.values()}
        origin_of.update(
            (a.id, a.origin) for a in self.store.articles(sorted({k for *_c, k in named} - set(origin_of)))
        )
        result.copies.extend((aid, origin, origin_of.get(k, k)) for aid, origin, k in named)
        for aid, extra in urls.items():  # after the commit: a copy may be of an article of this batch
            self.store.add_urls(aid, extra)
        for old, article in fuller.items():
            self._replace(old, article, result)
        if near is not None:
            near.drop_before(self._keep_from(late))

    def _replace(self, old: str, article: Article, result: IngestResult) -> None:
        """Give stored article ``old`` the fuller text ``article`` of its URL, in the store and, when its
        story is live, in the clusterer (rebuilt from its members, as after a cut)."""
        vector = self.embedder.encode([lead_text(article, self.config.lead_words)])[0]
        sid = self.store.replace_article(old, article, vector)
        result.fuller += 1  # counted here instead of as a copy
        result.duplicates -= 1
        result.near_duplicates -= 1
        result.stored_before -= 1
        result.same_as.pop(article.id, None)
        result.copies = [c for c in result.copies if c[0] != article.id]
        if self._near is not None:
            from newsprism.lenses.reuse import shingles

            self._near.remove(old)
            self._near.add(article.id, self._near.signature(shingles(article.text)), self._newest_day())
        row = self.store.story(sid) if sid is not None else None
        if row is None:
            return
        result.story_of[article.id] = row.id
        clusterer = self.clusterer
        if clusterer.story(row.id) is not None:
            clusterer.replace(row.id, self._groups([row], clusterer.dim))
            self.store.commit_batch(
                [], np.zeros((0, 0), np.float32), {}, [_header(clusterer, row.id, [])], {}
            )

    def _keep_from(self, late: Sequence[float]) -> float:
        """The day before which held articles and stories may go: the window before the newest one, or
        before this batch's latest late article (the next batch of a sorted back-fill needs those)."""
        newest = self._newest_day()
        return min(newest, max(late, default=newest)) - self.config.window_days

    def _newest_day(self) -> float:
        """Day number of the newest stored article (0 before any has a date)."""
        return day_number(self.store.get_state("cluster.newest")) or 0.0

    def _commit_new(self, new: list[Article], result: IngestResult) -> None:
        new = [new[i] for i in publication_order(new)]
        vectors = self.embedder.encode([lead_text(a, self.config.lead_words) for a in new])
        late = self._late_days(new)
        self._restore_around(late)
        assignments, merges, updates = self._place(new, vectors, result)
        newest = max((a.published or "" for a in new), default="")
        state = {}
        if newest and newest > (self.store.get_state("cluster.newest") or ""):
            state["cluster.newest"] = newest
        self.store.commit_batch(new, vectors, assignments, updates, merges, state)
        result.added += len(new)
        result.merged += len(merges)
        result.story_of.update(assignments)
        for gone, target in merges.items():
            for aid, sid in result.story_of.items():
                if sid == gone:
                    result.story_of[aid] = target
        self._cut_due_stories(assignments.values(), result)
        if late:  # the old stories brought back for late articles leave again, bar the latest ones
            self.clusterer.evict(self._keep_from(late))
        if self.on_commit is not None:
            self.on_commit(result.added)

    def recluster(self) -> IngestResult:
        """Forget every story and place all stored articles again, in publication order.

        A story that comes back with the same members keeps its cached reports (their key is its
        members and the settings; a story whose id changed keeps its reports but not its rendered
        pages, which name the story). Members keep their listed order where they can, so that key
        still matches."""
        before = {row.id: row.article_ids for row in self.store.stories(limit=None)}
        cached = {sid: got for sid in before if (got := self.store.cached_reports(sid))}
        place = {aid: n for members in before.values() for n, aid in enumerate(members)}
        self.store.reset_stories()
        self._clusterer = OnlineClusterer(self.config, dim=self.embedder.dim)
        ids = self.store.all_article_ids()
        articles = self.store.articles(ids)
        vectors = self.store.vectors(ids)
        result = IngestResult()
        order = publication_order(articles)
        for at in range(0, len(order), 1000):
            chunk = [articles[i] for i in order[at : at + 1000]]
            vecs = np.stack([vectors[i] for i in order[at : at + 1000]])
            self._place_stored(chunk, vecs, result, place)
        was = {members: sid for sid, members in before.items() if sid in cached}
        for row in self.store.stories(limit=None):
            old = was.get(row.article_ids)
            if old is not None:
                self.store.restore_reports(row.id, cached[old], pages=old == row.id)
        return result

    def _cut_due_stories(self, touched: Iterable[str], result: IngestResult) -> None:
        """Cut each touched story that has grown enough to be looked at again and turns out to be two
        events (:mod:`newsprism.cluster.split`), in the store and in the live clusterer."""
        from newsprism.cluster.split import bisect_story, halves

        clusterer = self.clusterer
        for sid in [sid for sid in sorted(set(touched)) if clusterer.split_due(sid)]:
            row = self.store.story(sid)
            if row is None:
                continue
            members = self.store.articles(list(row.article_ids))
            vectors = self.store.vectors([a.id for a in members])
            leaving = set(bisect_story(members, vectors, self.config))
            if not leaving:
                continue
            parts = halves(row.id, row.article_ids, leaving)
            moved = {members[k].id: new for new, ks in parts.items() if new != row.id for k in ks}
            clusterer.replace(
                row.id, [(h, [(members[k], vectors[k]) for k in ks]) for h, ks in parts.items()]
            )
            headers = [_header(clusterer, h, members) for h in parts]
            self.store.commit_batch([], np.zeros((0, 0), np.float32), moved, headers, {})
            result.split += 1
            result.story_of.update((aid, new) for aid, new in moved.items() if aid in result.story_of)

    def _place_stored(
        self, chunk: list[Article], vectors: np.ndarray, result: IngestResult, place: dict[str, int]
    ) -> None:
        """Place stored articles; each story lists them in ``place`` order (their place in their story
        before the re-clustering), so a story that comes back whole lists its members as before."""
        assignments, merges, updates = self._place(chunk, vectors, result)
        last = len(place)
        assignments = dict(sorted(assignments.items(), key=lambda item: place.get(item[0], last)))
        self.store.commit_batch([], np.zeros((0, 0), np.float32), assignments, updates, merges)
        result.merged += len(merges)
        self._cut_due_stories(assignments.values(), result)

    def _place(
        self, chunk: Sequence[Article], vectors: np.ndarray, result: IngestResult
    ) -> tuple[dict[str, str], dict[str, str], list[StoryUpdate]]:
        """Place articles in order: article -> story, merged story -> survivor, and touched headers.

        A story can leave the clusterer's live set within the chunk (a chunk spanning more than the time
        window evicts its early stories), so each header is taken when an article lands and refreshed at
        the end only for stories still live: every assigned story gets its row.
        """
        clusterer = self.clusterer
        assignments: dict[str, str] = {}
        merges: dict[str, str] = {}
        headers: dict[str, StoryUpdate] = {}

        def header(sid: str) -> None:
            if clusterer.story(sid) is not None:
                headers[sid] = _header(clusterer, sid, chunk)

        for a, v in zip(chunk, vectors, strict=True):
            placed = clusterer.add(a, v)
            assignments[a.id] = placed.story
            result.new_stories += placed.new
            for gone in placed.merged:
                merges[gone] = placed.story
                headers.pop(gone, None)
                for earlier, into in merges.items():  # a chain (B into A, then A into C) ends at C
                    if into == gone:
                        merges[earlier] = placed.story
                for aid, sid in assignments.items():
                    if sid == gone:
                        assignments[aid] = placed.story
            header(placed.story)
        touched = sorted(set(assignments.values()) | set(merges.values()))
        for sid in touched:
            header(sid)
        return assignments, merges, [headers[sid] for sid in touched if sid in headers]

    # ------------------------------------------------------------------ reports

    def report_json(self, story: StoryRow, pipeline: Pipeline) -> str:
        """The story's JSON report, from the cache when its members and settings have not changed."""
        key = report_key(story.article_ids, pipeline.settings)
        cached = self.store.get_report(story.id, key)
        if cached is not None:
            return cached
        report = pipeline.analyse(self.store.articles(list(story.article_ids)))
        text = report.to_json()
        self.store.put_report(story.id, key, text)
        return text


def loadedness_spread(report_json: str | None) -> float | None:
    """Highest minus lowest source loadedness in a cached report (None when not analysed yet)."""
    if not report_json:
        return None
    values = [float(s.get("loadedness", 0.0)) for s in json.loads(report_json).get("sources", [])]
    return max(values) - min(values) if values else None


def _header(clusterer: OnlineClusterer, sid: str, articles: Sequence[Article]) -> StoryUpdate:
    """A live story's row: its most typical headline (or, with none, the opening words of its first
    member among ``articles``) and its members' date span."""
    s = clusterer.story(sid)
    assert s is not None
    title = s.title or next((" ".join(a.text.split()[:12]) for a in articles if a.id in s.members), "")
    return StoryUpdate(sid, title, day_of(s.first_text), day_of(s.last_text))


def day_of(published: str | None) -> str | None:
    """The day (``YYYY-MM-DD``) of an ISO date or datetime; another value (a date kept as its source
    wrote it, unread) as it is. Stories are dated by day, whatever time of day their articles give."""
    if published and len(published) > 10 and _ISO_DAY.match(published):
        return published[:10]
    return published


def watch(
    service: StoryService,
    poller: FeedPoller,
    urls: Sequence[str],
    *,
    rounds: int | None = None,
    say: Callable[[str], None] = lambda _msg: None,
    answered: set[str] | None = None,
) -> int:
    """Poll ``urls`` forever (or ``rounds`` times), storing and clustering new entries; returns how many.

    Nothing a feed does stops the loop: each poll fails alone and is retried with backoff, and a failed
    ingest of one feed's entries is reported and skipped. ``answered`` collects the feeds that answered
    at least once (the command exits non-zero when none did).
    """
    added = 0
    done = 0
    while rounds is None or done < rounds:
        for result in poll_all(poller, urls):
            if result.status == "error":
                say(f"{result.url}: {result.error}")
                continue
            if answered is not None and result.status in ("new", "unchanged"):
                answered.add(result.url)
            if result.articles:
                try:
                    got = service.ingest(result.articles)
                except Exception as exc:  # e.g. the disk filled up; the next round tries again
                    say(f"{result.url}: could not store its entries ({type(exc).__name__}: {exc})")
                    continue
                added += got.added
                if got.added:
                    say(
                        f"{result.url}: {counted(got.added, 'new article')}, "
                        f"{counted(got.new_stories, 'new story', 'new stories')}"
                    )
        done += 1
        if rounds is not None and done >= rounds:
            break
        due = [poller.store.feed_state(u).next_poll for u in urls]
        wait = max(1.0, min(due, default=poller.clock() + poller.every) - poller.clock())
        poller.sleep(min(wait, poller.every))
    return added
