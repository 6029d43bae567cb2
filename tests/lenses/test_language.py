"""Language lens on team-written fixtures: a fictional harbour dispute told by a wire and a tabloid."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from newsprism.lenses.language import LanguageLens, rank_outlets, score_lines
from newsprism.lenses.language_lexicon import SPEECH_VERBS, Lexicon, neutral_form
from newsprism.model import Article, LanguageSpan, QuoteFindings, Source, Story

if TYPE_CHECKING:
    from newsprism.pipeline import Pipeline
    from newsprism.segment import Segmenter

WIRE = (
    "Governor Alric Voss signed a decree on Tuesday placing the Telmar harbour under provincial control, "
    "officials in Port Ansel said.\n"
    "The harbour authority said it would comply with the decree while it studied the legal text.\n"
    "Opposition leader Mara Lind said the transfer was rushed and called for a public hearing."
)
TABLOID = (
    "The tyrant Alric Voss grabbed the Telmar harbour on Tuesday in a bare-faced land grab.\n"
    "The warmonger ranted for an hour about his bizarre plan, and his cronies clapped on cue.\n"
    "Voss claimed the harbour had been mismanaged for years."
)
QUOTED = "“He is a tyrant and a warmonger,” said opposition leader Mara Lind on Wednesday."
DESCRIBED = "Harbour workers and the dock union described the decree as bogus."
SCARE = "The governor's “consultation” lasted eleven minutes."
# A tabloid's own voice: a loaded speech verb, labels for a person and for an event, an emotion it assigns
# to its readers, and an idiom about pay.
TABLOID_VOICE = (
    "Ferry boss Halvard Brekke, who pockets a fat salary, mumbled an apology as furious islanders waited "
    "on the quay.\n"
    "The new timetable is a shambles, and union firebrand Ines Varga says she warned the council in May."
)
TABLOID_QUOTED = (
    "“The timetable is a shambles and the boss pockets a fat salary,” said union leader Ines Varga.\n"
    "“Commuters are furious,” said councillor Petra Holm.\n"
    "“He mumbled an apology and walked off,” said passenger Rolf Dahl.\n"
    "Councillor Petra Holm called Varga “a firebrand who wants headlines”."
)
# The same words (or their verbs) in uses that judge nobody.
NEUTRAL_USES = (
    "The cable snapped under the weight of the carriage.",
    "Storms lashed the coast overnight.",
    "The rockslide claimed two lives on Tuesday.",
    "The old town boasts a medieval harbour.",
    "He pocketed the keys and left.",
    "The label lists the fat content of each meal.",
    "Fire raged through the warehouse for six hours.",
    "Sirens wailed as the fire engines roared past the depot.",
)


@pytest.fixture(scope="module")
def lens() -> LanguageLens:
    return LanguageLens()


def _source(segmenter: Segmenter, text: str, sid: str = "s1", outlet: str = "") -> Source:
    return segmenter(Article(id=sid, text=text, outlet=outlet), sid)


def _spans(lens: LanguageLens, segmenter: Segmenter, text: str) -> list[LanguageSpan]:
    from newsprism.lenses.quotes import QuoteLens

    src = _source(segmenter, text)
    quotes = QuoteLens()(Story(sources=(src,)))
    spans, _ = lens.analyse_source(src, quotes)
    for s in spans:
        assert src.text[s.start : s.end] == s.text
        assert 0.0 <= s.score <= 1.0
    return spans


def _by_text(spans: list[LanguageSpan]) -> dict[str, LanguageSpan]:
    return {s.text.lower(): s for s in spans}


def test_constructor_loads_nothing() -> None:
    lens = LanguageLens()
    assert "bias" not in lens.__dict__ and "segmenter" not in lens.__dict__
    assert "learned" not in lens.lexicon.__dict__


@pytest.mark.slow
def test_tabloid_insults_in_the_writers_voice_are_authorial(lens: LanguageLens, segmenter: Segmenter) -> None:
    found = _by_text(_spans(lens, segmenter, TABLOID))
    for word in ("tyrant", "warmonger", "bizarre", "land grab", "cronies"):
        assert found[word].voice == "authorial", word
    assert found["tyrant"].category == "insult or label"
    assert found["tyrant"].neutral == "leader"
    assert found["land grab"].neutral == "annexation"
    assert found["ranted"].category == "loaded attribution verb"


@pytest.mark.slow
def test_same_insults_inside_a_quote_are_attributed(lens: LanguageLens, segmenter: Segmenter) -> None:
    found = _by_text(_spans(lens, segmenter, QUOTED))
    assert found["tyrant"].voice == "attributed"
    assert found["warmonger"].voice == "attributed"


@pytest.mark.slow
def test_tabloid_speech_verbs_labels_and_pay_idiom_are_authorial(
    lens: LanguageLens, segmenter: Segmenter
) -> None:
    found = _by_text(_spans(lens, segmenter, TABLOID_VOICE))
    expected = {
        "pockets": ("loaded verb", "receives"),
        "fat": ("loaded adjective", "large"),
        "mumbled": ("loaded attribution verb", "said"),
        "furious": ("loaded adjective", "angry"),
        "shambles": ("insult or label", "failure"),
        "firebrand": ("insult or label", "activist"),
    }
    for word, (category, neutral) in expected.items():
        assert found[word].voice == "authorial", word
        assert (found[word].category, found[word].neutral) == (category, neutral), word
    assert "salary" not in found and "apology" not in found


@pytest.mark.slow
def test_tabloid_words_inside_a_named_speakers_quote_are_attributed(
    lens: LanguageLens, segmenter: Segmenter
) -> None:
    spans = _spans(lens, segmenter, TABLOID_QUOTED)
    found = {s.text.lower() for s in spans}
    assert {"shambles", "pockets", "fat", "furious", "mumbled", "firebrand"} <= found
    assert {s.voice for s in spans} == {"attributed"}


@pytest.mark.slow
@pytest.mark.parametrize("text", NEUTRAL_USES)
def test_words_loaded_only_in_some_uses_stay_unflagged_in_others(
    lens: LanguageLens, segmenter: Segmenter, text: str
) -> None:
    words = {"snapped", "lashed", "claimed", "boasts", "pocketed", "fat", "raged", "wailed", "roared"}
    assert not {s.text.lower() for s in _spans(lens, segmenter, text)} & words


@pytest.mark.slow
def test_sound_verbs_are_loaded_when_they_report_speech(lens: LanguageLens, segmenter: Segmenter) -> None:
    for text, word in (
        ("“Not now,” the minister snapped.", "snapped"),
        ("Varga snapped at reporters outside the court.", "snapped"),
        ("The director boasted that the line had never been safer.", "boasted"),
        ("The minister lashed out at the union.", "lashed"),
        ("Board members pocketed £2m in bonuses last year.", "pocketed"),
    ):
        span = _by_text(_spans(lens, segmenter, text))[word]
        assert span.voice == "authorial", text


@pytest.mark.slow
def test_phrases_match_inflected_words(lens: LanguageLens, segmenter: Segmenter) -> None:
    found = _by_text(_spans(lens, segmenter, "Engineers had warned of death traps and land grabs for years."))
    assert found["death traps"].neutral == "hazard"
    assert found["land grabs"].neutral == "annexation"
    cats = _by_text(_spans(lens, segmenter, "The fat cats at the water company took home bonuses."))
    assert cats["fat cats"].neutral == "wealthy executives"
    trial = _by_text(_spans(lens, segmenter, "He was convicted after a five-week show trial in Korvala."))
    assert trial["show trial"].neutral == "trial" and trial["show trial"].voice == "authorial"
    assert _spans(lens, segmenter, "The show opened after the trial run of the new stage.") == []


@pytest.mark.slow
def test_claimed_is_flagged_and_said_is_not(lens: LanguageLens, segmenter: Segmenter) -> None:
    claimed = _by_text(_spans(lens, segmenter, "The minister claimed the ferry budget was balanced."))
    assert claimed["claimed"].category == "loaded attribution verb"
    assert claimed["claimed"].voice == "authorial"
    assert claimed["claimed"].neutral == "said"
    said = _spans(lens, segmenter, "The minister said the ferry budget was balanced.")
    assert said == []


@pytest.mark.slow
def test_insult_prefixed_to_a_name_is_found_but_names_are_not(
    lens: LanguageLens, segmenter: Segmenter
) -> None:
    text = "Warmonger Tomas Arlen opened the bridge. President Tomas Arlen left."
    spans = _by_text(_spans(lens, segmenter, text))
    assert set(spans) == {"warmonger"}  # _by_text keys by lower-cased text
    assert spans["warmonger"].voice == "authorial"


def test_neutral_wire_sentence_has_no_span(lens: LanguageLens, segmenter: Segmenter) -> None:
    assert _spans(lens, segmenter, WIRE) == []


@pytest.mark.slow
def test_description_handed_to_a_source_is_attributed(lens: LanguageLens, segmenter: Segmenter) -> None:
    found = _by_text(_spans(lens, segmenter, DESCRIBED))
    assert found["bogus"].voice == "attributed"
    passive = _by_text(_spans(lens, segmenter, "The decree was dismissed by the union as a land grab."))
    assert passive["land grab"].voice == "attributed"


@pytest.mark.slow
def test_scare_quotes_are_the_writers(lens: LanguageLens, segmenter: Segmenter) -> None:
    found = _by_text(_spans(lens, segmenter, SCARE))
    scare = found["“consultation”"]
    assert scare.category == "scare quotes" and scare.voice == "authorial"


@pytest.mark.slow
def test_story_figures_rank_the_tabloid_first(lens: LanguageLens, pipeline: Pipeline) -> None:
    articles = [
        Article(id="a1", text=WIRE, outlet="Wire"),
        Article(id="a2", text=TABLOID, outlet="Daily Clarion"),
    ]
    sources = pipeline.sources(articles)
    story = Story(sources=tuple(sources))
    findings = lens(story, QuoteFindings())
    wire, tabloid = (findings.per_source[s.id] for s in sources)
    assert len(tabloid.sentence_bias) == len(sources[1].sentences)
    assert tabloid.loadedness > wire.loadedness == 0.0
    assert tabloid.per_100_words > 5
    assert "tyrant" in tabloid.top_terms
    assert tabloid.biased_share > wire.biased_share
    assert max(tabloid.sentence_bias) > 0.5 > max(wire.sentence_bias)
    assert [o for o, _ in rank_outlets(findings, story)] == ["Daily Clarion", "Wire"]
    assert {s.source for s in findings.spans} == {sources[1].id}


@pytest.mark.slow
def test_score_lines_writes_one_object_per_line(segmenter: Segmenter) -> None:
    lens = LanguageLens(segmenter=segmenter)
    lines = [TABLOID.splitlines()[0], "", "The minister said the ferry budget was balanced.", QUOTED]
    out = list(score_lines(lines, lens))
    assert [o["text"] for o in out] == lines
    json.dumps(out)  # JSON-ready
    first, empty, neutral, quoted = out
    assert empty == {"text": "", "bias": 0.0, "spans": []}
    assert neutral["spans"] == []
    assert isinstance(first["bias"], float) and first["bias"] > neutral["bias"]  # type: ignore[operator]
    for obj in out:
        for span in obj["spans"]:  # type: ignore[attr-defined]
            assert obj["text"][span["start"] : span["end"]] == span["text"]  # type: ignore[index]
    assert {s["voice"] for s in quoted["spans"]} == {"attributed"}  # type: ignore[attr-defined]


def test_neutral_form_keeps_tense() -> None:
    claim = SPEECH_VERBS["claim"]
    assert neutral_form(claim, "claimed") == "said"
    assert neutral_form(claim, "claims") == "says"
    assert neutral_form(claim, "claiming") == "saying"
    assert neutral_form(SPEECH_VERBS["hiss"], "hiss") == "say"
    lexicon = Lexicon(word_scores={})
    assert neutral_form(lexicon.verbs["pocket"], "pocketed") == "received"
    assert neutral_form(lexicon.verbs["ram"], "rams") == "pushes"
    assert neutral_form(lexicon.verbs["harangue"], "harangues") == "addresses"


def test_lexicon_accepts_given_word_scores() -> None:
    lex = Lexicon(word_scores={"zorgish": 0.9})
    assert lex.learned == {"zorgish": 0.9}
    assert lex.entry("Tyrant", "tyrant", "NOUN") is not None
    assert lex.entry("said", "say", "VERB") is None


@pytest.mark.slow
def test_language_of_files_prints_spans_per_source(pipeline: Pipeline, tmp_path: Path) -> None:
    from rich.console import Console

    from newsprism.lenses.language_cli import language_of_files, print_language

    wire, tabloid = tmp_path / "wire.txt", tmp_path / "tabloid.txt"
    wire.write_text(WIRE, encoding="utf-8")
    tabloid.write_text(TABLOID, encoding="utf-8")
    items, skipped = language_of_files([str(wire), str(tabloid), str(tmp_path / "missing.txt")], pipeline)
    assert len(items) == 2 and len(skipped) == 1
    by_origin = {Path(i.origin).name: i for i in items}
    assert by_origin["wire.txt"].spans == ()
    assert any(s.text == "tyrant" for s in by_origin["tabloid.txt"].spans)
    console = Console(record=True, width=100, color_system=None)
    print_language(items, console)
    shown = console.export_text()
    assert "tyrant" in shown and "insult or label" in shown and "no loaded language found" in shown


def test_admitted_to_hospital_is_not_owning_up() -> None:
    from newsprism.lenses.language import score_lines

    rows = score_lines(
        [
            "The harbour master was admitted to hospital on Tuesday.",
            "Doctors admitted him to the intensive care unit.",
            "The minister admitted that the slope had not been checked.",
            "The company admitted wrongdoing.",
        ]
    )
    # "admitted wrongdoing" has an object of its own: ordinary news usage, like "conceded defeat"
    assert [[s["text"] for s in r["spans"]] for r in rows] == [[], [], ["admitted"], []]  # type: ignore[attr-defined]


# A partisan blog's own voice about a fictional town budget (2026-11-24 lexicon round), and a named
# critic's quote inside it.
BLOG_VOICE = (
    "Mayor Ilsa Trent and her tax-and-spend allies rammed a fat-free $90 million budget through a "
    "rubber-stamp board in a midnight stunt.\n"
    "The scheme balloons spending by 4% and slaps renters with a new levy.\n"
    "Trent, as usual, blamed the weather. Her spin doctors wrote the press release.\n"
    "The new posts are, naturally, patronage posts, and the whole thing is a giveaway.\n"
    "“Renters are being fleeced to pay for a spending spree,” said councillor Oskar Brandt."
)
# The same words in uses that judge nobody.
BLOG_NEUTRAL_USES = (
    "A delivery van rammed the gate of the depot before dawn.",
    "Children released balloons over the harbour after the ceremony.",
    "The stunt pilot landed safely on the beach.",
    "The ferry will run as usual on Sunday.",
    "The moss grows naturally on the north wall.",
    "The boy slapped the table and laughed.",
)


@pytest.mark.slow
def test_partisan_blog_words_are_authorial_with_neutral_forms(
    lens: LanguageLens, segmenter: Segmenter
) -> None:
    found = _by_text(_spans(lens, segmenter, BLOG_VOICE))
    expected = {
        "rammed": "pushed",
        "rubber-stamp": None,
        "tax-and-spend": None,
        "stunt": "move",
        "balloons": "increases",
        "slaps": "imposes",
        "as usual": None,
        "spin doctors": "press advisers",
        "naturally": None,
        "patronage posts": "political appointments",
        "giveaway": None,
    }
    for word, neutral in expected.items():
        assert found[word].voice == "authorial", word
        assert found[word].neutral == neutral, word
    for word in ("fleeced", "spending spree"):
        assert found[word].voice == "attributed", word
    assert found["fleeced"].neutral == "overcharged"
    assert "fat" not in found  # part of "fat-free", not the pay idiom


@pytest.mark.slow
@pytest.mark.parametrize("text", BLOG_NEUTRAL_USES)
def test_blog_words_stay_unflagged_in_literal_uses(
    lens: LanguageLens, segmenter: Segmenter, text: str
) -> None:
    words = {"rammed", "balloons", "stunt", "as usual", "naturally", "slapped"}
    assert not {s.text.lower() for s in _spans(lens, segmenter, text)} & words


@pytest.mark.slow
def test_rammed_through_a_legislature_is_loaded(lens: LanguageLens, segmenter: Segmenter) -> None:
    found = _by_text(_spans(lens, segmenter, "The ferry bill was rammed through parliament overnight."))
    assert found["rammed"].neutral == "pushed"


@pytest.mark.slow
def test_parts_of_a_hyphenated_word_do_not_match_single_words(
    lens: LanguageLens, segmenter: Segmenter
) -> None:
    spans = _spans(
        lens,
        segmenter,
        "Water reached the low-lying streets of Brannock, and the fat-free dairy on Quay Road closed early.",
    )
    assert not {s.text.lower() for s in spans} & {"lying", "fat", "low-lying"}
    styled = _by_text(_spans(lens, segmenter, "The self-styled reformer Ivo Marek opened the depot."))
    assert styled["self-styled"].voice == "authorial"


@pytest.mark.slow
def test_literal_disaster_report_has_no_loaded_language(lens: LanguageLens, pipeline: Pipeline) -> None:
    text = (
        "Engineers found deep cracks in the Brannock reservoir wall on Thursday, and the county ordered "
        "1,500 residents of the low-lying valley to leave.\n"
        "Mud covered the lower road, and the flood reached the first houses by noon, officials said.\n"
        "Shelters opened at the Brannock sports hall."
    )
    (source,) = pipeline.sources([Article(id="d1", text=text, outlet="Valley Wire")])
    findings = lens(Story(sources=(source,)), QuoteFindings())
    assert findings.spans == ()
    assert findings.per_source[source.id].loadedness == 0.0


@pytest.mark.slow
def test_biased_share_ignores_sentences_biased_only_by_a_quote(
    lens: LanguageLens, pipeline: Pipeline
) -> None:
    from newsprism.lenses.quotes import QuoteLens

    text = (
        "The council approved the harbour budget on Monday by 12 votes to 9.\n"
        "“It is a reckless, disgraceful giveaway to shameless cronies,” said councillor Oskar Brandt.\n"
        "The budget takes effect in July."
    )
    (source,) = pipeline.sources([Article(id="w1", text=text, outlet="Wire")])
    story = Story(sources=(source,))
    findings = lens(story, QuoteLens()(story))
    figures = findings.per_source[source.id]
    assert {s.voice for s in findings.spans} == {"attributed"}
    assert max(figures.sentence_bias) >= 0.5  # the classifier still scores the quote itself
    assert figures.biased_share == 0.0


@pytest.mark.slow
def test_destroyed_is_plain_for_a_fire_and_loaded_for_a_reputation(
    lens: LanguageLens, segmenter: Segmenter
) -> None:
    for text in (
        "A fire destroyed a bakery on Dunmore Street early on Sunday.",
        "Forty homes were destroyed in the storm, the county said.",
    ):
        assert "destroyed" not in _by_text(_spans(lens, segmenter, text)), text
    found = _by_text(_spans(lens, segmenter, "The governor destroyed the ferry service in two years."))
    assert found["destroyed"].neutral == "damaged"


def test_slammed_by_a_hurricane_is_no_criticism() -> None:
    from newsprism.lenses.language import score_lines

    rows = score_lines(
        [
            "Counties slammed by Hurricane Mira last month have all counted their votes.",
            "The senator slammed the plan as wasteful.",
        ]
    )
    assert ["slammed" in [s["text"] for s in r["spans"]] for r in rows] == [False, True]  # type: ignore[attr-defined]


# A court's press release about a fictional verdict: words of official names are no word choices.
COURT_RELEASE = (
    "The Criminal Division of the Supreme Court in Valmora today sentenced the former harbour director.\n"
    "He was convicted under Article 40 of the Criminal Code of bribery.\n"
    "Under the Code of Criminal Procedure, an appeal may be lodged within 20 days.\n"
    "Officers of the Extremist Crimes Unit gave evidence at the hearing."
)


@pytest.mark.slow
def test_words_inside_official_names_are_not_loaded(lens: LanguageLens, pipeline: Pipeline) -> None:
    (source,) = pipeline.sources([Article(id="c1", text=COURT_RELEASE, outlet="Supreme Court")])
    findings = lens(Story(sources=(source,)), QuoteFindings())
    assert findings.spans == ()
    assert findings.per_source[source.id].loadedness == 0.0
    # the same label as a title given to a person, or as a noun of the writer's, still counts
    found = _by_text(_spans(lens, pipeline.segmenter, "Crook Ansel Varro was jailed on Monday."))
    assert found["crook"].category == "insult or label"
    assert found["crook"].neutral is None  # a crook is no "official": hackers are called crooks too
    criminals = _by_text(_spans(lens, pipeline.segmenter, "The criminals who run the port must go."))
    assert criminals["criminals"].voice == "authorial"
    plain = _spans(lens, pipeline.segmenter, "Prosecutors opened a criminal investigation into the port.")
    assert plain == []
    # a title-case headline is no official name: its labels count
    headline = _by_text(_spans(lens, pipeline.segmenter, "Valmora Port Faces Angry Harbour Thugs Again"))
    assert headline["thugs"].category == "insult or label"


# A tabloid's own voice about a fictional bribery verdict, and the literal uses of the same words.
TABLOID_VERDICT = (
    "Disgraced ex-mayor Ansel Varro was caged for six years after pocketing a staggering 9 million "
    "lira meant for the town's crumbling schools.\n"
    "Rubbish. The judge rejected the bent mayor's excuses, and the kleptocrat's private fiefdom is gone.\n"
    "The rot in the town council runs deep, and the public loot has not been found.\n"
    "Councillor Mira Sand branded Varro “a thief with a chauffeur”. “He used the port like his personal "
    "piggy bank,” she said."
)
LITERAL_VERDICT_WORDS = (
    "Police have seized the mayor's villa and two cars.",
    "Both old hospitals stood empty after the move to the new clinic.",
    "The thief fled on a bicycle, police said.",
    "Ranchers keep the birds caged overnight.",
    "He bent down to pick up the keys.",
    "Engineers replaced a bent pipe under the bridge.",
    "The rubbish collection resumes on Monday.",
    "There is no excuse for violence, the mayor said.",
    "Surveyors found dry rot in the beams of the old school.",
    "The girl kept her coins in a piggy bank.",
    "The wall was crumbling after the storm.",
)


@pytest.mark.slow
def test_tabloid_verdict_words_are_found_in_their_loaded_uses(
    lens: LanguageLens, segmenter: Segmenter
) -> None:
    found = _by_text(_spans(lens, segmenter, TABLOID_VERDICT))
    authorial = {
        "caged": "jailed",
        "pocketing": "receiving",
        "staggering": "large",
        "crumbling": "poorly maintained",
        "rubbish": None,
        "bent": "corrupt",
        "excuses": "explanations",
        "kleptocrat": "official",
        "fiefdom": "domain",
        "rot": "decline",
        "loot": "money",
    }
    for word, neutral in authorial.items():
        assert found[word].voice == "authorial", word
        assert found[word].neutral == neutral, word
    assert found["disgraced"].category == "loaded adjective"  # a participle as an adjective, not a verb
    assert found["thief"].voice == "attributed"
    assert found["piggy bank"].voice == "attributed"


@pytest.mark.slow
@pytest.mark.parametrize("text", LITERAL_VERDICT_WORDS)
def test_verdict_words_stay_unflagged_in_literal_uses(
    lens: LanguageLens, segmenter: Segmenter, text: str
) -> None:
    assert _spans(lens, segmenter, text) == []


@pytest.mark.slow
def test_disaster_tabloid_intensifiers_count_before_a_noun_only(
    lens: LanguageLens, segmenter: Segmenter
) -> None:
    text = (
        "A hellish inferno tore across Grelby Ridge, and terrified families ran as the monster blaze "
        "spread toward Ostvik after the horror quake."
    )
    found = _by_text(_spans(lens, segmenter, text))
    for word in ("hellish", "terrified", "monster", "horror"):
        assert found[word].voice == "authorial", word
    assert found["monster"].neutral == "large"
    plain = "Residents of Ostvik said they were terrified when the ground shook."
    assert "terrified" not in _by_text(_spans(lens, segmenter, plain))


@pytest.mark.slow
def test_title_spans_point_into_the_title_and_quoted_headline_words_are_someones(
    lens: LanguageLens, pipeline: Pipeline
) -> None:
    title = "GREEDY MAYOR VARRO CAGED: 'Witch hunt', wails disgraced ex-mayor's lawyer"
    body = "Ansel Varro, the former mayor of Valmora, was sentenced to six years in prison on Monday."
    (source,) = pipeline.sources([Article(id="t1", text=body, title=title, outlet="Valmora Blaze")])
    spans = lens.title_spans(source)
    for s in spans:
        assert title[s.start : s.end] == s.text  # offsets into the title, its own capitals kept
    found = {s.text: s for s in spans}
    assert found["GREEDY"].voice == "authorial"
    assert found["CAGED"].neutral == "jailed"
    assert found["disgraced"].category == "loaded adjective"
    assert found["Witch hunt"].voice == "attributed"  # a headline's quotation marks quote someone
    # the title is not part of the text the story's findings point into
    story_spans = lens(Story(sources=(source,)), QuoteFindings()).spans
    assert all(source.text[s.start : s.end] == s.text for s in story_spans)
    (untitled,) = pipeline.sources([Article(id="t2", text=body, outlet="Wire")])
    assert lens.title_spans(untitled) == []
    # several titles at once (what the pipeline asks for the report): the same spans, untitled ones left out
    assert lens.titles([source, untitled]) == {source.id: tuple(spans)}


def test_headline_case_keeps_offsets_and_acronyms() -> None:
    from newsprism.lenses.language import headline_case

    shouted = "CROOKED MAYOR'S VILLA SEIZED: police act"
    assert headline_case(shouted) == "crooked mayor's villa seized: police act"
    assert headline_case("NATO chief meets EU envoys") == "NATO chief meets EU envoys"


@pytest.mark.slow
def test_attributed_spans_name_who_is_quoted(pipeline: Pipeline, tmp_path: Path) -> None:
    from rich.console import Console

    from newsprism.lenses.language_cli import language_of_files, print_language

    path = tmp_path / "council.txt"
    path.write_text(
        "Title: CROOKED MAYOR CAGED\n\n"
        "The council met on Monday. “The port deal is a sham and a disgrace,” said councillor Petra Holm.\n"
        "The corrupt mayor left early.",
        encoding="utf-8",
    )
    (item,), _ = language_of_files([str(path)], pipeline)
    by_text = {s.text: who for s, who in zip(item.spans, item.quoted, strict=True)}
    assert "Petra Holm" in by_text["sham"] and ", q" in by_text["sham"]
    assert by_text["corrupt"] == ""  # the outlet's own word names nobody
    ids = {s.text: who for s, who in zip(item.spans, item.quoted_by, strict=True)}
    assert ids["sham"].name == "Petra Holm" and ids["sham"].quote and ids["sham"].speaker
    assert ids["sham"].label == by_text["sham"]
    assert {s.text for s in item.title_spans} >= {"CROOKED", "CAGED"}
    console = Console(record=True, width=120, color_system=None)
    print_language([item], console)
    shown = console.export_text()
    assert "title: CROOKED" in shown and "attributed (" in shown and "Petra Holm" in shown


def test_quote_of_span_is_optional() -> None:
    from newsprism.lenses.language import quote_of_span
    from newsprism.model import Quote

    span = LanguageSpan("s1", 10, 14, "sham", "attributed", "loaded adjective", 0.8)
    quote = Quote("q3", "s1", "p1", "direct", 0, 30, "“The deal is a sham,” she said")
    other = Quote("q4", "s2", "p2", "direct", 0, 30, "“The deal is a sham,” he said.")
    assert quote_of_span(span, QuoteFindings(quotes=(other, quote))) == quote
    assert quote_of_span(span, QuoteFindings()) is None
    own = dataclasses.replace(span, voice="authorial")
    assert quote_of_span(own, QuoteFindings(quotes=(quote,))) is None


# A fictional council election told by a wire: the verbs of a concession and of a statement are its
# ordinary verbs, not its own voice.
WIRE_CONCESSION = (
    "Mayor Ilse Dorrow conceded defeat shortly before midnight. “The town has chosen, and I wish my "
    "successor well,” Dorrow conceded in a brief statement outside the town hall.\n"
    "Her deputy, Aart Minne, insisted the party would be back. “We lost a vote, not the argument,” Minne "
    "insisted.\n"
    "Dorrow, who conceded the race after the last ward declared, will leave office on Friday."
)
ORDINARY_CONCESSIONS = (
    "The visitors conceded a late goal and lost 2-1.",
    "The finance minister conceded the point but said the levy would stay.",
    "Outgoing councillor Pim Orlo conceded the election on Sunday night.",
    "The driver admitted the charges and was fined 400 crowns.",
    "The clerk confessed to the theft on Monday.",
    "Orlo was forced to admit defeat after the recount.",
    "What the harbour board needs is a chair who admits what the board cannot afford.",
)


@pytest.mark.slow
def test_concession_verbs_with_an_object_and_insisted_are_ordinary(
    lens: LanguageLens, segmenter: Segmenter
) -> None:
    spans = _spans(lens, segmenter, WIRE_CONCESSION)
    # only the concession that introduces the statement is a loaded way of saying; "insisted" never is
    assert [(s.text, s.voice, s.neutral) for s in spans] == [("conceded", "authorial", "said")]
    assert WIRE_CONCESSION[spans[0].start - 7 : spans[0].end] == "Dorrow conceded"


@pytest.mark.slow
@pytest.mark.parametrize("text", ORDINARY_CONCESSIONS)
def test_owning_up_verbs_with_an_object_of_their_own_stay_unflagged(
    lens: LanguageLens, segmenter: Segmenter, text: str
) -> None:
    assert _spans(lens, segmenter, text) == []


@pytest.mark.slow
def test_owning_up_verbs_introducing_speech_are_loaded(lens: LanguageLens, segmenter: Segmenter) -> None:
    for text, word in (
        ("She conceded that the ferry timetable had been too ambitious.", "conceded"),
        ("“I got the figures wrong,” the treasurer admitted.", "admitted"),
        ("The harbour master admitted he had not read the report.", "admitted"),
    ):
        assert _by_text(_spans(lens, segmenter, text))[word].neutral == "said", text


@pytest.mark.slow
def test_woke_is_a_label_only_as_an_adjective(lens: LanguageLens, segmenter: Segmenter) -> None:
    for text in (
        "The valley finally woke up to years of neglect.",
        "Residents woke to the sound of sirens on Tuesday.",
        "She woke at dawn and drove to the polling station.",
    ):
        assert "woke" not in _by_text(_spans(lens, segmenter, text)), text
    found = _by_text(_spans(lens, segmenter, "The council's woke agenda cost taxpayers millions."))
    assert found["woke"].category == "loaded adjective"


@pytest.mark.slow
def test_damage_in_a_participle_clause_of_a_force_is_plain(lens: LanguageLens, segmenter: Segmenter) -> None:
    for text in (
        "A fire tore through the Brenholt sawmill early on Friday, destroying the drying shed and the "
        "main workshop.",
        "The storm swept across the estuary and destroyed the old ferry pier.",
        "An explosion ripped through the depot overnight, destroying three lorries.",
    ):
        found = _by_text(_spans(lens, segmenter, text))
        assert not {"destroying", "destroyed", "ripped", "tore"} & set(found), text
    # a person's act told the same way still dramatises it
    found = _by_text(_spans(lens, segmenter, "The treasurer resigned on Monday, destroying the coalition."))
    assert found["destroying"].neutral == "damaging"


# A fictional tabloid's own voice about a council election, a rival's quote inside it, and a column's verdict.
TABLOID_ELECTION = (
    "Mayor Ilse Dorrow's smug allies and their clueless advisers were sent packing after four wasted years "
    "at the town hall.\n"
    "Her bitter deputy Aart Minne skulked off to a gloomy wake at the bowls club.\n"
    "The old guard splurged millions on vanity projects, and now they get the defeat they so richly "
    "deserve.\n"
    "“The count was a stitch-up run by a biased press,” Minne told reporters."
)
COLUMN_VERDICT = "Its councillors grew lazy, and its leaflets grew longer."
# The same words in uses that judge nobody.
LITERAL_ELECTION_WORDS = (
    "Under the old system, thousands of votes were wasted in safe seats.",
    "Tonnes of food are wasted every week, the study found.",
    "A bitter wind blew across the harbour all afternoon.",
    "Forecasters expect gloomy weather for the weekend.",
    "The bank gave a gloomy outlook for exports.",
    "The pollster warned that the survey drew on a biased sample of older voters.",
    "A lazy river winds through the valley below the dam.",
    "We spent a lazy Sunday on the beach.",
)


@pytest.mark.slow
def test_tabloid_election_words_are_found_in_their_loaded_uses(
    lens: LanguageLens, segmenter: Segmenter
) -> None:
    found = _by_text(_spans(lens, segmenter, TABLOID_ELECTION))
    authorial = {
        "smug": None,
        "clueless": None,
        "wasted": None,
        "bitter": None,
        "gloomy": None,
        "splurged": "spent",
        "vanity projects": "prestige projects",
        "richly deserve": None,
    }
    for word, neutral in authorial.items():
        assert found[word].voice == "authorial", word
        assert found[word].neutral == neutral, word
    assert found["wasted"].category == "loaded adjective"  # a participle before a noun
    for word in ("stitch-up", "biased"):
        assert found[word].voice == "attributed", word
    lazy = _by_text(_spans(lens, segmenter, COLUMN_VERDICT))
    assert lazy["lazy"].voice == "authorial"


@pytest.mark.slow
@pytest.mark.parametrize("text", LITERAL_ELECTION_WORDS)
def test_election_words_stay_unflagged_in_literal_uses(
    lens: LanguageLens, segmenter: Segmenter, text: str
) -> None:
    assert _spans(lens, segmenter, text) == []


@pytest.mark.slow
def test_time_or_money_wasted_is_loaded(lens: LanguageLens, segmenter: Segmenter) -> None:
    for text in ("The council wasted two years on the ferry study.", "Millions were wasted on the tunnel."):
        assert _by_text(_spans(lens, segmenter, text))["wasted"].neutral == "spent", text


@pytest.mark.slow
def test_language_json_carries_who_is_quoted_and_the_titles_words(pipeline: Pipeline, tmp_path: Path) -> None:
    from newsprism.lenses.language_cli import QuotedBy, language_json, language_of_files

    path = tmp_path / "ferry.txt"
    path.write_text(
        "Title: 'Rigged count', wails bitter ex-mayor as smug rivals celebrate\n\n"
        "The recount ended on Monday. “The count was a stitch-up,” said former mayor Ilse Dorrow.\n"
        "Her clueless advisers left early.",
        encoding="utf-8",
    )
    items, _ = language_of_files([str(path)], pipeline)
    (item,) = items
    sources = [{"id": item.source, "title": item.title, "text": item.text}]
    data = language_json(items, sources)
    assert list(data) == ["schema", "sources", "language", "title_language", "skipped"]
    rows = {r["text"]: r for r in data["language"]}  # type: ignore[attr-defined]
    assert rows["stitch-up"]["speaker_name"] == "Ilse Dorrow"
    assert str(rows["stitch-up"]["quote"]).startswith("q") and str(rows["stitch-up"]["speaker"]).startswith(
        "p"
    )
    assert rows["clueless"]["voice"] == "authorial" and rows["clueless"]["quote"] is None
    titles = {r["text"]: r for r in data["title_language"]}  # type: ignore[attr-defined]
    for r in titles.values():
        assert item.title[r["start"] : r["end"]] == r["text"]
        assert r["quote"] is None and r["speaker"] is None  # a title's quotes are not the story's
    assert titles["smug"]["voice"] == "authorial"
    assert titles["bitter"]["voice"] == "authorial"  # of an "ex-mayor", split by the parser
    assert titles["Rigged"]["voice"] == "attributed"  # a headline's quotation marks quote someone
    assert QuotedBy(quote="q2", name="Ilse Dorrow").label == "Ilse Dorrow, q2" and QuotedBy().label == ""


# A fictional tabloid's own voice about job cuts, a union leader's and a worker's quotes inside it.
TABLOID_LAYOFFS = (
    "Callous bosses at pump maker Orlen Vask will throw 900 staff on the scrapheap in a jobs bloodbath.\n"
    "A third of the workers will be shown the door, yet the firm raked in a profit of €31 million.\n"
    "Chief executive Ada Brenn had the gall to call the cuts “painful decisions”.\n"
    "The heartless move left City slickers unimpressed.\n"
    "“Greedy bosses have bled this town dry,” union leader Tom Hale said.\n"
    "Welder Jan Ruud said: “We gave them everything and they treat us like dirt.”"
)
# The same words in uses that judge nobody.
LITERAL_LAYOFF_WORDS = (
    "The cuts kick in next year, the company said.",
    "The festival kicks off on Friday.",
    "The old boiler was thrown on the scrapheap.",
    "Under the microscope the mould looked like dirt.",
    "The wound bled for an hour.",
    "The gardener raked the leaves into a pile.",
    "“These are painful decisions, but they are necessary,” chief executive Ada Brenn said.",
    "The board said the cuts were painful.",
)


@pytest.mark.slow
def test_tabloid_layoff_words_are_found_in_their_loaded_uses(
    lens: LanguageLens, segmenter: Segmenter
) -> None:
    found = _by_text(_spans(lens, segmenter, TABLOID_LAYOFFS))
    authorial = {
        "callous": None,
        "scrapheap": None,
        "bloodbath": None,
        "shown the door": "dismissed",
        "raked": "earned",
        "had the gall": None,
        "heartless": None,
        "city slickers": "financiers",
    }
    for word, neutral in authorial.items():
        assert found[word].voice == "authorial", word
        assert found[word].neutral == neutral, word
    for word in ("greedy", "bled", "like dirt"):
        assert found[word].voice == "attributed", word
    assert found["bled"].neutral == "drained"
    assert "painful" not in found  # the chief executive's own word for her decision


@pytest.mark.slow
@pytest.mark.parametrize("text", LITERAL_LAYOFF_WORDS)
def test_layoff_words_in_literal_uses_are_plain(lens: LanguageLens, segmenter: Segmenter, text: str) -> None:
    assert _spans(lens, segmenter, text) == []


@pytest.mark.slow
def test_painful_still_judges_what_is_not_a_decision(lens: LanguageLens, segmenter: Segmenter) -> None:
    found = _by_text(_spans(lens, segmenter, "The senator's speech was painful to watch."))
    assert found["painful"].voice == "authorial"


@pytest.mark.slow
def test_a_strike_tabloids_words_are_found(lens: LanguageLens, segmenter: Segmenter) -> None:
    text = (
        "The health minister dithered for weeks as wards emptied.\n"
        "Union bosses ordered another walkout on Friday.\n"
        "“We were promised a decent raise,” one nurse sobbed outside the hospital."
    )
    found = _by_text(_spans(lens, segmenter, text))
    assert (found["dithered"].voice, found["dithered"].neutral) == ("authorial", "delayed")
    assert found["union bosses"].neutral == "union leaders"
    assert (found["sobbed"].category, found["sobbed"].neutral) == ("loaded attribution verb", "said")
