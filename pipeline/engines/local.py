"""The local engine (the default): this process, or a pool of worker processes on this machine.

``jobs=1`` runs in this process, which keeps tracebacks and profiles simple.
More jobs use the standard library's ``ProcessPoolExecutor`` with spawned
processes (no inherited threads or locks), at most ``2 x jobs`` items in flight.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

from pipeline.engines import logs
from pipeline.engines.base import Engine, Initializer

T = TypeVar("T")
R = TypeVar("R")


def available_cores() -> int:
    """The cores this process may run on (respects CPU affinity and containers)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def resolve_jobs(jobs: int) -> int:
    """``0`` means one job per available core; anything else is taken as given."""
    if jobs < 0:
        raise ValueError(f"jobs must be 0 (all cores) or a positive number, not {jobs}")
    return jobs or available_cores()


def _start_process(
    log_settings: logs.LogSettings, initializer: Initializer, initargs: tuple[Any, ...]
) -> None:
    """Each worker process: log like the main process, then the stage's own set-up."""
    logs.apply(log_settings)
    if initializer is not None:
        initializer(*initargs)


class LocalEngine(Engine):
    """``jobs`` processes on this machine (``jobs=1``: this process)."""

    name = "local"

    def __init__(self, jobs: int = 1) -> None:
        self.jobs = max(1, jobs)

    @property
    def workers(self) -> int:
        return self.jobs

    def map(
        self,
        function: Callable[[T], R],
        items: Iterable[T],
        initializer: Initializer = None,
        initargs: tuple[Any, ...] = (),
    ) -> Iterator[R]:
        if self.jobs <= 1:
            if initializer is not None:
                initializer(*initargs)
            yield from map(function, items)
            return
        context = multiprocessing.get_context("spawn")
        start = (logs.current(), initializer, initargs)
        with ProcessPoolExecutor(self.jobs, context, _start_process, start) as pool:
            pending: deque[Future[R]] = deque()
            for item in items:
                pending.append(pool.submit(function, item))
                if len(pending) >= 2 * self.jobs:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
