"""Wire-credit detection: strong credits decide, weak mentions and photo credits do not."""

from __future__ import annotations

import pytest

from newsprism.lenses.wire import agency_of_outlet, detect_wire, wire_agencies


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("KARVONIA CITY (AP) — The council voted on Monday to close the old bridge.", ("AP",)),
        ("Beirut (AFP) – Activists gathered in the square on Friday.", ("AFP",)),
        ("LINDOW, Talvia, March 5 (UPI) — Farmers welcomed the news.", ("UPI",)),
        ("OSTRELLA (Reuters) - Leaders signed the pact.", ("Reuters",)),
        ("By MARTA OLSEN, Associated Press\n\nThe river rose again on Tuesday.", ("AP",)),
        ("The river rose.\n\nAssociated Press writer Jonas Petrik contributed to this report.", ("AP",)),
        ("The river rose.\n\n(Reporting by Jana Holm; Editing by Peter Kell)", ("Reuters",)),
        ("The river rose.\n\n(Additional reporting by Ana Ruiz; editing by Tom Bell.)", ("Reuters",)),
        ("Reuters could not independently verify the reports of troop movements.", ("Reuters",)),
        ("The river rose.\n\n- Reuters.", ("Reuters",)),
        ("Copyright 2026 The Associated Press. All rights reserved.", ("AP",)),
        ("The river rose.\n\nSource: AFP", ("AFP",)),
    ],
)
def test_strong_credits(text: str, expected: tuple[str, ...]) -> None:
    assert wire_agencies(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The senator told the AP on Wednesday that he would not run again.",
        "Clinton won the primary, according to the Associated Press.",
        "In an interview with Reuters, the minister denied the report.",
        "The mayor spoke at a rally.\n\nJim Urquhart / Reuters.\n\nCrowds gathered outside.",
        "Demonstrators outside the court. (JANE DOE/AFP/Getty Images.)",
        "A Reuters/Ipsos poll found the race tightening.",
        "The AP-GfK poll was conducted online.",
        "Rain fell on PA 28 all day, a spokesman for PA Transit said.",
        "",
    ],
)
def test_mentions_are_not_credits(text: str) -> None:
    assert wire_agencies(text) == ()


def test_weak_phrases_are_kept_as_evidence() -> None:
    credits = detect_wire("The senator told the AP that he would not run again.")
    assert [(c.agency, c.kind, c.strong) for c in credits] == [("AP", "phrase", False)]


def test_offsets_point_into_the_text() -> None:
    text = "Headline.\n\nOSTRELLA (Reuters) - Leaders met.\n\n(Reporting by Jana Holm; Editing by Peter Kell)"
    for c in detect_wire(text):
        assert text[c.start : c.end] == c.text


def test_several_agencies_in_order_of_first_credit() -> None:
    text = "WASHINGTON (AP) — Lawmakers met.\n\nLater, in Paris:\n\nParis (AFP) – Ministers met too."
    assert wire_agencies(text) == ("AP", "AFP")


def test_the_outlet_itself_can_be_an_agency() -> None:
    assert agency_of_outlet("Reuters") == "Reuters"
    assert agency_of_outlet("", "https://apnews.com/article/x") == "AP"
    assert agency_of_outlet("Daily Clarion", "https://clarion.example/x") is None
    assert wire_agencies("Leaders signed the pact.", outlet="reuters.com") == ("Reuters",)
