"""Progress bars count documents and words, and stay silent off a terminal."""

from __future__ import annotations

import io
import sys
import time

import pytest

from pipeline.progress import Progress


def test_counts_documents_and_words():
    with Progress("stage", enabled=False) as bar:
        bar.update(2, 300)
        bar.update(1, 50)
    assert (bar.documents, bar.words) == (3, 350)
    assert bar.words_per_second > 0


@pytest.mark.parametrize("enabled", [True, False])
def test_nothing_is_written_when_stderr_is_not_a_terminal(monkeypatch, enabled):
    stream = io.StringIO()  # isatty() is False, like a log file or a CI runner
    monkeypatch.setattr(sys, "stderr", stream)
    with Progress("stage", enabled=enabled) as bar:
        bar.update(5, 500)
    assert stream.getvalue() == ""


def test_a_terminal_gets_a_bar_with_words_per_second(monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    monkeypatch.setattr(sys, "stderr", stream)
    with Progress("annotate", enabled=True) as bar:
        time.sleep(0.2)  # the bar redraws at most ten times a second
        bar.update(5, 500)
    shown = stream.getvalue()
    assert "annotate" in shown and "words/s" in shown
