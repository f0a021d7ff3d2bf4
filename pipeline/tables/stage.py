"""Stage 4: stream the work folder's chunks into one Parquet table each.

Chunks are read one at a time, in document order, and cross-checked (a stale
DocBin or claims from another run fail with a message naming the stage to
rerun); their rows go to Parquet writers in row groups, so memory stays flat
however large the corpus. Tables are written into a staging folder inside the
output folder and moved into place only when every table is complete.
``layout`` decides whether a table ends up as one file or a partitioned folder.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.annotate.store import chunk_path, doc_text, iter_annotated
from pipeline.chunks import read_failures, read_index
from pipeline.config import (
    ANNOTATED_DIR,
    CLAIMS_DIR,
    DOCUMENTS_FILE,
    REJECTS_FILE,
    PipelineError,
)
from pipeline.io import read_jsonl
from pipeline.knowledge.bundle import Knowledge, shipped_knowledge
from pipeline.parallel import ordered_map
from pipeline.records import CLAIM_TYPES, Claim, Document, Reject
from pipeline.tables import chunk_cache
from pipeline.tables.build import (
    Row,
    StanceCounts,
    actors_table,
    claim_counts,
    claims_table,
    date_key,
    dates_table,
    doc_id_of,
    document_order,
    documents_table,
    mentions_rows,
    mentions_table,
    parse_published,
    rejects_table,
    sentences_rows,
    sentences_table,
    texts_table,
    topics_table,
)
from pipeline.tables.layout import (
    check_partition_target,
    document_partitions,
    flat_path,
    folder_path,
    partition_column,
    write_partitioned,
)
from pipeline.tables.schemas import PARTITIONED_TABLES, TABLES, partition_key

T = TypeVar("T")

# The command that produces each required work-folder entry.
PRODUCED_BY = {
    DOCUMENTS_FILE: "pipeline normalise",
    ANNOTATED_DIR: "pipeline annotate",
    CLAIMS_DIR: "pipeline extract",
}
# Tables written chunk by chunk; the others are small and built at the end.
STREAMED_TABLES = ("documents", "texts", "sentences", "mentions", "claims")
# What each chunk adds: the streamed tables, and rejects for documents a stage failed on.
CHUNK_TABLES = (*STREAMED_TABLES, "rejects")
ROW_GROUP_ROWS = 32_768
ROW_GROUP_BYTES = 8 * 1024 * 1024


class WorkFolderError(PipelineError):
    """A stage output is malformed or disagrees with another stage's output."""


class MissingStageOutput(WorkFolderError, FileNotFoundError):
    """A stage output is absent; also a FileNotFoundError, like the other stages raise."""


def require(work_dir: Path, name: str) -> Path:
    """The path of a stage output, or an error naming the command that writes it."""
    path = Path(work_dir) / name
    if not path.exists():
        raise MissingStageOutput(f"{path} not found: run `{PRODUCED_BY[name]}` first")
    return path


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
    for doc in iter_annotated(path):
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


def _chunk_entries(work_dir: Path) -> list[dict[str, Any]]:
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
    entries = _chunk_entries(work_dir)
    documents = enumerate(read_jsonl(documents_path), start=1)
    seen: set[str] = set()
    rerun = f"run `{PRODUCED_BY[ANNOTATED_DIR]}` again"
    for entry in entries:
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


def _load_chunk(work_dir: Path, entry: dict[str, Any], documents: list[Document]) -> WorkChunk:
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


