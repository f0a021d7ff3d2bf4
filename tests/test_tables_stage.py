"""The tables stage end to end: a tiny work folder in, Parquet files that BI tools read out."""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import spacy
from spacy.tokens import Doc

from pipeline.annotate.store import MENTIONS_KEY, chunk_path, write_annotated
from pipeline.chunks import write_index
from pipeline.config import ANNOTATED_DIR, CLAIMS_DIR, DOCUMENTS_FILE, REJECTS_FILE
from pipeline.io import write_jsonl
from pipeline.knowledge.actors import Actor, ActorBase
from pipeline.knowledge.bundle import load_knowledge, shipped_knowledge
from pipeline.knowledge.topics import load_topic_lexicon
from pipeline.records import Claim, Document, Reject
from pipeline.tables.publish import SETS_DIR
from pipeline.tables.schemas import TABLES
from pipeline.tables.stage import write_tables
from pipeline.workfolder import WorkFolderError

pytestmark = pytest.mark.integration

FIRST = "Putin demanded a ceasefire. Zelensky rejected it.\n\nHe wants talks."
SECOND = "Trump urged a deal. Putin refused."

# In the order the normalise stage writes them: input files by path, parts in order.
DOCUMENTS = [
    Document("d1", "a.txt", 0, FIRST, outlet="Wire", published="2025-02-28"),
    Document("d3", "a.txt", 1, "Nothing here.", published="sometime"),
    Document("d2", "b.txt", 0, SECOND, title="Talks", published="2025-03-01T12:00:00+02:00"),
]
MENTIONS = {
    "d1": [
        ("Putin", "putin", "alias"),
        ("Zelensky", "zelensky", "alias"),
        ("He", "zelensky", "pronoun"),
    ],
    "d2": [("Trump", "trump", "alias"), ("Putin", "putin", "alias")],
    "d3": [],
}
ACTORS = ActorBase(
    {
        actor_id: Actor(
            actor_id, actor_id.title(), "person", None, None, True, "male", (actor_id.title(),), ()
        )
        for actor_id in ("zelensky", "putin", "trump")
    }
)
# The shipped knowledge with the three actors above.
KNOWLEDGE = dataclasses.replace(shipped_knowledge(), actors=ACTORS)


def claim(
    doc_id: str, text: str, sentence_id: int, cue: str, actor_id: str, claim_type: str, topic: str
) -> Claim:
    """A claim as the extract stage writes it: cue offsets in the text, sentence stripped."""
    start = text.index(cue)
    sentence = text[text.rfind(".", 0, start) + 1 : text.index(".", start) + 1].strip()
    return Claim(
        f"c-{doc_id}-{start}-{topic}",
        doc_id,
        sentence_id,
        sentence,
        actor_id,
        claim_type,
        topic,
        cue,
        start,
        start + len(cue),
        "test_rule",
        0.75,
    )


CLAIMS = [
    claim("d2", SECOND, 1, "refused", "putin", "rejection", "negotiations"),
    claim("d1", FIRST, 0, "demanded", "putin", "demand", "ceasefire"),
    claim("d1", FIRST, 1, "rejected", "zelensky", "rejection", "ceasefire"),
    claim("d1", FIRST, 2, "wants", "zelensky", "demand", "negotiations"),
    claim("d2", SECOND, 0, "urged", "trump", "demand", "negotiations"),
]


def annotated_doc(document: Document, mentions: list[tuple[str, str, str]]) -> Doc:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp(document.text)
    doc.user_data["doc_id"] = document.doc_id
    spans = []
    for surface, actor_id, via in mentions:
        start = document.text.index(surface)
        spans.append(doc.char_span(start, start + len(surface), label=actor_id, kb_id=via))
    doc.spans[MENTIONS_KEY] = spans
    return doc


def make_work_dir(
    work_dir: Path,
    documents: list[Document] = DOCUMENTS,
    claims: list[Claim] = CLAIMS,
    rejects: bool = True,
) -> Path:
    """A work folder as the earlier stages leave it, with all documents in one chunk."""
    work_dir.mkdir(parents=True, exist_ok=True)
    write_jsonl(work_dir / DOCUMENTS_FILE, (doc.to_dict() for doc in documents))
    if rejects:
        reject = Reject("c.pdf", "binary", "Not a text file; convert it to .txt.")
        write_jsonl(work_dir / REJECTS_FILE, [reject.to_dict()])
    docs = [annotated_doc(doc, MENTIONS.get(doc.doc_id, [])) for doc in documents]
    store_chunk(work_dir, [doc.doc_id for doc in documents], docs, claims)
    return work_dir


