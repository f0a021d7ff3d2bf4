"""A user's knowledge file changes the shipped one: lists grow, ``[remove]`` takes words out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pipeline.config import ConfigError
from pipeline.knowledge.bundle import PARTS, load_knowledge, shipped_knowledge
from pipeline.knowledge.merge import merge_knowledge

SHIPPED: dict[str, Any] = {
    "order": ["a", "b"],
    "words": {"speech": ["say", "tell"], "negations": ["not"]},
    "limit": 3,
    "topics": [{"id": "a", "terms": ["x", "y"], "label": "A"}, {"id": "b", "terms": ["z"]}],
    "cues": [{"type": "demand", "kind": "verb", "lemmas": ["urge", "press"]}],
}


def test_knowledge_merge_of_an_empty_file_is_the_shipped_data() -> None:
    assert merge_knowledge(SHIPPED, {}, "user.toml") == SHIPPED


@pytest.mark.parametrize(
    ("user", "key", "expected"),
    [
        (
            {"words": {"speech": ["whisper", "say"]}},
            "words",
            {"speech": ["say", "tell", "whisper"], "negations": ["not"]},
        ),
        ({"limit": 5}, "limit", 5),
        (
            {"topics": [{"id": "a", "terms": ["w"], "label": "New"}]},
            "topics",
            [{"id": "a", "terms": ["x", "y", "w"], "label": "New"}, {"id": "b", "terms": ["z"]}],
        ),
        (
            {"topics": [{"id": "c", "terms": ["v"]}]},
            "topics",
            [*SHIPPED["topics"], {"id": "c", "terms": ["v"]}],
        ),
        (
            {"cues": [{"type": "demand", "kind": "verb", "lemmas": ["insist"]}]},
            "cues",
            [{"type": "demand", "kind": "verb", "lemmas": ["urge", "press", "insist"]}],
        ),
    ],
    ids=["words-added", "value-replaced", "entry-merged", "entry-added", "cue-block"],
)
def test_knowledge_merge_adds(user: dict[str, Any], key: str, expected: Any) -> None:
    assert merge_knowledge(SHIPPED, user, "user.toml")[key] == expected


@pytest.mark.parametrize(
    ("remove", "key", "expected"),
    [
        ({"words": {"speech": ["tell"]}}, "words", {"speech": ["say"], "negations": ["not"]}),
        ({"order": ["b"]}, "order", ["a"]),
        ({"topics": ["a"]}, "topics", [{"id": "b", "terms": ["z"]}]),
        (
            {"topics": [{"id": "a", "terms": ["y"]}]},
            "topics",
            [{"id": "a", "terms": ["x"], "label": "A"}, {"id": "b", "terms": ["z"]}],
        ),
        (
            {"cues": [{"type": "demand", "kind": "verb", "lemmas": ["press"]}]},
            "cues",
            [{"type": "demand", "kind": "verb", "lemmas": ["urge"]}],
        ),
    ],
    ids=["word", "sequence-item", "entry-by-id", "word-in-entry", "lemma-in-cue-block"],
)
def test_knowledge_merge_removes(remove: dict[str, Any], key: str, expected: Any) -> None:
    merged = merge_knowledge(SHIPPED, {"remove": remove}, "user.toml")
    assert merged[key] == expected


def test_knowledge_merge_replace_makes_the_user_file_stand_alone() -> None:
    user = {"replace": True, "words": {"speech": ["whisper"]}}
    assert merge_knowledge(SHIPPED, user, "user.toml") == {"words": {"speech": ["whisper"]}}


@pytest.mark.parametrize(
    ("user", "message"),
    [
        ({"remove": {"nothing_here": ["x"]}}, "no 'nothing_here' to remove from"),
        ({"remove": {"topics": [{"id": "zz", "terms": ["x"]}]}}, "no entry"),
        ({"remove": ["x"]}, r"\[remove\] must be a table"),
        ({"replace": "yes"}, "'replace' must be true"),
        ({"words": ["say"]}, "is a list here but a table"),
    ],
)
def test_knowledge_merge_errors_name_the_file(user: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        merge_knowledge(SHIPPED, user, "user.toml")


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_knowledge_user_cue_file_keeps_lists_it_leaves_out(tmp_path: Path) -> None:
    shipped = shipped_knowledge().cues
    cues = _write(tmp_path, "cues.toml", '[words]\nspeech_verbs = ["whisper"]\n')
    knowledge = load_knowledge(cues=cues)
    assert knowledge.cues.has("speech_verbs", "whispered")
    assert knowledge.cues.has("speech_verbs", "said")
    assert knowledge.cues.words["group_nouns"] == shipped.words["group_nouns"]
    assert knowledge.cues.entries == shipped.entries


def test_knowledge_user_cue_file_removes_a_word(tmp_path: Path) -> None:
    cues = _write(tmp_path, "cues.toml", '[remove.words]\nspeech_verbs = ["tell"]\n')
    knowledge = load_knowledge(cues=cues)
    assert shipped_knowledge().cues.has("speech_verbs", "told")
    assert not knowledge.cues.has("speech_verbs", "told")
    assert knowledge.cues.has("speech_verbs", "said")


def test_knowledge_user_topic_file_adds_a_topic_before_the_fallback(tmp_path: Path) -> None:
    topics = _write(
        tmp_path,
        "topics.toml",
        'order = ["prisoners"]\n[[topics]]\nid = "prisoners"\nlabel = "Prisoner exchanges"\n'
        'terms = ["prisoner swap"]\n[[topics]]\nid = "ceasefire"\nterms = ["armistice"]\n',
    )
    knowledge = load_knowledge(topics=topics)
    shipped = shipped_knowledge().topics.topics
    assert knowledge.topics.topics == (*shipped[:-1], "prisoners", "other")
    assert knowledge.topic_labels["prisoners"] == "Prisoner exchanges"
    assert [hit.topic for hit in knowledge.topics.find("an armistice and a prisoner swap")] == [
        "ceasefire",
        "prisoners",
    ]


def test_knowledge_user_actor_file_adds_an_actor(tmp_path: Path) -> None:
    actors = _write(
        tmp_path,
        "actors.toml",
        '[[actors]]\nid = "ruritania"\nname = "Ruritania"\nkind = "state"\n'
        'aliases = ["Ruritania"]\n\n[remove]\nactors = ["putin"]\n',
    )
    knowledge = load_knowledge(actors=actors)
    shipped = shipped_knowledge().actors.actors
    assert set(knowledge.actors.actors) == set(shipped) - {"putin"} | {"ruritania"}


def test_knowledge_fingerprint_follows_the_merged_data(tmp_path: Path) -> None:
    shipped = shipped_knowledge()
    same = load_knowledge(cues=_write(tmp_path, "same.toml", '[words]\nspeech_verbs = ["say"]\n'))
    changed = load_knowledge(
        cues=_write(tmp_path, "new.toml", '[words]\nspeech_verbs = ["whisper"]\n')
    )
    assert same.fingerprint() == shipped.fingerprint()
    assert changed.fingerprint() != shipped.fingerprint()
    assert changed.fingerprint("actors", "topics") == shipped.fingerprint("actors", "topics")
    assert set(shipped.fingerprints) == set(PARTS)


def test_knowledge_errors_in_a_merged_file_name_the_user_file(tmp_path: Path) -> None:
    cues = _write(tmp_path, "cues.toml", '[[cues]]\ntype = "wish"\nkind = "verb"\nlemmas = ["x"]\n')
    with pytest.raises(ConfigError, match=r"cues\.toml"):
        load_knowledge(cues=cues)
