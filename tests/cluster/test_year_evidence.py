"""Year evidence for undated articles: the year an article reports from, and recurring events kept apart.

An archive without publication dates has no time window; two events of one kind at the same place (two
groundings at one reef) read alike, and the years their texts state are what tells them apart.
"""

from __future__ import annotations

import dataclasses

from story_fixtures import HashEmbedder

from newsprism.cluster import StorySettings, cluster_articles
from newsprism.cluster.features import article_year
from newsprism.ingest import article_id
from newsprism.model import Article

#: The online pass alone: these tests are about the year evidence, not the split pass after it.
ONLINE = StorySettings(index="exact", split_ratio=0.0)


def _undated(title: str, text: str) -> Article:
    return Article(id=article_id(text), text=text, title=title, outlet="Archive", published=None, url=None)


def test_publication_date_wins_over_years_in_the_text() -> None:
    a = dataclasses.replace(
        _undated("Reef report", "Published May 2, 2031. The reef was mapped in 1998."), published="2034-01-09"
    )
    assert article_year(a, 120) == 2034


def test_dateline_near_the_top_gives_the_year() -> None:
    for line in (
        "May 2, 2031",
        "2 May 2031",
        "05/02/2031",
        "05 / 02 / 2031",
        "2031-05-02",
        "Sept. 30th, 2031",
    ):
        a = _undated(
            "Ferry grounded", f"{line} The ferry ran aground. It was built in 2036 and refitted in 1999."
        )
        assert article_year(a, 120) == 2031, line


def test_without_a_dateline_the_latest_year_mentioned_counts() -> None:
    a = _undated("Ferry grounded", "The ferry, built in 1999 and refitted in 2030, ran aground on Tuesday.")
    assert article_year(a, 120) == 2030


def test_amounts_and_long_numbers_are_not_years() -> None:
    a = _undated("Budget", "The port spent $2031 on 12,2031 buoys and 2031.5 tonnes of 20315 parts.")
    assert article_year(a, 120) is None
    assert article_year(_undated("No year", "The ferry ran aground on Tuesday."), 120) is None


def _two_groundings(with_years: bool) -> tuple[list[Article], list[str]]:
    """Three reports of a 2031 grounding and three of a 2036 one at the same reef, undated, interleaved."""
    early, late = ("March 3, 2031. ", "July 9, 2036. ") if with_years else ("", "")
    first = [
        (
            "Ferry Marisol aground off Kessel Point",
            "The ferry Marisol ran aground off Kessel Point on Tuesday and the coastguard rescued 212 "
            "people, harbour officials in Port Valen said. Captain Ines Aldana reported a steering failure.",
        ),
        (
            "Marisol wrecked on Kessel Point reef",
            "Passengers of the Marisol waited for hours on the tilted deck before coastguard boats reached "
            "the reef at Kessel Point. All 212 were brought ashore at Port Valen.",
        ),
        (
            "Steering failure blamed for Marisol grounding",
            "Investigators in Port Valen are examining the steering gear of the Marisol, which struck the "
            "Kessel Point reef with 212 people aboard. Captain Aldana has been questioned.",
        ),
    ]
    second = [
        (
            "Cargo ship Solenne runs aground at Kessel Point",
            "The freighter Solenne grounded at Kessel Point in a storm on Sunday and its crew of 14 was "
            "lifted off by coastguard helicopter, the Port Valen port authority said.",
        ),
        (
            "Storm drives Solenne onto Kessel Point rocks",
            "Heavy seas pushed the cargo ship Solenne onto the rocks at Kessel Point; the coastguard winched "
            "all 14 sailors to safety and flew them to Port Valen.",
        ),
        (
            "Fuel leak feared as Solenne sits on Kessel Point reef",
            "Salvage teams from Port Valen fear fuel will leak from the Solenne, the freighter stranded on "
            "the Kessel Point reef since the storm. Its 14 crew are safe.",
        ),
    ]
    arts, gold = [], []
    for (t1, b1), (t2, b2) in zip(first, second, strict=True):
        arts.append(_undated(t1, early + b1))
        gold.append("2031")
        arts.append(_undated(t2, late + b2))
        gold.append("2036")
    return arts, gold


def test_years_apart_keep_two_undated_groundings_apart() -> None:
    arts, gold = _two_groundings(with_years=True)
    vectors = HashEmbedder().encode([f"{a.title}\n{a.text}" for a in arts])
    labels = cluster_articles(arts, vectors, StorySettings(index="exact"))
    story = {g: {lab for lab, gg in zip(labels, gold, strict=True) if gg == g} for g in set(gold)}
    assert len(story["2031"]) == 1 and len(story["2036"]) == 1 and story["2031"] != story["2036"]
    # The year is what separates them in the online pass: without it (or without the year penalty) that
    # pass makes one story (the split pass, off here, can cut it afterwards: tests/cluster/test_split.py).
    no_penalty = cluster_articles(arts, vectors, dataclasses.replace(ONLINE, w_year=0.0))
    assert len(set(no_penalty)) == 1
    plain, _gold = _two_groundings(with_years=False)
    plain_vectors = HashEmbedder().encode([f"{a.title}\n{a.text}" for a in plain])
    assert len(set(cluster_articles(plain, plain_vectors, ONLINE))) == 1


def test_a_year_or_two_apart_is_still_one_event() -> None:
    """New Year's Eve reports and "next year" mentions: one year apart is no conflict."""
    arts, _gold = _two_groundings(with_years=True)
    same = [dataclasses.replace(a, text=a.text.replace("2036", "2032")) for a in arts]
    same = [dataclasses.replace(a, id=article_id(a.text)) for a in same]
    vectors = HashEmbedder().encode([f"{a.title}\n{a.text}" for a in same])
    assert len(set(cluster_articles(same, vectors, ONLINE))) == 1
