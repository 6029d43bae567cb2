"""Which claims the summary states, in which order: support first, then importance, never twice.

Support is the number of independent origins behind a claim (the reuse lens's count; without it, the
claim's wordings are clustered by near-identical text so three reprints of one wire paragraph count
once). Importance breaks ties and orders single-origin facts: how central the claim is to what the other
outlets wrote (embedding cosine to their sentences) and how early the outlets put it (news leads with
what matters).
"""

from __future__ import annotations

import heapq
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

import numpy as np

from newsprism.model import Article, Claim, Contradiction, Passage, Sentence, Source, Story, at
from newsprism.summarise._lexicon import STOP
from newsprism.summarise._wording import Neutrality, Wording

_TOKEN = re.compile(r"[a-z0-9][a-z0-9'’-]*")
_BOILERPLATE = re.compile(
    r"could not (be )?(independently )?verif|contributed (to )?(this )?report|(click|tap) here|sign up|"
    r"subscribe|newsletter|all rights reserved|follow (us|him|her) on|read more|this (story|article) "
    r"(has been|was) (updated|corrected)|^(advertisement|related|watch|photo|video)\b|"
    r"\b(carries|publishes|brings you) (the following|this) (report|story|article)\b|"
    r"the following (report|story)",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(r"\b(I|I'm|I've|we|We|our|Our|my|My|me|us)\b")  # "us" lower-case: not "US"
_HERE = re.compile(r"^(?:Right\s+)?Here\s+(?:in|at|on)\b")  # a local paper's own voice: "Here in Osterhaven"
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
_QUOTE_OPEN = ("“", '"', "‘", "'")
# a duration is a figure of the story when it is a prison term
_PRISON = re.compile(
    r"\b(prison|jail(ed)?|gaol|sentenced?|imprison(ed|ment)|behind bars|custod(y|ial))\b", re.I
)
_COMMENT_TITLE = re.compile(r"(opinion|comment|editorial|column|op-ed|view(point)?|letters?)\s*[:|—-]", re.I)
_COMMENT_PATHS = {"opinion", "opinions", "comment", "commentisfree", "editorial", "editorials", "column",
                  "columns", "columnists", "op-ed", "oped", "op-eds", "letters"}  # fmt: skip
_SPEAKS = (
    r"(said|says|added|adds|told|tells|wrote|writes|continued|warned|warns|insisted|insists|called on"
    r"|calls on|called for|calls for|urged|urges|argued|argues|claimed|claims|stressed|vowed|vows|promised"
    r"|demanded|demands|denied|denies|admitted|admits|explained|noted)"
)
_PRONOUN_SAYS = re.compile(rf"\b(he|she|they)\s+{_SPEAKS}\b|\b(said|says|added|told)\s+(he|she)\b", re.I)
# "He said ...", "..., she added": the pronoun itself speaks (not "Trump said he would run")
_PRONOUN_SPEAKS = re.compile(
    rf"(^|[,;:]\s*)(he|she)\s+{_SPEAKS}\b|\b(said|says|added|told)\s+(he|she)\s*([.,;]|$)", re.I
)
_PRONOUN_OPEN = re.compile(r"(He|She|It|They|His|Her|Its|Their|Them|Him|These|Those)\b")
# a sentence that only points back at its article's previous one: "That is equal to about 3% of ..."
_ANAPHORIC = re.compile(r"^(That|This|These|Those)(?:'s| is| was| are| were| means| meant)\b")
_RELATIVE_DAY = re.compile(r"\b(today|yesterday|tomorrow|tonight|this morning|last night)\b", re.I)
_NAME = re.compile(r"\b[A-Z][a-zà-ÿ'’-]{4,}\b")
_SHORTEST = 6
_NEAR_SAME = 0.8  # word-set Jaccard at which two wordings count as one origin (reprints, light edits)
_TITLE_WEIGHT = 2.0  # tuned on NeuS train clusters 0-119 (benchmarks/summary_neus.py --split train)
_IMPORTANCE_WEIGHT = 1.0
_OUTLET_TONE = 0.5  # bias points a wording loses per unit of its outlet's loadedness
_MAX_ORIGINS = 3  # beyond three independent origins a claim is simply well established
_TOLLS = {"dead", "hurt", "missing"}  # outcomes of a toll (lenses.quantities.outcome)
# nouns that count people at large: "1,200 residents" and "some 1,200 people" are one figure
_PEOPLE = {"person", "people", "resident", "inhabitant", "villager", "local", "citizen", "individual"}
_TABLOID = 0.7  # an outlet's loadedness from which it alone vouches for nothing (NeuS val: no ROUGE change)
_LONE_SOURCE = 0.3  # bias points lost by a wording naming a source no other wording of its claim names
_SAID_OPEN = re.compile(
    r"^((?:The\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)\s+(?:said|says|told|announced)\b"
)
_SAID_CLOSE = re.compile(r",\s+([\w'’ .-]{3,60}?)\s+(?:said|says|found|reported)\W*$")
MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_DAY_OF_MONTH = re.compile(rf"\b(\d{{1,2}} (?:{MONTHS})|(?:{MONTHS}) \d{{1,2}})\b")
# day and month names a wording gives ("may" left out: far more often the verb)
_DETAIL = re.compile(
    rf"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|{MONTHS.replace('|may', '')})\b"
)
_OTHER_FACT = 3.0  # a figure this many times another of the same key counts something else (5 and 1,200)
_SAME_FIGURE = 0.02  # relative difference within which two figures are one (rounding)


Fact = tuple[str, str, float]  # (kind, what is counted or the unit, value): ("count", "hurt", 14.0)


@dataclass(frozen=True, slots=True, eq=False)
class Candidate:
    """A claim that may go into the summary, with its most neutral usable wording."""

    claim: Claim
    wording: Wording
    origins: int
    importance: float
    vector: np.ndarray | None
    words: frozenset[str]
    terms: frozenset[str] = frozenset()
    others: tuple[Wording, ...] = ()  # the claim's other unloaded wordings, most neutral first
    facts: frozenset[Fact] = frozenset()  # the figures its sentences give (see figure_facts)
    leads: int = 0  # outlets whose first sentence is one of the claim's: what they lead with


def content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in _TOKEN.findall(text.lower()) if w not in STOP and len(w) > 1)


