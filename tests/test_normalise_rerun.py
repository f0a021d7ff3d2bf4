"""A normalise rerun reads only the inputs that changed and writes what a fresh run writes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pipeline.config import DOCUMENTS_FILE, REJECTS_FILE, Settings, load_settings
from pipeline.normalise import stage
from pipeline.normalise.manifest import MANIFEST_FILE

ARTICLE = (
    "Russian President Vladimir Putin demanded that Ukraine withdraw from the Donbas. "
    "Ukrainian President Volodymyr Zelensky rejected the demand on {day}, saying Kyiv would "
    "never trade its land for promises, and European leaders backed him at the summit."
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    for index, day in enumerate(["Monday", "Tuesday", "Wednesday"]):
        (folder / f"a{index}.txt").write_text(ARTICLE.format(day=day), encoding="utf-8")
    (folder / "sub" / "copy.md").write_text(ARTICLE.format(day="Monday"), encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    record = json.dumps({"id": "r1", "text": ARTICLE.format(day="Friday")})
    feed = f"{record}\n{{broken\n"
    (folder / "feed.jsonl").write_text(feed, encoding="utf-8")
    return folder


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The sources normalise actually reads from disk."""
    seen: list[str] = []
    original = stage.read_file

    def counting(path, source, options):
        seen.append(source)
        return original(path, source, options)

    monkeypatch.setattr(stage, "read_file", counting)
    return seen


def outputs(work: Path) -> tuple[bytes, bytes]:
    return (work / DOCUMENTS_FILE).read_bytes(), (work / REJECTS_FILE).read_bytes()


def fresh(corpus: Path, tmp_path: Path, settings: Settings | None = None) -> tuple[bytes, bytes]:
    work = tmp_path / "fresh"
    stage.run_normalise(corpus, work, settings or load_settings())
    return outputs(work)


def test_a_rerun_with_nothing_changed_reads_nothing(corpus, tmp_path, reads):
    work = tmp_path / "work"
    first = stage.run_normalise(corpus, work, load_settings())
    written = outputs(work)
    reads.clear()
    assert stage.run_normalise(corpus, work, load_settings()) == first
    assert reads == []
    assert outputs(work) == written


def test_only_the_changed_file_is_read_again(corpus, tmp_path, reads):
    work = tmp_path / "work"
    stage.run_normalise(corpus, work, load_settings())
    target = corpus / "a1.txt"
    target.write_text(ARTICLE.format(day="Thursday"), encoding="utf-8")
    os.utime(target, ns=(1, 1))  # a different signature even on coarse clocks
    reads.clear()
    stage.run_normalise(corpus, work, load_settings())
    assert reads == ["a1.txt"]
    reads.clear()
    assert outputs(work) == fresh(corpus, tmp_path)


def test_added_and_removed_files_match_a_fresh_run(corpus, tmp_path, reads):
    work = tmp_path / "work"
    stage.run_normalise(corpus, work, load_settings())
    (corpus / "a0.txt").unlink()
    (corpus / "b.txt").write_text(ARTICLE.format(day="Sunday"), encoding="utf-8")
    reads.clear()
    stage.run_normalise(corpus, work, load_settings())
    assert reads == ["b.txt"]
    assert outputs(work) == fresh(corpus, tmp_path)


def test_duplicates_are_flagged_again_when_the_first_copy_goes(corpus, tmp_path):
    work = tmp_path / "work"
    stage.run_normalise(corpus, work, load_settings())
    assert b'"duplicate_of": null' in outputs(work)[0]
    assert outputs(work)[0].count(b'"duplicate_of": "') == 1  # sub/copy.md copies a0.txt
    (corpus / "a0.txt").unlink()
    stage.run_normalise(corpus, work, load_settings())
    assert outputs(work)[0].count(b'"duplicate_of": "') == 0
    assert outputs(work) == fresh(corpus, tmp_path)


def test_other_settings_read_everything_again(corpus, tmp_path, reads):
    work = tmp_path / "work"
    stage.run_normalise(corpus, work, load_settings())
    changed = load_settings().with_overrides({"normalise": {"max_file_bytes": 4000}})
    reads.clear()
    stage.run_normalise(corpus, work, changed)
    assert len(reads) == 6


def test_a_damaged_manifest_means_a_full_read(corpus, tmp_path, reads):
    work = tmp_path / "work"
    stage.run_normalise(corpus, work, load_settings())
    (work / MANIFEST_FILE).write_text("{not json", encoding="utf-8")
    reads.clear()
    stage.run_normalise(corpus, work, load_settings())
    assert len(reads) == 6
    assert outputs(work) == fresh(corpus, tmp_path)


@pytest.mark.integration
def test_two_processes_write_the_same_files(corpus, tmp_path):
    work = tmp_path / "two"
    stage.run_normalise(corpus, work, load_settings(), jobs=2)
    assert outputs(work) == fresh(corpus, tmp_path)
