"""Files, directories and standard input: every format read, every bad input skipped with a reason."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from newsprism.ingest import article_id, read_articles
from newsprism.model import Article, Skipped
from newsprism.settings import Settings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
BODY = (
    "Dock workers at the Port of Kessla returned to work on Thursday after their union accepted a pay "
    "offer, the port authority said. The deal raises wages by 6.5% over two years."
)
SPANISH = (
    "Los trabajadores del puerto de Kessla volvieron al trabajo el jueves después de que su sindicato "
    "aceptara una oferta salarial que pone fin a una huelga de nueve días, según dijo la autoridad "
    "portuaria. El acuerdo sube los salarios un 6,5% en dos años, según un comunicado del sindicato, que "
    "representa a unos 3.200 trabajadores, y los barcos siguen esperando para descargar en el puerto."
)


def read(
    *inputs: str | Path, settings: Settings | None = None, stdin: str | None = None
) -> tuple[list[Article], list[Skipped]]:
    return read_articles([str(i) for i in inputs], settings or Settings(), stdin=stdin)


def one(*inputs: str | Path, **kwargs: object) -> Article:
    articles, skipped = read(*inputs, **kwargs)  # type: ignore[arg-type]
    assert skipped == []
    assert len(articles) == 1
    return articles[0]


def skip_reason(*inputs: str | Path, **kwargs: object) -> str:
    articles, skipped = read(*inputs, **kwargs)  # type: ignore[arg-type]
    assert articles == []
    assert len(skipped) == 1
    return skipped[0].reason


# ----------------------------------------------------------------------------- formats


def test_text_with_headers() -> None:
    a = one(FIXTURES / "wire.txt")
    assert a.title == "Dock workers end nine-day strike at Port of Kessla"
    assert a.outlet == "Meridian Press Agency"
    assert a.published == "2025-04-17"
    assert a.url == "https://www.meridian-press.example/world/kessla-strike-ends"
    assert a.origin == str(FIXTURES / "wire.txt")
    assert a.language == "en"
    paragraphs = a.text.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("KESSLA, April 17 (MPA) \u2014 Dock workers")
    assert "after their union accepted" in paragraphs[0]  # the hard wrap became a space
    assert paragraphs[2].startswith('"This is a fair outcome for families')
    assert a.id == article_id(a.text) and len(a.id) == 12
    assert all(c in "0123456789abcdef" for c in a.id)


@pytest.mark.parametrize(
    ("header", "field", "value"),
    [
        ("TITLE: Strike ends", "title", "Strike ends"),
        ("outlet:   The Kessla Post  ", "outlet", "The Kessla Post"),
        ("Date: 17 April 2025", "published", "2025-04-17"),
        ("url: https://www.kessla-post.example/a", "outlet", "kessla-post.example"),
        ("Source: Kessla Radio", "outlet", "Kessla Radio"),
    ],
)
def test_header_subsets_and_case(tmp_path: Path, header: str, field: str, value: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"{header}\n\n{BODY}\n", encoding="utf-8")
    a = one(path)
    assert getattr(a, field) == value
    assert a.text == BODY


def test_header_like_line_inside_prose_is_body(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"Date: the union set it for Friday\n{BODY}\n", encoding="utf-8")
    a = one(path)
    assert a.published is None
    assert a.text.startswith("Date: the union set it for Friday")


def test_header_block_without_the_blank_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"Title: Strike ends\nOutlet: Kessla Post\n{BODY}\n", encoding="utf-8")
    a = one(path)
    assert (a.title, a.outlet, a.text) == ("Strike ends", "Kessla Post", BODY)


def test_unparseable_date_is_kept_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"Date: the week after Easter\n\n{BODY}", encoding="utf-8")
    a = one(path)
    assert a.published == "the week after Easter"
    assert any("not understood" in w for w in a.warnings)


def test_markdown_heading_becomes_title() -> None:
    a = one(FIXTURES / "tabloid.md")
    assert a.title == "STRIKE OVER: Kessla bosses cave in at last"
    assert a.text.startswith("Greedy port bosses finally caved on Thursday, handing dock workers a 6.5% rise")
    assert "**" not in a.text
    assert 'called it a "fair outcome" \u2014 but furious shippers' in a.text


def test_html_file() -> None:
    a = one(FIXTURES / "ledger.html")
    assert a.title == "Kessla port strike ends with pay deal"
    assert a.outlet == "The Harbour Ledger"  # the name the page declares beats its host name
    assert a.url == "https://harbourledger.example/business/kessla-strike-deal"
    assert a.published == "2025-04-17T14:05:00+00:00"  # article:published_time, with its time
    assert a.text.count("\n\n") == 3
    assert "All rights reserved" not in a.text


def test_html_sniffed_from_unknown_extension_and_site_name_outlet(tmp_path: Path) -> None:
    page = (
        "<!doctype html><html><head><title>Kessla deal</title>"
        "<meta property='og:site_name' content='Kessla Evening Star'></head><body><article>"
        f"<p>{BODY}</p><p>Ships began unloading on Friday morning, port staff said.</p>"
        "</article></body></html>"
    )
    path = tmp_path / "saved_page"
    path.write_text(page, encoding="utf-8")
    a = one(path)
    assert a.outlet == "Kessla Evening Star"
    assert a.text == BODY + "\n\nShips began unloading on Friday morning, port staff said."


def test_html_without_a_site_name_takes_the_canonical_host(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Kessla deal</title>"
        "<link rel='canonical' href='https://www.kessla-post.example/news/deal'></head>"
        f"<body><article><p>{BODY}</p></article></body></html>"
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    a = one(tmp_path / "page.html")
    assert a.outlet == "kessla-post.example"
    assert a.url == "https://www.kessla-post.example/news/deal"


def test_lone_surrogate_escape_in_json(tmp_path: Path) -> None:
    (tmp_path / "s.json").write_text('{"text": "' + BODY + ' Odd \\ud800 escape."}', encoding="utf-8")
    a = one(tmp_path / "s.json")
    assert a.text.endswith("Odd \ufffd escape.")
    a.text.encode("utf-8")


def test_json_list_with_aliases() -> None:
    articles, skipped = read(FIXTURES / "batch.json")
    assert skipped == []
    first, second = articles
    assert first.origin.endswith("batch.json#1") and second.origin.endswith("batch.json#2")
    assert first.title == "Kessla dockers back at work after deal"  # "headline"
    assert first.outlet == "Coastal Radio News"  # "source": {"name": ...}
    assert first.published == "2025-04-17T16:30:00+00:00"  # "publishedAt"
    assert first.text.count("\n\n") == 1  # "content" with a paragraph break
    assert second.outlet == "The Northern Courier"
    assert second.published == "2025-04-18T08:00:00+00:00"


def test_json_object_html_field_and_wrapped_list(tmp_path: Path) -> None:
    single = tmp_path / "one.json"
    single.write_text(
        json.dumps({"HTML": f"<html><body><article><p>{BODY}</p></article></body></html>", "Outlet": "KP"}),
        encoding="utf-8",
    )
    a = one(single)
    assert a.text == BODY and a.outlet == "KP"
    wrapped = tmp_path / "wrapped.json"
    wrapped.write_text(
        json.dumps({"status": "ok", "articles": [{"body": BODY, "link": "https://kp.example/x"}]})
    )
    b = one(wrapped)
    assert b.text == BODY and b.outlet == "kp.example" and b.origin.endswith("#1")


def test_jsonl_bad_line_skips_only_that_line() -> None:
    articles, skipped = read(FIXTURES / "feed.jsonl")
    assert [a.title for a in articles] == ["Kessla port reopens", "Kessla shipping backlog"]
    assert articles[0].outlet == "islandtimes.example" and articles[0].published == "2025-04-17"
    assert articles[1].outlet == "Freight Weekly"
    (bad,) = skipped
    assert bad.origin == f"{FIXTURES / 'feed.jsonl'}:2"
    assert "line 2" in bad.reason and "feed.jsonl" in bad.reason and "not valid JSON" in bad.reason


def test_directory_in_sorted_order_and_input_order_kept(tmp_path: Path) -> None:
    articles, skipped = read(FIXTURES / "wire.txt", FIXTURES)
    assert skipped and all(s.origin.endswith("feed.jsonl:2") for s in skipped)
    origins = [Path(a.origin.split("#")[0].rsplit(":", 1)[0]).name for a in articles]
    assert origins[0] == "wire.txt"
    assert origins[1:] == [
        "batch.json",
        "batch.json",
        "feed.jsonl",
        "feed.jsonl",
        "ledger.html",
        "tabloid.md",
    ]
    # wire.txt is read first and again from the directory: kept once, with a warning naming the duplicate
    assert any("appears twice" in w and str(FIXTURES / "wire.txt") in w for w in articles[0].warnings)


def test_directory_without_supported_files(tmp_path: Path) -> None:
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden.txt").write_text(BODY)
    (tmp_path / "README.md").write_text(BODY)  # the folder's own notes, not an article
    assert "no readable files" in skip_reason(tmp_path)


def test_directory_reads_subfolders_in_path_order(tmp_path: Path) -> None:
    """Every article file under the folder, at any depth, sorted by path; hidden files and folders, the
    folders' READMEs and unsupported types are left out."""
    files = {
        "b.txt": "the quay in Brisk",
        "a/z.txt": "the bridge in Arlen",
        "a/deep/er/c.md": "the tunnel in Corvo",
        "c/d.json": None,
        ".git/e.txt": "a hidden folder",
        "a/.draft.txt": "a hidden file",
        "a/README.md": "the folder's notes",
        "a/notes.pdf": "not an article",
    }
    for rel, where in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if rel.endswith(".json"):
            path.write_text(
                json.dumps({"title": "Dam", "text": BODY.replace("Port of Kessla", "dam in Dunmore")})
            )
        else:
            path.write_text(BODY.replace("Port of Kessla", str(where)))
    articles, skipped = read(tmp_path)
    assert skipped == []
    order = [Path(a.origin).relative_to(tmp_path).as_posix() for a in articles]
    assert order == ["a/deep/er/c.md", "a/z.txt", "b.txt", "c/d.json"]
    assert "the tunnel in Corvo" in articles[0].text


