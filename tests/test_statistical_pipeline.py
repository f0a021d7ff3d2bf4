"""The path for an installed statistical pipeline, run end to end with a trained one.

No pretrained pipeline can be installed here, so the fixture trains a small one
(tagger, senter, NER) on a few hand-made sentences and saves it to disk; the
settings then name it exactly as a user names ``en_core_web_sm``. Its accuracy
is beside the point: what is tested is that its annotations load, decide the
sentence boundaries when asked to, survive storage, and that claims and tables
come out of it.
"""

from __future__ import annotations

import random
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import spacy
from click.testing import CliRunner
from spacy.training import Example

from pipeline.annotate.store import iter_annotated
from pipeline.cli import cli

pytestmark = pytest.mark.integration

TRAINING = [
    (
        "Putin rejected the plan. Kyiv agreed.",
        ["NNP", "VBD", "DT", "NN", ".", "NNP", "VBD", "."],
        [1, 0, 0, 0, 0, 1, 0, 0],
        ["B-PERSON", "O", "O", "O", "O", "B-GPE", "O", "O"],
    ),
    (
        "Zelensky demanded a ceasefire. Moscow refused.",
        ["NNP", "VBD", "DT", "NN", ".", "NNP", "VBD", "."],
        [1, 0, 0, 0, 0, 1, 0, 0],
        ["B-PERSON", "O", "O", "O", "O", "B-GPE", "O", "O"],
    ),
]
ARTICLE = (
    "Zelensky rejected the demand that Ukraine give up the eastern regions. "
    "Trump threatened new sanctions unless Moscow agrees to a ceasefire.\n"
)


@pytest.fixture(scope="module")
def trained_pipeline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    random.seed(0)
    spacy.util.fix_random_seed(0)
    nlp = spacy.blank("en")
    for name in ("tagger", "senter", "ner"):
        nlp.add_pipe(name)
    examples = [
        Example.from_dict(
            nlp.make_doc(text), {"tags": tags, "sent_starts": starts, "entities": ents}
        )
        for text, tags, starts, ents in TRAINING
    ]
    nlp.initialize(lambda: examples)
    for _ in range(20):
        random.shuffle(examples)
        nlp.update(examples)
    path = tmp_path_factory.mktemp("model") / "tiny_news_model"
    nlp.to_disk(path)
    return path


@pytest.mark.parametrize("sentences", ["model", "rules"])
def test_statistical_pipeline_runs_end_to_end(
    tmp_path: Path, trained_pipeline: Path, sentences: str
) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(ARTICLE, encoding="utf-8")
    settings = tmp_path / "settings.toml"
    settings.write_text(
        f'[nlp]\nmodel = "{trained_pipeline.as_posix()}"\nsentences = "{sentences}"\n',
        encoding="utf-8",
    )
    work, out = tmp_path / "work", tmp_path / "out"
    options = ["--input", str(articles), "--work", str(work), "--output", str(out)]
    result = CliRunner().invoke(cli, ["--settings", str(settings), "run", *options])
    assert result.exit_code == 0, result.output
    # the model's own annotations are stored with the mentions
    [doc] = [doc for chunk in (work / "annotated").glob("*.spacy") for doc in iter_annotated(chunk)]
    assert {token.tag_ for token in doc} - {""}, "tags from the tagger were not stored"
    assert [span.label_ for span in doc.spans["mentions"]][:2] == ["zelensky", "ukraine"]
    rows = pq.read_table(out / "sentences.parquet").to_pylist()
    claims = pq.read_table(out / "claims.parquet").to_pylist()
    assert {claim["sentence"] for claim in claims} <= {row["text"] for row in rows}
    if sentences == "model":  # the boundaries are the model's own, however poor
        own = [s.text.strip() for s in spacy.load(trained_pipeline)(ARTICLE).sents]
        assert [row["text"] for row in rows if row["text"]] == [text for text in own if text]
    else:  # the news sentencizer decides; the rules find the claims as without a model
        assert [row["text"] for row in rows] == [
            "Zelensky rejected the demand that Ukraine give up the eastern regions.",
            "Trump threatened new sanctions unless Moscow agrees to a ceasefire.",
        ]
        found = {(claim["actor_id"], claim["claim_type"]) for claim in claims}
        assert {("zelensky", "rejection"), ("trump", "demand")} <= found
