"""Near duplicates (one outlet's article under two URLs, lightly edited) are kept once, before
clustering; another outlet's copy is a reprint, kept as that outlet's own article in the same story."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from story_fixtures import EVENTS, HashEmbedder, make_article

from newsprism.cluster import StorySettings
from newsprism.model import Article
from newsprism.store import SqliteStore, open_store
from newsprism.stories import StoryService

# A fictional event: a wire report, the wire's own copy of it on another page (edited, with a footer)
# and an outlet's own report.
WIRE = (
    "The Glasmoor observatory on Mount Tesk will close for two years from March while engineers replace "
    "the main mirror of its 4-metre telescope, the Northern Sky Trust said on Monday. The trust said the "
    "mirror, installed in 1987, had lost about a fifth of its reflectivity and could no longer be "
    "recoated on site. Director Halvard Senne told reporters that the work would cost 38 million crowns, "
    "of which the regional government has pledged 20 million. Astronomers who use the telescope will be "
    "offered time at the Brakka array in the south, the trust added. The observatory employs 64 people; "
    "none will lose their jobs, Senne said, because most of them will help dismantle the old mirror "
    "cell and build the new one."
)
REPRINT = (
    WIRE.replace("told reporters that", "said that").replace("on Monday", "on Monday afternoon")
    + "\n\nRead more science news from Kessel Wire. Share this story with your friends."
)
OWN = (
    "Stargazers in the Tesk valley face a two-year wait: the Glasmoor observatory shuts its doors in March "
    "so that a new mirror can be fitted to the old telescope. Local guesthouse owners fear the loss of "
    "visitors, and the trust's director, Halvard Senne, admitted on Monday that the 38 million crown "
    "repair was long overdue. Sixty-four staff will stay on to rebuild the mirror cell."
)


def _service(store: SqliteStore, **kwargs: float | None) -> StoryService:
    return StoryService(store, HashEmbedder(), StorySettings(index="exact"), **kwargs)  # type: ignore[arg-type]


def _articles() -> tuple[Article, Article, Article]:
    wire = make_article("Kessel Wire", "2031-03-02", "Glasmoor observatory to close for mirror repair", WIRE)
    copy = make_article(
        "Kessel Wire",
        "2031-03-02",
        "Glasmoor observatory to shut for two years",
        REPRINT,
        "https://kessel-wire.example/science/obs",
    )
    own = make_article("Valley Voice", "2031-03-03", "Glasmoor closure worries guesthouses", OWN)
    return wire, copy, own


def test_a_near_copy_under_another_url_is_one_article_with_two_urls(tmp_path: Path) -> None:
    wire, copy, own = _articles()
    assert wire.id != copy.id  # not an exact copy
    store = open_store(tmp_path / "s.sqlite")
    service = _service(store)
    first = service.ingest([wire])
    second = service.ingest([copy])
    assert (second.added, second.duplicates, second.near_duplicates) == (0, 1, 1)
    assert second.same_as == {copy.id: wire.id}
    assert store.all_article_ids() == [wire.id]
    assert store.article_urls(wire.id) == sorted([wire.url or "", copy.url or ""])
    assert [s.article_ids for s in store.stories()] == [(wire.id,)]
    assert first.story_of[wire.id] == store.stories()[0].id

    third = service.ingest([own])  # same event, its own words: a second article in the same store
    assert third.added == 1 and third.near_duplicates == 0
    assert store.count_articles() == 2
    store.close()


def test_near_copy_ingest_is_idempotent_across_processes(tmp_path: Path) -> None:
    wire, copy, _own = _articles()
    store = open_store(tmp_path / "s.sqlite")
    _service(store).ingest([wire, copy])
    for _ in range(2):  # the same feed again, in a new process each time (the index is rebuilt)
        again = _service(store).ingest([copy, wire])
        assert again.added == 0 and again.duplicates == 2
    assert store.all_article_ids() == [wire.id]
    assert len(store.article_urls(wire.id)) == 2
    assert len(store.stories()) == 1
    store.close()


def test_copies_inside_one_batch_are_kept_once(tmp_path: Path) -> None:
    wire, copy, own = _articles()
    exact = Article(id=wire.id, text=wire.text, title=wire.title, url="https://mirror.example/obs")
    store = open_store(tmp_path / "s.sqlite")
    got = _service(store).ingest([wire, exact, copy, own])
    assert (got.added, got.duplicates, got.near_duplicates) == (2, 2, 1)
    assert sorted(store.all_article_ids()) == sorted([wire.id, own.id])
    assert len(store.article_urls(wire.id)) == 3
    store.close()


def test_near_duplicate_check_can_be_turned_off(tmp_path: Path) -> None:
    wire, copy, _own = _articles()
    store = open_store(tmp_path / "s.sqlite")
    got = _service(store, near_duplicate=None).ingest([wire, copy])
    assert got.added == 2 and got.near_duplicates == 0
    store.close()


def test_a_failed_commit_forgets_the_unstored_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wire, copy, _own = _articles()
    store = open_store(tmp_path / "s.sqlite")
    service = _service(store)

    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(store, "commit_batch", broken)
    with pytest.raises(OSError):
        service.ingest([wire])
    monkeypatch.undo()
    got = service.ingest([copy])  # the wire report was never stored, so the reprint is new
    assert got.added == 1 and got.near_duplicates == 0
    assert store.all_article_ids() == [copy.id]
    store.close()


def test_the_index_forgets_articles_older_than_the_window(tmp_path: Path) -> None:
    wire, copy, own = _articles()
    outlet, _date, title, text = EVENTS["ferry"][0]
    later = make_article(outlet, "2031-06-01", title, text)
    store = open_store(tmp_path / "s.sqlite")
    service = _service(store)
    service.ingest([wire, own])
    assert service.near is not None and len(service.near) == 2
    assert service.ingest([later]).added == 1  # three months on: both March articles left the window
    assert len(service.near) == 1
    got = service.ingest([copy])  # a late reprint is checked against the articles of its own dates
    assert got.added == 0 and got.same_as == {copy.id: wire.id}
    outlet, _date, title, text = EVENTS["ferry"][1]
    service.ingest([make_article(outlet, "2031-06-02", title, text)])
    assert len(service.near) == 2  # and those are forgotten again once news of the newest dates comes
    store.close()


def test_reingesting_an_old_reprint_after_newer_news_adds_nothing(tmp_path: Path) -> None:
    """QA: a folder with a reprint, re-ingested after the store's newest article moved months on, stored
    the reprint as new on every run (the near-copy check only saw the newest window)."""
    wire, copy, _own = _articles()
    outlet, _date, title, text = EVENTS["ferry"][0]
    later = make_article(outlet, "2031-06-01", title, text)
    store = open_store(tmp_path / "s.sqlite")
    first = _service(store).ingest([wire, copy, later])
    assert (first.added, first.near_duplicates, first.stored_before) == (2, 1, 0)
    for _ in range(3):  # each run a new process, as the command line does
        again = _service(store).ingest([wire, copy, later])
        assert (again.added, again.duplicates, again.stored_before) == (0, 3, 3)
    assert sorted(store.all_article_ids()) == sorted([wire.id, later.id])
    store.close()


def test_the_counts_say_what_each_copy_copies(tmp_path: Path) -> None:
    wire, copy, own = _articles()
    exact = Article(id=wire.id, text=wire.text, title=wire.title, url="https://mirror.example/obs")
    store = open_store(tmp_path / "s.sqlite")
    first = _service(store).ingest([wire, exact, copy])
    assert first.describe() == "1 new article, 1 exact and 1 near copies of articles in this run"
    again = _service(store).ingest([wire, copy, own])
    assert again.describe() == "1 new article, 1 exact and 1 near copies of articles stored before"
    once_more = _service(store).ingest([copy])
    assert once_more.describe() == "0 new articles, 1 near copy of articles stored before"
    store.close()


def _summary(article: Article) -> Article:
    """A feed's entry for ``article``: its first sentence only, at the same URL."""
    text = article.text.split(". ")[0] + "."
    return make_article(article.outlet, article.published or "", article.title, text, article.url)


