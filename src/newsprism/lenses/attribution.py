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
from collections.abc import Iterable
from dataclasses import dataclass, replace

from newsprism.lenses.attribution_cues import (
    SUBJECT_DEPS,
    CueModel,
    Parse,
    cue_key,
    is_clause,
    speaker_word,
)
from newsprism.lenses.language_lexicon import ATTRIBUTION_VERBS
from newsprism.lenses.language_lexicon import SPEECH_VERBS as LOADED_SPEECH_VERBS
from newsprism.model import QuoteKind, Source, Token, sentence_of
from newsprism.segment._rules import CAPITALS, DATELINE_START


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
    underscore reiterate repeat agree counter object protest testify inform remind
    assure concede charge accuse blame criticize criticise praise describe call dismiss signal indicate
    hint imply conclude decide acknowledge speculate guess wonder declare proclaim shout scream yell
    whisper mutter cry exclaim continue told"""
) | frozenset(
    # the loaded verbs of speech the language lens flags ("wailed", "whined", "fumed", "crowed"): a
    # tabloid's quote introduced by one is still a quote of that speaker
    # ("blasted the governor's excuses" is criticism, not a statement: only the loaded ways of saying)
    w
    for table in (ATTRIBUTION_VERBS, LOADED_SPEECH_VERBS)
    for w, entry in table.items()
    if w.isalpha() and entry.neutral == "say" and w != "pretend"
)

# Verbs of belief, perception and evidence: "polls show", "she believes". PolNeAR (like PARC) counts them.
OTHER_CUE_VERBS: frozenset[str] = wordset(
    """think believe feel know expect hope fear worry doubt find show suggest reckon consider
    understand learn hear read see indicate"""
)

# what "claimed" takes when it means killed ("the storm claimed three lives"), not said
_TAKEN = frozenset({"life", "lives", "victim", "casualty"})

# Speech verbs whose object is what was said: "promised a strong response", "denied the report".
OBJECT_SPEECH_VERBS: frozenset[str] = wordset(
    "promise vow pledge threaten demand announce deny confirm reject welcome condemn criticize criticise"
)


# Speech verbs only when they report a clause or a quote ("recalled that ...", '"Fine," she agreed'). With an
# object "recall" is no attribution at all ("is recalling 48,000 cars"); "agree" is a stance, which PolNeAR
# counts but the quotes lens does not show as speech ("agreed to a deal", "agreed to pay")
_RECALL: frozenset[str] = wordset("recall")
_STANCE: frozenset[str] = wordset("agree")

# Cue verbs whose content is their object rather than a clause ("called the vote a sham").
OBJECT_CUE_VERBS: frozenset[str] = wordset("call describe label brand dub denounce")

_CONTENT_DEPS = frozenset({"ccomp"})


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
    # a cue said not to have been used ("She did not explain how ...", "never said"): PolNeAR counts it, but
    # it reports no statement of its speaker, so the quotes lens shows none; its speaker is still salient
    negated: bool = False

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


# --------------------------------------------------------------------------- quotation marks


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted text, marks included: “curly”, "straight", ''doubled'' and ‘single’ or 'single' quotes.

    A quote left open at the end of a paragraph continues when the next paragraph opens with a quotation
    mark (the newspaper convention for multi-paragraph quotes); otherwise it is closed at the paragraph end
    so that one stray mark cannot swallow the rest of the article. Single quotes (British style; the
    normaliser makes them all straight) count only outside double ones, only where they cannot be
    apostrophes ("don't", "workers' pay", "'90s", "rock 'n' roll"), and one left open at a paragraph end
    continues only into a paragraph that opens with a single mark; otherwise it was an apostrophe and is
    dropped. A quote inside another is part of it.
    """
    spans: list[tuple[int, int]] = []
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    open_at: int | None = None
    single_at: int | None = None
    for n, (p_start, p_end) in enumerate(paragraphs):
        marks = [m for m in _MARK.finditer(text, p_start, p_end) if not _in_markup(text, m.start(), p_start)]
        lead = _role(text, marks[0]) if marks and marks[0].start() == p_start else None
        if open_at is not None and lead is not None and lead != "close":
            marks = marks[1:]  # continuation paragraph: its opening mark does not close the quote
        elif single_at is not None and lead == "open1":
            marks = marks[1:]
        else:
            single_at = None
        for m in marks:
            role = _role(text, m)
            i, j = m.start(), m.end()
            if role == "open" or (role == "toggle" and open_at is None):
                if open_at is not None and _words(text[open_at:i]) > 0:
                    spans.append((open_at, _rstrip(text, open_at, i)))
                open_at = i
            elif role in ("close", "toggle") and open_at is not None:
                spans.append((open_at, j))
                open_at = None
            elif role == "open1" and open_at is None and single_at is None:
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
        if single_at is not None:
            nxt = paragraphs[n + 1][0] if n + 1 < len(paragraphs) else None
            reopen = _MARK.match(text, nxt) if nxt is not None else None
            if reopen is None or _role(text, reopen) != "open1":
                single_at = None
    kept = sorted((s, e) for s, e in spans if _words(text[s:e]) >= 1)
    return [q for q in kept if not any(o != q and o[0] <= q[0] and q[1] <= o[1] for o in kept)]


