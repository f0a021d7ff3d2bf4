"""Noun phrases: possessors, agents after "by"/"from", participles with their
agents, light verbs before a noun, and the head of an object."""

from __future__ import annotations

from collections.abc import Set

from spacy.tokens import Span

from pipeline.extract.cues import Cue, DocTokens
from pipeline.extract.grammar.sentence import SentenceContext
from pipeline.extract.grammar.tokens import (
    ALL_QUOTES,
    is_participle,
    mention_at,
    mention_ending_before,
)
from pipeline.function_words import (
    AGENT_PREPOSITIONS,
    NOUN_PHRASE_OPENERS,
    PERFECT_HAVE,
    POSSESSIVE_MARKS,
    POSSESSIVE_PRONOUNS,
    PREPOSITIONS,
    RELATIVE_SUBJECTS,
)
from pipeline.knowledge.cues import CueLexicon

MODIFIER_GAP = 3  # adjectives allowed between a possessor and its noun ("Putin's key demand")


# Words before a verb-form cue that show it is a noun ("a push", "under pressure").
NOUN_OPENERS = NOUN_PHRASE_OPENERS | {"real", "heavy", "new", "renewed"}


def _container_of(tokens: DocTokens, position: int, floor: int, lexicon: CueLexicon) -> bool:
    """ "list of", "set of": an "of" after a noun that only gathers what follows."""
    return (
        tokens.lower[position] == "of"
        and position - 1 >= floor
        and tokens.norm[position - 1] in lexicon.words["container_nouns"]
    )


def possessor_of(ctx: SentenceContext, index: int, lexicon: CueLexicon) -> Span | None:
    """The owner named before a noun ("Putin's key demand", "his demands", "Russian
    demands"), across up to MODIFIER_GAP modifier words (hyphenated ones count once:
    "his deep-seated objection")."""
    tokens = ctx.tokens
    words = 0
    position = index - 1
    attributive = True  # only words of a proposal's kind so far: "the U.S. peace proposal"
    while position >= ctx.start and words <= MODIFIER_GAP:
        if tokens.lower[position] in POSSESSIVE_MARKS:
            return mention_ending_before(ctx.mentions, position)
        mention = mention_at(ctx.mentions, position)
        if mention is not None:
            directly_before = mention.end == index
            possessive_pronoun = tokens.span_text(mention).lower() in POSSESSIVE_PRONOUNS
            if lexicon.has("topic_attributives", tokens.span_text(mention)):
                # "a Ukraine peace plan" is a plan for Ukraine, not Ukraine's: a modifier
                words += 1
                position = mention.start - 1
                continue
            named = attributive and mention.kb_id_ != "pronoun"  # "two U.S. peace proposals"
            return mention if (directly_before or possessive_pronoun or named) else None
        if tokens.text[position] == "-":
            agent = mention_ending_before(ctx.mentions, position)
            if agent is not None and tokens.norm[position + 1] in lexicon.words["compound_agents"]:
                return agent  # "a U.S.-backed proposal", "the Kremlin-drafted memorandum"
            attributive = attributive and tokens.text[position - 1].isdigit()  # "30-day"
            position -= 2  # the hyphen and the word before it belong to one modifier
            continue
        if tokens.text[position] in ALL_QUOTES:
            position -= 1  # Washington's "final offer": scare quotes around the noun phrase
            continue
        if tokens.is_punct[position] or not tokens.is_lower[position]:
            return None
        if _container_of(tokens, position, ctx.start, lexicon):
            words += 1  # "Berlin's list of proposals": the list's owner owns them
            position -= 2
            attributive = False
            continue
        attributive = attributive and tokens.norm[position] in lexicon.words["proposal_modifiers"]
        if tokens.lower[position] in PREPOSITIONS or tokens.lower[position] in {"the", "a"}:
            return None  # "its objections to the plan": the plan is not "its"
        words += 1
        position -= 1
    return None


def actor_after_word(
    ctx: SentenceContext, cue: Cue, words: Set[str], window: int, own: bool = False
) -> Span | None:
    """The actor named after "by"/"from" within ``window`` tokens of the cue.

    With ``own``, the word must belong to the cue: another participle in between
    ("rejected a truce proposed by X") takes the "by" for itself.
    """
    lower = ctx.tokens.lower
    stop = min(ctx.end, cue.end + window)
    for position in range(cue.end, stop - 1):
        if own and is_participle(lower[position]) and ctx.tokens.is_alpha[position]:
            return None
        if lower[position] in words:
            found = mention_at(ctx.mentions, position + 1) or mention_at(ctx.mentions, position + 2)
            if found is not None:
                return found
    return None


def and_following(ctx: SentenceContext, first: Span, lexicon: CueLexicon) -> list[Span]:
    """An actor with those joined to it on the right: "by Witkoff and Dmitriev"."""
    chain = [first]
    position = first.end
    tokens = ctx.tokens
    while position + 1 < ctx.end and tokens.lower[position] in {"and", ","}:
        start = position + 1
        if tokens.lower[start] in POSSESSIVE_PRONOUNS and start + 1 < ctx.end:
            start += 1  # "Ukraine and its European partners"
        following = mention_at(ctx.mentions, start)
        if following is None or following.start != start:
            break
        if following.kb_id_ == "adjective" and (
            following.end >= ctx.end
            or tokens.norm[following.end] not in lexicon.words["group_nouns"]
        ):
            break
        chain.append(following)
        position = following.end
        if following.kb_id_ == "adjective":
            position += 1  # the group noun after the demonym
    return chain


