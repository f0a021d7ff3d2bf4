"""Every stage of `pipeline run` uses the user's knowledge files, not only some of them.

The linker in the annotate stage reads word lists of the cue file (group nouns,
speech verbs): `run --cues FILE` must annotate with FILE too, not with the
shipped cues.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from pipeline.cli import cli

# "bakers" is no group noun in the shipped cues, so "They" finds no antecedent there.
ARTICLE = "Bakers meet\n\nUkrainian bakers met in Kyiv on Monday. They demanded a ceasefire.\n"
CUES = '[words]\ngroup_nouns = ["bakers"]\n'


def _run(tmp_path: Path, *options: str) -> Path:
    source = tmp_path / "in"
    source.mkdir(exist_ok=True)
    (source / "bakers.txt").write_text(ARTICLE, encoding="utf-8")
    output = tmp_path / ("out" + "".join(options).replace("/", "_"))
    args = ["-q", "run", "--input", str(source), "--output", str(output), *options]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    return output


def _pronoun_mentions(output: Path) -> list[tuple[str, str]]:
    rows = pq.read_table(output / "mentions.parquet").to_pylist()
    return [(row["text"], row["actor_id"]) for row in rows if row["text"] == "They"]


def _claims(output: Path) -> list[tuple[str, str]]:
    rows = pq.read_table(output / "claims.parquet").to_pylist()
    return [(row["actor_id"], row["claim_type"]) for row in rows]


@pytest.mark.parametrize("group_noun", ["bakers"])
def test_cli_run_annotates_with_the_user_cue_file(tmp_path: Path, group_noun: str) -> None:
    cues = tmp_path / "cues.toml"
    cues.write_text(CUES.replace("bakers", group_noun), encoding="utf-8")
    shipped = _run(tmp_path)
    assert _pronoun_mentions(shipped) == []
    assert _claims(shipped) == []
    own = _run(tmp_path, "--cues", str(cues))
    assert _pronoun_mentions(own) == [("They", "ukraine")]
    assert _claims(own) == [("ukraine", "demand")]
