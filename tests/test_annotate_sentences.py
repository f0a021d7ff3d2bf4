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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Lt. Col. Ray Smith and Sgt. Ann Lee met Capt. Bo Ek in Kyiv.",
            ["Lt. Col. Ray Smith and Sgt. Ann Lee met Capt. Bo Ek in Kyiv."],
        ),
        (
            "Sen. Ted Cruz, Rep. Ann Wagner and Gov. Bo Little spoke at No. 10 Downing Street.",
            ["Sen. Ted Cruz, Rep. Ann Wagner and Gov. Bo Little spoke at No. 10 Downing Street."],
        ),
        (
            "The deadline is Aug. 15 and the vote on Feb. 3 in St. Petersburg.",
            ["The deadline is Aug. 15 and the vote on Feb. 3 in St. Petersburg."],
        ),
        (
            "Russia wants direct talks with the U.S. The Kremlin said so on Monday.",
            ["Russia wants direct talks with the U.S.", "The Kremlin said so on Monday."],
        ),
        (
            "The envoy flew to the U.N. But nothing changed.",
            ["The envoy flew to the U.N.", "But nothing changed."],
        ),
        (
            "Talks end at 5 p.m. The delegates leave.",
            ["Talks end at 5 p.m.", "The delegates leave."],
        ),
        (
            "U.S. President Donald Trump met U.N. Secretary-General Antonio Guterres.",
            ["U.S. President Donald Trump met U.N. Secretary-General Antonio Guterres."],
        ),
        (
            "No. 10 said nothing. No. The answer is no.",
            ["No. 10 said nothing.", "No.", "The answer is no."],
        ),
    ],
)
def test_sentences_respect_news_abbreviations(splitter, text, expected):
    doc = splitter(text)
    assert [sent.text.strip() for sent in doc.sents] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'He said: "We will not." Then he left.',
            ['He said: "We will not."', "Then he left."],
        ),
        ('"No," he said. "Never."', ['"No," he said.', '"Never."']),
        ('"No," Putin said.', ['"No," Putin said.']),
        ('"Will they stop?" Putin asked.', ['"Will they stop?" Putin asked.']),
        (
            "“Enough!” President Volodymyr Zelensky told reporters.",
            ["“Enough!” President Volodymyr Zelensky told reporters."],
        ),
        ('"Will they stop?" Nobody knows.', ['"Will they stop?"', "Nobody knows."]),
        ('Is it over? "No," he said.', ["Is it over?", '"No," he said.']),
        ("It ended.” “We stay,” she said.", ["It ended.”", "“We stay,” she said."]),
    ],
)
def test_sentences_keep_quotations_whole(splitter, text, expected):
    doc = splitter(text)
    assert [sent.text.strip() for sent in doc.sents] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Putin Rejects Truce Offer\nThe Kremlin said on Friday that it would not stop.",
            ["Putin Rejects Truce Offer", "The Kremlin said on Friday that it would not stop."],
        ),
        (
            "Zelensky demands guarantees \n\nKyiv wants NATO troops",
            ["Zelensky demands guarantees", "Kyiv wants NATO troops"],
        ),
        (
            "BREAKING: talks collapse\nnegotiators leave",
            ["BREAKING: talks collapse", "negotiators leave"],
        ),
    ],
)
def test_sentences_end_headlines_at_line_breaks(splitter, text, expected):
    doc = splitter(text)
    assert [sent.text.strip() for sent in doc.sents] == expected


def _assert_sentences_tile(doc) -> None:
    """Sentences are exact, gapless spans of the doc text."""
    position = 0
    for sent in doc.sents:
        assert sent.start_char == position
        assert sent.text == doc.text[sent.start_char : sent.end_char]
        position = sent.end_char + len(doc[sent.end - 1].whitespace_)
    assert position == len(doc.text)


def test_sentences_split_a_page_collapsed_onto_one_line(splitter):
    sentence = "Putin demanded that Ukraine withdraw from the four regions, the Kremlin said. "
    text = ("Talks Resume " + sentence * 400).strip()
    doc = splitter(text)
    sents = list(doc.sents)
    assert "\n" not in text and len(text) > 30_000
    assert len(sents) == 400
    assert all(sent.text.endswith("said.") for sent in sents)
    _assert_sentences_tile(doc)


def test_sentences_cap_run_on_text_at_a_clause_boundary(splitter):
    text = "; ".join(f"clause {n} of a list of demands without a full stop" for n in range(200))
    doc = splitter(text)
    sents = list(doc.sents)
    assert len(sents) > 1
    assert all(len(sent.text) <= 2000 for sent in sents)
    assert all(sent.text.endswith(";") for sent in sents[:-1])
    _assert_sentences_tile(doc)


def test_sentences_cap_holds_for_a_token_stream_without_separators():
    nlp = spacy.blank("en")
    nlp.add_pipe("news_sentencizer", config={"max_chars": 50})
    doc = nlp("x" * 120 + " " + "word " * 60)
    assert all(len(sent.text) <= 50 for sent in doc.sents if len(sent) > 1)
    _assert_sentences_tile(doc)


def test_sentences_agree_with_token_by_token_reading(splitter):
    doc = splitter("Mr. Smith left. “Why?” Putin asked.\nHeadline\n\nThe U.S. The end.")
    starts = [token.is_sent_start for token in doc]
    assert all(start is not None for start in starts)
    assert [token.text for token in doc if token.is_sent_start] == [
        "Mr.",
        "“",
        "Headline",
        "The",
        "The",
    ]
