"""The sentence case loader: the line format of tests/cases/*.jsonl and what a case compares."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pipeline.records import Claim
from tests.cases import Case, CaseFileError, ExpectedClaim, all_cases, load_cases


def claim(actor: str, claim_type: str, topic: str, rule: str, sentence_id: int = 0) -> Claim:
    return Claim(
        claim_id="c",
        doc_id="d",
        sentence_id=sentence_id,
        sentence="",
        actor_id=actor,
        claim_type=claim_type,
        topic=topic,
        cue="",
        start_char=0,
        end_char=0,
        rule=rule,
        confidence=1.0,
    )


def write(tmp_path: Path, *lines: dict[str, Any]) -> Path:
    path = tmp_path / "speech.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    return path


def test_case_loader_reads_a_line_with_its_defaults(tmp_path: Path) -> None:
    line = {
        "id": "a",
        "text": "Kyiv refused.",
        "claims": [{"actor": "ukraine", "type": "rejection"}],
    }
    (case,) = load_cases(write(tmp_path, line))
    assert case.test_id == "speech/a"
    assert case.complete and case.published is None and case.note is None
    assert case.claims == (ExpectedClaim("ukraine", "rejection"),)


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ([{"id": "a", "text": "t", "claims": [], "rules": []}], "unknown keys"),
        ([{"id": "a", "claims": []}], "missing"),
        ([{"id": "a", "text": "t", "claims": []}] * 2, "appears twice"),
        ([{"id": "a", "text": "t", "claims": [{"actor": "x"}]}], "needs actor and type"),
        (
            [{"id": "a", "text": "t", "claims": [{"actor": "x", "type": "demand", "sentence": 0}]}],
            '"complete": false',
        ),
        (
            [
                {
                    "id": "a",
                    "text": "t",
                    "claims": [
                        {"actor": "x", "type": "demand", "rule": "r"},
                        {"actor": "y", "type": "demand"},
                    ],
                }
            ],
            "for every claim",
        ),
    ],
)
def test_case_loader_names_the_line_of_a_bad_case(
    tmp_path: Path, lines: list[dict[str, Any]], message: str
) -> None:
    with pytest.raises(CaseFileError, match=message):
        load_cases(write(tmp_path, *lines))


def test_case_compares_rule_and_topic_only_when_given() -> None:
    found = [claim("putin", "demand", "ceasefire", "verb-subject")]
    bare = Case("p", "a", "t", (ExpectedClaim("putin", "demand"),))
    assert bare.found(found, 1) == bare.expected() == {("putin", "demand")}
    ruled = Case("p", "a", "t", (ExpectedClaim("putin", "demand", rule="noun-possessor"),))
    assert ruled.found(found, 1) != ruled.expected()
    assert ruled.found(found, 1, with_rule=False) == ruled.expected(with_rule=False)


def test_case_no_claim_fails_on_any_claim() -> None:
    case = Case("p", "a", "t", ())
    assert case.expected() == set()
    assert case.found([claim("putin", "demand", "other", "verb-subject")], 1) != set()


def test_partial_case_looks_only_at_its_claims_in_its_sentence() -> None:
    listed = ExpectedClaim("kyiv", "rejection", topic="ceasefire", rule="r", sentence=-1)
    case = Case("p", "a", "t", (listed,), complete=False)
    found = [
        claim("moscow", "demand", "ceasefire", "r", sentence_id=0),
        claim("kyiv", "rejection", "territory", "r", sentence_id=0),
        claim("kyiv", "rejection", "ceasefire", "r", sentence_id=1),
    ]
    assert case.found(found, 2) == case.expected() == {("kyiv", "rejection", "ceasefire", "r")}


def test_shipped_case_ids_are_unique_and_every_file_has_cases() -> None:
    cases = all_cases()
    assert len({case.test_id for case in cases}) == len(cases)
    assert {case.phenomenon for case in cases} >= {"speech", "negation", "topics"}
