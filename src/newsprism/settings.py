"""The one settings tree: defaults live in code; TOML files and CLI flags override only the keys they set."""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

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
            changes[key] = value
    return dataclasses.replace(obj, **changes)  # type: ignore[type-var]
