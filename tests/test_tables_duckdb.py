"""claims.duckdb: views over the Parquet tables that BI tools open through ODBC or JDBC."""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from test_tables_stage import CLAIMS, DOCUMENTS, KNOWLEDGE, make_work_dir

from pipeline.tables.duckdb_model import DATABASE_FILE, DatabasePathError, write_duckdb
from pipeline.tables.layout import LayoutError
from pipeline.tables.publish import SETS_DIR
from pipeline.tables.schemas import (
    DESCRIPTION,
    ENRICHED_COLUMNS,
    PARTITION_KEYS,
    PARTITIONED_TABLES,
    TABLES,
)
from pipeline.tables.stage import write_tables

pytestmark = pytest.mark.integration

LAYOUTS = [None, *PARTITION_KEYS]
VIEWS = [*TABLES, "claims_enriched"]
OUTLETS = {"d1": "Wire", "d2": "Kyiv Post", "d3": None}


@pytest.fixture(scope="module", params=LAYOUTS, ids=lambda mode: mode or "flat")
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    """An output folder in one layout, its row counts and its claims.duckdb."""
    root = tmp_path_factory.mktemp("duckdb")
    docs = [dataclasses.replace(doc, outlet=OUTLETS[doc.doc_id]) for doc in DOCUMENTS]
    out = root / "out"
    counts = write_tables(
        make_work_dir(root / "work", docs), out, KNOWLEDGE, partition_by=request.param
    )
    return out, counts, write_duckdb(out), request.param


