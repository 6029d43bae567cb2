"""What every command of the command line shares: exit codes, options, settings, errors, output.

Exit codes: 0 everything analysed, 1 some inputs skipped (or nothing left to analyse), 2 usage error.
Errors are one readable line on stderr; ``--debug`` shows the traceback for bug reports.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from newsprism.errors import NewsprismError, UsageError

if TYPE_CHECKING:
    from newsprism.settings import Settings

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2


class Format(StrEnum):
    html = "html"
    json = "json"
    md = "md"


Inputs = Annotated[
    list[str],
    typer.Argument(
        help="Files (.txt .md .html .json .jsonl; file:// URLs too), folders (their article files and those "
        "of every subfolder, by path; hidden ones, README and LICENSE skipped), http(s) URLs of pages "
        "or RSS/Atom feeds, or - for standard input."
    ),
]
ConfigOpt = Annotated[
    Path | None, typer.Option("--config", help="A TOML settings file; it overrides only the keys it sets.")
]
AllowPrivate = Annotated[
    bool, typer.Option("--allow-private", help="Allow URLs on private, loopback or link-local addresses.")
]


class TextFormat(StrEnum):
    """What the lens commands write: text for the terminal, or their sections of the JSON report."""

    text = "text"
    json = "json"


JsonOrText = Annotated[
    TextFormat, typer.Option("--format", "-f", help="text for the terminal, or json for batch use.")
]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress or warnings on stderr.")]
Debug = Annotated[bool, typer.Option("--debug", help="Show tracebacks for bug reports.")]


def stderr_console() -> Any:
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)  # a warning names a path: never cut it


@contextmanager
def spinner(quiet: bool) -> Iterator[Callable[[str], None]]:
    """A spinner on stderr naming the stage that is running (long model loads included)."""
    if quiet or not sys.stderr.isatty():
        yield lambda _msg: None
        return
    from rich.status import Status

    with Status("starting", console=stderr_console()) as status:
        yield lambda msg: status.update(f"{msg} ...")


@contextmanager
def progress_bar(quiet: bool, label: str, total: int) -> Iterator[Callable[[int], None]]:
    """A bar on stderr for long work over ``total`` items, advanced by the count each step finished;
    nothing when quiet or when stderr is not a terminal (logs and pipes stay clean)."""
    if quiet or total < 2 or not sys.stderr.isatty():
        yield lambda _n: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=stderr_console(), transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda n: bar.advance(task, n)


@contextmanager
def handle_errors(debug: bool) -> Iterator[None]:
    """Turn every failure into one readable line and the right exit code, never a traceback."""
    try:
        yield
    except typer.Exit:
        raise
    except UsageError as exc:
        stderr_console().print(f"newsprism: {exc}", style="red", markup=False)
        raise typer.Exit(EXIT_USAGE) from None
    except NewsprismError as exc:
        if debug:
            raise
        stderr_console().print(f"newsprism: {exc}", style="red", markup=False)
        raise typer.Exit(EXIT_PARTIAL) from None
    except KeyboardInterrupt:
        stderr_console().print("newsprism: interrupted")
        raise typer.Exit(130) from None
    except Exception as exc:
        if debug:
            raise
        console = stderr_console()
        console.print(f"newsprism: unexpected error: {type(exc).__name__}: {exc}", style="red", markup=False)
        console.print("Run again with --debug and report the traceback at the project's issue tracker.")
        raise typer.Exit(EXIT_PARTIAL) from None


def load_settings(config: Path | None, allow_private: bool, **overrides: Any) -> Settings:
    from newsprism.settings import Settings

    if allow_private:
        overrides["fetch__allow_private"] = True
    return Settings.load(config, **overrides)


def write_output(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror}") from exc


def format_for(output: Path | None, fmt: Format | None) -> Format:
    if output is not None and output.is_dir():
        raise UsageError(f"-o {output} is a folder: name the report file, e.g. -o {output / 'report.html'}")
    if fmt is not None:
        return fmt
    if output is None:
        return Format.md
    by_suffix = {".html": Format.html, ".htm": Format.html, ".json": Format.json, ".md": Format.md}
    try:
        return by_suffix[output.suffix.lower()]
    except KeyError:
        raise UsageError(
            f"cannot tell the format from '{output.name}': use .html, .json or .md, or pass --format"
        ) from None
