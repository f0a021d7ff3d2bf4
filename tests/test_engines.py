"""Choosing an engine: options, environment and settings; clear errors; workers' logging."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.config import RAW_DIR, RunSettings, load_settings
from pipeline.engines import EngineChoice, EngineError, LocalEngine, choose, use_engine
from pipeline.engines.base import active_engine
from pipeline.normalise.stage import run_normalise
from pipeline.parallel import ordered_map

RUN = load_settings().run


def _run(**changes: object) -> RunSettings:
    return RunSettings(**{**RUN.__dict__, **changes})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("options", "environment", "settings", "expected"),
    [
        ({}, None, {}, EngineChoice("local", 2)),
        ({"engine": "dask"}, None, {}, EngineChoice("dask", 2)),
        ({}, None, {"engine": "dask"}, EngineChoice("dask", 2)),
        (
            {"scheduler": "tcp://a:1"},
            "tcp://b:2",
            {"scheduler": "tcp://c:3"},
            EngineChoice("dask", 2, "tcp://a:1", None, "--scheduler"),
        ),
        (
            {"engine": "dask"},
            "tcp://b:2",
            {"scheduler": "tcp://c:3"},
            EngineChoice("dask", 2, "tcp://b:2", None, "DASK_SCHEDULER_ADDRESS"),
        ),
        (
            {"engine": "dask"},
            None,
            {"scheduler_file": "s.json"},
            EngineChoice("dask", 2, None, "s.json", "[run] scheduler_file"),
        ),
        ({}, "tcp://b:2", {}, EngineChoice("local", 2)),  # the variable alone picks no engine
    ],
)
def test_engines_choose_options_then_environment_then_settings(
    monkeypatch: pytest.MonkeyPatch,
    options: dict[str, str],
    environment: str | None,
    settings: dict[str, str],
    expected: EngineChoice,
) -> None:
    monkeypatch.delenv("DASK_SCHEDULER_ADDRESS", raising=False)
    if environment:
        monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", environment)
    assert choose(_run(**settings), 2, **options) == expected


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"engine": "local", "scheduler": "tcp://a:1"}, "--scheduler needs --engine dask"),
        ({"scheduler": "tcp://a:1", "scheduler_file": "s.json"}, "not both"),
    ],
)
def test_engines_choose_rejects_contradictions(options: dict[str, str], message: str) -> None:
    with pytest.raises(EngineError, match=message):
        choose(RUN, 1, **options)


def test_engines_unknown_engine_in_settings_names_the_key() -> None:
    with pytest.raises(EngineError, match=r"\[run\] engine must be one of local, dask"):
        choose(_run(engine="spark"), 1)


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize("command", ["run", "annotate", "extract", "tables"])
def test_engines_unreachable_scheduler_is_one_line_and_changes_nothing(
    tmp_path: Path, command: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "claims.parquet").write_bytes(b"earlier output")
    address = f"tcp://127.0.0.1:{_free_port()}"
    args = {
        "run": ["--input", str(RAW_DIR), "--output", str(out)],
        "tables": ["--output", str(out)],
    }
    result = CliRunner().invoke(
        cli,
        [command, "--work", str(tmp_path / "work"), *args.get(command, []), "--scheduler", address],
    )
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"Error: cannot reach the Dask scheduler at {address}")
    assert "check --scheduler" in lines[0]
    assert (out / "claims.parquet").read_bytes() == b"earlier output"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out"]


def test_engines_dask_not_installed_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pipeline.engines.dask", None)  # import fails
    result = CliRunner().invoke(cli, ["annotate", "--work", str(tmp_path), "--engine", "dask"])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1
    assert "--engine dask needs Dask distributed" in result.output
    assert "pip install 'pipeline[dask]'" in result.output


def test_engines_use_engine_is_what_ordered_map_runs_on() -> None:
    class Doubling(LocalEngine):
        def map(self, function, items, initializer=None, initargs=()):  # type: ignore[override]
            return (2 * result for result in super().map(function, items))

    assert active_engine() is None
    with use_engine(Doubling()):
        assert list(ordered_map(abs, [-1, 2])) == [2, 4]
    assert list(ordered_map(abs, [-1, 2])) == [1, 2]


@pytest.mark.integration
def test_engines_local_pool_workers_log_with_the_main_level_and_format(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "good.txt").write_text("Kyiv said talks go on.\n", encoding="utf-8")
    (tmp_path / "raw" / "blank.txt").write_text("  \n", encoding="utf-8")  # rejected in a worker
    logger = logging.getLogger("pipeline")
    before = logger.level
    settings = load_settings()
    try:
        logger.setLevel(logging.ERROR)  # as --quiet does
        run_normalise(tmp_path / "raw", tmp_path / "quiet", settings, jobs=2)
        assert "rejected" not in capfd.readouterr().err
        logger.setLevel(logging.WARNING)
        run_normalise(tmp_path / "raw", tmp_path / "loud", settings, jobs=2)
        assert (
            "WARNING pipeline.normalise.stage: rejected blank.txt: empty" in capfd.readouterr().err
        )
    finally:
        logger.setLevel(before)
