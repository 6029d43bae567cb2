"""Markup where text was expected: HTML fragments in JSON fields read as HTML pages are (entities
decoded, boxes beside the article left out), and boilerplate lines left out of every kind of input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.ingest import read_articles
from newsprism.model import Article
from newsprism.normalise import fragment_text, looks_like_fragment
from newsprism.settings import Settings


def _one(path: Path) -> Article:
    articles, skipped = read_articles([str(path)], Settings())
    assert skipped == [] and len(articles) == 1
    return articles[0]


FRAGMENT = (
    "<p>Ferry operator <b>Lamm Lines</b> has bought two electric ships from the Osterby yard for "
    "&euro;31m, the company said on Monday.</p><p>The ships will enter service in 2033 &amp; replace "
    "the diesel ferry <i>Nordvik</i>.</p>"
    '<div class="related"><h3>Related</h3><ul><li>Osterby yard wins navy contract</li></ul></div>'
    '<figure><img src="ship.jpg"><figcaption>An electric ferry on trials. Photograph: Ada Lind</figcaption>'
    "</figure><script>track()</script>"
)
FRAGMENT_TEXT = (
    "Ferry operator Lamm Lines has bought two electric ships from the Osterby yard for €31m, the company "
    "said on Monday.\n\nThe ships will enter service in 2033 & replace the diesel ferry Nordvik."
)


@pytest.mark.parametrize("field", ["body", "text", "content", "html", "content_html"])
def test_an_html_fragment_in_a_json_field_is_read_as_html(tmp_path: Path, field: str) -> None:
    path = tmp_path / "export.jsonl"
    record = {"headline": "Lamm Lines buys electric ferries", field: FRAGMENT, "source": "Osterby Tidende"}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    article = _one(path)
    assert article.text == FRAGMENT_TEXT
    assert article.outlet == "Osterby Tidende" and article.title == "Lamm Lines buys electric ferries"


def test_prose_that_mentions_a_tag_or_a_less_than_sign_is_not_markup(tmp_path: Path) -> None:
    prose = (
        "The harbour office said fewer than 3 < 5 ferries ran on Monday, and that its web page, which "
        "still shows a stray <b> tag, would be fixed by Tuesday."
    )
    assert not looks_like_fragment(prose)
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"title": "Ferries", "text": prose}), encoding="utf-8")
    assert _one(path).text == prose


def test_fragment_text_keeps_nested_and_unclosed_paragraphs() -> None:
    markup = (
        '<div class="story"><p>First paragraph of the story.<p>Second one, <a href="/x">linked</a>.</div>'
        '<div class="share-tools"><div>Share</div><div>Tweet</div></div><p>Last paragraph.</p>'
    )
    assert fragment_text(markup) == (
        "First paragraph of the story.\n\nSecond one, linked.\n\nLast paragraph."
    )
