"""Pure functions from records and Docs to Arrow tables with the declared schemas.

Nothing here reads or writes files, so each table can be built and checked in
a test from a handful of records. Every table has a fixed order (documents as
given, the rest by a full key), so the same inputs always give the same rows
in the same order.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
from spacy.tokens import Doc, Span

from pipeline.annotate.store import MENTIONS_KEY
from pipeline.annotate.unknown import UNKNOWN_KEY
from pipeline.config import PipelineError
from pipeline.knowledge.actors import ActorBase
from pipeline.knowledge.topics import TopicLexicon
from pipeline.records import Claim, Document, Reject
from pipeline.tables.schemas import (
    ACTORS,
    CLAIMS,
    DATES,
    DOCUMENTS,
    MAX_TEXT_CHARS,
    MENTIONS,
    REJECTS,
    SENTENCES,
    STANCES,
    TEXTS,
    TOPICS,
    UNLIMITED_TEXT,
    table_name,
)
from pipeline.tables.sentence_kind import BODY

Row = dict[str, Any]
DocOrder = Mapping[str, int]
Kinds = Mapping[tuple[str, int], str]  # (doc_id, sentence_id) -> sentences.kind

# English names whatever the locale, so the dates table is the same on every machine.
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


class TextTooLong(PipelineError):
    """A text cell longer than BI tools and spreadsheets accept."""


def make_table(rows: Iterable[Row], schema: pa.Schema) -> pa.Table:
    """Build a table; Arrow does not enforce non-nullable fields, so check them here."""
    table = pa.Table.from_pylist(list(rows), schema=schema)
    for field in schema:
        if not field.nullable and table.column(field.name).null_count:
            raise ValueError(
                f"column '{field.name}' must not be null, but "
                f"{table.column(field.name).null_count} row(s) have no value"
            )
    check_text_lengths(table, table_name(schema))
    return table


def check_text_lengths(table: pa.Table, name: str) -> None:
    """Fail on the first text cell over MAX_TEXT_CHARS: Excel and Power BI would cut it."""
    for field in table.schema:
        if not pa.types.is_string(field.type) or (name, field.name) in UNLIMITED_TEXT:
            continue
        lengths = pc.utf8_length(table.column(field.name))
        too_long = pc.greater(lengths, MAX_TEXT_CHARS)
        if not pc.any(too_long).as_py():
            continue
        row = pc.index(too_long, True).as_py()
        first = table.schema.names[0]
        raise TextTooLong(
            f"{name}.{field.name}: row {row} ({first} {table.column(first)[row].as_py()!r}) "
            f"holds {lengths[row].as_py()} characters, over the {MAX_TEXT_CHARS} a text cell "
            "may hold outside texts.text; split or shorten it before the tables stage "
            "(sentence length is the annotate stage's job)"
        )


def parse_published(value: object) -> datetime | None:
    """An ISO date or datetime as an aware UTC datetime; None rather than a crash when unusable.

    A date alone means midnight UTC and a naive datetime is taken as UTC, as the
    normalise stage writes them.
    """
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
        if moment.tzinfo is None:
            return moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC)
    except (ValueError, OverflowError):
        return None


def day_key(day: date) -> int:
    """A day as YYYYMMDD: an integer key every BI tool joins on and people can read."""
    return day.year * 10_000 + day.month * 100 + day.day


def date_key(moment: datetime | None) -> int | None:
    """The key of a moment's UTC day, or None when the moment is unknown."""
    return None if moment is None else day_key(moment.astimezone(UTC).date())


def document_order(docs: Iterable[Document]) -> dict[str, int]:
    """Rank of each doc_id in the documents table, used to order the other tables.

    Documents keep the order the normalise stage wrote them in (input files by
    path, then records and parts as the file holds them), which every run
    reproduces and which the tables stage can follow without sorting the corpus.
    """
    return {doc.doc_id: rank for rank, doc in enumerate(docs)}


def _rank(doc_order: DocOrder | None, doc_id: str) -> int:
    if doc_order is None:
        return 0
    try:
        return doc_order[doc_id]
    except KeyError:
        raise ValueError(f"doc_id '{doc_id}' is not in the documents") from None


