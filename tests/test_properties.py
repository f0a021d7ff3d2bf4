"""Properties that must hold for any input, checked on random and hostile text.

Real input is scraped web copy: it carries control characters, invisible
marks, broken encodings and pages glued onto one line. These tests feed such
text to each stage and check the promises the stages make, not exact outputs.
"""

from __future__ import annotations

import json
import re
import tempfile
import unicodedata
from functools import cache
from pathlib import Path

import pytest
import spacy
from hypothesis import example, given, settings
from hypothesis import strategies as st
from spacy.language import Language

import pipeline.annotate.sentences  # noqa: F401  (registers news_sentencizer)
from pipeline.annotate.nlp import build_nlp
from pipeline.annotate.sentences import MAX_SENTENCE_CHARS
from pipeline.annotate.store import count_words, doc_text
from pipeline.config import load_settings
from pipeline.extract.claims import ClaimExtractor
from pipeline.extract.stage import build_extractor
from pipeline.normalise.readers import RawText, decode, read_file
from pipeline.normalise.text import normalize_text
from pipeline.records import Reject

pytestmark = pytest.mark.integration

# Deterministic and without an example database: the same examples on every run,
# and no .hypothesis folder left in the project.
FAST = settings(max_examples=200, deadline=None, derandomize=True, database=None)
SLOW = settings(max_examples=60, deadline=None, derandomize=True, database=None)
PIPELINE = settings(max_examples=40, deadline=None, derandomize=True, database=None)

# Actors and cue words, so the claim rules have something to work on.
WORDS = [
    "Putin",
    "Zelensky",
    "Zelenskyy",
    "Trump",
    "the Kremlin",
    "Kyiv",
    " demanded ",
    " rejected ",
    " agreed to ",
    " refused ",
    " offered ",
    " a ceasefire",
    " territory",
    " said",
    '"We will not," Putin said. ',
    "“Never,” Zelensky said.",
    "U.S.",
    "Mr.",
    "Lt.",
    "No. 10",
    "p.m.",
]
FRAGMENTS = [
    *WORDS,
    # punctuation and layout
    ".",
    "...",
    "…",
    "?!",
    '"',
    "“",
    "”",
    "'",
    "(",
    ")",
    " — ",
    "-",
    ",",
    " ",
    "  ",
    "\t",
    "\n",
    "\n\n\n",
    "\r\n",
    "\r",
    "\f",
    "\v",
    "\x85",
    "\u2028",
    "\u2029",
    # invisible and control characters
    "\x00",
    "\x07",
    "\x1b",
    "\x7f",
    "\x9f",
    "\u00a0",
    "\u200b",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u00ad",
    "\u200e",
    "\u200f",
    "\u202e",
    "\u3000",
    # emoji, combining marks, scripts, broken encodings
    "🇺🇦",
    "👍🏽",
    "👨‍👩‍👧",
    "e\u0301",
    "\u0301",
    "\u0327\u0301",
    "Київ",
    "Путин",
    "مرحبا",
    "Zelenskyâ€™s",
    "â€œpeaceâ€",
    "Ã©",
    "Ã",
    "ï»¿",
    "ß",
    "ﬁ",
]

fragment = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12))
hostile_text = st.lists(fragment, max_size=40).map("".join)
# A page collapsed onto one line: long enough to meet the sentence length cap.
long_line = st.builds(
    lambda words, repeat: (" ".join(words) + " ") * repeat,
    st.lists(st.sampled_from([*WORDS, "word", "and", ","]), min_size=1, max_size=12),
    st.integers(min_value=50, max_value=300),
)
# Sentences the claim rules fire on, with hostile fragments around them.
claim_sentence = st.builds(
    "{} {} {}{}{}".format,
    st.sampled_from(["Putin", "Zelensky", "Trump", "The Kremlin", "Kyiv", "He"]),
    st.sampled_from(["demanded", "rejected", "agreed to", "refused", "offered", "said he wants"]),
    st.sampled_from(["a ceasefire", "the withdrawal of troops", "talks", "territory", "NATO"]),
    st.sampled_from([".", "!", "?", ',"', ".\n", "", " U.S."]),
    fragment,
)
claim_text = st.lists(claim_sentence, min_size=1, max_size=8).map(" ".join)
any_text = st.one_of(
    hostile_text,
    st.text(max_size=200),
    st.text(alphabet=".,;:!?\"'“”()-—… \n", max_size=100),
    st.text(alphabet=" \t\n\r\f\v\u00a0\u2028\u3000", max_size=50),
)

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200d\u2060\ufeff\u2028\u2029]")


