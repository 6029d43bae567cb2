"""Contradictions lens on fictional four-outlet fixtures: exactly the real conflicts are flagged."""

from __future__ import annotations

import dataclasses
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from newsprism.lenses.contradictions import ContradictionLens, compare_views, view_of
from newsprism.lenses.quantities import extract_quantities
from newsprism.model import Article, Claim, Contradiction, Passage, Source, Story

if TYPE_CHECKING:
    from newsprism.segment import Segmenter

pytestmark = pytest.mark.slow
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "contradictions"
# outlet, file, publication date: the local paper comes out two days later and still says "on Friday"
OUTLETS = [
    ("Wire", "wire", "2026-03-14"),
    ("Daily Blare", "tabloid", "2026-03-14"),
    ("Partisan Post", "partisan", "2026-03-14"),
    ("Valley Courier", "local", "2026-03-16"),
]
# claim id -> (source id, paragraph) for every sentence of that claim
CLAIMS = {
    "c1": [("s1", 0), ("s2", 0), ("s3", 0), ("s4", 0)],  # the death toll, the day and the town
    "c2": [("s1", 1), ("s2", 1), ("s3", 1), ("s4", 1)],  # about / some / nearly / roughly 300 evacuated
    "c3": [("s1", 2), ("s2", 2), ("s4", 2)],  # 60% and three-fifths of the old quarter; 15% of the province
    "c4": [("s1", 3), ("s2", 3), ("s3", 2)],  # the governor ordered / did not order the road closed
}


@pytest.fixture(scope="module")
def sources(segmenter: Segmenter) -> list[Source]:
    items = []
    for i, (outlet, name, published) in enumerate(OUTLETS, start=1):
        text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
        items.append((Article(id=name, text=text, outlet=outlet, published=published), f"s{i}"))
    return segmenter.pipe(items)


def story_of(sources: list[Source], claims: dict[str, list[tuple[str, int]]]) -> Story:
    by_id = {s.id: s for s in sources}
    built = []
    for cid, members in claims.items():
        passages = tuple(
            Passage(sid, s.start, s.end, s.text) for sid, para in members for s in by_id[sid].sentences
            if s.paragraph == para
        )  # fmt: skip
        ids = tuple(sorted({p.source for p in passages}))
        built.append(Claim(cid, "consensus" if len(ids) == len(sources) else "partial", ids, passages))
    return Story(sources=tuple(sources), claims=tuple(built))


def by_kind(found: tuple[Contradiction, ...]) -> dict[str, list[Contradiction]]:
    out: dict[str, list[Contradiction]] = {}
    for c in found:
        out.setdefault(c.kind, []).append(c)
    return out


def test_exactly_the_real_conflicts(sources: list[Source]) -> None:
    found = ContradictionLens()(story_of(sources, CLAIMS))
    kinds = by_kind(found)
    assert sorted(kinds) == ["date", "entity", "negation", "number"]
    assert all(len(v) == 1 for v in kinds.values()), found

    number = kinds["number"][0]
    assert number.claims == ("c1",)
    assert {(v.source, v.text) for v in number.values} == {
        ("s1", "12 people"), ("s2", "15 people"), ("s3", "12 people"), ("s4", "about 12 people"),
    }  # fmt: skip
    assert number.explanation.startswith("Daily Blare ('15 people') disagrees with")

    date = kinds["date"][0]
    assert date.claims == ("c1",)
    assert "Partisan Post ('Thursday' (2026-03-12))" in date.explanation
    # the local paper's "on Friday", printed on Monday, is the same Friday as everyone else's
    assert ("s4", "Friday") in {(v.source, v.text) for v in date.values}
    assert "Valley Courier ('Friday' (2026-03-13))" in date.explanation

    entity = kinds["entity"][0]
    assert "Valley Courier ('Montevar')" in entity.explanation
    assert entity.claims == ("c1",)

    negation = kinds["negation"][0]
    assert negation.claims == ("c4",)
    assert {v.source for v in negation.values} == {"s1", "s2", "s3"}


def test_agreeing_wordings_and_different_wholes_are_quiet(sources: list[Source]) -> None:
    only = {k: v for k, v in CLAIMS.items() if k in ("c2", "c3")}
    assert ContradictionLens()(story_of(sources, only)) == ()


def test_values_point_into_the_source_text(sources: list[Source]) -> None:
    texts = {s.id: s.text for s in sources}
    for c in ContradictionLens()(story_of(sources, CLAIMS)):
        assert c.explanation and "\n" not in c.explanation
        for v in c.values:
            assert texts[v.source][v.start : v.end] == v.text


def test_conflict_across_claim_groups(sources: list[Source]) -> None:
    """Alignment may split the tabloid's toll into its own group; the lens still compares them."""
    split = dict(CLAIMS)
    split["c1"] = [m for m in CLAIMS["c1"] if m[0] != "s2"]
    split["c5"] = [("s2", 0)]
    numbers = by_kind(ContradictionLens()(story_of(sources, split)))["number"]
    assert len(numbers) == 1
    assert numbers[0].claims == ("c1", "c5")


def test_deterministic(sources: list[Source]) -> None:
    story = story_of(sources, CLAIMS)
    assert ContradictionLens()(story) == ContradictionLens()(story)


def test_no_claims_no_findings(sources: list[Source]) -> None:
    assert ContradictionLens()(Story(sources=tuple(sources))) == ()


