"""States beyond the principal ones and the groups of the guidelines (`west`, `g7`) hold
claims under their own slugs: sentences written for these tests."""

from __future__ import annotations

import pytest

CASES = [
    ("Western allies urged Moscow to accept an unconditional truce.", {("west", "demand")}),
    ("Ukraine's allies pushed back against the plan.", {("west", "rejection")}),
    (
        "Spain and Canada ruled out sending troops to Ukraine.",
        {("spain", "rejection"), ("canada", "rejection")},
    ),
    (
        "The G7 demanded that Russia pay for the reconstruction of Ukraine.",
        {("g7", "demand")},
    ),
    ("Japan agreed to release frozen Russian assets.", {("japan", "concession")}),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_knowledge_states_and_groups_hold_claims(claims_of, text, expected):
    assert claims_of(text, "2025-06-01") == expected
