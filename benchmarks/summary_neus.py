"""Neutral summary on NeuS/AllSides: ROUGE against the editors' neutral roundup, framing by arousal.

Every cluster (one line of ``<split>.source``: three articles from left, centre and right outlets) goes
through the whole newsprism pipeline (segment, embed, align, lenses, summary) as three Articles. The
baselines get the same sentences (newsprism's segmenter) and the same word budget:

* Lead: the first document's sentences in order; Lead-RR: the documents' first sentences in turn;
* LexRank and TextRank (sumy), with a regex word tokenizer (NLTK's punkt data is not installable here).

Every system fills the budget the same way: sentences in its own rank order, a sentence is added when
it still fits in ``--words``, at least one sentence. References are the target's ``ARTICLE=>`` part.
Scores: ROUGE-1/2/Lsum F1 (rouge-score, Porter stemming), mean NRC-VAD arousal of the lexicon words of
each summary (the NeuS framing measure; lower is more neutral) and of the input articles, authorial
loaded spans left in newsprism's summaries (by the language lens and by the summariser's fallback
list), and the share of summary sentences with correct citations.

``--ceiling`` also measures what the issue's rules cost (TextRank's own order kept to the sentences each
rule allows: usable statements, free of loaded words, one wording per claim, attributed) and how far any
choice of sentences could go: the summary newsprism makes when a perfect scorer ranks its candidates (their
true ROUGE-1 F1), and the best ROUGE-1 of a set of at most four sentences within the budget, from
(a) newsprism's candidate sentences as the summary words them (with "According to <outlet>," on one-outlet
facts), (b) the same sentences without the attribution, and (c) every sentence of the three articles (the
pool the baselines pick from). It reads the references, so it is an upper bound for diagnosis, never a
system.

    nice python benchmarks/summary_neus.py --split val --limit 307 --words 60
    nice python benchmarks/summary_neus.py --split train --limit 300 --words 60 --ceiling
    nice python benchmarks/summary_neus.py --split train --offset 300 --limit 300 --words 60
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("NEWSPRISM_SHARED_DATA", ROOT.parent / "shared" / "data"))
_ORACLE = "newsprism's rules, candidates ranked by their true ROUGE-1 F1"
_WORDS = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")


class RegexTokenizer:
    """What sumy needs from a tokenizer, without NLTK data: sentences come pre-split by newsprism."""

    language = "english"

    def to_sentences(self, paragraph: str) -> list[str]:
        return [s for s in re.split(r"(?<=[.!?])\s+", paragraph) if s.strip()]

    def to_words(self, sentence: str) -> list[str]:
        return _WORDS.findall(sentence)


def read_clusters(split: str, limit: int | None, offset: int = 0) -> list[tuple[list[tuple[str, str]], str]]:
    folder = DATA / "neus_allsides"
    sources = (folder / f"{split}.source").read_text(encoding="utf-8").splitlines()
    targets = (folder / f"{split}.target").read_text(encoding="utf-8").splitlines()
    out = []
    pairs = list(zip(sources, targets, strict=True))[offset:]
    for line, target in pairs[:limit]:
        docs = []
        for part in line.split(" [SEP] "):
            title, _, body = part.partition("ARTICLE=>")
            docs.append((title.replace("TITLE=>", "").strip(), body.strip()))
        out.append((docs, target.partition("ARTICLE=>")[2].strip()))
    return out


def fill(ranked: Sequence[str], budget: int) -> list[str]:
    """The same length rule for every system: rank order, whole sentences that still fit, at least one."""
    out: list[str] = []
    used = 0
    for s in ranked:
        n = len(s.split())
        if used + n <= budget:
            out.append(s)
            used += n
    return out or list(ranked[:1])


def best_subset(texts: Sequence[str], reference: str, budget: int, scorer: Any, most: int = 4) -> float:
    """The best ROUGE-1 F1 (x100) of at most ``most`` of ``texts`` that fit ``budget`` words together (a
    single sentence always counts, as in :func:`fill`); the first 14 texts only, to bound the search."""
    pool = list(texts[:14])
    best = 0.0
    for k in range(1, most + 1):
        for subset in itertools.combinations(pool, k):
            if k > 1 and sum(len(t.split()) for t in subset) > budget:
                continue
            best = max(best, scorer.score(reference, "\n".join(subset))["rouge1"].fmeasure)
    return 100 * best


def sumy_ranking(summarizer: Any, sentences: Sequence[str]) -> list[str]:
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    tok = RegexTokenizer()
    doc = ObjectDocumentModel([Paragraph([SumySentence(s, tok) for s in sentences])])
    ranked: list[Any] = []

    def keep(infos: list[Any]) -> list[Any]:
        ranked.extend(infos)
        return infos

    summarizer(doc, keep)
    return [str(i.sentence) for i in ranked]


def load_vad() -> dict[str, float]:
    path = DATA / "nrc_vad_lexicon" / "NRC-VAD-Lexicon.txt"
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 4:
            try:
                out[parts[0].lower()] = float(parts[2])
            except ValueError:
                continue
    return out


def arousal(text: str, vad: dict[str, float]) -> float | None:
    scores = [vad[w] for w in (m.lower() for m in _WORDS.findall(text)) if w in vad]
    return statistics.fmean(scores) if scores else None


def citation_ok(report: Any) -> tuple[int, int]:
    """(sentences with correct citations, sentences): each cites >= 1 source and claim, and every cited
    source holds a sentence of one of the cited claims."""
    claims = {c.id: c for c in report.claims}
    good = 0
    for s in report.summary:
        if not s.sources or not s.claims or any(c not in claims for c in s.claims):
            continue
        holding = {p.source for c in s.claims for p in claims[c].sentences}
        good += all(src in holding for src in s.sources)
    return good, len(report.summary)


def loaded_left(report: Any) -> tuple[int, int]:
    """Authorial loaded spans still in the summary: (by the language lens, by the fallback list)."""
    from newsprism.summarise._lexicon import LOADED

    claims = {c.id: c for c in report.claims}
    lens = 0
    fallback = 0
    for s in report.summary:
        passages = [p for c in s.claims for p in claims[c].sentences]
        for span in report.language:
            if span.voice != "authorial":
                continue
            inside = any(
                p.source == span.source and p.start <= span.start and span.end <= p.end for p in passages
            )
            if inside and re.search(rf"\b{re.escape(span.text)}\b", s.text):
                lens += 1
        unquoted = re.sub(r"“[^”]*”|\"[^\"]*\"", " ", s.text)
        fallback += sum(w.lower() in LOADED for w in re.findall(r"[A-Za-z][A-Za-z'-]*", unquoted))
    return lens, fallback


def null_missing_lenses(pipeline: Any, articles: Sequence[Any]) -> list[str]:
    """Lenses whose model files are not there yet run as null lenses, and the result says which."""
    from newsprism.errors import ModelMissingError
    from newsprism.model import LanguageFindings, QuoteFindings, ReuseFindings, Story

    sources = pipeline.sources(articles)
    story = Story(sources=tuple(sources), claims=pipeline.claims(sources))
    nulls: dict[str, Any] = {
        "quotes": lambda story: QuoteFindings(),
        "language": lambda story, quotes: LanguageFindings(),
        "reuse": lambda story: ReuseFindings(),
        "contradictions": lambda story: (),
    }
    notes = []
    for name, null in nulls.items():
        try:
            lens = getattr(pipeline, name)
            lens(story, QuoteFindings()) if name == "language" else lens(story)
        except ModelMissingError as exc:
            setattr(pipeline, name, null)
            notes.append(f"{name}: {exc}")
    return notes


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="val")
    ap.add_argument("--limit", type=int, default=200, help="first N clusters (default 200)")
    ap.add_argument(
        "--offset", type=int, default=0, help="skip the first N clusters (a held-out slice for tuning)"
    )
    ap.add_argument("--words", type=int, default=60, help="word budget of every system")
    ap.add_argument("--out", type=Path, default=None, help="write per-system results as JSON here")
    ap.add_argument(
        "--ceiling", action="store_true", help="also report the best ROUGE-1 any sentence choice reaches"
    )
    args = ap.parse_args(argv)

    from rouge_score import rouge_scorer
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    from newsprism.model import Article
    from newsprism.pipeline import Pipeline
    from newsprism.settings import Settings, SummarySettings
    from newsprism.summarise import Summariser
    from newsprism.summarise._compose import sentence_of
    from newsprism.summarise._select import candidates
    from newsprism.summarise._wording import Neutrality, subjectivity_lexicon

    if not (DATA / "neus_allsides").is_dir() or not (DATA / "nrc_vad_lexicon").is_dir():
        print(f"no NeuS or NRC-VAD data under {DATA}: set NEWSPRISM_SHARED_DATA to the shared data folder")
        return 2
    settings = Settings(summary=SummarySettings(words=args.words))
    pipeline = Pipeline(settings)
    seen: dict[str, Any] = {}
    if args.ceiling:
        summariser = pipeline.summariser

        def keeping(story: Any, findings: Any) -> Any:
            seen["story"], seen["findings"] = story, findings
            return summariser(story, findings)

        pipeline.summariser = keeping
    lexicon = subjectivity_lexicon() if args.ceiling else {}
    ns_summariser = Summariser(settings.summary)
    ceilings: dict[str, list[float]] = {}
    under_rules: dict[str, list[float]] = {}
    notes: list[str] = []
    stemmer = Stemmer("english")
    lexrank, textrank = LexRankSummarizer(stemmer), TextRankSummarizer(stemmer)
    lexrank.stop_words = textrank.stop_words = get_stop_words("english")
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    vad = load_vad()

    clusters = read_clusters(args.split, args.limit, args.offset)
    systems: dict[str, Callable[[list[list[str]], Any], list[str]]] = {
        "newsprism": lambda docs, report: [s.text for s in report.summary],
        "lead": lambda docs, report: fill(docs[0], args.words),
        "lead-rr": lambda docs, report: fill(_round_robin(docs), args.words),
        "lexrank": lambda docs, report: fill(sumy_ranking(lexrank, [s for d in docs for s in d]), args.words),
        "textrank": lambda docs, report: fill(
            sumy_ranking(textrank, [s for d in docs for s in d]), args.words
        ),
    }
    scores: dict[str, dict[str, list[float]]] = {k: {} for k in systems}
    input_arousal: list[float] = []
    cited = total = lens_left = fallback_left = 0
    started = time.perf_counter()
    ns_seconds = 0.0
    for n, (docs, reference) in enumerate(clusters, start=1):
        articles = [
            Article(id=f"d{i}", text=body, title=title, outlet=f"Outlet {'ABC'[i]}")
            for i, (title, body) in enumerate(docs)
            if body
        ]
        if n == 1:
            notes = null_missing_lenses(pipeline, articles)
        t = time.perf_counter()
        report = pipeline.analyse(articles)
        ns_seconds += time.perf_counter() - t
        sents = [[s.text for s in pipeline.segmenter(a, a.id).sentences] for a in articles]
        good, count = citation_ok(report)
        cited, total = cited + good, total + count
        a, b = loaded_left(report)
        lens_left, fallback_left = lens_left + a, fallback_left + b
        value = arousal(" ".join(body for _, body in docs), vad)
        if value is not None:
            input_arousal.append(value)
        if args.ceiling:
            story = seen["story"]
            neutrality = Neutrality(seen["findings"], lexicon)
            pool = candidates(story, neutrality, settings.summary.max_sentence_words)
            pools = {
                "newsprism candidates, attributed": [sentence_of(c, story).text for c in pool],
                "newsprism candidates, unattributed": [c.wording.text for c in pool],
                "every sentence": [s for d in sents for s in d],
            }
            for key, texts in pools.items():
                if texts:
                    ceilings.setdefault(key, []).append(best_subset(texts, reference, args.words, scorer))
            told = oracle_scored(ns_summariser, story, seen["findings"], reference, scorer)
            oracle = (
                100 * scorer.score(reference, "\n".join(x.text for x in told.sentences))["rouge1"].fmeasure
            )
            ceilings.setdefault(_ORACLE, []).append(oracle)
            ranked = sumy_ranking(textrank, [s for d in sents for s in d])
            for key, texts in rules_cost(
                ranked, story, neutrality, pool, settings.summary.max_sentence_words
            ):
                summary_text = "\n".join(fill(texts, args.words)) if texts else ""
                score = 100 * scorer.score(reference, summary_text)["rouge1"].fmeasure
                under_rules.setdefault(key, []).append(score)
        for name, system in systems.items():
            summary = system(sents, report)
            text = "\n".join(summary)
            rouge = scorer.score(reference, text)
            row = scores[name]
            for key, s in rouge.items():
                row.setdefault(key, []).append(100 * s.fmeasure)
            row.setdefault("words", []).append(len(text.split()))
            ar = arousal(text, vad)
            if ar is not None:
                row.setdefault("arousal", []).append(ar)
        if n % 25 == 0:
            print(f"{n}/{len(clusters)} clusters, {time.perf_counter() - started:.0f} s", file=sys.stderr)

    result: dict[str, Any] = {
        "split": args.split,
        "offset": args.offset,
        "clusters": len(clusters),
        "words": args.words,
        "lenses_missing": notes,
        "input_arousal": round(statistics.fmean(input_arousal), 4),
        "citations_correct": f"{cited}/{total}",
        "authorial_loaded_left": {"language_lens": lens_left, "fallback_list": fallback_left},
        "newsprism_seconds_per_cluster": round(ns_seconds / max(1, len(clusters)), 3),
        "systems": {
            name: {k: round(statistics.fmean(v), 2 if k != "arousal" else 4) for k, v in row.items()}
            for name, row in scores.items()
        },
    }
    if args.ceiling:
        result["rouge1_ceiling"] = {k: round(statistics.fmean(v), 2) for k, v in ceilings.items()}
        result["rouge1_textrank_under_rules"] = {
            k: round(statistics.fmean(v), 2) for k, v in under_rules.items()
        }
    print(json.dumps(result, indent=2))
    if args.out:
        args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


def oracle_scored(summariser: Any, story: Any, findings: Any, reference: str, scorer: Any) -> Any:
    """The summary newsprism makes, every rule and the budget kept, when it ranks its candidates by their
    true ROUGE-1 F1 against the reference: what a perfect sentence scorer could reach (diagnosis only)."""
    from unittest import mock

    from newsprism.summarise._compose import sentence_of

    def by_reference(pool: Sequence[Any], *_: Any, **__: Any) -> Any:
        f1 = {id(c): scorer.score(reference, sentence_of(c, story).text)["rouge1"].fmeasure for c in pool}
        return iter(sorted(pool, key=lambda c: -f1[id(c)]))

    with mock.patch("newsprism.summarise.rank", by_reference):
        return summariser(story, findings)


def rules_cost(
    ranked: Sequence[str], story: Any, neutrality: Any, pool: Sequence[Any], max_words: int
) -> list[tuple[str, list[str]]]:
    """TextRank's own order, kept to the sentences each of the issue's rules allows in turn: what the
    rules cost a summariser that ranks as well as TextRank (the rest of the gap is newsprism's ranking)."""
    from newsprism.summarise._compose import sentence_of
    from newsprism.summarise._select import usable

    where = {s.text: (src, s) for src in story.sources for s in src.sentences}
    fit = [t for t in ranked if t in where and usable(where[t][1], max_words)]
    unloaded = [t for t in fit if not neutrality.wording(*where[t], judge_bias=False).loaded]
    shown = {c.wording.sentence.text: c for c in pool}
    return [
        ("every sentence", list(ranked)),
        ("usable as a statement (no question, cut quote, first person)", fit),
        ("... and free of loaded words after safe swaps", unloaded),
        ("... as newsprism's candidates (one wording per claim)", [t for t in ranked if t in shown]),
        (
            "... with 'According to <outlet>,' on one-outlet facts",
            [sentence_of(shown[t], story).text for t in ranked if t in shown],
        ),
    ]


def _round_robin(docs: list[list[str]]) -> list[str]:
    out = []
    for i in range(max(map(len, docs), default=0)):
        out += [d[i] for d in docs if i < len(d)]
    return out


if __name__ == "__main__":
    raise SystemExit(main())
