"""Speed of ``newsprism compare`` on two real reports of one event (about 400 and 1,600 words).

Picks from ../shared/data/basil the same-event pair closest to 400 + 1,600 words, writes both as text files in
a temporary folder (nothing is stored in the repo) and measures, in one run:

- cold: the ``newsprism compare`` command, wall time including interpreter start and model loading
  (target < 10 s);
- warm: a second ``Pipeline.compare`` in the same process (target < 2 s);
- baseline: loading the models alone (spaCy + ONNX MiniLM) in a fresh process, the floor of any cold run.

    python benchmarks/compare_speed.py [--data ../shared/data] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def pick_pair(basil: Path) -> tuple[dict[str, str], dict[str, str]]:
    by_story: dict[str, list[dict[str, str]]] = {}
    for path in sorted((basil / "articles").glob("*/*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        paragraphs = [" ".join(s.strip() for s in para) for para in data["body-paragraphs"]]
        text = "\n\n".join(p.strip() for p in paragraphs if p.strip())
        by_story.setdefault(data["triplet-uuid"], []).append(
            {"title": data["title"], "outlet": data["source"], "date": data["date"], "text": text}
        )
    best: tuple[float, dict[str, str], dict[str, str]] | None = None
    for articles in by_story.values():
        for a in articles:
            for b in articles:
                wa, wb = len(a["text"].split()), len(b["text"].split())
                cost = abs(wa - 400) / 400 + abs(wb - 1600) / 1600
                if a is not b and (best is None or cost < best[0]):
                    best = (cost, a, b)
    if best is None:
        raise SystemExit(f"no same-event pair found under {basil}")
    return best[1], best[2]


def write(article: dict[str, str], path: Path) -> Path:
    header = f"Title: {article['title']}\nOutlet: {article['outlet']}\nDate: {article['date']}\n\n"
    path.write_text(header + article["text"], encoding="utf-8")
    return path


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    short, long = pick_pair(args.data / "basil")
    exe = Path(sys.executable).with_name("newsprism")
    with tempfile.TemporaryDirectory() as tmp:
        a = write(short, Path(tmp) / "a.txt")
        b = write(long, Path(tmp) / "b.txt")
        words = (len(short["text"].split()), len(long["text"].split()))

        load_code = (
            "from newsprism.segment import Segmenter; from newsprism.embed import default_embedder;"
            "from newsprism.settings import EmbedSettings; from newsprism.model import Article;"
            "s = Segmenter(); s(Article(id='x', text='Warm up.'), 's1');"
            "default_embedder(EmbedSettings()).encode(['warm up'])"
        )
        baseline = [timed([sys.executable, "-c", load_code]) for _ in range(args.repeat)]
        out = Path(tmp) / "report.json"
        command = [str(exe), "compare", str(a), str(b), "-o", str(out), "--quiet"]
        cold = [timed(command) for _ in range(args.repeat)]

        from newsprism.pipeline import Pipeline

        pipeline = Pipeline()
        t0 = time.perf_counter()
        pipeline.compare([str(a), str(b)])
        first_api = time.perf_counter() - t0
        warm = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            pipeline.compare([str(a), str(b)])
            warm.append(time.perf_counter() - t0)

    def fmt(xs: list[float]) -> str:
        return f"{statistics.median(xs):.2f} s (min {min(xs):.2f}, max {max(xs):.2f})"

    print(f"pair: {words[0]} + {words[1]} words")
    print(f"baseline, model loading alone (fresh process): {fmt(baseline)}")
    print(f"cold `newsprism compare` wall:                 {fmt(cold)}   target < 10 s")
    print(f"first Pipeline.compare in process:              {first_api:.2f} s")
    print(f"warm Pipeline.compare (second call on):         {fmt(warm)}   target < 2 s")
    date = datetime.now(UTC).date().isoformat()
    print(
        f"\n| {date} | {words[0]} + {words[1]} words | cold CLI {statistics.median(cold):.2f} s | "
        f"warm API {statistics.median(warm):.2f} s | "
        f"model loading alone {statistics.median(baseline):.2f} s |"
    )


if __name__ == "__main__":
    main()
