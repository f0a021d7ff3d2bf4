"""Shared fixtures: the shipped pipeline built once per test session."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

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


@pytest.fixture(scope="session")
def dask_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One local Dask cluster for the session (tests/test_engine_dask.py, test_storage.py):
    2 worker processes, 1 thread each, no dashboard, its scratch space (Dask's
    temporary-directory) in a temporary folder."""
    from pipeline.engines.dask import local_cluster

    scratch = tmp_path_factory.mktemp("dask-scratch")
    with local_cluster(2, scratch=scratch) as client:
        yield client
