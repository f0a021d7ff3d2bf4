"""Rules that read a whole sentence rather than one cue word: obligations in
reported speech, elliptical refusals, conditions, threats, declared truces,
persuaded parties and changed positions."""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.extract.cues import NOUN_MARKERS, Cue
from pipeline.extract.decisions import Decision
from pipeline.extract.grammar.clauses import in_conditional
from pipeline.extract.grammar.sentence import SentenceContext
from pipeline.extract.grammar.subjects import left_subject
from pipeline.extract.grammar.tokens import (
    ALL_QUOTES,
    marked_possessive,
    mention_at,
    preceded_by,
)
from pipeline.extract.pressure_rules import PressureRules
from pipeline.function_words import (
    BACKSHIFTED_WILL,
    BE_PRESENT,
    CONDITION_OPENERS,
    CONDITION_WORDS,
    CONDITIONAL_CONJUNCTIONS,
    ELLIPSIS_AUXILIARIES,
    FIRST_PERSON_FUTURE,
    FUTURE_AUXILIARIES,
    NEGATORS,
    NOT,
    PREPOSITIONS,
    PROPOSING_MODALS,
)
from pipeline.knowledge.cues import CueEntry, CueLexicon

DEONTIC_ENTRY = CueEntry("demand", "deontic", "must", ("must",))
ELLIPSIS_ENTRY = CueEntry("rejection", "ellipsis", "did not", ("did not",))
CONDITION_ENTRY = CueEntry("demand", "condition", "if", ("if",))
CHANGE_ENTRY = CueEntry("concession", "change", "shift", ("shift",))
TRUCE_ENTRY = CueEntry("concession", "truce", "declare", ("declare",))
DIRECTIVE_ENTRY = CueEntry("demand", "directive", "tell", ("tell",))
# The word lists whose verbs open a sentence pattern.
VERB_LISTS = (
    "directive_verbs",
    "pressure_verbs",
    "declare_verbs",
    "persuade_verbs",
    "relief_verbs",
)
DEADLINE_REACH = 4  # words of "two more weeks" between a target and "to"
RELIEF_ENTRY = CueEntry("concession", "relief", "lift", ("lift",))
RELIEF_REACH = 4  # words between "lifted" and "sanctions" ("eased some of the sanctions")


