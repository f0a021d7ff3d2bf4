"""The same article read twice (two files, two feed records) is flagged, not counted twice.

Two documents are the same article when their cleaned texts have the same
words in the same order, ignoring case, punctuation, quotes and spacing: a
feed export and a saved web page of one story differ in exactly those. The
first document in input order is kept; a later copy gets ``duplicate_of``
set to its doc id and contributes no sentences, mentions or claims.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re

from pipeline.records import Document

_WORDS = re.compile(r"\w+")
MIN_WORDS = 20  # shorter texts (a stub, a one-line brief) may repeat without being one article


def text_fingerprint(text: str) -> bytes | None:
    """A digest of the text's words, or None when it is too short to identify an article."""
    words = _WORDS.findall(text.casefold())
    if len(words) < MIN_WORDS:
        return None
    return hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=16).digest()


class DuplicateFinder:
    """Remembers one fingerprint per distinct article seen so far in the run."""

    def __init__(self) -> None:
        self._first: dict[bytes, str] = {}

    def mark(self, document: Document) -> Document:
        """The document, with ``duplicate_of`` set when an earlier one has the same text."""
        key = text_fingerprint(document.text)
        if key is None:
            return document
        first = self._first.setdefault(key, document.doc_id)
        if first == document.doc_id:
            return document
        return dataclasses.replace(document, duplicate_of=first)
