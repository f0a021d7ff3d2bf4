"""The seed gold as a regression floor: every figure stays at or above its pin."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.config import GOLD_DIR, RAW_DIR
from pipeline.evaluate import Evaluation, load_gold, load_predictions, score
from pipeline.knowledge.actors import load_actor_base

FLOORS = tomllib.loads((Path(__file__).parent / "quality_floors.toml").read_text("utf-8"))


@pytest.fixture(scope="module")
def evaluation(tmp_path_factory: pytest.TempPathFactory) -> Evaluation:
    output = tmp_path_factory.mktemp("seed-tables")
    result = CliRunner().invoke(
        cli, ["--quiet", "run", "--input", str(RAW_DIR), "--output", str(output)]
    )
    assert result.exit_code == 0, result.output
    principal = load_actor_base().principal_ids
    return score(load_gold(GOLD_DIR), load_predictions(output), principal)


def figures(evaluation: Evaluation) -> dict[str, dict[str, float]]:
    scopes = {"principal_actors": evaluation.principal, "all_actors": evaluation.all_actors}
    scopes.update(evaluation.by_type)
    table = {
        name: {"precision": s.precision, "recall": s.recall, "f1": s.f1}
        for name, s in scopes.items()
    }
    table["topic"] = {"accuracy": evaluation.topic_accuracy}
    return table


@pytest.mark.parametrize(
    ("scope", "measure"),
    [(scope, measure) for scope, pins in FLOORS.items() for measure in pins],
)
def test_quality_stays_above_its_floor(evaluation, scope, measure):
    value = figures(evaluation)[scope][measure]
    floor = FLOORS[scope][measure]
    assert value >= floor, f"{scope} {measure} fell to {value:.3f} (floor {floor})"
