"""The topic lexicon: the words that say what a claim is about.

The data lives in ``resources/topics.toml`` (or a user file passed with
``--topics``). This module validates it and compiles each topic's terms into
one regular expression at load time, so scanning a sentence costs one search
per topic however long the lists grow.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.config import DEFAULT_TOPICS, ConfigError, read_toml

OTHER = "other"  # the fallback topic: always last, needs no terms
IGNORED = ""  # the pseudo-topic of ``ignore`` phrases: they hide the terms inside them

GAP = r"[\s\-\u2010\u2011]+"  # a space or hyphen in a term: "cease fire" finds "cease-fire"
WORD_SEPARATORS = re.compile(r"[\s\-\u2010\u2011]+")
APOSTROPHES = "'\u2019"
SIBILANT_ENDINGS = ("s", "x", "z", "ch", "sh")  # these take -es in the plural
ANY_WORD = "~"  # in a term, stands for any one word: "cap* on ~ army" finds "cap on Ukraine's army"
ANY_WORD_PATTERN = r"[\w'\u2019.\-]+"


@dataclass(frozen=True)
class TopicHit:
    """One lexicon term found in a text; offsets are characters of the searched text."""

    topic: str
    start: int
    end: int
    term: str  # the lexicon entry as written ("annex*"), for tracing a decision
    weak: bool = False  # a ``[weak]`` phrase: its topic only when nothing else is named


@dataclass(frozen=True)
class TopicMatcher:
    """One topic's terms as a single pattern; named group ``t<i>`` is ``terms[i]``."""

    topic: str
    terms: tuple[str, ...]
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class TopicLexicon:
    """All topics in tie-break order (ending with "other") and their compiled terms."""

    topics: tuple[str, ...]
    matchers: tuple[TopicMatcher, ...] = field(default=(), repr=False)
    # Topics that sit beside almost any claim ("talks"); a specific topic nearby wins.
    generic: frozenset[str] = frozenset()
    # Phrases whose words name no topic ("guarantees that ..."): they hide terms inside them.
    ignore: TopicMatcher | None = field(default=None, repr=False)
    # (broad, narrow) topic pairs: a broad hit whose phrase also names the narrow
    # topic is about the narrow one ("a moratorium on strikes on power plants").
    narrowing: frozenset[tuple[str, str]] = frozenset()
    # Words after a cue that point back to an earlier sentence ("agree to that",
    # "this concession"): where they match, the claim may take that sentence's topic.
    anaphora: re.Pattern[str] | None = field(default=None, repr=False)
    # Phrases that name their topic only when the sentence names no other
    # ("guarantees that ..." is a security guarantee unless it guarantees NATO's halt).
    weak: tuple[TopicMatcher, ...] = field(default=(), repr=False)
    # Terms that name a party as often as a topic ("NATO"): opening the sentence
    # before the cue, they are its actor ("NATO urged allies to send Patriots").
    subjects: frozenset[str] = frozenset()

    def find(self, text: str) -> list[TopicHit]:
        """All non-overlapping hits, sorted by start (a copy, so callers may change it).

        Results are cached per text: a sentence is looked up once for each of
        its claims and again as the context of the next sentence.
        """
        return list(_find(self, text))

    def _scan(self, text: str) -> tuple[TopicHit, ...]:
        """All non-overlapping hits, sorted by start.

        Where hits overlap, the one starting first wins, then the longest, then
        the topic listed first: "oil price cap" is one sanctions hit, not an
        energy hit on "oil" followed by nothing.
        """
        rank = {topic: index for index, topic in enumerate(self.topics)}
        rank[IGNORED] = -1  # an ignored or weak phrase hides a term of the same length
        candidates: list[TopicHit] = []
        hiding = self.weak if self.ignore is None else (self.ignore, *self.weak)
        for matcher in (*hiding, *self.matchers):
            weak = matcher in self.weak
            for match in matcher.pattern.finditer(text):
                term = matcher.terms[int(str(match.lastgroup)[1:])]
                candidates.append(TopicHit(matcher.topic, match.start(), match.end(), term, weak))
        candidates.sort(
            key=lambda hit: (
                hit.start,
                hit.start - hit.end,
                -1 if hit.weak else rank[hit.topic],
            )
        )
        hits: list[TopicHit] = []
        for hit in candidates:
            if not hits or hit.start >= hits[-1].end:
                hits.append(hit)
        return tuple(hit for hit in hits if hit.topic != IGNORED)

    def narrower(self, topic: str, other: str) -> bool:
        """Whether a phrase naming both ``topic`` and ``other`` is about ``other``."""
        return (topic, other) in self.narrowing


