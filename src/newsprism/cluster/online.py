"""Online story clustering: each article joins the best-matching live story or starts a new one.

A story keeps running sums of its members' unit vectors (TF-IDF terms, entities, dense), so the cosine
with its centroid costs one sparse dot product, and its time span. Candidates come from the ANN index
over dense centroids plus an inverted index of rarer entities (sparse evidence must not depend on the
dense index finding the story). Stories last seen more than ``window_days`` before the newest article
leave memory; their rows stay in the store. Each story also counts its members' years (``article_year``):
in an undated archive, where the window cannot act, a story whose members mostly report from 2+ years
away from an article is a different event of the same kind, and the score says so (``w_year``).
A story that turns out to be two events is cut in two by the caller (:mod:`newsprism.cluster.split`,
when :meth:`OnlineClusterer.split_due` says it has grown enough to look again) and put back with
:meth:`OnlineClusterer.replace`.
"""

from __future__ import annotations

import functools
import heapq
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from newsprism.cluster.features import (
    DocumentFrequencies,
    article_year,
    day_number,
    entities,
    lead_text,
    sparse_dot,
    terms,
)
from newsprism.cluster.index import CentroidIndex, make_index
from newsprism.model import Article
from newsprism.settings import StorySettings

_TITLES_KEPT = 20  # headlines a story keeps to choose its title from (its first members')


def _typical_title(titles: Iterable[str], vocabulary: Mapping[str, float]) -> str:
    """The headline in the words the members use most (``vocabulary``: their summed title and lead
    terms). An outlet's own framing ("tyrant", "welcomes ... home") is what the others do not share, so
    the most shared headline is usually the plainest; ties go to the earlier one. A loaded headline
    ("chaos as ... floods town" shares the most words of all) is passed over by the rule the report's
    headline uses, so the story list and the story's report do not tell one story in two voices."""
    titles = list(titles)
    best, best_score = "", -math.inf
    for title in [t for t in titles if _plain(t)] or titles:
        words = _title_terms(title)
        score = sum(vocabulary.get(w, 0.0) for w in words) / math.sqrt(len(words)) if words else -1.0
        if score > best_score:
            best, best_score = title, score
    return best


@functools.lru_cache(maxsize=8192)
def _plain(title: str) -> bool:
    """Whether the report's headline rule would use this title: no loaded word without a neutral word."""
    from newsprism.summarise import neutral_title  # the one rule; shared, not copied

    return neutral_title(title) is not None


@functools.lru_cache(maxsize=8192)
def _title_terms(title: str) -> tuple[str, ...]:
    return tuple(terms(title))  # a story's title is re-chosen each time it grows: parse each headline once


@dataclass
class _Story:
    id: str
    seq: int
    titles: list[str] = field(default_factory=list)
    terms: dict[str, float] = field(default_factory=dict)
    ents: dict[str, float] = field(default_factory=dict)
    terms_norm2: float = 0.0  # squared norms of the running sums, kept up to date on every add
    ents_norm2: float = 0.0
    dense: np.ndarray | None = None
    n: int = 0
    first: float | None = None
    last: float | None = None
    first_text: str | None = None
    last_text: str | None = None
    members: list[str] = field(default_factory=list)
    years: Counter[int] = field(default_factory=Counter)  # members' years (article_year), where known
    split_checked: int = 0  # members when the split pass last looked at the story

    @property
    def title(self) -> str:
        return _typical_title(self.titles, self.terms)

    def dense_unit(self) -> np.ndarray:
        assert self.dense is not None
        norm = float(np.linalg.norm(self.dense))
        return self.dense / norm if norm else self.dense


@dataclass(frozen=True, slots=True)
class Placement:
    """Where one article went; ``merged`` lists stories folded into ``story`` on the way."""

    article: str
    story: str
    new: bool
    score: float
    merged: tuple[str, ...] = ()


def _add(into: dict[str, float], norm2: float, vec: dict[str, float], vec_norm2: float) -> float:
    """Add ``vec`` into the running sum ``into``; returns the sum's new squared norm."""
    cross = sparse_dot(vec, into)
    for k, v in vec.items():
        into[k] = into.get(k, 0.0) + v
    return norm2 + 2.0 * cross + vec_norm2


