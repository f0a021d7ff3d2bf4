"""Stage 2 runner: documents.jsonl in, one annotated DocBin per chunk out.

Chunks whose DocBin already exists under the same key are not annotated
again (see ``pipeline.chunks``); with ``jobs > 1`` worker processes each
annotate whole chunks and write their own files.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.annotate.long_text import annotate_in_pieces, make_long_doc
from pipeline.annotate.nlp import build_nlp
from pipeline.annotate.sentences import (
    MAX_SENTENCE_CHARS,
    cap_length,
    ends_with_break,
    set_sentence_starts,
    token_columns,
)
from pipeline.annotate.store import (
    CHUNK_SUFFIX,
    MENTIONS_KEY,
    chunk_path,
    write_annotated,
)
from pipeline.chunk_runner import run_chunk_stage
from pipeline.chunks import (
    Chunk,
    ChunkRun,
    code_files,
    fingerprint,
    make_chunks,
    read_records,
    reusable,
)
from pipeline.config import ANNOTATED_DIR, Settings
from pipeline.engines.base import active_engine
from pipeline.knowledge.bundle import Knowledge, shipped_knowledge
from pipeline.records import Document
from pipeline.workfolder import read_documents

log = logging.getLogger(__name__)


def annotate_documents(
    documents: Iterable[Document],
    settings: Settings,
    knowledge: Knowledge | None = None,
    nlp: Language | None = None,
) -> Iterator[Doc]:
    """Run the NLP pipeline over documents, each Doc carrying its id and date.

    A document that makes a component fail does not stop the run: it comes
    out as a plain Doc (sentences at line breaks, no mentions) whose
    ``user_data["failed"]`` says what went wrong, and the tables stage lists it
    among the rejects. The other documents are annotated as usual.
    """
    nlp = nlp or build_nlp(settings, knowledge)
    failed: dict[str, str] = {}
    _set_error_handler(nlp, functools.partial(_record_failure, failed))
    for long, group in groupby(documents, key=lambda document: len(document.text) > nlp.max_length):
        if long:
            yield from (_annotate_long(nlp, document, failed) for document in group)
        else:
            yield from _annotate_stream(nlp, group, settings.nlp.batch_size, failed)


def _record_failure(
    failed: dict[str, str], name: str, component: Any, docs: list[Doc], error: Exception
) -> None:
    """The error handler of the pipeline's components: note and log each failed doc."""
    for doc in docs:
        doc_id = str(doc.user_data.get("doc_id"))
        failed[doc_id] = f"the {name} component failed: {type(error).__name__}: {error}"
        log.error("annotate: document %s: %s", doc_id, failed[doc_id])


def _annotate_stream(
    nlp: Language, documents: Iterable[Document], batch_size: int, failed: dict[str, str]
) -> Iterator[Doc]:
    """``nlp.pipe`` over documents the tokenizer takes whole, failed ones stood in for."""
    pending: deque[Document] = deque()

    def prepared() -> Iterator[Doc]:
        # Metadata goes in before the components run: the linker needs the date.
        for document in documents:
            pending.append(document)
            yield _prepared_doc(nlp, document)

    for doc in nlp.pipe(prepared(), batch_size=batch_size):
        # spaCy drops a failed doc from the stream: the ones before this doc that
        # did not come out are the failed ones, in order.
        while pending and pending[0].doc_id != doc.user_data["doc_id"]:
            yield unannotated_doc(nlp, pending.popleft(), failed)
        pending.popleft()
        yield doc
    while pending:
        yield unannotated_doc(nlp, pending.popleft(), failed)


def _annotate_long(nlp: Language, document: Document, failed: dict[str, str]) -> Doc:
    """A document over ``nlp.max_length`` characters, annotated in pieces (see long_text)."""
    metadata = {"doc_id": document.doc_id, "published": document.published}
    try:
        return annotate_in_pieces(nlp, document.text, metadata)
    except Exception as error:  # a bug meeting unforeseen text: this document only
        reason = f"annotating it in pieces failed: {type(error).__name__}: {error}"
        failed[document.doc_id] = reason
        log.error("annotate: document %s: %s", document.doc_id, reason)
        return unannotated_doc(nlp, document, failed)


