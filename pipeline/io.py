"""Atomic file output and JSON Lines helpers shared by every stage.

Outputs are written to a temporary file beside the target and renamed into
place, so a crashed or interrupted run never leaves a half-written file.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any


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
    """Yield a temporary path that replaces ``target`` only if the block succeeds."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(handle)
    os.chmod(tmp_name, FILE_MODE)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.replace(tmp, target)
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
