"""The topic scorer: the nearest hit wins, words after the cue before words before it."""

from __future__ import annotations

import pytest

from pipeline.extract.topics import TopicScorer
from pipeline.knowledge.topics import TopicHit


def scorer(text: str, cue: str, hits: list[tuple[str, str]], generic=frozenset()) -> TopicScorer:
    """A scorer for ``text`` with the cue and each (topic, word) hit found by their words."""
    start = text.index(cue)
    found = [
        TopicHit(topic, text.index(word), text.index(word) + len(word), word)
        for topic, word in hits
    ]
    order = {topic: rank for rank, (topic, _) in enumerate(hits)}
    return TopicScorer(text, start, start + len(cue), frozenset(generic), order, found)


@pytest.mark.parametrize(
    ("text", "hits", "expected"),
    [
        # The object after the cue beats a word as near before it.
        (
            "sanctions hit Kyiv as Moscow rejected the land swap",
            [("sanctions", "sanctions"), ("land", "land")],
            "land",
        ),
        # A clause mark between the cue and a word makes the word farther.
        ("rejected the truce, not the land deal", [("truce", "truce"), ("land", "land")], "truce"),
    ],
)
def test_best_prefers_the_object_after_the_cue(
    text: str, hits: list[tuple[str, str]], expected: str
) -> None:
    assert scorer(text, "rejected", hits).best().topic == expected


def test_a_generic_word_counts_only_as_the_cues_own_object() -> None:
    setting = scorer("at the talks Kyiv rejected it", "rejected", [("talks", "talks")], {"talks"})
    assert setting.cost(setting.hits[0]) == float("inf")
    assert setting.nearest().topic == "talks"
    owned = scorer("Kyiv rejected talks", "rejected", [("talks", "talks")], {"talks"})
    assert owned.cost(owned.hits[0]) < float("inf")


def test_drop_subject_passes_over_the_actor_opening_the_sentence() -> None:
    found = scorer("NATO urged a ceasefire", "urged", [("nato", "NATO"), ("truce", "ceasefire")])
    found.drop_subject(frozenset({"NATO"}))
    assert [hit.topic for hit in found.hits] == ["truce"]