def sentence_index(story: Story) -> dict[tuple[str, int, int], tuple[Source, Sentence]]:
    return {(src.id, s.start, s.end): (src, s) for src in story.sources for s in src.sentences}


def usable(sentence: Sentence, max_words: int) -> bool:
    """Sentences a reader can take as a stand-alone statement of fact by the outlet."""
    text = sentence.text.strip()
    words = len(text.split())
    if words < _SHORTEST or words > max_words or text.endswith("?") or _BOILERPLATE.search(text):
        return False
    if _ANAPHORIC.match(text):
        return False
    if text.count('"') % 2 or text.count("“") != text.count("”"):
        return False  # a quotation the sentence splitter cut: it opens here and closes elsewhere
    outside = QUOTED.sub(" ", text)
    if text.startswith(_QUOTE_OPEN) and len(outside.split()) < 5:
        return False  # a bare quotation: whose words, and what happened, the reader cannot tell
    return not (_FIRST_PERSON.search(outside) or _HERE.match(text))


def commentary(article: Article) -> bool:
    """An opinion column, editorial or comment piece, by its title ("Opinion: ...") or its address
    (".../opinion/..."): it argues rather than reports, so the summary never speaks in its words."""
    if _COMMENT_TITLE.match(article.title):
        return True
    path = urlsplit(article.url or "").path.lower()
    return any(part in _COMMENT_PATHS for part in path.split("/"))


def fallback_origins(passages: Sequence[Passage]) -> int:
    """Independent wordings among a claim's sentences: near-identical ones (reprints) count once."""
    reps: list[frozenset[str]] = []
    for p in passages:
        words = content_words(p.text)
        if not any(_jaccard(words, r) >= _NEAR_SAME for r in reps):
            reps.append(words)
    return max(1, len(reps))


