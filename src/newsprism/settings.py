"""The one settings tree: defaults live in code; TOML files and CLI flags override only the keys they set."""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeVar, get_args

from newsprism.errors import UsageError


@dataclass(frozen=True)
class FetchSettings:
    timeout: float = 15.0  # seconds per request
    max_bytes: int = 10_000_000  # larger responses are cut off and skipped
    max_redirects: int = 5  # more redirects than this and the URL is skipped
    allow_private: bool = False  # fetch private, loopback and link-local addresses (--allow-private)
    user_agent: str = "newsprism/0.1 (+https://github.com/newsprism/newsprism)"  # sent with every request


@dataclass(frozen=True)
class IngestSettings:
    max_html_bytes: int = 60_000_000  # larger files are refused before parsing
    max_text_chars: int = 400_000  # longer extracted texts are cut, with a warning
    min_words: int = 5  # fewer words: the article is skipped as empty
    require_english: bool = True  # skip texts that are not English (the models are English-only)


@dataclass(frozen=True)
class EmbedSettings:
    backend: str = "onnx"  # "onnx" (default, offline) or "sentence-transformers" (extra)
    model: str = ""  # model name or path for the sentence-transformers backend
    batch_size: int = 64  # sentences per model call
    max_tokens: int = 128  # longer sentences are cut for the embedding


@dataclass(frozen=True)
class AlignSettings:
    """Thresholds for "these two sentences report the same fact"; tuned on MSRP (docs/benchmarks.md)."""

    threshold: float = 0.42  # P(same fact) cut; F1-optimal on MSRP (benchmarks/align_msrp.py)
    min_words: int = 4  # shorter sentences are not aligned (datelines, bylines)


IndirectPolicy = Literal["describe", "all", "none"]
StoryIndex = Literal["auto", "faiss", "exact"]


@dataclass(frozen=True)
class QuoteSettings:
    """Knobs of the lens; the defaults are what docs/benchmarks.md measured."""

    # also report stance and belief attributions ("she believes", "polls show", "backed the bill"); PolNeAR
    # counts them as attributions, but a "who is quoted" table is clearer without them
    beliefs: bool = False  # also list stance and belief attributions
    same_words: float = 0.9  # share of the shorter quote's words found in order in the longer one
    min_shared_words: int = 4  # fewer shared words are not the same quote
    paraphrase: float = 0.5  # content-word overlap (Jaccard) for an indirect quote to paraphrase another
    paraphrase_cosine: float = 0.8  # or sentence-embedding cosine, same speaker


@dataclass(frozen=True)
class ReuseSettings:
    """Thresholds of the passage finder, tuned on the planted-passage benchmark (docs/benchmarks.md)."""

    shingle: int = 3  # words per index key: short enough to survive one edit in every fourth word
    max_gap: int = 14  # words between two seeds of one passage (edits, inserted clauses)
    min_seeds: int = 3  # shared word runs a passage needs to count as reuse
    min_words: int = 12  # fewer shared words are stock phrases ("use of a private email server"), not reuse
    min_similarity: float = 0.5  # token-level similarity of the two sides
    short_words: int = 25  # passages shorter than this on either side need short_similarity
    short_similarity: float = 0.7  # short and loosely similar is how outlets paraphrase one fact
    quote_share: float = 0.8  # this share of matching words quoted on both sides: a shared quote
    wire_share: float = 0.2  # share of a source's words copied from a wire source to inherit its credit
    max_postings: int = 4  # positions kept per index key and text (repeated boilerplate)
    snap: int = 3  # words a passage end may move to reach a sentence end on both sides
    reprint_jaccard: float = 0.5  # shingle-set Jaccard that makes two texts copies of one another


@dataclass(frozen=True)
class LanguageSettings:
    """Knobs of the lens; the defaults are the ones docs/benchmarks.md measured."""

    learned_min: float = 0.3  # a word known only from the learned scores needs at least this score
    # ... and a sentence bias probability of at least this (when the classifier ran): the scores are
    # shares over few occurrences, so a literal word of a biased training sentence ("cracks", "flood")
    # would otherwise be loaded wherever it appears; chosen on BABE (docs/benchmarks.md, 2026-11-24)
    learned_context_min: float = 0.4  # sentence bias a learned-score word needs around it
    biased_threshold: float = 0.5  # sentence bias probability from which a sentence counts as biased
    loadedness_scale: float = 2.0  # authorial spans per 100 words at which loadedness reaches 1 - 1/e
    context_weight: float = 0.2  # share of a span's score that comes from its sentence's bias probability
    top_terms: int = 8  # loaded words listed per source
    # paraphrased speech whose loaded words count as the speaker's, not the outlet's own voice
    indirect: IndirectPolicy = "describe"  # "describe": "described/dismissed X as"; "all": any; "none"


