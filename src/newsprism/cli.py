"""The command line: ``newsprism compare`` and the per-lens commands.

Exit codes: 0 everything analysed, 1 some inputs skipped (or nothing left to analyse), 2 usage error.
Errors are one readable line on stderr; ``--debug`` shows the traceback for bug reports.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from newsprism._cli_common import (
    EXIT_OK,
    EXIT_PARTIAL,
    AllowPrivate,
    ConfigOpt,
    Debug,
    Format,
    Inputs,
    JsonOrText,
    Quiet,
    TextFormat,
    format_for,
    handle_errors,
    load_settings,
    spinner,
    stderr_console,
    write_output,
)
from newsprism.errors import UsageError

if TYPE_CHECKING:
    from newsprism.model import Article, Skipped, StoryReport
    from newsprism.pipeline import Pipeline
    from newsprism.settings import Settings

app = typer.Typer(
    name="newsprism",
    help="How did different outlets cover the same story? Shared facts, quotes, loaded language, wire copy.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _print_version(value: bool) -> None:
    if value:
        from newsprism import __version__

        typer.echo(f"newsprism {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    _version: Annotated[
        bool,
        typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Keeps ``compare`` a named subcommand even while it is the only one."""


def _read(pipeline: Pipeline, inputs: list[str], quiet: bool) -> tuple[list[Article], list[Skipped]]:
    stdin = sys.stdin.read() if "-" in inputs else None
    with spinner(quiet) as say:
        say("reading inputs")
        articles, skipped = pipeline.read(inputs, stdin=stdin)
    if not quiet:
        console = stderr_console()
        for s in skipped:
            console.print(f"newsprism: skipped {s.origin}: {s.reason}", style="yellow", markup=False)
        for a in articles:
            for w in a.warnings:
                console.print(f"newsprism: {a.origin}: {w}", style="yellow", markup=False)
    if not articles:
        stderr_console().print("newsprism: no input could be analysed (see the warnings above)", style="red")
        raise typer.Exit(EXIT_PARTIAL)
    return articles, skipped


def _render(report: StoryReport, fmt: Format) -> str:
    if fmt is Format.json:
        return report.to_json()
    if fmt is Format.md:
        return report.to_markdown()
    return report.to_html()


@app.command()
def compare(
    inputs: Inputs,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report here (format from the suffix).")
    ] = None,
    fmt: Annotated[
        Format | None, typer.Option("--format", "-f", help="html, json or md (default: from -o, else md).")
    ] = None,
    config: ConfigOpt = None,
    allow_private: AllowPrivate = False,
    sentences: Annotated[
        int | None, typer.Option("--sentences", min=1, help="Summary length in sentences (default 5).")
    ] = None,
    words: Annotated[
        int | None, typer.Option("--words", min=10, help="Summary length in words (wins over --sentences).")
    ] = None,
    quiet: Quiet = False,
    debug: Debug = False,
) -> None:
    """Compare how several articles about one event cover it, and write the report."""
    with handle_errors(debug):
        from newsprism.pipeline import Pipeline

        chosen = format_for(output, fmt)
        overrides: dict[str, Any] = {}
        if sentences is not None:
            overrides["summary__sentences"] = sentences
        if words is not None:
            overrides["summary__words"] = words
        pipeline = Pipeline(load_settings(config, allow_private, **overrides))
        articles, skipped = _read(pipeline, inputs, quiet)
        with spinner(quiet) as say:
            if len(articles) > 2:
                say("checking the articles tell one story")
                _warn_several_stories(articles, pipeline.story_groups(articles))
            report = pipeline.analyse(articles, skipped, progress=say)
        write_output(_render(report, chosen), output)
        if output is not None and not quiet:
            from newsprism.report._common import counted

            sources, claims = counted(len(report.sources), "source"), counted(len(report.claims), "claim")
            stderr_console().print(f"newsprism: wrote {output} ({sources}, {claims})", markup=False)
        raise typer.Exit(EXIT_PARTIAL if skipped else EXIT_OK)


def _warn_several_stories(articles: list[Article], groups: list[list[int]]) -> None:
    """A feed or a folder may hold several events; one comparison of them all mixes their facts. Warned
    only when two stories have several articles each: one article apart is often the same event told from
    a local angle (the bundled example's harbour paper)."""
    if sum(len(g) >= 2 for g in groups) < 2:
        return
    lines = [f"newsprism: warning: these {len(articles)} articles look like {len(groups)} different stories:"]
    for group in groups[:6]:
        first = articles[group[0]]
        title = first.title or first.text[:60]
        lines.append(f"  {len(group)} like {title!r} ({first.outlet or first.origin})")
    lines.append(
        "  the report compares them as one story; compare one story's articles, or sort them into stories "
        "with `newsprism ingest FILES --store s.db` and `newsprism stories --store s.db`"
    )
    stderr_console().print("\n".join(lines), markup=False)


