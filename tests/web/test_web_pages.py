"""Pages and API over a filled store, with the stand-in pipeline (fast; no models)."""

from __future__ import annotations

import json
import threading
import time
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("multipart")

from web_fixtures import FERRY_STORY, HOSTILE_STORY, FakePipeline

from newsprism.report.json import SCHEMA, check_offsets, from_json

SAME = {"origin": "http://testserver"}  # what a browser sends with a form on the app's own page


def analysed(client: Any, story: str) -> dict[str, Any]:
    """Ask for a story's report and wait for the background job; the JSON report."""
    r = client.get(f"/api/stories/{story}/report", params={"wait": True, "timeout": 20})
    assert r.status_code == 200, r.text
    return dict(r.json())


def test_list_shows_stories_outlets_and_filters(client: Any) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert "Ferry crews walk out over night shifts" in page.text
    assert "Harbour Gazette" in page.text and "not analysed yet" in page.text
    only = client.get("/", params={"outlet": "valley post"}).text
    assert "Brennock library shut" not in only  # the story title is its first article's
    assert "Library fire" in only and "Ferry crews walk out" not in only
    assert "Ferry crews" in client.get("/", params={"q": "ferry"}).text
    assert "Library fire" not in client.get("/", params={"q": "ferry"}).text
    assert "Library fire" not in client.get("/", params={"since": "2026-03-01"}).text
    assert "Ferry crews" not in client.get("/", params={"until": "2026-02-28"}).text
    data = client.get("/api/stories", params={"sort": "sources"}).json()
    assert [s["id"] for s in data["stories"]] == [FERRY_STORY, HOSTILE_STORY]
    assert data["stories"][0]["sources"] == 3 and data["stories"][0]["analysed"] is False


def test_story_is_analysed_once_in_background_then_cached(client: Any, fake: FakePipeline) -> None:
    first = client.get(f"/stories/{FERRY_STORY}")
    assert first.status_code == 200 and 'id="job"' in first.text  # the progress page
    report = analysed(client, FERRY_STORY)
    assert report["schema"] == SCHEMA and len(report["sources"]) == 3
    check_offsets(from_json(json.dumps(report)))
    page = client.get(f"/stories/{FERRY_STORY}")
    assert page.status_code == 200 and 'id="np-bar"' in page.text
    assert ",#np-bar,a.skip{display:none!important}" in page.text  # the app bar is not printed
    assert "Neutral summary" in page.text and 'class="ll authorial"' in page.text
    assert fake.calls == 1  # the second visit read the cached report
    listed = client.get("/api/stories", params={"sort": "loadedness"}).json()["stories"]
    assert listed[0]["id"] == FERRY_STORY and listed[0]["loadedness_spread"] == pytest.approx(0.6)


def test_outlet_page_aggregates_analysed_stories(client: Any) -> None:
    analysed(client, FERRY_STORY)
    api = client.get("/api/outlets/wirex").json()
    assert api["name"] == "Wirex" and api["wire"] == {"Wirex": 1} and api["wire_share"] == 1.0
    assert api["speakers"] == [{"name": "Ines Carver", "quotes": 1}]
    page = client.get("/outlets/Harbour Gazette")
    assert page.status_code == 200 and "<svg" in page.text and "Ines Carver" in page.text
    assert "60%" in page.text  # two loaded words in its one analysed story
    assert client.get("/outlets").text.count("/outlets/") >= 5
    assert client.get("/outlets/No Such Paper").status_code == 404


def test_hostile_article_text_renders_inert(client: Any) -> None:
    analysed(client, HOSTILE_STORY)
    for url in (f"/stories/{HOSTILE_STORY}", "/", "/outlets/Lakeside Courier"):
        html = client.get(url).text
        assert "<script>document.title" not in html and '<script>alert("title")' not in html, url
        assert "<img src=x" not in html, url
    story = client.get(f"/stories/{HOSTILE_STORY}").text
    assert "&lt;script&gt;document.title=" in story and "&lt;img src=x onerror=alert(1)&gt;" in story
    assert "&lt;script&gt;alert(" in story
    # Our own scripts are the only ones: the report's inline one.
    assert story.count("<script") == 1


