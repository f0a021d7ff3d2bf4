"""Quotes that run across sentences: which sentences open inside a quote, and who speaks
a quote whose attribution stands in its first or its last sentence."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span

from pipeline.extract.cues import DocTokens
from pipeline.extract.grammar.sentence import SentenceContext

# Only double quotes are carried from one sentence to the next: a single straight quote is
# as often an apostrophe ("the allies' plan") or a scare quote as a quotation.
DOUBLE_OPEN = frozenset({"“", "«"})
DOUBLE_CLOSE = frozenset({"”", "»"})
DOUBLE_TOGGLE = frozenset({'"'})


def open_after(texts: Sequence[str], open_at_start: bool) -> bool:
    """Whether a double quote is still open after these tokens. A sentence that opens with
    a closing mark ("”Of course, ...") opens a quote with it."""
    inside = open_at_start
    for position, text in enumerate(texts):
        if text in DOUBLE_OPEN:
            inside = True
        elif text in DOUBLE_CLOSE:
            inside = position == 0 and not inside
        elif text in DOUBLE_TOGGLE:
            inside = not inside
    return inside


def quote_openings(tokens: DocTokens, sents: Sequence[Span]) -> list[bool]:
    """For each sentence, whether it opens inside a quote begun in an earlier sentence of
    the same paragraph (a paragraph break closes every quote: a quote running on over
    paragraphs opens again on each)."""
    openings: list[bool] = []
    inside = False
    previous_end = 0
    for sent in sents:
        if inside and _paragraph_break(tokens, previous_end, sent.start):
            inside = False
        openings.append(inside)
        inside = open_after(tokens.text[sent.start : sent.end], inside)
        previous_end = sent.end
    return openings


def _paragraph_break(tokens: DocTokens, previous_end: int, start: int) -> bool:
    edges = range(max(0, previous_end - 2), min(len(tokens), start + 1))
    return any("\n" in tokens.text[i] for i in edges)


def carry_quote_speakers(contexts: Sequence[SentenceContext], openings: Sequence[bool]) -> None:
    """ "“We will never leave our land. This is our position,” Zelensky said.": every
    sentence of a quote that runs over several sentences is its speaker's, whether the
    attribution closes the quote or opens it."""
    first = 0
    for index in range(1, len(contexts) + 1):
        if index < len(contexts) and openings[index]:
            continue  # the quote runs on into this sentence
        run = contexts[first:index]
        if len(run) > 1:
            speaker = _closing_speaker(run[-1]) or _opening_speaker(run[0])
            for ctx in run:
                if speaker is not None and not any(s.speaker for s in ctx.speeches):
                    ctx.carried_speaker = speaker
        first = index


def _closing_speaker(ctx: SentenceContext) -> Span | None:
    """The speaker of an attribution after the quote's last word ("..., Zelensky said.")."""
    quoted = [i for i in range(ctx.start, ctx.end) if ctx.quoted(i)]
    if not quoted:
        return None
    tags = [s for s in ctx.speeches if s.verb > quoted[-1] and s.speaker is not None]
    return tags[0].speaker if tags else None


def _opening_speaker(ctx: SentenceContext) -> Span | None:
    """The speaker of an attribution before the quote opens ("Zelensky said: “...")."""
    quoted = [i for i in range(ctx.start, ctx.end) if ctx.quoted(i)]
    if not quoted:
        return None
    tags = [s for s in ctx.speeches if s.verb < quoted[0] and s.speaker is not None]
    return tags[-1].speaker if tags else None
