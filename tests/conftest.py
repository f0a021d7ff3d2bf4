"""Shared fixtures: the shipped pipeline built once per test session."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.annotate.nlp import build_nlp
from pipeline.config import load_settings
from pipeline.extract.claims import ClaimExtractor
from pipeline.extract.stage import build_extractor
from pipeline.records import Claim


@pytest.fixture(scope="session")
def nlp() -> Language:
    return build_nlp(load_settings())


@pytest.fixture(scope="session")
def extractor() -> ClaimExtractor:
    return build_extractor(load_settings())


@pytest.fixture(scope="session")
def annotate(nlp: Language) -> Callable[..., Doc]:
    def run(text: str, published: str | None = None) -> Doc:
        doc = nlp.make_doc(text)
        doc.user_data.update({"doc_id": "test", "published": published})
        for _, component in nlp.pipeline:
            doc = component(doc)
        return doc

    return run


@pytest.fixture(scope="session")
def claims_of(annotate: Callable[..., Doc], extractor: ClaimExtractor) -> Callable[..., set]:
    """The (actor, type) pairs the pipeline finds in a text."""

    def run(text: str, published: str | None = None) -> set[tuple[str, str]]:
        found: list[Claim] = extractor.claims(annotate(text, published))
        return {(claim.actor_id, claim.claim_type) for claim in found}

    return run
