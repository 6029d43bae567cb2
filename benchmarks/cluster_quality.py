"""Story clustering quality on ECB+ (hard: two similar events per topic), BASIL (stream by date) and
WikiRef220 (topics, not events: a guard against over-splitting or over-merging tuned to the first two).

newsprism's clusterer (one configuration for every set: the online pass, which also cuts a story in two
when it turns out to be two events; the same pass without the cut is printed too) against, in the same run:
- a TF-IDF agglomerative baseline (full text, cosine, average linkage; its distance threshold tuned on
  each set's own gold labels, which favours the baseline), and
- BERTopic's default pipeline fed the same MiniLM embeddings (only when bertopic is installed: it is a
  benchmark-only dependency, see docs/benchmarks.md).

    python benchmarks/cluster_quality.py               # the benchmark (about a minute after embedding)
    python benchmarks/cluster_quality.py --tune        # grid search of the shared configuration
    python benchmarks/cluster_quality.py --no-bertopic
    python benchmarks/cluster_quality.py --set w_year=0   # a StorySettings field changed (ablation)

ECB+ and WikiRef have no dates, so their stream order is a seeded shuffle and the online result depends on
it by about +-0.01 F1: besides the seed-13 order (the quality gate's), the mean and range over ``--orders``
shuffles are printed. The baselines do not depend on order. WikiRef's gold is topics (a league's season,
a person's year of coverage), so its recall against them is low by design; its B-cubed precision (no
story mixes topics) is the number to watch there.

Embeddings of title + lead are cached under $TMPDIR (keyed by text hash), never in the repository.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import itertools
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cluster_data import load_basil, load_ecbplus, load_wikiref
from newsprism.cluster import StorySettings, ari, bcubed, cluster_articles, lead_text
from newsprism.model import Article


def data_dir(given: str | None) -> Path:
    root = Path(__file__).resolve().parents[1]
    return Path(given or os.environ.get("NEWSPRISM_SHARED_DATA") or root.parent / "shared" / "data")


def embed(articles: list[Article], words: int) -> np.ndarray:
    """MiniLM vectors of title + lead, cached in the temp folder by content hash."""
    texts = [lead_text(a, words) for a in articles]
    key = hashlib.sha256("\x00".join(texts).encode()).hexdigest()[:16]
    cache = Path(tempfile.gettempdir()) / f"newsprism-cluster-{key}.npy"
    if cache.exists():
        cached: np.ndarray = np.load(cache)
        return cached
    from newsprism.embed import default_embedder
    from newsprism.settings import EmbedSettings

    vectors = default_embedder(EmbedSettings()).encode(texts)
    np.save(cache, vectors)
    return vectors


def tfidf_agglomerative(articles: list[Article], gold: list[str]) -> tuple[float, float, float]:
    """Best B-cubed F1 over distance thresholds (tuned on the gold labels), with its ARI and threshold."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    x = (
        TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=1)
        .fit_transform([f"{a.title}\n{a.text}" for a in articles])
        .toarray()
    )
    best = (0.0, 0.0, 0.0)
    for t in np.arange(0.50, 0.99, 0.02):
        labels = AgglomerativeClustering(
            n_clusters=None, metric="cosine", linkage="average", distance_threshold=float(t)
        ).fit_predict(x)
        f1 = bcubed(gold, list(labels))[2]
        if f1 > best[0]:
            best = (f1, ari(gold, list(labels)), float(t))
    return best


def bertopic_scores(
    articles: list[Article], gold: list[str], vectors: np.ndarray
) -> tuple[float, float] | None:
    try:
        from bertopic import BERTopic
        from umap import UMAP
    except ImportError:
        return None
    docs = [f"{a.title}\n{a.text}" for a in articles]
    # BERTopic's default UMAP settings with a seed (its FAQ's recipe), so the baseline is one number
    umap = UMAP(n_neighbors=15, n_components=5, min_dist=0.0, metric="cosine", random_state=13)
    model = BERTopic(umap_model=umap, calculate_probabilities=False)
    topics, _ = model.fit_transform(docs, embeddings=vectors)
    # BERTopic's outliers (-1) are singletons, not one big story.
    labels = [f"o{i}" if t == -1 else str(t) for i, t in enumerate(topics)]
    return bcubed(gold, labels)[2], ari(gold, labels)


