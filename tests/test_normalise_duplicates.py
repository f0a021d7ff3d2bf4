"""The same article in two inputs is one article in the tables, never counted twice."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.normalise.duplicates import DuplicateFinder, text_fingerprint
from pipeline.records import Document

ARTICLE = (
    "Russian President Vladimir Putin demanded that Ukraine withdraw its troops from the "
    "Donbas before any ceasefire. Ukrainian President Volodymyr Zelensky rejected the demand "
    "and said Kyiv would never give up its land in exchange for promises from Moscow."
)


def doc(doc_id: str, text: str) -> Document:
    return Document(doc_id, f"{doc_id}.txt", 0, text)


def test_fingerprint_ignores_case_quotes_punctuation_and_spacing():
    variant = ARTICLE.upper().replace(". ", ".\n\n").replace("Donbas", "“Donbas”")
    assert text_fingerprint(variant) == text_fingerprint(ARTICLE)


def test_fingerprint_tells_different_words_apart():
    assert text_fingerprint(ARTICLE.replace("rejected", "accepted")) != text_fingerprint(ARTICLE)


def test_short_texts_are_never_duplicates():
    finder = DuplicateFinder()
    finder.mark(doc("a", "Putin spoke."))
    assert finder.mark(doc("b", "Putin spoke.")).duplicate_of is None


def test_later_copies_point_at_the_first():
    finder = DuplicateFinder()
    first = finder.mark(doc("a", ARTICLE))
    second = finder.mark(doc("b", ARTICLE + "  "))
    third = finder.mark(doc("c", ARTICLE.lower()))
    other = finder.mark(doc("d", ARTICLE.replace("Donbas", "Crimea")))
    assert [d.duplicate_of for d in (first, second, third, other)] == [None, "a", "a", None]


def run(input_dir: Path, output: Path) -> None:
    args = ["--quiet", "run", "--input", str(input_dir), "--output", str(output)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output


@pytest.mark.integration
def test_a_copy_in_another_file_adds_no_claims(tmp_path: Path):
    single, double = tmp_path / "single", tmp_path / "double"
    single.mkdir()
    double.mkdir()
    (single / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (double / "a.txt").write_text(ARTICLE, encoding="utf-8")
    record = {"id": "x1", "title": "Talks", "text": ARTICLE.replace(" ", "  ")}
    (double / "feed.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    run(single, tmp_path / "out1")
    run(double, tmp_path / "out2")

    documents = pq.read_table(tmp_path / "out2" / "documents.parquet").to_pylist()
    assert [(d["source"], d["n_claims"], d["n_sentences"]) for d in documents] == [
        ("a.txt", documents[0]["n_claims"], documents[0]["n_sentences"]),
        ("feed.jsonl#x1", 0, 0),
    ]
    assert documents[1]["duplicate_of"] == documents[0]["doc_id"]
    assert documents[0]["n_claims"] > 0
    for table in ("claims", "mentions", "sentences", "stances"):
        once = pq.read_table(tmp_path / "out1" / f"{table}.parquet")
        twice = pq.read_table(tmp_path / "out2" / f"{table}.parquet")
        assert twice.num_rows == once.num_rows > 0