class SentenceRules(PressureRules):
    """Claims found by sentence patterns, given the cue decisions already made."""

    def __init__(self, lexicon: CueLexicon, affiliations: dict[str, str] | None = None) -> None:
        super().__init__(lexicon, affiliations)
        # In someone's words "might/may have to" still proposes; "could" stays hypothetical.
        hypothetical = self.modals - self.words["deontic"]
        hypothetical -= PROPOSING_MODALS
        self.reported_hypotheticals = hypothetical - BACKSHIFTED_WILL
        self.pattern_verbs = frozenset().union(*(self.words[name] for name in VERB_LISTS))

    def apply(
        self, ctx: SentenceContext, cues: list[Cue], decisions: list[Decision]
    ) -> list[Decision]:
        if ctx.is_question:
            return []  # the same sentence-wide gate as for single cues
        found = self.reported_obligations(ctx, decisions)
        found += self.elliptical_refusals(ctx, cues)
        verbs = self._pattern_verbs(ctx)
        found += self.relieved_pressures(ctx, verbs, decisions)
        found += self.refused_pressures(ctx, decisions)
        found += self.conditions_of_offers(ctx, decisions + found)
        found += self.conditional_pressure(ctx, verbs)
        found += self.declared_truces(ctx, verbs)
        found += self.persuaded_parties(ctx, verbs)
        found += self.reported_conditions(ctx)
        found += self.changed_positions(ctx)
        found += self.directives(ctx, verbs)
        return found

    def _pattern_verbs(self, ctx: SentenceContext) -> list[int]:
        """Positions of the sentence's words in any of ``VERB_LISTS``, written in lower case
        as verbs are: one pass for all four patterns. Each needs an actor mention, so a
        sentence without one has none."""
        if not ctx.mentions:
            return []
        norm, is_lower, words = ctx.tokens.norm, ctx.tokens.is_lower, self.pattern_verbs
        return [i for i in range(ctx.start, ctx.end) if norm[i] in words and is_lower[i]]

    def _verbs_of(self, ctx: SentenceContext, list_name: str, verbs: list[int]) -> list[int]:
        """The positions among ``verbs`` (see ``_pattern_verbs``) of one word list."""
        norm, words = ctx.tokens.norm, self.words[list_name]
        return [index for index in verbs if norm[index] in words]

    def directives(self, ctx: SentenceContext, verbs: list[int]) -> list[Decision]:
        """ "Trump told Zelensky to accept ...": telling an actor to act is a demand."""
        tokens = ctx.tokens
        found: list[Decision] = []
        for index in self._verbs_of(ctx, "directive_verbs", verbs):
            target = mention_at(ctx.mentions, index + 1)
            if target is None or target.end >= ctx.end:
                continue
            to = target.end
            if tokens.norm[index] in self.words["deadline_verbs"]:
                # "gave Putin two weeks to agree": a deadline between the target and "to"
                units = range(to, min(ctx.end, to + DEADLINE_REACH))
                unit = next((i for i in units if tokens.norm[i] in self.words["time_units"]), None)
                to = unit + 1 if unit is not None else -1
            if to < 0 or to >= ctx.end or tokens.lower[to] != "to":
                continue
            subject = left_subject(tokens, index, ctx.mentions, self.lexicon, ctx.start)
            if subject is not None and self.asserted(ctx, index):
                cue = self.word_cue(ctx, index, DIRECTIVE_ENTRY)
                found += self.claims(ctx, cue, [subject], "demand", "directive")
        return found

    @staticmethod
    def _complement_openers(ctx: SentenceContext, decisions: list[Decision]) -> dict[int, set[str]]:
        """Positions of "that" opening what a claim demands, concedes or rejects, with the
        actors holding those claims."""
        lower = ctx.tokens.lower
        openers: dict[int, set[str]] = {}
        for decision in decisions:
            if not decision.is_claim or decision.actor is None:
                continue
            for position in (decision.cue.end, decision.cue.end + 1):
                if position < ctx.end and lower[position] == "that":
                    openers.setdefault(position, set()).add(decision.actor.label_)
                    break
        return openers

    @staticmethod
    def _opened_by(ctx: SentenceContext, index: int) -> int | None:
        """The "that" opening the clause holding ``index``, if any."""
        lower = ctx.tokens.lower
        for position in range(index - 1, ctx.start - 1, -1):
            if lower[position] in {";", ":"}:
                return None
            if lower[position] == "that":
                return position
        return None

    def reported_obligations(
        self, ctx: SentenceContext, decisions: list[Decision]
    ) -> list[Decision]:
        """ "Lavrov said Russia must ...": an obligation in reported speech is the speaker's
        demand. Outside reported speech, "X must/should ..." is the author's voice."""
        found: list[Decision] = []
        if not ctx.may_have_speaker:
            return found
        tokens, lower = ctx.tokens, ctx.tokens.lower
        deontic = self.words["deontic"]
        complements = self._complement_openers(ctx, decisions)
        for index in range(ctx.start, ctx.end):
            phrase = lower[index]
            nxt = lower[index + 1] if index + 1 < ctx.end else ""
            if f"{phrase} {nxt}" in deontic:
                end = index + 2
            elif phrase in deontic:
                end = index + 1
            else:
                continue
            if preceded_by(tokens, index, NOT, ctx.start, 0):
                continue
            if preceded_by(tokens, index, self.reported_hypotheticals, ctx.start, 1) is not None:
                continue
            speaker = ctx.speaker_for(index)
            if speaker is None or in_conditional(ctx, index, self.lexicon):
                continue
            if speaker.label_ in complements.get(self._opened_by(ctx, index) or -1, set()):
                continue  # "agreed that talks should ...": the claim already says what it is
            cue = Cue(index, end, tokens.words(index, end), DEONTIC_ENTRY)
            found += self.claims(
                ctx, cue, [speaker], "demand", "reported-obligation", modality="reported"
            )
        return found

    def elliptical_refusals(self, ctx: SentenceContext, cues: list[Cue]) -> list[Decision]:
        """ "Kyiv accepted the plan, Moscow didn't.": a bare negated auxiliary after a
        concession refuses that concession."""
        tokens = ctx.tokens
        decisions: list[Decision] = []
        concessions = [c for c in cues if c.type == "concession"]
        for mention in ctx.mentions:
            aux = mention.end
            if aux + 2 > ctx.end or tokens.lower[aux] not in ELLIPSIS_AUXILIARIES:
                continue
            if tokens.lower[aux + 1] not in NOT:
                continue
            closing = aux + 2 == ctx.end or (
                tokens.is_punct[aux + 2] and tokens.text[aux + 2] not in ALL_QUOTES
            )  # "it would not \"go after ...\"": a quote continues the verb phrase
            if closing and any(c.end <= mention.start for c in concessions):
                cue = Cue(aux, aux + 2, tokens.words(aux, aux + 2), ELLIPSIS_ENTRY)
                decisions += self.claims(ctx, cue, [mention], "rejection", "elliptical-refusal")
        return decisions

    def conditions_of_offers(
        self, ctx: SentenceContext, decisions: list[Decision]
    ) -> list[Decision]:
        """ "Putin would freeze the front if Kyiv left Donetsk": the condition attached to an
        offer or threat is a demand by the one who offers or threatens."""
        lower = ctx.tokens.lower
        added: list[Decision] = []
        offers = [d for d in decisions if d.is_claim and d.claim_type != "rejection"]
        cue_starts = {d.cue.start for d in decisions}
        for decision in offers:
            for position in range(decision.cue.end, ctx.end):
                if position in cue_starts and decision.cue.kind == "noun":
                    break  # "an offer made by X ..., the U.S. should offer ... if": the later
                    # cue, even one that is no claim, takes the condition
                if lower[position] in CONDITION_WORDS:
                    cue = Cue(position, position + 1, ctx.tokens.text[position], CONDITION_ENTRY)
                    assert decision.actor is not None
                    added += self.claims(
                        ctx,
                        cue,
                        [decision.actor],
                        "demand",
                        "condition-of-offer",
                        modality="conditional",
                    )
                    break
        return added

    def relieved_pressures(
        self, ctx: SentenceContext, verbs: list[int], decisions: list[Decision]
    ) -> list[Decision]:
        """ "Washington eased some sanctions on Russian banks": lifting a pressure is a
        concession by whoever lifts it."""
        tokens = ctx.tokens
        objects = self.words["relief_objects"]
        found: list[Decision] = []
        for index in self._verbs_of(ctx, "relief_verbs", verbs):
            if index > ctx.start and tokens.lower[index - 1] in NOUN_MARKERS | PREPOSITIONS:
                continue  # "the lifting of sanctions", "in exchange for easing": no act;
                # "wants X to lift" is a demand
            after = range(index + 1, min(ctx.end, index + 1 + RELIEF_REACH))
            if not any(tokens.norm[i] in objects for i in after):
                continue
            if self._demanded(ctx, index, decisions):
                continue  # "demanded that Washington lift sanctions": what another claim asks
            subject = left_subject(tokens, index, ctx.mentions, self.lexicon, ctx.start)
            if subject is None or not self.asserted(ctx, index, "concession"):
                continue
            cue = self.word_cue(ctx, index, RELIEF_ENTRY)
            found += self.claims(ctx, cue, [subject], "concession", "relieved-pressure")
        return found

    @staticmethod
    def _demanded(ctx: SentenceContext, index: int, decisions: list[Decision]) -> bool:
        """A verb inside what a demand or rejection asks: after "<cue> that ..." or right
        after "<cue> <actor>" ("demands Kyiv lift ...")."""
        ends = {d.cue.end for d in decisions if d.claim_type in {"demand", "rejection"}}
        if index in ends:
            return True  # "ruled out lifting sanctions": the gerund is what is refused
        subject = mention_at(ctx.mentions, index - 1) if index > ctx.start else None
        if subject is not None and subject.start in ends:
            return True
        lower = ctx.tokens.lower
        for position in range(index - 1, ctx.start - 1, -1):
            if lower[position] in {";", ":"}:
                return False
            if lower[position] == "that":
                return position in ends
        return False

    def declared_truces(self, ctx: SentenceContext, verbs: list[int]) -> list[Decision]:
        """ "the truce Putin declared", "Moscow announced a ceasefire": a pause in fighting
        declared by an actor is that actor's concession."""
        tokens = ctx.tokens
        truce_words = self.words["truce_words"]
        found: list[Decision] = []
        for index in self._verbs_of(ctx, "declare_verbs", verbs):
            if index > ctx.start and tokens.lower[index - 1] in NOUN_MARKERS:
                continue  # "the offer of a truce": a noun, not a declaring verb
            subject = left_subject(tokens, index, ctx.mentions, self.lexicon, ctx.start)
            if subject is None or not self.asserted(ctx, index):
                continue
            before = range(max(ctx.start, subject.start - 3), subject.start)
            after = range(index + 1, min(ctx.end, index + 7))
            if any(tokens.norm[i] in truce_words for i in [*before, *after]):
                cue = self.word_cue(ctx, index, TRUCE_ENTRY)
                found += self.claims(ctx, cue, [subject], "concession", "declared-truce")
        return found

    def reported_conditions(self, ctx: SentenceContext) -> list[Decision]:
        """ "..., saying talks can only happen once X": a condition the speaker sets, and
        "if they refuse, we will ..." in a speaker's words: both demands."""
        found: list[Decision] = []
        if not ctx.may_have_speaker:
            return found
        lower, norm = ctx.tokens.lower, ctx.tokens.norm
        only_conditions = self.words["only_conditions"]
        for index in range(ctx.start, ctx.end):
            word = lower[index]
            if word not in CONDITION_OPENERS:
                continue
            speaker = ctx.speaker_for(index)
            if speaker is None:
                continue
            window = range(index + 1, min(ctx.end, index + 7))
            only_if = word == "only" and any(norm[i] in only_conditions for i in window)
            conditional = word in CONDITIONAL_CONJUNCTIONS
            side = self._own_side_future(ctx, index, speaker) if conditional else None
            threat = conditional and (self._first_person_future(ctx, index) or side is not None)
            refusal_until = word in {"until", "unless"} and any(
                lower[i] in NEGATORS for i in range(max(ctx.start, index - 6), index)
            )
            if only_if or threat or refusal_until:
                cue = self.word_cue(ctx, index, CONDITION_ENTRY)
                found += self.claims(  # "said the U.S. would walk away if": the side's too
                    ctx, cue, [side or speaker], "demand", "reported-condition", "conditional"
                )
                break
        return found

    def _first_person_future(self, ctx: SentenceContext, index: int) -> bool:
        """A first-person future after the condition: "..., we're going to / we will ..."."""
        words = ctx.tokens.lower[index + 1 : ctx.end]
        norms = ctx.tokens.norm[index + 1 : ctx.end]
        first_person = self.words["first_person"]
        for position, norm in enumerate(norms):
            if norm not in first_person:
                continue
            following = words[position + 1 : position + 4]  # allows "we're just going to"
            if following[:1] and following[0] in FIRST_PERSON_FUTURE:
                return True
            if following[:1] and following[0] in BE_PRESENT and "going" in following[1:]:
                return True
        return False

    def _own_side_future(self, ctx: SentenceContext, index: int, speaker: Span) -> Span | None:
        """ "Medvedev warned that Russia would seize more land if ...": the speaker's own
        side (or the speaker) with "will/would" before the condition threatens, or after
        it ("If Russia refuses, Trump has said, he will impose tariffs")."""
        tokens, side = ctx.tokens, self.affiliations.get(speaker.label_)
        for mention in ctx.mentions:
            if mention.end >= ctx.end or (
                index <= mention.start and "," not in tokens.text[index : mention.start]
            ):
                continue
            own = mention.label_ in {speaker.label_, side}
            if own and tokens.lower[mention.end] in FUTURE_AUXILIARIES:
                return speaker if mention.label_ == speaker.label_ else mention
        return None

    def changed_positions(self, ctx: SentenceContext) -> list[Decision]:
        """ "The president's position has shifted": a changed position is a concession."""
        tokens = ctx.tokens
        position_nouns, change_verbs = self.words["position_nouns"], self.words["change_verbs"]
        found: list[Decision] = []
        for mention in ctx.mentions:
            noun = mention.end + 1
            if noun >= ctx.end or not marked_possessive(tokens, mention):
                continue
            if tokens.norm[noun] not in position_nouns:
                continue
            window = range(noun + 1, min(ctx.end, noun + 4))
            change = next((i for i in window if tokens.norm[i] in change_verbs), None)
            if change is not None and self.asserted(ctx, change):
                cue = self.word_cue(ctx, change, CHANGE_ENTRY)
                found += self.claims(ctx, cue, [mention], "concession", "changed-position")
        return found
