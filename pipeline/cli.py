"""Command line: one command per stage, plus ``run`` for the whole chain.

Each command parses options, calls the stage's library function and reports
counts. Heavy libraries (spaCy, pyarrow) are imported inside the commands so
that ``pipeline --help`` answers at once.
"""

from __future__ import annotations

import functools
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from pipeline import __version__
from pipeline.config import (
    FIGURES_DIR,
    GOLD_DIR,
    INTERIM_DIR,
    PROCESSED_DIR,
    RAW_DIR,
    PipelineError,
    load_settings,
)
from pipeline.engines.options import engine_options
from pipeline.guards import end_on_sigterm, holds_work
from pipeline.locations import LocalPath, Location
from pipeline.run import tables_summary, took

if TYPE_CHECKING:
    from pipeline.knowledge.bundle import Knowledge

F = TypeVar("F", bound=Callable[..., Any])
log = logging.getLogger("pipeline")

EXISTING_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)
# Local paths; a URL (s3://, gs://, ...) is refused with a reason (pipeline.locations).
EXISTING_ANY = LocalPath(exists=True, path_type=Path)
FOLDER = LocalPath(file_okay=False, path_type=Path)
# `pipeline run` also takes URLs of object stores (s3://, gs://, ...): see pipeline.storage.
RUN_INPUT = Location(exists=True, path_type=Path)
RUN_FOLDER = Location(file_okay=False, path_type=Path)


def work_option(function: F) -> F:
    return click.option(
        "--work",
        "work_dir",
        type=FOLDER,
        default=INTERIM_DIR,
        show_default=True,
        help="Folder for the intermediate stage outputs.",
    )(function)


def input_option(function: F) -> F:
    return click.option(
        "--input",
        "input_path",
        type=EXISTING_ANY,
        default=RAW_DIR,
        show_default=True,
        help="A folder of articles (walked recursively) or a single file.",
    )(function)


def output_option(function: F) -> F:
    return click.option(
        "--output",
        "output_dir",
        type=FOLDER,
        default=PROCESSED_DIR,
        show_default=True,
        help="Folder for the Parquet tables.",
    )(function)


def tables_option(function: F) -> F:
    """--output for commands that read the tables of a finished run."""
    return click.option(
        "--output",
        "output_dir",
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        default=PROCESSED_DIR,
        show_default=True,
        help="Folder holding the tables of a `pipeline run`.",
    )(function)


def actors_option(function: F) -> F:
    return click.option(
        "--actors",
        "actors_path",
        type=EXISTING_FILE,
        default=None,
        help="Actor knowledge base (TOML) that adds to or changes the shipped one.",
    )(function)


def cues_option(function: F) -> F:
    return click.option(
        "--cues",
        "cues_path",
        type=EXISTING_FILE,
        default=None,
        help="Cue lexicon (TOML) that adds to or changes the shipped one.",
    )(function)


def lexicon_options(function: F) -> F:
    function = cues_option(function)
    return click.option(
        "--topics",
        "topics_path",
        type=EXISTING_FILE,
        default=None,
        help="Topic lexicon (TOML) that adds to or changes the shipped one.",
    )(function)


def jobs_option(function: F) -> F:
    return click.option(
        "--jobs",
        "-j",
        type=click.IntRange(min=0),
        default=None,
        help="Worker processes (0 = one per core; default: [run] jobs in the settings, 1).",
    )(function)


def claim_model_option(function: F) -> F:
    """--claim-model/--no-claim-model: the learned claim model for this command, whatever
    ``[extract] claim_model`` says."""

    @functools.wraps(function)
    def with_choice(*args: Any, **kwargs: Any) -> Any:
        chosen = kwargs.pop("claim_model")
        if chosen is not None:
            ctx = click.get_current_context()
            overrides = {"extract": {"claim_model": chosen}}
            ctx.obj["settings"] = ctx.obj["settings"].with_overrides(overrides)
        return function(*args, **kwargs)

    return click.option(
        "--claim-model/--no-claim-model",
        "claim_model",
        default=None,
        help="Add the learned claim model's claims to the rules' ones (needs the "
        "`claim-model` extra). Default: [extract] claim_model in the settings, off.",
    )(with_choice)  # type: ignore[return-value]


def resolved_jobs(ctx: click.Context, jobs: int | None) -> int:
    """--jobs, else the settings' [run] jobs; 0 means every available core."""
    from pipeline.parallel import resolve_jobs

    chosen = jobs if jobs is not None else ctx.obj["settings"].run.jobs
    return resolve_jobs(chosen)


