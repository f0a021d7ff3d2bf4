"""Which actors the articles name that the knowledge base does not know, and how often.

The annotate stage gives every titled name it does not know a slug of its own
(and, with a trained pipeline, every acting named entity); the actors table
marks them with ``in_knowledge_base = false``. Counting their mentions shows
which ones are worth adding to ``actors.toml``, with an example sentence to
judge each by.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline.explore.data import load_table, table_path

EXAMPLE_CHARS = 160
COLUMNS = ["actor_id", "name", "kind", "role", "mentions", "documents", "example"]


def unknown_actors(output_dir: Path, limit: int | None = None) -> pd.DataFrame:
    """The actors not in the knowledge base, most mentioned first, with an example sentence
    (the sentence of each one's first mention)."""
    actors = load_table(output_dir, "actors")
    unknown = actors[~actors["in_knowledge_base"].astype(bool)]
    if unknown.empty:
        return pd.DataFrame(columns=COLUMNS)
    mentions = pd.read_parquet(
        table_path(Path(output_dir), "mentions"),
        columns=["doc_id", "sentence_id", "actor_id", "start_char"],
    )
    mentions = mentions[mentions["actor_id"].isin(set(unknown["actor_id"]))]
    sentences = pd.read_parquet(
        table_path(Path(output_dir), "sentences"), columns=["doc_id", "sentence_id", "text"]
    )
    first = (
        mentions.sort_values(["doc_id", "start_char"])
        .drop_duplicates("actor_id")
        .merge(sentences, on=["doc_id", "sentence_id"], how="left")
        .set_index("actor_id")["text"]
    )
    counts = mentions.groupby("actor_id").agg(
        mentions=("doc_id", "size"), documents=("doc_id", "nunique")
    )
    table = unknown.set_index("actor_id").join(counts, how="inner")
    table["example"] = first.reindex(table.index).fillna("").map(_shorten)
    table = table.reset_index().sort_values(
        ["mentions", "documents", "actor_id"], ascending=[False, False, True]
    )
    return table[COLUMNS].head(limit).reset_index(drop=True)


def _shorten(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= EXAMPLE_CHARS else text[: EXAMPLE_CHARS - 1] + "…"


def format_unknown_actors(table: pd.DataFrame) -> str:
    """One block per actor: id, name, kind and role, counts, then the example sentence."""
    if table.empty:
        return "No actors outside the knowledge base were found."
    lines = []
    for row in table.itertuples(index=False):
        role = f", {row.role}" if isinstance(row.role, str) and row.role else ""
        lines.append(
            f"{row.actor_id:<24} {row.mentions:>5} mentions in {row.documents} document(s)  "
            f"{row.name} ({row.kind}{role})"
        )
        lines.append(f"    {row.example}")
    return "\n".join(lines)


def actors_toml(table: pd.DataFrame) -> str:
    """``[[actors]]`` entries for the listed actors, to edit and add to an actors file."""
    blocks = []
    for row in table.itertuples(index=False):
        surname = str(row.name).split()[-1]
        aliases = [row.name] if row.name == surname else [row.name, surname]
        lines = [
            "[[actors]]",
            f'id = "{row.actor_id}"',
            f'name = "{row.name}"',
            f'kind = "{row.kind}"',
        ]
        if isinstance(row.role, str) and row.role:
            lines.append(f'role = "{row.role}"')
        lines.append("aliases = [" + ", ".join(f'"{alias}"' for alias in aliases) + "]")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
