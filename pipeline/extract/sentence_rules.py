"""Rules that read a whole sentence rather than one cue word: obligations in
reported speech, elliptical refusals, conditions, threats, declared truces,
persuaded parties and changed positions."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from pipeline.annotate.linker import has_possessive_mark
from pipeline.extract.context import (
    SentenceContext,
    in_conditional,
    left_subject,
    mention_at,
    preceded_by,
)
from pipeline.extract.cues import Cue
from pipeline.extract.decisions import BACKSHIFT, NOT, Decision, RuleSet
from pipeline.knowledge.cues import CueEntry

AUXILIARIES = frozenset({"did", "does", "do", "would", "will", "has", "have", "had", "could",
                         "can", "was", "were", "is", "wo", "ca"})  # fmt: skip
BE_PRESENT = frozenset({"'re", "’re", "are", "am", "'m", "’m"})
CONDITION_WORDS = frozenset({"if", "unless", "provided"})
DEONTIC_ENTRY = CueEntry("demand", "deontic", "must", ("must",))
ELLIPSIS_ENTRY = CueEntry("rejection", "ellipsis", "did not", ("did not",))
CONDITION_ENTRY = CueEntry("demand", "condition", "if", ("if",))
CHANGE_ENTRY = CueEntry("concession", "change", "shift", ("shift",))
PRESSURE_ENTRY = CueEntry("demand", "pressure", "withhold", ("withhold",))
TRUCE_ENTRY = CueEntry("concession", "truce", "declare", ("declare",))
DIRECTIVE_ENTRY = CueEntry("demand", "directive", "tell", ("tell",))
PERSUADED_ENTRY = CueEntry("concession", "persuaded", "persuade", ("persuade",))


class SentenceRules(RuleSet):
    """Claims found by sentence patterns, given the cue decisions already made."""

    def apply(
        self, ctx: SentenceContext, cues: list[Cue], decisions: list[Decision]
    ) -> list[Decision]:
        if ctx.is_question:
            return []
        found = self.reported_obligations(ctx, decisions)
        found += self.elliptical_refusals(ctx, cues)
        found += self.conditions_of_offers(ctx, decisions + found)
        found += self.conditional_pressure(ctx)
        found += self.declared_truces(ctx)
        found += self.persuaded_parties(ctx)
        found += self.reported_conditions(ctx)
        found += self.changed_positions(ctx)
        found += self.directives(ctx)
        return found

    def _verbs_of(self, ctx: SentenceContext, list_name: str) -> Iterator[Token]:
        """Tokens of the sentence in a word list, written in lower case as verbs are."""
        for token in ctx.sent:
            if token.is_lower and self.lexicon.has(list_name, token.text):
                yield token

    def directives(self, ctx: SentenceContext) -> list[Decision]:
        """ "Trump told Zelensky to accept ...": telling an actor to act is a demand."""
        doc = ctx.sent.doc
        found: list[Decision] = []
        for token in self._verbs_of(ctx, "directive_verbs"):
            target = mention_at(ctx.mentions, token.i + 1)
            if target is None or target.end >= ctx.sent.end or doc[target.end].lower_ != "to":
                continue
            subject = left_subject(doc, token.i, ctx.mentions, self.lexicon, ctx.sent.start)
            if subject is not None and self.asserted(ctx, token.i):
                cue = self.word_cue(ctx, token.i, DIRECTIVE_ENTRY)
                found += self.claims(ctx, cue, [subject], "demand", "directive", 0.75)
        return found

    @staticmethod
    def _complement_openers(ctx: SentenceContext, decisions: list[Decision]) -> dict[int, set[str]]:
        """Positions of "that" opening what a claim demands, concedes or rejects, with the
        actors holding those claims."""
        doc = ctx.sent.doc
        openers: dict[int, set[str]] = {}
        for decision in decisions:
            if not decision.is_claim or decision.actor is None:
                continue
            for position in (decision.cue.end, decision.cue.end + 1):
                if position < ctx.sent.end and doc[position].lower_ == "that":
                    openers.setdefault(position, set()).add(decision.actor.label_)
                    break
        return openers

    @staticmethod
    def _opened_by(ctx: SentenceContext, index: int) -> int | None:
        """The "that" opening the clause holding ``index``, if any."""
        doc = ctx.sent.doc
        for position in range(index - 1, ctx.sent.start - 1, -1):
            if doc[position].lower_ in {";", ":"}:
                return None
            if doc[position].lower_ == "that":
                return position
        return None

    def reported_obligations(
        self, ctx: SentenceContext, decisions: list[Decision]
    ) -> list[Decision]:
        """ "Lavrov said Russia must ...": an obligation in reported speech is the speaker's
        demand. Outside reported speech, "X must/should ..." is the author's voice."""
        doc = ctx.sent.doc
        found: list[Decision] = []
        deontic = self.words["deontic"]
        # In someone's words "might/may have to" still proposes; "could" stays hypothetical.
        hypothetical = self.modals - deontic - {"must", "should", "ought", "might", "may"}
        hypothetical -= BACKSHIFT
        complements = self._complement_openers(ctx, decisions)
        for token in ctx.sent:
            phrase = token.lower_
            nxt = doc[token.i + 1].lower_ if token.i + 1 < ctx.sent.end else ""
            if f"{phrase} {nxt}" in deontic:
                end = token.i + 2
            elif phrase in deontic:
                end = token.i + 1
            else:
                continue
            if preceded_by(doc, token.i, NOT, ctx.sent.start, 0):
                continue
            if preceded_by(doc, token.i, hypothetical, ctx.sent.start, gap=1) is not None:
                continue
            speaker = ctx.speaker_for(token.i)
            if speaker is None or in_conditional(ctx, token.i, self.lexicon):
                continue
            if speaker.label_ in complements.get(self._opened_by(ctx, token.i) or -1, set()):
                continue  # "agreed that talks should ...": the claim already says what it is
            cue = Cue(token.i, end, doc[token.i : end].text, DEONTIC_ENTRY)
            found += self.claims(
                ctx, cue, [speaker], "demand", "reported-obligation", 0.65, modality="reported"
            )
        return found

    def elliptical_refusals(self, ctx: SentenceContext, cues: list[Cue]) -> list[Decision]:
        """ "Kyiv accepted the plan, Moscow didn't.": a bare negated auxiliary after a
        concession refuses that concession."""
        doc = ctx.sent.doc
        decisions: list[Decision] = []
        concessions = [c for c in cues if c.type == "concession"]
        for mention in ctx.mentions:
            aux = mention.end
            if aux + 2 > ctx.sent.end or doc[aux].lower_ not in AUXILIARIES:
                continue
            if doc[aux + 1].lower_ not in NOT:
                continue
            closing = aux + 2 == ctx.sent.end or doc[aux + 2].is_punct
            if closing and any(c.end <= mention.start for c in concessions):
                cue = Cue(aux, aux + 2, doc[aux : aux + 2].text, ELLIPSIS_ENTRY)
                decisions += self.claims(
                    ctx, cue, [mention], "rejection", "elliptical-refusal", 0.7
                )
        return decisions

    def conditions_of_offers(
        self, ctx: SentenceContext, decisions: list[Decision]
    ) -> list[Decision]:
        """ "Putin would freeze the front if Kyiv left Donetsk": the condition attached to an
        offer or threat is a demand by the one who offers or threatens."""
        doc = ctx.sent.doc
        added: list[Decision] = []
        offers = [d for d in decisions if d.is_claim and d.claim_type != "rejection"]
        for decision in offers:
            for position in range(decision.cue.end, ctx.sent.end):
                if doc[position].lower_ in CONDITION_WORDS:
                    cue = Cue(position, position + 1, doc[position].text, CONDITION_ENTRY)
                    assert decision.actor is not None
                    added += self.claims(
                        ctx,
                        cue,
                        [decision.actor],
                        "demand",
                        "condition-of-offer",
                        0.6,
                        modality="conditional",
                    )
                    break
        return added

    def conditional_pressure(self, ctx: SentenceContext) -> list[Decision]:
        """ "Trump withheld aid until Kyiv ...": pressure tied to a condition is a demand."""
        doc = ctx.sent.doc
        found: list[Decision] = []
        for token in self._verbs_of(ctx, "pressure_verbs"):
            rest = doc[token.i + 1 : ctx.sent.end]
            if not any(self.lexicon.has("condition_words", t.text) for t in rest):
                continue
            subject = left_subject(doc, token.i, ctx.mentions, self.lexicon, ctx.sent.start)
            if subject is not None and self.asserted(ctx, token.i):
                cue = self.word_cue(ctx, token.i, PRESSURE_ENTRY)
                found += self.claims(
                    ctx,
                    cue,
                    [subject],
                    "demand",
                    "conditional-pressure",
                    0.6,
                    modality="conditional",
                )
        return found

    def declared_truces(self, ctx: SentenceContext) -> list[Decision]:
        """ "the truce Putin declared", "Moscow announced a ceasefire": a pause in fighting
        declared by an actor is that actor's concession."""
        doc = ctx.sent.doc
        found: list[Decision] = []
        for token in self._verbs_of(ctx, "declare_verbs"):
            subject = left_subject(doc, token.i, ctx.mentions, self.lexicon, ctx.sent.start)
            if subject is None or not self.asserted(ctx, token.i):
                continue
            before = doc[max(ctx.sent.start, subject.start - 3) : subject.start]
            after = doc[token.i + 1 : min(ctx.sent.end, token.i + 7)]
            if any(self.lexicon.has("truce_words", t.text) for t in [*before, *after]):
                cue = self.word_cue(ctx, token.i, TRUCE_ENTRY)
                found += self.claims(ctx, cue, [subject], "concession", "declared-truce", 0.7)
        return found

    def persuaded_parties(self, ctx: SentenceContext) -> list[Decision]:
        """ "Putin convinced Trump to drop the truce": the persuaded party yields."""
        found: list[Decision] = []
        for token in self._verbs_of(ctx, "persuade_verbs"):
            target = mention_at(ctx.mentions, token.i + 1)
            if target is None or not self.asserted(ctx, token.i):
                continue
            cue = self.word_cue(ctx, token.i, PERSUADED_ENTRY)
            found += self.claims(ctx, cue, [target], "concession", "persuaded-party", 0.6)
        return found

    def reported_conditions(self, ctx: SentenceContext) -> list[Decision]:
        """ "..., saying talks can only happen once X": a condition the speaker sets, and
        "if they refuse, we will ..." in a speaker's words: both demands."""
        doc = ctx.sent.doc
        found: list[Decision] = []
        for token in ctx.sent:
            speaker = ctx.speaker_for(token.i)
            if speaker is None:
                continue
            window = doc[token.i + 1 : min(ctx.sent.end, token.i + 7)]
            only_if = token.lower_ == "only" and any(
                self.lexicon.has("only_conditions", t.text) for t in window
            )
            threat = token.lower_ in {"if", "unless"} and self._first_person_future(ctx, token.i)
            refusal_until = token.lower_ in {"until", "unless"} and any(
                t.lower_ in {"no", "not", "never", "n't", "n’t"}
                for t in doc[max(ctx.sent.start, token.i - 6) : token.i]
            )
            if only_if or threat or refusal_until:
                cue = self.word_cue(ctx, token.i, CONDITION_ENTRY)
                found += self.claims(
                    ctx, cue, [speaker], "demand", "reported-condition", 0.6, modality="conditional"
                )
                break
        return found

    def _first_person_future(self, ctx: SentenceContext, index: int) -> bool:
        """A first-person future after the condition: "..., we're going to / we will ..."."""
        words = [t.lower_ for t in ctx.sent.doc[index + 1 : ctx.sent.end]]
        for position, word in enumerate(words):
            if not self.lexicon.has("first_person", word):
                continue
            following = words[position + 1 : position + 4]  # allows "we're just going to"
            if following[:1] and following[0] in {"will", "'ll", "’ll", "shall"}:
                return True
            if following[:1] and following[0] in BE_PRESENT and "going" in following[1:]:
                return True
        return False

    def changed_positions(self, ctx: SentenceContext) -> list[Decision]:
        """ "The president's position has shifted": a changed position is a concession."""
        doc = ctx.sent.doc
        found: list[Decision] = []
        for mention in ctx.mentions:
            noun = mention.end + 1
            if noun >= ctx.sent.end or not has_possessive_mark(mention):
                continue
            if not self.lexicon.has("position_nouns", doc[noun].text):
                continue
            window = doc[noun + 1 : min(ctx.sent.end, noun + 4)]
            change = next((t for t in window if self.lexicon.has("change_verbs", t.text)), None)
            if change is not None and self.asserted(ctx, change.i):
                cue = self.word_cue(ctx, change.i, CHANGE_ENTRY)
                found += self.claims(ctx, cue, [mention], "concession", "changed-position", 0.6)
        return found
