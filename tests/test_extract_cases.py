"""The extractor on the sentence cases of tests/cases/*.jsonl: each text gives exactly the
claims its case lists (actor, type, and the topic and rule where the case gives them)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from pipeline.extract.claims import ClaimExtractor
from tests.cases import Case, all_cases

CASES = all_cases()


@pytest.mark.parametrize("case", CASES, ids=[case.test_id for case in CASES])
def test_extract_cases_give_the_listed_claims(
    annotate: Callable[..., Doc], extractor: ClaimExtractor, case: Case
) -> None:
    doc = annotate(case.text, case.published)
    claims = extractor.claims(doc)
    found = case.found(claims, len(list(doc.sents)))
    every = [(c.sentence_id, c.actor_id, c.claim_type, c.topic, c.rule) for c in claims]
    assert found == case.expected(), f"{case.text}\n  all claims: {every}"
