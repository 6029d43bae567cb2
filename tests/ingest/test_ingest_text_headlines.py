"""Plain-text articles written the common way: a headline line with the story, a byline or an outlet line
right under it and no blank line in between. The headline is the title, the byline names the author (and
the outlet after its comma), an outlet line names the outlet, and neither is article text."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.ingest import read_articles
from newsprism.model import Article
from newsprism.settings import Settings

LEAD = (
    "Engineers replaced 2.4 kilometres of steel rope and fitted new brakes to all eleven cabins of the "
    "Osterby cable car, which reopened on Saturday after a four-month overhaul, the transport board said."
)
MORE = "About 3,000 passengers rode the line on its first weekend back in service, the board said."
BODY = f"{LEAD}\n\n{MORE}"


def _one(path: Path) -> Article:
    articles, skipped = read_articles([str(path)], Settings())
    assert skipped == [] and len(articles) == 1
    return articles[0]


def _write(tmp_path: Path, text: str, name: str = "2_lamm_radio.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_headline_right_above_a_wire_dateline_is_the_title(tmp_path: Path) -> None:
    lead = f"OSTERBY, June 14 (Lamm Press) \u2014 {LEAD}"
    a = _one(_write(tmp_path, f"Cable car back after overhaul\n{lead}\n\n{MORE}\n", "1_lamm_wire.txt"))
    # no outlet line: the dateline's agency names it, not the file ("1_lamm_wire")
    assert (a.title, a.outlet, a.author) == ("Cable car back after overhaul", "Lamm Press", "")
    assert a.text == f"{lead}\n\n{MORE}"  # the dateline stays: the summary and the lenses read it


def test_a_headline_right_above_a_short_agency_dateline_is_the_title(tmp_path: Path) -> None:
    lead = "OSTERBY (Reuters) - The cable car is running again."
    a = _one(_write(tmp_path, f"Cable car back after overhaul\n{lead}\n\n{MORE}\n"))
    assert a.title == "Cable car back after overhaul"
    assert a.text.startswith("OSTERBY (Reuters) ") and a.text.endswith(f"running again.\n\n{MORE}")


def test_a_headline_right_above_a_byline_with_the_outlet_gives_title_author_and_outlet(
    tmp_path: Path,
) -> None:
    a = _one(_write(tmp_path, f"Osterby rides again\nBy Ines Holm, Osterby Valley Tidende\n\n{BODY}\n"))
    assert (a.title, a.outlet, a.author, a.text) == (
        "Osterby rides again",
        "Osterby Valley Tidende",
        "Ines Holm",
        BODY,
    )


def test_a_byline_s_outlet_may_start_with_the(tmp_path: Path) -> None:
    a = _one(_write(tmp_path, f"Osterby rides again\nBy Ines Holm, The Lamm Chronicle\n\n{BODY}\n"))
    assert (a.outlet, a.author, a.text) == ("The Lamm Chronicle", "Ines Holm", BODY)


def test_a_headline_right_above_an_outlet_line_gives_title_and_outlet(tmp_path: Path) -> None:
    a = _one(_write(tmp_path, f"Cable car: what we know so far\nLamm FM News\n\n{BODY}\n"))
    assert (a.title, a.outlet, a.author, a.text) == (
        "Cable car: what we know so far",
        "Lamm FM News",
        "",
        BODY,
    )


def test_a_headline_right_above_an_unwrapped_paragraph_is_the_title(tmp_path: Path) -> None:
    a = _one(_write(tmp_path, f"Cable car back after overhaul\n{BODY}\n", "lamm.txt"))
    assert (a.title, a.outlet, a.text) == ("Cable car back after overhaul", "lamm", BODY)


@pytest.mark.parametrize(("opening", "closing"), [('"', '"'), ("\u201c", "\u201d")])
def test_an_unwrapped_paragraph_may_open_with_a_quotation(tmp_path: Path, opening: str, closing: str) -> None:
    lead = f"{opening}We are proud to run again,{closing} said the board. {LEAD}"
    a = _one(_write(tmp_path, f"Cable car back after overhaul\n{lead}\n\n{MORE}\n"))
    assert a.title == "Cable car back after overhaul"
    assert a.text.startswith(('"We are proud', "\u201cWe are proud")) and a.text.endswith(f"{LEAD}\n\n{MORE}")


def test_an_outlet_header_line_wins_over_the_byline_s_outlet_which_stays_in_the_author(
    tmp_path: Path,
) -> None:
    text = f"Outlet: Osterby Tidende\n\nOsterby rides again\nBy Ines Holm, Lamm Press\n\n{BODY}\n"
    a = _one(_write(tmp_path, text))
    # the whole byline stays the author, so a wire credit in it ("By Jo Lund, Associated Press") is kept
    assert (a.title, a.outlet, a.author, a.text) == (
        "Osterby rides again",
        "Osterby Tidende",
        "Ines Holm, Lamm Press",
        BODY,
    )
    text = f"Outlet: Osterby Tidende\n\nCable car: what we know so far\nLamm FM News\n\n{BODY}\n"
    a = _one(_write(tmp_path, text))
    assert (a.title, a.outlet, a.text) == ("Cable car: what we know so far", "Osterby Tidende", BODY)


@pytest.mark.parametrize(
    "role",
    ["Staff Writer", "Political Correspondent", "Reporter", "Senior Editor", "Columnist", "Bureau Chief"],
)
def test_a_byline_s_role_names_no_outlet(tmp_path: Path, role: str) -> None:
    a = _one(_write(tmp_path, f"Osterby rides again\nBy John Smith, {role}\n\n{BODY}\n", "lamm.txt"))
    assert (a.title, a.outlet, a.author, a.text) == (
        "Osterby rides again",
        "lamm",
        f"John Smith, {role}",
        BODY,
    )


def test_a_lone_byline_with_an_outlet_names_it_too(tmp_path: Path) -> None:
    a = _one(_write(tmp_path, f"Osterby rides again\n\nBy Ines Holm, Lamm Press\n\n{BODY}\n"))
    assert (a.title, a.outlet, a.author, a.text) == ("Osterby rides again", "Lamm Press", "Ines Holm", BODY)


def test_a_blank_line_headline_still_works(tmp_path: Path) -> None:
    a = _one(_write(tmp_path, f"Cable car back after overhaul\n\n{BODY}\n", "lamm.txt"))
    assert (a.title, a.outlet, a.text) == ("Cable car back after overhaul", "lamm", BODY)


@pytest.mark.parametrize(
    "text",
    [
        # hard-wrapped prose: a first line without a full stop, then a capitalised name
        "The cable car reopened on Saturday after a four-month overhaul, said\n"
        "Ines Holm, who chairs the transport board, on a visit to the lower\n"
        "station of the line.\n\n" + MORE,
        "Transport board chair\nInes Holm said the cable car would reopen on Saturday after the overhaul\n"
        "of its hauling rope.\n\n" + MORE,
        # a short line under it that is no outlet's name (a sentence, a date, a digit, lower case)
        "Cable car back after overhaul\nIt reopened on Saturday.\n\n" + MORE,
        "Cable car back after overhaul\nSaturday 14 June\n\n" + MORE,
        "Cable car back after overhaul\nSaturday\n\n" + MORE,
        "Cable car back after overhaul\nLine 4 Reopens\n\n" + MORE,
        "Cable car back after overhaul\nthe board said\n\n" + MORE,
        "Cable car back after overhaul\nThe Osterby Cable Car Reopened On Saturday\n\n" + MORE,
        # a long line under a first line that is no headline
        "The cable car reopened on Saturday.\n" + LEAD + "\n\n" + MORE,
    ],
)
def test_a_first_line_above_a_short_or_wrapped_line_is_no_title(tmp_path: Path, text: str) -> None:
    a = _one(_write(tmp_path, text + "\n", "lamm.txt"))
    assert (a.title, a.outlet, a.author) == ("", "lamm", "")


def test_a_one_line_body_has_no_title(tmp_path: Path) -> None:
    a = _one(_write(tmp_path, f"{LEAD}\n", "lamm.txt"))
    assert (a.title, a.text) == ("", LEAD)


def test_a_wrapped_sentence_starting_with_by_under_a_headline_is_no_byline(tmp_path: Path) -> None:
    wrapped = "By Saturday the cable car was running again, and\nthe board said so."
    text = f"Cable car back after overhaul\n{wrapped}\n\n{MORE}\n"
    a = _one(_write(tmp_path, text, "lamm.txt"))
    assert (a.title, a.author) == ("", "")


def test_a_headline_above_header_lines_is_the_title_and_the_headers_are_read(tmp_path: Path) -> None:
    text = f"Cable car back after overhaul\nOutlet: Lamm Radio\nDate: 2026-06-14\n\n{BODY}\n"
    a = _one(_write(tmp_path, text))
    assert (a.title, a.outlet, a.published) == ("Cable car back after overhaul", "Lamm Radio", "2026-06-14")
    assert a.text == BODY  # neither the headline nor the header lines are article text


def test_a_title_header_under_a_first_line_leaves_that_line_in_the_body(tmp_path: Path) -> None:
    text = f"Osterby\nTitle: Cable car back after overhaul\nOutlet: Lamm Radio\n\n{BODY}\n"
    a = _one(_write(tmp_path, text))
    assert a.title == "" and a.text.startswith("Osterby Title: ")  # no guessing between two titles
