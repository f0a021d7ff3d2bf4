"""Locks on the work and output folders, so two runs never write one folder at once.

A lock is ``fcntl.flock`` on a ``.lock`` file in the folder, holding the process
id of its owner for the message another run gets. The OS releases the lock when
the owning process ends, however it ends (SIGKILL included), so a lock left by a
dead run is simply taken over; the file itself stays. Locks are re-entrant within
one process: ``run`` holds the work folder while the stages it calls take it again.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from pipeline.config import PipelineError

try:
    import fcntl
except ImportError:  # pragma: no cover - not on POSIX: folders are not locked
    fcntl = None  # type: ignore[assignment]

LOCK_FILE = ".lock"

# Folders this process holds: resolved path -> (open lock file, depth).
_held: dict[Path, tuple[IO[str], int]] = {}


class FolderInUse(PipelineError):
    """Another live run holds the folder."""


def _owner(handle: IO[str]) -> str:
    handle.seek(0)
    text = handle.read().strip()
    return text if text.isdigit() else "unknown"


def _acquire(folder: Path, purpose: str) -> IO[str]:
    folder.mkdir(parents=True, exist_ok=True)
    handle = open(folder / LOCK_FILE, "a+", encoding="utf-8")  # noqa: SIM115 - held open
    if fcntl is None:
        return handle
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        owner = _owner(handle)
        handle.close()
        raise FolderInUse(
            f"{folder} is in use by another run (process {owner}); wait for it to end, or "
            f"give this run another {purpose}"
        ) from None
    handle.seek(0)
    handle.truncate()
    handle.write(f"{os.getpid()}\n")
    handle.flush()
    return handle


@contextlib.contextmanager
def folder_lock(folder: Path, purpose: str = "folder") -> Iterator[bool]:
    """Hold ``folder`` for the block; yield True when this call took the lock first.

    Fails at once with ``FolderInUse`` naming the other run's process id. The
    first holder in a process (True) is the one that may clean the folder up.
    """
    key = Path(folder).resolve()
    if key in _held:
        handle, depth = _held[key]
        _held[key] = (handle, depth + 1)
        try:
            yield False
        finally:
            handle, depth = _held[key]
            _held[key] = (handle, depth - 1)
        return
    handle = _acquire(key, purpose)
    _held[key] = (handle, 1)
    try:
        yield True
    finally:
        del _held[key]
        handle.close()  # releases the lock; the file and its old pid stay, harmless
