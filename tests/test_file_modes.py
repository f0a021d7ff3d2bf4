"""Outputs follow the user's umask, as files written with open() would, not mkstemp's 0600."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.io import atomic_path, write_jsonl

ROOT = Path(__file__).resolve().parents[1]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_io_atomic_files_follow_the_umask(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "rows.jsonl", [{"a": 1}])
    with atomic_path(tmp_path / "data.bin") as tmp:
        tmp.write_bytes(b"x")
    expected = 0o666 & ~current_umask()
    assert mode(tmp_path / "rows.jsonl") == expected
    assert mode(tmp_path / "data.bin") == expected


@pytest.mark.parametrize(("umask", "expected"), [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664)])
def test_io_atomic_files_follow_the_umask_the_process_starts_with(
    tmp_path: Path, umask: int, expected: int
) -> None:
    target = tmp_path / "rows.jsonl"
    code = (
        f"import os; os.umask({umask}); from pipeline.io import write_jsonl; "
        f"write_jsonl({str(target)!r}, [{{'a': 1}}])"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
    assert mode(target) == expected


@pytest.mark.integration
@pytest.mark.parametrize("partition_by", [None, "month"])
def test_tables_and_database_follow_the_umask(tmp_path: Path, partition_by: str | None) -> None:
    from test_tables_stage import KNOWLEDGE, make_work_dir

    from pipeline.tables.duckdb_model import write_duckdb
    from pipeline.tables.stage import write_tables

    out = tmp_path / "out"
    write_tables(make_work_dir(tmp_path / "work"), out, KNOWLEDGE, partition_by=partition_by)
    write_duckdb(out)
    mask = current_umask()
    found = {path.relative_to(out).as_posix(): mode(path) for path in out.rglob("*")}
    expected = {name: (0o777 if (out / name).is_dir() else 0o666) & ~mask for name in found}
    assert found == expected
    assert ("claims" in found) == (partition_by is not None)
