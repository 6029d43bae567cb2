"""Schema v1: keys and shapes, determinism, round trip and the provenance check."""

from __future__ import annotations

import dataclasses
import json
import math

import pytest

from newsprism.errors import NewsprismError
from newsprism.model import Passage, SourceReport, StoryReport, SummarySentence
from newsprism.report import SCHEMA, check_offsets, from_dict, from_json, to_dict, to_json

TOP = [
    "schema",
    "generated_at",
    "headline",
    "sources",
    "claims",
    "contradictions",
    "speakers",
    "quotes",
    "language",
    "reuse",
    "summary",
    "skipped",
]


def test_top_level_keys_in_design_order(sample_report: StoryReport) -> None:
    data = to_dict(sample_report)
    assert list(data) == TOP
    assert data["schema"] == SCHEMA == "newsprism.report/1"
    assert data["skipped"] == [
        {"origin": "feeds/broken.html", "reason": "no article text found; check that the page is an article"}
    ]


def test_item_shapes_follow_the_schema(sample_report: StoryReport) -> None:
    data = to_dict(sample_report)
    src = data["sources"][1]
    assert list(src)[:12] == [
        "id", "outlet", "title", "url", "published", "language", "words", "text",
        "loadedness", "wire", "reused_share", "warnings",
    ]  # fmt: skip
    assert src["wire"] == ["Meridian Wire"] and src["biased_sentences"] == 0.5
    claim = data["claims"][1]
    assert claim["support"] == "partial" and claim["contested"] is True and claim["origins"] == 2
    assert claim["sources"] == ["s1", "s2", "s3"]
    assert set(claim["sentences"][0]) == {"source", "start", "end", "text"}
    con = data["contradictions"][0]
    assert list(con) == ["claims", "kind", "values", "explanation"] and con["kind"] == "number"
    speaker = data["speakers"][0]
    assert list(speaker)[:4] == ["id", "name", "aliases", "sources"] and speaker["aliases"] == ["Kyrylov"]
    quote = data["quotes"][0]
    assert list(quote)[:9] == [
        "id",
        "source",
        "speaker",
        "kind",
        "start",
        "end",
        "text",
        "cue",
        "shared_with",
    ]
    assert isinstance(quote["speaker_span"], list) and len(quote["speaker_span"]) == 2
    assert data["quotes"][5]["speaker"] is None
    lang = data["language"][0]
    assert list(lang) == ["source", "start", "end", "text", "voice", "category", "score", "neutral"]
    reuse = data["reuse"][0]
    assert reuse["sources"] == ["s1", "s2"] and len(reuse["passages"]) == 2
    assert reuse["changes"] == ["'said' changed to 'claimed'"]
    assert list(data["summary"][0]) == ["text", "sources", "claims"]


def test_no_tuples_and_floats_rounded() -> None:
    src = SourceReport(
        "s1", "O", "T", None, None, "en", 3, "a b c", loadedness=0.123456789, reused_share=1 / 3
    )
    data = to_dict(StoryReport(sources=(src,)))
    assert data["sources"][0]["loadedness"] == 0.1235
    assert data["sources"][0]["reused_share"] == 0.3333

    def walk(x: object) -> None:
        assert not isinstance(x, tuple)
        if isinstance(x, dict):
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    walk(to_dict(StoryReport(sources=(src,))))


def test_json_is_deterministic_and_keeps_unicode(sample_report: StoryReport) -> None:
    text = to_json(sample_report)
    again = to_json(dataclasses.replace(sample_report))
    assert text == again
    assert json.loads(text) == to_dict(sample_report)
    src = SourceReport("s1", "Café Zürich", "«Titre»", None, None, "en", 1, "naïve – text")
    out = to_json(StoryReport(sources=(src,)))
    assert "Café Zürich" in out and "naïve – text" in out and "\\u" not in out


def test_nan_becomes_null_not_invalid_json() -> None:
    src = SourceReport("s1", "O", "T", None, None, "en", 1, "x", loadedness=math.nan)
    data = json.loads(to_json(StoryReport(sources=(src,))))
    assert data["sources"][0]["loadedness"] is None
    assert math.isnan(from_dict(data).sources[0].loadedness)


def test_round_trip(sample_report: StoryReport) -> None:
    assert from_json(to_json(sample_report)) == sample_report
    assert from_json(to_json(sample_report, indent=None)) == sample_report
    empty = StoryReport(sources=())
    assert from_json(to_json(empty)) == empty