def test_a_feed_summary_of_a_stored_article_is_that_article(tmp_path: Path) -> None:
    """QA: a summary-only feed entry for a stored page became a second article; matched by URL now."""
    wire, _copy, own = _articles()
    store = open_store(tmp_path / "s.sqlite")
    _service(store).ingest([wire, own])
    got = _service(store).ingest([_summary(wire)])
    assert (got.added, got.duplicates, got.stored_before, got.fuller) == (0, 1, 1, 0)
    assert sorted(store.all_article_ids()) == sorted([wire.id, own.id])  # the full text is kept
    store.close()


def test_the_full_page_after_its_feed_summary_replaces_it(tmp_path: Path) -> None:
    wire, _copy, own = _articles()
    summary = _summary(wire)
    store = open_store(tmp_path / "s.sqlite")
    first = _service(store).ingest([summary, own])
    story = first.story_of[summary.id]
    got = _service(store).ingest([wire])
    assert (got.added, got.duplicates, got.fuller) == (0, 0, 1)
    assert got.describe() == "0 new articles, 1 stored article given the full text of their URL"
    assert sorted(store.all_article_ids()) == sorted([wire.id, own.id])
    assert store.article_urls(wire.id) == [wire.url]
    row = store.story(story)
    assert row is not None and wire.id in row.article_ids and summary.id not in row.article_ids
    assert _service(store).ingest([summary, wire]).added == 0  # and nothing changes on a re-run
    assert store.articles([wire.id])[0].text == wire.text
    store.close()


