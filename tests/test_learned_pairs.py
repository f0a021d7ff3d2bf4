"""The claim model's candidate pairs: one per actor per sentence, its mentions marked."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from pipeline.extract.claims import sentences_with_mentions
from pipeline.extract.learned.pairs import document_pairs

NAMES = {"putin": "Vladimir Putin", "ukraine": "Ukraine", "zelensky": "Volodymyr Zelensky"}


def pairs_of(annotate: Callable[..., Doc], text: str, window: int = 60) -> list:
    return document_pairs(sentences_with_mentions(annotate(text)), NAMES, window)


def test_learned_pairs_one_per_actor_in_each_sentence_with_the_actor_named_first(
    annotate: Callable[..., Doc],
) -> None:
    pairs = pairs_of(annotate, "Putin met nobody. Kyiv said Putin and his aides stalled.")
    assert [(p.sentence_id, p.actor_id) for p in pairs] == [
        (0, "putin"),
        (1, "ukraine"),
        (1, "putin"),
    ]
    assert pairs[0].text == "Vladimir Putin | [Putin] met nobody."
    assert pairs[1].text == "Ukraine | [Kyiv] said Putin and his aides stalled."


def test_learned_pairs_mark_every_mention_of_the_actor(annotate: Callable[..., Doc]) -> None:
    (pair,) = [
        p for p in pairs_of(annotate, "Putin said Putin would wait.") if p.actor_id == "putin"
    ]
    assert pair.text == "Vladimir Putin | [Putin] said [Putin] would wait."
    assert len(pair.mentions) == 2


def test_learned_pairs_literal_brackets_become_round_ones(annotate: Callable[..., Doc]) -> None:
    (pair,) = pairs_of(annotate, "Zelensky rejected the [draft] plan.")
    assert pair.text == "Volodymyr Zelensky | [Zelensky] rejected the (draft) plan."
    assert pair.text.count("[") == pair.text.count("]") == 1


def test_learned_pairs_long_sentence_is_cut_to_a_window_around_the_mention(
    annotate: Callable[..., Doc],
) -> None:
    filler = " ".join(["and more words"] * 30)
    (pair,) = pairs_of(annotate, f"It began {filler}, and then Zelensky refused it.", window=12)
    body = pair.text.split(" | ", 1)[1]
    assert "[Zelensky]" in body
    assert len(body.split()) <= 12
    assert body.endswith("refused it.")


def test_learned_pairs_unknown_actor_is_named_by_its_mention(
    annotate: Callable[..., Doc],
) -> None:
    pairs = pairs_of(annotate, "Foreign Minister Jean Dupont rejected the plan.")
    (pair,) = [p for p in pairs if p.actor_id not in NAMES]
    assert pair.text.startswith("Jean Dupont | ") or pair.text.startswith("Foreign Minister")
    assert "[" in pair.text


def test_learned_pairs_a_sentence_without_actors_gives_none(
    annotate: Callable[..., Doc],
) -> None:
    assert pairs_of(annotate, "The talks ended without a deal.") == []
