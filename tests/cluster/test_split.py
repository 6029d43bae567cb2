"""The split pass: a story that is two events of one kind is cut in two, a story of one event is not.

Fixtures are fictional: two title defences of one boxer, years apart (same champion, same belts, same
vocabulary; different challenger, venue and round), and one ferry grounding told eight ways.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
from story_fixtures import HashEmbedder

from newsprism.cluster import StorySettings, cluster_articles, lead_text
from newsprism.cluster.split import bisect_story
from newsprism.ingest import article_id
from newsprism.model import Article
from newsprism.store import open_store
from newsprism.stories import StoryService

FIRST_FIGHT = [
    (
        "Vell stops Ferran in the ninth",
        "Dario Vell kept his heavyweight belts by stopping challenger Mako "
        "Ferran in the ninth round at the Salt Harbor Arena, where a crowd of 14,000 watched Ferran go down "
        "twice.",
    ),
    (
        "Ferran no match for champion Vell",
        "Mako Ferran never found his range and heavyweight champion Dario "
        "Vell finished him in round nine in Salt Harbor to retain his titles.",
    ),
    (
        "Vell retains titles in Salt Harbor",
        "In Salt Harbor, Dario Vell retained the heavyweight titles with a "
        "ninth-round stoppage of Mako Ferran, who had never been knocked down before the fight.",
    ),
    (
        "Champion Vell too strong for Ferran",
        "The heavyweight champion Dario Vell was too strong for Mako "
        "Ferran, whose corner stopped the fight in the ninth round at the Salt Harbor Arena.",
    ),
]
SECOND_FIGHT = [
    (
        "Vell outpoints Trelby in Ostrava",
        "Dario Vell defended his heavyweight belts with a unanimous decision "
        "over Jonas Trelby in Ostrava, the judges scoring all twelve rounds for the champion.",
    ),
    (
        "Trelby goes the distance but loses to Vell",
        "Jonas Trelby lasted twelve rounds in Ostrava but lost a "
        "wide decision to heavyweight champion Dario Vell, who kept his titles.",
    ),
    (
        "Vell keeps titles on points against Trelby",
        "Heavyweight champion Dario Vell kept his titles on points "
        "against Jonas Trelby after twelve rounds at the Ostrava hall, where the judges were unanimous.",
    ),
    (
        "Ostrava decision for Vell",
        "In Ostrava, the heavyweight champion Dario Vell beat Jonas Trelby by "
        "unanimous decision over twelve rounds to retain the belts.",
    ),
]
ONE_GROUNDING = [
    (
        "Ferry Marisol aground off Kessel Point",
        "The ferry Marisol ran aground off Kessel Point and the "
        "coastguard rescued all 212 people on board, the harbour authority said.",
    ),
    (
        "212 rescued from stranded Marisol",
        "Coastguard crews rescued 212 passengers and crew after the Marisol "
        "struck the reef at Kessel Point, according to the harbour authority.",
    ),
    (
        "Marisol grounding blamed on steering",
        "Captain Ines Aldana blamed a steering failure for the grounding "
        "of the Marisol ferry at Kessel Point, where all 212 on board were rescued.",
    ),
    (
        "Reef at Kessel Point claims the Marisol",
        "The Marisol is stuck on the Kessel Point reef after a steering "
        "failure; the coastguard took off all 212 people, the harbour authority said.",
    ),
    (
        "Investigators board the Marisol",
        "Harbour authority investigators boarded the Marisol at Kessel Point "
        "to examine the steering that Captain Ines Aldana says failed before the grounding.",
    ),
    (
        "Kessel Point: what we know",
        "The ferry Marisol grounded on the reef off Kessel Point, its 212 "
        "passengers and crew were rescued by the coastguard, and the captain reported a steering failure.",
    ),
    (
        "Marisol passengers tell of rescue",
        "Passengers of the Marisol described the coastguard rescue at Kessel "
        "Point after the ferry hit the reef; all 212 people on board were brought ashore.",
    ),
    (
        "Tugs to pull Marisol off Kessel reef",
        "Tugs will try to pull the ferry Marisol off the reef at Kessel "
        "Point, the harbour authority said, after the coastguard rescued the 212 people on board.",
    ),
]


OUTLETS = ("Ring Wire", "The Daily Clarion", "Valley Courier", "Civic Ledger")


def _articles(items: list[tuple[str, str]], outlets: tuple[str, ...] = OUTLETS) -> list[Article]:
    return [
        Article(id=article_id(text), text=text, title=title, outlet=outlets[i % len(outlets)], published=None)
        for i, (title, text) in enumerate(items)
    ]


def _vectors(articles: list[Article]) -> np.ndarray:
    return HashEmbedder().encode([lead_text(a, StorySettings().lead_words) for a in articles])


def test_two_fights_of_one_champion_are_cut_apart() -> None:
    articles = _articles(FIRST_FIGHT + SECOND_FIGHT)
    assert bisect_story(articles, _vectors(articles), StorySettings()) == [4, 5, 6, 7]


def test_one_event_told_eight_ways_stays_whole() -> None:
    articles = _articles(ONE_GROUNDING)
    assert bisect_story(articles, _vectors(articles), StorySettings()) == []


def test_a_half_from_fewer_than_three_outlets_is_house_style_not_a_second_event() -> None:
    articles = _articles(FIRST_FIGHT + SECOND_FIGHT, outlets=("Ring Wire", "The Daily Clarion"))
    assert bisect_story(articles, _vectors(articles), StorySettings()) == []


def test_small_stories_and_a_zero_ratio_are_never_cut() -> None:
    articles = _articles(FIRST_FIGHT[:3] + SECOND_FIGHT[:2])
    assert bisect_story(articles, _vectors(articles), StorySettings()) == []
    articles = _articles(FIRST_FIGHT + SECOND_FIGHT)
    assert bisect_story(articles, _vectors(articles), StorySettings(split_ratio=0.0)) == []


def test_cluster_articles_cuts_the_story_as_it_grows() -> None:
    articles = _articles(FIRST_FIGHT + SECOND_FIGHT)
    lumping = StorySettings(threshold=-10.0, merge_threshold=10.0, index="exact")  # the online pass joins all
    assert (
        len(set(cluster_articles(articles, _vectors(articles), dataclasses.replace(lumping, split_ratio=0))))
        == 1
    )
    labels = cluster_articles(articles, _vectors(articles), lumping)
    assert len(set(labels[:4])) == 1 and len(set(labels[4:])) == 1 and labels[0] != labels[4]


def test_ingest_cuts_a_story_as_it_grows_and_recluster_agrees(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.sqlite")
    lumping = StorySettings(threshold=-10.0, merge_threshold=10.0, index="exact")
    service = StoryService(store, HashEmbedder(), lumping)
    fights = _articles(FIRST_FIGHT + SECOND_FIGHT)
    result = service.ingest(fights)
    assert result.split == 1
    halves = sorted([sorted(a.id for a in fights[:4]), sorted(a.id for a in fights[4:])])
    assert sorted(sorted(s.article_ids) for s in store.stories()) == halves
    titles = {a.id: a.title for a in fights}
    assert all(s.title in {titles[aid] for aid in s.article_ids} for s in store.stories())  # its own half's
    stored = {aid: s.id for s in store.stories() for aid in s.article_ids}
    assert result.story_of == stored  # the result reports where the articles ended up
    # The live clusterer holds both halves: a later report of the second fight joins its half.
    later = _articles(
        [
            (
                "Trelby wants a rematch",
                "Jonas Trelby says he wants a rematch in Ostrava after "
                "losing on points over twelve rounds to Dario Vell.",
            )
        ]
    )
    service.ingest(later)
    assert later[0].id in next(s.article_ids for s in store.stories() if fights[4].id in s.article_ids)
    before = sorted(sorted(s.article_ids) for s in store.stories())
    assert service.recluster().split == 1
    assert sorted(sorted(s.article_ids) for s in store.stories()) == before
    store.close()
