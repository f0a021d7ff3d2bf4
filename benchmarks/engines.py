"""Engine benchmark (``make bench-dask``): the local pool and Dask on one synthetic corpus.

One corpus (``corpus.py``), four whole runs, each in a fresh work folder and in
its own child process: the local engine with 1 and 2 processes, Dask with 1 and
2 workers on a local cluster started for the run. For each: wall time of the
run, words per second, the Dask cluster's start-up time, and the peak of the
summed resident memory of the child and all its descendants (workers,
nannies), sampled every 0.1 s. The tables of every
run must be byte-identical. Figures are printed and written into the
``Engines`` section of ``benchmarks/results.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

PROJECT = Path(__file__).resolve().parent.parent
BENCH_DIR = PROJECT / "build" / "bench-engines"
RESULTS = PROJECT / "benchmarks" / "results.md"
BEGIN, END = "<!-- engines: make bench-dask -->", "<!-- /engines -->"
RUNS = (("local", 1), ("local", 2), ("dask", 1), ("dask", 2))


def one_run(engine: str, jobs: int, corpus: str, work: str, out: str) -> None:
    """In the child: start the engine, run the pipeline, print the timings as JSON."""
    from pipeline.config import load_settings
    from pipeline.engines import EngineChoice, open_engine, use_engine
    from pipeline.knowledge.bundle import load_knowledge
    from pipeline.run import run_pipeline

    settings, knowledge = load_settings(), load_knowledge()
    started = time.perf_counter()
    with open_engine(EngineChoice(engine, jobs)) as chosen, use_engine(chosen):
        ready = time.perf_counter()
        run_pipeline(settings, knowledge, Path(corpus), Path(out), Path(work), jobs=jobs)
        finished = time.perf_counter()
    print(json.dumps({"startup": ready - started, "run": finished - ready}))


def measured(engine: str, jobs: int, corpus: Path, name: str) -> dict[str, float]:
    """One run in a child process, its memory tree sampled until it ends."""
    command = [sys.executable, __file__, "--one", engine, str(jobs), str(corpus)]
    command += [str(BENCH_DIR / f"work-{name}"), str(BENCH_DIR / f"out-{name}")]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=PROJECT)
    peak = {"bytes": 0}

    def sample() -> None:
        parent = psutil.Process(child.pid)
        while child.poll() is None:
            try:
                tree = [parent, *parent.children(recursive=True)]
                total = sum(process.memory_info().rss for process in tree)
            except psutil.Error:
                continue
            peak["bytes"] = max(peak["bytes"], total)
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = child.communicate()
    sampler.join()
    if child.returncode != 0:
        raise SystemExit(f"{name}: the run failed ({child.returncode})")
    figures = json.loads(output.strip().splitlines()[-1])
    return {**figures, "peak_mb": peak["bytes"] / 2**20}


def corpus_words(work: Path) -> int:
    with (work / "documents.jsonl").open(encoding="utf-8") as lines:
        return sum(len(json.loads(line)["text"].split()) for line in lines)


def same_tables(names: list[str]) -> bool:
    first = BENCH_DIR / f"out-{names[0]}"
    files = sorted(path.name for path in first.glob("*.parquet"))
    return bool(files) and all(
        (BENCH_DIR / f"out-{name}" / file).read_bytes() == (first / file).read_bytes()
        for name in names[1:]
        for file in files
    )


def main() -> None:
    if sys.argv[1:2] == ["--one"]:
        engine, jobs, corpus, work, out = sys.argv[2:7]
        one_run(engine, int(jobs), corpus, work, out)
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--results", type=Path, default=RESULTS)
    args = parser.parse_args()
    sys.path.insert(0, str(PROJECT / "benchmarks"))
    from run import fresh_corpus, machine, write_section  # the other benchmark's helpers

    corpus, built = fresh_corpus(BENCH_DIR, args.documents)
    rows, names = [], []
    words = 0
    for engine, jobs in RUNS:
        name = f"{engine}-{jobs}"
        figures = measured(engine, jobs, corpus, name)
        words = words or corpus_words(BENCH_DIR / f"work-{name}")
        names.append(name)
        unit = {"local": ("process", "processes"), "dask": ("worker", "workers")}[engine]
        label = f"{engine}, {jobs} {unit[jobs > 1]}"
        startup = f"{figures['startup']:.1f} s" if engine == "dask" else "-"
        rows.append(
            f"| {label} | {figures['run']:.1f} s | {words / figures['run']:,.0f} | {startup} "
            f"| {figures['peak_mb']:,.0f} MB |"
        )
        print(rows[-1], flush=True)
    identical = same_tables(names)
    lines = [
        "## Engines",
        "",
        "Written by `make bench-dask` (`benchmarks/engines.py`): one synthetic corpus of "
        f"{built.documents:,} documents ({words:,} words), a whole `pipeline run` in a fresh "
        "work folder per line. Words/s leaves out the cluster start-up; peak memory is the sum "
        "over the run's process and all its workers.",
        "",
        *machine(),
        f"- Load average when it started: {os.getloadavg()[0]:.1f}",
        "",
        "| Engine | Run | Words/s | Cluster start-up | Peak memory, all processes |",
        "|---|---|---|---|---|",
        *rows,
        "",
        f"Tables byte-identical across the four runs: {'yes' if identical else 'NO'}.",
    ]
    print("\n".join(lines[-3:]))
    write_section(lines, args.results, BEGIN, END)


if __name__ == "__main__":
    main()
