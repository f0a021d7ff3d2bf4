"""Gates for the conventions of guidelines v2 (see ``pipeline.extract.gates``): hopes need
an addressee, an offer of talks is a proposal, procedural steps and generic readiness yield
nothing, some acts count only when refused, and a refused "want" rejects a proposal.

The words they read are lists of ``pipeline/resources/cues.toml`` (block "Conventions of
guidelines v2").
"""

from __future__ import annotations

from pipeline.extract.gates import CueCandidate, Gate, Outcome, relabel
from pipeline.extract.grammar.subjects import left_subject
from pipeline.extract.grammar.tokens import (
    ALL_QUOTES,
    gerund_base,
    mention_at,
    mention_ending_before,
    preceded_by,
)
from pipeline.function_words import (
    ARTICLES,
    BE_FINITE,
    BE_NONFINITE,
    COORDINATORS,
    NOUN_MARKERS,
    PREPOSITIONS,
    REFUSING_NEGATIONS,
    WILL_FORMS,
)

OBJECT_REACH = 4  # words after a cue searched for its object ("offered Kyiv direct talks")
# What follows an addressee of a hope: "hoped Russia would accept", "expects Putin to agree".
HOPED_ACTS = WILL_FORMS | {"would", "to", "could", "can", "might", "should", "wo", "shall"}
# Words that end a noun phrase ("wants peace through strength", not "peace guarantees").
ENDS = PREPOSITIONS | COORDINATORS | {"through", "by", "now", "soon", "quickly"}
# Words between a hope and its addressee ("hoped that the Kremlin would").
ADDRESSEE_LEADS = ARTICLES | {"that"}


def object_words(c: CueCandidate, reach: int = OBJECT_REACH) -> list[int]:
    """Positions of the words after the cue, past a listener ("offered Kyiv talks"), up to
    the first punctuation mark."""
    ctx, start = c.ctx, c.cue.end
    listener = mention_at(ctx.mentions, start) if start < ctx.end else None
    if listener is not None:
        start = listener.end
    found: list[int] = []
    for position in range(start, min(ctx.end, start + reach)):
        if ctx.tokens.text[position] in ALL_QUOTES or ctx.tokens.text[position] == "’":
            continue  # "vowed to 'resurrect' negotiations", "vowed to ‘resurrect’ talks"
        if ctx.tokens.is_punct[position]:
            break
        found.append(position)
    return found


# --- Hopes and expectations -----------------------------------------------------------------


def addressee_follows(c: CueCandidate) -> bool:
    """ "hoped (that) Russia would accept", "expects Putin to agree", "hoped to convince
    Trump to ...": another party is to act."""
    ctx, lower = c.ctx, c.ctx.tokens.lower
    position = c.cue.end
    if position < ctx.end and lower[position] == "to" and position + 1 < ctx.end:
        verb = ctx.tokens.norm[position + 1]
        return verb in c.words["persuade_verbs"] or verb in c.words["directive_verbs"]
    while position < ctx.end and lower[position] in ADDRESSEE_LEADS:
        position += 1
    addressee = mention_at(ctx.mentions, position) if position < ctx.end else None
    if addressee is None or addressee.end >= ctx.end:
        return False
    subject = left_subject(ctx.tokens, c.cue.start, ctx.mentions, c.rules.lexicon, ctx.start)
    if subject is not None and subject.label_ == addressee.label_:
        return False  # "Trump hopes he will win": his own plan
    return lower[addressee.end] in HOPED_ACTS


def unaddressed_hope(c: CueCandidate) -> Outcome:
    """ "hopes to end the war", "he wants peace", "is expected to present": no addressee."""
    cue, ctx = c.cue, c.ctx
    if cue.entry.lemma not in c.words["addressed_hopes"]:
        return None
    before = ctx.tokens.lower[cue.start - 1] if cue.start > ctx.start else ""
    if before in BE_FINITE | BE_NONFINITE:
        return c.stop("unaddressed-hope", f"'{before} {cue.text}' is a forecast, not a demand")
    if addressee_follows(c):
        return None
    return c.stop(
        "unaddressed-hope", f"'{cue.text}' with no other party to act is a wish, not a demand"
    )


