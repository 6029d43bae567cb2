"""End to end in a real headless browser (Debian's chromium via Playwright) against a live server.

Each test starts chromium, which is slow on a small machine, so these are few and each checks a lot.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("pytest_playwright")

from web_fixtures import FERRY_STORY, HOSTILE_STORY

pytestmark = [pytest.mark.slow, pytest.mark.network]
REPORT_WAIT_MS = 180_000  # the first analysis also loads the models


def test_list_story_hover_and_screenshot(page: Any, live_server: Any, pytestconfig: Any) -> None:
    page.goto(live_server.url + "/")
    link = page.get_by_role("link", name="Ferry crews walk out over night shifts")
    link.wait_for()
    assert page.locator("table.stories tbody tr").count() == 2
    link.click()
    page.wait_for_selector("#np-bar", timeout=REPORT_WAIT_MS)  # progress page, then the report
    assert page.url.endswith(f"/stories/{FERRY_STORY}")
    assert page.locator("#summary ol.summary li").count() >= 1
    assert page.locator("#claims .card").count() >= 1
    assert page.locator("#sources tbody tr").count() == 3
    marked = page.locator("#language .fulltext mark.ll.authorial").first  # source texts are open
    marked.scroll_into_view_if_needed()
    before = marked.evaluate("el => getComputedStyle(el, '::after').content")
    marked.hover()
    after = marked.evaluate("el => getComputedStyle(el, '::after').content")
    assert before in ("none", "normal")
    assert "the outlet's own words" in after  # the tooltip shows the voice on hover
    shot = Path(pytestconfig.rootpath) / "test-artifacts" / "web" / "story-page.png"  # kept for CI
    shot.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000


def test_compare_two_pasted_articles(page: Any, live_server: Any) -> None:
    page.goto(live_server.url + "/compare")
    boxes = page.locator("textarea[name=text]")
    boxes.nth(0).fill(
        "Title: Council approves tram extension\nOutlet: Riverside Times\n\n"
        "The city council approved a 6-kilometre extension of the tram line to Oakfield on Wednesday.\n\n"
        '"This connects the east side at last," said transport chief Mara Lindqvist.\n\n'
        "Building starts in May and should take two years."
    )
    boxes.nth(1).fill(
        "Title: Tram plan finally passes\nOutlet: East End Echo\n\n"
        "After years of dithering, the council on Wednesday approved extending the tram line to Oakfield "
        "by six kilometres.\n\n"
        "Transport chief Mara Lindqvist said the line connects the east side at last.\n\n"
        "Work begins in May."
    )
    page.get_by_label("Author").nth(1).fill("Jonas Berg")
    page.get_by_role("button", name="Add another text").click()
    assert page.get_by_label("Author").count() == 3 and page.get_by_label("Author").nth(2).input_value() == ""
    page.get_by_role("button", name="Compare").click()
    page.wait_for_selector("#np-bar", timeout=REPORT_WAIT_MS)
    assert "/jobs/" in page.url
    body = page.locator("body").inner_text()
    assert "Riverside Times" in body and "East End Echo" in body
    assert page.locator("#sources .by").all_inner_texts() == ["by Jonas Berg"]  # beside its title
    assert "Neutral summary" in body


def test_hostile_article_stays_inert_in_the_browser(page: Any, live_server: Any) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{live_server.url}/stories/{HOSTILE_STORY}")
    page.wait_for_selector("#np-bar", timeout=REPORT_WAIT_MS)
    page.goto(f"{live_server.url}/")
    page.goto(f"{live_server.url}/stories/{HOSTILE_STORY}")
    page.wait_for_load_state("load")
    assert dialogs == []
    assert page.title() != "pwned"
    assert page.locator("img[src=x]").count() == 0
    assert "<script>document.title='pwned'</script>" in page.locator("body").inner_text()


def test_failed_comparison_stops_and_offers_a_retry(page: Any, live_server: Any, serve_app: Any) -> None:
    """A job that fails while its progress page is open turns into the error page with a retry link.

    (The page kept its spinner turning under 'shows the report when it is ready', with no way on.)
    """
    from web_fixtures import FakePipeline

    from newsprism.web._jobs import JobError

    class Failing(FakePipeline):
        def analyse(self, *args: Any, **kwargs: Any) -> Any:
            super().analyse(*args, **kwargs)  # waits at the gate, as a long analysis would
            raise JobError("the analyser gave up on these texts")

    gate = threading.Event()
    server = serve_app(Failing(gate=gate))
    page.goto(server.url + "/compare")
    boxes = page.locator("textarea[name=text]")
    boxes.nth(0).fill("The quay at Pellin closed on Friday for repairs, the harbour office said.")
    boxes.nth(1).fill("Harbour officials shut the Pellin quay on Friday to repair its wall.")
    page.get_by_role("button", name="Compare").click()
    page.wait_for_selector("#job .spinner")
    page.wait_for_function("document.getElementById('job-stage').textContent.includes('test gate')")
    gate.set()
    page.wait_for_selector("section.error", timeout=20_000)
    assert "/jobs/" in page.url and page.locator(".spinner").count() == 0
    assert "analyser gave up" in page.locator("section.error").inner_text()
    assert page.get_by_role("link", name="Try again").get_attribute("href") == "/compare"
    # A refused URL keeps the pasted text in the form, with the reason above it.
    page.goto(live_server.url + "/compare")
    page.locator("textarea[name=text]").nth(0).fill("Zoë Marchetti said the slope had been unsafe for years.")
    page.locator("textarea[name=urls]").fill("http://127.0.0.1:9/private")
    page.get_by_role("button", name="Compare").click()
    page.locator("#form-error").wait_for()
    assert "loopback" in page.locator("#form-error").inner_text()
    assert page.locator("textarea[name=text]").nth(0).input_value().startswith("Zoë Marchetti said")
    assert page.locator("textarea[name=urls]").input_value() == "http://127.0.0.1:9/private"


@pytest.mark.parametrize("path", ["/", "/compare", "/outlets", "/outlets/Harbour%20Gazette"])
def test_pages_fit_a_phone(page: Any, serve_app: Any, path: str) -> None:
    """At 375 px no page scrolls sideways (the top bar, the story table and the form pushed it to 608 px)."""
    from web_fixtures import FakePipeline

    server = serve_app(FakePipeline())
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(server.url + path)
    page.wait_for_load_state("load")
    assert page.evaluate("document.documentElement.scrollWidth") == 375
    assert page.get_by_role("link", name="Compare").first.is_visible()
    assert errors == []


def test_compare_form_checks_the_size_before_sending(page: Any, serve_app: Any) -> None:
    """Over the total limit, the browser says so and keeps the form (the server never reads such a body,
    so its 413 page could not give the pasted text back); forced past the check, the 413 page says what
    the limit is and leads back to the form."""
    from web_fixtures import FakePipeline

    from newsprism.web._inputs import Limits

    server = serve_app(FakePipeline(), limits=Limits(max_request_bytes=50_000, max_upload_bytes=20_000))
    posts: list[str] = []
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    page.goto(server.url + "/compare")
    long_text = "The harbour office said the Pellin quay shut on Friday for repairs.\n" * 900  # 62 kB
    boxes = page.locator("textarea[name=text]")
    boxes.nth(0).fill(long_text)
    boxes.nth(1).fill("Harbour officials shut the Pellin quay on Friday to repair its wall.")
    page.get_by_role("button", name="Compare").click()
    alert = page.locator("#size-error")
    alert.wait_for()
    said = alert.inner_text()
    assert "limit of 50 kB" in said and "Nothing was sent" in said and "still in the form" in said
    assert alert.get_attribute("role") == "alert"
    assert posts == [] and page.url == server.url + "/compare"
    assert boxes.nth(0).input_value() == long_text
    # An oversize file is caught too, before anything is sent.
    boxes.nth(0).fill("The Pellin quay shut on Friday.")
    page.locator("input[type=file]").set_input_files(
        {"name": "huge.txt", "mimeType": "text/plain", "buffer": b"quay " * 5_000}
    )
    page.get_by_role("button", name="Compare").click()
    page.wait_for_function("document.getElementById('size-error').textContent.includes('huge.txt')")
    assert "upload limit of 20 kB" in alert.inner_text() and posts == []
    # Under the limits it is sent as before.
    page.locator("input[type=file]").set_input_files([])
    page.get_by_role("button", name="Compare").click()
    page.wait_for_url("**/jobs/*")
    assert len(posts) == 1
    # Past the check (a script that skips it): the server's page names the limit and the way back.
    page.goto(server.url + "/compare")
    page.locator("textarea[name=text]").nth(0).fill(long_text)
    page.evaluate("document.getElementById('compare-form').submit()")  # submit() fires no submit event
    page.locator("section.error").wait_for()
    text = page.locator("section.error").inner_text()
    assert "Too large" in text and "limit of 50 kB" in text and "Back to the form" in text
    page.get_by_role("link", name="Back to the form").click()
    page.wait_for_url(server.url + "/compare")
