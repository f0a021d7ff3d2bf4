"""Pick the one topic a claim is about: the topic word closest to its cue.

Words after the cue (its object: "rejected the land swap") are preferred to
words before it, which more often describe the actor or the setting; words in
another clause count as farther; an object that points back ("agree to that")
takes the topic of the sentence before. See ``choose_topic``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from spacy.tokens import Span

from pipeline.extract.topic_finder import FOLDING_EXTRAS, TopicFinder
from pipeline.knowledge.topics import TopicHit, TopicLexicon

__all__ = ["FOLDING_EXTRAS", "OTHER", "TopicFinder", "TopicScorer", "choose_topic"]

OTHER = "other"
BEFORE_PENALTY = 2.5  # a topic word before the cue counts as this many times farther


def choose_topic(
    lexicon: TopicLexicon | TopicFinder,
    sent: Span,
    cue_start: int,
    cue_end: int,
    previous: Span | None = None,
    doc_text: str | None = None,
) -> str:
    """Topic of the nearest lexicon hit to the cue (character offsets in the doc); see
    ``TopicScorer`` for what counts as near.

    ``doc_text``, the doc's text when the caller has it, spares building the
    sentences' texts token by token.

    An object that points back ("agree to that", "this concession") stands for
    the topic of the sentence before, or the one before that. A sentence without
    any topic word, or with generic words only as its setting, usually continues
    the previous one ("Kyiv says it won't happen soon" after a sentence on NATO),
    so the previous sentence's topic is used before falling back to "other".
    """
    text = _text(sent, doc_text)
    found = lexicon.find(text)
    hits = _heads(found, text, lexicon.generic)
    start, end = cue_start - sent.start_char, cue_end - sent.start_char
    known = _lexicon(lexicon)
    pointer = _pointing_back(lexicon, hits, text, start, end, previous, doc_text)
    if pointer is not None:
        hits.append(pointer)
    if not hits:
        earlier = _earlier_topic(lexicon, previous, doc_text, generic_ok=True, depth=1)
        return earlier or OTHER
    if all(hit.weak for hit in hits):
        # Only weak phrases ("rejected the plan"): the plan's content, when the sentence
        # before named it, says more than the weak phrase does.
        earlier = _earlier_topic(lexicon, previous, doc_text, depth=1)
        if earlier is not None:
            return earlier
    scorer = TopicScorer(text, start, end, lexicon.generic, _ranks(lexicon.topics), hits)
    scorer.drop_subject(known.subjects)
    best = scorer.best()
    if scorer.cost(best) == float("inf"):
        # Only settings ("at the talks in Rome"): what was asked for is likelier
        # named in the previous sentence than in the setting.
        earlier = _earlier_topic(lexicon, previous, doc_text, depth=1)
        if earlier is not None:
            return earlier
        best = scorer.nearest()
    return _narrowed(known, best, found, text)


def _pointing_back(
    lexicon: TopicLexicon | TopicFinder,
    hits: list[TopicHit],
    text: str,
    start: int,
    end: int,
    previous: Span | None,
    doc_text: str | None,
) -> TopicHit | None:
    """A hit for an object that points back ("agree to that"), with the topic it stands
    for: in its own sentence what the claim's clause opened with, else an earlier one."""
    known = _lexicon(lexicon)
    if known.anaphora is None:
        return None
    pointer = _anaphor(known, text, start, end)
    if pointer is None:
        return None
    before = [hit for hit in hits if hit.end <= start and _specific(hit, lexicon.generic)]
    earlier = before[0].topic if before else None
    earlier = earlier or _earlier_topic(lexicon, previous, doc_text)
    if earlier is None:
        return None
    return TopicHit(earlier, pointer[0], pointer[1], "(anaphor)")


