"""Wire-credit detection: which news agency an article's text credits, and the evidence for it.

Strong evidence (a dateline such as ``WASHINGTON (AP) —``, an agency byline or credit line, Reuters'
``(Reporting by ...; Editing by ...)`` footer, a copyright line, ``Reuters could not independently
verify``) names the agency on its own. Weak evidence (``told Reuters``, ``according to the AP``) is
kept for the report but never decides alone: outlets that merely quote an agency's interview use those
phrases too (on PolNeAR they are as common in non-wire articles as in wire copy). Photo credits such as
``Jim Urquhart / Reuters`` are ignored.
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


def _canonical(alias: str) -> str:
    for agency, aliases in AGENCIES.items():
        if any(re.fullmatch(a, alias) for a in aliases):
            return agency
    return alias


def detect_wire(text: str) -> tuple[WireCredit, ...]:
    """All wire evidence in ``text`` (strong and weak), in text order."""
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
            credit = WireCredit(agency, kind, m.start(), m.end(), m.group(0), True)
            found[(m.start(), m.end(), agency)] = credit
    return tuple(sorted(found.values(), key=lambda c: (c.start, c.end, c.agency)))


def _is_photo_credit(text: str, alias_start: int) -> bool:
    """``Jim Urquhart / Reuters`` and ``(NAME/AFP/Getty Images.)`` credit a photo, not the text."""
    before = text[max(0, alias_start - 40) : alias_start]
    after = text[alias_start : alias_start + 40]
    return bool(_PHOTO_CREDIT.search(before)) or bool(re.match(r"\w+\s*/\s*Getty", after))


def wire_agencies(text: str, *, outlet: str = "", url: str | None = None) -> tuple[str, ...]:
    """Agencies that the text (or the outlet itself) credits, strongest evidence only, first credit first."""
    agencies: list[str] = []
    own = agency_of_outlet(outlet, url)
    if own:
        agencies.append(own)
    for credit in detect_wire(text):
        if credit.strong and credit.agency not in agencies:
            agencies.append(credit.agency)
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
