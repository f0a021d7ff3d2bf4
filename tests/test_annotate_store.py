"""Stored Docs come back with their spans and user data; msgpack plugins still work."""

from __future__ import annotations

import numpy
import spacy
import srsly
from spacy.tokens import Span

from pipeline.annotate.store import MENTIONS_KEY, chunk_path, iter_annotated, write_annotated


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