def test_article_without_date_compares_weekdays_by_name(sources: list[Source]) -> None:
    undated = [dataclasses.replace(s, article=dataclasses.replace(s.article, published=None))
               for s in sources]  # fmt: skip
    dates = by_kind(ContradictionLens()(story_of(undated, CLAIMS)))["date"]
    assert len(dates) == 1 and "Partisan Post ('Thursday')" in dates[0].explanation


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        ("Rebels hold 60% of Donetsk, officials said.", "Rebels hold 15% of Ukraine, officials said.", []),
        (  # the small NER tags an unknown town next to a weekday as DATE; "the city of" makes it a place
            "Shelling of the city of Zarek on Friday killed 23 people.",
            "Shelling of the city of Velsk on Friday killed 23 people.",
            ["entity"],
        ),
        ("The decree annexes four regions.", "The decree annexes the four territories.", []),
        ("Between 10 and 20 people died in the fire.", "Fifteen people died in the fire.", []),
        ("The quake killed 43 servicemen.", "The quake killed 30 servicemen.", ["number"]),
        ("The summit opened in Lisbon on Monday.", "The summit opened in Porto on Monday.", ["entity"]),
        ("The minister approved the plan.", "The minister did not approve the plan.", ["negation"]),
        ("Exports rose sharply in May.", "Exports fell sharply in May.", ["negation"]),
        ("The vote was held on June 10.", "The vote was held on June 14.", ["date"]),
        ("Officials said the talks failed.", "Police said the talks failed.", []),
        # a reporting date and an event date, each the only date of its sentence, date the same fact
        (
            "The governor announced on Monday that the bridge will close.",
            "The governor on Thursday closed the bridge.",
            ["date"],
        ),
        # several figures disagreeing at once: another moment's reading, not one disputed fact
        (
            "Acme shares lost 77 cents, or 14 percent, to close at $4.72.",
            "Acme shares lost 73 cents, or 13 percent, to $4.76.",
            [],
        ),
        ("Acme shares fell 77 cents in morning trading.", "Acme shares fell 40 cents.", []),
        (
            "The report was confirmed, four officials familiar with it said.",
            "The report was confirmed, three officials familiar with it said.",
            [],
        ),
        ("Stone was sentenced to three years and four months.", "Stone was sentenced to 40 months.", []),
        (
            "Neither the army nor the police can solve the crisis.",
            "Neither the army nor the police would solve the crisis.",
            [],
        ),
        (
            "The men were smuggled into Blaine from Canada.",
            "The men were smuggled into the United States from Canada.",
            [],
        ),
        # "didn't just win" says more than "won", not the opposite
        (
            "Senator Ilse Varga didn't just win the Dorne primary.",
            "Senator Ilse Varga has won the Dorne primary.",
            [],
        ),
        ("Ministers did not just approve the budget.", "Ministers approved the budget.", []),
        # a part and its whole are not a swap
        (
            "Former senator Ada Lorne, who represented Vestria in the US Senate for three decades, has died.",
            "Ada Lorne, who served in Congress for five terms and shaped farm policy, has died.",
            [],
        ),
        (
            "The new variant doubles the risk of hospital admission in Britain, a study by Dunmore University"
            " found on Monday.",
            "A study of 20,000 infections across Scotland has shown the new variant doubles the risk of"
            " hospital admission.",
            [],
        ),
        # where something was said (a platform the small NER calls a person) is not who took part
        (
            "Mayor Tomas Brenner will decide this week whether to open an inquiry into the flood,"
            " his spokesman Piet Aalders said on Twitter on Tuesday.",
            "Mayor Tomas Brenner plans to announce this week whether he will open an inquiry into the flood,"
            " weeks after councillors blocked a joint probe under pressure from Governor Anna Kessel.",
            [],
        ),
        # one act in other words: a speech verb, a light verb with its object, a movement
        (
            "The harbour master told reporters the port would reopen on Friday.",
            "The harbour master did not say the port would reopen on Friday.",
            ["negation"],
        ),
        (
            "The court spokesman did not say whether the ruling would be appealed.",
            "The court spokesman said the ruling would be appealed.",
            [],
        ),
        (
            "Travellers can end quarantine after five days if they test negative and report no symptoms.",
            "The new rules say travellers can end quarantine after five days.",
            [],
        ),
        (
            "Tickets for the Lumen festival went on sale last night.",
            "Tickets for the Lumen festival did not go on sale last night.",
            ["negation"],
        ),
        (
            "Tickets for the Lumen festival went on sale last night.",
            "Tickets for the Lumen festival did not go to the organisers.",
            [],
        ),
        (
            "Shares of Orvane jumped after the report.",
            "Shares of Orvane did not gain after the report.",
            ["negation"],
        ),
        ("Shares of Orvane jumped on Monday.", "Shares of Orvane slid on Monday.", ["negation"]),
        ("Shares of Orvane jumped after the report.", "Shares of Orvane surged after the report.", []),
        # a name in apposition fills its noun's slot; one family name with two given names is two people
        (
            "The ferry captain, Tomas Reyk, was rescued by fishermen.",
            "The ferry captain, Jonas Berg, was rescued by fishermen.",
            ["entity"],
        ),
        (
            "Captain Tomas Reyk was rescued by fishermen.",
            "Captain Anders Reyk was rescued by fishermen.",
            ["entity"],
        ),
        ("Senator Ilse Varga voted against the bill.", "Sen. Varga voted against the bill.", []),
        ("Bill Dorne signed the order.", "William Dorne signed the order.", []),
        ("The ferry sailed from Greenwich Village.", "The ferry sailed from West Village.", []),
        # an offset from a date the sentence gives is a date too
        (
            "The ceasefire began on March 3, 2026, and collapsed a week later.",
            "The ceasefire collapsed on March 14, 2026.",
            ["date"],
        ),
        (
            "The ceasefire began on March 3, 2026, and collapsed a week later.",
            "The ceasefire collapsed on March 10, 2026.",
            [],
        ),
        # two counts of one noun with different fates: the injured and everyone on board
        (
            "Fourteen passengers were injured when the morning train hit fallen rock.",
            "The morning train was carrying 212 passengers when it hit fallen rock.",
            [],
        ),
        ("The blast killed three workers at the plant.", "The blast injured 14 workers at the plant.", []),
        (
            "The blast injured 16 workers at the plant.",
            "Fourteen workers were injured at the plant.",
            ["number"],
        ),
        (
            "The line will stay closed for at least nine days.",
            "The line will stay closed for at least ten days.",
            ["number"],
        ),
        # scores and tallies, however worded; a score on the way is not the result
        (
            "The Harriers beat the Rovers 31-20 on Saturday.",
            "The Rovers lost 30-21 to the Harriers on Saturday.",
            ["number"],
        ),
        (
            "The bill passed the assembly by 31 votes to 20.",
            "The assembly passed the bill 30-21.",
            ["number"],
        ),
        ("The Harriers won 31-20.", "The Rovers lost 31-20 to the Harriers.", []),
        ("The Harriers led 14-10 at half-time.", "The Harriers won 31-20.", []),
        ("The tax rate rises to 5%.", "The rate will go up to 15 percent.", ["number"]),
        # one date written twice is one disagreement
        ("The count was completed on Monday, March 9.", "The count ended on Tuesday, March 10.", ["date"]),
        (
            "The party won 31 of the 51 seats on Sunday.",
            "The party won 30 seats to the League's 21 on Sunday.",
            ["number"],
        ),
        # the one unexplained count on each side, of one thing in other words
        (
            "The office said it had 14 reports of overheating and two reports of minor burns.",
            "The office said it knew of 16 overheating incidents and two minor burns.",
            ["number"],
        ),
        ("The government will buy 200 million doses this year.", "It has doses for 300 million people.", []),
        # figures of other years, periods or measures are other facts; a non-round figure is as written
        ("Arden expects 2027 revenue of €3.5 billion.", "Arden expects 2026 revenue of €3.30 billion.", []),
        ("Arden's quarterly revenue was €842 million.", "Arden's quarterly net profit was €31 million.", []),
        (
            "Arden's revenue fell 6% from a year earlier.",
            "Arden's revenue rose 2% from the previous quarter.",
            [],
        ),
        (
            "Third-quarter revenue fell to €842 million.",
            "Third-quarter revenue fell to €824 million.",
            ["number"],
        ),
        (
            "Cisco earned $991 million on sales of $4.7 billion.",
            "Cisco earned $991 million on revenue of $9.4 billion.",
            ["number"],
        ),
        ("Spending will rise to $247 billion.", "Spending will rise to $247.7 billion.", []),
        # a price at a stated time of day is a moment's value
        (
            "Shares were up 0.3 percent at 654 pence by 1018 GMT.",
            "Shares were down at 630 pence by 0835 GMT.",
            [],
        ),
        # a name after a person's title is a person's, whatever the tagger says
        (
            "Chief executive Ingrid Vasshaug announced the cuts on Tuesday.",
            "Chief executive Magnus Thorsby announced the cuts on Tuesday.",
            ["entity"],
        ),
        # the injured and those sent to the scene are two counts
        ("Two firefighters suffered burns at the warehouse.", "About 45 firefighters fought the blaze.", []),
        # two readings of a moving market are two moments, and so are the moves that led to them
        (
            "The Brenholm index edged down 28.08 points, or 0.3 percent, at 7,412.85.",
            "The Brenholm index closed down 18.06, or 0.2 per cent, at 7,425.91.",
            [],
        ),
        ("Torvik shares rose 4 percent to $38.28.", "Torvik shares rose almost 4 percent to $38.30.", []),
        (
            "Torvik shares rose 4 percent to $38.28.",
            "Torvik shares rose 11 percent to $38.28.",
            ["number"],
        ),
        ("The krone traded at 10.42 to the euro.", "The krone traded at 16.90 to the euro.", ["number"]),
        # both give the close: one moment, so a close that differs by little is still a disagreement
        (
            "Velmora shares closed at 412.85 on Wednesday, down 6.1 percent.",
            "Velmora shares closed at 421.85 on Wednesday, down 6.1 percent.",
            ["number"],
        ),
        # the year's profit and the quarter's are two figures
        (
            "Net profit rose 11 percent over the year, to EUR 190 million.",
            "Net profit rose 4 percent in the fourth quarter, to EUR 48 million.",
            [],
        ),
        # one toll of the hurt, whatever the outlets call the hurt
        (
            "The fire injured 12 people at the plant.",
            "The fire left 15 workers injured at the plant.",
            ["number"],
        ),
        # a part of a group is not the whole group; both parts are still compared
        (
            "The minister will meet the three unions separately on Monday.",
            "The minister will meet the other two unions separately on Monday.",
            [],
        ),
        (
            "The other 18 people in the building escaped unharmed.",
            "The other four people in the building escaped unharmed.",
            ["number"],
        ),
        # each one's weight is not the weight of all of them
        (
            "When the crew found them, the four calves weighed 136 kilograms combined.",
            "Each calf weighed less than 50 kilograms when the crew found them.",
            [],
        ),
        # the same figure, written as an ordinal, or without its scale or unit
        (
            "The governor said the target would be met on Friday, 58 days into her term.",
            "The governor said her first-100-days target would be met on Friday, the 58th day of her term.",
            [],
        ),
        (
            "The film beat the previous record of $54.9-million.",
            "It beat the previous record of $54.9 set in 2019.",
            [],
        ),
        (
            "The new shipment brings this year's total aid to 100,000 tonnes.",
            "The shipment of 60,000 tonnes brings this year's total to 100,000.",
            [],
        ),
        # figures of two periods: "over the past year" and "in May"; "annually" is "each year"
        (
            "Prices rose 0.9% from May and 5.4% over the past year.",
            "Prices rose 0.9% in June, faster than the 0.6% increase in May.",
            [],
        ),
        ("Members pay a $275 deductible each year.", "Members pay a $250 deductible annually.", ["number"]),
        (
            "The economy added 480,000 jobs last month, the ministry said.",
            "The economy added 1.3 million jobs in June, the ministry said.",
            ["number"],
        ),
        # students alone, and students and staff together, are two counts
        (
            "About 20 students from Lindqvist High staged a walk-out on Tuesday.",
            "The gunman killed 17 students and staff members at the school.",
            [],
        ),
        (
            "A gunman killed eight people and wounded several others at the depot.",
            "A gunman killed three people and then turned the weapon on himself at the depot.",
            ["number"],
        ),
        # "By Tuesday, ..." is a running count; "by Friday ... will" is a deadline
        (
            "By Tuesday, 37.3% of adults in Norvia were fully vaccinated.",
            "In all, 39% of adults in Norvia have been fully vaccinated, the ministry said.",
            [],
        ),
        # a term in office is a period; an average is another measure than one day's figure
        (
            "Reported thefts rose 2.7% last year, the agency says.",
            "Reported thefts have risen nearly 20 percent during the governor's term, the agency says.",
            [],
        ),
        (
            "On Thursday 1.3 million residents were vaccinated, the ministry said.",
            "The ministry said it is vaccinating 1.5 million residents a day on average.",
            [],
        ),
        (
            "On Thursday 1.3 million residents were vaccinated, the ministry said.",
            "On Thursday 2.1 million residents were vaccinated, the ministry said.",
            ["number"],
        ),
        # an effective date or a deadline is not the day of the act; two deadlines are compared, and an
        # act dated after a deadline contradicts it
        (
            "Mayor Lund announced his resignation, effective Friday.",
            "Mayor Lund announced his resignation on Tuesday.",
            [],
        ),
        (
            "The court barred officials from certifying the results before Friday.",
            "The court ruled on Monday that officials must review the ballots.",
            [],
        ),
        (
            "The council must approve the plan by June 3.",
            "The council must approve the plan by June 4.",
            ["date"],
        ),
        (
            "The agency must publish the figures by March 3, 2026.",
            "The agency published the figures on March 9, 2026.",
            ["date"],
        ),
        (
            "The agency must publish the figures by March 9, 2026.",
            "The agency published the figures on March 3, 2026.",
            [],
        ),
        # the total of a part is a figure too
        ("Nine of the 11 judges agreed.", "Nine of the 12 judges agreed.", ["number"]),
        # a figure the sentence says was the first one given, since revised, is another version
        (
            "Port officials initially said 12 people had died in the fire.",
            "Port officials said 15 people had died in the fire.",
            [],
        ),
        (
            "Port officials said 12 people had died in the fire.",
            "Port officials said 15 people had died in the fire.",
            ["number"],
        ),
        # a tabloid's two tolls of one event both differ from the wire's: both are flagged ...
        (
            "The quake killed 23 people and injured 140, the ministry said.",
            "At least 30 people were killed when the quake struck, with more than 200 injured.",
            ["number", "number"],
        ),
        # ... but not a latest toll against an earlier one
        (
            "State radio said at least 70 were dead and over 500 injured.",
            "The latest toll given by officials was 64 dead and over 460 injured.",
            [],
        ),
    ],
)
def test_sentence_pairs(segmenter: Segmenter, a: str, b: str, kinds: list[str]) -> None:
    pair = [(Article(id="a", text=a, outlet="A"), "a"), (Article(id="b", text=b, outlet="B"), "b")]
    sa, sb = segmenter.pipe(pair)
    found = compare_views(view_of(sa, 0, len(a)), view_of(sb, 0, len(b)))
    assert sorted(f.kind for f in found) == kinds, found


