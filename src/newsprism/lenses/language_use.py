"""Use conditions of the language lens: whether a listed word is used in its loaded sense.

Many words are loaded only in one use ("claimed that" but not "claimed two lives", "caged the governor" but
not "kept the birds caged"); the lexicon names the use (see language_lexicon) and :class:`_Parse` decides it
from the segmenter's parse: a word's objects, subjects and what it describes. Apart from the lens because
these are questions about the parse, not about scoring; the word lists the checks read are in
language_words, and which words are names, dates or figures (no parse needed) in language_names.
"""

from __future__ import annotations

from collections import defaultdict

from newsprism.lenses.language_lexicon import (
    AMOUNT,
    ASIDE,
    CAST_OFF,
    CHARGE,
    DISMISSAL,
    DONE_TO_PERSON,
    DRAINED,
    EPITHET,
    FIGURATIVE,
    FORCES,
    INSTITUTIONAL,
    MEASURE,
    METAPHOR,
    MODIFIER,
    MONEY,
    MOOD,
    NOT_DECIDED,
    NOT_STATISTICAL,
    NOT_VERB,
    NOUN,
    PERSON,
    POSSESSED,
    SAYING,
    SEIZURE,
    SPEECH,
    SPOKEN,
    SQUANDERED,
    TREATED,
)
from newsprism.lenses.language_names import (
    _FIGURE_ENTS,
    _compound_end,
)
from newsprism.lenses.language_voice import CLAIM_CUES
from newsprism.lenses.language_words import (
    _AMOUNTS,
    _ASIDE_CLOSE,
    _ASIDE_OPEN,
    _AUTHORITIES,
    _BODIES,
    _CHARGES,
    _CLAIM_NOUNS,
    _DECAY_KINDS,
    _DECISIONS,
    _GATHERINGS,
    _GOODS,
    _GROUPS,
    _INSTITUTIONS,
    _LARGE_NUMBERS,
    _MEASURES,
    _MONEY_NOUNS,
    _PEOPLE,
    _PERSONAL_PRONOUNS,
    _QUOTE_MARKS,
    _SPEECH_OBJECTS,
    _SPOKEN_NOUNS,
    _STATISTICAL,
    _STRUCTURES,
    _TALK_VERBS,
    _TIME_SPANS,
    _WORKFORCE,
)
from newsprism.model import QuoteFindings, Source, Token, sentence_of


