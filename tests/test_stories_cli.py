"""The store commands end to end with the real models: ingest a folder and a feed file, list stories as
JSON, print one story's report, and ingest again without duplicates."""

from __future__ import annotations

import http.server
import json
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from local_http import serve
from newsprism.cli_store import register_store_commands

sys.path.insert(0, str(Path(__file__).parent / "cluster"))
from story_fixtures import EVENTS

pytestmark = pytest.mark.slow

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Mirel Chess Weekly</title>
<item><title>Okoro is Brandt Cup champion</title><link>https://mirel-chess.example/okoro</link>
<pubDate>Wed, 02 Apr 2031 18:00:00 GMT</pubDate>
<description>Tolu Okoro beat Sven Haldor in Mirel on Tuesday to win the Brandt Cup final, the
deciding game running to 41 moves.</description></item></channel></rss>"""


def _app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def _root() -> None:
        """Test app."""

    register_store_commands(app)
    return app


def test_ingest_list_report_and_reingest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    folder = tmp_path / "news"
    folder.mkdir()
    for name, items in EVENTS.items():
        for i, (outlet, date, title, text) in enumerate(items):
            body = f"Title: {title}\nOutlet: {outlet}\nDate: {date}\n\n{text}\n"
            (folder / f"{name}-{i}.txt").write_text(body, encoding="utf-8")
    feed = tmp_path / "chess.rss"
    feed.write_text(RSS, encoding="utf-8")
    runner = CliRunner()
    app = _app()

    done = runner.invoke(app, ["ingest", str(folder), str(feed), "-q"])
    assert done.exit_code == 0, done.output
    assert (tmp_path / "data" / "newsprism" / "store.sqlite").exists()  # the default store

    listed = runner.invoke(app, ["stories", "--format", "json"])
    assert listed.exit_code == 0, listed.output
    stories = json.loads(listed.stdout)
    assert sorted(len(s["articles"]) for s in stories) == [3, 3, 4]
    for s in stories:
        assert set(s) == {"id", "title", "first_seen", "last_seen", "articles"}
        for a in s["articles"]:
            assert set(a) == {"id", "url", "outlet", "title", "published", "published_at"}
    chess = next(s for s in stories if any("Okoro" in a["title"] for a in s["articles"]))
    assert "Mirel Chess Weekly" in {a["outlet"] for a in chess["articles"]}

    again = runner.invoke(app, ["ingest", str(folder), str(feed), "-q"])
    assert again.exit_code == 0
    assert json.loads(runner.invoke(app, ["stories", "--format", "json"]).stdout) == stories

    report = runner.invoke(app, ["story", chess["id"][:8], "--format", "json"])
    assert report.exit_code == 0, report.output
    assert len(json.loads(report.stdout)["sources"]) == 4

    table = runner.invoke(app, ["stories"])
    assert table.exit_code == 0 and "Brandt" in table.stdout

    missing = runner.invoke(app, ["story", "nope"])
    assert missing.exit_code == 2


def test_story_settings_from_the_settings_file_reach_ingest(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for name, items in EVENTS.items():
        for i, (outlet, date, title, text) in enumerate(items):
            (folder / f"{name}-{i}.txt").write_text(
                f"Title: {title}\nOutlet: {outlet}\nDate: {date}\n\n{text}\n"
            )
    strict = tmp_path / "strict.toml"
    strict.write_text("[stories]\nthreshold = 0.99\nmerge_threshold = 1\n")  # no article is close enough
    store = str(tmp_path / "s.sqlite")
    runner, app = CliRunner(), _app()
    done = runner.invoke(app, ["ingest", str(folder), "--store", store, "--config", str(strict), "-q"])
    assert done.exit_code == 0, done.output
    stories = json.loads(runner.invoke(app, ["stories", "--store", store, "--format", "json"]).stdout)
    assert len(stories) == sum(len(items) for items in EVENTS.values())


def test_identical_files_naming_no_outlet_are_stored_once(tmp_path: Path) -> None:
    """Each copy was known by its file name, so the second was stored as another outlet's reprint."""
    _title, text = EVENTS[next(iter(EVENTS))][0][2:]
    for name in ("ferry.txt", "ferry (2).txt"):
        (tmp_path / name).write_text(f"{text}\n", encoding="utf-8")
    store = str(tmp_path / "s.sqlite")
    runner, app = CliRunner(), _app()
    done = runner.invoke(
        app, ["ingest", str(tmp_path / "ferry.txt"), str(tmp_path / "ferry (2).txt"), "--store", store]
    )
    assert done.exit_code == 0, done.output
    assert "1 new article, 1 exact copy" in " ".join(done.output.split())
    stories = json.loads(runner.invoke(app, ["stories", "--store", store, "--format", "json"]).stdout)
    assert [a["outlet"] for s in stories for a in s["articles"]] == ["ferry"]


