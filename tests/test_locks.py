"""Folder locks: a second run on a held work or output folder stops at once, naming the holder."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_tables_stage import KNOWLEDGE, make_work_dir

from pipeline.cli import cli
from pipeline.locks import FolderInUse
from pipeline.tables.publish import SETS_DIR
from pipeline.tables.stage import write_tables

pytestmark = pytest.mark.integration

# Another run, as the OS sees it: a process holding flock on FOLDER/.lock, its pid inside.
HOLDER = """
import fcntl, os, sys
folder = sys.argv[1]
os.makedirs(folder, exist_ok=True)
handle = open(os.path.join(folder, ".lock"), "a+")
fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
handle.truncate(0)
handle.write(f"{os.getpid()}\\n")
handle.flush()
print("held", flush=True)
sys.stdin.read()
"""


@pytest.fixture()
def holder(tmp_path: Path) -> Iterator[tuple[Path, subprocess.Popen[str]]]:
    """A live process holding tmp_path/held; ended when the test is done."""
    folder = tmp_path / "held"
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(folder)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stdout.readline() == "held\n"
    yield folder, process
    process.kill()
    process.wait()


def test_locks_a_second_run_on_a_held_work_folder_names_the_holder(
    tmp_path: Path, holder: tuple[Path, subprocess.Popen[str]]
) -> None:
    work, process = holder
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.txt").write_text("Putin rejected the plan.\n", encoding="utf-8")
    args = ["run", "--input", str(source), "--output", str(tmp_path / "out"), "--work", str(work)]
    result = CliRunner().invoke(cli, ["--quiet", *args])
    assert isinstance(result.exception, FolderInUse)
    message = str(result.exception)
    assert f"process {process.pid}" in message and str(work) in message
    assert "\n" not in message
    assert not (work / "documents.jsonl").exists()
    process.kill()  # the holder dies: its lock goes with it, its pid stays in the file
    process.wait()
    result = CliRunner().invoke(cli, ["--quiet", *args])
    assert result.exit_code == 0, result.output
    assert (work / "documents.jsonl").is_file()


def test_locks_tables_stage_stops_while_another_run_holds_the_output(
    tmp_path: Path, holder: tuple[Path, subprocess.Popen[str]]
) -> None:
    held, process = holder
    out = tmp_path / "out"
    out.mkdir()
    held.rename(out / SETS_DIR)  # the other run holds the output folder's table sets
    work_dir = make_work_dir(tmp_path / "work")
    with pytest.raises(FolderInUse, match=f"in use by another run \\(process {process.pid}\\)"):
        write_tables(work_dir, out, KNOWLEDGE)
    assert not (out / "claims.parquet").exists()