def _set_error_handler(nlp: Language, handler: Callable[..., None]) -> None:
    """``Language.set_error_handler``, skipping the components that cannot take one.

    spaCy's parser-based components (ner, parser) refuse a handler; a failure in
    one of them still stops the run, as it would without this stage's help.
    """
    nlp.default_error_handler = handler  # the handler of plain function components
    for _, component in nlp.pipeline:
        if hasattr(component, "set_error_handler"):
            try:
                component.set_error_handler(handler)
            except AttributeError:
                continue


def _prepared_doc(nlp: Language, document: Document) -> Doc:
    doc = make_long_doc(nlp, document.text)  # a text over nlp.max_length is tokenized in pieces
    doc.user_data.update({"doc_id": document.doc_id, "published": document.published})
    return doc


def unannotated_doc(nlp: Language, document: Document, failed: dict[str, str]) -> Doc:
    """The stand-in for a document the pipeline failed on: tokens, line-break sentences
    within the length cap, no mentions, and the reason in ``user_data["failed"]``."""
    doc = _prepared_doc(nlp, document)
    doc.user_data["failed"] = failed.get(document.doc_id, "the pipeline failed on it")
    if len(doc):
        texts, spaces = token_columns(doc)
        # a sentence starts after each line break, as the news sentencizer's first rule
        starts = [True, *map(ends_with_break, texts[:-1], spaces[:-1])]
        cap_length(starts, texts, spaces, MAX_SENTENCE_CHARS)
        set_sentence_starts(doc, starts)
    doc.spans[MENTIONS_KEY] = []
    return doc


def annotate_fingerprint(settings: Settings, knowledge: Knowledge) -> str:
    """Everything an annotated chunk depends on besides its documents."""
    return fingerprint(
        "annotate",
        dataclasses.asdict(settings.nlp),
        knowledge.fingerprint("actors", "cues"),
        files=code_files("annotate"),
    )


@dataclass
class AnnotateWorker:
    """Annotates whole chunks; its spaCy pipeline is built once per process by ``start``."""

    settings: Settings
    knowledge: Knowledge
    name: str = "annotate"
    suffixes: tuple[str, ...] = (CHUNK_SUFFIX,)
    # Forget the strings each chunk adds once it is stored (nlp.memory_zone): needed where
    # workers outlive the run, and skipped elsewhere, where it costs a third of annotate's time.
    forget_strings: bool = False
    nlp: Language | None = field(default=None, repr=False)

    def start(self) -> None:
        self.nlp = build_nlp(self.settings, self.knowledge)

    def __call__(self, task: tuple[Path, Chunk]) -> tuple[int, int]:
        """Annotate one chunk into its file; return (documents, words)."""
        target, chunk = task
        if self.nlp is None:
            self.start()
        assert self.nlp is not None
        # With forget_strings, the strings a chunk adds to the vocab go when it is stored: a
        # long-lived worker (a Dask worker annotates chunk after chunk) does not grow.
        with self.nlp.memory_zone() if self.forget_strings else contextlib.nullcontext():
            docs = annotate_documents(chunk.documents, self.settings, nlp=self.nlp)
            written = write_annotated(target, docs)
        return written, sum(len(document.text.split()) for document in chunk.documents)


def run_annotate(
    work_dir: Path,
    settings: Settings,
    knowledge: Knowledge | None = None,
    jobs: int = 1,
    progress: bool = False,
) -> ChunkRun:
    """Annotate every normalised document not annotated before; say what was done."""
    knowledge = knowledge or shipped_knowledge()
    folder = Path(work_dir) / ANNOTATED_DIR
    folder.mkdir(parents=True, exist_ok=True)
    key = annotate_fingerprint(settings, knowledge)
    entries: list[dict[str, Any]] = []
    records = read_records(folder)  # size and checksum of each stored chunk

    def todo() -> Iterator[tuple[Path, Chunk]]:
        for chunk in make_chunks(read_documents(work_dir), key, settings.run.chunk_size):
            target = chunk_path(folder, chunk.key)
            entries.append({"key": chunk.key, "doc_ids": chunk.doc_ids})
            if not reusable(target, records):
                yield target, chunk

    def stored(entry: dict[str, Any]) -> list[str]:
        return [chunk_path(folder, entry["key"]).name]

    engine = active_engine()
    worker = AnnotateWorker(
        settings, knowledge, forget_strings=engine is not None and engine.long_lived
    )
    return run_chunk_stage(worker, folder, entries, todo(), stored, jobs, progress)
