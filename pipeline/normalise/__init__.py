"""Stage 1: read input files, clean their text and drop boilerplate."""

from __future__ import annotations

from pipeline.normalise.stage import normalise, run_normalise

__all__ = ["normalise", "run_normalise"]
