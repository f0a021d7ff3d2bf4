"""`run_pipeline`: the whole chain as a library call, as `pipeline run` makes it."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.config import load_settings
from pipeline.knowledge.bundle import load_knowledge
from pipeline.run import run_pipeline

ARTICLE = "Talks in Geneva\n\nPutin rejected the ceasefire plan on Monday.\n"


def test_run_pipeline_writes_the_tables_and_reports_each_stage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))  # where the work folder goes
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (source / "b.pdf").write_bytes(b"%PDF-1.4 \x00\x01\x02")
    lines: list[str] = []
    done = run_pipeline(
        load_settings(),
        load_knowledge(),
        source,
        tmp_path / "out",
        report=lines.append,
        temporary_work=True,
    )
    assert (done.documents, done.rejected_inputs, done.rejects) == (1, 1, 1)
    assert (done.annotated.documents, done.extracted.documents) == (1, 1)
    claims = pq.read_table(tmp_path / "out" / "claims.parquet").to_pylist()
    assert [(row["actor_id"], row["claim_type"]) for row in claims] == [("putin", "rejection")]
    assert done.tables["claims"] == 1
    assert done.database.is_file()
    assert [line.split(":")[0] for line in lines] == [
        "normalise",
        "annotate",
        "extract",
        "tables",
        "bi",
    ]
    assert list(temporary.iterdir()) == []
    assert not (tmp_path / ".out-work").exists()  # a temporary work folder, removed


def test_run_pipeline_keeps_a_given_work_folder(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.txt").write_text(ARTICLE, encoding="utf-8")
    run_pipeline(load_settings(), load_knowledge(), source, tmp_path / "out", tmp_path / "work")
    assert (tmp_path / "work" / "documents.jsonl").is_file()
    assert (tmp_path / "work" / "claims" / "index.json").is_file()
