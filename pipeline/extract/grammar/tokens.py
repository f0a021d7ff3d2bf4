"""Token primitives: quote marks and quote masks, mentions at a position, a word
just before another."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span

from pipeline.extract.cues import DocTokens
from pipeline.function_words import POSSESSIVE_MARKS

OPEN_QUOTES = frozenset({"“", "‘", "«"})
CLOSE_QUOTES = frozenset({"”", "»"})
TOGGLE_QUOTES = frozenset({'"', "'"})
QUOTES = OPEN_QUOTES | CLOSE_QUOTES
ALL_QUOTES = QUOTES | TOGGLE_QUOTES
BOUNDARIES = frozenset({";", ":", "—", "–", "(", ")", "[", "]"})
ADVERB_GAP = 2  # words allowed between a modal or negation and its verb ("would not quickly")


def quote_mask(texts: Sequence[str]) -> list[bool]:
    """True for tokens inside quotation marks (quote characters themselves excluded)."""
    if ALL_QUOTES.isdisjoint(texts):
        return [False] * len(texts)  # most sentences quote nobody
    mask: list[bool] = []
    inside = False
    first_quote_closes = next((text in CLOSE_QUOTES for text in texts if text in QUOTES), False)
    if first_quote_closes:
        inside = True  # the sentence continues a quote opened earlier
    for text in texts:
        if text in OPEN_QUOTES:
            inside = True
            mask.append(False)
        elif text in CLOSE_QUOTES:
            inside = False
            mask.append(False)
        elif text in TOGGLE_QUOTES:
            inside = not inside
            mask.append(False)
        else:
            mask.append(inside)
    return mask


def mention_at(mentions: list[Span], index: int) -> Span | None:
    return next((m for m in mentions if m.start <= index < m.end), None)


def mention_ending_before(mentions: list[Span], index: int) -> Span | None:
    return next((m for m in mentions if m.end == index), None)


def marked_possessive(tokens: DocTokens, mention: Span) -> bool:
    """A mention followed by "'s" (Putin's demand)."""
    return mention.end < len(tokens) and tokens.lower[mention.end] in POSSESSIVE_MARKS


def preceded_by(
    tokens: DocTokens, index: int, words: frozenset[str], floor: int, gap: int = ADVERB_GAP
) -> int | None:
    """Index of a word from ``words`` just before ``index`` (allowing a short gap)."""
    for position in range(index - 1, max(floor, index - 1 - gap - 1) - 1, -1):
        if tokens.norm[position] in words:
            return position
        if tokens.is_punct[position]:
            return None
    return None


def is_participle(word: str) -> bool:
    """A past participle by its regular ending ("proposed", "offered")."""
    return len(word) > 3 and word.endswith("ed")
