"""Sentence boundaries for news copy without a trained model.

spaCy's rule sentencizer splits only on terminal punctuation. Web copies of
news also break sentences at paragraph ends and after headlines without a
full stop, and put closing quotes after the full stop. This component marks
a sentence start:
  * after any token followed by a line break (paragraphs, headlines);
  * after terminal punctuation (. ! ? …) and any closing quotes/brackets
    behind it, when the next token opens a sentence (capital letter, digit or
    opening quote) -- unless the full stop belongs to an abbreviation
    ("Lt. Col. Ray", "No. 10") or the quote is followed by its attribution
    ('"Why?" Putin asked.');
  * after an initialism such as "U.S." when the next word is one that opens
    sentences ("…talks with the U.S. The Kremlin said…").
No sentence is longer than a character cap, so a page collapsed onto one line
still yields table-sized rows; a forced break prefers a clause boundary.

The word lists live in ``resources/sentences.toml``. The rules read plain
lists of token texts: going through spaCy's Token objects for every check
cost more than the decisions themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import cast

import numpy
from spacy.attrs import ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc
from thinc.types import Ints2d

from pipeline.config import RESOURCES_DIR, read_toml

DEFAULT_SENTENCE_RULES = RESOURCES_DIR / "sentences.toml"

TERMINALS = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
EMPHATIC = frozenset({"!", "?", "?!", "!?"})
CLOSERS = frozenset({'"', "'", "”", "’", ")", "]", "»"})
QUOTE_CLOSERS = frozenset({'"', "'", "”", "’", "»"})
OPENERS = frozenset({'"', "'", "“", "‘", "(", "[", "«", "—", "-"})
# Where a forced break reads least badly: after a clause or list separator.
SOFT_BREAKS = frozenset({";", ":", ",", "—", "–", "|", "•"})
INITIALISM = re.compile(r"(?:[A-Za-z]\.)+")

MAX_SENTENCE_CHARS = 2000  # longer "sentences" are run-together page text, not prose


@dataclass(frozen=True)
class SentenceRules:
    """The word lists the boundary rules consult."""

    titles: frozenset[str]
    before_numbers: frozenset[str]
    sentence_openers: frozenset[str]
    speech_verbs: frozenset[str]
    max_name_words: int = 4


@cache
def load_sentence_rules(path: Path = DEFAULT_SENTENCE_RULES) -> SentenceRules:
    """Read the word lists once per process; every Doc uses the same rules."""
    data = read_toml(path)
    abbreviations = data.get("abbreviations", {})
    quotes = data.get("quotes", {})
    return SentenceRules(
        titles=frozenset(abbreviations.get("titles", ())),
        before_numbers=frozenset(abbreviations.get("before_numbers", ())),
        sentence_openers=frozenset(data.get("initialisms", {}).get("sentence_openers", ())),
        speech_verbs=frozenset(quotes.get("speech_verbs", ())),
        max_name_words=int(quotes.get("max_name_words", 4)),
    )


@Language.factory(
    "news_sentencizer",
    assigns=["token.is_sent_start"],
    default_config={"max_chars": MAX_SENTENCE_CHARS},
)
def make_news_sentencizer(nlp: Language, name: str, max_chars: int) -> NewsSentencizer:
    """Factory so the length cap is set in the pipeline config like any spaCy setting."""
    return NewsSentencizer(max_chars)


class NewsSentencizer:
    """Sentence starts by the rules above, and no sentence longer than ``max_chars``."""

    def __init__(self, max_chars: int = MAX_SENTENCE_CHARS) -> None:
        self.max_chars = max_chars
        self.rules = load_sentence_rules()

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        texts, spaces = token_columns(doc)
        starts = sentence_starts(texts, spaces, self.rules)
        cap_length(starts, texts, spaces, self.max_chars)
        set_sentence_starts(doc, starts)
        return doc


def token_columns(doc: Doc) -> tuple[list[str], list[str]]:
    """Each token's text and trailing whitespace, read once from the Doc's arrays.

    Reading the arrays avoids creating a Token object per token; a token's
    trailing whitespace is one space or nothing (longer runs are tokens).
    """
    strings = doc.vocab.strings
    columns = doc.to_array([ORTH, SPACY]).tolist()
    texts = [strings[orth] for orth, _ in columns]
    spaces = [" " if space else "" for _, space in columns]
    return texts, spaces


def set_sentence_starts(doc: Doc, starts: list[bool]) -> None:
    """Write all starts in one call; spaCy stores 1 for a start and -1 for "not a start"."""
    values = numpy.where(numpy.asarray(starts, dtype=bool), 1, -1).astype(numpy.int64)
    # spaCy types the array as thinc's Ints2d, which no numpy array is; it reads 1-D as one column.
    doc.from_array([SENT_START], cast(Ints2d, values.view(numpy.uint64)))


def _opens_sentence(text: str) -> bool:
    first = text[:1]
    return first.isupper() or first.isdigit() or text in OPENERS


def ends_with_break(text: str, space: str) -> bool:
    return "\n" in space or ("\n" in text and text.isspace())


def sentence_starts(
    texts: list[str], spaces: list[str], rules: SentenceRules | None = None
) -> list[bool]:
    """Whether each token starts a sentence; the first always does."""
    rules = rules or load_sentence_rules()
    count = len(texts)
    starts = [False] * count
    if count:
        starts[0] = True
    index = 0
    while index < count - 1:
        text = texts[index]
        if ends_with_break(text, spaces[index]):
            starts[index + 1] = True
        elif text in TERMINALS:
            if not _abbreviation_stop(texts, spaces, index, rules):
                end = _closers_end(texts, spaces, index)
                nxt = end + 1
                if nxt < count and _starts_after_terminal(texts, spaces, index, end, rules):
                    starts[nxt] = True
                index = end
        elif spaces[index] and INITIALISM.fullmatch(text):
            starts[index + 1] = texts[index + 1] in rules.sentence_openers
        index += 1
    return starts


def _closers_end(texts: list[str], spaces: list[str], index: int) -> int:
    """The last closing quote or bracket attached to the terminal at ``index``."""
    end = index
    while end + 1 < len(texts) and texts[end + 1] in CLOSERS and not spaces[end]:
        end += 1
    return end


def _starts_after_terminal(
    texts: list[str], spaces: list[str], terminal: int, end: int, rules: SentenceRules
) -> bool:
    """Does the token after the terminal (and its closers, up to ``end``) open a sentence?"""
    if ends_with_break(texts[end], spaces[end]):
        return True
    if not _opens_sentence(texts[end + 1]):
        return False
    quoted = end > terminal and texts[end] in QUOTE_CLOSERS
    return not (quoted and texts[terminal] in EMPHATIC and _attribution(texts, end + 1, rules))


def _abbreviation_stop(
    texts: list[str], spaces: list[str], index: int, rules: SentenceRules
) -> bool:
    """Is the full stop at ``index`` the end of an abbreviation the tokenizer split off?"""
    if texts[index] != "." or index == 0 or spaces[index - 1]:
        return False
    word = texts[index - 1]
    if word in rules.titles:
        return True
    nxt = texts[index + 1] if index + 1 < len(texts) else ""
    return word in rules.before_numbers and nxt[:1].isdigit()


def _attribution(texts: list[str], index: int, rules: SentenceRules) -> bool:
    """Do the tokens from ``index`` read "Name said"/"Name Name asked" (a quote's source)?"""
    for offset in range(rules.max_name_words):
        position = index + offset
        if position >= len(texts) or not texts[position][:1].isupper():
            return False
        if position + 1 < len(texts) and texts[position + 1] in rules.speech_verbs:
            return True
    return False


def cap_length(starts: list[bool], texts: list[str], spaces: list[str], max_chars: int) -> None:
    """Start a new sentence before the token that would take one past ``max_chars``,
    so a page collapsed onto one line never becomes one giant table cell. The break
    goes after the sentence's last clause separator when that keeps within the cap."""
    offsets = _offsets(texts, spaces)
    sentence_start = 0
    soft_break = -1
    for index, text in enumerate(texts):
        if starts[index]:
            sentence_start, soft_break = index, -1
        elif offsets[index] + len(text) - offsets[sentence_start] > max_chars:
            if soft_break > sentence_start and (
                offsets[index] + len(text) - offsets[soft_break + 1] <= max_chars
            ):
                sentence_start = soft_break + 1
            else:
                sentence_start = index
            starts[sentence_start] = True
            soft_break = -1
        if text in SOFT_BREAKS and spaces[index] and index > sentence_start:
            soft_break = index


def _offsets(texts: list[str], spaces: list[str]) -> list[int]:
    """Each token's character offset in the Doc text."""
    offsets = []
    offset = 0
    for text, space in zip(texts, spaces, strict=True):
        offsets.append(offset)
        offset += len(text) + len(space)
    return offsets


@Language.component("line_break_sentences", assigns=["token.is_sent_start"])
def line_break_sentences(doc: Doc) -> Doc:
    """Before a trained parser: a line break always ends a sentence, since a parser trained
    on running text joins a headline to the lede below it; the parser decides the rest."""
    texts, spaces = token_columns(doc)
    for index in range(1, len(texts)):
        if ends_with_break(texts[index - 1], spaces[index - 1]) and not texts[index].isspace():
            doc[index].is_sent_start = True
            if index + 1 < len(texts) and not texts[index + 1].isspace():
                doc[index + 1].is_sent_start = False  # else the parser may cut after one word
    return doc
