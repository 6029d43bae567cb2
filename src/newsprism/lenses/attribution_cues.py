"""The parse helpers and the learned cue model behind attribution detection.

Beyond the hand-written speech verbs, PolNeAR's annotators (like PARC's) count stance, belief and evidence
as attribution: "the NAACP called for a moratorium", "Republicans are unhappy with", "polls show". Which
words, with which complement, count is learned from the PolNeAR train split by a logistic regression over
candidate (cue word, complement) pairs; ``benchmarks/quotes_learn_cues.py`` trains it and writes
``data/quotes/cue_weights.json`` (feature weights only; no text from the corpus). Scoring is a plain sum of
weights, so no machine-learning library is needed at run time.
"""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from newsprism.model import Source, Token, sentence_of

SUBJECT_DEPS = frozenset({"nsubj"})
_INHERIT_SUBJECT_DEPS = frozenset({"xcomp", "conj", "advcl"})
_EDGE_PUNCT = " \t\r\n,;:-–—"
WEIGHTS = "data/quotes/cue_weights.json"


class Parse:
    """Children and subtrees over the flat token list the segmenter produced, with given names the tagger
    misread as function words repaired (``read_names``), so every reader of the parse sees one speaker."""

    def __init__(self, source: Source) -> None:
        self.tokens: Sequence[Token] = read_names(source.tokens)
        self.text = source.text
        self.children: list[list[int]] = [[] for _ in self.tokens]
        for t in self.tokens:
            if t.head != t.i and 0 <= t.head < len(self.tokens):
                self.children[t.head].append(t.i)

    def kids(self, i: int, deps: Iterable[str]) -> list[int]:
        wanted = set(deps)
        return [c for c in self.children[i] if self.tokens[c].dep in wanted]

    def subtree(self, i: int) -> set[int]:
        out, stack = set(), [i]
        while stack:
            j = stack.pop()
            if j not in out:
                out.add(j)
                stack.extend(self.children[j])
        return out

    def span(self, idxs: Iterable[int]) -> tuple[int, int] | None:
        """Character span covering the tokens, trimmed of edge punctuation (but not of quotation marks)."""
        toks = sorted(i for i in idxs if not self.tokens[i].is_space)
        if not toks:
            return None
        start, end = self.tokens[toks[0]].start, self.tokens[toks[-1]].end
        while start < end and self.text[start] in _EDGE_PUNCT:
            start += 1
        while end > start and (self.text[end - 1] in _EDGE_PUNCT or self.text[end - 1] == "."):
            end -= 1
        if end <= start or not any(ch.isalnum() for ch in self.text[start:end]):
            return None
        return start, end

    def spans(self, idxs: set[int]) -> list[tuple[int, int]]:
        """Character spans of the unbroken runs of tokens, so content around a cue ("X, she said, Y"
        or "X, according to Y.") does not swallow the cue; runs without a word are dropped."""
        runs: list[list[int]] = []
        for i in sorted(idxs):
            if runs and i == runs[-1][-1] + 1:
                runs[-1].append(i)
            else:
                runs.append([i])
        out = []
        for run in runs:
            span = self.span(run)
            if span is not None:
                out.append(span)
        return out

    def antecedent(self, i: int) -> int:
        """The noun a relative pronoun stands for: "Sanders, who endorsed Clinton, said" -> Sanders."""
        tok = self.tokens[i]
        if tok.tag in ("WP", "WDT") and self.tokens[tok.head].dep == "relcl":
            return self.tokens[tok.head].head
        return i

    def phrase(self, i: int) -> set[int]:
        """A speaker's noun phrase (PolNeAR keeps appositions and clauses), without a glued dateline."""
        out = self.subtree(i)
        for c in self.kids(i, {"acl"}):
            if self.rootless_subject(c):  # "Sigrid Aune, head of the union, called for": not "called for"
                out = {j for j in out if j < c}
        # "New York (AFP) – Vice President Joe Biden"
        dash = [j for j in range(min(out), i) if self._dash(j)]
        if dash:
            out = {j for j in out if j > max(dash)}
        # "Lindmark, 20 October 2026 - Kessling Arden AG reported": the parser made the place the subject
        dash = [j for j in range(i + 1, max(out)) if j in out and self._dash(j)]
        if dash and dash[0] < max(out) and self._dateline(min(out), dash[0]):
            out = {j for j in out if j > dash[0]}
        return out

    def _dateline(self, a: int, b: int) -> bool:
        """Tokens [a, b) open their sentence and read as a dateline: a place and a date."""
        toks = self.tokens[a:b]
        first = self.tokens[a]
        opens = a == 0 or self.tokens[a - 1].sent != first.sent
        return opens and any(t.ent_type == "DATE" for t in toks) and first.pos == "PROPN"

    def _dash(self, j: int) -> bool:
        """A dash token; a hyphen only with space around it ("Lindmark, 20 October - Kessling Arden AG"),
        never one inside a word ("well-known")."""
        tok = self.tokens[j]
        if tok.text in ("–", "—", "--"):
            return True
        return (
            tok.text == "-"
            and self.text[tok.start - 1 : tok.start] == " "
            and self.text[tok.end : tok.end + 1] == " "
        )

    def rootless_subject(self, i: int) -> bool:
        """Verb ``i`` is the finite verb of a sentence the parser rooted in its subject: in "Sigrid Aune,
        head of the union, called for a freeze" the small model may make "Aune" the root and "called" a
        clause modifying it, leaving the sentence with no verb of its own."""
        verb = self.tokens[i]
        if verb.dep != "acl" or verb.tag != "VBD" or verb.head == i:
            return False
        head = self.tokens[verb.head]
        return head.head == head.i and head.pos in ("PROPN", "NOUN") and head.i < i

    def cue_phrase(self, i: int, kind: str = "") -> tuple[int, int]:
        """The cue as annotators mark it: "has also said", "did not suggest", "called for", "talked up"."""
        first = last = i
        kids = set(self.children[i])
        j = i - 1
        while j >= 0 and j in kids and self.tokens[j].dep in ("aux", "auxpass", "neg", "advmod"):
            first, j = j, j - 1
        for c in self.children[i]:
            tok = self.tokens[c]
            if c > i and (tok.dep == "prt" or (kind == f"prep:{tok.text.lower()}" and c - i <= 3)):
                last = max(last, c)
        return self.tokens[first].start, self.tokens[last].end

    def subject(self, i: int) -> int | None:
        """The speaker word of verb ``i``, climbing to the governing verb for "adding", "and said"."""
        for _ in range(3):
            subj = self.kids(i, SUBJECT_DEPS)
            if subj:  # with two (a parse error inside a quote), the one next to the verb
                return min(subj, key=lambda c: abs(c - i))
            if self.rootless_subject(i):
                return self.tokens[i].head
            if self.kids(i, {"nsubjpass"}) or self.tokens[i].dep not in _INHERIT_SUBJECT_DEPS:
                return None
            i = self.tokens[i].head
        return None


