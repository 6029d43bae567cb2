"""Attribution detection: who is reported as saying (or thinking, or finding) what, in one source.

This is the one detector shared by the quotes lens (which resolves and compares speakers) and the language
lens (which needs to know which words are an outlet's own and which it attributes to someone else). It
works on the parse the segmenter already made (``Source.tokens``), so it loads no model of its own.

Three kinds are found: *direct* quotes (text in quotation marks, including quotes that run over several
sentences or paragraphs and quotes broken by "she said"), *indirect* speech (a cue verb with a clausal
complement: "Zelenskiy promised a strong response") and *mixed* quotes (indirect speech holding a quoted
fragment). Each carries character offsets of its content pieces, its cue and its speaker phrase.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from newsprism.model import QuoteKind, Source, Token


def wordset(words: str) -> frozenset[str]:
    """A word list written as one whitespace-separated string (easier to read and edit than a literal)."""
    return frozenset(words.split())


# Lemmas of verbs that report what someone said or wrote. Chosen by hand, checked against the cue words of
# the PolNeAR train split (Newell et al. 2018): together these cover most of its annotated cues.
SPEECH_VERBS: frozenset[str] = wordset(
    """say tell add write tweet post state announce declare note explain argue insist claim contend assert
    maintain warn caution threaten promise vow pledge swear report ask reply respond retort confirm deny
    acknowledge admit concede reveal disclose suggest propose recommend urge demand predict estimate allege
    complain lament boast brag joke quip recall remark comment observe mention stress emphasize emphasise
    underscore reiterate repeat agree counter object protest testify inform
    assure concede charge accuse blame criticize criticise praise describe call dismiss signal indicate
    hint imply conclude decide acknowledge speculate guess wonder declare proclaim shout scream yell
    whisper mutter cry exclaim continue told"""
)

# Verbs of belief, perception and evidence: "polls show", "she believes". PolNeAR (like PARC) counts them.
OTHER_CUE_VERBS: frozenset[str] = wordset(
    """think believe feel know expect hope fear worry doubt find show suggest reckon consider
    understand learn hear read see indicate"""
)

# Speech verbs whose object is what was said: "promised a strong response", "denied the report".
OBJECT_SPEECH_VERBS: frozenset[str] = wordset(
    "promise vow pledge threaten demand announce deny confirm reject welcome condemn criticize criticise"
)

# (lemma -> complements) pairs PolNeAR's train annotators mark as attribution cues, learned by
# benchmarks/quotes_learn_cues.py (see that script for the command and thresholds).
LEARNED_CUES: dict[str, str] = {
    "a:critical": "prep:of",
    "a:divided": "prep:on",
    "a:full": "prep:of",
    "a:optimistic": "prep:about",
    "accuse": "dobj prep:of",
    "acknowledge": "ccomp dobj",
    "add": "ccomp head",
    "admit": "ccomp dobj",
    "adopt": "ccomp",
    "advocate": "prep:for",
    "agree": "ccomp",
    "amplify": "dobj",
    "announce": "ccomp dobj",
    "answer": "ccomp prep:besides",
    "apologize": "prep:for",
    "appear": "xcomp",
    "applaud": "dobj",
    "appoint": "dobj prep:to",
    "argue": "ccomp dobj",
    "ask": "ccomp prep:about xcomp",
    "assert": "ccomp",
    "assure": "prep:of",
    "attribute": "prep:to",
    "back": "dobj",
    "begin": "prep:by",
    "bemoan": "dobj",
    "bill": "prep:as",
    "blame": "prep:for prep:on",
    "blast": "dobj prep:for",
    "boast": "prep:about",
    "boo": "dobj",
    "brand": "dobj",
    "broadcast": "dobj",
    "call": "ccomp dobj prep:against prep:for prep:on prep:with xcomp",
    "campaign": "prep:against",
    "cast": "prep:as",
    "challenge": "prep:on",
    "chant": "dobj",
    "charge": "ccomp dobj prep:with",
    "cheer": "dobj prep:for",
    "choose": "xcomp",
    "cite": "dobj prep:as prep:in",
    "claim": "ccomp xcomp",
    "clarify": "ccomp",
    "coin": "dobj",
    "comment": "prep:on",
    "complain": "prep:about",
    "concede": "ccomp",
    "conclude": "ccomp prep:by",
    "confirm": "ccomp dobj",
    "congratulate": "dobj prep:for",
    "consider": "ccomp",
    "continue": "ccomp",
    "contrast": "dobj prep:with",
    "criticise": "dobj",
    "criticize": "dobj prep:for",
    "decide": "xcomp",
    "declare": "ccomp dobj prep:for",
    "decline": "xcomp",
    "decry": "dobj",
    "defend": "dobj",
    "demand": "dobj xcomp",
    "demonstrate": "ccomp",
    "denounce": "dobj",
    "deny": "ccomp",
    "describe": "dobj prep:as",
    "disavow": "dobj",
    "discuss": "dobj prep:with",
    "dismiss": "dobj",
    "distinguish": "dobj prep:as prep:with",
    "do": "prep:like",
    "echo": "dobj",
    "elect": "prep:to",
    "email": "dobj",
    "emphasize": "ccomp dobj",
    "encourage": "dobj xcomp",
    "endorse": "dobj prep:for prep:in",
    "expect": "dobj xcomp",
    "explain": "ccomp",
    "express": "ccomp dobj",
    "fight": "prep:about",
    "file": "dobj",
    "find": "ccomp",
    "fire": "prep:at",
    "focus": "prep:on",
    "forget": "xcomp",
    "hail": "dobj",
    "highlight": "dobj",
    "hire": "dobj xcomp",
    "hop": "ccomp xcomp",
    "identify": "prep:as",
    "ignore": "dobj",
    "impassione": "prep:in",
    "imply": "ccomp",
    "insist": "ccomp",
    "intend": "dobj",
    "invite": "xcomp",
    "joke": "ccomp",
    "know": "prep:as",
    "lambast": "prep:as",
    "learn": "ccomp",
    "list": "dobj prep:as prep:in",
    "mention": "dobj prep:by",
    "mock": "dobj prep:for",
    "n:announcement": "prep:of",
    "n:attack": "prep:against",
    "n:call": "prep:for",
    "n:case": "prep:for",
    "n:chant": "prep:of",
    "n:comment": "prep:about",
    "n:criticism": "prep:of",
    "n:defense": "prep:of",
    "n:disagreement": "prep:with",
    "n:hope": "prep:of",
    "n:interest": "prep:in",
    "n:mention": "prep:of",
    "n:opinion": "prep:on",
    "n:reference": "prep:to",
    "n:statement": "acl",
    "n:support": "prep:for",
    "n:supporter": "prep:of",
    "n:view": "prep:on",
    "name": "dobj prep:in",
    "note": "ccomp dobj",
    "notice": "ccomp",
    "offer": "dobj",
    "open": "prep:about",
    "pledge": "dobj xcomp",
    "point": "ccomp prep:to",
    "portray": "dobj",
    "praise": "dobj prep:for",
    "predict": "ccomp dobj",
    "prefer": "dobj xcomp",
    "project": "dobj",
    "promise": "ccomp dobj prep:in xcomp",
    "protest": "dobj",
    "question": "ccomp dobj",
    "rail": "prep:against",
    "react": "prep:to",
    "read": "ccomp xcomp",
    "recall": "ccomp dobj",
    "recognize": "ccomp prep:for",
    "refer": "prep:as prep:to",
    "reference": "dobj",
    "reflect": "prep:on",
    "refuse": "xcomp",
    "remember": "prep:as",
    "replay": "dobj",
    "reply": "ccomp",
    "report": "ccomp dobj",
    "reprise": "dobj",
    "respond": "ccomp prep:to prep:with",
    "reveal": "ccomp dobj",
    "ridicule": "dobj",
    "rule": "ccomp",
    "say": "ccomp head",
    "see": "prep:as prep:during",
    "seem": "xcomp",
    "shoot": "ccomp",
    "shout": "ccomp",
    "show": "ccomp prep:with xcomp",
    "slam": "dobj",
    "speak": "prep:about",
    "state": "ccomp",
    "stress": "ccomp",
    "submit": "dobj",
    "suggest": "ccomp",
    "talk": "dobj",
    "tell": "ccomp prep:by xcomp",
    "tend": "xcomp",
    "thank": "prep:for",
    "threaten": "xcomp",
    "throw": "prep:behind",
    "tout": "dobj",
    "tweet": "ccomp",
    "urge": "xcomp",
    "vow": "ccomp xcomp",
    "warn": "ccomp prep:of",
    "weigh": "prep:on",
    "welcome": "dobj",
    "worry": "ccomp",
    "write": "ccomp head",
}

# Cue verbs whose content is their object rather than a clause ("called the vote a sham").
OBJECT_CUE_VERBS: frozenset[str] = wordset("call describe label brand dub denounce")

_CONTENT_DEPS = frozenset({"ccomp"})
_SUBJECT_DEPS = frozenset({"nsubj"})
_INHERIT_SUBJECT_DEPS = frozenset({"xcomp", "conj", "advcl"})
_EDGE_PUNCT = " \t\r\n,;:-–—"


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attributed statement: its content pieces, cue and speaker phrase, as character offsets.

    ``pieces`` has more than one span when a direct quote is broken by its cue ("A," she said, "B.");
    ``inherits`` points (by index in the same result) to an earlier attribution whose speaker a cue-less
    continuation quote takes over.
    """

    kind: QuoteKind
    pieces: tuple[tuple[int, int], ...]
    cue: str = ""
    cue_span: tuple[int, int] | None = None
    speaker_span: tuple[int, int] | None = None
    speaker_head: int | None = None  # token index of the speaker phrase's head word
    sentence: int = 0
    inherits: int | None = None
    speech: bool = True  # False for cues of belief, evidence or stance ("believes", "polls show", "backed")

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


