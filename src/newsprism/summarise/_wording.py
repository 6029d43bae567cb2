"""How loaded one wording of a claim is, and a neutral version of it when a safe one exists.

The language lens is the authority: its authorial spans and per-sentence bias probabilities are used
whenever it produced them. The team-written fallback list (``_lexicon``) and TextBlob subjectivity fill
in when the lens is missing, so the summary never picks an obvious insult just because a lens is absent.
Loaded words inside quotation marks or inside a quote the quotes lens found are the speaker's, not the
outlet's, and do not count.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsprism.model import Sentence, Source, Token
from newsprism.segment._rules import CAPITALS
from newsprism.summarise._lexicon import LITERAL_NEAR_FORCE, LOADED, NEUTRAL, SPEECH_VERBS, STOP

if TYPE_CHECKING:
    from newsprism.lenses.speakers import ArticleSpeakers
    from newsprism.pipeline import Findings

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# a word of a person's name: "Halvard", "McDonald", "O'Brien", "Saint-Clair"; not "-" or "ALL"
_NAME_WORD = re.compile(r"[A-Z][a-zà-ÿ]*(?:['’]?[A-Z]?[a-zà-ÿ]+)*(?:-[A-Z][a-zà-ÿ]+)?")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]{12,}’")
# "DREL, Nov 13 (Reuters) - " / "PORT ASTER - " / "WASHINGTON (AP) —": wire datelines before the news.
# "KYIV (Reuters) - ", "LONDON, March 3 (Reuters) - ", "SELMARK, Norvia (AP) — ", "WASHINGTON — "
_DATELINE = re.compile(
    rf"^\s*[{CAPITALS}][{CAPITALS} .'’-]{{1,40}}"  # "GRIMSØY"
    r"(,\s*[A-Z][A-Za-z.’'-]{1,20}(\s+[A-Z][A-Za-z.’'-]{1,20})?)?"  # a region or country
    # a date: "March 3", "March 3, 2026", "16 February 2027"
    r"(,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?))?"
    r"\s*(\([A-Za-z .]{2,30}\))?\s*[-–—:]{1,2}\s+"
)
_TIMESTAMP = re.compile(r"^\s*\d{1,2}[:.]\d{2}(\s*[aApP]\.?[mM]\.?)?(\s*[-–—|]{1,2}\s*|\s+(?=[A-Z]))")
_LEXICON_ENTRY = re.compile(r'<word form="([^"]+)"[^>]*?subjectivity="([0-9.]+)"')
_MODIFIER_DEPS = {"amod", "advmod", "npadvmod"}
_MODIFIER_POS = {"ADJ", "ADV"}
_NAMING_POS = {"NOUN", "PROPN"}


@dataclass(frozen=True, slots=True)
class Loaded:
    """An authorial loaded word or phrase, offsets absolute in the source text."""

    start: int
    end: int
    text: str
    neutral: str | None  # None: no safe alternative; "": may be dropped if it is a modifier


@dataclass(frozen=True, slots=True)
class Wording:
    """One sentence of a claim as the summary would show it."""

    source: Source
    sentence: Sentence
    text: str  # what the summary shows: dateline cut, loaded words replaced where that was safe
    loaded: int  # authorial loaded spans left in ``text``
    bias: float  # 0-1, the lens's probability if it gave one, else the fallback estimate
    replaced: bool


def subjectivity_lexicon() -> dict[str, float]:
    """Adjective subjectivity (0-1) from the PDDL-licensed Pattern lexicon that TextBlob ships, read as
    data (importing TextBlob would pull in NLTK, seconds of start-up); empty when TextBlob is absent,
    and the estimate then rests on the fallback word list alone."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("textblob")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "en" / "en-sentiment.xml"
    try:
        xml = path.read_text(encoding="utf-8")
    except OSError:
        return {}
    senses: dict[str, list[float]] = {}
    for m in _LEXICON_ENTRY.finditer(xml):
        senses.setdefault(m.group(1).lower(), []).append(float(m.group(2)))
    return {w: sum(v) / len(v) for w, v in senses.items()}


def literal_use(text: str) -> frozenset[str]:
    """The list's words that ``text`` uses literally: all of ``LITERAL_NEAR_FORCE`` when it names a fire,
    storm or blast; "fraud" when it names a charge or a verdict ("convicted of fraud")."""
    from newsprism.lenses.language_lexicon import FORCES
    from newsprism.lenses.quantities import singular

    words = {singular(w.removesuffix("es") if w.endswith("oes") else w) for w in _WORD.findall(text)}
    forced = LITERAL_NEAR_FORCE if words & FORCES else frozenset()
    return forced | _CHARGES if _IN_COURT.search(text) else forced


