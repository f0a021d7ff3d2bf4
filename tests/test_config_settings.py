"""Typed settings: shipped defaults from settings.toml, a user's file merged key by key."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.config import (
    DEFAULT_SETTINGS,
    ConfigError,
    Settings,
    load_settings,
    read_toml,
)


def _user_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_config_settings_defaults_come_from_the_shipped_file() -> None:
    shipped = read_toml(DEFAULT_SETTINGS)
    settings = load_settings()
    assert settings.nlp.model == shipped["nlp"]["model"]
    assert settings.run.chunk_size == shipped["run"]["chunk_size"]
    assert settings.normalise.extensions == tuple(shipped["normalise"]["extensions"])
    assert settings.normalise.fields.text == tuple(shipped["normalise"]["fields"]["text"])
    assert settings.normalise.boilerplate is None


def test_config_settings_user_file_changes_only_its_keys(tmp_path: Path) -> None:
    user = _user_file(tmp_path, "[run]\njobs = 3\n[normalise.fields]\ntext = ['story']\n")
    settings = load_settings(user)
    shipped = load_settings()
    assert settings.run.jobs == 3
    assert settings.run.chunk_size == shipped.run.chunk_size
    assert settings.normalise.fields.text == ("story",)
    assert settings.normalise.fields.outlet == shipped.normalise.fields.outlet


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[run]\nchunk_sise = 3\n", "[run] has no setting 'chunk_sise'"),
        ("[runs]\njobs = 3\n", "has no setting 'runs'"),
        ("[run]\njobs = 'many'\n", "[run] jobs must be a whole number"),
        ("[extract]\nmin_confidence = 'high'\n", "[extract] min_confidence must be a number"),
        ("[normalise]\nextensions = '.txt'\n", "[normalise] extensions must be a list of strings"),
        ("[nlp]\nbatch_size = true\n", "[nlp] batch_size must be a whole number"),
    ],
)
def test_config_settings_errors_name_the_key(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_settings(_user_file(tmp_path, text))


def test_config_settings_accepts_a_whole_number_where_a_number_is_wanted(tmp_path: Path) -> None:
    settings = load_settings(_user_file(tmp_path, "[extract]\nmin_confidence = 1\n"))
    assert settings.extract.min_confidence == 1.0
    assert isinstance(settings.extract.min_confidence, float)


def test_config_settings_round_trip_and_overrides() -> None:
    settings = load_settings()
    assert Settings.from_dict(settings.to_dict()) == settings
    changed = settings.with_overrides({"nlp": {"batch_size": 8}})
    assert changed.nlp.batch_size == 8
    assert changed.nlp.model == settings.nlp.model
    assert settings.nlp.batch_size != 8 or settings == changed


def test_config_settings_are_frozen() -> None:
    settings = load_settings()
    with pytest.raises(AttributeError):
        settings.run.jobs = 4  # type: ignore[misc]