# --------------------------------------------------------------------------- quotation marks


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted text, marks included: “curly”, "straight", ''doubled'' and ‘single’ (headline) quotes.

    A quote left open at the end of a paragraph continues when the next paragraph opens with a quotation
    mark (the newspaper convention for multi-paragraph quotes); otherwise it is closed at the paragraph end
    so that one stray mark cannot swallow the rest of the article. Single quotes count only outside double
    ones and only where they cannot be apostrophes.
    """
    spans: list[tuple[int, int]] = []
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    open_at: int | None = None
    for n, (p_start, p_end) in enumerate(paragraphs):
        single_at: int | None = None
        marks = [m for m in _MARK.finditer(text, p_start, p_end) if not _in_markup(text, m.start(), p_start)]
        if open_at is not None and marks and marks[0].start() == p_start and _role(text, marks[0]) != "close":
            marks = marks[1:]  # continuation paragraph: its opening mark does not close the quote
        for m in marks:
            role = _role(text, m)
            i, j = m.start(), m.end()
            if role == "open" or (role == "toggle" and open_at is None):
                if open_at is not None and _words(text[open_at:i]) > 0:
                    spans.append((open_at, _rstrip(text, open_at, i)))
                open_at, single_at = i, None
            elif role in ("close", "toggle") and open_at is not None:
                spans.append((open_at, j))
                open_at = None
            elif role == "open1" and open_at is None:
                single_at = i
            elif role == "close1" and open_at is None and single_at is not None:
                spans.append((single_at, j))
                single_at = None
        if open_at is not None:
            nxt = paragraphs[n + 1][0] if n + 1 < len(paragraphs) else None
            reopen = _MARK.match(text, nxt) if nxt is not None else None
            if reopen is None or _role(text, reopen) == "close":
                spans.append((open_at, _rstrip(text, open_at, p_end)))
                open_at = None
    return sorted((s, e) for s, e in spans if _words(text[s:e]) >= 1)


def _in_markup(text: str, i: int, floor: int) -> bool:
    """Inside an HTML/XML tag left in the text (embedded tweets): attribute values are not quotes."""
    lt = text.rfind("<", floor, i)
    return lt != -1 and text.find(">", lt, i) == -1 and i - lt < 500


_MARK = re.compile(r"''|``|[“”„«»\"‘’]")


def _role(text: str, m: re.Match[str]) -> str:
    c = m.group()
    if c in ("“", "„", "«", "``"):
        return "open"
    if c in ("”", "»"):
        return "close"
    if c in ('"', "''"):
        return "toggle"
    before = text[m.start() - 1] if m.start() > 0 else " "
    after = text[m.end()] if m.end() < len(text) else " "
    if c == "‘" and (before.isspace() or before in "([—-:") and not after.isspace():
        return "open1"
    if c == "’" and not after.isalnum():
        return "close1"
    return ""


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


# --------------------------------------------------------------------------- parse helpers


class _Parse:
    """Children and subtrees over the flat token list the segmenter produced."""

    def __init__(self, source: Source) -> None:
        self.tokens: Sequence[Token] = source.tokens
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

    def antecedent(self, i: int) -> int:
        """The noun a relative pronoun stands for: "Sanders, who endorsed Clinton, said" -> Sanders."""
        tok = self.tokens[i]
        if tok.tag in ("WP", "WDT") and self.tokens[tok.head].dep == "relcl":
            return self.tokens[tok.head].head
        return i

    def phrase(self, i: int) -> set[int]:
        """A speaker's noun phrase (PolNeAR keeps appositions and clauses), without a glued dateline."""
        out = self.subtree(i)
        # "New York (AFP) – Vice President Joe Biden"
        dash = [j for j in out if j < i and self.tokens[j].text in ("–", "—", "--")]
        if dash:
            out = {j for j in out if j > max(dash)}
        return out

    def subject(self, i: int) -> int | None:
        """The speaker word of verb ``i``, climbing to the governing verb for "adding", "and said"."""
        for _ in range(3):
            subj = self.kids(i, _SUBJECT_DEPS)
            if subj:
                return subj[0]
            if self.kids(i, {"nsubjpass"}) or self.tokens[i].dep not in _INHERIT_SUBJECT_DEPS:
                return None
            i = self.tokens[i].head
        return None


