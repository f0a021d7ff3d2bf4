"""Stage 4: read the work folder's stage outputs and write one Parquet table each.

All tables are built and cross-checked in memory before any file is written,
so a work folder whose stages disagree (a stale DocBin, claims from another
run) fails with a message saying which stage to rerun instead of producing
tables whose offsets point at the wrong text. ``layout`` decides whether a
table is one file or a partitioned folder.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import pyarrow as pa

from pipeline.annotate.store import iter_annotated
from pipeline.config import (
    ANNOTATED_FILE,
    CLAIMS_FILE,
    DEFAULT_TOPICS,
    DOCUMENTS_FILE,
    REJECTS_FILE,
    PipelineError,
    read_toml,
)
from pipeline.io import read_jsonl
from pipeline.knowledge.actors import ActorBase
from pipeline.knowledge.topics import TopicLexicon, load_topic_lexicon
from pipeline.records import CLAIM_TYPES, Claim, Document, Reject
from pipeline.tables.build import (
    Row,
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
    stances_table,
    texts_table,
    topics_table,
)
from pipeline.tables.layout import (
    check_partition_target,
    document_partitions,
    write_flat,
    write_partitioned,
)
from pipeline.tables.schemas import PARTITIONED_TABLES, TABLES, partition_key

T = TypeVar("T")

# The command that produces each required work-folder file.
PRODUCED_BY = {
    DOCUMENTS_FILE: "pipeline normalise",
    ANNOTATED_FILE: "pipeline annotate",
    CLAIMS_FILE: "pipeline extract",
}


class WorkFolderError(PipelineError):
    """A stage output is malformed or disagrees with another stage's output."""


class MissingStageOutput(WorkFolderError, FileNotFoundError):
    """A stage output is absent; also a FileNotFoundError, like the other stages raise."""


def require(work_dir: Path, name: str) -> Path:
    """The path of a stage output, or an error naming the command that writes it."""
    path = work_dir / name
    if not path.is_file():
        raise MissingStageOutput(f"{path} not found: run `{PRODUCED_BY[name]}` first")
    return path


def _records(path: Path, parse: Callable[[dict[str, Any]], T]) -> list[T]:
    """Parse every row of a JSON Lines file, naming the row that does not fit."""
    records = []
    for number, data in enumerate(read_jsonl(path), start=1):
        try:
            records.append(parse(data))
        except (KeyError, TypeError, ValueError) as error:
            raise WorkFolderError(
                f"{path}: record {number} is malformed ({error}); run "
                f"`{PRODUCED_BY.get(path.name, 'the stage')}` again"
            ) from error
    return records


def read_documents(work_dir: Path) -> list[Document]:
    """Documents from the normalise stage; doc ids must be unique."""
    path = require(work_dir, DOCUMENTS_FILE)
    docs = _records(path, Document.from_dict)
    repeated = [doc_id for doc_id, n in Counter(doc.doc_id for doc in docs).items() if n > 1]
    if repeated:
        raise WorkFolderError(
            f"{path}: doc_id '{repeated[0]}' appears more than once; run "
            f"`{PRODUCED_BY[DOCUMENTS_FILE]}` again"
        )
    return docs


def read_rejects(work_dir: Path) -> list[Reject]:
    """Rejected inputs; a run that rejected nothing may not have written the file."""
    path = work_dir / REJECTS_FILE
    if not path.is_file():
        return []
    return _records(path, lambda data: Reject(data["source"], data["reason"], data["detail"]))


def read_claims(work_dir: Path) -> list[Claim]:
    """Claims from the extract stage."""
    return _records(require(work_dir, CLAIMS_FILE), Claim.from_dict)


def read_annotations(
    path: Path, texts: dict[str, str]
) -> tuple[list[Row], list[Row], dict[str, int]]:
    """Sentence rows, mention rows and sentence counts from one pass over the DocBin.

    Every stored Doc must belong to a known document and carry exactly its text,
    since all offsets are taken from the Doc but read against ``texts``.
    """
    rerun = f"run `{PRODUCED_BY[ANNOTATED_FILE]}` again"
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
        if doc.text != texts[doc_id]:
            raise WorkFolderError(
                f"{path}: the text of doc '{doc_id}' differs from {DOCUMENTS_FILE}; {rerun}"
            )
        doc_sentences = sentences_rows(doc)
        sentences.extend(doc_sentences)
        mentions.extend(mentions_rows(doc))
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
    claims: Iterable[Claim], texts: dict[str, str], sentence_counts: dict[str, int]
) -> None:
    """Fail on the first claim that does not fit the documents and annotations."""
    seen: set[str] = set()
    for claim in claims:
        problem = claim_problem(claim, texts, sentence_counts)
        if problem is None and claim.claim_id in seen:
            problem = "its claim_id appears more than once"
        if problem:
            raise WorkFolderError(
                f"{CLAIMS_FILE}: claim '{claim.claim_id}': {problem}; run "
                f"`{PRODUCED_BY[CLAIMS_FILE]}` again"
            )
        seen.add(claim.claim_id)


