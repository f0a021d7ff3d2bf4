"""Show, sentence by sentence, what the extractor saw and why it decided as it did.

A claim the user expected but did not get (or got but did not expect) is
understood from three things: the actor mentions the annotator found, who is
reported as speaking, and for each cue the rule that produced or rejected a
claim with its reason. These records carry exactly that, as plain values, so
they print as text or serialise as JSON.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any, NamedTuple

from spacy.tokens import Doc, Span

from pipeline.annotate.stage import annotate_documents
from pipeline.annotate.store import chunk_path, iter_annotated
from pipeline.chunks import INDEX_FILE, read_index
from pipeline.config import ANNOTATED_DIR, PipelineError, Settings
from pipeline.extract.claims import ClaimExtractor, SentenceTrace, sentence_text
from pipeline.extract.rules import Decision
from pipeline.extract.stage import build_extractor
from pipeline.extract.topics import choose_topic
from pipeline.knowledge.bundle import Knowledge, shipped_knowledge
from pipeline.records import Document

CLAIM = "claim"
NO_CLAIM = "no claim"
SHOWN_IDS = 5  # ids listed in an "ambiguous prefix" error


class MentionNote(NamedTuple):
    """An actor mention: its words, the actor id and how it was found (alias, title...)."""

    text: str
    actor_id: str
    via: str


class SpeechNote(NamedTuple):
    """A reporting verb and the actor who speaks (None when no speaker was found)."""

    verb: str
    speaker_id: str | None


@dataclass(frozen=True)
class Candidate:
    """One rule decision on one cue, reduced to ids and words."""

    cue: str
    cue_kind: str  # "<cue type> <cue kind>", e.g. "concession verb", "demand deontic"
    claim_type: str
    actor_id: str | None
    rule: str
    verdict: str  # CLAIM or NO_CLAIM
    reason: str | None
    confidence: float
    topic: str | None  # for the rules' claims: the topic the claim is filed under
    speaker_id: str | None
    target_id: str | None
    modality: str
    # The gates the cue passed, in order, and the gate that decided (None: the holder
    # rules did, or a sentence pattern found the claim); see docs/rules.md.
    gates: tuple[str, ...] = ()
    decided_by: str | None = None


@dataclass(frozen=True)
class ModelNote:
    """The claim model on one actor of the sentence: its probability per type, what the
    rules decided for that actor, and what the model adds (types the rules lack)."""

    actor_id: str
    scores: dict[str, float]
    thresholds: dict[str, float]
    rule_types: tuple[str, ...]
    adds: tuple[str, ...]


@dataclass(frozen=True)
class SentenceExplanation:
    """Mentions, speakers and candidate claims of one sentence."""

    sentence_id: int
    text: str
    mentions: tuple[MentionNote, ...]
    speeches: tuple[SpeechNote, ...]
    according_to: str | None
    carried_speaker: str | None
    candidates: tuple[Candidate, ...]
    model: tuple[ModelNote, ...] = ()  # with the claim model on: one note per actor

    @property
    def claims(self) -> tuple[Candidate, ...]:
        return tuple(c for c in self.candidates if c.verdict == CLAIM)


def explain_text(
    text: str,
    settings: Settings,
    published: str | None = None,
    knowledge: Knowledge | None = None,
) -> list[SentenceExplanation]:
    """Annotate an ad-hoc text as the annotate stage would, then explain every sentence.

    ``published`` (ISO date) resolves offices such as "the U.S. president" to the
    holder on that day, as for a dated article.
    """
    if not text.strip():
        raise PipelineError('nothing to explain: give a sentence, e.g. "Putin rejected the plan."')
    document = Document(doc_id="", source="", part=0, text=text, published=published)
    knowledge = knowledge or shipped_knowledge()
    (doc,) = annotate_documents(iter([document]), settings, knowledge)
    return explain_doc(doc, build_extractor(settings, knowledge))


def explain_stored(
    work_dir: Path,
    doc_id: str,
    sentence_id: int | None,
    settings: Settings,
    knowledge: Knowledge | None = None,
) -> list[SentenceExplanation]:
    """Explain a document of the annotate stage's output, or one of its sentences.

    ``doc_id`` may be any unique prefix of the id. The whole document is traced
    even for one sentence, because a sentence's context (a quote carried over,
    a pronoun's topic) comes from the sentence before it.
    """
    doc = find_stored_doc(Path(work_dir) / ANNOTATED_DIR, doc_id)
    extractor = build_extractor(settings, knowledge)
    explanations = explain_doc(doc, extractor)
    if sentence_id is None:
        return explanations
    if not 0 <= sentence_id < len(explanations):
        found = doc.user_data.get("doc_id")
        raise PipelineError(
            f"document {found} has {len(explanations)} sentences, numbered 0 to "
            f"{len(explanations) - 1}; sentence {sentence_id} does not exist. "
            "Leave out --sentence to see them all."
        )
    return [explanations[sentence_id]]


def find_stored_doc(folder: Path, doc_id: str) -> Doc:
    """The stored doc whose id is ``doc_id`` or starts with it; errors say what to try.

    The annotate stage's index says which chunk holds each id, so only that
    chunk is read.
    """
    if not (folder / INDEX_FILE).exists():
        raise PipelineError(f"{folder / INDEX_FILE} not found: run `pipeline annotate` first")
    wanted = doc_id.strip()
    if not wanted:
        raise PipelineError("give a document id (or a unique start of one) from documents.jsonl")
    located = {
        stored: entry["key"]
        for entry in read_index(folder, "pipeline annotate")
        for stored in entry["doc_ids"]
    }
    matches = [stored for stored in located if stored == wanted] or [
        stored for stored in located if stored.startswith(wanted)
    ]
    if not matches:
        raise PipelineError(
            f"no document with id {wanted!r} among the {len(located)} in {folder}; "
            "ids are in the doc_id column of documents.jsonl or the claims table"
        )
    if len(matches) > 1:
        shown = ", ".join(matches[:SHOWN_IDS]) + (", ..." if len(matches) > SHOWN_IDS else "")
        raise PipelineError(
            f"{wanted!r} starts {len(matches)} document ids ({shown}); give more characters"
        )
    found = matches[0]
    for doc in iter_annotated(chunk_path(folder, located[found])):
        if doc.user_data.get("doc_id") == found:
            return doc
    raise PipelineError(f"document {found} is listed but not stored; run `pipeline annotate` again")


def explain_doc(doc: Doc, extractor: ClaimExtractor) -> list[SentenceExplanation]:
    """Explain every sentence of an annotated doc with an already-built extractor."""
    traces = list(extractor.trace(doc))
    explained = [explain_trace(trace, extractor) for trace in traces]
    if extractor.learned is None:
        return explained
    notes = model_notes(traces, extractor)
    return [replace(item, model=notes.get(item.sentence_id, ())) for item in explained]


def model_notes(
    traces: list[SentenceTrace], extractor: ClaimExtractor
) -> dict[int, tuple[ModelNote, ...]]:
    """The claim model's scores for every pair, beside the rules' decisions."""
    learned = extractor.learned
    assert learned is not None
    ruled = {
        (trace.sentence_id, d.actor.label_, d.claim_type)
        for trace in traces
        for d in trace.decisions
        if d.is_claim and d.actor is not None
    }
    notes: dict[int, list[ModelNote]] = {}
    for scores in learned.score([(t.sent, t.context.mentions) for t in traces]):
        pair = scores.pair
        held = (pair.sentence_id, pair.actor_id)
        rules = tuple(k for k in learned.card.types if (*held, k) in ruled)
        adds = tuple(k for k in learned.chosen(scores) if k not in rules)
        note = ModelNote(
            pair.actor_id,
            {k: round(v, 3) for k, v in scores.probabilities.items()},
            dict(learned.card.thresholds),
            rules,
            adds,
        )
        notes.setdefault(pair.sentence_id, []).append(note)
    return {sentence_id: tuple(items) for sentence_id, items in notes.items()}


def explain_trace(trace: SentenceTrace, extractor: ClaimExtractor) -> SentenceExplanation:
    context = trace.context
    doc = trace.sent.doc
    return SentenceExplanation(
        sentence_id=trace.sentence_id,
        text=sentence_text(trace.sent),
        mentions=tuple(MentionNote(m.text, m.label_, m.kb_id_) for m in context.mentions),
        speeches=tuple(
            SpeechNote(doc[speech.verb].text, _actor(speech.speaker)) for speech in context.speeches
        ),
        according_to=_actor(context.according_to),
        carried_speaker=_actor(context.carried_speaker),
        candidates=tuple(_candidate(trace, decision, extractor) for decision in trace.decisions),
    )


def _candidate(trace: SentenceTrace, decision: Decision, extractor: ClaimExtractor) -> Candidate:
    cue = decision.cue
    topic = None
    if decision.is_claim:
        anchor = trace.sent.doc[slice(*extractor.topic_anchor(trace, decision))]
        topic = choose_topic(
            extractor.topics, trace.sent, anchor.start_char, anchor.end_char, trace.previous
        )
    reason = decision.reason
    if decision.is_claim and decision.confidence < extractor.min_confidence:
        # The rule found a claim, but the extract stage would not write it.
        reason = (
            f"confidence {decision.confidence:g} is below [extract] min_confidence "
            f"{extractor.min_confidence:g}"
        )
    return Candidate(
        cue=cue.text,
        cue_kind=f"{cue.type} {cue.kind}",
        claim_type=decision.claim_type,
        actor_id=_actor(decision.actor),
        rule=decision.rule,
        verdict=CLAIM if reason is None else NO_CLAIM,
        reason=reason,
        confidence=decision.confidence,
        topic=topic,
        speaker_id=_actor(decision.speaker),
        target_id=_actor(decision.target),
        modality=decision.modality,
        gates=decision.gates,
        decided_by=decision.decided_by,
    )


def _actor(span: Span | None) -> str | None:
    return span.label_ if span is not None else None


def format_explanations(items: Iterable[SentenceExplanation]) -> str:
    """Plain text, one block per sentence; claims in capitals so they stand out."""
    blocks = [_format_one(item) for item in items]
    return "\n\n".join(blocks) if blocks else "(no sentences)"


def _format_one(item: SentenceExplanation) -> str:
    lines = [f"[{item.sentence_id}] {item.text}"]
    mentions = ", ".join(f"{m.text} -> {m.actor_id} ({m.via})" for m in item.mentions)
    lines.append(f"  mentions: {mentions or '(none)'}")
    for speech in item.speeches:
        lines.append(f"  speech:   {speech.verb} <- {speech.speaker_id or '(no speaker)'}")
    if item.according_to:
        lines.append(f"  source:   according to {item.according_to}")
    if item.carried_speaker:
        lines.append(f"  quote:    continues, speaker {item.carried_speaker}")
    if not item.candidates:
        lines.append("  cues:     (none)")
    for candidate in item.candidates:
        lines.append(f"  cue {candidate.cue!r} ({candidate.cue_kind}): {_verdict(candidate)}")
        gates = _gates(candidate)
        if gates:
            lines.append(f"      gates: {gates}")
    lines += [_model_line(note) for note in item.model]
    return "\n".join(lines)


def _model_line(note: ModelNote) -> str:
    """ "model: putin demand 0.91* concession 0.02 rejection 0.10 | rules: - | adds demand";
    a star marks a probability at or above the type's threshold."""
    scores = " ".join(
        f"{kind} {p:.2f}{'*' if p >= note.thresholds[kind] else ''}"
        for kind, p in note.scores.items()
    )
    adds = f" | adds {', '.join(note.adds)}" if note.adds else ""
    rules = ", ".join(note.rule_types) or "-"
    return f"  model:    {note.actor_id} {scores} | rules: {rules}{adds}"


