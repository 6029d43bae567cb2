"""Matching and merging rules, on hand-made probability matrices (no models needed)."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.align.grouping import Match, is_trivial, merge, one_to_one


def always(_a: list[int], _b: list[int]) -> bool:
    return True


def test_one_to_one_keeps_each_sentence_in_one_pair() -> None:
    prob = np.array(
        [
            [0.9, 0.8, 0.1],
            [0.85, 0.2, 0.1],
            [0.1, 0.1, 0.3],
        ]
    )
    pairs = one_to_one(prob, cut=0.5)
    assert sorted((i, j) for i, j, _ in pairs) == [(0, 1), (1, 0)]
    assert len({i for i, _, _ in pairs}) == len(pairs) == len({j for _, j, _ in pairs})


def test_weak_pairs_cannot_displace_a_strong_one() -> None:
    # Summed over all cells, (0,1)+(1,0) = 0.98 would beat (0,0) = 0.95; below the cut they must not count.
    prob = np.array([[0.95, 0.49], [0.49, 0.2]])
    assert [(i, j) for i, j, _ in one_to_one(prob, cut=0.5)] == [(0, 0)]


def test_nothing_above_the_cut_gives_no_pairs() -> None:
    assert one_to_one(np.full((3, 4), 0.2), cut=0.5) == []
    assert one_to_one(np.zeros((0, 4)), cut=0.5) == []


def test_merge_never_puts_two_sentences_of_one_source_together() -> None:
    # sentences: 0,1 from source 0; 2 from source 1; 3 from source 2
    source_of = [0, 0, 1, 2]
    matches = [Match(0.9, 0, 2), Match(0.8, 1, 3), Match(0.7, 2, 3), Match(0.6, 0, 3)]
    groups = merge(matches, source_of, range(4), always)
    for g in groups:
        assert len({source_of[i] for i in g}) == len(g)
    assert sorted(groups) == [[0, 2], [1, 3]]


def test_merge_takes_the_strongest_match_first() -> None:
    source_of = [0, 1, 1]
    groups = merge([Match(0.6, 0, 1), Match(0.9, 0, 2)], source_of, range(3), always)
    assert sorted(groups) == [[0, 2], [1]]


def test_merge_refuses_incoherent_groups() -> None:
    source_of = [0, 1, 2]
    matches = [Match(0.9, 0, 1), Match(0.8, 1, 2)]
    groups = merge(matches, source_of, range(3), lambda a, b: 0 not in a + b or 2 not in a + b)
    assert sorted(groups) == [[0, 1], [2]]


def test_merge_keeps_unmatched_sentences_as_their_own_groups() -> None:
    assert sorted(merge([], [0, 1, 1], [0, 2], always)) == [[0], [2]]


@pytest.mark.parametrize(
    "text",
    [
        "By Marta Quell and Ivo Brandt",
        "By Marta Quell, political correspondent",
        "Written by Ivo Brandt for the Ostvik Ledger",
        "Reporting by Marta Quell; Editing by Ivo Brandt",
        "Additional reporting by Ivo Brandt in Ostvik",
        "Photo: Kelden Harbour Authority",
        "(Photo by Ivo Brandt/Getty Images)",
        "Copyright 2031 The Ostvik Ledger. All rights reserved.",
        "Read more: how the harbour strike began",
        "Sign up for our morning briefing on the Ostvik strike",
        "23:48 — That's it from us tonight.",
        "Thanks for following, and join us tomorrow for full analysis.",
    ],
)
def test_bylines_and_credits_are_trivial(text: str) -> None:
    assert is_trivial(text, len(text.split()), min_words=4)


@pytest.mark.parametrize(
    "text",
    [
        "By Tuesday evening the harbour authority had reopened two of the three docks.",
        "By Tuesday, officials had evacuated 300 homes.",
        "The song, written by Ana Petrov, topped the charts in Ostvik.",
        "The court said the copyright claim against the Ostvik Ledger was unfounded.",
        "Related talks between the unions and the port will resume on Monday.",
        "The harbour authority reopened two docks on Tuesday.",
        "That's it for the harbour board, which voted 9-2 to close the docks.",
        "The report, written by two former judges, found that the council had broken procurement rules "
        "on at least eleven occasions between 2027 and 2030, and that officials ignored repeated warnings.",
    ],
)
def test_reporting_sentences_are_kept(text: str) -> None:
    assert not is_trivial(text, len(text.split()), min_words=4)


def test_short_sentences_are_trivial() -> None:
    assert is_trivial("He declined.", 2, min_words=4)
