"""Turn the actor knowledge base into SpanRuler patterns.

Every pattern carries the canonical actor id as its ``id`` (or ``office:<id>``
for titles whose holder depends on the date), so the matched span knows its
actor without any lookup. Words written in lower case in the knowledge base
match any case ("the Russian leader" matches "The Russian leader"); words
with capitals match exactly, so "Trump" is not "trump" and "Hill" is not "hill".
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.language import Language

from pipeline.knowledge.actors import ActorBase

APOSTROPHE_S = ["'s", "’s"]
APOSTROPHES = {"'": ["'", "’"], "’": ["'", "’"]}

ALIAS = "ALIAS"
TITLE = "TITLE"
ADJECTIVE = "ADJECTIVE"
OFFICE = "OFFICE"
OFFICE_PREFIX = "office:"


def _token_pattern(text: str) -> dict[str, Any]:
    if text.lower() in APOSTROPHE_S:
        return {"LOWER": {"IN": APOSTROPHE_S}}
    if text in APOSTROPHES:
        return {"ORTH": {"IN": APOSTROPHES[text]}}
    if text == text.lower():
        return {"LOWER": text}
    return {"ORTH": text}


def phrase_pattern(nlp: Language, phrase: str) -> list[dict[str, Any]]:
    """Token pattern for a phrase, tokenized exactly as documents will be."""
    return [_token_pattern(token.text) for token in nlp.make_doc(phrase) if not token.is_space]


def actor_patterns(nlp: Language, base: ActorBase) -> Iterator[dict[str, Any]]:
    """All SpanRuler patterns for actors and offices, in a stable order."""
    for actor in base.actors.values():
        for label, forms in (
            (ALIAS, actor.aliases),
            (TITLE, actor.titles),
            (ADJECTIVE, actor.adjectives),
        ):
            for form in forms:
                yield {"label": label, "pattern": phrase_pattern(nlp, form), "id": actor.id}
    for office in base.offices.values():
        for form in office.forms:
            yield {
                "label": OFFICE,
                "pattern": phrase_pattern(nlp, form),
                "id": OFFICE_PREFIX + office.id,
            }