def store_chunk(work_dir: Path, doc_ids: list[str], docs: list[Doc], claims: list[Claim]) -> None:
    """Write one chunk as annotate and extract do: a DocBin, a claims file, two indexes."""
    write_annotated(chunk_path(work_dir / ANNOTATED_DIR, "k1"), docs)
    write_index(work_dir / ANNOTATED_DIR, [{"key": "k1", "doc_ids": doc_ids}])
    write_jsonl(work_dir / CLAIMS_DIR / "k1.jsonl", (c.to_dict() for c in claims))
    entry = {"key": "k1", "doc_ids": doc_ids, "claims": "k1.jsonl"}
    write_index(work_dir / CLAIMS_DIR, [entry])


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    root = tmp_path_factory.mktemp("tables")
    work_dir = make_work_dir(root / "work")
    counts = write_tables(work_dir, root / "out", KNOWLEDGE)
    return root / "out", counts


def read(written: tuple[Path, dict[str, int]], table: str) -> pa.Table:
    return pq.read_table(written[0] / f"{table}.parquet")


@pytest.mark.parametrize("table", list(TABLES))
def test_stage_writes_every_table_with_declared_schema(written, table: str) -> None:
    assert read(written, table).schema.equals(TABLES[table], check_metadata=True)


@pytest.mark.parametrize("table", list(TABLES))
def test_stage_columns_are_flat(written, table: str) -> None:
    for field in read(written, table).schema:
        assert not pa.types.is_nested(field.type), field.name


def test_stage_returns_row_counts(written) -> None:
    _, counts = written
    assert counts == {
        "documents": 3,
        "texts": 3,
        "sentences": counts["sentences"],
        "mentions": 5,
        "claims": 5,
        "actors": 3,
        "topics": len(load_topic_lexicon().topics),
        "dates": 2,
        "stances": 5,
        "rejects": 1,
    }
    assert counts["sentences"] == read(written, "sentences").num_rows >= 6
    for table, rows in counts.items():
        assert read(written, table).num_rows == rows


def test_stage_documents_in_work_folder_order_with_utc_dates(written) -> None:
    documents = read(written, "documents")
    assert documents.schema.field("published").type == pa.timestamp("us", tz="UTC")
    assert documents.column("doc_id").to_pylist() == ["d1", "d3", "d2"]
    published = documents.column("published").to_pylist()
    assert [None if p is None else p.isoformat() for p in published] == [
        "2025-02-28T00:00:00+00:00",
        None,
        "2025-03-01T10:00:00+00:00",
    ]
    assert documents.column("n_claims").to_pylist() == [3, 0, 2]


def test_stage_document_counts_match_rows(written) -> None:
    documents = read(written, "documents").to_pylist()
    sentences = read(written, "sentences").column("doc_id").to_pylist()
    claims = read(written, "claims").column("doc_id").to_pylist()
    for row in documents:
        assert row["n_sentences"] == sentences.count(row["doc_id"])
        assert row["n_claims"] == claims.count(row["doc_id"])


@pytest.mark.parametrize("table", ["sentences", "mentions"])
def test_stage_offsets_point_into_texts(written, table: str) -> None:
    texts = dict(zip(*read(written, "texts").to_pydict().values(), strict=True))
    rows = read(written, table).to_pylist()
    assert rows
    for row in rows:
        assert texts[row["doc_id"]][row["start_char"] : row["end_char"]] == row["text"]


def test_stage_claim_cues_point_into_texts(written) -> None:
    texts = dict(zip(*read(written, "texts").to_pydict().values(), strict=True))
    for row in read(written, "claims").to_pylist():
        assert texts[row["doc_id"]][row["start_char"] : row["end_char"]] == row["cue"]


def test_stage_claim_sentences_match_sentences_table(written) -> None:
    sentences = read(written, "sentences").to_pylist()
    by_id = {(row["doc_id"], row["sentence_id"]): row["text"] for row in sentences}
    for row in read(written, "claims").to_pylist():
        assert row["sentence"] == by_id[(row["doc_id"], row["sentence_id"])]


