"""Which engine a run uses, from the options, the environment and ``[run]`` of the settings.

``--engine local`` (the default) is the process pool of ``--jobs``. ``--engine
dask`` joins the scheduler named by ``--scheduler``, ``--scheduler-file``,
``DASK_SCHEDULER_ADDRESS`` or ``[run] scheduler`` / ``scheduler_file``, in that
order; with none of them it starts a local cluster of ``--jobs`` workers. Every
problem is found before a stage starts, so earlier outputs stay as they were.
"""

from __future__ import annotations

import importlib
import os
import socket
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from pipeline.config import RunSettings
from pipeline.engines.base import Engine, EngineError
from pipeline.engines.local import LocalEngine

ENGINES = ("local", "dask")
ADDRESS_VARIABLE = "DASK_SCHEDULER_ADDRESS"
CONNECT_SECONDS = 10.0


@dataclass(frozen=True)
class EngineChoice:
    """An engine and where its workers are; ``source`` names the option that gave the scheduler."""

    engine: str = "local"
    jobs: int = 1
    scheduler: str | None = None
    scheduler_file: str | None = None
    source: str = "--scheduler"


def choose(
    run: RunSettings,
    jobs: int,
    engine: str | None = None,
    scheduler: str | None = None,
    scheduler_file: str | None = None,
) -> EngineChoice:
    """The engine the options ask for, falling back on the environment and the settings."""
    if scheduler is not None and scheduler_file is not None:
        raise EngineError("give --scheduler or --scheduler-file, not both")
    given = "--scheduler" if scheduler is not None else "--scheduler-file"
    if engine == "local" and (scheduler or scheduler_file):
        raise EngineError(f"{given} needs --engine dask (the local engine has no scheduler)")
    if engine is None and (scheduler or scheduler_file):
        engine = "dask"
    name = engine or run.engine
    if name not in ENGINES:
        raise EngineError(f"[run] engine must be one of {', '.join(ENGINES)}, not {name!r}")
    if name == "local":
        return EngineChoice("local", jobs)
    for value, is_file, source in (
        (scheduler, False, "--scheduler"),
        (scheduler_file, True, "--scheduler-file"),
        (os.environ.get(ADDRESS_VARIABLE) or None, False, ADDRESS_VARIABLE),
        (run.scheduler, False, "[run] scheduler"),
        (run.scheduler_file, True, "[run] scheduler_file"),
    ):
        if value:
            return EngineChoice(
                "dask", jobs, None if is_file else value, value if is_file else None, source
            )
    return EngineChoice("dask", jobs)


@contextmanager
def open_engine(choice: EngineChoice) -> Iterator[Engine]:
    """The chosen engine, ready; a Dask client or local cluster is closed afterwards."""
    if choice.engine == "local":
        yield LocalEngine(choice.jobs)
        return
    try:
        dask_engine = importlib.import_module("pipeline.engines.dask")
    except ImportError as error:
        raise EngineError(
            f"--engine dask needs Dask distributed, which is not installed ({error}): "
            "pip install 'pipeline[dask]', or use --engine local"
        ) from error
    if choice.scheduler is None and choice.scheduler_file is None:
        with dask_engine.local_cluster(choice.jobs) as client:
            yield dask_engine.DaskEngine(client)
        return
    _check_reachable(choice)
    with ExitStack() as stack:
        try:
            joined = dask_engine.joined(choice.scheduler, choice.scheduler_file, CONNECT_SECONDS)
            client = stack.enter_context(joined)
        except (OSError, TimeoutError, ValueError) as error:
            raise _unreachable(choice, error) from error
        try:  # tasks sent to a cluster without workers would wait for ever
            client.wait_for_workers(1, timeout=CONNECT_SECONDS)
        except TimeoutError as error:
            where = choice.scheduler_file or choice.scheduler
            raise EngineError(
                f"the Dask scheduler at {where} has no workers (waited {CONNECT_SECONDS:.0f} s); "
                f"start some (`dask worker ADDRESS --nthreads 1`) or check {choice.source}"
            ) from error
        yield dask_engine.DaskEngine(client)


def _check_reachable(choice: EngineChoice) -> None:
    """Fail at once, not after the client's time-out, when nothing listens at the address."""
    if choice.scheduler_file is not None:
        if not Path(choice.scheduler_file).is_file():
            raise EngineError(
                f"{choice.source}: {choice.scheduler_file} not found "
                "(the file `dask scheduler --scheduler-file` writes)"
            )
        return
    address = str(choice.scheduler)
    parts = urlsplit(address if "://" in address else f"tcp://{address}")
    if parts.scheme != "tcp":
        return  # tls://, ws://: left to the Dask client
    try:
        host, port = parts.hostname, parts.port
    except ValueError as error:
        raise _unreachable(choice, error) from error
    if not host or port is None:
        raise EngineError(f"{choice.source}: {address!r} is not an address like tcp://host:8786")
    try:
        socket.create_connection((host, port), timeout=CONNECT_SECONDS).close()
    except OSError as error:
        raise _unreachable(choice, error) from error


def _unreachable(choice: EngineChoice, error: BaseException) -> EngineError:
    where = choice.scheduler_file or choice.scheduler
    reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
    return EngineError(
        f"cannot reach the Dask scheduler at {where} ({reason}); check {choice.source}, "
        "or leave the scheduler out to start a local cluster"
    )
