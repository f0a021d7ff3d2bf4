"""Save the exploration charts as PNG files: what `make figures` writes.

The same summary-to-chart pairs as the notebook, so the saved figures and
the notebook never disagree. Each file is written beside its target and
renamed into place, so a failed run never leaves a half-written PNG.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from pipeline.explore.charts import (
    claims_by_actor_chart,
    claims_over_time_chart,
    demand_flows_chart,
    stance_matrix_chart,
)
from pipeline.explore.data import Tables, load_tables
from pipeline.explore.summaries import (
    actor_names,
    claims_by_actor_type,
    claims_over_time,
    demand_flows,
    stance_matrix,
)
from pipeline.io import atomic_path

DPI = 150

FIGURES: dict[str, Callable[[Tables], Figure]] = {
    "claims-by-actor.png": lambda t: claims_by_actor_chart(
        claims_by_actor_type(t.claims), names=actor_names(t.actors)
    ),
    "stance-matrix.png": lambda t: stance_matrix_chart(
        stance_matrix(t.claims, t.actors), names=actor_names(t.actors)
    ),
    "demand-flows.png": lambda t: demand_flows_chart(
        demand_flows(t.claims), names=actor_names(t.actors)
    ),
    "claims-over-time.png": lambda t: claims_over_time_chart(
        claims_over_time(t.claims, t.documents)
    ),
}


def build_figures(tables: Tables) -> dict[str, Figure]:
    """Every chart of the tables, keyed by its PNG file name."""
    return {name: build(tables) for name, build in FIGURES.items()}


def save_png(figure: Figure, target: Path, dpi: int = DPI) -> Path:
    """Render with the Agg canvas (no display needed) and replace ``target`` atomically."""
    FigureCanvasAgg(figure)
    with atomic_path(target) as tmp:
        figure.savefig(tmp, format="png", dpi=dpi)
    return target


def save_figures(output_dir: Path, figures_dir: Path) -> list[Path]:
    """Draw the charts of the tables in ``output_dir`` and save them as PNG in ``figures_dir``."""
    tables = load_tables(Path(output_dir))
    figures_dir = Path(figures_dir)
    return [save_png(figure, figures_dir / name) for name, figure in build_figures(tables).items()]
