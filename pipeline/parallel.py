"""Run a function over work items in worker processes, in order, with bounded memory.

Workers are given document records (plain dicts) and read or write their own
files; spaCy Docs never cross a process boundary. At most ``2 x jobs`` items
are in flight, so a corpus of any size is never queued in memory at once.
``jobs=1`` runs in this process, which keeps tracebacks and profiles simple.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

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


def ordered_map(
    function: Callable[[T], R],
    items: Iterable[T],
    jobs: int = 1,
    initializer: Callable[..., Any] | None = None,
    initargs: tuple[Any, ...] = (),
) -> Iterator[R]:
    """``map(function, items)`` over ``jobs`` processes, results in input order.

    ``initializer(*initargs)`` runs once per process before any item: that is
    where a worker loads its spaCy pipeline and lexicons.
    """
    if jobs <= 1:
        if initializer is not None:
            initializer(*initargs)
        yield from map(function, items)
        return
    context = multiprocessing.get_context("spawn")  # no inherited threads or locks
    with ProcessPoolExecutor(jobs, context, initializer, initargs) as pool:
        pending: deque[Future[R]] = deque()
        for item in items:
            pending.append(pool.submit(function, item))
            if len(pending) >= 2 * jobs:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