def candidates(
    story: Story, neutrality: Neutrality, max_words: int, disputed_days: frozenset[str] = frozenset()
) -> list[Candidate]:
    """Every claim with a usable wording free of authorial loaded language (after safe replacements).

    A claim whose every wording stays loaded is not a candidate: the summary says it in no one's voice
    rather than in a loaded one. ``disputed_days`` are the day and month names of the story's date
    disputes (see :func:`_lone_details`).
    """
    index = sentence_index(story)
    centre = _centres(story)
    rare = minority_spellings(story)
    comment = {src.id for src in story.sources if commentary(src.article)}
    firsts = {(src.id, src.sentences[0].start) for src in story.sources if src.sentences}
    out: list[Candidate] = []
    for claim in story.claims:
        members = [index[k] for p in claim.sentences if (k := (p.source, p.start, p.end)) in index]
        members = [(src, s) for src, s in members if usable(s, max_words) and src.id not in comment]
        if not members or _tabloid_only(members, neutrality):
            continue
        several = len(members) > 1
        wordings = sorted(
            (
                w
                for src, s in members
                if not speaker_unknown((w := neutrality.wording(src, s, judge_bias=several)).text)
            ),
            key=lambda w: _wording_key(
                w,
                rare,
                neutrality.loadedness.get(w.source.id, 0.0),
                _lone_details(w, members, disputed_days),
                _lone_source(w, members),
            ),
        )
        if not wordings or (best := wordings[0]).loaded:
            continue
        vector = _vector(best.source, best.sentence)
        origins = claim.origins if claim.origins else fallback_origins(claim.sentences)
        if comment & set(claim.sources):  # a column agreeing with the news is no further origin of it
            news = fallback_origins([p for p in claim.sentences if p.source not in comment])
            # ... but its outlets' own origins stay: a quote five outlets carry word for word is not one
            # wording's worth once a column quotes it too
            origins = min(origins, max(news, origins - len(comment & set(claim.sources))))
        out.append(
            Candidate(
                claim=claim,
                wording=best,
                origins=origins,
                importance=_importance(members, centre),
                vector=vector,
                words=content_words(best.text),
                terms=terms(best.text),
                others=tuple(w for w in wordings[1:] if not w.loaded),
                facts=frozenset(f for p in claim.sentences for f in figure_facts(p.text)),
                leads=len({p.source for p in claim.sentences if (p.source, p.start) in firsts}),
            )
        )
    return out


def _tabloid_only(members: Sequence[tuple[Source, Sentence]], neutrality: Neutrality) -> bool:
    """Only one outlet tells it, and that outlet's own voice is heavily loaded: its plain-looking sentences
    carry its tone ("Fans will not forget this betrayal.") and no one else vouches for the fact."""
    outlets = {src.outlet for src, _ in members}
    return len(outlets) == 1 and all(neutrality.loadedness.get(src.id, 0.0) >= _TABLOID for src, _ in members)


def figure_facts(text: str) -> set[Fact]:
    """The figures a sentence gives, keyed so that other outlets' wordings of the same figure meet:
    "injuring 14 people" and "Fourteen passengers were hurt" are both ("count", "hurt", 14); a prison
    term is one too ("eight years in prison", "an eight-year prison sentence")."""
    return {f for _, _, f in figures(text)}


