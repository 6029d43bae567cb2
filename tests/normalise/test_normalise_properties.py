"""Properties the offsets rely on, checked over seeded random text full of awkward characters."""

from __future__ import annotations

import random
import re

import pytest

from newsprism.normalise import normalise_text

ALPHABET = (
    "abc XYZ 019 .,;:!? \n\n\n\r\n\t"
    "\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb\u2013\u2014\u2010\u2212\u2026"
    "\u00a0\u2009\u200b\u200d\ufeff\u00ad\u2028\u2029\x00\x07\x1b"
    "e\u0301 \u00e9 \u0161 \u0416 \u4e2d -- - - ---"
)


def random_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 300))) for _ in range(n)]


@pytest.mark.parametrize("text", random_texts(500, seed=11))
def test_canonical_form(text: str) -> None:
    out = normalise_text(text)
    assert normalise_text(out) == out  # idempotent: normalising twice never moves an offset
    assert out == out.strip()
    assert "\n\n\n" not in out and "\r" not in out and "\t" not in out
    assert not re.search(r"[\u200b\u200d\ufeff\u00ad\x00-\x08\x0b-\x1f]", out)
    assert not re.search(r"[\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb\u2013]", out)
    assert "  " not in out
    for paragraph in out.split("\n\n") if out else ():
        assert paragraph and "\n" not in paragraph and paragraph == paragraph.strip()
