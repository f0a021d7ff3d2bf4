"""Partitioned output: hive folders that pyarrow and DuckDB read back as the flat tables."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from test_tables_stage import CLAIMS, DOCUMENTS, KNOWLEDGE, make_work_dir

from pipeline.config import PipelineError
from pipeline.records import Document
from pipeline.tables import layout
from pipeline.tables.layout import LayoutError, read_table
from pipeline.tables.publish import SETS_DIR
from pipeline.tables.schemas import (
    HIVE_NULL,
    PARTITION_KEYS,
    PARTITIONED_TABLES,
    TABLES,
)
from pipeline.tables.stage import write_tables

pytestmark = pytest.mark.integration

# d1: 2025-02-28; d2: 2025-04-01T01:00+03:00 is still March in UTC; d3: no usable date.
PUBLISHED = {"d1": "2025-02-28", "d2": "2025-04-01T01:00:00+03:00", "d3": "sometime"}
OUTLETS = {"d1": "Reuters/World", "d2": "24", "d3": None}
EXPECTED_KEYS = {
    "month": {"d1": "2025-02", "d2": "2025-03", "d3": ""},
    "outlet": {"d1": "Reuters/World", "d2": "24", "d3": ""},
}
SORT_KEYS = {
    "documents": ["doc_id"],
    "texts": ["doc_id"],
    "sentences": ["doc_id", "sentence_id"],
    "mentions": ["doc_id", "start_char", "end_char", "actor_id"],
    "claims": ["claim_id"],
}
MODES = list(PARTITION_KEYS)


def documents(outlets: dict[str, str | None] = OUTLETS) -> list[Document]:
    return [
        dataclasses.replace(doc, published=PUBLISHED[doc.doc_id], outlet=outlets[doc.doc_id])
        for doc in DOCUMENTS
    ]


@pytest.fixture(scope="module")
def work_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A work folder whose documents have varied months and outlets; never modified."""
    return make_work_dir(tmp_path_factory.mktemp("partition") / "work", documents())


@pytest.fixture(scope="module")
def outputs(work_dir: Path) -> dict[str | None, Path]:
    """The same work folder written flat and in each partitioned mode."""
    root = work_dir.parent
    written: dict[str | None, Path] = {}
    for mode in [None, *MODES]:
        written[mode] = root / f"out-{mode or 'flat'}"
        write_tables(work_dir, written[mode], KNOWLEDGE, partition_by=mode)
    return written


def ordered(table: pa.Table, name: str) -> pa.Table:
    return table.sort_by([(column, "ascending") for column in SORT_KEYS[name]])


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", PARTITIONED_TABLES)
def test_partition_pyarrow_dataset_reads_back_the_flat_table(
    outputs: dict[str | None, Path], mode: str, name: str
) -> None:
    flat = pq.read_table(outputs[None] / f"{name}.parquet")
    back = ds.dataset(outputs[mode] / name, partitioning="hive").to_table()
    key = PARTITION_KEYS[mode].name
    assert back.column_names == [*flat.column_names, key]
    assert back.schema.field(key).type == pa.string()
    assert ordered(back.select(flat.column_names), name).equals(ordered(flat, name))
    expected = [EXPECTED_KEYS[mode][doc_id] for doc_id in back.column("doc_id").to_pylist()]
    assert back.column(key).to_pylist() == expected


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", PARTITIONED_TABLES)
def test_partition_duckdb_reads_back_the_flat_table(
    outputs: dict[str | None, Path], mode: str, name: str
) -> None:
    key = PARTITION_KEYS[mode].name
    order = ", ".join(SORT_KEYS[name])
    flat = f"read_parquet('{outputs[None] / name}.parquet')"
    folder = f"read_parquet('{outputs[mode] / name}/*/*.parquet', hive_partitioning = true)"
    with duckdb.connect() as con:
        flat_types = con.sql(f"DESCRIBE SELECT * FROM {flat}").fetchall()
        back_types = con.sql(f"DESCRIBE SELECT * FROM {folder}").fetchall()
        # Arrow, not fetchall: Python timestamps with a time zone would need pytz
        flat_rows = con.sql(f"SELECT * FROM {flat} ORDER BY {order}").to_arrow_table()
        back_rows = con.sql(
            f"SELECT * EXCLUDE ({key}) FROM {folder} ORDER BY {order}"
        ).to_arrow_table()
    assert [row[:2] for row in back_types] == [*(row[:2] for row in flat_types), (key, "VARCHAR")]
    assert back_rows.equals(flat_rows)