def score(
    config: StorySettings, sets: dict[str, tuple[list[Article], list[str], np.ndarray]]
) -> dict[str, tuple[float, float, float, float]]:
    out = {}
    for name, (arts, gold, vecs) in sets.items():
        labels = cluster_articles(arts, vecs, config)
        p, r, f = bcubed(gold, labels)
        out[name] = (p, r, f, ari(gold, labels))
    return out


def pair_separability(
    arts: list[Article], gold: list[str], vecs: np.ndarray, config: StorySettings
) -> tuple[float, float, int]:
    """ROC AUC of the article-to-article score (the clusterer's weights, IDF over the whole set) for
    telling same-event pairs from pairs of the topic's other event, without and with the year penalty.

    A diagnostic for ECB+ (gold 'topic/sub'): it bounds what any threshold on this score can do.
    """
    from collections import Counter

    from sklearn.metrics import roc_auc_score

    from newsprism.cluster.features import DocumentFrequencies, article_year, entities, terms

    words = [terms(lead_text(a, config.lead_words)) for a in arts]
    names = [entities(lead_text(a, config.entity_words)) for a in arts]
    tdf, edf = DocumentFrequencies(), DocumentFrequencies()
    for w, n in zip(words, names, strict=True):
        tdf.add(w)
        edf.add(Counter(dict.fromkeys(n, 1)))
    tv = [tdf.tfidf(w) for w in words]
    ev = [edf.tfidf(n) for n in names]
    years = [article_year(a, config.lead_words) for a in arts]
    scores, penalised, same = [], [], []
    for i in range(len(arts)):
        for j in range(i + 1, len(arts)):
            if gold[i].split("/")[0] != gold[j].split("/")[0]:
                continue
            t = sum(v * tv[j].get(k, 0.0) for k, v in tv[i].items())
            e = sum(v * ev[j].get(k, 0.0) for k, v in ev[i].items())
            score = config.w_terms * t + config.w_entities * e + config.w_dense * float(vecs[i] @ vecs[j])
            yi, yj = years[i], years[j]
            conflict = yi is not None and yj is not None and abs(yi - yj) >= config.year_gap
            scores.append(score)
            penalised.append(score - config.w_year * conflict)
            same.append(gold[i] == gold[j])
    return float(roc_auc_score(same, scores)), float(roc_auc_score(same, penalised)), len(same)


def shuffled(
    arts: list[Article], gold: list[str], vecs: np.ndarray, seed: int
) -> tuple[list[Article], list[str], np.ndarray]:
    order = list(range(len(arts)))
    random.Random(seed).shuffle(order)
    return [arts[i] for i in order], [gold[i] for i in order], vecs[order]


def tune(sets: dict[str, tuple[list[Article], list[str], np.ndarray]]) -> None:
    """Joint grid over the two event sets (WikiRef is kept out: it is the guard, not a target)."""
    base = StorySettings()
    sets = {k: v for k, v in sets.items() if k != "WikiRef"}
    grid = {
        "threshold": [0.30, 0.33, 0.36],
        "w_terms": [0.35, 0.45, 0.55],
        "w_entities": [0.2, 0.3, 0.4],
        "w_dense": [0.2, 0.3],
        "w_year": [0.0, 0.1, 0.15, 0.2],
    }
    results = []
    for values in itertools.product(*grid.values()):
        overrides: dict[str, Any] = dict(zip(grid, values, strict=True))
        cfg = dataclasses.replace(base, **overrides)
        s = score(cfg, sets)
        worst = min(v[2] for v in s.values())
        results.append((worst, values, s))
    results.sort(key=lambda r: -r[0])
    for worst, values, s in results[:10]:
        print(
            f"min F1 {worst:.3f}",
            dict(zip(grid, values, strict=True)),
            {k: round(v[2], 3) for k, v in s.items()},
        )


