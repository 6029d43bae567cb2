"""Write the example report in every format, as a user would, and check the files hold together."""

from __future__ import annotations

import json
from pathlib import Path

from newsprism.model import StoryReport
from newsprism.report import check_offsets, from_json


def test_render_all_formats(sample_report: StoryReport, tmp_path: Path) -> None:
    html_path = tmp_path / "report.html"
    html_path.write_text(sample_report.to_html(), encoding="utf-8")
    (tmp_path / "report.md").write_text(sample_report.to_markdown(), encoding="utf-8")
    (tmp_path / "report.json").write_text(sample_report.to_json(), encoding="utf-8")

    html = html_path.read_text(encoding="utf-8")
    assert html.count("<section id=") == 8 and html.rstrip().endswith("</html>")
    assert 20_000 < len(html.encode()) < 400_000
    loaded = from_json((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert loaded == sample_report and check_offsets(loaded) == []
    assert (
        json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["schema"] == "newsprism.report/1"
    )
    assert "## Claims" in (tmp_path / "report.md").read_text(encoding="utf-8")
