"""Load the Parquet tables of a pipeline run into pandas DataFrames.

Each table is conformed to its declared schema (column order, no partition
categoricals), so the summaries see the same frames whether a table was
written as one file or as a folder of hive-partitioned files.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa

from pipeline.config import PipelineError
from pipeline.tables.schemas import ACTORS, CLAIMS, DOCUMENTS, SENTENCES, STANCES

SCHEMAS: dict[str, pa.Schema] = {
    "claims": CLAIMS,
    "documents": DOCUMENTS,
    "actors": ACTORS,
    "stances": STANCES,
    "sentences": SENTENCES,
}


@dataclass(frozen=True)
class Tables:
    """The tables the exploration needs, one DataFrame each."""

    claims: pd.DataFrame
    documents: pd.DataFrame
    actors: pd.DataFrame
    stances: pd.DataFrame
    sentences: pd.DataFrame

    def row_counts(self) -> dict[str, int]:
        """Rows per table: the first thing to look at after a run."""
        return {name: len(getattr(self, name)) for name in SCHEMAS}


def empty_frame(name: str) -> pd.DataFrame:
    """A table with no rows but the declared columns and types, as an empty run writes it."""
    return SCHEMAS[name].empty_table().to_pandas()


def empty_tables() -> Tables:
    """Every table empty: what charts and summaries must handle without crashing."""
    return Tables(**{name: empty_frame(name) for name in SCHEMAS})


def make_tables(**frames: pd.DataFrame) -> Tables:
    """Tables from the frames given, the others empty; handy in tests and notebooks."""
    unknown = set(frames) - set(SCHEMAS)
    if unknown:
        raise ValueError(f"unknown table(s) {sorted(unknown)}; expected some of {list(SCHEMAS)}")
    return Tables(**{name: frames.get(name, empty_frame(name)) for name in SCHEMAS})


def table_path(output_dir: Path, name: str) -> Path:
    """Where a table lives: ``name.parquet`` (a file or a folder) or a hive folder ``name``.

    Both at once means a stale copy of the other layout; reading either could
    show old rows, so it is an error rather than a guess.
    """
    found = [path for path in (output_dir / f"{name}.parquet", output_dir / name) if path.exists()]
    if len(found) > 1:
        raise PipelineError(
            f"both {found[0]} and {found[1]} exist: remove the stale one, or rerun "
            f"`pipeline run --output {output_dir}` to rewrite the tables"
        )
    if not found:
        raise FileNotFoundError(
            f"{output_dir / f'{name}.parquet'} not found: run `make` (or "
            f"`pipeline run --input data/raw --output {output_dir}`) first to write the tables"
        )
    return found[0]


def conform(frame: pd.DataFrame, schema: pa.Schema, name: str) -> pd.DataFrame:
    """Declared columns first and in order; hive partition columns back to plain values.

    Reading a partitioned folder turns the partition columns into categoricals
    and appends them last; the summaries expect the columns of a single file.
    """
    missing = [column for column in schema.names if column not in frame.columns]
    if missing:
        raise PipelineError(
            f"table '{name}' lacks column(s) {missing}: it was written by another version "
            "of the pipeline; rerun `pipeline run` to rewrite it"
        )
    frame = frame.copy()
    for column in frame.columns:
        if isinstance(frame[column].dtype, pd.CategoricalDtype):
            frame[column] = frame[column].astype(frame[column].cat.categories.dtype)
    extra = [column for column in frame.columns if column not in schema.names]
    return frame[[*schema.names, *extra]].reset_index(drop=True)


def load_table(output_dir: Path, name: str) -> pd.DataFrame:
    """One table of an output folder as a DataFrame conformed to its schema."""
    return conform(pd.read_parquet(table_path(Path(output_dir), name)), SCHEMAS[name], name)


def load_tables(output_dir: Path) -> Tables:
    """The claims, documents, actors, stances and sentences of one pipeline run."""
    output_dir = Path(output_dir)
    if not output_dir.is_dir():
        raise FileNotFoundError(
            f"{output_dir} is not a folder of tables: run `make` (or "
            f"`pipeline run --input data/raw --output {output_dir}`) first"
        )
    return Tables(**{name: load_table(output_dir, name) for name in SCHEMAS})
