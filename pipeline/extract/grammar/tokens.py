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


def quote_mask(texts: Sequence[str], open_at_start: bool = False) -> list[bool]:
    """True for tokens inside quotation marks (quote characters themselves excluded);
    ``open_at_start`` when a quote opened in an earlier sentence runs on into this one."""
    if ALL_QUOTES.isdisjoint(texts):
        return [open_at_start] * len(texts)  # most sentences quote nobody
    mask: list[bool] = []
    inside = open_at_start
    # A straight quote first ('"If they refuse, ...”') opens: mixed marks are common.
    first_quote_closes = next((text in CLOSE_QUOTES for text in texts if text in ALL_QUOTES), False)
    opens_with_close = texts[0] in CLOSE_QUOTES
    if first_quote_closes and not opens_with_close:
        inside = True  # the sentence continues a quote opened earlier
    single = False  # a ‘ is open: the next ’ closes it (elsewhere ’ is an apostrophe)
    for position, text in enumerate(texts):
        if text in OPEN_QUOTES:
            inside, single = True, text == "‘"
            mask.append(False)
        elif text == "’" and single:
            inside = single = False
            mask.append(False)
        elif text in CLOSE_QUOTES:
            inside = position == 0 and not inside  # "”Of course, ...": a mark opening it
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


def gerund_base(word: str, known: frozenset[str]) -> str:
    """The base of a gerund when ``known`` holds it ("appointing" -> "appoint", "naming" ->
    "name", "setting" -> "set"); otherwise the word itself."""
    if not word.endswith("ing"):
        return word
    stem = word[:-3]
    return next((base for base in (stem, stem + "e", stem[:-1]) if base in known), word)
