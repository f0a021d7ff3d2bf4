"""Sentence patterns for the conventions of guidelines v2: the price of an offer ("in
exchange for X, he would halt Y") and an actor's rhetorical question that states a
condition ("'Will Kyiv withdraw its troops or not?' Putin asked")."""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.extract.cues import Cue
from pipeline.extract.decisions import Decision, RuleSet
from pipeline.extract.grammar.sentence import SentenceContext, is_headline_text
from pipeline.extract.grammar.tokens import ALL_QUOTES, mention_at
from pipeline.function_words import ALTERNATIVES, ARTICLES, BE_FINITE, DO_FORMS, WILL_FORMS
from pipeline.knowledge.cues import CueEntry

EXCHANGE_ENTRY = CueEntry("demand", "exchange", "in exchange for", ("in exchange for",))
QUESTION_ENTRY = CueEntry("demand", "question", "will", ("will",))
# Auxiliaries that open a yes/no question ("Will Kyiv withdraw ...?").
QUESTION_OPENERS = WILL_FORMS | BE_FINITE | DO_FORMS | {"would", "can", "should", "shall"}
LEADS = ALTERNATIVES | {"but", "so"}  # conjunctions that may open a question ("Or will ...?")
SUBJECT_REACH = 3
# The rules of a judgement that passed its gates, with or without a speaker.
JUDGEMENT_RULES = frozenset(
    {"stance-speaker", "stance-no-speaker"}
)  # words between the auxiliary and the questioned actor ("Will the Kyiv regime")


class ConventionRules(RuleSet):
    """Claims found by the sentence patterns of the v2 conventions."""

    def apply(
        self, ctx: SentenceContext, cues: list[Cue], decisions: list[Decision]
    ) -> list[Decision]:
        if is_headline_text(ctx.text):
            return []
        found = self.exchanged_offers(ctx, decisions) + self.rhetorical_questions(ctx, cues)
        return found + self.judged_for(ctx, decisions)

    def judged_for(self, ctx: SentenceContext, decisions: list[Decision]) -> list[Decision]:
        """ "Such threats are unacceptable for Moscow": the actor a judgement
        is made for rejects it."""
        found: list[Decision] = []
        lower = ctx.tokens.lower
        for decision in decisions:
            cue = decision.cue
            if cue.kind != "stance" or decision.rule not in JUDGEMENT_RULES:
                continue
            position = cue.end + 1
            if cue.end >= ctx.end or lower[cue.end] not in {"for", "to"}:
                continue
            if position < ctx.end and lower[position] in ARTICLES:
                position += 1
            judge = mention_at(ctx.mentions, position) if position < ctx.end else None
            if judge is None or judge.kb_id_ == "pronoun":
                continue
            if judge.end < ctx.end and lower[judge.end] == "to":
                continue  # "impossible for Ukraine to join": Ukraine is the infinitive's subject
            found += self.claims(ctx, cue, [judge], cue.type, "judged-for")
        return found

    def exchanged_offers(self, ctx: SentenceContext, decisions: list[Decision]) -> list[Decision]:
        """ "In exchange for Donetsk, Putin would halt the offensive": the price of a
        concession is a demand by the one who concedes."""
        if ctx.is_question or not any(
            d.is_claim and d.claim_type == "concession" for d in decisions
        ):
            return []  # no offer, no price: most sentences stop here
        opener = self._phrase(ctx, "exchange_openers")
        if opener is None:
            return []
        found: list[Decision] = []
        holders = {d.actor.label_: d.actor for d in decisions if d.is_claim and d.actor}
        for decision in decisions:
            if not decision.is_claim or decision.claim_type != "concession":
                continue
            actor = holders.pop(decision.actor.label_, None) if decision.actor else None
            if actor is None:
                continue
            cue = Cue(opener[0], opener[1], ctx.tokens.words(*opener), EXCHANGE_ENTRY)
            found += self.claims(ctx, cue, [actor], "demand", "exchange-condition")
        return found

    def _phrase(self, ctx: SentenceContext, list_name: str) -> tuple[int, int] | None:
        """The first phrase of a word list in the sentence, as (start, end)."""
        lower = ctx.tokens.lower
        phrases = [phrase.split() for phrase in self.words[list_name]]
        firsts = {words[0] for words in phrases}
        for start in range(ctx.start, ctx.end):
            if lower[start] not in firsts:
                continue
            for words in phrases:
                end = start + len(words)
                if end <= ctx.end and list(lower[start:end]) == words:
                    return start, end
        return None

    def rhetorical_questions(self, ctx: SentenceContext, cues: list[Cue]) -> list[Decision]:
        """ "'Will Kyiv withdraw its troops or not?' Putin asked": a question an actor asks
        about the other side's concession states his condition, a demand."""
        tokens = ctx.tokens
        found: list[Decision] = []
        for index in range(ctx.start, ctx.end):
            if tokens.lower[index] not in QUESTION_OPENERS or not self._opens(ctx, index):
                continue
            end = self._question_end(ctx, index)
            speaker = ctx.speaker_for(index)
            asked = self._asked_actor(ctx, index)
            if end is None or speaker is None or asked is None:
                continue
            if self._own_side(speaker, asked):
                continue
            if not any(c.type == "concession" and index < c.start < end for c in cues):
                continue
            cue = self.word_cue(ctx, index, QUESTION_ENTRY)
            found += self.claims(ctx, cue, [speaker], "demand", "rhetorical-question")
            break
        return found

    @staticmethod
    def _opens(ctx: SentenceContext, index: int) -> bool:
        """The auxiliary opens the sentence or a quotation, after at most a conjunction
        ("Or will Kyiv ...?")."""
        start = index - 1 if index > ctx.start and ctx.tokens.lower[index - 1] in LEADS else index
        return start == ctx.start or ctx.tokens.text[start - 1] in ALL_QUOTES

    @staticmethod
    def _question_end(ctx: SentenceContext, index: int) -> int | None:
        """The question mark that closes the question opened at ``index``."""
        for position in range(index + 1, ctx.end):
            if ctx.tokens.text[position] == "?":
                return position
            if ctx.tokens.text[position] in {".", "!"}:
                return None
        return None

    @staticmethod
    def _asked_actor(ctx: SentenceContext, index: int) -> Span | None:
        """The actor right after the auxiliary ("Will Kyiv ...", "Will the Kremlin ...")."""
        position = index + 1
        while position < min(ctx.end, index + SUBJECT_REACH) and (
            ctx.tokens.lower[position] in ARTICLES
        ):
            position += 1
        return mention_at(ctx.mentions, position) if position < ctx.end else None

    def _own_side(self, speaker: Span, asked: Span) -> bool:
        same = speaker.label_ == asked.label_ or asked.kb_id_ == "pronoun"
        return same or self.affiliations.get(speaker.label_) == asked.label_
