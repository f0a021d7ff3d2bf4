"""The claim rules of a sentence: cue rules first, then sentence patterns.

Each cue yields ``Decision``s (claims, or the reason there is none); see
``cue_rules`` for who holds a cue and ``sentence_rules`` for the patterns
that need the whole sentence (reported obligations, conditions, truces, ...).
"""

from __future__ import annotations

from pipeline.extract.convention_rules import ConventionRules
from pipeline.extract.cue_rules import CueRules
from pipeline.extract.cues import Cue
from pipeline.extract.decisions import Decision
from pipeline.extract.document_rules import DocumentRules
from pipeline.extract.grammar.sentence import SentenceContext
from pipeline.extract.judgement_rules import JudgementRules
from pipeline.extract.position_rules import PositionRules
from pipeline.extract.sentence_rules import SentenceRules
from pipeline.extract.threat_rules import ThreatRules
from pipeline.knowledge.cues import CueLexicon

__all__ = ["ClaimRules", "Decision"]


class ClaimRules:
    """Apply every rule to the cues of one sentence."""

    def __init__(self, lexicon: CueLexicon, affiliations: dict[str, str] | None = None) -> None:
        self.cue_rules = CueRules(lexicon, affiliations)
        self.sentence_rules = SentenceRules(lexicon, affiliations)
        self.convention_rules = ConventionRules(lexicon, affiliations)
        self.document_rules = DocumentRules(lexicon, affiliations)
        self.threat_rules = ThreatRules(lexicon, affiliations)
        self.judgement_rules = JudgementRules(lexicon, affiliations)
        self.position_rules = PositionRules(lexicon, affiliations)

    def decide(self, ctx: SentenceContext, cues: list[Cue]) -> list[Decision]:
        decisions = self.cue_rules.decide_all(ctx, cues)
        decisions += self.sentence_rules.apply(ctx, cues, decisions)
        decisions += self.convention_rules.apply(ctx, cues, decisions)
        decisions += self.threat_rules.apply(ctx, cues)
        decisions += self.judgement_rules.apply(ctx)
        decisions += self.position_rules.apply(ctx)
        return decisions + self.document_rules.apply(ctx, cues, decisions)
