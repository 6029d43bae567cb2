"""Speakers across sources: one :class:`~newsprism.model.Speaker` per real speaker from every outlet's
mentions. Names merge when their surnames agree after transliteration folding (Zelensky / Zelenskiy /
Zelenski) and their first names do not conflict; organisations when one name names the same body with
fewer words or without its legal form; an acronym takes the one name the story spells it out as.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from newsprism.lenses.speakers_words import _LEGAL, _PRONOUNS, _strip_det, fold
from newsprism.lenses.wire import initials
from newsprism.model import Mention, Speaker


def merge_speakers(mentions: Sequence[tuple[str, Mention]]) -> tuple[list[Speaker], list[str]]:
    """One Speaker per real speaker from ``(source id, mention)`` pairs; also returns each pair's id."""
    groups: list[dict[str, object]] = []  # name forms, kind, sources
    assigned: list[int] = []
    # a one-word "organisation" that is the surname of a person the story names in full ("Malvik" tagged
    # ORG in one outlet, "Teodor Malvik" a person in another) is that person
    full = [m.name.split() for _, m in mentions if m.kind == "person"]
    surnames = {fold(words[-1]) for words in full if len(words) > 1}
    mentions = [
        (source, Mention(m.name, "person", m.alias))
        if m.kind == "organisation" and len(m.name.split()) == 1 and fold(m.name) in surnames
        else (source, m)
        for source, m in mentions
    ]
    # a bare full name some outlet's speaker phrase shows to be a firm's ("Kessling Arden, the pump maker,
    # said" there; "Kessling Arden said", tagged a person, here) is that firm, titled people excepted
    orgs = [m.name for _, m in mentions if m.kind == "organisation" and len(m.name.split()) >= 2]
    mentions = [
        (source, Mention(m.name, "organisation", m.alias))
        if m.kind == "person"
        and fold(_strip_det(m.alias)) in (fold(m.name), "")
        and any(same_organisation(m.name, o) for o in orgs)
        else (source, m)
        for source, m in mentions
    ]
    mentions = _spell_acronyms(mentions)
    for source, m in mentions:
        g = _find_group(groups, m, source)
        if g is None:
            groups.append({"names": Counter(), "aliases": set(), "kind": m.kind, "sources": []})
            g = len(groups) - 1
        group = groups[g]
        names: Counter[str] = group["names"]  # type: ignore[assignment]
        names[m.name] += 1
        aliases: set[str] = group["aliases"]  # type: ignore[assignment]
        alias = m.alias.split(",")[0].strip()
        if alias and alias.lower() not in _PRONOUNS and len(alias.split()) <= 6:
            aliases.add(alias)
        srcs: list[str] = group["sources"]  # type: ignore[assignment]
        if source not in srcs:
            srcs.append(source)
        assigned.append(g)
    speakers = []
    for n, group in enumerate(groups, start=1):
        names = group["names"]  # type: ignore[assignment]
        canonical = max(names, key=lambda s: (len(s.split()), names[s], s))
        aliases = (set(names) | group["aliases"]) - {canonical}  # type: ignore[operator]
        speakers.append(
            Speaker(
                id=f"p{n}",
                name=canonical,
                aliases=tuple(sorted(aliases)),
                sources=tuple(group["sources"]),  # type: ignore[arg-type]
                kind=group["kind"],  # type: ignore[arg-type]
            )
        )
    return speakers, [f"p{g + 1}" for g in assigned]


