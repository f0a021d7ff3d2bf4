"""Verb groups and clauses: negation, "no longer", infinitives, a verb form used as
a noun, factual "that" clauses and conditions."""

from __future__ import annotations

from pipeline.extract.cues import Cue
from pipeline.extract.grammar.phrases import NOUN_OPENERS, possessor_of
from pipeline.extract.grammar.sentence import SentenceContext, demonstrative
from pipeline.extract.grammar.tokens import (
    ALL_QUOTES,
    mention_at,
    mention_ending_before,
    preceded_by,
)
from pipeline.function_words import (
    ALTERNATIVES,
    CLAUSE_PREPOSITIONS,
    CONDITION_CLOSERS,
    COORDINATORS,
    COPULAS,
    FACTUAL_AUXILIARIES,
    INTENTION_LINKS,
    REFUSING_NEGATIONS,
)
from pipeline.knowledge.cues import CueLexicon

FRONTED_NEGATIONS = frozenset({"neither", "nor"})
INFINITIVE_REACH = 6  # words between "to <verb>" and a coordinated "and <verb>"


def is_negated(ctx: SentenceContext, cue: Cue, lexicon: CueLexicon) -> bool:
    """A negation just before the cue, in the same clause ("ended without agreement
    after Russia insisted" is not negated); a possessed noun stays its owner's
    ("declined Zelensky's request" is still Zelensky's request)."""
    tokens = ctx.tokens
    negation = preceded_by(tokens, cue.start, lexicon.words["negations"], ctx.start)
    if negation is None:
        return fronted_negation(ctx, cue.start)
    between = range(negation + 1, cue.start)
    openers = lexicon.words["clause_openers"] | CLAUSE_PREPOSITIONS
    if any(tokens.lower[i] in openers for i in between):
        return False
    refusal = tokens.norm[negation] not in REFUSING_NEGATIONS
    return not (cue.kind == "noun" and refusal and possessor_of(ctx, cue.start, lexicon))


def fronted_negation(ctx: SentenceContext, index: int) -> bool:
    """ "Neither the Ukrainian side will accept it", "Nor will Moscow agree": a clause
    opened by "neither"/"nor" negates its verb (a refusal, guidelines v2)."""
    tokens = ctx.tokens
    for position in range(index - 1, ctx.start - 1, -1):
        if tokens.lower[position] in FRONTED_NEGATIONS:
            opens = position == ctx.start or tokens.is_punct[position - 1]
            return opens or tokens.lower[position - 1] in COORDINATORS
        if tokens.is_punct[position] and tokens.text[position] not in ALL_QUOTES:
            return False
    return False


def no_longer(ctx: SentenceContext, cue: Cue) -> bool:
    """ "no longer" right before the cue, or before its auxiliary."""
    lower = ctx.tokens.lower
    for end in (cue.start, cue.start - 1):
        if end - 2 >= ctx.start and lower[end - 2] == "no" and lower[end - 1] == "longer":
            return True
    return False


def stopped(ctx: SentenceContext, cue: Cue, lexicon: CueLexicon) -> bool:
    """ "has stopped demanding ...": a dropping verb right before a demand's gerund."""
    tokens = ctx.tokens
    return (
        cue.start > ctx.start
        and tokens.lower[cue.start].endswith("ing")
        and tokens.norm[cue.start - 1] in lexicon.words["dropping_verbs"]
    )


def refused_intention(ctx: SentenceContext, cue: Cue, lexicon: CueLexicon) -> bool:
    """ "no intention of giving up", "no plans to cede": a negated intention noun right
    before the act."""
    tokens = ctx.tokens
    link = cue.start - 1
    if link - 1 <= ctx.start or tokens.lower[link] not in INTENTION_LINKS:
        return False
    if tokens.lower[link] != "to" and not tokens.lower[cue.start].endswith("ing"):
        return False
    noun = link - 1
    if tokens.lower[noun] == "whatsoever":  # "no intention whatsoever of ..."
        noun -= 1
    if tokens.text[noun] in ALL_QUOTES:  # 'had "no intention" of ...'
        noun -= 1
    if noun <= ctx.start or tokens.norm[noun] not in lexicon.words["intention_nouns"]:
        return False
    return preceded_by(tokens, noun, frozenset({"no"}), ctx.start, gap=1) is not None


