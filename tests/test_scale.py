"""Chunks, worker processes and reruns change how the work is done, never the tables."""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.chunks import chunk_key, split_documents
from pipeline.cli import cli
from pipeline.config import PROJECT_DIR, RAW_DIR
from pipeline.parallel import ordered_map
from pipeline.records import Document
from pipeline.tables.schemas import TABLES
from pipeline.tables.stage import CHUNK_TABLES

pytestmark = pytest.mark.integration


def load_corpus_module():
    spec = importlib.util.spec_from_file_location(
        "benchmark_corpus", PROJECT_DIR / "benchmarks" / "corpus.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["benchmark_corpus"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Forty synthetic articles in every input format, small chunks so there are many."""
    root = tmp_path_factory.mktemp("scale")
    load_corpus_module().build_corpus(RAW_DIR, root / "corpus", 40, 3)
    (root / "settings.toml").write_text("[run]\nchunk_size = 4\n", encoding="utf-8")
    return root


def run(root: Path, name: str, *extra: str, work: str | None = None) -> Path:
    output = root / name
    args = ["--quiet", "--settings", str(root / "settings.toml"), "run"]
    args += ["--input", str(root / "corpus"), "--output", str(output)]
    args += ["--work", str(root / (work or f"{name}-work")), *extra]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return output


def assert_same_tables(left: Path, right: Path) -> None:
    for table in TABLES:
        assert (left / f"{table}.parquet").read_bytes() == (
            right / f"{table}.parquet"
        ).read_bytes(), table


def chunk_count(work: Path) -> int:
    return len(list((work / "annotated").glob("*.spacy")))


@pytest.fixture(scope="module")
def single(corpus: Path) -> Path:
    return run(corpus, "single", "--jobs", "1")


def test_two_worker_processes_give_the_same_tables(corpus: Path, single: Path):
    assert chunk_count(corpus / "single-work") > 3
    assert_same_tables(single, run(corpus, "double", "--jobs", "2"))


def test_a_rerun_reuses_every_chunk_and_gives_the_same_tables(corpus: Path, single: Path):
    work = corpus / "rerun-work"
    first = run(corpus, "rerun", work="rerun-work")
    stamps = {path: path.stat().st_mtime_ns for path in (work / "annotated").glob("*.spacy")}
    again = run(corpus, "rerun", work="rerun-work")
    assert {path: path.stat().st_mtime_ns for path in (work / "annotated").glob("*.spacy")} == (
        stamps
    )
    assert_same_tables(first, again)
    assert_same_tables(single, again)


def test_changing_one_file_redoes_only_its_chunk(corpus: Path, tmp_path: Path):
    root = tmp_path
    (root / "settings.toml").write_text("[run]\nchunk_size = 4\n", encoding="utf-8")
    load_corpus_module().build_corpus(RAW_DIR, root / "corpus", 40, 3)
    work = root / "inc-work"
    run(root, "inc", work="inc-work")
    before = set((work / "annotated").glob("*.spacy"))
    changed = sorted((root / "corpus").rglob("*.txt"))[5]
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text.replace(" the ", " the proposed ", 1), encoding="utf-8")
    incremental = run(root, "inc", work="inc-work")
    after = set((work / "annotated").glob("*.spacy"))
    assert len(after - before) == 1  # one new chunk file, for the changed document
    assert len(before - after) == 1  # and its old version is removed
    assert_same_tables(incremental, run(root, "full", work="full-work"))


def doc(doc_id: str, text: str = "Putin spoke.") -> Document:
    return Document(doc_id, f"{doc_id}.txt", 0, text)


def test_chunk_boundaries_move_only_around_an_inserted_document():
    docs = [doc(f"d{index:03d}") for index in range(300)]
    before = [[d.doc_id for d in run] for run in split_documents(docs, 8)]
    after = [
        [d.doc_id for d in run]
        for run in split_documents([*docs[:150], doc("new"), *docs[150:]], 8)
    ]
    changed = [run for run in after if run not in before]
    assert len(before) > 10
    assert len(changed) == 1 and "new" in changed[0]


def test_chunks_are_capped_and_cover_every_document_in_order():
    docs = [doc(f"d{index}") for index in range(500)]
    runs = list(split_documents(docs, 2))
    assert [d for run in runs for d in run] == docs
    assert max(len(run) for run in runs) <= 8


def test_chunk_key_changes_with_text_metadata_and_fingerprint():
    base = [doc("a"), doc("b")]
    key = chunk_key("f1", base)
    assert chunk_key("f1", [doc("a"), doc("b")]) == key
    assert chunk_key("f2", base) != key
    assert chunk_key("f1", [doc("a"), doc("b", "Zelensky spoke.")]) != key
    assert chunk_key("f1", [doc("a"), replace(doc("b"), published="2025-01-01")]) != key


def square(value: int) -> int:
    return value * value


def test_ordered_map_keeps_input_order_across_processes():
    assert list(ordered_map(square, range(20), jobs=2)) == [value * value for value in range(20)]
    assert list(ordered_map(square, range(5), jobs=1)) == [0, 1, 4, 9, 16]


def test_the_tables_cache_is_reused_and_a_damaged_entry_rebuilt(corpus: Path, single: Path):
    work = corpus / "single-work" / "tables"
    cached = sorted(work.glob("*.arrow"))
    assert len(cached) == len(CHUNK_TABLES) * chunk_count(corpus / "single-work")
    cached[0].write_bytes(b"not arrow")
    again = run(corpus, "single-again", work="single-work")
    assert_same_tables(single, again)
    assert cached[0].read_bytes()[:6] == b"ARROW1"
