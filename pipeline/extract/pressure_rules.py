"""Sentence patterns of persuasion and pressure: who presses whom, and who yields."""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.extract.decisions import Decision, RuleSet
from pipeline.extract.grammar.sentence import SentenceContext
from pipeline.extract.grammar.subjects import left_subject
from pipeline.extract.grammar.tokens import mention_at
from pipeline.knowledge.cues import CueEntry

PRESSURE_ENTRY = CueEntry("demand", "pressure", "withhold", ("withhold",))
REFUSED_PRESSURE_REACH = 4  # words between the refusal and the pressure ("to impose new")
TARGET_REACH = 3  # words between the pressure and "on <target>"
SPARING_LINKS = frozenset({"to", "any", "the", "a"})  # "ruled out any new", "refused to impose"
PERSUADED_ENTRY = CueEntry("concession", "persuaded", "persuade", ("persuade",))
PERSUADER_ENTRY = CueEntry("demand", "persuader", "persuade", ("persuade",))
# What follows the persuaded party when the persuader asks for an act ("convinced Trump to
# drop", "talked Kyiv into signing"), not for a belief ("convinced Trump that ...").
ACT_LINKS = frozenset({"to", "into"})
ASIDE_REACH = 8  # words of an aside between commas after the persuaded party
# Words before "to <pressure verb>" that foretell it ("is expected to impose sanctions if").
FORECAST_WORDS = frozenset({"expected", "likely", "unlikely", "set", "due", "poised", "bound"})


