"""The synthetic benchmark corpus: right size, mixed formats, reproducible, not a plain copy."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "raw"
DOCUMENTS = 60


def _load() -> ModuleType:
    """Load benchmarks/corpus.py from its path: benchmarks is not a package."""
    name = "benchmark_corpus"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / "corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


corpus = _load()


def _files(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    out = tmp_path_factory.mktemp("corpus")
    return out, corpus.build_corpus(SEEDS, out, DOCUMENTS, 7)


def test_counts_documents_across_formats(built: tuple[Path, Any]) -> None:
    out, stats = built
    files = _files(out)
    suffixes = [Path(name).suffix for name in files]
    records = [
        json.loads(line)
        for name, data in files.items()
        if name.endswith(".jsonl")
        for line in data.decode("utf-8").splitlines()
    ]
    single = sum(suffix in {".txt", ".md", ".html"} for suffix in suffixes)
    assert single + len(records) == DOCUMENTS == stats.documents
    assert {".txt", ".md", ".html", ".jsonl"} <= set(suffixes)
    assert stats.files == len(files)
    assert stats.bytes == sum(len(data) for data in files.values())
    assert all(name.count("/") >= 1 for name in files)  # in day folders, not at the top
    assert {"id", "title", "url", "published", "outlet", "author", "text"} <= set(records[0])
    assert all(record["published"].startswith("2025-") for record in records)


def test_same_seed_same_bytes_other_seed_differs(built: tuple[Path, Any], tmp_path: Path) -> None:
    out, _ = built
    again, other = tmp_path / "again", tmp_path / "other"
    corpus.build_corpus(SEEDS, again, DOCUMENTS, 7)
    corpus.build_corpus(SEEDS, other, DOCUMENTS, 8)
    assert _files(again) == _files(out)
    assert _files(other) != _files(out)


def test_names_are_swapped(built: tuple[Path, Any]) -> None:
    out, _ = built
    seed_text = " ".join(path.read_text(encoding="utf-8") for path in SEEDS.iterdir())
    people = corpus._NameSwapper(corpus.DEFAULT_ACTORS).people.values()
    absent = {person.name for person in people if person.name not in seed_text}
    texts = [path.read_text(encoding="utf-8") for path in out.rglob("*.txt")]
    assert texts
    swapped_in = [text for text in texts if any(name in text for name in absent)]
    # People the seeds never mention now appear, so the text is not a mere repetition.
    assert len(swapped_in) >= len(texts) // 4


def test_refuses_a_non_empty_folder_unless_forced(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("not ours", encoding="utf-8")
    with pytest.raises(FileExistsError):
        corpus.build_corpus(SEEDS, tmp_path, 5, 1)
    assert (tmp_path / "keep.txt").exists()
    stats = corpus.build_corpus(SEEDS, tmp_path, 5, 1, force=True)
    assert not (tmp_path / "keep.txt").exists()
    assert stats.documents == 5


def test_script_prints_a_one_line_summary(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert (
        corpus.main(["--seeds", str(SEEDS), "--out", str(tmp_path / "c"), "--documents", "3"]) == 0
    )
    line = capsys.readouterr().out.strip()
    assert "\n" not in line and line.startswith("documents=3 files=")
