"""Sentence signatures and pair features, on hand-built tokens and text (no models needed)."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.align.features import (
    FEATURES,
    LEXICAL_FEATURES,
    FeatureIndex,
    SentenceSignature,
    signature_from_text,
    signature_from_tokens,
)
from newsprism.model import Token


def tok(i: int, text: str, lemma: str, pos: str, ent: str = "") -> Token:
    return Token(
        i=i,
        start=0,
        end=len(text),
        text=text,
        lemma=lemma,
        pos=pos,
        tag="",
        dep="",
        head=i,
        sent=0,
        ent_type=ent,
    )


def sig(lemmas: str, entities: str = "", numbers: str = "", words: int = 10) -> SentenceSignature:
    return SentenceSignature(
        frozenset(lemmas.split()), frozenset(entities.split()), frozenset(numbers.split()), words
    )


def test_tokens_keep_content_lemmas_names_and_numbers() -> None:
    tokens = [
        tok(0, "The", "the", "DET"),
        tok(1, "Ostvik", "Ostvik", "PROPN", "GPE"),
        tok(2, "ferry", "ferry", "NOUN"),
        tok(3, "carried", "carry", "VERB"),
        tok(4, "2.5", "2.5", "NUM", "CARDINAL"),
        tok(5, "million", "million", "NUM", "CARDINAL"),
        tok(6, "passengers", "passenger", "NOUN"),
        tok(7, ",", ",", "PUNCT"),
        tok(8, "officials", "official", "NOUN"),
        tok(9, "said", "say", "VERB"),
        tok(10, ".", ".", "PUNCT"),
    ]
    s = signature_from_tokens(tokens)
    assert s.lemmas == {"ostvik", "ferry", "carry", "2.5", "million", "passenger", "official"}
    assert s.entities == {"ostvik"}
    assert s.numbers == {"2500000"}
    assert s.words == 9


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The fund holds 2.5 billion dollars", "The fund holds 2,500 million dollars"),
        ("Three ministers resigned", "3 ministers resigned"),
        ("Turnout was 61.0%", "Turnout was 61%"),
        ("It cost $1,200", "It cost 1200 dollars"),
    ],
)
def test_numbers_normalise_across_styles(a: str, b: str) -> None:
    assert signature_from_text(a).numbers & signature_from_text(b).numbers


def test_text_fallback_finds_capitalised_names_but_not_the_first_word() -> None:
    s = signature_from_text("Rescuers reached Kelden Pass after the storm in Varnholt.")
    assert {"kelden", "pass", "varnholt"} <= s.entities
    assert "rescuers" not in s.entities
    assert "the" not in s.lemmas and "storm" in s.lemmas


def test_pair_features_match_hand_computed_values() -> None:
    a = sig("bridge reopen monday brindleford", "brindleford", "8", words=10)
    b = sig("bridge reopen brindleford cost", "brindleford", "14", words=5)
    vectors = np.array([[1.0, 0.0], [0.6, 0.8]], dtype=np.float32)
    f = FeatureIndex([a, b], vectors).pairs(np.array([0]), np.array([1]))[0]
    got = dict(zip(FEATURES, f, strict=True))
    assert got["cosine"] == pytest.approx(0.6)
    assert got["lemma_dice"] == pytest.approx(2 * 3 / 8)
    assert got["lemma_cover"] == pytest.approx(3 / 4)
    assert got["entity_dice"] == pytest.approx(1.0)
    assert got["entity_clash"] == 0.0
    assert got["number_match"] == 0.0
    assert got["number_clash"] == 1.0
    assert got["length_ratio"] == pytest.approx(0.5)


def test_no_numbers_on_one_side_is_not_a_clash() -> None:
    a = sig("storm hit coast", numbers="40")
    b = sig("storm hit coast")
    f = dict(
        zip(
            LEXICAL_FEATURES,
            FeatureIndex([a, b], None).pairs(np.array([0]), np.array([1]), lexical_only=True)[0],
            strict=True,
        )
    )
    assert f["number_clash"] == 0.0 and f["number_match"] == 0.0
    assert f["lemma_dice"] == pytest.approx(1.0)


def test_block_equals_pairs() -> None:
    rng = np.random.default_rng(3)
    words = ["port", "strike", "dock", "union", "wage", "vote", "ferry", "harbour", "mayor", "council"]
    sigs = [
        sig(" ".join(rng.choice(words, size=4)), str(rng.choice(words[:3])), str(rng.integers(3)))
        for _ in range(9)
    ]
    vectors = rng.normal(size=(9, 4))
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    index = FeatureIndex(sigs, vectors)
    rows, cols = np.array([0, 2, 4]), np.array([5, 6, 7, 8])
    block = index.block(rows, cols)
    assert block.shape == (3, 4, len(FEATURES))
    for i, r in enumerate(rows):
        for j, c in enumerate(cols):
            np.testing.assert_allclose(block[i, j], index.pairs(np.array([r]), np.array([c]))[0], atol=1e-6)


def test_embedding_features_need_vectors() -> None:
    index = FeatureIndex([sig("a b"), sig("b c")], None)
    with pytest.raises(ValueError, match="no vectors"):
        index.block(np.array([0]), np.array([1]))
    assert index.block(np.array([0]), np.array([1]), lexical_only=True).shape == (1, 1, len(LEXICAL_FEATURES))


@pytest.mark.parametrize(
    ("words", "length"),
    [
        ("KELDEN , May 4 ( Wirepress ) - Dock workers voted", 8),
        ("PORT ASTER — Families arrived", 3),
        ("OSTVIK ( NWS ) -- The ferry", 5),
        ("NATO leaders met on Friday", 0),
        ("The KELDEN - x", 0),
        ("UN - the vote", 2),
    ],
)
def test_wire_datelines_are_measured(words: str, length: int) -> None:
    from newsprism.align.features import _dateline_length

    assert _dateline_length(words.split()) == length


def test_datelines_do_not_count_as_shared_words() -> None:
    wire = signature_from_text("KELDEN, May 4 (Wirepress) - Dock workers voted to end the strike.")
    local = signature_from_text("Dock workers in Kelden voted to end the strike.")
    assert "wirepress" not in wire.lemmas and "4" not in wire.numbers
    assert wire.lemmas <= local.lemmas


def test_weighted_block_is_the_weighted_feature_sum() -> None:
    rng = np.random.default_rng(5)
    sigs = [sig("a b c", "a", "1"), sig("b c d", "b", "1 2"), sig("c d e"), sig("a e", "a", "2")]
    vectors = rng.normal(size=(4, 3))
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    index = FeatureIndex(sigs, vectors)
    weights = rng.normal(size=len(FEATURES))
    rows, cols = np.array([0, 1]), np.array([2, 3])
    np.testing.assert_allclose(index.block(rows, cols, weights=weights), index.block(rows, cols) @ weights)
    with pytest.raises(ValueError, match="weights"):
        index.block(rows, cols, weights=weights[:3])
