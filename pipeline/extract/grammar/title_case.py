"""Title Case lines ("Kremlin Rejects Ceasefire Proposal") read as if written in lower case.

Rules tell a verb or a common noun from a name by its case: "rejects" is a word,
"Rejects" in mid sentence is part of a name ("Coalition of the Willing"). In a Title
Case headline or subheading every content word is capitalised, so case says nothing;
its words outside actor mentions are read as lower-case words, and its actor mentions,
found case-blind by the actor ruler, stay names.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Span

from pipeline.extract.cues import DocTokens
from pipeline.extract.grammar.sentence import is_headline_text
from pipeline.function_words import TITLE_CASE_SMALL_WORDS

MIN_CONTENT_WORDS = 2  # "Putin Refuses" is too short to tell Title Case from names


def is_title_case(words: Sequence[str], names: Sequence[bool]) -> bool:
    """Every content word after the first is capitalised, and there are at least two.

    ``names`` marks the words inside actor mentions, which are capitalised in any case.
    A line in capitals throughout ("KREMLIN REJECTS TRUCE") counts too.
    """
    content = [
        word
        for word, name in zip(words[1:], names[1:], strict=True)
        if word.isalpha() and not name and word.lower() not in TITLE_CASE_SMALL_WORDS
    ]
    return len(content) >= MIN_CONTENT_WORDS and all(word[0].isupper() for word in content)


def read_title_case(tokens: DocTokens, sentences: Sequence[tuple[Span, list[Span]]]) -> DocTokens:
    """``tokens`` with the words of Title Case headline lines marked lower case (and not
    title case); acronyms stay as written unless the whole line is in capitals."""
    lowered: list[int] = []
    for sent, mentions in sentences:
        if not is_headline_text(tokens.span_text(sent)):
            continue
        named = {i for mention in mentions for i in range(mention.start, mention.end)}
        positions = range(sent.start, sent.end)
        words = [tokens.text[i] for i in positions]
        if not is_title_case(words, [i in named for i in positions]):
            continue
        capitals = all(w.isupper() for w in words if w.isalpha())
        lowered += [
            i
            for i in positions
            if i not in named
            and tokens.is_alpha[i]
            and not tokens.is_lower[i]
            and (capitals or tokens.is_title[i])
        ]
    if not lowered:
        return tokens
    is_lower, is_title = list(tokens.is_lower), list(tokens.is_title)
    for i in lowered:
        is_lower[i], is_title[i] = True, False
    return replace(tokens, is_lower=tuple(is_lower), is_title=tuple(is_title))
