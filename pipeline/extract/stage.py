"""Stage 3 runner: annotated chunks in, one claims file per chunk out.

A claims file is named by the annotated chunk it came from and this stage's
own inputs (settings, lexicons, code), so a rerun extracts only from chunks
that are new or whose rules changed.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import spacy

from pipeline.annotate.store import chunk_path, count_words, iter_annotated
from pipeline.chunk_runner import run_chunk_stage
from pipeline.chunks import (
    FAILURES_SUFFIX,
    ChunkRun,
    code_files,
    failures_path,
    fingerprint,
    read_index,
    read_records,
    reusable,
    write_failures,
)
from pipeline.config import ANNOTATED_DIR, CLAIMS_DIR, Settings
from pipeline.extract.claims import ClaimExtractor
from pipeline.extract.learned.card import model_folder, read_card
from pipeline.ids import stable_hash
from pipeline.io import write_jsonl
from pipeline.knowledge.bundle import Knowledge, shipped_knowledge

if TYPE_CHECKING:
    from pipeline.extract.learned.union import LearnedClaims

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
        learned_claims(settings, knowledge),
    )


def learned_claims(settings: Settings, knowledge: Knowledge) -> LearnedClaims | None:
    """The claim model when the settings turn it on (it needs the `claim-model` extra)."""
    extract = settings.extract
    if not extract.claim_model:
        return None
    from pipeline.extract.learned.union import LearnedClaims

    return LearnedClaims.load(
        extract.claim_model_folder,
        knowledge.actor_names,
        extract.claim_model_batch,
        extract.claim_model_threads,
        extract.claim_model_alone,
    )


def extract_fingerprint(settings: Settings, knowledge: Knowledge) -> str:
    """Everything a claims file depends on besides its annotated chunk."""
    model = None
    if settings.extract.claim_model:
        model = read_card(model_folder(settings.extract.claim_model_folder)).fingerprint
    return fingerprint(
        "extract",
        dataclasses.asdict(settings.extract),
        model,
        knowledge.fingerprint("cues", "topics", "actors"),
        files=code_files("extract"),
    )


@dataclass
class ExtractWorker:
    """Extracts the claims of whole chunks; its rules are loaded once per process by ``start``."""

    settings: Settings
    knowledge: Knowledge
    name: str = "extract"
    suffixes: tuple[str, ...] = (CLAIMS_SUFFIX, FAILURES_SUFFIX)
    extractor: ClaimExtractor | None = field(default=None, repr=False)

    def start(self) -> None:
        self.extractor = build_extractor(self.settings, self.knowledge)

    def __call__(self, task: tuple[Path, Path]) -> tuple[int, int]:
        """Extract the claims of one annotated chunk into its file; return (docs, words)."""
        source, target = task
        if self.extractor is None:
            self.start()
        assert self.extractor is not None
        documents = words = 0
        rows: list[dict[str, Any]] = []
        failures: dict[str, str] = {}
        for doc in iter_annotated(source):
            documents += 1
            words += count_words(doc)
            try:
                claims = self.extractor.claims(doc)
            except Exception as error:  # one document's failure must not stop the whole run
                doc_id = str(doc.user_data.get("doc_id"))
                failures[doc_id] = f"the claim rules failed: {type(error).__name__}: {error}"
                log.error("extract: document %s: %s", doc_id, failures[doc_id])
                continue
            rows.extend(claim.to_dict() for claim in claims)
        write_failures(target, failures)  # before the claims file, whose presence marks it done
        write_jsonl(target, rows)
        return documents, words


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
    records = read_records(folder)  # size and checksum of each stored claims file
    todo = (
        (chunk_path(annotated, entry["key"]), folder / entry["claims"])
        for entry in entries
        if not reusable(folder / entry["claims"], records)
    )

    def stored(entry: dict[str, Any]) -> list[str]:
        return [entry["claims"], failures_path(folder / entry["claims"]).name]

    worker = ExtractWorker(settings, knowledge)
    return run_chunk_stage(worker, folder, entries, todo, stored, jobs, progress)
