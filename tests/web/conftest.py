"""Web app fixtures: a filled story store, the stand-in pipeline, a live server, Debian's chromium."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from web_fixtures import FERRY, FERRY_STORY, HOSTILE, HOSTILE_STORY, FakePipeline, fill_store

# --------------------------------------------------------------------------- fixtures


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "store.sqlite"
    fill_store(path, [(FERRY_STORY, FERRY), (HOSTILE_STORY, HOSTILE)])
    return path


@pytest.fixture
def fake() -> FakePipeline:
    return FakePipeline()


@pytest.fixture
def make_client(store_path: Path, fake: FakePipeline) -> Iterator[Callable[..., Any]]:
    from fastapi.testclient import TestClient

    from newsprism.web import create_app

    clients: list[Any] = []

    def make(**kwargs: Any) -> Any:
        kwargs.setdefault("pipeline", fake)
        raise_errors = kwargs.pop("raise_server_exceptions", True)
        client = TestClient(create_app(store_path, **kwargs), raise_server_exceptions=raise_errors)
        client.__enter__()
        clients.append(client)
        return client

    yield make
    for c in clients:
        c.__exit__(None, None, None)


@pytest.fixture
def client(make_client: Callable[..., Any]) -> Any:
    return make_client()


# --------------------------------------------------------------------------- live server + browser


@dataclass
class LiveServer:
    url: str
    store: Path


def free_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


class _Server(threading.Thread):
    """uvicorn in a thread on a socket bound to 127.0.0.1 by the test, stopped and joined on teardown."""

    def __init__(self, app: Any, sock: socket.socket) -> None:
        import uvicorn

        super().__init__(daemon=True)
        self.sock = sock
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))

    def run(self) -> None:
        self.server.run(sockets=[self.sock])

    def stop(self) -> None:
        self.server.should_exit = True
        self.join(15)
        self.sock.close()


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory, pipeline: Any) -> Iterator[LiveServer]:
    """The app with the real pipeline, served over HTTP on 127.0.0.1 for the browser tests."""
    pytest.importorskip("uvicorn")
    from newsprism.web import create_app

    path = tmp_path_factory.mktemp("web-store") / "store.sqlite"
    fill_store(path, [(FERRY_STORY, FERRY), (HOSTILE_STORY, HOSTILE)])
    sock = free_socket()
    port = sock.getsockname()[1]
    server = _Server(create_app(path, pipeline=pipeline), sock)
    server.start()
    deadline = time.monotonic() + 20
    while not server.server.started:
        assert server.is_alive() and time.monotonic() < deadline, "the test server did not start"
        time.sleep(0.05)
    try:
        yield LiveServer(f"http://127.0.0.1:{port}", path)
    finally:
        server.stop()


@pytest.fixture
def serve_app(tmp_path: Path) -> Iterator[Callable[[Any], LiveServer]]:
    """Starts the app over a filled store with a given pipeline (a stand-in) on 127.0.0.1; stopped after.

    Other keyword arguments go to ``create_app`` (``limits``, say).
    """
    pytest.importorskip("uvicorn")
    from newsprism.web import create_app

    servers: list[_Server] = []

    def start(pipeline: Any, **kwargs: Any) -> LiveServer:
        path = tmp_path / f"store{len(servers)}.sqlite"
        fill_store(path, [(FERRY_STORY, FERRY), (HOSTILE_STORY, HOSTILE)])
        sock = free_socket()
        server = _Server(create_app(path, pipeline=pipeline, **kwargs), sock)
        server.start()
        servers.append(server)
        deadline = time.monotonic() + 20
        while not server.server.started:
            assert server.is_alive() and time.monotonic() < deadline, "the test server did not start"
            time.sleep(0.05)
        return LiveServer(f"http://127.0.0.1:{sock.getsockname()[1]}", path)

    yield start
    for server in servers:
        server.stop()