@dataclass(frozen=True)
class ContradictionSettings:
    """When sentences of different claim groups are still compared (alignment splits same-fact sentences
    whose numbers differ, which is exactly the contradictions lens's business)."""

    cross_threshold: float = 0.72  # sentence-embedding cosine
    cross_overlap: float = 0.5  # content-word overlap, used when sentences carry no vectors
    nli_model: str = ""  # an NLI cross-encoder (local path or cached name, needs the 'st' extra); "" = off
    nli_threshold: float = 0.9  # contradiction probability (both reading directions averaged) to flag


@dataclass(frozen=True)
class SummarySettings:
    """Length (``--sentences N`` or ``--words N``; ``words`` wins when set) and the optional rewrite."""

    sentences: int = 5  # summary length in sentences (--sentences)
    words: int | None = None  # summary length in words (--words); wins over sentences when set
    redundancy: float = 0.8  # cosine above which a candidate repeats a chosen claim and is skipped
    max_sentence_words: int = 60  # longer sentences are not picked (run-ons and list dumps read badly)
    rewrite_url: str | None = None  # OpenAI-compatible base URL (".../v1"); None keeps the summary extractive
    rewrite_model: str = ""  # model name the rewrite endpoint expects
    rewrite_api_key_env: str = "NEWSPRISM_REWRITE_API_KEY"  # name of the env variable holding the key
    rewrite_timeout: float = 60.0  # seconds per rewrite request
    rewrite_min_similarity: float = 0.5  # content-word overlap a rewritten sentence keeps with its sources


@dataclass(frozen=True)
class StorySettings:
    """How articles become stories (store commands and batch); benchmarks/cluster_quality.py tunes these
    jointly on every data set, so change one with care."""

    threshold: float = 0.33  # score needed to join a story
    merge_threshold: float = 0.70  # score between two story centroids that merges them
    rejoin_size: int = 2  # a story this small merges at ``threshold``, as its articles would join
    w_terms: float = 0.45  # weight of shared words (TF-IDF of headline and lead) in the join score
    w_entities: float = 0.30  # weight of shared names
    w_dense: float = 0.30  # weight of sentence-embedding similarity
    w_time: float = 0.10  # penalty per window-length of gap between article and story
    window_days: float = 5.0  # stories not seen for this many days stop taking new articles
    w_year: float = 0.15  # penalty when the article's year is years away from most of the story's
    year_gap: int = 2  # years this far apart are different events (1 allows for New Year and "next year")
    split_ratio: float = 0.10  # a story is cut in two when its halves share less than this x within (0: off)
    w_split_dense: float = 0.15  # weight of the story-centred dense vectors in that comparison
    split_min: int = 6  # stories this small are never cut
    split_max: int = 400  # nor stories this big (long-running ones; the cut's eigen-decomposition is cubic)
    split_outlets: int = 3  # outlets each half of a cut story must have (house style is not an event)
    lead_words: int = 120  # words of each article read for its terms and vector
    entity_words: int = 400  # words of each article read for its names
    candidates: int = 12  # live stories scored per article
    merge_candidates: int = 6  # stories checked for a merge after each join
    max_postings: int = 12  # entities shared by more live stories than this are not used for lookup
    max_live: int = 50_000  # undated streams: the oldest stories leave memory past this many
    index: StoryIndex = "auto"  # story lookup: faiss when installed ("auto"), "faiss" or "exact"


