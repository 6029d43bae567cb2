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


def test_a_footer_in_reuters_style_is_another_named_agencys_own() -> None:
    footer = "\n\n(Reporting by Anja Felder; Editing by Marcus Dole)"
    text = "OSKVIK, March 10 (Kestrel Press) — A train derailed." + footer
    assert wire_agencies(text, outlet="Dunmere Herald") == ("Kestrel Press",)
    assert wire_agencies("A train derailed." + footer) == ("Reuters",)


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


@pytest.mark.parametrize(
    ("text", "outlets", "expected"),
    [
        # an agency outside the known list, by the shape of its dateline, matched to the story's outlet
        (
            "HARVEN, Ostmark (TNA) — The ferry strike ended on Monday.",
            ("Tarvel News Agency",),
            ("Tarvel News Agency",),
        ),
        ("HARVEN (TNA) - The ferry strike ended on Monday.", (), ("TNA",)),  # kept as the abbreviation
        ("(VBC) — The ferry strike ended on Monday.", (), ("VBC",)),
        ("The strike ended.\n\nAdditional reporting by Tarvel News Agency.", (), ("Tarvel News Agency",)),
        (
            "The strike ended.\n\nAdditional reporting by The Harven Post.",
            ("The Harven Post",),
            ("The Harven Post",),
        ),
        ("The strike ended.\n\nLindqvist Press contributed to this report.", (), ("Lindqvist Press",)),
        ("By Lindqvist Wire staff\n\nThe strike ended on Monday.", (), ("Lindqvist Wire",)),
        ("By Ella Brandt, Lindqvist Press\n\nThe strike ended on Monday.", (), ("Lindqvist Press",)),
        ("By AP\n\nThe strike ended on Monday.", (), ("AP",)),
        # the dateline's abbreviation and the credit line's name are one agency
        (
            "HARVEN (TNA) - The strike ended.\n\nAdditional reporting by Tarvel News Agency.",
            (),
            ("Tarvel News Agency",),
        ),
    ],
)
def test_credits_of_agencies_outside_the_known_list(
    text: str, outlets: tuple[str, ...], expected: tuple[str, ...]
) -> None:
    assert wire_agencies(text, outlets=outlets) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a party's abbreviation in brackets, mid-sentence or right after its name, credits nobody
        "The Harven Unity Party (HUP) — which ran the port for a decade — lost 12 seats.",
        "Voters turned on the governing party (HUP) — and on its leader — in every district.",
        "Harven Unity Party (HUP) — the big loser — said it would regroup.",
        "The strike ended.\n\nAdditional reporting by Ella Brandt in Harven.",
        "The alliance contributed 4,000 troops.\n\nSource: NATO.",
        "(UPDATE) — The strike ended on Monday.",
        "By Ella Brandt\n\nThe strike ended on Monday.",
    ],
)
def test_brackets_and_names_that_are_no_credit(text: str) -> None:
    assert wire_agencies(text) == ()


def test_the_outlets_own_dateline_is_no_wire_unless_it_is_an_agency() -> None:
    text = "(VBC) — The ferry strike ended on Monday."
    assert wire_agencies(text, outlet="VBC") == ()
    assert wire_agencies(text, outlet="Vesper Broadcasting Corporation") == ()
    agency = "HARVEN, Ostmark (TNA) — The ferry strike ended on Monday."
    assert wire_agencies(agency, outlet="Tarvel News Agency") == ("Tarvel News Agency",)
    reprint = "HARVEN (TNA) — The strike ended.\n\nAdditional reporting by Tarvel News Agency."
    assert wire_agencies(reprint, outlet="The Harven Post", outlets=("Tarvel News Agency",)) == (
        "Tarvel News Agency",
    )


def test_the_author_field_can_name_the_agency() -> None:
    assert wire_agencies("The strike ended on Monday.", author="By AP") == ("AP",)
    assert wire_agencies("The strike ended on Monday.", author="Associated Press") == ("AP",)
    assert wire_agencies("The strike ended on Monday.", author="Ella Brandt, Lindqvist Press") == (
        "Lindqvist Press",
    )
    assert wire_agencies("The strike ended on Monday.", author="Ella Brandt") == ()


def test_a_dateline_may_shorten_the_agency_name() -> None:
    # "(Orrin Press)" in a reprint credits the story's "Orrin Press Agency", and the agency's own dateline too
    text = "MARSK (Orrin Press) — The ferry strike ended on Monday."
    assert wire_agencies(text, outlet="Selk Courier", outlets=("Orrin Press Agency",)) == (
        "Orrin Press Agency",
    )
    assert wire_agencies(text, outlet="Orrin Press Agency") == ("Orrin Press Agency",)
    assert wire_agencies("MARSK (Orrin) — The strike ended.", outlets=("Orrin Agency",)) == ()
