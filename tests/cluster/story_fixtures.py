"""Fictional events in several outlets' styles, and a cheap deterministic embedder for fast tests.

A plain module (not conftest) so other test folders and subprocess workers can import it by name.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from types import SimpleNamespace

import numpy as np

from newsprism.cluster import Placement
from newsprism.ingest import article_id
from newsprism.model import Article

# Three fictional events, each told by three made-up outlets in their own voice.
EVENTS: dict[str, list[tuple[str, str, str, str]]] = {
    "ferry": [
        (
            "Harbour Wire",
            "2031-04-02",
            "Ferry Marisol runs aground off Kessel Point, 212 rescued",
            "The passenger ferry Marisol ran aground off Kessel Point early on Tuesday, and coastguard crews "
            "rescued all 212 people on board, the Port Valen harbour authority said. Captain Ines Aldana "
            "reported a steering failure shortly before the ship struck the reef.",
        ),
        (
            "The Daily Lantern",
            "2031-04-02",
            "Chaos at sea: Marisol ferry wrecked on Kessel Point reef",
            "Terrified passengers clung to railings as the ageing Marisol ferry slammed into the reef at "
            "Kessel Point. Coastguard heroes plucked 212 souls from the water while Port Valen officials "
            "dodged questions about the ship's shoddy steering.",
        ),
        (
            "Valen Courier",
            "2031-04-03",
            "Kessel Point grounding: what we know about the Marisol",
            "Investigators from the Port Valen harbour authority began examining the Marisol on Wednesday, a "
            "day after the ferry grounded off Kessel Point. All 212 passengers and crew were rescued. "
            "Captain Ines Aldana has blamed a steering failure.",
        ),
    ],
    "vote": [
        (
            "Harbour Wire",
            "2031-04-02",
            "Tarnow council approves Orrin river bridge by 7 votes to 4",
            "The Tarnow city council voted 7 to 4 on Tuesday to build a new bridge over the Orrin river, "
            "Mayor Petra Lisk said, ending a two-year dispute over the crossing's cost of 48 million crowns.",
        ),
        (
            "The Daily Lantern",
            "2031-04-02",
            "Lisk rams through Orrin bridge boondoggle",
            "Mayor Petra Lisk bulldozed her pet project through Tarnow council on Tuesday, a bloated 48 "
            "million crown bridge across the Orrin that critics call a monument to her ego. "
            "The vote was 7-4.",
        ),
        (
            "Valen Courier",
            "2031-04-03",
            "Orrin bridge gets the green light in Tarnow",
            "Tarnow council members approved the Orrin river bridge in a 7 to 4 vote. Mayor Petra Lisk "
            "said construction of the 48 million crown crossing would start next spring.",
        ),
    ],
    "chess": [
        (
            "Harbour Wire",
            "2031-04-02",
            "Okoro wins Brandt Cup chess final in 41 moves",
            "Grandmaster Tolu Okoro won the Brandt Cup chess final in Mirel on Tuesday, beating defending "
            "champion Sven Haldor in 41 moves of a Catalan opening.",
        ),
        (
            "The Daily Lantern",
            "2031-04-03",
            "Haldor humbled as Okoro seizes Brandt Cup",
            "Sven Haldor's reign is over. Tolu Okoro crushed the arrogant champion in Mirel to take the "
            "Brandt Cup, sealing the final in 41 moves.",
        ),
        (
            "Valen Courier",
            "2031-04-03",
            "Brandt Cup: Okoro takes the title in Mirel",
            "Tolu Okoro is the new Brandt Cup champion after defeating Sven Haldor in Mirel on Tuesday. The "
            "deciding game lasted 41 moves.",
        ),
    ],
}


def make_article(outlet: str, published: str, title: str, text: str, url: str | None = None) -> Article:
    slug = re.sub(r"\W+", "-", outlet.lower()).strip("-")
    return Article(
        id=article_id(text),
        text=text,
        title=title,
        outlet=outlet,
        published=published,
        url=url or f"https://{slug}.example/{article_id(text)}",
    )


class HashEmbedder:
    """Bag of hashed words: deterministic, instant, and similar texts get similar vectors."""

    dim = 64

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for w in re.findall(r"[a-z]{4,}", text.lower()):
                out[i, int(hashlib.md5(w.encode()).hexdigest()[:6], 16) % self.dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1.0, norms)


class ScriptedClusterer:
    """Stands in for OnlineClusterer: each article's placement (merges included) is scripted; a story
    merged away is no longer live, and no story is ever due for the split pass."""

    def __init__(self, script: dict[str, Placement]) -> None:
        self.script = script
        self.gone: set[str] = set()

    def add(self, article: Article, _vector: np.ndarray) -> Placement:
        self.gone.update(self.script[article.id].merged)
        return self.script[article.id]

    def story(self, sid: str) -> SimpleNamespace | None:
        if sid in self.gone:
            return None
        return SimpleNamespace(title=sid, members=[], first_text=None, last_text=None)

    def split_due(self, _sid: str) -> bool:
        return False
