"""Rules triggered by a cue word: who holds the cue, and is it an asserted act."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span

from pipeline.extract.cues import Cue
from pipeline.extract.decisions import Decision, RuleSet, no_claim
from pipeline.extract.grammar.clauses import (
    coordinated_infinitive,
    factual_complement,
    in_conditional,
    is_negated,
    no_longer,
    noun_use,
    refused_intention,
    stopped,
)
from pipeline.extract.grammar.phrases import (
    MODIFIER_GAP,
    NOUN_OPENERS,
    actor_after_word,
    and_following,
    auxiliary_have,
    infinitive_after_agent,
    light_verb_before,
    object_is,
    participle_agents,
    possessor_of,
)
from pipeline.extract.grammar.sentence import SentenceContext, in_quoted_question, is_headline_text
from pipeline.extract.grammar.subjects import (
    coordinated,
    first_person_subject,
    has_own_subject,
    left_subject,
    opens_relative,
    reduced_relative,
)
from pipeline.extract.grammar.tokens import mention_at, mention_ending_before, preceded_by
from pipeline.function_words import (
    ABILITY_MODALS,
    AGENT_PREPOSITIONS,
    ANAPHORIC_DETERMINERS,
    BACKSHIFTED_WILL,
    COPULAS,
    FUTURE_WORDS,
    NOT,
    PASSIVE_AUXILIARIES,
    POSSESSIVE_MARKS,
    PROMISE_AUXILIARIES,
)
from pipeline.knowledge.cues import CueLexicon

CONTENT_REACH = 5  # words between "pressure" and its "to" ("pressure from Washington to ...")
AGENT_WINDOW = 12  # tokens after a received concession searched for "from/by X"


class CueRules(RuleSet):
    """Decide every cue of a sentence."""

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
        """One or more decisions per cue; sentence-wide gates first."""
        decisions: list[Decision] = []
        if not cues:
            return decisions
        stance_starts = [c.start for c in cues if c.kind == "stance"]
        opener = ctx.tokens.text[ctx.start] if ctx.end > ctx.start else ""
        doubted = self.doubted(ctx)
        headline = is_headline_text(ctx.text)
        for cue in cues:
            if ctx.is_question or in_quoted_question(ctx, cue):
                decisions += no_claim(cue, "question", "a question asserts nothing")
            elif headline:
                decisions += no_claim(
                    cue, "headline", "a headline or caption line is not body text"
                )
            elif self.lexicon.has("imperative_openers", opener):
                decisions += no_claim(cue, "imperative", "the author's instruction to the reader")
            elif (
                cue.kind != "stance"
                and any(s < cue.start for s in stance_starts)
                and not self._named_owner(ctx, cue)
            ):
                decisions += no_claim(
                    cue, "under-stance", 'inside what a stance word judges ("unacceptable ...")'
                )
            elif any(i < cue.start for i in doubted):
                decisions += no_claim(cue, "doubted", "under a verb of doubt: not asserted")
            elif self._inside_demanded_content(ctx, cue, cues):
                decisions += no_claim(
                    cue,
                    "demanded-content",
                    'what someone demands or rejects ("demanded that Kyiv cede ..."), not an act',
                )
            else:
                decisions += self.decide_cue(ctx, cue, cues)
        return decisions

    def decide_cue(self, ctx: SentenceContext, cue: Cue, cues: list[Cue]) -> list[Decision]:
        tokens = ctx.tokens
        if cue.kind == "stance":
            return self._stance(ctx, cue)
        if cue.kind == "verb" and refused_intention(ctx, cue, self.lexicon):
            # "Russia has no intention of giving up the regions": it will not give them up
            if cue.type != "concession":
                return no_claim(cue, "refused-act", "what an actor will not do is no act of it")
            return [
                replace(d, rule="no-intention") if d.is_claim else d
                for d in self._verb(ctx, cue, "rejection")
            ]
        if cue.kind == "verb" and cue.start > 0 and tokens.lower[cue.start - 1] == "to":
            governor = cue.start - 2 if cue.start - 2 >= ctx.start else None
            if governor is None or tokens.norm[governor] not in self.words["aspectual_verbs"]:
                return self._infinitive(ctx, cue)
        if cue.kind == "verb" and coordinated_infinitive(ctx, cue, self.lexicon):
            return self._infinitive(ctx, cue)
        if cue.kind == "verb" and cue.start > ctx.start and tokens.lower[cue.start - 1] == "into":
            return no_claim(
                cue,
                "coerced",
                '"pressed X into accepting": what X is pushed into is the other side\'s '
                "demand, not an act of X",
            )
        if in_conditional(ctx, cue.start, self.lexicon):
            return no_claim(cue, "conditional", "inside an if/unless clause: not asserted")
        reported = ctx.speech_for(cue.start) is not None or ctx.quoted(cue.start)
        modal = preceded_by(tokens, cue.start, self.modals, ctx.start)
        if modal is not None and cue.kind == "noun" and possessor_of(ctx, cue.start, self.lexicon):
            modal = None  # "must accept Putin's terms": the terms are Putin's all the same
        if modal is not None and self.signalled_readiness(ctx, cue.type, modal):
            modal = None
        if modal is not None and reported and self._firm_in_speech(ctx, cue, modal):
            modal = None
        if modal is not None and not (reported and tokens.lower[modal] in BACKSHIFTED_WILL):
            return no_claim(
                cue,
                "modal",
                f"after the modal '{tokens.text[modal]}': advice, obligation or a hypothetical, "
                "not an act (in reported speech only the backshifted 'would' keeps an act)",
            )
        if cue.kind == "verb" and noun_use(ctx, cue, self.lexicon):
            return no_claim(cue, "noun-use", f"'{cue.text}' is used as a noun here, not as a verb")
        if cue.kind == "ready" and cue.start > ctx.start and tokens.lower[cue.start - 1] == "the":
            return no_claim(cue, "noun-use", f"'the {tokens.text[cue.start]}' names a group here")
        emptied = self._empty_or_off_topic(ctx, cue)
        if emptied is not None:
            return no_claim(cue, *emptied)
        negated = is_negated(ctx, cue, self.lexicon)
        claim_type = cue.type
        dropped = no_longer(ctx, cue) if negated else stopped(ctx, cue, self.lexicon)
        if cue.type == "demand" and cue.kind == "verb" and dropped:
            # "Russia is no longer demanding that Ukraine withdraw": a dropped demand
            return [
                replace(d, rule="dropped-demand") if d.is_claim else d
                for d in self._verb(ctx, cue, "concession")
            ]
        if negated and self._yields_when_negated(ctx, cue):
            # "Kyiv would not oppose a pause": promising not to oppose concedes it
            return [
                replace(d, rule="negated-opposition") if d.is_claim else d
                for d in self._verb(ctx, cue, "concession")
            ]
        if negated:
            if cue.type != "concession":
                return no_claim(cue, "negated", "negated demand or rejection: no claim")
            claim_type = "rejection"
        if cue.kind == "noun":
            decisions = self._noun(ctx, cue, claim_type, cues)
        else:
            decisions = self._verb(ctx, cue, claim_type)
        if negated:
            decisions = [
                replace(d, rule="negated-concession") if d.is_claim else d for d in decisions
            ]
        return decisions

    def _inside_demanded_content(self, ctx: SentenceContext, cue: Cue, cues: list[Cue]) -> bool:
        """A verb after "<demand/rejection cue> that ..." is the content of that cue."""
        if cue.kind not in {"verb", "ready"}:
            return False
        lower = ctx.tokens.lower
        ends = {c.end for c in cues if c.type in {"demand", "rejection"} and c.start < cue.start}
        if cue.start in ends and lower[cue.start].endswith("ing"):
            return True  # "ruled out ceding land": the gerund is what is rejected
        subject = mention_ending_before(ctx.mentions, cue.start)
        if subject is not None and subject.start in ends and cue.kind == "verb":
            return True  # "Russia demands Ukraine cede ...": a subjunctive without "that"
        for position in range(cue.start - 1, ctx.start - 1, -1):
            text = lower[position]
            if text in {";", ":"}:
                return False
            if text == "that":
                # "demanded that ...", "Russia's central demand is that ..."
                copula = position - 1 > ctx.start and lower[position - 1] in COPULAS
                return position in ends or (copula and position - 1 in ends)
        return False

    def _empty_or_off_topic(self, ctx: SentenceContext, cue: Cue) -> tuple[str, str] | None:
        """Objects that empty a cue ("offered few details") and verbs that do not yield
        ground after "ready to"/"agreed to" ("agreed to meet")."""
        lower = ctx.tokens.lower
        nxt = lower[cue.end] if cue.end < ctx.end else ""
        after = lower[cue.end + 1] if cue.end + 1 < ctx.end else ""
        reporting = ctx.tokens.norm[cue.start] in self.words["speech_verbs"]
        listener = mention_at(ctx.mentions, cue.end) if cue.end < ctx.end else None
        has_object = listener is not None and listener.end < ctx.end  # "offered Kyiv nothing"
        nxt_object = lower[listener.end] if has_object and listener is not None else nxt
        if nxt_object in self.words["empty_objects"]:
            return "empty-object", f"the cue's object is '{nxt_object}': nothing is asked or given"
        if cue.type == "concession" and object_is(
            ctx, cue.end, "non_yielding_objects", self.lexicon
        ):
            return "not-yielding", "what is accepted or agreed yields nothing to the other side"
        if cue.type == "concession" and cue.kind == "noun" and nxt == "to":
            nxt = after  # "willingness to negotiate": the verb after the noun's "to"
        yielding_frame = cue.type == "concession" and (
            cue.text.lower().endswith((" to", " for")) or cue.kind == "noun"
        )
        if yielding_frame and after in self.words["non_concession_verbs"] and nxt.isalpha():
            nxt = after  # "ready for peace talks": a modifier before the noun
        if cue.kind == "ready" and cue.type == "concession" and nxt in self.opposing_verbs:
            return "opposing", f"'{cue.text} {nxt}' pledges a demand or refusal, not a concession"
        if cue.type == "rejection" and object_is(ctx, cue.end, "non_proposals", self.lexicon):
            return "no-proposal", "what is rejected is a report or claim, no demand or proposal"
        if yielding_frame and nxt in self.words["non_concession_verbs"]:
            window = range(cue.end + 1, min(ctx.end, cue.end + 4))
            if not any(ctx.tokens.norm[i] in self.words["yielding_objects"] for i in window):
                return "not-yielding", f"'{cue.text} {nxt}' does not yield ground"
        if (
            cue.type == "concession"
            and ctx.tokens.norm[cue.start] in self.words["clause_concessions"]
        ):
            named = mention_at(ctx.mentions, cue.end) or mention_at(ctx.mentions, cue.end + 1)
            if nxt != "that" and named is None:
                return "no-claim-object", f"'{cue.text}' concedes a claim only ('{cue.text} that')"
        if cue.type == "concession" and cue.kind == "verb" and cue.start > ctx.start:
            conditioned = any(
                ctx.tokens.norm[i] in self.words["only_conditions"] for i in range(cue.end, ctx.end)
            )
            if lower[cue.start - 1] == "only" and not conditioned:
                # "will only accept a deal on his own terms"; "only agree ... once" still offers
                return "restricted", f"'only {cue.text}' sets a condition, it concedes nothing"
        if cue.kind == "noun" and ctx.tokens.norm[cue.start] in self.words["content_nouns"]:
            window = range(cue.end, min(ctx.end, cue.end + CONTENT_REACH))
            if not any(lower[i] == "to" for i in window):
                return "no-content", f"'{cue.text}' without 'to ...' asks for nothing in particular"
        if cue.type == "rejection" and nxt == "to" and after in self.rejection_heads:
            return "double-refusal", f"'{cue.text} to {after} ...' refuses to refuse: no claim"
        if cue.type == "concession" and cue.kind == "noun":
            verb = infinitive_after_agent(ctx, cue)
            if verb is not None and ctx.tokens.norm[verb] in self.words["non_concession_verbs"]:
                return "not-yielding", f"'{cue.text} ... to {ctx.tokens.text[verb]}' yields nothing"
        if cue.type == "rejection" and nxt == "to" and after in self.words["refusal_nonclaims"]:
            return "no-refusal", f"'{cue.text} to {after}' refuses no demand or proposal"
        if cue.entry.lemma == "agree" and nxt in NOUN_OPENERS:
            return "adopted", f"'{cue.text} {nxt} ...' adopts something; it concedes nothing"
        if reporting and (not nxt or not nxt.isalpha()):
            return "speech-tag", f"'{cue.text}' only tags a quotation here"
        reports = nxt == "that" and reporting
        if reports and factual_complement(ctx, cue.end + 1, self.lexicon):
            return "factual", f"'{cue.text} that ...' reports a fact here, not a demand"
        if cue.entry.lemma == "need" and nxt == "to":
            return "obligation", "'needs to ...' is an obligation: a demand only in reported speech"
        third = lower[cue.end + 2] if cue.end + 2 < ctx.end else ""
        image = after == "be" and third in self.words["want_to_be_nonclaims"]
        if cue.entry.lemma == "want" and nxt == "to" and image:
            return "own-plan", f"'wants to be {third}' is the actor's image, not a demand"
        aiming = cue.entry.lemma in {"want", "seek"}
        if aiming and nxt == "to" and after in self.words["want_to_nonclaims"]:
            return "own-plan", f"'wants to {after}' is the actor's own plan, not a demand"
        return None

    def _infinitive(self, ctx: SentenceContext, cue: Cue) -> list[Decision]:
        """ "X's decision to abandon ..." is X's act; other infinitives are governed by
        another word ("pressed X to accept"), which carries the claim."""
        noun = cue.start - 2
        if noun > ctx.start and ctx.tokens.norm[noun] in self.words["act_nouns"]:
            owner = possessor_of(ctx, noun, self.lexicon)
            if owner is not None and ctx.tokens.norm[noun] in self.words["negative_act_nouns"]:
                if cue.type != "concession":
                    return no_claim(cue, "refused-act", "what an actor refuses is no act of it")
                # "Russia's refusal to agree to a truce": a refused concession is a rejection
                return self.claims(ctx, cue, [owner], "rejection", "infinitive-refused", 0.75)
            if owner is not None:
                return self.claims(ctx, cue, [owner], cue.type, "infinitive-of-possessed", 0.75)
        return no_claim(
            cue,
            "infinitive",
            'an infinitive is governed by another word ("pressed X to accept"): '
            "that word carries the claim",
        )

    def _holder_for_subject(self, ctx: SentenceContext, cue: Cue) -> tuple[list[Span], str]:
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

    def _yields_when_negated(self, ctx: SentenceContext, cue: Cue) -> bool:
        """ "will not / would not / won't oppose": a future promise not to oppose."""
        if cue.type != "rejection" or cue.kind != "verb":
            return False
        if cue.entry.lemma not in self.words["yielding_when_negated"]:
            return False
        lower = ctx.tokens.lower
        window = range(max(ctx.start, cue.start - 3), cue.start)
        return any(lower[i] in PROMISE_AUXILIARIES for i in window)

    def _firm_in_speech(self, ctx: SentenceContext, cue: Cue, modal: int) -> bool:
        """In someone's words, "could not accept" is a backshifted "cannot accept", and
        "there can be no concessions" refuses them: neither is hypothetical."""
        lower = ctx.tokens.lower
        after = lower[modal + 1] if modal + 1 < ctx.end else ""
        if cue.type != "concession":
            return False
        if lower[modal] in ABILITY_MODALS and after in NOT:
            return True
        return after == "be" and modal + 2 < ctx.end and lower[modal + 2] == "no"

    def _named_owner(self, ctx: SentenceContext, cue: Cue) -> bool:
        """A noun cue whose owner is named ("Putin's demand", "a proposal by Paris"): a stance
        word before it judges it but does not make it anyone else's."""
        if cue.kind != "noun":
            return False
        owner = possessor_of(ctx, cue.start, self.lexicon)
        if owner is not None:
            return owner.kb_id_ != "pronoun"  # "its terms" may be the judged thing's own
        return actor_after_word(ctx, cue, AGENT_PREPOSITIONS, window=2) is not None

    def _verb(self, ctx: SentenceContext, cue: Cue, claim_type: str) -> list[Decision]:
        actors, how = self._holder_for_subject(ctx, cue)
        speaker = ctx.speaker_for(cue.start)
        impersonal = cue.entry.lemma in self.words["impersonal_demands"] and not opens_relative(
            ctx, cue.start, self.lexicon
        )
        if not actors and how == "subject" and impersonal and speaker is not None:
            # "Any deal would require Kyiv to cede land, Witkoff said.": a thing as subject
            return self.claims(ctx, cue, [speaker], claim_type, "verb-impersonal-speaker", 0.65)
        if not actors:
            return no_claim(cue, how, "no actor found as the subject or agent of the cue")
        confidence = 0.8 if how in {"subject", "possessor"} else 0.75
        return self.claims(ctx, cue, actors, claim_type, f"{cue.kind}-{how}", confidence)

    def _noun(
        self, ctx: SentenceContext, cue: Cue, claim_type: str, cues: list[Cue]
    ) -> list[Decision]:
        tokens = ctx.tokens
        if cue.type == "concession":
            if (
                preceded_by(
                    tokens, cue.start, self.words["request_verbs"], ctx.start, gap=MODIFIER_GAP
                )
                is not None
            ):
                return no_claim(
                    cue, "concession-requested", "a concession asked for is not yet given by anyone"
                )
            if (
                preceded_by(
                    tokens, cue.start, self.words["receive_verbs"], ctx.start, gap=MODIFIER_GAP
                )
                is not None
            ):
                giver = actor_after_word(ctx, cue, AGENT_PREPOSITIONS, window=AGENT_WINDOW)
                if giver is None:
                    return no_claim(
                        cue,
                        "concession-received",
                        "a concession received, but the sentence does not say from whom",
                    )
                return self.claims(ctx, cue, [giver], claim_type, "noun-giver", 0.75)
        owner = possessor_of(ctx, cue.start, self.lexicon)
        if owner is not None:
            return self.claims(ctx, cue, [owner], claim_type, "noun-possessor", 0.85)
        agent = actor_after_word(ctx, cue, AGENT_PREPOSITIONS, window=2)
        if agent is not None:
            return self.claims(ctx, cue, [agent], claim_type, "noun-agent", 0.7)
        agents = participle_agents(ctx, cue, self.lexicon)
        if agents:  # "a plan drafted by Witkoff and Dmitriev", "an offer made by X"
            return self.claims(ctx, cue, agents, claim_type, "noun-participle-agent", 0.7)
        light = light_verb_before(ctx, cue.start, self.lexicon)
        if light is not None and light + 1 < ctx.end and tokens.lower[light + 1] == "to":
            light = None  # "would have to approve any concession": an obligation, no light verb
        if light is not None and any(
            other.kind == "verb" and light < other.start < cue.start for other in cues
        ):
            light = None  # "has rejected calls for": the verb between governs the noun
        if light is not None and auxiliary_have(ctx, light, self.lexicon):
            light = None  # "had received the plan": "have" is an auxiliary here
        if light is not None and preceded_by(tokens, light, self.firm_modals, ctx.start):
            return no_claim(cue, "modal", "the light verb is under a modal: not an act")
        infinitive = light is not None and light > ctx.start and tokens.lower[light - 1] == "to"
        if light is not None and not infinitive:  # "to make concessions": governed elsewhere
            subject = left_subject(tokens, light, ctx.mentions, self.lexicon, ctx.start)
            if subject is not None:
                actors = coordinated(tokens, subject, ctx.mentions, self.lexicon)
                return self.claims(ctx, cue, actors, claim_type, "noun-light-verb", 0.7)
        speaker = ctx.speaker_for(cue.start)
        future = any(
            tokens.norm[i] in FUTURE_WORDS for i in range(max(ctx.start, cue.start - 5), cue.start)
        )
        if claim_type == "rejection" and cue.type == "concession" and speaker and future:
            # "There will be no concessions on territory," Yermak said.
            return self.claims(ctx, cue, [speaker], claim_type, "noun-refused-by-speaker", 0.6)
        before = tokens.lower[cue.start - 1] if cue.start > ctx.start else ""
        antecedent = ctx.antecedents.get(cue.type)
        # "the demand" points back only as the object of a cue verb ("rejected the demand"),
        # not in "under the plan"; a demonstrative ("such concessions") always points back.
        governed = before != "the" or any(
            other.kind == "verb" and 0 <= cue.start - other.end <= MODIFIER_GAP for other in cues
        )
        if before in ANAPHORIC_DETERMINERS and antecedent is not None and governed:
            return self.claims(ctx, cue, [antecedent], claim_type, "noun-anaphora", 0.55)
        return no_claim(
            cue,
            "noun-no-holder",
            "nobody is named as the owner of this demand/concession/rejection",
        )

    def _stance(self, ctx: SentenceContext, cue: Cue) -> list[Decision]:
        tokens = ctx.tokens
        if preceded_by(tokens, cue.start, NOT, ctx.start, 0):
            return no_claim(
                cue, "negated", 'a negated judgement ("not impossible") is no rejection'
            )
        modal = preceded_by(tokens, cue.start, self.modals, ctx.start, gap=3)
        reported = ctx.speech_for(cue.start) is not None or ctx.quoted(cue.start)
        counterfactual = modal is not None and tokens.lower[modal + 1] == "have"
        if (
            modal is not None
            and reported
            and tokens.lower[modal] in BACKSHIFTED_WILL
            and not counterfactual
        ):
            modal = None  # "said a deployment would be unacceptable" reports "will be"
        if modal is not None:
            return no_claim(
                cue, "modal", f"a judgement under '{tokens.text[modal]}' is hypothetical"
            )
        speaker = ctx.speaker_for(cue.start)
        if speaker is None:
            return no_claim(
                cue, "stance-no-speaker", "a judgement with no named speaker is the author's"
            )
        return self.claims(ctx, cue, [speaker], cue.type, "stance-speaker", 0.7)
