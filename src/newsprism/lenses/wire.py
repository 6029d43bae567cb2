"""Wire-credit detection: which news agency an article's text credits, and the evidence for it.

Strong evidence (a dateline such as ``WASHINGTON (AP) —``, an agency byline or credit line, Reuters'
``(Reporting by ...; Editing by ...)`` footer, a copyright line, ``Reuters could not independently
verify``) names the agency on its own. Weak evidence (``told Reuters``, ``according to the AP``) is
kept for the report but never decides alone: outlets that merely quote an agency's interview use those
phrases too (on PolNeAR they are as common in non-wire articles as in wire copy). Photo credits such as
``Jim Urquhart / Reuters`` are ignored.

Agencies outside the known list are found by the shape of the credit: a dateline ``PORTVALE, Estria (MP) —``
or ``(CNN) —`` at the start of a paragraph, ``Additional reporting by X``, ``X contributed``, a byline
``By X`` / ``By Jane Doe, X`` and the article's author field, where X is an agency-like name (``... Press``,
``... Agency``, ``... Wire``), a capitalised abbreviation, or the name of another outlet of the story. An
abbreviation becomes the story's outlet whose initials it is (``CPA`` -> ``Continental Press Agency``) and
is kept as written otherwise. A credit naming the article's own outlet (CNN's own ``(CNN) —``) is no wire
for it, unless the outlet is an agency itself; an abbreviation that spells the words just before it
(``Civic Renewal Party (CRP) —``) defines the abbreviation and credits nobody.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

CreditKind = Literal["dateline", "byline", "credit", "footer", "copyright", "phrase", "outlet", "shared"]

# canonical agency name -> the ways texts write it (regex alternatives, case-sensitive on purpose:
# "AP" in capitals is the agency, "ap" is not).
AGENCIES: dict[str, tuple[str, ...]] = {
    "AP": (r"AP", r"(?:[Tt]he )?Associated Press"),
    "Reuters": (r"Reuters", r"REUTERS", r"Thomson Reuters"),
    "AFP": (r"AFP", r"Agence France[- ]Presse"),
    "UPI": (r"UPI", r"United Press International"),
    "Bloomberg": (r"Bloomberg(?: News)?",),
    "DPA": (r"dpa", r"DPA", r"Deutsche Presse-Agentur"),
    "Xinhua": (r"Xinhua",),
    "PA": (r"PA", r"PA Media", r"(?:the )?Press Association"),
    "EFE": (r"EFE",),
    "ANSA": (r"ANSA",),
    "Kyodo": (r"Kyodo(?: News)?",),
    "Yonhap": (r"Yonhap",),
    "TASS": (r"TASS",),
    "Interfax": (r"Interfax",),
    "AAP": (r"AAP", r"Australian Associated Press"),
    "CP": (r"(?:[Tt]he )?Canadian Press",),
    "PTI": (r"PTI", r"Press Trust of India"),
}

# Names too ambiguous to count in a bare credit paragraph or outlet name ("PA" is also a US state).
_AMBIGUOUS_BARE = {"PA", "CP", "Bloomberg"}

# outlet names / domains that are the agencies themselves
_AGENCY_OUTLETS: dict[str, str] = {
    "ap": "AP", "associated press": "AP", "apnews.com": "AP", "the associated press": "AP",
    "reuters": "Reuters", "reuters.com": "Reuters", "afp": "AFP", "agence france-presse": "AFP",
    "upi": "UPI", "upi.com": "UPI", "united press international": "UPI", "xinhua": "Xinhua",
    "xinhuanet.com": "Xinhua", "dpa": "DPA", "bloomberg": "Bloomberg", "bloomberg.com": "Bloomberg",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class WireCredit:
    """One piece of evidence that a text is (or uses) agency copy, with its offsets."""

    agency: str
    kind: CreditKind
    start: int
    end: int
    text: str
    strong: bool
    named: bool = True  # False for a house style that does not name its agency (Reuters' footer)


def _alias_group(names: tuple[str, ...] | None = None) -> str:
    """A named-group alternation of every alias, longest first so "Associated Press" beats "AP"."""
    parts: list[str] = []
    for agency, aliases in AGENCIES.items():
        if names is not None and agency not in names:
            continue
        parts.extend(aliases)
    parts.sort(key=len, reverse=True)
    # the look-around rejects most positions before the long alternation is tried
    return r"(?<!\w)(?=[A-Zdt])(?P<ag>" + "|".join(parts) + ")"


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[CreditKind, bool, re.Pattern[str]], ...]:
    """Compiled lazily on first use (nothing at import time), once per process."""
    ag = _alias_group()
    dash = r"[-–—]"
    return (
        # WASHINGTON (AP) — ... / Beirut (AFP) – ... / NEW YORK, Nov. 19 (UPI) — ...
        ("dateline", True, re.compile(r"\(\s*" + ag + r"\s*\)\s*" + dash)),
        ("dateline", True, re.compile(r"(?m)^[A-Z][A-Za-z.,'’ \-]{1,60}\(\s*" + ag + r"\s*\)")),
        # By JULIE PACE, Associated Press / By Jane Doe | Reuters
        ("byline", True, re.compile(r"(?m)^\s*By [A-Z][^\n]{1,80}?[,|–—-]\s*" + ag + r"\b")),
        ("byline", True, re.compile(ag + r"\s+(?:[Ww]riters?|[Cc]orrespondents?|[Rr]eporters?)\b")),
        ("credit", True, re.compile(ag + r"\s+contributed\b")),
        ("credit", True, re.compile(r"(?m)^\s*(?:Source|Sources|Credit|With)\s*:\s*" + ag + r"\s*\.?\s*$")),
        ("credit", True, re.compile(r"(?m)^\s*[\[(]?[-–—]?\s*" + ag + r"\s*[\])]?\s*\.?\s*$")),
        (
            "credit",
            True,
            re.compile(
                ag + r"\s+(?:could not|couldn['’]t|was unable to|has not been able to)"
                r"\s+(?:independently\s+)?(?:verify|confirm)"
            ),
        ),
        ("copyright", True, re.compile(r"(?:[Cc]opyright|©)\s*(?:\d{4}\s*)?" + ag + r"\b")),
        (
            "phrase",
            False,
            re.compile(
                r"\b(?:told|tells|said to|in a statement to|in an interview with)\s+"
                r"(?:the\s+)?" + ag + r"\b"
            ),
        ),
        ("phrase", False, re.compile(r"\b(?:according to|reported by|obtained by)\s+(?:the\s+)?" + ag)),
        ("phrase", False, re.compile(ag + r"\s+(?:reported|reports|has reported|said)\b")),
    )


@lru_cache(maxsize=1)
def _house_styles() -> tuple[tuple[str, CreditKind, re.Pattern[str]], ...]:
    """Agency footers and boilerplate that do not name the agency."""
    return (
        (
            "Reuters",
            "footer",
            re.compile(
                r"\((?:[Aa]dditional )?(?:[Rr]eporting|[Ww]riting) by [^()]{2,400}?"
                r"[;,]\s*(?:[Ee]diting|[Ww]riting) by [^()]{2,200}\)"
            ),
        ),
        ("AP", "copyright", re.compile(r"may not be published, broadcast, rewritten,? or redistributed")),
    )


_PHOTO_CREDIT = re.compile(r"(?:/|\bvia\s+|Getty Images\W*)\s*$")

# ----------------------------------------------------------------- credits of agencies outside AGENCIES

# the last word(s) of an agency's name: "Meridian Press", "Continental Press Agency", "Meridian Wire"
_AGENCY_WORDS = re.compile(
    r"(?:\bPress(?: Agency| Association| Service| Trust)?|\bAgency|\bWire|\bNewswire|\bNews Service"
    r"|\bPresse|\bAgencia|\bAgenzia|\bAgentur)$"
)
_NAME_WORD = r"[A-Z][\w&'’.-]*"
# one to six capitalised words (small joining words allowed inside): a name as credits write it
_NAME = rf"(?:[Tt]he\s+)?{_NAME_WORD}(?:[ \t]+(?:{_NAME_WORD}|of|and|&|de|du|la))*?"
_SMALL = frozenset({"the", "of", "and", "&", "de", "du", "la", "for"})
_DASH = r"[-–—]"
# capitals in brackets that head a paragraph without crediting anyone: "(UPDATE) —", "(VIDEO) —"
_NOT_AGENCIES = frozenset({"UPDATE", "VIDEO", "PHOTO", "PHOTOS", "LIVE", "WATCH", "AUDIO", "NOTE", "OPED"})
_PLACE_WORD = r"(?:[A-Z][\w.'’-]*|\d{1,4}|de|del|da|do|la|le|el|al|am|upon|sur)"


@lru_cache(maxsize=1)
def _generic_patterns() -> tuple[tuple[CreditKind, bool, re.Pattern[str]], ...]:
    """Credit shapes whose group ``nm`` is any name; :func:`_agency_name` decides if it is an agency's.

    The flag says whether a bare abbreviation counts there: in a dateline or byline it does, in
    ``Source: NATO`` or ``NATO could not verify`` it does only when it names an outlet of the story.
    """
    place = rf"{_PLACE_WORD}(?:,?[ \t]+{_PLACE_WORD}){{0,7}},?[ \t]*"
    end = r"(?=\s*(?:[.;,)\]]|$|\n|\s+(?:in|and|from|at|on)\b))"
    return (
        # PORTVALE, Estria (MP) — / LENZ (CPA) - / (CNN) — at the start of a paragraph
        (
            "dateline",
            True,
            re.compile(rf"(?m)^[ \t]*(?P<place>{place})?\([ \t]*(?P<nm>{_NAME})[ \t]*\)[ \t]*{_DASH}"),
        ),
        (
            "credit",
            True,
            re.compile(rf"\b(?:[Aa]dditional[ \t]+)?[Rr]eporting[ \t]+by[ \t]+(?P<nm>{_NAME}){end}"),
        ),
        ("credit", False, re.compile(rf"(?P<nm>{_NAME})[ \t]+contributed[ \t]+(?:to[ \t]+this|reporting)\b")),
        (
            "credit",
            False,
            re.compile(
                rf"(?m)^[ \t]*(?:Source|Sources|Credit|With)[ \t]*:[ \t]*(?P<nm>{_NAME})[ \t]*\.?[ \t]*$"
            ),
        ),
        (
            "credit",
            False,
            re.compile(
                rf"(?P<nm>{_NAME})[ \t]+(?:could not|couldn['’]t|was unable to|has not been able to)"
                r"[ \t]+(?:independently[ \t]+)?(?:verify|confirm)"
            ),
        ),
        # By Meridian Press / By AP / By Meridian Wire staff / By Ana Reyes, Meridian Wire
        (
            "byline",
            True,
            re.compile(rf"(?m)^[ \t]*By[ \t]+(?P<nm>{_NAME})(?:[ \t]+[Ss]taff)?[ \t]*\.?[ \t]*$"),
        ),
        (
            "byline",
            True,
            re.compile(
                rf"(?m)^[ \t]*By[ \t]+[A-Z][^\n,|]{{1,60}}[,|][ \t]*(?P<nm>{_NAME})(?:[ \t]+[Ss]taff)?[ \t]*$"
            ),
        ),
    )


def _norm(name: str) -> str:
    """A name compared across credits and outlets: lower case, no leading "the", single spaces."""
    words = name.lower().replace("’", "'").split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def initials(name: str) -> str:
    """``Continental Press Agency`` -> ``CPA`` (small words such as "the" and "of" left out)."""
    return "".join(w[0].upper() for w in re.findall(r"[^\W\d_][\w'’-]*", name) if w.lower() not in _SMALL)


def _is_abbreviation(name: str) -> bool:
    return 2 <= len(name) <= 6 and name.isalpha() and name.isupper()


def _outlet_keys(outlet: str, url: str | None = None) -> set[str]:
    """The ways a credit may name this outlet: its name, its initials, its domain's first label."""
    keys = set()
    if outlet.strip():
        keys.add(_norm(outlet))
        keys.add(_norm(outlet).removeprefix("www.").split(".", 1)[0])
        if len(initials(outlet)) >= 2:
            keys.add(initials(outlet).lower())
    if url:
        host = re.sub(r"^[a-z]+://", "", url.lower()).split("/", 1)[0].removeprefix("www.")
        if host:
            keys.add(host.split(".", 1)[0])
    keys.discard("")
    return keys


