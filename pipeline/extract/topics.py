"""Pick the one topic a claim is about: the topic word closest to its cue.

Words after the cue (its object: "rejected the land swap") are preferred to
words before it, which more often describe the actor or the setting; words in
another clause count as farther; an object that points back ("agree to that")
takes the topic of the sentence before. See ``choose_topic``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from spacy.tokens import Span

from pipeline.knowledge.topics import TopicHit, TopicLexicon, TopicMatcher

OTHER = "other"
BEFORE_PENALTY = 2.5  # a topic word before the cue counts as this many times farther
# Characters that ``re.IGNORECASE`` matches to an ASCII letter or digit, or that
# ``str.lower`` turns into one: dotless i, long s, dotted capital I, Kelvin sign.
FOLDING_EXTRAS = frozenset("\u0131\u017f\u0130\u212a")
ASCII_WORD = re.compile(r"[A-Za-z0-9]+")


def term_runs(term: str) -> frozenset[str]:
    """The lower-cased runs of ASCII letters and digits in ``term``.

    The term's pattern (see ``pipeline.knowledge.topics.term_regex``) matches each
    run literally, ignoring case, after a character that is no ASCII letter or
    digit, so a text holding a hit has, for every run, an ASCII word (a maximal run
    of ASCII letters and digits) starting with it, unless the text holds one of
    ``FOLDING_EXTRAS``. Empty when the term has no run or holds one of those.
    """
    if not FOLDING_EXTRAS.isdisjoint(term):
        return frozenset()
    return frozenset(run.lower() for run in ASCII_WORD.findall(term))


class TopicFinder:
    """``TopicLexicon.find`` that runs only the topic patterns that can match a text.

    Each topic's pattern is an alternation of all its terms, tried at every
    position of the text, so scanning a sentence once per topic was the costliest
    step after the rules. A set test on the words of the text rules most topics
    out first; the hits are exactly those of the whole lexicon.
    """

    def __init__(self, lexicon: TopicLexicon, cache_size: int = 4096) -> None:
        self.lexicon = lexicon
        self.topics = lexicon.topics
        self.generic = lexicon.generic
        # Per topic, the runs of its terms keyed by their longest run; None when a
        # term has no runs.
        self.prefilters: list[tuple[TopicMatcher, dict[str, list[frozenset[str]]] | None]] = []
        lengths: set[int] = set()
        for matcher in lexicon.matchers:
            self.prefilters.append((matcher, _anchors(matcher, lengths)))
        # The ignored and weak phrases, tested the same way.
        self.ignore = None if lexicon.ignore is None else _anchors(lexicon.ignore, lengths)
        self.weak = [(matcher, _anchors(matcher, lengths)) for matcher in lexicon.weak]
        self.lengths = sorted(lengths)
        # Per text, as in the lexicon: a sentence is looked up once per claim and
        # again as the context of the next sentence.
        self._cached = functools.lru_cache(maxsize=cache_size)(self._scan)

    def find(self, text: str) -> list[TopicHit]:
        """All non-overlapping hits, sorted by start (a copy, so callers may change it)."""
        return list(self._cached(text))

    def _scan(self, text: str) -> tuple[TopicHit, ...]:
        if FOLDING_EXTRAS.isdisjoint(text):
            starts = self._word_starts(text)
            matchers = tuple(
                matcher
                for matcher, by_anchor in self.prefilters
                if by_anchor is None or _may_match(by_anchor, starts)
            )
            ignore = self.lexicon.ignore
            if ignore is not None and self.ignore is not None:
                ignore = ignore if _may_match(self.ignore, starts) else None
            weak = tuple(
                matcher
                for matcher, by_anchor in self.weak
                if by_anchor is None or _may_match(by_anchor, starts)
            )
        else:
            matchers, ignore, weak = self.lexicon.matchers, self.lexicon.ignore, self.lexicon.weak
        if not matchers and not weak:
            return ()
        return replace(self.lexicon, matchers=matchers, ignore=ignore, weak=weak)._scan(text)

    def _word_starts(self, text: str) -> set[str]:
        """The opening letters of the text's ASCII words, at every anchor length."""
        words = set(ASCII_WORD.findall(text.lower()))
        return {word[:n] for word in words for n in self.lengths if n <= len(word)}


def _anchors(matcher: TopicMatcher, lengths: set[int]) -> dict[str, list[frozenset[str]]] | None:
    """The runs of a matcher's terms keyed by their longest run; None when a term
    has no runs (it cannot be ruled out). Adds the runs' lengths to ``lengths``."""
    by_anchor: dict[str, list[frozenset[str]]] = {}
    for term in matcher.terms:
        runs = term_runs(term)
        if not runs:
            return None
        lengths.update(len(run) for run in runs)
        by_anchor.setdefault(max(sorted(runs), key=len), []).append(runs)
    return by_anchor


