"""Docs for texts longer than the tokenizer accepts in one call.

spaCy refuses a text over ``nlp.max_length`` characters (error E088), a guard
against the memory a trained parser needs (about 2.5 GB for a million
characters). Such a text is tokenized in pieces: each piece ends with a whole
run of whitespace and the next starts on a word, which is exactly where the
tokenizer itself separates tokens, so the joined Doc has the tokens, spaces
and text of the full document and every character offset taken from it
points into the document's text. A trained model's components (tagger,
parser, NER) run on each piece; the project's own components run on the
joined Doc, because they need the whole document (a pronoun or a surname
points back across paragraphs) and their memory grows only with its length.

Pieces end at the last line break in reach, else at the last sentence end,
else at the last space; only a run of ``max_length`` characters without any
whitespace is cut inside (two tokens instead of one, the same characters).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from itertools import pairwise
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.annotate.nlp import PROJECT_COMPONENTS

# Characters per piece at most (and no more than nlp.max_length): a trained parser
# needs about 250 MB for a piece this long.
PIECE_CHARS = 100_000

# Where a piece may end, best first: after a line break, after a sentence's last
# punctuation (and closing quotes), after any whitespace. The lookahead keeps the
# whole whitespace run in the piece, so the next piece starts on a word.
# Each match starts where its whitespace run starts and never backtracks (possessive
# quantifiers), so a window is scanned in linear time whatever its whitespace.
CUTS = (
    re.compile(r"(?<!\s)[^\S\n]*+\n\s*+(?=\S)"),
    re.compile(r"[.!?…][\"'”’)\]»]*+\s++(?=\S)"),
    re.compile(r"(?<!\s)\s++(?=\S)"),
)


def piece_ends(text: str, limit: int) -> list[int]:
    """Offsets where the pieces of ``text`` end: each piece has at most ``limit`` characters."""
    if limit < 1:
        raise ValueError(f"the piece limit must be positive, not {limit}")
    ends: list[int] = []
    start = 0
    while len(text) - start > limit:
        start = _cut(text, start, start + limit)
        ends.append(start)
    ends.append(len(text))
    return ends


def _cut(text: str, start: int, end: int) -> int:
    """The best end for the piece that starts at ``start`` and may not pass ``end``."""
    first = start  # past the whitespace a piece may start with: no cut there
    while first < end and text[first].isspace():
        first += 1
    for pattern in CUTS:
        last = None
        for last in pattern.finditer(text, first, end):  # noqa: B007 (the last one is wanted)
            pass
        if last is not None and last.end() > start:
            return last.end()
    run = end
    while run > start and text[run - 1].isspace():
        run -= 1
    if first < run < end:
        # The reach ends inside the only whitespace run: end the piece where the
        # tokenizer ends the word before it (after one space, kept as the word's).
        return run + (text[run] == " ")
    if first > start:
        return first  # a piece of whitespace alone, before a long word
    return end  # no whitespace in reach: a "word" longer than the limit


def make_long_doc(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)``, also for a text over ``nlp.max_length`` characters."""
    if len(text) <= nlp.max_length:
        return nlp.make_doc(text)
    return Doc.from_docs(tokenized_pieces(nlp, text), ensure_whitespace=False)


def tokenized_pieces(nlp: Language, text: str) -> list[Doc]:
    """The text's pieces, each tokenized on its own; their texts join into ``text``."""
    starts = [0, *piece_ends(text, min(PIECE_CHARS, nlp.max_length))]
    return [nlp.make_doc(text[a:b]) for a, b in pairwise(starts)]


def annotate_in_pieces(nlp: Language, text: str, metadata: Mapping[str, Any]) -> Doc:
    """The pipeline over a long text: a model's components piece by piece, the project's
    components (added after them) on the joined Doc, which carries ``metadata``."""
    pipeline = nlp.pipeline
    split = max(
        (i + 1 for i, (name, _) in enumerate(pipeline) if name not in PROJECT_COMPONENTS), default=0
    )
    pieces = tokenized_pieces(nlp, text)
    for _, component in pipeline[:split]:
        pieces = [component(piece) for piece in pieces]
    doc = Doc.from_docs(pieces, ensure_whitespace=False)  # the pieces carry no user_data
    doc.user_data.update(metadata)
    for _, component in pipeline[split:]:
        doc = component(doc)
    return doc
