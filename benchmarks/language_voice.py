"""BASIL: accuracy of the voice decision (quoted vs authorial) on the lexical-bias spans, target >= 0.90.

    nice /work/venv/bin/python benchmarks/language_voice.py

Each BASIL article is segmented, run through the quotes lens, and every gold lexical span gets the voice
the language lens would give a span at that place (inside a quote, an attributed claim or not). Gold: the
annotators' ``quote`` flag. ``accuracy`` is the lens default (paraphrase is the writer's wording unless a
verb of description hands it over); the other two policies of ``LanguageSettings.indirect`` are measured in
the same run. Baselines: everything authorial (the majority), and "inside quotation marks" alone.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent))

from language_data import BasilArticle, read_basil

if TYPE_CHECKING:
    from newsprism.settings import IndirectPolicy

POLICIES: tuple[IndirectPolicy, ...] = ("describe", "all", "none")


def run(articles: Sequence[BasilArticle]) -> dict[str, float]:
    from newsprism.lenses.attribution import quote_spans
    from newsprism.lenses.language import span_voice
    from newsprism.lenses.quotes import QuoteLens
    from newsprism.model import Article, Story
    from newsprism.segment import Segmenter

    quotes_lens = QuoteLens()
    sources = Segmenter().pipe([(Article(id=a.id, text=a.text), a.id) for a in articles])
    total = majority = marks = 0
    right = dict.fromkeys(POLICIES, 0)
    confusion = {"tp": 0, "fp": 0, "fn": 0}  # of the default policy, "attributed" as the positive class
    for art, src in zip(articles, sources, strict=True):
        if not art.spans:
            continue
        quotes = quotes_lens(Story(sources=(src,)))
        in_marks = quote_spans(art.text)
        for span in art.spans:
            total += 1
            majority += not span.quoted
            marks += any(a <= span.start and span.end <= b for a, b in in_marks) == span.quoted
            for policy in POLICIES:
                attributed = span_voice(src, quotes, span.start, span.end, policy) == "attributed"
                right[policy] += attributed == span.quoted
                if policy == "describe":
                    key = (
                        "tp"
                        if attributed and span.quoted
                        else "fp"
                        if attributed
                        else "fn"
                        if span.quoted
                        else ""
                    )
                    if key:
                        confusion[key] += 1
    return {
        "spans": total,
        "accuracy": round(right["describe"] / total, 4),
        "accuracy_indirect_all": round(right["all"] / total, 4),
        "accuracy_indirect_none": round(right["none"] / total, 4),
        "accuracy_all_authorial": round(majority / total, 4),
        "accuracy_quote_marks_only": round(marks / total, 4),
        **confusion,
    }


def main() -> None:
    t0 = time.perf_counter()
    result: dict[str, float] = run(read_basil())
    result["seconds"] = round(time.perf_counter() - t0, 1)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