# --------------------------------------------------------------------------- names the tagger misreads

# Closed-class words that open a clause or phrase before a name ("After Hallin said", "In Berlin"): never
# read as a given name. Function words outside it that are also given names ("Per", "Will", "May", "Can")
# are read as names when the sentence leaves them no other role.
_NOT_GIVEN_WORDS = """a about above after against along although amid among an and as at because before
    behind below beneath beside between beyond but by despite during except following for from how if in
    inside into like near nor of off on once onto or out outside over since so than that the though
    through throughout till to toward towards under unless until upon via what when whenever where
    whereas wherever whether which while who whom whose why with within without yet"""
_NOT_GIVEN = frozenset(_NOT_GIVEN_WORDS.split())
_MISREAD_POS = frozenset({"ADP", "SCONJ", "AUX", "CCONJ", "PART"})
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
_GOVERNS = frozenset({"ADP", "SCONJ", "DET", "NUM", "ADJ", "AUX", "PART"})


def read_names(tokens: Sequence[Token]) -> Sequence[Token]:
    """The tokens with two-word names whose given name the tagger read as a function word repaired.

    spaCy's small model reads "Per" in "said Per Hallin" as a preposition and "Will" in "Will Moreno said"
    as a modal, so the speaker comes out as "Hallin" or not at all. A title-case function word followed by
    a one-word proper noun is a given name when it sits where only a name fits: before the subject of a
    verb (a modal there would need a bare verb: "Will Moreno resign?"), or, with the surname closing the
    clause, right after a finite verb that has no subject (the inverted `"...," said Per Hallin.`). The
    given name becomes a PROPN compound of the surname, the pair a PERSON entity, and the surname takes
    the place in the tree the parse gave the misread word (the subject of a verb left without one, the
    second of two names, the apposition of a title: "harbour master Per Hallin").
    """
    out: list[Token] | None = None
    n = len(tokens)
    for i in range(n - 1):
        x, s = tokens[i], tokens[i + 1]
        if not _misread_given(x, s) or _title_case_sentence(tokens, x.i):
            continue
        prev = tokens[i - 1] if i > 0 else None
        if prev is not None and prev.sent == x.sent and prev.pos in _GOVERNS:
            continue  # "in May Lindqvist said", "last May", "a letter by Per Hallin": not a name's start
        nxt = tokens[i + 2] if i + 2 < n else None
        if nxt is not None and nxt.sent == s.sent and nxt.pos == "PROPN" and _title(nxt.text):
            continue  # "Farmer Jonas Petrik": the first word is not the given name of a two-word name
        role = _name_role(tokens, i)
        if role is None:
            continue
        fixed = list(tokens) if out is None else out
        fixed[i] = dataclasses.replace(
            x, pos="PROPN", tag="NNP", dep="compound", head=s.i, lemma=x.text, ent_type="PERSON", ent_iob="B"
        )
        fixed[i + 1] = dataclasses.replace(
            fixed[i + 1], dep=role[0], head=role[1], ent_type="PERSON", ent_iob="I"
        )
        for t in sentence_of(fixed, i):  # what hung on the misread word: "Per" -> ", the harbour director"
            if t.head == x.i and t.i not in (i, i + 1):
                fixed[t.i] = dataclasses.replace(t, head=s.i, dep="appos" if t.dep == "pobj" else t.dep)
        out = fixed
    return tokens if out is None else out