def test_api_story_report_is_schema_v1_and_openapi_lists_routes(client: Any) -> None:
    pending = client.get(f"/api/stories/{FERRY_STORY}/report")
    assert pending.status_code == 202 and pending.json()["status_url"].startswith("/api/jobs/")
    assert analysed(client, FERRY_STORY)["schema"] == SCHEMA
    spec = client.get("/openapi.json").json()
    for path in ("/api/stories", "/api/stories/{story_id}/report", "/api/compare", "/api/outlets/{name}"):
        assert path in spec["paths"]
    assert client.get("/api/stories/nope").status_code == 404
    assert client.get("/api/docs").status_code == 404  # Swagger UI would load scripts from a CDN
    for url in ("/", "/compare", "/outlets", f"/stories/{FERRY_STORY}"):
        assert "cdn" not in client.get(url).text.lower(), url


def test_compare_api_accepts_text_and_html(client: Any) -> None:
    body = {
        "articles": [
            {
                "text": "Title: Quay closes\n\nThe old quay at Pellin closed on Friday for repairs, "
                "the port said."
            },
            {
                "html": "<html><body><article><h1>Pellin quay shut</h1><p>Pellin's old quay shut on Friday "
                "so that engineers can repair its wall, port officials said.</p></article></body></html>",
                "outlet": "Coast Weekly",
            },
        ]
    }
    r = client.post("/api/compare", json=body)
    assert r.status_code == 200, r.text
    report = r.json()
    assert report["schema"] == SCHEMA and [s["outlet"] for s in report["sources"]][1] == "Coast Weekly"
    assert (
        client.post("/api/compare", json={"articles": [{"text": "a", "url": "http://x"}]}).status_code == 422
    )
    assert client.post("/api/compare", json={"articles": []}).status_code == 422


def test_private_address_urls_are_refused(client: Any, make_client: Any) -> None:
    for url in (
        "http://127.0.0.1:8080/a",
        "http://10.0.0.7/story",
        "http://[::1]/x",
        "http://localhost/x",
        "http://169.254.169.254/latest/meta-data",
    ):
        r = client.post(
            "/api/compare", json={"articles": [{"url": url}, {"text": "Some words here to read."}]}
        )
        assert r.status_code == 400, url
        assert "refused" in r.json()["error"] and "--allow-private" in r.json()["error"]
    page = client.post("/compare", headers=SAME, data={"urls": "http://192.168.1.20/news", "text": ["", ""]})
    assert page.status_code == 400 and "private address" in page.text and "<html" in page.text


def test_oversize_upload_and_request_are_refused_clearly(make_client: Any) -> None:
    from newsprism.web._inputs import Limits

    client = make_client(limits=Limits(max_request_bytes=200_000, max_upload_bytes=20_000, max_articles=3))
    big = b"The ferry sailed. " * 2000  # 36 kB
    r = client.post("/compare", headers=SAME, files={"files": ("huge.txt", big, "text/plain")})
    assert r.status_code == 413
    assert "huge.txt" in r.text and "36 kB" in r.text and "upload limit of 20 kB" in r.text
    assert "above the upload limit" in r.text
    r = client.post("/compare", headers=SAME, files={"files": ("whole.txt", b"x" * 300_000, "text/plain")})
    assert r.status_code == 413 and "above this server&#39;s limit of 200 kB" in r.text  # an HTML page
    r = client.post("/api/compare", json={"articles": [{"text": "word " * 50_000}]})
    assert r.status_code == 413 and "limit" in r.json()["error"]
    many = {"articles": [{"text": f"Article number {i} has some words."} for i in range(4)]}
    r = client.post("/api/compare", json=many)
    assert r.status_code == 413 and "at most 3" in r.json()["error"]


def test_errors_are_pages_without_stack_traces(make_client: Any, fake: FakePipeline) -> None:
    client = make_client(raise_server_exceptions=False)

    def boom(*_a: Any, **_k: Any) -> Any:
        raise RuntimeError("secret internal detail")

    fake.analyse = boom  # type: ignore[method-assign]
    r = client.post("/api/compare", json={"articles": [{"text": "The quay closed on Friday for repairs."}]})
    assert r.status_code == 422 and "secret internal detail" not in r.text and "Traceback" not in r.text
    assert "server log" in r.json()["error"]
    missing = client.get("/stories/does-not-exist")
    assert missing.status_code == 404 and "<html" in missing.text and "story list" in missing.text
    assert client.get("/nowhere").status_code == 404


