"""Where the stages run: in this process (``local``) or on a Ray cluster (``ray``).

Both engines hand the same units of work (a shard, a language block, a group of stories) to the same
stage objects from :mod:`newsprism.batch.stages`; only the scheduling differs, which is why their
outputs are identical. The Ray engine uses Ray Data ``map_batches`` with a pool of model-holding actors
(one unit per batch, so each actor loads spaCy and MiniLM once and keeps them).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol

from newsprism.batch.blocks import AttachTask
from newsprism.batch.stages import ArticleWorker, StoryWorker, attach_undated, cluster_block
from newsprism.errors import ExtraMissingError, UsageError
from newsprism.settings import Settings

ShardTask = tuple[Path, str]  # (input shard, output key)
GroupTask = tuple[str, list[dict[str, Any]]]  # (output key, stories)


class Engine(Protocol):
    name: str

    def __enter__(self) -> Engine: ...

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None: ...

    def articles(self, tasks: Sequence[ShardTask]) -> Iterator[dict[str, Any]]: ...

    def cluster(self, blocks: Sequence[Sequence[Mapping[str, Any]]]) -> list[list[str]]: ...

    def attach(self, tasks: Sequence[AttachTask]) -> list[list[tuple[str | None, float]]]: ...

    def stories(self, tasks: Sequence[GroupTask]) -> Iterator[dict[str, Any]]: ...

    @property
    def workers(self) -> int: ...


class LocalEngine:
    """Everything in this process, one unit after another: the reference the Ray engine must match."""

    name = "local"

    def __init__(self, out: Path, settings: Settings) -> None:
        self.out = out
        self.settings = settings
        self._articles: ArticleWorker | None = None
        self._stories: StoryWorker | None = None

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._articles = self._stories = None

    @property
    def workers(self) -> int:
        return 1

    def articles(self, tasks: Sequence[ShardTask]) -> Iterator[dict[str, Any]]:
        if self._articles is None:
            self._articles = ArticleWorker(str(self.out), self.settings)
        for path, key in tasks:
            yield {"key": key, **self._articles.process_shard(path, key)}

    def cluster(self, blocks: Sequence[Sequence[Mapping[str, Any]]]) -> list[list[str]]:
        return [cluster_block(str(self.out), block, self.settings.stories) for block in blocks]

    def attach(self, tasks: Sequence[AttachTask]) -> list[list[tuple[str | None, float]]]:
        return [
            attach_undated(str(self.out), stories, undated, self.settings.stories)
            for stories, undated in tasks
        ]

    def stories(self, tasks: Sequence[GroupTask]) -> Iterator[dict[str, Any]]:
        if self._stories is None:
            self._stories = StoryWorker(str(self.out), self.settings)
        for key, group in tasks:
            yield {"key": key, **self._stories.process_group(key, group)}


class RayEngine:
    """Ray Data over a local instance (``num_cpus``) or an existing cluster (``address``)."""

    name = "ray"

    def __init__(
        self,
        out: Path,
        settings: Settings,
        *,
        address: str | None = None,
        num_cpus: int = 2,
        progress_bars: bool = False,
    ) -> None:
        self.out = out
        self.settings = settings
        self.address = address
        self.num_cpus = num_cpus
        self.progress_bars = progress_bars
        self._started = False
        self._workers = num_cpus

    def __enter__(self) -> RayEngine:
        try:
            import ray
        except ImportError as exc:
            raise ExtraMissingError("the Ray batch engine", "ray") from exc
        os.environ.setdefault("RAY_AUTH_MODE", "disabled")  # no token written to the home folder
        if not ray.is_initialized():
            kwargs: dict[str, Any] = {"include_dashboard": False, "logging_level": "WARNING"}
            if self.address:
                kwargs["address"] = self.address
            else:
                kwargs["num_cpus"] = self.num_cpus
            try:
                ray.init(**kwargs)
            except ConnectionError as exc:
                raise UsageError(
                    f"cannot connect to the Ray cluster at {self.address}: {exc}; "
                    "check the address (ray://host:10001) or drop --address to start a local instance"
                ) from exc
            self._started = True
        resources = ray.cluster_resources()  # type: ignore[no-untyped-call]
        self._workers = max(1, int(resources.get("CPU", self.num_cpus)))
        import ray.data

        ctx = ray.data.DataContext.get_current()
        ctx.enable_progress_bars = self.progress_bars
        ctx.execution_options.preserve_order = True
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._started:
            import ray

            ray.shutdown()
            self._started = False

    @property
    def workers(self) -> int:
        return self._workers

    def _run(
        self, worker: type, kwargs: dict[str, Any], items: list[dict[str, str]]
    ) -> Iterator[dict[str, Any]]:
        import ray.data

        if not items:
            return
        source = ray.data.from_items(items, override_num_blocks=len(items))
        ds = source.map_batches(
            worker,
            fn_constructor_kwargs=kwargs,
            compute=ray.data.ActorPoolStrategy(size=min(self._workers, len(items))),
            batch_size=1,
            batch_format="numpy",
            num_cpus=1,
        )
        for batch in ds.iter_batches(batch_size=1, batch_format="numpy"):
            for key, stats in zip(batch["key"], batch["stats"], strict=True):
                yield {"key": str(key), **json.loads(str(stats))}

    def articles(self, tasks: Sequence[ShardTask]) -> Iterator[dict[str, Any]]:
        # One thread per actor for the embedder: the actors already use every core between them.
        kwargs = {"out": str(self.out), "settings": self.settings, "embed_threads": 1}
        yield from self._run(ArticleWorker, kwargs, [{"path": str(p), "key": k} for p, k in tasks])

    def cluster(self, blocks: Sequence[Sequence[Mapping[str, Any]]]) -> list[list[str]]:
        import ray

        remote = ray.remote(num_cpus=1)(cluster_block)
        out = str(self.out)
        cfg = self.settings.stories
        return list(ray.get([remote.remote(out, list(block), cfg) for block in blocks]))

    def attach(self, tasks: Sequence[AttachTask]) -> list[list[tuple[str | None, float]]]:
        import ray

        remote = ray.remote(num_cpus=1)(attach_undated)
        out = str(self.out)
        cfg = self.settings.stories
        return list(ray.get([remote.remote(out, stories, undated, cfg) for stories, undated in tasks]))

    def stories(self, tasks: Sequence[GroupTask]) -> Iterator[dict[str, Any]]:
        kwargs = {"out": str(self.out), "settings": self.settings}
        yield from self._run(StoryWorker, kwargs, [{"key": k, "group": json.dumps(g)} for k, g in tasks])


def make_engine(
    name: str, out: Path, settings: Settings, *, address: str | None = None, num_cpus: int = 2
) -> LocalEngine | RayEngine:
    if name == "local":
        if address:
            raise UsageError("--address only applies to --engine ray")
        return LocalEngine(out, settings)
    if name == "ray":
        return RayEngine(out, settings, address=address, num_cpus=num_cpus)
    raise UsageError(f"unknown engine '{name}': use --engine local or --engine ray")