class _FeedHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/chess.rss":
            body, status = RSS.encode(), 200
        else:
            body, status = b"down for maintenance", 503
        self.send_response(status)
        self.send_header("content-type", "application/rss+xml")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.mark.network
def test_watch_one_round_from_opml_then_recluster(tmp_path: Path) -> None:
    with serve(_FeedHandler) as port:
        base = f"http://127.0.0.1:{port}"
        opml = tmp_path / "feeds.opml"
        opml.write_text(
            f'<opml version="2.0"><body><outline xmlUrl="{base}/down.rss"/>'
            f'<outline xmlUrl="{base}/chess.rss"/></body></opml>',
            encoding="utf-8",
        )
        store = tmp_path / "s.sqlite"
        app = _app()
        runner = CliRunner()
        args = [
            "watch",
            str(opml),
            "--rounds",
            "1",
            "--every",
            "1m",
            "--store",
            str(store),
            "--allow-private",
        ]
        done = runner.invoke(app, args)
        assert done.exit_code == 0, done.output
        listed = json.loads(runner.invoke(app, ["stories", "-f", "json", "--store", str(store)]).stdout)
        assert [a["title"] for s in listed for a in s["articles"]] == ["Okoro is Brandt Cup champion"]
        again = runner.invoke(app, ["recluster", "--store", str(store), "-q"])
        assert again.exit_code == 0, again.output
        assert (
            len(json.loads(runner.invoke(app, ["stories", "-f", "json", "--store", str(store)]).stdout)) == 1
        )


@pytest.mark.parametrize("command", [["stories"], ["story", "st1"], ["recluster"]])
def test_read_only_commands_refuse_a_missing_store(tmp_path: Path, command: list[str]) -> None:
    path = tmp_path / "nodir" / "x.sqlite"
    done = CliRunner().invoke(_app(), [*command, "--store", str(path)])
    assert done.exit_code == 2 and "does not exist" in done.output
    assert not (tmp_path / "nodir").exists()


def test_watch_says_what_it_takes(tmp_path: Path) -> None:
    """QA: a missing OPML path was polled as a URL (exit 0, forever without --rounds); a feed file gave
    'no feeds to watch'; a round in which every feed was refused exited 0."""
    app, runner = _app(), CliRunner()
    store = ["--store", str(tmp_path / "w.sqlite"), "--rounds", "1"]
    missing = runner.invoke(app, ["watch", str(tmp_path / "nonexist.opml"), *store])
    assert missing.exit_code == 2 and "no such file" in missing.output
    feed = tmp_path / "chess.rss"
    feed.write_text(RSS, encoding="utf-8")
    local = runner.invoke(app, ["watch", str(feed), *store])
    assert local.exit_code == 2 and "newsprism ingest" in local.output
    ftp = runner.invoke(app, ["watch", "ftp://example.org/feed.xml", *store])
    assert ftp.exit_code == 2 and "ftp:// feeds are not polled" in ftp.output
    as_url = runner.invoke(app, ["watch", feed.as_uri(), *store])  # file:// names the same local file
    assert as_url.exit_code == 2 and "newsprism ingest" in as_url.output
    refused = runner.invoke(app, ["watch", "http://127.0.0.1:9/feed.xml", *store])
    assert refused.exit_code == 1, refused.output
    assert "--allow-private" in refused.output and "no feed answered" in refused.output


def test_story_names_the_stories_an_ambiguous_prefix_starts(tmp_path: Path) -> None:
    import numpy as np

    from newsprism.store import StoryUpdate, open_store

    path = tmp_path / "s.sqlite"
    heads = [StoryUpdate(f"st{n}abc", f"Story {n}", "2031-04-02", "2031-04-02") for n in range(8)]
    with open_store(path) as store:
        store.commit_batch([], np.zeros((0, 0), np.float32), {}, heads, {})
    done = CliRunner().invoke(_app(), ["story", "st", "--store", str(path)])
    assert done.exit_code == 2 and "starts more than one story" in done.output
    assert "st0abc" in done.output and "no story" not in done.output
