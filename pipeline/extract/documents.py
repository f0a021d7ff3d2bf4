"""Documents and their authors: a plan, memorandum or draft holds no claim, its author does.

The guidelines give a document's demands to whoever drew it up ("The memorandum calls for
..." is Russia's when Russia presented it). An author is named with the document (a
possessor, a demonym, "by X", "X drafted the plan", "the plan that X proposed") or in an
earlier sentence of the article; ``DocumentRecord`` keeps the authors of the documents met
so far, as the extractor walks the sentences, so "the memorandum" named again finds them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from spacy.tokens import Span

from pipeline.extract.cues import Cue
from pipeline.extract.grammar.phrases import (
    actor_after_word,
    and_following,
    light_verb_before,
    participle_agents,
    possessor_of,
)
from pipeline.extract.grammar.sentence import SentenceContext
from pipeline.extract.grammar.subjects import coordinated, left_subject
from pipeline.extract.grammar.tokens import mention_at
from pipeline.function_words import (
    AGENT_PREPOSITIONS,
    ANAPHORIC_DETERMINERS,
    NOUN_DETERMINERS,
    PASSIVE_AUXILIARIES,
    POSSESSIVE_PRONOUNS,
    PREPOSITIONS,
    RELATIVE_SUBJECTS,
    TENSE_AUXILIARIES,
)
from pipeline.knowledge.cues import CueEntry, CueLexicon

# The stand-in cue of a document noun, for the phrase helpers that read a cue's position.
DOCUMENT_ENTRY = CueEntry("demand", "noun", "document", ("document",))

MEMORY = 5  # sentences a document's authors are remembered after it was last named
CONTEXT = 2  # sentences a plan's terms may follow the plan ("the previous two")
SUBJECT_REACH = 6  # words of "the memorandum to Ukraine" between a noun and its verb
RELATIVE_REACH = 9  # words of "a memorandum on the conditions for a settlement, which"
AUTHORING_GAP = 3  # words of "want to" between "the plan that X" and "impose"
MODIFIERS = 3  # words of "the new draft" between a determiner and a document noun


@dataclass
class Document:
    """A document named in the article, its authors and the sentence that last named it."""

    noun: str
    authors: list[Span]
    sentence_id: int
    opens: bool = False  # named as its sentence's subject: what "It ..." next refers to


@dataclass
class DocumentRecord:
    """The documents of one article met so far, and how long a plan's terms may follow."""

    affiliations: dict[str, str] = field(default_factory=dict)
    sentence_id: int = 0
    documents: dict[str, Document] = field(default_factory=dict)
    last: Document | None = None
    plan: Document | None = None  # the last plan whose terms may follow
    context_until: int = -1

    def recall(self, noun: str) -> Document | None:
        """The document this noun names again: the same noun, or for a generic one ("the
        document", "the text") the last document named, within ``MEMORY`` sentences."""
        found = self.documents.get(noun)
        if found is None or self.sentence_id - found.sentence_id > MEMORY:
            found = None
        last = self.last
        if found is None and last is not None and self.sentence_id - last.sentence_id <= 1:
            return last  # "Russia handed over its memorandum. The proposal calls for ..."
        return found

    def remember(self, noun: str, authors: list[Span], definite: bool, opens: bool) -> None:
        """A document with authors; naming the same one again ("the plan") adds authors."""
        known = self.recall(noun)
        if definite and known is not None and known.noun == noun:
            # "The plan that Washington wants ... The plan was drafted by Witkoff": the
            # same plan; a negotiator of a side already named adds nobody.
            labels = {a.label_ for a in known.authors}
            authors = known.authors + [
                a
                for a in authors
                if a.label_ not in labels and self.affiliations.get(a.label_) not in labels
            ]
        document = Document(noun, authors, self.sentence_id, opens)
        self.documents[noun] = document
        self.last = document

    def sides(self, authors: list[Span]) -> list[Span]:
        """Those who presented a document, as the sides they act for: the draft that
        Bessent presented is the United States' draft when named again."""
        found: list[Span] = []
        for author in authors:
            side = self.affiliations.get(author.label_, author.label_)
            if side != author.label_:
                author = Span(author.doc, author.start, author.end, label=side)
            if all(f.label_ != side for f in found):
                found.append(author)
        return found

    def refresh(self, document: Document, opens: bool) -> None:
        """A document named again without authors: remembered from this sentence on."""
        document.sentence_id = self.sentence_id
        document.opens = opens
        self.last = document

    def in_plan_context(self) -> bool:
        return self.sentence_id <= self.context_until

    def open_context(self) -> None:
        """A plan named here, or one of its terms: terms may follow for two sentences."""
        self.context_until = self.sentence_id + CONTEXT


