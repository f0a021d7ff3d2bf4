"""The sentence context: quotes, who speaks for a token, headlines and quoted questions."""

from __future__ import annotations

import pytest
from grammar_sentences import LEXICON, cue, index_of, label, sentence

from pipeline.extract.grammar.sentence import in_quoted_question, is_boundary, is_headline_text


def test_context_reads_a_question_and_the_quoted_tokens() -> None:
    ctx = sentence('[Putin]{putin} asked : " Why would we accept ? "')
    assert ctx.is_question
    assert ctx.quoted(index_of(ctx, "accept"))
    assert not ctx.quoted(index_of(ctx, "asked"))


def test_speaker_for_prefers_the_report_holding_the_token() -> None:
    ctx = sentence("[Lavrov]{lavrov} said [Kyiv]{kyiv} must withdraw .")
    assert label(ctx.speaker_for(index_of(ctx, "withdraw"))) == "lavrov"
    assert ctx.speaker_for(index_of(ctx, "Lavrov")) is None
    assert ctx.may_have_speaker


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia rejects peace plan", True),
        ("Russia rejected the peace plan on Monday.", False),
        ("", False),
    ],
)
def test_is_headline_text_is_a_short_line_without_final_punctuation(
    text: str, expected: bool
) -> None:
    assert is_headline_text(text) is expected


def test_in_quoted_question_is_a_cue_inside_a_quoted_question() -> None:
    ctx = sentence('" Will they accept ? " [Peskov]{peskov} asked .')
    assert in_quoted_question(ctx, cue(ctx, "accept", "concession"))
    plain = sentence('" They accept , " [Peskov]{peskov} said .')
    assert not in_quoted_question(plain, cue(plain, "accept", "concession"))


@pytest.mark.parametrize(("word", "expected"), [(";", True), ("which", True), ("plan", False)])
def test_is_boundary_is_a_mark_or_a_clause_opener(word: str, expected: bool) -> None:
    ctx = sentence(f"the {word} here")
    assert is_boundary(ctx.tokens, index_of(ctx, word), LEXICON) is expected
