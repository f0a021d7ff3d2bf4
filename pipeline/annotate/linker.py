"""Turn raw actor matches into resolved mentions: one actor id per span.

The actor ruler proposes candidates (names, titles, demonyms, offices). This
component decides between overlapping candidates, resolves offices by the
article's date, merges a title with the name beside it, and links pronouns
to the actor they refer back to in the same or the previous sentence (for
a person, one sentence further when the previous one names nobody, and past
quoted sentences that name nobody); a person pronoun prefers the previous
sentence's subject to its objects.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from pipeline.annotate.antecedents import (
    LOOKBACK_SENTENCES,
    OBJECT_PRONOUNS,
    PERSON_PRONOUNS,
    PLURAL_PEOPLE,
    PLURAL_PRONOUNS,
    PRONOUNS,
    REFLEXIVE_PRONOUNS,
    THING_PRONOUNS,
    PersonReach,
    after_preposition,
    opens,
)
from pipeline.annotate.patterns import (
    ADJECTIVE,
    ALIAS,
    CANDIDATES_KEY,
    OFFICE,
    OFFICE_PREFIX,
    TITLE,
)
from pipeline.annotate.store import MENTIONS_KEY
from pipeline.annotate.titles import TitleTally, is_bare_title
from pipeline.annotate.unknown import UNKNOWN, UNKNOWN_KEY
from pipeline.function_words import (
    MAKE_FORMS,
    POSSESSIVE_MARKS,
    POSSESSIVE_PRONOUNS,
)
from pipeline.knowledge.actors import Actor, ActorBase
from pipeline.knowledge.bundle import shared
from pipeline.knowledge.cues import CueLexicon

VIA = {ALIAS: "alias", TITLE: "title", ADJECTIVE: "adjective", OFFICE: "office"}


def published_date(doc: Doc) -> date | None:
    """The article's date from ``user_data['published']`` (ISO), if known and valid."""
    value = doc.user_data.get("published")
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def has_possessive_mark(span: Span) -> bool:
    """A mention followed by "'s" (Putin's demand)."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in POSSESSIVE_MARKS


def is_possessor(span: Span) -> bool:
    """A mention followed by "'s" (Putin's demand) or a possessive pronoun."""
    return has_possessive_mark(span) or span.text.lower() in POSSESSIVE_PRONOUNS


class ActorLinker:
    """Resolve candidates to mentions in ``doc.spans['mentions']``."""

    def __init__(self, base: ActorBase, cues: CueLexicon) -> None:
        self.base = base
        self.cues = cues
        self.unknown: dict[str, Actor] = {}  # the current doc's actors the base does not know
        self.bare_titles = {o.bare_title for o in base.offices.values() if o.bare_title}

    def __call__(self, doc: Doc) -> Doc:
        self.unknown = unknown_actors(doc)
        spans = self.choose(doc)
        spans = self.merge_adjacent(doc, spans)
        doc.spans[MENTIONS_KEY] = self.link_pronouns(doc, spans)
        return doc

    def choose(self, doc: Doc) -> list[Span]:
        """Longest candidate wins; offices become their holder on the article's date.

        A bare title ("the president") means whom the document names with that title
        (``titles``), the office's holder only by default.
        """
        day = published_date(doc)
        chosen: list[Span] = []
        tally = TitleTally(self.bare_titles, self._get)
        for span in filter_spans(doc.spans.get(CANDIDATES_KEY, [])):
            actor_id = span.id_
            if span.label_ == UNKNOWN:
                chosen.append(Span(doc, span.start, span.end, label=actor_id, kb_id=span.kb_id_))
                continue
            bare = False
            if span.label_ == OFFICE:
                office = self.base.offices.get(actor_id.removeprefix(OFFICE_PREFIX))
                holder = office.holder_on(day) if office else None
                title = office.bare_title if office else None
                if title is not None and is_bare_title(span, title):
                    bare = True
                    holder = tally.holder(doc, span, chosen, title, holder)
                if holder is None:
                    continue
                actor_id = holder
            chosen.append(
                Span(doc, span.start, span.end, label=actor_id, kb_id=VIA.get(span.label_, "alias"))
            )
            tally.record(chosen[-1], bare)
        return chosen

    def _get(self, actor_id: str) -> Actor | None:
        """The known actor, or one the current doc introduced ("Foreign Minister X Y")."""
        return self.base.get(actor_id) or self.unknown.get(actor_id)

    def merge_adjacent(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """Join "Russian President" + "Vladimir Putin"; a name beside an office wins."""
        merged: list[Span] = []
        for span in spans:
            last = merged[-1] if merged else None
            if last is not None and last.end == span.start and self._same_person(last, span):
                via = last.kb_id_ if last.label_ == span.label_ else span.kb_id_
                label = span.label_ if last.kb_id_ == "office" else last.label_
                merged[-1] = Span(doc, last.start, span.end, label=label, kb_id=via)
            else:
                merged.append(span)
        return merged

    def _same_person(self, left: Span, right: Span) -> bool:
        if left.label_ == right.label_:
            return left.kb_id_ != "adjective" and right.kb_id_ != "adjective"
        actor = self._get(right.label_)
        return (
            left.kb_id_ == "office"
            and right.kb_id_ == "alias"
            and actor is not None
            and actor.kind == "person"
        )

    def link_pronouns(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """Add a mention for each pronoun whose antecedent is clear enough."""
        by_start = {span.start: span for span in spans}
        strings = doc.vocab.strings
        lowers = [strings[value] for value in doc.to_array(LOWER).tolist()]
        result: list[Span] = []
        previous: list[list[Span]] = []  # mentions of the last sentences, most recent first
        reach = PersonReach()
        for sent in doc.sents:
            current: list[Span] = []
            index = sent.start
            while index < sent.end:
                if index in by_start:
                    span = by_start[index]
                    current.append(span)
                    index = span.end
                    continue
                if lowers[index] not in PRONOUNS:  # only pronouns can point back
                    index += 1
                    continue
                actor_id = self._antecedent(lowers[index], index, doc, current, previous, reach)
                if actor_id is not None:
                    current.append(Span(doc, index, index + 1, label=actor_id, kb_id="pronoun"))
                index += 1
            result.extend(current)
            previous = [current, *previous][:LOOKBACK_SENTENCES]
            reach.add(lowers[sent.start : sent.end], [s for s in current if self._is_person(s)])
        return result

    def _antecedent(
        self,
        word: str,
        index: int,
        doc: Doc,
        current: list[Span],
        previous: list[list[Span]],
        reach: PersonReach,
    ) -> str | None:
        if word in PERSON_PRONOUNS:
            gender = PERSON_PRONOUNS[word]
            fits = [s for s in current if self._fits(s, gender)]
            # A sentence without names may sit between a person and "he": look one further back.
            earlier = next(
                (
                    found
                    for sentence in reach.sentences
                    if (found := [s for s in sentence if self._fits(s, gender)])
                ),
                [],
            )
            if reach.quoting(doc, index):  # the speaker says "I", not "he": someone else
                earlier = [s for s in earlier if not self._introduces_quote(s)]
        elif word in PLURAL_PRONOUNS:
            return self._plural_antecedent(index, doc, current, previous)
        elif word in THING_PRONOUNS:
            following = doc[index + 1].lower_ if index + 1 < len(doc) else ""
            rest = [t.lower_ for t in doc[index + 2 : index + 4]]
            if rest[:1] in (["not"], ["n't"], ["n’t"]):
                rest = rest[1:]
            words = self.cues.words
            readiness = (
                following in {"is", "was", "'s", "’s"}
                and rest[:1] != []
                and rest[0] in words["it_readiness"]
            )
            acting = (
                following in words["it_acting_modals"]
                and rest[:1] != []
                and rest[0] not in words["it_expletive_verbs"]
            )
            if (
                word == "it"
                and not readiness
                and not acting  # "It will not recognize ...": a state acts
                and (following in words["it_expletive_next"] or not following.isalpha())
            ):
                return None
            fits = [s for s in current if self._is_thing(s)]
            earlier = [
                s for s in (previous[0] if previous else []) if self._is_thing(s) and opens(doc, s)
            ]
        else:
            return None
        if word in REFLEXIVE_PRONOUNS and fits and fits[-1].end == index:
            return fits[-1].label_  # "Putin himself": the person it stands beside
        # "Trump called him": a pronoun right after a reporting verb is its object
        is_object = word in OBJECT_PRONOUNS and index > 0 and self._reports(doc[index - 1])
        speaker = None if is_object else self._speech_subject(index, doc, fits)
        if speaker is not None:
            return speaker.label_
        doer = self._infinitive_subject(index, doc, fits) if word in THING_PRONOUNS else None
        if doer is not None:
            return doer.label_
        if word in OBJECT_PRONOUNS and fits and self._same_clause(fits[-1], index, doc):
            fits = fits[:-1]
        if word == "it" and not doc[index].is_sent_start:
            # a bare "it" reaches back to the previous sentence too rarely, unless it opens
            # the sentence as its subject ("Russia rejected the plan. It wants ...")
            earlier = []
        if fits and word in THING_PRONOUNS:
            # States and bodies are mostly named as subjects; prefer the first named one.
            named = [s for s in fits if s.kb_id_ != "pronoun"] or fits
            subjects = [s for s in named if not is_possessor(s)] or named
            # "In a concession to Moscow, Washington dropped its ...": not a preposition's object
            free = [s for s in subjects if not after_preposition(doc, s)] or subjects
            return free[0].label_
        if fits:
            return fits[-1].label_
        # The previous sentence's subject, not an object ("... demeans him") nor a name
        # inside a clause that does not open it ("No matter how often X ..., Y refuses").
        subjects = [
            s for s in earlier if not is_possessor(s) and s.text.lower() not in OBJECT_PRONOUNS
        ] or earlier
        openers = [s for s in subjects if opens(doc, s)]
        return (openers or subjects)[0].label_ if subjects else None

    def _plural_antecedent(
        self, index: int, doc: Doc, current: list[Span], previous: list[list[Span]]
    ) -> str | None:
        """ "European leaders met in Paris. They demanded ...": the one plural group named
        before the pronoun in its sentence, else in the previous one; none when two differ."""
        for sentence in (current, previous[0] if previous else []):
            groups = {s.label_ for s in sentence if s.end <= index and self._is_plural(s, doc)}
            if len(groups) == 1:
                return groups.pop()
            if groups:
                return None
        return None

    def _is_plural(self, span: Span, doc: Doc) -> bool:
        """A group named in the plural: "European leaders" (a demonym and a plural group
        noun), "NATO allies", "the Europeans"."""
        actor = self._get(span.label_)
        if actor is None or actor.kind == "person":
            return False
        last = doc[span.end - 1]
        if span.kb_id_ == "adjective":
            following = doc[span.end] if span.end < len(doc) else None
            return (
                following is not None
                and self.cues.has("group_nouns", following.text)
                and following.lower_.endswith("s")
            )
        if last.is_lower:
            return last.text.endswith("s") and self.cues.has("group_nouns", last.text)
        return last.is_title and last.text.endswith(PLURAL_PEOPLE)

    @staticmethod
    def _infinitive_subject(index: int, doc: Doc, fits: list[Span]) -> Span | None:
        """ "pressing Kyiv to drop its objections": in an infinitive, "its" is the actor
        named right before "to", who is to act."""
        for to in range(index - 1, max(0, index - 4) - 1, -1):
            if doc[to].lower_ == "to":
                return next((s for s in fits if s.end == to), None)
            if not (doc[to].is_alpha and doc[to].is_lower):
                return None
        return None

    def _speech_subject(self, index: int, doc: Doc, fits: list[Span]) -> Span | None:
        """In "X told Y (that) he ...", "he" is X: the subject of the reporting verb."""
        position = index - 1
        if position >= 0 and doc[position].lower_ == "that":
            position -= 1
        before = [candidate for candidate in fits if candidate.end <= position + 1]
        if not before or position < 0:
            return None
        # The reporting verbs between the earliest candidate and the pronoun, found once:
        # each candidate then looks only at those after it.
        first = min(candidate.end for candidate in before)
        verbs = [i for i in range(first, position + 1) if self._reports(doc[i])]
        for candidate in reversed(before):
            last = next((i for i in reversed(verbs) if i >= candidate.end), None)
            if last is not None:
                subject = [s for s in fits if s.end <= last]
                return subject[-1] if subject else None
        return None

    def _reports(self, token: Token) -> bool:
        """A reporting verb, or "clear" in "made (it) clear to X that he ..."."""
        if self.cues.has("speech_verbs", token.text):
            return True
        doc, i = token.doc, token.i
        before = i - 2 if i > 1 and doc[i - 1].lower_ == "it" else i - 1
        return token.lower_ == "clear" and before >= 0 and doc[before].lower_ in MAKE_FORMS

    @staticmethod
    def _same_clause(span: Span, index: int, doc: Doc) -> bool:
        return not any(t.is_punct for t in doc[span.end : index])

    def _introduces_quote(self, span: Span) -> bool:
        """ "Trump said: ..." or "said Trump": the speaker of the quote that follows."""
        doc = span.doc
        after = doc[span.end] if span.end < len(doc) else None
        before = doc[span.start - 1] if span.start > 0 else None
        return any(t is not None and self._reports(t) for t in (after, before))

    def _is_person(self, span: Span) -> bool:
        actor = self._get(span.label_)
        return actor is not None and actor.kind == "person"

    def _fits(self, span: Span, gender: str) -> bool:
        actor = self._get(span.label_)
        return (
            actor is not None
            and actor.kind == "person"
            and (actor.gender == gender or actor.gender == "unknown")
        )

    def _is_thing(self, span: Span) -> bool:
        actor = self._get(span.label_)
        return actor is not None and actor.kind != "person" and span.kb_id_ != "adjective"


@Language.factory(
    "actor_linker",
    default_config={"knowledge": ""},
    requires=["doc.spans", "token.is_sent_start"],
    assigns=["doc.spans"],
)
def make_actor_linker(nlp: Language, name: str, knowledge: str) -> ActorLinker:
    """Factory: the actors and the cue lists come from the run's knowledge bundle
    (``knowledge`` is its key from ``bundle.share``; "" for the shipped knowledge)."""
    bundle = shared(knowledge)
    return ActorLinker(bundle.actors, bundle.cues)


def unknown_actors(doc: Doc) -> dict[str, Actor]:
    """The actors the finder of unknown actors recorded for this doc, as records."""
    return {
        slug: Actor(
            id=slug,
            name=info["name"],
            kind=info["kind"],
            affiliation=info.get("affiliation"),
            role=info.get("role"),
            principal=False,
            gender=info.get("gender") or "none",
            aliases=(),
            titles=(),
        )
        for slug, info in doc.user_data.get(UNKNOWN_KEY, {}).items()
    }


def sentence_mentions(doc: Doc) -> Iterable[tuple[Span, list[Span]]]:
    """Each sentence with the resolved mentions inside it."""
    mentions = list(doc.spans.get(MENTIONS_KEY, []))
    for sent in doc.sents:
        yield sent, [m for m in mentions if sent.start <= m.start < sent.end]
