"""Who speaks: reporting verbs, their speakers and content, sources and carried quotes."""

from __future__ import annotations

import pytest
from grammar_sentences import LEXICON, index_of, label, sentence

from pipeline.extract.grammar.speech import find_according_to, owned_view_noun


def speakers(text: str) -> list[tuple[str, str | None]]:
    ctx = sentence(text)
    return [(ctx.tokens.text[s.verb], label(s.speaker)) for s in ctx.speeches]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[Lavrov]{lavrov} said [Kyiv]{kyiv} must withdraw .", [("said", "lavrov")]),
        ("[Kyiv]{kyiv} must withdraw , [Lavrov]{lavrov} said .", [("said", "lavrov")]),
        ('" We will not accept it , " said [Rubio]{rubio} .', [("said", "rubio")]),
        # An unnamed source still reports, but names nobody.
        ("[Kyiv]{kyiv} will withdraw , a senior official said .", [("said", None)]),
        # "called for" asks for something; it reports nothing.
        ("[Kyiv]{kyiv} called for a truce .", []),
        # "the statement": a noun, not a reporting verb.
        ("[Kyiv]{kyiv} rejected the statement .", []),
    ],
)
def test_find_speeches_pairs_reporting_verbs_with_speakers(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert speakers(text) == expected


def test_a_trailing_attribution_reports_the_clause_before_the_comma() -> None:
    ctx = sentence("[Russia]{russia} will never accept it , [Lavrov]{lavrov} said .")
    (speech,) = ctx.speeches
    assert (speech.content_start, speech.content_end) == (ctx.start, index_of(ctx, ","))


def test_find_according_to_names_the_source() -> None:
    ctx = sentence("According to [Peskov]{peskov} , talks will resume .")
    assert label(find_according_to(ctx, LEXICON)) == "peskov"
    assert find_according_to(sentence("Talks will resume ."), LEXICON) is None


def test_owned_view_noun_finds_a_view_owned_by_an_actor() -> None:
    ctx = sentence("[Trump]{trump} 's view is that talks should resume .")
    assert owned_view_noun(ctx.tokens, ctx.mentions[0], ctx.end, LEXICON) == index_of(ctx, "view")
    assert label(ctx.speaker_for(index_of(ctx, "resume"))) == "trump"


def test_a_quote_continued_from_the_sentence_before_keeps_its_speaker() -> None:
    first = sentence("[Zelensky]{zelensky} said : “ We will not give up land .")
    second = sentence("We will not trade it . ”", previous=first)
    assert label(second.carried_speaker) == "zelensky"