# --- normalize_text -------------------------------------------------------------------------


@FAST
@given(st.one_of(any_text, long_line))
def test_normalized_text_has_only_plain_layout(text: str) -> None:
    """Newlines and single spaces are the only layout left; no invisible characters."""
    result = normalize_text(text)
    assert not _CONTROL.search(result), "control characters other than \\n and \\t remain"
    assert not _INVISIBLE.search(result)
    assert "\t" not in result and "  " not in result
    assert "\n\n\n" not in result
    assert result == result.strip("\n")
    assert all(line == line.strip(" ") for line in result.split("\n"))


_CP1252 = frozenset(bytes(range(0x80, 0x100)).decode("cp1252", "ignore"))


def _mojibake_prone(char: str) -> bool:
    """Characters that mis-decoded UTF-8 is made of, which the mojibake repair reacts to."""
    return not char.isascii() and (char in _CP1252 or ord(char) <= 0xFF)


@FAST
@given(st.one_of(any_text, long_line))
def test_normalized_text_is_nfc_and_idempotent_for_plain_visible_text(text: str) -> None:
    """Without invisible characters or mojibake look-alikes, one pass is final."""
    text = "".join(
        char for char in _INVISIBLE.sub("", _CONTROL.sub("", text)) if not _mojibake_prone(char)
    )
    result = normalize_text(text)
    assert unicodedata.is_normalized("NFC", result)
    assert normalize_text(result) == result


@FAST
@given(st.one_of(any_text, long_line))
def test_normalized_text_is_nfc_for_visible_text(text: str) -> None:
    text = _INVISIBLE.sub("", _CONTROL.sub("", text))
    assert unicodedata.is_normalized("NFC", normalize_text(text))


@FAST
@given(hostile_text)
@example("e\u200b\u0301")  # a zero-width space between a letter and its accent
def test_normalized_text_is_nfc(text: str) -> None:
    assert unicodedata.is_normalized("NFC", normalize_text(text))


@FAST
@given(hostile_text)
@example("a\x00\u0301")
@example("à¢\tx")  # mojibake that only shows once the tab becomes a space
def test_normalized_text_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


@pytest.mark.parametrize("text", ["a â€¨ b", "a â€© b"])
def test_repaired_mojibake_leaves_no_unicode_line_separators(text: str) -> None:
    """Mojibake of U+2028/U+2029 repairs to a separator, which must still become a newline."""
    result = normalize_text(text)
    assert not _INVISIBLE.search(result)
    assert normalize_text(result) == result


# --- readers --------------------------------------------------------------------------------


def _jsonl_bytes(lines: list[object]) -> bytes:
    rendered = [line if isinstance(line, str) else json.dumps(line) for line in lines]
    return "\n".join(rendered).encode("utf-8")


json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | any_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=8,
)
record = st.fixed_dictionaries(
    {},
    optional={
        "id": st.one_of(st.integers(), st.text(max_size=4), st.none(), st.booleans()),
        "text": st.one_of(any_text, json_value),
        "body": any_text,
        "title": st.one_of(any_text, json_value),
        "published": st.text(max_size=20),
    },
)
random_bytes = st.one_of(
    st.binary(max_size=400),
    any_text.map(lambda text: text.encode("utf-8", "surrogatepass")),
    any_text.map(lambda text: b"\xef\xbb\xbf" + text.encode("utf-8")),
    any_text.map(lambda text: text.encode("cp1252", "ignore")),
    any_text.map(lambda text: text.encode("utf-16")),
    st.lists(record, max_size=3).map(lambda items: json.dumps(items).encode("utf-8")),
    st.lists(st.one_of(record, json_value, any_text), max_size=6).map(_jsonl_bytes),
)


