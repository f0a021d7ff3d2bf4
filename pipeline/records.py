"""The small records that stages hand to each other through files.

Each record maps one-to-one onto a JSON Lines row in the work folder and onto
a row of the matching Parquet table, so the stages agree on field names here.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(record_type: type) -> tuple[str, ...]:
    """A record type's field names, found once per type (``fields`` is slow in a loop)."""
    names = _FIELD_NAMES.get(record_type)
    if names is None:
        names = _FIELD_NAMES[record_type] = tuple(field.name for field in fields(record_type))
    return names


def flat_dict(record: object) -> dict[str, Any]:
    """A record of plain values as a dict: ``dataclasses.asdict`` deep-copies every
    value, which cost a second per ten thousand claims."""
    return {name: getattr(record, name) for name in _field_names(type(record))}


def known_fields(record_type: type, data: dict[str, Any]) -> dict[str, Any]:
    """The entries of ``data`` that are fields of ``record_type``: files written by an
    older or newer version may carry extra keys."""
    names = set(_field_names(record_type))
    return {key: value for key, value in data.items() if key in names}


@dataclass(frozen=True)
class Document:
    """One article's normalised text and what is known about it."""

    doc_id: str
    source: str  # input path relative to the input folder (``PATH#ID`` for JSON records)
    part: int  # several articles split from one input share its source
    text: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # ISO 8601 date or datetime, UTC when it has a time
    url: str | None = None
    duplicate_of: str | None = None  # doc_id of an earlier document with the same text

    def to_dict(self) -> dict[str, Any]:
        return flat_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        return cls(**known_fields(cls, data))


@dataclass(frozen=True)
class Reject:
    """An input the run could not use, and why: nothing is lost silently."""

    source: str
    reason: str  # short machine-readable reason, e.g. "empty", "binary", "too_large"
    detail: str  # a sentence for a person: what was wrong and what to do

    def to_dict(self) -> dict[str, Any]:
        return flat_dict(self)


@dataclass(frozen=True)
class Claim:
    """An actor's demand, concession or rejection found in one sentence, with evidence."""

    claim_id: str
    doc_id: str
    sentence_id: int
    sentence: str
    actor_id: str
    claim_type: str  # demand | concession | rejection
    topic: str
    cue: str
    start_char: int  # the cue's offsets in the document text
    end_char: int
    rule: str
    confidence: float
    speaker: str | None = None
    target_actor_id: str | None = None
    modality: str = "asserted"

    def to_dict(self) -> dict[str, Any]:
        return flat_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        return cls(**known_fields(cls, data))


CLAIM_TYPES = ("demand", "concession", "rejection")