def _story(pipeline: Pipeline, articles: list[Article], quiet: bool) -> Any:
    from newsprism.model import Story

    with spinner(quiet) as say:
        say("segmenting and embedding")
        sources = pipeline.sources(articles)
        say("aligning claims")
        return Story(sources=tuple(sources), claims=pipeline.claims(sources))


def _lens_listing(
    lens: str,
    inputs: list[str],
    fmt: TextFormat,
    settings: Settings,
    quiet: bool,
    listing: Callable[[Pipeline, Any], tuple[dict[str, object], str]],
    empty: str,
) -> None:
    """A lens on its own over one story: text for the terminal, or its sections of the JSON report."""
    import json

    from newsprism.pipeline import Pipeline
    from newsprism.report.json import skipped_list

    pipeline = Pipeline(settings)
    articles, skipped = _read(pipeline, inputs, quiet)
    as_json, as_text = listing(pipeline, _story(pipeline, articles, quiet))
    if fmt is TextFormat.json:
        as_json["skipped"] = skipped_list(skipped)
        write_output(json.dumps(as_json, ensure_ascii=False, indent=2), None)
    else:
        write_output(as_text or empty, None)
    raise typer.Exit(EXIT_PARTIAL if skipped else EXIT_OK)


@app.command()
def quotes(
    inputs: Inputs,
    fmt: JsonOrText = TextFormat.text,
    config: ConfigOpt = None,
    allow_private: AllowPrivate = False,
    quiet: Quiet = False,
    debug: Debug = False,
) -> None:
    """Who is quoted, by which outlet, with which verb; quotes that outlets share."""
    with handle_errors(debug):
        from newsprism.lenses.quotes import format_quotes, quotes_json

        def listing(pipeline: Pipeline, story: Any) -> tuple[dict[str, object], str]:
            found = pipeline.quotes(story)
            return quotes_json(story.sources, found), format_quotes(story.sources, found)

        settings = load_settings(config, allow_private)
        _lens_listing("quotes", inputs, fmt, settings, quiet, listing, "no quotes found")


@app.command()
def contradictions(
    inputs: Inputs,
    fmt: JsonOrText = TextFormat.text,
    config: ConfigOpt = None,
    allow_private: AllowPrivate = False,
    quiet: Quiet = False,
    debug: Debug = False,
) -> None:
    """Where outlets disagree on numbers, dates, names or polarity, each outlet's sentence side by side."""
    with handle_errors(debug):
        from newsprism.lenses.contradictions import contradictions_json, format_contradictions

        def listing(pipeline: Pipeline, story: Any) -> tuple[dict[str, object], str]:
            found = pipeline.contradictions(story)
            return contradictions_json(story.sources, found), format_contradictions(story.sources, found)

        settings = load_settings(config, allow_private)
        _lens_listing("contradictions", inputs, fmt, settings, quiet, listing, "no disagreements found")


@app.command()
def language(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(help="Articles (as for compare); with --per-line, one file of lines."),
    ] = None,
    per_line: Annotated[
        bool,
        typer.Option("--per-line", help="Read one sentence per line; write one JSON object per line."),
    ] = False,
    fmt: JsonOrText = TextFormat.text,
    config: ConfigOpt = None,
    allow_private: AllowPrivate = False,
    quiet: Quiet = False,
    debug: Debug = False,
) -> None:
    """Loaded language per source, the outlet's own voice kept apart from words it quotes (and who is quoted);
    each title's loaded words too."""
    with handle_errors(debug):
        import json

        from newsprism.lenses.language import LanguageLens, score_lines
        from newsprism.lenses.language_cli import language_json, print_language, spans_by_source
        from newsprism.model import Story, Summary
        from newsprism.pipeline import Findings, Pipeline, assemble_report

        if not inputs:
            raise UsageError("name at least one input (a file, URL or -)")
        if per_line:
            if len(inputs) != 1:
                raise UsageError("--per-line reads exactly one file (or - for standard input)")
            lines = _lines(inputs[0])
            pipeline = Pipeline(load_settings(config, allow_private))
            for row in score_lines(lines, pipeline.language):  # type: ignore[arg-type]
                sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
            return
        pipeline = Pipeline(load_settings(config, allow_private))
        articles, skipped = _read(pipeline, inputs, quiet)
        with spinner(quiet) as say:
            say("segmenting and embedding")
            story = Story(sources=tuple(pipeline.sources(articles)))  # no claims: the lens needs none
            say("quotes")
            quotes = pipeline.quotes(story)
            say("loaded language")
            found = pipeline.language(story, quotes)
            # titles need the lens itself (a null or custom lens has none); who is quoted needs the quotes
            lens = pipeline.language if isinstance(pipeline.language, LanguageLens) else None
            items = spans_by_source(story, found, quotes=quotes, lens=lens, quote_lens=pipeline.quotes)
        if fmt is TextFormat.json:
            from newsprism.report.json import to_dict

            report = assemble_report(story, Findings(language=found), Summary(), tuple(skipped))
            data = language_json(items, to_dict(report)["sources"], skipped)
            write_output(json.dumps(data, ensure_ascii=False, indent=2), None)
        else:
            print_language(items)
        raise typer.Exit(EXIT_PARTIAL if skipped else EXIT_OK)


