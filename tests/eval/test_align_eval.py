"""Quality gate for claim alignment: the shipped scorer and threshold on a fixed MSRP subset.

The full benchmark (cross-validated, with the TF-IDF baseline) is benchmarks/align_msrp.py; this gate
checks that the features, the shipped weights and the default threshold still decide "same claim" as well
as when the floors were pinned. The subset is fixed (seeded), so the numbers only move when the code does.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pytest

if TYPE_CHECKING:
    from newsprism.embed import Embedder
    from newsprism.segment import Segmenter

pytestmark = pytest.mark.slow

SUBSET = 600


def load_subset(path: Path, size: int) -> tuple[np.ndarray, list[str], list[str]]:
    labels, left, right = [], [], []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        for row in reader:
            if len(row) >= 5:
                labels.append(int(row[0]))
                left.append(row[3].strip())
                right.append(row[4].strip())
    keep = np.sort(np.random.default_rng(7).choice(len(labels), size=min(size, len(labels)), replace=False))
    return np.array(labels)[keep], [left[i] for i in keep], [right[i] for i in keep]


def test_same_claim_accuracy_and_f1(
    shared_data: Path, floors: dict[str, Any], segmenter: Segmenter, embedder: Embedder
) -> None:
    from newsprism.align.features import FeatureIndex, signature_from_tokens
    from newsprism.align.scorer import probability
    from newsprism.model import Article
    from newsprism.settings import AlignSettings

    path = shared_data / "msrp" / "msr_paraphrase_train.txt"
    if not path.is_file():
        pytest.skip(f"MSRP not found at {path}")
    labels, left, right = load_subset(path, SUBSET)
    texts = left + right
    sources = segmenter.pipe([(Article(id=f"m{i}", text=t), f"m{i}") for i, t in enumerate(texts)])
    index = FeatureIndex([signature_from_tokens(s.tokens) for s in sources], embedder.encode(texts))
    n = len(left)
    features = index.pairs(np.arange(n), np.arange(n, 2 * n))
    pred = (probability(features) >= AlignSettings().threshold).astype(int)
    tp = int(((pred == 1) & (labels == 1)).sum())
    fp = int(((pred == 1) & (labels == 0)).sum())
    fn = int(((pred == 0) & (labels == 1)).sum())
    accuracy = float((pred == labels).mean())
    f1 = 2 * tp / (2 * tp + fp + fn)
    floor = floors["align"]
    assert accuracy >= floor["msrp_subset_accuracy"], f"accuracy {accuracy:.4f} fell below its floor"
    assert f1 >= floor["msrp_subset_f1"], f"F1 {f1:.4f} fell below its floor"
