"""The optional NLI judge of the contradictions lens: what it is asked, what it adds, how it loads."""

from __future__ import annotations

import sys
import types
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np
import pytest

from newsprism.errors import ExtraMissingError, UsageError
from newsprism.lenses.contradictions import ContradictionLens
from newsprism.lenses.nli import CrossEncoderNLI
from newsprism.model import Article, Claim, Passage, Source, Story
from newsprism.settings import ContradictionSettings, Settings

if TYPE_CHECKING:
    from newsprism.segment import Segmenter

COLLAPSED = "Talks between the dock unions and the port board collapsed on Friday, officials said."
PROGRESS = "Talks between the dock unions and the port board made real progress on Friday, officials said."
TOLL_A = "The storm killed 14 people in Harwick on Tuesday."
TOLL_B = "The storm killed 31 people in Harwick on Tuesday."


class ScriptedJudge:
    """Says 'contradiction' with the probability scripted for a pair (either order); records what it read."""

    name = "scripted"

    def __init__(self, scores: dict[frozenset[str], float]) -> None:
        self.scores = scores
        self.asked: list[tuple[str, str]] = []

    def contradiction(self, pairs: Sequence[tuple[str, str]]) -> list[float]:
        self.asked += pairs
        return [self.scores.get(frozenset(p), 0.0) for p in pairs]


def one_claim_story(segmenter: Segmenter, *groups: tuple[str, str]) -> Story:
    """Two outlets; each (text A, text B) of ``groups`` is one claim group of a sentence from each."""
    articles = [
        (Article(id=f"a{i}", text=" ".join(g[i] for g in groups), outlet=f"Outlet {i}"), f"s{i}")
        for i in (0, 1)
    ]
    sources: list[Source] = segmenter.pipe(articles)
    claims = []
    for k in range(len(groups)):
        passages = tuple(Passage(s.id, s.sentences[k].start, s.sentences[k].end, s.sentences[k].text)
                         for s in sources)  # fmt: skip
        claims.append(Claim(f"c{k + 1}", "consensus", ("s0", "s1"), passages))
    return Story(sources=tuple(sources), claims=tuple(claims))


def test_the_judge_reads_only_what_the_rules_left_quiet(segmenter: Segmenter) -> None:
    story = one_claim_story(segmenter, (COLLAPSED, PROGRESS), (TOLL_A, TOLL_B))
    judge = ScriptedJudge({frozenset((COLLAPSED, PROGRESS)): 0.97})
    found = ContradictionLens(judge=judge)(story)
    assert judge.asked == [(COLLAPSED, PROGRESS)]  # the death tolls are the rules' finding, not the model's
    assert sorted(c.kind for c in found) == ["negation", "number"]
    flip = next(c for c in found if c.kind == "negation")
    assert flip.claims == ("c1",)
    assert [v.text for v in flip.values] == [COLLAPSED, PROGRESS]
    assert "NLI 0.97" in flip.explanation and "Outlet 0" in flip.explanation


def test_below_the_threshold_nothing_is_added(segmenter: Segmenter) -> None:
    story = one_claim_story(segmenter, (COLLAPSED, PROGRESS))
    judge = ScriptedJudge({frozenset((COLLAPSED, PROGRESS)): 0.6})
    assert ContradictionLens(ContradictionSettings(nli_threshold=0.9), judge=judge)(story) == ()
    assert judge.asked


def test_off_by_default() -> None:
    assert ContradictionLens().judge is None


class FakeCrossEncoder:
    """Stands in for sentence_transformers.CrossEncoder: an NLI head with three labels."""

    made: ClassVar[list[dict[str, Any]]] = []

    def __init__(self, name: str, **kwargs: Any) -> None:
        FakeCrossEncoder.made.append({"name": name, **kwargs})
        self.config = types.SimpleNamespace(id2label={0: "contradiction", 1: "entailment", 2: "neutral"})

    def predict(self, pairs: list[tuple[str, str]], **_: Any) -> np.ndarray:
        # logits: a "collapsed" premise contradicts strongly, the reverse reading less
        return np.array([[4.0, 0.0, 0.0] if "collapsed" in a else [1.0, 0.0, 1.0] for a, _b in pairs])


@pytest.fixture
def fake_st(monkeypatch: pytest.MonkeyPatch) -> type[FakeCrossEncoder]:
    FakeCrossEncoder.made = []
    module = types.ModuleType("sentence_transformers")
    module.CrossEncoder = FakeCrossEncoder  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "sentence_transformers", module)
    return FakeCrossEncoder


def test_cross_encoder_reads_both_ways_from_disk_only(fake_st: type[FakeCrossEncoder]) -> None:
    judge = CrossEncoderNLI("/models/nli-small")
    assert fake_st.made == []  # nothing loads until there is something to judge
    (p,) = judge.contradiction([(COLLAPSED, PROGRESS)])
    forward = np.exp(4.0) / (np.exp(4.0) + 2.0)
    backward = np.e / (2 * np.e + 1.0)
    assert p == pytest.approx((forward + backward) / 2)
    assert fake_st.made == [{"name": "/models/nli-small", "device": "cpu", "local_files_only": True}]
    assert judge.contradiction([]) == []


def test_settings_name_the_model(fake_st: type[FakeCrossEncoder]) -> None:
    settings = Settings.load(contradictions__nli_model="/models/nli-small")
    lens = ContradictionLens(settings.contradictions)
    assert isinstance(lens.judge, CrossEncoderNLI) and lens.judge.name == "/models/nli-small"


def test_a_model_without_a_contradiction_label_is_refused(
    fake_st: type[FakeCrossEncoder], monkeypatch: pytest.MonkeyPatch
) -> None:
    def plain_init(self: FakeCrossEncoder, name: str, **kwargs: Any) -> None:
        self.config = types.SimpleNamespace(id2label={0: "LABEL_0"})

    monkeypatch.setattr(fake_st, "__init__", plain_init)
    with pytest.raises(UsageError, match=r"no 'contradiction' label \(its labels: LABEL_0\)"):
        CrossEncoderNLI("/models/reranker").contradiction([(COLLAPSED, PROGRESS)])


def test_missing_extra_or_model_says_what_to_do(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(UsageError, match=r"contradictions\.nli_model"):
        CrossEncoderNLI("")
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)
    with pytest.raises(ExtraMissingError, match=r"pip install 'newsprism\[st\]'"):
        CrossEncoderNLI("/models/nli-small")