# --------------------------------------------------------------------------- detection


def find_attributions(source: Source, *, beliefs: bool = True) -> list[Attribution]:
    """Every attribution in ``source``, in text order.

    With ``beliefs`` (the default, PolNeAR's notion of attribution) cues of belief, evidence and stance
    count too ("she believes", "polls show", "called for a moratorium"); without it only speech does.
    """
    if not source.tokens:
        return []
    parse = _Parse(source)
    quotes = quote_spans(source.text)
    found: list[Attribution] = []
    cues = SPEECH_VERBS | OTHER_CUE_VERBS if beliefs else SPEECH_VERBS
    for t in parse.tokens:
        lemma = t.lemma.lower()
        known = lemma in cues or lemma in OBJECT_CUE_VERBS or lemma in LEARNED_CUES
        if t.pos in ("VERB", "AUX") and known:
            learned = (
                frozenset(LEARNED_CUES.get(lemma, "").split()) if beliefs or lemma in cues else frozenset()
            )
            if lemma in cues or lemma in OBJECT_CUE_VERBS or learned:
                att = _verb_attribution(parse, t, quotes, lemma in cues, learned)
                if att is not None:
                    found.append(att)
        elif t.pos in ("NOUN", "ADJ") and beliefs and _cue_key(t) in LEARNED_CUES:
            att = _learned_attribution(parse, t, frozenset(LEARNED_CUES[_cue_key(t)].split()))
            if att is not None:
                found.append(att)
        elif t.text.lower() == "according":
            att = _according_to(parse, t)
            if att is not None:
                found.append(att)
        elif t.text == ":":
            att = _colon_headline(parse, t)
            if att is not None:
                found.append(att)
    found = _attach_quotes(parse, found, quotes)
    return _dedupe(found)


