"""A small team-written archive: fictional events, each reported by several outlets in their own style.

Articles are assembled from per-event facts and per-outlet templates, so the corpus has real story
structure (shared facts, outlet-only facts, quotes, loaded words) without copying any dataset text.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

EVENTS = [
    {
        "day": "2031-03-02",
        "place": "Port Alder",
        "what": "the Marrow Bridge reopened to traffic",
        "who": "Mayor Ilse Varnholt",
        "number": "14 months",
        "detail": "engineers replaced 212 steel cables on the span",
        "quote": "This bridge carries our city again",
        "extra": "Toll booths will stay closed until the summer",
    },
    {
        "day": "2031-03-03",
        "place": "Keswater",
        "what": "a fire destroyed the old grain depot",
        "who": "Fire Chief Tomas Bellweather",
        "number": "nine fire crews",
        "detail": "no one was injured and the cause is being investigated",
        "quote": "The crews kept the flames away from the homes on Quay Street",
        "extra": "Residents were told to keep their windows shut overnight",
    },
    {
        "day": "2031-03-03",
        "place": "Orlen Valley",
        "what": "farmers began a strike over water prices",
        "who": "union leader Maren Coldfield",
        "number": "3,400 farmers",
        "detail": "the regional water board raised prices by 18 percent in January",
        "quote": "We cannot grow food with water we cannot pay for",
        "extra": "The water board said it would meet the union next week",
    },
    {
        "day": "2031-03-05",
        "place": "Lindqvist Harbour",
        "what": "a cargo ship ran aground near the harbour mouth",
        "who": "harbour master Oskar Trelane",
        "number": "22 crew members",
        "detail": "tugboats failed to free the vessel at high tide",
        "quote": "The hull is intact and there is no sign of a fuel leak",
        "extra": "Ferries to the islands were moved to the northern pier",
    },
]

OUTLETS = [
    ("Northern Wire", "wire"),
    ("The Daily Clarion", "tabloid"),
    ("Valley Courier", "local"),
    ("Civic Ledger", "analysis"),
    ("Evening Lantern", "tabloid"),
]


def _article(event: dict[str, str], outlet: str, style: str, variant: int) -> dict[str, str]:
    e = event
    if style == "wire":
        body = [
            f"{e['place'].upper()} (Northern Wire) - In {e['place']} on Tuesday, {e['what']}, "
            "officials said.",
            f'{e["who"][0].upper() + e["who"][1:]} said: "{e["quote"]}."',
            f"The work involved {e['number']}, and {e['detail']}.",
            f"{e['extra']}, according to a statement.",
        ]
        title = f"{e['place']}: {e['what']}"
    elif style == "tabloid":
        body = [
            f"{outlet} can reveal shocking scenes in {e['place']} as {e['what']} after months of bungling.",
            f"Hapless officials finally admitted it: {e['detail']}.",
            f'"{e["quote"]}," {e["who"]} boasted to reporters.',
            f"Outraged locals say {e['number']} is a scandal and a farce.",
        ]
        title = f"FURY in {e['place']}!"
    elif style == "local":
        body = [
            f"Neighbours in {e['place']} woke on Tuesday to news that {e['what']}.",
            f"{e['extra']}.",
            f"Speaking near the scene, {e['who']} said that {e['quote'][0].lower() + e['quote'][1:]}.",
            f"Records show that {e['detail']}, involving {e['number']}.",
        ]
        title = f"What Tuesday's news means for {e['place']}"
    else:
        body = [
            f"Analysis: in {e['place']}, {e['what']}, and the wider questions remain open.",
            f"The figure of {e['number']} stands out, and {e['detail']}.",
            f'{e["who"][0].upper() + e["who"][1:]} told the Ledger: "{e["quote"]}."',
            "Whether the region has learned from the episode is another matter.",
        ]
        title = f"Behind the headlines in {e['place']}"
    if variant:
        body.append(f"This report was updated {variant} time{'s' if variant > 1 else ''} with new details.")
    return {
        "title": title,
        "outlet": outlet,
        "published": e["day"],
        "url": f"https://{outlet.lower().replace(' ', '')}.example/"
        f"{e['place'].lower().replace(' ', '-')}/{variant}",
        "text": "\n\n".join(body),
    }


def articles() -> list[dict[str, str]]:
    """About two dozen articles: every event from every outlet, plus updated versions of some."""
    out = []
    for k, event in enumerate(EVENTS):
        for j, (outlet, style) in enumerate(OUTLETS):
            out.append(_article(event, outlet, style, 0))
            if (j + k) % 3 == 0:
                out.append(_article(event, outlet, style, 1 + (j % 2)))
    return out


def write_archive(folder: Path, *, shards: int = 3, with_parquet: bool = True) -> list[Path]:
    """Write the corpus as JSON lines shards (and one Parquet shard), with a few bad records mixed in."""
    folder.mkdir(parents=True, exist_ok=True)
    items = articles()
    paths = []
    per = -(-len(items) // shards)
    for s in range(shards):
        chunk = items[s * per : (s + 1) * per]
        if with_parquet and s == shards - 1:
            import pyarrow as pa
            import pyarrow.parquet as pq

            path = folder / f"part-{s:03d}.parquet"
            pq.write_table(pa.Table.from_pylist(chunk), path)
        else:
            path = folder / f"part-{s:03d}.jsonl"
            lines = [json.dumps(a) for a in chunk]
            if s == 0:
                lines.insert(1, "{not json")
                lines.append(json.dumps({"title": "Empty", "text": "too short"}))
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def snapshot(out: Path) -> dict[str, Any]:
    """Everything a run wrote, in a comparable form: sorted table rows and reports without the clock."""
    import pyarrow.parquet as pq

    tables: dict[str, Any] = {}
    for folder in sorted(p for p in out.iterdir() if p.is_dir() and p.name != "reports"):
        rows = []
        for part in sorted(folder.glob("*.parquet")):
            rows.extend(pq.read_table(part).to_pylist())
        tables[folder.name] = sorted(json.dumps(r, sort_keys=True, default=_plain) for r in rows)
    reports = {}
    for path in sorted((out / "reports").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        data.pop("generated_at", None)
        reports[path.name] = data
    return {"tables": tables, "reports": reports}


def _plain(value: Any) -> Any:
    if hasattr(value, "tolist"):
        return value.tolist()
    raise TypeError(type(value))