_IN_COURT = re.compile(
    r"\b(?:convicted|convicts?|charged|charges?|accused|guilty|indicted|indictment|acquitted|sentenced|"
    r"jury|prosecutors?|trial|counts? of)\b",
    re.I,
)
_CHARGES = frozenset({"fraud"})  # the name of a crime in a court story, not a judgement of someone
_SUBJECT_PRONOUN = re.compile(r"\b(he|she|He|She)\b")
_ALSO = re.compile(
    r"^(Also|Yet|But|And|However|Meanwhile),?\s+|^(So|Still),\s+|(?<=\w )also (?!known\b)", re.I
)  # "So far 12 died" keeps its "So"


def strip_dateline(text: str) -> str:
    """The sentence without a wire dateline or a live blog's time stamp ("22:14 — "); unchanged when what
    follows would not be a sentence."""
    m = _DATELINE.match(text) or _TIMESTAMP.match(text)
    if not m:
        return text
    rest = text[m.end() :]
    return rest if len(rest.split()) >= 4 and (rest[:1].isupper() or rest[:1] in "\"“‘'") else text


def standalone(text: str) -> str:
    """Without the "also" or the opening "Yet" / "But" that ties the sentence to the one before it in its
    article ("he was also fined", "Yet the company still made a profit"), which out of that article
    points at nothing; quotations and "also known as" are left as written."""
    parts = re.split(r'("[^"]*"|“[^”]*”)', text)
    parts = [p if i % 2 else _ALSO.sub("", p) for i, p in enumerate(parts)]
    out = "".join(parts)
    return out[:1].upper() + out[1:] if out else out


