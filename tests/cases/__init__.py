"""Sentence cases as data: what the extractor must find in short texts written for the tests.

Each ``tests/cases/<phenomenon>.jsonl`` holds one case a line::

    {"id": "kyiv-turned-down-the-offer", "text": "Kyiv turned down the offer.",
     "claims": [{"actor": "ukraine", "type": "rejection", "rule": "verb-subject"}],
     "note": "why the case is there"}

``claims`` lists the claims the text must give, in the gold format of ``data/gold``
(``actor``, ``type``, ``topic``) plus the ``rule`` that finds the claim; an empty list
means the text gives no claim. ``topic`` and ``rule`` are compared only when given.
Optional keys: ``published`` (ISO date: offices resolve to the holder on that day),
``note``, and ``"complete": false`` for cases that check only the listed claims: the
claims of the text with a listed claim's actor and type (in its ``sentence``, an index
into the text's sentences, -1 for the last, when given) must be exactly the listed ones.
By default a case is complete: the text's claims must be exactly the listed ones.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.records import Claim

CASES_DIR = Path(__file__).parent
CASE_KEYS = {"id", "text", "claims", "published", "complete", "note"}
CLAIM_KEYS = {"actor", "type", "topic", "rule", "sentence"}
# A case's claim field -> the attribute of pipeline.records.Claim it is compared with.
CLAIM_FIELDS = {"actor": "actor_id", "type": "claim_type", "topic": "topic", "rule": "rule"}

Row = tuple[str, ...]


@dataclass(frozen=True)
class ExpectedClaim:
    """One claim a case's text must give; ``None`` fields are not compared."""

    actor: str
    type: str
    topic: str | None = None
    rule: str | None = None
    sentence: int | None = None

    def row(self, fields: tuple[str, ...]) -> Row:
        return tuple(str(getattr(self, field)) for field in fields)


@dataclass(frozen=True)
class Case:
    """A text and the claims the extractor must find in it."""

    phenomenon: str
    id: str
    text: str
    claims: tuple[ExpectedClaim, ...]
    published: str | None = None
    complete: bool = True
    note: str | None = None

    @property
    def test_id(self) -> str:
        return f"{self.phenomenon}/{self.id}"

    def fields(self, with_rule: bool = True) -> tuple[str, ...]:
        """The claim fields compared: actor and type, then topic and rule when given."""
        optional = ("topic", "rule") if with_rule else ("topic",)
        given = [f for f in optional if self.claims and getattr(self.claims[0], f) is not None]
        return ("actor", "type", *given)

    def expected(self, with_rule: bool = True) -> set[Row]:
        fields = self.fields(with_rule)
        return {claim.row(fields) for claim in self.claims}

    def found(self, claims: Iterable[Claim], sentences: int, with_rule: bool = True) -> set[Row]:
        """The rows of the extractor's claims that this case speaks about.

        ``sentences`` is the number of sentences in the text (to resolve ``sentence: -1``).
        """
        fields = self.fields(with_rule)
        rows = set()
        for claim in claims:
            if self.complete or any(self._covers(e, claim, sentences) for e in self.claims):
                rows.add(tuple(str(getattr(claim, CLAIM_FIELDS[f])) for f in fields))
        return rows

    @staticmethod
    def _covers(expected: ExpectedClaim, claim: Claim, sentences: int) -> bool:
        if (claim.actor_id, claim.claim_type) != (expected.actor, expected.type):
            return False
        return expected.sentence is None or claim.sentence_id == range(sentences)[expected.sentence]


class CaseFileError(ValueError):
    """A case file line that does not follow the format of this module's docstring."""


def load_cases(path: Path) -> list[Case]:
    """The cases of one file, in file order; ids are unique within the file."""
    cases: list[Case] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            where = f"{path.name}:{number}"
            case = _case(path.stem, json.loads(line), where)
            if case.id in seen:
                raise CaseFileError(f"{where}: id {case.id!r} appears twice in the file")
            seen.add(case.id)
            cases.append(case)
    return cases


def all_cases(directory: Path = CASES_DIR) -> list[Case]:
    """The cases of every ``*.jsonl`` file in the folder, file by file in name order."""
    return [case for path in case_files(directory) for case in load_cases(path)]


def case_files(directory: Path = CASES_DIR) -> list[Path]:
    return sorted(directory.glob("*.jsonl"))


def _case(phenomenon: str, data: dict[str, Any], where: str) -> Case:
    unknown = set(data) - CASE_KEYS
    missing = {"id", "text", "claims"} - set(data)
    if unknown or missing:
        raise CaseFileError(f"{where}: unknown keys {sorted(unknown)}, missing {sorted(missing)}")
    claims = tuple(_claim(claim, where) for claim in data["claims"])
    shapes = {tuple(f for f in ("topic", "rule") if getattr(c, f) is None) for c in claims}
    if len(shapes) > 1:
        raise CaseFileError(f"{where}: give topic and rule for every claim of a case or for none")
    complete = data.get("complete", True)
    if complete and any(claim.sentence is not None for claim in claims):
        raise CaseFileError(f'{where}: "sentence" is for cases with "complete": false')
    return Case(
        phenomenon=phenomenon,
        id=data["id"],
        text=data["text"],
        claims=claims,
        published=data.get("published"),
        complete=complete,
        note=data.get("note"),
    )


def _claim(data: dict[str, Any], where: str) -> ExpectedClaim:
    unknown = set(data) - CLAIM_KEYS
    if unknown or not {"actor", "type"} <= set(data):
        raise CaseFileError(f"{where}: a claim needs actor and type; unknown {sorted(unknown)}")
    return ExpectedClaim(**data)
