"""What the stages call to run their work items: ``ordered_map`` on the engine in use.

The engines live in ``pipeline.engines``: the local pool (``--engine local``,
the default) and Dask distributed (``--engine dask``). A stage only says how
many local processes it would use (``jobs``); when the caller chose an engine
with ``pipeline.engines.use_engine``, that engine runs the items instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from pipeline.engines.base import active_engine
from pipeline.engines.local import LocalEngine, available_cores, resolve_jobs

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
    return engine.map(function, items, initializer, initargs)