def _title(text: str) -> bool:
    return len(text) >= 2 and text.isalpha() and text[0].isupper() and text[1:].islower()


def _misread_given(x: Token, s: Token) -> bool:
    return (
        x.sent == s.sent
        and x.pos in _MISREAD_POS
        and _title(x.text)
        and x.text.lower() not in _NOT_GIVEN
        and s.pos == "PROPN"
        and _title(s.text)
    )


def _name_role(tokens: Sequence[Token], i: int) -> tuple[str, int] | None:
    """The dependency and head of the name at ``i, i + 1`` when its position leaves no other reading."""
    x, s = tokens[i], tokens[i + 1]
    subjects = {
        t.head
        for t in sentence_of(tokens, s.i)
        if t.dep in ("nsubj", "nsubjpass", "expl") and t.i not in (x.i, s.i)
    }

    def subjectless(v: int) -> bool:
        verb = tokens[v]
        return verb.sent == s.sent and verb.pos == "VERB" and verb.tag in _FINITE and v not in subjects

    head = tokens[s.head]
    beside = s.head > s.i or s.head == i - 1  # "Will Moreno (, the director,) said", "said Will Moreno"
    if s.dep == "nsubj" and beside and head.pos in ("VERB", "AUX") and head.tag != "VB":
        return s.dep, s.head  # the parse is right but for the given name's tag
    nxt = i + 2 if i + 2 < len(tokens) and tokens[i + 2].sent == s.sent else None
    for v in (nxt, x.head if x.dep in ("prep", "mark") else None):
        if v is not None and v > s.i and subjectless(v):
            return "nsubj", v  # "Per Hallin (, the harbour director,) said", parsed as "per" + object
    closes = nxt is None or tokens[nxt].pos == "PUNCT"
    if i > 0 and closes and tokens[i - 1].tag in ("VBD", "VBZ") and subjectless(i - 1):
        return "nsubj", i - 1  # '"...," said Per Hallin.'
    if x.dep in ("conj", "appos") and tokens[x.head].pos == "PROPN":
        return x.dep, x.head  # "Ilse Brandvoll and Per Hallin"
    if x.dep == "prep" and x.head == i - 1 and tokens[i - 1].pos == "NOUN":
        return "appos", i - 1  # "harbour master Per Hallin"
    return None


