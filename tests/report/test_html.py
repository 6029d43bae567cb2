"""The standalone HTML report: no external assets, inert article text, highlights and empty sections."""

from __future__ import annotations

import dataclasses
import re
from html.parser import HTMLParser
from typing import ClassVar

from newsprism.model import LanguageSpan, Passage, SourceReport, StoryReport
from newsprism.report import to_html

EVIL = "<script>alert(1)</script> and <img src=x onerror=alert(1)> end"


class Page(HTMLParser):
    """Every tag with its attributes, the inline scripts, and whether open/close tags balance."""

    VOID: ClassVar[frozenset[str]] = frozenset({"meta", "br", "img", "link", "input", "hr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.scripts: list[str] = []
        self.errors: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> while open: {self.stack[-3:]}")
        else:
            self.stack.pop()
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)

    def with_class(self, cls: str) -> list[dict[str, str | None]]:
        return [a for _, a in self.tags if cls in (a.get("class") or "").split()]


def parse(html: str) -> Page:
    p = Page()
    p.feed(html)
    p.close()
    return p


def evil_report(sample: StoryReport) -> StoryReport:
    """The sample with hostile text in every place article text can reach."""
    text = "Leaders met. " + EVIL + " The tyrant spoke."
    src = SourceReport(
        "s9", '<b onmouseover="x()">Evil & Co</b>', EVIL, "javascript:alert(1)", None, "en", 12, text,
        warnings=(EVIL,),
    )  # fmt: skip
    start = text.index("<script>")
    evil = Passage("s9", start, start + len(EVIL), EVIL)
    claim = dataclasses.replace(sample.claims[5], id="c9", sources=("s9",), sentences=(evil,))
    t = text.index("tyrant")
    ls = LanguageSpan("s9", t, t + 6, "tyrant", "authorial", '"><script>x</script>', 0.9, "<i>leader</i>")
    return dataclasses.replace(
        sample,
        headline=EVIL,
        sources=(*sample.sources, src),
        claims=(*sample.claims, claim),
        language=(*sample.language, ls),
    )


def test_standalone_no_external_assets(sample_report: StoryReport) -> None:
    html = to_html(sample_report)
    page = parse(html)
    assert html.startswith("<!doctype html>") and "</html>" in html
    assert not [t for t, _ in page.tags if t == "link"]
    assert not [a for t, a in page.tags if t == "script" and "src" in a]
    for tag, attrs in page.tags:
        for name in ("src", "srcset", "data", "poster", "action", "formaction"):
            assert name not in attrs, (tag, attrs)
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", html)  # no CSS-loaded assets
    assert "@import" not in html
    # The only absolute links are ordinary anchors to the articles themselves.
    hrefs = [str(a["href"]) for t, a in page.tags if a.get("href")]
    external = [h for h in hrefs if h.startswith(("http://", "https://"))]
    assert external == ["https://meridian.example/accord"]
    assert all(h.startswith(("#", "http://", "https://")) for h in hrefs)


def test_markup_is_well_formed(sample_report: StoryReport) -> None:
    page = parse(to_html(sample_report))
    assert page.errors == [] and page.stack == []
    ids = [a["id"] for _, a in page.tags if a.get("id")]
    assert len(ids) == len(set(ids)), "duplicate element ids break the in-page links"
    targets = {str(a["href"])[1:] for _, a in page.tags if str(a.get("href") or "").startswith("#")}
    assert targets and targets <= set(ids), f"links to nowhere: {sorted(targets - set(ids))}"


def test_hostile_text_is_inert(sample_report: StoryReport) -> None:
    html = to_html(evil_report(sample_report))
    page = parse(html)
    assert page.errors == [] and page.stack == []
    assert "<script>alert(1)</script>" not in html
    assert "<img src=x" not in html and not [t for t, _ in page.tags if t == "img"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert not any(name.startswith("on") for _, attrs in page.tags for name in attrs)
    assert len(page.scripts) == 1 and "alert" not in page.scripts[0]  # only our own inline script
    assert "javascript:" not in " ".join(str(a.get("href")) for _, a in page.tags)
    tip = next(a for a in page.with_class("ll") if (a.get("data-tip") or "").startswith('"><script>'))
    assert tip["title"] == tip["data-tip"]


def test_highlights_with_voice_classes(sample_report: StoryReport) -> None:
    html = to_html(sample_report)
    page = parse(html)
    authorial = page.with_class("authorial")
    attributed = page.with_class("attributed")
    assert any(
        "insult" in (a.get("title") or "") and "neutral: President" in (a.get("title") or "")
        for a in authorial
    )
    assert any("dismissive" in (a.get("title") or "") for a in attributed)
    assert '<mark class="ll authorial"' in html and '<mark class="ll attributed"' in html
    assert page.with_class("claim") and page.with_class("value") and page.with_class("ins")
    assert page.with_class("speaker") and page.with_class("cue") and page.with_class("quote")
    assert 'id="text-s2"' in html and 'id="claim-c3"' in html
    # Each claim sentence is anchored once in its source's full text, and the claim links to it.
    anchors = [a["id"] for a in page.with_class("sent") if a.get("id")]
    assert len(anchors) == len(set(anchors)) and all(f'href="#{x}"' in html for x in anchors)


def test_summary_links_to_claims_and_sources(sample_report: StoryReport) -> None:
    html = to_html(sample_report)
    for s in sample_report.summary:
        for c in s.claims:
            assert f'<a class="cid" href="#claim-{c}">{c}</a>' in html
    # each outlet's chip opens that outlet's own sentence of the cited claims: the evidence, in its text
    anchors = {a["id"] for a in parse(html).with_class("sent") if a.get("id")}
    section = html[html.index('<section id="summary">') :]
    section = section[: section.index("</section>")]
    claims = {c.id: c for c in sample_report.claims}
    for s in sample_report.summary:
        for sid in s.sources:
            own = next(p for c in s.claims for p in claims[c].sentences if p.source == sid)
            assert f"t-{sid}-{own.start}" in anchors
            assert f'href="#t-{sid}-{own.start}">' in section


def test_side_by_side_columns_and_sections(sample_report: StoryReport) -> None:
    html = to_html(sample_report)
    page = parse(html)
    assert len(page.with_class("absent")) > 0  # an outlet that does not report a claim gets an empty column
    for section in (
        "summary",
        "sources",
        "claims",
        "quotes",
        "language",
        "reuse",
        "contradictions",
        "skipped",
    ):
        assert f'<section id="{section}">' in html
    assert "Who is quoted" in html and "Anton Kirilov" in html and "told" in html
    assert "feeds/broken.html" in html
    card = html[html.index('id="claim-c2"') :]
    card = card[: card.index("</article>")]
    assert card.count('<mark class="value"') == 3 and 'href="#contradiction-1"' in card
    assert 'id="contradiction-1"' in html
    assert "94% similar" in html and "&#39;said&#39; changed to &#39;claimed&#39;" in html


def test_empty_sections_say_none_found() -> None:
    src = SourceReport("s1", "Solo Times", "A quiet day", None, None, "en", 4, "Nothing happened at all.")
    html = to_html(StoryReport(sources=(src,)))
    page = parse(html)
    assert page.errors == [] and page.stack == []
    for what in (
        "summary sentences",
        "claims",
        "quotes",
        "loaded language",
        "reused passages",
        "contradictions",
    ):
        assert f"No {what} found." in html
    assert 'id="skipped"' not in html
    assert "Nothing happened at all." in html
    assert "Coverage of one story by 1 source<" in html


def test_renderer_compiles_once_and_matches_to_html(sample_report: StoryReport) -> None:
    from newsprism.report.html import HtmlRenderer, render_context

    renderer = HtmlRenderer()
    first = renderer.render(sample_report)
    assert first == to_html(sample_report) == renderer.render(sample_report)
    template = renderer.env.get_template("report.html.j2")
    assert renderer.env.get_template("report.html.j2") is template  # compiled once, kept by the owner
    assert HtmlRenderer().env is not renderer.env  # nothing shared between owners
    assert re.fullmatch(r"[0-9a-f]{16}", renderer.fingerprint)
    assert renderer.fingerprint == HtmlRenderer().fingerprint
    context = render_context(sample_report)
    assert template.render(**context) == first
    assert [c[1] for c in context["counts"]][:1] == [len(sample_report.sources)]


def _claim_card(html: str, cid: str) -> str:
    card = html[html.index(f'id="claim-{cid}"') :]
    return card[: card.index("</article>")]


def test_wide_story_cards_show_reporting_outlets_and_name_the_rest() -> None:
    """Twelve outlets: a card gets a column only per reporting outlet, the others are named on one line.

    (Twelve columns of "not reported" pushed most reporting outlets out of sight, behind a sideways scroll.)
    """
    from wide_report import wide_report

    from newsprism.report import check_offsets

    report = wide_report()
    assert check_offsets(report) == []
    html = to_html(report)
    page = parse(html)
    assert page.errors == [] and page.stack == []
    partial = _claim_card(html, "c2")
    assert partial.count('<div class="cell ') == 6 and "absent" not in partial.split("absent-line")[0]
    line = partial[partial.index('class="absent-line"') :]
    assert line.count('class="chip ') == 6 and "Ålesund Weekly ★" in line and "Morning Courier" not in line
    assert "absent-line" not in _claim_card(html, "c3")  # a single-source claim: the badge says it all
    assert "absent-line" not in _claim_card(html, "c1")  # everyone reports it
    # twelve sources, twelve outlet colours
    classes = [a.get("class") or "" for _, a in page.tags]
    colours = {c.split()[1] for c in classes if c.startswith("chip o")}
    assert len(colours) == 12


def test_few_sources_keep_empty_columns(sample_report: StoryReport) -> None:
    card = _claim_card(to_html(sample_report), "c4")
    assert (
        card.count('<div class="cell ') == 3 and "no matching sentence" in card and "absent-line" not in card
    )


def test_long_claim_group_starts_collapsed_and_warnings_sit_under_the_title() -> None:
    from wide_report import wide_report

    html = to_html(wide_report())
    details = [(a.get("id") or "", "open" in a) for t, a in parse(html).tags if t == "details"]
    groups = {i: is_open for i, is_open in details if i.startswith("group-")}
    assert groups == {"group-consensus": True, "group-partial": True, "group-single": False}
    row = html[html.index('id="src-s7"') :]
    row = row[: row.index("</tr>")]
    title_cell = row.split("<td")[2]
    assert "(untitled)" in title_cell and "no title found" in title_cell  # not in a column off to the right
    assert "<th>Warnings</th>" not in html


def test_skip_link_is_the_first_focusable_element(sample_report: StoryReport) -> None:
    page = parse(to_html(sample_report))
    focusable = [
        (t, a) for t, a in page.tags if (t == "a" and a.get("href")) or t in ("button", "input", "summary")
    ]
    tag, attrs = focusable[0]
    assert (tag, attrs.get("class"), attrs.get("href")) == ("a", "skip", "#content")
    main = next(a for t, a in page.tags if t == "main")
    assert main.get("id") == "content" and main.get("tabindex") == "-1"  # focus moves there, not only scroll


def test_language_tips_are_described_for_screen_readers(sample_report: StoryReport) -> None:
    """Each loaded term points (aria-describedby) at one hidden description shared by every like term."""
    html = to_html(sample_report)
    page = parse(html)
    marks = [m for m in page.with_class("ll") if m.get("data-tip")]  # not the legend's samples
    assert marks and all(m.get("aria-describedby") for m in marks)
    ids = {a["id"]: a for _, a in page.tags if a.get("id")}
    used = {str(m["aria-describedby"]) for m in marks}
    assert used <= set(ids)
    assert len(used) == len(sample_report.language)  # seven distinct tips, whatever the number of marks
    assert len(marks) > len(used)  # terms repeat (full text, claim contexts, quotes) and share one id
    tyrant = next(
        m for m in marks if "insult" in str(m.get("data-tip")) and "President" in str(m["data-tip"])
    )
    tip = html[html.index(f'<span id="{tyrant["aria-describedby"]}">') :]
    assert tip.startswith(
        '<span id="tip-1">loaded language: insult, the outlet&#39;s own words, score 0.93; '
        "neutral alternative: President</span>"
    )
    assert re.search(r'<div hidden><span id="tip-1">', html)
    # No mark is a tab stop in the markup: the script makes one per source text (see the browser test).
    assert not [m for m in marks if m.get("tabindex") is not None]


def test_claims_hint_matches_the_card_layout(sample_report: StoryReport) -> None:
    from wide_report import wide_report

    few = to_html(sample_report)
    assert "one column per outlet (“no matching sentence” where" in few
    assert "No matching sentence in" not in few.split('id="claims"')[1].split("</p>")[0]
    wide = to_html(wide_report())
    hint = wide[wide.index('<p class="hint">Each claim') :]
    hint = hint[: hint.index("</p>")]
    assert "one column per outlet" not in hint
    assert "a column for each outlet that reports it" in hint and "“No matching sentence in”" in hint


def test_a_reuse_with_a_known_origin_points_from_it(sample_report: StoryReport) -> None:
    import dataclasses

    assert sample_report.reuse
    plain = to_html(sample_report)
    directed = dataclasses.replace(
        sample_report,
        reuse=tuple(dataclasses.replace(r, origin=r.sources[0]) for r in sample_report.reuse),
    )
    assert 'aria-label="copied by"' not in plain and "↔" in plain
    assert 'aria-label="copied by"' in to_html(directed)


def test_a_sources_author_sits_under_its_title_escaped(sample_report: StoryReport) -> None:
    src = dataclasses.replace(sample_report.sources[0], author="Mara Quill <b>AP</b>")
    html = to_html(dataclasses.replace(sample_report, sources=(src, *sample_report.sources[1:])))
    row = html[html.index('id="src-s1"') :]
    title_cell = row[: row.index("</tr>")].split("<td")[2]
    assert '<div class="by">by Mara Quill &lt;b&gt;AP&lt;/b&gt;</div>' in title_cell
    assert 'class="by"' not in to_html(sample_report)


def test_loaded_title_words_are_marked_in_the_sources_table_and_text_header(
    sample_report: StoryReport, tabloid_report: StoryReport
) -> None:
    html = to_html(tabloid_report)
    page = parse(html)
    assert page.errors == [] and page.stack == []
    assert "<b>by</b>" not in html and "&lt;b&gt;by&lt;/b&gt;" in html  # the title stays escaped
    row = html[html.index('<tr id="src-s2">') :]
    row = row[: row.index("</tr>")]
    assert '<mark class="ll authorial" title="loaded adjective' in row and ">CROOKED</mark>" in row
    assert '<mark class="ll attributed"' in row and ">sham</mark>" in row
    header = html[html.index('id="text-s2"') :]
    header = header[: header.index("</summary>")]
    assert ">CAGED</mark>" in header  # the source text's header shows the marked title too
    ids = {a["id"] for _, a in page.tags if a.get("id")}
    caged = next(m for m in page.with_class("ll") if "neutral: jailed" in str(m.get("data-tip")))
    assert caged["aria-describedby"] in ids
    # a report without title spans renders its titles as before, with the body's tip ids unmoved
    plain = to_html(sample_report)
    assert "CROOKED" not in plain
    assert (
        re.findall(r'<span id="tip-\d+">[^<]*</span>', plain)
        == re.findall(r'<span id="tip-\d+">[^<]*</span>', html)[: len(sample_report.language)]
    )
