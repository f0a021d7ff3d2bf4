"""Deeply nested JSON: one hostile file or feed line is a reject, the rest of the corpus goes on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pipeline.config import DOCUMENTS_FILE, REJECTS_FILE, load_settings
from pipeline.io import read_jsonl
from pipeline.normalise import run_normalise
from pipeline.normalise.readers import RawText, read_inputs
from pipeline.records import Reject

BODY = "Kyiv rejected the demand to withdraw its troops from the eastern regions."
DEPTH = 3_000


def _deep(depth: int = DEPTH) -> str:
    """A record whose text field sits beside ``depth`` nested lists (about 6 KB)."""
    return '{"text": "' + BODY + '", "extra": ' + "[" * depth + "]" * depth + "}"


@pytest.mark.parametrize(
    ("name", "data", "source"),
    [
        ("deep.json", _deep(), "deep.json"),
        ("deep_list.json", "[" * DEPTH + "]" * DEPTH, "deep_list.json"),
        ("feed.jsonl", "\n".join([json.dumps({"text": BODY}), _deep()]), "feed.jsonl#2"),
    ],
)
def test_normalise_deep_json_is_a_reject(tmp_path: Path, name: str, data: str, source: str) -> None:
    path = tmp_path / name
    path.write_text(data, encoding="utf-8")
    results = list(read_inputs(path, load_settings()))
    rejects = [item for item in results if isinstance(item, Reject)]
    assert [(reject.source, reject.reason) for reject in rejects] == [(source, "too_deep")]
    assert "nested" in rejects[0].detail and "flatten" in rejects[0].detail
    texts = [item for item in results if isinstance(item, RawText)]
    assert [raw.text for raw in texts] == ([BODY] if name.endswith(".jsonl") else [])


@pytest.mark.integration
def test_normalise_deep_json_run_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "input"
    folder.mkdir()
    (folder / "a.txt").write_text(BODY, encoding="utf-8")
    (folder / "b.json").write_text(_deep(), encoding="utf-8")
    (folder / "c.jsonl").write_text(f"{_deep()}\n{json.dumps({'text': BODY})}\n", encoding="utf-8")
    settings: dict[str, Any] = load_settings()
    assert run_normalise(folder, tmp_path / "work", settings) == (2, 2)
    rejects = list(read_jsonl(tmp_path / "work" / REJECTS_FILE))
    assert {row["source"]: row["reason"] for row in rejects} == {
        "b.json": "too_deep",
        "c.jsonl#1": "too_deep",
    }
    documents = list(read_jsonl(tmp_path / "work" / DOCUMENTS_FILE))
    assert sorted(row["source"] for row in documents) == ["a.txt", "c.jsonl#2"]
