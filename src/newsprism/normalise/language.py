"""Offline "is this English?" check: writing system first, then function-word counts.

The models downstream are English-only, so a German or Russian article would produce confident
nonsense. A full language identifier would be a new dependency; for a yes/no on news prose, the share of
very common function words is reliable because every article uses them at high rates, whatever the topic.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# The commonest function words of each language, minus words that are common in English too (so "is",
# "in" or "men" never count against English).
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": _words(
        "the of and to in is was for that on with as by at from it his her their its has have had "
        "be been were are which who said will would not but this they he she we after an or about"
    ),
    "es": _words(
        "el la los las del en y que por con para una un es se lo su sus como pero más fue ha "
        "este esta entre sobre también dijo según han desde muy"
    ),
    "fr": _words(
        "le la les des du et est une un que qui pour dans sur pas au aux ce cette avec par il elle "
        "sont été ont mais selon leur ses"
    ),
    "de": _words(
        "der die das und ist nicht ein eine den dem des mit sich auf für von zu im auch wird wurde "
        "sind hat nach bei aus einer oder sagte werden über"
    ),
    "it": _words(
        "il di che la non una della del sono con gli le dei nel alla anche più ha questo "
        "delle degli ma secondo è stato"
    ),
    "pt": _words(
        "o os da do das dos em que não uma um para com por se mais como foi mas ao pelo pela seu sua "
        "também disse são entre"
    ),
    "nl": _words(
        "de het een van en dat niet zijn op te met voor is ook maar werd bij naar heeft hebben zei "
        "worden dit deze"
    ),
    "sv": _words(
        "och att det som en på är för av med den inte har om var ett sig från också sade efter skulle"
    ),
}
for _lang in ("es", "fr", "de", "it", "pt", "nl", "sv"):
    _FUNCTION_WORDS[_lang] = _FUNCTION_WORDS[_lang] - _FUNCTION_WORDS["en"]

NAMES = {
    "en": "English",
    "es": "Spanish",
    "fr": "French",
    "de": "German",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "sv": "Swedish",
    "ru": "Russian or another Cyrillic-script language",
    "ar": "Arabic",
    "he": "Hebrew",
    "el": "Greek",
    "zh": "Chinese",
    "ja": "Japanese",
    "ko": "Korean",
    "hi": "Hindi or another Devanagari-script language",
    "th": "Thai",
    "und": "an unknown language",
}

# Unicode character-name prefixes -> language code for non-Latin scripts.
_SCRIPTS = (
    ("CYRILLIC", "ru"),
    ("ARABIC", "ar"),
    ("HEBREW", "he"),
    ("GREEK", "el"),
    ("HIRAGANA", "ja"),
    ("KATAKANA", "ja"),
    ("HANGUL", "ko"),
    ("CJK", "zh"),
    ("DEVANAGARI", "hi"),
    ("THAI", "th"),
)

_NOT_LETTER = re.compile(r"[\W\d_]+")
# Letters outside Basic Latin, Latin-1 and Latin Extended-A/B (U+0000-U+024F).
_NON_LATIN_LETTER = re.compile(r"[^\W\d_\u0000-\u024f]")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    code: str  # ISO 639-1 where known, "und" when unclear
    english: bool

    @property
    def name(self) -> str:
        return NAMES.get(self.code, self.code)


def guess_language(text: str, *, sample: int = 20_000) -> LanguageGuess:
    """Decide whether ``text`` is English; when it is not, say what it looks like."""
    text = text[:sample]
    script = _dominant_script(text)
    if script is not None:
        return LanguageGuess(script, english=False)
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return LanguageGuess("und", english=False)
    counts = Counter(words)
    hits = {lang: sum(counts[w] for w in vocab) for lang, vocab in _FUNCTION_WORDS.items()}
    english = hits.pop("en")
    other, other_hits = max(hits.items(), key=lambda kv: (kv[1], kv[0]))
    if len(words) < 40:
        # Short texts (headlines, ledes): only reject on clear evidence for another language.
        if other_hits >= 3 and other_hits > 2 * english:
            return LanguageGuess(other, english=False)
        if english == 0 and len(words) >= 15:  # 15 English words without one of these is very rare
            return LanguageGuess("und", english=False)
        return LanguageGuess("en", english=True)
    share = english / len(words)
    if share >= 0.12 and english >= other_hits:
        return LanguageGuess("en", english=True)
    if other_hits > english:
        # Real prose in a listed language hits its list at 15-40%; a few stray hits name nothing.
        return LanguageGuess(other if other_hits / len(words) >= 0.1 else "und", english=False)
    if share >= 0.05:  # terse English (lists, captions); unlisted languages score near 0
        return LanguageGuess("en", english=True)
    return LanguageGuess("und", english=False)


def _dominant_script(text: str) -> str | None:
    """The language of the non-Latin script that writes most letters, if it writes over a third."""
    letters = len(_NOT_LETTER.sub("", text))
    if letters == 0:
        return None
    counts: dict[str, int] = {}
    for ch in _NON_LATIN_LETTER.findall(text):  # only these need a character-name lookup
        name = unicodedata.name(ch, "")
        for prefix, code in _SCRIPTS:
            if name.startswith(prefix):
                counts[code] = counts.get(code, 0) + 1
                break
    if not counts:
        return None
    # Hiragana/katakana mixed with kanji is Japanese even when kanji dominate.
    if counts.get("ja", 0) and counts.get("zh", 0):
        counts["ja"] += counts.pop("zh")
    code, n = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
    return code if n / letters > 1 / 3 else None
