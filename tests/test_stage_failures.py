"""A document that makes annotate or extract fail is recorded as a reject; the run goes on.

The failures are provoked on purpose: a component or the claim rules raise on
documents holding a marker word, as a bug meeting unexpected text would.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from pipeline.annotate.linker import ActorLinker
from pipeline.annotate.stage import annotate_documents
from pipeline.annotate.store import MENTIONS_KEY
from pipeline.cli import cli
from pipeline.config import load_settings
from pipeline.extract.claims import ClaimExtractor
from pipeline.records import Document

pytestmark = pytest.mark.integration

MARKER = "Zzyzx"
GOOD = "Zelensky rejected the demand that Ukraine give up the eastern regions.\n"
BAD = f"Putin demanded a ceasefire in {MARKER}.\nLavrov dismissed the plan.\n"


@pytest.fixture()
def failing_linker(monkeypatch: pytest.MonkeyPatch) -> None:
    original = ActorLinker.__call__

    def linker(self, doc):
        if MARKER in doc.text:
            raise RuntimeError("linker bug")
        return original(self, doc)

    monkeypatch.setattr(ActorLinker, "__call__", linker)


@pytest.fixture()
def failing_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    original = ClaimExtractor.claims

    def claims(self, doc):
        if MARKER in doc.text:
            raise IndexError("rule bug")
        return original(self, doc)

    monkeypatch.setattr(ClaimExtractor, "claims", claims)


def _documents(*texts: str) -> list[Document]:
    return [Document(f"d{i}", f"{i}.txt", 0, text) for i, text in enumerate(texts)]


@pytest.mark.usefixtures("failing_linker")
@pytest.mark.parametrize(
    "texts",
    [(GOOD, BAD, GOOD), (BAD, GOOD), (GOOD, BAD), (BAD, BAD, GOOD)],
)
def test_annotate_keeps_order_and_marks_the_failed_documents(texts: tuple[str, ...]) -> None:
    docs = list(annotate_documents(_documents(*texts), load_settings()))
    assert [doc.user_data["doc_id"] for doc in docs] == [f"d{i}" for i in range(len(texts))]
    for doc, text in zip(docs, texts, strict=True):
        assert doc.text == text
        if text == BAD:
            assert "RuntimeError: linker bug" in doc.user_data["failed"]
            assert list(doc.spans[MENTIONS_KEY]) == []
            assert [s.text.strip() for s in doc.sents if s.text.strip()] == [
                f"Putin demanded a ceasefire in {MARKER}.",
                "Lavrov dismissed the plan.",
            ]
        else:
            assert "failed" not in doc.user_data
            assert doc.spans[MENTIONS_KEY]


def _run(tmp_path: Path, *extra: str) -> tuple[int, str, Path]:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "good.txt").write_text(GOOD, encoding="utf-8")
    (articles / "bad.txt").write_text(BAD, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["--quiet", "run", "--input", str(articles), "--output", str(out), *extra]
    )
    return result.exit_code, result.output, out


@pytest.mark.parametrize(
    ("failing", "reason", "why"),
    [
        ("failing_linker", "annotate_failed", "RuntimeError: linker bug"),
        ("failing_rules", "extract_failed", "IndexError: rule bug"),
    ],
)
def test_a_failing_document_becomes_a_reject_and_the_run_goes_on(
    request: pytest.FixtureRequest, tmp_path: Path, failing: str, reason: str, why: str
) -> None:
    request.getfixturevalue(failing)
    code, output, out = _run(tmp_path)
    assert code == 0, output
    rejects = pq.read_table(out / "rejects.parquet").to_pylist()
    assert [(row["source"], row["reason"]) for row in rejects] == [("bad.txt", reason)]
    assert why in rejects[0]["detail"]
    documents = pq.read_table(out / "documents.parquet").to_pylist()
    assert sorted(row["source"] for row in documents) == ["bad.txt", "good.txt"]
    claims = pq.read_table(out / "claims.parquet").to_pylist()
    assert {row["actor_id"] for row in claims} == {"zelensky"}  # the good document's claim


@pytest.mark.usefixtures("failing_rules")
def test_strict_fails_when_a_document_failed(tmp_path: Path) -> None:
    code, output, _ = _run(tmp_path, "--strict")
    assert code != 0 and "1 inputs were rejected" in output
