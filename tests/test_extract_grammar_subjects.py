"""Subjects: the actor a verb belongs to, coordination, and verbs with no actor subject."""

from __future__ import annotations

import pytest
from grammar_sentences import LEXICON, cue, index_of, label, sentence

from pipeline.extract.grammar.subjects import (
    can_be_subject,
    coordinated,
    first_person_subject,
    has_own_subject,
    left_subject,
    opens_relative,
    reduced_relative,
)


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("[Russia]{russia} rejected the plan .", "rejected", "russia"),
        ("[Russia]{russia} has long demanded land .", "demanded", "russia"),
        # A mention governed by a preposition is no subject.
        ("Talks with [Putin]{putin} demanded patience .", "demanded", None),
        # A possessor is the subject only of a group noun: "Putin's idea requires" is the idea's.
        ("[Putin]{putin} 's idea requires land .", "requires", None),
        ("[Putin]{putin} 's aides want land .", "want", "putin"),
        # A verb after "but" shares the clause's first subject, not the nearest name.
        (
            "[Moscow]{russia} accepted the [U.S.]{usa} offer but rejected a truce .",
            "rejected",
            "russia",
        ),
        # A parenthesis between the subject and its verb.
        (
            "[Yermak]{yermak} , the head of [Zelensky]{zelensky} 's office , said no .",
            "said",
            "yermak",
        ),
        # "who" stands for the name before the comma.
        ("[Putin]{putin} , who has long demanded land , spoke .", "demanded", "putin"),
    ],
)
def test_left_subject_finds_the_verbs_actor(text: str, verb: str, expected: str | None) -> None:
    ctx = sentence(text)
    subject = left_subject(ctx.tokens, index_of(ctx, verb), ctx.mentions, LEXICON, ctx.start)
    assert label(subject) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[Russian]{russia:adjective} officials rejected it", True),
        ("[Russian]{russia:adjective} territory was taken", False),
        ("talks with [Kyiv]{kyiv}", False),
    ],
)
def test_can_be_subject_passes_over_demonyms_and_objects(text: str, expected: bool) -> None:
    ctx = sentence(text)
    assert can_be_subject(ctx.tokens, ctx.mentions[0], LEXICON) is expected


def test_coordinated_joins_the_actors_of_a_list() -> None:
    ctx = sentence("[Paris]{france} , [Berlin]{germany} and [London]{uk} rejected it .")
    chain = coordinated(ctx.tokens, ctx.mentions[-1], ctx.mentions, LEXICON)
    assert [label(m) for m in chain] == ["france", "germany", "uk"]
    pair = sentence("[Kyiv]{kyiv} and its [European]{eu:adjective} allies rejected it .")
    assert [
        label(m) for m in coordinated(pair.tokens, pair.mentions[-1], pair.mentions, LEXICON)
    ] == [
        "kyiv",
        "eu",
    ]


def test_has_own_subject_sees_an_actor_or_a_perfect_before_the_verb() -> None:
    ctx = sentence("[Moscow]{russia} rejected it")
    assert has_own_subject(ctx, cue(ctx, "rejected", "rejection"), LEXICON)
    passive = sentence("a plan , rejected by [Moscow]{russia}")
    assert not has_own_subject(passive, cue(passive, "rejected", "rejection"), LEXICON)


def test_first_person_subject_finds_we_before_the_verb() -> None:
    ctx = sentence("we are not going to accept it")
    assert first_person_subject(ctx, cue(ctx, "accept", "concession"), LEXICON) == index_of(
        ctx, "we"
    )


def test_opens_relative_and_reduced_relative() -> None:
    ctx = sentence("a deal that would require land")
    assert opens_relative(ctx, index_of(ctx, "require"), LEXICON)
    reduced = sentence("a withdrawal opposed by [Kyiv]{kyiv}")
    assert reduced_relative(reduced, cue(reduced, "opposed", "rejection", lemma="oppose"), LEXICON)
