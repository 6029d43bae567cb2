"""Load ECB+, BASIL and WikiRef220 as streams of ``Article`` with gold labels (benchmarks, quality gate).

ECB+: each topic holds two seminal events (``Necb`` vs ``Necbplus`` files); gold = topic + sub-topic. The
documents carry no dates, so the stream is a seeded shuffle. BASIL: gold = triplet, streamed by date.
WikiRef220: gold = topic (coarser than a story), undated, seeded shuffle.
Texts go through newsprism's own normalisation (``build_article``) so the benchmark sees what users get.
"""

from __future__ import annotations

import json
import random
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from newsprism.ingest import Draft, build_article
from newsprism.model import Article
from newsprism.settings import IngestSettings

_ECB_NAME = re.compile(r"^(\d+)_(\d+)(ecb|ecbplus)\.xml$")
_WIKIREF_NAME = re.compile(r"^(.+?)[ .]\(?\d+\)?\.txt$")


def _article(draft: Draft) -> Article | None:
    built = build_article(draft, IngestSettings(require_english=False, min_words=1))
    return built if isinstance(built, Article) else None


def load_ecbplus(root: Path, *, seed: int = 13) -> tuple[list[Article], list[str]]:
    """ECB+ documents as articles (first sentence = title), shuffled with ``seed``; gold 'topic/sub'."""
    items: list[tuple[Article, str]] = []
    for path in sorted((root / "ECB+").glob("*/*.xml")):
        m = _ECB_NAME.match(path.name)
        if not m:
            continue
        sentences: dict[int, list[str]] = {}
        for tok in ET.parse(path).getroot().iter("token"):
            sentences.setdefault(int(tok.get("sentence", "0")), []).append(tok.text or "")
        lines = [_detok(" ".join(words)) for _k, words in sorted(sentences.items())]
        url = None
        if lines and lines[0].startswith("http"):  # ECB+ additions open with their (tokenised) URL
            url, lines = lines[0].replace(" ", ""), lines[1:]
        if not lines:
            continue
        body = "\n\n".join(lines[1:]) if len(lines) > 1 else lines[0]
        a = _article(Draft(origin=path.name, text=body, title=lines[0], outlet=f"ecb{m.group(2)}", url=url))
        if a is not None:
            items.append((a, f"{m.group(1)}/{m.group(3)}"))
    random.Random(seed).shuffle(items)
    return [a for a, _g in items], [g for _a, g in items]


def load_basil(root: Path) -> tuple[list[Article], list[str]]:
    """BASIL articles in date order (ties by file name); gold = triplet uuid."""
    items: list[tuple[str, str, Article, str]] = []
    for path in sorted((root / "articles").glob("*/*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        paragraphs = [" ".join(p) if isinstance(p, list) else str(p) for p in d.get("body-paragraphs", [])]
        a = _article(
            Draft(
                origin=path.name,
                text="\n\n".join(paragraphs),
                title=d.get("title", ""),
                outlet=str(d.get("source", "")).lower(),
                url=d.get("url"),
                published=d.get("date"),
            )
        )
        if a is not None:
            items.append((a.published or "", path.name, a, str(d["triplet-uuid"])))
    items.sort(key=lambda t: (t[0], t[1]))
    return [t[2] for t in items], [t[3] for t in items]


def load_wikiref(root: Path, *, seed: int = 13) -> tuple[list[Article], list[str]]:
    """WikiRef220 articles (first line = title), shuffled with ``seed``; gold = the file-name topic.

    Its gold labels are topics (five big ones plus small "noise" topics), coarser than events: a topic
    such as a football league holds many stories, so only B-cubed precision is comparable with the
    event sets (a story must not mix topics); recall against topics is expected to be low.
    """
    items: list[tuple[Article, str]] = []
    for path in sorted((root / "WikiRef220").glob("*.txt")):
        m = _WIKIREF_NAME.match(path.name)
        if not m:
            continue
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if not lines:
            continue
        title, body = lines[0], "\n\n".join(lines[1:]) or lines[0]
        a = _article(Draft(origin=path.name, text=body, title=title, outlet="wikiref"))
        if a is not None:
            items.append((a, m.group(1).lower()))
    random.Random(seed).shuffle(items)
    return [a for a, _g in items], [g for _a, g in items]


def _detok(text: str) -> str:
    text = re.sub(r"\s+([,.;:!?%)\]}'])", r"\1", text)
    text = re.sub(r"([(\[{$])\s+", r"\1", text)
    return re.sub(r"\s+(n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", text)