def figures(text: str) -> list[tuple[int, int, Fact]]:
    """Each figure's offsets in ``text`` and its key. A count needs an outcome or a counted noun, and is
    at least two ("one of" says nothing); dates and durations are not figures here, but for a prison term."""
    from newsprism.lenses.quantities import extract_quantities, outcome

    out: list[tuple[int, int, Fact]] = []
    for q in extract_quantities(text):
        if q.kind == "duration" and not q.change and _PRISON.search(text, max(0, q.start - 40), q.end + 30):
            out.append((q.start, q.end, ("sentence", "", round(q.value, 1))))  # "eight years in prison"
        if q.change or q.kind in ("duration", "age"):
            continue
        if q.kind == "count":
            told = outcome(text, q)
            if told == {"rescued"} and q.noun in _PEOPLE:  # evacuees are a head count of people:
                told = set()  # "forcing 3,500 residents to evacuate", "some 3,500 people were ordered out"
            what = "|".join(sorted(told)) or ("person" if q.noun in _PEOPLE else q.noun)
            if what and q.value >= 2:
                out.append((q.start, q.end, ("count", what, round(q.value, 3))))
        elif q.kind == "score":  # one key for the pair: "31-20" and "31-21" are two scores
            out.append((q.start, q.end, ("score", "", q.value * 1000 + q.against)))
        else:  # "44 degrees" is the story's 44C: a temperature's scale is the story's
            unit = "" if q.kind == "temperature" else q.unit
            out.append((q.start, q.end, (q.kind, unit, round(q.value, 3))))
    return out


def is_toll(f: Fact) -> bool:
    """A count of the dead, hurt or missing: in one story, one such count is one figure, however worded."""
    return f[0] == "count" and bool(set(f[1].split("|")) & _TOLLS)


def disputed_facts(story: Story, contradictions: Sequence[Contradiction]) -> set[Fact]:
    """The figures a disagreement is about, as keys: another outlet's sentence giving the same disputed
    toll in other words ("Twelve people died" beside the wire's disputed "12 people were killed") is as
    contested as the sentences the lens compared."""
    index = {src.id: src for src in story.sources}
    out: set[Fact] = set()
    for k in contradictions:
        if k.kind != "number":
            continue
        for v in k.values:
            src = index.get(v.source)
            sent = at(src.sentences, v.start) if src is not None else None
            if sent is None:
                continue
            a, b = v.start - sent.start, v.end - sent.start
            out |= {f for s, e, f in figures(sent.text) if s < b and a < e}
    return out


def fact_support(story: Story) -> tuple[dict[Fact, int], frozenset[Fact]]:
    """Independent origins behind each settled figure across the whole story: a claim group's own
    origins for every figure it gives, summed over the groups that give it. Alignment groups paraphrases,
    so the wire's lead and six outlets' own sentences on the same toll are seven groups that share one
    fact. Also returns the figures that are not settled: some outlet gives another value for the same
    outcome or noun, close enough to be the same count told otherwise (12 dead and 20 dead, not five
    people missing and 1,200 people evacuated)."""
    support: dict[Fact, int] = {}
    comment = {src.id for src in story.sources if commentary(src.article)}
    for claim in story.claims:
        if comment and all(p.source in comment for p in claim.sentences):
            continue  # a column restating a figure is not another origin of it
        origins = claim.origins if claim.origins else fallback_origins(claim.sentences)
        for f in {f for p in claim.sentences for f in figure_facts(p.text)}:
            support[f] = support.get(f, 0) + origins
    values: dict[tuple[str, str], list[float]] = {}
    for kind, what, value in support:
        values.setdefault((kind, what), []).append(value)
    slack = {"score": 0.0}  # a score is exact; other figures may be rounded
    unsettled = frozenset(
        f
        for f in support
        if f[0] != "percent"  # a story's rates are of many things (4.25% the rate, 6.4% inflation)
        and any(
            slack.get(f[0], _SAME_FIGURE) * max(v, f[2]) < abs(v - f[2])
            and max(v, f[2]) < _OTHER_FACT * min(v, f[2])
            for v in values[f[0], f[1]]
        )
    )
    return support, unsettled


def term_weights(story: Story) -> dict[str, float]:
    """How much saying a word is worth: the share of *other* outlets that use it, plus any title's words.

    What several outlets mention is what the story is about; titles name the event. A summary that
    covers these words first covers the story, the way an editor's round-up does.
    """
    df: dict[str, int] = {}
    for src in story.sources:
        for w in terms(src.text):
            df[w] = df.get(w, 0) + 1
    n = max(2, len(story.sources))
    weights = {w: (d - 1) / (n - 1) for w, d in df.items()}
    for w in frozenset().union(*(terms(src.article.title) for src in story.sources)):
        weights[w] = weights.get(w, 0.0) + _TITLE_WEIGHT
    return weights


