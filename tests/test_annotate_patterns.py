"""The phrase-based actor ruler: which spellings of a knowledge-base form match."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from pipeline.annotate.patterns import (
    CANDIDATES_KEY,
    ActorRuler,
    caseless_spellings,
    exact_spellings,
)
from pipeline.knowledge.actors import load_actor_base

KB = """
[[actors]]
id = "kremlin"
name = "Kremlin"
kind = "organisation"
aliases = ["the Kremlin", "Moscow's leadership"]

[[actors]]
id = "trump"
name = "Donald Trump"
kind = "person"
aliases = ["Trump"]
titles = ["the american president"]

[[actors]]
id = "united_states"
name = "United States"
kind = "state"
aliases = ["Washington", "America"]

[not_actors]
phrases = ["Washington Post", "Latin America", "Trump Tower"]
"""


def candidates(text: str, tmp_path: Path) -> list[tuple[str, str]]:
    path = tmp_path / "actors.toml"
    path.write_text(KB, encoding="utf-8")
    nlp = spacy.blank("en")
    ruler = ActorRuler(nlp, load_actor_base(path))
    doc = ruler(nlp.make_doc(text))
    return [(span.text, span.id_) for span in doc.spans[CANDIDATES_KEY]]


def test_lower_case_words_of_a_mixed_phrase_may_be_capitalised(tmp_path):
    assert candidates("The Kremlin said no. the Kremlin", tmp_path) == [
        ("The Kremlin", "kremlin"),
        ("the Kremlin", "kremlin"),
    ]


def test_capitalised_words_match_exactly(tmp_path):
    assert candidates("a trump card, not the kremlin", tmp_path) == []


def test_an_all_lower_case_phrase_matches_any_case(tmp_path):
    found = candidates("THE AMERICAN PRESIDENT and The American President", tmp_path)
    assert [actor for _, actor in found] == ["trump", "trump"]


def test_both_apostrophes_match(tmp_path):
    found = candidates("Moscow’s leadership and Moscow's leadership", tmp_path)
    assert [text for text, _ in found] == ["Moscow’s leadership", "Moscow's leadership"]


def test_spellings_are_generated_per_word():
    assert exact_spellings(("the", "Kremlin")) == [("the", "Kremlin"), ("The", "Kremlin")]
    assert caseless_spellings(("putin", "'s")) == [("putin", "'s"), ("putin", "’s")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Washington Post said Washington agreed.", [("Washington", "united_states")]),
        ("Latin America and America", [("America", "united_states")]),
        ("Trump spoke at Trump Tower.", [("Trump", "trump")]),
        # a not-actor name blocks only what lies inside it
        ("Washington Post reporters asked Trump", [("Trump", "trump")]),
    ],
)
def test_names_inside_not_actor_phrases_are_no_candidates(tmp_path, text, expected):
    assert candidates(text, tmp_path) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Washington Post reported it.",
        "Exports to Latin America rose.",
        "The Kyiv Independent reported it.",
        "Voice of America reported it.",
        "Eastern Europe is nervous.",
    ],
)
def test_shipped_not_actors_hide_outlets_and_regions(text):
    nlp = spacy.blank("en")
    ruler = ActorRuler(nlp, load_actor_base())
    assert list(ruler(nlp.make_doc(text)).spans[CANDIDATES_KEY]) == []
