"""The one runner of the chunked stages (annotate, extract).

A chunked stage lists its chunks in document order, hands the ones not stored
yet to a worker (through the engine in use: this process, local worker
processes or a Dask cluster, see ``pipeline.engines``), then writes its
``index.json`` and removes the files no chunk names any more. The stage only
says what a chunk is and how one is processed: a ``ChunkWorker``.

A chunk whose task fails stops the run before the index is written: the
chunks finished are kept, so running the stage again computes only the others.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Protocol, TypeVar

from pipeline.chunks import ChunkRun, remove_stale, write_index
from pipeline.config import PipelineError
from pipeline.parallel import ordered_map
from pipeline.progress import Progress

T = TypeVar("T")
T_contra = TypeVar("T_contra", contravariant=True)


class ChunkWorker(Protocol[T_contra]):
    """Processes whole chunks; built in the main process, started in each worker process."""

    name: str  # the stage, for the progress bar
    suffixes: tuple[str, ...]  # the endings of the files it stores, for the clean-up

    def start(self) -> None:
        """Load what every chunk needs (a spaCy pipeline, the rules) once per process."""

    def __call__(self, task: T_contra) -> tuple[int, int]:
        """Process one chunk and store its files; return (documents, words)."""


# The worker of this process, set by ``_start`` before any chunk arrives.
_current: list[ChunkWorker[Any]] = []


def _start(worker: ChunkWorker[Any]) -> None:
    worker.start()
    _current[:] = [worker]


class ChunkFailed(PipelineError):
    """A chunk's task raised: the stage stops without writing its index."""


def _process(task: Any) -> tuple[int, int]:
    """One chunk, in a worker; an error names the chunk, whichever process it came from."""
    worker = _current[0]
    try:
        return worker(task)
    except Exception as error:
        raise ChunkFailed(
            f"{worker.name}: chunk {chunk_label(task)} failed: {type(error).__name__}: {error}"
        ) from error


def chunk_label(task: Any) -> str:
    """A chunk task's first file name (its key), else a short description."""
    for part in task if isinstance(task, tuple) else (task,):
        if isinstance(part, Path):
            return part.name
    return repr(task)[:80]


def run_chunk_stage(
    worker: ChunkWorker[T],
    folder: Path,
    entries: list[dict[str, Any]],
    todo: Iterable[T],
    stored: Callable[[dict[str, Any]], Iterable[str]],
    jobs: int = 1,
    progress: bool = False,
) -> ChunkRun:
    """Process the chunks in ``todo``, then index ``entries`` and drop stale files.

    ``entries`` lists every chunk of the run in document order; it may be filled
    while ``todo`` is consumed. ``stored(entry)`` names the files an entry keeps.
    """
    processed = 0
    with Progress(worker.name, enabled=progress) as bar:
        try:
            for documents, words in ordered_map(_process, todo, jobs, _start, (worker,)):
                bar.update(documents, words)
                processed += 1
        except ChunkFailed as error:
            raise _stopped(worker.name, error) from error
        except PipelineError:
            raise  # a problem of the settings or knowledge, already worded for the user
        except Exception as error:  # a worker process died, the cluster went away
            raise _stopped(worker.name, error) from error
    keep = {name for entry in entries for name in stored(entry)}
    write_index(folder, entries, keep)
    for suffix in worker.suffixes:
        remove_stale(folder, keep, suffix)
    total = sum(len(entry["doc_ids"]) for entry in entries)
    return ChunkRun(total, len(entries), len(entries) - processed)


def _stopped(stage: str, error: Exception) -> ChunkFailed:
    """The error that ends a stage run whose chunk (or worker) failed: what is kept, what next."""
    reason = str(error) if isinstance(error, ChunkFailed) else f"{type(error).__name__}: {error}"
    if not isinstance(error, ChunkFailed):
        reason = f"{stage}: a worker failed: {reason}"
    return ChunkFailed(
        f"{reason}. The index was not written; the chunks already finished are kept, "
        f"so `pipeline {stage}` (or `pipeline run`) again computes only the missing ones"
    )
