"""The annotate stage: documents in, Docs with ids, dates and resolved mentions out."""

from __future__ import annotations

import pytest

from pipeline.annotate.stage import annotate_documents
from pipeline.annotate.store import MENTIONS_KEY
from pipeline.config import load_settings
from pipeline.records import Document

pytestmark = pytest.mark.integration


@pytest.mark.parametrize(
    ("published", "holder"),
    [("2022-03-01", "blinken"), ("2025-03-01", "rubio"), (None, "rubio")],
)
def test_annotate_stage_resolves_offices_by_the_document_date(published, holder):
    document = Document("d1", "a.txt", 0, "The secretary of state flew home.", published=published)
    (doc,) = annotate_documents(iter([document]), load_settings())
    assert doc.user_data["doc_id"] == "d1"
    assert [span.label_ for span in doc.spans[MENTIONS_KEY]] == [holder]
