"""Reuse lens on a fictional story: a wire report, two reprints with edits, one independent report."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from newsprism.lenses.reuse import (
    NearDuplicateIndex,
    ReuseLens,
    changes,
    diff,
    find_duplicates,
    same_text,
    shared_passages,
    shingles,
    word_key,
)
from newsprism.model import Article, Claim, Passage, Source, Story

if TYPE_CHECKING:
    from newsprism.pipeline import Pipeline

WIRE = """OSTRELLA, Talvia (Reuters) - The leaders of Talvia and Brennmark signed a water-sharing agreement \
on Thursday at the Ostrella dam, ending a six-year dispute over the Merrow river, officials from both \
governments said.

Under the deal, Brennmark will release at least 40 percent of the river's summer flow downstream and a \
joint commission of 12 engineers will monitor the reservoir levels, according to a copy of the text seen by \
Reuters.

Talvian President Anselm Korrigan called the agreement "a fair bargain for farmers on both banks" and \
thanked mediators from the Nordic Council.

Brennmark's prime minister, Ilse Varga, said her government would ratify the pact before the end of the \
year.

Reuters could not independently verify reports that Talvian border guards had detained two Brennmark \
surveyors near the dam on Wednesday.

The Merrow supplies drinking water to about 3 million people in the two countries.

(Reporting by Jana Holm; Editing by Peter Kell)"""

TABLOID = """Talvia's strongman has done it again, and the so-called peace camp is cheering.

The leaders of Talvia and Brennmark signed a water-sharing agreement on Thursday at the Ostrella dam, \
ending a bitter six-year dispute over the Merrow river, officials from both governments claimed.

Under the deal, Brennmark will release at least 40 percent of the river’s summer flow downstream and a \
joint commission of 12 engineers will monitor the reservoir levels.

Tyrant Anselm Korrigan called the agreement “a fair bargain for farmers on both banks” and thanked \
mediators from the Nordic Council.

Reuters could not independently verify reports that Talvian border guards had detained two Brennmark \
surveyors near the dam on Wednesday.

Readers will remember that Korrigan's thugs have bullied their neighbours for years. Do not expect this \
deal to last."""

LOCAL = """The leaders of Talvia and Brennmark signed a water-sharing agreement on Thursday at the \
Ostrella dam, ending a six-year dispute over the Merrow river, officials from both governments said.

Under the deal, Brennmark will release at least 40 percent of the river's summer flow down-stream and a \
joint commission of twelve engineers will monitor the reservoir levels.

Brennmark's prime minister, Ilse Varga, said her government would ratify the pact before the end of the \
year.

Farmers at Tuesday's market in Lindow welcomed the news. "We have waited six summers for this," said Marta \
Olsen, who grows barley near the river. The valley council will hold a public meeting next month."""

INDEPENDENT = """Brennmark will let at least 40 percent of the Merrow's summer water flow on to Talvia, \
under a pact that its parliament is expected to approve quickly.

Varga, who leads Brennmark's government, told the Ledger that lawmakers would approve the treaty "within \
weeks".

A commission of twelve engineers from both countries will watch over the reservoir, the pact says. Our \
correspondent saw the two leaders shake hands in front of the turbine hall."""


def _source(sid: str, text: str, outlet: str, published: str | None = None) -> Source:
    return Source(sid, Article(sid, text, outlet=outlet, published=published), ())


def _sentence(src: Source, start_words: str, end_words: str) -> Passage:
    start = src.text.index(start_words)
    end = src.text.index(end_words, start) + len(end_words)
    return Passage(src.id, start, end, src.text[start:end])