@pytest.mark.parametrize("mode", MODES)
def test_partition_layout_on_disk(outputs: dict[str | None, Path], mode: str) -> None:
    out = outputs[mode]
    key = PARTITION_KEYS[mode].name
    for name in TABLES:
        assert (out / f"{name}.parquet").is_file() == (name not in PARTITIONED_TABLES)
        assert (out / name).is_dir() == (name in PARTITIONED_TABLES)
    folders = sorted(path.name for path in (out / "claims").iterdir())
    encoded = {"month": ["2025-02", "2025-03"], "outlet": ["24", "Reuters%2FWorld"]}
    assert folders == [f"{key}={value}" for value in ["", *encoded[mode]]]
    assert all(
        [file.name for file in folder.iterdir()] == ["part-0.parquet"]
        for folder in (out / "claims").iterdir()
    )
    assert [path.name for path in out.iterdir() if path.name.startswith(".")] == [SETS_DIR]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", list(TABLES))
def test_partition_read_table_gives_either_layout(
    outputs: dict[str | None, Path], mode: str, name: str
) -> None:
    flat = read_table(outputs[None], name)
    back = read_table(outputs[mode], name)
    if name in PARTITIONED_TABLES:
        assert back.column_names[-1] == PARTITION_KEYS[mode].name
        back, flat = ordered(back.select(flat.column_names), name), ordered(flat, name)
    assert back.equals(flat)


def test_partition_numeric_outlets_still_read_back_as_text(tmp_path: Path) -> None:
    # every document has an outlet that looks like a number: only the empty-key
    # partition stops readers from guessing an integer key
    work_dir = make_work_dir(tmp_path / "work", documents({"d1": "24", "d2": "112", "d3": "1"}))
    write_tables(work_dir, tmp_path / "out", KNOWLEDGE, partition_by="outlet")
    back = ds.dataset(tmp_path / "out" / "claims", partitioning="hive").to_table()
    assert back.schema.field("outlet_key").type == pa.string()
    assert sorted(set(back.column("outlet_key").to_pylist())) == ["112", "24"]
    files = f"{tmp_path / 'out' / 'claims'}/*/*.parquet"
    with duckdb.connect() as con:
        described = con.sql(
            f"DESCRIBE SELECT * FROM read_parquet('{files}', hive_partitioning=true)"
        )
        assert dict(row[:2] for row in described.fetchall())["outlet_key"] == "VARCHAR"


def pairs(table: pa.Table) -> dict[str, str | None]:
    return dict(zip(*table.select(["doc_id", "outlet_key"]).to_pydict().values(), strict=True))


def read_back(out: Path, name: str = "documents") -> dict[str, dict[str, str | None]]:
    """doc_id -> outlet_key as pyarrow (hive, inferred types) and DuckDB read it."""
    found = ds.dataset(out / name, partitioning="hive").to_table()
    files = f"{out / name}/*/*.parquet"
    with duckdb.connect() as con:
        rows = con.sql(
            f"SELECT doc_id, outlet_key FROM read_parquet('{files}', hive_partitioning = true)"
        ).fetchall()
    return {
        "pyarrow": dict(
            zip(*found.select(["doc_id", "outlet_key"]).to_pydict().values(), strict=True)
        ),
        "duckdb": dict(rows),
    }


@pytest.mark.parametrize(
    "outlets",
    [
        {"d1": "unknown", "d2": "Wire", "d3": None},
        {"d1": "a\x00b", "d2": "a", "d3": None},
        {"d1": "50% / x=y", "d2": "Ukraïnska Pravda", "d3": "  "},
    ],
    ids=["named-unknown", "nul", "unsafe-characters"],
)
def test_partition_keys_round_trip_and_missing_is_null(
    tmp_path: Path, outlets: dict[str, str | None]
) -> None:
    """An outlet named "unknown", a NUL or a slash keeps its own partition and value;
    a missing or blank outlet is the empty key, as text."""
    out = tmp_path / "out"
    work_dir = make_work_dir(tmp_path / "work", documents(outlets))
    write_tables(work_dir, out, KNOWLEDGE, partition_by="outlet")
    expected = {"d1": outlets["d1"], "d2": outlets["d2"], "d3": ""}
    assert read_back(out) == {"pyarrow": expected, "duckdb": expected}
    assert len(list((out / "documents").iterdir())) == 3  # three folders: nothing merged
    back = read_table(out, "documents")
    assert (
        dict(zip(*back.select(["doc_id", "outlet_key"]).to_pydict().values(), strict=True))
        == expected
    )


