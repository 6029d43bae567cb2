"""Text files without header lines: a readable outlet from the file name, the headline from a short
first line, and a byline left out of the body (a newsroom's byline names the outlet)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.ingest import read_articles
from newsprism.model import Article
from newsprism.settings import Settings

STORY = (
    "OSTERBY (Lamm Radio) \u2014 The Osterby cable car reopened on Saturday after a four-month overhaul "
    "of its hauling rope, the transport board said.\n\n"
    "Engineers replaced 2.4 kilometres of steel rope and fitted new brakes to all eleven cabins."
)


def _one(path: Path | str, stdin: str | None = None) -> Article:
    articles, skipped = read_articles([str(path)], Settings(), stdin=stdin)
    assert skipped == [] and len(articles) == 1
    return articles[0]


def test_a_file_without_header_is_named_by_its_file_and_its_short_first_line_is_the_title(
    tmp_path: Path,
) -> None:
    path = tmp_path / "cable_car_noheader.txt"
    path.write_text(f"Cable car back in service\n\n{STORY}\n", encoding="utf-8")
    a = _one(path)
    assert a.outlet == "cable_car_noheader"  # not left empty (reports said "s2")
    assert a.title == "Cable car back in service"
    assert a.text == STORY


def test_a_markdown_newsroom_byline_names_the_outlet_and_leaves_the_body(tmp_path: Path) -> None:
    path = tmp_path / "cable_car.md"
    path.write_text(f"# Cable car back in service\n\n*By Lamm Radio newsroom*\n\n{STORY}\n", encoding="utf-8")
    a = _one(path)
    assert (a.title, a.outlet, a.text) == ("Cable car back in service", "Lamm Radio", STORY)


@pytest.mark.parametrize(
    ("header", "outlet"),
    [
        ("Outlet: Osterby Tidende\n", "Osterby Tidende"),  # the header line wins
        ("URL: https://www.lamm-radio.example/cable-car\n", "Lamm Radio"),  # a newsroom byline, then
        ("", "Lamm Radio"),
    ],
)
def test_a_byline_names_the_outlet_only_when_nothing_else_does(
    tmp_path: Path, header: str, outlet: str
) -> None:
    path = tmp_path / "story.txt"
    text = f"Title: Cable car back\n{header}\n**By the Lamm Radio news desk**\n\n{STORY}\n"
    path.write_text(text, encoding="utf-8")
    a = _one(path)
    assert a.outlet == outlet and a.text == STORY


def test_a_person_s_byline_is_left_out_and_names_no_outlet(tmp_path: Path) -> None:
    path = tmp_path / "osterby_cable.txt"
    path.write_text(f"Cable car back in service\n\nBy Ines Holm\n\n{STORY}\n", encoding="utf-8")
    a = _one(path)
    assert (a.title, a.outlet, a.text) == ("Cable car back in service", "osterby_cable", STORY)


@pytest.mark.parametrize(
    "first",
    [
        "The cable car reopened on Saturday.",  # a sentence, not a headline
        "Saturday, 14 June 2031",  # a date line
        "the cable car reopened on saturday after a four",  # lower case: a wrapped line
        "Engineers replaced 2.4 kilometres of rope, the board said, and fitted new brakes to all eleven "
        "cabins before the line reopened",  # too long for a headline
    ],
)
def test_a_first_line_that_is_no_headline_stays_in_the_body(tmp_path: Path, first: str) -> None:
    path = tmp_path / "story.txt"
    path.write_text(f"{first}\n\n{STORY}\n", encoding="utf-8")
    a = _one(path)
    assert a.title == "" and a.text == f"{first}\n\n{STORY}"


def test_a_wrapped_first_line_is_not_taken_for_a_headline(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(f"The Osterby cable car reopened on Saturday\nafter an overhaul.\n\n{STORY}\n")
    assert _one(path).title == ""


def test_json_records_without_an_outlet_are_named_by_their_file(tmp_path: Path) -> None:
    path = tmp_path / "lamm_export.jsonl"
    path.write_text(json.dumps({"title": "Cable car back", "text": STORY}) + "\n", encoding="utf-8")
    assert _one(path).outlet == "lamm_export"
    path.write_text(json.dumps({"title": "Cable car back", "text": STORY, "source": "Lamm Radio"}) + "\n")
    assert _one(path).outlet == "Lamm Radio"


def test_standard_input_has_no_file_name_to_give(tmp_path: Path) -> None:
    a = _one("-", stdin=f"Cable car back in service\n\n{STORY}\n")
    assert a.outlet == "" and a.title == "Cable car back in service"


def test_a_wrapped_sentence_starting_with_by_is_no_byline(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    wrapped = "By Saturday the cable car was running again, and\nthe board said the line was busy."
    path.write_text(f"Title: Cable car\n\n{wrapped}\n\n{STORY}\n", encoding="utf-8")
    assert _one(path).text.startswith("By Saturday the cable car was running again, and the board")
