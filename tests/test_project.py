"""The project's own files agree: one version number, read from the installed metadata."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from click.testing import CliRunner

import pipeline
from pipeline.cli import cli

ROOT = Path(__file__).resolve().parents[1]


def project_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)["project"]["version"]


def test_project_version_is_the_installed_version() -> None:
    # A mismatch means the virtual environment predates pyproject.toml: `make install`.
    assert pipeline.__version__ == project_version()


def test_project_version_heads_the_changelog() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    top = re.search(r"^## (\S+)", changelog, flags=re.MULTILINE)
    assert top is not None
    assert top.group(1) == project_version()


def test_project_cli_prints_the_version() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert project_version() in result.output