def _in_markup(text: str, i: int, floor: int) -> bool:
    """Inside an HTML/XML tag left in the text (embedded tweets): attribute values are not quotes."""
    lt = text.rfind("<", floor, i)
    return lt != -1 and text.find(">", lt, i) == -1 and i - lt < 500


_MARK = re.compile(r"''|``|[“”„«»\"‘’']")
# what follows an apostrophe that opens a word, not a quote: "'90s", "class of '98", "rock 'n' roll", "'em"
_ELISION = re.compile(r"\d\ds?\b|(?:n|em|til|tis|twas|cause)\b", re.IGNORECASE)


def _role(text: str, m: re.Match[str]) -> str:
    """What a mark does: "open", "close" or "toggle" (double marks); "open1" or "close1" (single marks
    that can only be quotation marks there); "" for apostrophes."""
    c = m.group()
    if c in ("“", "„", "«", "``"):
        return "open"
    if c in ("”", "»"):
        return "close"
    if c in ('"', "''"):
        return "toggle"
    before = text[m.start() - 1] if m.start() > 0 else " "
    after = text[m.end()] if m.end() < len(text) else " "
    if c in "‘'" and (before.isspace() or before in "([—–-:") and after.isalnum():
        return "" if _ELISION.match(text, m.end()) else "open1"
    if c in "’'" and not before.isspace() and not after.isalnum():
        if before in "sS" and re.match(r"\s+\w", text[m.end() : m.end() + 2]):
            return ""  # "the workers' union": a plural's possessive, not the end of a quote
        return "close1"
    return ""


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


# --------------------------------------------------------------------------- parse helpers


# --------------------------------------------------------------------------- detection


def find_attributions(
    source: Source, *, beliefs: bool = True, model: CueModel | None = None
) -> list[Attribution]:
    """Every attribution in ``source``, in text order.

    With ``beliefs`` (the default, PolNeAR's notion of attribution) cues of belief, evidence and stance
    count too ("she believes", "polls show", "called for a moratorium"), found by the learned cue
    ``model`` (loaded from the package when not given; pass one in to reuse it); without it only speech
    verbs count.
    """
    if not source.tokens:
        return []
    if beliefs and model is None:
        model = CueModel.load()
    parse = Parse(source)
    quotes = quote_spans(source.text)
    found: list[Attribution] = []
    cues = SPEECH_VERBS | OTHER_CUE_VERBS if beliefs else SPEECH_VERBS
    for t in parse.tokens:
        lemma = t.lemma.lower()
        att: Attribution | None = None
        if t.text.lower() == "according":
            att = _according_to(parse, t)
        elif t.text == ":":
            att = _colon_headline(parse, t)
        elif t.pos in ("VERB", "AUX") and (lemma in cues or lemma in OBJECT_CUE_VERBS):
            att = _verb_attribution(parse, t, quotes, lemma in cues, model)
        elif model is not None and cue_key(t):
            att = _learned_attribution(parse, t, quotes, model)
        if att is not None:
            found.append(att)
    outlet = _name_words(source.article.outlet)
    found = [a for a in found if not (outlet and _names_outlet(parse.text, a.speaker_span, outlet))]
    found = _attach_quotes(parse, found, quotes)
    blog = len(_STAMPED.findall(parse.text)) >= 2
    return [_without_lead(parse.text, a, blog) for a in _dedupe(found)]


