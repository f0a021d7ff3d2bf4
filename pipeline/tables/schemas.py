"""The declared schema of every output table: the one place columns are defined.

Schemas are explicit rather than inferred so that an empty run, a run with no
dates and a full run all give files with the same column types, and BI tools
see the same model every time. Columns are flat (no lists or structs) because
Power BI and Tableau cannot read nested Parquet columns. Each field carries its
description in the field metadata, which Parquet keeps and the data dictionary
is generated from.
"""

from __future__ import annotations

import pyarrow as pa

from pipeline.config import PipelineError

DESCRIPTION = b"description"

TIMESTAMP = pa.timestamp("us", tz="UTC")
DATE = pa.date32()
OFFSET = pa.int32()  # offsets and ids within one document
COUNT = pa.int64()
SMALL = pa.int32()  # calendar parts and the date key

# Excel stops at 32 767 characters a cell and Power BI and Tableau truncate or
# refuse long cells, so no text cell may be longer than this, except those in
# UNLIMITED_TEXT: the full article text lives in its own table for that reason.
MAX_TEXT_CHARS = 32_000
UNLIMITED_TEXT = frozenset({("texts", "text")})


def column(name: str, kind: pa.DataType, description: str, *, key: bool = False) -> pa.Field:
    """A field with its description; key columns are never null."""
    return pa.field(name, kind, nullable=not key, metadata={DESCRIPTION: description.encode()})


def table_schema(description: str, *fields: pa.Field) -> pa.Schema:
    """A schema that carries the table's own description too."""
    return pa.schema(list(fields), metadata={DESCRIPTION: description.encode()})


DOC_ID = "Document id, stable across runs (hash of source and part)."
SENTENCE_ID = "0-based index of the sentence within its document."
KIND = (
    "Where the sentence stands: headline, deck (the standfirst under the headline), "
    "subheading (a short unpunctuated line: section heads, live-blog entry titles) or body "
    "(list items included). Keep only kind = 'body' to leave headlines and decks out."
)
START_CHAR = "Offset of the first character in the document text (texts.text)."
END_CHAR = "Offset just past the last character in the document text (texts.text)."

DOCUMENTS = table_schema(
    "One row per article: what is known about it, and how much text and how many claims it has.",
    column("doc_id", pa.string(), DOC_ID, key=True),
    column(
        "source",
        pa.string(),
        "Input path relative to the input folder; PATH#ID for JSON records.",
        key=True,
    ),
    column(
        "part",
        OFFSET,
        "Index of the article within its source (one input can hold several articles).",
        key=True,
    ),
    column("title", pa.string(), "Headline, when known."),
    column("outlet", pa.string(), "Publishing outlet, when known."),
    column("author", pa.string(), "Byline, when known."),
    column(
        "published",
        TIMESTAMP,
        "Publication time in UTC; a date alone means midnight UTC. "
        "Null when unknown or unparseable.",
    ),
    column("url", pa.string(), "Address of the article, when known."),
    column(
        "duplicate_of",
        pa.string(),
        "doc_id of an earlier document with the same words (the same article read from another "
        "file or record). Such a copy adds no sentences, mentions or claims. Null otherwise.",
    ),
    column("n_words", COUNT, "Number of whitespace-separated words in the text.", key=True),
    column("n_sentences", COUNT, "Number of sentences (rows in sentences).", key=True),
    column("n_claims", COUNT, "Number of claims found in the article (rows in claims).", key=True),
)

TEXTS = table_schema(
    "The full normalised text of each article, kept apart from documents so BI tools never load "
    "huge cells. Every start_char/end_char in the other tables points into this text.",
    column("doc_id", pa.string(), DOC_ID, key=True),
    column("text", pa.string(), "The normalised article text.", key=True),
)

SENTENCES = table_schema(
    "One row per sentence; texts.text[start_char:end_char] equals text. Edge spaces and line "
    "breaks are trimmed, so text equals claims.sentence for the same doc_id and sentence_id.",
    column("doc_id", pa.string(), DOC_ID, key=True),
    column("sentence_id", OFFSET, SENTENCE_ID, key=True),
    column("text", pa.string(), "The sentence text, without edge whitespace.", key=True),
    column("start_char", OFFSET, START_CHAR, key=True),
    column("end_char", OFFSET, END_CHAR, key=True),
    column("kind", pa.string(), KIND, key=True),
)

