"""Sentence views for the contradictions lens: the numbers, dates, names and polarity one sentence states.

A view is read once per sentence from the parse the segmenter already made (tokens, entities,
dependencies); the lens (``contradictions.py``) then compares two views of the same fact value by value.
The word lists here are what that reading needs: place nouns, light verbs, speech verbs, negations.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from newsprism.lenses.dates import DateMention, extract_dates, parse_published
from newsprism.lenses.quantities import Quantity, extract_quantities
from newsprism.model import ContradictionKind, Passage, Source, Token, within

__all__ = ["SAY", "Finding", "NameMention", "SentenceView", "view_of"]


_PLACE = {"GPE", "LOC", "FAC"}
_PLACE_NOUNS = {"town", "city", "village", "region", "province", "district", "country", "state", "capital",
                "port", "county", "island", "municipality", "suburb", "area", "valley", "oblast"}  # fmt: skip
_NAME_LABELS = _PLACE | {"PERSON", "ORG", "NORP"}
# words that name a person's post: a name right after one is a person's, whatever the small tagger says
# ("chief executive Magnus Thorsby" tagged as an organisation); not "state" or "foreign", which also name
# bodies ("the state Legislature")
_POSTS = set(
    """president minister chancellor secretary senator sen rep governor mayor general judge king queen pope
    dr mr mrs ms professor spokesman spokeswoman spokesperson chairman chairwoman ceo director ambassador
    commissioner premier executive officer founder analyst lawyer economist""".split()  # noqa: SIM905
)
_LIGHT_VERBS = {"be", "have", "do", "get", "make", "go", "take", "come", "can", "will"}
_NEG_IMPLICATIVE = {"refuse", "fail", "decline", "neglect", "avoid", "cease", "stop", "deny"}
_SPEECH = {"say", "tell", "report", "announce", "add", "state", "accord", "quote", "note", "claim", "write",
           "confirm", "insist", "argue", "explain", "warn", "predict", "estimate", "cite"}  # fmt: skip
# verbs that report an assertion: "did not say" denies what "told" or "insisted" asserts
SAY = frozenset({"say", "tell", "state", "add", "note", "report", "announce", "write", "explain", "insist",
                 "assert", "claim"})  # fmt: skip
_WH = {"whether", "if", "how", "why", "what", "when", "where", "which", "who", "whom"}
_NEG_WORDS = {"not", "n't", "never", "no", "neither", "nor"}
_EMPHATIC = {"just", "only", "merely", "simply", "solely"}
_STOP = {
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "but", "as",
    "that", "which", "who", "was", "were", "is", "are", "be", "been", "has", "have", "had", "will", "would",
    "it", "its", "their", "his", "her", "they", "he", "she", "said", "says", "this", "than", "about",
}  # fmt: skip


# --------------------------------------------------------------------------- views of sentences


@dataclass(frozen=True, slots=True)
class NameMention:
    start: int
    end: int
    text: str
    label: str  # a spaCy entity label, or "NAME" for a proper noun the NER missed
    role: tuple[str, ...]  # ("prep", "in") / ("nsubj", "kill"): the slot the name fills


@dataclass(frozen=True, slots=True, eq=False)
class SentenceView:
    """What the comparison needs from one sentence (or any span) of a source; offsets are absolute."""

    source: str
    outlet: str
    claim: str
    start: int
    text: str
    published: date | None
    quantities: tuple[Quantity, ...]
    dates: tuple[DateMention, ...]
    names: tuple[NameMention, ...]
    polarity: dict[str, frozenset[bool]]  # predicate lemma -> {True: affirmed, False: negated}
    words: frozenset[str]

    def passage(self, start: int, end: int) -> Passage:
        """A Passage for sentence-relative offsets."""
        return Passage(self.source, self.start + start, self.start + end, self.text[start:end])


@dataclass(frozen=True, slots=True)
class Finding:
    kind: ContradictionKind
    values: tuple[Passage, Passage]
    explanation: str
    labels: tuple[str, str] = ("", "")  # how each value reads once resolved ("'Friday' (2026-03-13)")


def view_of(source: Source, start: int, end: int, claim: str = "") -> SentenceView:
    """A comparable view of ``source.text[start:end]`` using the parse the segmenter made."""
    text = source.text[start:end]
    published = parse_published(source.article.published)
    tokens = within(source.tokens, start, end)
    quantities = tuple(extract_quantities(text))
    reporting = _reporting_dates(source.tokens, tokens)
    dates = tuple(
        replace(d, reporting=True) if any(d.start <= t.start - start < d.end for t in reporting) else d
        for d in extract_dates(text, published)
    )
    names = tuple(_names(source, tokens, start, end))
    return SentenceView(
        source=source.id,
        outlet=source.outlet,
        claim=claim,
        start=start,
        text=text,
        published=published,
        quantities=quantities,
        dates=dates,
        names=names,
        polarity=_polarity(source.tokens, tokens),
        words=frozenset(w.lower() for w in _words(text) if w.lower() not in _STOP),
    )


def _words(text: str) -> list[str]:
    import re

    return re.findall(r"[A-Za-z]+", text)


def _names(source: Source, tokens: list[Token], start: int, end: int) -> list[NameMention]:
    """Named entities and proper-noun runs with the syntactic slot they fill."""
    spans: list[tuple[int, int, str]] = [
        (e.start, e.end, e.label) for e in within(source.entities, start, end) if e.label in _NAME_LABELS
    ]  # fmt: skip
    covered = {i for s, e, _ in spans for i in range(s, e)}
    run: list[Token] = []
    for tok in [*tokens, None]:
        if tok is not None and tok.pos == "PROPN" and tok.start not in covered and not _date_word(tok):
            run.append(tok)
            continue
        if run:
            spans.append((run[0].start, run[-1].end, _unlabelled(source.tokens, run[0])))
            run = []
    firms = _firm_words(source)
    out = []
    for s, e, label in sorted(spans):
        if label == "PERSON" and source.text[s:e] in firms:
            label = "ORG"  # "Velmora said ..." where the article also names "Velmora Instruments"
        inside = [t for t in tokens if s <= t.start < e]
        if not inside:
            continue
        head = _span_root(source.tokens, inside)
        role = _role(source.tokens, head, person=label in ("PERSON", "NAME"))
        listed = any(t.head == head.i and t.dep == "conj" for t in tokens)
        if role and not listed:  # the head of a list ("Utah, Wyoming and Nevada") fills no single slot
            before = _words(source.text[max(start, s - 40) : s])[-1:]
            if before and before[0].lower() in _POSTS:
                label = "PERSON"
            out.append(NameMention(s - start, e - start, source.text[s:e], label, role))
    return out


def _firm_words(source: Source) -> set[str]:
    """First words of the organisations a source names in full: "Velmora" of "Velmora Instruments"."""
    names = (source.text[e.start : e.end].split() for e in source.entities if e.label == "ORG")
    return {words[0] for words in names if len(words) > 1 and words[0][:1].isupper()}


def _unlabelled(all_tokens: Sequence[Token], first: Token) -> str:
    """A proper noun the NER missed: a place after "the city of", else just a name."""
    before = [t.text.lower() for t in all_tokens[max(0, first.i - 2) : first.i]]
    return "GPE" if len(before) == 2 and before[1] == "of" and before[0] in _PLACE_NOUNS else "NAME"


def _date_word(tok: Token) -> bool:
    """A weekday or month; the small NER model also tags place names next to dates as DATE ("Zarek on
    Friday"), and those must stay names."""
    from newsprism.lenses.dates import is_calendar_word

    return tok.ent_type in ("DATE", "TIME") and is_calendar_word(tok.text)


def _span_root(all_tokens: Sequence[Token], inside: list[Token]) -> Token:
    ids = {t.i for t in inside}
    for t in inside:
        if t.head not in ids or t.head == t.i:
            return t
    return inside[-1]


def _role(all_tokens: Sequence[Token], tok: Token, person: bool = False) -> tuple[str, ...]:
    """The slot a name fills: ("prep", "in", "kill") for "killed in Valdera", ("nsubj", "say") ..."""
    for _ in range(3):
        head = all_tokens[tok.head] if 0 <= tok.head < len(all_tokens) else tok
        if tok.dep == "pobj" and head.pos == "ADP":
            gov = all_tokens[head.head] if 0 <= head.head < len(all_tokens) else head
            if head.lemma.lower() == "of" and gov.pos == "NOUN" and gov.lemma.lower() in _PLACE_NOUNS:
                tok = gov  # "the town of Valdera" fills the slot of "town"
                continue
            return ("prep", head.lemma.lower(), gov.lemma.lower())
        named = person and head.dep in ("nsubj", "nsubjpass", "dobj", "attr")  # "the captain, Tomas Reyk,"
        if tok.dep == "appos" and head.pos == "NOUN" and (head.lemma.lower() in _PLACE_NOUNS or named):
            tok = head  # "the town of Valdera" and "the captain, Tomas Reyk," fill their noun's slot
            continue
        if tok.dep in ("nsubj", "nsubjpass", "dobj", "agent", "attr"):
            return (tok.dep, head.lemma.lower())
        if tok.dep == "poss":
            return ("poss", head.lemma.lower())
        return ()
    return ()


def _polarity(all_tokens: Sequence[Token], tokens: list[Token]) -> dict[str, frozenset[bool]]:
    """Main-clause predicates of the span and whether each is asserted, denied or both.

    Subordinate clauses ("after being told he couldn't march") are left out: their polarity is not
    what the sentence asserts. "Refused to recuse" counts as not recusing; whatever follows a denied
    "expected to" is unknown, not denied.
    """
    children: dict[int, list[Token]] = {}
    for t in tokens:
        if t.head != t.i:
            children.setdefault(t.head, []).append(t)
    ids = {t.i for t in tokens}

    def negated(t: Token) -> bool:
        kids = children.get(t.i, [])
        own = any(_negates(k, all_tokens) for k in kids)
        # "found no evidence", "no money was paid": the negation sits on an argument; but what a speech
        # verb's object negates is what was said ("reported no symptoms" is a report)
        own = own or (t.lemma.lower() not in SAY and any(
            _negates(g, all_tokens)
            for k in kids
            if k.dep in ("dobj", "nsubjpass", "nsubj")
            for g in children.get(k.i, [])
            if g.dep == "det"
        ))  # fmt: skip
        if t.pos == "ADJ" and t.dep == "acomp":
            own = own or any(_negates(k, all_tokens) for k in children.get(t.head, []))
        return own

    found: dict[str, set[bool]] = {}
    for t in tokens:
        if t.dep == "ROOT" and t.lemma.lower() == "be":
            # a copula: "Bergonzi was (not) the finance chief" is keyed by its subject
            subj = [k for k in children.get(t.i, []) if k.dep == "nsubj"]
            if subj and any(k.dep in ("attr", "acomp") for k in children.get(t.i, [])):
                found.setdefault(f"be:{subj[0].lemma.lower()}", set()).add(not negated(t))
            continue
        if not (t.pos == "VERB" or (t.pos == "ADJ" and t.dep in ("acomp", "ROOT"))):
            continue
        lemma = t.lemma.lower()
        if lemma in _LIGHT_VERBS:
            # "went on sale", "made its debut": a light verb means something only with its object
            obj = _light_object(children, t)
            if obj is None:
                continue
            lemma = f"{lemma} {obj}"
        speech = lemma in SAY and t.dep == "parataxis" and t.head in ids  # "Connolly said, agents spent"
        if not (speech or _main_clause(all_tokens, t, ids)):
            continue
        neg = negated(t)
        if lemma in SAY:
            said = [k for k in children.get(t.i, []) if k.dep in ("ccomp", "dobj")]
            if not (said or speech) or (neg and any(_asks(children, k) for k in said)):
                continue  # "did not say whether he would run" withholds; it does not deny
        if t.dep == "xcomp" and t.head in ids:
            gov = all_tokens[t.head]
            if negated(gov):
                continue
            if gov.lemma.lower() in _NEG_IMPLICATIVE:
                neg = not neg
        found.setdefault(lemma, set()).add(not neg)
    return {k: frozenset(v) for k, v in found.items()}


def _light_object(children: dict[int, list[Token]], verb: Token) -> str | None:
    """The word that gives a light verb its sense: "sale" in "went on sale", "debut" in "made its debut"."""
    for k in children.get(verb.i, []):
        if k.dep in ("dobj", "prt", "attr"):
            return k.lemma.lower()
        if k.dep == "prep":
            for g in children.get(k.i, []):
                if g.dep == "pobj":
                    return f"{k.lemma.lower()} {g.lemma.lower()}"
    return None


def _asks(children: dict[int, list[Token]], content: Token) -> bool:
    """The content opens with a question word ("whether he would run", "how much it paid")."""
    first = content
    for _ in range(20):
        kids = [k for k in children.get(first.i, []) if k.i < first.i]
        if not kids:
            break
        first = min(kids, key=lambda k: k.i)
    return first.text.lower() in _WH


def _reporting_dates(all_tokens: Sequence[Token], tokens: list[Token]) -> list[Token]:
    """Date words that say when a source spoke ("officials said Monday"), not when the event happened."""
    out = []
    for t in tokens:
        if t.ent_type != "DATE" or not 0 <= t.head < len(all_tokens):
            continue
        head = all_tokens[t.head]
        if head.pos == "ADP" and 0 <= head.head < len(all_tokens):
            head = all_tokens[head.head]  # "said on Monday"
        if head.lemma.lower() in _SPEECH:
            out.append(t)
    return out


def _main_clause(all_tokens: Sequence[Token], tok: Token, ids: set[int]) -> bool:
    t = tok
    for _ in range(12):
        if t.dep == "ROOT" or t.head == t.i:
            return True
        if t.dep not in ("conj", "ccomp", "xcomp", "acomp") or t.head not in ids:
            return False
        if t.dep == "ccomp" and any(
            k.head == t.i and k.dep == "mark" and k.text.lower() in ("if", "whether") for k in all_tokens[
                max(0, t.i - 8) : t.i]
        ):  # fmt: skip
            return False  # "asked if he would condemn": a question, not an assertion
        t = all_tokens[t.head]
    return False


def _negates(tok: Token, all_tokens: Sequence[Token]) -> bool:
    if not (tok.dep == "neg" or (tok.dep in ("advmod", "det") and tok.text.lower() in _NEG_WORDS)):
        return False
    after = all_tokens[tok.i + 1].text.lower() if tok.i + 1 < len(all_tokens) else ""
    return after not in _EMPHATIC  # "didn't just win" says more than "won", not the opposite
