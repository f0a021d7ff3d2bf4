"""The Dask engine: the stages' work items as tasks of a Dask distributed cluster.

Items go out through the futures API (``Client.submit``), at most two per
worker thread at a time, and come back through ``as_completed``; results are
handed on in input order, so the tables merge in document order whatever
finished first. A task carries only its item (paths, chunk keys, records):
each stage's set-up (spaCy pipeline, rules) travels once per worker in a
``WorkerPlugin`` and is loaded by the first task on that worker, never pickled
into the task graph.
"""

from __future__ import annotations

import logging
import tempfile
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager, suppress
from pathlib import Path
from typing import Any, TypeVar

import dask
from dask.typing import Key
from distributed import Client, Future, LocalCluster, as_completed, get_worker, wait
from distributed.diagnostics.plugin import WorkerPlugin

from pipeline.engines import logs
from pipeline.engines.base import Engine, Initializer

T = TypeVar("T")
R = TypeVar("R")

IN_FLIGHT_PER_THREAD = 2
# After a failed task, how long the tasks still out may take to finish before they are cancelled.
SETTLE_SECONDS = 120

# Per worker process: the set-up applied last (one stage's pipeline at a time). Tasks of
# two runs sharing a cluster take turns: a worker re-applies the set-up when the run changes.
_applied: dict[str, str] = {}
_lock = threading.Lock()


class StageSetup(WorkerPlugin):
    """A stage's per-process set-up, sent once to every worker (and to workers that join later)."""

    def __init__(
        self, name: str, log_settings: logs.LogSettings, initializer: Initializer, initargs: tuple
    ) -> None:
        self.name = name
        self.log_settings = log_settings
        self.initializer = initializer
        self.initargs = initargs

    def setup(self, worker: Any) -> None:
        logs.apply(self.log_settings)

    def start(self) -> None:
        """Load what every item needs; runs in the task's thread, on the first task."""
        if self.initializer is not None:
            self.initializer(*self.initargs)

    def teardown(self, worker: Any) -> None:
        if _applied.get("name") == self.name:
            _applied.clear()


def run_task(setup_name: str, function: Callable[[T], R], item: T) -> R:
    """One item on a worker, after the stage's set-up; one item at a time per process."""
    with _lock:
        if _applied.get("name") != setup_name:
            setup = get_worker().plugins[setup_name]
            assert isinstance(setup, StageSetup)
            setup.start()
            _applied["name"] = setup_name
        return function(item)


class DaskEngine(Engine):
    """The workers of a Dask distributed cluster, through ``client``."""

    name = "dask"
    long_lived = True

    def __init__(self, client: Client) -> None:
        self.client = client

    @property
    def workers(self) -> int:
        return max(1, sum(self.client.nthreads().values()))

    def map(
        self,
        function: Callable[[T], R],
        items: Iterable[T],
        initializer: Initializer = None,
        initargs: tuple[Any, ...] = (),
    ) -> Iterator[R]:
        name = f"pipeline-{getattr(function, '__name__', 'task')}-{uuid.uuid4().hex[:12]}"
        setup = StageSetup(name, logs.current(), initializer, initargs)
        self.client.register_plugin(setup, name=name)
        try:
            yield from self._ordered(function, items, name)
        finally:
            self.client.unregister_worker_plugin(name)

    def _ordered(self, function: Callable[[T], R], items: Iterable[T], name: str) -> Iterator[R]:
        """Submit while fewer than the bound are out; yield results in input order."""
        limit = IN_FLIGHT_PER_THREAD * self.workers
        finished = as_completed()
        out: dict[Key, Future] = {}  # submitted, not finished yet
        position: dict[Key, int] = {}
        results: dict[int, R] = {}
        source = iter(items)
        submitted = handed = 0
        try:
            while True:
                for item in source:
                    future = self.client.submit(run_task, name, function, item, pure=False)
                    position[future.key] = submitted
                    out[future.key] = future
                    finished.add(future)
                    submitted += 1
                    if submitted - handed >= limit:
                        break
                if handed == submitted:
                    return
                future = next(finished)
                del out[future.key]
                results[position.pop(future.key)] = future.result()  # a task's error stops here
                future.release()
                while handed in results:
                    yield results.pop(handed)
                    handed += 1
        except Exception:
            # A task failed: let the tasks already out finish (they write complete chunk files
            # that a rerun reuses) so none writes into the work folder after the stage stopped.
            with suppress(TimeoutError):  # then they are cancelled below
                wait(list(out.values()), timeout=SETTLE_SECONDS)
            raise
        finally:
            finished.clear()
            if out:  # stopped early: the other items' tasks are not wanted any more
                self.client.cancel(list(out.values()))


@contextmanager
def distributed_logs(level: int) -> Iterator[None]:
    """Dask's own INFO lines (scheduler, nannies) hidden while the pipeline prints its own."""
    logger = logging.getLogger("distributed")
    before = logger.level
    logger.setLevel(max(level, logging.WARNING))
    try:
        yield
    finally:
        logger.setLevel(before)


@contextmanager
def local_cluster(
    workers: int, log_level: int | None = None, scratch: Path | None = None
) -> Iterator[Client]:
    """A cluster of ``workers`` processes on this machine, one thread each, no dashboard.

    Its scratch space is ``scratch``, or a temporary folder removed afterwards.
    """
    level = logs.current().level if log_level is None else log_level
    with ExitStack() as stack:
        stack.enter_context(distributed_logs(level))
        if scratch is None:
            temporary = tempfile.TemporaryDirectory(prefix="pipeline-dask-")
            scratch = Path(stack.enter_context(temporary))
        stack.enter_context(dask.config.set({"temporary-directory": str(scratch)}))
        cluster = LocalCluster(
            n_workers=max(1, workers),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            # the scheduler's small HTTP server (health, metrics) on a free local port, so
            # two clusters on one machine do not fight over 8787
            scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
            local_directory=str(scratch),
            silence_logs=max(level, logging.WARNING),
        )
        stack.enter_context(cluster)
        yield stack.enter_context(Client(cluster))


@contextmanager
def joined(address: str | None, scheduler_file: str | None, timeout: float) -> Iterator[Client]:
    """A client of an existing cluster, by address or by the scheduler's file."""
    with distributed_logs(logs.current().level):
        if scheduler_file is not None:
            client = Client(scheduler_file=scheduler_file, timeout=timeout)
        else:
            client = Client(address, timeout=timeout)
        with client:
            yield client
