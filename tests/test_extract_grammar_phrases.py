"""Noun phrases: possessors, agents after "by"/"from", light verbs and object heads."""

from __future__ import annotations

import pytest
from grammar_sentences import LEXICON, cue, index_of, label, sentence

from pipeline.extract.grammar.phrases import (
    actor_after_word,
    and_following,
    auxiliary_have,
    infinitive_after_agent,
    light_verb_before,
    object_is,
    participle_agents,
    possessor_of,
)
from pipeline.function_words import AGENT_PREPOSITIONS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[Putin]{putin} 's key demand", "putin"),
        ("[his]{putin:pronoun} long-standing demand", "putin"),
        ("[Russian]{russia:adjective} demand", "russia"),
        ("a [U.S.]{usa} - backed demand", "usa"),
        # "its objections to the plan": the plan is not "its".
        ("[Putin]{putin} 's talks on the demand", None),
    ],
)
def test_possessor_of_finds_the_owner_before_a_noun(text: str, expected: str | None) -> None:
    ctx = sentence(text)
    assert label(possessor_of(ctx, index_of(ctx, "demand"), LEXICON)) == expected


def test_actor_after_word_finds_the_agent_of_a_noun() -> None:
    ctx = sentence("a proposal by [Paris]{france} to host talks")
    found = actor_after_word(ctx, cue(ctx, "proposal", kind="noun"), AGENT_PREPOSITIONS, window=2)
    assert label(found) == "france"
    assert infinitive_after_agent(ctx, cue(ctx, "proposal", kind="noun")) == index_of(ctx, "host")


def test_participle_agents_and_the_actors_joined_to_them() -> None:
    ctx = sentence("a plan drafted by [Witkoff]{witkoff} and [Dmitriev]{dmitriev} .")
    agents = participle_agents(ctx, cue(ctx, "plan", kind="noun"), LEXICON)
    assert [label(a) for a in agents] == ["witkoff", "dmitriev"]
    assert [label(a) for a in and_following(ctx, ctx.mentions[0], LEXICON)] == [
        "witkoff",
        "dmitriev",
    ]


def test_light_verb_before_skips_a_hyphenated_modifier() -> None:
    ctx = sentence("[Trump]{trump} presented a 28 - point plan")
    assert light_verb_before(ctx, index_of(ctx, "plan"), LEXICON) == index_of(ctx, "presented")


@pytest.mark.parametrize(("text", "expected"), [("had received it", True), ("had talks", False)])
def test_auxiliary_have_is_have_before_a_participle(text: str, expected: bool) -> None:
    ctx = sentence(text)
    assert auxiliary_have(ctx, index_of(ctx, "had"), LEXICON) is expected


def test_object_is_reads_the_head_of_the_object() -> None:
    ctx = sentence("rejected the [Kremlin]{russia} 's latest accusations")
    assert object_is(ctx, index_of(ctx, "the"), "non_proposals", LEXICON)
    plain = sentence("rejected the plan")
    assert not object_is(plain, index_of(plain, "the"), "non_proposals", LEXICON)