MENTIONS = table_schema(
    "One row per resolved actor mention; texts.text[start_char:end_char] equals text.",
    column("doc_id", pa.string(), DOC_ID, key=True),
    column(
        "sentence_id", OFFSET, "Index of the sentence that contains the mention's start.", key=True
    ),
    column("actor_id", pa.string(), "Id of the actor mentioned (actors.actor_id).", key=True),
    column("text", pa.string(), "The mention as written.", key=True),
    column("start_char", OFFSET, START_CHAR, key=True),
    column("end_char", OFFSET, END_CHAR, key=True),
    column(
        "via",
        pa.string(),
        "How the mention was resolved: alias, title, office, adjective or pronoun; for an "
        "actor not in the knowledge base, titled (a name beside a title), entity (a trained "
        "pipeline's named entity) or name (that name again).",
    ),
)

CLAIMS = table_schema(
    "One row per demand, concession or rejection an actor made in one sentence, with evidence.",
    column("claim_id", pa.string(), "Claim id, stable across runs.", key=True),
    column("doc_id", pa.string(), DOC_ID, key=True),
    column("sentence_id", OFFSET, SENTENCE_ID, key=True),
    column(
        "sentence",
        pa.string(),
        "The sentence the claim was found in (as sentences.text).",
        key=True,
    ),
    column(
        "actor_id", pa.string(), "Id of the actor holding the claim (actors.actor_id).", key=True
    ),
    column("claim_type", pa.string(), "demand, concession or rejection.", key=True),
    column("topic", pa.string(), "What the claim is about.", key=True),
    column(
        "cue",
        pa.string(),
        "The cue words that signal the claim, as written (for the claim model's claims, the "
        "actor's mention).",
        key=True,
    ),
    column(
        "start_char", OFFSET, "Offset of the cue's first character in the document text.", key=True
    ),
    column("end_char", OFFSET, "Offset just past the cue in the document text.", key=True),
    column(
        "rule",
        pa.string(),
        'Name of the rule that found the claim; "model" for the claim model (--claim-model).',
        key=True,
    ),
    column(
        "confidence",
        pa.float64(),
        "Confidence of the rule, from 0 to 1 (for the claim model, its probability).",
        key=True,
    ),
    column(
        "speaker",
        pa.string(),
        'Id of the actor whose reported speech carries the claim ("Lavrov said ..."), when '
        "there is one.",
    ),
    column(
        "target_actor_id", pa.string(), "Id of the actor the claim is addressed to, when known."
    ),
    column(
        "modality",
        pa.string(),
        "How the claim is made: asserted, reported (in someone's reported speech) or conditional.",
        key=True,
    ),
    column(
        "date_key",
        SMALL,
        "Publication date of the document in UTC as the integer YYYYMMDD (dates.date_key); "
        "null when the date is unknown.",
    ),
    column("kind", pa.string(), f"{KIND} As sentences.kind of the claim's sentence.", key=True),
)

ACTORS = table_schema(
    "One row per actor in the actor knowledge base used for the run, then one per actor "
    "the articles name that it does not know (a titled name, or a trained pipeline's entity).",
    column(
        "actor_id",
        pa.string(),
        "Canonical actor id; for an actor not in the knowledge base, the slug of the "
        'surname ("dupont") or of the name.',
        key=True,
    ),
    column("name", pa.string(), "Display name (as first written, for unknown actors).", key=True),
    column("kind", pa.string(), "person, state, organisation or group.", key=True),
    column("affiliation", pa.string(), "Id of the actor this one belongs to or speaks for."),
    column(
        "role", pa.string(), 'Role in free text (the title it was named with: "foreign minister").'
    ),
    column("is_principal", pa.bool_(), "True for the principal actors scored first.", key=True),
    column(
        "in_knowledge_base",
        pa.bool_(),
        "False for an actor found in the articles only; `pipeline actors --unknown` lists "
        "the most frequent ones, to add to the knowledge base.",
        key=True,
    ),
)

TOPICS = table_schema(
    "One row per topic of the topic lexicon used for the run, in its tie-break order "
    '("other", the fallback, last); claims.topic and stances.topic hold topic_id.',
    column("topic_id", pa.string(), "Topic id, as in claims.topic.", key=True),
    column(
        "label",
        pa.string(),
        "Display name: the entry's label in the topics file, else the id in words.",
        key=True,
    ),
    column(
        "is_generic",
        pa.bool_(),
        "True for topics so general they are chosen only when no other topic is named.",
        key=True,
    ),
    column("n_terms", SMALL, "Number of lexicon terms that find the topic.", key=True),
)

