"""Every notebook runs top to bottom on the seed outputs, so none of them rots unnoticed."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest
from click.testing import CliRunner
from nbclient import NotebookClient

import pipeline.cli
import pipeline.config
from pipeline.explore import summaries
from pipeline.explore.data import load_tables

pytestmark = pytest.mark.integration

NOTEBOOKS_DIR = pipeline.config.PROJECT_DIR / "notebooks"
NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("*.ipynb"))
TIMEOUT = 120  # seconds per cell


@pytest.fixture(scope="module")
def seed_tables(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tables of the seed articles, written once for every notebook."""
    output = tmp_path_factory.mktemp("seed-tables")
    result = CliRunner().invoke(
        pipeline.cli.cli,
        ["--quiet", "run", "--input", str(pipeline.config.RAW_DIR), "--output", str(output)],
    )
    assert result.exit_code == 0, result.output
    return output


def test_notebooks_exist_and_are_named_by_step():
    assert NOTEBOOKS, f"no notebooks in {NOTEBOOKS_DIR}"
    for path in NOTEBOOKS:
        step = path.name.split("-", 1)[0]
        assert step.replace(".", "").isdigit(), f"{path.name}: name it '<step>-<what>.ipynb'"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[path.name for path in NOTEBOOKS])
def test_notebooks_are_saved_without_outputs(path):
    notebook = nbformat.read(path, as_version=4)
    dirty = [
        index
        for index, cell in enumerate(notebook.cells)
        if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None)
    ]
    assert not dirty, f"{path.name}: clear the outputs of cells {dirty} before saving"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[path.name for path in NOTEBOOKS])
def test_notebooks_run_top_to_bottom(path, seed_tables):
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        kernel_name="python3",
        timeout=TIMEOUT,
        resources={"metadata": {"path": str(NOTEBOOKS_DIR)}},  # the notebook's own folder
    )
    # raises CellExecutionError, naming the cell and its traceback, if any cell fails
    client.execute(env={**os.environ, "PIPELINE_TABLES": str(seed_tables)})
    errors = [
        output
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if output.output_type == "error"
    ]
    assert not errors


def test_notebooks_stance_matrix_agrees_with_the_stances_table(seed_tables):
    tables = load_tables(seed_tables)
    matrix = summaries.stance_matrix(tables.claims, tables.actors)
    stances = tables.stances.set_index(["actor_id", "topic"])
    for claim_type, column in [
        ("demand", "demands"),
        ("concession", "concessions"),
        ("rejection", "rejections"),
    ]:
        cells = matrix[claim_type].stack().rename(column)
        cells = cells[cells > 0]
        expected = stances.loc[stances[column] > 0, column]
        assert cells.sort_index().to_dict() == expected.sort_index().to_dict(), claim_type
