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


STORY = [
    "Lamm Lines has bought two electric ferries from the Osterby yard, the company said on Monday.",
    "The ships will replace the diesel ferry Nordvik on the Lamm crossing in 2033.",
    '"This is the quietest crossing we have ever planned," said chief executive Ines Holm.',
]
# sentences that look a little like furniture but are the article's own
KEPT = [
    "Read more carefully, the contract says the yard pays for any delay.",
    "Registered passengers can sign up by email for the first sailing, the company said.",
    "The picture: a yard with a full order book for the first time since 2019.",
    "Live music will greet the first ship when it docks at Lamm.",
]


def test_boilerplate_lines_are_left_out_and_article_sentences_kept(tmp_path: Path) -> None:
    furniture = [
        "ADVERTISEMENT",
        "Read more: Osterby yard wins navy contract",
        "Sign up to the Osterby Morning newsletter - the harbour news before breakfast.",
        "The Nordvik leaving Lamm pier in May. Photograph: Ada Lind/Osterby Tidende",
        "Ines Holm at the yard on Monday. (AP Photo/Tor Brenna)",
        "Story continues below advertisement",
        "Follow us on Facebook for more harbour news",
    ]
    lines = [STORY[0], furniture[0], STORY[1], *furniture[1:4], *KEPT, STORY[2], *furniture[4:]]
    path = tmp_path / "ferries.txt"
    path.write_text("Title: Lamm Lines buys electric ferries\n\n" + "\n\n".join(lines), encoding="utf-8")
    article = _one(path)
    assert article.text.split("\n\n") == [STORY[0], STORY[1], *KEPT, STORY[2]]
    assert article.warnings == ()


def test_a_paywall_box_is_left_out_with_a_warning_that_the_text_may_be_incomplete(tmp_path: Path) -> None:
    page = (
        "<!DOCTYPE html><html><head><title>Ferries</title>"
        '<meta property="og:site_name" content="Osterby Tidende"></head><body><article><h1>Ferries</h1>'
        + "".join(f"<p>{s}</p>" for s in STORY[:2])
        + '<p class="ad">ADVERTISEMENT</p>'
        + f"<p>{STORY[2]}</p>"
        + '<div class="paywall"><p>Subscribe to keep reading. Get unlimited access to Osterby Tidende for '
        "just 9 crowns a month. Already a subscriber? Log in.</p></div></article></body></html>"
    )
    path = tmp_path / "ferries.html"
    path.write_text(page, encoding="utf-8")
    article = _one(path)
    assert article.text.split("\n\n") == STORY
    assert any("paywall" in w and "incomplete" in w for w in article.warnings)


def test_a_live_blog_keeps_its_update_times_and_drops_its_labels(tmp_path: Path) -> None:
    updates = [
        ("09:10 CET", "The first electric ferry has left the Osterby yard for sea trials."),
        ("08:45 CET", "Crowds are gathering on Lamm pier to watch the ferry pass."),
        ("08:05 CET", "Lamm Lines says the trial will last about four hours."),
    ]
    blog = "".join(
        f'<div class="live-update"><time>{t}</time><strong>Update</strong><p>{p}</p>'
        '<span class="share">Share this update</span></div>'
        for t, p in updates
    )
    page = (
        "<!DOCTYPE html><html><head><title>Live: ferry trials</title></head><body><article>"
        "<h1>Live: ferry trials</h1><div class='liveblog'><p>Follow our live coverage of the first "
        f"electric ferry's sea trials off Osterby.</p>{blog}</div></article></body></html>"
    )
    path = tmp_path / "live.html"
    path.write_text(page, encoding="utf-8")
    article = _one(path)
    assert article.text.split("\n\n") == [x for pair in updates for x in pair]


def test_feed_captions_read_more_links_and_newsletter_boxes_are_left_out(tmp_path: Path) -> None:
    content = (
        '<figure><img src="ship.jpg"><figcaption>The Nordvik at Lamm pier. Photograph: Ada Lind/Osterby '
        "Tidende</figcaption></figure>"
        + "".join(f"<p>{s}</p>" for s in STORY)
        + '<p><strong>Read more:</strong> <a href="/yard">Osterby yard wins navy contract</a></p>'
        + '<p class="newsletter">Sign up to the Osterby Morning newsletter &#8211; the harbour news '
        "before breakfast.</p>"
    )
    rss = f"""<?xml version="1.0"?><rss version="2.0"
xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Osterby Tidende</title>
<item><title>Lamm Lines buys electric ferries</title><link>https://osterby.example/ferries</link>
<content:encoded><![CDATA[{content}]]></content:encoded></item></channel></rss>"""
    path = tmp_path / "osterby.rss"
    path.write_text(rss, encoding="utf-8")
    article = _one(path)
    assert article.text.split("\n\n") == STORY


def test_a_news_api_cut_marker_is_stripped_with_a_warning(tmp_path: Path) -> None:
    content = " ".join(STORY) + " The yard will deliver the second ship in\u2026 [+2310 chars]"
    api = {
        "status": "ok",
        "articles": [
            {
                "source": {"id": None, "name": "Osterby Tidende"},
                "title": "Lamm Lines buys electric ferries",
                "content": content,
            }
        ],
    }
    path = tmp_path / "api.json"
    path.write_text(json.dumps(api), encoding="utf-8")
    article = _one(path)
    assert article.text.endswith("The yard will deliver the second ship in...")
    assert "chars]" not in article.text
    assert any("2,310 characters" in w and "cut" in w for w in article.warnings)
    # a bracketed count inside the text is the article's own
    own = tmp_path / "own.txt"
    own.write_text(
        f"Title: Ferries\n\n{STORY[0]} The order [+2 ships] doubles the fleet.\n", encoding="utf-8"
    )
    assert "[+2 ships]" in _one(own).text and _one(own).warnings == ()
