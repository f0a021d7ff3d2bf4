"""Copies between a store and a local folder: downloads by ETag, uploads in one put each.

The driver's stages run on local copies (of the work folder: its small files
only; the chunk files stay on the store, see ``pipeline.storage.remote``). A
download sets each file's modification time from the object's ETag (or
checksum), so normalise's manifest (size and modification time) tells a
changed object by its ETag, not by when it was fetched. An upload sends only
files whose MD5 differs from the object's ETag (for an object written in one
put, its ETag is its MD5; a copy untouched since it was fetched or put still
carries the object's tag), each with one put: object stores have no rename,
and a put replaces a whole object at once. Index
files go last, so an index never names an object that is not there yet.

The local copies are kept between runs (a cache): a download fetches only the
objects whose size or tag differs from the copy's (the copy's modification
time records the tag it was fetched or put with) and removes the copies of
objects that are gone, so a rerun with nothing changed fetches nothing.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pipeline.chunks import INDEX_FILE
from pipeline.io import is_temporary
from pipeline.locks import LOCK_FILE
from pipeline.storage.stores import Store

Skip = Callable[[str], bool]  # relative POSIX path -> whether the mirror leaves it alone

# Files a stage commits with (written last): chunk indexes and the inputs manifest.
LAST = (INDEX_FILE, "inputs.json")


def object_tag(info: dict[str, Any]) -> str:
    """The store's content tag of an object: ETag (S3), md5/crc32c (GCS), else size and time."""
    for key in ("ETag", "etag", "md5Hash", "crc32c", "checksum"):
        if info.get(key):
            return str(info[key]).strip('"')
    return f"{info.get('size')}-{info.get('LastModified') or info.get('mtime')}"


def tag_time_ns(tag: str) -> int:
    """A modification time (between 2001 and 2033) that changes whenever the tag does."""
    number = int(hashlib.sha256(tag.encode("utf-8")).hexdigest()[:15], 16)
    return (1_000_000_000 + number % 1_000_000_000) * 1_000_000_000


def listing(store: Store, fs: Any) -> dict[str, dict[str, Any]]:
    """relative POSIX path -> info of every object under the store's root."""
    fs.invalidate_cache()
    try:
        found = fs.find(store.key(), detail=True)
    except FileNotFoundError:
        return {}
    except Exception as error:
        raise store.problem(error) from error
    prefix = store.key() + "/"
    return {
        name[len(prefix) :]: info
        for name, info in found.items()
        if name.startswith(prefix) and info.get("type", "file") == "file"
    }


def download(store: Store, fs: Any, local: Path, skip: Skip | None = None) -> tuple[Path, int]:
    """Bring ``local`` up to date with the objects under the store's root (or the one object
    it names); return the local path standing for the root and how many objects were fetched.

    Objects whose relative path ``skip`` names stay on the store (and no local copy of
    them is kept): the chunk files of a work folder, which the tasks fetch themselves.
    """
    local.mkdir(parents=True, exist_ok=True)
    try:
        single = fs.isfile(store.key())
        if single:
            name = store.key().rsplit("/", 1)[-1]
            wanted = {name: fs.info(store.key())}
        else:
            wanted = listing(store, fs)
            wanted = {name: info for name, info in wanted.items() if not (skip and skip(name))}
    except Exception as error:
        raise store.problem(error) from error
    fetched = 0
    for relative, info in sorted(wanted.items()):
        key = store.key() if single else store.key(relative)
        fetched += _fetch(store, fs, key, info, local / relative)
    for name in set(local_files(local)) - set(wanted):  # objects deleted from the store
        (local / name).unlink()
    return (local / next(iter(wanted)) if single else local), fetched


def _fetch(store: Store, fs: Any, key: str, info: dict[str, Any], target: Path) -> int:
    """Copy one object unless the local copy already holds it; return 1 if it was fetched."""
    stamp = tag_time_ns(object_tag(info))
    if target.is_file() and (target.stat().st_size, target.stat().st_mtime_ns) == (
        info.get("size"),
        stamp,
    ):
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        target.write_bytes(fs.cat_file(key))
    except Exception as error:
        raise store.problem(error) from error
    os.utime(target, ns=(stamp, stamp))
    return 1


def local_files(local: Path) -> list[str]:
    """Relative POSIX paths of the files to upload: no locks, no temporary files."""
    names = []
    for path in sorted(local.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        if path.name == LOCK_FILE or any(is_temporary(part) for part in path.parts):
            continue
        names.append(path.relative_to(local).as_posix())
    return names


def _unchanged(path: Path, info: dict[str, Any] | None) -> bool:
    """Whether the object already holds the file: the copy still carries the object's tag
    (untouched since fetched or put), or its MD5 is the tag (a one-put object)."""
    if info is None:
        return False
    tag, stat = object_tag(info), path.stat()
    if (stat.st_size, stat.st_mtime_ns) == (info.get("size"), tag_time_ns(tag)):
        return True
    if stat.st_size != info.get("size"):
        return False
    digest = hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()
    if digest != tag:
        return False
    os.utime(path, ns=(tag_time_ns(tag), tag_time_ns(tag)))  # rewritten with the same bytes
    return True


def upload(
    local: Path, store: Store, fs: Any, delete: bool = True, skip: Skip | None = None
) -> int:
    """Put every changed file of ``local`` under the store's root, indexes last; return puts.

    With ``delete``, objects with no local file are removed afterwards (chunks of
    earlier runs that the stages removed). Paths ``skip`` names are left alone.
    """
    remote = {name: info for name, info in listing(store, fs).items() if not (skip and skip(name))}
    names = [name for name in local_files(local) if not (skip and skip(name))]
    ordered = [n for n in names if n.rsplit("/", 1)[-1] not in LAST]
    ordered += [n for n in names if n.rsplit("/", 1)[-1] in LAST]
    puts = 0
    for name in ordered:
        if _unchanged(local / name, remote.get(name)):
            continue
        try:
            fs.pipe_file(store.key(name), (local / name).read_bytes())
            tag = object_tag(fs.info(store.key(name), refresh=True))
        except Exception as error:
            raise store.problem(error) from error
        puts += 1
        stamp = tag_time_ns(tag)  # the copy now holds what the object holds
        os.utime(local / name, ns=(stamp, stamp))
    if delete:
        stale = sorted(set(remote) - set(names))
        if stale:
            fs.rm([store.key(name) for name in stale])
    return puts