def test_analysis_does_not_block_other_requests(make_client: Any) -> None:
    gated = FakePipeline(gate=threading.Event())
    client = make_client(pipeline=gated)
    job = client.get(f"/api/stories/{FERRY_STORY}/report").json()
    deadline = time.monotonic() + 10
    while client.get(f"/api/jobs/{job['id']}").json()["stage"] != "waiting at the test gate":
        assert time.monotonic() < deadline
        time.sleep(0.02)
    started = time.perf_counter()
    assert client.get("/").status_code == 200
    assert client.get("/api/stories").status_code == 200
    assert time.perf_counter() - started < 5  # answered while the analysis is held
    status = client.get(f"/api/jobs/{job['id']}").json()
    assert status["status"] == "running" and "segmenting and embedding" in status["stages"]
    progress = client.get(f"/stories/{FERRY_STORY}")
    assert "waiting at the test gate" in progress.text  # the same job, not a second one
    gated.gate.set()  # type: ignore[union-attr]
    assert analysed(client, FERRY_STORY)["schema"] == SCHEMA
    assert gated.calls == 1


def test_cache_key_matches_story_service(store_path: Any, fake: FakePipeline) -> None:
    """Reports the CLI's story service cached are found by the app, and the other way round."""
    from typing import cast

    from newsprism.pipeline import Pipeline
    from newsprism.store import open_store, report_key
    from newsprism.stories import StoryService

    with open_store(store_path) as store:
        row = store.story(FERRY_STORY)
        assert row is not None
        StoryService(store, cast(Any, None)).report_json(row, cast(Pipeline, fake))
        assert store.get_report(row.id, report_key(row.article_ids, fake.settings)) is not None


def test_streamed_oversize_body_is_refused(make_client: Any) -> None:
    from newsprism.web._inputs import Limits

    client = make_client(limits=Limits(max_request_bytes=50_000))
    chunks = iter([b'{"articles": [{"text": "' + b"x" * 40_000, b"y" * 40_000 + b'"}]}'])
    r = client.post("/api/compare", content=chunks, headers={"content-type": "application/json"})
    assert r.status_code == 413 and "limit" in r.json()["error"]


def test_uploaded_files_and_fetched_urls_are_compared(make_client: Any, fake: FakePipeline) -> None:
    import dataclasses

    import httpx

    def site(request: httpx.Request) -> httpx.Response:
        page = (
            "<html><head><title>Pellin quay shut</title></head><body><article><h1>Pellin quay shut</h1>"
            "<p>Pellin's old quay shut on Friday so that engineers can repair its wall, officials said.</p>"
            "</article></body></html>"
        )
        return httpx.Response(200, text=page, headers={"content-type": "text/html; charset=utf-8"})

    fake.transport = httpx.MockTransport(site)
    fake.settings = dataclasses.replace(
        fake.settings, fetch=dataclasses.replace(fake.settings.fetch, allow_private=True)
    )
    client = make_client()
    text = b"Title: Quay closes\nOutlet: Port News\n\nThe old quay at Pellin closed on Friday for repairs."
    r = client.post(
        "/compare",
        headers=SAME,
        data={"urls": "https://news.example/quay\n", "text": ["", ""]},
        files={"files": ("quay.txt", text, "text/plain")},
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"].startswith("/jobs/")
    job = r.headers["location"].rsplit("/", 1)[-1]
    deadline = time.monotonic() + 20
    while client.get(f"/api/jobs/{job}").json()["status"] in ("queued", "running"):
        assert time.monotonic() < deadline
        time.sleep(0.02)
    report = client.get(f"/api/jobs/{job}/report").json()
    assert [s["outlet"] for s in report["sources"]] == ["news.example", "Port News"]  # texts, URLs, files
    page = client.get(f"/jobs/{job}")
    assert page.status_code == 200 and 'id="np-bar"' in page.text and "Pellin quay shut" in page.text


def test_failed_comparison_says_why(client: Any) -> None:
    r = client.post("/api/compare", json={"articles": [{"text": "Too short."}]})
    assert r.status_code == 422 and "none of the articles could be read" in r.json()["error"]
    assert "at least 5 words" in r.json()["error"]


def test_rendered_page_is_kept_and_cache_is_bounded(client: Any) -> None:
    from newsprism.web.app import PageCache

    analysed(client, FERRY_STORY)
    state = client.app.state.np
    assert any(k.startswith(f"story:{FERRY_STORY}:") for k in state.pages._pages)  # rendered by the job
    cache = PageCache(max_chars=10)
    cache.put("a", "12345")
    cache.put("b", "12345")
    assert cache.get("a") == "12345"  # now the most recent
    cache.put("c", "123")
    assert cache.get("b") is None and cache.get("a") == "12345" and cache.get("c") == "123"


def test_serve_runs_the_app_on_loopback(store_path: Any, tmp_path: Any) -> None:
    """``serve`` (what the CLI calls) starts a real server; stopped by the test."""
    import os
    import signal
    import subprocess
    import sys

    import httpx
    from web_fixtures import free_port

    port = free_port()
    code = (
        "import sys; from pathlib import Path; from newsprism.web import serve; "
        "serve(Path(sys.argv[1]), '127.0.0.1', int(sys.argv[2]))"
    )
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path)}
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(store_path), str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/", timeout=5)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "serve did not answer within 60 s"
                time.sleep(0.2)
        assert r.status_code == 200 and "Ferry crews walk out" in r.text
        assert "server" not in {k.lower() for k in r.headers}
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
        if proc.stderr is not None:
            proc.stderr.close()


