"""From pair probabilities to claim groups: one-to-one matching per source pair, then careful merging.

A claim group may hold at most one sentence per source. Pairwise matches are merged strongest first with
a union-find that refuses any merge which would put two sentences of one source in a group, and that
requires the merged group to hang together on average (average linkage at the same cut), so a chain
A~B, B~C cannot drag in a C that says something else than A.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

_BYLINE = re.compile(r"^\s*by\s+(?P<rest>.+)$", re.IGNORECASE | re.DOTALL)
_BYLINE_WORD = re.compile(r"[\w.'’-]+")
# Lower-case words a byline may hold besides names ("By Ana Petrov, political correspondent").
_BYLINE_WORDS = frozenset(
    {"and", "of", "the", "in", "at", "for", "staff", "writer", "reporter", "correspondent", "editor"}
    | {"political", "chief", "senior", "news", "agency", "bureau", "special", "foreign", "our"}
)
# Credits and site chrome open the line; a sentence that merely mentions "written by" or "copyright"
# further in is content ("The song, written by Ana Petrov, ...").
_CREDIT = re.compile(
    r"^\W*((additional\s+)?reporting|writing|editing|compiled|edited|written|produced)\s+by\b"
    r"|^\W*(photo|photograph|image|picture|file photo|video|graphic)s?\s*(:|by\b|credit|courtesy)"
    r"|^\W*(copyright|©)"
    r"|\b(getty images|via getty|ap photo|afp photo|reuters/|shutterstock|all rights reserved)"
    r"|^\W*(read more|related|see also|more on this)\s*(:|$)"
    r"|^\W*(sign up|subscribe to|follow us|click here|share this)\b",
    re.IGNORECASE,
)
# a live blog's sign-off, after its time stamp or not ("23:48 — That's it from us tonight.", "Thanks for
# following, and join us tomorrow")
_SIGN_OFF = re.compile(
    r"^\W*(\d{1,2}[:.]\d{2}\W*)?(that's (it|all) (from|for) (us|me|now|today|tonight)"
    r"|thanks? (you )?for (following|reading|joining)|(please )?join us (again )?(tomorrow|later|next)"
    r"|we'll be back|this (live )?blog (is|has) (now )?closed)",
    re.IGNORECASE,
)
# A credit or byline line is short; a long sentence is content whatever it starts with.
_MAX_BOILERPLATE_WORDS = 25
_MAX_BYLINE_WORDS = 10


def is_trivial(text: str, words: int, min_words: int) -> bool:
    """Too short to state a fact, or a byline / credit / site chrome / sign-off line rather than reporting."""
    if words < min_words:
        return True
    if words > _MAX_BOILERPLATE_WORDS:
        return False
    return _is_byline(text) or bool(_CREDIT.search(text)) or bool(_SIGN_OFF.match(text))


def _is_byline(text: str) -> bool:
    """ "By" followed only by names and a role: "By Tuesday, officials had ..." is reporting."""
    m = _BYLINE.match(text)
    if not m:
        return False
    words = _BYLINE_WORD.findall(m.group("rest"))
    return (
        0 < len(words) <= _MAX_BYLINE_WORDS
        and words[0][0].isupper()
        and all(w[0].isupper() or w.lower() in _BYLINE_WORDS for w in words)
    )


@dataclass(frozen=True, slots=True)
class Match:
    score: float
    left: int  # global sentence index (row of the feature index)
    right: int


def one_to_one(prob: np.ndarray, cut: float) -> list[tuple[int, int, float]]:
    """Best one-to-one assignment among the pairs at or above the cut (Hungarian, maximising probability).

    Pairs below the cut are zeroed first, so a weak pair can never displace a strong one in the assignment.
    """
    from scipy.optimize import linear_sum_assignment

    ok = prob >= cut
    if not ok.any():
        return []
    rows = np.flatnonzero(ok.any(axis=1))
    cols = np.flatnonzero(ok.any(axis=0))
    sub = np.where(ok[np.ix_(rows, cols)], prob[np.ix_(rows, cols)], 0.0)
    r, c = linear_sum_assignment(sub, maximize=True)
    pairs = zip(r, c, strict=True)
    return [(int(rows[i]), int(cols[j]), float(sub[i, j])) for i, j in pairs if sub[i, j] > 0]


class Groups:
    """Union-find over sentences that keeps, per group, its members and the set of sources it covers."""

    def __init__(self, source_of: Sequence[int]) -> None:
        self.source_of = list(source_of)
        self.parent = list(range(len(source_of)))
        self.members: dict[int, list[int]] = {i: [i] for i in range(len(source_of))}
        self.sources: dict[int, set[int]] = {i: {s} for i, s in enumerate(source_of)}

    def find(self, i: int) -> int:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:
            self.parent[i], i = root, self.parent[i]
        return root

    def try_merge(self, a: int, b: int, coherent: Callable[[list[int], list[int]], bool]) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb or self.sources[ra] & self.sources[rb]:
            return False
        if (len(self.members[ra]) > 1 or len(self.members[rb]) > 1) and not coherent(
            self.members[ra], self.members[rb]
        ):
            return False
        keep, gone = min(ra, rb), max(ra, rb)
        self.parent[gone] = keep
        self.members[keep] += self.members.pop(gone)
        self.sources[keep] |= self.sources.pop(gone)
        return True

    def components(self, among: Sequence[int]) -> list[list[int]]:
        seen: dict[int, list[int]] = {}
        for i in among:
            seen.setdefault(self.find(i), []).append(i)
        return [sorted(m) for m in seen.values()]


def merge(
    matches: Sequence[Match],
    source_of: Sequence[int],
    among: Sequence[int],
    coherent: Callable[[list[int], list[int]], bool],
) -> list[list[int]]:
    """Groups of global sentence indexes; strongest matches first, ties broken by position."""
    groups = Groups(source_of)
    for m in sorted(matches, key=lambda m: (-m.score, m.left, m.right)):
        groups.try_merge(m.left, m.right, coherent)
    return groups.components(among)
