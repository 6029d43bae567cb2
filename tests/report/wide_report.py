"""A fictional rail accident told by twelve outlets, built by hand: the report a wide story makes.

Twelve sources (more than the outlet palette once had colours), non-ASCII names, HTML-looking titles,
one untitled source with a warning, one long feature that alone brings dozens of single-source claims.
"""

from __future__ import annotations

from newsprism.model import Claim, Passage, SourceReport, StoryReport, SummarySentence

OUTLETS = (
    "Nordlys Wire", "Coastal Herald", "Morning Courier", "The Daily Blare", "Fjord Times",
    "Harbour Review <Weekly>", "Lunde Radio", "The Islander", "Nordic Affairs", "Evening Post",
    "Grimsøy Chronicle", "Ålesund Weekly ★",
)  # fmt: skip
LEAD = "A rockslide blocked the Vestby tunnel on Tuesday and injured 14 people, said Åsa Ødegård."
QUOTE = "“They ignored every warning,” said Zoë Marchetti of the union."
FEATURE_LINES = 60  # single-source claims of the long feature, above the open-group limit


def _text(i: int) -> str:
    parts = [LEAD, QUOTE if i % 2 == 0 else f"Outlet {i} adds that buses replace trains for nine days."]
    if i == 10:
        parts += [
            f"Archive note {n}: the slope was surveyed in {1950 + n} and the notes kept."
            for n in range(FEATURE_LINES)
        ]
    return "\n\n".join(parts)


def _passage(sid: str, text: str, needle: str) -> Passage:
    start = text.index(needle)
    return Passage(sid, start, start + len(needle), needle)


def wide_report(n: int = 12) -> StoryReport:
    texts = {f"s{i + 1}": _text(i) for i in range(n)}
    sources = tuple(
        SourceReport(
            sid,
            OUTLETS[i],
            "" if i == 6 else f"R&D cuts <script>alert({i})</script> and the Vestby slide",
            None,
            "2026-03-10",
            "en",
            len(texts[sid].split()),
            texts[sid],
            warnings=("no title found; the outlet was guessed from the address",) if i == 6 else (),
        )
        for i, sid in enumerate(texts)
    )
    lead = tuple(_passage(sid, t, LEAD) for sid, t in texts.items())
    quoted = tuple(_passage(sid, t, QUOTE) for sid, t in texts.items() if QUOTE in t)
    claims = [
        Claim("c1", "consensus", tuple(texts), lead, origins=1),
        Claim("c2", "partial", tuple(p.source for p in quoted), quoted, origins=1),
    ]
    feature = "s11"
    for k in range(FEATURE_LINES):
        line = f"Archive note {k}: the slope was surveyed in {1950 + k} and the notes kept."
        claims.append(Claim(f"c{k + 3}", "single", (feature,), (_passage(feature, texts[feature], line),)))
    return StoryReport(
        sources=sources,
        claims=tuple(claims),
        summary=(
            SummarySentence(LEAD, tuple(texts), ("c1",)),
            SummarySentence("The feature lists old surveys of the slope.", (feature,), ("c40",)),
        ),
        headline="Rockslide blocks the Vestby tunnel",
    )
