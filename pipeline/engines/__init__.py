"""Engines that run the stages' work: the local process pool and Dask distributed.

``pipeline.parallel.ordered_map`` is what the stages call; ``use_engine``
chooses the engine for every stage run inside it (the local pool of ``jobs``
processes when none was chosen).
"""

from pipeline.engines.base import Engine, EngineError, active_engine, use_engine
from pipeline.engines.choice import EngineChoice, choose, open_engine
from pipeline.engines.local import LocalEngine

__all__ = [
    "Engine",
    "EngineChoice",
    "EngineError",
    "LocalEngine",
    "active_engine",
    "choose",
    "open_engine",
    "use_engine",
]
