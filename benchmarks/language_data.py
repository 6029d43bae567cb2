"""Readers for the language-lens evaluation data (BABE, PTC, BASIL) and the word-score learner.

Shared by benchmarks/language_*.py and tests/eval/test_language_eval.py. Reads ../shared/data only; nothing
from it is copied into the repository (only learned numbers are, by language_train.py).
"""

from __future__ import annotations

import ast
import csv
import glob
import json
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsprism.lenses.language_model import WORD, words

ROOT = Path(__file__).resolve().parents[1]
PTC_TECHNIQUES = ("Loaded_Language", "Name_Calling,Labeling")


def data_dir() -> Path:
    return Path(os.environ.get("NEWSPRISM_SHARED_DATA", ROOT.parent / "shared" / "data"))


# A small stop list: function words never ship as loaded words (PTC spans cover whole phrases).
STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "he",
        "she",
        "they",
        "we",
        "you",
        "i",
        "his",
        "her",
        "their",
        "our",
        "your",
        "my",
        "him",
        "them",
        "us",
        "me",
        "who",
        "whom",
        "which",
        "what",
        "when",
        "where",
        "why",
        "how",
        "not",
        "no",
        "so",
        "than",
        "then",
        "there",
        "here",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "s",
        "t",
        "up",
        "out",
        "about",
        "into",
        "over",
        "after",
        "before",
        "all",
        "any",
        "some",
        "more",
        "most",
        "such",
        "only",
        "own",
        "same",
        "too",
        "very",
        "just",
        "also",
        "one",
        "two",
    ]
)


@dataclass(frozen=True, slots=True)
class BabeRow:
    text: str
    biased: bool
    biased_words: frozenset[str]


def read_babe(base: Path | None = None) -> list[BabeRow]:
    """BABE SG2 sentences with a Biased / Non-biased label (the one "No agreement" row is dropped)."""
    path = (base or data_dir()) / "babe" / "babe_sg2.csv"
    rows = []
    with path.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh, delimiter=";"):
            if r["label_bias"] not in ("Biased", "Non-biased"):
                continue
            bw = frozenset(w.lower() for w in ast.literal_eval(r["biased_words"] or "[]"))
            rows.append(BabeRow(r["text"], r["label_bias"] == "Biased", bw))
    return rows


@dataclass(frozen=True, slots=True)
class PtcArticle:
    id: str
    text: str
    spans: tuple[tuple[int, int], ...]  # Loaded_Language and Name_Calling spans


def read_ptc(base: Path | None = None) -> list[PtcArticle]:
    root = (base or data_dir()) / "ptc"
    out = []
    for f in sorted(glob.glob(str(root / "train-articles" / "article*.txt"))):
        aid = Path(f).stem.removeprefix("article")
        text = Path(f).read_text(encoding="utf-8")
        labels = root / "train-labels-task2-technique-classification" / f"article{aid}.task2-TC.labels"
        spans = []
        for line in labels.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) == 4 and parts[1] in PTC_TECHNIQUES:
                spans.append((int(parts[2]), int(parts[3])))
        out.append(PtcArticle(aid, text, tuple(sorted(spans))))
    return out


@dataclass(frozen=True, slots=True)
class BasilSpan:
    start: int  # offsets into the article text built by read_basil
    end: int
    quoted: bool


@dataclass(frozen=True, slots=True)
class BasilArticle:
    id: str
    text: str
    spans: tuple[BasilSpan, ...]  # lexical-bias spans only


def read_basil(base: Path | None = None) -> list[BasilArticle]:
    """Annotated BASIL articles: paragraphs joined by newlines, sentences by spaces; lexical spans anchored.

    The annotation offsets are relative to an unnamed sentence; a span is kept when exactly one sentence
    of its article has the span text at those offsets (367 of 369 lexical spans).
    """
    root = base or data_dir()
    out = []
    for ann_path in sorted(glob.glob(str(root / "basil" / "annotations" / "*" / "*_ann.json"))):
        art_path = ann_path.replace(f"{os.sep}annotations{os.sep}", f"{os.sep}articles{os.sep}").replace(
            "_ann.json", ".json"
        )
        if not os.path.exists(art_path):
            continue
        art = json.loads(Path(art_path).read_text(encoding="utf-8"))
        text, starts = "", []
        for para in art["body-paragraphs"]:
            for k, sent in enumerate(para):
                if k:
                    text += " "
                starts.append((len(text), sent))
                text += sent
            text += "\n"
        spans = []
        for p in json.loads(Path(ann_path).read_text(encoding="utf-8"))["phrase-level-annotations"]:
            if p["bias"] != "lex":
                continue
            at = [o for o, s in starts if s[p["start"] : p["end"]] == p["txt"]]
            if len(at) == 1:
                spans.append(BasilSpan(at[0] + p["start"], at[0] + p["end"], p["quote"] == "yes"))
        out.append(BasilArticle(Path(ann_path).stem, text, tuple(spans)))
    return out


# --------------------------------------------------------------------------- word scores


def _ratio(hits: Counter[str], occ: Counter[str], prior: float = 3.0, min_hits: int = 2) -> dict[str, float]:
    return {w: hits[w] / (occ[w] + prior) for w in hits if hits[w] >= min_hits and w not in STOP}


def babe_word_scores(rows: Iterable[BabeRow]) -> dict[str, float]:
    """Share of the sentences holding a word in which annotators marked that word as biased (smoothed)."""
    occ: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    for r in rows:
        for w in set(words(r.text)):
            occ[w] += 1
            if w in r.biased_words:
                hits[w] += 1
    return _ratio(hits, occ, min_hits=1)


def span_word_scores(docs: Iterable[tuple[str, Sequence[tuple[int, int]]]]) -> dict[str, float]:
    """Share of a word's occurrences that fall inside a marked span (PTC, BASIL)."""
    occ: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    for text, spans in docs:
        for m in WORD.finditer(text):
            w = m.group().lower()
            occ[w] += 1
            if any(s <= m.start() and m.end() <= e for s, e in spans):
                hits[w] += 1
    return _ratio(hits, occ)


def external_word_scores(base: Path | None = None) -> dict[str, float]:
    """Word scores from PTC loaded-language/name-calling spans and BASIL lexical spans (max of the two)."""
    ptc = span_word_scores((a.text, a.spans) for a in read_ptc(base))
    basil = span_word_scores((a.text, [(s.start, s.end) for s in a.spans]) for a in read_basil(base))
    return combine(ptc, basil)


def combine(*tables: dict[str, float]) -> dict[str, float]:
    out: dict[str, float] = {}
    for table in tables:
        for w, s in table.items():
            out[w] = max(out.get(w, 0.0), s)
    return out
