"""Report renderers: versioned JSON (load and save), Markdown and one standalone HTML page."""

from newsprism.report.html import to_html
from newsprism.report.json import SCHEMA, check_offsets, from_dict, from_json, to_dict, to_json
from newsprism.report.markdown import to_markdown

__all__ = [
    "SCHEMA",
    "check_offsets",
    "from_dict",
    "from_json",
    "to_dict",
    "to_html",
    "to_json",
    "to_markdown",
]