def count_words(text: str) -> int:
    """Whitespace-separated words: simple, and the same in every tool."""
    return len(text.split())


def documents_table(
    docs: Iterable[Document], sentence_counts: Mapping[str, int], claim_counts: Mapping[str, int]
) -> pa.Table:
    """One row per document; counts default to 0 for documents missing from the mappings."""
    rows = [
        {
            "doc_id": doc.doc_id,
            "source": doc.source,
            "part": doc.part,
            "title": doc.title,
            "outlet": doc.outlet,
            "author": doc.author,
            "published": parse_published(doc.published),
            "url": doc.url,
            "duplicate_of": doc.duplicate_of,
            "n_words": count_words(doc.text),
            "n_sentences": sentence_counts.get(doc.doc_id, 0),
            "n_claims": claim_counts.get(doc.doc_id, 0),
        }
        for doc in docs
    ]
    return make_table(rows, DOCUMENTS)


def texts_table(docs: Iterable[Document]) -> pa.Table:
    """Full texts in document order, so offsets elsewhere can be checked against them."""
    rows = [{"doc_id": doc.doc_id, "text": doc.text} for doc in docs]
    return make_table(rows, TEXTS)


def doc_id_of(doc: Doc) -> str:
    """The doc_id the annotate stage stored on a Doc."""
    doc_id = doc.user_data.get("doc_id")
    if not isinstance(doc_id, str) or not doc_id:
        raise ValueError(f"a stored Doc has no user_data['doc_id'] (text starts {doc.text[:40]!r})")
    return doc_id


def sentence_spans(doc: Doc) -> list[Span]:
    """The Doc's sentences; their list index is the sentence_id every table uses."""
    try:
        return list(doc.sents)
    except ValueError as error:
        doc_id = doc.user_data.get("doc_id")
        raise ValueError(f"doc '{doc_id}' has no sentence boundaries") from error


def trimmed_offsets(sent: Span, doc_text: str | None = None) -> tuple[int, int]:
    """The sentence's offsets without the spaces and line breaks spaCy keeps at its edges.

    The extract stage writes ``claims.sentence`` stripped the same way, so the two agree.
    ``doc_text`` saves rebuilding the sentence's text from its tokens.
    """
    text = sent.text if doc_text is None else doc_text[sent.start_char : sent.end_char]
    start = sent.start_char + len(text) - len(text.lstrip())
    return start, start + len(text.strip())


def sentences_rows(doc: Doc, text: str | None = None) -> list[Row]:
    """One row per sentence of one Doc, in sentence order; whitespace-only ones stay, empty.

    ``text`` is ``doc.text`` when the caller already has it: spaCy rebuilds it
    from every token on each access.
    """
    doc_id = doc_id_of(doc)
    text = doc.text if text is None else text
    rows = []
    for index, sent in enumerate(sentence_spans(doc)):
        start, end = trimmed_offsets(sent, text)
        rows.append(
            {
                "doc_id": doc_id,
                "sentence_id": index,
                "text": text[start:end],
                "start_char": start,
                "end_char": end,
            }
        )
    return rows


def mentions_rows(doc: Doc, text: str | None = None) -> list[Row]:
    """One row per stored mention of one Doc, ordered by position then actor.

    ``text`` is ``doc.text`` when the caller already has it, as for ``sentences_rows``.
    """
    doc_id = doc_id_of(doc)
    text = doc.text if text is None else text
    starts = [sent.start for sent in sentence_spans(doc)]
    spans = doc.spans.get(MENTIONS_KEY, [])
    unknown = doc.user_data.get(UNKNOWN_KEY, {})
    rows = [
        {
            "doc_id": doc_id,
            # the sentence holding the mention's first token
            "sentence_id": bisect_right(starts, span.start) - 1,
            "actor_id": span.label_,
            "text": text[span.start_char : span.end_char],
            "start_char": span.start_char,
            "end_char": span.end_char,
            "via": span.kb_id_ or None,
            "unknown": _unknown_actor(unknown.get(span.label_)),
        }
        for span in spans
    ]
    return sorted(rows, key=lambda row: (row["start_char"], row["end_char"], row["actor_id"]))