def _agency_name(raw: str, outlets: tuple[str, ...], *, abbreviations: bool = True) -> str | None:
    """The agency a credited name stands for, or None when the name is no agency's.

    Known agencies get their canonical name; a name or abbreviation of an outlet of the story gets that
    outlet's name; other agency-like names and capitalised abbreviations are kept as written.
    """
    name = re.sub(r"^[Tt]he\s+", "", raw.strip(" .,;"))
    if not name:
        return None
    for agency, aliases in AGENCIES.items():
        if any(re.fullmatch(a, name) or re.fullmatch(a, raw.strip()) for a in aliases):
            return agency
    key = _norm(name)
    for outlet in outlets:
        if key in _outlet_keys(outlet) and (key == _norm(outlet) or _is_abbreviation(name)):
            return outlet.strip()
    for outlet in outlets:
        if _same_agency(name, outlet):
            return outlet.strip()
    if (abbreviations and _is_abbreviation(name) and name not in _NOT_AGENCIES) or _AGENCY_WORDS.search(name):
        return name
    return None


# words an agency's name may carry or drop: "(Calder Press) —" in the copy of "Calder Press Agency"
_NAME_SUFFIX = re.compile(r"\s+(?:news\s+agency|agency|news\s+service|service)$")


def _same_agency(name: str, outlet: str) -> bool:
    """``Calder Press`` and ``Calder Press Agency`` are one agency: the names differ by a generic suffix.

    Datelines shorten the agency's name, so without this the reprint's dateline credits an agency the
    story does not seem to hold and the copy direction is lost. The shared part must still read as an
    agency's name (``... Press``) or have two words, so ``(Calder)`` alone names nobody.
    """
    a, b = _norm(name), _norm(outlet)
    core_a, core_b = _NAME_SUFFIX.sub("", a), _NAME_SUFFIX.sub("", b)
    if a == b or core_a != core_b or (core_a == a and core_b == b):
        return False
    return bool(_AGENCY_WORDS.search(core_a.title())) or len(core_a.split()) >= 2