@pytest.fixture(scope="module")
def story() -> Story:
    s1 = _source("s1", WIRE, "Reuters wire", "2026-03-05T09:00")
    s2 = _source("s2", TABLOID, "Daily Clarion", "2026-03-05T11:00")
    s3 = _source("s3", LOCAL, "Merrow Valley Gazette", "2026-03-06")
    s4 = _source("s4", INDEPENDENT, "The Northern Ledger", "2026-03-05T10:00")
    signing = Claim(
        "c1",
        "partial",
        ("s1", "s2", "s3"),
        tuple(_sentence(s, "The leaders of Talvia", "governments") for s in (s1, s2, s3)),
    )
    flow = Claim(
        "c2",
        "consensus",
        ("s1", "s2", "s3", "s4"),
        (
            _sentence(s1, "Under the deal", "Reuters."),
            _sentence(s2, "Under the deal", "levels."),
            _sentence(s3, "Under the deal", "levels."),
            _sentence(s4, "Brennmark will let", "quickly."),
        ),
    )
    ratify = Claim(
        "c3",
        "partial",
        ("s1", "s3", "s4"),
        (
            _sentence(s1, "Brennmark's prime minister", "year."),
            _sentence(s3, "Brennmark's prime minister", "year."),
            _sentence(s4, "Varga, who leads", 'weeks".'),
        ),
    )
    return Story((s1, s2, s3, s4), (signing, flow, ratify))


def test_origins_count_reprints_once(story: Story) -> None:
    found = ReuseLens()(story)
    assert found.origins == {"c1": 1, "c2": 2, "c3": 2}


def test_reprints_share_passages_and_the_independent_report_shares_none(story: Story) -> None:
    found = ReuseLens()(story)
    pairs = {r.sources for r in found.reuse}
    # the two reprints share text only through the wire report, so their own pair is not shown
    assert pairs == {("s1", "s2"), ("s1", "s3")}
    assert all("s4" not in r.sources for r in found.reuse)
    for r in found.reuse:
        assert 0.5 <= r.similarity <= 1.0
        for p in r.passages:
            assert story.source(p.source).text[p.start : p.end] == p.text


def test_wire_source_comes_first_and_the_diff_shows_the_insult(story: Story) -> None:
    found = ReuseLens()(story)
    tabloid = [r for r in found.reuse if r.sources == ("s1", "s2")]
    edits = [c for r in tabloid for c in r.changes]
    assert '"Talvian President" -> "Tyrant"' in edits
    assert 'added "bitter"' in edits
    assert '"said" -> "claimed"' in edits
    # curly quotes and the dropped "according to ... Reuters" are not the same kind of change
    assert not any("“" in c or "”" in c for c in edits)


def test_wire_credit_is_inherited_through_copied_text(story: Story) -> None:
    found = ReuseLens()(story)
    assert found.wire["s1"] == ("Reuters",)
    assert found.wire["s2"] == ("Reuters",)  # keeps the agency's "could not independently verify" line
    assert found.wire["s3"] == ("Reuters",)  # no credit of its own, but mostly wire copy
    assert found.wire["s4"] == ()


def test_reused_share(story: Story) -> None:
    found = ReuseLens()(story)
    assert found.reused_share["s4"] == 0.0
    assert found.reused_share["s1"] == 0.0  # the wire wrote its text first: reuse counts against the copies
    assert found.reused_share["s2"] > 0.5
    assert 0.4 < found.reused_share["s3"] < 0.9  # the farmers' paragraph is its own


AGENCY = """HARVEN, Ostmark (TNA) — Dock workers in Harven ended a nine-day strike on Monday after the port \
authority agreed to raise wages by 6 percent and to hire 40 more crane operators, both sides said.

The strike had halted ferry traffic to the Selk islands and left more than 200 freight containers stranded \
on the quays, according to the port authority.

Union leader Britt Halvorsen said members had voted by a large margin to accept the offer. The first \
ferries are expected to sail on Tuesday morning."""

AGENCY_REPRINT = """Dock workers in Harven ended a nine-day strike on Monday after the port authority \
agreed to raise wages by 6 percent and to hire 40 more crane operators, both sides said.

The strike had halted ferry traffic to the Selk islands and left more than 200 freight containers stranded \
on the quays, according to the port authority.

Island shopkeepers said shelves had been half empty for a week.

Additional reporting by Tarvel News Agency."""