def _unknown_actor(found: Mapping[str, Any] | None) -> Row | None:
    """What the annotate stage recorded of an actor the knowledge base does not know."""
    if found is None:
        return None
    return {
        "name": found["name"],
        "kind": found["kind"],
        "role": found.get("role"),
        "affiliation": found.get("affiliation"),
    }


def _sorted_rows(
    rows: Iterable[Row], doc_order: DocOrder | None, key: Callable[[Row], tuple[Any, ...]]
) -> list[Row]:
    return sorted(rows, key=lambda row: (_rank(doc_order, row["doc_id"]), row["doc_id"], *key(row)))


def sentences_table(
    rows: Iterable[Row], doc_order: DocOrder | None = None, kinds: Kinds | None = None
) -> pa.Table:
    """Sentences in document order (by doc_id when no order is given), then sentence_id.

    ``kinds`` maps (doc_id, sentence_id) to the sentence's kind; missing ones are body.
    """
    ordered = _sorted_rows(rows, doc_order, lambda row: (row["sentence_id"],))
    kinds = kinds or {}
    with_kind = (
        {**row, "kind": kinds.get((row["doc_id"], row["sentence_id"]), BODY)} for row in ordered
    )
    return make_table(with_kind, SENTENCES)


def mentions_table(rows: Iterable[Row], doc_order: DocOrder | None = None) -> pa.Table:
    """Mentions in document order, then by position and actor."""
    ordered = _sorted_rows(
        rows, doc_order, lambda row: (row["start_char"], row["end_char"], row["actor_id"])
    )
    return make_table(ordered, MENTIONS)


def claim_key(claim: Claim) -> tuple[Any, ...]:
    """Position first, then who and what; claim_id breaks any remaining tie."""
    return (
        claim.sentence_id,
        claim.start_char,
        claim.actor_id,
        claim.claim_type,
        claim.topic,
        claim.claim_id,
    )


def claims_table(
    claims: Iterable[Claim],
    doc_order: DocOrder | None = None,
    date_keys: Mapping[str, int | None] | None = None,
    kinds: Kinds | None = None,
) -> pa.Table:
    """Claims in document order (by doc_id when no order is given), then by position.

    ``date_keys`` maps doc_id to its date_key; documents missing from it get null.
    ``kinds`` maps (doc_id, sentence_id) to the kind of the claim's sentence (else body).
    """
    ordered = sorted(
        claims, key=lambda claim: (_rank(doc_order, claim.doc_id), claim.doc_id, *claim_key(claim))
    )
    keys = date_keys or {}
    kinds = kinds or {}
    rows = (
        {
            **claim.to_dict(),
            "kind": kinds.get((claim.doc_id, claim.sentence_id), BODY),
            "date_key": keys.get(claim.doc_id),
        }
        for claim in ordered
    )
    return make_table(rows, CLAIMS)


def claim_counts(claims: Iterable[Claim]) -> Counter[str]:
    """Number of claims per doc_id, for the documents table."""
    return Counter(claim.doc_id for claim in claims)


def actors_table(actor_base: ActorBase, unknown: Iterable[Row] = ()) -> pa.Table:
    """The actor knowledge base as a dimension table, ordered by id, then the actors the
    articles named that it does not know (rows of ``unknown_actor_rows``), ordered by id."""
    rows = [
        {
            "actor_id": actor.id,
            "name": actor.name,
            "kind": actor.kind,
            "affiliation": actor.affiliation,
            "role": actor.role,
            "is_principal": actor.principal,
            "in_knowledge_base": True,
        }
        for actor in sorted(actor_base.actors.values(), key=lambda actor: actor.id)
    ]
    first: dict[str, Row] = {}
    for row in unknown:
        if row["actor_id"] not in actor_base.actors:
            first.setdefault(row["actor_id"], row)
    rows += [
        {**first[actor_id], "is_principal": False, "in_knowledge_base": False}
        for actor_id in sorted(first)
    ]
    return make_table(rows, ACTORS)


UNKNOWN_ACTORS = pa.schema(
    [
        pa.field("actor_id", pa.string(), nullable=False),
        pa.field("name", pa.string(), nullable=False),
        pa.field("kind", pa.string(), nullable=False),
        pa.field("role", pa.string()),
        pa.field("affiliation", pa.string()),
    ]
)


