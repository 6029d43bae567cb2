"""Speed: what the language lens adds to ``newsprism compare`` on the bundled examples (target <= 30%).

    nice /work/venv/bin/python benchmarks/language_speed.py [--repeat 5]

Two warm pipelines share the same segmenter and embedder; one runs the language lens, the other a null
lens (the baseline, measured in the same run). Runs alternate and the medians are compared, so load from
other processes on the machine hits both alike.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from newsprism.model import LanguageFindings, QuoteFindings, Story

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def null_language(story: Story, quotes: QuoteFindings) -> LanguageFindings:
    return LanguageFindings()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from newsprism.lenses.language import LanguageLens
    from newsprism.pipeline import Pipeline

    with_lens = Pipeline(language=LanguageLens())
    without = Pipeline(segmenter=with_lens.segmenter, embedder=with_lens.embedder, language=null_language)
    inputs = sorted(str(p) for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".html", ".json"))
    articles, _ = with_lens.read(inputs)
    with_lens.analyse(articles)  # warm both: models load once, outside the timing
    without.analyse(articles)
    on: list[float] = []
    off: list[float] = []
    for _ in range(args.repeat):
        for pipe, times in ((with_lens, on), (without, off)):
            t0 = time.perf_counter()
            pipe.analyse(articles)
            times.append(time.perf_counter() - t0)
    a, b = statistics.median(on), statistics.median(off)
    words = sum(x.words for x in articles)
    print(f"{len(articles)} example articles, {words} words, {args.repeat} alternating runs")
    print(f"compare without the language lens (median): {b:.3f} s")
    print(f"compare with the language lens (median):    {a:.3f} s")
    print(f"added by the lens: {100 * (a - b) / b:+.1f}%   target <= +30%")


if __name__ == "__main__":
    main()
