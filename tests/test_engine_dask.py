"""The Dask engine on a local cluster: the same tables as the local engine, reruns, faults.

One session cluster (``dask_client``: 2 worker processes, 1 thread each)
serves every test; each whole run is compared byte for byte with the
local engine's.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import cloudpickle
import pytest
from click.testing import CliRunner

from pipeline.annotate.stage import run_annotate
from pipeline.chunk_runner import ChunkFailed
from pipeline.chunks import INDEX_FILE
from pipeline.cli import cli
from pipeline.config import ANNOTATED_DIR, CLAIMS_DIR, RAW_DIR, Settings, load_settings
from pipeline.engines import EngineChoice, logs, open_engine, use_engine
from pipeline.engines.dask import DaskEngine
from pipeline.extract.stage import run_extract
from pipeline.knowledge.bundle import shipped_knowledge
from pipeline.run import PipelineRun, run_pipeline

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = 200


def _corpus_module() -> ModuleType:
    """benchmarks/corpus.py, loaded from its path: benchmarks is not a package."""
    name = "benchmark_corpus"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / "corpus.py")
        assert spec and spec.loader
        sys.modules[name] = module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    return sys.modules[name]


def _tables(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.glob("*.parquet"))}


def _settings() -> Settings:
    return load_settings().with_overrides({"run": {"chunk_size": 16}})


def _run(source: Path, root: Path, name: str, engine: Any = None) -> PipelineRun:
    settings, knowledge = _settings(), shipped_knowledge()
    args = (settings, knowledge, source, root / name / "out", root / name / "work")
    if engine is None:
        return run_pipeline(*args)
    with use_engine(engine):
        return run_pipeline(*args)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generated") / "raw"
    _corpus_module().build_corpus(RAW_DIR, out, ARTICLES, 11)
    return out


@pytest.fixture(scope="module")
def local_tables(generated: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    root = tmp_path_factory.mktemp("local")
    _run(generated, root, "local")
    return _tables(root / "local" / "out")


def test_engine_dask_seeds_give_the_local_engines_tables(dask_client: Any, tmp_path: Path) -> None:
    _run(RAW_DIR, tmp_path, "local")
    _run(RAW_DIR, tmp_path, "dask", DaskEngine(dask_client))
    local, dask = _tables(tmp_path / "local" / "out"), _tables(tmp_path / "dask" / "out")
    assert len(local) == 10
    assert dask == local


def test_engine_dask_generated_corpus_same_tables_rerun_and_one_changed_chunk(
    dask_client: Any, generated: Path, local_tables: dict[str, bytes], tmp_path: Path
) -> None:
    engine = DaskEngine(dask_client)
    first = _run(generated, tmp_path, "dask", engine)
    assert first.annotated.chunks > 4 and first.annotated.reused == 0
    assert _tables(tmp_path / "dask" / "out") == local_tables
    again = _run(generated, tmp_path, "dask", engine)
    assert again.annotated.reused == again.annotated.chunks  # a rerun computes no chunk
    assert again.extracted.reused == again.extracted.chunks
    edited = sorted(generated.rglob("*.txt"))[3]
    original = edited.read_text(encoding="utf-8")
    try:
        edited.write_text(original.replace(" the ", " the reported ", 1), encoding="utf-8")
        changed = _run(generated, tmp_path, "dask", engine)
    finally:
        edited.write_text(original, encoding="utf-8")
    assert changed.annotated.chunks - changed.annotated.reused == 1
    assert changed.extracted.chunks - changed.extracted.reused == 1


def test_engine_dask_failed_chunk_stops_the_stage_and_a_rerun_completes(
    dask_client: Any, tmp_path: Path
) -> None:
    clean = _run(RAW_DIR, tmp_path, "clean")
    assert clean.extracted.chunks >= 1
    work = tmp_path / "faulty" / "work"
    settings, knowledge = _settings(), shipped_knowledge()
    _run(RAW_DIR, tmp_path, "faulty")  # a whole run, then one annotated chunk is damaged
    broken = sorted((work / ANNOTATED_DIR).glob("*.spacy"))[0]
    good = broken.read_bytes()
    broken.write_bytes(b"not a DocBin")
    for path in (work / CLAIMS_DIR).iterdir():
        path.unlink()
    with use_engine(DaskEngine(dask_client)):
        with pytest.raises(ChunkFailed, match=f"extract: chunk {broken.name} failed") as error:
            run_extract(work, settings, knowledge)
        assert "computes only the missing ones" in str(error.value)
        assert not (work / CLAIMS_DIR / INDEX_FILE).exists()  # the index is the commit
        broken.write_bytes(good)
        annotated = run_annotate(work, settings, knowledge)
        extracted = run_extract(work, settings, knowledge)
    assert annotated.reused == annotated.chunks
    assert extracted.chunks - extracted.reused == 1  # only the damaged chunk's claims
    again = _run(RAW_DIR, tmp_path, "faulty", DaskEngine(dask_client))
    assert again.extracted.reused == again.extracted.chunks
    assert _tables(tmp_path / "faulty" / "out") == _tables(tmp_path / "clean" / "out")


def _dies_once(item: tuple[int, Path]) -> int:
    """Kills its worker process the first time it sees item 3 (the marker file says so)."""
    number, marker = item
    if number == 3 and not marker.exists():
        marker.touch()
        os._exit(1)
    return number * number


def test_engine_dask_a_killed_worker_costs_only_its_task(dask_client: Any, tmp_path: Path) -> None:
    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # workers cannot import tests
    marker = tmp_path / "killed"
    items = [(number, marker) for number in range(8)]
    assert list(DaskEngine(dask_client).map(_dies_once, items)) == [n * n for n in range(8)]
    assert marker.exists()  # a worker did die, and Dask ran its task again elsewhere
    dask_client.wait_for_workers(2)


def test_engine_dask_workers_log_like_the_main_process(dask_client: Any) -> None:
    logger = logs.logging.getLogger(logs.LOGGER)
    before = logger.level
    try:
        for level in (logs.logging.ERROR, logs.logging.WARNING):
            logger.setLevel(level)
            assert list(DaskEngine(dask_client).map(abs, [-1, -2])) == [1, 2]
            assert set(dask_client.run(logs.current).values()) == {logs.LogSettings(level)}
    finally:
        logger.setLevel(before)


def test_engine_dask_cli_joins_a_scheduler(dask_client: Any, tmp_path: Path) -> None:
    address = dask_client.scheduler.address
    args = ["--quiet", "run", "--input", str(RAW_DIR), "--scheduler", address]
    result = CliRunner().invoke(cli, [*args, "--output", str(tmp_path / "dask")])
    assert result.exit_code == 0, result.output
    _run(RAW_DIR, tmp_path, "local")
    assert _tables(tmp_path / "dask") == _tables(tmp_path / "local" / "out")


def test_engine_dask_without_scheduler_starts_a_local_cluster_of_jobs_workers() -> None:
    with open_engine(EngineChoice("dask", jobs=1)) as engine:
        assert isinstance(engine, DaskEngine)
        assert engine.workers == 1
        assert list(engine.map(abs, range(-5, 0))) == [5, 4, 3, 2, 1]


def test_engine_dask_scheduler_without_workers_is_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from distributed import LocalCluster

    from pipeline.engines import choice

    monkeypatch.setattr(choice, "CONNECT_SECONDS", 0.5)
    with LocalCluster(n_workers=0, dashboard_address=None, processes=False) as empty:
        args = ["annotate", "--work", str(tmp_path), "--scheduler", empty.scheduler_address]
        result = CliRunner().invoke(cli, args)
    address = empty.scheduler_address
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: the Dask scheduler at {address} has no workers")
    assert result.output.count("\n") == 1
