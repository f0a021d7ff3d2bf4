"""Sentence patterns of documents: what a document contains is its author's demand, and a
plan's terms written with "would" are its author's demands and concessions.

Guidelines v2, "Documents" and "A plan's terms": "Russia's memorandum assumes recognition
of ..." is a Russian demand; "Under the plan, Ukraine would withdraw from ..." is a demand
by the plan's author, "the United States would recognise ..." in a U.S. plan a U.S.
concession. Outside a plan's context "would" stays a hypothetical, and nothing is claimed.
"""

from __future__ import annotations

import functools

from spacy.tokens import Span

from pipeline.extract.cues import Cue
from pipeline.extract.decisions import Decision, RuleSet
from pipeline.extract.documents import (
    clause_authors,
    document_authors,
    document_subject,
    noun_key,
)
from pipeline.extract.grammar.clauses import in_conditional
from pipeline.extract.grammar.sentence import SentenceContext
from pipeline.extract.grammar.tokens import mention_at, mention_ending_before, preceded_by
from pipeline.function_words import (
    BACKSHIFTED_WILL,
    BE_NONFINITE,
    CONDITIONAL_CONJUNCTIONS,
    NOT,
    NOUN_DETERMINERS,
    PREPOSITIONS,
)
from pipeline.knowledge.cues import CueEntry

# No-claim outcomes of a plan noun that a named author overrides: no owner was found, or
# a modal stood before it ("might reject the plan that Moscow wants": Moscow's all the same).
OWNERLESS = frozenset({"noun-no-holder", "modal"})
CONTENT_ENTRY = CueEntry("demand", "content", "provide for", ("provide for",))
TERM_ENTRY = CueEntry("demand", "term", "would", ("would",))
VERB_REACH = 7  # words between "would" and its verb ("would, in practice, be allowed")
RELIEF_REACH = 6  # words of "eventual sanctions relief for Moscow" after a content verb
UNDER_REACH = 4  # words between "under" and the plan ("under the U.S. peace plan")


