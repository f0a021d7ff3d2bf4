"""Subjects: the actor a verb belongs to, the actors coordinated with it, and the
signs that a verb has a subject of its own or none (a relative, a reduced relative)."""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.extract.cues import Cue, DocTokens
from pipeline.extract.grammar.accompanying import (
    accompanying,
    accompanying_phrase,
    serial_comma,
)
from pipeline.extract.grammar.asides import aside_opening, perfect_across_adverbial, scare_quote
from pipeline.extract.grammar.sentence import SentenceContext, is_boundary
from pipeline.extract.grammar.tokens import (
    ALL_QUOTES,
    BOUNDARIES,
    QUOTES,
    marked_possessive,
    mention_at,
    mention_ending_before,
)
from pipeline.function_words import (
    CLAUSE_PREPOSITIONS,
    COORDINATORS,
    HAVE_FORMS,
    INDEFINITE_PRONOUNS,
    POSSESSIVE_PRONOUNS,
    PREPOSITIONS,
    RELATIVE_OPENERS,
    RELATIVE_PRONOUNS,
    RELATIVE_SUBJECTS,
    TENSE_AUXILIARIES,
    VERB_GROUP_WORDS,
    WILL_FORMS,
)
from pipeline.knowledge.cues import CueLexicon


def left_subject(
    tokens: DocTokens, index: int, mentions: list[Span], lexicon: CueLexicon, floor: int
) -> Span | None:
    """Nearest actor mention left of ``index`` that can be a subject, within the clause.

    Mentions governed by a preposition ("talks with Putin") and demonyms not
    followed by a group noun ("Russian territory") are passed over; a possessor
    is the subject only of a group noun ("Putin's aides want") or of a
    participle right after it ("Trump's proposed truce"), otherwise the search
    stops ("Trump's idea requires": the idea is the subject). It also stops at
    clause boundaries such as ";" or "which".
    """
    shared = _shared_subject(tokens, index, mentions, lexicon, floor)
    if shared is not None:
        return shared
    enclosed, subject = _parenthetical_subject(tokens, index, mentions, lexicon, floor)
    if enclosed:
        return subject
    position = index - 1
    if position > floor and tokens.text[position] in ALL_QUOTES and scare_quote(tokens, index):
        position -= 1  # he was ‘ready’ to: the marks around one word open no quotation
    while position >= floor:
        mention = mention_at(mentions, position) if mentions else None
        if mention is not None:
            if marked_possessive(tokens, mention):
                following = mention.end + 1
                if following == index or (
                    following < len(tokens)
                    and tokens.norm[following] in lexicon.words["group_nouns"]
                    and tokens.norm[following] not in lexicon.words["other_groups"]
                ):
                    return mention
                return None
            if can_be_subject(tokens, mention, lexicon) or _clause_subject(
                tokens, mention, index, lexicon
            ):
                return mention
            position = mention.start - 1
            continue
        if tokens.text[position] == ")":
            opening = aside_opening(tokens, position, floor)
            if opening is not None:
                position = opening - 1  # "Meloni on Tuesday (June 3) urged": an aside
                continue
        after_auxiliary = position > floor and tokens.lower[position - 1] in TENSE_AUXILIARIES
        boundary = is_boundary(tokens, position, lexicon) and not after_auxiliary
        if boundary and tokens.lower[position] in RELATIVE_PRONOUNS:
            # "Putin, who has long demanded ...": the relative pronoun stands for the name
            antecedent = _before_comma(tokens, position, mentions, lexicon, floor)
            return antecedent
        if boundary or tokens.text[position] in QUOTES:
            return None
        position -= 1
    return None


PARENTHESIS_REACH = 16  # words inside ", the head of Zelensky's office," before a verb


def _before_comma(
    tokens: DocTokens, comma: int, mentions: list[Span], lexicon: CueLexicon, floor: int
) -> Span | None:
    """The actor named right before the comma that precedes ``comma`` + 1."""
    if comma - 1 < floor or tokens.text[comma - 1] != ",":
        return None
    mention = mention_ending_before(mentions, comma - 1)
    if mention is None or marked_possessive(tokens, mention):
        return None
    if mention.kb_id_ != "adjective":
        return mention  # "a disappointment for Zelensky, who had hoped": a preposition's
        # object is still the antecedent of "who"
    return mention if can_be_subject(tokens, mention, lexicon) else None


