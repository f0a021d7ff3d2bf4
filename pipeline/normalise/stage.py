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
from pipeline.normalise.duplicates import DuplicateFinder
from pipeline.normalise.metadata import guess_metadata, guess_published, normalise_date
from pipeline.normalise.readers import RawText, read_inputs
from pipeline.normalise.split import split_page
from pipeline.normalise.text import normalize_text
from pipeline.progress import Progress
from pipeline.records import Document, Reject

log = logging.getLogger(__name__)


def normalise(input_path: Path, settings: dict[str, Any]) -> Iterator[Document | Reject]:
    """Yield the Documents (one per article) or a Reject for every input, in a stable order."""
    rules = boilerplate_rules(settings)
    for item in read_inputs(Path(input_path), settings):
        for result in [item] if isinstance(item, Reject) else to_documents(item, rules):
            if isinstance(result, Reject):
                log.warning("rejected %s: %s (%s)", result.source, result.reason, result.detail)
            yield result


def run_normalise(
    input_path: Path, work_dir: Path, settings: dict[str, Any], progress: bool = False
) -> tuple[int, int]:
    """Write ``documents.jsonl`` and ``rejects.jsonl`` atomically; return their counts.

    Documents are streamed to disk as they are read; a later copy of an article
    already written is flagged with ``duplicate_of`` (see ``duplicates``).
    """
    rejects: list[Reject] = []
    duplicates = DuplicateFinder()

    def documents(bar: Progress) -> Iterator[dict[str, Any]]:
        for result in normalise(input_path, settings):
            if isinstance(result, Reject):
                rejects.append(result)
            else:
                bar.update(1, len(result.text.split()))
                yield duplicates.mark(result).to_dict()

    with Progress("normalise", enabled=progress) as bar:
        written = write_jsonl(Path(work_dir) / DOCUMENTS_FILE, documents(bar))
    write_jsonl(Path(work_dir) / REJECTS_FILE, (reject.to_dict() for reject in rejects))
    return written, len(rejects)


def to_documents(raw: RawText, rules: Rules) -> list[Document | Reject]:
    """Clean one raw text into one Document per article it holds, numbered in page order.

    Metadata the input states belongs to the page's first article; a later article
    gets what its own text says, and the page's date when it states none, because
    offices are resolved by date downstream.
    """
    text = normalize_text(raw.text)
    stated_date = _stated_date(raw)
    page_date = stated_date or guess_published(text, rules)
    results: list[Document | Reject] = []
    for number, part in enumerate(split_page(text, rules)):
        cleaned = strip_boilerplate(part.text, rules)
        if not cleaned.strip():
            results.append(_empty(raw.source))
            continue
        guessed = guess_metadata(part.text, rules)
        first = number == 0  # what the input states is about its first article
        results.append(
            Document(
                doc_id=document_id(raw.source, number),
                source=raw.source,
                part=number,
                text=cleaned,
                title=(raw.title if first else None) or part.title or guessed.title,
                outlet=(raw.outlet if first else None) or guessed.outlet or part.outlet,
                author=(raw.author if first else None) or guessed.author,
                published=(stated_date if first else None) or guessed.published or page_date,
                url=raw.url,
            )
        )
    return results


def _stated_date(raw: RawText) -> str | None:
    """The input's own date as ISO 8601; an unreadable one is logged and left to guessing."""
    stated = normalise_date(raw.published) if raw.published else None
    if raw.published and stated is None:
        log.warning("%s: unreadable date %r; guessing from the text", raw.source, raw.published)
    return stated


def _empty(source: str) -> Reject:
    return Reject(
        source,
        "empty_after_cleaning",
        "nothing but boilerplate was left after "
        "cleaning; check the file, or the rules in boilerplate.toml if it is an article",
    )


def boilerplate_rules(settings: dict[str, Any]) -> Rules:
    """The shipped rules, or the file named by ``[normalise] boilerplate``."""
    path = settings.get("normalise", {}).get("boilerplate")
    return load_rules(Path(path) if path else None)
