"""Optional abstractive polish through any OpenAI-compatible chat endpoint, checked sentence by sentence.

The model only sees the extractive summary, numbered, and is asked to return the same numbered
sentences in smoother neutral prose. A rewritten sentence replaces the extractive one only if it keeps
every number, name and date of the sentences it cites, adds none, stays close to their words and adds no
loaded word; otherwise, and on any transport or format problem, the extractive sentence stays. The
citations never change: they belong to the claim, not to the wording.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from newsprism.model import Story, SummarySentence
from newsprism.settings import SummarySettings
from newsprism.summarise._lexicon import LOADED
from newsprism.summarise._select import content_words

if TYPE_CHECKING:
    import httpx

log = logging.getLogger("newsprism.summarise")

_LINE = re.compile(r"^\s*\[(\d+)\]\s*(.+?)\s*$")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_MONTHS_DAYS = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tomorrow)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[a-z][a-z'’-]*")
_SYSTEM = (
    "You edit news summaries for neutrality and flow. Rewrite each numbered sentence as one neutral, "
    "plain sentence. Keep every number, name, date and attribution ('According to ...') exactly; add no "
    "facts, no opinions and no emotive words. Answer with the same numbers, one sentence per line, "
    "in the form [n] sentence, and nothing else."
)


def rewrite(
    sentences: Sequence[SummarySentence],
    story: Story,
    settings: SummarySettings,
    *,
    transport: httpx.BaseTransport | None = None,
) -> tuple[SummarySentence, ...]:
    """The summary with each sentence rewritten where the rewrite passes the faithfulness check."""
    if not settings.rewrite_url or not sentences:
        return tuple(sentences)
    proposed = _ask(sentences, settings, transport)
    out = []
    for i, s in enumerate(sentences, start=1):
        new = proposed.get(i)
        evidence = _evidence(s, story)
        if new and faithful(new, s.text, evidence, settings.rewrite_min_similarity):
            out.append(SummarySentence(text=new, sources=s.sources, claims=s.claims))
        else:
            out.append(s)
    return tuple(out)


def faithful(new: str, old: str, evidence: Sequence[str], min_similarity: float) -> bool:
    """True when ``new`` says nothing the cited sentences and the extractive sentence do not support.

    Numbers, capitalised names and dates must all come from the evidence (the extractive sentence
    counts: it carries the outlet names of the attribution), the ones of the extractive sentence must
    all survive, no loaded word may appear, and the content words must overlap the old sentence's by
    ``min_similarity`` (F1), so a fluent rewrite cannot drift into another fact.
    """
    support = " ".join([old, *evidence])
    if not new.strip() or len(new) > 2 * len(old) + 40:
        return False
    for pattern in (_NUMBER, _MONTHS_DAYS):
        if not _values(pattern, new) <= _values(pattern, support) or not _values(pattern, old) <= _values(
            pattern, new
        ):
            return False
    names_new, names_old = _names(new), _names(old)
    if not names_new <= set(_WORD.findall(support.lower())):
        return False
    if not names_old <= names_new:
        return False
    if any(w in LOADED for w in _WORD.findall(new.lower())):
        return False
    a, b = content_words(new), content_words(old)
    if not a or not b:
        return False
    common = len(a & b)
    f1 = 2 * common / (len(a) + len(b))
    return f1 >= min_similarity


def _values(pattern: re.Pattern[str], text: str) -> set[str]:
    return {m.group().lower().replace(",", "") for m in pattern.finditer(text)}


def _names(text: str) -> set[str]:
    """Capitalised words that are not sentence-initial: names of people, places, organisations."""
    out = set()
    for sent in re.split(r"(?<=[.!?;:])\s+|[“”\"]", text):
        words = re.findall(r"[A-Za-z][A-Za-z'’-]*", sent)
        out |= {re.sub(r"['’]s$", "", w.lower()) for w in words[1:] if w[:1].isupper()}
    return out


def _evidence(s: SummarySentence, story: Story) -> list[str]:
    wanted = set(s.claims)
    return [p.text for c in story.claims if c.id in wanted for p in c.sentences]


def _ask(
    sentences: Sequence[SummarySentence], settings: SummarySettings, transport: httpx.BaseTransport | None
) -> dict[int, str]:
    """Numbered rewrites from the endpoint; empty on any failure (the caller then keeps the original)."""
    import httpx

    assert settings.rewrite_url is not None
    url = settings.rewrite_url.rstrip("/") + "/chat/completions"
    numbered = "\n".join(f"[{i}] {s.text}" for i, s in enumerate(sentences, start=1))
    body: dict[str, Any] = {
        "model": settings.rewrite_model or "default",
        "temperature": 0,
        "messages": [{"role": "system", "content": _SYSTEM}, {"role": "user", "content": numbered}],
    }
    headers = {"Content-Type": "application/json"}
    key = os.environ.get(settings.rewrite_api_key_env, "")
    if key:
        headers["Authorization"] = f"Bearer {key}"
    try:
        with httpx.Client(transport=transport, timeout=settings.rewrite_timeout) as client:
            response = client.post(url, content=json.dumps(body), headers=headers)
            response.raise_for_status()
            content = response.json()["choices"][0]["message"]["content"]
    except (httpx.HTTPError, ValueError, KeyError, IndexError, TypeError) as exc:
        log.warning("summary rewrite skipped, keeping the extractive summary: %s", exc)
        return {}
    if not isinstance(content, str):
        return {}
    out: dict[int, str] = {}
    for line in content.splitlines():
        m = _LINE.match(line)
        if m and 1 <= int(m.group(1)) <= len(sentences):
            out.setdefault(int(m.group(1)), m.group(2))
    return out
