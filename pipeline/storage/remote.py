"""Chunk tasks that read and write the store themselves, so workers need no shared disk.

When the work folder is a URL, the driver's local copy of it holds only the
small files it merges or commits with (``documents.jsonl``, ``rejects.jsonl``,
the inputs manifest, the chunk indexes); the chunk files (annotated DocBins,
claims, the tables stage's cached rows: the *payload*) live on the store only.
Every task of every stage then runs through ``run_remote``: each file path the
task names under one of the driver's local folders (``Place``) is fetched from
the store into the task's own temporary folder (a path the store lacks is an
output to be), the task runs on those copies, and each file it wrote is put
back with one put (a file a task reads only sometimes is fetched when it asks,
``fetch_now``). It returns its result and the size and SHA-256 of what it
put, never the files. Storage options travel with the task, so a worker needs
no environment of its own beyond what ``--storage-option`` does not give.

On the driver, ``RemoteWork`` answers the chunk stages' questions about the
payload from the store's listing (is a chunk there, with its recorded size?)
and removes the chunk objects no index names any more.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pipeline.config import ANNOTATED_DIR, CLAIMS_DIR
from pipeline.io import is_temporary
from pipeline.storage.stores import Store

R = TypeVar("R")

# The work folder's subfolders whose files are chunk payload (their index.json is not).
PAYLOAD_DIRS = (ANNOTATED_DIR, CLAIMS_DIR, "tables")
INDEXED_DIRS = (ANNOTATED_DIR, CLAIMS_DIR)  # the chunk indexes record these files


def is_payload(relative: str) -> bool:
    """Whether a work-folder file (relative POSIX path) is a chunk file kept on the store only."""
    head, _, rest = relative.partition("/")
    return head in PAYLOAD_DIRS and rest != "" and rest != "index.json"


@dataclass(frozen=True)
class Place:
    """A folder of the driver (``local``) standing for a folder of a store (``url``)."""

    local: str
    url: str
    option: str
    options: dict[str, Any] = field(default_factory=dict)

    def store(self) -> Store:
        return Store(self.url, self.option, self.options)


# Per process: one file system per place, opened on the first task that needs it.
_systems: dict[str, Any] = {}


def _fs(place: Place) -> Any:
    name = json.dumps([place.url, place.options], sort_keys=True, default=str)
    if name not in _systems:
        _systems[name] = place.store().fs()
    return _systems[name]


@dataclass
class _Scratch:
    """The task's copies: where each place's files go, and what each copy was when fetched."""

    root: Path
    places: tuple[Place, ...]
    fetched: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def move(self, value: Any) -> Any:
        """The task with every path under a place replaced by its fetched copy."""
        if isinstance(value, Path):
            for number, place in enumerate(self.places):
                if value.is_relative_to(place.local):
                    relative = value.relative_to(place.local).as_posix()
                    return self._fetch(number, place, "" if relative == "." else relative)
            return value
        if isinstance(value, tuple):
            return tuple(self.move(part) for part in value)
        if isinstance(value, list):
            return [self.move(part) for part in value]
        return value

    def _fetch(self, number: int, place: Place, relative: str) -> Path:
        target = self.root / str(number) / relative
        if not relative:
            target.mkdir(parents=True, exist_ok=True)
            return target
        target.parent.mkdir(parents=True, exist_ok=True)
        store = place.store()
        try:
            target.write_bytes(_fs(place).cat_file(store.key(relative)))
        except (FileNotFoundError, IsADirectoryError):
            return target  # not stored: an output the task will write
        except Exception as error:
            raise store.problem(error) from error
        stat = target.stat()
        self.fetched[target] = (stat.st_size, stat.st_mtime_ns)
        return target

    def put_written(self) -> dict[str, dict[str, Any]]:
        """Put each file the task wrote (one put each); driver path -> its size and SHA-256."""
        from pipeline.chunks import file_record

        records: dict[str, dict[str, Any]] = {}
        for number, place in enumerate(self.places):
            folder = self.root / str(number)
            for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
                if not path.is_file() or any(is_temporary(part) for part in path.parts):
                    continue
                stat = path.stat()
                if self.fetched.get(path) == (stat.st_size, stat.st_mtime_ns):
                    continue  # an input, as fetched
                relative = path.relative_to(folder).as_posix()
                store = place.store()
                try:
                    _fs(place).pipe_file(store.key(relative), path.read_bytes())
                except Exception as error:
                    raise store.problem(error) from error
                records[str(Path(place.local) / relative)] = file_record(path)
        return records

    def fetch_later(self, path: Path) -> None:
        """Fetch a copy the task found it needs while running (see ``fetch_now``)."""
        if path.exists() or not path.is_relative_to(self.root):
            return
        number, *parts = path.relative_to(self.root).parts
        self._fetch(int(number), self.places[int(number)], "/".join(parts))


# The copies of the task running in this thread, while ``run_remote`` runs it.
_scratch: ContextVar[_Scratch | None] = ContextVar("pipeline_task_scratch", default=None)


def fetch_now(paths: Iterable[Path]) -> None:
    """Fetch files a task reads only sometimes (the chunk files of a tables task whose
    cached rows are missing); nothing to do when the task runs on local folders."""
    scratch = _scratch.get()
    if scratch is None:
        return
    for path in paths:
        scratch.fetch_later(Path(path))


def run_remote(
    places: tuple[Place, ...], function: Callable[[Any], R], item: Any
) -> tuple[R, dict[str, dict[str, Any]], int]:
    """One task on copies fetched from the stores, its outputs put back; its result, the
    records of what it put and how many objects it fetched."""
    with tempfile.TemporaryDirectory(prefix="pipeline-task-") as folder:
        scratch = _Scratch(Path(folder), places)
        token = _scratch.set(scratch)
        try:
            result = function(scratch.move(item))
        finally:
            _scratch.reset(token)
        return result, scratch.put_written(), len(scratch.fetched)


@dataclass
class RemoteWork:
    """The driver's view of a work folder on a store: places for the tasks, listings, puts."""

    places: tuple[Place, ...]
    work: Place
    puts: int = 0  # objects the tasks put
    fetched: int = 0  # objects the tasks fetched
    _sizes: dict[str, dict[str, int]] = field(default_factory=dict)

    def relative(self, path: Path) -> str | None:
        path = Path(path)
        if not path.is_relative_to(self.work.local):
            return None
        return path.relative_to(self.work.local).as_posix()

    def _folder(self, folder: str) -> dict[str, int]:
        """name -> size of the objects in one work subfolder (listed once, then kept)."""
        if folder not in self._sizes:
            store = self.work.store()
            fs = _fs(self.work)
            fs.invalidate_cache()
            try:
                found = fs.ls(store.key(folder), detail=True)
            except FileNotFoundError:
                found = []
            except Exception as error:
                raise store.problem(error) from error
            self._sizes[folder] = {
                str(info["name"]).rsplit("/", 1)[-1]: int(info.get("size") or 0)
                for info in found
                if info.get("type", "file") == "file"
            }
        return self._sizes[folder]

    def size(self, path: Path) -> int | None:
        """The size of the stored object a driver path stands for, or None when there is none."""
        relative = self.relative(path)
        if relative is None or "/" not in relative:
            return None
        folder, name = relative.rsplit("/", 1)
        return self._folder(folder).get(name)

    def remove(self, paths: list[Path]) -> None:
        """Delete the objects of damaged chunk files, so they are computed again."""
        store = self.work.store()
        keys = [store.key(rel) for rel in map(self.relative, paths) if rel is not None]
        for key in keys:
            with suppress(FileNotFoundError):  # an object that is not there is no error here
                _fs(self.work).rm(key)
        self._sizes.clear()

    def remove_stale(self, folder: Path, keep: set[str], suffix: str) -> int:
        """Delete the objects of a work subfolder with ``suffix`` that no chunk keeps."""
        relative = self.relative(folder)
        if relative is None:
            return 0
        self._sizes.pop(relative, None)  # list again: the tasks have put new objects
        store = self.work.store()
        stale = [
            store.key(f"{relative}/{name}")
            for name in sorted(self._folder(relative))
            if name.endswith(suffix) and name not in keep
        ]
        if stale:
            _fs(self.work).rm(stale)
        self._sizes.pop(relative, None)
        return len(stale)

    def received(self, records: dict[str, dict[str, Any]], fetched: int = 0) -> None:
        """A task's traffic: puts and fetches counted, the indexed puts kept for the index."""
        from pipeline.chunks import remember

        self.puts += len(records)
        self.fetched += fetched
        for name, record in records.items():
            relative = self.relative(Path(name)) or ""
            if relative.split("/", 1)[0] in INDEXED_DIRS:
                remember(Path(name), record)


_active: ContextVar[RemoteWork | None] = ContextVar("pipeline_remote_work", default=None)


def active_work() -> RemoteWork | None:
    """The work folder on a store that this run's tasks read and write, if any."""
    return _active.get()


@contextmanager
def remote_work(work: RemoteWork) -> Iterator[RemoteWork]:
    token = _active.set(work)
    try:
        yield work
    finally:
        _active.reset(token)
