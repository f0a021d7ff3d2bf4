"""Read gold claims: one JSON object per line, in the format of the annotation guidelines.

Errors name the file and line, so an annotator can fix the file directly.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.records import CLAIM_TYPES

GOLD_FIELDS = ("source", "sentence", "actor", "type", "topic")


class GoldFormatError(ValueError):
    """A gold file is missing or does not follow the annotation file format."""


@dataclass(frozen=True)
class GoldClaim:
    """One annotated claim: who (actor) made what kind of claim about what, and where."""

    source: str  # input file name, e.g. "002_f6c7942f0b16275c.txt"
    sentence: str
    actor: str
    type: str  # demand | concession | rejection
    topic: str


def load_gold(gold_dir: Path) -> list[GoldClaim]:
    """Every claim in the ``*.jsonl`` files under ``gold_dir``, in sorted file order."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise GoldFormatError(f"{gold_dir}: not a folder; pass the folder holding gold *.jsonl")
    files = sorted(gold_dir.rglob("*.jsonl"))
    if not files:
        raise GoldFormatError(f"no *.jsonl files in {gold_dir}; add gold claim files there")
    claims: list[GoldClaim] = []
    for path in files:
        claims.extend(read_gold_file(path))
    return claims


def read_gold_file(path: Path) -> list[GoldClaim]:
    """The claims of one gold file; blank lines are skipped."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise GoldFormatError(f"{path}: not UTF-8 text ({error}); save it as UTF-8") from error
    claims = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            claims.append(parse_gold_line(line, f"{path}:{number}"))
    return claims


def parse_gold_line(line: str, where: str) -> GoldClaim:
    """One line as a claim; ``where`` (file:line) prefixes every error message."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        raise GoldFormatError(f"{where}: not valid JSON ({error.msg}); fix the line") from error
    if not isinstance(data, dict):
        raise GoldFormatError(f"{where}: expected a JSON object with fields {_field_list()}")
    return GoldClaim(**{name: _string_field(data, name, where) for name in GOLD_FIELDS})


def _string_field(data: dict[str, Any], name: str, where: str) -> str:
    """A required non-empty string field; ``type`` must also be a known claim type."""
    value = data.get(name)
    if not isinstance(value, str) or not value.strip():
        raise GoldFormatError(
            f"{where}: field {name!r} must be a non-empty string (got {value!r}); "
            f"each line needs {_field_list()}"
        )
    if name == "type" and value not in CLAIM_TYPES:
        raise GoldFormatError(
            f"{where}: type {value!r} is unknown; use one of {', '.join(CLAIM_TYPES)}"
        )
    return value


def _field_list() -> str:
    return ", ".join(GOLD_FIELDS)
