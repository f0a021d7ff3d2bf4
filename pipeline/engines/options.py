"""The command-line options that choose an engine, shared by run, annotate, extract and tables."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from typing import Any, TypeVar

import click

from pipeline.engines.base import EngineError, use_engine
from pipeline.engines.choice import choose, open_engine
from pipeline.engines.local import resolve_jobs

F = TypeVar("F", bound=Callable[..., Any])


def engine_options(function: F) -> F:
    """--engine, --scheduler and --scheduler-file: what runs the stage's work (pipeline.engines)."""
    function = click.option(
        "--scheduler-file",
        "scheduler_file",
        type=click.Path(dir_okay=False),
        default=None,
        help="Join the Dask cluster whose scheduler wrote this file (HPC); implies --engine dask.",
    )(function)
    function = click.option(
        "--scheduler",
        default=None,
        help="Join the Dask scheduler at this address (tcp://host:8786; default: "
        "DASK_SCHEDULER_ADDRESS, then [run] scheduler); implies --engine dask.",
    )(function)
    return click.option(
        "--engine",
        type=click.Choice(["local", "dask"]),
        default=None,
        help="local: --jobs processes on this machine; dask: a Dask cluster (without a "
        "scheduler, a local one of --jobs workers). Default: [run] engine, local.",
    )(function)


@contextmanager
def engine_for(
    ctx: click.Context,
    jobs: int | None,
    engine: str | None,
    scheduler: str | None,
    scheduler_file: str | None,
) -> Iterator[int]:
    """Run the block's stages on the chosen engine; yield the jobs for the local pool.

    Every engine problem (Dask missing, scheduler unreachable) is one line, before any stage.
    """
    count = resolve_jobs(jobs if jobs is not None else ctx.obj["settings"].run.jobs)
    try:
        choice = choose(ctx.obj["settings"].run, count, engine, scheduler, scheduler_file)
        with ExitStack() as stack:
            chosen = stack.enter_context(open_engine(choice))
            stack.enter_context(use_engine(chosen))
            yield count
    except EngineError as error:
        raise click.ClickException(str(error)) from error
