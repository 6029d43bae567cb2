"""The quality gate reads ../shared/data when it is there and skips with a clear reason when it is not."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
FLOORS = Path(__file__).with_name("floors.json")


def shared_data_dir() -> Path:
    return Path(os.environ.get("NEWSPRISM_SHARED_DATA", ROOT.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    path = shared_data_dir()
    if not path.is_dir():
        reason = f"evaluation data not found at {path} (set NEWSPRISM_SHARED_DATA to run the quality gate)"
        pytest.skip(reason)
    return path


@pytest.fixture(scope="session")
def floors() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FLOORS.read_text(encoding="utf-8"))
    return data
