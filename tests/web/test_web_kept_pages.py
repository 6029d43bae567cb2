"""Story pages kept in the store (served after a restart without rendering) and the cross-site POST check."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

pytest.importorskip("fastapi")
pytest.importorskip("multipart")

from web_fixtures import FERRY_STORY, HOSTILE_STORY, FakePipeline, make_article

from newsprism.store import SqliteStore, StoryUpdate

SAME = {"origin": "http://testserver"}


def analysed(client: Any, story: str) -> str:
    r = client.get(f"/api/stories/{story}/report", params={"wait": True, "timeout": 20})
    assert r.status_code == 200, r.text
    return str(r.text)


def no_rendering(client: Any) -> list[str]:
    """Make the app fail loudly if it renders a report; the list records attempts."""
    attempts: list[str] = []

    def refuse(report: Any) -> str:
        attempts.append(report.sources[0].id if report.sources else "")
        raise AssertionError("the story page was rendered again")

    client.app.state.np.reports.render = refuse
    return attempts


# --------------------------------------------------------------------------- pages kept across restarts


def test_restarted_server_serves_the_kept_page_without_rendering(
    make_client: Any, fake: FakePipeline, store_path: Path
) -> None:
    first = make_client()
    analysed(first, FERRY_STORY)
    page = first.get(f"/stories/{FERRY_STORY}").text
    restarted = make_client()  # a new app over the same store: empty memory, same settings
    attempts = no_rendering(restarted)
    again = restarted.get(f"/stories/{FERRY_STORY}")
    assert again.status_code == 200 and again.text == page and 'id="np-bar"' in page
    assert attempts == [] and fake.calls == 1
    with SqliteStore(store_path) as store:  # the JSON report is still what "latest" means
        latest = store.latest_report(FERRY_STORY)
    assert latest is not None and latest.startswith("{")


def test_page_rendered_on_first_view_is_kept_for_reports_cached_without_one(
    make_client: Any, store_path: Path
) -> None:
    first = make_client()
    report = analysed(first, HOSTILE_STORY)
    state = first.app.state.np
    with SqliteStore(store_path) as store:  # as if the CLI had cached the report: no page yet
        store.put_report(HOSTILE_STORY, "other-key", report)
        row = store.story(HOSTILE_STORY)
        assert row is not None
        key = state._page_key(row)
        assert store.get_page(HOSTILE_STORY, key) is not None
        store.reset_stories()
    # reset_stories dropped reports and pages together
    with SqliteStore(store_path) as store:
        assert store.get_page(HOSTILE_STORY, key) is None


def test_new_member_invalidates_the_kept_page(make_client: Any, fake: FakePipeline, store_path: Path) -> None:
    client = make_client()
    analysed(client, FERRY_STORY)
    with SqliteStore(store_path) as store:
        row = store.story(FERRY_STORY)
        assert row is not None
        old_key = client.app.state.np._page_key(row)
        assert store.get_page(FERRY_STORY, old_key) is not None
        extra = make_article(
            "Quay Times",
            "Ferry strike enters second day",
            "2026-03-04",
            "Crews on the Brennock ferries stayed ashore for a second day on Wednesday. "
            "The operator said talks would resume on Friday.",
        )
        store.commit_batch(
            [extra],
            np.zeros((1, 4), dtype=np.float32),
            {extra.id: FERRY_STORY},
            [StoryUpdate(FERRY_STORY, row.title, row.first_seen, "2026-03-04")],
            {},
        )
        assert store.get_page(FERRY_STORY, old_key) is None  # dropped with the story's reports
    restarted = make_client()
    assert 'id="job"' in restarted.get(f"/stories/{FERRY_STORY}").text  # analysed again, not stale
    analysed(restarted, FERRY_STORY)
    assert fake.calls == 2
    assert "Quay Times" in restarted.get(f"/stories/{FERRY_STORY}").text


def test_page_key_follows_title_and_layout(make_client: Any, store_path: Path) -> None:
    state = make_client().app.state.np
    with SqliteStore(store_path) as store:
        row = store.story(FERRY_STORY)
    assert row is not None
    key = state._page_key(row)
    renamed = type(row)(row.id, row.title + " (updated)", row.first_seen, row.last_seen, row.article_ids)
    assert state._page_key(renamed) != key
    state._layout = "another-version"
    assert state._page_key(row) != key


# --------------------------------------------------------------------------- cross-site POSTs


FORM = {"text": ["The quay closed on Friday for repairs to its old timbers.", ""]}


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "https://evil.example"},
        {"origin": "http://testserver:8080"},  # another port is another origin
        {"origin": "null"},  # a sandboxed frame or data: page
        {"referer": "https://evil.example/page.html"},
        {},  # a browser always names the sender of a form post; nothing named is refused
    ],
)
def test_compare_form_refuses_cross_site_posts(
    client: Any, fake: FakePipeline, headers: dict[str, str]
) -> None:
    r = client.post("/compare", data=FORM, headers=headers, follow_redirects=False)
    assert r.status_code == 403 and "<html" in r.text and "refused" in r.text
    assert "this server" in r.text
    assert fake.calls == 0 and client.app.state.np.jobs._jobs == {}


@pytest.mark.parametrize(
    "headers", [SAME, {"referer": "http://testserver/compare"}, {**SAME, "referer": "https://x.example/"}]
)
def test_compare_form_from_own_page_is_accepted(client: Any, headers: dict[str, str]) -> None:
    r = client.post("/compare", data=FORM, headers=headers, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/jobs/")


def test_api_refuses_foreign_origin_but_serves_programs(client: Any, fake: FakePipeline) -> None:
    body = {
        "articles": [{"text": "The quay closed on Friday for repairs to its old timbers."}],
        "wait": False,
    }
    r = client.post("/api/compare", json=body, headers={"origin": "https://evil.example"})
    assert r.status_code == 403 and "another website (https://evil.example)" in r.json()["error"]
    assert client.post("/api/compare", json=body, headers={"origin": "null"}).status_code == 403
    assert fake.calls == 0
    assert client.post("/api/compare", json=body).status_code == 202  # curl: no Origin
    assert client.post("/api/compare", json=body, headers=SAME).status_code == 202
    assert client.get("/api/stories", headers={"origin": "https://evil.example"}).status_code == 200


def test_trusted_origin_may_post_and_pages_send_origin(make_client: Any) -> None:
    client = make_client(trusted_origins=["https://News.Example.org/"])
    ok = client.post(
        "/compare", data=FORM, headers={"origin": "https://news.example.org"}, follow_redirects=False
    )
    assert ok.status_code == 303
    page = client.get("/compare")
    # no-referrer would make browsers send "Origin: null" with our own form, which the check refuses
    assert page.headers["referrer-policy"] == "same-origin"


def test_cross_site_reason_is_plain() -> None:
    from newsprism.web.app import cross_site_reason

    host = {b"host": b"127.0.0.1:8000"}
    assert cross_site_reason("GET", "/compare", {**host, b"origin": b"https://evil.example"}) is None
    assert cross_site_reason("POST", "/compare", {**host, b"origin": b"http://127.0.0.1:8000"}) is None
    assert (
        cross_site_reason("POST", "/compare", {b"host": b"localhost", b"origin": b"http://LOCALHOST:80"})
        is None
    )
    assert cross_site_reason("POST", "/api/compare", host) is None
    reason = cross_site_reason("POST", "/compare", {**host, b"origin": b"http://127.0.0.1:9000"})
    assert reason == "it was sent from another website (http://127.0.0.1:9000)"
    assert "no origin" in (cross_site_reason("POST", "/api/x", {**host, b"origin": b"file://"}) or "")