class OnlineClusterer:
    """Feed articles in publication order with :meth:`add`; read stories back with :meth:`live`."""

    def __init__(self, config: StorySettings | None = None, *, dim: int = 384) -> None:
        self.config = config or StorySettings()
        self.dim = dim
        self.term_df = DocumentFrequencies()
        self.entity_df = DocumentFrequencies()
        self._stories: dict[str, _Story] = {}
        self._index: CentroidIndex = make_index(dim, self.config.index)
        self._postings: dict[str, set[str]] = {}
        self._expiry: list[tuple[float, int, str]] = []  # (last day, seq, story id), lazily cleaned
        self._newest: float | None = None
        self._seq = 0
        self.evicted = 0

    # ------------------------------------------------------------------ public

    def add(self, article: Article, vector: np.ndarray) -> Placement:
        """Place one article (``vector``: its unit-length title+lead embedding)."""
        cfg = self.config
        words, names = self._features(article)
        self.term_df.add(words)
        self.entity_df.add(Counter(dict.fromkeys(names, 1)))
        tv = self.term_df.tfidf(words)
        ev = self.entity_df.tfidf(names)
        dv = np.asarray(vector, dtype=np.float32)
        day = day_number(article.published)
        year = article_year(article, cfg.lead_words)
        if day is not None and (self._newest is None or day > self._newest):
            self._newest = day
            self._evict()

        best, best_score = self._best(tv, ev, dv, day, year)
        if best is not None and best_score >= cfg.threshold:
            self._join(best, article, tv, ev, dv, day, year)
            merged = self._merge_around(best)
            return Placement(article.id, best.id, False, best_score, merged)
        story = _Story(id=f"st{article.id}", seq=self._next_seq())
        self._stories[story.id] = story
        self._join(story, article, tv, ev, dv, day, year)
        return Placement(article.id, story.id, True, max(best_score, 0.0))

    def best(self, article: Article, vector: np.ndarray) -> tuple[str | None, float]:
        """The live story ``article`` scores best with, and the score, without placing it: a caller that
        must keep the stories fixed (the batch pipeline's undated articles) decides itself."""
        words, names = self._features(article)
        best, score = self._best(
            self.term_df.tfidf(words),
            self.entity_df.tfidf(names),
            np.asarray(vector, dtype=np.float32),
            day_number(article.published),
            article_year(article, self.config.lead_words),
        )
        return (best.id if best is not None else None), score

    def live(self) -> list[_Story]:
        return sorted(self._stories.values(), key=lambda s: s.seq)

    def story(self, story_id: str) -> _Story | None:
        return self._stories.get(story_id)

    def split_due(self, story_id: str) -> bool:
        """Whether a live story is big enough for the split pass and has grown by a quarter since it last
        looked (so a story of n members is looked at O(log n) times); marks it looked at."""
        s = self._stories.get(story_id)
        if s is None or not self.config.split_min <= s.n <= self.config.split_max:
            return False
        if s.n < 1.25 * s.split_checked:
            return False
        s.split_checked = s.n
        return True

    def __len__(self) -> int:
        return len(self._stories)

    def restore(
        self, members: Iterable[tuple[str, Sequence[tuple[Article, np.ndarray]]]], *, evict: bool = True
    ) -> None:
        """Rebuild live stories from the store (story id, its articles with vectors) after a restart.

        ``evict=False`` keeps stories older than the window: a late article is about to be placed among
        them (back-filling an archive); :meth:`evict` lets them go again afterwards.
        """
        for sid, items in members:
            self._rebuild(sid, items, count=True)
        if evict:
            self._evict()

    def evict(self, before: float | None = None) -> None:
        """Let stories last seen before day ``before`` (default: the window before the newest article)
        leave memory; a caller back-filling old dates passes an earlier day to keep the stories near them."""
        self._evict(before)

    def replace(self, old: str, parts: Iterable[tuple[str, Sequence[tuple[Article, np.ndarray]]]]) -> None:
        """Put ``parts`` (story id, its articles with vectors) in place of live story ``old``: the split
        pass cut it in two. The articles are already counted in the document frequencies."""
        self._drop(old, evicted=False)
        for sid, items in parts:
            self._rebuild(sid, items, count=False)

    def _rebuild(self, sid: str, items: Sequence[tuple[Article, np.ndarray]], *, count: bool) -> None:
        story = _Story(id=sid, seq=self._next_seq())
        self._stories[sid] = story
        for article, vector in items:
            words, names = self._features(article)
            if count:
                self.term_df.add(words)
                self.entity_df.add(Counter(dict.fromkeys(names, 1)))
            day = day_number(article.published)
            if day is not None and (self._newest is None or day > self._newest):
                self._newest = day
            self._join(
                story,
                article,
                self.term_df.tfidf(words),
                self.entity_df.tfidf(names),
                np.asarray(vector, dtype=np.float32),
                day,
                article_year(article, self.config.lead_words),
            )
        story.split_checked = story.n

    # ------------------------------------------------------------------ scoring

    def _features(self, article: Article) -> tuple[Counter[str], Counter[str]]:
        """Terms of the title and lead, and entities of a longer lead."""
        return (
            terms(lead_text(article, self.config.lead_words)),
            entities(lead_text(article, self.config.entity_words)),
        )

    def _best(
        self, tv: dict[str, float], ev: dict[str, float], dv: np.ndarray, day: float | None, year: int | None
    ) -> tuple[_Story | None, float]:
        best, best_score = None, -math.inf
        for sid in self._candidates(dv, ev):
            s = self._stories[sid]
            score = self._score(tv, ev, dv, day, s) - self.config.w_year * self._year_conflict(year, s.years)
            if score > best_score:
                best, best_score = s, score
        return best, best_score

    def _score(
        self, tv: dict[str, float], ev: dict[str, float], dv: np.ndarray, day: float | None, s: _Story
    ) -> float:
        cfg = self.config
        t = sparse_dot(tv, s.terms) / (math.sqrt(s.terms_norm2) or 1.0)
        e = sparse_dot(ev, s.ents) / (math.sqrt(s.ents_norm2) or 1.0) if ev else 0.0
        assert s.dense is not None
        d = float(dv @ s.dense) / (float(np.linalg.norm(s.dense)) or 1.0)
        score = cfg.w_terms * t + cfg.w_entities * e + cfg.w_dense * d
        gap = self._gap(day, s.first, s.last)
        if gap is not None:
            if gap > cfg.window_days:
                return -math.inf
            score -= cfg.w_time * gap / cfg.window_days
        return score

    def _year_conflict(self, year: int | None, years: Counter[int]) -> bool:
        """Whether most of a story's members with a known year are ``year_gap`` or more years away."""
        if year is None or not years:
            return False
        near = sum(n for y, n in years.items() if abs(y - year) < self.config.year_gap)
        return 2 * near < sum(years.values())

    @staticmethod
    def _gap(day: float | None, first: float | None, last: float | None) -> float | None:
        if day is None or first is None or last is None:
            return None
        return max(0.0, first - day, day - last)

    def _candidates(self, dv: np.ndarray, ev: dict[str, float]) -> list[str]:
        found = dict.fromkeys(self._index.search(dv, self.config.candidates))
        for name in ev:
            posting = self._postings.get(name)
            if posting and len(posting) <= self.config.max_postings:
                found.update(dict.fromkeys(sorted(posting)))
        return [sid for sid in found if sid in self._stories]

    # ------------------------------------------------------------------ updates

    def _next_seq(self) -> int:
        self._seq += 1
        return self._seq

    def _join(
        self,
        s: _Story,
        article: Article,
        tv: dict[str, float],
        ev: dict[str, float],
        dv: np.ndarray,
        day: float | None,
        year: int | None = None,
    ) -> None:
        if year is not None:
            s.years[year] += 1
        s.terms_norm2 = _add(s.terms, s.terms_norm2, tv, 1.0 if tv else 0.0)
        s.ents_norm2 = _add(s.ents, s.ents_norm2, ev, 1.0 if ev else 0.0)
        s.dense = dv.copy() if s.dense is None else s.dense + dv
        s.n += 1
        s.members.append(article.id)
        if article.title and len(s.titles) < _TITLES_KEPT and article.title not in s.titles:
            s.titles.append(article.title)
        s.seq = self._next_seq()
        if day is not None:
            if s.first is None or day < s.first:
                s.first, s.first_text = day, article.published
            if s.last is None or day >= s.last:
                s.last, s.last_text = day, article.published
            heapq.heappush(self._expiry, (s.last, s.seq, s.id))
        for name in ev:
            self._postings.setdefault(name, set()).add(s.id)
        self._index.upsert(s.id, s.dense_unit())
        if len(self._stories) > self.config.max_live:
            oldest = min(self._stories.values(), key=lambda x: x.seq)
            self._drop(oldest.id)

    def _merge_around(self, s: _Story) -> tuple[str, ...]:
        """Fold into ``s`` every story whose centroid now scores above the merge threshold with it.

        A story of ``rejoin_size`` articles or fewer (on either side) needs only the join threshold: it is
        little more than its articles, which arrived before ``s`` had grown into a story they would join.
        """
        cfg = self.config
        merged: list[str] = []
        while True:
            other_best, best_margin = None, -math.inf
            for sid in self._index.search(s.dense_unit(), cfg.merge_candidates):
                if sid == s.id or sid not in self._stories:
                    continue
                o = self._stories[sid]
                need = cfg.threshold if min(o.n, s.n) <= cfg.rejoin_size else cfg.merge_threshold
                margin = self._pair_score(s, o) - need
                if margin > best_margin:
                    other_best, best_margin = o, margin
            if other_best is None or best_margin < 0:
                return tuple(merged)
            self._absorb(s, other_best)
            merged.append(other_best.id)

    def _pair_score(self, a: _Story, b: _Story) -> float:
        """The article-to-story score with story ``a``'s centroid standing in for the article."""
        cfg = self.config
        t = sparse_dot(a.terms, b.terms) / (math.sqrt(a.terms_norm2 * b.terms_norm2) or 1.0)
        e = sparse_dot(a.ents, b.ents) / (math.sqrt(a.ents_norm2 * b.ents_norm2) or 1.0)
        d = float(a.dense_unit() @ b.dense_unit())
        score = cfg.w_terms * t + cfg.w_entities * e + cfg.w_dense * d
        if a.years and b.years:
            score -= cfg.w_year * self._year_conflict(a.years.most_common(1)[0][0], b.years)
        if a.first is not None and a.last is not None and b.first is not None and b.last is not None:
            gap = max(0.0, b.first - a.last, a.first - b.last)
            if gap > cfg.window_days:
                return -math.inf
            score -= cfg.w_time * gap / cfg.window_days
        return score

    def _absorb(self, s: _Story, o: _Story) -> None:
        s.terms_norm2 = _add(s.terms, s.terms_norm2, o.terms, o.terms_norm2)
        s.ents_norm2 = _add(s.ents, s.ents_norm2, o.ents, o.ents_norm2)
        assert s.dense is not None and o.dense is not None
        s.dense = s.dense + o.dense
        s.n += o.n
        s.members.extend(o.members)
        s.titles.extend(t for t in o.titles[: _TITLES_KEPT - len(s.titles)] if t not in s.titles)
        s.years.update(o.years)
        for first, text in ((o.first, o.first_text),):
            if first is not None and (s.first is None or first < s.first):
                s.first, s.first_text = first, text
        if o.last is not None and (s.last is None or o.last > s.last):
            s.last, s.last_text = o.last, o.last_text
            heapq.heappush(self._expiry, (s.last, s.seq, s.id))
        for name in o.ents:
            self._postings.setdefault(name, set()).add(s.id)
        self._drop(o.id, evicted=False)
        self._index.upsert(s.id, s.dense_unit())

    def _drop(self, sid: str, *, evicted: bool = True) -> None:
        s = self._stories.pop(sid, None)
        if s is None:
            return
        self._index.remove(sid)
        for name in s.ents:
            posting = self._postings.get(name)
            if posting is not None:
                posting.discard(sid)
                if not posting:
                    del self._postings[name]
        if evicted:
            self.evicted += 1

    def _evict(self, before: float | None = None) -> None:
        if self._newest is None:
            return
        horizon = self._newest - self.config.window_days
        if before is not None:
            horizon = min(horizon, before)
        while self._expiry and self._expiry[0][0] < horizon:
            _last, _seq, sid = heapq.heappop(self._expiry)
            s = self._stories.get(sid)
            if s is not None and s.last is not None and s.last < horizon:
                self._drop(sid)
