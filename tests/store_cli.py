"""The store commands as a Typer app for CliRunner tests, with a cheap embedder in place of the model."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

import typer
from typer.testing import CliRunner

from newsprism.stories import StoryService

if TYPE_CHECKING:
    import pytest

    from newsprism.settings import Settings


def store_app(monkeypatch: pytest.MonkeyPatch, embedder: Any) -> tuple[CliRunner, typer.Typer]:
    from newsprism import cli_store

    def service(store: Any, settings: Settings) -> StoryService:
        return StoryService(store, embedder, dataclasses.replace(settings.stories, index="exact"))

    monkeypatch.setattr(cli_store, "_service", service)
    app = typer.Typer()

    @app.callback()
    def _root() -> None:
        """Test app."""

    cli_store.register_store_commands(app)
    return CliRunner(), app
