"""The claim model's labelled pairs, built from the project's own labelled text only.

Two kinds of source, listed in ``training/sources.toml``:

- gold sets: a folder of raw articles and its gold folder (the guidelines' format); a pair
  is positive for a type when the gold has a unit of that actor and type in a sentence
  that matches the pair's sentence, as ``pipeline evaluate`` matches them;
- sentence files: JSON Lines rows ``{"id", "text", "claims": [{"actor", "type"}]}`` with
  complete labels (the test cases and the written training sentences); a claim belongs to
  the last sentence that names its actor, and every other actor mentioned is a negative.

Every pair carries a group (its article, or its file and ``doc``) so that cross-validation
never splits one article's or one variant family's pairs between training and testing.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from pipeline.annotate.stage import annotate_documents
from pipeline.config import PipelineError, Settings
from pipeline.evaluate.gold import load_gold
from pipeline.evaluate.scoring import gold_document, gold_units, sentences_overlap
from pipeline.extract.claims import sentences_with_mentions
from pipeline.extract.learned.pairs import DEFAULT_WINDOW, Pair, document_pairs
from pipeline.io import atomic_text, write_jsonl
from pipeline.knowledge.bundle import Knowledge
from pipeline.normalise.stage import run_normalise
from pipeline.records import CLAIM_TYPES, Document
from pipeline.workfolder import read_documents

TYPES = tuple(CLAIM_TYPES)


@dataclass(frozen=True)
class LabelledPair:
    """One model input with its three labels (in ``TYPES`` order) and its group."""

    group: str
    origin: str  # where it came from: "gold:<set>" or "sentences:<file>"
    actor_id: str
    text: str
    labels: tuple[int, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "group": self.group,
            "origin": self.origin,
            "actor": self.actor_id,
            "text": self.text,
            "labels": list(self.labels),
        }


@dataclass
class BuildReport:
    """What was built and what could not be used (claims whose actor no pair holds)."""

    pairs: Counter[str]
    positives: Counter[str]
    unplaced: Counter[str]
    skipped_rows: int = 0


def _labels(types: Iterable[str]) -> tuple[int, ...]:
    chosen = set(types)
    return tuple(int(kind in chosen) for kind in TYPES)


def _pairs(doc: Doc, knowledge: Knowledge) -> list[Pair]:
    return document_pairs(sentences_with_mentions(doc), knowledge.actor_names, DEFAULT_WINDOW)


def gold_set_pairs(
    raw: Path, gold: Path, name: str, settings: Settings, knowledge: Knowledge, report: BuildReport
) -> Iterator[LabelledPair]:
    """Labelled pairs of one gold set: its articles normalised and annotated as a run does."""
    units = gold_units(load_gold(gold))
    sources = {unit.document for unit in units}
    with tempfile.TemporaryDirectory(prefix="training-") as work:
        run_normalise(raw, Path(work), settings, knowledge)
        documents = list(read_documents(Path(work)))
    placed: set[int] = set()
    source_of = {document.doc_id: document.source for document in documents}
    for doc in annotate_documents(iter(documents), settings, knowledge):
        source = gold_document(source_of.get(str(doc.user_data.get("doc_id")), ""), sources)
        if source is None:
            continue
        doc_units = [(i, u) for i, u in enumerate(units) if u.document == source]
        sentences = sentences_with_mentions(doc)
        for pair in _pairs(doc, knowledge):
            text = sentences[pair.sentence_id][0].text
            hits = [
                (i, u)
                for i, u in doc_units
                if u.actor == pair.actor_id and sentences_overlap(u.sentence, text)
            ]
            placed.update(i for i, _ in hits)
            yield _counted(
                LabelledPair(
                    f"{name}:{source}:{doc.user_data['doc_id']}",
                    f"gold:{name}",
                    pair.actor_id,
                    pair.text,
                    _labels(u.type for _, u in hits),
                ),
                report,
            )
    report.unplaced[f"gold:{name}"] += len(units) - len(placed)


def sentence_file_pairs(
    path: Path, settings: Settings, knowledge: Knowledge, report: BuildReport
) -> Iterator[LabelledPair]:
    """Labelled pairs of one file of labelled texts (complete rows only)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    complete = [row for row in rows if row.get("complete", True)]
    report.skipped_rows += len(rows) - len(complete)
    documents = [
        Document(
            doc_id=str(row["id"]),
            source=path.name,
            part=0,
            text=row["text"],
            published=row.get("published"),
        )
        for row in complete
    ]
    origin = f"sentences:{path.name}"
    annotated = annotate_documents(iter(documents), settings, knowledge)
    for row, doc in zip(complete, annotated, strict=True):
        pairs = _pairs(doc, knowledge)
        wanted: dict[str, set[str]] = {}
        for claim in row["claims"]:
            wanted.setdefault(claim["actor"], set()).add(claim["type"])
        last = {pair.actor_id: pair.sentence_id for pair in pairs}
        for actor in wanted.keys() - last.keys():
            report.unplaced[origin] += len(wanted[actor])
        group = f"{path.stem}:{row.get('doc') or row.get('note') or row['id']}"
        for pair in pairs:
            placed_here = last[pair.actor_id] == pair.sentence_id
            types = wanted.get(pair.actor_id, set()) if placed_here else set()
            yield _counted(
                LabelledPair(group, origin, pair.actor_id, pair.text, _labels(types)), report
            )


