"""The record of documents and their authors that the extractor keeps per article."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from pipeline.extract.claims import ClaimExtractor
from pipeline.extract.documents import MEMORY, DocumentRecord


@pytest.mark.parametrize(
    ("text", "noun", "authors"),
    [
        ("Russia handed over its memorandum on Monday.", "memorandum", ["russia"]),
        ("The draft was negotiated by France and Germany.", "draft", ["france", "germany"]),
        ("The plan that Washington wants to impose was leaked.", "plan", ["united_states"]),
        ("Kyiv presented a new framework in Geneva.", "framework", ["ukraine"]),
    ],
)
def test_extract_documents_record_names_the_authors(
    annotate: Callable[..., Doc], extractor: ClaimExtractor, text: str, noun: str, authors: list
) -> None:
    traces = list(extractor.trace(annotate(text)))
    record = traces[-1].context.documents
    assert record is not None
    assert [a.label_ for a in record.documents[noun].authors] == authors


@pytest.mark.parametrize("later", [1, MEMORY])
def test_extract_documents_recall_within_memory(later: int) -> None:
    record = DocumentRecord()
    record.remember("memorandum", [], definite=False, opens=True)
    record.sentence_id = later
    assert record.recall("memorandum") is not None
    record.sentence_id = later + MEMORY + 1
    assert record.recall("memorandum") is None


@pytest.mark.parametrize("text", ["Reporters obtained the plan. It calls for a ceasefire."])
def test_extract_documents_no_author_no_record(
    annotate: Callable[..., Doc], extractor: ClaimExtractor, text: str
) -> None:
    traces = list(extractor.trace(annotate(text)))
    record = traces[-1].context.documents
    assert record is not None and not record.documents
