"""Publishing the table set in one step, so a reader sees the old set or the new one.

The tables of a run are written into a new folder, a *set*, under the output
folder's hidden ``.tables/`` (``.tables/set-XXXXXXXX/claims.parquet``, or
``claims/month=.../part-0.parquet`` when partitioned). ``.tables/current`` is a
symbolic link to the set being served, and each table's public path in the
output folder is a link through it (``claims.parquet`` ->
``.tables/current/claims.parquet``). Switching ``current`` to the new set is
one rename, so every table changes at once: a run killed at any moment leaves
either the whole old set or the whole new one, never documents from one run
and claims from another. The old set is deleted once the switch is made.

Readers see the usual paths (``claims.parquet``, ``claims/``) and follow the
links without knowing; the DuckDB views name the public paths, so they read
whatever set is current. Tables an older version wrote as plain files are
first adopted into a set of their own (hard links, nothing copied), so the
first switch is atomic too.
"""

from __future__ import annotations

import os
import re
import shutil
import uuid
from collections.abc import Iterable
from pathlib import Path

from pipeline.io import fsync_path, is_temporary, remove_path
from pipeline.tables.layout import flat_path, folder_path, partition_column

SETS_DIR = ".tables"
CURRENT = "current"
SET_PREFIX = "set-"
# What killed runs leave in an output folder besides temporary files: staging folders of
# versions before table sets, folders moved aside to be replaced, DuckDB files being built.
_LEFTOVER = re.compile(
    r"^\.tables-[a-z0-9_]{8}$|^\..+\.old-[0-9a-f]{32}$|^\..+\.[0-9a-f]{32}\.tmp(?:\.wal)?$"
)


def sets_folder(output_dir: Path) -> Path:
    """Where the table sets of an output folder live (also the folder its lock is taken on)."""
    return Path(output_dir) / SETS_DIR


def new_set(output_dir: Path) -> Path:
    """An empty folder for the next set of tables."""
    sets = sets_folder(output_dir)
    sets.mkdir(parents=True, exist_ok=True)
    while True:  # os.mkdir, not mkdtemp: the folder takes the user's umask, so others may read
        folder = sets / f"{SET_PREFIX}{uuid.uuid4().hex[:8]}"
        try:
            folder.mkdir()
            return folder
        except FileExistsError:
            continue


def _current_target(sets: Path) -> str | None:
    current = sets / CURRENT
    return os.readlink(current) if current.is_symlink() else None


def _point(link: Path, target: str) -> None:
    """Make ``link`` a symbolic link to ``target`` with one rename (atomic for readers)."""
    if link.is_symlink() and os.readlink(link) == target:
        return
    tmp = link.with_name(f".{link.name}.tmp-{uuid.uuid4().hex[:8]}")
    os.symlink(target, tmp)
    try:
        os.replace(tmp, link)
    finally:
        tmp.unlink(missing_ok=True)


def _entries(output_dir: Path, names: Iterable[str]) -> list[Path]:
    """The public paths of the tables, in both layouts."""
    return [
        path
        for name in names
        for path in (flat_path(output_dir, name), folder_path(output_dir, name))
    ]


def _plain_tables(output_dir: Path, names: Iterable[str]) -> list[Path]:
    """Tables an older version wrote as plain files or folders, not links into a set."""
    plain = []
    for path in _entries(output_dir, names):
        if path.is_symlink():
            continue
        if path.is_file() or partition_column(path) is not None:
            plain.append(path)
    return plain


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:  # a file system without hard links
        shutil.copy2(source, target)


def adopt_plain_tables(output_dir: Path, names: Iterable[str]) -> None:
    """Turn plain table files into links to a set holding the same bytes.

    Each step shows readers the same old tables: the set is made complete
    (hard links) and made current before any file becomes a link.
    """
    plain = _plain_tables(output_dir, names)
    if not plain:
        return
    sets = sets_folder(output_dir)
    if _current_target(sets) is None or not (sets / CURRENT).exists():
        adopted = new_set(output_dir)
        for path in plain:
            if path.is_dir():
                shutil.copytree(path, adopted / path.name, copy_function=_link_or_copy)
            else:
                _link_or_copy(str(path), str(adopted / path.name))
        _point(sets / CURRENT, adopted.name)
    for path in plain:
        link = f"{SETS_DIR}/{CURRENT}/{path.name}"
        if path.is_dir():  # a link cannot replace a folder in one rename
            aside = path.with_name(f".{path.name}.old-{uuid.uuid4().hex}")
            os.replace(path, aside)
            _point(path, link)
            shutil.rmtree(aside)
        else:
            _point(path, link)


def publish_set(output_dir: Path, staged: Path, names: Iterable[str]) -> None:
    """Serve the tables of ``staged`` (a folder made by ``new_set``) in one switch."""
    names = list(names)
    output_dir, sets = Path(output_dir), sets_folder(output_dir)
    adopt_plain_tables(output_dir, names)
    for entry in staged.iterdir():
        fsync_tree(entry)
    fsync_path(staged, directory=True)
    for entry in staged.iterdir():  # links to what is not there yet are simply not found
        _point(output_dir / entry.name, f"{SETS_DIR}/{CURRENT}/{entry.name}")
    _point(sets / CURRENT, staged.name)  # the switch
    fsync_path(sets, directory=True)
    for path in _entries(output_dir, names):  # the other layout's links now lead nowhere
        if path.is_symlink() and not path.exists():
            path.unlink()
    remove_old_sets(output_dir)


def fsync_tree(path: Path) -> None:
    """Put a file, or every file of a folder, on the disk before the switch serves it."""
    if path.is_dir():
        for child in path.rglob("*"):
            if child.is_file():
                fsync_path(child)
    else:
        fsync_path(path)


def remove_old_sets(output_dir: Path) -> list[Path]:
    """Delete every set but the current one, and what killed runs left in the output folder.

    Only call this while holding the output folder's lock (``pipeline.locks``).
    """
    output_dir, sets = Path(output_dir), sets_folder(output_dir)
    current = _current_target(sets)
    removed: list[Path] = []
    leftovers = list(sets.iterdir()) if sets.is_dir() else []
    leftovers += list(output_dir.iterdir()) if output_dir.is_dir() else []
    for path in leftovers:
        if path.parent == sets:
            stale = path.name.startswith(SET_PREFIX) and path.name != current
        else:
            stale = bool(_LEFTOVER.match(path.name))
        stale = stale or is_temporary(path.name)
        if not stale:
            continue
        remove_path(path)
        removed.append(path)
    return removed
