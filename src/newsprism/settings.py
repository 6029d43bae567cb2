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
    timeout: float = 15.0
    max_bytes: int = 10_000_000
    max_redirects: int = 5
    allow_private: bool = False
    user_agent: str = "newsprism/0.1 (+https://github.com/newsprism/newsprism)"


@dataclass(frozen=True)
class IngestSettings:
    max_html_bytes: int = 60_000_000  # larger files are refused before parsing
    max_text_chars: int = 400_000  # longer extracted texts are cut, with a warning
    min_words: int = 5  # fewer words: the article is skipped as empty
    require_english: bool = True


@dataclass(frozen=True)
class EmbedSettings:
    backend: str = "onnx"  # "onnx" (default, offline) or "sentence-transformers" (extra)
    model: str = ""  # model name or path for the sentence-transformers backend
    batch_size: int = 64
    max_tokens: int = 128


@dataclass(frozen=True)
class AlignSettings:
    """Thresholds for "these two sentences report the same fact"; tuned on MSRP (docs/benchmarks.md)."""

    threshold: float = 0.42  # P(same fact) cut; F1-optimal on MSRP (benchmarks/align_msrp.py)
    min_words: int = 4


IndirectPolicy = Literal["describe", "all", "none"]


@dataclass(frozen=True)
class QuoteSettings:
    """Knobs of the lens; the defaults are what docs/benchmarks.md measured."""

    # also report stance and belief attributions ("she believes", "polls show", "backed the bill"); PolNeAR
    # counts them as attributions, but a "who is quoted" table is clearer without them
    beliefs: bool = False
    same_words: float = 0.9  # share of the shorter quote's words found in order in the longer one
    min_shared_words: int = 4
    paraphrase: float = 0.5  # content-word overlap (Jaccard) for an indirect quote to paraphrase another
    paraphrase_cosine: float = 0.8  # or sentence-embedding cosine, same speaker


@dataclass(frozen=True)
class ReuseSettings:
    """Thresholds of the passage finder, tuned on the planted-passage benchmark (docs/benchmarks.md)."""

    shingle: int = 3  # words per index key: short enough to survive one edit in every fourth word
    max_gap: int = 14  # words between two seeds of one passage (edits, inserted clauses)
    min_seeds: int = 3
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
    biased_threshold: float = 0.5  # sentence bias probability from which a sentence counts as biased
    loadedness_scale: float = 2.0  # authorial spans per 100 words at which loadedness reaches 1 - 1/e
    context_weight: float = 0.2  # share of a span's score that comes from its sentence's bias probability
    top_terms: int = 8
    indirect: IndirectPolicy = (
        "describe"  # which paraphrased content counts as attributed (see attributed_regions)
    )


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

    sentences: int = 5
    words: int | None = None
    redundancy: float = 0.8  # cosine above which a candidate repeats a chosen claim and is skipped
    max_sentence_words: int = 60  # longer sentences are not picked (run-ons and list dumps read badly)
    rewrite_url: str | None = None  # OpenAI-compatible base URL (".../v1"); None keeps the summary extractive
    rewrite_model: str = ""
    rewrite_api_key_env: str = "NEWSPRISM_REWRITE_API_KEY"  # name of the env variable holding the key
    rewrite_timeout: float = 60.0
    rewrite_min_similarity: float = 0.5  # content-word overlap a rewritten sentence keeps with its sources


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


T = TypeVar("T")


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


_CHOICES: dict[str, tuple[str, ...]] = {"IndirectPolicy": get_args(IndirectPolicy)}
_AT_LEAST_ONE = {"sentences", "words", "batch_size", "max_tokens", "shingle", "timeout", "rewrite_timeout"}


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
