"""Attribution extraction on PolNeAR (brat .ann): content, source and cue spans, ours against textacy.

    /work/venv/bin/python benchmarks/quotes_polnear.py [--split dev] [--data ../shared/data/polnear]

Gold: every ``E`` (Attribution) line of one annotator's file per article (the first by file name when an
article has several). Spans are compared as *sets of word characters* (``\\w`` positions), so quotation
marks, edge punctuation and whitespace do not decide a match; a discontinuous span is the union of its
fragments.

- exact: the predicted and gold word sets are equal;
- overlap: they share at least one word character (the usual "partial match" of PARC-style work).

Predictions and gold are matched one to one, greedily by the largest shared word count, and
P = matched / predicted, R = matched / gold. Content, source (speaker) and cue spans are scored
independently, each against the gold spans of its own type.

The peer is textacy 0.13 ``textacy.extract.triples.direct_quotations`` run on the same spaCy parse of
the same files. It raises ValueError on any document with an odd number of quotation-mark tokens (it
counts apostrophes too); such a document counts as one where it found nothing, and the script reports
how many documents that was.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "polnear"

Span = frozenset[int]  # positions of word characters


@dataclass
class Doc:
    name: str
    text: str
    content: list[Span] = field(default_factory=list)
    source: list[Span] = field(default_factory=list)
    cue: list[Span] = field(default_factory=list)
    pronoun_sources: int = 0


@dataclass
class Prediction:
    content: list[Span] = field(default_factory=list)
    source: list[Span] = field(default_factory=list)
    cue: list[Span] = field(default_factory=list)


def word_chars(text: str, ranges: Iterable[tuple[int, int]]) -> Span:
    return frozenset(i for a, b in ranges for i in range(a, b) if text[i].isalnum() or text[i] == "_")


def load(split_dir: Path, limit: int | None = None) -> list[Doc]:
    """One annotator per article; gold spans from the E lines (content, cue, source when present)."""
    anns = sorted((split_dir / "attributions").glob("*.ann"))
    chosen: dict[str, Path] = {}
    for ann in anns:
        base = re.sub(r"_[0-9a-f]{4}$", "", ann.stem)
        chosen.setdefault(base, ann)
    docs = []
    for base, ann in sorted(chosen.items())[:limit]:
        text = (split_dir / "text" / f"{base}.txt").read_text(encoding="utf-8")
        spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
        events: list[dict[str, str]] = []
        for line in ann.read_text(encoding="utf-8").splitlines():
            if line.startswith("T") and line.count("\t") >= 1:
                tid, mid, *_ = line.split("\t")
                label, ranges = mid.split(" ", 1)
                frags = [(int(a), int(b)) for a, b in (r.split() for r in ranges.split(";"))]
                spans[tid] = (label, frags)
            elif line.startswith("E") and "\t" in line:
                _, args = line.split("\t")[:2]
                events.append(dict(a.split(":", 1) for a in args.split()))
        doc = Doc(base, text)
        seen: dict[str, set[Span]] = {"Content": set(), "Source": set(), "Cue": set()}
        for ev in events:
            for role in ("Content", "Source", "Cue"):
                if role in ev and ev[role] in spans:
                    ws = word_chars(text, spans[ev[role]][1])
                    if ws and ws not in seen[role]:
                        seen[role].add(ws)
                        if role == "Source" and _is_pronoun(text, spans[ev[role]][1]):
                            doc.pronoun_sources += 1
        doc.content, doc.source, doc.cue = (list(seen[r]) for r in ("Content", "Source", "Cue"))
        docs.append(doc)
    return docs


def _is_pronoun(text: str, frags: list[tuple[int, int]]) -> bool:
    words = " ".join(text[a:b] for a, b in frags).lower().split()
    return len(words) == 1 and words[0] in {"he", "she", "they", "it", "i", "we", "you"}


# --------------------------------------------------------------------------- scoring


@dataclass
class Counts:
    tp_exact: int = 0
    tp_overlap: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, pred: Sequence[Span], gold: Sequence[Span]) -> None:
        self.predicted += len(pred)
        self.gold += len(gold)
        self.tp_exact += len(set(pred) & set(gold))
        self.tp_overlap += _greedy_overlap(pred, gold)

    def prf(self, tp: int) -> dict[str, float]:
        p = tp / self.predicted if self.predicted else 0.0
        r = tp / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}

    def summary(self) -> dict[str, object]:
        return {
            "exact": self.prf(self.tp_exact),
            "overlap": self.prf(self.tp_overlap),
            "predicted": self.predicted,
            "gold": self.gold,
        }


def _greedy_overlap(pred: Sequence[Span], gold: Sequence[Span]) -> int:
    pairs = sorted(
        ((len(p & g), i, j) for i, p in enumerate(pred) for j, g in enumerate(gold) if p & g), reverse=True
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    return len(used_p)


def score(docs: Sequence[Doc], preds: Sequence[Prediction]) -> dict[str, object]:
    counts = {"content": Counts(), "source": Counts(), "cue": Counts()}
    for doc, pred in zip(docs, preds, strict=True):
        counts["content"].add(pred.content, doc.content)
        counts["source"].add(pred.source, doc.source)
        counts["cue"].add(pred.cue, doc.cue)
    return {k: v.summary() for k, v in counts.items()}


# --------------------------------------------------------------------------- systems


def parse_all(docs: Sequence[Doc]) -> list[object]:
    from newsprism.model import Article
    from newsprism.segment import Segmenter

    segmenter = Segmenter()
    return list(segmenter.pipe([(Article(d.name, d.text), d.name) for d in docs]))


def ours(
    docs: Sequence[Doc], sources: Sequence[object], *, beliefs: bool, model: object | None = None
) -> list[Prediction]:
    from newsprism.lenses.attribution import find_attributions
    from newsprism.lenses.attribution_cues import CueModel
    from newsprism.model import Source

    cue_model = model if isinstance(model, CueModel) else (CueModel.load() if beliefs else None)
    out = []
    for doc, src in zip(docs, sources, strict=True):
        assert isinstance(src, Source)
        pred = Prediction()
        for att in find_attributions(src, beliefs=beliefs, model=cue_model):
            ws = word_chars(doc.text, att.pieces)
            if ws and ws not in pred.content:
                pred.content.append(ws)
            if att.speaker_span is not None:
                sp = word_chars(doc.text, [att.speaker_span])
                if sp and sp not in pred.source:
                    pred.source.append(sp)
            if att.cue_span is not None:
                cue = word_chars(doc.text, [att.cue_span])
                if cue and cue not in pred.cue:
                    pred.cue.append(cue)
        out.append(pred)
    return out


def textacy_peer(docs: Sequence[Doc]) -> tuple[list[Prediction], int]:
    import spacy
    from textacy.extract.triples import direct_quotations

    from newsprism.segment import DEFAULT_MODEL

    nlp = spacy.load(DEFAULT_MODEL)
    out, failed = [], 0
    for doc in docs:
        parsed = nlp(doc.text)
        pred = Prediction()
        try:
            triples = list(direct_quotations(parsed))
        except ValueError:
            failed += 1
            triples = []
        for speaker, cue, content in triples:
            for toks, bucket in ((content, pred.content), (speaker, pred.source), (cue, pred.cue)):
                toks = list(toks)
                if not toks:
                    continue
                start = min(t.idx for t in toks)
                end = max(t.idx + len(t.text) for t in toks)
                ws = word_chars(doc.text, [(start, end)])
                if ws and ws not in bucket:
                    bucket.append(ws)
        out.append(pred)
    return out, failed


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--no-textacy", action="store_true")
    ap.add_argument("--json", type=Path, default=None, help="also write the results here")
    args = ap.parse_args(argv)
    if not (args.data / args.split).is_dir():
        print(f"PolNeAR split not found at {args.data / args.split}", file=sys.stderr)
        return 2
    docs = load(args.data / args.split, args.limit)
    t0 = time.perf_counter()
    sources = parse_all(docs)
    t_parse = time.perf_counter() - t0
    results: dict[str, object] = {
        "split": args.split,
        "documents": len(docs),
        "gold_pronoun_sources": sum(d.pronoun_sources for d in docs),
    }
    for beliefs in (True, False):
        t0 = time.perf_counter()
        preds = ours(docs, sources, beliefs=beliefs)
        key = "newsprism (speech + belief cues)" if beliefs else "newsprism (speech cues only, lens default)"
        results[key] = {**score(docs, preds), "seconds": round(time.perf_counter() - t0 + t_parse, 1)}
    if not args.no_textacy:
        t0 = time.perf_counter()
        preds, failed = textacy_peer(docs)
        results["textacy 0.13 direct_quotations"] = {
            **score(docs, preds),
            "documents_raising_valueerror": failed,
            "seconds": round(time.perf_counter() - t0, 1),
        }
    text = json.dumps(results, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    raise SystemExit(main())