def test_other_schema_is_refused(sample_report: StoryReport) -> None:
    data = to_dict(sample_report)
    data["schema"] = "newsprism.report/2"
    with pytest.raises(NewsprismError, match=r"newsprism\.report/2.*upgrade newsprism"):
        from_dict(data)
    with pytest.raises(NewsprismError, match="schema None"):
        from_dict({"sources": []})
    with pytest.raises(NewsprismError, match="not a JSON report"):
        from_json("{not json")


def test_broken_fields_name_their_path(sample_report: StoryReport) -> None:
    data = to_dict(sample_report)
    data["claims"][2]["support"] = "most"
    with pytest.raises(NewsprismError, match=r"report\.claims\[2\]\.support"):
        from_dict(data)
    data = to_dict(sample_report)
    del data["sources"][0]["text"]
    with pytest.raises(NewsprismError, match=r"missing 'report\.sources\[0\]\.text'"):
        from_dict(data)
    data = to_dict(sample_report)
    data["quotes"][0]["start"] = "12"
    with pytest.raises(NewsprismError, match="an integer"):
        from_dict(data)


def test_fields_added_later_in_v1_are_ignored(sample_report: StoryReport) -> None:
    data = to_dict(sample_report)
    data["future_field"] = {"x": 1}
    data["claims"][0]["confidence"] = 0.9
    assert from_dict(data) == sample_report


def test_reuse_passages_without_text_are_filled_from_the_source(sample_report: StoryReport) -> None:
    data = to_dict(sample_report)
    for r in data["reuse"]:
        for p in r["passages"]:
            del p["text"]
    loaded = from_dict(data)
    assert loaded == sample_report and check_offsets(loaded) == []


def test_check_offsets_passes_a_sound_report(sample_report: StoryReport) -> None:
    assert check_offsets(sample_report) == []


def test_check_offsets_catches_a_wrong_offset(sample_report: StoryReport) -> None:
    c = sample_report.claims[0]
    p = c.sentences[0]
    shifted = dataclasses.replace(p, start=p.start + 1, end=p.end + 1)
    bad = dataclasses.replace(c, sentences=(shifted, *c.sentences[1:]))
    report = dataclasses.replace(sample_report, claims=(bad, *sample_report.claims[1:]))
    problems = check_offsets(report)
    assert len(problems) == 1 and problems[0].startswith("claims[0] (c1).sentences[0]")


def test_check_offsets_catches_every_kind_of_span(sample_report: StoryReport) -> None:
    r = sample_report
    q = dataclasses.replace(r.quotes[0], end=10_000)
    ls = dataclasses.replace(r.language[0], text="despot")
    a, b = r.reuse[0].passages
    ru = dataclasses.replace(r.reuse[0], passages=(a, dataclasses.replace(b, source="s9")))
    con = dataclasses.replace(r.contradictions[0], values=(Passage("s1", 0, 2, "60"),), claims=("c99",))
    report = dataclasses.replace(
        r,
        quotes=(q, *r.quotes[1:]),
        language=(ls, *r.language[1:]),
        reuse=(ru, *r.reuse[1:]),
        contradictions=(con,),
    )
    problems = "\n".join(check_offsets(report))
    assert "quotes[0] (q1): [" in problems and "outside s1" in problems
    assert "language[0]: 'despot'" in problems
    assert "reuse[0].passages[1]: unknown source 's9'" in problems
    assert "contradictions[0]: unknown claim 'c99'" in problems
    assert "contradictions[0].values[0]: '60'" in problems


def test_check_offsets_checks_summary_citations(sample_report: StoryReport) -> None:
    r = sample_report
    summary = (
        SummarySentence("Nobody is cited.", (), ()),
        SummarySentence("Cites a ghost.", ("s1", "s7"), ("c1", "c42")),
        SummarySentence("Cites an outlet the claim lacks.", ("s1", "s2"), ("c4",)),
    )
    problems = "\n".join(check_offsets(dataclasses.replace(r, summary=summary)))
    assert "summary[0]: every summary sentence must cite" in problems
    assert "summary[1]: cites unknown source 's7'" in problems
    assert "summary[1]: cites unknown claim 'c42'" in problems
    assert "summary[2]: cites ['s2']" in problems


def test_check_offsets_catches_duplicates_and_dangling_ids(sample_report: StoryReport) -> None:
    r = sample_report
    q = dataclasses.replace(r.quotes[3], speaker="p9", shared_with=("q77",))
    report = dataclasses.replace(r, claims=(*r.claims, r.claims[0]), quotes=(*r.quotes[:3], q, *r.quotes[4:]))
    problems = "\n".join(check_offsets(report))
    assert "claims: duplicate id 'c1'" in problems
    assert "unknown speaker 'p9'" in problems and "unknown quote 'q77'" in problems


