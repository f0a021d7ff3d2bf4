"""A Markdown data dictionary generated from the schemas, so the docs cannot drift."""

from __future__ import annotations

import pyarrow as pa

from pipeline.tables.schemas import DESCRIPTION, TABLES


def description(metadata: dict[bytes, bytes] | None) -> str:
    """The description stored in field or schema metadata, or an empty string."""
    return (metadata or {}).get(DESCRIPTION, b"").decode("utf-8")


def _cell(text: str) -> str:
    # a "|" would end the Markdown table cell
    return text.replace("|", "\\|").replace("\n", " ")


def table_section(name: str, schema: pa.Schema) -> str:
    """One table's heading, description and column list."""
    lines = [
        f"## {name}",
        "",
        description(schema.metadata),
        "",
        "| column | type | nullable | description |",
        "| --- | --- | --- | --- |",
    ]
    lines += [
        f"| `{field.name}` | `{field.type}` | {'yes' if field.nullable else 'no'} "
        f"| {_cell(description(field.metadata))} |"
        for field in schema
    ]
    return "\n".join(lines)


def data_dictionary_markdown() -> str:
    """The data dictionary for every table written by the tables stage."""
    header = (
        "# Data dictionary\n\n"
        "One Parquet file per table (`<table>.parquet`). Offsets (`start_char`, `end_char`) "
        "are character positions in `texts.text` of the same `doc_id`."
    )
    sections = [table_section(name, schema) for name, schema in TABLES.items()]
    return "\n\n".join([header, *sections]) + "\n"