def test_partition_outlet_named_like_the_missing_partition_fails(tmp_path: Path) -> None:
    outlets = {"d1": HIVE_NULL, "d2": "Wire", "d3": None}
    work_dir = make_work_dir(tmp_path / "work", documents(outlets))
    with pytest.raises(LayoutError, match="readers take for a missing value"):
        write_tables(work_dir, tmp_path / "out", KNOWLEDGE, partition_by="outlet")


@pytest.mark.parametrize("mode", MODES)
def test_partition_empty_table_keeps_its_schema(tmp_path: Path, mode: str) -> None:
    work_dir = make_work_dir(tmp_path / "work", documents(), claims=[])
    counts = write_tables(work_dir, tmp_path / "out", KNOWLEDGE, partition_by=mode)
    assert counts["claims"] == 0
    back = ds.dataset(tmp_path / "out" / "claims", partitioning="hive").to_table()
    assert back.num_rows == 0
    assert back.column_names == [*TABLES["claims"].names, PARTITION_KEYS[mode].name]


def test_partition_switching_layout_removes_the_stale_copy(tmp_path: Path, work_dir: Path) -> None:
    out = tmp_path / "out"
    write_tables(work_dir, out, KNOWLEDGE)
    write_tables(work_dir, out, KNOWLEDGE, partition_by="month")
    assert not (out / "claims.parquet").exists()
    assert (out / "claims" / "month=2025-02").is_dir()
    write_tables(work_dir, out, KNOWLEDGE, partition_by="outlet")
    assert sorted(path.name for path in (out / "claims").iterdir())[0].startswith("outlet_key=")
    write_tables(work_dir, out, KNOWLEDGE)
    public = sorted(path.name for path in out.iterdir() if path.name != SETS_DIR)
    assert public == sorted(f"{t}.parquet" for t in TABLES)
    assert pq.read_table(out / "claims.parquet").num_rows == len(CLAIMS)


def test_partition_output_is_deterministic(tmp_path: Path, work_dir: Path) -> None:
    for out in ("first", "second"):
        write_tables(work_dir, tmp_path / out, KNOWLEDGE, partition_by="month")
    first = public_files(tmp_path / "first")
    assert first and first == public_files(tmp_path / "second")
    for name in first:
        twin, path = tmp_path / "second" / name, tmp_path / "first" / name
        assert twin.read_bytes() == path.read_bytes(), path


def public_files(out: Path) -> list[str]:
    """The files a reader finds under the output folder's public paths (links followed)."""
    found = []
    for folder, names, files in os.walk(out, followlinks=True):
        names[:] = [name for name in names if not name.startswith(".")]
        found += [str(Path(folder, file).relative_to(out)) for file in files]
    return sorted(name for name in found if not name.startswith("."))


def test_partition_never_replaces_a_folder_it_did_not_write(tmp_path: Path, work_dir: Path) -> None:
    out = tmp_path / "out"
    (out / "documents").mkdir(parents=True)
    (out / "documents" / "my-notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(LayoutError, match="is not a partitioned table written by the pipeline"):
        write_tables(work_dir, out, KNOWLEDGE, partition_by="month")
    write_tables(work_dir, out, KNOWLEDGE)
    assert (out / "documents" / "my-notes.txt").read_text(encoding="utf-8") == "keep me"
    assert read_table(out, "documents").num_rows == len(DOCUMENTS)


def test_partition_outlets_differing_in_case_fail(tmp_path: Path) -> None:
    outlets = {"d1": "Reuters", "d2": "REUTERS", "d3": None}
    work_dir = make_work_dir(tmp_path / "work", documents(outlets))
    with pytest.raises(LayoutError, match="'REUTERS' and 'Reuters' differ only in case"):
        write_tables(work_dir, tmp_path / "out", KNOWLEDGE, partition_by="outlet")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_partition_unknown_mode_fails_before_writing(tmp_path: Path, work_dir: Path) -> None:
    with pytest.raises(PipelineError, match="cannot partition by 'year': choose one of month"):
        write_tables(work_dir, tmp_path / "out", KNOWLEDGE, partition_by="year")
    assert not (tmp_path / "out").exists()


def test_partition_write_leaves_no_temporaries_when_it_fails(
    tmp_path: Path, work_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    write_tables(work_dir, out, KNOWLEDGE, partition_by="month")
    before = sorted(str(path.relative_to(out)) for path in out.rglob("*"))

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(layout, "_write_partition", fail)
    with pytest.raises(OSError, match="disk full"):
        write_tables(work_dir, out, KNOWLEDGE, partition_by="month")
    assert sorted(str(path.relative_to(out)) for path in out.rglob("*")) == before
    assert all(not name.startswith(".") for name in os.listdir(out) if name != SETS_DIR)