def test_a_summary_and_its_page_in_one_batch_keep_the_page(tmp_path: Path) -> None:
    wire, _copy, _own = _articles()
    store = open_store(tmp_path / "s.sqlite")
    got = _service(store).ingest([_summary(wire), wire])
    assert (got.added, got.duplicates, got.stored_before) == (1, 1, 0)
    assert store.all_article_ids() == [wire.id]
    store.close()


# A reprint by another outlet: the wire's text word for word, or with the outlet's own footer.
HERALD_FOOTER = "\n\nRead more science news from the Tesk Valley Herald. Share this story with your friends."


def _reprints() -> tuple[Article, Article, Article]:
    """The wire report, another outlet's verbatim reprint of it, and a third outlet's lightly edited one."""
    wire, _copy, _own = _articles()
    verbatim = make_article(
        "Tesk Valley Herald", "2031-03-02", wire.title, WIRE, "https://tvh.example/wire/obs"
    )
    edited = make_article(
        "Brakka Daily", "2031-03-02", "Observatory dark for two years", REPRINT + HERALD_FOOTER
    )
    return wire, verbatim, edited


@pytest.mark.parametrize("reverse", [False, True])
def test_another_outlets_reprint_is_its_own_article_in_the_same_story(tmp_path: Path, reverse: bool) -> None:
    """QA: a wire story republished by another outlet (same text, its own URL and outlet) was dropped as
    an exact copy, which outlet survived depended on the file order, and the wire's URL was filed under
    the other outlet's article. Now each outlet's copy is its own article, whatever the order."""
    wire, verbatim, edited = _reprints()
    assert wire.id == verbatim.id  # the same text: the id alone cannot tell them apart
    given = [edited, verbatim, wire] if reverse else [wire, verbatim, edited]
    store = open_store(tmp_path / "s.sqlite")
    got = _service(store).ingest(given)
    assert (got.added, got.duplicates) == (3, 0)
    stored = store.articles(store.all_article_ids())
    assert sorted(a.outlet for a in stored) == ["Brakka Daily", "Kessel Wire", "Tesk Valley Herald"]
    for a in stored:  # each URL stays with its own outlet's article
        assert store.article_urls(a.id) == [a.url]
    assert [len(s.article_ids) for s in store.stories()] == [3]  # one story
    for _ in range(2):  # a new process each time, either order: nothing is added twice
        again = _service(store).ingest(list(reversed(given)))
        assert (again.added, again.duplicates, again.stored_before) == (0, 3, 3)
        assert again.named_copies() == ""  # the same inputs read again are not worth naming
    assert store.count_articles() == 3
    store.close()


def test_a_reprints_copies_are_duplicates_of_that_outlets_article(tmp_path: Path) -> None:
    """Within one outlet copies are still duplicates: the reprinting outlet's second URL for it, the
    same outlet named in other case, an article with no outlet, or one on the same web site."""
    wire, verbatim, _edited = _reprints()
    store = open_store(tmp_path / "s.sqlite")
    _service(store).ingest([wire, verbatim])
    again = dataclasses.replace(verbatim, url="https://tvh.example/amp/obs", origin="herald-amp.txt")
    shouting = dataclasses.replace(verbatim, outlet="TESK  VALLEY HERALD", url="https://tvh.example/x")
    unknown = dataclasses.replace(wire, outlet="", url="https://mirror.example/obs")
    site = dataclasses.replace(wire, outlet="kessel-wire.example", url=f"{wire.url}?print=1")
    got = _service(store).ingest([again, shouting, unknown, site])
    assert (got.added, got.duplicates) == (0, 4)
    assert store.count_articles() == 2
    herald = next(a for a in store.articles(store.all_article_ids()) if a.outlet == "Tesk Valley Herald")
    assert store.article_urls(herald.id) == sorted(
        ["https://tvh.example/wire/obs", "https://tvh.example/amp/obs", "https://tvh.example/x"]
    )
    store.close()


def test_the_message_names_which_inputs_were_read_as_copies(tmp_path: Path) -> None:
    wire, _copy, own = _articles()
    wire = dataclasses.replace(wire, origin="news/wire.txt")
    twice = dataclasses.replace(wire, url="https://kessel-wire.example/again", origin="news/wire-2.txt")
    store = open_store(tmp_path / "s.sqlite")
    got = _service(store).ingest([wire, twice, own])
    assert got.describe() == "2 new articles, 1 exact copy of articles in this run"
    assert got.named_copies() == "wire-2.txt (copy of wire.txt)"
    many = [
        dataclasses.replace(twice, url=f"https://kessel-wire.example/{n}", origin=f"c{n}.txt")
        for n in range(5)
    ]
    assert _service(store).ingest(many).named_copies(limit=2) == (
        "c0.txt (copy of wire.txt), c1.txt (copy of wire.txt), 3 more"
    )
    store.close()


