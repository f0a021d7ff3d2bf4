"""Readers: every input file becomes raw texts or rejects with a reason code."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pipeline.config import Settings, load_settings
from pipeline.normalise import readers
from pipeline.normalise.readers import RawText, read_inputs
from pipeline.records import Reject


@pytest.fixture
def settings() -> Settings:
    return load_settings().with_overrides({"normalise": {"max_file_bytes": 200}})


def _write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def _read(path: Path, settings: Settings) -> list[RawText | Reject]:
    return list(read_inputs(path, settings))


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t\r\n  ", "empty"),
        ("bom_only.txt", b"\xef\xbb\xbf\n", "empty"),
        ("nul.txt", b"Putin said\x00\x00\x01 no", "binary"),
        ("utf16.txt", "Putin said no".encode("utf-16"), "binary"),
        ("control.txt", b"\x01\x02\x03\x04\x05\x06 text", "binary"),
        ("bad.txt", b"Putin \xc3\x28 \xa4\xa6\xb2\xb3\xbc", "undecodable"),
        ("undefined.txt", b"Putin \x81\x8d said", "undecodable"),
        ("page.html", b"<html><body><script>var a;</script></body></html>", "no_text"),
        ("page.htm", b"<html><head><title>Only a title</title></head></html>", "no_text"),
        ("page.xhtml", b"<html><body>Putin</body></html>", "unsupported"),
        ("scan.pdf", b"%PDF-1.4", "unsupported"),
        ("README", b"Putin said no.", "unsupported"),
        ("big.txt", b"Putin said no. " * 20, "too_large"),
        ("empty.json", b"[]", "no_text"),
        ("scalar.json", b"42", "no_text"),
        ("broken.json", b'{"text": "Putin', "malformed_json"),
    ],
)
def test_readers_rejects_hostile_file(
    tmp_path: Path, settings: Settings, name: str, data: bytes, reason: str
) -> None:
    results = _read(_write(tmp_path, name, data), settings)
    assert len(results) == 1
    assert isinstance(results[0], Reject)
    assert (results[0].source, results[0].reason) == (name, reason)
    assert results[0].detail


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Zelensky’s “peace” plan – café", "cp1252"),
        ("Zelensky’s “peace” plan – café", "utf-8-sig"),
        ("Zelensky’s “peace” plan – café", "utf-8"),
    ],
)
def test_readers_decodes_text(tmp_path: Path, settings: Settings, text: str, encoding: str) -> None:
    [raw] = _read(_write(tmp_path, "a.txt", text.encode(encoding)), settings)
    assert raw == RawText("a.txt", text)


@pytest.mark.parametrize("size_over", [1, 5000])
def test_readers_too_large_is_not_read(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch, size_over: int
) -> None:
    path = _write(tmp_path, "big.txt", b"x" * (200 + size_over))

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("an oversize file must not be opened")

    monkeypatch.setattr(readers, "open", refuse, raising=False)
    [reject] = _read(path, settings)
    assert isinstance(reject, Reject) and reject.reason == "too_large"
    assert "max_file_bytes" in reject.detail


@pytest.mark.parametrize("error", [PermissionError(13, "Permission denied"), OSError(5, "I/O")])
def test_readers_unreadable_file(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch, error: OSError
) -> None:
    path = _write(tmp_path, "a.txt", "Putin said no.")

    def fail(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(readers, "open", fail, raising=False)
    [reject] = _read(path, settings)
    assert isinstance(reject, Reject) and reject.reason == "unreadable"


def test_readers_jsonl_keeps_good_records(tmp_path: Path, settings: Settings) -> None:
    lines = [
        json.dumps({"id": "a1", "text": "Putin demanded a halt.", "title": "Halt"}),
        '{"text": "broken',
        json.dumps({"title": "No text here"}),
        "",
        json.dumps({"body": "Kyiv rejected the demand.", "date": "2025-03-19"}),
        json.dumps({"text": "   "}),
        "17",
        json.dumps({"content": 5}),
    ]
    settings = settings.with_overrides({"normalise": {"max_file_bytes": 10_000}})
    results = _read(_write(tmp_path, "feed.jsonl", "\n".join(lines)), settings)
    summary = [(item.source, item.reason if isinstance(item, Reject) else "ok") for item in results]
    assert summary == [
        ("feed.jsonl#a1", "ok"),
        ("feed.jsonl#2", "malformed_json"),
        ("feed.jsonl#3", "no_text"),
        ("feed.jsonl#5", "ok"),
        ("feed.jsonl#6", "no_text"),
        ("feed.jsonl#7", "no_text"),
        ("feed.jsonl#8", "no_text"),
    ]
    assert "line 2" in results[1].detail
    assert results[3] == RawText(
        "feed.jsonl#5", "Kyiv rejected the demand.", published="2025-03-19"
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ([{"id": 7, "text": "One."}, {"text": "Two."}], ["a.json#7", "a.json#2"]),
        ({"text": "Only one."}, ["a.json#1"]),
        ([{"id": "x", "text": "One."}, {"id": "x", "text": "Two."}], ["a.json#x", "a.json#2"]),
    ],
)
def test_readers_json_record_sources(
    tmp_path: Path, settings: Settings, value: Any, expected: list[str]
) -> None:
    results = _read(_write(tmp_path, "a.json", json.dumps(value)), settings)
    assert [item.source for item in results] == expected
    assert all(isinstance(item, RawText) for item in results)


@pytest.mark.parametrize(
    ("record", "field", "expected"),
    [
        ({"text": "T.", "outlet": "Reuters"}, "outlet", "Reuters"),
        ({"text": "T.", "source_name": "AP"}, "outlet", "AP"),
        ({"text": "T.", "site": "FP"}, "outlet", "FP"),
        ({"text": "T.", "date": "2025-03-19"}, "published", "2025-03-19"),
        ({"text": "T.", "published": "2025-03-18", "date": "x"}, "published", "2025-03-18"),
        ({"text": "T.", "author": ["A. One", "B. Two"]}, "author", "A. One, B. Two"),
        ({"text": "T.", "url": "https://x.test/a"}, "url", "https://x.test/a"),
        ({"text": "T.", "section": "World", "title": {"bad": 1}}, "section", "World"),
        ({"text": "T.", "title": {"bad": 1}}, "title", None),
    ],
)
def test_readers_record_metadata(
    tmp_path: Path, settings: Settings, record: dict[str, Any], field: str, expected: Any
) -> None:
    [raw] = _read(_write(tmp_path, "a.jsonl", json.dumps(record)), settings)
    assert getattr(raw, field) == expected


@pytest.mark.parametrize("field", ["text", "body", "content"])
def test_readers_text_field_fallback(tmp_path: Path, settings: Settings, field: str) -> None:
    [raw] = _read(_write(tmp_path, "a.json", json.dumps({field: "Putin said no."})), settings)
    assert isinstance(raw, RawText) and raw.text == "Putin said no."


@pytest.mark.parametrize(
    ("markdown", "text", "title"),
    [
        (
            "# Headline\n\nSome [link](http://x.test) and **bold**.",
            "Headline\n\nSome link and bold.",
            None,
        ),
        ("---\ntitle: Stated\ndate: 2025-03-19\n---\n![p](a.png)\nBody.", "\nBody.", "Stated"),
    ],
)
def test_readers_markdown_to_text(
    tmp_path: Path, settings: Settings, markdown: str, text: str, title: str | None
) -> None:
    [raw] = _read(_write(tmp_path, "a.md", markdown), settings)
    assert isinstance(raw, RawText)
    assert (raw.text, raw.title) == (text, title)


def test_readers_folder_order_skips_hidden(tmp_path: Path, settings: Settings) -> None:
    for name in ["b/2.txt", "a.txt", "b/10.txt", ".hidden.txt", ".git/x.txt", "c/.d/y.txt"]:
        _write(tmp_path, name, "Putin said no.")
    results = _read(tmp_path, settings)
    assert [item.source for item in results if isinstance(item, RawText)] == [
        "a.txt",
        "b/10.txt",
        "b/2.txt",
    ]
    skipped = [(item.source, item.reason) for item in results if isinstance(item, Reject)]
    assert skipped == [(name, "skipped_hidden") for name in [".git", ".hidden.txt", "c/.d"]]


@pytest.mark.parametrize("name", ["article.txt", ".hidden.txt"])
def test_readers_single_file_source_is_name(tmp_path: Path, settings: Settings, name: str) -> None:
    [raw] = _read(_write(tmp_path / "deep", name, "Putin said no."), settings)
    assert raw.source == name


@pytest.mark.parametrize("missing", ["nope", "nope.txt"])
def test_readers_missing_input_raises(tmp_path: Path, settings: Settings, missing: str) -> None:
    with pytest.raises(FileNotFoundError, match="no such file"):
        _read(tmp_path / missing, settings)


@pytest.mark.parametrize("extensions", [[".txt"], [".TXT", ".md"]])
def test_readers_extensions_from_settings(
    tmp_path: Path, settings: Settings, extensions: list[str]
) -> None:
    _write(tmp_path, "a.txt", "Putin said no.")
    _write(tmp_path, "b.json", '{"text": "Kyiv said no."}')
    settings = settings.with_overrides({"normalise": {"extensions": extensions}})
    results = _read(tmp_path, settings)
    assert [type(item).__name__ for item in results] == ["RawText", "Reject"]
    assert results[1].reason == "unsupported"


_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>Kyiv rejects ceasefire terms | Example News</title>
<meta property="og:title" content="Kyiv rejects ceasefire terms">
<meta property="og:site_name" content="Example News">
<link rel="canonical" href="https://news.example.com/world/kyiv-rejects-terms">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2025-08-18T10:32:00Z">
</head><body>
<nav><a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Kyiv rejects ceasefire terms</h1>
<p>Ukraine rejected on Monday a Russian demand that it withdraw from the Donetsk region.</p>
<p>“We will not give up our land,” President Volodymyr Zelensky said in Kyiv on Monday.</p>
</article>
<footer>© 2025 Example News. All rights reserved.</footer>
</body></html>"""


