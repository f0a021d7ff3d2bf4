"""The kind of each sentence: headline, deck, subheading or body.

Guidelines v2 count the headline, the deck (standfirst), subheadings and list items as
units that carry claims, like the body. ``sentences.kind`` and ``claims.kind`` let an
analyst count them apart or leave them out. The kind is read from the paragraphs (lines)
of the normalised text, where page furniture is already gone:

- **headline**: the paragraph near the top with the same words as the document's title;
  without such a paragraph, the first paragraph when it has a headline's shape (short,
  no final punctuation);
- **deck**: the first paragraph after the headline that is more than a label ("CBC",
  "2 min read"), when it is short, opens no dateline ("MOSCOW, June 2 -") and is no
  photo caption;
- **subheading**: any other short paragraph of one sentence without final punctuation,
  unless it is a list item or the last paragraph (a sentence cut off by the end of the
  text);
- **body**: everything else, list items included.

Every sentence of a paragraph gets the paragraph's kind.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pipeline.extract.grammar.sentence import is_headline_text
from pipeline.records import Document

KINDS = ("headline", "deck", "subheading", "body")
BODY = "body"
HEADER_PARAGRAPHS = 8  # the headline stands among the first paragraphs, or nowhere
MIN_HEADLINE_WORDS = 3  # "Summary", "News Feed" are labels, not headlines
LABEL_WORDS = 3  # "CBC", "File photo", "2 min read" stand between headline and deck
DECK_WORDS = 30  # a longer paragraph is the body's first
SUBHEADING_WORDS = 20
# "MOSCOW, June 2 -", "WASHINGTON (Reuters) -", "KYIV —", "GENEVA:": the body's first words.
DATELINE = re.compile(r"^[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+)*\s*(?:,|\(|—|–|-|:)")
# A list item: a bullet, or a number or letter with a full stop or bracket.
LIST_ITEM = re.compile(r"^(?:[•·▪◦‣●○■□➢►*+–—-]\s|\(?(?:\d{1,2}|[a-z])[.)]\s)")

Row = dict[str, Any]
SentenceKey = tuple[str, int]


@dataclass(frozen=True)
class Paragraph:
    """One non-empty line of the text: where it starts and its words."""

    start: int
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


def paragraphs(text: str) -> list[Paragraph]:
    """The non-empty lines of ``text``, stripped, with their start offsets."""
    found: list[Paragraph] = []
    start = 0
    for line in text.split("\n"):
        if line.strip():
            found.append(Paragraph(start + len(line) - len(line.lstrip()), line.strip()))
        start += len(line) + 1
    return found


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _opens_body(paragraph: Paragraph) -> bool:
    return paragraph.words > DECK_WORDS or bool(DATELINE.match(paragraph.text))


def headline_index(paras: list[Paragraph], title: str | None) -> int | None:
    """The paragraph holding the headline: the title's words at the top, else a first
    paragraph shaped like a headline."""
    title_words = _words(title) if title else []
    for index, paragraph in enumerate(paras[:HEADER_PARAGRAPHS]):
        if _opens_body(paragraph):
            break
        if title_words and _words(paragraph.text) == title_words:
            return index
    if paras and _headline_shaped(paras[0]) and paras[0].words >= MIN_HEADLINE_WORDS:
        return 0
    return None


def deck_index(paras: list[Paragraph], headline: int | None) -> int | None:
    """The short paragraph under the headline, past any labels, before the body."""
    if headline is None:
        return None
    for index in range(headline + 1, len(paras) - 1):  # the last paragraph is body
        paragraph = paras[index]
        if paragraph.words <= LABEL_WORDS:
            continue
        caption = paragraph.text.endswith(")")  # "... (photo: Getty Images)"
        if _opens_body(paragraph) or caption or LIST_ITEM.match(paragraph.text):
            return None
        return index
    return None


def _headline_shaped(paragraph: Paragraph) -> bool:
    return is_headline_text(paragraph.text) and not LIST_ITEM.match(paragraph.text)


def paragraph_kinds(paras: list[Paragraph], title: str | None, sentences: list[int]) -> list[str]:
    """The kind of each paragraph; ``sentences`` counts the sentences of each."""
    headline = headline_index(paras, title)
    deck = deck_index(paras, headline)
    kinds = []
    for index, paragraph in enumerate(paras):
        if index == headline:
            kinds.append("headline")
        elif index == deck:
            kinds.append("deck")
        elif _is_subheading(paragraph, sentences[index]) and index < len(paras) - 1:
            kinds.append("subheading")
        else:
            kinds.append(BODY)
    return kinds


def _is_subheading(paragraph: Paragraph, sentences: int) -> bool:
    return sentences == 1 and _headline_shaped(paragraph) and paragraph.words <= SUBHEADING_WORDS


def document_kinds(text: str, title: str | None, sentences: Iterable[Row]) -> dict[int, str]:
    """sentence_id -> kind for one document's sentence rows (start_char into ``text``)."""
    paras = paragraphs(text)
    starts = [paragraph.start for paragraph in paras]
    holder = {
        row["sentence_id"]: bisect_right(starts, row["start_char"]) - 1
        for row in sentences
        if row["end_char"] > row["start_char"]  # whitespace-only sentences hold nothing
    }
    counts = [0] * len(paras)
    for index in holder.values():
        if index >= 0:
            counts[index] += 1
    kinds = paragraph_kinds(paras, title, counts)
    return {sentence: kinds[at] if at >= 0 else BODY for sentence, at in holder.items()}


def sentence_kinds(
    documents: Iterable[Document], sentences: Iterable[Row]
) -> Mapping[SentenceKey, str]:
    """(doc_id, sentence_id) -> kind for every sentence row of these documents."""
    by_doc: dict[str, list[Row]] = defaultdict(list)
    for row in sentences:
        by_doc[row["doc_id"]].append(row)
    kinds: dict[SentenceKey, str] = {}
    for document in documents:
        rows = by_doc.get(document.doc_id, [])
        for sentence_id, kind in document_kinds(document.text, document.title, rows).items():
            kinds[(document.doc_id, sentence_id)] = kind
    return kinds
