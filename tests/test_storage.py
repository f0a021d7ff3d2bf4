"""Object storage: inputs, work folder and tables on S3 (a moto server on 127.0.0.1).

One moto server serves the session (``s3_endpoint``: a random free port,
started and stopped here); each test gets its own bucket and fake credentials
in its own environment only. Nothing else on the machine is contacted.
"""

from __future__ import annotations

import itertools
import json
import logging
import os
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.config import RAW_DIR, load_settings
from pipeline.knowledge.bundle import shipped_knowledge
from pipeline.run import run_pipeline
from pipeline.storage import mirror
from pipeline.storage.run import default_work_url, run_on_stores
from pipeline.storage.stores import StorageError, Store, parse_options
from pipeline.storage.tables import POINTER, VIEWS_FILE, views_sql
from pipeline.tables.schemas import TABLES

_buckets = itertools.count()


@pytest.fixture(scope="session")
def s3_endpoint() -> Iterator[str]:
    """A moto S3 server on 127.0.0.1 and a free port, for the whole session."""
    server_module = pytest.importorskip("moto.server")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no line per request
    server = server_module.ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@dataclass
class S3:
    fs: Any  # an s3fs file system with the fake credentials
    bucket: str
    endpoint: str

    @property
    def options(self) -> dict[str, Any]:
        return {"endpoint_url": self.endpoint}

    def url(self, key: str) -> str:
        return f"s3://{self.bucket}/{key}"

    def objects(self) -> dict[str, bytes]:
        self.fs.invalidate_cache()
        return {key: self.fs.cat_file(key) for key in self.fs.find(self.bucket)}