@pytest.mark.parametrize("name", ["page.html", "page.HTM"])
def test_readers_html_page(tmp_path: Path, settings: Settings, name: str) -> None:
    settings = settings.with_overrides({"normalise": {"max_file_bytes": 10_000}})
    [raw] = _read(_write(tmp_path, name, _PAGE), settings)
    assert raw == RawText(
        name,
        "Ukraine rejected on Monday a Russian demand that it withdraw from the Donetsk region."
        "\n\n“We will not give up our land,” President Volodymyr Zelensky said in Kyiv on Monday.",
        title="Kyiv rejects ceasefire terms",
        url="https://news.example.com/world/kyiv-rejects-terms",
        published="2025-08-18",
        outlet="Example News",
        author="Jane Doe",
    )


def test_readers_html_in_windows_1252(tmp_path: Path, settings: Settings) -> None:
    settings = settings.with_overrides({"normalise": {"max_file_bytes": 10_000}})
    page = "<html><body><article><p>Zelensky’s “peace” plan – café</p></article></body></html>"
    [raw] = _read(_write(tmp_path, "old.html", page.encode("cp1252")), settings)
    assert isinstance(raw, RawText) and raw.text == "Zelensky’s “peace” plan – café"


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        # a news API article: nested source, camelCase date
        (
            {
                "source": {"id": None, "name": "Example Wire"},
                "author": "Jane Roe",
                "title": "Kyiv rejects plan",
                "url": "https://x.test/1",
                "publishedAt": "2025-11-27T10:00:00Z",
                "content": "Kyiv rejected the plan.",
            },
            ("Kyiv rejected the plan.", "Kyiv rejects plan", "Example Wire", "Jane Roe",
             "2025-11-27T10:00:00Z", "https://x.test/1"),
        ),
        # an event-registry style record: authors as objects, "body", "dateTime", "uri"
        (
            {
                "uri": "8812",
                "body": "Moscow demanded guarantees.",
                "dateTime": "2025-11-30T08:00:00Z",
                "source": {"uri": "example.test", "title": "Example Times"},
                "authors": [{"name": "A. One"}, {"name": "B. Two"}],
                "title": "Moscow demands",
            },
            ("Moscow demanded guarantees.", "Moscow demands", "Example Times", "A. One, B. Two",
             "2025-11-30T08:00:00Z", None),
        ),
        # a crawler record: site under "thread", "maintext", "date_publish"
        (
            {
                "maintext": "Zelensky agreed to talks.",
                "thread": {"site": "news.example.test"},
                "date_publish": "2025-08-18 12:00:00",
                "headline": "Talks",
            },
            ("Zelensky agreed to talks.", "Talks", "news.example.test", None,
             "2025-08-18 12:00:00", None),
        ),
    ],
)  # fmt: skip
def test_readers_api_exports(
    tmp_path: Path, settings: Settings, record: dict[str, Any], expected: tuple
) -> None:
    roomy = settings.with_overrides({"normalise": {"max_file_bytes": 5_000}})
    [raw] = _read(_write(tmp_path, "a.jsonl", json.dumps(record)), roomy)
    assert isinstance(raw, RawText)
    assert (raw.text, raw.title, raw.outlet, raw.author, raw.published, raw.url) == expected


