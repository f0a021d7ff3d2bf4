"""Words the subject search steps over between a subject and its verb: a short bracketed
aside ("Meloni on Tuesday (June 3) urged"), scare quotes around the verb ("he was ‘ready’
to"), a time adverbial inside a perfect ("Kyiv has for weeks demanded")."""

from __future__ import annotations

from pipeline.extract.cues import DocTokens
from pipeline.extract.grammar.sentence import SentenceContext
from pipeline.extract.grammar.tokens import ALL_QUOTES, BOUNDARIES
from pipeline.function_words import HAVE_FORMS


def scare_quote(tokens: DocTokens, index: int) -> bool:
    """Quote marks around the one word at ``index`` (‘ready’, “rejected”)."""
    return index + 1 < len(tokens) and tokens.text[index + 1] in ALL_QUOTES | {"’"}


ASIDE_REACH = 8  # words inside "(May 12)" or "(R-Texas)" between a subject and its verb


def aside_opening(tokens: DocTokens, closing: int, floor: int) -> int | None:
    """The "(" of a short bracketed aside that closes at ``closing``; None if there is none."""
    for position in range(closing - 1, max(floor, closing - ASIDE_REACH) - 1, -1):
        text = tokens.text[position]
        if text == "(":
            return position
        if text in BOUNDARIES or text in ALL_QUOTES:
            return None
    return None


# Prepositions of a time adverbial between "has" and its participle ("has for weeks demanded").
TIME_PREPOSITIONS = frozenset({"for", "in", "since", "over", "throughout", "during"})
ADVERBIAL_REACH = 5


def perfect_across_adverbial(ctx: SentenceContext, before: int) -> bool:
    """ "has for weeks", "have in recent days", "had since the summit": a perfect whose
    participle follows a short time adverbial, so the verb has its own subject."""
    tokens = ctx.tokens
    for position in range(before, max(ctx.start, before - ADVERBIAL_REACH), -1):
        if tokens.is_punct[position]:
            return False
        if tokens.lower[position] in HAVE_FORMS:
            return position < before and tokens.lower[position + 1] in TIME_PREPOSITIONS
    return False