def test_a_firm_named_alone_is_no_person(segmenter: Segmenter) -> None:
    """ "Velmora said ..." where the article also names "Velmora Instruments": the firm, not a person, so
    a union official saying the same sentence elsewhere is no name swap."""
    a = (
        "Velmora Instruments halted its Kestrel Bay plant after the fire. Velmora said each of the 600 "
        "workers at the plant will receive EUR 2,000 while production is halted."
    )
    b = "Each of the 600 workers will get EUR 2,000 while the plant is shut - a pittance, Dario Menck said."
    sa, sb = segmenter.pipe(
        [(Article(id="a", text=a, outlet="A"), "a"), (Article(id="b", text=b, outlet="B"), "b")]
    )
    start = a.index("Velmora said")
    assert compare_views(view_of(sa, start, len(a)), view_of(sb, 0, len(b))) == []


def test_pipeline_marks_contested_claims(pipeline: object, sources: list[Source]) -> None:
    from newsprism.pipeline import Pipeline

    assert isinstance(pipeline, Pipeline)
    report = pipeline.analyse([s.article for s in sources])
    contested = {c.id for c in report.claims if c.contested}
    assert report.contradictions, "the fixture's conflicts should survive real alignment"
    assert {cid for c in report.contradictions for cid in c.claims} == contested
    numbers = [c for c in report.contradictions if c.kind == "number"]
    assert numbers and any(v.text == "15 people" for c in numbers for v in c.values)


