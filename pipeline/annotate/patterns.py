"""Find actor candidates with phrase matchers built from the knowledge base.

Every phrase carries the canonical actor id (or ``office:<id>`` for titles
whose holder depends on the date), so a matched span knows its actor without
any lookup. Words written in lower case in the knowledge base match any case
("the Russian leader" matches "The Russian leader"); words with capitals
match exactly, so "Trump" is not "trump" and "Hill" is not "hill".

Phrase matchers look each token up in a hash table, so their cost does not
grow with the number of phrases; token patterns would try every pattern at
every token, which made them the slowest part of the pipeline. A phrase in
lower case goes to a case-insensitive matcher; a phrase mixing cases goes to
the exact matcher once per spelling its lower-case words may take (as
written, or capitalised at the start of a sentence or in a headline).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import product

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from pipeline.knowledge.actors import ActorBase
from pipeline.knowledge.bundle import shared

APOSTROPHE_S = ("'s", "’s")
APOSTROPHES = {"'": ("'", "’"), "’": ("'", "’")}
MAX_SPELLINGS = 64  # a phrase with more lower-case words than this allows is matched as written

ALIAS = "ALIAS"
TITLE = "TITLE"
ADJECTIVE = "ADJECTIVE"
OFFICE = "OFFICE"
NOT_ACTOR = "NOT_ACTOR"
OFFICE_PREFIX = "office:"
CANDIDATES_KEY = "actor_candidates"
# Names listed under [not_actors] found in the doc, for the finder of unknown actors.
BLOCKED_KEY = "not_actor_names"


@dataclass(frozen=True)
class Phrase:
    """One form of an actor's name, title, adjective or office, as tokens."""

    label: str
    actor_id: str
    words: tuple[str, ...]


def actor_phrases(nlp: Language, base: ActorBase) -> Iterator[Phrase]:
    """Every form in the knowledge base, tokenized exactly as documents will be."""
    for actor in base.actors.values():
        for label, forms in (
            (ALIAS, actor.aliases),
            (TITLE, actor.titles),
            (ADJECTIVE, actor.adjectives),
        ):
            for form in forms:
                yield Phrase(label, actor.id, _words(nlp, form))
    for office in base.offices.values():
        for form in office.forms:
            yield Phrase(OFFICE, OFFICE_PREFIX + office.id, _words(nlp, form))
    for form in base.not_actors:
        yield Phrase(NOT_ACTOR, "", _words(nlp, form))


def _words(nlp: Language, form: str) -> tuple[str, ...]:
    return tuple(token.text for token in nlp.make_doc(form) if not token.is_space)


def _is_caseless(word: str) -> bool:
    return word == word.lower()


def caseless_spellings(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Spellings for the case-insensitive matcher: only apostrophes vary."""
    options = [_apostrophe_forms(word.lower()) for word in words]
    return [tuple(choice) for choice in product(*options)]


def exact_spellings(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Spellings for the exact matcher: lower-case words may also be capitalised."""
    options: list[tuple[str, ...]] = []
    for word in words:
        forms = _apostrophe_forms(word)
        if _is_caseless(word):
            forms = tuple(dict.fromkeys([*forms, *(form.capitalize() for form in forms)]))
        options.append(forms)
    spellings = [tuple(choice) for choice in product(*options)]
    return spellings if len(spellings) <= MAX_SPELLINGS else [words]


def _apostrophe_forms(word: str) -> tuple[str, ...]:
    if word.lower() in APOSTROPHE_S:
        return APOSTROPHE_S if _is_caseless(word) else tuple(form.upper() for form in APOSTROPHE_S)
    return APOSTROPHES.get(word, (word,))


class ActorRuler:
    """Mark every knowledge-base phrase in ``doc.spans[CANDIDATES_KEY]``.

    Overlaps are kept: the linker decides between them. A candidate inside a
    name listed under ``[not_actors]`` ("Washington" in "The Washington Post")
    is no candidate at all.
    """

    def __init__(self, nlp: Language, base: ActorBase) -> None:
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.caseless = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.phrases: list[Phrase] = []
        for phrase in actor_phrases(nlp, base):
            if not phrase.words:
                continue
            key = str(len(self.phrases))
            self.phrases.append(phrase)
            if all(_is_caseless(word) for word in phrase.words):
                matcher, spellings = self.caseless, caseless_spellings(phrase.words)
            else:
                matcher, spellings = self.exact, exact_spellings(phrase.words)
            matcher.add(key, [Doc(nlp.vocab, words=list(words)) for words in spellings])

    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        spans = set()
        blocked: list[tuple[int, int]] = []
        for match_id, start, end in [*self.exact(doc), *self.caseless(doc)]:
            phrase = self.phrases[int(strings[match_id])]
            if phrase.label == NOT_ACTOR:
                blocked.append((start, end))
            else:
                spans.add(Span(doc, start, end, label=phrase.label, span_id=phrase.actor_id))
        if blocked:
            spans = {span for span in spans if not _inside_any(span, blocked)}
        doc.spans[CANDIDATES_KEY] = sorted(spans)
        doc.spans[BLOCKED_KEY] = [Span(doc, start, end) for start, end in blocked]
        return doc


def _inside_any(span: Span, blocked: list[tuple[int, int]]) -> bool:
    """Whether the span lies within one of the blocked token ranges."""
    return any(start <= span.start and span.end <= end for start, end in blocked)


@Language.factory(
    "actor_ruler",
    default_config={"knowledge": ""},
    assigns=["doc.spans"],
)
def make_actor_ruler(nlp: Language, name: str, knowledge: str) -> ActorRuler:
    """Factory: the actors come from the run's knowledge bundle (``knowledge`` is its key
    from ``bundle.share``; "" for the shipped knowledge), like the linker's."""
    return ActorRuler(nlp, shared(knowledge).actors)
