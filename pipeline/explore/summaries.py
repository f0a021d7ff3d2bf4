"""Pure functions from the tables to the small DataFrames the charts draw.

Nothing here reads files or draws, so each summary can be checked in a test
on a handful of rows, and a notebook cell and `make figures` show the same
numbers.
"""

from __future__ import annotations

from typing import Literal

import pandas as pd

from pipeline.explore.data import Tables
from pipeline.records import CLAIM_TYPES

Freq = Literal["day", "week", "month"]
PERIODS: dict[str, str] = {"day": "D", "week": "W-SUN", "month": "M"}
LABELS: dict[str, str] = {"day": "%Y-%m-%d", "week": "%Y-%m-%d", "month": "%Y-%m"}
UNDATED = "undated"
MARK = "**"


def _type_counts(claims: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Claims counted per ``by`` key and type: one column per claim type, always all three."""
    if claims.empty:
        counts = pd.DataFrame(columns=[*by, *CLAIM_TYPES])
        return counts.astype(dict.fromkeys(CLAIM_TYPES, "int64"))
    counts = claims.groupby([*by, "claim_type"]).size().unstack("claim_type", fill_value=0)
    counts = counts.reindex(columns=list(CLAIM_TYPES), fill_value=0).astype("int64")
    counts.columns.name = None
    return counts.reset_index()


def actor_names(actors: pd.DataFrame) -> dict[str, str]:
    """actor_id -> the actor's name, for chart labels; actors without a name keep their id."""
    named = actors[actors["name"].notna() & (actors["name"].astype(str).str.strip() != "")]
    return dict(zip(named["actor_id"], named["name"], strict=True))


def claims_by_actor_type(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims per actor and type with a total, busiest actor first (ties by actor_id)."""
    counts = _type_counts(claims, ["actor_id"])
    counts["total"] = counts[list(CLAIM_TYPES)].sum(axis=1).astype("int64")
    return counts.sort_values(["total", "actor_id"], ascending=[False, True], ignore_index=True)


def stance_matrix(claims: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Actor x topic claim counts, one block of columns per claim type.

    ``matrix["demand"].loc["putin", "territory"]`` is a cell; ``evidence``
    lists the claims behind it. Principal actors come first so the actors the
    project scores are always at the top, then the busiest; topics run from
    the busiest.
    """
    if claims.empty:
        columns = pd.MultiIndex.from_product([CLAIM_TYPES, []], names=["claim_type", "topic"])
        return pd.DataFrame(index=pd.Index([], name="actor_id", dtype="str"), columns=columns)
    counts = pd.crosstab([claims["actor_id"]], [claims["claim_type"], claims["topic"]])
    totals = claims.groupby("actor_id").size()
    principal = set(actors.loc[actors["is_principal"].astype(bool), "actor_id"])
    rows = sorted(totals.index, key=lambda actor: (actor not in principal, -totals[actor], actor))
    topic_totals = claims.groupby("topic").size()
    topics = sorted(topic_totals.index, key=lambda topic: (-topic_totals[topic], topic))
    columns = pd.MultiIndex.from_product([CLAIM_TYPES, topics], names=["claim_type", "topic"])
    matrix = counts.reindex(index=rows, columns=columns, fill_value=0).astype("int64")
    matrix.index.name = "actor_id"
    return matrix


def matrix_cells(matrix: pd.DataFrame) -> pd.DataFrame:
    """The non-empty cells of a stance matrix, largest first: a way to pick cells to inspect."""
    columns = ["actor_id", "claim_type", "topic", "n_claims"]
    if matrix.empty:
        return pd.DataFrame(columns=columns).astype({"n_claims": "int64"})
    cells = matrix.stack(["claim_type", "topic"], future_stack=True).rename("n_claims")
    cells = cells[cells > 0].reset_index()[columns]
    cells["n_claims"] = cells["n_claims"].astype("int64")
    return cells.sort_values(
        ["n_claims", "actor_id", "claim_type", "topic"],
        ascending=[False, True, True, True],
        ignore_index=True,
    )


def demand_flows(claims: pd.DataFrame, claim_type: str = "demand") -> pd.DataFrame:
    """Who makes demands of whom: counts per (actor_id, target_actor_id), largest first.

    Claims without a known target are left out: they say what was demanded,
    not of whom.
    """
    columns = ["actor_id", "target_actor_id", "n_claims"]
    chosen = claims[(claims["claim_type"] == claim_type) & claims["target_actor_id"].notna()]
    if chosen.empty:
        return pd.DataFrame(columns=columns).astype({"n_claims": "int64"})
    flows = chosen.groupby(["actor_id", "target_actor_id"]).size().rename("n_claims")
    return flows.reset_index().sort_values(
        ["n_claims", "actor_id", "target_actor_id"],
        ascending=[False, True, True],
        ignore_index=True,
    )


def claims_over_time(
    claims: pd.DataFrame, documents: pd.DataFrame, freq: Freq = "month"
) -> pd.DataFrame:
    """Claims per publication period and type; periods without claims are zero rows.

    Claims whose document has no date (or is not in ``documents``) are not
    dropped: they form one last row labelled "undated" with a null period, so
    the counts always add up to the number of claims.
    """
    if freq not in PERIODS:
        raise ValueError(f"freq must be one of {list(PERIODS)}, not {freq!r}")
    published = documents.drop_duplicates("doc_id").set_index("doc_id")["published"]
    found = published.reindex(claims["doc_id"]).to_numpy()
    moments = pd.to_datetime(pd.Series(found, index=claims.index), utc=True)
    naive = moments.dt.tz_localize(None)
    periods = naive.dt.to_period(PERIODS[freq]).dt.start_time
    dated = claims.assign(period=periods)[periods.notna()]
    counts = _type_counts(dated, ["period"]).set_index("period")
    if not counts.empty:
        full = pd.period_range(periods.min(), periods.max(), freq=PERIODS[freq]).start_time
        counts = counts.reindex(full, fill_value=0)
    counts.index.name = "period"
    counts = counts.reset_index()
    counts["period"] = pd.to_datetime(counts["period"])
    counts["label"] = counts["period"].dt.strftime(LABELS[freq])
    undated = claims[periods.isna()]
    if not undated.empty:
        row = _type_counts(undated.assign(label=UNDATED), ["label"])
        counts = pd.concat([counts, row.assign(period=pd.NaT)], ignore_index=True)
    counts["total"] = counts[list(CLAIM_TYPES)].sum(axis=1)
    columns = ["period", "label", *CLAIM_TYPES, "total"]
    return counts[columns].astype(dict.fromkeys([*CLAIM_TYPES, "total"], "int64"))


def mark_cue(sentence: str, start: int, end: int) -> str:
    """The sentence with the cue wrapped in ``**`` (Markdown bold), when the offsets fit it."""
    if not 0 <= start < end <= len(sentence):
        return sentence
    return f"{sentence[:start]}{MARK}{sentence[start:end]}{MARK}{sentence[end:]}"


EVIDENCE_COLUMNS = [
    "title",
    "source",
    "outlet",
    "published",
    "actor_id",
    "claim_type",
    "topic",
    "target_actor_id",
    "modality",
    "cue",
    "rule",
    "confidence",
    "sentence",
    "doc_id",
    "sentence_id",
    "claim_id",
]


def evidence(
    tables: Tables,
    actor_id: str,
    topic: str | None = None,
    claim_type: str | None = None,
) -> pd.DataFrame:
    """The claims behind one cell of the stance matrix, with the sentence and its article.

    ``sentence`` has the cue in ``**bold**`` so a reader sees which words made
    the claim. Rows follow the documents (by source and part), then sentence order. An actor,
    topic or type that is simply absent gives no rows; a claim type that
    cannot exist is an error, so a typo does not pass for "no evidence".
    """
    if claim_type is not None and claim_type not in CLAIM_TYPES:
        raise ValueError(f"claim_type must be one of {list(CLAIM_TYPES)}, not {claim_type!r}")
    claims = tables.claims
    chosen = claims["actor_id"] == actor_id
    if topic is not None:
        chosen &= claims["topic"] == topic
    if claim_type is not None:
        chosen &= claims["claim_type"] == claim_type
    rows = claims[chosen]
    starts = tables.sentences.set_index(["doc_id", "sentence_id"])["start_char"]
    keys = pd.MultiIndex.from_arrays([rows["doc_id"], rows["sentence_id"]])
    offset = pd.Series(starts.reindex(keys).to_numpy(), index=rows.index)
    marked = [
        sentence if pd.isna(base) else mark_cue(sentence, int(start - base), int(end - base))
        for sentence, start, end, base in zip(
            rows["sentence"], rows["start_char"], rows["end_char"], offset, strict=True
        )
    ]
    docs = tables.documents.sort_values(["source", "part"])  # whatever layout it was read from
    docs = docs[["doc_id", "title", "source", "outlet", "published"]]
    order = {doc_id: rank for rank, doc_id in enumerate(docs["doc_id"])}
    found = rows.assign(sentence=marked).merge(docs, on="doc_id", how="left")
    found["_rank"] = found["doc_id"].map(order).fillna(len(order))
    found = found.sort_values(["_rank", "doc_id", "sentence_id", "start_char"], ignore_index=True)
    return found[EVIDENCE_COLUMNS]


def cell_evidence(tables: Tables, cells: pd.DataFrame, rank: int = 0) -> pd.DataFrame:
    """The evidence of the ``rank``-th row of ``matrix_cells``; no rows when there is none.

    Lets a notebook show the busiest cell of whatever data it is given
    without naming actors that may be absent.
    """
    if not 0 <= rank < len(cells):
        return evidence(tables, actor_id="")[:0]
    cell = cells.iloc[rank]
    return evidence(tables, cell["actor_id"], cell["topic"], cell["claim_type"])


def evidence_markdown(found: pd.DataFrame, limit: int = 20) -> str:
    """Evidence rows as a Markdown list (cue in bold, then article and rule) for a notebook."""
    if found.empty:
        return "_no claims_"
    lines = [
        f"- {row.sentence}  \n  _{row.title if pd.notna(row.title) else row.source}_ · "
        f"{row.claim_type} / {row.topic} · rule `{row.rule}` ({row.confidence:.2f})"
        for row in found.head(limit).itertuples(index=False)
    ]
    if len(found) > limit:
        lines.append(f"- … and {len(found) - limit} more")
    return "\n".join(lines)