def _title_case_sentence(tokens: Sequence[Token], i: int) -> bool:
    """A headline ("Mayor Says Will Resign"): capitals there say nothing about names (``i``: a token
    of the sentence)."""
    words = [t.text for t in sentence_of(tokens, i) if t.text.isalpha() and len(t.text) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) > 0.6 * len(words)


# --------------------------------------------------------------------------- candidates


def complement_candidates(source: Source) -> list[tuple[str, str, int, set[int]]]:
    """(cue key, complement kind, cue token, content tokens) of every candidate (what the cue model scores).

    Verbs are keyed by lemma; nouns ("questions about", "claims that") as ``n:<lemma>`` and predicative
    adjectives ("is confident that", "was unhappy with") as ``a:<lemma>``.
    """
    parse = Parse(source)
    out: list[tuple[str, str, int, set[int]]] = []
    for t in parse.tokens:
        key = cue_key(t)
        if key:
            out.extend((key, kind, t.i, idxs) for kind, idxs in complements(parse, t))
    return out


def cue_key(t: Token) -> str:
    if t.pos in ("VERB", "AUX"):
        return t.lemma.lower()
    if t.pos == "NOUN":
        return f"n:{t.lemma.lower()}"
    if t.pos == "ADJ" and t.dep == "acomp":
        return f"a:{t.lemma.lower()}"
    return ""


def complements(parse: Parse, verb: Token) -> list[tuple[str, set[int]]]:
    """What a cue could be reporting, most clause-like first: clause, object, xcomp, prepositional object."""
    out: list[tuple[str, set[int]]] = []
    for c in parse.children[verb.i]:
        tok = parse.tokens[c]
        if tok.dep == "ccomp" and (is_clause(parse, c) or c > verb.i):
            out.append(("ccomp", parse.subtree(c)))
        elif tok.dep in ("dobj", "xcomp") or (
            tok.dep == "acl" and verb.pos == "NOUN" and parse.kids(c, {"mark"})
        ):
            out.append((tok.dep, parse.subtree(c)))
        elif tok.dep == "prep":
            for o in parse.kids(c, {"pobj", "pcomp"}):
                out.append((f"prep:{tok.text.lower()}", parse.subtree(o)))
    if verb.dep == "parataxis" and verb.head != verb.i and parse.tokens[verb.head].sent == verb.sent:
        out.append(("head", parse.subtree(verb.head) - parse.subtree(verb.i)))
    order = {"ccomp": 0, "dobj": 1, "xcomp": 2, "head": 4}
    return sorted(out, key=lambda kv: order.get(kv[0], 3))


def is_clause(parse: Parse, i: int) -> bool:
    """A reported clause has its own subject or a "that"/"whether" (participles like "asked" do not)."""
    own = parse.kids(i, {"nsubj", "nsubjpass", "expl", "mark", "csubj"})
    return bool(own) or parse.tokens[i].pos == "AUX"