def _spell_acronyms(mentions: Sequence[tuple[str, Mention]]) -> list[tuple[str, Mention]]:
    """Organisations named by an acronym ("VGA") under the one name it stands for in the story: the name
    an outlet defined it as (its mention then carries the acronym as alias), else the one body of three
    words or more whose initials it is ("Kessel Ore Mining"). Two candidates leave it as it is."""
    orgs = [m for _, m in mentions if m.kind == "organisation" and not _is_acronym(m.name)]
    defined: defaultdict[str, set[str]] = defaultdict(set)
    guessed: defaultdict[str, set[str]] = defaultdict(set)
    for m in orgs:
        alias = _strip_det(m.alias)
        if _is_acronym(alias):
            defined[alias].add(m.name)
        if len(initials(m.name)) >= 3:
            guessed[initials(m.name)].add(m.name)
    out = []
    for source, m in mentions:
        names = defined.get(m.name) or guessed.get(m.name, set())
        if m.kind == "organisation" and _is_acronym(m.name) and len(names) == 1:
            m = Mention(next(iter(names)), "organisation", m.alias)
        out.append((source, m))
    return out


def defined_acronyms(text: str) -> dict[str, str]:
    """Each acronym the text defines ("the Valdorian Grid Authority (VGA)") -> the name it stands for, the
    shortest run of capitalised words before it whose initials spell it."""
    out: dict[str, str] = {}
    for m in _DEFINED.finditer(text):
        words = m.group(1).split()
        for n in range(1, len(words) + 1):
            tail = words[-n:]
            if tail[0][0].isupper() and initials(" ".join(tail)) == m.group(2):
                out.setdefault(m.group(2), " ".join(tail))
                break
    return out


_DEFINED = re.compile(r"((?:[A-Z][\w'’-]*\s+(?:(?:of|and|for|the)\s+)?){1,6})\(([A-Z]{2,6})\)")


def _is_acronym(name: str) -> bool:
    return 2 <= len(name) <= 6 and name.isalpha() and name.isupper()


def same_person(a: str, b: str) -> bool:
    """Surnames fold equal and first names (when both given) agree or one is the other's initial; or one
    first name and surnames one letter apart: an outlet's misspelling ("Ilse Brandvoll" / "Brandvold")."""
    pa, pb = a.split(), b.split()
    if not pa or not pb:
        return False
    if fold(pa[-1]) != fold(pb[-1]):
        from rapidfuzz.distance import Levenshtein

        sx, sy = fold(pa[-1]), fold(pb[-1])
        return (
            len(pa) > 1 and len(pb) > 1 and fold(pa[0]) == fold(pb[0]) and len(fold(pa[0])) > 1
            and min(len(sx), len(sy)) >= 5 and Levenshtein.distance(sx, sy) == 1
        )  # fmt: skip
    fa, fb = pa[:-1], pb[:-1]
    if not fa or not fb:
        return True
    x, y = fold(fa[0]), fold(fb[0])
    return x == y or (min(len(x), len(y)) == 1 and x[0] == y[0])


def _find_group(groups: list[dict[str, object]], m: Mention, source: str) -> int | None:
    for g, group in enumerate(groups):
        if group["kind"] != m.kind:
            continue
        if m.kind == "anonymous":  # two outlets' unnamed officials may be two people: never merged
            if group["sources"] == [source] and m.name in group["names"]:  # type: ignore[operator]
                return g
            continue
        names: Counter[str] = group["names"]  # type: ignore[assignment]
        if m.kind == "person" and all(same_person(m.name, n) for n in names):
            return g
        if m.kind == "organisation" and any(same_organisation(m.name, n) for n in names):
            return g
    return None


def same_organisation(a: str, b: str) -> bool:
    """The same name, or one that names the same body with fewer words: "transport authority" and
    "Grimsøy regional transport authority" (same head word, at least two words). "Lunde transport
    authority" and "Grimsøy transport authority" stay two."""
    if fold(a) == fold(b):
        return True
    # a legal form adds nothing: "Kessling Arden AG" is "Kessling Arden"
    wa, wb = ([fold(w) for w in n.split() if w.lower().rstrip(".") not in _LEGAL] for n in (a, b))
    if len(wa) >= 2 and wa == wb:
        return True
    short, long = sorted(([fold(w) for w in a.split()], [fold(w) for w in b.split()]), key=len)
    return len(short) >= 2 and short[-1] == long[-1] and set(short) <= set(long)
