"""How a table sits in the output folder: one Parquet file, or a hive-partitioned folder.

Flat: ``<table>.parquet``. Partitioned (``partition_by="month"`` or ``"outlet"``):
each per-document table is a folder ``<table>/<key>=<value>/part-0.parquet``.
The key column (``month`` or ``outlet_key``, see ``schemas.PARTITION_KEYS``)
lives in the folder names only, as hive readers expect, and comes back as a
string column appended to the table's own columns.

Folder names hold the key percent-encoded, as hive partitioning does
(``outlet_key=Reuters%2FWorld``), every character outside letters, digits and
``-._~`` included, so a NUL or a slash cannot cut a name short; readers decode it.
Documents without a date (or outlet) have the empty key, folder ``<key>=``: no
real key is empty (a blank outlet counts as none), so an outlet called "unknown"
keeps its own partition, and readers give it back as text, not null. Every
partitioned folder holds that partition, empty when every document has the key.
Readers that guess partition types from folder names (pyarrow's
``partitioning="hive"``, DuckDB's ``hive_partitioning``) then always see text,
never numbers for an outlet called "24", and a table with no rows still has a
file that carries its schema.

Each table is written beside its target and moved into place, and the other
layout's stale copy is removed afterwards, so readers find one layout per table.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import urllib.parse
import uuid
from collections import defaultdict
from collections.abc import Iterator, Mapping
from datetime import datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from pipeline.config import PipelineError
from pipeline.io import FOLDER_MODE
from pipeline.tables.schemas import HIVE_NULL, MISSING_KEY, PARTITION_KEYS, partition_key

KEY_COLUMNS = {field.name: field for field in PARTITION_KEYS.values()}
PART_FILE = "part-0.parquet"


class LayoutError(PipelineError):
    """The output folder holds something the tables stage must not overwrite or guess at."""


def flat_path(output_dir: Path, name: str) -> Path:
    """Where a flat table is written."""
    return Path(output_dir) / f"{name}.parquet"


def folder_path(output_dir: Path, name: str) -> Path:
    """Where a partitioned table is written."""
    return Path(output_dir) / name


def _visible(path: Path) -> list[Path]:
    # readers skip names starting with "." or "_" (.DS_Store, _SUCCESS) and so do we
    return [entry for entry in path.iterdir() if not entry.name.startswith((".", "_"))]


def partition_column(path: Path) -> str | None:
    """The key column of a folder this module wrote, or None for any other path.

    Only such folders are ever replaced or deleted, so an output folder that
    happens to hold the user's own ``documents/`` folder is left alone.
    """
    if not path.is_dir():
        return None
    entries = _visible(path)
    columns = {entry.name.partition("=")[0] for entry in entries}
    if len(columns) != 1 or not columns <= KEY_COLUMNS.keys():
        return None
    for entry in entries:
        if not entry.is_dir() or "=" not in entry.name:
            return None
        if not all(file.is_file() and file.suffix == ".parquet" for file in _visible(entry)):
            return None
    return columns.pop()


def locate(output_dir: Path, name: str) -> tuple[Path, str | None]:
    """A table's path and partition key column (None when flat), whichever layout it has."""
    flat, folder = flat_path(output_dir, name), folder_path(output_dir, name)
    column = partition_column(folder)
    if flat.exists() and column is not None:
        raise LayoutError(
            f"both {flat} and the partitioned folder {folder} exist; run `pipeline tables` "
            "again to rewrite one layout and remove the other"
        )
    if column is not None:
        return folder, column
    if flat.exists():
        return flat, None
    raise FileNotFoundError(f"{flat} not found; run `pipeline tables` first to write the tables")


def hive_partitioning(column: str) -> ds.Partitioning:
    """Hive folder names read as a string key, whatever the values look like."""
    return ds.partitioning(pa.schema([KEY_COLUMNS[column]]), flavor="hive")


def read_table(output_dir: Path, name: str, columns: list[str] | None = None) -> pa.Table:
    """One table in either layout; a partitioned one has its key column last."""
    path, column = locate(output_dir, name)
    if column is None:
        return pq.read_table(path, columns=columns)
    return ds.dataset(path, format="parquet", partitioning=hive_partitioning(column)).to_table(
        columns=columns
    )


def month_key(moment: datetime | None) -> str:
    """The UTC publication month as YYYY-MM (published is stored in UTC)."""
    return MISSING_KEY if moment is None else f"{moment.year:04d}-{moment.month:02d}"


def outlet_key(outlet: str | None) -> str:
    """The outlet as written; blank and missing outlets share the empty key."""
    return outlet if outlet and outlet.strip() else MISSING_KEY


def folder_value(key: str) -> str:
    """A key as its folder name holds it: percent-encoded like pyarrow's hive writer,
    which leaves a NUL as it is and so cuts the name short there."""
    return urllib.parse.quote(key, safe="")