def complement_candidates(source: Source) -> list[tuple[str, str, int, set[int]]]:
    """(cue key, complement kind, cue token, content tokens) of every candidate; LEARNED_CUES is fit on these.

    Verbs are keyed by lemma; nouns ("questions about", "claims that") as ``n:<lemma>`` and predicative
    adjectives ("is confident that", "was unhappy with") as ``a:<lemma>``.
    """
    parse = _Parse(source)
    out: list[tuple[str, str, int, set[int]]] = []
    for t in parse.tokens:
        key = _cue_key(t)
        if key:
            out.extend((key, kind, t.i, idxs) for kind, idxs in _complements(parse, t))
    return out


def _cue_key(t: Token) -> str:
    if t.pos in ("VERB", "AUX"):
        return t.lemma.lower()
    if t.pos == "NOUN":
        return f"n:{t.lemma.lower()}"
    if t.pos == "ADJ" and t.dep == "acomp":
        return f"a:{t.lemma.lower()}"
    return ""


def _complements(parse: _Parse, verb: Token) -> list[tuple[str, set[int]]]:
    """What a cue could be reporting, most clause-like first: clause, object, xcomp, prepositional object."""
    out: list[tuple[str, set[int]]] = []
    for c in parse.children[verb.i]:
        tok = parse.tokens[c]
        if tok.dep == "ccomp" and (_is_clause(parse, c) or c > verb.i):
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


