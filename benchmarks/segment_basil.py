"""Sentence boundaries on real news copy: newsprism's Segmenter against plain spaCy, on BASIL.

BASIL stores every article as paragraphs of hand-split sentences, so the gold boundaries are known.
Each article is rebuilt as normalised text (sentences joined by a space, paragraphs by a blank line) and
split by both systems; both are told where paragraphs start, so the headline score counts only the
boundaries inside paragraphs (where datelines, "Gen." and quotes followed by "he said" trip a parser);
F1 over all sentence starts, paragraph starts included, is printed too. BASIL's annotators sometimes keep
a multi-sentence quotation as one sentence and sometimes split it, which caps both systems' scores.
Nothing from the data is written anywhere.

    python benchmarks/segment_basil.py [--data ../shared/data] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import UTC, datetime
from pathlib import Path

from newsprism.model import Article
from newsprism.normalise.text import normalise_line
from newsprism.segment import Segmenter
from newsprism.segment._chunks import paragraph_starts

ROOT = Path(__file__).resolve().parents[1]


def load_articles(basil: Path, limit: int | None) -> list[tuple[str, set[int], set[int]]]:
    """(text, gold sentence starts inside paragraphs, paragraph starts) for each article."""
    out = []
    for path in sorted((basil / "articles").glob("*/*.json"))[:limit]:
        doc = json.loads(path.read_text(encoding="utf-8"))
        paragraphs = [[normalise_line(s) for s in para if s.strip()] for para in doc["body-paragraphs"]]
        text, inner, para_starts = "", set(), set()
        for para in (p for p in paragraphs if p):
            if text:
                text += "\n\n"
            para_starts.add(len(text))
            for i, sentence in enumerate(para):
                if i:
                    text += " "
                    inner.add(len(text))
                text += sentence
        out.append((text, inner, para_starts))
    return out


def f1(predicted: list[set[int]], gold: list[set[int]]) -> tuple[float, float, float]:
    tp = sum(len(p & g) for p, g in zip(predicted, gold, strict=True))
    n_pred = sum(len(p) for p in predicted)
    n_gold = sum(len(g) for g in gold)
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    return precision, recall, 2 * precision * recall / (precision + recall) if tp else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    args = parser.parse_args()
    articles = load_articles(args.data / "basil", args.limit)
    gold = [inner for _, inner, _ in articles]

    segmenter = Segmenter()
    start = time.perf_counter()
    sources = segmenter.pipe([(Article(id=str(i), text=t), str(i)) for i, (t, _, _) in enumerate(articles)])
    ours_s = time.perf_counter() - start
    ours = [
        {s.start for s in src.sentences} - para for src, (_, _, para) in zip(sources, articles, strict=True)
    ]

    # Baseline: the same spaCy pipeline's own sentence splits, given the same paragraph starts.
    nlp = segmenter.nlp
    start = time.perf_counter()
    plain = []
    for text, _, para in articles:
        doc = nlp.make_doc(text)
        for i in paragraph_starts(doc):
            doc[i].is_sent_start = True
        parsed = nlp(doc)
        plain.append({s.start_char for s in parsed.sents if not s.text.isspace()} - para)
    plain_s = time.perf_counter() - start

    words = sum(len(t.split()) for t, _, _ in articles)
    print(
        f"BASIL: {len(articles)} articles, {words} words, {sum(map(len, gold))} boundaries inside paragraphs"
    )
    paras = [para for _, _, para in articles]
    for name, pred, secs in (
        ("newsprism Segmenter", ours, ours_s),
        ("plain spaCy (baseline)", plain, plain_s),
    ):
        p, r, f = f1(pred, gold)
        _, _, f_all = f1(
            [a | b for a, b in zip(pred, paras, strict=True)],
            [a | b for a, b in zip(gold, paras, strict=True)],
        )
        print(
            f"{name:24s} inside paragraphs P {p:.3f} R {r:.3f} F1 {f:.3f};"
            f" all starts F1 {f_all:.3f} ({secs:.1f} s)"
        )
    print(f"date {datetime.now(UTC).date()}")


if __name__ == "__main__":
    main()