class TableSink:
    """One table written as Parquet row groups while the chunks stream past.

    Rows are buffered up to a row-group size, so files do not fragment into
    one tiny row group per chunk and the same input always gives the same bytes.
    """

    def __init__(self, path: Path, schema: pa.Schema) -> None:
        self.path = path
        self.schema = schema
        self.rows = 0
        self._buffer: list[pa.Table] = []
        self._buffered_rows = 0
        self._buffered_bytes = 0
        self._writer = pq.ParquetWriter(path, schema)

    def add(self, table: pa.Table) -> None:
        self._buffer.append(table)
        self.rows += table.num_rows
        self._buffered_rows += table.num_rows
        self._buffered_bytes += table.nbytes
        if self._buffered_rows >= ROW_GROUP_ROWS or self._buffered_bytes >= ROW_GROUP_BYTES:
            self._flush()

    def _flush(self) -> None:
        if self._buffer:
            combined = pa.concat_tables(self._buffer).combine_chunks()
            self._writer.write_table(combined, row_group_size=max(1, combined.num_rows))
        self._buffer, self._buffered_rows, self._buffered_bytes = [], 0, 0

    def close(self) -> None:
        self._flush()
        if self.rows == 0:  # an empty file still needs one row group for some readers
            self._writer.write_table(self.schema.empty_table())
        self._writer.close()


@dataclass
class Totals:
    """What the small tables need from the whole corpus, gathered chunk by chunk."""

    stances: StanceCounts = field(default_factory=StanceCounts)
    published: set[datetime] = field(default_factory=set)
    topics: set[str] = field(default_factory=set)
    rejects: list[pa.Table] = field(default_factory=list)  # documents a stage failed on


def without_duplicates(chunk: WorkChunk) -> WorkChunk:
    """The chunk with the rows of flagged copies removed, so no article counts twice."""
    copies = {doc.doc_id for doc in chunk.documents if doc.duplicate_of}
    if not copies:
        return chunk
    return WorkChunk(
        chunk.documents,
        [row for row in chunk.sentences if row["doc_id"] not in copies],
        [row for row in chunk.mentions if row["doc_id"] not in copies],
        {doc_id: n for doc_id, n in chunk.sentence_counts.items() if doc_id not in copies},
        [claim for claim in chunk.claims if claim.doc_id not in copies],
        chunk.rejects,
    )


def chunk_tables(task: tuple[ChunkTask, Path, str]) -> dict[str, pa.Table]:
    """One chunk's rows of the streamed tables, from the cache or built and cached.

    Runs in a worker process when --jobs > 1.
    """
    chunk_task, folder, key = task
    tables = chunk_cache.load(folder, key, CHUNK_TABLES)
    if tables is None:
        tables = build_chunk_tables(chunk_task)
        chunk_cache.save(folder, key, tables)
    return tables


def build_chunk_tables(task: ChunkTask) -> dict[str, pa.Table]:
    """Read, check and tabulate one chunk."""
    chunk = without_duplicates(_load_chunk(*task))
    order = document_order(chunk.documents)
    published = {doc.doc_id: parse_published(doc.published) for doc in chunk.documents}
    date_keys = {doc_id: date_key(moment) for doc_id, moment in published.items()}
    counts = claim_counts(chunk.claims)
    tables = {
        "documents": documents_table(chunk.documents, chunk.sentence_counts, counts),
        "texts": texts_table(chunk.documents),
        "sentences": sentences_table(chunk.sentences, order),
        "mentions": mentions_table(chunk.mentions, order),
        "claims": claims_table(chunk.claims, order, date_keys),
        "rejects": rejects_table(chunk.rejects),
    }
    return tables


def _add_chunk(tables: dict[str, pa.Table], sinks: dict[str, TableSink], totals: Totals) -> None:
    """Append one chunk's rows to the streamed tables and its figures to the totals."""
    for name in STREAMED_TABLES:
        sinks[name].add(tables[name])
    totals.rejects.append(tables["rejects"])
    totals.stances.add_table(tables["claims"])
    published = tables["documents"].column("published").drop_null().to_pylist()
    totals.published.update(published)
    totals.topics.update(tables["claims"].column("topic").unique().to_pylist())


