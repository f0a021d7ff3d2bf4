"""Find the topic words of a text, running only the topic patterns that can match it."""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from pipeline.knowledge.topics import TopicHit, TopicLexicon, TopicMatcher

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
