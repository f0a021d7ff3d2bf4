"""Stage 1: input files in, cleaned documents and rejects out.

Each input becomes Documents (cleaned text plus metadata) or Rejects; both go
to the work folder, so every input file can be traced to one or the other.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pipeline.config import DOCUMENTS_FILE, REJECTS_FILE
from pipeline.ids import document_id
from pipeline.io import write_jsonl
from pipeline.normalise.boilerplate import Rules, load_rules, strip_boilerplate
from pipeline.normalise.metadata import guess_metadata, normalise_date
from pipeline.normalise.readers import RawText, read_inputs
from pipeline.normalise.text import normalize_text
from pipeline.records import Document, Reject

log = logging.getLogger(__name__)


def normalise(input_path: Path, settings: dict[str, Any]) -> Iterator[Document | Reject]:
    """Yield a Document or Reject for every input, in a stable order."""
    rules = boilerplate_rules(settings)
    for item in read_inputs(Path(input_path), settings):
        result = item if isinstance(item, Reject) else to_document(item, rules)
        if isinstance(result, Reject):
            log.warning("rejected %s: %s (%s)", result.source, result.reason, result.detail)
        yield result


def run_normalise(input_path: Path, work_dir: Path, settings: dict[str, Any]) -> tuple[int, int]:
    """Write ``documents.jsonl`` and ``rejects.jsonl`` atomically; return their counts."""
    rejects: list[Reject] = []

    def documents() -> Iterator[dict[str, Any]]:
        for result in normalise(input_path, settings):
            if isinstance(result, Reject):
                rejects.append(result)
            else:
                yield result.to_dict()

    written = write_jsonl(Path(work_dir) / DOCUMENTS_FILE, documents())
    write_jsonl(Path(work_dir) / REJECTS_FILE, (reject.to_dict() for reject in rejects))
    return written, len(rejects)


def to_document(raw: RawText, rules: Rules) -> Document | Reject:
    """Clean one raw text; metadata stated by the input wins over guesses from the text."""
    text = normalize_text(raw.text)
    guessed = guess_metadata(text, rules)
    cleaned = strip_boilerplate(text, rules)
    if not cleaned.strip():
        return Reject(
            raw.source,
            "empty_after_cleaning",
            "nothing but boilerplate was left after "
            "cleaning; check the file, or the rules in boilerplate.toml if it is an article",
        )
    stated_date = normalise_date(raw.published) if raw.published else None
    if raw.published and stated_date is None:
        log.warning("%s: unreadable date %r; guessing from the text", raw.source, raw.published)
    return Document(
        doc_id=document_id(raw.source, 0),
        source=raw.source,
        part=0,
        text=cleaned,
        title=raw.title or guessed.title,
        outlet=raw.outlet or guessed.outlet,
        author=raw.author or guessed.author,
        published=stated_date or guessed.published,
        url=raw.url,
    )


def boilerplate_rules(settings: dict[str, Any]) -> Rules:
    """The shipped rules, or the file named by ``[normalise] boilerplate``."""
    path = settings.get("normalise", {}).get("boilerplate")
    return load_rules(Path(path) if path else None)