def _defines_abbreviation(text: str, m: re.Match[str]) -> bool:
    """``Civic Renewal Party (CRP) —``: the words before the brackets spell the abbreviation."""
    place = m.group("place") or ""
    abbr = m.group("nm")
    if not _is_abbreviation(abbr) or not place.strip():
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", place) if w.lower() not in _SMALL]
    return "".join(w[0].upper() for w in words[-len(abbr) :]) == abbr


def _generic_credits(text: str, outlets: tuple[str, ...]) -> list[WireCredit]:
    out = []
    for kind, abbreviations, pattern in _generic_patterns():
        for m in pattern.finditer(text):
            raw = m.group("nm")
            agency = _agency_name(raw, outlets, abbreviations=abbreviations)
            if agency is None or (kind == "dateline" and _defines_abbreviation(text, m)):
                continue
            if agency in _AMBIGUOUS_BARE and kind in ("byline", "credit") and _norm(raw) == agency.lower():
                continue
            if _is_photo_credit(text, m.start("nm")):
                continue
            out.append(WireCredit(agency, kind, m.start(), m.end(), m.group(0), True))
    return out


def author_credit(author: str, outlets: tuple[str, ...] = ()) -> str | None:
    """The agency an author field names (``AP``, ``By AP``, ``Meridian Wire staff``, ``Jo Lund, AFP``)."""
    author = " ".join(author.split())
    if not author:
        return None
    line = author if author.lower().startswith("by ") else f"By {author}"
    for kind, _abbreviations, pattern in _generic_patterns():
        if kind == "byline":
            m = pattern.match(line)
            if m:
                return _agency_name(m.group("nm"), outlets)
    return None