def unknown_actor_rows(mentions: Iterable[Row]) -> pa.Table:
    """The actors a chunk's mentions name that the knowledge base does not know, each
    once, as first found (mention rows carry them under ``unknown``)."""
    first: dict[str, Row] = {}
    for row in mentions:
        found = row.get("unknown")
        if found is not None and row["actor_id"] not in first:
            first[row["actor_id"]] = {"actor_id": row["actor_id"], **found}
    return pa.Table.from_pylist(list(first.values()), schema=UNKNOWN_ACTORS)


def topic_label(topic_id: str) -> str:
    """A readable label from an id: "security_guarantees" -> "Security guarantees"."""
    words = topic_id.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def topics_table(lexicon: TopicLexicon, labels: Mapping[str, str] | None = None) -> pa.Table:
    """The topic lexicon as a dimension table, in its tie-break order."""
    terms = {matcher.topic: len(matcher.terms) for matcher in lexicon.matchers}
    labels = labels or {}
    rows = [
        {
            "topic_id": topic,
            "label": labels.get(topic) or topic_label(topic),
            "is_generic": topic in lexicon.generic,
            "n_terms": terms.get(topic, 0),
        }
        for topic in lexicon.topics
    ]
    return make_table(rows, TOPICS)


def dates_table(moments: Iterable[datetime | None]) -> pa.Table:
    """Every day from the first to the last UTC date among ``moments``; nulls are skipped.

    A calendar without gaps, because Power BI's "mark as date table" and time
    intelligence need one.
    """
    days = {moment.astimezone(UTC).date() for moment in moments if moment is not None}
    if not days:
        return make_table([], DATES)
    first, last = min(days), max(days)
    calendar = (first + timedelta(days=offset) for offset in range((last - first).days + 1))
    return make_table((date_row(day) for day in calendar), DATES)


def date_row(day: date) -> Row:
    """One row of the dates table."""
    return {
        "date_key": day_key(day),
        "date": day,
        "year": day.year,
        "quarter": (day.month - 1) // 3 + 1,
        "month": day.month,
        "month_name": MONTH_NAMES[day.month - 1],
        "iso_week": day.isocalendar().week,
        "day": day.day,
    }


class StanceCounts:
    """Claim counts per (actor_id, topic) pair, added to chunk by chunk."""

    def __init__(self) -> None:
        self.types: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        self.documents: dict[tuple[str, str], set[str]] = defaultdict(set)

    def add(self, claims: Iterable[Claim]) -> None:
        for claim in claims:
            pair = (claim.actor_id, claim.topic)
            self.types[pair][claim.claim_type] += 1
            self.documents[pair].add(claim.doc_id)

    def add_table(self, claims: pa.Table) -> None:
        """The same as ``add`` for rows of the claims table."""
        columns = [claims.column(name).to_pylist() for name in ("actor_id", "topic", "claim_type")]
        doc_ids = claims.column("doc_id").to_pylist()
        for actor_id, topic, claim_type, doc_id in zip(*columns, doc_ids, strict=True):
            self.types[(actor_id, topic)][claim_type] += 1
            self.documents[(actor_id, topic)].add(doc_id)

    def table(self) -> pa.Table:
        """One row per pair that has at least one claim, ordered by the pair."""
        rows = [
            {
                "actor_id": actor_id,
                "topic": topic,
                "demands": counts["demand"],
                "concessions": counts["concession"],
                "rejections": counts["rejection"],
                "n_claims": counts.total(),
                "n_documents": len(self.documents[(actor_id, topic)]),
            }
            for (actor_id, topic), counts in sorted(self.types.items())
        ]
        return make_table(rows, STANCES)


def stances_table(claims: Iterable[Claim]) -> pa.Table:
    """Counts per (actor_id, topic) pair that has at least one claim."""
    counts = StanceCounts()
    counts.add(claims)
    return counts.table()


def rejects_table(rejects: Iterable[Reject]) -> pa.Table:
    """Rejected inputs ordered by source, so reruns compare line by line."""
    ordered = sorted(rejects, key=lambda reject: (reject.source, reject.reason, reject.detail))
    return make_table((reject.to_dict() for reject in ordered), REJECTS)
