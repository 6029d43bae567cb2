"""The quotes lens on a fictional story told by four outlets (tests/fixtures/quotes)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.lenses.quotes import (
    QuoteLens,
    article_quotes,
    find_quotes,
    format_quotes,
    link_quotes,
    quotes_json,
)
from newsprism.model import Article, Quote, QuoteFindings, Source, Story
from newsprism.segment import Segmenter

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "quotes"
OUTLETS = ("wire", "tabloid", "partisan", "local")


@pytest.fixture(scope="module")
def sources(segmenter: Segmenter) -> list[Source]:
    articles = [
        (Article(f"s{i}", (FIXTURES / f"{name}.txt").read_text(encoding="utf-8"), outlet=name), f"s{i}")
        for i, name in enumerate(OUTLETS, start=1)
    ]
    return segmenter.pipe(articles)


@pytest.fixture(scope="module")
def findings(sources: list[Source]) -> QuoteFindings:
    return QuoteLens()(Story(sources=tuple(sources)))


def _quote(findings: QuoteFindings, source: str, contains: str) -> Quote:
    hits = [q for q in findings.quotes if q.source == source and contains in q.text]
    assert len(hits) == 1, [q.text for q in findings.quotes if q.source == source]
    return hits[0]


def _name(findings: QuoteFindings, speaker: str | None) -> str | None:
    return next((s.name for s in findings.speakers if s.id == speaker), None)


@pytest.mark.slow
def test_every_quote_points_into_its_source_text(sources: list[Source], findings: QuoteFindings) -> None:
    text = {s.id: s.text for s in sources}
    assert findings.quotes
    for q in findings.quotes:
        assert text[q.source][q.start : q.end] == q.text
        if q.cue_span:
            assert text[q.source][q.cue_span[0] : q.cue_span[1]] == q.cue


@pytest.mark.slow
def test_three_spellings_in_three_outlets_are_one_speaker(findings: QuoteFindings) -> None:
    (voronov,) = [s for s in findings.speakers if "Voronov" in s.name or "Voronov" in s.aliases]
    assert set(voronov.sources) == {"s1", "s2", "s3"}
    assert {"Voronoff", "Voronow"} <= {a.split()[-1] for a in voronov.aliases}


@pytest.mark.slow
def test_quote_split_by_said_keeps_its_speaker_on_both_pieces(findings: QuoteFindings) -> None:
    first = _quote(findings, "s3", "Those who spread lies")
    second = _quote(findings, "s3", "are the enemies")
    assert first.speaker == second.speaker
    assert first.speaker == _quote(findings, "s1", "ten years of suspicion").speaker  # "he" is Voronow


@pytest.mark.slow
def test_paragraph_spanning_quote_and_pronoun_speaker(findings: QuoteFindings) -> None:
    long = _quote(findings, "s4", "The first promise")
    assert "\n\n" in long.text and long.text.endswith('fields."')
    assert _name(findings, long.speaker) == "Ada Lind"
    farmer = _quote(findings, "s4", "plant again")
    assert _name(findings, farmer.speaker) is not None
    assert "Petrik" in str(_name(findings, farmer.speaker))


@pytest.mark.slow
def test_organisations_speak(findings: QuoteFindings) -> None:
    council = _quote(findings, "s4", "public meeting")
    kinds = {s.id: s.kind for s in findings.speakers}
    assert council.speaker is not None and kinds[council.speaker] == "organisation"


@pytest.mark.slow
def test_same_words_given_to_different_speakers_are_flagged(findings: QuoteFindings) -> None:
    wire = _quote(findings, "s1", "ten years of suspicion")
    partisan = _quote(findings, "s3", "ten years of suspicion")
    assert _name(findings, wire.speaker) == "Aleksandr Voronov"
    assert _name(findings, partisan.speaker) == "Irina Halden"
    assert partisan.id in wire.shared_with and wire.match == "other-speaker"
    # the tabloid does not say who ("the tyrant crowed"): shared words, speaker left open
    tabloid = _quote(findings, "s2", "ten years of suspicion")
    assert tabloid.speaker is None and wire.id in tabloid.shared_with


@pytest.mark.slow
def test_paraphrase_of_one_statement_across_outlets(findings: QuoteFindings) -> None:
    wire = _quote(findings, "s1", "monitor the flow")
    tabloid = _quote(findings, "s2", "watch the river")
    assert tabloid.id in wire.shared_with and wire.match == "paraphrase"


@pytest.mark.slow
def test_json_and_text_output(sources: list[Source], findings: QuoteFindings) -> None:
    data = quotes_json(sources, findings)
    json.dumps(data)  # serialisable
    rows = data["quotes"]
    assert isinstance(rows, list)
    assert {q["id"] for q in rows} == {q.id for q in findings.quotes}
    listing = format_quotes(sources, findings)
    assert "Irina Halden" in listing and "(speaker not stated or not resolved)" in listing


@pytest.mark.slow
def test_deterministic(sources: list[Source], findings: QuoteFindings) -> None:
    assert find_quotes(sources) == findings


def test_link_quotes_same_words_trimmed_and_other_speaker() -> None:
    quotes = [
        Quote("q1", "s1", "p1", "direct", 0, 10, '"We will rebuild every house in the valley,"'),
        Quote("q2", "s2", "p1", "direct", 0, 10, '"rebuild every house in the valley"'),
        Quote("q3", "s3", "p2", "direct", 0, 10, '"We will rebuild every house in the valley."'),
        Quote("q4", "s1", "p2", "direct", 0, 10, '"Nothing in common with the others at all."'),
        Quote("q5", "s2", "p3", "direct", 0, 10, '"Nothing in common with the others at all."'),
    ]
    linked = {q.id: q for q in link_quotes(quotes)}
    assert linked["q2"].shared_with == ("q1", "q3")
    # one label per link: p1's own words in s1, the same words given to p2 in s3
    assert linked["q2"].links == (("q1", "same-words"), ("q3", "other-speaker"))
    assert linked["q2"].match == linked["q1"].match == "other-speaker"  # the strongest link
    # same speaker, different words, and the two sources share no words of p2: two things p2 said, not
    # one speech (q5 gives q4's words to p3)
    assert linked["q4"].links == (("q5", "other-speaker"),)
    assert linked["q3"].links == (("q1", "other-speaker"), ("q2", "other-speaker"))
    assert not link_quotes(quotes[:1])[0].links


def test_links_never_join_quotes_of_one_source_and_other_sentences_of_one_speech_are_labelled() -> None:
    quotes = [
        Quote("q1", "s1", "p1", "direct", 0, 10, '"The harbour stays closed until the inspectors sign off,"'),
        Quote("q2", "s1", "p1", "direct", 0, 10, '"The harbour stays closed until the inspectors sign off,"'),
        Quote("q3", "s1", "p1", "direct", 0, 10, '"Nobody will fish here before May."'),
        Quote("q4", "s2", "p1", "direct", 0, 10, '"The harbour stays closed until the inspectors sign off."'),
        Quote("q5", "s2", "p1", "direct", 0, 10, '"We owe the crews an honest date."'),
        Quote("q6", "s3", "p1", "direct", 0, 10, '"We owe the crews an answer, not a date."'),
    ]
    linked = {q.id: q for q in link_quotes(quotes)}
    assert linked["q1"].links == (("q4", "same-words"), ("q5", "same-speech"))
    assert linked["q1"].shared_with == ("q4",) and linked["q1"].match == "same-words"
    # another sentence of the speech s1 and s2 both quote: linked, labelled, but not shared words
    assert linked["q3"].links == (("q4", "same-speech"), ("q5", "same-speech"))
    assert (linked["q3"].shared_with, linked["q3"].match) == ((), "")
    # s3 shares no words of p1 with s1 or s2: its quote is something else p1 said
    assert linked["q6"].links == ()
    for q in linked.values():
        assert all(not other.startswith(("q1", "q2", "q3")) or q.source != "s1" for other, _ in q.links)


def test_a_mixed_quote_shares_the_words_it_puts_in_quotation_marks() -> None:
    quotes = [
        Quote("q1", "s1", "p1", "direct", 0, 10, '"I have never taken a single coin that was not mine,"'),
        Quote("q2", "s2", "p1", "mixed", 0, 10, 'he had "never taken a single coin" that was not his'),
    ]
    assert link_quotes(quotes)[1].links == (("q1", "same-words"),)


@pytest.mark.slow
def test_who_is_quoted_table(sources: list[Source], findings: QuoteFindings) -> None:
    from newsprism.lenses.quotes import who_is_quoted

    rows = who_is_quoted(sources, findings)
    kessel = [r for r in rows if r.name == "Marta Kessel"]
    assert [(r.outlet, r.count) for r in kessel] == [("tabloid", 2)]  # one split quote + one indirect
    assert set(kessel[0].cues) == {"told", "said"}
    assert rows[-1].speaker == "" or all(r.speaker for r in rows)


def test_paraphrase_by_sentence_meaning_needs_the_same_speaker() -> None:
    import numpy as np

    quotes = [
        Quote("q1", "s1", "p1", "direct", 0, 10, '"The bridge stays shut until the inspectors sign off."'),
        Quote("q2", "s2", "p1", "indirect", 0, 10, "no traffic would cross before engineers approved it"),
        Quote("q3", "s3", "p2", "indirect", 0, 10, "no traffic would cross before engineers approved it"),
    ]
    close = np.array([1.0, 0.0]), np.array([0.9, np.sqrt(1 - 0.81)])
    assert not link_quotes(quotes[:2])[0].shared_with  # few shared words, no vectors
    linked = link_quotes(quotes, vectors=[close[0], close[1], close[1]])
    assert (linked[0].shared_with, linked[0].match) == (("q2",), "paraphrase")
    assert linked[2].shared_with == ()  # p2 is another speaker; indirect words are not "same words"


def test_a_statement_restated_inside_the_speakers_own_quote_is_not_a_second_quote(
    segmenter: Segmenter,
) -> None:
    text = (
        '"The engine had been serviced in January," the chief executive, Lars Dahl, told reporters.\n\n'
        "Councillor Maria Jensen later added that she would call for a public inquiry."
    )
    (src,) = segmenter.pipe([(Article("s1", text, outlet="Wire"), "s1")])
    found = QuoteLens()(Story(sources=(src,)))
    inquiry = [q for q in found.quotes if "inquiry" in q.text]
    assert [q.cue for q in inquiry] == ["later added"], [(q.cue, q.text) for q in found.quotes]
    assert _name(found, inquiry[0].speaker) == "Maria Jensen"


@pytest.mark.slow
def test_a_pronoun_speech_verb_inside_a_bodys_statement_is_not_a_second_unattributed_quote(
    segmenter: Segmenter,
) -> None:
    text = (
        "The pier will stay closed until June, the coastal shipping authority said.\n\n"
        "The ferry crews' union said it had warned about the pier in an email last winter."
    )
    (src,) = segmenter.pipe([(Article("s1", text, outlet="Wire"), "s1")])
    found = QuoteLens()(Story(sources=(src,)))
    got = [(q.cue, q.text, _name(found, q.speaker)) for q in found.quotes]
    assert got == [
        ("said", "The pier will stay closed until June", "coastal shipping authority"),
        ("said", "it had warned about the pier in an email last winter", "ferry crews' union"),
    ]
    assert {s.kind for s in found.speakers} == {"organisation"}


@pytest.mark.slow
def test_the_listing_shows_the_phrase_of_a_speaker_no_name_stands_for(segmenter: Segmenter) -> None:
    text = (
        "The harbour district said it would dredge the channel.\n\n"
        "The skipper's allies boast of record catches.\n\n"
        "'We will fish all winter,' Haldor Vik said."
    )
    (src,) = segmenter.pipe([(Article("s1", text, outlet="Wire"), "s1")])
    found = QuoteLens()(Story(sources=(src,)))
    listing = format_quotes([src], found)
    assert 'Wire, indirect (said), by "The harbour district": it would dredge the channel' in listing
    assert 'Wire, indirect (boast of), by "The skipper\'s allies": record catches' in listing
    assert "Haldor Vik\n  q3 Wire, direct (said): 'We will fish all winter,'" in listing


@pytest.mark.slow
def test_saying_the_same_is_no_quote_of_its_own(segmenter: Segmenter) -> None:
    text = (
        "Dorn's allies will say that the inquiry is a vendetta. "
        "They said the same about every inquiry into every harbour boss in the region."
    )
    (src,) = segmenter.pipe([(Article("s1", text, outlet="Column"), "s1")])
    found = QuoteLens()(Story(sources=(src,)))
    assert [q.text for q in found.quotes] == ["that the inquiry is a vendetta"]


@pytest.mark.slow
def test_the_listing_names_an_anonymous_source_and_keeps_a_statements_pieces_together(
    segmenter: Segmenter,
) -> None:
    wire = (
        '"No boat leaves before the inspection," the harbour master, Elsa Marr, said, "not even mine."\n\n'
        "A senior official who spoke on condition of anonymity said the ministry feared strikes."
    )
    local = 'Elsa Marr told the Gazette: "No boat leaves before the inspection."'
    srcs = segmenter.pipe(
        [(Article("s1", wire, outlet="Wire"), "s1"), (Article("s2", local, outlet="Gazette"), "s2")]
    )
    found = QuoteLens()(Story(sources=tuple(srcs)))
    listing = format_quotes(srcs, found)
    assert (
        '  q1+q2 Wire, direct (said): "No boat leaves before the inspection," … "not even mine."  '
        "[same-words: q4]" in listing
    ), listing
    assert "anonymous senior official\n  q3 Wire, indirect (said): the ministry feared strikes" in listing
    assert {s.kind for s in found.speakers} == {"person", "anonymous"}


def test_a_mixed_quotes_short_fragment_links_to_the_same_speakers_full_sentence() -> None:
    text_a = '"These are hard choices, but they will save the group," Brakstad said.'
    text_b = 'Brakstad called the closures "hard choices" on Tuesday.'
    full = Quote(id="q1", source="s1", speaker="p1", kind="direct", start=0, end=52, text=text_a[:52])
    part = Quote(id="q2", source="s2", speaker="p1", kind="mixed", start=9, end=44, text=text_b[9:44])
    other = Quote(id="q3", source="s3", speaker="p2", kind="mixed", start=9, end=44, text=text_b[9:44])
    a, b, c = link_quotes([full, part, other])
    assert ("q2", "same-words") in a.links and ("q1", "same-words") in b.links
    assert not c.links  # two words are too few to tell another speaker's quote


@pytest.mark.slow
def test_a_cue_the_parser_joined_to_a_vows_content_is_no_second_statement(segmenter: Segmenter) -> None:
    text = (
        "Union leader Sven Orlo was furious. "
        "Orlo vowed that his members would not give up and warned of strikes at the yard before Easter."
    )
    (src,) = segmenter.pipe([(Article("s1", text, outlet="Column"), "s1")])
    found = QuoteLens()(Story(sources=(src,)))
    assert [(q.text, _name(found, q.speaker)) for q in found.quotes] == [
        ("that his members would not give up and warned of strikes at the yard before Easter", "Sven Orlo")
    ]


@pytest.mark.slow
def test_a_negated_cue_is_no_statement_of_its_speaker(segmenter: Segmenter) -> None:
    text = (
        "Mayor Ottilie Brandt insisted the bridge was safe. "
        "She did not explain how a coat of paint would hold up the deck."
    )
    found = article_quotes(segmenter(Article("s1", text), "s1"))
    assert [a.quotes[0].text for a in found] == ["the bridge was safe"]


@pytest.mark.slow
def test_two_clauses_of_one_sentence_are_no_paraphrase_of_each_other(segmenter: Segmenter) -> None:
    import dataclasses

    import numpy as np

    text = (
        "Dock workers at Brenhaven began a strike on Monday, the Coastal Dockers' Federation said. "
        "About 4,000 dockers walked out, according to the union, which rejected an offer of 3% "
        "and is demanding 7%."
    )
    wire, reprint = segmenter.pipe([(Article(s, text, outlet=s), s) for s in ("s1", "s2")])
    # one sentence, one vector in both outlets: its two clauses look alike by it, and nothing else
    rows = np.eye(len(wire.sentences))
    story = [dataclasses.replace(src, vectors=rows) for src in (wire, reprint)]
    found = find_quotes(story)
    links = {(q.source, q.text): {other for other, _ in q.links} for q in found.quotes}
    ids = {(q.source, q.text): q.id for q in found.quotes}
    walked, demand = "About 4,000 dockers walked out", "7%"
    assert links["s1", walked] == {ids["s2", walked]}
    assert links["s1", demand] == {ids["s2", demand]}
    assert links["s1", "Dock workers at Brenhaven began a strike on Monday"] == {
        ids["s2", "Dock workers at Brenhaven began a strike on Monday"]
    }
