"""Parties joined to a subject: "France, along with Germany and Poland, ..." and the
serial comma of a list of names ("Latvia, Estonia, and Finland")."""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.extract.cues import DocTokens
from pipeline.extract.grammar.tokens import marked_possessive, mention_at
from pipeline.function_words import ARTICLES, POSSESSIVE_PRONOUNS
from pipeline.knowledge.cues import CueLexicon


def serial_comma(tokens: DocTokens, joiner: int, mentions: list[Span]) -> bool:
    """ "A, B, and C": a comma before "and" inside a list of names, not ", and" joining a
    clause ("annexed by Moscow, and Kyiv has refused")."""
    if joiner < 2 or tokens.text[joiner - 1] != ",":
        return False
    previous = mention_at(mentions, joiner - 2)
    if previous is None or previous.start < 2 or tokens.text[previous.start - 1] != ",":
        return False
    return mention_at(mentions, previous.start - 2) is not None


ACCOMPANYING_REACH = 4  # words of a title before a name ("along with British Prime Minister")
NAME_OPENERS = ARTICLES | POSSESSIVE_PRONOUNS


def accompanying(
    tokens: DocTokens, subject: Span, mentions: list[Span], lexicon: CueLexicon
) -> list[Span]:
    """ "France, along with Germany and Poland, demanded ...": the parties joined to the
    subject by "along with", "together with" ... hold the claim with it."""
    position = subject.end + (subject.end < len(tokens) and tokens.text[subject.end] == ",")
    length = accompanying_phrase(tokens, position, lexicon)
    if not length:
        return []
    found: list[Span] = []
    position += length
    while position < len(tokens):
        mention = _next_name(tokens, position, mentions)
        if mention is None or marked_possessive(tokens, mention):
            break
        found.append(mention)
        position = mention.end
        if position >= len(tokens) or tokens.lower[position] not in {",", "and"}:
            break  # "..., along with Germany, demanded": the list ends
        while position < len(tokens) and tokens.lower[position] in {",", "and"}:
            position += 1
    return found


def accompanying_phrase(tokens: DocTokens, position: int, lexicon: CueLexicon) -> int:
    """The length of an "along with" / "as well as" phrase at ``position``, or 0."""
    phrases = lexicon.words["accompanying_phrases"]
    return next(
        (n for n in (1, 2, 3) if " ".join(tokens.lower[position : position + n]) in phrases), 0
    )


def _next_name(tokens: DocTokens, position: int, mentions: list[Span]) -> Span | None:
    """The mention at ``position`` or after a few words of a title or determiner ("the",
    "its", "British Prime Minister"), not across a lower-case word or a mark."""
    for index in range(position, min(len(tokens), position + ACCOMPANYING_REACH)):
        mention = mention_at(mentions, index)
        if mention is not None:
            return mention
        word = tokens.lower[index]
        if tokens.is_punct[index] or (tokens.is_lower[index] and word not in NAME_OPENERS):
            return None
    return None
