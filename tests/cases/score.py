"""Score the extractor on the sentence cases, one row per case file (phenomenon).

Run from the repository root: ``python -m tests.cases.score [FILE.jsonl ...]``.

A claim counts as found when its actor and type (and topic, where the case gives one)
match a listed claim; precision, recall and F1 are over those claims, as the gold is
scored. ``cases`` counts the cases that pass in full, the rule included, as in the tests.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from pipeline.annotate.nlp import build_nlp
from pipeline.config import load_settings
from pipeline.extract.claims import ClaimExtractor
from pipeline.extract.stage import build_extractor
from pipeline.records import Claim
from tests.cases import Case, case_files, load_cases

HEADER = "phenomenon     cases passed expected  found      P      R     F1"


@dataclass
class Tally:
    """Counts for one file: cases passed, and claims matched, found only, expected only."""

    name: str
    cases: int = 0
    passed: int = 0
    matched: int = 0
    found_only: int = 0
    expected_only: int = 0

    def add(self, other: Tally) -> None:
        self.cases += other.cases
        self.passed += other.passed
        self.matched += other.matched
        self.found_only += other.found_only
        self.expected_only += other.expected_only

    def row(self) -> str:
        found = self.matched + self.found_only
        expected = self.matched + self.expected_only
        precision = self.matched / found if found else None
        recall = self.matched / expected if expected else None
        f1 = (
            2 * precision * recall / (precision + recall)
            if precision and recall
            else (0.0 if found and expected else None)
        )
        passed = f"{self.passed}/{self.cases}"
        figures = " ".join(_figure(value) for value in (precision, recall, f1))
        return f"{self.name:<14} {passed:>11} {expected:>8} {found:>6} {figures}"


def _figure(value: float | None) -> str:
    return f"{value:>6.3f}" if value is not None else f"{'-':>6}"


def tally(
    name: str, cases: Iterable[Case], run: Callable[[Case], tuple[list[Claim], int]]
) -> Tally:
    """Run every case of one file and count its claims."""
    counts = Tally(name)
    for case in cases:
        claims, sentences = run(case)
        counts.cases += 1
        counts.passed += case.found(claims, sentences) == case.expected()
        found = case.found(claims, sentences, with_rule=False)
        expected = case.expected(with_rule=False)
        counts.matched += len(found & expected)
        counts.found_only += len(found - expected)
        counts.expected_only += len(expected - found)
    return counts


def case_runner() -> Callable[[Case], tuple[list[Claim], int]]:
    """The shipped pipeline as the tests build it: a case's text -> (claims, sentences)."""
    nlp = build_nlp(load_settings())
    extractor: ClaimExtractor = build_extractor(load_settings())

    def run(case: Case) -> tuple[list[Claim], int]:
        doc: Doc = nlp.make_doc(case.text)
        doc.user_data.update({"doc_id": "case", "published": case.published})
        for _, component in nlp.pipeline:
            doc = component(doc)
        return extractor.claims(doc), len(list(doc.sents))

    return run


def main(argv: list[str]) -> int:
    paths = [Path(arg) for arg in argv] or case_files()
    run = case_runner()
    total = Tally("all")
    print(HEADER)
    for path in paths:
        counts = tally(path.stem, load_cases(path), run)
        total.add(counts)
        print(counts.row())
    print(total.row())
    return 0 if total.passed == total.cases else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