@functools.lru_cache(maxsize=4096)
def _find(lexicon: TopicLexicon, text: str) -> tuple[TopicHit, ...]:
    return lexicon._scan(text)


def _escape(text: str) -> str:
    """Escape a word for a regex; either apostrophe matches both."""
    return "".join(f"[{APOSTROPHES}]" if char in APOSTROPHES else re.escape(char) for char in text)


def _plural(word: str) -> str:
    """The optional plural ending of a term's last word."""
    if not word[-1].isalnum():
        return ""
    return "(?:es)?" if word.lower().endswith(SIBILANT_ENDINGS) else "s?"


def term_regex(term: str, where: str) -> str:
    """Regex source for one term, following the rules in the topics file header."""
    words = [word for word in WORD_SEPARATORS.split(term.strip()) if word]
    parts: list[str] = []
    for index, word in enumerate(words):
        if word == ANY_WORD:
            if index in (0, len(words) - 1):
                raise ConfigError(f"{where}: term '{term}': '~' may only stand between words")
            parts.append(ANY_WORD_PATTERN)
            continue
        stem = word.removesuffix("*")
        if "*" in stem or not stem:
            raise ConfigError(f"{where}: term '{term}': '*' may only end a word, after letters")
        if word.endswith("*"):
            parts.append(_escape(stem) + r"\w*")
        elif index == len(words) - 1:
            parts.append(_escape(word) + _plural(word))
        else:
            parts.append(_escape(word))
    return GAP.join(parts)


def _normalise(term: str) -> str:
    """The form two terms share when they would match the same words."""
    text = term.strip().lower().replace("\u2019", "'")
    return " ".join(WORD_SEPARATORS.split(text))


def _first_letters(terms: tuple[str, ...]) -> str:
    """A lookahead for the letters terms can start with: most positions of a text
    fail it at once instead of trying every term. Empty when a term starts with a
    character whose case folding is not plain ASCII."""
    firsts = {term.strip()[0] for term in terms}
    if not all(char.isascii() and char.isalnum() for char in firsts):
        return ""
    return "(?=[" + "".join(sorted(firsts)) + "])"


def _compile(topic: str, terms: tuple[str, ...], where: str) -> TopicMatcher:
    """Longest terms first, so that at one position the longer phrase is tried first."""
    ranked = sorted(range(len(terms)), key=lambda i: (-len(terms[i]), terms[i].lower()))
    branches = "|".join(f"(?P<t{i}>{term_regex(terms[i], where)})" for i in ranked)
    pattern = re.compile(rf"(?<!\w){_first_letters(terms)}(?:{branches})(?!\w)", re.IGNORECASE)
    return TopicMatcher(topic, terms, pattern)


def _terms(entry: dict[str, Any], where: str) -> tuple[str, ...]:
    terms = entry.get("terms")
    if not isinstance(terms, list) or not terms:
        raise ConfigError(f"{where}: 'terms' must be a non-empty list of phrases")
    if not all(isinstance(term, str) and term.strip() for term in terms):
        raise ConfigError(f"{where}: every term must be a non-empty string")
    return tuple(term.strip() for term in terms)


