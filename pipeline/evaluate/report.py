"""Present an evaluation: a fixed-width table, a JSON-ready dict, and an error listing."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from pipeline.evaluate.scoring import Evaluation, Scores, Unit

HEADER = f"{'scope':<20}{'tp':>5}{'fp':>5}{'fn':>5}{'precision':>11}{'recall':>8}{'f1':>7}"


def format_report(ev: Evaluation) -> str:
    """The scores as a plain-text table, with topic accuracy on the last line."""
    lines = [HEADER]
    lines.extend(_score_line(scope, scores) for scope, scores in _scopes(ev))
    lines.append(f"topic accuracy (matched units): {ev.topic_accuracy:.3f} (n={ev.topic_matched})")
    return "\n".join(lines)


def _scopes(ev: Evaluation) -> list[tuple[str, Scores]]:
    """Scopes in report order: principal actors, all actors, then each claim type."""
    return [("principal actors", ev.principal), ("all actors", ev.all_actors), *ev.by_type.items()]


def _score_line(scope: str, s: Scores) -> str:
    return f"{scope:<20}{s.tp:>5}{s.fp:>5}{s.fn:>5}{s.precision:>11.3f}{s.recall:>8.3f}{s.f1:>7.3f}"


def evaluation_to_dict(ev: Evaluation) -> dict[str, Any]:
    """Everything in the evaluation as plain JSON types, error lists included."""
    return {
        "scores": {_key(scope): asdict(scores) for scope, scores in _scopes(ev)},
        "topic_accuracy": {"accuracy": ev.topic_accuracy, "matched": ev.topic_matched},
        "false_negatives": [_unit_dict(unit) for unit in ev.false_negatives],
        "false_positives": [_unit_dict(unit) for unit in ev.false_positives],
        "matches": [
            {
                "gold": _unit_dict(pair.gold),
                "predicted": _unit_dict(pair.predicted),
                "topic_correct": pair.topic_correct,
            }
            for pair in ev.matches
        ],
    }


def _key(scope: str) -> str:
    return scope.replace(" ", "_")


def _unit_dict(unit: Unit) -> dict[str, str]:
    """A unit as (source, sentence, actor, type, topic); several gold topics joined by ``|``."""
    return {
        "source": unit.source,
        "sentence": unit.sentence,
        "actor": unit.actor,
        "type": unit.type,
        "topic": unit.topic,
    }


def format_errors(ev: Evaluation, limit: int | None = None) -> str:
    """Missed and spurious units, plus wrong topics, grouped by source for rule authors.

    ``limit`` caps the lines shown per source and per list (None shows all), so
    one noisy document does not hide the others.
    """
    sections = {
        "missed (in gold, not found)": _by_document(ev.false_negatives),
        "spurious (found, not in gold)": _by_document(ev.false_positives),
        "wrong topic (matched)": _by_document(
            pair.predicted for pair in ev.matches if not pair.topic_correct
        ),
    }
    wrong_topic = {id(p.predicted): p.gold.topic for p in ev.matches if not p.topic_correct}
    documents = sorted({doc for groups in sections.values() for doc in groups})
    if not documents:
        return "no errors: every gold unit was found and nothing else was"
    lines: list[str] = []
    for document in documents:
        lines.append(f"== {document}")
        for title, groups in sections.items():
            units = groups.get(document, [])
            if units:
                lines.append(f"  {title}: {len(units)}")
                lines.extend(_unit_lines(units, limit, wrong_topic))
    return "\n".join(lines)


def _by_document(units: Iterable[Unit]) -> dict[str, list[Unit]]:
    grouped: dict[str, list[Unit]] = defaultdict(list)
    for unit in units:
        grouped[unit.document].append(unit)
    return grouped


def _unit_lines(units: list[Unit], limit: int | None, gold_topics: dict[int, str]) -> list[str]:
    """One line per unit, up to ``limit``, then how many were left out."""
    shown = units if limit is None else units[:limit]
    lines = [_unit_line(unit, gold_topics.get(id(unit))) for unit in shown]
    if len(units) > len(shown):
        lines.append(f"    ... {len(units) - len(shown)} more")
    return lines


def _unit_line(unit: Unit, gold_topic: str | None) -> str:
    topic = unit.topic if gold_topic is None else f"{unit.topic}, gold {gold_topic}"
    origin = "" if unit.source == unit.document else f" ({unit.source})"
    return f"    {unit.actor} {unit.type} [{topic}]{origin}: {unit.sentence}"