def _verb_attribution(
    parse: _Parse, verb: Token, quotes: list[tuple[int, int]], listed: bool, learned: frozenset[str]
) -> Attribution | None:
    lemma = verb.lemma.lower()
    content: set[int] = set()
    subj = parse.subject(verb.i)
    comps = []
    for c in parse.kids(verb.i, _CONTENT_DEPS):
        before_cue = c < verb.i and parse.tokens[c].lemma.lower() in SPEECH_VERBS
        if (_is_clause(parse, c) or c > verb.i) and not (before_cue and not parse.kids(c, {"mark"})):
            comps.append(c)
        elif subj is None and c < verb.i:
            # "Peskov, asked about the deal, said ...": the parser hangs the speaker on the participle
            subj = next(iter(parse.kids(c, _SUBJECT_DEPS)), None)
    if comps and (listed or "ccomp" in learned):
        for c in comps:
            content |= parse.subtree(c)
    elif lemma in OBJECT_CUE_VERBS:
        for c in parse.kids(verb.i, {"dobj", "oprd", "prep", "xcomp"}):
            if parse.tokens[c].dep != "prep" or parse.tokens[c].text.lower() in ("as", "for", "on"):
                content |= parse.subtree(c)
    if not content and lemma in OBJECT_SPEECH_VERBS:
        for c in parse.kids(verb.i, {"dobj", "xcomp"}):
            content |= parse.subtree(c)
    aside = verb.dep == "parataxis" or (verb.dep == "ccomp" and bool(parse.kids(verb.i, _SUBJECT_DEPS)))
    if not content and listed and aside:
        # "The economy is growing, she said." and "Acts of protest, Mr. Obama said, are acts of patriotism."
        head = verb.head
        if head != verb.i and parse.tokens[head].sent == verb.sent:
            content = parse.subtree(head) - parse.subtree(verb.i)
    if not content and learned:
        content = next((idxs for kind, idxs in _complements(parse, verb) if kind in learned), set())
    pieces: list[tuple[int, int]] = []
    span = parse.span(content) if content else None
    if span is not None:
        pieces.append(span)
    if lemma in SPEECH_VERBS and not any(q0 < verb.start < q1 for q0, q1 in quotes):
        adjacent = _adjacent_quotes(parse, verb, quotes)
        if not pieces or (adjacent and any(p[0] <= verb.start < p[1] for p in pieces)):
            pieces = adjacent or pieces
    if not pieces:
        return None
    speaker_span = parse.span(parse.phrase(subj)) if subj is not None else None
    subj = parse.antecedent(subj) if subj is not None else None  # the word to resolve: "who" -> "Sanders"
    cue_tokens = [verb.i, *parse.kids(verb.i, {"prt"})]
    cue_span = (parse.tokens[min(cue_tokens)].start, parse.tokens[max(cue_tokens)].end)
    return Attribution(
        kind="indirect",
        pieces=tuple(pieces),
        cue=parse.text[cue_span[0] : cue_span[1]],
        cue_span=cue_span,
        speaker_span=speaker_span,
        speaker_head=subj,
        sentence=verb.sent,
        speech=lemma in SPEECH_VERBS or lemma in OBJECT_CUE_VERBS or lemma in OBJECT_SPEECH_VERBS,
    )


def _learned_attribution(parse: _Parse, cue: Token, learned: frozenset[str]) -> Attribution | None:
    """A noun or adjective cue ("questions about X", "is confident that X"), as PolNeAR annotates them."""
    content = next((idxs for kind, idxs in _complements(parse, cue) if kind in learned), set())
    span = parse.span(content) if content else None
    if span is None:
        return None
    if cue.pos == "NOUN":
        subj = next(iter(parse.kids(cue.i, {"poss"})), None)
    else:
        subj = parse.subject(cue.head) if cue.head != cue.i else None
    speaker_span = parse.span(parse.phrase(subj)) if subj is not None else None
    return Attribution(
        kind="indirect",
        pieces=(span,),
        cue=cue.text,
        cue_span=(cue.start, cue.end),
        speaker_span=speaker_span,
        speaker_head=subj,
        sentence=cue.sent,
        speech=False,
    )


def _is_clause(parse: _Parse, i: int) -> bool:
    """A reported clause has its own subject or a "that"/"whether" (participles like "asked" do not)."""
    own = parse.kids(i, {"nsubj", "nsubjpass", "expl", "mark", "csubj"})
    return bool(own) or parse.tokens[i].pos == "AUX"