def test_a_disputed_figure_lists_every_outlet_of_its_claim_group_that_gives_it() -> None:
    from newsprism.lenses.contradictions import _with_agreeing

    wire = Passage("s1", 40, 49, "12 people")
    paper = Passage("s2", 0, 13, "Twelve people")
    tabloid = Passage("s3", 0, 18, "At least 15 people")
    found = Contradiction(("c1", "c2"), "number", (paper, tabloid), "")
    # only the paper was close enough to the tabloid's sentence to be compared; the wire agrees with it
    grown = _with_agreeing(found, {paper: {wire}, wire: {paper}})
    assert grown.values == (wire, paper, tabloid)
    assert _with_agreeing(replace(found, kind="date"), {paper: {wire}}).values == (paper, tabloid)


@pytest.mark.slow
def test_tolls_told_in_unlike_sentences_are_compared_but_not_their_dates(pipeline: object) -> None:
    from newsprism.pipeline import Pipeline

    assert isinstance(pipeline, Pipeline)
    wire = (
        "A rockslide blocked the northern portal of the Vestby rail tunnel on Tuesday morning, derailing two "
        "carriages of a regional passenger train and injuring 14 people, the transport authority said."
    )
    tabloid = (
        "Terrified commuters were left screaming in the dark after a monster rockslide smashed into a packed "
        "train at the notorious Vestby tunnel on Monday, leaving 16 people injured."
    )
    report = pipeline.analyse(
        [
            Article(id="w", text=wire, outlet="Nordlys Press Agency", published="2026-03-10"),
            Article(id="t", text=tabloid, outlet="The Daily Blare", published="2026-03-10"),
        ]
    )
    kinds = sorted(c.kind for c in report.contradictions)
    assert kinds == ["number"], report.contradictions  # 14 / 16 injured; Tuesday / Monday not from this pair
    assert {v.text for v in report.contradictions[0].values} == {"14 people", "16 people"}


