"""Quality gate for the contradictions lens: injected contradictions in real MSRP paraphrase pairs.

Runs a smaller, seeded version of benchmarks/contradictions_inject.py on the held-out half of MSRP (the
half the lens was not tuned on): 120 injections per kind plus every unaltered pair of that half.
"""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

pytestmark = pytest.mark.slow
Scores = dict[str, dict[str, float]]
BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "contradictions_inject.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("contradictions_inject", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores(shared_data: Path) -> dict[str, dict[str, float]]:
    bench = _bench()
    pairs = [p for p in bench.msrp_pairs(shared_data) if p.origin == "msrp-held-out"]
    parser = bench.Parser()
    cases = bench.build_cases(pairs, parser, 120, random.Random("13-msrp-held-out"))

    def lens(case: Any) -> set[str]:
        found = bench.compare_views(parser.view(case.pair.a, "A"), parser.view(case.b, "B"))
        return {f.kind for f in found}

    result: dict[str, dict[str, float]] = bench.score(cases, lens)
    return result


@pytest.mark.parametrize("kind", ["number", "date"])
def test_number_and_date_conflicts(scores: Scores, floors: dict[str, Any], kind: str) -> None:
    f = floors["contradictions"]
    assert scores[kind]["recall"] >= f[f"{kind}_recall"], scores[kind]
    assert scores[kind]["paired_precision"] >= f[f"{kind}_paired_precision"], scores[kind]
    assert scores[kind]["precision"] >= f[f"{kind}_pooled_precision"], scores[kind]


def test_entity_and_negation_precision(scores: Scores, floors: dict[str, Any]) -> None:
    f = floors["contradictions"]
    for kind in ("entity", "negation"):
        assert scores[kind]["paired_precision"] >= f[f"{kind}_paired_precision"], scores[kind]
        assert scores[kind]["recall"] >= f[f"{kind}_recall"], scores[kind]


def test_false_alarms_on_unaltered_paraphrases(scores: Scores, floors: dict[str, Any]) -> None:
    unaltered = scores["unaltered"]
    assert unaltered["false_alarm"] <= floors["contradictions"]["false_alarm_max"], unaltered
