"""The command line: every command has help, and `run` is whole and repeatable."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.tables.schemas import TABLES

pytestmark = pytest.mark.integration

COMMANDS = sorted(cli.commands)

ARTICLE_A = """Talks Stall Over Territory

By Jane Doe

Zelensky rejected the demand that Ukraine give up the eastern regions.
Putin's envoy insisted on a neutral Ukraine. "We want guarantees," Zelensky said.
"""

ARTICLE_B = """Sanctions Threat Grows

Trump threatened new sanctions unless Moscow agrees to a ceasefire.
Lavrov dismissed the proposal on Monday.
"""


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    (folder / "nested").mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "nested" / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_every_command_has_help_with_an_example(command):
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output


def test_cli_group_help_lists_every_command():
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    assert all(command in result.output for command in COMMANDS)


def write_gold(folder: Path) -> Path:
    """One gold claim for ARTICLE_A, in the guidelines' format."""
    folder.mkdir()
    (folder / "a.claims.jsonl").write_text(
        '{"source": "a.txt", "sentence": "Zelensky rejected the demand that Ukraine give up the '
        'eastern regions.", "actor": "zelensky", "type": "rejection", "topic": "territory"}\n',
        encoding="utf-8",
    )
    return folder


def run_pipeline(corpus: Path, output: Path, *extra: str):
    return CliRunner().invoke(
        cli, ["--quiet", "run", "--input", str(corpus), "--output", str(output), *extra]
    )


def test_cli_run_writes_every_table_with_its_schema(corpus, tmp_path):
    result = run_pipeline(corpus, tmp_path / "out")
    assert result.exit_code == 0, result.output
    for name, schema in TABLES.items():
        table = pq.read_table(tmp_path / "out" / f"{name}.parquet")
        assert table.schema.equals(schema, check_metadata=False), name
    claims = pq.read_table(tmp_path / "out" / "claims.parquet").to_pylist()
    found = {(row["actor_id"], row["claim_type"]) for row in claims}
    assert {("zelensky", "rejection"), ("trump", "demand"), ("lavrov", "rejection")} <= found


def test_cli_run_accounts_for_bad_inputs_and_strict_fails(corpus, tmp_path):
    result = run_pipeline(corpus, tmp_path / "out")
    assert result.exit_code == 0, result.output
    rejects = pq.read_table(tmp_path / "out" / "rejects.parquet").to_pylist()
    assert [(row["source"], row["reason"]) for row in rejects] == [("empty.txt", "empty")]
    documents = pq.read_table(tmp_path / "out" / "documents.parquet").to_pylist()
    assert sorted(row["source"] for row in documents) == ["a.txt", "nested/b.txt"]
    strict = run_pipeline(corpus, tmp_path / "strict", "--strict")
    assert strict.exit_code != 0


def test_cli_run_gives_identical_tables_on_a_second_run(corpus, tmp_path):
    assert run_pipeline(corpus, tmp_path / "first").exit_code == 0
    assert run_pipeline(corpus, tmp_path / "second").exit_code == 0
    for name in TABLES:
        first = pq.read_table(tmp_path / "first" / f"{name}.parquet")
        second = pq.read_table(tmp_path / "second" / f"{name}.parquet")
        assert first.equals(second), name


def test_cli_stages_one_by_one_match_run(corpus, tmp_path):
    runner = CliRunner()
    work, staged = tmp_path / "work", tmp_path / "staged"
    for args in (
        ["normalise", "--input", str(corpus), "--work", str(work)],
        ["annotate", "--work", str(work)],
        ["extract", "--work", str(work)],
        ["tables", "--work", str(work), "--output", str(staged)],
    ):
        result = runner.invoke(cli, ["--quiet", *args])
        assert result.exit_code == 0, (args, result.output)
    assert run_pipeline(corpus, tmp_path / "whole").exit_code == 0
    for name in TABLES:
        assert pq.read_table(staged / f"{name}.parquet").equals(
            pq.read_table(tmp_path / "whole" / f"{name}.parquet")
        ), name


def test_cli_evaluate_prints_the_figures(corpus, tmp_path):
    assert run_pipeline(corpus, tmp_path / "out").exit_code == 0
    gold = write_gold(tmp_path / "gold")
    result = CliRunner().invoke(
        cli, ["evaluate", "--gold", str(gold), "--output", str(tmp_path / "out")]
    )
    assert result.exit_code == 0, result.output
    assert "principal actors" in result.output
    assert "topic accuracy" in result.output


def test_cli_reports_a_missing_model_clearly(corpus, tmp_path):
    settings = tmp_path / "settings.toml"
    settings.write_text('[nlp]\nmodel = "no_such_spacy_pipeline"\n', encoding="utf-8")
    work = tmp_path / "work"
    runner = CliRunner()
    assert (
        runner.invoke(
            cli, ["-q", "normalise", "--input", str(corpus), "--work", str(work)]
        ).exit_code
        == 0
    )
    result = runner.invoke(cli, ["--settings", str(settings), "annotate", "--work", str(work)])
    assert result.exit_code != 0
    assert "not installed" in str(result.exception)


@pytest.mark.parametrize("args", [[], ["Some text.", "--doc", "abc"]])
def test_cli_explain_needs_text_or_a_document(args):
    result = CliRunner().invoke(cli, ["explain", *args])
    assert result.exit_code == 2
    assert "either TEXT or --doc" in result.output


def test_cli_explain_shows_rule_and_claim():
    result = CliRunner().invoke(cli, ["explain", "Lavrov dismissed the peace proposal."])
    assert result.exit_code == 0, result.output
    assert "CLAIM lavrov rejection" in result.output
    assert "rule=verb-subject" in result.output


@pytest.mark.parametrize("partition_by", ["month", "outlet"])
def test_cli_evaluate_reads_partitioned_output_like_flat(corpus, tmp_path, partition_by):
    gold = write_gold(tmp_path / "gold")
    outputs = {"flat": tmp_path / "flat", "parts": tmp_path / "parts"}
    assert run_pipeline(corpus, outputs["flat"]).exit_code == 0
    result = run_pipeline(corpus, outputs["parts"], "--partition-by", partition_by)
    assert result.exit_code == 0, result.output
    assert (outputs["parts"] / "claims").is_dir()
    assert (outputs["parts"] / "claims.duckdb").is_file()
    reports = {
        name: CliRunner().invoke(cli, ["evaluate", "--gold", str(gold), "--output", str(path)])
        for name, path in outputs.items()
    }
    assert all(report.exit_code == 0 for report in reports.values())
    assert reports["flat"].output == reports["parts"].output
