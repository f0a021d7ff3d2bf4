"""Documents longer than spaCy's nlp.max_length: annotated in pieces, offsets kept honest."""

from __future__ import annotations

import random

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.annotate.long_text import annotate_in_pieces, make_long_doc, piece_ends
from pipeline.annotate.stage import annotate_documents
from pipeline.config import load_settings
from pipeline.extract.stage import build_extractor
from pipeline.normalise.readers import RawText
from pipeline.normalise.stage import boilerplate_rules, to_documents
from pipeline.records import Document, Reject
from pipeline.tables.build import sentences_rows

WORDS = [
    "river",
    "hall",
    "road",
    "school",
    "bridge",
    "market",
    "garden",
    "winter",
    "summer",
    "harvest",
    "train",
    "station",
    "village",
    "library",
    "museum",
    "teacher",
    "farmer",
    "baker",
    "painter",
    "doctor",
    "lake",
    "mountain",
    "forest",
]
CLAIM = "Putin demanded that Ukraine withdraw its troops from Donetsk."


def filler(size: int, seed: int = 1) -> str:
    """Paragraphs of plain words (no actors, no cues), distinct so none is a repeat."""
    rng = random.Random(seed)
    paragraphs, length = [], 0
    while length < size:
        sentences = (" ".join(rng.choices(WORDS, k=12)).capitalize() + "." for _ in range(4))
        paragraph = " ".join(sentences) + "\n\n"
        paragraphs.append(paragraph)
        length += len(paragraph)
    return "".join(paragraphs)


@pytest.mark.parametrize(
    ("text", "limit"),
    [
        ("One two. Three four.\n\nFive six seven. Eight nine ten eleven.", 12),
        ("Words  with   double spaces\tand\ttabs, and \n \n odd breaks.", 9),
        ("A sentence ends here. Then another one ends. And a last one.", 30),
        ("abcdefghijklmnopqrstuvwxyz and more", 10),  # a "word" longer than the limit
        ("   leading space then words and words", 8),
    ],
)
def test_long_text_piece_ends_never_cut_inside_a_word(text, limit):
    ends = piece_ends(text, limit)
    starts = [0, *ends[:-1]]
    assert ends[-1] == len(text)
    assert all(0 < end - start <= limit for start, end in zip(starts, ends, strict=True))
    for cut in ends[:-1]:
        inside_long_word = not any(c.isspace() for c in text[cut - limit : cut])
        assert inside_long_word or (text[cut - 1].isspace() and not text[cut].isspace())


@pytest.mark.parametrize(
    "text", ["Lines.\nAnd more lines.\n\nA paragraph. With sentences!", "no break at all here"]
)
def test_long_text_piece_ends_prefer_line_breaks_then_sentence_ends(text):
    cut = piece_ends(text, len(text) - 1)[0]
    assert text[:cut].endswith(("\n\n", "\n", ". ", "! ", " "))
    if "\n" in text:
        assert text[:cut].endswith("\n")


def test_long_text_tokens_match_the_whole_text_tokenization():
    """Pieces end where the tokenizer separates tokens: the joined Doc is the whole one."""
    nlp = spacy.blank("en")
    rng = random.Random(5)
    words = ["word", "U.S.", ".", '"', "don't", "e.g.", "Mr.", "(a)"]
    spaces = [" ", "  ", "\n", "\n\n", " \n ", "\t", " \n\n  "]
    for _ in range(400):
        pairs = rng.randint(1, 30)
        text = "".join(rng.choice(words) + rng.choice(spaces) for _ in range(pairs))
        limit = rng.randint(12, 40)  # longer than any run of the text: no cut inside one
        whole = [token.text_with_ws for token in nlp.make_doc(text)]
        nlp.max_length = limit
        pieces = make_long_doc(nlp, text)
        nlp.max_length = 1_000_000
        assert pieces.text == text
        assert [token.text_with_ws for token in pieces] == whole


def test_long_text_model_components_see_pieces_and_project_components_the_whole_doc():
    seen: dict[str, list[int]] = {"model": [], "project": []}

    @Language.component("length_probe_model")
    def model_probe(doc: Doc) -> Doc:
        seen["model"].append(len(doc.text))
        return doc

    @Language.component("length_probe_project")
    def project_probe(doc: Doc) -> Doc:
        seen["project"].append(len(doc.text))
        assert doc.user_data["doc_id"] == "long"
        return doc

    nlp = spacy.blank("en")
    nlp.add_pipe("length_probe_model")
    nlp.add_pipe("news_sentencizer")
    nlp.add_pipe("length_probe_project", name="actor_linker")  # a project component's name
    nlp.max_length = 100
    text = filler(1000)
    doc = annotate_in_pieces(nlp, text, {"doc_id": "long"})
    assert doc.text == text
    assert len(seen["model"]) > 1 and max(seen["model"]) <= 100
    assert sum(seen["model"]) == len(text)
    assert seen["project"] == [len(text)]


@pytest.mark.integration
def test_annotate_long_document_finds_the_claim_near_its_end_with_true_offsets():
    """A 1.2 million character document (over spaCy's max_length) no longer stops the run."""
    text = "A long transcript\n\n" + filler(1_200_000) + CLAIM + "\n\nThe end.\n"
    assert len(text) > 1_000_000
    document = Document("long", "long.txt", 0, text, published="2025-06-01")
    settings = load_settings()
    (doc,) = annotate_documents(iter([document]), settings)
    assert "failed" not in doc.user_data
    assert doc.text == text
    claims = build_extractor(settings).claims(doc)
    assert [(claim.actor_id, claim.claim_type) for claim in claims] == [("putin", "demand")]
    (claim,) = claims
    assert text[claim.start_char : claim.end_char] == claim.cue == "demanded"
    sentence = sentences_rows(doc, text)[claim.sentence_id]
    assert sentence["text"] == claim.sentence == CLAIM
    assert text[sentence["start_char"] : sentence["end_char"]] == CLAIM
    assert sentence["start_char"] > 1_100_000


def test_normalise_rejects_a_document_over_max_document_chars():
    """Over the hard limit a document is a reject with the setting to change, not a stop."""
    rules = boilerplate_rules(load_settings())
    raw = RawText("big.txt", "Big page\n\n" + filler(5000))
    (reject,) = to_documents(raw, rules, max_chars=4000)
    assert isinstance(reject, Reject)
    assert reject.reason == "too_long"
    assert "normalise.max_document_chars" in reject.detail
    (document,) = to_documents(raw, rules, max_chars=10_000)
    assert isinstance(document, Document)