def test_directory_with_articles_only_in_subfolders_and_none_at_all(tmp_path: Path) -> None:
    (tmp_path / "2026" / "03").mkdir(parents=True)
    (tmp_path / "2026" / "03" / "quay.txt").write_text(BODY)
    assert [Path(a.origin).name for a in read(tmp_path)[0]] == ["quay.txt"]
    empty = tmp_path / "empty"
    (empty / "sub" / ".hidden").mkdir(parents=True)
    (empty / "sub" / ".hidden" / "x.txt").write_text(BODY)
    assert "subfolders hold no readable files" in skip_reason(empty)


FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Kessla Tide Times</title>
<item><title>Kessla dockers back at work</title><link>https://tide.example/dockers</link>
<pubDate>Fri, 06 Mar 2026 14:00:00 GMT</pubDate>
<description>{body}</description></item></channel></rss>"""


def test_feed_files_in_a_folder_are_read_by_content_as_a_named_one_is(tmp_path: Path) -> None:
    """QA: an RSS file inside a folder was left out without a word (only a named one was read). A feed
    file in a folder gives its entries; an OPML list (reading it means fetching) is skipped with a
    reason; XML that is no feed is left out like any other file type."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "e_feed.xml").write_text(FEED.format(body=BODY), encoding="utf-8")
    (tmp_path / "tide.rss").write_text(
        FEED.format(body=BODY.replace("Thursday", "Friday")).replace("dockers<", "dockers2<"),
        encoding="utf-8",
    )
    (tmp_path / "sitemap.xml").write_text('<?xml version="1.0"?><urlset><url/></urlset>', encoding="utf-8")
    (tmp_path / "subs.opml").write_text(
        '<opml version="2.0"><body><outline xmlUrl="https://tide.example/rss"/></body></opml>',
        encoding="utf-8",
    )
    articles, skipped = read(tmp_path)
    assert [a.origin for a in articles] == ["https://tide.example/dockers", "https://tide.example/dockers2"]
    assert {a.outlet for a in articles} == {"Kessla Tide Times"}
    assert articles[0].published == "2026-03-06T14:00:00+00:00"
    assert [Path(s.origin).name for s in skipped] == ["subs.opml"]
    assert "OPML" in skipped[0].reason and "newsprism ingest" in skipped[0].reason
    named = read(tmp_path / "sub" / "e_feed.xml")[0]  # named, the same entries
    assert [a.id for a in named] == [articles[0].id]


