"""What a rule decides about a cue, and the helpers every rule shares.

A ``Decision`` is a claim (actor, type, rule, confidence, speaker, target,
modality) or the reason there is none; keeping the reasons lets
``pipeline explain`` show why a sentence gave what it gave.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from pipeline.extract.cues import Cue
from pipeline.extract.grammar.clauses import in_conditional
from pipeline.extract.grammar.sentence import SentenceContext
from pipeline.extract.grammar.tokens import mention_ending_before, preceded_by
from pipeline.extract.registry import VOICED_SUFFIX
from pipeline.extract.registry import confidence as rule_confidence
from pipeline.function_words import (
    ARTICLES,
    BACKSHIFTED_WILL,
    POSSIBILITY_MODALS,
    SCANT_DETERMINERS,
    SUBJECT_PRONOUNS,
)
from pipeline.knowledge.cues import CueEntry, CueLexicon

# Words that may stand before the owner of a noun that opens a report ("said that the").
REPORT_OPENERS = ARTICLES | {"that"}


@dataclass(frozen=True)
class Decision:
    """The outcome for one cue: a claim, or the reason there is none."""

    cue: Cue
    actor: Span | None
    claim_type: str
    rule: str
    confidence: float
    reason: str | None = None  # set when the cue gives no claim
    speaker: Span | None = None
    target: Span | None = None
    modality: str = "asserted"
    # The gates the cue passed (see ``pipeline.extract.gates``) and the one that decided, if
    # a gate rather than the holder rules did.
    gates: tuple[str, ...] = ()
    decided_by: str | None = None

    @property
    def is_claim(self) -> bool:
        return self.reason is None and self.actor is not None


def no_claim(cue: Cue, rule: str, reason: str) -> list[Decision]:
    return [Decision(cue, None, cue.type, rule, 0.0, reason)]


class RuleSet:
    """The lexicon and actor affiliations, and the way every rule records a claim."""

    def __init__(self, lexicon: CueLexicon, affiliations: dict[str, str] | None = None) -> None:
        self.lexicon = lexicon
        self.affiliations = affiliations or {}
        self.words = lexicon.words
        self.negations = lexicon.words["negations"]
        self.modals = lexicon.words["hypothetical_modals"]
        # Built once: ``asserted`` runs per candidate.
        self.firm_modals = self.modals - BACKSHIFTED_WILL

    def word_cue(self, ctx: SentenceContext, index: int, entry: CueEntry) -> Cue:
        return Cue(index, index + 1, ctx.tokens.text[index], entry)

    def doubted(self, ctx: SentenceContext) -> list[int]:
        """Positions after which nothing is asserted: verbs of doubt, analysts' words,
        "reports that ...", "no sign that ..."."""
        if ctx.doubted is not None:
            return ctx.doubted
        norm = ctx.tokens.norm
        words = self.words
        ctx.doubted = [
            i
            for i in range(ctx.start, ctx.end)
            if norm[i] in words["doubt_verbs"]
            or (  # "Analysts said Putin would accept ...": a prediction, no one's act
                i > ctx.start
                and norm[i] in words["speech_verbs"]
                and norm[i - 1] in words["opinion_sources"]
            )
            or (  # "rejected reports that it pressured Kyiv": the report is not asserted
                (norm[i] in words["non_proposals"] or norm[i] in words["denial_verbs"])
                and i + 1 < ctx.end
                and norm[i + 1] == "that"
            )
            or (  # "no sign that it is willing": nothing is shown
                norm[i] in words["unasserting_nouns"]
                and i > ctx.start
                and norm[i - 1] in SCANT_DETERMINERS
                and i + 1 < ctx.end
                and norm[i + 1] in {"that", "of"}
            )
        ]
        return ctx.doubted

    def asserted(self, ctx: SentenceContext, index: int, claim_type: str = "") -> bool:
        """Not negated, not under a hypothetical modal (but for a signalled readiness to
        concede), not inside an if-clause, not after a word of doubt."""
        modal = preceded_by(ctx.tokens, index, self.firm_modals, ctx.start)
        return (
            not any(i < index for i in self.doubted(ctx))
            and preceded_by(ctx.tokens, index, self.negations, ctx.start) is None
            and (modal is None or self.signalled_readiness(ctx, claim_type, modal))
            and not in_conditional(ctx, index, self.lexicon)
        )

    def signalled_readiness(self, ctx: SentenceContext, claim_type: str, modal: int) -> bool:
        """ "Kyiv signalled it could accept a freeze": a signal verb, the signaller as a
        pronoun, "could/might/may" and a concession make a signal of readiness, which the
        guidelines count."""
        tokens = ctx.tokens
        if claim_type != "concession" or tokens.lower[modal] not in POSSIBILITY_MODALS:
            return False
        if self._own_side_possibility(ctx, modal):
            return True
        if modal <= ctx.start or tokens.lower[modal - 1] not in SUBJECT_PRONOUNS:
            return False  # "indicated Kyiv could accept" is someone else's reading
        window = range(max(ctx.start, modal - 4), modal)
        return any(tokens.lower[i] in self.words["signal_verbs"] for i in window)

    def _own_side_possibility(self, ctx: SentenceContext, modal: int) -> bool:
        """ "Zelensky said Ukraine could agree to a ceasefire": a speaker who says his own
        side could concede signals readiness; another's "could" is only a reading."""
        speaker = ctx.speaker_for(modal)
        subject = mention_ending_before(ctx.mentions, modal)
        if speaker is None or subject is None or ctx.quoted(modal):
            return False
        side = {speaker.label_, self.affiliations.get(speaker.label_, speaker.label_)}
        return subject.label_ in side

    def claims(
        self,
        ctx: SentenceContext,
        cue: Cue,
        actors: list[Span],
        claim_type: str,
        rule: str,
        modality: str | None = None,
    ) -> list[Decision]:
        """A claim per actor under ``rule``, with the rule's confidence (see ``registry``)."""
        confidence = rule_confidence(rule)
        speaker = ctx.speaker_for(cue.start)
        if modality is None:
            modality = "reported" if speaker is not None else "asserted"
        if in_conditional(ctx, cue.start, self.lexicon):
            modality = "conditional"
        decisions = []
        for actor in actors:
            weight = 0.9 if actor.kb_id_ == "pronoun" else 1.0
            for holder, holder_rule in self.holders(ctx, cue, speaker, actor, rule):
                voiced = holder_rule.endswith(VOICED_SUFFIX)  # the voice is the one who spoke
                decisions.append(
                    Decision(
                        cue,
                        holder,
                        claim_type,
                        holder_rule,
                        round(confidence * weight, 3),
                        None,
                        holder if voiced else speaker,
                        self.target(ctx, cue, holder),
                        modality,
                    )
                )
        return decisions

    def holders(
        self, ctx: SentenceContext, cue: Cue, speaker: Span | None, actor: Span, rule: str
    ) -> list[tuple[Span, str]]:
        """ "Peskov said Moscow would not accept ...": a speaker who names his own side as
        the holder speaks for it, so both hold the claim (guidelines v2, "Speaking for a
        state"); the speaker's row is the rule's voiced variant, listed last so that it stays
        the holder a later "the demand" refers back to."""
        voice = self._voice_of(ctx, cue, speaker, actor)
        if voice is None:
            return [(actor, rule)]
        if rule.startswith("noun-") and not self._opens_report(ctx, cue, actor):
            return [(actor, rule)]
        return [(actor, rule), (voice, f"{rule}{VOICED_SUFFIX}")]

    def _voice_of(
        self, ctx: SentenceContext, cue: Cue, speaker: Span | None, side: Span
    ) -> Span | None:
        """The speaker of the side, the nearest report first, then the reports around it
        ("Peskov said Russia's position is that ...": Russia's view inside Peskov's words)."""
        speakers = [speaker] if speaker is not None else []
        speakers += [
            speech.speaker
            for speech in ctx.speeches
            if speech.speaker is not None and speech.content_start <= cue.start < speech.content_end
        ]
        return next((s for s in speakers if self.affiliations.get(s.label_) == side.label_), None)

    def _opens_report(self, ctx: SentenceContext, cue: Cue, side: Span) -> bool:
        """ "Lavrov said Moscow's demands are ...", "Russia's insistence ..., Lavrov said": a
        noun voices the side only when its owner opens the report; deeper in ("said Kyiv had
        accepted the U.S. proposal", "drop some of its demands") the speaker reports an act."""
        speech = ctx.speech_for(cue.start)
        first = speech.content_start if speech is not None else ctx.start
        tokens = ctx.tokens
        return all(
            tokens.is_punct[i] or tokens.lower[i] in REPORT_OPENERS
            for i in range(first, side.start)
        )

    def target(self, ctx: SentenceContext, cue: Cue, actor: Span) -> Span | None:
        """The first other actor named right after the cue ("pressed Kyiv to ...")."""
        for mention in ctx.mentions:
            if cue.end <= mention.start <= cue.end + 2 and mention.label_ != actor.label_:
                return mention
        return None
