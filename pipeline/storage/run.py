"""A whole run whose input, work folder or output is on an object store.

Every location is checked first (scheme, credentials, bucket), so a bad one
stops the run before anything is written and earlier outputs stay as they
were. The driver keeps local copies (between runs, see ``cache_folder``) of the
inputs and of the work folder's small files: documents, rejects, the inputs
manifest and the chunk indexes, which it reads and writes itself. With the
work folder on a store, the chunk files stay on the store: every task fetches
what it reads and puts what it writes (``pipeline.storage.remote``), whatever
engine runs it, so Dask workers on other machines need no shared disk. The
driver's changed files are put back in ``finally`` (finished chunks are on the
store as soon as their task ends, even when a later stage fails), and the
table set is published (``pipeline.storage.tables``). A rerun with nothing
changed fetches nothing, reuses every chunk, puts no object and leaves the
pointer as it was.

Workers on other machines need the input and the work folder on a store; a run
that gives them a local folder is refused with one line naming the option.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pipeline.config import Settings
from pipeline.knowledge.bundle import Knowledge
from pipeline.locks import folder_lock
from pipeline.run import PipelineRun, run_pipeline
from pipeline.storage import mirror, remote, tables
from pipeline.storage.stores import StorageError, Store, is_url, open_store

Location = Path | str


@dataclass(frozen=True)
class StoreRun:
    """A run on stores: the stages' counts, the published set and the puts it took."""

    stages: PipelineRun
    table_set: str | None  # the set the output's pointer names, when the output is a URL
    puts: int  # objects written to the stores (work folder and tables)
    views: str | None  # the URL of the views script, when the output is a URL
    fetched: int = 0  # objects copied from the stores (inputs and work folder)
    task_fetched: int = 0  # objects the tasks fetched (chunk files; inputs to normalise)


def default_work_url(output: str) -> str:
    """``.NAME-work`` beside the output prefix, as for local folders."""
    scheme, _, rest = output.partition("://")
    rest = rest.rstrip("/")
    if "/" not in rest:  # the root of a bucket
        return f"{scheme}://{rest}/.pipeline-work"
    head, name = rest.rsplit("/", 1)
    return f"{scheme}://{head}/.{name}-work"


def _report_urls(report: Any, places: dict[str, str], url_output: bool) -> Any:
    """The stage summaries with the URLs in place of the local copies; no line for the local
    DuckDB file of a URL output (its views.sql is published instead)."""
    if report is None or not places:
        return report

    def say(line: str) -> None:
        if url_output and line.startswith("bi:"):
            return
        for local, url in places.items():
            line = line.replace(local, url)
        report(line)

    return say


def workers_elsewhere() -> bool:
    """Whether the engine in use has workers on other machines (a joined Dask cluster)."""
    from pipeline.engines.base import active_engine

    client = getattr(active_engine(), "client", None)
    if client is None:
        return False
    hosts = {urlsplit(address).hostname for address in client.scheduler_info()["workers"]}
    return bool(hosts - {"127.0.0.1", "localhost", "::1"})


def check_workers_reach(stores: dict[str, Store]) -> None:
    """Workers on other machines read and write the stores, never this machine's disk:
    the input and the work folder must then be URLs."""
    if not workers_elsewhere():
        return
    for name, option in (("input", "--input"), ("work", "--work")):
        if name not in stores:
            raise StorageError(
                f"{option}: a Dask cluster with workers on other machines cannot read this "
                f"machine's folders; give {option} an s3:// (gs://, ...) URL, or use "
                "--engine local or a local cluster (--engine dask without --scheduler)"
            )


