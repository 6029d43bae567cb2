"""newsprism: how different outlets covered the same story.

    >>> import newsprism
    >>> report = newsprism.compare(["a.txt", "b.html"])      # doctest: +SKIP
    >>> print(report.to_json())                                # doctest: +SKIP

Importing this package loads no model and reads no file; models load on first use inside a ``Pipeline``.
"""

from newsprism.errors import (
    ExtraMissingError,
    FetchError,
    InputError,
    ModelMissingError,
    NewsprismError,
    UsageError,
)
from newsprism.model import (
    Article,
    Claim,
    Contradiction,
    LanguageSpan,
    Passage,
    Quote,
    Reuse,
    Source,
    SourceReport,
    Speaker,
    Story,
    StoryReport,
    SummarySentence,
)
from newsprism.pipeline import Pipeline, analyse_story, compare
from newsprism.settings import Settings

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Claim",
    "Contradiction",
    "ExtraMissingError",
    "FetchError",
    "InputError",
    "LanguageSpan",
    "ModelMissingError",
    "NewsprismError",
    "Passage",
    "Pipeline",
    "Quote",
    "Reuse",
    "Settings",
    "Source",
    "SourceReport",
    "Speaker",
    "Story",
    "StoryReport",
    "SummarySentence",
    "UsageError",
    "__version__",
    "analyse_story",
    "compare",
]
