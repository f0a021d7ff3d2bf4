"""The holder rules of a cue word: once a cue has passed its gates (``gates``,
``object_gates``, ``negation_gates``), who holds it and under which rule."""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.extract.convention_gates import (
    CONVENTION_GATES,
    REFUSAL_GATES,
    REFUSED_ACT_GATES,
)
from pipeline.extract.cues import Cue
from pipeline.extract.decisions import Decision, RuleSet, no_claim
from pipeline.extract.gates import (
    READING_GATES,
    SENTENCE_GATES,
    CueCandidate,
    SentenceFacts,
    pass_gates,
    relabel,
)
from pipeline.extract.grammar.phrases import (
    MODIFIER_GAP,
    actor_after_word,
    and_following,
    auxiliary_have,
    light_verb_before,
    participle_agents,
    possessor_of,
    predicate_noun,
    relative_owner,
)
from pipeline.extract.grammar.sentence import SentenceContext
from pipeline.extract.grammar.subjects import (
    coordinated,
    first_person_subject,
    has_own_subject,
    left_subject,
    opens_relative,
    reduced_relative,
)
from pipeline.extract.grammar.tokens import mention_ending_before, preceded_by
from pipeline.extract.negation_gates import JUDGEMENT_GATES, NEGATION_GATES
from pipeline.extract.object_gates import OBJECT_GATES
from pipeline.function_words import (
    AGENT_PREPOSITIONS,
    ANAPHORIC_DETERMINERS,
    FUTURE_WORDS,
    PASSIVE_AUXILIARIES,
    POSSESSIVE_MARKS,
)
from pipeline.knowledge.cues import CueLexicon

AGENT_WINDOW = 12  # tokens after a received concession searched for "from/by X"

# The gates of a stance word ("unacceptable"), and those of every other cue, in order.
STANCE_GATES = (*SENTENCE_GATES, *JUDGEMENT_GATES)
CUE_GATES = (
    *SENTENCE_GATES,
    *REFUSED_ACT_GATES,
    *READING_GATES,
    *CONVENTION_GATES,
    *OBJECT_GATES,
    *REFUSAL_GATES,
    *NEGATION_GATES,
)