# what may open a paragraph before its first sentence: a wire dateline ("KAVEL, March 3 (Lamm Press) —",
# "ORVENNA, 16 February 2027 -") or a live blog's timestamp ("14:05 —", "6:20 p.m. ET")
_DAY_FIRST_DATELINE = re.compile(
    rf"[{CAPITALS}][{CAPITALS}.'\- ]{{1,40}},\s*\d{{1,2}}\s+[A-Z][a-z]+\.?(?:\s+\d{{4}})?"
    r"\s*(?:\([^()\n]{1,40}\))?\s*[-–—―]{1,2}\s"
)
_TIMESTAMP = re.compile(
    r"(?:\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?|\d{1,2}(?:\.\d{2})?\s*[ap]\.?m\.?)"
    r"(?:\s+(?:ET|EST|EDT|CT|PT|PST|PDT|GMT|BST|UTC|CET|CEST))?\s*([-–—―|:]{1,2}\s*)?(?=[\"“‘'A-Z])"
)
_STAMPED = re.compile(r"(?m)^[ \t]*\d{1,2}[:.]\d{2}\b")  # paragraphs a live blog opens with the hour


def _without_lead(text: str, att: Attribution, blog: bool) -> Attribution:
    """The attribution without the dateline or timestamp its paragraph opens with: the agency's place and
    day, or the hour a live blog posted it, are no part of what the speaker said. A time with no dash
    after it is a timestamp only in a ``blog`` (other paragraphs open with one): "10 a.m. Monday is the
    deadline" keeps its time."""
    pieces = []
    for start, end in att.pieces:
        line = text.rfind("\n", 0, start) + 1
        line += len(text[line:start]) - len(text[line:start].lstrip())
        lead = DATELINE_START.match(text, line) or _DAY_FIRST_DATELINE.match(text, line)
        stamp = _TIMESTAMP.match(text, line)
        lead = lead or (stamp if stamp is not None and (blog or stamp.group(1)) else None)
        if lead is not None and start < lead.end() < end:  # the piece may start inside it ("2 May 2027 -")
            start = lead.end()
        pieces.append((start, end))
    return att if tuple(pieces) == att.pieces else replace(att, pieces=tuple(pieces))


def _name_words(name: str) -> list[str]:
    return [w for w in re.findall(r"[^\W\d_]+", name.lower()) if w not in ("the", "a", "an")]


def _names_outlet(text: str, span: tuple[int, int] | None, outlet: list[str]) -> bool:
    """The speaker is the article's own outlet ("The Blaze can reveal" in The Daily Blaze): the outlet's
    own claim, in its own voice, is no attribution."""
    words = _name_words(text[span[0] : span[1]]) if span is not None else []
    return bool(words) and set(words) <= set(outlet) and outlet[-1] in words


