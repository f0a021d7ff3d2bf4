"""What the last normalise run read, so a rerun re-reads only inputs that changed.

``inputs.json`` in the work folder lists every input file of the last run in
order, with its size and modification time (the signature ``make`` and
rsync use) and how many documents and rejects it gave. Those rows sit in the
same order in ``documents.jsonl`` and ``rejects.jsonl``, so an unchanged
file's rows can be copied from there instead of reading and cleaning the
file again. A change of settings, boilerplate rules or code (the
fingerprint) makes every file count as changed.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from pipeline.io import atomic_text

MANIFEST_FILE = "inputs.json"


@dataclass(frozen=True)
class InputEntry:
    """One input file as the last run saw it, and how many rows it gave."""

    source: str
    size: int
    mtime_ns: int
    documents: int
    rejects: int

    def same_file(self, size: int, mtime_ns: int) -> bool:
        return (self.size, self.mtime_ns) == (size, mtime_ns)


def signature(path: Path) -> tuple[int, int]:
    """Size and modification time; (-1, -1) when the file cannot be stat'ed (never reused)."""
    try:
        stat = os.stat(path)
    except OSError:
        return -1, -1
    return stat.st_size, stat.st_mtime_ns


@dataclass(frozen=True)
class Manifest:
    """The inputs of one run; ``listing_rejects`` folders that could not be listed come first
    in rejects.jsonl, before any file's rows."""

    fingerprint: str
    listing_rejects: int
    inputs: list[InputEntry]


def read_manifest(work_dir: Path, fingerprint: str) -> Manifest | None:
    """The last run's manifest, or None when it used other settings or left none."""
    path = Path(work_dir) / MANIFEST_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        inputs = [InputEntry(**entry) for entry in data["inputs"]]
        manifest = Manifest(data["fingerprint"], int(data["listing_rejects"]), inputs)
    except (OSError, ValueError, KeyError, TypeError):
        return None  # no usable manifest: everything is read again, nothing is lost
    return manifest if manifest.fingerprint == fingerprint else None


def write_manifest(work_dir: Path, manifest: Manifest) -> None:
    data = {
        "fingerprint": manifest.fingerprint,
        "listing_rejects": manifest.listing_rejects,
        "inputs": [asdict(entry) for entry in manifest.inputs],
    }
    with atomic_text(Path(work_dir) / MANIFEST_FILE) as out:
        json.dump(data, out)


class PreviousRows:
    """The last run's rows per input, read forward in step with the new run's inputs.

    Both runs list inputs sorted by source, so one forward pass over the old
    files finds every reusable input's rows; inputs that were removed or
    changed are skipped over.
    """

    def __init__(self, work_dir: Path, manifest: Manifest, names: tuple[str, str]) -> None:
        self._entries = iter(manifest.inputs)
        self._documents = _lines(Path(work_dir) / names[0])
        self._rejects = _lines(Path(work_dir) / names[1])
        for _ in range(manifest.listing_rejects):
            next(self._rejects)

    def rows(self, source: str) -> tuple[list[str], list[str]]:
        """The document and reject lines of ``source``; the entry must be in the manifest."""
        for entry in self._entries:
            documents = [next(self._documents) for _ in range(entry.documents)]
            rejects = [next(self._rejects) for _ in range(entry.rejects)]
            if entry.source == source:
                return documents, rejects
        raise KeyError(source)


def _lines(path: Path) -> Iterator[str]:
    if not path.is_file():
        return
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield line
