"""Stage 4: stream the work folder's chunks into one Parquet table each.

Chunks are read one at a time, in document order, and cross-checked by
``pipeline.workfolder`` (a stale DocBin or claims from another run fail with a
message naming the stage to rerun); their rows go to Parquet writers in row
groups, so memory stays flat however large the corpus. Tables are written into
a new table set inside the output folder and served, all at once, only when
every table is complete (``publish``); the output folder is locked meanwhile.
``layout`` decides whether a table ends up as one file or a partitioned folder.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.annotate.store import chunk_path
from pipeline.chunks import failures_path
from pipeline.config import ANNOTATED_DIR, CLAIMS_DIR, DOCUMENTS_FILE
from pipeline.knowledge.bundle import Knowledge, shipped_knowledge
from pipeline.locks import folder_lock
from pipeline.parallel import ordered_map
from pipeline.storage.remote import fetch_now
from pipeline.tables import chunk_cache
from pipeline.tables.build import (
    StanceCounts,
    actors_table,
    claim_counts,
    claims_table,
    date_key,
    dates_table,
    document_order,
    documents_table,
    mentions_table,
    parse_published,
    rejects_table,
    sentences_table,
    texts_table,
    topics_table,
    unknown_actor_rows,
)
from pipeline.tables.layout import (
    check_partition_target,
    document_partitions,
    write_partitioned,
)
from pipeline.tables.publish import CURRENT, new_set, publish_set, remove_old_sets, sets_folder
from pipeline.tables.schemas import PARTITIONED_TABLES, TABLES, partition_key
from pipeline.tables.sentence_kind import sentence_kinds
from pipeline.workfolder import (
    ChunkTask,
    WorkChunk,
    WorkFolderError,
    check_topics,
    chunk_entries,
    iter_chunk_tasks,
    load_chunk,
    read_rejects,
    require,
)

__all__ = ["CHUNK_TABLES", "WorkFolderError", "stage_tables", "write_tables"]

# Tables written chunk by chunk; the others are small and built at the end.
STREAMED_TABLES = ("documents", "texts", "sentences", "mentions", "claims")
# What each chunk adds: the streamed tables, rejects for documents a stage failed on, and
# the actors its articles name that the knowledge base does not know.
CHUNK_TABLES = (*STREAMED_TABLES, "rejects", "unknown_actors")
ROW_GROUP_ROWS = 32_768
ROW_GROUP_BYTES = 8 * 1024 * 1024


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
    unknown_actors: list[dict[str, Any]] = field(default_factory=list)  # in document order


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


TablesTask = tuple[ChunkTask, Path, str, tuple[Path, ...]]


def chunk_tables(task: TablesTask) -> dict[str, pa.Table]:
    """One chunk's rows of the streamed tables, from the cache or built and cached.

    Runs in a worker process when --jobs > 1. The task's last part names the
    cached rows' files, for a worker that fetches them from a store
    (``pipeline.storage.remote``); the chunk's own files are fetched only when
    the rows must be built again.
    """
    chunk_task, folder, key, _ = task
    tables = chunk_cache.load(folder, key, CHUNK_TABLES)
    if tables is None:
        fetch_now(_chunk_files(chunk_task))  # on a store: fetched only when they are needed
        tables = build_chunk_tables(chunk_task)
        chunk_cache.save(folder, key, tables)
    return tables


def _reads(task: ChunkTask, folder: Path, key: str) -> tuple[Path, ...]:
    """The files a chunk's tables task reads first: its cached rows and their sums."""
    return tuple(chunk_cache.files(folder, key, CHUNK_TABLES))


def _chunk_files(task: ChunkTask) -> list[Path]:
    """The files the rows of a chunk are built from: its DocBin, claims and failures list."""
    work_dir, entry, _ = task
    claims = work_dir / CLAIMS_DIR / entry["claims"]
    return [chunk_path(work_dir / ANNOTATED_DIR, entry["key"]), claims, failures_path(claims)]


def build_chunk_tables(task: ChunkTask) -> dict[str, pa.Table]:
    """Read, check and tabulate one chunk."""
    chunk = without_duplicates(load_chunk(*task))
    order = document_order(chunk.documents)
    published = {doc.doc_id: parse_published(doc.published) for doc in chunk.documents}
    date_keys = {doc_id: date_key(moment) for doc_id, moment in published.items()}
    counts = claim_counts(chunk.claims)
    kinds = sentence_kinds(chunk.documents, chunk.sentences)
    tables = {
        "documents": documents_table(chunk.documents, chunk.sentence_counts, counts),
        "texts": texts_table(chunk.documents),
        "sentences": sentences_table(chunk.sentences, order, kinds),
        "mentions": mentions_table(chunk.mentions, order),
        "claims": claims_table(chunk.claims, order, date_keys, kinds),
        "rejects": rejects_table(chunk.rejects),
        "unknown_actors": unknown_actor_rows(chunk.mentions),
    }
    return tables


def _add_chunk(tables: dict[str, pa.Table], sinks: dict[str, TableSink], totals: Totals) -> None:
    """Append one chunk's rows to the streamed tables and its figures to the totals."""
    for name in STREAMED_TABLES:
        sinks[name].add(tables[name])
    totals.rejects.append(tables["rejects"])
    totals.unknown_actors.extend(tables["unknown_actors"].to_pylist())
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

    The actors and topics tables come from ``knowledge``; the actors table adds the
    actors the articles name that it does not know.
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

        def tasks() -> Iterator[TablesTask]:
            for task in iter_chunk_tasks(work_dir):
                key = chunk_cache.cache_key(code, task[1]["claims"])
                keys.add(key)
                yield task, folder, key, _reads(task, folder, key)

        for tables in ordered_map(chunk_tables, tasks(), jobs):
            _add_chunk(tables, sinks, totals)
        chunk_cache.keep_only(folder, keys, CHUNK_TABLES)
    finally:
        for sink in sinks.values():
            sink.close()
    check_topics(totals.topics, knowledge)
    small = {
        "actors": actors_table(knowledge.actors, totals.unknown_actors),
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
    chunk_entries(Path(work_dir))  # a missing stage fails before the output folder is made
    created = not output_dir.exists()
    output_dir.mkdir(parents=True, exist_ok=True)
    try:
        with folder_lock(sets_folder(output_dir), "--output folder"):
            remove_old_sets(output_dir)  # what killed runs left
            staging = new_set(output_dir)
            try:
                counts = stage_tables(Path(work_dir), staging, knowledge, jobs)
                _arrange(staging, partition_by)
                publish_set(output_dir, staging, TABLES)
            finally:
                if staging.exists() and staging.name != _served(output_dir):
                    shutil.rmtree(staging, ignore_errors=True)
    except BaseException:
        if created:
            shutil.rmtree(output_dir, ignore_errors=True)
        raise
    return counts


def _served(output_dir: Path) -> str | None:
    link = sets_folder(output_dir) / CURRENT
    return link.readlink().name if link.is_symlink() else None


def _arrange(staging: Path, partition_by: str | None) -> None:
    """Give the staged tables their layout: partitioned tables become hive folders."""
    if partition_by is None:
        return
    documents = pq.read_table(
        staging / "documents.parquet", columns=["doc_id", "published", "outlet"]
    )
    partitions = document_partitions(documents, partition_by)
    for name in PARTITIONED_TABLES:
        staged = staging / f"{name}.parquet"
        write_partitioned(pq.read_table(staged), staging, name, partition_by, partitions)