def _lines(path: str) -> list[str]:
    if path == "-":
        return sys.stdin.read().splitlines()
    try:
        return Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from exc
    except UnicodeDecodeError:
        raise UsageError(f"{path} is not UTF-8 text; --per-line reads one sentence per line") from None


@app.command()
def serve(
    store: Annotated[
        Path | None, typer.Option("--store", help="The story store (default: the user data folder).")
    ] = None,
    host: Annotated[str, typer.Option("--host", help="Address to bind; the app has no login.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8000,
    config: ConfigOpt = None,
    allow_private: AllowPrivate = False,
    max_upload_mb: Annotated[float, typer.Option("--max-upload-mb", help="Largest uploaded file.")] = 2.0,
    trusted_origin: Annotated[
        list[str] | None,
        typer.Option("--trusted-origin", help="Another origin allowed to POST (a proxy's public URL)."),
    ] = None,
    debug: Debug = False,
) -> None:
    """Serve stories and reports in a browser (needs the 'web' extra)."""
    with handle_errors(debug):
        from newsprism.web import serve as run

        run(
            store,
            host,
            port,
            config=config,
            allow_private=allow_private,
            max_upload_mb=max_upload_mb,
            trusted_origins=tuple(trusted_origin or ()),
        )


@app.command()
def batch(
    source: Annotated[
        Path, typer.Argument(help="A .jsonl/.ndjson/.parquet file of articles, or a folder of them.")
    ],
    out: Annotated[Path, typer.Option("--out", help="Folder for the Parquet tables and story reports.")],
    engine: Annotated[str, typer.Option("--engine", help="local, or ray (needs the 'ray' extra).")] = "local",
    address: Annotated[
        str | None, typer.Option("--address", help="An existing Ray cluster, e.g. ray://head:10001.")
    ] = None,
    num_cpus: Annotated[int, typer.Option("--num-cpus", min=1, help="Workers for a local Ray instance.")] = 2,
    block_days: Annotated[
        float | None,
        typer.Option(
            "--block-days",
            help="Days of publication dates per clustering block, default 28 (stories are clustered per "
            "language and block in parallel, then merged where they meet at block edges).",
        ),
    ] = None,
    config: ConfigOpt = None,
    debug: Debug = False,
) -> None:
    """Analyse an archive: per-article stages, stories, per-story reports, written as Parquet (resumable)."""
    with handle_errors(debug):
        from newsprism.batch import run_batch
        from newsprism.batch.blocks import BLOCK_DAYS

        if engine not in ("local", "ray"):
            raise UsageError(f"unknown engine '{engine}': use local or ray")
        summary = run_batch(
            source,
            out,
            engine,
            address,
            settings=load_settings(config, False),
            num_cpus=num_cpus,
            block_days=BLOCK_DAYS if block_days is None else block_days,
        )
        raise typer.Exit(EXIT_PARTIAL if summary.skipped_inputs else EXIT_OK)


@app.command("settings")
def show_settings(config: ConfigOpt = None, debug: Debug = False) -> None:
    """Print every setting in effect (defaults, then --config) as TOML, each with what it does."""
    with handle_errors(debug):
        write_output(load_settings(config, False).to_toml(), None)


def _register_store_commands() -> None:
    from newsprism.cli_store import register_store_commands

    register_store_commands(app)


_register_store_commands()


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
