"""A whole run whose input, work folder or output is on an object store.

Every location is checked first (scheme, credentials, bucket), so a bad one
stops the run before anything is written and earlier outputs stay as they
were. Then the inputs and the work folder are copied into a local temporary
folder, the stages run there as on local paths (with any engine whose workers
share this machine's disk), the work folder is copied back, changed files only,
in ``finally`` (finished chunks are kept even when a later stage fails), and the
table set is published (``pipeline.storage.tables``). A rerun with nothing
changed reuses every chunk, puts no table and leaves the pointer as it was.

Not supported yet: workers on other machines (a joined Dask cluster) reading
and writing the store themselves; such a run is refused with one line.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pipeline.config import Settings
from pipeline.knowledge.bundle import Knowledge
from pipeline.run import PipelineRun, run_pipeline
from pipeline.storage import mirror, tables
from pipeline.storage.stores import StorageError, Store, is_url, open_store

Location = Path | str


@dataclass(frozen=True)
class StoreRun:
    """A run on stores: the stages' counts, the published set and the puts it took."""

    stages: PipelineRun
    table_set: str | None  # the set the output's pointer names, when the output is a URL
    puts: int  # objects written to the stores (work folder and tables)
    views: str | None  # the URL of the views script, when the output is a URL


def default_work_url(output: str) -> str:
    """``.NAME-work`` beside the output prefix, as for local folders."""
    scheme, _, rest = output.partition("://")
    rest = rest.rstrip("/")
    if "/" not in rest:  # the root of a bucket
        return f"{scheme}://{rest}/.pipeline-work"
    head, name = rest.rsplit("/", 1)
    return f"{scheme}://{head}/.{name}-work"


def _report_urls(report: Any, stores: dict[str, Store], scratch: Path) -> Any:
    """The stage summaries with the URLs in place of the local copies; no line for the local
    DuckDB file of a URL output (its views.sql is published instead)."""
    if report is None or not stores:
        return report

    def say(line: str) -> None:
        if "output" in stores and line.startswith("bi:"):
            return
        for name, store in stores.items():
            line = line.replace(str(scratch / name), store.url)
        report(line)

    return say


def check_engine_is_local(option: str) -> None:
    """Refuse workers on other machines: they cannot see the local copies (not supported yet)."""
    from pipeline.engines.base import active_engine

    engine: Any = active_engine()
    client = getattr(engine, "client", None)
    if client is None:
        return
    hosts = {urlsplit(address).hostname for address in client.scheduler_info()["workers"]}
    if hosts - {"127.0.0.1", "localhost", "::1"}:
        raise StorageError(
            f"{option}: a Dask cluster with workers on other machines cannot run on object "
            "storage yet (not supported yet); use --engine local or a local cluster "
            "(--engine dask without --scheduler)"
        )


def run_on_stores(
    settings: Settings,
    knowledge: Knowledge,
    input_path: Location,
    output_dir: Location,
    work_dir: Location | None = None,
    options: dict[str, Any] | None = None,
    **run: Any,
) -> StoreRun:
    """``run_pipeline`` where any of input, work and output may be a URL of a store.

    ``run`` holds run_pipeline's other arguments (partition_by, jobs, progress, report).
    """
    options = dict(options or {})
    if work_dir is None and is_url(output_dir):
        work_dir = default_work_url(str(output_dir))
    stores = {
        name: open_store(str(value), option, options, must_exist=name == "input")
        for name, value, option in (
            ("input", input_path, "--input"),
            ("output", output_dir, "--output"),
            ("work", work_dir, "--work"),
        )
        if value is not None and is_url(value)
    }
    for store in stores.values():
        check_engine_is_local(store.option)
    scratch = Path(tempfile.mkdtemp(prefix="pipeline-store-"))
    try:
        return _staged(settings, knowledge, stores, scratch, input_path, output_dir, work_dir, run)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _staged(
    settings: Settings,
    knowledge: Knowledge,
    stores: dict[str, Store],
    scratch: Path,
    input_path: Location,
    output_dir: Location,
    work_dir: Location | None,
    run: dict[str, Any],
) -> StoreRun:
    systems = {name: store.fs() for name, store in stores.items()}
    local_input = Path(input_path)
    if "input" in stores:
        local_input = mirror.download(stores["input"], systems["input"], scratch / "input")
    local_work = Path(work_dir) if work_dir is not None else None
    if "work" in stores:
        local_work = mirror.download(stores["work"], systems["work"], scratch / "work")
    local_output = scratch / "output" if "output" in stores else Path(output_dir)
    run = {**run, "report": _report_urls(run.get("report"), stores, scratch)}
    puts = 0
    try:
        stages = run_pipeline(settings, knowledge, local_input, local_output, local_work, **run)
    finally:
        if "work" in stores and local_work is not None:
            puts += mirror.upload(local_work, stores["work"], systems["work"])
    if "output" not in stores:
        return StoreRun(stages, None, puts, None)
    folder = (local_output / tables.SETS_DIR / tables.CURRENT).resolve()
    table_set, put = tables.publish(folder, stores["output"], systems["output"])
    return StoreRun(stages, table_set, puts + put, stores["output"].url_of(tables.VIEWS_FILE))