def run_on_stores(
    settings: Settings,
    knowledge: Knowledge,
    input_path: Location,
    output_dir: Location,
    work_dir: Location | None = None,
    options: dict[str, Any] | None = None,
    cache: Path | None = None,
    **run: Any,
) -> StoreRun:
    """``run_pipeline`` where any of input, work and output may be a URL of a store.

    ``run`` holds run_pipeline's other arguments (partition_by, jobs, progress, report);
    ``cache`` is where the local copies are kept (``cache_folder``).
    """
    options = dict(options or {})
    if work_dir is None and is_url(output_dir) and not run.get("temporary_work"):
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
    if stores:
        check_workers_reach(stores)
    with ExitStack() as stack:
        scratch = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="pipeline-store-")))
        copies = {"output": scratch / "output"}
        for name in ("input", "work"):
            if name in stores:
                folder = cache_folder(stores[name].url, cache)
                stack.enter_context(folder_lock(folder, f"local copy of {stores[name].url}"))
                copies[name] = folder / "files"
        return _staged(settings, knowledge, stores, copies, (input_path, output_dir, work_dir), run)


def cache_folder(url: str, cache: Path | None = None) -> Path:
    """Where the local copy of a store's folder is kept between runs.

    ``cache``, else ``PIPELINE_STORE_CACHE``, else ``$XDG_CACHE_HOME/pipeline/stores``
    (``~/.cache/pipeline/stores``); one folder per URL.
    """
    if cache is None:
        given = os.environ.get("PIPELINE_STORE_CACHE")
        home = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        cache = Path(given) if given else Path(home) / "pipeline" / "stores"
    folder = Path(cache) / hashlib.sha256(url.rstrip("/").encode("utf-8")).hexdigest()[:16]
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _remote_work(
    stores: dict[str, Store], copies: dict[str, Path], local: dict[str, Path]
) -> remote.RemoteWork | None:
    """With the work folder on a store, the places whose files the tasks fetch and put."""
    if "work" not in stores:
        return None
    work = stores["work"]
    places = [remote.Place(str(copies["work"]), work.url, work.option, work.options)]
    if "input" in stores:
        given = stores["input"]
        url = given.url  # a single object: its copy lies in the copy of its parent
        if local["input"] != copies["input"]:
            url = f"{given.protocol}://{given.root.rsplit('/', 1)[0]}"
        places.append(remote.Place(str(copies["input"]), url, given.option, given.options))
    return remote.RemoteWork(tuple(places), places[0])


def _staged(
    settings: Settings,
    knowledge: Knowledge,
    stores: dict[str, Store],
    copies: dict[str, Path],
    locations: tuple[Location, Location, Location | None],
    run: dict[str, Any],
) -> StoreRun:
    systems = {name: store.fs() for name, store in stores.items()}
    local = {"input": Path(locations[0]), "output": Path(locations[1])}
    if locations[2] is not None:
        local["work"] = Path(locations[2])
    fetched = 0
    for name in ("input", "work"):
        if name in stores:
            skip = remote.is_payload if name == "work" else None
            local[name], count = mirror.download(stores[name], systems[name], copies[name], skip)
            fetched += count
    if "output" in stores:
        local["output"] = copies["output"]
    places = {str(copies[name]): store.url for name, store in stores.items()}
    run = {**run, "report": _report_urls(run.get("report"), places, "output" in stores)}
    puts = task_fetched = 0
    with ExitStack() as stack:
        work = _remote_work(stores, copies, local)
        if work is not None:
            stack.enter_context(remote.remote_work(work))
        try:
            stages = run_pipeline(
                settings, knowledge, local["input"], local["output"], local.get("work"), **run
            )
        finally:
            if work is not None:
                task_fetched = work.fetched
                puts += work.puts + mirror.upload(
                    local["work"], stores["work"], systems["work"], skip=remote.is_payload
                )
    if "output" not in stores:
        return StoreRun(stages, None, puts, None, fetched, task_fetched)
    folder = (local["output"] / tables.SETS_DIR / tables.CURRENT).resolve()
    table_set, put = tables.publish(folder, stores["output"], systems["output"])
    views = stores["output"].url_of(tables.VIEWS_FILE)
    return StoreRun(stages, table_set, puts + put, views, fetched, task_fetched)