def _verb_attribution(
    parse: Parse, verb: Token, quotes: list[tuple[int, int]], listed: bool, model: CueModel | None
) -> Attribution | None:
    lemma = verb.lemma.lower()
    if lemma == "claim" and any(
        parse.tokens[c].lemma.lower() in _TAKEN for c in parse.kids(verb.i, {"dobj"})
    ):
        return None  # "the rockslide claimed two lives": claiming a life is taking it, not saying it
    content: set[int] = set()
    kind = ""  # the complement the cue model chose, if it chose one
    stance = False  # a speech verb used of a deal or a deed ("agreed to a deal"), not of what was said
    aside_content = False  # content around the cue clause, possibly on both sides of it
    subj = parse.subject(verb.i)
    comps = []
    for c in parse.kids(verb.i, _CONTENT_DEPS):
        before_cue = c < verb.i and parse.tokens[c].lemma.lower() in SPEECH_VERBS
        if (is_clause(parse, c) or c > verb.i) and not (before_cue and not parse.kids(c, {"mark"})):
            comps.append(c)
        elif subj is None and c < verb.i:
            # "Peskov, asked about the deal, said ...": the parser hangs the speaker on the participle
            subj = next(iter(parse.kids(c, SUBJECT_DEPS)), None)
    if comps and listed:
        for c in comps:
            content |= _after_mark(parse, c)
        if verb.dep == "relcl":  # "a plan that analysts said should keep": "that" hangs on "keep"
            content = {i for i in content if i > verb.i}
            if _relative_gap(parse, verb) and _main_predicate(parse, verb, content):
                return None  # what "said" reports is the relative pronoun: "the things that she said"
    elif lemma in OBJECT_CUE_VERBS:
        for c in parse.kids(verb.i, {"dobj", "oprd", "prep", "xcomp"}):
            if parse.tokens[c].dep != "prep" or parse.tokens[c].text.lower() in ("as", "for", "on"):
                content |= parse.subtree(c)
    if not content and listed:
        content = _gap_clause(parse, verb) or _clause_of_medium(parse, verb)
    if not content and lemma in OBJECT_SPEECH_VERBS:
        for c in parse.kids(verb.i, {"dobj", "xcomp"}):
            content |= parse.subtree(c)
    aside = verb.dep == "parataxis" or (
        verb.dep == "ccomp"
        and bool(parse.kids(verb.i, SUBJECT_DEPS))
        and not parse.kids(verb.i, {"mark"})  # "reminds the media that the court will not comment"
        and not _reported(parse, verb)
    )
    if not content and listed and aside:
        # "The economy is growing, she said." and "Acts of protest, Mr. Obama said, are acts of patriotism."
        head = verb.head
        if head != verb.i and parse.tokens[head].sent == verb.sent:
            content = parse.subtree(head) - parse.subtree(verb.i) - _frame(parse, head)
            aside_content = True
    if not content and model is not None:
        best = model.best(parse, verb.i, quotes)
        content, kind = (best[2], best[1]) if best else (set(), "")
        if lemma in _RECALL and kind != "ccomp":
            content, kind = set(), ""  # "is recalling 48,000 cars": a deed, nothing said or thought
        stance = lemma in _STANCE and kind != "ccomp"
    if content and not aside_content and _anaphoric(parse, content):
        content = set()  # "They said the same about ...", "the appeal, which his team promises"
    pieces: list[tuple[int, int]] = []
    if content and aside_content:
        pieces = parse.spans(content)
    elif content:
        span = parse.span(content)
        pieces = [span] if span is not None else []
    if lemma in SPEECH_VERBS and not any(q0 < verb.start < q1 for q0, q1 in quotes):
        adjacent = _adjacent_quotes(parse, verb, quotes)
        if not pieces or (adjacent and any(p[0] <= verb.start < p[1] for p in pieces)):
            pieces = adjacent or pieces
            stance = stance and not adjacent  # '"We will sign," the union agreed': what it said
    if not pieces:
        return None
    if subj is None and not parse.kids(verb.i, {"nsubjpass"}):
        subj = _titled_name_before(parse, verb)
    reporter = _inside_report(parse, verb, subj) if subj is not None else None
    if reporter is not None:
        # "Morrow vowed that his members would not go quietly and warned of strikes": Morrow warned
        subj = parse.subject(reporter)
    if subj is not None and parse.tokens[subj].lemma.lower() in _NERVE:
        # "Vasshaug had the gall to call the cuts ...": the one who had the gall
        have = parse.tokens[verb.head] if verb.dep in ("ccomp", "xcomp") else None
        subj = next(iter(parse.kids(have.i, SUBJECT_DEPS)), None) if have and have.lemma == "have" else None
    speaker_span, subj = _speaker(parse, subj)
    cue_span = parse.cue_phrase(verb.i, kind)
    return Attribution(
        kind="indirect",
        pieces=tuple(pieces),
        cue=parse.text[cue_span[0] : cue_span[1]],
        cue_span=cue_span,
        speaker_span=speaker_span,
        speaker_head=subj,
        sentence=verb.sent,
        speech=(lemma in SPEECH_VERBS or lemma in OBJECT_CUE_VERBS or lemma in OBJECT_SPEECH_VERBS)
        and not stance,
        negated=bool(parse.kids(verb.i, {"neg"})),
    )


def _speaker(parse: Parse, subj: int | None) -> tuple[tuple[int, int] | None, int | None]:
    """The speaker phrase of subject word ``subj`` and the word to resolve: "who" -> "Sanders", and the
    head of what follows a dateline ("Lindmark, 20 October - Kessling Arden AG reported": not Lindmark)."""
    if subj is None:
        return None, None
    phrase = parse.phrase(subj)
    if subj not in phrase:
        subj = next((i for i in sorted(phrase) if parse.tokens[i].head not in phrase), None)
    span = parse.span(phrase) if phrase else None
    return span, parse.antecedent(subj) if subj is not None else None


# a post before a name makes it a person's ("chief executive Magnus Thorsby")
_POSTS = wordset(
    """executive officer chairman chairwoman chair president director minister secretary spokesman
    spokeswoman spokesperson leader mayor governor analyst economist ceo cfo founder manager"""
)


