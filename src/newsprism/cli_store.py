"""Store commands: ``ingest``, ``watch``, ``stories``, ``story``, ``recluster``.

Mount them on the main app with one line in cli.py: ``register_store_commands(app)``. Every command
takes ``--store PATH`` (default: ``$XDG_DATA_HOME/newsprism/store.sqlite``); ``compare`` needs no store.
"""

from __future__ import annotations

import json
import re
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from newsprism._cli_common import AllowPrivate, ConfigOpt, Debug, Quiet, load_settings

if TYPE_CHECKING:
    from newsprism.model import Article, Skipped
    from newsprism.settings import Settings
    from newsprism.store import SqliteStore, StoryRow
    from newsprism.stories import StoryService

StoreOpt = Annotated[
    Path | None,
    typer.Option("--store", help="The store file (default: the user data folder, newsprism/store.sqlite)."),
]


class ListFormat(StrEnum):
    table = "table"
    json = "json"


class ReportFormat(StrEnum):
    html = "html"
    json = "json"
    md = "md"


def _open(path: Path | None, *, create: bool = False) -> SqliteStore:
    """The store; only the commands that add articles (ingest, watch) create it."""
    from newsprism.store import open_store

    return open_store(path, create=create)


def _service(store: SqliteStore, settings: Settings) -> StoryService:
    from newsprism.embed import default_embedder
    from newsprism.stories import StoryService

    return StoryService(store, default_embedder(settings.embed), settings.stories)


def _say(quiet: bool) -> Any:
    from newsprism._cli_common import stderr_console

    console = stderr_console()
    return (lambda _m: None) if quiet else (lambda m: console.print(f"newsprism: {m}", markup=False))


_FEEDISH = re.compile(r"(rss|atom|feed|\.xml)(\W|$)", re.I)


_RETRY = re.compile(r";? *will retry later( with backoff)?\.?$")


def _once(reason: str) -> str:
    """A poller's reason for a failed feed, worded for a one-shot ``ingest``, which does not retry."""
    said, promised = _RETRY.subn("", reason)
    return said + "; not retried (run ingest again later, or `newsprism watch` it)" if promised else reason


def _read_inputs(
    inputs: list[str], settings: Settings, store: SqliteStore, polled: list[str]
) -> tuple[list[Article], list[Skipped]]:
    """Files, folders and URLs through the ingest reader (which reads RSS/Atom files, also in folders);
    the feeds an OPML file lists, and feed URLs, through the poller (``polled`` gains the feeds that
    answered)."""
    from newsprism.ingest import read_articles
    from newsprism.ingest.feeds import FeedPoller, looks_like_feed, parse_opml
    from newsprism.model import Skipped

    articles: list[Article] = []
    skipped: list[Skipped] = []
    plain: list[str] = []
    feeds: list[str] = []
    for name in inputs:
        path = Path(name).expanduser()
        if path.is_file() and path.suffix.lower() in (".xml", ".opml", ""):
            data = path.read_bytes()
            if looks_like_feed(data) == "opml":  # feed files are read as files (by content)
                feeds.extend(parse_opml(data, name))
                continue
        if name.lower().startswith(("http://", "https://")) and _FEEDISH.search(name):
            feeds.append(name)
            continue
        plain.append(name)
    if feeds:
        poller = FeedPoller(store, settings)
        try:
            for url in feeds:
                result = poller.poll(url, force=True)
                if result.status == "error":
                    skipped.append(Skipped(url, _once(result.error)))
                else:
                    polled.append(url)
                articles.extend(result.articles)
                skipped.extend(result.skipped)
        finally:
            poller.close()
    if plain:
        stdin = sys.stdin.read() if "-" in plain else None
        got, bad = read_articles(plain, settings, stdin=stdin, keep_copies=True)
        articles.extend(got)
        skipped.extend(bad)
    return articles, skipped


def ingest(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders (with their subfolders, as for compare), JSON lines, RSS/Atom/OPML, "
            "URLs, feeds."
        ),
    ],
    store: StoreOpt = None,
    config: ConfigOpt = None,
    allow_private: AllowPrivate = False,
    quiet: Quiet = False,
    debug: Debug = False,
) -> None:
    """Add articles to the store and place each in a story (re-running it adds nothing twice)."""
    from newsprism._cli_common import EXIT_OK, EXIT_PARTIAL, handle_errors, progress_bar
    from newsprism.report._common import counted

    with handle_errors(debug):
        settings = load_settings(config, allow_private)
        say = _say(quiet)
        db = _open(store, create=True)
        polled: list[str] = []
        try:
            articles, skipped = _read_inputs(inputs, settings, db, polled)
            for s in skipped:
                say(f"skipped {s.origin}: {s.reason}")
            for a in articles:  # a text cut short, a summary-only feed entry, ...: as compare says them
                for w in a.warnings:
                    say(f"{a.origin}: {w}")
            try:
                with progress_bar(quiet, "placing articles in stories", len(articles)) as advance:
                    result = _service(db, settings).ingest(articles, progress=advance)
            except BaseException:
                _forget_versions(db, polled)
                raise
            say(
                f"{result.describe()}; {counted(result.new_stories, 'new story', 'new stories')}, "
                f"{result.merged} merged, {result.split} cut in two; store: {db.path}"
            )
            if copies := result.named_copies():
                say(f"copies: {copies}")
        finally:
            db.close()
        raise typer.Exit(EXIT_PARTIAL if skipped else EXIT_OK)


