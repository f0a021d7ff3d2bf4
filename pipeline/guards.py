"""What a command does besides its stage: hold its folders, end on SIGTERM, name a full disk.

Kept apart from ``pipeline.cli``, which only parses options and reports.
"""

from __future__ import annotations

import functools
import signal
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


def holds_work(stage: str) -> Callable[[F], F]:
    """Run a stage command holding its --work folder (locked against a second run,
    cleaned of what killed runs left) and naming the folder when the disk is full."""

    def decorate(function: F) -> F:
        @functools.wraps(function)
        def command(*args: Any, **kwargs: Any) -> Any:
            from pipeline.io import disk_full_names
            from pipeline.workfolder import work_folder

            folders = [kwargs[name] for name in ("output_dir", "work_dir") if name in kwargs]
            with work_folder(kwargs["work_dir"]), disk_full_names(stage, *folders):
                return function(*args, **kwargs)

        return command  # type: ignore[return-value]

    return decorate


def _terminated(number: int, frame: Any) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second SIGTERM must not cut the clean-up
    raise SystemExit(128 + number)


def end_on_sigterm() -> None:
    """Make SIGTERM end the process as Ctrl-C does: clean-up code runs (temporary folders
    go, locks are released), and the exit code is 143, as for a process the signal ended."""
    signal.signal(signal.SIGTERM, _terminated)
