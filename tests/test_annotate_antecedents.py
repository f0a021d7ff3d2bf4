"""Which earlier sentences a person pronoun may reach: quotes and their marks."""

from __future__ import annotations

import pytest

from pipeline.annotate.antecedents import QUOTE_SKIP, PersonReach


@pytest.mark.parametrize(
    ("sentences", "still_open"),
    [
        ([["“", "we", "hold", "."]], True),
        ([["“", "we", "hold", ".", "”"]], False),
        # a quote opened with a curly mark and closed with a straight one, and the reverse
        ([["“", "we", "hold", ",", '"', "he", "said"], ['"', "we", "wait", ".", "”"]], False),
        ([['"', "we", "hold", "."], ["we", "wait", ".", '"']], False),
        ([['"', "we", "hold", "."], ["we", "wait", "."]], True),
    ],
)
def test_person_reach_follows_quote_marks_in_order(sentences, still_open):
    reach = PersonReach()
    for words in sentences:
        reach.add(words, [])
    assert reach.open_quote is still_open


def test_person_reach_looks_past_a_bounded_number_of_quoted_sentences():
    reach = PersonReach()
    reach.add(["Putin", "spoke", "."], ["putin"])  # type: ignore[list-item]
    for _ in range(QUOTE_SKIP):
        reach.add(['"', "we", "wait", "."], [])
    assert reach.sentences == [["putin"]]
    reach.add(["we", "wait", ".", '"'], [])  # one quoted sentence too many
    assert reach.sentences[0] == []
