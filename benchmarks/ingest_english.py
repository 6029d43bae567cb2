"""The ingest English check on real English news: how many articles it wrongly skips, and how fast it reads.

Every article in these corpora is English, so each one ``read_articles`` skips as "not English" is a false
rejection. The whole ingest path runs (file read, decode, normalise, language check, id), over the files
as they are on disk. The baseline, measured in the same run on the same normalised texts, is the simplest
rule: "English when at least 10% of words are English function words".

    python benchmarks/ingest_english.py
    python benchmarks/ingest_english.py --limit 200     # a quicker subset per corpus

Data: ../shared/data (or --data / NEWSPRISM_SHARED_DATA): polnear, ptc, basil, wikiref220, ecbplus.
Non-English rejection has no real data here; it is covered by the team-written samples in tests/normalise.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from newsprism.ingest import read_articles
from newsprism.normalise.language import _FUNCTION_WORDS
from newsprism.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = Path(os.environ.get("NEWSPRISM_SHARED_DATA", ROOT.parent / "shared" / "data"))
WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def corpus_files(data: Path, limit: int | None) -> Iterator[tuple[str, list[Path]]]:
    """Plain-text corpora as they are on disk."""
    polnear = sorted((data / "polnear").glob("*/text/*.txt"))
    ptc = sorted((data / "ptc" / "train-articles").glob("*.txt"))
    wikiref = sorted((data / "wikiref220" / "WikiRef220").glob("*.txt"))
    for name, files in (("polnear", polnear), ("ptc", ptc), ("wikiref220", wikiref)):
        yield name, files[:limit] if limit else files


def structured_texts(data: Path, limit: int | None) -> Iterator[tuple[str, list[str]]]:
    """Corpora stored as JSON (BASIL) or token XML (ECB+): rebuilt into plain article text."""
    basil = []
    for path in sorted((data / "basil" / "articles").glob("*/*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        paragraphs = doc.get("body-paragraphs", [])
        if isinstance(paragraphs, str):
            paragraphs = ast.literal_eval(paragraphs)
        basil.append("\n\n".join(" ".join(p) for p in paragraphs))
    yield "basil", basil[:limit] if limit else basil
    ecb = []
    token = re.compile(r'<token t_id="\d+" sentence="(\d+)"[^>]*>([^<]*)</token>')
    for path in sorted((data / "ecbplus" / "ECB+").glob("*/*.xml")):
        sentences: dict[str, list[str]] = {}
        for sent, tok in token.findall(path.read_text(encoding="utf-8")):
            sentences.setdefault(sent, []).append(tok)
        ecb.append("\n\n".join(" ".join(toks) for toks in sentences.values()))
    yield "ecbplus", ecb[:limit] if limit else ecb


def baseline_english(text: str) -> bool:
    words = [w.lower() for w in WORD.findall(text)]
    return bool(words) and sum(w in _FUNCTION_WORDS["en"] for w in words) / len(words) >= 0.10


def run(data: Path, limit: int | None) -> None:
    # require_english off: every article comes back with its language guess, so newsprism's check and
    # the baseline judge exactly the same normalised texts. The work done is the same as with it on.
    settings = Settings.load(ingest__require_english=False)
    rows = []
    total_time, total_docs = 0.0, 0
    with tempfile.TemporaryDirectory() as tmp:
        sources: list[tuple[str, list[str]]] = [
            (n, [str(p) for p in f]) for n, f in corpus_files(data, limit)
        ]
        for name, texts in structured_texts(data, limit):
            paths = []
            for i, text in enumerate(texts):
                path = Path(tmp) / f"{name}_{i:05d}.txt"
                path.write_text(text, encoding="utf-8")
                paths.append(str(path))
            sources.append((name, paths))
        for name, paths in sources:
            started = time.perf_counter()
            articles, skipped = read_articles(paths, settings)
            elapsed = time.perf_counter() - started
            total_time += elapsed
            total_docs += len(paths)
            ours = sum(a.language != "en" for a in articles)
            base = sum(not baseline_english(a.text) for a in articles)
            guesses = Counter(a.language for a in articles if a.language != "en")
            reasons = Counter(s.reason.split(" (")[0].split(";")[0] for s in skipped)
            rows.append((name, len(paths), len(articles), ours, base, elapsed, guesses, reasons))
    date = datetime.now(UTC).date().isoformat()
    print(f"ingest English check on real English news ({date}); lower is better")
    print(
        f"{'corpus':12} {'files':>6} {'judged':>7} {'newsprism rejects':>18} {'baseline rejects':>17}  time"
    )
    judged_all = ours_all = base_all = 0
    for name, n, judged, ours, base, elapsed, guesses, reasons in rows:
        judged_all += judged
        ours_all += ours
        base_all += base
        print(
            f"{name:12} {n:6d} {judged:7d} {ours:8d} ({ours / max(judged, 1):6.2%})"
            f"  {base:7d} ({base / max(judged, 1):6.2%})  {elapsed:5.1f} s"
        )
        if guesses:
            print(f"{'':12} rejected as: {dict(guesses)}")
        if reasons:
            print(f"{'':12} skipped before the check: {dict(reasons)}")
    print(
        f"{'all':12} {total_docs:6d} {judged_all:7d} {ours_all:8d} ({ours_all / max(judged_all, 1):6.2%})"
        f"  {base_all:7d} ({base_all / max(judged_all, 1):6.2%})"
        f"  {total_time:5.1f} s = {total_docs / total_time:.0f} files/s (read + normalise + check)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None, help="files per corpus")
    args = parser.parse_args()
    if not args.data.is_dir():
        raise SystemExit(
            f"evaluation data not found at {args.data}; pass --data or set NEWSPRISM_SHARED_DATA"
        )
    run(args.data, args.limit)


if __name__ == "__main__":
    main()
