"""The decision floor: a cue passes an ordered tuple of named gates before anyone holds it.

A gate is a small function of a ``CueCandidate`` that returns None to let the cue pass,
or the decisions it settles on (usually no claim, with the reason; sometimes claims of
another type, as "no longer demanding" concedes). Adding a gate is one function and one
line in a tuple. ``pass_gates`` records on every decision which gates the cue passed and
which one decided, so ``pipeline explain`` can show the path.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING

from pipeline.extract.cues import Cue
from pipeline.extract.decisions import Decision, no_claim
from pipeline.extract.grammar.clauses import (
    coordinated_infinitive,
    in_conditional,
    inside_demanded_content,
    is_negated,
    noun_use,
    refused_intention,
)
from pipeline.extract.grammar.headlines import announced_act
from pipeline.extract.grammar.phrases import actor_after_word, possessor_of
from pipeline.extract.grammar.sentence import (
    SentenceContext,
    in_quoted_question,
    is_boundary,
)
from pipeline.extract.grammar.tokens import marked_possessive, mention_ending_before, preceded_by
from pipeline.function_words import (
    ABILITY_MODALS,
    ADVICE_MODALS,
    AGENT_PREPOSITIONS,
    BACKSHIFTED_WILL,
    CLAUSE_ENDS,
    NOT,
)

if TYPE_CHECKING:
    from pipeline.extract.cue_rules import CueRules
    from pipeline.extract.object_gates import ObjectView

Outcome = list[Decision] | None


@dataclass(frozen=True)
class SentenceFacts:
    """What the sentence-wide gates read, computed once per sentence."""

    stance_starts: list[int]
    opener: str
    doubted: list[int]


@dataclass
class CueCandidate:
    """One cue on its way through the gates, with the facts several gates share."""

    rules: CueRules
    ctx: SentenceContext
    cue: Cue
    cues: list[Cue]
    sentence: SentenceFacts
    words: dict[str, frozenset[str]] = field(init=False)

    def __post_init__(self) -> None:
        self.words = self.rules.words

    def stop(self, rule: str, reason: str) -> list[Decision]:
        """No claim: the rule name and the reason ``pipeline explain`` shows."""
        return no_claim(self.cue, rule, reason)

    @cached_property
    def negated(self) -> bool:
        """A named demand is not negated by the verb it follows ("did not meet Trump's
        demands": they are Trump's all the same)."""
        return is_negated(self.ctx, self.cue, self.rules.lexicon) and not named_demand(self)

    @cached_property
    def view(self) -> ObjectView:
        from pipeline.extract.object_gates import ObjectView

        return ObjectView.of(self)


@dataclass(frozen=True)
class Gate:
    """A named check; ``check`` returns None to let the cue pass."""

    name: str
    check: Callable[[CueCandidate], Outcome]
    why: str  # what the gate stops, in one line (listed in docs/rules.md)


def pass_gates(
    candidate: CueCandidate,
    gates: Sequence[Gate],
    final: Callable[[CueCandidate], list[Decision]],
) -> list[Decision]:
    """Run the gates in order; the first that decides wins, else ``final`` decides."""
    passed: list[str] = []
    for gate in gates:
        outcome = gate.check(candidate)
        if outcome is not None:
            return [replace(d, gates=tuple(passed), decided_by=gate.name) for d in outcome]
        passed.append(gate.name)
    return [replace(d, gates=tuple(passed)) for d in final(candidate)]


def relabel(decisions: list[Decision], rule: str) -> list[Decision]:
    """The claims among ``decisions`` under another rule name."""
    return [replace(d, rule=rule) if d.is_claim else d for d in decisions]


# --- Sentence-wide gates --------------------------------------------------------------------


def question(c: CueCandidate) -> Outcome:
    if c.ctx.is_question or in_quoted_question(c.ctx, c.cue):
        return c.stop("question", "a question asserts nothing")
    return None


def imperative(c: CueCandidate) -> Outcome:
    if c.rules.lexicon.has("imperative_openers", c.sentence.opener):
        return c.stop("imperative", "the author's instruction to the reader")
    return None


def under_stance(c: CueCandidate) -> Outcome:
    cue = c.cue
    if cue.kind == "stance" or not any(s < cue.start for s in c.sentence.stance_starts):
        return None
    if named_owner(c):
        return None
    return c.stop("under-stance", 'inside what a stance word judges ("unacceptable ...")')


def doubted(c: CueCandidate) -> Outcome:
    if any(i < c.cue.start for i in c.sentence.doubted):
        return c.stop("doubted", "under a verb of doubt: not asserted")
    return None


def demanded_content(c: CueCandidate) -> Outcome:
    if inside_demanded_content(c.ctx, c.cue, c.cues, c.rules.lexicon):
        return c.stop(
            "demanded-content",
            'what someone demands or rejects ("demanded that Kyiv cede ..."), not an act',
        )
    return None


def named_owner(c: CueCandidate) -> bool:
    """A noun cue whose owner is named ("Putin's demand", "a proposal by Paris"): a stance
    word before it judges it but does not make it anyone else's."""
    if c.cue.kind != "noun":
        return False
    owner = possessor_of(c.ctx, c.cue.start, c.rules.lexicon)
    if owner is not None:
        return owner.kb_id_ != "pronoun"  # "its terms" may be the judged thing's own
    return actor_after_word(c.ctx, c.cue, AGENT_PREPOSITIONS, window=2) is not None


# --- Gates of a verb or noun cue ------------------------------------------------------------


def refused_act(c: CueCandidate) -> Outcome:
    """ "Russia has no intention of giving up the regions": it will not give them up."""
    if c.cue.kind != "verb" or not refused_intention(c.ctx, c.cue, c.rules.lexicon):
        return None
    if c.cue.type != "concession":
        return c.stop("refused-act", "what an actor will not do is no act of it")
    return relabel(c.rules.verb_claims(c.ctx, c.cue, "rejection"), "no-intention")


def infinitive(c: CueCandidate) -> Outcome:
    """ "pressed X to accept": an infinitive is governed by the word before it."""
    cue, ctx, tokens = c.cue, c.ctx, c.ctx.tokens
    to = split_infinitive(c)
    if cue.kind != "verb" or to is None:
        return None
    if announced_act(ctx, cue.start):
        return None  # a headline's "Putin to accept truce": "Putin will accept"
    governor = to - 1 if to - 1 >= ctx.start else None
    if governor is None or tokens.norm[governor] not in c.words["aspectual_verbs"]:
        return c.rules.infinitive_claims(ctx, cue)
    return None  # "began to accept": the aspectual verb leaves the act to the cue


def split_infinitive(c: CueCandidate) -> int | None:
    """The "to" of an infinitive cue, also across one adverb ("called for Moscow to first
    agree")."""
    tokens, start = c.ctx.tokens, c.cue.start
    if start > c.ctx.start and tokens.lower[start - 1] == "to":
        return start - 1
    adverb = start - 1
    split = adverb - 1 > c.ctx.start and tokens.lower[adverb - 1] == "to"
    if split and (
        tokens.norm[adverb] in c.words["verb_adverbs"] or tokens.norm[adverb].endswith("ly")
    ):
        return adverb - 1
    return None


def continued_infinitive(c: CueCandidate) -> Outcome:
    """ "to stop stalling and accept the truce": governed like the infinitive it continues."""
    if c.cue.kind == "verb" and coordinated_infinitive(c.ctx, c.cue, c.rules.lexicon):
        return c.rules.infinitive_claims(c.ctx, c.cue)
    return None


def coerced(c: CueCandidate) -> Outcome:
    cue, ctx = c.cue, c.ctx
    if cue.kind == "verb" and cue.start > ctx.start and ctx.tokens.lower[cue.start - 1] == "into":
        return c.stop(
            "coerced",
            '"pressed X into accepting": what X is pushed into is the other side\'s '
            "demand, not an act of X",
        )
    return None


def conditional(c: CueCandidate) -> Outcome:
    if in_conditional(c.ctx, c.cue.start, c.rules.lexicon):
        if named_demand(c):
            return None  # "if Moscow does not meet Trump's demands": they are Trump's all the same
        return c.stop("conditional", "inside an if/unless clause: not asserted")
    return None


def named_demand(c: CueCandidate) -> bool:
    """A demand or refusal named by a noun with its owner ("Trump's demands") exists
    whatever the clause around it supposes or denies ("did not meet Trump's demands"); a
    concession noun there may be hypothetical, and "no Russian demands" names none."""
    if c.cue.kind != "noun" or c.cue.type == "concession":
        return False
    owner = possessor_of(c.ctx, c.cue.start, c.rules.lexicon)
    if owner is None or not marked_possessive(c.ctx.tokens, owner):
        return False  # "whether the United States plans to ...": no "'s", maybe a verb
    before = owner.start - 1
    lexicon = c.rules.lexicon
    return before < c.ctx.start or not (
        lexicon.has("negations", c.ctx.tokens.lower[before])
        or lexicon.has("empty_objects", c.ctx.tokens.lower[before])
    )


def modal(c: CueCandidate) -> Outcome:
    ctx, cue, rules, tokens = c.ctx, c.cue, c.rules, c.ctx.tokens
    position = preceded_by(tokens, cue.start, rules.modals, ctx.start)
    if position is None:
        return None
    if cue.kind == "noun" and possessor_of(ctx, cue.start, rules.lexicon):
        return None  # "must accept Putin's terms": the terms are Putin's all the same
    if rules.signalled_readiness(ctx, cue.type, position):
        return None
    reported = ctx.speech_for(cue.start) is not None or ctx.quoted(cue.start)
    if reported and (
        firm_in_speech(ctx, cue, position) or tokens.lower[position] in BACKSHIFTED_WILL
    ):
        return None
    if refusal_by_subject(ctx, cue, position):
        return None
    return c.stop(
        "modal",
        f"after the modal '{tokens.text[position]}': advice, obligation or a hypothetical, "
        "not an act (in reported speech only the backshifted 'would' keeps an act)",
    )


def firm_in_speech(ctx: SentenceContext, cue: Cue, modal: int) -> bool:
    """In someone's words, "could not accept" is a backshifted "cannot accept", and
    "there can be no concessions" refuses them: neither is hypothetical."""
    lower = ctx.tokens.lower
    after = lower[modal + 1] if modal + 1 < ctx.end else ""
    if cue.type != "concession":
        return False
    if lower[modal] in ABILITY_MODALS and after in NOT:
        return True
    return after == "be" and modal + 2 < ctx.end and lower[modal + 2] == "no"


def refusal_by_subject(ctx: SentenceContext, cue: Cue, modal: int) -> bool:
    """ "Ukraine cannot agree to withdraw": an actor named right before "cannot" refuses;
    it is no hypothetical (guidelines v2: a refusal is not a negated act)."""
    lower = ctx.tokens.lower
    after = lower[modal + 1] if modal + 1 < ctx.end else ""
    if cue.type != "concession" or lower[modal] not in ABILITY_MODALS or after not in NOT:
        return False
    return mention_ending_before(ctx.mentions, modal) is not None


def verb_as_noun(c: CueCandidate) -> Outcome:
    if c.cue.kind == "verb" and noun_use(c.ctx, c.cue, c.rules.lexicon):
        return c.stop("noun-use", f"'{c.cue.text}' is used as a noun here, not as a verb")
    return None


def ready_as_noun(c: CueCandidate) -> Outcome:
    cue, ctx = c.cue, c.ctx
    if cue.kind == "ready" and cue.start > ctx.start and ctx.tokens.lower[cue.start - 1] == "the":
        return c.stop("noun-use", f"'the {ctx.tokens.text[cue.start]}' names a group here")
    return None


# --- A noun the author prescribes ------------------------------------------------------------

ADVICE_REACH = 6  # words between a noun cue and its "should be" ("from the U.S. side")


def prescribed_noun(c: CueCandidate) -> Outcome:
    """ "The proposals from the U.S. side should be the following": what a proposal should
    be, in the author's voice, is advice about a proposal nobody has made. An owner named
    by a possessive keeps it ("Russia's demands should be rejected" are Russia's)."""
    cue, ctx, lower = c.cue, c.ctx, c.ctx.tokens.lower
    if cue.kind != "noun" or ctx.speech_for(cue.start) is not None or ctx.quoted(cue.start):
        return None
    if possessor_of(ctx, cue.start, c.rules.lexicon) is not None:
        return None
    for position in range(cue.end, min(ctx.end - 1, cue.end + ADVICE_REACH)):
        word = lower[position]
        if word in ADVICE_MODALS and lower[position + 1] in {"be", "to"}:
            return c.stop("prescribed-noun", "what the author says a proposal should be")
        if word in CLAUSE_ENDS or is_boundary(ctx.tokens, position, c.rules.lexicon):
            return None
    return None


SENTENCE_GATES = (
    Gate("question", question, "a question, or a cue in a quoted question, asserts nothing"),
    Gate(
        "imperative",
        imperative,
        "a sentence opening with an instruction is the author's advice to the reader",
    ),
    Gate(
        "under-stance",
        under_stance,
        'a cue inside what a stance word judges ("unacceptable demands") is no act',
    ),
    Gate("doubted", doubted, 'a cue after a verb of doubt or "reports that" is not asserted'),
    Gate(
        "demanded-content",
        demanded_content,
        'what someone demands or rejects ("demanded that Kyiv cede") is no act',
    ),
)
READING_GATES = (
    Gate(
        "refused-act",
        refused_act,
        '"no intention of giving up": a refused concession becomes a rejection',
    ),
    Gate(
        "infinitive",
        infinitive,
        'an infinitive ("pressed X to accept") is governed by the word before it',
    ),
    Gate(
        "continued-infinitive",
        continued_infinitive,
        '"to stop stalling and accept" is governed like the infinitive before',
    ),
    Gate("coerced", coerced, '"pressed X into accepting" is the other side\'s demand'),
    Gate("conditional", conditional, "a cue inside an if/unless clause is not asserted"),
    Gate("modal", modal, "a cue after a modal is advice, obligation or a hypothetical"),
    Gate(
        "verb-as-noun", verb_as_noun, 'a verb form used as a noun ("under pressure") is no verb cue'
    ),
    Gate("ready-as-noun", ready_as_noun, '"the willing" names a group'),
    Gate(
        "prescribed-noun",
        prescribed_noun,
        '"the proposals ... should be": the author\'s advice about a proposal nobody made',
    ),
)
