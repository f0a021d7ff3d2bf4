"""Cross-validation folds and threshold choice for the claim model, without PyTorch (the
tests import this module)."""

from __future__ import annotations

import hashlib

import numpy as np


def grouped_folds(groups: list[str], folds: int) -> list[int]:
    """A fold per pair: whole groups go to the fold with the fewest pairs so far, the
    largest groups first (balanced folds; no group split)."""
    sizes: dict[str, int] = {}
    for group in groups:
        sizes[group] = sizes.get(group, 0) + 1
    order = sorted(sizes, key=lambda g: (-sizes[g], hashlib.sha256(g.encode()).hexdigest()))
    load = [0] * folds
    fold_of: dict[str, int] = {}
    for group in order:
        fold = load.index(min(load))
        fold_of[group] = fold
        load[fold] += sizes[group]
    return [fold_of[group] for group in groups]


def scores_at(truth: np.ndarray, probs: np.ndarray, threshold: float) -> dict[str, float]:
    found = probs >= threshold
    tp = int((found & (truth == 1)).sum())
    fp = int((found & (truth == 0)).sum())
    fn = int((~found & (truth == 1)).sum())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def best_threshold(truth: np.ndarray, probs: np.ndarray, floor: float) -> float:
    """The threshold with the best F1 among those whose precision is at least ``floor``
    (the model adds claims to the rules' ones: a loose threshold costs precision); when
    none reaches it, the best F1. Ties go to the strictest threshold."""
    grid = [round(0.05 * i, 2) for i in range(4, 20)]
    ranked = [(scores_at(truth, probs, t), t) for t in grid]
    allowed = [(s["f1"], t) for s, t in ranked if s["precision"] >= floor] or [
        (s["f1"], t) for s, t in ranked
    ]
    return max(allowed)[1]
