"""URLs given for --input, --work or --output: a reason, and no local folder named after them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.config import RAW_DIR
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
    ("option", "value", "message"),
    [
        ("--input", "s3://bucket/raw", "object storage (s3://) is not supported yet"),
        ("--work", "gs://bucket/work", "object storage (gs://) is not supported yet"),
        ("--output", "foo://bucket/tables", "unknown URL scheme 'foo://'"),
    ],
)
def test_locations_cli_refuses_urls_and_creates_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, option: str, value: str, message: str
) -> None:
    args = {"--input": str(RAW_DIR), "--work": str(tmp_path / "w"), "--output": str(tmp_path / "o")}
    args[option] = value
    here = tmp_path / "cwd"
    here.mkdir()
    monkeypatch.chdir(here)
    result = CliRunner().invoke(cli, ["run", *[part for pair in args.items() for part in pair]])
    assert os.listdir(here) == []  # no folder named "s3:" or "foo:"
    assert result.exit_code == 2
    assert f"Invalid value for '{option}': {value}: {message}" in result.output
    assert not (tmp_path / "w").exists() and not (tmp_path / "o").exists()


def test_locations_file_urls_are_local_paths() -> None:
    assert url_problem("file:///tmp/raw") is None
    result = CliRunner().invoke(cli, ["normalise", "--input", "file:///nonexistent-dir"])
    assert "'/nonexistent-dir' does not exist" in result.output
