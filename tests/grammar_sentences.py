"""Hand-made sentences for the grammar floor's unit tests.

A sentence is written with its tokens separated by spaces and its actor mentions in
brackets with the actor id (and, after a colon, how it was found): ``"[Putin]{putin}
rejected the plan ."``, ``"[Russian]{russia:adjective} officials ..."``. No model runs, so
the tests see exactly the tokens and mentions written.
"""

from __future__ import annotations

import re

import spacy
from spacy.tokens import Doc, Span

from pipeline.extract.cues import Cue, DocTokens
from pipeline.extract.grammar.sentence import SentenceContext
from pipeline.extract.grammar.speech import build_context
from pipeline.knowledge.cues import CueEntry, CueLexicon, load_cue_lexicon

LEXICON: CueLexicon = load_cue_lexicon()
VOCAB = spacy.blank("en").vocab  # English lexical flags (is_punct, is_alpha), no model
PIECE = re.compile(r"\[([^\]]+)\]\{([^}]+)\}|(\S+)")


def sentence(marked: str, previous: SentenceContext | None = None) -> SentenceContext:
    """The context of one marked-up sentence (see the module docstring)."""
    words: list[str] = []
    marks: list[tuple[int, int, str, str]] = []
    for piece in PIECE.finditer(marked):
        if piece.group(3) is not None:
            words.append(piece.group(3))
            continue
        start = len(words)
        words += piece.group(1).split()
        label, _, via = piece.group(2).partition(":")
        marks.append((start, len(words), label, via or "alias"))
    doc = Doc(VOCAB, words=words, sent_starts=[True] + [False] * (len(words) - 1))
    mentions = [Span(doc, start, end, label=label, kb_id=via) for start, end, label, via in marks]
    return build_context(doc[:], mentions, LEXICON, previous, DocTokens.of(doc))


def index_of(ctx: SentenceContext, word: str, nth: int = 0) -> int:
    """The doc position of the ``nth`` token written ``word``."""
    found = [i for i in range(ctx.start, ctx.end) if ctx.tokens.text[i] == word]
    return found[nth]


def cue(
    ctx: SentenceContext,
    words: str,
    claim_type: str = "demand",
    kind: str = "verb",
    lemma: str = "",
) -> Cue:
    """A cue on the first run of ``words`` in the sentence."""
    parts = words.split()
    texts = ctx.tokens.text
    for start in range(ctx.start, ctx.end - len(parts) + 1):
        if list(texts[start : start + len(parts)]) == parts:
            entry = CueEntry(claim_type, kind, lemma or parts[0].lower(), (words.lower(),))
            return Cue(start, start + len(parts), words, entry)
    raise ValueError(f"{words!r} is not in the sentence")


def label(span: Span | None) -> str | None:
    return span.label_ if span is not None else None