def _canonical(alias: str) -> str:
    for agency, aliases in AGENCIES.items():
        if any(re.fullmatch(a, alias) for a in aliases):
            return agency
    return alias


def detect_wire(text: str, *, outlets: tuple[str, ...] = ()) -> tuple[WireCredit, ...]:
    """All wire evidence in ``text`` (strong and weak), in text order.

    ``outlets`` (the story's outlet names) turn an abbreviation or name in a credit into the outlet it
    stands for; without them it is kept as written.
    """
    found: dict[tuple[int, int, str], WireCredit] = {}
    for kind, strong, pattern in _patterns():
        for m in pattern.finditer(text):
            alias = m.group("ag")
            agency = _canonical(alias)
            a_start = m.start("ag")
            if _is_photo_credit(text, a_start):
                continue
            if kind == "credit" and agency in _AMBIGUOUS_BARE and m.group(0).strip(" .()[]-–—") == alias:
                continue
            key = (m.start(), m.end(), agency)
            if key not in found:
                found[key] = WireCredit(agency, kind, m.start(), m.end(), m.group(0), strong)
    for agency, kind, pattern in _house_styles():
        for m in pattern.finditer(text):
            credit = WireCredit(agency, kind, m.start(), m.end(), m.group(0), True, named=False)
            found[(m.start(), m.end(), agency)] = credit
    for credit in _generic_credits(text, outlets):
        if not any(c.agency == credit.agency and _meets(c, credit) for c in found.values()):
            found[(credit.start, credit.end, credit.agency)] = credit
    return tuple(sorted(found.values(), key=lambda c: (c.start, c.end, c.agency)))


