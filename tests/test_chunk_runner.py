"""The shared runner of the chunked stages: process what is new, index, clean up."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from pipeline.chunk_runner import ChunkFailed, run_chunk_stage
from pipeline.chunks import INDEX_FILE


@dataclass
class CountingWorker:
    """Writes one file per chunk and remembers what it was given."""

    name: str = "count"
    suffixes: tuple[str, ...] = (".txt",)
    started: int = 0
    seen: list[str] = field(default_factory=list)

    def start(self) -> None:
        self.started += 1

    def __call__(self, task: tuple[Path, list[str]]) -> tuple[int, int]:
        target, doc_ids = task
        target.write_text(" ".join(doc_ids), encoding="utf-8")
        self.seen.append(target.name)
        return len(doc_ids), 10 * len(doc_ids)


def _run(folder: Path, chunks: dict[str, list[str]], worker: CountingWorker) -> Any:
    entries = [{"key": key, "doc_ids": doc_ids} for key, doc_ids in chunks.items()]
    todo = (
        (folder / f"{entry['key']}.txt", entry["doc_ids"])
        for entry in entries
        if not (folder / f"{entry['key']}.txt").exists()
    )
    return run_chunk_stage(worker, folder, entries, todo, lambda e: [f"{e['key']}.txt"])


def test_chunk_runner_processes_new_chunks_and_reuses_stored_ones(tmp_path: Path) -> None:
    first = CountingWorker()
    done = _run(tmp_path, {"a": ["d1", "d2"], "b": ["d3"]}, first)
    assert (done.documents, done.chunks, done.reused) == (3, 2, 0)
    assert first.started == 1
    again = CountingWorker()
    done = _run(tmp_path, {"a": ["d1", "d2"], "c": ["d4"]}, again)
    assert (done.documents, done.chunks, done.reused) == (3, 2, 1)
    assert again.seen == ["c.txt"]
    assert sorted(path.name for path in tmp_path.glob("*.txt")) == ["a.txt", "c.txt"]
    index = json.loads((tmp_path / INDEX_FILE).read_text(encoding="utf-8"))
    assert [entry["key"] for entry in index["chunks"]] == ["a", "c"]


@dataclass
class FailingWorker(CountingWorker):
    """Fails on the chunk named ``bad``."""

    bad: str = "b.txt"

    def __call__(self, task: tuple[Path, list[str]]) -> tuple[int, int]:
        if task[0].name == self.bad:
            raise OSError("disk went away")
        return super().__call__(task)


def test_chunk_runner_failed_chunk_is_named_and_no_index_is_written(tmp_path: Path) -> None:
    with pytest.raises(ChunkFailed, match=r"count: chunk b\.txt failed: OSError: disk went away"):
        _run(tmp_path, {"a": ["d1"], "b": ["d2"], "c": ["d3"]}, FailingWorker())
    assert not (tmp_path / INDEX_FILE).exists()
    assert (tmp_path / "a.txt").exists()  # the chunks done are kept
    rerun = CountingWorker()
    done = _run(tmp_path, {"a": ["d1"], "b": ["d2"], "c": ["d3"]}, rerun)
    assert rerun.seen == ["b.txt", "c.txt"]
    assert (done.chunks, done.reused) == (3, 1)