class _Parse:
    """Questions about a token's use that need the whole parse (its children) or the quotes lens's cues."""

    def __init__(self, source: Source, quotes: QuoteFindings) -> None:
        self.tokens = source.tokens
        self.children: dict[int, list[Token]] = defaultdict(list)
        for t in source.tokens:
            if t.head != t.i:
                self.children[t.head].append(t)
        # cues of quotes in quotation marks; a paraphrase's cue needs the parse's evidence ("the rockslide
        # claimed two lives" can come back as an indirect quote of "two lives")
        self.cues = {
            q.cue_span[0]
            for q in quotes.quotes
            if q.source == source.id and q.cue_span and q.kind in ("direct", "mixed")
        }

    def admitted_somewhere(self, tok: Token) -> bool:
        """ "Admit" in its let-in sense: passive without a reported clause, or admitted to an institution
        ("was admitted to hospital", "admitted him to the ward"), where "admitted to lying" owns up."""
        kids = self.children[tok.i]
        if any(k.dep in ("ccomp", "xcomp") for k in kids):
            return False
        places = self.objects_of(tok, ("to", "into"))
        return any(k.dep == "auxpass" for k in kids) or any(g.lemma.lower() in _INSTITUTIONS for g in places)

    def speech(self, tok: Token) -> bool:
        """The verb reports speech: it is a quote's cue, heads a quoted or reported clause, has a spoken
        object, or is aimed "at" / "about" / "against" someone ("Varga snapped at reporters")."""
        if tok.pos != "VERB" or tok.dep in ("amod", "compound"):
            return False
        if tok.start in self.cues or tok.dep == "parataxis":
            return True
        kids = self.children[tok.i]
        for k in kids:
            if k.dep in ("ccomp", "parataxis", "xcomp") or (k.dep == "punct" and k.text in _QUOTE_MARKS):
                return True
            if k.dep == "dobj" and k.lemma.lower() in _SPEECH_OBJECTS:
                return True
            if k.dep == "prt" and k.text.lower() == "out":
                return True  # "lashed out at", "hit out"
        aimed = self.objects_of(tok, ("at", "about", "against", "of"))
        if aimed:
            subjects = [k for k in kids if k.dep == "nsubj"]
            return any(_personal(t) for t in subjects + aimed)
        return False

    def saying(self, tok: Token) -> bool:
        """The verb introduces what someone said: a quote's cue, or a that-clause or quotation it heads,
        with no object of its own ("“I was wrong,” she conceded", "conceded that the plan failed"), not
        "conceded defeat", "conceded a late goal", "admitted the charges", "confessed to the theft",
        "admits what it cannot afford"."""
        if tok.pos != "VERB" or tok.dep in ("amod", "compound"):
            return False
        kids = self.children[tok.i]
        if any(k.dep == "dobj" and k.lemma.lower() not in _SPEECH_OBJECTS for k in kids):
            return False
        if self.objects_of(tok, ("to",)):
            return False
        if tok.start in self.cues or tok.dep == "parataxis":
            return True
        return any(
            (k.dep == "ccomp" and not self._wh_clause(k)) or (k.dep == "punct" and k.text in _QUOTE_MARKS)
            for k in kids
        )

    def finite_verb(self, tok: Token) -> bool:
        """A verb with a subject, a particle or a clause of its own ("the town woke up to", "residents
        woke to sirens"), not a participle or adjective the tagger calls a verb ("has gone woke")."""
        if tok.pos != "VERB":
            return False
        return tok.dep == "ROOT" or any(k.dep in ("nsubj", "prt") for k in self.children[tok.i])

    def _wh_clause(self, head: Token) -> bool:
        """The clause opens on a wh-word ("what it cannot afford", "how little he knew"): something owned
        up to, not something said."""
        first = min([head, *self._subtree(head)], key=lambda t: t.i)
        return first.tag in ("WP", "WRB", "WDT", "WP$") or first.text.lower() in ("whether", "if")

    def _subtree(self, tok: Token) -> list[Token]:
        out, stack = [], list(self.children[tok.i])
        while stack:
            t = stack.pop()
            out.append(t)
            stack.extend(self.children[t.i])
        return out

    def objects_of(
        self, tok: Token, preps: tuple[str, ...], *, agent: bool = False, particle: bool = False
    ) -> list[Token]:
        """The objects of ``tok``'s prepositions among ``preps`` ("snapped at reporters" -> reporters); with
        ``agent`` also of a passive's "by", with ``particle`` also of a particle tagged as one."""
        deps = {"prep"} | ({"prt"} if particle else set())
        return [
            g
            for k in self.children[tok.i]
            if (k.dep in deps and k.text.lower() in preps) or (agent and k.dep == "agent")
            for g in self.children[k.i]
            if g.dep == "pobj"
        ]

    def in_use(self, tok: Token, use: str) -> bool:
        """The token is used in the sense that makes its lexicon entry loaded (see language_lexicon)."""
        if use == SPEECH:
            return self.speech(tok)
        if use == MONEY:
            return self.money(tok)
        if use == MEASURE:
            return self.measure(tok)
        if use == CHARGE:
            return self.charge(tok)
        if use == AMOUNT:
            return self.amount(tok)
        if use == FIGURATIVE:
            return not self.physical(tok)
        if use == NOUN:
            return tok.pos == "NOUN" and tok.dep != "compound"
        if use == ASIDE:
            return self.aside(tok, tok)
        if use == PERSON:
            return self.of_person(tok)
        if use == DONE_TO_PERSON:
            return self.done_to_person(tok)
        if use == MODIFIER:  # a noun before a noun too ("the monster blaze")
            return tok.pos == "ADJ" or tok.dep in ("amod", "compound")
        if use == SPOKEN:
            return self.of_words(tok)
        if use == POSSESSED:
            return tok.pos == "NOUN" and any(k.dep == "poss" for k in self.children[tok.i])
        if use == DISMISSAL:
            return self.dismissal(tok)
        if use == EPITHET:
            return self.epithet(tok)
        if use == INSTITUTIONAL:
            return self.institutional(tok)
        if use == METAPHOR:
            return self.comparison(tok)
        if use == SEIZURE:
            return not self.lawful_seizure(tok)
        if use == SAYING:
            return self.saying(tok)
        if use == NOT_VERB:
            return not self.finite_verb(tok)
        if use == MOOD:
            return self.of_person(tok) or any(t.lemma.lower() in _GATHERINGS for t in self._described(tok))
        if use == SQUANDERED:
            return self.squandered(tok)
        if use == NOT_STATISTICAL:
            return not any(t.lemma.lower() in _STATISTICAL for t in self._described(tok))
        if use == NOT_DECIDED:
            return not any(t.lemma.lower() in _DECISIONS for t in self._described(tok))
        if use == CAST_OFF:
            return self.cast_off(tok)
        if use == DRAINED:
            # the parser may take the result for an object ("bled Brannock dry": "dry" a noun)
            return tok.pos == "VERB" and any(k.text.lower() == "dry" for k in self.children[tok.i])
        if use == TREATED:
            return self.treated(tok)
        return True

    def cast_off(self, tok: Token) -> bool:
        """A heap people are put on: the noun ends a preposition ("on the scrapheap") hung on people ("workers
        on the scrapheap") or on a verb done to people ("throw 1,200 staff on the scrapheap", "families are
        thrown on the scrapheap"), not "the old boiler was thrown on the scrapheap"."""
        if tok.dep != "pobj" or tok.head == tok.i:
            return False
        prep = self.tokens[tok.head]
        if prep.head == prep.i:
            return False
        holder = self.tokens[prep.head]
        if holder.pos != "VERB":
            return self._person(holder) or holder.lemma.lower() in _WORKFORCE
        objects = [k for k in self.children[holder.i] if k.dep in ("dobj", "nsubjpass")]
        return any(self._person(k) or k.lemma.lower() in _WORKFORCE for k in objects)

    def treated(self, tok: Token) -> bool:
        """The phrase ending at ``tok`` ("like dirt") says how people are treated: its "like" hangs on
        "treat" or "handle" ("they treat us like dirt", "we were treated like animals"), not "looks like
        dirt"."""
        if tok.dep != "pobj" or tok.head == tok.i:
            return False
        like = self.tokens[tok.head]
        return like.head != like.i and self.tokens[like.head].lemma.lower() in ("treat", "handle")

    def _person(self, tok: Token) -> bool:
        if tok.ent_type in _FIGURE_ENTS:
            return False  # "a lazy Sunday": a date, though the tagger calls it a name
        return _personal(tok) or tok.lemma.lower() in _PEOPLE or tok.text.lower() in _PEOPLE

    def of_person(self, tok: Token) -> bool:
        """An adjective said of a person ("the bent governor", "the judge was bent"), not "he bent down"."""
        if tok.pos != "ADJ" and tok.dep != "amod":
            return False
        if tok.dep == "amod" and tok.head != tok.i:
            return self._person(self._word_end(self.tokens[tok.head]))
        if tok.dep in ("acomp", "attr") and tok.head != tok.i:
            subjects = [k for k in self.children[tok.head] if k.dep in ("nsubj", "nsubjpass")]
            return any(self._person(k) for k in subjects)
        return False

    def _word_end(self, tok: Token) -> Token:
        """The last part of the hyphenated word ``tok`` begins ("ex" of "ex-mayor" -> "mayor"), which the
        parser may split; ``tok`` itself otherwise."""
        return self.tokens[_compound_end(self.tokens, tok.i)]

    def done_to_person(self, tok: Token) -> bool:
        """A verb done to a person: its object or passive subject is one ("caged the governor", "Malvik was
        caged"), or the person it describes ("Malvik, caged for eight years"), or with neither a person as
        its subject (a headline's "Malvik caged"); "kept the birds caged" is not."""
        if tok.pos != "VERB":
            return False
        kids = self.children[tok.i]
        objects = [k for k in kids if k.dep in ("dobj", "nsubjpass")]
        if objects:
            # the object's own name parts count too: the parser can make a leading participle the
            # subject and hang the name under it ("Disgraced ex-mayor Ansel Varro was caged")
            named = [
                c for k in objects for c in self.children[k.i] if c.dep in ("compound", "appos", "nsubj")
            ]
            return any(self._person(k) for k in objects + named)
        if tok.dep in ("acl", "amod") and tok.head != tok.i:
            return self._person(self.tokens[tok.head])
        return any(self._person(k) for k in kids if k.dep == "nsubj")

    def _described(self, tok: Token) -> list[Token]:
        """What an adjective describes: the noun it modifies ("a gloomy wake"), or the subject it is said
        of ("the sample was biased", "its candidates grew lazy")."""
        if tok.pos == "VERB" and tok.dep not in ("amod", "acl"):
            # the tagger's passive ("the estimate is biased")
            return [k for k in self.children[tok.i] if k.dep in ("nsubj", "nsubjpass")]
        if tok.head == tok.i:
            return []
        if tok.dep in ("amod", "acl"):
            return [self.tokens[tok.head]]
        if tok.dep in ("acomp", "attr", "oprd"):
            return [k for k in self.children[tok.head] if k.dep in ("nsubj", "nsubjpass")]
        return []

    def squandered(self, tok: Token) -> bool:
        """Time or money told as wasted: the word describes a span of time or a sum ("eight wasted years",
        "a wasted decade"), or the verb's object is one ("wasted millions on", "two years were wasted"),
        not "wasted votes" or "food wasted"."""
        things = self._described(tok)
        if tok.pos == "VERB":
            things += [k for k in self.children[tok.i] if k.dep in ("dobj", "nsubjpass")]
            if tok.dep == "acl" and tok.head != tok.i:
                things.append(self.tokens[tok.head])
        return any(t.lemma.lower() in _TIME_SPANS or self._sum(t) for t in things)

    def of_words(self, tok: Token) -> bool:
        """An adjective of words, promises or gestures ("empty promises", "the words sounded hollow")."""
        if tok.pos != "ADJ" and tok.dep != "amod":
            return False
        if tok.dep == "amod" and tok.head != tok.i:
            return self.tokens[tok.head].lemma.lower() in _SPOKEN_NOUNS
        if tok.dep in ("acomp", "attr") and tok.head != tok.i:
            subjects = [k for k in self.children[tok.head] if k.dep in ("nsubj", "nsubjpass")]
            return any(k.lemma.lower() in _SPOKEN_NOUNS for k in subjects)
        return False

    def dismissal(self, tok: Token) -> bool:
        """A dismissal: a sentence of its own ("Rubbish."), what someone talks or writes ("talking
        rubbish"), or a predicate of a claim ("the claims are nonsense")."""
        sentence = [t for t in sentence_of(self.tokens, tok.i) if any(c.isalpha() for c in t.text)]
        if len(sentence) <= 2:
            return True
        if tok.head == tok.i:
            return False
        head = self.tokens[tok.head]
        if tok.dep == "dobj" and head.lemma.lower() in _TALK_VERBS:
            return True
        if tok.dep in ("attr", "acomp"):
            subjects = [k for k in self.children[head.i] if k.dep == "nsubj"]
            return any(
                k.lemma.lower() in _CLAIM_NOUNS or k.text.lower() in ("this", "that", "it") for k in subjects
            )
        return False

    def epithet(self, tok: Token) -> bool:
        """A noun said of someone: a predicate ("he is a thief"), an apposition ("Malvik, a thief"), what
        someone is called ("branded Malvik a thief", "called him a thief in a suit"), or a quoted phrase
        standing alone ("'Thief!'")."""
        if tok.pos not in ("NOUN", "PROPN"):
            return False
        if tok.dep in ("attr", "appos", "oprd", "ROOT") or tok.head == tok.i:
            return True
        head = self.tokens[tok.head]
        return tok.dep in ("dobj", "ccomp", "xcomp", "conj") and head.lemma.lower() in CLAIM_CUES

    def institutional(self, tok: Token) -> bool:
        """A noun about a group or an institution ("the rot in our regional governments", "the rot set in",
        "rot at the top"), not decay of wood or teeth ("dry rot in the beams")."""
        if tok.pos != "NOUN" or tok.dep == "compound":
            return False
        kids = self.children[tok.i]
        if any(k.dep in ("amod", "compound") and k.lemma.lower() in _DECAY_KINDS for k in kids):
            return False
        where = self.objects_of(tok, ("in", "at", "within", "inside", "of", "among"))
        if any(_personal(g) or g.lemma.lower() in _GROUPS for g in where):
            return True
        if tok.dep == "nsubj" and tok.head != tok.i:
            verb = self.tokens[tok.head]
            return verb.lemma.lower() == "set" and any(
                k.dep in ("prt", "prep") and k.text.lower() == "in" for k in self.children[verb.i]
            )
        return False

    def comparison(self, tok: Token) -> bool:
        """The phrase (ending at ``tok``) is a comparison: "like his private piggy bank", "treated it as a
        piggy bank", or someone's "private" or "personal" one."""
        if any(
            k.dep == "amod" and k.lemma.lower() in ("private", "personal", "own")
            for k in self.children[tok.i]
        ):
            return True
        if tok.dep == "pobj" and tok.head != tok.i:
            return self.tokens[tok.head].text.lower() in ("like", "as")
        return False

    def lawful_seizure(self, tok: Token) -> bool:
        """Police, customs or a court took goods or property ("police seized the villa", "drugs were
        seized", "assets seized by prosecutors"): plain reporting."""
        kids = self.children[tok.i]
        doers = [k for k in kids if k.dep == "nsubj"] + self.objects_of(tok, ("by",), agent=True)
        named = [c for d in doers for c in self.children[d.i] if c.dep == "compound"]  # "customs officers"
        if any(d.lemma.lower() in _AUTHORITIES or d.text.lower() in _AUTHORITIES for d in doers + named):
            return True
        things = [k for k in kids if k.dep in ("dobj", "nsubjpass")]
        if tok.dep in ("acl", "amod") and tok.head != tok.i:
            things.append(self.tokens[tok.head])
        return any(t.lemma.lower() in _GOODS or _is_money(t) for t in things)

    def participle_modifier(self, tok: Token) -> bool:
        """A participle used as an adjective ("Disgraced former governor ...", "the disgraced minister"):
        no auxiliary, and a past participle standing before a noun, or no subject or object and modifying
        a noun."""
        if tok.pos != "VERB" or tok.tag not in ("VBN", "VBG"):
            return False
        kids = self.children[tok.i]
        if any(k.dep in ("aux", "auxpass") for k in kids):
            return False
        if tok.tag == "VBN":
            # a past participle right before a noun phrase ("Disgraced ex-mayor Ansel Varro", which the
            # parser may make the subject)
            nxt = self._neighbour(tok, 1)
            if nxt is not None and nxt.pos in ("ADJ", "NOUN", "PROPN") and nxt.sent == tok.sent:
                return True
        if any(k.dep in ("nsubj", "nsubjpass", "dobj", "agent") for k in kids):
            return False
        return tok.dep in ("amod", "compound", "nmod", "advmod")

    def _neighbour(self, tok: Token, step: int) -> Token | None:
        j = tok.i + step
        while 0 <= j < len(self.tokens) and self.tokens[j].is_space:
            j += step
        return self.tokens[j] if 0 <= j < len(self.tokens) else None

    def aside(self, first: Token, last: Token) -> bool:
        """Words set off as a comment ("Marchetti, as usual, claimed", "Most of them, naturally, are")."""
        before, after = self._neighbour(first, -1), self._neighbour(last, 1)
        return (
            before is not None
            and after is not None
            and before.text in _ASIDE_OPEN
            and after.text in _ASIDE_CLOSE
        )

    def physical(self, tok: Token) -> bool:
        """The verb reports physical damage: done by a fire, storm or blast, or to a building or vehicle. A
        participle clause or a second verb without a subject of its own has the subject of the clause it
        hangs on ("A fire tore through the mill, destroying the weaving hall")."""
        kids = self.children[tok.i]
        doers = self._subjects(tok) + self.objects_of(tok, ("in", "by"), agent=True)
        things = [k for k in kids if k.dep in ("dobj", "nsubjpass")]
        if tok.dep in ("acl", "amod") and tok.head != tok.i:
            things.append(self.tokens[tok.head])  # "homes destroyed in the flood"
        named = [c for d in doers for c in self.children[d.i] if c.dep == "compound"]  # "Hurricane Michael"
        return any(d.lemma.lower() in FORCES for d in doers + named) or any(
            t.lemma.lower() in _STRUCTURES for t in things
        )

    def _subjects(self, tok: Token) -> list[Token]:
        """The verb's subjects, else (for a participle clause, an open complement or a coordinated verb
        with none of its own) those of the verb it hangs on, up to three clauses up."""
        for _ in range(4):
            own = [k for k in self.children[tok.i] if k.dep == "nsubj"]
            if own or tok.dep not in ("advcl", "conj", "xcomp") or tok.head == tok.i:
                return own
            if any(k.dep in ("mark", "nsubjpass") for k in self.children[tok.i]):
                return own  # "as the fire destroyed ...", "after homes were destroyed": a clause of its own
            tok = self.tokens[tok.head]
            if tok.pos not in ("VERB", "AUX"):
                return []
        return []

    def measure(self, tok: Token) -> bool:
        """A law, budget or plan pushed through ("rammed the budget through a rubber-stamp council", "the
        bill was railroaded through parliament"), not "a van rammed the gate"."""
        if tok.pos != "VERB":
            return False
        kids = self.children[tok.i]
        if any(k.dep in ("dobj", "nsubjpass") and k.lemma.lower() in _MEASURES for k in kids):
            return True
        return any(g.lemma.lower() in _BODIES for g in self.objects_of(tok, ("through",), particle=True))

    def charge(self, tok: Token) -> bool:
        """A tax, fine or ban imposed ("slaps homeowners with a tax hike", "slapped a tariff on steel")."""
        if tok.pos != "VERB":
            return False
        kids = self.children[tok.i]
        objects = [k for k in kids if k.dep in ("dobj", "nsubjpass")] + self.objects_of(tok, ("with", "on"))
        return any(o.lemma.lower() in _CHARGES or o.text.lower() in _CHARGES for o in objects)

    def amount(self, tok: Token) -> bool:
        """Growth of an amount: a subject, object or clause about money or costs ("costs ballooned", "the
        plan balloons spending" even when tagged a noun), or the amount a modifier describes ("ballooning
        debt"); "weather balloons" have none."""
        related = list(self.children[tok.i])
        related += [g for k in related if k.dep == "prep" for g in self.children[k.i] if g.dep == "pobj"]
        if tok.dep in ("amod", "compound") and tok.head != tok.i:
            related.append(self.tokens[tok.head])
        return any(
            r.ent_type in ("MONEY", "PERCENT") or r.lemma.lower() in _AMOUNTS or r.text.lower() in _AMOUNTS
            for r in related
        )

    def money(self, tok: Token) -> bool:
        """The adjective modifies, or the verb takes as its object, a sum of money (also in a currency the
        lexicon does not know: "pocketing 14 million korun")."""
        if tok.pos == "ADJ":
            if tok.dep != "amod" or tok.head == tok.i:
                return False
            return self._sum(self.tokens[tok.head])
        return any(k.dep == "dobj" and self._sum(k) for k in self.children[tok.i])

    def _sum(self, tok: Token) -> bool:
        return _is_money(tok) or any(
            k.dep in ("nummod", "compound") and k.lemma.lower() in _LARGE_NUMBERS
            for k in self.children[tok.i]
        )


def _is_money(tok: Token) -> bool:
    return tok.ent_type == "MONEY" or tok.lemma.lower() in _MONEY_NOUNS


def _personal(tok: Token) -> bool:
    """A named person, group or organisation, or a personal pronoun (not "the cable", "storms")."""
    return (
        tok.ent_type in ("PERSON", "ORG", "NORP")
        or tok.pos == "PROPN"
        or (tok.pos == "PRON" and tok.text.lower() in _PERSONAL_PRONOUNS)
    )


def _reports_speech(tok: Token) -> bool:
    """An attribution verb in use ("claimed that", "insisted", "ranted about"), not "claimed the title"."""
    return tok.pos == "VERB" and tok.dep not in ("amod", "compound")
