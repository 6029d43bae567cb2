"""Do other requests stay fast while the web app analyses a story? (issue 9: analyses must not block)

A real server (uvicorn on 127.0.0.1, real pipeline) holds a 20-source story of full-length BASIL articles.
Baseline: the story list and a job-status call, requested while the server is idle. Then the story's
analysis is started through the API, and the same two requests are repeated every 0.25 s until it ends.
Reported: latency over HTTP (median / p95 / max) idle and during the analysis, the list page's own
Server-Timing (time inside the app), and the progress stages the status calls saw.

    nice python benchmarks/web_responsiveness.py [--data /work/shared/data]
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from web_story_page import basil_story, fill


def stats(ms: list[float]) -> dict[str, float]:
    ordered = sorted(ms)
    return {
        "n": len(ordered),
        "median": round(statistics.median(ordered), 1),
        "p95": round(ordered[max(0, int(len(ordered) * 0.95) - 1)], 1),
        "max": round(ordered[-1], 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    parser.add_argument("--sources", type=int, default=20)
    args = parser.parse_args()

    import httpx
    import uvicorn

    from newsprism.pipeline import Pipeline
    from newsprism.web import create_app

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "store.sqlite"
        fill(path, "basil-20", basil_story(args.data, args.sources))
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        server = uvicorn.Server(uvicorn.Config(create_app(path, pipeline=Pipeline()), log_level="warning"))
        thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        base = f"http://127.0.0.1:{port}"
        try:
            with httpx.Client(base_url=base, timeout=60) as client:

                def timed(url: str) -> tuple[float, httpx.Response]:
                    t0 = time.perf_counter()
                    r = client.get(url)
                    return (time.perf_counter() - t0) * 1000, r

                def listed(into: list[float], server: list[float]) -> None:
                    ms, r = timed("/")
                    into.append(ms)
                    server.append(float(r.headers["server-timing"].split("dur=")[1]))

                idle_list: list[float] = []
                idle_status: list[float] = []
                idle_server: list[float] = []
                busy_server: list[float] = []
                for _ in range(20):
                    listed(idle_list, idle_server)
                    idle_status.append(timed("/api/stories/basil-20")[0])
                started = time.perf_counter()
                job = client.get("/api/stories/basil-20/report").json()
                busy_list: list[float] = []
                busy_status: list[float] = []
                stages: set[str] = set()
                while True:
                    ms, r = timed(f"/api/jobs/{job['id']}")
                    busy_status.append(ms)
                    state = r.json()
                    stages.add(state["stage"])
                    if state["status"] not in ("queued", "running"):
                        break
                    listed(busy_list, busy_server)
                    time.sleep(0.25)
                took = time.perf_counter() - started
                assert state["status"] == "done", state
        finally:
            server.should_exit = True
            thread.join(15)
    result = {
        "analysis_s": round(took, 1),
        "stages_seen": sorted(stages),
        "list_idle_ms": stats(idle_list),
        "list_during_analysis_ms": stats(busy_list),
        "list_idle_server_timing_ms": stats(idle_server),
        "list_during_analysis_server_timing_ms": stats(busy_server),
        "status_idle_ms": stats(idle_status),
        "job_status_during_analysis_ms": stats(busy_status),
    }
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
