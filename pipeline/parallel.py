"""What the stages call to run their work items: ``ordered_map`` on the engine in use.

The engines live in ``pipeline.engines``: the local pool (``--engine local``,
the default) and Dask distributed (``--engine dask``). A stage only says how
many local processes it would use (``jobs``); when the caller chose an engine
with ``pipeline.engines.use_engine``, that engine runs the items instead. When
the work folder is on a store, every item runs through
``pipeline.storage.remote.run_remote``: the task fetches the files it names and
puts what it writes, so no worker needs the driver's disk.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from pipeline.engines.base import active_engine
from pipeline.engines.local import LocalEngine, available_cores, resolve_jobs
from pipeline.storage.remote import RemoteWork, run_remote
from pipeline.storage.remote import active_work as remote_work_of_run

__all__ = ["available_cores", "ordered_map", "resolve_jobs"]

T = TypeVar("T")
R = TypeVar("R")


def ordered_map(
    function: Callable[[T], R],
    items: Iterable[T],
    jobs: int = 1,
    initializer: Callable[..., Any] | None = None,
    initargs: tuple[Any, ...] = (),
) -> Iterator[R]:
    """``map(function, items)`` on the engine in use (else ``jobs`` local processes), in order.

    ``initializer(*initargs)`` runs once per process before any item.
    """
    engine = active_engine() or LocalEngine(jobs)
    work = remote_work_of_run()
    if work is None:
        return engine.map(function, items, initializer, initargs)
    task = functools.partial(run_remote, work.places, function)
    return _received(work, engine.map(task, items, initializer, initargs))


def _received(work: RemoteWork, results: Iterator[tuple[R, dict[str, Any], int]]) -> Iterator[R]:
    """The tasks' results, once the driver has noted what each fetched and put on the store."""
    for result, records, fetched in results:
        work.received(records, fetched)
        yield result
