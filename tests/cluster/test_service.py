"""The story service over a real SQLite store: stories form, re-ingest is idempotent, kill -9 is safe."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from story_fixtures import EVENTS, HashEmbedder, ScriptedClusterer, make_article

from newsprism.cluster import Placement, StorySettings, bcubed, cluster_articles
from newsprism.ingest import read_articles
from newsprism.model import Article
from newsprism.settings import Settings
from newsprism.store import open_store
from newsprism.stories import StoryService
from store_cli import store_app


def test_online_clusterer_separates_the_fictional_events(
    event_articles: list[tuple[str, Article]], hash_embedder: HashEmbedder
) -> None:
    gold = [g for g, _a in event_articles]
    arts = [a for _g, a in event_articles]
    vectors = hash_embedder.encode([f"{a.title}\n{a.text}" for a in arts])
    labels = cluster_articles(arts, vectors, StorySettings(index="exact"))
    assert bcubed(gold, labels)[2] == 1.0


def test_time_window_keeps_a_later_event_apart(hash_embedder: HashEmbedder) -> None:
    name = "ferry"
    first = [make_article(*item) for item in EVENTS[name]]
    outlet, _date, title, text = EVENTS[name][0]
    later = make_article(outlet, "2031-06-20", title, text + " A second grounding, months later.")
    arts = [*first, later]
    labels = cluster_articles(
        arts, hash_embedder.encode([a.text for a in arts]), StorySettings(index="exact")
    )
    assert len(set(labels[:3])) == 1 and labels[3] != labels[0]


def _write_folder(folder: Path) -> None:
    folder.mkdir()
    for name, items in EVENTS.items():
        for i, (outlet, date, title, text) in enumerate(items):
            body = f"Title: {title}\nOutlet: {outlet}\nDate: {date}\n\n{text}\n"
            (folder / f"{name}-{i}.txt").write_text(body, encoding="utf-8")


def test_ingesting_the_same_folder_twice_adds_no_duplicates(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    _write_folder(folder)
    store = open_store(tmp_path / "s.sqlite")
    service = StoryService(store, HashEmbedder(), StorySettings(index="exact"), batch_size=4)
    articles, skipped = read_articles([str(folder)], Settings())
    assert not skipped and len(articles) == 9
    done: list[int] = []
    first = service.ingest(articles, progress=done.append)
    assert first.added == 9 and first.duplicates == 0
    assert done == [4, 4, 1]  # each batch reports when it is placed (the CLI's progress bar)
    stories = store.stories()
    assert sorted(len(s.article_ids) for s in stories) == [3, 3, 3]

    again = StoryService(store, HashEmbedder(), StorySettings(index="exact"))  # a new process, same store
    second = again.ingest(read_articles([str(folder)], Settings())[0])
    assert second.added == 0 and second.duplicates == 9
    assert store.count_articles() == 9
    assert [s.article_ids for s in store.stories()] == [s.article_ids for s in stories]
    store.close()


def test_a_new_process_keeps_adding_to_the_open_stories(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.sqlite")
    arts = [make_article(*item) for items in EVENTS.values() for item in items]
    StoryService(store, HashEmbedder(), StorySettings(index="exact")).ingest(arts[:2] + arts[3:5] + arts[6:8])
    StoryService(store, HashEmbedder(), StorySettings(index="exact")).ingest([arts[2], arts[5], arts[8]])
    assert sorted(len(s.article_ids) for s in store.stories()) == [3, 3, 3]
    store.close()


def test_a_late_article_joins_its_story_after_newer_news(tmp_path: Path) -> None:
    """QA: an article for a story older than the window before the store's newest started a new story
    (the candidates were the stories near the newest article, not near the article's own date)."""
    store = open_store(tmp_path / "s.sqlite")
    ferry = [make_article(*item) for item in EVENTS["ferry"]]
    outlet, _date, title, text = EVENTS["vote"][0]
    later = make_article(outlet, "2031-09-01", title, text)
    StoryService(store, HashEmbedder(), StorySettings(index="exact")).ingest([*ferry[:2], later])
    service = StoryService(store, HashEmbedder(), StorySettings(index="exact"))  # a new process
    got = service.ingest([ferry[2]])
    assert (got.added, got.new_stories) == (1, 0)
    assert sorted(len(s.article_ids) for s in store.stories()) == [1, 3]
    outlet, _date, title, text = EVENTS["vote"][1]
    service.ingest([make_article(outlet, "2031-09-02", title, text)])
    assert service.clusterer.story(got.story_of[ferry[2].id]) is None  # it left memory again
    store.close()


def test_backfilling_an_archive_newest_first_gives_the_same_stories(tmp_path: Path) -> None:
    months = {"ferry": "2031-04", "vote": "2031-06", "chess": "2031-08"}
    arts = {
        name: [make_article(o, months[name] + d[7:], t, x) for o, d, t, x in items]
        for name, items in EVENTS.items()
    }
    store = open_store(tmp_path / "s.sqlite")
    for name in ("chess", "vote", "ferry"):  # each month's folder, newest first, one file at a time
        for a in arts[name]:
            StoryService(store, HashEmbedder(), StorySettings(index="exact")).ingest([a])
    got = sorted(sorted(s.article_ids) for s in store.stories())
    assert got == sorted(sorted(a.id for a in items) for items in arts.values())
    store.close()


def test_recluster_rebuilds_the_same_stories(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.sqlite")
    service = StoryService(store, HashEmbedder(), StorySettings(index="exact"))
    service.ingest([make_article(*item) for items in EVENTS.values() for item in items])
    before = sorted(sorted(s.article_ids) for s in store.stories())
    service.recluster()
    assert sorted(sorted(s.article_ids) for s in store.stories()) == before
    store.close()


def test_a_chain_of_merges_within_one_batch_ends_at_the_last_story(tmp_path: Path) -> None:
    """Stored story B folds into A, a story of this batch, which then folds into C: B's articles go to C
    (a merge into A, which never reaches the store, would break its foreign key)."""
    store = open_store(tmp_path / "s.sqlite")
    service = StoryService(store, HashEmbedder())
    b1 = make_article(*EVENTS["vote"][0])
    a1, a2, c1 = (make_article(*item) for item in EVENTS["ferry"])  # in publication order
    service._clusterer = ScriptedClusterer(  # type: ignore[assignment]
        {
            b1.id: Placement(b1.id, "B", True, 1.0),
            a1.id: Placement(a1.id, "A", True, 1.0),
            a2.id: Placement(a2.id, "A", False, 1.0, merged=("B",)),
            c1.id: Placement(c1.id, "C", True, 1.0, merged=("A",)),
        }
    )
    service.ingest([b1])
    result = service.ingest([a1, a2, c1])
    assert [(s.id, sorted(s.article_ids)) for s in store.stories()] == [
        ("C", sorted(x.id for x in (b1, a1, a2, c1)))
    ]
    assert set(result.story_of.values()) == {"C"}
    store.close()


_WORKER = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {tests!r})
    from story_fixtures import HashEmbedder
    from newsprism.cluster import StorySettings
    from newsprism.model import Article
    from newsprism.ingest import article_id
    from newsprism.store import open_store
    from newsprism.stories import StoryService

    def slow_commit(n):
        print("committed", n, flush=True)
        time.sleep(0.15)

    arts = []
    for i in range(400):
        text = f"Fictional item {{i}}: the Brell river festival number {{i % 40}} drew crowds, they said."
        arts.append(Article(id=article_id(text), text=text, title=f"Festival {{i % 40}}", outlet="Brell Post",
                            published=f"2031-05-{{i % 28 + 1:02d}}"))
    store = open_store(sys.argv[1])
    StoryService(store, HashEmbedder(), StorySettings(index="exact"), batch_size=10,
                 on_commit=slow_commit).ingest(arts)
    print("done", flush=True)
    """
)


def test_kill_minus_nine_mid_ingest_loses_nothing_committed(tmp_path: Path) -> None:
    script = tmp_path / "worker.py"
    script.write_text(_WORKER.format(tests=str(Path(__file__).parent)), encoding="utf-8")
    db = tmp_path / "s.sqlite"
    proc = subprocess.Popen([sys.executable, str(script), str(db)], stdout=subprocess.PIPE, text=True)
    committed = 0
    deadline = time.monotonic() + 60
    assert proc.stdout is not None
    while committed < 50 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if line.startswith("committed"):
            committed = int(line.split()[1])
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    proc.stdout.close()
    assert committed >= 50

    store = open_store(db)
    assert store.integrity() == "ok"
    kept = store.count_articles()
    assert committed <= kept < 400 and kept % 10 == 0  # whole batches only
    in_stories = sum(len(s.article_ids) for s in store.stories())
    assert in_stories == kept  # every committed article has its story
    store.close()

    rerun = subprocess.run(
        [sys.executable, str(script), str(db)], capture_output=True, text=True, timeout=120
    )
    assert rerun.returncode == 0 and "done" in rerun.stdout
    store = open_store(db)
    assert store.count_articles() == 400
    assert sum(len(s.article_ids) for s in store.stories()) == 400
    store.close()


def test_a_story_is_titled_in_the_words_its_outlets_share(tmp_path: Path) -> None:
    """The tabloid arrives first, but its framing is its own: the story takes the most shared headline."""
    lead = "Troops loyal to General Orlov took control of the Kerrin ferry port on Tuesday night"
    items = [
        (
            "The Daily Blare",
            "Tyrant Orlov grabs ferry port in bizarre midnight stunt",
            f"{lead}, in a stunt.",
        ),
        ("Wire", "Orlov's troops take control of Kerrin ferry port", f"{lead}, officials said."),
        ("Partisan Post", "Orlov restores order at grateful Kerrin", f"{lead}, to cheers."),
    ]
    store = open_store(tmp_path / "s.sqlite")
    lumping = StorySettings(threshold=-10.0, merge_threshold=10.0, index="exact")
    StoryService(store, HashEmbedder(), lumping).ingest(
        [make_article(outlet, "2031-05-06", title, text) for outlet, title, text in items]
    )
    (story,) = store.stories()
    assert story.title == "Orlov's troops take control of Kerrin ferry port"


def test_a_loaded_headline_is_not_the_story_title_even_when_most_shared() -> None:
    """QA: the list showed 'Merrowby under water: chaos as Tolland floods town' (its words are the most
    shared) while the report's headline rule passes over 'chaos'; the list now uses that same rule."""
    from newsprism.cluster.online import _typical_title

    titles = [
        "Merrowby under water: chaos as Tolland floods town",
        "Three killed as floods sweep through Merrowby",
        "Tolland river bursts its banks in Merrowby, three dead",
    ]
    vocabulary = {"merrowby": 3.0, "tolland": 2.0, "flood": 3.0, "town": 2.0, "water": 1.0}
    assert _typical_title(titles, vocabulary) != titles[0]
    assert _typical_title(titles[:1], vocabulary) == titles[0]  # with nothing plainer, it is still a title


def test_store_messages_count_in_the_singular_and_name_the_copies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA: '1 new articles', '1 new stories'; and which inputs were read as copies was not said."""
    runner, app = store_app(monkeypatch, HashEmbedder())
    folder = tmp_path / "news"
    folder.mkdir()
    outlet, date, title, text = EVENTS["ferry"][0]
    for name in ("wire.txt", "wire-again.txt"):
        (folder / name).write_text(f"Title: {title}\nOutlet: {outlet}\nDate: {date}\n\n{text}\n")
    store = str(tmp_path / "s.sqlite")
    done = runner.invoke(app, ["ingest", str(folder), "--store", store])
    assert done.exit_code == 0, done.output
    said = " ".join(done.stderr.split())
    assert "1 new article, 1 exact copy of articles in this run; 1 new story," in said
    assert "copies: wire.txt (copy of wire-again.txt)" in said  # read in path order
    again = runner.invoke(app, ["recluster", "--store", store])
    assert "1 story (0 merges, 0 cut in two) from 1 article; 1 kept its id" in " ".join(again.stderr.split())


def test_the_story_list_keeps_ids_and_dates_whole_in_80_columns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA: in 80 columns the list cut the story id and both dates and wrapped titles a word a line."""
    runner, app = store_app(monkeypatch, HashEmbedder())
    store = open_store(tmp_path / "s.sqlite")
    service = StoryService(store, HashEmbedder(), StorySettings(index="exact"))
    timed = [make_article(o, d + "T18:30:00+00:00", t, x) for o, d, t, x in EVENTS["vote"]]
    service.ingest([*timed, *(make_article(*item) for item in EVENTS["ferry"])])
    rows = store.stories()
    store.close()
    for columns in (80, 60):
        monkeypatch.setenv("COLUMNS", str(columns))
        shown = runner.invoke(app, ["stories", "--store", str(tmp_path / "s.sqlite")])
        assert shown.exit_code == 0, shown.output
        lines = shown.stdout.splitlines()
        assert max(len(line) for line in lines) <= columns
        for row in rows:  # the id and both days, whole, on the story's first line
            line = next(line for line in lines if line.startswith(row.id + " "))
            assert "2031-04-02" in line
        assert len([line for line in lines if line.strip()]) < 20  # no titles a word a line
    listed = json.loads(
        runner.invoke(app, ["stories", "--store", str(tmp_path / "s.sqlite"), "--format", "json"]).stdout
    )
    vote = next(s for s in listed if s["articles"][0]["outlet"] == "Harbour Wire" and "Tarnow" in s["title"])
    assert (vote["first_seen"], vote["last_seen"]) == ("2031-04-02", "2031-04-03")
    first = vote["articles"][0]
    assert first["published"] == "2031-04-02" and first["published_at"] == "2031-04-02T18:30:00+00:00"


def test_recluster_keeps_the_reports_of_stories_whose_members_did_not_change(tmp_path: Path) -> None:
    """QA: recluster deleted every cached report, so the web app said 'not analysed yet' again for
    stories it had not changed. A story that comes back with the same members keeps its id, its reports
    and its rendered pages; members keep their order, so the cache key still matches."""
    from newsprism.store import report_key

    store = open_store(tmp_path / "s.sqlite")
    service = StoryService(store, HashEmbedder(), StorySettings(index="exact"))
    ferry = [make_article(*item) for item in EVENTS["ferry"]]
    vote = [make_article(*item) for item in EVENTS["vote"]]
    service.ingest([ferry[2], *vote])  # the latest ferry report first: its story is named after it
    service.ingest(ferry[:2])
    settings = Settings()
    before = {s.id: s.article_ids for s in store.stories()}
    for sid, members in before.items():
        store.put_report(sid, report_key(members, settings), f'{{"sources": [], "story": "{sid}"}}')
        store.put_page(sid, "layout", "<html>page</html>")
    ferry_id = next(sid for sid, m in before.items() if ferry[0].id in m)
    vote_id = next(sid for sid in before if sid != ferry_id)
    service.recluster()
    after = {s.id: s.article_ids for s in store.stories()}
    assert sorted(after.values()) == sorted(before.values())  # the same stories, members in their order
    assert store.get_report(vote_id, report_key(before[vote_id], settings)) is not None
    assert store.get_page(vote_id, "layout") == "<html>page</html>"
    assert after == before  # the ferry story, opened by its latest report, keeps that id too
    assert store.get_report(ferry_id, report_key(after[ferry_id], settings)) is not None
    assert store.get_page(ferry_id, "layout") == "<html>page</html>"
    store.close()


def test_ingest_says_the_warnings_of_what_it_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QA: ingest cut a long text without saying so (compare says it; the warning was only stored)."""
    runner, app = store_app(monkeypatch, HashEmbedder())
    outlet, date, title, text = EVENTS["ferry"][0]
    (tmp_path / "long.txt").write_text(f"Title: {title}\nOutlet: {outlet}\nDate: {date}\n\n{text * 20}\n")
    (tmp_path / "settings.toml").write_text("[ingest]\nmax_text_chars = 1000\n")
    store = str(tmp_path / "s.sqlite")
    args = [
        "ingest",
        str(tmp_path / "long.txt"),
        "--store",
        store,
        "--config",
        str(tmp_path / "settings.toml"),
    ]
    done = runner.invoke(app, args)
    assert done.exit_code == 0, done.output
    said = " ".join(done.stderr.split())
    assert "long.txt: text cut from 5,120 to 998 characters" in said
    assert said.index("text cut") < said.index("1 new article")
    assert runner.invoke(app, [*args, "-q"]).stderr == ""
