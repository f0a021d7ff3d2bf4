"""Token primitives of the grammar floor: quote masks, mentions by position, nearby words."""

from __future__ import annotations

import pytest
from grammar_sentences import index_of, label, sentence

from pipeline.extract.grammar.tokens import (
    is_participle,
    marked_possessive,
    mention_at,
    mention_ending_before,
    preceded_by,
    quote_mask,
)


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["He", "left", "."], [False, False, False]),
        (["He", "said", "“", "no", "”", "."], [False, False, False, True, False, False]),
        (['"', "no", "way", '"', "."], [False, True, True, False, False]),
        # A sentence that opens inside a quote begun in the sentence before.
        (["never", ".", "”", "he", "said"], [True, True, False, False, False]),
    ],
)
def test_quote_mask_marks_the_quoted_tokens(texts: list[str], expected: list[bool]) -> None:
    assert quote_mask(texts) == expected


def test_mention_at_and_ending_before_find_the_mention_by_position() -> None:
    ctx = sentence("Talks with [Vladimir Putin]{putin} stalled .")
    assert label(mention_at(ctx.mentions, index_of(ctx, "Putin"))) == "putin"
    assert mention_at(ctx.mentions, index_of(ctx, "with")) is None
    assert label(mention_ending_before(ctx.mentions, index_of(ctx, "stalled"))) == "putin"
    assert mention_ending_before(ctx.mentions, index_of(ctx, "Putin")) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("[Putin]{putin} 's demand", True), ("[Putin]{putin} demanded", False)],
)
def test_marked_possessive_reads_the_mark_after_a_mention(text: str, expected: bool) -> None:
    ctx = sentence(text)
    assert marked_possessive(ctx.tokens, ctx.mentions[0]) is expected


@pytest.mark.parametrize(
    ("text", "word", "found"),
    [
        ("Kyiv would not accept it", "accept", "not"),
        ("Kyiv would not quickly accept it", "accept", "not"),  # a short adverb gap
        ("Kyiv said not now , accept it", "accept", None),  # punctuation stops the search
    ],
)
def test_preceded_by_finds_a_word_just_before(text: str, word: str, found: str | None) -> None:
    ctx = sentence(text)
    position = preceded_by(ctx.tokens, index_of(ctx, word), frozenset({"not"}), ctx.start)
    assert (ctx.tokens.text[position] if position is not None else None) == found


@pytest.mark.parametrize(
    ("word", "expected"), [("proposed", True), ("offered", True), ("red", False), ("offer", False)]
)
def test_is_participle_reads_the_regular_ending(word: str, expected: bool) -> None:
    assert is_participle(word) is expected
