"""The claim rules: for each cue in a sentence, who holds it, and is it a claim.

Every cue yields a ``Decision``: either a claim (actor, type, rule, confidence,
speaker, target, modality) or the reason it is not one. Keeping the reasons
lets ``pipeline explain`` show why a sentence gave what it gave.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from pipeline.extract.context import (
    BE_FORMS,
    SentenceContext,
    in_conditional,
    left_subject,
    mention_at,
    mention_ending_before,
    preceded_by,
)
from pipeline.extract.cues import Cue
from pipeline.knowledge.cues import CueLexicon

POSSESSIVE = frozenset({"'s", "’s"})
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their"})
BACKSHIFT = frozenset({"would", "'d", "’d"})  # "he said he would accept" reports "I will accept"
MODIFIER_GAP = 3  # adjectives allowed between a possessor and its noun ("Putin's key demand")
AGENT_WINDOW = 8  # tokens after a cue searched for "by X" / "from X"


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

    @property
    def is_claim(self) -> bool:
        return self.reason is None and self.actor is not None


def _no(cue: Cue, rule: str, reason: str) -> Decision:
    return Decision(cue, None, cue.type, rule, 0.0, reason)


class ClaimRules:
    """Apply the rules to the cues of one sentence."""

    def __init__(self, lexicon: CueLexicon) -> None:
        self.lexicon = lexicon
        self.negations = lexicon.words["negations"]
        self.modals = lexicon.words["hypothetical_modals"]

    def decide(self, ctx: SentenceContext, cues: list[Cue]) -> list[Decision]:
        decisions = []
        stance_starts = [c.start for c in cues if c.kind == "stance"]
        for cue in cues:
            if ctx.is_question:
                decisions.append(_no(cue, "question", "a question asserts nothing"))
            elif any(s < cue.start for s in stance_starts) and cue.kind != "stance":
                decisions.append(
                    _no(
                        cue,
                        "under-stance",
                        'inside what a stance word judges ("unacceptable that ...")',
                    )
                )
            else:
                decisions.append(self.decide_cue(ctx, cue))
        decisions.extend(self.reported_obligations(ctx, cues))
        return decisions

    def decide_cue(self, ctx: SentenceContext, cue: Cue) -> Decision:
        doc = ctx.sent.doc
        if cue.kind == "stance":
            return self._stance(ctx, cue)
        if cue.kind in {"verb", "ready"} and self._is_infinitive(doc, cue):
            return _no(
                cue,
                "infinitive",
                "an infinitive is governed by another word "
                '("pressed X to accept"): that word carries the claim',
            )
        if in_conditional(ctx, cue.start, self.lexicon):
            return _no(cue, "conditional", "inside an if/unless clause: not asserted")
        reported = ctx.speech_for(cue.start) is not None or ctx.quoted(cue.start)
        modal = preceded_by(doc, cue.start, self.modals, ctx.sent.start)
        if modal is not None and not (reported and doc[modal].lower_ in BACKSHIFT):
            return _no(
                cue,
                "modal",
                f"after the modal '{doc[modal].text}': advice, obligation or a hypothetical, "
                "not an act (in reported speech only the backshifted 'would' keeps an act)",
            )
        negated = preceded_by(doc, cue.start, self.negations, ctx.sent.start) is not None
        claim_type = cue.type
        if negated:
            if cue.type != "concession":
                return _no(cue, "negated", "negated demand or rejection: no claim")
            claim_type = "rejection"
        if cue.kind == "noun":
            decision = self._noun(ctx, cue, claim_type)
        else:
            decision = self._verb(ctx, cue, claim_type)
        if negated and decision.is_claim:
            decision = Decision(**{**decision.__dict__, "rule": "negated-concession"})
        return decision

    def _is_infinitive(self, doc: Doc, cue: Cue) -> bool:
        return cue.start > 0 and doc[cue.start - 1].lower_ == "to" and cue.kind == "verb"

    def _holder_for_subject(self, ctx: SentenceContext, cue: Cue) -> tuple[Span | None, str]:
        """Passive agent, first person in a quote, or the nearest subject on the left."""
        doc = ctx.sent.doc
        if cue.kind == "verb" and cue.start > 0 and doc[cue.start - 1].lower_ in BE_FORMS:
            agent = self._after_word(ctx, cue, {"by"})
            return agent, "passive-agent"
        subject = left_subject(doc, cue.start, ctx.mentions, self.lexicon, ctx.sent.start)
        first_person = self._first_person_subject(ctx, cue)
        if first_person and (subject is None or subject.start < first_person):
            return ctx.speaker_for(cue.start), "first-person-speaker"
        return subject, "subject"

    def _first_person_subject(self, ctx: SentenceContext, cue: Cue) -> int | None:
        doc = ctx.sent.doc
        for position in range(cue.start - 1, max(ctx.sent.start, cue.start - 4) - 1, -1):
            if self.lexicon.has("first_person", doc[position].text):
                return position
            if doc[position].is_punct:
                return None
        return None

    def _after_word(
        self, ctx: SentenceContext, cue: Cue, words: set[str], window: int = AGENT_WINDOW
    ) -> Span | None:
        """The actor named after "by"/"from" within ``window`` tokens of the cue."""
        doc = ctx.sent.doc
        stop = min(ctx.sent.end, cue.end + window)
        for position in range(cue.end, stop - 1):
            if doc[position].lower_ in words:
                found = mention_at(ctx.mentions, position + 1) or mention_at(
                    ctx.mentions, position + 2
                )
                if found is not None:
                    return found
        return None

    def _verb(self, ctx: SentenceContext, cue: Cue, claim_type: str) -> Decision:
        actor, how = self._holder_for_subject(ctx, cue)
        if actor is None:
            return _no(cue, how, "no actor found as the subject or agent of the cue")
        confidence = 0.8 if how == "subject" else 0.75
        return self._claim(ctx, cue, actor, claim_type, f"{cue.kind}-{how}", confidence)

    def _noun(self, ctx: SentenceContext, cue: Cue, claim_type: str) -> Decision:
        doc = ctx.sent.doc
        receiving = preceded_by(
            doc, cue.start, self.lexicon.words["receive_verbs"], ctx.sent.start, gap=MODIFIER_GAP
        )
        if cue.type == "concession" and receiving is not None:
            giver = self._after_word(ctx, cue, {"from", "by"})
            if giver is None:
                return _no(
                    cue,
                    "concession-received",
                    "a concession received, but the sentence does not say from whom",
                )
            return self._claim(ctx, cue, giver, claim_type, "noun-giver", 0.75)
        owner = self._possessor(ctx, cue)
        if owner is not None:
            return self._claim(ctx, cue, owner, claim_type, "noun-possessor", 0.85)
        agent = self._after_word(ctx, cue, {"by", "from"}, window=2)
        if agent is not None:
            return self._claim(ctx, cue, agent, claim_type, "noun-agent", 0.7)
        light = preceded_by(
            doc, cue.start, self.lexicon.words["light_verbs"], ctx.sent.start, gap=MODIFIER_GAP
        )
        if light is not None:
            subject = left_subject(doc, light, ctx.mentions, self.lexicon, ctx.sent.start)
            if subject is not None:
                return self._claim(ctx, cue, subject, claim_type, "noun-light-verb", 0.7)
        return _no(
            cue,
            "noun-no-holder",
            "nobody is named as the owner of this demand/concession/rejection",
        )

    def _possessor(self, ctx: SentenceContext, cue: Cue) -> Span | None:
        """ "Putin's (key) demand", "his demands", "Russian demands", "the Kremlin's offer"."""
        doc = ctx.sent.doc
        for position in range(
            cue.start - 1, max(ctx.sent.start, cue.start - MODIFIER_GAP - 1) - 1, -1
        ):
            token = doc[position]
            if token.lower_ in POSSESSIVE:
                return mention_ending_before(ctx.mentions, position)
            mention = mention_at(ctx.mentions, position)
            if mention is not None:
                directly_before = mention.end == cue.start
                possessive_pronoun = mention.text.lower() in POSSESSIVE_PRONOUNS
                return mention if (directly_before or possessive_pronoun) else None
            if token.is_punct or not token.is_lower:
                return None
        return None

    def _stance(self, ctx: SentenceContext, cue: Cue) -> Decision:
        doc = ctx.sent.doc
        if preceded_by(doc, cue.start, frozenset({"not", "n't", "never"}), ctx.sent.start, 0):
            return _no(cue, "negated", 'a negated judgement ("not impossible") is no rejection')
        speaker = ctx.speaker_for(cue.start)
        if speaker is None:
            return _no(
                cue, "stance-no-speaker", "a judgement with no named speaker is the author's"
            )
        return self._claim(ctx, cue, speaker, cue.type, "stance-speaker", 0.7)

    def reported_obligations(self, ctx: SentenceContext, cues: list[Cue]) -> list[Decision]:
        """ "Lavrov said Russia must ...": an obligation in reported speech is the speaker's
        demand. Outside reported speech, "X must/should ..." is the author's voice."""
        doc = ctx.sent.doc
        decisions: list[Decision] = []
        deontic = self.lexicon.words["deontic"]
        for token in ctx.sent:
            phrase = token.lower_
            nxt = doc[token.i + 1].lower_ if token.i + 1 < ctx.sent.end else ""
            if f"{phrase} {nxt}" in deontic:
                end = token.i + 2
            elif phrase in deontic:
                end = token.i + 1
            else:
                continue
            if preceded_by(doc, token.i, frozenset({"not", "n't", "never"}), ctx.sent.start, 0):
                continue
            speaker = ctx.speaker_for(token.i)
            if speaker is None or in_conditional(ctx, token.i, self.lexicon):
                continue
            cue = Cue(token.i, end, doc[token.i : end].text, _DEONTIC_ENTRY)
            decisions.append(
                self._claim(
                    ctx, cue, speaker, "demand", "reported-obligation", 0.65, modality="reported"
                )
            )
        return decisions

    def _claim(
        self,
        ctx: SentenceContext,
        cue: Cue,
        actor: Span,
        claim_type: str,
        rule: str,
        confidence: float,
        modality: str | None = None,
    ) -> Decision:
        speaker = ctx.speaker_for(cue.start)
        if modality is None:
            modality = "reported" if speaker is not None else "asserted"
        if in_conditional(ctx, cue.start, self.lexicon):
            modality = "conditional"
        if actor.kb_id_ == "pronoun":
            confidence *= 0.9
        target = self._target(ctx, cue, actor)
        return Decision(
            cue, actor, claim_type, rule, round(confidence, 3), None, speaker, target, modality
        )

    def _target(self, ctx: SentenceContext, cue: Cue, actor: Span) -> Span | None:
        """The first other actor named right after the cue ("pressed Kyiv to ...")."""
        for mention in ctx.mentions:
            if cue.end <= mention.start <= cue.end + 2 and mention.label_ != actor.label_:
                return mention
        return None


from pipeline.knowledge.cues import CueEntry  # noqa: E402

_DEONTIC_ENTRY = CueEntry("demand", "deontic", "must", ("must",))