def test_the_agency_is_the_origin_and_its_own_text_is_not_reused() -> None:
    # an agency outside the known list, credited by the reprint, published the same day and listed second
    reprint = _source("s1", AGENCY_REPRINT, "The Selk Islander", "2026-05-04")
    agency = _source("s2", AGENCY, "Tarvel News Agency", "2026-05-04")
    found = ReuseLens()(Story((reprint, agency)))
    assert found.reuse and all(r.sources == ("s2", "s1") and r.origin == "s2" for r in found.reuse)
    assert found.reused_share["s2"] == 0.0  # the wire is not a copy of its reprint
    assert found.reused_share["s1"] > 0.5
    assert found.wire == {"s1": ("Tarvel News Agency",), "s2": ("Tarvel News Agency",)}


def test_an_earlier_press_release_is_the_origin_of_the_agency_report() -> None:
    release = AGENCY.replace("HARVEN, Ostmark (TNA) — ", "")
    agency = _source("s1", AGENCY, "Tarvel News Agency", "2026-05-04T07:35+00:00")
    port = _source("s2", release, "Harven Port Authority", "2026-05-04T06:00+00:00")
    found = ReuseLens()(Story((agency, port)))
    assert found.reuse and {r.origin for r in found.reuse} == {"s2"}  # the agency came later
    assert found.reused_share["s2"] == 0.0


def test_direction_from_publication_time_or_none() -> None:
    plain = AGENCY.replace("HARVEN, Ostmark (TNA) — ", "")
    copy = AGENCY_REPRINT.replace("\n\nAdditional reporting by Tarvel News Agency.", "")
    later = ReuseLens()(
        Story(
            (
                _source("s1", copy, "The Selk Islander", "2026-05-05"),
                _source("s2", plain, "Harven Post", "2026-05-04"),
            )
        )
    )
    assert {r.origin for r in later.reuse} == {"s2"}
    assert later.reused_share["s2"] == 0.0 and later.reused_share["s1"] > 0.5
    same_day = ReuseLens()(
        Story(
            (
                _source("s1", copy, "The Selk Islander", "2026-05-04"),
                _source("s2", plain, "Harven Post", "2026-05-04T09:00"),
            )
        )
    )
    assert same_day.reuse and {r.origin for r in same_day.reuse} == {None}  # no evidence: no direction
    assert same_day.reused_share["s1"] > 0.5 and same_day.reused_share["s2"] > 0.5


def test_the_articles_author_credits_its_agency() -> None:
    """A byline kept apart from the text ("By AP" in a page's byline, "author": "AP" in a JSON export)
    credits the agency as a byline in the text does, and it tells which side copied."""
    plain = AGENCY.replace("HARVEN, Ostmark (TNA) — ", "")
    copy = AGENCY_REPRINT.replace("\n\nAdditional reporting by Tarvel News Agency.", "")
    reprint = Source("s1", Article("s1", copy, outlet="The Selk Islander", author="Tarvel News Agency"), ())
    agency = _source("s2", plain, "Tarvel News Agency")
    found = ReuseLens()(Story((reprint, agency)))
    assert found.wire == {"s1": ("Tarvel News Agency",), "s2": ()}  # its text credits no one
    assert found.reuse and {r.origin for r in found.reuse} == {"s2"}
    unsigned = ReuseLens()(Story((_source("s1", copy, "The Selk Islander"), agency)))
    assert unsigned.reuse and {r.origin for r in unsigned.reuse} == {None}  # no credit: no direction
    by_ap = Source("s1", Article("s1", copy, outlet="The Selk Islander", author="AP"), ())
    by_person = Source("s3", Article("s3", LOCAL, outlet="Merrow Valley Gazette", author="Jana Holm"), ())
    found = ReuseLens()(Story((by_ap, by_person)))
    assert found.wire == {"s1": ("AP",), "s3": ()}


def test_same_input_same_findings(story: Story) -> None:
    a, b = ReuseLens()(story), ReuseLens()(story)
    assert a.reuse == b.reuse and a.wire == b.wire and a.origins == b.origins


