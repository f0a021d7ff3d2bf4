"""The (sentence, actor) pairs the claim model scores, written as its input text.

One pair per actor mentioned in a sentence (aliases, titles and pronouns as the
annotate stage resolved them). The input names the actor, then gives the sentence with
the actor's mentions wrapped in square brackets: ``Vladimir Putin | [Putin] said ...``.
Training and running build it here, so the model never sees two spellings of one pair.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from spacy.tokens import Span

OPEN, CLOSE = "[", "]"
# Literal brackets in the text become round ones: only the marker may use square ones.
_PLAIN = str.maketrans({"[": "(", "]": ")", "\n": " ", "\r": " ", "\t": " "})
# Words kept around the actor's first mention when a sentence is longer than the window.
DEFAULT_WINDOW = 60


@dataclass(frozen=True)
class Pair:
    """One actor in one sentence: where it is and the model's input for it."""

    sentence_id: int
    actor_id: str
    mentions: tuple[Span, ...]  # the actor's mentions in the sentence, in order
    text: str


def sentence_pairs(
    sentence_id: int,
    sent: Span,
    mentions: list[Span],
    names: Mapping[str, str],
    window: int = DEFAULT_WINDOW,
) -> list[Pair]:
    """The pairs of one sentence, in order of each actor's first mention."""
    by_actor: dict[str, list[Span]] = {}
    for mention in mentions:
        by_actor.setdefault(mention.label_, []).append(mention)
    return [
        Pair(
            sentence_id,
            actor_id,
            tuple(spans),
            f"{actor_name(actor_id, spans, names)} | {marked_text(sent, spans, window)}",
        )
        for actor_id, spans in by_actor.items()
    ]


def actor_name(actor_id: str, mentions: list[Span], names: Mapping[str, str]) -> str:
    """The knowledge base's name; for an actor it does not know, the first mention that is
    not a pronoun ("Yuri Grimsby" reads better than its id "grimsby")."""
    if actor_id in names:
        return names[actor_id]
    named = (m.text for m in mentions if m.kb_id_ != "pronoun")
    return " ".join(next(named, actor_id).split())


def marked_text(sent: Span, mentions: list[Span], window: int = DEFAULT_WINDOW) -> str:
    """The sentence with each mention in brackets, cut to ``window`` words around the
    first mention when it is longer (the model reads a bounded input)."""
    start, end = _window(sent, mentions[0], window)
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    opens = {m.start for m in inside}
    closes = {m.end for m in inside}
    doc = sent.doc
    parts: list[str] = []
    for i in range(start, end):
        if i in closes:
            parts.append(CLOSE)
        if parts and doc[i - 1].whitespace_ and i > start:
            parts.append(" ")
        if i in opens:
            parts.append(OPEN)
        parts.append(doc[i].text.translate(_PLAIN))
    if end in closes:
        parts.append(CLOSE)
    return " ".join("".join(parts).split())


def _window(sent: Span, first: Span, window: int) -> tuple[int, int]:
    """Token bounds of at most ``window`` tokens of ``sent`` that hold ``first``."""
    if sent.end - sent.start <= window:
        return sent.start, sent.end
    before = window // 3
    start = max(sent.start, min(first.start - before, sent.end - window))
    return start, min(sent.end, start + window)


def document_pairs(
    sentences: list[tuple[Span, list[Span]]],
    names: Mapping[str, str],
    window: int = DEFAULT_WINDOW,
) -> list[Pair]:
    """Every pair of a document, given its sentences with their mentions."""
    return [
        pair
        for sentence_id, (sent, mentions) in enumerate(sentences)
        if mentions
        for pair in sentence_pairs(sentence_id, sent, mentions, names, window)
    ]
