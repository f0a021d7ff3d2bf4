"""Reading names in a document's tokens: which capitalised words are names, where a
name beside a title begins and ends, its surname, and the slug it gets.

Only the tokens around title words and names are read as strings (``Words``), so
the finder of unknown actors costs little on articles full of text and few titles.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import overload

import numpy
from spacy.attrs import LOWER, ORTH, SENT_START
from spacy.strings import StringStore, get_string_id
from spacy.tokens import Doc

from pipeline.knowledge.actors import NameCues

MAX_NAME_WORDS = 4
NAME_JOINERS = frozenset({"-"})


def slug_of(words: tuple[str, ...] | list[str]) -> str:
    """A lowercase ASCII slug: "von der Leyen" -> "von_der_leyen", "Çavuşoğlu" -> "cavusoglu"."""
    text = unicodedata.normalize("NFKD", " ".join(words))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['’]", "", text)
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")


class Words(Sequence[str]):
    """A token column read from its hashes only where it is looked at: titles are rare,
    so most tokens never become strings."""

    def __init__(self, hashes: list[int], strings: StringStore, lower: bool = False) -> None:
        self.hashes = hashes
        self.strings = strings
        self.lower = lower

    def __len__(self) -> int:
        return len(self.hashes)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self.hashes)))]
        text = self.strings[self.hashes[index]]
        return text.lower() if self.lower else text


class NameReader:
    """The token columns of one document and what the cues say about each token."""

    def __init__(self, doc: Doc, cues: NameCues, taken: set[int]) -> None:
        self.doc = doc
        self.cues = cues
        self.taken = taken
        self.orth = doc.to_array(ORTH)
        self.texts = Words(self.orth.tolist(), doc.vocab.strings)
        self.lowers = Words(self.texts.hashes, doc.vocab.strings, lower=True)
        self.starts = (doc.to_array(SENT_START) == 1).tolist()
        self._title_case: dict[int, bool] = {}
        # a capitalised word also written in lower case in the article is a common word
        # ("Says" in a Title Case headline), not a name
        self.written = set(self.texts.hashes)

    def positions(self, words: Iterable[str], attr: int = LOWER) -> list[int]:
        """The tokens whose text (or lower-case form) is one of ``words``."""
        hashes = numpy.asarray([get_string_id(word) for word in words], dtype=numpy.uint64)
        column = self.orth if attr == ORTH else self.doc.to_array(LOWER)
        return numpy.flatnonzero(numpy.isin(column, hashes)).tolist()

    def is_name_word(self, i: int) -> bool:
        text = self.texts[i]
        plain = text.replace("-", "").replace("'", "").replace("’", "")
        return (
            i not in self.taken
            and plain.isalpha()
            and text[0].isupper()
            and not text.isupper()
            and self.lowers[i] not in self.cues.not_names
            and self.lowers[i] not in self.cues.titles
            and self.lowers[i] not in self.cues.modifiers
            and get_string_id(self.lowers[i]) not in self.written
        )

    def name_after(self, start: int) -> tuple[int, int]:
        """The name words from ``start`` on ("Jean Dupont", "Ursula von der Leyen",
        "John F. Kennedy")."""
        end = start
        while end < len(self.texts) and end - start < MAX_NAME_WORDS + 2:
            if end > start and self.starts[end]:
                break
            if not (self.is_name_word(end) or (end > start and self.joins(end))):
                break
            end += 1
        while end > start and not self.is_name_word(end - 1):
            end -= 1
        return start, end

    def joins(self, i: int) -> bool:
        """A word inside a name before more of it: a particle, a hyphen, an initial."""
        text = self.texts[i]
        inner = (
            self.lowers[i] in self.cues.particles
            or text in NAME_JOINERS
            or (len(text) == 2 and text[0].isupper() and text[1] == ".")
        )
        following = i + 1
        return (
            inner
            and following < len(self.texts)
            and (self.is_name_word(following) or self.lowers[following] in self.cues.particles)
        )

    def name_before(self, end: int) -> tuple[int, int]:
        """The name words that end just before ``end`` ("Ivan Petrov" before ", the ...")."""
        start = end
        while start > 0 and end - start < MAX_NAME_WORDS + 2:
            if self.is_name_word(start - 1) or (
                start < end and self.lowers[start - 1] in self.cues.particles
            ):
                start -= 1
                if self.starts[start]:
                    break
            else:
                break
        while start < end and not self.is_name_word(start):
            start += 1
        return start, end

    def surname(self, start: int, end: int) -> tuple[str, ...]:
        """The last name word with the particles before it ("von der Leyen")."""
        first = end - 1
        while first > start and (
            self.lowers[first - 1] in self.cues.particles or self.texts[first - 1] in NAME_JOINERS
        ):
            first -= 1
            if self.texts[first] in NAME_JOINERS and first > start:
                first -= 1  # "Smith-Jones": both halves
        return tuple(self.texts[first:end])

    def title_sentence(self, i: int) -> bool:
        """A sentence in Title Case (a headline): its capitals say nothing about names."""
        start = i
        while start > 0 and not self.starts[start]:
            start -= 1
        if start not in self._title_case:
            end = start + 1
            while end < len(self.starts) and not self.starts[end]:
                end += 1
            words = [text for text in self.texts[start:end] if text.isalpha() and len(text) > 3]
            self._title_case[start] = len(words) >= 4 and not any(w.islower() for w in words)
        return self._title_case[start]

    def role(self, head: int) -> str | None:
        """The title's words ("deputy foreign minister"), or None for an honorific."""
        if self.lowers[head] in self.cues.honorifics:
            return None
        start = head
        while start > 0 and self.lowers[start - 1] in self.cues.modifiers:
            start -= 1
        return " ".join(self.lowers[start : head + 1])
