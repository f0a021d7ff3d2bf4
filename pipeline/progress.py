"""Progress bars for long stages: documents and words per second, on stderr.

Bars appear only on a terminal (tqdm turns itself off when stderr is a file
or a pipe, as in CI and ``make`` logs) and never with ``--quiet``.
"""

from __future__ import annotations

import time
from types import TracebackType
from typing import Any


class Progress:
    """Counts documents and words for one stage; draws a bar when that is wanted."""

    def __init__(self, stage: str, total: int | None = None, enabled: bool = True) -> None:
        self.stage = stage
        self.documents = 0
        self.words = 0
        self.started = time.perf_counter()
        self._bar: Any = None
        if enabled:
            from tqdm import tqdm

            self._bar = tqdm(total=total, desc=stage, unit="doc", disable=None, leave=False)

    def update(self, documents: int, words: int) -> None:
        self.documents += documents
        self.words += words
        if self._bar is not None:  # the postfix first: update() redraws at most 10 times a second
            self._bar.set_postfix_str(f"{self.words_per_second:,.0f} words/s", refresh=False)
            self._bar.update(documents)

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else 0.0

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.close()