def _authored_by(
    tokens: DocTokens, start: int, end: int, mentions: list[Span], lexicon: CueLexicon
) -> Span | None:
    """The agent of ", drafted by X," or ", drawn up by envoy X,": an authoring participle
    opening the parenthesis, then "by" and an actor."""
    if start >= end or tokens.norm[start] not in lexicon.words["authoring_participles"]:
        return None
    for position in range(start + 1, min(end, start + 4)):
        if tokens.lower[position] == "by":
            for after in range(position + 1, min(end, position + 4)):
                found = mention_at(mentions, after)
                if found is not None:
                    return found
            return None
    return None


def _parenthetical_subject(
    tokens: DocTokens, index: int, mentions: list[Span], lexicon: CueLexicon, floor: int
) -> tuple[bool, Span | None]:
    """ "Yermak, the head of Zelensky's office, said" and "The plan, which Moscow
    rejected, called for": a verb right after a closing comma takes its subject from
    before the opening comma, an actor or (None) a thing. False when there is no such
    parenthesis."""
    if tokens.lower[index].endswith("ing"):
        return False, None  # "..., rejecting the proposal": a participle of the main clause
    position = index - 1
    adverbs = lexicon.words["verb_adverbs"]
    while position >= floor and (
        tokens.norm[position] in adverbs or tokens.lower[position] in TENSE_AUXILIARIES
    ):
        position -= 1
    if position <= floor or tokens.text[position] != ",":
        return False, None
    for opening in range(position - 1, max(floor, position - PARENTHESIS_REACH) - 1, -1):
        text = tokens.text[opening]
        if text in BOUNDARIES or text in ALL_QUOTES:
            return False, None
        if text == ",":
            adverbial = is_boundary(tokens, opening + 1, lexicon) and (
                tokens.lower[opening + 1] not in RELATIVE_OPENERS
            )
            if accompanying_phrase(tokens, opening + 1, lexicon):
                adverbial = False  # "Germany, as well as France, insisted": more holders
            if opening == position - 1 or adverbial:
                return False, None  # an adverbial clause ("while ...") keeps the old search
            subject = mention_ending_before(mentions, opening)
            group = mention_ending_before(mentions, opening - 1)
            demonym = group is not None and group.kb_id_ == "adjective"
            if (
                subject is None
                and demonym
                and tokens.norm[opening - 1] in lexicon.words["group_nouns"]
            ):
                subject = group  # "European officials, for their part, have rejected"
            inner = mention_at(mentions, opening + 1)
            if inner is not None and inner.start == opening + 1 and inner.end == position:
                return True, inner  # "Germany's chancellor, Friedrich Merz, called for ..."
            if subject is None:
                # "The draft, drawn up by Witkoff, called for ...": the document's author
                return True, _authored_by(tokens, opening + 1, position, mentions, lexicon)
            if marked_possessive(tokens, subject):
                return True, None
            return True, subject if can_be_subject(tokens, subject, lexicon) else None
    return False, None


def _shared_subject(
    tokens: DocTokens, index: int, mentions: list[Span], lexicon: CueLexicon, floor: int
) -> Span | None:
    """ "Moscow accepted the U.S. offer but rejected a truce": a verb right after "but" or
    "and" has no subject of its own and shares the clause's first subject, not the
    nearest name, which sits in the first verb's object."""
    position = index - 1
    while position >= floor and tokens.norm[position] in lexicon.words["verb_adverbs"]:
        position -= 1
    if position < floor or tokens.lower[position] not in COORDINATORS:
        return None
    start = floor
    for before in range(position - 1, floor - 1, -1):
        if is_boundary(tokens, before, lexicon):  # an inline quote ("said the plan “could
            start = before + 1  # be a basis” but warned") does not open the clause
            break
    reported = _reported_subject(tokens, start, position, mentions, lexicon)
    if reported is not None:
        return reported
    for mention in mentions:
        if start <= mention.start and mention.end <= position:
            if marked_possessive(tokens, mention) or not can_be_subject(tokens, mention, lexicon):
                return None  # the clause does not open with its subject: no guess
            return mention
    return None


