"""Errors users see: each message says what happened and what to do next."""

from __future__ import annotations


class NewsprismError(Exception):
    """Base of every error newsprism raises on purpose."""


class UsageError(NewsprismError):
    """The call itself is wrong (bad option, no inputs); the CLI exits with code 2."""


class InputError(NewsprismError):
    """One input cannot be analysed; the run skips it with a warning and goes on."""

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class FetchError(InputError):
    """A URL or feed could not be fetched (refused address, timeout, HTTP error, too large)."""


class ModelMissingError(NewsprismError):
    """A model package is missing or its file does not match the pinned hash."""

    def __init__(self, what: str, fix: str) -> None:
        super().__init__(f"{what}. To fix it: {fix}")
        self.fix = fix


class ExtraMissingError(NewsprismError):
    """An optional backend was asked for but its pip extra is not installed."""

    def __init__(self, feature: str, extra: str) -> None:
        super().__init__(f"{feature} needs the '{extra}' extra: pip install 'newsprism[{extra}]'")
        self.extra = extra
