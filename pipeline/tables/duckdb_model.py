"""A DuckDB database of views over the Parquet tables, for BI tools on ODBC or JDBC.

Superset, DBeaver and Power BI (through the DuckDB ODBC driver) open
``claims.duckdb`` read-only and find one view per table, described with the
schema descriptions, plus ``claims_enriched``: each claim with the names and
labels of its actor, document and topic. The views hold no data; they read the
Parquet files at query time, so the database stays small and shows the files
as they are now.

The views name the files by absolute path, because ODBC and JDBC clients run in
another working directory. If the output folder moves, or a table changes
layout (flat or partitioned), build the database again by re-running this step.
On Windows, close BI connections first: an open database file cannot be replaced.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import duckdb

from pipeline.tables.layout import KEY_COLUMNS, LayoutError, locate
from pipeline.tables.schemas import (
    DESCRIPTION,
    ENRICHED_COLUMNS,
    ENRICHED_DESCRIPTION,
    RELATIONSHIPS,
    TABLES,
)

DATABASE_FILE = "claims.duckdb"


def sql_string(text: str) -> str:
    """A SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def source_sql(path: Path, key_column: str | None) -> str:
    """The read_parquet call for a flat file or a hive-partitioned folder."""
    if key_column is None:
        return f"read_parquet({sql_string(path.as_posix())})"
    files = sql_string(f"{path.as_posix()}/*/*.parquet")
    # the key type is stated, not guessed from folder names
    return (
        f"read_parquet({files}, hive_partitioning = true, "
        f"hive_types = {{'{key_column}': 'VARCHAR'}})"
    )


def enriched_sql() -> str:
    """The claims_enriched view: claims LEFT JOINed to the dimensions it takes columns from.

    Every dimension key is unique, so the view keeps exactly one row per claim.
    """
    needed = {table for _, table, _ in ENRICHED_COLUMNS}
    joins = [(fact, table, key) for fact, table, key in RELATIONSHIPS if table in needed]
    columns = ",\n       ".join(
        f"{table}.{column} AS {name}" for name, table, column in ENRICHED_COLUMNS
    )
    join_sql = "\n".join(
        f"LEFT JOIN {table} ON {table}.{key} = claims.{fact}" for fact, table, key in joins
    )
    return (
        f"CREATE VIEW claims_enriched AS\nSELECT claims.*,\n       {columns}\n"
        f"FROM claims\n{join_sql}"
    )


def _comment(text: bytes | str | None) -> str:
    value = text.decode("utf-8") if isinstance(text, bytes) else (text or "")
    return sql_string(value)


def create_table_view(con: duckdb.DuckDBPyConnection, output_dir: Path, name: str) -> None:
    """One view over one table, checked against its declared columns and commented."""
    path, key_column = locate(output_dir, name)
    con.execute(f"CREATE VIEW {name} AS SELECT * FROM {source_sql(path, key_column)}")
    schema = TABLES[name]
    expected = [*schema.names, *([key_column] if key_column else [])]
    found = [row[0] for row in con.execute(f"DESCRIBE {name}").fetchall()]
    if found != expected:
        raise LayoutError(
            f"{path} has columns {found}, not the declared {expected}: it was written by "
            "another version of the pipeline; run `pipeline tables` again"
        )
    con.execute(f"COMMENT ON VIEW {name} IS {_comment(schema.metadata[DESCRIPTION])}")
    fields = [*schema, *([KEY_COLUMNS[key_column]] if key_column else [])]
    for field in fields:
        comment = _comment(field.metadata[DESCRIPTION])
        con.execute(f"COMMENT ON COLUMN {name}.{field.name} IS {comment}")


def create_views(con: duckdb.DuckDBPyConnection, output_dir: Path) -> None:
    """Every table's view, then claims_enriched."""
    for name in TABLES:
        create_table_view(con, output_dir, name)
    con.execute(enriched_sql())
    con.execute(f"COMMENT ON VIEW claims_enriched IS {_comment(ENRICHED_DESCRIPTION)}")


def write_duckdb(output_dir: Path, database: Path | None = None) -> Path:
    """Build ``output_dir/claims.duckdb`` (or ``database``) atomically; return its path.

    The file is built under a temporary name in the same folder and renamed into
    place, so a client never opens a half-built database.
    """
    output_dir = Path(output_dir).resolve()
    target = Path(database) if database is not None else output_dir / DATABASE_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
    try:
        with duckdb.connect(str(tmp)) as con:
            create_views(con, output_dir)
            con.execute("CHECKPOINT")
        os.replace(tmp, target)
    finally:
        for leftover in (tmp, tmp.with_name(f"{tmp.name}.wal")):
            leftover.unlink(missing_ok=True)
    return target
