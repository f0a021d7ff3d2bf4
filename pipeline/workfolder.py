"""The work folder: the contract between the stages.

What each stage writes into the work folder, and how the next stage reads and
checks it:

- ``normalise`` writes ``documents.jsonl`` (one Document per line, in input
  order) and ``rejects.jsonl`` (inputs it could not use);
- ``annotate`` writes ``annotated/``: one DocBin per chunk of documents, named by
  the chunk's key, an ``index.json`` listing the chunks in document order, and
  beside a DocBin the documents it failed on (see ``pipeline.chunks``);
- ``extract`` writes ``claims/``: one JSON Lines file of claims per annotated
  chunk, its own ``index.json`` (each annotated entry plus its ``claims`` file)
  and the documents it failed on.

Readers here fail with a ``WorkFolderError`` naming the command to rerun when an
output is missing, malformed or from another run (a stale DocBin, claims of
another annotate run, documents that do not match the annotations).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from spacy.tokens import Doc

from pipeline.annotate.store import chunk_path, doc_text, iter_annotated
from pipeline.chunks import read_failures, read_index, read_records
from pipeline.config import (
    ANNOTATED_DIR,
    CLAIMS_DIR,
    DOCUMENTS_FILE,
    REJECTS_FILE,
    PipelineError,
)
from pipeline.io import read_jsonl, remove_temporary
from pipeline.knowledge.bundle import Knowledge
from pipeline.locks import folder_lock
from pipeline.records import CLAIM_TYPES, Claim, Document, Reject
from pipeline.tables.build import Row, doc_id_of, mentions_rows, sentences_rows
from pipeline.tables.chunk_cache import CACHE_DIR

T = TypeVar("T")
log = logging.getLogger(__name__)

# The command that produces each required work-folder entry.
PRODUCED_BY = {
    DOCUMENTS_FILE: "pipeline normalise",
    ANNOTATED_DIR: "pipeline annotate",
    CLAIMS_DIR: "pipeline extract",
}


class WorkFolderError(PipelineError):
    """A stage output is malformed or disagrees with another stage's output."""


class MissingStageOutput(WorkFolderError, FileNotFoundError):
    """A stage output is absent; also a FileNotFoundError, like the other stages raise."""


@contextlib.contextmanager
def work_folder(work_dir: Path) -> Iterator[Path]:
    """Hold the work folder for a stage or a run: locked against a second run, and rid
    of the temporary files runs killed earlier left (only the first holder cleans)."""
    work_dir = Path(work_dir)
    with folder_lock(work_dir, "--work folder") as first:
        if first:
            for folder in (
                work_dir,
                *(work_dir / name for name in (ANNOTATED_DIR, CLAIMS_DIR, CACHE_DIR)),
            ):
                for path in remove_temporary(folder):
                    log.info("removed %s, left by a run that was stopped", path)
        yield work_dir


def require(work_dir: Path, name: str) -> Path:
    """The path of a stage output, or an error naming the command that writes it."""
    path = Path(work_dir) / name
    if not path.exists():
        raise MissingStageOutput(f"{path} not found: run `{PRODUCED_BY[name]}` first")
    return path


def read_documents(work_dir: Path) -> Iterator[Document]:
    """The normalise stage's documents, streamed."""
    source = require(work_dir, DOCUMENTS_FILE)
    return (Document.from_dict(row) for row in read_jsonl(source))


def _parse(
    path: Path, number: int, data: dict[str, Any], parse: Callable[[dict[str, Any]], T]
) -> T:
    """One record of a stage's JSON Lines file, or an error naming the record and the fix."""
    try:
        return parse(data)
    except (KeyError, TypeError, ValueError) as error:
        command = PRODUCED_BY.get(path.name) or PRODUCED_BY.get(path.parent.name, "the stage")
        raise WorkFolderError(
            f"{path}: record {number} is malformed ({error}); run `{command}` again"
        ) from error


def _records(path: Path, parse: Callable[[dict[str, Any]], T]) -> Iterator[T]:
    for number, data in enumerate(read_jsonl(path), start=1):
        yield _parse(path, number, data, parse)


def read_rejects(work_dir: Path) -> list[Reject]:
    """Rejected inputs; a run that rejected nothing may not have written the file."""
    path = Path(work_dir) / REJECTS_FILE
    if not path.is_file():
        return []
    return list(_records(path, lambda data: Reject(data["source"], data["reason"], data["detail"])))


