"""On the seeds, the sentences table holds every gold sentence and no page furniture."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.config import GOLD_DIR, RAW_DIR
from pipeline.evaluate import load_gold
from pipeline.evaluate.scoring import normalise_sentence, sentences_overlap

pytestmark = pytest.mark.integration

# Furniture seen in the seed pages (test data, not rules): none may be a sentence.
FURNITURE = [
    "Sign up",
    "Subscribe",
    "Trending Articles",
    "View 0 Comments",
    "Join the Conversation",
    "Not your account?",
    "Read more",
    "Getty Images",
    "Advertisement",
    "Log out",
]


@pytest.fixture(scope="module")
def sentences(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """Sentence texts per source file, from a full run over the seeds."""
    output = tmp_path_factory.mktemp("seed-sentences")
    args = ["--quiet", "run", "--input", str(RAW_DIR), "--output", str(output)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    documents = pq.read_table(output / "documents.parquet").to_pylist()
    source_of = {row["doc_id"]: row["source"] for row in documents}
    by_source: dict[str, list[str]] = {}
    for row in pq.read_table(output / "sentences.parquet").to_pylist():
        by_source.setdefault(source_of[row["doc_id"]], []).append(row["text"])
    return by_source


GOLD = sorted({(claim.source, claim.sentence) for claim in load_gold(GOLD_DIR)})


@pytest.mark.parametrize(("source", "sentence"), GOLD, ids=[f"{s}:{t[:30]}" for s, t in GOLD])
def test_every_gold_sentence_is_a_row_of_sentences(sentences, source, sentence):
    found = sentences.get(source, [])
    assert any(sentences_overlap(sentence, text) for text in found), sentence


def test_most_gold_sentences_are_split_exactly_as_annotated(sentences):
    exact = sum(
        normalise_sentence(sentence) in {normalise_sentence(t) for t in sentences[source]}
        for source, sentence in GOLD
    )
    assert exact / len(GOLD) >= 0.9, f"{exact} of {len(GOLD)} gold sentences match exactly"


@pytest.mark.parametrize("furniture", FURNITURE)
def test_no_sentence_is_page_furniture(sentences, furniture):
    short = [
        text
        for texts in sentences.values()
        for text in texts
        if furniture.lower() in text.lower() and len(text.split()) <= 12
    ]
    assert short == []
