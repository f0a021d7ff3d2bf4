"""The knowledge a run uses (actors, cues, topics, boilerplate), loaded once.

Each part is the shipped file changed by the user's file when one is given (see
``merge``). The bundle goes to every stage, to ``explain`` and to ``evaluate``, and
carries one fingerprint per part, taken from the merged data, for the chunk caches.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.config import (
    DEFAULT_ACTORS,
    DEFAULT_BOILERPLATE,
    DEFAULT_CUES,
    DEFAULT_TOPICS,
    ConfigError,
    read_toml,
)
from pipeline.knowledge.actors import ActorBase, actor_base_from
from pipeline.knowledge.cues import CueLexicon, cue_lexicon_from
from pipeline.knowledge.merge import merge_knowledge
from pipeline.knowledge.topics import OTHER, TopicLexicon, topic_labels, topic_lexicon_from

if TYPE_CHECKING:  # the normalise package imports this module: load its rules lazily
    from pipeline.normalise.boilerplate import Rules

PARTS = ("actors", "cues", "topics", "boilerplate")
SHIPPED = {
    "actors": DEFAULT_ACTORS,
    "cues": DEFAULT_CUES,
    "topics": DEFAULT_TOPICS,
    "boilerplate": DEFAULT_BOILERPLATE,
}


@dataclass(frozen=True)
class KnowledgeFiles:
    """The user's knowledge files; None keeps the shipped file alone."""

    actors: Path | None = None
    cues: Path | None = None
    topics: Path | None = None
    boilerplate: Path | None = None


@dataclass(frozen=True)
class Knowledge:
    """Actors, cue words, topics and boilerplate rules, with a fingerprint per part."""

    actors: ActorBase
    cues: CueLexicon
    topics: TopicLexicon
    topic_labels: Mapping[str, str]
    boilerplate: Rules
    files: KnowledgeFiles = field(default_factory=KnowledgeFiles)
    fingerprints: Mapping[str, str] = field(default_factory=dict, compare=False)

    def fingerprint(self, *parts: str) -> str:
        """One hash over the named parts (all of them when none is named)."""
        names = parts or PARTS
        digest = hashlib.sha256()
        for name in names:
            digest.update(f"{name}={self.fingerprints[name]}\n".encode())
        return digest.hexdigest()

    @property
    def affiliations(self) -> dict[str, str]:
        """Actor id -> the actor it belongs to, for actors that have one."""
        return {a.id: a.affiliation for a in self.actors.actors.values() if a.affiliation}

    @property
    def actor_names(self) -> dict[str, str]:
        """Actor id -> name (the claim model's input names actors so)."""
        return {a.id: a.name for a in self.actors.actors.values()}

    def source(self, part: str) -> str:
        """How errors name a part: the user's file, or the shipped one."""
        user = getattr(self.files, part)
        return str(user) if user is not None else str(SHIPPED[part])


def knowledge_data(part: str, user_file: Path | None) -> dict[str, Any]:
    """A part's data: the shipped file, changed by the user's file when one is given."""
    shipped = read_toml(SHIPPED[part])
    if user_file is None:
        return shipped
    user = read_toml(user_file)
    merged = merge_knowledge(shipped, user, str(user_file))
    if part == "topics":
        merged = _other_last(merged, user)
    return merged


def _other_last(merged: dict[str, Any], user: dict[str, Any]) -> dict[str, Any]:
    """Topics a user adds to ``order`` rank before the fallback, which stays last."""
    order = merged.get("order")
    if not isinstance(order, list) or OTHER not in order or OTHER in user.get("order", []):
        return merged
    return {**merged, "order": [topic for topic in order if topic != OTHER] + [OTHER]}


def data_fingerprint(data: dict[str, Any]) -> str:
    """A hash of a knowledge file's (merged) data: equal data, equal hash."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load_knowledge(
    actors: Path | None = None,
    cues: Path | None = None,
    topics: Path | None = None,
    boilerplate: Path | str | None = None,
) -> Knowledge:
    """Load every part once; each user file changes its shipped file (see ``merge``)."""
    files = KnowledgeFiles(actors, cues, topics, Path(boilerplate) if boilerplate else None)
    if files == KnowledgeFiles():
        return shipped_knowledge()
    return _load(files)


@functools.cache
def shipped_knowledge() -> Knowledge:
    """The shipped knowledge, loaded once per process."""
    return _load(KnowledgeFiles())


def _load(files: KnowledgeFiles) -> Knowledge:
    from pipeline.normalise.boilerplate import rules_from

    data = {part: knowledge_data(part, getattr(files, part)) for part in PARTS}

    def where(part: str) -> str:
        user = getattr(files, part)
        return f"{user} (with the shipped {part})" if user else str(SHIPPED[part])

    return Knowledge(
        actors=actor_base_from(data["actors"], where("actors")),
        cues=cue_lexicon_from(data["cues"], where("cues")),
        topics=topic_lexicon_from(data["topics"], where("topics")),
        topic_labels=topic_labels(data["topics"]),
        boilerplate=rules_from(data["boilerplate"], where("boilerplate")),
        files=files,
        fingerprints={part: data_fingerprint(data[part]) for part in PARTS},
    )


# Knowledge handed to spaCy components, which are configured by strings: the pipeline's
# config names the bundle by its fingerprint, and the component looks it up here.
_IN_USE: dict[str, Knowledge] = {}


def share(knowledge: Knowledge) -> str:
    """Make ``knowledge`` findable by spaCy component factories; return its key."""
    key = knowledge.fingerprint()
    _IN_USE[key] = knowledge
    return key


def shared(key: str) -> Knowledge:
    """The knowledge ``share`` registered under ``key``; the shipped one for ""."""
    if not key:
        return shipped_knowledge()
    if key not in _IN_USE:
        raise ConfigError(
            f"knowledge '{key[:12]}' is not loaded in this process; build the spaCy "
            "pipeline with pipeline.annotate.nlp.build_nlp(settings, knowledge)"
        )
    return _IN_USE[key]