@functools.cache
def _all_document_nouns(documents: frozenset[str], statements: frozenset[str]) -> frozenset[str]:
    return documents | statements


def document_nouns(lexicon: CueLexicon) -> frozenset[str]:
    """Nouns of documents and statements, joined once rather than on every token."""
    words = lexicon.words
    return _all_document_nouns(words["document_nouns"], words["statement_nouns"])


def names_a_document(ctx: SentenceContext, lexicon: CueLexicon) -> bool:
    """Whether any word of the sentence is a document noun: most sentences name none."""
    return not document_nouns(lexicon).isdisjoint(ctx.tokens.norm[ctx.start : ctx.end])


def noun_key(ctx: SentenceContext, index: int, lexicon: CueLexicon) -> str | None:
    """The document noun at ``index`` in the singular, or None when it is none."""
    norm = ctx.tokens.norm[index]
    nouns = document_nouns(lexicon)
    if norm not in nouns or not ctx.tokens.is_lower[index]:
        return None
    if norm.endswith("s") and norm[:-1] in nouns:
        return norm[:-1]
    return "memorandum" if norm == "memoranda" else norm


def named_authors(ctx: SentenceContext, index: int, lexicon: CueLexicon) -> list[Span]:
    """The authors named with the document noun at ``index`` in its own sentence."""
    owner = possessor_of(ctx, index, lexicon)
    if owner is not None:
        return [owner]  # "Russia's memorandum", "the Russian memorandum", "its draft"
    noun = Cue(index, index + 1, ctx.tokens.text[index], DOCUMENT_ENTRY)
    agent = actor_after_word(ctx, noun, AGENT_PREPOSITIONS, window=2)
    if agent is not None:
        return and_following(ctx, agent, lexicon)  # "a draft by Washington"
    agents = participle_agents(ctx, noun, lexicon)
    if agents:
        return agents  # "a draft drawn up by Washington"
    return clause_authors(ctx, index, lexicon) or presenters(ctx, index, lexicon)


def clause_authors(ctx: SentenceContext, index: int, lexicon: CueLexicon) -> list[Span]:
    """Authors named in a clause on the noun: "the plan that X proposed", "the plan was
    negotiated by X"."""
    return _passive_authors(ctx, index, lexicon) or _relative_authors(ctx, index, lexicon)


def _passive_authors(ctx: SentenceContext, index: int, lexicon: CueLexicon) -> list[Span]:
    """ "The plan was negotiated by X and Y": a passive authoring verb after the noun."""
    tokens, position = ctx.tokens, index + 1
    while position < ctx.end and tokens.lower[position] in PASSIVE_AUXILIARIES:
        position += 1
    if position == index + 1 or position + 2 >= ctx.end:
        return []
    if tokens.norm[position] not in lexicon.words["authoring_participles"]:
        return []
    for by in range(position + 1, min(ctx.end - 1, position + 3)):
        if tokens.lower[by] == "by":
            agent = mention_at(ctx.mentions, by + 1)
            return and_following(ctx, agent, lexicon) if agent is not None else []
    return []


def _relative_authors(ctx: SentenceContext, index: int, lexicon: CueLexicon) -> list[Span]:
    """ "the plan that Washington and Moscow want to impose": the subject of an authoring
    verb in a relative clause on the noun."""
    tokens, opener = ctx.tokens, index + 1
    if opener + 2 >= ctx.end or tokens.lower[opener] not in RELATIVE_SUBJECTS | {"whom"}:
        return []
    first = mention_at(ctx.mentions, opener + 1) or mention_at(ctx.mentions, opener + 2)
    if first is None:
        return []
    authors = and_following(ctx, first, lexicon)
    after = authors[-1].end
    verbs = lexicon.words["document_authoring_verbs"]
    for position in range(after, min(ctx.end, after + AUTHORING_GAP + 1)):
        if tokens.norm[position] in verbs:
            return authors
        if not tokens.is_alpha[position]:
            return []
    return []


