"""Mentions: names, titles, offices and pronouns linked to canonical actor ids."""

from __future__ import annotations

import pytest

from pipeline.annotate.store import MENTIONS_KEY


def mentions(doc):
    return [(span.text, span.label_) for span in doc.spans[MENTIONS_KEY]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zelenskyy spoke.", [("Zelenskyy", "zelensky")]),
        ("Vladimir Zelenskyy spoke.", [("Vladimir Zelenskyy", "zelensky")]),
        ("Putin's aides spoke.", [("Putin", "putin")]),
        (
            "Russian President Vladimir Putin spoke.",
            [("Russian President Vladimir Putin", "putin")],
        ),
        (
            "U.S. Secretary of State Marco Rubio spoke.",
            [("U.S. Secretary of State Marco Rubio", "rubio")],
        ),
        ("the special envoy spoke.", [("the special envoy", "witkoff")]),
    ],
)
def test_linker_finds_names_and_titles(annotate, text, expected):
    assert mentions(annotate(text, "2025-06-01")) == expected


@pytest.mark.parametrize(
    ("text", "pronoun_actor"),
    [
        ("Putin met Trump. He said nothing.", "putin"),
        ("Putin told Trump he was ready.", "putin"),
        ("Trump said Putin repeated that he wanted peace.", "putin"),
        ("Trump did not give him anything. Putin left.", None),
    ],
)
def test_linker_resolves_pronouns(annotate, text, pronoun_actor):
    doc = annotate(text, "2025-06-01")
    pronouns = [span.label_ for span in doc.spans[MENTIONS_KEY] if span.kb_id_ == "pronoun"]
    assert (pronouns[0] if pronouns else None) == pronoun_actor
