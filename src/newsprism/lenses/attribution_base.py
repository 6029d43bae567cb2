"""What every part of attribution detection shares: the cue verb lists and the :class:`Attribution` record
(apart from :mod:`newsprism.lenses.attribution`, so that :mod:`newsprism.lenses.attribution_quotes` can make
and join records without importing the detector)."""

from __future__ import annotations

from dataclasses import dataclass

from newsprism.lenses.language_lexicon import ATTRIBUTION_VERBS
from newsprism.lenses.language_lexicon import SPEECH_VERBS as LOADED_SPEECH_VERBS
from newsprism.model import QuoteKind


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
