"""Attribution detection on team-written sentences: direct, split, long, indirect and mixed quotes."""

from __future__ import annotations

import pytest

from newsprism.lenses.attribution import find_attributions
from newsprism.lenses.attribution_base import Attribution
from newsprism.lenses.attribution_quotes import quote_spans
from newsprism.model import Article, Source
from newsprism.segment import Segmenter


def test_quote_spans_pairs_curly_and_straight_marks() -> None:
    text = 'She said “we will win” and later "we will not lose".'
    assert [text[s:e] for s, e in quote_spans(text)] == ["“we will win”", '"we will not lose"']


def test_quote_spans_continue_across_paragraphs_that_reopen_the_quote() -> None:
    text = '"First paragraph of the speech.\n\n"Second paragraph," she said.\n\nNo quote here.'
    spans = quote_spans(text)
    assert len(spans) == 1
    assert text[spans[0][0] : spans[0][1]] == '"First paragraph of the speech.\n\n"Second paragraph,"'


def test_quote_spans_close_a_stray_mark_at_the_paragraph_end() -> None:
    text = 'An "unclosed quote runs on\n\nThe next paragraph is the reporter again.'
    spans = quote_spans(text)
    assert [text[s:e] for s, e in spans] == ['"unclosed quote runs on']


def test_quote_spans_pair_single_quotes_but_never_apostrophes() -> None:
    text = (
        "'The ferry will run all winter,' the harbour master said. ‘We are not moving,’ Varga said. "
        "Ruth Lamming said: 'The pier is unsafe.' 'We won't sign it,' said O'Brien. "
        "She called the levy 'a tax on every crate' and left."
    )
    assert [text[s:e] for s, e in quote_spans(text)] == [
        "'The ferry will run all winter,'",
        "‘We are not moving,’",
        "'The pier is unsafe.'",
        "'We won't sign it,'",
        "'a tax on every crate'",
    ]


def test_quote_spans_leave_apostrophes_and_nested_quotes_alone() -> None:
    for text in (
        "Don't ask O'Neill: the dockers' union met in the '90s and played rock 'n' roll.",
        "The skippers' pay rose, the nurses' too, and it's late; let 'em wait, the boss' car said.",
        "Rock ’n’ roll came back in the ’80s, the fishermen’s choir said, and the crews’ band agreed.",
    ):
        assert quote_spans(text) == [], text
    nested = "\"The skipper told me 'never again' after the storm,\" Haldor Vik said."
    assert [nested[s:e] for s, e in quote_spans(nested)] == [nested[: nested.index(" Haldor")]]
    outer = "'He shouted \"stop\" twice,' she said."
    assert [outer[s:e] for s, e in quote_spans(outer)] == ["'He shouted \"stop\" twice,'"]


def test_quote_spans_continue_a_single_quote_into_a_paragraph_that_reopens_it() -> None:
    text = "'We will keep the ferry.\n\n'We will keep the crews,' she said.\n\nThe crews' union agreed."
    assert [text[s:e] for s, e in quote_spans(text)] == [
        "'We will keep the ferry.\n\n'We will keep the crews,'"
    ]


def _parse(segmenter: Segmenter, text: str) -> Source:
    return segmenter(Article("s1", text), "s1")


def _one(atts: list[Attribution], contains: str, text: str) -> Attribution:
    hits = [a for a in atts if any(contains in text[s:e] for s, e in a.pieces)]
    assert len(hits) == 1, [[text[s:e] for s, e in a.pieces] for a in atts]
    return hits[0]


def _speaker(att: Attribution, text: str) -> str | None:
    return text[att.speaker_span[0] : att.speaker_span[1]] if att.speaker_span else None


@pytest.mark.slow
def test_quote_split_by_she_said_is_one_attribution_in_two_pieces(segmenter: Segmenter) -> None:
    text = '"The harbour will reopen," she said, "but not before the storm season ends."'
    atts = find_attributions(_parse(segmenter, text))
    att = _one(atts, "harbour", text)
    assert att.kind == "direct"
    assert [text[s:e] for s, e in att.pieces] == [
        '"The harbour will reopen,"',
        '"but not before the storm season ends."',
    ]
    assert att.cue == "said"
    assert _speaker(att, text) == "she"