def test_robust_to_quotes_hyphenation_and_spelling() -> None:
    us = (
        'The program "will stabilize the region\'s water supply," the center said in a statement on Monday, '
        "adding that the well-known harbor authority had canceled its co-operation plans for the year."
    )
    uk = (
        "The programme “will stabilise the region’s water supply,” the centre said in a statement on Monday, "
        "adding that the well-\nknown harbour authority had cancelled its cooperation plans for the year."
    )
    spans = shared_passages(["Something else entirely. " + us, uk + " Then other words follow here."])
    assert len(spans) == 1
    assert spans[0].similarity == 1.0
    assert changes(diff("x " + us, (2, 2 + len(us)), uk, (0, len(uk)))) == ()


def test_reordered_clause_and_swapped_words_stay_one_passage() -> None:
    a = (
        "Rescue teams pulled eleven people from the collapsed market building in Varno late on Friday, the "
        "regional governor said, and the search for at least four missing traders will continue overnight "
        "with dogs and thermal cameras brought in from the capital."
    )
    b = (
        "The regional governor said rescue teams pulled eleven people from the collapsed market hall in "
        "Varno late on Friday, and the search for at least four missing traders will go on overnight with "
        "dogs and thermal cameras brought in from the capital."
    )
    spans = shared_passages([a, b])
    assert len(spans) == 1
    assert spans[0].words_b[1] - spans[0].words_b[0] >= 35


def test_a_quote_both_outlets_heard_is_not_reuse() -> None:
    speech = "We will rebuild every bridge and every school, and we will do it before winter comes here"
    a = f'Speaking in the square, the mayor said: "{speech}."'
    b = f"Mayor Hana Lis told supporters “{speech},” to loud applause."
    assert shared_passages([a, b]) == []


def test_a_shared_quote_with_a_few_shared_narration_words_is_not_reuse() -> None:
    # the quote and "Dorn said ... defeat shortly after midnight on Sunday" match, the narration does not
    speech = "Tonight this city chose to rebuild, and we will build for every street and every school"
    wire = (
        "Speaking at a rally in the old harbour, Mayor Ilse Dorn promised a budget for every district. "
        f'"{speech}," Dorn said.\n\nCouncillor Piet Arnow conceded defeat shortly after midnight on Sunday.'
    )
    tabloid = (
        f"“{speech},” Dorn said, to wild cheers from a packed hall of supporters.\n\nArnow, who has spent "
        "years sneering at ordinary voters from his office, was forced to admit defeat shortly after "
        "midnight on Sunday."
    )
    assert shared_passages([wire, tabloid]) == []
    # the same quote inside copied narration is still copy
    reprint = wire.replace("promised", "pledged")
    assert len(shared_passages([wire, reprint])) == 1


def test_short_common_phrases_are_not_reuse() -> None:
    a = "The president of the United States said on Tuesday that the talks would continue next week."
    b = "Critics of the president of the United States said the talks had failed on every count."
    assert shared_passages([a, b]) == []


def test_empty_and_single_sources() -> None:
    lens = ReuseLens()
    assert lens(Story(())).reuse == ()
    one = lens(Story((_source("s1", WIRE, "Reuters"),)))
    assert one.reuse == () and one.reused_share == {"s1": 0.0} and one.wire == {"s1": ("Reuters",)}
    empty = lens(Story((_source("s1", "", "x"), _source("s2", "", "y"))))
    assert empty.reused_share == {"s1": 0.0, "s2": 0.0}


def test_word_keys_fold_spelling_variants() -> None:
    assert word_key("Colour") == word_key("color")
    assert word_key("organised") == word_key("organized")
    assert word_key("travelled") == word_key("traveled")
    assert word_key("centre") == word_key("center")
    assert word_key("Defence") == word_key("defense")
    assert word_key("don’t") == word_key("don't")
    assert word_key("four") != word_key("for")
    assert word_key("filled") != word_key("filed")


