"""The extractor's shortcuts give what spaCy and the topic lexicon give (sentences written
for these tests, none copied from the seeds)."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable

import pytest
from spacy.tokens import Doc, Span

from pipeline.annotate.linker import sentence_mentions
from pipeline.extract.claims import ClaimExtractor, sentences_with_mentions
from pipeline.extract.cues import DocTokens, LexemeTable
from pipeline.extract.topics import FOLDING_EXTRAS, TopicFinder, choose_topic

TEXTS = [
    "Zelensky rejected the plan. “We will never cede Donbas,” he said on Tuesday.",
    "KREMLIN REJECTS TRUCE\n\nPeskov said a ceasefire was “premature”; Kyiv disagreed.",
    "Putin won’t accept foreign peacekeepers, but Trump’s envoy pressed for a cease-fire.",
    "If Moscow accepts, the U.S. will ease sanctions on Russian oil exports and refineries.",
    "  Lavrov's view:  Ukraine must abandon its NATO bid.  Did Rubio agree?  ",
    "Macron and Starmer proposed security guarantees; the Kremlin called them unacceptable.",
]


@pytest.fixture(scope="module")
def docs(annotate: Callable[..., Doc]) -> list[Doc]:
    return [annotate(text) for text in TEXTS]


def test_doc_tokens_match_spacy_tokens(docs: list[Doc]) -> None:
    table = LexemeTable()
    for doc in docs:
        tokens = DocTokens.of(doc, table)
        assert list(tokens.text) == [t.text for t in doc]
        assert list(tokens.lower) == [t.lower_ for t in doc]
        assert list(tokens.norm) == [t.text.lower().replace("’", "'") for t in doc]
        assert list(tokens.is_lower) == [t.is_lower for t in doc]
        assert list(tokens.is_alpha) == [t.is_alpha for t in doc]
        assert list(tokens.is_punct) == [t.is_punct for t in doc]
        assert list(tokens.is_title) == [t.is_title for t in doc]
        assert tokens.is_sent_start == [bool(t.is_sent_start) for t in doc]
        assert tokens.doc_text == doc.text
        for sent in doc.sents:
            assert tokens.span_text(sent) == sent.text
            assert tokens.words(sent.start, sent.end) == sent.text
            assert tokens.words(sent.start, sent.start + 2) == doc[sent.start : sent.start + 2].text


def _offsets(pairs: Iterable[tuple[Span, list[Span]]]) -> list[tuple[int, int, list[int]]]:
    return [(sent.start, sent.end, [m.start for m in mentions]) for sent, mentions in pairs]


def test_sentences_with_mentions_match_the_linker(docs: list[Doc]) -> None:
    for doc in docs:
        assert _offsets(sentences_with_mentions(doc)) == _offsets(sentence_mentions(doc))


def test_folding_extras_are_every_character_that_folds_to_ascii() -> None:
    everything = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i <= 0xDFFF)
    folds = {c for c in re.findall(r"(?i)[a-z0-9]", everything) if not c.isascii()}
    lowers = {c for c in everything if not c.isascii() and re.search(r"[a-z0-9]", c.lower())}
    assert folds | lowers == FOLDING_EXTRAS


def test_topic_finder_finds_what_the_lexicon_finds(extractor: ClaimExtractor) -> None:
    lexicon = extractor.topics
    finder = TopicFinder(lexicon)
    texts = [*TEXTS, "The Ceasefires and the territorial swaps", "KELVIN \u212aYIV \u017fANCTIONS"]
    texts += [term.replace("*", "ing") for matcher in lexicon.matchers for term in matcher.terms]
    texts += [f"({term.upper().replace('*', 's')})." for m in lexicon.matchers for term in m.terms]
    for text in texts:
        assert finder.find(text) == lexicon.find(text), text


def test_claims_take_the_topic_the_lexicon_gives(
    annotate: Callable[..., Doc], extractor: ClaimExtractor
) -> None:
    """``explain`` picks topics with the plain lexicon; claims must agree with it."""
    assert sum(len(extractor.claims(annotate(text))) for text in TEXTS) >= 5
    for text in TEXTS:
        doc = annotate(text)
        traces = {trace.sentence_id: trace for trace in extractor.trace(doc)}
        for claim in extractor.claims(doc):
            trace = traces[claim.sentence_id]
            expected = choose_topic(
                extractor.topics, trace.sent, claim.start_char, claim.end_char, trace.previous
            )
            assert claim.topic == expected
