"""Explanations: mentions, speakers and each cue's verdict, on sentences written here."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.tokens import Doc

from pipeline.annotate.stage import run_annotate
from pipeline.config import DOCUMENTS_FILE, PipelineError, load_settings
from pipeline.extract.claims import ClaimExtractor
from pipeline.extract.explain import (
    CLAIM,
    NO_CLAIM,
    SentenceExplanation,
    explain_doc,
    explain_stored,
    explain_text,
    explanations_to_dicts,
    format_explanations,
)
from pipeline.extract.stage import build_extractor
from pipeline.io import read_jsonl
from pipeline.normalise.stage import run_normalise

Explain = Callable[..., list[SentenceExplanation]]


@pytest.fixture(scope="module")
def explain(annotate: Callable[..., Doc], extractor: ClaimExtractor) -> Explain:
    """Explain a text with the session's pipeline (explain_text rebuilds it each call)."""

    def run(text: str) -> list[SentenceExplanation]:
        return explain_doc(annotate(text), extractor)

    return run


@pytest.mark.parametrize(
    ("text", "actor", "claim_type", "rules"),
    [
        ("Zelensky firmly rejected the proposal.", "zelensky", "rejection", {"verb-subject"}),
        ("Peskov said Kyiv must withdraw its forces.", "peskov", "demand", {"reported-obligation"}),
    ],
)
def test_explain_claim_shows_actor_and_rule(
    explain: Explain, text: str, actor: str, claim_type: str, rules: set[str]
) -> None:
    (item,) = explain(text)
    claims = [c for c in item.candidates if c.verdict == CLAIM]
    assert {(c.actor_id, c.claim_type) for c in claims} == {(actor, claim_type)}
    assert {c.rule for c in claims} <= rules
    assert all(c.reason is None and c.confidence > 0 and c.topic for c in claims)


@pytest.mark.parametrize(
    ("text", "cue", "rule"),
    [
        ("Macron did not demand new sanctions.", "demand", "negated"),
        ("Trump should demand more.", "demand", "modal"),
        ("If Moscow accepts the offer, talks will follow.", "accepts", "conditional"),
    ],
)
def test_explain_rejected_cue_shows_reason(
    explain: Explain, text: str, cue: str, rule: str
) -> None:
    (item,) = explain(text)
    assert item.claims == ()
    (candidate,) = [c for c in item.candidates if c.cue == cue]
    assert candidate.verdict == NO_CLAIM
    assert candidate.rule == rule
    assert candidate.reason
    assert candidate.topic is None


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        (
            "Starmer told the BBC that Russia had to stop its attacks.",
            [("Starmer", "starmer", "alias"), ("Russia", "russia", "alias")],
        ),
    ],
)
def test_explain_lists_mentions_and_speech(
    explain: Explain, text: str, mentions: list[tuple[str, str, str]]
) -> None:
    (item,) = explain(text)
    assert [tuple(m) for m in item.mentions][: len(mentions)] == mentions
    assert [(s.verb, s.speaker_id) for s in item.speeches] == [("told", "starmer")]
    assert item.sentence_id == 0
    assert item.text == text


def test_explain_numbers_sentences_and_formats_them(explain: Explain) -> None:
    items = explain("Zelensky firmly rejected the proposal. Trump should demand more.")
    assert [item.sentence_id for item in items] == [0, 1]
    text = format_explanations(items)
    assert "[0] Zelensky firmly rejected the proposal." in text
    assert "[1] Trump should demand more." in text
    assert "mentions: Zelensky -> zelensky (alias)" in text
    assert "CLAIM zelensky rejection" in text
    assert "no claim [modal]" in text


def test_explain_dicts_are_json(explain: Explain) -> None:
    rows = explanations_to_dicts(explain("Peskov said Kyiv must withdraw its forces."))
    (row,) = json.loads(json.dumps(rows))
    assert row["mentions"][0] == {"text": "Peskov", "actor_id": "peskov", "via": "alias"}
    assert row["speeches"] == [{"verb": "said", "speaker_id": "peskov"}]
    claims = [c for c in row["candidates"] if c["verdict"] == CLAIM]
    assert [(c["actor_id"], c["rule"]) for c in claims] == [("peskov", "reported-obligation")]


def test_explain_below_min_confidence_is_no_claim(annotate: Callable[..., Doc]) -> None:
    strict = build_extractor(load_settings().with_overrides({"extract": {"min_confidence": 0.99}}))
    (item,) = explain_doc(annotate("Zelensky firmly rejected the proposal."), strict)
    (candidate,) = [c for c in item.candidates if c.cue == "rejected"]
    assert candidate.verdict == NO_CLAIM
    assert candidate.actor_id == "zelensky"
    assert "min_confidence" in (candidate.reason or "")


