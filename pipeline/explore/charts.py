"""Matplotlib Figures for the summaries: one function per chart, each given its summary.

Figures are built with ``matplotlib.figure.Figure`` rather than pyplot, so no
global figure list grows in a long notebook and saving needs no GUI backend.
Every chart draws a "no data" panel for an empty summary instead of failing,
because an empty run is a normal outcome.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy
import pandas as pd
from matplotlib import colormaps
from matplotlib.axes import Axes
from matplotlib.colors import ListedColormap, LogNorm
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.ticker import PercentFormatter, StrMethodFormatter

from pipeline.records import CLAIM_TYPES

COLOURS: dict[str, str] = {"demand": "#1f77b4", "concession": "#2ca02c", "rejection": "#d62728"}
HEATMAPS: dict[str, str] = {"demand": "Blues", "concession": "Greens", "rejection": "Reds"}
TOTAL_COLOUR = "#555555"
UNDATED_HATCH = "///"
FLOW_INCHES = 3.0  # width of the lines of the demand flows
LABEL_INCHES_PER_CHAR = 0.07  # a 9-point name, roughly


def label(actor_id: str, names: Mapping[str, str] | None) -> str:
    """An actor's display name when ``names`` (from ``summaries.actor_names``) has one."""
    return (names or {}).get(actor_id, actor_id)


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


def claims_by_actor_chart(
    counts: pd.DataFrame, top: int = 25, names: Mapping[str, str] | None = None
) -> Figure:
    """Claims per actor: totals on a log scale (a skewed corpus hides no actor) beside
    each actor's shares of demands, concessions and rejections; the busiest on top."""
    title = "Claims per actor and type"
    if counts.empty:
        return no_data(title)
    shown = counts.head(top).iloc[::-1].reset_index(drop=True)
    figure = Figure(figsize=(10, 1.5 + 0.3 * len(shown)), layout="constrained")
    total_ax, share_ax = figure.subplots(1, 2, sharey=True, width_ratios=[3, 2])
    totals = shown["total"]
    positions = range(len(shown))
    total_ax.barh(positions, totals, color=TOTAL_COLOUR)
    total_ax.set_xscale("log")
    total_ax.set_xlim(0.7, totals.max() * 2.5)  # below 1, so an actor with one claim shows
    for y, total in enumerate(totals):
        total_ax.text(total, y, f" {total}", va="center", fontsize=8)
    total_ax.xaxis.set_major_formatter(StrMethodFormatter("{x:g}"))  # 1, 10, 100: not 10^0
    total_ax.set_xlabel("claims (log scale)")
    shares = shown[list(CLAIM_TYPES)].div(totals, axis=0)
    labels = [label(actor, names) for actor in shown["actor_id"]]
    _stacked_bars(share_ax, shares, labels, horizontal=True)
    share_ax.set_xlim(0, 1)
    share_ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    share_ax.set_xlabel("share of the actor's claims")
    share_ax.tick_params(labelleft=False)
    total_ax.set_yticks(list(positions), labels)
    hidden = len(counts) - len(shown)
    figure.suptitle(title + (f" (top {top}; {hidden} more actors not shown)" if hidden else ""))
    return figure


def _light_to_dark(name: str) -> ListedColormap:
    """A sequential colour map without its near-white end, so a cell of 1 stays visible."""
    return ListedColormap(colormaps[name](numpy.linspace(0.2, 1.0, 256)))


def stance_matrix_chart(matrix: pd.DataFrame, names: Mapping[str, str] | None = None) -> Figure:
    """One heatmap per claim type (actor x topic), counts written in cells; colours on a log
    scale shared by the three panels, so one busy cell does not wash out the others."""
    title = "Stances: claims per actor and topic (colour on a log scale; empty cells white)"
    if matrix.empty or not matrix.to_numpy().any():
        return no_data(title)
    actors = [label(actor, names) for actor in matrix.index]
    topics = list(matrix.columns.get_level_values("topic").unique())
    norm = LogNorm(vmin=1, vmax=max(int(matrix.to_numpy().max()), 2))
    width = 3 + 3 * (1 + 0.35 * len(topics))
    figure = Figure(figsize=(width, 2.5 + 0.35 * len(actors)), layout="constrained")
    axes = figure.subplots(1, len(CLAIM_TYPES), sharey=True)
    for ax, claim_type in zip(axes, CLAIM_TYPES, strict=True):
        values = matrix[claim_type].reindex(columns=topics, fill_value=0).to_numpy()
        cells = numpy.ma.masked_equal(values, 0)  # masked cells show the white background
        ax.imshow(cells, cmap=_light_to_dark(HEATMAPS[claim_type]), norm=norm, aspect="auto")
        for (row, col), value in pd.DataFrame(values).stack().items():
            if value:
                dark = norm(value) > 0.45
                colour = "white" if dark else "black"
                ax.text(col, row, str(value), ha="center", va="center", fontsize=8, color=colour)
        ax.set_title(f"{claim_type} ({int(values.sum())})")
        ax.set_xticks(range(len(topics)), topics, rotation=60, ha="right", fontsize=8)
        ax.set_yticks(range(len(actors)), actors, fontsize=8)
        ax.set_xlabel("topic")
    axes[0].set_ylabel("actor (holder of the claim)")
    figure.suptitle(title)
    return figure


