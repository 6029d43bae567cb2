"""The summariser on hand-built stories (no models): support order, neutral wording, disputes, citations."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import pytest
from summary_builders import cited_correctly, claim, passage_of, source, story

from newsprism.errors import UsageError
from newsprism.model import (
    Article,
    Contradiction,
    LanguageFindings,
    LanguageSpan,
    Passage,
    Source,
    SourceLanguage,
    Story,
    SummarySentence,
)
from newsprism.pipeline import Findings
from newsprism.settings import SummarySettings
from newsprism.summarise import Summariser, length_settings, summarise
from newsprism.summarise._wording import Neutrality, strip_dateline

if TYPE_CHECKING:
    from newsprism.segment import Segmenter

LEAD = "Fire broke out on the ferry Aurelia Star in Kelmar port on Tuesday morning, officials said."
INSPECTION = "The ferry had passed a full safety inspection in January, maritime agency records show."
INSULT = "Westline boss Maria Lund, a notorious crook, read a short statement at the harbour."
OVERLORD = "The ferry overlord Maria Lund read a short statement at the harbour on Tuesday."
RESCUE_A = "Coast guard boats pulled 41 passengers from the cold harbour water, the coast guard said."
RESCUE_B = "The coast guard said its crews rescued 41 passengers from the harbour water."
TOLL_A = "Port officials said 12 people were killed in the fire on Tuesday."
TOLL_B = "Port officials said at least 20 people were killed in the fire on Tuesday."


def ferry(origins: dict[str, int] | None = None) -> Story:
    """A wire report, two verbatim reprints (one adds an insult) and two independent outlets."""
    origins = origins or {}
    srcs = [
        source("s1", "Northwire", [LEAD, INSPECTION], title="Fire on Kelmar ferry kills 12, officials say"),
        source("s2", "The Daily Blaze", [LEAD, INSPECTION, INSULT], title="Greedy ferry boss faces fury"),
        source("s3", "Valley Courier", [LEAD, INSPECTION]),
        source("s4", "The Civic Ledger", [RESCUE_A], title="Coast guard rescues 41 from Kelmar ferry fire"),
        source("s5", "Kelmar Gazette", [RESCUE_B]),
    ]
    return story(
        srcs,
        claim("c1", srcs, ("s1", 0), ("s2", 0), ("s3", 0), origins=origins.get("c1")),
        claim("c2", srcs, ("s1", 1), ("s2", 1), ("s3", 1), origins=origins.get("c2")),
        claim("c3", srcs, ("s4", 0), ("s5", 0), origins=origins.get("c3")),
        claim("c4", srcs, ("s2", 2)),
    )


def cites(st: Story, settings: SummarySettings | None = None, findings: Findings | None = None) -> list[str]:
    return [s.claims[0] for s in Summariser(settings)(st, findings or Findings()).sentences]


# ------------------------------------------------------------------ support order


def test_two_independent_outlets_outrank_three_reprints_of_one_wire_story() -> None:
    order = cites(ferry(), SummarySettings(sentences=10))
    assert order[0] == "c3"
    assert order.index("c3") < order.index("c2") and order.index("c3") < order.index("c1")


def test_origins_from_the_reuse_lens_decide_the_order() -> None:
    assert cites(ferry({"c1": 1, "c2": 1, "c3": 2}))[0] == "c3"
    assert cites(ferry({"c1": 3, "c2": 1, "c3": 2}))[0] == "c1"


def test_one_outlet_facts_are_attributed_and_shared_ones_are_not() -> None:
    srcs = [
        source(
            "s1", "Northwire", [LEAD, "Divers searched the engine room of the ferry late into the night."]
        ),
        source(
            "s2", "Kelmar Gazette", ["A fire broke out on the Aurelia Star ferry in Kelmar port on Tuesday."]
        ),
    ]
    st = story(srcs, claim("c1", srcs, ("s1", 0), ("s2", 0)), claim("c2", srcs, ("s1", 1)))
    texts = {s.claims[0]: s.text for s in summarise(st).sentences}
    # no parse here to tell a name from a common word, so the first word keeps its case
    assert (
        texts["c2"]
        == "According to Northwire, Divers searched the engine room of the ferry late into the night."
    )
    assert not texts["c1"].startswith("According to")


def test_an_outlet_telling_its_own_statement_is_not_named_twice() -> None:
    from newsprism.summarise._compose import outlet_names

    srcs = [
        source("s1", "Northwire", [LEAD]),
        source(
            "s2", "Kelmar Gazette", ["A fire broke out on the Aurelia Star ferry in Kelmar port on Tuesday."]
        ),
        source(
            "s3",
            "Westline Ferries",
            [
                "Westline Ferries said it had grounded its two other ships for inspection.",
                "Westline Ferries shares fell 12 percent on Tuesday.",
            ],
        ),
    ]
    st = story(
        srcs,
        claim("c1", srcs, ("s1", 0), ("s2", 0)),
        claim("c2", srcs, ("s3", 0)),
        claim("c3", srcs, ("s3", 1)),
    )
    texts = {s.claims[0]: s.text for s in summarise(st).sentences}
    # the company's own statement already names who says it
    assert texts["c2"] == "Westline Ferries said it had grounded its two other ships for inspection."
    closing = "Its two other ships were grounded for inspection, the Westline Ferries said."
    # an outlet its own text calls "the Westline Ferries" is named so
    desk = story([*srcs[:2], source("s3", "Westline Ferries", ["At the Westline Ferries desk."])])
    assert outlet_names(desk, ["s3"]) == "the Westline Ferries"
    srcs = [*srcs[:2], source("s3", "Westline Ferries", [closing])]
    st = story(srcs, claim("c1", srcs, ("s1", 0), ("s2", 0)), claim("c2", srcs, ("s3", 0)))
    assert {s.claims[0]: s.text for s in summarise(st).sentences}["c2"] == closing
    # but a fact it states in its own voice is still its word alone
    assert texts["c3"].startswith("According to Westline Ferries, ")


def test_a_sentence_pointing_back_at_its_articles_last_is_no_statement() -> None:
    srcs = [
        source("s1", "Business Daily", ["That is equal to about 3% of last year's operating profit."]),
        source("s2", "Drive Watch", ["Drive Watch advises owners to stop driving the car at once."]),
    ]
    st = story(srcs, claim("c1", srcs, ("s1", 0)), claim("c2", srcs, ("s2", 0)))
    texts = [s.text for s in summarise(st).sentences]
    assert texts == ["Drive Watch advises owners to stop driving the car at once."]


def test_a_date_already_told_of_the_same_thing_is_not_told_again() -> None:
    srcs = [
        source(
            "s1",
            "Tessaly News Agency",
            ["The company said repairs will begin on 3 March at all 140 dealers."],
        ),
        source(
            "s2", "Moravan Motors", ["Moravan Motors said repairs will begin on 3 March at its 140 dealers."]
        ),
        source("s3", "Business Daily", ["Repairs start on 3 March, the company said."]),
        source("s4", "Drive Watch", ["Repairs start on 3 March, the carmaker said in a statement."]),
    ]
    st = story(srcs, claim("c1", srcs, ("s1", 0), ("s2", 0)), claim("c2", srcs, ("s3", 0), ("s4", 0)))
    assert [s.claims for s in summarise(st).sentences] == [("c1",)]


def test_a_column_quoting_what_the_news_outlets_quote_takes_only_its_own_origin_away() -> None:
    quote = (
        '"No one should have to choose between a cool home and a fridge," Energy Minister Ilse Karrow said.'
    )
    fact = "The grid authority said demand peaked at 9,800 megawatts in the afternoon."
    srcs = [
        source("s1", "Ostral Press", [quote, fact]),
        source("s2", "Dravna FM", [quote]),
        source("s3", "The Valdorian Herald", [quote, fact]),
        source("s4", "The Morning Sentinel", [quote], title="Opinion: A fiasco foretold"),
    ]
    st = story(
        srcs,
        claim("c1", srcs, ("s1", 0), ("s2", 0), ("s3", 0), ("s4", 0), origins=4),
        claim("c2", srcs, ("s1", 1), ("s3", 1), origins=2),
    )
    # the three news outlets' quote keeps their three origins, ahead of a fact two outlets give
    assert [s.claims[0] for s in summarise(st).sentences] == ["c1", "c2"]


def test_a_heavily_loaded_outlet_alone_vouches_for_nothing() -> None:
    srcs = [
        source("s1", "Northwire", [LEAD]),
        source(
            "s2", "Kelmar Gazette", ["A fire broke out on the Aurelia Star ferry in Kelmar port on Tuesday."]
        ),
        source("s3", "The Daily Trumpet", ["Fans of the ferry line will not forget this day."]),
        source("s4", "Valley Courier", ["Divers searched the engine room of the ferry late into the night."]),
    ]
    st = story(
        srcs,
        claim("c1", srcs, ("s1", 0), ("s2", 0)),
        claim("c2", srcs, ("s3", 0)),
        claim("c3", srcs, ("s4", 0)),
    )
    per_source = {"s3": SourceLanguage(loadedness=0.87), "s4": SourceLanguage(loadedness=0.1)}
    findings = Findings(language=LanguageFindings(per_source=per_source))
    told = [s.claims[0] for s in Summariser(SummarySettings(sentences=5))(st, findings).sentences]
    assert told == ["c1", "c3"]  # the tabloid's plain-looking aside is its word alone, in its tone


def test_words_told_to_the_outlet_are_not_attributed_to_it_twice() -> None:
    told = "Her lawyer, Tomas Ferrel, told Valmora Herald that the laboratory had mishandled the sample."
    srcs = [
        source("s1", "Northwire", [LEAD]),
        source(
            "s2", "Kelmar Gazette", ["A fire broke out on the Aurelia Star ferry in Kelmar port on Tuesday."]
        ),
        source("s3", "Valmora Herald", [told, "Dunmere Herald carries the following report from Northwire."]),
    ]
    st = story(
        srcs,
        claim("c1", srcs, ("s1", 0), ("s2", 0)),
        claim("c2", srcs, ("s3", 0)),
        claim("c3", srcs, ("s3", 1)),
    )
    texts = {s.claims[0]: s.text for s in Summariser(SummarySettings(sentences=5))(st, Findings()).sentences}
    assert texts["c2"] == told
    assert "c3" not in texts  # a note about the paper itself is no fact of the story


def test_a_wire_story_and_its_reprints_are_one_origin_and_attributed() -> None:
    st = ferry({"c1": 1, "c3": 2})  # the reuse lens found the wire's lead reprinted verbatim twice
    told = {s.claims[0]: s for s in Summariser(SummarySettings(sentences=10))(st, Findings()).sentences}
    assert told["c1"].text.startswith("According to Northwire, The Daily Blaze and Valley Courier, ")
    assert set(told["c1"].sources) == {"s1", "s2", "s3"}
    assert not told["c3"].text.startswith("According to")  # two outlets in their own words


def test_one_claim_is_said_once() -> None:
    srcs = [
        source("s1", "Northwire", [LEAD]),
        source("s2", "Kelmar Gazette", [LEAD.replace("Tuesday morning", "Tuesday")]),
    ]
    # alignment missed the pair: two single claims that say the same thing
    st = story(srcs, claim("c1", srcs, ("s1", 0)), claim("c2", srcs, ("s2", 0)))
    assert len(summarise(st).sentences) == 1


# ------------------------------------------------------------------ loaded wording


def test_a_tabloid_only_insult_never_reaches_the_summary() -> None:
    summary = Summariser(SummarySettings(sentences=50))(ferry(), Findings())
    assert "c4" not in {c for s in summary.sentences for c in s.claims}
    assert not any("crook" in s.text for s in summary.sentences)


def _lens(spans: list[LanguageSpan], bias: dict[str, tuple[float, ...]] | None = None) -> Findings:
    per_source = {sid: SourceLanguage(sentence_bias=b) for sid, b in (bias or {}).items()}
    return Findings(language=LanguageFindings(spans=tuple(spans), per_source=per_source))


def _span(src: Source, index: int, word: str, voice: str = "authorial") -> LanguageSpan:
    sent = src.sentences[index]
    at = sent.start + sent.text.index(word)
    return LanguageSpan(src.id, at, at + len(word), word, voice, "loaded", 0.9)  # type: ignore[arg-type]


def test_authorial_loaded_span_from_the_language_lens_keeps_a_sentence_out() -> None:
    srcs = [source("s1", "Northwire", [LEAD]), source("s2", "The Daily Blaze", [OVERLORD])]
    st = story(srcs, claim("c1", srcs, ("s1", 0)), claim("c2", srcs, ("s2", 0)))
    settings = SummarySettings(sentences=5)
    assert "c2" not in cites(st, settings, _lens([_span(srcs[1], 0, "overlord")]))
    assert "c2" in cites(st, settings, _lens([_span(srcs[1], 0, "overlord", voice="attributed")]))


def test_the_least_loaded_wording_of_a_claim_is_chosen() -> None:
    st = ferry()
    s4, s5 = st.source("s4"), st.source("s5")
    flagged = Summariser()(st, _lens([_span(s4, 0, "cold")]))
    assert flagged.sentences[0].text == RESCUE_B
    assert flagged.sentences[0].sources == ("s4", "s5")  # the claim's sources, whichever wording shows
    by_bias = Summariser()(st, _lens([], {"s4": (0.05,), "s5": (0.9,)}))
    assert by_bias.sentences[0].text == RESCUE_A
    del s5


def test_wire_dateline_is_cut() -> None:
    assert (
        strip_dateline("KELMAR, March 4 (Northwire) - A fire broke out on a ferry.")
        == "A fire broke out on a ferry."
    )
    assert strip_dateline("PORT ASTER - Dozens of families arrived.") == "Dozens of families arrived."
    assert strip_dateline("UN - a body") == "UN - a body"
    # a press release's dateline with a full date
    assert strip_dateline("ORVENNA, 16 February 2027 - Moravan Motors said it is recalling cars.") == (
        "Moravan Motors said it is recalling cars."
    )
    # a live blog's time stamp before a quotation
    assert (
        strip_dateline('18:50 — "This is a first step," Marrow said.')
        == '"This is a first step," Marrow said.'
    )
    # a region or country after the city, the way AP writes it
    assert (
        strip_dateline("SELMARK, Norvia (AP) — A fire broke out on a ferry.")
        == "A fire broke out on a ferry."
    )
    assert strip_dateline("NATO, the alliance said, will meet.") == "NATO, the alliance said, will meet."


# ------------------------------------------------------------------ disputed values


def _toll_story() -> Story:
    srcs = [source("s1", "Northwire", [TOLL_A, LEAD]), source("s2", "The Daily Blaze", [TOLL_B])]
    return story(srcs, claim("c1", srcs, ("s1", 0), ("s2", 0)), claim("c2", srcs, ("s1", 1)))


def _toll_contradiction(st: Story, kind: str = "number") -> Contradiction:
    a, b = st.source("s1").sentences[0], st.source("s2").sentences[0]
    va = Passage(
        "s1", a.start + a.text.index("12 people"), a.start + a.text.index("12 people") + 9, "12 people"
    )
    at = b.start + b.text.index("at least 20 people")
    vb = Passage("s2", at, at + 18, "at least 20 people")
    return Contradiction(claims=("c1",), kind=kind, values=(va, vb), explanation="")  # type: ignore[arg-type]


def _assert_both_or_neither(sentences: list[str]) -> None:
    for text in sentences:
        if "12 people" in text or "20 people" in text:
            assert "12 people" in text and "at least 20 people" in text, text
            assert "Northwire" in text and "The Daily Blaze" in text, text


def test_a_contested_toll_is_given_with_both_values_and_their_outlets() -> None:
    st = _toll_story()
    summary = Summariser()(st, Findings(contradictions=(_toll_contradiction(st),)))
    texts = [s.text for s in summary.sentences]
    assert any("12 people" in t for t in texts)
    _assert_both_or_neither(texts)
    toll = next(s for s in summary.sentences if "12 people" in s.text)
    assert toll.claims == ("c1",) and toll.sources == ("s1", "s2")


def test_every_outlet_giving_a_disputed_toll_is_named_and_a_third_value_is_never_told_alone() -> None:
    # the lens compared the wire and the tabloid; the Courier gives the wire's toll in a sentence of
    # its own (another claim group) and the radio a third value, which is no safer to state alone
    courier = "Twelve people died when fire swept the ferry's car deck, the coast guard said."
    radio = "About 15 people died in the ferry fire, harbour staff said."
    srcs = [
        source("s1", "Northwire", [TOLL_A, LEAD]),
        source("s2", "The Daily Blaze", [TOLL_B]),
        source("s3", "Valley Courier", [courier]),
        source("s4", "Harbour Radio", [radio]),
    ]
    st = story(
        srcs,
        claim("c1", srcs, ("s1", 0), ("s2", 0)),
        claim("c2", srcs, ("s1", 1)),
        claim("c3", srcs, ("s3", 0)),
        claim("c4", srcs, ("s4", 0)),
    )
    sentences = Summariser(SummarySettings(sentences=5))(
        st, Findings(contradictions=(_toll_contradiction(st),))
    )
    (told,) = [s for s in sentences.sentences if "12 people" in s.text]
    assert "Valley Courier also gives twelve people, and The Daily Blaze gives the figure as at least 20" in (
        told.text
    )
    assert told.claims == ("c1", "c3") and told.sources == ("s1", "s2", "s3")
    assert not any("15 people" in s.text for s in sentences.sentences)


def test_a_bare_number_of_a_disputed_toll_is_told_as_the_toll() -> None:
    blaze = "The death toll from the ferry fire rose to 20 on Tuesday, port officials said."
    srcs = [source("s1", "Northwire", [TOLL_A]), source("s2", "The Daily Blaze", [blaze])]
    st = story(srcs, claim("c1", srcs, ("s1", 0), ("s2", 0)))
    a, b = st.source("s1").sentences[0], st.source("s2").sentences[0]
    values = (
        Passage("s1", a.start + a.text.index("12"), a.start + a.text.index("12") + 9, "12 people"),
        Passage("s2", b.start + b.text.index("20"), b.start + b.text.index("20") + 2, "20"),
    )
    found = Contradiction(claims=("c1",), kind="number", values=values, explanation="")
    (told,) = Summariser()(st, Findings(contradictions=(found,))).sentences
    # "gives the figure as 20" would not say 20 of what
    assert told.text.endswith("; The Daily Blaze gives the toll as 20."), told.text


def test_an_outlet_giving_a_disputed_toll_in_other_words_agrees_without_its_adjectives() -> None:
    radio = "Twelve frightened passengers were killed in the blaze, harbour staff said."
    srcs = [
        source("s1", "Northwire", [TOLL_A]),
        source("s2", "The Daily Blaze", [TOLL_B]),
        source("s3", "Harbour Radio", [radio]),
    ]
    st = story(srcs, claim("c1", srcs, ("s1", 0), ("s2", 0), ("s3", 0)))
    k = _toll_contradiction(st)
    r = st.source("s3").sentences[0]
    k = replace(k, values=(*k.values, Passage("s3", r.start, r.start + 25, "Twelve frightened passengers")))
    (told,) = Summariser()(st, Findings(contradictions=(k,))).sentences
    # the same toll of the dead, though it counts passengers, not people; and told without "frightened"
    assert "Harbour Radio also gives twelve passengers" in told.text, told.text
    assert "The Daily Blaze gives the figure as at least 20 people" in told.text, told.text


def test_a_title_counting_a_disputed_toll_keeps_the_event_it_counts() -> None:
    srcs = [
        source("s1", "Northwire", [TOLL_A, LEAD], title="Twelve killed as fire sweeps ferry in Kelmar port"),
        source("s2", "The Daily Blaze", [TOLL_B, LEAD]),
    ]
    st = story(srcs, claim("c1", srcs, ("s1", 0), ("s2", 0)), claim("c2", srcs, ("s1", 1), ("s2", 1)))
    headline = Summariser()(st, Findings(contradictions=(_toll_contradiction(st),))).headline
    assert headline == "Fire sweeps ferry in Kelmar port"


def test_a_disputed_length_is_cut_from_a_title_that_reads_whole_without_it() -> None:
    four = "The federation banned sprinter Lysa Marquand for four years on Tuesday."
    two = "The federation banned sprinter Lysa Marquand for two years on Tuesday."
    srcs = [
        source(
            "s1", "Calder Press", [four], title="Sprinter Marquand banned for four years after doping test"
        ),
        source("s2", "Northport Gazette", [two], title="Marquand handed two-year ban"),
    ]
    st = story(srcs, claim("c1", srcs, ("s1", 0), ("s2", 0)))
    k = Contradiction(
        claims=("c1",),
        kind="number",
        values=(passage_of(st, "s1", "four years"), passage_of(st, "s2", "two years")),
        explanation="",
    )
    assert (
        Summariser()(st, Findings(contradictions=(k,))).headline
        == "Sprinter Marquand banned after doping test"
    )


def test_a_dispute_too_long_for_the_budget_is_told_without_who_else_agrees() -> None:
    courier = "Port officials said twelve people were killed in the fire on Tuesday."
    srcs = [
        source("s1", "Northwire", [TOLL_A]),
        source("s2", "The Daily Blaze", [TOLL_B]),
        source("s3", "Valley Courier", [courier]),
    ]
    st = story(srcs, claim("c1", srcs, ("s1", 0), ("s2", 0), ("s3", 0)))
    k = replace(
        _toll_contradiction(st),
        values=(*_toll_contradiction(st).values, passage_of(st, "s3", "twelve people")),
    )
    full = Summariser()(st, Findings(contradictions=(k,))).sentences[0]
    assert "Valley Courier also gives twelve people" in full.text
    (short,) = Summariser(SummarySettings(words=len(full.text.split()) - 2))(
        st, Findings(contradictions=(k,))
    ).sentences
    # both values still, and the Courier still cited, but not named
    assert "at least 20 people" in short.text and "Valley Courier" not in short.text
    assert short.sources == full.sources


def test_a_title_naming_what_a_disputed_count_counts_but_no_number_is_a_headline() -> None:
    a = "Moravan Motors is recalling 48,000 Arlo SUVs over a brake fault."
    b = "Moravan Motors is recalling 84,000 Arlo SUVs over a brake fault."
    srcs = [
        source("s1", "Tessaly News Agency", [a], title="Moravan Motors recalls Arlo SUVs over brake fault"),
        source("s2", "Business Daily", [b], title="Moravan recalls all Arlo SUVs"),
    ]
    st = story(srcs, claim("c1", srcs, ("s1", 0), ("s2", 0)))
    k = Contradiction(
        claims=("c1",),
        kind="number",
        values=(passage_of(st, "s1", "48,000 Arlo SUVs"), passage_of(st, "s2", "84,000 Arlo SUVs")),
        explanation="",
    )
    # "all Arlo SUVs" takes a side on how many; "recalls Arlo SUVs" does not
    assert (
        Summariser()(st, Findings(contradictions=(k,))).headline
        == "Moravan Motors recalls Arlo SUVs over brake fault"
    )


def test_a_disputed_weekday_is_told_with_its_date() -> None:
    a = "Talks between the union and the ministry will resume on Thursday, March 5, the ministry said."
    b = "The federation said talks with the ministry will resume on Monday, March 9."
    srcs = [source("s1", "Lamm Press", [a]), source("s2", "Nurses' Federation", [b])]
    st = story(srcs, claim("c1", srcs, ("s1", 0), ("s2", 0)))
    k = Contradiction(
        claims=("c1",),
        kind="date",
        values=(passage_of(st, "s1", "Thursday"), passage_of(st, "s2", "Monday")),
        explanation="",
    )
    (told,) = Summariser()(st, Findings(contradictions=(k,))).sentences
    assert told.text.endswith("gives the date as Monday, March 9."), told.text


def test_a_contested_toll_without_the_contradictions_lens_is_still_never_one_sided() -> None:
    srcs = [source("s1", "Northwire", [TOLL_A]), source("s2", "The Daily Blaze", [TOLL_B])]
    st = story(srcs, claim("c1", srcs, ("s1", 0)), claim("c2", srcs, ("s2", 0)))  # alignment kept them apart
    _assert_both_or_neither([s.text for s in summarise(st, Findings()).sentences])


def test_a_dispute_that_cannot_be_stated_fairly_is_left_out() -> None:
    st = _toll_story()
    summary = Summariser()(st, Findings(contradictions=(_toll_contradiction(st, kind="negation"),)))
    assert "c1" not in {c for s in summary.sentences for c in s.claims}


def test_the_headline_avoids_loaded_titles_and_disputed_figures() -> None:
    st = ferry()
    assert "fury" not in summarise(st).headline
    srcs = list(st.sources)
    contested = story(srcs, *st.claims)
    s1 = srcs[0]
    value = Passage("s1", s1.sentences[0].start, s1.sentences[0].start + 4, "Fire")
    k = Contradiction(
        claims=("c1",), kind="number", values=(value, Passage("s4", 0, 5, "12 people")), explanation=""
    )
    headline = Summariser()(contested, Findings(contradictions=(k,))).headline
    assert headline == "Coast guard rescues 41 from Kelmar ferry fire"


# ------------------------------------------------------------------ citations and length


@pytest.mark.parametrize(
    "settings", [SummarySettings(), SummarySettings(sentences=50), SummarySettings(words=30)]
)
def test_every_sentence_cites_sources_that_hold_its_claims(settings: SummarySettings) -> None:
    toll = _toll_story()
    for st, findings in (
        (ferry(), Findings()),
        (toll, Findings(contradictions=(_toll_contradiction(toll),))),
    ):
        summary = Summariser(settings)(st, findings)
        assert summary.sentences
        for s in summary.sentences:
            assert cited_correctly(st, s.sources, s.claims), s


def test_length_by_sentences_and_by_words() -> None:
    st = ferry()
    assert len(Summariser(SummarySettings(sentences=2))(st, Findings()).sentences) == 2
    for budget in (20, 35, 60):
        sents = Summariser(SummarySettings(words=budget))(st, Findings()).sentences
        assert sum(len(s.text.split()) for s in sents) <= budget
    assert len(Summariser(SummarySettings(words=3))(st, Findings()).sentences) == 1  # never empty


def test_length_settings_for_the_cli() -> None:
    assert length_settings(sentences=3) == SummarySettings(sentences=3, words=None)
    assert length_settings(SummarySettings(sentences=7), words=80).words == 80
    assert length_settings() == SummarySettings()
    with pytest.raises(UsageError, match="not both"):
        length_settings(sentences=3, words=50)
    with pytest.raises(UsageError, match="positive"):
        length_settings(words=0)


def test_an_empty_story_gives_an_empty_summary() -> None:
    summary = summarise(Story(sources=()))
    assert summary.sentences == () and summary.headline == ""


def test_same_story_same_summary() -> None:
    assert summarise(ferry()) == summarise(ferry())


def test_a_toll_and_a_date_disputed_in_one_sentence_are_both_told_in_the_majority_wording() -> None:
    texts = [
        "Port officials said 12 people were killed in the fire on Tuesday.",
        "Port officials said twelve people died in the fire on Tuesday.",
        "Port officials said at least 20 people were killed in the fire on Wednesday.",
    ]
    srcs = [source(f"s{i + 1}", name, [t]) for i, (name, t) in enumerate(
        zip(("Northwire", "Valley Courier", "The Daily Blaze"), texts, strict=True))]  # fmt: skip
    st = story(srcs, claim("c1", srcs, ("s1", 0), ("s2", 0), ("s3", 0)))

    def values(word_of: dict[str, str], kind: str) -> Contradiction:
        out = []
        for src in srcs:
            s = src.sentences[0]
            at = s.start + s.text.index(word_of[src.id])
            out.append(Passage(src.id, at, at + len(word_of[src.id]), word_of[src.id]))
        return Contradiction(claims=("c1",), kind=kind, values=tuple(out), explanation="")  # type: ignore[arg-type]

    toll = values({"s1": "12 people", "s2": "twelve people", "s3": "at least 20 people"}, "number")
    day = values({"s1": "Tuesday", "s2": "Tuesday", "s3": "Wednesday"}, "date")
    summary = Summariser()(st, Findings(contradictions=(toll, day)))
    (sentence,) = summary.sentences
    # the Courier's "twelve people" agrees with the wire's "12 people": named beside it, not against it
    assert sentence.text.startswith("According to Northwire, ")
    assert "Valley Courier also gives twelve people" in sentence.text
    assert sentence.text.endswith(
        "Valley Courier also gives twelve people and Tuesday, and The Daily Blaze gives the figure as at "
        "least 20 people and the date as Wednesday."
    )  # one outlet's two values in one clause
    assert sentence.sources == ("s1", "s2", "s3")


def test_a_figure_another_outlet_may_give_for_another_fact_is_left_out_not_disputed() -> None:
    reached = "Rescue boats reached the burning ferry Aurelia Star within 11 minutes, port officials said."
    smoke = (
        "Smoke rose from the burning ferry Aurelia Star about 20 minutes after it left port, officials said."
    )
    srcs = [source("s1", "Northwire", [reached, LEAD]), source("s2", "The Civic Ledger", [smoke])]
    st = story(srcs, claim("c1", srcs, ("s1", 0)), claim("c2", srcs, ("s2", 0)), claim("c3", srcs, ("s1", 1)))
    texts = [s.text for s in Summariser(SummarySettings(sentences=5))(st, Findings()).sentences]
    assert texts and not any("minutes" in t for t in texts), texts


def test_a_short_title_names_a_story_when_nothing_better_exists() -> None:
    long = (
        "The harbour authority said on Tuesday that the night ferry between Kelmar and the islands, which"
        " had been suspended since the storm of early March, would resume its full timetable next week."
    )
    srcs = [source("s1", "Northwire", [long], title="Ferry resumes")]
    assert summarise(story(srcs, claim("c1", srcs, ("s1", 0)))).headline == "Ferry resumes"


def test_a_name_one_outlet_misspells_is_not_the_wording_shown() -> None:
    opened = "Mayor Ilse Brandvoll opened the new Selmark footbridge on Monday, the council said."
    misspelt = "Mayor Ilse Brandvold opened the new Selmark footbridge on Monday."
    later = "Mayor Ilse Brandvoll said the footbridge cost less than planned."
    srcs = [
        source("s1", "Northwire", [opened, later]),
        source("s2", "Selmark Post", [opened]),
        source("s3", "Valley Courier", [misspelt]),
    ]
    st = story(srcs, claim("c1", srcs, ("s1", 0), ("s2", 0), ("s3", 0)))
    # the misspelt wording is the least biased one, but two outlets spell the name the other way
    shown = Summariser()(st, _lens([], {"s1": (0.4, 0.1), "s2": (0.4,), "s3": (0.05,)})).sentences[0]
    assert "Brandvoll" in shown.text and shown.sources == ("s1", "s2", "s3")
    # with one outlet on each side, neither spelling is the minority: bias decides as before
    even = story(srcs[1:], claim("c1", srcs[1:], ("s2", 0), ("s3", 0)))
    assert "Brandvold" in Summariser()(even, _lens([], {"s2": (0.4,), "s3": (0.05,)})).sentences[0].text


def test_the_headline_is_never_shouted_quoted_or_in_words_the_lens_found_loaded() -> None:
    wire = "A rockslide blocked the Vestby rail tunnel on Tuesday, injuring 14 people, officials said."
    blare = "A monster rockslide hit a train at the Vestby tunnel, leaving 16 people injured."
    union = "The rail union said the authority had ignored its warnings about the Vestby slope."
    srcs = [
        source("s1", "Nordlys Press Agency", [wire], title="Rockslide shuts Vestby rail tunnel, 14 hurt"),
        source("s2", "The Daily Blare", [blare], title="DEATH TRAP! Bosses ignored Vestby warnings"),
        source("s3", "Union Weekly", [union], title='Zoë Marchetti: "They ignored every warning"'),
    ]
    st = story(srcs, claim("c1", srcs, ("s1", 0), ("s2", 0)), claim("c2", srcs, ("s3", 0)))
    toll = Contradiction(
        claims=("c1",),
        kind="number",
        values=(Passage("s1", 63, 71, "14 people"), Passage("s2", 62, 71, "16 people")),
        explanation="",
    )
    # the disputed toll is cut from the wire's title rather than the title being given up
    assert Summariser()(st, Findings(contradictions=(toll,))).headline == "Rockslide shuts Vestby rail tunnel"
    # ... but never down to its source ("port officials say" is no headline)
    srcs[0] = source(
        "s1", "Nordlys Press Agency", [wire], title="Rockslide injures 14, transport officials say"
    )
    told = story(srcs, *st.claims)
    assert "say" not in Summariser()(told, Findings(contradictions=(toll,))).headline
    plain = source("s4", "Valley Courier", [blare], title="Bungling bosses ignored Vestby tunnel warnings")
    both = story([plain, srcs[2]], claim("c1", [plain], ("s4", 0)), claim("c2", srcs, ("s3", 0)))
    flagged = _lens([LanguageSpan("s9", 0, 8, "bungling", "authorial", "loaded", 0.9)])  # found elsewhere
    assert "Bungling" in Summariser()(both, Findings()).headline
    assert Summariser()(both, flagged).headline.endswith(union.rstrip(".")[4:])  # no title left: the lead


def test_a_title_clause_only_its_outlet_reports_is_cut_from_the_headline() -> None:
    srcs = [
        source(
            "s1",
            "Veldoria Public Radio",
            ["An earthquake hit the Tarsk Highlands on Saturday.", "A village school fell down in Ostrel."],
            title="Earthquake hits Tarsk Highlands; village school collapses in Ostrel",
        ),
        source("s2", "Kestrel Press", ["The earthquake hit the Tarsk Highlands before dawn on Saturday."]),
    ]
    st = story(srcs, claim("c1", srcs, ("s1", 0), ("s2", 0)), claim("c2", srcs, ("s1", 1)))
    assert Summariser()(st, Findings()).headline == "Earthquake hits Tarsk Highlands"


def test_a_title_figure_another_outlet_gives_otherwise_is_no_headline() -> None:
    wire = "Kestrel Telecom said on Tuesday that the details of 4.2 million customers had been exposed."
    tabloid = "Hackers took the details of 2.4 million Kestrel Telecom customers, the Clarion can reveal."
    breach = [
        "Customer records were exposed in a breach at Kestrel Telecom, the company said.",
        "Kestrel Telecom confirmed that customer records had been exposed in the breach.",
        "A breach at Kestrel Telecom exposed customer records, the operator confirmed.",
    ]
    srcs = [
        source(
            "s1", "Meridian Wire", [wire], title="Kestrel Telecom says 4.2 million customer records exposed"
        ),
        source("s2", "The Daily Clarion", [tabloid, breach[0]]),
        source("s3", "Harbour Gazette", [wire, breach[1]]),
        source("s4", "ByteLedger", [breach[2]]),
    ]
    told = claim("c3", srcs, ("s2", 1), ("s3", 1), ("s4", 0))
    st = story(srcs, claim("c1", srcs, ("s1", 0), ("s3", 0)), claim("c2", srcs, ("s2", 0)), told)
    # one sentence: the disputed count is never told, so only the story's own figures can warn the headline
    summary = Summariser(SummarySettings(sentences=1))(st, Findings())
    assert summary.sentences[0].claims == ("c3",)
    assert "4.2" not in summary.headline, summary.headline


def test_a_label_before_a_colon_is_no_clause_to_keep() -> None:
    lead = "The Renewal Party won the Lower Tessel election on Sunday but fell short of a majority."
    srcs = [
        source("s1", "Radio Tessel", [lead], title="Lower Tessel election night: live updates"),
        source("s2", "Press Agency", [lead], title="Renewal Party wins Lower Tessel election, falls short"),
    ]
    st = story(srcs, claim("c1", srcs, ("s1", 0), ("s2", 0)))
    assert Summariser()(st, Findings()).headline == "Renewal Party wins Lower Tessel election, falls short"


def test_a_short_title_the_lens_found_loaded_is_no_headline_either() -> None:
    quote = 'Union leader Zoe Marchetti said: "They ignored every warning we gave them about the slope."'
    srcs = [
        source("s1", "The Daily Blare", [quote], title="Bungling bosses"),
        source("s2", "Valley Courier", [quote], title="Tunnel closed"),
    ]
    st = story(srcs, claim("c1", srcs, ("s1", 0), ("s2", 0)))
    flagged = _lens([LanguageSpan("s9", 0, 8, "bungling", "authorial", "loaded", 0.9)])  # found elsewhere
    assert Summariser()(st, flagged).headline == "Tunnel closed"


def test_the_headline_takes_no_side_on_a_disputed_count_and_a_charge_is_no_loaded_word() -> None:
    seven = "A jury found Arvid Tollmann guilty on seven of the eight counts against him on Thursday."
    eight = "A jury found Arvid Tollmann guilty on all eight counts against him on Thursday."
    srcs = [
        source(
            "s1", "Estmark Press Agency", [seven], title="Lumera Lend founder Tollmann convicted of fraud"
        ),
        source(
            "s2",
            "The Korvala Ledger",
            [eight],
            title="Jury finds Lumera Lend's Tollmann guilty on all counts",
        ),
    ]
    st = story(srcs, claim("c1", srcs, ("s1", 0), ("s2", 0)))
    counts = Contradiction(
        ("c1",),
        "number",
        (passage_of(st, "s1", "seven of the eight counts"), passage_of(st, "s2", "eight counts")),
        "",
    )
    assert Summariser()(st, Findings(contradictions=(counts,))).headline == (
        "Lumera Lend founder Tollmann convicted of fraud"
    )


def test_without_titles_the_headline_is_a_statement_never_a_quotation() -> None:
    quote = 'County emergency chief Halima Oduya said: "We will not stop searching until every family knows."'
    fact = "Four people were killed when the spillway of the Kestrel Hollow Dam gave way on Saturday."
    srcs = [source("s1", "Meridian Press", [quote, fact]), source("s2", "Valley Courier", [quote, fact])]
    three = claim("c1", srcs, ("s1", 0), ("s2", 0), origins=3)  # a quotation more outlets carry leads
    st = story(srcs, three, claim("c2", srcs, ("s1", 1), ("s2", 1)))
    summary = Summariser()(st, Findings())
    assert summary.sentences[0].text == quote  # the order is the summary's business; the headline is not
    assert summary.headline == fact.rstrip(".")


def test_a_head_count_outlets_give_with_other_people_words_raises_its_claim() -> None:
    moved = "Some 1,200 people were moved out of low-lying streets near the river overnight."
    left = "Around 1,200 residents left their homes near the river before the water arrived."
    missing = "Rescue teams were searching on Sunday for five people who are missing after the flood."
    aside = "The Riverton flood and the Kestrel Hollow dam failure shut the Riverton bridge road on Sunday."
    title = "Riverton flood: Kestrel Hollow dam failure shuts bridge road"
    srcs = [
        source("s1", "Valley Courier", [moved, missing], title),
        source("s2", "Riverton FM", [left], title),
        source("s3", "Ashby Post", [aside], title),
    ]
    st = story(
        srcs,
        claim("c1", srcs, ("s1", 0)),
        claim("c2", srcs, ("s2", 0)),
        claim("c3", srcs, ("s1", 1)),
        claim("c4", srcs, ("s3", 0)),
    )
    # "people" and "residents" count the same heads; five missing is another fact, not a dispute of them
    assert cites(st, SummarySettings(sentences=2))[0] in ("c1", "c2")


def test_a_bare_count_and_the_same_count_of_others_are_one_figure() -> None:
    from newsprism.summarise._compose import _same_figure

    assert _same_figure("140", "140 others")
    assert _same_figure("6.4", "6.4-magnitude")
    assert _same_figure("12 people", "twelve people")
    assert not _same_figure("140", "about 90")
    assert not _same_figure("12 people", "12 boats")
    assert _same_figure("44 degrees", "44C")  # a bare degree's sentence said it was a temperature
    assert not _same_figure("44 degrees", "41C (106F)")


def test_a_value_names_its_whole_group() -> None:
    from newsprism.summarise._compose import _rest_of_group

    text = "Six drivers and passengers were hurt in the crashes."
    assert _rest_of_group(text, len("Six drivers")) == " and passengers"
    assert _rest_of_group("Six drivers and officials said so.", len("Six drivers")) == ""


def test_a_candidate_the_summary_skips_tells_no_figure() -> None:
    from newsprism.summarise._select import candidates, fact_support, rank

    texts = [
        "Fourteen people were hurt in the fire, the port said.",
        "The blaze left 14 people hurt, officials said.",
        "14 people were hurt in the ferry fire on Tuesday.",
        "Divers searched the harbour on Wednesday.",
        "Police boats combed the water near the quay for hours.",
    ]
    srcs = [source(f"s{i}", f"Outlet {i}", [t]) for i, t in enumerate(texts, start=1)]
    claims = [claim(f"c{i}", srcs, (f"s{i}", 0)) for i in (1, 2, 3)]
    st = story(srcs, *claims, claim("c4", srcs, ("s4", 0), ("s5", 0)))
    pool = candidates(st, Neutrality(None), 60)
    taken: list[object] = []
    ranked = rank(pool, None, fact_support(st), taken=taken)  # type: ignore[arg-type]
    first, second = next(ranked), next(ranked)
    # the first toll sentence was not taken (say, over the budget): the next one still has three origins
    # behind its figure, where the divers' two would otherwise lead
    assert {first.claim.id, second.claim.id} <= {"c1", "c2", "c3"}
    taken.append(second)
    assert next(ranked).claim.id == "c4"  # once one is told, the figure raises no other


def test_rates_of_different_things_do_not_unsettle_each_other() -> None:
    srcs = [
        source("s1", "Calder Press", ["The key rate in Kestria is now 4.25%, the highest since 2014."]),
        source("s2", "Northport Observer", ["Borrowing costs in Kestria now stand at 4.25% after the move."]),
        source(
            "s3", "Eastbridge Herald", ["Kestria's central bank took its main rate up to 4.25% this week."]
        ),
        source(
            "s4", "Business Daily", ["Inflation in Kestria was 6.4% in June.", "Bank shares fell on Friday."]
        ),
        source(
            "s5", "Tribune", ["Prices in Kestria rose 6.4% in June.", "Shares of lenders dropped on Friday."]
        ),
    ]
    shares = claim("c6", srcs, ("s4", 1), ("s5", 1))  # two outlets in their own words
    st = story(srcs, *(claim(f"c{i}", srcs, (f"s{i}", 0)) for i in range(1, 6)), shares)
    # three outlets give the 4.25% rate: inflation's 6.4% is another figure, not a dispute of it
    assert cites(st, SummarySettings(sentences=1))[0] in ("c1", "c2", "c3")


def test_a_one_outlet_wording_of_a_figure_others_give_names_them_and_cites_them() -> None:
    fled = "Around 1,200 people fled their homes near the river overnight, the county said."
    moved = "Some 1,200 residents were moved out of low-lying streets before the water arrived."
    srcs = [source("s1", "The Daily Blaze", [fled]), source("s2", "Riverton FM News", [moved])]
    st = story(srcs, claim("c1", srcs, ("s1", 0)), claim("c2", srcs, ("s2", 0)))
    (told,) = Summariser(SummarySettings(sentences=5))(st, Findings()).sentences  # one figure, told once
    assert told.text.endswith("; The Daily Blaze also gives around 1,200 people.") or told.text.endswith(
        "; Riverton FM News also gives some 1,200 residents."
    ), told.text
    assert told.text.startswith("According to ") and set(told.claims) == {"c1", "c2"}
    assert told.sources == ("s1", "s2")


def test_evacuees_and_a_head_count_of_people_are_one_figure() -> None:
    from newsprism.summarise._select import figure_facts

    assert figure_facts("The fire forced 3,500 residents to evacuate, officials said.") == figure_facts(
        "Some 3,500 people were ordered out of Ashgrove on Tuesday night."
    )
    pulled = figure_facts("Rescuers pulled 14 people from the rubble.")
    assert pulled != figure_facts("14 people were killed.")


@pytest.mark.parametrize(
    "text",
    [
        "She said about 400 firefighters were assigned to the blaze.",
        "The county would pay for the repairs, he added.",
        '"We are not giving up," she said.',
    ],
)
def test_words_whose_speaker_is_only_a_pronoun_are_not_told(text: str) -> None:
    from newsprism.summarise._select import speaker_unknown

    assert speaker_unknown(text)


def test_a_live_blogs_time_stamp_is_cut_like_a_dateline() -> None:
    assert strip_dateline("22:14 — The Renewal Party has won 38.2 per cent of the vote.").startswith(
        "The Renewal"
    )
    assert (
        strip_dateline("23:05 Ilona Marek takes the stage in Brennholm.")
        == "Ilona Marek takes the stage in Brennholm."
    )
    kept = "12.50 per cent of voters stayed home, officials said."
    assert strip_dateline(kept) == kept


def test_a_present_tense_pronoun_speaker_is_unknown_too() -> None:
    from newsprism.summarise._select import speaker_unknown

    assert speaker_unknown('"The voters have spoken," he tells reporters at party headquarters.')
    # other verbs of saying: who calls on the regulator, out of the article?
    assert speaker_unknown("She called on the regulator to fine the company.")
    assert not speaker_unknown("Campaigner Nadia Oyelaran called on the regulator to fine the company.")


def test_two_articles_of_one_outlet_give_in_the_singular() -> None:
    from newsprism.summarise._compose import _also

    srcs = [source("s1", "Northgate Herald", ["a"]), source("s2", "Northgate Herald", ["b"])]
    srcs.append(source("s3", "Radio Tessel", ["c"]))
    assert _also(story(srcs), [{"38.2 per cent": ["s1", "s2"]}], {"s3"}) == [
        "Northgate Herald also gives 38.2 per cent"
    ]


def test_a_named_speaker_talking_of_himself_is_told() -> None:
    from newsprism.summarise._select import speaker_unknown

    assert not speaker_unknown("Mayor Ilse Dunn said she would ask for federal help.")
    assert not speaker_unknown("Dunn said he was not planning to resign.")


def test_an_outlet_whose_figure_comes_in_loaded_words_is_not_named_beside_it() -> None:
    fled = "Around 1,200 people fled their homes near the river overnight, the county said."
    loaded = "Some 1,200 terrified residents were moved out of low-lying streets in the dark."
    srcs = [source("s1", "Riverton FM News", [fled]), source("s2", "The Daily Blaze", [loaded])]
    st = story(srcs, claim("c1", srcs, ("s1", 0)), claim("c2", srcs, ("s2", 0)))
    findings = _lens([_span(srcs[1], 0, "terrified")])
    told = Summariser(SummarySettings(sentences=5))(st, findings).sentences
    assert len(told) == 1 and told[0].text.startswith("According to Riverton FM News, ")
    assert "also gives" not in told[0].text and told[0].claims == ("c1",)


def test_at_one_level_what_happened_comes_before_what_someone_said() -> None:
    quote = 'County emergency chief Halima Oduya said: "We will not stop searching until every family knows."'
    fact = "Four people were killed when the spillway of the Kestrel Hollow Dam gave way on Saturday."
    srcs = [source("s1", "Meridian Press", [quote, fact]), source("s2", "Valley Courier", [quote, fact])]
    st = story(srcs, claim("c1", srcs, ("s1", 0), ("s2", 0)), claim("c2", srcs, ("s1", 1), ("s2", 1)))
    assert [s.text for s in Summariser()(st, Findings()).sentences] == [fact, quote]


def test_a_person_the_summary_names_first_by_surname_gets_the_full_name() -> None:
    from newsprism.summarise._compose import introduce

    names = {"Brennick": "Halvard Brennick", "Marten": "Ilse Marten"}
    met: set[str] = set()
    first = SummarySentence('"It secures pensions," Brennick told lawmakers.', ("s1",), ("c1",))
    told, new = introduce(first, met, names)
    assert told.text == '"It secures pensions," Halvard Brennick told lawmakers.'
    met |= new
    again = SummarySentence("Brennick's government had made the reform its centrepiece.", ("s1",), ("c2",))
    assert introduce(again, met, names)[0] == again  # met already: the surname will do
    quoted = SummarySentence('Marten said: "Brennick has betrayed pensioners."', ("s2",), ("c3",))
    told, new = introduce(quoted, set(), names)
    assert told.text == 'Ilse Marten said: "Brennick has betrayed pensioners."'  # a quotation is as spoken
    assert new == {"Marten"}  # Brennick is not yet introduced in the summary's own words
    index = SummarySentence("The Kestrel All-Share index closed at 7,204.30.", ("s1",), ("c4",))
    assert introduce(index, set(), {"Share": "Kestrel Share", "All": "Kestrel All"})[0] == index  # no names


@pytest.mark.slow
def test_full_names_leave_out_a_surname_two_people_share(segmenter: Segmenter) -> None:
    texts = [
        "Premier Tomas Brakke conceded defeat on Sunday. Brakke said he accepted the verdict of the voters.",
        "His sister Ilse Brakke, a councillor, kept her seat. Finance minister Oda Lindqvist lost hers.",
        "The benchmark Kestrel All-Share index closed at 7,204.30, analyst Henrike Solvang said.",
    ]
    srcs = segmenter.pipe(
        [(Article(id=f"a{i}", text=t, outlet=f"Outlet {i}"), f"s{i}") for i, t in enumerate(texts, start=1)]
    )
    names = Neutrality(None).full_names(srcs)
    assert "Brakke" not in names
    assert names.get("Lindqvist") == "Oda Lindqvist"
    assert "Share" not in names and "All" not in names  # a tagger's "Kestrel All - Share" is no person


def test_a_full_name_leaves_out_a_describing_word_that_opened_a_sentence(segmenter: Segmenter) -> None:
    texts = [
        "Sprinter Lysa Marquand was banned for two years on Tuesday. Marquand denied wrongdoing.",
        "The federation banned sprinter Lysa Marquand for four years, its panel said.",
    ]
    srcs = segmenter.pipe(
        [(Article(id=f"a{i}", text=t, outlet=f"Outlet {i}"), f"s{i}") for i, t in enumerate(texts, start=1)]
    )
    assert Neutrality(None).full_names(srcs).get("Marquand") == "Lysa Marquand"


def test_a_figure_of_what_else_happened_is_no_side_of_the_summarys_own_dispute(segmenter: Segmenter) -> None:
    texts = {
        "Tessaly News Agency": "Moravan Motors is recalling 48,000 Arlo SUVs, the carmaker said.",
        "Moravan Motors": "Moravan Motors said it is recalling 48,000 Arlo sport utility vehicles.",
        "Business Daily": "Moravan sold 410,000 vehicles last year. It would recall 84,000 Arlo SUVs.",
    }
    srcs = segmenter.pipe(
        [(Article(id=f"a{i}", text=t, outlet=o), f"s{i}") for i, (o, t) in enumerate(texts.items(), start=1)]
    )
    st = story(
        srcs,
        claim("c1", srcs, ("s1", 0), ("s2", 0)),
        claim("c2", srcs, ("s3", 0)),
        claim("c3", srcs, ("s3", 1)),
    )
    told, sales = Summariser()(st, Findings()).sentences
    # every outlet giving 48,000, in whatever words, is named beside the other recall count
    named = ("Moravan Motors also gives 48,000", "Tessaly News Agency also gives 48,000")
    assert any(n in told.text for n in named) and "84,000" in told.text, told.text
    # and the sales figure is no side of the recall count's dispute
    assert sales.text == "According to Business Daily, Moravan sold 410,000 vehicles last year.", sales.text


def test_a_first_word_a_company_name_ends_in_is_lowered_after_the_attribution(segmenter: Segmenter) -> None:
    text = "Tessel Power said crews worked through the night. Power was restored to most homes by 11 p.m."
    srcs = segmenter.pipe([(Article(id="a1", text=text, outlet="Ostral Press"), "s1")])
    st = story(srcs, claim("c1", srcs, ("s1", 1)))
    (told,) = summarise(st).sentences
    assert told.text == "According to Ostral Press, power was restored to most homes by 11 p.m.", told.text


def test_one_group_counted_with_other_verbs_is_still_a_dispute(segmenter: Segmenter) -> None:
    texts = {
        "Lamm Press": "More than 30,000 nurses began a 48-hour strike on Tuesday, the union said.",
        "Tolvik Post": "More than 30,000 nurses began a 48-hour strike on Tuesday, their union said.",
        "Kavel Courier": "The health ministry said 13,000 nurses had joined the strike on Tuesday.",
    }
    srcs = segmenter.pipe(
        [(Article(id=f"a{i}", text=t, outlet=o), f"s{i}") for i, (o, t) in enumerate(texts.items(), start=1)]
    )
    st = story(srcs, claim("c1", srcs, ("s1", 0), ("s2", 0)), claim("c2", srcs, ("s3", 0)))
    told = Summariser()(st, Findings()).sentences[0]
    # "began" and "joined" share no verb, but they count the same nurses: never 30,000 as fact
    assert "13,000 nurses" in told.text, told.text


def test_an_acronym_is_spelt_out_where_the_summary_uses_it_first() -> None:
    from newsprism.summarise._compose import acronyms

    restored = "Power was restored to most homes by 11 p.m. on Tuesday, the VGA said."
    began = "The outage began at 2:40 p.m., the Valdorian Grid Authority (VGA) said."
    srcs = [source("s1", "Ostral Press", [restored, began]), source("s2", "Lusk Post", [restored])]
    st = story(srcs, claim("c1", srcs, ("s1", 0), ("s2", 0)), claim("c2", srcs, ("s1", 1)))
    assert acronyms(st) == {"VGA": "Valdorian Grid Authority"}
    texts = [s.text for s in Summariser(SummarySettings(sentences=2))(st, Findings()).sentences]
    assert "the Valdorian Grid Authority said" in texts[0] and "(VGA)" in texts[1], texts
    # the article's own "The Ostrevian Nurses Federation (ONF)" spells it without its article
    union = story([source("s1", "X", ["The Ostrevian Nurses Federation (ONF) said so."])])
    assert acronyms(union) == {"ONF": "Ostrevian Nurses Federation"}


def test_an_outlet_s_short_name_for_itself_becomes_its_name() -> None:
    from newsprism.summarise._wording import own_name

    said = "Brantwick Pharma did not reply when the Blaze asked for comment."
    assert own_name("The Daily Blaze", said) == (
        "Brantwick Pharma did not reply when The Daily Blaze asked for comment."
    )
    assert own_name("Riverside Gazette", "The Gazette understands the board will meet.") == (
        "Riverside Gazette understands the board will meet."
    )
    assert (
        own_name("Haldon Evening Post", "He told the Post Office staff.") == "He told the Post Office staff."
    )
    assert own_name("Reuters", "The minister told Reuters.") == "The minister told Reuters."


def test_a_loaded_outlet_s_plain_looking_wording_loses_to_a_clean_outlet_s() -> None:
    tabloid = "Paxolen was handed out to about two million Velorians last year, so every family knows it."
    paper = "Around two million Velorians were prescribed Paxolen last year, the insurance fund said."
    srcs = [source("s1", "The Daily Blaze", [tabloid]), source("s2", "The Velorian Tribune", [paper])]
    st = story(srcs, claim("c1", srcs, ("s1", 0), ("s2", 0)))
    per_source = {
        "s1": SourceLanguage(loadedness=0.43, sentence_bias=(0.30,)),
        "s2": SourceLanguage(loadedness=0.0, sentence_bias=(0.35,)),
    }
    findings = Findings(language=LanguageFindings(per_source=per_source))
    (told,) = Summariser()(st, findings).sentences
    assert told.text == paper


def test_a_quotation_whose_speaker_is_only_he_or_she_is_told_in_the_words_that_name_the_speaker() -> None:
    unnamed = '"This was a political trial from start to finish," he said, adding that he would appeal.'
    named = '"This was a political trial from start to finish," defence lawyer Piet Vandrell said.'
    srcs = [source("s1", "Liberty Beacon", [unnamed]), source("s2", "Estmark Press Agency", [named])]
    st = story(srcs, claim("c1", srcs, ("s1", 0), ("s2", 0)))
    bias = _lens([], {"s1": (0.1,), "s2": (0.4,)})  # the Beacon's wording is the less biased one
    assert [s.text for s in Summariser()(st, bias).sentences] == [named]
    alone = story(srcs[:1], claim("c1", srcs[:1], ("s1", 0)))
    assert Summariser()(alone, Findings()).sentences == ()  # no one named: no one is speaking


def test_the_same_event_in_other_words_is_told_once() -> None:
    appeal = (
        "Arvid Tollmann's lawyer, Piet Vandrell, said the defence would appeal and called the case unfair."
    )
    again = "Defence lawyer Piet Vandrell said his client would appeal."
    srcs = [source("s1", "The Korvala Ledger", [appeal]), source("s2", "Estmark Press Agency", [again])]
    st = story(srcs, claim("c1", srcs, ("s1", 0)), claim("c2", srcs, ("s2", 0)))
    assert len(Summariser(SummarySettings(sentences=5))(st, Findings()).sentences) == 1


def test_a_shouted_value_is_told_in_plain_case() -> None:
    wire = "Four people were killed when the spillway of the dam gave way on Saturday, officials said."
    blaze = "SIX people were killed when the shambolic dam burst on Saturday."
    srcs = [source("s1", "Meridian Press", [wire]), source("s2", "The Daily Blaze", [blaze])]
    st = story(srcs, claim("c1", srcs, ("s1", 0), ("s2", 0)))
    k = Contradiction(
        ("c1",), "number", (passage_of(st, "s1", "Four people"), passage_of(st, "s2", "SIX people")), ""
    )
    (told,) = Summariser()(st, Findings(contradictions=(k,))).sentences
    assert told.text.endswith("; The Daily Blaze gives the figure as six people."), told.text


def test_a_toll_most_outlets_give_in_their_own_words_leads_and_is_told_once() -> None:
    lead = "A rockslide blocked the Vestby rail tunnel on Tuesday, injuring 14 people, officials said."
    hurt = "Fourteen passengers were hurt when rock fell onto the line at the Vestby tunnel mouth."
    slide = "The slide at the Vestby tunnel on Tuesday injured 14 passengers on the morning train."
    union = "The rail union said it had warned the transport authority about the slope last autumn."
    union2 = "The rail union says it sent the transport authority a warning about the slope last autumn."
    srcs = [
        source("s1", "Nordlys Press Agency", [lead]),
        source("s2", "Coastal Herald", [lead]),
        source("s3", "Fjord Times", [hurt]),
        source("s4", "The Islander", [slide]),
        source("s5", "Lunde Radio", [union]),
        source("s6", "Morning Courier", [union2]),
    ]
    st = story(
        srcs,
        claim("c1", srcs, ("s1", 0), ("s2", 0), origins=1),  # the wire and a reprint: one origin
        claim("c2", srcs, ("s3", 0)),
        claim("c3", srcs, ("s4", 0)),
        claim("c4", srcs, ("s5", 0), ("s6", 0), origins=2),
    )
    order = cites(st, SummarySettings(sentences=4))
    assert order[0] in ("c1", "c2", "c3") and order[1] == "c4"  # three origins give the toll, two the letter
    # a figure some outlet gives otherwise is not settled: it raises nothing until the lens has judged it
    srcs[3] = source("s4", "The Islander", [slide.replace("14", "19")])
    disputed = story(srcs, *st.claims[:2], claim("c3", srcs, ("s4", 0)), st.claims[3])
    assert cites(disputed, SummarySettings(sentences=4))[0] == "c4"


def test_outlets_giving_the_shown_figure_in_other_words_are_named() -> None:
    twelve = "Twelve people died in the fire on the ferry on Tuesday, port officials said."
    srcs = [
        source("s1", "Northwire", [TOLL_A]),
        source("s2", "The Daily Blaze", [TOLL_B]),
        source("s3", "The Civic Ledger", [twelve]),
    ]
    st = story(srcs, claim("c1", srcs, ("s1", 0), ("s2", 0), ("s3", 0)))
    values = tuple(
        passage_of(st, sid, text)
        for sid, text in (("s1", "12 people"), ("s2", "at least 20 people"), ("s3", "Twelve people"))
    )
    toll = Contradiction(claims=("c1",), kind="number", values=values, explanation="")
    told = Summariser()(st, Findings(contradictions=(toll,))).sentences[0].text
    assert all(name in told for name in ("Northwire", "The Daily Blaze", "The Civic Ledger")), told


def test_a_fire_that_gutted_a_warehouse_is_told_as_written() -> None:
    gutted = "A huge fire gutted the Brightwood furniture warehouse in Millbrook on Tuesday night."
    budget = "The new budget gutted the town's library funding, the council said on Tuesday."
    srcs = [source("s1", "Ridge Times", [gutted]), source("s2", "Valley Post", [budget])]
    st = story(srcs, claim("c1", srcs, ("s1", 0)), claim("c2", srcs, ("s2", 0)))
    texts = [s.text for s in Summariser(SummarySettings(sentences=5))(st, Findings()).sentences]
    assert any("fire gutted the Brightwood" in t for t in texts)  # not "fire cut": that changes the fact
    assert not any("budget gutted" in t for t in texts)  # the figurative use is still loaded (no parse
    # here to swap it safely, so it is left out)


def test_a_wording_that_opens_on_a_pronoun_loses_to_one_that_names_the_speaker() -> None:
    quote = '"This budget keeps our promises," Mayor Elena Marchetti said on Tuesday evening.'
    blog = 'Her aides even handed out the slogan: "This budget keeps our promises."'
    srcs = [source("s1", "Coastal Press Agency", [quote]), source("s2", "Halden Watchdog", [blog])]
    st = story(srcs, claim("c1", srcs, ("s1", 0), ("s2", 0)))
    shown = Summariser()(st, _lens([], {"s1": (0.3,), "s2": (0.2,)})).sentences[0]
    assert shown.text == quote


def test_a_wording_naming_a_day_no_other_cited_outlet_gives_loses() -> None:
    wire = '"We will find out what happened on that bridge," Minister Pieter Halvorsen said at the scene.'
    chronicle = (
        'Minister Pieter Halvorsen, who visited the site late on Tuesday, said: "We will find out '
        'what happened on that bridge."'
    )
    star = "Minister Pieter Halvorsen visited the site on Monday night."
    srcs = [
        source("s1", "Kestrel Press", [wire]),
        source("s2", "The Lurevian Chronicle", [chronicle]),
        source("s3", "Oskvik Evening Star", [star]),
    ]
    st = story(srcs, claim("c1", srcs, ("s1", 0), ("s2", 0)), claim("c2", srcs, ("s3", 0)))
    lens = _lens([], {"s1": (0.3,), "s2": (0.2,), "s3": (0.2,)})
    assert Summariser()(st, lens).sentences[0].text == chronicle  # no one dates the visit otherwise
    # both are cited: the Chronicle's day would be put in the wire's mouth, and the Star, in a claim of
    # its own, dates the visit Monday against another Chronicle sentence
    st = story(
        [*srcs[:2], source("s3", "Oskvik Evening Star", [star, "Rescue teams arrived late on Monday."])],
        *st.claims,
    )
    day = Contradiction(
        claims=("c2",),
        kind="date",
        values=(passage_of(st, "s2", "Tuesday"), passage_of(st, "s3", "Monday")),
        explanation="",
    )
    assert Summariser()(st, replace(lens, contradictions=(day,))).sentences[0].text == wire


def test_a_wording_naming_a_source_no_other_outlet_names_loses() -> None:
    wire = "Emergency units were staffed throughout the strike, hospital managers said."
    union = "The Nurses' Federation said emergency units were staffed throughout the strike."
    srcs = [
        source("s1", "Lamm Press", [wire]),
        source("s2", "Tolvik Post", [wire]),
        source("s3", "Nurses' Federation", [union]),
    ]
    st = story(srcs, claim("c1", srcs, ("s1", 0), ("s2", 0), ("s3", 0)))
    # the union's wording is a little less biased, but would put its claim in the papers' mouths
    shown = Summariser()(st, _lens([], {"s1": (0.3,), "s2": (0.3,), "s3": (0.2,)})).sentences[0]
    assert shown.text == wire


def test_two_disputes_of_other_outlets_are_told_in_clauses_of_their_own() -> None:
    texts = {
        "Northwire": "Port officials said 12 people were killed in the fire on Tuesday.",
        "Valley Courier": "Port officials said twelve people died in the fire on Tuesday.",
        "The Daily Blaze": "Port officials said at least 20 people were killed in the fire on Tuesday.",
        "Harbour Radio": "Port officials said 12 people were killed in the fire on Wednesday.",
    }
    srcs = [source(f"s{i + 1}", name, [t]) for i, (name, t) in enumerate(texts.items())]
    st = story(srcs, claim("c1", srcs, *((s.id, 0) for s in srcs)))

    def values(kind: str, *words: str) -> Contradiction:
        out = tuple(passage_of(st, src.id, w) for src, w in zip(srcs, words, strict=True))
        return Contradiction(claims=("c1",), kind=kind, values=out, explanation="")  # type: ignore[arg-type]

    toll = values("number", "12 people", "twelve people", "at least 20 people", "12 people")
    day = values("date", "Tuesday", "Tuesday", "Tuesday", "Wednesday")
    (sentence,) = Summariser()(st, Findings(contradictions=(toll, day))).sentences
    assert "; The Daily Blaze gives the figure as at least 20 people; Harbour Radio gives the date as" in (
        sentence.text
    ), sentence.text


def test_a_disputed_claim_is_attributed_only_to_outlets_that_said_it_so() -> None:
    journal = "The council passed the budget on Tuesday, a plan that bond analysts said keeps the AA rating."
    wire = "The city council passed the budget on Tuesday after a nine-hour session."
    courier = "The city council passed the budget on Wednesday after a nine-hour session."
    srcs = [
        source("s1", "Business Journal", [journal]),
        source("s2", "Coastal Press Agency", [wire]),
        source("s3", "Valley Courier", [courier]),
    ]
    st = story(srcs, claim("c1", srcs, ("s1", 0), ("s2", 0), ("s3", 0)))
    values = tuple(
        passage_of(st, sid, day) for sid, day in (("s1", "Tuesday"), ("s2", "Tuesday"), ("s3", "Wednesday"))
    )
    k = Contradiction(claims=("c1",), kind="date", values=values, explanation="")
    bias = _lens([], {"s1": (0.1,), "s2": (0.5,), "s3": (0.5,)}).language  # the journal's wording is shown
    told = Summariser()(st, Findings(contradictions=(k,), language=bias)).sentences[0].text
    # the wire gives the same date, but not the journal's clause about the analysts: not named before it,
    # named after it, so the reader sees two outlets give Tuesday and one Wednesday
    assert told.startswith("According to Business Journal, the council passed"), told
    assert told.endswith(
        "; Coastal Press Agency also gives Tuesday, and Valley Courier gives the date as Wednesday."
    ), told


def test_an_opinion_column_never_gives_the_wording_and_adds_no_origin() -> None:
    news = "The assembly passed the ferry bill on Tuesday by a wide margin, officials said."
    column = "The assembly, at long last, passed the ferry bill on Tuesday by a wide margin."
    thesis = "The League lost because it stopped listening to the valley towns years ago."
    srcs = [
        source("s1", "Coastal Press Agency", [news]),
        source("s2", "The Valdoria Review", [column, thesis], title="Opinion: The bill nobody wanted"),
    ]
    st = story(srcs, claim("c1", srcs, ("s1", 0), ("s2", 0)), claim("c2", srcs, ("s2", 1)))
    texts = [s.text for s in Summariser(SummarySettings(sentences=5))(st, Findings()).sentences]
    assert texts == [news], texts  # the news wording; the column's own thesis is not summary material


def test_a_live_blog_speaking_to_its_readers_is_not_a_wording() -> None:
    told = "Halvard analyst Priya Okonkwo said the cuts were expected, she told us on Tuesday."
    srcs = [source("s1", "MarketPulse", [told, LEAD])]
    st = story(srcs, claim("c1", srcs, ("s1", 0)), claim("c2", srcs, ("s1", 1)))
    texts = [s.text for s in Summariser(SummarySettings(sentences=5))(st, Findings()).sentences]
    assert not any("told us" in t for t in texts), texts


def test_a_local_papers_own_here_is_not_a_wording() -> None:
    here = "Here in Osterhaven, the temperature reached 38C on Tuesday, and the town kept its power."
    srcs = [source("s1", "Osterhaven Courier", [here, LEAD])]
    st = story(srcs, claim("c1", srcs, ("s1", 0)), claim("c2", srcs, ("s1", 1)))
    texts = [s.text for s in Summariser(SummarySettings(sentences=5))(st, Findings()).sentences]
    assert not any("Here in" in t for t in texts), texts


def test_a_quotation_the_splitter_cut_is_not_a_wording() -> None:
    cut = 'The judge said: "The evidence leaves no doubt about what the defendant did with the money.'
    srcs = [source("s1", "Court Press", [cut, LEAD])]
    st = story(srcs, claim("c1", srcs, ("s1", 0)), claim("c2", srcs, ("s1", 1)))
    texts = [s.text for s in Summariser(SummarySettings(sentences=5))(st, Findings()).sentences]
    assert not any("evidence" in t for t in texts), texts


def test_an_outlet_giving_the_figure_too_is_no_disputer_and_a_reprinted_figure_names_its_wire() -> None:
    wire = [
        "The Civic Renewal Party won 31 of the 51 seats in Sunday's assembly election, results showed.",
        "The League won the remaining 20 seats in the assembly election on Sunday, results showed.",
    ]
    reprint = [wire[0].replace("results showed", "official results showed")]
    courier = ["Civic Renewal won 30 seats in Sunday's assembly election, the Hollin Bay count showed."]
    srcs = [
        source("s1", "Meridian Press", wire),
        source("s2", "The Estrian Chronicle", reprint),
        source("s3", "The Hollin Bay Courier", courier),
    ]
    st = story(
        srcs,
        claim("c1", srcs, ("s1", 0), ("s2", 0), origins=1),
        claim("c2", srcs, ("s1", 1)),
        claim("c3", srcs, ("s3", 0)),
    )
    texts = [s.text for s in Summariser(SummarySettings(sentences=5))(st, Findings()).sentences]
    told = next(t for t in texts if "31 of the 51 seats" in t)
    assert told.startswith("According to Meridian Press and The Estrian Chronicle"), told
    assert "30 seats" in told and "20 seats" not in told, told


def test_an_also_that_points_back_into_its_article_is_dropped() -> None:
    from newsprism.summarise._wording import standalone

    assert standalone("He was also fined 2.5 million korun.") == "He was fined 2.5 million korun."
    assert standalone("Also, the mayor resigned.") == "The mayor resigned."
    assert standalone("The man, also known as Red, fled.") == "The man, also known as Red, fled."
    assert standalone('"We also want peace," she said.') == '"We also want peace," she said.'
    assert standalone("Yet the company still made a profit.") == "The company still made a profit."
    assert standalone("So far 12 people have died.") == "So far 12 people have died."


def test_a_speech_verb_with_an_object_is_not_turned_into_said() -> None:
    import dataclasses

    from newsprism.model import Token
    from newsprism.summarise._wording import Loaded, neutralise

    text = "Premier Tomas Brakke conceded defeat shortly after 1 a.m."
    src = source("s1", "Meridian Press", [text])
    words = [
        ("Premier", "PROPN", "compound", 2),
        ("Tomas", "PROPN", "compound", 2),
        ("Brakke", "PROPN", "nsubj", 3),
        ("conceded", "VERB", "ROOT", 3),
        ("defeat", "NOUN", "dobj", 3),
    ]
    tokens, at = [], 0
    for i, (w, pos, dep, head) in enumerate(words):
        start = text.index(w, at)
        tokens.append(Token(i, start, start + len(w), w, w.lower(), pos, "", dep, head, 0))
        at = start + len(w)
    sentence = dataclasses.replace(src.sentences[0], tokens=(0, len(tokens)))
    src = Source(id=src.id, article=src.article, sentences=(sentence,), tokens=tuple(tokens))
    span = Loaded(text.index("conceded"), text.index("conceded") + 8, "conceded", None)
    assert neutralise(src, src.sentences[0], [span]) is None  # "said defeat" says nothing
    spoken = tuple(dataclasses.replace(t, dep="ccomp") if t.text == "defeat" else t for t in tokens)
    said = neutralise(dataclasses.replace(src, tokens=spoken), src.sentences[0], [span])
    assert said == "Premier Tomas Brakke said defeat shortly after 1 a.m."  # the swap itself works


def test_an_attributed_sentence_opening_on_a_contraction_reads_on() -> None:
    srcs = [
        source("s1", "Riverside Echo", ["It's the second kettle recall at the Brightlane plant this year."])
    ]
    st = story(srcs, claim("c1", srcs, ("s1", 0)))
    told = Summariser()(st, Findings()).sentences[0].text
    assert (
        told
        == "According to Riverside Echo, it's the second kettle recall at the Brightlane plant this year."
    )


def test_among_well_established_claims_what_outlets_lead_with_comes_first() -> None:
    lead = "The spillway of the Kestrel Hollow Dam gave way on Saturday, flooding the lower town."
    evacuated = "Residents of the lower town were moved to the school gym overnight."
    srcs = [source(f"s{i}", f"Outlet {i}", [lead, evacuated]) for i in (1, 2, 3)]
    srcs.append(source("s4", "Outlet 4", ["Roads into Riverton stayed shut on Sunday.", evacuated]))
    failure = claim("c1", srcs, ("s1", 0), ("s2", 0), ("s3", 0), origins=3)
    moved = claim("c2", srcs, *((f"s{i}", 1) for i in (1, 2, 3, 4)), origins=4)  # one more outlet
    st = story(srcs, failure, moved, claim("c3", srcs, ("s4", 0)))
    assert cites(st, SummarySettings(sentences=2)) == ["c1", "c2"]


def test_two_outlets_account_of_a_fact_leads_one_outlets_aside_that_mentions_it() -> None:
    signed = "Valcescu signed treaties annexing four regions on Friday."
    signed_b = "Valcescu signed the treaties annexing four regions on Friday."
    aside = (
        "Families who fled the shelling of Zarek reached the Port Aster ferry terminal, a day after "
        "Valcescu signed treaties annexing four regions at the Drel ceremony."
    )
    title = "Zarek families reach Port Aster ferry terminal after Drel ceremony and shelling"
    srcs = [source("s1", "Reuters", [signed], title), source("s2", "Northern Ledger", [signed_b], title),
            source("s3", "Harbour Gazette", [aside], title)]  # fmt: skip
    st = story(srcs, claim("c1", srcs, ("s1", 0), ("s2", 0), origins=2), claim("c2", srcs, ("s3", 0)))
    assert cites(st, SummarySettings(sentences=2))[0] == "c1"
