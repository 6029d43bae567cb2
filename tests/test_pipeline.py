"""End to end on the bundled examples: offsets, determinism, partial input, one source."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from newsprism.pipeline import Pipeline
from newsprism.report.json import check_offsets

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

EXAMPLE_FILES = [
    str(EXAMPLES / name)
    for name in ("wire_report.txt", "daily_clarion.html", "northern_ledger.json", "harbour_gazette.txt")
]


@pytest.fixture(scope="module")
def report_json(pipeline: Pipeline) -> dict[str, object]:
    data: dict[str, object] = json.loads(pipeline.compare(EXAMPLE_FILES).to_json())
    return data


def test_every_claim_sentence_is_checkable(report_json: dict[str, object]) -> None:
    sources = {s["id"]: s["text"] for s in report_json["sources"]}  # type: ignore[attr-defined]
    claims = report_json["claims"]
    assert claims, "the examples share facts, so there must be claims"
    for claim in claims:  # type: ignore[attr-defined]
        for sent in claim["sentences"]:
            assert sources[sent["source"]][sent["start"] : sent["end"]] == sent["text"]


def test_report_passes_offset_check(pipeline: Pipeline) -> None:
    report = pipeline.compare(EXAMPLE_FILES[:2])
    assert check_offsets(report) == []


def test_examples_share_facts_and_have_single_source_facts(report_json: dict[str, object]) -> None:
    supports = {c["support"] for c in report_json["claims"]}  # type: ignore[attr-defined]
    assert "single" in supports
    assert supports & {"consensus", "partial"}
    assert report_json["schema"] == "newsprism.report/1"
    outlets = [s["outlet"] for s in report_json["sources"]]  # type: ignore[attr-defined]
    assert outlets == ["Reuters", "The Daily Clarion", "Northern Ledger", "Harbour Gazette"]


def test_same_input_same_json(pipeline: Pipeline) -> None:
    first = pipeline.compare(EXAMPLE_FILES).to_dict()
    second = pipeline.compare(EXAMPLE_FILES).to_dict()
    first.pop("generated_at")
    second.pop("generated_at")
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)


def test_one_source_alone_still_reports(pipeline: Pipeline) -> None:
    report = pipeline.compare(EXAMPLE_FILES[:1])
    assert len(report.sources) == 1
    assert report.claims and all(c.support == "single" for c in report.claims)


def test_bad_inputs_are_skipped_and_the_rest_analysed(pipeline: Pipeline, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    junk = tmp_path / "junk.bin"
    junk.write_bytes(bytes(range(256)) * 64)
    report = pipeline.compare([EXAMPLE_FILES[0], str(empty), str(junk), str(tmp_path / "missing.txt")])
    assert len(report.sources) == 1
    assert {s.origin for s in report.skipped} == {str(empty), str(junk), str(tmp_path / "missing.txt")}
    assert all(s.reason for s in report.skipped)


def test_examples_headline_and_summary_stay_neutral(report_json: dict[str, object]) -> None:
    headline = str(report_json["headline"])
    assert headline and "welcomes" not in headline.lower() and "tyrant" not in headline.lower()
    summary = report_json["summary"]
    assert summary
    text = " ".join(s["text"] for s in summary).lower()  # type: ignore[attr-defined]
    for loaded in ("tyrant", "warmonger", "bizarre", "land grab", "dictator", "ranted"):
        assert loaded not in text
    for sentence in summary:  # type: ignore[attr-defined]
        said = sentence["text"].lower()
        if "velsk" in said:  # one outlet's disputed town is never stated as fact: named as that outlet's
            assert "zarek" in said and "northern ledger names velsk" in said, said


def test_examples_disputes_are_found(report_json: dict[str, object]) -> None:
    kinds = {(c["kind"], v["text"]) for c in report_json["contradictions"] for v in c["values"]}  # type: ignore[attr-defined]
    assert ("number", "at least 30 people") in kinds
    assert ("entity", "Velsk") in kinds


def test_analyse_story_on_articles_built_in_code(pipeline: Pipeline) -> None:
    import newsprism

    articles = [
        newsprism.Article(
            id="a",
            outlet="Coast Herald",
            text="The ferry Marta sank near Kelmar on Monday. The coast guard rescued all 41 passengers.",
        ),
        newsprism.Article(
            id="b",
            outlet="Bay Times",
            text="All 41 passengers were rescued by the coast guard. The ferry sank near Kelmar on Monday.",
        ),
    ]
    report = newsprism.analyse_story(articles, pipeline=pipeline)
    assert [s.outlet for s in report.sources] == ["Coast Herald", "Bay Times"]
    assert sum(c.support == "consensus" for c in report.claims) == 2


def test_story_stage_reuses_the_per_article_findings(pipeline: Pipeline) -> None:
    import dataclasses

    articles, _ = pipeline.read(EXAMPLE_FILES)
    sources = pipeline.sources(articles)
    annotated = pipeline.annotate(sources)
    assert all(s.findings is not None and s.findings.language is not None for s in annotated)
    assert pipeline.annotate(annotated)[0] is annotated[0]  # done once

    def plain(report: object) -> dict[str, object]:
        data: dict[str, object] = json.loads(report.to_json())  # type: ignore[attr-defined]
        data.pop("generated_at")
        return data

    assert plain(pipeline.analyse_sources(annotated)) == plain(pipeline.analyse_sources(sources))
    # what rides on a source is what the report shows: the story stage does not compute it again
    first = annotated[0].findings
    assert first is not None and first.language is not None and first.attributions
    doctored = dataclasses.replace(
        first, attributions=(), language=dataclasses.replace(first.language, loadedness=0.999)
    )
    report = pipeline.analyse_sources([dataclasses.replace(annotated[0], findings=doctored), *annotated[1:]])
    assert report.sources[0].loadedness == 0.999
    assert not [q for q in report.quotes if q.source == "s1"]


def test_story_groups_tell_a_second_story_apart(pipeline: Pipeline) -> None:
    from newsprism.model import Article

    examples, _ = pipeline.read(EXAMPLE_FILES)
    groups = pipeline.story_groups(examples)
    assert sum(len(g) >= 2 for g in groups) == 1, groups  # one event, a local angle at most apart
    recall = [
        Article(id=f"r{i}", outlet=outlet, title="Brightlane recalls 120,000 kettles after burns", text=text)
        for i, (outlet, text) in enumerate(
            [
                ("Meridian Wire", "Brightlane Home is recalling 120,000 BK-200 electric kettles after 14 "
                 "reports of overheating and two minor burns, the consumer safety office said on Thursday. "
                 "Customers can return the kettles to any shop for a full refund."),
                ("Northgate Post", "The kettle maker Brightlane Home pulled 120,000 BK-200 kettles from "
                 "shops on Thursday after the consumer safety office recorded 14 overheating reports and "
                 "two burns. Refunds will be paid in full, the company said."),
            ]
        )
    ]  # fmt: skip
    mixed = pipeline.story_groups([*examples, *recall])
    assert sorted(len(g) for g in mixed if len(g) >= 2)[-2:] == [2, 3], mixed
    assert any(set(g) == {len(examples), len(examples) + 1} for g in mixed), mixed


def test_a_tabloid_titles_loaded_words_reach_the_report_without_counting(pipeline: Pipeline) -> None:
    from newsprism.model import Article
    from newsprism.report.json import from_json

    body = (
        "Former mayor Dario Malvik was sentenced to six years in prison on Monday for taking bribes from a "
        "harbour contractor, the court in Valmora said."
    )
    wire = "A court in Valmora on Monday sentenced former mayor Dario Malvik to six years for bribery."
    articles = [
        Article(id="a", text=body, title="CROOKED MALVIK CAGED", outlet="Valmora Blaze"),
        Article(id="b", text=wire, title="Former Valmora mayor sentenced", outlet="Meridian Wire"),
    ]
    report = pipeline.analyse(articles)
    tabloid = report.sources[0]
    assert {s.text for s in tabloid.title_language} >= {"CROOKED", "CAGED"}
    assert all(
        tabloid.title[s.start : s.end] == s.text and s.source == tabloid.id for s in tabloid.title_language
    )
    assert not any(s.text in {"CROOKED", "CAGED"} for s in report.language)  # the body's findings are apart
    assert check_offsets(report) == []
    data = json.loads(report.to_json())
    assert [i["text"] for i in data["sources"][0]["title_language"]][:1] == ["CROOKED"]
    assert "title_language" not in data["sources"][1]
    assert from_json(report.to_json()).sources[0].title_language == tabloid.title_language
    assert "CROOKED</mark>" in report.to_html() and "**CROOKED**" in report.to_markdown()
    # titles do not count toward loadedness
    untitled = pipeline.analyse([dataclasses.replace(a, title="") for a in articles])
    assert [s.loadedness for s in untitled.sources] == [s.loadedness for s in report.sources]
    assert all(s.title_language == () for s in untitled.sources)