@pytest.mark.slow
def test_paragraph_long_quote_with_the_cue_at_its_end(segmenter: Segmenter) -> None:
    text = (
        "Mayor Lena Oduya spoke after the vote.\n\n"
        '"We waited eleven years for this bridge. We asked three governments for it. Two of them said no, '
        'and one of them never answered our letters," Oduya said.\n\nThe bridge opens in May.'
    )
    atts = find_attributions(_parse(segmenter, text))
    att = _one(atts, "eleven years", text)
    assert att.kind == "direct"
    (piece,) = att.pieces
    assert text[piece[0] : piece[1]].startswith('"We waited eleven years')
    assert text[piece[0] : piece[1]].endswith('letters,"')
    assert _speaker(att, text) == "Oduya"


@pytest.mark.slow
def test_indirect_speech_with_a_clause_and_with_an_object(segmenter: Segmenter) -> None:
    text = (
        "The fisheries minister said that the quota would be cut by a third. "
        "Tomas Brandt promised a swift response to the cut."
    )
    atts = find_attributions(_parse(segmenter, text))
    clause = _one(atts, "quota", text)
    assert clause.kind == "indirect"
    assert text[clause.start : clause.end] == "that the quota would be cut by a third"
    assert _speaker(clause, text) == "The fisheries minister"
    obj = _one(atts, "swift response", text)
    assert (obj.kind, obj.cue, _speaker(obj, text)) == ("indirect", "promised", "Tomas Brandt")


@pytest.mark.slow
def test_mixed_quote_and_according_to(segmenter: Segmenter) -> None:
    text = (
        'Union leaders said the new contract was "a betrayal of every dock worker". '
        "According to the port authority, the strike cost four million a day."
    )
    atts = find_attributions(_parse(segmenter, text))
    mixed = _one(atts, "betrayal", text)
    assert mixed.kind == "mixed"
    according = _one(atts, "strike cost", text)
    assert according.cue == "According to"
    assert _speaker(according, text) == "the port authority"


@pytest.mark.slow
def test_cue_inside_a_quote_is_not_the_outlets_attribution(segmenter: Segmenter) -> None:
    text = '"They told us the water was safe to drink," said Ada Lind, a nurse.'
    atts = find_attributions(_parse(segmenter, text))
    assert len(atts) == 1
    assert atts[0].cue == "said"
    assert _speaker(atts[0], text) == "Ada Lind, a nurse"


@pytest.mark.slow
def test_a_speech_verb_inside_reported_speech_is_its_content_not_an_aside(segmenter: Segmenter) -> None:
    text = "The ferry crews' union said it had warned about the pier in an email last winter."
    atts = find_attributions(_parse(segmenter, text))
    outer = _one(atts, "had warned about the pier", text)
    assert (outer.cue, _speaker(outer, text)) == ("said", "The ferry crews' union")
    assert text[outer.start : outer.end] == "it had warned about the pier in an email last winter"
    # "had warned" does not take the sentence around it as what "it" said
    assert not any("union said" in text[s:e] for a in atts for s, e in a.pieces)


@pytest.mark.slow
def test_a_sentence_final_cue_still_reports_the_clause_before_it(segmenter: Segmenter) -> None:
    text = "The pier will stay closed until June, the coastal shipping authority said."
    (att,) = find_attributions(_parse(segmenter, text))
    assert (att.cue, _speaker(att, text)) == ("said", "the coastal shipping authority")
    assert text[att.start : att.end] == "The pier will stay closed until June"


@pytest.mark.slow
def test_beliefs_only_when_asked(segmenter: Segmenter) -> None:
    text = "Most farmers believe that the dam will fail."
    src = _parse(segmenter, text)
    assert find_attributions(src, beliefs=False) == []
    assert [a.cue for a in find_attributions(src, beliefs=True)] == ["believe"]