def _titled_name_before(parse: Parse, verb: Token) -> int | None:
    """The last word of a name straight before a subject-less cue, after a post: "On the call, chief
    executive Magnus Thorsby said ..." (the small parser, taking the name for a firm, hangs it elsewhere)."""
    i = verb.i - 1
    name = i
    while i >= 0 and parse.tokens[i].pos == "PROPN" and parse.tokens[i].sent == verb.sent:
        i -= 1
    if name - i < 2 or i < 0 or parse.tokens[i].text.lower() not in _POSTS:
        return None  # a full name (two words or more) only
    if parse.tokens[name].dep in SUBJECT_DEPS or parse.tokens[name].head > verb.i:
        return None
    return name


# "had the gall to call": the noun is no speaker; the one who had it is
_NERVE = wordset("gall nerve audacity cheek temerity effrontery chutzpah impudence")


def _inside_report(parse: Parse, verb: Token, subj: int) -> int | None:
    """A cue the parser joined to a reported clause whose subject it borrows: in "Morrow vowed that his
    members would not go quietly and warned of strikes", "warned" is coordinate with "vowed"; so is a
    cue after a second, coordinated clause ("said the council agreed but that fishermen would suffer,
    and promised ..."), and a participle hung on the reported clause after a comma ("said the board
    respected the island's wishes, while acknowledging that ..."): the speaker's, not the clause's. The
    reporting verb, if so."""
    if parse.kids(verb.i, SUBJECT_DEPS):
        return None
    if verb.dep == "advcl":
        before = parse.tokens[verb.i - 1] if verb.i > 0 else None
        marks = parse.kids(verb.i, {"mark"})
        if before is not None and marks and marks[0] == before.i and before.i > 0:
            before = parse.tokens[before.i - 1]
        if verb.tag != "VBG" or before is None or before.text != ",":
            return None
    elif verb.dep != "conj":
        return None
    head = parse.tokens[verb.head]
    chain = {head.i}
    while head.dep == "conj" and head.head != head.i:
        head = parse.tokens[head.head]
        chain.add(head.i)
    reports = (
        parse.tokens[subj].head in chain
        and head.dep in _CONTENT_DEPS
        and parse.tokens[head.head].lemma.lower() in SPEECH_VERBS
    )
    return head.head if reports else None


def _after_mark(parse: Parse, clause: int) -> set[int]:
    """A reported clause without what the parser hung on it before its "that": in "will say, as his
    lawyer did on the steps, that this was a sham" the "as" clause is the writer's aside, not content."""
    sub = parse.subtree(clause)
    marks = [m for m in parse.kids(clause, {"mark"}) if parse.tokens[m].text.lower() == "that"]
    if not marks:
        return sub
    for c in parse.children[clause]:
        inner = parse.subtree(c)
        if c < marks[0] and max(inner) < marks[0]:
            sub -= inner
    return sub


def _anaphoric(parse: Parse, content: set[int]) -> bool:
    """Content that only points at something: a relative pronoun ("the appeal, which his team promises")
    or a bare "this", "so", "the same" ("They said the same")."""
    roots = [i for i in content if parse.tokens[i].head not in content or parse.tokens[i].head == i]
    if len(roots) != 1:
        return False
    root = parse.tokens[roots[0]]
    words = [i for i in content if parse.tokens[i].text[:1].isalnum()]
    return root.tag in _RELATIVE or (len(words) <= 2 and root.lemma.lower() in _POINTERS)


_POINTERS = wordset("same so this that these those it them much little more less")


def _frame(parse: Parse, head: int) -> set[int]:
    """The reporting frame of a cue an aside comments on: in "The Blaze can reveal that police seized
    the villa, insiders say" the insiders say what is revealed, not that the Blaze reveals it."""
    tok = parse.tokens[head]
    clauses = parse.kids(head, _CONTENT_DEPS)
    if tok.lemma.lower() not in SPEECH_VERBS | OTHER_CUE_VERBS or not clauses:
        return set()
    frame = {head}
    for c in parse.kids(head, SUBJECT_DEPS | {"aux", "neg"}):
        frame |= parse.subtree(c)
    for c in clauses:
        frame.update(parse.kids(c, {"mark"}))
    return frame


