"""Who a bare title ("the president") means in one document.

The office's holder on the article's date is only the default: an article
about another country's president calls him "the president" too. Near the
title, the last person named with it (or the holder) is meant; further away,
the person the document has named with the title, or the holder it names,
most often before it. A tally kept while the mentions are chosen makes each
look-up cheap, so the document is read once.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable

from spacy.tokens import Doc, Span

from pipeline.function_words import PAST_TITLE_WORDS
from pipeline.knowledge.actors import Actor

BARE_TITLE_REACH = 2  # sentences before the bare title's own that may introduce its holder

Lookup = Callable[[str], Actor | None]


def is_person(actor: Actor | None) -> bool:
    return actor is not None and actor.kind == "person"


def is_bare_title(span: Span, title: str | None) -> bool:
    """ "the president" or "President" alone, not "the U.S. president"."""
    words = [token.lower_ for token in span]
    return title is not None and words[-1:] == [title] and words[:-1] in ([], ["the"])


def named_with(span: Span, title: str) -> bool:
    """A mention that carries the title ("President Zelensky", "the Ukrainian president"),
    not a past one ("former President Medvedev")."""
    doc = span.doc
    words = [token.lower_ for token in span]
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    if title in words:
        return before not in PAST_TITLE_WORDS and words[0] not in PAST_TITLE_WORDS
    earlier = doc[span.start - 2].lower_ if span.start > 1 else ""
    return before == title and earlier not in PAST_TITLE_WORDS


class TitleTally:
    """People mentioned so far in a document: how often, and who was named with a title."""

    def __init__(self, titles: set[str], get: Lookup) -> None:
        self.titles = titles
        self.get = get
        self.counts: Counter[str] = Counter()
        self.last: dict[str, int] = {}
        self.titled: dict[str, set[str]] = {title: set() for title in titles}
        self.starts: list[int] | None = None

    def record(self, span: Span, bare: bool) -> None:
        """Count a chosen mention; a bare title itself is no evidence of who holds it."""
        if bare or not is_person(self.get(span.label_)):
            return
        self.counts[span.label_] += 1
        self.last[span.label_] = span.start
        for title in self.titles:
            if named_with(span, title):
                self.titled[title].add(span.label_)

    def holder(
        self, doc: Doc, span: Span, chosen: list[Span], title: str, default: str | None
    ) -> str | None:
        """Who the bare ``title`` at ``span`` means (see the module's docstring)."""
        near = self._near(doc, span, chosen, title, default)
        if near is not None:
            return near
        candidates = set(self.titled[title])
        if default is not None and self.counts[default]:
            candidates.add(default)
        if not candidates:
            return default
        return max(candidates, key=lambda actor: (self.counts[actor], self.last[actor]))

    def _near(
        self, doc: Doc, span: Span, chosen: list[Span], title: str, default: str | None
    ) -> str | None:
        """The last person in this sentence or the two before it who holds the office or
        was named with the title."""
        if self.starts is None:  # sentence starts, found once per document that needs them
            self.starts = [sent.start for sent in doc.sents]
        own = bisect_right(self.starts, span.start) - 1
        earliest = self.starts[max(0, own - BARE_TITLE_REACH)]
        for earlier in reversed(chosen):
            if earlier.start < earliest:
                break
            if not is_person(self.get(earlier.label_)):
                continue
            if earlier.label_ == default or named_with(earlier, title):
                return earlier.label_
        return None