def read_annotations(
    path: Path, texts: dict[str, str], failed: dict[str, str] | None = None
) -> tuple[list[Row], list[Row], dict[str, int]]:
    """Sentence rows, mention rows and sentence counts from one pass over a chunk's DocBin.

    Documents the annotate stage failed on are stored without mentions; what went
    wrong is added to ``failed`` (doc_id -> reason) when it is given.

    Every stored Doc must belong to the chunk's documents and carry exactly its
    text, since all offsets are taken from the Doc but read against ``texts``.
    """
    rerun = f"run `{PRODUCED_BY[ANNOTATED_DIR]}` again"
    if not path.is_file():
        raise WorkFolderError(f"{path} is listed in the index but missing; {rerun}")
    sentences: list[Row] = []
    mentions: list[Row] = []
    counts: dict[str, int] = {}
    for doc in _stored_docs(path, rerun):
        try:
            doc_id = doc_id_of(doc)
        except ValueError as error:
            raise WorkFolderError(f"{path}: {error}; {rerun}") from error
        if doc_id not in texts:
            raise WorkFolderError(
                f"{path}: doc_id '{doc_id}' is not in {DOCUMENTS_FILE} "
                f"(the annotations are from another run); {rerun}"
            )
        if doc_id in counts:
            raise WorkFolderError(f"{path}: doc_id '{doc_id}' is stored twice; {rerun}")
        text = doc_text(doc)
        if text != texts[doc_id]:
            raise WorkFolderError(
                f"{path}: the text of doc '{doc_id}' differs from {DOCUMENTS_FILE}; {rerun}"
            )
        if failed is not None and doc.user_data.get("failed"):
            failed[doc_id] = str(doc.user_data["failed"])
        doc_sentences = sentences_rows(doc, text)
        sentences.extend(doc_sentences)
        mentions.extend(mentions_rows(doc, text))
        counts[doc_id] = len(doc_sentences)
    missing = sorted(set(texts) - set(counts))
    if missing:
        raise WorkFolderError(
            f"{path}: {len(missing)} document(s) were not annotated, e.g. '{missing[0]}'; {rerun}"
        )
    return sentences, mentions, counts


def _stored_docs(path: Path, rerun: str) -> Iterator[Doc]:
    """The Docs of a chunk file; a file spaCy cannot read is a damaged stage output."""
    try:
        yield from iter_annotated(path)
    except Exception as error:  # spaCy, msgpack and zlib each raise their own kind
        raise WorkFolderError(f"{path} is damaged ({error}); {rerun}") from error


def check_size(path: Path, records: dict[str, dict[str, Any]], command: str) -> None:
    """Fail when a stored chunk file has another size than its index records (cheap: a stat)."""
    record = records.get(path.name)
    if record is not None and path.is_file() and path.stat().st_size != record.get("bytes"):
        raise WorkFolderError(
            f"{path} is damaged ({path.stat().st_size} bytes, {record.get('bytes')} recorded); "
            f"run `{command}` again"
        )


def claim_problem(
    claim: Claim, texts: dict[str, str], sentence_counts: dict[str, int]
) -> str | None:
    """Why a claim cannot be placed in its document, or None when it can."""
    if claim.doc_id not in texts:
        return f"doc_id '{claim.doc_id}' is not in {DOCUMENTS_FILE}"
    if claim.claim_type not in CLAIM_TYPES:
        return f"claim_type '{claim.claim_type}' is not one of {', '.join(CLAIM_TYPES)}"
    if not 0 <= claim.sentence_id < sentence_counts[claim.doc_id]:
        return f"sentence_id {claim.sentence_id} is not a sentence of doc '{claim.doc_id}'"
    if not 0 <= claim.start_char <= claim.end_char <= len(texts[claim.doc_id]):
        return f"offsets {claim.start_char}:{claim.end_char} fall outside the document text"
    return None


def check_claims(
    claims: Iterable[Claim], texts: dict[str, str], sentence_counts: dict[str, int], where: Path
) -> None:
    """Fail on the first claim that does not fit the documents and annotations.

    Claim ids contain the doc id, so unique ids within a chunk are unique overall.
    """
    seen: set[str] = set()
    for claim in claims:
        problem = claim_problem(claim, texts, sentence_counts)
        if problem is None and claim.claim_id in seen:
            problem = "its claim_id appears more than once"
        if problem:
            raise WorkFolderError(
                f"{where}: claim '{claim.claim_id}': {problem}; run "
                f"`{PRODUCED_BY[CLAIMS_DIR]}` again"
            )
        seen.add(claim.claim_id)


def check_topics(topics: set[str], knowledge: Knowledge) -> None:
    """Every claim's topic must be a row of the topics table, or the star schema breaks."""
    unknown = sorted(topics - set(knowledge.topics.topics))
    if unknown:
        raise WorkFolderError(
            f"{CLAIMS_DIR}: topic '{unknown[0]}' is not in the topic lexicon "
            f"{knowledge.source('topics')}; give `pipeline tables` the --topics file that "
            f"`{PRODUCED_BY[CLAIMS_DIR]}` used, or run `{PRODUCED_BY[CLAIMS_DIR]}` again"
        )