@pytest.mark.parametrize("file_first", [False, True])
def test_a_page_and_a_saved_copy_of_it_replace_the_stored_summary_in_one_batch(
    tmp_path: Path, file_first: bool
) -> None:
    """QA: with a feed's summary stored, `ingest page.html page.txt` (the page and the same text saved as a
    file, no URL) crashed with 'UNIQUE constraint failed: story_articles.article_id': the text file was
    stored as a new article, then the page (the same id) was put in place of the summary. Now the page
    replaces the summary and the file is a copy of it, whatever the order; a re-run changes nothing."""
    wire, _copy, own = _articles()
    saved = dataclasses.replace(wire, url=None, origin="saved/wire.txt")
    page = dataclasses.replace(wire, origin="pages/wire.html")
    store = open_store(tmp_path / "s.sqlite")
    _service(store).ingest([_summary(wire), own])
    got = _service(store).ingest([saved, page] if file_first else [page, saved])
    assert (got.added, got.fuller, got.duplicates, got.stored_before) == (0, 1, 1, 1)
    assert got.named_copies() == "wire.txt (copy of wire.html)"
    assert sorted(store.all_article_ids()) == sorted([wire.id, own.id])
    assert store.article_urls(wire.id) == [wire.url]
    assert store.articles([wire.id])[0].text == wire.text
    assert [sorted(s.article_ids) for s in store.stories()] == [sorted([wire.id, own.id])]
    again = _service(store).ingest([page, saved])
    assert (again.added, again.fuller, again.duplicates) == (0, 0, 2)
    assert store.integrity() == "ok" and store.count_articles() == 2
    store.close()


def test_a_near_copy_of_a_fuller_text_in_the_same_batch_is_a_copy_of_the_article_it_replaces(
    tmp_path: Path,
) -> None:
    wire, copy, _own = _articles()
    store = open_store(tmp_path / "s.sqlite")
    _service(store).ingest([_summary(wire)])
    edited = dataclasses.replace(copy, url=None, origin="edited.txt")  # the wire's own edited copy
    got = _service(store).ingest([edited, wire])
    assert (got.added, got.fuller, got.duplicates, got.near_duplicates) == (0, 1, 1, 1)
    assert got.same_as == {edited.id: _summary(wire).id}  # the article whose text the page now is
    assert store.all_article_ids() == [wire.id]
    store.close()


def test_an_input_met_twice_in_one_run_is_named_as_read_twice(tmp_path: Path) -> None:
    """QA: a feed listing one entry twice gave '1 exact copy of articles in this run' but the copies
    line named only another copy; now every copy counted is named, the repeated one as read twice."""
    wire, copy, _own = _articles()
    entry = dataclasses.replace(wire, origin=wire.url or "")
    tracked = dataclasses.replace(copy, url=f"{wire.url}?utm_source=rss", origin=f"{wire.url}?utm_source=rss")
    store = open_store(tmp_path / "s.sqlite")
    got = _service(store).ingest([entry, entry, tracked])
    assert got.describe() == "1 new article, 1 exact and 1 near copies of articles in this run"
    assert got.named_copies() == f"{wire.url} (read twice, kept once), {tracked.url} (copy of {wire.url})"
    thrice = _service(store).ingest([entry, entry, entry])  # an earlier run's article read again: left out
    assert thrice.named_copies() == ""
    store.close()


def test_a_batch_that_fails_part_way_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QA: a failure after the batch's new articles were committed (putting a page in place of its
    feed summary) left them stored and the summary in place. A batch is now one transaction."""
    wire, copy, own = _articles()
    store = open_store(tmp_path / "s.sqlite")
    service = _service(store)
    service.ingest([_summary(wire)])
    before = (store.all_article_ids(), store.stories(), store.article_urls(_summary(wire).id))
    mirror = dataclasses.replace(copy, url="https://mirror.example/obs")  # a near copy: gives a URL

    def broken(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(store, "replace_article", broken)
    with pytest.raises(OSError):
        service.ingest([own, wire, mirror])
    assert (store.all_article_ids(), store.stories(), store.article_urls(_summary(wire).id)) == before
    assert store.integrity() == "ok"
    monkeypatch.undo()
    got = service.ingest([own, wire, mirror])  # the same service goes on from what the store holds
    assert (got.added, got.fuller, got.duplicates) == (1, 1, 1)
    assert sorted(store.all_article_ids()) == sorted([wire.id, own.id])
    assert store.article_urls(wire.id) == sorted([wire.url or "", mirror.url])
    assert [sorted(s.article_ids) for s in store.stories()] == [sorted([wire.id, own.id])]
    store.close()
