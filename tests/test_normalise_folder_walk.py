"""The folder walk: linked folders are read; every entry it skips is a reject with a log line."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.config import load_settings
from pipeline.normalise import walk
from pipeline.normalise.readers import RawText, find_inputs, read_inputs
from pipeline.records import Reject

BODY = "Kyiv rejected the demand to withdraw its troops from the eastern regions."


def _article(path: Path, number: int = 0) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"Article {number}. {BODY}", encoding="utf-8")


@pytest.fixture
def linked(tmp_path: Path) -> Path:
    """An input folder holding a link to a folder of 5 articles, and a hidden article."""
    elsewhere = tmp_path / "elsewhere"
    for number in range(5):
        _article(elsewhere / f"{number}.txt", number)
    folder = tmp_path / "input"
    folder.mkdir()
    (folder / "linked").symlink_to(elsewhere, target_is_directory=True)
    _article(folder / ".hidden.txt")
    return folder


def test_normalise_folder_walk_follows_linked_folders(linked: Path) -> None:
    files, skipped = find_inputs(linked)
    assert [source for source, _ in files] == [f"linked/{n}.txt" for n in range(5)]
    assert [(reject.source, reject.reason) for reject in skipped] == [
        (".hidden.txt", "skipped_hidden")
    ]


@pytest.mark.parametrize("name", [".hidden.txt", ".git", "notes/.drafts"])
def test_normalise_folder_walk_records_hidden_entries(
    tmp_path: Path, name: str, caplog: pytest.LogCaptureFixture
) -> None:
    _article(tmp_path / "a.txt")
    hidden = tmp_path / name
    if name.endswith(".txt"):
        _article(hidden)
    else:
        _article(hidden / "inside.txt")
    with caplog.at_level(logging.WARNING):
        results = list(read_inputs(tmp_path, load_settings()))
    rejects = [item for item in results if isinstance(item, Reject)]
    assert [(reject.source, reject.reason) for reject in rejects] == [(name, "skipped_hidden")]
    assert "hidden" in rejects[0].detail and "rename" in rejects[0].detail
    assert [item.source for item in results if isinstance(item, RawText)] == ["a.txt"]
    assert any(name in message and "skipped_hidden" in message for message in caplog.messages)


def test_normalise_folder_walk_symlink_loops(tmp_path: Path) -> None:
    _article(tmp_path / "a.txt")
    (tmp_path / "ping.txt").symlink_to(tmp_path / "pong.txt")
    (tmp_path / "pong.txt").symlink_to(tmp_path / "ping.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "back").symlink_to(tmp_path, target_is_directory=True)
    files, skipped = find_inputs(tmp_path)
    assert [source for source, _ in files] == ["a.txt"]
    reasons = {reject.source: reject.reason for reject in skipped}
    assert reasons == {
        "ping.txt": "symlink_loop",
        "pong.txt": "symlink_loop",
        "sub/back": "symlink_loop",
    }
    assert all("link" in reject.detail for reject in skipped)


def test_normalise_folder_walk_broken_link(tmp_path: Path) -> None:
    _article(tmp_path / "a.txt")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    _, skipped = find_inputs(tmp_path)
    assert [(reject.source, reject.reason) for reject in skipped] == [("gone.txt", "broken_link")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders whatever their permissions")
def test_normalise_folder_walk_unreadable_folder_is_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    _article(tmp_path / "a.txt")
    locked = tmp_path / "locked"
    _article(locked / "b.txt")
    locked.chmod(0)
    try:
        with caplog.at_level(logging.WARNING):
            _, skipped = find_inputs(tmp_path)
    finally:
        locked.chmod(0o755)
    assert [(reject.source, reject.reason) for reject in skipped] == [("locked", "unreadable")]
    assert any("locked" in message for message in caplog.messages)


@pytest.mark.integration
def test_normalise_folder_walk_strict_counts_skipped(linked: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["normalise", "--input", str(linked), "--work", str(tmp_path / "w"), "--strict"]
    )
    assert result.exit_code != 0


def test_normalise_folder_walk_unlistable_folder_is_logged_anyone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The same as the chmod test, for any user: listing the folder fails."""
    _article(tmp_path / "a.txt")
    _article(tmp_path / "locked" / "b.txt")
    scandir = os.scandir

    def refuse(path: Any) -> Any:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(walk.os, "scandir", refuse)
    with caplog.at_level(logging.WARNING):
        files, skipped = find_inputs(tmp_path)
    assert [source for source, _ in files] == ["a.txt"]
    assert [(reject.source, reject.reason) for reject in skipped] == [("locked", "unreadable")]
    assert "Permission denied" in skipped[0].detail
    assert any("locked" in message and "unreadable" in message for message in caplog.messages)


def test_normalise_folder_walk_deep_folders(tmp_path: Path) -> None:
    """Folders nested deeper than a walk that recursed twice per level could go."""
    deep = tmp_path
    for _ in range(700):
        deep = deep / "d"
        deep.mkdir()
    _article(deep / "a.txt")
    files, skipped = find_inputs(tmp_path)
    assert [source for source, _ in files] == ["/".join(["d"] * 700 + ["a.txt"])]
    assert skipped == []