def _gap_clause(parse: Parse, verb: Token) -> set[int]:
    """The clause a cue in a relative clause reports when the parser tore it off: in "a step that landlords
    warned would be passed on" the cue gets "that" as a second subject and "would be passed on" hangs
    on the main clause. The content is then the clause that starts right after the cue."""
    subjects = [parse.tokens[c] for c in parse.kids(verb.i, SUBJECT_DEPS)]
    if not _relative_gap(parse, verb) or not any(s.tag in _RELATIVE for s in subjects):
        return set()
    top = verb.i + 1
    if top >= len(parse.tokens) or parse.tokens[top].sent != verb.sent:
        return set()
    while parse.tokens[top].head > verb.i and parse.tokens[top].head != top:
        top = parse.tokens[top].head
    if parse.tokens[top].head == verb.i or parse.tokens[top].pos not in ("VERB", "AUX"):
        return set()
    content = {i for i in parse.subtree(top) if i > verb.i}
    return set() if _main_predicate(parse, verb, content) else content


def _clause_of_medium(parse: Parse, verb: Token) -> set[int]:
    """The clause the parser hung on the medium of a statement: in "the council said in a statement that
    the ruling shows ..." the "that" clause belongs to "said", not to "statement"."""
    for p in parse.kids(verb.i, {"prep"}):
        if parse.tokens[p].text.lower() not in ("in", "on", "through", "via"):
            continue
        for o in parse.kids(p, {"pobj"}):
            if parse.tokens[o].lemma.lower() not in _MEDIA:
                continue
            for c in parse.kids(o, {"acl", "ccomp"}):
                if any(parse.tokens[m].text.lower() == "that" for m in parse.kids(c, {"mark"})):
                    return parse.subtree(c)
    return set()


_MEDIA = wordset(
    """statement interview letter speech post tweet email e-mail message note memo release briefing
    address filing submission blog column video broadcast conference call remarks testimony affidavit
    podcast newsletter op-ed editorial"""
)
_RELATIVE = frozenset({"WDT", "WP"})


def _relative_gap(parse: Parse, verb: Token) -> bool:
    """A relative clause whose cue has a subject of its own ("a plan that analysts said ..."), so the
    relative pronoun stands for something inside what was said."""
    return verb.dep == "relcl" and any(
        parse.tokens[c].tag not in _RELATIVE for c in parse.kids(verb.i, SUBJECT_DEPS)
    )


def _main_predicate(parse: Parse, verb: Token, content: set[int]) -> bool:
    """The clause after a relative cue is what the sentence says of the noun, not what was said: "the
    things that she said were false", "The plan that the board announced would cost $9m" (no verb before
    the relative clause, and the noun is the clause's subject or the sentence has no other verb)."""
    if not content:
        return False
    noun = verb.head
    sentence = [t for t in sentence_of(parse.tokens, verb.i) if t.i not in content]
    inside = parse.subtree(verb.i)
    verbs = [t.i for t in sentence if t.pos in ("VERB", "AUX") and t.i not in inside]
    if not verbs:
        return True
    top = next(i for i in sorted(content) if parse.tokens[i].head not in content or parse.tokens[i].head == i)
    subject = noun in parse.kids(top, {"nsubj", "nsubjpass"})
    return subject and not any(i < verb.i for i in verbs)


def _reported(parse: Parse, verb: Token) -> bool:
    """The verb's clause is what a cue reports, so it is no aside commenting on the sentence: a cue after
    it ("The plan will add 200 jobs, the office said") or a cue right before it ("the union said it had
    warned"), where "The road is closed, the union said" keeps "said" the aside."""
    head = parse.tokens[verb.head]
    if head.lemma.lower() not in SPEECH_VERBS | OTHER_CUE_VERBS or head.i == verb.i:
        return False
    if head.i > verb.i:
        return True
    between = parse.tokens[head.i + 1 : min(parse.subtree(verb.i))]
    return not any(t.pos == "PUNCT" for t in between)


def _learned_attribution(
    parse: Parse, cue: Token, quotes: list[tuple[int, int]], model: CueModel
) -> Attribution | None:
    """A cue the model learned from PolNeAR: "called for X", "questions about X", "is confident that X"."""
    best = model.best(parse, cue.i, quotes)
    span = parse.span(best[2]) if best else None
    if span is None:
        return None
    speaker_span, subj = _speaker(parse, speaker_word(parse, cue))
    cue_span = parse.cue_phrase(cue.i, best[1]) if best else (cue.start, cue.end)
    return Attribution(
        kind="indirect",
        pieces=(span,),
        cue=parse.text[cue_span[0] : cue_span[1]],
        cue_span=cue_span,
        speaker_span=speaker_span,
        speaker_head=subj,
        sentence=cue.sent,
        speech=False,
        negated=bool(parse.kids(cue.i, {"neg"})),
    )