def presenters(ctx: SentenceContext, index: int, lexicon: CueLexicon) -> list[Span]:
    """ "Russia has developed a memorandum", "Bessent presented Zelensky with a draft"."""
    tokens = ctx.tokens
    light = light_verb_before(ctx, index, lexicon)
    if light is None or tokens.norm[light] in lexicon.words["non_authoring_light_verbs"]:
        return []
    if light > ctx.start and tokens.lower[light - 1] == "to":
        return []  # "asked to present a plan": another verb governs
    if light > ctx.start and tokens.lower[light - 1] in NOUN_DETERMINERS:
        return []  # "a draft of the agreement": "draft" is a noun here
    if light + 1 < ctx.end and tokens.lower[light + 1] == "to":
        return []  # "was not prepared to sign the text": "prepared" is no light verb
    subject = left_subject(tokens, light, ctx.mentions, lexicon, ctx.start)
    return coordinated(tokens, subject, ctx.mentions, lexicon) if subject is not None else []


def document_authors(ctx: SentenceContext, index: int, lexicon: CueLexicon) -> list[Span]:
    """The authors of the document noun at ``index``: named with it, or, for "the
    memorandum" named again, remembered from an earlier sentence."""
    authors = named_authors(ctx, index, lexicon)
    if authors or ctx.documents is None:
        return authors
    keys: list[str] = []
    position = index
    while position >= ctx.start and ctx.tokens.is_lower[position] and len(keys) < MODIFIERS:
        key = noun_key(ctx, position, lexicon)
        if key is not None:
            keys.append(key)  # "the draft deal": the deal, or the draft named before
        elif ctx.tokens.lower[position] in ANAPHORIC_DETERMINERS:
            break
        position -= 1
    if position < ctx.start or ctx.tokens.lower[position] not in ANAPHORIC_DETERMINERS:
        return []  # "a plan calls for ...": a new document, nobody's yet
    record = ctx.documents
    named = [record.documents[k] for k in keys if k in record.documents]
    known = next((d for d in named if record.sentence_id - d.sentence_id <= MEMORY), None)
    if known is None and keys:
        known = record.recall(keys[0])
    return list(known.authors) if known is not None else []


def document_subject(
    ctx: SentenceContext, verb: int, lexicon: CueLexicon, direct_only: bool = False
) -> int | None:
    """Position of the document noun that is the subject of the verb at ``verb``: "The
    memorandum calls for", "Russia's memorandum to Ukraine assumes", "the memorandum,
    which sets out", or -1 for "It urges ..." when "it" is the document named last."""
    tokens = ctx.tokens
    position = verb - 1
    adverbs, modals = lexicon.words["verb_adverbs"], lexicon.words["hypothetical_modals"]
    while position >= ctx.start and (
        tokens.norm[position] in adverbs
        or tokens.lower[position] in TENSE_AUXILIARIES
        or tokens.norm[position] in modals
    ):
        position -= 1
    if position < ctx.start:
        return None
    if noun_key(ctx, position, lexicon) is not None:
        return position
    if direct_only:
        return None
    if tokens.lower[position] == "it":
        linked = mention_at(ctx.mentions, position) is not None
        return -1 if _it_is_document(ctx, linked) else None
    if tokens.text[position] == ",":  # "The draft, written by X's team, outlines ..."
        opening = _parenthesis_opening(ctx, position)
        if opening is None or opening - 1 < ctx.start:
            return None
        return opening - 1 if noun_key(ctx, opening - 1, lexicon) is not None else None
    if tokens.lower[position] in RELATIVE_SUBJECTS:
        start = (
            position - 1
            if position - 1 >= ctx.start and tokens.text[position - 1] == ","
            else position
        )
        return _noun_before(ctx, start, RELATIVE_REACH, lexicon)
    return _noun_before(ctx, position + 1, SUBJECT_REACH, lexicon)


