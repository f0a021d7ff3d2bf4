"""Stored Docs come back with their spans and user data; msgpack plugins still work."""

from __future__ import annotations

import catalogue
import numpy
import pytest
import spacy
import srsly
from spacy.tokens import Doc, DocBin, Span

from pipeline.annotate.patterns import CANDIDATES_KEY
from pipeline.annotate.store import (
    MENTIONS_KEY,
    AnnotatedStore,
    chunk_path,
    count_words,
    iter_annotated,
    write_annotated,
)


def test_docs_round_trip_with_mentions_and_user_data(tmp_path):
    nlp = spacy.blank("en")
    doc = nlp("Putin met Zelensky.")
    doc.user_data["doc_id"] = "d1"
    doc.spans[MENTIONS_KEY] = [Span(doc, 0, 1, label="putin", kb_id="alias")]
    target = chunk_path(tmp_path, "k1")
    assert write_annotated(target, [doc]) == 1
    [back] = list(iter_annotated(target))
    assert back.text == doc.text and back.user_data["doc_id"] == "d1"
    assert [(s.text, s.label_, s.kb_id_) for s in back.spans[MENTIONS_KEY]] == [
        ("Putin", "putin", "alias")
    ]


def test_msgpack_plugins_are_registered_once_not_rescanned():
    assert not srsly.msgpack_decoders.entry_points
    assert "numpy" in srsly.msgpack_decoders.get_all()
    array = numpy.arange(6).reshape(2, 3)
    assert (srsly.msgpack_loads(srsly.msgpack_dumps({"a": array}))["a"] == array).all()


def _fully_annotated_doc():
    """A Doc with every stored string attribute set, as a statistical pipeline leaves it."""
    nlp = spacy.blank("en")
    doc = Doc(
        nlp.vocab,
        words=["Putin", "wo", "n't", "accept", "Kyiv", "'s", "terms", "."],
        spaces=[True, False, True, True, False, True, False, False],
        tags=["NNP", "MD", "RB", "VB", "NNP", "POS", "NNS", "."],
        lemmas=["Putin", "will", "not", "accept", "Kyiv", "'s", "term", "."],
        morphs=["Number=Sing", "", "Polarity=Neg", "VerbForm=Inf", "", "", "Number=Plur", ""],
        heads=[3, 3, 3, 3, 6, 4, 3, 3],
        deps=["nsubj", "aux", "neg", "ROOT", "poss", "case", "dobj", "punct"],
        ents=["B-PERSON", "O", "O", "O", "B-GPE", "O", "O", "O"],
    )
    doc.ents = [Span(doc, 0, 1, label="PERSON", kb_id="Q7747", span_id="p1"), doc.ents[1]]
    doc.user_data.update({"doc_id": "d7", "published": "2025-08-15"})
    doc.spans[MENTIONS_KEY] = [Span(doc, 0, 1, label="putin", kb_id="alias", span_id="m1")]
    return doc


def test_annotated_store_matches_spacy_docbin():
    doc = _fully_annotated_doc()
    ours, stock = AnnotatedStore(store_user_data=True), DocBin(store_user_data=True)
    ours.add(doc)
    stock.add(doc)
    # Every string spaCy keeps; the only extra is "_", the empty morphology's own form.
    assert stock.strings <= ours.strings and ours.strings - stock.strings <= {"_"}
    assert [a.tolist() for a in ours.tokens] == [a.tolist() for a in stock.tokens]
    assert [a.tolist() for a in ours.spaces] == [a.tolist() for a in stock.spaces]
    assert (ours.user_data, ours.span_groups, ours.flags, ours.cats) == (
        stock.user_data,
        stock.span_groups,
        stock.flags,
        stock.cats,
    )


def test_annotated_store_round_trips_a_parsed_doc_into_a_fresh_vocab():
    doc = _fully_annotated_doc()
    store = AnnotatedStore(store_user_data=True)
    store.add(doc)
    data = store.to_bytes()
    [back] = DocBin().from_bytes(data).get_docs(spacy.blank("en").vocab)
    assert [(t.text, t.tag_, t.lemma_, str(t.morph), t.dep_, t.head.i) for t in back] == [
        (t.text, t.tag_, t.lemma_, str(t.morph), t.dep_, t.head.i) for t in doc
    ]
    assert [(e.text, e.label_, e.kb_id_, e.id_) for e in back.ents] == [
        ("Putin", "PERSON", "Q7747", "p1"),
        ("Kyiv", "GPE", "", ""),
    ]
    assert [(s.text, s.label_, s.kb_id_, s.id_) for s in back.spans[MENTIONS_KEY]] == [
        ("Putin", "putin", "alias", "m1")
    ]
    assert back.user_data == doc.user_data


def test_msgpack_plugin_lookup_follows_new_registrations():
    def tagged(obj, chain=None):
        return chain(obj) if chain else obj

    srsly.msgpack_encoders.register("test_tagged", func=tagged)
    try:
        assert "test_tagged" in srsly.msgpack_encoders.get_all()
    finally:
        catalogue._remove((*srsly.msgpack_encoders.namespace, "test_tagged"))
    assert "test_tagged" not in srsly.msgpack_encoders.get_all()


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n",
        "Putin met Zelensky.",
        "a  b\n\nc",
        "x\u00a0y z",
        " lead",
        "tail ",
        "a\tb",
        "U.S.-led talks, e.g. in Riyadh.",
        "word\u2003word",
        "a \n b",
        '"No," he said.\n\nKyiv  refused it.',
    ],
)
def test_count_words_equals_splitting_the_text(text):
    doc = spacy.blank("en")(text)
    assert count_words(doc) == len(doc.text.split())


def test_ruler_candidates_are_not_stored(tmp_path):
    nlp = spacy.blank("en")
    doc = nlp("Putin met Zelensky.")
    doc.user_data["doc_id"] = "d1"
    doc.spans[CANDIDATES_KEY] = [Span(doc, 0, 1, label="ALIAS")]
    doc.spans[MENTIONS_KEY] = [Span(doc, 0, 1, label="putin", kb_id="alias")]
    target = chunk_path(tmp_path, "k1")
    write_annotated(target, [doc])
    [back] = iter_annotated(target)
    assert list(back.spans) == [MENTIONS_KEY]


def test_strings_of_every_doc_are_kept_when_hashes_repeat():
    nlp = spacy.blank("en")
    store = AnnotatedStore()
    for text in ("Putin met Zelensky.", "Zelensky met Trump.", "Trump met Putin."):
        store.add(nlp(text))
    [*docs] = DocBin().from_bytes(store.to_bytes()).get_docs(spacy.blank("en").vocab)
    assert [doc.text for doc in docs] == [
        "Putin met Zelensky.",
        "Zelensky met Trump.",
        "Trump met Putin.",
    ]
