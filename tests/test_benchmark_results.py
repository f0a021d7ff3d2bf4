"""`make bench` rewrites benchmarks/results.md but keeps the sections other benchmarks wrote."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _kept_sections(results: Path) -> str:
    """benchmarks/run.py's kept_sections, loaded from its path (benchmarks is not a package)."""
    spec = importlib.util.spec_from_file_location("benchmark_run", ROOT / "benchmarks" / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("benchmark_run", module)
    spec.loader.exec_module(module)
    return str(module.kept_sections(results))


def test_benchmark_results_keep_marked_sections_and_drop_the_rest(tmp_path: Path) -> None:
    results = tmp_path / "results.md"
    results.write_text(
        "# Old figures\nratio 0.5\n\n<!-- engines: make bench-dask -->\n## Engines\n"
        "dask 2 workers 10 words/s\n<!-- /engines -->\ntrailing line\n",
        encoding="utf-8",
    )
    kept = _kept_sections(results)
    assert "## Engines" in kept and "dask 2 workers 10 words/s" in kept
    assert kept.strip().endswith("<!-- /engines -->")
    assert "ratio 0.5" not in kept and "trailing line" not in kept


def test_benchmark_results_without_a_file_keep_nothing(tmp_path: Path) -> None:
    assert _kept_sections(tmp_path / "missing.md") == ""
