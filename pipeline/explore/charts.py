"""Matplotlib Figures for the summaries: one function per chart, each given its summary.

Figures are built with ``matplotlib.figure.Figure`` rather than pyplot, so no
global figure list grows in a long notebook and saving needs no GUI backend.
Every chart draws a "no data" panel for an empty summary instead of failing,
because an empty run is a normal outcome.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from pipeline.records import CLAIM_TYPES

COLOURS: dict[str, str] = {"demand": "#1f77b4", "concession": "#2ca02c", "rejection": "#d62728"}
HEATMAPS: dict[str, str] = {"demand": "Blues", "concession": "Greens", "rejection": "Reds"}


def no_data(title: str, message: str = "no data") -> Figure:
    """A small figure that says there is nothing to draw, keeping the chart's title."""
    figure = Figure(figsize=(6, 2.5), layout="constrained")
    ax = figure.add_subplot()
    ax.set_title(title)
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=12, color="grey")
    ax.set_axis_off()
    return figure


def _stacked_bars(ax: Axes, counts: pd.DataFrame, labels: list[str], horizontal: bool) -> None:
    """Bars stacked by claim type in the shared colours, with a legend."""
    bottom = pd.Series(0, index=counts.index)
    positions = range(len(counts))
    for claim_type in CLAIM_TYPES:
        values = counts[claim_type]
        colour = COLOURS[claim_type]
        if horizontal:
            ax.barh(positions, values, left=bottom, color=colour, label=claim_type)
        else:
            ax.bar(positions, values, bottom=bottom, color=colour, label=claim_type)
        bottom = bottom + values
    if horizontal:
        ax.set_yticks(list(positions), labels)
    else:
        ax.set_xticks(list(positions), labels, rotation=45, ha="right")
    # few bars stay bar-shaped: reserve at least six slots on the category axis
    pad = max(0.0, (6 - len(counts)) / 2)
    limits = (-0.5 - pad, len(counts) - 0.5 + pad)
    if horizontal:
        ax.set_ylim(*limits)
    else:
        ax.set_xlim(*limits)
    ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1, 1))


def claims_by_actor_chart(counts: pd.DataFrame, top: int = 25) -> Figure:
    """Horizontal bars of claims per actor, stacked by type; the busiest actor on top."""
    title = "Claims per actor and type"
    if counts.empty:
        return no_data(title)
    shown = counts.head(top).iloc[::-1].reset_index(drop=True)
    figure = Figure(figsize=(8, 1.5 + 0.3 * len(shown)), layout="constrained")
    ax = figure.add_subplot()
    _stacked_bars(ax, shown, list(shown["actor_id"]), horizontal=True)
    ax.set_xlabel("claims")
    hidden = len(counts) - len(shown)
    ax.set_title(title + (f" (top {top}; {hidden} more actors not shown)" if hidden else ""))
    return figure


def stance_matrix_chart(matrix: pd.DataFrame) -> Figure:
    """One heatmap per claim type (actor x topic) on a shared scale, counts written in cells."""
    title = "Stances: claims per actor and topic"
    if matrix.empty or not matrix.to_numpy().any():
        return no_data(title)
    actors = list(matrix.index)
    topics = list(matrix.columns.get_level_values("topic").unique())
    vmax = max(int(matrix.to_numpy().max()), 1)
    width = 3 + 3 * (1 + 0.35 * len(topics))
    figure = Figure(figsize=(width, 2 + 0.35 * len(actors)), layout="constrained")
    axes = figure.subplots(1, len(CLAIM_TYPES), sharey=True)
    for ax, claim_type in zip(axes, CLAIM_TYPES, strict=True):
        values = matrix[claim_type].reindex(columns=topics, fill_value=0).to_numpy()
        ax.imshow(values, cmap=HEATMAPS[claim_type], vmin=0, vmax=vmax, aspect="auto")
        for (row, col), value in pd.DataFrame(values).stack().items():
            if value:
                dark = value > vmax / 2
                ax.text(
                    col,
                    row,
                    str(value),
                    ha="center",
                    va="center",
                    fontsize=8,
                    color="white" if dark else "black",
                )
        ax.set_title(f"{claim_type} ({int(values.sum())})")
        ax.set_xticks(range(len(topics)), topics, rotation=60, ha="right", fontsize=8)
        ax.set_yticks(range(len(actors)), actors, fontsize=8)
    figure.suptitle(title)
    return figure


def demand_flows_chart(flows: pd.DataFrame, top: int = 30) -> Figure:
    """Who demands of whom: actors on the left, their targets on the right, width by count."""
    title = "Who demands what of whom"
    if flows.empty:
        return no_data(title, "no demands with a known target")
    shown = flows.head(top)
    sources = (
        shown.groupby("actor_id")["n_claims"].sum().sort_values(ascending=False, kind="stable")
    )
    targets = (
        shown.groupby("target_actor_id")["n_claims"]
        .sum()
        .sort_values(ascending=False, kind="stable")
    )
    rows = max(len(sources), len(targets))
    figure = Figure(figsize=(7, 1.5 + 0.4 * rows), layout="constrained")
    ax = figure.add_subplot()

    def place(names: pd.Index) -> dict[str, float]:
        # spread each column over the same height, first name at the top
        step = (rows - 1) / max(len(names) - 1, 1)
        return {name: rows - 1 - index * step for index, name in enumerate(names)}

    left, right = place(sources.index), place(targets.index)
    widest = int(shown["n_claims"].max())
    for actor, target, count in shown[["actor_id", "target_actor_id", "n_claims"]].itertuples(
        index=False
    ):
        ax.plot(
            [0, 1],
            [left[actor], right[target]],
            color=COLOURS["demand"],
            alpha=0.5,
            linewidth=1 + 7 * count / widest,
            solid_capstyle="butt",
        )
    for name, y in left.items():
        ax.text(-0.02, y, f"{name} ({sources[name]})", ha="right", va="center", fontsize=9)
    for name, y in right.items():
        ax.text(1.02, y, f"{name} ({targets[name]})", ha="left", va="center", fontsize=9)
    ax.set_xlim(-0.6, 1.6)
    ax.set_ylim(-0.8, rows - 0.2)
    ax.set_axis_off()
    hidden = len(flows) - len(shown)
    note = f" (top {top} pairs; {hidden} more not shown)" if hidden else ""
    ax.set_title(f"{title}: demanding actor -> target{note}")
    return figure


def claims_over_time_chart(timeline: pd.DataFrame) -> Figure:
    """Bars of claims per publication period, stacked by type; undated claims are counted aloud."""
    title = "Claims over time (by publication date)"
    dated = timeline[timeline["period"].notna()].reset_index(drop=True)
    undated = int(timeline.loc[timeline["period"].isna(), "total"].sum())
    note = f"{undated} claims in undated documents are not on the time axis" if undated else ""
    if dated.empty:
        return no_data(title, "no dated claims" + (f"\n({note})" if note else ""))
    figure = Figure(figsize=(max(6, 1.5 + 0.4 * len(dated)), 4), layout="constrained")
    ax = figure.add_subplot()
    _stacked_bars(ax, dated, list(dated["label"]), horizontal=False)
    if len(dated) > 30:
        # keep every n-th label so long ranges stay legible
        step = len(dated) // 30 + 1
        for index, label in enumerate(ax.get_xticklabels()):
            label.set_visible(index % step == 0)
    ax.set_ylabel("claims")
    ax.set_title(title)
    if note:
        figure.supxlabel(note, fontsize=9, color="grey")
    return figure
