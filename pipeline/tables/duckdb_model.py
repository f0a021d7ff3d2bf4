"""A DuckDB database of views over the Parquet tables, for BI tools on ODBC or JDBC.

Superset, DBeaver and Power BI (through the DuckDB ODBC driver) open
``claims.duckdb`` read-only and find one view per table, described with the
schema descriptions, plus ``claims_enriched``: each claim with the names and
labels of its actor, document and topic. The views hold no data; they read the
Parquet files at query time, so the database stays small and shows the files
as they are now.

The views name the files by absolute path, because DuckDB resolves a relative
path against the client's working directory, not the database's folder, and
ODBC and JDBC clients run in a working directory of their own. So that a copy
of the output folder does not silently show the original folder's tables, each
view checks that the database file it is opened from is still in the folder it
was built in, and fails with a message saying how to rebuild it otherwise. If
the output folder moves, or a table changes layout (flat or partitioned), build
the database again by re-running this step. On Windows, close BI connections
first: an open database file cannot be replaced.

Paths are glob-escaped (``*``, ``?`` and ``[`` as ``[*]``, ``[?]``, ``[[]``), so an
output folder named ``out*`` reads its own files, not its siblings'. A database
path holding ``?`` is refused: DuckDB reads what follows ``?`` as connection options
and could neither build nor open the file.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import duckdb

from pipeline.config import PipelineError
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


class DatabasePathError(PipelineError):
    """A DuckDB file cannot be written, or read back, at the path asked for."""


def glob_escape(path: str) -> str:
    """A path DuckDB's glob matches only literally: each of ``*?[`` in a one-character class."""
    return "".join(f"[{char}]" if char in "*?[" else char for char in path)


def source_sql(path: Path, key_column: str | None) -> str:
    """The read_parquet call for a flat file or a hive-partitioned folder."""
    if key_column is None:
        return f"read_parquet({sql_string(glob_escape(path.as_posix()))})"
    files = sql_string(f"{glob_escape(path.as_posix())}/*/*.parquet")
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


def home_check_sql(home: Path, output_dir: Path) -> str:
    """A WHERE condition that fails unless the database is opened from ``home``.

    ``duckdb_databases()`` gives the open file's path with links resolved, as
    ``home`` is; the condition is one uncorrelated subquery, evaluated once.
    """
    opened = (
        "(SELECT parse_dirpath(path) FROM duckdb_databases() "
        "WHERE database_name = current_database())"
    )
    built = f"this database was built in {home} for the tables of {output_dir}, but is opened from "
    rebuild = "; to see the tables there, build it again: pipeline bi --output FOLDER"
    message = f"{sql_string(built)} || {opened} || {sql_string(rebuild)}"
    return f"CASE WHEN {opened} = {sql_string(home.as_posix())} THEN true ELSE error({message}) END"


def create_table_view(
    con: duckdb.DuckDBPyConnection, output_dir: Path, name: str, home: Path
) -> None:
    """One view over one table, checked against its declared columns and commented."""
    path, key_column = locate(output_dir, name)
    con.execute(
        f"CREATE VIEW {name} AS SELECT * FROM {source_sql(path, key_column)} "
        f"WHERE {home_check_sql(home, output_dir)}"
    )
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


def create_views(con: duckdb.DuckDBPyConnection, output_dir: Path, home: Path) -> None:
    """Every table's view, then claims_enriched; the views work only from ``home``."""
    for name in TABLES:
        create_table_view(con, output_dir, name, home)
    con.execute(enriched_sql())
    con.execute(f"COMMENT ON VIEW claims_enriched IS {_comment(ENRICHED_DESCRIPTION)}")


def write_duckdb(output_dir: Path, database: Path | None = None) -> Path:
    """Build ``output_dir/claims.duckdb`` (or ``database``) atomically; return its path.

    The file is built under a temporary name in the same folder and renamed into
    place, so a client never opens a half-built database.
    """
    output_dir = Path(output_dir).resolve()
    target = Path(database) if database is not None else output_dir / DATABASE_FILE
    check_database_path(target, "--database" if database is not None else "--output")
    target.parent.mkdir(parents=True, exist_ok=True)
    home = target.parent.resolve()
    tmp = home / f".{target.name}.{uuid.uuid4().hex}.tmp"
    try:
        with duckdb.connect(str(tmp)) as con:
            create_views(con, output_dir, home)
            con.execute("CHECKPOINT")
        os.replace(tmp, target)
    finally:
        for leftover in (tmp, tmp.with_name(f"{tmp.name}.wal")):
            leftover.unlink(missing_ok=True)
    return target


def check_database_path(target: Path, option: str) -> None:
    """Refuse a database path with ``?``: DuckDB takes the rest for connection options."""
    if "?" in str(Path(target).resolve()):
        raise DatabasePathError(
            f"cannot write the DuckDB file {target}: DuckDB reads what follows '?' in a "
            f"database path as options, so no client could open it. The Parquet tables are "
            f"written; choose a {option} path without '?' (pipeline bi --output TABLES "
            "--database FILE writes the DuckDB file elsewhere)"
        )
