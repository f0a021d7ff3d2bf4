"""Sentence boundaries for news copy without a trained model.

spaCy's rule sentencizer splits only on terminal punctuation. Web copies of
news also break sentences at paragraph ends and after headlines without a
full stop, and put closing quotes after the full stop. This component marks
a sentence start:
  * after any token followed by a line break (paragraphs, headlines);
  * after terminal punctuation (. ! ? …) and any closing quotes/brackets
    behind it, when the next token opens a sentence (capital letter, digit or
    opening quote).
Abbreviations such as "U.S.", "Mr." and "Gen." are single tokens for the
English tokenizer, so they never count as terminal punctuation.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

TERMINALS = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
CLOSERS = frozenset({'"', "'", "”", "’", ")", "]", "»"})
OPENERS = frozenset({'"', "'", "“", "‘", "(", "[", "«", "—", "-"})


def _opens_sentence(token: Token) -> bool:
    first = token.text[:1]
    return first.isupper() or first.isdigit() or token.text in OPENERS


def _ends_with_break(token: Token) -> bool:
    return "\n" in token.whitespace_ or (token.is_space and "\n" in token.text)


MAX_SENTENCE_CHARS = 2000  # longer "sentences" are run-together page text, not prose


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

    def __call__(self, doc: Doc) -> Doc:
        news_sentencizer(doc)
        cap_length(doc, self.max_chars)
        return doc


def cap_length(doc: Doc, max_chars: int) -> None:
    """Start a new sentence before the token that would take one past ``max_chars``,
    so a page collapsed onto one line never becomes one giant table cell."""
    start_char = 0
    for token in doc:
        if token.is_sent_start:
            start_char = token.idx
        elif token.idx + len(token.text) - start_char > max_chars:
            token.is_sent_start = True
            start_char = token.idx


def news_sentencizer(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on every token (True or False) by the rules above."""
    if len(doc) == 0:
        return doc
    starts = [False] * len(doc)
    starts[0] = True
    index = 0
    while index < len(doc) - 1:
        token = doc[index]
        if _ends_with_break(token):
            starts[index + 1] = True
        elif token.text in TERMINALS:
            end = index
            while end + 1 < len(doc) and doc[end + 1].text in CLOSERS and not doc[end].whitespace_:
                end += 1
            nxt = end + 1
            if nxt < len(doc) and (_opens_sentence(doc[nxt]) or _ends_with_break(doc[end])):
                starts[nxt] = True
            index = end
        index += 1
    for token, start in zip(doc, starts, strict=True):
        token.is_sent_start = start
    return doc
