"""Attribution detection: who is reported as saying (or thinking, or finding) what, in one source.

This is the one detector shared by the quotes lens (which resolves and compares speakers) and the language
lens (which needs to know which words are an outlet's own and which it attributes to someone else). It
works on the parse the segmenter already made (``Source.tokens``), so it loads no model of its own.

Three kinds are found: *direct* quotes (text in quotation marks, including quotes that run over several
sentences or paragraphs and quotes broken by "she said"), *indirect* speech (a cue verb with a clausal
complement: "Zelenskiy promised a strong response") and *mixed* quotes (indirect speech holding a quoted
fragment). Each carries character offsets of its content pieces, its cue and its speaker phrase.

The record and the cue verb lists are in :mod:`newsprism.lenses.attribution_base`, quotation marks and the
joining of quotes to cues in :mod:`newsprism.lenses.attribution_quotes`; their public names are importable
from here too.
"""

from __future__ import annotations

import re
from dataclasses import replace

from newsprism.lenses.attribution_base import _CONTENT_DEPS, _RECALL, _STANCE, _TAKEN
from newsprism.lenses.attribution_base import OBJECT_CUE_VERBS as OBJECT_CUE_VERBS
from newsprism.lenses.attribution_base import OBJECT_SPEECH_VERBS as OBJECT_SPEECH_VERBS
from newsprism.lenses.attribution_base import OTHER_CUE_VERBS as OTHER_CUE_VERBS
from newsprism.lenses.attribution_base import SPEECH_VERBS as SPEECH_VERBS
from newsprism.lenses.attribution_base import Attribution as Attribution
from newsprism.lenses.attribution_base import wordset as wordset
from newsprism.lenses.attribution_cues import (
    SUBJECT_DEPS,
    CueModel,
    Parse,
    cue_key,
    is_clause,
    speaker_word,
)
from newsprism.lenses.attribution_quotes import _adjacent_quotes, _attach_quotes, _dedupe
from newsprism.lenses.attribution_quotes import quote_spans as quote_spans
from newsprism.model import Source, Token, sentence_of
from newsprism.segment._rules import CAPITALS, DATELINE_START

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


_OBLIGED = {"must", "should", "ought"}
_UNNAMED = re.compile(  # "asked not to be named", "asked that her name not be used"
    r"(?:that\s+)?(?:not\s+to\s+be|(?:his|her|their)\s+name\s+not\s+be)\s+"
    r"(?:named|identified|quoted|used)",
    re.I,
)


def _demanded(parse: Parse, verb: Token) -> bool:
    """ "She must stop grovelling and tell these wreckers that ...": what the writer demands of her, not
    what she said (the modal may sit on the first of joined verbs)."""
    tok = verb
    while True:
        if any(parse.tokens[c].lemma.lower() in _OBLIGED for c in parse.kids(tok.i, {"aux"})):
            return True
        if tok.dep != "conj" or tok.head == tok.i:
            return False
        tok = parse.tokens[tok.head]


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
            content |= _after_mark(parse, c) - _opening_adjuncts(parse, verb, c)
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
    if lemma in ("ask", "request") and _UNNAMED.match(parse.text[pieces[0][0] : pieces[0][1]]):
        return None  # "who asked not to be named": the terms the source spoke on, not what it said
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
        and not stance
        and not _demanded(parse, verb),
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


def _opening_adjuncts(parse: Parse, verb: Token, clause: int) -> set[int]:
    """When and how the cue was used, which the parser hung on the reported clause: in "said on Monday it
    would close two plants" (or "late on Friday", "in a statement") the day and the medium are the
    writer's, not part of what was said. Only a time or a medium between the cue and the clause's subject."""
    opening = parse.kids(clause, {"nsubj", "nsubjpass", "expl", "mark"})
    if not opening:
        return set()
    first = min(min(parse.subtree(c)) for c in opening)
    out: set[int] = set()
    for c in parse.kids(clause, {"prep", "npadvmod", "advmod"}):
        sub = parse.subtree(c)
        if verb.i < min(sub) and max(sub) < first and any(_timely(parse.tokens[i]) for i in sub):
            out |= sub
    return out


def _timely(tok: Token) -> bool:
    """A word of a time ("Monday", "yesterday", "last week") or of a statement's medium ("in a statement")."""
    low = tok.lemma.lower()
    return low in _TIMES or (low in _MEDIA and tok.pos == "NOUN")


_TIMES = wordset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight morning afternoon
    evening night week weekend month year january february march april june july august september october
    november december earlier later"""
)


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
    if best and cue.pos == "VERB" and cue.lemma.lower() == "reach" and not _reached_view(parse, best[2]):
        return None  # "A letter from Okafor reached the council": it arrived there, it said nothing
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


def _reached_view(parse: Parse, content: set[int]) -> bool:
    """What "reached" takes is a stance only when it is a conclusion or an agreement ("reached a deal",
    "reached a broad consensus on"): the model learned "reach" from those, and a document subject ("the
    letter said") weighs for a cue, so "the letter reached the council" would pass without this."""
    roots = [i for i in content if parse.tokens[i].head not in content or parse.tokens[i].head == i]
    return any(parse.tokens[i].lemma.lower() in _VIEWS for i in roots)


_VIEWS = wordset(
    """conclusion verdict decision agreement deal consensus finding judgment judgement compromise settlement
    understanding accord view determination"""
)


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