class Neutrality:
    """Judges the wordings of one story; built once per story from the lens findings."""

    def __init__(self, findings: Findings | None, lexicon: dict[str, float] | None = None) -> None:
        self._lexicon = lexicon if lexicon is not None else {}
        self._spans: dict[str, list[Loaded]] = {}
        self._bias: dict[str, tuple[float, ...]] = {}
        self._quotes: dict[str, list[tuple[int, int]]] = {}
        self._flagged: set[str] = set()
        self._people: dict[str, ArticleSpeakers] = {}  # per source, built when a pronoun needs a name
        self.loadedness: dict[str, float] = {}  # per source, the language lens's share of loaded words
        if findings is None:
            return
        for span in findings.language.spans:
            if span.voice == "authorial":
                self._spans.setdefault(span.source, []).append(
                    Loaded(span.start, span.end, span.text, span.neutral)
                )
                if words := _WORD.findall(span.text.lower().replace("’", "'")):
                    self._flagged.add(" ".join(words))
        self._bias = {sid: lang.sentence_bias for sid, lang in findings.language.per_source.items()}
        self.loadedness = {sid: lang.loadedness for sid, lang in findings.language.per_source.items()}
        for q in findings.quotes.quotes:
            if q.kind != "indirect":
                self._quotes.setdefault(q.source, []).append((q.start, q.end))

    def loaded_spans(self, source: Source, sentence: Sentence) -> list[Loaded]:
        """Authorial loaded spans of one sentence: the lens's, plus fallback-list words outside quotes."""
        found = [
            s for s in self._spans.get(source.id, ()) if s.start >= sentence.start and s.end <= sentence.end
        ]
        quoted = self._quoted(source, sentence)
        forced = literal_use(sentence.text)  # the lens judges its own spans; this only spares the list's
        for m in _WORD.finditer(sentence.text):
            word = m.group().lower().replace("’", "'")
            start, end = sentence.start + m.start(), sentence.start + m.end()
            if word not in LOADED or word in forced or any(a <= start and end <= b for a, b in quoted):
                continue
            if not any(s.start < end and start < s.end for s in found):
                found.append(Loaded(start, end, m.group(), NEUTRAL.get(word)))
        return sorted(found, key=lambda s: (s.start, s.end))

    def flagged(self, text: str) -> bool:
        """Whether ``text`` (a headline, which the lens does not read) holds a word or phrase the lens
        found loaded in some outlet's own voice in this story ("Bungling bosses ..." after "bungling")."""
        low = " ".join(_WORD.findall(text.lower().replace("’", "'")))
        return any(f" {p} " in f" {low} " for p in self._flagged)

    def bias(self, source: Source, sentence: Sentence) -> float:
        probs = self._bias.get(source.id, ())
        if sentence.index < len(probs):
            return float(probs[sentence.index])
        return min(1.0, 0.8 * self.subjectivity(_QUOTED.sub(" ", sentence.text)))

    def subjectivity(self, text: str) -> float:
        """0-1: mean subjectivity of the text's rated adjectives, plus any fallback-list word (1.0)."""
        words = [w.lower() for w in _WORD.findall(text)]
        scores = [
            1.0 if w in LOADED else self._lexicon[w] for w in words if w in LOADED or w in self._lexicon
        ]
        return sum(scores) / len(scores) if scores else 0.0

    def wording(self, source: Source, sentence: Sentence, *, judge_bias: bool = True) -> Wording:
        """The sentence as shown, with its loaded words replaced when every replacement is safe.

        ``judge_bias=False`` skips the bias estimate (0.0): it only orders the wordings of one claim, so
        a claim with a single wording does not need it, and the fallback estimate is the slow part.
        """
        spans = self.loaded_spans(source, sentence)
        bias = self.bias(source, sentence) if judge_bias else 0.0
        text, left, replaced = sentence.text, len(spans), False
        if spans:
            fixed = neutralise(source, sentence, spans)
            if fixed is not None:
                text, left, replaced = fixed, 0, True
        text = own_name(source.outlet, standalone(strip_dateline(text).strip()))
        return Wording(source, sentence, self._named(source, sentence, text), left, bias, replaced)

    def _named(self, source: Source, sentence: Sentence, text: str) -> str:
        """ "He was fined 2.5 million korun" as "Malvik was fined ...": out of its article the sentence's
        "he" or "she" points at no one, so its subject pronoun becomes the surname the article's speaker
        resolution gives it; left as written when that is unsure or the pronoun is inside a quotation."""
        m = _SUBJECT_PRONOUN.search(text)
        if (
            m is None
            or text.count('"', 0, m.start()) % 2
            or text.count("“", 0, m.start()) > text.count("”", 0, m.start())
        ):
            return text
        every = source.sentence_tokens(sentence)
        tokens = [t for t in every if t.text.lower() in ("he", "she")]
        if not tokens or tokens[0].pos != "PRON" or tokens[0].dep not in ("nsubj", "nsubjpass"):
            return text
        if any(t.pos == "PROPN" for t in every if t.i < tokens[0].i):
            return text  # "Judge Rondberg said as she read the verdict": the sentence names her itself
        name = self._speakers(source).person_for(tokens[0].i)
        if not name or name.isupper():
            return text  # unsure, or a dateline's place the tagger took for a person ("LENZ")
        return text[: m.start()] + name.split()[-1] + text[m.end() :]

    def full_names(self, sources: Sequence[Source]) -> dict[str, str]:
        """Surname -> the full name the outlets give that person ("Brennick" -> "Halvard Brennick"), the
        form most of them use; a surname two people share ("Ilse" and "Tomas Brakke") is left out."""
        forms: dict[str, dict[str, int]] = {}
        text = " ".join(source.text for source in sources)
        for source in sources:
            for person in self._speakers(source).people:
                words = person.name.split()
                # "Sprinter Lysa Marquand" opening a sentence, where another reads "banned sprinter Lysa"
                described = (
                    rf"\b{re.escape(words[0].lower())} {re.escape(words[1])}\b" if len(words) >= 3 else ""
                )
                if described and re.search(described, text):
                    words = words[1:]
                if (
                    len(words) >= 2
                    and all(_NAME_WORD.fullmatch(w) for w in words)
                    and words[-1].lower() not in STOP
                ):
                    counts = forms.setdefault(words[-1], {})
                    counts[" ".join(words)] = counts.get(" ".join(words), 0) + 1
        return {
            surname: max(counts, key=lambda n: (counts[n], len(n)))
            for surname, counts in forms.items()
            if len({n.split()[0] for n in counts}) == 1
        }

    def _speakers(self, source: Source) -> ArticleSpeakers:
        if source.id not in self._people:
            from newsprism.lenses.speakers import ArticleSpeakers

            self._people[source.id] = ArticleSpeakers(source)
        return self._people[source.id]

    def _quoted(self, source: Source, sentence: Sentence) -> list[tuple[int, int]]:
        spans = [
            (a, b) for a, b in self._quotes.get(source.id, ()) if a < sentence.end and sentence.start < b
        ]
        spans += [
            (sentence.start + m.start(), sentence.start + m.end()) for m in _QUOTED.finditer(sentence.text)
        ]
        return spans