class CueRules(RuleSet):
    """Decide every cue of a sentence: its gates, then its holder."""

    def __init__(self, lexicon: CueLexicon, affiliations: dict[str, str] | None = None) -> None:
        super().__init__(lexicon, affiliations)
        # One-word demand and rejection verbs: "vowed to block" pledges no concession.
        self.opposing_verbs = frozenset(
            form
            for entry in lexicon.entries
            if entry.kind == "verb" and entry.type in {"demand", "rejection"}
            for form in entry.forms
            if " " not in form
        )
        # First words of rejection verbs: "refused to rule out" refuses nothing.
        self.rejection_heads = frozenset(
            form.split()[0]
            for entry in lexicon.entries
            if entry.kind == "verb" and entry.type == "rejection"
            for form in entry.forms
        )

    def decide_all(self, ctx: SentenceContext, cues: list[Cue]) -> list[Decision]:
        """One or more decisions per cue: each cue passes the gates, then finds its holder."""
        decisions: list[Decision] = []
        if not cues:
            return decisions
        facts = SentenceFacts(
            stance_starts=[c.start for c in cues if c.kind == "stance"],
            opener=ctx.tokens.text[ctx.start] if ctx.end > ctx.start else "",
            doubted=self.doubted(ctx),
        )
        for cue in cues:
            candidate = CueCandidate(self, ctx, cue, cues, facts)
            if cue.kind == "stance":
                decisions += pass_gates(candidate, STANCE_GATES, self.stance_claims)
            else:
                decisions += pass_gates(candidate, CUE_GATES, self.holder_claims)
        return decisions

    def holder_claims(self, candidate: CueCandidate) -> list[Decision]:
        """The claims of a cue that passed every gate: a negated concession is a rejection."""
        ctx, cue = candidate.ctx, candidate.cue
        claim_type = "rejection" if candidate.negated else cue.type
        if cue.kind == "noun":
            decisions = self.noun_claims(ctx, cue, claim_type, candidate.cues)
        else:
            decisions = self.verb_claims(ctx, cue, claim_type)
        return relabel(decisions, "negated-concession") if candidate.negated else decisions

    def infinitive_claims(self, ctx: SentenceContext, cue: Cue) -> list[Decision]:
        """ "X's decision to abandon ..." is X's act; other infinitives are governed by
        another word ("pressed X to accept"), which carries the claim."""
        split = cue.start > ctx.start and ctx.tokens.lower[cue.start - 1] != "to"
        noun = cue.start - 3 if split else cue.start - 2  # "decision to quickly abandon"
        if noun > ctx.start and ctx.tokens.norm[noun] in self.words["act_nouns"]:
            owner = possessor_of(ctx, noun, self.lexicon)
            if owner is not None and ctx.tokens.norm[noun] in self.words["negative_act_nouns"]:
                if cue.type != "concession":
                    return no_claim(cue, "refused-act", "what an actor refuses is no act of it")
                # "Russia's refusal to agree to a truce": a refused concession is a rejection
                return self.claims(ctx, cue, [owner], "rejection", "infinitive-refused")
            if owner is not None:
                return self.claims(ctx, cue, [owner], cue.type, "infinitive-of-possessed")
        return no_claim(
            cue,
            "infinitive",
            'an infinitive is governed by another word ("pressed X to accept"): '
            "that word carries the claim",
        )

    def _holders(self, ctx: SentenceContext, cue: Cue) -> tuple[list[Span], str]:
        """Passive agent, first person in a quote, or the nearest subject on the left."""
        tokens = ctx.tokens
        before = cue.start - 1 if cue.start > ctx.start else None
        if before is not None and tokens.lower[before] in POSSESSIVE_MARKS:
            owner = mention_ending_before(ctx.mentions, before)
            if owner is not None:  # "Trump's proposed truce": a participle after a possessor
                return [owner], "possessor"
        participle = cue.kind == "verb" and not tokens.lower[cue.start].endswith("ing")
        if participle and before is not None and tokens.lower[before] in PASSIVE_AUXILIARIES:
            agent = actor_after_word(ctx, cue, {"by"}, window=4)
            return (
                and_following(ctx, agent, self.lexicon) if agent is not None else []
            ), "passive-agent"
        if participle and not has_own_subject(ctx, cue, self.lexicon):
            # "Crimea, offered up by the U.S., ...": a participle with its agent
            agent = actor_after_word(ctx, cue, {"by"}, window=6, own=True)
            if agent is not None:
                return and_following(ctx, agent, self.lexicon), "passive-agent"
            if reduced_relative(ctx, cue, self.lexicon):
                return [], "reduced-relative"
        subject = left_subject(tokens, cue.start, ctx.mentions, self.lexicon, ctx.start)
        first_person = first_person_subject(ctx, cue, self.lexicon)
        if first_person is not None and (subject is None or subject.start < first_person):
            speaker = ctx.speaker_for(cue.start)
            return ([speaker] if speaker is not None else []), "first-person-speaker"
        if subject is None:
            return [], "subject"
        return coordinated(tokens, subject, ctx.mentions, self.lexicon), "subject"

    def verb_claims(self, ctx: SentenceContext, cue: Cue, claim_type: str) -> list[Decision]:
        actors, how = self._holders(ctx, cue)
        speaker = ctx.speaker_for(cue.start)
        impersonal = cue.entry.lemma in self.words["impersonal_demands"] and not opens_relative(
            ctx, cue.start, self.lexicon
        )
        if not actors and how == "subject" and impersonal and speaker is not None:
            # "Any deal would require Kyiv to cede land, Witkoff said.": a thing as subject
            return self.claims(ctx, cue, [speaker], claim_type, "verb-impersonal-speaker")
        if not actors:
            return no_claim(cue, how, "no actor found as the subject or agent of the cue")
        givers = self._givers(ctx, cue, actors)
        if not givers:  # "he offered concessions to X" where "he" was read as X
            return no_claim(cue, "receiver", "the receiver of a concession gives nothing")
        return self.claims(ctx, cue, givers, claim_type, f"{cue.kind}-{how}")

    def noun_claims(
        self, ctx: SentenceContext, cue: Cue, claim_type: str, cues: list[Cue]
    ) -> list[Decision]:
        """The owner of a noun cue: a giver, a possessor, an agent, the subject of a light
        verb, a speaker refusing it, or the holder of the sentence before."""
        if cue.type == "concession":
            exchanged = self._exchanged_concession(ctx, cue, claim_type)
            if exchanged is not None:
                return exchanged
        owner = possessor_of(ctx, cue.start, self.lexicon)
        if owner is not None:
            return self.claims(ctx, cue, [owner], claim_type, "noun-possessor")
        agent = actor_after_word(ctx, cue, AGENT_PREPOSITIONS, window=2)
        if agent is not None:
            return self.claims(ctx, cue, [agent], claim_type, "noun-agent")
        agents = participle_agents(ctx, cue, self.lexicon)
        if agents:  # "a plan drafted by Witkoff and Dmitriev", "an offer made by X"
            return self.claims(ctx, cue, agents, claim_type, "noun-participle-agent")
        maker = relative_owner(ctx, cue, self.lexicon)
        if maker is not None:  # "the demands Putin made": the maker owns them
            return self.claims(ctx, cue, [maker], claim_type, "noun-relative-owner")
        light = self._governing_light_verb(ctx, cue, cues)
        tokens = ctx.tokens
        if light is not None and self._posed(cue, tokens.norm[light]):
            return no_claim(cue, "posed", 'a threat "posed" is a danger, not a proposal')
        if light is not None and preceded_by(tokens, light, self.firm_modals, ctx.start):
            return no_claim(cue, "modal", "the light verb is under a modal: not an act")
        infinitive = light is not None and light > ctx.start and tokens.lower[light - 1] == "to"
        if light is not None and not infinitive:  # "to make concessions": governed elsewhere
            subject = left_subject(tokens, light, ctx.mentions, self.lexicon, ctx.start)
            if subject is not None:
                actors = self._givers(
                    ctx, cue, coordinated(tokens, subject, ctx.mentions, self.lexicon)
                )
                if not actors:
                    return no_claim(cue, "receiver", "the receiver of a concession gives nothing")
                return self.claims(ctx, cue, actors, claim_type, "noun-light-verb")
        return self._unnamed_owner(ctx, cue, claim_type, cues)

    def _givers(self, ctx: SentenceContext, cue: Cue, actors: list[Span]) -> list[Span]:
        """ "she offered concessions to Moscow again": whoever "he" is, the actor named after
        "to" receives the concession and does not give it."""
        if cue.type != "concession":
            return actors
        receiver = actor_after_word(ctx, cue, {"to"}, window=3)
        if receiver is None:
            return actors
        return [actor for actor in actors if actor.label_ != receiver.label_]

    def _posed(self, cue: Cue, verb: str) -> bool:
        """ "NATO bases pose a threat": a danger posed is no proposal of the subject."""
        return self.lexicon.has("posed_nouns", cue.text) and verb in self.words["posing_verbs"]

    def _exchanged_concession(
        self, ctx: SentenceContext, cue: Cue, claim_type: str
    ) -> list[Decision] | None:
        """A concession asked for is nobody's yet; one received is its giver's."""
        tokens, words = ctx.tokens, self.words
        requested = preceded_by(
            tokens, cue.start, words["request_verbs"], ctx.start, gap=MODIFIER_GAP
        )
        if requested is not None:
            return no_claim(
                cue, "concession-requested", "a concession asked for is not yet given by anyone"
            )
        received = preceded_by(
            tokens, cue.start, words["receive_verbs"], ctx.start, gap=MODIFIER_GAP
        )
        if received is None:
            return None
        giver = actor_after_word(ctx, cue, AGENT_PREPOSITIONS, window=AGENT_WINDOW)
        if giver is None:
            return no_claim(
                cue,
                "concession-received",
                "a concession received, but the sentence does not say from whom",
            )
        return self.claims(ctx, cue, [giver], claim_type, "noun-giver")

    def _governing_light_verb(self, ctx: SentenceContext, cue: Cue, cues: list[Cue]) -> int | None:
        """A light verb that governs the noun ("made concessions"), if there is one."""
        tokens = ctx.tokens
        light = light_verb_before(ctx, cue.start, self.lexicon)
        if light is None:
            return None
        if light + 1 < ctx.end and tokens.lower[light + 1] == "to":
            return None  # "would have to approve any concession": an obligation, no light verb
        if any(other.kind == "verb" and light < other.start < cue.start for other in cues):
            return None  # "has rejected calls for": the verb between governs the noun
        if auxiliary_have(ctx, light, self.lexicon):
            return None  # "had received the plan": "have" is an auxiliary here
        return light

    def _unnamed_owner(
        self, ctx: SentenceContext, cue: Cue, claim_type: str, cues: list[Cue]
    ) -> list[Decision]:
        """No owner in the noun's phrase: a speaker refusing it, or an earlier holder."""
        tokens = ctx.tokens
        speaker = ctx.speaker_for(cue.start)
        future = any(
            tokens.norm[i] in FUTURE_WORDS for i in range(max(ctx.start, cue.start - 5), cue.start)
        )
        if (
            claim_type == "demand"
            and speaker is not None
            and predicate_noun(ctx, cue, self.lexicon)
        ):
            # "The withdrawal remains a key condition," Peskov said.
            return self.claims(ctx, cue, [speaker], claim_type, "noun-predicate-speaker")
        if claim_type == "rejection" and cue.type == "concession" and speaker and future:
            # "There will be no concessions on territory," Yermak said.
            return self.claims(ctx, cue, [speaker], claim_type, "noun-refused-by-speaker")
        before = tokens.lower[cue.start - 1] if cue.start > ctx.start else ""
        antecedent = ctx.antecedents.get(cue.type)
        # "the demand" points back only as the object of a cue verb ("rejected the demand"),
        # not in "under the plan"; a demonstrative ("such concessions") always points back.
        verbs = [o for o in cues if o.kind == "verb" and 0 <= cue.start - o.end <= MODIFIER_GAP]
        if any(verb.type != cue.type for verb in verbs):
            # "rejected the demand": a proposal named again without its proposer repeats
            # nothing (guidelines v2); "offering this concession" is the act itself
            return no_claim(cue, "named-again", "a proposal named again without its proposer")
        governed = before != "the" or bool(verbs)
        if before in ANAPHORIC_DETERMINERS and antecedent is not None and governed:
            return self.claims(ctx, cue, [antecedent], claim_type, "noun-anaphora")
        return no_claim(
            cue,
            "noun-no-holder",
            "nobody is named as the owner of this demand/concession/rejection",
        )

    def stance_claims(self, candidate: CueCandidate) -> list[Decision]:
        """A judgement ("unacceptable") that passed its gates is its speaker's."""
        ctx, cue = candidate.ctx, candidate.cue
        speaker = ctx.speaker_for(cue.start)
        if speaker is None:
            return no_claim(
                cue, "stance-no-speaker", "a judgement with no named speaker is the author's"
            )
        return self.claims(ctx, cue, [speaker], cue.type, "stance-speaker")