def hoped_act(c: CueCandidate) -> Outcome:
    """ "Rubio said he hoped Russia would accept": what is hoped for is no act of Russia."""
    hopes = c.words["addressed_hopes"]
    if c.cue.kind not in {"verb", "ready"}:
        return None
    if not any(o.entry.lemma in hopes and o.end <= c.cue.start for o in c.cues):
        return None  # most sentences hope for nothing: skip the subject search
    ctx, lower = c.ctx, c.ctx.tokens.lower
    subject = left_subject(ctx.tokens, c.cue.start, ctx.mentions, c.rules.lexicon, ctx.start)
    if subject is None:
        return None
    position = subject.start - 1
    while position > ctx.start and lower[position] in ADDRESSEE_LEADS:
        position -= 1
    if any(o.end == position + 1 and o.entry.lemma in hopes for o in c.cues):
        return c.stop("demanded-content", "what someone hopes another party will do is no act")
    return None


def _free_relative(c: CueCandidate) -> bool:
    """ "This is exactly what Putin wants." / "..., adding that this is 'what Russia
    wants'": a want whose object is "what" before its subject, with nothing after it; "What
    Russia wants is a withdrawal" says what it asks, and stays a demand."""
    ctx, cue, tokens = c.ctx, c.cue, c.ctx.tokens
    if cue.entry.lemma not in c.words["wanting_lemmas"]:
        return False
    following = cue.end
    while following < ctx.end and tokens.text[following] in ALL_QUOTES | {"’"}:
        following += 1
    if following < ctx.end and not tokens.is_punct[following]:
        return False
    subject = mention_ending_before(ctx.mentions, _before_adverbs(c, cue.start))
    return (
        subject is not None
        and subject.start > ctx.start
        and (tokens.lower[subject.start - 1] == "what")
    )


def _before_adverbs(c: CueCandidate, index: int) -> int:
    """``index`` moved back over the adverbs right before it ("what Trump really covets")."""
    tokens = c.ctx.tokens
    while index - 1 > c.ctx.start and (
        tokens.norm[index - 1] in c.words["verb_adverbs"] or tokens.norm[index - 1].endswith("ly")
    ):
        index -= 1
    return index


def own_wish(c: CueCandidate) -> Outcome:
    """ "expressed a desire to end the war": a wish for the actor's own act; "wants to make
    peace": a wish with no addressee."""
    if c.cue.type != "demand" or c.cue.kind != "verb":
        return None
    if _free_relative(c):
        return c.stop("wish", "'this is what X wants' names a wish, not what X asks of anyone")
    if c.cue.entry.lemma.endswith(" to") and c.view.next in c.words["want_to_nonclaims"]:
        return c.stop("own-plan", f"'{c.cue.text} {c.view.next}' is the actor's own plan")
    words = object_words(c)
    norm = c.ctx.tokens.norm
    if words and norm[words[0]] == "to":
        words = words[2:]  # "wants to make peace": the object of the infinitive
    heads = [i for i in words if norm[i] not in NOUN_MARKERS][:1]
    if not heads or norm[heads[0]] not in c.words["wish_nouns"]:
        return None
    after = heads[0] + 1
    compound = after < c.ctx.end and c.ctx.tokens.is_alpha[after] and norm[after] not in ENDS
    if compound or (after < c.ctx.end and norm[after] == "to"):
        return None  # "wants peace guarantees", "wants the killing to stop": a proposal
    return c.stop("wish", f"a wish for '{norm[heads[0]]}' has no addressee")


# --- Offers of talks, procedure, readiness --------------------------------------------------


def offered_talks(c: CueCandidate) -> Outcome:
    """ "Putin offered Kyiv direct talks in Istanbul": an offer of talks is a proposal, a
    demand by whoever offers it; "offered to host talks" (a mediator) is left to the gates."""
    cue = c.cue
    if cue.type != "concession" or cue.entry.lemma not in c.words["offering_lemmas"]:
        return None
    if c.negated:
        return None
    words = object_words(c)
    norm = c.ctx.tokens.norm
    if words and cue.kind == "ready" and norm[words[0]] not in c.words["talks_words"]:
        return None  # "offered to host talks", "offered to withdraw"
    if not any(norm[i] in c.words["talks_words"] for i in words):
        return None
    if cue.kind == "noun":
        decisions = c.rules.noun_claims(c.ctx, cue, "demand", c.cues)
    else:
        decisions = c.rules.verb_claims(c.ctx, cue, "demand")
    return relabel(decisions, "offered-talks")


