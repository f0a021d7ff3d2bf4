"""Gold figures as regression floors: every figure stays at or above its pin.

Two corpora: the seed articles (``quality_floors.toml``) and the dev articles
written for testing (``dev_floors.toml``), which the rules were not written from.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.config import DEV_GOLD_DIR, DEV_RAW_DIR, GOLD_DIR, RAW_DIR
from pipeline.evaluate import Evaluation, load_gold, load_predictions, score
from pipeline.knowledge.actors import load_actor_base

pytestmark = pytest.mark.integration

CORPORA = {
    "seeds": (RAW_DIR, GOLD_DIR, "quality_floors.toml"),
    "dev": (DEV_RAW_DIR, DEV_GOLD_DIR, "dev_floors.toml"),
}


def _floors(corpus: str) -> dict[str, dict[str, float]]:
    name = CORPORA[corpus][2]
    return tomllib.loads((Path(__file__).parent / name).read_text("utf-8"))


@pytest.fixture(scope="module", params=sorted(CORPORA))
def corpus(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture(scope="module")
def evaluation(corpus: str, tmp_path_factory: pytest.TempPathFactory) -> Evaluation:
    raw, gold, _ = CORPORA[corpus]
    output = tmp_path_factory.mktemp(f"{corpus}-tables")
    result = CliRunner().invoke(
        cli, ["--quiet", "run", "--input", str(raw), "--output", str(output)]
    )
    assert result.exit_code == 0, result.output
    principal = load_actor_base().principal_ids
    return score(load_gold(gold), load_predictions(output), principal)


def figures(evaluation: Evaluation) -> dict[str, dict[str, float]]:
    scopes = {"principal_actors": evaluation.principal, "all_actors": evaluation.all_actors}
    scopes.update(evaluation.by_type)
    table = {
        name: {"precision": s.precision, "recall": s.recall, "f1": s.f1}
        for name, s in scopes.items()
    }
    table["topic"] = {"accuracy": evaluation.topic_accuracy}
    return table


def test_quality_stays_above_its_floors(corpus, evaluation):
    measured = figures(evaluation)
    fallen = [
        f"{scope} {measure} fell to {measured[scope][measure]:.3f} (floor {floor})"
        for scope, pins in _floors(corpus).items()
        for measure, floor in pins.items()
        if measured[scope][measure] < floor
    ]
    assert not fallen, f"{corpus}: " + "; ".join(fallen)


@pytest.mark.parametrize("corpus_name", sorted(CORPORA))
def test_every_floor_names_a_measured_figure(corpus_name):
    pins = _floors(corpus_name)
    assert pins, f"{CORPORA[corpus_name][2]} pins nothing"
    known = {"principal_actors", "all_actors", "demand", "concession", "rejection", "topic"}
    assert set(pins) <= known
