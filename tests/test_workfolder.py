"""The work folder's contract: what each stage leaves, and how the next one checks it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_tables_stage import CLAIMS, DOCUMENTS, make_work_dir

from pipeline.config import ANNOTATED_DIR, CLAIMS_DIR, DOCUMENTS_FILE, PipelineError
from pipeline.workfolder import (
    MissingStageOutput,
    WorkFolderError,
    check_claims,
    chunk_entries,
    iter_chunk_tasks,
    load_chunk,
    read_documents,
    read_rejects,
)


@pytest.mark.parametrize(
    ("remove", "command"),
    [
        (DOCUMENTS_FILE, "pipeline normalise"),
        (ANNOTATED_DIR, "pipeline annotate"),
        (CLAIMS_DIR, "pipeline extract"),
    ],
)
def test_workfolder_missing_output_names_the_command(
    tmp_path: Path, remove: str, command: str
) -> None:
    work_dir = make_work_dir(tmp_path / "work")
    target = work_dir / remove
    if target.is_dir():
        for path in target.iterdir():
            path.unlink()
        target.rmdir()
    else:
        target.unlink()
    with pytest.raises(MissingStageOutput, match=f"run `{command}` first"):
        list(iter_chunk_tasks(work_dir))
    assert issubclass(MissingStageOutput, FileNotFoundError)
    assert issubclass(MissingStageOutput, PipelineError)


def test_workfolder_reads_documents_in_order(tmp_path: Path) -> None:
    work_dir = make_work_dir(tmp_path / "work")
    assert [doc.doc_id for doc in read_documents(work_dir)] == [doc.doc_id for doc in DOCUMENTS]
    assert [reject.source for reject in read_rejects(work_dir)] == ["c.pdf"]
    assert read_rejects(tmp_path) == []


def test_workfolder_chunk_is_loaded_and_checked(tmp_path: Path) -> None:
    work_dir = make_work_dir(tmp_path / "work")
    (task,) = list(iter_chunk_tasks(work_dir))
    chunk = load_chunk(*task)
    assert [doc.doc_id for doc in chunk.documents] == [doc.doc_id for doc in DOCUMENTS]
    assert sorted(claim.claim_id for claim in chunk.claims) == sorted(c.claim_id for c in CLAIMS)
    assert chunk.rejects == []
    assert sum(chunk.sentence_counts.values()) == len(chunk.sentences)


def test_workfolder_claims_of_another_annotate_run_are_refused(tmp_path: Path) -> None:
    work_dir = make_work_dir(tmp_path / "work")
    index = work_dir / CLAIMS_DIR / "index.json"
    data = json.loads(index.read_text(encoding="utf-8"))
    data["chunks"][0]["key"] = "other"
    index.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(WorkFolderError, match="from another annotate run"):
        chunk_entries(work_dir)


def test_workfolder_claim_outside_its_document_is_refused(tmp_path: Path) -> None:
    texts = {doc.doc_id: doc.text for doc in DOCUMENTS}
    counts = {doc_id: 10 for doc_id in texts}
    check_claims(CLAIMS, texts, counts, tmp_path)
    with pytest.raises(WorkFolderError, match="appears more than once"):
        check_claims([CLAIMS[0], CLAIMS[0]], texts, counts, tmp_path)
    with pytest.raises(WorkFolderError, match="is not a sentence"):
        check_claims(CLAIMS, texts, dict.fromkeys(texts, 1), tmp_path)