def test_find_duplicates_exact_and_near() -> None:
    near = WIRE.replace("about 3 million", "nearly 3 million") + "\n\nShare this article."
    articles = [
        Article("a", WIRE, url="https://one.example/dam"),
        Article("b", TABLOID),
        Article("c", WIRE, url="https://two.example/dam?utm=x"),
        Article("d", near, url="https://three.example/dam"),
        Article("e", INDEPENDENT),
        Article("f", ""),
        Article("g", ""),
    ]
    assert find_duplicates(articles) == [(0, 2, 3), (5, 6)]
    assert find_duplicates([]) == []


@pytest.mark.slow
def test_in_the_pipeline_reprinted_claims_have_one_origin(pipeline: Pipeline) -> None:
    outlets = ("Reuters wire", "Daily Clarion", "Merrow Valley Gazette", "The Northern Ledger")
    texts = (WIRE, TABLOID, LOCAL, INDEPENDENT)
    articles = [Article(f"a{i}", t, outlet=o) for i, (t, o) in enumerate(zip(texts, outlets, strict=True))]
    report = pipeline.analyse(articles)
    shared = [c for c in report.claims if len(c.sources) > 1]
    assert shared, "alignment found no shared claim in the reprints"
    for claim in shared:
        assert claim.origins is not None
        if set(claim.sources) <= {"s1", "s2", "s3"}:
            assert claim.origins == 1, claim
        else:
            assert claim.origins >= 2, claim
    assert report.source("s4").wire == () and report.source("s4").reused_share == 0.0
    assert report.source("s3").wire == ("Reuters",)
    for r in report.reuse:
        for p in r.passages:
            assert report.source(p.source).text[p.start : p.end] == p.text


def test_many_reprints_are_compared_with_one_representative() -> None:
    edits = [("Thursday", "Thursday evening"), ("officials", "senior officials"), ("thanked", "praised"),
             ("about 3 million", "some three million"), ("signed", "formally signed")]  # fmt: skip
    reprints = [WIRE.replace(old, new).replace("(Reuters)", "") for old, new in edits]
    sources = [_source("s1", WIRE, "Reuters wire")]
    sources += [_source(f"s{n}", text, f"Outlet {n}") for n, text in enumerate(reprints, start=2)]
    sources.append(_source("s7", INDEPENDENT, "The Northern Ledger"))
    sentences = tuple(_sentence(s, "The leaders of", "governments") for s in sources[1:3])
    signing = Claim("c1", "partial", ("s2", "s3"), sentences)
    found = ReuseLens()(Story(tuple(sources), (signing,)))
    assert {r.sources[0] for r in found.reuse} == {"s1"}
    assert {r.sources[1] for r in found.reuse} == {"s2", "s3", "s4", "s5", "s6"}
    assert found.origins == {"c1": 1}  # joined through the wire text, which is not in the claim
    assert all(found.reused_share[f"s{n}"] > 0.8 for n in range(2, 7))
    assert all(found.wire[f"s{n}"] == ("Reuters",) for n in range(2, 7))


def test_diff_offsets_point_into_both_texts() -> None:
    a, b = WIRE, TABLOID
    span_a = (a.index("The leaders"), a.index("Council.") + len("Council"))
    span_b = (b.index("The leaders"), b.index("Council.") + len("Council"))
    edits = diff(a, span_a, b, span_b)
    assert [e.op for e in edits if e.op != "equal"]
    for e in edits:
        assert a[e.a_start : e.a_end] == e.a_text and b[e.b_start : e.b_end] == e.b_text
        assert span_a[0] <= e.a_start <= e.a_end <= span_a[1]
    assert "".join(e.b_text for e in edits if e.op == "insert") == "bitter"