def terms(text: str) -> frozenset[str]:
    """Content words folded to a crude stem, so "signs" / "signed" / "signing" count as one."""
    return frozenset(_stem(w) for w in _TOKEN.findall(text.lower()) if w not in STOP and len(w) > 2)


def rank(
    cands: Sequence[Candidate],
    weights: dict[str, float] | None = None,
    facts: tuple[dict[Fact, int], frozenset[Fact]] | None = None,
    contested: frozenset[str] = frozenset(),
    taken: list[Candidate] | None = None,
) -> Iterator[Candidate]:
    """More independent origins first; among equals, the one that adds most uncovered story words.

    A claim's origins count at least those behind a figure it gives that no chosen claim gave yet
    (``facts``, from :func:`fact_support`): the toll most outlets report in their own words leads even
    when each wording is one outlet's, and once it is told the other wordings fall back to their own. A
    figure some outlet gives otherwise (not settled) raises only a claim found disputed (``contested``,
    by the lens or the summary's own check): that one is told with every value or not at all, so it is
    backed by every outlet giving any value (a happening outlets count differently still leads), where
    raising another could state one side before the dispute is known.

    Greedy coverage (each pick discounts the words already said) with the claim's importance as a
    smaller second term; ties by claim order, so the result is deterministic. A pick only ever lowers
    the others' scores, so the greedy is evaluated lazily (a heap of stale upper bounds, re-scored when
    they reach the top): the same order as the plain greedy, without its quadratic cost on big stories.
    Yields lazily, so a caller that stops after five sentences never ranks the rest. What counts as said
    is what the caller took (``taken``, which it appends to): a candidate it skips (a dispute it cannot
    state fairly, a sentence over the budget) neither covers words nor tells a figure. Without ``taken``,
    every candidate yielded counts as taken.
    """
    weights = weights or {}
    support, unsettled = facts or ({}, frozenset())
    covered: set[str] = set()
    told: set[Fact] = set()
    said: list[Candidate] = [] if taken is None else taken
    synced = 0

    def sync() -> None:
        nonlocal synced
        for c in said[synced:]:
            covered.update(c.terms)
            told.update(c.facts)
        synced = len(said)

    def every_value(f: Fact) -> int:
        """Origins behind a figure and behind the other values outlets give for it ("1.2 million
        households" from two, "2.1 million" from one: three tell the happening)."""
        if f not in unsettled:
            return support.get(f, 0)
        return sum(
            n
            for g, n in support.items()
            if g[:2] == f[:2]
            and (g == f or (g in unsettled and max(g[2], f[2]) < _OTHER_FACT * min(g[2], f[2])))
        )

    def key(c: Candidate, i: int) -> tuple[int, bool, int, int, int, int, float, int]:
        """Level (origins, or those behind a figure it gives, up to three); then what happened before
        what someone said about it (a quotation is a speaker's words, not the event); at the top level,
        the claim more outlets open their articles with (the dam failure's toll before the evacuation
        figure one more outlet gives); then those origins
        uncapped (a figure five outlets give before one three give); then those behind its own value, for
        a disputed claim that counts every outlet giving any value (the wording most outlets share is
        told); then its own origins (two outlets' account of the signing before one outlet's aside that
        mentions it); then coverage."""
        backing = c.facts - told if c.claim.id in contested else c.facts - told - unsettled
        own = max(c.origins, max((support.get(f, 0) for f in backing), default=0))
        behind = own
        if c.claim.id in contested:  # told with every value, so backed by every outlet giving one
            behind = max(own, max((every_value(f) for f in backing), default=0))
        gain = sum(weights.get(w, 0.0) for w in c.terms - covered) / math.sqrt(max(1, len(c.terms)))
        score = gain + _IMPORTANCE_WEIGHT * c.importance
        level = min(behind, _MAX_ORIGINS)
        leads = c.leads if level == _MAX_ORIGINS else 0  # among the well established: what outlets lead with
        return -level, quoting(c.wording.text), -leads, -behind, -own, -c.origins, -score, i

    heap = [key(c, i) for i, c in enumerate(cands)]
    heapq.heapify(heap)
    while heap:
        *_, i = heapq.heappop(heap)
        sync()
        fresh = key(cands[i], i)
        if heap and fresh > heap[0]:
            heapq.heappush(heap, fresh)  # its level or score dropped below the next bound: look again
            continue
        if taken is None:
            said.append(cands[i])
        yield cands[i]


