"""The exploration layer: loading tables, the summaries, the charts and the saved PNGs."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from matplotlib.colors import LogNorm
from matplotlib.figure import Figure

from pipeline.explore import charts, summaries
from pipeline.explore.data import SCHEMAS, Tables, empty_tables, load_tables, make_tables
from pipeline.explore.figures import FIGURES, save_figures
from pipeline.records import CLAIM_TYPES

SENTENCE = "Putin demanded a ceasefire."
MARCH = datetime(2025, 3, 19, tzinfo=UTC)
MAY = datetime(2025, 5, 2, tzinfo=UTC)


def frame(name: str, rows: list[dict[str, Any]], **same: Any) -> pd.DataFrame:
    """A table as pandas reads it from Parquet: declared columns and types; ``same`` gives
    columns that hold one value in every row."""
    rows = [{**row, **same} for row in rows]
    return pa.Table.from_pylist(rows, schema=SCHEMAS[name]).to_pandas()


def claim(actor: str, claim_type: str = "demand", topic: str = "ceasefire", **extra: Any) -> dict:
    row = {
        "claim_id": f"{actor}-{claim_type}-{topic}-{extra.get('sentence_id', 0)}",
        "doc_id": "d1",
        "sentence_id": 0,
        "sentence": SENTENCE,
        "actor_id": actor,
        "claim_type": claim_type,
        "topic": topic,
        "cue": "demanded",
        "start_char": 6,
        "end_char": 14,
        "rule": "verb-subject",
        "confidence": 0.8,
        "speaker": None,
        "target_actor_id": None,
        "modality": "asserted",
        "kind": "body",
    }
    row.update(extra)
    return row


def claims(*rows: dict) -> pd.DataFrame:
    return frame("claims", list(rows))


def document(doc_id: str, published: datetime | None, source: str | None = None) -> dict:
    return {
        "doc_id": doc_id,
        "source": source or f"{doc_id}.txt",
        "part": 0,
        "title": f"Title of {doc_id}",
        "published": published,
        "n_words": 10,
        "n_sentences": 2,
        "n_claims": 1,
    }


def documents(*rows: dict) -> pd.DataFrame:
    return frame("documents", list(rows))


def actors(*principal: str, others: tuple[str, ...] = ()) -> pd.DataFrame:
    rows = [
        {
            "actor_id": actor,
            "name": actor.title(),
            "kind": "person",
            "is_principal": actor in principal,
            "in_knowledge_base": True,
        }
        for actor in (*principal, *others)
    ]
    return frame("actors", rows)


def sample_tables() -> Tables:
    """Two documents (one undated), three actors, every chart with something to draw."""
    found = claims(
        claim("putin", "demand", "territory", target_actor_id="ukraine"),
        claim(
            "putin",
            "demand",
            "territory",
            sentence_id=1,
            start_char=34,
            end_char=42,
            target_actor_id="ukraine",
        ),
        claim("zelensky", "rejection", "territory", target_actor_id="putin"),
        claim("russia", "concession", "ceasefire", doc_id="d2"),
    )
    sentences = frame(
        "sentences",
        [
            {"doc_id": "d1", "sentence_id": 0, "text": SENTENCE, "start_char": 0, "end_char": 27},
            {"doc_id": "d1", "sentence_id": 1, "text": SENTENCE, "start_char": 28, "end_char": 55},
        ],
        kind="body",
    )
    return make_tables(
        claims=found,
        documents=documents(document("d1", MARCH), document("d2", None)),
        actors=actors("putin", "zelensky", others=("russia",)),
        sentences=sentences,
    )


# --- loading --------------------------------------------------------------------------------


def write_tables(folder: Path, tables: Tables) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, schema in SCHEMAS.items():
        table = pa.Table.from_pandas(getattr(tables, name), schema=schema, preserve_index=False)
        pq.write_table(table, folder / f"{name}.parquet")
    return folder


def test_explore_load_tables_reads_every_table(tmp_path):
    tables = load_tables(write_tables(tmp_path / "out", sample_tables()))
    assert tables.row_counts() == {
        "claims": 4,
        "documents": 2,
        "actors": 3,
        "stances": 0,
        "sentences": 2,
    }
    assert list(tables.claims.columns) == SCHEMAS["claims"].names


@pytest.mark.parametrize("missing", ["folder", "claims"])
def test_explore_load_tables_missing_says_to_run_the_pipeline(tmp_path, missing):
    folder = write_tables(tmp_path / "out", empty_tables())
    if missing == "folder":
        folder = tmp_path / "nowhere"
    else:
        (folder / "claims.parquet").unlink()
    with pytest.raises(FileNotFoundError, match="pipeline run"):
        load_tables(folder)


def test_explore_load_tables_reads_hive_partitioned_folders(tmp_path):
    sample = sample_tables()
    folder = write_tables(tmp_path / "out", sample)
    (folder / "claims.parquet").unlink()
    table = pa.Table.from_pandas(sample.claims, schema=SCHEMAS["claims"], preserve_index=False)
    pq.write_to_dataset(table, folder / "claims", partition_cols=["claim_type"])
    loaded = load_tables(folder).claims
    assert list(loaded.columns) == SCHEMAS["claims"].names
    assert not isinstance(loaded["claim_type"].dtype, pd.CategoricalDtype)
    key = ["claim_id"]
    pd.testing.assert_frame_equal(
        loaded.sort_values(key, ignore_index=True),
        sample.claims.sort_values(key, ignore_index=True),
        check_dtype=False,
    )


def test_explore_load_tables_refuses_two_layouts_of_one_table(tmp_path):
    folder = write_tables(tmp_path / "out", sample_tables())
    (folder / "claims").mkdir()
    with pytest.raises(ValueError, match="remove the stale one"):
        load_tables(folder)


def test_explore_load_tables_missing_column_is_named(tmp_path):
    folder = write_tables(tmp_path / "out", empty_tables())
    pq.write_table(pa.table({"actor_id": pa.array([], pa.string())}), folder / "actors.parquet")
    with pytest.raises(ValueError, match=r"'actors' lacks column\(s\) \['name'"):
        load_tables(folder)


# --- summaries ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([], []),
        (
            [claim("putin"), claim("putin", "rejection"), claim("trump", "concession")],
            [("putin", 1, 0, 1, 2), ("trump", 0, 1, 0, 1)],
        ),
        # ties go by actor_id
        ([claim("zelensky"), claim("lavrov")], [("lavrov", 1, 0, 0, 1), ("zelensky", 1, 0, 0, 1)]),
    ],
)
def test_explore_claims_by_actor_type(rows, expected):
    counts = summaries.claims_by_actor_type(claims(*rows))
    assert list(counts.columns) == ["actor_id", "demand", "concession", "rejection", "total"]
    assert list(counts.itertuples(index=False, name=None)) == expected


@pytest.mark.parametrize(
    ("rows", "principal", "order"),
    [
        # principal actors first, even with fewer claims; then the busiest
        (
            [claim("russia"), claim("russia"), claim("putin"), claim("ukraine")],
            ["putin"],
            ["putin", "russia", "ukraine"],
        ),
        ([claim("b"), claim("a")], [], ["a", "b"]),
    ],
)
def test_explore_stance_matrix_puts_principal_actors_first(rows, principal, order):
    matrix = summaries.stance_matrix(claims(*rows), actors(*principal, others=("russia",)))
    assert list(matrix.index) == order


def test_explore_stance_matrix_counts_cells_by_type_and_topic():
    found = claims(
        claim("putin", "demand", "territory"),
        claim("putin", "demand", "territory", sentence_id=1),
        claim("putin", "rejection", "ceasefire"),
        claim("zelensky", "rejection", "territory"),
    )
    matrix = summaries.stance_matrix(found, actors("putin", "zelensky"))
    assert list(matrix.columns.get_level_values("claim_type").unique()) == [
        "demand",
        "concession",
        "rejection",
    ]
    assert list(matrix["demand"].columns) == ["territory", "ceasefire"]
    assert matrix["demand"].loc["putin", "territory"] == 2
    assert matrix["rejection"].loc["zelensky", "territory"] == 1
    assert matrix["concession"].to_numpy().sum() == 0
    assert matrix.to_numpy().sum() == len(found)
    cells = summaries.matrix_cells(matrix)
    assert list(cells.itertuples(index=False, name=None)) == [
        ("putin", "demand", "territory", 2),
        ("putin", "rejection", "ceasefire", 1),
        ("zelensky", "rejection", "territory", 1),
    ]


def test_explore_stance_matrix_empty():
    matrix = summaries.stance_matrix(claims(), actors("putin"))
    assert matrix.empty
    assert summaries.matrix_cells(matrix).empty


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([], []),
        ([claim("putin")], []),  # no target: not a flow
        ([claim("putin", "rejection", target_actor_id="ukraine")], []),  # not a demand
        (
            [
                claim("putin", target_actor_id="ukraine"),
                claim("putin", target_actor_id="ukraine", sentence_id=1),
                claim("trump", target_actor_id="putin"),
                claim("trump"),
            ],
            [("putin", "ukraine", 2), ("trump", "putin", 1)],
        ),
    ],
)
def test_explore_demand_flows(rows, expected):
    flows = summaries.demand_flows(claims(*rows))
    assert list(flows.itertuples(index=False, name=None)) == expected


@pytest.mark.parametrize(
    ("freq", "rows", "expected"),
    [
        ("month", [], []),
        # gaps between periods are zero rows; undated claims form the last row
        (
            "month",
            [claim("a"), claim("b", "rejection", doc_id="d2"), claim("c", doc_id="d3")],
            [
                ("2025-03", 1, 0, 0),
                ("2025-04", 0, 0, 0),
                ("2025-05", 0, 0, 1),
                ("undated", 1, 0, 0),
            ],
        ),
        # a claim whose document is unknown is undated, not lost
        (
            "day",
            [claim("a"), claim("b", doc_id="elsewhere")],
            [("2025-03-19", 1, 0, 0), ("undated", 1, 0, 0)],
        ),
        ("week", [claim("a")], [("2025-03-17", 1, 0, 0)]),
        ("month", [claim("c", doc_id="d3")], [("undated", 1, 0, 0)]),
    ],
)
def test_explore_claims_over_time(freq, rows, expected):
    docs = documents(document("d1", MARCH), document("d2", MAY), document("d3", None))
    timeline = summaries.claims_over_time(claims(*rows), docs, freq)
    found = timeline[["label", "demand", "concession", "rejection"]]
    assert list(found.itertuples(index=False, name=None)) == expected
    assert timeline["total"].sum() == len(rows)
    assert timeline.loc[timeline["label"] == "undated", "period"].isna().all()


def test_explore_claims_over_time_rejects_an_unknown_frequency():
    with pytest.raises(ValueError, match="freq must be one of"):
        summaries.claims_over_time(claims(), documents(), "year")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("sentence", "start", "end", "expected"),
    [
        ("Putin demanded a ceasefire.", 6, 14, "Putin **demanded** a ceasefire."),
        ("Putin demanded a ceasefire.", 0, 5, "**Putin** demanded a ceasefire."),
        ("short", 3, 40, "short"),  # offsets that do not fit leave the sentence as it is
        ("short", -1, 2, "short"),
    ],
)
def test_explore_mark_cue(sentence, start, end, expected):
    assert summaries.mark_cue(sentence, start, end) == expected


@pytest.mark.parametrize(
    ("actor", "topic", "claim_type", "expected"),
    [
        ("putin", None, None, [(0, "demand"), (1, "demand")]),
        ("putin", "territory", "demand", [(0, "demand"), (1, "demand")]),
        ("putin", "ceasefire", None, []),
        ("nobody", None, None, []),
        ("zelensky", "territory", "rejection", [(0, "rejection")]),
    ],
)
def test_explore_evidence_filters_a_cell(actor, topic, claim_type, expected):
    found = summaries.evidence(sample_tables(), actor, topic, claim_type)
    assert list(found[["sentence_id", "claim_type"]].itertuples(index=False, name=None)) == expected
    assert list(found.columns) == summaries.EVIDENCE_COLUMNS


def test_explore_evidence_gives_article_and_marked_cue():
    tables = sample_tables()
    found = summaries.evidence(tables, "putin", "territory", "demand")
    first = found.iloc[0]
    assert (first["title"], first["source"], first["published"]) == ("Title of d1", "d1.txt", MARCH)
    assert first["sentence"] == "Putin **demanded** a ceasefire."
    # cue offsets are in the document text: the second sentence starts at 28
    assert found.iloc[1]["sentence"] == "Putin **demanded** a ceasefire."
    # no sentence row to place the cue: the sentence is shown as it is
    assert summaries.evidence(tables, "russia").iloc[0]["sentence"] == SENTENCE
    markdown = summaries.evidence_markdown(found)
    assert "**demanded**" in markdown and "verb-subject" in markdown


def test_explore_evidence_follows_source_order_whatever_the_row_order():
    tables = sample_tables()
    both = claims(claim("putin", doc_id="d2"), claim("putin", doc_id="d1"))
    shuffled = make_tables(
        claims=both,
        documents=documents(document("d2", None, "a.txt"), document("d1", MARCH, "b.txt")),
        sentences=tables.sentences,
    )
    found = summaries.evidence(shuffled, "putin")
    assert list(found["source"]) == ["a.txt", "b.txt"]


def test_explore_evidence_rejects_an_unknown_claim_type():
    with pytest.raises(ValueError, match="claim_type must be one of"):
        summaries.evidence(sample_tables(), "putin", claim_type="demands")


# --- charts and files -----------------------------------------------------------------------

CHARTS = {
    "claims_by_actor": lambda t: charts.claims_by_actor_chart(
        summaries.claims_by_actor_type(t.claims), names=summaries.actor_names(t.actors)
    ),
    "stance_matrix": lambda t: charts.stance_matrix_chart(
        summaries.stance_matrix(t.claims, t.actors), names=summaries.actor_names(t.actors)
    ),
    "demand_flows": lambda t: charts.demand_flows_chart(
        summaries.demand_flows(t.claims), names=summaries.actor_names(t.actors)
    ),
    "claims_over_time": lambda t: charts.claims_over_time_chart(
        summaries.claims_over_time(t.claims, t.documents)
    ),
}


def texts_of(figure: Figure) -> str:
    return " ".join(text.get_text() for ax in figure.axes for text in ax.texts)


@pytest.mark.parametrize("name", CHARTS)
def test_explore_chart_draws_data(name):
    figure = CHARTS[name](sample_tables())
    assert isinstance(figure, Figure)
    assert "no data" not in texts_of(figure)


@pytest.mark.parametrize("name", CHARTS)
def test_explore_chart_says_no_data_when_empty(name):
    figure = CHARTS[name](empty_tables())
    assert isinstance(figure, Figure)
    assert "no " in texts_of(figure)


def test_explore_time_chart_counts_undated_claims_aloud():
    only_undated = make_tables(
        claims=claims(claim("putin", doc_id="d2")), documents=documents(document("d2", None))
    )
    figure = CHARTS["claims_over_time"](only_undated)
    assert "1 claims in undated documents" in texts_of(figure)


def test_explore_actor_names_fall_back_to_the_id():
    table = actors("putin", others=("russia",))
    table.loc[table["actor_id"] == "russia", "name"] = None
    assert summaries.actor_names(table) == {"putin": "Putin"}
    assert charts.label("russia", summaries.actor_names(table)) == "russia"


def tick_labels(ticks: list) -> list[str]:
    return [tick.get_text() for tick in ticks]


def test_explore_actor_chart_names_actors_on_a_log_scale_beside_type_shares():
    """Names, not ids; totals on a log axis so a skewed corpus hides no actor."""
    skewed = claims(*(claim("putin", sentence_id=i) for i in range(500)), claim("russia"))
    tables = make_tables(claims=skewed, actors=actors("putin", others=("russia",)))
    total_ax, share_ax = CHARTS["claims_by_actor"](tables).axes
    assert tick_labels(total_ax.get_yticklabels()) == ["Russia", "Putin"]  # busiest on top
    assert total_ax.get_xscale() == "log"
    assert total_ax.get_xlim()[0] < 1  # a bar of one claim is drawn
    assert [bar.get_width() for bar in total_ax.patches] == [1, 500]
    assert share_ax.get_xlim() == (0, 1)
    assert [text.get_text() for text in share_ax.get_legend().get_texts()] == list(CLAIM_TYPES)


def test_explore_stance_chart_titles_its_axes_and_colours_on_a_log_scale():
    figure = CHARTS["stance_matrix"](sample_tables())
    assert [ax.get_xlabel() for ax in figure.axes] == ["topic"] * 3
    assert figure.axes[0].get_ylabel().startswith("actor")
    assert tick_labels(figure.axes[0].get_yticklabels()) == ["Putin", "Zelensky", "Russia"]
    images = [ax.images[0] for ax in figure.axes]
    assert all(isinstance(image.norm, LogNorm) for image in images)
    assert len({id(image.norm) for image in images}) == 1  # one scale for the three panels
    demand = images[0].get_array()
    assert demand.mask.sum() == demand.size - 1  # zero cells are blank, not the lowest colour


def test_explore_flows_chart_has_a_legend_for_line_width():
    tables = sample_tables()
    figure = CHARTS["demand_flows"](tables)
    (ax,) = figure.axes
    legend = ax.get_legend()
    assert legend.get_title().get_text() == "demands (line width)"
    assert [text.get_text() for text in legend.get_texts()] == ["1", "2"]
    widths = [line.get_linewidth() for line in legend.legend_handles]
    assert widths == [charts.line_width(1, 2), charts.line_width(2, 2)]
    assert {line.get_linewidth() for line in ax.lines} <= set(widths)  # the legend reads them
    assert "Putin (2)" in texts_of(figure)


def test_explore_time_chart_draws_undated_claims_as_their_own_bar():
    timeline = summaries.claims_over_time(sample_tables().claims, sample_tables().documents)
    figure = charts.claims_over_time_chart(timeline)
    (ax,) = figure.axes
    assert tick_labels(ax.get_xticklabels()) == ["2025-03", "undated"]
    hatched = [patch for patch in ax.patches if patch.get_hatch()]
    assert sum(patch.get_height() for patch in hatched) == 1  # the one undated claim
    assert sum(patch.get_height() for patch in ax.patches) == len(sample_tables().claims)


@pytest.mark.integration
@pytest.mark.parametrize("tables", [sample_tables(), empty_tables()], ids=["sample", "empty"])
def test_explore_save_figures_writes_every_png(tmp_path, tables):
    written = save_figures(write_tables(tmp_path / "out", tables), tmp_path / "figures")
    assert [path.name for path in written] == list(FIGURES)
    assert list(FIGURES) == [
        "claims-by-actor.png",
        "stance-matrix.png",
        "demand-flows.png",
        "claims-over-time.png",
    ]
    for path in written:
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert sorted(path.name for path in (tmp_path / "figures").iterdir()) == sorted(FIGURES)


@pytest.mark.parametrize(
    ("rank", "expected"),
    [
        (0, [("putin", "demand", "territory")] * 2),
        (1, [("russia", "concession", "ceasefire")]),
        (9, []),  # no such cell: no rows, same columns
    ],
)
def test_explore_cell_evidence_follows_matrix_cells(rank, expected):
    tables = sample_tables()
    cells = summaries.matrix_cells(summaries.stance_matrix(tables.claims, tables.actors))
    found = summaries.cell_evidence(tables, cells, rank)
    assert list(found.columns) == summaries.EVIDENCE_COLUMNS
    keys = found[["actor_id", "claim_type", "topic"]]
    assert list(keys.itertuples(index=False, name=None)) == expected