def _read(data: bytes, suffix: str) -> list[RawText | Reject]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        return list(read_file(path, path.name))


def _check_read(data: bytes, suffix: str) -> None:
    results = _read(data, suffix)
    source = f"input{suffix}"
    assert results, "every file yields at least one RawText or Reject"
    assert all(isinstance(result, RawText | Reject) for result in results)
    assert all(result.text.strip() for result in results if isinstance(result, RawText))
    if suffix != ".jsonl" or any(result.source == source for result in results):
        return
    text = decode(data, source)
    assert isinstance(text, str)
    lines = [line for line in text.split("\n") if line.strip()]
    assert len(results) == len(lines), "every non-blank line is a RawText or a Reject"
    assert all(result.source.startswith(f"{source}#") for result in results)


@SLOW
@given(random_bytes)
def test_reading_a_txt_file_accounts_for_it(data: bytes) -> None:
    _check_read(data, ".txt")


@SLOW
@given(random_bytes)
def test_reading_an_md_file_accounts_for_it(data: bytes) -> None:
    _check_read(data, ".md")


@SLOW
@given(random_bytes)
def test_reading_a_json_file_accounts_for_it(data: bytes) -> None:
    _check_read(data, ".json")


@SLOW
@given(random_bytes)
def test_reading_a_jsonl_file_accounts_for_every_line(data: bytes) -> None:
    _check_read(data, ".jsonl")


# --- annotate and extract -------------------------------------------------------------------


@cache
def _splitter(max_chars: int) -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("news_sentencizer", config={"max_chars": max_chars})
    return nlp


@FAST
@given(st.one_of(any_text, long_line), st.sampled_from([20, 60, 300]))
def test_sentences_tile_the_doc_within_the_length_cap(text: str, max_chars: int) -> None:
    doc = _splitter(max_chars)(text)
    sents = list(doc.sents) if len(doc) else []
    assert "".join(doc[sent.start : sent.end].text_with_ws for sent in sents) == text
    for sent in sents:
        assert sent[0].is_sent_start and not any(token.is_sent_start for token in sent[1:])
        assert len(sent.text) <= max_chars or len(sent) == 1


@cache
def _nlp() -> Language:
    """Built once per test session: building the pipeline costs far more than one example."""
    return build_nlp(load_settings(None))


@cache
def _extractor() -> ClaimExtractor:
    return build_extractor(load_settings(None))


@PIPELINE
@given(st.one_of(any_text, long_line, claim_text, claim_text.map(normalize_text)))
def test_annotation_spans_and_claims_point_into_the_text(text: str) -> None:
    doc = _nlp()(text)
    doc.user_data["doc_id"] = "property"
    sents = list(doc.sents) if len(doc) else []
    assert [sent.start for sent in sents] == [0, *(sent.end for sent in sents[:-1])][: len(sents)]
    assert (sents[-1].end if sents else 0) == len(doc)
    for sent in sents:
        assert sent.text == doc.text[sent.start_char : sent.end_char]
        assert len(sent.text) <= MAX_SENTENCE_CHARS or len(sent) == 1
    for mention in doc.spans.get("mentions", []):
        assert 0 <= mention.start < mention.end <= len(doc)
        assert 0 <= mention.start_char < mention.end_char <= len(text)
    for claim in _extractor().claims(doc):
        assert 0 <= claim.start_char <= claim.end_char <= len(text)
        assert claim.cue == text[claim.start_char : claim.end_char]
        assert claim.sentence == sents[claim.sentence_id].text.strip()


@FAST
@given(st.one_of(any_text, long_line, claim_text))
def test_words_and_text_from_the_token_arrays(text: str) -> None:
    doc = spacy.blank("en")(normalize_text(text))
    assert count_words(doc) == len(doc.text.split())
    assert doc_text(doc) == doc.text
