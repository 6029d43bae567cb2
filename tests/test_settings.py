"""Settings from a TOML file: a wrong key, type or size is a clear usage error, never a later traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.errors import UsageError
from newsprism.settings import Settings


def load(tmp_path: Path, toml: str) -> Settings:
    path = tmp_path / "settings.toml"
    path.write_text(toml)
    return Settings.load(path)


def test_good_values_are_taken(tmp_path: Path) -> None:
    s = load(tmp_path, '[align]\nthreshold = 1\n[summary]\nwords = 80\n[language]\nindirect = "all"\n')
    assert s.align.threshold == 1.0 and isinstance(s.align.threshold, float)
    assert s.summary.words == 80 and s.language.indirect == "all"


@pytest.mark.parametrize(
    ("toml", "says"),
    [
        ('[align]\nthreshold = "high"\n', "must be float"),
        ("[align]\nthreshold = 7\n", "from 0 to 1"),
        ("[summary]\nsentences = -4\n", "at least 1"),
        ("[summary]\nsentences = 2.5\n", "must be int"),
        ("[ingest]\nrequire_english = 1\n", "must be bool"),
        ('[language]\nindirect = "some"\n', "must be 'describe' or 'all' or 'none'"),
        ("[align]\nnot_a_key = 1\n", "unknown setting 'not_a_key'"),
        ("[align]\nthreshold = [1]\n", "must be float"),
    ],
)
def test_bad_values_say_what_is_wrong(tmp_path: Path, toml: str, says: str) -> None:
    with pytest.raises(UsageError, match=says):
        load(tmp_path, toml)


def test_the_listing_is_a_settings_file_that_gives_back_the_same_settings(tmp_path: Path) -> None:
    changed = load(tmp_path, "[stories]\nwindow_days = 9\n[summary]\nwords = 80\n")
    listing = changed.to_toml()
    assert "window_days = 9.0" in listing and "words = 80" in listing
    assert "# rewrite_url = (not set)" in listing  # TOML has no null: an unset key is shown commented out
    assert load(tmp_path, listing) == changed


def test_every_key_says_what_it_does() -> None:
    """The listing is the settings reference (`newsprism settings`), so a new key needs its comment."""
    bare = [line for line in Settings().to_toml().splitlines() if "=" in line and "  # " not in line]
    assert bare == []


def test_story_settings_are_checked_like_the_others(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="must be 'auto' or 'faiss' or 'exact'"):
        load(tmp_path, '[stories]\nindex = "annoy"\n')
    with pytest.raises(UsageError, match="at least 1"):
        load(tmp_path, "[stories]\nwindow_days = 0\n")
