"""Where a report names its speaker around the reported words ("X was quoted as saying",
"quoted X as saying", "As noted by X, ..."), and where a closing attribution's own words
stop ("..., X told journalists, according to ...")."""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.extract.cues import DocTokens
from pipeline.extract.grammar.sentence import SentenceContext
from pipeline.extract.grammar.tokens import mention_ending_before
from pipeline.function_words import BE_FINITE, CONTRASTIVE_CONJUNCTIONS
from pipeline.knowledge.cues import CueLexicon

QUOTING_VERBS = frozenset({"quoted", "quotes", "quoting", "cited", "cites", "citing"})


def quoted_as_saying(ctx: SentenceContext, index: int) -> Span | None:
    """ "Peskov quoted Putin as saying that ...": the one quoted speaks, not the one who
    quotes him."""
    tokens = ctx.tokens
    if index - 2 <= ctx.start or tokens.lower[index - 1] != "as":
        return None
    passive = quoted_as_start(tokens, index, ctx.start)  # "Peskov was quoted as saying"
    if passive is not None:
        return mention_ending_before(ctx.mentions, passive)
    quoted = mention_ending_before(ctx.mentions, index - 1)
    if quoted is None or quoted.start - 1 < ctx.start:
        return None
    return quoted if tokens.lower[quoted.start - 1] in QUOTING_VERBS else None


def quoted_after(ctx: SentenceContext, verb: int) -> bool:
    """Quoted words after a reporting verb, other than a quoted name ("he told the forum
    “Eurasian Dialogue”"): the verb does not only tag the quote before it."""
    tokens = ctx.tokens
    return any(
        ctx.quoted(i) and tokens.is_alpha[i] and not tokens.is_title[i]
        for i in range(verb, ctx.end)
    )


def source_tail(tokens: DocTokens, verb: int, end: int, lexicon: CueLexicon) -> int:
    """Where the attribution's own words stop: at a comma that names the report's source
    ("..., Zelensky told journalists, according to a local outlet."), adds a report of its
    own ("..., adding that ...") or opens a contrasting clause ("..., but Kyiv ..."), else
    ``end``."""
    for position in range(verb + 1, end - 1):
        if tokens.text[position] != ",":
            continue
        word, norm = tokens.lower[position + 1], tokens.norm[position + 1]
        adding = word.endswith("ing") and norm in lexicon.words["speech_verbs"]
        if adding or word in CONTRASTIVE_CONJUNCTIONS or norm in lexicon.words["source_tails"]:
            return position
    return end


QUOTED_FORMS = frozenset({"quoted", "cited"})


def quoted_as_start(tokens: DocTokens, verb: int, first: int) -> int | None:
    """Where "was quoted as" starts before "saying", if it does."""
    start = verb - 3
    if start < first or tokens.lower[verb - 1] != "as":
        return None
    if tokens.lower[verb - 2] not in QUOTED_FORMS or tokens.lower[start] not in BE_FINITE:
        return None
    return start


def as_noted_by(ctx: SentenceContext, index: int, lexicon: CueLexicon) -> bool:
    tokens = ctx.tokens
    return (
        tokens.lower[index] == "as"
        and index + 3 < ctx.end
        and tokens.norm[index + 1] in lexicon.words["speech_verbs"]
        and tokens.lower[index + 2] == "by"
    )
