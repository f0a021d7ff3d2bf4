"""A position restated: "Peskov confirmed the Kremlin's stance", "Trump underscored that
position". Restating a side's stated position repeats its demand (guidelines v2: "Russia's
position is well known: ..." is Russia's, and the speaker's who voices it); what the
position asks for is named in the sentences before, where the topic is taken from."""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.extract.cues import Cue
from pipeline.extract.decisions import Decision, RuleSet
from pipeline.extract.grammar.sentence import SentenceContext
from pipeline.extract.grammar.subjects import left_subject
from pipeline.extract.grammar.tokens import marked_possessive, mention_ending_before
from pipeline.function_words import DEMONSTRATIVES, POSSESSIVE_PRONOUNS
from pipeline.knowledge.cues import CueEntry

RESTATED_ENTRY = CueEntry("demand", "restated", "reiterate", ("reiterate",))


class PositionRules(RuleSet):
    """Demands repeated by restating a position."""

    def apply(self, ctx: SentenceContext) -> list[Decision]:
        if ctx.is_question or not ctx.mentions:
            return []
        tokens, words = ctx.tokens, self.words
        for index in range(ctx.start, ctx.end - 2):
            if tokens.norm[index] not in words["restating_verbs"] or not tokens.is_lower[index]:
                continue
            noun = self._position_after(ctx, index)
            if noun is None or not self.asserted(ctx, index):
                continue
            holder = self._holder(ctx, index, noun)
            if holder is None:
                continue
            # the noun is the cue: inside the report of "confirmed", so the speaker who
            # voices his side's position holds it too
            cue = Cue(noun, noun + 1, tokens.text[noun], RESTATED_ENTRY)
            return self.claims(ctx, cue, [holder], "demand", "restated-position")
        return []

    def _position_after(self, ctx: SentenceContext, verb: int) -> int | None:
        """The position noun that is the verb's object ("the Kremlin's stance", "that
        position"), within three words."""
        tokens = ctx.tokens
        for position in range(verb + 1, min(ctx.end, verb + 5)):
            if tokens.norm[position] in self.words["restated_nouns"]:
                following = tokens.lower[position + 1] if position + 1 < ctx.end else ""
                # "its position that ...": the clause says what it is, other rules read it;
                # "its position as the largest exporter" is a rank, not a stance
                return None if following in {"that", "as"} else position
            if tokens.is_punct[position] and tokens.lower[position] not in {"'s", "’s"}:
                return None
        return None

    def _holder(self, ctx: SentenceContext, verb: int, noun: int) -> Span | None:
        """The owner of the position: a possessor ("the Kremlin's", "its"), or the verb's
        subject for "that/this position" and "his/her own"."""
        tokens = ctx.tokens
        before = noun - 1
        if tokens.lower[before] in {"'s", "’s"}:
            owner = mention_ending_before(ctx.mentions, before)
            return owner if owner is not None and marked_possessive(tokens, owner) else None
        if tokens.lower[before] in POSSESSIVE_PRONOUNS:
            owner = mention_ending_before(ctx.mentions, noun)
            if owner is not None:
                return owner
        if tokens.lower[before] in DEMONSTRATIVES | POSSESSIVE_PRONOUNS:
            return left_subject(tokens, verb, ctx.mentions, self.lexicon, ctx.start)
        return None
