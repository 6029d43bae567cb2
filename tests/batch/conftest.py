"""Batch tests: one team-written archive, one local-engine run and (for the ``ray`` tests) one local Ray
instance per module, started with a timeout because ``ray.init`` hangs on machines without loopback."""

from __future__ import annotations

import os
import signal
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from batch_corpus import write_archive


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "batch: the batch pipeline (loads the real models)")
    config.addinivalue_line("markers", "ray: starts a local Ray instance (num_cpus=2, about 1.6 GB)")


@pytest.fixture(scope="session")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("archive")
    write_archive(folder)
    return folder


@pytest.fixture(scope="session")
def local_out(archive: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from newsprism.batch import run_batch

    out = tmp_path_factory.mktemp("local-out")
    run_batch(archive, out, "local", progress=lambda _m: None)
    return out


def _loopback_ok() -> bool:
    try:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            s.listen(1)
            with socket.create_connection(s.getsockname(), timeout=2):
                return True
    except OSError:
        return False


@pytest.fixture(scope="module")
def ray_session() -> Iterator[None]:
    """A local Ray instance for one test module; skipped (not hung) when Ray cannot start here."""
    ray = pytest.importorskip("ray", reason="the ray extra is not installed (pip install 'ray[data]')")
    if not _loopback_ok():
        pytest.skip("no working loopback interface: ray.init would hang")
    os.environ.setdefault("RAY_AUTH_MODE", "disabled")

    # In the main thread with an alarm, not in a helper thread: Ray's child processes die with the
    # thread that started them (parent-death signal), so a thread-based timeout would kill the instance.
    def give_up(_signum: int, _frame: object) -> None:
        raise TimeoutError("ray.init did not return within 120 s")

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.alarm(120)
    try:
        ray.init(num_cpus=2, include_dashboard=False, logging_level="WARNING", log_to_driver=False)
    except Exception as exc:  # any failure to start: skip, never hang
        pytest.skip(f"a local Ray instance did not start: {exc}")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    try:
        yield
    finally:
        ray.shutdown()