def test_edit_notes_keep_brackets_whole() -> None:
    a = "HARVEN, Ostmark (TNA) — The ferry strike ended on Monday after the port (a city company) paid up."
    b = "The ferry strike ended on Monday after the port paid up."
    edits = diff(a, (0, len(a)), b, (0, len(b)))
    assert changes(edits) == ('dropped "HARVEN, Ostmark (TNA)"', 'dropped "(a city company)"')
    for e in edits:
        assert a[e.a_start : e.a_end] == e.a_text and b[e.b_start : e.b_end] == e.b_text
    # a swapped word inside brackets stays a word
    c = "The ferry strike ended on Monday after the port (a town company) paid up."
    assert changes(diff(a, (a.index("The"), len(a)), c, (0, len(c)))) == ('"city" -> "town"',)


def test_near_duplicate_index_matches_copies_and_forgets_by_day() -> None:
    near = WIRE.replace("about 3 million", "nearly 3 million") + "\n\nShare this article."
    index: NearDuplicateIndex[str] = NearDuplicateIndex(0.8)
    index.add("wire", index.signature(shingles(WIRE)), day=10)
    index.add("own", index.signature(shingles(INDEPENDENT)), day=12)
    index.add("empty", index.signature(shingles("")), day=12)  # no shingles: not indexed
    assert len(index) == 2
    assert "wire" in index.candidates(index.signature(shingles(near)))
    assert same_text(shingles(WIRE), shingles(near), 0.8)
    assert not same_text(shingles(WIRE), shingles(INDEPENDENT), 0.8)
    assert index.drop_before(11) == 1
    assert "wire" not in index and index.candidates(index.signature(shingles(near))) == []


ORRIN = """Selkmark raises fuel duty by 3.5% to fund coastal roads
By Vera Lund, Orrin Press Agency

MARSK (Orrin Press) — Selkmark's parliament voted on Wednesday to raise the duty on road fuel by 3.5% \
from January, the first increase in six years, to pay for repairs to the coastal highway.

The measure passed 61-40 after a four-hour debate. Two members of the governing bloc, Ansel Brandt and \
Hilde Marr, voted against it and asked for a smaller rise of 1.75 points.

"Every krona of this goes into asphalt, not into the treasury," Transport Minister Kaja Holm told \
reporters outside the chamber.

Haulage firms said the increase would add about 40 krona to the cost of an average delivery, and the \
national motorists' club called the vote a tax on rural families.

The finance committee will set the exact timetable for the first repair contracts in March."""

SELK_COURIER = """MARSK (Orrin Press) — Selkmark's parliament voted on Wednesday to raise the duty on road \
fuel by 3.5% from January, the first increase in six years, to pay for repairs to the coastal highway.

The measure passed 61-40 after a four-hour debate.

"Every krona of this goes into asphalt, not into the treasury," Transport Minister Kaja Holm told \
reporters outside the chamber.

Haulage firms said the increase would add about 40 krona to the cost of an average delivery, and the \
national motorists' club called the vote a tax on rural families.

In Vessby, where the coastal highway lost a lane to a landslide in April, the harbour master welcomed the \
money.

The finance committee will set the exact timetable for the first repair contracts in March."""


def test_a_dateline_naming_the_agency_makes_it_the_origin() -> None:
    # the agency's file has no time, its reprint does; the reprint's "(Orrin Press)" dateline decides
    agency = _source("s1", ORRIN, "Orrin Press Agency")
    courier = _source("s2", SELK_COURIER, "Selk Courier", "2026-09-02T18:00+02:00")
    found = ReuseLens()(Story((courier, agency)))
    assert found.reuse and all(r.sources == ("s1", "s2") and r.origin == "s1" for r in found.reuse)
    assert found.reused_share["s1"] == 0.0 and found.reused_share["s2"] > 0.6
    assert found.wire == {"s1": ("Orrin Press Agency",), "s2": ("Orrin Press Agency",)}
    notes = [c for r in found.reuse for c in r.changes]
    # the copy's edits against the agency, and "1.75" is one number, not "1" and "75 points"
    dropped = 'dropped "Two members of the governing bloc, Ansel Brandt and Hilde Marr, voted against it and '
    assert dropped + 'asked for a smaller rise of 1.75 points"' in notes
    assert any(c.startswith('added "In Vessby') for c in notes)


