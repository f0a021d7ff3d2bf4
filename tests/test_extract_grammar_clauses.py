"""Verb groups and clauses: negation, "no longer", infinitives, noun uses, conditions."""

from __future__ import annotations

import pytest
from grammar_sentences import LEXICON, cue, index_of, sentence

from pipeline.extract.grammar.clauses import (
    coordinated_infinitive,
    factual_complement,
    in_conditional,
    is_negated,
    no_longer,
    noun_use,
    refused_intention,
    stopped,
)


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("[Kyiv]{kyiv} will not accept it", "accept", True),
        ("[Kyiv]{kyiv} will accept it", "accept", False),
        # A negation in another clause does not reach the cue.
        ("talks ended without agreement after [Russia]{russia} insisted", "insisted", False),
    ],
)
def test_is_negated_reads_a_negation_in_the_same_clause(
    text: str, words: str, expected: bool
) -> None:
    ctx = sentence(text)
    assert is_negated(ctx, cue(ctx, words), LEXICON) is expected


def test_no_longer_and_stopped_drop_a_demand() -> None:
    ctx = sentence("[Russia]{russia} is no longer demanding it")
    assert no_longer(ctx, cue(ctx, "demanding"))
    dropped = sentence("[Russia]{russia} has stopped demanding it")
    assert stopped(dropped, cue(dropped, "demanding"), LEXICON)


def test_refused_intention_is_no_intention_of_the_act() -> None:
    ctx = sentence("[Russia]{russia} has no intention of giving up land")
    assert refused_intention(ctx, cue(ctx, "giving up", "concession"), LEXICON)
    plain = sentence("[Russia]{russia} is giving up land")
    assert not refused_intention(plain, cue(plain, "giving up", "concession"), LEXICON)


def test_coordinated_infinitive_continues_a_to_infinitive() -> None:
    ctx = sentence("urged [Moscow]{russia} to stop stalling and accept the truce")
    assert coordinated_infinitive(ctx, cue(ctx, "accept", "concession"), LEXICON)


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("under real pressure", "pressure", True),
        ("a press conference", "press", True),
        ("[Kyiv]{kyiv} pressed hard", "pressed", False),
    ],
)
def test_noun_use_is_a_verb_form_used_as_a_noun(text: str, words: str, expected: bool) -> None:
    ctx = sentence(text)
    assert noun_use(ctx, cue(ctx, words), LEXICON) is expected


def test_factual_complement_is_a_that_clause_stating_a_fact() -> None:
    ctx = sentence("insisted that [Putin]{putin} had agreed")
    assert factual_complement(ctx, index_of(ctx, "that") + 1, LEXICON)
    duty = sentence("insisted that [Kyiv]{kyiv} must agree")
    assert not factual_complement(duty, index_of(duty, "that") + 1, LEXICON)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("if [Kyiv]{kyiv} accepts the plan", "accepts", True),
        ("if it rains , [Kyiv]{kyiv} accepts the plan", "accepts", False),
        ("Had [Putin]{putin} accepted the truce , talks would go on", "accepted", True),
    ],
)
def test_in_conditional_is_inside_an_open_if_clause(text: str, word: str, expected: bool) -> None:
    ctx = sentence(text)
    assert in_conditional(ctx, index_of(ctx, word), LEXICON) is expected