def _in_quote(parse: _Parse, i: int, quotes: list[tuple[int, int]]) -> bool:
    tok = parse.tokens[i]
    return any(q0 <= tok.start < q1 for q0, q1 in quotes)


def _according_to(parse: _Parse, tok: Token) -> Attribution | None:
    to = parse.kids(tok.i, {"prep"})
    if not to:
        return None
    objs = parse.kids(to[0], {"pobj"})
    if not objs:
        return None
    head = tok.head
    if head == tok.i:
        return None
    content = parse.subtree(head) - parse.subtree(tok.i)
    span = parse.span(content)
    if span is None:
        return None
    speaker = parse.span(parse.subtree(objs[0]))
    cue_span = (tok.start, parse.tokens[to[0]].end)
    return Attribution(
        kind="indirect",
        pieces=(span,),
        cue=parse.text[cue_span[0] : cue_span[1]],
        cue_span=cue_span,
        speaker_span=speaker,
        speaker_head=objs[0],
        sentence=tok.sent,
    )


def _colon_headline(parse: _Parse, colon: Token) -> Attribution | None:
    """Headline style "Sanders: Clinton must get away from personality stuff" (a name, a colon, a claim)."""
    sent = [t for t in parse.tokens if t.sent == colon.sent and not t.is_space]
    before = [t for t in sent if t.i < colon.i]
    after = [t for t in sent if t.i > colon.i]
    if not before or len(before) > 4 or sum(1 for t in after if t.text[:1].isalnum()) < 4:
        return None
    if not all(t.pos in ("PROPN", "NOUN") for t in before) or before[-1].pos != "PROPN":
        return None
    content = parse.span(t.i for t in after)
    speaker = parse.span(t.i for t in before)
    if content is None or speaker is None:
        return None
    return Attribution(
        kind="indirect",
        pieces=(content,),
        cue=":",
        cue_span=(colon.start, colon.end),
        speaker_span=speaker,
        speaker_head=before[-1].i,
        sentence=colon.sent,
    )