def _one_dispute(pipeline: object, texts: dict[str, str], published: str) -> tuple[str, set[tuple[str, str]]]:
    """The story's one disagreement: its kind, and each value with the outlet giving it."""
    from newsprism.pipeline import Pipeline

    assert isinstance(pipeline, Pipeline)
    articles = [
        Article(id=f"a{i}", text=t, outlet=o, published=published) for i, (o, t) in enumerate(texts.items())
    ]
    report = pipeline.analyse(articles)
    (found,) = report.contradictions
    outlets = {s.id: s.outlet for s in report.sources}
    return found.kind, {(outlets[v.source], v.text) for v in found.values}


@pytest.mark.parametrize(
    ("texts", "published", "expected"),
    [
        (  # the bare number the death toll reaches is the toll
            {
                "Kestrel Press": "The death toll from floods in the Corvala valley rose to 43 on Friday.",
                "The Tarne Herald": "The death toll from the Corvala valley floods stands at 38, "
                "officials said.",
            },
            "2026-05-08",
            {("Kestrel Press", "43"), ("The Tarne Herald", "38")},
        ),
        (  # "for four years after she failed a test" is a length, not an offset date
            {
                "Calder Press": "The federation banned Lysa Marquand for four years after she failed a test.",
                "Northport Gazette": "The federation banned Lysa Marquand for two years after she failed "
                "a test.",
            },
            "2026-05-12",
            {("Calder Press", "four years"), ("Northport Gazette", "two years")},
        ),
    ],
    ids=["bare-toll", "ban-length"],
)
def test_a_figure_read_off_its_words_is_compared(
    pipeline: object, texts: dict[str, str], published: str, expected: set[tuple[str, str]]
) -> None:
    kind, values = _one_dispute(pipeline, texts, published)
    assert (kind, values) == ("number", expected)


def test_a_date_in_an_after_clause_dates_another_event(pipeline: object) -> None:
    wire = "The federation on Tuesday banned sprinter Lysa Marquand after she failed a doping test."
    herald = "The federation has banned Lysa Marquand after a sample she gave at the indoor meet on 3 March."
    assert "date" not in _kinds(pipeline, {"Calder Press": wire, "Valmora Herald": herald}, "2026-05-12")


def _kinds(pipeline: object, texts: dict[str, str], published: str | None = "2026-03-11") -> list[str]:
    from newsprism.pipeline import Pipeline

    assert isinstance(pipeline, Pipeline)
    articles = [
        Article(id=f"a{i}", text=t, outlet=o, published=published) for i, (o, t) in enumerate(texts.items())
    ]
    return sorted(c.kind for c in pipeline.analyse(articles).contradictions)


def test_a_datelines_day_is_the_filing_day_not_the_events(pipeline: object) -> None:
    wire = (
        "OSKVIK, Lurevia, March 11 (Kestrel Press) — A passenger train derailed near Oskvik, officials said."
    )
    star = "A passenger train derailed near Oskvik on Tuesday evening, officials said."
    assert _kinds(pipeline, {"Kestrel Press": wire, "Oskvik Evening Star": star}) == []


def test_parts_of_one_group_of_which_different_things_are_said_are_not_one_figure(pipeline: object) -> None:
    texts = {
        "Kestrel Press": "Eleven of the injured were in a serious condition, a hospital spokeswoman said.",
        "Oskvik Evening Star": "Two of the injured died overnight, a hospital spokeswoman said.",
    }
    assert _kinds(pipeline, texts) == []


