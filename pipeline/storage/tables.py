"""Publishing a table set on an object store, where there are no symbolic links or renames.

The tables of a run are put under ``OUTPUT/.tables/set-<hash>/`` (the same files
and hive folders as a local output), named by a hash of their content, so a
rerun that changed nothing computes the same name and puts nothing. Then one
small object, ``OUTPUT/.tables/current``, is put last: ``{"set": "set-<hash>",
"previous": "set-<older>"}``. Readers (and the views in ``OUTPUT/views.sql``)
follow that pointer. A put replaces an object at once and S3 reads after a put
see it, so a reader that reads the pointer sees the whole old set or the whole
new one, never a mix. The set before the current one is kept until the next
publish, so a reader that read the pointer just before the switch can finish;
older sets are deleted.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from pipeline.storage.mirror import local_files, upload
from pipeline.storage.stores import Store
from pipeline.tables.duckdb_model import enriched_sql, glob_escape, sql_string
from pipeline.tables.layout import locate
from pipeline.tables.publish import CURRENT, SET_PREFIX, SETS_DIR
from pipeline.tables.schemas import TABLES

POINTER = f"{SETS_DIR}/{CURRENT}"
VIEWS_FILE = "views.sql"


def set_name(folder: Path) -> str:
    """A name for a table set that changes whenever any of its files does."""
    digest = hashlib.sha256()
    for name in local_files(folder):
        digest.update(name.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256((folder / name).read_bytes()).digest())
    return f"{SET_PREFIX}{digest.hexdigest()[:16]}"


def read_pointer(store: Store, fs: Any) -> dict[str, str]:
    """The published pointer, or an empty one before the first publish."""
    try:
        return dict(json.loads(fs.cat_file(store.key(POINTER))))
    except FileNotFoundError:
        return {}
    except ValueError:
        return {}  # a damaged pointer is replaced by the next publish


def current_set(store: Store, fs: Any) -> str | None:
    """The set readers are served now."""
    return read_pointer(store, fs).get("set")


def publish(tables_dir: Path, store: Store, fs: Any) -> tuple[str, int]:
    """Put the tables of ``tables_dir`` as a new set, then the pointer; return (set, puts)."""
    name = set_name(tables_dir)
    old = read_pointer(store, fs)
    puts = 0
    if old.get("set") != name:  # a set the pointer names is whole: it was put before it
        target = Store(store.url_of(f"{SETS_DIR}/{name}"), store.option, store.options)
        puts = upload(tables_dir, target, fs)
    views = views_sql(tables_dir, store, name).encode("utf-8")
    if old.get("set") != name:
        pointer = {"set": name, "previous": old.get("set")}
        fs.pipe_file(store.key(POINTER), json.dumps(pointer).encode("utf-8") + b"\n")
        puts += 1
    keep = {name, old.get("set") if old.get("set") != name else old.get("previous")}
    try:
        if fs.cat_file(store.key(VIEWS_FILE)) == views:
            views = b""
    except FileNotFoundError:
        pass
    if views:
        fs.pipe_file(store.key(VIEWS_FILE), views)
        puts += 1
    remove_old_sets(store, fs, keep)
    return name, puts


def remove_old_sets(store: Store, fs: Any, keep: set[str | None]) -> list[str]:
    """Delete every set but the kept ones (the current and the one before it)."""
    try:
        entries = fs.ls(store.key(SETS_DIR), detail=False)
    except FileNotFoundError:
        return []
    fs.invalidate_cache()
    stale = [
        entry
        for entry in entries
        if entry.rsplit("/", 1)[-1].startswith(SET_PREFIX) and entry.rsplit("/", 1)[-1] not in keep
    ]
    for entry in stale:
        fs.rm(entry, recursive=True)
    return stale


def views_sql(tables_dir: Path, store: Store, name: str) -> str:
    """A DuckDB script that creates one view per table over the set ``name`` on the store.

    It needs DuckDB's httpfs extension and a secret for the store; the views name
    the set, so after the next publish the script is written again.
    """
    lines = [
        "-- Views over the Parquet tables on the object store (DuckDB with httpfs).",
        "-- Before: INSTALL httpfs; and CREATE SECRET (TYPE s3, KEY_ID ..., SECRET ..., "
        "ENDPOINT ...);",
        "LOAD httpfs;",
    ]
    for table in TABLES:
        path, key_column = locate(tables_dir, table)
        url = glob_escape(store.url_of(f"{SETS_DIR}/{name}/{path.relative_to(tables_dir)}"))
        if key_column is None:
            source = f"read_parquet({sql_string(url)})"
        else:
            source = (
                f"read_parquet({sql_string(url + '/*/*.parquet')}, hive_partitioning = true, "
                f"hive_types = {{'{key_column}': 'VARCHAR'}})"
            )
        lines.append(f"CREATE OR REPLACE VIEW {table} AS SELECT * FROM {source};")
    lines.append(enriched_sql().replace("CREATE VIEW", "CREATE OR REPLACE VIEW", 1) + ";")
    return "\n".join(lines) + "\n"
