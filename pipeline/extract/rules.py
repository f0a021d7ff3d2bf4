"""The claim rules: for each cue in a sentence, who holds it, and is it a claim.

Every cue yields ``Decision``s: claims (actor, type, rule, confidence,
speaker, target, modality) or the reason there is none. Keeping the reasons
lets ``pipeline explain`` show why a sentence gave what it gave.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span

from pipeline.extract.context import (
    BE_FORMS,
    SentenceContext,
    coordinated,
    in_conditional,
    left_subject,
    mention_at,
    mention_ending_before,
    preceded_by,
)
from pipeline.extract.cues import Cue
from pipeline.knowledge.cues import CueEntry, CueLexicon

POSSESSIVE = frozenset({"'s", "’s"})
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their"})
NOT = frozenset({"not", "n't", "n’t", "never"})
BACKSHIFT = frozenset({"would", "'d", "’d"})  # "he said he would accept" reports "I will accept"
AUXILIARIES = frozenset(
    {
        "did",
        "does",
        "do",
        "would",
        "will",
        "has",
        "have",
        "had",
        "could",
        "can",
        "was",
        "were",
        "is",
        "wo",
        "ca",
    }
)
MODIFIER_GAP = 3  # adjectives allowed between a possessor and its noun ("Putin's key demand")
AGENT_WINDOW = 12  # tokens after a received concession searched for "from/by X"
DEONTIC_ENTRY = CueEntry("demand", "deontic", "must", ("must",))
ELLIPSIS_ENTRY = CueEntry("rejection", "ellipsis", "did not", ("did not",))
# Words before a verb-form cue that show it is a noun ("a push", "under pressure").
DETERMINERS = frozenset({"a", "an", "the", "this", "these", "those", "such", "any", "its", "his",
                         "her", "their", "our", "my", "your", "of", "under", "with", "without",
                         "for", "real", "heavy", "more", "new", "no", "renewed"})  # fmt: skip
TERMINAL = (".", "!", "?", "…", '"', "'", "”", "’", ")")
HEADLINE_WORDS = 25


def is_headline(sent: Span) -> bool:
    """A short line without final punctuation: a headline, label or caption."""
    text = sent.text.strip()
    return bool(text) and not text.endswith(TERMINAL) and len(text.split()) <= HEADLINE_WORDS


# Determiners that point a noun cue back to the previous sentence ("rejected the demand").
ANAPHORIC = frozenset({"the", "this", "that", "these", "those", "such"})
FACTUAL_AUXILIARIES = frozenset({"had", "was", "were", "did", "is", "are", "has", "have"})
BE_PRESENT = frozenset({"'re", "’re", "are", "am", "'m", "’m"})
CONDITION_ENTRY = CueEntry("demand", "condition", "if", ("if",))
CHANGE_ENTRY = CueEntry("concession", "change", "shift", ("shift",))
PRESSURE_ENTRY = CueEntry("demand", "pressure", "withhold", ("withhold",))
TRUCE_ENTRY = CueEntry("concession", "truce", "declare", ("declare",))
PERSUADED_ENTRY = CueEntry("concession", "persuaded", "persuade", ("persuade",))
CONDITION_WORDS = frozenset({"if", "unless", "provided"})


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


def _no(cue: Cue, rule: str, reason: str) -> list[Decision]:
    return [Decision(cue, None, cue.type, rule, 0.0, reason)]


class ClaimRules:
    """Apply the rules to the cues of one sentence."""

    def __init__(self, lexicon: CueLexicon, affiliations: dict[str, str] | None = None) -> None:
        self.lexicon = lexicon
        self.affiliations = affiliations or {}
        self.words = lexicon.words
        self.negations = lexicon.words["negations"]
        self.modals = lexicon.words["hypothetical_modals"]

    def decide(self, ctx: SentenceContext, cues: list[Cue]) -> list[Decision]:
        decisions: list[Decision] = []
        stance_starts = [c.start for c in cues if c.kind == "stance"]
        opener = ctx.sent[0].text if len(ctx.sent) else ""
        doubted = [t.i for t in ctx.sent if self.lexicon.has("doubt_verbs", t.text)]
        for cue in cues:
            if ctx.is_question or self._in_quoted_question(ctx, cue):
                decisions += _no(cue, "question", "a question asserts nothing")
            elif is_headline(ctx.sent):
                decisions += _no(cue, "headline", "a headline or caption line is not body text")
            elif self.lexicon.has("imperative_openers", opener):
                decisions += _no(cue, "imperative", "the author's instruction to the reader")
            elif cue.kind != "stance" and any(s < cue.start for s in stance_starts):
                decisions += _no(
                    cue, "under-stance", 'inside what a stance word judges ("unacceptable ...")'
                )
            elif any(i < cue.start for i in doubted):
                decisions += _no(cue, "doubted", "under a verb of doubt: not asserted")
            elif self._inside_demanded_content(ctx, cue, cues):
                decisions += _no(
                    cue,
                    "demanded-content",
                    'what someone demands or rejects ("demanded that Kyiv cede ..."), not an act',
                )
            else:
                decisions += self.decide_cue(ctx, cue)
        if not ctx.is_question:
            decisions += self.reported_obligations(ctx, decisions)
            decisions += self.elliptical_refusals(ctx, cues)
            decisions += self.conditions_of_offers(ctx, decisions)
            decisions += self.conditional_pressure(ctx)
            decisions += self.declared_truces(ctx)
            decisions += self.persuaded_parties(ctx)
            decisions += self.reported_conditions(ctx)
            decisions += self.changed_positions(ctx)
        return decisions

    def changed_positions(self, ctx: SentenceContext) -> list[Decision]:
        """ "The president's position has shifted": a changed position is a concession."""
        doc = ctx.sent.doc
        found: list[Decision] = []
        for mention in ctx.mentions:
            noun = mention.end + 1
            if noun >= ctx.sent.end or doc[mention.end].lower_ not in POSSESSIVE:
                continue
            if not self.lexicon.has("position_nouns", doc[noun].text):
                continue
            window = doc[noun + 1 : min(ctx.sent.end, noun + 4)]
            change = next((t for t in window if self.lexicon.has("change_verbs", t.text)), None)
            if change is not None and self._asserted(ctx, change.i):
                cue = self._word_cue(ctx, change.i, CHANGE_ENTRY)
                found += self._claims(ctx, cue, [mention], "concession", "changed-position", 0.6)
        return found

    def _word_cue(self, ctx: SentenceContext, index: int, entry: CueEntry) -> Cue:
        doc = ctx.sent.doc
        return Cue(index, index + 1, doc[index].text, entry)

    def _asserted(self, ctx: SentenceContext, index: int) -> bool:
        """Not negated, not under a hypothetical modal, not inside an if-clause."""
        doc = ctx.sent.doc
        return (
            preceded_by(doc, index, self.negations, ctx.sent.start) is None
            and preceded_by(doc, index, self.modals - BACKSHIFT, ctx.sent.start) is None
            and not in_conditional(ctx, index, self.lexicon)
        )

    def conditional_pressure(self, ctx: SentenceContext) -> list[Decision]:
        """ "Trump withheld aid until Kyiv ...": pressure tied to a condition is a demand."""
        doc = ctx.sent.doc
        found: list[Decision] = []
        for token in ctx.sent:
            if not self.lexicon.has("pressure_verbs", token.text) or not token.is_lower:
                continue
            rest = doc[token.i + 1 : ctx.sent.end]
            if not any(self.lexicon.has("condition_words", t.text) for t in rest):
                continue
            subject = left_subject(doc, token.i, ctx.mentions, self.lexicon, ctx.sent.start)
            if subject is not None and self._asserted(ctx, token.i):
                cue = self._word_cue(ctx, token.i, PRESSURE_ENTRY)
                found += self._claims(
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
        for token in ctx.sent:
            if not self.lexicon.has("declare_verbs", token.text) or not token.is_lower:
                continue
            subject = left_subject(doc, token.i, ctx.mentions, self.lexicon, ctx.sent.start)
            if subject is None or not self._asserted(ctx, token.i):
                continue
            before = doc[max(ctx.sent.start, subject.start - 3) : subject.start]
            after = doc[token.i + 1 : min(ctx.sent.end, token.i + 7)]
            if any(self.lexicon.has("truce_words", t.text) for t in [*before, *after]):
                cue = self._word_cue(ctx, token.i, TRUCE_ENTRY)
                found += self._claims(ctx, cue, [subject], "concession", "declared-truce", 0.7)
        return found

    def persuaded_parties(self, ctx: SentenceContext) -> list[Decision]:
        """ "Putin convinced Trump to drop the truce": the persuaded party yields."""
        found: list[Decision] = []
        for token in ctx.sent:
            if not self.lexicon.has("persuade_verbs", token.text) or not token.is_lower:
                continue
            target = mention_at(ctx.mentions, token.i + 1)
            if target is None or not self._asserted(ctx, token.i):
                continue
            cue = self._word_cue(ctx, token.i, PERSUADED_ENTRY)
            found += self._claims(ctx, cue, [target], "concession", "persuaded-party", 0.6)
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
                cue = self._word_cue(ctx, token.i, CONDITION_ENTRY)
                found += self._claims(
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
                    added += self._claims(
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

    def decide_cue(self, ctx: SentenceContext, cue: Cue) -> list[Decision]:
        doc = ctx.sent.doc
        if cue.kind == "stance":
            return self._stance(ctx, cue)
        if cue.kind == "verb" and cue.start > 0 and doc[cue.start - 1].lower_ == "to":
            governor = doc[cue.start - 2] if cue.start - 2 >= ctx.sent.start else None
            if governor is None or not self.lexicon.has("aspectual_verbs", governor.text):
                return self._infinitive(ctx, cue)
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
        if cue.kind == "verb" and self._noun_use(ctx, cue):
            return _no(cue, "noun-use", f"'{cue.text}' is used as a noun here, not as a verb")
        emptied = self._empty_or_off_topic(ctx, cue)
        if emptied is not None:
            return _no(cue, *emptied)
        negated = preceded_by(doc, cue.start, self.negations, ctx.sent.start) is not None
        claim_type = cue.type
        if negated:
            if cue.type != "concession":
                return _no(cue, "negated", "negated demand or rejection: no claim")
            claim_type = "rejection"
        if cue.kind == "noun":
            decisions = self._noun(ctx, cue, claim_type)
        else:
            decisions = self._verb(ctx, cue, claim_type)
        if negated:
            decisions = [
                replace(d, rule="negated-concession") if d.is_claim else d for d in decisions
            ]
        return decisions

    @staticmethod
    def _in_quoted_question(ctx: SentenceContext, cue: Cue) -> bool:
        """A cue inside a quotation that ends with a question mark."""
        if not ctx.quoted(cue.start):
            return False
        doc = ctx.sent.doc
        for position in range(cue.end, ctx.sent.end):
            if not ctx.quoted(position):
                return doc[position - 1].text == "?"
            if doc[position].text == "?":
                return True
        return False

    def _inside_demanded_content(self, ctx: SentenceContext, cue: Cue, cues: list[Cue]) -> bool:
        """A verb after "<demand/rejection cue> that ..." is the content of that cue."""
        if cue.kind not in {"verb", "ready"}:
            return False
        doc = ctx.sent.doc
        ends = {c.end for c in cues if c.type in {"demand", "rejection"} and c.start < cue.start}
        for position in range(cue.start - 1, ctx.sent.start - 1, -1):
            text = doc[position].lower_
            if text in {";", ":"}:
                return False
            if text == "that":
                return position in ends
        return False

    def _noun_use(self, ctx: SentenceContext, cue: Cue) -> bool:
        """ "under real pressure", "a press conference": the verb's form used as a noun."""
        doc = ctx.sent.doc
        before = doc[cue.start - 1].lower_ if cue.start > ctx.sent.start else ""
        after = doc[cue.end].lower_ if cue.end < ctx.sent.end else ""
        if doc[cue.start].lower_.endswith(("ed", "ing")) and before not in DETERMINERS:
            return False
        return (
            before in DETERMINERS
            or self.lexicon.has("noun_taking_verbs", before)
            or self.lexicon.has("cancelling_next_words", after)
        )

    def _empty_or_off_topic(self, ctx: SentenceContext, cue: Cue) -> tuple[str, str] | None:
        """Objects that empty a cue ("offered few details") and verbs that do not yield
        ground after "ready to"/"agreed to" ("agreed to meet")."""
        doc = ctx.sent.doc
        nxt = doc[cue.end].lower_ if cue.end < ctx.sent.end else ""
        after = doc[cue.end + 1].lower_ if cue.end + 1 < ctx.sent.end else ""
        if nxt in self.words["empty_objects"]:
            return "empty-object", f"the cue's object is '{nxt}': nothing is asked or given"
        yielding_frame = cue.type == "concession" and cue.text.lower().endswith(" to")
        if yielding_frame and nxt in self.words["non_concession_verbs"]:
            return "not-yielding", f"'{cue.text} {nxt}' does not yield ground"
        reports = nxt == "that" and self.lexicon.has("speech_verbs", doc[cue.start].text)
        if reports and self._factual_complement(ctx, cue.end + 1):
            return "factual", f"'{cue.text} that ...' reports a fact here, not a demand"
        if cue.entry.lemma == "need" and nxt == "to":
            return "obligation", "'needs to ...' is an obligation: a demand only in reported speech"
        if cue.entry.lemma == "want" and nxt == "to" and after in self.words["want_to_nonclaims"]:
            return "own-plan", f"'wants to {after}' is the actor's own plan, not a demand"
        return None

    def _factual_complement(self, ctx: SentenceContext, start: int) -> bool:
        """A "that" clause stating a fact ("insisted that Putin had ...") rather than an
        obligation ("insisted that Kyiv must ..."): a finite auxiliary comes first."""
        for token in ctx.sent.doc[start : min(ctx.sent.end, start + 8)]:
            text = token.lower_.replace("’", "'")
            if text in self.words["deontic"] or text in self.modals:
                return False
            if text in FACTUAL_AUXILIARIES:
                return True
        return False

    def _infinitive(self, ctx: SentenceContext, cue: Cue) -> list[Decision]:
        """ "X's decision to abandon ..." is X's act; other infinitives are governed by
        another word ("pressed X to accept"), which carries the claim."""
        doc = ctx.sent.doc
        noun = cue.start - 2
        if noun > ctx.sent.start and self.lexicon.has("act_nouns", doc[noun].text):
            owner = self._possessor_of(ctx, noun)
            if owner is not None:
                return self._claims(ctx, cue, [owner], cue.type, "infinitive-of-possessed", 0.75)
        return _no(
            cue,
            "infinitive",
            'an infinitive is governed by another word ("pressed X to accept"): '
            "that word carries the claim",
        )

    def _holder_for_subject(self, ctx: SentenceContext, cue: Cue) -> tuple[list[Span], str]:
        """Passive agent, first person in a quote, or the nearest subject on the left."""
        doc = ctx.sent.doc
        before = doc[cue.start - 1] if cue.start > ctx.sent.start else None
        if before is not None and before.lower_ in POSSESSIVE:
            owner = mention_ending_before(ctx.mentions, before.i)
            if owner is not None:  # "Trump's proposed truce": a participle after a possessor
                return [owner], "possessor"
        participle = cue.kind == "verb" and not doc[cue.start].lower_.endswith("ing")
        if participle and before is not None and before.lower_ in BE_FORMS:
            agent = self._after_word(ctx, cue, {"by"}, window=4)
            return ([agent] if agent is not None else []), "passive-agent"
        if participle:  # "Crimea, offered up by the U.S., ...": a participle with its agent
            agent = self._after_word(ctx, cue, {"by"}, window=3)
            if agent is not None:
                return [agent], "passive-agent"
        subject = left_subject(doc, cue.start, ctx.mentions, self.lexicon, ctx.sent.start)
        first_person = self._first_person_subject(ctx, cue)
        if first_person is not None and (subject is None or subject.start < first_person):
            speaker = ctx.speaker_for(cue.start)
            return ([speaker] if speaker is not None else []), "first-person-speaker"
        if subject is None:
            return [], "subject"
        return coordinated(doc, subject, ctx.mentions, self.lexicon), "subject"

    def _first_person_subject(self, ctx: SentenceContext, cue: Cue) -> int | None:
        doc = ctx.sent.doc
        for position in range(cue.start - 1, max(ctx.sent.start, cue.start - 4) - 1, -1):
            if self.lexicon.has("first_person", doc[position].text):
                return position
            if doc[position].is_punct:
                return None
        return None

    def _after_word(
        self, ctx: SentenceContext, cue: Cue, words: set[str], window: int
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

    def _verb(self, ctx: SentenceContext, cue: Cue, claim_type: str) -> list[Decision]:
        actors, how = self._holder_for_subject(ctx, cue)
        if not actors:
            return _no(cue, how, "no actor found as the subject or agent of the cue")
        confidence = 0.8 if how in {"subject", "possessor"} else 0.75
        return self._claims(ctx, cue, actors, claim_type, f"{cue.kind}-{how}", confidence)

    def _noun(self, ctx: SentenceContext, cue: Cue, claim_type: str) -> list[Decision]:
        doc = ctx.sent.doc
        if cue.type == "concession":
            if (
                preceded_by(
                    doc, cue.start, self.words["request_verbs"], ctx.sent.start, gap=MODIFIER_GAP
                )
                is not None
            ):
                return _no(
                    cue, "concession-requested", "a concession asked for is not yet given by anyone"
                )
            if (
                preceded_by(
                    doc, cue.start, self.words["receive_verbs"], ctx.sent.start, gap=MODIFIER_GAP
                )
                is not None
            ):
                giver = self._after_word(ctx, cue, {"from", "by"}, window=AGENT_WINDOW)
                if giver is None:
                    return _no(
                        cue,
                        "concession-received",
                        "a concession received, but the sentence does not say from whom",
                    )
                return self._claims(ctx, cue, [giver], claim_type, "noun-giver", 0.75)
        owner = self._possessor(ctx, cue)
        if owner is not None:
            return self._claims(ctx, cue, [owner], claim_type, "noun-possessor", 0.85)
        agent = self._after_word(ctx, cue, {"by", "from"}, window=2)
        if agent is not None:
            return self._claims(ctx, cue, [agent], claim_type, "noun-agent", 0.7)
        light = preceded_by(
            doc, cue.start, self.words["light_verbs"], ctx.sent.start, gap=MODIFIER_GAP
        )
        infinitive = light is not None and light > ctx.sent.start and doc[light - 1].lower_ == "to"
        if light is not None and not infinitive:  # "to make concessions": governed elsewhere
            subject = left_subject(doc, light, ctx.mentions, self.lexicon, ctx.sent.start)
            if subject is not None:
                actors = coordinated(doc, subject, ctx.mentions, self.lexicon)
                return self._claims(ctx, cue, actors, claim_type, "noun-light-verb", 0.7)
        before = doc[cue.start - 1].lower_ if cue.start > ctx.sent.start else ""
        antecedent = ctx.antecedents.get(cue.type)
        if before in ANAPHORIC and antecedent is not None:
            return self._claims(ctx, cue, [antecedent], claim_type, "noun-anaphora", 0.55)
        return _no(
            cue,
            "noun-no-holder",
            "nobody is named as the owner of this demand/concession/rejection",
        )

    def _possessor(self, ctx: SentenceContext, cue: Cue) -> Span | None:
        """ "Putin's (key) demand", "his demands", "Russian demands", "the Kremlin's offer"."""
        return self._possessor_of(ctx, cue.start)

    def _possessor_of(self, ctx: SentenceContext, index: int) -> Span | None:
        """The owner named before a noun, across up to MODIFIER_GAP modifier words
        (hyphenated ones count once: "his deep-seated objection")."""
        doc = ctx.sent.doc
        words = 0
        position = index - 1
        while position >= ctx.sent.start and words <= MODIFIER_GAP:
            token = doc[position]
            if token.lower_ in POSSESSIVE:
                return mention_ending_before(ctx.mentions, position)
            mention = mention_at(ctx.mentions, position)
            if mention is not None:
                directly_before = mention.end == index
                possessive_pronoun = mention.text.lower() in POSSESSIVE_PRONOUNS
                return mention if (directly_before or possessive_pronoun) else None
            if token.text == "-":
                position -= 2  # the hyphen and the word before it belong to one modifier
                continue
            if token.is_punct or not token.is_lower:
                return None
            words += 1
            position -= 1
        return None

    def _stance(self, ctx: SentenceContext, cue: Cue) -> list[Decision]:
        doc = ctx.sent.doc
        if preceded_by(doc, cue.start, NOT, ctx.sent.start, 0):
            return _no(cue, "negated", 'a negated judgement ("not impossible") is no rejection')
        modal = preceded_by(doc, cue.start, self.modals, ctx.sent.start, gap=3)
        if modal is not None:
            return _no(cue, "modal", f"a judgement under '{doc[modal].text}' is hypothetical")
        speaker = ctx.speaker_for(cue.start)
        if speaker is None:
            return _no(
                cue, "stance-no-speaker", "a judgement with no named speaker is the author's"
            )
        return self._claims(ctx, cue, [speaker], cue.type, "stance-speaker", 0.7)

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
            found += self._claims(
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
                decisions += self._claims(
                    ctx, cue, [mention], "rejection", "elliptical-refusal", 0.7
                )
        return decisions

    def _claims(
        self,
        ctx: SentenceContext,
        cue: Cue,
        actors: list[Span],
        claim_type: str,
        rule: str,
        confidence: float,
        modality: str | None = None,
    ) -> list[Decision]:
        speaker = ctx.speaker_for(cue.start)
        if modality is None:
            modality = "reported" if speaker is not None else "asserted"
        if in_conditional(ctx, cue.start, self.lexicon):
            modality = "conditional"
        decisions = []
        for actor in actors:
            weight = 0.9 if actor.kb_id_ == "pronoun" else 1.0
            if speaker is not None and self.affiliations.get(speaker.label_) == actor.label_:
                # "Peskov said Moscow would not accept ...": the speaker voices it.
                actor, rule = speaker, f"{rule}-voiced"
            target = self._target(ctx, cue, actor)
            decisions.append(
                Decision(
                    cue,
                    actor,
                    claim_type,
                    rule,
                    round(confidence * weight, 3),
                    None,
                    speaker,
                    target,
                    modality,
                )
            )
        return decisions

    def _target(self, ctx: SentenceContext, cue: Cue, actor: Span) -> Span | None:
        """The first other actor named right after the cue ("pressed Kyiv to ...")."""
        for mention in ctx.mentions:
            if cue.end <= mention.start <= cue.end + 2 and mention.label_ != actor.label_:
                return mention
        return None
