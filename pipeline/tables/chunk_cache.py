"""Each chunk's rows of the streamed tables, kept in the work folder for the next run.

A chunk's rows depend only on its claims file (whose name already hashes the
chunk's documents, annotations and extract inputs) and on the tables code,
so a file named by those two is valid for as long as it exists. A rerun after
one input changed tabulates one chunk and copies the others' rows from here.
Arrow IPC files (zstd) are used because they read back with almost no decoding work.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from pipeline.chunks import code_files, fingerprint, remove_stale
from pipeline.ids import stable_hash
from pipeline.io import atomic_path

CACHE_DIR = "tables"
SUFFIX = ".arrow"
_COMPRESSED = pa.ipc.IpcWriteOptions(compression="zstd")  # a quarter of the disk, read fast


def tables_fingerprint() -> str:
    return fingerprint("tables", files=code_files("tables"))


def cache_key(code: str, claims_file: str) -> str:
    return stable_hash(code, claims_file, length=32)


def _path(folder: Path, key: str, name: str) -> Path:
    return Path(folder) / f"{key}.{name}{SUFFIX}"


def load(folder: Path, key: str, names: tuple[str, ...]) -> dict[str, pa.Table] | None:
    """The cached tables of a chunk, or None when any of them is missing or unreadable."""
    tables: dict[str, pa.Table] = {}
    for name in names:
        try:
            with pa.memory_map(str(_path(folder, key, name))) as source:
                tables[name] = pa.ipc.open_file(source).read_all()
        except (OSError, pa.ArrowInvalid):
            return None
    return tables


def save(folder: Path, key: str, tables: dict[str, pa.Table]) -> None:
    """Write each table atomically, so a crash never leaves a half file that looks valid."""
    for name, table in tables.items():
        with (
            atomic_path(_path(folder, key, name)) as tmp,
            pa.OSFile(str(tmp), "wb") as sink,
            pa.ipc.new_file(sink, table.schema, options=_COMPRESSED) as writer,
        ):
            writer.write_table(table)


def keep_only(folder: Path, keys: set[str], names: tuple[str, ...]) -> int:
    """Delete cached chunks no longer in the work folder."""
    wanted = {_path(folder, key, name).name for key in keys for name in names}
    return remove_stale(folder, wanted, SUFFIX)