def _forget_versions(db: SqliteStore, feeds: list[str]) -> None:
    """After a failed ingest, forget the feeds' ETags, so the next run reads them whole instead of
    being told "unchanged" about entries that were never stored."""
    from newsprism.stories import _forget_version

    for url in feeds:
        _forget_version(db, url)


def _seconds(every: str) -> float:
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", every)
    if not m:
        from newsprism.errors import UsageError

        raise UsageError(f"cannot read --every {every!r}: use a number with s, m, h or d, e.g. 10m")
    return float(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[m.group(2)]


def watch(
    feeds: Annotated[list[str], typer.Argument(help="OPML files and/or feed URLs.")],
    every: Annotated[str, typer.Option("--every", help="Poll interval per feed, e.g. 90s, 10m, 1h.")] = "10m",
    rounds: Annotated[int | None, typer.Option("--rounds", help="Stop after this many rounds.")] = None,
    store: StoreOpt = None,
    config: ConfigOpt = None,
    allow_private: AllowPrivate = False,
    quiet: Quiet = False,
    debug: Debug = False,
) -> None:
    """Poll feeds politely and keep stories up to date; feeds that fail are retried with backoff."""
    from newsprism._cli_common import EXIT_OK, EXIT_PARTIAL, handle_errors
    from newsprism.ingest.feeds import FeedPoller
    from newsprism.report._common import counted
    from newsprism.stories import watch as watch_loop

    with handle_errors(debug):
        settings = load_settings(config, allow_private)
        interval = _seconds(every)
        urls = _feed_urls(feeds)
        db = _open(store, create=True)
        poller = FeedPoller(db, settings, every=interval)
        say = _say(quiet)
        say(f"watching {counted(len(urls), 'feed')} every {every}; store: {db.path} (Ctrl-C to stop)")
        answered: set[str] = set()
        try:
            watch_loop(_service(db, settings), poller, urls, rounds=rounds, say=say, answered=answered)
        finally:
            poller.close()
            db.close()
        if not answered:
            say("no feed answered (each failed, was refused or is backing off); see the messages above")
        raise typer.Exit(EXIT_OK if answered else EXIT_PARTIAL)


def _feed_urls(feeds: list[str]) -> list[str]:
    """Feed URLs from OPML files and URLs; anything else is a usage error that says what watch takes."""
    from newsprism.errors import InputError, UsageError
    from newsprism.ingest.feeds import looks_like_feed, parse_opml
    from newsprism.ingest.reader import local_path

    urls: list[str] = []
    for name in feeds:
        if name.lower().startswith(("http://", "https://")):
            urls.append(name)
            continue
        scheme = name.partition("://")[0].lower() if "://" in name else ""
        if scheme and scheme != "file":
            raise UsageError(
                f"{scheme}:// feeds are not polled; watch takes OPML files and http(s) feed URLs"
            )
        try:
            path = Path(local_path(name)).expanduser()
        except InputError as exc:
            raise UsageError(str(exc)) from None
        if not path.is_file():
            raise UsageError(f"no such file: {name}; watch takes OPML files and http(s) feed URLs")
        data = path.read_bytes()
        if looks_like_feed(data) == "feed":
            raise UsageError(
                f"{name} is a feed file: watch polls feeds at http(s) URLs (or listed in OPML); "
                f"add its entries once with `newsprism ingest {name}`"
            )
        found = parse_opml(data, name)
        if not found:
            raise UsageError(f"{name} lists no feeds: watch takes OPML files and http(s) feed URLs")
        urls.extend(found)
    return urls


def stories(
    store: StoreOpt = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="table or json.")] = ListFormat.table,
    limit: Annotated[int, typer.Option("--limit", "-n", help="Most recent N stories.")] = 50,
    debug: Debug = False,
) -> None:
    """List stories, most recently seen first."""
    from newsprism._cli_common import handle_errors
    from newsprism.stories import day_of

    with handle_errors(debug):
        db = _open(store)
        try:
            rows = db.stories(limit=limit)
            if fmt is ListFormat.json:
                out = []
                for r in rows:
                    members = db.articles(list(r.article_ids))
                    out.append(
                        {
                            "id": r.id,
                            "title": r.title,
                            "first_seen": day_of(r.first_seen),
                            "last_seen": day_of(r.last_seen),
                            "articles": [
                                {
                                    "id": a.id,
                                    "url": a.url,
                                    "outlet": a.outlet,
                                    "title": a.title,
                                    "published": day_of(a.published),
                                    "published_at": a.published,
                                }
                                for a in members
                            ],
                        }
                    )
                sys.stdout.write(json.dumps(out, indent=2, ensure_ascii=False) + "\n")
                return
            _story_table(db, rows)
        finally:
            db.close()