def load_topics(topics_path: Path | None) -> tuple[TopicLexicon, dict[str, str]]:
    """The topic lexicon and the optional ``label`` of each ``[[topics]]`` entry."""
    lexicon = load_topic_lexicon(topics_path)
    entries = read_toml(topics_path or DEFAULT_TOPICS).get("topics", [])
    labels = {
        entry["id"]: entry["label"]
        for entry in entries
        if isinstance(entry.get("label"), str) and entry["label"].strip()
    }
    return lexicon, labels


def check_topics(claims: Iterable[Claim], lexicon: TopicLexicon, topics_path: Path | None) -> None:
    """Every claim's topic must be a row of the topics table, or the star schema breaks."""
    unknown = sorted({claim.topic for claim in claims} - set(lexicon.topics))
    if unknown:
        raise WorkFolderError(
            f"{CLAIMS_FILE}: topic '{unknown[0]}' is not in the topic lexicon "
            f"{topics_path or DEFAULT_TOPICS}; give `pipeline tables` the --topics file that "
            f"`{PRODUCED_BY[CLAIMS_FILE]}` used, or run `{PRODUCED_BY[CLAIMS_FILE]}` again"
        )


def build_tables(
    work_dir: Path, actor_base: ActorBase, topics_path: Path | None = None
) -> dict[str, pa.Table]:
    """Every table in ``TABLES``, built and cross-checked from the work folder.

    The topics table comes from the shipped lexicon unless ``topics_path`` is given.
    """
    for name in (DOCUMENTS_FILE, ANNOTATED_FILE, CLAIMS_FILE):
        require(work_dir, name)
    docs = read_documents(work_dir)
    claims = read_claims(work_dir)
    lexicon, labels = load_topics(topics_path)
    texts = {doc.doc_id: doc.text for doc in docs}
    sentences, mentions, sentence_counts = read_annotations(work_dir / ANNOTATED_FILE, texts)
    check_claims(claims, texts, sentence_counts)
    check_topics(claims, lexicon, topics_path)
    order = document_order(docs)
    published = {doc.doc_id: parse_published(doc.published) for doc in docs}
    date_keys = {doc_id: date_key(moment) for doc_id, moment in published.items()}
    return {
        "documents": documents_table(docs, sentence_counts, claim_counts(claims)),
        "texts": texts_table(docs),
        "sentences": sentences_table(sentences, order),
        "mentions": mentions_table(mentions, order),
        "claims": claims_table(claims, order, date_keys),
        "actors": actors_table(actor_base),
        "topics": topics_table(lexicon, labels),
        "dates": dates_table(published.values()),
        "stances": stances_table(claims),
        "rejects": rejects_table(read_rejects(work_dir)),
    }


def write_tables(
    work_dir: Path,
    output_dir: Path,
    actor_base: ActorBase,
    topics_path: Path | None = None,
    partition_by: str | None = None,
) -> dict[str, int]:
    """Write every table into ``output_dir``; return row counts per table.

    Flat by default (``<table>.parquet``). With ``partition_by`` ("month" or
    "outlet") the per-document tables become hive folders ``<table>/`` (see
    ``layout``) and the others stay flat.
    """
    output_dir = Path(output_dir)
    if partition_by is not None:
        partition_key(partition_by)  # an unknown mode fails before any work
        for name in PARTITIONED_TABLES:
            check_partition_target(output_dir, name)
    tables = build_tables(Path(work_dir), actor_base, topics_path)
    partitions: dict[str, str] = {}
    if partition_by is not None:
        partitions = document_partitions(tables["documents"], partition_by)
    for name in TABLES:
        if partition_by is None or name not in PARTITIONED_TABLES:
            write_flat(tables[name], output_dir, name)
        else:
            write_partitioned(tables[name], output_dir, name, partition_by, partitions)
    return {name: tables[name].num_rows for name in TABLES}