def _in_quote(parse: Parse, i: int, quotes: list[tuple[int, int]]) -> bool:
    tok = parse.tokens[i]
    return any(q0 <= tok.start < q1 for q0, q1 in quotes)


# what follows "X, according to Y," when it opens so is the writer's own conclusion, not Y's
_OWN_TURN = re.compile(r"(?:so|but|yet|meaning)\b", re.IGNORECASE)


def _according_to(parse: Parse, tok: Token) -> Attribution | None:
    to = parse.kids(tok.i, {"prep"})
    if not to:
        return None
    objs = parse.kids(to[0], {"pobj"})
    if not objs:
        return None
    head = tok.head
    if head == tok.i:
        return None
    # the whole sentence is what the source said, not only the clause the parser hung the phrase on
    sentence = {t.i for t in sentence_of(parse.tokens, tok.i) if not t.is_space}
    pieces = parse.spans(sentence - parse.subtree(tok.i))
    if len(pieces) > 1 and pieces[0][1] <= tok.start and _OWN_TURN.match(parse.text, pieces[-1][0]):
        pieces = pieces[
            :-1
        ]  # "X, according to a note from Y, so the number itself is no shock": the writer's
    if not pieces:
        return None
    speaker = parse.span(parse.subtree(objs[0]))
    cue_span = (tok.start, parse.tokens[to[0]].end)
    return Attribution(
        kind="indirect",
        pieces=tuple(pieces),
        cue=parse.text[cue_span[0] : cue_span[1]],
        cue_span=cue_span,
        speaker_span=speaker,
        speaker_head=objs[0],
        sentence=tok.sent,
    )


def _colon_headline(parse: Parse, colon: Token) -> Attribution | None:
    """Headline style "Sanders: Clinton must get away from personality stuff" (a name, a colon, a claim)."""
    sent = [t for t in sentence_of(parse.tokens, colon.i) if not t.is_space]
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