def knowledge_for(
    ctx: click.Context,
    actors_path: Path | None = None,
    cues_path: Path | None = None,
    topics_path: Path | None = None,
) -> Knowledge:
    """The shipped knowledge changed by the user's files (boilerplate: ``[normalise]``)."""
    from pipeline.knowledge.bundle import load_knowledge

    boilerplate = ctx.obj["settings"].normalise.boilerplate
    return load_knowledge(actors_path, cues_path, topics_path, boilerplate)


def say(ctx: click.Context, message: str) -> None:
    if not ctx.obj["quiet"]:
        click.echo(message, err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pipeline")
@click.option(
    "--settings",
    "settings_path",
    type=EXISTING_FILE,
    default=None,
    help="TOML file overriding the shipped settings (only the keys you change).",
)
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
@click.pass_context
def cli(ctx: click.Context, settings_path: Path | None, quiet: bool) -> None:
    """Find who demanded, conceded and rejected what in news on Russia-Ukraine diplomacy.

    Stages: normalise -> annotate -> extract -> tables. `pipeline run` does all.

    Example:

        pipeline run --input data/raw --output data/processed
    """
    logging.basicConfig(
        level=logging.ERROR if quiet else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    ctx.ensure_object(dict)
    ctx.obj["settings"] = load_settings(settings_path)
    ctx.obj["quiet"] = quiet


@cli.command()
@input_option
@work_option
@jobs_option
@click.option("--strict", is_flag=True, help="Exit non-zero if any input was rejected.")
@click.pass_context
@holds_work("normalise")
def normalise(
    ctx: click.Context, input_path: Path, work_dir: Path, jobs: int | None, strict: bool
) -> None:
    """Read raw articles, clean them and write documents.jsonl and rejects.jsonl.

    Example:

        pipeline normalise --input data/raw --work data/interim
    """
    from pipeline.normalise.stage import run_normalise

    started = time.perf_counter()
    documents, rejects = run_normalise(
        input_path,
        work_dir,
        ctx.obj["settings"],
        knowledge_for(ctx),
        progress=not ctx.obj["quiet"],
        jobs=resolved_jobs(ctx, jobs),
    )
    say(
        ctx,
        f"normalise: {documents} documents, {rejects} rejected inputs -> {work_dir} "
        f"{took(started)}",
    )
    if strict and rejects:
        raise click.ClickException(f"{rejects} inputs were rejected (see {work_dir}/rejects.jsonl)")


@cli.command()
@work_option
@actors_option
@cues_option
@jobs_option
@engine_options
@click.pass_context
@holds_work("annotate")
def annotate(
    ctx: click.Context,
    work_dir: Path,
    actors_path: Path | None,
    cues_path: Path | None,
    jobs: int | None,
) -> None:
    """Split sentences and find actor mentions; write one DocBin per chunk to annotated/.

    The linker reads the cue lexicon's word lists (group nouns, speech verbs).
    Chunks annotated by an earlier run with the same settings are reused.

    Example:

        pipeline annotate --work data/interim --jobs 2
    """
    from pipeline.annotate.stage import run_annotate

    started = time.perf_counter()
    done = run_annotate(
        work_dir,
        ctx.obj["settings"],
        knowledge_for(ctx, actors_path, cues_path),
        jobs=resolved_jobs(ctx, jobs),
        progress=not ctx.obj["quiet"],
    )
    say(ctx, f"annotate: {done.summary()} -> {work_dir} {took(started)}")


@cli.command()
@work_option
@actors_option
@lexicon_options
@jobs_option
@engine_options
@claim_model_option
@click.pass_context
@holds_work("extract")
def extract(
    ctx: click.Context,
    work_dir: Path,
    actors_path: Path | None,
    cues_path: Path | None,
    topics_path: Path | None,
    jobs: int | None,
) -> None:
    """Find demands, concessions and rejections; write one claims file per chunk to claims/.

    Chunks extracted by an earlier run with the same rules and lexicons are reused.

    Example:

        pipeline extract --work data/interim --jobs 2
    """
    from pipeline.extract.stage import run_extract

    started = time.perf_counter()
    done = run_extract(
        work_dir,
        ctx.obj["settings"],
        knowledge_for(ctx, actors_path, cues_path, topics_path),
        jobs=resolved_jobs(ctx, jobs),
        progress=not ctx.obj["quiet"],
    )
    say(ctx, f"extract: claims of {done.summary()} -> {work_dir} {took(started)}")


def partition_option(function: F) -> F:
    return click.option(
        "--partition-by",
        "partition_by",
        type=click.Choice(["month", "outlet"]),
        default=None,
        help="Write the per-document tables as hive-partitioned folders by publication "
        "month or outlet (for big corpora).",
    )(function)


@cli.command()
@work_option
@output_option
@actors_option
@click.option(
    "--topics",
    "topics_path",
    type=EXISTING_FILE,
    default=None,
    help="Topic lexicon (TOML) used by extract, for the topics table.",
)
@partition_option
@jobs_option
@engine_options
@click.pass_context
@holds_work("tables")
def tables(
    ctx: click.Context,
    work_dir: Path,
    output_dir: Path,
    actors_path: Path | None,
    topics_path: Path | None,
    partition_by: str | None,
    jobs: int | None,
) -> None:
    """Write the Parquet tables (documents, sentences, mentions, claims, ...).

    Example:

        pipeline tables --work data/interim --output data/processed --partition-by month
    """
    from pipeline.tables.stage import write_tables

    started = time.perf_counter()
    counts = write_tables(
        work_dir,
        output_dir,
        knowledge_for(ctx, actors_path, topics_path=topics_path),
        partition_by,
        jobs=resolved_jobs(ctx, jobs),
    )
    say(ctx, f"tables: {tables_summary(counts)} -> {output_dir} {took(started)}")


@cli.command()
@tables_option
@click.option(
    "--database",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="DuckDB file to write (default: OUTPUT/claims.duckdb).",
)
@click.pass_context
def bi(ctx: click.Context, output_dir: Path, database: Path | None) -> None:
    """Write a DuckDB file with a view over every table, for BI tools.

    Superset, DBeaver or Power BI (through the DuckDB ODBC driver) open the
    file and see the tables and a claims_enriched view joining the claims to
    actors, documents and topics. The views hold absolute paths and refuse
    to work from another folder: run this again after moving or copying the
    output folder.

    Example:

        pipeline bi --output data/processed
    """
    from pipeline.tables.duckdb_model import write_duckdb

    written = write_duckdb(output_dir, database)
    say(ctx, f"bi: views over the tables of {output_dir} -> {written}")


@cli.command()
@click.option(
    "--input",
    "input_path",
    type=RUN_INPUT,
    default=RAW_DIR,
    show_default=True,
    help="A folder of articles (walked recursively) or a single file; or an s3:// "
    "(gs://, ...) URL.",
)
@click.option(
    "--output",
    "output_dir",
    type=RUN_FOLDER,
    default=PROCESSED_DIR,
    show_default=True,
    help="Folder for the Parquet tables; or an s3:// (gs://, ...) URL.",
)
@click.option(
    "--work",
    "work_dir",
    type=RUN_FOLDER,
    default=None,
    help="Keep intermediate outputs here (default: .OUTPUT-work beside OUTPUT, so that "
    "reruns reuse them); or an s3:// (gs://, ...) URL.",
)
@click.option(
    "--storage-option",
    "storage_options",
    multiple=True,
    metavar="KEY=VALUE",
    help="An option of the object store (repeatable), e.g. endpoint_url=http://host:9000, "
    "key=..., secret=...; adds to [storage] of the settings (default: the environment's).",
)
@click.option(
    "--temporary-work",
    is_flag=True,
    help="Use a temporary work folder, removed at the end (the next run reuses nothing).",
)
@actors_option
@lexicon_options
@partition_option
@jobs_option
@engine_options
@claim_model_option
@click.option("--strict", is_flag=True, help="Exit non-zero if any input was rejected.")
@click.pass_context
def run(
    ctx: click.Context,
    input_path: Path | str,
    output_dir: Path | str,
    work_dir: Path | str | None,
    storage_options: tuple[str, ...],
    actors_path: Path | None,
    cues_path: Path | None,
    topics_path: Path | None,
    partition_by: str | None,
    jobs: int | None,
    strict: bool,
    temporary_work: bool,
) -> None:
    """Run every stage: articles in INPUT, Parquet tables in OUTPUT (folders or URLs).

    OUTPUT also gets claims.duckdb, a DuckDB file with views over the tables
    (on an object store: views.sql, the views for DuckDB with httpfs).

    Example:

        pipeline run --input ~/news/2025-08 --output ~/news/tables

    On S3: pipeline run --input s3://news/raw --output s3://news/tables
    """
    if temporary_work and work_dir is not None:
        raise click.UsageError("give either --work or --temporary-work, not both")
    arguments: dict[str, Any] = {
        "partition_by": partition_by,
        "jobs": resolved_jobs(ctx, jobs),
        "progress": not ctx.obj["quiet"],
        "report": None if ctx.obj["quiet"] else lambda line: click.echo(line, err=True),
        "temporary_work": temporary_work,
    }
    knowledge = knowledge_for(ctx, actors_path, cues_path, topics_path)
    locations = (input_path, output_dir, work_dir)
    rejects = run_on_stores_cli(ctx, knowledge, storage_options, locations, arguments)
    if strict and rejects:
        # inputs normalise rejected, and documents a later stage failed on
        raise click.ClickException(
            f"{rejects} inputs were rejected (see {output_dir}/rejects.parquet)"
        )


def run_on_stores_cli(
    ctx: click.Context,
    knowledge: Knowledge,
    storage_options: tuple[str, ...],
    locations: tuple[Path | str, Path | str, Path | str | None],
    arguments: dict[str, Any],
) -> int:
    """``pipeline run`` on local paths or URLs of stores; returns the rejects count."""
    from pipeline.config import merge
    from pipeline.storage.run import run_on_stores
    from pipeline.storage.stores import parse_options

    settings = ctx.obj["settings"]
    options = merge(settings.storage or {}, parse_options(storage_options))
    done = run_on_stores(settings, knowledge, *locations, options, **arguments)
    if done.views is not None:
        say(
            ctx,
            f"published: table set {done.table_set} ({done.puts} objects put); "
            f"DuckDB views over it (httpfs): {done.views}",
        )
    return done.stages.rejects


@cli.command()
@click.option(
    "--gold",
    "gold_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=GOLD_DIR,
    show_default=True,
    help="Folder of gold *.jsonl claim files.",
)
@tables_option
@actors_option
@click.option(
    "--errors", "show_errors", is_flag=True, help="Also list missed and spurious claims, by source."
)
@click.option(
    "--json",
    "json_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write the figures and error lists as JSON.",
)
@click.pass_context
def evaluate(
    ctx: click.Context,
    gold_dir: Path,
    output_dir: Path,
    actors_path: Path | None,
    show_errors: bool,
    json_path: Path | None,
) -> None:
    """Score the claims in OUTPUT against gold claims (precision, recall, F1).

    Scoring follows the annotation guidelines: distinct (source, sentence,
    actor, type) units, sentences matched after normalisation, figures for
    the principal actors, all actors and each claim type, and topic accuracy.

    Example:

        pipeline evaluate --gold data/gold --output data/processed
    """
    import json

    from pipeline.evaluate import (
        evaluation_to_dict,
        format_errors,
        format_report,
        load_gold,
        load_predictions,
        score,
    )
    from pipeline.io import atomic_text

    principal = knowledge_for(ctx, actors_path).actors.principal_ids
    evaluation = score(load_gold(gold_dir), load_predictions(output_dir), principal)
    click.echo(format_report(evaluation))
    if show_errors:
        click.echo(format_errors(evaluation))
    if json_path is not None:
        with atomic_text(json_path) as out:
            json.dump(evaluation_to_dict(evaluation), out, indent=2, ensure_ascii=False)


@cli.command()
@click.option(
    "--output",
    "output_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file instead of standard output.",
)
def dictionary(output_path: Path | None) -> None:
    """Print the data dictionary of every table, generated from the schemas.

    Example:

        pipeline dictionary --output docs/tables.md
    """
    from pipeline.io import atomic_text
    from pipeline.tables.dictionary import data_dictionary_markdown

    text = data_dictionary_markdown()
    if output_path is None:
        click.echo(text)
    else:
        with atomic_text(output_path) as out:
            out.write(text)


@cli.command()
@click.argument("text", required=False)
@click.option(
    "--doc",
    "doc_id",
    default=None,
    help="Explain a stored document instead (its doc_id, or a unique prefix).",
)
@click.option(
    "--sentence",
    "sentence_id",
    type=int,
    default=None,
    help="With --doc: only this sentence (sentence_id in the tables).",
)
@work_option
@click.option(
    "--published",
    default=None,
    help="Article date (YYYY-MM-DD) for TEXT: "
    "titles such as 'the U.S. president' are resolved by it.",
)
@actors_option
@lexicon_options
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@claim_model_option
@click.pass_context
def explain(
    ctx: click.Context,
    text: str | None,
    doc_id: str | None,
    sentence_id: int | None,
    work_dir: Path,
    published: str | None,
    actors_path: Path | None,
    cues_path: Path | None,
    topics_path: Path | None,
    as_json: bool,
) -> None:
    """Show why a sentence gives the claims it gives.

    For TEXT (or a stored sentence) it lists the actor mentions, who is
    speaking, every cue word, and the rule that made each candidate a claim
    or the reason it is not one.

    Example:

        pipeline explain "Lavrov said Kyiv must give up the four regions."

        pipeline explain --doc 3f2a --sentence 12
    """
    import json

    from pipeline.extract.explain import (
        explain_stored,
        explain_text,
        explanations_to_dicts,
        format_explanations,
    )

    settings = ctx.obj["settings"]
    if (text is None) == (doc_id is None):
        raise click.UsageError("give either TEXT or --doc ID (with an optional --sentence N)")
    knowledge = knowledge_for(ctx, actors_path, cues_path, topics_path)
    if doc_id is None:
        items = explain_text(str(text), settings, published, knowledge)
    else:
        items = explain_stored(work_dir, doc_id, sentence_id, settings, knowledge)
    if as_json:
        click.echo(json.dumps(explanations_to_dicts(items), indent=2, ensure_ascii=False))
    else:
        click.echo(format_explanations(items))


@cli.command()
@tables_option
@click.option(
    "--figures",
    "figures_dir",
    type=FOLDER,
    default=FIGURES_DIR,
    show_default=True,
    help="Write the PNG charts here.",
)
@click.pass_context
def figures(ctx: click.Context, output_dir: Path, figures_dir: Path) -> None:
    """Save the charts (claims per actor, stance matrix, demand flows, claims over time) as PNG.

    Example:

        pipeline figures --output data/processed --figures reports/figures
    """
    from pipeline.explore.figures import save_figures

    written = save_figures(output_dir, figures_dir)
    say(ctx, f"figures: {len(written)} PNG files -> {figures_dir}")


@cli.command()
@tables_option
@click.option(
    "--unknown",
    "only_unknown",
    is_flag=True,
    required=True,
    help="List the actors the articles name that the knowledge base does not know.",
)
@click.option(
    "--limit", type=click.IntRange(min=1), default=20, show_default=True, help="How many to list."
)
@click.option(
    "--toml",
    "as_toml",
    is_flag=True,
    help="Print them as [[actors]] entries to edit and add to an actors file (--actors).",
)
def actors(output_dir: Path, only_unknown: bool, limit: int, as_toml: bool) -> None:
    """List the most frequent actors outside the knowledge base in the tables of OUTPUT.

    Titled names the knowledge base lacks ("Foreign Minister Jean Dupont") and, with a
    trained pipeline, acting named entities are actors of their own in the tables
    (actors.in_knowledge_base = false). Each is listed with its mentions, the number
    of documents and the sentence of its first mention, so the ones worth keeping can
    be added to actors.toml, or to a file passed with --actors.

    Example:

        pipeline actors --unknown --output data/processed --limit 10
    """
    from pipeline.explore.actors import actors_toml, format_unknown_actors, unknown_actors

    table = unknown_actors(output_dir, limit)
    click.echo(actors_toml(table) if as_toml else format_unknown_actors(table))


@cli.command("training-pairs")
@click.option(
    "--sources",
    "sources_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=Path("training/sources.toml"),
    show_default=True,
    help="The labelled data to build the claim model's pairs from.",
)
@click.option(
    "--output",
    "output_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("build/model/pairs.jsonl"),
    show_default=True,
    help="Where the labelled pairs go (their data hash and counts beside, .meta.json).",
)
@click.pass_context
def training_pairs(ctx: click.Context, sources_path: Path, output_path: Path) -> None:
    """Write the claim model's labelled (sentence, actor) pairs: `make model` trains on them.

    Example:

        pipeline training-pairs --output build/model/pairs.jsonl
    """
    from pipeline.extract.learned.training_data import write_training_pairs
    from pipeline.knowledge.bundle import shipped_knowledge

    report = write_training_pairs(
        sources_path, output_path, ctx.obj["settings"], shipped_knowledge()
    )
    say(ctx, f"training-pairs: {sum(report.pairs.values())} pairs -> {output_path}")
    for origin, count in sorted(report.unplaced.items()):
        say(ctx, f"  {origin}: {count} labelled claims name no actor the annotator finds")


def main() -> None:
    """Console entry point: configuration errors become one clear line, not a traceback."""
    from pipeline.io import is_disk_full

    end_on_sigterm()
    try:
        cli(standalone_mode=True)
    except (PipelineError, FileNotFoundError) as error:
        click.echo(f"Error: {error}", err=True)
        sys.exit(2)
    except OSError as error:
        if not is_disk_full(error):
            raise
        click.echo(f"Error: no space left on device ({error}); free some space", err=True)
        sys.exit(2)