def _counted(pair: LabelledPair, report: BuildReport) -> LabelledPair:
    report.pairs[pair.origin] += 1
    for kind, label in zip(TYPES, pair.labels, strict=True):
        report.positives[kind] += label
    return pair


@dataclass(frozen=True)
class Sources:
    """The labelled data the model is trained on, as ``training/sources.toml`` lists it."""

    gold_sets: tuple[tuple[str, Path, Path], ...]  # (name, raw folder, gold folder)
    sentence_files: tuple[Path, ...]

    def files(self) -> list[Path]:
        """Every file the pairs are built from, in a fixed order (for the data hash)."""
        found: list[Path] = []
        for _, raw, gold in self.gold_sets:
            found += sorted(p for p in raw.rglob("*") if p.is_file() and not p.name.startswith("."))
            found += sorted(gold.glob("*.jsonl"))
        return found + list(self.sentence_files)


def read_sources(path: Path) -> Sources:
    """``sources.toml``: folders and globs relative to the file's folder's parent (the
    repository root)."""
    import tomllib

    root = path.resolve().parent.parent
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise PipelineError(f"{path}: cannot read the training sources: {error}") from error
    gold_sets = tuple(
        (entry["name"], root / entry["raw"], root / entry["gold"]) for entry in data["gold"]
    )
    files = tuple(file for pattern in data["sentences"] for file in sorted(root.glob(pattern)))
    return Sources(gold_sets, files)


def data_hash(sources: Sources) -> str:
    """One SHA-256 over every source file's name and bytes: the model card records it, so
    a changed file says the committed model is out of date."""
    digest = hashlib.sha256()
    for file in sources.files():
        digest.update(file.name.encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()


def build_pairs(
    sources: Sources, settings: Settings, knowledge: Knowledge
) -> tuple[list[LabelledPair], BuildReport]:
    """Every labelled pair of every source, in source order."""
    report = BuildReport(Counter(), Counter(), Counter())
    pairs: list[LabelledPair] = []
    for name, raw, gold in sources.gold_sets:
        pairs += gold_set_pairs(raw, gold, name, settings, knowledge, report)
    for path in sources.sentence_files:
        pairs += sentence_file_pairs(path, settings, knowledge, report)
    return pairs, report


def write_training_pairs(
    sources_file: Path, output: Path, settings: Settings, knowledge: Knowledge
) -> BuildReport:
    """``output`` (the pairs) and ``<output stem>.meta.json`` (the data hash and counts the
    model card records), each written atomically."""
    sources = read_sources(sources_file)
    pairs, report = build_pairs(sources, settings, knowledge)
    output.parent.mkdir(parents=True, exist_ok=True)
    write_jsonl(output, (pair.to_dict() for pair in pairs))
    meta = {
        "data_hash": data_hash(sources),
        "files": len(sources.files()),
        "pairs": len(pairs),
        "groups": len({pair.group for pair in pairs}),
        "positives": dict(report.positives),
        "pairs_by_origin": dict(sorted(report.pairs.items())),
        "claims_without_a_pair": dict(sorted(report.unplaced.items())),
        "rows_with_partial_labels_left_out": report.skipped_rows,
        "window": DEFAULT_WINDOW,
    }
    with atomic_text(output.with_suffix(".meta.json")) as file:
        file.write(json.dumps(meta, indent=2) + "\n")
    return report