def participle_agents(ctx: SentenceContext, cue: Cue, lexicon: CueLexicon) -> list[Span]:
    """The agents of a participle right after a noun cue: "a plan drafted by Witkoff and
    Dmitriev", "an offer already made by Washington"."""
    tokens = ctx.tokens
    position = cue.end
    if position >= ctx.end or not tokens.is_alpha[position] or not tokens.is_lower[position]:
        return []
    word = tokens.norm[position]
    if not (is_participle(word) or word in lexicon.words["irregular_participles"]):
        return []
    for by in range(position + 1, min(ctx.end - 1, position + 3)):
        if tokens.lower[by] == "by":
            agent = mention_at(ctx.mentions, by + 1) or mention_at(ctx.mentions, by + 2)
            return and_following(ctx, agent, lexicon) if agent is not None else []
        if not tokens.is_alpha[by]:
            return []
    return []


def relative_owner(ctx: SentenceContext, cue: Cue, lexicon: CueLexicon) -> Span | None:
    """The subject of a relative clause whose verb makes the noun cue: "the demands Putin
    made in Alaska", "the plan that Kyiv had tabled" (a proposal named again is its
    proposer's demand)."""
    tokens, position = ctx.tokens, cue.end
    if tokens.norm[cue.end - 1] in lexicon.words["posed_nouns"]:
        return None  # "the threat Russia presents": posed, not proposed
    if position < ctx.end and tokens.lower[position] in RELATIVE_SUBJECTS - {"who"}:
        position += 1
    owner = mention_at(ctx.mentions, position)
    if owner is None or owner.start != position or owner.end >= ctx.end:
        return None
    verb = owner.end
    while verb < ctx.end - 1 and (
        tokens.lower[verb] in PERFECT_HAVE or tokens.norm[verb] in lexicon.words["verb_adverbs"]
    ):
        verb += 1
    word = tokens.lower[verb]
    # A past form: "the demand that Ukraine give up" is the demand's content, not its maker
    past = is_participle(word) or word in lexicon.words["irregular_participles"]
    made = past and tokens.norm[verb] in lexicon.words["light_verbs"]
    return owner if made and tokens.is_lower[verb] else None


def light_verb_before(ctx: SentenceContext, index: int, lexicon: CueLexicon) -> int | None:
    """A light verb up to MODIFIER_GAP words before a noun; a hyphenated modifier counts
    as one word ("presented a 28-point plan")."""
    tokens, light_verbs = ctx.tokens, lexicon.words["light_verbs"]
    words = 0
    position = index - 1
    while position >= ctx.start and words <= MODIFIER_GAP + 1:
        if tokens.norm[position] in light_verbs:
            return position
        if tokens.text[position] == "-":
            position -= 2
            continue
        if tokens.text[position] in ALL_QUOTES:
            position -= 1  # 'made "significant concessions"'
            continue
        if tokens.is_punct[position]:
            return None
        words += 1
        position -= 1
    return None


def auxiliary_have(ctx: SentenceContext, light: int, lexicon: CueLexicon) -> bool:
    """ "had received", "has taken": "have" before a participle is an auxiliary."""
    tokens = ctx.tokens
    if tokens.norm[light] not in PERFECT_HAVE:
        return False
    following = light + 1
    while following < ctx.end and tokens.norm[following] in lexicon.words["verb_adverbs"]:
        following += 1
    if following >= ctx.end or not tokens.is_lower[following]:
        return False
    word = tokens.norm[following]
    return word.endswith(("ed", "en")) or word in lexicon.words["irregular_participles"]


def infinitive_after_agent(ctx: SentenceContext, cue: Cue) -> int | None:
    """The verb of "to <verb>" after a noun's "by/from X" ("an offer by Turkey to host")."""
    tokens = ctx.tokens
    position = cue.end
    if position + 1 < ctx.end and tokens.lower[position] in AGENT_PREPOSITIONS:
        agent = mention_at(ctx.mentions, position + 1)
        if agent is None:
            return None
        position = agent.end
    if position == cue.end or position + 1 >= ctx.end or tokens.lower[position] != "to":
        return None
    return position + 1


def object_is(ctx: SentenceContext, start: int, list_name: str, lexicon: CueLexicon) -> bool:
    """The head of the object starting at ``start`` ("the Kremlin's latest claims") is in
    the word list."""
    tokens = ctx.tokens
    for position in range(start, min(ctx.end, start + 5)):
        if tokens.norm[position] in lexicon.words[list_name]:
            return True
        skippable = (
            tokens.lower[position] in NOUN_OPENERS
            or tokens.lower[position] in POSSESSIVE_MARKS
            or mention_at(ctx.mentions, position) is not None
            or (tokens.is_alpha[position] and tokens.is_lower[position])
        )
        if not skippable:
            return False
    return False


PREDICATE_REACH = 4  # words between the copula and the noun ("is an absolutely vital condition")
PREDICATE_COPULAS = frozenset(
    {"is", "was", "are", "were", "be", "remains", "remained", "remain", "becomes", "became"}
)


def predicate_noun(ctx: SentenceContext, cue: Cue, lexicon: CueLexicon) -> bool:
    """ "That is an absolutely vital condition", "the withdrawal remained a key condition": a
    condition named as the predicate of a copula, with no negation before it."""
    tokens = ctx.tokens
    if tokens.norm[cue.end - 1] not in lexicon.words["predicate_demand_nouns"]:
        return False
    for position in range(cue.start - 1, max(ctx.start, cue.start - PREDICATE_REACH) - 1, -1):
        word = tokens.lower[position]
        if word in PREDICATE_COPULAS:
            return True
        if lexicon.has("negations", word) or not tokens.is_alpha[position]:
            return False
    return False