class DocumentRules(RuleSet):
    """Claims of documents and plans, given the cue decisions already made."""

    def apply(
        self, ctx: SentenceContext, cues: list[Cue], decisions: list[Decision]
    ) -> list[Decision]:
        if ctx.documents is None or ctx.is_question:
            return []
        found = self.clause_authors(ctx, decisions)
        found += self.document_terms(ctx)
        found += self.plan_terms(ctx, cues)
        return found

    def clause_authors(self, ctx: SentenceContext, decisions: list[Decision]) -> list[Decision]:
        """ "The plan that Washington and Moscow want to impose", "The plan was negotiated
        by Witkoff": a plan noun with no holder of its own takes the authors of its clause."""
        found: list[Decision] = []
        plans = self.words["document_nouns"]
        for decision in decisions:
            cue = decision.cue
            if decision.rule not in OWNERLESS or cue.kind != "noun" or cue.type != "demand":
                continue  # a claim already, or stopped by a gate (a question, a negation)
            if ctx.tokens.norm[cue.end - 1] not in plans:
                continue
            authors = clause_authors(ctx, cue.end - 1, self.lexicon)
            if authors:
                found += self.claims(ctx, cue, authors, "demand", "noun-clause-author")
        return found

    def document_terms(self, ctx: SentenceContext) -> list[Decision]:
        """ "Russia's memorandum assumes recognition of ...", "'...,' the memorandum says":
        a verb of content with a document as subject is its author's demand."""
        tokens, verbs = ctx.tokens, self.words["document_content_verbs"]
        firsts = _first_words(verbs)
        found: list[Decision] = []
        for index in range(ctx.start, ctx.end):
            norm = tokens.norm[index]
            if norm not in verbs and (norm not in firsts or _pair(ctx, index) not in verbs):
                continue
            if not tokens.is_lower[index] or ctx.quoted(index):
                continue
            authors = self._authors_of_subject(ctx, index)
            if not authors or not self._content_asserted(ctx, index):
                continue
            cue = self.word_cue(ctx, index, CONTENT_ENTRY)
            found += self.claims(ctx, cue, authors, "demand", "document-terms")
            if self._gives_relief(ctx, index, authors):
                found += self.claims(ctx, cue, authors, "concession", "document-terms")
        return found

    def _gives_relief(self, ctx: SentenceContext, verb: int, authors: list[Span]) -> bool:
        """ "includes sanctions relief for Moscow": relief for the other side, named after
        "for/on/to", is given by the document's author."""
        tokens, words = ctx.tokens, self.words
        window = range(verb + 1, min(ctx.end, verb + 1 + RELIEF_REACH))
        relief = [i for i in window if tokens.norm[i] in words["plan_relief_nouns"]]
        if not relief or not any(tokens.norm[i] in words["relief_objects"] for i in window):
            return False
        for position in range(relief[0] + 1, min(ctx.end - 1, relief[0] + RELIEF_REACH)):
            if tokens.lower[position] in {"for", "on", "to"}:
                recipient = mention_at(ctx.mentions, position + 1)
                if recipient is not None:
                    return not self._own_side(recipient, authors)
        return False

    def _authors_of_subject(self, ctx: SentenceContext, verb: int) -> list[Span]:
        """The authors of the plan-like document that is the verb's subject."""
        noun = document_subject(ctx, verb, self.lexicon)
        if noun is None:
            return []
        if noun == -1:  # "It urges ...": the document named in the sentence before
            last = ctx.documents.last if ctx.documents is not None else None
            plan = last is not None and last.noun in self.words["document_nouns"]
            return list(last.authors) if last is not None and plan else []
        if ctx.tokens.norm[noun] not in self.words["document_nouns"]:
            return []  # "the statement said ...": a statement only voices its author
        return document_authors(ctx, noun, self.lexicon)

    def _content_asserted(self, ctx: SentenceContext, index: int) -> bool:
        tokens = ctx.tokens
        following = tokens.norm[index + 1] if index + 1 < ctx.end else ""
        if following in self.words["empty_objects"]:
            return False  # "the plan says nothing about Crimea"
        return (
            preceded_by(tokens, index, self.negations, ctx.start) is None
            and preceded_by(tokens, index, self.firm_modals, ctx.start) is None
            and not in_conditional(ctx, index, self.lexicon)
            and not any(i < index for i in self.doubted(ctx))
        )

    def plan_terms(self, ctx: SentenceContext, cues: list[Cue]) -> list[Decision]:
        """ "Under the plan, Ukraine would withdraw from ...": a plan's "would" terms, told
        by the narrator or the plan itself, inside the plan's context."""
        record = ctx.documents
        assert record is not None
        plan = self._plan_here(ctx)
        if plan is None and (not record.in_plan_context() or record.plan is None):
            return []
        authors = plan if plan is not None else list(record.plan.authors)  # type: ignore[union-attr]
        if not authors:
            return []
        cue_starts = {c.start: c for c in cues}
        found: list[Decision] = []
        for index in range(ctx.start, ctx.end):
            if ctx.tokens.lower[index] not in BACKSHIFTED_WILL or not self._narrated(ctx, index):
                continue
            term = self._term(ctx, index, authors, cue_starts)
            if term is None:
                continue
            holders, claim_type = term
            cue = self.word_cue(ctx, index, TERM_ENTRY)
            found += self.claims(ctx, cue, holders, claim_type, "plan-term")
        if found:
            record.open_context()
        return found

    def _plan_here(self, ctx: SentenceContext) -> list[Span] | None:
        """The authors of "under the plan" or of a plan noun that is the subject of "would"
        in this sentence; None when the sentence names no such plan."""
        tokens, plans = ctx.tokens, self.words["document_nouns"]
        for index in range(ctx.start, ctx.end):
            if tokens.norm[index] not in plans or noun_key(ctx, index, self.lexicon) is None:
                continue
            window = range(max(ctx.start, index - UNDER_REACH), index)
            under = any(tokens.lower[i] in {"under", "according"} for i in window)
            subject = index + 1 < ctx.end and tokens.lower[index + 1] in BACKSHIFTED_WILL
            if under or subject:
                return document_authors(ctx, index, self.lexicon)
        return None

    def _narrated(self, ctx: SentenceContext, index: int) -> bool:
        """ "would" told by the narrator: not someone's forecast ("Peskov said Russia would
        ..."), not under doubt, a condition or a question."""
        speech = ctx.speech_for(index)
        if speech is not None and speech.speaker is not None:
            return False
        if ctx.quoted(index) or ctx.is_question:
            return False
        if any(ctx.tokens.lower[i] in CONDITIONAL_CONJUNCTIONS for i in range(ctx.start, index)):
            return False  # "If Kyiv withdrew, Russia would halt ...": a consequence
        return not any(i < index for i in self.doubted(ctx)) and not in_conditional(
            ctx, index, self.lexicon
        )

    def _term(
        self, ctx: SentenceContext, would: int, authors: list[Span], cues: dict[int, Cue]
    ) -> tuple[list[Span], str] | None:
        """Who holds the term at ``would`` and whether the plan gives or asks."""
        verb, passive, negated = self._verb_after(ctx, would)
        if verb is None:
            return None
        norm, words = ctx.tokens.norm[verb], self.words
        cue = cues.get(verb)
        if would > ctx.start and noun_key(ctx, would - 1, self.lexicon) is not None:
            return self._document_does(ctx, verb, authors, cue)
        if norm in words["plan_reaction_verbs"] or (cue is not None and cue.type != "concession"):
            return None  # "Kyiv would reject the deal": a reaction, not a term
        if self._object_is_document(ctx, verb):
            return None  # "Ukraine would accept the plan"
        if norm in words["non_concession_verbs"] and not self._yielding_object(ctx, verb):
            return None  # "European leaders would meet in Paris": narration, no term
        following = ctx.tokens.norm[verb + 1 : min(ctx.end, verb + 3)]
        if any(word in words["empty_objects"] for word in following):
            return None  # "the West would sacrifice nothing", "would give up nothing"
        giving = norm in words["plan_giving_verbs"] or cue is not None
        receiving = norm in words["plan_receiving_verbs"]
        subject = self._subject(ctx, would)
        own = subject is not None and self._own_side(subject, authors)
        if passive:
            return self._passive_term(ctx, verb, authors, subject, giving and not negated, negated)
        if subject is None:
            return None
        if not own:  # the other side gives (a demand) or receives (a concession)
            if receiving:
                return authors, "concession"
            asked = giving or norm in words["plan_term_verbs"]
            return (authors, "demand") if asked else None  # not "Putin would claim victory"
        if giving and not negated:
            return [subject], "concession"  # "the United States would recognise ..."
        return self._received(subject, authors) if receiving else None

    def _passive_term(
        self,
        ctx: SentenceContext,
        verb: int,
        authors: list[Span],
        subject: Span | None,
        giving: bool,
        negated: bool,
    ) -> tuple[list[Span], str] | None:
        """ "Sanctions would be lifted", "the areas would be recognised by the U.S.",
        "Ukraine's army would be capped": given by the plan, or asked of the other side."""
        own = subject is not None and self._own_side(subject, authors)
        if negated:  # "would not be allowed to join": asked; "not be held ...": unclear
            return (authors, "demand") if giving and subject is not None and not own else None
        if own:
            return self._received(subject, authors) if giving else None  # type: ignore[arg-type]
        if not giving:  # "Ukraine's army would be capped"; not "Russia would be rewarded"
            imposed = ctx.tokens.norm[verb] in self.words["plan_imposing_participles"]
            return (authors, "demand") if imposed else None
        agent = self._agent(ctx, verb)
        givers = [agent] if agent is not None and self._own_side(agent, authors) else authors
        return givers, "concession"

    def _received(self, subject: Span, authors: list[Span]) -> tuple[list[Span], str]:
        """What the author's own side receives: conceded by co-authors of the other side
        ("Russia would keep ..." in a plan of Washington and Moscow), else demanded."""
        others = [a for a in authors if not self._own_side(a, [subject])]
        return (others, "concession") if others else (authors, "demand")

    def _document_does(
        self, ctx: SentenceContext, verb: int, authors: list[Span], cue: Cue | None
    ) -> tuple[list[Span], str] | None:
        """ "The plan would require Kyiv to ...", "the draft would give Russia ...": what the
        plan does is its author's demand, or a concession when it gives the other side."""
        norm, words = ctx.tokens.norm[verb], self.words
        if norm in words["plan_reaction_verbs"] or (cue is not None and cue.type == "rejection"):
            return None  # "the plan would reward aggression": a judgement
        recipient = mention_at(ctx.mentions, verb + 1)
        giving = norm in words["plan_giving_verbs"] and (cue is None or cue.type == "concession")
        if giving and recipient is not None and not self._own_side(recipient, authors):
            return authors, "concession"
        return authors, "demand"

    def _verb_after(self, ctx: SentenceContext, would: int) -> tuple[int | None, bool, bool]:
        """The verb of "would (not) (, in practice,) (be) V", whether it is passive, and
        whether it is negated; None for a forecast or a judgement."""
        tokens, words = ctx.tokens, self.words
        position, passive, negated = would + 1, False, False
        stop = min(ctx.end, would + 1 + VERB_REACH)
        while position < stop:
            word = tokens.lower[position]
            if word in words["plan_forecast_words"] or word in {"have", "'ve"}:
                if word == "have" and position + 1 < ctx.end and tokens.lower[position + 1] == "to":
                    position += 2  # "would have to withdraw": an obligation of the plan
                    continue
                return None, False, False  # "would likely", "would have accepted"
            if word in NOT:
                negated = True
            elif word in BE_NONFINITE:
                passive = True
            elif tokens.is_punct[position] or word in PREPOSITIONS or word == "practice":
                pass  # "would, in practice, be allowed"
            elif tokens.is_alpha[position] and tokens.is_lower[position]:
                if word in words["verb_adverbs"] or word.endswith("ly"):
                    position += 1
                    continue
                if passive and not _participle(word, words["irregular_participles"]):
                    return None, False, False  # "would be a disaster": a judgement
                return position, passive, negated
            else:
                return None, False, False
            position += 1
        return None, False, False

    def _subject(self, ctx: SentenceContext, would: int) -> Span | None:
        """The actor right before "would" ("Ukraine would", "Russia's forces would")."""
        subject = mention_ending_before(ctx.mentions, would)
        if subject is None and would - 1 > ctx.start:
            group = mention_ending_before(ctx.mentions, would - 1)
            if group is not None and ctx.tokens.norm[would - 1] in self.words["group_nouns"]:
                subject = group  # "Ukrainian forces would withdraw"
        return subject

    def _agent(self, ctx: SentenceContext, verb: int) -> Span | None:
        for position in range(verb + 1, min(ctx.end - 1, verb + 3)):
            if ctx.tokens.lower[position] == "by":
                return mention_at(ctx.mentions, position + 1)
        return None

    def _own_side(self, actor: Span, authors: list[Span]) -> bool:
        """The actor is an author or belongs to one ("Witkoff" and "the United States")."""
        labels = {a.label_ for a in authors}
        sides = labels | {self.affiliations.get(label, "") for label in labels}
        return actor.label_ in sides or self.affiliations.get(actor.label_) in labels

    def _yielding_object(self, ctx: SentenceContext, verb: int) -> bool:
        """ "would hold elections": an object that makes a meeting verb a term."""
        window = range(verb + 1, min(ctx.end, verb + 4))
        return any(ctx.tokens.norm[i] in self.words["yielding_objects"] for i in window)

    def _object_is_document(self, ctx: SentenceContext, verb: int) -> bool:
        """ "would accept it", "would sign the deal": the object is the plan itself."""
        tokens, position = ctx.tokens, verb + 1
        if position < ctx.end and tokens.lower[position] in {"it", "this", "them"}:
            return True
        if position < ctx.end and tokens.lower[position] in NOUN_DETERMINERS:
            position += 1
        return position < ctx.end and noun_key(ctx, position, self.lexicon) is not None


@functools.cache
def _first_words(phrases: frozenset[str]) -> frozenset[str]:
    """The first words of the two-word phrases: only they can start a pair worth building."""
    return frozenset(phrase.split()[0] for phrase in phrases if " " in phrase)


def _pair(ctx: SentenceContext, index: int) -> str:
    """The word at ``index`` with the next one ("provides for", "sets out")."""
    if index + 1 >= ctx.end:
        return ""
    return f"{ctx.tokens.norm[index]} {ctx.tokens.norm[index + 1]}"


def _participle(word: str, irregular: frozenset[str]) -> bool:
    return word.endswith(("ed", "en")) or word in irregular
