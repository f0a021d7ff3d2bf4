"""Tests for reading gold claim files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline.config import GOLD_DIR
from pipeline.evaluate.gold import GoldClaim, GoldFormatError, load_gold
from pipeline.evaluate.scoring import score

VALID = {
    "source": "a.txt",
    "sentence": "The mayor asked for a bridge.",
    "actor": "mayor",
    "type": "demand",
    "topic": "other",
}


def write_lines(path: Path, lines: list[str]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("files", "expected_sentences"),
    [
        pytest.param(
            {"b.jsonl": [VALID | {"sentence": "Second file."}], "a.jsonl": [VALID]},
            ["The mayor asked for a bridge.", "Second file."],
            id="sorted_by_name",
        ),
        pytest.param(
            {"x/deep.jsonl": [VALID | {"sentence": "Nested."}], "top.jsonl": [VALID]},
            ["The mayor asked for a bridge.", "Nested."],
            id="recursive",
        ),
        pytest.param(
            {"a.jsonl": [VALID | {"note": "extra fields are allowed"}]},
            ["The mayor asked for a bridge."],
            id="extra_field_ignored",
        ),
        pytest.param({"a.txt": [VALID], "a.jsonl": [VALID]}, [VALID["sentence"]], id="only_jsonl"),
    ],
)
def test_gold_load_reads_every_jsonl_in_order(
    tmp_path: Path, files: dict[str, list[dict[str, str]]], expected_sentences: list[str]
) -> None:
    for name, records in files.items():
        write_lines(tmp_path / name, [json.dumps(record) for record in records])
    claims = load_gold(tmp_path)
    assert [claim.sentence for claim in claims] == expected_sentences
    assert all(isinstance(claim, GoldClaim) for claim in claims)


@pytest.mark.parametrize("blank", ["", "   "])
def test_gold_load_skips_blank_lines(tmp_path: Path, blank: str) -> None:
    write_lines(tmp_path / "a.jsonl", [json.dumps(VALID), blank, json.dumps(VALID)])
    assert load_gold(tmp_path) == [GoldClaim(**VALID), GoldClaim(**VALID)]


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        pytest.param("{not json", "not valid JSON", id="invalid_json"),
        pytest.param(json.dumps(["a", "list"]), "expected a JSON object", id="not_object"),
        pytest.param(
            json.dumps({k: v for k, v in VALID.items() if k != "actor"}),
            "field 'actor' must be a non-empty string",
            id="missing_field",
        ),
        pytest.param(
            json.dumps(VALID | {"topic": 3}), "field 'topic' must be a non-empty string", id="int"
        ),
        pytest.param(
            json.dumps(VALID | {"sentence": " "}), "field 'sentence' must be", id="empty_string"
        ),
        pytest.param(json.dumps(VALID | {"type": "threat"}), "type 'threat' is unknown", id="type"),
    ],
)
def test_gold_load_error_names_file_and_line(tmp_path: Path, bad_line: str, message: str) -> None:
    path = write_lines(tmp_path / "claims.jsonl", [json.dumps(VALID), "", bad_line])
    with pytest.raises(GoldFormatError, match=re.escape(f"{path}:3: {message}")):
        load_gold(tmp_path)


@pytest.mark.parametrize("content", [None, "notes.txt"])
def test_gold_load_empty_folder_fails(tmp_path: Path, content: str | None) -> None:
    if content is not None:
        (tmp_path / content).write_text("not gold", encoding="utf-8")
    with pytest.raises(GoldFormatError, match=re.escape("no *.jsonl files in")):
        load_gold(tmp_path)


@pytest.mark.parametrize("name", ["missing"])
def test_gold_load_missing_folder_fails(tmp_path: Path, name: str) -> None:
    with pytest.raises(GoldFormatError, match="not a folder"):
        load_gold(tmp_path / name)


@pytest.mark.parametrize("gold_dir", [GOLD_DIR])
def test_gold_load_shipped_gold_folder(gold_dir: Path) -> None:
    claims = load_gold(gold_dir)
    units = score(claims, [], principal_ids=()).all_actors.fn
    assert units > 0
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", claim.actor) for claim in claims)