DATES = table_schema(
    "A calendar: one row per day from the earliest to the latest publication date (UTC), "
    "without gaps, as BI tools expect of a date table. Empty when no document has a date.",
    column("date_key", SMALL, "The date as the integer YYYYMMDD (claims.date_key).", key=True),
    column("date", DATE, "The calendar day (UTC).", key=True),
    column("year", SMALL, "Calendar year.", key=True),
    column("quarter", SMALL, "Quarter of the year, 1 to 4.", key=True),
    column("month", SMALL, "Month number, 1 to 12.", key=True),
    column("month_name", pa.string(), "Month name in English, e.g. August.", key=True),
    column(
        "iso_week",
        SMALL,
        "ISO 8601 week number, 1 to 53 (days around New Year can belong to the week of the "
        "neighbouring year).",
        key=True,
    ),
    column("day", SMALL, "Day of the month.", key=True),
)

STANCES = table_schema(
    "Claim counts per actor and topic; one row per pair with at least one claim. Counts include "
    "every claim whatever its modality.",
    column("actor_id", pa.string(), "Id of the actor (actors.actor_id).", key=True),
    column("topic", pa.string(), "Topic of the claims.", key=True),
    column("demands", COUNT, "Number of demand claims.", key=True),
    column("concessions", COUNT, "Number of concession claims.", key=True),
    column("rejections", COUNT, "Number of rejection claims.", key=True),
    column("n_claims", COUNT, "Number of claims of any type.", key=True),
    column("n_documents", COUNT, "Number of distinct documents behind these claims.", key=True),
)

REJECTS = table_schema(
    "Inputs the run could not use, and why.",
    column("source", pa.string(), "Input path relative to the input folder.", key=True),
    column(
        "reason",
        pa.string(),
        "Short machine-readable reason, e.g. empty, binary, too_large.",
        key=True,
    ),
    column("detail", pa.string(), "What was wrong and what to do, for a person.", key=True),
)

TABLES: dict[str, pa.Schema] = {
    "documents": DOCUMENTS,
    "texts": TEXTS,
    "sentences": SENTENCES,
    "mentions": MENTIONS,
    "claims": CLAIMS,
    "actors": ACTORS,
    "topics": TOPICS,
    "dates": DATES,
    "stances": STANCES,
    "rejects": REJECTS,
}

# The star: claims is the fact table, and each of these claims columns joins a
# dimension table on its key (claims column, dimension table, dimension key).
RELATIONSHIPS: tuple[tuple[str, str, str], ...] = (
    ("doc_id", "documents", "doc_id"),
    ("actor_id", "actors", "actor_id"),
    ("topic", "topics", "topic_id"),
    ("date_key", "dates", "date_key"),
)

# The claims_enriched view of the DuckDB database: claims with the names and
# labels of its dimensions. The columns it adds: (view column, table, column).
ENRICHED_DESCRIPTION = (
    "One row per claim: every column of claims, then the actor's name, kind and "
    "is_principal, the document's title, outlet and published time, and the topic label."
)
ENRICHED_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("actor_name", "actors", "name"),
    ("actor_kind", "actors", "kind"),
    ("actor_is_principal", "actors", "is_principal"),
    ("title", "documents", "title"),
    ("outlet", "documents", "outlet"),
    ("published", "documents", "published"),
    ("topic_label", "topics", "label"),
)

# The partition key of documents without a date or outlet: the empty string, which no
# real key can be (a blank outlet counts as none), so an outlet called "unknown" keeps
# its own partition. Readers give it back as text (folder ``<key>=``), never as null.
MISSING_KEY = ""
# The folder value hive readers take for null: a key spelt so would not read back.
HIVE_NULL = "__HIVE_DEFAULT_PARTITION__"

# Partitioned output (``--partition-by``): the per-document tables become hive
# folders keyed by one string column, added to every row. The outlet key is not
# called "outlet" because documents already has a nullable column of that name.
PARTITION_KEYS: dict[str, pa.Field] = {
    "month": column(
        "month",
        pa.string(),
        "Partition key: the document's publication month in UTC as YYYY-MM, or '' if unknown.",
        key=True,
    ),
    "outlet": column(
        "outlet_key",
        pa.string(),
        "Partition key: the document's outlet as written, or '' when it has none.",
        key=True,
    ),
}
PARTITIONED_TABLES = ("documents", "texts", "sentences", "mentions", "claims")


def partition_key(partition_by: str) -> pa.Field:
    """The key column of a partitioning mode, or an error listing the modes."""
    try:
        return PARTITION_KEYS[partition_by]
    except KeyError:
        modes = ", ".join(PARTITION_KEYS)
        raise PipelineError(
            f"cannot partition by '{partition_by}': choose one of {modes}"
        ) from None


def table_name(schema: pa.Schema) -> str:
    """The name a declared schema is registered under, for error messages."""
    for name, declared in TABLES.items():
        if schema is declared or schema.equals(declared, check_metadata=True):
            return name
    return "table"
