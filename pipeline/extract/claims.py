"""Sequence the extraction for one document: context, cues, decisions, claims."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.annotate.store import MENTIONS_KEY
from pipeline.extract.cues import CueMatcher, DocTokens, LexemeTable
from pipeline.extract.documents import DocumentRecord, remember_documents
from pipeline.extract.grammar.quotes import carry_quote_speakers, quote_openings
from pipeline.extract.grammar.sentence import SentenceContext, is_headline_text
from pipeline.extract.grammar.speech import build_context
from pipeline.extract.grammar.title_case import read_title_case
from pipeline.extract.rules import ClaimRules, Decision
from pipeline.extract.topic_finder import TopicFinder
from pipeline.extract.topics import choose_topic
from pipeline.ids import claim_id
from pipeline.knowledge.cues import CueLexicon
from pipeline.knowledge.topics import TopicLexicon
from pipeline.records import Claim

if TYPE_CHECKING:
    from pipeline.extract.learned.union import LearnedClaims


@dataclass(frozen=True)
class SentenceTrace:
    """Everything decided about one sentence: used by ``explain`` and by ``extract``."""

    sentence_id: int
    sent: Span
    context: SentenceContext
    decisions: list[Decision]
    previous: Span | None = None


class ClaimExtractor:
    """Rules plus lexicons, loaded once and applied to many docs."""

    def __init__(
        self,
        nlp: Language,
        cues: CueLexicon,
        topics: TopicLexicon,
        min_confidence: float = 0.0,
        affiliations: dict[str, str] | None = None,
        learned: LearnedClaims | None = None,
    ) -> None:
        self.learned = learned
        self.matcher = CueMatcher(nlp, cues)
        self.rules = ClaimRules(cues, affiliations)
        self.cues = cues
        self.topics = topics
        self.topic_finder = TopicFinder(topics)
        self.lexemes = LexemeTable()
        self.min_confidence = min_confidence
        self.affiliations = affiliations or {}

    def trace(self, doc: Doc) -> Iterator[SentenceTrace]:
        sentences = sentences_with_mentions(doc)
        tokens = read_title_case(DocTokens.of(doc, self.lexemes), sentences)
        contexts = self.contexts(sentences, tokens)
        antecedents: dict[str, Span] = {}
        previous: SentenceContext | None = None
        documents = DocumentRecord(self.affiliations)
        for sentence_id, context in enumerate(contexts):
            sent, mentions = context.sent, context.mentions
            context.antecedents = antecedents
            documents.sentence_id = sentence_id
            context.documents = documents
            decisions = self.rules.decide(context, self.matcher.find(sent, mentions, tokens))
            remember_documents(context, self.cues)
            antecedents = {d.claim_type: d.actor for d in decisions if d.is_claim and d.actor}
            yield SentenceTrace(
                sentence_id, sent, context, decisions, previous.sent if previous else None
            )
            previous = context

    def contexts(
        self, sentences: list[tuple[Span, list[Span]]], tokens: DocTokens
    ) -> list[SentenceContext]:
        """Every sentence's context, built before any is decided: a quote that runs over
        several sentences takes its speaker from its first or its last one."""
        openings = quote_openings(tokens, [sent for sent, _ in sentences])
        contexts: list[SentenceContext] = []
        previous: SentenceContext | None = None
        for (sent, mentions), opening in zip(sentences, openings, strict=True):
            previous = build_context(sent, mentions, self.cues, previous, tokens, opening)
            contexts.append(previous)
        carry_quote_speakers(contexts, openings)
        return contexts

    def claims(self, doc: Doc) -> list[Claim]:
        """Distinct (actor, type, topic) claims per sentence; the most confident evidence.
        With the claim model loaded, its claims are added where the rules hold none."""
        doc_id = str(doc.user_data.get("doc_id", ""))
        best: dict[tuple[int, str, str, str], Claim] = {}
        headlines: set[str] = set()
        traces = list(self.trace(doc)) if self.learned is not None else self.trace(doc)
        for trace in traces:
            kept = [
                d for d in trace.decisions if d.is_claim and d.confidence >= self.min_confidence
            ]
            if kept and repeated_headline(trace.context.text, headlines):
                continue
            sentence = trace.context.text.strip() if kept else ""
            for decision in kept:
                claim = self._claim(doc_id, trace, sentence, decision)
                key = (trace.sentence_id, claim.actor_id, claim.claim_type, claim.topic)
                if key not in best or claim.confidence > best[key].confidence:
                    best[key] = claim
        found = list(best.values())
        if self.learned is not None:
            found = [] if self.learned.alone else found
            found += self.model_claims(doc_id, list(traces), found)
        return sorted(
            found,
            key=lambda c: (c.sentence_id, c.start_char, c.actor_id, c.claim_type, c.topic),
        )

    def model_claims(
        self, doc_id: str, traces: list[SentenceTrace], rule_claims: list[Claim]
    ) -> list[Claim]:
        """The claim model's claims that the rules lack (see ``learned.union``)."""
        from pipeline.extract.learned.union import held_by_rules, model_claim

        assert self.learned is not None
        held = held_by_rules(rule_claims)
        headlines: set[str] = set()
        repeated = {t.sentence_id for t in traces if repeated_headline(t.context.text, headlines)}
        by_id = {trace.sentence_id: trace for trace in traces}
        added: list[Claim] = []
        for scores in self.learned.score([(t.sent, t.context.mentions) for t in traces]):
            pair = scores.pair
            if pair.sentence_id in repeated:
                continue
            for kind in self.learned.chosen(scores):
                if (pair.sentence_id, pair.actor_id, kind) in held:
                    continue
                trace = by_id[pair.sentence_id]
                claim = model_claim(doc_id, trace, scores, kind, self.topic_finder, self.cues)
                if claim.confidence >= self.min_confidence:
                    added.append(claim)
        return added

    def topic_anchor(self, trace: SentenceTrace, decision: Decision) -> tuple[int, int]:
        """The token the claim's topic is chosen near: the cue, but for a threat tied to a
        condition the condition ("threatened sanctions if it refused a truce" is about
        the truce: guidelines v2, "with the topic of what is demanded")."""
        cue = decision.cue
        if cue.kind == "verb" and cue.entry.lemma in self.cues.words["conditioned_lemmas"]:
            condition = _condition_after(trace, cue.end, self.cues.words["condition_words"])
            if condition is not None:
                return condition, condition + 1
        return cue.start, cue.end

    def _claim(self, doc_id: str, trace: SentenceTrace, sentence: str, decision: Decision) -> Claim:
        doc = trace.sent.doc
        cue_span = doc[decision.cue.start : decision.cue.end]
        assert decision.actor is not None
        anchor = doc[slice(*self.topic_anchor(trace, decision))]
        topic = choose_topic(
            self.topic_finder,
            trace.sent,
            anchor.start_char,
            anchor.end_char,
            trace.previous,
            trace.context.tokens.doc_text,
        )
        actor_id = decision.actor.label_
        return Claim(
            claim_id=claim_id(
                doc_id, trace.sentence_id, actor_id, decision.claim_type, topic, cue_span.start_char
            ),
            doc_id=doc_id,
            sentence_id=trace.sentence_id,
            sentence=sentence,
            actor_id=actor_id,
            claim_type=decision.claim_type,
            topic=topic,
            cue=cue_span.text,
            start_char=cue_span.start_char,
            end_char=cue_span.end_char,
            rule=decision.rule,
            confidence=decision.confidence,
            speaker=decision.speaker.label_ if decision.speaker is not None else None,
            target_actor_id=decision.target.label_ if decision.target is not None else None,
            modality=decision.modality,
        )


