"""Stage 1: input files in, cleaned documents and rejects out.

Each input becomes Documents (cleaned text plus metadata) or Rejects; both go
to the work folder, so every input file can be traced to one or the other.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pipeline.chunks import code_files, fingerprint
from pipeline.config import DOCUMENTS_FILE, REJECTS_FILE, NormaliseSettings, Settings
from pipeline.ids import document_id
from pipeline.io import write_jsonl
from pipeline.knowledge.bundle import Knowledge, load_knowledge
from pipeline.normalise.boilerplate import Rules, strip_boilerplate
from pipeline.normalise.duplicates import DuplicateFinder
from pipeline.normalise.manifest import (
    InputEntry,
    Manifest,
    PreviousRows,
    read_manifest,
    signature,
    write_manifest,
)
from pipeline.normalise.metadata import guess_metadata, guess_published, normalise_date
from pipeline.normalise.readers import RawText, find_inputs, read_file
from pipeline.normalise.split import split_page
from pipeline.normalise.text import normalize_text
from pipeline.parallel import ordered_map
from pipeline.progress import Progress
from pipeline.records import Document, Reject

log = logging.getLogger(__name__)
FILES_PER_TASK = 16  # files sent to a worker at a time: fewer round trips, still balanced


def normalise(
    input_path: Path, settings: Settings, knowledge: Knowledge | None = None
) -> Iterator[Document | Reject]:
    """Yield the Documents (one per article) or a Reject for every input, in a stable order."""
    _start_worker(settings.normalise, boilerplate_rules(settings, knowledge))
    files, failures = find_inputs(Path(input_path))
    for reject in failures:
        log.warning("rejected %s: %s (%s)", reject.source, reject.reason, reject.detail)
    yield from failures
    for source, path in files:
        yield from normalise_file(source, path)


# The boilerplate rules of this process, loaded once by ``_start_worker``.
_worker: dict[str, Any] = {}


def _start_worker(options: NormaliseSettings, rules: Rules) -> None:
    _worker.update(options=options, rules=rules)


def normalise_file(source: str, path: Path) -> list[Document | Reject]:
    """Every Document and Reject one input file gives, in order."""
    results: list[Document | Reject] = []
    for item in read_file(path, source, _worker["options"]):
        if isinstance(item, Reject):
            results.append(item)
            continue
        results.extend(to_documents(item, _worker["rules"], _worker["options"].max_document_chars))
    for result in results:
        if isinstance(result, Reject):
            log.warning("rejected %s: %s (%s)", result.source, result.reason, result.detail)
    return results


def _normalise_batch(batch: list[tuple[str, Path]]) -> list[list[Document | Reject]]:
    return [normalise_file(source, path) for source, path in batch]


def normalise_fingerprint(settings: Settings, knowledge: Knowledge) -> str:
    """Everything a file's documents depend on besides the file itself."""
    return fingerprint(
        "normalise",
        settings.to_dict()["normalise"],
        knowledge.fingerprint("boilerplate"),
        files=code_files("normalise"),
    )


def run_normalise(
    input_path: Path,
    work_dir: Path,
    settings: Settings,
    knowledge: Knowledge | None = None,
    progress: bool = False,
    jobs: int = 1,
) -> tuple[int, int]:
    """Write ``documents.jsonl`` and ``rejects.jsonl`` atomically; return their counts.

    Documents are streamed to disk as they are read. An input whose size and
    modification time match the last run's (``manifest``) is not read again:
    its rows are copied. A later copy of an article already written is
    flagged with ``duplicate_of`` (see ``duplicates``).
    """
    work_dir = Path(work_dir)
    knowledge = knowledge or load_knowledge(boilerplate=settings.normalise.boilerplate)
    key = normalise_fingerprint(settings, knowledge)
    init = (settings.normalise, knowledge.boilerplate)
    files, failures = find_inputs(Path(input_path))
    signatures = {source: signature(path) for source, path in files}
    previous = read_manifest(work_dir, key)
    reusable = _unchanged(previous, signatures)
    rejects: list[dict[str, Any]] = [reject.to_dict() for reject in failures]
    entries: list[InputEntry] = []
    duplicates = DuplicateFinder()

    def fresh() -> Iterator[list[Document | Reject]]:
        changed = [(source, path) for source, path in files if source not in reusable]
        batches = (changed[i : i + FILES_PER_TASK] for i in range(0, len(changed), FILES_PER_TASK))
        for batch in ordered_map(_normalise_batch, batches, jobs, _start_worker, init):
            yield from batch

    def documents(bar: Progress) -> Iterator[dict[str, Any]]:
        computed = fresh()
        old = PreviousRows(work_dir, previous, (DOCUMENTS_FILE, REJECTS_FILE)) if previous else None
        for source, _ in files:
            if source in reusable and old is not None:
                document_lines, reject_lines = old.rows(source)
                docs = [Document.from_dict(json.loads(line)) for line in document_lines]
                docs = [dataclasses.replace(doc, duplicate_of=None) for doc in docs]
                file_rejects = [json.loads(line) for line in reject_lines]
            else:
                results = next(computed)
                docs = [result for result in results if isinstance(result, Document)]
                file_rejects = [r.to_dict() for r in results if isinstance(r, Reject)]
            rejects.extend(file_rejects)
            size, mtime_ns = signatures[source]
            entries.append(InputEntry(source, size, mtime_ns, len(docs), len(file_rejects)))
            for doc in docs:
                bar.update(1, len(doc.text.split()))
                yield duplicates.mark(doc).to_dict()

    with Progress("normalise", enabled=progress) as bar:
        written = write_jsonl(work_dir / DOCUMENTS_FILE, documents(bar))
    write_jsonl(work_dir / REJECTS_FILE, rejects)
    write_manifest(work_dir, Manifest(key, len(failures), entries))
    return written, len(rejects)


def _unchanged(previous: Manifest | None, signatures: dict[str, tuple[int, int]]) -> set[str]:
    """The inputs whose size and modification time match the last run's."""
    return {
        entry.source
        for entry in (previous.inputs if previous else [])
        if entry.same_file(*signatures.get(entry.source, (-2, -2)))
    }


def to_documents(
    raw: RawText, rules: Rules, max_chars: int | None = None
) -> list[Document | Reject]:
    """Clean one raw text into one Document per article it holds, numbered in page order.

    Metadata the input states belongs to the page's first article; a later article
    gets what its own text says, and the page's date when it states none, because
    offices are resolved by date downstream. An article over ``max_chars``
    characters is a Reject.
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
        if max_chars is not None and len(cleaned) > max_chars:
            results.append(_too_long(raw.source, number, len(cleaned), max_chars))
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


def _too_long(source: str, part: int, size: int, limit: int) -> Reject:
    return Reject(
        source,
        "too_long",
        f"part {part} has {size:,} characters after cleaning, over the limit "
        f"of {limit:,} (normalise.max_document_chars); split the text into several files "
        "or raise the limit in your settings file",
    )


def boilerplate_rules(settings: Settings, knowledge: Knowledge | None = None) -> Rules:
    """The knowledge's rules; without one, the shipped rules changed by the file named
    in ``[normalise] boilerplate``."""
    if knowledge is None:
        knowledge = load_knowledge(boilerplate=settings.normalise.boilerplate)
    return knowledge.boilerplate
