"""Wording of real news that the cue lists once missed: adjectives of opposition held by their
subject, invitations as proposals, and 'has nothing against' as a concession. Sentences
written for these tests."""

from __future__ import annotations

import pytest

CASES = [
    ("Hungary remains opposed to new sanctions on Russia.", {("hungary", "rejection")}),
    ("Ukraine is not interested in a freeze along the front line.", {("ukraine", "rejection")}),
    (
        "Zelensky is not interested in a freeze along the front line.",
        {("zelensky", "rejection")},
    ),
    (
        "Lavrov has a negative attitude toward the deployment of European troops.",
        {("lavrov", "rejection")},
    ),
    (
        "Putin extended an invitation to Zelensky to come to Moscow for talks.",
        {("putin", "demand")},
    ),
    (
        "Macron invited European leaders to Paris for a summit on Ukraine.",
        {("macron", "demand")},
    ),
    ("Trump accepted Putin's invitation to visit Moscow.", {("putin", "demand")}),
    (
        "Lavrov has nothing against a European peacekeeping force.",
        {("lavrov", "concession")},
    ),
    (
        "Peskov said he had no problem with Ukraine joining the EU.",
        {("peskov", "concession")},
    ),
    # receivers of an invitation and generic openness hold nothing
    ("Zelensky was invited to Washington.", set()),
    ("Kyiv is not opposed to talks.", set()),
    ("Analysts are not interested in the plan.", set()),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:48] for c in CASES])
def test_extract_cue_wording(claims_of, text, expected):
    assert claims_of(text, "2025-06-01") == expected
