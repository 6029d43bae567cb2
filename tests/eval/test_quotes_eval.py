"""Quality gate for the quotes lens: attribution spans on the PolNeAR dev split (84 articles).

The full benchmark (both cue settings and the textacy peer) is benchmarks/quotes_polnear.py; this gate
runs the same loader and scorer on the same files with the detector's default settings.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"_bench_{name}", BENCHMARKS / f"{name}.py")
    assert spec and spec.loader, f"benchmark script {name}.py is missing"
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses in the script look their module up here
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_polnear_dev_attribution_spans(shared_data: Path, floors: dict[str, Any]) -> None:
    bench = _script("quotes_polnear")
    split = shared_data / "polnear" / "dev"
    if not split.is_dir():
        pytest.skip(f"PolNeAR dev split not found at {split}")
    docs = bench.load(split)
    assert len(docs) >= 80, "PolNeAR dev texts or annotations are missing"
    sources = bench.parse_all(docs)
    result = bench.score(docs, bench.ours(docs, sources, beliefs=True))
    floor = floors["quotes"]
    assert result["content"]["overlap"]["f1"] >= floor["content_overlap_f1"], result["content"]
    assert result["content"]["exact"]["f1"] >= floor["content_exact_f1"], result["content"]
    assert result["source"]["exact"]["f1"] >= floor["source_exact_f1"], result["source"]
    assert result["cue"]["exact"]["f1"] >= floor["cue_exact_f1"], result["cue"]
