"""Chunks: the unit of work, caching and parallelism between normalise and tables.

The annotate and extract stages cut the document stream into chunks and store
one output file per chunk, named by a hash of everything that determines it
(the chunk's documents, the settings, the knowledge files and the stage's
code). A rerun reuses every file whose name it would compute again, so after
one input changes only the chunk holding its documents is processed.

Chunk boundaries depend on document ids, not positions: a boundary follows a
document whose id hashes to 0 modulo the target size (and any chunk reaching
four times the target is cut). Adding, removing or editing one file therefore
moves no boundary outside its own chunk.

Each chunked stage writes an ``index.json`` listing its chunks in document
order; the index is written last, so it names only files that are complete.
The index also records the size and SHA-256 of every chunk file: a rerun
reuses a file only if it still matches (a truncated or damaged file is
computed again, with a warning naming it). A file written by a run killed
before its index has no record; it was fsynced before it got its name, so it
is reused as it is, unless it is empty.
"""

from __future__ import annotations

import hashlib
import json
import logging
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.config import PACKAGE_DIR, PipelineError
from pipeline.io import atomic_text
from pipeline.records import Document

log = logging.getLogger(__name__)

INDEX_FILE = "index.json"
DEFAULT_CHUNK_SIZE = 64
MAX_CHUNK_FACTOR = 4


@dataclass(frozen=True)
class ChunkRun:
    """What a chunked stage did: documents covered, chunks in all, chunks reused."""

    documents: int
    chunks: int
    reused: int

    def summary(self) -> str:
        return f"{self.documents} documents ({self.reused} of {self.chunks} chunks reused)"


@dataclass(frozen=True)
class Chunk:
    """Consecutive documents processed and stored together."""

    key: str
    documents: list[Document]

    @property
    def doc_ids(self) -> list[str]:
        return [document.doc_id for document in self.documents]