def _condition_after(trace: SentenceTrace, start: int, words: frozenset[str]) -> int | None:
    """The first condition word ("if", "unless") after ``start`` in the sentence."""
    norm = trace.context.tokens.norm
    return next((i for i in range(start, trace.sent.end) if norm[i] in words), None)


def repeated_headline(text: str, seen: set[str]) -> bool:
    """A headline printed twice is one unit (guidelines v2): the copy adds no claims.
    ``seen`` holds the words of the headline lines met so far in the document."""
    if not is_headline_text(text):
        return False
    words = " ".join(re.findall(r"\w+", text.casefold()))
    if words in seen:
        return True
    seen.add(words)
    return False


def sentences_with_mentions(doc: Doc) -> list[tuple[Span, list[Span]]]:
    """``sentence_mentions``, sorting the mentions into sentences in one pass rather than
    one pass per sentence."""
    sents = list(doc.sents)
    starts = [sent.start for sent in sents]
    mentions: list[list[Span]] = [[] for _ in sents]
    for mention in doc.spans.get(MENTIONS_KEY, []):
        mentions[bisect_right(starts, mention.start) - 1].append(mention)
    return list(zip(sents, mentions, strict=True))


def sentence_text(sent: Span) -> str:
    """The sentence without the line breaks and spaces spaCy keeps at its edges."""
    return sent.text.strip()