@dataclass
class WorkChunk:
    """One chunk's documents with their annotations and claims, already cross-checked."""

    documents: list[Document]
    sentences: list[Row]
    mentions: list[Row]
    sentence_counts: dict[str, int]
    claims: list[Claim]
    rejects: list[Reject] = field(default_factory=list)  # documents a stage failed on


def chunk_entries(work_dir: Path) -> list[dict[str, Any]]:
    """The chunks annotate wrote, each with the claims file extract wrote for it."""
    annotated = read_index(require(work_dir, ANNOTATED_DIR), PRODUCED_BY[ANNOTATED_DIR])
    extracted = read_index(require(work_dir, CLAIMS_DIR), PRODUCED_BY[CLAIMS_DIR])
    if [entry.get("key") for entry in extracted] != [entry.get("key") for entry in annotated]:
        raise WorkFolderError(
            f"{Path(work_dir) / CLAIMS_DIR}: the claims are from another annotate run; "
            f"run `{PRODUCED_BY[CLAIMS_DIR]}` again"
        )
    return extracted


ChunkTask = tuple[Path, dict[str, Any], list[Document]]


def iter_chunk_tasks(work_dir: Path) -> Iterator[ChunkTask]:
    """Each chunk's index entry with its documents, read in order from documents.jsonl.

    The documents are checked here, in one process, because only a sequential
    read can tell that documents.jsonl and the annotations list the same ids.
    """
    work_dir = Path(work_dir)
    documents_path = require(work_dir, DOCUMENTS_FILE)
    entries = chunk_entries(work_dir)
    documents = enumerate(read_jsonl(documents_path), start=1)
    seen: set[str] = set()
    rerun = f"run `{PRODUCED_BY[ANNOTATED_DIR]}` again"
    annotated, claims = work_dir / ANNOTATED_DIR, work_dir / CLAIMS_DIR
    annotated_records, claims_records = read_records(annotated), read_records(claims)
    for entry in entries:
        check_size(
            chunk_path(annotated, entry["key"]), annotated_records, PRODUCED_BY[ANNOTATED_DIR]
        )
        check_size(claims / entry["claims"], claims_records, PRODUCED_BY[CLAIMS_DIR])
        chunk: list[Document] = []
        for expected in entry["doc_ids"]:
            number, data = next(documents, (0, None))
            if data is None:
                raise WorkFolderError(
                    f"{documents_path} ends before document '{expected}' of the annotations; "
                    f"{rerun}"
                )
            document = _parse(documents_path, number, data, Document.from_dict)
            if document.doc_id != expected:
                raise WorkFolderError(
                    f"{documents_path}: record {number} is '{document.doc_id}', the annotations "
                    f"expect '{expected}' (they are from another run); {rerun}"
                )
            if document.doc_id in seen:
                raise WorkFolderError(
                    f"{documents_path}: doc_id '{document.doc_id}' appears more than once; "
                    f"run `{PRODUCED_BY[DOCUMENTS_FILE]}` again"
                )
            seen.add(document.doc_id)
            chunk.append(document)
        yield work_dir, entry, chunk
    leftover = next(documents, None)
    if leftover is not None:
        raise WorkFolderError(
            f"{documents_path}: record {leftover[0]} and later were never annotated; {rerun}"
        )


def load_chunk(work_dir: Path, entry: dict[str, Any], documents: list[Document]) -> WorkChunk:
    """One chunk's documents with their annotations and claims, cross-checked; the
    documents a stage failed on become rejects."""
    texts = {document.doc_id: document.text for document in documents}
    annotated = chunk_path(work_dir / ANNOTATED_DIR, entry["key"])
    annotate_failed: dict[str, str] = {}
    sentences, mentions, counts = read_annotations(annotated, texts, annotate_failed)
    claims_path = work_dir / CLAIMS_DIR / entry["claims"]
    if not claims_path.is_file():
        raise WorkFolderError(
            f"{claims_path} is listed in the index but missing; "
            f"run `{PRODUCED_BY[CLAIMS_DIR]}` again"
        )
    claims = list(_records(claims_path, Claim.from_dict))
    check_claims(claims, texts, counts, claims_path)
    failures = [
        ("annotate_failed", annotate_failed),
        ("extract_failed", read_failures(claims_path)),
    ]
    rejects = [
        Reject(
            document.source,
            reason,
            f"document {document.doc_id} (part {document.part}): {failed[document.doc_id]}; "
            "its text and sentences are in the tables, its claims are not",
        )
        for reason, failed in failures
        for document in documents
        if document.doc_id in failed
    ]
    return WorkChunk(documents, sentences, mentions, counts, claims, rejects)