@dataclass
class TopicScorer:
    """The cost of each topic hit of a sentence as the topic of one cue; the cheapest wins.

    Distances follow the claim's phrase: a word before the cue counts as farther
    than one after it, and every clause mark between a word and the cue (a comma,
    a dash, a semicolon) adds to its distance. A word that only modifies the next
    one ("the Russian-occupied nuclear plant") gives way to it, and a broad topic
    gives way to the narrower one its phrase names ("a halt to strikes on power
    plants" is about energy).

    A generic word ("talks") counts only as the cue's direct object with no
    content of its own ("accept a negotiating process"), a weak phrase ("guarantees
    that ...") only when nothing else is named, and a ``subjects`` term opening
    the sentence ("NATO urged ...") is the actor, not the topic.
    """

    text: str
    start: int  # the cue's offsets in ``text``
    end: int
    generic: frozenset[str]
    order: dict[str, int]  # the lexicon's order of topics, for ties
    hits: list[TopicHit]
    specific: list[TopicHit] = field(init=False)

    def __post_init__(self) -> None:
        self.specific = [hit for hit in self.hits if _specific(hit, self.generic)]

    def drop_subject(self, subjects: frozenset[str]) -> None:
        """ "NATO urged allies to ..." names the actor, not the topic."""
        if not subjects or not self.specific or self.specific[0].term not in subjects:
            return
        subject, text = self.specific[0], self.text
        if (
            subject.end <= self.start
            and SUBJECT_LEAD.fullmatch(text, 0, subject.start)
            and not _boundaries(text, subject.end, self.start)
            and len(self.specific) > 1
            and text[self.start : self.end].lower() not in MODAL_CUES  # "NATO must withdraw"
        ):
            self.hits.remove(subject)
            self.specific.remove(subject)

    def distance(self, hit: TopicHit) -> float:
        text, start, end = self.text, self.start, self.end
        if hit.start >= end:
            return hit.start - end + BOUNDARY_COST * _boundaries(text, end, hit.start)
        if hit.end <= start:
            gap = (start - hit.end) * BEFORE_PENALTY
            return gap + BOUNDARY_COST * _boundaries(text, hit.end, start)
        return 0.0

    def cost(self, hit: TopicHit) -> float:
        if hit.weak:  # "guarantees that ..." only when nothing else is named
            return float("inf") if self.specific else self.distance(hit)
        if hit.topic not in self.generic:
            return self.distance(hit)
        # "talks" or "a negotiating process" wins only as the cue's own object, just
        # after it; not as the setting ("at the summit") or the claim's verb.
        if hit.start < self.end or not OBJECT_GAP.fullmatch(self.text, self.end, hit.start):
            return float("inf")
        if self.text[hit.start : hit.end].lower() in GENERIC_VERBS or self._has_content(hit):
            return float("inf")
        return self.distance(hit) + GENERIC_COST

    def _has_content(self, hit: TopicHit) -> bool:
        """Whether a specific word follows in the generic word's own phrase ("the
        peace deal signed only after elections"): then that word says what it is about."""
        return any(
            0 <= other.start - hit.end <= CONTENT_REACH
            and not _boundaries(self.text, hit.end, other.start)
            for other in self.specific
        )

    def best(self) -> TopicHit:
        """The cheapest hit; on a tie, the topic listed first in the lexicon."""
        return min(self.hits, key=lambda hit: (self.cost(hit), self._rank(hit)))

    def nearest(self) -> TopicHit:
        """The nearest hit whatever its kind, when every hit is only a setting."""
        return min(self.hits, key=lambda hit: (self.distance(hit), self._rank(hit)))

    def _rank(self, hit: TopicHit) -> int:
        return self.order.get(hit.topic, len(self.order))


SUBJECT_LEAD = re.compile(r"[\s\"'\u2018\u201c]*(?:the\s+)?", re.IGNORECASE)
MODAL_CUES = frozenset({"must", "should", "has to", "have to", "needs to", "need to", "cannot"})
GENERIC_COST = 25.0  # characters added to a "talks" or "summit" hit that is the cue's object
# Between a cue and its object: up to two words that are no preposition or verb marker.
OBJECT_GAP = re.compile(
    r"(?:\s+(?!(?:at|after|before|during|in|on|with|to|for|since|following|ahead|of|from|by|"
    r"about|over|amid|until|that|and|or|but|would|will|could|should|be|is|was)\b)[\w'\u2019.]+){0,2}\s+",
    re.IGNORECASE,
)
CONTENT_REACH = 60  # characters after a generic object within which its content is named
GENERIC_VERBS = frozenset({"negotiate", "negotiated", "meet", "meets", "sit down"})
BOUNDARY_COST = 30.0  # added per clause mark ('while', 'because' too) between a word and the cue
NARROWING_GAP = 40  # at most this many characters between a broad and a narrowing term
CLAUSE_MARKS = re.compile(
    r"[,;:()\[\]\u2013\u2014]|\s-\s|\b(?:while|whereas|although|though|because)\b", re.IGNORECASE
)
HYPHEN_GAP = re.compile(r"[\s\-\u2010\u2011]*")  # between a modifier and its noun
ANAPHOR_REACH = 30  # characters after the cue within which a pointing-back object is sought
ANAPHOR_LEAD = 25  # characters before the cue end: "this concession" when the cue is "concession"


