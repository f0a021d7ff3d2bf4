"""Stage 3 runner: annotated DocBin in, claims.jsonl out."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import spacy

from pipeline.annotate.store import iter_annotated
from pipeline.config import ANNOTATED_FILE, CLAIMS_FILE
from pipeline.extract.claims import ClaimExtractor
from pipeline.io import write_jsonl
from pipeline.knowledge.actors import load_actor_base
from pipeline.knowledge.cues import load_cue_lexicon
from pipeline.knowledge.topics import load_topic_lexicon


def build_extractor(
    settings: dict[str, Any],
    cues_path: Path | None = None,
    topics_path: Path | None = None,
    actors_path: Path | None = None,
) -> ClaimExtractor:
    """The rules with their lexicons and the actors' affiliations, loaded once."""
    nlp = spacy.blank("en")
    min_confidence = float(settings.get("extract", {}).get("min_confidence", 0.0))
    actors = load_actor_base(actors_path)
    affiliations = {a.id: a.affiliation for a in actors.actors.values() if a.affiliation}
    return ClaimExtractor(
        nlp,
        load_cue_lexicon(cues_path),
        load_topic_lexicon(topics_path),
        min_confidence,
        affiliations,
    )


def run_extract(
    work_dir: Path,
    settings: dict[str, Any],
    cues_path: Path | None = None,
    topics_path: Path | None = None,
    actors_path: Path | None = None,
) -> int:
    """Extract claims from every annotated document; return how many were written."""
    source = work_dir / ANNOTATED_FILE
    if not source.exists():
        raise FileNotFoundError(f"{source} not found: run `pipeline annotate` first")
    extractor = build_extractor(settings, cues_path, topics_path, actors_path)

    def rows() -> Iterator[dict[str, Any]]:
        for doc in iter_annotated(source):
            for claim in extractor.claims(doc):
                yield claim.to_dict()

    return write_jsonl(work_dir / CLAIMS_FILE, rows())