def test_an_earlier_events_toll_is_not_this_storys(pipeline: object) -> None:
    texts = {
        "Kestrel Press": "It is the worst crash since 2011, when 14 people died in a collision near Calvara.",
        "The Lurevian Chronicle": "Seven people died when the express left the rails outside Oskvik.",
    }
    assert _kinds(pipeline, texts) == []


def test_durations_far_apart_measure_two_things(pipeline: object) -> None:
    texts = {
        "Meridian Wire": "The two countries agreed a ceasefire on Thursday, ending eight months of fighting.",
        "Global Dispatch": "The two countries agreed a ceasefire on Thursday, after talks lasting 11 hours.",
    }
    assert _kinds(pipeline, texts) == []


def test_nurses_at_hospitals_are_not_hurt_and_a_crowd_is_no_total(pipeline: object) -> None:
    union = "More than 30,000 nurses at public hospitals across Ostrevia began a 48-hour strike on Tuesday."
    courier = "Nurses began a 48-hour strike on Tuesday, forcing hospitals to postpone 4,200 operations."
    gate = (
        "Nurses began a 48-hour strike on Tuesday; around 200 nurses gathered at the main gate of St Brannoc."
    )
    assert _kinds(pipeline, {"Nurses' Federation": union, "Kavel Courier": courier}) == []
    assert _kinds(pipeline, {"Nurses' Federation": union, "Kavel Courier": gate}) == []


@pytest.mark.slow
def test_one_vote_told_two_ways_in_unlike_sentences_is_compared(pipeline: object) -> None:
    texts = {
        "Norvik Press Agency": (
            "The Stavring approved the pension reform by 212 votes to 198 after a nine-hour debate, "
            "according to the official tally. The finance committee had backed the bill by 12 votes to 9."
        ),
        "The Kessel Courier": (
            "Workers will wait two more years for their pension after lawmakers passed the bill by 212 votes "
            "to 198, with the Farmers' League supplying the votes the government lacked."
        ),
        "The Daily Blare": (
            "The government succeeded in ramming through its pension overhaul on Tuesday as the Stavring "
            "voted 212 to 189 in favour of the bill."
        ),
    }
    # one disagreement: the committee's 12-9 shares no side with the chamber's vote
    assert _one_dispute(pipeline, texts, "2026-06-10") == (
        "number",
        {
            ("Norvik Press Agency", "212 votes to 198"),
            ("The Kessel Courier", "212 votes to 198"),
            ("The Daily Blare", "212 to 189"),
        },
    )


@pytest.mark.slow
def test_one_committee_vote_with_no_side_in_common_is_compared_by_its_members(pipeline: object) -> None:
    texts = {
        "Calder Press Agency": (
            "The Bank of Kestria raised its key rate to 4.25% on Thursday. The bank's monetary policy "
            "committee voted 7-2 for the increase."
        ),
        "Workers' Tribune": (
            "Households face higher bills again. The bank's rate committee split 6-3 on the move, a sign "
            "that some of its own members doubt the wisdom of it."
        ),
        "Northport Observer": "The decision was taken by a 7-2 vote of the monetary policy committee.",
    }
    # nine members either way: one vote, told two ways
    assert _one_dispute(pipeline, texts, "2025-07-10") == (
        "number",
        {("Calder Press Agency", "7-2"), ("Workers' Tribune", "6-3"), ("Northport Observer", "7-2")},
    )


@pytest.mark.slow
def test_one_loss_told_two_ways_in_unlike_sentences_is_compared(pipeline: object) -> None:
    texts = {
        "Estmark Press Agency": (
            "A jury convicted Arvid Tollmann of fraud on Thursday. Prosecutors said customers lost about "
            "$1.2 billion when Lumera Lend froze withdrawals and filed for insolvency in March."
        ),
        "KVT 7 News": (
            "The founder of Lumera Lend was found guilty on Thursday. Prosecutors say customers of the "
            "crypto-lending company lost $2.1 billion when it collapsed last year."
        ),
        "The Korvala Ledger": (
            "Tollmann's lawyers said he would appeal. The firm's assets are worth about $300 million, "
            "administrators said."
        ),
    }
    # one disagreement: the assets are another sum, told of something else
    assert _one_dispute(pipeline, texts, "2031-05-02") == (
        "number",
        {("Estmark Press Agency", "about $1.2 billion"), ("KVT 7 News", "$2.1 billion")},
    )


@pytest.mark.slow
def test_one_burnt_area_told_by_the_same_day_in_unlike_sentences_is_compared(pipeline: object) -> None:
    texts = {
        "Pinecrest Wire": (
            "A wildfire that broke out on Tuesday afternoon on Grelby Ridge had burned 8,400 acres by "
            "Wednesday morning, forcing 3,500 residents to evacuate, county officials said."
        ),
        "Halvern Valley Herald": (
            "Some 3,500 people were ordered out of Ostvik on Tuesday night. By Wednesday the fire had burned "
            "4,800 acres, the Herald was told."
        ),
        "Coldwater Public Radio": (
            "The fire has burned about 8,400 acres since it started on Tuesday afternoon, and crews had it "
            "10 percent contained on Wednesday morning."
        ),
    }
    # "By Wednesday" is a moment's reading, and the others give theirs on Wednesday too
    kind, values = _one_dispute(pipeline, texts, "2026-08-19")
    assert kind == "number"
    assert ("Halvern Valley Herald", "4,800 acres") in values
    assert {o for o, v in values if "8,400" in v} == {"Pinecrest Wire", "Coldwater Public Radio"}


