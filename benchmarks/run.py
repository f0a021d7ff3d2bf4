"""Throughput, scaling, memory and rerun benchmark of the whole pipeline (``make bench``).

What it does, in order, all under ``build/bench/`` (ignored by git):
  1. builds a synthetic corpus from the seeds (``corpus.py``) and one ten times smaller;
  2. ``make`` over the large corpus with one process: wall time per stage and peak RSS;
  3. the same texts through a bare ``spacy.blank("en")`` tokenizer, for the ratio;
  4. ``make`` again with nothing changed, then after editing one input file;
  5. a fresh ``make JOBS=2`` over the edited corpus: its tables must be byte-identical
     to the incremental ones;
  6. ``make`` over the small corpus, for peak RSS against corpus size;
  7. ``pipeline --help`` start-up time.
Figures are printed and written to ``benchmarks/results.md`` with the machine's details.
Stage times come from the stage summaries the CLI prints ("... in 12.3 s").
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parent.parent
BENCH_DIR = PROJECT / "build" / "bench"
RESULTS = PROJECT / "benchmarks" / "results.md"
PIPELINE = PROJECT / ".venv" / "bin" / "pipeline"
STAGES = ("normalise", "annotate", "extract", "tables")
STAGE_LINE = re.compile(r"^(normalise|annotate|extract|tables): .* in ([0-9.]+) s$", re.M)
TABLES = (
    "documents", "texts", "sentences", "mentions", "claims",
    "actors", "topics", "dates", "stances", "rejects",
)  # fmt: skip


@dataclass
class MakeRun:
    """One ``make`` invocation: wall time, peak RSS of its largest process, stage times."""

    seconds: float
    peak_rss_mb: float
    stages: dict[str, float] = field(default_factory=dict)
    log: str = ""

    @property
    def pipeline_seconds(self) -> float:
        """normalise -> tables, the span the words-per-second figure covers."""
        return sum(self.stages.get(stage, 0.0) for stage in STAGES)


def load_corpus_builder():  # a module loaded from its file, so no type to name
    spec = importlib.util.spec_from_file_location(
        "benchmark_corpus", Path(__file__).parent / "corpus.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["benchmark_corpus"] = module
    spec.loader.exec_module(module)
    return module


def run_make(raw: Path, work: Path, out: Path, jobs: int) -> MakeRun:
    """``make`` with the corpus and folders overridden (see ``measured_make`` for RSS)."""
    command = [
        "make", "--no-print-directory", "-C", str(PROJECT),
        f"RAW={raw}", f"INTERIM={work}", f"PROCESSED={out}", f"JOBS={jobs}",
    ]  # fmt: skip
    started = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    seconds = time.perf_counter() - started
    if done.returncode:
        raise SystemExit(f"make failed ({done.returncode}):\n{done.stdout}")
    stages = {name: float(value) for name, value in STAGE_LINE.findall(done.stdout)}
    return MakeRun(seconds, _children_peak_rss_mb(), stages, done.stdout)


def _children_peak_rss_mb() -> float:
    """Largest RSS of any process this one has waited for (Linux reports KiB)."""
    import resource

    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def measured_make(raw: Path, work: Path, out: Path, jobs: int) -> MakeRun:
    """``make`` from a fresh helper process, so the peak RSS it reports is this run's alone."""
    command = [sys.executable, __file__, "--make-once", str(raw), str(work), str(out), str(jobs)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(done.stdout + done.stderr)
    data = json.loads(done.stdout.strip().splitlines()[-1])
    return MakeRun(data["seconds"], data["peak_rss_mb"], data["stages"], data["log"])


def make_once(raw: str, work: str, out: str, jobs: str) -> None:
    """The helper process's side of ``measured_make``: one make, its figures as JSON."""
    result = run_make(Path(raw), Path(work), Path(out), int(jobs))
    print(json.dumps(result.__dict__))


def corpus_words(work: Path) -> tuple[int, int, list[str]]:
    """Documents, whitespace words and texts of the normalised corpus."""
    texts = [json.loads(line)["text"] for line in (work / "documents.jsonl").open(encoding="utf-8")]
    return len(texts), sum(len(text.split()) for text in texts), texts


def tokenizer_words_per_second(texts: list[str], words: int) -> float:
    """A bare blank-English tokenizer over the same texts: the ceiling spaCy itself sets."""
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    started = time.perf_counter()
    for _ in tokenizer.pipe(texts, batch_size=256):
        pass
    return words / (time.perf_counter() - started)


def edit_one_file(corpus: Path) -> Path:
    """Change a word in the first paragraph of one text file, as a corrected article would."""
    target = sorted(corpus.rglob("*.txt"))[len(list(corpus.rglob("*.txt"))) // 2]
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace(" the ", " the reported ", 1), encoding="utf-8")
    return target


def same_tables(left: Path, right: Path) -> bool:
    return all(
        (left / f"{name}.parquet").read_bytes() == (right / f"{name}.parquet").read_bytes()
        for name in TABLES
    )


def help_seconds() -> float:
    """Best of five ``pipeline --help`` start-ups."""
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        subprocess.run([str(PIPELINE), "--help"], capture_output=True, check=True)
        best = min(best, time.perf_counter() - started)
    return best


def reused_line(run: MakeRun, stage: str) -> str:
    match = re.search(rf"^{stage}: .*?\(([0-9]+ of [0-9]+ chunks reused)\)", run.log, re.M)
    return match.group(1) if match else "stage not run"


def per_stage(run: MakeRun) -> str:
    return ", ".join(f"{stage} {run.stages.get(stage, 0):.1f} s" for stage in STAGES)


def stage_ratios(run: MakeRun, words: int, tokenizer_wps: float) -> str:
    """What each stage alone would score against the tokenizer: the ceiling of the ratio."""
    parts = []
    for stage in STAGES:
        seconds = run.stages.get(stage)
        if seconds:
            parts.append(f"{stage} {words / seconds / tokenizer_wps:.2f}")
    return ", ".join(parts)


def share(run: MakeRun, first: MakeRun) -> str:
    return f"{run.seconds:.2f} s ({run.seconds / first.seconds:.1%} of the first)"


def machine() -> list[str]:
    cpu = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), re.M)
        cpu = found.group(1) if found else cpu
    memory = "unknown"
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        found = re.search(r"^MemTotal:\s*(\d+) kB", meminfo.read_text(), re.M)
        memory = f"{int(found.group(1)) / 1024**2:.1f} GiB" if found else memory
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    import spacy

    return [
        f"- CPU: {cpu}, {cores} cores available",
        f"- Memory: {memory}",
        f"- OS: {platform.platform()}",
        f"- Python {platform.python_version()}, spaCy {spacy.__version__}",
        f"- Date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC",
    ]


