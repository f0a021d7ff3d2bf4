"""Building each table from records and Docs: values, order and offsets."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pyarrow as pa
import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import pipeline.annotate.sentences  # noqa: F401  (registers "news_sentencizer")
from pipeline.annotate.store import MENTIONS_KEY
from pipeline.knowledge.actors import Actor, ActorBase
from pipeline.knowledge.topics import TopicLexicon
from pipeline.records import Claim, Document, Reject
from pipeline.tables import build
from pipeline.tables.schemas import MAX_TEXT_CHARS, TABLES

TEXT = "Putin demanded a ceasefire. Zelensky rejected it.\n\nHe wants talks."


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def make_doc(nlp: Language, doc_id: str, text: str, mentions: list[tuple[str, str, str]]) -> Doc:
    """A Doc as the annotate stage stores it; mentions are (surface, actor_id, via)."""
    doc = nlp(text)
    doc.user_data["doc_id"] = doc_id
    spans = []
    for surface, actor_id, via in mentions:
        start = text.index(surface)
        spans.append(doc.char_span(start, start + len(surface), label=actor_id, kb_id=via))
    doc.spans[MENTIONS_KEY] = spans
    return doc


def document(doc_id: str, source: str, part: int = 0, **extra: Any) -> Document:
    return Document(doc_id=doc_id, source=source, part=part, text=extra.pop("text", TEXT), **extra)


def claim(doc_id: str = "d1", sentence_id: int = 0, start_char: int = 6, **extra: Any) -> Claim:
    values: dict[str, Any] = {
        "claim_id": f"{doc_id}-{sentence_id}-{start_char}-{extra.get('actor_id', 'putin')}",
        "doc_id": doc_id,
        "sentence_id": sentence_id,
        "sentence": "Putin demanded a ceasefire.",
        "actor_id": "putin",
        "claim_type": "demand",
        "topic": "ceasefire",
        "cue": "demanded",
        "start_char": start_char,
        "end_char": start_char + 8,
        "rule": "verb_cue",
        "confidence": 0.9,
    }
    values.update(extra)
    return Claim(**values)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-03-01", datetime(2025, 3, 1, tzinfo=UTC)),
        ("2025-03-01T12:30:00", datetime(2025, 3, 1, 12, 30, tzinfo=UTC)),
        ("2025-03-01T12:30:00Z", datetime(2025, 3, 1, 12, 30, tzinfo=UTC)),
        ("2025-03-01T12:30:00+02:00", datetime(2025, 3, 1, 10, 30, tzinfo=UTC)),
        ("2025-03-01T01:00:00+03:00", datetime(2025, 2, 28, 22, 0, tzinfo=UTC)),
        (" 2025-03-01 ", datetime(2025, 3, 1, tzinfo=UTC)),
        (None, None),
        ("", None),
        ("yesterday", None),
        ("2025-13-01", None),
        ("March 1, 2025", None),
        (20250301, None),
    ],
)
def test_build_parse_published(value: object, expected: datetime | None) -> None:
    parsed = build.parse_published(value)
    assert parsed == expected
    if parsed is not None:
        assert parsed.utcoffset() is not None and parsed.utcoffset().total_seconds() == 0


def test_build_documents_table_keeps_the_work_folder_order() -> None:
    """The normalise stage fixes the order; tables follow it without sorting the corpus."""
    docs = [
        document("d3", "b.txt"),
        document("d2", "a.json#7", part=1),
        document("d1", "a.json#7", part=0),
    ]
    table = build.documents_table(docs, {"d1": 3}, {"d2": 2})
    assert table.schema == TABLES["documents"]
    assert table.column("doc_id").to_pylist() == ["d3", "d2", "d1"]
    assert table.column("n_sentences").to_pylist() == [0, 0, 3]
    assert table.column("n_claims").to_pylist() == [0, 2, 0]
    assert table.column("n_words").to_pylist() == [10, 10, 10]


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2025-03-01", datetime(2025, 3, 1, tzinfo=UTC)),
        ("2025-03-01T12:00:00-05:00", datetime(2025, 3, 1, 17, tzinfo=UTC)),
        ("not a date", None),
        (None, None),
    ],
)
def test_build_documents_table_published_in_utc(published: str | None, expected: Any) -> None:
    table = build.documents_table([document("d1", "a.txt", published=published)], {}, {})
    assert table.schema.field("published").type == pa.timestamp("us", tz="UTC")
    assert table.column("published").to_pylist() == [expected]


def test_build_texts_table_keeps_full_text_in_document_order() -> None:
    docs = [document("d2", "b.txt", text="Second."), document("d1", "a.txt", text="First.")]
    table = build.texts_table(docs)
    assert table.to_pylist() == [
        {"doc_id": "d2", "text": "Second."},
        {"doc_id": "d1", "text": "First."},
    ]


@pytest.mark.parametrize("component", ["sentencizer", "news_sentencizer"])
def test_build_sentences_rows_offsets_point_into_text(component: str) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe(component)
    rows = build.sentences_rows(make_doc(nlp, "d1", TEXT, []))
    assert [row["sentence_id"] for row in rows] == [0, 1, 2]
    assert [row["text"] for row in rows] == [
        "Putin demanded a ceasefire.",
        "Zelensky rejected it.",
        "He wants talks.",
    ]
    for row in rows:
        assert TEXT[row["start_char"] : row["end_char"]] == row["text"]
        assert row["doc_id"] == "d1"


@pytest.mark.parametrize(
    ("words", "spaces", "starts", "expected"),
    [
        (["Hi", ".", "\n\n", "Bye", "."], [False, False, False, False, False],
         [True, False, False, True, False], [("Hi.\n\n", "Hi."), ("Bye.", "Bye.")]),
        (["Hi", ".", "\n\n", "Bye", "."], [False, False, False, False, False],
         [True, False, True, True, False], [("Hi.", "Hi."), ("\n\n", ""), ("Bye.", "Bye.")]),
        (["Hi", ".", " ", "Bye"], [False, True, False, False],
         [True, False, True, False], [("Hi.", "Hi."), (" Bye", "Bye")]),
    ],
)  # fmt: skip
def test_build_sentences_rows_trim_edge_whitespace(
    words: list[str], spaces: list[bool], starts: list[bool], expected: list[tuple[str, str]]
) -> None:
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, sent_starts=starts)
    doc.user_data["doc_id"] = "d1"
    rows = build.sentences_rows(doc)
    assert [(sent.text, row["text"]) for sent, row in zip(doc.sents, rows, strict=True)] == expected
    for sent, row in zip(doc.sents, rows, strict=True):
        assert doc.text[row["start_char"] : row["end_char"]] == row["text"]
        assert sent.start_char <= row["start_char"] <= row["end_char"] <= sent.end_char


def test_build_sentences_rows_without_boundaries_fail() -> None:
    doc = spacy.blank("en")("No sentencizer ran. So no boundaries.")
    doc.user_data["doc_id"] = "d1"
    with pytest.raises(ValueError, match="no sentence boundaries"):
        build.sentences_rows(doc)


def test_build_sentences_rows_without_doc_id_fail(nlp: Language) -> None:
    with pytest.raises(ValueError, match="doc_id"):
        build.sentences_rows(nlp("Hello."))


def test_build_mentions_rows_offsets_and_sentence(nlp: Language) -> None:
    mentions = [
        ("He", "zelensky", "pronoun"),
        ("Putin", "putin", "alias"),
        ("Zelensky", "zelensky", "alias"),
    ]
    doc = make_doc(nlp, "d1", TEXT, mentions)
    rows = build.mentions_rows(doc)
    assert [(row["text"], row["sentence_id"], row["via"]) for row in rows] == [
        ("Putin", 0, "alias"),
        ("Zelensky", 1, "alias"),
        ("He", len(list(doc.sents)) - 1, "pronoun"),
    ]
    for row in rows:
        assert TEXT[row["start_char"] : row["end_char"]] == row["text"]


def test_build_mentions_rows_without_mentions_are_empty(nlp: Language) -> None:
    doc = nlp(TEXT)
    doc.user_data["doc_id"] = "d1"
    assert build.mentions_rows(doc) == []


def test_build_sentences_and_mentions_tables_follow_document_order(nlp: Language) -> None:
    first = make_doc(nlp, "d1", TEXT, [("Putin", "putin", "alias")])
    second = make_doc(nlp, "d2", "Trump spoke. Putin listened.", [("Trump", "trump", "alias")])
    order = {"d2": 0, "d1": 1}
    sentences = build.sentences_table(
        build.sentences_rows(first) + build.sentences_rows(second), order
    )
    mentions = build.mentions_table(build.mentions_rows(first) + build.mentions_rows(second), order)
    assert sentences.column("doc_id").to_pylist()[:3] == ["d2", "d2", "d1"]
    assert sentences.column("sentence_id").to_pylist()[:3] == [0, 1, 0]
    assert mentions.column("actor_id").to_pylist() == ["trump", "putin"]


def test_build_claims_table_is_ordered_whatever_the_input_order() -> None:
    claims = [
        claim("d2", 0, 0),
        claim("d1", 1, 30, claim_type="rejection", actor_id="zelensky"),
        claim("d1", 0, 6, topic="sanctions"),
        claim("d1", 0, 6, topic="ceasefire"),
        claim("d1", 0, 6, claim_type="concession", topic="sanctions"),
        claim("d1", 0, 2),
    ]
    expected = [claims[i] for i in (5, 4, 3, 2, 1, 0)]
    order = {"d1": 0, "d2": 1}
    for seed in range(3):
        shuffled = claims[:]
        random.Random(seed).shuffle(shuffled)
        table = build.claims_table(shuffled, order)
        assert table.schema == TABLES["claims"]
        expected_rows = [{**c.to_dict(), "date_key": None, "kind": "body"} for c in expected]
        assert table.to_pylist() == expected_rows


def test_build_claims_table_unknown_doc_fails() -> None:
    with pytest.raises(ValueError, match="'d9' is not in the documents"):
        build.claims_table([claim("d9")], {"d1": 0})


def test_build_stances_table_counts_per_actor_and_topic() -> None:
    claims = [
        claim("d1", 0, 1),
        claim("d1", 0, 2),
        claim("d2", 0, 3, claim_type="rejection"),
        claim("d2", 0, 4, claim_type="concession", topic="sanctions"),
        claim("d1", 1, 5, actor_id="zelensky", claim_type="rejection"),
    ]
    table = build.stances_table(claims)
    assert table.schema == TABLES["stances"]
    assert table.to_pylist() == [
        {
            "actor_id": "putin",
            "topic": "ceasefire",
            "demands": 2,
            "concessions": 0,
            "rejections": 1,
            "n_claims": 3,
            "n_documents": 2,
        },
        {
            "actor_id": "putin",
            "topic": "sanctions",
            "demands": 0,
            "concessions": 1,
            "rejections": 0,
            "n_claims": 1,
            "n_documents": 1,
        },
        {
            "actor_id": "zelensky",
            "topic": "ceasefire",
            "demands": 0,
            "concessions": 0,
            "rejections": 1,
            "n_claims": 1,
            "n_documents": 1,
        },
    ]


def test_build_actors_table_orders_by_id() -> None:
    actors = {
        "zelensky": Actor(
            "zelensky",
            "Volodymyr Zelensky",
            "person",
            "ukraine",
            "President",
            True,
            "male",
            ("Zelensky",),
            (),
        ),
        "ukraine": Actor(
            "ukraine", "Ukraine", "state", None, None, False, "none", ("Ukraine",), ()
        ),
    }
    table = build.actors_table(ActorBase(actors))
    assert table.schema == TABLES["actors"]
    assert table.to_pylist() == [
        {
            "actor_id": "ukraine",
            "name": "Ukraine",
            "kind": "state",
            "affiliation": None,
            "role": None,
            "is_principal": False,
            "in_knowledge_base": True,
        },
        {
            "actor_id": "zelensky",
            "name": "Volodymyr Zelensky",
            "kind": "person",
            "affiliation": "ukraine",
            "role": "President",
            "is_principal": True,
            "in_knowledge_base": True,
        },
    ]


def test_build_actors_table_adds_unknown_actors_after_the_knowledge_base() -> None:
    base = ActorBase(
        {"ukraine": Actor("ukraine", "Ukraine", "state", None, None, False, "none", (), ())}
    )
    found = [
        {
            "actor_id": "petrov",
            "name": "Ivan Petrov",
            "kind": "person",
            "role": "spokesman",
            "affiliation": "ukraine",
        },
        {
            "actor_id": "dupont",
            "name": "Jean Dupont",
            "kind": "person",
            "role": None,
            "affiliation": None,
        },
        {
            "actor_id": "petrov",
            "name": "Petrov",
            "kind": "person",
            "role": None,
            "affiliation": None,
        },
        {
            "actor_id": "ukraine",
            "name": "Ukraine",
            "kind": "state",
            "role": None,
            "affiliation": None,
        },
    ]
    rows = build.actors_table(base, found).to_pylist()
    assert [(r["actor_id"], r["in_knowledge_base"]) for r in rows] == [
        ("ukraine", True),
        ("dupont", False),
        ("petrov", False),
    ]
    assert rows[2]["name"] == "Ivan Petrov"  # as first found
    assert rows[2]["role"] == "spokesman"
    assert rows[2]["affiliation"] == "ukraine"
    assert rows[2]["is_principal"] is False


def test_build_rejects_table_orders_by_source() -> None:
    rejects = [Reject("b.bin", "binary", "Not text."), Reject("a.txt", "empty", "No text.")]
    table = build.rejects_table(rejects)
    assert table.column("source").to_pylist() == ["a.txt", "b.bin"]


def test_build_null_in_key_column_fails() -> None:
    with pytest.raises(ValueError, match="'reason' must not be null"):
        build.make_table([{"source": "a.txt", "reason": None, "detail": "x"}], TABLES["rejects"])


EMPTY_BUILDERS: dict[str, Callable[[], pa.Table]] = {
    "documents": lambda: build.documents_table([], {}, {}),
    "texts": lambda: build.texts_table([]),
    "sentences": lambda: build.sentences_table([]),
    "mentions": lambda: build.mentions_table([]),
    "claims": lambda: build.claims_table([]),
    "actors": lambda: build.actors_table(ActorBase({})),
    "topics": lambda: build.topics_table(TopicLexicon(())),
    "dates": lambda: build.dates_table([]),
    "stances": lambda: build.stances_table([]),
    "rejects": lambda: build.rejects_table([]),
}


@pytest.mark.parametrize("table", list(TABLES))
def test_build_empty_inputs_keep_declared_schema(table: str) -> None:
    built = EMPTY_BUILDERS[table]()
    assert built.num_rows == 0
    assert built.schema.equals(TABLES[table], check_metadata=True)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (datetime(2025, 8, 15, 23, 59, tzinfo=UTC), 20250815),
        (datetime(2025, 1, 2, tzinfo=UTC), 20250102),
        (datetime.fromisoformat("2025-03-01T01:00:00+03:00"), 20250228),
        (None, None),
    ],
)
def test_build_date_key_is_the_utc_day(moment: datetime | None, expected: int | None) -> None:
    assert build.date_key(moment) == expected


def test_build_claims_table_takes_date_keys_per_document() -> None:
    table = build.claims_table([claim("d1"), claim("d2")], {"d1": 0, "d2": 1}, {"d1": 20250815})
    assert table.column("date_key").to_pylist() == [20250815, None]
    assert table.schema.field("date_key").type == pa.int32()


def test_build_dates_table_is_a_calendar_without_gaps() -> None:
    moments = [
        datetime(2025, 1, 2, 9, tzinfo=UTC),
        None,
        datetime(2024, 12, 30, tzinfo=UTC),
        datetime(2025, 1, 2, 18, tzinfo=UTC),
    ]
    table = build.dates_table(moments)
    assert table.schema.equals(TABLES["dates"], check_metadata=True)
    assert table.column("date_key").to_pylist() == [20241230, 20241231, 20250101, 20250102]
    first = table.to_pylist()[0]
    assert first == {
        "date_key": 20241230,
        "date": date(2024, 12, 30),
        "year": 2024,
        "quarter": 4,
        "month": 12,
        "month_name": "December",
        "iso_week": 1,  # 30 December 2024 is a Monday of ISO week 2025-W01
        "day": 30,
    }


def test_build_topics_table_follows_the_lexicon_order() -> None:
    lexicon = TopicLexicon(
        ("security_guarantees", "negotiations", "other"), (), frozenset({"negotiations"})
    )
    table = build.topics_table(lexicon, {"other": "Anything else"})
    rows = [(r["topic_id"], r["label"], r["is_generic"], r["n_terms"]) for r in table.to_pylist()]
    assert rows == [
        ("security_guarantees", "Security guarantees", False, 0),
        ("negotiations", "Negotiations", True, 0),
        ("other", "Anything else", False, 0),
    ]


@pytest.mark.parametrize(
    ("table", "row", "column"),
    [
        (
            "sentences",
            {"doc_id": "d1", "sentence_id": 0, "start_char": 0, "end_char": 1, "kind": "body"},
            "text",
        ),
        ("documents", {"doc_id": "d1", "source": "a", "part": 0, "n_words": 1,
                       "n_sentences": 1, "n_claims": 0}, "title"),
        ("rejects", {"source": "a.txt", "reason": "too_large"}, "detail"),
    ],
)  # fmt: skip
def test_build_text_cell_over_the_limit_fails(table: str, row: dict[str, Any], column: str) -> None:
    rows = [{**row, column: "short"}, {**row, column: "x" * (MAX_TEXT_CHARS + 1)}]
    with pytest.raises(build.TextTooLong, match=rf"{table}\.{column}: row 1 .* 32001 characters"):
        build.make_table(rows, TABLES[table])


def test_build_text_cell_at_the_limit_passes() -> None:
    row = {"doc_id": "d1", "sentence_id": 0, "start_char": 0, "end_char": 1, "kind": "body"}
    table = build.make_table([{**row, "text": "x" * MAX_TEXT_CHARS}], TABLES["sentences"])
    assert table.num_rows == 1


def test_build_texts_table_may_hold_long_articles() -> None:
    text = "word " * MAX_TEXT_CHARS
    table = build.texts_table([document("d1", "a.txt", text=text)])
    assert table.column("text").to_pylist() == [text]
