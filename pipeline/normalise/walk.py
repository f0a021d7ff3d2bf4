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


def walk_folder(folder: Path) -> tuple[list[tuple[str, Path]], list[Reject]]:
    """Every file under ``folder``, following links to folders; sorted by relative POSIX path.

    Nothing is skipped without a trace: hidden entries, links that lead in a circle
    or nowhere, and folders that cannot be listed are rejects, each with a log line.
    """
    walk = _Walk(folder)
    walk.folder(folder, (_folder_key(folder),))
    for reject in walk.skipped:
        log.warning("skipped %s: %s (%s)", reject.source, reject.reason, reject.detail)
    return sorted(walk.found), sorted(walk.skipped, key=lambda reject: reject.source)


def _folder_key(path: Path) -> tuple[int, int]:
    """What identifies a folder however it is reached: its device and inode."""
    status = path.stat()
    return status.st_dev, status.st_ino


_Keys = tuple[tuple[int, int], ...]


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

    def folder(self, path: Path, above: _Keys) -> None:
        """Walk one folder; ``above`` identifies it and the folders it sits in (loop guard)."""
        try:
            entries = sorted(os.scandir(path), key=lambda entry: entry.name)
        except OSError as error:
            self.skip(path, "unreadable", f"cannot list the folder ({error.strerror or error})")
            return
        for entry in entries:
            self.entry(Path(entry.path), entry, above)

    def entry(
        self, path: Path, entry: os.DirEntry[str], above: tuple[tuple[int, int], ...]
    ) -> None:
        if entry.name.startswith("."):
            what = "folder" if entry.is_dir() else "file"
            self.skip(
                path,
                "skipped_hidden",
                f"hidden {what} (its name starts with a dot) is not read; "
                "rename it without the dot to include it",
            )
            return
        try:
            key = _folder_key(path) if entry.is_dir() else None  # both follow links
            if key is None and entry.is_symlink():
                os.stat(path)  # a link to a file: check it leads somewhere
        except OSError as error:
            self.link_failure(path, error)
            return
        if key is None:
            self.found.append((self.source(path), path))
        elif key in above:
            self.skip(
                path,
                "symlink_loop",
                f"the link leads back to a folder that holds it ({os.readlink(path)}); "
                "it is not followed",
            )
        else:
            self.folder(path, (*above, key))

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
