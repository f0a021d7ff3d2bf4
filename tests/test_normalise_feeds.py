"""Feeds: a JSON Lines feed is limited per record, and a list of records may sit one level down."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.config import Settings, load_settings
from pipeline.normalise.readers import RawText, read_inputs
from pipeline.records import Reject

BODY = "Kyiv rejected the demand to withdraw its troops from the eastern regions."
LIMIT = 2_000


@pytest.fixture
def settings() -> Settings:
    return load_settings().with_overrides({"normalise": {"max_file_bytes": LIMIT}})


def _read(path: Path, settings: Settings) -> list[RawText | Reject]:
    return list(read_inputs(path, settings))


def test_normalise_feeds_limit_applies_to_each_record(tmp_path: Path, settings: Settings) -> None:
    records = [json.dumps({"id": f"r{n}", "text": f"{n}. {BODY}"}) for n in range(60)]
    records[30] = json.dumps({"id": "huge", "text": BODY * 40})
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(records) + "\n", encoding="utf-8")
    assert path.stat().st_size > LIMIT
    results = _read(path, settings)
    texts = [item for item in results if isinstance(item, RawText)]
    rejects = [item for item in results if isinstance(item, Reject)]
    assert len(texts) == 59
    assert texts[0] == RawText("feed.jsonl#r0", f"0. {BODY}")
    assert [(reject.source, reject.reason) for reject in rejects] == [
        ("feed.jsonl#31", "too_large")
    ]
    assert "line 31" in rejects[0].detail and "record" in rejects[0].detail


def test_normalise_feeds_large_feed_reads_like_a_small_one(
    tmp_path: Path, settings: Settings
) -> None:
    lines = [
        "\ufeff" + json.dumps({"text": BODY}),
        "",
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"body": BODY, "id": 7}),
    ]
    text = "\n".join(lines) + "\n"
    small = tmp_path / "small.jsonl"
    small.write_text(text, encoding="utf-8")
    large = tmp_path / "large.jsonl"
    large.write_text(text + "\n" * LIMIT, encoding="utf-8")
    expected = _read(small, settings)
    got = _read(large, settings)
    rename = [(type(item), item.source.replace("small", "large")) for item in expected]
    assert [(type(item), item.source) for item in got] == rename
    assert [getattr(item, "text", None) for item in got] == [
        getattr(item, "text", None) for item in expected
    ]


def test_normalise_feeds_whole_json_file_still_limited(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "list.json"
    path.write_text(json.dumps([{"text": BODY}] * 40), encoding="utf-8")
    [reject] = _read(path, settings)
    assert isinstance(reject, Reject) and reject.reason == "too_large"


NEWSAPI = {
    "status": "ok",
    "totalResults": 2,
    "articles": [
        {
            "source": {"id": None, "name": "Example Wire"},
            "author": "Jane Doe",
            "title": "Talks stall",
            "url": "https://example.org/a",
            "publishedAt": "2025-03-19T16:25:00Z",
            "content": BODY,
        },
        {"title": "Second", "content": f"Moscow said no. {BODY}"},
    ],
}


@pytest.mark.parametrize("container", ["articles", "items", "data", "results"])
def test_normalise_feeds_records_one_level_down(
    tmp_path: Path, settings: Settings, container: str
) -> None:
    export = {"status": "ok", container: NEWSAPI["articles"]}
    path = tmp_path / "export.json"
    path.write_text(json.dumps(export), encoding="utf-8")
    results = _read(path, settings)
    assert all(isinstance(item, RawText) for item in results)
    assert [item.source for item in results] == ["export.json#1", "export.json#2"]
    first = results[0]
    assert isinstance(first, RawText)
    assert (first.text, first.outlet, first.author) == (BODY, "Example Wire", "Jane Doe")


def test_normalise_feeds_container_names_come_from_settings(
    tmp_path: Path, settings: Settings
) -> None:
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"hits": NEWSAPI["articles"]}), encoding="utf-8")
    [reject] = _read(path, settings)
    assert isinstance(reject, Reject) and reject.reason == "no_text"
    assert "nested one level down" in reject.detail and "'hits'" in reject.detail
    assert "[normalise.fields] records" in reject.detail
    ours = settings.with_overrides({"normalise": {"fields": {"records": ["hits"]}}})
    assert [item.source for item in _read(path, ours)] == ["export.json#1", "export.json#2"]
