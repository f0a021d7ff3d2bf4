"""Quotes across sentences: which sentences open inside a quote begun earlier."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from pipeline.extract.cues import DocTokens
from pipeline.extract.grammar.quotes import open_after, quote_openings
from pipeline.extract.grammar.tokens import quote_mask


@pytest.mark.parametrize(
    ("texts", "open_at_start", "expected"),
    [
        (['"', "We", "refuse", "."], False, True),
        (["We", "refuse", ".", '"'], True, False),
        (["“", "We", "refuse", ".", "”"], False, False),
        (["He", "left", "."], True, True),
        # A sentence opening with a closing mark opens its quote with it.
        (["”", "Of", "course", "."], False, True),
    ],
)
def test_quotes_open_after_follows_double_quotes(
    texts: list[str], open_at_start: bool, expected: bool
) -> None:
    assert open_after(texts, open_at_start) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said: "We refuse. We insist." Then he left.', [False, True, False]),
        ("“We refuse. We insist,” he said. He left.", [False, True, False]),
        # A paragraph break closes a quote left open.
        ('He said: "We refuse.\n\nWe insist.', [False, False]),
    ],
)
def test_quotes_openings_carry_a_quote_into_the_next_sentences(
    annotate: Callable[..., Doc], text: str, expected: list[bool]
) -> None:
    doc = annotate(text)
    assert quote_openings(DocTokens.of(doc), list(doc.sents)) == expected


def test_quote_mask_of_a_sentence_opening_inside_a_quote() -> None:
    assert quote_mask(["We", "insist", ".", '"'], open_at_start=True) == [True, True, True, False]