def _adjacent_quotes(parse: _Parse, verb: Token, quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Quotes touching the cue's clause: `"A," she said.`, `She said: "A."`, `"A," she said, "B."`."""
    sent_tokens = [t for t in parse.tokens if t.sent == verb.sent and not t.is_space]
    s_start, s_end = sent_tokens[0].start, sent_tokens[-1].end
    colon = parse.text[verb.end : s_end].strip().startswith(":")
    before = [q for q in quotes if s_start < q[1] <= verb.start]
    after = [q for q in quotes if verb.end <= q[0] and (q[0] < s_end or colon)]
    pieces: list[tuple[int, int]] = []
    if before and _gap_is_small(parse.text, before[-1][1], verb.start):
        pieces.append(before[-1])
    if after and _gap_is_small(parse.text, verb.end, after[0][0]):
        pieces.append(after[0])
    return pieces


def _gap_is_small(text: str, a: int, b: int) -> bool:
    """Only the speaker phrase and punctuation sit between a quote and its cue."""
    return _words(text[a:b]) <= 8 and not re.search(r"[.!?]\s|\n", text[a:b])


def _overlaps(span: tuple[int, int], pieces: Iterable[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in pieces)


def _attach_quotes(
    parse: _Parse, found: list[Attribution], quotes: list[tuple[int, int]]
) -> list[Attribution]:
    """Grow contents to whole quotes, set kinds, and add cue-less quotes that continue a speaker."""
    text = parse.text
    out: list[Attribution] = []
    used: set[tuple[int, int]] = set()
    for att in found:
        if att.cue_span is not None and any(q0 < att.cue_span[0] < q1 for q0, q1 in quotes):
            continue  # a cue inside a quote: the quoted speaker's own reported speech, not the outlet's
        pieces: list[tuple[int, int]] = []
        for piece in att.pieces:
            inside = [q for q in quotes if q[0] < piece[1] and piece[0] < q[1]]
            if inside:
                start = min(piece[0], inside[0][0])
                end = max(piece[1], inside[-1][1])
                if att.cue_span is not None and start < att.cue_span[0] < end:
                    # the cue sits inside: split around the cue phrase, keeping only quoted pieces
                    pieces.extend(inside)
                else:
                    pieces.append((start, end))
                used.update(inside)
            else:
                pieces.append(piece)
        pieces = sorted(set(pieces))
        kind = _kind(text, pieces, quotes)
        lead = _leading_quote(text, att, quotes, used) if kind == "direct" else None
        if lead is not None:
            pieces.insert(0, lead)
            used.add(lead)
        if att.speaker_span is not None and _overlaps(att.speaker_span, pieces):
            att = _replace(att, speaker_span=None, speaker_head=None)
        out.append(_replace(att, pieces=tuple(pieces), kind=kind))
    # quotes no cue claimed: continuation of the previous speaker, or an unattributed quote
    for q in quotes:
        if q in used or any(_overlaps(q, a.pieces) for a in out):
            continue
        prev = _previous(out, q[0])
        sent = _sentence_of(parse, q[0])
        if prev is not None and prev.kind == "direct" and _same_paragraph_run(text, prev.end, q[0]):
            merged = _replace(prev, pieces=(*prev.pieces, q))
            out[out.index(prev)] = merged
        elif _words(text[q[0] : q[1]]) >= 4 and not _is_title(text[q[0] : q[1]]):
            # shorter ones are scare quotes, and title-case ones are names of shows and books
            out.append(Attribution(kind="direct", pieces=(q,), sentence=sent))
    out = [a for a in out if a.speech or not _nested(a, out)]
    out.sort(key=lambda a: (a.start, a.end))
    return [_inherit(out, n) for n in range(len(out))]


def _nested(att: Attribution, found: list[Attribution]) -> bool:
    """A stance cue inside another attribution's content ("said he refused to drop the gun")."""
    if att.cue_span is None:
        return False
    cue = att.cue_span[0]
    return any(o is not att and any(s <= cue < e for s, e in o.pieces) for o in found)


def _leading_quote(
    text: str, att: Attribution, quotes: list[tuple[int, int]], used: set[tuple[int, int]]
) -> tuple[int, int] | None:
    """The first half of `"A," Mr. Obama said, "B."` when the parse tied the cue to the second half."""
    if att.cue_span is None:
        return None
    left = min(att.cue_span[0], att.speaker_span[0] if att.speaker_span else att.cue_span[0])
    if left < att.pieces[0][0]:
        before = [q for q in quotes if q[1] <= left and q not in used]
        if before and _gap_is_small(text, before[-1][1], left):
            return before[-1]
    return None


def _inherit(found: list[Attribution], n: int) -> Attribution:
    """A cue-less quote takes the speaker of the nearest cued attribution up to three sentences back."""
    att = found[n]
    if att.cue_span is not None:
        return att
    for m in range(n - 1, -1, -1):
        prev = found[m]
        if att.sentence - prev.sentence > 3:
            break
        if prev.cue_span is not None and prev.speaker_span is not None:
            return _replace(att, inherits=m)
    return att


def _is_title(text: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) > 3]
    return bool(words) and all(w[0].isupper() for w in words)


def _previous(found: list[Attribution], before: int) -> Attribution | None:
    earlier = [a for a in found if a.end <= before]
    return max(earlier, key=lambda a: a.end) if earlier else None


def _same_paragraph_run(text: str, a: int, b: int) -> bool:
    return "\n" not in text[a:b]


def _sentence_of(parse: _Parse, offset: int) -> int:
    for t in parse.tokens:
        if t.end > offset:
            return t.sent
    return parse.tokens[-1].sent if parse.tokens else 0


def _kind(text: str, pieces: list[tuple[int, int]], quotes: list[tuple[int, int]]) -> QuoteKind:
    quoted = 0
    total = 0
    for s, e in pieces:
        total += _words(text[s:e])
        quoted += sum(_words(text[max(s, q0) : min(e, q1)]) for q0, q1 in quotes if q0 < e and s < q1)
    if total == 0 or quoted == 0:
        return "indirect"
    return "direct" if quoted >= total - 1 else "mixed"


def _replace(att: Attribution, **changes: object) -> Attribution:
    import dataclasses

    return dataclasses.replace(att, **changes)  # type: ignore[arg-type]


def _dedupe(found: list[Attribution]) -> list[Attribution]:
    seen: set[tuple[tuple[int, int], ...]] = set()
    out = []
    for att in found:
        if att.pieces not in seen:
            seen.add(att.pieces)
            out.append(att)
    return out
