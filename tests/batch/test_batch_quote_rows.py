"""The quotes table keeps each quote's labelled links, as the JSON report does, under a fixed schema
(fast: a hand-built report, no models)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

pq = pytest.importorskip("pyarrow.parquet", reason="the batch pipeline needs pyarrow (the 'ray' extra)")

from newsprism.batch.io import write_table_atomic  # noqa: E402
from newsprism.batch.rows import quote_schema, story_rows  # noqa: E402
from newsprism.model import Quote, SourceReport, Speaker, StoryReport  # noqa: E402
from newsprism.report.json import quote_to_dict  # noqa: E402

A = '"The dam will hold," said engineer Ada Voss. "We have checked every gate twice."'
B = 'Engineer Ada Voss said "the dam will hold" after the inspection. "We checked every gate," she said.'


def _source(sid: str, text: str) -> SourceReport:
    return SourceReport(sid, f"Outlet {sid}", "Dam inspected", None, None, "en", len(text.split()), text)


def _report(*, linked: bool) -> StoryReport:
    voss = Speaker("p1", "Ada Voss", sources=("s1", "s2"))
    quotes = (
        Quote("q1", "s1", "p1", "direct", 0, 19, A[0:19], "said"),
        Quote("q2", "s1", "p1", "direct", 45, 80, A[45:80]),
        Quote("q3", "s2", "p1", "direct", 22, 42, B[22:42], "said"),
    )
    if linked:  # q1 and q3 share their words; q2 is another sentence of the speech s2 quotes
        q1, q2, q3 = quotes
        quotes = (
            replace(q1, shared_with=("q3",), match="same-words", links=(("q3", "same-words"),)),
            replace(q2, links=(("q3", "same-speech"),)),
            replace(
                q3,
                shared_with=("q1",),
                match="same-words",
                links=(("q1", "same-words"), ("q2", "same-speech")),
            ),
        )
    return StoryReport(sources=(_source("s1", A), _source("s2", B)), speakers=(voss,), quotes=quotes)


def test_quote_rows_carry_the_reports_links_under_a_fixed_schema(tmp_path: Path) -> None:
    import pyarrow as pa

    report = _report(linked=True)
    rows = story_rows("st1", report, ["a1", "a2"], "reports/st1.json")["quotes"]
    assert [r["links"] for r in rows] == [quote_to_dict(q)["links"] for q in report.quotes]
    path = tmp_path / "quotes.parquet"
    write_table_atomic(path, rows, quote_schema())
    table = pq.read_table(path)
    assert table.schema.field("links").type == pa.list_(
        pa.struct([("quote", pa.string()), ("match", pa.string())])
    )
    assert table.schema.field("shared_with").type == pa.list_(pa.string())
    assert table.column("links").to_pylist() == [
        [{"quote": "q3", "match": "same-words"}],
        [{"quote": "q3", "match": "same-speech"}],
        [{"quote": "q1", "match": "same-words"}, {"quote": "q2", "match": "same-speech"}],
    ]
    # A group whose quotes link to none has the same column types (parts of one table must agree),
    # and a group without quotes still writes the table's columns.
    for name, report in (
        ("none", _report(linked=False)),
        ("empty", StoryReport(sources=(_source("s1", A),))),
    ):
        rows = story_rows("st2", report, [f"a{i}" for i in range(len(report.sources))], "r.json")["quotes"]
        write_table_atomic(tmp_path / f"{name}.parquet", rows, quote_schema())
        assert pq.read_schema(tmp_path / f"{name}.parquet").remove_metadata() == quote_schema()
