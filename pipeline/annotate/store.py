"""Reading and writing the annotate stage's output: a spaCy DocBin on disk.

Each Doc carries ``user_data["doc_id"]``; resolved actor mentions are in
``doc.spans[MENTIONS_KEY]`` with ``label_`` = actor id and ``kb_id_`` = how
the mention was found (alias, title, office, adjective, pronoun).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import catalogue
import numpy
import spacy
import srsly
from spacy.attrs import (
    DEP,
    ENT_ID,
    ENT_KB_ID,
    ENT_TYPE,
    IS_SPACE,
    LEMMA,
    MORPH,
    NORM,
    ORTH,
    SPACY,
    TAG,
)
from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

from pipeline.annotate.patterns import BLOCKED_KEY, CANDIDATES_KEY
from pipeline.annotate.sentences import token_columns
from pipeline.io import atomic_path

MENTIONS_KEY = "mentions"


def _scan_msgpack_plugins_once() -> None:
    """Register srsly's msgpack plugins from installed packages once, then stop rescanning.

    srsly looks the plugins up among every installed package's entry points on
    each unpack, about half a millisecond for each stored Doc; registering
    them once keeps the same plugins at a fraction of the cost. Even then each
    pack and unpack walks catalogue's whole registry (about 0.1 ms, four times
    per Doc), so the lookup is kept until something new is registered.
    """
    for registry in (srsly.msgpack_encoders, srsly.msgpack_decoders):
        if registry.entry_points:
            for name, function in registry.get_entry_points().items():
                registry.register(name, func=function)
            registry.entry_points = False
        registry.get_all = _remembered(registry.get_all)


def _remembered(get_all: Callable[[], dict[str, Any]]) -> Callable[[], dict[str, Any]]:
    """``get_all`` answered again only when catalogue's registry has grown or shrunk."""
    seen: dict[str, Any] = {"size": -1, "plugins": {}}

    def lookup() -> dict[str, Any]:
        size = len(catalogue.REGISTRY)
        if size != seen["size"]:
            seen.update(size=size, plugins=get_all())
        return dict(seen["plugins"])

    return lookup


_scan_msgpack_plugins_once()
CHUNK_SUFFIX = ".spacy"


def chunk_path(folder: Path, key: str) -> Path:
    """Where the annotate stage stores the chunk with this key."""
    return Path(folder) / f"{key}{CHUNK_SUFFIX}"


# Token attributes whose values are string hashes: their strings travel with the file.
_STRING_ATTRS = (ORTH, TAG, LEMMA, NORM, MORPH, DEP, ENT_TYPE, ENT_KB_ID, ENT_ID)


class AnnotatedStore(DocBin):
    """A DocBin whose ``add`` finds the tokens' strings from their hash columns.

    spaCy's own ``add`` asks every token for nine strings, one Python call
    each: a third of the annotate stage on blank English. The file written is
    an ordinary DocBin with the same arrays and strings. Hashes already added
    are remembered, so each chunk looks up each string once.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._hashes: set[int] = set()

    def add(self, doc: Doc) -> None:
        array = doc.to_array(list(self.attrs)).reshape((len(doc), len(self.attrs)))
        self.tokens.append(array)
        self.spaces.append(numpy.asarray(doc.to_array(SPACY), dtype=bool).reshape((-1, 1)))
        self.flags.append({"has_unknown_spaces": doc.has_unknown_spaces})
        self.strings.add("")
        strings = doc.vocab.strings
        hashes = set(numpy.unique(doc.to_array(list(_STRING_ATTRS))).tolist())
        hashes.discard(0)
        for value in hashes - self._hashes:
            self.strings.add(strings[value])
        self._hashes |= hashes
        self.cats.append(doc.cats)
        if self.store_user_data:
            self.user_data.append(srsly.msgpack_dumps(doc.user_data))
        self.span_groups.append(doc.spans.to_bytes())
        for group in doc.spans.values():
            for span in group:
                self.strings.add(span.label_)
                for value, text in ((span.kb_id, span.kb_id_), (span.id, span.id_)):
                    if value in strings:
                        self.strings.add(text)


def write_annotated(target: Path, docs: Iterable[Doc]) -> int:
    """Store docs with their spans and user data; return how many were written.

    The ruler's candidates are left out: the linker has resolved them into the
    mentions, and no later stage reads them.
    """
    store = AnnotatedStore(store_user_data=True)
    count = 0
    for doc in docs:
        doc.spans.pop(CANDIDATES_KEY, None)
        doc.spans.pop(BLOCKED_KEY, None)
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


def count_words(doc: Doc) -> int:
    """``len(doc.text.split())`` from the token arrays, without building the text.

    A word ends at a non-space token followed by a space, a whitespace token or
    the end of the doc; ``doc.text`` would make a Token object per token.
    """
    if not len(doc):
        return 0
    array = doc.to_array([IS_SPACE, SPACY]).astype(bool)
    is_space, spaced = array[:, 0], array[:, 1]
    next_is_space = numpy.append(is_space[1:], True)
    return int(numpy.count_nonzero(~is_space & (spaced | next_is_space)))


def doc_text(doc: Doc) -> str:
    """``doc.text`` from the token arrays: ``Doc.text`` makes a Token object per token."""
    texts, spaces = token_columns(doc)
    return "".join([text + space for text, space in zip(texts, spaces, strict=True)])