def stage_tables(
    work_dir: Path,
    staging: Path,
    knowledge: Knowledge,
    jobs: int = 1,
) -> dict[str, int]:
    """Write every table in ``TABLES`` as ``<name>.parquet`` into ``staging``; return row counts.

    The actors and topics tables come from ``knowledge``.
    """
    rejects = read_rejects(work_dir)
    totals = Totals()
    sinks: dict[str, TableSink] = {}
    try:
        for name in STREAMED_TABLES:
            sinks[name] = TableSink(staging / f"{name}.parquet", TABLES[name])
        folder = Path(work_dir) / chunk_cache.CACHE_DIR
        code = chunk_cache.tables_fingerprint()
        keys: set[str] = set()

        def tasks() -> Iterator[tuple[ChunkTask, Path, str]]:
            for task in iter_chunk_tasks(work_dir):
                key = chunk_cache.cache_key(code, task[1]["claims"])
                keys.add(key)
                yield task, folder, key

        for tables in ordered_map(chunk_tables, tasks(), jobs):
            _add_chunk(tables, sinks, totals)
        chunk_cache.keep_only(folder, keys, CHUNK_TABLES)
    finally:
        for sink in sinks.values():
            sink.close()
    check_topics(totals.topics, knowledge)
    small = {
        "actors": actors_table(knowledge.actors),
        "topics": topics_table(knowledge.topics, knowledge.topic_labels),
        "dates": dates_table(totals.published),
        "stances": totals.stances.table(),
        "rejects": pa.concat_tables([rejects_table(rejects), *totals.rejects]),
    }
    for name, table in small.items():
        pq.write_table(table, staging / f"{name}.parquet")
    counts = {name: sink.rows for name, sink in sinks.items()}
    counts.update({name: table.num_rows for name, table in small.items()})
    return {name: counts[name] for name in TABLES}


def write_tables(
    work_dir: Path,
    output_dir: Path,
    knowledge: Knowledge | None = None,
    partition_by: str | None = None,
    jobs: int = 1,
) -> dict[str, int]:
    """Write every table into ``output_dir``; return row counts per table.

    Flat by default (``<table>.parquet``). With ``partition_by`` ("month" or
    "outlet") the per-document tables become hive folders ``<table>/`` (see
    ``layout``) and the others stay flat. Nothing in ``output_dir`` changes
    unless every table was built. The actors and topics tables come from
    ``knowledge`` (the shipped knowledge when it is None).
    """
    knowledge = knowledge or shipped_knowledge()
    output_dir = Path(output_dir)
    if partition_by is not None:
        partition_key(partition_by)  # an unknown mode fails before any work
        for name in PARTITIONED_TABLES:
            check_partition_target(output_dir, name)
    require(work_dir, DOCUMENTS_FILE)
    _chunk_entries(Path(work_dir))  # a missing stage fails before the output folder is made
    created = not output_dir.exists()
    output_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".tables-", dir=output_dir))
    try:
        counts = stage_tables(Path(work_dir), staging, knowledge, jobs)
        _publish(staging, output_dir, partition_by)
    except BaseException:
        shutil.rmtree(output_dir if created else staging, ignore_errors=True)
        raise
    shutil.rmtree(staging, ignore_errors=True)
    return counts


def _publish(staging: Path, output_dir: Path, partition_by: str | None) -> None:
    """Move the staged tables into their layout, removing the other layout's stale copy."""
    partitions: dict[str, str] = {}
    if partition_by is not None:
        documents = pq.read_table(
            staging / "documents.parquet", columns=["doc_id", "published", "outlet"]
        )
        partitions = document_partitions(documents, partition_by)
    for name in TABLES:
        staged = staging / f"{name}.parquet"
        if partition_by is None or name not in PARTITIONED_TABLES:
            staged.replace(flat_path(output_dir, name))
            stale = folder_path(output_dir, name)
            if partition_column(stale) is not None:
                shutil.rmtree(stale)
        else:
            write_partitioned(pq.read_table(staged), output_dir, name, partition_by, partitions)
