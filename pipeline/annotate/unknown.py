"""Find actors the knowledge base does not know: titled names, and a trained NER's entities.

News names everyone around the principal actors, and most of them are not in
``actors.toml``. A title beside a capitalised name says it is a person
("Foreign Minister Jean Dupont", "spokesman Ivan Petrov", "Ivan Petrov, the
deputy foreign minister"); a capitalised pair alone says nothing (it may open a
sentence, or name a place or an outlet), so it is never taken. With a trained
pipeline, its named entities (PERSON, ORG, GPE) are taken too. Each unknown
actor gets a slug (the surname for people), and its name or surname anywhere
else in the article is a mention of it. A candidate of the knowledge base
always wins: nothing here overlaps one.

The words come from ``[unknown_actors]`` of the actors file. The candidates go
to ``doc.spans[CANDIDATES_KEY]`` with the label ``UNKNOWN``, the slug as the
span id and how they were found as the kb id; ``doc.user_data[UNKNOWN_KEY]``
holds each slug's name, kind, role, gender and affiliation for the linker and the
tables. ``names`` reads the names themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.annotate.names import NameReader, slug_of
from pipeline.annotate.patterns import BLOCKED_KEY, CANDIDATES_KEY, OFFICE, TITLE
from pipeline.function_words import ARTICLES, POSSESSIVE_MARKS
from pipeline.knowledge.actors import ActorBase
from pipeline.knowledge.bundle import shared
from pipeline.knowledge.cues import CueLexicon

UNKNOWN = "UNKNOWN"
UNKNOWN_KEY = "unknown_actors"
TITLED, NAME, ENTITY = "titled", "name", "entity"
APPOSITION_REACH = 6  # words between "Ivan Petrov," and the title's head
ENTITY_KINDS = {"PERSON": "person", "ORG": "organisation", "GPE": "state", "NORP": "group"}
TITLE_LABELS = frozenset({TITLE, OFFICE})
BE_LEMMAS = frozenset({"be"})
JOINED = frozenset({"of", "and", "for", "-", "&"})  # inside a name: "Court of Justice"


@dataclass(frozen=True)
class Found:
    """One unknown actor as first found: its slug, the words of its name and surname."""

    slug: str
    name: tuple[str, ...]
    surname: tuple[str, ...]
    kind: str
    role: str | None
    gender: str
    via: str = TITLED
    affiliation: str | None = None  # the state or body named with the title


def acts(ent: Span, acting: frozenset[str]) -> bool:
    """An entity that acts: the subject of a verb other than "be", or a possessor ("the
    Alliance's demand"); a place or body only as the subject or possessor of a word in
    ``acting`` (speech verbs and cue words: "Hungary said", "Hungary's demand").
    Regions, rivers, cities, outlets and events ("the Donbas will remain", "told the
    Guardian"), and words a small model takes for people, are not actors; without a
    parse nothing is known, so nothing is taken."""
    if not ent.doc.has_annotation("DEP"):
        return False
    root = ent.root
    if root.dep_ not in {"nsubj", "poss"}:
        return False
    if ent.label_ != "PERSON":
        return root.head.lower_ in acting
    return root.dep_ == "poss" or root.head.lemma_ not in BE_LEMMAS


class UnknownActorFinder:
    """Add candidates for titled names and named entities the knowledge base lacks."""

    def __init__(self, base: ActorBase, cues: CueLexicon) -> None:
        self.base = base
        self.cues = base.names
        # what a place or body must do, or own, to be an actor: speech verbs and cue words
        self.acting = frozenset(
            {form.lower() for entry in cues.entries for form in entry.forms}
            | cues.words["speech_verbs"]
        )

    def __call__(self, doc: Doc) -> Doc:
        candidates = list(doc.spans.get(CANDIDATES_KEY, []))
        blocked = list(doc.spans.get(BLOCKED_KEY, []))
        doc.spans.pop(BLOCKED_KEY, None)
        taken = {i for span in [*candidates, *blocked] for i in range(span.start, span.end)}
        reader = NameReader(doc, self.cues, taken)
        found = self.titled(reader, self.bodies(candidates))
        self.entities(doc, reader, found)
        spans = self.mentions(doc, reader, found)
        if spans:
            # "Kremlin spokesman Ivan Petrov": the name says who holds the title
            named = {start for (start, _), f in found.items() if f.via == TITLED}
            kept = [c for c in candidates if not (c.label_ in TITLE_LABELS and c.end in named)]
            doc.spans[CANDIDATES_KEY] = sorted([*kept, *spans])
        doc.user_data[UNKNOWN_KEY] = {
            f.slug: {
                "name": " ".join(f.name),
                "kind": f.kind,
                "role": f.role,
                "gender": f.gender,
                "affiliation": f.affiliation,
            }
            for f in found.values()
            if f.slug not in self.base.actors
        }
        return doc

    def bodies(self, candidates: list[Span]) -> dict[int, str]:
        """Token -> the state or body a known candidate there names ("German", "Spain")."""
        bodies: dict[int, str] = {}
        for span in candidates:
            actor = self.base.get(span.id_)
            if actor is not None and actor.kind != "person":
                bodies.update(dict.fromkeys(range(span.start, span.end), actor.id))
        return bodies

    def titled(self, reader: NameReader, bodies: dict[int, str]) -> dict[tuple[int, int], Found]:
        """Names beside a title: "Minister Jean Dupont", "Ivan Petrov, the ... minister";
        a state or body named in the title, or after "of", is whom the person speaks for."""
        found: dict[tuple[int, int], Found] = {}
        for head in reader.positions(self.cues.titles):
            start, end = reader.name_after(head + 1)
            title = range(self.title_start(reader, head, bodies), head)
            if end == start:
                start, end = self.apposition(reader, head)
                if end - start < 2:
                    continue
                title = range(end, head)
            if reader.title_sentence(head):
                continue
            after = [end + 1] if end < len(reader.texts) and reader.lowers[end] == "of" else []
            body = next((bodies[i] for i in [*after, *reversed(title)] if i in bodies), None)
            found[(start, end)] = replace(self.record(reader, start, end, head), affiliation=body)
        return found

    def title_start(self, reader: NameReader, head: int, bodies: dict[int, str]) -> int:
        """Where the title before a name begins: "Russia's deputy foreign minister"."""
        start = head
        while start > 0 and head - start < APPOSITION_REACH:
            before = start - 1
            if not (
                reader.lowers[before] in self.cues.modifiers
                or reader.lowers[before] in POSSESSIVE_MARKS
                or before in bodies
                or reader.texts[before][:1].isupper()
            ):
                break
            start = before
        return start

    def apposition(self, reader: NameReader, head: int) -> tuple[int, int]:
        """ "Ivan Petrov, the Russian deputy foreign minister": the name before the comma."""
        i = head - 1
        while i > 0 and head - i <= APPOSITION_REACH:
            lower = reader.lowers[i]
            if lower == ",":
                return reader.name_before(i)
            fits = (
                lower in self.cues.modifiers
                or lower in ARTICLES
                or lower in POSSESSIVE_MARKS
                or reader.texts[i][:1].isupper()
            )
            if not fits:
                break
            i -= 1
        return head, head

    def record(
        self, reader: NameReader, start: int, end: int, head: int | None, via: str = TITLED
    ) -> Found:
        surname = reader.surname(start, end)
        lower = reader.lowers[head] if head is not None else ""
        return Found(
            slug=slug_of(surname),
            name=tuple(reader.texts[start:end]),
            surname=surname,
            kind="person",
            role=reader.role(head) if head is not None else None,
            gender="female" if lower in self.cues.female_titles else "unknown",
            via=via,
        )

    def entities(self, doc: Doc, reader: NameReader, found: dict[tuple[int, int], Found]) -> None:
        """A trained pipeline's PERSON, ORG and GPE entities that nothing else covers."""
        if not doc.has_annotation("ENT_IOB"):
            return
        inside = {i for start, end in found for i in range(start, end)}
        for ent in doc.ents:
            if ent.label_ not in self.cues.entity_labels:
                continue
            if any(i in reader.taken or i in inside for i in range(ent.start, ent.end)):
                continue
            words = [t.text for t in ent if t.lower_ not in ARTICLES]
            text = " ".join(words).lower()
            if text in self.cues.not_names or any(w.lower() in self.cues.not_names for w in words):
                continue
            if not acts(ent, self.acting):
                continue
            kind = ENTITY_KINDS[ent.label_]
            if kind == "person":
                start, end = reader.name_after(ent.start)
                if end - start >= 2:  # one word alone is a surname found elsewhere, or no name
                    found[(start, end)] = self.record(reader, start, end, None, ENTITY)
            elif all(
                reader.is_name_word(i) or reader.lowers[i] in JOINED
                for i in range(ent.start, ent.end)
                if reader.lowers[i] not in ARTICLES
            ):
                found[(ent.start, ent.end)] = Found(
                    slug_of(words), tuple(words), tuple(words), kind, None, "none", ENTITY
                )

    def mentions(
        self, doc: Doc, reader: NameReader, found: dict[tuple[int, int], Found]
    ) -> list[Span]:
        """The found names, and each full name or surname again anywhere in the article."""
        spans = [
            Span(doc, start, end, label=UNKNOWN, kb_id=f.via, span_id=f.slug)
            for (start, end), f in found.items()
        ]
        forms: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for f in found.values():
            if f.kind != "person":  # a place's name again is no sign that it acts
                continue
            for words in (f.name, f.surname):
                forms.setdefault(words[0], []).append((words, f.slug))
        covered = {i for s in spans for i in range(s.start, s.end)}
        for i in reader.positions(forms, ORTH):
            for words, slug in sorted(forms[reader.texts[i]], key=lambda w: -len(w[0])):
                end = i + len(words)
                if tuple(reader.texts[i:end]) == words and not any(
                    j in covered or j in reader.taken for j in range(i, end)
                ):
                    spans.append(Span(doc, i, end, label=UNKNOWN, kb_id=NAME, span_id=slug))
                    covered.update(range(i, end))
                    break
        return spans


@Language.factory(
    "unknown_actor_finder",
    default_config={"knowledge": ""},
    requires=["doc.spans"],
    assigns=["doc.spans", "doc.user_data"],
)
def make_unknown_actor_finder(nlp: Language, name: str, knowledge: str) -> UnknownActorFinder:
    """Factory: the title words and cue words come from the run's knowledge bundle, like
    the linker's."""
    bundle = shared(knowledge)
    return UnknownActorFinder(bundle.actors, bundle.cues)
