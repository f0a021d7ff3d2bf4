"""Documentation generated from code must not drift from it."""

from __future__ import annotations

from pipeline.config import PROJECT_DIR
from pipeline.tables.dictionary import data_dictionary_markdown


def test_docs_tables_md_matches_the_schemas():
    written = (PROJECT_DIR / "docs" / "tables.md").read_text(encoding="utf-8")
    assert written == data_dictionary_markdown(), "run `make dictionary` to regenerate it"
