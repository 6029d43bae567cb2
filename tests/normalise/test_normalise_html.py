"""HTML extraction keeps paragraphs and metadata, drops boilerplate, and stays bounded on huge pages."""

from __future__ import annotations

from pathlib import Path

from newsprism.normalise import extract_html, looks_like_html, strip_heavy_markup

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


def test_article_page_text_and_metadata() -> None:
    page = (FIXTURES / "ledger.html").read_text(encoding="utf-8")
    out = extract_html(page)
    assert out.title == "Kessla port strike ends with pay deal"
    assert out.published == "2025-04-17T14:05:00+00:00"  # article:published_time, with its time
    assert out.site_name == "The Harbour Ledger"
    assert out.url == "https://harbourledger.example/business/kessla-strike-deal"
    paragraphs = out.text.split("\n\n")
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("The nine-day strike at the Port of Kessla ended on Thursday")
    assert '"Nobody wins a strike like this," said Mirela Dask' in out.text
    assert "dockers' union" in out.text and "6.5 per cent" in out.text
    for junk in ("Home", "Sport", "All rights reserved", "tracking", "font-family"):
        assert junk not in out.text
    assert not out.text.startswith(out.title)  # the <h1> is carried as the title, not repeated
    assert out.warnings == ()


def test_json_ld_metadata_survives_script_stripping() -> None:
    ld = (
        '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Kessla deal signed",'
        ' "datePublished": "2025-04-17T09:00:00Z",'
        ' "publisher": {"@type": "Organization", "name": "Kessla Post"}}'
    )
    page = (
        f"<html><head><script type='application/ld+json'>{ld}</script><script>var x = 1;</script></head>"
        "<body><article><p>Dock workers at the Port of Kessla returned to work on Thursday after a deal, "
        "the port authority said in a statement.</p></article></body></html>"
    )
    assert "ld+json" in strip_heavy_markup(page) and "var x" not in strip_heavy_markup(page)
    out = extract_html(page)
    assert out.published == "2025-04-17T09:00:00+00:00"
    assert out.site_name == "Kessla Post"


def test_page_without_article_text() -> None:
    out = extract_html("<html><body><nav><a href='/'>Home</a> | <a href='/s'>Sport</a></nav></body></html>")
    assert len(out.text.split()) < 5  # nothing the min_words check would accept


def test_strip_heavy_markup() -> None:
    page = (
        "<p>keep 1</p><script type='x'>if (a<b) {}</script><!-- note <p>gone</p> -->"
        "<STYLE>p{}</STYLE ><svg class='icon'/><p>keep 2</p><svg><path d='M0'/></svg>"
        "<scripts>keep 3</scripts>"
        "<noscript><p>enable js</p></noscript><p>keep 4</p><script>never closed <p>gone</p>"
    )
    assert strip_heavy_markup(page) == "<p>keep 1</p><p>keep 2</p><scripts>keep 3</scripts><p>keep 4</p>"


def test_huge_page_is_capped_with_a_warning() -> None:
    paragraph = (
        "<p>Paragraph {} of a very long live blog about the harbour strike and its many effects.</p>\n"
    )
    body = "".join(paragraph.format(i) for i in range(60_000))  # about 5.5 MB
    page = f"<html><head><title>Live blog</title></head><body><article>{body}</article></body></html>"
    out = extract_html(page, max_parse_chars=200_000)  # speed is measured in benchmarks/, not here
    assert "Paragraph 0 of a very long live blog" in out.text
    assert "Paragraph 59999" not in out.text
    assert len(out.warnings) == 1 and "only the first 0.2 MB were parsed" in out.warnings[0]


def test_sniffing() -> None:
    assert looks_like_html("<!DOCTYPE html><html><body>x</body></html>")
    assert looks_like_html("\n\n<html lang='en'>")
    assert not looks_like_html("The council said the <b> tag was banned.")
    assert not looks_like_html("Title: x\n\nbody")


def test_a_published_time_is_read_whatever_the_attribute_order() -> None:
    page = (
        '<html><head><meta content="2025-04-17T09:30:00+02:00" property="article:published_time">'
        "</head><body><article><p>Dock workers at the Port of Kessla returned to work on Thursday after "
        "a deal, the port authority said in a statement.</p></article></body></html>"
    )
    assert extract_html(page).published == "2025-04-17T09:30:00+02:00"
