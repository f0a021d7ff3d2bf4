"""The shipped claim model: its files against its card, its errors, the switch that turns it
on, ``explain``'s scores, a whole run with it, and its decisions on sentences we wrote."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from spacy.tokens import Doc

from pipeline.cli import cli
from pipeline.config import PipelineError, load_settings
from pipeline.extract.claims import sentences_with_mentions
from pipeline.extract.learned.card import SHIPPED_MODEL, read_card, verified_files
from pipeline.extract.learned.union import MODEL_RULE, LearnedClaims
from pipeline.extract.stage import build_extractor, extract_fingerprint
from pipeline.knowledge.bundle import shipped_knowledge

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def learned() -> LearnedClaims:
    return LearnedClaims.load("", shipped_knowledge().actor_names)


def test_learned_model_files_match_the_card() -> None:
    card = read_card(SHIPPED_MODEL)
    model, tokenizer = verified_files(card)
    assert model.stat().st_size > 1_000_000
    assert tokenizer.name == "tokenizer.json"
    assert set(card.thresholds) == set(card.types) == {"demand", "concession", "rejection"}
    assert all(0.0 < value < 1.0 for value in card.thresholds.values())


def test_learned_model_a_damaged_model_file_is_one_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "model"
    shutil.copytree(SHIPPED_MODEL, folder)
    data = bytearray((folder / "model.onnx").read_bytes())
    data[len(data) // 2] ^= 0xFF
    (folder / "model.onnx").write_bytes(bytes(data))
    with pytest.raises(PipelineError, match=r"model\.onnx does not match .*card\.json"):
        LearnedClaims.load(str(folder), {})


def test_learned_model_a_folder_without_a_card_names_what_it_needs(tmp_path: Path) -> None:
    with pytest.raises(PipelineError, match=r"card\.json, model\.onnx and tokenizer\.json"):
        LearnedClaims.load(str(tmp_path), {})


def test_learned_model_without_onnxruntime_names_the_extra(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "onnxruntime", None)
    with pytest.raises(PipelineError, match="claim-model` extra"):
        LearnedClaims.load("", {})


def test_learned_model_is_off_by_default_and_on_with_the_setting() -> None:
    settings = load_settings()
    assert settings.extract.claim_model is False
    assert build_extractor(settings).learned is None
    on = settings.with_overrides({"extract": {"claim_model": True}})
    assert build_extractor(on).learned is not None
    knowledge = shipped_knowledge()
    assert extract_fingerprint(on, knowledge) != extract_fingerprint(settings, knowledge)


def test_learned_model_explain_shows_the_scores_beside_the_rules() -> None:
    text = "Zelensky rejected the plan. The talks ended."
    plain = CliRunner().invoke(cli, ["explain", text])
    scored = CliRunner().invoke(cli, ["explain", "--claim-model", text])
    assert plain.exit_code == scored.exit_code == 0, scored.output
    assert "model:" not in plain.output
    (line,) = [row for row in scored.output.splitlines() if "model:" in row]
    assert "zelensky demand 0." in line and "rejection 0." in line
    assert "| rules: rejection" in line


@pytest.mark.integration
def test_learned_model_run_adds_model_claims_and_keeps_every_rule_claim(tmp_path: Path) -> None:
    tables = {}
    for flag in ("--no-claim-model", "--claim-model"):
        out = tmp_path / flag.strip("-")
        command = ["--quiet", "run", "--input", str(ROOT / "data/dev/raw"), "--output", str(out)]
        result = CliRunner().invoke(cli, [*command, "--temporary-work", flag])
        assert result.exit_code == 0, result.output
        tables[flag] = pq.read_table(out / "claims.parquet").to_pylist()
    rules, both = tables["--no-claim-model"], tables["--claim-model"]
    assert all(row["rule"] != MODEL_RULE for row in rules)
    assert {row["claim_id"] for row in rules} <= {row["claim_id"] for row in both}
    added = [row for row in both if row["rule"] == MODEL_RULE]
    assert added, "the model adds claims on data/dev"
    thresholds = read_card(SHIPPED_MODEL).thresholds
    assert all(row["confidence"] >= thresholds[row["claim_type"]] for row in added)
    assert all(row["topic"] and row["sentence"] and row["cue"] for row in added)
    held = {(r["doc_id"], r["sentence_id"], r["actor_id"], r["claim_type"]) for r in rules}
    assert not any(
        (r["doc_id"], r["sentence_id"], r["actor_id"], r["claim_type"]) in held for r in added
    )


def decisions(learned: LearnedClaims, annotate: Callable[..., Doc], text: str) -> dict:
    return {
        scores.pair.actor_id: set(learned.chosen(scores))
        for scores in learned.score(sentences_with_mentions(annotate(text)))
    }


# Sentences written for this test (not in the training data): the model's own decisions,
# whatever the rules say.
DECISIONS = [
    (
        "Kyiv will not hand over a single village in the east, its negotiators made plain.",
        {"ukraine": {"rejection"}},
    ),
    (
        "The Kremlin wants Western troops kept out of Ukraine for good.",
        {"russia": {"demand"}, "west": set(), "ukraine": set()},
    ),
    ("Moscow agreed to let grain ships leave Odesa unhindered.", {"russia": {"concession"}}),
    ("Rubio flew to Geneva on Sunday evening.", {"rubio": set()}),
    ("Moscow is expected to present its reply next week.", {"russia": set()}),
    (
        "Trump pressed Zelensky hard to accept the deal.",
        {"trump": {"demand"}, "zelensky": set()},
    ),
]


@pytest.mark.parametrize(("text", "expected"), DECISIONS, ids=[t[:30] for t, _ in DECISIONS])
def test_learned_model_decisions_on_sentences_we_wrote(
    learned: LearnedClaims, annotate: Callable[..., Doc], text: str, expected: dict
) -> None:
    assert decisions(learned, annotate, text) == expected