def _meets(a: WireCredit, b: WireCredit) -> bool:
    return a.start < b.end and b.start < a.end


def _is_photo_credit(text: str, alias_start: int) -> bool:
    """``Jim Urquhart / Reuters`` and ``(NAME/AFP/Getty Images.)`` credit a photo, not the text."""
    before = text[max(0, alias_start - 40) : alias_start]
    after = text[alias_start : alias_start + 40]
    return bool(_PHOTO_CREDIT.search(before)) or bool(re.match(r"\w+\s*/\s*Getty", after))


def wire_agencies(
    text: str,
    *,
    outlet: str = "",
    url: str | None = None,
    outlets: tuple[str, ...] = (),
    author: str = "",
) -> tuple[str, ...]:
    """Agencies that the text (or the outlet itself) credits, strongest evidence only, first credit first.

    ``outlets`` are the story's outlet names (see :func:`detect_wire`); ``author`` is the article's author
    field or byline when the input had one apart from the text (``By AP``). A credit of the outlet itself
    (``(CNN) —`` in CNN's own report) is no wire, unless the outlet is an agency: a known one, or one
    whose name reads as an agency's (``Meridian Press``) and that datelines its copy with its own name.
    """
    agencies: list[str] = []
    own = agency_of_outlet(outlet, url)
    if own:
        agencies.append(own)
    mine = _outlet_keys(outlet, url)
    names = tuple(dict.fromkeys((*outlets, outlet) if outlet.strip() else outlets))
    strong = [c for c in detect_wire(text, outlets=names) if c.strong]
    # a footer in one agency's house style is that agency's only when no other agency is named: other
    # agencies end their copy with "(Reporting by ...; Editing by ...)" too
    named = {c.agency for c in strong if c.named}
    credits = [(c.agency, c.kind) for c in strong if c.named or not named]
    by = author_credit(author, names)
    if by:
        credits.insert(0, (by, "byline"))
    full = {initials(a): a for a, _ in credits if not _is_abbreviation(a) and len(initials(a)) >= 2}
    for agency, kind in credits:
        agency = (
            full.get(agency, agency) if _is_abbreviation(agency) else agency
        )  # CPA: the name credited too
        if agency in agencies:
            continue
        if own is None and _norm(agency) in mine:
            if kind != "dateline" or not _AGENCY_WORDS.search(outlet.strip()):
                continue  # the outlet's own dateline or byline: no wire for it
            agency = outlet.strip()
            if agency in agencies:
                continue
        agencies.append(agency)
    return tuple(agencies)


def agency_of_outlet(outlet: str, url: str | None = None) -> str | None:
    """The agency when the outlet (name or domain) is an agency itself."""
    key = outlet.strip().lower().removeprefix("www.")
    if key in _AGENCY_OUTLETS:
        return _AGENCY_OUTLETS[key]
    if url:
        host = re.sub(r"^[a-z]+://", "", url.lower()).split("/", 1)[0].removeprefix("www.")
        if host in _AGENCY_OUTLETS:
            return _AGENCY_OUTLETS[host]
    return None
