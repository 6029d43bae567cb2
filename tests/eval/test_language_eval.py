"""Quality gate for the language lens: BABE sentence bias and words, PTC loaded spans, BASIL voice.

Runs the code of benchmarks/language_babe.py, language_ptc.py (on the first 120 articles) and
language_voice.py; the full numbers and baselines are in docs/benchmarks.md.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
PTC_ARTICLES = 120

pytestmark = pytest.mark.slow


def _script(name: str) -> ModuleType:
    if str(BENCHMARKS) not in sys.path:
        sys.path.insert(0, str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    assert spec and spec.loader, f"benchmark script {name}.py is missing"
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(autouse=True)
def _data_env(shared_data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSPRISM_SHARED_DATA", str(shared_data))


def test_babe_sentence_bias_and_words(floors: dict[str, Any]) -> None:
    bench = _script("language_babe")
    rows = bench.read_babe()
    assert len(rows) > 2500, "BABE SG2 is missing rows"
    result = bench.run(rows, bench.embed_babe(rows), bench.segment(rows))
    floor = floors["language"]
    assert result["sentence_macro_f1"] >= floor["babe_sentence_macro_f1"], result
    assert result["sentence_macro_f1"] > result["sentence_macro_f1_lexicon"], result
    assert result["word_f1"] >= floor["babe_word_f1"], result
    assert result["word_f1"] > result["word_f1_lexicon"], result


def test_ptc_loaded_language_spans(floors: dict[str, Any]) -> None:
    bench = _script("language_ptc")
    articles = bench.read_ptc()[:PTC_ARTICLES]
    assert len(articles) == PTC_ARTICLES, "PTC articles are missing"
    result = bench.run(articles)
    assert result["span_f1"] >= floors["language"]["ptc_span_f1_first120"], result
    assert result["span_f1"] > result["span_f1_lexicon"], result


def test_basil_voice(floors: dict[str, Any]) -> None:
    bench = _script("language_voice")
    result = bench.run(bench.read_basil())
    assert result["spans"] > 350, "BASIL annotations are missing"
    assert result["accuracy"] >= floors["language"]["basil_voice_accuracy"], result
    assert result["accuracy"] > result["accuracy_all_authorial"], result
