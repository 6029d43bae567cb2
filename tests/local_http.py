"""A local HTTP server for tests that need real sockets; nothing leaves the machine."""

from __future__ import annotations

import http.server
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_PROXIES = ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY")


@contextmanager
def serve(handler: type[http.server.BaseHTTPRequestHandler]) -> Iterator[int]:
    """The port of a threaded server on 127.0.0.1 running ``handler``; proxy variables are unset meanwhile,
    so that clients (and CLI subprocesses) reach it directly."""
    saved = {var: os.environ.pop(var) for var in _PROXIES if var in os.environ}
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
        os.environ.update(saved)
