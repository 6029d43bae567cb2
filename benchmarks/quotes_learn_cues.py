"""Train the attribution cue model on the PolNeAR train split (never dev or test).

    /work/venv/bin/python benchmarks/quotes_learn_cues.py [--limit 600] [--heldout 150]

Every (cue word, complement) candidate of every parsed train article is labelled positive when a gold
attribution's cue covers the cue word and its content overlaps the complement. A logistic regression
(scikit-learn, used here only) is fit on the binary features of
``newsprism.lenses.attribution_cues.features``. The decision threshold is chosen on the last
``--heldout`` articles (the whole detector is run there at several thresholds and the best content
overlap F1 wins); then the model is refit on all articles and written, with that threshold, to
``src/newsprism/lenses/data/quotes/cue_weights.json``. Only feature names (cue lemmas, dependency labels,
entity types) and weights are written, no text from the corpus.
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "polnear"
OUT = ROOT / "src" / "newsprism" / "lenses" / "data" / "quotes" / "cue_weights.json"


def gold_events(split_dir: Path, name: str, text: str) -> list[tuple[frozenset[int], frozenset[int]]]:
    """(cue word chars, content word chars) of each attribution in the first annotator's file."""
    from quotes_polnear import word_chars

    anns = sorted((split_dir / "attributions").glob(f"{name}_*.ann"))
    anns = [a for a in anns if re.fullmatch(rf"{re.escape(name)}_[0-9a-f]{{4}}", a.stem)]
    spans: dict[str, list[tuple[int, int]]] = {}
    out = []
    for line in anns[0].read_text(encoding="utf-8").splitlines():
        if line.startswith("T") and "\t" in line:
            tid, mid, *_ = line.split("\t")
            ranges = mid.split(" ", 1)[1]
            spans[tid] = [(int(a), int(b)) for a, b in (r.split() for r in ranges.split(";"))]
        elif line.startswith("E") and "\t" in line:
            ev = dict(a.split(":", 1) for a in line.split("\t")[1].split())
            if ev.get("Cue") in spans and ev.get("Content") in spans:
                out.append((word_chars(text, spans[ev["Cue"]]), word_chars(text, spans[ev["Content"]])))
    return out


def examples(
    split_dir: Path, docs: Sequence[Any], sources: Sequence[Any]
) -> tuple[list[list[str]], list[int]]:
    from newsprism.lenses.attribution import quote_spans
    from newsprism.lenses.attribution_cues import Parse, complements, cue_key, features
    from quotes_polnear import word_chars

    xs: list[list[str]] = []
    ys: list[int] = []
    for doc, src in zip(docs, sources, strict=True):
        events = gold_events(split_dir, doc.name, doc.text)
        parse = Parse(src)
        quotes = quote_spans(doc.text)
        for t in parse.tokens:
            if not cue_key(t):
                continue
            vchars = word_chars(doc.text, [(t.start, t.end)])
            for kind, idxs in complements(parse, t):
                toks = [parse.tokens[i] for i in idxs]
                cchars = word_chars(doc.text, [(x.start, x.end) for x in toks])
                if not cchars:
                    continue
                xs.append(features(parse, t.i, kind, idxs, quotes))
                ys.append(int(any(cue & vchars and gold & cchars for cue, gold in events)))
    return xs, ys


def fit(xs: list[list[str]], ys: list[int], c: float) -> tuple[dict[str, float], float]:
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([dict.fromkeys(f, 1) for f in xs]).tocsr()
    x.indices = x.indices.astype(np.int32)  # liblinear wants 32-bit indices
    x.indptr = x.indptr.astype(np.int32)
    clf = LogisticRegression(C=c, max_iter=2000, solver="liblinear")
    clf.fit(x, ys)
    names = vec.get_feature_names_out()
    weights = {str(n): round(float(w), 4) for n, w in zip(names, clf.coef_[0], strict=True) if abs(w) >= 0.05}
    return weights, float(clf.intercept_[0])


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=600, help="train articles to use (the first N by name)")
    ap.add_argument("--heldout", type=int, default=150, help="last N of them choose the threshold")
    ap.add_argument("--c", type=float, default=0.5, help="inverse L2 regularisation strength")
    ap.add_argument("--parsed", type=Path, nargs="*", default=[], help="pickled (docs, sources) to reuse")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from newsprism.lenses.attribution_cues import CueModel
    from quotes_polnear import load, ours, parse_all, score

    split_dir = args.data / "train"
    if args.parsed:
        docs, sources = [], []
        for p in args.parsed:
            d, s = pickle.loads(p.read_bytes())
            docs += d
            sources += s
        docs, sources = docs[: args.limit], sources[: args.limit]
    else:
        docs = load(split_dir, args.limit)
        sources = parse_all(docs)
    n_fit = len(docs) - args.heldout
    xs, ys = examples(split_dir, docs[:n_fit], sources[:n_fit])
    weights, bias = fit(xs, ys, args.c)
    best = (-1.0, 0.5)
    for threshold in (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5):
        model = CueModel(weights, bias, threshold)
        result = score(docs[n_fit:], ours(docs[n_fit:], sources[n_fit:], beliefs=True, model=model))
        f1 = result["content"]["overlap"]["f1"]  # type: ignore[index]
        print(f"threshold {threshold}: held-out content overlap F1 {f1}", file=sys.stderr)
        best = max(best, (f1, threshold))
    xs, ys = examples(split_dir, docs, sources)
    weights, bias = fit(xs, ys, args.c)
    data = {
        "provenance": (
            f"logistic regression on {len(ys)} candidates from {len(docs)} PolNeAR train articles "
            f"(Newell, Margolin, Ruths, LREC 2018; github.com/networkdynamics/PolNeAR); "
            f"benchmarks/quotes_learn_cues.py --limit {args.limit} --heldout {args.heldout} --c {args.c}; "
            f"{datetime.now(UTC).date().isoformat()}"
        ),
        "threshold": best[1],
        "heldout_content_overlap_f1": best[0],
        "bias": round(bias, 4),
        "weights": dict(sorted(weights.items())),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(weights)} weights, threshold {best[1]}, to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    raise SystemExit(main())
