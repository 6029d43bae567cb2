"""Who is speaking: speaker phrases resolved inside one article, then merged into one entity per real speaker.

Inside an article a speaker phrase is a name ("Vladimir Putin"), an organisation ("the Kremlin"), a pronoun
("he", resolved to the most salient earlier person within three sentences whose gender is known to match,
or is unknown while no nearer person is known to match; never to a name when that person is someone the
text does not name, such as "a Lusk shopkeeper") or a description
("the Kremlin spokesman", "Zelenskiy's adviser", resolved only when the article itself ties the description
to a named person by apposition or title). Anything the text does not settle stays unresolved: guessing a
speaker is worse than saying we do not know.

Across articles, :mod:`newsprism.lenses.speakers_merge` merges the mentions into one speaker per real
speaker; its public names are importable from here too.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsprism.lenses.attribution_base import Attribution
from newsprism.lenses.attribution_cues import Parse
from newsprism.lenses.attribution_quotes import quote_spans
from newsprism.lenses.speakers_merge import defined_acronyms as defined_acronyms
from newsprism.lenses.speakers_merge import merge_speakers as merge_speakers
from newsprism.lenses.speakers_merge import same_organisation as same_organisation
from newsprism.lenses.speakers_merge import same_person as same_person
from newsprism.lenses.speakers_words import (
    _ANONYMOUS,
    _ANONYMOUS_HEADS,
    _BODY_KINDS,
    _BODY_WORDS,
    _FIRM_FORMS,
    _FIRM_HEADS,
    _FIRM_KINDS,
    _FIRM_ROLES,
    _FIRM_TRADES,
    _GENDERED,
    _ORG_LABELS,
    _ORG_ROLES,
    _ORG_WORDS,
    _PERSON_NOUNS,
    _PERSON_ROLES,
    _PLACE_LABELS,
    _PLACE_PREPS,
    _POSTS,
    _PRONOUNS,
    _PUBLIC_BANK,
    _STOP,
    _VAGUE,
    _WINDOW,
    _clean_name,
    _entity_token_spans,
    _has_proper,
    _joined,
    _matches,
    _name_words,
    _skip_common,
    _strip_det,
    _word,
)
from newsprism.lenses.speakers_words import TITLES as TITLES
from newsprism.lenses.speakers_words import fold as fold
from newsprism.model import Mention, Source, Token


@dataclass(slots=True)
class _Person:
    name: str
    first_token: int
    end_token: int
    sentence: int
    descriptors: set[str] = field(default_factory=set)
    gender: str = ""


def _public_bank(name: str) -> bool:
    """A bank that is an institution, not a company ("the World Bank", "the Vessarian Central Bank"): its
    name ends in "Bank" like a lender's, but a bare "the company" never stands for it."""
    words = name.lower().split()
    return words[-1:] == ["bank"] and any(w in _PUBLIC_BANK for w in words)


