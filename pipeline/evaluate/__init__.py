"""Score extracted claims against hand-annotated gold claims.

``gold`` reads the annotation files, ``scoring`` matches units and counts,
``report`` turns an evaluation into text or JSON.
"""

from __future__ import annotations

from pipeline.evaluate.gold import GoldClaim, GoldFormatError, load_gold
from pipeline.evaluate.report import evaluation_to_dict, format_errors, format_report
from pipeline.evaluate.scoring import (
    Evaluation,
    MatchedPair,
    PredictedClaim,
    Scores,
    Unit,
    load_predictions,
    normalise_sentence,
    score,
    sentences_overlap,
)

__all__ = [
    "Evaluation",
    "GoldClaim",
    "GoldFormatError",
    "MatchedPair",
    "PredictedClaim",
    "Scores",
    "Unit",
    "evaluation_to_dict",
    "format_errors",
    "format_report",
    "load_gold",
    "load_predictions",
    "normalise_sentence",
    "score",
    "sentences_overlap",
]
