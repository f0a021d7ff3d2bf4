"""Reading and writing the annotate stage's output: a spaCy DocBin on disk.

Each Doc carries ``user_data["doc_id"]``; resolved actor mentions are in
``doc.spans[MENTIONS_KEY]`` with ``label_`` = actor id and ``kb_id_`` = how
the mention was found (alias, title, office, adjective, pronoun).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
import srsly
from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

from pipeline.io import atomic_path

MENTIONS_KEY = "mentions"


def _scan_msgpack_plugins_once() -> None:
    """Register srsly's msgpack plugins from installed packages once, then stop rescanning.

    srsly looks the plugins up among every installed package's entry points on
    each unpack, about half a millisecond for each stored Doc; registering
    them once keeps the same plugins at a fraction of the cost.
    """
    for registry in (srsly.msgpack_encoders, srsly.msgpack_decoders):
        if registry.entry_points:
            for name, function in registry.get_entry_points().items():
                registry.register(name, func=function)
            registry.entry_points = False


_scan_msgpack_plugins_once()
CHUNK_SUFFIX = ".spacy"


def chunk_path(folder: Path, key: str) -> Path:
    """Where the annotate stage stores the chunk with this key."""
    return Path(folder) / f"{key}{CHUNK_SUFFIX}"


def write_annotated(target: Path, docs: Iterable[Doc]) -> int:
    """Store docs with their spans and user data; return how many were written."""
    store = DocBin(store_user_data=True)
    count = 0
    for doc in docs:
        store.add(doc)
        count += 1
    with atomic_path(target) as tmp:
        store.to_disk(tmp)
    return count


@functools.cache
def _shared_vocab() -> Vocab:
    """One vocabulary for every read: building a blank pipeline per chunk costs 0.1 s."""
    return spacy.blank("en").vocab


def iter_annotated(source: Path, vocab: Vocab | None = None) -> Iterator[Doc]:
    """Yield the stored docs in the order they were written."""
    store = DocBin(store_user_data=True).from_disk(source)
    yield from store.get_docs(vocab or _shared_vocab())
