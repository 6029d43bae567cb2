"""Relative dates resolved against the article date; unresolved mentions still compare on what they say."""

from __future__ import annotations

from datetime import date

import pytest

from newsprism.lenses.dates import DateMention, extract_dates, parse_published, same_time

SATURDAY = date(2026, 3, 14)


def only(text: str, published: date | None = SATURDAY) -> DateMention:
    found = extract_dates(text, published)
    assert len(found) == 1, found
    assert text[found[0].start : found[0].end] == found[0].text
    return found[0]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("The blast happened on Friday.", date(2026, 3, 13), date(2026, 3, 13)),
        ("The blast happened on Saturday.", date(2026, 3, 14), date(2026, 3, 14)),
        ("Talks resume next Monday.", date(2026, 3, 16), date(2026, 3, 16)),
        ("Officials met yesterday.", date(2026, 3, 13), date(2026, 3, 13)),
        ("The bridge closed last week.", date(2026, 3, 2), date(2026, 3, 8)),
        ("Prices rose last month.", date(2026, 2, 1), date(2026, 2, 28)),
        ("The vote was held on June 10, 2024.", date(2024, 6, 10), date(2024, 6, 10)),
        ("The ceasefire began on 12 March.", date(2026, 3, 12), date(2026, 3, 12)),
        ("The dam was finished in 1998.", date(1998, 1, 1), date(1998, 12, 31)),
        ("It was revised on 2003-05-04.", date(2003, 5, 4), date(2003, 5, 4)),
        ("The army moved two weeks ago.", date(2026, 2, 25), date(2026, 3, 3)),
    ],
)
def test_resolved_against_the_article_date(text: str, low: date, high: date) -> None:
    d = only(text)
    assert (d.low, d.high) == (low, high)


def test_day_and_month_without_year_takes_the_nearest_past_year() -> None:
    assert only("The talks ended on December 28.", date(2026, 1, 3)).low == date(2025, 12, 28)


def test_offsets_from_another_event_are_not_calendar_dates() -> None:
    d = only("The vote came three days after the summit.")
    assert d.offset and not d.resolved


def test_without_an_article_date_weekdays_still_compare() -> None:
    friday, thursday = only("It happened on Friday.", None), only("It happened on Thursday.", None)
    assert not friday.resolved
    assert same_time(friday, thursday) is False
    assert same_time(friday, only("It happened Friday.", None)) is True
    assert same_time(friday, only("It happened yesterday.", None)) is None


def test_same_event_dated_by_different_papers_agrees() -> None:
    saturday_paper = only("The landslide struck on Friday.", date(2026, 3, 14))
    monday_paper = only("The landslide struck on Friday.", date(2026, 3, 16))
    sunday_paper = only("The landslide struck yesterday.", date(2026, 3, 15))
    assert same_time(saturday_paper, monday_paper) is True
    assert same_time(saturday_paper, sunday_paper) is False
    assert same_time(saturday_paper, only("It struck on March 13.", None)) is True


def test_month_and_year_granularity() -> None:
    assert same_time(only("It opened in March 2025.", None), only("It opened on March 3, 2025.", None))
    assert same_time(only("It opened in 1998.", None), only("It opened in 1999.", None)) is False


def test_lowercase_may_is_a_verb() -> None:
    assert extract_dates("Officials said 5 may be missing.", SATURDAY) == []


@pytest.mark.parametrize(
    ("given", "expected"),
    [("2026-03-14", date(2026, 3, 14)), ("2026-03-14T09:30:00Z", date(2026, 3, 14)), ("", None),
     (None, None), ("last Tuesday", None)],
)  # fmt: skip
def test_parse_published(given: str | None, expected: date | None) -> None:
    assert parse_published(given) == expected


def test_an_offset_from_a_date_in_the_sentence_is_placed() -> None:
    placed = {
        d.text: d.low for d in extract_dates("Three days after March 3, the troops moved in.", SATURDAY)
    }
    assert placed["Three days after"] == date(2026, 3, 6)
    before = extract_dates("Two days before the March 3 vote, polls closed.", SATURDAY)[0]
    assert (before.low, before.high, before.offset) == (date(2026, 3, 1), date(2026, 3, 1), False)
    later = extract_dates("The vote was held on March 8, 2026, and two days later the count ended.", None)
    assert [(d.text, d.low) for d in later][-1] == ("two days later", date(2026, 3, 10))


def test_an_offset_from_an_event_stays_unplaced() -> None:
    (vote,) = extract_dates("Three days after the vote, the troops moved in.", SATURDAY)
    assert vote.offset and not vote.resolved
    # the date before it belongs to another sentence
    apart = extract_dates("The talks began on Monday. Two days later they ended.", SATURDAY)
    assert apart[-1].offset and not apart[-1].resolved
    assert same_time(vote, only("It happened on March 9.", SATURDAY)) is None


def test_a_future_act_on_a_bare_weekday_is_the_coming_one() -> None:
    tuesday = date(2026, 3, 3)
    (will,) = extract_dates("The council will vote on Wednesday on the plan.", tuesday)
    (did,) = extract_dates("The council voted on Wednesday on the plan.", tuesday)
    (due,) = extract_dates("The council is expected to vote Wednesday.", tuesday)
    assert will.low == due.low == date(2026, 3, 4) and did.low == date(2026, 2, 25)
    (said,) = extract_dates("Officials said Wednesday that the vote will be held later.", tuesday)
    assert said.low == date(2026, 2, 25)  # the future is after the date, not before it
    # a deadline is ahead too
    (by,) = extract_dates("The firm must file its report by Monday.", tuesday)
    (before,) = extract_dates("The board will not meet before Friday.", tuesday)
    assert by.low == date(2026, 3, 9) and before.low == date(2026, 3, 6)
    # a deal that "takes effect" on a weekday names the coming one
    (effect,) = extract_dates("Under the deal, the ceasefire takes effect at midnight on Friday.", tuesday)
    assert effect.low == date(2026, 3, 6)


def test_next_years_budget_is_no_date_of_the_vote() -> None:
    found = extract_dates("The council approved next year's budget on Tuesday night.", date(2026, 3, 11))
    assert [d.text for d in found] == ["Tuesday"]


def test_a_month_name_ending_the_sentence_leaves_its_period() -> None:
    from newsprism.lenses.dates import extract_dates

    assert [d.text for d in extract_dates("The committee meets again on 18 September.")] == ["18 September"]
    assert [d.text for d in extract_dates("Sentencing is set for Sept. 14.")] == ["Sept. 14"]