class ArticleSpeakers:
    """Resolves the speaker phrases of one source's attributions, in text order."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.parse = Parse(source)
        self.tokens: Sequence[Token] = self.parse.tokens  # with misread given names repaired ("Per Hallin")
        self.children = self.parse.children
        self.people = self._people()
        self.quotes = quote_spans(source.text)
        self.acronyms = defined_acronyms(source.text)
        self.speakers: list[tuple[int, str]] = []  # (token, name) of person speakers resolved so far
        self._speaker_heads: set[int] = set()  # head words of every speaker phrase, resolved or not
        self._by_word: dict[str, list[int]] = {}  # lower-cased word -> its token indices, in order
        for t in self.tokens:
            self._by_word.setdefault(t.text.lower(), []).append(t.i)

    # ------------------------------------------------------------------ article model

    def _people(self) -> list[_Person]:
        """Every person mention, named by the fullest form of its surname in the article, with descriptors."""
        # "Westline Holdings, the ferry operator" and "ferry operator Westline Holdings" are organisations
        # whatever the tagger says, and the one word of "the court in Lenz" a place
        spans = [
            (a, b)
            for a, b in _entity_token_spans(self.tokens, {"PERSON"})
            if self._apposition(b - 1) not in _ORG_ROLES
            and not (b - a == 1 and self._placed(a))
            and not (a > 0 and self.tokens[a - 1].text.lower() in _FIRM_TRADES)  # "pump maker Kessling Arden"
        ]
        surnames = {fold(self.tokens[b - 1].text) for a, b in spans}
        full_names = {fold(self.tokens[b - 1].text) for a, b in spans if b - a >= 2}
        # the small parser often tags "President Volodymyr Zelenskiy" as an ORG: take such spans back when a
        # title precedes or opens them, their last word is a surname the article elsewhere tags as a person,
        # or an apposition calls them a person ("Sterling Hove, the harbour director")
        for a, b in _entity_token_spans(self.tokens, set(_ORG_LABELS)):
            words = self.tokens[a:b]
            if any(t.pos != "PROPN" or t.text.lower() in _ORG_WORDS for t in words):
                continue
            before = self.tokens[a - 1].text.lower().rstrip(".") if a > 0 else ""
            titled = any(t.text.lower().rstrip(".") in TITLES for t in words[:-2])
            role = (b - a >= 2 and self._apposition(b - 1) in _PERSON_ROLES) or self._personal(b - 1)
            surname = fold(words[-1].text)
            # "Malvik has denied" tagged ORG, with "Teodor Malvik" a PERSON elsewhere
            if (
                before in TITLES
                or before in _POSTS
                or titled
                or role
                or surname in full_names
                or (b - a >= 2 and surname in surnames)
            ):
                spans.append((a, b))
        spans.sort()
        full: dict[str, str] = {}
        spans = [(_skip_common(self.tokens, a, b), b) for a, b in spans]
        for a, b in spans:
            name = _clean_name(_joined(self.tokens, a, b))
            if not name:
                continue
            key = fold(name.split()[-1])
            if len(name.split()) > len(full.get(key, "").split()):
                full[key] = name
        people = []
        for a, b in spans:
            name = _clean_name(_joined(self.tokens, a, b))
            if not name:
                continue
            person = _Person(full[fold(name.split()[-1])], a, b, self.tokens[a].sent)
            person.descriptors = self._descriptors(a, b)
            person.gender = self._gender(a, b)
            people.append(person)
        # descriptors and gender known for any mention hold for the person
        by_name: dict[str, set[str]] = defaultdict(set)
        gender: dict[str, str] = {}
        for p in people:
            by_name[p.name] |= p.descriptors
            gender[p.name] = gender.get(p.name) or p.gender
        for p in people:
            p.descriptors = by_name[p.name]
            p.gender = gender[p.name]
        return people

    def _gender(self, a: int, b: int) -> str:
        """The gender the text gives the person named by tokens [a, b), "" when it gives none or two: an
        honorific or gendered title in or right before the name ("Ms Ida Brenne", "spokeswoman Ida
        Brenne"), or an apposition ("Lind, a father of three"; "the port's spokeswoman, Ida Brenne")."""
        first = a - 1 if a > 0 and self.tokens[a - 1].sent == self.tokens[a].sent else a
        words = {self.tokens[i].text.lower().rstrip(".") for i in range(first, b - 1)}
        words.add(self._apposition(b - 1))
        inside = range(a, b)
        root = self.tokens[next((i for i in inside if self.tokens[i].head not in inside), b - 1)]
        if root.dep == "appos" and root.head not in inside:
            words.add(_word(self.tokens[root.head]))
        found = {_GENDERED[w] for w in words if w in _GENDERED}
        return found.pop() if len(found) == 1 else ""

    def _placed(self, i: int) -> bool:
        """The object of a preposition of place ("in Lenz", "outside Orsa"), or where a person comes from
        ("a businesswoman from Holm"; "a letter from Karrow" is from a person, so "from" alone is not
        enough)."""
        t = self.tokens[i]
        if t.dep != "pobj" or t.head == i:
            return False
        prep = self.tokens[t.head]
        if prep.text.lower() in _PLACE_PREPS:
            return True
        return prep.text.lower() == "from" and self.tokens[prep.head].lemma.lower() in _PERSON_NOUNS

    def _personal(self, i: int) -> bool:
        """A name only a person has: "Malvik, who governed Brenna" (a relative "who"), "Malvik, 61" (an
        age in apposition)."""
        for c in self.children[i]:
            kid = self.tokens[c]
            if kid.dep == "appos" and kid.pos == "NUM" and kid.text.isdigit() and 0 < int(kid.text) < 120:
                return True
            if kid.dep == "relcl" and any(
                self.tokens[s].text.lower() in ("who", "whom") for s in self.children[c]
            ):
                return True
        return False

    def _apposition(self, i: int) -> str:
        """The head word of an apposition to token ``i`` ("director" in "Hove, the harbour director")."""
        return next((_word(self.tokens[c]) for c in self.children[i] if self.tokens[c].dep == "appos"), "")

    def _descriptors(self, a: int, b: int) -> set[str]:
        """Title and apposition words tied to the name in tokens [a, b): "Kremlin spokesman", "an adviser"."""
        words: set[str] = set()
        inside = set(range(a, b))
        head = next((i for i in inside if self.tokens[i].head not in inside), a)
        for c in self.children[head]:
            if c in inside:
                continue
            dep = self.tokens[c].dep
            if dep in ("compound", "amod", "poss", "nmod", "appos", "prep"):
                words |= {_word(self.tokens[i]) for i in self.parse.subtree(c)}
        # the name as apposition of a description: "the Kremlin's spokesman, Dmitry Peskov"
        h = self.tokens[head]
        if h.dep == "appos" and h.head != head:
            inner = self.parse.subtree(head)
            words |= {_word(self.tokens[i]) for i in self.parse.subtree(h.head) if i not in inner}
        # titles directly before the name without a parse link: "Russian President Vladimir Putin"
        i = a - 1
        while i >= 0 and self.tokens[i].pos in ("PROPN", "NOUN", "ADJ") and self.tokens[i].sent == h.sent:
            words.add(_word(self.tokens[i]))
            i -= 1
        return {w for w in words if w and w not in _STOP}

    # ------------------------------------------------------------------ resolution

    def resolve(self, attributions: Sequence[Attribution]) -> list[Mention | None]:
        self._add_named_speakers(attributions)
        self._speaker_heads = {a.speaker_head for a in attributions if a.speaker_head is not None}
        out: list[Mention | None] = []
        for att in attributions:
            if att.inherits is not None and att.speaker_span is None:
                out.append(out[att.inherits] if att.inherits < len(out) else None)
                continue
            mention = self.resolve_one(att)
            if mention is not None and mention.kind == "organisation" and mention.name in self.acronyms:
                # "the VGA said" after "the Valdorian Grid Authority (VGA) said": one body, one name
                mention = Mention(self.acronyms[mention.name], "organisation", mention.alias)
            if mention is not None and mention.kind == "person" and att.speaker_head is not None:
                self.speakers.append((att.speaker_head, mention.name))
                pronoun = self.tokens[att.speaker_head].text.lower()
                for p in self.people:
                    if p.name == mention.name and not p.gender and pronoun in ("he", "she"):
                        p.gender = _PRONOUNS[pronoun]
            out.append(mention)
        return out

    def resolve_one(self, att: Attribution) -> Mention | None:
        if att.speaker_span is None or att.speaker_head is None:
            return None
        text = self.source.text
        alias = _strip_det(text[att.speaker_span[0] : att.speaker_span[1]])
        head = self.tokens[att.speaker_head]
        low = head.text.lower()
        if low in _PRONOUNS and head.pos == "PRON":
            person = self._antecedent(att.speaker_head, _PRONOUNS[low])
            if person is None:
                return None
            return Mention(person, "person", alias)
        if head.pos == "NOUN" and self._anonymous(att.speaker_span, head):
            return Mention(self._description(att.speaker_span, att.speaker_head), "anonymous", alias)
        if head.pos == "NOUN" and head.tag == "NNS" and low not in _ORG_WORDS:
            return None  # "residents said", "passengers in Kestrel told": a group no one name stands for
        if self._two_names(att.speaker_head):
            return None  # "Ada Lind and Per Hallin said": two people, neither of whom is the speaker alone
        named = self._named_at(att.speaker_head) or self._named_in(att.speaker_span, att.speaker_head)
        if named is not None:
            return Mention(named, "person", alias)
        org = self._organisation(att.speaker_span, att.speaker_head)
        if org is not None:
            return Mention(org, "organisation", alias)
        if head.pos == "NOUN" and (low in _ORG_WORDS or low in _FIRM_HEADS):
            # "the authority said": the body named earlier, never a person the body is tied to
            body = self._earlier_body(att.speaker_head)
            return Mention(body, "organisation", alias) if body is not None else None
        person = self._described(att.speaker_span, att.speaker_head)
        return Mention(person, "person", alias) if person is not None else None

    def _anonymous(self, span: tuple[int, int], head: Token) -> bool:
        """A source the text describes but will not name: "a senior official who spoke on condition of
        anonymity", "an unnamed diplomat", "sources close to the ministry", "insiders" (and no name in
        the phrase but one its prepositions bring in: "a source close to Mayor Kranz")."""
        phrase = self.source.text[span[0] : span[1]]
        if not (_ANONYMOUS.search(phrase) or head.lemma.lower() in _ANONYMOUS_HEADS):
            return False
        return self._named_in(span, head.i) is None

    def _description(self, span: tuple[int, int], head: int) -> str:
        """What an anonymous source is called, up to its head word: "anonymous senior official"."""
        words = self.source.text[span[0] : self.tokens[head].end]
        words = re.sub(r"^(the|a|an)\s+", "", words.strip(), flags=re.IGNORECASE)
        words = words[:1].lower() + words[1:] if words[:2].istitle() or words[:1].isupper() else words
        return words if re.match(r"(anonymous|unnamed|unidentified)\b", words, re.I) else f"anonymous {words}"

    def _add_named_speakers(self, attributions: Sequence[Attribution]) -> None:
        """Proper-noun speakers the NER missed ("Voronow promised ...") are people too."""
        known = {i for p in self.people for i in range(p.first_token, p.end_token)}
        surnames = {fold(p.name.split()[-1]): p.name for p in self.people}
        for att in attributions:
            h = att.speaker_head
            if h is None:
                continue
            if self.tokens[h].pos == "NOUN":
                # "his neighbour Ada Lind": the name is an apposition of a common noun, so it is a person
                h = next((c for c in self.children[h] if self.tokens[c].dep == "appos"), h)
            elif self.tokens[h].ent_type in _ORG_LABELS:
                continue
            if h in known or self.tokens[h].pos != "PROPN":
                continue
            if self.tokens[h].text.lower() in _ORG_WORDS or self._apposition(h) in _ORG_ROLES:
                continue
            a = h
            while a > 0 and self.tokens[a - 1].pos == "PROPN" and self.tokens[a - 1].dep == "compound":
                a -= 1
            name = _clean_name(_joined(self.tokens, a, h + 1))
            if not name:
                continue
            name = surnames.get(fold(name.split()[-1]), name)
            person = _Person(name, a, h + 1, self.tokens[h].sent, self._descriptors(a, h + 1))
            person.gender = self._gender(a, h + 1) or next(
                (p.gender for p in self.people if p.name == name and p.gender), ""
            )
            self.people.append(person)
            known.update(range(a, h + 1))
        self.people.sort(key=lambda p: p.first_token)

    def _named_at(self, i: int) -> str | None:
        """The person whose name the speaker's head word falls in."""
        for p in self.people:
            if p.first_token <= i < p.end_token:
                return p.name
        return None

    def _named_in(self, span: tuple[int, int], head: int) -> str | None:
        """One non-possessive name inside the phrase: "his neighbour Ada Lind", "Lind, a farmer"; not one
        in a prepositional phrase ("the High Court in Lenz", "a spokesman for Ivo Kranz" is not Kranz)."""
        names = set()
        for p in self.people:
            first, last = self.tokens[p.first_token], self.tokens[p.end_token - 1]
            if span[0] <= first.start and last.end <= span[1]:
                after = self.tokens[p.end_token].text if p.end_token < len(self.tokens) else ""
                if last.dep != "poss" and after not in ("'s", "’s") and not self._in_prep(p, head):
                    names.add(p.name)
        return names.pop() if len(names) == 1 else None

    def _in_prep(self, p: _Person, head: int) -> bool:
        """The name hangs on the speaker's head word through a preposition."""
        inside = range(p.first_token, p.end_token)
        i = next((i for i in inside if self.tokens[i].head not in inside), p.end_token - 1)
        for _ in range(len(self.tokens)):
            if i == head or self.tokens[i].head == i:
                return False
            if self.tokens[i].dep in ("pobj", "prep"):
                return True
            i = self.tokens[i].head
        return False

    def _antecedent(self, at: int, gender: str) -> str | None:
        """The person a "he"/"she" most likely is, within three sentences back.

        Salient candidates first: earlier speakers and people who are the subject of their sentence's
        main clause, most recent first; then subjects of other clauses; then any other person mentioned
        outside quotation marks. A person whose gender is known (an honorific, a gendered title, a pronoun
        used of them before) must agree; one of unknown gender gives way to a nearer person known to be of
        the pronoun's gender. When the best candidate is someone the text does not name ("A Lusk
        shopkeeper lost his stock. '...,' he said") the pronoun stays unresolved: a wrong name is worse
        than none.
        """
        sent = self.tokens[at].sent
        if gender in ("o", "p"):
            return None  # organisations are resolved through their names only; "they" may be anyone
        genders = {p.name: p.gender for p in self.people}
        candidates: list[tuple[int, int, str | None, str]] = []  # (salience, -position, name, gender)
        for tok, name in self.speakers:
            if tok < at and sent - self.tokens[tok].sent <= _WINDOW:
                candidates.append((0, -tok, name, genders.get(name, "")))
        for p in self.people:
            if p.first_token >= at or sent - p.sentence > _WINDOW or self._quoted(p.first_token):
                continue
            candidates.append((self._salience(p), -p.first_token, p.name, p.gender))
        candidates += self._unnamed(at, genders)
        fits = [c for c in sorted(candidates, key=lambda c: c[:2]) if c[3] in ("", gender)]
        if not fits:
            return None
        best = fits[0]
        if not best[3]:
            best = next((c for c in fits if c[3] == gender and c[1] < best[1] and c[2] != best[2]), best)
        return best[2]

    def _unnamed(self, at: int, genders: dict[str, str]) -> list[tuple[int, int, str | None, str]]:
        """People mentioned by a common noun within the window before token ``at`` ("A Lusk shopkeeper"),
        as pronoun candidates (salience, -position, name, gender): the name when the article ties the
        description to one named person ("the minister"), else None."""
        sent = self.tokens[at].sent
        named = {i for p in self.people for i in range(p.first_token, p.end_token)}
        named |= {tok for tok, _ in self.speakers}  # "the minister said" already resolved to a name
        out: list[tuple[int, int, str | None, str]] = []
        for t in self.tokens[:at]:
            if sent - t.sent > _WINDOW or t.pos != "NOUN" or t.tag != "NN" or t.dep == "compound":
                continue
            if t.text.lower() not in _PERSON_NOUNS or self._quoted(t.i) or self._tied_to_name(t, named):
                continue
            if self._predicate(t):
                continue  # "Trump was a bad businessman": what someone is, not someone else
            left = min(self.parse.subtree(t.i))
            name = self._described((self.tokens[left].start, t.end), t.i)
            gender = genders.get(name, "") if name else _GENDERED.get(t.text.lower(), "")
            salience = 0 if t.i in self._speaker_heads else self._rank(t)
            out.append((salience, -t.i, name, gender))
        return out

    def _predicate(self, t: Token) -> bool:
        """A predicate noun ("was a demagogue and a bad businessman", "named him chairman")."""
        while t.dep == "conj" and t.head != t.i:
            t = self.tokens[t.head]
        return t.dep in ("attr", "oprd")

    def _tied_to_name(self, t: Token, named: set[int]) -> bool:
        """A common noun that is part of, or in apposition with, a name: "fisherman Olav Lind", "Lind, a
        father of three", "the port's spokeswoman, Ida Brenne"."""
        if t.i in named or (t.dep in ("appos", "compound") and t.head in named):
            return True
        return any(c in named and self.tokens[c].dep == "appos" for c in self.children[t.i])

    def person_for(self, i: int) -> str | None:
        """The person a "he" or "she" at token ``i`` is, for callers that show the sentence out of its
        article: only when one person of that gender (or of none known) is mentioned within the window,
        and named, since a wrong name there would be a false statement, where the pronoun is only vague."""
        gender = _PRONOUNS.get(self.tokens[i].text.lower(), "")
        if gender not in ("m", "f"):
            return None
        sent = self.tokens[i].sent
        genders = {p.name: p.gender for p in self.people}
        near = {name for tok, name in self.speakers if tok < i and sent - self.tokens[tok].sent <= _WINDOW}
        near |= {p.name for p in self.people if p.first_token < i and sent - p.sentence <= _WINDOW}
        fits = {name for name in near if genders.get(name, "") in ("", gender)}
        for _, _, name, g in self._unnamed(i, genders):
            if g in ("", gender):
                fits.add(name or "")  # someone the text does not name ("a Lusk shopkeeper") may be them
        if len(fits) != 1 or "" in fits:
            return None
        name = fits.pop()
        # any other proper name nearby may be a person the tagger missed ("Teodor Malvik and his deputy
        # Pavel Orsk left. He said ...")
        words = set(name.split())
        others = (
            t
            for t in self.tokens[:i]
            if sent - t.sent <= _WINDOW
            and t.pos == "PROPN"
            and t.ent_type not in _PLACE_LABELS
            and not self._in_name(t, words)
            and not self._in_body(t)
        )
        return None if any(t.text not in words and not self._quoted(t.i) for t in others) else name

    def _in_name(self, t: Token, words: set[str]) -> bool:
        """A title or given name compounded onto the name: "Fire Chief Renata Solberg"."""
        while t.dep == "compound" and t.head != t.i:
            t = self.tokens[t.head]
            if t.text in words:
                return True
        return False

    def _in_body(self, t: Token) -> bool:
        """A word of an organisation's name that says it is one: "the Tarrow County Fire District"."""
        if t.ent_type != "ORG":
            return False
        a = b = t.i
        while a > 0 and self.tokens[a].ent_iob == "I":
            a -= 1
        while b + 1 < len(self.tokens) and self.tokens[b + 1].ent_iob == "I":
            b += 1
        return any(self.tokens[k].text.lower() in _BODY_WORDS for k in range(a, b + 1))

    def _quoted(self, i: int) -> bool:
        start = self.tokens[i].start
        return any(q0 < start < q1 for q0, q1 in self.quotes)

    def _salience(self, p: _Person) -> int:
        """0 for the subject of a main clause, 1 for the subject of a clause inside another ("Fox is not
        worried that Trump will win": Fox first), 2 for any other mention."""
        inside = range(p.first_token, p.end_token)
        root = next((i for i in inside if self.tokens[i].head not in inside), p.end_token - 1)
        return self._rank(self.tokens[root])

    def _rank(self, tok: Token) -> int:
        """:meth:`_salience` of the mention whose head word is ``tok``."""
        if tok.dep == "appos":  # "Their leader, Dara Kellin, is right when she says": the subject's name
            tok = self.tokens[tok.head]
        if tok.dep == "ROOT" and any(self.parse.rootless_subject(c) for c in self.children[tok.i]):
            return 0  # "Sigrid Aune, head of the union, visited ...", the parser rooted in the name
        if tok.dep not in ("nsubj", "nsubjpass"):
            return 2
        verb = self.tokens[tok.head]
        while verb.dep == "conj" and verb.head != verb.i:
            verb = self.tokens[verb.head]
        return 0 if verb.dep == "ROOT" else 1

    def _organisation(self, span: tuple[int, int], head_i: int) -> str | None:
        """The organisation's name, without an apposition ("Marlow Bank", not "Marlow Bank, the lender")."""
        head = self.tokens[head_i]
        org_like = (
            head.ent_type in _ORG_LABELS
            or head.text.lower() in _ORG_WORDS
            or (head.pos == "PROPN" and self._apposition(head_i) in _ORG_ROLES)
        )
        if org_like and (
            head.pos == "PROPN"
            or head.ent_type in _ORG_LABELS
            or _has_proper(self.tokens, span)
            or self._described_body(head_i)
        ):
            # nor a ticker: "Kessling Arden AG (LSX: KSA)"
            return _strip_det(self.source.text[span[0] : span[1]].split(", ")[0].split(" (")[0])
        return None

    def _two_names(self, i: int) -> bool:
        """Two full names joined by "and" ("Kessar Motors and Dunfield Group agreed to merge", "Ada Lind and
        Per Hallin said") are two speakers, so neither speaks alone; a name of single words on either side
        ("Marks and Spencer") may be one firm's."""

        def full(j: int) -> bool:
            return self.tokens[j].pos == "PROPN" and any(
                self.tokens[c].dep == "compound" and self.tokens[c].pos == "PROPN" for c in self.children[j]
            )

        return full(i) and any(self.tokens[c].dep == "conj" and full(c) for c in self.children[i])

    def _described_body(self, i: int) -> bool:
        """A common-noun phrase that picks out one body: "the regional transport authority", "the rail
        workers' union", "the ministry of fisheries". A bare or indefinite one ("the union", "a company")
        or a plural ("local authorities") could be any of several, so it names no one."""
        head = self.tokens[i]
        if head.pos != "NOUN" or head.tag != "NN":
            return False
        kids = [self.tokens[c] for c in self.children[i]]
        if any(k.dep == "det" and k.text.lower() != "the" for k in kids):
            return False
        for k in kids:
            if k.dep in ("compound", "poss", "nmod") and k.pos in ("NOUN", "PROPN"):
                return True
            if k.dep == "amod" and k.pos == "ADJ" and k.text.lower() not in _VAGUE:
                return True
            if k.dep == "prep" and k.text.lower() == "of":
                objects = self.parse.kids(k.i, {"pobj"})
                if any(self.tokens[o].pos in ("NOUN", "PROPN") for o in objects):
                    return True
        return False

    def _earlier_body(self, i: int) -> str | None:
        """The one body a bare "the union" refers back to: every earlier "the rail workers' union",
        "Nordvik Union" or named body of that kind ("the Ostrevian Nurses' Federation") in the article
        names the same one (two different unions leave it open)."""
        head = self.tokens[i]
        before = [self.tokens[c] for c in self.children[i] if c < i]
        if head.tag != "NN" or any(k.dep != "det" or k.text.lower() != "the" for k in before):
            return None
        low = head.text.lower()
        names = [
            name for j in self._by_word.get(low, ()) if j < i and (name := self._body_name(j)) is not None
        ]
        kinds = _BODY_KINDS.get(low, frozenset()) | self._firm_forms(low)
        names += [
            name
            for word in kinds - {low}
            for j in self._by_word.get(word, ())
            if j < i
            and (name := self._org_entity(j)) is not None
            and not self._employer(j)
            and not (low in ("company", "firm") and _public_bank(name))
        ]
        if low in _FIRM_HEADS:
            names += self._called_firm(i, low)
        longest = max(names, key=len, default=None)
        if longest is None or not all(
            fold(longest).endswith(fold(n)) or same_organisation(longest, n) for n in names
        ):
            return None
        return longest

    @staticmethod
    def _firm_forms(head: str) -> frozenset[str]:
        """The last words of the names a bare "the company" (any firm's) or "the carmaker" (a carmaker's
        or any legal form's) may stand for."""
        if head in ("company", "firm"):
            return _FIRM_FORMS.union(*_FIRM_KINDS.values())
        return _FIRM_FORMS | _FIRM_KINDS[head] if head in _FIRM_KINDS else frozenset()

    def _employer(self, i: int) -> bool:
        """A firm named only as where a commentator works ("an analyst at Tarrow Bank"): the story's own
        company may be one the text never marks as a firm, so such a bank is no evidence of which."""
        t = self.tokens[i]
        if t.dep != "pobj" or t.head == i:
            return False
        noun = self.tokens[self.tokens[t.head].head]
        return noun.pos == "NOUN" and noun.lemma.lower() in _PERSON_NOUNS

    def _called_firm(self, i: int, head: str) -> list[str]:
        """The names that an apposition before token ``i`` calls a firm of the kind ``head`` says
        ("Kessling Arden, the pump maker, said"; "the carmaker, Kessar, said"); "the company" and "the
        firm" take any firm."""
        out = []
        for t in self.tokens[:i]:
            word = t.text.lower()
            if t.pos != "NOUN" or word not in _FIRM_ROLES or (head in _FIRM_KINDS and word != head):
                continue
            if t.dep == "appos":
                named = t.head  # "Kessling Arden, the pump maker"
            else:  # "the carmaker, Kessar,"
                named = next((c for c in self.children[t.i] if self.tokens[c].dep == "appos"), t.i)
            if self.tokens[named].pos != "PROPN" or self._named_at(named) is not None:
                continue  # a person ("Ida Brenne, the company's founder") is no firm
            name = self._org_entity(named) or self.tokens[named].text
            out.append(name)
        return out

    def _org_entity(self, i: int) -> str | None:
        """The proper name that ends in token ``i`` ("Ostrevian Nurses' Federation" for "Federation"; the
        small tagger may call it anything, even a law), as :meth:`_organisation` spells it."""
        if self.tokens[i].pos != "PROPN":
            return None
        a = i
        while (
            a > 0
            and self.tokens[a - 1].sent == self.tokens[i].sent
            and (self.tokens[a - 1].pos == "PROPN" or self.tokens[a - 1].tag == "POS")
        ):
            a -= 1
        return _strip_det(self.source.text[self.tokens[a].start : self.tokens[i].end]) if a < i else None

    def _body_name(self, i: int) -> str | None:
        """The name of the body whose head word is token ``i``: "rail workers' union", "Nordvik Union"."""
        t = self.tokens[i]
        if t.pos == "PROPN":
            a = i
            while a > 0 and self.tokens[a - 1].pos == "PROPN" and self.tokens[a - 1].dep == "compound":
                a -= 1
            if a == i and i > 0 and self.tokens[i - 1].tag == "POS":
                return self._org_entity(i)  # "Pell Workers' Union": the parser makes "Workers" a possessive
            return _joined(self.tokens, a, i + 1) if a < i else None
        if t.dep == "compound" and self.tokens[t.head].pos == "PROPN":
            # a trade before a name ("carmaker Kessar Motors") is the named body, a title ("union leader
            # Dara Kellin") no body at all
            if self._named_at(t.head) is not None:
                return None
            return self._org_entity(t.head) or self.tokens[t.head].text
        if not self._described_body(i):
            return None
        kids = self.children[i]
        left = min([i, *(min(self.parse.subtree(c)) for c in kids if c < i)])
        of = [
            c for c in kids if c > i and self.tokens[c].dep == "prep" and self.tokens[c].text.lower() == "of"
        ]
        right = max([i, *(max(self.parse.subtree(c)) for c in of)])
        return _strip_det(self.source.text[self.tokens[left].start : self.tokens[right].end])

    def _described(self, span: tuple[int, int], head_i: int) -> str | None:
        """A description the article ties to exactly one named person ("the Kremlin spokesman")."""
        head = self.tokens[head_i]
        if head.pos not in ("NOUN", "PROPN"):
            return None
        words = {
            _word(t)
            for t in self.tokens
            if span[0] <= t.start and t.end <= span[1] and t.pos in ("NOUN", "PROPN", "ADJ")
        } - _STOP
        if not words:
            return None
        best: list[_Person] = []
        for p in self.people:
            if p.first_token >= head_i and p.sentence != head.sent:
                continue
            if all(_matches(w, p.descriptors | _name_words(p.name)) for w in words):
                best.append(p)
        names = {p.name for p in best}
        if len(names) == 1:
            return names.pop()
        return None
