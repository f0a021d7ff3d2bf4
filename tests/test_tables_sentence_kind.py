"""The kind of each sentence (headline, deck, subheading, body) read from the paragraphs of
the normalised text, and its place in the sentences and claims tables."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from pipeline.extract.claims import ClaimExtractor
from pipeline.extract.grammar.title_case import is_title_case
from pipeline.records import Claim, Document
from pipeline.tables import build
from pipeline.tables.sentence_kind import document_kinds, paragraphs, sentence_kinds

BODY = (
    "MOSCOW, June 2 - The Kremlin said on Monday that it would study the proposal before "
    "the next round of talks, which both delegations expect to hold in Istanbul next week."
)
LONG_LEAD = (
    "Ukraine will not hand over the rest of the Donetsk region, its president said on "
    "Tuesday after a long meeting with European leaders in Berlin about the American plan and "
    "the guarantees it offers."
)


def kinds_of(text: str, title: str | None = None) -> list[tuple[str, str]]:
    """(paragraph, kind) for a text whose paragraphs are one sentence each."""
    rows = [
        {"sentence_id": index, "start_char": p.start, "end_char": p.start + len(p.text)}
        for index, p in enumerate(paragraphs(text))
    ]
    found = document_kinds(text, title, rows)
    return [(p.text, found[index]) for index, p in enumerate(paragraphs(text))]


@pytest.mark.parametrize(
    ("text", "title", "expected"),
    [
        # the first line, shaped like a headline
        (
            f"Kremlin Rejects Truce Offer\n\n{BODY}",
            None,
            ["headline", "body"],
        ),
        # the line with the title's words, below a label
        (
            f"World News\n\nKremlin rejects truce offer\n\n{BODY}",
            "Kremlin Rejects Truce Offer",
            ["subheading", "headline", "body"],
        ),
        # a short paragraph under the headline is the deck, past labels
        (
            "Kremlin Rejects Truce Offer\n\nReuters\n\n"
            "Moscow says Kyiv must first pull its troops out of four regions\n\n"
            f"{BODY}",
            None,
            ["headline", "subheading", "deck", "body"],
        ),
        # a deck may end with a full stop
        (
            "Trump Leans On Kyiv\n\nThe president's patience with both sides is wearing thin.\n\n"
            f"{BODY}",
            None,
            ["headline", "deck", "body"],
        ),
        # a dateline opens the body: no deck
        (
            f"Kremlin Rejects Truce Offer\n\n{BODY}\n\n{LONG_LEAD}",
            None,
            ["headline", "body", "body"],
        ),
        # a long first paragraph is body too
        (
            f"Kremlin Rejects Truce Offer\n\n{LONG_LEAD}\n\n{BODY}",
            None,
            ["headline", "body", "body"],
        ),
        # a photo caption under the headline is no deck
        (
            f"Kremlin Rejects Truce Offer\n\nThe Kremlin in Moscow (photo: Jane Doe)\n\n{BODY}",
            None,
            ["headline", "body", "body"],
        ),
        # no headline at the top: no deck either
        (f"{LONG_LEAD}\n\nKyiv said it would answer.\n\n{BODY}", None, ["body", "body", "body"]),
        # a short unpunctuated line inside the body is a subheading
        (
            f"{LONG_LEAD}\n\nTalks In Geneva\n\n{BODY}",
            None,
            ["body", "subheading", "body"],
        ),
        # list items are body, and so is the last line, cut off by the end of the text
        (
            f"{LONG_LEAD}\n\n• Russia wants the four regions\n\n2. Kyiv wants guarantees\n\n"
            "Ukraine said it would",
            None,
            ["body", "body", "body", "body"],
        ),
        # a one-word label is no headline
        (f"Summary\n\n{LONG_LEAD}\n\n{BODY}", None, ["subheading", "body", "body"]),
    ],
)
def test_tables_sentence_kind_of_each_paragraph(
    text: str, title: str | None, expected: list[str]
) -> None:
    assert [kind for _, kind in kinds_of(text, title)] == expected


def test_tables_sentence_kind_every_sentence_of_a_paragraph_shares_its_kind() -> None:
    text = f"Kremlin Rejects Truce Offer\n\nTalks stall. Kyiv waits for an answer.\n\n{BODY}"
    deck = text.index("Talks")
    rows = [
        {"sentence_id": 0, "start_char": 0, "end_char": 27},
        {"sentence_id": 1, "start_char": deck, "end_char": deck + 12},
        {"sentence_id": 2, "start_char": deck + 13, "end_char": deck + 38},
        {"sentence_id": 3, "start_char": text.index("MOSCOW"), "end_char": len(text)},
    ]
    assert document_kinds(text, None, rows) == {0: "headline", 1: "deck", 2: "deck", 3: "body"}


def test_tables_sentence_kind_subheading_needs_a_single_sentence() -> None:
    text = f"{LONG_LEAD}\n\nTalks stall. Kyiv waits\n\n{BODY}"
    middle = text.index("Talks")
    rows = [
        {"sentence_id": 0, "start_char": 0, "end_char": len(LONG_LEAD)},
        {"sentence_id": 1, "start_char": middle, "end_char": middle + 12},
        {"sentence_id": 2, "start_char": middle + 13, "end_char": middle + 23},
        {"sentence_id": 3, "start_char": text.index("MOSCOW"), "end_char": len(text)},
    ]
    assert set(document_kinds(text, None, rows).values()) == {"body"}


def test_tables_sentence_kind_joins_sentences_and_claims_on_the_sentence() -> None:
    text = f"Kremlin Rejects Truce Offer\n\n{BODY}"
    document = Document("d1", "a.txt", 0, text, title="Kremlin Rejects Truce Offer")
    sentences = [
        {"doc_id": "d1", "sentence_id": 0, "text": text[:27], "start_char": 0, "end_char": 27},
        {
            "doc_id": "d1",
            "sentence_id": 1,
            "text": BODY,
            "start_char": 29,
            "end_char": len(text),
        },
    ]
    kinds = sentence_kinds([document], sentences)
    claims = [
        Claim(f"c{i}", "d1", i, "s", "russia", "rejection", "ceasefire", "rejects", 8, 15, "r", 0.8)
        for i in (0, 1)
    ]
    table = build.sentences_table(sentences, {"d1": 0}, kinds)
    assert table.column("kind").to_pylist() == ["headline", "body"]
    claims_table = build.claims_table(claims, {"d1": 0}, None, kinds)
    assert claims_table.column("kind").to_pylist() == ["headline", "body"]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Kremlin Rejects Ceasefire Proposal", True),
        ("Kremlin Has a Plan for Delay and Division , Not Peace", True),
        ("KREMLIN REJECTS TRUCE OFFER", True),
        ("Kremlin rejects ceasefire proposal", False),
        ("Putin Refuses", False),  # one content word: names or a headline, nobody can tell
        ("Talks on Ukraine resume", False),
    ],
)
def test_tables_sentence_kind_title_case_lines(words: str, expected: bool) -> None:
    tokens = words.split()
    names = [token in {"Kremlin", "Putin", "Trump"} for token in tokens]
    assert is_title_case(tokens, names) is expected


def test_tables_sentence_kind_headline_printed_twice_gives_one_claim(
    annotate: Callable[..., Doc], extractor: ClaimExtractor
) -> None:
    doc = annotate(
        "Kyiv Rejects Land Swap\n\nKyiv rejects land swap\n\nThe talks resume on Monday."
    )
    claims = extractor.claims(doc)
    assert [(c.sentence_id, c.actor_id, c.claim_type) for c in claims] == [
        (0, "ukraine", "rejection")
    ]
