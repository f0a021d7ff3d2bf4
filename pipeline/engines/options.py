"""The command-line options that choose an engine, shared by run, annotate, extract and tables.

``@engine_options`` adds ``--engine``, ``--scheduler`` and ``--scheduler-file``
to a command and runs the command's body on the chosen engine, so the body
itself does not change: it still passes ``--jobs`` to the stage, which the
local engine uses and the Dask engine leaves to its cluster.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from typing import Any, TypeVar

import click

from pipeline.engines.base import EngineError, use_engine
from pipeline.engines.choice import choose, open_engine
from pipeline.engines.local import resolve_jobs

F = TypeVar("F", bound=Callable[..., Any])


def engine_options(function: F) -> F:
    """--engine, --scheduler and --scheduler-file; the command runs on the engine they choose."""

    @functools.wraps(function)
    def on_engine(*args: Any, **kwargs: Any) -> Any:
        chosen = (kwargs.pop("engine"), kwargs.pop("scheduler"), kwargs.pop("scheduler_file"))
        with engine_for(click.get_current_context(), kwargs.get("jobs"), *chosen):
            return function(*args, **kwargs)

    wrapped: Any = on_engine
    for option in reversed(OPTIONS):
        wrapped = option(wrapped)
    return wrapped


OPTIONS = (
    click.option(
        "--engine",
        type=click.Choice(["local", "dask"]),
        default=None,
        help="local: --jobs processes on this machine; dask: a Dask cluster (without a "
        "scheduler, a local one of --jobs workers). Default: [run] engine, local.",
    ),
    click.option(
        "--scheduler",
        default=None,
        help="Join the Dask scheduler at this address (tcp://host:8786; default: "
        "DASK_SCHEDULER_ADDRESS, then [run] scheduler); implies --engine dask.",
    ),
    click.option(
        "--scheduler-file",
        "scheduler_file",
        type=click.Path(dir_okay=False),
        default=None,
        help="Join the Dask cluster whose scheduler wrote this file (HPC); implies --engine dask.",
    ),
)


@contextmanager
def engine_for(
    ctx: click.Context,
    jobs: int | None,
    engine: str | None,
    scheduler: str | None,
    scheduler_file: str | None,
) -> Iterator[None]:
    """Run the block's stages on the chosen engine.

    Every engine problem (Dask missing, scheduler unreachable) is one line, before any stage.
    """
    count = resolve_jobs(jobs if jobs is not None else ctx.obj["settings"].run.jobs)
    try:
        choice = choose(ctx.obj["settings"].run, count, engine, scheduler, scheduler_file)
        with ExitStack() as stack:
            stack.enter_context(use_engine(stack.enter_context(open_engine(choice))))
            yield
    except EngineError as error:
        raise click.ClickException(str(error)) from error
