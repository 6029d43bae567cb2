"""Offset highlighting: every text piece escaped, overlapping spans never break the markup."""

from __future__ import annotations

from html.parser import HTMLParser

from newsprism.report._highlight import Mark, excerpt, highlight, window, word_diff

VOID = {"br", "img", "meta", "link", "input", "hr"}


class Balance(HTMLParser):
    """Fails on a close tag that does not match the innermost open one; collects the visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> Balance:
    p = Balance()
    p.feed(html)
    p.close()
    assert p.stack == [], f"unclosed {p.stack}"
    return p


def test_plain_text_is_escaped() -> None:
    text = "a <b>bold</b> & 'quoted' \"x\""
    out = str(highlight(text, []))
    assert "<b>" not in out and "&lt;b&gt;" in out and "&amp;" in out
    assert "".join(parse(out).text) == text


def test_overlapping_and_nested_marks_stay_well_formed() -> None:
    text = "The tyrant of <Caldoria> staged a grandiose ceremony."
    marks = [
        Mark(0, 30, "claim"),
        Mark(4, 10, "ll authorial", title='insult · neutral: "President"'),
        Mark(8, 40, "speaker", tag="span"),  # overlaps both
        Mark(8, 40, "speaker", tag="span"),  # an exact duplicate
        Mark(25, 25, "empty"),  # zero width: ignored
    ]
    out = str(highlight(text, marks))
    p = parse(out)
    assert "".join(p.text) == text
    classes = [a.get("class") for _, a in p.tags]
    assert "ll authorial" in classes and "claim" in classes and "empty" not in classes
    assert 'title="insult · neutral: &#34;President&#34;"' in out


def test_anchor_is_emitted_once_when_a_mark_is_split() -> None:
    text = "abcdefghij"
    out = str(highlight(text, [Mark(2, 8, "sent", tag="span", anchor="t-1"), Mark(0, 5, "outer")]))
    assert out.count('id="t-1"') == 1
    assert "".join(parse(out).text) == text


def test_window_clips_marks_and_text() -> None:
    text = "one two three four five"
    out = str(highlight(text, [Mark(0, 7, "x"), Mark(14, 23, "y")], 4, 18))
    assert "".join(parse(out).text) == "two three four"
    assert out.startswith('<mark class="x">two</mark>')


def test_window_and_excerpt_keep_paragraphs_and_cut_long_text() -> None:
    text = "First para.\n\nSecond para here.\n\n" + "word " * 200 + "target sentence. " + "tail " * 200
    start = text.index("Second")
    lo, hi = window(text, start, start + 6, context=100)
    assert text[lo:hi] == "First para.\n\nSecond para here."  # the long next paragraph does not fit
    t = text.index("target")
    lo, hi = window(text, t, t + 6, context=50)
    assert hi - lo < 170 and text[lo - 1] == " "
    out = str(excerpt(text, t, t + 6, [Mark(t, t + 6, "claim")], context=50))
    assert out.startswith("… ") and out.endswith(" …") and '<mark class="claim">target</mark>' in out
    para = "Alpha.\nBeta gamma delta.\nOmega."
    b = para.index("gamma")
    assert window(para, b, b + 5, context=100, paragraph=True) == (7, 24)


def test_word_diff_marks_changed_words() -> None:
    a = "officials said on Monday"
    b = "officials claimed on Monday night"
    removed, added = word_diff(a, b)
    assert [a[x:y] for x, y in removed] == ["said"]
    assert [b[x:y] for x, y in added] == ["claimed", "night"]
    assert word_diff("x " * 10, "y " * 10, max_words=5) == ([], [])


def test_random_overlaps_never_break_markup_or_lose_text() -> None:
    import random

    rng = random.Random(7)
    text = "<a & b> " * 30
    for _ in range(200):
        marks = []
        for k in range(rng.randint(0, 8)):
            a = rng.randint(0, len(text))
            b = rng.randint(0, len(text))
            tag = rng.choice(["mark", "span"])
            marks.append(Mark(min(a, b), max(a, b), f"m{k}", tag=tag, anchor=f"a{k}"))
        lo = rng.randint(0, len(text) // 2)
        hi = rng.randint(lo, len(text))
        out = str(highlight(text, marks, lo, hi))
        p = parse(out)
        assert "".join(p.text) == text[lo:hi]
        ids = [a["id"] for _, a in p.tags if "id" in a]
        assert len(ids) == len(set(ids))
