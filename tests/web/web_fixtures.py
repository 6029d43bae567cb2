"""Fictional articles, a store filler and a stand-in pipeline for the web tests (no models needed).

The stand-in builds schema v1 reports from simple rules (marked words, quoted speech, a wire credit), so
page and API tests run in milliseconds; the end-to-end tests use the real pipeline.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.ingest import Draft, build_article
from newsprism.model import (
    Article,
    Claim,
    LanguageSpan,
    Passage,
    Quote,
    Skipped,
    SourceReport,
    Speaker,
    StoryReport,
    SummarySentence,
)
from newsprism.settings import IngestSettings, Settings
from newsprism.store import SqliteStore, StoryUpdate

# --------------------------------------------------------------------------- fictional articles

FERRY = [
    (
        "Wirex",
        "Ferry crews walk out over night shifts",
        "2026-03-02",
        "Ferry crews on the Tamsin Sound route stopped work on Monday after talks on night shifts failed, "
        "the operator said.\n\n"
        '"We will not sail short-handed," said union leader Ines Carver at the harbour gate.\n\n'
        "About 4,000 commuters use the route each day. (Wirex)",
    ),
    (
        "Harbour Gazette",
        "Shameful strike strands islanders",
        "2026-03-02",
        "A shameful strike by ferry crews stranded islanders on Monday as the tyrant bosses of the union "
        "refused to budge on night shifts.\n\n"
        '"We will not sail short-handed," said union leader Ines Carver.\n\n'
        "About 4,000 commuters use the route each day.",
    ),
    (
        "Northern Ledger",
        "Night-shift dispute halts Tamsin Sound ferries",
        "2026-03-03",
        "Ferries on the Tamsin Sound route did not run on Monday in a dispute over night shifts.\n\n"
        "Union leader Ines Carver said crews would not sail short-handed, while the operator said it "
        "had offered a new rota.\n\nTalks resume on Thursday.",
    ),
]

HOSTILE = [
    (
        "Lakeside Courier",
        'Library fire <script>alert("title")</script>',
        "2026-02-10",
        "A fire closed the Brennock library on Tuesday evening, the fire service said.\n\n"
        "Nobody was hurt. <script>document.title='pwned'</script> <img src=x onerror=alert(1)> "
        "Firefighters worked until midnight.",
    ),
    (
        "Valley Post",
        "Brennock library shut after blaze",
        "2026-02-11",
        "The Brennock library will stay shut for a month after a fire on Tuesday evening, the council "
        "said.\n\nNobody was hurt, and firefighters stayed until midnight.",
    ),
]

FERRY_STORY = "story-ferry"
HOSTILE_STORY = "story-library"


def make_article(outlet: str, title: str, published: str, text: str) -> Article:
    built = build_article(
        Draft(origin=f"{outlet}.txt", text=text, title=title, outlet=outlet, published=published),
        IngestSettings(),
    )
    assert isinstance(built, Article), built
    return built


def fill_store(path: Path, stories: Sequence[tuple[str, Sequence[tuple[str, str, str, str]]]]) -> None:
    """Write stories straight into a SQLite store, as the story service would after clustering."""
    with SqliteStore(path) as store:
        for sid, rows in stories:
            articles = [make_article(*r) for r in rows]
            dates = sorted(a.published or "" for a in articles)
            store.commit_batch(
                articles,
                np.zeros((len(articles), 4), dtype=np.float32),
                {a.id: sid for a in articles},
                [StoryUpdate(sid, articles[0].title, dates[0], dates[-1])],
                {},
            )


# --------------------------------------------------------------------------- stand-in pipeline

LOADED = {"shameful": "emotive", "tyrant": "insult"}
_QUOTE = re.compile(r'"([^"]+)"')


@dataclass
class FakePipeline:
    """Duck-types the parts of ``Pipeline`` the app uses; ``gate`` holds an analysis until it is set."""

    settings: Settings = field(default_factory=Settings)
    transport: Any = None
    gate: threading.Event | None = None
    calls: int = 0

    def analyse(
        self,
        articles: Sequence[Article],
        skipped: Sequence[Skipped] = (),
        *,
        progress: Callable[[str], None] | None = None,
    ) -> StoryReport:
        say = progress or (lambda _m: None)
        say("segmenting and embedding")
        if self.gate is not None:
            say("waiting at the test gate")
            assert self.gate.wait(20), "test gate never opened"
        self.calls += 1
        sources, language, quotes, claims = [], [], [], []
        carver = Speaker("p1", "Ines Carver", sources=())
        for i, a in enumerate(articles, start=1):
            sid = f"s{i}"
            spans = [
                LanguageSpan(sid, m.start(), m.end(), m.group(), "authorial", LOADED[m.group().lower()], 0.9)
                for m in re.finditer(r"\b(shameful|tyrant)\b", a.text, flags=re.I)
            ]
            language += spans
            for k, m in enumerate(_QUOTE.finditer(a.text)):
                who = "p1" if "Carver" in a.text else None
                quotes.append(Quote(f"q{i}-{k}", sid, who, "direct", m.start(), m.end(), m.group(), "said"))
            first = a.text.split("\n")[0]
            claims.append(Claim(f"c{i}", "single", (sid,), (Passage(sid, 0, len(first), first),)))
            sources.append(
                SourceReport(
                    id=sid,
                    outlet=a.outlet,
                    title=a.title,
                    url=a.url,
                    published=a.published,
                    language=a.language,
                    words=a.words,
                    author=a.author,
                    text=a.text,
                    loadedness=min(1.0, 0.3 * len(spans)),
                    wire=("Wirex",) if "(Wirex)" in a.text else (),
                    reused_share=0.5 if "4,000 commuters" in a.text else 0.0,
                )
            )
        say("summary")
        summary = (SummarySentence(claims[0].sentences[0].text, ("s1",), ("c1",)),) if claims else ()
        return StoryReport(
            sources=tuple(sources),
            claims=tuple(claims),
            speakers=(carver,) if any(q.speaker for q in quotes) else (),
            quotes=tuple(quotes),
            language=tuple(language),
            summary=summary,
            skipped=tuple(skipped),
            generated_at="2026-03-04T00:00:00+00:00",
        )


def free_port() -> int:
    """A port on 127.0.0.1 that was free a moment ago (for servers started in another process)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
