"""Quality gate for the reuse lens: wire credits on PolNeAR and planted wire passages at 20% edits.

The full benchmarks (per agency, all edit rates, baselines) are benchmarks/reuse_wire.py and
benchmarks/reuse_planted.py; this gate runs the same code on a fixed, seeded part of them.
"""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"_bench_{name}", BENCHMARKS / f"{name}.py")
    assert spec and spec.loader, f"benchmark script {name}.py is missing"
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses in the script look their module up here
    spec.loader.exec_module(module)
    return module


def test_wire_credit_detection(shared_data: Path, floors: dict[str, Any]) -> None:
    from newsprism.lenses.wire import wire_agencies

    bench = _script("reuse_wire")
    items = bench.load(shared_data, "all")
    assert len(items) > 500, "PolNeAR metadata or texts are missing"
    counts = bench.score(items, wire_agencies)
    tp = sum(c[0] for c in counts.values())
    fp = sum(c[1] for c in counts.values())
    fn = sum(c[2] for c in counts.values())
    precision, recall, f1 = bench.prf(tp, fp, fn)
    floor = floors["reuse"]
    assert precision >= floor["wire_precision"], (precision, counts)
    assert recall >= floor["wire_recall"], (recall, counts)
    assert f1 >= floor["wire_f1"], (f1, counts)


def test_planted_passages_at_20_percent_edits(shared_data: Path, floors: dict[str, Any]) -> None:
    bench = _script("reuse_planted")
    donors, hosts = bench.load(shared_data)
    rng = random.Random("20261123:gate:0.2")
    trials = []
    while len(trials) < 80:
        trial = bench.make_trial(rng.choice(donors), rng.choice(hosts), 0.2, rng)
        if trial:
            trials.append(trial)
    m = bench.evaluate(trials, bench.ours)
    floor = floors["reuse"]
    assert m["F1"] >= floor["planted_f1_at_20pct"], m
    assert m["boundary"] <= floor["planted_boundary_words_max"], m