def test_empty_source_has_no_attributions() -> None:
    assert find_attributions(Source("s1", Article("s1", ""), ())) == []


@pytest.mark.slow
def test_claiming_lives_is_not_saying_anything(segmenter: Segmenter) -> None:
    for text in (
        "The rockslide claimed two lives on Tuesday.",
        "The storm has claimed at least three victims.",
    ):
        assert find_attributions(_parse(segmenter, text)) == []
    said = find_attributions(_parse(segmenter, "Ada Lind claimed that the slope had been checked."))
    assert [a.cue for a in said] == ["claimed"]


@pytest.mark.slow
def test_single_quoted_quotes_are_direct_with_both_marks(segmenter: Segmenter) -> None:
    for text, quote, speaker in (
        ("'The ferry will run all winter,' the harbour master said.", "'The ferry will run all winter,'",
         "the harbour master"),
        ("‘We are not moving the market,’ Inge Varga said.", "‘We are not moving the market,’", "Inge Varga"),
        ("Ruth Lamming said: 'The pier is unsafe and we knew it.'", "'The pier is unsafe and we knew it.'",
         "Ruth Lamming"),
        ("'We can't sign it,' she said.", "'We can't sign it,'", "she"),
    ):  # fmt: skip
        (att,) = find_attributions(_parse(segmenter, text))
        pieces = [text[s:e] for s, e in att.pieces]
        assert (att.kind, pieces, _speaker(att, text)) == ("direct", [quote], speaker)


@pytest.mark.slow
def test_a_cue_verb_in_the_clause_a_final_cue_reports_is_not_a_second_attribution(
    segmenter: Segmenter,
) -> None:
    for text, content, speaker in (
        ("The new terminal will add 400 jobs at the port, the harbour board said.",
         "The new terminal will add 400 jobs at the port", "the harbour board"),
        ("The dredging will show how silted the channel is, the engineers said.",
         "The dredging will show how silted the channel is", "the engineers"),
    ):  # fmt: skip
        atts = find_attributions(_parse(segmenter, text))
        assert [(text[a.start : a.end], _speaker(a, text)) for a in atts] == [(content, speaker)]


@pytest.mark.slow
def test_a_speaker_inside_a_relative_clause(segmenter: Segmenter) -> None:
    for text, content, speaker in (
        ("The council backed a levy that ferry operators said would raise fares by a tenth.",
         "would raise fares by a tenth", "ferry operators"),
        ("The town signed a €12m grant, which engineers said would cover the sea wall.",
         "would cover the sea wall", "engineers"),
        ("The quota falls by 8%, a cut that trawler owners warned would close two harbours.",
         "would close two harbours", "trawler owners"),
    ):  # fmt: skip
        atts = find_attributions(_parse(segmenter, text), beliefs=False)
        assert [(text[a.start : a.end], _speaker(a, text)) for a in atts] == [(content, speaker)]


@pytest.mark.slow
def test_a_relative_cue_whose_noun_the_sentence_goes_on_to_describe_reports_nothing(
    segmenter: Segmenter,
) -> None:
    for text in (
        "Most of the things that she said were false.",
        "The report that officials released on Monday runs to 90 pages.",
    ):
        assert find_attributions(_parse(segmenter, text), beliefs=False) == [], text
    # "would cost $9m" is what the auditor found about the plan, not what the board announced
    text = "The plan that the board announced would cost $9m, the auditor found."
    assert [a.cue for a in find_attributions(_parse(segmenter, text))] == ["found"]


@pytest.mark.slow
def test_a_tabloids_loaded_speech_verbs_introduce_their_own_speakers_quotes(segmenter: Segmenter) -> None:
    text = (
        'Judge Ada Voss read the ruling. "The contract was rigged," the judge said.\n\n'
        'His lawyer Petra Holm wailed outside court: "This was a show trial from the start."\n\n'
        'Rot. Governor Ivo Kranz had whined to the court last month: "I never took a single bribe."'
    )
    atts = find_attributions(_parse(segmenter, text))
    wailed = _one(atts, "show trial", text)
    assert (wailed.cue, _speaker(wailed, text)) == ("wailed", "His lawyer Petra Holm")
    whined = _one(atts, "single bribe", text)
    assert (whined.cue, _speaker(whined, text)) == ("had whined", "Governor Ivo Kranz")