@pytest.mark.parametrize("what", ["not a store", "missing"])
def test_serve_refuses_a_bad_store_at_start_up(tmp_path: Any, what: str) -> None:
    """QA: ``serve --store gen.py`` started, then answered every page with a 500; a missing path became
    an empty store. Both are refused before the server starts (the CLI turns this into exit 2)."""
    from newsprism.errors import UsageError
    from newsprism.web import serve

    path = tmp_path / ("gen.py" if what == "not a store" else "missing.sqlite")
    if what == "not a store":
        path.write_text("print('hello')\n" * 50)
    with pytest.raises(
        UsageError, match="not a newsprism store" if what == "not a store" else "does not exist"
    ):
        serve(path, "127.0.0.1", 1)
    assert path.exists() == (what == "not a store")


def test_importing_the_package_loads_no_web_framework() -> None:
    import subprocess
    import sys

    code = "import sys, newsprism.web; print([m for m in ('fastapi', 'uvicorn') if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.strip() == "[]"


def test_refused_compare_form_keeps_what_was_typed(client: Any) -> None:
    """A refused URL or file gives the form again with the message, the pasted texts and outlets kept."""
    hostile = 'Åsa Ødegård said "R&D" </textarea><script>alert(1)</script> stays text.'
    data = {
        "text": ["Zoë Marchetti said the slope was unsafe on Tuesday morning.", hostile, "A third text."],
        "outlet": ["Fjord Times", "Harbour <Review>", ""],
        "urls": "https://news.example/ok\nhttp://10.1.2.3/private",
    }
    page = client.post("/compare", headers=SAME, data=data)
    assert page.status_code == 400 and 'id="form-error"' in page.text and "private address" in page.text
    assert page.text.count('name="text"') == 3 and "Zoë Marchetti said the slope" in page.text
    assert (
        "&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
        and "<script>alert" not in page.text
    )
    assert 'value="Harbour &lt;Review&gt;"' in page.text and 'value="Fjord Times"' in page.text
    assert "https://news.example/ok\nhttp://10.1.2.3/private</textarea>" in page.text
    empty = client.post("/compare", headers=SAME, data={"text": ["", ""]})
    assert empty.status_code == 400 and "no articles were submitted" in empty.text
    assert empty.text.count('name="text"') == 2  # still a usable form


def _job_report(client: Any, location: str) -> dict[str, Any]:
    job = location.rsplit("/", 1)[-1]
    deadline = time.monotonic() + 20
    while client.get(f"/api/jobs/{job}").json()["status"] in ("queued", "running"):
        assert time.monotonic() < deadline
        time.sleep(0.02)
    return dict(client.get(f"/api/jobs/{job}/report").json())


def test_the_compare_form_takes_each_articles_author(client: Any) -> None:
    """The model keeps an article's author, but the form had no field for it."""
    form = client.get("/compare").text
    assert form.count('name="author"') == 2 and form.count('name="text"') == 2
    data = {
        "text": [
            "Title: Quay closes\n\nThe old quay at Pellin closed on Friday for repairs, the port said.",
            "By Tove Rask\n\nPellin's old quay shut on Friday so that engineers can repair its wall.",
            "Title: Quay work\nAuthor: Lars Pell\n\nRepairs to the old Pellin quay began on Friday.",
        ],
        "outlet": ["Port News", "Coast Weekly", "Pellin Radio"],
        "author": ["  Mara   Quill ", "", "Ines Carver"],  # the form's author wins over the text's own
    }
    r = client.post("/compare", headers=SAME, data=data, follow_redirects=False)
    assert r.status_code == 303, r.text
    report = _job_report(client, r.headers["location"])
    assert [(s["outlet"], s.get("author")) for s in report["sources"]] == [
        ("Port News", "Mara Quill"),
        ("Coast Weekly", "Tove Rask"),
        ("Pellin Radio", "Ines Carver"),
    ]
    page = client.get(r.headers["location"]).text  # shown beside the title, as the report shows it
    assert '<div class="by">by Mara Quill</div>' in page and '<div class="by">by Ines Carver</div>' in page
    # a refused request gives the form back with the authors typed
    data = {
        "text": ["Some words about the quay here.", ""],
        "author": ["Åsa <Ødegård>", ""],
        "urls": "http://10.0.0.1/a",
    }
    again = client.post("/compare", headers=SAME, data=data)
    assert again.status_code == 400 and 'value="Åsa &lt;Ødegård&gt;"' in again.text