def test_readers_record_id_from_an_alias(tmp_path: Path, settings: Settings) -> None:
    [raw] = _read(_write(tmp_path, "a.jsonl", json.dumps({"uri": "u-7", "body": "B."})), settings)
    assert raw.source == "a.jsonl#u-7"


def test_readers_fields_come_from_settings(tmp_path: Path, settings: Settings) -> None:
    own = settings.with_overrides(
        {"normalise": {"fields": {"text": ["story"], "outlet": ["paper"]}}}
    )
    path = _write(tmp_path, "a.jsonl", json.dumps({"story": "Putin said no.", "paper": "Daily"}))
    [raw] = _read(path, own)
    assert (raw.text, raw.outlet) == ("Putin said no.", "Daily")
    [reject] = _read(_write(tmp_path, "b.jsonl", json.dumps({"text": "Unread."})), own)
    assert isinstance(reject, Reject) and reject.reason == "no_text"
    assert "story" in reject.detail and "[normalise.fields]" in reject.detail


def test_readers_front_matter_keys_any_case(tmp_path: Path, settings: Settings) -> None:
    page = "---\nTitle: Stated\npublishedAt: 2025-03-19\n---\nBody."
    [raw] = _read(_write(tmp_path, "a.md", page), settings)
    assert (raw.title, raw.published) == ("Stated", "2025-03-19")