def _may_match(by_anchor: dict[str, list[frozenset[str]]], starts: set[str]) -> bool:
    """Whether every run of some term opens a word of the text."""
    return any(
        runs <= starts for anchor in starts.intersection(by_anchor) for runs in by_anchor[anchor]
    )


def choose_topic(
    lexicon: TopicLexicon | TopicFinder,
    sent: Span,
    cue_start: int,
    cue_end: int,
    previous: Span | None = None,
    doc_text: str | None = None,
) -> str:
    """Topic of the nearest lexicon hit to the cue (character offsets in the doc).

    ``doc_text``, the doc's text when the caller has it, spares building the
    sentences' texts token by token.

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

    An object that points back ("agree to that", "this concession") stands for
    the topic of the sentence before, or the one before that. A sentence without
    any topic word, or with generic words only as its setting, usually continues
    the previous one ("Kyiv says it won't happen soon" after a sentence on NATO),
    so the previous sentence's topic is used before falling back to "other".
    """
    text = _text(sent, doc_text)
    found = lexicon.find(text)
    hits = _heads(found, text, lexicon.generic)
    base = sent.start_char
    start, end = cue_start - base, cue_end - base
    known = _lexicon(lexicon)
    if known.anaphora is not None:
        pointer = _anaphor(known, text, start, end)
        if pointer is not None:
            before = [hit for hit in hits if hit.end <= start and _specific(hit, lexicon.generic)]
            # In its own sentence "it" is what the claim's clause opened with.
            earlier = before[0].topic if before else None
            earlier = earlier or _earlier_topic(lexicon, previous, doc_text)
            if earlier is not None:
                hits.append(TopicHit(earlier, pointer[0], pointer[1], "(anaphor)"))
    if not hits:
        earlier = _earlier_topic(lexicon, previous, doc_text, generic_ok=True, depth=1)
        return earlier or OTHER
    order = _ranks(lexicon.topics)

    def distance(hit: TopicHit) -> float:
        if hit.start >= end:
            return hit.start - end + BOUNDARY_COST * _boundaries(text, end, hit.start)
        if hit.end <= start:
            gap = (start - hit.end) * BEFORE_PENALTY
            return gap + BOUNDARY_COST * _boundaries(text, hit.end, start)
        return 0.0

    specific = [hit for hit in hits if _specific(hit, lexicon.generic)]
    if known.subjects and specific and specific[0].term in known.subjects:
        # "NATO urged allies to ..." names the actor, not the topic
        subject = specific[0]
        if (
            subject.end <= start
            and SUBJECT_LEAD.fullmatch(text, 0, subject.start)
            and not _boundaries(text, subject.end, start)
            and len(specific) > 1
            and text[start:end].lower() not in MODAL_CUES  # "NATO must withdraw ..." is the topic
        ):
            hits.remove(subject)
            specific.remove(subject)

    def cost(hit: TopicHit) -> float:
        if hit.weak:  # "guarantees that ..." only when nothing else is named
            return float("inf") if specific else distance(hit)
        if hit.topic not in lexicon.generic:
            return distance(hit)
        # "talks" or "a negotiating process" wins only as the cue's own object, just
        # after it; not as the setting ("at the summit") or the claim's verb.
        if hit.start < end or not OBJECT_GAP.fullmatch(text, end, hit.start):
            return float("inf")
        if text[hit.start : hit.end].lower() in GENERIC_VERBS or _has_content(hit):
            return float("inf")
        return distance(hit) + GENERIC_COST

    def _has_content(hit: TopicHit) -> bool:
        """Whether a specific word follows in the generic word's own phrase ("the
        peace deal signed only after elections"): then that word says what it is about."""
        return any(
            0 <= other.start - hit.end <= CONTENT_REACH
            and not _boundaries(text, hit.end, other.start)
            for other in specific
        )

    best = min(hits, key=lambda hit: (cost(hit), order.get(hit.topic, len(order))))
    if cost(best) == float("inf"):
        # Only settings ("at the talks in Rome"): what was asked for is likelier
        # named in the previous sentence than in the setting.
        earlier = _earlier_topic(lexicon, previous, doc_text, depth=1)
        if earlier is not None:
            return earlier
        best = min(hits, key=lambda hit: (distance(hit), order.get(hit.topic, len(order))))
    return _narrowed(known, best, found, text)


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
MODIFIER_GAP = re.compile(r"[\s\-\u2010\u2011]*")
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
            and MODIFIER_GAP.fullmatch(text, hit.end, following.start)
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