@pytest.mark.slow
def test_one_quake_magnitude_told_in_unlike_sentences_is_compared(pipeline: object) -> None:
    texts = {
        "Veldoria Public Radio": (
            "An earthquake has struck the Tarsk Highlands. The Halden Institute of Seismology put the "
            "preliminary magnitude at 6.1."
        ),
        "Tarsk Valley Herald": (
            "Brenmoor is counting its dead. The Halden Institute of Seismology measured the quake at "
            "magnitude 6.4, with its centre a few kilometres northeast of the town."
        ),
    }
    assert _one_dispute(pipeline, texts, "2026-10-03") == (
        "number",
        {("Veldoria Public Radio", "6.1"), ("Tarsk Valley Herald", "6.4")},
    )


def test_a_reading_by_a_day_the_other_sentence_does_not_name_is_another_moment() -> None:
    from newsprism.lenses._figures import _other_moments

    class View:
        def __init__(self, text: str) -> None:
            self.text = text
            self.quantities = ()

    late = View("By Wednesday the fire had burned 4,800 acres.")
    assert not _other_moments(late, View("The fire had burned 8,400 acres on Wednesday morning."))  # type: ignore[arg-type]
    assert _other_moments(late, View("The fire had burned 2,000 acres on Tuesday."))  # type: ignore[arg-type]


def test_three_figures_are_told_as_three(sources: list[Source]) -> None:
    from newsprism.lenses._views import Finding
    from newsprism.lenses.contradictions import _group_explanation

    a, b, c, d = (
        Passage(s, 0, 9, t)
        for s, t in (("s1", "14 people"), ("s2", "14 people"), ("s3", "15 people"), ("s4", "16 people"))
    )
    found = [Finding("number", (a, c), ""), Finding("number", (b, d), ""), Finding("number", (c, d), "")]
    outlets = {"s1": "Wire", "s2": "Herald", "s3": "Post", "s4": "Blare"}
    assert _group_explanation(found, outlets) == (
        "the outlets give '14 people' (Wire, Herald); '15 people' (Post); '16 people' (Blare)"
    )
    two = [
        Finding("date", (a, c), "", ("'Tuesday' (2026-03-10)", "'Monday' (2026-03-09)")),
        Finding("date", (b, d), "", ("'Tuesday' (2026-03-10)", "'yesterday' (2026-03-09)")),
    ]
    assert _group_explanation(two, outlets) == (  # a tie: the earlier value's outlets first, together
        "Wire ('Tuesday' (2026-03-10)) and Herald ('Tuesday' (2026-03-10)) disagree with "
        "Post ('Monday' (2026-03-09)), Blare ('yesterday' (2026-03-09))"
    )


def test_a_count_of_what_did_not_happen_is_no_toll(segmenter: Segmenter) -> None:
    from newsprism.lenses.quantities import extract_quantities, outcome

    board = "The district health board said its two hospitals had not yet treated any patients for it."
    cases = "Officials said 37 cases of liver injury had been reported to them since the start of the year."
    (q,) = extract_quantities(board)
    assert "hurt" not in outcome(board, q)  # nothing was treated: the count is of hospitals, not of the hurt
    spared = "Another 12 people not hurt in the crash were taken home."
    assert outcome(spared, extract_quantities(spared)[0]) == set()  # a negation right after the count too
    sa, sb = segmenter.pipe(
        [(Article(id="a", text=board, outlet="A"), "a"), (Article(id="b", text=cases, outlet="B"), "b")]
    )
    assert compare_views(view_of(sa, 0, len(board)), view_of(sb, 0, len(cases))) == []


def test_counts_that_share_only_their_number_word_are_two_facts(segmenter: Segmenter) -> None:
    users = "Around two million Velorians were prescribed Paxolen last year, the insurance fund said."
    board = "The district health board said its two hospitals would review every patient taking Paxolen."
    sa, sb = segmenter.pipe(
        [(Article(id="a", text=users, outlet="A"), "a"), (Article(id="b", text=board, outlet="B"), "b")]
    )
    assert compare_views(view_of(sa, 0, len(users)), view_of(sb, 0, len(board))) == []  # "two" is no noun


def test_figures_of_articles_a_day_apart_are_updates_not_disputes(segmenter: Segmenter) -> None:
    first = "About 2,000 residents were evacuated below the dam, officials said."
    next_day = "About 4,500 residents were evacuated below the dam, officials said."
    pair = [
        (Article(id="a", text=first, outlet="A", published="2026-03-02"), "a"),
        (Article(id="b", text=next_day, outlet="B", published="2026-03-03"), "b"),
        (Article(id="c", text=next_day, outlet="C", published="2026-03-02"), "c"),
    ]
    sa, sb, sc = segmenter.pipe(pair)
    assert compare_views(view_of(sa, 0, len(first)), view_of(sb, 0, len(next_day))) == []
    assert [f.kind for f in compare_views(view_of(sa, 0, len(first)), view_of(sc, 0, len(next_day)))] == [
        "number"
    ]


def test_a_fine_does_not_move_overnight(segmenter: Segmenter) -> None:
    wire = "The judge fined Malvik 2.5 million korun."
    next_day = "The judge fined Malvik 3.5 million korun."
    pair = [
        (Article(id="a", text=wire, outlet="A", published="2026-03-02"), "a"),
        (Article(id="b", text=next_day, outlet="B", published="2026-03-03"), "b"),
    ]
    sa, sb = segmenter.pipe(pair)
    found = compare_views(view_of(sa, 0, len(wire)), view_of(sb, 0, len(next_day)))
    assert [f.kind for f in found] == ["number"]
    assert "'2.5 million korun'" in found[0].explanation