@pytest.fixture(scope="module")
def flat_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Flat tables without a database, for tests that copy and change them."""
    root = tmp_path_factory.mktemp("duckdb-flat")
    write_tables(make_work_dir(root / "work"), root / "out", KNOWLEDGE)
    return root / "out"


def copy_of(flat_out: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(flat_out, tmp_path / "out"))


def connect(database: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(database), read_only=True)


def columns(con: duckdb.DuckDBPyConnection, view: str) -> dict[str, str]:
    return {name: kind for name, kind, *_ in con.sql(f"DESCRIBE {view}").fetchall()}


def count(con: duckdb.DuckDBPyConnection, query: str) -> int:
    return con.sql(query).fetchall()[0][0]


def test_duckdb_database_is_written_in_the_output_folder(built) -> None:
    out, _, database, _ = built
    assert database == out.resolve() / DATABASE_FILE
    assert database.is_file()
    assert [path.name for path in out.iterdir() if path.name.startswith(".")] == [SETS_DIR]


@pytest.mark.parametrize("table", list(TABLES))
def test_duckdb_every_view_has_the_table_rows_and_columns(built, table: str) -> None:
    _, counts, database, mode = built
    with connect(database) as con:
        assert count(con, f"SELECT count(*) FROM {table}") == counts[table]
        found = columns(con, table)
    expected = list(TABLES[table].names)
    if mode is not None and table in PARTITIONED_TABLES:
        expected.append(PARTITION_KEYS[mode].name)
        assert found[PARTITION_KEYS[mode].name] == "VARCHAR"
    assert list(found) == expected


@pytest.mark.parametrize(
    ("table", "column", "duckdb_type"),
    [
        ("documents", "published", "TIMESTAMP WITH TIME ZONE"),
        ("documents", "part", "INTEGER"),
        ("documents", "n_words", "BIGINT"),
        ("texts", "text", "VARCHAR"),
        ("sentences", "start_char", "INTEGER"),
        ("mentions", "via", "VARCHAR"),
        ("claims", "confidence", "DOUBLE"),
        ("claims", "date_key", "INTEGER"),
        ("actors", "is_principal", "BOOLEAN"),
        ("topics", "n_terms", "INTEGER"),
        ("dates", "date_key", "INTEGER"),
        ("dates", "date", "DATE"),
        ("stances", "n_documents", "BIGINT"),
        ("rejects", "reason", "VARCHAR"),
        ("claims_enriched", "date_key", "INTEGER"),
        ("claims_enriched", "actor_is_principal", "BOOLEAN"),
        ("claims_enriched", "published", "TIMESTAMP WITH TIME ZONE"),
        ("claims_enriched", "topic_label", "VARCHAR"),
    ],
)
def test_duckdb_view_column_types(built, table: str, column: str, duckdb_type: str) -> None:
    with connect(built[2]) as con:
        assert columns(con, table)[column] == duckdb_type


def test_duckdb_claims_enriched_has_one_row_per_claim(built) -> None:
    _, counts, database, _ = built
    with connect(database) as con:
        assert count(con, "SELECT count(*) FROM claims_enriched") == counts["claims"] == len(CLAIMS)
        assert count(con, "SELECT count(DISTINCT claim_id) FROM claims_enriched") == len(CLAIMS)
        found = columns(con, "claims_enriched")
        rows = con.sql(
            "SELECT claim_id, actor_name, actor_kind, outlet, topic_label, "
            "CAST(published AS VARCHAR) FROM claims_enriched ORDER BY claim_id"
        ).fetchall()
    assert list(found)[: len(columns_of_claims(built))] == columns_of_claims(built)
    assert list(found)[len(columns_of_claims(built)) :] == [name for name, *_ in ENRICHED_COLUMNS]
    by_id = {claim.claim_id: claim for claim in CLAIMS}
    for claim_id, actor_name, kind, outlet, topic_label, published in rows:
        claim = by_id[claim_id]
        assert actor_name == claim.actor_id.title()
        assert kind == "person"
        assert outlet == OUTLETS[claim.doc_id]
        assert topic_label == claim.topic.capitalize()
        assert published is not None


def columns_of_claims(built) -> list[str]:
    mode = built[3]
    return [*TABLES["claims"].names, *([PARTITION_KEYS[mode].name] if mode else [])]


def test_duckdb_claims_join_every_dimension(built) -> None:
    query = """
        SELECT count(*) FROM claims c
        JOIN documents USING (doc_id)
        JOIN actors USING (actor_id)
        JOIN topics ON topics.topic_id = c.topic
        JOIN dates USING (date_key)
    """
    with connect(built[2]) as con:
        assert count(con, query) == len(CLAIMS)


def test_duckdb_views_carry_the_schema_descriptions(built) -> None:
    with connect(built[2]) as con:
        view = con.sql("SELECT comment FROM duckdb_views() WHERE view_name = 'claims'").fetchall()[
            0
        ]
        column = con.sql(
            "SELECT comment FROM duckdb_columns() "
            "WHERE table_name = 'claims' AND column_name = 'date_key'"
        ).fetchall()[0]
    assert view[0] == TABLES["claims"].metadata[DESCRIPTION].decode()
    assert column[0] == TABLES["claims"].field("date_key").metadata[DESCRIPTION].decode()


def test_duckdb_views_use_absolute_paths(built, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # an ODBC client runs somewhere else
    with connect(built[2]) as con:
        assert count(con, "SELECT count(*) FROM claims_enriched") == len(CLAIMS)


def test_duckdb_rebuild_replaces_the_file(flat_out: Path, tmp_path: Path) -> None:
    out = copy_of(flat_out, tmp_path)
    (out / DATABASE_FILE).write_bytes(b"stale")
    database = write_duckdb(out)
    with connect(database) as con:
        assert count(con, "SELECT count(*) FROM claims") == len(CLAIMS)
    assert sorted(
        path.name for path in out.iterdir() if not path.name.endswith(".parquet")
    ) == sorted([DATABASE_FILE, SETS_DIR])


def test_duckdb_database_elsewhere(flat_out: Path, tmp_path: Path) -> None:
    out = copy_of(flat_out, tmp_path)
    database = write_duckdb(out, tmp_path / "bi" / "model.duckdb")
    assert database == tmp_path / "bi" / "model.duckdb"
    assert not (out / DATABASE_FILE).exists()
    with connect(database) as con:
        assert count(con, "SELECT count(*) FROM claims_enriched") == len(CLAIMS)


def test_duckdb_missing_table_fails_without_a_database(flat_out: Path, tmp_path: Path) -> None:
    out = copy_of(flat_out, tmp_path)
    (out / "topics.parquet").unlink()
    with pytest.raises(
        FileNotFoundError, match=re.escape("topics.parquet not found; run `pipeline tables`")
    ):
        write_duckdb(out)
    assert sorted(path.name for path in out.iterdir() if path.name != SETS_DIR) == sorted(
        f"{name}.parquet" for name in TABLES if name != "topics"
    )


def test_duckdb_table_from_another_version_fails(flat_out: Path, tmp_path: Path) -> None:
    out = copy_of(flat_out, tmp_path)
    old = pq.read_table(out / "claims.parquet").drop_columns(["date_key"])
    pq.write_table(old, out / "claims.parquet")
    with pytest.raises(LayoutError, match="written by another version"):
        write_duckdb(out)
    assert not (out / DATABASE_FILE).exists()


def test_duckdb_empty_tables_still_have_typed_views(tmp_path: Path) -> None:
    docs = [dataclasses.replace(doc, published=None) for doc in DOCUMENTS]
    out = tmp_path / "out"
    write_tables(make_work_dir(tmp_path / "work", docs, claims=[]), out, KNOWLEDGE)
    with connect(write_duckdb(out)) as con:
        assert count(con, "SELECT count(*) FROM claims_enriched") == 0
        assert count(con, "SELECT count(*) FROM dates") == 0
        assert columns(con, "dates")["date"] == "DATE"


def test_duckdb_reads_the_same_rows_as_pyarrow(built) -> None:
    out, _, database, _ = built
    with connect(database) as con:
        from_duckdb = con.sql("SELECT * FROM actors ORDER BY actor_id").to_arrow_table()
    assert from_duckdb.cast(TABLES["actors"]).equals(pq.read_table(out / "actors.parquet"))


@pytest.mark.parametrize("partition_by", [None, "month"], ids=["flat", "month"])
@pytest.mark.parametrize(("name", "sibling"), [("out*", "outX"), ("o?t", "oXt"), ("p[1]", "p1")])
def test_duckdb_glob_characters_in_the_output_path_read_only_its_own_files(
    tmp_path: Path, name: str, sibling: str, partition_by: str | None
) -> None:
    """``*``, ``?`` and ``[1]`` in a folder name are literal: no sibling's rows, no error."""
    other = make_work_dir(tmp_path / "other", claims=CLAIMS[:1])  # a sibling with fewer claims
    write_tables(other, tmp_path / sibling, KNOWLEDGE, partition_by=partition_by)
    write_tables(make_work_dir(tmp_path / "work"), tmp_path / name, KNOWLEDGE, partition_by)
    database = tmp_path / "bi.duckdb"  # a path with '?' cannot hold the database itself
    with connect(write_duckdb(tmp_path / name, database)) as con:
        assert count(con, "SELECT count(*) FROM claims") == len(CLAIMS)
        assert count(con, "SELECT count(*) FROM claims_enriched") == len(CLAIMS)


