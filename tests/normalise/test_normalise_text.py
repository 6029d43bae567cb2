"""Normalised text is what every offset points into: quotes, dashes, spaces and paragraphs are canonical."""

from __future__ import annotations

import unicodedata

import pytest

from newsprism.normalise import normalise_line, normalise_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\u201cWe kept our word,\u201d she said.", '"We kept our word," she said.'),
        ("\u201eWir haben Wort gehalten\u201c, sagte sie.", '"Wir haben Wort gehalten", sagte sie.'),
        ("\u00abNous avons tenu parole\u00bb, dit-elle.", '"Nous avons tenu parole", dit-elle.'),
        ("the union\u2019s \u2018fair\u2019 deal", "the union's 'fair' deal"),
        ("\u201aLow\u2018 and \u2039angled\u203a quotes", "'Low' and 'angled' quotes"),
    ],
)
def test_quotes_are_unified(raw: str, expected: str) -> None:
    assert normalise_text(raw) == expected


def test_curly_and_straight_versions_of_one_sentence_become_identical() -> None:
    curly = "Tomas Vindel said: \u201cIt\u2019s a fair outcome \u2014 for now.\u201d"
    straight = 'Tomas Vindel said: "It\'s a fair outcome \u2014 for now."'
    assert normalise_text(curly) == normalise_text(straight)


def test_dashes() -> None:
    assert normalise_text("seasons 2019\u20132021 and pages 4 \u2013 6") == "seasons 2019-2021 and pages 4-6"
    assert (
        normalise_text("the deal \u2013 signed late \u2013 holds")
        == "the deal \u2014 signed late \u2014 holds"
    )
    assert normalise_text("a well\u2010known non\u2011union firm") == "a well-known non-union firm"
    assert normalise_text("temperatures of \u22125 degrees") == "temperatures of -5 degrees"
    assert normalise_text("it ended--at last") == "it ended \u2014 at last"
    assert normalise_text("the deal - signed late - holds") == "the deal \u2014 signed late \u2014 holds"
    assert normalise_text("a score of 3 - 1 and 10 - 2") == "a score of 3 - 1 and 10 - 2"
    assert normalise_text("- a list item") == "- a list item"
    assert normalise_text("a horizontal\u2015bar") == "a horizontal\u2014bar"


def test_invisible_characters_are_removed() -> None:
    raw = "pay\u00adment of\u200b six\u200d\ufeff million\u2060 crowns\u200e"
    assert normalise_text(raw) == "payment of six million crowns"


def test_exotic_spaces_and_controls() -> None:
    raw = "6.5\u00a0per\u202fcent\u2009rise\x07 agreed\tin\u3000full"
    assert normalise_text(raw) == "6.5 per cent rise agreed in full"


def test_ligatures_become_letters() -> None:
    assert normalise_text("of\ufb01cials \ufb02ed the o\ufb03ce") == "officials fled the office"


def test_nfc_composes_accents() -> None:
    decomposed = "Mire\u0301la Das\u030ck"
    out = normalise_text(decomposed)
    assert out == "Mirela Dašk".replace("e", "\u00e9", 1)
    assert unicodedata.is_normalized("NFC", out)


def test_paragraphs_from_blank_lines_and_wrapped_lines_joined() -> None:
    raw = "  First line of the first\nparagraph  wraps here.  \n\n\n\n"
    raw += "Second paragraph\r\ncontinues.\n \n Third. \n"
    assert normalise_text(raw) == (
        "First line of the first paragraph wraps here.\n\nSecond paragraph continues.\n\nThird."
    )


def test_without_blank_lines_each_line_is_a_paragraph() -> None:
    assert normalise_text("One paragraph.\nAnother one.\n") == "One paragraph.\n\nAnother one."
    assert normalise_text("One.\nTwo.", lines_are_paragraphs=False) == "One. Two."


def test_unicode_line_and_paragraph_separators() -> None:
    assert normalise_text("First.\u2029Second.\u2028still second.") == "First.\n\nSecond. still second."


def test_ellipsis_and_idempotence() -> None:
    raw = "\u201cWell\u2026\u201d \u2013 he\u00a0paused.\n\n\n  Next\u200b para."
    once = normalise_text(raw)
    assert once == '"Well..." \u2014 he paused.\n\nNext para.'
    assert normalise_text(once) == once


def test_empty_and_whitespace_only() -> None:
    assert normalise_text("") == ""
    assert normalise_text(" \n\n\t \u200b \n") == ""


def test_normalise_line_flattens_paragraphs() -> None:
    assert normalise_line("  Strike\n\nends \u2013 at last ") == "Strike ends \u2014 at last"