def _pair(
    shuffled_set: tuple[list[Article], list[str], np.ndarray], config: StorySettings
) -> tuple[list[str], list[str]]:
    arts, gold, vecs = shuffled_set
    return gold, cluster_articles(arts, vecs, config)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data")
    ap.add_argument("--tune", action="store_true")
    ap.add_argument("--no-bertopic", action="store_true")
    ap.add_argument(
        "--set", action="append", default=[], metavar="FIELD=VALUE", help="override a StorySettings field"
    )
    ap.add_argument("--orders", type=int, default=5, help="shuffled orders of the undated sets to average")
    args = ap.parse_args()
    root = data_dir(args.data)
    config = StorySettings()
    for item in args.set:
        key, _, value = item.partition("=")
        if key not in {f.name for f in dataclasses.fields(StorySettings)}:
            ap.error(f"--set {item}: no StorySettings field {key!r}")
        config = dataclasses.replace(config, **{key: type(getattr(config, key))(value)})
    if args.set:
        print(f"StorySettings overrides: {', '.join(args.set)}")
    t0 = time.perf_counter()
    sets = {}
    loaders: tuple[tuple[str, Callable[[], tuple[list[Article], list[str]]]], ...] = (
        ("ECB+", lambda: load_ecbplus(root / "ecbplus")),
        ("BASIL", lambda: load_basil(root / "basil")),
        ("WikiRef", lambda: load_wikiref(root / "wikiref220")),
    )
    for name, load in loaders:
        if name == "WikiRef" and not (root / "wikiref220").is_dir():
            print("WikiRef: not found, skipped")
            continue
        arts, gold = load()
        sets[name] = (arts, gold, embed(arts, config.lead_words))
        print(f"{name}: {len(arts)} articles, {len(set(gold))} gold stories", flush=True)
    print(f"loaded and embedded in {time.perf_counter() - t0:.1f} s", flush=True)
    if args.tune:
        tune(sets)
        return
    print(f"\n{'set':7} {'method':34} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'ARI':>6}")
    for name, (arts, gold, vecs) in sets.items():
        t1 = time.perf_counter()
        labels = cluster_articles(arts, vecs, config)
        took = time.perf_counter() - t1
        p, r, f = bcubed(gold, labels)
        print(
            f"{name:7} {'newsprism':34} {p:6.3f} {r:6.3f} {f:6.3f} "
            f"{ari(gold, labels):6.3f}   ({len(set(labels))} stories, {took:.2f} s)"
        )
        if config.split_ratio > 0:  # the same stream without the split pass, for comparison
            alone = cluster_articles(arts, vecs, dataclasses.replace(config, split_ratio=0.0))
            p0, r0, f0 = bcubed(gold, alone)
            print(
                f"{name:7} {'  without the split pass':34} {p0:6.3f} {r0:6.3f} {f0:6.3f} "
                f"{ari(gold, alone):6.3f}"
            )
        if name != "BASIL" and args.orders > 1:  # undated: the stream order is a shuffle
            runs = [bcubed(*_pair(shuffled(arts, gold, vecs, seed), config)) for seed in range(args.orders)]
            fs, ps = [r[2] for r in runs], [r[0] for r in runs]
            print(
                f"{name:7} {f'  over {args.orders} shuffled orders':34} {np.mean(ps):6.3f} "
                f"{np.mean([r[1] for r in runs]):6.3f} {np.mean(fs):6.3f}          "
                f"(F1 {min(fs):.3f}-{max(fs):.3f})"
            )
        bf, ba, bt = tfidf_agglomerative(arts, gold)
        print(f"{name:7} {f'TF-IDF agglomerative (t={bt:.2f})':34} {'':6} {'':6} {bf:6.3f} {ba:6.3f}")
        if name == "ECB+":
            auc, auc_year, pairs = pair_separability(arts, gold, vecs, config)
            print(
                f"{name:7} same-topic pairs ({pairs}): same event vs the other event, ROC AUC of the "
                f"article score {auc:.3f}, with the year penalty {auc_year:.3f}"
            )
        if not args.no_bertopic:
            bt_scores = bertopic_scores(arts, gold, vecs)
            if bt_scores is None:
                print(f"{name:7} BERTopic: not installed (pip install --no-deps bertopic + deps)")
            else:
                print(
                    f"{name:7} {'BERTopic default (same embeddings)':34} {'':6} {'':6} "
                    f"{bt_scores[0]:6.3f} {bt_scores[1]:6.3f}"
                )


if __name__ == "__main__":
    main()
