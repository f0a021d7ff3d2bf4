"""A danger named by a speaker: "foreign missiles on our border are a grave threat to
the nation," the minister said. Calling what the other side proposes a threat to one's own side
rejects it (guidelines v2: "calls unacceptable"), so the speaker holds a rejection. Only a
thing may pose the threat: "Russia poses a threat to Europe" accuses an actor, no claim."""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.extract.cues import Cue
from pipeline.extract.decisions import Decision, RuleSet
from pipeline.extract.grammar.clauses import in_conditional
from pipeline.extract.grammar.sentence import SentenceContext
from pipeline.extract.grammar.subjects import can_be_subject
from pipeline.extract.grammar.tokens import mention_at, mention_ending_before, preceded_by
from pipeline.function_words import ARTICLES
from pipeline.knowledge.cues import CueEntry

THREAT_ENTRY = CueEntry("rejection", "stance", "threat", ("threat",))
VERB_GAP = 3  # words between the verb and the noun ("pose a direct and growing threat")
SUBJECT_REACH = 12  # words of the subject before the verb ("NATO bases in Ukraine and ...")
TARGET_REACH = 4  # words after "to" that may name the threatened side ("to Russia's security")


class ThreatRules(RuleSet):
    """Rejections stated as a danger to the speaker's side."""

    def apply(self, ctx: SentenceContext, cues: list[Cue]) -> list[Decision]:
        if ctx.is_question or not ctx.may_have_speaker:
            return []
        found: list[Decision] = []
        for cue in cues:
            if cue.kind != "noun" or not self.lexicon.has("posed_nouns", cue.text):
                continue
            speaker = ctx.speaker_for(cue.start)
            if speaker is None or not self._posed(ctx, cue):
                continue
            if not self._threatens(ctx, cue, speaker):
                continue
            stance = Cue(cue.start, cue.end, cue.text, THREAT_ENTRY)
            found += self.claims(ctx, stance, [speaker], "rejection", "posed-threat")
            break  # one judgement a sentence
        return found

    def _posed(self, ctx: SentenceContext, cue: Cue) -> bool:
        """ "pose(s) / represent(s) / would constitute a threat", said of a thing."""
        tokens = ctx.tokens
        verb = preceded_by(tokens, cue.start, self.words["posing_verbs"], ctx.start, VERB_GAP)
        if verb is None or in_conditional(ctx, verb, self.lexicon):
            return False
        if preceded_by(tokens, verb, self.negations, ctx.start) is not None:
            return False  # "does not pose a threat"
        before = verb - 1
        while before > ctx.start and (
            tokens.norm[before] in self.modals or tokens.norm[before] in self.words["verb_adverbs"]
        ):
            before -= 1
        actor = mention_ending_before(ctx.mentions, before + 1)
        # "membership of NATO would pose": NATO is no subject; "Russia poses": an accusation
        if actor is not None and can_be_subject(tokens, actor, self.lexicon):
            return False
        return self._proposed_subject(ctx, before)

    def _proposed_subject(self, ctx: SentenceContext, last: int) -> bool:
        """The subject names a proposal or a step of one ("NATO bases", "Ukraine's
        membership", "the deployment of troops"), not a weapon in use ("Russian drones pose
        a threat": an accusation)."""
        tokens = ctx.tokens
        for position in range(last, max(ctx.start, last - SUBJECT_REACH) - 1, -1):
            if tokens.norm[position] in self.words["posing_subjects"]:
                return True
            if tokens.text[position] in {",", ";", ":"} or tokens.lower[position] == "that":
                return False
        return False

    def _threatens(self, ctx: SentenceContext, cue: Cue, speaker: Span) -> bool:
        """The threatened side is the speaker's own: "to our security", "to Russia"."""
        tokens = ctx.tokens
        if cue.end >= ctx.end or tokens.lower[cue.end] != "to":
            return False
        side = {speaker.label_, self.affiliations.get(speaker.label_, speaker.label_)}
        for position in range(cue.end + 1, min(ctx.end, cue.end + 1 + TARGET_REACH)):
            if tokens.lower[position] in ARTICLES:
                continue
            mention = mention_at(ctx.mentions, position)
            if mention is not None:
                return mention.label_ in side
            if self.lexicon.has("first_person", tokens.lower[position]):
                return ctx.quoted(position)
        return False