def line_width(count: int, widest: int) -> float:
    """The width of a flow of ``count`` demands, the widest flow being ``widest``."""
    return 1 + 7 * count / widest


def _width_legend(ax: Axes, widest: int) -> None:
    """A legend that reads line widths as numbers of demands: the thinnest, middle, widest."""
    samples = sorted({1, max(1, round(widest / 2)), widest})
    handles = [
        Line2D([], [], color=COLOURS["demand"], alpha=0.5, linewidth=line_width(n, widest))
        for n in samples
    ]
    ax.legend(
        handles,
        [str(n) for n in samples],
        title="demands (line width)",
        loc="upper center",
        bbox_to_anchor=(0.5, 0.0),
        ncols=len(samples),
        frameon=False,
    )


def demand_flows_chart(
    flows: pd.DataFrame, top: int = 30, names: Mapping[str, str] | None = None
) -> Figure:
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
    longest = max(len(f"{label(actor, names)} (000)") for actor in [*sources.index, *targets.index])
    side = 0.2 + LABEL_INCHES_PER_CHAR * longest  # inches for the names on each side
    figure = Figure(figsize=(FLOW_INCHES + 2 * side, 2.2 + 0.4 * rows), layout="constrained")
    ax = figure.add_subplot()

    def place(actors: pd.Index) -> dict[str, float]:
        # spread each column over the same height, first name at the top
        step = (rows - 1) / max(len(actors) - 1, 1)
        return {actor: rows - 1 - index * step for index, actor in enumerate(actors)}

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
            linewidth=line_width(count, widest),
            solid_capstyle="butt",
        )
    for actor, y in left.items():
        text = f"{label(actor, names)} ({sources[actor]})"
        ax.text(-0.02, y, text, ha="right", va="center", fontsize=9)
    for actor, y in right.items():
        text = f"{label(actor, names)} ({targets[actor]})"
        ax.text(1.02, y, text, ha="left", va="center", fontsize=9)
    ax.set_xlim(-side / FLOW_INCHES, 1 + side / FLOW_INCHES)  # the lines span FLOW_INCHES
    ax.set_ylim(-0.8, rows - 0.2)
    ax.set_axis_off()
    _width_legend(ax, widest)
    hidden = len(flows) - len(shown)
    note = f" (top {top} pairs; {hidden} more not shown)" if hidden else ""
    ax.set_title(f"{title}: demanding actor -> target{note}")
    return figure


def claims_over_time_chart(timeline: pd.DataFrame) -> Figure:
    """Bars of claims per publication period, stacked by type, and a hatched "undated" bar
    set apart at the end, so claims of documents without a date are counted visibly."""
    title = "Claims over time (by publication date)"
    dated = timeline[timeline["period"].notna()].reset_index(drop=True)
    undated = int(timeline.loc[timeline["period"].isna(), "total"].sum())
    note = f"{undated} claims in undated documents are not on the time axis" if undated else ""
    if dated.empty:
        return no_data(title, "no dated claims" + (f"\n({note})" if note else ""))
    bars = timeline.sort_values("period", na_position="last").reset_index(drop=True)
    figure = Figure(figsize=(max(6, 2 + 0.4 * len(bars)), 4), layout="constrained")
    ax = figure.add_subplot()
    _stacked_bars(ax, bars, list(bars["label"]), horizontal=False)
    if len(dated) > 30:
        # keep every n-th label so long ranges stay legible (and always "undated")
        step = len(dated) // 30 + 1
        for index, tick in enumerate(ax.get_xticklabels()[: len(dated)]):
            tick.set_visible(index % step == 0)
    if undated:
        _set_apart(ax, len(dated))
        total = int(timeline["total"].sum())
        note = f"{undated} of {total} claims are in documents without a date (hatched bar)"
        figure.supxlabel(note, fontsize=9, color="grey")
    ax.set_ylabel("claims")
    ax.set_title(title)
    return figure


def _set_apart(ax: Axes, position: int) -> None:
    """Hatch the bar at ``position`` (the undated claims) and draw a line before it."""
    for patch in ax.patches:
        if isinstance(patch, Rectangle) and abs(patch.get_center()[0] - position) < 0.5:
            patch.set_hatch(UNDATED_HATCH)
            patch.set_edgecolor("white")
    ax.axvline(position - 0.5, color="grey", linestyle=":", linewidth=1)
