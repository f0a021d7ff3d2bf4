"""The table set is published in one step: a reader sees the old set or the new one."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from test_tables_stage import DOCUMENTS, KNOWLEDGE, make_work_dir

from pipeline.tables import stage
from pipeline.tables.duckdb_model import write_duckdb
from pipeline.tables.layout import read_table
from pipeline.tables.publish import CURRENT, SETS_DIR
from pipeline.tables.schemas import TABLES
from pipeline.tables.stage import write_tables

pytestmark = pytest.mark.integration


def consistent(out: Path) -> tuple[set[str], set[str]]:
    """The doc ids of the documents table and of the claims table, as a reader finds them."""
    documents = set(read_table(out, "documents", ["doc_id"]).column("doc_id").to_pylist())
    claims = set(read_table(out, "claims", ["doc_id"]).column("doc_id").to_pylist())
    return documents, claims


@pytest.mark.parametrize("next_layout", ["month", None])
def test_publish_failure_between_tables_leaves_the_old_set_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, next_layout: str | None
) -> None:
    out = tmp_path / "out"
    write_tables(make_work_dir(tmp_path / "old"), out, KNOWLEDGE, partition_by="month")
    old_documents, old_claims = consistent(out)
    assert old_claims and old_claims <= old_documents
    # the new corpus holds only the document without claims: its set has none of the old ids
    new_work = make_work_dir(tmp_path / "new", [DOCUMENTS[1]], claims=[])
    real, calls = stage.write_partitioned, []

    def fail_after_the_first_table(*args: object, **kwargs: object) -> Path:
        calls.append(args[2])
        if len(calls) > 1:
            raise OSError("killed while publishing")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(stage, "write_partitioned", fail_after_the_first_table)
    with pytest.raises(OSError, match="killed while publishing"):
        write_tables(new_work, out, KNOWLEDGE, partition_by="month")
    assert calls[0] == "documents"
    assert consistent(out) == (old_documents, old_claims)
    sets = [path.name for path in (out / SETS_DIR).iterdir() if path.name.startswith("set-")]
    assert sets == [os.readlink(out / SETS_DIR / CURRENT)]  # the failed set is gone
    monkeypatch.undo()
    write_tables(new_work, out, KNOWLEDGE, partition_by=next_layout)  # the run once more
    assert consistent(out) == ({DOCUMENTS[1].doc_id}, set())


def test_publish_serves_every_table_through_one_link(tmp_path: Path) -> None:
    out = tmp_path / "out"
    work = make_work_dir(tmp_path / "work")
    write_tables(work, out, KNOWLEDGE)
    first = os.readlink(out / SETS_DIR / CURRENT)
    write_tables(work, out, KNOWLEDGE)
    second = os.readlink(out / SETS_DIR / CURRENT)
    assert first != second and not (out / SETS_DIR / first).exists()
    umask = os.umask(0)
    os.umask(umask)
    assert (out / SETS_DIR / second).stat().st_mode & 0o777 == 0o777 & ~umask  # others may read
    for name in TABLES:
        assert os.readlink(out / f"{name}.parquet") == f"{SETS_DIR}/{CURRENT}/{name}.parquet"
        assert (
            pq.read_table(out / f"{name}.parquet").num_rows
            == pq.read_table(out / SETS_DIR / second / f"{name}.parquet").num_rows
        )


def test_publish_adopts_tables_an_older_version_wrote_as_plain_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tables(make_work_dir(tmp_path / "work"), out, KNOWLEDGE, partition_by="month")
    for name in TABLES:  # as versions before table sets left them: plain files and folders
        for public in (out / f"{name}.parquet", out / name):
            if public.is_symlink():
                target = public.resolve()
                public.unlink()
                target.rename(public)
    (out / SETS_DIR / CURRENT).unlink()
    before = consistent(out)
    write_tables(make_work_dir(tmp_path / "new", [DOCUMENTS[1]], claims=[]), out, KNOWLEDGE)
    assert before != consistent(out) == ({DOCUMENTS[1].doc_id}, set())
    assert not [path for path in out.iterdir() if not path.is_symlink() and path.name != SETS_DIR]


@pytest.mark.parametrize("partition_by", ["month", None])
def test_publish_duckdb_views_read_the_current_set_after_a_switch(
    tmp_path: Path, partition_by: str | None
) -> None:
    out = tmp_path / "out"
    write_tables(make_work_dir(tmp_path / "old"), out, KNOWLEDGE, partition_by=partition_by)
    database = write_duckdb(out)
    new_work = make_work_dir(tmp_path / "new", [DOCUMENTS[1]], claims=[])
    write_tables(new_work, out, KNOWLEDGE, partition_by=partition_by)
    with duckdb.connect(str(database), read_only=True) as con:
        assert con.sql("SELECT doc_id FROM documents").fetchall() == [(DOCUMENTS[1].doc_id,)]
        assert con.sql("SELECT count(*) FROM claims_enriched").fetchall() == [(0,)]
