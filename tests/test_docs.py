"""Documentation generated from code must not drift from it."""

from __future__ import annotations

from importlib.metadata import entry_points

from pipeline.config import PROJECT_DIR
from pipeline.tables.dictionary import data_dictionary_markdown
from pipeline.tables.schemas import TABLES


def test_docs_tables_md_matches_the_schemas():
    written = (PROJECT_DIR / "docs" / "tables.md").read_text(encoding="utf-8")
    assert written == data_dictionary_markdown(), "run `make dictionary` to regenerate it"


README = (PROJECT_DIR / "README.md").read_text(encoding="utf-8")


def test_docs_readme_tables_table_is_one_block_listing_every_table():
    """A blank line inside a Markdown table ends it: the rows after it render as text."""
    lines = README.splitlines()
    header = lines.index("| table | one row per | key columns |")
    block = []
    for line in lines[header:]:
        if not line.startswith("|"):
            break
        block.append(line)
    listed = [line.split("|")[1].strip().strip("`") for line in block[2:]]
    assert sorted(listed) == sorted(TABLES)


def test_docs_readme_explain_example_marks_its_id_as_a_placeholder():
    assert "explain --doc DOC_ID --sentence" in README
    assert "9c1e" not in README  # an id that no run of the user's has
    assert "SELECT doc_id, sentence_id" in README  # how to find a real one


def test_docs_readme_opens_the_notebook_with_installed_commands():
    """The command the README gives exists in the environment `make` installs."""
    assert "jupyter execute --output overview-run notebooks/1.0-claims-overview.ipynb" in README
    scripts = {entry.name for entry in entry_points(group="console_scripts")}
    assert "jupyter-execute" in scripts
    assert "jupyter lab" not in README.replace("`.venv/bin/jupyter lab notebooks/`", "")
