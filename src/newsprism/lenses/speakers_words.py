"""Word lists and small name helpers the speaker modules share: who a word makes a person or a body,
and how names are folded, cleaned and joined from tokens."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from newsprism.lenses.attribution_base import wordset
from newsprism.model import Token, within

_PLACE_LABELS = {"GPE", "LOC", "FAC", "DATE", "TIME", "NORP", "EVENT", "LAW"}
_PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f", "it": "o", "they": "p"}
_HONORIFICS = {
    "mr": "m",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "sir": "m",
    "dame": "f",
    "lord": "m",
    "lady": "f",
}
# words that give a person's gender when they title or describe them ("spokeswoman Ida Brenne", "Lind, a
# father of three") or are all the text calls them ("a Holm man")
_MALE = wordset(
    """man boy father husband son brother grandfather uncle nephew widower fisherman businessman spokesman
    chairman congressman assemblyman councilman alderman policeman fireman king prince duke monk"""
)
_FEMALE = wordset(
    """woman girl mother wife daughter sister grandmother aunt niece widow businesswoman spokeswoman
    chairwoman congresswoman assemblywoman councilwoman policewoman queen princess duchess nun actress
    waitress"""
)
_GENDERED = _HONORIFICS | dict.fromkeys(_MALE, "m") | dict.fromkeys(_FEMALE, "f")
TITLES = wordset(
    """president prime minister chancellor secretary senator sen rep representative governor gov mayor
    general gen colonel col lieutenant lt captain capt admiral sergeant sgt judge justice king queen prince
    princess pope dr doctor professor prof mr mrs ms miss sir dame lord lady spokesman spokeswoman
    spokesperson chairman chairwoman chair ceo director leader deputy foreign defence defense interior
    finance vice former acting state chief minister's ambassador commissioner councillor councilor
    inspector sheriff premier mp mep msp mla congressman congresswoman assemblyman assemblywoman
    alderman councilman councilwoman"""
)
# what an apposition calls a person ("Sterling Hove, the harbour director"), beside the titles
_PERSON_ROLES = TITLES | wordset(
    """adviser advisor official manager owner analyst lawyer attorney economist founder witness resident
    teacher engineer researcher scientist officer worker expert activist farmer fisherman pilot nurse
    campaigner prosecutor protester candidate lawmaker legislator politician businessman businesswoman
    journalist reporter columnist defendant plaintiff student pastor priest bishop"""
)
# what the text may call a person it does not name ("a Lusk shopkeeper"): a "he" after one may be them
_PERSON_NOUNS = (
    _PERSON_ROLES
    - wordset("foreign defence defense interior finance vice former acting state chief minister's mr mrs ms")
    | wordset(
        """shopkeeper storekeeper baker butcher grocer driver motorist cyclist resident neighbour neighbor
        villager local customer shopper passenger commuter traveller traveler tourist visitor patient victim
        survivor parent child owner homeowner landlord landlady tenant employee miner cashier clerk waiter
        chef cook trader merchant vendor dealer pupil voter fan supporter onlooker bystander eyewitness
        pensioner retiree veteran mourner relative friend colleague coroner surgeon paramedic firefighter
        soldier guard mechanic electrician plumber person"""
    )
    | (frozenset(_GENDERED) - frozenset(_HONORIFICS))
)
_ORG_ROLES = wordset(
    """operator company firm lender carrier maker manufacturer airline retailer insurer group charity
    broadcaster newspaper publisher developer builder supplier utility"""
)
# the trades before a name only a firm has ("publisher Ivo Kranz" may be a person)
_FIRM_TRADES = _ORG_ROLES - wordset("operator developer builder publisher broadcaster")
_POSTS = wordset("executive officer")  # "chief executive Magnus Thorsby", beside the titles
_LEADER_WORDS = wordset("leader president premier chancellor head chief")
_SPOKES_WORDS = wordset("spokesman spokeswoman spokesperson")
_ORG_WORDS = wordset(
    """kremlin ministry government police army military pentagon commission council committee court
    agency office department embassy parliament senate congress cabinet administration campaign party
    company firm bank union federation authority authorities coalition un nato eu
    ag plc inc ltd gmbh llc corp"""
)
# words only an organisation's name holds ("Tarrow County Fire District", "Kessel Institute of Geology")
_BODY_WORDS = _ORG_WORDS | wordset("district service institute university hospital board school")
_LEGAL = wordset("ag plc inc ltd gmbh llc corp sa nv asa ab")
_ORG_LABELS = frozenset({"ORG", "GPE", "NORP"})
# the head words of names a bare "the union" may stand for ("the Ostrevian Nurses' Federation")
_BODY_KINDS = {"union": wordset("union federation association confederation guild syndicate brotherhood")}
# the last words of names only a company has ("Moravan Motors", "Kessling Arden AG"): what a bare "the
# company" or "the firm" may stand for; a trade ("the carmaker", "the lender") takes only its own kind
_FIRM_FORMS = _LEGAL | wordset("group holdings industries corporation company co co. inc. corp. ltd.")
_FIRM_KINDS = {
    "carmaker": wordset("motors automotive"),
    "automaker": wordset("motors automotive"),
    "lender": wordset("bank"),
    "bank": wordset("bank"),
    "airline": wordset("airlines airways"),
    "carrier": wordset("airlines airways"),
}
_FIRM_HEADS = wordset("company firm") | frozenset(_FIRM_KINDS)
# what an apposition may call a firm ("Kessling Arden, the pump maker") for a bare "the company" to be it
_FIRM_ROLES = _FIRM_HEADS | wordset("maker manufacturer insurer retailer supplier")
# words that make a bank's name a public institution's ("World Bank", "Vessarian Central Bank"): no firm a
# bare "the company" may stand for
_PUBLIC_BANK = wordset("world central reserve development federal monetary people's")
# adjectives that do not pick out one body: "the other union", "the same company", "the new authority"
_VAGUE = wordset("other same such former new own similar rival")
_WINDOW = 3  # sentences a pronoun may look back
_ANONYMOUS = re.compile(
    r"\b(?:anonymity|anonymously|anonymous|unnamed|unidentified|not\s+(?:to\s+)?be\s+(?:named|identified)"
    r"|not\s+authori[sz]ed\s+to\s+(?:speak|discuss|comment))\b",
    re.IGNORECASE,
)
_ANONYMOUS_HEADS = frozenset({"source", "insider"})
_PLACE_PREPS = wordset("in at near outside inside across throughout around")


def fold(name: str) -> str:
    """A transliteration-tolerant key: Zelensky, Zelenskiy, Zelenski and Zelenskyy all give 'zelenski'."""
    s = unicodedata.normalize("NFKD", name.lower())
    s = "".join(c for c in s if c.isalpha())
    s = s.replace("kh", "h").replace("w", "v").replace("ph", "f").replace("qu", "kv").replace("q", "k")
    s = re.sub(r"c(?![eiy])", "k", s)  # Valcescu ~ Valcesku, Lindquist ~ Lindqvist
    s = re.sub(r"(.)\1+", r"\1", s)
    s = re.sub(r"(iy|yi|y|ij)$", "i", s)
    s = re.sub(r"of$", "ov", s)  # Voronoff ~ Voronov (and Voronow, through w -> v)
    return s


_STOP = wordset("the a an of to 's ’s for in on at and by from with s")


def _word(t: Token) -> str:
    w = t.text.lower().strip(".’'")
    return "" if t.pos in ("DET", "PUNCT", "ADP", "PART", "CCONJ") else w


def _matches(word: str, descriptors: set[str]) -> bool:
    if word in descriptors:
        return True
    if word in _LEADER_WORDS and descriptors & _LEADER_WORDS:
        return True
    if word in _SPOKES_WORDS and descriptors & _SPOKES_WORDS:
        return True
    folded = {fold(d) for d in descriptors}
    # demonyms and possessives: "Russian" ~ "Russia", "Zelenskiy" ~ "Zelensky"
    fw = fold(word)
    return fw in folded or any(
        len(fw) >= 5 and (d.startswith(fw[:5]) and fw.startswith(d[:5])) for d in folded
    )


def _name_words(name: str) -> set[str]:
    return {w.lower() for w in name.split()}


def _strip_det(text: str) -> str:
    text = re.sub(r"^(the|a|an)\s+", "", text.strip(), flags=re.IGNORECASE)
    text = re.sub(r",?\s+(himself|herself|itself|themselves)$", "", text)  # "Malvik himself"
    return re.sub(r"(’s|'s)$", "", text)


def _joined(tokens: Sequence[Token], a: int, b: int) -> str:
    """The words of tokens ``a``..``b`` as the text spaces them ("Marek-Vasse", not "Marek - Vasse")."""
    out = ""
    for k in range(a, b):
        gap = k > a and tokens[k].start > tokens[k - 1].end
        out += (" " if gap else "") + tokens[k].text
    return out


def _clean_name(text: str) -> str:
    """The name without its titles or roles and what qualifies them ("Selmark Mayor Ilse Brandvoll",
    "Campaigner Dara Kellin": a role opening a sentence is capitalised like a name)."""
    words = re.sub(r"(’s|'s)$", "", text.strip()).split()
    titled = [i for i, w in enumerate(words[:-1]) if w.lower().rstrip(".") in _PERSON_ROLES]
    if titled:
        words = words[titled[-1] + 1 :]
    return " ".join(w for w in words if w.lower().rstrip(".") not in TITLES)


def _skip_common(tokens: Sequence[Token], a: int, b: int) -> int:
    """Drop leading common nouns the NER put in a name ("Farmer Jonas Petrik")."""
    while b - a > 1 and tokens[a].pos != "PROPN":
        a += 1
    return a


def _has_proper(tokens: Sequence[Token], span: tuple[int, int]) -> bool:
    return any(t.pos == "PROPN" for t in within(tokens, span[0], span[1]))


def _entity_token_spans(tokens: Sequence[Token], labels: set[str]) -> list[tuple[int, int]]:
    spans, start = [], None
    for t in tokens:
        inside = t.ent_type in labels and t.ent_iob in ("B", "I")
        if start is not None and (not inside or t.ent_iob == "B"):
            spans.append((start, t.i))
            start = None
        if inside and start is None:
            start = t.i
    if start is not None:
        spans.append((start, len(tokens)))
    return spans
