"""How the claim model's training picks thresholds and folds (training/selection.py)."""

from __future__ import annotations

import numpy as np

from training.selection import best_threshold, grouped_folds, scores_at


def test_learned_thresholds_folds_never_split_a_group_and_stay_balanced() -> None:
    groups = [f"doc{i % 7}" for i in range(70)] + ["big"] * 20
    folds = grouped_folds(groups, 3)
    by_group: dict[str, set[int]] = {}
    for group, fold in zip(groups, folds, strict=True):
        by_group.setdefault(group, set()).add(fold)
    assert all(len(found) == 1 for found in by_group.values())
    sizes = [folds.count(fold) for fold in range(3)]
    assert max(sizes) - min(sizes) <= 10
    assert grouped_folds(groups, 3) == folds  # the same data gives the same folds


def test_learned_thresholds_scores_count_like_the_gold() -> None:
    truth = np.array([1, 1, 0, 0, 1])
    probs = np.array([0.9, 0.4, 0.8, 0.1, 0.7])
    assert scores_at(truth, probs, 0.5) == {
        "precision": 2 / 3,
        "recall": 2 / 3,
        "f1": 2 / 3,
    }


def test_learned_thresholds_best_f1_among_thresholds_with_enough_precision() -> None:
    # Positives score 0.55-0.95; negatives 0.3-0.6: a loose threshold buys recall with
    # false positives, so the precision floor decides where the cut goes.
    truth = np.array([1] * 10 + [0] * 10)
    probs = np.array([0.55 + 0.04 * i for i in range(10)] + [0.3 + 0.03 * i for i in range(10)])
    loose = best_threshold(truth, probs, floor=0.0)
    strict = best_threshold(truth, probs, floor=1.0)
    assert scores_at(truth, probs, strict)["precision"] == 1.0
    assert strict > loose
    assert scores_at(truth, probs, loose)["f1"] >= scores_at(truth, probs, strict)["f1"]


def test_learned_thresholds_no_threshold_reaching_the_floor_falls_back_to_best_f1() -> None:
    truth = np.array([1, 0, 1, 0])
    probs = np.array([0.5, 0.5, 0.5, 0.5])
    # Every cut up to 0.5 gives the same F1 and none reaches the floor: ties go to the
    # strictest of them.
    assert best_threshold(truth, probs, floor=0.9) == 0.5
