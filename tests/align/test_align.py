"""Claim alignment end to end on a fictional story told by three outlets (real spaCy and MiniLM models)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import pytest

from newsprism.align import align, pair_probabilities
from newsprism.model import Article, Claim, Source
from newsprism.settings import AlignSettings

if TYPE_CHECKING:
    from newsprism.embed import Embedder
    from newsprism.segment import Segmenter

pytestmark = pytest.mark.slow

# A fictional bridge reopening, in a wire style, a tabloid style and a local-paper style.
WIRE = (
    "The Harlow River bridge in Brindleford reopened on Monday after eight months of repairs, city officials "
    "said. The repairs cost 14 million dollars, according to the regional transport department. "
    "Mayor Edwin Tarrant cut the ribbon at a ceremony attended by about 300 residents. "
    "Traffic on the bridge is expected to return to normal by the end of the week.\n\n"
    "Reporting by Lina Moss; Editing by Tom Vale"
)
TABLOID = (
    "After eight long months of repairs, Brindleford's Harlow River bridge finally reopened on Monday! "
    "Mayor Edwin Tarrant cut the ribbon in front of roughly 300 cheering locals. "
    "Shop owners on Quay Street said they had lost half their trade while the bridge was shut. "
    "The repair bill came to 14 million dollars, the regional transport department said."
)
LOCAL = (
    "The regional transport department said repairs to the Harlow River bridge cost 14 million dollars. "
    "The bridge in Brindleford reopened to traffic on Monday, eight months after it was closed for repairs. "
    "A new cycle lane will open on the bridge next spring, the council confirmed.\n\n"
    "Photo: Brindleford Council"
)


def build(segmenter: Segmenter, embedder: Embedder, texts: Sequence[str]) -> list[Source]:
    out = []
    for k, text in enumerate(texts, start=1):
        src = segmenter(Article(id=f"a{k}", text=text, outlet=f"Outlet {k}"), f"s{k}")
        vectors = embedder.encode([s.text for s in src.sentences])
        out.append(dataclasses.replace(src, vectors=vectors))
    return out


@pytest.fixture(scope="module")
def story(segmenter: Segmenter, embedder: Embedder) -> list[Source]:
    return build(segmenter, embedder, [WIRE, TABLOID, LOCAL])


def claim_with(claims: Sequence[Claim], fragment: str) -> Claim:
    found = [c for c in claims if any(fragment in p.text for p in c.sentences)]
    assert len(found) == 1, f"{fragment!r} is in {len(found)} claims"
    return found[0]


def test_paraphrases_across_three_sources_form_consensus_claims(story: list[Source]) -> None:
    claims = align(story, AlignSettings())
    reopened = claim_with(claims, "reopened on Monday after eight months")
    assert reopened.support == "consensus"
    assert reopened.sources == ("s1", "s2", "s3")
    cost = claim_with(claims, "The repairs cost 14 million dollars")
    assert cost.support == "consensus"
    assert cost is not reopened


def test_two_of_three_is_partial(story: list[Source]) -> None:
    ribbon = claim_with(align(story, AlignSettings()), "cut the ribbon at a ceremony")
    assert ribbon.support == "partial"
    assert ribbon.sources == ("s1", "s2")


def test_facts_only_one_outlet_reports_stay_single(story: list[Source]) -> None:
    claims = align(story, AlignSettings())
    for fragment in ("Traffic on the bridge", "Shop owners on Quay Street", "A new cycle lane"):
        claim = claim_with(claims, fragment)
        assert claim.support == "single", fragment
        assert len(claim.sentences) == 1


def test_credits_and_bylines_are_not_claims(story: list[Source]) -> None:
    texts = [p.text for c in align(story, AlignSettings()) for p in c.sentences]
    assert not any("Reporting by" in t or t.startswith("Photo:") for t in texts)


def test_every_meaningful_sentence_is_in_exactly_one_claim(story: list[Source]) -> None:
    claims = align(story, AlignSettings())
    seen = [(p.source, p.start) for c in claims for p in c.sentences]
    assert len(seen) == len(set(seen))
    assert len(seen) == 4 + 4 + 3  # every sentence but the two credit lines


def test_a_claim_never_holds_two_sentences_of_one_source(story: list[Source]) -> None:
    for claim in align(story, AlignSettings(threshold=0.05)):  # even when almost everything matches
        sources = [p.source for p in claim.sentences]
        assert len(sources) == len(set(sources)) == len(claim.sources)


def test_offsets_point_into_the_source_text(story: list[Source]) -> None:
    texts = {s.id: s.text for s in story}
    for claim in align(story, AlignSettings()):
        for p in claim.sentences:
            assert texts[p.source][p.start : p.end] == p.text
            assert p.text.strip() == p.text and p.text


def test_ids_and_order_are_deterministic(
    segmenter: Segmenter, embedder: Embedder, story: list[Source]
) -> None:
    first = align(story, AlignSettings())
    again = align(build(segmenter, embedder, [WIRE, TABLOID, LOCAL]), AlignSettings())
    assert first == again
    assert [c.id for c in first] == [f"c{n}" for n in range(1, len(first) + 1)]
    sizes = [len(c.sources) for c in first]
    assert sizes == sorted(sizes, reverse=True)  # better supported claims come first


def test_one_source_gives_only_single_claims(story: list[Source]) -> None:
    claims = align(story[:1], AlignSettings())
    assert len(claims) == 4
    assert {c.support for c in claims} == {"single"}


def test_two_sources_sharing_a_fact_is_consensus(story: list[Source]) -> None:
    claims = align(story[:2], AlignSettings())
    assert claim_with(claims, "cut the ribbon at a ceremony").support == "consensus"


def test_different_facts_score_low_and_paraphrases_high(story: list[Source]) -> None:
    prob = pair_probabilities(story, 0, 1)
    wire = [s.text for s in story[0].sentences]
    tabloid = [s.text for s in story[1].sentences]
    ribbon = (
        next(i for i, t in enumerate(wire) if "ribbon" in t),
        next(j for j, t in enumerate(tabloid) if "ribbon" in t),
    )
    traffic = next(i for i, t in enumerate(wire) if "Traffic" in t)
    shops = next(j for j, t in enumerate(tabloid) if "Shop owners" in t)
    assert prob[ribbon] > 0.8
    assert prob[traffic, shops] < 0.2


def test_without_vectors_the_lexical_model_still_aligns(story: list[Source]) -> None:
    bare = [dataclasses.replace(s, vectors=None) for s in story]
    claims = align(bare, AlignSettings())
    assert claim_with(claims, "cut the ribbon at a ceremony").sources == ("s1", "s2")
    assert claim_with(claims, "A new cycle lane").support == "single"


def test_moving_the_threshold_moves_the_grouping(story: list[Source]) -> None:
    strict = align(story, AlignSettings(threshold=0.999))
    assert {c.support for c in strict} == {"single"}
    loose = align(story, AlignSettings(threshold=0.3))
    assert len(loose) <= len(align(story, AlignSettings()))


def test_no_sources_or_no_sentences_give_no_claims(segmenter: Segmenter) -> None:
    assert align([], AlignSettings()) == ()
    empty = segmenter(Article(id="e", text="Short."), "s1")
    assert align([empty], AlignSettings()) == ()


def test_many_sources_run_in_blocks(story: list[Source]) -> None:
    # The same three outlets repeated: each repeat must pair only with itself per source, and the
    # consensus facts must span all nine sources.
    many = [dataclasses.replace(s, id=f"s{k * 3 + n + 1}") for k in range(3) for n, s in enumerate(story)]
    claims = align(many, AlignSettings())
    reopened = claim_with(claims, "reopened on Monday after eight months")
    assert reopened.support == "consensus" and len(reopened.sources) == 9
    assert np.all([len(set(c.sources)) == len(c.sentences) for c in claims])


def test_one_source_without_vectors_switches_the_story_to_the_lexical_model(story: list[Source]) -> None:
    mixed = [story[0], dataclasses.replace(story[1], vectors=None), story[2]]
    bare = [dataclasses.replace(s, vectors=None) for s in story]
    assert align(mixed, AlignSettings()) == align(bare, AlignSettings())