def test_a_broken_or_empty_feed_file_is_skipped_with_a_reason(tmp_path: Path) -> None:
    (tmp_path / "broken.xml").write_text('<rss version="2.0"><channel></rss></feed>', encoding="utf-8")
    (tmp_path / "empty.rss").write_text('<rss version="2.0"><channel><title>T</title></channel></rss>')
    (tmp_path / "quay.txt").write_text(BODY)
    articles, skipped = read(tmp_path)
    assert [Path(a.origin).name for a in articles] == ["quay.txt"]  # the rest of the folder is read
    reasons = {Path(s.origin).name: s.reason for s in skipped}
    assert set(reasons) == {"broken.xml", "empty.rss"}
    assert "no entries" in reasons["empty.rss"]


def test_directory_does_not_follow_folder_links(tmp_path: Path) -> None:
    (tmp_path / "quay.txt").write_text(BODY)
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert [Path(a.origin).name for a in read(tmp_path)[0]] == ["quay.txt"]


def test_file_urls_are_read_as_paths(tmp_path: Path) -> None:
    path = tmp_path / "harbour news.txt"
    path.write_text(BODY)
    url = path.as_uri()  # file:///.../harbour%20news.txt
    a = one(url)
    assert a.text == BODY and a.origin == url
    assert one(url.replace("file://", "file://localhost")).text == BODY
    assert skip_reason(url + ".missing") == "no such file; check the path"
    assert "names another computer (fileserver)" in skip_reason("file://fileserver/share/a.txt")
    folder = tmp_path.as_uri()
    assert [Path(x.origin).name for x in read(folder)[0]] == ["harbour news.txt"]


