"""A long-lived worker does not keep the strings of the chunks it annotated."""

from __future__ import annotations

from pathlib import Path

from pipeline.annotate.stage import AnnotateWorker
from pipeline.annotate.store import iter_annotated
from pipeline.chunks import Chunk
from pipeline.config import load_settings
from pipeline.knowledge.bundle import shipped_knowledge
from pipeline.records import Document


def test_annotate_worker_forgets_a_chunks_strings_once_it_is_stored(tmp_path: Path) -> None:
    worker = AnnotateWorker(load_settings(), shipped_knowledge())
    worker.start()
    assert worker.nlp is not None
    text = "Officials in Qorvantha said the zyxtrelian envoy would return on Friday."
    chunk = Chunk("k1", [Document("d1", "a.txt", 0, text)])
    assert worker((tmp_path / "k1.spacy", chunk)) == (1, 11)
    assert "zyxtrelian" not in worker.nlp.vocab.strings
    assert "Qorvantha" not in worker.nlp.vocab.strings
    stored = next(iter_annotated(tmp_path / "k1.spacy"))
    assert stored.text == text  # the stored chunk keeps them
