"""Chunk files under faults: fsynced before the rename, and verified when a rerun reuses them."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from pipeline.chunks import INDEX_FILE, file_record
from pipeline.cli import cli
from pipeline.config import ANNOTATED_DIR, CLAIMS_DIR, load_settings
from pipeline.io import atomic_text
from pipeline.knowledge.bundle import load_knowledge
from pipeline.run import run_pipeline
from pipeline.workfolder import WorkFolderError

pytestmark = pytest.mark.integration

ARTICLES = {
    "a.txt": "Border Talks Falter\n\nPutin demanded that Kyiv withdraw its troops. "
    "Zelensky rejected the demand on Friday.\n",
    "b.txt": "Aid Package Debated\n\nTrump urged Congress to approve new aid. "
    "Lavrov dismissed the plan as a provocation.\n",
}


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def run(corpus: Path, tmp_path: Path) -> int:
    """One whole run into tmp_path/out with the work folder tmp_path/work; the claims it found."""
    done = run_pipeline(
        load_settings(), load_knowledge(), corpus, tmp_path / "out", tmp_path / "work"
    )
    return done.tables["claims"]


def stored(work: Path, folder: str, suffix: str) -> list[Path]:
    return sorted(path for path in (work / folder).iterdir() if path.name.endswith(suffix))


@pytest.mark.parametrize(("folder", "suffix"), [(CLAIMS_DIR, ".jsonl"), (ANNOTATED_DIR, ".spacy")])
def test_chunks_empty_chunk_file_is_computed_again(
    corpus: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture, folder: str, suffix: str
) -> None:
    claims = run(corpus, tmp_path)
    assert claims > 0
    damaged = [path for path in stored(tmp_path / "work", folder, suffix) if path.stat().st_size]
    for path in damaged:
        path.write_bytes(b"")  # truncated, as a crashed disk or a careless copy leaves it
    with caplog.at_level(logging.WARNING, logger="pipeline.chunks"):
        assert run(corpus, tmp_path) == claims
    assert all(f"{path} is damaged" in caplog.text for path in damaged)
    assert all(path.stat().st_size for path in damaged)


def test_chunks_index_records_size_and_checksum_of_every_file(corpus: Path, tmp_path: Path) -> None:
    run(corpus, tmp_path)
    for folder, suffix in ((ANNOTATED_DIR, ".spacy"), (CLAIMS_DIR, ".jsonl")):
        index = json.loads((tmp_path / "work" / folder / INDEX_FILE).read_text(encoding="utf-8"))
        files = stored(tmp_path / "work", folder, suffix)
        assert files
        assert index["files"] == {path.name: file_record(path) for path in files}


def test_chunks_flipped_byte_is_found_by_the_checksum(
    corpus: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    claims = run(corpus, tmp_path)
    target = next(p for p in stored(tmp_path / "work", CLAIMS_DIR, ".jsonl") if p.stat().st_size)
    data = bytearray(target.read_bytes())
    data[data.index(b'"claim_type"') + 15] ^= 0x20  # same size, one letter's case changed
    target.write_bytes(bytes(data))
    with caplog.at_level(logging.WARNING, logger="pipeline.chunks"):
        assert run(corpus, tmp_path) == claims
    assert "checksum differs" in caplog.text


def test_chunks_tables_stage_alone_refuses_a_truncated_claims_file(
    corpus: Path, tmp_path: Path
) -> None:
    run(corpus, tmp_path)
    target = next(p for p in stored(tmp_path / "work", CLAIMS_DIR, ".jsonl") if p.stat().st_size)
    target.write_bytes(b"")
    for cache in (tmp_path / "work" / "tables").iterdir():
        cache.unlink()  # the tables stage must read the claims again
    result = CliRunner().invoke(
        cli, ["tables", "--work", str(tmp_path / "work"), "--output", str(tmp_path / "out2")]
    )
    assert isinstance(result.exception, WorkFolderError)
    assert f"{target} is damaged" in str(result.exception)
    assert "run `pipeline extract` again" in str(result.exception)
    assert pq.read_table(tmp_path / "out" / "claims.parquet").num_rows > 0


def test_io_atomic_write_fsyncs_the_file_before_the_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(descriptor: int) -> None:
        events.append("fsync " + os.readlink(f"/proc/self/fd/{descriptor}"))
        real_fsync(descriptor)

    def replace(source: str | Path, target: str | Path) -> None:
        events.append(f"rename {source}")
        real_replace(source, target)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    with atomic_text(tmp_path / "chunk.jsonl") as out:
        out.write("{}\n")
    renamed = next(event for event in events if event.startswith("rename "))
    temporary = renamed.removeprefix("rename ")
    assert events.index(f"fsync {temporary}") < events.index(renamed)
    assert events[-1] == f"fsync {tmp_path}"  # the folder, so the new name is on the disk too


def test_chunks_tables_cache_file_that_differs_from_its_sums_is_built_again(
    corpus: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    claims = run(corpus, tmp_path)
    cached = next((tmp_path / "work" / "tables").glob("*.claims.arrow"))
    empty = pq.read_table(tmp_path / "out" / "claims.parquet").schema.empty_table()
    with pa.OSFile(str(cached), "wb") as sink, pa.ipc.new_file(sink, empty.schema) as writer:
        writer.write_table(empty)  # a readable file, but not the one written: no claims
    with caplog.at_level(logging.WARNING, logger="pipeline.tables.chunk_cache"):
        assert run(corpus, tmp_path) == claims
    assert f"{cached} is damaged" in caplog.text


def test_chunks_empty_docbin_without_an_index_is_annotated_again(
    corpus: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    claims = run(corpus, tmp_path)
    work = tmp_path / "work"
    for folder in (ANNOTATED_DIR, CLAIMS_DIR, "tables"):  # as a run killed before its indexes
        for path in (work / folder).iterdir():
            if path.name == INDEX_FILE or folder != ANNOTATED_DIR:
                path.unlink()
    chunks = stored(work, ANNOTATED_DIR, ".spacy")
    for path in chunks:
        path.write_bytes(b"")
    with caplog.at_level(logging.WARNING, logger="pipeline.chunks"):
        assert run(corpus, tmp_path) == claims
    assert all(
        f"{path} is damaged (empty, and no index records it)" in caplog.text for path in chunks
    )