@pytest.mark.parametrize(
    "address", ["ftp://ftp.kessla.example/news/strike.txt", "s3://kessla-bucket/strike.txt", "SFTP://host/a"]
)
def test_unsupported_schemes_are_named(address: str) -> None:
    reason = skip_reason(address)
    scheme = address.split(":", 1)[0].lower()
    assert reason.startswith(f"{scheme}:// addresses are not read")
    assert "http:// and https:// URLs" in reason and "folders" in reason and "standard input" in reason


def test_stdin_text_and_json() -> None:
    a = one("-", stdin=f"Title: From a pipe\nOutlet: Kessla Post\n\n{BODY}")
    assert (a.title, a.outlet, a.origin, a.text) == ("From a pipe", "Kessla Post", "-", BODY)
    b = one("-", stdin=json.dumps({"title": "Piped JSON", "text": BODY}))
    assert b.title == "Piped JSON" and b.text == BODY
    lines = "\n".join(json.dumps({"text": BODY + f" Update {i}."}) for i in range(2))
    articles, skipped = read("-", stdin=lines)
    assert len(articles) == 2 and not skipped and articles[1].origin == "-:2"
    # a broken line among JSON lines on stdin costs that line, as in a .jsonl file
    broken = lines + "\nnot json at all\n" + json.dumps({"text": BODY + " Update 9."})
    articles, skipped = read("-", stdin=broken)
    assert len(articles) == 3 and [s.origin for s in skipped] == ["-:3"]


