"""Building the NLP pipeline from settings: blank by default, an installed one by name."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from pipeline.annotate.nlp import build_nlp
from pipeline.config import ConfigError, load_settings

PROJECT_COMPONENTS = ["news_sentencizer", "actor_ruler", "unknown_actor_finder", "actor_linker"]


def settings_with(**nlp: str) -> dict:
    return load_settings().with_overrides({"nlp": nlp})


def test_nlp_default_is_blank_english_with_project_components():
    nlp = build_nlp(load_settings())
    assert nlp.lang == "en"
    assert nlp.pipe_names == PROJECT_COMPONENTS


@pytest.fixture()
def saved_pipeline(tmp_path: Path) -> Path:
    """A pipeline on disk standing in for an installed one (no trained model exists here)."""
    base = spacy.blank("en")
    base.add_pipe("sentencizer", name="their_sentencizer")
    base.to_disk(tmp_path / "saved")
    return tmp_path / "saved"


def test_nlp_loads_a_named_pipeline_and_adds_project_components(saved_pipeline):
    nlp = build_nlp(settings_with(model=str(saved_pipeline)))
    assert nlp.pipe_names == [
        "news_sentencizer",
        "their_sentencizer",
        "actor_ruler",
        "unknown_actor_finder",
        "actor_linker",
    ]
    doc = nlp("Putin met Zelensky. Trump stayed home.")
    assert [span.label_ for span in doc.spans["mentions"]] == ["putin", "zelensky", "trump"]


@pytest.mark.parametrize(
    ("nlp_settings", "message"),
    [
        ({"model": "no_such_pipeline_installed"}, "not installed"),
        ({"sentences": "model"}, "needs a pipeline with a parser or senter"),
        ({"sentences": "whatever"}, "must be"),
    ],
)
def test_nlp_settings_errors_say_what_to_do(nlp_settings, message):
    with pytest.raises(ConfigError, match=message):
        build_nlp(settings_with(**nlp_settings))