PARENTHESIS_REACH = 12  # words inside ", written by Rubio's team," before a verb


def _parenthesis_opening(ctx: SentenceContext, closing: int) -> int | None:
    """The comma that opens the parenthesis closed by the comma at ``closing``."""
    for position in range(closing - 1, max(ctx.start, closing - PARENTHESIS_REACH) - 1, -1):
        if ctx.tokens.text[position] == ",":
            return position
        if ctx.tokens.is_punct[position] and ctx.tokens.text[position] not in {"-", "'s", "’s"}:
            return None
    return None


def _it_is_document(ctx: SentenceContext, linked: bool) -> bool:
    """ "it" right after a sentence that named a document with an author: unlinked, or
    linked to an actor when that sentence opened with the document as its subject."""
    record = ctx.documents
    if record is None or record.last is None:
        return False
    recent = record.sentence_id - record.last.sentence_id == 1
    return recent and (record.last.opens or not linked)


OPENING_REACH = 5  # words of "Russia's new draft" before a document that opens a sentence


def _opens_sentence(ctx: SentenceContext, index: int) -> bool:
    """The document noun is in the sentence's first noun phrase ("The memorandum was ...",
    "Russia's new memorandum ...")."""
    tokens = ctx.tokens
    if index - ctx.start > OPENING_REACH:
        return False
    return not any(
        tokens.is_punct[i] and tokens.text[i] not in {"-", "'s", "’s"}
        for i in range(ctx.start, index)
    )


def _noun_before(ctx: SentenceContext, end: int, reach: int, lexicon: CueLexicon) -> int | None:
    """A document noun before ``end`` whose phrase runs on to ``end`` only through
    prepositional phrases ("the memorandum to Ukraine", "a memorandum on the conditions for a
    settlement")."""
    tokens = ctx.tokens
    for position in range(end - 1, max(ctx.start, end - 1 - reach) - 1, -1):
        if noun_key(ctx, position, lexicon) is not None:
            following = tokens.lower[position + 1] if position + 1 < end else ""
            return position if following in PREPOSITIONS else None
        mention = mention_at(ctx.mentions, position)
        if mention is not None:
            governed = mention.start > ctx.start and tokens.lower[mention.start - 1] in PREPOSITIONS
            pronoun = tokens.span_text(mention).lower() in POSSESSIVE_PRONOUNS
            if not (governed or pronoun):
                return None  # an actor in the phrase would be the subject
            continue
        if not (tokens.is_alpha[position] or tokens.text[position] == "-"):
            return None
        if not tokens.is_lower[position]:
            return None
    return None


def remember_documents(ctx: SentenceContext, lexicon: CueLexicon) -> None:
    """After a sentence: note the documents it names with their authors, and open a plan
    context when it names a plan whose author is known."""
    record = ctx.documents
    if record is None or not names_a_document(ctx, lexicon):
        return
    tokens = ctx.tokens
    plans = lexicon.words["document_nouns"]
    # "The proposals should be the following:": the writer's advice lists no plan's terms
    advice = any(tokens.norm[i] in lexicon.words["deontic"] for i in range(ctx.start, ctx.end))
    for index in range(ctx.start, ctx.end):
        key = noun_key(ctx, index, lexicon)
        if key is None:
            continue
        authors = named_authors(ctx, index, lexicon)
        before = tokens.lower[index - 1] if index > ctx.start else ""
        definite = before in ANAPHORIC_DETERMINERS or before in POSSESSIVE_PRONOUNS
        opens = _opens_sentence(ctx, index)
        if authors and authors == presenters(ctx, index, lexicon):
            authors = record.sides(authors)  # "Bessent presented a draft": the U.S. draft
        if authors:
            record.remember(key, authors, definite, opens)
        elif definite and (known := record.recall(key)) is not None:
            record.refresh(known, opens)
        else:
            continue
        if tokens.norm[index] in plans and record.last is not None and not advice:
            record.plan = record.last
            record.open_context()
