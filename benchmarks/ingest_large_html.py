"""Time to read very large HTML pages: newsprism's ingest vs trafilatura on the whole page, same run.

Target: a 20 MB page is read in seconds, never hangs, and the article at its top is kept. Pages are
generated (fictional text): an article followed by a huge comment thread, or buried in inline scripts.
The baseline is ``trafilatura.bare_extraction`` on the full page, run in a subprocess with a time limit.

    python benchmarks/ingest_large_html.py
    python benchmarks/ingest_large_html.py --sizes 5 20 --baseline-timeout 60
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from newsprism.ingest import read_articles
from newsprism.settings import Settings

LEDE = (
    "Dock workers at the Port of Kessla returned to work on Thursday after their union accepted a pay offer "
    "that ends a nine-day strike, the port authority said."
)
ARTICLE = (
    f"<article><h1>Kessla strike ends</h1><p>{LEDE}</p>"
    "<p>The agreement raises wages by 6.5% over two years, according to the union.</p></article>"
)


def comments_page(megabytes: float) -> str:
    row = "<div class='comment'><span>reader{i}</span><p>Comment number {i} about the strike.</p></div>\n"
    rows, size, i = [], 0, 0
    while size < megabytes * 1e6:
        rows.append(row.format(i=i))
        size += len(rows[-1])
        i += 1
    return f"<html><head><title>Kessla strike ends</title></head><body>{ARTICLE}{''.join(rows)}</body></html>"


def scripts_page(megabytes: float) -> str:
    blob = (
        "window.__STATE__ = {"
        + ", ".join(f'"k{i}": [1, 2, 3]' for i in range(int(megabytes * 1e6 / 17)))
        + "};"
    )
    head = f"<head><title>Kessla strike ends</title><script>{blob}</script></head>"
    return f"<html>{head}<body>{ARTICLE}</body></html>"


BASELINE = """
import sys, time, trafilatura
page = open(sys.argv[1], encoding="utf-8").read()
t = time.perf_counter()
doc = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False)
print(f"{time.perf_counter() - t:.2f}", int(doc is not None and sys.argv[2] in (doc.text or "")))
"""


def baseline(path: Path, timeout: float) -> str:
    try:
        out = subprocess.run(
            [sys.executable, "-c", BASELINE, str(path), LEDE[:60]],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        ).stdout.split()
    except subprocess.TimeoutExpired:
        return f"> {timeout:.0f} s (killed)"
    except subprocess.CalledProcessError as exc:
        return f"failed: {exc.stderr.strip().splitlines()[-1] if exc.stderr else exc}"
    return f"{float(out[0]):6.2f} s, article {'kept' if out[1] == '1' else 'LOST'}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[2, 20])
    parser.add_argument("--baseline-timeout", type=float, default=90)
    args = parser.parse_args()
    print(f"large HTML pages ({datetime.now(UTC).date().isoformat()}); newsprism = read_articles on the file")
    print(f"{'page':10} {'MB':>6}  {'newsprism':>28}  baseline (trafilatura on the whole page)")
    with tempfile.TemporaryDirectory() as tmp:
        for shape, make in (("comments", comments_page), ("scripts", scripts_page)):
            for size in args.sizes:
                path = Path(tmp) / f"{shape}_{size:g}.html"
                path.write_text(make(size), encoding="utf-8")
                mb = path.stat().st_size / 1e6
                started = time.perf_counter()
                articles, skipped = read_articles([str(path)], Settings())
                elapsed = time.perf_counter() - started
                kept = bool(articles) and articles[0].text.startswith(LEDE)
                ours = f"{elapsed:6.2f} s, article {'kept' if kept else 'LOST'}"
                if skipped:
                    ours += f" (skipped: {skipped[0].reason[:40]})"
                print(
                    f"{shape:10} {mb:6.1f}  {ours:>28}  {baseline(path, args.baseline_timeout)}", flush=True
                )


if __name__ == "__main__":
    main()