def features(
    parse: Parse, cue: int, kind: str, content: set[int], quotes: Sequence[tuple[int, int]]
) -> list[str]:
    """Binary features of one (cue word, complement) candidate: the words, the parse and the quotes."""
    t = parse.tokens[cue]
    key = cue_key(t)
    out = [f"k={key}", f"kk={key}|{kind}", f"kind={kind}", f"dep={t.dep}|{kind}", f"tag={t.tag}|{kind}"]
    subj = speaker_word(parse, t)
    if subj is None:
        out += ["nosubj", f"k_nosubj={key}"]
    else:
        s = parse.tokens[subj]
        who = s.ent_type or (s.text.lower() if s.pos == "PRON" else s.pos)
        out += [f"subj={who}", f"k_subj={key}|{who}", f"kind_subj={kind}|{who}"]
        if s.pos == "NOUN":  # "polls show", "officials said", "the report found"
            out.append(f"subj_noun={s.lemma.lower()}")
    toks = sorted(content)
    words = sum(1 for i in toks if parse.tokens[i].text[:1].isalnum())
    out.append(f"len={min(6, int(math.log2(words + 1)))}|{kind}")
    roots = [i for i in toks if parse.tokens[i].head not in content or parse.tokens[i].head == i]
    if roots:
        out.append(f"croot={parse.tokens[roots[0]].pos}|{kind}")
    first = parse.tokens[toks[0]].text.lower() if toks else ""
    if first in ("that", "whether", "to", "if", "how", "what", "why", "when", "for"):
        out.append(f"first={first}|{kind}")
    start, end = parse.tokens[toks[0]].start, parse.tokens[toks[-1]].end
    if any(q0 < end and start < q1 for q0, q1 in quotes):
        out.append(f"quoted|{kind}")
    if any(q0 <= t.start < q1 for q0, q1 in quotes):
        out.append("cue_in_quote")
    if toks and toks[0] < cue:
        out.append(f"content_before|{kind}")
    for c in parse.children[cue]:
        d = parse.tokens[c].dep
        if d in ("neg", "auxpass") or (d == "aux" and parse.tokens[c].tag == "MD"):
            out.append(f"mod={d}")
    if t.sent == 0:
        out.append("first_sentence")
    return out


def speaker_word(parse: Parse, t: Token) -> int | None:
    """Who the cue word is about: the subject of a verb, the owner of a noun ("Trump's claims")."""
    if t.pos == "NOUN":
        return next(iter(parse.kids(t.i, {"poss"})), None)
    if t.pos == "ADJ":
        return parse.subject(t.head) if t.head != t.i else None
    return parse.subject(t.i)


@dataclass(frozen=True, slots=True)
class CueModel:
    """Logistic-regression weights over candidate features; ``threshold`` chosen on held-out train data."""

    weights: dict[str, float]
    bias: float
    threshold: float
    provenance: str = ""

    @classmethod
    def load(cls) -> CueModel:
        """The weights shipped in the package (read on each call: keep the returned object and reuse it)."""
        from importlib import resources

        from newsprism.errors import ModelMissingError

        try:
            raw = resources.files("newsprism.lenses").joinpath(WEIGHTS).read_text("utf-8")
        except (FileNotFoundError, ModuleNotFoundError) as exc:
            raise ModelMissingError(
                f"the quotes lens cue weights (newsprism/lenses/{WEIGHTS}) are missing",
                "reinstall newsprism (pip install --force-reinstall newsprism) "
                "or run benchmarks/quotes_learn_cues.py",
            ) from exc
        data = json.loads(raw)
        return cls(
            weights=dict(data["weights"]),
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
            provenance=str(data.get("provenance", "")),
        )

    def probability(self, feats: Iterable[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def best(
        self, parse: Parse, cue: int, quotes: Sequence[tuple[int, int]]
    ) -> tuple[float, str, set[int]] | None:
        """The most likely complement of ``cue`` when it clears the threshold."""
        scored = [
            (self.probability(features(parse, cue, kind, idxs, quotes)), kind, idxs)
            for kind, idxs in complements(parse, parse.tokens[cue])
        ]
        if not scored:
            return None
        top = max(scored, key=lambda x: x[0])
        return top if top[0] >= self.threshold else None
