"""Cutting long texts at paragraph boundaries (pure functions, no model)."""

from __future__ import annotations

from newsprism.segment._chunks import chunks, paragraph_breaks


def test_short_text_is_one_chunk() -> None:
    assert [(c.offset, c.text) for c in chunks("One.\n\nTwo.", 100)] == [(0, "One.\n\nTwo.")]
    assert [(c.offset, c.text) for c in chunks("", 100)] == [(0, "")]


def test_chunks_cover_the_text_and_prefer_paragraph_breaks() -> None:
    text = "\n\n".join(f"Paragraph {i} says the ferry left on time." for i in range(30))
    pieces = chunks(text, 200)
    assert "".join(c.text for c in pieces) == text
    assert all(len(c.text) <= 200 for c in pieces)
    for c in pieces:
        assert text[c.offset : c.offset + len(c.text)] == c.text
    for c in pieces[1:]:
        assert c.text.startswith("Paragraph")
        assert text[: c.offset].endswith("\n\n")


def test_one_huge_paragraph_is_cut_at_sentence_or_word_ends() -> None:
    text = "The ferry left. " * 100 + "x" * 50
    pieces = chunks(text, 300)
    assert "".join(c.text for c in pieces) == text
    for c in pieces[:-1]:
        assert c.text.endswith(". ")
    unbroken = "y" * 1000
    assert "".join(c.text for c in chunks(unbroken, 300)) == unbroken


def test_paragraph_breaks_tolerate_spaces_on_blank_lines() -> None:
    text = "A.\n \nB.\n\n\nC.\nD."
    assert [text[s:e] for s, e in paragraph_breaks(text)] == ["\n \n", "\n\n\n"]


def test_long_run_finds_text_without_sentence_ends() -> None:
    from newsprism.segment._long import MAX_SENTENCE_CHARS, long_run

    prose = "The ferry left at dawn. Officials said the crossing was calm! Was it? " * 200
    assert long_run(prose) == 0
    assert long_run("\n".join(["a headline without a stop"] * 500)) == 0
    run_on = "the ferry left at dawn and officials said the crossing was calm " * 100
    assert long_run(run_on) == len(run_on)
    assert long_run(prose + run_on + prose) == len(run_on) + len("The ferry left at dawn")
    assert long_run("x" * MAX_SENTENCE_CHARS) == 0