def _story_table(db: SqliteStore, rows: list[StoryRow]) -> None:
    """The story list for a terminal: the id and dates are never cut (a story is opened by its id), the
    title wraps in the room left, with the outlets under it, dimmed; below 76 columns the article count
    and loadedness spread give way to it."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from newsprism.stories import day_of, loadedness_spread

    console = Console()
    wide = console.width >= 76
    table = Table(box=None, pad_edge=False, header_style="bold", leading=1)
    table.add_column("id", no_wrap=True, min_width=14)
    table.add_column("title / outlets", ratio=1, min_width=12, overflow="fold")
    if wide:
        table.add_column("articles", justify="right", no_wrap=True)
    table.add_column("first seen", no_wrap=True, min_width=10)
    table.add_column("last seen", no_wrap=True, min_width=10)
    if wide:
        table.add_column("spread", justify="right", no_wrap=True)
    for r in rows:
        members = db.articles(list(r.article_ids))
        outlets = sorted({a.outlet for a in members if a.outlet})
        title = Text(r.title or "(untitled)")
        if outlets:
            title.append("\n" + ", ".join(outlets[:4]) + (" ..." if len(outlets) > 4 else ""), style="dim")
        days = [day_of(r.first_seen) or "-", day_of(r.last_seen) or "-"]
        if wide:
            spread = loadedness_spread(db.latest_report(r.id))
            table.add_row(r.id, title, str(len(members)), *days, "-" if spread is None else f"{spread:.2f}")
        else:
            table.add_row(r.id, title, *days)
    console.print(table)


def story(
    story_id: Annotated[
        str, typer.Argument(help="A story id (or a unique prefix) from `newsprism stories`.")
    ],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report here.")] = None,
    fmt: Annotated[ReportFormat | None, typer.Option("--format", "-f", help="html, json or md.")] = None,
    store: StoreOpt = None,
    config: ConfigOpt = None,
    quiet: Quiet = False,
    debug: Debug = False,
) -> None:
    """Print or write one story's cross-source report (the JSON is cached in the store)."""
    from newsprism._cli_common import Format, format_for, handle_errors, spinner, write_output
    from newsprism.errors import UsageError
    from newsprism.pipeline import Pipeline
    from newsprism.report.json import from_json

    with handle_errors(debug):
        chosen = format_for(output, Format(fmt.value) if fmt else None)
        settings = load_settings(config, False)
        db = _open(store)
        try:
            row = db.story(story_id)
            if row is None:
                starting = db.story_ids_starting(story_id, limit=6)
                if len(starting) > 1:
                    shown = ", ".join(starting[:5]) + (", ..." if len(starting) > 5 else "")
                    raise UsageError(
                        f"'{story_id}' starts more than one story id ({shown}); give more of the id "
                        "(`newsprism stories` lists them)"
                    )
                raise UsageError(f"no story '{story_id}' in {db.path}; list them with `newsprism stories`")
            pipeline = Pipeline(settings)
            service = _service(db, settings)
            with spinner(quiet) as say:  # a big story takes a while the first time (then it is cached)
                say(f"analysing {len(row.article_ids)} articles")
                text = service.report_json(row, pipeline)
            if chosen is not Format.json:
                report = from_json(text)
                text = report.to_markdown() if chosen is Format.md else report.to_html()
            write_output(text, output)
        finally:
            db.close()


def recluster(
    store: StoreOpt = None, config: ConfigOpt = None, debug: Debug = False, quiet: Quiet = False
) -> None:
    """Forget all stories and cluster every stored article again, in publication order."""
    from newsprism._cli_common import handle_errors
    from newsprism.report._common import counted

    with handle_errors(debug):
        db = _open(store)
        try:
            result = _service(db, load_settings(config, False)).recluster()
            live = len(db.stories(limit=None))
            kept = "its id" if result.kept_ids == 1 else "their ids"
            _say(quiet)(
                f"{counted(live, 'story', 'stories')} ({counted(result.merged, 'merge')}, "
                f"{result.split} cut in two) from {counted(db.count_articles(), 'article')}; "
                f"{result.kept_ids} kept {kept}"
            )
        finally:
            db.close()


def register_store_commands(app: typer.Typer) -> None:
    """Add the store commands to the main ``newsprism`` app."""
    for fn in (ingest, watch, stories, story, recluster):
        app.command()(fn)
