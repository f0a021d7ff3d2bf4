from __future__ import annotations

import pytest
import spacy

import pipeline.annotate.sentences  # noqa: F401


@pytest.fixture(scope="module")
def splitter():
    nlp = spacy.blank("en")
    nlp.add_pipe("news_sentencizer")
    return nlp


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The envoy left. The minister stayed.", ["The envoy left.", "The minister stayed."]),
        (
            "Talks Resume in Geneva\nDelegates met on Monday.",
            ["Talks Resume in Geneva", "Delegates met on Monday."],
        ),
        (
            "Mr. Smith met Gen. Jones in the U.S. capital on Friday.",
            ["Mr. Smith met Gen. Jones in the U.S. capital on Friday."],
        ),
        (
            "She said “we will not move.” Then she left.",
            ["She said “we will not move.”", "Then she left."],
        ),
        ('"Stop the shelling," he said. "Now."', ['"Stop the shelling," he said.', '"Now."']),
        ("Is this the end? No, it is not.", ["Is this the end?", "No, it is not."]),
        ("Prices rose 2.5 percent. Markets fell.", ["Prices rose 2.5 percent.", "Markets fell."]),
    ],
)
def test_sentences_split_news_copy(splitter, text, expected):
    doc = splitter(text)
    assert [sent.text.strip() for sent in doc.sents] == expected


@pytest.mark.parametrize("text", ["", "   ", "word"])
def test_sentences_handle_tiny_inputs(splitter, text):
    doc = splitter(text)
    assert sum(1 for _ in doc.sents) == (1 if doc else 0)


@pytest.mark.parametrize("max_chars", [40, 100])
def test_sentences_never_exceed_the_length_cap(max_chars):
    nlp = spacy.blank("en")
    nlp.add_pipe("news_sentencizer", config={"max_chars": max_chars})
    doc = nlp("word " * 200 + "end.")
    assert all(len(sent.text) <= max_chars for sent in doc.sents)
    assert "".join(t.text_with_ws for t in doc) == doc.text