def test_numbers_are_not_split_at_their_decimal_point_in_edit_notes() -> None:
    a = "The board met on Monday and agreed a rise of 0.25 points for shops. Then it closed."
    b = "The board met on Monday. Critics wanted 1.5 points. It agreed a rise of 0.25 points for shops."
    found = ReuseLens()(Story((_source("s1", a, "Halde Post"), _source("s2", b, "Selk Courier"))))
    notes = [c for r in found.reuse for c in r.changes]
    assert 'added "Critics wanted 1.5 points"' in notes
    assert not any(c.startswith('added "5 points') for c in notes)


BOARD_WIRE = """HALDE (Orrin Press) — The Halde port board approved a 12-year lease of the north quay to a \
Danish shipping group on Friday, ending months of uncertainty for about 300 dock workers.

Harbour Minister Leif Sand said the government welcomed the deal. "This keeps the cranes moving and the \
jobs in Halde, and we will watch the investment closely," he said.

The Halde krone rose 0.4% against the euro after the announcement, while the port's shares closed 2.1% \
higher, lifted by the news.

The board said the first ships under the lease would dock in May."""

BOARD_PARAPHRASE = """Halde's port board on Friday signed away the north quay for 12 years to a Danish \
shipping group, a deal that union leaders called a quiet privatisation.

Harbour Minister Leif Sand said the government welcomed the deal but that the state would watch the \
investment closely, and promised that the jobs would stay in Halde.

Markets cheered. The Halde krone rose 0.4% against the euro, which traders said reflected relief, and \
the port's shares closed 2.1% higher.

Dock worker Ola Frey, 54, said nobody had asked the people who load the ships."""


def test_a_paraphrase_of_a_statement_and_a_market_close_inherits_no_wire_credit() -> None:
    wire = _source("s1", BOARD_WIRE, "Orrin Press Agency")
    other = _source("s2", BOARD_PARAPHRASE, "Halde Evening Post")
    found = ReuseLens()(Story((wire, other)))
    assert found.wire["s2"] == ()  # no credit of its own, and no verbatim narration of the wire's


FLOOD_WIRE = """GRENNA (Orrin Press) — Floods swept through three villages of the Varde valley on Sunday, \
killing nine people and forcing 2,000 from their homes, the regional government said.

"We have boats on every street that is still above water, and we will keep going through the night," \
said Siri Aalto, chief of the valley fire brigade.

Regional governor Emil Strand said the government had released 15 million krona in emergency aid and \
sent 200 soldiers to the valley. "Nobody in Varde will face this alone," Strand said.

The river crested at 6.2 metres, its highest since 1971."""

FLOOD_LOCAL = """The regional government confirmed on Sunday that nine people died when the Varde river \
burst its banks in the early hours.

At Grenna school, teachers handed out blankets to families who had left everything behind. Head teacher \
Lena Moss said the gym would stay open as a shelter for at least a week.

"We have boats on every street that is still above water, and we will keep going through the night," \
said Siri Aalto, chief of the valley fire brigade, speaking at the town hall.

Regional governor Emil Strand said the government had set aside 15 million krona in emergency aid and \
that 200 soldiers were on their way.

Farmers on the lower slopes said they had moved their herds to higher ground on Saturday evening."""


def test_a_shared_direct_quote_and_a_paraphrased_statement_are_not_reuse() -> None:
    wire = _source("s1", FLOOD_WIRE, "Orrin Press Agency")
    local = _source("s2", FLOOD_LOCAL, "Varde Valley Herald")
    found = ReuseLens()(Story((wire, local)))
    assert found.reuse == ()
    assert found.wire["s2"] == () and found.reused_share["s2"] == 0.0
    # a quote inside copied narration is still copy
    reprint = _source("s3", FLOOD_WIRE.replace("released", "freed"), "Grenna Post")
    copied = ReuseLens()(Story((wire, reprint)))
    assert copied.wire["s3"] == ("Orrin Press Agency",) and copied.reused_share["s3"] > 0.9
