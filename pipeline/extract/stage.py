"""Stage 3 runner: annotated chunks in, one claims file per chunk out.

A claims file is named by the annotated chunk it came from and this stage's
own inputs (settings, lexicons, code), so a rerun extracts only from chunks
that are new or whose rules changed.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import spacy

from pipeline.annotate.store import chunk_path, count_words, iter_annotated
from pipeline.chunks import (
    FAILURES_SUFFIX,
    ChunkRun,
    code_files,
    failures_path,
    fingerprint,
    read_index,
    remove_stale,
    write_failures,
    write_index,
)
from pipeline.config import ANNOTATED_DIR, CLAIMS_DIR, Settings
from pipeline.extract.claims import ClaimExtractor
from pipeline.ids import stable_hash
from pipeline.io import write_jsonl
from pipeline.knowledge.bundle import Knowledge, shipped_knowledge
from pipeline.parallel import ordered_map
from pipeline.progress import Progress

CLAIMS_SUFFIX = ".jsonl"

log = logging.getLogger(__name__)


def build_extractor(settings: Settings, knowledge: Knowledge | None = None) -> ClaimExtractor:
    """The rules with their lexicons and the actors' affiliations (shipped knowledge if None)."""
    knowledge = knowledge or shipped_knowledge()
    return ClaimExtractor(
        spacy.blank("en"),
        knowledge.cues,
        knowledge.topics,
        settings.extract.min_confidence,
        knowledge.affiliations,
    )


def extract_fingerprint(settings: Settings, knowledge: Knowledge) -> str:
    """Everything a claims file depends on besides its annotated chunk."""
    return fingerprint(
        "extract",
        dataclasses.asdict(settings.extract),
        knowledge.fingerprint("cues", "topics", "actors"),
        files=code_files("extract"),
    )


# One extractor per worker process, built by ``_start_worker`` before any chunk arrives.
_worker: dict[str, Any] = {}


def _start_worker(settings: Settings, knowledge: Knowledge) -> None:
    _worker["extractor"] = build_extractor(settings, knowledge)


def _extract_chunk(task: tuple[Path, Path]) -> tuple[int, int, int]:
    """Extract the claims of one annotated chunk into its file; return (docs, words, claims)."""
    source, target = task
    extractor: ClaimExtractor = _worker["extractor"]
    documents = words = 0
    rows: list[dict[str, Any]] = []
    failures: dict[str, str] = {}
    for doc in iter_annotated(source):
        documents += 1
        words += count_words(doc)
        try:
            claims = extractor.claims(doc)
        except Exception as error:  # one document's failure must not stop the whole run
            doc_id = str(doc.user_data.get("doc_id"))
            failures[doc_id] = f"the claim rules failed: {type(error).__name__}: {error}"
            log.error("extract: document %s: %s", doc_id, failures[doc_id])
            continue
        rows.extend(claim.to_dict() for claim in claims)
    write_failures(target, failures)  # before the claims file, whose presence marks it done
    write_jsonl(target, rows)
    return documents, words, len(rows)


def run_extract(
    work_dir: Path,
    settings: Settings,
    knowledge: Knowledge | None = None,
    jobs: int = 1,
    progress: bool = False,
) -> ChunkRun:
    """Extract claims from every annotated chunk not extracted before; say what was done."""
    knowledge = knowledge or shipped_knowledge()
    annotated = Path(work_dir) / ANNOTATED_DIR
    chunks = read_index(annotated, "pipeline annotate")
    folder = Path(work_dir) / CLAIMS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    key = extract_fingerprint(settings, knowledge)
    entries = [
        {**chunk, "claims": stable_hash(key, chunk["key"], length=32) + CLAIMS_SUFFIX}
        for chunk in chunks
    ]

    def todo() -> Iterator[tuple[Path, Path]]:
        for entry in entries:
            target = folder / entry["claims"]
            if not target.exists():
                yield chunk_path(annotated, entry["key"]), target

    init = (settings, knowledge)
    processed = 0
    with Progress("extract", enabled=progress) as bar:
        for documents, words, _ in ordered_map(_extract_chunk, todo(), jobs, _start_worker, init):
            bar.update(documents, words)
            processed += 1
    write_index(folder, entries)
    remove_stale(folder, {entry["claims"] for entry in entries}, CLAIMS_SUFFIX)
    kept = {failures_path(folder / entry["claims"]).name for entry in entries}
    remove_stale(folder, kept, FAILURES_SUFFIX)
    total = sum(len(entry["doc_ids"]) for entry in entries)
    return ChunkRun(total, len(entries), len(entries) - processed)
