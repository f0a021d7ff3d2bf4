"""The whole pipeline as one library call: articles in, Parquet tables and a DuckDB file out.

``pipeline run`` is this function behind command-line options; a notebook or a
scheduler calls it the same way::

    from pipeline.config import load_settings
    from pipeline.knowledge.bundle import load_knowledge
    from pipeline.run import run_pipeline

    run_pipeline(load_settings(), load_knowledge(), Path("data/raw"), Path("data/processed"))
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pipeline.chunks import ChunkRun
from pipeline.config import PipelineError, Settings
from pipeline.io import disk_full_names
from pipeline.knowledge.bundle import Knowledge

Report = Callable[[str], None]


def took(started: float) -> str:
    """Wall time since ``started`` (a ``time.perf_counter()`` value), for stage summaries."""
    return f"in {time.perf_counter() - started:.1f} s"


def tables_summary(counts: dict[str, int]) -> str:
    """Rows per table, as the stage summaries print them."""
    return ", ".join(f"{name} {rows}" for name, rows in counts.items())


@dataclass(frozen=True)
class PipelineRun:
    """What a whole run did, stage by stage."""

    documents: int
    rejected_inputs: int  # inputs normalise could not use
    annotated: ChunkRun
    extracted: ChunkRun
    tables: dict[str, int]  # rows per table
    database: Path

    @property
    def rejects(self) -> int:
        """Rows of the rejects table: rejected inputs and documents a stage failed on."""
        return self.tables["rejects"]


def default_work_dir(output_dir: Path) -> Path:
    """The work folder of a run that names none: ``.<output name>-work`` beside the output.

    Beside, not inside, so the folder BI tools read holds the tables only; kept,
    so the next run reuses every chunk it would compute again.
    """
    output = Path(output_dir).resolve()
    return output.parent / f".{output.name}-work"


def run_pipeline(
    settings: Settings,
    knowledge: Knowledge,
    input_path: Path,
    output_dir: Path,
    work_dir: Path | None = None,
    partition_by: str | None = None,
    jobs: int = 1,
    progress: bool = False,
    report: Report | None = None,
    temporary_work: bool = False,
) -> PipelineRun:
    """Run normalise, annotate, extract, tables and the DuckDB views; return what each did.

    Without ``work_dir`` the intermediate outputs go to ``default_work_dir(output_dir)``,
    or, with ``temporary_work``, to a temporary folder removed afterwards. The work
    folder is locked for the run and the output folder while the tables are written
    (a second run gets ``FolderInUse``). ``report`` receives one summary line per stage as it ends.
    """
    from pipeline.workfolder import work_folder

    if temporary_work:
        work = Path(tempfile.mkdtemp(prefix="pipeline-work-"))
    else:
        work = Path(work_dir) if work_dir is not None else default_work_dir(output_dir)
        _make_work_dir(work, given=work_dir is not None)
    try:
        with work_folder(work):
            return _run_stages(
                settings,
                knowledge,
                input_path,
                output_dir,
                work,
                partition_by,
                jobs,
                progress,
                report,
            )
    finally:
        if temporary_work:
            shutil.rmtree(work, ignore_errors=True)


def _make_work_dir(work: Path, given: bool) -> None:
    try:
        work.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        hint = "choose another --work folder" if given else "give one with --work"
        raise PipelineError(
            f"cannot create the work folder {work} ({error.strerror}); {hint}"
        ) from error


def _run_stages(
    settings: Settings,
    knowledge: Knowledge,
    input_path: Path,
    output_dir: Path,
    work: Path,
    partition_by: str | None,
    jobs: int,
    progress: bool,
    report: Report | None,
) -> PipelineRun:
    from pipeline.annotate.stage import run_annotate
    from pipeline.extract.stage import run_extract
    from pipeline.normalise.stage import run_normalise
    from pipeline.tables.duckdb_model import write_duckdb
    from pipeline.tables.stage import write_tables

    say = report or (lambda message: None)
    started = time.perf_counter()
    with disk_full_names("normalise", work):
        documents, rejected = run_normalise(input_path, work, settings, knowledge, progress, jobs)
    say(f"normalise: {documents} documents, {rejected} rejected inputs -> {work} {took(started)}")
    started = time.perf_counter()
    with disk_full_names("annotate", work):
        annotated = run_annotate(work, settings, knowledge, jobs, progress)
    say(f"annotate: {annotated.summary()} -> {work} {took(started)}")
    started = time.perf_counter()
    with disk_full_names("extract", work):
        extracted = run_extract(work, settings, knowledge, jobs, progress)
    say(f"extract: claims of {extracted.summary()} -> {work} {took(started)}")
    started = time.perf_counter()
    with disk_full_names("tables", output_dir, work):  # write_tables locks the output folder
        counts = write_tables(work, output_dir, knowledge, partition_by, jobs)
        say(f"tables: {tables_summary(counts)} -> {output_dir} {took(started)}")
        database = write_duckdb(output_dir, None)
    say(f"bi: views over the tables of {output_dir} -> {database}")
    return PipelineRun(documents, rejected, annotated, extracted, counts, database)
