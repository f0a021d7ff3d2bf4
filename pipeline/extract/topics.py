"""Pick the one topic a claim is about: the topic word closest to its cue.

Words after the cue (its object: "rejected the land swap") are preferred to
words before it, which more often describe the actor or the setting.
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
            by_anchor: dict[str, list[frozenset[str]]] | None = {}
            for term in matcher.terms:
                runs = term_runs(term)
                if not runs or by_anchor is None:
                    by_anchor = None
                    continue
                lengths.update(len(run) for run in runs)
                by_anchor.setdefault(max(sorted(runs), key=len), []).append(runs)
            self.prefilters.append((matcher, by_anchor))
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
        else:
            matchers = self.lexicon.matchers
        if not matchers:
            return ()
        return replace(self.lexicon, matchers=matchers)._scan(text)

    def _word_starts(self, text: str) -> set[str]:
        """The opening letters of the text's ASCII words, at every anchor length."""
        words = set(ASCII_WORD.findall(text.lower()))
        return {word[:n] for word in words for n in self.lengths if n <= len(word)}


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

    A sentence without any topic word usually continues the previous one
    ("Kyiv says it won't happen soon" after a sentence on NATO), so the last
    topic word of the previous sentence is used before falling back to "other".
    """
    hits = lexicon.find(_text(sent, doc_text))
    if not hits:
        earlier = lexicon.find(_text(previous, doc_text)) if previous is not None else []
        return earlier[-1].topic if earlier else OTHER
    base = sent.start_char
    order = {topic: rank for rank, topic in enumerate(lexicon.topics)}

    def distance(hit_start: int, hit_end: int) -> float:
        start, end = base + hit_start, base + hit_end
        if start >= cue_end:
            return float(start - cue_end)
        if end <= cue_start:
            return (cue_start - end) * BEFORE_PENALTY
        return 0.0

    specific = [hit for hit in hits if hit.topic not in lexicon.generic]
    candidates = specific or hits  # "talks" or "summit" only when nothing else is named
    best = min(
        candidates,
        key=lambda hit: (distance(hit.start, hit.end), order.get(hit.topic, len(order))),
    )
    return best.topic


def _text(span: Span, doc_text: str | None) -> str:
    return span.text if doc_text is None else doc_text[span.start_char : span.end_char]