def _adjacent_quotes(parse: Parse, verb: Token, quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Quotes touching the cue's clause: `"A," she said.`, `She said: "A."`, `"A," she said, "B."`."""
    sent_tokens = [t for t in sentence_of(parse.tokens, verb.i) if not t.is_space]
    s_start, s_end = sent_tokens[0].start, sent_tokens[-1].end
    colon = parse.text[verb.end : s_end].strip().startswith(":")
    # '"Stop lying!" Mr. Fox wrote.': the segmenter ends a sentence with the quote's own "!" or "?"
    text = parse.text
    before = [
        q for q in quotes
        if (s_start < q[1] or (_ASKED.search(text, q[0], q[1]) and not text[q[1] : s_start].strip()))
        and q[1] <= verb.start
    ]  # fmt: skip
    after = [q for q in quotes if verb.end <= q[0] and (q[0] < s_end or colon)]
    pieces: list[tuple[int, int]] = []
    if before and _gap_is_small(parse.text, before[-1][1], verb.start):
        pieces.append(before[-1])
    if after and _gap_is_small(parse.text, verb.end, after[0][0]):
        pieces.append(after[0])
    return pieces


_ASKED = re.compile(r"[!?][\"'”’»]+$")


def _gap_is_small(text: str, a: int, b: int) -> bool:
    """Only the speaker phrase and punctuation sit between a quote and its cue ("Mr." ends no sentence)."""
    return _words(text[a:b]) <= 8 and not _BREAK.search(text[a:b])


_BREAK = re.compile(r"\n|(?<!\b[A-Z])(?<!\bM[rs])(?<!\bMrs)(?<!\bDr)(?<!\bSt)(?<!\bJr)(?<!\bSr)[.!?]\s")


def _overlaps(span: tuple[int, int], pieces: Iterable[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in pieces)


def _attach_quotes(
    parse: Parse, found: list[Attribution], quotes: list[tuple[int, int]]
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
        bare = not _own_clause(parse, out, q, quotes)
        if bare and prev is not None and prev.kind == "direct" and _same_paragraph_run(text, prev.end, q[0]):
            merged = _replace(prev, pieces=(*prev.pieces, q))
            out[out.index(prev)] = merged
        elif _words(text[q[0] : q[1]]) >= 4 and not _is_title(text[q[0] : q[1]]):
            # shorter ones are scare quotes, and title-case ones are names of shows and books
            out.append(Attribution(kind="direct", pieces=(q,), sentence=sent))
    out = [a for a in out if a.speech or not _nested(a, out)]
    out.sort(key=lambda a: (a.start, a.end))
    return [_inherit(parse, out, n, quotes) for n in range(len(out))]


def _own_clause(
    parse: Parse, found: list[Attribution], quote: tuple[int, int], quotes: list[tuple[int, int]]
) -> bool:
    """The quote sits in a clause of the outlet's own: its sentence has a verb outside quotation marks and
    outside every cue found (`Malvik had whined to the court: "..."`, `Crowds chanted "..."`). Its cue, if
    it has one, is a verb no list knows, so the quote is nobody's continuation: only a bare quote (`"B."`
    after `"A," she said.`, or `"A," she said, "B."`) continues a speaker. The sentence is read from the
    text (the parser's sentences often run across a quotation mark): from the last sentence end, quote or
    paragraph start before the quote to the next one after it."""
    text = parse.text
    q0, q1 = quote
    lo = max([text.rfind("\n", 0, q0) + 1, *(e for _, e in quotes if e <= q0)])
    ends = list(_SENTENCE_END.finditer(text, lo, q0))
    lo = ends[-1].end() if ends else lo
    hi = q1
    if not _ENDS_SENTENCE.search(text, q0, q1):
        para_end = text.find("\n", q1)
        hi = min([para_end if para_end != -1 else len(text), *(s for s, _ in quotes if s >= q1)])
        end = _SENTENCE_END.search(text, q1, hi)
        hi = end.start() if end else hi
    cues = [a.cue_span for a in found if a.cue_span is not None]
    return any(
        (lo <= t.start < q0 or q1 <= t.start < hi)
        and t.pos in ("VERB", "AUX")
        and not any(c0 <= t.start < c1 for c0, c1 in cues)
        for t in parse.tokens
    )


_SENTENCE_END = re.compile(r"[.!?][\"'”’»)]*(?:\s|$)")
_ENDS_SENTENCE = re.compile(r"[.!?][\"'”’»]*$")


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


def _inherit(parse: Parse, found: list[Attribution], n: int, quotes: list[tuple[int, int]]) -> Attribution:
    """A bare cue-less quote takes the speaker of the nearest cued attribution up to three sentences back
    (one in a clause of its own continues no one: see ``_own_clause``)."""
    att = found[n]
    if att.cue_span is not None or _own_clause(parse, found, (att.start, att.end), quotes):
        return att
    for m in range(n - 1, -1, -1):
        prev = found[m]
        if att.sentence - prev.sentence > 3:
            break
        if prev.cue_span is not None and prev.speaker_span is not None:
            if _someone_else(parse, prev, att.start, quotes):
                return att
            return _replace(att, inherits=m)
    return att


def _someone_else(parse: Parse, prev: Attribution, before: int, quotes: list[tuple[int, int]]) -> bool:
    """A name is the subject of a sentence between a speaker's statement and a bare quote ("Trump noted
    so in a tweet." before the tweet's words): the quote may be theirs, so it continues no one."""
    start = max(prev.end, prev.cue_span[1] if prev.cue_span else 0)
    speaker = parse.text[prev.speaker_span[0] : prev.speaker_span[1]].lower() if prev.speaker_span else ""
    return any(
        start <= t.start < before
        and t.dep in ("nsubj", "nsubjpass")
        and t.pos == "PROPN"
        and t.text.lower() not in speaker
        and not any(q0 <= t.start < q1 for q0, q1 in quotes)
        for t in parse.tokens
    )


def _is_title(text: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) > 3]
    return bool(words) and all(w[0].isupper() for w in words)


def _previous(found: list[Attribution], before: int) -> Attribution | None:
    earlier = [a for a in found if a.end <= before]
    return max(earlier, key=lambda a: a.end) if earlier else None


def _same_paragraph_run(text: str, a: int, b: int) -> bool:
    return "\n" not in text[a:b]


def _sentence_of(parse: Parse, offset: int) -> int:
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
