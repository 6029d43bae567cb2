"""Quality gate for the neutral summary on the first NeuS/AllSides val clusters.

The full benchmark (200 clusters, Lead / LexRank / TextRank side by side) is benchmarks/summary_neus.py;
this gate runs the whole pipeline on a small fixed slice and checks ROUGE-1 against its floor, that the
summaries are calmer (NRC-VAD arousal) than the articles they summarise, that every sentence's citations
hold and that no authorial loaded span the language lens found is left in a summary.
"""

from __future__ import annotations

import re
import statistics
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from newsprism.embed import Embedder
    from newsprism.segment import Segmenter

pytestmark = pytest.mark.slow

CLUSTERS = 30
WORDS = 60
_WORDS = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")


def _arousal(text: str, vad: dict[str, float]) -> float | None:
    scores = [vad[w.lower()] for w in _WORDS.findall(text) if w.lower() in vad]
    return statistics.fmean(scores) if scores else None


def test_neus_rouge_framing_and_citations(
    shared_data: Path, floors: dict[str, Any], segmenter: Segmenter, embedder: Embedder
) -> None:
    rouge_scorer = pytest.importorskip("rouge_score.rouge_scorer", reason="install the 'bench' extra")
    from newsprism.model import Article
    from newsprism.pipeline import Pipeline
    from newsprism.settings import Settings, SummarySettings

    folder = shared_data / "neus_allsides"
    lexicon = shared_data / "nrc_vad_lexicon" / "NRC-VAD-Lexicon.txt"
    if not (folder / "val.source").is_file() or not lexicon.is_file():
        pytest.skip(f"NeuS val or the NRC-VAD lexicon not found under {shared_data}")
    vad = {}
    for line in lexicon.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 4 and re.fullmatch(r"[0-9.]+", parts[2]):
            vad[parts[0].lower()] = float(parts[2])
    sources = (folder / "val.source").read_text(encoding="utf-8").splitlines()[:CLUSTERS]
    targets = (folder / "val.target").read_text(encoding="utf-8").splitlines()[:CLUSTERS]

    pipeline = Pipeline(
        Settings(summary=SummarySettings(words=WORDS)), segmenter=segmenter, embedder=embedder
    )
    scorer = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)
    rouge: list[float] = []
    ours: list[float] = []
    inputs: list[float] = []
    sentences = good = loaded = 0
    for line, target in zip(sources, targets, strict=True):
        docs = [part.partition("ARTICLE=>") for part in line.split(" [SEP] ")]
        articles = [
            Article(
                id=f"d{i}",
                text=body.strip(),
                title=title.replace("TITLE=>", "").strip(),
                outlet=f"Outlet {i}",
            )
            for i, (title, _, body) in enumerate(docs)
            if body.strip()
        ]
        report = pipeline.analyse(articles)
        text = "\n".join(s.text for s in report.summary)
        rouge.append(100 * scorer.score(target.partition("ARTICLE=>")[2], text)["rouge1"].fmeasure)
        for value, bucket in (
            (_arousal(text, vad), ours),
            (_arousal(" ".join(a.text for a in articles), vad), inputs),
        ):
            if value is not None:
                bucket.append(value)
        claims = {c.id: c for c in report.claims}
        for s in report.summary:
            sentences += 1
            holding = {p.source for c in s.claims if c in claims for p in claims[c].sentences}
            good += bool(s.sources and s.claims) and set(s.sources) <= holding
            passages = [p for c in s.claims if c in claims for p in claims[c].sentences]
            loaded += sum(
                1
                for span in report.language
                if span.voice == "authorial"
                and any(
                    p.source == span.source and p.start <= span.start and span.end <= p.end for p in passages
                )
                and re.search(rf"\b{re.escape(span.text)}\b", s.text)
            )

    floor = floors["summary"]
    mean_rouge, calm, stirred = statistics.fmean(rouge), statistics.fmean(ours), statistics.fmean(inputs)
    print(f"NeuS val[:{CLUSTERS}] ROUGE-1 {mean_rouge:.2f}, arousal {calm:.4f} vs articles {stirred:.4f}")
    assert sentences and good == sentences, f"{sentences - good} of {sentences} summary sentences miscite"
    assert loaded == 0, f"{loaded} authorial loaded spans left in summaries"
    assert calm < stirred, "summaries should be calmer than their articles"
    assert mean_rouge >= floor["neus_val30_rouge1"], f"ROUGE-1 {mean_rouge:.2f} below its floor"
