"""Atomic file output and JSON Lines helpers shared by every stage.

Outputs are written to a temporary file beside the target, flushed to the disk
(fsync) and renamed into place, so a crashed or interrupted run, or a machine
that loses power, never leaves a half-written file under the target's name.
Temporary names start with a dot and end in ``.tmp-`` plus random characters,
so a later run can recognise and remove the ones a killed run left behind.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from pipeline.config import PipelineError

TEMPORARY_MARK = ".tmp-"
# Temporary files of this module (".NAME.tmp-XXXXXXXX") and of older versions (".NAME.XXXXXXXX").
_TEMPORARY = re.compile(r"^\..+\.(?:tmp-)?[a-z0-9_]{8}$")


def fsync_path(path: Path, directory: bool = False) -> None:
    """Ask the OS to put ``path`` (a file, or a folder's entries) on the disk."""
    flags = os.O_RDONLY | (getattr(os, "O_DIRECTORY", 0) if directory else 0)
    try:
        descriptor = os.open(path, flags)
    except OSError:
        if directory:  # some systems cannot open a folder; its entries are then the OS's job
            return
        raise
    try:
        os.fsync(descriptor)
    except OSError as error:
        if not directory or error.errno not in (errno.EINVAL, errno.EBADF):
            raise
    finally:
        os.close(descriptor)


def temporary_name(target: Path) -> str:
    """The prefix of a temporary file or folder beside ``target``."""
    return f".{Path(target).name}{TEMPORARY_MARK}"


def is_temporary(name: str) -> bool:
    """Whether a file name is one ``atomic_path`` (of any version) gives its temporary files."""
    return bool(_TEMPORARY.match(name))


def _umask() -> int:
    """The process's umask: reading it means setting it, so this runs once, at import."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# mkstemp and mkdtemp create 0600 files and 0700 folders; outputs get the modes
# open() and mkdir() would give them under the user's umask (0644 and 0755 under 022).
FILE_MODE = 0o666 & ~_umask()
FOLDER_MODE = 0o777 & ~_umask()


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path that replaces ``target`` only if the block succeeds.

    The file is fsynced before the rename and the folder after it, so the name
    never points at bytes that are not on the disk.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp_name = tempfile.mkstemp(prefix=temporary_name(target), dir=target.parent)
    os.close(handle)
    os.chmod(tmp_name, FILE_MODE)
    tmp = Path(tmp_name)
    try:
        yield tmp
        fsync_path(tmp)
        os.replace(tmp, target)
        fsync_path(target.parent, directory=True)
    finally:
        if tmp.exists():
            tmp.unlink()


@contextlib.contextmanager
def atomic_text(target: Path) -> Iterator[IO[str]]:
    """Open a text handle whose content replaces ``target`` atomically on success."""
    with atomic_path(target) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as out:
        yield out


def write_jsonl(target: Path, records: Iterable[dict[str, Any]]) -> int:
    """Write records as JSON Lines atomically; return how many were written."""
    count = 0
    with atomic_text(target) as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False, sort_keys=True))
            out.write("\n")
            count += 1
    return count


def read_jsonl(source: Path) -> Iterator[dict[str, Any]]:
    """Yield the records of a JSON Lines file written by a previous stage."""
    with open(source, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as error:
                raise ValueError(f"{source}:{number}: not valid JSON ({error.msg})") from error


def remove_temporary(folder: Path) -> list[Path]:
    """Delete the temporary files and folders a killed run left in ``folder``; return them.

    Only call this while holding the folder's lock (``pipeline.locks``): a live
    run's temporary files look the same.
    """
    removed: list[Path] = []
    if not Path(folder).is_dir():
        return removed
    for entry in Path(folder).iterdir():
        if not is_temporary(entry.name):
            continue
        remove_path(entry)
        removed.append(entry)
    return removed


def remove_path(path: Path) -> None:
    """Remove a leftover file, link or folder; a link is removed, never what it points to."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


class DiskFull(PipelineError):
    """A write failed because the disk holding a stage's folder is full."""


def is_disk_full(error: BaseException) -> bool:
    """An error of a full disk (or quota), however the library that met it worded it."""
    if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    text = str(error)
    return "No space left on device" in text or f"[Errno {errno.ENOSPC}]" in text


def disk_full_cause(error: BaseException) -> BaseException | None:
    """The full-disk error in an error's chain, or None: a worker's error may arrive
    wrapped in another that only repeats its text. The OSError itself is preferred,
    since it may name the file."""
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and all(current is not seen for seen in chain):
        chain.append(current)
        current = current.__cause__ or current.__context__
    full = [item for item in chain if is_disk_full(item)]
    own = [item for item in full if isinstance(item, OSError)]
    return (own or full or [None])[0]


@contextlib.contextmanager
def disk_full_names(stage: str, *folders: Path) -> Iterator[None]:
    """Turn a full-disk error inside the block into one line naming the full folder.

    The folder is the one of the file that failed when the error names it, else
    the folders the stage writes (``folders``).
    """
    try:
        yield
    except Exception as error:
        full = disk_full_cause(error)
        if full is None:
            raise
        filename = getattr(full, "filename", None)
        named = [Path(str(filename)).parent] if filename else list(folders)
        where = " or ".join(str(folder) for folder in named)
        raise DiskFull(
            f"{stage}: the disk holding {where} is full (no space left on device); free some "
            "space or choose a folder on another disk, then run again (finished stages are kept)"
        ) from error