def split_documents(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """Consecutive runs of about ``size`` documents, cut where the doc ids say."""
    if size < 1:
        raise ValueError(f"chunk size must be at least 1, not {size}")
    current: list[Document] = []
    for document in documents:
        current.append(document)
        boundary = zlib.crc32(document.doc_id.encode("utf-8")) % size == 0
        if boundary or len(current) >= MAX_CHUNK_FACTOR * size:
            yield current
            current = []
    if current:
        yield current


def chunk_key(fingerprint: str, documents: Iterable[Document]) -> str:
    """A name that changes whenever the chunk's content or the stage's inputs change."""
    digest = hashlib.sha256(fingerprint.encode("utf-8"))
    for document in documents:
        record = json.dumps(document.to_dict(), ensure_ascii=False, sort_keys=True)
        digest.update(record.encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()[:32]


def make_chunks(
    documents: Iterable[Document], fingerprint: str, size: int = DEFAULT_CHUNK_SIZE
) -> Iterator[Chunk]:
    """The document stream as keyed chunks."""
    for run in split_documents(documents, size):
        yield Chunk(chunk_key(fingerprint, run), run)


def fingerprint(*parts: Any, files: Iterable[Path] = ()) -> str:
    """Hash of settings values and file contents: what a stage's output depends on."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(json.dumps(part, sort_keys=True, default=str).encode("utf-8"))
        digest.update(b"\x1f")
    for path in files:
        digest.update(str(path.name).encode("utf-8"))
        digest.update(Path(path).read_bytes())
        digest.update(b"\x1f")
    return digest.hexdigest()


def code_files(*packages: str) -> list[Path]:
    """The source files of the named subpackages plus the shared modules, in a stable order.

    A change to the rules must invalidate cached chunks even when no data changed.
    """
    shared = sorted(PACKAGE_DIR.glob("*.py")) + sorted((PACKAGE_DIR / "knowledge").glob("*.py"))
    own = [path for name in packages for path in sorted((PACKAGE_DIR / name).rglob("*.py"))]
    return shared + own


# Size and checksum of the files found intact by ``reusable`` in this process, by path.
_verified: dict[str, dict[str, Any]] = {}


def file_record(path: Path) -> dict[str, Any]:
    """What the index keeps of a chunk file to tell later whether it is still whole."""
    with open(path, "rb") as handle:
        digest = hashlib.file_digest(handle, "sha256").hexdigest()
    return {"bytes": Path(path).stat().st_size, "sha256": digest}


def read_records(folder: Path) -> dict[str, dict[str, Any]]:
    """The file records of a stage folder's last index (empty when it has none)."""
    try:
        data = json.loads((Path(folder) / INDEX_FILE).read_text(encoding="utf-8"))
        return dict(data.get("files", {}))
    except (OSError, ValueError, AttributeError, TypeError):
        return {}


def damage(path: Path, record: dict[str, Any]) -> str | None:
    """What is wrong with a chunk file against its record; the size is checked first."""
    size = path.stat().st_size
    if size != record.get("bytes"):
        return f"{size} bytes, {record.get('bytes')} recorded"
    if file_record(path)["sha256"] != record.get("sha256"):
        return "its checksum differs from the recorded one"
    return None


def _problem(file: Path, record: dict[str, Any] | None, chunk: bool) -> str | None:
    if record is None:  # written atomically by a run killed before its index: whole
        empty = chunk and not file.stat().st_size
        return "empty, and no index records it" if empty else None  # cheap to redo
    return "it is missing" if not file.is_file() else damage(file, record)


def reusable(path: Path, records: dict[str, dict[str, Any]]) -> bool:
    """Whether a stored chunk file (and its failures list) may be reused as it is.

    A file that does not match its record is deleted, with a warning, so the
    stage computes it again.
    """
    path = Path(path)
    if not path.is_file():
        return _stored_elsewhere(path, records)
    companions = [path, failures_path(path)]
    for file in companions:
        record = records.get(file.name)
        problem = _problem(file, record, file == path)
        if problem is not None:
            log.warning("%s is damaged (%s); computing it again", file, problem)
            for companion in companions:
                companion.unlink(missing_ok=True)
                _verified.pop(str(companion), None)
            return False
        if record is not None:
            _verified[str(file)] = record
    return True


def _stored_elsewhere(path: Path, records: dict[str, dict[str, Any]]) -> bool:
    """``reusable`` for a chunk file kept on the store only (a work folder given as a URL):
    the object and its failures list must have the sizes the index records (a listing)."""
    from pipeline.storage.remote import active_work

    work = active_work()
    if work is None or work.size(path) is None:
        return False
    companions = [path, failures_path(path)]
    for file in companions:
        record, size = records.get(file.name), work.size(file)
        if record is None:  # put by a task of a run killed before its index: whole
            problem = "empty, and no index records it" if file == path and not size else None
        else:
            problem = "it is missing" if size is None else None
            if size is not None and size != record.get("bytes"):
                problem = f"{size} bytes, {record.get('bytes')} recorded"
        if problem is not None:
            log.warning("%s is damaged (%s); computing it again", file, problem)
            work.remove(companions)
            return False
        if record is not None:
            remember(file, record)
    return True


def remember(path: Path, record: dict[str, Any]) -> None:
    """The size and checksum of a chunk file known to be whole, for the stage's index."""
    _verified[str(path)] = record


def write_index(
    folder: Path, entries: list[dict[str, Any]], names: Iterable[str] | None = None
) -> None:
    """Record the chunks of a finished stage run, in document order, with the size and
    checksum of each file in ``names`` (the files the chunks keep)."""
    folder = Path(folder)
    files: dict[str, dict[str, Any]] = {}
    for name in sorted(names or ()):
        path = folder / name
        verified = _verified.pop(str(path), None)
        if verified:  # found whole by ``reusable``, or put by a task on a store
            files[name] = verified
        elif path.is_file():
            files[name] = file_record(path)
    with atomic_text(folder / INDEX_FILE) as out:
        json.dump({"chunks": entries, "files": files}, out, ensure_ascii=False, indent=0)


def read_index(folder: Path, produced_by: str) -> list[dict[str, Any]]:
    """The chunk entries of a stage output folder, or an error naming the command to run."""
    path = Path(folder) / INDEX_FILE
    if not path.is_file():
        raise FileNotFoundError(f"{path} not found: run `{produced_by}` first")
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))["chunks"]
    except (json.JSONDecodeError, KeyError, TypeError) as error:
        raise PipelineError(f"{path} is damaged ({error}); run `{produced_by}` again") from error
    return list(entries)


def remove_stale(folder: Path, keep: set[str], suffix: str) -> int:
    """Delete chunk files no longer listed, so the folder does not grow run after run."""
    from pipeline.storage.remote import active_work

    removed = 0
    for path in Path(folder).glob(f"*{suffix}"):
        if path.name not in keep:
            path.unlink()
            removed += 1
    work = active_work()  # a work folder on a store: its chunk objects
    return removed + (work.remove_stale(Path(folder), keep, suffix) if work else 0)


# Documents a stage failed on, beside the chunk file they are missing from (absent when none).
FAILURES_SUFFIX = ".failures.json"


def failures_path(chunk_file: Path) -> Path:
    """Where the documents a chunk file lacks because a stage failed on them are listed."""
    name = Path(chunk_file).name
    return Path(chunk_file).with_name(name[: name.rfind(".")] + FAILURES_SUFFIX)


def read_failures(chunk_file: Path) -> dict[str, str]:
    """doc_id -> what went wrong, for one chunk file; empty when nothing failed."""
    path = failures_path(chunk_file)
    if not path.is_file():
        return {}
    return dict(json.loads(path.read_text(encoding="utf-8")))


def write_failures(chunk_file: Path, failures: dict[str, str]) -> None:
    """List the failed documents beside the chunk file, or remove an old list."""
    path = failures_path(chunk_file)
    if not failures:
        path.unlink(missing_ok=True)
        return
    with atomic_text(path) as out:
        json.dump(failures, out, ensure_ascii=False, sort_keys=True)
