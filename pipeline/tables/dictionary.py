"""A Markdown data dictionary generated from the schemas, so the docs cannot drift."""

from __future__ import annotations

import pyarrow as pa

from pipeline.tables.schemas import (
    DESCRIPTION,
    ENRICHED_COLUMNS,
    ENRICHED_DESCRIPTION,
    MAX_TEXT_CHARS,
    PARTITION_KEYS,
    PARTITIONED_TABLES,
    RELATIONSHIPS,
    TABLES,
    UNLIMITED_TEXT,
)

COLUMNS_HEADER = ["| column | type | nullable | description |", "| --- | --- | --- | --- |"]


def description(metadata: dict[bytes, bytes] | None) -> str:
    """The description stored in field or schema metadata, or an empty string."""
    return (metadata or {}).get(DESCRIPTION, b"").decode("utf-8")


def _cell(text: str) -> str:
    # a "|" would end the Markdown table cell
    return text.replace("|", "\\|").replace("\n", " ")


def _code_list(names: list[str]) -> str:
    return ", ".join(f"`{name}`" for name in names)


def column_row(field: pa.Field, text: str | None = None, nullable: bool | None = None) -> str:
    """One column as a Markdown table row."""
    is_nullable = field.nullable if nullable is None else nullable
    return (
        f"| `{field.name}` | `{field.type}` | {'yes' if is_nullable else 'no'} "
        f"| {_cell(description(field.metadata) if text is None else text)} |"
    )


def table_section(name: str, schema: pa.Schema) -> str:
    """One table's heading, description and column list."""
    lines = [f"## {name}", "", description(schema.metadata), "", *COLUMNS_HEADER]
    lines += [column_row(field) for field in schema]
    return "\n".join(lines)


def header() -> str:
    """What the files are and the rules every table keeps."""
    joins = ", ".join(
        f"`{table}` on `{fact}`" + ("" if fact == key else f" = `{key}`")
        for fact, table, key in RELATIONSHIPS
    )
    unlimited = _code_list([f"{table}.{column}" for table, column in sorted(UNLIMITED_TEXT)])
    return (
        "# Data dictionary\n\n"
        "One Parquet file per table (`<table>.parquet`), or a partitioned folder (see "
        "[Partitioned output](#partitioned-output)). Offsets (`start_char`, `end_char`) "
        "are character positions in `texts.text` of the same `doc_id`.\n\n"
        f"A star schema: `claims` is the fact table and joins {joins}. Timestamps are in UTC. "
        f"No text cell holds more than {MAX_TEXT_CHARS} characters, except {unlimited}."
    )


def partition_section() -> str:
    """The layout written with ``--partition-by``."""
    lines = [
        "## Partitioned output",
        "",
        f"With `--partition-by MODE` the tables {_code_list(list(PARTITIONED_TABLES))} are "
        "written as hive-partitioned folders, `<table>/<key>=<value>/part-0.parquet`; the "
        "other tables stay single files. The key column is stored in the folder names and "
        "read back as a string column after the table's own columns (pyarrow "
        '`dataset(path, partitioning="hive")`, DuckDB `read_parquet(..., '
        "hive_partitioning = true)`). Folder names percent-encode the value as hive "
        "partitioning does (`Reuters%2FWorld`, a NUL as `%00`), and readers decode it. "
        "Documents without the key have the empty string as their key, in the folder "
        "`<key>=`; no real key is empty, so an outlet called `unknown` keeps its own "
        "partition. Every folder has that partition, empty when no document lacks the "
        "key, so readers that guess types from folder names always see text.",
        "",
        "| mode | " + COLUMNS_HEADER[0].removeprefix("| "),
        "| --- | " + COLUMNS_HEADER[1].removeprefix("| "),
    ]
    lines += [f"| `{mode}` {column_row(field)}" for mode, field in PARTITION_KEYS.items()]
    return "\n".join(lines)


def enriched_section() -> str:
    """The convenience view of the DuckDB database."""
    lines = [
        "## claims_enriched (DuckDB view)",
        "",
        "`claims.duckdb` holds one view per table, reading the Parquet files by absolute "
        "path, and `claims_enriched`. " + ENRICHED_DESCRIPTION + " Its columns after those of "
        "claims:",
        "",
        *COLUMNS_HEADER,
    ]
    for name, table, column in ENRICHED_COLUMNS:
        field = TABLES[table].field(column).with_name(name)
        text = f"{table}.{column}: {description(field.metadata)}"
        lines.append(column_row(field, text, nullable=True))
    return "\n".join(lines)


def data_dictionary_markdown() -> str:
    """The data dictionary for every table written by the tables stage."""
    sections = [table_section(name, schema) for name, schema in TABLES.items()]
    return "\n\n".join([header(), *sections, partition_section(), enriched_section()]) + "\n"
