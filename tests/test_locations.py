"""URLs given to the commands of single stages: a reason, and no local folder named after them.

(``pipeline run`` takes URLs of object stores: tests/test_storage.py.)"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.locations import url_problem, url_scheme


@pytest.mark.parametrize(
    ("value", "scheme"),
    [
        ("s3://bucket/raw", "s3"),
        ("GS://bucket", "gs"),
        ("abfs://container/x", "abfs"),
        ("file:///tmp/raw", None),
        ("data/raw", None),
        ("C:\\news\\raw", None),
        ("notes://x", "notes"),
    ],
)
def test_locations_url_scheme(value: str, scheme: str | None) -> None:
    assert url_scheme(value) == scheme


@pytest.mark.parametrize(
    ("command", "option", "value", "message"),
    [
        ("normalise", "--input", "s3://bucket/raw", "object storage (s3://) is supported by"),
        ("annotate", "--work", "gs://bucket/work", "object storage (gs://) is supported by"),
        ("tables", "--work", "foo://bucket/tables", "unknown URL scheme 'foo://'"),
    ],
)
def test_locations_stage_commands_refuse_urls_and_create_nothing(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: str,
    option: str,
    value: str,
    message: str,
) -> None:
    here = tmp_path / "cwd"
    here.mkdir()
    monkeypatch.chdir(here)
    result = CliRunner().invoke(cli, [command, option, value])
    assert os.listdir(here) == []  # no folder named "s3:" or "foo:"
    assert result.exit_code == 2
    assert f"Invalid value for '{option}': {value}: {message}" in result.output


def test_locations_file_urls_are_local_paths() -> None:
    assert url_problem("file:///tmp/raw") is None
    result = CliRunner().invoke(cli, ["normalise", "--input", "file:///nonexistent-dir"])
    assert "'/nonexistent-dir' does not exist" in result.output