def _reported_subject(
    tokens: DocTokens, start: int, coordinator: int, mentions: list[Span], lexicon: CueLexicon
) -> Span | None:
    """ "Witkoff said Putin had agreed to a freeze but wanted more": a verb after "but"
    continues the reported clause nearest to it and shares its subject, unless that
    clause's verb has a modal the bare verb cannot share ("Rubio said Washington would
    lift sanctions and urged Moscow ...": Rubio urged)."""
    speech_verbs = lexicon.words["speech_verbs"]
    verbs = [
        i
        for i in range(start, coordinator)
        if tokens.norm[i] in speech_verbs and tokens.is_lower[i] and not tokens.is_punct[i]
    ]
    if not verbs or tokens.lower[verbs[-1]].startswith(("tell", "told")):
        return None  # "told Zelensky ...": the name after it is the listener
    first = verbs[-1] + 1
    if first < coordinator and tokens.lower[first] == "that":
        first += 1
    subject = mention_at(mentions, first)
    if subject is None or subject.start != first or subject.end >= coordinator:
        return None
    if marked_possessive(tokens, subject) or not can_be_subject(tokens, subject, lexicon):
        return None
    modals = lexicon.words["hypothetical_modals"] | WILL_FORMS
    if any(tokens.norm[i] in modals for i in range(subject.end, coordinator)):
        return None
    return subject


def _clause_subject(tokens: DocTokens, mention: Span, verb: int, lexicon: CueLexicon) -> bool:
    """ "after Russia demanded more land": after a conjunction that is also a preposition,
    a mention followed only by auxiliaries or adverbs and the verb is the verb's subject."""
    before = mention.start - 1
    if before < 0 or tokens.lower[before] not in CLAUSE_PREPOSITIONS or mention.end > verb:
        return False
    adverbs = lexicon.words["verb_adverbs"]
    return all(
        tokens.lower[i] in TENSE_AUXILIARIES or tokens.norm[i] in adverbs
        for i in range(mention.end, verb)
    )


def can_be_subject(tokens: DocTokens, mention: Span, lexicon: CueLexicon) -> bool:
    before = mention.start - 1
    if _member_of(tokens, mention, lexicon):
        return True  # "leaders from Europe demanded": the people stand for the party
    if before >= 0 and tokens.lower[before] in PREPOSITIONS:
        return False
    if before > 0 and tokens.lower[before] in {"and", "or"} and _joined_object(tokens, before):
        return False  # "talks between the West and Russia will continue"
    if (
        before >= 0
        and tokens.is_lower[before]
        and tokens.text[before].endswith("ing")
        and tokens.norm[before] not in lexicon.words["speech_verbs"]
        and tokens.lower[before] not in INDEFINITE_PRONOUNS
    ):
        return False  # "resisted meeting Zelensky": the object of a gerund
    if (
        mention.start > 1
        and tokens.lower[mention.start - 1] == "the"
        and tokens.lower[mention.start - 2] in PREPOSITIONS
    ):
        return False
    if mention.kb_id_ == "adjective":
        following = mention.end
        return following < len(tokens) and tokens.norm[following] in lexicon.words["group_nouns"]
    return True


NAME_REACH = 4  # words of a name before "and" ("the United States and Russia")
PAIR_PREPOSITIONS = frozenset({"between", "among", "amongst"})


def _joined_object(tokens: DocTokens, conjunction: int) -> bool:
    """The second of a pair after "between" ("talks between the West and Russia will ..."):
    an "and" after other prepositions may join two clauses ("withdraw from Donetsk and the
    United States would lift ...")."""
    for position in range(conjunction - 1, max(-1, conjunction - 1 - NAME_REACH), -1):
        if tokens.lower[position] in PAIR_PREPOSITIONS:
            return position < conjunction - 1
        if not (tokens.is_title[position] or tokens.lower[position] == "the"):
            return False
    return False


