"""The standalone report in a real browser (Debian's chromium via Playwright), opened from a file.

A wide story (twelve outlets, a long feature) at phone and desktop widths: nothing fetched, no console
errors, nothing wider than the window, every reporting outlet of a claim on screen without scrolling
sideways, and the links a reader follows (outlet chips, summary claim ids) open what they point at.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pytest_playwright")

from wide_report import wide_report

from newsprism.report import to_html

# Elements that stick out past the right edge of the window or of their claim card.
OVERFLOW = """() => {
  const W = document.documentElement.clientWidth, out = [];
  for (const el of document.querySelectorAll("body *")) {
    const r = el.getBoundingClientRect();
    if (!r.width) continue;
    let clipped = false;
    for (let p = el.parentElement; p; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== "visible") { clipped = true; break; }
    }
    if (!clipped && r.right > W + 1) out.push(el.tagName + "." + el.className);
  }
  for (const card of document.querySelectorAll("#claims article.card")) {
    const edge = card.getBoundingClientRect().right;
    for (const cell of card.querySelectorAll(".cell")) {
      if (cell.getBoundingClientRect().right > edge + 1) out.push("cell beyond " + card.id);
    }
  }
  return {scroll: document.documentElement.scrollWidth, width: W, out: out.slice(0, 10)};
}"""


@pytest.fixture(scope="module")
def wide_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "wide.html"
    path.write_text(to_html(wide_report()), encoding="utf-8")
    return path


@pytest.mark.parametrize("width", [375, 1400])
def test_wide_report_fits_and_stays_offline(page: Any, wide_html: Path, width: int) -> None:
    requests: list[str] = []
    problems: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("dialog", lambda d: (problems.append("dialog " + d.message), d.dismiss()))
    page.set_viewport_size({"width": width, "height": 900})
    started = time.monotonic()
    page.goto(wide_html.as_uri(), wait_until="load")
    assert time.monotonic() - started < 15
    assert requests == [wide_html.as_uri()]  # standalone: nothing else is fetched
    assert problems == []
    fit = page.evaluate(OVERFLOW)
    assert fit["scroll"] == fit["width"] and fit["out"] == [], fit
    # The partial claim's six reporting outlets are all on screen, none hidden in a sideways scroll.
    cells = page.locator("#claim-c2 .cell")
    assert cells.count() == 6
    card = page.locator("#claim-c2").bounding_box()
    for i in range(6):
        box = cells.nth(i).bounding_box()
        assert card["x"] <= box["x"] and box["x"] + box["width"] <= card["x"] + card["width"] + 1
    assert page.locator("#claim-c2 .absent-line .chip").count() == 6
    assert "R&D cuts <script>alert(0)</script>" in page.locator("#sources").inner_text()


def test_links_open_what_they_point_at(page: Any, wide_html: Path) -> None:
    page.goto(wide_html.as_uri())
    assert page.evaluate("document.getElementById('text-s2').open") is False
    page.locator("#summary a.chip[href='#text-s2']").first.click()
    page.wait_for_function("document.getElementById('text-s2').open")  # the chip opens the source text
    page.locator("#text-s2 .fulltext").wait_for(state="visible")
    assert page.evaluate("document.getElementById('group-single').open") is False
    page.locator("#summary a.cid[href='#claim-c40']").click()
    page.wait_for_function("document.getElementById('group-single').open")  # its collapsed group opens
    page.locator("#claim-c40").wait_for(state="visible")
    page.wait_for_function(
        "() => { const r = document.getElementById('claim-c40').getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= window.innerHeight; }"
    )
    # Keyboard: the group's summary toggles with Enter and shows a focus ring.
    summary = page.locator("#group-single > summary")
    summary.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('group-single').open") is False
    assert summary.evaluate("el => getComputedStyle(el).outlineStyle") != "none"
