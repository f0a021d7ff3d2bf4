"""Stable identifiers: the same input gives the same ids on every run and machine."""

from __future__ import annotations

import hashlib


def stable_hash(*parts: object, length: int = 16) -> str:
    """Hex digest of the parts joined by a separator no part is expected to contain."""
    joined = "\x1f".join(str(part) for part in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:length]


def document_id(source: str, part: int) -> str:
    """A document is identified by where it came from, not by list position."""
    return stable_hash("doc", source, part)


def claim_id(
    doc_id: str, sentence_id: int, actor_id: str, claim_type: str, topic: str, cue_start: int
) -> str:
    """A claim is identified by its place, actor, type, topic and cue position."""
    return stable_hash("claim", doc_id, sentence_id, actor_id, claim_type, topic, cue_start)
