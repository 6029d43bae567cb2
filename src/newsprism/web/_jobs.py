"""Analyses run one at a time in a worker thread, so page requests never wait behind a model.

The app owns one :class:`JobRunner` (and through it the one Pipeline): the models are not safe to share
between threads, and on a small server a second analysis in parallel would only slow both down. Each job
records the stage the pipeline last reported, which the progress page polls.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Literal

from newsprism.errors import NewsprismError

log = logging.getLogger("newsprism.web")

Status = Literal["queued", "running", "done", "failed"]
Progress = Callable[[str], None]
Work = Callable[[Progress], str]


class JobError(NewsprismError):
    """An analysis could not produce a report; the message is safe to show to the user."""


@dataclass
class Job:
    """One analysis; ``result`` is the report JSON once ``status`` is ``done``."""

    id: str
    title: str
    status: Status = "queued"
    stage: str = "waiting for the analyser"
    stages: list[str] = field(default_factory=list)
    error: str = ""
    result: str | None = None
    story: str | None = None  # story id when the job analyses a stored story
    created: float = field(default_factory=time.time)
    finished: float | None = None
    future: Future[str] | None = field(default=None, repr=False)

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "status": self.status,
            "stage": self.stage,
            "stages": list(self.stages),
            "error": self.error,
            "story": self.story,
            "elapsed": round((self.finished or time.time()) - self.created, 2),
        }


class JobRunner:
    """A single worker thread plus a bounded memory of recent jobs (oldest finished ones are forgotten)."""

    def __init__(self, *, keep: int = 64) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsprism-analysis")
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._by_story: dict[str, str] = {}
        self._lock = threading.Lock()
        self._keep = keep

    def submit(self, title: str, work: Work, *, story: str | None = None) -> Job:
        """Queue ``work``; a story already being analysed returns its running job instead of a second one."""
        with self._lock:
            if story is not None:
                running = self._jobs.get(self._by_story.get(story, ""))
                if running is not None and running.status in ("queued", "running"):
                    return running
            job = Job(id=uuid.uuid4().hex[:16], title=title, story=story)
            self._jobs[job.id] = job
            if story is not None:
                self._by_story[story] = job.id
            self._forget_old()
        job.future = self._executor.submit(self._run, job, work)
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def for_story(self, story: str) -> Job | None:
        with self._lock:
            return self._jobs.get(self._by_story.get(story, ""))

    def shutdown(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)

    def _forget_old(self) -> None:
        finished = [j.id for j in self._jobs.values() if j.status in ("done", "failed")]
        while len(self._jobs) > self._keep and finished:
            gone = self._jobs.pop(finished.pop(0))
            if gone.story is not None and self._by_story.get(gone.story) == gone.id:
                del self._by_story[gone.story]

    def _run(self, job: Job, work: Work) -> str:
        job.status = "running"

        def progress(stage: str) -> None:
            job.stage = stage
            if not job.stages or job.stages[-1] != stage:  # a stage said twice is listed once
                job.stages.append(stage)

        try:
            job.result = work(progress)
        except NewsprismError as exc:
            job.error = str(exc)
            job.status = "failed"
            raise
        except Exception as exc:  # the worker must survive any bad input; the trace goes to the log only
            log.exception("analysis %s failed", job.id)
            job.error = f"the analysis failed unexpectedly ({type(exc).__name__}); the server log has details"
            job.status = "failed"
            raise JobError(job.error) from exc
        finally:
            job.finished = time.time()
        job.stage = "done"
        job.status = "done"
        return job.result


async def wait_for(job: Job, timeout: float) -> str:
    """The job's report JSON, awaited without holding the event loop (other requests go on)."""
    import asyncio

    from newsprism.web._inputs import RequestError

    assert job.future is not None
    try:
        return await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(job.future)), timeout)
    except TimeoutError as exc:
        raise RequestError(
            504, f"the analysis is still running after {timeout:g} s; poll /api/jobs/{job.id} for it"
        ) from exc
    except Exception:
        raise RequestError(422, job.error or "the analysis failed") from None
