"""Actors the knowledge base does not know: titled names, their surnames, their slugs."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.annotate.names import slug_of
from pipeline.annotate.store import MENTIONS_KEY
from pipeline.annotate.unknown import UNKNOWN_KEY


def mentions(doc):
    return [(span.text, span.label_, span.kb_id_) for span in doc.spans[MENTIONS_KEY]]


def unknown(doc):
    return doc.user_data[UNKNOWN_KEY]


@pytest.mark.parametrize(
    ("text", "name", "slug", "role"),
    [
        ("Foreign Minister Jean Dupont spoke.", "Jean Dupont", "dupont", "foreign minister"),
        ("The talks ended, spokesman Ivan Petrov said.", "Ivan Petrov", "petrov", "spokesman"),
        (
            "Ivan Petrov, the Russian deputy foreign minister, spoke.",
            "Ivan Petrov",
            "petrov",
            "deputy foreign minister",
        ),
        (
            "German government spokesperson Anna Schmidt spoke.",
            "Anna Schmidt",
            "schmidt",
            "government spokesperson",
        ),
        ("Prime Minister Pedro Alvarez spoke.", "Pedro Alvarez", "alvarez", "prime minister"),
        ("President Lukas Meier of Switzerland spoke.", "Lukas Meier", "meier", "president"),
        (
            "Commissioner Maria van der Berg spoke.",
            "Maria van der Berg",
            "van_der_berg",
            "commissioner",
        ),
        ("President John F. Kennedy spoke.", "John F. Kennedy", "kennedy", "president"),
        ("Mr. Halvorsen spoke at length.", "Halvorsen", "halvorsen", None),
    ],
)
def test_unknown_titled_names_become_person_actors(annotate, text, name, slug, role):
    doc = annotate(text)
    assert (name, slug, "titled") in mentions(doc)
    found = unknown(doc)[slug]
    assert (found["name"], found["kind"], found["role"]) == (name, "person", role)


@pytest.mark.parametrize(
    ("text", "slug", "affiliation"),
    [
        ("German government spokesperson Anna Schmidt spoke.", "schmidt", "germany"),
        ("Russia's deputy foreign minister Ivan Petrov spoke.", "petrov", "russia"),
        ("Ivan Petrov, the Russian deputy foreign minister, spoke.", "petrov", "russia"),
        ("President Lukas Meier of Switzerland spoke.", "meier", "switzerland"),
        ("NATO Secretary General Jan Hoek spoke.", "hoek", "nato"),
        ("After talks with Russia, Foreign Minister Jean Dupont spoke.", "dupont", None),
    ],
)
def test_unknown_person_speaks_for_the_state_named_in_the_title(annotate, text, slug, affiliation):
    assert unknown(annotate(text))[slug]["affiliation"] == affiliation


@pytest.mark.parametrize(
    "text",
    [
        "Peter Haskins spoke on Tuesday.",  # a capitalised pair without a title
        "The foreign minister spoke.",  # a title without a name
        "The spokeswoman Monday said nothing.",  # a day is no name
        "Speaking in Minsk, the envoy said nothing.",  # a place is no name
        "Foreign Minister Says Talks Will Continue",  # Title Case headline
        "The United Nations General Assembly met.",  # an institution after a title word
    ],
)
def test_unknown_needs_a_title_and_a_name(annotate, text):
    doc = annotate(text)
    assert unknown(doc) == {}
    assert not [m for m in mentions(doc) if m[2] in {"titled", "name"}]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Foreign Minister Sergei Lavrov spoke.", ("Sergei Lavrov", "lavrov", "alias")),
        ("President Emmanuel Macron spoke.", ("Emmanuel Macron", "macron", "alias")),
    ],
)
def test_unknown_never_overrides_a_known_alias(annotate, text, expected):
    doc = annotate(text)
    assert expected in mentions(doc)
    assert unknown(doc) == {}


def test_unknown_name_beats_a_known_title_for_someone_else(annotate):
    doc = annotate("Kremlin spokesman Ivan Petrov spoke.")
    assert ("Ivan Petrov", "petrov", "titled") in mentions(doc)
    assert "peskov" not in {m[1] for m in mentions(doc)}


@pytest.mark.parametrize(
    ("text", "later"),
    [
        ("Defence Minister Karl Brandt arrived. Brandt spoke.", ("Brandt", "brandt", "name")),
        ("Brandt spoke. Defence Minister Karl Brandt arrived.", ("Brandt", "brandt", "name")),
        ("Envoy Karl Brandt arrived. Karl Brandt spoke.", ("Karl Brandt", "brandt", "name")),
        ("Envoy Karl Brandt arrived. He spoke.", ("He", "brandt", "pronoun")),
        ("Spokeswoman Ana Lupu arrived. She spoke.", ("She", "lupu", "pronoun")),
    ],
)
def test_unknown_name_again_and_pronouns_link_to_the_same_actor(annotate, text, later):
    assert later in mentions(annotate(text))


def test_unknown_female_title_sets_the_gender(annotate):
    assert unknown(annotate("Spokeswoman Ana Lupu arrived."))["lupu"]["gender"] == "female"


@pytest.mark.parametrize(
    ("words", "slug"),
    [
        (["Dupont"], "dupont"),
        (["von", "der", "Leyen"], "von_der_leyen"),
        (["Çavuşoğlu"], "cavusoglu"),
        (["O'Brien"], "obrien"),
        (["Smith", "-", "Jones"], "smith_jones"),
        (["Munich", "Security", "Conference"], "munich_security_conference"),
    ],
)
def test_unknown_slug_of_follows_the_guidelines(words, slug):
    assert slug_of(words) == slug


ARTICLE = """Envoy Pressure Grows

Foreign Minister Jean Dupont rejected the proposal to freeze the front line.
Dupont demanded that Russia withdraw its troops. Putin rejected the demand.
"""


@pytest.mark.integration
def test_unknown_actors_reach_the_tables_and_the_actors_command(tmp_path: Path):
    from pipeline.cli import cli

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    runner = CliRunner()
    run = runner.invoke(
        cli, ["--quiet", "run", "--input", str(tmp_path / "in"), "--output", str(out)]
    )
    assert run.exit_code == 0, run.output
    import pandas as pd

    actors = pd.read_parquet(out / "actors.parquet").set_index("actor_id")
    assert actors.loc["dupont", "in_knowledge_base"] == False  # noqa: E712
    assert actors.loc["dupont", "kind"] == "person"
    assert actors.loc["dupont", "role"] == "foreign minister"
    assert actors.loc["putin", "in_knowledge_base"] == True  # noqa: E712
    claims = pd.read_parquet(out / "claims.parquet")
    assert {("dupont", "rejection"), ("dupont", "demand")} <= set(
        zip(claims["actor_id"], claims["claim_type"], strict=True)
    )
    listed = runner.invoke(cli, ["actors", "--unknown", "--output", str(out)])
    assert listed.exit_code == 0, listed.output
    assert listed.output.startswith("dupont")
    assert "2 mentions in 1 document(s)" in listed.output
    assert "Foreign Minister Jean Dupont rejected" in listed.output
    toml = runner.invoke(cli, ["actors", "--unknown", "--toml", "--output", str(out)])
    assert 'id = "dupont"' in toml.output and '"Jean Dupont", "Dupont"' in toml.output
