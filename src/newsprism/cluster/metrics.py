"""Clustering scores used by the benchmark and the quality gate: B-cubed precision/recall/F1 and ARI."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence


def bcubed(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> tuple[float, float, float]:
    """B-cubed (Bagga & Baldwin 1998): per item, the share of its predicted cluster that is its gold
    cluster (precision) and the share of its gold cluster it was put with (recall), averaged over items.
    """
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted labels differ in length")
    if not gold:
        return 0.0, 0.0, 0.0
    pair = Counter(zip(gold, predicted, strict=True))
    g_size = Counter(gold)
    p_size = Counter(predicted)
    precision = sum(n * n / p_size[p] for (_g, p), n in pair.items()) / len(gold)
    recall = sum(n * n / g_size[g] for (g, _p), n in pair.items()) / len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def ari(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> float:
    """Adjusted Rand index (sklearn's)."""
    from sklearn.metrics import adjusted_rand_score

    codes_g = {g: i for i, g in enumerate(dict.fromkeys(gold))}
    codes_p = {p: i for i, p in enumerate(dict.fromkeys(predicted))}
    return float(adjusted_rand_score([codes_g[g] for g in gold], [codes_p[p] for p in predicted]))