@pytest.fixture
def s3(s3_endpoint: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> S3:
    """A fresh bucket, and fake credentials in this test's environment only."""
    import s3fs

    for name in [name for name in os.environ if name.startswith("AWS_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_CONFIG_FILE", os.devnull)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", os.devnull)
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")  # never ask a metadata service
    monkeypatch.setenv("PIPELINE_STORE_CACHE", str(tmp_path / "cache"))  # local copies
    monkeypatch.setenv("AWS_ENDPOINT_URL", "http://127.0.0.1:9")  # without an endpoint: refused
    fs = s3fs.S3FileSystem(key="testing", secret="testing", endpoint_url=s3_endpoint)
    bucket = f"test-{next(_buckets)}"
    fs.mkdir(bucket)  # no region: moto refuses an explicit us-east-1 here
    return S3(fs, bucket, s3_endpoint)


def _upload_raw(s3: S3) -> None:
    for path in sorted(RAW_DIR.iterdir()):
        s3.fs.pipe_file(f"{s3.bucket}/raw/{path.name}", path.read_bytes())


def _settings() -> Any:
    return load_settings().with_overrides({"run": {"chunk_size": 2}})


def _local_tables(folder: Path) -> dict[str, bytes]:
    current = (folder / ".tables" / "current").resolve()
    return {
        path.relative_to(current).as_posix(): path.read_bytes()
        for path in sorted(current.rglob("*"))
        if path.is_file()
    }


def _s3_tables(s3: S3, output: str = "out") -> dict[str, bytes]:
    pointer = json.loads(s3.fs.cat_file(f"{s3.bucket}/{output}/{POINTER}"))
    prefix = f"{s3.bucket}/{output}/.tables/{pointer['set']}/"
    return {
        key[len(prefix) :]: data for key, data in s3.objects().items() if key.startswith(prefix)
    }


@pytest.fixture(scope="module")
def local_tables(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The tables of a local run on the seeds, to compare the store's with."""
    root = tmp_path_factory.mktemp("local")
    run_pipeline(_settings(), shipped_knowledge(), RAW_DIR, root / "out", root / "work")
    return _local_tables(root / "out")


def _store_run(s3: S3, work: Path | None = None, cache: Path | None = None) -> Any:
    return run_on_stores(
        _settings(),
        shipped_knowledge(),
        s3.url("raw"),
        s3.url("out"),
        s3.url("work") if work is None else work,
        s3.options,
        cache,
    )


@pytest.mark.integration
def test_storage_run_on_s3_equals_local_and_a_rerun_computes_and_puts_nothing(
    s3: S3, local_tables: dict[str, bytes], tmp_path: Path
) -> None:
    _upload_raw(s3)
    first = _store_run(s3, cache=tmp_path / "first")
    assert _s3_tables(s3) == local_tables  # byte for byte, hive folders included
    assert first.stages.annotated.chunks > 1
    objects = s3.objects()
    assert not [key for key in objects if ".tmp-" in key or key.endswith("/.lock")]
    assert f"{s3.bucket}/work/annotated/index.json" in objects
    views = objects[f"{s3.bucket}/out/{VIEWS_FILE}"].decode()
    assert f"read_parquet('s3://{s3.bucket}/out/.tables/{first.table_set}/claims.parquet')" in views

    # another machine (no local copies): what is on the store is enough to compute nothing
    second = _store_run(s3, cache=tmp_path / "second")
    assert second.stages.annotated.reused == second.stages.annotated.chunks
    assert second.stages.extracted.reused == second.stages.extracted.chunks
    assert (second.puts, second.table_set) == (0, first.table_set)
    assert s3.objects() == objects
    again = _store_run(s3, cache=tmp_path / "second")  # its local copies are up to date
    assert (again.fetched, again.puts) == (0, 0)

    changed = sorted(RAW_DIR.iterdir())[0]
    s3.fs.pipe_file(
        f"{s3.bucket}/raw/{changed.name}", changed.read_bytes().replace(b" the ", b" a ")
    )
    third = _store_run(s3, cache=tmp_path / "second")
    assert third.fetched == 1  # only the changed input
    assert third.stages.annotated.chunks - third.stages.annotated.reused == 1
    docbins = [key for key in s3.objects() if key.endswith(".spacy")]
    assert len(docbins) == third.stages.annotated.chunks  # the replaced chunk's object is gone
    assert third.table_set != first.table_set
    pointer = json.loads(s3.fs.cat_file(f"{s3.bucket}/out/{POINTER}"))
    assert pointer == {"set": third.table_set, "previous": first.table_set}


@pytest.mark.integration
def test_storage_run_on_s3_with_the_dask_cluster_and_a_local_work_folder_equals_local(
    s3: S3, local_tables: dict[str, bytes], dask_client: Any, tmp_path: Path
) -> None:
    from pipeline.engines import use_engine
    from pipeline.engines.dask import DaskEngine

    _upload_raw(s3)
    with use_engine(DaskEngine(dask_client)):
        done = _store_run(s3, work=tmp_path / "work")
    assert done.stages.annotated.reused == 0
    assert (tmp_path / "work" / "annotated" / "index.json").is_file()
    assert _s3_tables(s3) == local_tables
    assert not [key for key in s3.objects() if "/work/" in key]


# Per worker process: the folder its tasks may not open (the driver's local copies).
_forbidden: list[str] = []


def _guard(event: str, args: tuple[Any, ...]) -> None:
    path = args[0] if event == "open" and args else None
    if not _forbidden or not isinstance(path, str | os.PathLike):
        return
    if os.fspath(path).startswith(_forbidden[0]):
        raise PermissionError(f"a worker opened the driver's copy {path}")


def _forbid(folder: str | None) -> None:
    """Make ``folder`` unreadable and unwritable to this worker process (None: allow again)."""
    import sys

    if folder is not None and not getattr(sys, "_pipeline_guard", False):
        sys.addaudithook(_guard)
        sys._pipeline_guard = True  # type: ignore[attr-defined]
    _forbidden[:] = [folder] if folder else []


@pytest.mark.integration
def test_storage_workers_read_and_write_the_store_never_the_drivers_copies(
    s3: S3, local_tables: dict[str, bytes], dask_client: Any, tmp_path: Path
) -> None:
    """Workers standing for other machines: no credentials in their environment (the
    options travel with each task) and no access to the driver's store cache."""
    from pipeline.engines import use_engine
    from pipeline.engines.dask import DaskEngine

    _upload_raw(s3)
    cache = tmp_path / "driver-cache"
    options = {**s3.options, "key": "testing", "secret": "testing"}

    def run() -> Any:
        args = (s3.url("raw"), s3.url("out"), s3.url("work"), options, cache)
        with use_engine(DaskEngine(dask_client)):
            return run_on_stores(_settings(), shipped_knowledge(), *args)

    dask_client.run(_forbid, str(cache))
    try:
        first = run()
        again = run()
    finally:
        dask_client.run(_forbid, None)
    assert _s3_tables(s3) == local_tables  # byte for byte
    chunks = first.stages.annotated.chunks
    assert chunks > 1 and first.stages.annotated.reused == 0
    objects = s3.objects()
    assert len([key for key in objects if key.startswith(f"{s3.bucket}/work/annotated/")]) > chunks
    assert len([key for key in objects if key.endswith(".arrow")]) == chunks * 7
    copies = [path for path in cache.rglob("*") if path.is_file()]
    assert {"index.json", "documents.jsonl"} <= {path.name for path in copies}
    payload = ("annotated", "claims", "tables")  # the driver holds no chunk file
    assert not [p for p in copies if p.parent.name in payload and p.name != "index.json"]
    assert again.stages.annotated.reused == again.stages.extracted.reused == chunks
    assert (again.fetched, again.puts, again.table_set) == (0, 0, first.table_set)
    assert again.task_fetched == chunks * 8  # each chunk's cached rows and sums, no DocBin
    assert s3.objects() == objects


@pytest.mark.integration
def test_storage_a_failed_task_costs_only_its_chunk_on_the_store(
    s3: S3, local_tables: dict[str, bytes], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from pipeline.chunk_runner import ChunkFailed
    from pipeline.extract.stage import ExtractWorker

    calls = itertools.count()
    extract = ExtractWorker.__call__

    def third_fails(self: ExtractWorker, task: tuple[Path, Path]) -> tuple[int, int]:
        if next(calls) == 2:
            raise RuntimeError("the worker went away")
        return extract(self, task)

    _upload_raw(s3)
    monkeypatch.setattr(ExtractWorker, "__call__", third_fails)
    with pytest.raises(ChunkFailed, match=r"extract: chunk .* failed: RuntimeError"):
        _store_run(s3, cache=tmp_path / "cache")
    claims = [key for key in s3.objects() if key.endswith(".jsonl") and "/claims/" in key]
    assert len(claims) == 2  # the chunks finished before it are on the store, no index
    assert f"{s3.bucket}/work/claims/index.json" not in s3.objects()
    monkeypatch.setattr(ExtractWorker, "__call__", extract)
    again = _store_run(s3, cache=tmp_path / "cache")
    assert again.stages.annotated.reused == again.stages.annotated.chunks
    assert again.stages.extracted.reused == 2
    assert _s3_tables(s3) == local_tables


@pytest.mark.integration
def test_storage_a_damaged_chunk_object_is_computed_again(
    s3: S3, local_tables: dict[str, bytes], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    _upload_raw(s3)
    _store_run(s3, cache=tmp_path / "cache")
    damaged = sorted(key for key in s3.objects() if key.endswith(".spacy"))[1]
    s3.fs.pipe_file(damaged, s3.fs.cat_file(damaged)[:-10])  # truncated
    again = _store_run(s3, cache=tmp_path / "cache")
    assert again.stages.annotated.chunks - again.stages.annotated.reused == 1
    assert "is damaged" in caplog.text
    assert _s3_tables(s3) == local_tables


def test_storage_local_copies_follow_the_etags(s3: S3, tmp_path: Path) -> None:
    s3.fs.pipe_file(f"{s3.bucket}/in/a.txt", b"first text")
    s3.fs.pipe_file(f"{s3.bucket}/in/b.txt", b"other text")
    store = Store(s3.url("in"), "--input", s3.options)
    fs = store.fs()
    local, fetched = mirror.download(store, fs, tmp_path / "one")
    stamp = (local / "a.txt").stat().st_mtime_ns
    assert (local, fetched) == (tmp_path / "one", 2)
    assert mirror.download(store, fs, tmp_path / "two")[1] == 2  # the same object, elsewhere:
    assert (tmp_path / "two" / "a.txt").stat().st_mtime_ns == stamp  # the same time
    assert mirror.download(store, fs, tmp_path / "one")[1] == 0  # up to date: nothing fetched
    s3.fs.pipe_file(f"{s3.bucket}/in/a.txt", b"second text")
    s3.fs.rm(f"{s3.bucket}/in/b.txt")
    assert mirror.download(store, fs, tmp_path / "one")[1] == 1
    assert (local / "a.txt").read_bytes() == b"second text"
    assert (local / "a.txt").stat().st_mtime_ns != stamp  # normalise sees the change
    assert not (local / "b.txt").exists()  # an object deleted from the store


def _earlier_output(s3: S3) -> dict[str, bytes]:
    s3.fs.pipe_file(f"{s3.bucket}/out/{POINTER}", b'{"set": "set-old"}\n')
    s3.fs.pipe_file(f"{s3.bucket}/out/.tables/set-old/claims.parquet", b"old tables")
    _upload_raw(s3)
    return s3.objects()


@pytest.mark.parametrize(
    ("case", "option", "message"),
    [
        ("scheme", "--output", "unknown URL scheme 'foo://'"),
        ("credentials", "--input", "no credentials for the store"),
        ("bucket", "--output", "the bucket 'no-such-bucket' does not exist"),
        ("empty", "--input", "nothing is stored there"),
    ],
)
def test_storage_bad_locations_are_one_line_naming_the_option_and_change_nothing(
    s3: S3, monkeypatch: pytest.MonkeyPatch, case: str, option: str, message: str
) -> None:
    before = _earlier_output(s3)
    output = {"scheme": "foo://x/out", "bucket": "s3://no-such-bucket/out"}.get(case, s3.url("out"))
    if case == "credentials":
        monkeypatch.delenv("AWS_ACCESS_KEY_ID")
        monkeypatch.delenv("AWS_SECRET_ACCESS_KEY")
    source = s3.url("nothing") if case == "empty" else s3.url("raw")
    args = ["run", "--input", source, "--output", output]
    result = CliRunner().invoke(cli, [*args, "--storage-option", f"endpoint_url={s3.endpoint}"])
    assert isinstance(result.exception, StorageError), result.output
    text = str(result.exception)
    assert "\n" not in text and text.startswith(f"{option} ") and message in text
    assert s3.objects() == before


def test_storage_options_parse_and_merge_with_the_settings_table(tmp_path: Path) -> None:
    assert parse_options(
        ["endpoint_url=http://h:9000", "anon=false", "client_kwargs.region_name=x"]
    ) == {
        "endpoint_url": "http://h:9000",
        "anon": False,
        "client_kwargs": {"region_name": "x"},
    }
    with pytest.raises(StorageError, match="--storage-option 'endpoint': write it as key=value"):
        parse_options(["endpoint"])
    user = tmp_path / "settings.toml"
    user.write_text('[storage]\nendpoint_url = "http://h:9000"\n', encoding="utf-8")
    assert load_settings(user).storage == {"endpoint_url": "http://h:9000"}
    assert load_settings().storage is None


def test_storage_default_work_folder_is_beside_the_output_prefix() -> None:
    assert default_work_url("s3://bucket/news/tables/") == "s3://bucket/news/.tables-work"
    assert default_work_url("gs://bucket") == "gs://bucket/.pipeline-work"


@pytest.mark.parametrize("partitioned", [False, True])
def test_storage_views_sql_reads_the_published_set_through_httpfs(
    tmp_path: Path, partitioned: bool
) -> None:
    for name in TABLES:
        (tmp_path / f"{name}.parquet").write_bytes(b"")
    if partitioned:
        (tmp_path / "claims.parquet").unlink()
        (tmp_path / "claims" / "month=2025-01").mkdir(parents=True)
        (tmp_path / "claims" / "month=2025-01" / "part-0.parquet").write_bytes(b"")
    store = Store("s3://bucket/out*", "--output")
    sql = views_sql(tmp_path, store, "set-0123456789abcdef")
    assert sql.splitlines()[2] == "LOAD httpfs;"
    base = "s3://bucket/out[*]/.tables/set-0123456789abcdef"
    expected = (
        f"read_parquet('{base}/claims/*/*.parquet', hive_partitioning = true, "
        "hive_types = {'month': 'VARCHAR'})"
        if partitioned
        else f"read_parquet('{base}/claims.parquet')"
    )
    assert f"CREATE OR REPLACE VIEW claims AS SELECT * FROM {expected};" in sql
    assert "CREATE OR REPLACE VIEW claims_enriched AS" in sql
    assert len([line for line in sql.splitlines() if line.startswith("CREATE")]) == len(TABLES) + 1


def test_storage_workers_on_other_machines_need_input_and_work_on_the_store() -> None:
    from pipeline.engines import use_engine
    from pipeline.storage.run import check_workers_reach

    class Client:
        def __init__(self, *workers: str) -> None:
            self.workers = workers

        def scheduler_info(self) -> dict[str, Any]:
            return {"workers": {address: {} for address in self.workers}}

    class Engine:
        def __init__(self, client: Client) -> None:
            self.client = client

    stores = {name: Store(f"s3://b/{name}", f"--{name}") for name in ("input", "work")}
    far = Engine(Client("tcp://127.0.0.1:4001", "tcp://10.0.0.7:4001"))
    with use_engine(Engine(Client("tcp://127.0.0.1:4001"))):  # type: ignore[arg-type]
        check_workers_reach({"output": stores["input"]})  # local workers: local folders are fine
    with use_engine(far):  # type: ignore[arg-type]
        check_workers_reach(stores)  # both on the store: the workers read and write it
    with (
        use_engine(far),  # type: ignore[arg-type]
        pytest.raises(StorageError, match=r"^--work: a Dask cluster with workers on other"),
    ):
        check_workers_reach({"input": stores["input"]})


def test_storage_work_folder_is_put_back_when_a_stage_fails(
    s3: S3, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pipeline.storage.run as store_run

    def failing(
        settings: Any, knowledge: Any, source: Path, out: Path, work: Path, **_: Any
    ) -> None:
        (work / "documents.jsonl").write_bytes(b"finished stage")
        raise RuntimeError("a stage failed")

    monkeypatch.setattr(store_run, "run_pipeline", failing)
    _upload_raw(s3)
    with pytest.raises(RuntimeError, match="a stage failed"):
        _store_run(s3)
    keys = s3.objects()
    assert keys[f"{s3.bucket}/work/documents.jsonl"] == b"finished stage"
    assert not [key for key in keys if key.startswith(f"{s3.bucket}/out/")]


@pytest.mark.parametrize("where", ["settings", "environment"])
def test_storage_endpoint_from_the_settings_table_or_the_environment(
    s3: S3, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, where: str
) -> None:
    args = ["run", "--input", str(RAW_DIR), "--output", "s3://no-such-bucket/out"]
    if where == "settings":
        user = tmp_path / "settings.toml"
        user.write_text(f'[storage]\nendpoint_url = "{s3.endpoint}"\n', encoding="utf-8")
        args = ["--settings", str(user), *args]
    else:
        monkeypatch.setenv("AWS_ENDPOINT_URL", s3.endpoint)
    result = CliRunner().invoke(cli, args)
    # the answer of the moto server, not a refused connection to the fixture's dead endpoint
    assert "the bucket 'no-such-bucket' does not exist" in str(result.exception)


def test_storage_a_scheme_whose_package_is_missing_names_it() -> None:
    import importlib.util

    if importlib.util.find_spec("gcsfs") is not None:
        pytest.skip("gcsfs is installed here")
    with pytest.raises(StorageError, match=r"^--output gs://bucket/out: gs:// needs gcsfs"):
        Store("gs://bucket/out", "--output").fs()


def test_storage_upload_puts_only_what_changed_and_indexes_last(s3: S3, tmp_path: Path) -> None:
    local = tmp_path / "work"
    (local / "annotated").mkdir(parents=True)
    (local / "annotated" / "a.spacy").write_bytes(b"chunk one")
    (local / "annotated" / "index.json").write_bytes(b"{}")
    (local / ".lock").write_bytes(b"")
    store = Store(s3.url("work"), "--work", s3.options)
    fs = store.fs()
    puts: list[str] = []
    original = fs.pipe_file
    fs.pipe_file = lambda key, data: (puts.append(key), original(key, data))[1]
    assert mirror.upload(local, store, fs) == 2
    assert puts == [f"{s3.bucket}/work/annotated/a.spacy", f"{s3.bucket}/work/annotated/index.json"]
    (local / "annotated" / "a.spacy").write_bytes(b"chunk one")  # the same bytes again
    assert mirror.upload(local, store, fs) == 0
    (local / "annotated" / "a.spacy").write_bytes(b"chunk two")  # same size, new bytes
    (local / "annotated" / "old.spacy").write_bytes(b"x")
    assert mirror.upload(local, store, fs) == 2
    (local / "annotated" / "old.spacy").unlink()
    assert mirror.upload(local, store, fs) == 0
    assert sorted(s3.objects()) == [
        f"{s3.bucket}/work/annotated/a.spacy",
        f"{s3.bucket}/work/annotated/index.json",
    ]


def test_storage_temporary_work_leaves_no_work_folder_on_the_store(
    s3: S3, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pipeline.storage.run as store_run

    given: list[Any] = []

    def stop(settings: Any, knowledge: Any, source: Path, out: Path, work: Any, **run: Any) -> None:
        given.append((work, run["temporary_work"]))
        raise RuntimeError("stopped")

    monkeypatch.setattr(store_run, "run_pipeline", stop)
    _upload_raw(s3)
    with pytest.raises(RuntimeError, match="stopped"):
        run_on_stores(
            _settings(), None, s3.url("raw"), s3.url("out"), None, s3.options, temporary_work=True
        )
    assert given == [(None, True)]
    assert not [key for key in s3.objects() if "work" in key]
