"""The declared schemas: flat, described, typed for BI tools, and matching the records."""

from __future__ import annotations

from dataclasses import fields

import pyarrow as pa
import pytest

from pipeline.records import Claim, Document
from pipeline.tables.dictionary import data_dictionary_markdown
from pipeline.tables.schemas import DESCRIPTION, TABLES

ALL_FIELDS = [(name, field) for name, schema in TABLES.items() for field in schema]
FIELD_IDS = [f"{name}.{field.name}" for name, field in ALL_FIELDS]

NESTED = (pa.types.is_list, pa.types.is_large_list, pa.types.is_struct, pa.types.is_map)


def test_schemas_registry_names_every_table() -> None:
    assert list(TABLES) == [
        "documents",
        "texts",
        "sentences",
        "mentions",
        "claims",
        "actors",
        "topics",
        "dates",
        "stances",
        "rejects",
    ]


@pytest.mark.parametrize(("table", "field"), ALL_FIELDS, ids=FIELD_IDS)
def test_schemas_every_field_has_description(table: str, field: pa.Field) -> None:
    assert field.metadata[DESCRIPTION].strip()


@pytest.mark.parametrize("table", list(TABLES))
def test_schemas_every_table_has_description(table: str) -> None:
    assert TABLES[table].metadata[DESCRIPTION].strip()


@pytest.mark.parametrize(("table", "field"), ALL_FIELDS, ids=FIELD_IDS)
def test_schemas_columns_are_flat(table: str, field: pa.Field) -> None:
    assert not any(is_nested(field.type) for is_nested in NESTED)


@pytest.mark.parametrize(("table", "field"), ALL_FIELDS, ids=FIELD_IDS)
def test_schemas_types_are_bi_friendly(table: str, field: pa.Field) -> None:
    allowed = {pa.string(), pa.int32(), pa.int64(), pa.float64(), pa.bool_(), pa.date32()}
    allowed.add(pa.timestamp("us", tz="UTC"))
    assert field.type in allowed


@pytest.mark.parametrize(
    ("table", "column", "kind"),
    [
        ("documents", "published", pa.timestamp("us", tz="UTC")),
        ("documents", "part", pa.int32()),
        ("documents", "n_words", pa.int64()),
        ("sentences", "sentence_id", pa.int32()),
        ("sentences", "start_char", pa.int32()),
        ("mentions", "end_char", pa.int32()),
        ("claims", "confidence", pa.float64()),
        ("claims", "start_char", pa.int32()),
        ("claims", "date_key", pa.int32()),
        ("actors", "is_principal", pa.bool_()),
        ("topics", "n_terms", pa.int32()),
        ("dates", "date_key", pa.int32()),
        ("dates", "date", pa.date32()),
        ("stances", "n_documents", pa.int64()),
    ],
)
def test_schemas_column_types(table: str, column: str, kind: pa.DataType) -> None:
    assert TABLES[table].field(column).type == kind


@pytest.mark.parametrize(
    ("table", "column"),
    [
        ("documents", "doc_id"),
        ("texts", "doc_id"),
        ("sentences", "doc_id"),
        ("sentences", "sentence_id"),
        ("mentions", "actor_id"),
        ("claims", "claim_id"),
        ("claims", "doc_id"),
        ("actors", "actor_id"),
        ("topics", "topic_id"),
        ("dates", "date_key"),
        ("stances", "actor_id"),
        ("stances", "topic"),
        ("rejects", "source"),
    ],
)
def test_schemas_key_columns_are_not_nullable(table: str, column: str) -> None:
    assert not TABLES[table].field(column).nullable


@pytest.mark.parametrize(
    ("table", "column"),
    [
        ("documents", "published"),
        ("documents", "title"),
        ("claims", "speaker"),
        ("claims", "target_actor_id"),
        ("claims", "date_key"),
        ("actors", "affiliation"),
    ],
)
def test_schemas_optional_columns_are_nullable(table: str, column: str) -> None:
    assert TABLES[table].field(column).nullable


def test_schemas_claims_match_claim_record() -> None:
    added = ["date_key", "kind"]  # the tables stage joins these from documents and sentences
    assert TABLES["claims"].names == [field.name for field in fields(Claim)] + added


def test_schemas_documents_match_document_record() -> None:
    expected = [field.name for field in fields(Document) if field.name != "text"]
    expected += ["n_words", "n_sentences", "n_claims"]
    assert TABLES["documents"].names == expected


@pytest.mark.parametrize(("table", "field"), ALL_FIELDS, ids=FIELD_IDS)
def test_schemas_dictionary_lists_every_column(table: str, field: pa.Field) -> None:
    markdown = data_dictionary_markdown()
    section = markdown.split(f"## {table}\n", 1)[1].split("\n## ", 1)[0]
    nullable = "yes" if field.nullable else "no"
    assert f"| `{field.name}` | `{field.type}` | {nullable} |" in section
