"""The engine interface: what runs a stage's work items, and which engine is in use.

A stage hands an engine a function and a stream of items (plain records, file
paths, chunk keys); the engine runs ``function(item)`` for each, wherever it
likes, and gives the results back in input order with a bounded number of items
in flight, so a corpus of any size is never queued in memory at once and the
tables are merged in document order whatever finished first. ``initializer(
*initargs)`` runs once in each process that will call ``function``: that is
where a worker loads its spaCy pipeline and lexicons, which never travel with
the items.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from pipeline.config import PipelineError

T = TypeVar("T")
R = TypeVar("R")

Initializer = Callable[..., Any] | None


class EngineError(PipelineError):
    """The engine cannot be used as asked (not installed, scheduler unreachable)."""


class Engine(ABC):
    """Runs a function over work items and yields the results in input order."""

    name: str = "engine"
    # Whether a worker process outlives one stage's run (a cluster's workers do; the local
    # pool's end with the stage): such workers must not keep what each chunk added.
    long_lived: bool = False

    @abstractmethod
    def map(
        self,
        function: Callable[[T], R],
        items: Iterable[T],
        initializer: Initializer = None,
        initargs: tuple[Any, ...] = (),
    ) -> Iterator[R]:
        """``map(function, items)`` with ``initializer(*initargs)`` run once per process."""

    @property
    @abstractmethod
    def workers(self) -> int:
        """How many items it runs at once (worker processes or threads)."""


# The engine the stages use when the caller chose one (``use_engine``); else the local pool.
_active: ContextVar[Engine | None] = ContextVar("pipeline_engine", default=None)


def active_engine() -> Engine | None:
    """The engine chosen with ``use_engine``, or None for the local pool of ``--jobs``."""
    return _active.get()


@contextmanager
def use_engine(engine: Engine) -> Iterator[Engine]:
    """Run every stage called inside the block on ``engine``::

    with use_engine(DaskEngine(Client("tcp://scheduler:8786"))):
        run_pipeline(settings, knowledge, input_path, output_dir)
    """
    token = _active.set(engine)
    try:
        yield engine
    finally:
        _active.reset(token)
