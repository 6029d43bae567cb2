"""The command line: formats, outputs and exit codes (0 ok, 1 partial, 2 usage), never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

WIRE = str(EXAMPLES / "wire_report.txt")
TABLOID = str(EXAMPLES / "daily_clarion.html")


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsprism.cli", *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=300,
    )


@pytest.fixture(scope="module")
def json_run() -> subprocess.CompletedProcess[str]:
    return run("compare", WIRE, TABLOID, "--format", "json", "--quiet")


def test_compare_json_to_stdout(json_run: subprocess.CompletedProcess[str]) -> None:
    assert json_run.returncode == 0, json_run.stderr
    data = json.loads(json_run.stdout)
    assert data["schema"] == "newsprism.report/1"
    assert len(data["sources"]) == 2


def test_compare_html_file_and_partial_exit(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = run("compare", WIRE, TABLOID, str(tmp_path / "nope.txt"), "-o", str(out))
    assert result.returncode == 1
    assert "nope.txt" in result.stderr
    assert "Traceback" not in result.stderr
    assert out.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")


def test_stdin_and_markdown() -> None:
    text = Path(WIRE).read_text(encoding="utf-8")
    result = run("compare", "-", "--format", "md", "--quiet", stdin=text)
    assert result.returncode == 0, result.stderr
    assert "Reuters" in result.stdout


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run("compare").returncode == 2
    assert run("compare", WIRE, "--format", "pdf").returncode == 2
    bad_suffix = run("compare", WIRE, "-o", str(tmp_path / "report.pdf"))
    assert bad_suffix.returncode == 2
    assert "--format" in bad_suffix.stderr
    bad_config = tmp_path / "bad.toml"
    bad_config.write_text("[align]\nnot_a_key = 1\n")
    result = run("compare", WIRE, "--config", str(bad_config))
    assert result.returncode == 2
    assert "not_a_key" in result.stderr
    assert "Traceback" not in result.stderr


def test_nothing_to_analyse_exits_1(tmp_path: Path) -> None:
    result = run("compare", str(tmp_path / "missing.txt"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr


def test_quotes_json_and_text() -> None:
    result = run("quotes", WIRE, TABLOID, "--format", "json", "--quiet")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    texts = {s["id"]: s["text"] for s in data["sources"]}
    assert data["quotes"] and data["speakers"]
    for q in data["quotes"]:
        assert texts[q["source"]][q["start"] : q["end"]] == q["text"]
    names = {s["name"] for s in data["speakers"]}
    assert any("Lindqvist" in n or "Lindquist" in n for n in names)
    text = run("quotes", WIRE, "--quiet")
    assert text.returncode == 0 and "Tomas Brenner" in text.stdout


def test_language_per_line_and_json(tmp_path: Path) -> None:
    lines = tmp_path / "lines.txt"
    lines.write_text("The tyrant ranted about the vote.\nThe minister said talks would resume.\n")
    result = run("language", "--per-line", str(lines))
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["text"] for r in rows] == lines.read_text().splitlines()
    assert {s["text"] for s in rows[0]["spans"]} >= {"tyrant", "ranted"} and rows[1]["spans"] == []
    report = run("language", TABLOID, "--format", "json", "--quiet")
    assert report.returncode == 0, report.stderr
    spans = json.loads(report.stdout)["language"]
    voices = {s["text"].lower(): s["voice"] for s in spans}
    assert voices["tyrant"] == "authorial" and voices["sham votes"] == "attributed"  # the adviser's words


def test_language_shows_titles_and_who_is_quoted(tmp_path: Path) -> None:
    story = tmp_path / "recount.txt"
    story.write_text(
        "Title: SMUG RIVALS CELEBRATE as recount ends\n\n"
        "The recount in Brenholt ended on Monday. “The count was a stitch-up,” said former mayor Ilse "
        "Dorrow.\nHer clueless advisers left early.",
        encoding="utf-8",
    )
    data = json.loads(run("language", str(story), "--format", "json", "--quiet").stdout)
    assert list(data) == ["schema", "sources", "language", "title_language", "skipped"]
    rows = {s["text"]: s for s in data["language"]}
    assert rows["stitch-up"]["voice"] == "attributed" and rows["stitch-up"]["speaker_name"] == "Ilse Dorrow"
    # the ids `newsprism quotes` gives on the same inputs
    assert (rows["stitch-up"]["quote"], rows["stitch-up"]["speaker"]) == ("q1", "p1")
    assert rows["clueless"]["quote"] is None and rows["clueless"]["speaker_name"] is None
    (title,) = data["sources"]
    spans = [(t["text"], title["title"][t["start"] : t["end"]]) for t in data["title_language"]]
    assert spans == [("SMUG", "SMUG")]  # offsets into the title
    text = run("language", str(story), "--quiet")
    assert text.returncode == 0, text.stderr
    assert "title: SMUG" in text.stdout  # the title line above the text, and the title's row
    assert "attributed (Ilse" in text.stdout and "Dorrow, q1)" in text.stdout  # the table wraps the cell


def test_unsupported_scheme_is_named_not_a_missing_file(tmp_path: Path) -> None:
    result = run("compare", "ftp://ftp.velmora.example/harbour.txt", str(tmp_path / "missing.txt"))
    assert result.returncode == 1
    err = " ".join(result.stderr.split())  # rich wraps long lines
    assert "ftp:// addresses are not read" in err and "https:// URLs" in err
    assert "Traceback" not in result.stderr


def test_help_says_folders_are_read_with_subfolders() -> None:
    for command in ("compare", "quotes", "ingest"):
        out = " ".join(run(command, "--help").stdout.replace("│", " ").split())
        assert "subfolder" in out, command


def test_every_command_has_help() -> None:
    for command in (
        "compare",
        "quotes",
        "contradictions",
        "language",
        "serve",
        "ingest",
        "watch",
        "stories",
        "story",
    ):
        result = run(command, "--help")
        assert result.returncode == 0 and "Usage" in result.stdout, command


def test_batch_local_writes_tables_and_reports(tmp_path: Path) -> None:
    ledger = json.loads((EXAMPLES / "northern_ledger.json").read_text(encoding="utf-8"))
    wire_body = Path(WIRE).read_text(encoding="utf-8").split("\n\n", 1)[1]
    wire = {"title": "Varnia signs", "outlet": "Reuters", "published": "2026-11-13", "text": wire_body}
    source = tmp_path / "archive.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in (ledger, wire)) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run("batch", str(source), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert {"articles", "stories", "claims", "reports"} <= {p.name for p in out.iterdir()}
    assert run("batch", str(source), "--out", str(out), "--engine", "nope").returncode == 2
    bad = run("batch", str(source), "--out", str(tmp_path / "other"), "--block-days", "0")
    assert bad.returncode == 2 and "block_days must be a positive" in bad.stderr


def test_contradictions_text_and_json() -> None:
    ledger = str(EXAMPLES / "northern_ledger.json")
    text = run("contradictions", WIRE, TABLOID, ledger, "--quiet")
    assert text.returncode == 0, text.stderr
    head, *sentences = text.stdout.splitlines()[:4]
    assert head.startswith("number: The Daily Clarion ('at least 30 people') disagrees with Reuters")
    assert sentences[0].startswith("  Reuters: ") and "killed 23 people" in sentences[0]
    assert any(line.startswith("  The Daily Clarion: ") and "at least 30" in line for line in sentences)
    data = json.loads(run("contradictions", WIRE, TABLOID, ledger, "--format", "json", "--quiet").stdout)
    assert data["schema"] == "newsprism.report/1"
    kinds = {c["kind"] for c in data["contradictions"]}
    assert kinds == {"number", "entity"}  # the toll, and the town the Ledger names
    texts = {s["id"]: s["text"] for s in data["sources"]}
    for c in data["contradictions"]:
        for v in c["values"]:
            assert texts[v["source"]][v["start"] : v["end"]] == v["text"]
    assert run("contradictions", WIRE, "--format", "md").returncode == 2


@pytest.mark.parametrize("lens", ["quotes", "contradictions", "language"])
def test_lens_commands_list_skipped_inputs_and_offer_text_or_json(lens: str, tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.txt")
    result = run(lens, WIRE, TABLOID, missing, "--format", "json", "--quiet")
    assert result.returncode == 1, result.stderr  # partial: one input left out
    assert [s["origin"] for s in json.loads(result.stdout)["skipped"]] == [missing]
    assert "<text|json>" in run(lens, "--help").stdout.replace(" ", "")
    assert run(lens, WIRE, "--format", "html").returncode == 2


def test_several_stories_are_warned_of_but_a_lone_local_angle_is_not(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from newsprism.cli import _warn_several_stories
    from newsprism.model import Article

    arts = [Article(id=str(i), text="x", title=f"title {i}", outlet=f"Outlet {i}") for i in range(6)]
    _warn_several_stories(arts, [[0, 1, 2], [3]])
    assert capsys.readouterr().err == ""
    _warn_several_stories(arts, [[0, 1, 2], [3, 4], [5]])
    err = capsys.readouterr().err
    assert "6 articles look like 3 different stories" in err and "'title 3' (Outlet 3)" in err


def test_identical_files_naming_no_outlet_are_one_source_with_a_warning(tmp_path: Path) -> None:
    """Two saved copies of one article, each known only by its file name, were two outlets."""
    body = (
        "The Tolvik harbour ferry resumed its crossings to Brannholm on Monday after a storm kept it in "
        "port for three days, the harbour office said. The first boat left at 06:40 with 112 passengers.\n\n"
        "Harbour master Edda Lunn said the breakwater lights had been repaired overnight and that the "
        "timetable would be back to normal by Wednesday."
    )
    first, second = tmp_path / "harbour_story.txt", tmp_path / "harbour_story_copy.txt"
    first.write_text(body, encoding="utf-8")
    second.write_text(body, encoding="utf-8")
    result = run("compare", str(first), str(second), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert [s["outlet"] for s in json.loads(result.stdout)["sources"]] == ["harbour_story"]
    warning = f"newsprism: {first}: {second} has exactly the same text; it was read once, as this article"
    assert warning in result.stderr  # one line, so a script can search for the path
