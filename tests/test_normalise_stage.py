"""The normalise stage: every input ends as a document or a reject, written atomically."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest

from pipeline.config import DOCUMENTS_FILE, RAW_DIR, REJECTS_FILE, load_settings, merge
from pipeline.ids import document_id
from pipeline.io import read_jsonl
from pipeline.normalise import normalise, run_normalise
from pipeline.records import Document, Reject

BODY = (
    "Putin demanded that Ukraine withdraw from the Donbas before any cease-fire could begin, "
    "and Kyiv rejected the demand within hours of hearing it from the American envoy."
)
HOSTILE: dict[str, bytes] = {
    "good.txt": f"Headline Of The Day\n\nBy Jane Doe\n\n{BODY}\n\nSign Up".encode(),
    "notes/good.md": f"# Markdown Headline\n\n{BODY}".encode(),
    "empty.txt": b"",
    "blank.txt": b" \n\t\n",
    "binary.txt": b"\x89PNG\x00\x00\x00\rIHDR",
    "latin.txt": f"Caf\xe9 talks. {BODY}".encode("cp1252"),
    "broken.txt": b"\xc3\x28\xa4\xa6\xb2\xb3",
    "huge.txt": BODY.encode() * 40,
    "page.html": b"<p>Putin</p>",
    "only_furniture.txt": b"Sign Up\n\nRead More\n\nAdvertisement",
    "feed.jsonl": "\n".join(
        [
            json.dumps({"id": "r1", "text": BODY, "title": "Stated Title", "outlet": "Wire"}),
            "{not json",
            json.dumps({"title": "no text"}),
            json.dumps({"body": BODY, "published": "2025-03-19T16:25:00+02:00"}),
        ]
    ).encode(),
    "list.json": json.dumps([{"text": BODY}, {"content": ""}, {"text": BODY, "id": 9}]).encode(),
    ".hidden.txt": BODY.encode(),
}
EXPECTED_DOCUMENTS = [
    "feed.jsonl#4",
    "feed.jsonl#r1",
    "good.txt",
    "latin.txt",
    "list.json#1",
    "list.json#9",
    "notes/good.md",
]
EXPECTED_REJECTS = {
    "binary.txt": "binary",
    "blank.txt": "empty",
    "broken.txt": "undecodable",
    "empty.txt": "empty",
    "feed.jsonl#2": "malformed_json",
    "feed.jsonl#3": "no_text",
    "huge.txt": "too_large",
    "list.json#2": "no_text",
    "only_furniture.txt": "empty_after_cleaning",
    "page.html": "unsupported",
}


@pytest.fixture
def settings() -> dict[str, Any]:
    return merge(load_settings(), {"normalise": {"max_file_bytes": 2000}})


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    folder = tmp_path / "input"
    for name, data in HOSTILE.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return folder


def test_stage_accounts_for_every_input(
    hostile: Path, tmp_path: Path, settings: dict[str, Any]
) -> None:
    work = tmp_path / "work"
    assert run_normalise(hostile, work, settings) == (7, 10)
    documents = [Document.from_dict(row) for row in read_jsonl(work / DOCUMENTS_FILE)]
    rejects = [Reject(**row) for row in read_jsonl(work / REJECTS_FILE)]
    assert sorted(doc.source for doc in documents) == EXPECTED_DOCUMENTS
    assert {reject.source: reject.reason for reject in rejects} == EXPECTED_REJECTS
    files = {name for name in HOSTILE if not name.startswith(".")}
    seen = {item.source.split("#")[0] for item in [*documents, *rejects]}
    assert seen == files
    assert all(reject.detail for reject in rejects)
    assert sorted(path.name for path in work.iterdir()) == [DOCUMENTS_FILE, REJECTS_FILE]


@pytest.mark.parametrize(
    ("source", "field", "expected"),
    [
        ("good.txt", "text", f"Headline Of The Day\n\n{BODY}"),
        ("good.txt", "title", "Headline Of The Day"),
        ("good.txt", "author", "Jane Doe"),
        ("notes/good.md", "title", "Markdown Headline"),
        ("latin.txt", "text", f"Café talks. {BODY}"),
        ("feed.jsonl#r1", "title", "Stated Title"),
        ("feed.jsonl#r1", "outlet", "Wire"),
        ("feed.jsonl#4", "published", "2025-03-19T14:25:00+00:00"),
        ("list.json#9", "part", 0),
        ("list.json#9", "doc_id", document_id("list.json#9", 0)),
    ],
)
def test_stage_document_fields(
    hostile: Path, settings: dict[str, Any], source: str, field: str, expected: Any
) -> None:
    documents = {
        item.source: item for item in normalise(hostile, settings) if isinstance(item, Document)
    }
    assert getattr(documents[source], field) == expected


@pytest.mark.parametrize(
    ("record", "field", "expected"),
    [
        ({"title": "Stated"}, "title", "Stated"),
        ({"author": "Stated Author"}, "author", "Stated Author"),
        ({"published": "2024-01-02"}, "published", "2024-01-02"),
        ({"published": "not a date"}, "published", "2025-03-19"),
        ({"outlet": "Stated Outlet"}, "outlet", "Stated Outlet"),
        ({"url": "https://x.test/a"}, "url", "https://x.test/a"),
    ],
)
def test_stage_record_metadata_wins(
    tmp_path: Path, settings: dict[str, Any], record: dict[str, Any], field: str, expected: str
) -> None:
    text = f"Guessed Headline\n\nBy Guessed Author\n\nMarch 19, 2025\n\n{BODY}\n\n© Guessed 2025."
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": text, **record}), encoding="utf-8")
    [document] = list(normalise(path, settings))
    assert isinstance(document, Document)
    assert getattr(document, field) == expected


def test_stage_logs_each_reject(
    hostile: Path, settings: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="pipeline.normalise.stage"):
        rejects = [item for item in normalise(hostile, settings) if isinstance(item, Reject)]
    logged = [record.getMessage() for record in caplog.records if record.name.endswith("stage")]
    assert len(logged) == len(rejects)
    assert all(reject.source in message for reject, message in zip(rejects, logged, strict=True))


@pytest.mark.parametrize("old", ['{"stale": true}\n', ""])
def test_stage_replaces_outputs(tmp_path: Path, settings: dict[str, Any], old: str) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(BODY, encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    (work / DOCUMENTS_FILE).write_text(old, encoding="utf-8")
    (work / REJECTS_FILE).write_text(old, encoding="utf-8")
    assert run_normalise(tmp_path / "in", work, settings) == (1, 0)
    assert [row["source"] for row in read_jsonl(work / DOCUMENTS_FILE)] == ["a.txt"]
    assert (work / REJECTS_FILE).read_text(encoding="utf-8") == ""


@pytest.mark.parametrize("label", ["Breaking News Banner"])
def test_stage_uses_boilerplate_file_from_settings(
    tmp_path: Path, settings: dict[str, Any], label: str
) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text(f'[labels]\nlines = ["{label}"]\n', encoding="utf-8")
    source = tmp_path / "a.txt"
    source.write_text(f"{label}\n\n{BODY}", encoding="utf-8")
    settings = merge(settings, {"normalise": {"boilerplate": str(rules)}})
    [document] = list(normalise(source, settings))
    assert isinstance(document, Document) and document.text == BODY


def test_stage_seeds(tmp_path: Path) -> None:
    assert run_normalise(RAW_DIR, tmp_path, load_settings()) == (5, 0)
    sources = [row["source"] for row in read_jsonl(tmp_path / DOCUMENTS_FILE)]
    assert sources == sorted(path.name for path in RAW_DIR.glob("*.txt"))