def fresh_corpus(bench_dir: Path, documents: int) -> tuple[Path, Any]:
    """A new synthetic corpus of ``documents`` articles in ``bench_dir/corpus`` (the folder
    emptied first), built from the seeds; prints its size and returns it with the builder's
    counts."""
    shutil.rmtree(bench_dir, ignore_errors=True)
    corpus = bench_dir / "corpus"
    built = load_corpus_builder().build_corpus(PROJECT / "data" / "raw", corpus, documents)
    print(f"corpus: {built.documents} documents in {built.files} files", flush=True)
    return corpus, built


def write_section(lines: list[str], results: Path, begin: str, end: str) -> None:
    """Replace (or add) another benchmark's marked section of the results file, leaving
    the rest as it is (``make bench`` keeps such sections: ``kept_sections``)."""
    section = "\n".join([begin, *lines, end])
    text = results.read_text(encoding="utf-8") if results.exists() else "# Benchmark results\n"
    pattern = re.compile(re.escape(begin) + ".*?" + re.escape(end), re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _: section, text)
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    results.write_text(text, encoding="utf-8")


def kept_sections(results: Path) -> str:
    """Sections other benchmarks wrote into the results file (between their markers), kept."""
    if not results.exists():
        return ""
    text = results.read_text(encoding="utf-8")
    spans = re.finditer(r"<!-- (\w+): .*? -->.*?<!-- /\1 -->", text, re.S)
    return "".join("\n" + span.group(0) + "\n" for span in spans)