def _specific(hit: TopicHit, generic: frozenset[str]) -> bool:
    """Whether a hit names a topic of its own: not "talks", not a weak phrase."""
    return not hit.weak and hit.topic not in generic


@functools.cache
def _ranks(topics: tuple[str, ...]) -> dict[str, int]:
    return {topic: rank for rank, topic in enumerate(topics)}


def _lexicon(lexicon: TopicLexicon | TopicFinder) -> TopicLexicon:
    return lexicon.lexicon if isinstance(lexicon, TopicFinder) else lexicon


def _boundaries(text: str, start: int, end: int) -> int:
    """Clause marks between two offsets of the sentence."""
    return len(CLAUSE_MARKS.findall(text, start, end)) if end > start else 0


def _heads(hits: list[TopicHit], text: str, generic: frozenset[str]) -> list[TopicHit]:
    """Drop a one-word hit that only modifies the next one ("occupied" in "the
    occupied nuclear plant"): nothing but a space or a hyphen between them, and
    the next one names a specific topic of its own."""
    kept: list[TopicHit] = []
    for index, hit in enumerate(hits):
        following = hits[index + 1] if index + 1 < len(hits) else None
        if (
            following is not None
            and following.topic != hit.topic
            and _specific(following, generic)
            and not any(char.isspace() for char in text[hit.start : hit.end])
            and HYPHEN_GAP.fullmatch(text, hit.end, following.start)
        ):
            continue
        kept.append(hit)
    return kept


def _narrowed(lexicon: TopicLexicon, best: TopicHit, hits: list[TopicHit], text: str) -> str:
    """The narrower topic a hit's own phrase names, if any, else the hit's topic."""
    if not lexicon.narrowing:
        return best.topic
    for hit in hits:
        if not lexicon.narrower(best.topic, hit.topic):
            continue
        left, right = (best.end, hit.start) if hit.start >= best.end else (hit.end, best.start)
        if 0 <= right - left <= NARROWING_GAP and not _boundaries(text, left, right):
            return hit.topic
    return best.topic


def _anaphor(lexicon: TopicLexicon, text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of an object just after the cue that points back, if there is one."""
    assert lexicon.anaphora is not None
    window_start = max(0, end - ANAPHOR_LEAD, start - ANAPHOR_LEAD)
    for match in lexicon.anaphora.finditer(text, window_start, min(len(text), end + ANAPHOR_REACH)):
        if match.end() >= end and not _boundaries(text, end, match.start()):
            return match.start(), match.end()
    return None


def _main_topic(hits: list[TopicHit]) -> str | None:
    """The topic named most often among ``hits``; on a tie, the one named last."""
    if not hits:
        return None
    counts: dict[str, int] = {}
    last: dict[str, int] = {}
    for index, hit in enumerate(hits):
        counts[hit.topic] = counts.get(hit.topic, 0) + 1
        last[hit.topic] = index
    return max(counts, key=lambda topic: (counts[topic], last[topic]))


def _earlier_topic(
    lexicon: TopicLexicon | TopicFinder,
    previous: Span | None,
    doc_text: str | None,
    generic_ok: bool = False,
    depth: int = 2,
) -> str | None:
    """The specific topic the previous sentence names most (see ``_main_topic``), or
    the one before it (``depth`` sentences back at most); with ``generic_ok`` the
    previous sentence's last word of any topic when it names no specific one."""
    span = previous
    for step in range(depth):
        if span is None:
            return None
        hits = lexicon.find(_text(span, doc_text))
        specific = [hit for hit in hits if _specific(hit, lexicon.generic)]
        if specific:
            return _main_topic(specific)
        if generic_ok and hits and step == 0:
            return hits[-1].topic
        span = _sentence_before(span)
    return None


def _sentence_before(span: Span) -> Span | None:
    if span.start == 0:
        return None
    try:
        return span.doc[span.start - 1].sent
    except ValueError:  # the doc has no sentence boundaries
        return None


def _text(span: Span, doc_text: str | None) -> str:
    return span.text if doc_text is None else doc_text[span.start_char : span.end_char]
