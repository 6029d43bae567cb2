"""The summary of a fictional five-outlet story through the real pipeline (spaCy, MiniLM, alignment)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from summary_builders import analyse

from newsprism.pipeline import Pipeline
from newsprism.report.json import check_offsets
from newsprism.settings import SummarySettings
from newsprism.summarise import Summariser
from newsprism.summarise._lexicon import STOP
from newsprism.summarise._wording import Neutrality, neutralise

if TYPE_CHECKING:
    from newsprism.model import Article, StoryReport
    from newsprism.segment import Segmenter

pytestmark = pytest.mark.slow


def _index(report: StoryReport, needle: str) -> int:
    return next(i for i, s in enumerate(report.summary) if needle in s.text)


def test_every_summary_sentence_is_cited_correctly(ferry_report: StoryReport) -> None:
    assert ferry_report.summary
    claims = {c.id: c for c in ferry_report.claims}
    for s in ferry_report.summary:
        assert s.sources and s.claims
        holding = {p.source for c in s.claims for p in claims[c].sentences}
        assert set(s.sources) <= holding
    assert check_offsets(ferry_report) == []


def test_the_rescue_told_by_two_outlets_comes_before_the_reprinted_wire_lines(
    ferry_report: StoryReport,
) -> None:
    rescue = _index(ferry_report, "41 passengers")
    assert rescue <= 1  # only the death toll, which two outlets give in their own words, may lead
    for reprinted in ("safety inspection", "A fire broke out"):
        if any(reprinted in s.text for s in ferry_report.summary):
            assert rescue < _index(ferry_report, reprinted)


def test_the_tabloid_insults_never_reach_the_summary(ferry_report: StoryReport) -> None:
    text = " ".join(s.text for s in ferry_report.summary)
    for word in ("crook", "notorious", "shameless", "Furious", "greedy", "reckless"):
        assert word not in text
    assert "fury" not in ferry_report.headline.lower() and "reckless" not in ferry_report.headline


def test_the_death_toll_appears_with_both_values_and_sources_or_not_at_all(ferry_report: StoryReport) -> None:
    for s in ferry_report.summary:
        if re.search(r"\b(12|20|twelve)\b people", s.text, re.IGNORECASE):
            assert "12 people" in s.text and "20 people" in s.text, s.text
            assert "Northwire" in s.text and "The Daily Blaze" in s.text, s.text
    assert not re.search(r"\b(12|20)\b", ferry_report.headline)


def test_one_outlet_facts_are_attributed(ferry_report: StoryReport) -> None:
    outlets = {s.id: s.outlet for s in ferry_report.sources}
    for s in ferry_report.summary:
        if len(s.sources) == 1:
            if f"told {outlets[s.sources[0]]} " in s.text:
                continue  # "Angry relatives told The Daily Blaze ...": the sentence names where it was said
            assert s.text.startswith(f"According to {outlets[s.sources[0]]}, ")
            rest = s.text[len(f"According to {outlets[s.sources[0]]}, ") :]
            word = rest.split()[0]
            # "the", not "The"; a quotation stays as it opens, and so does a name ("Kelmar General Hospital")
            assert rest[0].islower() or rest[0] in '"“' or word.lower() not in STOP, s.text


@pytest.mark.parametrize("settings", [SummarySettings(sentences=50), SummarySettings(words=45)])
def test_other_lengths_stay_clean_and_cited(
    ferry_pipeline: Pipeline, ferry_articles: list[Article], settings: SummarySettings
) -> None:
    """Asking for every claim must not let loaded or one-sided sentences in; a word budget holds."""
    p = ferry_pipeline
    other = Pipeline(
        segmenter=p.segmenter, embedder=p.embedder, quotes=p.quotes, language=p.language, reuse=p.reuse,
        contradictions=p.contradictions, summariser=Summariser(settings),
    )  # fmt: skip
    report = analyse(other, ferry_articles)
    text = " ".join(s.text for s in report.summary)
    assert report.summary and "crook" not in text and "reckless" not in text
    claims = [c for s in report.summary for c in s.claims]
    assert len(claims) == len(set(claims))  # one claim once
    if settings.words is not None:
        assert len(text.split()) <= settings.words
    else:
        assert len(report.summary) >= 6
    test_the_death_toll_appears_with_both_values_and_sources_or_not_at_all(report)
    test_every_summary_sentence_is_cited_correctly(report)


def test_loaded_modifiers_are_dropped_and_loaded_verbs_swapped_when_the_parse_allows(
    segmenter: Segmenter,
) -> None:
    from newsprism.model import Article

    text = (
        "Officials in Drel held a bizarre ceremony on Friday. The regime slammed the sanctions announced by "
        "Corvia. A notorious crook ran the port."
    )
    src = segmenter(Article(id="a", text=text, outlet="Blaze"), "s1")
    judge = Neutrality(None)
    first, second, third = src.sentences
    assert judge.wording(src, first).text == "Officials in Drel held a ceremony on Friday."
    assert judge.wording(src, second).text == "The government criticised the sanctions announced by Corvia."
    w = judge.wording(src, third)
    assert w.loaded == 2 and w.text == third.text  # a loaded noun with no neutral word cannot be fixed
    assert neutralise(src, third, judge.loaded_spans(src, third)) is None


def test_lens_alternatives_are_taken_for_modifiers_but_not_for_labels(segmenter: Segmenter) -> None:
    from newsprism.model import Article, LanguageFindings, LanguageSpan
    from newsprism.pipeline import Findings

    text = (
        "A crook ran the port of Kelmar for years. The reckless plan was approved by the council on Monday."
    )
    src = segmenter(Article(id="a", text=text, outlet="Blaze"), "s1")

    def span(word: str, neutral: str) -> LanguageSpan:
        at = text.index(word)
        return LanguageSpan("s1", at, at + len(word), word, "authorial", "loaded", 0.8, neutral)

    judge = Neutrality(
        Findings(language=LanguageFindings(spans=(span("crook", "official"), span("reckless", "risky"))))
    )
    label, plan = (judge.wording(src, s) for s in src.sentences)
    assert label.loaded == 1 and label.text == src.sentences[0].text
    assert plan.loaded == 0 and plan.text == "The risky plan was approved by the council on Monday."


def test_a_loaded_speech_verb_becomes_said_but_the_noun_stays_loaded(segmenter: Segmenter) -> None:
    from newsprism.model import Article, LanguageFindings, LanguageSpan
    from newsprism.pipeline import Findings

    text = (
        "The minister claimed the bridge in Kelmar was safe. "
        "Her claims about the bridge were rejected on Monday."
    )
    src = segmenter(Article(id="a", text=text, outlet="Ledger"), "s1")
    verb_at, noun_at = text.index("claimed"), text.index("claims")
    spans = (
        LanguageSpan("s1", verb_at, verb_at + 7, "claimed", "authorial", "loaded verb", 0.6, None),
        LanguageSpan("s1", noun_at, noun_at + 6, "claims", "authorial", "loaded noun", 0.6, None),
    )
    judge = Neutrality(Findings(language=LanguageFindings(spans=spans)))
    verb, noun = (judge.wording(src, s) for s in src.sentences)
    assert verb.loaded == 0 and verb.text == "The minister said the bridge in Kelmar was safe."
    assert noun.loaded == 1


def test_attribution_lowercases_a_common_noun_the_tagger_called_a_name(segmenter: Segmenter) -> None:
    from newsprism.model import Article
    from newsprism.summarise._compose import _lower_first

    text = "Records seen by the Ledger show the ferry passed an inspection. Valcescu spoke on Friday."
    src = segmenter(Article(id="a", text=text, outlet="Ledger"), "s1")
    neutral = Neutrality(None)
    first, second = (neutral.wording(src, s) for s in src.sentences)
    assert _lower_first(first).startswith("records seen by the Ledger")
    assert _lower_first(second).startswith("Valcescu")


def test_a_subject_pronoun_out_of_its_article_is_named(segmenter: Segmenter) -> None:
    from newsprism.model import Article
    from newsprism.summarise._wording import Neutrality

    text = (
        "Former governor Teodor Malvik was convicted of bribery on Tuesday. "
        'Speaking to the court last week, he said he had "never taken a single coin" that was not his. '
        "Judge Ilse Rondberg spoke briefly before she read the verdict."
    )
    (src,) = segmenter.pipe([(Article(id="a", text=text, outlet="Court Press"), "s1")])
    neutrality = Neutrality(None)
    second, third = src.sentences[1], src.sentences[2]
    assert neutrality.wording(src, second).text.startswith(
        "Speaking to the court last week, Malvik said he had"
    )
    assert "before she read" in neutrality.wording(src, third).text  # the sentence names her itself
    two = "Teodor Malvik and his deputy Pavel Orsk left the court on Tuesday. He said nothing to reporters."
    (both,) = segmenter.pipe([(Article(id="b", text=two, outlet="Court Press"), "s2")])
    assert neutrality.wording(both, both.sentences[1]).text.startswith("He said")  # which of the two?


def test_a_pronoun_after_a_titled_speaker_of_an_agency_is_named(segmenter: Segmenter) -> None:
    from newsprism.model import Article
    from newsprism.summarise._wording import Neutrality

    text = (
        '"We have boats on every street," said Flood Chief Marit Oyen of the Dunmore County Water Board. '
        "She said about 300 volunteers were helping."
    )
    (src,) = segmenter.pipe([(Article(id="a", text=text, outlet="Valley Courier"), "s1")])
    said = Neutrality(None).wording(src, src.sentences[1]).text
    assert said.startswith("Oyen said about 300 volunteers"), said


def test_a_common_noun_the_article_writes_in_lower_case_is_lowered_after_according_to(
    segmenter: Segmenter,
) -> None:
    from newsprism.model import Article
    from newsprism.summarise._compose import _lower_first

    text = (
        "The river rose overnight in Dunmore County, county officials said.\n\n"
        "County officials said 12 homes had been destroyed along Mill Road. No deaths have been reported."
    )
    src = segmenter(Article(id="a", text=text, outlet="Ledger"), "s1")
    assert src.sentence_tokens(src.sentences[1])[0].pos == "PROPN"  # what the tagger makes of it
    wording = Neutrality(None).wording(src, src.sentences[1])
    assert _lower_first(wording).startswith("county officials said 12 homes")


def _outlets_report(
    pipeline: Pipeline, texts: dict[str, str], published: str, titles: dict[str, str] | None = None
) -> StoryReport:
    """The report of one story told by the outlets ``texts`` names (outlet -> article text)."""
    from newsprism.model import Article

    titles = titles or {}
    return analyse(
        pipeline,
        [
            Article(id=f"a{i}", text=text, outlet=outlet, title=titles.get(outlet, ""), published=published)
            for i, (outlet, text) in enumerate(texts.items())
        ],
    )


WILDFIRE = {
    "Pinecrest Wire": (
        "Grelby Ridge wildfire forces 3,500 from homes",
        "A wildfire that broke out on Tuesday afternoon on Grelby Ridge had burned 8,400 acres by Wednesday "
        "morning, forcing 3,500 residents to evacuate, county officials said.\n\n"
        "County officials said 12 homes had been destroyed along Quarry Road.",
    ),
    "Halvern Valley Herald": (
        "Ostvik empties as Grelby Ridge fire grows",
        "Some 3,500 people were ordered out of Ostvik and Feller's Creek on Tuesday night as the Grelby "
        "Ridge fire spread east.\n\nBy Wednesday the fire had burned 4,800 acres, the Herald was told.",
    ),
    "Coldwater Public Radio": (
        "Grelby Ridge fire: what we know",
        "The fire has burned about 8,400 acres since it started on Tuesday afternoon, and crews had it "
        "10 percent contained on Wednesday morning.\n\nA Red Cross shelter is open at the Ostvik High "
        "School gym.",
    ),
    "The Daily Torch": (
        "MONSTER BLAZE ROARS TOWARD TOWN",
        "A hellish inferno tore across Grelby Ridge yesterday, torching 8,400 acres as bungling county "
        "officials scrambled to catch up.\n\nTerrified families ran as the monster blaze roared toward "
        "Ostvik.",
    ),
}


def test_a_disputed_area_names_and_cites_every_outlet_and_its_figure_is_told_once(pipeline: Pipeline) -> None:
    texts = {outlet: text for outlet, (_, text) in WILDFIRE.items()}
    titles = {outlet: title for outlet, (title, _) in WILDFIRE.items()}
    report = _outlets_report(pipeline, texts, "2026-08-19", titles)
    outlets = {s.id: s.outlet for s in report.sources}
    told = [s for s in report.summary if "acres" in s.text]
    assert len(told) == 1 and "4,800 acres" in told[0].text and "8,400 acres" in told[0].text
    for s in report.summary:
        named = {o for o in outlets.values() if o in s.text}
        assert named <= {outlets[x] for x in s.sources}, s.text  # every outlet named is cited
    assert sum("3,500" in s.text for s in report.summary) == 1  # the evacuation is told once
    text = " ".join(s.text for s in report.summary)
    for word in ("hellish", "monster", "Terrified", "bungling"):
        assert word not in text


def test_a_scheduled_date_another_outlet_gives_otherwise_is_not_stated_one_sided(pipeline: Pipeline) -> None:
    texts = {
        "Calder Press": "The Bank of Kestria raised its key rate to 4.25% on Thursday. The bank's next rate "
        "decision is due on 18 September.",
        "Northport Observer": "Kestria's central bank lifted its main rate to 4.25% on Thursday. The next "
        "decision on rates is due on 18 September.",
        "Business Daily": "The central bank raised rates to 4.25% again. Investors now look to 25 September, "
        "when the rate committee next decides.",
    }
    report = _outlets_report(pipeline, texts, "2025-07-10")
    assert not report.contradictions  # the lens does not pair these sentences; the summary's check does
    told = [s.text for s in report.summary if "September" in s.text]
    assert len(told) == 1 and "18 September" in told[0] and "25 September" in told[0], told


def test_what_one_outlet_affirms_and_another_denies_is_stated_by_no_one(pipeline: Pipeline) -> None:
    texts = {
        "Radio Tessel": "The Renewal Party won the Lower Tessel election on Sunday with 41 of the 90 seats. "
        "NUA leader Teodor Brannic concedes.",
        "The Corvanian Standard": "The Renewal Party won the Lower Tessel vote on Sunday, taking 41 of 90 "
        "seats. Teodor Brannic has not conceded.",
        "Northgate Herald": "The Renewal Party won Sunday's election in Lower Tessel. Teodor Brannic, whose "
        "alliance finished second, conceded shortly before midnight.",
    }
    report = _outlets_report(pipeline, texts, "2026-06-14")
    assert [k.kind for k in report.contradictions] == ["negation"]
    assert not any("conced" in s.text for s in report.summary), [s.text for s in report.summary]


def test_a_disputed_temperature_is_told_with_both_readings_and_a_bare_degree_agrees(
    pipeline: Pipeline,
) -> None:
    texts = {
        "Brenholt Press": "A heatwave closed schools across the Ardel valley on Monday. Temperatures in "
        "Karsby reached 44C, the highest ever recorded in the town.",
        "Ardel Valley Radio": "Schools shut across the valley. The thermometer in Karsby peaked at 41C "
        "(106F) at noon.",
        "The Orlen Times": "It hit 44 degrees in Karsby, a town record, as schools closed.",
    }
    report = _outlets_report(pipeline, texts, "2026-07-14")
    told = [s.text for s in report.summary if re.search(r"\b4[14]", s.text)]
    assert len(told) == 1 and "41C" in told[0], told
    assert "Ardel Valley Radio gives the figure as 41C" in told[0], told
    assert "give the figure as 44" not in told[0]  # "44 degrees" and "44C" are one reading


def test_a_happening_most_outlets_tell_with_two_counts_leads_a_side_fact(pipeline: Pipeline) -> None:
    texts = {
        "Kestrel Wire": "A storm cut power to about 40,000 homes in the Brask valley on Sunday, the grid "
        "operator said. The inquiry into the substation failure is due to report by October 12.",
        "Brask Courier": "About 90,000 homes in the Brask valley lost power when a substation failed at 3:10 "
        "p.m. on Sunday. The inquiry into the substation failure is due to report by October 12.",
        "Valley Radio": "Some 40,000 households across the Brask valley were left without electricity on "
        "Sunday. Crews worked through the night.",
        "Harbour Post": "Ferries to Brask ran late on Monday. The inquiry into the substation failure is due "
        "to report by October 12.",
    }
    # the clock time is the failure's, not the count's; homes and households are one count; three outlets
    # tell the outage, so it leads the inquiry, with both counts
    report = _outlets_report(pipeline, texts, "2026-10-05")
    first = report.summary[0].text
    assert "40,000" in first and "90,000" in first, [s.text for s in report.summary]
    assert not [s.text for s in report.summary[1:] if "40,000" in s.text or "90,000" in s.text]


def test_a_dispute_already_told_is_not_told_again_with_another_claim(pipeline: Pipeline) -> None:
    texts = {
        "Kavel Nurses' Federation": "More than 30,000 nurses at public hospitals across Ostrevia began a "
        "48-hour strike on Tuesday, the federation said. The federation called the offer an insult.",
        "Lamm Press": "Nurses across Ostrevia began a 48-hour strike on Tuesday. About 30,000 nurses walked "
        "out, according to the union, which is demanding a 9% rise.",
        "Kavel Courier": "Hospitals postponed 4,200 operations on Tuesday. The health ministry said 13,000 "
        "nurses had joined the strike.",
    }
    report = _outlets_report(pipeline, texts, "2026-03-03")
    told = [s.text for s in report.summary if "13,000" in s.text]
    assert len(told) == 1 and "30,000" in told[0], [s.text for s in report.summary]
