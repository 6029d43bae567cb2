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
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from newsprism.cluster import OnlineClusterer, StorySettings, lead_text, publication_order
from newsprism.cluster.features import day_number
from newsprism.ingest.feeds import FeedPoller, poll_all
from newsprism.model import Article
from newsprism.report._common import counted
from newsprism.store import FeedState, Store, StoryRow, StoryUpdate, report_key

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
    "inherited_ids",
    "loadedness_spread",
    "recluster_order",
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
    kept_ids: int = 0  # recluster: stories that kept the id of an old story
    # each copy (exact, near or at a known URL): its id, where it was read, where the kept article was
    # read, and whether that was in this run
    copies: list[tuple[str, str, str, bool]] = field(default_factory=list, repr=False)

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
        """Which inputs were read as copies of which, briefly: 'b.txt (copy of a.txt)', or 'a.txt (read
        twice, kept once)' for an input met twice in this run (a feed listing an entry twice, a file
        named twice); at most ``limit`` of them and how many more. An input read again from an earlier
        run (the same file or URL ingested again) is left out: all of a re-run would be listed."""
        times: dict[tuple[str, str], int] = {}
        for _aid, copy, kept, in_run in self.copies:
            if copy != kept or in_run:
                times[(copy, kept)] = times.get((copy, kept), 0) + 1
        shown = []
        for copy, kept in list(times)[:limit]:
            if copy == kept:
                read = "twice" if times[(copy, kept)] == 1 else f"{times[(copy, kept)] + 1} times"
                shown.append(f"{_short(copy)} (read {read}, kept once)")
            else:
                short, long = _short(copy), _short(kept)
                if short == long:  # two files of one name in different folders
                    short, long = copy, kept
                shown.append(f"{short} (copy of {long})")
        if len(times) > limit:
            shown.append(f"{len(times) - limit} more")
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
        held: dict[str, Article],
    ) -> str | None:
        """The stored (or earlier in this batch) article of ``article``'s outlet whose shingles ``grams``
        match best, if any (another outlet's near copy is a reprint: an article of its own); ``held``
        has this batch's articles that ``pending`` holds the shingles of."""
        from newsprism.lenses.reuse import jaccard, same_text, shingles

        found = near.candidates(sig)
        sets = {k: pending[k] for k in found if k in pending and same_outlet(article, held[k])}
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
        ``progress`` is told how many articles each finished batch held.

        Each batch is one transaction: a batch that fails part-way (a full disk, a bug) leaves the store
        as the batches before it left it, and the error is raised."""
        result = IngestResult()
        if isinstance(articles, Sequence):
            articles = [articles[i] for i in publication_order(articles)]
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= self.batch_size:
                self._atomic_batch(batch, result, progress)
                batch = []
        if batch:
            self._atomic_batch(batch, result, progress)
        return result

    def _atomic_batch(
        self, batch: Sequence[Article], result: IngestResult, progress: Callable[[int], None] | None
    ) -> None:
        """One batch in one store transaction. On failure the held clusterer and near-copy index may
        hold what was rolled back, so both are dropped and rebuilt from the store on next use."""
        try:
            with self.store.atomic():
                self._ingest_batch(batch, result)
        except BaseException:
            self._clusterer = None
            self._near = None
            raise
        if self.on_commit is not None:
            self.on_commit(result.added)
        if progress is not None:
            progress(len(batch))

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
        pending: dict[str, set[bytes]] = {}  # shingles of this batch's new (or fuller) articles
        stored_at = self.store.ids_by_url(a.url for a in batch if a.url and a.id not in known)
        # One URL is one article: a text at a stored article's URL (a feed's summary, then the page) is
        # looked at first, so that the same text read again in this batch (the page saved as a file)
        # counts as a copy of the stored article it updates, not as a new article beside it.
        batch = sorted(batch, key=lambda a: not (a.url in stored_at and a.id not in known))
        at_url: dict[str, str] = {}  # URL -> this batch's new article there
        fuller: dict[str, Article] = {}  # stored article -> a longer text of its URL
        taking: dict[str, str] = {}  # a fuller text's id -> the stored article it will replace
        held: dict[str, Article] = {}  # the articles ``pending`` holds, by id
        named: list[tuple[str, str, str]] = []  # each copy's id and origin, and the kept article's id
        near = self.near
        late = self._late_days(a for a in batch if a.id not in known)
        if near is not None:
            self._index_around(near, late)
        for a in batch:
            twin = held.get(a.id)
            if twin is not None and not same_outlet(a, twin):  # another outlet's reprint, this batch
                a = dataclasses.replace(a, id=reprint_id(a))
                if a.id not in held and a.id not in known:
                    known.update(self.store.known([a.id]))
            same = a.id if a.id in known or a.id in fresh else taking.get(a.id)
            grams: set[bytes] = set()
            sig = None
            if same is None and near is not None:
                grams = shingles(a.text)
                sig = near.signature(grams)
                found = self._near_copy(near, grams, sig, pending, a, held)
                same = taking.get(found, found) if found is not None else None
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
                        if owner in fuller and near is not None:  # an even longer text: it gives way
                            near.remove(fuller[owner].id)
                            pending.pop(fuller[owner].id, None)
                        fuller[owner] = a
                        taking[a.id] = owner
                        held[a.id] = a
                        if near is not None:  # its copies later in this batch are copies of ``owner``
                            near.add(a.id, sig, day_number(a.published) or self._newest_day())
                            pending[a.id] = grams
                    continue
                if len(a.text) <= len(fresh[owner].text):
                    continue
                del fresh[owner]  # the shorter text of this batch gives way
                del held[owner]
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
            fresh[a.id] = held[a.id] = a
            if a.url:
                at_url[a.url] = a.id
        if fresh:  # on failure the caller drops the near-copy index, which holds ``pending``
            self._commit_new(list(fresh.values()), result)
        in_run = set(fresh) | result.stored_ids
        result.stored_ids.update(fresh)
        origin_of = {a.id: a.origin for a in fresh.values()}
        origin_of.update((old, a.origin) for old, a in fuller.items())  # what is kept there from now on
        origin_of.update(
            (a.id, a.origin) for a in self.store.articles(sorted({k for *_c, k in named} - set(origin_of)))
        )
        result.copies.extend((aid, origin, origin_of.get(k, k), k in in_run) for aid, origin, k in named)
        for aid, extra in urls.items():  # after the commit: a copy may be of an article of this batch
            self.store.add_urls(aid, extra)
        for old, article in fuller.items():
            self._replace(old, article, result)
        if near is not None:
            near.drop_before(self._keep_from(late))

    def _replace(self, old: str, article: Article, result: IngestResult) -> None:
        """Give stored article ``old`` the fuller text ``article`` of its URL, in the store and, when its
        story is live, in the clusterer (rebuilt from its members, as after a cut)."""
        if self.store.known([article.id]):  # stored meanwhile under its own id: it stays a copy of ``old``
            return
        vector = self.embedder.encode([lead_text(article, self.config.lead_words)])[0]
        sid = self.store.replace_article(old, article, vector)
        result.fuller += 1  # counted here instead of as a copy
        result.duplicates -= 1
        result.near_duplicates -= 1
        result.stored_before -= 1
        result.same_as.pop(article.id, None)
        own = next((i for i, c in enumerate(result.copies) if c[:2] == (article.id, article.origin)), None)
        if own is not None:  # its own entry only: a copy of it read in this batch stays listed
            del result.copies[own]
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

    def recluster(self) -> IngestResult:
        """Forget every story and place all stored articles again, in publication order (an undated
        article at the date of the latest dated article of the story it was in, see
        :func:`recluster_order`), in one transaction: a re-clustering that fails changes nothing.

        Story ids stay: each new story takes the id of the old story it shares the most articles with
        (each old id once, and only when most of the one story's articles are in the other), so a
        story whose members did not change, or changed a little, is opened by the same id as before.
        An old id no story took (a story merged into another, or cut up) opens the story that holds
        most of its articles, as a merged story's id does. A story that comes back with the same
        members keeps its cached reports (their key is its members and the settings) and, under the
        same id, its rendered pages. Members keep their listed order where they can, so that key
        still matches."""
        before = {row.id: row.article_ids for row in self.store.stories(limit=None)}
        aliases = self.store.story_aliases()
        cached = {sid: got for sid in before if (got := self.store.cached_reports(sid))}
        place = {aid: n for members in before.values() for n, aid in enumerate(members)}
        try:
            with self.store.atomic():
                result = self._recluster(before, aliases, place)
                was = {members: sid for sid, members in before.items() if sid in cached}
                for row in self.store.stories(limit=None):
                    old = was.get(row.article_ids)
                    if old is not None:
                        self.store.restore_reports(row.id, cached[old], pages=old == row.id)
        finally:  # the clusterer holds the ids from before the renaming (or what was rolled back)
            self._clusterer = None
        return result

    def _recluster(
        self, before: dict[str, tuple[str, ...]], aliases: dict[str, str], place: dict[str, int]
    ) -> IngestResult:
        self.store.reset_stories()
        self._clusterer = OnlineClusterer(self.config, dim=self.embedder.dim)
        ids = self.store.all_article_ids()
        articles = self.store.articles(ids)
        vectors = self.store.vectors(ids)
        result = IngestResult()
        order = recluster_order(articles, before)
        for at in range(0, len(order), 1000):
            chunk = [articles[i] for i in order[at : at + 1000]]
            vecs = np.stack([vectors[i] for i in order[at : at + 1000]])
            self._place_stored(chunk, vecs, result, place)
        newest = max((a.published or "" for a in articles), default="")
        if newest:  # reset_stories forgot it; the window of the next ingest starts from it
            self.store.commit_batch([], np.zeros((0, 0), np.float32), {}, [], {}, {"cluster.newest": newest})
        after = {row.id: row.article_ids for row in self.store.stories(limit=None)}
        renames, opens = inherited_ids(before, after, aliases)
        self.store.rename_stories(renames, opens)
        result.kept_ids = sum(1 for sid in renames.values() if sid in before)
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


def recluster_order(articles: Sequence[Article], stories: Mapping[str, Sequence[str]]) -> list[int]:
    """Indexes of ``articles`` (stored, in arrival order) in the order a re-clustering places them:
    publication order, and an undated article just after the latest dated article of the story it was
    in (``stories``: story id -> members), which is the best guess of when it came out; it thus joins
    that story's event again rather than opening it. An undated article of no story with a date keeps
    its arrival place after the dated articles that arrived before it (:func:`publication_order`)."""
    published = {a.id: a.published for a in articles}
    latest: dict[str, str] = {}
    for members in stories.values():
        days = [d for aid in members if (d := published.get(aid))]
        if days:
            latest.update(dict.fromkeys(members, max(days)))
    last = ""
    keys = []
    for i, a in enumerate(articles):
        last = a.published or last
        if a.published:
            keys.append((a.published, 0, i))
        else:
            keys.append((latest[a.id], 1, i) if a.id in latest else (last, 0, i))
    return [i for *_k, i in sorted(keys)]


def inherited_ids(
    before: Mapping[str, Sequence[str]],
    after: Mapping[str, Sequence[str]],
    aliases: Mapping[str, str] | None = None,
) -> tuple[dict[str, str], dict[str, str]]:
    """Which id each story of a re-clustering goes by, and what the old ids that none goes by open.

    ``before`` and ``after`` map story ids to members; ``aliases`` maps the old ids of merged stories to
    the (old) story they joined. Pairs of an old and a new story are taken by the number of articles
    they share, most first (then the smaller new story): the new story inherits the old id when neither
    has taken another, and when the shared articles are at least half of either story. A new story that
    inherits nothing keeps its id unless an old story had it (then it is named after another of its
    members). Returns (new id -> final id, old id that is no story now -> the final id of the story
    holding most of its articles)."""
    old_of = {aid: sid for sid, members in before.items() for aid in members}
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for new, members in after.items():
        for aid in members:
            if aid in old_of:
                shared[(old_of[aid], new)] += 1
    heir: dict[str, str] = {}  # new -> old
    used: set[str] = set()
    for (old, new), n in sorted(shared.items(), key=lambda p: (-p[1], len(after[p[0][1]]), p[0])):
        if old in used or new in heir or 2 * n < min(len(before[old]), len(after[new])):
            continue
        heir[new] = old
        used.add(old)
    reserved = set(before) | set(aliases or {})
    final = dict(heir)
    taken = set(heir.values())
    for new, members in after.items():
        if new in final:
            continue
        names = [new, *(f"st{aid}" for aid in members)]
        name = next((n for n in names if n not in reserved and n not in taken), None)
        k = 1
        while name is None or name in reserved or name in taken:
            name, k = f"{new}-{k}", k + 1
        final[new] = name
        taken.add(name)
    best: dict[str, tuple[int, str]] = {}  # an old id no story took -> (-shared, the story holding most)
    for (old, new), n in shared.items():
        if old not in used:
            best[old] = min(best.get(old, (0, "")), (-n, final[new]))
    opens = {old: target for old, (_n, target) in best.items()}
    for alias, into in (aliases or {}).items():
        target = into if into in used else opens.get(into)
        if target is not None:
            opens[alias] = target
    return final, opens


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
    ingest of one feed's entries is reported and skipped (the feed is read whole at its next poll, not
    answered "unchanged"). A feed not due yet (polled recently, by this or an earlier run) is not
    fetched; it is said once when it is due. ``answered`` collects the feeds that answered at least
    once, and those not due after a good poll (the command exits non-zero when none did).
    """
    added = 0
    done = 0
    told: set[str] = set()
    while rounds is None or done < rounds:
        for result in poll_all(poller, urls):
            if result.status == "error":
                say(f"{result.url}: {result.error}")
                continue
            if result.status == "not-due":
                state = poller.store.feed_state(result.url)
                if answered is not None and not state.failures:
                    answered.add(result.url)
                if result.url not in told:
                    told.add(result.url)
                    say(_not_due(state, poller.clock()))
                continue
            if answered is not None and result.status in ("new", "unchanged"):
                answered.add(result.url)
            if result.articles:
                try:
                    got = service.ingest(result.articles)
                except Exception as exc:  # e.g. the disk filled up; the next round tries again
                    say(f"{result.url}: could not store its entries ({type(exc).__name__}: {exc})")
                    _forget_version(poller.store, result.url)
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


def _forget_version(store: Store, url: str) -> None:
    """Forget a feed's ETag and Last-Modified after its entries could not be stored, so its next poll
    reads it whole instead of being answered "unchanged" about entries the store never got. (If even
    that cannot be written, the store is failing anyway; the error already said is the one to read.)"""
    import contextlib

    with contextlib.suppress(Exception):
        store.put_feed_state(dataclasses.replace(store.feed_state(url), etag=None, last_modified=None))


def _not_due(state: FeedState, now: float) -> str:
    """Why a feed was not fetched, and when it will be: polled recently, or backing off after failures."""
    when = _when(state.next_poll, now)
    if state.failures:
        tries = counted(state.failures, "failed poll")
        return f"{state.url}: backing off after {tries} ({state.last_error}); next try {when}"
    return f"{state.url}: polled recently, so not fetched now; next poll {when}"


def _when(at: float, now: float) -> str:
    """A moment as a clock time and a delay: 'at 14:05 (in 7 min)'; with the day when not within one."""
    import time

    left = max(0.0, at - now)
    clock = time.strftime("%H:%M" if left < 20 * 3600 else "%Y-%m-%d %H:%M", time.localtime(at))
    if left < 90:
        delay = f"{left:.0f} s"
    elif left < 90 * 60:
        delay = f"{left / 60:.0f} min"
    else:
        delay = f"{left / 3600:.1f} h"
    return f"at {clock} (in {delay})"
