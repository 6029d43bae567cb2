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
    chip = page.locator("#summary a.chip[href^='#t-s2-']").first
    target = chip.get_attribute("href")[1:]
    chip.click()
    page.wait_for_function("document.getElementById('text-s2').open")  # the chip opens the source text
    page.locator(f"#{target}").wait_for(state="visible")  # ... at the outlet's sentence of the claim
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


@pytest.fixture
def sample_html(tmp_path: Path, sample_report: Any) -> Path:
    # the conftest's fixture, not an import of conftest: tests/web has a conftest module of its own
    path = tmp_path / "sample.html"
    path.write_text(to_html(sample_report), encoding="utf-8")
    return path


def test_phone_section_bar_keeps_expand_and_collapse_on_screen(page: Any, wide_html: Path) -> None:
    """At 375 px the buttons sit beside the section links, not at the end of a sideways scroll."""
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(wide_html.as_uri())
    bar = page.locator("nav.toc .wrap")
    assert bar.evaluate("el => el.scrollWidth <= el.clientWidth")  # only the link strip scrolls
    for name in ("Expand all", "Collapse all"):
        button = page.get_by_role("button", name=name)  # the accessible name keeps "all"
        box = button.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 375, (name, box)
    page.get_by_role("button", name="Collapse all").click()
    assert page.evaluate("[...document.querySelectorAll('details')].every(d => !d.open)")
    page.get_by_role("button", name="Expand all").click()
    assert page.evaluate("[...document.querySelectorAll('details')].every(d => d.open)")
    assert page.evaluate("document.documentElement.scrollWidth") == 375


def test_skip_link_comes_first_and_moves_focus(page: Any, sample_html: Path) -> None:
    page.goto(sample_html.as_uri())
    page.keyboard.press("Tab")
    skip = page.locator("a.skip")
    assert page.evaluate("document.activeElement.className") == "skip"
    box = skip.bounding_box()
    assert box is not None and box["y"] >= 0 and skip.inner_text() == "Skip to content"  # shown on focus
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.id === 'content'")
    page.keyboard.press("Tab")  # the next stop is inside the content, past the header and section bar
    assert page.evaluate("document.getElementById('content').contains(document.activeElement)")
    page.wait_for_function("document.getElementById('content').getBoundingClientRect().top < 100")


def test_language_tips_open_by_keyboard_and_are_described(page: Any, sample_html: Path) -> None:
    """One tab stop per source text, the arrow keys move between its terms, the tip shows on focus."""
    page.goto(sample_html.as_uri())
    stops = page.evaluate(
        "[...document.querySelectorAll('mark.ll[data-tip]')].filter(m => m.tabIndex === 0)"
        ".map(m => m.closest('.fulltext').parentElement.id)"
    )
    assert stops == ["text-s2", "text-s3"]  # not one per term: the texts with loaded language, once each
    tip = "el => getComputedStyle(el, '::after').content"
    page.locator("#text-s2 > summary a.chip").focus()  # the last stop before the text
    page.keyboard.press("Tab")
    first = page.locator("#text-s2 mark.ll").first
    assert page.evaluate("document.activeElement.textContent") == "tyrant"
    assert "neutral: President" in first.evaluate(tip)
    assert first.evaluate("el => getComputedStyle(el, '::after').display") != "none"
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.textContent") == "grandiose"
    assert "mocking" in page.evaluate(f"({tip})(document.activeElement)")
    assert first.evaluate("el => el.tabIndex") == -1  # the stop moved with the focus
    page.keyboard.press("Escape")  # dismissable without moving focus
    assert page.evaluate("getComputedStyle(document.activeElement, '::after').display") == "none"
    assert page.evaluate("document.activeElement.textContent") == "grandiose"
    page.keyboard.press("End")
    assert page.evaluate("document.activeElement.textContent") == "sham"
    page.keyboard.press("Tab")  # leaves the text: the other terms are not tab stops
    assert page.evaluate(
        "!document.getElementById('text-s2').querySelector('.fulltext').contains(document.activeElement)"
    )
    # What a screen reader gets: the word as the name, the tip in words as the description.
    page.locator("#text-s2 mark.ll").first.focus()
    cdp = page.context.new_cdp_session(page)
    nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    focused = [
        n
        for n in nodes
        if n.get("role", {}).get("value") == "mark"
        and any(p["name"] == "focused" and p["value"].get("value") for p in n.get("properties", []))
    ]
    assert len(focused) == 1
    assert focused[0]["name"]["value"] == "tyrant"
    assert focused[0]["description"]["value"] == (
        "loaded language: insult, the outlet's own words, score 0.93; neutral alternative: President"
    )
