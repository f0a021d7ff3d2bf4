"""The normalise stage: every input ends as a document or a reject, written atomically."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest

from pipeline.config import (
    DOCUMENTS_FILE,
    GOLD_DIR,
    RAW_DIR,
    REJECTS_FILE,
    Settings,
    load_settings,
)
from pipeline.ids import document_id
from pipeline.io import read_jsonl
from pipeline.normalise import normalise, run_normalise
from pipeline.normalise.manifest import MANIFEST_FILE
from pipeline.records import Document, Reject

pytestmark = pytest.mark.integration

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
    "scan.pdf": b"%PDF-1.4 not read",
    "nul.txt": f"{BODY}\x00{BODY}".encode(),
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
    "page.html": "no_text",
    "scan.pdf": "unsupported",
    "nul.txt": "binary",
    ".hidden.txt": "skipped_hidden",
}


@pytest.fixture
def settings() -> Settings:
    return load_settings().with_overrides({"normalise": {"max_file_bytes": 2000}})


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    folder = tmp_path / "input"
    for name, data in HOSTILE.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return folder


def test_stage_accounts_for_every_input(hostile: Path, tmp_path: Path, settings: Settings) -> None:
    work = tmp_path / "work"
    assert run_normalise(hostile, work, settings) == (
        len(EXPECTED_DOCUMENTS),
        len(EXPECTED_REJECTS),
    )
    documents = [Document.from_dict(row) for row in read_jsonl(work / DOCUMENTS_FILE)]
    rejects = [Reject(**row) for row in read_jsonl(work / REJECTS_FILE)]
    assert sorted(doc.source for doc in documents) == EXPECTED_DOCUMENTS
    assert {reject.source: reject.reason for reject in rejects} == EXPECTED_REJECTS
    files = set(HOSTILE)
    seen = {item.source.split("#")[0] for item in [*documents, *rejects]}
    assert seen == files
    assert all(reject.detail for reject in rejects)
    assert sorted(path.name for path in work.iterdir()) == [
        DOCUMENTS_FILE,
        MANIFEST_FILE,
        REJECTS_FILE,
    ]


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
    hostile: Path, settings: Settings, source: str, field: str, expected: Any
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
    tmp_path: Path, settings: Settings, record: dict[str, Any], field: str, expected: str
) -> None:
    text = f"Guessed Headline\n\nBy Guessed Author\n\nMarch 19, 2025\n\n{BODY}\n\n© Guessed 2025."
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": text, **record}), encoding="utf-8")
    [document] = list(normalise(path, settings))
    assert isinstance(document, Document)
    assert getattr(document, field) == expected


def test_stage_logs_each_reject(
    hostile: Path, settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="pipeline.normalise.stage"):
        rejects = [item for item in normalise(hostile, settings) if isinstance(item, Reject)]
    logged = [record.getMessage() for record in caplog.records if record.name.endswith("stage")]
    assert len(logged) == len(rejects)
    assert all(reject.source in message for reject, message in zip(rejects, logged, strict=True))


@pytest.mark.parametrize("old", ['{"stale": true}\n', ""])
def test_stage_replaces_outputs(tmp_path: Path, settings: Settings, old: str) -> None:
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
    tmp_path: Path, settings: Settings, label: str
) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text(f'[labels]\nlines = ["{label}"]\n', encoding="utf-8")
    source = tmp_path / "a.txt"
    source.write_text(f"{label}\n\n{BODY}", encoding="utf-8")
    settings = settings.with_overrides({"normalise": {"boilerplate": str(rules)}})
    [document] = list(normalise(source, settings))
    assert isinstance(document, Document) and document.text == BODY


SEED_PARTS = {"002_f6c7942f0b16275c.txt": 4}  # an opinion column and three related articles


def test_stage_seeds(tmp_path: Path) -> None:
    names = sorted(path.name for path in RAW_DIR.glob("*.txt"))
    expected = [(name, part) for name in names for part in range(SEED_PARTS.get(name, 1))]
    assert run_normalise(RAW_DIR, tmp_path, load_settings()) == (len(expected), 0)
    rows = list(read_jsonl(tmp_path / DOCUMENTS_FILE))
    assert [(row["source"], row["part"]) for row in rows] == expected
    assert [row["doc_id"] for row in rows] == [document_id(*key) for key in expected]


@pytest.fixture(scope="module")
def seed_documents() -> list[Document]:
    return [item for item in normalise(RAW_DIR, load_settings()) if isinstance(item, Document)]


def test_stage_seed_parts_have_titles(seed_documents: list[Document]) -> None:
    parts = [doc for doc in seed_documents if doc.source in SEED_PARTS]
    assert len(parts) == sum(SEED_PARTS.values())
    assert all(doc.title for doc in parts)
    assert len({doc.title for doc in parts}) == len(parts)


def _gold_rows() -> list[tuple[str, str]]:
    rows = {
        (record["source"], record["sentence"])
        for path in sorted(GOLD_DIR.glob("*.jsonl"))
        for record in read_jsonl(path)
    }
    return sorted(rows)


GOLD = _gold_rows()


def _spaced(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(("source", "sentence"), GOLD, ids=[f"{s[:3]}:{t[:30]}" for s, t in GOLD])
def test_stage_keeps_gold_sentences(
    seed_documents: list[Document], source: str, sentence: str
) -> None:
    texts = [_spaced(doc.text) for doc in seed_documents if doc.source == source]
    assert any(_spaced(sentence) in text for text in texts)


@pytest.mark.parametrize(
    "passage",
    [
        "Donald Trump, frustrated by his inability to settle",
        "Listening to Zelensky and Putin over the last three months",
    ],
)
def test_stage_seed_repeated_paragraphs_once(seed_documents: list[Document], passage: str) -> None:
    [doc] = [doc for doc in seed_documents if doc.source.startswith("000_")]
    assert doc.text.count(passage) == 1


# Text found on the seed pages that is not article text: navigation, sign-up
# boxes, teasers, captions and credits, comment widgets, link cards.
SEED_JUNK = [
    "Join the Conversation", "Read More On", "More from Foreign Policy", "Already a subscriber",
    "Not your account", "commenting as", "CANCEL", "Four Explanatory Models",
    "Soulless Crusade", "drawn illustration", "Andrew Harnik", "An expert’s point of view",
    "is a senior fellow", "[IMPORTANT", "Sign Up", "Subscribe", "My FP", "Powered By",
    "Trending Articles", "By submitting your email", "Comment icon", "More on this topic",
    "Log In", "Leave feedback", "In the foreground is", "In the background is a mirror",
    "attends a ceremony and press conference", "Maxim Shemetov", "Getty Images", "Hashtags",
    "Try Our AI", "Explore what", "No comments yet", "Related Articles", "The Mainichi",
    "Japan Today", "minutes ago", "hours ago", "Ursula von der Leyen, right,",
    "participate in a media conference", "By SAMYA", "By Andrew Osborn", "©",
    "contributed to this report", "is a Bloomberg Opinion columnist", "appeared first on",
    "covers the Trump administration", "Follow us on social", "google cta", "51191205979",
    "Analysis | Europe", "Dear RS readers", "State Department photo", "Top photo credit",
    "Letters of marque", "Blackbeard", "Gaza tent city", "Four major dynamics", "Sokoto",
    "keep reading", "Want more of our stories", "Preferred Source", "LATEST", "QIOSK",
    "Newsletter",
]  # fmt: skip


@pytest.mark.parametrize("junk", SEED_JUNK)
def test_stage_seed_junk_is_gone(seed_documents: list[Document], junk: str) -> None:
    assert not [doc.source for doc in seed_documents if junk in doc.text]


PARAGRAPHS = [
    "Putin demanded that Ukraine withdraw from the Donbas before any cease-fire could begin.",
    "Kyiv rejected the demand within hours of hearing it from the American envoy in Riyadh.",
    "European leaders said they would keep sending air defence systems through the winter.",
    "The Kremlin spokesman said Moscow was ready to talk but would not freeze the front line.",
    "Officials in Washington described the proposal as a first step toward a wider settlement.",
    "Analysts noted that neither side had moved on the question of security guarantees.",
]


def _story(name: str) -> str:
    return "\n".join(
        f"In the {name} story, item {n}: {PARAGRAPHS[n]} {PARAGRAPHS[(n + 1) % 6]}"
        for n in range(6)
    )


PAGE = "\n\n".join(
    [
        f"Ceasefire Talks Stall Again In Geneva\nBy Jane Doe\nMarch 19, 2025\n{_story('first')}",
        "Related Articles",
        f"Example Wire\n2 hours ago\n- Example Wire\nKyiv weighs the latest offer\n"
        f"{_story('second')}",
        f"Envoys Plan Another Round Of Talks\nBy John Roe\nApril 2, 2025\n{_story('third')}",
    ]
)


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (
            {},
            [
                ("Ceasefire Talks Stall Again In Geneva", "2025-03-19", None),
                ("Kyiv weighs the latest offer", "2025-03-19", "Example Wire"),
                ("Envoys Plan Another Round Of Talks", "2025-04-02", None),
            ],
        ),
        (
            {"title": "Stated", "published": "2025-03-01", "outlet": "Site"},
            [
                ("Stated", "2025-03-01", "Site"),
                ("Kyiv weighs the latest offer", "2025-03-01", "Example Wire"),
                ("Envoys Plan Another Round Of Talks", "2025-04-02", None),
            ],
        ),
    ],
)
def test_stage_splits_pages(tmp_path: Path, record: dict[str, str], expected: list[tuple]) -> None:
    path = tmp_path / "page.jsonl"
    record = {"id": "p", "text": PAGE, "url": "https://x.test/p", **record}
    path.write_text(json.dumps(record), encoding="utf-8")
    documents = list(normalise(path, load_settings()))
    assert all(isinstance(doc, Document) for doc in documents)
    assert [(doc.title, doc.published, doc.outlet) for doc in documents] == expected
    assert [doc.part for doc in documents] == [0, 1, 2]
    assert [doc.doc_id for doc in documents] == [document_id("page.jsonl#p", n) for n in range(3)]
    assert {doc.url for doc in documents} == {"https://x.test/p"}
    assert "Kyiv weighs" not in documents[0].text and "Related Articles" not in documents[0].text
