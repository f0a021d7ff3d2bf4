"""Walk an input folder: every file to read, and a reject for every entry not read.

Links to folders are followed (a user who links a folder into the input expects its
articles read), with a guard against links that lead back into themselves. Hidden
entries are skipped, but like every other skipped entry they are recorded.
"""

from __future__ import annotations

import errno
import logging
import os
from pathlib import Path

from pipeline.records import Reject

log = logging.getLogger(__name__)
# The folders a folder sits in, each as (device, inode): the guard against loops.
_Keys = tuple[tuple[int, int], ...]


def walk_folder(folder: Path) -> tuple[list[tuple[str, Path]], list[Reject]]:
    """Every file under ``folder``, following links to folders; sorted by relative POSIX path.

    Nothing is skipped without a trace: hidden entries, links that lead in a circle
    or nowhere, and folders that cannot be listed are rejects, each with a log line.
    """
    walk = _Walk(folder)
    pending: list[tuple[Path, _Keys]] = [(folder, (_folder_key(folder),))]
    while pending:  # a loop, not recursion: folders may nest deeper than Python recurses
        path, above = pending.pop()
        pending.extend(walk.folder(path, above))
    for reject in walk.skipped:
        log.warning("skipped %s: %s (%s)", reject.source, reject.reason, reject.detail)
    return sorted(walk.found), sorted(walk.skipped, key=lambda reject: reject.source)


def _folder_key(path: Path) -> tuple[int, int]:
    """What identifies a folder however it is reached: its device and inode."""
    status = path.stat()
    return status.st_dev, status.st_ino


class _Walk:
    """One walk of an input folder: the files found and the entries skipped."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.found: list[tuple[str, Path]] = []
        self.skipped: list[Reject] = []

    def source(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix() if path != self.root else "."

    def skip(self, path: Path, reason: str, detail: str) -> None:
        self.skipped.append(Reject(self.source(path), reason, detail))

    def folder(self, path: Path, above: _Keys) -> list[tuple[Path, _Keys]]:
        """List one folder; ``above`` identifies it and the folders it sits in (loop guard).
        Returns the folders in it still to walk."""
        try:
            entries = list(os.scandir(path))
        except OSError as error:
            self.skip(path, "unreadable", f"cannot list the folder ({error.strerror or error})")
            return []
        inner = (self.entry(Path(entry.path), entry, above) for entry in entries)
        return [folder for folder in inner if folder is not None]

    def entry(self, path: Path, entry: os.DirEntry[str], above: _Keys) -> tuple[Path, _Keys] | None:
        """Record a file or a skipped entry; a folder to walk is returned instead."""
        if entry.name.startswith("."):
            what = "folder" if entry.is_dir() else "file"
            self.skip(
                path,
                "skipped_hidden",
                f"hidden {what} (its name starts with a dot) is not read; "
                "rename it without the dot to include it",
            )
            return None
        try:
            key = _folder_key(path) if entry.is_dir() else None  # both follow links
            if key is None and entry.is_symlink():
                os.stat(path)  # a link to a file: check it leads somewhere
        except OSError as error:
            self.link_failure(path, error)
            return None
        if key is None:
            self.found.append((self.source(path), path))
        elif key in above:
            target = os.readlink(path) if path.is_symlink() else path.name
            self.skip(
                path,
                "symlink_loop",
                f"the link leads back to a folder that holds it ({target}); it is not followed",
            )
        else:
            return path, (*above, key)
        return None

    def link_failure(self, path: Path, error: OSError) -> None:
        """A link that cannot be followed, or an entry that cannot be looked at."""
        if error.errno == errno.ELOOP:
            self.skip(
                path, "symlink_loop", f"the link goes round in a circle ({os.readlink(path)})"
            )
        elif error.errno == errno.ENOENT and path.is_symlink():
            self.skip(
                path, "broken_link", f"the link points at {os.readlink(path)}, which is missing"
            )
        else:
            self.skip(path, "unreadable", f"cannot read the entry ({error.strerror or error})")
