"""Worker processes log as the main process does: same level, same line format.

A spawned process starts with logging unconfigured, so its warnings came out
without their level and ``--quiet`` did not silence them. The engine reads the
main process's settings when a stage starts and applies them in each worker.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass

LOGGER = "pipeline"  # the loggers of every module of the package hang below this one
FORMAT = "%(levelname)s %(name)s: %(message)s"


@dataclass(frozen=True)
class LogSettings:
    """What a worker needs to log like the main process: a level and a line format."""

    level: int
    format: str = FORMAT


class _WorkerHandler(logging.StreamHandler):
    """The handler a worker adds; a second ``apply`` replaces it rather than doubling lines."""


def current() -> LogSettings:
    """The level of the package's loggers here, and the format of their stderr handler."""
    logger = logging.getLogger(LOGGER)
    level = logger.getEffectiveLevel()
    for handler in [*logger.handlers, *logging.getLogger().handlers]:
        if isinstance(handler, _WorkerHandler) and handler.formatter is not None:
            return LogSettings(level, handler.formatter._fmt or FORMAT)
    for handler in logging.getLogger().handlers:
        if type(handler) is logging.StreamHandler and handler.formatter is not None:
            return LogSettings(level, handler.formatter._fmt or FORMAT)
    return LogSettings(level)


def apply(settings: LogSettings) -> None:
    """Make the package's loggers in this (worker) process print as ``settings`` say, on stderr."""
    logger = logging.getLogger(LOGGER)
    for handler in [h for h in logger.handlers if isinstance(h, _WorkerHandler)]:
        logger.removeHandler(handler)
    handler = _WorkerHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(settings.format))
    logger.addHandler(handler)
    logger.setLevel(settings.level)
    logger.propagate = False  # a cluster's own handlers must not print the line twice
