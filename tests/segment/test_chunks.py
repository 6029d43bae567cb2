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