def document_partitions(documents: pa.Table, partition_by: str) -> dict[str, str]:
    """The partition folder value of every doc_id, from the documents table: the key
    percent-encoded (empty for a document without one)."""
    partition_key(partition_by)  # fails on an unknown mode
    doc_ids = documents.column("doc_id").to_pylist()
    if partition_by == "month":
        keys = [month_key(moment) for moment in documents.column("published").to_pylist()]
    else:
        keys = [outlet_key(outlet) for outlet in documents.column("outlet").to_pylist()]
    check_folder_names(set(keys), partition_by)
    return dict(zip(doc_ids, map(folder_value, keys), strict=True))


def check_folder_names(keys: set[str], partition_by: str) -> None:
    """Refuse keys whose folders would collide: a value named like the null partition,
    and values differing only in ASCII case, which share a folder on macOS and Windows
    (one partition would overwrite the other). Other characters are percent-encoded
    in folder names and cannot collide."""
    if HIVE_NULL in keys:
        raise LayoutError(
            f"a document's {partition_by} is '{HIVE_NULL}', the folder name that "
            f"readers take for a missing value; change it in the input metadata, or use "
            "another --partition-by"
        )
    folded: dict[str, list[str]] = defaultdict(list)
    for key in sorted(keys):
        folded[folder_value(key).lower()].append(key)
    clashes = [names for names in folded.values() if len(names) > 1]
    if clashes:
        shown = " and ".join(f"'{name}'" for name in clashes[0])
        raise LayoutError(
            f"partitions {shown} differ only in case, so their folders would collide on macOS "
            f"and Windows; make the {partition_by} values consistent in the input metadata, or "
            "use another --partition-by"
        )


def key_array(table: pa.Table, partitions: Mapping[str, str]) -> pa.Array:
    """The partition key of each row, looked up by doc_id."""
    doc_ids = pa.array(list(partitions), pa.string())
    positions = pc.index_in(table.column("doc_id"), value_set=doc_ids)
    if positions.null_count:
        raise ValueError("a row's doc_id is not in the documents table")
    return pa.array(list(partitions.values()), pa.string()).take(positions)


@contextlib.contextmanager
def atomic_folder(target: Path) -> Iterator[Path]:
    """Yield an empty folder beside ``target`` that replaces it only if the block succeeds."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    os.chmod(tmp, FOLDER_MODE)  # mkdtemp's 0700 would hide the table from other users
    try:
        yield tmp
        _swap(tmp, target)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp)


def _swap(new: Path, target: Path) -> None:
    """Move ``new`` to ``target``; a folder cannot be os.replace'd onto a full one, so
    the old one is renamed aside first and restored if the move fails."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old-{uuid.uuid4().hex}")
        os.replace(target, old)
    try:
        os.replace(new, target)
    except OSError:
        if old is not None:
            os.replace(old, target)
        raise
    if old is not None:
        shutil.rmtree(old)


def _write_partition(rows: pa.Table, folder: Path) -> None:
    """One partition's rows, without the key (it lives in the folder name, as hive readers
    expect). pyarrow's dataset writer is not used: it cuts a folder name at a NUL."""
    folder.mkdir()
    pq.write_table(rows, folder / PART_FILE)


def check_partition_target(output_dir: Path, name: str) -> None:
    """Refuse to replace a folder this module did not write."""
    folder = folder_path(output_dir, name)
    if folder.exists() and partition_column(folder) is None:
        raise LayoutError(
            f"{folder} exists and is not a partitioned table written by the pipeline; "
            "choose another output folder or move it away"
        )


def write_partitioned(
    table: pa.Table,
    output_dir: Path,
    name: str,
    partition_by: str,
    partitions: dict[str, str],
) -> Path:
    """Write ``<name>/<key>=<value>/part-0.parquet`` atomically; remove a stale flat file.

    ``partitions`` maps every doc_id to its folder value (see ``document_partitions``).
    Rows are stably sorted by that value first, so each partition is one file whose
    rows keep the flat table's order.
    """
    check_partition_target(output_dir, name)
    key = partition_key(partition_by)
    folders = key_array(table, partitions)
    order = pc.sort_indices(folders)  # a stable sort: each partition's rows keep their order
    rows = table.take(order)
    ordered = folders.take(order)
    if isinstance(ordered, pa.ChunkedArray):
        ordered = ordered.combine_chunks()
    runs = pc.run_end_encode(ordered)
    target = folder_path(output_dir, name)
    with atomic_folder(target) as tmp:
        start = 0
        for value, end in zip(runs.values.to_pylist(), runs.run_ends.to_pylist(), strict=True):
            _write_partition(rows.slice(start, end - start), tmp / f"{key.name}={value}")
            start = end
        missing = tmp / f"{key.name}={MISSING_KEY}"
        if not missing.exists():
            _write_partition(table.schema.empty_table(), missing)
    stale = flat_path(output_dir, name)
    if stale.is_file():
        stale.unlink()
    return target