def test_the_compare_api_takes_an_author(client: Any) -> None:
    body = {
        "articles": [
            {
                "text": "The old quay at Pellin closed on Friday for repairs, the port said.",
                "author": "Mara Quill",
            },
            {
                "html": "<html><body><article><h1>Pellin quay shut</h1><p>Pellin's old quay shut on Friday "
                "so that engineers can repair its wall, port officials said.</p></article></body></html>",
            },
        ]
    }
    r = client.post("/api/compare", json=body)
    assert r.status_code == 200, r.text
    assert [s.get("author") for s in r.json()["sources"]] == ["Mara Quill", None]
    assert "author" in client.get("/openapi.json").json()["components"]["schemas"]["ArticleIn"]["properties"]


def test_api_says_what_a_bad_body_should_be(client: Any) -> None:
    for body, said in ((b"", "has no body"), (b"notjson", "not valid JSON")):
        r = client.post("/api/compare", content=body, headers={"content-type": "application/json"})
        assert r.status_code == 422 and said in r.json()["error"] and '{"articles": [' in r.json()["error"]
    assert client.get("/favicon.ico").status_code == 204  # no 404 in the browser console


def test_a_stage_reported_twice_is_listed_once() -> None:
    from newsprism.web._jobs import JobRunner

    runner = JobRunner()

    def work(progress: Any) -> str:
        for stage in ("reading the articles", "reading the articles", "aligning claims"):
            progress(stage)
        return "{}"

    job = runner.submit("t", work)
    assert job.future is not None and job.future.result(10) == "{}"
    assert job.stages == ["reading the articles", "aligning claims"]
    runner.shutdown()


def test_oversize_form_post_gets_a_page_with_the_limit_and_the_way_back(make_client: Any) -> None:
    """The body is refused unread, so the page cannot refill the form: it says the limit and how to go on."""
    from newsprism.web._inputs import Limits

    client = make_client(limits=Limits(max_request_bytes=50_000))
    r = client.post("/compare", headers=SAME, data={"text": ["word " * 20_000, ""]})
    assert r.status_code == 413 and r.headers["content-type"].startswith("text/html")
    assert "<h1>Too large" in r.text and "limit of 50 kB in all" in r.text
    assert "several comparisons" in r.text and "browsers usually keep what was typed" in r.text
    assert '<a class="button" href="/compare" data-back>Back to the form</a>' in r.text
    api = client.post("/api/compare", json={"articles": [{"text": "word " * 20_000}]})
    assert api.status_code == 413 and "limit of 50 kB" in api.json()["error"]  # programs still get JSON
    form = client.get("/compare").text
    assert 'data-max-request="50000"' in form and 'id="size-error"' in form  # what the browser checks


def test_every_page_starts_with_a_skip_link(client: Any) -> None:
    import re

    def first_focusable(html: str) -> str:
        body = html[html.index("<body") :]
        return re.search(r"<(a|button|input|select|textarea|summary)\b[^>]*>", body).group(0)  # type: ignore[union-attr]

    skip = '<a class="skip" href="#content">'
    for path in ("/", "/compare", "/outlets", "/outlets/Harbour%20Gazette", "/nowhere"):
        html = client.get(path).text
        assert first_focusable(html).startswith(skip), path
        assert '<main class="wrap" id="content" tabindex="-1">' in html, path
    analysed(client, FERRY_STORY)
    report = client.get(f"/stories/{FERRY_STORY}").text
    assert first_focusable(report).startswith(skip)  # before the app's bar, not after it
    assert report.index(skip) < report.index('id="np-bar"') < report.index('id="content"')
    assert "<!--np-bar-->" not in report
