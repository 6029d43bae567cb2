"""Speaker resolution on BASIL's quoted spans, reported separately for quotes whose speaker is a pronoun.

    /work/venv/bin/python benchmarks/quotes_speakers_basil.py [--data ../shared/data/basil]

BASIL (Fan et al. 2019) marks biased spans; spans inside quotes carry the name of who said them
(``speaker``, e.g. ``Michael_Bloomberg``). Only spans whose speaker label is a person's name are used
(labels such as ``other_anti`` or ``House_Democrats`` are skipped). Each span is looked up among the
attributions newsprism finds in the article (the one whose content overlaps it); a span no attribution
covers counts as "not detected". A resolution is right when the resolved name and the label share the
surname after transliteration folding (``newsprism.lenses.speakers.fold``).

Quotes whose speaker phrase is a pronoun ("he said") are scored separately, against a baseline measured
in the same run: the nearest person named before the pronoun (any PERSON entity, no other rule).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "basil"
_GROUP_WORDS = {
    "democrats", "republicans", "lawmakers", "campaign", "committee", "members", "party", "administration",
    "house", "senate", "officials", "supporters", "critics", "tea", "gop", "naacp", "white",
}  # fmt: skip
_PRONOUNS = {"he", "she"}


def person_label(label: str) -> str | None:
    parts = [p for p in label.split("_") if p]
    if len(parts) < 1 or label.startswith("other") or any(p.lower() in _GROUP_WORDS for p in parts):
        return None
    if not all(p[:1].isupper() for p in parts):
        return None
    return " ".join(parts)


def load(data: Path) -> list[tuple[str, str, list[tuple[int, int, str]]]]:
    """(name, article text, [(start, end, speaker name)]) for articles with person-labelled quoted spans."""
    out = []
    for ann_path in sorted(data.glob("annotations/*/*_ann.json")):
        ann = json.loads(ann_path.read_text(encoding="utf-8"))
        spans = [
            (p["txt"], name)
            for p in ann.get("phrase-level-annotations", [])
            if p.get("quote") == "yes" and (name := person_label(p.get("speaker", "")))
        ]
        if not spans:
            continue
        art_path = ann_path.parents[2] / "articles" / ann_path.parent.name / ann_path.name.replace("_ann", "")
        if not art_path.exists():
            continue
        article = json.loads(art_path.read_text(encoding="utf-8"))
        text = "\n\n".join(" ".join(p) for p in article["body-paragraphs"])
        found = []
        for txt, name in spans:
            at = text.find(txt)
            if at >= 0 and txt.strip():
                found.append((at, at + len(txt), name))
        if found:
            out.append((art_path.stem, text, found))
    return out


def surname_match(resolved: str | None, label: str) -> bool:
    from newsprism.lenses.speakers import fold

    if not resolved:
        return False
    return fold(resolved.split()[-1]) == fold(label.split()[-1])


def nearest_person(source: object, offset: int) -> str | None:
    from newsprism.model import Source

    assert isinstance(source, Source)
    before = [e for e in source.entities if e.label == "PERSON" and e.end <= offset]
    return re.sub(r"(’s|'s)$", "", before[-1].text) if before else None


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"BASIL not found at {args.data}", file=sys.stderr)
        return 2
    from newsprism.lenses.attribution import find_attributions
    from newsprism.lenses.speakers import ArticleSpeakers
    from newsprism.model import Article
    from newsprism.segment import Segmenter

    docs = load(args.data)
    sources = Segmenter().pipe([(Article(name, text), name) for name, text, _ in docs])
    tally: Counter[str] = Counter()
    for (_, _, spans), src in zip(docs, sources, strict=True):
        atts = find_attributions(src)
        mentions = ArticleSpeakers(src).resolve(atts)
        for start, end, label in spans:
            tally["spans"] += 1
            hits = [
                (a, m)
                for a, m in zip(atts, mentions, strict=True)
                if any(s < end and start < e for s, e in a.pieces)
            ]
            if not hits:
                tally["not detected"] += 1
                continue
            att, mention = hits[0]
            name = mention.name if mention else None
            head = src.tokens[att.speaker_head].text.lower() if att.speaker_head is not None else ""
            group = "pronoun" if head in _PRONOUNS else "other"
            tally[f"{group} quotes"] += 1
            tally[f"{group} resolved"] += name is not None
            tally[f"{group} correct"] += surname_match(name, label)
            if group == "pronoun" and att.speaker_span is not None:
                baseline = nearest_person(src, att.speaker_span[0])
                tally["pronoun baseline correct"] += surname_match(baseline, label)

    def share(a: str, b: str) -> float:
        return round(tally[a] / tally[b], 4) if tally[b] else 0.0

    results = {
        "articles": len(docs),
        "person-labelled quoted spans": tally["spans"],
        "not detected": tally["not detected"],
        "pronoun speakers": {
            "quotes": tally["pronoun quotes"],
            "accuracy": share("pronoun correct", "pronoun quotes"),
            "resolved share": share("pronoun resolved", "pronoun quotes"),
            "accuracy when resolved": share("pronoun correct", "pronoun resolved"),
            "baseline nearest PERSON accuracy": share("pronoun baseline correct", "pronoun quotes"),
        },
        "other speakers (names, descriptions)": {
            "quotes": tally["other quotes"],
            "accuracy": share("other correct", "other quotes"),
            "resolved share": share("other resolved", "other quotes"),
            "accuracy when resolved": share("other correct", "other resolved"),
        },
    }
    text = json.dumps(results, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    raise SystemExit(main())
