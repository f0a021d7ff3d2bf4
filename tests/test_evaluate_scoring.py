"""Tests for matching predicted claims to gold units, loading predictions, and reports."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.evaluate.gold import GoldClaim
from pipeline.evaluate.report import evaluation_to_dict, format_errors, format_report
from pipeline.evaluate.scoring import (
    Evaluation,
    PredictedClaim,
    Scores,
    load_predictions,
    normalise_sentence,
    score,
    sentences_overlap,
)

PRINCIPAL = {"putin", "trump"}

# Invented sentences; normalised lengths and shared-character ratios noted where they matter.
BLOCKADE = "The minister demanded that the blockade of the harbour end before any talks."  # 63
BLOCKADE_81 = "A minister demanded that the blockade of the city ends before new talks."  # 0.810
BLOCKADE_79 = "The minister demanded the blockade of the city end before the next talks."  # 0.794
# SequenceMatcher finds 0.794 from BLOCKADE to this one but 0.810 the other way round.
BLOCKADE_ONE_WAY = "The minister demanded that the siege of the port end before any talks."
BLOCKADE_SHORT = "The minister demanded that the blockade end."  # 36/63 < 0.8, not contained
BLOCKADE_PART = "demanded that the blockade of the harbour end"
GRAIN = "Kyiv wants the grain corridor reopened, an adviser said on Tuesday."
GRAIN_OTHER = "The council refused to discuss the grain corridor until winter."


def gold(
    sentence: str = BLOCKADE,
    actor: str = "putin",
    kind: str = "demand",
    topic: str = "territory",
    source: str = "a.txt",
) -> GoldClaim:
    return GoldClaim(source, sentence, actor, kind, topic)


def pred(
    sentence: str = BLOCKADE,
    actor: str = "putin",
    kind: str = "demand",
    topic: str = "territory",
    source: str = "a.txt",
    confidence: float = 0.9,
) -> PredictedClaim:
    return PredictedClaim(source, sentence, actor, kind, topic, confidence)


def counts(scores: Scores) -> tuple[int, int, int]:
    return scores.tp, scores.fp, scores.fn


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kyiv, Ukraine!", "kyivukraine"),
        ("  “Root  causes”—again.  ", "rootcausesagain"),
        ("Zelenskyy’s 30-day plan", "zelenskyys30dayplan"),
        ("Запорожье, 2025", "запорожье2025"),
        ("... — !", ""),
    ],
)
def test_scoring_normalise_sentence(text: str, expected: str) -> None:
    assert normalise_sentence(text) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        pytest.param(BLOCKADE, BLOCKADE, True, id="same"),
        pytest.param(BLOCKADE, BLOCKADE_PART, True, id="contained"),
        pytest.param(BLOCKADE, BLOCKADE_81, True, id="shares_81_percent"),
        pytest.param(BLOCKADE, BLOCKADE_79, False, id="shares_79_percent"),
        pytest.param(BLOCKADE, BLOCKADE_ONE_WAY, True, id="better_order_counts"),
        pytest.param(BLOCKADE, BLOCKADE_SHORT, False, id="length_ratio_below_threshold"),
        pytest.param(BLOCKADE, BLOCKADE.upper().replace(" ", "  "), True, id="case_spacing"),
        pytest.param("", "", False, id="both_empty"),
        pytest.param("!!!", BLOCKADE, False, id="empty_after_normalising"),
        pytest.param(GRAIN, GRAIN_OTHER, False, id="unrelated"),
    ],
)
def test_scoring_sentences_overlap_is_symmetric(a: str, b: str, expected: bool) -> None:
    assert sentences_overlap(a, b) is expected
    assert sentences_overlap(b, a) is expected


@pytest.mark.parametrize(
    ("gold_claims", "predicted", "expected"),
    [
        pytest.param([gold()], [pred()], (1, 0, 0), id="exact"),
        pytest.param([gold()], [pred(BLOCKADE_PART)], (1, 0, 0), id="prediction_inside_gold"),
        pytest.param([gold(BLOCKADE_PART)], [pred()], (1, 0, 0), id="gold_inside_prediction"),
        pytest.param([gold()], [pred(BLOCKADE_81)], (1, 0, 0), id="above_80_percent"),
        pytest.param([gold()], [pred(BLOCKADE_79)], (0, 1, 1), id="below_80_percent"),
        pytest.param(
            [gold()],
            [pred(f"  {BLOCKADE.lower().replace(',', '').rstrip('.')}!! ")],
            (1, 0, 0),
            id="punctuation_case_whitespace",
        ),
        pytest.param([gold()], [pred(actor="trump")], (0, 1, 1), id="actor_mismatch"),
        pytest.param([gold()], [pred(kind="rejection")], (0, 1, 1), id="type_mismatch"),
        pytest.param(
            [gold()], [pred(BLOCKADE_PART), pred(BLOCKADE_81)], (1, 1, 0), id="one_to_one"
        ),
        pytest.param(
            [gold(), gold(GRAIN)], [pred(GRAIN), pred()], (2, 0, 0), id="order_independent"
        ),
        pytest.param(
            [gold(topic="territory"), gold(topic="nato")], [pred()], (1, 0, 0), id="one_gold_unit"
        ),
        pytest.param(
            [gold()], [pred(topic="nato"), pred(topic="sanctions")], (1, 0, 0), id="one_pred_unit"
        ),
        pytest.param([gold()], [pred(source="b.txt")], (0, 0, 1), id="no_gold_for_document"),
        pytest.param([], [pred()], (0, 0, 0), id="no_gold_at_all"),
        pytest.param([gold()], [], (0, 0, 1), id="no_predictions"),
    ],
)
def test_scoring_score_all_actor_counts(
    gold_claims: list[GoldClaim], predicted: list[PredictedClaim], expected: tuple[int, int, int]
) -> None:
    assert counts(score(gold_claims, predicted, PRINCIPAL).all_actors) == expected


@pytest.mark.parametrize(
    ("predicted", "expected_unmatched_gold"),
    [
        pytest.param([pred(BLOCKADE_PART)], [BLOCKADE], id="exact_before_containment"),
        pytest.param([pred(BLOCKADE)], [BLOCKADE_PART], id="exact_wins_though_later_gold"),
    ],
)
def test_scoring_score_pairs_exact_sentences_first(
    predicted: list[PredictedClaim], expected_unmatched_gold: list[str]
) -> None:
    gold_claims = [gold(BLOCKADE), gold(BLOCKADE_PART)]
    ev = score(gold_claims, predicted, PRINCIPAL)
    assert [unit.sentence for unit in ev.false_negatives] == expected_unmatched_gold


@pytest.mark.parametrize(
    ("source", "gold_source", "scored"),
    [
        pytest.param("a.txt", "a.txt", True, id="same_name"),
        pytest.param("batch/2025/a.txt", "a.txt", True, id="relative_path"),
        pytest.param("batch/a.txt", "batch/a.txt", True, id="same_path"),
        pytest.param("feed.json#17", "feed.json", True, id="json_record"),
        pytest.param("in/feed.json#id#2", "feed.json", True, id="json_record_in_folder"),
        pytest.param("batch\\a.txt", "a.txt", True, id="windows_separator"),
        pytest.param("b.txt", "a.txt", False, id="other_file"),
        pytest.param("a.txt.bak", "a.txt", False, id="longer_name"),
        pytest.param("a.txt/b.txt", "a.txt", False, id="folder_named_like_gold"),
    ],
)
def test_scoring_score_matches_source_by_file_name(
    source: str, gold_source: str, scored: bool
) -> None:
    ev = score([gold(source=gold_source)], [pred(source=source)], PRINCIPAL)
    assert counts(ev.all_actors) == ((1, 0, 0) if scored else (0, 0, 1))


@pytest.mark.parametrize(
    ("predicted_topics", "expected_accuracy"),
    [
        pytest.param([("territory", 0.5)], 1.0, id="first_gold_topic"),
        pytest.param([("nato", 0.5)], 1.0, id="second_gold_topic"),
        pytest.param([("sanctions", 0.5)], 0.0, id="wrong_topic"),
        pytest.param([("sanctions", 0.4), ("nato", 0.8)], 1.0, id="highest_confidence_wins"),
        pytest.param([("nato", 0.8), ("sanctions", 0.9)], 0.0, id="spraying_not_rewarded"),
        pytest.param([("sanctions", 0.7), ("nato", 0.7)], 0.0, id="tie_keeps_first"),
    ],
)
def test_scoring_score_topic_accuracy(
    predicted_topics: list[tuple[str, float]], expected_accuracy: float
) -> None:
    gold_claims = [gold(topic="territory"), gold(topic="nato")]
    predicted = [pred(topic=topic, confidence=conf) for topic, conf in predicted_topics]
    ev = score(gold_claims, predicted, PRINCIPAL)
    assert (ev.topic_accuracy, ev.topic_matched) == (expected_accuracy, 1)
    assert ev.matches[0].gold.topics == ("territory", "nato")


@pytest.mark.parametrize(
    ("scope", "expected"),
    [
        ("principal", (1, 1, 1)),  # putin matched; trump's type wrong
        ("all_actors", (2, 2, 2)),
        ("demand", (1, 1, 1)),
        ("concession", (0, 1, 0)),
        ("rejection", (1, 0, 1)),
    ],
)
def test_scoring_score_scopes(scope: str, expected: tuple[int, int, int]) -> None:
    gold_claims = [
        gold(actor="putin", kind="demand"),
        gold(GRAIN, actor="trump", kind="rejection"),
        gold(GRAIN_OTHER, actor="zelensky", kind="demand"),
        gold(GRAIN_OTHER, actor="russia", kind="rejection"),
    ]
    predicted = [
        pred(actor="putin", kind="demand"),
        pred(GRAIN, actor="trump", kind="concession"),
        pred(GRAIN, actor="ukraine", kind="demand"),
        pred(GRAIN_OTHER, actor="russia", kind="rejection"),
    ]
    ev = score(gold_claims, predicted, PRINCIPAL)
    scores = getattr(ev, scope) if scope in ("principal", "all_actors") else ev.by_type[scope]
    assert counts(scores) == expected


@pytest.mark.parametrize(
    ("tp", "fp", "fn", "expected"),
    [
        pytest.param(0, 0, 0, (0.0, 0.0, 0.0), id="nothing_at_all"),
        pytest.param(0, 3, 0, (0.0, 0.0, 0.0), id="no_gold"),
        pytest.param(0, 0, 3, (0.0, 0.0, 0.0), id="no_predictions"),
        pytest.param(2, 2, 0, (0.5, 1.0, 2 / 3), id="half_precision"),
        pytest.param(3, 1, 2, (0.75, 0.6, 2 * 0.75 * 0.6 / 1.35), id="mixed"),
    ],
)
def test_scoring_scores_rates(tp: int, fp: int, fn: int, expected: tuple[float, ...]) -> None:
    scores = Scores.from_counts(tp, fp, fn)
    assert (scores.precision, scores.recall, scores.f1) == pytest.approx(expected)


@pytest.mark.parametrize("predicted", [[], [pred(source="elsewhere.txt")]])
def test_scoring_score_empty_is_zero_not_error(predicted: list[PredictedClaim]) -> None:
    ev = score([], predicted, PRINCIPAL)
    assert ev.all_actors == Scores(0, 0, 0, 0.0, 0.0, 0.0)
    assert (ev.topic_accuracy, ev.topic_matched) == (0.0, 0)


@pytest.mark.parametrize("principal_ids", [PRINCIPAL])
def test_scoring_score_keeps_error_lists(principal_ids: set[str]) -> None:
    ev = score(
        [gold(), gold(GRAIN, actor="trump")],
        [pred(topic="nato"), pred(GRAIN_OTHER, source="in/a.txt#4")],
        principal_ids,
    )
    assert [(u.sentence, u.actor) for u in ev.false_negatives] == [(GRAIN, "trump")]
    assert [(u.source, u.document) for u in ev.false_positives] == [("in/a.txt#4", "a.txt")]
    assert [(m.predicted.topic, m.topic_correct) for m in ev.matches] == [("nato", False)]


def write_table(path: Path, rows: list[dict[str, object]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(rows), path)


def claim_row(
    doc_id: str, sentence: str, topic: str | None, confidence: float
) -> dict[str, object]:
    return {
        "claim_id": f"c-{doc_id}-{sentence[:5]}",
        "doc_id": doc_id,
        "sentence_id": 0,
        "sentence": sentence,
        "actor_id": "putin",
        "claim_type": "demand",
        "topic": topic,
        "cue": "demanded",
        "start_char": 0,
        "end_char": 8,
        "rule": "test",
        "confidence": confidence,
    }


DOCUMENTS = [
    {"doc_id": "d1", "source": "in/a.txt", "part": 0, "text": "..."},
    {"doc_id": "d2", "source": "feed.json#2", "part": 0, "text": "..."},
]
EXPECTED_PREDICTIONS = [
    PredictedClaim("feed.json#2", GRAIN, "putin", "demand", "economy", 0.5),
    PredictedClaim("in/a.txt", BLOCKADE, "putin", "demand", "", 0.75),
]


@pytest.mark.parametrize("as_folder", [False, True])
def test_scoring_load_predictions_joins_sources(tmp_path: Path, as_folder: bool) -> None:
    rows = [claim_row("d2", GRAIN, "economy", 0.5), claim_row("d1", BLOCKADE, None, 0.75)]
    write_table(tmp_path / "documents.parquet", DOCUMENTS)
    if as_folder:
        write_table(tmp_path / "claims.parquet" / "part-0.parquet", rows[:1])
        write_table(tmp_path / "claims.parquet" / "part-1.parquet", rows[1:])
    else:
        write_table(tmp_path / "claims.parquet", rows)
    assert load_predictions(tmp_path) == EXPECTED_PREDICTIONS


@pytest.mark.parametrize("missing", ["claims.parquet", "documents.parquet"])
def test_scoring_load_predictions_missing_table(tmp_path: Path, missing: str) -> None:
    write_table(tmp_path / "documents.parquet", DOCUMENTS)
    write_table(tmp_path / "claims.parquet", [claim_row("d1", BLOCKADE, "ceasefire", 0.5)])
    (tmp_path / missing).unlink()
    with pytest.raises(FileNotFoundError, match="run `pipeline run` first"):
        load_predictions(tmp_path)


@pytest.mark.parametrize("doc_id", ["d9"])
def test_scoring_load_predictions_unknown_document(tmp_path: Path, doc_id: str) -> None:
    write_table(tmp_path / "documents.parquet", DOCUMENTS)
    write_table(tmp_path / "claims.parquet", [claim_row(doc_id, BLOCKADE, "ceasefire", 0.5)])
    with pytest.raises(ValueError, match=doc_id):
        load_predictions(tmp_path)


def sample_evaluation() -> Evaluation:
    return score(
        [gold(), gold(GRAIN, actor="trump", kind="rejection"), gold(source="b.txt")],
        [pred(topic="nato"), pred(GRAIN_OTHER, actor="russia", source="x/b.txt#1")],
        PRINCIPAL,
    )


@pytest.mark.parametrize(
    "expected_line",
    [
        "scope                  tp   fp   fn  precision  recall     f1",
        "principal actors        1    0    2      1.000   0.333  0.500",
        "all actors              1    1    2      0.500   0.333  0.400",
        "demand                  1    1    1      0.500   0.500  0.500",
        "concession              0    0    0      0.000   0.000  0.000",
        "rejection               0    0    1      0.000   0.000  0.000",
        "topic accuracy (matched units): 0.000 (n=1)",
    ],
)
def test_report_format_report_lines(expected_line: str) -> None:
    assert expected_line in format_report(sample_evaluation()).splitlines()


@pytest.mark.parametrize("limit", [None, 1])
def test_report_format_errors_groups_by_source(limit: int | None) -> None:
    text = format_errors(sample_evaluation(), limit)
    assert text.index("== a.txt") < text.index("== b.txt")
    assert "russia demand [territory] (x/b.txt#1)" in text
    assert "putin demand [nato, gold territory]" in text


@pytest.mark.parametrize("key", ["principal_actors", "all_actors", "demand", "rejection"])
def test_report_evaluation_to_dict_is_json(key: str) -> None:
    data = json.loads(json.dumps(evaluation_to_dict(sample_evaluation())))
    assert set(data["scores"][key]) == {"tp", "fp", "fn", "precision", "recall", "f1"}
    assert data["false_negatives"][0]["sentence"] == GRAIN
    assert data["false_positives"][0]["source"] == "x/b.txt#1"
    assert data["matches"][0]["topic_correct"] is False
