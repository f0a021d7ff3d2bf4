"""Headline grammar: attribution without a reporting verb, and "X to V" for "X will V".

Headlines drop the reporting verb: the actor named first, then a colon, then what the
actor says ("Kremlin: Ukraine must withdraw from Donbas", "Peskov on the peace formula:
Kyiv must leave"); or what is said, then a dash and the speaker's name ("Russia rules out
a deal - Lavrov"). Body text gives a speaker's words after a colon too ("Lavrov: We insist
..." in an interview), but there the colon more often opens a list or an explanation
("Russia has one goal: ..."), so only headline-shaped lines read these marks as speech.
Headlines also drop "will": "US to propose a deal" says the U.S. will propose it.
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


def announced_act(ctx: SentenceContext, verb: int) -> bool:
    """ "US to propose Crimea recognition": in a headline, "to" right after the actor that
    opens the line announces that actor's act, as "will" would."""
    to = verb - 1
    if to <= ctx.start or ctx.tokens.lower[to] != "to" or not is_headline_text(ctx.text):
        return False
    subject = next((m for m in ctx.mentions if m.end == to), None)
    return subject is not None and subject.start == ctx.start
