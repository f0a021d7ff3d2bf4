"""A sentence as the rules see it: its quotes, its reports and sources, its clause
boundaries, and whether it is a headline or a question."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Span

from pipeline.extract.cues import Cue, DocTokens
from pipeline.extract.grammar.tokens import BOUNDARIES
from pipeline.knowledge.cues import CueLexicon

if TYPE_CHECKING:
    from pipeline.extract.documents import DocumentRecord


@dataclass
class Speech:
    """A reporting verb, its speaker mention and the token range of what is reported."""

    verb: int
    speaker: Span | None
    content_start: int
    content_end: int


@dataclass
class SentenceContext:
    """Per-sentence facts the rules consult."""

    sent: Span
    mentions: list[Span]
    in_quote: list[bool]
    tokens: DocTokens  # the whole doc's token strings, indexed by doc position
    speeches: list[Speech] = field(default_factory=list)
    according_to: Span | None = None
    carried_speaker: Span | None = None  # a quote continuing from the previous sentence
    # The last holder of each claim type in the previous sentence ("... rejected the demand").
    antecedents: dict[str, Span] = field(default_factory=dict)
    # The documents of the article met so far and their authors (see ``documents``).
    documents: DocumentRecord | None = None
    # Positions after which nothing is asserted (see ``RuleSet.doubted``), computed once.
    doubted: list[int] | None = None
    # Read once: ``Span`` attributes are property calls, ``Span.text`` joins new Tokens.
    start: int = field(init=False)
    end: int = field(init=False)
    text: str = field(init=False)
    is_question: bool = field(init=False)

    def __post_init__(self) -> None:
        self.start = self.sent.start
        self.end = self.sent.end
        self.text = self.tokens.span_text(self.sent)
        self.is_question = self.text.rstrip(" \n\r\t\"'”’").endswith("?")

    def quoted(self, index: int) -> bool:
        return self.in_quote[index - self.start]

    def speech_for(self, index: int) -> Speech | None:
        """The report whose content holds token ``index``, innermost first."""
        if not self.speeches:
            return None
        holding = [s for s in self.speeches if s.content_start <= index < s.content_end]
        return min(holding, key=lambda s: s.content_end - s.content_start) if holding else None

    def speaker_for(self, index: int) -> Span | None:
        speech = self.speech_for(index)
        if speech is not None and speech.speaker is not None:
            return speech.speaker
        if self.quoted(index) and self.carried_speaker is not None:
            return self.carried_speaker
        return self.according_to

    @property
    def may_have_speaker(self) -> bool:
        """False when ``speaker_for`` is None for every token, so speaker rules can stop."""
        return (
            self.according_to is not None
            or self.carried_speaker is not None
            or any(s.speaker is not None for s in self.speeches)
        )


def is_boundary(tokens: DocTokens, index: int, lexicon: CueLexicon) -> bool:
    """A mark (";", "(") or a word ("which", "while") that opens a new clause."""
    if tokens.text[index] in BOUNDARIES:
        return True
    return tokens.norm[index] in lexicon.words["clause_openers"] and not demonstrative(
        tokens, index, lexicon
    )


def demonstrative(tokens: DocTokens, index: int, lexicon: CueLexicon) -> bool:
    """ "rejected that proposal": "that" before a singular noun of a proposal is a
    determiner; a "that" clause would need an article ("said that the deal ...")."""
    following = index + 1
    return (
        tokens.lower[index] == "that"
        and following < len(tokens)
        and tokens.norm[following] in lexicon.words["demonstrated_nouns"]
    )


# A headline, label or caption: a short line without final punctuation.
TERMINAL = (".", "!", "?", "…", '"', "'", "”", "’", ")")
HEADLINE_WORDS = 25


def is_headline_text(sentence: str) -> bool:
    """A short line without final punctuation: a headline, label or caption."""
    text = sentence.strip()
    return bool(text) and not text.endswith(TERMINAL) and len(text.split()) <= HEADLINE_WORDS


def in_quoted_question(ctx: SentenceContext, cue: Cue) -> bool:
    """A cue inside a quotation that ends with a question mark."""
    if not ctx.quoted(cue.start):
        return False
    text = ctx.tokens.text
    for position in range(cue.end, ctx.end):
        if not ctx.quoted(position):
            return text[position - 1] == "?"
        if text[position] == "?":
            return True
    return False