def procedural_step(c: CueCandidate) -> Outcome:
    """ "agreed to name their teams", "open to a political resolution", "ready to settle by
    political means", "promised to end the war": no ground is yielded."""
    if not c.view.yielding_frame or c.cue.kind == "noun":
        return None
    words = object_words(c)
    if not words:
        return None
    norm = c.ctx.tokens.norm
    first = gerund_base(norm[words[0]], c.words["procedural_verbs"])  # "committed to appointing"
    if first in c.words["procedural_verbs"]:
        return c.stop("procedural", f"'{c.cue.text} {first}' is a procedural step")
    heads = [i for i in words if norm[i] not in NOUN_MARKERS][:3]
    noun = next((i for i in heads if norm[i] in c.words["settlement_nouns"]), None)
    if noun is None or any(norm[i] in c.words["yielding_objects"] for i in heads):
        return None
    following = norm[noun + 1] if noun + 1 < c.ctx.end else ""
    if following in c.words["settlement_content"] and norm[noun] not in c.words["talks_words"]:
        return None  # "a settlement that freezes the front line" says what is yielded
    return c.stop("procedural", "generic readiness to settle or talk yields no ground")


def humanitarian(c: CueCandidate) -> Outcome:
    """ "agreed to exchange prisoners", "offered Putin a prisoner swap": no claim (v2)."""
    if c.cue.type != "concession":
        return None
    norm = c.ctx.tokens.norm
    if any(norm[i] in c.words["humanitarian_objects"] for i in object_words(c, 6)):
        return c.stop("procedural", "a prisoner exchange yields no ground")
    return None


def fighting_bound(c: CueCandidate) -> Outcome:
    """ "would halt the offensive" pauses the actor's own fighting; "halted aid" or "stopped
    the Russian advance" concede nothing."""
    if c.cue.entry.lemma not in c.words["halting_acts"]:
        return None
    ctx, words = c.ctx, object_words(c)
    if any(mention_at(ctx.mentions, i) is not None for i in words):
        return c.stop("no-pause", f"'{c.cue.text}' stops another party's act here")
    if any(ctx.tokens.norm[i] in c.words["fighting_objects"] for i in words):
        return None
    return c.stop("no-pause", f"'{c.cue.text}' pauses no fighting here")


def proposal_bound(c: CueCandidate) -> Outcome:
    """ "we certainly support it" accepts a proposal; "supports Ukraine" concedes nothing."""
    cue = c.cue
    if cue.entry.lemma not in c.words["proposal_bound_acts"]:
        return None
    words = object_words(c, OBJECT_REACH + 1)
    norm = c.ctx.tokens.norm
    if words and norm[words[0]] in {"for", "of"}:
        return c.stop("no-proposal", f"'{cue.text} {norm[words[0]]}' names help, not a proposal")
    if any(norm[i] in c.words["proposal_objects"] for i in words):
        return None
    if _relative_to_proposal(c):
        return None  # "a plan that the Finnish leader later endorsed"
    return c.stop("no-proposal", f"'{cue.text}' accepts no proposal here")


RELATIVE_REACH = 6  # words between "that"/"which" and the verb of the relative clause


def _relative_to_proposal(c: CueCandidate) -> bool:
    """The verb of a relative clause whose antecedent is a proposal ("a position that X
    embraced", "the plan, which Kyiv endorsed")."""
    tokens, ctx = c.ctx.tokens, c.ctx
    for position in range(c.cue.start - 1, max(ctx.start, c.cue.start - RELATIVE_REACH), -1):
        if tokens.lower[position] in {"that", "which"}:
            before = position - 1 if tokens.text[position - 1] != "," else position - 2
            return before >= ctx.start and tokens.norm[before] in c.words["proposal_objects"]
    return False


# --- Refusals -------------------------------------------------------------------------------


def refused_future(c: CueCandidate) -> bool:
    """ "will not", "won't", "cannot", "will never", "never <present>": a refusal of the
    future, not a report of a past act."""
    tokens, cue = c.ctx.tokens, c.cue
    negation = preceded_by(tokens, cue.start, REFUSING_NEGATIONS, c.ctx.start)
    if negation is None:
        return False
    refusing = c.words["refusing_auxiliaries"]
    if tokens.norm[negation] == "never":
        auxiliary = negation - 1 >= c.ctx.start and tokens.norm[negation - 1] in refusing
        return auxiliary or not tokens.lower[cue.start].endswith("ed")
    return negation - 1 >= c.ctx.start and tokens.norm[negation - 1] in refusing