def own_name(outlet: str, text: str) -> str:
    """ "... did not reply when the Blaze asked for comment" as "... when The Daily Blaze asked": out of its
    article, an outlet's short name for itself points at no one the reader has met."""
    words = outlet.split()
    if len(words) < 2 or len(words[-1]) < 3 or not words[-1][:1].isupper() or outlet in text:
        return text
    short = re.compile(rf"\b[Tt]he {re.escape(words[-1])}\b(?!\s+[A-Z])")
    return short.sub(lambda _: outlet, text, count=1)


def neutralise(source: Source, sentence: Sentence, spans: Sequence[Loaded]) -> str | None:
    """The sentence with every loaded span replaced or dropped, or None if one of them cannot be.

    A span is swapped for a neutral word when one is known: a loaded speech verb becomes "said" /
    "says" (as wire style does), a curated swap of the same inflection applies ("regime" ->
    "government"), else the lens's alternative, but never for a noun (a lens's alternative for a label
    like "crook" may not be true of the person). It is dropped only when the parse says it is an
    adjective or adverb modifying something else, so the clause keeps its subject, verb and object.
    Spans touching a number or a named entity are never changed: that would change facts.
    """
    tokens = source.sentence_tokens(sentence)
    edits: list[tuple[int, int, str]] = []
    for span in spans:
        inside = [t for t in tokens if t.start < span.end and span.start < t.end]
        if not inside or inside[0].start != span.start or inside[-1].end != span.end:
            return None  # the span does not sit on token boundaries: do not guess
        if _touches_fact(source, tokens, span):
            return None
        word = span.text.lower().replace("’", "'")
        if word in literal_use(sentence.text):
            return None  # "a fire gutted the warehouse": no swap ("cut") keeps that fact
        verb = len(inside) == 1 and inside[0].pos in ("VERB", "AUX") and word in SPEECH_VERBS
        if verb and any(t.head == inside[0].i and t.dep == "dobj" for t in tokens):
            return None  # "conceded defeat", "claimed victory": "said defeat" says nothing
        neutral = SPEECH_VERBS[word] if verb else NEUTRAL.get(word, span.neutral)
        if neutral is None:
            return None
        if neutral == "":
            if not all(t.dep in _MODIFIER_DEPS and t.pos in _MODIFIER_POS for t in inside):
                return None
            edits.append((span.start, _swallow_comma(source.text, span.end, sentence.end), ""))
            continue
        if word not in NEUTRAL and not verb and any(t.pos in _NAMING_POS for t in inside):
            return None  # swapping a label for a person ("crook" -> "official") changes what is said
        edits.append((span.start, span.end, _match_case(span.text, neutral)))
    out = sentence.text
    for start, end, new in sorted(edits, reverse=True):
        head, tail = out[: start - sentence.start], new + out[end - sentence.start :]
        out = _article(head, tail.lstrip()) + tail
    return _tidy(out)


def _article(head: str, tail: str) -> str:
    """Fix "a"/"an" right before an edit so "an outrageous plan" minus the adjective reads "a plan"."""
    m = re.search(r"\b([Aa])n?(\s+)$", head)
    if not m or not tail:
        return head
    low = tail.lower()
    vowel = low[:1] in "aeio" or (low[:1] == "u" and not low.startswith(("uni", "use", "usu")))
    return head[: m.start()] + m.group(1) + ("n" if vowel else "") + m.group(2)


def _touches_fact(source: Source, tokens: Sequence[Token], span: Loaded) -> bool:
    if any(e.start < span.end and span.start < e.end for e in source.entities if e.label != "NORP"):
        return True
    return any(t.pos == "NUM" for t in tokens if t.start < span.end and span.start < t.end)


def _swallow_comma(text: str, end: int, limit: int) -> int:
    """Extend a dropped modifier over the comma or "and" that joined it to the next one."""
    m = re.match(r",?\s*(and\s+)?", text[end:limit])
    if m and ("," in m.group() or "and" in m.group()):
        return end + m.end()
    return end + len(text[end:limit]) - len(text[end:limit].lstrip(" "))


def _match_case(old: str, new: str) -> str:
    return new[:1].upper() + new[1:] if old[:1].isupper() and new else new


def _tidy(text: str) -> str:
    text = re.sub(r"\s{2,}", " ", text)
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = text.strip()
    return text[:1].upper() + text[1:]