class PressureRules(RuleSet):
    """ "Merz persuaded Trump to keep the sanctions": Trump yields, Merz pressed for it;
    "Trump withheld aid until Kyiv ...": pressure tied to a condition is a demand."""

    def conditional_pressure(self, ctx: SentenceContext, verbs: list[int]) -> list[Decision]:
        """ "Trump withheld aid until Kyiv ...": pressure tied to a condition is a demand."""
        tokens = ctx.tokens
        condition_words = self.words["condition_words"]
        found: list[Decision] = []
        for index in (i for i in verbs if tokens.norm[i] in self.words["pressure_verbs"]):
            after = [i for i in range(index + 1, ctx.end) if tokens.norm[i] in condition_words]
            if not after and not self._threatened_in_speech(ctx, index):
                continue
            subject = left_subject(tokens, index, ctx.mentions, self.lexicon, ctx.start)
            if self._forecast(ctx, index):
                continue  # "Trump is expected to impose sanctions if ...": a forecast
            if subject is None or subject.start < self._fronted_condition_end(ctx, index):
                continue  # "If Russia has invaded, negotiations will continue": no subject
            if self.asserted(ctx, index):
                # the condition word is the cue: the topic is what is demanded ("sanctions
                # if it refuses a truce" is about the truce), as for condition-of-offer
                condition = after[0] if after else self._fronted_condition(ctx, index)
                cue = self.word_cue(ctx, condition, PRESSURE_ENTRY)
                found += self.claims(
                    ctx,
                    cue,
                    [subject],
                    "demand",
                    "conditional-pressure",
                    modality="conditional",
                )
        return found

    def refused_pressures(self, ctx: SentenceContext, decisions: list[Decision]) -> list[Decision]:
        """ "Rubio ruled out additional sanctions", "Trump refused to impose new tariffs":
        refusing to press the other side spares it, a concession as well as a rejection
        (a pressure lifted, rule relieved-pressure); "rejected lifting sanctions" is not."""
        tokens, words = ctx.tokens, self.words
        found: list[Decision] = []
        for decision in decisions:
            cue = decision.cue
            if not decision.is_claim or decision.claim_type != "rejection" or cue.kind != "verb":
                continue
            reach = range(cue.end, min(ctx.end, cue.end + REFUSED_PRESSURE_REACH))
            pressure = next((i for i in reach if tokens.norm[i] in words["relief_objects"]), None)
            if pressure is None or any(
                tokens.norm[i] in words["relief_verbs"] or tokens.is_punct[i]
                for i in range(cue.end, pressure)
            ):
                continue
            following = tokens.norm[pressure + 1] if pressure + 1 < ctx.end else ""
            if following in words["plan_relief_nouns"]:
                continue  # "rejected sanctions relief": the relief is refused, not given
            between = [tokens.norm[i] for i in range(cue.end, pressure)]
            added = words["added_pressure_words"] | words["pressure_verbs"]
            if not any(word in added for word in between):
                continue  # "Russia rejected the Western sanctions": no new pressure spared
            if any(word not in added | SPARING_LINKS for word in between):
                continue  # "refused to back new sanctions": a vote refused, not a pressure
            assert decision.actor is not None
            if self._others_pressure(ctx, cue.end, pressure, decision.actor):
                continue
            found += self.claims(ctx, cue, [decision.actor], "concession", "relieved-pressure")
        return found

    @staticmethod
    def _others_pressure(ctx: SentenceContext, start: int, pressure: int, holder: Span) -> bool:
        """ "rejected new Western sanctions", "opposed new sanctions on Russia" said of Russia:
        a pressure owned by another party, or aimed at the holder, is not the holder's to
        spare."""
        owners = [m for m in ctx.mentions if start <= m.start < pressure]
        if any(m.label_ != holder.label_ for m in owners):
            return True
        end = min(ctx.end, pressure + TARGET_REACH)
        aimed = next(
            (i for i in range(pressure + 1, end) if ctx.tokens.lower[i] in {"on", "against"}),
            None,
        )
        target = mention_at(ctx.mentions, aimed + 1) if aimed is not None else None
        return target is not None and target.label_ == holder.label_

    def _threatened_in_speech(self, ctx: SentenceContext, index: int) -> bool:
        """A condition fronted before the verb in someone's words ("Merz said if the truce
        failed, Europe would impose sanctions"): a threat. In the author's own words a
        fronted condition is a hypothetical ("If Ukraine withdrew, Russia would halt")."""
        words = self.words["condition_words"]
        fronted = any(ctx.tokens.norm[i] in words for i in range(ctx.start, index))
        return fronted and ctx.speaker_for(index) is not None

    def _forecast(self, ctx: SentenceContext, index: int) -> bool:
        """ "is expected to impose", "is likely to keep": a pressure foretold, not threatened."""
        tokens = ctx.tokens
        return (
            index - 2 >= ctx.start
            and tokens.lower[index - 1] == "to"
            and tokens.lower[index - 2] in FORECAST_WORDS
        )

    def _fronted_condition(self, ctx: SentenceContext, index: int) -> int:
        """The condition word of an if-clause fronted before ``index``."""
        words = self.words["condition_words"]
        return next(i for i in range(ctx.start, index) if ctx.tokens.norm[i] in words)

    def _fronted_condition_end(self, ctx: SentenceContext, index: int) -> int:
        """The comma closing an if-clause that opens before ``index`` (ctx.start if none)."""
        tokens, words = ctx.tokens, self.words["condition_words"]
        opening = next((i for i in range(ctx.start, index) if tokens.norm[i] in words), None)
        if opening is None:
            return ctx.start
        commas = [i for i in range(opening, index) if tokens.text[i] == ","]
        return commas[-1] if commas else ctx.start

    def persuaded_parties(self, ctx: SentenceContext, verbs: list[int]) -> list[Decision]:
        """The persuaded party yields when the persuasion is told as done ("convinced Trump
        to drop the truce", "pressured Kyiv into signing"), not when it is tried ("hoped to
        convince Trump to ...") or only pressed for ("pressured Kyiv to sign"); the
        persuader, done or tried, presses another party to act: a demand."""
        tokens, words = ctx.tokens, self.words
        found: list[Decision] = []
        for index in (i for i in verbs if tokens.norm[i] in words["persuade_verbs"]):
            target = mention_at(ctx.mentions, index + 1)
            if target is None or not self.asserted(ctx, index):
                continue
            link = self._link_after(ctx, target.end)
            pressing = tokens.norm[index] in words["pressing_verbs"]
            if pressing and link != "into":
                continue  # "pressured Kyiv to sign": the pressing verb's own cue demands
            if self._achieved(ctx, index):
                cue = self.word_cue(ctx, index, PERSUADED_ENTRY)
                found += self.claims(ctx, cue, [target], "concession", "persuaded-party")
            subject = left_subject(tokens, index, ctx.mentions, self.lexicon, ctx.start)
            if pressing or link not in ACT_LINKS or subject is None:
                continue
            if subject.label_ != target.label_:
                cue = self.word_cue(ctx, index, PERSUADER_ENTRY)
                found += self.claims(ctx, cue, [subject], "demand", "persuader")
        return found

    @staticmethod
    def _link_after(ctx: SentenceContext, position: int) -> str:
        """The word after the persuaded party, past an aside between commas ("persuaded
        Trump, at least in part, to embrace ...")."""
        tokens = ctx.tokens
        if position >= ctx.end:
            return ""
        if tokens.text[position] == ",":
            for after in range(position + 1, min(ctx.end - 1, position + ASIDE_REACH)):
                if tokens.text[after] == ",":
                    return tokens.lower[after + 1]
        return tokens.lower[position]

    def _achieved(self, ctx: SentenceContext, index: int) -> bool:
        """Not an infinitive ("hoped to convince"), unless after a verb of success
        ("managed to convince")."""
        tokens = ctx.tokens
        if index - 1 < ctx.start or tokens.lower[index - 1] != "to":
            return True
        return index - 2 >= ctx.start and tokens.norm[index - 2] in self.words["achieving_verbs"]