def test_stage_mentions_in_document_order(written) -> None:
    mentions = read(written, "mentions")
    assert list(
        zip(
            mentions["doc_id"].to_pylist(),
            mentions["text"].to_pylist(),
            mentions["sentence_id"].to_pylist(),
            strict=True,
        )
    ) == [
        ("d1", "Putin", 0),
        ("d1", "Zelensky", 1),
        ("d1", "He", 2),
        ("d2", "Trump", 0),
        ("d2", "Putin", 1),
    ]


def test_stage_claims_in_document_order(written) -> None:
    claims = read(written, "claims")
    assert claims.column("cue").to_pylist() == ["demanded", "rejected", "wants", "urged", "refused"]


def test_stage_stances_counts(written) -> None:
    stances = {(row["actor_id"], row["topic"]): row for row in read(written, "stances").to_pylist()}
    assert list(stances) == [
        ("putin", "ceasefire"),
        ("putin", "negotiations"),
        ("trump", "negotiations"),
        ("zelensky", "ceasefire"),
        ("zelensky", "negotiations"),
    ]
    zelensky = stances[("zelensky", "ceasefire")]
    assert (zelensky["demands"], zelensky["rejections"], zelensky["n_claims"]) == (0, 1, 1)
    assert zelensky["n_documents"] == 1
    assert sum(row["n_claims"] for row in stances.values()) == len(CLAIMS)


def test_stage_stances_one_row_per_pair_with_distinct_documents(tmp_path: Path) -> None:
    claims = [
        *CLAIMS,
        claim("d2", SECOND, 1, "Putin", "putin", "demand", "ceasefire"),
    ]
    work_dir = make_work_dir(tmp_path / "work", claims=claims)
    write_tables(work_dir, tmp_path / "out", KNOWLEDGE)
    stances = pq.read_table(tmp_path / "out" / "stances.parquet").to_pylist()
    putin = next(
        row for row in stances if (row["actor_id"], row["topic"]) == ("putin", "ceasefire")
    )
    assert putin == {
        "actor_id": "putin",
        "topic": "ceasefire",
        "demands": 2,
        "concessions": 0,
        "rejections": 0,
        "n_claims": 2,
        "n_documents": 2,
    }


def test_stage_output_is_deterministic(written, tmp_path: Path) -> None:
    """Claims are sorted whatever order extract wrote them in; files are byte-identical."""
    work_dir = make_work_dir(tmp_path / "work", claims=CLAIMS[::-1])
    write_tables(work_dir, tmp_path / "out", KNOWLEDGE)
    for table in TABLES:
        again = tmp_path / "out" / f"{table}.parquet"
        assert pq.read_table(again).equals(read(written, table))
        assert again.read_bytes() == (written[0] / f"{table}.parquet").read_bytes()


@pytest.mark.parametrize(
    ("table", "column", "duckdb_type"),
    [
        ("documents", "published", "TIMESTAMP WITH TIME ZONE"),
        ("documents", "part", "INTEGER"),
        ("documents", "n_words", "BIGINT"),
        ("documents", "title", "VARCHAR"),
        ("texts", "text", "VARCHAR"),
        ("sentences", "start_char", "INTEGER"),
        ("mentions", "via", "VARCHAR"),
        ("claims", "confidence", "DOUBLE"),
        ("claims", "sentence_id", "INTEGER"),
        ("claims", "date_key", "INTEGER"),
        ("actors", "is_principal", "BOOLEAN"),
        ("topics", "is_generic", "BOOLEAN"),
        ("topics", "n_terms", "INTEGER"),
        ("dates", "date_key", "INTEGER"),
        ("dates", "date", "DATE"),
        ("stances", "n_documents", "BIGINT"),
        ("rejects", "reason", "VARCHAR"),
    ],
)
def test_stage_duckdb_reads_column_types(
    written, table: str, column: str, duckdb_type: str
) -> None:
    path = written[0] / f"{table}.parquet"
    with duckdb.connect() as con:
        described = con.sql(f"DESCRIBE SELECT * FROM read_parquet('{path}')").fetchall()
        rows = con.sql(f"SELECT count(*) FROM read_parquet('{path}')").fetchall()
    types = {name: kind for name, kind, *_ in described}
    assert list(types) == TABLES[table].names
    assert types[column] == duckdb_type
    assert rows == [(written[1][table],)]


