"""Outlet names from URLs and ISO dates."""

from __future__ import annotations

import pytest

from newsprism.normalise import normalise_date, outlet_from_url


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.example-times.com/x", "example-times.com"),
        ("http://WWW.Harbour-Ledger.example:8080/a?b=c", "harbour-ledger.example"),
        ("https://news.coastalradio.example/story", "news.coastalradio.example"),
        ("https://m.islandtimes.example/story", "islandtimes.example"),
        ("https://www.co/short", "www.co"),
        ("https://[2001:db8::1]/x", "2001:db8::1"),
        ("not a url", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_outlet_from_url(url: str | None, outlet: str) -> None:
    assert outlet_from_url(url) == outlet


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2025-04-17", "2025-04-17"),
        ("2025-04-17T14:05:00Z", "2025-04-17T14:05:00+00:00"),
        ("2025-04-17 14:05", "2025-04-17T14:05:00"),
        ("2025-04-17T14:05:00+02:00", "2025-04-17T14:05:00+02:00"),
        ("Thu, 17 Apr 2025 14:05:00 +0000", "2025-04-17T14:05:00+00:00"),
        ("17 April 2025", "2025-04-17"),
        ("Thursday, 17th April 2025", "2025-04-17"),
        ("April 17, 2025", "2025-04-17"),
        ("Sept. 3, 2025", "2025-09-03"),
        ("2025/04/17", "2025-04-17"),
        ("17.04.2025", "2025-04-17"),
        ("04/17/2025", "2025-04-17"),
        ("1744898400", "2025-04-17T14:00:00+00:00"),  # Unix seconds
        ("1744898400000", "2025-04-17T14:00:00+00:00"),  # Unix milliseconds
        ("03/04/2025", None),  # ambiguous: refused, not guessed
        ("2025-02-30", None),
        ("last Thursday", None),
        ("", None),
        (None, None),
    ],
)
def test_normalise_date(raw: str | None, iso: str | None) -> None:
    assert normalise_date(raw) == iso
