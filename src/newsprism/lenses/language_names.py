"""Which words are names, dates or figures for the language lens: facts, never an outlet's word choice.

Also which capitalised words form the official name of an institution or a law ("the Criminal Division",
"Code of Criminal Procedure") and which are capitalised only by their place ("Rubbish."). Split from
language_use because these checks read a token's tags, capitals and neighbours, not the parse tree, and
share no word lists with the use checks.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsprism.model import Token

# Entity types whose words are names, not word choices ("Chinese" in a name, "Wuhan", dates).
_NAME_ENTS = frozenset(
    [
        "PERSON",
        "ORG",
        "GPE",
        "LOC",
        "FAC",
        "DATE",
        "TIME",
        "CARDINAL",
        "MONEY",
        "PERCENT",
        "QUANTITY",
        "ORDINAL",
        "EVENT",
        "WORK_OF_ART",
        "LAW",
    ]
)
# Entity types of figures and dates: their words are facts even in lower case ("last week", "two").
_FIGURE_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})


def _is_name(tok: Token) -> bool:
    """A word of a name, a date or a figure: never the outlet's word choice. A lower-case word the tagger
    puts inside a name ("greedy" in a lower-cased headline "greedy mayor varro caged") is a word."""
    if tok.pos == "PROPN":
        return True
    if tok.ent_type not in _NAME_ENTS:
        return False
    return tok.ent_type in _FIGURE_ENTS or not tok.text[:1].islower()


_HYPHENS = frozenset({"-", "\u2010", "\u2011"})


def _compound_end(toks: Sequence[Token], i: int) -> int:
    """Index of the last part of the hyphenated word starting at ``toks[i]`` (``i`` itself if none)."""
    j = i
    while (
        j + 2 < len(toks)
        and toks[j + 1].text in _HYPHENS
        and toks[j].end == toks[j + 1].start
        and toks[j + 1].end == toks[j + 2].start
        and toks[j].text[-1:].isalnum()
        and toks[j + 2].text[:1].isalnum()
    ):
        j += 2
    return j


_OPENERS = frozenset("\"“‘'«„:—–(")
# Head words of the names of institutions, laws and offices ("the Criminal Division", "the Criminal Code").
_NAME_HEADS = frozenset(
    """
    division court courts code procedure act law laws bill statute article section chapter clause unit
    panel department ministry office agency bureau service services commission committee council party
    front movement brigade squad police force forces tribunal chamber branch board authority institute
    institution association union league society foundation centre center group justice crimes crime
    affairs investigation investigations intelligence appeals appeal inquiry prosecution prosecutor
    prosecutors directorate university college school hospital prison museum library bank company
    corporation trust fund network alliance coalition federation assembly parliament senate congress house
    cabinet government administration prize award team club register reform regulation regulations rules
    convention treaty protocol charter records registry review watch taskforce task
    """.split()  # noqa: SIM905 (a word list reads better as text)
)


def _capital_by_place(toks: Sequence[Token], k: int) -> bool:
    """``toks[k]`` is capitalised by its place, not as a name: first in its sentence or after an opening
    quote mark, colon or dash, and followed by a lower-case word or punctuation ("Rubbish.", "'Sham
    trial'")."""
    tok = toks[k]
    if not tok.text[:1].isupper() or (tok.text.isupper() and len(tok.text) > 1):
        return False
    if k > 0 and toks[k - 1].text not in _OPENERS:
        return False
    after = toks[k + 1].text if k + 1 < len(toks) else ""
    return not after[:1].isupper()


def _official_name(toks: Sequence[Token], first: int, last: int) -> bool:
    """Tokens ``first..last`` are capitalised words of the name of an institution, a law or an office: a
    word such as Division, Code or Unit follows within two capitalised words ("the Criminal Division",
    "Extremist Crimes Unit", "the Witch Hunt Inquiry"), or one comes before it across "of" or "for" ("Code of
    Criminal Procedure"), or the parser tags the words as a law. A title-case headline or slogan ("Stop the
    Rigged Witch Hunt", "Angry Democrat Thugs") is no such name."""
    words = toks[first : last + 1]
    if not all(t.text[:1].isupper() and (t.pos == "PROPN" or t.ent_type in _NAME_ENTS) for t in words):
        return False
    if any(t.ent_type == "LAW" for t in words) or toks[last].text.lower() in _NAME_HEADS:
        return True
    for k in range(last + 1, min(last + 3, len(toks))):
        if not (toks[k].text[:1].isupper() and toks[k].pos == "PROPN"):
            break
        if toks[k].text.lower() in _NAME_HEADS:
            return True
    j = first - 1
    if j >= 0 and toks[j].text.lower() == "the":
        j -= 1
    return (
        j >= 1
        and toks[j].text.lower() in ("of", "for")
        and toks[j - 1].text[:1].isupper()
        and toks[j - 1].text.lower() in _NAME_HEADS
    )