@pytest.mark.parametrize(("published", "holder"), [("2022-05-01", "biden"), (None, "trump")])
def test_explain_text_resolves_offices_by_date(published: str | None, holder: str) -> None:
    items = explain_text("The U.S. president rejected the plan.", load_settings(), published)
    assert [(c.actor_id, c.claim_type) for c in items[0].claims] == [(holder, "rejection")]


@pytest.mark.parametrize("text", ["", "  \n"])
def test_explain_text_refuses_empty_text(text: str) -> None:
    with pytest.raises(PipelineError, match="nothing to explain"):
        explain_text(text, load_settings())


STORED = [
    "Lavrov said Ukraine must give up the eastern regions. Zelensky firmly rejected the idea.",
    "Macron did not demand new sanctions.",
]


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A work folder made by the real normalise and annotate stages."""
    root = tmp_path_factory.mktemp("explain")
    raw = root / "raw"
    raw.mkdir()
    records = [{"id": f"r{number}", "text": text} for number, text in enumerate(STORED)]
    (raw / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    work_dir = root / "work"
    settings = load_settings()
    assert run_normalise(raw, work_dir, settings) == (len(STORED), 0)
    run_annotate(work_dir, settings)
    return work_dir


def stored_ids(work_dir: Path) -> list[str]:
    return [row["doc_id"] for row in read_jsonl(work_dir / DOCUMENTS_FILE)]


def id_of_text_with(work_dir: Path, word: str) -> str:
    return next(
        row["doc_id"] for row in read_jsonl(work_dir / DOCUMENTS_FILE) if word in row["text"]
    )


def unique_prefix(doc_id: str, others: list[str]) -> str:
    for length in range(1, len(doc_id) + 1):
        if not any(o.startswith(doc_id[:length]) for o in others if o != doc_id):
            return doc_id[:length]
    return doc_id


def test_explain_stored_finds_doc_by_id_and_prefix(work: Path) -> None:
    ids = stored_ids(work)
    first = id_of_text_with(work, "Lavrov")
    by_id = explain_stored(work, first, None, load_settings())
    by_prefix = explain_stored(work, unique_prefix(first, ids), None, load_settings())
    assert by_id == by_prefix
    assert [item.sentence_id for item in by_id] == [0, 1]
    assert [(c.actor_id, c.rule) for c in by_id[0].claims] == [("lavrov", "reported-obligation")]


def test_explain_stored_one_sentence_keeps_previous_context(work: Path) -> None:
    first = id_of_text_with(work, "Lavrov")
    everything = explain_stored(work, first, None, load_settings())
    (second,) = explain_stored(work, first, 1, load_settings())
    assert second == everything[1]
    assert second.sentence_id == 1
    assert {(c.actor_id, c.claim_type) for c in second.claims} == {("zelensky", "rejection")}


@pytest.mark.parametrize(
    ("doc_id", "sentence_id", "message"),
    [
        ("ffffffffffffffff-missing", None, "no document with id"),
        ("", None, "give a document id"),
        ("{first}", 7, "has 2 sentences"),
        ("{first}", -1, "does not exist"),
    ],
)
def test_explain_stored_errors_say_what_to_do(
    work: Path, doc_id: str, sentence_id: int | None, message: str
) -> None:
    first = id_of_text_with(work, "Lavrov")
    with pytest.raises(PipelineError, match=message):
        explain_stored(work, doc_id.format(first=first), sentence_id, load_settings())


def test_explain_stored_ambiguous_prefix(tmp_path: Path) -> None:
    # Seventeen ids over sixteen hex digits: at least two share a first character.
    raw = tmp_path / "raw"
    raw.mkdir()
    rows = [json.dumps({"id": f"n{n}", "text": "Trump should demand more."}) for n in range(17)]
    (raw / "feed.jsonl").write_text("\n".join(rows), encoding="utf-8")
    work_dir = tmp_path / "work"
    run_normalise(raw, work_dir, load_settings())
    run_annotate(work_dir, load_settings())
    firsts = [doc_id[0] for doc_id in stored_ids(work_dir)]
    shared = next(c for c in firsts if firsts.count(c) > 1)
    with pytest.raises(PipelineError, match="give more characters"):
        explain_stored(work_dir, shared, None, load_settings())


def test_explain_stored_without_annotations(tmp_path: Path) -> None:
    with pytest.raises(PipelineError, match="pipeline annotate"):
        explain_stored(tmp_path, "abc", None, load_settings())