def test_exact_duplicates_keep_the_first_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"Outlet: A\n\n{BODY}")
    spaced = BODY.replace(" ", "\u00a0 ", 3).replace("6.5%", "6.5%\u200b")
    (tmp_path / "b.txt").write_text(f"Outlet: A\n\n  {spaced}  \n")  # same text once normalised
    (tmp_path / "c.txt").write_text(f"Outlet: C\n\n{BODY} Extra sentence here.")
    articles, skipped = read(tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt")
    assert skipped == []
    assert [a.outlet for a in articles] == ["A", "C"]
    assert articles[0].warnings == (
        f"{tmp_path / 'b.txt'} has exactly the same text; it was read once, as this article",
    )
    # one input holding the same item twice (a feed repeating an entry) is told so plainly
    twice = json.dumps({"text": BODY, "outlet": "A"})
    (tmp_path / "feed.jsonl").write_text(f"{twice}\n{twice}\n")
    articles, _ = read(tmp_path / "feed.jsonl")
    twice_note = (
        f"{tmp_path / 'feed.jsonl'}:2 appears twice (named twice, or repeated in its input); read once"
    )
    assert [a.warnings for a in articles] == [(twice_note,)]


def test_identical_files_that_name_no_outlet_are_one_article_not_two_outlets(tmp_path: Path) -> None:
    """Two saved copies of one article (no outlet named: each would be known by its file name) counted
    as two outlets, so the report showed every fact as shared by two sources."""
    (tmp_path / "kessla_strike.txt").write_text(f"{BODY}\n")
    (tmp_path / "kessla_strike (1).txt").write_text(f"\n{BODY}  \n")  # the same text once normalised
    articles, skipped = read(tmp_path / "kessla_strike.txt", tmp_path / "kessla_strike (1).txt")
    assert skipped == [] and [a.outlet for a in articles] == ["kessla_strike"]
    assert articles[0].warnings == (
        f"{tmp_path / 'kessla_strike (1).txt'} has exactly the same text; it was read once, as this article",
    )
    # in a folder too
    articles, _ = read(tmp_path)
    assert len(articles) == 1


def test_the_same_text_with_an_outlet_named_once_is_kept_twice(tmp_path: Path) -> None:
    """Only copies that name no outlet, or the same one, are one article: a file naming its outlet beside
    an unnamed copy may be that outlet's text and another's reprint of it, which the reuse lens shows."""
    (tmp_path / "copy.txt").write_text(BODY)
    (tmp_path / "wire.txt").write_text(f"Outlet: Meridian Press Agency\n\n{BODY}")
    articles, skipped = read(tmp_path / "copy.txt", tmp_path / "wire.txt")
    assert skipped == [] and [a.outlet for a in articles] == ["copy", "Meridian Press Agency"]
    assert articles[0].id != articles[1].id and articles[0].warnings == articles[1].warnings == ()


def test_the_same_text_from_another_outlet_is_a_reprint_kept_as_its_own_source(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"Outlet: Northwire\n\n{BODY}")
    (tmp_path / "b.txt").write_text(f"Outlet: Valley Courier\n\n{BODY}")
    articles, skipped = read(tmp_path / "a.txt", tmp_path / "b.txt")
    assert skipped == [] and [a.outlet for a in articles] == ["Northwire", "Valley Courier"]
    assert articles[0].text == articles[1].text and articles[0].id != articles[1].id


def test_exact_duplicates_can_be_kept_for_the_store_to_count(tmp_path: Path) -> None:
    """The story service counts copies and keeps their URLs; a copy dropped here was counted nowhere."""
    from newsprism.ingest import read_articles
    from newsprism.settings import Settings

    (tmp_path / "a.txt").write_text(f"Outlet: A\nURL: https://a.example/x\n\n{BODY}")
    (tmp_path / "b.txt").write_text(f"Outlet: B\nURL: https://b.example/x\n\n{BODY}")
    files = [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    articles, skipped = read_articles(files, Settings(), keep_copies=True)
    assert skipped == [] and [a.url for a in articles] == ["https://a.example/x", "https://b.example/x"]
    assert articles[0].id == articles[1].id and articles[0].warnings == ()


def test_text_encodings(tmp_path: Path) -> None:
    text = f"Title: Caf\u00e9 owners welcome the deal\n\n{BODY} The caf\u00e9 on the quay reopened."
    (tmp_path / "cp.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "u16.txt").write_bytes(text.encode("utf-16"))
    (tmp_path / "bom.txt").write_bytes(text.encode("utf-8-sig"))
    cp, u16, bom = (one(tmp_path / name) for name in ("cp.txt", "u16.txt", "bom.txt"))
    assert cp.title == u16.title == bom.title == "Caf\u00e9 owners welcome the deal"
    assert any("Windows-1252" in w for w in cp.warnings)
    assert bom.warnings == ()


def test_long_text_is_cut_at_a_paragraph_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join(f"{BODY} Paragraph {i}." for i in range(50)))
    a = one(path, settings=Settings.load(ingest__max_text_chars=1000))
    assert len(a.text) <= 1000 and a.text.endswith(".")
    assert any("text cut" in w and "max_text_chars" in w for w in a.warnings)


# ----------------------------------------------------------------------------- bad input


def test_missing_path() -> None:
    assert skip_reason("/no/such/dir/article.txt") == "no such file; check the path"
    assert "write the URL with https://" in skip_reason("www.kessla-post.example/news/deal")


def test_stdin_read_from_the_process(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = f"Title: Piped bytes\n\n{BODY}".encode()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))
    assert one("-").title == "Piped bytes"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"\x00\x01binary"), encoding="utf-8"))
    assert "NUL bytes" in skip_reason("-")