def speaker_unknown(text: str) -> bool:
    """Words whose speaker the sentence names only as "he" or "she" ("'... a show trial,' he said", "She
    said about 400 firefighters were sent"): out of its article no one is speaking, and a quotation reads
    as the summary's own words."""
    outside = QUOTED.sub(" ", text)
    return bool(_PRONOUN_SPEAKS.search(outside)) or (outside != text and bool(_PRONOUN_SAYS.search(outside)))


def quoting(text: str) -> bool:
    """Mostly a direct quotation: half its words or more inside quotation marks."""
    inside = sum(len(m.group().split()) for m in QUOTED.finditer(text))
    return inside > 0 and 2 * inside >= len(text.split())


def _stem(word: str) -> str:
    for suffix in ("ingly", "edly", "ing", "ies", "ied", "ed", "es", "ly", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
    return word


def redundant(c: Candidate, chosen: Sequence[Candidate], threshold: float) -> bool:
    for other in chosen:
        both = c.vector is not None and other.vector is not None
        if both and float(np.dot(c.vector, other.vector)) >= threshold:  # type: ignore[arg-type]
            return True
        shared = len(c.words & other.words)
        if shared >= 5 and shared >= 0.5 * min(len(c.words), len(other.words)):
            return True  # the same event told in other words (names and numbers carry it)
        days = _DAY_OF_MONTH.findall(c.wording.text.lower())
        if (
            days
            and set(days) <= set(_DAY_OF_MONTH.findall(other.wording.text.lower()))
            and c.terms & other.terms
        ):
            return True  # "Repairs start on 3 March" after "repairs will begin on 3 March 2027 at all ..."
    return False


def minority_spellings(story: Story) -> frozenset[str]:
    """Names spelt one letter away from a spelling more of the story's outlets use: likely misspellings.

    A name here is a capitalised word of five letters or more that does not open a sentence; outlets
    count once however often they use a spelling ("Brandvold" in one outlet, "Brandvoll" in three).
    """
    from rapidfuzz.distance import Levenshtein

    outlets: dict[str, set[str]] = {}
    for src in story.sources:
        for sent in src.sentences:
            for m in _NAME.finditer(sent.text, 1):
                outlets.setdefault(m.group(), set()).add(src.id)
    by_initial: dict[str, list[str]] = {}
    for name in outlets:
        by_initial.setdefault(name[0], []).append(name)
    rare: set[str] = set()
    for names in by_initial.values():
        for a in names:
            for b in names:
                fewer = len(outlets[a]) < len(outlets[b])
                if fewer and abs(len(a) - len(b)) <= 1 and Levenshtein.distance(a, b) == 1:
                    rare.add(a)
    return frozenset(rare)


def day_names(text: str) -> set[str]:
    """The weekday and month names a text gives, lower-cased."""
    return set(_DETAIL.findall(text.lower()))


def _lone_details(w: Wording, members: Sequence[tuple[Source, Sentence]], disputed: frozenset[str]) -> int:
    """How many disputed days the wording names that no other sentence of its claim does: the summary
    cites every outlet of the claim for the wording, so "the minister, who visited the site late on
    Tuesday, said ..." would put one outlet's day in the mouths of others, one of which dates it Monday.
    (Undisputed days are left alone: a wording giving one is often just the fuller report.)"""
    mine = day_names(w.text) & disputed
    others = [s.text for src, s in members if src.id != w.source.id]
    if not mine or not others:
        return 0
    return len(mine - {d for text in others for d in day_names(text)})


def _lone_source(w: Wording, members: Sequence[tuple[Source, Sentence]]) -> bool:
    """The wording says who said it, other sentences of its claim name a source too, and none of them this
    one: "The Ostrevian Nurses' Federation said ..." cited to outlets whose sentence says "hospital
    managers said" would put the union's claim in their mouths."""
    who = _source_named(w.text)
    others = [s.text for src, s in members if src.id != w.source.id]
    # only against a wording naming a source of its own: one that names none is no safer
    return (
        bool(who)
        and any(_source_named(t) for t in others)
        and not any(who & content_words(t) for t in others)
    )


def _source_named(text: str) -> frozenset[str]:
    said = _SAID_OPEN.match(text) or _SAID_CLOSE.search(text)
    return content_words(said.group(1)) if said else frozenset()


def _wording_key(
    w: Wording,
    rare: frozenset[str] = frozenset(),
    outlet_loadedness: float = 0.0,
    lone: int = 0,
    lone_source: bool = False,
) -> tuple[int, int, int, int, float]:
    """Fewest loaded spans, then fewest likely misspelt names, then not opening on a pronoun (out of its
    article, "Her" or "They" points at no one), then fewest days only this wording names
    (:func:`_lone_details`), then lowest bias; a wording that opens on a quotation or needed word swaps
    loses a little, since the reader gets the outlet's own plain statement less directly; "today" or
    "yesterday" lose a little too (whose today?), and so does one naming a source no other sentence of
    the claim names (:func:`_lone_source`). An outlet that writes loaded words elsewhere loses in
    proportion: its plain-looking sentence still carries its tone
    ("Paxolen was handed out to ... so almost every family knows someone who has taken it")."""
    penalty = (
        _OUTLET_TONE * outlet_loadedness
        + (0.3 if w.text.startswith(_QUOTE_OPEN) else 0.0)
        + (0.2 if _RELATIVE_DAY.search(w.text) else 0.0)
        + (0.05 if w.replaced else 0.0)
        + (_LONE_SOURCE if lone_source else 0.0)
    )
    pronoun = int(bool(_PRONOUN_OPEN.match(w.text)))
    misspelt = sum(m.group() in rare for m in _NAME.finditer(w.text)) if rare else 0
    return (w.loaded, misspelt, pronoun, lone, round(w.bias + penalty, 6))


def _vector(src: Source, sent: Sentence) -> np.ndarray | None:
    v = src.vectors
    if v is None or v.ndim != 2 or v.shape[0] != len(src.sentences) or v.shape[1] == 0:
        return None
    return np.asarray(v[sent.index], dtype=np.float32)


def _centres(story: Story) -> dict[str, np.ndarray]:
    """Per source, the mean vector of the *other* sources' sentences: what the rest of the story says."""
    rows = {src.id: np.asarray(src.vectors) for src in story.sources if _vector_ok(src)}
    if not rows:
        return {}
    total = sum(r.sum(axis=0) for r in rows.values())
    count = sum(r.shape[0] for r in rows.values())
    out: dict[str, np.ndarray] = {}
    for sid, r in rows.items():
        n = count - r.shape[0]
        mean = (total - r.sum(axis=0)) / n if n else r.mean(axis=0)
        norm = float(np.linalg.norm(mean))
        out[sid] = mean / norm if norm else mean
    return out


def _vector_ok(src: Source) -> bool:
    v = src.vectors
    return v is not None and v.ndim == 2 and v.shape[0] == len(src.sentences) and v.shape[0] > 0


def _importance(members: Sequence[tuple[Source, Sentence]], centre: dict[str, np.ndarray]) -> float:
    """0-1: position in the outlet's text (leads matter) and closeness to what other outlets wrote."""
    position = max(1.0 / (1.0 + 0.25 * s.index) for _, s in members)
    sims = [
        float(np.dot(v, centre[src.id]))
        for src, s in members
        if src.id in centre and (v := _vector(src, s)) is not None
    ]
    if not sims:
        return position
    return 0.5 * position + 0.5 * max(0.0, max(sims))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0
