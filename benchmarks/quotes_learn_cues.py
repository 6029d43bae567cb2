"""Learn which verbs, with which complement, PolNeAR annotators treat as attribution cues (train split only).

    /work/venv/bin/python benchmarks/quotes_learn_cues.py [--limit 600] [--min-precision 0.5] [--min-hits 2]

For every verb in the parsed train articles and every complement it has (a clause ``ccomp``, an object
``dobj``, an ``xcomp``, a prepositional object ``prep:<word>``), the would-be content span is compared with
the gold attributions whose cue covers that verb. A (lemma, complement) pair is kept when it was right at
least ``--min-precision`` of the time and at least ``--min-hits`` times. The printed table is what
``newsprism.lenses.attribution.LEARNED_CUES`` holds (pasted by hand, with this command as provenance).
Only the train split is read; dev is kept for the benchmark in quotes_polnear.py.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "polnear"


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


def candidates(source: object) -> list[tuple[str, str, int, set[int]]]:
    """(lemma, complement, verb token, content token indexes) for every verb and complement."""
    from newsprism.lenses.attribution import complement_candidates
    from newsprism.model import Source

    assert isinstance(source, Source)
    return complement_candidates(source)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=600)
    ap.add_argument("--min-precision", type=float, default=0.5)
    ap.add_argument("--min-hits", type=int, default=2)
    ap.add_argument("--parsed", type=Path, nargs="*", default=[], help="pickled (docs, sources) to reuse")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "benchmarks"))
    sys.path.insert(0, str(ROOT / "src"))
    import pickle

    from quotes_polnear import load, parse_all, word_chars

    split_dir = args.data / "train"
    if args.parsed:
        docs, sources = [], []
        for p in args.parsed:
            d, s = pickle.loads(p.read_bytes())
            docs += d
            sources += s
    else:
        docs = load(split_dir, args.limit)
        sources = parse_all(docs)
    seen: Counter[tuple[str, str]] = Counter()
    hits: Counter[tuple[str, str]] = Counter()
    for doc, src in zip(docs, sources, strict=True):
        events = gold_events(split_dir, doc.name, doc.text)
        for lemma, comp, verb, content in candidates(src):
            tok = src.tokens[verb]  # type: ignore[attr-defined]
            vchars = word_chars(doc.text, [(tok.start, tok.end)])
            toks = [src.tokens[i] for i in content]  # type: ignore[attr-defined]
            cchars = word_chars(doc.text, [(t.start, t.end) for t in toks])
            if not cchars:
                continue
            seen[(lemma, comp)] += 1
            if any(cue & vchars and gold & cchars for cue, gold in events):
                hits[(lemma, comp)] += 1
    table: dict[str, list[str]] = defaultdict(list)
    for key, n in sorted(seen.items()):
        if hits[key] >= args.min_hits and hits[key] / n >= args.min_precision:
            table[key[0]].append(key[1])
    print(f"# learned from {len(docs)} PolNeAR train articles: {sum(len(v) for v in table.values())} pairs")
    for lemma in sorted(table):
        print(f'    "{lemma}": "{" ".join(sorted(table[lemma]))}",')
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