def _verdict(candidate: Candidate) -> str:
    if candidate.verdict != CLAIM:
        # A rule may name a holder and still give no claim (e.g. below min_confidence).
        who = f" ({candidate.actor_id} {candidate.claim_type})" if candidate.actor_id else ""
        return f"no claim [{candidate.rule}]{who} {candidate.reason or ''}".rstrip()
    text = (
        f"CLAIM {candidate.actor_id} {candidate.claim_type} / {candidate.topic}  "
        f"rule={candidate.rule} conf={candidate.confidence:g} modality={candidate.modality}"
    )
    if candidate.speaker_id:
        text += f" speaker={candidate.speaker_id}"
    if candidate.target_id:
        text += f" target={candidate.target_id}"
    return text


def _gates(candidate: Candidate) -> str:
    """The gates passed and the one that decided ("" for a sentence pattern's claim); when
    the cue passed every gate the names are left out (docs/rules.md lists them)."""
    if candidate.decided_by is None:
        return f"passed all {len(candidate.gates)}" if candidate.gates else ""
    return f"passed {', '.join(candidate.gates) or 'none'}; decided by {candidate.decided_by}"


def explanations_to_dicts(items: Iterable[SentenceExplanation]) -> list[dict[str, Any]]:
    """JSON-ready dicts; mentions and speeches become objects with named fields."""
    rows = []
    for item in items:
        row = asdict(item)
        row["mentions"] = [m._asdict() for m in item.mentions]
        row["speeches"] = [s._asdict() for s in item.speeches]
        row["candidates"] = [asdict(c) for c in item.candidates]
        row["model"] = [asdict(note) for note in item.model]
        rows.append(row)
    return rows
