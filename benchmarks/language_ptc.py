"""PTC: Loaded_Language + Name_Calling span F1 (partial-overlap credit), 5-fold CV over articles.

    nice /work/venv/bin/python benchmarks/language_ptc.py [--limit N]

Scoring is the SemEval-2020 task 11 span-identification definition: precision sums, over predicted spans,
the share of each covered by gold spans; recall the same the other way round. Per fold the PTC word
scores are learned on the other folds only (BABE and BASIL scores are external and used whole). Every span
the lens finds counts, whatever its voice (PTC marks loaded words in quotes too). Baseline in the same run:
lexicon lookup (every word in the hand lists or with a word score at or above the lens threshold).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from language_babe import lexicon_words, word_positions
from language_data import (
    PtcArticle,
    babe_word_scores,
    combine,
    read_babe,
    read_basil,
    read_ptc,
    span_word_scores,
)

Span = tuple[int, int]


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def si_scores(gold: Sequence[Sequence[Span]], pred: Sequence[Sequence[Span]]) -> tuple[float, float, float]:
    """SemEval SI precision/recall/F1 with partial-overlap credit, pooled over documents."""
    p_num = sum(
        overlap(s, t) / (s[1] - s[0]) for g, pr in zip(gold, pred, strict=True) for s in pr for t in g
    )
    r_num = sum(
        overlap(s, t) / (t[1] - t[0]) for g, pr in zip(gold, pred, strict=True) for s in pr for t in g
    )
    n_pred, n_gold = sum(map(len, pred)), sum(map(len, gold))
    p = p_num / n_pred if n_pred else 0.0
    r = r_num / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def merged(spans: Sequence[Span]) -> list[Span]:
    """Gold spans overlap (one phrase labelled twice); merge them so no predicted word is counted twice."""
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def run(articles: Sequence[PtcArticle]) -> dict[str, float]:
    from newsprism.lenses.language import LanguageLens, LanguageSettings
    from newsprism.lenses.language_lexicon import Lexicon
    from newsprism.model import Article, QuoteFindings
    from newsprism.segment import Segmenter

    settings = LanguageSettings()
    external = combine(
        babe_word_scores(read_babe()),
        span_word_scores((a.text, [(s.start, s.end) for s in a.spans]) for a in read_basil()),
    )
    sources = Segmenter().pipe([(Article(id=a.id, text=a.text), a.id) for a in articles])
    gold = [merged(a.spans) for a in articles]
    pred: list[list[Span]] = [[] for _ in articles]
    base: list[list[Span]] = [[] for _ in articles]
    folds = 5
    for k in range(folds):
        test = [i for i in range(len(articles)) if i % folds == k]
        train = [articles[i] for i in range(len(articles)) if i % folds != k]
        scores = combine(external, span_word_scores((a.text, a.spans) for a in train))
        lens = LanguageLens(settings, lexicon=Lexicon(word_scores=scores))
        lex = lexicon_words(scores, settings.learned_min)
        for i in test:
            pred[i] = [(s.start, s.end) for s in lens.find_spans(sources[i], QuoteFindings())]
            base[i] = [(a, b) for a, b, w in word_positions(articles[i].text) if w in lex]
    p, r, f = si_scores(gold, pred)
    bp, br, bf = si_scores(gold, base)
    out = {
        "span_p": p,
        "span_r": r,
        "span_f1": f,
        "span_p_lexicon": bp,
        "span_r_lexicon": br,
        "span_f1_lexicon": bf,
    }
    return {k: round(v, 4) for k, v in out.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles (quick check)")
    args = parser.parse_args()
    t0 = time.perf_counter()
    articles = read_ptc()
    if args.limit:
        articles = articles[: args.limit]
    result: dict[str, float] = run(articles)
    result["articles"] = len(articles)
    result["seconds"] = round(time.perf_counter() - t0, 1)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
