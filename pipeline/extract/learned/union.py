"""Add the claim model's claims to the rules' ones (a union: the rules keep theirs).

A pair the model scores at or above its type's threshold becomes a claim unless the
rules already hold that actor and type in that sentence. The claim gets its topic,
speaker and modality from the same code as a rule claim, anchored at the actor's first
mention (the model has no cue word); ``rule = "model"`` and the model's probability as
its confidence say where it came from.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

import numpy as np

from pipeline.extract.grammar.clauses import in_conditional
from pipeline.extract.learned.card import ModelCard, model_folder, read_card
from pipeline.extract.learned.pairs import Pair, document_pairs
from pipeline.extract.learned.scorer import PairScorer
from pipeline.extract.topics import choose_topic
from pipeline.ids import claim_id
from pipeline.knowledge.cues import CueLexicon
from pipeline.records import Claim

if TYPE_CHECKING:
    from spacy.tokens import Span

    from pipeline.extract.claims import SentenceTrace
    from pipeline.extract.topic_finder import TopicFinder

MODEL_RULE = "model"


@dataclass(frozen=True)
class PairScores:
    """One pair and the model's probability for each claim type."""

    pair: Pair
    probabilities: dict[str, float]


class Scorer(Protocol):
    """What scores the pairs' input texts: ``PairScorer``, or a stand-in in tests."""

    def score(self, texts: list[str]) -> np.ndarray: ...


class LearnedClaims:
    """The loaded model with the actors' names its inputs use."""

    def __init__(
        self, card: ModelCard, names: Mapping[str, str], scorer: Scorer, alone: bool = False
    ) -> None:
        self.card = card
        self.names = names
        self.scorer = scorer
        self.alone = alone  # the rules' claims are dropped (to compare the two)

    @classmethod
    def load(
        cls,
        setting: str,
        names: Mapping[str, str],
        batch_size: int = 1,
        threads: int = 0,
        alone: bool = False,
    ) -> LearnedClaims:
        """The model a ``claim_model_folder`` setting names, its files checked."""
        card = read_card(model_folder(setting))
        return cls(card, names, PairScorer(card, batch_size, threads), alone)

    def score(self, sentences: list[tuple[Span, list[Span]]]) -> list[PairScores]:
        """Every pair of a document's ``(sentence, mentions)`` list, with its scores."""
        pairs = document_pairs(sentences, self.names, self.card.window_words)
        probabilities: np.ndarray = self.scorer.score([pair.text for pair in pairs])
        return [
            PairScores(pair, dict(zip(self.card.types, map(float, row), strict=True)))
            for pair, row in zip(pairs, probabilities, strict=True)
        ]

    def chosen(self, scores: PairScores) -> list[str]:
        """The types whose probability reaches the card's threshold."""
        return [
            kind
            for kind, probability in scores.probabilities.items()
            if probability >= self.card.thresholds[kind]
        ]


def model_claim(
    doc_id: str,
    trace: SentenceTrace,
    scores: PairScores,
    kind: str,
    topic_finder: TopicFinder,
    lexicon: CueLexicon,
) -> Claim:
    """A claim from the model: evidence is the sentence and the actor's first mention."""
    mention = scores.pair.mentions[0]
    context = trace.context
    topic = choose_topic(
        topic_finder,
        trace.sent,
        mention.start_char,
        mention.end_char,
        trace.previous,
        context.tokens.doc_text,
    )
    speaker = context.speaker_for(mention.start)
    modality = "reported" if speaker is not None else "asserted"
    if in_conditional(context, mention.start, lexicon):
        modality = "conditional"
    return Claim(
        claim_id=claim_id(
            doc_id, trace.sentence_id, scores.pair.actor_id, kind, topic, mention.start_char
        ),
        doc_id=doc_id,
        sentence_id=trace.sentence_id,
        sentence=context.text.strip(),
        actor_id=scores.pair.actor_id,
        claim_type=kind,
        topic=topic,
        cue=mention.text,
        start_char=mention.start_char,
        end_char=mention.end_char,
        rule=MODEL_RULE,
        confidence=round(scores.probabilities[kind], 3),
        speaker=speaker.label_ if speaker is not None else None,
        target_actor_id=None,
        modality=modality,
    )


def held_by_rules(claims: Iterable[Claim]) -> set[tuple[int, str, str]]:
    """(sentence, actor, type) of the rules' claims: the model never adds a second one."""
    return {(c.sentence_id, c.actor_id, c.claim_type) for c in claims}
