"""Gates of negation and modality: a dropped or negated demand, a promise not to oppose,
and a negated or hypothetical judgement (see ``pipeline.extract.gates``)."""

from __future__ import annotations

from pipeline.extract.cues import Cue
from pipeline.extract.gates import CueCandidate, Gate, Outcome, relabel
from pipeline.extract.grammar.clauses import no_longer, stopped
from pipeline.extract.grammar.sentence import SentenceContext
from pipeline.extract.grammar.tokens import preceded_by
from pipeline.function_words import BACKSHIFTED_WILL, NOT, PROMISE_AUXILIARIES

# --- Gates of negation ----------------------------------------------------------------------


def dropped_demand(c: CueCandidate) -> Outcome:
    """ "Russia is no longer demanding that Ukraine withdraw": a dropped demand concedes."""
    cue, ctx = c.cue, c.ctx
    if cue.type != "demand" or cue.kind != "verb":
        return None
    dropped = no_longer(ctx, cue) if c.negated else stopped(ctx, cue, c.rules.lexicon)
    if not dropped:
        return None
    return relabel(c.rules.verb_claims(ctx, cue, "concession"), "dropped-demand")


def negated_opposition(c: CueCandidate) -> Outcome:
    """ "Kyiv would not oppose a pause": promising not to oppose concedes it."""
    if c.negated and yields_when_negated(c.ctx, c.cue, c.words):
        return relabel(c.rules.verb_claims(c.ctx, c.cue, "concession"), "negated-opposition")
    return None


def negated(c: CueCandidate) -> Outcome:
    if c.negated and c.cue.type != "concession":
        return c.stop("negated", "negated demand or rejection: no claim")
    return None  # a negated concession is a rejection (see ``CueRules.holder_claims``)


def yields_when_negated(ctx: SentenceContext, cue: Cue, words: dict[str, frozenset[str]]) -> bool:
    """ "will not / would not / won't oppose": a future promise not to oppose."""
    if cue.type != "rejection" or cue.kind != "verb":
        return False
    if cue.entry.lemma not in words["yielding_when_negated"]:
        return False
    lower = ctx.tokens.lower
    window = range(max(ctx.start, cue.start - 3), cue.start)
    return any(lower[i] in PROMISE_AUXILIARIES for i in window)


# --- Gates of a stance word ("unacceptable") ------------------------------------------------


def negated_judgement(c: CueCandidate) -> Outcome:
    if preceded_by(c.ctx.tokens, c.cue.start, NOT, c.ctx.start, 0):
        return c.stop("negated", 'a negated judgement ("not impossible") is no rejection')
    return None


def hypothetical_judgement(c: CueCandidate) -> Outcome:
    ctx, cue, tokens = c.ctx, c.cue, c.ctx.tokens
    position = preceded_by(tokens, cue.start, c.rules.modals, ctx.start, gap=3)
    if position is None:
        return None
    reported = ctx.speech_for(cue.start) is not None or ctx.quoted(cue.start)
    counterfactual = tokens.lower[position + 1] == "have"
    if reported and tokens.lower[position] in BACKSHIFTED_WILL and not counterfactual:
        return None  # "said a deployment would be unacceptable" reports "will be"
    return c.stop("modal", f"a judgement under '{tokens.text[position]}' is hypothetical")


NEGATION_GATES = (
    Gate(
        "dropped-demand",
        dropped_demand,
        '"no longer demanding", "stopped demanding": a dropped demand concedes',
    ),
    Gate(
        "negated-opposition",
        negated_opposition,
        '"would not oppose" promises not to oppose: a concession',
    ),
    Gate("negated", negated, "a negated demand or rejection gives no claim"),
)
JUDGEMENT_GATES = (
    Gate(
        "negated-judgement",
        negated_judgement,
        'a negated judgement ("not impossible") is no rejection',
    ),
    Gate(
        "hypothetical-judgement",
        hypothetical_judgement,
        'a judgement under a modal ("could be unacceptable") is hypothetical',
    ),
)
