"""A whole run under faults: stale leftovers, SIGTERM, a full disk, and the default work folder."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import pipeline
from pipeline import cli
from pipeline.config import PipelineError, load_settings
from pipeline.io import DiskFull
from pipeline.knowledge.bundle import load_knowledge
from pipeline.run import default_work_dir, run_pipeline
from pipeline.tables.stage import TableSink

pytestmark = pytest.mark.integration

ARTICLE = "Grain Corridor Talks\n\nErdogan urged Moscow to extend the grain deal. Putin refused.\n"
ROOT = Path(pipeline.__file__).resolve().parent.parent


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(3):
        (folder / f"{number}.txt").write_text(f"{ARTICLE}Day {number}.\n", encoding="utf-8")
    return folder


def run(corpus: Path, out: Path, work: Path | None = None):  # type: ignore[no-untyped-def]
    return run_pipeline(load_settings(), load_knowledge(), corpus, out, work)


def test_run_without_work_folder_reuses_every_chunk_on_a_rerun(
    corpus: Path, tmp_path: Path
) -> None:
    first = run(corpus, tmp_path / "out")
    second = run(corpus, tmp_path / "out")
    assert first.annotated.reused == 0
    assert second.annotated.reused == second.annotated.chunks > 0
    assert second.extracted.reused == second.extracted.chunks
    work = default_work_dir(tmp_path / "out")
    assert work == tmp_path / ".out-work" and (work / "documents.jsonl").is_file()
    assert not (tmp_path / "out" / "documents.jsonl").exists()  # the tables folder holds tables


def test_run_removes_what_killed_runs_left(corpus: Path, tmp_path: Path) -> None:
    out, work = tmp_path / "out", tmp_path / "work"
    run(corpus, out, work)
    left = [
        out / ".tables-k1ll3d_x",  # a staging folder of an older version
        out / ".claims.0123456789abcdef0123456789abcdef.tmp",  # a DuckDB file being built
        work / ".documents.jsonl.ab12cd34",  # a temporary file of an older version
        work / "annotated" / ".0f0f.spacy.tmp-ab12cd34",
        work / "claims" / ".0f0f.jsonl.tmp-zz99yy88",
    ]
    for path in left:
        path.write_bytes(b"half")
    (out / ".tables-k1ll3d_x").unlink()
    (out / ".tables-k1ll3d_x").mkdir()
    (out / ".tables-k1ll3d_x" / "claims.parquet").write_bytes(b"half")
    keep = [out / ".my-notes", work / ".keep"]
    for path in keep:
        path.write_text("mine", encoding="utf-8")
    run(corpus, out, work)
    assert [path for path in left if path.exists()] == []
    assert all(path.exists() for path in keep)


def test_run_sigterm_removes_the_temporary_work_folder(corpus: Path, tmp_path: Path) -> None:
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    args = ["run", "--input", str(corpus), "--output", str(tmp_path / "out"), "--temporary-work"]
    environment = {**os.environ, "TMPDIR": str(temporary), "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "--quiet", *args], env=environment, cwd=ROOT
    )
    deadline = time.monotonic() + 60
    while not list(temporary.glob("pipeline-work-*")) and process.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.02)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=60) == 128 + signal.SIGTERM
    assert list(temporary.iterdir()) == []


def wrapped_full(*args: object, **kwargs: object) -> None:
    """A worker's full disk as it may reach the main process: its text inside another error."""
    raise PipelineError("chunk k1 failed: OSError: [Errno 28] No space left on device")


@pytest.mark.parametrize("stage", ["annotate", "tables", "annotate-wrapped"])
def test_run_full_disk_is_one_line_naming_the_folder(
    corpus: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    stage: str,
) -> None:
    out, work = tmp_path / "out", tmp_path / "work"
    run(corpus, out, work)
    before = pq.read_table(out / "claims.parquet")
    (corpus / "new.txt").write_text(ARTICLE.replace("Erdogan", "Macron"), encoding="utf-8")

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    if stage == "annotate":
        monkeypatch.setattr("pipeline.annotate.stage.write_annotated", full)
    elif stage == "annotate-wrapped":
        monkeypatch.setattr("pipeline.annotate.stage.write_annotated", wrapped_full)
    else:
        monkeypatch.setattr(TableSink, "add", full)
    argv = ["pipeline", "--quiet", "run", "--input", str(corpus), "--output", str(out)]
    monkeypatch.setattr(sys, "argv", [*argv, "--work", str(work)])
    with pytest.raises(SystemExit) as exit_:
        cli.main()
    assert exit_.value.code != 0
    message = capsys.readouterr().err
    assert message.count("\n") == 1 and "Traceback" not in message
    folder = out if stage == "tables" else work
    assert f"{stage.split('-')[0]}: the disk holding {folder}" in message
    assert "is full" in message
    assert pq.read_table(out / "claims.parquet").equals(before)  # earlier outputs stay


def test_run_full_disk_error_names_the_file_s_folder_when_it_is_known(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(target: Path, *args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(target))

    monkeypatch.setattr("pipeline.annotate.stage.write_annotated", full)
    with pytest.raises(
        DiskFull, match=f"annotate: the disk holding {tmp_path / 'w' / 'annotated'} "
    ):
        run(corpus, tmp_path / "out", tmp_path / "w")