def test_binary_stdin_passed_as_text_is_refused() -> None:
    # what sys.stdin.read() returns for binary input under Python's surrogateescape error handler
    assert "binary" in skip_reason("-", stdin=b"\x81\x8d\xff\xfe\x90".decode("utf-8", "surrogateescape") * 20)
    assert "NUL bytes" in skip_reason("-", stdin="PK\x03\x04\x00\x00" + BODY)


def test_no_break_spaces_everywhere_are_not_binary(tmp_path: Path) -> None:
    (tmp_path / "nbsp.txt").write_text(BODY.replace(" ", "\u00a0"), encoding="utf-8")
    assert one(tmp_path / "nbsp.txt").text == BODY


def test_empty_and_whitespace_files(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\n\t\n")
    (tmp_path / "headers_only.txt").write_text("Title: Nothing here\nOutlet: X\n\n")
    articles, skipped = read(tmp_path / "empty.txt", tmp_path / "blank.txt", tmp_path / "headers_only.txt")
    assert articles == []
    assert [s.reason.split(";")[0] for s in skipped] == [
        "file is empty",
        "file holds only whitespace",
        "article is empty",
    ]


def test_near_empty_article(tmp_path: Path) -> None:
    (tmp_path / "short.txt").write_text("Strike over.")
    reason = skip_reason(tmp_path / "short.txt")
    assert "nearly empty (2 words)" in reason and "ingest.min_words" in reason


def test_binary_junk(tmp_path: Path) -> None:
    (tmp_path / "nul.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (tmp_path / "ctrl.bin").write_bytes(bytes([1, 2, 3, 4, 5, 6, 14, 15, 16, 17]) * 100 + b"words " * 20)
    (tmp_path / "undecodable.txt").write_bytes(b"\x81\x8d\x8f\x90\x9d" * 50)
    articles, skipped = read(tmp_path / "nul.txt", tmp_path / "ctrl.bin", tmp_path / "undecodable.txt")
    assert articles == []
    assert "NUL bytes" in skipped[0].reason
    assert "unprintable" in skipped[1].reason
    assert "not valid UTF-8" in skipped[2].reason


def test_non_english_is_skipped_or_kept_when_allowed(tmp_path: Path) -> None:
    (tmp_path / "es.txt").write_text(SPANISH, encoding="utf-8")
    reason = skip_reason(tmp_path / "es.txt")
    assert reason.startswith("not English (looks like Spanish)") and "ingest.require_english" in reason
    a = one(tmp_path / "es.txt", settings=Settings.load(ingest__require_english=False))
    assert a.language == "es"


def test_invalid_json(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text('{"title": "x", "text": ')
    (tmp_path / "scalar.json").write_text("42")
    (tmp_path / "notext.json").write_text('[{"title": "only a title"}, "a string"]')
    articles, skipped = read(tmp_path / "bad.json", tmp_path / "scalar.json", tmp_path / "notext.json")
    assert articles == []
    assert "not valid JSON" in skipped[0].reason and "line 1" in skipped[0].reason
    assert "must be an object or a list" in skipped[1].reason
    assert skipped[2].origin.endswith("notext.json#1") and "'text'" in skipped[2].reason
    assert skipped[3].origin.endswith("notext.json#2") and "str" in skipped[3].reason


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    path.write_bytes(b"<html>" + b" " * 5000)
    reason = skip_reason(path, settings=Settings.load(ingest__max_html_bytes=1000))
    assert "ingest.max_html_bytes" in reason


def test_twenty_megabyte_page_is_read_from_its_start(tmp_path: Path) -> None:
    article = f"<article><h1>Kessla deal</h1><p>{BODY}</p><p>Ships began unloading on Friday.</p></article>"
    script = "<script>" + "var tracking = [1, 2, 3];\n" * 400_000 + "</script>"  # about 10 MB
    comments = "".join(
        f"<div class='comment'><span>reader{i}</span><p>Comment number {i} on the strike.</p></div>\n"
        for i in range(130_000)
    )  # about 10 MB
    page = f"<html><head><title>Kessla deal</title>{script}</head><body>{article}{comments}</body></html>"
    path = tmp_path / "huge.html"
    path.write_text(page, encoding="utf-8")
    assert path.stat().st_size > 20_000_000
    a = one(path)
    assert a.title == "Kessla deal"
    assert a.text.startswith(BODY)
    assert "tracking" not in a.text
    assert any("only the first" in w for w in a.warnings)


def test_bad_inputs_never_lose_the_good_ones(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    articles, skipped = read("/missing.txt", tmp_path / "empty.txt", FIXTURES / "wire.txt", "-", stdin="")
    assert [a.outlet for a in articles] == ["Meridian Press Agency"]
    assert [s.origin for s in skipped] == ["/missing.txt", str(tmp_path / "empty.txt"), "-"]


def test_an_unexpected_error_skips_only_that_input(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("parser exploded")

    monkeypatch.setattr("newsprism.ingest.build.extract_html", broken)
    articles, skipped = read(FIXTURES / "ledger.html", FIXTURES / "wire.txt")
    assert [a.outlet for a in articles] == ["Meridian Press Agency"]
    assert skipped[0].origin == str(FIXTURES / "ledger.html")
    assert "unexpected RuntimeError" in skipped[0].reason and "parser exploded" in skipped[0].reason


def test_importing_ingest_loads_nothing_heavy() -> None:
    import subprocess
    import sys

    code = (
        "import sys, newsprism.ingest, newsprism.normalise;"
        "print(','.join(m for m in ('trafilatura', 'httpx', 'lxml') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_random_bytes_never_raise(tmp_path: Path) -> None:
    import random

    rng = random.Random(5)
    pieces = [b"<html>", b"<p>", b"{", b'"text": ', b"\n", b"\x00", b"\xff\xfe", b"Title: ", b"\xe2\x80\x9c"]
    pieces += [BODY.encode(), b"\xc3", b"]", b"<script>", b"-->"]
    names = []
    for i in range(60):
        blob = b"".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        path = tmp_path / f"f{i:02d}{rng.choice(['.txt', '.html', '.json', '.jsonl', '.md', ''])}"
        path.write_bytes(blob)
        names.append(path)
    articles, skipped = read(*names)
    assert all(s.reason and "unexpected" not in s.reason for s in skipped)
    # every input is accounted for: read, skipped with a reason, or named as a duplicate of one read
    seen = [x.origin for x in (*articles, *skipped)] + [w for a in articles for w in a.warnings]
    for path in names:
        assert any(str(path) in entry for entry in seen), path


def test_public_surface() -> None:
    import newsprism.ingest
    import newsprism.normalise

    for module in (newsprism.ingest, newsprism.normalise):
        assert sorted(module.__all__) == module.__all__
        assert all(hasattr(module, name) for name in module.__all__)


def test_a_cookie_wall_is_read_with_a_warning_that_it_may_not_be_the_article(tmp_path: Path) -> None:
    wall = tmp_path / "wall.html"
    wall.write_text(
        "<html><head><title>Just a moment...</title></head><body><div>We use cookies to improve your"
        " experience. Accept all cookies or manage preferences. Enable JavaScript and cookies to"
        " continue.</div></body></html>"
    )
    (article,) = read(wall)[0]
    assert any("gate page" in w for w in article.warnings)
    assert not any("gate page" in w for w in one(FIXTURES / "wire.txt").warnings)