def test_duckdb_question_mark_in_the_database_path_is_refused(
    flat_out: Path, tmp_path: Path
) -> None:
    out = Path(shutil.copytree(flat_out, tmp_path / "what?"))
    with pytest.raises(DatabasePathError, match=r"choose a --output path without '\?'"):
        write_duckdb(out)
    with pytest.raises(DatabasePathError, match="--database"):
        write_duckdb(flat_out, tmp_path / "bi?.duckdb")
    assert not list(tmp_path.rglob("*.duckdb*"))


def test_duckdb_copied_folder_refuses_to_show_the_original_tables(
    flat_out: Path, tmp_path: Path
) -> None:
    original = copy_of(flat_out, tmp_path)
    write_duckdb(original)
    copy = Path(shutil.copytree(original, tmp_path / "copy"))
    with (
        connect(copy / DATABASE_FILE) as con,
        pytest.raises(
            duckdb.Error,
            match=f"opened from {re.escape(str(copy.resolve()))}.*pipeline bi --output",
        ),
    ):
        con.sql("SELECT count(*) FROM claims_enriched").fetchall()
    (original / "claims.parquet").unlink()  # the rebuilt copy reads its own tables
    with connect(write_duckdb(copy)) as con:
        assert count(con, "SELECT count(*) FROM claims_enriched") == len(CLAIMS)