@dataclass(frozen=True)
class Settings:
    fetch: FetchSettings = field(default_factory=FetchSettings)
    ingest: IngestSettings = field(default_factory=IngestSettings)
    embed: EmbedSettings = field(default_factory=EmbedSettings)
    align: AlignSettings = field(default_factory=AlignSettings)
    quotes: QuoteSettings = field(default_factory=QuoteSettings)
    language: LanguageSettings = field(default_factory=LanguageSettings)
    reuse: ReuseSettings = field(default_factory=ReuseSettings)
    contradictions: ContradictionSettings = field(default_factory=ContradictionSettings)
    summary: SummarySettings = field(default_factory=SummarySettings)
    stories: StorySettings = field(default_factory=StorySettings)

    @classmethod
    def load(cls, path: str | Path | None = None, **overrides: Any) -> Settings:
        """Defaults, then the TOML file's keys, then ``overrides`` given as ``section__key=value``."""
        settings = cls()
        if path is not None:
            try:
                data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
            except OSError as exc:
                raise UsageError(f"cannot read settings file {path}: {exc.strerror}") from exc
            except tomllib.TOMLDecodeError as exc:
                raise UsageError(f"settings file {path} is not valid TOML: {exc}") from exc
            settings = settings.merged(data, where=str(path))
        nested: dict[str, dict[str, Any]] = {}
        for key, value in overrides.items():
            section, _, name = key.partition("__")
            nested.setdefault(section, {})[name] = value
        return settings.merged(nested, where="overrides")

    def merged(self, data: dict[str, Any], *, where: str = "settings") -> Settings:
        return _merge(self, data, where)

    def to_toml(self) -> str:
        """Every key with its value, as a settings file would set it, and its comment from this module:
        the code is the one place a key is documented, so the listing cannot go stale."""
        lines: list[str] = []
        for section in dataclasses.fields(self):
            table = getattr(self, section.name)
            notes = _comments(type(table))
            lines.append(f"[{section.name}]")
            for f in dataclasses.fields(table):
                value = getattr(table, f.name)
                line = f"{f.name} = {_toml_value(value)}" if value is not None else f"# {f.name} = (not set)"
                note = notes.get(f.name, "")
                lines.append(f"{line}  # {note}" if note else line)
            lines.append("")
        return "\n".join(lines)


T = TypeVar("T")


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _comments(section: type) -> dict[str, str]:
    """The trailing comment of each field of one section, by field name; empty without the source."""
    import inspect
    import re

    try:
        source = inspect.getsource(section)
    except (OSError, TypeError):
        return {}
    found = re.finditer(r"^    (\w+): [^=\n]+=[^#\n]*#\s*(.+)$", source, re.M)
    return {m.group(1): m.group(2).strip() for m in found}


def _merge(obj: T, data: dict[str, Any], where: str) -> T:
    assert dataclasses.is_dataclass(obj) and not isinstance(obj, type)
    fields = {f.name: f for f in dataclasses.fields(obj)}
    changes: dict[str, Any] = {}
    for key, value in data.items():
        if key not in fields:
            known = ", ".join(sorted(fields))
            raise UsageError(f"unknown setting '{key}' in {where}; known keys here: {known}")
        current = getattr(obj, key)
        if dataclasses.is_dataclass(current):
            if not isinstance(value, dict):
                raise UsageError(f"setting '{key}' in {where} must be a table")
            changes[key] = _merge(current, value, f"{where} [{key}]")
        else:
            changes[key] = _checked(value, fields[key], current, f"'{key}' in {where}")
    return dataclasses.replace(obj, **changes)  # type: ignore[type-var]


_CHOICES: dict[str, tuple[str, ...]] = {
    "IndirectPolicy": get_args(IndirectPolicy),
    "StoryIndex": get_args(StoryIndex),
}
_AT_LEAST_ONE = {
    "sentences", "words", "batch_size", "max_tokens", "shingle", "timeout", "rewrite_timeout",
    "window_days", "lead_words", "entity_words", "candidates", "merge_candidates", "max_live",
}  # fmt: skip


def _checked(value: Any, f: dataclasses.Field[Any], default: Any, what: str) -> Any:
    """The value if it has the field's type and a sensible size: a wrong type found here is a clear
    message, found later it is a traceback deep in a lens. A number whose default is a fraction (at most
    1) stays between 0 and 1."""
    hint = str(f.type)
    allowed = {t.strip() for t in hint.split("|")}
    if value is None:
        if "None" in allowed:
            return None
        raise UsageError(f"setting {what} must not be empty")
    number = isinstance(value, int | float) and not isinstance(value, bool)
    ok = (
        ("float" in allowed and number)
        or ("int" in allowed and number and isinstance(value, int))
        or ("bool" in allowed and isinstance(value, bool))
        or (bool(allowed & {"str", "Path"}) and isinstance(value, str))
        or value in _CHOICES.get(hint, ())
    )
    if not ok:
        kind = " or ".join(map(repr, _CHOICES[hint])) if hint in _CHOICES else hint.replace(" | None", "")
        raise UsageError(f"setting {what} must be {kind}, not {value!r}")
    if "float" in allowed and number:
        value = float(value)
    if number:
        low = 1 if f.name in _AT_LEAST_ONE else 0
        if value < low:
            raise UsageError(f"setting {what} must be at least {low}, not {value!r}")
        if isinstance(default, float) and default <= 1.0 and value > 1.0:
            raise UsageError(f"setting {what} is a fraction: give a number from 0 to 1, not {value!r}")
    return value