@pytest.mark.slow
def test_a_quote_with_an_unknown_cue_of_its_own_continues_no_earlier_speaker(segmenter: Segmenter) -> None:
    text = (
        '"The harbour will reopen in May," the port director, Elsa Marr, said on Friday.\n\n'
        "Nonsense. The fishermen themselves had squeaked at the meeting last month: "
        '"Nobody has dredged this channel for a decade."\n\n'
        '"And nobody will," Marr said. "Not this year."'
    )
    atts = find_attributions(_parse(segmenter, text))
    own = _one(atts, "dredged this channel", text)
    assert own.cue_span is None and own.inherits is None  # not Marr's: the sentence has a verb of its own
    marr = _one(atts, "nobody will", text)  # a bare quote after a cued one still continues it
    assert [text[s:e] for s, e in marr.pieces] == ['"And nobody will,"', '"Not this year."']


@pytest.mark.slow
def test_said_in_a_statement_that_reports_the_clause(segmenter: Segmenter) -> None:
    text = (
        "The Harbour Watch Council, an independent watchdog, said in a statement that the ruling showed "
        'port courts "can still bite, even the powerful".'
    )
    (att,) = find_attributions(_parse(segmenter, text), beliefs=False)
    assert (att.cue, _speaker(att, text)) == ("said", "The Harbour Watch Council, an independent watchdog")
    assert text[att.start : att.end].startswith("that the ruling showed")


@pytest.mark.slow
def test_the_outlets_own_claim_is_not_an_attribution_and_not_what_insiders_say(segmenter: Segmenter) -> None:
    text = (
        "The Evening Lamp can reveal that police have seized the mayor's villa at Orsk, complete with "
        "a pool paid for, insiders say, with public money."
    )
    src = segmenter(Article("s1", text, outlet="The Evening Lamp"), "s1")
    (att,) = find_attributions(src)
    assert (att.cue, _speaker(att, text)) == ("say", "insiders")
    assert [text[s:e] for s, e in att.pieces] == [
        "police have seized the mayor's villa at Orsk, complete with a pool paid for",
        "with public money",
    ]


@pytest.mark.slow
def test_no_attribution_reports_a_bare_pointer_or_a_relative_pronoun(segmenter: Segmenter) -> None:
    text = (
        "The appeal, which the mayor's team promises within a month, will be the next test. "
        "The court thanks the public for its patience, and reminds the media that the court will not "
        "comment further on the case."
    )
    atts = find_attributions(_parse(segmenter, text), beliefs=False)
    assert [(a.cue, text[a.start : a.end]) for a in atts] == [
        ("reminds", "that the court will not comment further on the case")
    ]


@pytest.mark.slow
def test_an_aside_before_that_is_no_part_of_what_was_said(segmenter: Segmenter) -> None:
    text = (
        "The mayor's allies will say, as his lawyer Petra Holm did on the steps, that this was "
        '"a show trial from the start".'
    )
    (att,) = find_attributions(_parse(segmenter, text), beliefs=False)
    assert text[att.start : att.end] == 'that this was "a show trial from the start"'


@pytest.mark.slow
def test_a_bare_quote_after_someone_else_is_named_continues_no_one(segmenter: Segmenter) -> None:
    text = (
        '"The pier will reopen in May," Elsa Marr said.\n\n'
        "Ivo Kranz answered in a post on Wednesday morning.\n\n"
        '"Marr has promised that pier every spring for six years."'
    )
    atts = find_attributions(_parse(segmenter, text))
    assert _one(atts, "every spring", text).inherits is None


@pytest.mark.slow
def test_a_quote_ending_in_an_exclamation_mark_before_its_cue(segmenter: Segmenter) -> None:
    text = '"Stop lying!" Mr. Dorn wrote. "The harbour is not yours to sell."'
    atts = find_attributions(_parse(segmenter, text))
    att = _one(atts, "Stop lying", text)
    assert (att.cue, _speaker(att, text)) == ("wrote", "Mr. Dorn")