def test_a_relative_date_inside_a_quote_is_not_redated_by_a_reprint(segmenter: Segmenter) -> None:
    quote = '"Today the people got back their dignity," said Dara Kellin.'
    pair = [
        (Article(id="a", text=quote, outlet="A", published="2026-10-06"), "a"),
        (Article(id="b", text=quote, outlet="B", published="2026-10-07"), "b"),
    ]
    sa, sb = segmenter.pipe(pair)
    assert compare_views(view_of(sa, 0, len(quote)), view_of(sb, 0, len(quote))) == []


@pytest.mark.slow
def test_one_temperature_reading_told_in_unlike_sentences_is_compared(pipeline: object) -> None:
    texts = {
        "Brenholt Press": (
            "A heatwave closed schools across the Ardel valley on Monday. Temperatures in Karsby reached "
            "44C, the highest ever recorded in the town."
        ),
        "Ardel Valley Radio": "Schools shut. The thermometer in Karsby peaked at 41C (106F) at noon.",
        "The Orlen Times": "It hit 44 degrees in Karsby, a town record, as schools closed.",
    }
    assert _one_dispute(pipeline, texts, "2026-07-14") == (
        "number",
        {("Brenholt Press", "44C"), ("Ardel Valley Radio", "41C (106F)"), ("The Orlen Times", "44 degrees")},
    )


@pytest.mark.slow
def test_temperatures_of_two_places_or_a_forecast_are_not_one_reading(pipeline: object) -> None:
    texts = {
        "Brenholt Press": "Temperatures in Karsby reached 44C on Monday, the highest ever recorded there.",
        "Ardel Valley Radio": "Temperatures in Velden reached 41C on Monday, the highest in a decade.",
        "The Orlen Times": "Temperatures in Karsby could reach 47C on Wednesday, forecasters said.",
    }
    assert "number" not in _kinds(pipeline, texts, "2026-07-14")


@pytest.mark.slow
def test_one_share_of_one_named_thing_told_in_unlike_sentences_is_compared(pipeline: object) -> None:
    texts = {
        "Selvik Harbour Wire": (
            "Dock workers at the port of Selvik walked out on Monday. Around 2,000 members of the dockers' "
            "union joined the stoppage, which rejected the port authority's offer of a 3% pay rise and is "
            "demanding 8%."
        ),
        "Cargo Weekly": (
            "Cargo piled up at Selvik as dockers struck on Monday. The union said the port authority's offer "
            "of 5% still fell short of inflation."
        ),
        "Selvik Evening News": "Selvik's dockers stopped work. The earlier offer of 2% was withdrawn.",
    }
    # the earlier offer is another offer; the 8% is the union's demand, not the offer
    assert _one_dispute(pipeline, texts, "2026-05-11") == (
        "number",
        {("Selvik Harbour Wire", "3%"), ("Cargo Weekly", "5%")},
    )


@pytest.mark.slow
def test_shares_of_one_kind_on_two_things_are_not_compared(pipeline: object) -> None:
    texts = {
        "Calder Press": "Ostrevia will impose a 25% tariff on steel from May, the trade ministry said.",
        "Northport Observer": "The trade ministry also announced a 10% tariff on aluminium imports.",
    }
    assert "number" not in _kinds(pipeline, texts, "2026-05-11")
    from newsprism.lenses.contradictions import _one_share

    class View:
        def __init__(self, text: str) -> None:
            self.text, self.quantities = text, tuple(extract_quantities(text))

    assert _one_share(View(texts["Calder Press"]), View(texts["Northport Observer"])) is None  # type: ignore[arg-type]
    assert _one_share(View("a 25% tariff on steel"), View("a 10% tariff"))  # type: ignore[arg-type]


def test_a_clock_time_of_another_happening_is_no_reading_of_the_figure() -> None:
    from newsprism.lenses._figures import _snapshot

    assert not _snapshot("About 90,000 homes lost power when a substation failed at 3:10 p.m. on Sunday.")
    assert _snapshot("At 15:10, about 90,000 homes were still without power.")
    assert _snapshot("About 90,000 homes were without power at 15:10, the utility said.")
    assert _snapshot("Shares fell 3% as of 9:33 a.m. after the results.")
    assert not _snapshot("Talks covered the company's offer of 5%, which the union has so far rejected.")
    assert _snapshot("The storm, which has so far killed 12 people, moved north.")


@pytest.mark.slow
def test_a_disputed_count_names_the_outlets_giving_one_side_in_sentences_kept_apart(pipeline: object) -> None:
    texts = {
        "Norvik Press Agency": "A blackout triggered by record heat cut electricity to about 1.2 million "
        "households across the Ostrel region on Tuesday, the grid operator said.",
        "Ostrel FM": "Power is back. About 1.2 million households lost electricity when the grid failed at "
        "2:40 p.m.",
        "The Ostrel Herald": "About 2.1 million households in the Ostrel region lost electricity on Tuesday "
        "afternoon after the grid failed during a heatwave.",
    }
    assert _one_dispute(pipeline, texts, "2026-07-14") == (
        "number",
        {
            ("Norvik Press Agency", "about 1.2 million households"),
            ("Ostrel FM", "About 1.2 million households"),
            ("The Ostrel Herald", "About 2.1 million households"),
        },
    )