def main() -> None:
    if sys.argv[1:2] == ["--make-once"]:
        make_once(*sys.argv[2:6])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--results", type=Path, default=RESULTS)
    args = parser.parse_args()
    builder = load_corpus_builder()
    shutil.rmtree(BENCH_DIR, ignore_errors=True)
    large, small = BENCH_DIR / "corpus-large", BENCH_DIR / "corpus-small"
    built = builder.build_corpus(PROJECT / "data" / "raw", large, args.documents, args.seed)
    builder.build_corpus(PROJECT / "data" / "raw", small, args.documents // 10, args.seed)
    print(f"corpus: {built.documents} documents in {built.files} files", flush=True)

    one = measured_make(large, BENCH_DIR / "w1", BENCH_DIR / "o1", jobs=1)
    print(f"make, 1 process: {one.seconds:.1f} s", flush=True)
    documents, words, texts = corpus_words(BENCH_DIR / "w1")
    pipeline_wps = words / one.pipeline_seconds
    tokenizer_wps = tokenizer_words_per_second(texts, words)
    del texts
    noop = measured_make(large, BENCH_DIR / "w1", BENCH_DIR / "o1", jobs=1)
    edited = edit_one_file(large)
    incremental = measured_make(large, BENCH_DIR / "w1", BENCH_DIR / "o1", jobs=1)
    print(f"reruns: {noop.seconds:.1f} s unchanged, {incremental.seconds:.1f} s edited", flush=True)
    two = measured_make(large, BENCH_DIR / "w2", BENCH_DIR / "o2", jobs=2)
    print(f"make, 2 processes: {two.seconds:.1f} s", flush=True)
    identical = same_tables(BENCH_DIR / "o1", BENCH_DIR / "o2")
    tenth = measured_make(small, BENCH_DIR / "w3", BENCH_DIR / "o3", jobs=1)
    startup = help_seconds()

    speedup = one.pipeline_seconds / two.pipeline_seconds
    growth = one.peak_rss_mb / tenth.peak_rss_mb
    reused = f"{reused_line(incremental, 'annotate')} / {reused_line(incremental, 'extract')}"
    rows = [
        ("Documents (large corpus)", f"{documents:,} ({built.files:,} files)"),
        ("Words (normalised text)", f"{words:,}"),
        ("Pipeline, 1 process (normalise -> tables)", f"{one.pipeline_seconds:.1f} s"),
        ("  per stage", per_stage(one)),
        ("Pipeline words/s, 1 process", f"{pipeline_wps:,.0f}"),
        ("Blank tokenizer words/s", f"{tokenizer_wps:,.0f}"),
        ("Ratio pipeline / tokenizer (target >= 0.5)", f"{pipeline_wps / tokenizer_wps:.3f}"),
        ("  each stage alone / tokenizer", stage_ratios(one, words, tokenizer_wps)),
        ("Pipeline, 2 processes", f"{two.pipeline_seconds:.1f} s"),
        ("  per stage", per_stage(two)),
        ("Speed-up with 2 processes (target >= 1.6)", f"{speedup:.2f}x"),
        ("Peak RSS, large corpus, 1 process", f"{one.peak_rss_mb:,.0f} MB"),
        ("Peak RSS, corpus / 10, 1 process", f"{tenth.peak_rss_mb:,.0f} MB"),
        ("RSS growth for 10x corpus (target < 1.5)", f"{growth:.2f}x"),
        ("First make (wall)", f"{one.seconds:.1f} s"),
        ("Second make, nothing changed (target < 10%)", share(noop, one)),
        (f"make after editing {edited.name}", share(incremental, one)),
        ("  annotate / extract chunks reused", reused),
        ("Incremental tables == fresh 2-process tables", "yes" if identical else "NO"),
        ("pipeline --help, best of 5 (target < 0.5 s)", f"{startup:.2f} s"),
    ]
    table = ["| Measure | Result |", "|---|---|"]
    table += [f"| {name} | {value} |" for name, value in rows]
    report = [
        "# Benchmark results",
        "",
        "Written by `make bench` (`benchmarks/run.py`); rerun it to refresh this file.",
        "",
        "## Machine",
        *machine(),
        "",
        "## Figures",
        *table,
        "",
    ]
    args.results.write_text("\n".join(report) + kept_sections(args.results), encoding="utf-8")
    print("\n".join(table))
    print(f"written to {args.results}")


if __name__ == "__main__":
    main()