def test_importing_the_renderers_loads_no_template_engine() -> None:
    import subprocess
    import sys

    code = "import sys, newsprism.report; print('jinja2' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_v1_report_without_labelled_links_gives_each_link_its_match(sample_report: StoryReport) -> None:
    data = to_dict(sample_report)
    assert data["quotes"][0]["links"] == [
        {"quote": "q2", "match": "same-words"},
        {"quote": "q3", "match": "same-words"},
    ]
    for q in data["quotes"]:
        del q["links"]  # written before links existed
    loaded = from_dict(data)
    assert loaded.quotes[0].links == (("q2", "same-words"), ("q3", "same-words"))
    assert loaded == sample_report


def test_check_offsets_catches_a_link_to_an_unknown_quote(sample_report: StoryReport) -> None:
    q = dataclasses.replace(sample_report.quotes[0], links=(("q99", "same-speech"),))
    report = dataclasses.replace(sample_report, quotes=(q, *sample_report.quotes[1:]))
    assert "links names unknown quote 'q99'" in "\n".join(check_offsets(report))


def test_an_anonymous_speaker_round_trips(sample_report: StoryReport) -> None:
    anonymous = dataclasses.replace(
        sample_report.speakers[0], kind="anonymous", name="anonymous senior official"
    )
    report = dataclasses.replace(sample_report, speakers=(anonymous, *sample_report.speakers[1:]))
    assert from_json(to_json(report)) == report


def test_a_sources_author_is_written_only_when_known_and_read_back(sample_report: StoryReport) -> None:
    data = to_dict(sample_report)
    assert all("author" not in s for s in data["sources"])  # a v1 report without authors is unchanged
    s1 = dataclasses.replace(sample_report.sources[0], author="Mara Quill, Meridian Wire")
    report = dataclasses.replace(sample_report, sources=(s1, *sample_report.sources[1:]))
    data = to_dict(report)
    assert data["sources"][0]["author"] == "Mara Quill, Meridian Wire"
    assert list(data["sources"][0])[-1] == "author"  # added after the schema's keys
    assert from_json(to_json(report)) == report
    data["sources"][0]["author"] = 7
    with pytest.raises(NewsprismError, match=r"report\.sources\[0\]\.author"):
        from_dict(data)


def test_title_language_is_written_per_source_only_when_found_and_read_back(
    sample_report: StoryReport, tabloid_report: StoryReport
) -> None:
    assert all(
        "title_language" not in s for s in to_dict(sample_report)["sources"]
    )  # golden reports unchanged
    data = to_dict(tabloid_report)
    assert "title_language" not in data["sources"][0]
    items = data["sources"][1]["title_language"]
    title = data["sources"][1]["title"]
    assert [i["text"] for i in items] == ["CROOKED", "CAGED", "sham"]
    assert all(title[i["start"] : i["end"]] == i["text"] for i in items)  # offsets into the title
    assert set(items[0]) == {"start", "end", "text", "voice", "category", "score", "neutral"}
    assert items[1]["neutral"] == "jailed" and items[2]["voice"] == "attributed"
    loaded = from_json(to_json(tabloid_report))
    assert loaded == tabloid_report
    assert loaded.sources[1].title_language[0].source == "s2"
    assert check_offsets(loaded) == []
    data["sources"][1]["title_language"][0]["voice"] = "shouted"
    with pytest.raises(NewsprismError, match=r"report\.sources\[1\]\.title_language\[0\]\.voice"):
        from_dict(data)


def test_a_report_without_title_language_still_loads(tabloid_report: StoryReport) -> None:
    data = to_dict(tabloid_report)
    del data["sources"][1]["title_language"]
    loaded = from_dict(data)
    assert loaded.sources[1].title_language == () and check_offsets(loaded) == []


def test_check_offsets_checks_title_spans_against_the_title(tabloid_report: StoryReport) -> None:
    s2 = tabloid_report.sources[1]
    crooked, caged, sham = s2.title_language
    broken = (
        dataclasses.replace(crooked, start=crooked.start + 1),  # text no longer matches the title
        dataclasses.replace(caged, end=len(s2.title) + 5),  # past the end of the title
        dataclasses.replace(sham, source="s1"),  # another source's
    )
    src = dataclasses.replace(s2, title_language=broken)
    problems = check_offsets(dataclasses.replace(tabloid_report, sources=(tabloid_report.sources[0], src)))
    assert any("sources[1].title_language[0]" in p and "title[" in p for p in problems)
    assert any("sources[1].title_language[1]" in p and "outside s2's title" in p for p in problems)
    assert any("sources[1].title_language[2]" in p and "not its own 's2'" in p for p in problems)
    # a span that is sound in the title is not checked against the body text
    assert not any("title_language" in p for p in check_offsets(tabloid_report))