def conditioned(c: CueCandidate) -> bool:
    """ "will not sign an agreement without guarantees": a condition, not a refusal."""
    lower, conditions = c.ctx.tokens.lower, c.words["refusal_conditions"]
    for position in range(c.cue.end, c.ctx.end):
        if lower[position] in conditions:
            return True
        if lower[position] in {";", ":"}:
            return False
    return False


def only_when_refused(c: CueCandidate) -> Outcome:
    """ "We will never leave the Donbas" rejects a demand; "troops left" concedes nothing."""
    ctx, cue = c.ctx, c.cue
    if cue.entry.lemma not in c.words["refusal_only_acts"]:
        return None
    if c.negated and refused_future(c) and not conditioned(c):
        return None  # a negated concession: a rejection (``CueRules.holder_claims``)
    infinitive = cue.start - 2 >= ctx.start and ctx.tokens.lower[cue.start - 1] == "to"
    if infinitive and ctx.tokens.norm[cue.start - 2] in c.words["negative_act_nouns"]:
        return None  # "Russia's refusal to withdraw": a rejection (``infinitive``)
    return c.stop("only-when-refused", f"'{c.cue.text}' yields ground only when refused")


def refused_want(c: CueCandidate) -> Outcome:
    """ "Kyiv does not want the proposal": a rejection; "does not want Kyiv to join NATO":
    a demand; "does not want war": a wish."""
    cue, ctx = c.cue, c.ctx
    if not c.negated or cue.type != "demand" or cue.entry.lemma not in c.words["negated_wants"]:
        return None
    negation = preceded_by(ctx.tokens, cue.start, REFUSING_NEGATIONS, ctx.start, gap=1)
    if negation is None:
        return None  # "did not get everything he wanted": the negation is another verb's
    words = object_words(c)
    listener = mention_at(ctx.mentions, cue.end) if cue.end < ctx.end else None
    if listener is not None and words and ctx.tokens.lower[words[0]] == "to":
        return relabel(c.rules.verb_claims(ctx, cue, "demand"), "unwanted-act")
    if listener is not None or not words:
        return None
    norm = ctx.tokens.norm
    if norm[words[0]] == "to":
        act = words[1] if len(words) > 1 else -1
        halting = c.words["halting_acts"]  # "does not want to stop the killing": a charge
        refused = any(
            o.start == act and o.type == "concession" and o.entry.lemma not in halting
            for o in c.cues
        )
        if not refused:
            return None
    elif norm[words[0]] in c.words["wish_objects"]:
        return None
    return relabel(c.rules.verb_claims(ctx, cue, "rejection"), "refused-want")


CONVENTION_GATES = (
    Gate(
        "unaddressed-hope",
        unaddressed_hope,
        '"hopes to end the war", "is expected to": a hope with no other party to act',
    ),
    Gate("hoped-act", hoped_act, '"hoped Russia would accept": the hoped act is no act'),
    Gate("own-wish", own_wish, '"expressed a desire to end the war" is the actor\'s own plan'),
    Gate("offered-talks", offered_talks, '"offered Kyiv direct talks" is a proposal: a demand'),
    Gate(
        "procedural",
        procedural_step,
        '"agreed to name their teams", "open to a political resolution" yield no ground',
    ),
    Gate("humanitarian", humanitarian, '"agreed to exchange prisoners" yields no ground'),
    Gate("fighting-bound", fighting_bound, '"halt" concedes only a pause in fighting'),
    Gate("proposal-bound", proposal_bound, '"support" concedes only a proposal ("support it")'),
)
# Before the reading gates: "X's decision to withdraw" concedes nothing either.
REFUSED_ACT_GATES = (
    Gate(
        "only-when-refused",
        only_when_refused,
        '"leave", "withdraw", "sign" yield ground only when refused ("will never leave")',
    ),
)
REFUSAL_GATES = (
    Gate(
        "refused-want",
        refused_want,
        '"does not want the proposal" rejects it; "does not want Kyiv to join" demands',
    ),
)