def coordinated(
    tokens: DocTokens, subject: Span, mentions: list[Span], lexicon: CueLexicon
) -> list[Span]:
    """The subject with the actors joined to it: "Kyiv and its European allies",
    "Paris, Berlin and London". A comma joins only inside a list closed by "and"."""
    chain = [subject]
    position = subject.start - 1
    while position > 0:
        if tokens.lower[position] in POSSESSIVE_PRONOUNS:
            position -= 1
        joiner = tokens.lower[position] if position > 0 else ""
        if joiner not in {"and", ","} or (joiner == "," and len(chain) == 1):
            break
        if joiner == "and" and serial_comma(tokens, position, mentions):
            position -= 1  # "Latvia, Estonia, and Finland": a serial comma before "and"
        previous = mention_at(mentions, position - 1)
        if previous is None or not can_be_subject(tokens, previous, lexicon):
            break
        chain.insert(0, previous)
        position = previous.start - 1
    # The subject stays last: a later "that proposal" refers back to it (``antecedents``).
    return accompanying(tokens, subject, mentions, lexicon) + chain


def _member_of(tokens: DocTokens, mention: Span, lexicon: CueLexicon) -> bool:
    """ "leaders from Europe", "the officials of Kyiv": a member noun, then "of"/"from"."""
    before = mention.start - 1
    if before < 1 or tokens.lower[before] not in {"of", "from"}:
        return False
    return tokens.norm[before - 1] in lexicon.words["member_nouns"]


def has_own_subject(ctx: SentenceContext, cue: Cue, lexicon: CueLexicon) -> bool:
    """ "he rejected ...": an actor right before the verb, with no comma between, is its
    subject, so the verb is active and a later "by" is not its agent; so is a perfect
    ("has repeatedly rejected as unacceptable a proposal by ...")."""
    before = cue.start - 1
    while before > ctx.start and ctx.tokens.norm[before] in lexicon.words["verb_adverbs"]:
        before -= 1
    if before >= ctx.start and ctx.tokens.lower[before] in HAVE_FORMS:
        return True
    if perfect_across_adverbial(ctx, before):
        return True  # "Kyiv has for weeks demanded ..."
    return before >= ctx.start and mention_ending_before(ctx.mentions, before + 1) is not None


# Words between a first-person subject and its verb ("we are not going to give away").
FIRST_PERSON_GAP = 6


def first_person_subject(ctx: SentenceContext, cue: Cue, lexicon: CueLexicon) -> int | None:
    tokens = ctx.tokens
    for position in range(cue.start - 1, max(ctx.start, cue.start - FIRST_PERSON_GAP) - 1, -1):
        if mention_at(ctx.mentions, position) is not None:
            continue  # "the US proposed": an actor's name spelt like "us" is no first person
        if tokens.norm[position] in lexicon.words["first_person"]:
            if mention_at(ctx.mentions, position) is not None:
                return None  # "the US proposed": the country, not "us"
            return position
        if tokens.is_punct[position]:
            return None
    return None


def opens_relative(ctx: SentenceContext, index: int, lexicon: CueLexicon) -> bool:
    """ "a deal that would require ...": the verb's subject is a relative pronoun."""
    tokens = ctx.tokens
    position = index - 1
    while position >= ctx.start and (
        tokens.norm[position] in lexicon.words["hypothetical_modals"]
        or tokens.norm[position] in lexicon.words["verb_adverbs"]
        or tokens.lower[position] in VERB_GROUP_WORDS - RELATIVE_SUBJECTS
    ):
        position -= 1
    return position >= ctx.start and tokens.lower[position] in RELATIVE_SUBJECTS


def reduced_relative(ctx: SentenceContext, cue: Cue, lexicon: CueLexicon) -> bool:
    """ "a withdrawal opposed by ...": an -ed form right after a common noun describes
    that noun; its agent, if any, follows "by", never the subject to the left."""
    tokens = ctx.tokens
    if cue.start <= ctx.start or not tokens.lower[cue.start].endswith("ed"):
        return False
    if tokens.lower[cue.start] == cue.entry.lemma.split()[0]:
        return False  # "we need": a bare verb ending in -ed is no participle
    before = cue.start - 1
    return (
        tokens.is_alpha[before]
        and tokens.is_lower[before]
        and mention_at(ctx.mentions, before) is None
        and tokens.norm[before] not in lexicon.words["group_nouns"]
        and tokens.norm[before] not in lexicon.words["verb_adverbs"]
        and not tokens.norm[before].endswith("ly")  # "Moscow flatly rejected"
        and tokens.lower[before] not in VERB_GROUP_WORDS
    )
