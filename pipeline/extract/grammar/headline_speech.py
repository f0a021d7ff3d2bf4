"""Headline attribution without a reporting verb: "Kremlin: Ukraine must withdraw from
Donbas", "Peskov on the peace formula: Kyiv must leave", "Russia rules out a deal - Lavrov".

Headlines drop the reporting verb: the actor named first, then a colon, then what the
actor says; or what is said, then a dash and the speaker's name. Body text gives a
speaker's words after a colon too ("Lavrov: We insist ..." in an interview), but there the
colon more often opens a list or an explanation ("Russia has one goal: ..."), so only
headline-shaped lines read these marks as speech.
"""

from __future__ import annotations

from pipeline.extract.grammar.sentence import SentenceContext, Speech, is_headline_text
from pipeline.extract.grammar.tokens import marked_possessive

COLON_REACH = 7  # tokens between the speaker and the colon ("comments on 'Anchorage formula'")
TERMINAL_MARKS = frozenset({".", "!", "?", ";"})


DASHES = frozenset({"-", "–", "—", "--"})


def headline_speech(ctx: SentenceContext) -> list[Speech]:
    """The speech of a headline line that names its speaker by a colon or a dash, if any."""
    if not ctx.mentions or not is_headline_text(ctx.text):
        return []
    return colon_speech(ctx) or dash_speech(ctx)


def colon_speech(ctx: SentenceContext) -> list[Speech]:
    """ "Kremlin: ...", "Peskov on the formula: ...": the actor opening the line speaks."""
    tokens = ctx.tokens
    speaker = min(ctx.mentions, key=lambda mention: mention.start)
    if speaker.start != ctx.start or marked_possessive(tokens, speaker):
        return []  # "Putin's terms: ..." names a demand, not a speaker
    for position in range(speaker.end, min(ctx.end - 1, speaker.end + COLON_REACH + 1)):
        if tokens.text[position] in TERMINAL_MARKS:
            return []
        if tokens.text[position] == ":" and not ctx.quoted(position):
            return [Speech(position, speaker, position + 1, ctx.end)]
    return []


def dash_speech(ctx: SentenceContext) -> list[Speech]:
    """ "Russia rules out a deal - Lavrov": the actor closing the line after a dash speaks."""
    tokens = ctx.tokens
    end = ctx.end
    while end > ctx.start and tokens.text[end - 1].isspace():
        end -= 1
    speaker = max(ctx.mentions, key=lambda mention: mention.end)
    dash = speaker.start - 1
    if speaker.end != end or dash <= ctx.start or tokens.text[dash] not in DASHES:
        return []
    return [Speech(dash, speaker, ctx.start, dash)]