def coordinated_infinitive(ctx: SentenceContext, cue: Cue, lexicon: CueLexicon) -> bool:
    """ "called on Moscow to stop stalling and accept the truce": a bare verb after
    "and/or" that continues an infinitive is governed like it."""
    tokens = ctx.tokens
    if tokens.lower[cue.start] != cue.entry.lemma.split()[0]:
        return False  # only the bare form continues an infinitive
    position = cue.start - 1
    while position >= ctx.start and tokens.norm[position] in lexicon.words["verb_adverbs"]:
        position -= 1
    if position <= ctx.start or tokens.lower[position] not in ALTERNATIVES:
        return False
    for before in range(position - 1, max(ctx.start, position - INFINITIVE_REACH) - 1, -1):
        if tokens.text[before] in ALL_QUOTES:
            continue  # 'urged Putin to "stop the stalling" and agree'
        if tokens.is_punct[before] or mention_at(ctx.mentions, before) is not None:
            return False
        if tokens.lower[before] == "to":
            verb = before + 1
            while verb < position and tokens.text[verb] in ALL_QUOTES:
                verb += 1
            return (
                verb < position
                and tokens.is_alpha[verb]
                and tokens.is_lower[verb]
                and tokens.lower[verb] not in NOUN_OPENERS
            )
    return False


def noun_use(ctx: SentenceContext, cue: Cue, lexicon: CueLexicon) -> bool:
    """ "under real pressure", "a press conference", "make painful compromises": the
    verb's form used as a noun."""
    lower = ctx.tokens.lower
    before = lower[cue.start - 1] if cue.start > ctx.start else ""
    before2 = lower[cue.start - 2] if cue.start - 1 > ctx.start else ""
    after = lower[cue.end] if cue.end < ctx.end else ""
    if lexicon.has("cancelling_next_words", after):
        return True
    if (
        lexicon.has("noun_taking_verbs", before2)
        and before.isalpha()
        and not (lower[cue.start].endswith(("ed", "ing")))
    ):
        return True  # a verb, one modifier, then the cue: the cue is the verb's object
    if lower[cue.start].endswith(("ed", "ing")) and before not in NOUN_OPENERS:
        return False
    return before in NOUN_OPENERS or lexicon.has("noun_taking_verbs", before)


def factual_complement(ctx: SentenceContext, start: int, lexicon: CueLexicon) -> bool:
    """A "that" clause stating a fact ("insisted that Putin had ...") rather than an
    obligation ("insisted that Kyiv must ..."): a finite auxiliary comes first."""
    for position in range(start, min(ctx.end, start + 8)):
        text = ctx.tokens.norm[position]
        if text in lexicon.words["deontic"] or text in lexicon.words["hypothetical_modals"]:
            return False
        if text in FACTUAL_AUXILIARIES:
            following = position + 1
            # "had to give up" is an obligation, not a fact
            return following >= ctx.end or ctx.tokens.lower[following] != "to"
    return False


def in_conditional(ctx: SentenceContext, index: int, lexicon: CueLexicon) -> bool:
    """Inside an "if/unless ..." clause that has not yet been closed by a comma."""
    lower, norm = ctx.tokens.lower, ctx.tokens.norm
    conditionals = lexicon.words["conditionals"]
    for position in range(index - 1, ctx.start - 1, -1):
        if lower[position] in CONDITION_CLOSERS:
            return False
        if norm[position] in conditionals:
            return True
    # "Had Putin accepted the truce, ...": an inverted condition opens the sentence
    return index > ctx.start and norm[ctx.start] in lexicon.words["inverted_conditionals"]


def inside_demanded_content(
    ctx: SentenceContext, cue: Cue, cues: list[Cue], lexicon: CueLexicon
) -> bool:
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
        if text == "that" and not demonstrative(ctx.tokens, position, lexicon):
            # "demanded that ...", "Russia's central demand is that ..."
            copula = position - 1 > ctx.start and lower[position - 1] in COPULAS
            return position in ends or (copula and position - 1 in ends)
    return False