def _order(value: Any, defined: dict[str, tuple[str, ...]], path: Path | str) -> tuple[str, ...]:
    """The tie-break order: every defined topic once, "other" last."""
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{path}: 'order' must be a list of topic ids")
    seen: set[str] = set()
    for topic in value:
        if topic in seen:
            raise ConfigError(f"{path}: topic '{topic}' appears twice in 'order'")
        if topic not in defined and topic != OTHER:
            raise ConfigError(f"{path}: 'order' names '{topic}', which has no [[topics]] entry")
        seen.add(topic)
    missing = [topic for topic in defined if topic not in seen]
    if missing:
        raise ConfigError(f"{path}: add {', '.join(missing)} to 'order' so ties can be broken")
    if OTHER in value and value[-1] != OTHER:
        raise ConfigError(f"{path}: '{OTHER}' is the fallback and must come last in 'order'")
    return tuple(value) if OTHER in value else (*value, OTHER)


def load_topic_lexicon(path: Path | None = None) -> TopicLexicon:
    """Read, validate and compile one topics file on its own; errors name the entry to fix."""
    path = path or DEFAULT_TOPICS
    return topic_lexicon_from(read_toml(path), path)


def topic_labels(data: dict[str, Any]) -> dict[str, str]:
    """The optional ``label`` of each ``[[topics]]`` entry of a topics file's data."""
    return {
        entry["id"]: entry["label"]
        for entry in data.get("topics", [])
        if isinstance(entry, dict)
        and isinstance(entry.get("label"), str)
        and entry["label"].strip()
    }


def topic_lexicon_from(data: dict[str, Any], path: Path | str) -> TopicLexicon:
    """Validate and compile the data of a topics file (``path`` names it in errors)."""
    entries = data.get("topics")
    if not isinstance(entries, list) or not entries:
        raise ConfigError(f"{path}: no [[topics]] entries")
    defined: dict[str, tuple[str, ...]] = {}
    owner: dict[str, str] = {}  # normalised term -> topic, to catch a term listed twice
    wheres: dict[str, str] = {}
    for number, entry in enumerate(entries, start=1):
        where = f"{path} topic {number}"
        if not isinstance(entry, dict):
            raise ConfigError(f"{where}: must be a [[topics]] table")
        topic = entry.get("id")
        if not isinstance(topic, str) or not topic.strip():
            raise ConfigError(f"{where}: every topic needs a non-empty 'id'")
        where = f"{path} topic {number} ('{topic}')"
        if topic in defined:
            raise ConfigError(f"{where}: topic id '{topic}' is defined twice")
        terms = _terms(entry, where)
        for term in terms:
            key = _normalise(term)
            if key in owner:
                raise ConfigError(f"{where}: term '{term}' is already listed under '{owner[key]}'")
            owner[key] = topic
        defined[topic] = terms
        wheres[topic] = where
    order = _order(data.get("order"), defined, path)
    matchers = tuple(
        _compile(topic, defined[topic], wheres[topic]) for topic in order if topic in defined
    )
    generic = data.get("generic", [])
    if not isinstance(generic, list) or any(topic not in order for topic in generic):
        raise ConfigError(f"{path}: 'generic' must list topic ids that appear in 'order'")
    ignore = None
    if "ignore" in data:
        ignored = _terms({"terms": data["ignore"]}, f"{path} 'ignore'")
        ignore = _compile(IGNORED, ignored, f"{path} 'ignore'")
    return TopicLexicon(
        order,
        matchers,
        frozenset(generic),
        ignore,
        _narrowing(data.get("narrow", {}), order, path),
        _anaphora(data.get("anaphora"), path),
        _weak(data.get("weak", {}), order, path),
        _subjects(data.get("subjects", []), defined, path),
    )


def _subjects(value: Any, defined: dict[str, tuple[str, ...]], path: Path | str) -> frozenset[str]:
    """``subjects`` lists terms, each exactly as written under its topic."""
    terms = {term for listed in defined.values() for term in listed}
    if not isinstance(value, list) or any(item not in terms for item in value):
        raise ConfigError(f"{path}: 'subjects' must list terms of the [[topics]] entries")
    return frozenset(value)


