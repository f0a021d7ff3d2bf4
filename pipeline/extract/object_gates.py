"""Gates on what follows a cue: objects that empty it ("offered few details") and verbs
that yield no ground after "ready to" / "agreed to" ("agreed to meet").

Each gate reads the ``ObjectView`` of its cue: the words right after it, read once.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.extract.gates import CueCandidate, Gate, Outcome
from pipeline.extract.grammar.clauses import factual_complement
from pipeline.extract.grammar.phrases import NOUN_OPENERS, infinitive_after_agent, object_is
from pipeline.extract.grammar.tokens import gerund_base, mention_at
from pipeline.function_words import ARTICLES, DEMONSTRATIVES, POSSESSIVE_DETERMINERS

# Words that open the subject of a reported clause without "that" ("insist the regions were").
CLAUSE_SUBJECT_OPENERS = ARTICLES | DEMONSTRATIVES | POSSESSIVE_DETERMINERS | {"all", "both"}
CONTENT_REACH = 5  # words between "pressure" and its "to" ("pressure from Washington to ...")


@dataclass(frozen=True)
class ObjectView:
    """The words after a cue as the object gates read them."""

    next: str  # the word after the cue, or after "to" / a modifier when those only lead in
    after: str  # the second word after the cue
    third: str  # the third word after the cue
    object_word: str  # the word after the cue, or after a listener ("offered Kyiv nothing")
    reporting: bool  # the cue is a reporting verb ("insisted")
    yielding_frame: bool  # "ready to", "agreed to", or a concession noun

    @classmethod
    def of(cls, c: CueCandidate) -> ObjectView:
        ctx, cue, words = c.ctx, c.cue, c.words
        lower = ctx.tokens.lower
        nxt = lower[cue.end] if cue.end < ctx.end else ""
        after = lower[cue.end + 1] if cue.end + 1 < ctx.end else ""
        listener = mention_at(ctx.mentions, cue.end) if cue.end < ctx.end else None
        has_object = listener is not None and listener.end < ctx.end
        object_word = lower[listener.end] if has_object and listener is not None else nxt
        if cue.type == "concession" and cue.kind == "noun" and nxt == "to":
            nxt = after  # "willingness to negotiate": the verb after the noun's "to"
        yielding_frame = cue.type == "concession" and (
            cue.text.lower().endswith((" to", " for")) or cue.kind == "noun"
        )
        if yielding_frame and after in words["non_concession_verbs"] and nxt.isalpha():
            nxt = after  # "ready for peace talks": a modifier before the noun
        return cls(
            next=nxt,
            after=after,
            third=lower[cue.end + 2] if cue.end + 2 < ctx.end else "",
            object_word=object_word,
            reporting=ctx.tokens.norm[cue.start] in words["speech_verbs"],
            yielding_frame=yielding_frame,
        )


def empty_object(c: CueCandidate) -> Outcome:
    word = c.view.object_word
    if word in c.words["empty_objects"]:
        return c.stop("empty-object", f"the cue's object is '{word}': nothing is asked or given")
    return None


def non_yielding_object(c: CueCandidate) -> Outcome:
    if c.cue.type == "concession" and object_is(
        c.ctx, c.cue.end, "non_yielding_objects", c.rules.lexicon
    ):
        return c.stop("not-yielding", "what is accepted or agreed yields nothing to the other side")
    return None


def opposing(c: CueCandidate) -> Outcome:
    cue, nxt = c.cue, c.view.next
    if cue.kind == "ready" and cue.type == "concession" and nxt in c.rules.opposing_verbs:
        return c.stop(
            "opposing", f"'{cue.text} {nxt}' pledges a demand or refusal, not a concession"
        )
    return None


def no_proposal(c: CueCandidate) -> Outcome:
    if c.cue.type == "rejection" and (
        object_is(c.ctx, c.cue.end, "non_proposals", c.rules.lexicon) or _called_false(c)
    ):
        return c.stop("no-proposal", "what is rejected is a report or claim, no demand or proposal")
    return None


FALSEHOOD_REACH = 8  # words between the cue and "as a false pretext"


def _called_false(c: CueCandidate) -> bool:
    """ "something Kyiv dismissed as a false pretext": what is called a lie is a claim
    denied, no demand or proposal rejected."""
    tokens, ctx = c.ctx.tokens, c.ctx
    stop = min(ctx.end, c.cue.end + FALSEHOOD_REACH)
    for position in range(c.cue.end, stop):
        if tokens.lower[position] == "as":
            return any(
                tokens.norm[i] in c.words["falsehood_labels"]
                for i in range(position + 1, min(ctx.end, position + 4))
            )
    return False


def non_concession_verb(c: CueCandidate) -> Outcome:
    ctx, cue = c.ctx, c.cue
    nxt = gerund_base(c.view.next, c.words["non_concession_verbs"])  # "open to meeting"
    if not (c.view.yielding_frame and nxt in c.words["non_concession_verbs"]):
        return None
    window = range(cue.end + 1, min(ctx.end, cue.end + 4))
    if any(ctx.tokens.norm[i] in c.words["yielding_objects"] for i in window):
        return None
    return c.stop("not-yielding", f"'{cue.text} {nxt}' does not yield ground")


def claim_only(c: CueCandidate) -> Outcome:
    ctx, cue = c.ctx, c.cue
    if cue.type != "concession" or ctx.tokens.norm[cue.start] not in c.words["clause_concessions"]:
        return None
    named = mention_at(ctx.mentions, cue.end) or mention_at(ctx.mentions, cue.end + 1)
    if c.view.next != "that" and named is None:
        return c.stop("no-claim-object", f"'{cue.text}' concedes a claim only ('{cue.text} that')")
    return None


def restricted(c: CueCandidate) -> Outcome:
    ctx, cue = c.ctx, c.cue
    if cue.type != "concession" or cue.kind != "verb" or cue.start <= ctx.start:
        return None
    conditions = c.words["only_conditions"]
    conditioned = any(ctx.tokens.norm[i] in conditions for i in range(cue.end, ctx.end))
    if ctx.tokens.lower[cue.start - 1] == "only" and not conditioned:
        # "will only accept a deal on his own terms"; "only agree ... once" still offers
        return c.stop("restricted", f"'only {cue.text}' sets a condition, it concedes nothing")
    return None


def no_content(c: CueCandidate) -> Outcome:
    ctx, cue = c.ctx, c.cue
    if cue.kind != "noun" or ctx.tokens.norm[cue.start] not in c.words["content_nouns"]:
        return None
    window = range(cue.end, min(ctx.end, cue.end + CONTENT_REACH))
    if not any(ctx.tokens.lower[i] == "to" for i in window):
        return c.stop("no-content", f"'{cue.text}' without 'to ...' asks for nothing in particular")
    return None


def double_refusal(c: CueCandidate) -> Outcome:
    cue, view = c.cue, c.view
    if cue.type == "rejection" and view.next == "to" and view.after in c.rules.rejection_heads:
        return c.stop(
            "double-refusal", f"'{cue.text} to {view.after} ...' refuses to refuse: no claim"
        )
    return None


def non_concession_infinitive(c: CueCandidate) -> Outcome:
    ctx, cue = c.ctx, c.cue
    if cue.type != "concession" or cue.kind != "noun":
        return None
    verb = infinitive_after_agent(ctx, cue)
    if verb is not None and ctx.tokens.norm[verb] in c.words["non_concession_verbs"]:
        return c.stop("not-yielding", f"'{cue.text} ... to {ctx.tokens.text[verb]}' yields nothing")
    return None


def no_refusal(c: CueCandidate) -> Outcome:
    cue, view = c.cue, c.view
    if view.after in c.words["information_verbs"] and not information_object(c):
        return None  # "declined to provide missiles" refuses them; "... details" nothing
    if cue.type == "rejection" and view.next == "to" and view.after in c.words["refusal_nonclaims"]:
        return c.stop("no-refusal", f"'{cue.text} to {view.after}' refuses no demand or proposal")
    return None


def information_object(c: CueCandidate) -> bool:
    """Information ("details", "a timeline") among the three words after "to give"."""
    ctx, start = c.ctx, c.cue.end + 2
    window = range(start, min(ctx.end, start + 3))
    return not list(window) or any(
        ctx.tokens.norm[i] in c.words["information_nouns"] for i in window
    )


def adopted(c: CueCandidate) -> Outcome:
    cue, nxt = c.cue, c.view.next
    if cue.entry.lemma == "agree" and nxt in NOUN_OPENERS:
        return c.stop("adopted", f"'{cue.text} {nxt} ...' adopts something; it concedes nothing")
    return None


def speech_tag(c: CueCandidate) -> Outcome:
    nxt = c.view.next
    if c.view.reporting and (not nxt or not nxt.isalpha()):
        return c.stop("speech-tag", f"'{c.cue.text}' only tags a quotation here")
    return None


def factual(c: CueCandidate) -> Outcome:
    if not c.view.reporting:
        return None
    if c.view.next == "that":
        start = c.cue.end + 1
    elif c.view.next in CLAUSE_SUBJECT_OPENERS or mention_at(c.ctx.mentions, c.cue.end):
        start = c.cue.end  # "insist the regions were annexed": "that" left out
    else:
        return None
    if factual_complement(c.ctx, start, c.rules.lexicon):
        return c.stop("factual", f"'{c.cue.text} that ...' reports a fact here, not a demand")
    return None


def obligation(c: CueCandidate) -> Outcome:
    if c.cue.entry.lemma == "need" and c.view.next == "to":
        return c.stop(
            "obligation", "'needs to ...' is an obligation: a demand only in reported speech"
        )
    return None


def own_image(c: CueCandidate) -> Outcome:
    view = c.view
    image = view.after == "be" and view.third in c.words["want_to_be_nonclaims"]
    if c.cue.entry.lemma == "want" and view.next == "to" and image:
        return c.stop("own-plan", f"'wants to be {view.third}' is the actor's image, not a demand")
    return None


def own_plan(c: CueCandidate) -> Outcome:
    view = c.view
    aiming = c.cue.entry.lemma in {"want", "seek"}
    if aiming and view.next == "to" and view.after in c.words["want_to_nonclaims"]:
        return c.stop("own-plan", f"'wants to {view.after}' is the actor's own plan, not a demand")
    return None


OBJECT_GATES = (
    Gate(
        "empty-object",
        empty_object,
        'an empty object ("offered few details") asks or gives nothing',
    ),
    Gate(
        "non-yielding-object",
        non_yielding_object,
        'accepting some objects ("accepted the invitation") yields nothing',
    ),
    Gate("opposing", opposing, '"ready to block" pledges a demand or refusal, not a concession'),
    Gate(
        "no-proposal", no_proposal, "rejecting a report or accusation rejects no demand or proposal"
    ),
    Gate(
        "non-concession-verb",
        non_concession_verb,
        '"agreed to meet", "ready for talks" yield no ground',
    ),
    Gate(
        "claim-only",
        claim_only,
        '"acknowledged" concedes a claim only, unless "that" or an actor follows',
    ),
    Gate("restricted", restricted, '"will only accept ..." sets a condition and concedes nothing'),
    Gate(
        "no-content",
        no_content,
        'a content noun ("pressure") without "to ..." asks for nothing in particular',
    ),
    Gate("double-refusal", double_refusal, '"refused to rule out" refuses to refuse'),
    Gate(
        "non-concession-infinitive",
        non_concession_infinitive,
        '"an offer by Turkey to host talks" yields nothing',
    ),
    Gate("no-refusal", no_refusal, '"refused to comment" refuses no demand or proposal'),
    Gate("adopted", adopted, '"agreed the plan" adopts something and concedes nothing'),
    Gate("speech-tag", speech_tag, "a reporting verb that only tags a quotation"),
    Gate("factual", factual, '"insisted that Putin had ..." reports a fact, not a demand'),
    Gate(
        "obligation",
        obligation,
        '"needs to ..." is an obligation, a demand only in reported speech',
    ),
    Gate("own-image", own_image, '"wants to be seen as ..." is the actor\'s image, not a demand'),
    Gate("own-plan", own_plan, '"wants to build ..." is the actor\'s own plan, not a demand'),
)
