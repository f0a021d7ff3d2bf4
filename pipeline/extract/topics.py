"""Pick the one topic a claim is about: the topic word closest to its cue.

Words after the cue (its object: "rejected the land swap") are preferred to
words before it, which more often describe the actor or the setting.
"""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.knowledge.topics import TopicLexicon

OTHER = "other"
BEFORE_PENALTY = 2.5  # a topic word before the cue counts as this many times farther


def choose_topic(
    lexicon: TopicLexicon, sent: Span, cue_start: int, cue_end: int, previous: Span | None = None
) -> str:
    """Topic of the nearest lexicon hit to the cue (character offsets in the doc).

    A sentence without any topic word usually continues the previous one
    ("Kyiv says it won't happen soon" after a sentence on NATO), so the last
    topic word of the previous sentence is used before falling back to "other".
    """
    hits = lexicon.find(sent.text)
    if not hits:
        earlier = lexicon.find(previous.text) if previous is not None else []
        return earlier[-1].topic if earlier else OTHER
    base = sent.start_char
    order = {topic: rank for rank, topic in enumerate(lexicon.topics)}

    def distance(hit_start: int, hit_end: int) -> float:
        start, end = base + hit_start, base + hit_end
        if start >= cue_end:
            return float(start - cue_end)
        if end <= cue_start:
            return (cue_start - end) * BEFORE_PENALTY
        return 0.0

    specific = [hit for hit in hits if hit.topic not in lexicon.generic]
    candidates = specific or hits  # "talks" or "summit" only when nothing else is named
    best = min(
        candidates,
        key=lambda hit: (distance(hit.start, hit.end), order.get(hit.topic, len(order))),
    )
    return best.topic
