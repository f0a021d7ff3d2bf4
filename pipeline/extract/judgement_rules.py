"""A proposal an actor does not see as workable: "Berlin does not regard a
buffer zone as a workable idea". Denying that a proposal is realistic,
viable or part of a solution rejects it (guidelines v2: "calls unacceptable"), whoever
holds the view; the speaker who voices his side's view holds it too."""

from __future__ import annotations

from pipeline.extract.cues import Cue
from pipeline.extract.decisions import Decision, RuleSet
from pipeline.extract.grammar.clauses import in_conditional
from pipeline.extract.grammar.sentence import SentenceContext
from pipeline.extract.grammar.subjects import left_subject
from pipeline.extract.grammar.tokens import preceded_by
from pipeline.knowledge.cues import CueEntry

SEEN_ENTRY = CueEntry("rejection", "stance", "not see as", ("not see as",))
AS_REACH = 12  # words of the proposal between the verb and "as"
LABEL_REACH = 4  # words between "as" and the label ("as \"a realistic outcome")


class JudgementRules(RuleSet):
    """Rejections stated as a view: "X does not see Y as realistic"."""

    def apply(self, ctx: SentenceContext) -> list[Decision]:
        if ctx.is_question or not ctx.mentions:
            return []
        tokens, words = ctx.tokens, self.words
        for index in range(ctx.start, ctx.end):
            if tokens.norm[index] not in words["perception_verbs"] or not tokens.is_lower[index]:
                continue
            if preceded_by(tokens, index, self.negations, ctx.start) is None:
                continue
            if in_conditional(ctx, index, self.lexicon) or not self._labelled(ctx, index):
                continue
            subject = left_subject(tokens, index, ctx.mentions, self.lexicon, ctx.start)
            if subject is None:
                continue
            cue = Cue(index, index + 1, tokens.text[index], SEEN_ENTRY)
            return self.claims(ctx, cue, [subject], "rejection", "not-seen-as")
        return []

    def _labelled(self, ctx: SentenceContext, verb: int) -> bool:
        """ "as (a) realistic ...", "as part of a solution" after the verb's object."""
        tokens = ctx.tokens
        for position in range(verb + 1, min(ctx.end, verb + AS_REACH)):
            if tokens.lower[position] == ";":
                return False
            if tokens.lower[position] != "as":
                continue
            reach = range(position + 1, min(ctx.end, position + 1 + LABEL_REACH))
            return any(tokens.norm[i] in self.words["workable_labels"] for i in reach)
        return False
