"""The claim model's labelled pairs: where labels go, what is left out, the data hash."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from pipeline.config import load_settings
from pipeline.extract.learned.training_data import (
    BuildReport,
    Sources,
    build_pairs,
    data_hash,
    read_sources,
    sentence_file_pairs,
)
from pipeline.knowledge.bundle import shipped_knowledge

ROOT = Path(__file__).resolve().parent.parent


def write_rows(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def labelled(path: Path) -> tuple[list[tuple[str, str, tuple[int, ...]]], BuildReport]:
    report = BuildReport(Counter(), Counter(), Counter())
    pairs = sentence_file_pairs(path, load_settings(), shipped_knowledge(), report)
    return [(p.actor_id, p.text, p.labels) for p in pairs], report


def test_learned_training_data_labels_the_claimant_and_makes_other_actors_negatives(
    tmp_path: Path,
) -> None:
    rows = [
        {
            "id": "a",
            "doc": "one",
            "text": "Kyiv asked Washington for more air defence.",
            "claims": [{"actor": "ukraine", "type": "demand"}],
        }
    ]
    pairs, _ = labelled(write_rows(tmp_path / "s.jsonl", rows))
    assert [(actor, labels) for actor, _, labels in pairs] == [
        ("ukraine", (1, 0, 0)),
        ("united_states", (0, 0, 0)),
    ]


def test_learned_training_data_puts_the_claim_in_the_last_sentence_naming_the_actor(
    tmp_path: Path,
) -> None:
    rows = [
        {
            "id": "b",
            "text": "Zelensky flew to Paris on Monday. There Zelensky ruled out any land swap.",
            "claims": [{"actor": "zelensky", "type": "rejection"}],
        }
    ]
    pairs, _ = labelled(write_rows(tmp_path / "s.jsonl", rows))
    his = [(text, labels) for actor, text, labels in pairs if actor == "zelensky"]
    assert [labels for _, labels in his] == [(0, 0, 0), (0, 0, 1)]
    assert "ruled out" in his[1][0]


def test_learned_training_data_leaves_out_rows_with_partial_labels_and_counts_unplaced(
    tmp_path: Path,
) -> None:
    rows = [
        {"id": "c", "text": "Putin met Witkoff.", "claims": [], "complete": False},
        {
            "id": "d",
            "text": "The envoy's plan was rejected.",
            "claims": [{"actor": "lavrov", "type": "rejection"}],
        },
    ]
    pairs, report = labelled(write_rows(tmp_path / "s.jsonl", rows))
    assert report.skipped_rows == 1
    assert report.unplaced["sentences:s.jsonl"] == 1  # no mention of Lavrov: no pair for it
    assert all(actor != "lavrov" for actor, _, _ in pairs)


def test_learned_training_data_gold_set_positives_come_from_the_gold_units(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    gold = tmp_path / "gold"
    raw.mkdir()
    gold.mkdir()
    (raw / "note.txt").write_text(
        "Talks resume in Geneva.\n\nThe Kremlin demanded a halt to arms deliveries.\n",
        encoding="utf-8",
    )
    gold_row = {
        "source": "note.txt",
        "sentence": "The Kremlin demanded a halt to arms deliveries.",
        "actor": "russia",
        "type": "demand",
        "topic": "weapons",
    }
    write_rows(gold / "note.claims.jsonl", [gold_row])
    sources = Sources((("mine", raw, gold),), ())
    pairs, report = build_pairs(sources, load_settings(), shipped_knowledge())
    assert [(p.actor_id, p.labels, p.origin) for p in pairs] == [("russia", (1, 0, 0), "gold:mine")]
    assert pairs[0].group.startswith("mine:note.txt")
    assert report.unplaced["gold:mine"] == 0


def test_learned_training_data_hash_changes_with_any_source_file(tmp_path: Path) -> None:
    first = write_rows(tmp_path / "a.jsonl", [{"id": "x", "text": "Putin waited.", "claims": []}])
    sources = Sources((), (first,))
    before = data_hash(sources)
    assert data_hash(sources) == before
    first.write_text(first.read_text(encoding="utf-8").replace("waited", "paused"), "utf-8")
    assert data_hash(sources) != before


def test_learned_training_data_sources_never_list_the_evaluation_corpus() -> None:
    sources = read_sources(ROOT / "training" / "sources.toml")
    assert all("corpus" not in str(path) for path in sources.files())
    assert {name for name, _, _ in sources.gold_sets} == {"seeds", "dev"}
    assert sources.sentence_files, "the sentence files must be found"


@pytest.mark.integration
def test_learned_training_data_card_hash_matches_the_repositorys_training_data() -> None:
    """The shipped model was trained on exactly the labelled data in the repository:
    a changed sentence file or gold file means `make model` must be run again."""
    card = json.loads((ROOT / "pipeline/resources/claim_model/card.json").read_text("utf-8"))
    sources = read_sources(ROOT / "training" / "sources.toml")
    assert card["training_data"]["data_hash"] == data_hash(sources)
