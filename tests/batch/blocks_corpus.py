"""Clusterer input rows for the block tests, built in code (no models): fictional events with lead vectors.

Each event has its own names, words and a random direction in the vector space; an article's lead
vector is that direction plus a little noise, so the story clusterer groups an event's articles when
it sees them together, and only then.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

#: Block length used by the tests; EDGE_DAY is a block edge (a multiple of it).
BLOCK_DAYS = 10.0
EDGE_DAY = (date(2031, 6, 1).toordinal() // 10) * 10

EVENTS = {
    "strike": ("Port Alder dockers strike over Kessler Shipping pay offer", "Mara Quint", "dock wage"),
    "flood": ("Orlen river floods the lower town of Varnby", "Ilse Toller", "river levee"),
    "vote": ("Keswater council votes on the Brannock tram line", "Osric Feld", "tram budget"),
}
OUTLETS = ("Northern Wire", "Daily Clarion", "Valley Courier", "Civic Ledger")


def event_rows(
    event: str, offsets: list[int], *, language: str = "en", seed: int = 0
) -> list[dict[str, Any]]:
    """One row per day offset from EDGE_DAY (negative = before the edge), several outlets' styles."""
    title, person, words = EVENTS[event]
    rng = np.random.default_rng(sorted(EVENTS).index(event) + 1)
    base = rng.normal(size=384)
    base /= np.linalg.norm(base)
    noise = np.random.default_rng(seed + 100 + sorted(EVENTS).index(event))
    out = []
    for k, offset in enumerate(offsets):
        v = base + 0.15 * noise.normal(size=384) / np.sqrt(384)
        outlet = OUTLETS[k % len(OUTLETS)]
        text = (
            f"{title}. {person} said on day {k} that the {words} talks would go on. "
            f"{outlet} reports that the {words} dispute in the region continues, update {k}."
        )
        out.append(
            {
                "id": f"{event}{k:02d}{language}",
                "title": f"{title} ({outlet})",
                "outlet": outlet,
                "url": None,
                "published": date.fromordinal(EDGE_DAY + offset).isoformat(),
                "language": language,
                "origin": f"{event}-{k}",
                "warnings": [],
                "text": text,
                "lead_vector": (v / np.linalg.norm(v)).astype(np.float32).tolist(),
            }
        )
    return out


def archive_rows() -> list[dict[str, Any]]:
    """A story straddling the edge at EDGE_DAY, one inside the block before it, one a block later."""
    rows = [
        *event_rows("strike", [-3, -2, -1, 0, 1, 2]),
        *event_rows("flood", [-8, -7, -6]),
        *event_rows("vote", [13, 14, 15]),
    ]
    # Interleave by date, as an archive in publication order would be.
    return sorted(rows, key=lambda r: (r["published"], r["id"]))


def write_articles_part(rows: list[dict[str, Any]], out: Path, key: str = "blocks") -> list[dict[str, Any]]:
    """Write rows as one articles part (what the article stage leaves, in row groups of 4) and return the
    refs the driver plans blocks with: id, part, position, date and language."""
    from newsprism.batch.io import part_path, write_table_atomic

    stored = [{**r, "shard": key} for r in rows]
    write_table_atomic(part_path(out, "articles", key), stored, None, row_group_size=4)
    return [
        {"id": r["id"], "shard": key, "pos": n, "published": r["published"], "language": r["language"]}
        for n, r in enumerate(rows)
    ]
