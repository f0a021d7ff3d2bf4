"""The one place that knows default paths and loads settings.

Shipped defaults live in ``resources/settings.toml``; a user file passed with
``--settings`` overrides them key by key, so it only needs what it changes.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

PACKAGE_DIR = Path(__file__).resolve().parent
RESOURCES_DIR = PACKAGE_DIR / "resources"
PROJECT_DIR = PACKAGE_DIR.parent

RAW_DIR = PROJECT_DIR / "data" / "raw"
INTERIM_DIR = PROJECT_DIR / "data" / "interim"
PROCESSED_DIR = PROJECT_DIR / "data" / "processed"
GOLD_DIR = PROJECT_DIR / "data" / "gold"
# Articles written for testing, with gold claims: a check on rules written from the seeds.
DEV_RAW_DIR = PROJECT_DIR / "data" / "dev" / "raw"
DEV_GOLD_DIR = PROJECT_DIR / "data" / "dev" / "gold"
FIGURES_DIR = PROJECT_DIR / "reports" / "figures"

DEFAULT_SETTINGS = RESOURCES_DIR / "settings.toml"
DEFAULT_ACTORS = RESOURCES_DIR / "actors.toml"
DEFAULT_CUES = RESOURCES_DIR / "cues.toml"
DEFAULT_TOPICS = RESOURCES_DIR / "topics.toml"
DEFAULT_BOILERPLATE = RESOURCES_DIR / "boilerplate.toml"

# File names of the stage outputs inside a work folder.
DOCUMENTS_FILE = "documents.jsonl"
REJECTS_FILE = "rejects.jsonl"
# Chunked stages write a folder: one file per chunk plus an index.json listing them.
ANNOTATED_DIR = "annotated"
CLAIMS_DIR = "claims"


class PipelineError(ValueError):
    """An error the user can fix; the CLI prints its message without a traceback."""


class ConfigError(PipelineError):
    """A settings or knowledge file is missing or malformed."""


def read_toml(path: Path) -> dict[str, Any]:
    """Read a TOML file, turning syntax errors into a message that names the file."""
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError as error:
        raise ConfigError(f"{path}: file not found") from error
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML ({error})") from error


def merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """Deep-merge ``override`` into a copy of ``base`` (tables merge, values replace)."""
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def load_settings(user_file: Path | None = None) -> dict[str, Any]:
    """Shipped settings, overridden by the user's file when one is given."""
    settings = read_toml(DEFAULT_SETTINGS)
    if user_file is not None:
        settings = merge(settings, read_toml(user_file))
    return settings
