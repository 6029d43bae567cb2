"""The web app (``newsprism serve``): stories and reports in a browser, and a JSON API.

Needs the ``web`` extra (FastAPI, uvicorn, python-multipart). Importing this package loads none of them;
:func:`create_app` and :func:`serve` do, and say which extra to install when they are missing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from newsprism.errors import ExtraMissingError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from fastapi import FastAPI

    from newsprism.pipeline import Pipeline
    from newsprism.settings import Settings
    from newsprism.web._catalog import StoreFactory
    from newsprism.web._inputs import Limits

__all__ = ["create_app", "serve"]


def _require() -> None:
    try:
        import fastapi  # noqa: F401
        import multipart  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError as exc:
        raise ExtraMissingError("newsprism serve", "web") from exc


def create_app(
    store: Path | str | StoreFactory | None = None,
    *,
    settings: Settings | None = None,
    pipeline: Pipeline | None = None,
    limits: Limits | None = None,
    trusted_origins: Sequence[str] = (),
) -> FastAPI:
    """The ASGI app over a story store (a path, a factory of fresh Store objects, or None: the default).

    POSTs are accepted only from the server's own pages and ``trusted_origins`` (e.g. a proxy's
    ``https://news.example.org`` when it rewrites the Host header) or from programs that send no Origin.
    """
    _require()
    from newsprism.web.app import create_app as build

    return build(store, settings=settings, pipeline=pipeline, limits=limits, trusted_origins=trusted_origins)


def serve(
    store: Path | None = None,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    config: Path | None = None,
    allow_private: bool = False,
    max_upload_mb: float = 2.0,
    max_request_mb: float = 8.0,
    max_articles: int = 20,
    trusted_origins: Sequence[str] = (),
) -> None:
    """Run the web app until interrupted (what ``newsprism serve`` calls)."""
    _require()
    import sys

    import uvicorn

    from newsprism.settings import Settings
    from newsprism.web._inputs import Limits

    settings = Settings.load(config)
    if allow_private:
        settings = settings.merged({"fetch": {"allow_private": True}})
    limits = Limits(
        max_request_bytes=int(max_request_mb * 1e6),
        max_upload_bytes=int(max_upload_mb * 1e6),
        max_articles=max_articles,
    )
    if host not in ("127.0.0.1", "localhost", "::1"):
        print(
            f"newsprism: serving on {host}: the app has no login, so anyone who can reach this address can "
            "read the stories and run analyses; put it behind your newsroom's proxy or VPN",
            file=sys.stderr,
        )
    from newsprism.store import open_store

    open_store(store, create=False).close()  # a missing or foreign file is refused now, not as 500s later
    app = create_app(store, settings=settings, limits=limits, trusted_origins=trusted_origins)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