def test_stage_duckdb_joins_tables(written) -> None:
    out = written[0]
    query = f"""
        SELECT a.name, count(*) AS n
        FROM read_parquet('{out / "claims.parquet"}') c
        JOIN read_parquet('{out / "actors.parquet"}') a USING (actor_id)
        JOIN read_parquet('{out / "documents.parquet"}') d USING (doc_id)
        GROUP BY a.name ORDER BY a.name
    """
    with duckdb.connect() as con:
        assert con.sql(query).fetchall() == [("Putin", 2), ("Trump", 1), ("Zelensky", 2)]


@pytest.mark.parametrize(
    ("missing", "command"),
    [
        (DOCUMENTS_FILE, "pipeline normalise"),
        (ANNOTATED_DIR, "pipeline annotate"),
        (CLAIMS_DIR, "pipeline extract"),
    ],
)
def test_stage_missing_output_names_the_command(tmp_path: Path, missing: str, command: str) -> None:
    work_dir = make_work_dir(tmp_path / "work")
    path = work_dir / missing
    shutil.rmtree(path) if path.is_dir() else path.unlink()
    with pytest.raises(
        WorkFolderError, match=re.escape(f"{missing} not found: run `{command}` first")
    ):
        write_tables(work_dir, tmp_path / "out", KNOWLEDGE)
    assert not (tmp_path / "out").exists()


def test_stage_missing_output_is_a_file_not_found_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="run `pipeline normalise` first"):
        write_tables(tmp_path, tmp_path / "out", KNOWLEDGE)


def test_stage_missing_rejects_gives_empty_table(tmp_path: Path) -> None:
    counts = write_tables(
        make_work_dir(tmp_path / "work", rejects=False), tmp_path / "out", KNOWLEDGE
    )
    assert counts["rejects"] == 0
    assert pq.read_table(tmp_path / "out" / "rejects.parquet").schema == TABLES["rejects"]


@pytest.mark.parametrize(
    ("bad_claim", "message"),
    [
        (claim("d9", FIRST, 0, "demanded", "putin", "demand", "x"), "doc_id 'd9' is not in"),
        (claim("d1", FIRST, 0, "demanded", "putin", "request", "x"), "claim_type 'request'"),
        (claim("d1", FIRST, 7, "demanded", "putin", "demand", "x"), "sentence_id 7 is not"),
        (Claim("c", "d3", 0, "", "putin", "demand", "x", "cue", 5, 99, "r", 1.0), "offsets 5:99"),
        (CLAIMS[0], "claim_id appears more than once"),
    ],
)
def test_stage_bad_claim_fails(tmp_path: Path, bad_claim: Claim, message: str) -> None:
    work_dir = make_work_dir(tmp_path / "work", claims=[*CLAIMS, bad_claim])
    with pytest.raises(WorkFolderError, match=message) as error:
        write_tables(work_dir, tmp_path / "out", KNOWLEDGE)
    assert "run `pipeline extract` again" in str(error.value)


def test_stage_mention_of_unknown_document_fails(tmp_path: Path) -> None:
    work_dir = make_work_dir(tmp_path / "work")
    stray = Document("d9", "z.txt", 0, "Putin spoke.")
    docs = [annotated_doc(doc, MENTIONS[doc.doc_id]) for doc in DOCUMENTS]
    docs.append(annotated_doc(stray, [("Putin", "putin", "alias")]))
    write_annotated(chunk_path(work_dir / ANNOTATED_DIR, "k1"), docs)
    with pytest.raises(WorkFolderError, match=re.escape("doc_id 'd9' is not in documents.jsonl")):
        write_tables(work_dir, tmp_path / "out", KNOWLEDGE)


@pytest.mark.parametrize(
    ("stored", "message"),
    [
        (DOCUMENTS[:2], re.escape("1 document(s) were not annotated")),
        ([*DOCUMENTS, DOCUMENTS[0]], "'d1' is stored twice"),
        ([Document("d2", "b.txt", 0, "Other text."), *DOCUMENTS[1:]], "text of doc 'd2' differs"),
    ],
)
def test_stage_stale_annotations_fail(tmp_path: Path, stored: list[Document], message: str) -> None:
    work_dir = make_work_dir(tmp_path / "work")
    docs = [annotated_doc(doc, []) for doc in stored]
    write_annotated(chunk_path(work_dir / ANNOTATED_DIR, "k1"), docs)
    with pytest.raises(WorkFolderError, match=message) as error:
        write_tables(work_dir, tmp_path / "out", KNOWLEDGE)
    assert "run `pipeline annotate` again" in str(error.value)