def _weak(value: Any, order: tuple[str, ...], path: Path | str) -> tuple[TopicMatcher, ...]:
    """``[weak]`` maps a topic to phrases that name it only when nothing else is named."""
    if not isinstance(value, dict):
        raise ConfigError(f"{path}: 'weak' must be a table of topic = [phrases]")
    matchers = []
    for topic, phrases in value.items():
        if topic not in order:
            raise ConfigError(f"{path}: 'weak.{topic}' must name a topic in 'order'")
        where = f"{path} 'weak.{topic}'"
        matchers.append(_compile(topic, _terms({"terms": phrases}, where), where))
    return tuple(matchers)


def _narrowing(value: Any, order: tuple[str, ...], path: Path | str) -> frozenset[tuple[str, str]]:
    """``[narrow]`` maps a broad topic to the topics that narrow it down."""
    if not isinstance(value, dict):
        raise ConfigError(f"{path}: 'narrow' must be a table of topic = [topics]")
    pairs: set[tuple[str, str]] = set()
    for broad, narrow in value.items():
        if broad not in order or not isinstance(narrow, list):
            raise ConfigError(f"{path}: 'narrow.{broad}' must name a topic and list topics")
        for topic in narrow:
            if topic not in order or topic == broad:
                raise ConfigError(f"{path}: 'narrow.{broad}' lists '{topic}', no other topic")
            pairs.add((broad, topic))
    return frozenset(pairs)


ANAPHORA_KEYS = (
    "determiners",
    "nouns",
    "complements",
    "pronouns",
    "followers",
    "closing_pronouns",
)
# Marks that close a phrase, a comma aside: "agree to that." but not "insisted that, in ..."
CLOSERS = r".;:!?)\]\"'\u2018\u2019\u201c\u201d\u2013\u2014"


def _anaphora(value: Any, path: Path | str) -> re.Pattern[str] | None:
    """One pattern for the words that point back: a determiner and a claim noun
    ("such concessions", "this latest offer") that has no complement of its own
    (not "this plan to freeze the front line"), or a pronoun that ends its phrase
    ("rejected it, saying", "do this under pressure"), not one that opens a clause
    ("demanded that Kyiv ..."); ``closing_pronouns`` only before a closing mark
    ("agree to that." but not "insisted that, in any deal, ...")."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise ConfigError(f"{path}: 'anaphora' must be a table")
    lists: dict[str, tuple[str, ...]] = {}
    for key in ANAPHORA_KEYS:
        lists[key] = _terms({"terms": value.get(key)}, f"{path} 'anaphora.{key}'")
    unknown = sorted(set(value) - set(ANAPHORA_KEYS))
    if unknown:
        raise ConfigError(f"{path}: 'anaphora' has unknown keys: {', '.join(unknown)}")

    def alternation(words: tuple[str, ...], plural: bool = False) -> str:
        ranked = sorted(words, key=lambda w: (-len(w), w.lower()))
        return "|".join(term_regex(w, str(path)) if plural else _gapped(w) for w in ranked)

    determiner = alternation(lists["determiners"])
    noun = alternation(lists["nouns"], plural=True)
    pronoun = alternation(lists["pronouns"])
    follower = alternation(lists["followers"])
    complement = alternation(lists["complements"])
    closing = alternation(lists["closing_pronouns"])
    source = (
        rf"(?<!\w)(?:(?:{determiner}){GAP}(?:[A-Za-z\-]+{GAP})?(?:{noun})(?!\w)"
        rf"(?!\s+(?:{complement})(?!\w))"
        rf"|(?:{pronoun})(?=\s*(?:[,{CLOSERS}]|$)|\s+(?:{follower})(?!\w))"
        rf"|(?:{closing})(?=\s*(?:[{CLOSERS}]|$)))(?!\w)"
    )
    return re.compile(source, re.IGNORECASE)


def _gapped(phrase: str) -> str:
    """A phrase matched literally, but with any run of spaces and hyphens between words."""
    return GAP.join(_escape(word) for word in WORD_SEPARATORS.split(phrase.strip()) if word)
