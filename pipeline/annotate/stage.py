"""Stage 2 runner: documents.jsonl in, annotated DocBin out."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from pipeline.annotate.nlp import build_nlp
from pipeline.annotate.store import write_annotated
from pipeline.config import ANNOTATED_FILE, DOCUMENTS_FILE
from pipeline.io import read_jsonl
from pipeline.records import Document


def annotate_documents(
    documents: Iterator[Document],
    settings: dict[str, Any],
    actors_path: Path | None = None,
    cues_path: Path | None = None,
) -> Iterator[Doc]:
    """Run the NLP pipeline over documents, each Doc carrying its id and date."""
    nlp = build_nlp(settings, actors_path, cues_path)
    batch_size = int(settings.get("nlp", {}).get("batch_size", 64))

    def prepared() -> Iterator[Doc]:
        # Metadata goes in before the components run: the linker needs the date.
        for document in documents:
            doc = nlp.make_doc(document.text)
            doc.user_data.update({"doc_id": document.doc_id, "published": document.published})
            yield doc

    yield from nlp.pipe(prepared(), batch_size=batch_size)


def run_annotate(
    work_dir: Path,
    settings: dict[str, Any],
    actors_path: Path | None = None,
    cues_path: Path | None = None,
) -> int:
    """Annotate every normalised document; return how many were written."""
    source = work_dir / DOCUMENTS_FILE
    if not source.exists():
        raise FileNotFoundError(f"{source} not found: run `pipeline normalise` first")
    documents = (Document.from_dict(row) for row in read_jsonl(source))
    docs = annotate_documents(documents, settings, actors_path, cues_path)
    return write_annotated(work_dir / ANNOTATED_FILE, docs)