def test_stage_replaces_files_without_leaving_temporaries(tmp_path: Path) -> None:
    work_dir = make_work_dir(tmp_path / "work")
    out = tmp_path / "out"
    out.mkdir()
    (out / "claims.parquet").write_bytes(b"stale")
    write_tables(work_dir, out, KNOWLEDGE)
    write_tables(work_dir, out, KNOWLEDGE)
    public = sorted(path.name for path in out.iterdir() if path.name != SETS_DIR)
    assert public == sorted(f"{t}.parquet" for t in TABLES)
    served = sorted(path.name for path in (out / SETS_DIR).iterdir())
    assert served[:2] == [".lock", "current"] and len(served) == 3  # and the one set it serves
    assert pq.read_table(out / "claims.parquet").num_rows == len(CLAIMS)


def test_stage_claims_carry_the_utc_date_key_of_their_document(written) -> None:
    claims = read(written, "claims")
    keys = dict(zip(claims["doc_id"].to_pylist(), claims["date_key"].to_pylist(), strict=True))
    # d2 was published 2025-03-01T12:00+02:00, i.e. 10:00 UTC the same day
    assert keys == {"d1": 20250228, "d2": 20250301}


def test_stage_dates_cover_every_publication_date(written) -> None:
    dates = read(written, "dates").to_pylist()
    assert [row["date_key"] for row in dates] == [20250228, 20250301]
    claims = read(written, "claims")
    assert set(claims["date_key"].to_pylist()) <= {row["date_key"] for row in dates}


def test_stage_topics_table_is_the_shipped_lexicon_by_default(written) -> None:
    topics = read(written, "topics").to_pylist()
    lexicon = load_topic_lexicon()
    assert [row["topic_id"] for row in topics] == list(lexicon.topics)
    claims = read(written, "claims")
    assert set(claims["topic"].to_pylist()) <= {row["topic_id"] for row in topics}


TOPICS_TOML = """
replace = true  # this file stands alone, without the shipped topics
order = ["ceasefire", "negotiations", "other"]
generic = ["negotiations"]

[[topics]]
id = "ceasefire"
label = "Ceasefire and truce"
terms = ["ceasefire", "truce"]

[[topics]]
id = "negotiations"
terms = ["talks"]
"""


def test_stage_topics_table_from_a_given_lexicon(tmp_path: Path) -> None:
    topics_path = tmp_path / "topics.toml"
    topics_path.write_text(TOPICS_TOML, encoding="utf-8")
    knowledge = dataclasses.replace(load_knowledge(topics=topics_path), actors=ACTORS)
    write_tables(make_work_dir(tmp_path / "work"), tmp_path / "out", knowledge)
    assert pq.read_table(tmp_path / "out" / "topics.parquet").to_pylist() == [
        {
            "topic_id": "ceasefire",
            "label": "Ceasefire and truce",
            "is_generic": False,
            "n_terms": 2,
        },
        {"topic_id": "negotiations", "label": "Negotiations", "is_generic": True, "n_terms": 1},
        {"topic_id": "other", "label": "Other", "is_generic": False, "n_terms": 0},
    ]


def test_stage_claim_topic_outside_the_lexicon_fails(tmp_path: Path) -> None:
    claims = [*CLAIMS, claim("d2", SECOND, 0, "urged", "trump", "demand", "deal")]
    work_dir = make_work_dir(tmp_path / "work", claims=claims)
    with pytest.raises(WorkFolderError, match="topic 'deal' is not in the topic lexicon"):
        write_tables(work_dir, tmp_path / "out", KNOWLEDGE)
    assert not (tmp_path / "out").exists()


def test_stage_documents_without_dates_give_an_empty_calendar(tmp_path: Path) -> None:
    documents = [Document(doc.doc_id, doc.source, doc.part, doc.text) for doc in DOCUMENTS]
    counts = write_tables(make_work_dir(tmp_path / "work", documents), tmp_path / "out", KNOWLEDGE)
    assert counts["dates"] == 0
    claims = pq.read_table(tmp_path / "out" / "claims.parquet")
    assert claims["date_key"].null_count == claims.num_rows