@pytest.mark.slow
def test_a_cue_joined_to_a_reported_clause_is_no_statement_of_its_subject(segmenter: Segmenter) -> None:
    text = "Orlo vowed that his members would not give up and warned of strikes at the yard before Easter."
    atts = find_attributions(_parse(segmenter, text))
    assert [(_speaker(a, text), [text[s:e] for s, e in a.pieces]) for a in atts] == [
        ("Orlo", ["that his members would not give up and warned of strikes at the yard before Easter"]),
        ("Orlo", ["strikes"]),  # the lens shows it as part of the vow: see test_quotes
    ]


@pytest.mark.slow
def test_a_dash_inside_a_word_cuts_no_speaker_phrase(segmenter: Segmenter) -> None:
    text = "The well-known harbour master Ivo Brenn said the quay would reopen."
    att = _one(find_attributions(_parse(segmenter, text)), "quay", text)
    assert _speaker(att, text) == "The well-known harbour master Ivo Brenn"


@pytest.mark.slow
def test_a_name_right_after_a_post_speaks_when_the_parser_hangs_it_elsewhere(segmenter: Segmenter) -> None:
    text = (
        "On the analyst call, chief executive Magnus Thorsby said the company had no plans to sell the site."
    )
    att = _one(find_attributions(_parse(segmenter, text)), "no plans", text)
    assert _speaker(att, text) == "chief executive Magnus Thorsby"


@pytest.mark.slow
def test_what_follows_according_to_with_so_is_the_writers_own(segmenter: Segmenter) -> None:
    text = (
        "Traders had expected 300 to 500 cuts, according to a note from Brisk Capital, "
        "so the figure is no surprise."
    )
    att = _one(find_attributions(_parse(segmenter, text)), "Traders", text)
    assert [text[s:e] for s, e in att.pieces] == ["Traders had expected 300 to 500 cuts"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "She did not explain how a coat of paint would hold up the deck.",
        "The mayor never said the bridge was safe.",
        "Brandt didn't claim that the repairs were finished.",
    ],
)
def test_a_negated_cue_is_marked_as_such(segmenter: Segmenter, sentence: str) -> None:
    text = f"Mayor Ottilie Brandt opened the bridge on Monday. {sentence} She said the toll would stay."
    atts = find_attributions(_parse(segmenter, text))
    assert [a.negated for a in atts] == [True, False]  # PolNeAR counts it; the quotes lens shows none


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Kessler Motors is recalling 12,000 Tarn vans because of a faulty door latch.",
        "The ferry crews' union agreed to a two-year pay deal on Friday.",
        "The two councils agreed on a shared budget and agreed to keep the pier open.",
    ],
)
def test_recalling_goods_and_agreeing_to_a_deal_are_no_statements(segmenter: Segmenter, text: str) -> None:
    atts = find_attributions(_parse(segmenter, text))
    assert [a.cue for a in atts if a.speech] == []
    # agreeing to something is a stance (PolNeAR counts it); recalling goods is no attribution at all
    assert all("recall" not in a.cue for a in atts)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "She must stop dithering and tell the union that the country will not be held to ransom.",
        "The minister should tell the strikers that the offer is final.",
    ],
)
def test_what_a_writer_demands_someone_say_is_not_what_they_said(segmenter: Segmenter, text: str) -> None:
    assert [a.cue for a in find_attributions(_parse(segmenter, text)) if a.speech] == []


@pytest.mark.slow
def test_asking_not_to_be_named_is_no_statement(segmenter: Segmenter) -> None:
    text = (
        "A senior engineer at the substation, who asked not to be named, said the transformer had been "
        "running hot for three days."
    )
    atts = find_attributions(_parse(segmenter, text))
    assert [a.cue for a in atts] == ["said"]


