"""The union of the rules' claims and the claim model's, with a stand-in scorer: what the
model adds, what it never changes, and the thresholds."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
import spacy
from spacy.tokens import Doc

from pipeline.extract.claims import ClaimExtractor
from pipeline.extract.learned.card import ModelCard
from pipeline.extract.learned.union import MODEL_RULE, LearnedClaims
from pipeline.knowledge.bundle import shipped_knowledge

TYPES = ("demand", "concession", "rejection")
THRESHOLDS = {"demand": 0.6, "concession": 0.7, "rejection": 0.5}


class WordScorer:
    """Scores a pair by words of its input: a stand-in for the ONNX model."""

    def __init__(self, rules: dict[str, dict[str, float]]) -> None:
        self.rules = rules
        self.seen: list[str] = []

    def score(self, texts: list[str]) -> np.ndarray:
        self.seen += texts
        rows = []
        for text in texts:
            row = [0.0, 0.0, 0.0]
            for needle, scores in self.rules.items():
                if needle in text:
                    row = [scores.get(kind, 0.0) for kind in TYPES]
            rows.append(row)
        return np.array(rows, dtype=np.float32).reshape(len(texts), 3)


def card() -> ModelCard:
    return ModelCard(Path("."), TYPES, THRESHOLDS, 128, 60, "0" * 64, "0" * 64, "0" * 64)


def extractor_with(scorer: WordScorer) -> ClaimExtractor:
    knowledge = shipped_knowledge()
    return ClaimExtractor(
        spacy.blank("en"),
        knowledge.cues,
        knowledge.topics,
        0.0,
        knowledge.affiliations,
        LearnedClaims(card(), knowledge.actor_names, scorer),
    )


@pytest.fixture()
def rows(annotate: Callable[..., Doc]) -> Callable[..., list[tuple]]:
    def run(text: str, scorer: WordScorer) -> list[tuple]:
        claims = extractor_with(scorer).claims(annotate(text))
        return [(c.sentence_id, c.actor_id, c.claim_type, c.rule, c.confidence) for c in claims]

    return run


def test_learned_union_adds_a_pair_the_rules_miss_with_the_models_probability(
    rows: Callable[..., list[tuple]], annotate: Callable[..., Doc]
) -> None:
    text = "Putin still has his eye on every inch of the Donbas."
    scorer = WordScorer({"[Putin] still has": {"demand": 0.83}})
    found = rows(text, scorer)
    assert found == [(0, "putin", "demand", MODEL_RULE, 0.83)]
    (claim,) = extractor_with(scorer).claims(annotate(text))
    assert claim.topic == "territory"  # the topic finder runs on model claims too
    assert claim.cue == "Putin"
    assert claim.sentence == text


def test_learned_union_never_adds_a_second_claim_where_the_rules_hold_one(
    rows: Callable[..., list[tuple]], extractor: ClaimExtractor, annotate: Callable[..., Doc]
) -> None:
    text = "Zelensky rejected the ceasefire plan."
    rules_alone = [
        (c.sentence_id, c.actor_id, c.claim_type, c.rule, c.confidence)
        for c in extractor.claims(annotate(text))
    ]
    assert rules_alone and all(rule != MODEL_RULE for *_, rule, _ in rules_alone)
    assert rows(text, WordScorer({"[Zelensky]": {"rejection": 0.99}})) == rules_alone


def test_learned_union_keeps_the_rules_claims_when_the_model_adds_another_type(
    rows: Callable[..., list[tuple]],
) -> None:
    text = "Zelensky rejected the ceasefire plan."
    found = rows(text, WordScorer({"[Zelensky]": {"rejection": 0.99, "demand": 0.9}}))
    assert ("zelensky", "rejection") in {(a, t) for _, a, t, rule, _ in found if rule != "model"}
    assert (0, "zelensky", "demand", MODEL_RULE, 0.9) in found


@pytest.mark.parametrize(
    ("probability", "kept"),
    [(0.59, False), (0.6, True), (0.95, True)],
    ids=["below", "at", "above"],
)
def test_learned_union_applies_the_cards_threshold_per_type(
    rows: Callable[..., list[tuple]], probability: float, kept: bool
) -> None:
    text = "Witkoff has his eye on a summit in Riyadh."
    found = rows(text, WordScorer({"[Witkoff]": {"demand": probability, "rejection": 0.4}}))
    assert found == ([(0, "witkoff", "demand", MODEL_RULE, probability)] if kept else [])


def test_learned_union_a_repeated_headline_adds_nothing_the_second_time(
    rows: Callable[..., list[tuple]],
) -> None:
    text = "Kremlin Digs In On Donbas\n\nKremlin Digs In On Donbas\n\nTalks go on."
    found = rows(text, WordScorer({"[Kremlin] Digs": {"demand": 0.9}}))
    assert [(s, a, t) for s, a, t, *_ in found] == [(0, "russia", "demand")]


def test_learned_union_with_nothing_over_threshold_equals_the_rules_alone(
    rows: Callable[..., list[tuple]], extractor: ClaimExtractor, annotate: Callable[..., Doc]
) -> None:
    text = (
        "Lavrov said Moscow would never accept troops from NATO countries. "
        "Rubio urged both sides to agree a ceasefire. Kyiv refused to give up Crimea."
    )
    scorer = WordScorer({"|": {"demand": 0.3, "concession": 0.3, "rejection": 0.3}})
    rules_alone = [
        (c.sentence_id, c.actor_id, c.claim_type, c.rule, c.confidence)
        for c in extractor.claims(annotate(text))
    ]
    assert len(rules_alone) >= 3
    assert rows(text, scorer) == rules_alone
    assert len(scorer.seen) >= 4  # every (sentence, actor) pair was scored
