"""A long-lived worker does not keep the strings of the chunks it annotated."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.annotate.stage import AnnotateWorker
from pipeline.annotate.store import iter_annotated
from pipeline.chunks import Chunk
from pipeline.config import load_settings
from pipeline.knowledge.bundle import shipped_knowledge
from pipeline.records import Document


def test_annotate_worker_forgets_a_chunks_strings_once_it_is_stored(tmp_path: Path) -> None:
    worker = AnnotateWorker(load_settings(), shipped_knowledge(), forget_strings=True)
    worker.start()
    assert worker.nlp is not None
    text = "Officials in Qorvantha said the zyxtrelian envoy would return on Friday."
    chunk = Chunk("k1", [Document("d1", "a.txt", 0, text)])
    assert worker((tmp_path / "k1.spacy", chunk)) == (1, 11)
    assert "zyxtrelian" not in worker.nlp.vocab.strings
    assert "Qorvantha" not in worker.nlp.vocab.strings
    stored = next(iter_annotated(tmp_path / "k1.spacy"))
    assert stored.text == text  # the stored chunk keeps them


def test_annotate_worker_forgets_strings_only_on_engines_whose_workers_outlive_the_run() -> None:
    from pipeline.engines.base import Engine
    from pipeline.engines.local import LocalEngine

    assert Engine.long_lived is False and LocalEngine.long_lived is False
    dask = pytest.importorskip("pipeline.engines.dask")
    assert dask.DaskEngine.long_lived is True


def test_annotate_run_tells_the_worker_to_forget_strings_under_a_long_lived_engine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline.annotate import stage
    from pipeline.engines.local import LocalEngine

    seen: list[bool] = []

    def record(worker: AnnotateWorker, *args: object, **kwargs: object) -> object:
        seen.append(worker.forget_strings)
        raise RuntimeError("stop after the worker is built")

    class LongLived(LocalEngine):
        long_lived = True

    monkeypatch.setattr(stage, "run_chunk_stage", record)
    work = tmp_path / "work"
    work.mkdir()
    (work / "documents.jsonl").write_text("", encoding="utf-8")
    for engine in (None, LongLived()):
        monkeypatch.setattr(stage, "active_engine", lambda engine=engine: engine)
        with pytest.raises(RuntimeError):
            stage.run_annotate(work, load_settings(), shipped_knowledge())
    assert seen == [False, True]
