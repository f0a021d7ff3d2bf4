"""Each chunk's rows of the streamed tables, kept in the work folder for the next run.

A chunk's rows depend only on its claims file (whose name already hashes the
chunk's documents, annotations and extract inputs) and on the tables code,
so a file named by those two is valid for as long as it exists. A rerun after
one input changed tabulates one chunk and copies the others' rows from here.
Arrow IPC files (zstd) are used because they read back with almost no decoding work.
The size and SHA-256 of a chunk's files are written last, beside them
(``<key>.sums.json``); a chunk whose files do not match (truncated, damaged, or
left by a run killed before its sums) is built again.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pyarrow as pa

from pipeline.chunks import code_files, damage, file_record, fingerprint, remove_stale
from pipeline.ids import stable_hash
from pipeline.io import atomic_path, atomic_text

log = logging.getLogger(__name__)

CACHE_DIR = "tables"
SUFFIX = ".arrow"
SUMS_SUFFIX = ".sums.json"
_COMPRESSED = pa.ipc.IpcWriteOptions(compression="zstd")  # a quarter of the disk, read fast


def tables_fingerprint() -> str:
    return fingerprint("tables", files=code_files("tables"))


def cache_key(code: str, claims_file: str) -> str:
    return stable_hash(code, claims_file, length=32)


def _path(folder: Path, key: str, name: str) -> Path:
    return Path(folder) / f"{key}.{name}{SUFFIX}"


def _sums_path(folder: Path, key: str) -> Path:
    return Path(folder) / f"{key}{SUMS_SUFFIX}"


def files(folder: Path, key: str, names: tuple[str, ...]) -> list[Path]:
    """Every file a chunk's cached rows take: one per table, then their sums."""
    return [*(_path(folder, key, name) for name in names), _sums_path(folder, key)]


def intact(folder: Path, key: str, names: tuple[str, ...]) -> bool:
    """Whether every cached file of a chunk matches the size and checksum written with it."""
    try:
        sums: dict[str, Any] = json.loads(_sums_path(folder, key).read_text(encoding="utf-8"))
        for name in names:
            path = _path(folder, key, name)
            problem = damage(path, sums[path.name])
            if problem is not None:
                log.warning("%s is damaged (%s); building it again", path, problem)
                return False
    except (OSError, ValueError, KeyError, TypeError):
        return False  # no sums: written by a run killed before it finished the chunk
    return True


def load(folder: Path, key: str, names: tuple[str, ...]) -> dict[str, pa.Table] | None:
    """The cached tables of a chunk, or None when any of them is missing, damaged or unreadable."""
    if not intact(folder, key, names):
        return None
    tables: dict[str, pa.Table] = {}
    for name in names:
        try:
            with pa.memory_map(str(_path(folder, key, name))) as source:
                tables[name] = pa.ipc.open_file(source).read_all()
        except (OSError, pa.ArrowInvalid):
            return None
    return tables


def save(folder: Path, key: str, tables: dict[str, pa.Table]) -> None:
    """Write each table atomically, then their sizes and checksums, which mark the chunk done."""
    sums: dict[str, Any] = {}
    for name, table in tables.items():
        target = _path(folder, key, name)
        with (
            atomic_path(target) as tmp,
            pa.OSFile(str(tmp), "wb") as sink,
            pa.ipc.new_file(sink, table.schema, options=_COMPRESSED) as writer,
        ):
            writer.write_table(table)
        sums[target.name] = file_record(target)
    with atomic_text(_sums_path(folder, key)) as out:
        json.dump(sums, out, sort_keys=True)


def keep_only(folder: Path, keys: set[str], names: tuple[str, ...]) -> int:
    """Delete cached chunks no longer in the work folder."""
    wanted = {_path(folder, key, name).name for key in keys for name in names}
    sums = {_sums_path(folder, key).name for key in keys}
    return remove_stale(folder, wanted, SUFFIX) + remove_stale(folder, sums, SUMS_SUFFIX)