@pytest.mark.slow
def test_recalled_and_agreed_introducing_what_was_said_are_cues(segmenter: Segmenter) -> None:
    text = (
        "Harbour chief Ola Brekk recalled that the pier had flooded twice in one winter. "
        "The minister agreed that the quay must be rebuilt. "
        '"We will sign on Monday," the union agreed.'
    )
    atts = find_attributions(_parse(segmenter, text))
    assert _one(atts, "the pier had flooded twice", text).cue == "recalled"
    assert _one(atts, "the quay must be rebuilt", text).cue == "agreed"
    assert _one(atts, "We will sign on Monday", text).cue == "agreed"


@pytest.mark.slow
@pytest.mark.parametrize(
    "lead",
    [
        "HOLMVIK, Estria, May 2 (Nordic Wire) — ",
        "HOLMVIK, May 2 (Nordic Wire) - ",
        "HOLMVIK, 2 May 2027 - ",
        "HOLMVIK — ",
        "09:40 — ",
        "9:40 a.m. — ",
    ],
)
def test_a_dateline_or_timestamp_is_no_part_of_what_was_said(segmenter: Segmenter, lead: str) -> None:
    text = (
        f"Ice closes the harbour\n\n{lead}Ferries to the islands were cancelled on Friday over pay, the Holm "
        "Ferry Workers' Federation said.\n\n2.50 metres of ice had formed by noon, the office said."
    )
    atts = find_attributions(_parse(segmenter, text))
    got = {text[a.start : a.end] for a in atts if a.speech}
    assert got == {
        "Ferries to the islands were cancelled on Friday over pay",
        "2.50 metres of ice had formed by noon",
    }


@pytest.mark.slow
@pytest.mark.parametrize("stamp", ["18:20 — ", "18:20 ", "6:20 p.m. — "])
def test_a_live_blog_timestamp_is_no_part_of_what_was_said(segmenter: Segmenter, stamp: str) -> None:
    text = (
        "Live: harbour talks\n\n10:05 — Delegations arrived at the customs house.\n\n"
        f"{stamp}Holm and Brisk have agreed a truce, the envoy says.\n\n19:10 — More soon."
    )
    atts = find_attributions(_parse(segmenter, text))
    assert [text[a.start : a.end] for a in atts if a.speech] == ["Holm and Brisk have agreed a truce"]


@pytest.mark.slow
def test_a_time_opening_an_ordinary_article_is_what_was_said(segmenter: Segmenter) -> None:
    text = "Ice closes the harbour\n\n10 a.m. Monday is the last sailing, the harbour office said."
    atts = find_attributions(_parse(segmenter, text))
    assert [text[a.start : a.end] for a in atts] == ["10 a.m. Monday is the last sailing"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Halvard Foods said on Monday it would close two plants.",
        "Halvard Foods said on Tuesday it would close two plants.",
        "Halvard Foods said yesterday it would close two plants.",
        "Halvard Foods said late on Friday it would close two plants.",
        "Halvard Foods said on Monday night it would close two plants.",
        "Halvard Foods said last week it would close two plants.",
        "Halvard Foods said in a statement it would close two plants.",
        "Halvard Foods said in a statement on Monday it would close two plants.",
    ],
)
def test_a_time_or_medium_after_the_cue_is_not_what_was_said(segmenter: Segmenter, text: str) -> None:
    att = _one(find_attributions(_parse(segmenter, text)), "plants", text)
    assert text[att.start : att.end] == "it would close two plants"
    assert _speaker(att, text) == "Halvard Foods"


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "A letter from Okafor reached the council.",
        "The letter reached Okafor on Monday.",
        "A report from the auditor reached the ministry last week.",
    ],
)
def test_a_document_reaching_someone_reports_nothing(segmenter: Segmenter, text: str) -> None:
    assert find_attributions(_parse(segmenter, text)) == []


@pytest.mark.slow
def test_reaching_a_deal_is_still_a_stance(segmenter: Segmenter) -> None:
    text = "The union reached a deal with the ferry operator."
    att = _one(find_attributions(_parse(segmenter, text)), "deal", text)
    assert (text[att.start : att.end], att.speech) == ("a deal", False)
