"""Voice: whether words of an article are the writer's or someone else's, quoted or reported.

A question of attribution, not of loaded words, so it lives apart from the language lens that asks it: it
reads the quotes lens's findings and the segmenter's parse, and loads nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from newsprism.model import LanguageSpan, Quote, QuoteFindings, Source, Voice, at
from newsprism.settings import IndirectPolicy

__all__ = [
    "CLAIM_CUES",
    "attributed_claim_spans",
    "attributed_regions",
    "quote_of_span",
    "scare_quote_spans",
    "span_voice",
]

# Verbs that put a description in someone's mouth: "X dismissed the vote as a sham", "was branded a traitor".
CLAIM_CUES = frozenset(
    {"describe", "dismiss", "denounce", "brand", "label", "call", "dub", "deride", "portray", "characterize"}
    | {"characterise", "depict", "cast"}
)


def attributed_regions(
    source: Source, quotes: QuoteFindings, indirect: IndirectPolicy = "describe"
) -> list[tuple[int, int]]:
    """Character spans whose words belong to someone other than the writer.

    Words in quotation marks are the speaker's (direct quotes, the quoted fragments of mixed quotes, and
    longer quoted passages the quotes lens left unattributed); short unattributed quoted words are the
    writer's scare quotes. Paraphrased (indirect) content is the writer's wording, except a description
    a verb like "described ... as" or "dismissed ... as" hands to its source (``indirect="describe"``).
    BASIL's annotators judge it the same way (docs/benchmarks.md); ``"all"`` treats every paraphrase as
    attributed, ``"none"`` none.
    """
    from newsprism.lenses.attribution_quotes import quote_spans

    marks = quote_spans(source.text)
    scare = set(scare_quote_spans(source, quotes))
    regions = [m for m in marks if m not in scare]
    for q in quotes.quotes:
        if q.source != source.id:
            continue
        if (
            (q.kind == "direct" and (q.start, q.end) not in scare)
            or indirect == "all"
            or (indirect == "describe" and _describes(source, q))
        ):
            regions.append((q.start, q.end))
    if indirect != "none":
        regions.extend(attributed_claim_spans(source))
    return regions


def scare_quote_spans(source: Source, quotes: QuoteFindings) -> list[tuple[int, int]]:
    """Short quoted words (one to three, lower case) that no quote with a speaker covers: the writer's."""
    from newsprism.lenses.attribution_quotes import quote_spans

    spoken = [(q.start, q.end) for q in quotes.quotes if q.source == source.id and q.speaker_span]
    out = []
    for start, end in quote_spans(source.text):
        inner = source.text[start + 1 : end - 1].strip(" ,.!?'\"“”‘’")
        words = inner.split()
        if not 1 <= len(words) <= 3 or any(w[:1].isupper() for w in words):
            continue
        if not any(a <= start and end <= b for a, b in spoken):
            out.append((start, end))
    return out


def _describes(source: Source, quote: Quote) -> bool:
    """The quote's cue is a verb of description ("described", "dismissed as", "branded")."""
    if quote.cue_span is None:
        return False
    t = at(source.tokens, quote.cue_span[0])
    if t is not None and t.start == quote.cue_span[0]:
        return t.lemma.lower() in CLAIM_CUES
    return quote.cue.lower() in CLAIM_CUES


def quote_of_span(span: LanguageSpan, quotes: QuoteFindings) -> Quote | None:
    """The quote whose words hold an attributed span (the narrowest one, a quote with a speaker first), so
    that a reader can see who said "sham"; None for the outlet's own words or when the quotes lens found no
    quote there (a description handed to a source by "described ... as" may have none)."""
    if span.voice != "attributed":
        return None
    holding = [
        q for q in quotes.quotes if q.source == span.source and q.start <= span.start and span.end <= q.end
    ]
    if not holding:
        return None
    return min(holding, key=lambda q: (q.speaker is None, q.end - q.start, q.start))


def span_voice(
    source: Source, quotes: QuoteFindings, start: int, end: int, indirect: IndirectPolicy = "describe"
) -> Voice:
    """The voice of any span of ``source`` (what the lens would decide for a loaded word found there)."""
    return _voice(start, end, attributed_regions(source, quotes, indirect))


def _voice(start: int, end: int, regions: Sequence[tuple[int, int]]) -> Voice:
    """Attributed when the span lies inside someone's quoted or reported words; the writer's otherwise."""
    return "attributed" if any(a <= start and end <= b for a, b in regions) else "authorial"


def attributed_claim_spans(source: Source) -> list[tuple[int, int]]:
    """Descriptions a sentence puts in a named or described source's mouth, beyond what the quotes lens finds.

    "Kyiv dismissed the vote as a bare-faced land grab", "the vote, dismissed by Kyiv as a land grab",
    "Western governments described those votes as bogus", "she was branded a traitor by her rivals": the
    description after "as" (or the object complement) is the source's, not the writer's. Only verbs with
    a speaker (a subject, or a "by" agent in the passive) count. Kept here until the quotes lens exposes
    such claims; it works on the segmenter's parse and loads nothing.
    """
    toks = source.tokens
    children: dict[int, list[int]] = defaultdict(list)
    for t in toks:
        if t.head != t.i:
            children[t.head].append(t.i)

    def subtree(i: int) -> list[int]:
        out, stack = [], [i]
        while stack:
            j = stack.pop()
            out.append(j)
            stack.extend(children[j])
        return out

    out: list[tuple[int, int]] = []
    for t in toks:
        if t.pos != "VERB" or t.lemma.lower() not in CLAIM_CUES:
            continue
        kids = [toks[c] for c in children[t.i]]
        speaker = any(k.dep == "nsubj" for k in kids) or any(k.dep == "agent" and children[k.i] for k in kids)
        if not speaker and t.dep in ("acl", "relcl", "advcl"):
            speaker = any(k.dep == "agent" for k in kids)
        if not speaker:
            continue
        for k in kids:
            if k.dep == "prep" and k.text.lower() == "as":
                idx = [j for j in subtree(k.i) if j != k.i]
            elif k.dep in ("oprd", "xcomp") or (
                k.dep == "ccomp" and t.lemma.lower() in ("call", "brand", "dub")
            ):
                idx = subtree(k.i)
            else:
                continue
            if idx:
                out.append((toks[min(idx)].start, toks[max(idx)].end))
    return out
